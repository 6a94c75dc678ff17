"""Random sequences of post actions by random people never reach a forbidden state, never lose a revision, and
leave an audit chain that verifies after every step.  The account allows 事後承認 (§5(9)), so an emergency post
may go out while 承認待ち and wait for the 管理者's decision afterwards."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime, time, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import ConflictError, PermissionDeniedError, SnsDeskError, ValidationError
from sns_desk.domain.vocabulary import AccountStatus, PostStatus
from sns_desk.domain.workflow import DECISIONS, TRANSITIONS, PostAction, publication_action
from sns_desk.services import accounts, after_approval, post_drafts, post_queries, post_workflow, users
from sns_desk.services.post_drafts import PostInput
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import open_database

P = PostStatus
PEOPLE = ["kacho", "kyokucho", "tanto", "agency", "koho", "outsider"]
WRITERS = {"kacho", "kyokucho", "tanto", "agency"}
APPROVERS = {"kacho", "kyokucho"}
BODIES = [
    "桜島の降灰予報です。",
    "イベントのお知らせ https://www.city.kagoshima.lg.jp/",
    "詳細は bit.ly/x へ",
    "花火大会は中止です。",
]
ALL_CHECKED = [item_id for item_id, _s, _t in post_drafts.self_check_items()]


def working_morning() -> datetime:
    day = datetime.now(pol.JST).date() + timedelta(days=3)
    while not pol.within_operating_hours(pol.PolicyData.office_hours(), pol.at_jst(day, time(10))).within:
        day += timedelta(days=1)
    return pol.at_jst(day, time(10))


class PostWorkflow(RuleBasedStateMachine):
    posts_bundle = Bundle("posts")

    def __init__(self) -> None:
        super().__init__()
        from tests import world

        self.home = tempfile.mkdtemp(prefix="sns-desk-sm-")
        self._old_home = os.environ.get("SNS_DESK_HOME")
        os.environ["SNS_DESK_HOME"] = self.home
        self.db = open_database(os.path.join(self.home, "db.sqlite3"), create=True, shared=True)
        admin = users.bootstrap_first_admin(self.db, "admin", "管理 太郎", "総務局", "")
        self.people = world.make_people(self.db, admin)
        self.account = world.in_state(self.db, self.people, AccountStatus.ACTIVE)
        row = accounts.get_account(self.db, self.people.kacho, self.account)
        accounts.set_allow_after_approval(self.db, self.people.kacho, self.account, row.version, True)
        self.actors = {name: getattr(self.people, name) for name in PEOPLE}
        self.model: dict[int, dict[str, object]] = {}  # post id -> expected status, revisions, editors
        self.when = working_morning()

    def teardown(self) -> None:
        self.db.dispose()
        if self._old_home is None:
            os.environ.pop("SNS_DESK_HOME", None)
        else:
            os.environ["SNS_DESK_HOME"] = self._old_home
        shutil.rmtree(self.home, ignore_errors=True)

    def _input(self, body: str, emergency: bool) -> PostInput:
        reason = "大雨特別警報の発表のため" if emergency else ""
        return PostInput(
            self.account, body, planned_at=self.when, emergency=emergency, emergency_reason=reason
        )

    @rule(
        target=posts_bundle,
        who=st.sampled_from(PEOPLE),
        body=st.sampled_from(BODIES),
        emergency=st.booleans(),
    )
    def create(self, who: str, body: str, emergency: bool) -> int:
        try:
            post_id = post_drafts.create_draft(self.db, self.actors[who], self._input(body, emergency))
        except PermissionDeniedError:
            assert who not in WRITERS
            return -1
        assert who in WRITERS
        self.model[post_id] = {"status": P.DRAFT, "revisions": 1, "editors": {who}, "emergency": emergency}
        return post_id

    @rule(
        post_id=posts_bundle,
        who=st.sampled_from(PEOPLE),
        action=st.sampled_from(list(PostAction)),
        body=st.sampled_from(BODIES),
        stale=st.booleans(),
    )
    def act(self, post_id: int, who: str, action: PostAction, body: str, stale: bool) -> None:
        if post_id < 0:
            return
        actor = self.actors[who]
        expected = self.model[post_id]
        before = expected["status"]
        version = post_queries.get_post(self.db, self.people.admin, post_id).row.version - (1 if stale else 0)
        calls = {
            PostAction.SAVE: lambda: post_drafts.save_draft(
                self.db, actor, post_id, version, self._input(body, bool(expected["emergency"]))
            ),
            PostAction.SUBMIT: lambda: post_workflow.submit(self.db, actor, post_id, version, ALL_CHECKED),
            PostAction.WITHDRAW: lambda: post_workflow.withdraw(self.db, actor, post_id, version),
            PostAction.APPROVE: lambda: post_workflow.approve(self.db, actor, post_id, version),
            PostAction.REJECT: lambda: post_workflow.reject(self.db, actor, post_id, version, "要修正"),
            PostAction.PUBLISH: lambda: post_workflow.record_publication(
                self.db, actor, post_id, version, "https://x.com/k/status/9", working_morning()
            ),
            # the same record: a 承認待ち post goes out first (事後承認), an approved one is published
            PostAction.PUBLISH_FIRST: lambda: post_workflow.record_publication(
                self.db, actor, post_id, version, "https://x.com/k/status/10", working_morning()
            ),
            PostAction.AFTER_APPROVE: lambda: after_approval.decide_after(
                self.db, actor, post_id, version, PostAction.AFTER_APPROVE
            ),
            PostAction.ORDER_CORRECTION: lambda: after_approval.decide_after(
                self.db, actor, post_id, version, PostAction.ORDER_CORRECTION, "日付の誤り"
            ),
            PostAction.ORDER_DELETION: lambda: after_approval.decide_after(
                self.db, actor, post_id, version, PostAction.ORDER_DELETION, "不適切な表現"
            ),
            PostAction.DELETE: lambda: post_workflow.record_deletion(
                self.db, actor, post_id, version, "誤りのため"
            ),
            PostAction.DISCARD: lambda: post_workflow.discard(self.db, actor, post_id, version),
        }
        try:
            calls[action]()
        except (PermissionDeniedError, ConflictError, ValidationError) as error:
            assert post_queries.get_post(self.db, self.people.admin, post_id).row.status is before, (
                "a refused action changes nothing"
            )
            assert isinstance(error, SnsDeskError) and error.message
            return
        # it succeeded: it must have been allowed
        assert not stale, "a decision on a stale version must never win"
        if action in (PostAction.PUBLISH, PostAction.PUBLISH_FIRST):
            action = publication_action(before)  # type: ignore[arg-type]
        if action is PostAction.PUBLISH_FIRST:
            assert expected["emergency"], "only an emergency post goes out before approval (§5(9))"
            expected["editors"].add(who)  # type: ignore[attr-defined]  # four eyes: nor decides on it afterwards
        transition = TRANSITIONS[action]
        assert before in transition.sources, f"{action} from {before}"
        if transition.permission.value in ("write_post", "record_publication"):
            assert who in WRITERS
        else:
            assert who in APPROVERS
        if action in DECISIONS:
            assert who not in expected["editors"], "four-eyes"
        if action is PostAction.SUBMIT:
            assert "bit.ly" not in post_queries.get_post(self.db, self.people.admin, post_id).row.body
        if action is PostAction.SAVE:
            expected["revisions"] = int(expected["revisions"]) + 1  # type: ignore[call-overload]
            expected["editors"].add(who)  # type: ignore[attr-defined]
        expected["status"] = transition.target
        assert post_queries.get_post(self.db, self.people.admin, post_id).row.status is transition.target

    @invariant()
    def revisions_are_never_lost(self) -> None:
        for post_id, expected in self.model.items():
            detail = post_queries.get_post(self.db, self.people.admin, post_id)
            assert len(detail.revisions) == expected["revisions"]
            assert [r.number for r in detail.revisions] == list(range(1, len(detail.revisions) + 1))
            assert detail.row.status is expected["status"]

    @invariant()
    def audit_chain_verifies(self) -> None:
        with self.db.read() as session:
            assert audit.verify_chain(session).ok


PostWorkflow.TestCase.settings = settings(
    max_examples=int(os.environ.get("SNS_DESK_STATEFUL_EXAMPLES", "25")),
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_post_workflow = PostWorkflow.TestCase
