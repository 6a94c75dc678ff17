"""「投稿状態不明」 and 「公開状態を確認」 (issue 14 items 2 and 5).

A post whose sending got no answer (or whose PC stopped between sending and recording) keeps its claim: nobody can
send it again until a person resolves it.  The app offers to look it up on the platform (X: the account's recent
posts with the same text); the person then records it as published (found, or a URL they checked) or as not
published (the claim goes and the post may be sent again).

The check of published posts reads each recent post back and flags one deleted or edited outside the app as a
trouble candidate (§8); every reading goes into the audit chain with its hash.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from sns_desk.domain import publication as pub
from sns_desk.domain.errors import NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.validation import URL_RE
from sns_desk.domain.vocabulary import Platform
from sns_desk.host.x_api import XClient
from sns_desk.services import publishing
from sns_desk.services.access import visible_account_ids
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Post, utcnow
from sns_desk.store.publishing_tables import PublishClaim

log = logging.getLogger(__name__)
S = pub.ClaimState


@dataclass(frozen=True)
class UnknownPost:
    post_id: int
    account_id: int
    account_name: str
    platform: Platform
    text: str
    claimed_at: datetime
    claimed_by: str
    host: str
    problem: str


def _claim_of(step: Step, post_id: int) -> PublishClaim:
    claim = step.session.scalars(select(PublishClaim).where(PublishClaim.post_id == post_id)).first()
    if claim is None:
        raise NotFoundError("この投稿には送信の記録がありません。")
    return claim


def unknown_posts(db: Database, actor: Actor) -> list[UnknownPost]:
    """Every 「投稿状態不明」 post the person may see: no answer came, or the sending PC stopped."""

    def work(step: Step) -> list[UnknownPost]:
        visible = visible_account_ids(step.session, step.me)
        stale = utcnow() - timedelta(seconds=pub.STALE_CLAIM_SECONDS)
        rows = step.session.execute(
            select(PublishClaim, Post)
            .join(Post, Post.id == PublishClaim.post_id)
            .where(
                (PublishClaim.state == S.UNKNOWN.value)
                | ((PublishClaim.state == S.SENDING.value) & (PublishClaim.claimed_at < stale))
            )
            .order_by(PublishClaim.claimed_at)
        ).all()
        return [
            UnknownPost(
                post.id,
                post.account_id,
                post.account.name,
                post.account.platform,
                post.body,
                claim.claimed_at,
                claim.claimed_by.display_name,
                claim.host,
                claim.problem or "送信中に処理が止まりました（PC の停止など）。",
            )
            for claim, post in rows
            if visible is None or post.account_id in visible
        ]

    return look(db, actor, work)


def look_up(db: Database, actor: Actor, post_id: int) -> pub.SeenPost | None:
    """Look for the post on the platform (X: the account's posts since the claim, with the same text)."""

    def read(step: Step) -> tuple[int, datetime, str]:
        post = step.load(Post, post_id)
        step.see(post.account_id)
        claim = _claim_of(step, post_id)
        return post.account_id, claim.claimed_at, post.body

    account_id, claimed_at, text = look(db, actor, read)
    client, info = publishing._clients(db, actor, account_id)
    if not isinstance(client, XClient):
        raise ValidationError(
            "LINE は送信済みのメッセージを読み出せません。LINE Official Account Manager の「メッセージ配信」で"
            "配信されたかどうかを確認してください。"
        )
    try:
        found = client.recent_posts(info.remote_user_id, claimed_at - timedelta(minutes=1))
    finally:
        client.close()
    return next((seen for seen in found if pub.same_text(text, seen.text)), None)


def resolve_published(db: Database, actor: Actor, post_id: int, seen: pub.SeenPost) -> publishing.Published:
    """The person confirmed the post went out (found by :func:`look_up`)."""
    _require_resolver(db, actor, post_id)
    return publishing.record_sent(db, actor, post_id, seen, "resolved", read_back=True)


def resolve_by_url(db: Database, actor: Actor, post_id: int, url: str, at: datetime) -> publishing.Published:
    """The person checked the platform themselves and enters the post's URL and time."""
    url = url.strip()
    if not URL_RE.match(url):
        raise ValidationError("投稿の URL を https:// で始まる形で入力してください。")
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    _require_resolver(db, actor, post_id)
    text = look(db, actor, lambda step: step.load(Post, post_id).body)
    remote_id = url.rstrip("/").rsplit("/", 1)[-1]
    return publishing.record_sent(
        db, actor, post_id, pub.SeenPost(remote_id, text, at, url), "resolved by hand", read_back=False
    )


def resolve_not_published(db: Database, actor: Actor, post_id: int, note: str) -> None:
    """The person checked that the post did not go out: the claim goes, the post may be sent again."""
    note = note.strip()
    if not note:
        raise ValidationError("投稿されていないことをどう確認したかを記入してください。")

    def work(step: Step) -> None:
        post = step.load(Post, post_id)
        step.require(Permission.RECORD_PUBLICATION, post.account_id)
        claim = _claim_of(step, post_id)
        if claim.state == S.PUBLISHED:
            raise ValidationError("この投稿は投稿済みとして記録されています。")
        step.session.delete(claim)
        step.audit("post.publish_resolved", "post", post_id, {"published": False, "note": note})

    change(db, actor, work, what="publish resolve")


def _require_resolver(db: Database, actor: Actor, post_id: int) -> None:
    def work(step: Step) -> None:
        post = step.load(Post, post_id)
        step.require(Permission.RECORD_PUBLICATION, post.account_id)
        claim = _claim_of(step, post_id)
        if claim.state == S.PUBLISHED:
            raise ValidationError("この投稿は既に投稿済みとして記録されています。")

    look(db, actor, work)


# --- 公開状態の確認 (§8) ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedPost:
    post_id: int
    account_name: str
    url: str
    trouble: str  # "" when the post still shows what was approved
    note: str  # why it could not be checked, if it could not


def check_published(db: Database, actor: Actor, days: int) -> list[CheckedPost]:
    """Read back every post sent through a connection in the last ``days`` days (on the accounts whose tokens are
    on this PC) and flag each deleted or edited outside the app; each reading is audited with its hash."""
    if days < 1:
        raise ValidationError("日数は 1 以上で指定してください。")

    def read(step: Step) -> list[tuple[int, int, str, str, str, str]]:
        visible = visible_account_ids(step.session, step.me)
        since = utcnow() - timedelta(days=days)
        rows = step.session.execute(
            select(PublishClaim, Post)
            .join(Post, Post.id == PublishClaim.post_id)
            .where(PublishClaim.state == S.PUBLISHED.value, PublishClaim.confirmed_at >= since)
            .order_by(PublishClaim.confirmed_at)
        ).all()
        return [
            (post.id, post.account_id, post.account.name, claim.remote_id, claim.remote_url, post.body)
            for claim, post in rows
            if (visible is None or post.account_id in visible) and claim.platform == Platform.X.value
        ]

    results: list[CheckedPost] = []
    clients: dict[int, XClient | None] = {}
    for post_id, account_id, account_name, remote_id, url, body in look(db, actor, read):
        if account_id not in clients:
            try:
                found, _info = publishing._clients(db, actor, account_id)
                clients[account_id] = found if isinstance(found, XClient) else None
            except (ValidationError, pub.PublishError) as error:
                clients[account_id] = None
                log.info("published check: account %s skipped: %s", account_id, error.log_message)
        x_client = clients[account_id]
        if x_client is None:
            results.append(
                CheckedPost(post_id, account_name, url, "", "この PC では連携が使えないため確認できません。")
            )
            continue
        try:
            seen = x_client.read_post(remote_id)
        except pub.PublishError as error:
            results.append(CheckedPost(post_id, account_name, url, "", error.message))
            continue
        trouble = pub.trouble(body, seen)
        _record_check(db, actor, post_id, seen, trouble)
        results.append(CheckedPost(post_id, account_name, url, trouble, ""))
    for opened in clients.values():
        if opened is not None:
            opened.close()
    return results


def _record_check(db: Database, actor: Actor, post_id: int, seen: pub.SeenPost | None, trouble: str) -> None:
    def work(step: Step) -> None:
        post = step.load(Post, post_id)
        step.see(post.account_id)
        claim = _claim_of(step, post_id)
        claim.checked_at, claim.check_result = utcnow(), trouble
        step.audit(
            "post.publish_check",
            "post",
            post_id,
            {
                "seen": seen.as_proof() if seen else None,
                "seen_sha256": seen.proof_sha256() if seen else None,
                "trouble": trouble,
            },
        )

    change(db, actor, work, what="publish check")


# --- the manual route, read back ----------------------------------------------------------------------------------

_STATUS_ID = re.compile(r"/status(?:es)?/(\d+)")


def read_back_manual(db: Database, actor: Actor, post_id: int) -> str:
    """After a post made by hand was recorded with its URL: where the account's X connection is on this PC, read the
    post back and compare it with the approved text; the reading goes into the audit chain with its hash.
    Returns what is wrong ("" when X shows the approved text)."""

    def read(step: Step) -> tuple[int, str, str]:
        post = step.load(Post, post_id)
        step.require(Permission.RECORD_PUBLICATION, post.account_id)
        return post.account_id, post.published_url, post.body

    account_id, url, body = look(db, actor, read)
    match = _STATUS_ID.search(url)
    if match is None:
        raise ValidationError("URL から投稿の番号（/status/…）が読み取れないため、読み返せません。")
    client, _info = publishing._clients(db, actor, account_id)
    if not isinstance(client, XClient):
        raise ValidationError("LINE は送信済みのメッセージを読み返せません。")
    try:
        seen = client.read_post(match.group(1))
    finally:
        client.close()
    trouble = pub.trouble(body, seen)

    def work(step: Step) -> None:
        step.require(Permission.RECORD_PUBLICATION, account_id)
        step.audit(
            "post.publish_proof",
            "post",
            post_id,
            {
                "seen": seen.as_proof() if seen else None,
                "seen_sha256": seen.proof_sha256() if seen else None,
                "trouble": trouble,
            },
        )

    change(db, actor, work, what="publish proof")
    return trouble
