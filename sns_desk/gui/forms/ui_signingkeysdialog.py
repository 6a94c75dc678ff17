# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'signingkeysdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_SigningKeysDialog(object):
    def setupUi(self, SigningKeysDialog):
        if not SigningKeysDialog.objectName():
            SigningKeysDialog.setObjectName(u"SigningKeysDialog")
        SigningKeysDialog.resize(720, 420)
        self.dialogLayout = QVBoxLayout(SigningKeysDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(SigningKeysDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.table = QTableView(SigningKeysDialog)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.dialogLayout.addWidget(self.table)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.certifyButton = QPushButton(SigningKeysDialog)
        self.certifyButton.setObjectName(u"certifyButton")

        self.buttonsLayout.addWidget(self.certifyButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsLayout.addItem(self.buttonsSpacer)

        self.buttonBox = QDialogButtonBox(SigningKeysDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(SigningKeysDialog)
        self.buttonBox.rejected.connect(SigningKeysDialog.reject)

        QMetaObject.connectSlotsByName(SigningKeysDialog)
    # setupUi

    def retranslateUi(self, SigningKeysDialog):
        SigningKeysDialog.setWindowTitle(QCoreApplication.translate("SigningKeysDialog", u"\u96fb\u5b50\u5370\u9451\u306e\u9375", None))
        self.introLabel.setText(QCoreApplication.translate("SigningKeysDialog", u"\u6c7a\u5b9a\u306b\u62bc\u3055\u308c\u305f\u96fb\u5b50\u5370\u9451\u306f\u3001\u30b7\u30b9\u30c6\u30e0\u7ba1\u7406\u8005\u304c\u8a8d\u8a3c\u3057\u305f\u9375\u306e\u3082\u306e\u3060\u3051\u304c\u6709\u52b9\u3067\u3059\u3002\u672a\u8a8d\u8a3c\u306e\u9375\u306f\u3001\u672c\u4eba\u306b\u6307\u7d0b\u3092\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u306e\u5916\uff08\u53e3\u982d\u30fb\u96fb\u8a71\u306a\u3069\uff09\u3067\u78ba\u8a8d\u3057\u3066\u304b\u3089\u8a8d\u8a3c\u3057\u3066\u304f\u3060\u3055\u3044\u3002", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("SigningKeysDialog", u"\u96fb\u5b50\u5370\u9451\u306e\u9375\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
        self.certifyButton.setText(QCoreApplication.translate("SigningKeysDialog", u"\u9078\u3093\u3060\u9375\u3092\u8a8d\u8a3c(&C)\u2026", None))
#if QT_CONFIG(tooltip)
        self.certifyButton.setToolTip(QCoreApplication.translate("SigningKeysDialog", u"\u3042\u306a\u305f\u306e\u9375\u3067\u7f72\u540d\u3057\u3066\u3001\u3053\u306e\u9375\u304c\u672c\u4eba\u306e\u3082\u306e\u3067\u3042\u308b\u3053\u3068\u3092\u76e3\u67fb\u30ed\u30b0\u306b\u8a18\u9332\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

