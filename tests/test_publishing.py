"""Publishing an approved post through X and LINE (issue 14 items 1, 2, 5, 9): the connection (PKCE end to end,
approval), exactly the approved text, never twice, every failure in Japanese with nothing recorded as published,
「投稿状態不明」 resolved by a person, the proof in the audit chain and the check of published posts.

The platforms are a local server (tests/platforms.py); every request is validated against their OpenAPI documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from werkzeug import Request, Response

from sns_desk.domain import publication as pub
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, Platform, PostStatus
from sns_desk.host import platform_tokens
from sns_desk.services import (
    connections,
    post_drafts,
    post_queries,
    post_workflow,
    publish_recovery,
    publishing,
)
from sns_desk.services.actors import Actor
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent
from sns_desk.store.publishing_tables import PublishClaim
from tests.platforms import FakePlatforms, browser_that_allows, json_response
from tests.test_posts import ALL_CHECKED, in_hours
from tests.world import People, RawConnection, in_state

BOTH_BACKENDS = True
P = PostStatus
WHEN = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # Tuesday 10:00 JST: inside the test policy's hours


@pytest.fixture
def fake(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakePlatforms]:
    base = httpserver.url_for("").rstrip("/")
    monkeypatch.setenv("SNS_DESK_X_API", base)
    monkeypatch.setenv("SNS_DESK_X_AUTHORIZE_URL", base + "/i/oauth2/authorize")
    monkeypatch.setenv("SNS_DESK_X_TOKEN_URL", base + "/2/oauth2/token")
    monkeypatch.setenv("SNS_DESK_LINE_API", base)
    monkeypatch.setenv("SNS_DESK_X_REDIRECT_PORT", "0")
    platforms = FakePlatforms(httpserver, base)
    yield platforms
    assert platforms.violations == [], "requests the OpenAPI documents do not allow"


@pytest.fixture
def now_in_hours(monkeypatch: pytest.MonkeyPatch) -> datetime:
    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    return WHEN


def approved_post(
    db: Database, people: People, account: int, body: str = "桜島の降灰予報をお知らせします。"
) -> int:
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, body, planned_at=in_hours()))
    version = post_queries.get_post(db, people.tanto, post_id).row.version
    post_workflow.submit(db, people.tanto, post_id, version, ALL_CHECKED)
    version = post_queries.get_post(db, people.kacho, post_id).row.version
    post_workflow.approve(db, people.kacho, post_id, version)
    return post_id


def connect_x(db: Database, people: People, account: int, fake: FakePlatforms) -> None:
    fake.x_standard()
    fake.x_token_endpoint()
    fake.x_authorize_endpoint()
    connections.connect_x(db, people.kacho, account, "client-abc", browser_that_allows, timeout=20)
    info = connections.connection_of(db, people.kyokucho, account)
    assert info is not None
    connections.approve_connection(db, people.kyokucho, account, info.version)


@pytest.fixture
def x_account(db: Database, people: People, fake: FakePlatforms) -> int:
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    return account


def version(db: Database, actor: Actor, post_id: int) -> int:
    return post_queries.get_post(db, actor, post_id).row.version


def claim(db: Database, post_id: int) -> PublishClaim | None:
    with db.read() as session:
        row = session.scalars(select(PublishClaim).where(PublishClaim.post_id == post_id)).first()
        if row is not None:
            session.expunge(row)
        return row


def events(db: Database, action: str) -> list[dict[str, object]]:
    with db.read() as session:
        return [
            json.loads(e.payload)
            for e in session.scalars(select(AuditEvent).where(AuditEvent.action == action))
        ]


# --- connections ---------------------------------------------------------------------------------------------------


def test_connecting_x_runs_pkce_end_to_end_and_keeps_the_token_only_in_the_keyring(
    db: Database, people: People, fake: FakePlatforms
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    fake.x_standard()
    fake.x_token_endpoint()
    fake.x_authorize_endpoint()
    info = connections.connect_x(db, people.kacho, account, "client-abc", browser_that_allows, timeout=20)
    assert info.remote_name == "@kagoshima_kanko" and not info.approved and info.here
    stored = platform_tokens.load(db.database_id, account)
    assert stored is not None and stored["token"]["access_token"] == "access-1"
    assert fake.challenge, "the authorization request carried a PKCE challenge the token endpoint checked"
    raw = RawConnection(db)
    try:
        dump = repr(raw.execute("SELECT * FROM platform_connections").fetchall())
        dump += repr(raw.execute("SELECT payload FROM audit_events").fetchall())
    finally:
        raw.close()
    assert "access-1" not in dump and "refresh-1" not in dump
    # not usable before the 責任者 approves; the 管理者 may not approve it
    with pytest.raises(PermissionDeniedError):
        connections.approve_connection(db, people.kacho, account, info.version)
    connections.approve_connection(db, people.kyokucho, account, info.version)
    approved = connections.connection_of(db, people.tanto, account)
    assert approved is not None and approved.approved and approved.approved_by == "観光 局長"


def test_a_post_waits_for_the_connection_approval(
    db: Database, people: People, fake: FakePlatforms, now_in_hours: datetime
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    fake.x_standard()
    fake.x_token_endpoint()
    fake.x_authorize_endpoint()
    connections.connect_x(db, people.kacho, account, "client-abc", browser_that_allows, timeout=20)
    post_id = approved_post(db, people, account)
    offered = publishing.plan(db, people.tanto, post_id)
    assert not offered.allowed and "承認待ち" in offered.allowed.reason
    assert offered.compose_url and offered.compose_url.startswith("https://x.com/intent/post?text=")


# --- publishing -------------------------------------------------------------------------------------------------------


def test_publish_sends_exactly_the_approved_text_and_records_the_proof(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = approved_post(
        db, people, x_account, "桜島の降灰予報をお知らせします。 https://www.city.kagoshima.lg.jp/"
    )
    done = publishing.publish(db, people.tanto, post_id, version(db, people.tanto, post_id))
    assert fake.sent("/2/tweets") == [
        {"text": "桜島の降灰予報をお知らせします。 https://www.city.kagoshima.lg.jp/"}
    ]
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.PUBLISHED
    assert detail.published_url == f"https://x.com/kagoshima_kanko/status/{done.remote_id}"
    assert detail.row.published_at == datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # X's time, not the click
    proof = events(db, "post.publish")[-1]
    assert proof["remote_id"] == done.remote_id and proof["read_back"] is True
    seen = pub.SeenPost(done.remote_id, fake.tweets[done.remote_id]["text"], done.at, done.url)
    assert proof["proof_sha256"] == seen.proof_sha256()
    assert claim(db, post_id).state == "published"  # type: ignore[union-attr]


def test_text_changed_behind_the_app_after_approval_is_refused_before_sending(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = approved_post(db, people, x_account)
    raw = RawConnection(db)
    try:
        raw.execute("UPDATE posts SET body = ? WHERE id = ?", ("桜島は噴火しません。", post_id))
    finally:
        raw.close()
    with pytest.raises(ValidationError, match="承認された内容と違う"):
        publishing.publish(db, people.tanto, post_id)
    assert fake.sent("/2/tweets") == [] and claim(db, post_id) is None


def test_an_image_removed_behind_the_app_after_approval_is_refused_before_sending(
    db: Database, people: People, x_account: int, now_in_hours: datetime
) -> None:
    """The approved revision lists its images (what the 電子印鑑 covers): one deleted from the database after the
    approval, without a new revision, is found before anything is sent."""
    from sns_desk.services import post_attachments
    from sns_desk.store.orm import Post

    post_id = post_drafts.create_draft(
        db, people.tanto, PostInput(x_account, "降灰の範囲は地図のとおりです。", planned_at=in_hours())
    )
    for name, colour in (("map.png", b"\x01"), ("legend.png", b"\x02")):
        post_attachments.add_attachment(db, people.tanto, post_id, name, b"\x89PNG\r\n\x1a\n" + colour * 40)
    post_workflow.submit(
        db, people.tanto, post_id, post_queries.get_post(db, people.tanto, post_id).row.version, ALL_CHECKED
    )
    post_workflow.approve(
        db, people.kacho, post_id, post_queries.get_post(db, people.kacho, post_id).row.version
    )
    with db.read() as session:
        post = session.get(Post, post_id)
        assert post is not None
        assert publishing.approved_content(session, post)[1] == ""
    raw = RawConnection(db)
    try:
        raw.execute("DELETE FROM attachments WHERE post_id = ? AND filename = ?", (post_id, "legend.png"))
    finally:
        raw.close()
    with db.read() as session:
        post = session.get(Post, post_id)
        assert post is not None
        assert "画像が承認された版と違います" in publishing.approved_content(session, post)[1]


def test_a_post_is_never_sent_twice(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = approved_post(db, people, x_account)
    publishing.publish(db, people.tanto, post_id)
    with pytest.raises((ConflictError, PermissionDeniedError, ValidationError)):
        publishing.publish(db, people.tanto, post_id)
    assert len(fake.sent("/2/tweets")) == 1


def test_outside_operating_hours_only_an_emergency_goes_out(
    db: Database, people: People, fake: FakePlatforms, x_account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    night = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)  # 22:00 JST
    monkeypatch.setattr(publishing, "utcnow", lambda: night)
    post_id = approved_post(db, people, x_account)
    with pytest.raises(ValidationError, match="§5\\(9\\)"):
        publishing.publish(db, people.tanto, post_id)
    assert fake.sent("/2/tweets") == []
    urgent = post_drafts.create_draft(
        db,
        people.tanto,
        PostInput(
            x_account,
            "桜島で噴火が発生しました。",
            planned_at=in_hours(),
            emergency=True,
            emergency_reason="噴火速報",
        ),
    )
    post_workflow.submit(db, people.tanto, urgent, version(db, people.tanto, urgent), ALL_CHECKED)
    post_workflow.approve(db, people.kacho, urgent, version(db, people.kacho, urgent))
    publishing.publish(db, people.tanto, urgent)
    assert fake.sent("/2/tweets") == [{"text": "桜島で噴火が発生しました。"}]


# --- failures: a Japanese message, nothing recorded as published --------------------------------------------------


def _failing_x(
    fake: FakePlatforms, status: int, body: dict[str, object], headers: dict[str, str] | None = None
) -> None:
    fake.server.clear_all_handlers()

    def refuse(request: Request) -> Response:
        return json_response(body, status, headers)

    fake.x("POST", "/2/tweets", refuse)


@pytest.mark.parametrize(
    ("status", "body", "headers", "error", "words"),
    [
        (
            429,
            {"title": "Too Many Requests", "status": 429},
            {"x-rate-limit-reset": "1764554400"},
            pub.RateLimitedError,
            "12月01日 11:00",
        ),
        (
            403,
            {"detail": "You are not allowed to create a Tweet with duplicate content.", "status": 403},
            None,
            pub.DuplicateContentError,
            "重複",
        ),
        (400, {"title": "Invalid Request", "status": 400}, None, pub.PlatformFailureError, "400"),
    ],
)
def test_a_refusal_leaves_the_post_approved_and_sendable_again(
    db: Database,
    people: People,
    fake: FakePlatforms,
    x_account: int,
    now_in_hours: datetime,
    status: int,
    body: dict[str, object],
    headers: dict[str, str] | None,
    error: type[pub.PublishError],
    words: str,
) -> None:
    post_id = approved_post(db, people, x_account)
    _failing_x(fake, status, body, headers)
    with pytest.raises(error) as raised:
        publishing.publish(db, people.tanto, post_id)
    assert words in raised.value.message
    assert post_queries.get_post(db, people.tanto, post_id).row.status is P.APPROVED
    assert claim(db, post_id) is None and events(db, "post.publish_failed")
    assert publishing.plan(db, people.tanto, post_id).allowed  # may be tried again


def test_an_expired_token_is_refreshed_before_sending(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    stored = platform_tokens.load(db.database_id, x_account)
    assert stored is not None
    stored["token"]["expires_at"] = 1000  # long past
    platform_tokens.save(db.database_id, x_account, stored)
    post_id = approved_post(db, people, x_account)
    publishing.publish(db, people.tanto, post_id)
    kept = platform_tokens.load(db.database_id, x_account)
    assert kept is not None and kept["token"]["access_token"] == "access-2"


def test_a_revoked_token_names_who_must_reconnect(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    fake.tokens = {"access": "revoked", "refresh": "revoked"}  # X no longer knows ours
    post_id = approved_post(db, people, x_account)
    with pytest.raises(pub.TokenRejectedError, match="観光 課長"):
        publishing.publish(db, people.tanto, post_id)
    assert claim(db, post_id) is None and fake.tweets == {}


def test_network_down_before_sending_keeps_nothing(
    db: Database,
    people: People,
    fake: FakePlatforms,
    x_account: int,
    now_in_hours: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SNS_DESK_X_API", "http://127.0.0.1:9")  # nothing listens there
    post_id = approved_post(db, people, x_account)
    with pytest.raises(pub.NetworkDownError, match="接続できません"):
        publishing.publish(db, people.tanto, post_id)
    assert claim(db, post_id) is None


def test_no_answer_after_sending_leaves_an_unknown_state_a_person_resolves(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = approved_post(db, people, x_account)
    fake.server.clear_all_handlers()
    fake.x_standard()

    def gone_through_then_failed(request: Request) -> Response:
        fake.tweets["1900000000000000077"] = {
            "id": "1900000000000000077",
            "text": request.get_json()["text"],
            "created_at": fake.created_at,
        }
        return json_response({"title": "Service Unavailable", "status": 503}, 503)

    fake.server.clear_all_handlers()
    fake.x("POST", "/2/tweets", gone_through_then_failed)
    fake.x_standard()
    with pytest.raises(pub.PlatformFailureError):
        publishing.publish(db, people.tanto, post_id)
    unknown = publish_recovery.unknown_posts(db, people.kacho)
    assert [u.post_id for u in unknown] == [post_id]
    assert post_queries.get_post(db, people.tanto, post_id).row.status is P.APPROVED
    with pytest.raises(ConflictError, match="投稿状態不明"):
        publishing.publish(db, people.tanto, post_id)  # nobody sends it again meanwhile
    found = publish_recovery.look_up(db, people.tanto, post_id)
    assert found is not None and found.remote_id == "1900000000000000077"
    publish_recovery.resolve_published(db, people.tanto, post_id, found)
    detail = post_queries.get_post(db, people.kacho, post_id)
    assert detail.row.status is P.PUBLISHED and detail.published_url.endswith("/1900000000000000077")
    assert publish_recovery.unknown_posts(db, people.kacho) == []


def test_a_crash_between_sending_and_recording_is_found_and_can_be_declared_not_sent(
    db: Database, people: People, fake: FakePlatforms, x_account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    post_id = approved_post(db, people, x_account)

    def crash(*args: object, **kwargs: object) -> None:
        raise SystemExit("the PC lost power")

    monkeypatch.setattr(publishing, "record_sent", crash)
    with pytest.raises(SystemExit):
        publishing.publish(db, people.tanto, post_id)
    monkeypatch.undo()
    assert claim(db, post_id).state == "sending"  # type: ignore[union-attr]
    monkeypatch.setattr(publish_recovery, "utcnow", lambda: WHEN + timedelta(minutes=4))
    assert publish_recovery.unknown_posts(db, people.kacho) == []  # maybe still sending
    monkeypatch.setattr(publish_recovery, "utcnow", lambda: WHEN + timedelta(minutes=6))
    assert [u.post_id for u in publish_recovery.unknown_posts(db, people.kacho)] == [post_id]
    with pytest.raises(ValidationError):
        publish_recovery.resolve_not_published(db, people.tanto, post_id, "")
    publish_recovery.resolve_not_published(db, people.tanto, post_id, "X の画面で確認したが出ていなかった")
    assert claim(db, post_id) is None


# --- LINE ------------------------------------------------------------------------------------------------------------


def test_line_shows_the_quota_and_broadcasts_or_narrowcasts(
    db: Database, people: People, fake: FakePlatforms, now_in_hours: datetime
) -> None:
    fake.line_standard()
    account = in_state(db, people, AccountStatus.ACTIVE)
    raw = RawConnection(db)
    try:
        raw.execute("UPDATE accounts SET platform = 'line' WHERE id = ?", (account,))
    finally:
        raw.close()
    quota = connections.connect_line(db, people.kacho, account, "line-token")
    assert quota.remaining == 80 and "残り: 80 通" in quota.text()
    info = connections.connection_of(db, people.kacho, account)
    assert info is not None and info.platform is Platform.LINE
    connections.approve_connection(db, people.kyokucho, account, info.version)
    assert publishing.line_quota(db, people.tanto, account).remaining == 80
    post_id = approved_post(db, people, account)
    done = publishing.publish(db, people.tanto, post_id)
    assert fake.sent("/v2/bot/message/broadcast") == [
        {
            "messages": [{"type": "text", "text": "桜島の降灰予報をお知らせします。"}],
            "notificationDisabled": False,
        }
    ]
    assert done.remote_id == "req-121"
    assert post_queries.get_post(db, people.tanto, post_id).row.status is P.PUBLISHED
    # narrowcast to the audience the account names
    connections.connect_line(db, people.kacho, account, "line-token", "4389303728991")
    info = connections.connection_of(db, people.kacho, account)
    assert info is not None and not info.approved  # a new token needs a new approval
    connections.approve_connection(db, people.kyokucho, account, info.version)
    second = approved_post(db, people, account, "天文館の歩行者天国は中止です。")
    publishing.publish(db, people.tanto, second)
    sent = fake.sent("/v2/bot/message/narrowcast")
    assert sent[0]["recipient"] == {"type": "audience", "audienceGroupId": 4389303728991}


def test_a_revoked_line_token_names_who_must_reconnect(
    db: Database, people: People, fake: FakePlatforms, now_in_hours: datetime
) -> None:
    fake.line_standard()
    account = in_state(db, people, AccountStatus.ACTIVE)
    raw = RawConnection(db)
    try:
        raw.execute("UPDATE accounts SET platform = 'line' WHERE id = ?", (account,))
    finally:
        raw.close()
    connections.connect_line(db, people.kacho, account, "line-token")
    info = connections.connection_of(db, people.kacho, account)
    assert info is not None
    connections.approve_connection(db, people.kyokucho, account, info.version)
    platform_tokens.save(db.database_id, account, {"kind": "line", "channel_token": "revoked"})
    post_id = approved_post(db, people, account)
    with pytest.raises(pub.TokenRejectedError, match="観光 課長"):
        publishing.publish(db, people.tanto, post_id)
    assert claim(db, post_id) is None


# --- scheduled posts and the published check --------------------------------------------------------------------


def test_publish_due_sends_what_is_due_and_skips_held_accounts(
    db: Database, people: People, fake: FakePlatforms, x_account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    post_id = approved_post(db, people, x_account)
    planned = post_queries.get_post(db, people.tanto, post_id).row.planned_at
    assert planned is not None
    monkeypatch.setattr(publishing, "utcnow", lambda: planned)
    held = publishing.publish_due(db, people.tanto, exclude_account_ids={x_account}, now=lambda: planned)
    assert held == [] and fake.sent("/2/tweets") == []
    early = publishing.publish_due(db, people.tanto, now=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    assert early == []
    outcomes = publishing.publish_due(db, people.tanto, now=lambda: planned)
    assert [(o.post_id, o.problem) for o in outcomes] == [(post_id, "")]
    assert publishing.publish_due(db, people.tanto, now=lambda: planned) == []  # never twice


def test_an_emergency_stop_holds_what_publish_due_would_send_until_it_is_released(
    db: Database, people: People, fake: FakePlatforms, x_account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """緊急停止 (issue 14 item 8): `publish-due` and the running app send nothing of a stopped account, and a stop
    for every account holds it too; after the release the post goes out as its time has come."""
    from sns_desk.services import emergency_stop

    post_id = approved_post(db, people, x_account)
    planned = post_queries.get_post(db, people.tanto, post_id).row.planned_at
    assert planned is not None
    monkeypatch.setattr(publishing, "utcnow", lambda: planned)
    one = emergency_stop.stop(db, people.kacho, x_account, "大雨の特別警報。予約投稿を止めます")
    assert publishing.publish_due(db, people.tanto, now=lambda: planned) == []
    everyone = emergency_stop.stop(db, people.koho, None, "市内で震度6弱。全アカウントの予約投稿を止めます")
    emergency_stop.release(db, people.kacho, one, "警報解除")
    assert publishing.publish_due(db, people.tanto, now=lambda: planned) == []
    assert fake.sent("/2/tweets") == []
    emergency_stop.release(db, people.koho, everyone, "被害のないことを確認")
    outcomes = publishing.publish_due(db, people.tanto, now=lambda: planned)
    assert [(o.post_id, o.problem) for o in outcomes] == [(post_id, "")]
    assert len(fake.sent("/2/tweets")) == 1


def test_published_check_flags_posts_deleted_or_edited_outside_the_app(
    db: Database, people: People, fake: FakePlatforms, x_account: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publishing, "utcnow", lambda: WHEN)
    kept = approved_post(
        db, people, x_account, "桜島の降灰予報をお知らせします。 https://www.city.kagoshima.lg.jp/a"
    )
    edited = approved_post(db, people, x_account, "天文館の歩行者天国は中止です。")
    deleted = approved_post(db, people, x_account, "明日の市電は通常どおり運行します。")
    ids = {p: publishing.publish(db, people.tanto, p).remote_id for p in (kept, edited, deleted)}
    fake.tweets[ids[kept]]["text"] = (
        "桜島の降灰予報をお知らせします。 https://t.co/abc123"  # X shortens links
    )
    fake.tweets[ids[edited]]["text"] = "天文館の歩行者天国は実施します。"
    del fake.tweets[ids[deleted]]
    monkeypatch.setattr(publish_recovery, "utcnow", lambda: WHEN)
    results = {r.post_id: r for r in publish_recovery.check_published(db, people.tanto, 7)}
    assert results[kept].trouble == ""
    assert "編集" in results[edited].trouble and "§8(2)" in results[edited].trouble
    assert "削除" in results[deleted].trouble
    checks = events(db, "post.publish_check")
    assert len(checks) == 3 and all(c["seen_sha256"] or c["seen"] is None for c in checks)


def test_two_pcs_running_publish_due_at_once_send_each_post_once(tmp_path: Path, fake: FakePlatforms) -> None:
    import multiprocessing

    from sns_desk.services import users
    from sns_desk.store.database import open_database
    from tests import publish_race_worker, world
    from tests.test_post_race import unique_text

    location = str(tmp_path / "shared" / "sns-desk.sqlite3")
    db = open_database(location, create=True, shared=True)
    admin = users.bootstrap_first_admin(db, "admin", "管理 太郎", "総務局", "")
    people = world.make_people(db, admin)
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    posts = [approved_post(db, people, account, unique_text(n)) for n in range(6)]
    planned = max(post_queries.get_post(db, people.tanto, p).row.planned_at for p in posts)  # type: ignore[type-var]
    token = platform_tokens.load(db.database_id, account)
    db.dispose()
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    results: multiprocessing.Queue = ctx.Queue()  # type: ignore[type-arg]
    workers = [
        ctx.Process(
            target=publish_race_worker.publish_due_once,
            args=(location, login, token, account, planned, barrier, results),
        )
        for login in ("tanto", "kacho")
    ]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    sent = [post_id for report in reports for post_id, published, _problem in report if published]
    assert sorted(sent) == posts, reports  # every due post sent by exactly one of the two PCs
    assert len(fake.sent("/2/tweets")) == len(posts)
    assert all(
        problem == "" or "別の PC" in problem or "投稿済" in problem
        for r in reports
        for _p, _ok, problem in r
    )


def test_a_manual_record_is_judged_by_the_same_rule_at_the_time_it_went_out(
    db: Database, people: People, now_in_hours: datetime
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    post_id = approved_post(db, people, account)
    night = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)  # 22:00 JST
    with pytest.raises(ValidationError, match="§5\\(9\\)"):
        post_workflow.record_publication(
            db, people.tanto, post_id, version(db, people.tanto, post_id), "https://x.com/k/status/3", night
        )
    post_workflow.record_publication(
        db, people.tanto, post_id, version(db, people.tanto, post_id), "https://x.com/k/status/3", WHEN
    )
    assert post_queries.get_post(db, people.tanto, post_id).row.status is P.PUBLISHED


def test_a_post_made_by_hand_is_read_back_through_the_connection(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = approved_post(db, people, x_account)
    fake.tweets["1900000000000000500"] = {
        "id": "1900000000000000500",
        "text": "桜島の降灰予報をお知らせします。",
        "created_at": fake.created_at,
    }
    post_workflow.record_publication(
        db,
        people.tanto,
        post_id,
        version(db, people.tanto, post_id),
        "https://x.com/kagoshima_kanko/status/1900000000000000500",
        WHEN,
    )
    assert publish_recovery.read_back_manual(db, people.tanto, post_id) == ""
    fake.tweets["1900000000000000500"]["text"] = "桜島の降灰予報です（手で書き換え）"
    assert "§8(2)" in publish_recovery.read_back_manual(db, people.tanto, post_id)
    proofs = events(db, "post.publish_proof")
    assert len(proofs) == 2 and proofs[0]["trouble"] == "" and proofs[0]["seen_sha256"]
