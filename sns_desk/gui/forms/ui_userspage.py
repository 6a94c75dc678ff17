# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'userspage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTabWidget, QTableView, QTreeWidget, QVBoxLayout, QWidget

class Ui_UsersPage(object):
    def setupUi(self, UsersPage):
        if not UsersPage.objectName():
            UsersPage.setObjectName(u"UsersPage")
        self.pageLayout = QVBoxLayout(UsersPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(UsersPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.tabs = QTabWidget(UsersPage)
        self.tabs.setObjectName(u"tabs")
        self.usersTab = QWidget()
        self.usersTab.setObjectName(u"usersTab")
        self.usersLayout = QVBoxLayout(self.usersTab)
        self.usersLayout.setObjectName(u"usersLayout")
        self.userButtons = QHBoxLayout()
        self.userButtons.setObjectName(u"userButtons")
        self.userFilterEdit = QLineEdit(self.usersTab)
        self.userFilterEdit.setObjectName(u"userFilterEdit")
        self.userFilterEdit.setClearButtonEnabled(True)

        self.userButtons.addWidget(self.userFilterEdit)

        self.addUserButton = QPushButton(self.usersTab)
        self.addUserButton.setObjectName(u"addUserButton")

        self.userButtons.addWidget(self.addUserButton)

        self.editUserButton = QPushButton(self.usersTab)
        self.editUserButton.setObjectName(u"editUserButton")

        self.userButtons.addWidget(self.editUserButton)

        self.ackButton = QPushButton(self.usersTab)
        self.ackButton.setObjectName(u"ackButton")

        self.userButtons.addWidget(self.ackButton)

        self.importButton = QPushButton(self.usersTab)
        self.importButton.setObjectName(u"importButton")

        self.userButtons.addWidget(self.importButton)

        self.templateButton = QPushButton(self.usersTab)
        self.templateButton.setObjectName(u"templateButton")

        self.userButtons.addWidget(self.templateButton)


        self.usersLayout.addLayout(self.userButtons)

        self.usersTable = QTableView(self.usersTab)
        self.usersTable.setObjectName(u"usersTable")
        self.usersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.usersTable.setAlternatingRowColors(True)
        self.usersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.usersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.usersTable.setSortingEnabled(True)

        self.usersLayout.addWidget(self.usersTable)

        self.tabs.addTab(self.usersTab, "")
        self.departmentsTab = QWidget()
        self.departmentsTab.setObjectName(u"departmentsTab")
        self.departmentsLayout = QVBoxLayout(self.departmentsTab)
        self.departmentsLayout.setObjectName(u"departmentsLayout")
        self.departmentButtons = QHBoxLayout()
        self.departmentButtons.setObjectName(u"departmentButtons")
        self.addDepartmentButton = QPushButton(self.departmentsTab)
        self.addDepartmentButton.setObjectName(u"addDepartmentButton")

        self.departmentButtons.addWidget(self.addDepartmentButton)

        self.departmentSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.departmentButtons.addItem(self.departmentSpacer)


        self.departmentsLayout.addLayout(self.departmentButtons)

        self.departmentsTree = QTreeWidget(self.departmentsTab)
        self.departmentsTree.setObjectName(u"departmentsTree")
        self.departmentsTree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.departmentsLayout.addWidget(self.departmentsTree)

        self.tabs.addTab(self.departmentsTab, "")

        self.pageLayout.addWidget(self.tabs)


        self.retranslateUi(UsersPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(UsersPage)
    # setupUi

    def retranslateUi(self, UsersPage):
        UsersPage.setWindowTitle(QCoreApplication.translate("UsersPage", u"\u30e6\u30fc\u30b6\u30fc\u7ba1\u7406", None))
        self.titleLabel.setText(QCoreApplication.translate("UsersPage", u"\u30e6\u30fc\u30b6\u30fc\u7ba1\u7406", None))
#if QT_CONFIG(accessibility)
        self.userFilterEdit.setAccessibleName(QCoreApplication.translate("UsersPage", u"\u5229\u7528\u8005\u306e\u7d5e\u308a\u8fbc\u307f", None))
#endif // QT_CONFIG(accessibility)
        self.userFilterEdit.setPlaceholderText(QCoreApplication.translate("UsersPage", u"\u30ed\u30b0\u30a4\u30f3\u540d\u30fb\u6c0f\u540d\u30fb\u90e8\u7f72\u3067\u7d5e\u308a\u8fbc\u307f", None))
#if QT_CONFIG(tooltip)
        self.addUserButton.setToolTip(QCoreApplication.translate("UsersPage", u"\u5229\u7528\u8005\u3092\u4e00\u4eba\u8ffd\u52a0\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.addUserButton.setText(QCoreApplication.translate("UsersPage", u"\u8ffd\u52a0(&A)\u2026", None))
#if QT_CONFIG(tooltip)
        self.editUserButton.setToolTip(QCoreApplication.translate("UsersPage", u"\u9078\u3093\u3060\u5229\u7528\u8005\u306e\u6240\u5c5e\u3084\u5f79\u5272\u3092\u76f4\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.editUserButton.setText(QCoreApplication.translate("UsersPage", u"\u7de8\u96c6(&E)\u2026", None))
        self.ackButton.setText(QCoreApplication.translate("UsersPage", u"\u9075\u5b88\u78ba\u8a8d\u3092\u8a18\u9332\u2026", None))
#if QT_CONFIG(tooltip)
        self.ackButton.setToolTip(QCoreApplication.translate("UsersPage", u"\u59d4\u8a17\u696d\u8005\u304c\u30ac\u30a4\u30c9\u30e9\u30a4\u30f3\u306e\u9075\u5b88\u3092\u78ba\u8a8d\u3057\u305f\u65e5\u3092\u8a18\u9332\u3057\u307e\u3059\uff08\u00a79(1)\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.importButton.setToolTip(QCoreApplication.translate("UsersPage", u"CSV \u30d5\u30a1\u30a4\u30eb\u304b\u3089\u5229\u7528\u8005\u3092\u307e\u3068\u3081\u3066\u53d6\u308a\u8fbc\u307f\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("UsersPage", u"CSV \u304b\u3089\u53d6\u308a\u8fbc\u307f(&I)\u2026", None))
#if QT_CONFIG(tooltip)
        self.templateButton.setToolTip(QCoreApplication.translate("UsersPage", u"\u53d6\u308a\u8fbc\u307f\u7528 CSV \u306e\u898b\u672c\u3092\u4fdd\u5b58\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.templateButton.setText(QCoreApplication.translate("UsersPage", u"CSV \u306e\u898b\u672c\u3092\u4fdd\u5b58\u2026", None))
#if QT_CONFIG(accessibility)
        self.usersTable.setAccessibleName(QCoreApplication.translate("UsersPage", u"\u5229\u7528\u8005\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.usersTab), QCoreApplication.translate("UsersPage", u"\u5229\u7528\u8005", None))
#if QT_CONFIG(tooltip)
        self.addDepartmentButton.setToolTip(QCoreApplication.translate("UsersPage", u"\u5c40\u30fb\u8ab2\u306a\u3069\u306e\u90e8\u7f72\u3092\u8ffd\u52a0\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.addDepartmentButton.setText(QCoreApplication.translate("UsersPage", u"\u90e8\u7f72\u3092\u8ffd\u52a0(&D)\u2026", None))
        ___qtreewidgetitem = self.departmentsTree.headerItem()
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("UsersPage", u"\u5229\u7528\u8005\u6570", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("UsersPage", u"\u5c40\u30fb\u8ab2", None))
#if QT_CONFIG(accessibility)
        self.departmentsTree.setAccessibleName(QCoreApplication.translate("UsersPage", u"\u90e8\u7f72\u306e\u4e00\u89a7", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.departmentsTab), QCoreApplication.translate("UsersPage", u"\u90e8\u7f72", None))
    # retranslateUi

