# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scopedialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTableView, QVBoxLayout

class Ui_ScopeDialog(object):
    def setupUi(self, ScopeDialog):
        if not ScopeDialog.objectName():
            ScopeDialog.setObjectName(u"ScopeDialog")
        ScopeDialog.resize(720, 640)
        self.dialogLayout = QVBoxLayout(ScopeDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.legacyLabel = QLabel(ScopeDialog)
        self.legacyLabel.setObjectName(u"legacyLabel")
        self.legacyLabel.setWordWrap(True)
        self.legacyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.legacyLabel)

        self.scopeForm = QFormLayout()
        self.scopeForm.setObjectName(u"scopeForm")
        self.titleLabel = QLabel(ScopeDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ScopeDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setClearButtonEnabled(True)

        self.scopeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.templateLabel = QLabel(ScopeDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.templateLabel)

        self.templateEdit = QPlainTextEdit(ScopeDialog)
        self.templateEdit.setObjectName(u"templateEdit")
        self.templateEdit.setTabChangesFocus(True)
        self.templateEdit.setMaximumSize(QSize(16777215, 90))

        self.scopeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.templateEdit)

        self.slotsLabel = QLabel(ScopeDialog)
        self.slotsLabel.setObjectName(u"slotsLabel")

        self.scopeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.slotsLabel)

        self.slotsTable = QTableView(ScopeDialog)
        self.slotsTable.setObjectName(u"slotsTable")
        self.slotsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.slotsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.slotsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slotsTable.setMaximumSize(QSize(16777215, 130))

        self.scopeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.slotsTable)

        self.slotEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scopeForm.setItem(3, QFormLayout.ItemRole.LabelRole, self.slotEditSpacer)

        self.slotEditRow = QHBoxLayout()
        self.slotEditRow.setObjectName(u"slotEditRow")
        self.slotNameEdit = QLineEdit(ScopeDialog)
        self.slotNameEdit.setObjectName(u"slotNameEdit")
        self.slotNameEdit.setClearButtonEnabled(True)

        self.slotEditRow.addWidget(self.slotNameEdit)

        self.slotKindCombo = QComboBox(ScopeDialog)
        self.slotKindCombo.setObjectName(u"slotKindCombo")

        self.slotEditRow.addWidget(self.slotKindCombo)

        self.slotDetailEdit = QLineEdit(ScopeDialog)
        self.slotDetailEdit.setObjectName(u"slotDetailEdit")
        self.slotDetailEdit.setClearButtonEnabled(True)

        self.slotEditRow.addWidget(self.slotDetailEdit)

        self.setSlotButton = QPushButton(ScopeDialog)
        self.setSlotButton.setObjectName(u"setSlotButton")

        self.slotEditRow.addWidget(self.setSlotButton)

        self.removeSlotButton = QPushButton(ScopeDialog)
        self.removeSlotButton.setObjectName(u"removeSlotButton")

        self.slotEditRow.addWidget(self.removeSlotButton)


        self.scopeForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.slotEditRow)

        self.categoriesLabel = QLabel(ScopeDialog)
        self.categoriesLabel.setObjectName(u"categoriesLabel")

        self.scopeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.categoriesLabel)

        self.categoriesEdit = QLineEdit(ScopeDialog)
        self.categoriesEdit.setObjectName(u"categoriesEdit")
        self.categoriesEdit.setClearButtonEnabled(True)

        self.scopeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.categoriesEdit)

        self.fromLabel = QLabel(ScopeDialog)
        self.fromLabel.setObjectName(u"fromLabel")

        self.scopeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.fromLabel)

        self.fromEdit = QDateEdit(ScopeDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.scopeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.fromEdit)

        self.untilLabel = QLabel(ScopeDialog)
        self.untilLabel.setObjectName(u"untilLabel")

        self.scopeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.untilLabel)

        self.untilEdit = QDateEdit(ScopeDialog)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setCalendarPopup(True)

        self.scopeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.untilEdit)

        self.reviewLabel = QLabel(ScopeDialog)
        self.reviewLabel.setObjectName(u"reviewLabel")

        self.scopeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.reviewLabel)

        self.reviewDaysSpin = QSpinBox(ScopeDialog)
        self.reviewDaysSpin.setObjectName(u"reviewDaysSpin")
        self.reviewDaysSpin.setMinimum(1)
        self.reviewDaysSpin.setMaximum(20)
        self.reviewDaysSpin.setValue(3)

        self.scopeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reviewDaysSpin)


        self.dialogLayout.addLayout(self.scopeForm)

        self.sampleGroup = QGroupBox(ScopeDialog)
        self.sampleGroup.setObjectName(u"sampleGroup")
        self.sampleLayout = QVBoxLayout(self.sampleGroup)
        self.sampleLayout.setObjectName(u"sampleLayout")
        self.sampleView = QPlainTextEdit(self.sampleGroup)
        self.sampleView.setObjectName(u"sampleView")
        self.sampleView.setReadOnly(True)
        self.sampleView.setMaximumSize(QSize(16777215, 80))

        self.sampleLayout.addWidget(self.sampleView)

        self.sampleNote = QLabel(self.sampleGroup)
        self.sampleNote.setObjectName(u"sampleNote")
        self.sampleNote.setWordWrap(True)
        self.sampleNote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sampleLayout.addWidget(self.sampleNote)


        self.dialogLayout.addWidget(self.sampleGroup)

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
        self.templateLabel.setBuddy(self.templateEdit)
        self.slotsLabel.setBuddy(self.slotsTable)
        self.categoriesLabel.setBuddy(self.categoriesEdit)
        self.fromLabel.setBuddy(self.fromEdit)
        self.untilLabel.setBuddy(self.untilEdit)
        self.reviewLabel.setBuddy(self.reviewDaysSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScopeDialog)

        QMetaObject.connectSlotsByName(ScopeDialog)
    # setupUi

    def retranslateUi(self, ScopeDialog):
        ScopeDialog.setWindowTitle(QCoreApplication.translate("ScopeDialog", u"\u4e8b\u524d\u627f\u8a8d\u306e\u9069\u7528\u7bc4\u56f2", None))
