# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mainwindow.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QListWidget, QMenu, QMenuBar, QStackedWidget, QStatusBar, QWidget

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 760)
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionGuideline = QAction(MainWindow)
        self.actionGuideline.setObjectName(u"actionGuideline")
        self.actionManual = QAction(MainWindow)
        self.actionManual.setObjectName(u"actionManual")
        self.actionOpenLogFolder = QAction(MainWindow)
        self.actionOpenLogFolder.setObjectName(u"actionOpenLogFolder")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navList = QListWidget(self.centralwidget)
        self.navList.setObjectName(u"navList")
        self.navList.setMinimumSize(QSize(170, 0))
        self.navList.setMaximumSize(QSize(210, 16777215))
        self.navList.setFrameShape(QFrame.Shape.NoFrame)
        self.navList.setIconSize(QSize(20, 20))
        self.navList.setSpacing(2)

        self.centralLayout.addWidget(self.navList)

        self.pages = QStackedWidget(self.centralwidget)
        self.pages.setObjectName(u"pages")

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionBackup)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuHelp.addAction(self.actionGuideline)
        self.menuHelp.addAction(self.actionManual)
        self.menuHelp.addSeparator()
        self.menuHelp.addAction(self.actionOpenLogFolder)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"SNS Desk", None))
#if QT_CONFIG(tooltip)
        self.actionBackup.setToolTip(QCoreApplication.translate("MainWindow", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u306e\u30d0\u30c3\u30af\u30a2\u30c3\u30d7\u3092\u4f5c\u308a\u307e\u3059\uff08\u8a2d\u5b9a\u306e\u753b\u9762\u3067\u884c\u3044\u307e\u3059\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionBackup.setText(QCoreApplication.translate("MainWindow", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3092\u30d0\u30c3\u30af\u30a2\u30c3\u30d7(&B)\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionQuit.setToolTip(QCoreApplication.translate("MainWindow", u"SNS Desk \u3092\u7d42\u4e86\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"\u7d42\u4e86(&Q)", None))
        self.actionGuideline.setText(QCoreApplication.translate("MainWindow", u"\u30ac\u30a4\u30c9\u30e9\u30a4\u30f3(&G)", None))
#if QT_CONFIG(tooltip)
        self.actionGuideline.setToolTip(QCoreApplication.translate("MainWindow", u"\u5e02\u306e\u30bd\u30fc\u30b7\u30e3\u30eb\u30e1\u30c7\u30a3\u30a2\u904b\u7528\u30ac\u30a4\u30c9\u30e9\u30a4\u30f3\u3092\u958b\u304d\u307e\u3059\uff08\u76ee\u6b21\u3068\u691c\u7d22\u3064\u304d\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.actionManual.setText(QCoreApplication.translate("MainWindow", u"\u4f7f\u3044\u65b9(&M)", None))
#if QT_CONFIG(tooltip)
        self.actionManual.setToolTip(QCoreApplication.translate("MainWindow", u"SNS Desk \u306e\u4f7f\u3044\u65b9\u3092\u3001\u4f5c\u696d\u3054\u3068\u306e\u30da\u30fc\u30b8\uff08\u521d\u671f\u8a2d\u5b9a\u30fb\u4e0b\u66f8\u304d\u3068\u7533\u8acb\u30fb\u627f\u8a8d\u306a\u3069\uff09\u3067\u958b\u304d\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.actionOpenLogFolder.setToolTip(QCoreApplication.translate("MainWindow", u"\u52d5\u4f5c\u306e\u8a18\u9332\uff08\u30ed\u30b0\uff09\u306e\u30d5\u30a9\u30eb\u30c0\u3092\u958b\u304d\u307e\u3059\u3002\u554f\u3044\u5408\u308f\u305b\u306e\u969b\u306b\u304a\u4f7f\u3044\u304f\u3060\u3055\u3044", None))
#endif // QT_CONFIG(tooltip)
        self.actionOpenLogFolder.setText(QCoreApplication.translate("MainWindow", u"\u30ed\u30b0\u306e\u30d5\u30a9\u30eb\u30c0\u3092\u958b\u304f(&L)", None))
#if QT_CONFIG(tooltip)
        self.actionAbout.setToolTip(QCoreApplication.translate("MainWindow", u"SNS Desk \u306e\u7248\u3068\u76ee\u7684\u3092\u8868\u793a\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"SNS Desk \u306b\u3064\u3044\u3066(&A)", None))
#if QT_CONFIG(accessibility)
        self.navList.setAccessibleName(QCoreApplication.translate("MainWindow", u"\u753b\u9762\u306e\u5207\u308a\u66ff\u3048", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"\u30d5\u30a1\u30a4\u30eb(&F)", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"\u30d8\u30eb\u30d7(&H)", None))
    # retranslateUi

