"""電子印鑑: decisions signed with the decider's Ed25519 key; verification catches edits, forgeries, signers without
the role at the time, and decisions without a signature."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role
from sns_desk.host.keyring_access import KeyringUnavailableError
from sns_desk.services import (
    account_policies,
    accounts,
    post_drafts,
    post_queries,
    post_workflow,
    seal_check,
    signing,
    users,
)
from sns_desk.services.actors import load_user
from sns_desk.services.post_drafts import PostInput
from sns_desk.store.database import Database
from sns_desk.store.orm import DecisionSignature, PostDecision, SigningKey
from tests.conftest import MemoryKeyring
from tests.test_posts import ALL_CHECKED, in_hours
from tests.world import People, RawConnection, in_state, valid_policy, version

BOTH_BACKENDS = True  # storage and workflow: on SQLite and on PostgreSQL (tests/conftest.py)


def pending_post(
    db: Database, people: People, account: int, body: str = "桜島の降灰予報をお知らせします。"
) -> int:
    post_id = post_drafts.create_draft(db, people.tanto, PostInput(account, body, planned_at=in_hours()))
    post_workflow.submit(
        db, people.tanto, post_id, post_queries.get_post(db, people.tanto, post_id).row.version, ALL_CHECKED
    )
    return post_id


def post_version(db: Database, people: People, post_id: int) -> int:
    return post_queries.get_post(db, people.kacho, post_id).row.version


def report(db: Database) -> seal_check.SignatureReport:
    with db.read() as session:
        return seal_check.verify(session)


def sql(db: Database, statement: str, *args: object) -> None:
    conn = RawConnection(db)  # as an SQLite editor or psql would
    try:
        conn.execute(statement, args)
    finally:
        conn.close()


@pytest.fixture
def account(db: Database, people: People) -> int:
    return in_state(db, people, AccountStatus.ACTIVE)


def test_every_kind_of_decision_is_signed_and_verifies(
    db: Database, people: People, account: int, memory_keyring: MemoryKeyring
) -> None:
    approved = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, approved, post_version(db, people, approved))
    rejected = pending_post(db, people, account, "花火大会の交通規制のお知らせです。")
    post_workflow.reject(
        db, people.kyokucho, rejected, post_version(db, people, rejected), "日時を確認してください"
    )
    number = account_policies.save_policy_draft(
        db, people.kacho, account, valid_policy(content="観光情報と防災情報")
    )
    draft = account_policies.list_policies(db, people.kacho, account)[0]
    account_policies.approve_policy(db, people.kyokucho, account, number, draft.version)
    refused = accounts.request_account(
        db, people.kacho, _second_account(people), people.kyokucho.user_id, valid_policy()
    )
    accounts.reject_request(db, people.kyokucho, refused, version(db, people.kyokucho, refused), "目的が重複")
    accounts.close(db, people.kyokucho, account, version(db, people.kyokucho, account), "事業終了")

    result = report(db)
    assert result.ok, result.problems
    with db.read() as session:
        kinds = dict(
            session.execute(
                select(DecisionSignature.kind, func.count()).group_by(DecisionSignature.kind)
            ).all()
        )
        keys = session.execute(select(SigningKey.user_id, func.count()).group_by(SigningKey.user_id)).all()
    # opening approval (account + its first policy), closing, refusal; two post decisions
    assert kinds == {"account_decision": 3, "policy_approval": 2, "post_decision": 2}
    assert result.checked == 7
    # one key per person on this PC, reused for every decision (the システム管理者's certified itself at bootstrap)
    assert sorted(n for _u, n in keys) == [1, 1, 1]
    private = {user for (service, user) in memory_keyring.store if "電子印鑑" in service}
    assert private == {"admin", "kacho", "kyokucho"}, (
        "the private keys are in the OS keyring, not in the database"
    )
    assert "電子印鑑" in result.summary() and "7 件" in result.summary()


def _second_account(people: People) -> accounts.AccountInput:
    from sns_desk.domain.vocabulary import Platform

    return accounts.AccountInput(
        Platform.INSTAGRAM, "鹿児島市観光公式Instagram", people.section_id, "@kanko_ig"
    )


def test_a_decision_edited_with_an_sqlite_editor_is_detected(
    db: Database, people: People, account: int
) -> None:
    post_id = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id), "問題ありません")
    assert report(db).ok
    sql(db, "UPDATE post_decisions SET comment = '承認していない' WHERE post_id = ?", post_id)
    [problem] = report(db).problems
    assert "決定の内容が署名の後で書き換えられています" in problem and "kacho" in problem
    sql(db, "UPDATE post_decisions SET comment = '問題ありません' WHERE post_id = ?", post_id)
    assert report(db).ok
    sql(db, "UPDATE post_decisions SET decided_by_id = ? WHERE post_id = ?", people.kyokucho.user_id, post_id)
    assert "書き換えられています" in report(db).problems[0]


def test_changing_the_approved_text_afterwards_is_detected(
    db: Database, people: People, account: int
) -> None:
    post_id = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    sql(db, "UPDATE post_revisions SET body = '承認されていない本文' WHERE post_id = ?", post_id)
    assert "書き換えられています" in report(db).problems[0]


def test_a_forged_or_damaged_signature_is_detected(db: Database, people: People, account: int) -> None:
    post_id = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    with db.read() as session:
        row = session.scalars(
            select(DecisionSignature).where(DecisionSignature.kind == "post_decision")
        ).one()
    flipped = ("0" if row.signature[0] != "0" else "1") + row.signature[1:]
    sql(db, "UPDATE decision_signatures SET signature = ? WHERE id = ?", flipped, row.id)
    assert "署名が正しくありません" in report(db).problems[0]


def test_a_signer_who_did_not_hold_the_role_at_that_time_is_reported(
    db: Database, people: People, account: int
) -> None:
    post_id = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    # kacho stops being 管理者 afterwards: the earlier decision stays valid (the role was held then)
    users.assign_account_role(db, people.kyokucho, account, people.outsider.user_id, Role.MANAGER)
    users.remove_account_role(db, people.kyokucho, account, people.kacho.user_id, Role.MANAGER)
    assert report(db).ok
    # a decision signed by someone who never held the role (written around the services, e.g. by a script)
    other = pending_post(db, people, account, "図書館の休館日のお知らせです。")
    signer = signing.signer_for(db, people.tanto)
    with db.write_session() as session:
        from sns_desk.store import audit_chain as audit

        me = load_user(session, people.tanto)
        decision = PostDecision(
            post_id=other, revision_number=1, kind="approve", comment="", decided_by_id=me.id
        )
        session.add(decision)
        session.flush()
        event = audit.append(session, me.login, "post.approve", "post", other, {})
        signing.sign_decision(
            session, signer, me, event, Permission.APPROVE_POST, account, signing.POST_DECISION, decision.id
        )
    signing.certify(db, people.admin, "tanto")  # a genuine key: what is wrong is the role
    [problem] = report(db).problems
    assert "tanto" in problem and "権限のある役割ではありませんでした" in problem


def test_a_decision_without_a_signature_is_reported(db: Database, people: People, account: int) -> None:
    post_id = pending_post(db, people, account)
    sql(
        db,
        "INSERT INTO post_decisions (post_id, revision_number, kind, comment, decided_by_id, decided_at)"
        " VALUES (?, 1, 'approve', '', ?, '2030-01-01 00:00:00.000000')",
        post_id,
        people.kacho.user_id,
    )
    assert any("署名がありません" in p for p in report(db).problems)


def test_raising_the_signing_boundary_in_the_database_hides_nothing(
    db: Database, people: People, account: int
) -> None:
    """Issue 13 (c): the boundary was a free app_meta row; raising it hid every unsigned forged decision."""
    post_id = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    sql(db, "DELETE FROM decision_signatures")
    assert not report(db).ok
    sql(db, "UPDATE app_meta SET value = '100000' WHERE key = 'signing_since_seq'")
    with db.write_session() as session:  # nor does a hash-correct boundary event appended by a file-writer
        from sns_desk.store import audit_chain as audit

        audit.append(session, "admin", signing.SINCE, "database", "signing", {"seq": 100000})
    result = report(db)
    assert (
        len([p for p in result.problems if "署名がありません" in p]) == 2
    )  # the opening approval and the post
    assert result.unsigned_before == 0


def test_another_pc_gets_its_own_key_and_both_verify(db: Database, people: People, account: int) -> None:
    first = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, first, post_version(db, people, first))
    admins_pc = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # the same person on another PC
    second = pending_post(db, people, account, "花火大会の交通規制のお知らせです。")
    post_workflow.approve(db, people.kacho, second, post_version(db, people, second))
    with db.read() as session:
        keys = session.scalars(select(SigningKey).where(SigningKey.user_id == people.kacho.user_id)).all()
    assert len(keys) == 2 and keys[0].fingerprint != keys[1].fingerprint
    [problem] = [p for p in report(db).problems if "認証なしに登録" in p]
    assert keys[1].fingerprint in problem, "a key that changed without certification is reported"
    keyring.set_keyring(admins_pc)  # the システム管理者 certifies it at their own PC
    assert signing.certify(db, people.admin, "kacho") == [keys[1].fingerprint]
    assert report(db).ok


def test_without_a_usable_keyring_nothing_is_decided(db: Database, people: People, account: int) -> None:
    post_id = pending_post(db, people, account)
    keyring.set_keyring(type("Keyring", (MemoryKeyring,), {"__module__": "keyring.backends.fail"})())
    with pytest.raises(KeyringUnavailableError, match="電子印鑑"):
        post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    assert post_queries.get_post(db, people.kacho, post_id).row.status is PostStatus.PENDING
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(PostDecision)) == 0


def test_verify_on_the_command_line_reports_signature_problems(
    db: Database,
    people: People,
    account: int,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sns_desk.cli import main as cli

    monkeypatch.setattr(
        "sns_desk.host.identity.current_login", lambda: "admin"
    )  # verifying needs a registered login

    post_id = pending_post(db, people, account)
    post_workflow.approve(db, people.kacho, post_id, post_version(db, people, post_id))
    where = str(db.location.path or db.location.url)
    assert cli.main(["--db", where, "verify"]) == 0
    assert "電子印鑑: 3 件" in capsys.readouterr().out  # opening (account + policy), post
    sql(db, "UPDATE post_decisions SET comment = '改ざん' WHERE post_id = ?", post_id)
    assert cli.main(["--db", where, "verify"]) == 1
    assert "書き換えられています" in capsys.readouterr().err


def test_the_post_history_shows_each_decisions_seal(db: Database, people: People, account: int) -> None:
    post_id = pending_post(db, people, account)
    post_workflow.reject(
        db, people.kacho, post_id, post_version(db, people, post_id), "日時を確認してください"
    )
    [decision] = post_queries.get_post(db, people.tanto, post_id).decisions
    with db.read() as session:
        fingerprint = session.scalars(
            select(SigningKey.fingerprint).where(SigningKey.user_id == people.kacho.user_id)
        ).one()
    assert decision.seal == f"電子印鑑 ✓ {fingerprint}"
    sql(db, "UPDATE post_decisions SET comment = '改ざん' WHERE post_id = ?", post_id)
    [decision] = post_queries.get_post(db, people.tanto, post_id).decisions
    assert decision.seal == "⚠ 決定の内容が署名の後で書き換えられています。"
    sql(db, "DELETE FROM decision_signatures")
    assert post_queries.get_post(db, people.tanto, post_id).decisions[0].seal == "⚠ 電子印鑑がありません"
