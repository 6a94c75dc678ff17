# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'approvalspage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QTextBrowser, QVBoxLayout, QWidget

class Ui_ApprovalsPage(object):
    def setupUi(self, ApprovalsPage):
        if not ApprovalsPage.objectName():
            ApprovalsPage.setObjectName(u"ApprovalsPage")
        self.pageLayout = QVBoxLayout(ApprovalsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(ApprovalsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.splitter = QSplitter(ApprovalsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.listPanel = QWidget(self.splitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.pendingTable = QTableView(self.listPanel)
        self.pendingTable.setObjectName(u"pendingTable")
        self.pendingTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pendingTable.setAlternatingRowColors(True)
        self.pendingTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pendingTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.listLayout.addWidget(self.pendingTable)

        self.scopeReviewLabel = QLabel(self.listPanel)
        self.scopeReviewLabel.setObjectName(u"scopeReviewLabel")
        self.scopeReviewLabel.setWordWrap(True)
        self.scopeReviewLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.listLayout.addWidget(self.scopeReviewLabel)

        self.scopeReviewGroup = QGroupBox(self.listPanel)
        self.scopeReviewGroup.setObjectName(u"scopeReviewGroup")
        self.scopeReviewLayout = QVBoxLayout(self.scopeReviewGroup)
        self.scopeReviewLayout.setObjectName(u"scopeReviewLayout")
        self.scopeReviewTable = QTableView(self.scopeReviewGroup)
        self.scopeReviewTable.setObjectName(u"scopeReviewTable")
        self.scopeReviewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.scopeReviewTable.setAlternatingRowColors(True)
        self.scopeReviewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scopeReviewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scopeReviewTable.setMaximumSize(QSize(16777215, 170))

        self.scopeReviewLayout.addWidget(self.scopeReviewTable)

        self.scopeReviewButtons = QHBoxLayout()
        self.scopeReviewButtons.setObjectName(u"scopeReviewButtons")
        self.scopeReviewOpenButton = QPushButton(self.scopeReviewGroup)
        self.scopeReviewOpenButton.setObjectName(u"scopeReviewOpenButton")

        self.scopeReviewButtons.addWidget(self.scopeReviewOpenButton)

        self.scopeReviewedButton = QPushButton(self.scopeReviewGroup)
        self.scopeReviewedButton.setObjectName(u"scopeReviewedButton")

        self.scopeReviewButtons.addWidget(self.scopeReviewedButton)

        self.scopeReviewSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.scopeReviewButtons.addItem(self.scopeReviewSpacer)


        self.scopeReviewLayout.addLayout(self.scopeReviewButtons)


        self.listLayout.addWidget(self.scopeReviewGroup)

        self.splitter.addWidget(self.listPanel)
        self.detailPanel = QWidget(self.splitter)
        self.detailPanel.setObjectName(u"detailPanel")
        self.detailLayout = QVBoxLayout(self.detailPanel)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLabel = QLabel(self.detailPanel)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.headerLabel)

        self.detailTabs = QTabWidget(self.detailPanel)
        self.detailTabs.setObjectName(u"detailTabs")
        self.bodyTab = QWidget()
        self.bodyTab.setObjectName(u"bodyTab")
        self.bodyTabLayout = QVBoxLayout(self.bodyTab)
        self.bodyTabLayout.setObjectName(u"bodyTabLayout")
        self.bodyView = QTextBrowser(self.bodyTab)
        self.bodyView.setObjectName(u"bodyView")

        self.bodyTabLayout.addWidget(self.bodyView)

        self.detailTabs.addTab(self.bodyTab, "")
        self.diffTab = QWidget()
        self.diffTab.setObjectName(u"diffTab")
        self.diffTabLayout = QVBoxLayout(self.diffTab)
        self.diffTabLayout.setObjectName(u"diffTabLayout")
        self.diffView = QTextBrowser(self.diffTab)
        self.diffView.setObjectName(u"diffView")

        self.diffTabLayout.addWidget(self.diffView)

        self.imagesArea = QScrollArea(self.diffTab)
        self.imagesArea.setObjectName(u"imagesArea")
        self.imagesArea.setWidgetResizable(True)
        self.imagesArea.setMaximumSize(QSize(16777215, 190))
        self.imagesHost = QWidget()
        self.imagesHost.setObjectName(u"imagesHost")
        self.imagesHostLayout = QVBoxLayout(self.imagesHost)
        self.imagesHostLayout.setObjectName(u"imagesHostLayout")
        self.imagesArea.setWidget(self.imagesHost)

        self.diffTabLayout.addWidget(self.imagesArea)

        self.detailTabs.addTab(self.diffTab, "")
        self.previewTab = QWidget()
        self.previewTab.setObjectName(u"previewTab")
        self.previewTabLayout = QVBoxLayout(self.previewTab)
        self.previewTabLayout.setObjectName(u"previewTabLayout")
        self.previewView = QTextBrowser(self.previewTab)
        self.previewView.setObjectName(u"previewView")

        self.previewTabLayout.addWidget(self.previewView)

        self.detailTabs.addTab(self.previewTab, "")
        self.findingsTab = QWidget()
        self.findingsTab.setObjectName(u"findingsTab")
        self.findingsTabLayout = QVBoxLayout(self.findingsTab)
        self.findingsTabLayout.setObjectName(u"findingsTabLayout")
        self.findingsView = QTextBrowser(self.findingsTab)
        self.findingsView.setObjectName(u"findingsView")

        self.findingsTabLayout.addWidget(self.findingsView)

        self.detailTabs.addTab(self.findingsTab, "")

        self.detailLayout.addWidget(self.detailTabs)

        self.commentLabel = QLabel(self.detailPanel)
        self.commentLabel.setObjectName(u"commentLabel")

        self.detailLayout.addWidget(self.commentLabel)

        self.commentEdit = QPlainTextEdit(self.detailPanel)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setMaximumSize(QSize(16777215, 70))
        self.commentEdit.setTabChangesFocus(True)

        self.detailLayout.addWidget(self.commentEdit)

        self.decisionButtons = QHBoxLayout()
        self.decisionButtons.setObjectName(u"decisionButtons")
        self.approveButton = QPushButton(self.detailPanel)
        self.approveButton.setObjectName(u"approveButton")

        self.decisionButtons.addWidget(self.approveButton)

        self.rejectButton = QPushButton(self.detailPanel)
        self.rejectButton.setObjectName(u"rejectButton")

        self.decisionButtons.addWidget(self.rejectButton)

        self.orderCorrectionButton = QPushButton(self.detailPanel)
        self.orderCorrectionButton.setObjectName(u"orderCorrectionButton")

        self.decisionButtons.addWidget(self.orderCorrectionButton)

        self.orderDeletionButton = QPushButton(self.detailPanel)
        self.orderDeletionButton.setObjectName(u"orderDeletionButton")

        self.decisionButtons.addWidget(self.orderDeletionButton)

        self.openButton = QPushButton(self.detailPanel)
        self.openButton.setObjectName(u"openButton")

        self.decisionButtons.addWidget(self.openButton)

        self.decisionButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionButtons.addItem(self.decisionButtonsSpacer)


        self.detailLayout.addLayout(self.decisionButtons)

        self.splitter.addWidget(self.detailPanel)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.commentLabel.setBuddy(self.commentEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ApprovalsPage)

        self.detailTabs.setCurrentIndex(1)


        QMetaObject.connectSlotsByName(ApprovalsPage)
    # setupUi

    def retranslateUi(self, ApprovalsPage):
        ApprovalsPage.setWindowTitle(QCoreApplication.translate("ApprovalsPage", u"\u627f\u8a8d\u5f85\u3061", None))
        self.titleLabel.setText(QCoreApplication.translate("ApprovalsPage", u"\u627f\u8a8d\u5f85\u3061", None))
#if QT_CONFIG(accessibility)
        self.pendingTable.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u627f\u8a8d\u5f85\u3061\u306e\u6295\u7a3f", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scopeReviewLabel.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u4e8b\u524d\u627f\u8a8d\u3067\u51fa\u305f\u6295\u7a3f\u306e\u78ba\u8a8d", None))
#endif // QT_CONFIG(accessibility)
        self.scopeReviewGroup.setTitle(QCoreApplication.translate("ApprovalsPage", u"\u4e8b\u524d\u627f\u8a8d\u306e\u78ba\u8a8d\uff08\u00a75(2)\uff09", None))
#if QT_CONFIG(accessibility)
        self.scopeReviewTable.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u4e8b\u524d\u627f\u8a8d\u306e\u7bc4\u56f2\u3067\u51fa\u305f\u3001\u7ba1\u7406\u8005\u304c\u672a\u78ba\u8a8d\u306e\u6295\u7a3f", None))
#endif // QT_CONFIG(accessibility)
        self.scopeReviewOpenButton.setText(QCoreApplication.translate("ApprovalsPage", u"\u958b\u304f\u2026", None))
        self.scopeReviewedButton.setText(QCoreApplication.translate("ApprovalsPage", u"\u78ba\u8a8d\u6e08\u307f\u306b\u3059\u308b", None))
#if QT_CONFIG(accessibility)
        self.headerLabel.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u9078\u629e\u4e2d\u306e\u6295\u7a3f", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.bodyView.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u672c\u6587", None))
