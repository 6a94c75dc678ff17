"""Which account states allow what (§3, §4, §8(4)): drafting, posting and keeping credentials.  Services refuse
and screens enable from these sets; nobody else lists account states."""

from __future__ import annotations

from sns_desk.domain.vocabulary import AccountStatus

S = AccountStatus

# drafts may be written while the account is being prepared, so the first posts are ready on the opening day
DRAFTING = frozenset({S.ACTIVE, S.PREPARING})
# submitting, deciding and recording a publication need an account in operation (§3, §8(4) 一時停止)
POSTING = frozenset({S.ACTIVE})
# credentials (§3(3)ウ) are kept from the preparation on, also while suspended; never before the opening is
# approved, nor once the account is closed or its request refused
CREDENTIALS = frozenset({S.PREPARING, S.ACTIVE, S.SUSPENDED})


def credentials_allowed(status: AccountStatus) -> bool:
    return status in CREDENTIALS


def credentials_refusal(status: AccountStatus) -> str:
    """Why credentials cannot be stored for an account in ``status`` ("" when they can)."""
    if credentials_allowed(status):
        return ""
    return f"「{status.label}」のアカウントには認証情報を保存できません。"


def posting_refusal(name: str, status: AccountStatus, *, for_posting: bool) -> str:
    """Why no post may be drafted (``for_posting`` False) or submitted, decided, recorded on this account now."""
    if status in (POSTING if for_posting else DRAFTING):
        return ""
    return f"アカウント「{name}」は「{status.label}」のため、" + (
        "投稿の申請・承認・記録はできません。" if for_posting else "下書きを作成・編集できません。"
    )
