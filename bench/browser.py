"""Time from opening a link in headless Chromium to everything drawn.

Our app's Compare page counts as drawn when the script run has finished, no
skeleton is left and its 3 Vega-Lite charts have a canvas or svg with a size;
the one-line app when its run has finished and "hello" shows. The figure is
the page's own clock (performance.now(), from the start of navigation) at the
first animation frame where that holds. Every load is a new session on a link not
opened before (users=40, 41, …), so our app computes its comparison each time;
app and one-liner take turns. Two kinds of load: a first visit (a fresh browser
context, nothing cached: the judged figure, as a colleague opening a shared
link) and one with the browser's HTTP cache warm (a kept context, a new page).
A third app with the Compare page's kinds of element and nothing of ours (a
title, a 3-row table, 3 tiny Altair charts) shows what Streamlit itself costs.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from tests.harness.selectors import DRAWN, drawn

from .report import Row, progress, verdict
from .server import ENTRY, ROOT, chromium, elements_app, hello_app, new_page, streamlit
from .timing import ms

RUNS = 5
WARM_RUNS = 3  # the browser-cache-warm loads: a side figure, fewer of them
TARGET = 1.5
TIMEOUT_MS = 60_000

# The app's Compare page: its 3 charts drawn; the one-liner: "hello" shows.
APP_DRAWN = drawn(3)
HELLO_DRAWN = drawn(text="hello")


# When the first script run ends (its state turns notRunning after running), by
# the page's clock: splits a load into "until the server's run is done" and
# "drawing after it".
RUN_WATCH = """(() => {
  window.__benchRunEnd = null;
  let running = false;
  new MutationObserver(() => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app || window.__benchRunEnd !== null) return;
    const state = app.getAttribute("data-test-script-state");
    if (state === "running") running = true;
    else if (state === "notRunning" && running) window.__benchRunEnd = performance.now();
  }).observe(document, {attributes: true, subtree: true, childList: true,
                        attributeFilter: ["data-test-script-state"]});
})();"""


def time_link(context, url: str, want: dict) -> tuple[float, float]:
    """Seconds from navigation start to `drawn` holding, and to the first run's end."""
    page = context.new_page()
    try:
        page.add_init_script(RUN_WATCH)
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        outcome = page.wait_for_function(DRAWN, arg=want, polling="raf",
                                         timeout=TIMEOUT_MS).json_value()
        if outcome["state"] != "done":
            raise RuntimeError(f"{url} showed {outcome['state']}")
        run_end = page.evaluate("window.__benchRunEnd")
        done = float(outcome["ms"]) / 1e3
        return done, float(run_end) / 1e3 if run_end is not None else float("nan")
    finally:
        page.close()


def time_first_visit(browser, url: str, want: dict) -> tuple[float, float]:
    """A first visit: a fresh context, so nothing cached (every script chunk fetched)."""
    context, _ = new_page(browser, url)
    try:
        return time_link(context, url, want)
    finally:
        context.close()


@dataclass
class Series:
    """Loads of one app: (drawn, run over) pairs."""

    loads: list[tuple[float, float]] = field(default_factory=list)

    @property
    def drawn(self) -> float:
        return statistics.median(d for d, _ in self.loads)

    @property
    def run_over(self) -> float:
        return statistics.median(r for _, r in self.loads)


def run(runs: int = RUNS) -> list[Row]:
    with streamlit(ENTRY, ROOT) as (app_url, _), hello_app() as (hello_url, _), \
            elements_app() as (elements_url, _), chromium() as browser:
        apps = {"app": (app_url, APP_DRAWN), "hello": (hello_url, HELLO_DRAWN),
                "elements": (elements_url, APP_DRAWN)}
        # The first load after a start: the entry has warmed the app (imports, compiling),
        # the one-line apps have not. Not a link's cost.
        first = {name: time_first_visit(browser, f"{url}/?users=39", want)[0]
                 for name, (url, want) in apps.items()}
        progress("browser: first load after server start (not counted): " + ", ".join(
            f"{name} {ms(seconds)}" for name, seconds in first.items()))
        fresh = {name: Series() for name in apps}
        cached = {name: Series() for name in ("app", "hello")}
        kept = {name: new_page(browser, apps[name][0])[0] for name in cached}
        for name in cached:  # fill the kept contexts' HTTP caches
            time_link(kept[name], f"{apps[name][0]}/?users=59", apps[name][1])
        for i in range(runs):
            for name, (url, want) in apps.items():
                fresh[name].loads.append(time_first_visit(browser, f"{url}/?users={40 + i}",
                                                          want))
                if name in cached and i < WARM_RUNS:
                    cached[name].loads.append(time_link(kept[name], f"{url}/?users={60 + i}",
                                                        want))
            (app, app_run) = fresh["app"].loads[-1]
            progress(f"browser run {i + 1}/{runs}: first visit: app {ms(app)} (run over at "
                     f"{ms(app_run)}), one-line {ms(fresh['hello'].loads[-1][0])}, same "
                     f"elements {ms(fresh['elements'].loads[-1][0])}" + (
                         f"; browser cache warm: app {ms(cached['app'].loads[-1][0])}, "
                         f"one-line {ms(cached['hello'].loads[-1][0])}" if i < WARM_RUNS else ""))
        for context in kept.values():
            context.close()

    def hello_row(label: str, series: Series, note: str) -> Row:
        return Row("browser", f"one-line app, {label}: link opened → text drawn",
                   ms(series.drawn), notes=f"st.write('hello'); {note}; its run over at "
                   f"{ms(series.run_over)}; median of {len(series.loads)}")

    def app_row(label: str, series: Series, hello: Series, judged: bool) -> Row:
        ratio = series.drawn / hello.drawn
        return Row("browser", f"app, {label}: link opened → 3 charts drawn", ms(series.drawn),
                   ratio=f"{ratio:.2f}× one-line",
                   target=f"≤ {TARGET}× one-line" if judged else "",
                   verdict=verdict(ratio <= TARGET) if judged else "",
                   notes=f"Compare page, 20,000 trials, a link not opened before (comparison "
                         f"computed); its run over at {ms(series.run_over)}, the rest is "
                         f"drawing; median of {len(series.loads)}")

    first_note = "a fresh browser context each time: nothing cached"
    warm_note = ("one context kept, a new page (new session) each time: scripts from the "
                 "HTTP cache")
    elements = fresh["elements"]
    return [
        hello_row("first visit", fresh["hello"], first_note
                  + f"; first load after start {ms(first['hello'])}"),
        Row("browser", "same-elements app, first visit: link opened → 3 charts drawn",
            ms(elements.drawn), ratio=f"{elements.drawn / fresh['hello'].drawn:.2f}× one-line",
            notes="Streamlit alone: a title, a 3-row st.dataframe, 3 tiny Altair charts; its "
                  f"run over at {ms(elements.run_over)}; median of {runs}"),
        app_row("first visit", fresh["app"], fresh["hello"], judged=True),
        hello_row("browser cache warm", cached["hello"], warm_note),
        app_row("browser cache warm", cached["app"], cached["hello"], judged=False),
    ]
