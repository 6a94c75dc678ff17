# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'accountspage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QTextBrowser, QVBoxLayout, QWidget

class Ui_AccountsPage(object):
    def setupUi(self, AccountsPage):
        if not AccountsPage.objectName():
            AccountsPage.setObjectName(u"AccountsPage")
        self.pageLayout = QVBoxLayout(AccountsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(AccountsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.splitter = QSplitter(AccountsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.listPanel = QWidget(self.splitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.listTools = QHBoxLayout()
        self.listTools.setObjectName(u"listTools")
        self.filterEdit = QLineEdit(self.listPanel)
        self.filterEdit.setObjectName(u"filterEdit")

        self.listTools.addWidget(self.filterEdit)

        self.requestButton = QPushButton(self.listPanel)
        self.requestButton.setObjectName(u"requestButton")

        self.listTools.addWidget(self.requestButton)


        self.listLayout.addLayout(self.listTools)

        self.accountsTable = QTableView(self.listPanel)
        self.accountsTable.setObjectName(u"accountsTable")
        self.accountsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accountsTable.setAlternatingRowColors(True)
        self.accountsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accountsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accountsTable.setSortingEnabled(True)

        self.listLayout.addWidget(self.accountsTable)

        self.splitter.addWidget(self.listPanel)
        self.detailPanel = QWidget(self.splitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLabel = QLabel(self.detailPanel)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.detailLayout.addWidget(self.headerLabel)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.approveButton = QPushButton(self.detailPanel)
        self.approveButton.setObjectName(u"approveButton")

        self.actionButtons.addWidget(self.approveButton)

        self.rejectButton = QPushButton(self.detailPanel)
        self.rejectButton.setObjectName(u"rejectButton")

        self.actionButtons.addWidget(self.rejectButton)

        self.activateButton = QPushButton(self.detailPanel)
        self.activateButton.setObjectName(u"activateButton")

        self.actionButtons.addWidget(self.activateButton)

        self.suspendButton = QPushButton(self.detailPanel)
        self.suspendButton.setObjectName(u"suspendButton")

        self.actionButtons.addWidget(self.suspendButton)

        self.resumeButton = QPushButton(self.detailPanel)
        self.resumeButton.setObjectName(u"resumeButton")

        self.actionButtons.addWidget(self.resumeButton)

        self.closeButton = QPushButton(self.detailPanel)
        self.closeButton.setObjectName(u"closeButton")

        self.actionButtons.addWidget(self.closeButton)

        self.actionButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionButtons.addItem(self.actionButtonsSpacer)


        self.detailLayout.addLayout(self.actionButtons)

        self.detailTabs = QTabWidget(self.detailPanel)
        self.detailTabs.setObjectName(u"detailTabs")
        self.infoTab = QWidget()
        self.infoTab.setObjectName(u"infoTab")
        self.infoTabLayout = QVBoxLayout(self.infoTab)
        self.infoTabLayout.setObjectName(u"infoTabLayout")
        self.infoForm = QFormLayout()
        self.infoForm.setObjectName(u"infoForm")
        self.platformL = QLabel(self.infoTab)
        self.platformL.setObjectName(u"platformL")

        self.infoForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.platformL)

        self.platformValue = QLabel(self.infoTab)
        self.platformValue.setObjectName(u"platformValue")
        self.platformValue.setWordWrap(True)
        self.platformValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.platformValue)

        self.nameL = QLabel(self.infoTab)
        self.nameL.setObjectName(u"nameL")

        self.infoForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameL)

        self.nameValue = QLabel(self.infoTab)
        self.nameValue.setObjectName(u"nameValue")
        self.nameValue.setWordWrap(True)
        self.nameValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameValue)

        self.handleL = QLabel(self.infoTab)
        self.handleL.setObjectName(u"handleL")

        self.infoForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.handleL)

        self.handleValue = QLabel(self.infoTab)
        self.handleValue.setObjectName(u"handleValue")
        self.handleValue.setWordWrap(True)
        self.handleValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.handleValue)

        self.urlL = QLabel(self.infoTab)
        self.urlL.setObjectName(u"urlL")

        self.infoForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.urlL)

        self.urlValue = QLabel(self.infoTab)
        self.urlValue.setObjectName(u"urlValue")
        self.urlValue.setWordWrap(True)
        self.urlValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.urlValue)

        self.departmentL = QLabel(self.infoTab)
        self.departmentL.setObjectName(u"departmentL")

        self.infoForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.departmentL)

        self.departmentValue = QLabel(self.infoTab)
        self.departmentValue.setObjectName(u"departmentValue")
        self.departmentValue.setWordWrap(True)
        self.departmentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.departmentValue)

        self.statusL = QLabel(self.infoTab)
        self.statusL.setObjectName(u"statusL")

        self.infoForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusL)

        self.statusValue = QLabel(self.infoTab)
        self.statusValue.setObjectName(u"statusValue")
        self.statusValue.setWordWrap(True)
        self.statusValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statusValue)

        self.responsibleL = QLabel(self.infoTab)
        self.responsibleL.setObjectName(u"responsibleL")

        self.infoForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.responsibleL)

        self.responsibleValue = QLabel(self.infoTab)
        self.responsibleValue.setObjectName(u"responsibleValue")
        self.responsibleValue.setWordWrap(True)
        self.responsibleValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.responsibleValue)

        self.managersL = QLabel(self.infoTab)
        self.managersL.setObjectName(u"managersL")

        self.infoForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.managersL)

        self.managersValue = QLabel(self.infoTab)
        self.managersValue.setObjectName(u"managersValue")
        self.managersValue.setWordWrap(True)
        self.managersValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.managersValue)

        self.requestedL = QLabel(self.infoTab)
        self.requestedL.setObjectName(u"requestedL")

        self.infoForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.requestedL)

        self.requestedValue = QLabel(self.infoTab)
        self.requestedValue.setObjectName(u"requestedValue")
        self.requestedValue.setWordWrap(True)
        self.requestedValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.requestedValue)

        self.datesL = QLabel(self.infoTab)
        self.datesL.setObjectName(u"datesL")

        self.infoForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.datesL)

        self.datesValue = QLabel(self.infoTab)
        self.datesValue.setObjectName(u"datesValue")
        self.datesValue.setWordWrap(True)
        self.datesValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.datesValue)

        self.reasonL = QLabel(self.infoTab)
        self.reasonL.setObjectName(u"reasonL")

        self.infoForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.reasonL)

        self.reasonValue = QLabel(self.infoTab)
        self.reasonValue.setObjectName(u"reasonValue")
        self.reasonValue.setWordWrap(True)
        self.reasonValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.reasonValue)

        self.overrideL = QLabel(self.infoTab)
        self.overrideL.setObjectName(u"overrideL")

        self.infoForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.overrideL)

        self.overrideValue = QLabel(self.infoTab)
        self.overrideValue.setObjectName(u"overrideValue")
        self.overrideValue.setWordWrap(True)
        self.overrideValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.overrideValue)

        self.selfApprovalL = QLabel(self.infoTab)
        self.selfApprovalL.setObjectName(u"selfApprovalL")

        self.infoForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.selfApprovalL)

        self.selfApprovalValue = QLabel(self.infoTab)
        self.selfApprovalValue.setObjectName(u"selfApprovalValue")
        self.selfApprovalValue.setWordWrap(True)
        self.selfApprovalValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.infoForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.selfApprovalValue)

        self.infoButtons = QHBoxLayout()
        self.infoButtons.setObjectName(u"infoButtons")
        self.editInfoButton = QPushButton(self.infoTab)
        self.editInfoButton.setObjectName(u"editInfoButton")

        self.infoButtons.addWidget(self.editInfoButton)

        self.infoButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.infoButtons.addItem(self.infoButtonsSpacer)


        self.infoForm.setLayout(13, QFormLayout.ItemRole.FieldRole, self.infoButtons)


        self.infoTabLayout.addLayout(self.infoForm)

        self.infoSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.infoTabLayout.addItem(self.infoSpacer)

        self.detailTabs.addTab(self.infoTab, "")
        self.policyTab = QWidget()
        self.policyTab.setObjectName(u"policyTab")
        self.policyTabLayout = QVBoxLayout(self.policyTab)
        self.policyTabLayout.setObjectName(u"policyTabLayout")
        self.policyButtons = QHBoxLayout()
        self.policyButtons.setObjectName(u"policyButtons")
        self.editPolicyButton = QPushButton(self.policyTab)
        self.editPolicyButton.setObjectName(u"editPolicyButton")

        self.policyButtons.addWidget(self.editPolicyButton)

        self.approvePolicyButton = QPushButton(self.policyTab)
        self.approvePolicyButton.setObjectName(u"approvePolicyButton")

        self.policyButtons.addWidget(self.approvePolicyButton)

        self.diffButton = QPushButton(self.policyTab)
        self.diffButton.setObjectName(u"diffButton")

        self.policyButtons.addWidget(self.diffButton)

        self.copyPolicyButton = QPushButton(self.policyTab)
        self.copyPolicyButton.setObjectName(u"copyPolicyButton")

        self.policyButtons.addWidget(self.copyPolicyButton)

        self.saveTextButton = QPushButton(self.policyTab)
        self.saveTextButton.setObjectName(u"saveTextButton")

        self.policyButtons.addWidget(self.saveTextButton)

        self.saveHtmlButton = QPushButton(self.policyTab)
        self.saveHtmlButton.setObjectName(u"saveHtmlButton")

        self.policyButtons.addWidget(self.saveHtmlButton)

        self.policyButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.policyButtons.addItem(self.policyButtonsSpacer)


        self.policyTabLayout.addLayout(self.policyButtons)

        self.policyBody = QHBoxLayout()
        self.policyBody.setObjectName(u"policyBody")
        self.versionsList = QListWidget(self.policyTab)
        self.versionsList.setObjectName(u"versionsList")
        self.versionsList.setMaximumSize(QSize(200, 16777215))

        self.policyBody.addWidget(self.versionsList)

        self.policyView = QTextBrowser(self.policyTab)
        self.policyView.setObjectName(u"policyView")

        self.policyBody.addWidget(self.policyView)


        self.policyTabLayout.addLayout(self.policyBody)

        self.detailTabs.addTab(self.policyTab, "")
        self.checklistTab = QWidget()
        self.checklistTab.setObjectName(u"checklistTab")
        self.checklistTabLayout = QVBoxLayout(self.checklistTab)
        self.checklistTabLayout.setObjectName(u"checklistTabLayout")
        self.checklistIntro = QLabel(self.checklistTab)
        self.checklistIntro.setObjectName(u"checklistIntro")
        self.checklistIntro.setWordWrap(True)

        self.checklistTabLayout.addWidget(self.checklistIntro)

        self.checklistTable = QTableView(self.checklistTab)
        self.checklistTable.setObjectName(u"checklistTable")
        self.checklistTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checklistTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklistTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.checklistTabLayout.addWidget(self.checklistTable)

        self.checklistButtons = QHBoxLayout()
        self.checklistButtons.setObjectName(u"checklistButtons")
        self.recordChecklistButton = QPushButton(self.checklistTab)
        self.recordChecklistButton.setObjectName(u"recordChecklistButton")

        self.checklistButtons.addWidget(self.recordChecklistButton)

        self.checklistButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.checklistButtons.addItem(self.checklistButtonsSpacer)


        self.checklistTabLayout.addLayout(self.checklistButtons)

        self.detailTabs.addTab(self.checklistTab, "")
        self.credentialTab = QWidget()
        self.credentialTab.setObjectName(u"credentialTab")
        self.credentialTabLayout = QVBoxLayout(self.credentialTab)
        self.credentialTabLayout.setObjectName(u"credentialTabLayout")
        self.keyringStatusLabel = QLabel(self.credentialTab)
        self.keyringStatusLabel.setObjectName(u"keyringStatusLabel")
        self.keyringStatusLabel.setWordWrap(True)
        self.keyringStatusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.credentialTabLayout.addWidget(self.keyringStatusLabel)

        self.credentialInfoLabel = QLabel(self.credentialTab)
        self.credentialInfoLabel.setObjectName(u"credentialInfoLabel")
        self.credentialInfoLabel.setWordWrap(True)
        self.credentialInfoLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.credentialTabLayout.addWidget(self.credentialInfoLabel)

        self.credentialButtons = QHBoxLayout()
        self.credentialButtons.setObjectName(u"credentialButtons")
        self.setCredentialButton = QPushButton(self.credentialTab)
        self.setCredentialButton.setObjectName(u"setCredentialButton")

        self.credentialButtons.addWidget(self.setCredentialButton)

        self.copyIdButton = QPushButton(self.credentialTab)
        self.copyIdButton.setObjectName(u"copyIdButton")

        self.credentialButtons.addWidget(self.copyIdButton)

        self.copyPasswordButton = QPushButton(self.credentialTab)
        self.copyPasswordButton.setObjectName(u"copyPasswordButton")

        self.credentialButtons.addWidget(self.copyPasswordButton)

        self.deleteCredentialButton = QPushButton(self.credentialTab)
        self.deleteCredentialButton.setObjectName(u"deleteCredentialButton")

        self.credentialButtons.addWidget(self.deleteCredentialButton)

        self.connectionButton = QPushButton(self.credentialTab)
        self.connectionButton.setObjectName(u"connectionButton")

        self.credentialButtons.addWidget(self.connectionButton)

        self.credentialButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.credentialButtons.addItem(self.credentialButtonsSpacer)


        self.credentialTabLayout.addLayout(self.credentialButtons)

        self.clipboardLabel = QLabel(self.credentialTab)
        self.clipboardLabel.setObjectName(u"clipboardLabel")
        self.clipboardLabel.setWordWrap(True)
        self.clipboardLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.credentialTabLayout.addWidget(self.clipboardLabel)

        self.credentialSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.credentialTabLayout.addItem(self.credentialSpacer)

        self.detailTabs.addTab(self.credentialTab, "")
        self.scopesTab = QWidget()
        self.scopesTab.setObjectName(u"scopesTab")
        self.scopesTabLayout = QVBoxLayout(self.scopesTab)
        self.scopesTabLayout.setObjectName(u"scopesTabLayout")
        self.scopesIntro = QLabel(self.scopesTab)
        self.scopesIntro.setObjectName(u"scopesIntro")
        self.scopesIntro.setWordWrap(True)

        self.scopesTabLayout.addWidget(self.scopesIntro)

        self.scopesTable = QTableView(self.scopesTab)
        self.scopesTable.setObjectName(u"scopesTable")
        self.scopesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scopesTable.setAlternatingRowColors(True)
        self.scopesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scopesTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.scopesTabLayout.addWidget(self.scopesTable)

        self.scopeButtons = QHBoxLayout()
        self.scopeButtons.setObjectName(u"scopeButtons")
        self.addScopeButton = QPushButton(self.scopesTab)
        self.addScopeButton.setObjectName(u"addScopeButton")

        self.scopeButtons.addWidget(self.addScopeButton)

        self.changeScopeButton = QPushButton(self.scopesTab)
        self.changeScopeButton.setObjectName(u"changeScopeButton")

        self.scopeButtons.addWidget(self.changeScopeButton)

        self.revokeScopeButton = QPushButton(self.scopesTab)
        self.revokeScopeButton.setObjectName(u"revokeScopeButton")

        self.scopeButtons.addWidget(self.revokeScopeButton)

        self.scopeButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scopeButtons.addItem(self.scopeButtonsSpacer)


        self.scopesTabLayout.addLayout(self.scopeButtons)

        self.reviewLabel = QLabel(self.scopesTab)
        self.reviewLabel.setObjectName(u"reviewLabel")
        self.reviewLabel.setWordWrap(True)
        self.reviewLabel.setOpenExternalLinks(False)
        self.reviewLabel.setTextFormat(Qt.TextFormat.RichText)

        self.scopesTabLayout.addWidget(self.reviewLabel)

        self.detailTabs.addTab(self.scopesTab, "")
        self.membersTab = QWidget()
        self.membersTab.setObjectName(u"membersTab")
        self.membersTabLayout = QVBoxLayout(self.membersTab)
        self.membersTabLayout.setObjectName(u"membersTabLayout")
        self.membersTable = QTableView(self.membersTab)
        self.membersTable.setObjectName(u"membersTable")
        self.membersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.membersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.membersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.membersTabLayout.addWidget(self.membersTable)

        self.memberButtons = QHBoxLayout()
        self.memberButtons.setObjectName(u"memberButtons")
        self.addMemberButton = QPushButton(self.membersTab)
        self.addMemberButton.setObjectName(u"addMemberButton")

        self.memberButtons.addWidget(self.addMemberButton)

        self.removeMemberButton = QPushButton(self.membersTab)
        self.removeMemberButton.setObjectName(u"removeMemberButton")

        self.memberButtons.addWidget(self.removeMemberButton)

        self.memberButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.memberButtons.addItem(self.memberButtonsSpacer)


        self.membersTabLayout.addLayout(self.memberButtons)

        self.detailTabs.addTab(self.membersTab, "")

        self.detailLayout.addWidget(self.detailTabs)

        self.splitter.addWidget(self.detailPanel)

        self.pageLayout.addWidget(self.splitter)


        self.retranslateUi(AccountsPage)

        self.detailTabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(AccountsPage)
    # setupUi

    def retranslateUi(self, AccountsPage):
        AccountsPage.setWindowTitle(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8", None))
        self.titleLabel.setText(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8", None))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u7d5e\u308a\u8fbc\u307f", None))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("AccountsPage", u"\u540d\u524d\u30fb\u90e8\u7f72\u30fb\u72b6\u614b\u3067\u7d5e\u308a\u8fbc\u307f", None))
