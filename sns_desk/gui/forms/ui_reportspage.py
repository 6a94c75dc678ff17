# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reportspage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_ReportsPage(object):
    def setupUi(self, ReportsPage):
        if not ReportsPage.objectName():
            ReportsPage.setObjectName(u"ReportsPage")
        self.pageLayout = QVBoxLayout(ReportsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(ReportsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(ReportsPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.introLabel)

        self.formGroup = QGroupBox(ReportsPage)
        self.formGroup.setObjectName(u"formGroup")
        self.reportForm = QFormLayout(self.formGroup)
        self.reportForm.setObjectName(u"reportForm")
        self.kindLabel = QLabel(self.formGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.formGroup)
        self.kindCombo.setObjectName(u"kindCombo")

        self.reportForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.accountLabel = QLabel(self.formGroup)
        self.accountLabel.setObjectName(u"accountLabel")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.accountLabel)

        self.accountCombo = QComboBox(self.formGroup)
        self.accountCombo.setObjectName(u"accountCombo")

        self.reportForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.accountCombo)

        self.eventLabel = QLabel(self.formGroup)
        self.eventLabel.setObjectName(u"eventLabel")

        self.reportForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.eventLabel)

        self.eventCombo = QComboBox(self.formGroup)
        self.eventCombo.setObjectName(u"eventCombo")

        self.reportForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.eventCombo)

        self.periodLabel = QLabel(self.formGroup)
        self.periodLabel.setObjectName(u"periodLabel")

        self.reportForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodRow = QHBoxLayout()
        self.periodRow.setObjectName(u"periodRow")
        self.fromEdit = QDateEdit(self.formGroup)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)

        self.periodRow.addWidget(self.fromEdit)

        self.periodTo = QLabel(self.formGroup)
        self.periodTo.setObjectName(u"periodTo")

        self.periodRow.addWidget(self.periodTo)

        self.untilEdit = QDateEdit(self.formGroup)
        self.untilEdit.setObjectName(u"untilEdit")
        self.untilEdit.setCalendarPopup(True)

        self.periodRow.addWidget(self.untilEdit)

        self.periodRowSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodRow.addItem(self.periodRowSpacer)


        self.reportForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.periodRow)

        self.remarksLabel = QLabel(self.formGroup)
        self.remarksLabel.setObjectName(u"remarksLabel")

        self.reportForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.remarksLabel)

        self.remarksEdit = QLineEdit(self.formGroup)
        self.remarksEdit.setObjectName(u"remarksEdit")
        self.remarksEdit.setClearButtonEnabled(True)

        self.reportForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.remarksEdit)

        self.reiwaCheck = QCheckBox(self.formGroup)
        self.reiwaCheck.setObjectName(u"reiwaCheck")

        self.reportForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.reiwaCheck)

        self.folderLabel = QLabel(self.formGroup)
        self.folderLabel.setObjectName(u"folderLabel")

        self.reportForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.folderLabel)

        self.folderRow = QHBoxLayout()
        self.folderRow.setObjectName(u"folderRow")
        self.folderEdit = QLineEdit(self.formGroup)
        self.folderEdit.setObjectName(u"folderEdit")
        self.folderEdit.setClearButtonEnabled(True)

        self.folderRow.addWidget(self.folderEdit)

        self.browseButton = QPushButton(self.formGroup)
        self.browseButton.setObjectName(u"browseButton")

        self.folderRow.addWidget(self.browseButton)


        self.reportForm.setLayout(6, QFormLayout.ItemRole.FieldRole, self.folderRow)

        self.incidentLabel = QLabel(self.formGroup)
        self.incidentLabel.setObjectName(u"incidentLabel")

        self.reportForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.incidentLabel)

        self.incidentCombo = QComboBox(self.formGroup)
        self.incidentCombo.setObjectName(u"incidentCombo")

        self.reportForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.incidentCombo)


        self.pageLayout.addWidget(self.formGroup)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.exportButton = QPushButton(ReportsPage)
        self.exportButton.setObjectName(u"exportButton")

        self.actions.addWidget(self.exportButton)

        self.openFolderButton = QPushButton(ReportsPage)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.actions.addWidget(self.openFolderButton)

        self.resultLabel = QLabel(ReportsPage)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.actions.addWidget(self.resultLabel)

        self.actionsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)


        self.pageLayout.addLayout(self.actions)

        self.historyLabel = QLabel(ReportsPage)
        self.historyLabel.setObjectName(u"historyLabel")

        self.pageLayout.addWidget(self.historyLabel)

        self.historyTable = QTableView(ReportsPage)
        self.historyTable.setObjectName(u"historyTable")
        self.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.historyTable.setAlternatingRowColors(True)
        self.historyTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.historyTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.pageLayout.addWidget(self.historyTable)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.accountLabel.setBuddy(self.accountCombo)
        self.eventLabel.setBuddy(self.eventCombo)
        self.remarksLabel.setBuddy(self.remarksEdit)
        self.folderLabel.setBuddy(self.folderEdit)
        self.incidentLabel.setBuddy(self.incidentCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportsPage)

        QMetaObject.connectSlotsByName(ReportsPage)
    # setupUi

    def retranslateUi(self, ReportsPage):
        ReportsPage.setWindowTitle(QCoreApplication.translate("ReportsPage", u"\u5831\u544a\u66f8", None))
        self.titleLabel.setText(QCoreApplication.translate("ReportsPage", u"\u5831\u544a\u66f8", None))
        self.introLabel.setText(QCoreApplication.translate("ReportsPage", u"\u5e83\u5831\u8ab2\u3078\u63d0\u51fa\u3059\u308b\u69d8\u5f0f\u3092 Excel \u3067\u4f5c\u6210\u3057\u307e\u3059\uff08\u00a73(2)\u3001\u00a73(3)\u30a4\uff09\u3002\u69d8\u5f0f\u306f\u3001\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3068\u540c\u3058\u30d5\u30a9\u30eb\u30c0\u306e templates \u306b\u7f6e\u3044\u305f Excel \u30d5\u30a1\u30a4\u30eb\u306b\u5dee\u3057\u66ff\u3048\u3089\u308c\u307e\u3059\u3002", None))
        self.formGroup.setTitle(QCoreApplication.translate("ReportsPage", u"\u4f5c\u6210\u3059\u308b\u5831\u544a\u66f8", None))
        self.kindLabel.setText(QCoreApplication.translate("ReportsPage", u"\u5831\u544a\u66f8(&K):", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u5831\u544a\u66f8\u306e\u7a2e\u985e", None))
#endif // QT_CONFIG(accessibility)
        self.accountLabel.setText(QCoreApplication.translate("ReportsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8(&A):", None))
#if QT_CONFIG(accessibility)
        self.accountCombo.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u5bfe\u8c61\u306e\u30a2\u30ab\u30a6\u30f3\u30c8", None))
#endif // QT_CONFIG(accessibility)
        self.eventLabel.setText(QCoreApplication.translate("ReportsPage", u"\u533a\u5206:", None))
#if QT_CONFIG(accessibility)
        self.eventCombo.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u958b\u8a2d\u30fb\u5909\u66f4\u30fb\u5ec3\u6b62\u306e\u533a\u5206", None))
#endif // QT_CONFIG(accessibility)
        self.periodLabel.setText(QCoreApplication.translate("ReportsPage", u"\u671f\u9593:", None))
#if QT_CONFIG(accessibility)
        self.fromEdit.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u671f\u9593\u306e\u59cb\u3081", None))
#endif // QT_CONFIG(accessibility)
        self.fromEdit.setDisplayFormat(QCoreApplication.translate("ReportsPage", u"yyyy-MM-dd", None))
        self.periodTo.setText(QCoreApplication.translate("ReportsPage", u"\u301c", None))
#if QT_CONFIG(accessibility)
        self.untilEdit.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u671f\u9593\u306e\u7d42\u308f\u308a", None))
#endif // QT_CONFIG(accessibility)
        self.untilEdit.setDisplayFormat(QCoreApplication.translate("ReportsPage", u"yyyy-MM-dd", None))
        self.remarksLabel.setText(QCoreApplication.translate("ReportsPage", u"\u5099\u8003:", None))
#if QT_CONFIG(accessibility)
        self.remarksEdit.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u5099\u8003", None))
#endif // QT_CONFIG(accessibility)
        self.reiwaCheck.setText(QCoreApplication.translate("ReportsPage", u"\u65e5\u4ed8\u3092\u548c\u66a6\uff08\u4ee4\u548c\uff09\u3067\u66f8\u304f", None))
        self.folderLabel.setText(QCoreApplication.translate("ReportsPage", u"\u4fdd\u5b58\u5148(&F):", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u4fdd\u5b58\u5148\u306e\u30d5\u30a9\u30eb\u30c0", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.browseButton.setToolTip(QCoreApplication.translate("ReportsPage", u"\u51fa\u529b\u5148\u306e\u30d5\u30a1\u30a4\u30eb\u3092\u9078\u3073\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.browseButton.setText(QCoreApplication.translate("ReportsPage", u"\u53c2\u7167\u2026", None))
        self.incidentLabel.setText(QCoreApplication.translate("ReportsPage", u"\u30c8\u30e9\u30d6\u30eb:", None))
#if QT_CONFIG(accessibility)
        self.incidentCombo.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u5831\u544a\u3059\u308b\u30c8\u30e9\u30d6\u30eb", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.exportButton.setToolTip(QCoreApplication.translate("ReportsPage", u"\u9078\u3093\u3060\u5831\u544a\u66f8\u3092 Excel \u30d5\u30a1\u30a4\u30eb\u306b\u51fa\u529b\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.exportButton.setText(QCoreApplication.translate("ReportsPage", u"Excel \u306b\u51fa\u529b(&E)", None))
#if QT_CONFIG(tooltip)
        self.openFolderButton.setToolTip(QCoreApplication.translate("ReportsPage", u"\u51fa\u529b\u5148\u306e\u30d5\u30a9\u30eb\u30c0\u3092\u958b\u304d\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.openFolderButton.setText(QCoreApplication.translate("ReportsPage", u"\u30d5\u30a9\u30eb\u30c0\u3092\u958b\u304f", None))
#if QT_CONFIG(accessibility)
        self.resultLabel.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u51fa\u529b\u306e\u7d50\u679c", None))
#endif // QT_CONFIG(accessibility)
        self.historyLabel.setText(QCoreApplication.translate("ReportsPage", u"\u3053\u308c\u307e\u3067\u306e\u51fa\u529b\uff08\u30d5\u30a1\u30a4\u30eb\u306e SHA-256 \u3092\u8a18\u9332\u3057\u3066\u3044\u307e\u3059\uff09:", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("ReportsPage", u"\u51fa\u529b\u306e\u5c65\u6b74", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

