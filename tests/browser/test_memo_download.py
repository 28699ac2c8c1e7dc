"""The memo download on Compare: built on click, the same bytes as the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from harness.browse import healthy, settle
from harness.memo import pages_of, squeezed, text_of
from harness.selectors import HEADLINE, SHARE, SHORT_LINK
from harness.server import ROOT

MEMO = "Download the memo (PDF)"


def utc_day() -> str:
    return datetime.now(UTC).date().isoformat()


def test_memo_download_equals_cli_for_the_link(page: Page, open_app, tmp_path,
                                               screenshot) -> None:
    open_app(page, "?users=437&sites=2&trials=5000&currency=CNY", expect=HEADLINE)
    button = page.get_by_role("button", name=MEMO)
    expect(button).to_be_visible()
    full = (page.locator(SHARE).text_content() or "").strip()
    page.get_by_role("button", name="Make a short link to share").click()
    expect(page.locator(SHORT_LINK)).to_contain_text("?s=")
    settle(page)
    link = page.locator(SHORT_LINK).inner_text().strip()  # the memo carries this one
    assert urlsplit(link).netloc == urlsplit(full).netloc and len(link) < 100
    day = utc_day()
    with page.expect_download(timeout=120_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == f"connectivity-memo-{day}.pdf"
    data = Path(download.path()).read_bytes()

    out = tmp_path / "memo.pdf"
    done = subprocess.run([sys.executable, "-m", "connectivity", "memo", "--query", link,
                           "--out", str(out)], cwd=ROOT, capture_output=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    if utc_day() != day:
        pytest.skip("the UTC date changed between the download and the command line")
    assert data == out.read_bytes()
    assert pages_of(data) == 2
    assert squeezed(link) in squeezed(text_of(data))
    assert "¥" in text_of(data)
    healthy(page)
    page.get_by_text("Take it with you").scroll_into_view_if_needed()
    screenshot(page, "compare_memo_button")


def test_memo_button_on_a_phone(new_page, open_app, screenshot) -> None:
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 844})
    open_app(page, "", expect=HEADLINE)
    button = page.get_by_role("button", name=MEMO)
    button.scroll_into_view_if_needed()
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    healthy(page)
    screenshot(page, "compare_memo_button_phone")
