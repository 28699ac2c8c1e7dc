"""The server under load: started on a free local port, watched through /proc and metrics."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .server import ENTRY, ROOT, streamlit_server

# Streamlit's own counters (the pinned version serves them at /_stcore/metrics as
# OpenMetrics text; README, "Version notes").
METRICS = "/_stcore/metrics?families=active_sessions&families=session_events"
_SAMPLE = re.compile(r'^(\w+)(?:\{type="(\w+)"\})?\s+([0-9.eE+-]+)$')


def _get(url: str, timeout: float = 5.0) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode()
    except (urllib.error.URLError, OSError):
        return None


@dataclass
class Server:
    url: str
    pid: int
    log: Path

    def rss_mb(self) -> float | None:
        """Resident memory of the server process (VmRSS), MB."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return None
        match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.M)
        return int(match.group(1)) / 1024 if match else None

    def cpu_seconds(self) -> float | None:
        """CPU time the server process has used so far (user + system), seconds."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def sessions(self) -> dict[str, float] | None:
        """active_sessions and the connect/disconnect counters, or None if unreachable."""
        text = _get(self.url + METRICS)
        if text is None:
            return None
        found: dict[str, float] = {}
        for line in text.splitlines():
            match = _SAMPLE.match(line.strip())
            if match:
                name, kind, value = match.groups()
                found[f"{name}:{kind}" if kind else name] = float(value)
        return found

    def log_problems(self) -> list[str]:
        """Lines of the server log that report an error or a traceback."""
        text = self.log.read_text(errors="replace")
        return [line for line in text.splitlines()
                if "Traceback" in line or " ERROR " in line or "a page failed" in line]


@contextlib.contextmanager
def serve(script: str = ENTRY, cwd: Path = ROOT, options: tuple[str, ...] = (),
          ) -> Iterator[Server]:
    """`streamlit run script` on 127.0.0.1 and a free port; stopped on exit.

    By default the app as it ships: deploy/serve.py, warmed at start-up."""
    with tempfile.TemporaryDirectory(prefix="load-") as folder:
        log_path = Path(folder) / "server.log"
        with streamlit_server(log_path, script, cwd, options) as (url, pid):
            yield Server(url, pid, log_path)
