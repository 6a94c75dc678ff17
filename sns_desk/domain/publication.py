"""Publishing (issue 14): what goes out, how it is fingerprinted, the states of a claim to send a post, the errors a
platform answers with (each in Japanese for the person, §5(9), §8) and how a post read back is compared with what
was approved (§8: a post deleted or edited outside the app is a trouble candidate).

Pure: the services give the texts and times; the platform clients raise these errors.
"""

from __future__ import annotations

import enum
import hashlib
import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sns_desk.domain import policy as pol
from sns_desk.domain.errors import SnsDeskError
from sns_desk.domain.vocabulary import Platform

# platforms the app sends to itself; every other keeps the manual route (copy, compose page, URL typed in)
CONNECTABLE = frozenset({Platform.X, Platform.LINE})

# what a text post needs; ``media.write`` is asked for as well (images, X API v2 ``/2/media/upload``), and a
# connection made before it was asked for still posts text (an image post then names who must connect again)
X_TEXT_SCOPES = ("tweet.read", "tweet.write", "users.read", "offline.access")
X_MEDIA_SCOPE = "media.write"
X_SCOPES = (*X_TEXT_SCOPES, X_MEDIA_SCOPE)

# images on a post: X allows at most four images of at most 5 MB each (JPEG, PNG, WEBP: tweet_image), or one GIF
# alone (tweet_gif); the editor keeps every post to the same count and size (services/post_attachments.py)
MAX_IMAGES = 4
MAX_IMAGE_BYTES = 5 * 1024 * 1024
X_IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})

# after this long a claim still "sending" is taken to be a crash between sending and recording
STALE_CLAIM_SECONDS = 300


class ClaimState(enum.StrEnum):
    SENDING = "sending"  # written before the request leaves; the answer is not known yet
    UNKNOWN = "unknown"  # the request may have reached the platform, no answer came back
    PUBLISHED = "published"  # the platform confirmed it (id and time recorded)

    @property
    def label(self) -> str:
        return {
            ClaimState.SENDING: "送信中",
            ClaimState.UNKNOWN: "投稿状態不明",
            ClaimState.PUBLISHED: "投稿済",
        }[self]


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def sha256_bytes(value: bytes) -> str:
    return hashlib.sha256(value).hexdigest()


def content_fingerprint(body: str, image_sha256s: list[str]) -> str:
    """The hash of what goes out: the text and the images in order."""
    return sha256_text(
        json.dumps({"body": body, "images": image_sha256s}, ensure_ascii=False, sort_keys=True)
    )


def x_compose_url(text: str) -> str:
    """X's web intent: the compose page with the approved text filled in (manual route, issue 14 item 3)."""
    from urllib.parse import quote

    return "https://x.com/intent/post?text=" + quote(text, safe="")


def threads_compose_url(text: str) -> str:
    from urllib.parse import quote

    return "https://www.threads.net/intent/post?text=" + quote(text, safe="")


def compose_url(platform: Platform, text: str) -> str | None:
    """The platform's compose page with the text filled in, where it has one."""
    if platform is Platform.X:
        return x_compose_url(text)
    if platform is Platform.THREADS:
        return threads_compose_url(text)
    return None


@dataclass(frozen=True)
class ImageFacts:
    """What is known of an image about to go out, without its bytes."""

    filename: str
    mime: str
    size: int


LINE_IMAGES_MANUAL = (
    "LINE の画像メッセージは、画像をインターネット上の公開 HTTPS サーバーに置き、その URL（originalContentUrl・"
    "previewImageUrl）を送る仕組みです。庁内の PC にはそのサーバーがないため、画像付きの投稿は自動送信できません。"
    "LINE Official Account Manager で承認どおりの本文と画像を配信し、配信の URL と日時を記録してください"
    "（画面では「投稿結果を記録」、コマンドでは sns-desk publish 番号 --url URL --at 日時）。"
)


def image_refusal(platform: Platform, images: Sequence[ImageFacts]) -> str:
    """ "" when the app can send these images to the platform itself; otherwise why not and what to do (Japanese).

    X: up to :data:`MAX_IMAGES` images (JPEG, PNG, WEBP) of up to 5 MB each, or one GIF alone (X's rule: 4 photos
    or 1 animated GIF a post), uploaded first.
    LINE: images need a public HTTPS server, so an image post takes the manual route (text-only stays automatic).
    Every other platform has no connection: the manual route anyway."""
    if not images:
        return ""
    if platform is Platform.X:
        if len(images) > MAX_IMAGES:
            return (
                f"X に添付できる画像は {MAX_IMAGES} 枚までです（この投稿は {len(images)} 枚）。"
                "画像を減らして、もう一度承認を受けてください。"
            )
        if len(images) > 1 and any(image.mime == "image/gif" for image in images):
            return (
                "X では GIF 画像は 1 つの投稿に 1 枚だけで、ほかの画像と一緒には添付できません"
                "（写真は 4 枚まで、または GIF 1 枚）。画像を分けて、もう一度承認を受けてください。"
            )
        for image in images:
            if image.mime not in X_IMAGE_TYPES:
                return f"画像「{image.filename}」は X に送れない形式です（JPEG・PNG・GIF・WebP のみ）。"
            if image.size > MAX_IMAGE_BYTES:
                return f"画像「{image.filename}」は X の上限（{MAX_IMAGE_BYTES // 1024 // 1024} MB）を超えています。"
        return ""
    if platform is Platform.LINE:
        return LINE_IMAGES_MANUAL
    return ""


