"""What sticks out of a narrow screen: table headers and the pieces of each drawn chart.

A chart's svg is as wide as its column, but Vega draws a legend or a title that does
not fit past the svg's edge, where the page cuts it off: so each piece is measured on
its own (a group's box covers what it draws, cut off or not).
"""

from __future__ import annotations

from playwright.sync_api import Page

from .selectors import CHART

# Pieces of a Vega chart by their role class: titles, axis titles and labels, legends.
CHART_PIECES = (".role-title, .role-axis-title, .role-axis-label, .role-legend, "
                ".role-legend-label, .role-legend-title")

_OUTSIDE = """([headers, chart, pieces]) => {
  const width = document.documentElement.clientWidth;
  const out = [];
  const check = (what, el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) return;
    if (box.left < -0.5 || box.right > width + 0.5)
      out.push(`${what}: ${Math.round(box.left)} to ${Math.round(box.right)} px ` +
               `(screen ${width} px) ${(el.textContent || "").trim().slice(0, 60)}`);
  };
  for (const th of document.querySelectorAll(headers)) check("table header", th);
  document.querySelectorAll(chart).forEach((c, i) => {
    const drawn = c.querySelector("svg.marks, canvas");
    if (!drawn) { out.push(`chart ${i}: not drawn`); return; }
    check(`chart ${i}`, drawn);
    for (const piece of drawn.querySelectorAll(pieces))
      check(`chart ${i} ${piece.classList}`, piece);
  });
  return out;
}"""


def outside_width(page: Page, headers: str) -> list[str]:
    """Each table header cell (`headers`, a selector) and each chart piece that reaches
    past the screen's left or right edge, in words; [] when everything fits."""
    return page.evaluate(_OUTSIDE, [headers, CHART, CHART_PIECES])


def chart_pieces(page: Page) -> list[int]:
    """How many measured pieces each chart has (a chart with none was not measured)."""
    return page.evaluate(
        "([chart, pieces]) => [...document.querySelectorAll(chart)].map("
        "c => c.querySelectorAll(pieces).length)", [CHART, CHART_PIECES])
