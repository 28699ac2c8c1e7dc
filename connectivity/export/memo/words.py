"""The memo's sentences and table cells, in plain words and the scenario's currency."""

from __future__ import annotations

import csv
import io

from ...inputs.cells import fmt
from ...model.compare import Result
from ...model.sensitivity import Tornado
from ...schema.columns import COLUMN_BY_NAME, RANGES, WORDS, words
from ...schema.currency import CURRENCY_BY_CODE
from ...schema.params import PARAMS
from ...views.format import money, money_range, pct
from ...views.labels import LEGAL_WORDS, REACH_WORDS, route_labels
from ...views.story import breakeven_sentence, mover_sentence, swing_words
from ..csv import comparison_csv

# The results a reader checks against the CSV, as the CSV writes them.
CSV_FIGURES = (("expected_total_usd", "Expected total (USD, as in the CSV)"),
               ("npv_usd", "NPV (USD, as in the CSV)"))
# Rows of the assumptions table: a column, or a range stem shown as "low–high".
ASSUMPTION_ROWS: tuple[tuple[str, str], ...] = (
    *((c, words(c)) for c in ("setup_usd", "monthly_usd", "per_mbps_usd", "per_user_usd",
                              "min_term_months", "lead_time_weeks")),
    *((stem, f"{words(stem, unit=False)} ("
             + (f"{WORDS[stem][1]}, " if WORDS[stem][1] else "") + "90% range)")
      for stem, _, _ in RANGES),
    ("latency_ms", words("latency_ms")),
)
STEMS = {stem for stem, _, _ in RANGES}
EDITED = "*"


def status_words(legal_status: str, reach: str) -> str:
    """The pages' words for a route's legal status and reach, in one cell."""
    return (f"{LEGAL_WORDS.get(legal_status, legal_status)}; "
            f"{REACH_WORDS.get(reach, reach).lower()}")


def _plural(count: float, one: str, many: str) -> str:
    return f"{fmt(count)} {one if count == 1 else many}"


def scenario_line(result: Result) -> str:
    """The scenario in one sentence."""
    s = result.scenario
    labels = dict(zip(result.table["option_id"], route_labels(result.table)))
    text = (f"{_plural(s.sites, 'office', 'offices')} in mainland China, "
            f"{_plural(s.users, 'person', 'people')} who need services abroad, "
            f"{fmt(s.mbps)} Mbps per office; staff time at {money(s.hourly_usd, s)} an hour, "
            f"{fmt(s.hours_month)} hours a month, {fmt(s.dependency_pct)}% of it depending "
            f"on services abroad; compared over {_plural(s.horizon_months, 'month', 'months')}, "
            f"discounted at {fmt(s.discount_pct)}% a year; in use today: "
            f"{labels.get(s.status_quo, s.status_quo)}.")
    if s.currency != "USD":
        text += (f" Amounts in {CURRENCY_BY_CODE[s.currency].name} at {fmt(s.fx_rate)} per "
                 "US dollar; the CSV and the options table (page 2) stay in US dollars.")
    return text


def has_regret(result: Result) -> bool:
    return "expected_regret_usd" in result.comparison.columns


def ranked_rows(result: Result) -> tuple[list[str], list[list[str]], list[int]]:
    """Headings, one row of cells per route (cheapest first) and the routes' positions."""
    c, s = result.comparison, result.scenario
    labels = route_labels(result.table)
    head = ["#", "Route", "Legal status and reach", "Expected total", "NPV",
            "10th–90th percentile", "Cheapest in"]
    if has_regret(result):
        head.append("Expected regret")
    order = list(c.sort_values("rank", kind="stable").index)
    rows = []
    for i in order:
        row = c.loc[i]
        cells = [str(int(row["rank"])), labels[i],
                 status_words(row["legal_status"], row["reach"]),
                 money(row["expected_total_usd"], s), money(row["npv_usd"], s),
                 money_range(row["p10_usd"], row["p90_usd"], s),
                 pct(row["prob_lowest_cost"])]
        if has_regret(result):
            cells.append(money(row["expected_regret_usd"], s))
        rows.append(cells)
    return head, rows, order


