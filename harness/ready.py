"""Wait for a process we started to answer: the one loop every server the tests start uses."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable
from pathlib import Path


class DidNotStart(RuntimeError):
    """A started process exited, or did not answer in time; the message carries its log."""


def wait_until_ready(process: subprocess.Popen, ready: Callable[[], bool], what: str,
                     log: Callable[[], str] = lambda: "", timeout_s: float = 60,
                     poll_s: float = 0.2) -> None:
    """Return once `ready()` is true; raise DidNotStart naming `what` and why (it exited, with
    its status, or it did not answer within `timeout_s`), followed by `log()`.

    The process is left as it is: the caller's own clean-up stops it.
    """
    deadline = time.monotonic() + timeout_s
    while not ready():
        status = process.poll()
        if status is not None:
            why = f"exited with status {status}"
        elif time.monotonic() > deadline:
            why = f"did not answer within {timeout_s:g} s"
        else:
            time.sleep(poll_s)
            continue
        text = log()
        raise DidNotStart(f"{what} {why}" + (f". Its log:\n{text}" if text else ""))


def tail(path: Path, chars: int = 3000) -> str:
    """The end of a log file, or nothing if it is not there (yet)."""
    try:
        return path.read_text(errors="replace")[-chars:]
    except FileNotFoundError:
        return ""
