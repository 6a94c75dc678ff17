"""Publishing an approved post through its account's connection (issue 14 item 2): exactly as approved, never twice.

1. Just before sending, the text and images are hashed and compared with the revision the decision (its 電子印鑑,
   checked now) covers; any difference refuses.  Whether the post may go out now is
   :func:`sns_desk.domain.workflow.may_publish` (status, role, account, operating hours §5(9)).
2. A claim row is written in the database (unique per post) before the request leaves: a second PC, a second
   ``publish-due`` or a retry finds it and sends nothing.
3. Only when the platform confirmed it is the post recorded as 投稿済, with the platform's id, URL and time, and
   the post as read back (proof of publication, item 5) goes into the audit chain with its hash.
4. A refusal the platform gave removes the claim (nothing went out; the person may try again).  No answer after
   the request left (or a crash before recording) leaves the claim: the post is 「投稿状態不明」 until a person
   resolves it (:mod:`sns_desk.services.publish_recovery`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Set
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sns_desk.domain import publication as pub
from sns_desk.domain.errors import ConflictError, NotFoundError, SnsDeskError, ValidationError
from sns_desk.domain.hours import HoursVerdict, verdict
from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import DecisionKind, Platform, PostStatus
from sns_desk.domain.workflow import (
    TRANSITIONS,
    Allowed,
    PostAction,
    may_act,
    may_publish,
    publication_action,
    refuse,
)
from sns_desk.host import identity, platform_tokens
from sns_desk.host.line_api import LineClient, Quota, retry_key
from sns_desk.host.platform_endpoints import endpoints
from sns_desk.host.x_api import XClient
from sns_desk.services import connections, emergency_stop, mail_outbox, revisions
from sns_desk.services.account_policies import current_policy
from sns_desk.services.actors import Actor
from sns_desk.services.post_access import facts
from sns_desk.services.seal_check import seals
from sns_desk.services.signing import POST_DECISION
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Attachment, Post, PostDecision, PostRevision, utcnow
from sns_desk.store.publishing_tables import PlatformConnection, PublishClaim

log = logging.getLogger(__name__)
S = pub.ClaimState


# --- what goes out, checked against what was approved ------------------------------------------------------------


def approved_content(session: Session, post: Post) -> tuple[str, str]:
    """(fingerprint of what goes out, "" or why it is not exactly what was approved)."""
    images = list(
        session.scalars(select(Attachment).where(Attachment.post_id == post.id).order_by(Attachment.id))
    )
    image_hashes = [pub.sha256_bytes(a.data) for a in images]
    fingerprint = pub.content_fingerprint(post.body, image_hashes)
    if post.status is PostStatus.PENDING:
        # 事後承認 (§5(9)): nothing is approved yet; what goes out is the submitted revision (a 承認待ち post
        # cannot be edited), and the 管理者's decision afterwards is signed over that revision
        return fingerprint, ""
    decision = session.scalars(
        select(PostDecision)
        .where(
            PostDecision.post_id == post.id,
            PostDecision.kind.in_([DecisionKind.APPROVE, DecisionKind.SCOPE]),
        )
        .order_by(PostDecision.id.desc())
    ).first()
    if decision is None:
        return fingerprint, "この投稿の承認の記録が見つかりません。"
    if decision.kind is DecisionKind.APPROVE:
        seal = seals(session, POST_DECISION, [decision.id]).get(decision.id, "")
        if seal and not seal.startswith("電子印鑑 ✓"):
            return fingerprint, f"承認の電子印鑑を確かめられません: {seal.removeprefix('⚠ ')}"
    latest = session.scalar(
        select(PostRevision.number)
        .where(PostRevision.post_id == post.id)
        .order_by(PostRevision.number.desc())
    )
    revision = session.scalars(
        select(PostRevision).where(
            PostRevision.post_id == post.id, PostRevision.number == decision.revision_number
        )
    ).first()
    if revision is None or latest != decision.revision_number:
        return fingerprint, "承認の後に投稿が編集されています。"
    if pub.sha256_text(revision.body) != pub.sha256_text(post.body):
        return fingerprint, "本文が承認された版と違います。"
    for image, digest in zip(images, image_hashes, strict=True):
        if digest != image.sha256 or image.added_at > decision.decided_at:
            return fingerprint, f"画像「{image.filename}」が承認の後に差し替えられています。"
    # the images are part of the approved revision and of what its 電子印鑑 covers (issue 16 item 2): the bytes
    # about to go out, in order, must be exactly those (an image removed or added behind the app is caught here)
    sealed = revisions.sealed_revision(session, post.id, decision.revision_number)
    if sealed is not None and sealed.get("images", image_hashes) != image_hashes:
        return fingerprint, "画像が承認された版と違います（追加・削除・差し替え・順序）。"
    return fingerprint, ""


# --- what the person is offered ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishPlan:
    """What 「投稿する」 shows: the text, whether it may go out now (and why not), through which connection."""

    post_id: int
    version: int
    platform: Platform
    account_name: str
    text: str
    has_images: bool
    allowed: Allowed  # may the post go out now (the rule, the content check, the connection)
    may_record: Allowed  # may the person record a manual publication (its time is judged when recorded)
    hours: HoursVerdict
    connection: connections.ConnectionInfo | None
    claim_state: pub.ClaimState | None
    claim_problem: str
    compose_url: str | None
    after_approval: bool = (
        False  # a 承認待ち emergency post: it goes out first and waits for 事後承認 (§5(9))
    )
    image_count: int = 0  # the approved images that go out with the text (X uploads them first)


def _connection_refusal(row: PlatformConnection | None, image_problem: str) -> str:
    if row is None:
        return "このアカウントは連携されていません。本文をコピーして手作業で投稿し、URL を記録してください。"
    if row.approved_at is None:
        return "このアカウントの連携はアカウント責任者の承認待ちです。"
    if row.host != connections.this_pc() or row.host_login != identity.current_login():
        return f"連携のトークンは {row.host}（{row.host_login}）に保管されています。その PC から投稿してください。"
    return image_problem  # what the platform takes of the images (domain/publication.py image_refusal)


def _image_facts(session: Session, post_id: int) -> list[pub.ImageFacts]:
    rows = session.execute(
        select(Attachment.filename, Attachment.mime, Attachment.size)
        .where(Attachment.post_id == post_id)
        .order_by(Attachment.id)
    )
    return [pub.ImageFacts(filename, mime, size) for filename, mime, size in rows]


def _claim_refusal(claim: PublishClaim | None) -> str:
    if claim is None:
        return ""
    if claim.state == S.PUBLISHED:
        return "この投稿は既に送信されています。"
    if claim.state == S.UNKNOWN or _stale(claim):
        return "この投稿は「投稿状態不明」です。先に投稿されたかどうかを確認してください。"
    return "この投稿はいま別の PC（または別の処理）が送信しています。"


def _stale(claim: PublishClaim) -> bool:
    return claim.state == S.SENDING and utcnow() - claim.claimed_at > timedelta(
        seconds=pub.STALE_CLAIM_SECONDS
    )


def _plan(step: Step, post_id: int, when: datetime) -> tuple[PublishPlan, str]:
    session = step.session
    post = step.load(Post, post_id)
    step.see(post.account_id)
    hours = verdict(current_policy(session, post.account_id), when, post.emergency, post.emergency_reason)
    rule = may_publish(facts(session, step.me, post), hours)  # 承認済, or 承認待ち as 事後承認 (§5(9))
    fingerprint, content_problem = approved_content(session, post)
    row = session.get(PlatformConnection, post.account_id)
    claim = session.scalars(select(PublishClaim).where(PublishClaim.post_id == post.id)).first()
    images = _image_facts(session, post.id)
    has_images = bool(images)
    allowed = rule
    if allowed and content_problem:
        allowed = refuse(f"承認された内容と違うため投稿できません: {content_problem}", ValidationError)
    if allowed and (why := _claim_refusal(claim)):
        allowed = refuse(why, ConflictError)
    if allowed and (why := _connection_refusal(row, pub.image_refusal(post.account.platform, images))):
        allowed = refuse(why, ValidationError)
    # a manual record is judged at the time the person enters (post_workflow.record_publication asks may_publish)
    post_facts = facts(session, step.me, post)
    may_record = may_act(publication_action(post.status), post_facts)
    if may_record and claim is not None:
        may_record = refuse(_claim_refusal(claim), ConflictError)
    plan = PublishPlan(
        post.id,
        post.version,
        post.account.platform,
        post.account.name,
        post.body,
        has_images,
        allowed,
        may_record,
        hours,
        connections._info(row) if row else None,
        S(claim.state) if claim else None,
        claim.problem if claim else "",
        pub.compose_url(post.account.platform, post.body),
        publication_action(post.status) is PostAction.PUBLISH_FIRST,
        image_count=len(images),
    )
    return plan, fingerprint


def image_note(db: Database, actor: Actor, post_id: int) -> str:
    """For the editor: what the post's platform will not take of its images, and what to do ("" when the app sends
    them as they are, or the post has none) — the same rule 「投稿する」 applies (domain image_refusal)."""

    def work(step: Step) -> str:
        post = step.load(Post, post_id)
        step.see(post.account_id)
        return pub.image_refusal(post.account.platform, _image_facts(step.session, post.id))

    return look(db, actor, work)


def plan(db: Database, actor: Actor, post_id: int) -> PublishPlan:
    """What 「投稿する」 offers now (for the person looking; refusals carry their reasons)."""
    return look(db, actor, lambda step: _plan(step, post_id, utcnow())[0])


def line_quota(db: Database, actor: Actor, account_id: int) -> Quota:
    """The month's remaining LINE messages (shown before sending)."""
    _client, _info = _clients(db, actor, account_id)
    if not isinstance(_client, LineClient):
        raise ValidationError("LINE のアカウントではありません。")
    return _client.quota()


