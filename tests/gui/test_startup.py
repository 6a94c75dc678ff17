"""From an empty machine to the main window: the first-run wizard, a second PC, an unknown login."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from sns_desk.gui import main_window as main_window_module
from sns_desk.gui.app import Launcher
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.settings.settings_page import SettingsPage
from sns_desk.gui.startup.not_registered import NotRegisteredDialog
from sns_desk.gui.startup.wizard import FirstRunWizard
from sns_desk.host import identity, paths
from sns_desk.host.settings import Settings
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database, open_database
from tests.conftest import MemoryKeyring
from tests.gui.conftest import MessageBoxes


def _shared_file(
    path: Path,
    login: str = "k-tanaka",
    name: str = "田中 恵子",
    then: Callable[[Database, Actor], object] | None = None,
) -> Path:
    """A shared-folder database at ``path`` whose first administrator is ``login`` (``then``: what else it holds)."""
    db = open_database(path, create=True, shared=True)
    admin = users.bootstrap_first_admin(db, login, name, "総務局", "広報課")
    if then is not None:
        then(db, admin)
    db.dispose()
    return path


def _click(qtbot: QtBot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _fill_person(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    # Japanese arrives through the input method, as committed text; QTest can type only ASCII keys.
    wizard.ui.nameEdit.setText("田中 恵子")
    wizard.ui.bureauEdit.setText("総務局")
    wizard.ui.sectionEdit.setText("広報課")
    qtbot.keyClicks(wizard.ui.emailEdit, "koho@city.example.lg.jp")


def test_first_run_wizard_on_a_shared_folder_ends_in_the_main_window_as_administrator(
    qtbot: QtBot, tmp_path: Path
) -> None:
    share = tmp_path / "fileserver" / "koho"
    share.mkdir(parents=True)
    launcher = Launcher(login="k-tanaka")
    assert launcher.start()
    wizard = launcher.window
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    assert wizard.isVisible() and wizard.currentId() == FirstRunWizard.LOCATION_PAGE

    wizard.ui.sharedRadio.click()
    assert wizard.ui.folderEdit.isEnabled()
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == FirstRunWizard.LOCATION_PAGE, "no folder yet: the wizard stays"
    assert "共有フォルダを指定してください" in wizard.ui.locationStatus.text()
    qtbot.keyClicks(wizard.ui.folderEdit, str(share))
    assert "新しいデータベースを作成します" in wizard.ui.locationStatus.text()
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == FirstRunWizard.PERSON_PAGE
    assert wizard.ui.loginValue.text() == "k-tanaka"
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == FirstRunWizard.PERSON_PAGE
    assert "氏名を入力してください" in wizard.ui.personError.text()
    _fill_person(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == FirstRunWizard.CONFIRM_PAGE
    summary = wizard.ui.summaryLabel.text()
    assert "共有フォルダ" in summary and str(share) in summary and "田中 恵子" in summary
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow))
    window = launcher.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.isVisible()
    assert "田中 恵子（k-tanaka）" in window.user_label.text()
    assert "役割: システム管理者" in window.user_label.text()
    assert window.nav_titles() == [
        "下書き",
        "予定",
        "アカウント",
        "トラブル",
        "問い合わせ",
        "報告書",
        "運用状況",
        "チェック規則",
        "監査ログ",
        "ユーザー管理",
        "設定",
    ]
    assert "共有フォルダ" in window.db_label.text()
    settings_page = window.show_page("settings")
    assert "共有フォルダ" in settings_page.ui.modeValue.text()  # type: ignore[attr-defined]

    db_file = share / "sns-desk.sqlite3"
    assert Settings.load().database == str(db_file)
    with sqlite3.connect(db_file) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT login, display_name, is_admin FROM users").fetchall() == [
            ("k-tanaka", "田中 恵子", 1)
        ]
    conn.close()
    launcher.db.dispose()  # type: ignore[union-attr]


def test_first_run_on_this_pc_uses_the_default_local_file(qtbot: QtBot) -> None:
    launcher = Launcher(login="k-tanaka")
    assert launcher.start()
    wizard = launcher.window
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    _fill_person(qtbot, wizard)
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: isinstance(launcher.window, MainWindow))
    qtbot.addWidget(launcher.window)
    assert paths.default_database_path().exists()
    assert Settings.load().database is None
    assert launcher.db is not None and launcher.db.pragma("journal_mode") == "wal"
    launcher.db.dispose()


def test_cancelling_the_wizard_gives_up_and_creates_nothing(qtbot: QtBot) -> None:
    launcher = Launcher(login="k-tanaka")
    assert launcher.start()
    wizard = launcher.window
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    with qtbot.waitSignal(launcher.gave_up):
        _click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert not paths.default_database_path().exists()


def test_a_second_pc_joins_the_existing_shared_folder_and_is_told_whom_to_ask(
    qtbot: QtBot, tmp_path: Path
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    db = open_database(share / "sns-desk.sqlite3", create=True, shared=True)
    users.bootstrap_first_admin(db, "k-tanaka", "田中 恵子", "総務局", "広報課")
    db.dispose()

    launcher = Launcher(login="t-suzuki")
    assert launcher.start()
    wizard = launcher.window
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    wizard.ui.sharedRadio.click()
    qtbot.keyClicks(wizard.ui.folderEdit, str(share))
    assert "既に SNS Desk のデータがあります" in wizard.ui.locationStatus.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible(), "nothing more to ask"
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    qtbot.waitUntil(lambda: isinstance(launcher.window, NotRegisteredDialog))
    dialog = launcher.window
    assert isinstance(dialog, NotRegisteredDialog)
    qtbot.addWidget(dialog)
    text = dialog.ui.messageLabel.text()
    assert "「t-suzuki」は SNS Desk に登録されていません" in text and "田中 恵子" in text
    assert Settings.load().database == str(share / "sns-desk.sqlite3")
    with qtbot.waitSignal(launcher.gave_up):
        qtbot.mouseClick(dialog.ui.closeButton, Qt.MouseButton.LeftButton)


def test_a_registered_user_goes_straight_to_the_main_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(
        path, then=lambda db, admin: users.create_user(db, admin, users.UserInput("t-suzuki", "鈴木 隆"))
    )
    launcher = Launcher(db_override=str(path), login="t-suzuki")
    with qtbot.waitSignal(launcher.settled):
        assert launcher.start()
        window = launcher.window
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        assert window.isVisible(), "the window is on the screen before the database is open"
        # the first list from the quick first read (no posts yet), the rest of the window on its way
        assert window.preview is not None and window.preview.model.rowCount() == 0
        assert window.user_label.text() == "ログイン中: 鈴木 隆（t-suzuki）　準備中…"
        assert window.nav_titles() == ["画面を準備中…"]
        assert not window.preview.ui.newButton.isEnabled()
        assert "準備中" in window.preview.ui.newButton.toolTip()
    assert launcher.window is window and window.preview is None
    assert "鈴木 隆（t-suzuki）" in window.user_label.text() and "役割なし" in window.user_label.text()
    assert window.nav_titles() == ["下書き", "予定", "アカウント", "トラブル", "問い合わせ", "設定"], (
        "no 承認待ち for someone who approves nothing"
    )
    launcher.db.dispose()  # type: ignore[union-attr]


def test_a_database_from_a_newer_version_is_explained_and_left_alone(
    qtbot: QtBot, tmp_path: Path, message_boxes: MessageBoxes
) -> None:
    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999_future'")
    conn.close()
    before = path.read_bytes()
    launcher = Launcher(db_override=str(path), login="k-tanaka")
    with qtbot.waitSignal(launcher.gave_up):
        assert launcher.start()  # the window appears, then the problem is explained and the person quits
        window = launcher.window
        assert isinstance(window, MainWindow) and window.preview is None, (
            "no quick first list from a newer file"
        )
        assert window.loading_label is not None, "it says the database is being opened, as before"
    assert "新しいバージョンの SNS Desk" in message_boxes.texts()
    assert launcher.window is None, "the half-open main window is gone"
    assert path.read_bytes() == before


def test_what_runs_before_the_window_is_shown_imports_no_database_or_excel_library() -> None:
    """The window appears in about the time of a bare Qt window because these stay unloaded until it is up."""
    code = (
        "import sys; import sns_desk.launch, sns_desk.gui.app, sns_desk.gui.main_window; "
        "heavy = {'sqlalchemy', 'alembic', 'openpyxl', 'twitter_text', 'numpy', 'keyring', 'sns_desk.store.orm', "
        "'fugashi', 'unidic_lite', 'linebot', 'pydantic', 'cryptography', 'httpx'}; "
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


READY_PROBE = """
import sys
from PySide6.QtWidgets import QApplication
from sns_desk.gui.app import Launcher
app = QApplication(sys.argv[:1])
launcher = Launcher(db_override=sys.argv[1], login="k-tanaka")
later = {'linebot', 'pydantic', 'cryptography', 'openpyxl', 'twitter_text', 'fugashi',
         'sns_desk.gui.posts.post_editor', 'sns_desk.services.publishing', 'sns_desk.services.notices'}
