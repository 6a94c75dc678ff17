"""Take the curated screenshots in docs/screenshots/ from the real windows.

    xvfb-run -a python scripts/screenshots.py                             # every PNG in docs/screenshots/
    python scripts/screenshots.py --quick --out /tmp/shots               # what CI runs: two screens, offscreen
    xvfb-run -a python scripts/screenshots.py --only help-1-guideline.png --out /tmp/shots   # chosen PNGs only

It builds a demo database in a temporary folder, drives the real windows and saves what a person would see. It
starts its own Secret Service (dbus-daemon and gnome-keyring-daemon, as .ci/run installs them), so that the
認証情報 tab shows what an office PC shows. The page of the account report needs LibreOffice and pdftoppm; without
them that one PNG is left as it is.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from convention import ROOT, parser

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from sns_desk.services.actors import Actor
    from sns_desk.store.database import Database

QUICK = ("wizard-1-location.png", "main-users.png")


def main(argv: list[str]) -> int:
    arguments = parser(
        __doc__,
        ROOT / "docs" / "screenshots",
        "the folder to save the PNGs into",
        quick=f"the first-run wizard's first page and the ユーザー管理 page after it ({', '.join(QUICK)})",
    )
    arguments.add_argument(
        "--only",
        nargs="+",
        default=(),
        metavar="NAME.png",
        help="save only these PNGs (the same steps are taken)",
    )
    args = arguments.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from tests.secret_service import running_secret_service

    with running_secret_service() as env:
        os.environ.update(env)
        import keyring
        from keyring.backends import SecretService

        keyring.set_keyring(SecretService.Keyring())  # type: ignore[no-untyped-call]
        from sns_desk.services import signing

        # the pictures show a 課 in which each person decides at their own PC: here they all share this one, so the
        # check that the signer is the OS login (issue 13, item 1) is answered as their PCs would answer it
        signing.os_login_is = lambda login: True
        return take(args.out, args.quick, frozenset(args.only))


def _picture(colour: str, label: str, width: int = 480, height: int = 320) -> bytes:
    """A PNG drawn here (a map or a photo as a 課 would attach one)."""
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setPen(QColor("white"))
    painter.setFont(QFont("Noto Sans CJK JP", 28))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 takes the name as str
    return bytes(buffer.data().data())


def save_approval_view(
    db: Database,
    tanto: Actor,
    kacho: Actor,
    account: int,
    checked: list[str],
    when: object,
    save: Callable[[QWidget, str], None],
) -> None:
    """Issue 16, item 2: an approved post whose date was changed and whose map was swapped, as the 管理者 sees it."""
    from datetime import datetime

    from sns_desk.gui.approvals.approvals_page import ApprovalsPage
    from sns_desk.gui.main_window import MainWindow
    from sns_desk.services import post_attachments, post_drafts, post_queries, post_workflow

    assert isinstance(when, datetime)
    body = (
        "【市民マラソン】コースの一部で交通規制を行います。\n"
        "詳しくは https://www.city.kagoshima.lg.jp/marathon/kisei.html をご覧ください。\n"
        "日時は12月10日 8時〜13時です。"
    )
    post_id = post_drafts.create_draft(
        db, tanto, post_drafts.PostInput(account, body, title="市民マラソンの交通規制", planned_at=when)
    )
    old_map = post_attachments.add_attachment(
        db, tanto, post_id, "course-map.png", _picture("#3b6ea5", "コース図")
    )
    post_attachments.add_attachment(db, tanto, post_id, "poster.png", _picture("#a5543b", "ポスター"))

    def version(actor: Actor) -> int:
        return post_queries.get_post(db, actor, post_id).row.version

    post_workflow.submit(db, tanto, post_id, version(tanto), checked)
    post_workflow.approve(db, kacho, post_id, version(kacho))
    data = post_queries.get_post(db, tanto, post_id).as_input
    data.body = body.replace("12月10日 8時", "12月11日 8時")
    post_drafts.save_draft(db, tanto, post_id, version(tanto), data)
    post_attachments.remove_attachment(db, tanto, old_map)
    post_attachments.add_attachment(
        db, tanto, post_id, "course-map-v2.png", _picture("#2f7d4f", "コース図（改訂）")
    )
    post_workflow.submit(db, tanto, post_id, version(tanto), checked)
    window = MainWindow(db, kacho)
    window.resize(1280, 800)
    page = cast(ApprovalsPage, window.show_page("approvals"))
    page.refresh(post_id)
    page.ui.splitter.setSizes([420, 860])
    page.ui.detailTabs.setCurrentWidget(page.ui.diffTab)
    save(window, "approvals-2-diff-images.png")
    page.ui.detailTabs.setCurrentWidget(page.ui.previewTab)
    save(window, "approvals-3-preview-x.png")
    window.close()


def save_admin_pages(
    db: Database, actor: Actor, save: Callable[[QWidget, str], None], pages: dict[str, str]
) -> None:
    """The システム管理者's pages (page name → PNG file name) in one main window."""
    from sns_desk.gui.audit.audit_page import AuditLogPage
    from sns_desk.gui.main_window import MainWindow

    window = MainWindow(db, actor)
    window.resize(1180, 720)
    for page, filename in pages.items():
        window.show_page(page)
        if page == "audit":
            audit_page = cast(AuditLogPage, window.pages["audit"])
            audit_page.refresh()
            audit_page.verify()
        save(window, filename)
    window.close()