# --- the clients, with the token from this PC's keyring -----------------------------------------------------------


def _clients(
    db: Database, actor: Actor, account_id: int
) -> tuple[XClient | LineClient, connections.ConnectionInfo]:
    info = connections.connection_of(db, actor, account_id)
    if info is None:
        raise ValidationError("このアカウントは連携されていません。")
    if not info.here:
        raise ValidationError(
            f"連携のトークンは {info.where()} に保管されています。その PC から操作してください。"
        )
    stored = platform_tokens.load(db.database_id, account_id)
    who = connections.reconnect_who(db, actor, account_id)
    if stored is None:
        raise pub.TokenRejectedError(info.platform.label, who)
    where = endpoints()
    if info.platform is Platform.LINE:
        return LineClient(where.line_api, str(stored.get("channel_token", "")), who), info

    def keep(token: dict[str, object]) -> None:
        platform_tokens.save(db.database_id, account_id, {**stored, "token": token})

    client = XClient(
        where.x_api,
        where.x_token,
        str(stored.get("client_id", info.client_id)),
        dict(stored.get("token") or {}),
        keep,
        who,
        info.remote_name.lstrip("@"),
    )
    return client, info


# --- sending -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Published:
    post_id: int
    remote_id: str
    url: str
    at: datetime
    outside_hours: bool