#endif // QT_CONFIG(accessibility)
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.bodyTab), QCoreApplication.translate("ApprovalsPage", u"\u672c\u6587", None))
#if QT_CONFIG(accessibility)
        self.diffView.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u524d\u306e\u7248\u3068\u306e\u9055\u3044", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.imagesArea.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u753b\u50cf\u306e\u9055\u3044", None))
#endif // QT_CONFIG(accessibility)
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.diffTab), QCoreApplication.translate("ApprovalsPage", u"\u9055\u3044\uff08\u627f\u8a8d\u6e08\u307f\u306e\u7248\u3068\uff09", None))
#if QT_CONFIG(accessibility)
        self.previewView.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u6295\u7a3f\u5148\u3067\u306e\u898b\u3048\u65b9", None))
#endif // QT_CONFIG(accessibility)
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.previewTab), QCoreApplication.translate("ApprovalsPage", u"\u30d7\u30ec\u30d3\u30e5\u30fc", None))
#if QT_CONFIG(accessibility)
        self.findingsView.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u7533\u8acb\u6642\u306e\u78ba\u8a8d\u7d50\u679c\u3068\u7406\u7531", None))
#endif // QT_CONFIG(accessibility)
        self.detailTabs.setTabText(self.detailTabs.indexOf(self.findingsTab), QCoreApplication.translate("ApprovalsPage", u"\u78ba\u8a8d\u7d50\u679c", None))
        self.commentLabel.setText(QCoreApplication.translate("ApprovalsPage", u"\u5dee\u623b\u3057\u306e\u30b3\u30e1\u30f3\u30c8\uff08\u5dee\u623b\u3057\u306b\u306f\u5fc5\u9808\uff09:", None))
