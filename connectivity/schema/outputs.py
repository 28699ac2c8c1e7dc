"""The comparison's columns (SPEC section 5) as data: name, label, unit, meaning.

One table drives the CSV (order and decimals), the page tables' headers and
formats, Methodology's glossary and the charts' axis titles, the way PARAMS
drives the form, the link and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Output:
    name: str
    label: str  # what a person reads as the column's header
    unit: str  # "text", "money", "share" or "count"
    decimals: int  # in the CSV (text: 0)
    meaning: str
    first: bool = False  # among the columns a manager needs first


OUTPUTS: tuple[Output, ...] = (
    Output("option_id", "Route id", "text", 0, "The route's identifier, as in the options table."),
    Output("name", "Route", "text", 0, "The route's display name.", first=True),
    Output("legal_status", "Legal status", "text", 0,
           "authorised, unauthorised or pilot, as in the options table."),
    Output("reach", "Reach", "text", 0,
           "What the route can reach abroad, as in the options table (shown, not priced)."),
    Output("setup_usd", "Setup", "money", 2, "One-time setup over all offices."),
    Output("service_usd", "Service charges", "money", 2,
           "Carrier charges for the billed months, including any past the horizon."),
    Output("productivity_loss_usd", "Lost productivity", "money", 2,
           "Expected value of working time lost to slow or blocked access."),
    Output("outage_loss_usd", "Outages", "money", 2,
           "Expected value of working time lost in disruptions."),
    Output("incident_loss_usd", "Enforcement incidents", "money", 2,
           "Expected cost of enforcement actions and forced shutdowns."),
    Output("talent_loss_usd", "People who would leave", "money", 2,
           "Expected cost of replacing the staff who would leave because of how the route "
           "serves them."),
    Output("expected_total_usd", "Expected total", "money", 2,
           "Sum of the six components above over the horizon, not discounted.", first=True),
    Output("npv_usd", "NPV", "money", 2,
           "Net present value: the expected monthly cash flows discounted to the order date "
           "at your annual rate.", first=True),
    Output("p10_usd", "10th percentile", "money", 2,
           "Total cost that 10% of simulated futures stay below (one in ten costs less).",
           first=True),
    Output("p50_usd", "Median", "money", 2,
           "Median simulated total cost: half the futures cost less."),
    Output("p90_usd", "90th percentile", "money", 2,
           "Total cost that 90% of simulated futures stay below (one in ten costs more).",
           first=True),
    Output("prob_lowest_cost", "Cheapest in", "share", 4,
           "Share of simulated futures in which this route is the cheapest.", first=True),
    Output("expected_regret_usd", "Expected regret", "money", 2,
           "What choosing this route costs on average against always picking the cheapest "
           "route of each simulated future; the lowest value is what perfect information "
           "would be worth (EVPI)."),
    Output("usd_per_user_month", "Per user and month", "money", 2,
           "Expected total divided by users and by horizon months."),
    Output("rank", "Rank", "count", 0,
           "1 for the lowest expected total; a tie goes to the route listed first."),
    Output("scenario", "Scenario", "text", 0,
           "The link's query string that reopens exactly this comparison."),
)

OUTPUT_BY_NAME: dict[str, Output] = {o.name: o for o in OUTPUTS}
OUTPUT_COLUMNS: tuple[str, ...] = tuple(o.name for o in OUTPUTS)
TEXT_OUTPUTS: tuple[str, ...] = tuple(o.name for o in OUTPUTS if o.unit == "text")
