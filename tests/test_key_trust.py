"""Issue 13, items 1 and 2: a 電子印鑑 a file-writer cannot forge, and anchors that notice.

Each test replays an attack reproduced against the earlier code (where it went unnoticed) or a legitimate event
that the earlier code could not tell from an attack (a restore).
"""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from sns_desk.domain.errors import PermissionDeniedError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus
from sns_desk.host import identity, settings
from sns_desk.services import audit_log, backups, post_workflow, signing, users
from sns_desk.services.actors import load_user
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database, open_database
from sns_desk.store.orm import AuditEvent, PostDecision, SigningKey
from tests.conftest import MemoryKeyring
from tests.test_signing import pending_post, post_version, report, sql
from tests.world import People, RawConnection, in_state

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)

REAL_OS_LOGIN_IS = signing.os_login_is  # before tests/conftest.py seats each person at their own PC


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def forged_approval(db: Database, people: People, post_id: int, account: int) -> None:
    """Attack (a): a 課 member with write access appends a 'post.approve' with a correct hash and signs it with
    their own key, registered under the 管理者's name."""
    private = Ed25519PrivateKey.generate()
    attacker = signing.Signer("kacho", private, private.public_key().public_bytes_raw().hex())
    with db.write_session() as session:
        kacho = load_user(session, people.kacho)
        decision = PostDecision(
            post_id=post_id, revision_number=1, kind="approve", comment="", decided_by_id=kacho.id
        )
        session.add(decision)
        session.flush()
        event = audit.append(session, "kacho", "post.approve", "post", post_id, {})
        signing.sign_decision(
            session,
            attacker,
            kacho,
            event,
            Permission.APPROVE_POST,
            account,
            signing.POST_DECISION,
            decision.id,
        )


def test_a_decision_signed_with_a_key_registered_under_someone_elses_name_is_reported(
    db: Database, people: People, account: int
) -> None:
    post_id = pending_post(db, people, account)
    forged_approval(db, people, post_id, account)
    problems = report(db).problems
    assert any("投稿の承認" in p and "kacho" in p and "認証されていません" in p for p in problems), problems
    assert any("kacho の鍵" in p and "認証なしに登録" in p for p in problems), problems


def test_a_file_writer_cannot_certify_their_own_key(db: Database, people: People, account: int) -> None:
    """Nor can they slip in a certification of it: only a key leading back to the root certifies."""
    post_id = pending_post(db, people, account)
    forged_approval(db, people, post_id, account)
    rogue = Ed25519PrivateKey.generate()
    rogue_signer = signing.Signer("admin", rogue, rogue.public_key().public_bytes_raw().hex())
    with db.read() as session:
        key = session.scalars(select(SigningKey).order_by(SigningKey.id.desc())).first()
    assert key is not None
    with db.write_session() as session:
        audit.append(
            session, "admin", signing.CERTIFY, "user", people.kacho.user_id,
            signing.certificate(rogue_signer, "kacho", key.public_key, False),
        )  # fmt: skip
    problems = report(db).problems
    assert any("偽の認証のおそれ" in p for p in problems), problems
    assert any("認証されていません" in p for p in problems), problems


def test_a_program_naming_the_manager_as_actor_cannot_sign_for_them(
    db: Database, people: People, account: int, monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    """Attack (b): calling the installed package's approve() with an Actor naming the 管理者 on another PC."""
    monkeypatch.setattr(signing, "os_login_is", REAL_OS_LOGIN_IS)
    assert identity.current_login() != "kacho"
    post_id = pending_post(db, people, account)
    keys_before = dict(memory_keyring.store)
    keyring.set_keyring(MemoryKeyring())  # the attacker's own PC
    with pytest.raises(PermissionDeniedError, match="OS のログイン"):
        post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(PostDecision)) == 0
    assert not keyring.get_keyring().store, "no key was made for the 管理者 on the attacker's PC"  # type: ignore[attr-defined]
    assert memory_keyring.store == keys_before


