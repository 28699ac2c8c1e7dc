"""Browser steps on "Your quotes": find a route's quote form, type a quote and save it."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

from .browse import settle

SAVE_TIMEOUT_MS = 60_000


def form_of(page: Page, route: str) -> Locator:
    """The quote form of one route, found by its save button's name."""
    return page.locator("[data-testid='stForm']").filter(
        has=page.get_by_role("button", name=f"Save the quote for {route}"))


def enter_quote(page: Page, route: str, fields: dict[str, str], bandwidth: str) -> None:
    """Type each field as a manager would (Tab after each), choose how Mbps are priced, save,
    and wait for the link to change (a save is one step of the browser's history)."""
    form = form_of(page, route)
    for label, value in fields.items():
        box = form.get_by_label(label, exact=True)
        box.fill(value)
        box.press("Tab")
    form.get_by_text(bandwidth, exact=True).click()
    before = page.url
    form.get_by_role("button", name=f"Save the quote for {route}").click()
    page.wait_for_function("u => window.location.href !== u", arg=before,
                           timeout=SAVE_TIMEOUT_MS)
    settle(page)