#if QT_CONFIG(accessibility)
        self.legacyLabel.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u3053\u306e\u7bc4\u56f2\u306b\u3064\u3044\u3066", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u540d\u524d:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u7bc4\u56f2\u306e\u540d\u524d", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("ScopeDialog", u"\u4f8b: \u5b9a\u4f8b\u306e\u964d\u7070\u4e88\u5831", None))
        self.templateLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u3072\u306a\u5f62:", None))
#if QT_CONFIG(accessibility)
        self.templateEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u3072\u306a\u5f62\uff08\u5dee\u3057\u8fbc\u307f\u6b04\u306f {\u540d\u524d}\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.templateEdit.setPlaceholderText(QCoreApplication.translate("ScopeDialog", u"\u4f8b: \u672c\u65e5{\u65e5\u4ed8}\u306e\u685c\u5cf6\u306e\u964d\u7070\u4e88\u5831\u3067\u3059\u3002\u98a8\u5411\u304d: {\u98a8\u5411}\u3002\u964d\u7070\u304c\u4e88\u60f3\u3055\u308c\u308b\u5730\u57df: {\u5730\u57df}\u3002", None))
        self.slotsLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u5dee\u3057\u8fbc\u307f\u6b04:", None))
#if QT_CONFIG(accessibility)
        self.slotsTable.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5dee\u3057\u8fbc\u307f\u6b04\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.slotNameEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5dee\u3057\u8fbc\u307f\u6b04\u306e\u540d\u524d", None))
#endif // QT_CONFIG(accessibility)
        self.slotNameEdit.setPlaceholderText(QCoreApplication.translate("ScopeDialog", u"\u540d\u524d\uff08\u4f8b: \u98a8\u5411\uff09", None))
#if QT_CONFIG(accessibility)
        self.slotKindCombo.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5dee\u3057\u8fbc\u307f\u6b04\u306e\u7a2e\u985e", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.slotDetailEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u9078\u629e\u80a2\u307e\u305f\u306f\u6700\u5927\u6587\u5b57\u6570", None))
#endif // QT_CONFIG(accessibility)
        self.slotDetailEdit.setPlaceholderText(QCoreApplication.translate("ScopeDialog", u"\u9078\u629e\u80a2\uff08\u8aad\u70b9\u3067\u533a\u5207\u308b\uff09", None))
        self.setSlotButton.setText(QCoreApplication.translate("ScopeDialog", u"\u6b04\u3092\u8ffd\u52a0\u30fb\u66f4\u65b0", None))
        self.removeSlotButton.setText(QCoreApplication.translate("ScopeDialog", u"\u6b04\u3092\u524a\u9664", None))
        self.categoriesLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u5206\u985e\uff08\u4efb\u610f\uff09:", None))
#if QT_CONFIG(accessibility)
        self.categoriesEdit.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5bfe\u8c61\u306e\u5206\u985e", None))
#endif // QT_CONFIG(accessibility)
        self.categoriesEdit.setPlaceholderText(QCoreApplication.translate("ScopeDialog", u"\u4f8b: \u964d\u7070\u4e88\u5831\uff08\u8aad\u70b9\u3067\u533a\u5207\u308b\u3002\u7a7a\u6b04\u306a\u3089\u5206\u985e\u3092\u554f\u308f\u306a\u3044\uff09", None))
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
        self.reviewLabel.setText(QCoreApplication.translate("ScopeDialog", u"\u7ba1\u7406\u8005\u306e\u78ba\u8a8d:", None))
#if QT_CONFIG(accessibility)
        self.reviewDaysSpin.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u7ba1\u7406\u8005\u304c\u78ba\u8a8d\u3059\u308b\u671f\u9650\uff08\u958b\u5e81\u65e5\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.reviewDaysSpin.setSuffix(QCoreApplication.translate("ScopeDialog", u" \u958b\u5e81\u65e5\u4ee5\u5185\u306b\u78ba\u8a8d", None))
        self.sampleGroup.setTitle(QCoreApplication.translate("ScopeDialog", u"\u898b\u672c\uff08\u6295\u7a3f\u3055\u308c\u308b\u5f62\uff09", None))
#if QT_CONFIG(accessibility)
        self.sampleView.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u898b\u672c\u306e\u672c\u6587", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sampleNote.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u898b\u672c\u306e\u8aac\u660e", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("ScopeDialog", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

