"""§ citations as links: in labels, rich text and table columns, each opens the guideline at that section.

The citations are found by :func:`sns_desk.domain.guideline.find_references` (the one parser); a link is
``guideline:s5-7`` and nothing else is followed.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTextBrowser, QWidget

from sns_desk.domain.guideline import Reference, find_references, parse_reference, section_for
from sns_desk.gui import style
from sns_desk.gui.help.guideline_viewer import open_guideline
from sns_desk.gui.shared.item_models import TableModel

SCHEME = "guideline"
T = TypeVar("T")


def linked_html(text: str) -> str:
    """``text`` escaped, each § citation in it a link to its section."""
    out, last = [], 0
    for citation in find_references(text):
        out.append(html.escape(text[last : citation.start]))
        shown = html.escape(text[citation.start : citation.end])
        out.append(f"<a href='{SCHEME}:{citation.reference.anchor}' style='color:{style.ACCENT}'>{shown}</a>")
        last = citation.end
    out.append(html.escape(text[last:]))
    return "".join(out)


def reference_of(url: QUrl | str) -> Reference | None:
    url = QUrl(url) if isinstance(url, str) else url
    return Reference.from_anchor(url.path()) if url.scheme() == SCHEME else None


def open_reference(parent: QWidget, url: QUrl | str) -> None:
    """Open the guideline at the section a ``guideline:`` link names (anything else is ignored)."""
    _open(parent, reference_of(url))


def _open(parent: QWidget, reference: Reference | None) -> None:
    if reference is not None:
        open_guideline(parent, reference)


def link_label(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` with its citations clickable (and reachable by Tab, Enter opens them)."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(linked_html(text).replace("\n", "<br>"))
    if find_references(text):
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.setToolTip("§ をクリックすると、ガイドラインのその節が開きます。")
    if not label.property("guidelineLinked"):
        label.setProperty("guidelineLinked", True)
        label.linkActivated.connect(lambda link: _open(label, reference_of(link)))


def link_browser(browser: QTextBrowser) -> None:
    """A text browser whose guideline: links open the viewer and https: links the web browser (a published
    post's address); nothing else is followed."""
    browser.setOpenLinks(False)

    def clicked(url: QUrl) -> None:
        if url.scheme() == "https":
            QDesktopServices.openUrl(url)
        else:
            _open(browser, reference_of(url))

    browser.anchorClicked.connect(clicked)


def link_column(
    view: QAbstractItemView, model: TableModel[T], column: int, section: Callable[[T], str]
) -> None:
    """Clicking (or pressing Enter on) ``column`` of ``view`` opens the section its row cites."""

    def activated(index: QModelIndex) -> None:
        if index.column() == column:
            cited = section(model.row_at(index.row()))
            citations = find_references(cited)
            _open(view, citations[0].reference if citations else parse_reference(cited))

    view.clicked.connect(activated)
    view.activated.connect(activated)


def section_text(cited: str) -> str:
    """The guideline's words for the first section ``cited`` names (for a tooltip), or "" if it names none."""
    citations = find_references(cited)
    section = section_for(citations[0].reference) if citations else None
    return f"{section.reference.label}: {section.text}" if section is not None else ""


SECTION_TIP = "クリック（または Enter）で、ガイドラインのこの節を開きます。"
