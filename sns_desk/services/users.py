"""Users, departments and the first administrator (PRODUCT.md §1, §2, §6)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from sns_desk.domain.errors import ConflictError, NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.domain.vocabulary import AccountStatus, Role
from sns_desk.services import person_facts
from sns_desk.services.actors import Actor, actor_for_login
from sns_desk.services.usecase import Step, change, look
from sns_desk.store import audit_chain as audit
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, AccountMember, Department, User

LOGIN_RE = re.compile(r"^[A-Za-z0-9._@\\$-]{1,150}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^[0-9０-９()（）+\-－ ]{6,30}$")


def _clean(value: str | None) -> str:
    return (value or "").strip()


def validate_person(login: str, display_name: str, email: str, phone: str) -> None:
    if not LOGIN_RE.match(login):
        raise ValidationError(
            f"ログイン名「{login}」が正しくありません。Windows や OS のログイン名（英数字と . _ - @ \\）を入力してください。"
        )
    if not display_name:
        raise ValidationError("氏名を入力してください。")
    if len(display_name) > 100:
        raise ValidationError("氏名は100文字以内で入力してください。")
    if email and not EMAIL_RE.match(email):
        raise ValidationError(f"メールアドレス「{email}」の形式が正しくありません。")
    if phone and not PHONE_RE.match(phone):
        raise ValidationError(f"電話番号「{phone}」の形式が正しくありません。")


def _get_or_create_department(session: Session, bureau: str, section: str) -> Department | None:
    bureau, section = _clean(bureau), _clean(section)
    if not bureau and not section:
        return None
    if not bureau:
        raise ValidationError("課を指定するときは局も入力してください。")
    top = session.scalars(
        select(Department).where(Department.parent_id.is_(None), Department.name == bureau)
    ).first()
    if top is None:
        top = Department(name=bureau)
        session.add(top)
        session.flush()
    if not section:
        return top
    sub = session.scalars(
        select(Department).where(Department.parent_id == top.id, Department.name == section)
    ).first()
    if sub is None:
        sub = Department(name=section, parent_id=top.id)
        session.add(sub)
        session.flush()
    return sub


# --- first run ------------------------------------------------------------------------------------------------


def has_users(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def bootstrap_first_admin(
    db: Database,
    login: str,
    display_name: str,
    bureau: str = "",
    section: str = "",
    email: str = "",
    phone: str = "",
) -> Actor:
    """Make the person at the keyboard the first システム管理者 of an empty database."""
    login, display_name, email, phone = _clean(login), _clean(display_name), _clean(email), _clean(phone)
    validate_person(login, display_name, email, phone)
    # their 電子印鑑 key certifies itself: the root of trust that every PC pins at first contact
    from sns_desk.services import signing  # cryptography: not needed to start the app (issue 17)

    certificate = signing.bootstrap_certificate(db.database_id, login)

    def work(session: Session) -> Actor:
        if session.scalar(select(func.count()).select_from(User)):
            raise ConflictError(
                "このデータベースには既に利用者が登録されています。システム管理者に登録を依頼してください。",
                "bootstrap refused: users exist",
            )
        dept = _get_or_create_department(session, bureau, section)
        user = User(
            login=login,
            display_name=display_name,
            department_id=dept.id if dept else None,
            email=email,
            phone=phone,
            is_admin=True,
        )
        session.add(user)
        session.flush()
        payload: dict[str, object] = {
            "login": login,
            "display_name": display_name,
            "department": dept.full_name if dept else "",
        }
        if certificate is not None:
            signing.register_bootstrap_key(session, user, certificate)
            payload["certificate"] = certificate
        audit.append(session, login, "system.bootstrap", "user", user.id, payload)
        return Actor(user.id, user.login, user.display_name)

    return db.write(work, what="bootstrap_first_admin")


def resolve_actor(db: Database, login: str) -> Actor:
    with db.read() as session:
        return actor_for_login(session, login)


# --- reading ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UserRow:
    id: int
    login: str
    display_name: str
    department: str
    department_id: int | None
    email: str
    phone: str
    is_admin: bool
    is_pr: bool
    is_contractor: bool
    contractor_ack_on: datetime | None
    active: bool
    version: int
    account_roles: tuple[str, ...]

    def roles_text(self) -> str:
        parts = []
        if self.is_admin:
            parts.append(Role.SYSTEM_ADMIN.label)
        if self.is_pr:
            parts.append(Role.PR.label)
        if self.is_contractor:
            parts.append("委託業者" + ("" if self.contractor_ack_on else "（遵守確認なし）"))
        parts.extend(self.account_roles)
        return "、".join(parts)


def list_users(db: Database, actor: Actor) -> list[UserRow]:
    """The people of the database, for a registered person (an unregistered login, an inactive user and a 委託業者
    without its §9(1) acknowledgement are refused by :func:`look`)."""

    def work(step: Step) -> list[UserRow]:
        session = step.session
        users = session.scalars(
            select(User).options(joinedload(User.department).joinedload(Department.parent)).order_by(User.id)
        ).all()
        members = session.execute(
            select(AccountMember.user_id, AccountMember.role, Account.name)
            .join(Account, Account.id == AccountMember.account_id)
            .order_by(Account.name)
        ).all()
        by_user: dict[int, list[str]] = {}
        for user_id, role, account_name in members:
            by_user.setdefault(user_id, []).append(f"{Role(role).label}（{account_name}）")
        return [
            UserRow(
                u.id,
                u.login,
                u.display_name,
                u.department.full_name if u.department else "",
                u.department_id,
                u.email,
                u.phone,
                u.is_admin,
                u.is_pr,
                u.is_contractor,
                u.contractor_ack_on,
                u.active,
                u.version,
                tuple(by_user.get(u.id, [])),
            )
            for u in users
        ]

    return look(db, actor, work)


@dataclass(frozen=True)
class DepartmentRow:
    id: int
    name: str
    full_name: str
    parent_id: int | None


def list_departments(db: Database, actor: Actor) -> list[DepartmentRow]:
    def work(step: Step) -> list[DepartmentRow]:
        depts = step.session.scalars(select(Department).options(selectinload(Department.parent))).all()
        return [DepartmentRow(d.id, d.name, d.full_name, d.parent_id) for d in depts]

    return sorted(look(db, actor, work), key=lambda r: r.full_name)


def roles_summary(db: Database, actor: Actor) -> str:
    """The actor's roles in words, for the status bar."""
    return look(db, actor, _roles_summary)


