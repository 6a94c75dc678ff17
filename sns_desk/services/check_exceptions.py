"""Standing exceptions (issue 15 item 4): the アカウント管理者 accepts a recurring warning for the account — a link to
気象庁, the 課's partner site — with a reason and an expiry; audited and listed.  Errors can never be excepted
(:func:`sns_desk.domain.rule_layers.exception_refusal`).  A warning under an active exception is left out of the
author's list, so no reason is asked for it; expired and revoked exceptions stop applying at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from sns_desk.domain import checks
from sns_desk.domain import rule_layers as rl
from sns_desk.domain.errors import NotFoundError, ValidationError
from sns_desk.domain.permissions import Permission
from sns_desk.services.actors import Actor
from sns_desk.services.check_rules import active_exceptions, exception_of, rules_in_force, today_jst
from sns_desk.services.usecase import Step, change, look
from sns_desk.store.database import Database
from sns_desk.store.orm import Account, utcnow
from sns_desk.store.rule_tables import RuleException

log = logging.getLogger(__name__)

# How the usual warnings are named in lists; any other rule (a word list's "words:…", a rule the city file adds
# later) is shown by its id.  Which rules may be excepted is not a list: every warning may, no error may.
RULE_LABELS = {
    "external_link": "市以外のサイトへのリンク（§5(8)）",
    "mention": "市以外のアカウントへの言及（§5(8)）",
    "phone": "登録のない電話番号",
    "email": "登録のないメールアドレス",
    "decision": "意思形成過程の表現（§6(8)）",
    "repetition": "同じ内容の繰り返し（§5(5)）",
}


def rule_label(rule: str) -> str:
    if rule.startswith("words:"):
        return f"語句「{rule.removeprefix('words:')}」"
    return RULE_LABELS.get(rule, rule)


@dataclass(frozen=True)
class ExceptionRow:
    exception: rl.StandingException
    account_id: int
    created_by: str
    created_at: datetime
    revoked_at: datetime | None

    def state(self, today: date) -> str:
        if self.revoked_at is not None:
            return "取り消し"
        return "有効" if self.exception.active(today) else "期限切れ"


def list_exceptions(
    db: Database, actor: Actor, account_id: int, *, include_ended: bool = False
) -> list[ExceptionRow]:
    """The account's exceptions, for anyone who may see the account (its authors see why a warning is gone)."""

    def work(step: Step) -> list[ExceptionRow]:
        step.see(step.load(Account, account_id).id)
        stmt = select(RuleException).where(RuleException.account_id == account_id).order_by(RuleException.id)
        rows = [
            ExceptionRow(exception_of(r), r.account_id, r.created_by.display_name, r.created_at, r.revoked_at)
            for r in step.session.scalars(stmt)
        ]
        today = today_jst()
        return [r for r in rows if include_ended or r.state(today) == "有効"]

    return look(db, actor, work)


def excepted_findings(
    db: Database, actor: Actor, account_id: int, draft: checks.Draft
) -> list[tuple[checks.Finding, rl.StandingException]]:
    """The warnings on ``draft`` that the account's exceptions let through, each with its exception: what the
    editor shows as 「例外（理由・期限）」 so the author knows why no reason is asked."""

    def work(step: Step) -> list[tuple[checks.Finding, rl.StandingException]]:
        step.see(step.load(Account, account_id).id)
        findings = checks.run_checks(draft, rules_in_force(step.session, account_id))
        return rl.split_excepted(
            findings, draft.body, active_exceptions(step.session, account_id), today_jst()
        )[1]

    return look(db, actor, work)


