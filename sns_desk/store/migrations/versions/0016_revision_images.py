"""Images become part of each revision; what an approver has seen; structured monitoring (issue 16).

Revision ID: 0016_revision_images
Revises: 0011_key_certificates
Create Date: 2026-11-30

- ``image_blobs`` keeps each image once by its SHA-256; ``revision_images`` lists a revision's images in order,
  so a revision (and the 電子印鑑 over an approval) covers its images.  Existing posts' current images are given to
  their latest revision (earlier revisions did not record theirs).
- ``revision_views``: the last revision each approver saw in the approval view.
- ``accounts.monitoring_interval_days`` (§9(2), 7 by default) and ``monitoring_records.legacy``: records written
  as free text before the structured result are marked, and their result is read again from the words
  (:func:`sns_desk.domain.monitoring_rules.legacy_problem`) instead of the old screen's guess.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sns_desk.domain.monitoring_rules import legacy_problem

revision = "0016_revision_images"
down_revision = "0011_key_certificates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "image_blobs",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("mime", sa.String(length=50), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_image_blobs")),
    )
    op.create_table(
        "revision_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["post_revisions.id"],
            name=op.f("fk_revision_images_revision_id_post_revisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["image_blobs.sha256"],
            name=op.f("fk_revision_images_sha256_image_blobs"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision_images")),
        sa.UniqueConstraint("revision_id", "position", name="uq_revision_images_position"),
    )
    op.create_index(op.f("ix_revision_images_revision_id"), "revision_images", ["revision_id"])
    op.create_table(
        "revision_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("revision_number", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_revision_views_post_id_posts"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_revision_views_user_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revision_views")),
        sa.UniqueConstraint("post_id", "user_id", name="uq_revision_views_post_user"),
    )
    op.create_index(op.f("ix_revision_views_post_id"), "revision_views", ["post_id"])
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(
            sa.Column("monitoring_interval_days", sa.Integer(), nullable=False, server_default="7")
        )
    with op.batch_alter_table("monitoring_records") as batch:
        batch.add_column(sa.Column("legacy", sa.Boolean(), nullable=False, server_default="0"))
    bind = op.get_bind()
    _images_to_latest_revisions(bind)
    _legacy_monitoring(bind)


def _images_to_latest_revisions(bind: sa.Connection) -> None:
    attachments = bind.execute(
        sa.text(
            "SELECT id, post_id, filename, mime, size, sha256, data FROM attachments ORDER BY post_id, id"
        )
    ).all()
    stored: set[str] = set()
    position: dict[int, int] = {}
    for _id, post_id, filename, mime, size, sha256, data in attachments:
        if sha256 not in stored:
            bind.execute(
                sa.text("INSERT INTO image_blobs (sha256, mime, size, data) VALUES (:s, :m, :n, :d)"),
                {"s": sha256, "m": mime, "n": size, "d": data},
            )
            stored.add(sha256)
        latest = bind.execute(
            sa.text("SELECT id FROM post_revisions WHERE post_id = :p ORDER BY number DESC LIMIT 1"),
            {"p": post_id},
        ).scalar()
        if latest is None:
            continue
        position[post_id] = position.get(post_id, 0) + 1
        bind.execute(
            sa.text(
                "INSERT INTO revision_images (revision_id, position, filename, sha256) VALUES (:r, :p, :f, :s)"
            ),
            {"r": latest, "p": position[post_id], "f": filename, "s": sha256},
        )


def _legacy_monitoring(bind: sa.Connection) -> None:
    """Free-text records: marked legacy, their result read again from the words (not 「問題なし」 or bust)."""
    for record_id, note in bind.execute(sa.text("SELECT id, note FROM monitoring_records")).all():
        bind.execute(
            sa.text("UPDATE monitoring_records SET legacy = :t, problems_found = :p WHERE id = :i"),
            {"t": True, "p": legacy_problem(note or ""), "i": record_id},
        )


def downgrade() -> None:
    bind = (
        op.get_bind()
    )  # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL): no table rebuild under the foreign keys
    bind.exec_driver_sql("ALTER TABLE monitoring_records DROP COLUMN legacy")
    bind.exec_driver_sql("ALTER TABLE accounts DROP COLUMN monitoring_interval_days")
    op.drop_index(op.f("ix_revision_views_post_id"), table_name="revision_views")
    op.drop_table("revision_views")
    op.drop_index(op.f("ix_revision_images_revision_id"), table_name="revision_images")
    op.drop_table("revision_images")
    op.drop_table("image_blobs")
