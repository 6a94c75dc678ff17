"""X and LINE answered by a local HTTP server (pytest-httpserver), as their documents say; every request the app
sends is validated against the official OpenAPI documents in tests/data/openapi/ with openapi-core.

No test reaches the network: the app's base URLs (host/platform_endpoints.py) point here.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import yaml
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

SPECS = Path(__file__).parent / "data" / "openapi"


@cache
def _spec(name: str, base: str) -> OpenAPI:
    path = SPECS / name
    data = (
        json.loads(path.read_text("utf-8"))
        if path.suffix == ".json"
        else yaml.safe_load(path.read_text("utf-8"))
    )
    data["servers"] = [{"url": base}]
    return OpenAPI.from_dict(data)


def x_spec(base: str) -> OpenAPI:
    return _spec("x-api-v2/openapi.json", base)


def line_spec(base: str) -> OpenAPI:
    return _spec("line-messaging-api/messaging-api.yml", base)


Handler = Callable[[Request], Response]


def _openapi_core_multipart_limit(request: Request, error: str) -> bool:
    """openapi-core hands a multipart field whose schema has no ``type`` (MediaSegments is a ``oneOf`` integer or
    digit string) to the schema as raw bytes, so ``segment_index`` of an APPEND can never validate.  Only that
    field's complaint is set aside, and the field is checked by hand as the document describes it instead."""
    if not re.fullmatch(r"/2/media/upload/\d+/append", request.path):
        return False
    if "'segment_index': b'" not in error or "is not valid under any of the given schemas" not in error:
        return False
    segment = request.form.get("segment_index", "")
    return segment.isdigit() and 0 <= int(segment) <= 999 and "media" in request.files


def json_response(body: object, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body), status=status, headers=headers or {}, content_type="application/json")


