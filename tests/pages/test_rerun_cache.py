"""Charts and tables are drawn once per scenario: a rerun with nothing changed replays them.

Building and serialising the Compare page's charts, and rendering its styled
table, were most of the cost of a rerun in which every result came from the
cache. `_cache.drawn` (and `_cache.chart` through it) keeps what a function
drew, in a cache of the function's own keyed by its arguments, and Streamlit
replays it on a hit.
"""

import functools
import subprocess
import sys

import pytest

from harness.apptest import assert_healthy, run
from harness.server import ROOT

BUILDERS = ("breakdown_chart", "cost_risk_chart", "cumulative_chart")
# What the Compare page's answer and tables are made of, besides the charts.
WORDS = ("headline", "whose_numbers", "comparison_frame")


def specs(at) -> list[str]:
    return [chart.proto.spec for chart in at.get("vega_lite_chart")]


def datasets(at) -> list[bytes]:
    return [d.data.data for chart in at.get("vega_lite_chart") for d in chart.proto.datasets]


def page(at) -> list[str]:
    """The main area's text, figures and tables, in order (what a manager sees)."""
    seen = [m.value for m in at.main.markdown] + [m.value for m in at.caption]
    seen += [f"{m.label}={m.value}" for m in at.metric]
    seen += [d.value.to_csv() for d in at.dataframe]
    return seen


@pytest.fixture
def counted(monkeypatch) -> list[str]:
    """Calls to the Compare page's chart builders and sentence makers, by name (the page
    imports them anew on each run, so patching the module is seen)."""
    import connectivity.views.compare as views

    calls: list[str] = []
    for name in BUILDERS + WORDS:
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
    first_page = page(at)
    assert any("costs least" in text for text in first_page)
    counted.clear()
    at.run()
    assert_healthy(at)
    assert counted == []
    assert specs(at) == first_specs and datasets(at) == first_data
    assert page(at) == first_page


def test_a_changed_value_rebuilds_every_chart(counted):
    at = run({"users": "44", "trials": "2000", "seed": "7"})
    before, before_page = datasets(at), page(at)
    counted.clear()
    at.text_input(key="users").input("45").run()
    assert_healthy(at)
    assert set(counted) == set(BUILDERS + WORDS)
    assert datasets(at) != before and page(at) != before_page
    # Back to the first value: the same page as the first time, from the cache.
    counted.clear()
    at.text_input(key="users").input("44").run()
    assert counted == [] and datasets(at) == before and page(at) == before_page


def test_a_new_currency_redraws_the_replayed_tables_and_figures():
    at = run({"users": "46", "trials": "2000", "seed": "7"})
    in_dollars = page(at)
    at.selectbox(key="currency").set_value("CNY").run()
    assert_healthy(at)
    in_yuan = page(at)
    assert in_yuan != in_dollars
    assert any("CN¥" in text or "¥" in text for text in in_yuan)


def test_the_risk_slider_redraws_its_chart():
    at = run({"trials": "2000", "seed": "11"}, "risk")
    exceedance = 1  # the second chart on the page
    before = at.get("vega_lite_chart")[exceedance].proto.spec
    slider = at.slider[0]
    slider.set_value(slider.max).run()
    assert_healthy(at)
    assert at.get("vega_lite_chart")[exceedance].proto.spec != before


FROZEN = "import gc, sys; {imports}; print(gc.get_freeze_count())"


def _frozen_after(imports: str) -> int:
    """Objects frozen once `imports` ran in a fresh interpreter (this one has run pages)."""
    done = subprocess.run([sys.executable, "-c", FROZEN.format(imports=imports)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=True)
    return int(done.stdout.split()[-1])


def test_what_the_pages_import_is_left_out_of_each_runs_collection():
    # Streamlit calls gc.collect() after every run; frozen objects are not walked. The
    # libraries alone freeze nothing: the pages' shared modules do it.
    assert _frozen_after("import streamlit, pandas, altair, connectivity") == 0
    assert _frozen_after("import pages._ui") > 100_000


def test_functions_of_two_pages_with_one_name_are_kept_apart():
    from pages import _cache

    made = {}
    for page in ("pages/one.py", "pages/two.py"):
        namespace = {"__name__": "__main__"}
        exec(compile("def answer():\n    pass\n", page, "exec"), namespace)  # noqa: S102
        made[page] = namespace["answer"]
    names = {page: _cache.name(f) for page, f in made.items()}
    assert names["pages/one.py"] != names["pages/two.py"]
    assert _cache.name(_cache.chart) == "pages._cache.chart"
    ids = {page: _cache.identity(f) for page, f in made.items()}
    assert ids["pages/one.py"] != ids["pages/two.py"]


def test_an_edited_function_makes_a_new_key():
    from pages import _cache

    def made(body: str):
        namespace = {"__name__": "__main__"}
        exec(compile(f"def draw():\n    return {body}\n", "pages/one.py", "exec"),  # noqa: S102
             namespace)
        return namespace["draw"]

    assert _cache.identity(made("1")) != _cache.identity(made("2"))
    assert _cache.identity(made("1")) == _cache.identity(made("1"))
