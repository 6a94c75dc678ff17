"""Identity comes from the OS, not from environment variables anyone can set."""

from __future__ import annotations

import os
import pwd

import pytest

from sns_desk.host import identity


def test_login_is_the_process_owner() -> None:
    assert identity.current_login() == pwd.getpwuid(os.getuid()).pw_name


@pytest.mark.parametrize("variable", ["USER", "LOGNAME", "USERNAME", "LNAME"])
def test_environment_variables_do_not_change_who_you_are(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    real = identity.current_login()
    monkeypatch.setenv(variable, "kacho-the-approver")
    assert identity.current_login() == real