def _roles_summary(step: Step) -> str:
    names = [r.label for r in Role if r in step.me.global_roles() and r is not Role.EMPLOYEE]
    rows = person_facts.named_memberships(step.session, step.me.id)  # read with the person
    names += [f"{role.label}（{name}）" for role, name in rows]
    return "、".join(names) if names else "役割なし"


def status_bar(db: Database, actor: Actor) -> tuple[str, bool]:
    """What the main window shows of the person at start-up, in one read: their roles in words, and whether they
    may manage the database file (its backup)."""
    return look(db, actor, lambda step: (_roles_summary(step), step.may(Permission.MANAGE_DATABASE)))


def may(db: Database, actor: Actor, permission: Permission, account_id: int | None = None) -> bool:
    """Whether the actor may do something now: for enabling buttons (the services check again)."""
    return look(db, actor, lambda step: step.may(permission, account_id))


# --- changing -----------------------------------------------------------------------------------------------------


def create_department(db: Database, actor: Actor, name: str, parent_id: int | None = None) -> int:
    name = _clean(name)
    if not name:
        raise ValidationError("部署名を入力してください。")

    def work(step: Step) -> int:
        session = step.session
        step.require(Permission.MANAGE_USERS)
        if parent_id is not None:
            parent = session.get(Department, parent_id)
            if parent is None:
                raise NotFoundError("上位の局が見つかりません。")
            if parent.parent_id is not None:
                raise ValidationError("課の下に部署は作れません（局と課の2階層です）。")
        exists = session.scalars(
            select(Department).where(
                Department.name == name,
                Department.parent_id.is_(None) if parent_id is None else Department.parent_id == parent_id,
            )
        ).first()
        if exists:
            raise ValidationError(f"部署「{name}」は既に登録されています。")
        dept = Department(name=name, parent_id=parent_id)
        session.add(dept)
        session.flush()
        step.audit("department.create", "department", dept.id, {"name": dept.full_name})
        return dept.id

    return change(db, actor, work, what="create_department")


