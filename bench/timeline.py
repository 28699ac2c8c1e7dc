"""`python -m bench.timeline`: where a first visit's time to the headline goes.

Not part of `make bench` (no target, no table): a diagnostic. Opens links not opened
before (users=70, 71, …) in fresh browser contexts, taking turns with the one-line app,
and records on the page's own clock (performance.now(), from navigation start):

- the page's own loading: HTML received, DOMContentLoaded, the last script or style
  file received, Streamlit's health and host-config requests answered;
- the WebSocket: created, open, the first message sent (the rerun request), and each
  message received, named by what it carries (the first is new_session, sent when the
  script run starts; then the sidebar's header, its last widget, the page's title,
  the headline, …: marker texts found in the message's bytes);
- the first animation frame where each element is on the page with a size (the
  sidebar's header and form, the title, the headline, the first metric, the first
  chart drawn) and when the first run ends.

The gap between a message's arrival and its element's frame is what the frontend
adds; the gaps between messages are the server's script run as the browser sees it.
Prints the median of every event for each app. `--variant DIR` times another copy of
the app (its DIR/app.py) in the same turns: a way to try a reordered page before
changing the real one.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
from collections import defaultdict
from pathlib import Path

from .browser import TIMEOUT_MS, app_headline
from .report import progress
from .server import ENTRY, ROOT, chromium, hello_app, new_page, streamlit

# Texts whose bytes name a message (first match wins, in this order).
MARKERS = {
    "app": [
        ("sidebar header", "Your scenario"),
        ("sidebar: reset button (form's last widget)", "Reset to defaults"),
        ("sidebar: phone script (sidebar's last element)", "stSidebarCollapseButton"),
        ("spinner", "Simulating"),
        ("title", "Compare the routes"),
        ("headline", "costs least over"),
        ("whose numbers (after the tornado)", "Enter your quotes"),
        ("first chart spec", "vega-lite"),
        ("download button", "Download the comparison (CSV)"),
    ],
    "hello": [("text", "hello")],
}

# Elements, first frame with a size: (name, selector, text it must include or "").
PROBES = {
    "app": [
        ("sidebar header shown", "[data-testid='stSidebar'] h2", "Your scenario"),
        ("sidebar users input shown", "[data-testid='stSidebar'] input", ""),
        ("title shown", "[data-testid='stMain'] h1", "Compare the routes"),
        ("headline shown", "[data-testid='stMain'] [data-testid='stMarkdownContainer'] h4",
         "costs least over"),
        ("first metric shown", "[data-testid='stMain'] [data-testid='stMetricValue']", ""),
        ("first chart drawn", "[data-testid='stMain'] [data-testid='stVegaLiteChart'] "
         "canvas, [data-testid='stMain'] [data-testid='stVegaLiteChart'] svg.marks", ""),
    ],
    "hello": [
        ("text shown", "[data-testid='stMain'] [data-testid='stMarkdownContainer']", "hello"),
    ],
}

WATCH = """(([markers, probes]) => {
  const t = {events: {}, messages: [], longTasks: []};
  window.__timeline = t;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.longTasks.push([e.startTime, e.duration]);
    }).observe({type: "longtask", buffered: true});
  } catch (e) { /* no long-task timing in this browser */ }
  const once = (name) => { if (!(name in t.events)) t.events[name] = performance.now(); };
  const Native = window.WebSocket;
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    once("websocket created");
    ws.addEventListener("open", () => once("websocket open"));
    const send = ws.send.bind(ws);
    ws.send = (data) => { once("first message sent (rerun request)"); return send(data); };
    ws.addEventListener("message", async (event) => {
      const at = performance.now();
      const data = event.data instanceof Blob ? await event.data.arrayBuffer() : event.data;
      const bytes = new Uint8Array(data);
      let text = "";
      for (let i = 0; i < bytes.length; i += 8192)
        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
      const found = markers.find(([, marker]) => text.includes(marker));
      const name = t.messages.length === 0 ? "new_session (script run started)"
                   : found ? found[0] : "";
      t.messages.push([at, bytes.length, name]);
      if (name) once("message: " + name);
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, {CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3});
  let running = false;
  const frame = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (app) {
      once("stApp in the page");
      const state = app.getAttribute("data-test-script-state");
      if (state === "running") { running = true; once("script state running"); }
      else if (state === "notRunning" && running) once("first run over");
    }
    for (const [name, selector, text] of probes) {
      if (name in t.events) continue;
      for (const found of document.querySelectorAll(selector)) {
        if (text && !(found.innerText || "").includes(text)) continue;
        if (found.closest("[data-stale='true']")) continue;
        const box = found.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) { once(name); break; }
      }
    }
    if (!("first run over" in t.events) || probes.some(([n]) => !(n in t.events)))
      requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})"""

DONE = """(probes) => {
  const t = window.__timeline;
  return !!t && "first run over" in t.events && probes.every(([n]) => n in t.events);
}"""

LOADING = """() => {
  const out = {};
  const nav = performance.getEntriesByType("navigation")[0];
  out["HTML received"] = nav.responseEnd;
  out["DOMContentLoaded"] = nav.domContentLoadedEventEnd;
  let assets = 0;
  for (const r of performance.getEntriesByType("resource")) {
    if (/\\.(js|css)(\\?|$)/.test(r.name)) assets = Math.max(assets, r.responseEnd);
    if (r.name.includes("_stcore/health")) out["health answered"] = r.responseEnd;
    if (r.name.includes("_stcore/host-config")) out["host-config answered"] = r.responseEnd;
  }
  out["last script or style file received"] = assets;
  return out;
}"""


FILES = """() => performance.getEntriesByType("resource")
  .filter((r) => /\\.(js|css)(\\?|$)/.test(r.name))
  .map((r) => [r.startTime, r.responseEnd, r.name.split("/").pop()])"""


def one_load(browser, url: str, kind: str, users: int, headline: str, dump: str = "",
             ) -> dict[str, float]:
    """Every event of one first visit, in ms from navigation start (`kind`: "app" or
    "hello"); `dump` names the app when every message of this load is to be printed."""
    markers = [list(m) for m in MARKERS[kind]]
    probes = [[n, s, headline if n == "headline shown" else text] for n, s, text in PROBES[kind]]
    context, page = new_page(browser, url)
    try:
        page.add_init_script(f"{WATCH}({json.dumps([markers, probes])})")
        page.goto(f"{url}/?users={users}", wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_function(DONE, arg=probes, polling=100, timeout=TIMEOUT_MS)
        timeline = page.evaluate("window.__timeline")
        events = dict(timeline["events"])
        events.update(page.evaluate(LOADING))
        events["last message received"] = max(at for at, _, _ in timeline["messages"])
        events["messages received"] = len(timeline["messages"])
        if dump:
            print(f"\n{dump} ?users={users}: every message (ms, bytes, what)")
            for at, size, what in timeline["messages"]:
                print(f"  {at:8,.1f}  {size:7,}  {what}")
            print("  main thread's long tasks (start ms, duration ms): " + ", ".join(
                f"{start:,.0f}+{length:.0f}" for start, length in timeline["longTasks"]))
            print("  script and style files (start ms, end ms, name):")
            for start, end, file in page.evaluate(FILES):
                print(f"  {start:8,.1f}  {end:8,.1f}  {file}")
        return events
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.timeline", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--messages", action="store_true",
                        help="also print every message of each app's last load")
    parser.add_argument("--variant", action="append", default=[], metavar="DIR",
                        help="also time the app.py of DIR (say, a copy of this project with "
                             "a page reordered), taking turns with the others; repeatable")
    args = parser.parse_args(argv)
    users = [70 + i for i in range(args.runs)]
    texts = {u: app_headline(u)["text"] for u in (69, *users)}
    found: dict[str, defaultdict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with contextlib.ExitStack() as stack:
        urls = {"app": (stack.enter_context(streamlit(ENTRY, ROOT))[0], "app"),
                "hello": (stack.enter_context(hello_app())[0], "hello")}
        for folder in args.variant:
            served = stack.enter_context(streamlit("app.py", Path(folder).resolve()))
            urls[f"variant {Path(folder).name}"] = (served[0], "app")
        browser = stack.enter_context(chromium())
        for url, kind in urls.values():  # the first load after a start: not counted
            one_load(browser, url, kind, 69, texts[69])
        for i, u in enumerate(users):
            for name, (url, kind) in urls.items():
                dump = name if args.messages and i == args.runs - 1 else ""
                for event, at in one_load(browser, url, kind, u, texts[u], dump).items():
                    found[name][event].append(at)
            progress(f"timeline: load {i + 1}/{args.runs}")
    for name, events in found.items():
        print(f"\n{name}: median over {args.runs} first visits (ms from navigation start)")
        count = events.pop("messages received")
        print(f"  messages received: median {statistics.median(count):.0f}")
        for event, times in sorted(events.items(), key=lambda kv: statistics.median(kv[1])):
            spread = f"{min(times):,.0f}–{max(times):,.0f}"
            print(f"  {statistics.median(times):8,.0f}  ({spread:>13})  {event}")
    start = "message: new_session (script run started)"

    def since_start(events: dict[str, list[float]], event: str) -> float:
        """Per load, from the script run's start (as the browser hears of it): the
        page's own loading, which every app shares, left out."""
        return statistics.median(e - s for e, s in zip(events[event], events[start]))

    floor = statistics.median(found["hello"]["text shown"])
    print(f"\nheadline shown ÷ one-line text shown ({floor:,.0f} ms; "
          f"{since_start(found['hello'], 'text shown'):,.0f} ms after its run started):")
    for name, events in found.items():
        if "headline shown" in events:
            seen = statistics.median(events["headline shown"])
            print(f"  {name}: {seen:,.0f} ms, {seen / floor:.2f}×; "
                  f"{since_start(events, 'headline shown'):,.0f} ms after its run started "
                  f"(its message at {since_start(events, 'message: headline'):,.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
