"""Links a load test opens: every one a different scenario, so each run computes."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode

HORIZONS = (6, 12, 18, 24, 36, 48, 60, 84, 120)


@dataclass(frozen=True)
class Link:
    query: str
    users: int  # what the form must show once this link's run is drawn


def links(seed: int = 2024) -> Iterator[Link]:
    """An endless stream of distinct links: users, sites, horizon, seed vary; trials default.

    One link in three also overrides a cell or two of the options table.
    """
    rng = random.Random(seed)
    seen: set[str] = set()
    while True:
        users = rng.randint(1, 5000)
        pairs: list[tuple[str, object]] = [
            ("users", users), ("sites", rng.randint(1, 30)),
            ("horizon_months", rng.choice(HORIZONS)), ("seed", rng.randrange(2**32)),
        ]
        if rng.random() < 0.3:
            pairs.append(("mbps", rng.choice((2, 5, 20, 50, 100))))
        if rng.random() < 1 / 3:
            pairs.append(("approved_vpn.monthly_usd", rng.randint(500, 2500)))
            if rng.random() < 0.5:
                low = round(rng.uniform(1, 10), 1)
                pairs += [("do_nothing.productivity_loss_pct_low", low),
                          ("do_nothing.productivity_loss_pct_high", low * 4)]
        query = urlencode(pairs)
        if query not in seen:
            seen.add(query)
            yield Link(query, users)
