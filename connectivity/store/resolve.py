"""From a link that says `s=<id>` to the full link it stands for, for the CLI and the app.

The stored text is untrusted: what comes back is a query string for `parse_query`.
"""

from __future__ import annotations

from collections.abc import Callable

from .db import ENV, StoreUnavailable
from .short import SHORT_KEY, LinkNotFound, Record, Store

Pairs = list[tuple[str, str]]
SHOWN = 24  # characters of a bad id a message repeats


class CannotResolve(LookupError):
    """A short link that cannot be opened here: `reason` is for people."""

    def __init__(self, link_id: str, reason: str) -> None:
        super().__init__(f"s={shown(link_id)}: {reason}")
        self.reason = reason


def short_id(pairs: Pairs) -> str | None:
    """The id a link's `s=` names, if it has one."""
    return next((value for key, value in pairs if key == SHORT_KEY), None)


def shown(link_id: str) -> str:
    text = link_id.replace("\x00", "\\0").replace("\n", "\\n").replace("\r", "\\r")
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def resolve(link_id: str, opener: Callable[[], Store | None]) -> Record:
    """The record behind `link_id`, or CannotResolve saying why (off, unreachable, unknown)."""
    try:
        store = opener()
        if store is None:
            raise CannotResolve(link_id, f"a short link, and the link store is off here "
                                         f"({ENV}=off)")
        return store.load(link_id)
    except StoreUnavailable as exc:
        raise CannotResolve(link_id, f"a short link, and {exc}") from None
    except LinkNotFound as exc:
        raise CannotResolve(link_id, str(exc)) from None
