"""`python -m load.run`: keep N browser sessions busy on one server, then report.

For LOAD_SECONDS (default 120) every session, a headless Chromium context of
its own, opens a new link (a new Streamlit session each time), waits until the
run has finished and the Compare page is drawn with its 3 charts, and opens the
next. The server's RSS (VmRSS) and Streamlit's session counters
(/_stcore/metrics) are sampled every 2 s. Then every tab is closed and, after
LOAD_SETTLE_SECONDS (default 20), the server must hold no session. One Markdown
table is printed; the exit status is 1 only when a load failed (timeout,
traceback box, the app's failure box or a browser error on the way).

Settings (flag or environment variable): --seconds / LOAD_SECONDS,
--sessions / LOAD_SESSIONS (10), --browsers / LOAD_BROWSERS (2 Chromium processes
sharing the contexts: on 2 cores they drew 1.5 times the loads of one),
--settle / LOAD_SETTLE_SECONDS (20), --timeout / LOAD_TIMEOUT (180 s per load).

Streamlit keeps a closed tab's session for reconnection for
server.disconnectedSessionTTL (120 s by default) before dropping it, so memory
is not expected to fall within the settle time: the release shows in the
active_sessions gauge, and a steady RSS over a long run shows no leak.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from playwright.async_api import Error, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from harness.chromium import (
    BUSY_ARGS,
    CHROMIUM,
    CHROMIUM_ARGS,
    VIEWPORT,
    Watch,
    app_only,
    chromium_missing,
)
from harness.selectors import DRAWN, HEADLINE, drawn
from harness.served import Server, serve

from .links import Link, links

SAMPLE_S = 2.0
USERS_LABEL = "Staff who need services abroad"


def finished(link: Link) -> dict:
    """The "page drawn" check for this link: its run over, its users in the form (so the
    run is this link's), the headline and 3 charts drawn."""
    return drawn(3, present=(HEADLINE,), input_value=(USERS_LABEL, str(link.users)))


@dataclass
class Tally:
    seconds: list[float] = field(default_factory=list)  # per finished load
    failures: Counter = field(default_factory=Counter)
    failed_links: list[str] = field(default_factory=list)
    watch: Watch = field(default_factory=Watch)  # dialogs and page errors

    def fail(self, kind: str, link: Link) -> None:
        self.failures[kind] += 1
        self.failed_links.append(f"{kind}: ?{link.query}")


@dataclass
class Samples:
    start: float
    rss: list[tuple[float, float]] = field(default_factory=list)  # (s since start, MB)
    active: list[tuple[float, float]] = field(default_factory=list)


def setting(flag: int | None, name: str, default: int) -> int:
    if flag is not None:
        return flag
    return int(os.environ.get(name, default))


def log(message: str) -> None:
    print(f"[load] {message}", flush=True)


async def sample(server: Server, samples: Samples, stop: asyncio.Event) -> None:
    while not stop.is_set():
        now = time.monotonic() - samples.start
        rss = server.rss_mb()
        if rss is not None:
            samples.rss.append((now, rss))
        counters = await asyncio.to_thread(server.sessions)
        if counters and "active_sessions" in counters:
            samples.active.append((now, counters["active_sessions"]))
        try:
            await asyncio.wait_for(stop.wait(), timeout=SAMPLE_S)
        except TimeoutError:
            pass


async def new_context(browser, server: Server, tally: Tally):
    """A context that reaches only the app; dialogs and page errors are counted."""
    context = await browser.new_context(viewport=VIEWPORT)
    await context.route("**/*", app_only(server.url))
    page = await context.new_page()
    page.on("dialog", tally.watch.on_dialog)
    page.on("pageerror", tally.watch.on_page_error)
    return context, page


async def load_once(page, server: Server, link: Link, timeout_ms: int, tally: Tally) -> None:
    try:
        await page.goto(f"{server.url}/?{link.query}", wait_until="commit", timeout=timeout_ms)
        handle = await page.wait_for_function(DRAWN, arg=finished(link), polling=100,
                                              timeout=timeout_ms)
        outcome = await handle.json_value()
    except PlaywrightTimeout:
        tally.fail("timeout", link)
        return
    except Error as error:
        tally.fail(f"browser error ({str(error).splitlines()[0][:80]})", link)
        return
    if outcome["state"] != "done":
        tally.fail(outcome["state"], link)
        return
    tally.seconds.append(outcome["ms"] / 1000)


async def session(page, server: Server, stream: Iterator[Link], deadline: float,
                  timeout_ms: int, tally: Tally) -> None:
    while time.monotonic() < deadline:
        await load_once(page, server, next(stream), timeout_ms, tally)


def server_cpu(start: float | None, end: float | None, seconds: float, loads: int) -> str:
    if start is None or end is None or not loads:
        return "n/a"
    used = end - start
    return f"{used:.0f} s ({used / loads:.2f} s a load; {100 * used / seconds:.0f}% of one core)"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def slope_per_minute(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) points, in MB per minute."""
    if len(points) < 3:
        return float("nan")
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return 60 * sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else float("nan")


async def run(seconds: int, sessions: int, browsers: int, settle: int,
              timeout_ms: int) -> int:
    if chromium_missing():
        log(chromium_missing())
        return 2
    stream = links()
    tally = Tally()
    load_before = os.getloadavg()[0]
    with serve() as server:
        rss_idle = server.rss_mb()
        log(f"server {server.url} (pid {server.pid}), RSS {rss_idle:.0f} MB idle")
        async with async_playwright() as playwright:
            chromes = [await playwright.chromium.launch(executable_path=CHROMIUM,
                                                        args=CHROMIUM_ARGS + BUSY_ARGS)
                       for _ in range(browsers)]
            # One load before the clock starts: imports and first compiles are not a link's cost.
            context, page = await new_context(chromes[0], server, tally)
            await load_once(page, server, next(stream), timeout_ms, tally)
            await context.close()
            warmup_failed = sum(tally.failures.values())
            tally = Tally(failures=Counter({"warm-up": warmup_failed}) if warmup_failed
                          else Counter())
            opened = [await new_context(chromes[i % browsers], server, tally)
                      for i in range(sessions)]

            samples = Samples(start=time.monotonic())
            stop = asyncio.Event()
            sampler = asyncio.create_task(sample(server, samples, stop))
            rss_start = server.rss_mb()
            cpu_start = server.cpu_seconds()
            log(f"{sessions} sessions ({browsers} browser(s)) for {seconds} s; "
                f"RSS {rss_start:.0f} MB after the warm-up load")
            deadline = time.monotonic() + seconds
            await asyncio.gather(*(session(page, server, stream, deadline, timeout_ms, tally)
                                   for _, page in opened))
            ran_for = time.monotonic() - samples.start
            load_end = ran_for
            before = await asyncio.to_thread(server.sessions) or {}
            rss_load_end = server.rss_mb()
            cpu_end = server.cpu_seconds()
            load_after = os.getloadavg()[0]
            log(f"load over after {ran_for:.0f} s: {len(tally.seconds)} loads; closing tabs")
            for context, _ in opened:
                await context.close()
            for chrome in chromes:
                await chrome.close()
        await asyncio.sleep(settle)
        after = await asyncio.to_thread(server.sessions) or {}
        rss_end = server.rss_mb()
        stop.set()
        await sampler
        problems = server.log_problems()

    failures = sum(tally.failures.values())
    during = [mb for t, mb in samples.rss if t <= load_end]
    second_half = [(t, mb) for t, mb in samples.rss if load_end / 2 <= t <= load_end]
    slope = slope_per_minute(second_half)
    mid_to_end = (second_half[-1][1] - second_half[0][1]) if len(second_half) >= 2 else 0.0
    level = abs(slope) <= 5.0
    peak_sessions = max((n for _, n in samples.active), default=float("nan"))
    times = tally.seconds
    kinds = ", ".join(f"{kind} {n}" for kind, n in tally.failures.items()) or "none"

    def mb(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.0f} MB"

    def count(counters: dict[str, float], key: str) -> str:
        return f"{counters[key]:.0f}" if key in counters else "n/a"

    rows = [
        ("sessions", f"{sessions} headless Chromium contexts in {browsers} browser(s), "
                     f"each opening a new link (a new server session) after every load"),
        ("duration", f"{ran_for:.0f} s of load (LOAD_SECONDS={seconds}; loads under way at "
                     "the end finish), then tabs closed"),
        ("loads done", f"{len(times)} ({len(times) / ran_for * 60:.0f} a minute)"),
        ("failures", f"**{failures}** ({kinds})"),
        ("time to finished run, p50", f"{percentile(times, 50):.2f} s"),
        ("time to finished run, p95", f"{percentile(times, 95):.2f} s"),
        ("time to finished run, max", f"{max(times, default=float('nan')):.2f} s"),
        ("server CPU during the load", server_cpu(cpu_start, cpu_end, ran_for, len(times))),
        ("dialogs / browser page errors",
         f"{len(tally.watch.dialogs)} / {len(tally.watch.errors)}"),
        ("server RSS: idle / after warm-up", f"{mb(rss_idle)} / {mb(rss_start)}"),
        ("server RSS: peak during load", mb(max(during, default=None))),
        ("server RSS: end of load / after close + settle", f"{mb(rss_load_end)} / {mb(rss_end)}"),
        ("RSS trend, second half of the load",
         f"{slope:+.1f} MB/min (least squares over {len(second_half)} samples; "
         f"{mid_to_end:+.0f} MB from mid-run to end): {'level' if level else 'GROWING'}"),
        ("active sessions: peak during load", f"{peak_sessions:.0f}"),
        ("active sessions: before close / after close + settle",
         f"{count(before, 'active_sessions')} / {count(after, 'active_sessions')} "
         f"({settle} s after closing the tabs)"),
        ("session connects / disconnects (server counters; the warm-up's one included)",
         f"{count(after, 'session_events_total:connect')} / "
         f"{count(after, 'session_events_total:disconnect')}"),
        ("errors in the server log", str(len(problems))),
        ("machine", f"{os.cpu_count()} CPUs; load average (1 min) {load_before:.1f} before, "
                    f"{load_after:.1f} at the end of the load"),
    ]
    print()
    print("| measure | value |")
    print("|---|---|")
    for name, value in rows:
        print(f"| {name} | {value.replace('|', '/')} |")
    print()
    print("Time to finished run: from navigation start to the first check (every 100 ms) "
          "where the run is over, the form shows the link's users and the headline and 3 "
          "charts are drawn; the page's own clock. RSS: VmRSS of the server process, "
          f"sampled every {SAMPLE_S:.0f} s. Sessions: Streamlit's active_sessions gauge "
          "(/_stcore/metrics). 'level' = the second half's RSS slope is within ±5 MB/min.")
    if not level and ran_for < 360:
        print("- RSS still rising in a short run is expected: Streamlit keeps every closed "
              "session for 120 s (server.disconnectedSessionTTL) and the comparison cache fills "
              "up to 16 entries; a 7-minute run (LOAD_SECONDS=420) shows whether it levels off.")
    for line in tally.failed_links[:20]:
        print(f"- failed: {line[:300]}")
    for line in tally.watch.errors[:10]:
        print(f"- browser {line[:200]}")
    for line in problems[:10]:
        print(f"- server log: {line[:300]}")
    released = after.get("active_sessions") == 0
    if not released:
        print("- the server still counts active sessions after the tabs were closed")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m load.run", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, help="length of the load (LOAD_SECONDS, 120)")
    parser.add_argument("--sessions", type=int, help="concurrent sessions (LOAD_SESSIONS, 10)")
    parser.add_argument("--browsers", type=int, help="Chromium processes (LOAD_BROWSERS, 2)")
    parser.add_argument("--settle", type=int, help="wait after closing (LOAD_SETTLE_SECONDS, 20)")
    parser.add_argument("--timeout", type=int, help="seconds per load (LOAD_TIMEOUT, 180)")
    args = parser.parse_args(argv)
    seconds = setting(args.seconds, "LOAD_SECONDS", 120)
    sessions = setting(args.sessions, "LOAD_SESSIONS", 10)
    browsers = max(1, min(setting(args.browsers, "LOAD_BROWSERS", 2), sessions))
    settle = setting(args.settle, "LOAD_SETTLE_SECONDS", 20)
    timeout_ms = 1000 * setting(args.timeout, "LOAD_TIMEOUT", 180)
    return asyncio.run(run(seconds, sessions, browsers, settle, timeout_ms))


if __name__ == "__main__":
    sys.exit(main())
