"""電子印鑑: every decision is signed with the decider's own Ed25519 key.

Decisions signed: a post's approval or rejection (§5(1)), a 運用ポリシー's approval (§3(1), §4(1)ア), an account's
opening approval or rejection and its closing (§3(1), §4(1)ア), a standing scope's approval, change or revocation
(§5(2); each a numbered :class:`ScopeVersion`).

Keys: each person has a key pair per database and per PC. The private key lives only in that PC's OS keyring
(service "SNS Desk 電子印鑑 (<database id>)", user = login); the public key is registered in the database
(``signing_keys``, audited) the first time it signs. A signature covers the decision's content as the database
holds it (for a post, a hash of the exact revision decided), the role the signer acted in, the permission, and the
hash of the decision's own audit event (``decision_signatures``).

Verification (``verify``) recomputes each decision's content from the database and checks: the signature against
the registered public key; that the content still matches (a decision edited with an SQLite editor no longer
does); that the key belongs to the signer; that the signer held the role at that moment, replaying the
membership events of the hash-chained audit log up to the decision; and that no decision made since signing
began lacks a signature.
"""

from __future__ import annotations

import hashlib
import json
import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import keyring
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.permissions import TABLE, Permission
from sns_desk.domain.vocabulary import DecisionKind, Role, ScopeAction
from sns_desk.host.keyring_access import KeyringUnavailableError, keyring_error, require_usable_keyring
from sns_desk.services.access import roles_of
from sns_desk.services.actors import Actor
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountPolicy,
    AppMeta,
    AuditEvent,
    DecisionSignature,
    PostDecision,
    PostRevision,
    ScopeVersion,
    SigningKey,
    User,
    utcnow,
)

log = logging.getLogger(__name__)

POST_DECISION = "post_decision"
POLICY_APPROVAL = "policy_approval"
ACCOUNT_DECISION = "account_decision"
SCOPE_DECISION = "scope_decision"
SIGNED_SCOPE_ACTIONS = (ScopeAction.CREATE, ScopeAction.CHANGE, ScopeAction.REVOKE)  # not MIGRATED
KIND_LABELS = {
    POST_DECISION: "投稿の承認・差戻し",
    POLICY_APPROVAL: "運用ポリシーの承認",
    ACCOUNT_DECISION: "アカウントの開設・閉鎖の決定",
    SCOPE_DECISION: "事前承認の範囲の承認・変更・取り消し",
}
SIGNED_ACCOUNT_ACTIONS = ("account.approve_opening", "account.reject", "account.close")


def _service(database_id: str) -> str:
    return f"SNS Desk 電子印鑑 ({database_id})"


@dataclass(frozen=True)
class Signer:
    """A person's private key on this PC, loaded from the OS keyring before the decision's transaction."""

    login: str
    private_key: Ed25519PrivateKey
    public_hex: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_hex)


# keys already read, per keyring backend (a backend that goes away takes its keys with it)
_SIGNERS: weakref.WeakKeyDictionary[Any, dict[tuple[str, str], Signer]] = weakref.WeakKeyDictionary()


def fingerprint(public_hex: str) -> str:
    digest = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]
    return ":".join(digest[i : i + 4] for i in range(0, 16, 4))