def save_help_and_section8(
    db: Database, kacho: Actor, tanto: Actor, published: int, save: Callable[[QWidget, str], None]
) -> None:
    """ヘルプ (the guideline opened at the § a finding cites, and searched), the §8 dialogs on a published post
    with their reasons typed (nothing is recorded: the later pictures stay as they were), and large text."""
    from PySide6.QtWidgets import QApplication

    from sns_desk.domain.guideline import Reference
    from sns_desk.gui import style
    from sns_desk.gui.help.guideline_viewer import GuidelineViewer
    from sns_desk.gui.main_window import MainWindow
    from sns_desk.gui.posts.section8_dialogs import Measure, Section8Dialog

    viewer = GuidelineViewer()
    viewer.resize(1100, 700)
    viewer.open_section(Reference(5, 7))
    save(viewer, "help-1-guideline.png")
    viewer.search_edit.setText("パスワード")
    save(viewer, "help-2-guideline-search.png")
    viewer.close()
    from sns_desk.gui.help import manual_viewer

    manual = manual_viewer.open_manual()
    manual.resize(1100, 760)
    manual.open_page("08-publishing.md")  # the 使い方's chapter on sending what was approved
    save(manual, "help-3-manual-publishing.png")
    manual_viewer.close_manual()
    delete = Section8Dialog(db, kacho, published, Measure.DELETE)
    delete.resize(640, 520)
    delete.ui.reasonEdit.setPlainText("イベントの開催日を誤って記載したため削除し、訂正を投稿する（§8(2)）")
    save(delete, "posts-5-delete.png")
    delete.close()
    correct = Section8Dialog(db, tanto, published, Measure.CORRECT)
    correct.resize(640, 520)
    correct.ui.reasonEdit.setPlainText("降灰の予想時刻を「11時から15時」と記載（正しくは13時から17時）")
    save(correct, "posts-6-correction.png")
    correct.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style.apply_font_scale(app, 150)
    large = MainWindow(db, tanto)
    large.resize(1280, 760)
    large.show_page("posts")
    save(large, "a11y-1-large-text.png")
    large.close()
    style.apply_font_scale(app, 100)


def save_rules_pages(
    db: Database, koho: Actor, manager: Actor, account_id: int, save: Callable[[QWidget, str], None]
) -> None:
    """チェック規則 (issue 15): 広報課 editing the office layer (the diff from the saved version), the test box under
    the unsaved rules, and the account's 管理者 with a standing exception."""
    from datetime import timedelta

    from sns_desk.domain import policy as pol
    from sns_desk.gui.main_window import MainWindow
    from sns_desk.gui.rules.rules_page import RulesPage
    from sns_desk.services import check_exceptions, check_rules

    check_rules.save_layer(db, koho, {"city_domains": ["kagoshima-yokanavi.jp"]}, 0, "観光サイトを市の扱いに")
    window = MainWindow(db, koho)
    window.resize(1280, 760)
    page = cast(RulesPage, window.show_page("rules"))
    page.editor.setPlainText(
        '{\n  "city_domains": ["kagoshima-yokanavi.jp", "tenki.jp", "spoti.fi"],\n'
        '  "shorteners": {"remove": ["spoti.fi"]}\n}\n'
    )
    page.note.setText("観光サイト・日本気象協会と市のポッドキャストを市の扱いに")
    page.validate()
    save(window, "rules-1-editor-diff.png")
    page.tabs.setCurrentIndex(1)
    page.sample.setPlainText(
        "大雨の情報は日本気象協会 https://tenki.jp/bosai/warning/ へ。ポッドキャストは https://spoti.fi/abcd から。"
        "ボランティアの申し込みは https://bit.ly/3abcd または https://forms.example.com/gomi へ。"
    )
    page.try_sample()
    save(window, "rules-2-test-box.png")
    window.close()
    until = pol.now_jst().date() + timedelta(days=180)
    sample = "大雨の情報は日本気象協会 https://tenki.jp/bosai/warning/ をご覧ください。"
    check_exceptions.add_from_text(
        db, manager, account_id, sample, "日本気象協会の警報ページ（毎回確認済み）", until
    )
    window = MainWindow(db, manager)
    window.resize(1280, 760)
    page = cast(RulesPage, window.show_page("rules"))
    page.target.setCurrentIndex(page.target.findData(account_id))
    page.tabs.setCurrentIndex(2)
    save(window, "rules-3-exceptions.png")
    window.close()