def mover_lead(t: Tornado, labels: list[str], result: Result, listed: bool = True) -> str:
    """The margin, the input that moves it most and break-even; `listed`: lines follow."""
    s = result.scenario
    # The headline above already says by how much the winner leads.
    return (f"{mover_sentence(t, s)} "
            f"{breakeven_sentence(result.breakeven, labels, s.horizon_months)}"
            + (" The lead as each input swings across its range:" if listed else ""))


def short(text: str, limit: int) -> str:
    """Text cut to `limit` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def mover_lines(t: Tornado, labels: list[str], result: Result, top: int = 3) -> list[str]:
    """The inputs that move the winner's lead most, one line each."""
    s = result.scenario
    if not t.swings or not labels:
        return []
    lines = []
    for w in t.swings[:top]:
        label, low, high = swing_words(w, s)  # the Sensitivity page's words and currency
        text = (f"{label}, {low} to {high}: the lead goes from "
                f"{money_range(w.low_margin, w.high_margin, s)}")
        if min(w.low_margin, w.high_margin) < 0:
            text += f" ({labels[t.runner_up]} wins at one end)"
        lines.append(text + ".")
    return lines


def csv_figures(result: Result) -> list[tuple[str, list[str]]]:
    """Rows of each route's results exactly as the CSV download writes them (US dollars)."""
    text = comparison_csv(result.comparison).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    return [(label, [r[column] for r in rows]) for column, label in CSV_FIGURES]


def scenario_values(result: Result) -> list[tuple[str, str]]:
    s = result.scenario
    labels = dict(zip(result.table["option_id"], route_labels(result.table)))
    pairs = []
    for p in PARAMS:
        value = getattr(s, p.name)
        if p.name == "status_quo":  # a narrow cell: a long name is cut, the id is kept whole
            shown = value if value not in labels else short(labels[value], 24)
        elif isinstance(value, (int, float)):
            shown = f"{value:,}" if isinstance(value, int) and value >= 10_000 else fmt(value)
        else:
            shown = str(value)
        pairs.append((p.label, shown))
    return pairs


def _number(value: object) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if number != number:  # NaN: an optional cell left empty
        return "–"
    return f"{number:,.0f}" if number.is_integer() and abs(number) >= 10_000 else fmt(number)


def assumption_rows(result: Result) -> list[tuple[str, list[str]]]:
    """Each route's options-table values, edited cells marked with EDITED."""
    edited = {(o, c) for o, c, _ in result.scenario.overrides}
    records = result.table.to_dict("records")
    out = []
    for key, label in ASSUMPTION_ROWS:
        cells = []
        for r in records:
            if key in STEMS:
                low, high = r[f"{key}_low"], r[f"{key}_high"]
                text = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
                mark = {(r["option_id"], f"{key}_low"), (r["option_id"], f"{key}_high")} & edited
            else:
                text = _number(r[key]) if key in COLUMN_BY_NAME else ""
                mark = (r["option_id"], key) in edited
            cells.append(text + (f" {EDITED}" if mark else ""))
        out.append((label, cells))
    return out


def edits(result: Result) -> list[str]:
    """Each edited cell in words: route, column, value in use."""
    labels = dict(zip(result.table["option_id"], route_labels(result.table)))
    return [f"{labels.get(o, o)}: {c} = {_number(v) if not isinstance(v, str) else v}"
            for o, c, v in result.scenario.overrides]


def table_source(result: Result) -> str:
    n = len(result.table)
    routes = _plural(n, "route", "routes")
    if result.scenario.table:
        return (f"Options table: a table of your own ({routes}), uploaded and carried in the "
                "share link.")
    return f"Options table: the calculator's default table ({routes}), with sources below."