def _public_hex(private_key: Ed25519PrivateKey) -> str:
    return private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def signer_for(db: Database, actor: Actor) -> Signer:
    """This person's key on this PC: read from the OS keyring, or made and kept there the first time.

    Without a usable keyring no decision can be signed, so none is made (KeyringUnavailableError, in Japanese).
    """
    try:
        require_usable_keyring()
    except KeyringUnavailableError as error:
        raise KeyringUnavailableError(
            "電子印鑑（承認・差戻しの署名）の鍵を OS の資格情報ストアに保管できないため、この PC では決定できません。"
            + error.message,
            error.log_message,
        ) from error
    loaded = _SIGNERS.setdefault(keyring.get_keyring(), {})
    cache_key = (db.database_id, actor.login)
    if (cached := loaded.get(cache_key)) is not None:
        return cached  # read from this keyring once per session, as an SSH agent would
    service = _service(db.database_id)
    try:
        stored = keyring.get_password(service, actor.login)
        if stored:
            private_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
        else:
            private_key = Ed25519PrivateKey.generate()
            raw = private_key.private_bytes_raw().hex()
            keyring.set_password(service, actor.login, raw)
            log.info("made a signing key for %s on this PC (%s)", actor.login, service)
    except (keyring.errors.KeyringError, OSError) as error:
        raise keyring_error(error, "loading the signing key") from error
    except ValueError as error:
        raise SnsDeskError(
            "OS の資格情報ストアにある電子印鑑の鍵が読めません。システム管理者に連絡してください。",
            f"signing key of {actor.login} in the keyring is not an Ed25519 key: {error}",
        ) from error
    signer = Signer(actor.login, private_key, _public_hex(private_key))
    loaded[cache_key] = signer
    return signer


def _key_row(session: Session, signer: Signer, user: User) -> SigningKey:
    """The registered public key for ``signer``, registering it (audited) the first time it signs."""
    row = session.scalars(
        select(SigningKey).where(SigningKey.user_id == user.id, SigningKey.public_key == signer.public_hex)
    ).first()
    if row is None:
        row = SigningKey(user_id=user.id, public_key=signer.public_hex, fingerprint=signer.fingerprint)
        session.add(row)
        session.flush()
        audit.append(
            session, user.login, "signing_key.register", "user", user.id, {"fingerprint": signer.fingerprint}
        )
    return row


def _sha256(value: Any) -> str:
    return hashlib.sha256(audit.canonical_json(value).encode("utf-8")).hexdigest()


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def decision_content(session: Session, kind: str, subject_id: int, action: str = "") -> dict[str, Any] | None:
    """The decision as the database holds it now (None when it no longer exists)."""
    if kind == POST_DECISION:
        decision = session.get(PostDecision, subject_id)
        if decision is None:
            return None
        revision = session.scalars(
            select(PostRevision).where(
                PostRevision.post_id == decision.post_id, PostRevision.number == decision.revision_number
            )
        ).first()
        revision_hash = None
        if revision is not None:
            revision_hash = _sha256(
                {
                    "title": revision.title,
                    "body": revision.body,
                    "category": revision.category,
                    "planned_at": _iso(revision.planned_at),
                    "emergency": revision.emergency,
                    "emergency_reason": revision.emergency_reason,
                }
            )
        decider = session.get(User, decision.decided_by_id)
        return {
            "decision_id": decision.id,
            "post_id": decision.post_id,
            "kind": str(decision.kind),
            "comment": decision.comment,
            "decided_by": decider.login if decider else None,
            "decided_at": _iso(decision.decided_at),
            "revision_number": decision.revision_number,
            "revision_sha256": revision_hash,
        }
    if kind == POLICY_APPROVAL:
        policy = session.get(AccountPolicy, subject_id)
        if policy is None:
            return None
        approver = session.get(User, policy.approved_by_id) if policy.approved_by_id else None
        return {
            "policy_id": policy.id,
            "account_id": policy.account_id,
            "number": policy.number,
            "data_sha256": hashlib.sha256(policy.data.encode("utf-8")).hexdigest(),
            "approved_by": approver.login if approver else None,
            "approved_at": _iso(policy.approved_at),
        }
    if kind == ACCOUNT_DECISION:
        account = session.get(Account, subject_id)
        if account is None:
            return None
        content: dict[str, Any] = {"account_id": account.id, "name": account.name, "action": action}
        if action == "account.approve_opening":
            content["opened_at"] = _iso(account.opened_at)
        elif action == "account.close":
            content["closed_at"] = _iso(account.closed_at)
        return content
    if kind == SCOPE_DECISION:
        version = session.get(ScopeVersion, subject_id)
        if version is None:
            return None
        decider = session.get(User, version.decided_by_id)
        return {
            "scope_version_id": version.id,
            "scope_id": version.scope_id,
            "number": version.number,
            "action": str(version.action),
            "title": version.title,
            "categories": version.categories,
            "template": version.template,
            "slots": version.slots,
            "valid_from": _iso(version.valid_from),
            "valid_until": _iso(version.valid_until),
            "review_days": version.review_days,
            "decided_by": decider.login if decider else None,
            "decided_at": _iso(version.decided_at),
        }
    raise ValueError(f"unknown decision kind {kind}")


