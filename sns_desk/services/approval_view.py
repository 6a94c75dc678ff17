"""What the approver compares (issue 16, item 2): the latest revision against the last approved one — or, before
any approval, against the last one this approver saw — with the text compared inline and the images added,
removed or changed.  Opening the comparison records that this approver has now seen the latest revision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from sns_desk.domain import checks
from sns_desk.domain import policy as pol
from sns_desk.domain.permissions import Permission
from sns_desk.domain.revision_diff import Change, ImageChange, Segment, image_changes, inline_diff
from sns_desk.domain.vocabulary import DecisionKind, Platform
from sns_desk.domain.workflow import diff_base
from sns_desk.services.actors import Actor
from sns_desk.services.revisions import last_seen, mark_seen, revision_images
from sns_desk.services.usecase import Step, change
from sns_desk.store.database import Database
from sns_desk.store.orm import Post, PostDecision, PostRevision


@dataclass(frozen=True)
class Comparison:
    post_id: int
    base: int | None  # the revision compared with; None: nothing to compare with (shown whole)
    base_label: str  # Japanese: which revision that is and why it was chosen
    latest: int
    title: tuple[Segment, ...]
    body: tuple[Segment, ...]
    images: tuple[ImageChange, ...]
    other: tuple[str, ...]  # other fields that changed, in Japanese (「予定日時: … → …」)
    platform: Platform  # for the preview shaped like the platform
    account: str
    count: checks.Count  # the body counted the platform's way (X: links as 23 characters)

    @property
    def unchanged(self) -> bool:
        return (
            self.base is not None
            and all(s.change is Change.SAME for s in self.title + self.body)
            and all(i.change is Change.SAME for i in self.images)
            and not self.other
        )


def _when(value: datetime | None) -> str:
    return value.astimezone(pol.JST).strftime("%Y-%m-%d %H:%M") if value else "未定"


def _other_changes(old: PostRevision, new: PostRevision) -> list[str]:
    changes = []
    if old.category != new.category:
        changes.append(f"分類: {old.category or '（なし）'} → {new.category or '（なし）'}")
    if old.planned_at != new.planned_at:
        changes.append(f"予定日時: {_when(old.planned_at)} → {_when(new.planned_at)}")
    if old.emergency != new.emergency or old.emergency_reason != new.emergency_reason:
        flag = {True: "緊急", False: "通常"}
        changes.append(
            f"緊急の扱い: {flag[old.emergency]} → {flag[new.emergency]}（{new.emergency_reason or '理由なし'}）"
        )
    return changes


def compare_for_approval(db: Database, actor: Actor, post_id: int) -> Comparison:
    """The comparison this person sees for the post now; for a person who may decide on it, the latest revision
    is then remembered as seen (audited when it moves)."""

    def work(step: Step) -> Comparison:
        session = step.session
        post = step.load(Post, post_id)
        step.see(post.account_id)
        revisions = session.scalars(
            select(PostRevision).where(PostRevision.post_id == post_id).order_by(PostRevision.number)
        ).all()
        decisions = session.execute(
            select(PostDecision.kind, PostDecision.revision_number)
            .where(PostDecision.post_id == post_id)
            .order_by(PostDecision.id)
        ).all()
        numbers = [r.number for r in revisions]
        approved = [n for kind, n in decisions if kind is DecisionKind.APPROVE]
        rejected = [n for kind, n in decisions if kind is DecisionKind.REJECT]
        seen = last_seen(session, post_id, step.me.id)
        base = diff_base(numbers, approved, seen, rejected)
        latest = revisions[-1]
        if base is None:
            old_title, old_body, old_images, label, other = "", "", [], "", []
            label = "比較する版はありません（初めて見る投稿です）。全体が今回の内容です。"
        else:
            old = next(r for r in revisions if r.number == base)
            old_title, old_body = old.title, old.body
            old_images = revision_images(session, post_id, base)
            approved_label = "最後に承認された" if base in approved else ""
            seen_label = "あなたが前回見た" if not approved_label and base == seen else ""
            rejected_label = "" if approved_label or seen_label else "差し戻された"
            label = f"{approved_label or seen_label or rejected_label}第{base}版と比べています。"
            other = _other_changes(old, latest)
        if step.may(Permission.APPROVE_POST, post.account_id) and mark_seen(
            session, post_id, step.me.id, latest.number
        ):
            step.session.flush()
            step.audit("post.seen", "post", post_id, {"revision": latest.number})
        return Comparison(
            post_id,
            base,
            label,
            latest.number,
            tuple(inline_diff(old_title, latest.title)),
            tuple(inline_diff(old_body, latest.body)),
            tuple(image_changes(old_images, revision_images(session, post_id, latest.number))),
            tuple(other),
            post.account.platform,
            post.account.name,
            checks.count(post.account.platform, latest.body),
        )

    return change(db, actor, work, what="compare_for_approval")
