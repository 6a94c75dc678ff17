"""A post's revisions: each save kept whole, text and images (issue 16, item 2), and the sealed content of a
revision — exactly what an approval's 電子印鑑 covers, and what publishing must send.

Images are kept once by their SHA-256 (``image_blobs``); a revision lists its images in order
(``revision_images``), so an image removed from the post stays in the revisions that had it.
"""

from __future__ import annotations

import functools
import hashlib
from typing import Any

from sqlalchemy import Integer, Select, bindparam, event, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import ScalarSelect

from sns_desk.domain.revision_diff import Image
from sns_desk.store import audit_chain, revision_seen
from sns_desk.store.orm import (
    Attachment,
    ImageBlob,
    Post,
    PostRevision,
    RevisionImage,
    RevisionView,
    User,
    utcnow,
)

# What a revision keeps of the post's text fields: each save is kept whole.
REVISED = ("title", "body", "category", "planned_at", "emergency", "emergency_reason")

# The sealed content's version, written into each new signature: 1 = the text fields only (signatures made
# before issue 16), 2 = the text fields and the revision's images in order.
SEAL_VERSION = 2


_COUNTS = "sns_desk.revision_counts"  # {post id: how many revisions}, as read in this session


@event.listens_for(Session, "after_flush")
def _forget_counts(session: Session, _context: Any) -> None:
    if any(isinstance(item, PostRevision) for item in (*session.new, *session.deleted)):
        session.info.pop(_COUNTS, None)


def revision_total() -> ScalarSelect[int]:
    """How many revisions the post has, correlated to :class:`Post` (to be read with the post itself)."""
    return (
        select(func.count(PostRevision.id))
        .where(PostRevision.post_id == Post.id)
        .correlate(Post)
        .scalar_subquery()
    )


def remember_count(session: Session, post_id: int, count: int) -> None:
    """The post's number of revisions, read with the post (:func:`revision_total`), for this session."""
    session.info.setdefault(_COUNTS, {})[post_id] = count


def revision_count(session: Session, post_id: int) -> int:
    """How many revisions the post has (remembered for the session once read; a revision added counts)."""
    if any(isinstance(item, PostRevision) for item in (*session.new, *session.deleted)):
        session.flush()  # as a query would autoflush: the count read with the post is forgotten, read again
    known: dict[int, int] = session.info.setdefault(_COUNTS, {})
    if post_id not in known:
        known[post_id] = int(
            session.scalar(
                select(func.count()).select_from(PostRevision).where(PostRevision.post_id == post_id)
            )
            or 0
        )
    return known[post_id]


def add_revision(session: Session, post: Post, me: User) -> int:
    """The post as it is now (text and its current images) kept as its next revision; the revision's number."""
    session.flush()  # the post's id and its attachments as changed in this transaction
    number = revision_count(session, post.id) + 1
    revision = PostRevision(
        post_id=post.id, number=number, saved_by_id=me.id, **{name: getattr(post, name) for name in REVISED}
    )
    session.add(revision)
    session.flush()
    attachments = session.scalars(
        select(Attachment).where(Attachment.post_id == post.id).order_by(Attachment.id)
    ).all()
    for position, item in enumerate(attachments, start=1):
        if session.get(ImageBlob, item.sha256) is None:
            session.add(ImageBlob(sha256=item.sha256, mime=item.mime, size=item.size, data=bytes(item.data)))
            session.flush()
        session.add(
            RevisionImage(
                revision_id=revision.id, position=position, filename=item.filename, sha256=item.sha256
            )
        )
    session.flush()
    return number


def revision_images(session: Session, post_id: int, number: int) -> list[Image]:
    """A revision's images in order (none for a revision saved before images were kept with revisions)."""
    rows = session.execute(
        select(RevisionImage.sha256, RevisionImage.filename)
        .join(PostRevision, PostRevision.id == RevisionImage.revision_id)
        .where(PostRevision.post_id == post_id, PostRevision.number == number)
        .order_by(RevisionImage.position)
    ).all()
    return [Image(sha256, filename) for sha256, filename in rows]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _content(fields: dict[str, Any], images: list[Image], version: int) -> dict[str, Any]:
    content = {name: _iso(fields[name]) if name == "planned_at" else fields[name] for name in REVISED}
    if version >= 2:
        content["images"] = [image.sha256 for image in images]
    return content


@functools.cache
def _sealed_statement() -> Select[PostRevision, str, str]:
    """The revision with its images, built once (a decision's 電子印鑑 reads it; issue 17)."""
    return (
        select(PostRevision, RevisionImage.sha256, RevisionImage.filename)
        .outerjoin(RevisionImage, RevisionImage.revision_id == PostRevision.id)
        .where(
            PostRevision.post_id == bindparam("post_id", type_=Integer),
            PostRevision.number == bindparam("number", type_=Integer),
        )
        .order_by(RevisionImage.position)
    )


def sealed_revision(
    session: Session, post_id: int, number: int, version: int = SEAL_VERSION
) -> dict[str, Any] | None:
    """The sealed content of revision ``number`` of a post: its text fields and (from version 2) the SHA-256 of
    each of its images in order — what an approval's 電子印鑑 covers (None when there is no such revision).

    Publishing compares this, for the approved revision, with :func:`current_content` of the post."""
    # the revision with its images (an outer join: a revision may have none), in one query
    rows = session.execute(_sealed_statement(), {"post_id": post_id, "number": number}).all()
    if not rows:
        return None
    fields = {name: getattr(rows[0][0], name) for name in REVISED}
    images = [Image(sha256, filename) for _revision, sha256, filename in rows if sha256 is not None]
    return _content(fields, images, version)


def current_content(session: Session, post: Post, version: int = SEAL_VERSION) -> dict[str, Any]:
    """The post as it would be sent now, in the shape of :func:`sealed_revision`."""
    images = [
        Image(sha256, filename)
        for sha256, filename in session.execute(
            select(Attachment.sha256, Attachment.filename)
            .where(Attachment.post_id == post.id)
            .order_by(Attachment.id)
        ).all()
    ]
    return _content({name: getattr(post, name) for name in REVISED}, images, version)


def sealed_digest(content: dict[str, Any]) -> str:
    """The SHA-256 of sealed content, as a signature records it."""
    return hashlib.sha256(audit_chain.canonical_json(content).encode("utf-8")).hexdigest()


def revision_image(session: Session, post_id: int, sha256: str) -> bytes | None:
    """The bytes of an image that one of the post's revisions has (None when none has it)."""
    listed = session.scalar(
        select(func.count())
        .select_from(RevisionImage)
        .join(PostRevision, PostRevision.id == RevisionImage.revision_id)
        .where(PostRevision.post_id == post_id, RevisionImage.sha256 == sha256)
    )
    blob = session.get(ImageBlob, sha256) if listed else None
    return bytes(blob.data) if blob is not None else None


def last_seen(session: Session, post_id: int, user_id: int) -> int | None:
    """The last revision of the post this person saw in the approval view (or decided on)."""
    view = session.scalars(
        select(RevisionView).where(RevisionView.post_id == post_id, RevisionView.user_id == user_id)
    ).first()
    return view.revision_number if view is not None else None


def mark_seen(session: Session, post_id: int, user_id: int, number: int) -> bool:
    """Remember that this person saw revision ``number`` (never moves back to an earlier one); did it move?"""
    return revision_seen.see(session, post_id, user_id, number, utcnow())
