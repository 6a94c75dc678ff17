"""事後承認 (§5(9)): the 管理者 (or a deputy under the 代決 rule) decides on an emergency post that went out before
its approval — approves it after the fact, orders a correction (§8(2)) or orders its deletion (§8(3)).  Each is a
decision like an approval: signed with the 電子印鑑 over the revision that went out, audited, and told to the author.

Who may decide is :mod:`sns_desk.domain.workflow`'s (``AFTER_DECISIONS``, four eyes and 代決 as for an approval),
asked through :func:`~sns_desk.services.post_access.open_post`.  A correction ordered here leaves the post out
(投稿済) and is then drafted with the existing 訂正 (:func:`sns_desk.services.post_workflow.start_correction`) by
its author; a deletion ordered here is the §8(3) deletion record, with the reason.
"""

from __future__ import annotations

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.mail_kinds import MailKind
from sns_desk.domain.vocabulary import DecisionKind, PostStatus
from sns_desk.domain.workflow import AFTER_DECISIONS, TRANSITIONS, PostAction
from sns_desk.services import mail_outbox, signing
from sns_desk.services.actors import Actor
from sns_desk.services.post_access import open_post
from sns_desk.services.post_workflow import signed_decision
from sns_desk.services.revisions import revision_count
from sns_desk.services.usecase import Step, change
from sns_desk.store.database import Database
from sns_desk.store.orm import utcnow

KINDS = {
    PostAction.AFTER_APPROVE: DecisionKind.AFTER_APPROVE,
    PostAction.ORDER_CORRECTION: DecisionKind.ORDER_CORRECTION,
    PostAction.ORDER_DELETION: DecisionKind.ORDER_DELETION,
}

# what the author is told (the e-mail's one line)
TOLD = {
    PostAction.AFTER_APPROVE: "事後承認されました。",
    PostAction.ORDER_CORRECTION: "訂正を指示されました。投稿の画面の「訂正」から訂正の下書きを作ってください（§8(2)）。",
    PostAction.ORDER_DELETION: "削除を指示されました。投稿先から削除してください（§8(3)）。",
}

NEEDS_REASON = {
    PostAction.ORDER_CORRECTION: "訂正を指示する理由（誤っている内容）を入力してください（§8(2)）。",
    PostAction.ORDER_DELETION: "削除を指示する理由を入力してください（§8(3)）。",
}


def decide_after(
    db: Database, actor: Actor, post_id: int, expected_version: int, action: PostAction, comment: str = ""
) -> None:
    """Decide on a 事後承認待ち post: ``action`` is one of ``AFTER_DECISIONS``; a correction or deletion needs its
    reason in ``comment``."""
    if action not in AFTER_DECISIONS:
        raise ValueError(f"{action} is no 事後承認 decision")
    comment = comment.strip()
    if action in NEEDS_REASON and not comment:
        raise ValidationError(NEEDS_REASON[action])
    signer = signing.signer_for(
        db, actor
    )  # 電子印鑑: the key comes from the OS keyring, outside the transaction

    def work(step: Step) -> None:
        session = step.session
        post = open_post(step, post_id, expected_version, action)  # four eyes and 代決: domain.workflow
        now = utcnow()
        revision = revision_count(
            session, post.id
        )  # a 事後承認待ち post cannot be edited: the one that went out
        post.status = TRANSITIONS[action].target
        post.decided_at = post.updated_at = now
        if action is PostAction.ORDER_DELETION:  # the §8(3) deletion record
            post.deleted_reason, post.deleted_at = comment, now
        payload: dict[str, object] = {"revision": revision, "comment": comment, "to": post.status}
        signed_decision(step, signer, post, action, KINDS[action], revision, comment, payload)
        mail_outbox.queue_for_post(session, MailKind.DECIDED, post, detail=TOLD[action])

    change(db, actor, work, what=f"post {action.value}")


def awaiting(status: PostStatus) -> bool:
    """Whether a post waits for its 事後承認."""
    return status is PostStatus.AFTER_PENDING
