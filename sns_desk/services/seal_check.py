"""電子印鑑の検査: every decision's signature, its content recomputed, the signer's role at the time and the
certification of every key (issue 13, item 1); the seals shown beside each decision."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns_desk.domain.permissions import TABLE, Permission
from sns_desk.domain.vocabulary import DecisionKind, Role
from sns_desk.domain.workflow import DEPUTY
from sns_desk.services import deputies
from sns_desk.services.signing import (
    KIND_LABELS,
    POST_DECISION,
    SCOPE_DECISION,
    SIGNED_ACCOUNT_ACTIONS,
    SIGNED_SCOPE_ACTIONS,
    SINCE,
    _payload,
    decision_content,
    fingerprint,
    trust_of,
)
from sns_desk.store import audit_chain as audit
from sns_desk.store.orm import (
    AuditEvent,
    DecisionSignature,
    PostDecision,
    ScopeVersion,
    SigningKey,
    User,
)

log = logging.getLogger(__name__)


# --- verification --------------------------------------------------------------------------------------------


@dataclass
class SignatureReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)  # Japanese, one line per problem
    unsigned_before: int = 0  # decisions made before signing began (not a problem)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            text = f"電子印鑑: {self.checked:,} 件の決定の署名はすべて正しく、決定した人はその時点で権限を持っていました。"
            if self.unsigned_before:
                text += f"（電子印鑑の導入前の決定 {self.unsigned_before:,} 件は署名の対象外です）"
            return text
        return f"電子印鑑: {len(self.problems):,} 件の問題があります。\n" + "\n".join(self.problems[:20])


MEMBERSHIP_ACTIONS = (
    "account.request",
    "account.member_assigned",
    "account.member_removed",
    *deputies.EVENTS,
)


@dataclass
class _Deputies:
    """代決 as the audit log says it stood: (account, login) -> designation id -> (from, until) in ISO form, and
    each account's absence and always settings."""

    named: dict[tuple[int, str], dict[int, tuple[str, str]]] = field(default_factory=dict)
    absent: dict[int, bool] = field(default_factory=dict)
    always: dict[int, bool] = field(default_factory=dict)

    def apply(self, event: AuditEvent) -> None:
        if event.action not in deputies.EVENTS or not event.entity_id.isdigit():
            return
        account_id = int(event.entity_id)
        payload = json.loads(event.payload)
        if event.action == deputies.NAMED:
            periods = self.named.setdefault((account_id, payload["user"]), {})
            periods[int(payload["deputy"])] = (payload["valid_from"], payload["valid_until"])
        elif event.action == deputies.REMOVED:
            self.named.get((account_id, payload["user"]), {}).pop(int(payload["deputy"]), None)
        elif event.action == deputies.ABSENT:
            self.absent[account_id] = bool(payload["absent"])
        else:
            self.always[account_id] = bool(payload["always"])

    def refusal(self, account_id: int, login: str, at: str) -> str | None:
        """Why a 代決 by ``login`` at ``at`` (the decision's audit time) was not allowed then, or None."""
        moment = datetime.fromisoformat(at)
        periods = self.named.get((account_id, login), {}).values()
        if not periods:
            return "署名者はその時点でこのアカウントの代決者に指定されていませんでした。"
        if not any(datetime.fromisoformat(a) <= moment <= datetime.fromisoformat(b) for a, b in periods):
            return "代決の署名ですが、その時点は代決者の指定期間の外でした。"
        if not (self.absent.get(account_id, False) or self.always.get(account_id, False)):
            return "代決の署名ですが、その時点でアカウント管理者は不在として記録されていませんでした。"
        return None


