"""Bounded writes: the caps hold, say which one bit, and nothing is written past them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select

from connectivity.inputs.scenario import Scenario
from connectivity.inputs.table import read_default
from connectivity.inputs.tablelink import encode_table
from connectivity.store import CAPS, LimitReached, open_store
from connectivity.store.db import links, writes
from connectivity.store.limits import key
from connectivity.store.short import now_utc

# Left out of `make test-fast` (processes, servers or many memos); `make test` runs it.
pytestmark = pytest.mark.slow

CODE = encode_table(read_default())


def _count(store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(links)).scalar_one()


class Clock:
    def __init__(self) -> None:
        self.now = now_utc()

    def __call__(self):
        return self.now


def test_a_session_makes_at_most_60_links_an_hour(url: str) -> None:
    store = open_store(url)
    store.clock = clock = Clock()
    for n in range(CAPS.per_session_hour):
        store.save_scenario(Scenario(users=n + 1), CODE, session="one", address="a")
    with pytest.raises(LimitReached, match="this session has made 60 short links"):
        store.save_scenario(Scenario(users=500), CODE, session="one", address="a")
    assert _count(store) == CAPS.per_session_hour
    # What is already stored is given again: no write, no cap.
    assert store.save_scenario(Scenario(users=1), CODE, session="one", address="a")
    store.save_scenario(Scenario(users=500), CODE, session="two", address="a")
    clock.now += timedelta(hours=1, seconds=1)
    store.save_scenario(Scenario(users=501), CODE, session="one", address="a")
    assert _count(store) == CAPS.per_session_hour + 2


def test_an_address_makes_at_most_300_links_an_hour(url: str) -> None:
    store = open_store(url)
    for n in range(CAPS.per_address_hour):
        store.save_scenario(Scenario(users=n + 1), CODE, session=f"s{n}", address="10.1.1.1")
    with pytest.raises(LimitReached, match="this address has made 300"):
        store.save_scenario(Scenario(users=999), CODE, session="new", address="10.1.1.1")
    store.save_scenario(Scenario(users=999), CODE, session="new", address="10.1.1.2")
    assert _count(store) == CAPS.per_address_hour + 1


def test_the_store_takes_at_most_20000_links_a_day(url: str) -> None:
    store = open_store(url)
    now = now_utc()
    earlier = now - timedelta(hours=23)
    rows = [{"at": earlier, "session_key": key(store.secret, "session", str(n)),
             "address_key": key(store.secret, "address", str(n))}
            for n in range(CAPS.per_day - 1)]
    with store.engine.begin() as connection:
        connection.execute(insert(writes), rows)
    store.save_scenario(Scenario(users=1), CODE, session="x", address="y")
    with pytest.raises(LimitReached, match="20,000 new links in the last day"):
        store.save_scenario(Scenario(users=2), CODE, session="z", address="w")
    assert _count(store) == 1
    store.clock = lambda: now + timedelta(hours=1, minutes=1)  # the old writes age out
    store.save_scenario(Scenario(users=2), CODE, session="z", address="w")
    with store.engine.connect() as connection:
        kept = connection.execute(select(func.count()).select_from(writes)).scalar_one()
    assert kept == 2  # writes older than a day are pruned


def test_a_record_holds_at_most_256_kB(url: str) -> None:
    store = open_store(url)
    with pytest.raises(LimitReached, match="over the 256,000-byte limit"):
        store.save("users=1", "z1." + "A" * CAPS.record_bytes, True)
    store.save("users=1", "z1." + "A" * (CAPS.record_bytes - 11), True)
    assert _count(store) == 1


def test_the_counts_keep_no_address(url: str) -> None:
    store = open_store(url)
    store.save_scenario(Scenario(), CODE, session="session-1", address="203.0.113.9")
    with store.engine.connect() as connection:
        row = connection.execute(select(writes)).one()
    assert "203.0.113.9" not in str(tuple(row)) and "session-1" not in str(tuple(row))
