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

import functools
import hashlib
import json
import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import keyring
from sqlalchemy import Insert, insert, select
from sqlalchemy.orm import Session

from sns_desk.domain.errors import NotFoundError, PermissionDeniedError, SnsDeskError, ValidationError
from sns_desk.domain.permissions import TABLE, Permission
from sns_desk.domain.vocabulary import Role, ScopeAction
from sns_desk.host import identity
from sns_desk.host.keyring_access import KeyringUnavailableError, call_keyring, require_usable_keyring
from sns_desk.services import person_facts, revisions
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
    ScopeVersion,
    SigningKey,
    User,
    utcnow,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

# cryptography (about 0.1 s to import) is loaded when a key is made, read or checked: the post list imports this
# module through the seals' check, and it is on the screen before any 電子印鑑 is needed (issue 17, ready).

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
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

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
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

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


def _key_id(session: Session, signer: Signer, user: User) -> int:
    """The id of the registered public key for ``signer``, registering it (audited) the first time it signs."""
    known = person_facts.signing_keys(session, user.id)  # read with the person (services/person_facts.py)
    if signer.public_hex in known:
        return known[signer.public_hex]
    row = SigningKey(user_id=user.id, public_key=signer.public_hex, fingerprint=signer.fingerprint)
    session.add(row)
    session.flush()
    audit.append(
        session, user.login, "signing_key.register", "user", user.id, {"fingerprint": signer.fingerprint}
    )
    return row.id


# --- certification: a public key counts once a システム管理者 has signed it ----------------------------------

CERTIFY = "signing_key.certify"
BOOTSTRAP = "system.bootstrap"
SINCE = "signing.since"
_CERT_PURPOSE = "sns-desk/signing-key-certificate/v1"
_RESTORE_PURPOSE = "sns-desk/restore/v1"


def _statement(purpose: str, fields: dict[str, Any]) -> bytes:
    return audit.canonical_json({"purpose": purpose, **fields}).encode("utf-8")


def _signed_by(public_hex: str, signature_hex: str, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

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
        _key_id(step.session, signer, step.me)
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
        _key_id(session, signer, step.me)
        if signer.public_hex not in trust.admin_keys and not (trust.root is None and login == step.me.login):
            raise PermissionDeniedError(
                f"あなたのこの PC の鍵（指紋 {signer.fingerprint}）はまだ認証されていないため、ほかの人の鍵を認証できません。"
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


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def decision_content(
    session: Session, kind: str, subject_id: int, action: str = "", seal_version: int = revisions.SEAL_VERSION
) -> dict[str, Any] | None:
    """The decision as the database holds it now (None when it no longer exists).  ``seal_version``: of the sealed
    content (:data:`sns_desk.services.revisions.SEAL_VERSION`; a post decision signed before issue 16 covers the
    revision's text only, later ones its images too)."""
    if kind == POST_DECISION:
        decision = session.get(PostDecision, subject_id)
        if decision is None:
            return None
        sealed = revisions.sealed_revision(session, decision.post_id, decision.revision_number, seal_version)
        revision_hash = revisions.sealed_digest(sealed) if sealed is not None else None
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


@dataclass(frozen=True)
class Seal:
    """A decision's 電子印鑑 made ready before its audit event: who signs, as what, over which content, with which
    registered key.  What is left once the event is appended is signing and one row (:meth:`press`)."""

    signer: Signer
    user_id: int
    login: str
    permission: Permission
    account_id: int
    kind: str
    subject_id: int
    role: Role | str | None
    content: dict[str, Any] | None
    key_id: int

    def press(self, session: Session, event: AuditEvent) -> None:
        """Sign the decision over its audit event (number and hash) and keep the signature (one INSERT, without
        the unit of work: issue 17)."""
        payload = _payload(
            self.content,
            event,
            self.login,
            self.role,
            self.permission,
            self.account_id,
            revisions.SEAL_VERSION,
        )
        text = audit.canonical_json(payload)
        session.execute(
            _insert_signature(),
            {
                "audit_seq": event.seq,
                "kind": self.kind,
                "subject_id": self.subject_id,
                "account_id": self.account_id,
                "signer_id": self.user_id,
                "key_id": self.key_id,
                "role": str(self.role) if self.role else "",
                "permission": str(self.permission),
                "content": text,
                "signature": self.signer.private_key.sign(text.encode("utf-8")).hex(),
                "signed_at": utcnow(),
            },
        )


@functools.cache
def _insert_signature() -> Insert:
    return insert(DecisionSignature)


def prepare_seal(
    session: Session,
    signer: Signer,
    user: User,
    action: str,
    permission: Permission,
    account_id: int,
    kind: str,
    subject_id: int,
    as_role: str | None = None,
) -> Seal:
    """Everything a decision's signature needs but its audit event (``action`` is the event's action), read in the
    decision's transaction before the event is appended; ``as_role`` names the capacity when it is no role on
    the account (a 代決 is signed as ``domain.workflow.DEPUTY``)."""
    if signer.login != user.login:
        raise ValueError("the signer's key belongs to someone else")
    held = roles_of(session, user, account_id) & TABLE[permission].roles
    role: Role | str | None = as_role or next((r for r in Role if r in held), None)
    content = decision_content(session, kind, subject_id, action)
    key_id = _key_id(session, signer, user)
    return Seal(signer, user.id, user.login, permission, account_id, kind, subject_id, role, content, key_id)


def sign_decision(
    session: Session,
    signer: Signer,
    user: User,
    event: AuditEvent,
    permission: Permission,
    account_id: int,
    kind: str,
    subject_id: int,
    as_role: str | None = None,
) -> None:
    """Sign a decision inside its own transaction, right after its audit event was appended; ``as_role`` names
    the capacity when it is no role on the account (a 代決 is signed as ``domain.workflow.DEPUTY``)."""
    seal = prepare_seal(
        session, signer, user, event.action, permission, account_id, kind, subject_id, as_role
    )
    seal.press(session, event)


def _payload(
    content: dict[str, Any] | None,
    event: AuditEvent,
    login: str,
    role: Role | str | None,
    permission: Permission | str,
    account_id: int,
    version: int = 1,
) -> dict[str, Any]:
    """What a signature covers.  Version 1 (before issue 16) has no version field, so its signatures still verify;
    later ones carry ``seal_version``."""
    versioned = {"seal_version": version} if version > 1 else {}
    return {
        **versioned,
        "decision": content,
        "audit_seq": event.seq,
        "audit_hash": event.hash,
        "audit_action": event.action,
        "signer": login,
        "role": str(role) if role else "",
        "permission": str(permission),
        "account_id": account_id,
    }
