"""Plain-words summaries of a Result, for the headline and under each chart."""

from __future__ import annotations

from .breakeven import crossings, cumulative
from .charts import route_labels
from .compare import Result
from .money import month, pct, usd


def _ranked(result: Result) -> list[int]:
    return list(result.comparison.sort_values("rank").index)


def headline(result: Result) -> str:
    """Which route costs least, by how much against the runner-up, and how often."""
    c, labels = result.comparison, route_labels(result.table)
    order = _ranked(result)
    best = order[0]
    text = (f"{labels[best]} costs least over {result.scenario.horizon_months} months: "
            f"{usd(c.at[best, 'expected_total_usd'])} expected")
    if len(order) > 1:
        second = order[1]
        gap = c.at[second, "expected_total_usd"] - c.at[best, "expected_total_usd"]
        text += f", {usd(gap)} less than the runner-up, {labels[second]}"
    share = c.at[best, "prob_lowest_cost"]
    return text + f". It is the cheapest route in {pct(share)} of simulated futures."


def caveat(result: Result) -> str | None:
    """What a manager must know about the winner before acting on it."""
    best = _ranked(result)[0]
    row = result.comparison.loc[best]
    notes = []
    if row["legal_status"] == "unauthorised":
        notes.append("it is not an authorised route: the enforcement risk is priced in as "
                     "incidents, but it can end at any time")
    elif row["legal_status"] == "pilot":
        notes.append("it is a pilot scheme, open only to firms in the pilot zone and liable "
                     "to change")
    if row["reach"] == "hq_only":
        notes.append("it reaches only your head office abroad, not Gmail, Google or other "
                     "foreign sites directly")
    elif row["reach"] == "domestic_only":
        notes.append("it reaches no services abroad by legal means")
    if not notes:
        return None
    return f"Before you choose {route_labels(result.table)[best]}: " + "; ".join(notes) + "."


def breakdown_summary(result: Result) -> str:
    e, labels = result.expected, route_labels(result.table)
    parts = []
    for i, (_, row) in enumerate(e.iterrows()):
        direct = row["setup"] + row["service"]
        losses = row["total"] - direct
        share = losses / row["total"] if row["total"] > 0 else 0.0
        parts.append(f"{labels[i]} {pct(share)}")
    return ("Share of each route's expected total that is losses (lost productivity, outages, "
            "incidents) rather than charges: " + ", ".join(parts) + ".")


def cost_risk_summary(result: Result) -> str:
    c, labels = result.comparison, route_labels(result.table)
    widest = int((c["p90_usd"] - c["p10_usd"]).idxmax())
    spread = c.at[widest, "p90_usd"] - c.at[widest, "p10_usd"]
    return (f"Bars span the 10th to 90th percentile of simulated losses. {labels[widest]} is "
            f"the least predictable: its total ranges over {usd(spread)} between those "
            f"percentiles ({usd(c.at[widest, 'p10_usd'])} to {usd(c.at[widest, 'p90_usd'])}).")


def cumulative_summary(result: Result) -> str:
    labels = route_labels(result.table)
    found = crossings(cumulative(result.flows))
    horizon = result.scenario.horizon_months
    inside = [c for c in found if c.month <= horizon]
    if not inside:
        return (f"No route overtakes another within the {horizon} months: the order at month 1 "
                "holds to the end.")
    words = [f"{labels[c.cheaper]} becomes cheaper than {labels[c.dearer]} at {month(c.month)}"
             for c in inside[:4]]
    more = f" (and {len(inside) - 4} more)" if len(inside) > 4 else ""
    return "Break-even: " + "; ".join(words) + more + "."
