# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'notregistered.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout

class Ui_NotRegisteredDialog(object):
    def setupUi(self, NotRegisteredDialog):
        if not NotRegisteredDialog.objectName():
            NotRegisteredDialog.setObjectName(u"NotRegisteredDialog")
        NotRegisteredDialog.resize(520, 240)
        self.dialogLayout = QVBoxLayout(NotRegisteredDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headingLabel = QLabel(NotRegisteredDialog)
        self.headingLabel.setObjectName(u"headingLabel")

        self.dialogLayout.addWidget(self.headingLabel)

        self.messageLabel = QLabel(NotRegisteredDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.messageLabel)

        self.detailLabel = QLabel(NotRegisteredDialog)
        self.detailLabel.setObjectName(u"detailLabel")
        self.detailLabel.setWordWrap(True)
        self.detailLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.detailLabel)

        self.spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.spacer)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.chooseButton = QPushButton(NotRegisteredDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.buttons.addWidget(self.chooseButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonSpacer)

        self.closeButton = QPushButton(NotRegisteredDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttons)


        self.retranslateUi(NotRegisteredDialog)
        self.closeButton.clicked.connect(NotRegisteredDialog.reject)

        self.closeButton.setDefault(True)


        QMetaObject.connectSlotsByName(NotRegisteredDialog)
    # setupUi

    def retranslateUi(self, NotRegisteredDialog):
        NotRegisteredDialog.setWindowTitle(QCoreApplication.translate("NotRegisteredDialog", u"SNS Desk: \u5229\u7528\u8005\u3068\u3057\u3066\u767b\u9332\u3055\u308c\u3066\u3044\u307e\u305b\u3093", None))
        self.headingLabel.setText(QCoreApplication.translate("NotRegisteredDialog", u"\u5229\u7528\u8005\u3068\u3057\u3066\u767b\u9332\u3055\u308c\u3066\u3044\u307e\u305b\u3093", None))
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("NotRegisteredDialog", u"\u8aac\u660e", None))
#endif // QT_CONFIG(accessibility)
        self.chooseButton.setText(QCoreApplication.translate("NotRegisteredDialog", u"\u5225\u306e\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3092\u9078\u3076(&O)\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("NotRegisteredDialog", u"\u9589\u3058\u308b(&C)", None))
    # retranslateUi