def lacks_media_scope(granted: str) -> bool:
    """Whether an X token, by the scopes X said it granted, cannot upload images (an unknown scope is not held
    against it: X then answers the upload itself)."""
    scopes = granted.split()
    return bool(scopes) and X_MEDIA_SCOPE not in scopes


_URL = re.compile(r"https?://\S+")


def comparable(text: str) -> str:
    """A text as a platform shows it back, made comparable with what was sent: X returns ``&amp;`` for ``&`` and
    shortens every link to a t.co address, so entities are decoded and links reduced to a marker."""
    return _URL.sub("<link>", html.unescape(text)).strip()


def same_text(sent: str, seen: str) -> bool:
    return comparable(sent) == comparable(seen)


@dataclass(frozen=True)
class SeenPost:
    """A post as the platform shows it when read back."""

    remote_id: str
    text: str
    created_at: datetime | None
    url: str
    media_keys: tuple[str, ...] = ()  # the attachments X shows on the post (read back), none for text only

    def as_proof(self) -> dict[str, str | list[str] | None]:
        proof: dict[str, str | list[str] | None] = {
            "remote_id": self.remote_id,
            "text": self.text,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "url": self.url,
        }
        if self.media_keys:  # a text-only post's proof stays as it was
            proof["media_keys"] = list(self.media_keys)
        return proof

    def proof_sha256(self) -> str:
        return sha256_text(json.dumps(self.as_proof(), ensure_ascii=False, sort_keys=True))


def trouble(sent: str, seen: SeenPost | None) -> str:
    """Why a published post is a trouble candidate (§8), or "" when it still shows what was approved."""
    if seen is None:
        return "投稿がプラットフォーム上に見つかりません（アプリの外で削除されたおそれ。§8(3)）。"
    if not same_text(sent, seen.text):
        return "プラットフォーム上の本文が承認された本文と違います（アプリの外で編集されたおそれ。§8(2)）。"
    return ""


# --- what a platform answered ------------------------------------------------------------------------------------


class PublishError(SnsDeskError):
    """A platform refused or could not be reached; nothing was published.  ``maybe_sent``: the request may have
    reached the platform (no answer came back), so the post's state is unknown until a person resolves it."""

    maybe_sent = False


class RateLimitedError(PublishError):
    def __init__(self, platform: str, reset_at: datetime | None) -> None:
        when = f"{reset_at.astimezone(pol.JST):%m月%d日 %H:%M} 以降に" if reset_at else "しばらくしてから"
        super().__init__(
            f"{platform} の送信回数の上限に達しました（429）。{when}もう一度投稿してください。投稿はされていません。",
            f"{platform} rate limited until {reset_at}",
        )
        self.reset_at = reset_at


class TokenRejectedError(PublishError):
    """The token is expired or revoked and could not be refreshed: someone must connect the account again."""

    def __init__(self, platform: str, who: str) -> None:
        super().__init__(
            f"{platform} との連携が切れています（トークンの期限切れまたは取り消し）。{who}が「連携」から"
            "もう一度接続してください。投稿はされていません。",
            f"{platform} token rejected",
        )


class DuplicateContentError(PublishError):
    def __init__(self, platform: str) -> None:
        super().__init__(
            f"{platform} が同じ内容の投稿として受け付けませんでした（重複投稿）。既に投稿されていないか確認してください。",
            f"{platform} refused duplicate content",
        )


class MediaScopeMissingError(PublishError):
    """The X connection was made without ``media.write``: text still goes out, images need a new connection."""

    def __init__(self, platform: str, who: str) -> None:
        super().__init__(
            f"{platform} との連携に画像の投稿の権限（media.write）がありません。画像付きの投稿をするには、{who}が"
            "「連携」からもう一度接続してください（本文だけの投稿はこのまま送れます）。投稿はされていません。",
            f"{platform} token lacks media.write",
        )


class NetworkDownError(PublishError):
    def __init__(self, platform: str, maybe_sent: bool) -> None:
        tail = (
            "送信後に応答がなかったため、投稿されたかどうか分かりません（投稿状態不明）。確認してください。"
            if maybe_sent
            else "投稿はされていません。ネットワークを確認してから、もう一度投稿してください。"
        )
        super().__init__(
            f"{platform} に接続できません。{tail}", f"{platform} unreachable, maybe_sent={maybe_sent}"
        )
        self.maybe_sent = maybe_sent


class PlatformFailureError(PublishError):
    def __init__(self, platform: str, status: int, detail: str) -> None:
        super().__init__(
            f"{platform} がエラーを返しました（{status}）。投稿はされていません。しばらくしてから確認してください。",
            f"{platform} answered {status}: {detail[:200]}",
        )
        self.status = status
        self.maybe_sent = status >= 500  # a server error after the request arrived: it may have gone out
