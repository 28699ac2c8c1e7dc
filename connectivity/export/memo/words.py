"""The memo's sentences and table cells, in plain words and the scenario's currency."""

from __future__ import annotations

from ...inputs.cells import fmt
from ...model.compare import Result
from ...model.sensitivity import Tornado
from ...views.format import money, money_range, pct, price
from ...views.labels import LEGAL_WORDS, REACH_WORDS, route_labels
from ...views.story import breakeven_sentence, mover_sentence, rate_sentence, swing_words


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
            f"{fmt(s.mbps)} Mbps per office; staff time at {price(s.hourly_usd, s)} an hour, "
            f"{fmt(s.hours_month)} hours a month, {fmt(s.dependency_pct)}% of it depending "
            f"on services abroad; compared over {_plural(s.horizon_months, 'month', 'months')}, "
            f"discounted at {fmt(s.discount_pct)}% a year; in use today: "
            f"{labels.get(s.status_quo, s.status_quo)}.")
    if s.currency != "USD":
        text += " " + rate_sentence(s) + " The CSV keeps US dollars."
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
