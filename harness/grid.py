"""The Assumptions page's grids in a real browser: select a cell, type into it.

The grids are canvases (Glide Data Grid); each keeps an accessible twin table whose
cells say which one is selected, which is what these helpers wait on.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from connectivity.views.labels import COLUMN_GROUPS, group_of
from harness.selectors import GRID


def select_cell(page: Page, row: int, column: str) -> Locator:
    """Select the options grids' cell (row, column); returns its accessible twin.

    Select the first body cell with a click, walk to the target with the arrow
    keys (the grid scrolls itself) and check that the grid's own accessible
    table says that cell is the selected one.
    """
    # The options are edited in grouped grids (prices, timing, risks, route): the route's
    # pinned name first, then the group's columns.
    group = group_of(column)
    col = 1 + COLUMN_GROUPS[group][1].index(column)
    grid = page.locator(GRID).nth(group)
    grid.scroll_into_view_if_needed()  # a click off the screen selects nothing
    first = grid.locator("#glide-cell-0-0")
    for _ in range(3):
        # When another grid had the focus, the first click only takes it back.
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 20, box["y"] + 36 + 17)
        try:
            expect(first).to_have_attribute("aria-selected", "true", timeout=2_000)
            break
        except AssertionError:
            continue
    expect(first).to_have_attribute("aria-selected", "true")
    for _ in range(row):
        page.keyboard.press("ArrowDown")
    for _ in range(col):
        page.keyboard.press("ArrowRight")
    cell = grid.locator(f"#glide-cell-{col}-{row}")
    expect(cell).to_have_attribute("aria-selected", "true")
    return cell


def edit_cell(page: Page, row: int, column: str, value: str) -> None:
    """Type `value` into the options grid's cell (row, column) and commit it with Enter."""
    select_cell(page, row, column)
    page.keyboard.press("Enter")
    editor = page.locator("input.gdg-input, textarea.gdg-input")
    expect(editor).to_have_count(1)
    editor.fill(value)
    editor.press("Enter")
    expect(editor).to_have_count(0)
