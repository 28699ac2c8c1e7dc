"""One route of the options table as the model sees it: its timeline and its risks.

`plan` works these out once per scenario; the expected values, the monthly flows and
the simulation all read the same Plan instead of each rebuilding every route.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..inputs.scenario import Scenario
from .lognormal import Range90

WEEKS_PER_MONTH = 52.0 / 12.0
COMPONENTS = ("setup", "service", "productivity_loss", "outage_loss", "incident_loss",
              "talent_loss")


@dataclass(frozen=True)
class Timeline:
    """Months, possibly fractional, within a horizon of H months."""

    lead: float  # L: order to working service; the status quo serves meanwhile
    active: float  # A = max(0, H - L): months the route itself is in use
    sq_months: float  # min(L, H): months the status quo still serves
    billed: float  # B: months the route is paid for, past the horizon included


def timeline(row: dict, is_status_quo: bool, horizon: int) -> Timeline:
    if is_status_quo:
        return Timeline(0.0, float(horizon), 0.0, float(horizon))
    lead = row["lead_time_weeks"] / WEEKS_PER_MONTH
    active = max(0.0, horizon - lead)
    billed = max(active, row["min_term_months"]) if active > 0 else 0.0
    return Timeline(lead, active, min(lead, float(horizon)), billed)


@dataclass(frozen=True)
class Risks:
    lost_share: Range90  # a fraction of abroad-dependent time, capped at 1
    outage_rate: Range90  # per year
    outage_hours: Range90  # per affected person per disruption
    incident_rate: Range90  # per year
    incident_cost: Range90  # USD per incident
    attrition: Range90  # a yearly fraction of the staff who leave, capped at 1


def _optional(row: dict, name: str) -> float:
    """An optional range's end: absent (a table made before the column) or empty is 0."""
    value = row.get(name, 0.0)
    return 0.0 if value is None or math.isnan(value) else value


def risks(row: dict) -> Risks:
    def pair(stem: str, scale: float = 1.0) -> Range90:
        return Range90(row[f"{stem}_low"] / scale, row[f"{stem}_high"] / scale)

    attrition = Range90(_optional(row, "attrition_pct_low") / 100.0,
                        _optional(row, "attrition_pct_high") / 100.0)
    return Risks(pair("productivity_loss_pct", 100.0), pair("outages_per_year"),
                 pair("outage_hours"), pair("incidents_per_year"), pair("incident_cost_usd"),
                 attrition)


def exposure(s: Scenario) -> float:
    """USD lost per hour in which the whole team's abroad-dependent work stops."""
    return s.users * s.dependency_pct / 100.0 * s.hourly_usd


def monthly_service(row: dict, s: Scenario) -> float:
    # Only the Mbps above what the monthly charge covers are billed per Mbps.
    billed_mbps = max(0.0, s.mbps - row.get("included_mbps", 0.0))
    return ((row["monthly_usd"] + row["per_mbps_usd"] * billed_mbps) * s.sites
            + row["per_user_usd"] * s.users)


def replacement_usd(s: Scenario) -> float:
    """R: what replacing one person who leaves costs, in USD."""
    return s.replacement_months * s.hourly_usd * s.hours_month


def monthly_expected_losses(r: Risks, s: Scenario) -> tuple[float, float, float, float]:
    """Expected productivity, outage, incident and talent loss per month a route is in use."""
    e = exposure(s)
    return (e * s.hours_month * r.lost_share.capped_mean(1.0),
            e * r.outage_rate.mean() / 12.0 * r.outage_hours.mean(),
            r.incident_rate.mean() / 12.0 * r.incident_cost.mean(),
            s.users * replacement_usd(s) * r.attrition.capped_mean(1.0) / 12.0)


@dataclass(frozen=True)
class Route:
    """One route of a scenario, everything the model needs from its row."""

    option_id: str
    status_quo: bool
    timeline: Timeline
    risks: Risks
    setup: float  # one-time, all offices (0 for the status quo)
    service: float  # the monthly charge S while the route is billed
    losses: tuple[float, ...]  # expected loss per month in use, one per LOSS component


@dataclass(frozen=True)
class Plan:
    """Every route of the table in use, in the table's order, for one scenario."""

    scenario: Scenario
    routes: tuple[Route, ...]
    sq: int  # the status quo's index
    exposure: float

    @property
    def status_quo(self) -> Route:
        return self.routes[self.sq]


def plan(rows: list[dict], s: Scenario) -> Plan:
    """The routes of `rows` (the table in use, as records) worked out for scenario s."""
    routes = []
    for row in rows:
        is_sq = row["option_id"] == s.status_quo
        r = risks(row)
        routes.append(Route(row["option_id"], is_sq, timeline(row, is_sq, s.horizon_months), r,
                            0.0 if is_sq else row["setup_usd"] * s.sites,
                            monthly_service(row, s), monthly_expected_losses(r, s)))
    sq = next(i for i, route in enumerate(routes) if route.status_quo)
    return Plan(s, tuple(routes), sq, exposure(s))
