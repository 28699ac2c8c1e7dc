"""Time from opening a link in headless Chromium to the headline shown and all drawn.

The judged figure is when the Compare page's headline (the `####` line under the
title: the cheapest route, by how much, how often) is visible: on the page with
this link's text and laid out with a size (SHOWN in harness/selectors.py),
whether or not the script run has finished. The one-line app's text counts when its
run has finished and "hello" shows (DRAWN); so does the Compare page with all its
charts, a side figure timed in the same loads: the run has finished, no skeleton is
left and its 3 Vega-Lite charts have a canvas or svg with a size. Each figure is the
page's own clock (performance.now(), from the start of navigation) at the first
animation frame where it holds. Every load is a new session on a link not opened
before (users=40, 41, …), so our app computes its comparison each time; app and
one-liner take turns. Two kinds of load: a first visit (a fresh browser context,
nothing cached: the judged one, as a colleague opening a shared link) and one with
the browser's HTTP cache warm (a kept context, a new page). A third app with the
Compare page's kinds of element and nothing of ours (a title, a 3-row table, 3 tiny
Altair charts) shows what Streamlit itself costs.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from functools import cache

from connectivity import compare, parse_query, read_default
from connectivity.inputs.scenario import cap_trials
from connectivity.inputs.tablelink import table_for
from connectivity.views.compare import headline
from harness.selectors import DRAWN, MAIN, SHOWN, TITLE, drawn, shown

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
# What shows first, timed in the same loads: the one-liner's text and the same-elements
# app's title (the app's headline depends on the link: `app_headline`).
HELLO_SHOWN = shown(f"{MAIN} [data-testid='stMarkdownContainer']", "hello")
ELEMENTS_SHOWN = shown(TITLE, "Elements")


@cache
def app_headline(users: int) -> dict:
    """SHOWN's argument for the Compare page opened at ?users=N: its headline with the
    text the app computes for that link (the same steps as pages/_ui.py)."""
    table = read_default()
    scenario, _ = parse_query([("users", str(users))], table)
    scenario, _ = cap_trials(scenario, len(table_for(scenario.table, table)))
    return shown(text=headline(compare(table, scenario, keep_components=False)))


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


@dataclass
class Load:
    """One load, in seconds from navigation start: the first element shown (SHOWN),
    everything drawn (DRAWN) and the first script run's end."""

    shown: float
    drawn: float
    run_over: float


def _wait(page, url: str, predicate: str, want: dict) -> float:
    outcome = page.wait_for_function(predicate, arg=want, polling="raf",
                                     timeout=TIMEOUT_MS).json_value()
    if outcome["state"] != "done":
        raise RuntimeError(f"{url} showed {outcome['state']}")
    return float(outcome["ms"]) / 1e3


def time_link(context, url: str, first: dict, want: dict) -> Load:
    """One load on a new page: when `first` shows (SHOWN), when `want` holds (DRAWN)."""
    page = context.new_page()
    try:
        page.add_init_script(RUN_WATCH)
        page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
        seen = _wait(page, url, SHOWN, first)
        done = _wait(page, url, DRAWN, want)
        run_end = page.evaluate("window.__benchRunEnd")
        return Load(seen, done, float(run_end) / 1e3 if run_end is not None else float("nan"))
    finally:
        page.close()


def time_first_visit(browser, url: str, first: dict, want: dict) -> Load:
    """A first visit: a fresh context, so nothing cached (every script chunk fetched)."""
    context, _ = new_page(browser, url)
    try:
        return time_link(context, url, first, want)
    finally:
        context.close()


@dataclass
class Series:
    """Loads of one app."""

    loads: list[Load] = field(default_factory=list)

    @property
    def shown(self) -> float:
        return statistics.median(load.shown for load in self.loads)

    @property
    def drawn(self) -> float:
        return statistics.median(load.drawn for load in self.loads)

    @property
    def run_over(self) -> float:
        return statistics.median(load.run_over for load in self.loads)


