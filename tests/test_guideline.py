"""The guideline as shipped, cut into sections, and the one parser of § references (issue 16, item 3)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sns_desk import resources
from sns_desk.domain import guideline
from sns_desk.domain.guideline import Reference

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_text_is_the_guideline_with_every_chapter_item_and_note() -> None:
    labels = [section.reference.label for section in guideline.sections()]
    assert [label for label in labels if label.count("§") and "(" not in label] == [
        f"§{n}" for n in range(1, 10)
    ]
    assert labels.count("§5(7)") == 1 and "§4(1)イ" in labels and "§3(1)キ" in labels and "§8(4)" in labels
    assert [label for label in labels if label.startswith("※")] == [f"※{n}" for n in range(1, 11)]
    section = guideline.section_for(Reference(5, 7))
    assert section is not None and "URL短縮サービス" in section.text
    assert "アカウント管理者" in guideline.sections()[labels.index("§4(1)イ")].text


def test_references_are_found_with_their_places_in_any_width() -> None:
    text = "短縮URLは §5(7) に反します。§４（１）イ へ報告し、§8 を参照。"
    found = guideline.find_references(text)
    assert [c.reference.label for c in found] == ["§5(7)", "§4(1)イ", "§8"]
    assert [text[c.start : c.end] for c in found] == ["§5(7)", "§４（１）イ", "§8"]
    assert guideline.parse_reference("5(7)") == Reference(5, 7)
    assert guideline.parse_reference("§3(3)ウ") == Reference(3, 3, "ウ")
    assert guideline.parse_reference("§5(7) と §6") is None
    assert guideline.parse_reference("第5条") is None


def test_an_unknown_item_opens_its_chapter_and_an_unknown_chapter_nothing() -> None:
    assert guideline.section_for(Reference(5, 12)) == guideline.section_for(Reference(5))
    assert guideline.section_for(Reference(4, 1, "コ")) == guideline.section_for(Reference(4, 1))
    assert guideline.section_for(Reference(12)) is None


def test_every_citation_in_the_app_names_a_section_of_the_guideline() -> None:
    """A typo in a cited § (in a message, a rule file or a checklist) would open the wrong place."""
    sources = [p for p in (ROOT / "sns_desk").rglob("*.py") if p.name != "guideline.py"]  # its examples
    texts = [p.read_text(encoding="utf-8") for p in sources]
    texts += [
        json.dumps(
            json.loads(resources.path("rules", "kagoshima.json").read_text("utf-8")), ensure_ascii=False
        )
    ]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "ui").glob("*.ui")]
    cited = {c.reference for text in texts for c in guideline.find_references(text)}
    assert len(cited) > 30
    missing = {ref.label for ref in cited if (s := guideline.section_for(ref)) is None or s.reference != ref}
    assert missing == set()


def test_search_folds_width_and_case_and_finds_headings_and_text() -> None:
    assert [s.reference.label for s in guideline.search("ＵＲＬ短縮")] == ["§5(7)"]
    assert "※10" in [s.reference.label for s in guideline.search("炎上")]
    assert "§4(1)ア" in [s.reference.label for s in guideline.search("アカウント責任者")]
    assert list(guideline.search("  ")) == []
    assert list(guideline.search("存在しない言葉")) == []


@given(
    st.builds(
        Reference,
        st.integers(1, 99),
        st.none() | st.integers(1, 99),
        st.none() | st.sampled_from(guideline.SUBS),
    ).filter(lambda r: r.item is not None or r.sub is None)
)
def test_a_reference_survives_its_label_and_its_anchor(reference: Reference) -> None:
    assert guideline.parse_reference(reference.label) == reference
    assert Reference.from_anchor(reference.anchor) == reference


def test_anchors_the_app_did_not_write_are_refused() -> None:
    for anchor in ("", "s", "x5", "s5-", "s5-1-99", "javascript:alert(1)", "n"):
        assert Reference.from_anchor(anchor) is None
    assert Reference.from_anchor("n4") == Reference(0, note=4)
