"""Where the data lives and how it is kept: the three storage modes (PRODUCT.md §6), a location given as a file
path or a server URL, and plain-language warnings about where a file sits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sns_desk.domain.errors import DatabaseError
from sns_desk.domain.vocabulary import Labelled
from sns_desk.host import paths
from sns_desk.host.server_passwords import redact_url, with_stored_password

CLOUD_SYNC_MARKERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box sync", "boxsync")


class StorageMode(Labelled):
    LOCAL = "local", "このPCのみ（ローカルファイル、WAL モード）"
    SHARED = "shared", "共有フォルダ（複数のPCで共用、ロールバックジャーナル・synchronous=FULL）"
    SERVER = "server", "データベースサーバー（PostgreSQL）"


@dataclass(frozen=True)
class Location:
    """Where the data lives: a SQLite file path or a server URL."""

    url: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def __repr__(self) -> str:  # never a password in a log line or a traceback
        return f"Location({self.display()!r})"

    def display(self) -> str:
        """How the location is logged and shown: a server URL without its password."""
        if self.path is not None:
            return str(self.path)
        return redact_url(self.url)

    @classmethod
    def parse(cls, value: str | Path | None) -> Location:
        if value is None or value == "":
            path = paths.default_database_path()
            return cls(url=f"sqlite:///{path}", path=path)
        text = str(value)
        if "://" in text:
            # SQLAlchemy parses a URL; start-up's integrity check (sqlite_files) needs this module before it loads
            from sqlalchemy.engine import make_url

            url = make_url(text)
            if url.get_backend_name() == "sqlite":
                if not url.database or url.database == ":memory:":
                    raise DatabaseError("メモリ上のデータベースは使えません。ファイルを指定してください。")
                path = Path(url.database).expanduser().resolve()
                return cls(url=f"sqlite:///{path}", path=path)
            if url.get_backend_name() != "postgresql":
                raise DatabaseError(
                    f"対応していないデータベースです（{url.get_backend_name()}）。"
                    "SQLite のファイルか PostgreSQL の URL を指定してください。"
                )
            # saved settings hold the URL without its password; this PC's keyring holds the password
            return cls(url=with_stored_password(text), path=None)
        path = Path(text).expanduser().resolve()
        return cls(url=f"sqlite:///{path}", path=path)


def storage_warnings(location: Location, mode: StorageMode) -> list[str]:
    """Plain-language warnings about where the file sits (SQLite's advice on network and synced folders)."""
    warnings: list[str] = []
    if location.path is None:
        return warnings
    lowered = str(location.path).lower()
    if any(marker in lowered for marker in CLOUD_SYNC_MARKERS):
        warnings.append(
            "データベースがクラウド同期フォルダ（OneDrive など）にあります。同期によってファイルが壊れるおそれが"
            "あるため、同期されない共有フォルダに置いてください。"
        )
    if mode is StorageMode.LOCAL and (str(location.path).startswith("\\\\") or lowered.startswith("//")):
        warnings.append(
            "ネットワーク上のファイルが「このPCのみ」モードで使われています。共有する場合は共有モードで作成してください。"
        )
    # SQLite writes a journal beside the file: the folder must be writable as well as the file itself.
    if location.path.exists() and not (
        os.access(location.path, os.W_OK) and os.access(location.path.parent, os.W_OK)
    ):
        warnings.append(
            "データベースのファイルまたはフォルダが読み取り専用です。内容は表示できますが、変更は保存できません。"
            "システム管理者にアクセス権を確認してください。"
        )
    return warnings
