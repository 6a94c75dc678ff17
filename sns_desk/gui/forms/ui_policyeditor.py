# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'policyeditor.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

class Ui_PolicyEditor(object):
    def setupUi(self, PolicyEditor):
        if not PolicyEditor.objectName():
            PolicyEditor.setObjectName(u"PolicyEditor")
        self.editorLayout = QVBoxLayout(PolicyEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.policyForm = QFormLayout()
        self.policyForm.setObjectName(u"policyForm")
        self.purposeLabel = QLabel(PolicyEditor)
        self.purposeLabel.setObjectName(u"purposeLabel")

        self.policyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.purposeLabel)

        self.purposeEdit = QPlainTextEdit(PolicyEditor)
        self.purposeEdit.setObjectName(u"purposeEdit")
        self.purposeEdit.setMaximumSize(QSize(16777215, 60))
        self.purposeEdit.setTabChangesFocus(True)

        self.policyForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.purposeEdit)

        self.contentLabel = QLabel(PolicyEditor)
        self.contentLabel.setObjectName(u"contentLabel")

        self.policyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentEdit = QPlainTextEdit(PolicyEditor)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setMaximumSize(QSize(16777215, 60))
        self.contentEdit.setTabChangesFocus(True)

        self.policyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contentEdit)

        self.hoursLabel = QLabel(PolicyEditor)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.policyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hoursLabel)

        self.hoursWidget = QWidget(PolicyEditor)
        self.hoursWidget.setObjectName(u"hoursWidget")

        self.policyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hoursWidget)

        self.holidaysCheck = QCheckBox(PolicyEditor)
        self.holidaysCheck.setObjectName(u"holidaysCheck")
        self.holidaysCheck.setChecked(True)

        self.policyForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.holidaysCheck)

        self.yearEndCheck = QCheckBox(PolicyEditor)
        self.yearEndCheck.setObjectName(u"yearEndCheck")
        self.yearEndCheck.setChecked(True)

        self.policyForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.yearEndCheck)

        self.hoursNoteLabel = QLabel(PolicyEditor)
        self.hoursNoteLabel.setObjectName(u"hoursNoteLabel")

        self.policyForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.hoursNoteLabel)

        self.hoursNoteEdit = QLineEdit(PolicyEditor)
        self.hoursNoteEdit.setObjectName(u"hoursNoteEdit")

        self.policyForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.hoursNoteEdit)

        self.commentsLabel = QLabel(PolicyEditor)
        self.commentsLabel.setObjectName(u"commentsLabel")

        self.policyForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.commentsLabel)

        self.commentsAnsweredCheck = QCheckBox(PolicyEditor)
        self.commentsAnsweredCheck.setObjectName(u"commentsAnsweredCheck")

        self.policyForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.commentsAnsweredCheck)

        self.commentPolicyLabel = QLabel(PolicyEditor)
        self.commentPolicyLabel.setObjectName(u"commentPolicyLabel")

        self.policyForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.commentPolicyLabel)

        self.commentPolicyEdit = QPlainTextEdit(PolicyEditor)
        self.commentPolicyEdit.setObjectName(u"commentPolicyEdit")
        self.commentPolicyEdit.setMaximumSize(QSize(16777215, 60))
        self.commentPolicyEdit.setTabChangesFocus(True)

        self.policyForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.commentPolicyEdit)

        self.contactPhoneLabel = QLabel(PolicyEditor)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.policyForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.contactPhoneLabel)

        self.contactPhoneEdit = QLineEdit(PolicyEditor)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")

        self.policyForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.contactPhoneEdit)

        self.contactEmailLabel = QLabel(PolicyEditor)
        self.contactEmailLabel.setObjectName(u"contactEmailLabel")

        self.policyForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.contactEmailLabel)

        self.contactEmailEdit = QLineEdit(PolicyEditor)
        self.contactEmailEdit.setObjectName(u"contactEmailEdit")

        self.policyForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.contactEmailEdit)

        self.followLabel = QLabel(PolicyEditor)
        self.followLabel.setObjectName(u"followLabel")

        self.policyForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.followLabel)

        self.followCombo = QComboBox(PolicyEditor)
        self.followCombo.setObjectName(u"followCombo")

        self.policyForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.followCombo)

        self.repostLabel = QLabel(PolicyEditor)
        self.repostLabel.setObjectName(u"repostLabel")

        self.policyForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.repostLabel)

        self.repostCombo = QComboBox(PolicyEditor)
        self.repostCombo.setObjectName(u"repostCombo")

        self.policyForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.repostCombo)

        self.likeLabel = QLabel(PolicyEditor)
        self.likeLabel.setObjectName(u"likeLabel")

        self.policyForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.likeLabel)

        self.likeCombo = QComboBox(PolicyEditor)
        self.likeCombo.setObjectName(u"likeCombo")

        self.policyForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.likeCombo)

        self.shareLabel = QLabel(PolicyEditor)
        self.shareLabel.setObjectName(u"shareLabel")

        self.policyForm.setWidget(13, QFormLayout.ItemRole.LabelRole, self.shareLabel)

        self.shareCombo = QComboBox(PolicyEditor)
        self.shareCombo.setObjectName(u"shareCombo")

        self.policyForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.shareCombo)

        self.handlingNoteLabel = QLabel(PolicyEditor)
        self.handlingNoteLabel.setObjectName(u"handlingNoteLabel")

        self.policyForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.handlingNoteLabel)

        self.handlingNoteEdit = QLineEdit(PolicyEditor)
        self.handlingNoteEdit.setObjectName(u"handlingNoteEdit")

        self.policyForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.handlingNoteEdit)

        self.prohibitedLabel = QLabel(PolicyEditor)
        self.prohibitedLabel.setObjectName(u"prohibitedLabel")

        self.policyForm.setWidget(15, QFormLayout.ItemRole.LabelRole, self.prohibitedLabel)

        self.prohibitedEdit = QPlainTextEdit(PolicyEditor)
        self.prohibitedEdit.setObjectName(u"prohibitedEdit")
        self.prohibitedEdit.setMaximumSize(QSize(16777215, 90))
        self.prohibitedEdit.setTabChangesFocus(True)

        self.policyForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.prohibitedEdit)

        self.ipRightsLabel = QLabel(PolicyEditor)
        self.ipRightsLabel.setObjectName(u"ipRightsLabel")

        self.policyForm.setWidget(16, QFormLayout.ItemRole.LabelRole, self.ipRightsLabel)

        self.ipRightsEdit = QPlainTextEdit(PolicyEditor)
        self.ipRightsEdit.setObjectName(u"ipRightsEdit")
        self.ipRightsEdit.setMaximumSize(QSize(16777215, 60))
        self.ipRightsEdit.setTabChangesFocus(True)

        self.policyForm.setWidget(16, QFormLayout.ItemRole.FieldRole, self.ipRightsEdit)

        self.disclaimerLabel = QLabel(PolicyEditor)
        self.disclaimerLabel.setObjectName(u"disclaimerLabel")

        self.policyForm.setWidget(17, QFormLayout.ItemRole.LabelRole, self.disclaimerLabel)

        self.disclaimerEdit = QPlainTextEdit(PolicyEditor)
        self.disclaimerEdit.setObjectName(u"disclaimerEdit")
        self.disclaimerEdit.setMaximumSize(QSize(16777215, 90))
        self.disclaimerEdit.setTabChangesFocus(True)

        self.policyForm.setWidget(17, QFormLayout.ItemRole.FieldRole, self.disclaimerEdit)

        self.publishedUrlLabel = QLabel(PolicyEditor)
        self.publishedUrlLabel.setObjectName(u"publishedUrlLabel")

        self.policyForm.setWidget(18, QFormLayout.ItemRole.LabelRole, self.publishedUrlLabel)

        self.publishedUrlEdit = QLineEdit(PolicyEditor)
        self.publishedUrlEdit.setObjectName(u"publishedUrlEdit")

        self.policyForm.setWidget(18, QFormLayout.ItemRole.FieldRole, self.publishedUrlEdit)


        self.editorLayout.addLayout(self.policyForm)

        self.problemsLabel = QLabel(PolicyEditor)
        self.problemsLabel.setObjectName(u"problemsLabel")
        self.problemsLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.problemsLabel)

