# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inquiriespage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_InquiriesPage(object):
    def setupUi(self, InquiriesPage):
        if not InquiriesPage.objectName():
            InquiriesPage.setObjectName(u"InquiriesPage")
        self.pageLayout = QVBoxLayout(InquiriesPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(InquiriesPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(InquiriesPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.introLabel)

        self.formGroup = QGroupBox(InquiriesPage)
        self.formGroup.setObjectName(u"formGroup")
        self.formGroupLayout = QVBoxLayout(self.formGroup)
        self.formGroupLayout.setObjectName(u"formGroupLayout")
        self.inquiryForm = QFormLayout()
        self.inquiryForm.setObjectName(u"inquiryForm")
        self.accountLabel = QLabel(self.formGroup)
        self.accountLabel.setObjectName(u"accountLabel")

        self.inquiryForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.accountLabel)

        self.accountCombo = QComboBox(self.formGroup)
        self.accountCombo.setObjectName(u"accountCombo")

        self.inquiryForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.accountCombo)

        self.channelLabel = QLabel(self.formGroup)
        self.channelLabel.setObjectName(u"channelLabel")

        self.inquiryForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.formGroup)
        self.channelCombo.setObjectName(u"channelCombo")

        self.inquiryForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.kindLabel = QLabel(self.formGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.inquiryForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.formGroup)
        self.kindCombo.setObjectName(u"kindCombo")

        self.inquiryForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.receivedLabel = QLabel(self.formGroup)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.inquiryForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.receivedEdit = QDateTimeEdit(self.formGroup)
        self.receivedEdit.setObjectName(u"receivedEdit")
        self.receivedEdit.setCalendarPopup(True)

        self.inquiryForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.receivedEdit)

        self.contentLabel = QLabel(self.formGroup)
        self.contentLabel.setObjectName(u"contentLabel")

        self.inquiryForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.contentLabel)

        self.contentEdit = QPlainTextEdit(self.formGroup)
        self.contentEdit.setObjectName(u"contentEdit")
        self.contentEdit.setMaximumSize(QSize(16777215, 70))
        self.contentEdit.setTabChangesFocus(True)

        self.inquiryForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.contentEdit)

        self.responseLabel = QLabel(self.formGroup)
        self.responseLabel.setObjectName(u"responseLabel")

        self.inquiryForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.responseLabel)

        self.responseEdit = QLineEdit(self.formGroup)
        self.responseEdit.setObjectName(u"responseEdit")
        self.responseEdit.setClearButtonEnabled(True)

        self.inquiryForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.responseEdit)


        self.formGroupLayout.addLayout(self.inquiryForm)

        self.formButtons = QHBoxLayout()
        self.formButtons.setObjectName(u"formButtons")
        self.logButton = QPushButton(self.formGroup)
        self.logButton.setObjectName(u"logButton")

        self.formButtons.addWidget(self.logButton)

        self.errorLabel = QLabel(self.formGroup)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.formButtons.addWidget(self.errorLabel)

        self.formButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.formButtons.addItem(self.formButtonsSpacer)


        self.formGroupLayout.addLayout(self.formButtons)


        self.pageLayout.addWidget(self.formGroup)

        self.inquiriesTable = QTableView(InquiriesPage)
        self.inquiriesTable.setObjectName(u"inquiriesTable")
        self.inquiriesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.inquiriesTable.setAlternatingRowColors(True)
        self.inquiriesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.inquiriesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.pageLayout.addWidget(self.inquiriesTable)

        self.listButtons = QHBoxLayout()
        self.listButtons.setObjectName(u"listButtons")
        self.forwardButton = QPushButton(InquiriesPage)
        self.forwardButton.setObjectName(u"forwardButton")

        self.listButtons.addWidget(self.forwardButton)

        self.retentionLabel = QLabel(InquiriesPage)
        self.retentionLabel.setObjectName(u"retentionLabel")
        self.retentionLabel.setWordWrap(True)
        self.retentionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.listButtons.addWidget(self.retentionLabel)

        self.listButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.listButtons.addItem(self.listButtonsSpacer)


        self.pageLayout.addLayout(self.listButtons)

