"""The check rules in layers, and standing exceptions: pure functions, no database.

The rules a draft is checked against are built from three layers (docs/rules.md):

1. the municipality's file (``resources/rules/<city>.json``), chosen when the database is set up;
2. the office layer, kept in the database so every PC of the 課 sees the same (システム管理者・広報課);
3. one account's additions, by its アカウント管理者 (§4(1)イ): its contacts and partner sites.

A layer has the shape of the city file, and merging is generic over keys, so it keeps working when the file gains
new keys: a dict merges key by key, a scalar replaces, and a list either adds (a plain list) or says
``{"add": [...], "remove": [...]}``.  An account layer may only add, and only to :data:`ACCOUNT_KEYS`.

A standing exception (§5(8): a link to 気象庁 that the 管理者 has accepted once and for all) lets a recurring
*warning* through for one account until its expiry; an error can never be excepted.
"""

from __future__ import annotations

import copy
import difflib
import enum
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from sns_desk.domain.checks import Finding, Severity
from sns_desk.domain.errors import ValidationError


class LayerKind(enum.StrEnum):
    OFFICE = "office"
    ACCOUNT = "account"

    @property
    def label(self) -> str:
        return "課の規則" if self is LayerKind.OFFICE else "アカウントの追加"


# The city's identity, its counting rules and its §6 self-check are the municipality's: no layer changes them.
CITY_ONLY_KEYS = frozenset({"municipality", "guideline", "policy_defaults", "limits", "self_check"})
# What an account's 管理者 may add: the account's own contacts, its partner sites and accounts (§5(8)).
ACCOUNT_KEYS = frozenset({"allowed_contacts", "city_domains", "city_accounts"})
LIST_OPERATIONS = frozenset({"add", "remove"})
MAX_LAYER_CHARS = 200_000
MAX_ITEM_CHARS = 200


def parse_layer(text: str) -> dict[str, Any]:
    """A layer as typed into the editor or read from a file: a JSON object (empty text is an empty layer)."""
    if not text.strip():
        return {}
    if len(text) > MAX_LAYER_CHARS:
        raise ValidationError(
            f"規則が長すぎます（{len(text):,} 文字）。{MAX_LAYER_CHARS:,} 文字以内にしてください。"
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            f"規則の書き方に誤りがあります（{exc.lineno} 行 {exc.colno} 文字目）: JSON の形で書いてください。",
            f"layer is not JSON: {exc.msg}",
        ) from None
    if not isinstance(data, dict):
        raise ValidationError("規則は { … } で囲んだ JSON オブジェクトで書いてください。")
    return data


def layer_text(layer: Mapping[str, Any]) -> str:
    """A layer as the editor and the export show it: stable key order, Japanese as is."""
    return json.dumps(layer, ensure_ascii=False, indent=2, sort_keys=True) + "\n" if layer else "{}\n"


