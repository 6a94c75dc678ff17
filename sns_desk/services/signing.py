"""電子印鑑: every decision is signed with the decider's own Ed25519 key.

Decisions signed: a post's approval or rejection (§5(1)), a 運用ポリシー's approval (§3(1), §4(1)ア), an account's
opening approval or rejection and its closing (§3(1), §4(1)ア), a standing scope's approval, change or revocation
(§5(2); each a numbered :class:`ScopeVersion`).

Keys: each person has a key pair per database and per PC. The private key lives only in that PC's OS keyring
(service "SNS Desk 電子印鑑 (<database id>)", user = login), and only the person logged in to the OS under that
login may use it: the acting person comes from the OS (:mod:`sns_desk.host.identity`), never from a parameter.
The public key is registered in the database (``signing_keys``, audited) the first time it signs, but it counts
only once a システム管理者 has certified it: a signature with the administrator's own key over (login, public key,
administrator or not), recorded in the hash chain (``signing_key.certify``).  The first administrator's key
certifies itself at bootstrap; that key is the root of trust, which each PC pins at first contact outside the
database (:mod:`sns_desk.host.settings`), so a file-writer who rebuilds the chain with a root of their own is
shown a loud warning that must be confirmed. A signature covers the decision's content as the database
holds it (for a post, a hash of the exact revision decided), the role the signer acted in, the permission, and the
hash of the decision's own audit event (``decision_signatures``).

Verification (``verify``) recomputes each decision's content from the database and checks: the signature against
the registered public key; that the content still matches (a decision edited with an SQLite editor no longer
does); that the key belongs to the signer; that the signer held the role at that moment, replaying the
membership events of the hash-chained audit log up to the decision; that the key was certified by a システム管理者
whose own key leads back to the root; that no registered key lacks a certification; and that no decision made
since signing began lacks a signature.  Where signing began is itself an event of the chain (``signing.since``,
written when a database with older decisions was upgraded), never a free table row.
"""

from __future__ import annotations

import hashlib
import json
import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import keyring
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sns_desk.domain.errors import NotFoundError, PermissionDeniedError, SnsDeskError, ValidationError
from sns_desk.domain.permissions import TABLE, Permission
from sns_desk.domain.vocabulary import DecisionKind, Role, ScopeAction
from sns_desk.host import identity
from sns_desk.host.keyring_access import KeyringUnavailableError, call_keyring, require_usable_keyring
from sns_desk.services.access import roles_of
from sns_desk.services.actors import Actor
from sns_desk.services.usecase import Step, change, look
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import (
    Account,
    AccountPolicy,
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


def os_login_is(login: str) -> bool:
    """Is ``login`` the person logged in to this PC's operating system?  (Read from the OS, never from the
    environment; tests replace this to put each person at their own PC.)"""
    return identity.current_login() == login


def signer_for(db: Database, actor: Actor) -> Signer:
    """This person's key on this PC: read from the OS keyring, or made and kept there the first time.

    Only the person logged in to the OS as ``actor.login`` may sign: a program that fills in an Actor naming
    someone else is refused (PermissionDeniedError).  Without a usable keyring no decision can be signed, so none
    is made (KeyringUnavailableError, in Japanese).
    """
    return _signer(db.database_id, actor.login)


def _signer(database_id: str, login: str) -> Signer:
    if not os_login_is(login):
        raise PermissionDeniedError(
            "電子印鑑は、決定する本人が自分の OS のログインで操作したときだけ押せます"
            "（ほかの人の名前で決定することはできません）。",
            f"signing as {login!r} refused: the OS login is someone else",
        )
    try:
        require_usable_keyring()
    except KeyringUnavailableError as error:
        raise KeyringUnavailableError(
            "電子印鑑（承認・差戻しの署名）の鍵を OS の資格情報ストアに保管できないため、この PC では決定できません。"
            + error.message,
            error.log_message,
        ) from error
    loaded = _SIGNERS.setdefault(keyring.get_keyring(), {})
    cache_key = (database_id, login)
    if (cached := loaded.get(cache_key)) is not None:
        return cached  # read from this keyring once per session, as an SSH agent would
    service = _service(database_id)
    stored = call_keyring(lambda: keyring.get_password(service, login), "loading the signing key")
    try:
        if stored:
            private_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(stored))
        else:
            private_key = Ed25519PrivateKey.generate()
            raw = private_key.private_bytes_raw().hex()
            call_keyring(lambda: keyring.set_password(service, login, raw), "storing the signing key")
            log.info("made a signing key for %s on this PC (%s)", login, service)
    except ValueError as error:
        raise SnsDeskError(
            "OS の資格情報ストアにある電子印鑑の鍵が読めません。システム管理者に連絡してください。",
            f"signing key of {login} in the keyring is not an Ed25519 key: {error}",
        ) from error
    signer = Signer(login, private_key, _public_hex(private_key))
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