def _apply_membership(held: dict[tuple[int, str], set[str]], event: AuditEvent) -> None:
    """One membership event of the audit log applied to (account id, login) -> roles held."""
    if event.entity != "account" or not event.entity_id.isdigit():
        return
    account_id = int(event.entity_id)
    payload = json.loads(event.payload)
    if event.action == "account.request":
        held.setdefault((account_id, event.actor), set()).add(str(Role.MANAGER))
        if payload.get("responsible"):
            held.setdefault((account_id, payload["responsible"]), set()).add(str(Role.RESPONSIBLE))
    elif event.action == "account.member_assigned":
        held.setdefault((account_id, payload["user"]), set()).add(str(payload["role"]))
    elif event.action == "account.member_removed":
        held.setdefault((account_id, payload["user"]), set()).discard(str(payload["role"]))


def seal_version(signed_content: str) -> int:
    """The version of what a signature covers, as the signed content says (1 when it says none: signed before
    issue 16)."""
    try:
        value = json.loads(signed_content).get("seal_version", 1)
    except (ValueError, AttributeError):
        return 1
    return value if isinstance(value, int) and value >= 1 else 1


class _Checker:
    """Checks one signature at a time against the registered keys, the database and the audit log's roles.

    Keys and logins are read as signatures need them; the membership events (of ``account_ids`` only, when
    given) are replayed once, forward, as signatures are checked in audit order.
    """

    def __init__(self, session: Session, account_ids: Iterable[int] | None = None) -> None:
        self.session = session
        self._keys: dict[int, SigningKey | None] = {}
        self._logins: dict[int, str] = {}
        query = select(AuditEvent).where(AuditEvent.action.in_(MEMBERSHIP_ACTIONS)).order_by(AuditEvent.seq)
        if account_ids is not None:
            query = query.where(AuditEvent.entity_id.in_([str(a) for a in account_ids]))
        self._events = list(session.scalars(query))
        self._held: dict[tuple[int, str], set[str]] = {}
        self._deputies = _Deputies()
        self._replayed = 0  # events applied to _held
        self._until = 0  # _held is the state before this audit number
        self.trust = trust_of(session)

    def key(self, key_id: int) -> SigningKey | None:
        if key_id not in self._keys:
            self._keys[key_id] = self.session.get(SigningKey, key_id)
        return self._keys[key_id]

    def login(self, user_id: int) -> str:
        if user_id not in self._logins:
            user = self.session.get(User, user_id)
            self._logins[user_id] = user.login if user else ""
        return self._logins[user_id]

    def roles_at(self, seq: int, account_id: int, login: str) -> set[str]:
        """The roles ``login`` held on the account just before audit event ``seq``."""
        if seq < self._until:  # asked about an earlier moment: replay from the start
            self._held, self._deputies, self._replayed = {}, _Deputies(), 0
        while self._replayed < len(self._events) and self._events[self._replayed].seq < seq:
            _apply_membership(self._held, self._events[self._replayed])
            self._deputies.apply(self._events[self._replayed])
            self._replayed += 1
        self._until = seq
        return self._held.get((account_id, login), set())

    def where(self, row: DecisionSignature) -> str:
        who = self.login(row.signer_id) or "?"
        return f"{KIND_LABELS.get(row.kind, row.kind)}（監査ログ {row.audit_seq} 番、{who}）"

    def problem(self, row: DecisionSignature) -> str | None:
        """What is wrong with this signature (Japanese), or None when it holds."""
        key = self.key(row.key_id)
        if key is None or key.user_id != row.signer_id:
            return "署名に使われた鍵が署名者のものではありません。"
        # cryptography is imported when a seal is verified, not with the post list that reads seals' rows
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(key.public_key)).verify(
                bytes.fromhex(row.signature), row.content.encode("utf-8")
            )
        except (InvalidSignature, ValueError):
            return "署名が正しくありません（署名または記録された内容が改ざんされています）。"
        if not self.trust.certifies(key.public_key, self.login(row.signer_id)):
            return f"署名に使われた鍵（指紋 {key.fingerprint}）はシステム管理者に認証されていません（偽の鍵のおそれ）。"
        event = self.session.get(AuditEvent, row.audit_seq)
        if event is None:
            return "決定の監査ログの記録が見つかりません。"
        login = self.login(row.signer_id)
        version = seal_version(row.content)
        content = decision_content(self.session, row.kind, row.subject_id, event.action, version)
        expected = _payload(content, event, login, row.role, row.permission, row.account_id, version)
        if audit.canonical_json(expected) != row.content:
            return "決定の内容が署名の後で書き換えられています。"
        held = self.roles_at(row.audit_seq, row.account_id, login)
        if row.role == DEPUTY and row.permission == Permission.APPROVE_POST:  # 代決
            return self._deputies.refusal(row.account_id, login, event.ts)
        allowed = {str(r) for r in TABLE[Permission(row.permission)].roles}
        if not row.role or row.role not in allowed or row.role not in held:
            role_label = Role(row.role).label if row.role in {str(r) for r in Role} else "権限のある役割"
            return f"署名者はその時点でこのアカウントの{role_label}ではありませんでした。"
        return None

    def fingerprint(self, row: DecisionSignature) -> str:
        key = self.key(row.key_id)
        return key.fingerprint if key else "?"


