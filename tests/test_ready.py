"""harness.ready: the one wait every started server goes through (nginx, PostgreSQL,
Streamlit, dockerd) must return once ready, and say why when it is not."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from harness.ready import DidNotStart, tail, wait_until_ready


def _python(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code])


def test_returns_once_ready() -> None:
    process = _python("import time; time.sleep(30)")
    polls = []
    try:
        wait_until_ready(process, lambda: polls.append(1) or len(polls) >= 3, "sleeper",
                         poll_s=0.01)
        assert len(polls) == 3
    finally:
        process.kill()
        process.wait()


def test_an_exit_is_named_with_its_status_and_log(tmp_path) -> None:
    log = tmp_path / "out.log"
    log.write_text("line one\nport already in use\n")
    process = _python("raise SystemExit(3)")
    process.wait()
    with pytest.raises(DidNotStart, match=r"^nginx exited with status 3\. Its log:\n"
                                          r"line one\nport already in use"):
        wait_until_ready(process, lambda: False, "nginx", log=lambda: tail(log))


def test_a_silent_process_times_out() -> None:
    process = _python("import time; time.sleep(30)")
    try:
        start = time.monotonic()
        with pytest.raises(DidNotStart, match=r"^PostgreSQL did not answer within 0\.3 s$"):
            wait_until_ready(process, lambda: False, "PostgreSQL", timeout_s=0.3, poll_s=0.05)
        assert time.monotonic() - start < 5
        assert process.poll() is None  # left to the caller's clean-up
    finally:
        process.kill()
        process.wait()


def test_tail_of_a_missing_log_is_empty(tmp_path) -> None:
    assert tail(tmp_path / "none.log") == ""
    (tmp_path / "big.log").write_text("x" * 5000 + "END")
    assert tail(tmp_path / "big.log", 10) == "xxxxxxxEND"
