"""X API v2 for one connected account: upload an image, post, read a post back, find recent posts, and the OAuth 2.0
token kept fresh (refreshed before it expires, and once more when X answers 401).

HTTP with ``httpx``; the OAuth 2.0 pieces (PKCE, token expiry) from ``authlib``'s framework-neutral core (its
``httpx_client`` integration is deprecated in favour of ``httpx2``).  Both are imported when a client is made, not
with this module: publishing imports it on every PC, and most never send (issue 17: about 3 MB of memory).  Every base URL is a parameter so that tests
point the client at a local server.  Errors become :mod:`sns_desk.domain.publication` errors, in Japanese.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sns_desk.domain.publication import (
    DuplicateContentError,
    MediaScopeMissingError,
    NetworkDownError,
    PlatformFailureError,
    PublishError,
    RateLimitedError,
    SeenPost,
    TokenRejectedError,
)

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

X = "X"
READ_FIELDS = (
    "created_at,text,attachments"  # attachments: the media keys X shows on the post (proof of images)
)
# the one-shot upload (MediaUploadRequestOneShot) names these media types; a GIF goes without one (X reads it)
ONE_SHOT_MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})
CHUNK_BYTES = 4 * 1024 * 1024  # one APPEND segment (X takes up to 5 MB a segment)
PROCESSING_WAIT_SECONDS = (
    60.0  # how long a GIF may stay "in processing" before the post is given up (not sent)
)
REFRESH_LEEWAY_SECONDS = 120  # refresh this long before the access token expires
TIMEOUT_SECONDS, CONNECT_TIMEOUT_SECONDS = 20.0, 10.0


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def post_url(username: str, remote_id: str) -> str:
    return f"https://x.com/{username or 'i'}/status/{remote_id}"


class XClient:
    """One account's X API client.  ``token`` is the OAuth 2.0 token (a dict as the token endpoint answered, with
    ``expires_at``); ``on_refresh`` is given every refreshed token to keep it in the OS keyring; ``reconnect_who``
    names who must connect the account again when the token cannot be refreshed."""

    def __init__(
        self,
        api_base: str,
        token_url: str,
        client_id: str,
        token: dict[str, Any],
        on_refresh: Callable[[dict[str, Any]], None],
        reconnect_who: str,
        username: str = "",
    ) -> None:
        import httpx
        from authlib.oauth2.rfc6749 import OAuth2Token

        self.api_base = api_base.rstrip("/")
        self.token_url = token_url
        self.client_id = client_id
        self.token = OAuth2Token.from_dict(token)
        self.on_refresh = on_refresh
        self.reconnect_who = reconnect_who
        self.username = username
        self.http = httpx.Client(timeout=httpx.Timeout(TIMEOUT_SECONDS, connect=CONNECT_TIMEOUT_SECONDS))
        self.sleep: Callable[[float], None] = time.sleep

    def close(self) -> None:
        self.http.close()

    # --- the token ---------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        import httpx
        from authlib.oauth2.rfc6749 import OAuth2Token

        refresh_token = self.token.get("refresh_token")
        if not refresh_token:
            raise TokenRejectedError(X, self.reconnect_who)
        try:
            answer = self.http.post(
                self.token_url,
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": refresh_token,
                    "client_id": self.client_id,
                },
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
        except httpx.TransportError as error:
            raise NetworkDownError(X, maybe_sent=False) from error
        if answer.status_code != 200:
            log.warning("X token refresh refused: %s", answer.status_code)
            raise TokenRejectedError(X, self.reconnect_who)
        fresh = dict(answer.json())
        fresh.setdefault("refresh_token", refresh_token)  # X rotates it; keep the old one if none came back
        self.token = OAuth2Token.from_dict(fresh)
        self.on_refresh(dict(self.token))
        log.info("X access token refreshed")

    def _fresh(self) -> None:
        if self.token.is_expired(leeway=REFRESH_LEEWAY_SECONDS):
            self.refresh()

    # --- requests ----------------------------------------------------------------------------------------------

    def _call(self, method: str, path: str, *, sending: bool, **kwargs: Any) -> httpx.Response:
        """One request; a 401 refreshes the token and tries once more (a 401 means nothing was done)."""
        import httpx

        self._fresh()
        for attempt in (1, 2):
            headers = {"Authorization": f"Bearer {self.token['access_token']}"}
            try:
                answer = self.http.request(method, self.api_base + path, headers=headers, **kwargs)
            except (httpx.ConnectError, httpx.ConnectTimeout) as error:
                raise NetworkDownError(X, maybe_sent=False) from error
            except httpx.TransportError as error:  # the request may have arrived
                raise NetworkDownError(X, maybe_sent=sending) from error
            if answer.status_code == 401 and attempt == 1:
                self.refresh()
                continue
            return answer
        raise TokenRejectedError(X, self.reconnect_who)  # pragma: no cover - the loop returns or raises

    def _failure(self, answer: httpx.Response) -> PublishError:
        status = answer.status_code
        try:
            body = answer.json()
        except ValueError:
            body = {}
        detail = str(body.get("detail") or body.get("title") or "") if isinstance(body, dict) else ""
        if status == 429:
            reset = answer.headers.get("x-rate-limit-reset", "")
            return RateLimitedError(X, datetime.fromtimestamp(int(reset), UTC) if reset.isdigit() else None)
        if status == 401:
            return TokenRejectedError(X, self.reconnect_who)
        if status == 403 and "duplicate" in detail.lower():
            return DuplicateContentError(X)
        return PlatformFailureError(X, status, detail)

    def upload_image(self, filename: str, mime: str, data: bytes) -> str:
        """One approved image uploaded for one post (``media.write``); the media id to attach to it.

        JPEG, PNG, WEBP: the one-shot ``POST /2/media/upload`` (multipart/form-data, ``media_category=tweet_image``),
        X's "simple upload (images only)" for still images up to 5 MB.  GIF: X takes GIFs only through the chunked
        upload (initialize, append, finalize, ``media_category=tweet_gif``), then may process it before it can be
        attached.  A failure here never published anything: the post is created only afterwards."""
        try:
            if mime == "image/gif":
                media_id = self._upload_chunked(filename, mime, data)
            elif mime in ONE_SHOT_MEDIA_TYPES:
                answer = self._media_call(
                    "POST",
                    "/2/media/upload",
                    data={"media_category": "tweet_image", "media_type": mime},
                    files={"media": (filename or "image", data, mime)},
                )
                media_id = self._media_id(answer)
            else:  # refused before sending by domain.publication.image_refusal
                raise PlatformFailureError(X, 0, f"unsupported media type {mime}")
        except PublishError as failed:
            failed.maybe_sent = False  # an uploaded image alone is no post
            raise
        log.info("X media uploaded: %s bytes as %s", len(data), media_id)
        return media_id

    def _upload_chunked(self, filename: str, mime: str, data: bytes) -> str:
        answer = self._media_call(
            "POST",
            "/2/media/upload/initialize",
            json={"media_category": "tweet_gif", "media_type": mime, "total_bytes": len(data)},
        )
        media_id = self._media_id(answer)
        for index, start in enumerate(range(0, len(data), CHUNK_BYTES)):
            self._media_call(
                "POST",
                f"/2/media/upload/{media_id}/append",
                data={"segment_index": str(index)},
                files={"media": (filename or "image", data[start : start + CHUNK_BYTES], mime)},
            )
        answer = self._media_call("POST", f"/2/media/upload/{media_id}/finalize")
        waited = 0.0
        while True:  # X processes a GIF before a post may carry it: ask again as it says, for a bounded time
            info = (answer.json().get("data") or {}).get("processing_info") or {}
            state = str(info.get("state", "succeeded"))
            if state == "succeeded":
                return media_id
            if state == "failed" or waited >= PROCESSING_WAIT_SECONDS:
                raise PlatformFailureError(X, answer.status_code, f"media {media_id} processing {state}")
            pause = min(float(info.get("check_after_secs", 1)), PROCESSING_WAIT_SECONDS - waited)
            self.sleep(pause)
            waited += max(pause, 0.1)
            answer = self._media_call(
                "GET", "/2/media/upload", params={"command": "STATUS", "media_id": media_id}
            )

    def _media_call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        answer = self._call(method, path, sending=False, **kwargs)
        if answer.status_code in (200, 201, 202, 204):
            return answer
        refused = self._failure(answer)
        if answer.status_code == 403 and not isinstance(refused, DuplicateContentError):
            # X answers 403 to a token whose scopes do not cover the media endpoints (media.write)
            refused = MediaScopeMissingError(X, self.reconnect_who)
        raise refused

    @staticmethod
    def _media_id(answer: httpx.Response) -> str:
        media_id = str((answer.json().get("data") or {}).get("id", ""))
        if not media_id:
            raise PlatformFailureError(X, answer.status_code, "no media id in the upload answer")
        return media_id

    def granted_scope(self) -> str:
        """The scopes X said it granted with the token ("" when it did not say)."""
        return str(self.token.get("scope") or "")

    def create_post(self, text: str, media_ids: tuple[str, ...] = ()) -> SeenPost:
        """POST /2/tweets (with ``media.media_ids`` when images were uploaded for it); the post as X confirmed it
        (its id and text; the time is read back separately)."""
        body: dict[str, Any] = {"text": text}
        if media_ids:
            body["media"] = {"media_ids": list(media_ids)}
        answer = self._call("POST", "/2/tweets", sending=True, json=body)
        if answer.status_code != 201:
            raise self._failure(answer)
        data = answer.json().get("data") or {}
        remote_id = str(data.get("id", ""))
        if not remote_id:
            raise PlatformFailureError(X, answer.status_code, "no id in the answer")
        return SeenPost(remote_id, str(data.get("text", text)), None, post_url(self.username, remote_id))

    def read_post(self, remote_id: str) -> SeenPost | None:
        """GET /2/tweets/{id}: the post as X shows it now; None when X says it does not exist."""
        answer = self._call(
            "GET", f"/2/tweets/{remote_id}", sending=False, params={"tweet.fields": READ_FIELDS}
        )
        if answer.status_code == 404:
            return None
        if answer.status_code != 200:
            raise self._failure(answer)
        body = answer.json()
        data = body.get("data")
        if not data:  # X answers 200 with "errors" for a deleted post
            return None
        return self._seen(data)

    def _seen(self, data: dict[str, Any]) -> SeenPost:
        remote_id = str(data["id"])
        attachments = data.get("attachments") or {}
        return SeenPost(
            remote_id,
            str(data.get("text", "")),
            parse_time(data.get("created_at")),
            post_url(self.username, remote_id),
            tuple(str(key) for key in attachments.get("media_keys") or ()),
        )

    def me(self) -> tuple[str, str]:
        """GET /2/users/me: the connected account's (id, username)."""
        answer = self._call("GET", "/2/users/me", sending=False)
        if answer.status_code != 200:
            raise self._failure(answer)
        data = answer.json().get("data") or {}
        return str(data.get("id", "")), str(data.get("username", ""))

    def recent_posts(self, user_id: str, since: datetime) -> list[SeenPost]:
        """GET /2/users/{id}/tweets since a moment: to look up a post whose sending ended without an answer."""
        answer = self._call(
            "GET",
            f"/2/users/{user_id}/tweets",
            sending=False,
            params={
                "start_time": since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
                "max_results": "20",
                "tweet.fields": "created_at,text",
            },
        )
        if answer.status_code != 200:
            raise self._failure(answer)
        return [self._seen(item) for item in answer.json().get("data") or []]


def expires_at(token: dict[str, Any]) -> float | None:
    from authlib.oauth2.rfc6749 import OAuth2Token

    value = OAuth2Token.from_dict(token).get("expires_at")
    return float(value) if value is not None else None


def now() -> float:
    return time.time()
