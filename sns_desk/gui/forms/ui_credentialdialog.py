# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'credentialdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_CredentialDialog(object):
    def setupUi(self, CredentialDialog):
        if not CredentialDialog.objectName():
            CredentialDialog.setObjectName(u"CredentialDialog")
        CredentialDialog.resize(480, 240)
        self.dialogLayout = QVBoxLayout(CredentialDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.credentialForm = QFormLayout()
        self.credentialForm.setObjectName(u"credentialForm")
        self.loginIdLabel = QLabel(CredentialDialog)
        self.loginIdLabel.setObjectName(u"loginIdLabel")

        self.credentialForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginIdLabel)

        self.loginIdEdit = QLineEdit(CredentialDialog)
        self.loginIdEdit.setObjectName(u"loginIdEdit")

        self.credentialForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loginIdEdit)

        self.passwordLabel = QLabel(CredentialDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentialForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.passwordEdit = QLineEdit(CredentialDialog)
        self.passwordEdit.setObjectName(u"passwordEdit")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentialForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.passwordEdit)

        self.confirmLabel = QLabel(CredentialDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.credentialForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirmEdit = QLineEdit(CredentialDialog)
        self.confirmEdit.setObjectName(u"confirmEdit")
        self.confirmEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentialForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirmEdit)

        self.hintLabel = QLabel(CredentialDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.credentialForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hintLabel)


        self.dialogLayout.addLayout(self.credentialForm)

        self.errorLabel = QLabel(CredentialDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CredentialDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.loginIdLabel.setBuddy(self.loginIdEdit)
        self.passwordLabel.setBuddy(self.passwordEdit)
        self.confirmLabel.setBuddy(self.confirmEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CredentialDialog)

        QMetaObject.connectSlotsByName(CredentialDialog)
    # setupUi

    def retranslateUi(self, CredentialDialog):
        CredentialDialog.setWindowTitle(QCoreApplication.translate("CredentialDialog", u"\u8a8d\u8a3c\u60c5\u5831\u306e\u4fdd\u5b58", None))
        self.loginIdLabel.setText(QCoreApplication.translate("CredentialDialog", u"\u30ed\u30b0\u30a4\u30f3 ID:", None))
#if QT_CONFIG(accessibility)
        self.loginIdEdit.setAccessibleName(QCoreApplication.translate("CredentialDialog", u"\u30ed\u30b0\u30a4\u30f3 ID", None))
#endif // QT_CONFIG(accessibility)
        self.passwordLabel.setText(QCoreApplication.translate("CredentialDialog", u"\u30d1\u30b9\u30ef\u30fc\u30c9:", None))
#if QT_CONFIG(accessibility)
        self.passwordEdit.setAccessibleName(QCoreApplication.translate("CredentialDialog", u"\u30d1\u30b9\u30ef\u30fc\u30c9", None))
#endif // QT_CONFIG(accessibility)
        self.confirmLabel.setText(QCoreApplication.translate("CredentialDialog", u"\u30d1\u30b9\u30ef\u30fc\u30c9\uff08\u78ba\u8a8d\uff09:", None))
#if QT_CONFIG(accessibility)
        self.confirmEdit.setAccessibleName(QCoreApplication.translate("CredentialDialog", u"\u30d1\u30b9\u30ef\u30fc\u30c9\uff08\u78ba\u8a8d\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.hintLabel.setText(QCoreApplication.translate("CredentialDialog", u"\u30d1\u30b9\u30ef\u30fc\u30c9\u306f\u3053\u306e PC \u306e OS \u306e\u8cc7\u683c\u60c5\u5831\u30b9\u30c8\u30a2\u306b\u3060\u3051\u4fdd\u5b58\u3055\u308c\u307e\u3059\u3002\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3084\u30ed\u30b0\u306b\u306f\u4fdd\u5b58\u3055\u308c\u307e\u305b\u3093\uff08\u00a73(3)\u30a6\uff09\u3002", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("CredentialDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

