"""The Methodology page renders its Markdown, and it shows every input the code defines."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from connectivity import OUTPUT_COLUMNS
from connectivity.schema.columns import COLUMNS
from connectivity.schema.params import PARAMS
from connectivity.views.sources import SOURCES
from harness.apptest import new_app
from harness.server import ROOT

SECTIONS = (
    "What is compared", "The timeline", "What each route costs", "People who leave",
    "Ranges: how an uncertain number is entered", "Averages: exact, not simulated",
    "Simulation: the spread of possible futures", "Reading the results",
    "Net present value", "What each input means", "What the model leaves out", "Sources",
)


@pytest.fixture(scope="module")
def page() -> AppTest:
    at = new_app()
    at.switch_page("pages/methodology.py")
    at.run()
    return at


def page_text(at: AppTest) -> str:
    parts = [e.value for e in at.title]
    parts += [e.value for e in at.header] + [e.value for e in at.subheader]
    parts += [e.value for e in at.markdown] + [e.value for e in at.latex]
    for table in at.table:
        parts.append(table.value.to_csv(index=False))
    return "\n".join(str(p) for p in parts)


def test_renders_without_exception(page: AppTest) -> None:
    assert not page.exception
    assert [t.value for t in page.title] == ["Methodology"]


def test_key_sections_exist(page: AppTest) -> None:
    headers = {h.value for h in page.header}
    missing = [s for s in SECTIONS if s not in headers]
    assert not missing, f"missing sections: {missing}"


def test_every_param_and_column_is_shown(page: AppTest) -> None:
    text = page_text(page)
    names = [p.name for p in PARAMS] + [c.name for c in COLUMNS] + list(OUTPUT_COLUMNS)
    missing = [n for n in names if n not in text]
    assert not missing, f"not on the page: {missing}"


def test_input_tables_follow_the_code(page: AppTest) -> None:
    tables = [t.value for t in page.table]
    params = next(t for t in tables if "On the form" in t.columns)
    assert list(params["Name"]) == [f"`{p.name}`" for p in PARAMS]
    assert list(params["On the form"]) == [p.label for p in PARAMS]
    columns = next(t for t in tables if "Column" in t.columns and "Required" in t.columns)
    assert list(columns["Column"]) == [f"`{c.name}`" for c in COLUMNS]
    assert list(columns["What it means"]) == [c.help for c in COLUMNS]


def test_formulas_are_present(page: AppTest) -> None:
    formulas = [e.value for e in page.latex]
    assert len(formulas) >= 10
    joined = "\n".join(formulas)
    for piece in (r"\max(A_o", r"\text{Poisson}", r"\sqrt{1 - c}", r"\text{Gamma}",
                  r"(1 + d)^{1/12} - 1", r"e^{\mu + \sigma^2/2}"):
        assert piece in joined, piece


def test_status_quo_charges_while_waiting_are_included(page: AppTest) -> None:
    # SPEC section 4: the status quo's service charges during the lead time count.
    assert r"\text{service}_o = S_o\,B_o + S_q\,W_o" in "\n".join(e.value for e in page.latex)
    text = page_text(page)
    assert "you still pay for the one you use today" in text
    assert "charges while you wait" not in text  # the old "left out" note is gone


def test_sources_are_dated_and_tagged(page: AppTest) -> None:
    shown = next(t for t in (e.value for e in page.table) if "Source" in t.columns)
    assert list(shown.itertuples(index=False, name=None)) == [tuple(s) for s in SOURCES]
    text = page_text(page)
    for piece in ("South China Morning Post", "25 Jul 2017", "[2017] No. 32", "SIGMETRICS",
                  "USENIX Security", "TeleGeography", "Q4 2016", "Network World",
                  "Hainan", "Global Times", "AmCham China", "European Chamber", "[G]",
                  "[V]", "[S]"):
        assert piece in text, piece


def test_no_raw_html(page: AppTest) -> None:
    source = (ROOT / "pages" / "methodology.py").read_text(encoding="utf-8")
    assert "unsafe_allow_html" not in source


def test_decide_explains_regret_evpi_evppi_with_estimator_bias_and_references(page: AppTest):
    text = page_text(page)
    for piece in ("Expected regret", "EVPI, the expected value of perfect information",
                  "EVPPI, the partial value for one input", r"\lfloor\sqrt{T}\rfloor",
                  "Bias and noise", "too high", "too low", "average size of that route's "
                  "events", "Strong M", "2013;33(6):755–766", "Claxton K", "Raiffa H",
                  "dampack", "BCEA", "voi"):
        assert piece in text, piece


def test_talent_loss_is_explained_with_its_formula_and_sources(page: AppTest) -> None:
    latex = "\n".join(e.value for e in page.latex)
    # The status quo's leavers count during the lead time; the share is capped at 100%.
    assert r"\text{users} \times R \times \frac{a_o\,A_o + a_q\,W_o}{12}" in latex
    assert r"a = \min(X,\ 1)" in latex and r"+ \text{talent}_o" in latex
    text = page_text(page)
    for piece in ("21% of a year's pay", "Boushey", "[G]", "correlation", "Estimate losses"):
        assert piece in text, piece
