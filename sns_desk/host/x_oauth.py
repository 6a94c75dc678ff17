"""Connecting an X account: OAuth 2.0 Authorization Code with PKCE for a native app (RFC 7636, RFC 8252).

The person's browser opens X's consent page; X redirects to a one-shot server on 127.0.0.1 that receives the code;
the code and the PKCE verifier are exchanged for the token.  No client secret exists (a public client).  The PKCE
verifier, challenge and state come from ``authlib``; the requests are plain ``httpx`` (both imported when a person
connects an account, not with this module).
"""

from __future__ import annotations

import http.server
import logging
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlparse

from sns_desk.domain.errors import ValidationError
from sns_desk.domain.publication import X_SCOPES, X_TEXT_SCOPES, NetworkDownError

log = logging.getLogger(__name__)

PAGE = "<!doctype html><meta charset='utf-8'><title>SNS Desk</title><p style='font-family:sans-serif'>{}</p>"


class _Callback(http.server.BaseHTTPRequestHandler):
    result: dict[str, str]
    arrived: threading.Event

    def do_GET(self) -> None:
        query = parse_qs(urlparse(self.path).query)
        if urlparse(self.path).path != "/callback":
            self.send_error(404)
            return
        self.server.result.update({k: v[0] for k, v in query.items()})  # type: ignore[attr-defined]
        text = "X との連携の手続きが終わりました。この画面を閉じて SNS Desk に戻ってください。"
        if "error" in query:
            text = "X との連携は取り消されました。この画面を閉じてください。"
        body = PAGE.format(text).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.arrived.set()  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # the query holds the code: never logged
        pass


def authorize(
    client_id: str,
    authorize_url: str,
    token_url: str,
    open_browser: Callable[[str], object],
    port: int = 0,
    timeout: float = 300.0,
) -> dict[str, Any]:
    """Run the whole flow; the token as X issued it (with ``expires_at``)."""
    import httpx
    from authlib.common.security import generate_token
    from authlib.common.urls import add_params_to_uri
    from authlib.oauth2.rfc6749 import OAuth2Token
    from authlib.oauth2.rfc7636 import create_s256_code_challenge

    client_id = client_id.strip()
    if not client_id:
        raise ValidationError("X の開発者ポータルに表示される「Client ID」を入力してください。")
    try:
        server = http.server.HTTPServer(("127.0.0.1", port), _Callback)
    except OSError as error:
        raise ValidationError(
            f"連携の受け取りに使うポート {port} が使用中です。ほかの SNS Desk の連携が終わってから、もう一度お試しください。"
        ) from error
    server.result = {}  # type: ignore[attr-defined]
    server.arrived = threading.Event()  # type: ignore[attr-defined]
    redirect_uri = f"http://127.0.0.1:{server.server_port}/callback"
    verifier = generate_token(64)
    state = generate_token(32)
    url = add_params_to_uri(
        authorize_url,
        [
            ("response_type", "code"),
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
            ("scope", " ".join(X_SCOPES)),
            ("state", state),
            ("code_challenge", create_s256_code_challenge(verifier)),
            ("code_challenge_method", "S256"),
        ],
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        open_browser(url)
        if not server.arrived.wait(timeout):  # type: ignore[attr-defined]
            raise ValidationError(
                "X の画面での許可が時間内に終わりませんでした。もう一度「X と連携」を押してください。"
            )
    finally:
        server.shutdown()
        server.server_close()
    result: dict[str, str] = server.result  # type: ignore[attr-defined]
    if result.get("state") != state:
        raise ValidationError("X からの応答が正しくありません（state の不一致）。もう一度連携してください。")
    if "error" in result or "code" not in result:
        raise ValidationError("X の画面で連携が許可されませんでした。")
    try:
        answer = httpx.post(
            token_url,
            data={
                "grant_type": "authorization_code",
                "code": result["code"],
                "redirect_uri": redirect_uri,
                "client_id": client_id,
                "code_verifier": verifier,
            },
            timeout=20.0,
        )
    except httpx.TransportError as error:
        raise NetworkDownError("X", maybe_sent=False) from error
    if answer.status_code != 200:
        log.warning("X token endpoint refused the code: %s", answer.status_code)
        raise ValidationError(
            "X がトークンを発行しませんでした。Client ID とコールバック URL の登録を確認してください。"
        )
    token = OAuth2Token.from_dict(answer.json())
    granted = set(str(token.get("scope", "")).split())
    missing = [s for s in X_TEXT_SCOPES if s not in granted]  # without media.write text still goes out
    if granted and missing:
        raise ValidationError(f"X が必要な権限（{' '.join(missing)}）を許可しませんでした。")
    return dict(token)
