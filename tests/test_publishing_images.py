"""Images through the platforms (issue 14 item 2): X uploads each approved image (``POST /2/media/upload``, the
one-shot multipart form, ``media_category=tweet_image``) and creates the post with ``media.media_ids``; the bytes
sent are the sealed ones; at most four; every upload failure leaves nothing published; a connection without
``media.write`` says who must connect again.  LINE keeps image posts on the manual route and says why.

The platforms are a local server (tests/platforms.py); every request, the multipart uploads included, is validated
against the X API v2 OpenAPI document.
"""

# ruff: noqa: F811  (the fixtures imported from tests/test_publishing.py are the parameters of the tests)

from __future__ import annotations

from datetime import datetime

import pytest
from werkzeug import Request, Response

from sns_desk.domain import publication as pub
from sns_desk.domain.errors import ValidationError
from sns_desk.domain.vocabulary import AccountStatus, Platform, PostStatus
from sns_desk.services import (
    connections,
    post_attachments,
    post_drafts,
    post_queries,
    post_workflow,
    publishing,
)
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from tests.platforms import FakePlatforms, json_response
from tests.test_posts import ALL_CHECKED, in_hours
from tests.test_publishing import (  # noqa: F401  (fixtures)
    claim,
    connect_x,
    events,
    fake,
    now_in_hours,
    version,
    x_account,
)
from tests.world import People, RawConnection, in_state

BOTH_BACKENDS = True
P = PostStatus
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8  # bytes X must receive unchanged, every value included
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + bytes(reversed(range(256))) * 4 + b"\xff\xd9"
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(range(28))
GIF = b"GIF89a" + b"\x01\x00\x01\x00\x80\x00\x00" + bytes(range(64)) + b";"
BODY = "桜島の降灰の範囲は地図のとおりです。"


def image_post(db: Database, people: People, account: int, images: list[tuple[str, bytes]]) -> int:
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, BODY, planned_at=in_hours()))
    for name, data in images:
        post_attachments.add_attachment(db, people.tanto, post_id, name, data)
    post_workflow.submit(db, people.tanto, post_id, version(db, people.tanto, post_id), ALL_CHECKED)
    post_workflow.approve(db, people.kacho, post_id, version(db, people.kacho, post_id))
    return post_id


def nothing_published(db: Database, people: People, fake: FakePlatforms, post_id: int) -> None:
    assert fake.tweets == {}
    assert post_queries.get_post(db, people.tanto, post_id).row.status is P.APPROVED
    assert claim(db, post_id) is None


