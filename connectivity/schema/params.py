"""The scenario parameters of SPEC section 2: names, bounds, defaults, help.

One table serves the sidebar form, the URL parser and the CLI, so a name or a
bound can only ever be written once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "int", "float", "choice" (a route) or "currency"
    default: float | int | str
    low: float | None = None
    high: float | None = None
    label: str = ""
    help: str = ""
    step: float | None = None

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


PARAMS: tuple[Param, ...] = (
    Param("sites", "int", 1, 1, 500, "Offices in mainland China",
          "How many offices in mainland China need the cross-border route."),
    Param("users", "int", 25, 1, 100_000, "Staff who need services abroad",
          "People whose work depends on head-office systems, Google, Slack "
          "or customers' sites abroad."),
    Param("mbps", "float", 10.0, 1, 10_000, "Bandwidth per office (Mbps)",
          "Cross-border bandwidth each office needs. 10 Mbps suits a small office.",
          step=1.0),
    Param("hourly_usd", "float", 40.0, 0, 10_000, "Loaded cost of one staff hour (USD)",
          "Salary plus benefits, office and overhead, divided by hours worked: "
          "what an hour of a person's time costs the firm.", step=5.0),
    Param("hours_month", "float", 160.0, 1, 744, "Working hours per person per month",
          "About 160 for a full-time employee.", step=1.0),
    Param("dependency_pct", "float", 30.0, 0, 100, "Share of work that needs services abroad (%)",
          "Of all working time, the share that stops or slows when services "
          "abroad are unreachable.", step=5.0),
    Param("horizon_months", "int", 36, 1, 120, "Comparison horizon (months)",
          "How far ahead to compare. Contracts often run 12 to 36 months."),
    Param("discount_pct", "float", 8.0, 0, 100, "Discount rate for NPV (% a year)",
          "Your finance team's annual cost of capital; 0 means money later "
          "counts the same as money now.", step=0.5),
    Param("status_quo", "choice", "do_nothing", label="Route in use today",
          help="While a new route is being set up, this one keeps serving "
          "(with its losses)."),
    Param("correlation", "float", 0.8, 0, 1, "How much the routes' risks move together",
          "1: a tense year (a crackdown, a sensitive anniversary) hits every "
          "route at once. 0: each route's luck is independent.", step=0.05),
    Param("trials", "int", 20_000, 1_000, 200_000, "Simulated futures",
          "More futures give steadier percentiles but take longer.", step=1000),
    Param("seed", "int", 42, 0, 4_294_967_295, "Random seed",
          "The same seed and inputs always give the same numbers."),
    Param("currency", "currency", "USD", label="Currency you read and type in",
          help="Pages, quotes and the memo speak this currency; the model and the CSV "
          "stay in US dollars."),
    Param("fx_rate", "float", 1.0, 0.0001, 1_000_000, "Units of your currency per US dollar",
          "Defaults to a dated reference rate; type the rate your finance team uses.",
          step=0.01),
    Param("replacement_months", "float", 4.0, 0, 60,
          "Replacing a leaver (months' pay)",
          "Recruiting, the empty seat and training, in months of that person's loaded pay "
          "(hourly cost × working hours). Studies put the median near 2.5 months; "
          "specialists and staff sent from abroad cost more.", step=0.5),
)

PARAM_BY_NAME: dict[str, Param] = {p.name: p for p in PARAMS}

# The app keeps every simulated total in its cache: trials × routes is capped
# there (6 routes still get 200,000 trials) so one link cannot exhaust the
# server. The command line, on the user's own machine, has no such cap.
APP_CELL_BUDGET = 1_200_000


def app_trial_cap(routes: int) -> int:
    """The most trials the app simulates for a table of `routes` routes."""
    high = int(PARAM_BY_NAME["trials"].high)
    low = int(PARAM_BY_NAME["trials"].low)
    return max(low, min(high, APP_CELL_BUDGET // max(routes, 1) // 1000 * 1000))
