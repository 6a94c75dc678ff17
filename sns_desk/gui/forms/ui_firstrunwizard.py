# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'firstrunwizard.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWizard, QWizardPage

class Ui_FirstRunWizard(object):
    def setupUi(self, FirstRunWizard):
        if not FirstRunWizard.objectName():
            FirstRunWizard.setObjectName(u"FirstRunWizard")
        FirstRunWizard.resize(720, 500)
        FirstRunWizard.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        FirstRunWizard.setOptions(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.locationPage = QWizardPage()
        self.locationPage.setObjectName(u"locationPage")
        self.locationLayout = QVBoxLayout(self.locationPage)
        self.locationLayout.setObjectName(u"locationLayout")
        self.localRadio = QRadioButton(self.locationPage)
        self.localRadio.setObjectName(u"localRadio")
        self.localRadio.setChecked(True)

        self.locationLayout.addWidget(self.localRadio)

        self.localHint = QLabel(self.locationPage)
        self.localHint.setObjectName(u"localHint")
        self.localHint.setWordWrap(True)
        self.localHint.setIndent(24)

        self.locationLayout.addWidget(self.localHint)

        self.sharedRadio = QRadioButton(self.locationPage)
        self.sharedRadio.setObjectName(u"sharedRadio")

        self.locationLayout.addWidget(self.sharedRadio)

        self.sharedHint = QLabel(self.locationPage)
        self.sharedHint.setObjectName(u"sharedHint")
        self.sharedHint.setWordWrap(True)
        self.sharedHint.setIndent(24)

        self.locationLayout.addWidget(self.sharedHint)

        self.folderLayout = QHBoxLayout()
        self.folderLayout.setObjectName(u"folderLayout")
        self.folderLayout.setContentsMargins(24, -1, -1, -1)
        self.folderEdit = QLineEdit(self.locationPage)
        self.folderEdit.setObjectName(u"folderEdit")
        self.folderEdit.setEnabled(False)

        self.folderLayout.addWidget(self.folderEdit)

        self.browseButton = QPushButton(self.locationPage)
        self.browseButton.setObjectName(u"browseButton")
        self.browseButton.setEnabled(False)

        self.folderLayout.addWidget(self.browseButton)


        self.locationLayout.addLayout(self.folderLayout)

        self.locationStatus = QLabel(self.locationPage)
        self.locationStatus.setObjectName(u"locationStatus")
        self.locationStatus.setWordWrap(True)

        self.locationLayout.addWidget(self.locationStatus)

        self.locationSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.locationLayout.addItem(self.locationSpacer)

        FirstRunWizard.addPage(self.locationPage)
        self.personPage = QWizardPage()
        self.personPage.setObjectName(u"personPage")
        self.personForm = QFormLayout(self.personPage)
        self.personForm.setObjectName(u"personForm")
        self.loginLabel = QLabel(self.personPage)
        self.loginLabel.setObjectName(u"loginLabel")

        self.personForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginLabel)

        self.loginValue = QLabel(self.personPage)
        self.loginValue.setObjectName(u"loginValue")

        self.personForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.loginValue)

        self.nameLabel = QLabel(self.personPage)
        self.nameLabel.setObjectName(u"nameLabel")

        self.personForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.personPage)
        self.nameEdit.setObjectName(u"nameEdit")

        self.personForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.bureauLabel = QLabel(self.personPage)
        self.bureauLabel.setObjectName(u"bureauLabel")

        self.personForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.bureauLabel)

        self.bureauEdit = QLineEdit(self.personPage)
        self.bureauEdit.setObjectName(u"bureauEdit")

        self.personForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.bureauEdit)

        self.sectionLabel = QLabel(self.personPage)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.personForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sectionLabel)

        self.sectionEdit = QLineEdit(self.personPage)
        self.sectionEdit.setObjectName(u"sectionEdit")

        self.personForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sectionEdit)

        self.emailLabel = QLabel(self.personPage)
        self.emailLabel.setObjectName(u"emailLabel")

        self.personForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.personPage)
        self.emailEdit.setObjectName(u"emailEdit")

        self.personForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.personError = QLabel(self.personPage)
        self.personError.setObjectName(u"personError")
        self.personError.setWordWrap(True)

        self.personForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.personError)

        FirstRunWizard.addPage(self.personPage)
        self.confirmPage = QWizardPage()
        self.confirmPage.setObjectName(u"confirmPage")
        self.confirmLayout = QVBoxLayout(self.confirmPage)
        self.confirmLayout.setObjectName(u"confirmLayout")
        self.summaryLabel = QLabel(self.confirmPage)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.confirmLayout.addWidget(self.summaryLabel)

        self.confirmSpacer = QSpacerItem(20, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.confirmLayout.addItem(self.confirmSpacer)

        FirstRunWizard.addPage(self.confirmPage)
#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.bureauLabel.setBuddy(self.bureauEdit)
        self.sectionLabel.setBuddy(self.sectionEdit)
        self.emailLabel.setBuddy(self.emailEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunWizard)

        QMetaObject.connectSlotsByName(FirstRunWizard)
    # setupUi

    def retranslateUi(self, FirstRunWizard):
        FirstRunWizard.setWindowTitle(QCoreApplication.translate("FirstRunWizard", u"SNS Desk \u306e\u521d\u671f\u8a2d\u5b9a", None))
        self.locationPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"\u30c7\u30fc\u30bf\u306e\u4fdd\u5b58\u5834\u6240", None))
        self.locationPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"SNS Desk \u306e\u30c7\u30fc\u30bf\u3092\u3069\u3053\u306b\u4fdd\u5b58\u3059\u308b\u304b\u9078\u3093\u3067\u304f\u3060\u3055\u3044\u3002", None))
        self.localRadio.setText(QCoreApplication.translate("FirstRunWizard", u"\u3053\u306e PC \u3060\u3051\u3067\u4f7f\u3046(&L)", None))
        self.localHint.setText(QCoreApplication.translate("FirstRunWizard", u"\u3053\u306e PC \u306e\u5229\u7528\u8005\u30d5\u30a9\u30eb\u30c0\u306b\u4fdd\u5b58\u3057\u307e\u3059\u30021 \u53f0\u306e PC \u3067\u904b\u7528\u3059\u308b\u5834\u5408\u306b\u9078\u3093\u3067\u304f\u3060\u3055\u3044\u3002", None))
        self.sharedRadio.setText(QCoreApplication.translate("FirstRunWizard", u"\u5171\u6709\u30d5\u30a9\u30eb\u30c0\u3067\u8907\u6570\u306e PC \u3068\u5171\u7528\u3059\u308b(&S)", None))
        self.sharedHint.setText(QCoreApplication.translate("FirstRunWizard", u"\u8ab2\u306e\u5171\u6709\u30d5\u30a9\u30eb\u30c0\uff08\u30cd\u30c3\u30c8\u30ef\u30fc\u30af\u30c9\u30e9\u30a4\u30d6\uff09\u306b\u4fdd\u5b58\u3057\u3001\u62c5\u5f53\u8005\u3068\u7ba1\u7406\u8005\u306e PC \u3067\u540c\u3058\u30c7\u30fc\u30bf\u3092\u4f7f\u3044\u307e\u3059\u3002\u65e2\u306b SNS Desk \u306e\u30c7\u30fc\u30bf\u304c\u3042\u308b\u30d5\u30a9\u30eb\u30c0\u3092\u9078\u3076\u3068\u3001\u305d\u306e\u30c7\u30fc\u30bf\u3092\u4f7f\u3044\u307e\u3059\u3002OneDrive \u306a\u3069\u306e\u540c\u671f\u30d5\u30a9\u30eb\u30c0\u306f\u907f\u3051\u3066\u304f\u3060\u3055\u3044\u3002", None))
