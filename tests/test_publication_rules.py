"""The rules of publication as pure functions (issue 14): may_publish (§4(1)ウ, §5(9)), the trouble candidates of
§8 and the compose pages of the manual route."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

from sns_desk.domain import policy as pol
from sns_desk.domain import publication as pub
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sns_desk.domain.hours import verdict
from sns_desk.domain.vocabulary import AccountStatus, Platform, PostStatus, Role
from sns_desk.domain.workflow import PostFacts, may_publish

POLICY = pol.PolicyData.office_hours()
MORNING = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)  # Tuesday 10:00 JST
NIGHT = datetime(2026, 12, 1, 13, 0, tzinfo=UTC)  # Tuesday 22:00 JST


def facts(status: PostStatus = PostStatus.APPROVED, role: Role = Role.STAFF) -> PostFacts:
    return PostFacts(status, frozenset({role}), False, False, "鹿児島市観光公式X", AccountStatus.ACTIVE)


def test_an_approved_post_goes_out_inside_the_hours_or_as_an_emergency_with_its_reason() -> None:
    assert may_publish(facts(), verdict(POLICY, MORNING, False, ""))
    night = may_publish(facts(), verdict(POLICY, NIGHT, False, ""))
    assert not night and night.error is ValidationError and "§5(9)" in night.reason
    assert not may_publish(facts(), verdict(POLICY, NIGHT, True, ""))  # the flag alone is not enough
    assert may_publish(facts(), verdict(POLICY, NIGHT, True, "噴火速報"))


def test_only_an_approved_post_and_only_its_writers() -> None:
    pending = may_publish(facts(PostStatus.PENDING), verdict(POLICY, MORNING, False, ""))
    assert not pending and pending.error is ConflictError
    stranger = may_publish(facts(role=Role.PR), verdict(POLICY, MORNING, False, ""))
    assert not stranger and stranger.error is PermissionDeniedError


def test_a_post_read_back_is_compared_as_the_platform_shows_text() -> None:
    sent = "花火大会 & 交通規制 https://www.city.kagoshima.lg.jp/hanabi"
    shown = pub.SeenPost(
        "1", "花火大会 &amp; 交通規制 https://t.co/Ab12", MORNING, "https://x.com/k/status/1"
    )
    assert pub.trouble(sent, shown) == ""
    assert "§8(3)" in pub.trouble(sent, None)
    edited = pub.SeenPost("1", "花火大会は中止", MORNING, "")
    assert "§8(2)" in pub.trouble(sent, edited)
    assert shown.proof_sha256() != edited.proof_sha256()


def test_compose_pages_carry_the_approved_text() -> None:
    url = pub.compose_url(Platform.X, "桜島 #降灰")
    assert url is not None
    parsed = urlparse(url)
    assert parsed.netloc == "x.com" and parse_qs(parsed.query)["text"] == ["桜島 #降灰"]
    assert pub.compose_url(Platform.THREADS, "a") is not None
    assert pub.compose_url(Platform.LINE, "a") is None and pub.compose_url(Platform.FACEBOOK, "a") is None


def test_the_content_fingerprint_changes_with_the_text_or_an_image() -> None:
    base = pub.content_fingerprint("本文", ["aa"])
    assert base == pub.content_fingerprint("本文", ["aa"])
    assert base != pub.content_fingerprint("本文。", ["aa"]) and base != pub.content_fingerprint(
        "本文", ["ab"]
    )