def _is_list_operation(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and set(value) <= LIST_OPERATIONS


def problems(base: Mapping[str, Any], layer: Mapping[str, Any], kind: LayerKind) -> list[str]:
    """What is wrong with ``layer`` on top of ``base`` (the merged layers below it), in Japanese; empty if none."""
    found: list[str] = []
    for key, value in layer.items():
        if key in CITY_ONLY_KEYS:
            found.append(f"「{key}」は市の規則ファイルでだけ決められます。")
        elif kind is LayerKind.ACCOUNT and key not in ACCOUNT_KEYS:
            allowed = "・".join(sorted(ACCOUNT_KEYS))
            found.append(f"アカウントの追加で変えられるのは {allowed} だけです（「{key}」）。")
        elif key not in base:
            found.append(f"「{key}」という項目は市の規則にありません（綴りを確かめてください）。")
        else:
            found.extend(_value_problems(key, base[key], value, kind))
    return found


def _value_problems(path: str, base: Any, value: Any, kind: LayerKind) -> list[str]:
    if isinstance(base, dict):
        if not isinstance(value, dict):
            return [f"「{path}」は {{ … }} で書いてください。"]
        found: list[str] = []
        for key, item in value.items():
            if key in base:
                found.extend(_value_problems(f"{path}.{key}", base[key], item, kind))
            elif kind is LayerKind.ACCOUNT:
                found.append(f"アカウントの追加では新しい項目「{path}.{key}」は作れません。")
            elif isinstance(item, dict) and base and all(isinstance(b, dict) for b in base.values()):
                # a new entry of a table of entries (a new word list): shaped like its siblings
                sibling = next(iter(base.values()))
                found.extend(
                    p
                    for k, v in item.items()
                    for p in _new_entry_problems(f"{path}.{key}.{k}", sibling, k, v)
                )
            else:
                found.append(f"「{path}.{key}」という項目は市の規則にありません（綴りを確かめてください）。")
        return found
    if isinstance(base, list):
        if isinstance(value, list):
            return _items_problems(path, value)
        if _is_list_operation(value):
            if kind is LayerKind.ACCOUNT and "remove" in value:
                return [f"アカウントの追加では「{path}」から取り除けません（課の規則で行います）。"]
            found = []
            for op, items in value.items():
                if not isinstance(items, list):
                    found.append(f"「{path}.{op}」は [ … ] で書いてください。")
                else:
                    found.extend(_items_problems(f"{path}.{op}", items))
            return found
        return [f'「{path}」は [ … ] か {{"add": […], "remove": […]}} で書いてください。']
    if kind is LayerKind.ACCOUNT:
        return [f"アカウントの追加では「{path}」は変えられません。"]
    if isinstance(base, bool) or isinstance(value, bool):
        return (
            []
            if isinstance(base, bool) and isinstance(value, bool)
            else [f"「{path}」は true か false です。"]
        )
    if isinstance(base, int | float):
        return [] if isinstance(value, int | float) else [f"「{path}」は数で書いてください。"]
    if isinstance(base, str):
        return [] if isinstance(value, str) else [f"「{path}」は文字列で書いてください。"]
    return []


def _new_entry_problems(path: str, sibling: Mapping[str, Any], key: str, value: Any) -> list[str]:
    if key not in sibling:
        return [f"「{path}」という項目はほかの項目にありません。"]
    return _value_problems(path, sibling[key], value, LayerKind.OFFICE)


def _items_problems(path: str, items: Sequence[Any]) -> list[str]:
    found = []
    for item in items:
        if isinstance(item, str):
            if not item.strip():
                found.append(f"「{path}」に空の項目があります。")
            elif len(item) > MAX_ITEM_CHARS:
                found.append(f"「{path}」の項目が長すぎます（{MAX_ITEM_CHARS} 文字まで）。")
        elif not isinstance(item, int | float | dict):
            found.append(f"「{path}」の項目は文字列で書いてください。")
    return found


def validate(base: Mapping[str, Any], layer: Mapping[str, Any], kind: LayerKind) -> None:
    """Raise :class:`ValidationError` listing every problem of ``layer``."""
    found = problems(base, layer, kind)
    if found:
        raise ValidationError(
            f"{kind.label}を保存できません。\n" + "\n".join(f"・{p}" for p in found),
            f"{kind.value} layer invalid: {len(found)} problem(s)",
        )


def merge(base: Mapping[str, Any], *layers: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with each layer applied in turn (the base is not changed)."""
    merged: dict[str, Any] = copy.deepcopy(dict(base))
    for layer in layers:
        merged = _merge_value(merged, layer)
    return merged


def _merge_value(base: Any, value: Any) -> Any:
    if isinstance(base, dict) and isinstance(value, dict):
        out = dict(base)
        for key, item in value.items():
            out[key] = _merge_value(base[key], item) if key in base else _fresh(item)
        return out
    if isinstance(base, list):
        if isinstance(value, list):
            return _added(base, value)
        if _is_list_operation(value):
            removed = {_norm(x) for x in value.get("remove", []) if isinstance(x, str)}
            kept = [x for x in base if not (isinstance(x, str) and _norm(x) in removed)]
            return _added(kept, value.get("add", []))
    return copy.deepcopy(value)


def _fresh(value: Any) -> Any:
    """A value new to the base: list operations on nothing become the added items."""
    if _is_list_operation(value):
        return list(value.get("add", []))
    if isinstance(value, dict):
        return {k: _fresh(v) for k, v in value.items()}
    return copy.deepcopy(value)


def _norm(item: str) -> str:
    return unicodedata.normalize("NFKC", item).strip().lower()


def _added(items: Sequence[Any], extra: Iterable[Any]) -> list[Any]:
    out = list(items)
    seen = {_norm(x) for x in out if isinstance(x, str)}
    for item in extra:
        if isinstance(item, str):
            if _norm(item) in seen:
                continue
            seen.add(_norm(item))
        out.append(copy.deepcopy(item))
    return out


def difference(old: Mapping[str, Any], new: Mapping[str, Any], old_name: str, new_name: str) -> list[str]:
    """The unified diff between two layers (or two merged rule sets), line by line."""
    return list(
        difflib.unified_diff(
            layer_text(old).splitlines(), layer_text(new).splitlines(), old_name, new_name, lineterm=""
        )
    )


def changed_keys(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The top-level keys whose value differs: what the audit event says was changed."""
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))


