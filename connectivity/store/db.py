"""Which database holds the links, and its schema, created or migrated at start-up.

CONNECTIVITY_STORE is an SQLAlchemy URL (`postgresql+psycopg://…` for several
replicas, `sqlite:///…` for one host) or `off`; unset, an SQLite file in var/.
The schema's version lives in the `store_info` table; a store made by a newer
version of the app is refused rather than written in a shape it does not know.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

ENV = "CONNECTIVITY_STORE"
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "var" / "links.sqlite3"
SCHEMA_VERSION = 1
# PostgreSQL: one advisory lock serialises the schema set-up and every write, so two
# replicas never race on a cap or on the same scenario.
PG_LOCK = 0x6C696E6B  # "link"

metadata = MetaData()
store_info = Table(
    "store_info", metadata,
    Column("name", String(40), primary_key=True),
    Column("value", String(200), nullable=False),
)
links = Table(
    "links", metadata,
    Column("id", String(16), primary_key=True),
    # A digest of what the link stands for: the same scenario gets its id again. It is
    # never shown; the id itself is random, so it cannot be recomputed from a scenario.
    Column("digest", String(64), nullable=False, unique=True),
    Column("query", Text, nullable=False),  # the full query string, without its table
    Column("table_code", Text, nullable=False),  # the options table it used (tablelink)
    Column("own_table", Boolean, nullable=False),  # the link carried its own table
    Column("made_at", DateTime, nullable=False),  # UTC
    Column("version", String(40), nullable=False),  # the app's version that made it
)
# One row per record written, for the caps; keys are keyed hashes, pruned after a day.
writes = Table(
    "writes", metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("session_key", String(32), nullable=False),
    Column("address_key", String(32), nullable=False),
    Index("writes_at", "at"),
    Index("writes_session", "session_key", "at"),
    Index("writes_address", "address_key", "at"),
)

# Later schema versions add a step here: MIGRATIONS[n] takes a connection from n to n + 1.
MIGRATIONS: dict[int, object] = {}


class StoreUnavailable(RuntimeError):
    """The link store cannot be reached or set up; the message says which and why."""


def store_url(environ: dict[str, str] | None = None) -> str | None:
    """The store's SQLAlchemy URL, or None when CONNECTIVITY_STORE is `off`."""
    value = (os.environ if environ is None else environ).get(ENV, "").strip()
    if value.lower() == "off":
        return None
    return value or f"sqlite:///{DEFAULT_FILE}"


def describe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # a malformed URL: say only its scheme
        return url.split(":", 1)[0] + ": (malformed URL)"


def _sqlite_engine(url: str) -> Engine:
    from sqlalchemy.engine import make_url

    path = make_url(url).database
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we say when a transaction begins
        cursor = dbapi_connection.cursor()
        # WAL: readers never wait for a writer; FULL: a commit is on disk when it returns.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # IMMEDIATE takes the write lock at once: two processes never deadlock upgrading.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def make_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            return _sqlite_engine(url)
        return create_engine(url, pool_pre_ping=True, pool_size=2, max_overflow=4)
    except (SQLAlchemyError, ValueError, ImportError) as exc:
        raise StoreUnavailable(f"the link store {describe(url)} cannot be used: {exc}") from None


def lock(connection) -> None:
    """Serialise writers (SQLite's BEGIN IMMEDIATE does this already)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK})


def set_up(engine: Engine) -> str:
    """Create or migrate the schema; returns the store's secret (keys the caps' hashes)."""
    with engine.begin() as connection:
        lock(connection)
        metadata.create_all(connection)
        rows = dict(connection.execute(select(store_info.c.name, store_info.c.value)).all())
        version = int(rows.get("schema_version", 0) or 0)
        if version > SCHEMA_VERSION:
            raise StoreUnavailable(f"the link store was made by a newer version of the app "
                                   f"(schema {version}; this one knows {SCHEMA_VERSION})")
        if version == 0:
            rows["secret"] = secrets.token_hex(16)
            connection.execute(store_info.insert(), [
                {"name": "schema_version", "value": str(SCHEMA_VERSION)},
                {"name": "secret", "value": rows["secret"]}])
        while version and version < SCHEMA_VERSION:
            MIGRATIONS[version](connection)  # type: ignore[operator]
            version += 1
            connection.execute(store_info.update().where(store_info.c.name == "schema_version")
                               .values(value=str(version)))
        return rows["secret"]