@dataclass(frozen=True)
class Claimed:
    """A claim written, and what goes out under it: the text and the images, the very bytes whose hashes were
    compared with the approved revision in the same transaction (:func:`approved_content`)."""

    claim_id: int
    text: str
    audience: str
    fingerprint: str
    images: tuple[tuple[str, str, bytes], ...]  # (filename, mime, bytes) in order


def _claim(db: Database, actor: Actor, post_id: int, expected_version: int | None) -> Claimed:
    """Write the claim (before anything is sent)."""

    def work(step: Step) -> Claimed:
        post = step.load(Post, post_id)
        if expected_version is not None and post.version != expected_version:
            raise ConflictError(
                "この投稿は他の人が先に操作しました。最新の内容を確認してから、もう一度操作してください。",
                f"post {post_id} version {post.version} != {expected_version}",
            )
        current, fingerprint = _plan(step, post_id, utcnow())
        current.allowed.require(f"user {step.me.login!r} may not publish post {post_id} now")
        claim = step.add(
            PublishClaim(
                post_id=post.id,
                state=S.SENDING.value,
                platform=current.platform.value,
                content_sha256=fingerprint,
                claimed_by_id=step.me.id,
                claimed_at=utcnow(),
                host=connections.this_pc(),
            )
        )
        step.audit(
            "post.publish_claim",
            "post",
            post.id,
            {"platform": current.platform.value, "content_sha256": fingerprint, "host": claim.host},
        )
        audience = current.connection.audience_id if current.connection else ""
        images = step.session.scalars(
            select(Attachment).where(Attachment.post_id == post.id).order_by(Attachment.id)
        )  # the same rows (identity map) approved_content hashed just now
        sent = tuple((a.filename, a.mime, bytes(a.data)) for a in images)
        return Claimed(claim.id, post.body, audience, fingerprint, sent)

    try:
        return change(db, actor, work, what="publish claim")
    except IntegrityError as error:  # another PC wrote its claim first
        raise ConflictError(
            "この投稿はいま別の PC（または別の処理）が送信しています。",
            f"post {post_id}: claim already taken",
        ) from error


