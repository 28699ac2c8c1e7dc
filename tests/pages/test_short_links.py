"""Short links in the app (SPEC 7): made on demand, opened as the full link, bad ones a notice."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from connectivity import Scenario, read_default
from connectivity.inputs.tablelink import encode_table
from connectivity.store import open_store
from connectivity.store.db import links
from harness.apptest import assert_healthy, run

CODE = encode_table(read_default())


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    url = f"sqlite:///{tmp_path / 'links.sqlite3'}"
    monkeypatch.setenv("CONNECTIVITY_STORE", url)
    return open_store(url)


def records(store) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(links)).scalar_one()


def metrics(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def test_the_share_box_makes_a_short_link_on_demand_only(store) -> None:
    at = run({"users": "40"})
    at.run()  # reruns write nothing
    assert records(store) == 0
    assert at.code[0].value.endswith("?" + Scenario(users=40).query())  # the full link
    at.button(key="make_short").click().run()
    assert_healthy(at)
    link_id = store.save_scenario(Scenario(users=40), CODE)  # the same scenario: its id
    assert records(store) == 1
    assert at.code[0].value.endswith(f"?s={link_id}")
    assert dict(at.query_params.items()) == {"s": link_id}  # the address bar follows
    at.run()
    assert records(store) == 1


def test_opening_a_short_link_is_opening_the_full_link(store) -> None:
    scenario = Scenario(users=90, sites=3, overrides=(("approved_vpn", "monthly_usd", 700.0),))
    link_id = store.save_scenario(scenario, CODE)
    short, full = run({"s": link_id}), run(scenario.query_dict())
    assert metrics(short) == metrics(full)
    assert [m.value for m in short.markdown][:3] == [m.value for m in full.markdown][:3]
    assert [w.value for w in short.warning] == [w.value for w in full.warning]  # same notices
    assert any("Opened from a short link made on" in c.value for c in short.caption)
    assert short.code[0].value.endswith(f"?s={link_id}")
    short.text_input(key="users").input("91").run()  # a change: the full link again
    assert dict(short.query_params.items()) == Scenario(
        users=91, sites=3, overrides=scenario.overrides).query_dict()


def test_an_old_default_record_reopens_its_own_numbers_and_offers_todays(store) -> None:
    old = read_default().copy()
    old.loc[old["option_id"] == "approved_vpn", "monthly_usd"] = 4321.0
    link_id = store.save(Scenario(users=30).query(), encode_table(old), False)
    at = run({"s": link_id})
    assert any("Today's default figures differ" in i.value for i in at.info)
    then = metrics(at)
    assert then != metrics(run({"users": "30"}))
    at.button(key="short_today").click().run()
    assert_healthy(at)
    assert metrics(at) == metrics(run({"users": "30"}))
    assert dict(at.query_params.items()) == Scenario(users=30).query_dict()


@pytest.mark.parametrize("bad", ["AAAAAAAAAAAAAAAA", "'; DROP TABLE links; --", "A" * 10_000,
                                 "数据数据数据数据数据数据数据数据", ""])
def test_an_unknown_or_hostile_short_link_is_a_notice_on_the_default_page(store, bad) -> None:
    at = run({"s": bad})
    assert_healthy(at)
    notice = " ".join(w.value for w in at.warning)
    assert "**s**" in notice and "opened the default comparison" in notice
    assert metrics(at) == metrics(run())
    assert records(store) == 0


def test_with_the_store_off_the_share_box_gives_the_full_link(monkeypatch) -> None:
    monkeypatch.setenv("CONNECTIVITY_STORE", "off")
    at = run({"users": "12"})
    assert not [b for b in at.button if b.key == "make_short"]
    assert at.code[0].value.endswith("?" + Scenario(users=12).query())
    at = run({"s": "AAAAAAAAAAAAAAAA"})
    assert "link store is off" in " ".join(w.value for w in at.warning)
