# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'auditlogpage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout

class Ui_AuditLogPage(object):
    def setupUi(self, AuditLogPage):
        if not AuditLogPage.objectName():
            AuditLogPage.setObjectName(u"AuditLogPage")
        self.pageLayout = QVBoxLayout(AuditLogPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(AuditLogPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(AuditLogPage)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.pageLayout.addWidget(self.introLabel)

        self.toolsLayout = QHBoxLayout()
        self.toolsLayout.setObjectName(u"toolsLayout")
        self.filterLabel = QLabel(AuditLogPage)
        self.filterLabel.setObjectName(u"filterLabel")

        self.toolsLayout.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(AuditLogPage)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.toolsLayout.addWidget(self.filterEdit)

        self.refreshButton = QPushButton(AuditLogPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.toolsLayout.addWidget(self.refreshButton)

        self.verifyButton = QPushButton(AuditLogPage)
        self.verifyButton.setObjectName(u"verifyButton")

        self.toolsLayout.addWidget(self.verifyButton)

        self.keysButton = QPushButton(AuditLogPage)
        self.keysButton.setObjectName(u"keysButton")

        self.toolsLayout.addWidget(self.keysButton)


        self.pageLayout.addLayout(self.toolsLayout)

        self.table = QTableView(AuditLogPage)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)

        self.pageLayout.addWidget(self.table)

        self.verifyResult = QLabel(AuditLogPage)
        self.verifyResult.setObjectName(u"verifyResult")
        self.verifyResult.setWordWrap(True)
        self.verifyResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.verifyResult)

#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AuditLogPage)

        QMetaObject.connectSlotsByName(AuditLogPage)
    # setupUi

    def retranslateUi(self, AuditLogPage):
        AuditLogPage.setWindowTitle(QCoreApplication.translate("AuditLogPage", u"\u76e3\u67fb\u30ed\u30b0", None))
        self.titleLabel.setText(QCoreApplication.translate("AuditLogPage", u"\u76e3\u67fb\u30ed\u30b0", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("AuditLogPage", u"\u753b\u9762\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("AuditLogPage", u"SNS Desk \u3067\u884c\u308f\u308c\u305f\u3059\u3079\u3066\u306e\u5909\u66f4\u306e\u8a18\u9332\u3067\u3059\u3002\u8a18\u9332\u306f\u4e00\u3064\u305a\u3064\u524d\u306e\u8a18\u9332\u3068\u6697\u53f7\u7684\u306b\u3064\u306a\u304c\u3063\u3066\u304a\u308a\u3001\u30a2\u30d7\u30ea\u306e\u5916\u3067\u66f8\u304d\u63db\u3048\u30fb\u524a\u9664\u3055\u308c\u308b\u3068\u300c\u6539\u3056\u3093\u691c\u67fb\u300d\u3067\u898b\u3064\u304b\u308a\u307e\u3059\u3002", None))
        self.filterLabel.setText(QCoreApplication.translate("AuditLogPage", u"\u7d5e\u308a\u8fbc\u307f(&S):", None))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("AuditLogPage", u"\u76e3\u67fb\u30ed\u30b0\u306e\u7d5e\u308a\u8fbc\u307f", None))
#endif // QT_CONFIG(accessibility)
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("AuditLogPage", u"\u64cd\u4f5c\u8005\u30fb\u64cd\u4f5c\u30fb\u5bfe\u8c61\u30fb\u5185\u5bb9\u3067\u7d5e\u308a\u8fbc\u307f", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("AuditLogPage", u"\u76e3\u67fb\u30ed\u30b0\u3092\u6700\u65b0\u306e\u72b6\u614b\u306b\u8aad\u307f\u76f4\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.refreshButton.setText(QCoreApplication.translate("AuditLogPage", u"\u518d\u8aad\u307f\u8fbc\u307f(&R)", None))
        self.verifyButton.setText(QCoreApplication.translate("AuditLogPage", u"\u6539\u3056\u3093\u691c\u67fb(&V)", None))
#if QT_CONFIG(tooltip)
        self.verifyButton.setToolTip(QCoreApplication.translate("AuditLogPage", u"\u8a18\u9332\u306e\u3064\u306a\u304c\u308a\u3092\u3059\u3079\u3066\u8a08\u7b97\u3057\u76f4\u3057\u3066\u3001\u66f8\u304d\u63db\u3048\u30fb\u524a\u9664\u30fb\u5165\u308c\u66ff\u3048\u304c\u306a\u3044\u304b\u78ba\u8a8d\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.keysButton.setText(QCoreApplication.translate("AuditLogPage", u"\u96fb\u5b50\u5370\u9451\u306e\u9375(&K)\u2026", None))
#if QT_CONFIG(tooltip)
        self.keysButton.setToolTip(QCoreApplication.translate("AuditLogPage", u"\u767b\u9332\u3055\u308c\u305f\u96fb\u5b50\u5370\u9451\u306e\u9375\u3092\u78ba\u8a8d\u3057\u3001\u672c\u4eba\u306e\u9375\u3092\u8a8d\u8a3c\u3057\u307e\u3059\uff08\u30b7\u30b9\u30c6\u30e0\u7ba1\u7406\u8005\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("AuditLogPage", u"\u76e3\u67fb\u30ed\u30b0\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
        self.verifyResult.setText(QCoreApplication.translate("AuditLogPage", u"\u307e\u3060\u691c\u67fb\u3057\u3066\u3044\u307e\u305b\u3093\u3002", None))
#if QT_CONFIG(accessibility)
        self.verifyResult.setAccessibleName(QCoreApplication.translate("AuditLogPage", u"\u6539\u3056\u3093\u691c\u67fb\u306e\u7d50\u679c", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