def _release(db: Database, actor: Actor, post_id: int, error: pub.PublishError) -> None:
    """The platform refused or was not reached: nothing went out; the claim goes, the failure is audited."""

    def work(step: Step) -> None:
        claim = step.session.scalars(select(PublishClaim).where(PublishClaim.post_id == post_id)).first()
        if claim is not None:
            step.session.delete(claim)
        step.audit("post.publish_failed", "post", post_id, {"error": error.log_message})

    change(db, actor, work, what="publish failed")


def _unknown(db: Database, actor: Actor, post_id: int, problem: str) -> None:
    def work(step: Step) -> None:
        claim = step.session.scalars(select(PublishClaim).where(PublishClaim.post_id == post_id)).one()
        claim.state, claim.problem = S.UNKNOWN.value, problem
        step.audit("post.publish_unknown", "post", post_id, {"problem": problem})

    change(db, actor, work, what="publish unknown")


def record_sent(
    db: Database,
    actor: Actor,
    post_id: int,
    seen: pub.SeenPost,
    via: str,
    read_back: bool,
    images_sent: int = 0,
) -> Published:
    """The platform confirmed the post: 投稿済 with its id, URL and time, and the proof in the audit chain."""

    def work(step: Step) -> Published:
        post = step.load(Post, post_id)
        step.require(Permission.RECORD_PUBLICATION, post.account_id)
        claim = step.session.scalars(select(PublishClaim).where(PublishClaim.post_id == post_id)).first()
        if claim is None:
            raise NotFoundError("この投稿には送信の記録がありません。", f"post {post_id}: no claim to record")
        at = seen.created_at or utcnow()
        hours = verdict(
            current_policy(step.session, post.account_id), at, post.emergency, post.emergency_reason
        )
        action = publication_action(post.status)  # 承認待ち: out first, 事後承認待ち (§5(9))
        post.status = TRANSITIONS[action].target
        post.published_at, post.published_url, post.published_by_id = at, seen.url, step.me.id
        post.updated_at = utcnow()
        claim.state, claim.remote_id, claim.remote_url = S.PUBLISHED.value, seen.remote_id, seen.url
        claim.confirmed_at, claim.problem = at, ""
        step.audit(
            "post.publish",
            "post",
            post.id,
            {
                "url": seen.url,
                "at": at.isoformat(),
                "via": via,
                "remote_id": seen.remote_id,
                "outside_hours": hours.blocks,
                "proof": seen.as_proof(),
                "proof_sha256": seen.proof_sha256(),
                "read_back": read_back,
                **({"images_sent": images_sent, "images_seen": len(seen.media_keys)} if images_sent else {}),
                **({"after_approval": True} if action is PostAction.PUBLISH_FIRST else {}),
            },
        )
        if action is PostAction.PUBLISH_FIRST:
            mail_outbox.queue_for_post(step.session, MailKind.AFTER_APPROVAL, post, exclude=step.me)
        return Published(post.id, seen.remote_id, seen.url, at, hours.blocks)

    return change(db, actor, work, what="publish record")


def publish(db: Database, actor: Actor, post_id: int, expected_version: int | None = None) -> Published:
    """「投稿する」 / ``sns-desk publish ID``: send the approved post through its account's connection."""
    account_id, has_images = look(db, actor, partial(_post_account, post_id=post_id))
    client, info = _clients(db, actor, account_id)
    if has_images and isinstance(client, XClient) and pub.lacks_media_scope(client.granted_scope()):
        client.close()  # refused before the claim: nothing was sent, nothing is recorded
        raise pub.MediaScopeMissingError(info.platform.label, client.reconnect_who)
    claimed = _claim(db, actor, post_id, expected_version)
    text = claimed.text
    try:
        if isinstance(client, LineClient):
            if claimed.images:  # plan refuses this (domain image_refusal); never send the text without them
                raise ValidationError(pub.LINE_IMAGES_MANUAL)
            request_id = client.send(text, claimed.audience, retry_key(claimed.claim_id, post_id))
            seen = pub.SeenPost(request_id, text, utcnow(), "")
            read_back = False  # LINE keeps no readable copy: the proof is its request id and the text sent
        else:
            seen = client.create_post(text, _upload(client, claimed))
            read_back = False
            try:
                again = client.read_post(seen.remote_id)
            except pub.PublishError as error:  # it went out; reading it back can wait for the check
                log.warning(
                    "post %s sent as %s but not read back: %s", post_id, seen.remote_id, error.log_message
                )
            else:
                if again is not None:
                    seen, read_back = again, True
    except pub.PublishError as error:
        if error.maybe_sent:
            _unknown(db, actor, post_id, error.message)
        else:
            _release(db, actor, post_id, error)
        raise
    except ValidationError as error:
        _release(db, actor, post_id, pub.PublishError(error.message, error.log_message))
        raise
    finally:
        if isinstance(client, XClient):
            client.close()
    return record_sent(
        db, actor, post_id, seen, info.platform.value, read_back, images_sent=len(claimed.images)
    )