def verify(session: Session, pinned_root: str | None = None) -> SignatureReport:
    """Check every decision's signature; ``pinned_root`` is the システム管理者's key this PC pinned (if any)."""
    report = SignatureReport()
    checker = _Checker(session)
    report.problems += checker.trust.problems
    if pinned_root and checker.trust.root != pinned_root:
        report.problems.append(root_change_warning(pinned_root, checker.trust.root))
    for key, login in session.execute(
        select(SigningKey, User.login).join(User, User.id == SigningKey.user_id).order_by(SigningKey.id)
    ).all():
        if not checker.trust.certifies(key.public_key, login):
            report.problems.append(
                f"利用者 {login} の鍵（指紋 {key.fingerprint}）が、システム管理者の認証なしに登録されています"
                "（新しい PC なら `sns-desk keys certify` で認証してください）。"
            )
    signed_seqs: set[int] = set()
    for row in session.scalars(select(DecisionSignature).order_by(DecisionSignature.audit_seq)):
        report.checked += 1
        signed_seqs.add(row.audit_seq)
        if (problem := checker.problem(row)) is not None:
            report.problems.append(f"{checker.where(row)}: {problem}")
    _unsigned(session, signed_seqs, report)
    return report


def seals(session: Session, kind: str, subject_ids: Iterable[int]) -> dict[int, str]:
    """Each signed decision of ``kind`` among ``subject_ids``, checked now: "電子印鑑 ✓ <fingerprint>" or what is
    wrong (decisions without a signature are left out)."""
    wanted = list(subject_ids)
    if not wanted:
        return {}
    rows = session.scalars(
        select(DecisionSignature)
        .where(DecisionSignature.kind == kind, DecisionSignature.subject_id.in_(wanted))
        .order_by(DecisionSignature.audit_seq)
    ).all()
    checker = _Checker(session, account_ids={row.account_id for row in rows})
    found: dict[int, str] = {}
    for row in rows:
        problem = checker.problem(row)
        found[row.subject_id] = (
            f"電子印鑑 ✓ {checker.fingerprint(row)}" if problem is None else f"⚠ {problem}"
        )
    return found


def post_decision_seals(session: Session, decisions: Iterable[PostDecision]) -> dict[int, str]:
    """For a post's history: each decision's 電子印鑑 checked now — "電子印鑑 ✓ <fingerprint>", what is wrong, or ""
    where none is due (a 事前承認 decision, or one made before signing began)."""
    due = [d for d in decisions if d.kind.signed]
    found = seals(session, POST_DECISION, [d.id for d in due])
    boundary = _signing_boundary(session)
    for decision in due:
        if decision.id not in found:
            before = boundary is not None and decision.decided_at.isoformat() <= boundary
            found[decision.id] = "" if before else "⚠ 電子印鑑がありません"
    return found


def scope_version_seals(session: Session, versions: Iterable[ScopeVersion]) -> dict[int, str]:
    """For a scope's history: each decision's 電子印鑑 checked now ("" for a scope migrated from before templates,
    which no one decided in this form)."""
    due = [v for v in versions if v.action in SIGNED_SCOPE_ACTIONS]
    found = seals(session, SCOPE_DECISION, [v.id for v in due])
    return {v.id: found.get(v.id, "⚠ 電子印鑑がありません") for v in due}


