"""Issue 17 (peak memory): what a PC that writes, checks and approves posts imports, measured in a fresh process.

scripts/benchmark.py measures peak memory in a process that searches, opens posts in the editor with their live
checks, approves and exports; these tests keep out of such a process what it does not use: the X/LINE HTTP clients
(imported when a client is made or an account connected) and pytest (the benchmark's harness keyring).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys
import sns_desk.gui.posts.post_editor, sns_desk.services.publishing, sns_desk.services.post_workflow
from sns_desk.domain import checks
from sns_desk.domain.vocabulary import Platform
from tests.harness import use_memory_keyring

use_memory_keyring()
counted = checks.count(Platform.X, "桜まつり 🌸 https://www.city.kagoshima.lg.jp/ の案内です")
links = checks.twitter_text().extract_urls_with_indices("詳しくは https://example.jp/a をご覧ください")
unused = {"httpx", "authlib", "urllib3", "pytest", "_pytest", "linebot"}
print(json.dumps({
    "count": counted.used,
    "links": [item["url"] for item in links],
    "loaded": sorted(m for m in sys.modules if m.split(".")[0] in unused),
}))
"""


def test_writing_and_checking_posts_loads_no_http_client_or_pytest() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["loaded"] == []
    # X counts as before: a URL is 23, the emoji 2, a space 1, each Japanese character 2 (twitter-text reads its table)
    assert seen["count"] == 2 * 4 + 1 + 2 + 1 + 23 + 1 + 2 * 5
    assert seen["links"] == ["https://example.jp/a"]