# --- standing exceptions ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StandingException:
    """A warning the アカウント管理者 accepted for the account until ``expires_on`` (inclusive, JST)."""

    id: int
    rule: str
    matched: str  # the text the finding concerns; for a link, its domain (and every site under it)
    reason: str
    expires_on: date

    def active(self, today: date) -> bool:
        return today <= self.expires_on

    def label(self) -> str:
        return f"例外（{self.reason}・{self.expires_on:%Y-%m-%d} まで）"


def exception_refusal(finding: Finding) -> str | None:
    """Why this finding cannot be made a standing exception, or None if it can: errors never can."""
    if finding.severity is Severity.ERROR:
        return f"エラー「{finding.message}」は例外にできません（{finding.section}）。本文を直してください。"
    return None


def _url_host(text: str) -> str:
    target = text if "://" in text else "http://" + text
    try:
        return (urlsplit(target).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def subject(finding: Finding, body: str) -> str:
    """What an exception made from ``finding`` names: a link's domain, otherwise the text it concerns."""
    text = unicodedata.normalize("NFC", body)[finding.start : finding.end].strip()
    if finding.rule == "external_link":
        return _url_host(text) or text
    return text


def covers(exception: StandingException, finding: Finding, body: str, today: date) -> bool:
    """Whether ``exception`` lets ``finding`` through today."""
    if finding.severity is Severity.ERROR or not exception.active(today) or finding.rule != exception.rule:
        return False
    matched = _norm(exception.matched)
    text = unicodedata.normalize("NFC", body)[finding.start : finding.end].strip()
    if _norm(text) == matched:
        return True
    if finding.rule == "external_link":
        host = _url_host(text)
        return bool(host) and (host == matched or host.endswith("." + matched))
    return False


def split_excepted(
    findings: Sequence[Finding], body: str, exceptions: Sequence[StandingException], today: date
) -> tuple[list[Finding], list[tuple[Finding, StandingException]]]:
    """The findings still in force, and the warnings let through with the exception that covers each."""
    kept: list[Finding] = []
    excepted: list[tuple[Finding, StandingException]] = []
    for finding in findings:
        cover = next((e for e in exceptions if covers(e, finding, body, today)), None)
        if cover is None:
            kept.append(finding)
        else:
            excepted.append((finding, cover))
    return kept, excepted


def exception_problems(rule: str, matched: str, reason: str, expires_on: date, today: date) -> list[str]:
    """What is missing or wrong in a new exception, in Japanese."""
    found = []
    if not rule.strip():
        found.append("例外にする注意の種類を指定してください。")
    if not matched.strip():
        found.append("例外にする語句・ドメインを指定してください。")
    elif len(matched) > MAX_ITEM_CHARS:
        found.append(f"例外にする語句は {MAX_ITEM_CHARS} 文字以内にしてください。")
    if not reason.strip():
        found.append("例外にする理由を記入してください。")
    if expires_on < today:
        found.append("期限は今日以降の日付にしてください。")
    elif (expires_on - today).days > 366:
        found.append("期限は 1 年以内にしてください（見直してから延長します）。")
    return found
