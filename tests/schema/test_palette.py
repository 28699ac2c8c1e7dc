"""The palette is defined once: .streamlit/config.toml's theme repeats schema/palette.py."""

import math
import re
import tomllib

import pytest

from connectivity.schema.palette import PALETTE, contrast, ink
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


# --- colour-blindness: every pair of routes stays apart ----------------------------------
# Machado, Oliveira & Fernandes (2009), full-severity simulation matrices on linear RGB.
VISION = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _lab(colour: str, vision: str) -> tuple[float, float, float]:
    """CIELAB (D65) of a colour as a person with that vision sees it."""
    srgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
    seen = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, lin)))) for row in VISION[vision]]
    xyz = [sum(m * c for m, c in zip(row, seen)) / white for row, white in zip(
        ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505)),
        (0.95047, 1.0, 1.08883))]
    f = [t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _closest(colours: tuple[str, ...], vision: str) -> float:
    labs = [_lab(c, vision) for c in colours]
    return min(math.dist(a, b) for i, a in enumerate(labs) for b in labs[i + 1:])


@pytest.mark.parametrize("vision", list(VISION))
def test_eight_routes_stay_apart_for_every_vision(vision: str) -> None:
    assert len(PALETTE) == 8
    # ΔE*ab 15: far beyond "just noticeable" (about 2.3); lines and legend swatches differ.
    assert _closest(PALETTE, vision) >= 15


@pytest.mark.parametrize("vision", list(VISION))
def test_the_first_three_routes_are_far_apart(vision: str) -> None:
    assert _closest(PALETTE[:3], vision) >= 30


def test_the_simulation_can_tell_colours_apart_only_when_they_differ() -> None:
    # A pair that protanopes confuse (red and green of equal lightness) must fail the rule.
    assert _closest(("#CC6677", "#999933"), "normal") > 15
    assert _closest(("#D55E00", "#8A8A00"), "protanopia") < _closest(("#D55E00", "#8A8A00"),
                                                                     "normal")


def test_route_names_in_their_colour_read_on_white() -> None:
    for colour in PALETTE:
        text = ink(colour)
        assert contrast(text) >= 4.5
        if contrast(colour) >= 4.5:
            assert text == colour  # dark colours are used as they are