def sign_decision(
    session: Session,
    signer: Signer,
    user: User,
    event: AuditEvent,
    permission: Permission,
    account_id: int,
    kind: str,
    subject_id: int,
) -> DecisionSignature:
    """Sign a decision inside its own transaction, right after its audit event was appended."""
    if signer.login != user.login:
        raise ValueError("the signer's key belongs to someone else")
    held = roles_of(session, user, account_id) & TABLE[permission].roles
    role = next((r for r in Role if r in held), None)
    content = decision_content(session, kind, subject_id, event.action)
    payload = _payload(content, event, user.login, role, permission, account_id)
    key = _key_row(session, signer, user)
    row = DecisionSignature(
        audit_seq=event.seq,
        kind=kind,
        subject_id=subject_id,
        account_id=account_id,
        signer_id=user.id,
        key_id=key.id,
        role=str(role) if role else "",
        permission=str(permission),
        content=audit.canonical_json(payload),
        signature=signer.private_key.sign(audit.canonical_json(payload).encode("utf-8")).hex(),
        signed_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return row


def _payload(
    content: dict[str, Any] | None,
    event: AuditEvent,
    login: str,
    role: Role | str | None,
    permission: Permission | str,
    account_id: int,
) -> dict[str, Any]:
    return {
        "decision": content,
        "audit_seq": event.seq,
        "audit_hash": event.hash,
        "audit_action": event.action,
        "signer": login,
        "role": str(role) if role else "",
        "permission": str(permission),
        "account_id": account_id,
    }


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


MEMBERSHIP_ACTIONS = ("account.request", "account.member_assigned", "account.member_removed")


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
        self._replayed = 0  # events applied to _held
        self._until = 0  # _held is the state before this audit number

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
            self._held, self._replayed = {}, 0
        while self._replayed < len(self._events) and self._events[self._replayed].seq < seq:
            _apply_membership(self._held, self._events[self._replayed])
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
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(key.public_key)).verify(
                bytes.fromhex(row.signature), row.content.encode("utf-8")
            )
        except (InvalidSignature, ValueError):
            return "署名が正しくありません（署名または記録された内容が改ざんされています）。"
        event = self.session.get(AuditEvent, row.audit_seq)
        if event is None:
            return "決定の監査ログの記録が見つかりません。"
        login = self.login(row.signer_id)
        content = decision_content(self.session, row.kind, row.subject_id, event.action)
        expected = _payload(content, event, login, row.role, row.permission, row.account_id)
        if audit.canonical_json(expected) != row.content:
            return "決定の内容が署名の後で書き換えられています。"
        allowed = {str(r) for r in TABLE[Permission(row.permission)].roles}
        held = self.roles_at(row.audit_seq, row.account_id, login)
        if not row.role or row.role not in allowed or row.role not in held:
            role_label = Role(row.role).label if row.role in {str(r) for r in Role} else "権限のある役割"
            return f"署名者はその時点でこのアカウントの{role_label}ではありませんでした。"
        return None

    def fingerprint(self, row: DecisionSignature) -> str:
        key = self.key(row.key_id)
        return key.fingerprint if key else "?"


def verify(session: Session) -> SignatureReport:
    report = SignatureReport()
    checker = _Checker(session)
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
    due = [d for d in decisions if d.kind in (DecisionKind.APPROVE, DecisionKind.REJECT)]
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


def _signing_since(session: Session) -> int:
    """The last audit number before signing began (0: every decision must be signed)."""
    since_row = session.get(AppMeta, "signing_since_seq")
    return int(since_row.value) if since_row else 0


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
        select(PostDecision).where(PostDecision.kind.in_([DecisionKind.APPROVE, DecisionKind.REJECT]))
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
