"""The account's own fields, shared by the request form and the edit dialog: platform, name, department, handle, URL."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QComboBox, QLineEdit

from sns_desk.domain.vocabulary import Platform
from sns_desk.services import users
from sns_desk.services.accounts import AccountInput


class AccountFields(Protocol):
    """The widgets a form with the account's fields has (generated from ui/accountrequestdialog.ui and
    ui/accountinfodialog.ui)."""

    platformCombo: QComboBox
    nameEdit: QLineEdit
    departmentCombo: QComboBox
    handleEdit: QLineEdit
    urlEdit: QLineEdit


def fill_departments(
    combo: QComboBox, departments: list[users.DepartmentRow], selected: int | None = None
) -> None:
    combo.clear()
    for dept in departments:
        combo.addItem(dept.full_name, dept.id)
    if selected is not None:
        combo.setCurrentIndex(max(combo.findData(selected), 0))


def fill_platforms(combo: QComboBox, selected: Platform | None = None) -> None:
    combo.clear()
    for platform in Platform:
        combo.addItem(platform.label, platform.value)
    if selected is not None:
        combo.setCurrentIndex(max(combo.findData(selected.value), 0))


def account_input(ui: AccountFields) -> AccountInput:
    """What the person typed, as the service takes it."""
    return AccountInput(
        Platform(ui.platformCombo.currentData()),
        ui.nameEdit.text(),
        ui.departmentCombo.currentData(),
        ui.handleEdit.text(),
        ui.urlEdit.text(),
    )