#if QT_CONFIG(accessibility)
        self.folderEdit.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u5171\u6709\u30d5\u30a9\u30eb\u30c0", None))
#endif // QT_CONFIG(accessibility)
        self.folderEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"\u4f8b: \\\\fileserver\\koho\\sns-desk", None))
        self.browseButton.setText(QCoreApplication.translate("FirstRunWizard", u"\u53c2\u7167(&B)\u2026", None))
#if QT_CONFIG(accessibility)
        self.locationStatus.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u4fdd\u5b58\u5834\u6240\u306e\u78ba\u8a8d\u7d50\u679c", None))
#endif // QT_CONFIG(accessibility)
        self.personPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"\u6700\u521d\u306e\u30b7\u30b9\u30c6\u30e0\u7ba1\u7406\u8005", None))
        self.personPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"\u3042\u306a\u305f\u3092\u6700\u521d\u306e\u30b7\u30b9\u30c6\u30e0\u7ba1\u7406\u8005\u3068\u3057\u3066\u767b\u9332\u3057\u307e\u3059\u3002\u307b\u304b\u306e\u8077\u54e1\u306f\u5f8c\u304b\u3089\u767b\u9332\u3067\u304d\u307e\u3059\u3002", None))
        self.loginLabel.setText(QCoreApplication.translate("FirstRunWizard", u"\u30ed\u30b0\u30a4\u30f3\u540d:", None))
