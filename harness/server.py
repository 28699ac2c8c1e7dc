"""A Streamlit server on a free local port.

Used by the browser tests, the proxy test, `make bench`, `make load` and `make capacity`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from .ready import tail, wait_until_ready

ROOT = Path(__file__).resolve().parents[1]
# What ships (make run, deploy/Dockerfile): app.py behind an entry that warms it at
# start-up. Pass "app.py" for the plain script, as Community Cloud runs it.
ENTRY = "deploy/serve.py"
HEALTH_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except (urllib.error.URLError, OSError):
        return False


@contextlib.contextmanager
def streamlit_server(log_path: Path, script: str = ENTRY, cwd: Path = ROOT,
                     options: tuple[str, ...] = ()) -> Iterator[tuple[str, int]]:
    """`streamlit run script` on 127.0.0.1: yields (url, pid) once healthy; stops it after.

    By default the app as it ships (ENTRY): healthy once its start-up warm-up is over.
    The file watcher is off: others may edit the sources while it runs. `options` are
    more command-line settings for this server alone (e.g. the capacity test's
    `--server.enableAgentApi true`), never written to the shipped config.
    """
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", script,
               "--server.address", "127.0.0.1", "--server.port", str(port),
               "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false", *options]
    with open(log_path, "wb") as log:
        server = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                  env=dict(os.environ, PYTHONUNBUFFERED="1"))
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(server, lambda: healthy(url), f"streamlit run {script}",
                         log=lambda: tail(log_path, 4000),
                         timeout_s=HEALTH_TIMEOUT_S)
        yield url, server.pid
    finally:
        stop_process(server)


def stop_process(process: subprocess.Popen, graceful: int = signal.SIGTERM,
                 timeout_s: float = 10) -> None:
    """Ask a server to stop with `graceful`; kill it if it has not stopped within `timeout_s`
    (a test must never leave a server behind, nor hang on one)."""
    process.send_signal(graceful)
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
