# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'section8dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

class Ui_Section8Dialog(object):
    def setupUi(self, Section8Dialog):
        if not Section8Dialog.objectName():
            Section8Dialog.setObjectName(u"Section8Dialog")
        Section8Dialog.resize(560, 460)
        self.dialogLayout = QVBoxLayout(Section8Dialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(Section8Dialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.dialogLayout.addWidget(self.titleLabel)

        self.guideLabel = QLabel(Section8Dialog)
        self.guideLabel.setObjectName(u"guideLabel")
        self.guideLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.guideLabel)

        self.postLabel = QLabel(Section8Dialog)
        self.postLabel.setObjectName(u"postLabel")
        self.postLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.postLabel)

        self.postView = QPlainTextEdit(Section8Dialog)
        self.postView.setObjectName(u"postView")
        self.postView.setReadOnly(True)
        self.postView.setTabChangesFocus(True)
        self.postView.setMaximumSize(QSize(16777215, 140))

        self.dialogLayout.addWidget(self.postView)

        self.reasonLabel = QLabel(Section8Dialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.dialogLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(Section8Dialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.dialogLayout.addWidget(self.reasonEdit)

        self.errorLabel = QLabel(Section8Dialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(Section8Dialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(Section8Dialog)

        QMetaObject.connectSlotsByName(Section8Dialog)
    # setupUi

    def retranslateUi(self, Section8Dialog):
        Section8Dialog.setWindowTitle(QCoreApplication.translate("Section8Dialog", u"\u30c8\u30e9\u30d6\u30eb\u3078\u306e\u5bfe\u5fdc\uff08\u00a78\uff09", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("Section8Dialog", u"\u5bfe\u5fdc\u306e\u7a2e\u985e", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.guideLabel.setAccessibleName(QCoreApplication.translate("Section8Dialog", u"\u30ac\u30a4\u30c9\u30e9\u30a4\u30f3\u306e\u5b9a\u3081", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.postLabel.setAccessibleName(QCoreApplication.translate("Section8Dialog", u"\u5bfe\u8c61\u306e\u6295\u7a3f", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.postView.setAccessibleName(QCoreApplication.translate("Section8Dialog", u"\u5bfe\u8c61\u306e\u6295\u7a3f\u306e\u672c\u6587", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.postView.setToolTip(QCoreApplication.translate("Section8Dialog", u"\u5bfe\u8c61\u306e\u6295\u7a3f\u306e\u672c\u6587\uff08\u8aad\u307f\u53d6\u308a\u5c02\u7528\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.reasonLabel.setText(QCoreApplication.translate("Section8Dialog", u"\u7406\u7531\uff08\u5fc5\u9808\uff09:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("Section8Dialog", u"\u7406\u7531", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("Section8Dialog", u"\u30a8\u30e9\u30fc", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

