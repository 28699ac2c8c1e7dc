"""Colours, defined once: routes keep theirs on every page (and in .streamlit/config.toml)."""

from __future__ import annotations

# Paul Tol's "muted" qualitative scheme (without its teal, the colour nearest another
# under colour-blindness), ordered so that the first routes are the furthest apart: a
# table of three (the default) gets indigo, wine and olive. Eight routes get eight
# colours; tests/schema/test_palette.py checks they stay apart under simulated
# protanopia, deuteranopia and tritanopia.
PALETTE = ("#332288", "#882255", "#999933", "#117733", "#CC6677", "#AA4499", "#88CCEE",
           "#DDCC77")
COMPONENT_LABELS = {
    "setup": "Setup", "service": "Service charges", "productivity_loss": "Lost productivity",
    "outage_loss": "Outages", "incident_loss": "Enforcement incidents",
    "talent_loss": "People who would leave",
}
COMPONENT_COLORS = ("#3b3b3b", "#7f7f7f", "#a6cee3", "#fdbf6f", "#fb9a99", "#cab2d6")
TEXT_CONTRAST = 4.5  # WCAG AA for normal text on white


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(colour: str) -> float:
    """Contrast ratio against white."""
    return 1.05 / (luminance(colour) + 0.05)


def ink(colour: str) -> str:
    """The colour darkened (same hue) until text in it reads on white: a route's name
    printed in its chart colour, where the light colours of the palette would fade."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    shade = colour
    for step in range(1, 21):
        if contrast(shade) >= TEXT_CONTRAST:
            break
        k = 1 - step / 20
        shade = f"#{round(r * k):02X}{round(g * k):02X}{round(b * k):02X}"
    return shade
