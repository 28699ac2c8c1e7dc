"""The link store on SQLite and PostgreSQL: ids, records, hostile ids, schema."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from connectivity.inputs.scenario import Scenario, parse_query
from connectivity.inputs.table import read_default, read_table
from connectivity.inputs.tablelink import decode_table, encode_table
from connectivity.store import LinkNotFound, StoreUnavailable, is_link_id, open_store
from connectivity.store.db import SCHEMA_VERSION, store_info, store_url
from harness.server import ROOT

DEFAULT = read_default()
CODE = encode_table(DEFAULT)
HOSTILE = [
    "", "'; DROP TABLE links; --", "x' OR '1'='1", "A" * 10_000, "数据" * 8,
    "AAAAAAAAAAAAAAA\u0130", "../../etc/passwd", "%00", "AAAAAAAAAAAAAAAA\n", " " * 16,
    "AAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAA",
]


def test_a_saved_scenario_reopens_through_parse_query(url: str) -> None:
    store = open_store(url)
    scenario = Scenario(users=80, sites=3, overrides=(("approved_vpn", "monthly_usd", 900.0),))
    link_id = store.save_scenario(scenario, CODE)
    record = store.load(link_id)
    assert record.query == scenario.query()  # no table of its own: the query as it was
    assert record.table_code == CODE and not record.own_table
    assert parse_query(record.link_query(CODE), DEFAULT) == (scenario, [])


def test_ids_are_96_random_bits_and_a_scenario_keeps_its_id(url: str) -> None:
    store = open_store(url)
    ids = [store.save_scenario(Scenario(users=n), CODE, session=f"s{n}") for n in range(1, 41)]
    assert len(set(ids)) == 40
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{16}", i) for i in ids)  # 16 × 6 bits = 96
    # Not a counter nor a hash: neighbouring scenarios share no more than chance would.
    common = [sum(a == b for a, b in zip(x, y)) for x, y in zip(ids, ids[1:])]
    assert sum(common) / len(common) < 2
    assert store.save_scenario(Scenario(users=7), CODE, session="another") == ids[6]
    again = open_store(url)  # another process's view of the same store
    assert again.save_scenario(Scenario(users=7), CODE) == ids[6]


def test_a_table_of_ones_own_is_kept_with_the_link(url: str) -> None:
    store = open_store(url)
    own = encode_table(read_table((ROOT / "data" / "options_extended.csv").read_bytes()))
    scenario, notices = parse_query(f"users=12&table={own}", DEFAULT)
    assert not notices and scenario.table == own
    record = store.load(store.save_scenario(scenario, CODE))
    assert record.own_table and record.table_code == own and "table=" not in record.query
    assert parse_query(record.link_query(CODE), DEFAULT)[0] == scenario
    assert not record.defaults_differ(CODE)


def test_an_old_default_record_reopens_its_own_numbers(url: str) -> None:
    store = open_store(url)
    old = DEFAULT.copy()
    old.loc[old["option_id"] == "approved_vpn", "monthly_usd"] = 123.0
    old_code = encode_table(old)
    link_id = store.save_scenario(Scenario(users=30), old_code)  # made on that day's defaults
    record = store.load(link_id)
    assert record.defaults_differ(CODE)
    then, _ = parse_query(record.link_query(CODE), DEFAULT)
    assert decode_table(then.table).equals(decode_table(old_code))
    today, _ = parse_query(record.today_query(), DEFAULT)
    assert today == Scenario(users=30)
    # Reopened and shared again, the scenario on the old table keeps its id.
    assert store.save_scenario(then, CODE) != link_id  # as its own table: another record
    assert store.save(record.query, old_code, False) == link_id


@pytest.mark.parametrize("hostile", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_ids_are_refused_with_a_message(url: str, hostile: str) -> None:
    store = open_store(url)
    link_id = store.save_scenario(Scenario(), CODE)
    with pytest.raises(LinkNotFound) as caught:
        store.load(hostile)
    assert "link" in str(caught.value) and len(str(caught.value)) < 100
    assert store.load(link_id).query == Scenario().query()  # the store is untouched


def test_an_unknown_well_formed_id_is_not_found(url: str) -> None:
    store = open_store(url)
    with pytest.raises(LinkNotFound, match="no link with this id"):
        store.load("AAAAAAAAAAAAAAAA")
    assert is_link_id("AAAAAAAAAAAAAAAA") and not is_link_id("AAAAAAAAAAAAAAA\u0130")


def test_the_schema_carries_its_version_and_a_newer_one_is_refused(url: str) -> None:
    store = open_store(url)
    with store.engine.begin() as connection:
        rows = dict(connection.execute(select(store_info.c.name, store_info.c.value)).all())
        assert rows["schema_version"] == str(SCHEMA_VERSION)
        assert len(rows["secret"]) == 32
        connection.execute(update(store_info).where(store_info.c.name == "schema_version")
                           .values(value=str(SCHEMA_VERSION + 1)))
    store.engine.dispose()
    with pytest.raises(StoreUnavailable, match="newer version"):
        open_store(url)


def test_opening_twice_keeps_the_schema_and_the_links(url: str) -> None:
    link_id = open_store(url).save_scenario(Scenario(users=3), CODE)
    assert open_store(url).load(link_id).query == Scenario(users=3).query()


def test_the_environment_chooses_the_store() -> None:
    assert store_url({"CONNECTIVITY_STORE": "off"}) is None
    assert store_url({"CONNECTIVITY_STORE": " OFF "}) is None
    assert store_url({}).endswith("var/links.sqlite3") and store_url({}).startswith("sqlite:///")
    assert store_url({"CONNECTIVITY_STORE": "postgresql+psycopg://h/db"}) == (
        "postgresql+psycopg://h/db")


def test_an_unreachable_store_says_where_and_hides_the_password() -> None:
    with pytest.raises(StoreUnavailable) as caught:
        open_store("postgresql+psycopg://u:secret@127.0.0.1:1/db?connect_timeout=2")
    assert "secret" not in str(caught.value) and "127.0.0.1:1" in str(caught.value)
    with pytest.raises(StoreUnavailable):
        open_store("nosuchdb://x")


def test_records_name_the_apps_version() -> None:
    import tomllib

    from connectivity.store.short import VERSION

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert VERSION == project["version"]