#if QT_CONFIG(tooltip)
        self.requestButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u65b0\u3057\u3044\u516c\u5f0f\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u958b\u8a2d\u3092\u7533\u8acb\u3057\u307e\u3059\u3002\u8cac\u4efb\u8005\u306e\u627f\u8a8d\u304c\u5fc5\u8981\u3067\u3059\uff08\u00a73(1)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.requestButton.setText(QCoreApplication.translate("AccountsPage", u"\u958b\u8a2d\u3092\u7533\u8acb(&N)\u2026", None))
#if QT_CONFIG(accessibility)
        self.accountsTable.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.headerLabel.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u9078\u629e\u4e2d\u306e\u30a2\u30ab\u30a6\u30f3\u30c8", None))
#endif // QT_CONFIG(accessibility)
        self.approveButton.setText(QCoreApplication.translate("AccountsPage", u"\u958b\u8a2d\u3092\u627f\u8a8d(&A)", None))
#if QT_CONFIG(tooltip)
        self.approveButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u958b\u8a2d\u3068\u904b\u7528\u30dd\u30ea\u30b7\u30fc\uff08\u7b2c1\u7248\uff09\u3092\u307e\u3068\u3081\u3066\u627f\u8a8d\u3057\u307e\u3059\uff08\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\u3001\u00a73(1)\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.rejectButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u958b\u8a2d\u306e\u7533\u8acb\u3092\u7406\u7531\u3092\u6dfb\u3048\u3066\u5374\u4e0b\u3057\u307e\u3059\uff08\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\u3001\u00a73(1)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.rejectButton.setText(QCoreApplication.translate("AccountsPage", u"\u7533\u8acb\u3092\u5374\u4e0b", None))
        self.activateButton.setText(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u958b\u59cb(&S)", None))
#if QT_CONFIG(tooltip)
        self.activateButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u6210\u308a\u3059\u307e\u3057\u9632\u6b62\u306e\u63aa\u7f6e\uff08\u00a73(3)\uff09\u304c\u6e08\u3093\u3060\u3089\u904b\u7528\u3092\u958b\u59cb\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.suspendButton.setText(QCoreApplication.translate("AccountsPage", u"\u4e00\u6642\u505c\u6b62", None))
#if QT_CONFIG(tooltip)
        self.suspendButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u4e00\u6642\u9589\u9396\uff08\u00a78(4)\u3001\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.resumeButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u4e00\u6642\u505c\u6b62\u3057\u3066\u3044\u305f\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u904b\u7528\u3092\u518d\u958b\u3057\u307e\u3059\uff08\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.resumeButton.setText(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u518d\u958b", None))
#if QT_CONFIG(tooltip)
        self.closeButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u3092\u9589\u9396\u3057\u307e\u3059\uff08\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\u3001\u00a74(1)\u30a2\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("AccountsPage", u"\u9589\u9396", None))
        self.platformL.setText(QCoreApplication.translate("AccountsPage", u"\u7a2e\u985e:", None))
#if QT_CONFIG(accessibility)
        self.platformValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u7a2e\u985e", None))
#endif // QT_CONFIG(accessibility)
        self.nameL.setText(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u540d:", None))
#if QT_CONFIG(accessibility)
        self.nameValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.handleL.setText(QCoreApplication.translate("AccountsPage", u"\u30e6\u30fc\u30b6\u30fc\u540d:", None))
#if QT_CONFIG(accessibility)
        self.handleValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u30e6\u30fc\u30b6\u30fc\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.urlL.setText(QCoreApplication.translate("AccountsPage", u"URL:", None))
#if QT_CONFIG(accessibility)
        self.urlValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"URL", None))
