# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scopedialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

class Ui_ScopeDialog(object):
    def setupUi(self, ScopeDialog):
        if not ScopeDialog.objectName():
            ScopeDialog.setObjectName(u"ScopeDialog")
        ScopeDialog.resize(520, 360)
        self.dialogLayout = QVBoxLayout(ScopeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.scopeForm = QFormLayout()
        self.scopeForm.setObjectName(u"scopeForm")
        self.titleLabel = QLabel(ScopeDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ScopeDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setClearButtonEnabled(True)

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.categoriesLabel = QLabel(ScopeDialog)
        self.categoriesLabel.setObjectName(u"categoriesLabel")

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoriesLabel)

        self.categoriesEdit = QLineEdit(ScopeDialog)
        self.categoriesEdit.setObjectName(u"categoriesEdit")
        self.categoriesEdit.setClearButtonEnabled(True)

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoriesEdit)

        self.templateLabel = QLabel(ScopeDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.scopeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateEdit = QPlainTextEdit(ScopeDialog)
        self.templateEdit.setObjectName(u"templateEdit")
        self.templateEdit.setTabChangesFocus(True)

        self.scopeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.templateEdit)

        self.fromLabel = QLabel(ScopeDialog)
        self.fromLabel.setObjectName(u"fromLabel")

        self.scopeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.fromEdit = QDateEdit(ScopeDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.scopeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.fromEdit)

        self.untilLabel = QLabel(ScopeDialog)
        self.untilLabel.setObjectName(u"untilLabel")

        self.scopeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.untilLabel)

        self.untilEdit = QDateEdit(ScopeDialog)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setCalendarPopup(True)

        self.scopeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.untilEdit)


        self.dialogLayout.addLayout(self.scopeForm)

        self.errorLabel = QLabel(ScopeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ScopeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.categoriesLabel.setBuddy(self.categoriesEdit)
        self.templateLabel.setBuddy(self.templateEdit)
        self.fromLabel.setBuddy(self.fromEdit)
        self.untilLabel.setBuddy(self.untilEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScopeDialog)

        QMetaObject.connectSlotsByName(ScopeDialog)
    # setupUi

    def retranslateUi(self, ScopeDialog):
        ScopeDialog.setWindowTitle(QCoreApplication.translate("ScopeDialog", u"\u4e8b\u524d\u627f\u8a8d\u306e\u9069\u7528\u7bc4\u56f2", None))
        self.titleLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u540d\u524d:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u7bc4\u56f2\u306e\u540d\u524d", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("ScopeDialog", u"\u4f8b: \u5b9a\u4f8b\u306e\u964d\u7070\u4e88\u5831", None))
        self.categoriesLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u5206\u985e:", None))
#if QT_CONFIG(accessibility)
        self.categoriesEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5bfe\u8c61\u306e\u5206\u985e", None))
#endif // QT_CONFIG(accessibility)
        self.categoriesEdit.setPlaceholderText(QCoreApplication.translate("ScopeDialog", u"\u4f8b: \u964d\u7070\u4e88\u5831\u3001\u6c17\u8c61\u60c5\u5831\uff08\u8aad\u70b9\u3067\u533a\u5207\u308b\uff09", None))
        self.templateLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u5b9a\u578b\u6587:", None))
#if QT_CONFIG(accessibility)
        self.templateEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5b9a\u578b\u6587", None))
#endif // QT_CONFIG(accessibility)
        self.fromLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u6709\u52b9\u671f\u9593\u306e\u59cb\u3081:", None))
#if QT_CONFIG(accessibility)
        self.fromEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u6709\u52b9\u671f\u9593\u306e\u59cb\u3081", None))
#endif // QT_CONFIG(accessibility)
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("ScopeDialog", u"yyyy-MM-dd", None))
        self.untilLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u6709\u52b9\u671f\u9593\u306e\u7d42\u308f\u308a:", None))
#if QT_CONFIG(accessibility)
        self.untilEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u6709\u52b9\u671f\u9593\u306e\u7d42\u308f\u308a", None))
#endif // QT_CONFIG(accessibility)
        self.untilEdit.setDisplayFormat(QCoreApplication.translate("ScopeDialog", u"yyyy-MM-dd", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