def save_mail_settings(db: Database, actor: Actor, save: Callable[[QWidget, str], None]) -> None:
    """設定 › メールのお知らせ: the システム管理者's server with two notices it could not send, and a 課長's own
    choice of notices."""
    from sqlalchemy import select

    from sns_desk.domain.mail_kinds import MailKind
    from sns_desk.gui.settings.mail_section import MailSection
    from sns_desk.host.mail_transport import MailServer, Security
    from sns_desk.services import mail_outbox, mail_settings, users
    from sns_desk.store.orm import Incident, Post, User

    server = MailServer(
        "smtp.city.example.lg.jp", 587, Security.STARTTLS, "sns-desk@city.example.lg.jp", "sns-desk"
    )
    mail_settings.set_mail_server(db, actor, server, "demo-mail-password")
    with db.write_session() as session:
        kacho = session.scalars(select(User).where(User.login == "kanko-kacho")).one()
        kyokucho = session.scalars(select(User).where(User.login == "kanko-kyokucho")).one()
        kacho.email, kyokucho.email = "kanko-kacho@city.example.lg.jp", "kanko-kyokucho@city.example.lg.jp"
        post = session.scalars(select(Post).order_by(Post.id.desc())).first()
        if post is not None:
            mail_outbox.queue(session, MailKind.APPROVAL_REQUESTED, post.id, post.title, [kacho])
        incident = session.scalars(select(Incident).where(Incident.serious.is_(True))).first()
        if incident is not None:
            mail_outbox.queue_for_incident(session, incident)
    mail_outbox.send_due(db, "demo-pc")  # the demo's server name does not resolve: both are kept and retried
    section = MailSection(db, actor)
    section.resize(1000, 640)
    save(section, "settings-mail-admin.png")
    section.close()
    person = users.resolve_actor(db, "kanko-kacho")
    mail_settings.set_my_kinds(db, person, set(MailKind) - {MailKind.POST_DUE})
    own = MailSection(db, person)
    own.resize(1000, 200)
    save(own, "settings-mail-person.png")
    own.close()


def publish_shots(
    db: Database,
    admin: Actor,
    kacho: Actor,
    kyokucho: Actor,
    tanto: Actor,
    account: int,
    post_id: int,
    save: Callable[[QWidget, str], None],
    checked: list[str],
) -> None:
    """「投稿する」 on an approved post of an account connected to X (issue 14): X is a local server here, answering
    as its documents say (tests/platforms.py), and the moment is a working morning.  Then a post with an image
    (uploaded to X before the post is created)."""
    from pytest_httpserver import HTTPServer

    from sns_desk.gui.posts.publish_dialog import PublishDialog
    from sns_desk.services import connections, post_queries, post_workflow, publishing, signing
    from tests.platforms import FakePlatforms, browser_that_allows

    server = HTTPServer()
    server.start()
    try:
        base = server.url_for("").rstrip("/")
        os.environ.update(
            {
                "SNS_DESK_X_API": base,
                "SNS_DESK_X_AUTHORIZE_URL": base + "/i/oauth2/authorize",
                "SNS_DESK_X_TOKEN_URL": base + "/2/oauth2/token",
                "SNS_DESK_X_REDIRECT_PORT": "0",
            }
        )
        fake = FakePlatforms(server, base)
        fake.x_standard()
        fake.x_token_endpoint()
        fake.x_authorize_endpoint()
        connections.connect_x(db, kacho, account, "office-app-client-id", browser_that_allows, timeout=30)
        info = connections.connection_of(db, kyokucho, account)
        assert info is not None
        connections.approve_connection(db, kyokucho, account, info.version)
        signing.certify(db, admin, kacho.login)  # the 管理者's 電子印鑑, certified as in a real office
        post_workflow.approve(db, kacho, post_id, post_queries.get_post(db, kacho, post_id).row.version)
        planned = post_queries.get_post(db, tanto, post_id).row.planned_at
        assert planned is not None
        publishing.utcnow = lambda: planned  # type: ignore[attr-defined]  # the picture is taken at the planned time
        dialog = PublishDialog(db, tanto, post_id)
        save(dialog, "publish-1-dialog.png")
        dialog.close()
        from sns_desk.services import post_attachments, post_drafts

        with_image = post_drafts.create_draft(
            db,
            tanto,
            post_drafts.PostInput(
                account,
                "本日の桜島の降灰予報です。鹿児島市中心部では午後から降灰が予想されます。洗濯物の外干しにご注意ください。",
                title="降灰予報",
                planned_at=planned,
            ),
        )
        post_attachments.add_attachment(
            db, tanto, with_image, "降灰予報図.png", _picture("#5b6f84", "降灰予報図（午後）")
        )
        post_workflow.submit(
            db, tanto, with_image, post_queries.get_post(db, tanto, with_image).row.version, checked
        )
        post_workflow.approve(db, kacho, with_image, post_queries.get_post(db, kacho, with_image).row.version)
        dialog = PublishDialog(db, tanto, with_image)
        save(dialog, "publish-2-image-x.png")
        dialog.close()
    finally:
        server.stop()