@dataclass
class FakePlatforms:
    """The local server, the requests it received (validated) and what X holds."""

    server: HTTPServer
    base: str
    violations: list[str] = field(default_factory=list)
    received: list[tuple[str, str, Any]] = field(default_factory=list)  # (method, path, json body)
    tweets: dict[str, dict[str, str]] = field(default_factory=dict)
    next_id: int = 1900000000000000001
    tokens: dict[str, str] = field(default_factory=lambda: {"access": "access-1", "refresh": "refresh-1"})
    created_at: str = "2026-12-01T01:00:00.000Z"  # 10:00 JST on a Tuesday
    granted_scope: str = "tweet.read tweet.write users.read offline.access media.write"
    uploads: list[dict[str, Any]] = field(
        default_factory=list
    )  # each image X received: bytes, form, media id
    next_media_id: int = 1880000000000000001

    def validated(self, spec: OpenAPI, handler: Handler) -> Handler:
        def run(request: Request) -> Response:
            try:
                spec.validate_request(WerkzeugOpenAPIRequest(request))
            except Exception as error:  # every violation is reported by the test's teardown
                if not _openapi_core_multipart_limit(request, str(error)):
                    self.violations.append(f"{request.method} {request.path}: {str(error)[:600]}")
            body = request.get_json(silent=True)
            self.received.append((request.method, request.path, body))
            return handler(request)

        return run

    def x(self, method: str, path: str, handler: Handler) -> None:
        self.server.expect_request(path, method=method).respond_with_handler(
            self.validated(x_spec(self.base), handler)
        )

    def line(self, method: str, path: str, handler: Handler) -> None:
        self.server.expect_request(path, method=method).respond_with_handler(
            self.validated(line_spec(self.base), handler)
        )

    def sent(self, path: str) -> list[Any]:
        return [body for method, p, body in self.received if method == "POST" and p == path]

    # --- X as documented ----------------------------------------------------------------------------------------

    def authorized(self, request: Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {self.tokens['access']}"

    def x_standard(self) -> None:
        """X answering as its documents say: create, read back, the user, the user's posts."""

        def create(request: Request) -> Response:
            if not self.authorized(request):
                return json_response({"title": "Unauthorized", "status": 401, "detail": "Unauthorized"}, 401)
            tweet_id = str(self.next_id)
            self.next_id += 1
            body = request.get_json()
            text = body["text"]
            self.tweets[tweet_id] = {"id": tweet_id, "text": text, "created_at": self.created_at}
            media_ids = (body.get("media") or {}).get("media_ids") or []
            keys = {u["media_id"]: u["media_key"] for u in self.uploads}
            if any(media_id not in keys for media_id in media_ids):
                return json_response({"title": "Invalid Request", "status": 400, "detail": "media"}, 400)
            if media_ids:  # as GET /2/tweets/{id}?tweet.fields=attachments shows it
                self.tweets[tweet_id]["attachments"] = {"media_keys": [keys[m] for m in media_ids]}  # type: ignore[assignment]
            return json_response({"data": {"id": tweet_id, "text": text}}, 201)

        def read(request: Request) -> Response:
            tweet_id = request.path.rsplit("/", 1)[-1]
            if tweet_id not in self.tweets:
                return json_response(
                    {
                        "errors": [
                            {
                                "title": "Not Found Error",
                                "detail": f"Could not find tweet with id: [{tweet_id}].",
                            }
                        ]
                    }
                )
            fields = request.args.get("tweet.fields", "").split(",")
            shown = {k: v for k, v in self.tweets[tweet_id].items() if k != "attachments" or k in fields}
            return json_response({"data": shown})

        def me(request: Request) -> Response:
            return json_response(
                {"data": {"id": "7001", "name": "鹿児島市観光", "username": "kagoshima_kanko"}}
            )

        def timeline(request: Request) -> Response:
            return json_response(
                {"data": list(self.tweets.values()), "meta": {"result_count": len(self.tweets)}}
            )

        self.x("POST", "/2/tweets", create)
        self.server.expect_request(
            __import__("re").compile(r"^/2/tweets/\d+$"), method="GET"
        ).respond_with_handler(self.validated(x_spec(self.base), read))
        self.x("GET", "/2/users/me", me)
        self.x("GET", "/2/users/7001/tweets", timeline)
        self.x("POST", "/2/media/upload", self.x_media_upload)
        self.x_media_chunked()

    chunked: dict[str, dict[str, Any]] = field(
        default_factory=dict
    )  # uploads under way (initialize … finalize)
    processing_rounds: int = 1  # how many answers say "in_progress" before the outcome
    processing_outcome: str = "succeeded"  # or "failed"

    def _new_media_id(self) -> str:
        media_id = str(self.next_media_id)
        self.next_media_id += 1
        return media_id

    def x_media_chunked(self) -> None:
        """The chunked upload (initialize, append, finalize, status) as the X API v2 document describes it."""

        def initialize(request: Request) -> Response:
            if not self.authorized(request):
                return json_response({"title": "Unauthorized", "status": 401}, 401)
            media_id = self._new_media_id()
            self.chunked[media_id] = {"config": request.get_json(), "parts": {}, "rounds": 0}
            return json_response({"data": {"id": media_id, "media_key": f"16_{media_id}"}})

        def append(request: Request) -> Response:
            media_id = request.path.split("/")[-2]
            upload = self.chunked[media_id]
            upload["parts"][int(request.form["segment_index"])] = request.files["media"].read()
            return json_response({"data": {"expires_at": 1764640800}})

        def status_of(media_id: str) -> Response:
            upload = self.chunked[media_id]
            state = "in_progress" if upload["rounds"] < self.processing_rounds else self.processing_outcome
            upload["rounds"] += 1
            info = {"state": state, "check_after_secs": 0}
            return json_response({"data": {"id": media_id, "processing_info": info}})

        def finalize(request: Request) -> Response:
            media_id = request.path.split("/")[-2]
            upload = self.chunked[media_id]
            data = b"".join(upload["parts"][i] for i in sorted(upload["parts"]))
            if len(data) != upload["config"]["total_bytes"]:
                return json_response({"title": "Invalid Request", "status": 400}, 400)
            config = upload["config"]
            self.uploads.append(
                {
                    "media_id": media_id,
                    "media_key": f"16_{media_id}",
                    "bytes": data,
                    "form": {"media_category": config["media_category"], "media_type": config["media_type"]},
                    "content_type": config["media_type"],
                    "segments": len(upload["parts"]),
                }
            )
            return status_of(media_id)

        def status(request: Request) -> Response:
            assert request.args["command"] == "STATUS"
            return status_of(request.args["media_id"])

        self.x("POST", "/2/media/upload/initialize", initialize)
        for pattern, handler in (
            (r"^/2/media/upload/\d+/append$", append),
            (r"^/2/media/upload/\d+/finalize$", finalize),
        ):
            self.server.expect_request(re.compile(pattern), method="POST").respond_with_handler(
                self.validated(x_spec(self.base), handler)
            )
        self.x("GET", "/2/media/upload", status)

    def x_media_upload(self, request: Request) -> Response:
        """The one-shot media upload (multipart/form-data) as the X API v2 document describes it."""
        if not self.authorized(request):
            return json_response({"title": "Unauthorized", "status": 401, "detail": "Unauthorized"}, 401)
        media = request.files["media"]
        media_id = self._new_media_id()
        data = media.read()
        self.uploads.append(
            {
                "media_id": media_id,
                "media_key": f"3_{media_id}",
                "bytes": data,
                "form": dict(request.form),
                "content_type": media.mimetype,
            }
        )
        return json_response(
            {
                "data": {
                    "id": media_id,
                    "media_key": f"3_{media_id}",
                    "size": len(data),
                    "expires_after_secs": 86400,
                }
            }
        )

    def x_token_endpoint(self, expected_verifier: Callable[[], str | None] = lambda: None) -> None:
        """The OAuth 2.0 token endpoint: the code (PKCE-checked) and the refresh grant."""

        def token(request: Request) -> Response:
            form = request.form
            if form.get("grant_type") == "refresh_token":
                if form.get("refresh_token") != self.tokens["refresh"]:
                    return json_response({"error": "invalid_request"}, 400)
                n = int(self.tokens["access"].rsplit("-", 1)[-1]) + 1
                self.tokens = {"access": f"access-{n}", "refresh": f"refresh-{n}"}
            elif form.get("grant_type") == "authorization_code":
                verifier = form.get("code_verifier", "")
                challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
                if form.get("code") != "code-1" or challenge.decode() != self.challenge:
                    return json_response({"error": "invalid_grant"}, 400)
            else:
                return json_response({"error": "unsupported_grant_type"}, 400)
            return json_response(
                {
                    "token_type": "bearer",
                    "expires_in": 7200,
                    "access_token": self.tokens["access"],
                    "refresh_token": self.tokens["refresh"],
                    "scope": self.granted_scope,
                }
            )

        self.server.expect_request("/2/oauth2/token", method="POST").respond_with_handler(token)

    challenge: str = ""

    def x_authorize_endpoint(self) -> None:
        """X's consent page, as a browser meets it: the person allows, X redirects to the loopback address."""

        def authorize(request: Request) -> Response:
            args = request.args
            assert args["response_type"] == "code" and args["code_challenge_method"] == "S256"
            assert set(args["scope"].split()) == {
                "tweet.read",
                "tweet.write",
                "users.read",
                "offline.access",
                "media.write",
            }
            self.challenge = args["code_challenge"]
            target = args["redirect_uri"] + "?" + urlencode({"code": "code-1", "state": args["state"]})
            return Response(status=302, headers={"Location": target})

        self.server.expect_request("/i/oauth2/authorize", method="GET").respond_with_handler(authorize)

    # --- LINE as documented --------------------------------------------------------------------------------------

    line_used: int = 120
    line_limit: int = 200

    def line_standard(self) -> None:
        def quota(request: Request) -> Response:
            return json_response({"type": "limited", "value": self.line_limit})

        def consumption(request: Request) -> Response:
            return json_response({"totalUsage": self.line_used})

        def send(request: Request) -> Response:
            if request.headers.get("Authorization") != "Bearer line-token":
                return json_response({"message": "Authentication failed"}, 401)
            self.line_used += 1
            return json_response({}, 200, {"x-line-request-id": f"req-{self.line_used}"})

        self.line("GET", "/v2/bot/message/quota", quota)
        self.line("GET", "/v2/bot/message/quota/consumption", consumption)
        self.line("POST", "/v2/bot/message/broadcast", send)
        self.line("POST", "/v2/bot/message/narrowcast", send)


def browser_that_allows(url: str) -> None:
    """The person's browser: opens X's consent page, allows, and follows the redirect to the loopback address."""
    import httpx

    answer = httpx.get(url, follow_redirects=False, timeout=10)
    location = answer.headers["Location"]
    assert urlparse(location).hostname == "127.0.0.1"
    assert "code" in parse_qs(urlparse(location).query)
    httpx.get(location, timeout=10)