@dataclass
class UserInput:
    login: str
    display_name: str
    department_id: int | None = None
    email: str = ""
    phone: str = ""
    is_admin: bool = False
    is_pr: bool = False
    is_contractor: bool = False
    active: bool = True

    def cleaned(self) -> UserInput:
        result = UserInput(
            _clean(self.login),
            _clean(self.display_name),
            self.department_id,
            _clean(self.email),
            _clean(self.phone),
            self.is_admin,
            self.is_pr,
            self.is_contractor,
            self.active,
        )
        validate_person(result.login, result.display_name, result.email, result.phone)
        return result


# What a person's record holds, as the editor and the audit log name it.
USER_FIELDS = (
    "login",
    "display_name",
    "department_id",
    "email",
    "phone",
    "is_admin",
    "is_pr",
    "is_contractor",
    "active",
)


def _user_fields(source: User | UserInput) -> dict[str, Any]:
    return {name: getattr(source, name) for name in USER_FIELDS}


def _check_department(session: Session, department_id: int | None) -> None:
    if department_id is not None and session.get(Department, department_id) is None:
        raise NotFoundError("指定された部署が見つかりません。")


def _check_login_free(session: Session, login: str) -> None:
    if session.scalars(select(User).where(User.login == login)).first():
        raise ValidationError(f"ログイン名「{login}」は既に登録されています。")


def create_user(db: Database, actor: Actor, data: UserInput) -> int:
    data = data.cleaned()

    def work(step: Step) -> int:
        step.require(Permission.MANAGE_USERS)
        _check_department(step.session, data.department_id)
        _check_login_free(step.session, data.login)
        user = step.add(User(**_user_fields(data)))
        step.audit("user.create", "user", user.id, _user_fields(user))
        return user.id

    return change(db, actor, work, what="create_user")


def _guard_last_admin(session: Session, user: User, becomes_admin: bool, becomes_active: bool) -> None:
    if user.is_admin and user.active and not (becomes_admin and becomes_active):
        others = session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.is_admin.is_(True), User.active.is_(True), User.id != user.id)
        )
        if not others:
            raise ValidationError(
                "最後のシステム管理者は外せません。先に別の人をシステム管理者にしてください。",
                "refused to remove the last administrator",
            )


def update_user(db: Database, actor: Actor, user_id: int, expected_version: int, data: UserInput) -> None:
    """Change a user; ``expected_version`` is the version the editor showed (optimistic check)."""
    data = data.cleaned()

    def work(step: Step) -> None:
        session = step.session
        step.require(Permission.MANAGE_USERS)
        user = step.load(User, user_id, expected_version, conflict=_changed_by_someone)
        if data.login != user.login:
            _check_login_free(session, data.login)
        _check_department(session, data.department_id)
        # a person flagged as 委託業者 without a recorded acknowledgement holds no role any more (§9(1))
        stays_able = data.active and not (data.is_contractor and user.contractor_ack_on is None)
        _guard_last_admin(session, user, data.is_admin, stays_able)
        before = _user_fields(user)
        for key, value in _user_fields(data).items():
            setattr(user, key, value)
        if not user.is_contractor:
            user.contractor_ack_on = None
            user.contractor_ack_by_id = None
        after = _user_fields(user)
        changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
        if not changes:
            return
        step.audit("user.update", "user", user.id, {"changes": changes})

    change(db, actor, work, what="update_user")


def _changed_by_someone(user: User) -> str:
    return f"「{user.display_name}」は他の人が先に変更しました。最新の内容を確認してからもう一度変更してください。"


def record_contractor_acknowledgement(
    db: Database, actor: Actor, user_id: int, acknowledged_on: date, note: str = ""
) -> None:
    """§9(1): a contractor may work on its accounts only after its acknowledgement of the guideline is recorded."""

    def work(step: Step) -> None:
        step.require(Permission.MANAGE_USERS)
        user = step.load(User, user_id)
        if not user.is_contractor:
            raise ValidationError(f"「{user.display_name}」は委託業者として登録されていません。")
        user.contractor_ack_on = datetime(
            acknowledged_on.year, acknowledged_on.month, acknowledged_on.day, tzinfo=UTC
        )
        user.contractor_ack_by_id = step.me.id
        payload = {"acknowledged_on": acknowledged_on.isoformat(), "note": note}
        step.audit("user.contractor_acknowledged", "user", user.id, payload)

    change(db, actor, work, what="record_contractor_acknowledgement")