def more_accounts_for_the_overview(db: Database, admin: Actor, policy: object) -> None:
    """Accounts of other 局 and 課, each requested by its 課長 and decided by its 局長 (the 運用状況 picture)."""
    from sns_desk.domain.vocabulary import IncidentType, Platform
    from sns_desk.services import accounts, incidents, users

    users.import_users_csv(
        db,
        admin,
        (
            "ログイン名,氏名,局,課\n"
            "bosai-kacho,防災 花子,危機管理局,危機管理課\nbosai-kyokucho,防災 次郎,危機管理局,\n"
            "kankyo-kacho,環境 三郎,環境局,資源政策課\nkankyo-kyokucho,環境 四郎,環境局,\n"
            "kodomo-kacho,子育 五月,こども未来局,こども政策課\nkodomo-kyokucho,子育 六郎,こども未来局,\n"
        ).encode(),
    )
    departments = {d.full_name: d.id for d in users.list_departments(db, admin)}
    plans = [
        ("bosai", "危機管理局 危機管理課", Platform.LINE, "鹿児島市防災公式LINE", "active", False),
        ("bosai", "危機管理局 危機管理課", Platform.X, "鹿児島市防災X", "active", True),
        ("kankyo", "環境局 資源政策課", Platform.INSTAGRAM, "かごしまエコライフ", "active", False),
        ("kankyo", "環境局 資源政策課", Platform.YOUTUBE, "かごしま環境チャンネル", "preparing", False),
        ("kodomo", "こども未来局 こども政策課", Platform.FACEBOOK, "かごしま子育て応援", "requested", False),
    ]
    for who, department, platform, name, state, trouble in plans:
        kacho = users.resolve_actor(db, f"{who}-kacho")
        kyokucho = users.resolve_actor(db, f"{who}-kyokucho")
        account = accounts.request_account(
            db,
            kacho,
            accounts.AccountInput(platform, name, departments[department], ""),
            kyokucho.user_id,
            policy,  # type: ignore[arg-type]
        )
        if state == "requested":
            continue
        accounts.approve_opening(db, kyokucho, account, accounts.get_account(db, kyokucho, account).version)
        if state == "active":
            accounts.activate(
                db,
                kyokucho,
                account,
                accounts.get_account(db, kyokucho, account).version,
                "認証の申請中（見本のデータ）",
            )
        if trouble:
            incidents.open_incident(
                db, kacho, account, IncidentType.IMPERSONATION, "成りすましの疑い", serious=True
            )


