"""The scenario: one object that the form, the link, the CLI and the model share.

A link is public text anyone can edit, so `parse_query` never fails: a bad
value falls back to its default or is clamped, and each change is reported as
a Notice. The CLI reads the same notices as errors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from urllib.parse import parse_qsl, quote, urlencode

import pandas as pd

from ..schema.columns import OVERRIDABLE
from ..schema.currency import CODES, CURRENCY_BY_CODE
from ..schema.params import PARAM_BY_NAME, PARAMS, Param, app_trial_cap
from .added import (
    COPY_OF,
    ROUTES_KEY,
    Added,
    is_copy_key,
    read_added,
    read_routes,
    select_routes,
    with_added,
)
from .cells import fmt, parse_number, readable
from .notices import Notice
from .notices import short as _short
from .overrides import (  # noqa: F401 (merge_edits: pages import it from here)
    Override,
    apply_overrides,
    check_overrides,
    merge_edits,
)
from .problems import TableError
from .tablelink import decode_table, encode_table, table_for

# Keys Streamlit itself puts in a URL; they are not ours to report.
FRAMEWORK_KEYS = frozenset({"embed", "embed_options"})
TABLE_KEY = "table"  # a manager's own options table, carried in the link



@dataclass(frozen=True)
class Scenario:
    sites: int = 1
    users: int = 25
    mbps: float = 10.0
    hourly_usd: float = 40.0
    hours_month: float = 160.0
    dependency_pct: float = 30.0
    horizon_months: int = 36
    discount_pct: float = 8.0
    status_quo: str = "do_nothing"
    correlation: float = 0.8
    trials: int = 20_000
    seed: int = 42
    currency: str = "USD"
    fx_rate: float = 1.0  # units of `currency` per US dollar
    replacement_months: float = 4.0  # replacing one leaver, in months of loaded pay
    overrides: tuple[Override, ...] = ()
    table: str = ""  # an uploaded table, encoded by tablelink; "" = the default table
    added: tuple[Added, ...] = ()  # routes the link adds: (new_id, option_id it copies)
    routes: tuple[str, ...] = ()  # the routes compared, in this order; () = every route

    def values(self) -> dict[str, object]:
        """The scenario parameters (no overrides) by name."""
        return {p.name: getattr(self, p.name) for p in PARAMS}

    def with_values(self, **changes: object) -> Scenario:
        return replace(self, **changes)

    def query(self) -> str:
        """The full query string: every parameter, the routes compared, the overrides of
        the table's routes, each added route with its own overrides, then a table."""
        params = [(p.name, _show(getattr(self, p.name))) for p in PARAMS]
        new_ids = [new for new, _ in self.added]
        rest = [(f"{option}.{column}", _show(value))
                for option, column, value in self.overrides if option not in new_ids]
        for new, source in self.added:
            rest.append((f"{new}.{COPY_OF}", source))
            rest += [(f"{new}.{column}", _show(value))
                     for option, column, value in self.overrides if option == new]
        if self.table:
            rest.append((TABLE_KEY, self.table))
        # Ids need no escaping: the commas between them stay readable.
        chosen = [f"{ROUTES_KEY}={','.join(self.routes)}"] if self.routes else []
        return "&".join([_encoded(params), *chosen, *([_encoded(rest)] if rest else [])])

    def applied(self) -> Scenario:
        """This scenario for a table it is already written into (`table_in_use`'s result):
        no table, copies, overrides or choice of routes left to apply."""
        return replace(self, overrides=(), table="", added=(), routes=())

    def query_dict(self) -> dict[str, str]:
        return dict(parse_qsl(self.query(), keep_blank_values=True))


assert [f.name for f in fields(Scenario)][:len(PARAMS)] == [p.name for p in PARAMS]


def _encoded(pairs: list[tuple[str, str]]) -> str:
    return urlencode(pairs, quote_via=quote, safe="")


def _show(value: object) -> str:
    return fmt(value) if isinstance(value, (int, float)) else str(value)


def split_query(query: str) -> list[tuple[str, str]]:
    """Key-value pairs from a query string or a whole link."""
    query = query.strip().split("#", 1)[0]
    if "?" in query:
        query = query.split("?", 1)[1]
    elif "://" in query:  # a whole link that carries no query string
        query = ""
    return parse_qsl(query, keep_blank_values=True)


def _param_value(param: Param, raw: str, option_ids: list[str],
                 ) -> tuple[object, Notice | None]:
    """The value to use for one link parameter, and a Notice when it differs from the link."""
    name = param.name
    if param.kind == "currency":
        code = raw.strip().upper()
        if code in CURRENCY_BY_CODE:
            return code, None
        return param.default, Notice(name, f"'{_short(raw)}' is not one of "
                                     f"{', '.join(CODES)}", f"used {param.default}")
    if param.kind == "choice":
        if raw in option_ids:
            return raw, None
        fallback = default_status_quo(option_ids)
        return fallback, Notice(name, f"'{_short(raw)}' is not a route in the table",
                                f"used '{fallback}'")
    default = f"used the default {fmt(param.default)}"
    word = raw.strip().lower().lstrip("+")
    if word in {"inf", "infinity", "-inf", "-infinity"}:
        value = -math.inf if word.startswith("-") else math.inf  # absurd, but clamps clearly
    else:
        try:
            value = parse_number(raw)
        except ValueError as exc:
            if raw.strip() == "":
                return param.default, Notice(name, "has no value", default)
            return param.default, Notice(name, str(exc), default)
    notice = None
    if value < param.low:
        notice = Notice(name, f"{_short(raw.strip())} is below the minimum {fmt(param.low)}",
                        f"used {fmt(param.low)}")
        value = param.low
    elif value > param.high:
        notice = Notice(name, f"{_short(raw.strip())} is above the maximum {fmt(param.high)}",
                        f"used {fmt(param.high)}")
        value = param.high
    if param.kind == "int":
        rounded = int(math.floor(value + 0.5))
        if rounded != value and notice is None:
            notice = Notice(name, f"{_short(raw.strip())} is not a whole number",
                            f"used {rounded}")
        return rounded, notice
    return float(value), notice


