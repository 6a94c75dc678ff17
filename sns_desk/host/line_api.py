"""LINE Messaging API for one LINE 公式アカウント, through LINE's official ``line-bot-sdk`` (generated from
line-openapi): the month's remaining message quota, a broadcast, or a narrowcast to an audience the account names.

Every broadcast carries an ``X-Line-Retry-Key`` made from the post's claim, so even a retry after a lost answer
cannot deliver the message twice (LINE answers 409 to a key it has already accepted).  LINE keeps no readable copy
of a sent message: the proof of publication is LINE's request id and the text sent.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sns_desk.domain.publication import (
    DuplicateContentError,
    NetworkDownError,
    PlatformFailureError,
    PublishError,
    RateLimitedError,
    TokenRejectedError,
)

if TYPE_CHECKING:
    from linebot.v3.messaging.exceptions import ApiException

# line-bot-sdk builds some 800 pydantic models when imported (about 2 s): it is imported when LINE is first
# called, not when the 下書き page (post editor -> publishing) is built at start-up (issue 17, ready).

log = logging.getLogger(__name__)

LINE = "LINE"
TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class Quota:
    limit: int | None  # None: no monthly limit (the plan allows unlimited messages)
    used: int

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.used)

    def text(self) -> str:
        if self.limit is None:
            return f"今月の送信数: {self.used:,} 通（上限なし）"
        return f"今月の残り: {self.remaining:,} 通（上限 {self.limit:,} 通、送信済み {self.used:,} 通）"


def retry_key(claim_id: int, post_id: int) -> str:
    """The same UUID for the same claim: LINE refuses (409) a second delivery under a key it accepted."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sns-desk:post:{post_id}:claim:{claim_id}"))


class LineClient:
    def __init__(self, api_base: str, channel_token: str, reconnect_who: str) -> None:
        from linebot.v3.messaging import Configuration

        self.config = Configuration(host=api_base.rstrip("/"), access_token=channel_token)
        self.config.retries = 0  # never resend on our own: a lost answer is resolved by a person
        self.reconnect_who = reconnect_who

    def _failure(self, error: ApiException) -> PublishError:
        status = int(error.status or 0)
        try:
            message = str(json.loads(error.body or "{}").get("message", ""))
        except ValueError:
            message = ""
        if status == 401:
            return TokenRejectedError(LINE, self.reconnect_who)
        if status == 409:
            return DuplicateContentError(LINE)
        if status == 429:
            reset = None
            if (
                "monthly limit" in message.lower()
            ):  # the plan's messages are used up until the 1st of next month
                today = datetime.now(UTC)
                reset = (today.replace(day=1) + timedelta(days=32)).replace(day=1, hour=0, minute=0, second=0)
            return RateLimitedError(LINE, reset)
        return PlatformFailureError(LINE, status, message)

    def quota(self) -> Quota:
        """GET /v2/bot/message/quota and /quota/consumption."""
        import urllib3.exceptions  # with line-bot-sdk, when LINE is called (not with publishing, on every PC)
        from linebot.v3.messaging import ApiClient, MessagingApi
        from linebot.v3.messaging.exceptions import ApiException

        try:
            with ApiClient(self.config) as client:
                api = MessagingApi(client)
                quota = api.get_message_quota(_request_timeout=TIMEOUT_SECONDS)
                used = api.get_message_quota_consumption(_request_timeout=TIMEOUT_SECONDS)
        except ApiException as error:
            raise self._failure(error) from error
        except urllib3.exceptions.HTTPError as error:
            raise NetworkDownError(LINE, maybe_sent=False) from error
        limit = int(quota.value) if quota.type == "limited" and quota.value is not None else None
        return Quota(limit, int(used.total_usage or 0))

    def send(self, text: str, audience_id: str, key: str) -> str:
        """Broadcast ``text`` (or narrowcast it to the audience ``audience_id``); LINE's request id."""
        import urllib3.exceptions
        from linebot.v3.messaging import (
            ApiClient,
            AudienceRecipient,
            BroadcastRequest,
            MessagingApi,
            NarrowcastRequest,
            TextMessage,
        )
        from linebot.v3.messaging.exceptions import ApiException

        messages = [TextMessage(text=text)]
        try:
            with ApiClient(self.config) as client:
                api = MessagingApi(client)
                if audience_id:
                    request = NarrowcastRequest(
                        messages=messages,
                        recipient=AudienceRecipient(type="audience", audienceGroupId=int(audience_id)),
                    )
                    answer = api.narrowcast_with_http_info(
                        request, x_line_retry_key=key, _request_timeout=TIMEOUT_SECONDS
                    )
                else:
                    answer = api.broadcast_with_http_info(
                        BroadcastRequest(messages=messages),
                        x_line_retry_key=key,
                        _request_timeout=TIMEOUT_SECONDS,
                    )
        except ApiException as error:
            raise self._failure(error) from error
        except (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError) as error:
            raise NetworkDownError(LINE, maybe_sent=False) from error
        except urllib3.exceptions.MaxRetryError as error:
            maybe = not isinstance(
                error.reason, (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError)
            )
            raise NetworkDownError(LINE, maybe_sent=maybe) from error
        except urllib3.exceptions.HTTPError as error:  # the request may have arrived
            raise NetworkDownError(LINE, maybe_sent=True) from error
        headers = answer.headers or {}
        request_id = str(headers.get("x-line-request-id") or headers.get("X-Line-Request-Id") or "")
        log.info("LINE accepted a message (request id %s)", request_id)
        return request_id or key
