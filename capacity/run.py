"""`python -m capacity.run`: how many managers one server holds, measured without browsers.

Through Streamlit's agent API (switched on for these test servers alone, on
127.0.0.1; see capacity/agent.py), N sessions run at once for CAPACITY_SECONDS:
each opens a link of its own (load/links.py) at a random moment of the first
interval, then changes the staff number every CAPACITY_INTERVAL seconds; every
reply is the finished run. N = 1, 10, 50, 100 on one process, then on two
replicas behind deploy/'s nginx site (each session pinned to a replica by
cookie, as a sticky proxy would keep it). Reported per run: runs a second,
p50/p95/max time to a finished run, failures, server CPU and RSS, RSS per
session, and whether every session was released after the clients left.

Before that, single-session figures side by side with a one-line Streamlit app:
a new link, a rerun with nothing changed, the first link after a server start.
Our app runs as it ships, through deploy/serve.py, which warms it before the
server answers; the one-line app is a plain script, started unwarmed.

Settings (flag or environment variable): --sessions / CAPACITY_SESSIONS ("1,10,50,100"),
--seconds / CAPACITY_SECONDS (40), --interval / CAPACITY_INTERVAL (10),
--replicas / CAPACITY_REPLICAS ("1,2").
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.server import HELLO
from harness.nginx import nginx_proxy
from harness.served import Server, serve
from load.links import Link, links

from .agent import AGENT_OPTIONS, AgentError, open_link, rerun, set_value

HERE = Path(__file__).resolve().parent
SAMPLE_S = 2.0
RELEASE_TIMEOUT_S = 60


def log(message: str) -> None:
    print(f"[capacity] {message}", flush=True)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


@dataclass
class Deployment:
    """Where the clients send requests, and the server processes behind it."""

    url: str
    servers: list[Server]
    pinned: bool  # each client carries a cookie naming its replica

    def cookie(self, client: int) -> str | None:
        return f"replica={client % len(self.servers)}" if self.pinned else None

    def rss(self) -> float:
        return sum(s.rss_mb() or 0.0 for s in self.servers)

    def cpu(self) -> float:
        return sum(s.cpu_seconds() or 0.0 for s in self.servers)

    def active(self) -> float:
        return sum((s.sessions() or {}).get("active_sessions", 0.0) for s in self.servers)


@dataclass
class Tally:
    opens: list[float] = field(default_factory=list)
    changes: list[float] = field(default_factory=list)
    failures: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            (self.opens if kind == "open" else self.changes).append(seconds)

    def fail(self, error: Exception) -> None:
        with self.lock:
            self.failures[str(error)[:60]] += 1


def client(deployment: Deployment, number: int, link: Link, start_at: float, deadline: float,
           interval: float, tally: Tally) -> None:
    cookie = deployment.cookie(number)
    time.sleep(max(0.0, start_at - time.monotonic()))
    try:
        reply = open_link(deployment.url, link.query, cookie)
    except AgentError as error:
        tally.fail(error)
        return
    tally.add("open", reply.seconds)
    value, step = link.users, 1
    while (due := start_at + step * interval) < deadline:
        time.sleep(max(0.0, due - time.monotonic()))
        value = value % 5000 + 1  # a value this session has not had: a run that computes
        try:
            tally.add("change", set_value(deployment.url, reply.session_id, "users", value,
                                          cookie).seconds)
        except AgentError as error:
            tally.fail(error)
        step += 1


def wait_released(deployment: Deployment) -> tuple[float, float]:
    """(active sessions left, seconds waited) once none is left or the wait is over."""
    start = time.monotonic()
    while (left := deployment.active()) and time.monotonic() - start < RELEASE_TIMEOUT_S:
        time.sleep(1.0)
    return left, time.monotonic() - start


def load_run(deployment: Deployment, sessions: int, seconds: float, interval: float,
             stream: Iterator[Link], rng: random.Random) -> dict[str, str]:
    tally = Tally()
    rss_start, cpu_start, load_start = deployment.rss(), deployment.cpu(), os.getloadavg()[0]
    begin = time.monotonic()
    deadline = begin + seconds
    peak = [rss_start]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(SAMPLE_S):
            peak.append(deployment.rss())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    threads = [threading.Thread(target=client, args=(
        deployment, n, next(stream), begin + rng.uniform(0, min(interval, seconds / 2)),
        deadline, interval, tally)) for n in range(sessions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - begin
    cpu = deployment.cpu() - cpu_start
    rss_held, active_held = deployment.rss(), deployment.active()
    load_end = os.getloadavg()[0]
    done.set()
    sampler.join()
    left, waited = wait_released(deployment)
    times = tally.opens + tally.changes
    runs = len(times)
    failures = sum(tally.failures.values())
    kinds = "; ".join(f"{kind} ×{n}" for kind, n in tally.failures.most_common(3))
    return {
        "sessions": str(sessions),
        "runs": f"{runs} ({len(tally.opens)} links, {len(tally.changes)} changes)",
        "runs/s": f"{runs / elapsed:.2f}",
        "p50": f"{percentile(times, 50):.2f} s",
        "p95": f"{percentile(times, 95):.2f} s",
        "max": f"{max(times, default=float('nan')):.2f} s",
        "p95 new link / change": f"{percentile(tally.opens, 95):.2f} / "
                                 f"{percentile(tally.changes, 95):.2f} s",
        "failures": f"{failures}" + (f" ({kinds})" if kinds else ""),
        "server CPU": f"{100 * cpu / elapsed:.0f}% of a core",
        "RSS start / peak / held": f"{rss_start:.0f} / {max(peak):.0f} / {rss_held:.0f} MB",
        "RSS per session": f"{(rss_held - rss_start) / sessions:.1f} MB",
        "sessions held / after": f"{active_held:.0f} / {left:.0f} ({waited:.0f} s)",
        "load avg": f"{load_start:.1f} → {load_end:.1f}",
        "_p95": f"{percentile(times, 95):.3f}",
        "_failures": str(failures),
    }


def single_session(urls: dict[str, str], stream: Iterator[Link], repeats: int = 9,
                   ) -> dict[str, dict[str, float]]:
    """Per server: the first link after its start, then (medians) a new link and a rerun
    with nothing changed. The servers take turns, so a change in the machine's load
    falls on all of them alike."""
    found: dict[str, dict[str, list[float]]] = {name: {} for name in urls}
    sessions = {}
    for name, url in urls.items():
        found[name]["first link"] = [open_link(url, next(stream).query).seconds]
    for _ in range(5):
        for name, url in urls.items():
            reply = open_link(url, next(stream).query)
            found[name].setdefault("new link", []).append(reply.seconds)
            sessions[name] = reply.session_id
    for _ in range(repeats):
        for name, url in urls.items():
            found[name].setdefault("rerun", []).append(rerun(url, sessions[name]).seconds)
    return {name: {k: statistics.median(v) for k, v in kinds.items()}
            for name, kinds in found.items()}


@contextlib.contextmanager
def hello_server() -> Iterator[Server]:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="capacity-hello-") as folder:
        Path(folder, "streamlit_app.py").write_text(HELLO)
        with serve("streamlit_app.py", Path(folder), AGENT_OPTIONS) as server:
            yield server


@contextlib.contextmanager
def deployment_of(replicas: int) -> Iterator[Deployment]:
    if replicas == 1:
        with serve(options=AGENT_OPTIONS) as server:
            yield Deployment(server.url, [server], pinned=False)
        return
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(serve(options=AGENT_OPTIONS)) for _ in range(replicas)]
        proxy = stack.enter_context(nginx_proxy([s.url for s in servers], pinnable=True))
        yield Deployment(proxy.url, servers, pinned=True)


def table(rows: list[dict[str, str]]) -> list[str]:
    columns = [c for c in rows[0] if not c.startswith("_")]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row[c] for c in columns) + " |" for row in rows]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m capacity.run",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", default=os.environ.get("CAPACITY_SESSIONS", "1,10,50,100"))
    parser.add_argument("--seconds", type=float,
                        default=float(os.environ.get("CAPACITY_SECONDS", 40)))
    parser.add_argument("--interval", type=float,
                        default=float(os.environ.get("CAPACITY_INTERVAL", 10)))
    parser.add_argument("--replicas", default=os.environ.get("CAPACITY_REPLICAS", "1,2"))
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.sessions.split(",")]
    modes = [int(n) for n in args.replicas.split(",")]
    stream, rng = links(seed=99), random.Random(7)
    out = [f"CPUs: {os.cpu_count()}; load average at the start {os.getloadavg()[0]:.1f}; "
           f"{args.seconds:.0f} s per run, a value changed every {args.interval:.0f} s.", ""]

    log("single session: the app (as it ships, and as plain app.py) and a one-line app, "
        "each on a fresh server")
    started: dict[str, float] = {}
    with contextlib.ExitStack() as stack:
        urls = {}
        for name, opened in (("ours", lambda: serve(options=AGENT_OPTIONS)),
                             ("plain", lambda: serve("app.py", options=AGENT_OPTIONS)),
                             ("floor", hello_server)):
            begin = time.monotonic()
            urls[name] = stack.enter_context(opened()).url
            started[name] = time.monotonic() - begin
        found = single_session(urls, stream)
    ours, plain, floor = found["ours"], found["plain"], found["floor"]
    out += ["| one session | this app (deploy/serve.py) | app.py, unwarmed | one-line app | "
            "ratio (this app ÷ one-line) |", "|---|---|---|---|---|"]
    for name in ("first link", "new link", "rerun"):
        label = {"first link": "first link after a server start",
                 "rerun": "rerun with nothing changed"}.get(name, name)
        out.append(f"| {label} | {ours[name]:.3f} s | {plain[name]:.3f} s | "
                   f"{floor[name]:.3f} s | {ours[name] / floor[name]:.1f}× |")
    out.append("| first link ÷ a later new link | " + " | ".join(
        f"{kind['first link'] / kind['new link']:.1f}×" for kind in (ours, plain, floor))
        + " | |")
    out.append("| server start to healthy (poll every 0.2 s) | " + " | ".join(
        f"{started[name]:.1f} s" for name in ("ours", "plain", "floor")) + " | |")
    out.append("")

    for replicas in modes:
        rows = []
        with deployment_of(replicas) as deployment:
            for replica in range(len(deployment.servers)):  # a first run on each, unclocked
                open_link(deployment.url, next(stream).query, deployment.cookie(replica))
            for sessions in counts:
                log(f"{replicas} process(es), {sessions} sessions for {args.seconds:.0f} s")
                rows.append(load_run(deployment, sessions, args.seconds, args.interval,
                                     stream, rng))
                log(" ".join(f"{k}={v}" for k, v in rows[-1].items() if not k.startswith("_")))
        title = ("one process" if replicas == 1
                 else f"{replicas} replicas behind nginx (deploy/nginx/connectivity.conf)")
        out += [f"**{title}**", ""] + table(rows) + [""]
        holding = [int(r["sessions"]) for r in rows
                   if float(r["_p95"]) < 2 and r["_failures"] == "0"]
        out.append(f"Largest N with p95 under 2 s and no failure: {max(holding, default=0)}")
        out.append("")
    text = "\n".join(out)
    print("\n" + text)
    (HERE / "results.md").write_text("# make capacity\n\n" + text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
