# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scopefilldialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout

class Ui_ScopeFillDialog(object):
    def setupUi(self, ScopeFillDialog):
        if not ScopeFillDialog.objectName():
            ScopeFillDialog.setObjectName(u"ScopeFillDialog")
        ScopeFillDialog.resize(640, 480)
        self.dialogLayout = QVBoxLayout(ScopeFillDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.scopeForm = QFormLayout()
        self.scopeForm.setObjectName(u"scopeForm")
        self.scopeLabel = QLabel(ScopeFillDialog)
        self.scopeLabel.setObjectName(u"scopeLabel")

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.scopeLabel)

        self.scopeCombo = QComboBox(ScopeFillDialog)
        self.scopeCombo.setObjectName(u"scopeCombo")

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.scopeCombo)

        self.templateLabel = QLabel(ScopeFillDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateView = QLabel(ScopeFillDialog)
        self.templateView.setObjectName(u"templateView")
        self.templateView.setWordWrap(True)
        self.templateView.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.templateView)


        self.dialogLayout.addLayout(self.scopeForm)

        self.slotsGroup = QGroupBox(ScopeFillDialog)
        self.slotsGroup.setObjectName(u"slotsGroup")
        self.slotsForm = QFormLayout(self.slotsGroup)
        self.slotsForm.setObjectName(u"slotsForm")

        self.dialogLayout.addWidget(self.slotsGroup)

        self.previewGroup = QGroupBox(ScopeFillDialog)
        self.previewGroup.setObjectName(u"previewGroup")
        self.previewLayout = QVBoxLayout(self.previewGroup)
        self.previewLayout.setObjectName(u"previewLayout")
        self.previewView = QPlainTextEdit(self.previewGroup)
        self.previewView.setObjectName(u"previewView")
        self.previewView.setReadOnly(True)

        self.previewLayout.addWidget(self.previewView)

        self.verdictLabel = QLabel(self.previewGroup)
        self.verdictLabel.setObjectName(u"verdictLabel")
        self.verdictLabel.setWordWrap(True)
        self.verdictLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.previewLayout.addWidget(self.verdictLabel)


        self.dialogLayout.addWidget(self.previewGroup)

        self.buttonBox = QDialogButtonBox(ScopeFillDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.scopeLabel.setBuddy(self.scopeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScopeFillDialog)

        QMetaObject.connectSlotsByName(ScopeFillDialog)
    # setupUi

    def retranslateUi(self, ScopeFillDialog):
        ScopeFillDialog.setWindowTitle(QCoreApplication.translate("ScopeFillDialog", u"\u4e8b\u524d\u627f\u8a8d\u306e\u7bc4\u56f2\u3067\u4f5c\u308b", None))
        self.scopeLabel.setText(QCoreApplication.translate("ScopeFillDialog", u"\u7bc4\u56f2:", None))
#if QT_CONFIG(accessibility)
        self.scopeCombo.setAccessibleName(QCoreApplication.translate("ScopeFillDialog", u"\u4e8b\u524d\u627f\u8a8d\u306e\u9069\u7528\u7bc4\u56f2\uff08\u00a75(2)\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.templateLabel.setText(QCoreApplication.translate("ScopeFillDialog", u"\u3072\u306a\u5f62:", None))
#if QT_CONFIG(accessibility)
        self.templateView.setAccessibleName(QCoreApplication.translate("ScopeFillDialog", u"\u7bc4\u56f2\u306e\u3072\u306a\u5f62", None))
#endif // QT_CONFIG(accessibility)
        self.slotsGroup.setTitle(QCoreApplication.translate("ScopeFillDialog", u"\u5dee\u3057\u8fbc\u307f\u6b04", None))
        self.previewGroup.setTitle(QCoreApplication.translate("ScopeFillDialog", u"\u3067\u304d\u3042\u304c\u308b\u672c\u6587", None))
#if QT_CONFIG(accessibility)
        self.previewView.setAccessibleName(QCoreApplication.translate("ScopeFillDialog", u"\u3067\u304d\u3042\u304c\u308b\u672c\u6587", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.verdictLabel.setAccessibleName(QCoreApplication.translate("ScopeFillDialog", u"\u3072\u306a\u5f62\u3069\u304a\u308a\u304b\u3069\u3046\u304b", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

