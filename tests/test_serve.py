"""deploy/serve.py, the entry that ships: app.py served as it is, warmed at start-up.

Real servers (`streamlit run deploy/serve.py` from the project folder, as make run
and the Dockerfile start it). Checked as behaviour, never as timing (that is
`make capacity`'s first-link row): the server is healthy; the warm-up ran app.py
on every page and left no session; the shipped .streamlit/config.toml applies;
a new session draws the Compare page; and a warm-up that fails or overruns is
logged while the server serves anyway.

The pages are read through Streamlit's WebSocket, as a browser reads them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.NewSession_pb2 import Config, CustomThemeConfig
from websockets.sync.client import connect

from harness.ready import DidNotStart
from harness.served import Server
from harness.server import ENTRY, ROOT, streamlit_server

# Left out of `make test-fast` (processes, servers or many memos); `make test` runs it.
pytestmark = pytest.mark.slow

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
PAGES = (ROOT / "app.py").read_text().count("st.Page(")
WARMED = re.compile(r"warm-up done: (\d+) runs of app\.py")
FAILED = "warm-up failed"

# An entry like deploy/serve.py whose warm-up goes wrong: Streamlit finds `app = st.App`
# in the file it runs, so the test's file builds one with serve.py's own lifespan.
BROKEN = """import sys
sys.path.insert(0, {root!r})
import streamlit as st
from deploy import serve

{patch}

app = st.App(serve.APP, lifespan=serve.lifespan)
"""
RAISES = """async def broken(runtime):
    raise RuntimeError("a warm-up broken on purpose")


serve.warm = broken"""
OVERRUNS = "serve.WARM_TIMEOUT_S = 0.01  # far less than the first run takes"


@dataclass
class Started:
    server: Server
    metrics: dict[str, float]  # read as soon as the server answered, before any visit

    @property
    def log(self) -> str:
        return self.server.log.read_text(errors="replace")


def start(log_path: Path, script: str) -> Iterator[Started]:
    try:
        with streamlit_server(log_path, script, ROOT) as (url, pid):
            server = Server(url, pid, log_path)
            yield Started(server, server.sessions() or {})
    except DidNotStart as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="module")
def entry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Started]:
    yield from start(tmp_path_factory.mktemp("serve") / "server.log", ENTRY)


@pytest.fixture(scope="module", params=["raises", "overruns"])
def broken(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Started]:
    folder = tmp_path_factory.mktemp(f"broken-{request.param}")
    patch = RAISES if request.param == "raises" else OVERRUNS
    script = folder / f"broken_{request.param}.py"
    script.write_text(BROKEN.format(root=str(ROOT), patch=patch))
    yield from start(folder / "server.log", str(script))


def browser_session(url: str, page: str | None = None) -> tuple[ForwardMsg, list[ForwardMsg]]:
    """What a browser's WebSocket gets for one run: (new_session, the run's deltas)."""
    with connect(url.replace("http://", "ws://") + "/_stcore/stream",
                 subprotocols=["streamlit"], open_timeout=30) as socket:

        pages: dict[str, str] = {}  # url path → page script hash, from st.navigation

        def run(page_hash: str = "") -> tuple[ForwardMsg | None, list[ForwardMsg]]:
            back = BackMsg()
            back.rerun_script.query_string = ""
            back.rerun_script.page_script_hash = page_hash
            socket.send(back.SerializeToString())
            new, deltas = None, []
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(socket.recv(timeout=120))
                kind = msg.WhichOneof("type")
                if kind == "new_session":
                    new = msg
                elif kind == "delta":
                    deltas.append(msg)
                elif kind == "navigation":
                    pages.update((p.url_pathname, p.page_script_hash)
                                 for p in msg.navigation.app_pages)
                elif kind == "script_finished" and \
                        msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return new, deltas

        new, deltas = run()
        assert new is not None
        if page is not None:
            _, deltas = run(pages[page])
        return new, deltas


def assert_draws_compare(url: str) -> None:
    """A browser's new session on the default link gets the Compare page's title and
    headline (drawn, or replayed from what the warm-up drew: the same messages)."""
    _, deltas = browser_session(url)
    drawn = [d.delta.new_element for d in deltas if d.delta.WhichOneof("type") == "new_element"]
    titles = [e.heading.body for e in drawn
              if e.WhichOneof("type") == "heading" and e.heading.tag == "h1"]
    headlines = [e.markdown.body for e in drawn
                 if e.WhichOneof("type") == "markdown" and e.markdown.body.startswith("#### ")]
    assert titles == ["Compare the routes"]
    assert len(headlines) == 1 and "costs least over 36 months" in headlines[0]


def test_the_entry_is_healthy_once_app_py_ran_on_every_page(entry):
    # streamlit_server yielded once /_stcore/health answered "ok"
    runs = [int(n) for n in WARMED.findall(entry.log)]
    assert runs == [PAGES]
    assert FAILED not in entry.log
    assert entry.server.log_problems() == []


def test_the_warm_up_leaves_no_session(entry):
    assert entry.metrics["active_sessions"] == 0
    # it was a session of its own: connected once, then closed
    assert entry.metrics["session_events_total:connect"] == 1
    assert entry.metrics["session_events_total:disconnect"] == 1


def test_the_shipped_config_applies(entry):
    new, _ = browser_session(entry.server.url)
    config, theme = new.new_session.config, new.new_session.custom_theme
    assert config.gather_usage_stats is CONFIG["browser"]["gatherUsageStats"] is False
    assert config.toolbar_mode == Config.ToolbarMode.Value(CONFIG["client"]["toolbarMode"].upper())
    assert theme.base == CustomThemeConfig.BaseTheme.Value(CONFIG["theme"]["base"].upper())
    assert theme.primary_color == CONFIG["theme"]["primaryColor"]
    assert list(theme.chart_categorical_colors) == CONFIG["theme"]["chartCategoricalColors"]
    _, deltas = browser_session(entry.server.url, "assumptions")
    (uploader,) = [d.delta.new_element.file_uploader for d in deltas
                   if d.delta.new_element.WhichOneof("type") == "file_uploader"]
    assert uploader.max_upload_size_mb == CONFIG["server"]["maxUploadSize"]


def test_a_new_session_draws_the_compare_page(entry):
    assert_draws_compare(entry.server.url)


def test_a_failed_warm_up_is_logged_and_the_app_still_serves(broken):
    assert FAILED in broken.log
    assert not WARMED.search(broken.log)
    assert broken.metrics["active_sessions"] == 0
    assert_draws_compare(broken.server.url)
