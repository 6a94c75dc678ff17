# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accountinfodialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_AccountInfoDialog(object):
    def setupUi(self, AccountInfoDialog):
        if not AccountInfoDialog.objectName():
            AccountInfoDialog.setObjectName(u"AccountInfoDialog")
        AccountInfoDialog.resize(520, 320)
        self.dialogLayout = QVBoxLayout(AccountInfoDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.accountForm = QFormLayout()
        self.accountForm.setObjectName(u"accountForm")
        self.platformLabel = QLabel(AccountInfoDialog)
        self.platformLabel.setObjectName(u"platformLabel")

        self.accountForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.platformLabel)

        self.platformCombo = QComboBox(AccountInfoDialog)
        self.platformCombo.setObjectName(u"platformCombo")

        self.accountForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.platformCombo)

        self.nameLabel = QLabel(AccountInfoDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.accountForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(AccountInfoDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.accountForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.handleLabel = QLabel(AccountInfoDialog)
        self.handleLabel.setObjectName(u"handleLabel")

        self.accountForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.handleLabel)

        self.handleEdit = QLineEdit(AccountInfoDialog)
        self.handleEdit.setObjectName(u"handleEdit")

        self.accountForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.handleEdit)

        self.urlLabel = QLabel(AccountInfoDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.accountForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(AccountInfoDialog)
        self.urlEdit.setObjectName(u"urlEdit")

        self.accountForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.departmentLabel = QLabel(AccountInfoDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.accountForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(AccountInfoDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.accountForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.departmentCombo)


        self.dialogLayout.addLayout(self.accountForm)

        self.selfApprovalCheck = QCheckBox(AccountInfoDialog)
        self.selfApprovalCheck.setObjectName(u"selfApprovalCheck")

        self.dialogLayout.addWidget(self.selfApprovalCheck)

        self.afterApprovalCheck = QCheckBox(AccountInfoDialog)
        self.afterApprovalCheck.setObjectName(u"afterApprovalCheck")

        self.dialogLayout.addWidget(self.afterApprovalCheck)

        self.openingReportCheck = QCheckBox(AccountInfoDialog)
        self.openingReportCheck.setObjectName(u"openingReportCheck")

        self.dialogLayout.addWidget(self.openingReportCheck)

        self.errorLabel = QLabel(AccountInfoDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AccountInfoDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.platformLabel.setBuddy(self.platformCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.handleLabel.setBuddy(self.handleEdit)
        self.urlLabel.setBuddy(self.urlEdit)
        self.departmentLabel.setBuddy(self.departmentCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountInfoDialog)

        QMetaObject.connectSlotsByName(AccountInfoDialog)
    # setupUi

    def retranslateUi(self, AccountInfoDialog):
        AccountInfoDialog.setWindowTitle(QCoreApplication.translate("AccountInfoDialog", u"\u57fa\u672c\u60c5\u5831\u306e\u7de8\u96c6", None))
        self.platformLabel.setText(QCoreApplication.translate("AccountInfoDialog", u"\u7a2e\u985e\uff08\u30a2\uff09:", None))
#if QT_CONFIG(accessibility)
        self.platformCombo.setAccessibleName(QCoreApplication.translate("AccountInfoDialog", u"\u30bd\u30fc\u30b7\u30e3\u30eb\u30e1\u30c7\u30a3\u30a2\u306e\u7a2e\u985e", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("AccountInfoDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u540d\uff08\u30a4\uff09:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("AccountInfoDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("AccountInfoDialog", u"\u4f8b: \u9e7f\u5150\u5cf6\u5e02\u89b3\u5149\u516c\u5f0fX", None))
        self.handleLabel.setText(QCoreApplication.translate("AccountInfoDialog", u"\u30e6\u30fc\u30b6\u30fc\u540d:", None))
#if QT_CONFIG(accessibility)
        self.handleEdit.setAccessibleName(QCoreApplication.translate("AccountInfoDialog", u"\u30e6\u30fc\u30b6\u30fc\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.handleEdit.setPlaceholderText(QCoreApplication.translate("AccountInfoDialog", u"\u4f8b: @kagoshima_kanko", None))
        self.urlLabel.setText(QCoreApplication.translate("AccountInfoDialog", u"URL\uff08\u30a4\uff09:", None))
#if QT_CONFIG(accessibility)
        self.urlEdit.setAccessibleName(QCoreApplication.translate("AccountInfoDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u306e URL", None))
#endif // QT_CONFIG(accessibility)
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("AccountInfoDialog", u"\u53d6\u5f97\u524d\u306a\u3089\u7a7a\u6b04\uff08\u3042\u3068\u3067\u8a18\u5165\uff09", None))
        self.departmentLabel.setText(QCoreApplication.translate("AccountInfoDialog", u"\u904b\u7528\u90e8\u7f72\uff08\u30a4\uff09:", None))
#if QT_CONFIG(accessibility)
        self.departmentCombo.setAccessibleName(QCoreApplication.translate("AccountInfoDialog", u"\u904b\u7528\u90e8\u7f72", None))
#endif // QT_CONFIG(accessibility)
        self.selfApprovalCheck.setText(QCoreApplication.translate("AccountInfoDialog", u"\u7ba1\u7406\u8005\u304c\u81ea\u5206\u306e\u6295\u7a3f\u3092\u627f\u8a8d\u3067\u304d\u308b\uff08\u901a\u5e38\u306f\u30aa\u30d5\uff1a4\u3064\u306e\u76ee\u306e\u539f\u5247\uff09", None))
        self.afterApprovalCheck.setText(QCoreApplication.translate("AccountInfoDialog", u"\u62c5\u5f53\u8005\u304c\u7dca\u6025\u306e\u6295\u7a3f\uff08\u7406\u7531\u3092\u8a18\u5165\u3057\u305f\u3082\u306e\uff09\u3092\u627f\u8a8d\u306e\u524d\u306b\u6295\u7a3f\u3057\u3001\u7ba1\u7406\u8005\u304c\u4e8b\u5f8c\u627f\u8a8d\u3059\u308b\uff08\u00a75(9)\uff09", None))
#if QT_CONFIG(tooltip)
        self.afterApprovalCheck.setToolTip(QCoreApplication.translate("AccountInfoDialog", u"\u30aa\u30f3\u306b\u3059\u308b\u3068\u3001\u627f\u8a8d\u5f85\u3061\u306e\u7dca\u6025\u306e\u6295\u7a3f\u3092\u62c5\u5f53\u8005\u304c\u5148\u306b\u6295\u7a3f\u3067\u304d\u3001\u300c\u4e8b\u5f8c\u627f\u8a8d\u5f85\u3061\u300d\u3068\u3057\u3066\u627f\u8a8d\u5f85\u3061\u306e\u5148\u982d\u306b\u4e26\u3073\u307e\u3059\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.openingReportCheck.setText(QCoreApplication.translate("AccountInfoDialog", u"\u5e83\u5831\u8ab2\u3078\u306e\u958b\u8a2d\u306e\u5831\u544a\uff08\u00a73(2)\uff09\u3092\u8a18\u9332\u3057\u3066\u304b\u3089\u904b\u7528\u3092\u958b\u59cb\u3059\u308b", None))
#if QT_CONFIG(tooltip)
        self.openingReportCheck.setToolTip(QCoreApplication.translate("AccountInfoDialog", u"\u30aa\u30f3\u306b\u3059\u308b\u3068\u3001\u958b\u8a2d\u306e\u5831\u544a\u66f8\u3092\u9001\u4ed8\u6e08\u307f\u3068\u3057\u3066\u8a18\u9332\u3059\u308b\u307e\u3067\u300c\u904b\u7528\u958b\u59cb\u300d\u3067\u304d\u307e\u305b\u3093\u3002", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AccountInfoDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

