"""The app server's memory with 1 and with 10 browser sessions open.

A server of its own (started once): its resident set (VmRSS of the process and
any children, from /proc) with one session open, then with ten, each a page in
its own browser context on a different link (users=10 … 19), every session's
first script run over before the reading.
"""

from __future__ import annotations

import time
from pathlib import Path

from harness.selectors import DRAWN, TITLE, drawn

from .browser import TIMEOUT_MS
from .report import Row, progress, verdict
from .server import ENTRY, ROOT, chromium, new_page, streamlit

SESSIONS = 10
TARGET_MB = 30.0
SETTLE_S = 2.0
# The server's part of a session is done once its first run is over (the title drawn);
# the charts the browser draws after that cost the server nothing.
RUN_OVER = drawn(present=(TITLE,))


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def rss_mb(pid: int) -> float:
    """VmRSS of pid and all its descendants, in MB (10^6 bytes)."""
    total_kb, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
        todo += _children(p)
    return total_kb * 1024 / 1e6


def _open(browser, urls: list[str]) -> list[object]:
    """Open every link at once, each in its own context; return when all are drawn."""
    opened = [new_page(browser, url) for url in urls]
    for (_, page), url in zip(opened, urls):
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    for _, page in opened:
        outcome = page.wait_for_function(DRAWN, arg=RUN_OVER, polling=100,
                                         timeout=TIMEOUT_MS).json_value()
        if outcome["state"] != "done":
            raise RuntimeError(f"{page.url} showed {outcome['state']}")
    return [context for context, _ in opened]


def run() -> list[Row]:
    with streamlit(ENTRY, ROOT) as (url, pid), chromium() as browser:
        idle = rss_mb(pid)
        contexts = _open(browser, [f"{url}/?users=10"])
        time.sleep(SETTLE_S)
        one = rss_mb(pid)
        progress(f"memory: idle server {idle:.1f} MB, 1 session {one:.1f} MB")
        contexts += _open(browser, [f"{url}/?users={u}" for u in range(11, 10 + SESSIONS)])
        time.sleep(SETTLE_S)
        ten = rss_mb(pid)
        progress(f"memory: {SESSIONS} sessions {ten:.1f} MB")
        for context in contexts:
            context.close()
    per = (ten - one) / (SESSIONS - 1)
    return [
        Row("memory", "server RSS, idle (no session yet)", f"{idle:.1f} MB",
            notes="after the start-up warm-up"),
        Row("memory", "server RSS, 1 session open", f"{one:.1f} MB",
            notes="users=10, its run over"),
        Row("memory", f"server RSS, {SESSIONS} sessions open", f"{ten:.1f} MB",
            notes=f"users=10…{9 + SESSIONS}, each its own context, all runs over"),
        Row("memory", "per extra open session", f"{per:.1f} MB",
            ratio=f"{per / TARGET_MB:.2f}× the 30 MB budget", target=f"< {TARGET_MB:.0f} MB",
            verdict=verdict(per < TARGET_MB),
            notes=f"(RSS with {SESSIONS} − RSS with 1) / {SESSIONS - 1}; VmRSS incl. children"),
    ]
