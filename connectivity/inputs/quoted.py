"""A manager's changes to which routes are compared: another quote added, named, removed,
and the routes the comparison shows. Each returns a new Scenario (or why not)."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

from ..schema.columns import ID_PATTERN
from .added import with_added
from .rows import MAX_ROWS
from .scenario import Scenario, check_overrides, routes_table
from .tablelink import table_for


def fresh_id(name: str, taken: set[str]) -> str:
    """A route id from a name ("China Telecom CN2" → china_telecom_cn2), unused so far."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:30]
    if not stem or not stem[0].isalpha():
        stem = ("quote_" + stem).rstrip("_")[:30]
    new, n = stem, 2
    while new in taken or not ID_PATTERN.match(new):
        new, n = f"{stem}_{n}", n + 1
    return new


def add_route(s: Scenario, default: pd.DataFrame, source: str, name: str,
              ) -> tuple[Scenario, str | None]:
    """Another quote for the kind of route `source`: its copy, under `name`."""
    every = routes_table(default, s)
    if len(every) >= MAX_ROWS:
        return s, f"the comparison already has {MAX_ROWS} routes, the limit"
    if source not in set(table_for(s.table, default)["option_id"]):
        return s, f"'{source}' is not a route of the table"
    new = fresh_id(name, set(every["option_id"]))
    added = (*s.added, (new, source))
    proposed = {(o, c): v for o, c, v in s.overrides}
    proposed[(new, "name")] = name
    kept, notices = check_overrides(with_added(table_for(s.table, default), added),
                                    proposed.items())
    if notices:
        return s, str(notices[0]).split(";")[0].replace(f"{new}.name", "the name")
    routes = (*s.routes, new) if s.routes else ()
    return s.with_values(added=added, overrides=kept, routes=routes), None


def remove_route(s: Scenario, new: str) -> Scenario:
    """An added quote taken out, with every figure typed for it."""
    return s.with_values(added=tuple(a for a in s.added if a[0] != new),
                         overrides=tuple(o for o in s.overrides if o[0] != new),
                         routes=tuple(r for r in s.routes if r != new))


def choose_routes(s: Scenario, default: pd.DataFrame, chosen: list[str]) -> Scenario:
    """The routes compared, in the order chosen; the route in use today always among them.
    Every route in the table's order is the default, which the link does not spell out."""
    every = list(routes_table(default, s)["option_id"])
    picked = [r for r in dict.fromkeys(chosen) if r in every]
    if s.status_quo not in picked:
        picked.append(s.status_quo)
    return s.with_values(routes=() if picked == every else tuple(picked))


def fit_routes(s: Scenario, default: pd.DataFrame) -> Scenario:
    """The added routes and `routes=` that still make sense after the table changed (an
    upload): a copy of a route the new table lacks, or of an id it now has, is dropped."""
    ids = set(table_for(s.table, default)["option_id"])
    added = tuple((new, source) for new, source in s.added if source in ids and new not in ids)
    known = ids | {new for new, _ in added}
    return s.with_values(added=added,
                         overrides=tuple(o for o in s.overrides if o[0] in known),
                         routes=tuple(r for r in s.routes if r in known))
