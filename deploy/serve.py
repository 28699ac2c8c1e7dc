"""`streamlit run deploy/serve.py`: app.py as it is, warmed before the server answers.

The first visit after a server start used to cost several times a later one: it
imported pandas, Altair and our own packages, compiled the pages, loaded
Streamlit's element code and filled the comparison caches. Here Streamlit's
st.App runs app.py (unchanged: Community Cloud runs it directly, without this
warm-up) and its start-up hook (`lifespan`) runs the app once, in-process, on
the default link and then on each page, before the server takes requests.

The warm-up session is Streamlit's own kind of session with a client that
throws its messages away; it is closed when the runs are over, so no session is
left, and what it leaves behind is only what any visit leaves: the imports and
the st.cache_data entries of the default scenario. A warm-up that fails or takes
longer than WARM_TIMEOUT_S is logged and the server serves anyway.

Run it from the project folder (make run, the Dockerfile and the test servers
do): Streamlit reads .streamlit/config.toml from the working folder and from the
folder of the file it runs, which here is deploy/.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import streamlit as st
from streamlit.logger import get_logger
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime import Runtime
from streamlit.runtime.session_manager import SessionClient

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
# Under `streamlit run deploy/serve.py` the folder on sys.path is deploy/; app.py
# imports `pages` and `connectivity` from the project folder, as a plain run finds them.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from connectivity.startup import MissingPart, check  # noqa: E402 (needs ROOT on sys.path)

# Long enough for a slow machine's first run of every page (a quiet one's is in
# bench/results.md, "Figures behind the code"); short enough that the health check
# (Docker's start period is 30 s) is not held back by a warm-up that hangs.
WARM_TIMEOUT_S = 20.0

LOG = get_logger("connectivity.serve")
_DONE = {ForwardMsg.FINISHED_SUCCESSFULLY}


class WarmUpFailed(RuntimeError):
    pass


class _Discard(SessionClient):
    """A session client that keeps only how each run ended."""

    def __init__(self) -> None:
        self.endings: list[int] = []

    def write_forward_msg(self, msg: ForwardMsg) -> None:
        if msg.WhichOneof("type") == "script_finished":
            self.endings.append(msg.script_finished)

    @property
    def client_context(self) -> None:
        return None


async def warm(runtime: Runtime) -> int:
    """Run app.py once on the default link, then once on each other page; return the
    number of runs. Raises WarmUpFailed if a run does not finish successfully.

    Uses the pinned Streamlit's Runtime and AppSession directly (connect_session,
    get_app_session, track_settling, request_rerun, wait_until_settled,
    close_session: public methods of the pinned Streamlit's runtime, the ones its agent
    API uses to run a session without a browser; README, "Version notes");
    tests/test_serve.py covers them.
    """
    client = _Discard()
    session_id = runtime.connect_session(client=client, user_info={})
    try:
        session = runtime.get_app_session(session_id)
        if session is None:
            raise WarmUpFailed("the runtime has no warm-up session")
        session.track_settling()
        session.set_run_on_save(False)

        async def run(state: ClientState, what: str) -> None:
            before = len(client.endings)
            session.request_rerun(state)
            await session.wait_until_settled()
            endings = client.endings[before:]
            if not endings or endings[-1] not in _DONE:
                raise WarmUpFailed(f"{what} did not finish (script_finished {endings})")

        await run(ClientState(), "the default link")
        # st.navigation has now listed the pages, and the default one has run.
        others = [page for page in session.get_pages() if page != session.page_script_hash]
        for page_hash in others:
            await run(ClientState(page_script_hash=page_hash), f"page {page_hash}")
        return 1 + len(others)
    finally:
        runtime.close_session(session_id)


async def warm_or_log(warmer: Callable[[Runtime], Awaitable[int]] | None = None) -> bool:
    """Warm (with `warm` unless told otherwise) within WARM_TIMEOUT_S; log how it went;
    never raise."""
    start = time.perf_counter()
    try:
        async with asyncio.timeout(WARM_TIMEOUT_S):
            runs = await (warmer or warm)(Runtime.instance())
    except Exception:  # a cold first visit is better than no server
        LOG.exception("warm-up failed after %.1f s; serving without it",
                      time.perf_counter() - start)
        return False
    LOG.info("warm-up done: %d runs of app.py in %.1f s", runs, time.perf_counter() - start)
    return True


@asynccontextmanager
async def lifespan(_app: st.App) -> AsyncIterator[None]:
    """Streamlit calls this once its Runtime has started, before serving requests."""
    if not (Path.cwd() / ".streamlit" / "config.toml").is_file():
        LOG.warning("started outside the project folder: .streamlit/config.toml "
                    "(upload limit, XSRF, theme) does not apply")
    await warm_or_log()
    yield


# A part left out of the install (the Methodology, the data, the memo's fonts) stops the
# start here, naming it, rather than showing as a blank page or a memo of "?" later.
try:
    LOG.info("start-up check: %s", "; ".join(check()))
except MissingPart as error:
    raise SystemExit(f"start-up check failed: {error}") from None

app = st.App(APP, lifespan=lifespan)
