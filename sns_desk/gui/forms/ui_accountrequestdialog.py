# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accountrequestdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QVBoxLayout, QWidget

class Ui_AccountRequestDialog(object):
    def setupUi(self, AccountRequestDialog):
        if not AccountRequestDialog.objectName():
            AccountRequestDialog.setObjectName(u"AccountRequestDialog")
        AccountRequestDialog.resize(760, 680)
        self.dialogLayout = QVBoxLayout(AccountRequestDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(AccountRequestDialog)
        self.tabs.setObjectName(u"tabs")
        self.accountTab = QWidget()
        self.accountTab.setObjectName(u"accountTab")
        self.accountTabLayout = QVBoxLayout(self.accountTab)
        self.accountTabLayout.setObjectName(u"accountTabLayout")
        self.accountForm = QFormLayout()
        self.accountForm.setObjectName(u"accountForm")
        self.platformLabel = QLabel(self.accountTab)
        self.platformLabel.setObjectName(u"platformLabel")

        self.accountForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.platformLabel)

        self.platformCombo = QComboBox(self.accountTab)
        self.platformCombo.setObjectName(u"platformCombo")

        self.accountForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.platformCombo)

        self.nameLabel = QLabel(self.accountTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.accountForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.accountTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.accountForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.handleLabel = QLabel(self.accountTab)
        self.handleLabel.setObjectName(u"handleLabel")

        self.accountForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.handleLabel)

        self.handleEdit = QLineEdit(self.accountTab)
        self.handleEdit.setObjectName(u"handleEdit")

        self.accountForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.handleEdit)

        self.urlLabel = QLabel(self.accountTab)
        self.urlLabel.setObjectName(u"urlLabel")

        self.accountForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(self.accountTab)
        self.urlEdit.setObjectName(u"urlEdit")

        self.accountForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.departmentLabel = QLabel(self.accountTab)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.accountForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(self.accountTab)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.accountForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.responsibleLabel = QLabel(self.accountTab)
        self.responsibleLabel.setObjectName(u"responsibleLabel")

        self.accountForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.responsibleLabel)

        self.responsibleCombo = QComboBox(self.accountTab)
        self.responsibleCombo.setObjectName(u"responsibleCombo")

        self.accountForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.responsibleCombo)

        self.requestHint = QLabel(self.accountTab)
        self.requestHint.setObjectName(u"requestHint")
        self.requestHint.setWordWrap(True)

        self.accountForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.requestHint)


        self.accountTabLayout.addLayout(self.accountForm)

        self.accountSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.accountTabLayout.addItem(self.accountSpacer)

        self.tabs.addTab(self.accountTab, "")
        self.policyTab = QWidget()
        self.policyTab.setObjectName(u"policyTab")
        self.policyTabLayout = QVBoxLayout(self.policyTab)
        self.policyTabLayout.setObjectName(u"policyTabLayout")
        self.policyScroll = QScrollArea(self.policyTab)
        self.policyScroll.setObjectName(u"policyScroll")
        self.policyScroll.setWidgetResizable(True)
        self.policyHolder = QWidget()
        self.policyHolder.setObjectName(u"policyHolder")
        self.policyHolderLayout = QVBoxLayout(self.policyHolder)
        self.policyHolderLayout.setObjectName(u"policyHolderLayout")
        self.policyScroll.setWidget(self.policyHolder)

        self.policyTabLayout.addWidget(self.policyScroll)

        self.tabs.addTab(self.policyTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(AccountRequestDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(AccountRequestDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.platformLabel.setBuddy(self.platformCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.handleLabel.setBuddy(self.handleEdit)
        self.urlLabel.setBuddy(self.urlEdit)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.responsibleLabel.setBuddy(self.responsibleCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AccountRequestDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AccountRequestDialog)
    # setupUi

    def retranslateUi(self, AccountRequestDialog):
        AccountRequestDialog.setWindowTitle(QCoreApplication.translate("AccountRequestDialog", u"\u516c\u5f0f\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u958b\u8a2d\u7533\u8acb", None))
        self.platformLabel.setText(QCoreApplication.translate("AccountRequestDialog", u"\u7a2e\u985e\uff08\u30a2\uff09:", None))
#if QT_CONFIG(accessibility)
        self.platformCombo.setAccessibleName(QCoreApplication.translate("AccountRequestDialog", u"\u30bd\u30fc\u30b7\u30e3\u30eb\u30e1\u30c7\u30a3\u30a2\u306e\u7a2e\u985e", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("AccountRequestDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u540d\uff08\u30a4\uff09:", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("AccountRequestDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("AccountRequestDialog", u"\u4f8b: \u9e7f\u5150\u5cf6\u5e02\u89b3\u5149\u516c\u5f0fX", None))
        self.handleLabel.setText(QCoreApplication.translate("AccountRequestDialog", u"\u30e6\u30fc\u30b6\u30fc\u540d:", None))
#if QT_CONFIG(accessibility)
        self.handleEdit.setAccessibleName(QCoreApplication.translate("AccountRequestDialog", u"\u30e6\u30fc\u30b6\u30fc\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.handleEdit.setPlaceholderText(QCoreApplication.translate("AccountRequestDialog", u"\u4f8b: @kagoshima_kanko", None))
        self.urlLabel.setText(QCoreApplication.translate("AccountRequestDialog", u"URL\uff08\u30a4\uff09:", None))
#if QT_CONFIG(accessibility)
        self.urlEdit.setAccessibleName(QCoreApplication.translate("AccountRequestDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u306e URL", None))
#endif // QT_CONFIG(accessibility)
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("AccountRequestDialog", u"\u53d6\u5f97\u524d\u306a\u3089\u7a7a\u6b04\uff08\u3042\u3068\u3067\u8a18\u5165\uff09", None))
        self.departmentLabel.setText(QCoreApplication.translate("AccountRequestDialog", u"\u904b\u7528\u90e8\u7f72\uff08\u30a4\uff09:", None))
#if QT_CONFIG(accessibility)
        self.departmentCombo.setAccessibleName(QCoreApplication.translate("AccountRequestDialog", u"\u904b\u7528\u90e8\u7f72", None))
#endif // QT_CONFIG(accessibility)
        self.responsibleLabel.setText(QCoreApplication.translate("AccountRequestDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005:", None))
#if QT_CONFIG(accessibility)
        self.responsibleCombo.setAccessibleName(QCoreApplication.translate("AccountRequestDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005", None))
#endif // QT_CONFIG(accessibility)
        self.requestHint.setText(QCoreApplication.translate("AccountRequestDialog", u"\u7533\u8acb\u8005\uff08\u3042\u306a\u305f\uff09\u304c\u30a2\u30ab\u30a6\u30f3\u30c8\u7ba1\u7406\u8005\u306b\u306a\u308a\u307e\u3059\u3002\u958b\u8a2d\u3068\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306f\u3001\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\uff08\u5c40\u9577\u306a\u3069\uff09\u304c\u627f\u8a8d\u3057\u307e\u3059\uff08\u00a73(1)\u3001\u00a74(1)\uff09\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.accountTab), QCoreApplication.translate("AccountRequestDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.policyTab), QCoreApplication.translate("AccountRequestDialog", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("AccountRequestDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