def settled():
    window = launcher.window
    print("rows", window.posts_page.model.rowCount(), "bell", window.bell.text())
    print(sorted(m for m in sys.modules if m in later or m.split('.')[0] in later))
    app.quit()
launcher.settled.connect(settled)
launcher.start()
app.exec()
"""


def test_the_app_is_ready_with_its_first_list_before_the_editor_the_bell_and_the_publishing_clients_load(
    tmp_path: Path,
) -> None:
    """Issue 17 (ready within 2x a bare window): when start-up settles, the 下書き list is filled and takes input;
    the post editor, the LINE/X clients, the 電子印鑑's cryptography and the bell's services are not yet imported
    (the bell is read on a worker thread afterwards)."""
    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(path)
    env = {**os.environ, "SNS_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", READY_PROBE, str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    rows, loaded = done.stdout.strip().splitlines()[-2:]
    assert rows == "rows 0 bell お知らせ", "the list was filled (no posts yet); the bell not read yet"
    assert loaded == "[]"


def test_the_bell_follows_once_the_app_is_ready(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(path)
    launcher = Launcher(db_override=str(path), login="k-tanaka")
    with qtbot.waitSignal(launcher.settled):
        assert launcher.start()
    window = launcher.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.bell_menu.actions() == [], "not read yet at ready"
    qtbot.waitUntil(lambda: bool(window.bell_menu.actions()), timeout=20000)
    assert window.publisher.timer.isActive() and window.tray is not None
    window.close()  # as the app ends: the window's background work (the search warm-up) ends with it
    launcher.db.dispose()  # type: ignore[union-attr]


def test_closing_the_window_waits_for_its_workers_before_the_database_is_disposed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search warm-up starts on a worker once the bell is read; the window closed while it runs (slow here)
    waits for it, and what it would report is dropped: window closed → worker finished → database disposed. A
    worker still reading as the database was disposed (or as the interpreter ended) crashed the test process."""
    import threading
    import time

    from sns_desk.services import post_queries

    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(path)
    order: list[str] = []
    warming = threading.Event()
    real_warm = post_queries.warm_search

    def slow_warm(db: Database, actor: Actor) -> None:
        warming.set()
        time.sleep(0.5)
        real_warm(db, actor)
        order.append("worker finished")

    monkeypatch.setattr(post_queries, "warm_search", slow_warm)
    launcher = Launcher(db_override=str(path), login="k-tanaka")
    with qtbot.waitSignal(launcher.settled):
        assert launcher.start()
    window = launcher.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    reported: list[str] = []
    monkeypatch.setattr(main_window_module.log, "warning", lambda text, *args: reported.append(text % args))
    qtbot.waitUntil(warming.is_set, timeout=20000)
    window.close()
    order.append("window closed")
    assert launcher.db is not None
    launcher.db.dispose()
    order.append("database disposed")
    assert order == ["worker finished", "window closed", "database disposed"]
    qtbot.wait(200)  # what the worker emitted is not delivered to the closed window
    assert not window.publisher.timer.isActive()
    assert reported == []  # neither a late failure nor "still running"