def test_x_uploads_exactly_the_sealed_images_then_posts_with_their_media_ids(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = image_post(db, people, x_account, [("map.png", PNG), ("photo.jpg", JPEG), ("sky.webp", WEBP)])
    assert publishing.plan(db, people.tanto, post_id).allowed
    done = publishing.publish(db, people.tanto, post_id, version(db, people.tanto, post_id))
    assert [u["bytes"] for u in fake.uploads] == [PNG, JPEG, WEBP]  # byte for byte, in the approved order
    assert [u["form"] for u in fake.uploads] == [
        {"media_category": "tweet_image", "media_type": "image/png"},
        {"media_category": "tweet_image", "media_type": "image/jpeg"},
        {"media_category": "tweet_image", "media_type": "image/webp"},
    ]
    media_ids = [u["media_id"] for u in fake.uploads]
    assert fake.sent("/2/tweets") == [{"text": BODY, "media": {"media_ids": media_ids}}]
    assert post_queries.get_post(db, people.tanto, post_id).row.status is P.PUBLISHED
    proof = events(db, "post.publish")[-1]
    assert proof["images_sent"] == 3 and proof["images_seen"] == 3 and proof["read_back"] is True
    assert proof["proof"]["media_keys"] == [f"3_{m}" for m in media_ids]  # type: ignore[index]
    assert done.remote_id in fake.tweets
    assert publishing.image_note(db, people.tanto, post_id) == ""  # nothing to warn of in the editor


def test_a_gif_goes_through_the_chunked_upload_and_waits_for_processing(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    """X takes a GIF only through initialize/append/finalize (tweet_gif), and processes it before a post may carry
    it; one larger than a segment goes in several, and X receives the same bytes."""
    big = GIF + bytes(range(256)) * (18 * 1024)  # about 4.5 MB: two APPEND segments
    fake.processing_rounds = 2
    post_id = image_post(db, people, x_account, [("eruption.gif", big)])
    publishing.publish(db, people.tanto, post_id)
    (upload,) = fake.uploads
    assert upload["bytes"] == big and upload["segments"] == 2
    assert upload["form"] == {"media_category": "tweet_gif", "media_type": "image/gif"}
    assert fake.sent("/2/tweets") == [{"text": BODY, "media": {"media_ids": [upload["media_id"]]}}]
    assert fake.chunked[upload["media_id"]]["rounds"] == 3  # finalize, then STATUS until it succeeded
    assert post_queries.get_post(db, people.tanto, post_id).row.status is P.PUBLISHED


def test_a_gif_that_x_fails_to_process_leaves_nothing_published(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = image_post(db, people, x_account, [("eruption.gif", GIF)])
    fake.processing_outcome = "failed"
    with pytest.raises(pub.PlatformFailureError, match="投稿はされていません"):
        publishing.publish(db, people.tanto, post_id)
    assert fake.sent("/2/tweets") == []
    nothing_published(db, people, fake, post_id)


def test_an_image_changed_behind_the_app_after_approval_refuses_before_any_upload(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = image_post(db, people, x_account, [("map.png", PNG)])
    raw = RawConnection(db)
    try:  # same name, same recorded hash, other bytes: only hashing the bytes finds it
        raw.execute("UPDATE attachments SET data = ? WHERE post_id = ?", (PNG[:-1] + b"\x00", post_id))
    finally:
        raw.close()
    assert "差し替え" in publishing.plan(db, people.tanto, post_id).allowed.reason
    with pytest.raises(ValidationError, match="承認された内容と違う"):
        publishing.publish(db, people.tanto, post_id)
    assert fake.uploads == []
    nothing_published(db, people, fake, post_id)


def test_five_images_are_refused_before_sending_with_the_limit_named(
    db: Database,
    people: People,
    fake: FakePlatforms,
    x_account: int,
    now_in_hours: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the editor stops at four (the same constant); a post from a version that allowed more is still refused
    monkeypatch.setattr(post_attachments, "MAX_ATTACHMENTS", 5)
    images = [(f"{n}.png", PNG + bytes([n])) for n in range(5)]
    post_id = image_post(db, people, x_account, images)
    offered = publishing.plan(db, people.tanto, post_id)
    assert not offered.allowed and "4 枚までです（この投稿は 5 枚）" in offered.allowed.reason
    with pytest.raises(ValidationError, match="4 枚まで"):
        publishing.publish(db, people.tanto, post_id)
    assert fake.uploads == []
    nothing_published(db, people, fake, post_id)


def test_the_editor_refuses_a_fifth_image(db: Database, people: People, x_account: int) -> None:
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(x_account, BODY, planned_at=in_hours()))
    for n in range(pub.MAX_IMAGES):
        post_attachments.add_attachment(db, people.tanto, post_id, f"{n}.png", PNG + bytes([n]))
    with pytest.raises(ValidationError, match="4 枚まで"):
        post_attachments.add_attachment(db, people.tanto, post_id, "4.png", PNG + b"\x04")


def _upload_answers(
    fake: FakePlatforms, status: int, body: dict[str, object], headers: dict[str, str]
) -> None:
    def refuse(request: Request) -> Response:
        return json_response(body, status, headers)

    fake.server.clear_all_handlers()
    fake.x("POST", "/2/media/upload", refuse)
    fake.x("POST", "/2/tweets", refuse)  # must not be reached


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
        (503, {"title": "Service Unavailable", "status": 503}, {}, pub.PlatformFailureError, "503"),
        (403, {"title": "Forbidden", "status": 403}, {}, pub.MediaScopeMissingError, "media.write"),
    ],
)
def test_an_upload_refused_leaves_nothing_published_and_the_post_sendable(
    db: Database,
    people: People,
    fake: FakePlatforms,
    x_account: int,
    now_in_hours: datetime,
    status: int,
    body: dict[str, object],
    headers: dict[str, str],
    error: type[pub.PublishError],
    words: str,
) -> None:
    post_id = image_post(db, people, x_account, [("map.png", PNG)])
    _upload_answers(fake, status, body, headers)
    with pytest.raises(error) as raised:
        publishing.publish(db, people.tanto, post_id)
    assert words in raised.value.message and "投稿はされていません" in raised.value.message
    assert fake.sent("/2/tweets") == []
    nothing_published(db, people, fake, post_id)  # a 5xx at upload is no 投稿状態不明: no post was created
    assert events(db, "post.publish_failed")
    assert publishing.plan(db, people.tanto, post_id).allowed


def test_a_revoked_token_at_upload_names_who_must_reconnect(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = image_post(db, people, x_account, [("map.png", PNG)])
    fake.tokens = {"access": "revoked", "refresh": "revoked"}
    with pytest.raises(pub.TokenRejectedError, match="観光 課長"):
        publishing.publish(db, people.tanto, post_id)
    assert fake.uploads == []
    nothing_published(db, people, fake, post_id)


def test_network_down_at_upload_leaves_nothing(
    db: Database,
    people: People,
    fake: FakePlatforms,
    x_account: int,
    now_in_hours: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    post_id = image_post(db, people, x_account, [("map.png", PNG)])
    monkeypatch.setenv("SNS_DESK_X_API", "http://127.0.0.1:9")  # nothing listens there
    with pytest.raises(pub.NetworkDownError, match="接続できません"):
        publishing.publish(db, people.tanto, post_id)
    nothing_published(db, people, fake, post_id)


def test_media_ids_are_uploaded_afresh_for_each_attempt(
    db: Database, people: People, fake: FakePlatforms, x_account: int, now_in_hours: datetime
) -> None:
    post_id = image_post(db, people, x_account, [("map.png", PNG)])
    fake.server.clear_all_handlers()

    def refuse(request: Request) -> Response:
        return json_response({"title": "Invalid Request", "status": 400}, 400)

    fake.x("POST", "/2/media/upload", fake.x_media_upload)
    fake.x("POST", "/2/tweets", refuse)
    with pytest.raises(pub.PlatformFailureError):
        publishing.publish(db, people.tanto, post_id)
    nothing_published(db, people, fake, post_id)
    fake.server.clear_all_handlers()
    fake.x_standard()
    publishing.publish(db, people.tanto, post_id)
    first, second = (body["media"]["media_ids"] for body in fake.sent("/2/tweets"))
    assert len(fake.uploads) == 2 and first != second
    assert second == [fake.uploads[1]["media_id"]]


def test_a_connection_without_media_write_says_who_must_reconnect_and_text_still_goes(
    db: Database, people: People, fake: FakePlatforms, now_in_hours: datetime
) -> None:
    fake.granted_scope = "tweet.read tweet.write users.read offline.access"  # connected before images
    account = in_state(db, people, AccountStatus.ACTIVE)
    connect_x(db, people, account, fake)
    post_id = image_post(db, people, account, [("map.png", PNG)])
    with pytest.raises(pub.MediaScopeMissingError) as raised:
        publishing.publish(db, people.tanto, post_id)
    assert "media.write" in raised.value.message and "観光 課長" in raised.value.message
    assert fake.uploads == []
    nothing_published(db, people, fake, post_id)
    text_only = post_drafts.create_draft(
        db, people.tanto, PostInput(account, "天文館の歩行者天国は中止です。", planned_at=in_hours())
    )
    post_workflow.submit(db, people.tanto, text_only, version(db, people.tanto, text_only), ALL_CHECKED)
    post_workflow.approve(db, people.kacho, text_only, version(db, people.kacho, text_only))
    publishing.publish(db, people.tanto, text_only)
    assert fake.sent("/2/tweets") == [{"text": "天文館の歩行者天国は中止です。"}]


def test_line_keeps_image_posts_on_the_manual_route_and_says_why(
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
    assert info is not None and info.platform is Platform.LINE
    connections.approve_connection(db, people.kyokucho, account, info.version)
    post_id = image_post(db, people, account, [("map.png", PNG)])
    offered = publishing.plan(db, people.tanto, post_id)
    assert not offered.allowed and offered.may_record
    assert "公開 HTTPS サーバー" in offered.allowed.reason
    assert "LINE Official Account Manager" in offered.allowed.reason
    assert publishing.image_note(db, people.tanto, post_id) == offered.allowed.reason  # the editor's note
    with pytest.raises(ValidationError, match="LINE Official Account Manager"):
        publishing.publish(db, people.tanto, post_id)
    assert fake.sent("/v2/bot/message/broadcast") == [] and claim(db, post_id) is None


def test_image_refusal_per_platform() -> None:
    image = pub.ImageFacts("map.png", "image/png", 1000)
    assert pub.image_refusal(Platform.X, [image] * 4) == ""
    assert "4 枚まで" in pub.image_refusal(Platform.X, [image] * 5)
    assert "5 MB" in pub.image_refusal(Platform.X, [pub.ImageFacts("big.png", "image/png", 6 * 1024 * 1024)])
    gif = pub.ImageFacts("a.gif", "image/gif", 10)
    assert pub.image_refusal(Platform.X, [gif]) == ""
    assert "GIF 1 枚" in pub.image_refusal(Platform.X, [gif, image])
    assert "形式" in pub.image_refusal(Platform.X, [pub.ImageFacts("a.bmp", "image/bmp", 10)])
    assert pub.image_refusal(Platform.LINE, []) == ""
    assert "LINE Official Account Manager" in pub.image_refusal(Platform.LINE, [image])
    assert not pub.lacks_media_scope("") and pub.lacks_media_scope("tweet.read tweet.write")
    assert not pub.lacks_media_scope("tweet.write media.write")
