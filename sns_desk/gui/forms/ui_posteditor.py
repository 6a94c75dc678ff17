# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'posteditor.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QDateTimeEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QTextBrowser, QVBoxLayout, QWidget

class Ui_PostEditor(object):
    def setupUi(self, PostEditor):
        if not PostEditor.objectName():
            PostEditor.setObjectName(u"PostEditor")
        PostEditor.resize(1180, 760)
        self.dialogLayout = QVBoxLayout(PostEditor)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.statusLabel = QLabel(PostEditor)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.statusLabel)

        self.splitter = QSplitter(PostEditor)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.leftPanel = QWidget(self.splitter)
        self.leftPanel.setObjectName(u"leftPanel")
        self.leftLayout = QVBoxLayout(self.leftPanel)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.headForm = QFormLayout()
        self.headForm.setObjectName(u"headForm")
        self.accountLabel = QLabel(self.leftPanel)
        self.accountLabel.setObjectName(u"accountLabel")

        self.headForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.accountLabel)

        self.accountCombo = QComboBox(self.leftPanel)
        self.accountCombo.setObjectName(u"accountCombo")

        self.headForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.accountCombo)

        self.titleLabel = QLabel(self.leftPanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(self.leftPanel)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setClearButtonEnabled(True)

        self.headForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.categoryLabel = QLabel(self.leftPanel)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.headForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryEdit = QLineEdit(self.leftPanel)
        self.categoryEdit.setObjectName(u"categoryEdit")
        self.categoryEdit.setClearButtonEnabled(True)

        self.headForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.categoryEdit)

        self.scopeLabel = QLabel(self.leftPanel)
        self.scopeLabel.setObjectName(u"scopeLabel")

        self.headForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.scopeLabel)

        self.scopeRow = QHBoxLayout()
        self.scopeRow.setObjectName(u"scopeRow")
        self.scopeCombo = QComboBox(self.leftPanel)
        self.scopeCombo.setObjectName(u"scopeCombo")

        self.scopeRow.addWidget(self.scopeCombo)

        self.fromScopeButton = QPushButton(self.leftPanel)
        self.fromScopeButton.setObjectName(u"fromScopeButton")

        self.scopeRow.addWidget(self.fromScopeButton)


        self.headForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.scopeRow)


        self.leftLayout.addLayout(self.headForm)

        self.bodyLabel = QLabel(self.leftPanel)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.leftLayout.addWidget(self.bodyLabel)

        self.bodyEdit = QPlainTextEdit(self.leftPanel)
        self.bodyEdit.setObjectName(u"bodyEdit")
        self.bodyEdit.setTabChangesFocus(True)

        self.leftLayout.addWidget(self.bodyEdit)

        self.counterRow = QHBoxLayout()
        self.counterRow.setObjectName(u"counterRow")
        self.counterLabel = QLabel(self.leftPanel)
        self.counterLabel.setObjectName(u"counterLabel")
        self.counterLabel.setWordWrap(True)
        self.counterLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.counterRow.addWidget(self.counterLabel)

        self.hoursLabel = QLabel(self.leftPanel)
        self.hoursLabel.setObjectName(u"hoursLabel")
        self.hoursLabel.setWordWrap(True)
        self.hoursLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.counterRow.addWidget(self.hoursLabel)

        self.counterRowSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.counterRow.addItem(self.counterRowSpacer)


        self.leftLayout.addLayout(self.counterRow)

        self.timeRow = QHBoxLayout()
        self.timeRow.setObjectName(u"timeRow")
        self.plannedCheck = QCheckBox(self.leftPanel)
        self.plannedCheck.setObjectName(u"plannedCheck")

        self.timeRow.addWidget(self.plannedCheck)

        self.plannedEdit = QDateTimeEdit(self.leftPanel)
        self.plannedEdit.setObjectName(u"plannedEdit")
        self.plannedEdit.setCalendarPopup(True)

        self.timeRow.addWidget(self.plannedEdit)

        self.emergencyCheck = QCheckBox(self.leftPanel)
        self.emergencyCheck.setObjectName(u"emergencyCheck")

        self.timeRow.addWidget(self.emergencyCheck)

        self.emergencyReasonEdit = QLineEdit(self.leftPanel)
        self.emergencyReasonEdit.setObjectName(u"emergencyReasonEdit")
        self.emergencyReasonEdit.setClearButtonEnabled(True)

        self.timeRow.addWidget(self.emergencyReasonEdit)


        self.leftLayout.addLayout(self.timeRow)

        self.attachmentsGroup = QGroupBox(self.leftPanel)
        self.attachmentsGroup.setObjectName(u"attachmentsGroup")
        self.attachmentsLayout = QHBoxLayout(self.attachmentsGroup)
        self.attachmentsLayout.setObjectName(u"attachmentsLayout")
        self.attachmentsList = QListWidget(self.attachmentsGroup)
        self.attachmentsList.setObjectName(u"attachmentsList")
        self.attachmentsList.setMaximumSize(QSize(16777215, 70))
        self.attachmentsList.setFlow(QListView.Flow.LeftToRight)

        self.attachmentsLayout.addWidget(self.attachmentsList)

        self.attachmentButtons = QVBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addImageButton = QPushButton(self.attachmentsGroup)
        self.addImageButton.setObjectName(u"addImageButton")

        self.attachmentButtons.addWidget(self.addImageButton)

        self.removeImageButton = QPushButton(self.attachmentsGroup)
        self.removeImageButton.setObjectName(u"removeImageButton")

        self.attachmentButtons.addWidget(self.removeImageButton)


        self.attachmentsLayout.addLayout(self.attachmentButtons)


        self.leftLayout.addWidget(self.attachmentsGroup)

        self.splitter.addWidget(self.leftPanel)
        self.rightPanel = QWidget(self.splitter)
        self.rightPanel.setObjectName(u"rightPanel")
        self.rightLayout = QVBoxLayout(self.rightPanel)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(0, 0, 0, 0)
        self.sideTabs = QTabWidget(self.rightPanel)
        self.sideTabs.setObjectName(u"sideTabs")
        self.checksTab = QWidget()
        self.checksTab.setObjectName(u"checksTab")
        self.checksLayout = QVBoxLayout(self.checksTab)
        self.checksLayout.setObjectName(u"checksLayout")
        self.checksSummary = QLabel(self.checksTab)
        self.checksSummary.setObjectName(u"checksSummary")
        self.checksSummary.setWordWrap(True)
        self.checksSummary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.checksLayout.addWidget(self.checksSummary)

        self.findingsTable = QTableView(self.checksTab)
        self.findingsTable.setObjectName(u"findingsTable")
        self.findingsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findingsTable.setAlternatingRowColors(True)
        self.findingsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findingsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.checksLayout.addWidget(self.findingsTable)

        self.findingsHint = QLabel(self.checksTab)
        self.findingsHint.setObjectName(u"findingsHint")
        self.findingsHint.setWordWrap(True)

        self.checksLayout.addWidget(self.findingsHint)

        self.sideTabs.addTab(self.checksTab, "")
        self.selfCheckTab = QWidget()
        self.selfCheckTab.setObjectName(u"selfCheckTab")
        self.selfCheckLayout = QVBoxLayout(self.selfCheckTab)
        self.selfCheckLayout.setObjectName(u"selfCheckLayout")
        self.selfCheckIntro = QLabel(self.selfCheckTab)
        self.selfCheckIntro.setObjectName(u"selfCheckIntro")
        self.selfCheckIntro.setWordWrap(True)

        self.selfCheckLayout.addWidget(self.selfCheckIntro)

        self.selfCheckHolder = QWidget(self.selfCheckTab)
        self.selfCheckHolder.setObjectName(u"selfCheckHolder")

        self.selfCheckLayout.addWidget(self.selfCheckHolder)

        self.selfCheckSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.selfCheckLayout.addItem(self.selfCheckSpacer)

        self.sideTabs.addTab(self.selfCheckTab, "")
        self.previewTab = QWidget()
        self.previewTab.setObjectName(u"previewTab")
        self.previewLayout = QVBoxLayout(self.previewTab)
        self.previewLayout.setObjectName(u"previewLayout")
        self.preview = QTextBrowser(self.previewTab)
        self.preview.setObjectName(u"preview")
        self.preview.setOpenExternalLinks(False)

        self.previewLayout.addWidget(self.preview)

        self.sideTabs.addTab(self.previewTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTextBrowser(self.historyTab)
        self.historyView.setObjectName(u"historyView")

        self.historyLayout.addWidget(self.historyView)

        self.sideTabs.addTab(self.historyTab, "")

        self.rightLayout.addWidget(self.sideTabs)

        self.splitter.addWidget(self.rightPanel)

        self.dialogLayout.addWidget(self.splitter)

        self.errorLabel = QLabel(PostEditor)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.errorLabel)

        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.saveButton = QPushButton(PostEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.actions.addWidget(self.saveButton)

        self.submitButton = QPushButton(PostEditor)
        self.submitButton.setObjectName(u"submitButton")

        self.actions.addWidget(self.submitButton)

        self.withdrawButton = QPushButton(PostEditor)
        self.withdrawButton.setObjectName(u"withdrawButton")

        self.actions.addWidget(self.withdrawButton)

        self.publishButton = QPushButton(PostEditor)
        self.publishButton.setObjectName(u"publishButton")

        self.actions.addWidget(self.publishButton)

        self.discardButton = QPushButton(PostEditor)
        self.discardButton.setObjectName(u"discardButton")

        self.actions.addWidget(self.discardButton)

        self.actionsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionsSpacer)

        self.closeButton = QPushButton(PostEditor)
        self.closeButton.setObjectName(u"closeButton")

        self.actions.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.actions)