#if QT_CONFIG(shortcut)
        self.purposeLabel.setBuddy(self.purposeEdit)
        self.contentLabel.setBuddy(self.contentEdit)
        self.hoursNoteLabel.setBuddy(self.hoursNoteEdit)
        self.commentPolicyLabel.setBuddy(self.commentPolicyEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
        self.contactEmailLabel.setBuddy(self.contactEmailEdit)
        self.followLabel.setBuddy(self.followCombo)
        self.repostLabel.setBuddy(self.repostCombo)
        self.likeLabel.setBuddy(self.likeCombo)
        self.shareLabel.setBuddy(self.shareCombo)
        self.handlingNoteLabel.setBuddy(self.handlingNoteEdit)
        self.prohibitedLabel.setBuddy(self.prohibitedEdit)
        self.ipRightsLabel.setBuddy(self.ipRightsEdit)
        self.disclaimerLabel.setBuddy(self.disclaimerEdit)
        self.publishedUrlLabel.setBuddy(self.publishedUrlEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PolicyEditor)

        QMetaObject.connectSlotsByName(PolicyEditor)
    # setupUi

    def retranslateUi(self, PolicyEditor):
        PolicyEditor.setWindowTitle(QCoreApplication.translate("PolicyEditor", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc", None))
        self.purposeLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u76ee\u7684\uff08\u30a6\uff09:", None))
#if QT_CONFIG(accessibility)
        self.purposeEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u60c5\u5831\u767a\u4fe1\u306e\u76ee\u7684", None))
#endif // QT_CONFIG(accessibility)
        self.contentLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u63b2\u8f09\u5185\u5bb9\uff08\u30a6\uff09:", None))
#if QT_CONFIG(accessibility)
        self.contentEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u63b2\u8f09\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
        self.hoursLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u904b\u7528\u6642\u9593\uff08\u30a8\uff09:", None))
#if QT_CONFIG(accessibility)
        self.hoursWidget.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u66dc\u65e5\u3054\u3068\u306e\u904b\u7528\u6642\u9593", None))
#endif // QT_CONFIG(accessibility)
        self.holidaysCheck.setText(QCoreApplication.translate("PolicyEditor", u"\u795d\u65e5\u306f\u904b\u7528\u3057\u306a\u3044", None))
        self.yearEndCheck.setText(QCoreApplication.translate("PolicyEditor", u"\u5e74\u672b\u5e74\u59cb\uff0812\u670829\u65e5\u301c1\u67083\u65e5\uff09\u306f\u904b\u7528\u3057\u306a\u3044", None))
        self.hoursNoteLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u904b\u7528\u6642\u9593\u306e\u88dc\u8db3:", None))
#if QT_CONFIG(accessibility)
        self.hoursNoteEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u904b\u7528\u6642\u9593\u306e\u88dc\u8db3", None))
#endif // QT_CONFIG(accessibility)
        self.commentsLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u30b3\u30e1\u30f3\u30c8\uff08\u00a77\uff09:", None))
        self.commentsAnsweredCheck.setText(QCoreApplication.translate("PolicyEditor", u"\u30b3\u30e1\u30f3\u30c8\u306b\u56de\u7b54\u3059\u308b", None))
        self.commentPolicyLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u5bfe\u5fdc\u65b9\u6cd5:", None))
#if QT_CONFIG(accessibility)
        self.commentPolicyEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u30b3\u30e1\u30f3\u30c8\u7b49\u3078\u306e\u5bfe\u5fdc\u65b9\u6cd5", None))
#endif // QT_CONFIG(accessibility)
        self.contactPhoneLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u554f\u3044\u5408\u308f\u305b\u96fb\u8a71:", None))
#if QT_CONFIG(accessibility)
        self.contactPhoneEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u554f\u3044\u5408\u308f\u305b\u5148\u306e\u96fb\u8a71\u756a\u53f7", None))
#endif // QT_CONFIG(accessibility)
        self.contactPhoneEdit.setPlaceholderText(QCoreApplication.translate("PolicyEditor", u"\u4f8b: 099-224-1111", None))
        self.contactEmailLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u554f\u3044\u5408\u308f\u305b\u30e1\u30fc\u30eb:", None))
#if QT_CONFIG(accessibility)
        self.contactEmailEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u554f\u3044\u5408\u308f\u305b\u5148\u306e\u30e1\u30fc\u30eb\u30a2\u30c9\u30ec\u30b9", None))
#endif // QT_CONFIG(accessibility)
        self.followLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u30d5\u30a9\u30ed\u30fc:", None))
#if QT_CONFIG(accessibility)
        self.followCombo.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u30d5\u30a9\u30ed\u30fc\u306e\u53d6\u308a\u6271\u3044", None))
#endif // QT_CONFIG(accessibility)
        self.repostLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u30ea\u30dd\u30b9\u30c8\uff08\u5171\u6709\uff09:", None))
#if QT_CONFIG(accessibility)
        self.repostCombo.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u30ea\u30dd\u30b9\u30c8\u306e\u53d6\u308a\u6271\u3044", None))
#endif // QT_CONFIG(accessibility)
        self.likeLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u3044\u3044\u306d:", None))
#if QT_CONFIG(accessibility)
        self.likeCombo.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u3044\u3044\u306d\u306e\u53d6\u308a\u6271\u3044", None))
#endif // QT_CONFIG(accessibility)
        self.shareLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u30b7\u30a7\u30a2:", None))
#if QT_CONFIG(accessibility)
        self.shareCombo.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u30b7\u30a7\u30a2\u306e\u53d6\u308a\u6271\u3044", None))
#endif // QT_CONFIG(accessibility)
        self.handlingNoteLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u53d6\u308a\u6271\u3044\u306e\u88dc\u8db3:", None))
#if QT_CONFIG(accessibility)
        self.handlingNoteEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u53d6\u308a\u6271\u3044\u306e\u88dc\u8db3", None))
#endif // QT_CONFIG(accessibility)
        self.handlingNoteEdit.setPlaceholderText(QCoreApplication.translate("PolicyEditor", u"\u300c\u9650\u5b9a\u3057\u3066\u884c\u3046\u300d\u306e\u7bc4\u56f2\u306a\u3069", None))
        self.prohibitedLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u7981\u6b62\u4e8b\u9805\uff08\u30aa\uff09:", None))
#if QT_CONFIG(accessibility)
        self.prohibitedEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u7981\u6b62\u4e8b\u9805", None))
#endif // QT_CONFIG(accessibility)
        self.ipRightsLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u77e5\u7684\u8ca1\u7523\u6a29\uff08\u30ab\uff09:", None))
#if QT_CONFIG(accessibility)
        self.ipRightsEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u77e5\u7684\u8ca1\u7523\u6a29\u306e\u5e30\u5c5e", None))
#endif // QT_CONFIG(accessibility)
        self.disclaimerLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u514d\u8cac\u4e8b\u9805\uff08\u30ad\uff09:", None))
#if QT_CONFIG(accessibility)
        self.disclaimerEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u514d\u8cac\u4e8b\u9805", None))
#endif // QT_CONFIG(accessibility)
        self.publishedUrlLabel.setText(QCoreApplication.translate("PolicyEditor", u"\u63b2\u8f09\u5148 URL:", None))
#if QT_CONFIG(accessibility)
        self.publishedUrlEdit.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306e\u63b2\u8f09\u5148 URL", None))
#endif // QT_CONFIG(accessibility)
        self.publishedUrlEdit.setPlaceholderText(QCoreApplication.translate("PolicyEditor", u"\u5e02\u516c\u5f0f\u30db\u30fc\u30e0\u30da\u30fc\u30b8\u306e\u63b2\u8f09\u30da\u30fc\u30b8\uff08\u00a73(3)\u30a4\uff09", None))
#if QT_CONFIG(accessibility)
        self.problemsLabel.setAccessibleName(QCoreApplication.translate("PolicyEditor", u"\u627f\u8a8d\u306b\u5fc5\u8981\u306a\u4e0d\u8db3\u4e8b\u9805", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