def add_exception(
    db: Database,
    actor: Actor,
    account_id: int,
    rule: str,
    matched: str,
    reason: str,
    expires_on: date,
    *,
    severity: checks.Severity = checks.Severity.WARNING,
) -> int:
    """Record a standing exception (アカウント管理者), audited.  ``severity`` is the finding's: an error is refused."""

    def work(step: Step) -> int:
        step.require(Permission.MANAGE_RULE_EXCEPTIONS, account_id)
        step.load(Account, account_id)
        if severity is checks.Severity.ERROR:
            raise ValidationError(
                "エラーは例外にできません。本文を直してください。", f"exception for error {rule}"
            )
        found = rl.exception_problems(rule, matched, reason, expires_on, today_jst())
        if found:
            raise ValidationError("例外を登録できません。\n" + "\n".join(f"・{p}" for p in found))
        row = step.add(
            RuleException(
                account_id=account_id,
                rule=rule,
                matched=matched.strip(),
                reason=reason.strip(),
                expires_on=expires_on,
                created_by_id=step.me.id,
            )
        )
        step.audit(
            "rules.exception.add",
            "account",
            account_id,
            {
                "exception": row.id,
                "rule": rule,
                "matched": row.matched,
                "reason": row.reason,
                "expires_on": expires_on.isoformat(),
            },
        )
        log.info("standing exception %d added to account %d for rule %s", row.id, account_id, rule)
        return row.id

    return change(db, actor, work, what=f"add exception to account {account_id}")


def add_from_finding(
    db: Database,
    actor: Actor,
    account_id: int,
    finding: checks.Finding,
    body: str,
    reason: str,
    expires_on: date,
) -> int:
    """「この注意を例外にする」 on a finding of a draft: its rule and the text it concerns (a link's domain)."""
    refusal = rl.exception_refusal(finding)
    if refusal:
        raise ValidationError(refusal, f"exception for error {finding.rule}")
    return add_exception(db, actor, account_id, finding.rule, rl.subject(finding, body), reason, expires_on)


def add_from_text(
    db: Database,
    actor: Actor,
    account_id: int,
    text: str,
    reason: str,
    expires_on: date,
    rule: str | None = None,
) -> list[int]:
    """``rules exception add``: check a sample ``text`` under the account's rules and make its warning (of ``rule``,
    when there are several) an exception.  An error in the text is refused, never excepted."""
    from sns_desk.domain.vocabulary import Platform

    def work(step: Step) -> list[checks.Finding]:
        step.see(step.load(Account, account_id).id)
        account = step.session.get(Account, account_id)
        platform = account.platform if account is not None else Platform.X
        found = checks.run_checks(checks.Draft(platform, text), rules_in_force(step.session, account_id))
        return rl.split_excepted(found, text, active_exceptions(step.session, account_id), today_jst())[0]

    findings = [f for f in look(db, actor, work) if rule is None or f.rule == rule]
    errors = [f for f in findings if f.severity is checks.Severity.ERROR]
    if rule is not None and errors:
        raise ValidationError(rl.exception_refusal(errors[0]) or "", f"exception for error {rule}")
    warnings = [f for f in findings if f.severity is checks.Severity.WARNING]
    if not warnings:
        raise ValidationError("この文には例外にできる注意がありません（エラーは例外にできません）。")
    subjects = {(f.rule, rl.subject(f, text)): f for f in warnings}
    if len(subjects) > 1 and rule is None:
        names = "\n".join(f"・{r}: {m}" for r, m in subjects)
        raise ValidationError(f"注意が複数あります。--rule で一つ選んでください。\n{names}")
    return [add_from_finding(db, actor, account_id, f, text, reason, expires_on) for f in subjects.values()]


def revoke_exception(db: Database, actor: Actor, exception_id: int) -> None:
    """Stop an exception before its expiry (アカウント管理者), audited."""

    def work(step: Step) -> None:
        row = step.session.get(RuleException, exception_id)
        if row is None:
            raise NotFoundError("例外が見つかりません。", f"rule exception {exception_id} not found")
        step.require(Permission.MANAGE_RULE_EXCEPTIONS, row.account_id)
        if row.revoked_at is not None:
            raise ValidationError("この例外はすでに取り消されています。")
        row.revoked_at = utcnow()
        row.revoked_by_id = step.me.id
        step.audit("rules.exception.revoke", "account", row.account_id, {"exception": row.id})

    change(db, actor, work, what=f"revoke exception {exception_id}")
