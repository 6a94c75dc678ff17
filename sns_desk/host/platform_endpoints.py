"""Where the platforms are: every base URL can be changed (environment variables), so that tests and a trial run
point the app at local servers; the defaults are the platforms' documented addresses."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULTS = {
    "SNS_DESK_X_API": "https://api.x.com",
    "SNS_DESK_X_AUTHORIZE_URL": "https://x.com/i/oauth2/authorize",
    "SNS_DESK_X_TOKEN_URL": "https://api.x.com/2/oauth2/token",
    "SNS_DESK_LINE_API": "https://api.line.me",
}
# the loopback port of the OAuth redirect (register http://127.0.0.1:<port>/callback with X); 0: any free port
REDIRECT_PORT_ENV = "SNS_DESK_X_REDIRECT_PORT"
DEFAULT_REDIRECT_PORT = 8765


@dataclass(frozen=True)
class Endpoints:
    x_api: str
    x_authorize: str
    x_token: str
    line_api: str
    redirect_port: int


def endpoints() -> Endpoints:
    def get(name: str) -> str:
        return os.environ.get(name, "").strip() or DEFAULTS[name]

    raw_port = os.environ.get(REDIRECT_PORT_ENV, "").strip()
    port = int(raw_port) if raw_port.isdigit() else DEFAULT_REDIRECT_PORT
    return Endpoints(
        get("SNS_DESK_X_API"),
        get("SNS_DESK_X_AUTHORIZE_URL"),
        get("SNS_DESK_X_TOKEN_URL"),
        get("SNS_DESK_LINE_API"),
        port,
    )
