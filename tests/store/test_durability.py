"""A link once given is never lost: writers killed mid-flight, two writers at once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from connectivity.inputs.scenario import Scenario
from connectivity.store import open_store
from harness.server import ROOT

# Left out of `make test-fast` (processes, servers or many memos); `make test` runs it.
pytestmark = pytest.mark.slow

CREATIONS = 200


def _writer(url: str, first: int, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tests.store.writer", url, str(first),
                             str(count)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _given(lines: str) -> dict[int, str]:
    """users → id for every line the writer finished (a cut last line was not given)."""
    pairs = [line.split() for line in lines.splitlines()]
    return {int(p[0]): p[1] for p in pairs if len(p) == 2 and len(p[1]) == 16}


def _kill_midway(url: str, after: int) -> dict[int, str]:
    writer = _writer(url, 1, CREATIONS)
    given: list[str] = []
    assert writer.stdout is not None
    while len(given) < after:
        line = writer.stdout.readline()
        assert line, f"the writer stopped early: {writer.stderr.read() if writer.stderr else ''}"
        given.append(line)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    rest = writer.stdout.read()
    return _given("".join(given) + rest)


def _all_open(url: str, given: dict[int, str]) -> None:
    store = open_store(url)
    for users, link_id in given.items():
        assert store.load(link_id).query == Scenario(users=users).query()


def test_every_given_id_survives_a_killed_writer(url: str) -> None:
    open_store(url)  # the schema exists before the writer starts (as the app's start does)
    given = _kill_midway(url, after=CREATIONS // 2)
    assert CREATIONS // 2 <= len(given) < CREATIONS
    _all_open(url, given)


def test_every_given_id_survives_a_killed_postgresql(pg_server) -> None:
    url = pg_server.empty_url()
    open_store(url).engine.dispose()
    writer = _writer(url, 1, CREATIONS)
    assert writer.stdout is not None
    lines = [writer.stdout.readline() for _ in range(CREATIONS // 2)]
    pg_server.kill()  # SIGKILL to the database server itself, mid-stream
    writer.wait(timeout=60)
    assert writer.returncode != 0  # the writer saw the failure: nothing more was "given"
    given = _given("".join(lines) + writer.stdout.read())
    assert len(given) >= CREATIONS // 2
    pg_server.start()  # crash recovery from the write-ahead log
    _all_open(url, given)


def test_two_processes_creating_at_once_never_share_an_id(url: str) -> None:
    open_store(url)
    # 200 creations each; users 101-200 are asked by both: one id each, the same for both.
    first, second = _writer(url, 1, CREATIONS), _writer(url, 101, CREATIONS)
    started = time.monotonic()
    outputs = [w.communicate(timeout=300) for w in (first, second)]
    assert time.monotonic() - started < 300
    for writer, (_, err) in zip((first, second), outputs):
        assert writer.returncode == 0, err
        assert err.strip() == ""
    a, b = _given(outputs[0][0]), _given(outputs[1][0])
    assert len(a) == len(b) == CREATIONS
    assert all(a[users] == b[users] for users in range(101, 201))
    ids = {**a, **b}
    assert len(set(ids.values())) == len(ids) == 300  # no id stands for two scenarios
    _all_open(url, ids)
