"""A real Secret Service (gnome-keyring-daemon on a private D-Bus session) for the credential tests."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from tests.world import unavailable

UNLOCK_PASSWORD = "sns-desk-test-keyring"


@contextmanager
def running_secret_service() -> Iterator[dict[str, str]]:
    """Start dbus-daemon and gnome-keyring-daemon in temporary folders; yield the environment to use them."""
    missing = [tool for tool in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        unavailable(f"{', '.join(missing)} not installed (apt-get install dbus gnome-keyring)")
    root = tempfile.mkdtemp(prefix="sns-desk-keyring-")
    env = dict(os.environ)
    for name in ("HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME"):
        path = os.path.join(root, name.lower())
        os.makedirs(path, mode=0o700)
        env[name] = path
    out = subprocess.run(
        ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=30,
    ).stdout.split()
    address, dbus_pid = out[0], int(out[1])
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    keyring_pid = None
    try:
        started = subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input=UNLOCK_PASSWORD,
            capture_output=True,
            text=True,
            check=True,
            env=env,
            timeout=30,
        )
        for line in started.stdout.splitlines():
            if line.startswith("GNOME_KEYRING_PID="):
                keyring_pid = int(line.split("=", 1)[1])
        yield {k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
    finally:
        for pid in (keyring_pid, dbus_pid):
            if pid:
                with suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
        shutil.rmtree(root, ignore_errors=True)
