"""Typed errors of the core.

Every error carries a Japanese message for the person using the app (``str(error)`` and ``message``) and an
English description for the log (``log_message``).  The GUI shows the first and never a traceback; the log
records the second with the context.
"""

from __future__ import annotations


class SnsDeskError(Exception):
    """Base of all errors the core raises on purpose."""

    def __init__(self, message: str, log_message: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.log_message = log_message or message


# --- database -------------------------------------------------------------------------------------------


class DatabaseError(SnsDeskError):
    """The database cannot be opened or used."""


class NotADatabaseError(DatabaseError):
    pass


class EmptyDatabaseFileError(DatabaseError):
    pass


class CorruptDatabaseError(DatabaseError):
    pass


class ForeignDatabaseError(DatabaseError):
    """A valid SQLite file that is not an SNS Desk database."""


class NewerSchemaError(DatabaseError):
    """The database was written by a newer version of the app."""


class DatabaseBusyError(DatabaseError):
    """Another PC held the database locked for longer than we are willing to wait."""


class DatabaseUnavailableError(DatabaseError):
    """The file or server cannot be reached (missing, read-only, disk full ...)."""


class ConflictError(SnsDeskError):
    """Somebody else changed the record since it was read (optimistic version check)."""


# --- rules ----------------------------------------------------------------------------------------------


class PermissionDeniedError(SnsDeskError):
    """The actor lacks the role a service requires; the message names the role needed."""


class NotRegisteredError(SnsDeskError):
    """The OS login has no user record."""

    def __init__(self, login: str, admins: list[str]) -> None:
        names = "、".join(admins) if admins else "システム管理者"
        super().__init__(
            f"ログイン名「{login}」は SNS Desk に登録されていません。"
            f"管理者（{names}）に登録を依頼してください。",
            f"login {login!r} is not registered",
        )
        self.login = login
        self.admins = admins


class NotAcknowledgedError(NotRegisteredError, PermissionDeniedError):
    """A 委託業者 whose acknowledgement of the guideline (§9(1)) is not recorded: like an unregistered login it may
    see and do nothing, and is told whom to ask."""

    def __init__(self, login: str, admins: list[str]) -> None:
        super().__init__(login, admins)
        names = "、".join(admins) if admins else "システム管理者"
        self.message = (
            f"ログイン名「{login}」は委託業者として登録されていますが、ガイドライン遵守の確認（§9(1)）が"
            f"まだ記録されていないため、SNS Desk の記録を見ることも操作することもできません。"
            f"管理者（{names}）に確認の記録を依頼してください。"
        )
        self.log_message = f"login {login!r} is a contractor without a recorded acknowledgement"
        self.args = (self.message,)


class ValidationError(SnsDeskError):
    """Input that breaks a rule of the data (missing name, bad CSV row ...)."""


class NotFoundError(SnsDeskError):
    pass
