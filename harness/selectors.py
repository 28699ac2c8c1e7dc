"""The app's DOM as the tests, the benchmark and the load test read it: one place."""

from __future__ import annotations

from typing import Any

MAIN = "[data-testid='stMain']"
SIDEBAR = "[data-testid='stSidebar']"
TITLE = f"{MAIN} h1"
HEADLINE = f"{MAIN} [data-testid='stMarkdownContainer'] h4"
METRIC = f"{MAIN} [data-testid='stMetric']"
METRIC_LABEL = f"{MAIN} [data-testid='stMetricLabel']"
METRIC_VALUE = f"{MAIN} [data-testid='stMetricValue']"
CAPTION = f"{MAIN} [data-testid='stCaptionContainer']"
ALERT = f"{MAIN} [data-testid='stAlert']"
CHART = f"{MAIN} [data-testid='stVegaLiteChart']"
DATAFRAME = f"{MAIN} [data-testid='stDataFrame']"
GRID = f"{MAIN} canvas[data-testid='data-grid-canvas']"
GRID_CELL = f"{DATAFRAME} table[role='grid'] td"
# Compare's key table: a plain HTML table (st.table), its cells real DOM text.
KEY_TABLE = f"{MAIN} .st-key-key_table table"
KEY_HEADER = f"{KEY_TABLE} th"
KEY_CELL = f"{KEY_TABLE} td"
# Every plain table's header cells (the grid's accessible table has role='grid').
TABLE_HEADER = f"{MAIN} table:not([role='grid']) th"
# The share box: the full link (in its expander) and, once made, the short link.
SHARE = f"{MAIN} .st-key-full_link [data-testid='stCode']"
SHORT_LINK = f"{MAIN} .st-key-short_link [data-testid='stCode']"
UPLOAD = f"{MAIN} [data-testid='stFileUploaderDropzoneInput']"
UPLOADER = f"{MAIN} [data-testid='stFileUploader']"
NOTICE = ".st-key-link_notices [data-testid='stAlert']"
NAV_LINK = "[data-testid='stSidebarNavLink']"
EXCEPTION = "[data-testid='stException']"
FAILURE = ".st-key-app_failure"
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
SKELETON = "[data-testid='stSkeleton']"
TOOLTIP = "#vg-tooltip-element"
DOWNLOAD = "Download the comparison (CSV)"
RUN_TIMEOUT_MS = 60_000


def sidebar_input(label: str) -> str:
    """The sidebar's input whose label (its aria-label) is `label`."""
    return f"{SIDEBAR} input[aria-label=\"{label}\"]"


# The "page drawn" check, for page.wait_for_function(DRAWN, arg=drawn(...)). False while
# the page is not there yet; {state: "done", ms} once it is (ms: the page's own clock since
# navigation start), or {state: "stException" | "app_failure"} when the app failed.
DRAWN = """(want) => {
  if (document.querySelector(want.exception)) return {state: "stException"};
  if (document.querySelector(want.failure)) return {state: "app_failure"};
  const app = document.querySelector("[data-testid='stApp']");
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (document.querySelector(want.skeleton)) return false;
  const main = document.querySelector(want.main);
  if (want.text && !(main && main.innerText.includes(want.text))) return false;
  for (const selector of want.present) {
    const found = document.querySelector(selector);
    if (!found || !found.innerText.trim()) return false;
  }
  if (want.input) {
    const box = document.querySelector(want.input[0]);
    if (!box || box.value !== want.input[1]) return false;
  }
  const charts = [...document.querySelectorAll(want.chart)];
  if (want.exact ? charts.length !== want.charts : charts.length < want.charts) return false;
  for (const chart of charts) {
    const drawn = chart.querySelector("canvas, svg.marks");
    if (!drawn) return false;
    const box = drawn.getBoundingClientRect();
    if (box.width <= want.minSize || box.height <= want.minSize) return false;
  }
  return {state: "done", ms: performance.now()};
}"""


def drawn(charts: int = 0, *, exact: bool = False, min_size: int = 0, text: str = "",
          present: tuple[str, ...] = (), input_value: tuple[str, str] | None = None,
          ) -> dict[str, Any]:
    """DRAWN's argument: the run is over, no skeleton is left, and

    - `charts` Vega-Lite charts (at least, or `exact`ly) each have a canvas or svg
      larger than `min_size` pixels both ways;
    - the main area shows `text`; every selector of `present` has some text;
    - `input_value` (label, value): the sidebar input with that label shows that value.
    """
    return {"exception": EXCEPTION, "failure": FAILURE, "skeleton": SKELETON, "main": MAIN,
            "chart": CHART, "charts": charts, "exact": exact, "minSize": min_size,
            "text": text, "present": list(present),
            "input": [sidebar_input(input_value[0]), input_value[1]] if input_value else None}


# The "element shown" check, for page.wait_for_function(SHOWN, arg=shown(...)): like
# DRAWN's test of a chart (an element with a size, in the main area), for one element and
# without waiting for the run to finish: an element of `selector` whose text includes
# `text` (or has any text), not left over from an earlier run (stale), laid out with a
# size. False until then; {state: "done", ms} once it holds, as DRAWN; {state:
# "stException" | "app_failure"} when the app failed.
SHOWN = """(want) => {
  if (document.querySelector(want.exception)) return {state: "stException"};
  if (document.querySelector(want.failure)) return {state: "app_failure"};
  for (const found of document.querySelectorAll(want.selector)) {
    const text = found.innerText;
    if (want.text ? !text.includes(want.text) : !text.trim()) continue;
    if (found.closest("[data-stale='true']")) continue;
    const box = found.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) return {state: "done", ms: performance.now()};
  }
  return false;
}"""


def shown(selector: str = HEADLINE, text: str = "") -> dict[str, Any]:
    """SHOWN's argument: an element of `selector` (by default the Compare page's
    headline) showing `text` (any text when empty) is on the page, laid out."""
    if not selector.startswith(MAIN):
        raise ValueError(f"{selector!r}: SHOWN looks in the main area only")
    return {"exception": EXCEPTION, "failure": FAILURE, "selector": selector, "text": text}
