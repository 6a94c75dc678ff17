"""The approval view's comparison (issue 16, item 2): the text changed inline (removed text struck through on red,
added text underlined on green, so neither depends on colour alone), the images added, removed or changed as
thumbnails that open full size, and a preview shaped like the platform."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sns_desk.domain import checks
from sns_desk.domain.revision_diff import Change, Image, ImageChange, Segment
from sns_desk.domain.vocabulary import Platform
from sns_desk.gui import style
from sns_desk.gui.shared.interaction import show_error
from sns_desk.services.approval_view import Comparison

THUMBNAIL = 96


def segments_html(segments: Sequence[Segment]) -> str:
    parts = []
    for segment in segments:
        text = html.escape(segment.text)
        if segment.change is Change.ADDED:
            parts.append(
                "<span style='background:{};color:{};text-decoration:underline'>".format(*style.DIFF_ADDED)
                + text
                + "</span>"
            )
        elif segment.change is Change.REMOVED:
            parts.append(
                "<span style='background:{};color:{};text-decoration:line-through'>".format(
                    *style.DIFF_REMOVED
                )
                + text
                + "</span>"
            )
        else:
            parts.append(text)
    return "".join(parts)


def comparison_html(comparison: Comparison) -> str:
    """The comparison's text part: which revision is compared with, the title and body inline, other changes."""
    out = [f"<p><b>{html.escape(comparison.base_label)}</b>（→ 今回の第{comparison.latest}版）</p>"]
    if comparison.unchanged:
        out.append("<p>前回から変わったところはありません。</p>")
    out.append(
        "<p style='color:{}'>凡例: <span style='background:{};color:{};text-decoration:line-through'>削除</span>　"
        "<span style='background:{};color:{};text-decoration:underline'>追加</span></p>".format(
            style.DIFF_CONTEXT, *style.DIFF_REMOVED, *style.DIFF_ADDED
        )
    )
    if any(s.text for s in comparison.title):
        out.append(f"<p><b>件名:</b> {segments_html(comparison.title)}</p>")
    out.append(f"<div style='white-space:pre-wrap'>{segments_html(comparison.body)}</div>")
    if comparison.other:
        out.append("<p><b>そのほかの変更</b></p><ul>")
        out += [f"<li>{html.escape(line)}</li>" for line in comparison.other]
        out.append("</ul>")
    changed = [i for i in comparison.images if i.change is not Change.SAME]
    if changed:
        out.append(
            "<p><b>画像:</b> "
            + "、".join(
                f"{i.change.label} {html.escape((i.new or i.old or Image('', '')).filename)}" for i in changed
            )
            + "（下の一覧でクリックすると原寸で表示）</p>"
        )
    return "".join(out)


def _links_html(text: str) -> str:
    out, last = [], 0
    for item in checks.twitter_text().extract_urls_with_indices(text):
        start, end = item["indices"]
        out.append(html.escape(text[last:start]))
        out.append(f"<span style='color:{style.LINK}'>{html.escape(text[start:end])}</span>")
        last = end
    out.append(html.escape(text[last:]))
    return "".join(out)