def test_the_first_administrators_key_certifies_itself_and_others_only_through_it(
    db: Database, people: People, capsys: pytest.CaptureFixture[str]
) -> None:
    from sns_desk.cli import main as cli

    rows = {(r.login, r.certified, r.is_root) for r in signing.list_keys(db, people.admin)}
    assert rows == {("admin", True, True), ("kacho", True, False), ("kyokucho", True, False)}
    with pytest.raises(PermissionDeniedError):
        signing.list_keys(db, people.kacho)
    signing.register_key(db, people.tanto)
    assert ("tanto", False, False) in {
        (r.login, r.certified, r.is_root) for r in signing.list_keys(db, people.admin)
    }
    assert not report(db).ok
    with pytest.raises(PermissionDeniedError):  # a 管理者 is no システム管理者
        signing.certify(db, people.kacho, "tanto")
    assert signing.certify(db, people.admin, "tanto")
    assert report(db).ok
    # on the command line, as the OS user
    where = str(db.location.path or db.location.url)
    monkeypatch_login = pytest.MonkeyPatch()
    monkeypatch_login.setattr(identity, "current_login", lambda: "admin")
    try:
        assert cli.main(["--db", where, "keys", "list"]) == 0
        out = capsys.readouterr().out
        assert "admin\t管理 太郎" in out and "認証済み（信頼の起点）" in out and "tanto" in out
    finally:
        monkeypatch_login.undo()


# --- anchors -------------------------------------------------------------------------------------------------


def _cut_tail(db: Database, keep: int) -> None:
    conn = RawConnection(db)
    try:
        conn.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
    finally:
        conn.close()


def _last_seq(db: Database) -> int:
    with db.read() as session:
        return audit.chain_end(session)[0]


def test_a_pc_that_never_ran_verify_notices_a_cut_tail(db: Database, people: People, account: int) -> None:
    """Anchors were saved only by verify: a PC that only worked noticed nothing."""
    post_id = pending_post(db, people, account)  # this PC's own writes
    mine = _last_seq(db)
    anchor = settings.load_location_anchor(db.location.display())
    assert anchor is not None and anchor.seq == mine and anchor.database_id == db.database_id
    _cut_tail(db, mine - 2)
    warnings = audit_log.anchor_warnings(db)
    assert any("末尾が削除" in w for w in warnings), warnings
    post_workflow.withdraw(db, people.tanto, post_id, post_version(db, people, post_id))  # writing on...
    assert any("末尾が削除" in w for w in audit_log.anchor_warnings(db)), "...does not bless the cut chain"


