# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'postspage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout

class Ui_PostsPage(object):
    def setupUi(self, PostsPage):
        if not PostsPage.objectName():
            PostsPage.setObjectName(u"PostsPage")
        self.pageLayout = QVBoxLayout(PostsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(PostsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.accountLabel = QLabel(PostsPage)
        self.accountLabel.setObjectName(u"accountLabel")

        self.filters.addWidget(self.accountLabel)

        self.accountCombo = QComboBox(PostsPage)
        self.accountCombo.setObjectName(u"accountCombo")

        self.filters.addWidget(self.accountCombo)

        self.statusLabel = QLabel(PostsPage)
        self.statusLabel.setObjectName(u"statusLabel")

        self.filters.addWidget(self.statusLabel)

        self.statusCombo = QComboBox(PostsPage)
        self.statusCombo.setObjectName(u"statusCombo")

        self.filters.addWidget(self.statusCombo)

        self.authorLabel = QLabel(PostsPage)
        self.authorLabel.setObjectName(u"authorLabel")

        self.filters.addWidget(self.authorLabel)

        self.authorCombo = QComboBox(PostsPage)
        self.authorCombo.setObjectName(u"authorCombo")

        self.filters.addWidget(self.authorCombo)

        self.searchEdit = QLineEdit(PostsPage)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.filters.addWidget(self.searchEdit)


        self.pageLayout.addLayout(self.filters)

        self.postsTable = QTableView(PostsPage)
        self.postsTable.setObjectName(u"postsTable")
        self.postsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.postsTable.setAlternatingRowColors(True)
        self.postsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.postsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.pageLayout.addWidget(self.postsTable)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.newButton = QPushButton(PostsPage)
        self.newButton.setObjectName(u"newButton")

        self.buttons.addWidget(self.newButton)

        self.openButton = QPushButton(PostsPage)
        self.openButton.setObjectName(u"openButton")

        self.buttons.addWidget(self.openButton)

        self.correctButton = QPushButton(PostsPage)
        self.correctButton.setObjectName(u"correctButton")

        self.buttons.addWidget(self.correctButton)

        self.deleteButton = QPushButton(PostsPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttons.addWidget(self.deleteButton)

        self.publishedButton = QPushButton(PostsPage)
        self.publishedButton.setObjectName(u"publishedButton")

        self.buttons.addWidget(self.publishedButton)

        self.countLabel = QLabel(PostsPage)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)
        self.countLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.buttons.addWidget(self.countLabel)

        self.buttonsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)


        self.pageLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.accountLabel.setBuddy(self.accountCombo)
        self.statusLabel.setBuddy(self.statusCombo)
        self.authorLabel.setBuddy(self.authorCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PostsPage)

        QMetaObject.connectSlotsByName(PostsPage)
    # setupUi

    def retranslateUi(self, PostsPage):
        PostsPage.setWindowTitle(QCoreApplication.translate("PostsPage", u"\u4e0b\u66f8\u304d", None))
        self.titleLabel.setText(QCoreApplication.translate("PostsPage", u"\u4e0b\u66f8\u304d\u30fb\u6295\u7a3f", None))
        self.accountLabel.setText(QCoreApplication.translate("PostsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8:", None))
#if QT_CONFIG(accessibility)
        self.accountCombo.setAccessibleName(QCoreApplication.translate("PostsPage", u"\u30a2\u30ab\u30a6\u30f3\u30c8\u3067\u7d5e\u308a\u8fbc\u307f", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabel.setText(QCoreApplication.translate("PostsPage", u"\u72b6\u614b:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("PostsPage", u"\u72b6\u614b\u3067\u7d5e\u308a\u8fbc\u307f", None))
#endif // QT_CONFIG(accessibility)
        self.authorLabel.setText(QCoreApplication.translate("PostsPage", u"\u4f5c\u6210\u8005:", None))
#if QT_CONFIG(accessibility)
        self.authorCombo.setAccessibleName(QCoreApplication.translate("PostsPage", u"\u4f5c\u6210\u8005\u3067\u7d5e\u308a\u8fbc\u307f", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("PostsPage", u"\u672c\u6587\u3067\u691c\u7d22", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("PostsPage", u"\u672c\u6587\u30fb\u4ef6\u540d\u30fb\u5206\u985e\u3092\u691c\u7d22\uff08\u5165\u529b\u3068\u540c\u6642\u306b\u7d5e\u308a\u8fbc\u307f\uff09", None))
#if QT_CONFIG(accessibility)
        self.postsTable.setAccessibleName(QCoreApplication.translate("PostsPage", u"\u6295\u7a3f\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("PostsPage", u"\u65b0\u3057\u3044\u6295\u7a3f\u306e\u4e0b\u66f8\u304d\u3092\u4f5c\u308a\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("PostsPage", u"\u65b0\u3057\u3044\u4e0b\u66f8\u304d(&N)\u2026", None))
#if QT_CONFIG(tooltip)
        self.openButton.setToolTip(QCoreApplication.translate("PostsPage", u"\u9078\u3093\u3060\u6295\u7a3f\u3092\u7de8\u96c6\u753b\u9762\u3067\u958b\u304d\u307e\u3059\uff08\u30c0\u30d6\u30eb\u30af\u30ea\u30c3\u30af\u3067\u3082\u958b\u304d\u307e\u3059\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("PostsPage", u"\u958b\u304f(&O)\u2026", None))
        self.correctButton.setText(QCoreApplication.translate("PostsPage", u"\u8a02\u6b63\u3092\u4f5c\u6210\u2026", None))
#if QT_CONFIG(tooltip)
        self.correctButton.setToolTip(QCoreApplication.translate("PostsPage", u"\u6295\u7a3f\u6e08\u307f\u306e\u6295\u7a3f\u306e\u8a02\u6b63\u3092\u3001\u65b0\u3057\u3044\u4e0b\u66f8\u304d\u3068\u3057\u3066\u4f5c\u308a\u307e\u3059\uff08\u00a78(2)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("PostsPage", u"\u524a\u9664\u3092\u8a18\u9332\u2026", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("PostsPage", u"\u6295\u7a3f\u6e08\u307f\u306e\u6295\u7a3f\u3092 SNS \u4e0a\u3067\u524a\u9664\u3057\u305f\u3053\u3068\u3092\u3001\u7406\u7531\u3068\u3068\u3082\u306b\u8a18\u9332\u3057\u307e\u3059\uff08\u00a78(3)\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.publishedButton.setText(QCoreApplication.translate("PostsPage", u"\u6295\u7a3f\u72b6\u614b\u306e\u78ba\u8a8d\u2026", None))
#if QT_CONFIG(tooltip)
        self.publishedButton.setToolTip(QCoreApplication.translate("PostsPage", u"\u6295\u7a3f\u72b6\u614b\u4e0d\u660e\u306e\u6295\u7a3f\u306e\u89e3\u6c7a\u3068\u3001\u516c\u958b\u72b6\u614b\u306e\u78ba\u8a8d\uff08\u524a\u9664\u30fb\u7de8\u96c6\u3055\u308c\u3066\u3044\u306a\u3044\u304b\u3001\u00a78\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("PostsPage", u"\u4ef6\u6570", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

