"""Debian's PostgreSQL on 127.0.0.1, in a temporary folder, started and stopped by a test.

As root, the server runs as `nobody` (PostgreSQL refuses to run as root). Trust
authentication on the loopback only: the cluster lives for one test and holds
nothing else. `kill()` sends SIGKILL to the server, `start()` brings it back on
the same folder (crash recovery replays its write-ahead log).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .ready import DidNotStart, tail, wait_until_ready
from .server import free_port, stop_process

START_TIMEOUT_S = 60
USER = "links"  # the cluster's superuser, as in the store URL


def bin_dir() -> Path:
    """The newest Debian PostgreSQL's bin folder; `make postgresql` installs it."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if not found:
        raise FileNotFoundError("Debian's PostgreSQL is missing (/usr/lib/postgresql/*/bin): "
                                "`make postgresql` installs it")
    return Path(found[-1]).parent


def _demote() -> dict:
    """Popen arguments that run a program as `nobody` when we are root."""
    if os.geteuid() != 0:
        return {}
    nobody = pwd.getpwnam("nobody")
    return {"user": nobody.pw_uid, "group": nobody.pw_gid, "extra_groups": []}


class Postgres:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.bin = bin_dir()
        self.process: subprocess.Popen | None = None
        self.url = f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/postgres"

    def init(self) -> None:
        done = subprocess.run(
            [str(self.bin / "initdb"), "-D", str(self.data), "-U", USER, "--auth=trust",
             "--no-instructions", "-E", "UTF8", "--locale=C"],
            capture_output=True, text=True, timeout=120, check=False, **_demote())
        if done.returncode:
            raise RuntimeError(f"initdb failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> None:
        log = open(self.folder / "postgres.log", "ab")  # the server writes to it
        self.process = subprocess.Popen(
            [str(self.bin / "postgres"), "-D", str(self.data), "-h", "127.0.0.1",
             "-p", str(self.port), "-k", str(self.folder), "-c", "max_connections=60"],
            stdout=log, stderr=subprocess.STDOUT, **_demote())
        log.close()
        try:
            wait_until_ready(self.process, self.ready, "PostgreSQL",
                             log=lambda: tail(self.folder / "postgres.log"),
                             timeout_s=START_TIMEOUT_S)
        except DidNotStart:
            self.stop()
            raise

    def empty_url(self) -> str:
        """The server's database, emptied of every table: one test's store at a time.

        (A database per test would be cleaner, but each costs a checkpoint's fsync at
        shutdown: bench/results.md, "Figures behind the code".)
        """
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=USER, dbname="postgres",
                             autocommit=True) as connection:
            connection.execute("DROP SCHEMA public CASCADE")
            connection.execute("CREATE SCHEMA public")
        return self.url

    def ready(self) -> bool:
        done = subprocess.run([str(self.bin / "pg_isready"), "-q", "-h", "127.0.0.1",
                               "-p", str(self.port), "-U", USER, "-d", "postgres"],
                              timeout=10, check=False)
        return done.returncode == 0

    def kill(self) -> None:
        """SIGKILL the server: what a crash or the OOM killer does."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None
        # The backends notice their postmaster is gone and leave; wait for them so the
        # restart does not find the shared memory still in use.
        deadline = time.monotonic() + 20
        while _backends(self.data) and time.monotonic() < deadline:
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process(self.process, signal.SIGINT, timeout_s=20)  # fast shutdown
        self.process = None


def _backends(data: Path) -> bool:
    needle = str(data)
    for proc in Path("/proc").glob("[0-9]*"):
        with contextlib.suppress(OSError):
            if needle.encode() in (proc / "cmdline").read_bytes():
                return True
    return False


@contextlib.contextmanager
def postgres() -> Iterator[Postgres]:
    """A fresh PostgreSQL cluster on 127.0.0.1 and a free port; removed after."""
    folder = Path(tempfile.mkdtemp(prefix="pg-"))
    try:
        if os.geteuid() == 0:
            nobody = pwd.getpwnam("nobody")
            os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        server = Postgres(folder)
        server.init()
        server.start()
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
