"""Alembic environment, run only by the app (``sns_desk.db``), which passes its own connection.

Unlike Alembic's generated env.py this one does not call ``logging.config.fileConfig``: that would silence the
app's own loggers (alembic #714).
"""

from __future__ import annotations

from alembic import context

from sns_desk.store.orm import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes its connection
    raise RuntimeError("SNS Desk migrations run from the app, which provides the connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
