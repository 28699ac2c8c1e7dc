"""Debian's Chromium under Playwright (never a browser download), and pages that reach
only the app and record what no test asked for."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
# Many tabs in one browser: keep the hidden ones running at full speed.
BUSY_ARGS = ["--disable-renderer-backgrounding", "--disable-background-timer-throttling"]
VIEWPORT = {"width": 1400, "height": 1000}
MISSING = (f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium. "
           "Run `make chromium` (apt-get install chromium).")


def chromium_missing() -> str | None:
    """Why Chromium cannot run here, or None."""
    return None if os.access(CHROMIUM, os.X_OK) else MISSING


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium (a sync Playwright Browser); closed on exit."""
    from playwright.sync_api import sync_playwright

    if chromium_missing():
        raise RuntimeError(MISSING)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def app_only(app_url: str, blocked: list[str] | None = None) -> Callable[[Any], Any]:
    """A route handler that lets requests to the app's host through and aborts the rest.

    It returns what Playwright's call returns, so it serves the sync API and the
    async one alike (Playwright awaits a handler's coroutine).
    """
    host = urlsplit(app_url).netloc

    def handle(route: Any) -> Any:
        if urlsplit(route.request.url).netloc == host:
            return route.continue_()
        if blocked is not None:
            blocked.append(route.request.url)
        return route.abort()

    return handle


@dataclass
class Watch:
    """What a page did that no test asked for: dialogs, console errors, outside requests.

    `ignore(text, source)` lets a test pass over console errors it expects.
    """

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    ignore: Callable[[str, str], bool] | None = None

    def clear(self) -> None:
        self.dialogs.clear()
        self.errors.clear()

    def problems(self) -> list[str]:
        return [f"a dialog opened: {text}" for text in self.dialogs] + self.errors

    def on_dialog(self, dialog: Any) -> Any:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        return dialog.dismiss()

    def on_console(self, message: Any) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if source in self.blocked and message.text.startswith("Failed to load resource"):
            return  # an outside resource this harness blocked on purpose
        if self.ignore is not None and self.ignore(message.text, source):
            return
        self.errors.append(f"console error: {message.text} ({source})")

    def on_page_error(self, error: Any) -> None:
        self.errors.append(f"page error: {error}")

    def attach(self, page: Any) -> Any:
        page.on("dialog", self.on_dialog)
        page.on("console", self.on_console)
        page.on("pageerror", self.on_page_error)
        return page


def watched_page(browser: Any, app_url: str, watch: Watch | None = None,
                 viewport: dict[str, int] = VIEWPORT,
                 locale: str | None = None) -> tuple[Any, Watch]:
    """A page in a fresh context (its own cookies, its own session) that reaches only the app.

    Sync Playwright; the page's context is `page.context` (close it when done).
    `locale`: the browser's language and number conventions (e.g. "de-DE").
    """
    watch = watch or Watch()
    context = browser.new_context(viewport=viewport, accept_downloads=True,
                                  **({"locale": locale} if locale else {}))
    context.route("**/*", app_only(app_url, watch.blocked))
    return watch.attach(context.new_page()), watch