#if QT_CONFIG(accessibility)
        self.commentEdit.setAccessibleName(QCoreApplication.translate("ApprovalsPage", u"\u5dee\u623b\u3057\u306e\u30b3\u30e1\u30f3\u30c8", None))
#endif // QT_CONFIG(accessibility)
        self.approveButton.setText(QCoreApplication.translate("ApprovalsPage", u"\u627f\u8a8d(&A)", None))
#if QT_CONFIG(tooltip)
        self.approveButton.setToolTip(QCoreApplication.translate("ApprovalsPage", u"\u3053\u306e\u6295\u7a3f\u3092\u627f\u8a8d\u3057\u307e\u3059\uff08\u00a75(1)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.rejectButton.setText(QCoreApplication.translate("ApprovalsPage", u"\u5dee\u623b\u3057(&R)", None))
#if QT_CONFIG(tooltip)
        self.rejectButton.setToolTip(QCoreApplication.translate("ApprovalsPage", u"\u30b3\u30e1\u30f3\u30c8\u3092\u6dfb\u3048\u3066\u4f5c\u6210\u8005\u306b\u623b\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.orderCorrectionButton.setText(QCoreApplication.translate("ApprovalsPage", u"\u8a02\u6b63\u3092\u6307\u793a", None))
#if QT_CONFIG(tooltip)
        self.orderCorrectionButton.setToolTip(QCoreApplication.translate("ApprovalsPage", u"\u6295\u7a3f\u306f\u305d\u306e\u307e\u307e\u306b\u3057\u3066\u3001\u4f5c\u6210\u8005\u306b\u8a02\u6b63\uff08\u00a78(2)\uff09\u3092\u6307\u793a\u3057\u307e\u3059\uff08\u7406\u7531\u304c\u5fc5\u8981\u3067\u3059\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.orderDeletionButton.setText(QCoreApplication.translate("ApprovalsPage", u"\u524a\u9664\u3092\u6307\u793a", None))
#if QT_CONFIG(tooltip)
        self.orderDeletionButton.setToolTip(QCoreApplication.translate("ApprovalsPage", u"\u524a\u9664\uff08\u00a78(3)\uff09\u3092\u6307\u793a\u3057\u3001\u524a\u9664\u3092\u8a18\u9332\u3057\u307e\u3059\uff08\u7406\u7531\u304c\u5fc5\u8981\u3067\u3059\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("ApprovalsPage", u"\u7de8\u96c6\u753b\u9762\u3067\u958b\u304f\u2026", None))
    # retranslateUi

