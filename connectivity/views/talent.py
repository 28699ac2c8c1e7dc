"""The words for talent loss that the pages and the memo share."""

from __future__ import annotations

import pandas as pd

# Said once, under the cost breakdown, for a table made before attrition was modelled.
NO_TALENT = ("This options table has no attrition figures (attrition_pct_low and _high), so "
             "no cost is counted for people who would leave. Add a range per route on the "
             "Assumptions page, or work one out on Estimate losses.")


def counts_no_talent(table: pd.DataFrame) -> bool:
    """Whether every route's attrition range is 0 to 0 (or the columns are absent)."""
    columns = [c for c in ("attrition_pct_low", "attrition_pct_high") if c in table]
    return not columns or bool((table[columns].fillna(0.0) == 0).all().all())
