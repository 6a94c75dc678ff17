"""Where a report may be written: only `.xlsx`, never the database, its journal or backups/, an existing file only
when the person confirmed it (issue 13, item 5); written atomically and shared like the folder."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sns_desk.domain.errors import DatabaseUnavailableError, ValidationError
from sns_desk.domain.validation import unusable_characters
from sns_desk.host import paths
from sns_desk.host.shared_files import fit_to_folder
from sns_desk.store.database import Database


class DestinationExistsError(ValidationError):
    """The destination already holds a file, and the person has not confirmed replacing it."""


# --- writing files safely ------------------------------------------------------------------------------------


def _same(a: Path, b: Path) -> bool:
    return os.path.normcase(str(a)) == os.path.normcase(str(b))


def check_destination(db: Database, dest: Path, *, overwrite: bool = False) -> Path:
    """``dest`` made absolute, once it may receive a report: an ``.xlsx`` file that is not the database, its journal
    or WAL, nor in a backups folder; an existing file only with ``overwrite`` (the person confirmed replacing it)."""
    if unusable_characters(str(dest)):
        raise ValidationError(
            "保存先のファイル名に使えない文字（NUL 文字、または文字コードの壊れた文字）が含まれています。"
            "別の名前を指定してください。",
            "export destination holds NUL or a lone surrogate",
        )
    target = dest.expanduser().resolve()
    protected: list[Path] = []
    backup_folders = [paths.data_dir() / "backups"]
    if db.location.path is not None:
        database = db.location.path.expanduser().resolve()
        protected = [
            database,
            *(database.with_name(database.name + end) for end in ("-journal", "-wal", "-shm")),
        ]
        backup_folders.append(database.parent / "backups")
    if any(_same(target, path) for path in protected):
        raise ValidationError(
            f"データベースのファイル（{target.name}）には報告書を保存できません。別の名前を指定してください。",
            f"export destination {target} is the database or its journal",
        )
    for folder in backup_folders:
        folder = folder.resolve()
        if any(_same(parent, folder) for parent in target.parents):
            raise ValidationError(
                f"バックアップのフォルダ（{folder}）には報告書を保存できません。別のフォルダを指定してください。",
                f"export destination {target} is in the backups folder",
            )
    if target.suffix.lower() != ".xlsx":
        raise ValidationError(
            f"報告書は Excel ブック（拡張子 .xlsx）として保存します。保存先の名前を「○○.xlsx」にしてください: {target}",
            f"export destination {target} is not .xlsx",
        )
    if target.is_dir():
        raise ValidationError(
            f"保存先はフォルダです。ファイルの名前を指定してください: {target}",
            f"export destination {target} is a folder",
        )
    if target.exists() and not overwrite:
        raise DestinationExistsError(
            f"保存先に同じ名前のファイルが既にあります: {target}\n"
            "置き換える場合は確認のうえ上書きを指定してください（コマンドでは --force）。",
            f"export destination {target} exists",
        )
    return target


def _place_new(tmp: Path, dest: Path) -> None:
    """Give ``tmp`` the name ``dest`` unless a file of that name exists (FileExistsError)."""
    try:
        os.link(tmp, dest)  # fails if a file of that name appeared meanwhile: nothing is replaced
    except FileExistsError:
        raise
    except OSError:  # a folder without hard links (some shared folders): look, then rename
        if dest.exists():
            raise FileExistsError(dest) from None
        os.replace(tmp, dest)
    else:
        tmp.unlink()


def save_atomically(save: Callable[[Path], None], dest: Path, *, overwrite: bool) -> str:
    """Write beside ``dest`` and rename, so a full disk or a crash never leaves half a workbook; an existing
    ``dest`` (one that appeared while the report was being made, too) is replaced only with ``overwrite``."""
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=".sns-desk-", suffix=".xlsx")
        os.close(fd)
    except OSError as error:
        raise DatabaseUnavailableError(
            f"保存先のフォルダに書き込めません: {dest.parent}（{error.strerror}）",
            f"export to {dest}: {error}",
        ) from error
    tmp = Path(tmp_name)
    try:
        save(tmp)
        digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
        if overwrite:
            os.replace(tmp, dest)
        else:
            _place_new(tmp, dest)
        fit_to_folder(dest)  # mkstemp made it rw-------: in a shared folder the 課's group may read it too
    except BaseException as error:
        tmp.unlink(missing_ok=True)  # nothing half-written is left behind, whatever went wrong
        if isinstance(error, FileExistsError):
            raise DestinationExistsError(
                f"保存先に同じ名前のファイルが作られたため、保存しませんでした: {dest}",
                f"export destination {dest} appeared during the export",
            ) from error
        if isinstance(error, OSError):
            raise DatabaseUnavailableError(
                f"報告書を保存できませんでした: {dest}（{error.strerror}）。ディスクの空き容量やファイルが開かれて"
                "いないか確認してください。",
                f"export to {dest}: {error}",
            ) from error
        raise
    return digest