def take(out: Path, quick: bool, only: frozenset[str] = frozenset()) -> int:
    home = tempfile.mkdtemp(prefix="sns-desk-shots-")
    os.environ["SNS_DESK_HOME"] = home
    from PySide6.QtWidgets import QApplication

    from sns_desk.domain.errors import NotRegisteredError
    from sns_desk.gui.app import app_icon, install_translations
    from sns_desk.gui.main_window import MainWindow
    from sns_desk.gui.startup.not_registered import NotRegisteredDialog
    from sns_desk.gui.startup.wizard import FirstRunWizard
    from sns_desk.services import audit_log as auditlog
    from sns_desk.services import users
    from sns_desk.services.actors import actor_for_login

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    install_translations(app)
    out.mkdir(parents=True, exist_ok=True)

    def save(widget: QWidget, name: str) -> None:
        if quick and name not in QUICK:  # the quick form takes the same steps and keeps these two screens
            return
        if only and name not in only:
            return
        widget.show()
        for _ in range(5):
            app.processEvents()
        if not widget.grab().save(str(out / name)):
            raise OSError(f"could not save {out / name}")
        print("wrote", out / name)

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
    rows = {r.login: r for r in users.list_users(db, actor)}
    users.record_contractor_acknowledgement(
        db, actor, rows["pr-agency"].id, __import__("datetime").date(2026, 4, 1)
    )
    auditlog.verify_log(db, actor)
    if quick:  # the ユーザー管理 page with the people just imported
        save_admin_pages(db, actor, save, {"users": "main-users.png"})
        db.dispose()
        return 0

    # an account through its life: requested by the 課長, approved by the 局長, checklist partly done
    from sns_desk.domain import policy as pol
    from sns_desk.domain.vocabulary import ChecklistKey, ChecklistState, Platform, Role
    from sns_desk.gui.accounts.account_request_dialog import AccountRequestDialog
    from sns_desk.gui.accounts.accounts_page import AccountsPage
    from sns_desk.services import account_checklist, account_policies, accounts, credentials

    users.import_users_csv(
        db,
        actor,
        "ログイン名,氏名,局,課\nkanko-kacho,観光 太郎,観光交流局,観光振興課\nkanko-kyokucho,観光 一郎,観光交流局,\n".encode(),
    )
    kacho = users.resolve_actor(db, "kanko-kacho")
    kyokucho = users.resolve_actor(db, "kanko-kyokucho")
    section = next(d.id for d in users.list_departments(db, actor) if d.full_name == "観光交流局 観光振興課")
    policy = pol.PolicyData.office_hours(
        purpose="鹿児島市の観光の魅力を国内外に発信し、来訪を促す。",
        content="観光イベント、季節の見どころ、桜島の降灰・交通情報",
        contact_phone="099-216-1327",
        contact_email="kanko@city.example.lg.jp",
        follow=pol.Handling.DONT,
        repost=pol.Handling.LIMITED,
        like=pol.Handling.DONT,
        share=pol.Handling.DONT,
        handling_note="リポストは、国・県・市の関係機関の投稿に限ります。",
        published_url="https://www.city.example.lg.jp/sns/kanko.html",
    )
    kanko = accounts.request_account(
        db,
        kacho,
        accounts.AccountInput(
            Platform.X, "鹿児島市観光公式X", section, "@kagoshima_kanko", "https://x.com/kagoshima_kanko"
        ),
        kyokucho.user_id,
        policy,
    )
    accounts.approve_opening(db, kyokucho, kanko, accounts.get_account(db, kyokucho, kanko).version)
    account_checklist.set_checklist_item(
        db, kacho, kanko, ChecklistKey.VERIFIED, ChecklistState.NOT_OFFERED, note="自治体向け認証なし"
    )
    account_checklist.set_checklist_item(
        db,
        kacho,
        kanko,
        ChecklistKey.HOMEPAGE,
        ChecklistState.DONE,
        "https://www.city.example.lg.jp/sns/kanko.html",
    )
    credentials.set_credential(db, kacho, kanko, "kagoshima_kanko", "Sakurajima-2026!kanko")
    users.assign_account_role(db, kacho, kanko, rows["m-ito"].id, Role.STAFF)
    users.assign_account_role(db, kacho, kanko, rows["pr-agency"].id, Role.CONTRACTOR)
    account_policies.save_policy_draft(
        db,
        kacho,
        kanko,
        pol.PolicyData(**{**policy.__dict__, "hours": {d: [("08:30", "18:00")] for d in range(6)}}),
    )
    second = accounts.request_account(
        db,
        kacho,
        accounts.AccountInput(Platform.INSTAGRAM, "かごしま観光フォト", section, "@kagoshima_photo"),
        kyokucho.user_id,
        policy,
    )
    assert second

    page_window = MainWindow(db, kacho)
    page_window.resize(1280, 760)
    accounts_page = cast(AccountsPage, page_window.show_page("accounts"))
    accounts_page.select(kanko)
    tabs = accounts_page.ui.detailTabs
    for index, name in enumerate(["info", "policy", "checklist", "credential", "members"]):
        tabs.setCurrentIndex(index)
        if name == "policy":
            accounts_page.ui.versionsList.setCurrentRow(0)
            accounts_page.show_diff()
        save(page_window, f"accounts-{index + 1}-{name}.png")
    page_window.close()
    decider = MainWindow(db, kyokucho)
    decider.resize(1280, 760)
    page = cast(AccountsPage, decider.show_page("accounts"))
    page.select(second)
    page.ui.detailTabs.setCurrentIndex(1)
    save(decider, "accounts-6-approve-request.png")
    decider.close()
    dialog = AccountRequestDialog(db, kacho)
    dialog.resize(760, 680)
    dialog.ui.nameEdit.setText("鹿児島市防災公式LINE")
    save(dialog, "accounts-7-request-form.png")
    dialog.ui.tabs.setCurrentIndex(1)
    save(dialog, "accounts-8-request-policy.png")
    dialog.close()

    # posts: some drafts, one waiting, one published, one the editor shows with findings
    from datetime import datetime, time, timedelta

    from sns_desk.gui.posts.post_editor import PostEditor
    from sns_desk.services import post_drafts, post_queries, post_workflow

    accounts.activate(
        db, kyokucho, kanko, accounts.get_account(db, kyokucho, kanko).version, "プロフィール欄は開設後に記載"
    )
    users.assign_account_role(db, kacho, kanko, rows["h-kimura"].id, Role.STAFF)
    tanto = users.resolve_actor(db, "h-kimura")
    checked = [item_id for item_id, _s, _t in post_drafts.self_check_items()]
    day = datetime.now(pol.JST).date() + timedelta(days=1)
    while not pol.within_operating_hours(policy, pol.at_jst(day, time(10))).within:
        day += timedelta(days=1)

    def at(hour: int, plus: int = 0) -> datetime:
        target = day + timedelta(days=plus)
        while not pol.within_operating_hours(policy, pol.at_jst(target, time(hour))).within:
            target += timedelta(days=1)
        return pol.at_jst(target, time(hour))

    texts = [
        (
            "桜島の降灰予報（あす）",
            "【降灰予報】あす11時から15時にかけて、市内中心部で降灰が予想されます。洗濯物の外干しにご注意ください。",
            at(10),
        ),
        (
            "秋の観光キャンペーン",
            "秋の観光キャンペーンを開催中！市内の対象施設でスタンプを集めると記念品をプレゼント。https://www.city.kagoshima.lg.jp/kanko/autumn.html",
            at(11, 2),
        ),
        (
            "花火大会の交通規制",
            "花火大会当日は、会場周辺で交通規制を行います。公共交通機関をご利用ください。",
            at(14, 3),
        ),
    ]
    made = []
    for title, body, when in texts:
        made.append(
            post_drafts.create_draft(
                db, tanto, post_drafts.PostInput(kanko, body, title=title, planned_at=when)
            )
        )
    for post_id in made[:2]:
        post_workflow.submit(
            db, tanto, post_id, post_queries.get_post(db, tanto, post_id).row.version, checked
        )
    post_workflow.approve(db, kacho, made[0], post_queries.get_post(db, kacho, made[0]).row.version)
    post_workflow.record_publication(
        db,
        tanto,
        made[0],
        post_queries.get_post(db, tanto, made[0]).row.version,
        "https://x.com/kagoshima_kanko/status/1861000000000000001",
        at(10),
    )

    staff_window = MainWindow(db, tanto)
    staff_window.resize(1280, 760)
    staff_window.show_page("posts")
    save(staff_window, "posts-1-list.png")
    # start-up's first list (issue 17, ready): the quick read shown while the rest of the app loads
    from sns_desk.gui.shared.item_models import PostsTableModel
    from sns_desk.store.first_page import read_first_page

    assert db.location.path is not None
    first = read_first_page(db.location.path, tanto.login, PostsTableModel.PAGE)
    assert first is not None, "the quick first read refused the screenshots' database"
    starting = MainWindow()
    starting.resize(1280, 760)
    starting.show_loading(db.location.display())
    starting.show_first_page(first)
    starting.preview.ui.postsTable.selectRow(1)  # type: ignore[union-attr]
    save(starting, "start-1-first-list.png")
    starting.close()
    from sns_desk.gui.calendar.calendar_page import CalendarPage

    calendar_page = cast(CalendarPage, staff_window.show_page("calendar"))
    target = at(14, 3)
    from PySide6.QtCore import QDate

    calendar_page.ui.calendar.setSelectedDate(QDate(target.year, target.month, target.day))
    save(staff_window, "posts-4-calendar.png")
    staff_window.close()
    editor = PostEditor(db, tanto, account_id=kanko)
    editor.resize(1280, 780)
    editor.ui.titleEdit.setText("紅葉ライトアップ")
    editor.ui.plannedEdit.setDateTime(
        __import__("PySide6.QtCore", fromlist=["QDateTime"]).QDateTime.fromSecsSinceEpoch(
            int(at(10, 1).timestamp())
        )
    )
    editor.ui.bodyEdit.setPlainText(
        "紅葉ライトアップを開催します（11月末まで）。詳しくは https://bit.ly/3momiji へ。"
        "協賛: https://www.example.co.jp/ お問い合わせは担当 山田（090-1234-5678）まで。"
    )
    editor.run_checks()
    save(editor, "posts-2-editor-findings.png")
    editor.close()
    approver = MainWindow(db, kacho)
    approver.resize(1280, 760)
    approver.show_page("approvals")
    save(approver, "posts-3-approval.png")
    approver.close()
    save_help_and_section8(db, kacho, tanto, made[0], save)
    save_approval_view(db, tanto, kacho, kanko, checked, at(15, 4), save)
    publish_shots(
        db, actor, kacho, kyokucho, tanto, kanko, made[1], save, checked
    )  # approves made[1], held below

    # 緊急停止 (issue 14): the 広報課 stops every account; the 管理者 sees the banner and the held post
    from sns_desk.services import emergency_stop

    stop_id = emergency_stop.stop(
        db, actor, None, "市内で震度6弱の地震。安全が確認できるまで、予約投稿をすべて止めます（広報課）"
    )
    approver = MainWindow(db, kacho)
    approver.resize(1280, 760)
    approver.show_page("approvals")
    save(approver, "emergency-1-approvals.png")
    approver.close()
    koho_window = MainWindow(db, actor)
    koho_window.resize(1280, 760)
    koho_window.show_page("posts")
    save(koho_window, "emergency-2-posts.png")
    koho_window.close()
    emergency_stop.release(db, actor, stop_id, "被害のないことを確認したため")

    # 代決 (issue 14): the 管理者 names a deputy for the week and marks themself away
    from sns_desk.gui.accounts.deputy_dialog import DeputyDialog
    from sns_desk.services import deputies

    start = datetime.now(pol.JST).replace(hour=8, minute=30, second=0, microsecond=0)
    deputies.name_deputy(db, kacho, kanko, "h-kimura", start, start + timedelta(days=4, hours=9))
    deputies.set_manager_absent(db, kacho, kanko, True)
    deputy_dialog = DeputyDialog(db, kacho, kanko)
    save(deputy_dialog, "deputy-1-dialog.png")
    deputy_dialog.close()
    deputies.set_manager_absent(db, kacho, kanko, False)

    # 事後承認 (issue 14, item 7; §5(9)): the account allows it, the 担当者 posts an emergency notice first, and it
    # leads the 管理者's 承認待ち, marked, with 事後承認 and the orders to correct or delete it
    from sns_desk.domain.workflow import PostAction
    from sns_desk.services import after_approval

    accounts.set_allow_after_approval(db, kacho, kanko, accounts.get_account(db, kacho, kanko).version, True)
    urgent = post_drafts.create_draft(
        db,
        tanto,
        post_drafts.PostInput(
            kanko,
            "【緊急】桜島で噴火が発生しました。市内の避難所を開設しています。"
            "https://www.city.kagoshima.lg.jp/",
            title="桜島の噴火と避難所の開設",
            planned_at=at(10),
            emergency=True,
            emergency_reason="桜島の噴火。避難所の開設を直ちに知らせるため（§5(9)）",
        ),
    )
    post_workflow.submit(db, tanto, urgent, post_queries.get_post(db, tanto, urgent).row.version, checked)
    post_workflow.record_publication(
        db,
        tanto,
        urgent,
        post_queries.get_post(db, tanto, urgent).row.version,
        "https://x.com/kagoshima_kanko/status/1862000000000000001",
        at(10),
    )
    approver = MainWindow(db, kacho)
    approver.resize(1280, 760)
    approver.show_page("approvals")
    save(approver, "after-approval-1-queue.png")
    approver.close()
    after_approval.decide_after(
        db,
        kacho,
        urgent,
        post_queries.get_post(db, kacho, urgent).row.version,
        PostAction.AFTER_APPROVE,
        "内容を確認しました",
    )

    # 事前承認の範囲 (§5(2)): the 管理者 writes the template with its slots and sees the sample; the 担当者 fills it
    from sns_desk.domain.vocabulary import SlotKind
    from sns_desk.gui.accounts.scope_dialog import ScopeDialog
    from sns_desk.gui.posts.scope_fill_dialog import ScopeFillDialog
    from sns_desk.services import post_scopes

    scope_dialog = ScopeDialog(db, kacho, kanko)
    scope_dialog.ui.titleEdit.setText("定例の桜島の降灰予報")
    scope_dialog.ui.templateEdit.setPlainText(
        "本日{日付}の桜島の降灰予報です。風向き: {風向}。降灰が予想される地域: {地域}。"
    )
    for name, kind, detail in (
        ("日付", SlotKind.DATE, ""),
        ("風向", SlotKind.CHOICE, "北、北東、東、南東、南、南西、西、北西"),
        ("地域", SlotKind.TEXT, "20"),
    ):
        scope_dialog.ui.slotNameEdit.setText(name)
        scope_dialog.ui.slotKindCombo.setCurrentIndex(scope_dialog.ui.slotKindCombo.findData(kind))
        scope_dialog.ui.slotDetailEdit.setText(detail)
        scope_dialog.set_slot()
    scope_dialog.ui.categoriesEdit.setText("降灰予報")
    scope_dialog.ui.untilEdit.setDate(scope_dialog.ui.fromEdit.date().addMonths(6))
    save(scope_dialog, "scopes-1-dialog-sample.png")
    scope_dialog.save()  # signed with the 管理者's 電子印鑑
    editor = PostEditor(db, tanto, account_id=kanko)
    editor.resize(1280, 780)
    editor.show()
    when = at(10)
    editor.ui.plannedCheck.setChecked(True)
    editor.ui.plannedEdit.setDateTime(
        __import__("PySide6.QtCore", fromlist=["QDateTime"]).QDateTime.fromSecsSinceEpoch(
            int(when.timestamp())
        )
    )
    fill = ScopeFillDialog(post_scopes.list_scopes(db, tanto, kanko), None, editor)
    fill.inputs["日付"].setText(f"{when.month}月{when.day}日")  # type: ignore[union-attr]
    fill.inputs["風向"].setCurrentText("南東")  # type: ignore[union-attr]
    fill.inputs["地域"].setText("鹿児島市北部、桜島")  # type: ignore[union-attr]
    save(fill, "scopes-2-editor-fill.png")
    fill.accept()
    editor.ui.scopeCombo.setCurrentIndex(editor.ui.scopeCombo.findData(fill.scope.id if fill.scope else None))
    editor.ui.categoryEdit.setText("降灰予報")
    editor.ui.titleEdit.setText("桜島の降灰予報（定例）")
    editor.ui.bodyEdit.setPlainText(fill.body)
    editor.run_checks()
    save(editor, "scopes-3-editor-filled.png")
    editor.close()

    # トラブル, 監視 and 問い合わせ
    from sns_desk.domain.vocabulary import IncidentType, InquiryChannel, InquiryKind
    from sns_desk.services import incidents, inquiries, monitoring

    fake = incidents.open_incident(
        db,
        tanto,
        kanko,
        IncidentType.IMPERSONATION,
        "偽アカウント @kag0shima_kanko",
        "市章とよく似たアイコンで、キャンペーンを装った投稿をしているアカウントを市民が通報。",
        serious=True,
    )
    incidents.record_action(
        db, tanto, fake, "takedown", "11/26 X社の報告フォームから削除依頼（受付番号 0123-4567）"
    )
    incidents.record_action(
        db, kacho, fake, "homepage_notice", "https://www.city.kagoshima.lg.jp/notice/fake-account.html"
    )
    incidents.acknowledge(db, kyokucho, fake, "削除されるまで毎日確認すること。報道機関への情報提供は不要。")
    flame = incidents.open_incident(
        db,
        tanto,
        kanko,
        IncidentType.FLAMING,
        "イベント告知への批判が殺到",
        "開催日程の告知に対し、混雑対策への批判のコメントが急増。",
        serious=True,
    )
    incidents.record_action(db, kacho, flame, "no_rebuttal", "職員個人による反論がないことを確認")
    monitoring.record_monitoring(
        db,
        kacho,
        kanko,
        "不適切な書き込み・なりすましの確認。偽アカウント 1 件（トラブル登録済み）",
        problems_found=True,
    )
    inquiries.log_inquiry(
        db,
        tanto,
        kanko,
        InquiryChannel.COMMENT,
        InquiryKind.QUESTION,
        "花火大会の駐車場はありますか",
        response="公共交通機関のご利用をお願いする旨を返信",
    )
    inquiries.log_inquiry(
        db, tanto, kanko, InquiryChannel.PHONE, InquiryKind.PROPOSAL, "会場行きの臨時バスを増やしてほしい"
    )
    proposal = inquiries.log_inquiry(
        db, tanto, kanko, InquiryChannel.EMAIL, InquiryKind.PROPOSAL, "駐輪場を増やしてほしい"
    )
    inquiries.forward_inquiry(db, tanto, proposal, "建設局 道路管理課")
    inquiries.log_inquiry(db, tanto, kanko, InquiryChannel.MESSAGE, InquiryKind.COMPLAINT, "告知が直前すぎる")
    trouble_window = MainWindow(db, kacho)
    trouble_window.resize(1280, 760)
    from sns_desk.gui.incidents.incidents_page import IncidentsPage

    trouble_page = cast(IncidentsPage, trouble_window.show_page("incidents"))
    trouble_page.refresh(fake)
    save(trouble_window, "incidents-1-impersonation.png")
    trouble_page.refresh(flame)
    save(trouble_window, "incidents-2-flaming.png")
    monitoring.set_interval(db, kacho, kanko, 14)
    trouble_page.refresh()
    trouble_page.ui.tabs.setCurrentIndex(1)
    save(trouble_window, "incidents-3-monitoring.png")
    trouble_window.show_page("inquiries")
    save(trouble_window, "inquiries-1-list.png")
    trouble_window.refresh_notifications()
    trouble_window.close()

    # 報告書: the screen after an export, and the account report as it prints
    import shutil
    import subprocess

    out_dir = Path(home) / "reports"
    report_window = MainWindow(db, kacho)
    report_window.resize(1280, 760)
    from sns_desk.gui.reports.reports_page import ReportsPage

    # §3(2): the opening and a change of the account wait to be reported to 広報課
    kanko_row = accounts.get_account(db, kacho, kanko)
    accounts.edit_account(
        db,
        kacho,
        kanko,
        kanko_row.version,
        accounts.AccountInput(
            kanko_row.platform,
            kanko_row.name,
            kanko_row.department_id,
            kanko_row.handle,
            "https://x.com/kagoshima_kanko_official",
        ),
    )
    reports_page = cast(ReportsPage, report_window.show_page("reports"))
    reports_page.refresh()
    reports_page.ui.folderEdit.setText(str(out_dir))
    reports_page.tracking.view.selectRow(0)
    reports_page.tracking.make_button.click()  # the form set to the change report of the selected item
    reports_page.ui.reiwaCheck.setChecked(True)
    save(report_window, "reports-3-tracking.png")
    from PySide6.QtWidgets import QMessageBox

    asked = QMessageBox.question
    QMessageBox.question = lambda *_a, **_k: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    try:
        exported = reports_page.export()  # and recorded as sent to 広報課: the opening still waits
    finally:
        QMessageBox.question = asked  # type: ignore[method-assign]
    save(report_window, "reports-1-screen.png")
    report_window.close()
    soffice = shutil.which("soffice")
    wanted = not only or "reports-2-account-report-page1.png" in only
    if exported is not None and soffice and shutil.which("pdftoppm") and wanted:
        pdf_dir = Path(home) / "pdf"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{home}/lo",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(pdf_dir),
                str(exported.path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = next(pdf_dir.glob("*.pdf"))
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "80",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(out / "reports-2-account-report-page1"),
            ],
            check=True,
        )
        print("wrote", out / "reports-2-account-report-page1.png")

    starting = MainWindow()  # what a start shows while the database opens (then it fills in place)
    starting.resize(1180, 720)
    starting.show_loading(str(db.location.path))
    save(starting, "main-starting.png")
    starting.close()

    save_rules_pages(db, users.resolve_actor(db, "s-yamada"), kacho, kanko, save)

    save_admin_pages(
        db,
        actor,
        save,
        {"audit": "main-audit-log.png", "users": "main-users.png", "settings": "main-settings.png"},
    )

    save_mail_settings(db, actor, save)
    # 運用状況: the city as 広報課 sees it, with accounts of other 局 and 課 in several states
    more_accounts_for_the_overview(db, actor, policy)
    overview_window = MainWindow(db, actor)
    overview_window.resize(1360, 600)
    overview_window.show_page("overview")
    save(overview_window, "overview-1.png")
    overview_window.close()

    with db.read() as session:
        try:
            actor_for_login(session, "unknown-user")
        except NotRegisteredError as error:
            refusal = NotRegisteredDialog(error, db.location.display())
            save(refusal, "not-registered.png")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
