# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settingspage.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.titleLabel = QLabel(SettingsPage)
        self.titleLabel.setObjectName(u"titleLabel")

        self.pageLayout.addWidget(self.titleLabel)

        self.databaseGroup = QGroupBox(SettingsPage)
        self.databaseGroup.setObjectName(u"databaseGroup")
        self.databaseForm = QFormLayout(self.databaseGroup)
        self.databaseForm.setObjectName(u"databaseForm")
        self.locationLabel = QLabel(self.databaseGroup)
        self.locationLabel.setObjectName(u"locationLabel")

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.locationValue = QLabel(self.databaseGroup)
        self.locationValue.setObjectName(u"locationValue")
        self.locationValue.setWordWrap(True)
        self.locationValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.databaseForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.locationValue)

        self.modeLabel = QLabel(self.databaseGroup)
        self.modeLabel.setObjectName(u"modeLabel")

        self.databaseForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.modeLabel)

        self.modeValue = QLabel(self.databaseGroup)
        self.modeValue.setObjectName(u"modeValue")
        self.modeValue.setWordWrap(True)

        self.databaseForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.modeValue)

        self.modeHelpLabel = QLabel(self.databaseGroup)
        self.modeHelpLabel.setObjectName(u"modeHelpLabel")

        self.databaseForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.modeHelpLabel)

        self.modeHelpValue = QLabel(self.databaseGroup)
        self.modeHelpValue.setObjectName(u"modeHelpValue")
        self.modeHelpValue.setWordWrap(True)

        self.databaseForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.modeHelpValue)

        self.idLabel = QLabel(self.databaseGroup)
        self.idLabel.setObjectName(u"idLabel")

        self.databaseForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.idLabel)

        self.idValue = QLabel(self.databaseGroup)
        self.idValue.setObjectName(u"idValue")
        self.idValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.databaseForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.idValue)

        self.warningsValue = QLabel(self.databaseGroup)
        self.warningsValue.setObjectName(u"warningsValue")
        self.warningsValue.setWordWrap(True)

        self.databaseForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.warningsValue)

        self.databaseButtons = QHBoxLayout()
        self.databaseButtons.setObjectName(u"databaseButtons")
        self.changeLocationButton = QPushButton(self.databaseGroup)
        self.changeLocationButton.setObjectName(u"changeLocationButton")

        self.databaseButtons.addWidget(self.changeLocationButton)

        self.serverButton = QPushButton(self.databaseGroup)
        self.serverButton.setObjectName(u"serverButton")

        self.databaseButtons.addWidget(self.serverButton)

        self.backupButton = QPushButton(self.databaseGroup)
        self.backupButton.setObjectName(u"backupButton")

        self.databaseButtons.addWidget(self.backupButton)

        self.restoreButton = QPushButton(self.databaseGroup)
        self.restoreButton.setObjectName(u"restoreButton")

        self.databaseButtons.addWidget(self.restoreButton)

        self.openFolderButton = QPushButton(self.databaseGroup)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.databaseButtons.addWidget(self.openFolderButton)

        self.buttonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.databaseButtons.addItem(self.buttonsSpacer)


        self.databaseForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.databaseButtons)


        self.pageLayout.addWidget(self.databaseGroup)

        self.rulesGroup = QGroupBox(SettingsPage)
        self.rulesGroup.setObjectName(u"rulesGroup")
        self.rulesLayout = QHBoxLayout(self.rulesGroup)
        self.rulesLayout.setObjectName(u"rulesLayout")
        self.rotationLabel = QLabel(self.rulesGroup)
        self.rotationLabel.setObjectName(u"rotationLabel")

        self.rulesLayout.addWidget(self.rotationLabel)

        self.rotationSpin = QSpinBox(self.rulesGroup)
        self.rotationSpin.setObjectName(u"rotationSpin")
        self.rotationSpin.setMinimum(7)
        self.rotationSpin.setMaximum(3650)
        self.rotationSpin.setValue(90)

        self.rulesLayout.addWidget(self.rotationSpin)

        self.rotationSaveButton = QPushButton(self.rulesGroup)
        self.rotationSaveButton.setObjectName(u"rotationSaveButton")

        self.rulesLayout.addWidget(self.rotationSaveButton)

        self.rulesSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rulesLayout.addItem(self.rulesSpacer)


        self.pageLayout.addWidget(self.rulesGroup)

        self.pcGroup = QGroupBox(SettingsPage)
        self.pcGroup.setObjectName(u"pcGroup")
        self.pcForm = QFormLayout(self.pcGroup)
        self.pcForm.setObjectName(u"pcForm")
        self.userLabel = QLabel(self.pcGroup)
        self.userLabel.setObjectName(u"userLabel")

        self.pcForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.userLabel)

        self.userValue = QLabel(self.pcGroup)
        self.userValue.setObjectName(u"userValue")

        self.pcForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.userValue)

        self.configLabel = QLabel(self.pcGroup)
        self.configLabel.setObjectName(u"configLabel")

        self.pcForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.configLabel)

        self.configValue = QLabel(self.pcGroup)
        self.configValue.setObjectName(u"configValue")
        self.configValue.setWordWrap(True)
        self.configValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pcForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.configValue)

        self.logLabel = QLabel(self.pcGroup)
        self.logLabel.setObjectName(u"logLabel")

        self.pcForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.logLabel)

        self.logValue = QLabel(self.pcGroup)
        self.logValue.setObjectName(u"logValue")
        self.logValue.setWordWrap(True)
        self.logValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pcForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.logValue)

        self.anchorLabel = QLabel(self.pcGroup)
        self.anchorLabel.setObjectName(u"anchorLabel")

        self.pcForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.anchorLabel)

        self.anchorValue = QLabel(self.pcGroup)
        self.anchorValue.setObjectName(u"anchorValue")
        self.anchorValue.setWordWrap(True)

        self.pcForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.anchorValue)

        self.fontScaleLabel = QLabel(self.pcGroup)
        self.fontScaleLabel.setObjectName(u"fontScaleLabel")

        self.pcForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.fontScaleLabel)

        self.fontScaleCombo = QComboBox(self.pcGroup)
        self.fontScaleCombo.setObjectName(u"fontScaleCombo")

        self.pcForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.fontScaleCombo)


        self.pageLayout.addWidget(self.pcGroup)

        self.bottomSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pageLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.rotationLabel.setBuddy(self.rotationSpin)
        self.fontScaleLabel.setBuddy(self.fontScaleCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        SettingsPage.setWindowTitle(QCoreApplication.translate("SettingsPage", u"\u8a2d\u5b9a", None))
        self.titleLabel.setText(QCoreApplication.translate("SettingsPage", u"\u8a2d\u5b9a", None))
        self.databaseGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\uff08\u3059\u3079\u3066\u306e PC \u3067\u5171\u901a\u306e\u30c7\u30fc\u30bf\uff09", None))
        self.locationLabel.setText(QCoreApplication.translate("SettingsPage", u"\u5834\u6240:", None))
#if QT_CONFIG(accessibility)
        self.locationValue.setAccessibleName(QCoreApplication.translate("SettingsPage", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u306e\u5834\u6240", None))
#endif // QT_CONFIG(accessibility)
        self.modeLabel.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u65b9\u5f0f:", None))
#if QT_CONFIG(accessibility)
        self.modeValue.setAccessibleName(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u65b9\u5f0f", None))
#endif // QT_CONFIG(accessibility)
        self.modeHelpLabel.setText(QCoreApplication.translate("SettingsPage", u"\u8aac\u660e:", None))
        self.idLabel.setText(QCoreApplication.translate("SettingsPage", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9 ID:", None))
#if QT_CONFIG(accessibility)
        self.warningsValue.setAccessibleName(QCoreApplication.translate("SettingsPage", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u306e\u5834\u6240\u306b\u3064\u3044\u3066\u306e\u6ce8\u610f", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.changeLocationButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u5225\u306e\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u30d5\u30a1\u30a4\u30eb\u306b\u5207\u308a\u66ff\u3048\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.changeLocationButton.setText(QCoreApplication.translate("SettingsPage", u"\u5225\u306e\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3092\u4f7f\u3046(&O)\u2026", None))
        self.serverButton.setText(QCoreApplication.translate("SettingsPage", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u30b5\u30fc\u30d0\u30fc\u306b\u63a5\u7d9a(&S)\u2026", None))
#if QT_CONFIG(tooltip)
        self.serverButton.setToolTip(QCoreApplication.translate("SettingsPage", u"PostgreSQL \u30b5\u30fc\u30d0\u30fc\u306e URL \u3092\u6307\u5b9a\u3057\u3066\u3001\u305d\u306e\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3092\u4f7f\u3044\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.backupButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3092\u4eca\u3059\u3050\u30d0\u30c3\u30af\u30a2\u30c3\u30d7\u3057\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.backupButton.setText(QCoreApplication.translate("SettingsPage", u"\u4eca\u3059\u3050\u30d0\u30c3\u30af\u30a2\u30c3\u30d7(&B)\u2026", None))
        self.restoreButton.setText(QCoreApplication.translate("SettingsPage", u"\u30d0\u30c3\u30af\u30a2\u30c3\u30d7\u304b\u3089\u5fa9\u5143\u2026", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u4eca\u306e\u5185\u5bb9\u3092\u4fdd\u5b58\u3057\u3066\u304b\u3089\u3001\u9078\u3093\u3060\u30d0\u30c3\u30af\u30a2\u30c3\u30d7\u306b\u623b\u3057\u307e\u3059\uff08\u30b7\u30b9\u30c6\u30e0\u7ba1\u7406\u8005\uff09", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.openFolderButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u306e\u3042\u308b\u30d5\u30a9\u30eb\u30c0\u3092\u958b\u304d\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
        self.openFolderButton.setText(QCoreApplication.translate("SettingsPage", u"\u30d5\u30a9\u30eb\u30c0\u3092\u958b\u304f", None))
        self.rulesGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u5168\u5e81\u306e\u8a2d\u5b9a\uff08\u30b7\u30b9\u30c6\u30e0\u7ba1\u7406\u8005\uff09", None))
        self.rotationLabel.setText(QCoreApplication.translate("SettingsPage", u"\u30d1\u30b9\u30ef\u30fc\u30c9\u5909\u66f4\u306e\u9593\u9694\uff08\u00a73(3)\u30a6\uff09:", None))
#if QT_CONFIG(accessibility)
        self.rotationSpin.setAccessibleName(QCoreApplication.translate("SettingsPage", u"\u30d1\u30b9\u30ef\u30fc\u30c9\u5909\u66f4\u306e\u9593\u9694\uff08\u65e5\uff09", None))
#endif // QT_CONFIG(accessibility)
        self.rotationSpin.setSuffix(QCoreApplication.translate("SettingsPage", u" \u65e5", None))
#if QT_CONFIG(tooltip)
        self.rotationSaveButton.setToolTip(QCoreApplication.translate("SettingsPage", u"\u30d1\u30b9\u30ef\u30fc\u30c9\u3092\u5909\u66f4\u3059\u308b\u9593\u9694\u3092\u4fdd\u5b58\u3057\u307e\u3059\uff08\u00a73(3)\u30a6\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.rotationSaveButton.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58", None))
        self.pcGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u3053\u306e PC \u3060\u3051\u306e\u8a2d\u5b9a", None))
        self.userLabel.setText(QCoreApplication.translate("SettingsPage", u"\u30ed\u30b0\u30a4\u30f3\u540d:", None))
        self.configLabel.setText(QCoreApplication.translate("SettingsPage", u"\u8a2d\u5b9a\u30d5\u30a1\u30a4\u30eb:", None))
        self.logLabel.setText(QCoreApplication.translate("SettingsPage", u"\u30ed\u30b0:", None))
        self.anchorLabel.setText(QCoreApplication.translate("SettingsPage", u"\u76e3\u67fb\u30ed\u30b0\u306e\u78ba\u8a8d\u4f4d\u7f6e:", None))
        self.fontScaleLabel.setText(QCoreApplication.translate("SettingsPage", u"\u6587\u5b57\u306e\u5927\u304d\u3055(&Z):", None))
#if QT_CONFIG(accessibility)
        self.fontScaleCombo.setAccessibleName(QCoreApplication.translate("SettingsPage", u"\u6587\u5b57\u306e\u5927\u304d\u3055", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.fontScaleCombo.setToolTip(QCoreApplication.translate("SettingsPage", u"\u753b\u9762\u306e\u6587\u5b57\u306e\u5927\u304d\u3055\u3002\u6a19\u6e96\u306f OS \u306e\u8a2d\u5b9a\u306b\u5f93\u3044\u307e\u3059\u3002\u3053\u306e PC \u306e\u3053\u306e\u5229\u7528\u8005\u306e\u8a2d\u5b9a\u3068\u3057\u3066\u899a\u3048\u307e\u3059", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