#if QT_CONFIG(shortcut)
        self.accountLabel.setBuddy(self.accountCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.categoryLabel.setBuddy(self.categoryEdit)
        self.scopeLabel.setBuddy(self.scopeCombo)
        self.bodyLabel.setBuddy(self.bodyEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PostEditor)

        self.sideTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(PostEditor)
    # setupUi

    def retranslateUi(self, PostEditor):
        PostEditor.setWindowTitle(QCoreApplication.translate("PostEditor", u"\u6295\u7a3f\u306e\u7de8\u96c6", None))
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u6295\u7a3f\u306e\u72b6\u614b", None))
#endif // QT_CONFIG(accessibility)
        self.accountLabel.setText(QCoreApplication.translate("PostEditor", u"\u30a2\u30ab\u30a6\u30f3\u30c8:", None))
#if QT_CONFIG(accessibility)
        self.accountCombo.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u6295\u7a3f\u3059\u308b\u30a2\u30ab\u30a6\u30f3\u30c8", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("PostEditor", u"\u4ef6\u540d:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u4ef6\u540d\uff08\u4e00\u89a7\u3067\u306e\u898b\u51fa\u3057\u3002\u6295\u7a3f\u3055\u308c\u307e\u305b\u3093\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.categoryLabel.setText(QCoreApplication.translate("PostEditor", u"\u5206\u985e:", None))
#if QT_CONFIG(accessibility)
        self.categoryEdit.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u5206\u985e", None))
#endif // QT_CONFIG(accessibility)
        self.categoryEdit.setPlaceholderText(QCoreApplication.translate("PostEditor", u"\u4f8b: \u9632\u707d\u3001\u30a4\u30d9\u30f3\u30c8\u3001\u964d\u7070\u4e88\u5831", None))
        self.scopeLabel.setText(QCoreApplication.translate("PostEditor", u"\u4e8b\u524d\u627f\u8a8d:", None))
#if QT_CONFIG(accessibility)
        self.scopeCombo.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u4e8b\u524d\u627f\u8a8d\u306e\u9069\u7528\u7bc4\u56f2\uff08\u00a75(2)\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.fromScopeButton.setText(QCoreApplication.translate("PostEditor", u"\u4e8b\u524d\u627f\u8a8d\u306e\u7bc4\u56f2\u3067\u4f5c\u308b\u2026", None))
#if QT_CONFIG(tooltip)
        self.fromScopeButton.setToolTip(QCoreApplication.translate("PostEditor", u"\u7bc4\u56f2\u306e\u3072\u306a\u5f62\u3092\u9078\u3073\u3001\u5dee\u3057\u8fbc\u307f\u6b04\u3092\u57cb\u3081\u3066\u672c\u6587\u3092\u4f5c\u308a\u307e\u3059\uff08\u00a75(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.bodyLabel.setText(QCoreApplication.translate("PostEditor", u"\u672c\u6587(&B):", None))
#if QT_CONFIG(accessibility)
        self.bodyEdit.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u672c\u6587", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.counterLabel.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u6587\u5b57\u6570", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.hoursLabel.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u904b\u7528\u6642\u9593\u306e\u5224\u5b9a", None))
#endif // QT_CONFIG(accessibility)
        self.plannedCheck.setText(QCoreApplication.translate("PostEditor", u"\u4e88\u5b9a\u65e5\u6642:", None))
#if QT_CONFIG(accessibility)
        self.plannedEdit.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u4e88\u5b9a\u65e5\u6642", None))
#endif // QT_CONFIG(accessibility)
        self.plannedEdit.setDisplayFormat(QCoreApplication.translate("PostEditor", u"yyyy-MM-dd HH:mm", None))
        self.emergencyCheck.setText(QCoreApplication.translate("PostEditor", u"\u7dca\u6025\uff08\u904b\u7528\u6642\u9593\u5916\u30fb\u00a75(9)\uff09", None))
#if QT_CONFIG(accessibility)
        self.emergencyReasonEdit.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u7dca\u6025\u306e\u7406\u7531", None))
#endif // QT_CONFIG(accessibility)
        self.emergencyReasonEdit.setPlaceholderText(QCoreApplication.translate("PostEditor", u"\u7dca\u6025\u306e\u7406\u7531", None))
        self.attachmentsGroup.setTitle(QCoreApplication.translate("PostEditor", u"\u753b\u50cf\uff08PNG\u30fbJPEG\u30fbGIF\u30fbWebP\u30011\u679a 5 MB \u307e\u3067\u30014 \u679a\u307e\u3067\uff09", None))
#if QT_CONFIG(accessibility)
        self.attachmentsList.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u6dfb\u4ed8\u753b\u50cf", None))
#endif // QT_CONFIG(accessibility)
        self.addImageButton.setText(QCoreApplication.translate("PostEditor", u"\u8ffd\u52a0\u2026", None))
        self.removeImageButton.setText(QCoreApplication.translate("PostEditor", u"\u5916\u3059", None))
#if QT_CONFIG(accessibility)
        self.checksSummary.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u78ba\u8a8d\u7d50\u679c\u306e\u8981\u7d04", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.findingsTable.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u78ba\u8a8d\u7d50\u679c\uff08\u6ce8\u610f\u306b\u306f\u7406\u7531\u3092\u8a18\u5165\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.findingsHint.setText(QCoreApplication.translate("PostEditor", u"\u30a8\u30e9\u30fc\u306f\u76f4\u3059\u307e\u3067\u7533\u8acb\u3067\u304d\u307e\u305b\u3093\u3002\u6ce8\u610f\u306f\u3001\u554f\u984c\u306a\u3044\u3068\u5224\u65ad\u3057\u305f\u7406\u7531\u3092\u300c\u7406\u7531\u300d\u6b04\u306b\u8a18\u5165\u3057\u3066\u304f\u3060\u3055\u3044\uff08\u30c0\u30d6\u30eb\u30af\u30ea\u30c3\u30af\u3067\u5165\u529b\uff09\u3002", None))
        self.sideTabs.setTabText(self.sideTabs.indexOf(self.checksTab), QCoreApplication.translate("PostEditor", u"\u30ac\u30a4\u30c9\u30e9\u30a4\u30f3\u306e\u78ba\u8a8d", None))
        self.selfCheckIntro.setText(QCoreApplication.translate("PostEditor", u"\u7533\u8acb\u306e\u524d\u306b\u3001\u6b21\u306e\u7981\u6b62\u4e8b\u9805\uff08\u00a76\uff09\u306b\u5f53\u305f\u3089\u306a\u3044\u3053\u3068\u3092\u78ba\u8a8d\u3057\u3066\u304f\u3060\u3055\u3044\u3002", None))
#if QT_CONFIG(accessibility)
        self.selfCheckHolder.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u00a76 \u306e\u78ba\u8a8d\u9805\u76ee", None))
#endif // QT_CONFIG(accessibility)
        self.sideTabs.setTabText(self.sideTabs.indexOf(self.selfCheckTab), QCoreApplication.translate("PostEditor", u"\u00a76 \u306e\u78ba\u8a8d", None))
#if QT_CONFIG(accessibility)
        self.preview.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u6295\u7a3f\u306e\u30d7\u30ec\u30d3\u30e5\u30fc", None))
#endif // QT_CONFIG(accessibility)
        self.sideTabs.setTabText(self.sideTabs.indexOf(self.previewTab), QCoreApplication.translate("PostEditor", u"\u30d7\u30ec\u30d3\u30e5\u30fc", None))
#if QT_CONFIG(accessibility)
        self.historyView.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u7248\u3068\u5224\u65ad\u306e\u5c65\u6b74", None))
#endif // QT_CONFIG(accessibility)
        self.sideTabs.setTabText(self.sideTabs.indexOf(self.historyTab), QCoreApplication.translate("PostEditor", u"\u5c65\u6b74", None))
#if QT_CONFIG(accessibility)
        self.errorLabel.setAccessibleName(QCoreApplication.translate("PostEditor", u"\u64cd\u4f5c\u306e\u7d50\u679c", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("PostEditor", u"\u4fdd\u5b58(&S)", None))
        self.submitButton.setText(QCoreApplication.translate("PostEditor", u"\u627f\u8a8d\u3092\u7533\u8acb(&R)", None))
        self.withdrawButton.setText(QCoreApplication.translate("PostEditor", u"\u7533\u8acb\u3092\u53d6\u308a\u4e0b\u3052", None))
        self.publishButton.setText(QCoreApplication.translate("PostEditor", u"\u6295\u7a3f\u3059\u308b\u2026", None))
        self.discardButton.setText(QCoreApplication.translate("PostEditor", u"\u7834\u68c4", None))
        self.closeButton.setText(QCoreApplication.translate("PostEditor", u"\u9589\u3058\u308b", None))
    # retranslateUi

