# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incidentspage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView, QVBoxLayout, QWidget

class Ui_IncidentsPage(object):
    def setupUi(self, IncidentsPage):
        if not IncidentsPage.objectName():
            IncidentsPage.setObjectName(u"IncidentsPage")
        self.pageLayout = QVBoxLayout(IncidentsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(IncidentsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.tabs = QTabWidget(IncidentsPage)
        self.tabs.setObjectName(u"tabs")
        self.incidentsTab = QWidget()
        self.incidentsTab.setObjectName(u"incidentsTab")
        self.incidentsTabLayout = QVBoxLayout(self.incidentsTab)
        self.incidentsTabLayout.setObjectName(u"incidentsTabLayout")
        self.incidentTools = QHBoxLayout()
        self.incidentTools.setObjectName(u"incidentTools")
        self.openButton = QPushButton(self.incidentsTab)
        self.openButton.setObjectName(u"openButton")

        self.incidentTools.addWidget(self.openButton)

        self.showClosedCheck = QCheckBox(self.incidentsTab)
        self.showClosedCheck.setObjectName(u"showClosedCheck")

        self.incidentTools.addWidget(self.showClosedCheck)

        self.incidentToolsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.incidentTools.addItem(self.incidentToolsSpacer)


        self.incidentsTabLayout.addLayout(self.incidentTools)

        self.splitter = QSplitter(self.incidentsTab)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.listPanel = QWidget(self.splitter)
        self.listPanel.setObjectName(u"listPanel")
        self.listLayout = QVBoxLayout(self.listPanel)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.incidentsTable = QTableView(self.listPanel)
        self.incidentsTable.setObjectName(u"incidentsTable")
        self.incidentsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.incidentsTable.setAlternatingRowColors(True)
        self.incidentsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.incidentsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.listLayout.addWidget(self.incidentsTable)

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

        self.descriptionLabel = QLabel(self.detailPanel)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)
        self.descriptionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.descriptionLabel)

        self.escalationLabel = QLabel(self.detailPanel)
        self.escalationLabel.setObjectName(u"escalationLabel")
        self.escalationLabel.setWordWrap(True)
        self.escalationLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.escalationLabel)

        self.actionsTable = QTableView(self.detailPanel)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actionsTable.setAlternatingRowColors(True)
        self.actionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.detailLayout.addWidget(self.actionsTable)

        self.actionButtons = QHBoxLayout()
        self.actionButtons.setObjectName(u"actionButtons")
        self.recordButton = QPushButton(self.detailPanel)
        self.recordButton.setObjectName(u"recordButton")

        self.actionButtons.addWidget(self.recordButton)

        self.undoButton = QPushButton(self.detailPanel)
        self.undoButton.setObjectName(u"undoButton")

        self.actionButtons.addWidget(self.undoButton)

        self.escalateButton = QPushButton(self.detailPanel)
        self.escalateButton.setObjectName(u"escalateButton")

        self.actionButtons.addWidget(self.escalateButton)

        self.acknowledgeButton = QPushButton(self.detailPanel)
        self.acknowledgeButton.setObjectName(u"acknowledgeButton")

        self.actionButtons.addWidget(self.acknowledgeButton)

        self.closeButton = QPushButton(self.detailPanel)
        self.closeButton.setObjectName(u"closeButton")

        self.actionButtons.addWidget(self.closeButton)

        self.actionButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionButtons.addItem(self.actionButtonsSpacer)


        self.detailLayout.addLayout(self.actionButtons)

        self.splitter.addWidget(self.detailPanel)

        self.incidentsTabLayout.addWidget(self.splitter)

        self.tabs.addTab(self.incidentsTab, "")
        self.monitoringTab = QWidget()
        self.monitoringTab.setObjectName(u"monitoringTab")
        self.monitoringLayout = QVBoxLayout(self.monitoringTab)
        self.monitoringLayout.setObjectName(u"monitoringLayout")
        self.monitoringIntro = QLabel(self.monitoringTab)
        self.monitoringIntro.setObjectName(u"monitoringIntro")
        self.monitoringIntro.setWordWrap(True)

        self.monitoringLayout.addWidget(self.monitoringIntro)

        self.monitoringTable = QTableView(self.monitoringTab)
        self.monitoringTable.setObjectName(u"monitoringTable")
        self.monitoringTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.monitoringTable.setAlternatingRowColors(True)
        self.monitoringTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.monitoringTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.monitoringLayout.addWidget(self.monitoringTable)

        self.monitoringButtons = QHBoxLayout()
        self.monitoringButtons.setObjectName(u"monitoringButtons")
        self.monitorButton = QPushButton(self.monitoringTab)
        self.monitorButton.setObjectName(u"monitorButton")

        self.monitoringButtons.addWidget(self.monitorButton)

        self.intervalButton = QPushButton(self.monitoringTab)
        self.intervalButton.setObjectName(u"intervalButton")

        self.monitoringButtons.addWidget(self.intervalButton)

        self.dormantButton = QPushButton(self.monitoringTab)
        self.dormantButton.setObjectName(u"dormantButton")

        self.monitoringButtons.addWidget(self.dormantButton)

        self.monitoringButtonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.monitoringButtons.addItem(self.monitoringButtonsSpacer)


        self.monitoringLayout.addLayout(self.monitoringButtons)

        self.tabs.addTab(self.monitoringTab, "")

        self.pageLayout.addWidget(self.tabs)


        self.retranslateUi(IncidentsPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(IncidentsPage)
    # setupUi

    def retranslateUi(self, IncidentsPage):
        IncidentsPage.setWindowTitle(QCoreApplication.translate("IncidentsPage", u"\u30c8\u30e9\u30d6\u30eb", None))
        self.titleLabel.setText(QCoreApplication.translate("IncidentsPage", u"\u30c8\u30e9\u30d6\u30eb\u30fb\u76e3\u8996", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u6210\u308a\u3059\u307e\u3057\u30fb\u8aa4\u3063\u305f\u60c5\u5831\u30fb\u708e\u4e0a\u306a\u3069\u306e\u30c8\u30e9\u30d6\u30eb\u3092\u767b\u9332\u3057\u307e\u3059\uff08\u00a78\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("IncidentsPage", u"\u30c8\u30e9\u30d6\u30eb\u3092\u767b\u9332(&N)\u2026", None))
        self.showClosedCheck.setText(QCoreApplication.translate("IncidentsPage", u"\u5b8c\u4e86\u3057\u305f\u3082\u306e\u3082\u8868\u793a", None))
#if QT_CONFIG(accessibility)
        self.incidentsTable.setAccessibleName(QCoreApplication.translate("IncidentsPage", u"\u30c8\u30e9\u30d6\u30eb\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.headerLabel.setAccessibleName(QCoreApplication.translate("IncidentsPage", u"\u9078\u629e\u4e2d\u306e\u30c8\u30e9\u30d6\u30eb", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.descriptionLabel.setAccessibleName(QCoreApplication.translate("IncidentsPage", u"\u30c8\u30e9\u30d6\u30eb\u306e\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.escalationLabel.setAccessibleName(QCoreApplication.translate("IncidentsPage", u"\u8cac\u4efb\u8005\u3078\u306e\u5831\u544a\u3068\u6307\u793a", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("IncidentsPage", u"\u30ac\u30a4\u30c9\u30e9\u30a4\u30f3\u304c\u6c42\u3081\u308b\u5bfe\u5fdc", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.recordButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u9078\u3093\u3060\u5bfe\u5fdc\u3092\u6e08\u3093\u3060\u3082\u306e\u3068\u3057\u3066\u8a18\u9332\u3057\u307e\u3059\uff08\u00a78\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.recordButton.setText(QCoreApplication.translate("IncidentsPage", u"\u5bfe\u5fdc\u3092\u8a18\u9332(&R)\u2026", None))
#if QT_CONFIG(tooltip)
        self.undoButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u8aa4\u3063\u3066\u8a18\u9332\u3057\u305f\u5bfe\u5fdc\u3092\u53d6\u308a\u6d88\u3057\u307e\u3059\uff08\u53d6\u308a\u6d88\u3057\u305f\u3053\u3068\u3082\u5c65\u6b74\u306b\u6b8b\u308a\u307e\u3059\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.undoButton.setText(QCoreApplication.translate("IncidentsPage", u"\u8a18\u9332\u3092\u53d6\u308a\u6d88\u3059", None))
        self.escalateButton.setText(QCoreApplication.translate("IncidentsPage", u"\u91cd\u5927\u3068\u3057\u3066\u8cac\u4efb\u8005\u3078\u5831\u544a", None))
#if QT_CONFIG(tooltip)
        self.escalateButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u91cd\u5927\u306a\u30c8\u30e9\u30d6\u30eb\u306f\u30a2\u30ab\u30a6\u30f3\u30c8\u8cac\u4efb\u8005\u3078\u901f\u3084\u304b\u306b\u5831\u544a\u3057\u3001\u6307\u793a\u3092\u4ef0\u304e\u307e\u3059\uff08\u00a74(1)\u30a4\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.acknowledgeButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u91cd\u5927\u306a\u30c8\u30e9\u30d6\u30eb\u3092\u8cac\u4efb\u8005\u3068\u3057\u3066\u78ba\u8a8d\u3057\u3001\u6307\u793a\u3092\u8a18\u9332\u3057\u307e\u3059\uff08\u00a74(1)\u30a4\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.acknowledgeButton.setText(QCoreApplication.translate("IncidentsPage", u"\u8cac\u4efb\u8005\u3068\u3057\u3066\u78ba\u8a8d\u30fb\u6307\u793a\u2026", None))
#if QT_CONFIG(tooltip)
        self.closeButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u5fc5\u9808\u306e\u5bfe\u5fdc\u304c\u6e08\u3093\u3060\u30c8\u30e9\u30d6\u30eb\u3092\u5b8c\u4e86\u306b\u3057\u307e\u3059\uff08\u00a78\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.closeButton.setText(QCoreApplication.translate("IncidentsPage", u"\u5b8c\u4e86\u306b\u3059\u308b\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.incidentsTab), QCoreApplication.translate("IncidentsPage", u"\u30c8\u30e9\u30d6\u30eb", None))
        self.monitoringIntro.setText(QCoreApplication.translate("IncidentsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u7ba1\u7406\u8005\u306f\u3001\u30ac\u30a4\u30c9\u30e9\u30a4\u30f3\u306b\u53cd\u3059\u308b\u904b\u7528\u304c\u306a\u3044\u304b\u5e38\u306b\u76e3\u8996\u3057\u307e\u3059\uff08\u00a79(2)\uff09\u3002\u78ba\u8a8d\u306e\u7d50\u679c\uff08\u554f\u984c\u306a\u3057\uff0f\u554f\u984c\u3042\u308a\uff09\u3092\u8a18\u9332\u3057\u3066\u304f\u3060\u3055\u3044\u3002\u78ba\u8a8d\u306e\u671f\u9650\u3092\u904e\u304e\u305f\u30a2\u30ab\u30a6\u30f3\u30c8\u3068\u3001\u9577\u304f\u6295\u7a3f\u306e\u306a\u3044\u4f11\u7720\u30a2\u30ab\u30a6\u30f3\u30c8\u306f\u300c\u72b6\u6cc1\u300d\u306b\u6587\u5b57\u3067\u793a\u3057\u307e\u3059\u3002", None))
#if QT_CONFIG(accessibility)
        self.monitoringTable.setAccessibleName(QCoreApplication.translate("IncidentsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u3054\u3068\u306e\u76e3\u8996\u306e\u72b6\u6cc1", None))
#endif // QT_CONFIG(accessibility)
        self.monitorButton.setText(QCoreApplication.translate("IncidentsPage", u"\u78ba\u8a8d\u3092\u8a18\u9332(&M)\u2026", None))
#if QT_CONFIG(tooltip)
        self.monitorButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u9078\u3093\u3060\u30a2\u30ab\u30a6\u30f3\u30c8\u306e\u78ba\u8a8d\u306e\u7d50\u679c\uff08\u554f\u984c\u306a\u3057\uff0f\u554f\u984c\u3042\u308a\uff09\u3092\u8a18\u9332\u3057\u307e\u3059\uff08\u00a79(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.intervalButton.setText(QCoreApplication.translate("IncidentsPage", u"\u78ba\u8a8d\u306e\u9593\u9694(&I)\u2026", None))
#if QT_CONFIG(tooltip)
        self.intervalButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u9078\u3093\u3060\u30a2\u30ab\u30a6\u30f3\u30c8\u3092\u4f55\u65e5\u3054\u3068\u306b\u78ba\u8a8d\u3059\u308b\u304b\u3092\u8a2d\u5b9a\u3057\u307e\u3059\uff08\u30a2\u30ab\u30a6\u30f3\u30c8\u7ba1\u7406\u8005\u3001\u00a79(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.dormantButton.setText(QCoreApplication.translate("IncidentsPage", u"\u4f11\u7720\u306e\u57fa\u6e96(&D)\u2026", None))
#if QT_CONFIG(tooltip)
        self.dormantButton.setToolTip(QCoreApplication.translate("IncidentsPage", u"\u4f55\u65e5\u6295\u7a3f\u304c\u306a\u3051\u308c\u3070\u4f11\u7720\u30a2\u30ab\u30a6\u30f3\u30c8\u3068\u3057\u3066\u77e5\u3089\u305b\u308b\u304b\u3092\u8a2d\u5b9a\u3057\u307e\u3059\uff08\u5e83\u5831\u8ab2\u3001\u00a79(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.monitoringTab), QCoreApplication.translate("IncidentsPage", u"\u76e3\u8996\uff08\u00a79(2)\uff09", None))
    # retranslateUi