def test_each_start_saves_the_anchor(
    db: Database, people: People, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SNS_DESK_HOME", str(tmp_path / "another-pc"))  # a PC that only reads
    assert audit_log.anchor_warnings(db) == []  # first start: anchored
    seen = _last_seq(db)
    _cut_tail(db, seen - 1)
    assert any("末尾が削除" in w for w in audit_log.anchor_warnings(db))


def test_a_changed_database_id_at_the_same_location_is_a_warning(
    db: Database, people: People, account: int
) -> None:
    assert audit_log.anchor_warnings(db) == []
    seen = _last_seq(db)
    _cut_tail(db, seen - 1)
    sql(db, "UPDATE app_meta SET value = 'forged-id' WHERE key = 'database_id'")
    reopened = open_database(db.location.path or db.location.url)
    try:
        warnings = audit_log.anchor_warnings(reopened)
        assert any("識別子が" in w and "forged-id" in w for w in warnings), warnings
        assert any("末尾が削除" in w for w in warnings), "the cut is noticed although the id changed"
        result = audit_log.verify_log(reopened, people.admin)
        assert result.warnings, "verify keeps warning until the change is confirmed"
        audit_log.accept_current_history(reopened, people.admin)  # confirmed after checking with the admin
        assert audit_log.anchor_warnings(reopened) == []
    finally:
        reopened.dispose()


def _rehash_from(db: Database, change: dict[int, str]) -> None:
    """A forger rebuilds the whole chain with ``change`` (seq -> payload), every hash recomputed."""
    conn = RawConnection(db)
    try:
        rows = conn.execute(
            "SELECT seq, ts, actor, action, entity, entity_id, payload FROM audit_events ORDER BY seq"
        ).fetchall()
        prev = audit.GENESIS_HASH
        for seq, ts, actor, action, entity, entity_id, payload in rows:
            payload = change.get(seq, payload)
            fields = {"seq": seq, "ts": ts, "actor": actor, "action": action, "entity": entity,
                      "entity_id": entity_id, "payload": payload, "prev_hash": prev}  # fmt: skip
            prev = audit.event_hash(fields)
            conn.execute(
                "UPDATE audit_events SET payload=?, prev_hash=?, hash=? WHERE seq=?",
                (payload, fields["prev_hash"], prev, seq),
            )
    finally:
        conn.close()


def test_a_chain_rebuilt_with_another_root_key_is_a_loud_warning(db: Database, people: People) -> None:
    assert audit_log.anchor_warnings(db) == []  # this PC pins the システム管理者's key
    rogue = Ed25519PrivateKey.generate()
    rogue_signer = signing.Signer("admin", rogue, rogue.public_key().public_bytes_raw().hex())
    with db.read() as session:
        bootstrap = session.get(AuditEvent, 1)
        assert bootstrap is not None and bootstrap.action == "system.bootstrap"
        payload = json.loads(bootstrap.payload)
    payload["certificate"] = signing.certificate(rogue_signer, "admin", rogue_signer.public_hex, True)
    _rehash_from(db, {1: audit.canonical_json(payload)})
    warnings = audit_log.anchor_warnings(db)
    assert any("システム管理者の電子印鑑の鍵が" in w for w in warnings), warnings
    assert any(
        "システム管理者の電子印鑑の鍵が" in p for p in audit_log.verify_signatures(db, people.admin).problems
    )


@pytest.mark.sqlite_only
def test_a_restore_signed_by_the_admin_is_shown_once_then_accepted_by_other_pcs(
    db: Database, people: People, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    other_pc = tmp_path / "other-pc"

    def at_other_pc() -> None:
        monkeypatch.setenv("SNS_DESK_HOME", str(other_pc))

    def at_admins_pc() -> None:
        monkeypatch.setenv("SNS_DESK_HOME", str(isolated_home))

    saved = backups.backup_now(db, people.admin, tmp_path / "before.sqlite3")
    users.create_department(db, people.admin, "復元で消える局")
    at_other_pc()
    assert (
        audit_log.verify_log(db, people.admin).ok and not audit_log.verify_log(db, people.admin).warnings
    )  # anchored after the backup
    at_admins_pc()
    backups.restore(db, people.admin, saved)
    assert audit_log.verify_log(db, people.admin).warnings == []  # the admin's own PC knows
    at_other_pc()
    first = audit_log.verify_log(db, people.admin)
    assert first.ok and first.warnings == [], first.warnings
    assert any("バックアップから復元しました" in n for n in first.notices), "shown once..."
    again = audit_log.verify_log(db, people.admin)
    assert again.warnings == [] and again.notices == [], "...then the new history is accepted"
    assert "復元" not in again.summary()


@pytest.mark.sqlite_only
def test_a_restore_event_without_the_admins_signature_explains_nothing(
    db: Database, people: People, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SNS_DESK_HOME", str(tmp_path / "other-pc"))
    assert audit_log.verify_log(db, people.admin).warnings == []
    seen = _last_seq(db)
    _cut_tail(db, seen - 2)
    with db.write_session() as session:  # a file-writer's restore: hash-correct, signed with their own key
        rogue = Ed25519PrivateKey.generate()
        rogue_signer = signing.Signer("admin", rogue, rogue.public_key().public_bytes_raw().hex())
        audit.append(
            session, "admin", "database.restore", "database", db.database_id,
            signing.sign_restore(rogue_signer, {"replaced_seq": seen, "restored_seq": seen - 2}),
        )  # fmt: skip
    result = audit_log.verify_log(db, people.admin)
    assert any("作り直された" in w or "末尾" in w for w in result.warnings), result.warnings
    assert result.notices == []


def test_every_command_line_start_keeps_the_anchor(
    db: Database,
    people: People,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from sns_desk.cli import main as cli

    monkeypatch.setenv("SNS_DESK_HOME", str(tmp_path / "a-pc-that-only-lists"))
    monkeypatch.setattr(identity, "current_login", lambda: "kacho")
    where = str(db.location.path or db.location.url)
    assert cli.main(["--db", where, "incident", "list"]) == 0
    assert settings.load_location_anchor(db.location.display()) is not None, "anchored at start"
    _cut_tail(db, _last_seq(db) - 1)
    capsys.readouterr()
    assert cli.main(["--db", where, "incident", "list"]) == 0
    assert "末尾が削除" in capsys.readouterr().err
    assert cli.main(["--db", where, "keys", "trust", "--yes"]) == 0
    capsys.readouterr()
    assert cli.main(["--db", where, "incident", "list"]) == 0
    assert "末尾が削除" not in capsys.readouterr().err
