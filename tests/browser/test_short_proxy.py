"""A short link made on one replica opens on the other, behind the shipped nginx site,
both replicas sharing one PostgreSQL link store (SPEC 7): same headline, table, CSV."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from connectivity.store import open_store
from connectivity.store.db import ENV
from harness.browse import settle
from harness.nginx import NGINX, Proxy, nginx_proxy
from harness.postgres import postgres
from harness.ready import DidNotStart
from harness.selectors import SHORT_LINK
from harness.server import streamlit_server
from tests.browser.test_proxy import CAPTION, LINK, context_for, open_link, seen


@contextlib.contextmanager
def environment(**values: str) -> Iterator[None]:
    """Servers started inside inherit these variables; restored after."""
    before = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


class Deployment:
    def __init__(self, proxy: Proxy, store_url: str) -> None:
        self.proxy, self.store_url = proxy, store_url


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test`", pytrace=False)
    folder = tmp_path_factory.mktemp("short-replicas")
    try:
        with postgres() as pg, environment(**{ENV: pg.url}), \
                streamlit_server(folder / "a.log") as (url_a, _), \
                streamlit_server(folder / "b.log") as (url_b, _), \
                nginx_proxy([url_a, url_b], pinnable=True) as proxy:
            yield Deployment(proxy, pg.url)
    except DidNotStart as exc:
        pytest.fail(str(exc), pytrace=False)


def test_a_short_link_made_on_one_replica_opens_on_the_other(browser: Browser,
                                                              deployment: Deployment):
    first = context_for(browser, deployment, 0)
    page = first.new_page()
    open_link(page, deployment.proxy.url + "/" + LINK)
    page.get_by_role("button", name="Make a short link to share").click()
    expect(page.locator(SHORT_LINK)).to_contain_text("?s=")
    settle(page)
    short = (page.locator(SHORT_LINK).text_content() or "").strip()
    assert short.startswith(deployment.proxy.url) and "?s=" in short
    assert len(short.split("?s=")[1]) == 16
    made_here = seen(page)
    first.close()
    # The record is in PostgreSQL, not in either replica's process.
    assert open_store(deployment.store_url).load(short.split("=")[-1]).query
    second = context_for(browser, deployment, 1)
    page = second.new_page()
    open_link(page, short)
    opened_there = seen(page)
    for name in ("headline", "metrics", "table", "csv"):
        assert opened_there[name] == made_here[name], name
    assert any("Opened from a short link made on" in text
               for text in page.locator(CAPTION).all_inner_texts())
    expect(page.locator(SHORT_LINK)).to_have_text(short)
    second.close()