#if QT_CONFIG(shortcut)
        self.accountLabel.setBuddy(self.accountCombo)
        self.channelLabel.setBuddy(self.channelCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.receivedLabel.setBuddy(self.receivedEdit)
        self.contentLabel.setBuddy(self.contentEdit)
        self.responseLabel.setBuddy(self.responseEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(InquiriesPage)

        QMetaObject.connectSlotsByName(InquiriesPage)
    # setupUi

    def retranslateUi(self, InquiriesPage):
        InquiriesPage.setWindowTitle(QCoreApplication.translate("InquiriesPage", u"\u554f\u3044\u5408\u308f\u305b", None))
        self.titleLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u554f\u3044\u5408\u308f\u305b\u30fb\u610f\u898b", None))
        self.introLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u30b3\u30e1\u30f3\u30c8\u3001\u30e1\u30c3\u30bb\u30fc\u30b8\u3001\u96fb\u8a71\u3001\u30e1\u30fc\u30eb\u3067\u5bc4\u305b\u3089\u308c\u305f\u554f\u3044\u5408\u308f\u305b\u3084\u610f\u898b\u3092\u8a18\u9332\u3057\u307e\u3059\uff08\u00a77\uff09\u3002\u63d0\u6848\u3084\u8981\u671b\u306f SNS \u4e0a\u3067\u306f\u56de\u7b54\u305b\u305a\u3001\u62c5\u5f53\u8ab2\u306b\u5bfe\u5fdc\u3092\u4f9d\u983c\u3057\u307e\u3059\uff08\u00a77(3)\uff09\u3002", None))
        self.formGroup.setTitle(QCoreApplication.translate("InquiriesPage", u"\u8a18\u9332\u3059\u308b", None))
        self.accountLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8:", None))
#if QT_CONFIG(accessibility)
        self.accountCombo.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8", None))
#endif // QT_CONFIG(accessibility)
        self.channelLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u53d7\u4ed8\u65b9\u6cd5:", None))
#if QT_CONFIG(accessibility)
        self.channelCombo.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u53d7\u4ed8\u65b9\u6cd5", None))
#endif // QT_CONFIG(accessibility)
        self.kindLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u7a2e\u5225:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u7a2e\u5225", None))
#endif // QT_CONFIG(accessibility)
        self.receivedLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u53d7\u4ed8\u65e5\u6642:", None))
#if QT_CONFIG(accessibility)
        self.receivedEdit.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u53d7\u4ed8\u65e5\u6642", None))
#endif // QT_CONFIG(accessibility)
        self.receivedEdit.setDisplayFormat(QCoreApplication.translate("InquiriesPage", u"yyyy-MM-dd HH:mm", None))
        self.contentLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u5185\u5bb9:", None))
#if QT_CONFIG(accessibility)
        self.contentEdit.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
        self.contentEdit.setPlaceholderText(QCoreApplication.translate("InquiriesPage", u"\u6c0f\u540d\u30fb\u4f4f\u6240\u306a\u3069\u306e\u500b\u4eba\u60c5\u5831\u306f\u3001\u5bfe\u5fdc\u306b\u5fc5\u8981\u306a\u7bc4\u56f2\u306b\u3068\u3069\u3081\u3066\u304f\u3060\u3055\u3044", None))
        self.responseLabel.setText(QCoreApplication.translate("InquiriesPage", u"\u5bfe\u5fdc:", None))
#if QT_CONFIG(accessibility)
        self.responseEdit.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u5bfe\u5fdc\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.logButton.setToolTip(QCoreApplication.translate("InquiriesPage", u"\u53d7\u3051\u4ed8\u3051\u305f\u554f\u3044\u5408\u308f\u305b\u3084\u610f\u898b\u3092\u8a18\u9332\u3057\u307e\u3059\uff08\u00a77\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.logButton.setText(QCoreApplication.translate("InquiriesPage", u"\u8a18\u9332(&L)", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.inquiriesTable.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u554f\u3044\u5408\u308f\u305b\u30fb\u610f\u898b\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.forwardButton.setToolTip(QCoreApplication.translate("InquiriesPage", u"\u63d0\u6848\u3084\u8981\u671b\u3092\u62c5\u5f53\u8ab2\u3078\u5bfe\u5fdc\u4f9d\u983c\u3057\u307e\u3059\uff08\u00a77(3)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.forwardButton.setText(QCoreApplication.translate("InquiriesPage", u"\u62c5\u5f53\u8ab2\u3078\u4f9d\u983c\u2026", None))
#if QT_CONFIG(accessibility)
        self.retentionLabel.setAccessibleName(QCoreApplication.translate("InquiriesPage", u"\u4fdd\u5b58\u671f\u9593", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

