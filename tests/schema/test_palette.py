"""The palette is defined once: .streamlit/config.toml's theme repeats schema/palette.py."""

import re
import tomllib

from connectivity.schema.palette import PALETTE
from harness.server import ROOT

CONFIG = ROOT / ".streamlit" / "config.toml"


def theme() -> dict:
    with CONFIG.open("rb") as file:
        return tomllib.load(file)["theme"]


def test_chart_colours_are_the_palette_in_order() -> None:
    assert [c.upper() for c in theme()["chartCategoricalColors"]] == [c.upper() for c in PALETTE]


def test_primary_colour_is_the_first_route_colour() -> None:
    assert theme()["primaryColor"].upper() == PALETTE[0].upper()


def test_palette_is_distinct_hex_colours() -> None:
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", c) for c in PALETTE), PALETTE
    assert len({c.upper() for c in PALETTE}) == len(PALETTE)