def root_change_warning(pinned: str, now: str | None) -> str:
    """The loud warning when the chain's root of trust is not the key this PC pinned at first contact."""
    found = f"指紋 {fingerprint(now)}" if now else "ありません"
    return (
        f"⚠ システム管理者の電子印鑑の鍵が、この PC が最初に確認した鍵（指紋 {fingerprint(pinned)}）と違います"
        f"（今の鍵: {found}）。履歴が作り直されたおそれがあります。システム管理者に直接確認し、正しいときだけ"
        "`sns-desk keys trust` で新しい鍵を受け入れてください。"
    )


def _signing_since(session: Session) -> int:
    """The last audit number before signing began (0: every decision must be signed).

    Read from the chain: the first ``signing.since`` event, written when a database with older decisions was
    upgraded, counts only if it precedes every certification (a file-writer appending one later moves nothing),
    and never reaches past itself.  ``app_meta.signing_since_seq`` is no longer trusted.
    """
    first = session.scalars(
        select(AuditEvent).where(AuditEvent.action == SINCE).order_by(AuditEvent.seq)
    ).first()
    if first is None:
        return 0
    certified_from = trust_of(session).first_seq
    if certified_from is not None and certified_from < first.seq:
        return 0
    try:
        declared = int(json.loads(first.payload).get("seq", 0))
    except (TypeError, ValueError):
        return 0
    return max(0, min(declared, first.seq - 1))


def _signing_boundary(session: Session) -> str | None:
    """The time of the last audit event before signing began (None: every decision must be signed)."""
    since = _signing_since(session)
    return session.scalar(select(func.max(AuditEvent.ts)).where(AuditEvent.seq <= since)) if since else None


def _unsigned(session: Session, signed_seqs: set[int], report: SignatureReport) -> None:
    """Decisions that should carry a signature and do not (made after signing began).

    Policy and account decisions are found by their audit events; post decisions by their rows, which also
    catches a row written around the app (with no audit event at all).
    """
    since = _signing_since(session)
    for event in session.scalars(
        select(AuditEvent)
        .where(AuditEvent.action.in_(["policy.approve", *SIGNED_ACCOUNT_ACTIONS]))
        .order_by(AuditEvent.seq)
    ):
        if event.seq in signed_seqs:
            continue
        if event.seq <= since:
            report.unsigned_before += 1
            continue
        report.problems.append(
            f"監査ログ {event.seq} 番の決定（{event.action}、{event.actor}）に電子印鑑の署名がありません。"
        )
    signed_scopes = set(
        session.scalars(select(DecisionSignature.subject_id).where(DecisionSignature.kind == SCOPE_DECISION))
    )
    for version in session.scalars(
        select(ScopeVersion).where(ScopeVersion.action.in_(SIGNED_SCOPE_ACTIONS)).order_by(ScopeVersion.id)
    ):
        if version.id not in signed_scopes:
            report.problems.append(
                f"事前承認の範囲 {version.scope_id} の第{version.number}版（{version.action.label}）に電子印鑑の署名が"
                "ありません（監査ログを通さずに書き込まれたおそれ）。"
            )
    boundary = _signing_boundary(session)
    signed_posts = set(
        session.scalars(select(DecisionSignature.subject_id).where(DecisionSignature.kind == POST_DECISION))
    )
    for decision in session.scalars(
        select(PostDecision).where(PostDecision.kind.in_([k for k in DecisionKind if k.signed]))
    ):
        if decision.id in signed_posts:
            continue
        if boundary is not None and decision.decided_at.isoformat() <= boundary:
            report.unsigned_before += 1
            continue
        report.problems.append(
            f"投稿 {decision.post_id} の決定（{decision.kind.label}）に電子印鑑の署名がありません"
            "（監査ログを通さずに書き込まれたおそれ）。"
        )
