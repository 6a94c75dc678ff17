"""Take the curated screenshots in docs/screenshots/ (run under Xvfb: ``xvfb-run -a python scripts/screenshots.py``).

It builds a demo database in a temporary folder, drives the real windows and saves what a person would see.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    home = tempfile.mkdtemp(prefix="sns-desk-shots-")
    os.environ["SNS_DESK_HOME"] = home
    from PySide6.QtWidgets import QApplication

    from sns_desk.errors import NotRegisteredError
    from sns_desk.gui.app import app_icon
    from sns_desk.gui.main_window import MainWindow
    from sns_desk.gui.not_registered import NotRegisteredDialog
    from sns_desk.gui.wizard import FirstRunWizard
    from sns_desk.services import auditlog, users
    from sns_desk.services.common import actor_for_login

    app = QApplication.instance() or QApplication(sys.argv)
    app.setWindowIcon(app_icon())
    OUT.mkdir(parents=True, exist_ok=True)

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(OUT / name))
        print("wrote", OUT / name)

    wizard = FirstRunWizard("k-tanaka")
    save(wizard, "wizard-1-location.png")
    wizard.next()
    wizard.ui.nameEdit.setText("田中 恵子")
    wizard.ui.bureauEdit.setText("総務局")
    wizard.ui.sectionEdit.setText("広報課")
    wizard.ui.emailEdit.setText("koho@city.example.lg.jp")
    save(wizard, "wizard-2-administrator.png")
    wizard.next()
    save(wizard, "wizard-3-confirm.png")
    wizard.accept()
    db = wizard.database
    assert db is not None and wizard.actor is not None
    actor = wizard.actor
    csv_text = (
        "ログイン名,氏名,局,課,メール,電話,システム管理者,広報課,委託業者\n"
        "s-yamada,山田 翔太,総務局,広報課,s-yamada@city.example.lg.jp,099-224-1111,,はい,\n"
        "m-ito,伊藤 美咲,市民局,市民協働課,m-ito@city.example.lg.jp,099-224-2222,,,\n"
        "h-kimura,木村 浩,観光交流局,観光振興課,,099-224-3333,,,\n"
        "pr-agency,株式会社かごしま広告,,,,099-000-0000,,,はい\n"
    ).encode()
    users.import_users_csv(db, actor, csv_text)
    rows = {r.login: r for r in users.list_users(db)}
    users.record_contractor_acknowledgement(
        db, actor, rows["pr-agency"].id, __import__("datetime").date(2026, 4, 1)
    )
    auditlog.verify_log(db, actor)

    window = MainWindow(db, actor)
    window.resize(1180, 720)
    window.show_page("audit")
    window.pages["audit"].refresh()  # type: ignore[attr-defined]
    window.pages["audit"].verify()  # type: ignore[attr-defined]
    save(window, "main-audit-log.png")
    window.show_page("users")
    save(window, "main-users.png")
    window.show_page("settings")
    save(window, "main-settings.png")
    window.close()

    with db.read() as session:
        try:
            actor_for_login(session, "unknown-user")
        except NotRegisteredError as error:
            dialog = NotRegisteredDialog(error, db.location.display())
            save(dialog, "not-registered.png")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
