# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'departmentdialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

class Ui_DepartmentDialog(object):
    def setupUi(self, DepartmentDialog):
        if not DepartmentDialog.objectName():
            DepartmentDialog.setObjectName(u"DepartmentDialog")
        DepartmentDialog.resize(380, 160)
        self.dialogLayout = QVBoxLayout(DepartmentDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.parentLabel = QLabel(DepartmentDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCombo = QComboBox(DepartmentDialog)
        self.parentCombo.setObjectName(u"parentCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.parentCombo)

        self.nameLabel = QLabel(DepartmentDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(DepartmentDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)


        self.dialogLayout.addLayout(self.form)

        self.buttonBox = QDialogButtonBox(DepartmentDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.parentLabel.setBuddy(self.parentCombo)
        self.nameLabel.setBuddy(self.nameEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DepartmentDialog)
        self.buttonBox.accepted.connect(DepartmentDialog.accept)
        self.buttonBox.rejected.connect(DepartmentDialog.reject)

        QMetaObject.connectSlotsByName(DepartmentDialog)
    # setupUi

    def retranslateUi(self, DepartmentDialog):
        DepartmentDialog.setWindowTitle(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u7f72\u3092\u8ffd\u52a0", None))
        self.parentLabel.setText(QCoreApplication.translate("DepartmentDialog", u"\u4e0a\u4f4d\u306e\u5c40(&P):", None))
#if QT_CONFIG(accessibility)
        self.parentCombo.setAccessibleName(QCoreApplication.translate("DepartmentDialog", u"\u4e0a\u4f4d\u306e\u5c40", None))
#endif // QT_CONFIG(accessibility)
        self.nameLabel.setText(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u7f72\u540d(&N):", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("DepartmentDialog", u"\u90e8\u7f72\u540d", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