def assign_account_role(db: Database, actor: Actor, account_id: int, user_id: int, role: Role) -> None:
    if not role.per_account:
        raise ValidationError(f"{role.label}はアカウントごとの役割ではありません。")

    def work(step: Step) -> None:
        session = step.session
        step.require(Permission.MANAGE_ACCOUNT_MEMBERS, account_id)
        account = session.get(Account, account_id)
        user = session.get(User, user_id)
        if account is None or user is None:
            raise NotFoundError("アカウントまたは利用者が見つかりません。")
        if not user.active:
            raise ValidationError(f"「{user.display_name}」は無効になっている利用者です。")
        if role is Role.CONTRACTOR and not user.is_contractor:
            raise ValidationError(f"「{user.display_name}」は委託業者として登録されていません。")
        if role is Role.CONTRACTOR and user.contractor_ack_on is None:
            raise ValidationError(
                f"「{user.display_name}」のガイドライン遵守の確認が記録されていないため、担当にできません（§9(1)）。"
                "ユーザー管理で遵守確認を記録してください。"
            )
        if role is not Role.CONTRACTOR and user.is_contractor:
            raise ValidationError(
                f"委託業者「{user.display_name}」は「委託業者」の役割でだけ担当にできます（§9(1)）。"
            )
        if _membership(session, account_id, user_id, role):
            return
        session.add(
            AccountMember(account_id=account_id, user_id=user_id, role=role, assigned_by_id=step.me.id)
        )
        step.audit("account.member_assigned", "account", account_id, {"user": user.login, "role": role})

    change(db, actor, work, what="assign_account_role")


def _membership(session: Session, account_id: int, user_id: int, role: Role) -> AccountMember | None:
    return session.scalars(
        select(AccountMember).where(
            AccountMember.account_id == account_id,
            AccountMember.user_id == user_id,
            AccountMember.role == role,
        )
    ).first()


def remove_account_role(db: Database, actor: Actor, account_id: int, user_id: int, role: Role) -> None:
    def work(step: Step) -> None:
        session = step.session
        step.require(Permission.MANAGE_ACCOUNT_MEMBERS, account_id)
        member = _membership(session, account_id, user_id, role)
        if member is None:
            raise NotFoundError("その役割の割り当ては見つかりません。")
        if role in (Role.RESPONSIBLE, Role.MANAGER) and member.account.status not in (
            AccountStatus.CLOSED,
            AccountStatus.REJECTED,
        ):
            others = session.scalar(
                select(func.count())
                .select_from(AccountMember)
                .where(
                    AccountMember.account_id == account_id,
                    AccountMember.role == role,
                    AccountMember.id != member.id,
                )
            )
            if not others:
                raise ValidationError(
                    f"このアカウントの最後の{role.label}は外せません。先に別の人を{role.label}にしてください（§4(1)）。"
                )
        login = member.user.login
        session.delete(member)
        step.audit("account.member_removed", "account", account_id, {"user": login, "role": role})

    change(db, actor, work, what="remove_account_role")


# --- CSV import -----------------------------------------------------------------------------------------------------

CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "login": ("ログイン名", "login"),
    "display_name": ("氏名", "name", "display_name"),
    "bureau": ("局", "bureau"),
    "section": ("課", "section"),
    "email": ("メール", "メールアドレス", "email"),
    "phone": ("電話", "電話番号", "phone"),
    "is_admin": ("システム管理者", "admin"),
    "is_pr": ("広報課", "pr"),
    "is_contractor": ("委託業者", "contractor"),
}
CSV_HEADER = ["ログイン名", "氏名", "局", "課", "メール", "電話", "システム管理者", "広報課", "委託業者"]
TRUE_WORDS = {"1", "true", "yes", "y", "はい", "○", "〇", "◯", "✓", "x", "有"}
FALSE_WORDS = {"", "0", "false", "no", "n", "いいえ", "×", "-", "無"}


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@dataclass
class _CsvRow:
    line: int
    data: UserInput
    bureau: str
    section: str
    columns_given: set[str]


