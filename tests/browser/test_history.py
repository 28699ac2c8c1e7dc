"""Each change the manager makes is a step of the browser's history; Back returns to it.

Streamlit pushes a history entry whenever the app changes the address bar, and marks
the run that Back or Forward starts; the app then reads the scenario from the address
bar again instead of writing the one it had over it.
"""

from __future__ import annotations

from playwright.sync_api import Page, expect

from harness.browse import healthy, number_input, params_of, settle
from harness.selectors import HEADLINE, RUN_TIMEOUT_MS


def _type(page: Page, name: str, value: str) -> None:
    box = number_input(page, name)
    box.fill(value)
    box.press("Enter")
    page.wait_for_url(f"**{name}={value}**", timeout=RUN_TIMEOUT_MS)
    settle(page)


def _holds(page: Page, name: str, value: str) -> None:
    page.wait_for_url(f"**{name}={value}**", timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(number_input(page, name)).to_have_value(value)
    page.wait_for_timeout(3000)  # it used to snap back to the newer value after ~3 s
    assert params_of(page.url)[name] == value, page.url
    expect(number_input(page, name)).to_have_value(value)


def test_back_and_forward_return_each_scenario(page: Page, open_app) -> None:
    open_app(page, "?users=60&trials=2000", expect=HEADLINE)
    _type(page, "users", "61")
    first = page.locator(HEADLINE).inner_text()
    _type(page, "users", "62")
    _type(page, "sites", "2")
    page.go_back()
    _holds(page, "sites", "1")
    assert params_of(page.url)["users"] == "62"
    page.go_back()
    _holds(page, "users", "61")
    expect(page.locator(HEADLINE)).to_have_text(first)
    page.go_forward()
    _holds(page, "users", "62")
    # A change after going back is one more step, from the scenario shown.
    page.go_back()
    _holds(page, "users", "61")
    _type(page, "mbps", "30")
    assert params_of(page.url)["users"] == "61"
    healthy(page)
