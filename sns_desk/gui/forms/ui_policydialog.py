# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'policydialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

class Ui_PolicyDialog(object):
    def setupUi(self, PolicyDialog):
        if not PolicyDialog.objectName():
            PolicyDialog.setObjectName(u"PolicyDialog")
        PolicyDialog.resize(760, 700)
        self.dialogLayout = QVBoxLayout(PolicyDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(PolicyDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.policyScroll = QScrollArea(PolicyDialog)
        self.policyScroll.setObjectName(u"policyScroll")
        self.policyScroll.setWidgetResizable(True)
        self.policyHolder = QWidget()
        self.policyHolder.setObjectName(u"policyHolder")
        self.policyHolderLayout = QVBoxLayout(self.policyHolder)
        self.policyHolderLayout.setObjectName(u"policyHolderLayout")
        self.policyScroll.setWidget(self.policyHolder)

        self.dialogLayout.addWidget(self.policyScroll)

        self.errorLabel = QLabel(PolicyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PolicyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(PolicyDialog)

        QMetaObject.connectSlotsByName(PolicyDialog)
    # setupUi

    def retranslateUi(self, PolicyDialog):
        PolicyDialog.setWindowTitle(QCoreApplication.translate("PolicyDialog", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306e\u7de8\u96c6", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("PolicyDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