def _post_account(step: Step, post_id: int) -> tuple[int, bool]:
    post = step.load(Post, post_id)
    has_images = step.session.scalar(select(Attachment.id).where(Attachment.post_id == post_id).limit(1))
    return post.account_id, has_images is not None


def _upload(client: XClient, claimed: Claimed) -> tuple[str, ...]:
    """Each approved image uploaded for this one post (fresh media ids every time: never reused across posts or
    attempts).  The bytes are hashed right before they leave and must give the fingerprint the claim recorded,
    which :func:`approved_content` compared with the sealed revision."""
    hashes = [pub.sha256_bytes(data) for _name, _mime, data in claimed.images]
    if pub.content_fingerprint(claimed.text, hashes) != claimed.fingerprint:
        raise ValidationError(
            "承認された内容と違うため投稿できません: 送信直前の画像が承認された版と違います。",
            "image bytes changed between the content check and the upload",
        )
    return tuple(client.upload_image(name, mime, data) for name, mime, data in claimed.images)


# --- scheduled posts ----------------------------------------------------------------------------------------------


def due_posts(
    session: Session,
    now: datetime,
    exclude_account_ids: Set[int] = frozenset(),
    host: tuple[str, str] | None = None,
) -> list[int]:
    """Approved posts whose planned time has come, not claimed yet, on accounts not held (緊急停止); with ``host``
    (PC, OS login) only those whose account's approved connection is held there."""
    claimed = select(PublishClaim.post_id)
    query = (
        select(Post.id)
        .where(
            Post.status == PostStatus.APPROVED,
            Post.planned_at.is_not(None),
            Post.planned_at <= now,
            Post.id.not_in(claimed),
        )
        .order_by(Post.planned_at, Post.id)
    )
    if exclude_account_ids:
        query = query.where(Post.account_id.not_in(sorted(exclude_account_ids)))
    if host is not None:
        query = query.join(PlatformConnection, PlatformConnection.account_id == Post.account_id).where(
            PlatformConnection.host == host[0],
            PlatformConnection.host_login == host[1],
            PlatformConnection.approved_at.is_not(None),
        )
    return list(session.scalars(query))


def _on_held_account(step: Step, post_id: int, held: Callable[[Step], frozenset[int]]) -> bool:
    post = step.session.get(Post, post_id)
    return post is not None and post.account_id in held(step)


@dataclass(frozen=True)
class DueOutcome:
    post_id: int
    published: Published | None
    problem: str  # Japanese, when not published


def publish_due(
    db: Database,
    actor: Actor,
    exclude_account_ids: Set[int] = frozenset(),
    now: Callable[[], datetime] | None = None,
) -> list[DueOutcome]:
    """``sns-desk publish-due`` and the running app: every due post whose account's connection is held by this PC
    and OS login, each on its own (one failure stops nothing else; a refusal is reported, nothing else touched).
    Due posts of accounts without a connection wait for a person (the manual route)."""
    moment = (now or utcnow)()
    here = (connections.this_pc(), identity.current_login())

    def held(step: Step) -> frozenset[int]:  # 緊急停止 (issue 14 item 8): whatever the caller passed
        return frozenset(exclude_account_ids) | emergency_stop.held_account_ids(step.session)

    due = look(db, actor, lambda step: due_posts(step.session, moment, held(step), here))
    outcomes = []
    for post_id in due:
        # a stop made while earlier posts were being sent holds the rest: read it again before each one
        if look(db, actor, partial(_on_held_account, post_id=post_id, held=held)):
            outcomes.append(DueOutcome(post_id, None, "緊急停止中のため、送信を保留しました。"))
            continue
        try:
            outcomes.append(DueOutcome(post_id, publish(db, actor, post_id), ""))
        except SnsDeskError as error:
            log.info("publish-due: post %s not sent: %s", post_id, error.log_message)
            outcomes.append(DueOutcome(post_id, None, error.message))
    return outcomes
