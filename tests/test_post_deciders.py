"""Who may decide on a post (§5(1); PRODUCT.md §1), through the real services: for every role, on their own post
and on someone else's, with the account's self-approval setting off and on, the 承認待ち queue, the approve action
offered and the decision itself agree."""

from __future__ import annotations

import pytest

from sns_desk.domain.errors import PermissionDeniedError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus, Role
from sns_desk.domain.workflow import PostAction
from sns_desk.services import accounts, post_queries, post_workflow
from sns_desk.services.actors import Actor
from sns_desk.store.database import Database
from sns_desk.store.orm import Post
from tests.test_posts import draft, submit
from tests.world import People, in_state

WHO = {
    Role.RESPONSIBLE: "kyokucho",
    Role.MANAGER: "kacho",
    Role.STAFF: "tanto",
    Role.CONTRACTOR: "agency",
    Role.PR: "koho",
    Role.SYSTEM_ADMIN: "admin",
}
WRITERS = {Role.RESPONSIBLE, Role.MANAGER, Role.STAFF, Role.CONTRACTOR}


def pending_post(db: Database, people: People, account: int, person: Actor, role: Role, own: bool) -> int:
    """A post waiting for approval, written by ``person`` (own) or by another writer."""
    if own and role in WRITERS:
        post_id = draft(db, person, account)
        submit(db, person, post_id)
        return post_id
    author = people.agency if person == people.tanto else people.tanto
    post_id = draft(db, author, account)
    submit(db, author, post_id)
    if own:  # 広報課 and システム管理者 write no posts: their authorship is arranged directly
        with db.write_session() as session:
            post = session.get(Post, post_id)
            assert post is not None
            post.author_id = person.user_id
    return post_id


@pytest.mark.parametrize("setting", [False, True], ids=["four-eyes", "self-approval"])
@pytest.mark.parametrize("own", [False, True], ids=["others-post", "own-post"])
@pytest.mark.parametrize("role", list(WHO))
def test_queue_offered_actions_and_decision_agree(
    db: Database, people: People, role: Role, own: bool, setting: bool
) -> None:
    account = in_state(db, people, AccountStatus.ACTIVE)
    if setting:
        version = accounts.get_account(db, people.kacho, account).version
        accounts.set_allow_self_approval(db, people.kacho, account, version, True)
    person: Actor = getattr(people, WHO[role])
    post_id = pending_post(db, people, account, person, role, own)
    expected = role in (Role.RESPONSIBLE, Role.MANAGER) and (not own or setting)

    queued = post_id in [row.id for row in post_queries.pending_for(db, person)]
    detail = post_queries.get_post(db, person, post_id)
    offered = detail.actions[PostAction.APPROVE]
    assert (queued, offered.allowed) == (expected, expected)
    assert post_queries.count_pending_for(db, person) == (1 if expected else 0)
    if expected:
        post_workflow.approve(db, person, post_id, detail.row.version)
        assert post_queries.get_post(db, person, post_id).row.status is PostStatus.APPROVED
    else:
        with pytest.raises(PermissionDeniedError) as refused:
            post_workflow.approve(db, person, post_id, detail.row.version)
        assert offered.reason and offered.reason in refused.value.message
        assert post_queries.get_post(db, person, post_id).row.status is PostStatus.PENDING
