"""A real Secret Service (gnome-keyring-daemon on a private D-Bus session) for the credential tests.

It never reaches a display: the daemons get a minimal environment (no DISPLAY, WAYLAND_DISPLAY, XAUTHORITY,
desktop session or the developer's own D-Bus) and the private bus activates no services at all, so gnome-keyring
finds no prompter (gcr-prompter) and refuses an unlock prompt at once, the same with or without a desktop.
Every process it starts carries the marker of tests/processes.py and is ended by its pid when the block ends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests import processes
from tests.world import unavailable

UNLOCK_PASSWORD = "sns-desk-test-keyring"

# only what the daemons need to run; nothing that points at a display, a desktop session or another bus
KEPT_VARIABLES = ("PATH", "LANG", "LC_ALL", "TMPDIR")

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={root}</listen>
  <auth>EXTERNAL</auth>
  <!-- no standard service folders: nothing (a prompter, an at-spi bus) is started on demand -->
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def daemon_env(root: str) -> dict[str, str]:
    env = {name: os.environ[name] for name in KEPT_VARIABLES if name in os.environ}
    for name in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        path = os.path.join(root, name.lower())
        os.makedirs(path, mode=0o700)
        env[name] = path
    return processes.marked_env(env, root)


@contextmanager
def running_secret_service() -> Iterator[dict[str, str]]:
    """Start dbus-daemon and gnome-keyring-daemon in temporary folders; yield the environment to use them."""
    missing = [tool for tool in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        unavailable(f"{', '.join(missing)} not installed (apt-get install dbus gnome-keyring)")
    if not processes.has_proc():
        unavailable("the private Secret Service needs /proc to end its processes (Linux)")
    root = tempfile.mkdtemp(prefix="sns-desk-keyring-")
    env = daemon_env(root)
    services = Path(root, "dbus-services")
    services.mkdir()
    config = Path(root, "bus.conf")
    config.write_text(BUS_CONFIG.format(root=root, services=services), encoding="utf-8")
    try:
        out = subprocess.run(
            ["dbus-daemon", f"--config-file={config}", "--fork", "--print-address=1", "--print-pid=1"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            timeout=30,
        ).stdout.split()
        env["DBUS_SESSION_BUS_ADDRESS"] = out[0]
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input=UNLOCK_PASSWORD,
            capture_output=True,
            text=True,
            check=True,
            env=env,
            timeout=30,
        )
        yield {k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
    finally:
        # dbus-daemon, gnome-keyring-daemon and anything they started, each by its own pid
        processes.end_marked(env[processes.MARKER])
        shutil.rmtree(root, ignore_errors=True)
