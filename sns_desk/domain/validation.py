"""Checks of what people type that several use cases share."""

from __future__ import annotations

import re

# A web address people may enter (a post's URL, an account's page, the 市公式ホームページ page): http(s), a host
# with a dot, no spaces.
URL_RE = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
