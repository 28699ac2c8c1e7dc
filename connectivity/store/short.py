"""Short ids for scenarios: save one, load one. Nothing else (no listing, no search).

A record keeps the scenario's query string without its table, the options table
it used (its own, or the default of that day) and when and by which version it
was made. What comes back is untrusted text: the caller rebuilds the link and
reads it through `parse_query`, as any link.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote

from sqlalchemy import Engine, select
from sqlalchemy.exc import SQLAlchemyError

from ..inputs.scenario import TABLE_KEY, Scenario
from . import limits
from .db import StoreUnavailable, describe, links, lock, make_engine, set_up, store_url

ID_BYTES = 12  # 96 random bits
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{16}")  # token_urlsafe(12): 16 characters
SHORT_KEY = "s"  # ?s=<id>
VERSION = "0.1.0"  # the app's version, kept with each record (pyproject.toml's)


class LinkNotFound(LookupError):
    """An id that is malformed or not in this store; the message is for people."""


def is_link_id(text: str) -> bool:
    return bool(ID_PATTERN.fullmatch(text))


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Record:
    id: str
    query: str  # without the table
    table_code: str
    own_table: bool
    made_at: datetime  # UTC
    version: str

    def defaults_differ(self, default_code: str) -> bool:
        """Made on the default table, and today's default table is another one."""
        return not self.own_table and self.table_code != default_code

    def link_query(self, default_code: str) -> str:
        """The full link's query string: the figures it was made with."""
        if self.own_table or self.table_code != default_code:
            return _with_table(self.query, self.table_code)
        return self.query

    def today_query(self) -> str:
        """The same scenario on today's default figures (only for a default-table record)."""
        return self.query if not self.own_table else _with_table(self.query, self.table_code)


def _with_table(query: str, code: str) -> str:
    return f"{query}&{TABLE_KEY}={quote(code, safe='')}" if query else f"{TABLE_KEY}={code}"


def parts(scenario: Scenario, default_code: str) -> tuple[str, str, bool]:
    """What a record of `scenario` keeps: (query without table, table code, own table?)."""
    bare = scenario.with_values(table="").query()
    return bare, scenario.table or default_code, bool(scenario.table)


def _digest(query: str, table_code: str, own_table: bool) -> str:
    body = f"{int(own_table)}\n{query}\n{table_code}".encode()
    return hashlib.sha256(body).hexdigest()


class Store:
    def __init__(self, engine: Engine, secret: str, where: str,
                 caps: limits.Caps = limits.CAPS, clock=now_utc) -> None:
        self.engine, self.secret, self.where = engine, secret, where
        self.caps, self.clock = caps, clock

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def save(self, query: str, table_code: str, own_table: bool,
             session: str = "", address: str = "") -> str:
        """The id of this scenario, stored now if it was not already (same scenario, same id).

        Raises LimitReached past a cap and StoreUnavailable when the database fails.
        """
        digest = _digest(query, table_code, own_table)
        session_key = limits.key(self.secret, "session", session)
        address_key = limits.key(self.secret, "address", address)
        try:
            with self.engine.begin() as connection:
                lock(connection)
                found = connection.execute(select(links.c.id).where(links.c.digest == digest)
                                           ).scalar()
                if found:
                    return found
                now = self.clock()
                limits.check(connection, self.caps, now, session_key, address_key,
                             len(query.encode()) + len(table_code.encode()))
                link_id = self._fresh_id(connection)
                connection.execute(links.insert().values(
                    id=link_id, digest=digest, query=query, table_code=table_code,
                    own_table=own_table, made_at=now, version=VERSION))
                limits.record(connection, now, session_key, address_key)
                return link_id
        except SQLAlchemyError as exc:
            raise self._unavailable(exc) from None

    def save_scenario(self, scenario: Scenario, default_code: str,
                      session: str = "", address: str = "") -> str:
        return self.save(*parts(scenario, default_code), session=session, address=address)

    def load(self, link_id: str) -> Record:
        if not is_link_id(link_id):
            raise LinkNotFound("this is not a short link of this calculator")
        try:
            with self.engine.connect() as connection:
                row = connection.execute(select(links).where(links.c.id == link_id)).first()
        except SQLAlchemyError as exc:
            raise self._unavailable(exc) from None
        if row is None:
            raise LinkNotFound("no link with this id is kept in this app's link store")
        return Record(id=row.id, query=row.query, table_code=row.table_code,
                      own_table=bool(row.own_table), made_at=row.made_at, version=row.version)

    def _fresh_id(self, connection) -> str:
        while True:  # a clash of 96 random bits will not happen; if it does, draw again
            link_id = secrets.token_urlsafe(ID_BYTES)
            if connection.execute(select(links.c.id).where(links.c.id == link_id)).first() is None:
                return link_id

    def _unavailable(self, exc: SQLAlchemyError) -> StoreUnavailable:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return StoreUnavailable(f"the link store {self.where} failed: {reason}")


def open_store(url: str | None = None,
               environ: dict[str, str] | None = None) -> Store | None:
    """The Store that CONNECTIVITY_STORE names (or `url`), set up; None when it is `off`.

    Raises StoreUnavailable with a message for people when it cannot be reached.
    """
    url = url or store_url(environ)
    if url is None:
        return None
    engine = make_engine(url)
    try:
        secret = set_up(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise StoreUnavailable(f"the link store {describe(url)} cannot be reached: "
                               f"{reason}") from None
    return Store(engine, secret, describe(url))
