"""The post workflow (§5, §6, §8(2)(3)): submission with its checks, withdrawal, one-click decisions with the
電子印鑑, publication records, corrections and deletions.  Who may do what is :mod:`sns_desk.domain.workflow`'s,
asked through :func:`~sns_desk.services.post_access.open_post`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, ValidationError
from sns_desk.domain.hours import unplanned_refusal, verdict, verdict_now
from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.permissions import Permission
from sns_desk.domain.validation import URL_RE
from sns_desk.domain.vocabulary import DecisionKind, PostStatus
from sns_desk.domain.workflow import (
    DEPUTY,
    TRANSITIONS,
    PostAction,
    is_deputy_decision,
    may_publish,
    publication_action,
)
from sns_desk.services import mail_outbox, signing
from sns_desk.services.access import roles_of
from sns_desk.services.account_policies import current_policy
from sns_desk.services.actors import Actor
from sns_desk.services.check_rules import findings_for
from sns_desk.services.deputies import managers_text
from sns_desk.services.post_access import facts, open_post
from sns_desk.services.post_drafts import (
    PostInput,
    create_draft,
    draft_for_checks,
    post_input,
    self_check_items,
)
from sns_desk.services.post_scopes import scope_verdict
from sns_desk.services.revisions import mark_seen, revision_count
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Post, PostDecision, utcnow
from sns_desk.store.publishing_tables import PublishClaim
from sns_desk.store.write_lock import ChainEvent, Commutes

P = PostStatus


def hours_clock() -> datetime:
    """The time a post without a planned time is judged at (§5(9)); the tests set it."""
    return utcnow()


# --- submission --------------------------------------------------------------------------------------------------


def submit(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    self_check: Sequence[str],
    warning_reasons: dict[str, str] | None = None,
) -> PostStatus:
    """承認申請: errors block; each warning needs a reason; every §6 item must be confirmed.

    A post whose body is the chosen standing scope's template filled in (§5(2)) is approved by that scope at once,
    recorded with the scope's version; any other goes to the 管理者, the reason kept in ``scope_note``.
    """
    reasons = {k: v.strip() for k, v in (warning_reasons or {}).items() if v and v.strip()}

    def work(step: Step) -> PostStatus:
        session = step.session
        post = open_post(step, post_id, expected_version, PostAction.SUBMIT)
        draft = draft_for_checks(session, post.account, post_input(post), post.id)
        findings = findings_for(session, post.account_id, draft)
        problems = [f"・{f.message}（{f.section}）" for f in checks.errors(findings)]
        unexplained = [f for f in checks.warnings(findings) if f.key not in reasons]
        problems += [
            f"・注意「{f.message}」について、問題ないと判断した理由を記入してください。" for f in unexplained
        ]
        required = {item_id for item_id, _section, _text in self_check_items()}
        missing = sorted(required - set(self_check))
        if missing:
            problems.append(f"・§6 の確認項目がすべて確認されていません（未確認 {len(missing)} 件）。")
        if post.emergency and not post.emergency_reason:
            problems.append("・緊急の投稿には理由を記入してください（§5(9)）。")
        if post.planned_at is None:  # no planned time: judged now (the planned ones are among the findings)
            hours = verdict_now(
                current_policy(session, post.account_id),
                None,
                hours_clock(),
                post.emergency,
                post.emergency_reason,
            )
            if hours.blocks:
                problems.append("・" + unplanned_refusal(hours))
        if problems:
            raise ValidationError(
                "承認を申請できません。\n" + "\n".join(problems), f"post {post_id} submit blocked"
            )
        now = utcnow()
        post.self_check = json.dumps(sorted(set(self_check)))
        post.warning_reasons = json.dumps(
            {f.key: reasons[f.key] for f in checks.warnings(findings)}, ensure_ascii=False, sort_keys=True
        )
        post.findings = json.dumps([f.as_dict() for f in findings], ensure_ascii=False)
        post.submitted_at = now
        post.updated_at = now
        revision = revision_count(session, post.id)
        scope, post.scope_note = scope_verdict(session, post, now)  # §5(2): only a filled-in template
        if scope is not None:
            post.status = P.APPROVED
            post.decided_at = now
            session.add(
                PostDecision(
                    post_id=post.id,
                    revision_number=revision,
                    kind=DecisionKind.SCOPE,
                    decided_by_id=step.me.id,
                    scope_id=scope.id,
                    scope_number=scope.number,
                    comment=f"事前承認の範囲「{scope.title}」第{scope.number}版（§5(2)）",
                )
            )
        else:
            post.status = P.PENDING
        session.flush()
        step.audit(
            "post.submit",
            "post",
            post.id,
            {
                "revision": revision,
                "to": post.status,
                "scope_id": scope.id if scope else None,
                "scope_number": scope.number if scope else None,
                "scope_refused": bool(post.scope_note),
                "warnings": [f.key for f in checks.warnings(findings)],
            },
        )
        if post.status is P.PENDING:
            mail_outbox.queue_for_post(session, MailKind.APPROVAL_REQUESTED, post, exclude=step.me)
        return post.status

    return change(db, actor, work, what="submit")


def withdraw(db: Database, actor: Actor, post_id: int, expected_version: int) -> None:
    """The author (or an editor) takes a submission back to 下書き."""

    def work(step: Step) -> None:
        post = open_post(step, post_id, expected_version, PostAction.WITHDRAW)
        post.status = P.DRAFT
        post.updated_at = utcnow()
        step.session.flush()
        step.audit("post.withdraw", "post", post.id, {})

    change(db, actor, work, what="withdraw")


# --- decisions ---------------------------------------------------------------------------------------------------


def _decide(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    action: PostAction,
    comment: str,
    new_planned_at: datetime | None = None,
) -> None:
    comment = comment.strip()
    if action is PostAction.REJECT and not comment:
        raise ValidationError("差戻しの理由（コメント）を入力してください。")
    # 電子印鑑: the key comes from the OS keyring, outside the transaction
    signer = signing.signer_for(db, actor)

    def work(step: Step) -> None:
        session = step.session
        post = open_post(step, post_id, expected_version, action)  # four eyes: domain.workflow.may_decide
        now = utcnow()
        revision = revision_count(session, post.id)
        payload: dict[str, object] = {"revision": revision}
        if action is PostAction.APPROVE:
            if new_planned_at is not None:
                if new_planned_at.tzinfo is None:
                    raise ValueError("new_planned_at must be timezone-aware")
                hours = verdict(
                    current_policy(session, post.account_id),
                    new_planned_at,
                    post.emergency,
                    post.emergency_reason,
                )
                if hours.blocks:
                    raise ValidationError(hours.reason + "（§5(9)）")
                payload["planned_at"] = [
                    post.planned_at.isoformat() if post.planned_at else None,
                    new_planned_at.isoformat(),
                ]
                post.planned_at = new_planned_at
            elif post.planned_at is None:  # §5(9): without a planned time it may go out now, so now is judged
                hours = verdict_now(
                    current_policy(session, post.account_id),
                    None,
                    hours_clock(),
                    post.emergency,
                    post.emergency_reason,
                )
                if hours.blocks:
                    raise ValidationError(unplanned_refusal(hours), f"post {post_id} approval outside hours")
            elif post.planned_at < now:
                raise ValidationError(
                    f"予定時刻（{post.planned_at.astimezone(pol.JST):%m月%d日 %H:%M}）を過ぎています。"
                    "新しい予定時刻を指定して承認してください。"
                )
            post.status = P.APPROVED
            kind = DecisionKind.APPROVE
        else:
            post.status = P.REJECTED
            kind = DecisionKind.REJECT
        post.decided_at = now
        post.updated_at = now
        mail_outbox.queue_for_post(session, MailKind.DECIDED, post)
        signed_decision(step, signer, post, action, kind, revision, comment, payload)

    change(db, actor, work, what=f"post {action.value}", commutes=decisions_on_other_posts(post_id))


def signed_decision(
    step: Step,
    signer: signing.Signer,
    post: Post,
    action: PostAction,
    kind: DecisionKind,
    revision: int,
    comment: str,
    payload: dict[str, object],
) -> PostDecision:
    """A decision on a post as every decision is kept: its row (代決 named when a deputy decides; open_post allowed
    it), the revision marked seen, the audit event with ``payload`` and the 電子印鑑 over it."""
    session = step.session
    deputy = is_deputy_decision(roles_of(session, step.me, post.account_id))
    decision = PostDecision(
        post_id=post.id,
        revision_number=revision,
        kind=kind,
        comment=comment,
        decided_by_id=step.me.id,
        deputy_for=managers_text(session, post.account_id) if deputy else "",
    )
    session.add(decision)
    mark_seen(session, post.id, step.me.id, revision)  # a decision is a look at the revision too
    session.flush()
    payload["comment"] = comment
    if deputy:
        payload["deputy_for"] = decision.deputy_for
    # the seal's reads before the event: on a server a decision takes the write lock at its event (issue 17)
    seal = signing.prepare_seal(
        session,
        signer,
        step.me,
        f"post.{action.value}",
        Permission.APPROVE_POST,
        post.account_id,
        signing.POST_DECISION,
        decision.id,
        as_role=DEPUTY if deputy else None,
    )
    seal.press(session, step.audit(f"post.{action.value}", "post", post.id, payload))
    return decision


DECISION_EVENTS = frozenset(f"post.{a.value}" for a in (PostAction.APPROVE, PostAction.REJECT))


def decisions_on_other_posts(post_id: int) -> Commutes:
    """What a decision on ``post_id`` reads (the post, its revisions and decisions, the account, its roles, rules
    and policy, the person's key) no 承認 or 差戻し of another post changes: such events, committed by other PCs
    while it worked, leave its checks true (store/write_lock.py).  Anything else runs it again under the lock."""

    def commutes(events: Sequence[ChainEvent]) -> bool:
        return all(
            e.action in DECISION_EVENTS and e.entity == "post" and e.entity_id != str(post_id) for e in events
        )

    return commutes


def approve(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    comment: str = "",
    new_planned_at: datetime | None = None,
) -> None:
    """承認 (§5(1)): one click.  Nobody approves what they wrote or edited (four-eyes) unless the account allows its
    approvers to.  A post whose planned time has passed needs a new time."""
    _decide(db, actor, post_id, expected_version, PostAction.APPROVE, comment, new_planned_at)


def reject(db: Database, actor: Actor, post_id: int, expected_version: int, comment: str) -> None:
    """差戻し, with the comment the author needs."""
    _decide(db, actor, post_id, expected_version, PostAction.REJECT, comment)


# --- after approval --------------------------------------------------------------------------------------------------


def record_publication(
    db: Database,
    actor: Actor,
    post_id: int,
    expected_version: int,
    url: str,
    published_at: datetime | None = None,
) -> None:
    """投稿済: who posted, when, and the post's URL.  A submitted emergency post recorded before its approval
    (事後承認, §5(9), where the account allows it) becomes 事後承認待ち and its 管理者s are told."""
    url = url.strip()
    if not URL_RE.match(url):
        raise ValidationError("投稿の URL を https:// で始まる形で入力してください。")
    if published_at is not None and published_at.tzinfo is None:
        raise ValueError("published_at must be timezone-aware")

    def work(step: Step) -> None:
        action = publication_action(step.load(Post, post_id).status)
        post = open_post(step, post_id, expected_version, action)
        when = published_at or utcnow()
        # the one rule of publication, at the moment it went out (§5(9)): the same as 「投稿する」 asks
        hours = verdict(
            current_policy(step.session, post.account_id), when, post.emergency, post.emergency_reason
        )
        may_publish(facts(step.session, step.me, post), hours).require(
            f"post {post_id} recorded outside hours"
        )
        if step.session.scalar(select(PublishClaim.id).where(PublishClaim.post_id == post.id)) is not None:
            raise ConflictError(
                "この投稿は連携先への送信が記録されています（送信中または投稿状態不明）。"
                "「投稿状態不明」から解決してください。",
                f"post {post_id} has a publish claim",
            )
        post.status = TRANSITIONS[action].target
        post.published_at, post.published_url, post.published_by_id = when, url, step.me.id
        post.updated_at = utcnow()
        step.session.flush()
        first = action is PostAction.PUBLISH_FIRST
        step.audit(
            "post.publish",
            "post",
            post.id,
            {"url": url, "at": when.isoformat(), **({"after_approval": True} if first else {})},
        )
        if first:
            mail_outbox.queue_for_post(step.session, MailKind.AFTER_APPROVAL, post, exclude=step.me)

    change(db, actor, work, what="record_publication")


def record_deletion(db: Database, actor: Actor, post_id: int, expected_version: int, reason: str) -> None:
    """削除 (§8(3)): a published post taken down, with the reason."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("削除の理由を入力してください（§8(3)）。")
    _finish(db, actor, post_id, expected_version, PostAction.DELETE, reason)


def discard(db: Database, actor: Actor, post_id: int, expected_version: int, reason: str = "") -> None:
    """A draft that will not go out."""
    _finish(db, actor, post_id, expected_version, PostAction.DISCARD, reason.strip() or "下書きを破棄")


def _finish(
    db: Database, actor: Actor, post_id: int, expected_version: int, action: PostAction, reason: str
) -> None:
    def work(step: Step) -> None:
        post = open_post(step, post_id, expected_version, action)
        post.status = P.DELETED
        post.deleted_reason, post.deleted_at = reason, utcnow()
        post.updated_at = utcnow()
        step.session.flush()
        step.audit(f"post.{action.value}", "post", post.id, {"reason": reason})

    change(db, actor, work, what=f"post {action.value}")


def start_correction(db: Database, actor: Actor, post_id: int, reason: str) -> int:
    """訂正 (§8(2)): a new draft linked to the published post it corrects, with what was wrong in it (the
    reason shows in both posts' history)."""

    def read(step: Step) -> PostInput:
        original = step.load(Post, post_id)
        return PostInput(
            original.account_id,
            f"【訂正】{original.body}",
            f"訂正: {original.title}".strip(),
            original.category,
        )

    return create_draft(db, actor, look(db, actor, read), correction_of=post_id, correction_reason=reason)
