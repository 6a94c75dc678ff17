"""Images attached to a post: PNG, JPEG, GIF or WebP, at most four, each up to 5 MB; a change to an approved
post's images sends it back to 下書き, as an edit of its text does.  Each change of the images is a new revision
(images are part of what the approver compares and the 電子印鑑 covers, issue 16)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import func, select

from sns_desk.domain import publication as pub
from sns_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import PostStatus
from sns_desk.domain.workflow import editable
from sns_desk.services.actors import Actor
from sns_desk.services.revisions import add_revision, revision_image
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Attachment, Post, utcnow

P = PostStatus
MAX_ATTACHMENT_BYTES = pub.MAX_IMAGE_BYTES  # what X accepts (domain/publication.py), on every platform
MAX_ATTACHMENTS = pub.MAX_IMAGES
IMAGE_TYPES = {
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF87a": "image/gif",
    b"GIF89a": "image/gif",
}


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    mime: str
    size: int
    sha256: str


def image_type(data: bytes) -> str | None:
    for magic, mime in IMAGE_TYPES.items():
        if data.startswith(magic):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _editable_post(step: Step, post_id: int, refusal: str) -> Post:
    """The post whose images change: the person writes on its account and the post is still editable."""
    post = step.load(Post, post_id)
    step.require(Permission.WRITE_POST, post.account_id)
    if not editable(post.status):
        raise ConflictError(
            f"「{post.status.label}」の投稿{refusal}", f"post {post.id} is {post.status.value}"
        )
    if post.status is P.APPROVED:  # an approved post changed: back to 下書き
        post.status = P.DRAFT
    post.updated_at = utcnow()
    return post


def add_attachment(db: Database, actor: Actor, post_id: int, filename: str, data: bytes) -> int:
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"画像が大きすぎます（{len(data) / 1024 / 1024:.1f} MB）。{MAX_ATTACHMENT_BYTES // 1024 // 1024} MB 以下にしてください。"
        )
    mime = image_type(data)
    if mime is None:
        raise ValidationError("添付できるのは PNG・JPEG・GIF・WebP の画像です。")

    def work(step: Step) -> int:
        post = _editable_post(step, post_id, "には画像を追加できません。")
        existing = step.session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.post_id == post_id)
        )
        if existing and existing >= MAX_ATTACHMENTS:
            raise ValidationError(f"画像は {MAX_ATTACHMENTS} 枚までです。")
        digest = hashlib.sha256(data).hexdigest()
        item = step.add(
            Attachment(
                post_id=post.id,
                filename=filename[:255] or "image",
                mime=mime,
                size=len(data),
                sha256=digest,
                data=data,
                added_by_id=step.me.id,
            )
        )
        number = add_revision(step.session, post, step.me)
        step.audit(
            "post.attach",
            "post",
            post.id,
            {"filename": item.filename, "sha256": digest, "size": len(data), "revision": number},
        )
        return item.id

    return change(db, actor, work, what="add_attachment")


def remove_attachment(db: Database, actor: Actor, attachment_id: int) -> None:
    def work(step: Step) -> None:
        item = step.load(Attachment, attachment_id)
        post = _editable_post(step, item.post_id, "の画像は外せません。")
        step.session.delete(item)
        number = add_revision(step.session, post, step.me)
        step.audit("post.detach", "post", post.id, {"sha256": item.sha256, "revision": number})

    change(db, actor, work, what="remove_attachment")


def attachment_data(db: Database, actor: Actor, attachment_id: int) -> bytes:
    """An image of a post, for those who may see the post's account."""

    def work(step: Step) -> bytes:
        item = step.load(Attachment, attachment_id)
        step.see(step.load(Post, item.post_id).account_id)
        return bytes(item.data)

    return look(db, actor, work)


def revision_image_data(db: Database, actor: Actor, post_id: int, sha256: str) -> bytes:
    """An image of one of a post's revisions (also one removed since), for those who may see the post's account."""

    def work(step: Step) -> bytes:
        step.see(step.load(Post, post_id).account_id)
        found = revision_image(step.session, post_id, sha256)
        if found is None:
            raise NotFoundError(
                "この画像は投稿のどの版にもありません。", f"image {sha256} not in post {post_id}"
            )
        return found

    return look(db, actor, work)