def test_quitting_as_soon_as_the_app_is_ready_ends_cleanly_while_the_bell_is_still_read(
    tmp_path: Path,
) -> None:
    """The bell is read on a worker thread after ready; quitting then must wait for it, not crash the interpreter
    at shutdown (it did, about one start in four, before run_gui waited for the thread pool)."""
    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(path, identity.current_login())  # the app's login
    env = {**os.environ, "SNS_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    for _ in range(4):
        done = subprocess.run(
            [sys.executable, "-m", "sns_desk", "--db", str(path), "--exit-after-start"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert (
            "first window: MainWindow" in done.stdout and "Error calling Python override" not in done.stderr
        )


def test_exit_after_start_reports_the_first_window(tmp_path: Path) -> None:
    env = {**os.environ, "SNS_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "sns_desk", "--exit-after-start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "first window: FirstRunWizard (SNS Desk の初期設定) shown=True" in done.stdout


def test_switching_to_another_database_opens_it_in_a_new_window(qtbot: QtBot, tmp_path: Path) -> None:
    paths_ = []
    for name in ("first", "second"):
        path = tmp_path / name / "sns-desk.sqlite3"
        _shared_file(path, name=f"田中 恵子（{name}）")
        paths_.append(path)
    launcher = Launcher(db_override=str(paths_[0]), login="k-tanaka")
    with qtbot.waitSignal(launcher.settled):
        assert launcher.start()
    first = launcher.window
    assert isinstance(first, MainWindow) and "（first）" in first.user_label.text()
    with qtbot.waitSignal(launcher.settled):
        first.switch_database.emit(str(paths_[1]))
    second = launcher.window
    assert isinstance(second, MainWindow) and second is not first
    qtbot.addWidget(second)
    assert "（second）" in second.user_label.text()
    qtbot.waitUntil(lambda: not shiboken6.isValid(first))  # the first window is closed and deleted
    assert Settings.load().database == str(paths_[1]), "remembered on this PC"
    launcher.db.dispose()  # type: ignore[union-attr]


def test_connecting_to_a_server_in_the_settings_keeps_its_password_out_of_settings_json(
    qtbot: QtBot, tmp_path: Path, pg_url: str, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    """設定 → データベースサーバーに接続 with the URL the IT section gave, password included: the app connects,
    settings.json holds the URL without the password, and the next start finds it in this PC's keyring."""
    password = make_url(pg_url).password
    assert password, "the test server's URL carries a password"
    for where in (str(tmp_path / "sns-desk.sqlite3"), pg_url):
        db = open_database(where, create=True, shared=True)
        users.bootstrap_first_admin(db, "k-tanaka", "田中 恵子", "総務局", "広報課")
        db.dispose()
    launcher = Launcher(db_override=str(tmp_path / "sns-desk.sqlite3"), login="k-tanaka")
    with qtbot.waitSignal(launcher.settled):
        assert launcher.start()
    first = launcher.window
    assert isinstance(first, MainWindow)
    page = first.show_page("settings")
    assert isinstance(page, SettingsPage)
    monkeypatch.setattr(
        "sns_desk.gui.settings.settings_page.QInputDialog.getText", lambda *a, **k: (pg_url, True)
    )
    with qtbot.waitSignal(launcher.settled, timeout=20000):
        qtbot.mouseClick(page.ui.serverButton, Qt.MouseButton.LeftButton)
    second = launcher.window
    assert isinstance(second, MainWindow) and second is not first
    qtbot.addWidget(second)
    assert launcher.db is not None and launcher.db.location.path is None, "now on the server"
    saved = (paths.config_dir() / "settings.json").read_text(encoding="utf-8")
    assert f":{password}@" not in saved  # (the test server's password may equal its user name)
    assert Settings.load().database == pg_url.replace(f":{password}@", "@", 1)
    assert password in memory_keyring.store.values()
    launcher.db.dispose()


def test_the_first_list_is_there_at_once_and_the_services_list_takes_its_place(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Issue 17 (ready): the quick first read fills the list before the database is opened through the services;
    the row chosen meanwhile is still chosen in the real page, which holds the same rows."""
    from tests.scale import build_city

    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(path, then=lambda db, admin: build_city(db, admin, 3, 6))
    launcher = Launcher(db_override=str(path), login="k-tanaka")
    with qtbot.waitSignal(launcher.settled, timeout=30000):
        assert launcher.start()
        window = launcher.window
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        preview = window.preview
        assert preview is not None and preview.model.rowCount() == 18, "every post of the city, at once"
        shown = preview.shown_ids()
        preview.ui.postsTable.selectRow(4)
        assert not window.attached and not window.bell.isEnabled()
    assert window.preview is None and window.attached and window.bell.isEnabled()
    page = window.posts_page
    assert [row.id for row in page.model.rows] == shown
    assert page.selected_row() is not None and page.selected_row().id == shown[4]  # type: ignore[union-attr]
    assert window.nav_titles()[0] == "下書き"
    launcher.db.dispose()  # type: ignore[union-attr]


def test_a_post_double_clicked_in_the_first_list_opens_once_the_app_is_ready(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sns_desk.gui.posts.posts_page import PostsPage
    from tests.scale import build_city

    path = tmp_path / "sns-desk.sqlite3"
    _shared_file(path, then=lambda db, admin: build_city(db, admin, 2, 3))
    opened: list[int | None] = []
    monkeypatch.setattr(  # the editor is modal: record which post it would open
        PostsPage, "open_selected", lambda page: opened.append(getattr(page.selected_row(), "id", None))
    )
    launcher = Launcher(db_override=str(path), login="k-tanaka")
    with qtbot.waitSignal(launcher.settled, timeout=30000):
        assert launcher.start()
        window = launcher.window
        assert isinstance(window, MainWindow) and window.preview is not None
        qtbot.addWidget(window)
        table = window.preview.ui.postsTable
        wanted = window.preview.model.row_at(2).id
        table.doubleClicked.emit(window.preview.model.index(2, 0))
        assert (
            "準備中" in window.ui.statusbar.currentMessage()
            and str(wanted) in window.ui.statusbar.currentMessage()
        )
        assert opened == [], "not before the app is ready"
    qtbot.waitUntil(lambda: opened == [wanted])
    launcher.db.dispose()  # type: ignore[union-attr]
