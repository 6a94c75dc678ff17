# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'memberdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(420, 160)
        self.dialogLayout = QVBoxLayout(MemberDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.memberForm = QFormLayout()
        self.memberForm.setObjectName(u"memberForm")
        self.userLabel = QLabel(MemberDialog)
        self.userLabel.setObjectName(u"userLabel")

        self.memberForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userCombo = QComboBox(MemberDialog)
        self.userCombo.setObjectName(u"userCombo")

        self.memberForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userCombo)

        self.roleLabel = QLabel(MemberDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.memberForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(MemberDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.memberForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.roleCombo)


        self.dialogLayout.addLayout(self.memberForm)

        self.errorLabel = QLabel(MemberDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MemberDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.userLabel.setBuddy(self.userCombo)
        self.roleLabel.setBuddy(self.roleCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberDialog)

        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u62c5\u5f53\u8005\u306e\u8ffd\u52a0", None))
        self.userLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5229\u7528\u8005:", None))
#if QT_CONFIG(accessibility)
        self.userCombo.setAccessibleName(QCoreApplication.translate("MemberDialog", u"\u5229\u7528\u8005", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("MemberDialog", u"\u5f79\u5272:", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("MemberDialog", u"\u5f79\u5272", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("MemberDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