def run(runs: int = RUNS) -> list[Row]:
    # Each app's (first shown, drawn) arguments for a link's users; the app's headline
    # text follows from the link, computed here before any timing.
    wants = {"app": lambda users: (app_headline(users), APP_DRAWN),
             "hello": lambda users: (HELLO_SHOWN, HELLO_DRAWN),
             "elements": lambda users: (ELEMENTS_SHOWN, APP_DRAWN)}
    for users in (39, 59, *range(40, 40 + runs), *range(60, 60 + WARM_RUNS)):
        app_headline(users)
    with streamlit(ENTRY, ROOT) as (app_url, _), hello_app() as (hello_url, _), \
            elements_app() as (elements_url, _), chromium() as browser:
        apps = {"app": app_url, "hello": hello_url, "elements": elements_url}
        # The first load after a start: the entry has warmed the app (imports, compiling),
        # the one-line apps have not. Not a link's cost.
        first = {name: time_first_visit(browser, f"{url}/?users=39", *wants[name](39)).drawn
                 for name, url in apps.items()}
        progress("browser: first load after server start (not counted): " + ", ".join(
            f"{name} {ms(seconds)}" for name, seconds in first.items()))
        fresh = {name: Series() for name in apps}
        cached = {name: Series() for name in ("app", "hello")}
        kept = {name: new_page(browser, apps[name])[0] for name in cached}
        for name in cached:  # fill the kept contexts' HTTP caches
            time_link(kept[name], f"{apps[name]}/?users=59", *wants[name](59))
        for i in range(runs):
            for name, url in apps.items():
                fresh[name].loads.append(time_first_visit(
                    browser, f"{url}/?users={40 + i}", *wants[name](40 + i)))
                if name in cached and i < WARM_RUNS:
                    cached[name].loads.append(time_link(
                        kept[name], f"{url}/?users={60 + i}", *wants[name](60 + i)))
            app = fresh["app"].loads[-1]
            progress(f"browser run {i + 1}/{runs}: first visit: app headline {ms(app.shown)}, "
                     f"charts {ms(app.drawn)} (run over at {ms(app.run_over)}), one-line "
                     f"{ms(fresh['hello'].loads[-1].drawn)}, same elements "
                     f"{ms(fresh['elements'].loads[-1].drawn)}" + (
                         f"; browser cache warm: app headline "
                         f"{ms(cached['app'].loads[-1].shown)}, charts "
                         f"{ms(cached['app'].loads[-1].drawn)}, one-line "
                         f"{ms(cached['hello'].loads[-1].drawn)}" if i < WARM_RUNS else ""))
        for context in kept.values():
            context.close()

    def hello_row(label: str, series: Series, note: str) -> Row:
        return Row("browser", f"one-line app, {label}: link opened → text drawn",
                   ms(series.drawn), notes=f"st.write('hello'); {note}; its text visible at "
                   f"{ms(series.shown)}, its run over at {ms(series.run_over)}; median of "
                   f"{len(series.loads)}")

    def headline_row(label: str, series: Series, hello: Series, judged: bool) -> Row:
        ratio = series.shown / hello.drawn
        return Row("browser", f"app, {label}: link opened → headline visible", ms(series.shown),
                   ratio=f"{ratio:.2f}× one-line",
                   target=f"≤ {TARGET}× one-line" if judged else "",
                   verdict=verdict(ratio <= TARGET) if judged else "",
                   notes="Compare page's headline (the cheapest route, by how much, how often) "
                         "on the page with this link's text and a size, run over or not; "
                         "20,000 trials, a link not opened before (comparison computed); its "
                         f"run over at {ms(series.run_over)}; ratio to the one-line app's text "
                         f"drawn; median of {len(series.loads)}")

    def charts_row(label: str, series: Series, hello: Series) -> Row:
        ratio = series.drawn / hello.drawn
        return Row("browser", f"app, {label}: link opened → 3 charts drawn", ms(series.drawn),
                   ratio=f"{ratio:.2f}× one-line",
                   notes=f"the same loads as the headline's; its run over at "
                         f"{ms(series.run_over)}, the rest is drawing; median of "
                         f"{len(series.loads)}")

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
                  f"title visible at {ms(elements.shown)}, its run over at "
                  f"{ms(elements.run_over)}; median of {runs}"),
        headline_row("first visit", fresh["app"], fresh["hello"], judged=True),
        charts_row("first visit", fresh["app"], fresh["hello"]),
        hello_row("browser cache warm", cached["hello"], warm_note),
        headline_row("browser cache warm", cached["app"], cached["hello"], judged=False),
        charts_row("browser cache warm", cached["app"], cached["hello"]),
    ]