def preview_html(comparison: Comparison, image_count: int) -> str:
    """The latest revision as the platform would show it: X's card with its counter (links count as 23
    characters), LINE's bubble, Instagram's image and caption; other platforms a plain card."""
    body = _links_html("".join(s.text for s in comparison.body if s.change is not Change.REMOVED))
    name = html.escape(comparison.account)
    count = comparison.count
    counter_style = style.STRONG_ERROR_STYLE if count.over else f"color:{style.PREVIEW_NOTE};"
    counter = f"<p style='{counter_style}'>{count.text()}{'（上限を超えています）' if count.over else ''}</p>"
    images = (
        "<table width='100%' cellspacing='4'><tr>"
        + "".join(
            f"<td bgcolor='{style.PREVIEW_IMAGE}' height='90' align='center'>画像 {n}</td>"
            for n in range(1, image_count + 1)
        )
        + "</tr></table>"
        if image_count
        else ""
    )
    # Qt's rich text draws borders and heights on tables only: the card is a one-cell table
    card_open = (
        "<table width='100%' cellpadding='12' cellspacing='0' border='1' "
        f"style='border-style:solid; border-color:{style.PREVIEW_BORDER}'><tr><td>"
    )
    card_close = "</td></tr></table>"
    if comparison.platform is Platform.LINE:
        return (
            f"<p style='color:{style.PREVIEW_NOTE}'>LINE のトーク画面での見え方</p>"
            f"<table width='100%' bgcolor='{style.LINE_CHAT_BACKGROUND}' cellpadding='12'><tr><td>"
            f"<p><b>{name}</b></p>"
            f"<table bgcolor='{style.LINE_BUBBLE}' cellpadding='10'><tr><td>"
            f"<div style='white-space:pre-wrap'>{body}</div></td></tr></table>"
            f"{images}</td></tr></table>{counter}"
        )
    if comparison.platform is Platform.INSTAGRAM:
        square = (
            images
            or f"<p style='background:{style.PREVIEW_IMAGE};color:{style.ERROR}'>画像がありません"
            "（Instagram の投稿には画像が必要です）</p>"
        )
        return (
            f"<p style='color:{style.PREVIEW_NOTE}'>Instagram の投稿での見え方</p>"
            f"{card_open}<p><b>{name}</b></p>{square}"
            f"<div style='white-space:pre-wrap'><b>{name}</b> {body}</div>{card_close}{counter}"
        )
    heading = "X（旧 Twitter）のポストでの見え方" if comparison.platform is Platform.X else "投稿での見え方"
    return (
        f"<p style='color:{style.PREVIEW_NOTE}'>{heading}</p>"
        f"{card_open}<p><b>{name}</b></p><div style='white-space:pre-wrap'>{body}</div>{images}{card_close}"
        f"{counter}"
    )


class ImageViewer(QDialog):
    """An image at full size (scrolling when larger than the screen)."""

    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.label = QLabel()
        self.label.setAccessibleName(title)
        image = QImage.fromData(data)
        if image.isNull():
            self.label.setText("この画像は表示できません。")
        else:
            self.label.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidget(self.label)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(min(image.width() + 60, 1200) or 400, min(image.height() + 100, 900) or 300)


class ImageStrip(QWidget):
    """The images compared: one button per image with its thumbnail and what happened to it; a click (or Enter)
    opens it full size.  A changed image shows the old one and the new one."""

    def __init__(self, load: Callable[[str], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.load = load
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QToolButton] = []

    def show_changes(self, changes: Sequence[ImageChange]) -> None:
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        while self.row.count():
            self.row.takeAt(0)
        for change in changes:
            if change.change is Change.CHANGED and change.old is not None:
                self._add(change.old, "差し替え前", "removed")
            image = change.new or change.old
            if image is not None:
                label = "差し替え後" if change.change is Change.CHANGED else change.change.label
                self._add(
                    image, label, change.change.value if change.change is not Change.CHANGED else "added"
                )
        self.row.addStretch(1)
        self.setVisible(bool(changes))

    def _add(self, image: Image, label: str, kind: str) -> None:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setText(f"{label}\n{image.filename[:18]}")
        button.setToolTip(f"{label}: {image.filename}（クリックで原寸表示）")
        button.setAccessibleName(f"画像 {label} {image.filename}")
        button.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        button.setStyleSheet(
            f"QToolButton {{ border: 3px solid {style.IMAGE_CHANGE_BORDER[kind]}; padding: 4px; }}"
        )
        try:
            data = self.load(image.sha256)
        except Exception:  # shown as a button without a thumbnail; opening it shows the error
            data = b""
        picture = QImage.fromData(data)
        if not picture.isNull():
            button.setIcon(
                QIcon(
                    QPixmap.fromImage(
                        picture.scaled(THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)
                    )
                )
            )
        button.clicked.connect(lambda: self.open_full_size(image, label))
        self.row.addWidget(button)
        self.buttons.append(button)

    def open_full_size(self, image: Image, label: str) -> None:
        try:
            data = self.load(image.sha256)
        except Exception as error:
            show_error(self, error, "opening a revision image")
            return
        ImageViewer(f"{label}: {image.filename}", data, self).exec()
