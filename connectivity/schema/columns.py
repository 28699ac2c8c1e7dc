"""The options-table columns of SPEC section 3 and their rules."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "id", "text", "choice" or "number"
    required: bool = True
    low: float = 0.0
    high: float = 0.0
    choices: tuple[str, ...] = ()
    max_len: int = 0
    help: str = ""
    # An optional number column whose absence means this value (not "unknown"): a table
    # that never uses it is written without it, so older files and links stay the same.
    absent: float | None = None

    @property
    def written_when_used(self) -> bool:
        return self.absent is not None


ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
LEGAL_STATUSES = ("authorised", "unauthorised", "pilot")
REACHES = ("hq_only", "open_internet", "domestic_only")
# Spellings Excel users write that mean the same thing.
LEGAL_ALIASES = {"authorized": "authorised", "unauthorized": "unauthorised"}

BIG = 1e9

# How a person reads a number column (or a range, by its stem): words and unit. The one
# wording for the Assumptions editors, the tornado and EVPPI labels and the memo.
WORDS: dict[str, tuple[str, str]] = {
    "setup_usd": ("Setup per office", "USD"),
    "monthly_usd": ("Monthly charge per office", "USD"),
    "per_mbps_usd": ("Monthly charge per Mbps", "USD"),
    "per_user_usd": ("Monthly charge per user", "USD"),
    "min_term_months": ("Minimum term", "months"),
    "lead_time_weeks": ("Lead time", "weeks"),
    "included_mbps": ("Mbps included in the monthly charge", ""),
    "latency_ms": ("Round trip to head office", "ms"),
    "productivity_loss_pct": ("Lost share of work", "%"),
    "outages_per_year": ("Disruptions a year", ""),
    "outage_hours": ("Hours lost per disruption", ""),
    "incidents_per_year": ("Enforcement incidents a year", ""),
    "incident_cost_usd": ("Cost per incident", "USD"),
    "attrition_pct": ("People leaving a year", "%"),
}


def words(name: str, unit: bool = True, first_capital: bool = True) -> str:
    """A column's (or a range stem's) words: "Setup per office (USD)"."""
    text, its_unit = WORDS[name]
    if not first_capital:
        text = text[0].lower() + text[1:]
    return f"{text} ({its_unit})" if unit and its_unit else text

# The uncertain quantities: each is a 90% range given as a _low/_high pair.
RANGES: tuple[tuple[str, float, str], ...] = (
    ("productivity_loss_pct", 100,
     "Share of the abroad-dependent working time still lost on this route (%)."),
    ("outages_per_year", 365,
     "Disruptions of the route per year: crackdowns around sensitive dates, throttling, faults."),
    ("outage_hours", 744, "Working hours lost per affected person per disruption."),
    ("incidents_per_year", 365, "Enforcement actions or forced shutdowns of the route per year."),
    ("incident_cost_usd", BIG,
     "Cost of one incident: fines, confiscation, re-provisioning, legal work (USD)."),
    ("attrition_pct", 100,
     "Extra share of the staff who leave each year because of how this route serves them "
     "(%); optional: absent means none counted."),
)
# Ranges a table may leave out (every table made before them): absent means 0 to 0, none.
OPTIONAL_RANGES = frozenset({"attrition_pct"})

COLUMNS: tuple[Column, ...] = (
    Column("option_id", "id", help="Stable identifier: lower case letters, digits and _."),
    Column("name", "text", max_len=80, help="Display name."),
    Column("legal_status", "choice", choices=LEGAL_STATUSES,
           help="authorised, unauthorised or pilot."),
    Column("reach", "choice", choices=REACHES,
           help="What the route reaches abroad: hq_only, open_internet or domestic_only."),
    Column("setup_usd", "number", high=BIG,
           help="One-time cost per site: installation, equipment, approval paperwork (USD)."),
    Column("monthly_usd", "number", high=BIG, help="Fixed charge per site per month (USD)."),
    Column("per_mbps_usd", "number", high=BIG, help="Charge per Mbps per site per month (USD)."),
    Column("per_user_usd", "number", high=BIG,
           help="Charge per user per month: licences, seats (USD)."),
    Column("min_term_months", "number", high=120, help="Minimum contract term (months)."),
    Column("lead_time_weeks", "number", high=104, help="Weeks from order to working service."),
    *(
        Column(f"{stem}_{end}", "number", high=high,
               help=f"{'5th' if end == 'low' else '95th'} percentile. {text}",
               required=stem not in OPTIONAL_RANGES,
               absent=0.0 if stem in OPTIONAL_RANGES else None)
        for stem, high, text in RANGES
        for end in ("low", "high")
    ),
    Column("included_mbps", "number", required=False, high=10_000, absent=0.0,
           help="Mbps per site that the monthly charge already covers; the charge per Mbps "
                "applies only above it (\"30 Mbps included, then so much per extra Mbps\")."),
    Column("latency_ms", "number", required=False, high=5000,
           help="Typical round trip to head office (ms); shown, not costed."),
    Column("sources", "text", required=False, max_len=2000,
           help="Where the numbers come from."),
    Column("notes", "text", required=False, max_len=2000, help="Caveats a manager should read."),
)

COLUMN_BY_NAME: dict[str, Column] = {c.name: c for c in COLUMNS}
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
NUMBER_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind == "number")
# Every column but the identifier may be changed by a `<option_id>.<column>` override.
OVERRIDABLE: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.kind != "id")