def default_status_quo(option_ids: list[str]) -> str:
    default = str(PARAM_BY_NAME["status_quo"].default)
    return default if default in option_ids or not option_ids else option_ids[0]


def parse_query(query: str | list[tuple[str, str]], table: pd.DataFrame,
                ) -> tuple[Scenario, list[Notice]]:
    """The scenario a link asks for, made valid, and what was changed.

    `table` is the default options table; a `table=` in the link replaces it.
    """
    pairs = split_query(query) if isinstance(query, str) else list(query)
    notices: list[Notice] = []
    table_code = ""
    codes = [value for key, value in pairs if key == TABLE_KEY]
    if codes:
        try:
            table = decode_table(codes[0])
            table_code = encode_table(table)
        except TableError as exc:
            notices.append(Notice(TABLE_KEY, "; ".join(str(p) for p in exc.problems[:3]),
                                  "used the default table"))
        if len(codes) > 1:
            notices.append(Notice(TABLE_KEY, "appears more than once", "used the first value"))
    option_ids = list(table["option_id"])
    added, refused, added_notices = read_added(pairs, option_ids)
    extended = with_added(table, added)
    known = list(extended["option_id"])
    route_lists = [value for key, value in pairs if key == ROUTES_KEY]
    pairs = [(key, value) for key, value in pairs
             if key not in (TABLE_KEY, ROUTES_KEY) and not is_copy_key(key)]
    values: dict[str, object] = {}
    raw_overrides: dict[tuple[str, str], str] = {}
    for key, raw in pairs:
        if key in PARAM_BY_NAME:
            if key in values:
                notices.append(Notice(key, "appears more than once", "used the first value"))
                continue
            value, notice = _param_value(PARAM_BY_NAME[key], raw, option_ids)
            values[key] = value
            if notice:
                notices.append(notice)
        elif "." in key and key.split(".", 1)[0] in known:
            option, column = key.split(".", 1)
            if column not in OVERRIDABLE:
                notices.append(Notice(_short(key), f"'{_short(column)}' is not a column that "
                                      "can be changed"))
            elif (option, column) in raw_overrides:
                notices.append(Notice(key, "appears more than once", "used the first value"))
            else:
                raw_overrides[(option, column)] = raw
        elif "." in key and key.split(".", 1)[0] in refused:
            continue  # its copy_of was refused, and says so
        elif "." in key:
            notices.append(Notice(_short(key), f"there is no route "
                                  f"'{_short(key.split('.')[0])}' in the table"))
        elif key not in FRAMEWORK_KEYS:
            notices.append(Notice(_short(key), "is not a parameter of this calculator"))
    if "status_quo" not in values and PARAM_BY_NAME["status_quo"].default not in option_ids:
        values["status_quo"] = default_status_quo(option_ids)
        notices.append(Notice("status_quo", "the table has no 'do_nothing' route",
                              f"used '{values['status_quo']}'", strict=False))
    notices += _settle_rate(values)
    overrides, override_notices = check_overrides(extended, raw_overrides.items())
    routes, route_notices = read_routes(
        route_lists, known, str(values.get("status_quo", PARAM_BY_NAME["status_quo"].default)))
    scenario = Scenario(**values, overrides=overrides, table=table_code, added=added,
                        routes=routes)
    return scenario, notices + added_notices + override_notices + route_notices


def _settle_rate(values: dict[str, object]) -> list[Notice]:
    """A currency without a rate takes its dated default; US dollars are always 1."""
    code = str(values.get("currency", PARAM_BY_NAME["currency"].default))
    if code == "USD":
        if values.get("fx_rate", 1.0) != 1.0:
            values["fx_rate"] = 1.0
            return [Notice("fx_rate", "US dollars have a rate of 1", "used 1")]
        return []
    values.setdefault("fx_rate", CURRENCY_BY_CODE[code].default_rate)
    return []


def cap_trials(scenario: Scenario, routes: int) -> tuple[Scenario, list[Notice]]:
    """The app's server budget: trials × routes held in bounds, saying so when it bites."""
    cap = app_trial_cap(routes)
    if scenario.trials <= cap:
        return scenario, []
    notice = Notice("trials", f"{readable(scenario.trials)} trials of {routes} routes are "
                    "more than this server simulates at once", f"used {readable(cap)}")
    return scenario.with_values(trials=cap), [notice]


def routes_table(default: pd.DataFrame, s: Scenario) -> pd.DataFrame:
    """Every route a scenario can name, before its overrides: its own table (carried in
    the link) or the default, then the copies it adds."""
    return with_added(table_for(s.table, default), s.added)


def table_in_use(default: pd.DataFrame, s: Scenario) -> pd.DataFrame:
    """The one way from a scenario to the table its figures come from: every route it
    can name with its overrides written in, the routes it compares, in their order."""
    table = apply_overrides(routes_table(default, s), s.overrides)
    return select_routes(table, s.routes).reset_index(drop=True)
