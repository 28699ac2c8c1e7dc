"""Chart specs are built once per scenario: a rerun with nothing changed reuses them.

Building and serialising the Compare page's three Altair charts was most of the
cost of a rerun in which every result came from the cache. `_ui.chart` keeps
each spec keyed by the scenario (and a key for anything else it depends on).
"""

import functools

import pytest

from tests.harness.apptest import assert_healthy, run

BUILDERS = ("breakdown_chart", "cost_risk_chart", "cumulative_chart")


def specs(at) -> list[str]:
    return [chart.proto.spec for chart in at.get("vega_lite_chart")]


def datasets(at) -> list[bytes]:
    return [d.data.data for chart in at.get("vega_lite_chart") for d in chart.proto.datasets]


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """Calls to the Compare page's chart builders, by name (the page imports them anew
    on each run, so patching the module is seen)."""
    import connectivity.views.compare as views

    calls: list[str] = []
    for name in BUILDERS:
        original = getattr(views, name)

        @functools.wraps(original)
        def counting(*args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(views, name, counting)
    return calls


def test_a_rerun_with_nothing_changed_reuses_the_specs(counted):
    at = run({"users": "43", "trials": "2000", "seed": "7"})
    first_specs, first_data = specs(at), datasets(at)
    assert len(first_specs) == 3
    counted.clear()
    at.run()
    assert_healthy(at)
    assert counted == []
    assert specs(at) == first_specs and datasets(at) == first_data


def test_a_changed_value_rebuilds_every_chart(counted):
    at = run({"users": "44", "trials": "2000", "seed": "7"})
    before = datasets(at)
    counted.clear()
    at.number_input(key="users").set_value(45).run()
    assert_healthy(at)
    assert sorted(counted) == sorted(BUILDERS)
    assert datasets(at) != before
    # Back to the first value: the same charts as the first time, from the cache.
    counted.clear()
    at.number_input(key="users").set_value(44).run()
    assert counted == [] and datasets(at) == before


def test_the_risk_slider_redraws_its_chart():
    at = run({"trials": "2000", "seed": "11"}, "risk")
    exceedance = 1  # the second chart on the page
    before = at.get("vega_lite_chart")[exceedance].proto.spec
    slider = at.slider[0]
    slider.set_value(slider.max).run()
    assert_healthy(at)
    assert at.get("vega_lite_chart")[exceedance].proto.spec != before


def test_what_the_imports_made_is_left_out_of_each_runs_collection():
    import gc

    run({"trials": "2000"})
    # Streamlit calls gc.collect() after every run; the frozen objects are not walked.
    assert gc.get_freeze_count() > 100_000
