"""The app under streamlit.testing's AppTest: the page tests and `make bench` open it here."""

from streamlit.testing.v1 import AppTest

from .server import ROOT

APP = str(ROOT / "app.py")
FAILURE = "Something went wrong while drawing this page"


def new_app() -> AppTest:
    """The app, not run yet."""
    return AppTest.from_file(APP, default_timeout=120)


def run(query: dict[str, str] | None = None, page: str | None = None) -> AppTest:
    """Open the app as a link would: with a query string, on a page."""
    at = new_app()
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if page:
        at.switch_page(f"pages/{page}.py")
    at.run()
    assert_healthy(at)
    return at


def assert_healthy(at: AppTest) -> None:
    """No uncaught exception and no last-resort error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not [e for e in at.error if FAILURE in e.value]


def unescape(text: str) -> str:
    return text.replace("\\", "")
