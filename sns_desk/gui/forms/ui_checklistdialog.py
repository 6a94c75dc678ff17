# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'checklistdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_ChecklistDialog(object):
    def setupUi(self, ChecklistDialog):
        if not ChecklistDialog.objectName():
            ChecklistDialog.setObjectName(u"ChecklistDialog")
        ChecklistDialog.resize(520, 220)
        self.dialogLayout = QVBoxLayout(ChecklistDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.checklistForm = QFormLayout()
        self.checklistForm.setObjectName(u"checklistForm")
        self.itemLabel = QLabel(ChecklistDialog)
        self.itemLabel.setObjectName(u"itemLabel")

        self.checklistForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemLabel)

        self.itemCombo = QComboBox(ChecklistDialog)
        self.itemCombo.setObjectName(u"itemCombo")

        self.checklistForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.itemCombo)

        self.stateLabel = QLabel(ChecklistDialog)
        self.stateLabel.setObjectName(u"stateLabel")

        self.checklistForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.stateLabel)

        self.stateCombo = QComboBox(ChecklistDialog)
        self.stateCombo.setObjectName(u"stateCombo")

        self.checklistForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.stateCombo)

        self.urlLabel = QLabel(ChecklistDialog)
        self.urlLabel.setObjectName(u"urlLabel")

        self.checklistForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.urlLabel)

        self.urlEdit = QLineEdit(ChecklistDialog)
        self.urlEdit.setObjectName(u"urlEdit")

        self.checklistForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.urlEdit)

        self.noteLabel = QLabel(ChecklistDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.checklistForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(ChecklistDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.checklistForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.dialogLayout.addLayout(self.checklistForm)

        self.errorLabel = QLabel(ChecklistDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ChecklistDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.itemLabel.setBuddy(self.itemCombo)
        self.stateLabel.setBuddy(self.stateCombo)
        self.urlLabel.setBuddy(self.urlEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ChecklistDialog)

        QMetaObject.connectSlotsByName(ChecklistDialog)
    # setupUi

    def retranslateUi(self, ChecklistDialog):
        ChecklistDialog.setWindowTitle(QCoreApplication.translate("ChecklistDialog", u"\u6210\u308a\u3059\u307e\u3057\u9632\u6b62\u63aa\u7f6e\u306e\u8a18\u9332", None))
        self.itemLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u9805\u76ee:", None))
#if QT_CONFIG(accessibility)
        self.itemCombo.setAccessibleName(QCoreApplication.translate("ChecklistDialog", u"\u6210\u308a\u3059\u307e\u3057\u9632\u6b62\u306e\u9805\u76ee", None))
#endif // QT_CONFIG(accessibility)
        self.stateLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u72b6\u614b:", None))
#if QT_CONFIG(accessibility)
        self.stateCombo.setAccessibleName(QCoreApplication.translate("ChecklistDialog", u"\u5bfe\u5fdc\u72b6\u6cc1", None))
#endif // QT_CONFIG(accessibility)
        self.urlLabel.setText(QCoreApplication.translate("ChecklistDialog", u"URL:", None))
#if QT_CONFIG(accessibility)
        self.urlEdit.setAccessibleName(QCoreApplication.translate("ChecklistDialog", u"URL", None))
#endif // QT_CONFIG(accessibility)
        self.urlEdit.setPlaceholderText(QCoreApplication.translate("ChecklistDialog", u"\u5e02\u516c\u5f0f\u30db\u30fc\u30e0\u30da\u30fc\u30b8\u306e\u63b2\u8f09\u30da\u30fc\u30b8\u306a\u3069", None))
        self.noteLabel.setText(QCoreApplication.translate("ChecklistDialog", u"\u30e1\u30e2:", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ChecklistDialog", u"\u30e1\u30e2", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ChecklistDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

