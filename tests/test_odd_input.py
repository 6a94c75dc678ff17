"""Odd input (issue 13, item 9): NUL, lone surrogates and odd digits are refused with a clear Japanese message."""

from __future__ import annotations

import pytest
from sqlalchemy.orm.exc import StaleDataError

from sns_desk.domain.errors import ConflictError, ValidationError
from sns_desk.domain.validation import reference_number, usable_text
from sns_desk.domain.vocabulary import IncidentType
from sns_desk.services import audit_log, incidents, post_drafts, post_queries
from sns_desk.store.database import Database
from tests import test_reports
from tests.test_posts import in_hours
from tests.world import People

BOTH_BACKENDS = True
account = test_reports.account  # the fixture: an active account with its 運用ポリシー


@pytest.mark.parametrize("words", ["降灰\x00予報", "\x00\x00\x00", "桜島\ud800", "\udcff"])
def test_a_search_with_nul_or_a_lone_surrogate_is_refused_clearly(
    db: Database, people: People, account: int, words: str
) -> None:
    post_drafts.create_draft(
        db, people.tanto, post_drafts.PostInput(account, "桜島の降灰予報", planned_at=in_hours())
    )
    with pytest.raises(ValidationError, match="検索する語に使えない文字") as refused:
        post_queries.list_posts(db, people.tanto, post_queries.PostFilter(text=words))
    assert "保存されていません" not in refused.value.message
    found = post_queries.list_posts(db, people.tanto, post_queries.PostFilter(text="降灰予報"))
    assert [row.body for row in found] == ["桜島の降灰予報"], "an ordinary search still works"


@pytest.mark.parametrize("reference", ["²", "1" * 5000, "1" * 20, "１２", "-1", "1e3", "#"])
def test_a_post_number_that_is_not_a_plain_number_is_refused(
    db: Database, people: People, account: int, reference: str
) -> None:
    incident_id = incidents.open_incident(
        db, people.tanto, account, IncidentType.WRONG_INFORMATION, "誤った開館時間", "土曜の開館時間の誤り"
    )
    with pytest.raises(ValidationError, match="投稿の番号を入力してください"):
        incidents.record_action(db, people.tanto, incident_id, "correction_post", reference)


def test_a_trouble_record_with_nul_is_refused(db: Database, people: People, account: int) -> None:
    incident_id = incidents.open_incident(
        db, people.tanto, account, IncidentType.WRONG_INFORMATION, "誤った開館時間", "土曜の開館時間の誤り"
    )
    with pytest.raises(ValidationError, match="記録に使えない文字"):
        incidents.record_action(db, people.tanto, incident_id, "contact", "図書館へ\x00電話")
    with pytest.raises(ValidationError, match="記録に使えない文字"):
        incidents.record_action(db, people.tanto, incident_id, "contact", "図書館へ\udce3電話")
    incidents.record_action(db, people.tanto, incident_id, "contact", "図書館へ電話 11/30 10:00")


def test_reference_numbers_are_ascii_digits_of_bounded_length() -> None:
    assert reference_number("12") == 12 and reference_number(" #12 ") == 12
    assert reference_number("999999999") == 999_999_999
    assert [reference_number(x) for x in ("1234567890", "²", "١٢", "１２", "", "+1")] == [None] * 6
    assert usable_text("桜島", "名前") == "桜島"


def test_a_conflict_says_nothing_was_saved_and_promises_no_display(db: Database) -> None:
    def work(session: object) -> None:
        raise StaleDataError("UPDATE statement on table 'posts' expected to update 1 row(s); 0 were matched.")

    with pytest.raises(ConflictError) as conflict:
        db.write(work, what="edit")
    assert "保存されていません" in conflict.value.message
    assert "表示します" not in conflict.value.message


@pytest.mark.parametrize("words", ["post\x00.approve", "承認\udcff"])
def test_an_audit_log_search_with_nul_or_a_lone_surrogate_is_refused(
    db: Database, people: People, words: str
) -> None:
    with pytest.raises(ValidationError, match="検索する語に使えない文字"):
        audit_log.list_events(db, people.admin, words)
    assert audit_log.list_events(db, people.admin, "user.create"), "an ordinary search still works"
