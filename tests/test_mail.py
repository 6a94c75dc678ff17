"""E-mail notices (issue 16, item 1): queued with their event, sent by whichever PC runs next to a real SMTP
server (aiosmtpd), retried after a failure, shown to the システム管理者, never carrying a post's body or a citizen's
words."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from sns_desk.cli.main import main
from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.domain.mail_kinds import MAX_ATTEMPTS, MailKind, compose, retry_delay
from sns_desk.domain.policy import JST
from sns_desk.domain.vocabulary import AccountStatus, IncidentType
from sns_desk.host.mail_transport import MailServer, Security, stored_password
from sns_desk.services import incidents, mail_outbox, mail_settings, post_queries, post_workflow
from sns_desk.store.database import Database, open_database
from sns_desk.store.notice_tables import MailMessage
from sns_desk.store.orm import Post, User, utcnow
from tests.mail_server import PASSWORD, USER, SmtpServer, free_port, smtp_server_fixture  # noqa: F401
from tests.test_posts import draft, submit, version
from tests.world import People, in_state

BOTH_BACKENDS = True  # the claim that keeps two PCs from sending one message twice runs on both

BODY = "桜島の降灰予報をお知らせします。本文マーカーABC123"
TOPICS = (
    "桜島フェリーの臨時便が出ます。",
    "天文館で夏祭りを開催します。",
    "市立図書館は月曜日が休館日です。",
    "ごみの収集日が祝日で変わります。",
    "新しい市電の停留所ができました。",
    "動物園にキリンの赤ちゃんが生まれました。",
)
CITIZEN = "市民の山田花子さんの書き込み「市長は辞めろ」"


def address(login: str) -> str:
    return f"{login}@city.example.lg.jp"


@pytest.fixture
def office(db: Database, people: People, smtp_server: SmtpServer) -> int:
    """An active account, everyone with an address, and the mail server set up by the システム管理者."""
    account = in_state(db, people, AccountStatus.ACTIVE)
    with db.write_session() as session:
        for user in session.scalars(select(User)):
            user.email = address(user.login)
    server = MailServer("127.0.0.1", smtp_server.port, Security.NONE, "sns-desk@city.example.lg.jp", USER)
    mail_settings.set_mail_server(db, people.admin, server, PASSWORD)
    return account


def sent_to(smtp: SmtpServer, login: str) -> list[str]:
    return [str(m["Subject"]) for m in smtp.inbox.to(address(login))]


def test_a_request_reaches_the_managers_and_the_decision_the_author(
    db: Database,
    people: People,
    office: int,
    smtp_server: SmtpServer,
) -> None:
    post_id = draft(db, people.tanto, office, BODY, title="降灰予報のお知らせ")
    submit(db, people.tanto, post_id)
    result = mail_outbox.send_due(db, "PC-1")
    assert result.sent == 1 and result.failed == 0
    assert sent_to(smtp_server, "kacho") == [f"[SNS Desk] 承認の申請: 投稿 {post_id}号「降灰予報のお知らせ」"]
    assert smtp_server.inbox.logins == [USER]

    post_workflow.approve(
        db, people.kacho, post_id, version(db, people.kacho, post_id), "コメントマーカーXYZ"
    )
    assert mail_outbox.send_due(db, "PC-2").sent == 1
    (decided,) = smtp_server.inbox.to(address("tanto"))
    assert "承認・差戻しの結果" in str(decided["Subject"])
    text = decided.get_content()
    assert "承認されました。" in text and f"{post_id}号" in text
    for message in smtp_server.inbox.messages:  # what may leave the office network
        whole = message.as_string() + message.get_content()
        assert "本文マーカーABC123" not in whole and "降灰予報をお知らせします" not in whole
        assert "コメントマーカーXYZ" not in whole and PASSWORD not in whole
    assert mail_outbox.send_due(db, "PC-1").attempted == 0  # nothing is sent twice


def test_a_serious_trouble_reaches_the_responsible_without_the_citizens_words(
    db: Database,
    people: People,
    office: int,
    smtp_server: SmtpServer,
) -> None:
    incident_id = incidents.open_incident(
        db, people.tanto, office, IncidentType.FLAMING, CITIZEN, CITIZEN, serious=True
    )
    assert mail_outbox.send_due(db, "PC-1").sent == 1
    (message,) = smtp_server.inbox.to(address("kyokucho"))
    assert str(message["Subject"]) == f"[SNS Desk] 重大なトラブルの報告: トラブル {incident_id}号「炎上」"
    assert "§4(1)イ" in message.get_content()
    assert "山田" not in message.as_string() + message.get_content()
    incidents.escalate(db, people.tanto, incident_id)  # already serious: no second message
    assert mail_outbox.send_due(db, "PC-1").attempted == 0


def test_a_person_turns_a_kind_off(
    db: Database, people: People, office: int, smtp_server: SmtpServer
) -> None:
    kinds = set(MailKind) - {MailKind.APPROVAL_REQUESTED}
    mail_settings.set_my_kinds(db, people.kacho, kinds)
    mine = mail_settings.my_kinds(db, people.kacho)
    assert mine.address == address("kacho") and mine.muted() == {MailKind.APPROVAL_REQUESTED}
    choices = {c.kind: c.enabled for c in mine.choices}
    assert choices[MailKind.APPROVAL_REQUESTED] is False and choices[MailKind.DECIDED] is True
    submit(db, people.tanto, draft(db, people.tanto, office))
    assert mail_outbox.send_due(db, "PC-1").attempted == 0
    assert smtp_server.inbox.messages == []


def test_a_server_that_is_down_is_retried_with_back_off_and_shown_to_the_admin(
    db: Database, people: People, office: int
) -> None:
    down = MailServer("127.0.0.1", free_port(), Security.NONE, "sns-desk@city.example.lg.jp", USER)
    mail_settings.set_mail_server(db, people.admin, down)
    post_id = draft(db, people.tanto, office)
    submit(db, people.tanto, post_id)
    result = mail_outbox.send_due(db, "PC-1")
    assert (result.sent, result.failed) == (0, 1) and "cannot reach" in result.reason
    status = mail_outbox.outbox_status(db, people.admin)
    (row,) = status.failed
    assert (row.kind, row.number, row.attempts, row.given_up) == (
        MailKind.APPROVAL_REQUESTED,
        post_id,
        1,
        False,
    )
    assert row.next_attempt_at > utcnow() + timedelta(seconds=30)
    assert mail_outbox.send_due(db, "PC-2").attempted == 0  # not again before its time
    later = utcnow()
    for _ in range(MAX_ATTEMPTS - 1):
        later += timedelta(hours=2)
        assert mail_outbox.send_due(db, "PC-1", now=later).failed == 1
    assert mail_outbox.outbox_status(db, people.admin).given_up == 1
    assert (
        mail_outbox.send_due(db, "PC-1", now=later + timedelta(days=1)).attempted == 0
    )  # waits for the admin
    assert mail_outbox.retry_failed(db, people.admin) == 1
    assert mail_outbox.send_due(db, "PC-1", now=later + timedelta(days=1)).failed == 1  # tried again


def test_a_refused_login_is_reported_and_the_message_kept(
    db: Database,
    people: People,
    office: int,
    smtp_server: SmtpServer,
) -> None:
    server = mail_settings.mail_server(db, people.admin)
    assert server is not None
    mail_settings.set_mail_server(db, people.admin, server, "wrong-password")
    submit(db, people.tanto, draft(db, people.tanto, office))
    result = mail_outbox.send_due(db, "PC-1")
    assert result.failed == 1 and "refused the login" in result.reason
    assert smtp_server.inbox.messages == [] and set(smtp_server.inbox.logins) == {USER}
    (row,) = mail_outbox.outbox_status(db, people.admin).failed
    assert "wrong-password" not in row.last_error
    mail_settings.set_mail_server(db, people.admin, server, PASSWORD)  # the admin puts it right
    assert mail_outbox.retry_failed(db, people.admin) == 1
    assert mail_outbox.send_due(db, "PC-1").sent == 1
    assert len(smtp_server.inbox.to(address("kacho"))) == 1


def test_two_pcs_sending_at_once_never_send_one_message_twice(
    db: Database,
    people: People,
    office: int,
    smtp_server: SmtpServer,
) -> None:
    for body in TOPICS:
        submit(db, people.tanto, draft(db, people.tanto, office, body))
    results: list[mail_outbox.SendResult] = []
    errors: list[BaseException] = []

    def run(pc: str) -> None:
        try:
            results.append(mail_outbox.send_due(db, pc))
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(f"PC-{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert sum(r.sent for r in results) == 6
    assert len(smtp_server.inbox.messages) == 6
    assert len({m["Subject"] for m in smtp_server.inbox.messages}) == 6


def test_a_pc_that_claimed_and_vanished_leaves_the_message_to_another(
    db: Database,
    people: People,
    office: int,
    smtp_server: SmtpServer,
) -> None:
    submit(db, people.tanto, draft(db, people.tanto, office))
    with db.write_session() as session:
        session.execute(
            update(MailMessage).values(claimed_by="PC-gone", claimed_until=utcnow() + timedelta(minutes=5))
        )
    assert mail_outbox.send_due(db, "PC-1").attempted == 0
    assert mail_outbox.send_due(db, "PC-1", now=utcnow() + timedelta(minutes=6)).sent == 1


def test_overdue_monitoring_is_told_once_a_day(
    db: Database,
    people: People,
    office: int,
    smtp_server: SmtpServer,
) -> None:
    # past the 7-day monitoring and the 90-day password rotation, early in a UTC day (the hour after it is the same day)
    later = (utcnow() + timedelta(days=100)).replace(hour=3, minute=0, second=0, microsecond=0)
    assert mail_outbox.send_due(db, "PC-1", now=later).sent >= 1
    assert mail_outbox.send_due(db, "PC-2", now=later + timedelta(hours=1)).attempted == 0
    subjects = sent_to(smtp_server, "kacho")
    assert any(s.startswith(f"[SNS Desk] 監視の期限切れ: アカウント {office}号") for s in subjects)
    assert any("パスワードの変更時期" in s for s in subjects)
    assert mail_outbox.send_due(db, "PC-1", now=later + timedelta(days=1)).sent >= 1  # the next day, again


def test_only_the_system_admin_sets_the_server_and_sees_the_outbox(db: Database, people: People) -> None:
    server = MailServer("smtp.city.example.lg.jp", 587, Security.STARTTLS, "sns@city.example.lg.jp", "sns")
    with pytest.raises(PermissionDeniedError):
        mail_settings.set_mail_server(db, people.kacho, server, "pw")
    assert stored_password(server) is None  # refused before the keyring was touched
    with pytest.raises(PermissionDeniedError):
        mail_outbox.outbox_status(db, people.kacho)
    with pytest.raises(ValidationError, match="送信元"):
        mail_settings.set_mail_server(
            db, people.admin, MailServer("smtp.x.jp", 587, Security.STARTTLS, "bad", "")
        )
    mail_settings.set_mail_server(db, people.admin, server, "pw")
    assert stored_password(server) == "pw"
    assert mail_settings.mail_server(db, people.kacho) == server


def test_the_message_text_and_the_back_off() -> None:
    composed = compose(MailKind.DECIDED, 12, "  長い\n件名" * 20, "差し戻されました。")
    assert "\n" not in composed.subject and composed.subject.endswith("…」")
    assert [retry_delay(n).total_seconds() / 60 for n in (1, 2, 3, 7, 20)] == [1, 2, 4, 60, 60]


def test_the_command_line_shows_failures_and_sends_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, smtp_server: SmtpServer
) -> None:
    path = tmp_path / "sns-desk.sqlite3"

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--name", "情報 太郎")[0] == 0
    down = str(free_port())
    base = [
        "mail",
        "server",
        "--host",
        "127.0.0.1",
        "--security",
        "none",
        "--sender",
        "sns@city.example.lg.jp",
    ]
    code, out, _e = run(*base, "--port", down)
    assert code == 0 and f"127.0.0.1:{down}（暗号化なし）" in out
    db = open_database(str(path))
    try:
        with db.write_session() as session:
            me = session.scalars(select(User)).one()
            me.email = "joho@city.example.lg.jp"
            mail_outbox.queue(session, MailKind.SERIOUS_TROUBLE, 7, "炎上", [me])
    finally:
        db.dispose()
    code, out, err = run("mail", "send")
    assert code == 1 and "送れませんでした: 1 件" in out and "cannot reach" in err
    code, out, _e = run("mail", "status")
    assert code == 1 and "送れなかったもの: 1 件" in out
    assert "トラブル 7号\t情報 太郎 <joho@city.example.lg.jp>\t1 回失敗" in out
    assert run(*base, "--port", str(smtp_server.port))[0] == 0
    code, out, _e = run("mail", "send", "--retry")
    assert code == 0 and "送信しました: 1 件" in out
    assert [str(m["Subject"]) for m in smtp_server.inbox.messages] == [
        "[SNS Desk] 重大なトラブルの報告: トラブル 7号「炎上」"
    ]
    code, out, _e = run("mail", "status")
    assert code == 0 and "送信済み: 1 件" in out


def test_an_approved_post_due_within_the_hour_is_told_to_its_author_once(
    db: Database, people: People, office: int, smtp_server: SmtpServer
) -> None:
    post_id = draft(db, people.tanto, office, title="花火大会のお知らせ")
    submit(db, people.tanto, post_id)
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id), "")
    planned = post_queries.get_post(db, people.tanto, post_id).row.planned_at
    assert planned is not None
    assert (
        mail_outbox.send_due(db, "PC-1", now=planned - timedelta(hours=3)).sent == 2
    )  # request and decision
    assert mail_outbox.send_due(db, "PC-1", now=planned - timedelta(minutes=30)).sent == 1
    assert mail_outbox.send_due(db, "PC-2", now=planned - timedelta(minutes=20)).attempted == 0
    (due,) = [m for m in smtp_server.inbox.to(address("tanto")) if "予定時刻" in str(m["Subject"])]
    assert str(due["Subject"]) == f"[SNS Desk] 承認済み投稿の予定時刻: 投稿 {post_id}号「花火大会のお知らせ」"
    assert f"予定時刻: {planned.astimezone(JST):%m月%d日 %H:%M}" in due.get_content()


def test_after_approval_waiting_goes_to_the_managers(db: Database, people: People, office: int) -> None:
    """事後承認待ち (§5(9)): the kind goes to the account's 管理者s (tests/test_after_approval.py enters the state and
    adds the deputies in force)."""
    post_id = draft(db, people.tanto, office)
    with db.write_session() as session:
        post = session.get(Post, post_id)
        assert post is not None
        assert mail_outbox.queue_for_post(session, MailKind.AFTER_APPROVAL, post) == 1
        (message,) = session.scalars(select(MailMessage)).all()
        assert (message.kind, message.address) == ("after_approval", address("kacho"))
        assert message.subject.startswith(f"[SNS Desk] 事後承認待ち: 投稿 {post_id}号")
