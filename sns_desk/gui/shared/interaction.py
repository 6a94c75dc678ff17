"""Shared GUI helpers: messages, errors and background work with progress."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from sns_desk.domain.errors import SnsDeskError
from sns_desk.gui.shared.background import Job, expect
from sns_desk.gui.shared.background import run_in_background as run_in_background
from sns_desk.host import keyring_access, paths

log = logging.getLogger(__name__)

APP_TITLE = "SNS Desk"


def inform(parent: QWidget | None, text: str, title: str = APP_TITLE) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, text: str, title: str = APP_TITLE) -> None:
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget | None, text: str, title: str = APP_TITLE) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, error: BaseException, context: str = "") -> None:
    """A Japanese message for the person, an English line (or traceback) for the log."""
    if isinstance(error, SnsDeskError):
        log.warning("%s%s", f"{context}: " if context else "", error.log_message)
        QMessageBox.warning(parent, APP_TITLE, error.message)
        return
    log.error("unexpected error%s", f" in {context}" if context else "", exc_info=error)
    QMessageBox.critical(
        parent,
        APP_TITLE,
        "予期しないエラーが発生しました。作業内容は保存されていない可能性があります。\n"
        f"お手数ですが、次のフォルダのログをシステム管理者に送ってください:\n{paths.log_dir()}",
    )


class Cancelled(Exception):
    pass


class _Receiver(QObject):
    """Lives in the GUI thread; the worker's reports arrive queued, through the event loop (background's relay)."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__()
        self.dialog = dialog
        self.loop = loop
        self.result: Any = None
        self.error: BaseException | None = None
        self.finished = False

    def on_progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def on_done(self, result: Any, error: BaseException | None) -> None:
        self.result = result
        self.error = error
        self.finished = True
        self.loop.quit()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any],
    *,
    cancellable: bool = True,
    delay_ms: int = 400,
) -> Any:
    """Run ``work(progress, cancelled)`` on a worker thread while the window stays responsive.

    A progress dialog appears if the work takes longer than ``delay_ms``.  Returns the result, or raises the
    work's error (or :class:`Cancelled`) in the GUI thread.  ``work`` never touches widgets.
    """
    cancel = threading.Event()
    loop = QEventLoop()
    dialog = QProgressDialog(title, "キャンセル" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(APP_TITLE)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.hide()
    receiver = _Receiver(dialog, loop)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(dialog.show)
    dialog.canceled.connect(cancel.set)
    QThreadPool.globalInstance().start(Job(expect(receiver), work, cancel.is_set))
    timer.start(delay_ms)
    while not receiver.finished:
        loop.exec()
    timer.stop()
    dialog.canceled.disconnect()
    dialog.close()
    dialog.deleteLater()
    if receiver.error is not None:
        if cancel.is_set() and isinstance(receiver.error, InterruptedError):
            raise Cancelled() from receiver.error
        raise receiver.error
    if cancel.is_set():
        raise Cancelled()
    return receiver.result


KEYRING_WAIT_TEXT = "OS の資格情報ストアの応答を待っています…"


def run_keyring_call(parent: QWidget | None, call: Callable[[], Any]) -> Any:
    """A service call that may ask the OS keyring (a credential, the 電子印鑑 key) for something.

    The keyring may wait for an unlock prompt the person does not see (a remote desktop), so the call runs off
    the GUI thread with 「OS の資格情報ストアの応答を待っています…」 and a cancel button (:class:`Cancelled`);
    the host layer gives up after its time limit with a Japanese message (KeyringUnavailableError).
    """

    def work(_progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
        with keyring_access.cancellable(cancelled):
            return call()

    return run_with_progress(parent, KEYRING_WAIT_TEXT, work)


class SecretClipboard(QObject):
    """Puts a secret on the clipboard and takes it off again after ``seconds`` (§3(3)ウ), if it is still there."""

    tick = Signal(int)  # seconds left; 0 when cleared

    def __init__(self, seconds: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._left = 0
        self._text = ""
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._step)

    def copy(self, text: str) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(text)
        self._text = text
        self._left = self.seconds
        self.tick.emit(self._left)
        self._timer.start()

    def _step(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.clear()
        else:
            self.tick.emit(self._left)

    def clear(self) -> None:
        from PySide6.QtGui import QGuiApplication

        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._text and clipboard.text() == self._text:
            clipboard.clear()
        self._text = ""
        self._left = 0
        self.tick.emit(0)


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """A reason the guideline asks for (rejection, suspension, closing ...); None when the person cancels."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getMultiLineText(parent, title, prompt)
    return text.strip() if ok else None


def run_and_refresh(page: Any, what: str, call: Callable[[], Any], *, uses_keyring: bool = False) -> bool:
    """Run a service call for a page; show a refusal, and re-read the page either way (it may be stale).

    ``uses_keyring``: the call may wait for the OS keyring (a credential, a signed decision), so it runs through
    :func:`run_keyring_call`; cancelling the wait changes nothing and shows nothing.
    """
    try:
        if uses_keyring:
            run_keyring_call(page, call)
        else:
            call()
    except Cancelled:
        log.info("%s: cancelled while waiting for the OS keyring", what)
        page.refresh()
        return False
    except Exception as error:
        show_error(page, error, what)
        page.refresh()
        return False
    page.refresh()
    return True


def explain(widget: QWidget, refusal: str = "") -> None:
    """A control's tooltip: what it does (as its form says), and below it why it cannot be used now, if not."""
    purpose = widget.property("purpose")
    if purpose is None:
        purpose = widget.toolTip()
        widget.setProperty("purpose", purpose)
    widget.setToolTip("\n".join(part for part in (str(purpose), refusal) if part))
