# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'calendarpage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QCalendarWidget, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

class Ui_CalendarPage(object):
    def setupUi(self, CalendarPage):
        if not CalendarPage.objectName():
            CalendarPage.setObjectName(u"CalendarPage")
        self.pageLayout = QVBoxLayout(CalendarPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(CalendarPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.splitter = QSplitter(CalendarPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.calendar = QCalendarWidget(self.splitter)
        self.calendar.setObjectName(u"calendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        self.splitter.addWidget(self.calendar)
        self.dayPanel = QWidget(self.splitter)
        self.dayPanel.setObjectName(u"dayPanel")
        self.dayLayout = QVBoxLayout(self.dayPanel)
        self.dayLayout.setObjectName(u"dayLayout")
        self.dayLayout.setContentsMargins(0, 0, 0, 0)
        self.dayLabel = QLabel(self.dayPanel)
        self.dayLabel.setObjectName(u"dayLabel")
        self.dayLabel.setWordWrap(True)
        self.dayLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dayLayout.addWidget(self.dayLabel)

        self.dayTable = QTableView(self.dayPanel)
        self.dayTable.setObjectName(u"dayTable")
        self.dayTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.dayTable.setAlternatingRowColors(True)
        self.dayTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.dayTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.dayLayout.addWidget(self.dayTable)

        self.legendLabel = QLabel(self.dayPanel)
        self.legendLabel.setObjectName(u"legendLabel")
        self.legendLabel.setWordWrap(True)
        self.legendLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dayLayout.addWidget(self.legendLabel)

        self.splitter.addWidget(self.dayPanel)

        self.pageLayout.addWidget(self.splitter)


        self.retranslateUi(CalendarPage)

        QMetaObject.connectSlotsByName(CalendarPage)
    # setupUi

    def retranslateUi(self, CalendarPage):
        CalendarPage.setWindowTitle(QCoreApplication.translate("CalendarPage", u"\u4e88\u5b9a", None))
        self.titleLabel.setText(QCoreApplication.translate("CalendarPage", u"\u4e88\u5b9a", None))
#if QT_CONFIG(accessibility)
        self.calendar.setAccessibleName(QCoreApplication.translate("CalendarPage", u"\u4e88\u5b9a\u306e\u30ab\u30ec\u30f3\u30c0\u30fc", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dayLabel.setAccessibleName(QCoreApplication.translate("CalendarPage", u"\u9078\u3093\u3060\u65e5", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.dayTable.setAccessibleName(QCoreApplication.translate("CalendarPage", u"\u9078\u3093\u3060\u65e5\u306e\u6295\u7a3f", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.legendLabel.setAccessibleName(QCoreApplication.translate("CalendarPage", u"\u51e1\u4f8b", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

