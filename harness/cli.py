"""`python -m connectivity` in-process: the CLI's own `main(argv)`, its output captured.

Starting a Python process costs about a second here (numpy, pandas); the CLI's
code is the same either way. tests/test_cli.py keeps one test that starts a real
process, as a user would.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from dataclasses import dataclass

from connectivity.cli import main

from .server import ROOT


@dataclass(frozen=True)
class Done:
    """What a run of the CLI left: exit status, standard output (bytes), standard error."""

    returncode: int
    stdout: bytes
    stderr: str


def run_cli(*args: str) -> Done:
    """`python -m connectivity *args`, run in this process (relative paths from the root)."""
    out, err = io.BytesIO(), io.StringIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", newline="")
    with contextlib.chdir(ROOT), contextlib.redirect_stdout(stdout), \
            contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's way out (exit status 2 with one line)
            code = stop.code if isinstance(stop.code, int) else 1
        stdout.flush()
    stdout.detach()
    return Done(code, out.getvalue(), err.getvalue())


def run_process(*args: str, timeout: float = 120) -> Done:
    """`python -m connectivity *args` in a process of its own, from the project root."""
    done = subprocess.run([sys.executable, "-m", "connectivity", *args], cwd=ROOT,
                          capture_output=True, timeout=timeout, check=False)
    return Done(done.returncode, done.stdout, done.stderr.decode("utf-8", errors="replace"))


def cli_csv(query: str) -> bytes:
    """The comparison CSV the CLI writes for a link's query string."""
    done = run_cli("compare", "--query", query)
    assert done.returncode == 0, done.stderr
    return done.stdout