#if QT_CONFIG(accessibility)
        self.loginValue.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u30ed\u30b0\u30a4\u30f3\u540d", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.loginValue.setToolTip(QCoreApplication.translate("FirstRunWizard", u"OS \u304b\u3089\u8aad\u307f\u53d6\u3063\u305f\u30ed\u30b0\u30a4\u30f3\u540d\u3067\u3059\u3002SNS Desk \u306f\u3053\u306e\u540d\u524d\u3067\u3042\u306a\u305f\u3092\u8b58\u5225\u3057\u307e\u3059\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.nameLabel.setText(QCoreApplication.translate("FirstRunWizard", u"\u6c0f\u540d(&N):", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u6c0f\u540d", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"\u4f8b: \u9e7f\u5150\u5cf6 \u592a\u90ce", None))
        self.bureauLabel.setText(QCoreApplication.translate("FirstRunWizard", u"\u5c40(&K):", None))
#if QT_CONFIG(accessibility)
        self.bureauEdit.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u5c40", None))
#endif // QT_CONFIG(accessibility)
        self.bureauEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"\u4f8b: \u7dcf\u52d9\u5c40", None))
        self.sectionLabel.setText(QCoreApplication.translate("FirstRunWizard", u"\u8ab2(&A):", None))
#if QT_CONFIG(accessibility)
        self.sectionEdit.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u8ab2", None))
#endif // QT_CONFIG(accessibility)
        self.sectionEdit.setPlaceholderText(QCoreApplication.translate("FirstRunWizard", u"\u4f8b: \u5e83\u5831\u8ab2", None))
        self.emailLabel.setText(QCoreApplication.translate("FirstRunWizard", u"\u30e1\u30fc\u30eb(&M):", None))
#if QT_CONFIG(accessibility)
        self.emailEdit.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u30e1\u30fc\u30eb\u30a2\u30c9\u30ec\u30b9", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.personError.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u5165\u529b\u306e\u8aa4\u308a", None))
#endif // QT_CONFIG(accessibility)
        self.confirmPage.setTitle(QCoreApplication.translate("FirstRunWizard", u"\u78ba\u8a8d", None))
        self.confirmPage.setSubTitle(QCoreApplication.translate("FirstRunWizard", u"\u300c\u5b8c\u4e86\u300d\u3092\u62bc\u3059\u3068\u3001\u3053\u306e\u5185\u5bb9\u3067\u30c7\u30fc\u30bf\u30d9\u30fc\u30b9\u3092\u4f5c\u6210\u3057\u307e\u3059\u3002", None))
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("FirstRunWizard", u"\u8a2d\u5b9a\u5185\u5bb9", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

