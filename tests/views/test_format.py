"""views/format: figures read back as people write them, never in a machine's notation."""

import pytest

from connectivity.schema.params import PARAM_BY_NAME
from connectivity.views.format import figure


@pytest.mark.parametrize("value, shown", [
    (7.2, "7.2"), (30.0, "30"), (12.345, "12.345"), (1300.0, "1,300"),
    (0.0001, "0.0001"), (1_000_000.0, "1,000,000"), (0.1 + 0.2, "0.3"),
])
def test_a_figure_reads_as_typed(value, shown):
    assert figure(value) == shown


def test_no_exchange_rate_the_sidebar_takes_reads_as_an_exponent():
    rate = PARAM_BY_NAME["fx_rate"]
    for value in (rate.low, rate.high, rate.default):
        assert "e" not in figure(value), figure(value)
