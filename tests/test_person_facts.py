"""What a use case reads with its person in one statement (issue 17: services/person_facts) is exactly what each
reader would read alone, is read again once a flush writes it, and a later session sees another PC's writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sns_desk.domain.vocabulary import Role
from sns_desk.services import person_facts
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.notice_tables import MailOptOut
from sns_desk.store.orm import AccountDeputy, AccountMember, AppMeta, SigningKey
from tests.conftest import give_role, make_account, make_user
from tests.scale import counting

BOTH_BACKENDS = True

NOW = datetime(2026, 12, 1, 3, tzinfo=UTC)


def arrange(db: Database, admin: Actor) -> tuple[Actor, list[int]]:
    """A person with two roles on one account and one on another, two 代決 periods on the first (named in the
    reverse order of their ends), a city setting and a muted kind."""
    person = make_user(db, "facts")
    first, second = make_account(db, "鹿児島市観光X"), make_account(db, "鹿児島市防災LINE")
    give_role(db, person, first, Role.MANAGER)
    give_role(db, person, first, Role.STAFF)
    give_role(db, person, second, Role.STAFF)
    with db.write_session() as session:
        for days in (20, 5):  # the later-ending one named first
            session.add(
                AccountDeputy(
                    account_id=first,
                    user_id=person.user_id,
                    valid_from=NOW - timedelta(days=1),
                    valid_until=NOW + timedelta(days=days),
                    named_by_id=admin.user_id,
                )
            )
        session.add(AppMeta(key=person_facts.ROTATION_KEY, value="45"))
        session.add(MailOptOut(user_id=person.user_id, kind="decided"))
        session.add(
            SigningKey(user_id=person.user_id, public_key="ab" * 32, fingerprint="abab:abab:abab:abab")
        )
    return person, [first, second]


def read_alone(db: Database, user_id: int) -> tuple[object, ...]:
    with db.read() as session:
        return (
            sorted(person_facts.memberships(session, user_id)),
            person_facts.named_memberships(session, user_id),
            person_facts.designations(session, user_id),
            person_facts.settings(session),
            person_facts.muted(session, user_id),
            person_facts.signing_keys(session, user_id),
        )


def test_what_is_read_with_the_person_is_what_each_reader_reads(db: Database, admin: Actor) -> None:
    person, (first, second) = arrange(db, admin)
    alone = read_alone(db, person.user_id)
    with db.read() as session, counting(db) as seen:
        user = person_facts.load_person(session, person.user_id)
        together = (
            sorted(person_facts.memberships(session, person.user_id)),
            person_facts.named_memberships(session, person.user_id),
            person_facts.designations(session, person.user_id),
            person_facts.settings(session),
            person_facts.muted(session, person.user_id),
            person_facts.signing_keys(session, person.user_id),
        )
    assert user is not None and user.login == "facts"
    assert seen.count == 1  # the person and all five, one statement
    assert together == alone
    memberships, named, designations, stored, muted, keys = together
    assert memberships == sorted([(first, Role.MANAGER), (first, Role.STAFF), (second, Role.STAFF)])
    assert named == [  # by account name, as the status bar lists them
        (Role.MANAGER, "鹿児島市観光X"),
        (Role.STAFF, "鹿児島市観光X"),
        (Role.STAFF, "鹿児島市防災LINE"),
    ]
    assert [d[2] for d in designations] == [NOW + timedelta(days=5), NOW + timedelta(days=20)]  # by their end
    assert stored == {person_facts.ROTATION_KEY: "45"} and muted == {"decided"}
    assert list(keys) == ["ab" * 32]  # the 電子印鑑 key a decision signs with (signing._key_id)


def test_a_person_without_any_and_a_person_unknown(db: Database, admin: Actor) -> None:
    nobody = make_user(db, "nobody")
    with db.read() as session:
        assert person_facts.load_person(session, nobody.user_id) is not None
        assert person_facts.memberships(session, nobody.user_id) == []
        assert person_facts.designations(session, nobody.user_id) == []
        assert person_facts.muted(session, nobody.user_id) == set()
        assert person_facts.signing_keys(session, nobody.user_id) == {}
        assert person_facts.load_person(session, 999_999) is None


def test_a_flush_that_writes_them_forgets_them_and_a_new_session_sees_another_pcs_writes(
    db: Database, admin: Actor
) -> None:
    person, (_first, second) = arrange(db, admin)
    with db.write_session() as session:
        person_facts.load_person(session, person.user_id)
        session.add(AccountMember(account_id=second, user_id=person.user_id, role=Role.MANAGER))
        session.add(MailOptOut(user_id=person.user_id, kind="serious_trouble"))
        session.get_one(AppMeta, person_facts.ROTATION_KEY).value = "30"  # not flushed: reading flushes them
        assert (second, Role.MANAGER) in person_facts.memberships(session, person.user_id)
        assert person_facts.muted(session, person.user_id) == {"decided", "serious_trouble"}
        assert person_facts.settings(session)[person_facts.ROTATION_KEY] == "30"
        session.add(
            SigningKey(user_id=person.user_id, public_key="cd" * 32, fingerprint="cdcd:cdcd:cdcd:cdcd")
        )
        assert set(person_facts.signing_keys(session, person.user_id)) == {"ab" * 32, "cd" * 32}
    with db.read() as reading:
        person_facts.load_person(reading, person.user_id)
        assert (second, Role.RESPONSIBLE) not in person_facts.memberships(reading, person.user_id)
    give_role(db, person, second, Role.RESPONSIBLE)  # another PC's write
    with db.read() as later:  # the next use case sees it
        person_facts.load_person(later, person.user_id)
        assert (second, Role.RESPONSIBLE) in person_facts.memberships(later, person.user_id)
