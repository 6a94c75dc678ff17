"""設定 › メールのお知らせ, the tray and the background sender (issue 16, item 1), with pytest-qt."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.gui.main_window import MainWindow
from sns_desk.gui.settings.mail_section import MailSection
from sns_desk.gui.shared.notice_tray import BackgroundMailer, NoticeTray
from sns_desk.host.mail_transport import MailServer, Security, stored_password
from sns_desk.services import mail_outbox, mail_settings
from sns_desk.services.notices import Notice
from sns_desk.store.database import Database
from sns_desk.store.orm import User
from tests.gui.conftest import MessageBoxes
from tests.mail_server import PASSWORD, USER, SmtpServer, free_port, smtp_server_fixture  # noqa: F401
from tests.test_posts import draft, submit
from tests.world import People, in_state

Click = Qt.MouseButton.LeftButton


@pytest.fixture
def account(db: Database, people: People) -> int:
    account = in_state(db, people, AccountStatus.ACTIVE)
    with db.write_session() as session:
        for user in session.scalars(select(User)):
            user.email = f"{user.login}@city.example.lg.jp"
    return account


def fill_server(section: MailSection, port: int, password: str) -> None:
    section.host.setText("127.0.0.1")
    section.port.setValue(port)
    section.security.setCurrentIndex(section.security.findData(Security.NONE.value))
    section.sender_edit.setText("sns-desk@city.example.lg.jp")
    section.user.setText(USER)
    section.password.setText(password)


def test_the_admin_sets_the_server_sends_and_sees_what_failed(
    qtbot: QtBot,
    db: Database,
    people: People,
    account: int,
    smtp_server: SmtpServer,
    message_boxes: MessageBoxes,
) -> None:
    section = MailSection(db, people.admin)
    qtbot.addWidget(section)
    assert section.server_box.isVisibleTo(section)
    assert "設定されていません" in section.status_label.text() and not section.send_button.isEnabled()
    fill_server(section, free_port(), PASSWORD)  # a server that is down
    qtbot.mouseClick(section.server_save, Click)
    assert "メールサーバーを保存しました。" in message_boxes.texts() and section.password.text() == ""
    server = mail_settings.mail_server(db, people.admin)
    assert server is not None and stored_password(server) == PASSWORD
    submit(db, people.tanto, draft(db, people.tanto, account))
    qtbot.mouseClick(section.send_button, Click)
    assert "1 件は送れませんでした" in message_boxes.texts()
    assert "送れなかったもの 1 件" in section.status_label.text()
    assert section.outbox.rowCount() == 1 and section.retry_button.isEnabled()
    row = [section.outbox.data(section.outbox.index(0, c)) for c in range(section.outbox.columnCount())]
    assert row[:4] == ["承認の申請", row[1], "観光 課長 <kacho@city.example.lg.jp>", "1 回"]
    assert "cannot reach" in row[5]

    section.port.setValue(smtp_server.port)  # the admin puts the port right and sends again
    qtbot.mouseClick(section.server_save, Click)
    qtbot.mouseClick(section.retry_button, Click)
    assert "1 件のお知らせを送りました。" in message_boxes.texts()
    assert section.outbox.rowCount() == 0 and "送信済み 1 件" in section.status_label.text()
    assert [m["To"] for m in smtp_server.inbox.messages] == ["kacho@city.example.lg.jp"]


def test_a_person_chooses_their_notices_and_sees_no_server_settings(
    qtbot: QtBot, db: Database, people: People, account: int, message_boxes: MessageBoxes
) -> None:
    section = MailSection(db, people.kacho)
    qtbot.addWidget(section)
    assert not section.server_box.isVisibleTo(section)
    assert "kacho@city.example.lg.jp" in section.address_label.text()
    assert all(box.isChecked() for box in section.kind_boxes.values())
    section.kind_boxes[MailKind.MONITORING_OVERDUE].setChecked(False)
    qtbot.mouseClick(section.kinds_save, Click)
    assert "6 / 7 種類" in message_boxes.texts()
    assert mail_settings.my_kinds(db, people.kacho).muted() == {MailKind.MONITORING_OVERDUE}
    outsider = MailSection(db, people.outsider)
    qtbot.addWidget(outsider)
    assert (
        "登録されていません" in outsider.address_label.text() or "outsider@" in outsider.address_label.text()
    )


@pytest.mark.qt_log_ignore("systemTrayWindowChanged")  # the offscreen platform has no real tray to attach to
def test_the_tray_shows_each_new_notice_once_and_not_the_muted(
    qtbot: QtBot, db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []

    def record(self: QSystemTrayIcon, title: str, text: str, *args: Any) -> None:
        shown.append((title, text))

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", record)
    submit(db, people.tanto, draft(db, people.tanto, account))
    window = MainWindow(db, people.kacho)
    qtbot.addWidget(window)
    assert window.tray.icon is not None
    assert shown and "承認を待っている投稿が 1 件あります。" in shown[-1][1]
    count = len(shown)
    window.refresh_notifications()
    assert len(shown) == count  # the same notice is not shown again
    submit(db, people.tanto, draft(db, people.tanto, account, "天文館で夏祭りを開催します。"))
    window.refresh_notifications()
    assert len(shown) == count + 1 and "2 件" in shown[-1][1]
    mail_settings.set_my_kinds(db, people.kacho, set(MailKind) - {MailKind.APPROVAL_REQUESTED})
    submit(db, people.tanto, draft(db, people.tanto, account, "市立図書館は月曜日が休館日です。"))
    window.refresh_notifications()
    assert len(shown) == count + 1  # turned off in 設定: the bell still has it, the tray does not
    assert "3 件" in window.bell_menu.actions()[0].text()
    window.close()


def test_without_a_tray_the_notices_stay_in_the_bell(qtbot: QtBot) -> None:
    tray = NoticeTray(QIcon(), available=False)
    notice = Notice("incident", "重大なトラブル「炎上」の報告が届いています（§4(1)イ）。", "incidents", 3)
    assert tray.icon is None
    assert tray.update([notice], set()) == [notice] and tray.last is not None
    assert tray.update([notice], set()) == []
    assert tray.update([notice], set()) == []
    many = [
        Notice("credential", f"「アカウント{i}」のパスワードの変更時期です。", "accounts", i)
        for i in range(5)
    ]
    assert len(tray.update(many, set())) == 5
    assert (
        tray.last is not None
        and tray.last[0] == "SNS Desk のお知らせ（5 件）"
        and "ほか 2 件" in tray.last[1]
    )
    assert tray.update([notice], {MailKind.SERIOUS_TROUBLE}) == []


def test_the_background_sender_runs_off_the_gui_thread_one_round_at_a_time(qtbot: QtBot) -> None:
    release = threading.Event()
    threads: list[str] = []

    def send() -> None:
        threads.append(threading.current_thread().name)
        release.wait(10)
        raise OSError("server down")  # logged; the next round tries again

    mailer = BackgroundMailer(send, interval_ms=10)
    assert mailer.tick() is True
    assert mailer.tick() is False  # still sending: no second round
    release.set()
    qtbot.waitUntil(mailer.idle.is_set, timeout=5000)
    assert threads and threads[0] != threading.main_thread().name
    assert mailer.tick() is True
    mailer.stop()


def test_the_window_sends_the_outbox_in_the_background(
    qtbot: QtBot, db: Database, people: People, account: int, smtp_server: SmtpServer
) -> None:
    server = mail_settings.validate_server(
        MailServer("127.0.0.1", smtp_server.port, Security.NONE, "sns@city.example.lg.jp", USER)
    )
    mail_settings.set_mail_server(db, people.admin, server, PASSWORD)
    submit(db, people.tanto, draft(db, people.tanto, account))
    window = MainWindow(db, people.tanto)
    qtbot.addWidget(window)
    assert window.mailer.tick()
    qtbot.waitUntil(lambda: len(smtp_server.inbox.messages) == 1, timeout=10000)
    qtbot.waitUntil(window.mailer.idle.is_set, timeout=5000)
    assert mail_outbox.outbox_status(db, people.admin).sent == 1
    window.close()
