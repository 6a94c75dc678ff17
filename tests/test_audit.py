"""The hash-chained audit log: every change is recorded, and any edit outside the app is found."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sns_desk.domain.errors import PermissionDeniedError, ValidationError
from sns_desk.host import settings
from sns_desk.services import audit_log as auditlog
from sns_desk.services import users
from sns_desk.services.actors import Actor
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import AuditEvent, User
from tests.world import RawConnection

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)


@pytest.fixture
def chain(db: Database, admin: Actor) -> Database:
    """A database with a chain of eight events made by real service calls."""
    bureau = users.create_department(db, admin, "市民局")
    users.create_department(db, admin, "市民協働課", bureau)
    for i in range(3):
        users.create_user(db, admin, users.UserInput(f"user{i}", f"職員 {i}", bureau))
    row = next(r for r in users.list_users(db, admin) if r.login == "user0")
    users.update_user(
        db, admin, row.id, row.version, users.UserInput("user0", "職員 零", bureau, email="a@b.jp")
    )
    users.import_users_csv(db, admin, "ログイン名,氏名\nuser9,職員 九\n".encode())
    return db


def _raw(db: Database) -> RawConnection:
    return RawConnection(db)


def _verify(db: Database) -> audit.VerifyResult:
    """What 改ざん検査 shows the システム管理者 (verifying is a read: it needs a registered person)."""
    with db.read() as session:
        login = session.scalars(select(User.login).where(User.is_admin.is_(True)).order_by(User.id)).first()
    assert login is not None
    return auditlog.verify_log(db, users.resolve_actor(db, login))


def test_every_change_appends_one_event_with_gap_free_seq(chain: Database) -> None:
    with chain.read() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
    assert [e.seq for e in events] == list(range(1, 9))
    assert [e.action for e in events] == [
        "system.bootstrap",
        "department.create",
        "department.create",
        "user.create",
        "user.create",
        "user.create",
        "user.update",
        "users.import",
    ]
    assert all(e.actor == "admin" for e in events)
    assert events[0].prev_hash == audit.GENESIS_HASH
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(events))
    assert '"display_name":["職員 0","職員 零"]' in events[6].payload


def test_intact_chain_verifies(chain: Database) -> None:
    result = _verify(chain)
    assert result.ok and result.count == 8 and result.last_seq == 8 and not result.warnings


def test_a_failed_service_call_leaves_no_event(chain: Database, admin: Actor) -> None:
    with pytest.raises(ValidationError):
        users.create_user(chain, admin, users.UserInput("user1", "二人目の user1"))
    with chain.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 8


@pytest.mark.parametrize("column", ["ts", "actor", "action", "entity", "entity_id", "payload"])
def test_changing_any_field_of_a_row_is_detected(chain: Database, column: str) -> None:
    conn = _raw(chain)
    conn.execute(
        f"UPDATE audit_events SET {column} = 'x' || substr({column}, 2) WHERE seq = 5"
    )  # same length
    conn.close()
    result = _verify(chain)
    assert not result.ok and result.first_bad_seq == 5
    assert "書き換え" in result.problem


def test_rewriting_a_row_and_its_hash_is_detected_at_the_next_row(chain: Database) -> None:
    conn = _raw(chain)
    row = conn.execute(
        "SELECT seq, ts, actor, action, entity, entity_id, payload, prev_hash FROM audit_events WHERE seq=4"
    ).fetchone()
    fields = dict(
        zip(["seq", "ts", "actor", "action", "entity", "entity_id", "payload", "prev_hash"], row, strict=True)
    )
    fields["payload"] = '{"login":"intruder"}'
    conn.execute(
        "UPDATE audit_events SET payload=?, hash=? WHERE seq=4", (fields["payload"], audit.event_hash(fields))
    )
    conn.close()
    result = _verify(chain)
    assert not result.ok and result.first_bad_seq == 5


def test_deleting_a_row_is_detected(chain: Database) -> None:
    conn = _raw(chain)
    conn.execute("DELETE FROM audit_events WHERE seq = 3")
    conn.close()
    result = _verify(chain)
    assert not result.ok and result.first_bad_seq == 3
    assert "削除" in result.problem


def test_reordering_two_rows_is_detected(chain: Database) -> None:
    conn = _raw(chain)
    conn.execute("UPDATE audit_events SET seq = -1 WHERE seq = 4")
    conn.execute("UPDATE audit_events SET seq = 4 WHERE seq = 5")
    conn.execute("UPDATE audit_events SET seq = 5 WHERE seq = -1")
    conn.close()
    result = _verify(chain)
    assert not result.ok and result.first_bad_seq == 4


def test_cutting_the_tail_is_detected_by_this_pcs_anchor(chain: Database) -> None:
    assert _verify(chain).ok  # this PC remembers (8, hash)
    assert settings.load_anchor(chain.database_id)[0] == 8  # type: ignore[index]
    conn = _raw(chain)
    conn.execute("DELETE FROM audit_events WHERE seq >= 7")
    conn.close()
    result = _verify(chain)
    assert result.ok, "the shorter chain is internally consistent..."
    assert result.warnings and "末尾が削除" in result.warnings[0], "...but this PC notices the cut"
    assert "注意" in result.summary()


def test_history_rewritten_from_scratch_is_detected_by_the_anchor(chain: Database) -> None:
    assert _verify(chain).ok
    conn = _raw(chain)
    rows = conn.execute(
        "SELECT seq, ts, actor, action, entity, entity_id, payload FROM audit_events ORDER BY seq"
    ).fetchall()
    prev = audit.GENESIS_HASH
    for seq, ts, actor, action, entity, entity_id, payload in rows:  # a forger re-hashes the whole chain
        if seq == 2:
            payload = '{"name":"偽の局"}'
        fields = {
            "seq": seq,
            "ts": ts,
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "payload": payload,
            "prev_hash": prev,
        }
        prev = audit.event_hash(fields)
        conn.execute(
            "UPDATE audit_events SET payload=?, prev_hash=?, hash=? WHERE seq=?",
            (payload, fields["prev_hash"], prev, seq),
        )
    conn.close()
    result = _verify(chain)
    assert result.ok
    assert result.warnings and "作り直された" in result.warnings[0]


def test_anchor_is_kept_outside_the_database(chain: Database, isolated_home: Path) -> None:
    _verify(chain)
    anchor_file = settings.anchors_path()
    assert anchor_file.is_relative_to(isolated_home)
    assert chain.database_id in anchor_file.read_text(encoding="utf-8")


def test_a_write_moves_the_anchor_at_once_and_the_file_a_moment_later(chain: Database, admin: Actor) -> None:
    """After a write this PC's anchor is its last event at once (a decision does not wait for the disk, issue 17);
    the file holds it once the background writer has run (and at exit), never a half-written file."""
    users.create_department(db=chain, actor=admin, name="環境局")
    with chain.read() as session:
        last = session.scalar(select(func.max(AuditEvent.seq)))
    location = chain.location.display()
    kept = settings.load_location_anchor(location)
    assert kept is not None and kept.seq == last and kept.database_id == chain.database_id
    settings.flush_anchors()  # what the background thread does
    on_disk = json.loads(settings.anchors_path().read_text(encoding="utf-8"))["locations"][location]
    assert (on_disk["seq"], on_disk["hash"]) == (kept.seq, kept.hash)
    assert settings.load_anchor(chain.database_id) == (kept.seq, kept.hash)


def test_a_save_that_waits_is_in_the_file_on_return(isolated_home: Path) -> None:
    anchor = settings.Anchor("db-1", 3, "a" * 64)
    settings.save_location_anchor("/tmp/x.sqlite3", anchor)
    assert "db-1" in settings.anchors_path().read_text(encoding="utf-8")
    later = settings.Anchor("db-1", 4, "b" * 64)
    settings.save_location_anchor("/tmp/x.sqlite3", later, wait=False)
    assert settings.load_location_anchor("/tmp/x.sqlite3") == later  # this process sees it at once
    settings.flush_anchors()
    assert '"seq": 4' in settings.anchors_path().read_text(encoding="utf-8")


def test_audit_list_filters_and_pages(chain: Database, admin: Actor) -> None:
    newest = auditlog.list_events(chain, admin, limit=3)
    assert [r.seq for r in newest] == [8, 7, 6]
    older = auditlog.list_events(chain, admin, before_seq=6, limit=10)
    assert [r.seq for r in older] == [5, 4, 3, 2, 1]
    assert [r.seq for r in auditlog.list_events(chain, admin, "user2")] == [6]
    assert [r.seq for r in auditlog.list_events(chain, admin, "部署の登録")] == [3, 2]
    assert auditlog.list_events(chain, admin, "100%_") == []


def test_audit_list_needs_a_role(chain: Database, admin: Actor) -> None:
    nobody = users.resolve_actor(chain, "user1")
    with pytest.raises(PermissionDeniedError, match="システム管理者"):
        auditlog.list_events(chain, nobody)


def test_every_action_the_services_write_has_a_japanese_label() -> None:
    """Scan the core for audit.append(..., "action", ...) and check the 監査ログ screen can name each."""
    import re

    root = Path(__file__).resolve().parent.parent / "sns_desk"
    found: set[str] = set()
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'audit\.append\(\s*session,\s*[\w.]+,\s*"([a-z_.]+)"', text))
        found |= {
            f"account.{a}" for a in ("approve_opening", "reject", "activate", "suspend", "resume", "close")
        }
        found |= {f"post.{a}" for a in ("approve", "reject", "delete", "discard")}
    assert found, "the scan found nothing"
    missing = sorted(a for a in found if a not in auditlog.ACTION_LABELS)
    assert missing == []
