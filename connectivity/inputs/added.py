"""Routes a link adds (`<new_id>.copy_of=<option_id>`) and the routes it compares (`routes=`).

An added route is a second supplier's quote for a kind of route: a copy of a row
of the table, risk ranges included, that the link's `<new_id>.<column>`
overrides then change. Like every link parameter these never fail: a bad one is
a Notice (an error on the command line) and is left out.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..schema.columns import COLUMN_BY_NAME, ID_PATTERN
from .notices import Notice, short
from .rows import MAX_ROWS

COPY_OF = "copy_of"
ROUTES_KEY = "routes"

Added = tuple[str, str]  # (new_id, option_id of the table row it copies)


def is_copy_key(key: str) -> bool:
    return key.endswith("." + COPY_OF)


def read_added(pairs: Iterable[tuple[str, str]], table_ids: list[str],
               ) -> tuple[tuple[Added, ...], set[str], list[Notice]]:
    """The added routes a link asks for, in its order; the ids refused; why each was.

    Overrides of a refused id are left out without a notice of their own: the one
    on its `copy_of` already says what happened.
    """
    added: list[Added] = []
    refused: set[str] = set()
    notices: list[Notice] = []
    over = 0
    for key, raw in pairs:
        if not is_copy_key(key):
            continue
        new, source = key[: -len(COPY_OF) - 1], raw.strip()
        name = f"{short(new)}.{COPY_OF}"
        problem = _problem(new, source, table_ids, [a for a, _ in added])
        if problem is None and len(table_ids) + len(added) >= MAX_ROWS:
            over += 1
            refused.add(new)
            continue
        if problem:
            if ID_PATTERN.match(new) and new not in table_ids:
                refused.add(new)
            notices.append(Notice(name, problem))
            continue
        added.append((new, source))
    if over:
        notices.append(Notice(COPY_OF, f"{len(added) + over} added routes and the table's "
                              f"{len(table_ids)} make more than {MAX_ROWS} routes, the limit",
                              f"left out the last {over}"))
    return tuple(added), refused, notices


def _problem(new: str, source: str, table_ids: list[str], before: list[str]) -> str | None:
    if not ID_PATTERN.match(new):
        return (f"'{short(new)}' is not a valid route id: use 1 to 40 lower-case letters, "
                "digits or _, starting with a letter")
    if new in table_ids:
        return f"'{new}' is already a route of the table: give the copy a new id"
    if new in before:
        return "appears more than once"
    if source not in table_ids:
        return f"'{short(source)}' is not a route of the table, so there is nothing to copy"
    return None


def copy_name(name: str, new: str) -> str:
    """The name of a copy the link does not name: its route's, marked with its own id."""
    tail = f" ({new})"
    return name[: COLUMN_BY_NAME["name"].max_len - len(tail)] + tail


def with_added(table: pd.DataFrame, added: tuple[Added, ...]) -> pd.DataFrame:
    """The table with each added route's copy appended, in the link's order.

    A copy the table already holds is not added twice: a page may pass the table with
    its copies in (the ids were checked when the link was read).
    """
    added = tuple(a for a in added if a[0] not in set(table["option_id"]))
    if not added:
        return table
    rows = table.set_index("option_id", drop=False)
    copies = [rows.loc[source].to_dict() for _, source in added]
    for row, (new, _) in zip(copies, added):
        row.update(option_id=new, name=copy_name(row["name"], new))
    return pd.concat([table, pd.DataFrame(copies, columns=table.columns)], ignore_index=True)


def read_routes(raws: list[str], ids: list[str], status_quo: str,
                ) -> tuple[tuple[str, ...], list[Notice]]:
    """The routes compared, in the link's order; the status quo is always among them."""
    if not raws:
        return (), []
    notices = [Notice(ROUTES_KEY, "appears more than once", "used the first value")
               ] if len(raws) > 1 else []
    chosen: list[str] = []
    for item in raws[0].split(","):
        item = item.strip()
        if not item:
            continue
        if item not in ids:
            notices.append(Notice(ROUTES_KEY, f"'{short(item)}' is not a route of the table "
                                  "or an added one", "left it out"))
        elif item in chosen:
            notices.append(Notice(ROUTES_KEY, f"names '{item}' twice", "compared it once"))
        else:
            chosen.append(item)
    if not chosen:
        notices.append(Notice(ROUTES_KEY, "names no route", "compared every route"))
        return (), notices
    if status_quo not in chosen:
        chosen.append(status_quo)
        notices.append(Notice(ROUTES_KEY, f"leaves out '{status_quo}', the route in use today",
                              "compared it too: the others are measured against it",
                              strict=False))
    return tuple(chosen), notices


def select_routes(table: pd.DataFrame, routes: tuple[str, ...]) -> pd.DataFrame:
    """The rows the comparison shows, in the order `routes` gives (all when empty)."""
    if not routes:
        return table
    rows = table.set_index("option_id", drop=False)
    return rows.loc[[r for r in routes if r in rows.index]].reset_index(drop=True)
