# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incidentdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

class Ui_IncidentDialog(object):
    def setupUi(self, IncidentDialog):
        if not IncidentDialog.objectName():
            IncidentDialog.setObjectName(u"IncidentDialog")
        IncidentDialog.resize(560, 380)
        self.dialogLayout = QVBoxLayout(IncidentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.incidentForm = QFormLayout()
        self.incidentForm.setObjectName(u"incidentForm")
        self.accountLabel = QLabel(IncidentDialog)
        self.accountLabel.setObjectName(u"accountLabel")

        self.incidentForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.accountLabel)

        self.accountCombo = QComboBox(IncidentDialog)
        self.accountCombo.setObjectName(u"accountCombo")

        self.incidentForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.accountCombo)

        self.typeLabel = QLabel(IncidentDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.incidentForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(IncidentDialog)
        self.typeCombo.setObjectName(u"typeCombo")

        self.incidentForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.titleLabel = QLabel(IncidentDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.incidentForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(IncidentDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setClearButtonEnabled(True)

        self.incidentForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.descriptionLabel = QLabel(IncidentDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.incidentForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(IncidentDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)

        self.incidentForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.seriousCheck = QCheckBox(IncidentDialog)
        self.seriousCheck.setObjectName(u"seriousCheck")

        self.incidentForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.seriousCheck)


        self.dialogLayout.addLayout(self.incidentForm)

        self.errorLabel = QLabel(IncidentDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(IncidentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.accountLabel.setBuddy(self.accountCombo)
        self.typeLabel.setBuddy(self.typeCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IncidentDialog)

        QMetaObject.connectSlotsByName(IncidentDialog)
    # setupUi

    def retranslateUi(self, IncidentDialog):
        IncidentDialog.setWindowTitle(QCoreApplication.translate("IncidentDialog", u"\u30c8\u30e9\u30d6\u30eb\u306e\u767b\u9332", None))
        self.accountLabel.setText(QCoreApplication.translate("IncidentDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8:", None))
#if QT_CONFIG(accessibility)
        self.accountCombo.setAccessibleName(QCoreApplication.translate("IncidentDialog", u"\u30a2\u30ab\u30a6\u30f3\u30c8", None))
#endif // QT_CONFIG(accessibility)
        self.typeLabel.setText(QCoreApplication.translate("IncidentDialog", u"\u7a2e\u985e:", None))
#if QT_CONFIG(accessibility)
        self.typeCombo.setAccessibleName(QCoreApplication.translate("IncidentDialog", u"\u30c8\u30e9\u30d6\u30eb\u306e\u7a2e\u985e\uff08\u00a78\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("IncidentDialog", u"\u4ef6\u540d:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("IncidentDialog", u"\u4ef6\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("IncidentDialog", u"\u5185\u5bb9:", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("IncidentDialog", u"\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
        self.seriousCheck.setText(QCoreApplication.translate("IncidentDialog", u"\u91cd\u5927\u306a\u30c8\u30e9\u30d6\u30eb\uff08\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\u3078\u5831\u544a\u3057\u3001\u6307\u793a\u3092\u4ef0\u3050\u30fb\u00a74(1)\u30a4\uff09", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("IncidentDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