#endif // QT_CONFIG(accessibility)
        self.departmentL.setText(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u90e8\u7f72:", None))
#if QT_CONFIG(accessibility)
        self.departmentValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u90e8\u7f72", None))
#endif // QT_CONFIG(accessibility)
        self.statusL.setText(QCoreApplication.translate("AccountsPage", u"\u72b6\u614b:", None))
#if QT_CONFIG(accessibility)
        self.statusValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u72b6\u614b", None))
#endif // QT_CONFIG(accessibility)
        self.responsibleL.setText(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005:", None))
#if QT_CONFIG(accessibility)
        self.responsibleValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005", None))
#endif // QT_CONFIG(accessibility)
        self.managersL.setText(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u7ba1\u7406\u8005:", None))
#if QT_CONFIG(accessibility)
        self.managersValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u7ba1\u7406\u8005", None))
#endif // QT_CONFIG(accessibility)
        self.requestedL.setText(QCoreApplication.translate("AccountsPage", u"\u7533\u8acb\u8005:", None))
#if QT_CONFIG(accessibility)
        self.requestedValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u7533\u8acb\u8005", None))
#endif // QT_CONFIG(accessibility)
        self.datesL.setText(QCoreApplication.translate("AccountsPage", u"\u65e5\u4ed8:", None))
#if QT_CONFIG(accessibility)
        self.datesValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u958b\u8a2d\u627f\u8a8d\u65e5\u30fb\u904b\u7528\u958b\u59cb\u65e5\u30fb\u9589\u9396\u65e5", None))
#endif // QT_CONFIG(accessibility)
        self.reasonL.setText(QCoreApplication.translate("AccountsPage", u"\u72b6\u614b\u306e\u7406\u7531:", None))
#if QT_CONFIG(accessibility)
        self.reasonValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u72b6\u614b\u306e\u7406\u7531", None))
#endif // QT_CONFIG(accessibility)
        self.overrideL.setText(QCoreApplication.translate("AccountsPage", u"\u672a\u5b8c\u4e86\u306e\u307e\u307e\u958b\u59cb:", None))
#if QT_CONFIG(accessibility)
        self.overrideValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u6210\u308a\u3059\u307e\u3057\u9632\u6b62\u304c\u672a\u5b8c\u4e86\u306e\u307e\u307e\u904b\u7528\u3092\u958b\u59cb\u3057\u305f\u7406\u7531", None))
#endif // QT_CONFIG(accessibility)
        self.selfApprovalL.setText(QCoreApplication.translate("AccountsPage", u"\u81ea\u5df1\u627f\u8a8d:", None))
#if QT_CONFIG(accessibility)
        self.selfApprovalValue.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u7ba1\u7406\u8005\u306e\u81ea\u5df1\u627f\u8a8d", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.editInfoButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u9078\u3093\u3060\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u540d\u524d\u30fbURL \u306a\u3069\u306e\u57fa\u672c\u60c5\u5831\u3092\u76f4\u3057\u307e\u3059\uff08\u00a73(1)\u30a4\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.editInfoButton.setText(QCoreApplication.translate("AccountsPage", u"\u57fa\u672c\u60c5\u5831\u3092\u7de8\u96c6(&E)\u2026", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.infoTab), QCoreApplication.translate("AccountsPage", u"\u57fa\u672c\u60c5\u5831", None))
#if QT_CONFIG(tooltip)
        self.editPolicyButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306e\u65b0\u3057\u3044\u7248\u3092\u4f5c\u308a\u307e\u3059\uff08\u00a73(1)\u30a2\u301c\u30ad\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.editPolicyButton.setText(QCoreApplication.translate("AccountsPage", u"\u7de8\u96c6(&P)\u2026", None))
#if QT_CONFIG(tooltip)
        self.approvePolicyButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u8868\u793a\u4e2d\u306e\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306e\u7248\u3092\u627f\u8a8d\u3057\u307e\u3059\uff08\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\u3001\u00a73(1)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.approvePolicyButton.setText(QCoreApplication.translate("AccountsPage", u"\u3053\u306e\u7248\u3092\u627f\u8a8d", None))
#if QT_CONFIG(tooltip)
        self.diffButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u8868\u793a\u4e2d\u306e\u7248\u3068\u524d\u306e\u7248\u306e\u9055\u3044\u3092\u8868\u793a\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.diffButton.setText(QCoreApplication.translate("AccountsPage", u"\u524d\u306e\u7248\u3068\u6bd4\u8f03", None))
#if QT_CONFIG(tooltip)
        self.copyPolicyButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u30db\u30fc\u30e0\u30da\u30fc\u30b8\u306b\u8f09\u305b\u308b\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306e\u6587\u7ae0\u3092\u30b3\u30d4\u30fc\u3057\u307e\u3059\uff08\u00a73(3)\u30a4\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.copyPolicyButton.setText(QCoreApplication.translate("AccountsPage", u"\u516c\u958b\u7528\u306e\u6587\u7ae0\u3092\u30b3\u30d4\u30fc", None))
#if QT_CONFIG(tooltip)
        self.saveTextButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u3092\u30c6\u30ad\u30b9\u30c8\u30d5\u30a1\u30a4\u30eb\u306b\u4fdd\u5b58\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.saveTextButton.setText(QCoreApplication.translate("AccountsPage", u"\u30c6\u30ad\u30b9\u30c8\u3067\u4fdd\u5b58\u2026", None))
#if QT_CONFIG(tooltip)
        self.saveHtmlButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u3092 HTML \u30d5\u30a1\u30a4\u30eb\u306b\u4fdd\u5b58\u3057\u307e\u3059\uff08\u30db\u30fc\u30e0\u30da\u30fc\u30b8\u3078\u306e\u63b2\u8f09\u7528\u3001\u00a73(3)\u30a4\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.saveHtmlButton.setText(QCoreApplication.translate("AccountsPage", u"HTML \u3067\u4fdd\u5b58\u2026", None))
#if QT_CONFIG(accessibility)
        self.versionsList.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306e\u7248", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.policyView.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc\u306e\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.policyTab), QCoreApplication.translate("AccountsPage", u"\u904b\u7528\u30dd\u30ea\u30b7\u30fc", None))
        self.checklistIntro.setText(QCoreApplication.translate("AccountsPage", u"\u5e02\u306e\u30a2\u30ab\u30a6\u30f3\u30c8\u3078\u306e\u6210\u308a\u3059\u307e\u3057\u3092\u9632\u3050\u305f\u3081\u306e\u63aa\u7f6e\u3067\u3059\uff08\u00a73(3)\u30a2\u301c\u30a6\uff09\u3002\u672a\u5bfe\u5fdc\u306e\u9805\u76ee\u304c\u3042\u308b\u3046\u3061\u306f\u904b\u7528\u3092\u958b\u59cb\u3067\u304d\u307e\u305b\u3093\u3002", None))
#if QT_CONFIG(accessibility)
        self.checklistTable.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u6210\u308a\u3059\u307e\u3057\u9632\u6b62\u306e\u63aa\u7f6e", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.recordChecklistButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u6210\u308a\u3059\u307e\u3057\u9632\u6b62\u306e\u63aa\u7f6e\u306e\u72b6\u614b\u3092\u8a18\u9332\u3057\u307e\u3059\uff08\u00a73(3)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.recordChecklistButton.setText(QCoreApplication.translate("AccountsPage", u"\u8a18\u9332(&R)\u2026", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.checklistTab), QCoreApplication.translate("AccountsPage", u"\u6210\u308a\u3059\u307e\u3057\u9632\u6b62", None))
#if QT_CONFIG(accessibility)
        self.keyringStatusLabel.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u8cc7\u683c\u60c5\u5831\u30b9\u30c8\u30a2\u306e\u72b6\u614b", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.credentialInfoLabel.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u8a8d\u8a3c\u60c5\u5831\u306e\u72b6\u614b", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.setCredentialButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u30ed\u30b0\u30a4\u30f3 ID \u3068\u30d1\u30b9\u30ef\u30fc\u30c9\u3092 OS \u306e\u8cc7\u683c\u60c5\u5831\u306b\u4fdd\u5b58\u30fb\u5909\u66f4\u3057\u307e\u3059\uff08\u00a73(3)\u30a6\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.setCredentialButton.setText(QCoreApplication.translate("AccountsPage", u"\u4fdd\u5b58\u30fb\u5909\u66f4(&C)\u2026", None))
#if QT_CONFIG(tooltip)
        self.copyIdButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u30ed\u30b0\u30a4\u30f3 ID \u3092\u30af\u30ea\u30c3\u30d7\u30dc\u30fc\u30c9\u306b\u30b3\u30d4\u30fc\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.copyIdButton.setText(QCoreApplication.translate("AccountsPage", u"ID \u3092\u30b3\u30d4\u30fc", None))
        self.copyPasswordButton.setText(QCoreApplication.translate("AccountsPage", u"\u30d1\u30b9\u30ef\u30fc\u30c9\u3092\u30b3\u30d4\u30fc", None))
#if QT_CONFIG(tooltip)
        self.copyPasswordButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u30af\u30ea\u30c3\u30d7\u30dc\u30fc\u30c9\u306f 30 \u79d2\u5f8c\u306b\u6d88\u53bb\u3055\u308c\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.deleteCredentialButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u3053\u306e PC \u306e\u8cc7\u683c\u60c5\u5831\u304b\u3089\u30ed\u30b0\u30a4\u30f3\u60c5\u5831\u3092\u524a\u9664\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.deleteCredentialButton.setText(QCoreApplication.translate("AccountsPage", u"\u524a\u9664", None))
        self.connectionButton.setText(QCoreApplication.translate("AccountsPage", u"\u6295\u7a3f\u306e\u9023\u643a\uff08X\u30fbLINE\uff09\u2026", None))
#if QT_CONFIG(tooltip)
        self.connectionButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u30a2\u30d7\u30ea\u304b\u3089\u76f4\u63a5\u6295\u7a3f\u3059\u308b\u305f\u3081\u306e\u9023\u643a\uff08\u7ba1\u7406\u8005\u304c\u8a2d\u5b9a\u3001\u8cac\u4efb\u8005\u304c\u627f\u8a8d\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.clipboardLabel.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u30af\u30ea\u30c3\u30d7\u30dc\u30fc\u30c9\u306e\u72b6\u614b", None))
#endif // QT_CONFIG(accessibility)
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.credentialTab), QCoreApplication.translate("AccountsPage", u"\u8a8d\u8a3c\u60c5\u5831", None))
        self.scopesIntro.setText(QCoreApplication.translate("AccountsPage", u"\u7ba1\u7406\u8005\u306e\u627f\u8a8d\u3092\u6bce\u56de\u53d7\u3051\u305a\u306b\u767a\u4fe1\u3067\u304d\u308b\u7bc4\u56f2\u3067\u3059\uff08\u00a75(2)\uff09\u3002\u7bc4\u56f2\u5185\u3068\u3057\u3066\u7533\u8acb\u3055\u308c\u305f\u6295\u7a3f\u306f\u3059\u3050\u306b\u627f\u8a8d\u6e08\u307f\u306b\u306a\u308a\u3001\u7ba1\u7406\u8005\u304c\u3042\u3068\u3067\u78ba\u8a8d\u3057\u307e\u3059\u3002", None))
#if QT_CONFIG(accessibility)
        self.scopesTable.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u4e8b\u524d\u627f\u8a8d\u306e\u9069\u7528\u7bc4\u56f2", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addScopeButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u7ba1\u7406\u8005\u306e\u4e86\u627f\u306a\u3057\u306b\u767a\u4fe1\u3067\u304d\u308b\u7bc4\u56f2\u3092\u627f\u8a8d\u3057\u307e\u3059\uff08\u00a75(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.addScopeButton.setText(QCoreApplication.translate("AccountsPage", u"\u7bc4\u56f2\u3092\u627f\u8a8d(&G)\u2026", None))
#if QT_CONFIG(tooltip)
        self.changeScopeButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u9078\u3093\u3060\u7bc4\u56f2\u306e\u671f\u9593\u3084\u3072\u306a\u5f62\u3092\u5909\u66f4\u3057\u307e\u3059\uff08\u00a75(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.changeScopeButton.setText(QCoreApplication.translate("AccountsPage", u"\u5909\u66f4\u30fb\u3072\u306a\u5f62\u306e\u8a2d\u5b9a\u2026", None))
#if QT_CONFIG(tooltip)
        self.revokeScopeButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u9078\u3093\u3060\u7bc4\u56f2\u3092\u53d6\u308a\u6d88\u3057\u307e\u3059\u3002\u4ee5\u5f8c\u305d\u306e\u7bc4\u56f2\u3067\u306f\u767a\u4fe1\u3067\u304d\u307e\u305b\u3093\uff08\u00a75(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.revokeScopeButton.setText(QCoreApplication.translate("AccountsPage", u"\u53d6\u308a\u6d88\u3057", None))
#if QT_CONFIG(accessibility)
        self.reviewLabel.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u4e8b\u524d\u627f\u8a8d\u306e\u78ba\u8a8d\u3078\u306e\u6848\u5185", None))
#endif // QT_CONFIG(accessibility)
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.scopesTab), QCoreApplication.translate("AccountsPage", u"\u4e8b\u524d\u627f\u8a8d", None))
#if QT_CONFIG(accessibility)
        self.membersTable.setAccessibleName(QCoreApplication.translate("AccountsPage", u"\u3053\u306e\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u62c5\u5f53\u8005", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addMemberButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u3053\u306e\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u62c5\u5f53\u8005\u30fb\u7ba1\u7406\u8005\u3092\u8ffd\u52a0\u3057\u307e\u3059\uff08\u00a74(1)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.addMemberButton.setText(QCoreApplication.translate("AccountsPage", u"\u8ffd\u52a0(&M)\u2026", None))
#if QT_CONFIG(tooltip)
        self.removeMemberButton.setToolTip(QCoreApplication.translate("AccountsPage", u"\u9078\u3093\u3060\u30e1\u30f3\u30d0\u30fc\u3092\u3053\u306e\u30a2\u30ab\u30a6\u30f3\u30c8\u304b\u3089\u5916\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.removeMemberButton.setText(QCoreApplication.translate("AccountsPage", u"\u5916\u3059", None))
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.membersTab), QCoreApplication.translate("AccountsPage", u"\u62c5\u5f53\u8005", None))
    # retranslateUi

