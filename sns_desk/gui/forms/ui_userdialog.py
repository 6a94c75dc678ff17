# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'userdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(460, 400)
        self.dialogLayout = QVBoxLayout(UserDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.loginLabel = QLabel(UserDialog)
        self.loginLabel.setObjectName(u"loginLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginLabel)

        self.loginEdit = QLineEdit(UserDialog)
        self.loginEdit.setObjectName(u"loginEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loginEdit)

        self.nameLabel = QLabel(UserDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(UserDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.departmentLabel = QLabel(UserDialog)
        self.departmentLabel.setObjectName(u"departmentLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.departmentLabel)

        self.departmentCombo = QComboBox(UserDialog)
        self.departmentCombo.setObjectName(u"departmentCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.departmentCombo)

        self.emailLabel = QLabel(UserDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(UserDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.phoneLabel = QLabel(UserDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(UserDialog)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.dialogLayout.addLayout(self.form)

        self.rolesGroup = QGroupBox(UserDialog)
        self.rolesGroup.setObjectName(u"rolesGroup")
        self.rolesLayout = QVBoxLayout(self.rolesGroup)
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.adminCheck = QCheckBox(self.rolesGroup)
        self.adminCheck.setObjectName(u"adminCheck")

        self.rolesLayout.addWidget(self.adminCheck)

        self.prCheck = QCheckBox(self.rolesGroup)
        self.prCheck.setObjectName(u"prCheck")

        self.rolesLayout.addWidget(self.prCheck)

        self.contractorCheck = QCheckBox(self.rolesGroup)
        self.contractorCheck.setObjectName(u"contractorCheck")

        self.rolesLayout.addWidget(self.contractorCheck)

        self.activeCheck = QCheckBox(self.rolesGroup)
        self.activeCheck.setObjectName(u"activeCheck")
        self.activeCheck.setChecked(True)

        self.rolesLayout.addWidget(self.activeCheck)

        self.rolesHint = QLabel(self.rolesGroup)
        self.rolesHint.setObjectName(u"rolesHint")
        self.rolesHint.setWordWrap(True)

        self.rolesLayout.addWidget(self.rolesHint)


        self.dialogLayout.addWidget(self.rolesGroup)

        self.errorLabel = QLabel(UserDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(UserDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.loginLabel.setBuddy(self.loginEdit)
        self.nameLabel.setBuddy(self.nameEdit)
        self.departmentLabel.setBuddy(self.departmentCombo)
        self.emailLabel.setBuddy(self.emailEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.loginEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.departmentCombo)
        QWidget.setTabOrder(self.departmentCombo, self.emailEdit)
        QWidget.setTabOrder(self.emailEdit, self.phoneEdit)
        QWidget.setTabOrder(self.phoneEdit, self.adminCheck)
        QWidget.setTabOrder(self.adminCheck, self.prCheck)
        QWidget.setTabOrder(self.prCheck, self.contractorCheck)
        QWidget.setTabOrder(self.contractorCheck, self.activeCheck)

        self.retranslateUi(UserDialog)

        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        UserDialog.setWindowTitle(QCoreApplication.translate("UserDialog", u"\u5229\u7528\u8005", None))
        self.loginLabel.setText(QCoreApplication.translate("UserDialog", u"\u30ed\u30b0\u30a4\u30f3\u540d(&L):", None))
#if QT_CONFIG(accessibility)
        self.loginEdit.setAccessibleName(QCoreApplication.translate("UserDialog", u"\u30ed\u30b0\u30a4\u30f3\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.loginEdit.setPlaceholderText(QCoreApplication.translate("UserDialog", u"Windows \u306b\u30b5\u30a4\u30f3\u30a4\u30f3\u3059\u308b\u3068\u304d\u306e\u540d\u524d\uff08\u4f8b: t-yamada\uff09", None))
        self.nameLabel.setText(QCoreApplication.translate("UserDialog", u"\u6c0f\u540d(&N):", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("UserDialog", u"\u6c0f\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.departmentLabel.setText(QCoreApplication.translate("UserDialog", u"\u90e8\u7f72(&D):", None))
#if QT_CONFIG(accessibility)
        self.departmentCombo.setAccessibleName(QCoreApplication.translate("UserDialog", u"\u90e8\u7f72", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("UserDialog", u"\u30e1\u30fc\u30eb(&M):", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("UserDialog", u"\u30e1\u30fc\u30eb\u30a2\u30c9\u30ec\u30b9", None))
#endif // QT_CONFIG(accessibility)
        self.phoneLabel.setText(QCoreApplication.translate("UserDialog", u"\u96fb\u8a71(&P):", None))
#if QT_CONFIG(accessibility)
        self.phoneEdit.setAccessibleName(QCoreApplication.translate("UserDialog", u"\u96fb\u8a71\u756a\u53f7", None))
#endif // QT_CONFIG(accessibility)
        self.rolesGroup.setTitle(QCoreApplication.translate("UserDialog", u"\u5168\u5e81\u306e\u5f79\u5272", None))
        self.adminCheck.setText(QCoreApplication.translate("UserDialog", u"\u30b7\u30b9\u30c6\u30e0\u7ba1\u7406\u8005\uff08\u5229\u7528\u8005\u30fb\u90e8\u7f72\u30fb\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u306e\u7ba1\u7406\uff09", None))
        self.prCheck.setText(QCoreApplication.translate("UserDialog", u"\u5e83\u5831\u8ab2\uff08\u5168\u5e81\u306e\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u95b2\u89a7\u3068\u5831\u544a\u306e\u53d7\u7406\uff09", None))
        self.contractorCheck.setText(QCoreApplication.translate("UserDialog", u"\u59d4\u8a17\u696d\u8005\uff08\u00a79(1)\uff1a\u9075\u5b88\u78ba\u8a8d\u306e\u8a18\u9332\u5f8c\u306b\u62c5\u5f53\u3067\u304d\u307e\u3059\uff09", None))
        self.activeCheck.setText(QCoreApplication.translate("UserDialog", u"\u6709\u52b9\uff08\u5916\u3059\u3068\u3053\u306e\u4eba\u306f SNS Desk \u3092\u4f7f\u3048\u306a\u304f\u306a\u308a\u307e\u3059\uff09", None))
        self.rolesHint.setText(QCoreApplication.translate("UserDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u3054\u3068\u306e\u5f79\u5272\uff08\u8cac\u4efb\u8005\u30fb\u7ba1\u7406\u8005\u30fb\u62c5\u5f53\u8005\u30fb\u59d4\u8a17\u696d\u8005\uff09\u306f\u3001\u30a2\u30ab\u30a6\u30f3\u30c8\u753b\u9762\u306e\u300c\u62c5\u5f53\u8005\u300d\u3067\u5272\u308a\u5f53\u3066\u307e\u3059\u3002", None))
        self.errorLabel.setText("")
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("UserDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