# --- certification: a public key counts once a システム管理者 has signed it ----------------------------------

CERTIFY = "signing_key.certify"
BOOTSTRAP = "system.bootstrap"
SINCE = "signing.since"
_CERT_PURPOSE = "sns-desk/signing-key-certificate/v1"
_RESTORE_PURPOSE = "sns-desk/restore/v1"


def _statement(purpose: str, fields: dict[str, Any]) -> bytes:
    return audit.canonical_json({"purpose": purpose, **fields}).encode("utf-8")


def _signed_by(public_hex: str, signature_hex: str, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            bytes.fromhex(signature_hex), message
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def certificate(certifier: Signer, login: str, public_hex: str, admin: bool) -> dict[str, Any]:
    """The certifier's signed statement that ``public_hex`` is ``login``'s key (and whether they administer)."""
    fields = {"login": login, "public_key": public_hex, "admin": admin}
    return {
        **fields,
        "fingerprint": fingerprint(public_hex),
        "certifier": certifier.login,
        "certifier_key": certifier.public_hex,
        "signature": certifier.private_key.sign(_statement(_CERT_PURPOSE, fields)).hex(),
    }


@dataclass
class Trust:
    """The keys the chain's certifications vouch for, from the root (the first administrator's self-certified
    key) onwards; certifications that do not lead back to the root are listed as problems."""

    root: str | None = None  # public key (hex)
    certified: dict[str, str] = field(default_factory=dict)  # public key -> login
    admin_keys: set[str] = field(default_factory=set)
    first_seq: int | None = None  # the first certification in the chain
    problems: list[str] = field(default_factory=list)

    def certifies(self, public_hex: str, login: str) -> bool:
        return self.certified.get(public_hex) == login


def _certificates(session: Session) -> Iterable[tuple[AuditEvent, dict[str, Any]]]:
    for event in session.scalars(
        select(AuditEvent).where(AuditEvent.action.in_([BOOTSTRAP, CERTIFY])).order_by(AuditEvent.seq)
    ):
        payload = json.loads(event.payload)
        cert = payload.get("certificate") if event.action == BOOTSTRAP else payload
        if isinstance(cert, dict):
            yield event, cert


def trust_of(session: Session) -> Trust:
    trust = Trust()
    for event, cert in _certificates(session):
        trust.first_seq = trust.first_seq or event.seq
        try:
            login, public, admin = str(cert["login"]), str(cert["public_key"]), bool(cert["admin"])
            certifier_key, signature = str(cert["certifier_key"]), str(cert["signature"])
        except KeyError:
            trust.problems.append(f"監査ログ {event.seq} 番の鍵の認証の記録が不完全です。")
            continue
        valid = _signed_by(
            certifier_key,
            signature,
            _statement(_CERT_PURPOSE, {"login": login, "public_key": public, "admin": admin}),
        )
        self_certified = certifier_key == public and event.actor == login == cert.get("certifier")
        if valid and trust.root is None and self_certified and admin:
            trust.root = public
        elif not valid or certifier_key not in trust.admin_keys:
            trust.problems.append(
                f"監査ログ {event.seq} 番: 利用者 {login} の鍵（指紋 {fingerprint(public)}）の認証は、"
                "認証されたシステム管理者の鍵による署名ではありません（偽の認証のおそれ）。"
            )
            continue
        trust.certified[public] = login
        if admin:
            trust.admin_keys.add(public)
    return trust


def bootstrap_certificate(database_id: str, login: str) -> dict[str, Any] | None:
    """The first システム管理者's key, certified by itself (the root of trust), made before the bootstrap's
    transaction; None when this PC cannot keep a key (the administrator then certifies theirs with
    ``sns-desk keys certify``)."""
    try:
        signer = _signer(database_id, login)
    except SnsDeskError as error:
        log.warning("first administrator's key not certified at bootstrap: %s", error.log_message)
        return None
    return certificate(signer, login, signer.public_hex, True)


def register_bootstrap_key(session: Session, user: User, cert: dict[str, Any]) -> None:
    """Inside the bootstrap's transaction: the first administrator's public key, registered."""
    session.add(SigningKey(user_id=user.id, public_key=cert["public_key"], fingerprint=cert["fingerprint"]))
    session.flush()


@dataclass(frozen=True)
class KeyRow:
    """One registered public key, as the システム管理者 sees it before certifying."""

    login: str
    display_name: str
    fingerprint: str
    registered_at: datetime
    certified: bool
    is_root: bool


def list_keys(db: Database, actor: Actor) -> list[KeyRow]:
    """Every registered key and whether it is certified (システム管理者)."""

    def work(step: Step) -> list[KeyRow]:
        step.require(Permission.MANAGE_USERS)
        trust = trust_of(step.session)
        rows = step.session.execute(
            select(SigningKey, User)
            .join(User, User.id == SigningKey.user_id)
            .order_by(User.login, SigningKey.id)
        ).all()
        return [
            KeyRow(
                user.login,
                user.display_name,
                key.fingerprint,
                key.created_at,
                trust.certifies(key.public_key, user.login),
                key.public_key == trust.root,
            )
            for key, user in rows
        ]

    return look(db, actor, work)


def may_certify(db: Database, actor: Actor) -> bool:
    """May this person list and certify 電子印鑑 keys (システム管理者)?  For enabling the GUI's entry."""
    return look(db, actor, lambda step: step.may(Permission.MANAGE_USERS))


def register_key(db: Database, actor: Actor) -> str:
    """This person's key on this PC, registered so that a システム管理者 can certify it; its fingerprint."""
    signer = signer_for(db, actor)

    def work(step: Step) -> str:
        _key_row(step.session, signer, step.me)
        return signer.fingerprint

    return change(db, actor, work, what="register signing key")


def certify(db: Database, actor: Actor, login: str, key_fingerprint: str | None = None) -> list[str]:
    """A システム管理者 certifies ``login``'s registered keys (or the one with ``key_fingerprint``) with their own key.

    The administrator's own key must already be certified — except in a database whose chain has no root yet
    (made before 電子印鑑 certification existed, or on a PC without a keyring), where an administrator certifying
    their own key makes it the root.  Returns the fingerprints certified.
    """
    signer = signer_for(db, actor)

    def work(step: Step) -> list[str]:
        step.require(Permission.MANAGE_USERS)
        session = step.session
        trust = trust_of(session)
        own = _key_row(session, signer, step.me)
        if signer.public_hex not in trust.admin_keys and not (trust.root is None and login == step.me.login):
            raise PermissionDeniedError(
                f"あなたのこの PC の鍵（指紋 {own.fingerprint}）はまだ認証されていないため、ほかの人の鍵を認証できません。"
                "認証済みのシステム管理者に、あなたの鍵の認証を依頼してください。",
                f"{step.me.login} certifying with an uncertified key",
            )
        user = session.scalars(select(User).where(User.login == login)).first()
        if user is None or not user.active:
            raise NotFoundError(
                f"利用者 {login} が見つかりません（無効の利用者の鍵は認証できません）。", "no such user"
            )
        keys = [
            k
            for k in session.scalars(
                select(SigningKey).where(SigningKey.user_id == user.id).order_by(SigningKey.id)
            )
            if not trust.certifies(k.public_key, login)
            and (key_fingerprint is None or k.fingerprint == key_fingerprint)
        ]
        if not keys:
            raise ValidationError(
                f"{login} には認証を待っている鍵がありません"
                "（本人が自分の PC で一度 `sns-desk keys register` を実行するか、決定すると登録されます）。",
                f"no uncertified key of {login}",
            )
        if key_fingerprint is None and len(keys) > 1:
            raise ValidationError(
                f"{login} には認証を待っている鍵が {len(keys)} 個あります。本人に指紋を確認して、"
                "--fingerprint で一つずつ認証してください: " + "、".join(k.fingerprint for k in keys),
                f"{len(keys)} uncertified keys of {login}",
            )
        for key in keys:
            step.audit(CERTIFY, "user", user.id, certificate(signer, login, key.public_key, user.is_admin))
            log.info("%s certified signing key %s of %s", step.me.login, key.fingerprint, login)
        return [k.fingerprint for k in keys]

    return change(db, actor, work, what="certify signing key")


def sign_restore(signer: Signer, fields: dict[str, Any]) -> dict[str, Any]:
    """The payload of a restore's audit event: what was replaced and by what, signed by the システム管理者."""
    return {
        **fields,
        "signer_key": signer.public_hex,
        "signature": signer.private_key.sign(_statement(_RESTORE_PURPOSE, fields)).hex(),
    }


def restore_is_signed(trust: Trust, event: AuditEvent) -> bool:
    """Was this restore signed by a certified システム管理者's key?"""
    payload = json.loads(event.payload)
    key, signature = payload.pop("signer_key", ""), payload.pop("signature", "")
    return key in trust.admin_keys and _signed_by(key, signature, _statement(_RESTORE_PURPOSE, payload))


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
        if not self.trust.certifies(key.public_key, self.login(row.signer_id)):
            return f"署名に使われた鍵（指紋 {key.fingerprint}）はシステム管理者に認証されていません（偽の鍵のおそれ）。"
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