def decode_csv_bytes(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or Shift_JIS (cp932), as Excel writes Japanese CSV."""
    for encoding in ("utf-8-sig", "cp932"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError("CSV の文字コードを判別できません。UTF-8 または Shift_JIS で保存してください。")


def _parse_flag(value: str, column: str, line: int) -> bool:
    word = value.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(f"{line} 行目:「{column}」の値「{value}」は はい/いいえ（1/0）で入力してください。")


def parse_users_csv(text: str) -> list[_CsvRow]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(
            "CSV が空です。1 行目に見出し（ログイン名,氏名,局,課,…）を入れてください。"
        ) from None
    index: dict[str, int] = {}
    for pos, title in enumerate(header):
        title = title.strip().lower()
        for key, names in CSV_COLUMNS.items():
            if title in {n.lower() for n in names}:
                index[key] = pos
    missing = [CSV_COLUMNS[k][0] for k in ("login", "display_name") if k not in index]
    if missing:
        raise ValidationError(
            f"CSV の見出しに「{'」「'.join(missing)}」がありません。1 行目は {','.join(CSV_HEADER)} としてください。"
        )
    rows: list[_CsvRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for line, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue

        def cell(key: str, record: Sequence[str] = record) -> str:
            pos = index.get(key)
            return record[pos].strip() if pos is not None and pos < len(record) else ""

        try:
            flags = {
                k: _parse_flag(cell(k), CSV_COLUMNS[k][0], line)
                for k in ("is_admin", "is_pr", "is_contractor")
            }
            data = UserInput(
                cell("login"), cell("display_name"), None, cell("email"), cell("phone"), **flags
            ).cleaned()
            if data.login in seen:
                raise ValidationError(
                    f"ログイン名「{data.login}」が {seen[data.login]} 行目と重複しています。"
                )
            if cell("section") and not cell("bureau"):
                raise ValidationError("課を指定するときは局も入力してください。")
            seen[data.login] = line
            optional = ("email", "phone", "is_admin", "is_pr", "is_contractor")
            given: set[str] = {k for k in optional if k in index}
            if "bureau" in index or "section" in index:
                given.add("department_id")
            rows.append(_CsvRow(line, data, cell("bureau"), cell("section"), given))
        except ValidationError as error:
            message = (
                error.message
                if error.message.endswith("行目") or "行目:" in error.message
                else (f"{line} 行目: {error.message}")
            )
            errors.append(message)
    if errors:
        shown = errors[:20] + ([f"ほか {len(errors) - 20} 件"] if len(errors) > 20 else [])
        raise ValidationError(
            "CSV に誤りがあるため、取り込みませんでした（1 件も登録していません）。\n" + "\n".join(shown),
            f"users CSV rejected with {len(errors)} error(s)",
        )
    return rows


def import_users_csv(db: Database, actor: Actor, source: Path | str | bytes) -> ImportResult:
    """All-or-nothing import: new logins are created, existing ones updated (only the columns present)."""
    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    rows = parse_users_csv(decode_csv_bytes(raw))

    def work(step: Step) -> ImportResult:
        session = step.session
        step.require(Permission.MANAGE_USERS)
        result = ImportResult()
        for row in rows:
            dept = _get_or_create_department(session, row.bureau, row.section)
            user = session.scalars(select(User).where(User.login == row.data.login)).first()
            complete = {
                "display_name": row.data.display_name,
                "department_id": dept.id if dept else None,
                "email": row.data.email,
                "phone": row.data.phone,
                "is_admin": row.data.is_admin,
                "is_pr": row.data.is_pr,
                "is_contractor": row.data.is_contractor,
            }
            # a column absent from the file leaves that field as it is
            values = {k: v for k, v in complete.items() if k == "display_name" or k in row.columns_given}
            if user is None:
                session.add(User(login=row.data.login, **values))
                result.created.append(row.data.login)
                continue
            if user.is_admin and user.active and not values.get("is_admin", True):
                _guard_last_admin(session, user, False, True)
            changed = {k: v for k, v in values.items() if getattr(user, k) != v}
            if not changed:
                result.unchanged.append(row.data.login)
                continue
            for key, value in changed.items():
                setattr(user, key, value)
            result.updated.append(row.data.login)
        payload = {"created": result.created, "updated": result.updated, "rows": len(rows)}
        step.audit("users.import", "user", "*", payload)
        return result

    return change(db, actor, work, what="import_users_csv")


def users_csv_template() -> str:
    return ",".join(CSV_HEADER) + "\r\n"
