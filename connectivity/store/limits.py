"""Bounded writes: nobody can fill the store (SPEC section 7).

Only records actually written count (reopening or re-sharing a scenario already
stored writes nothing). Sessions and addresses are counted under keyed hashes,
kept a day, never with a link.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from ..views.format import number
from .db import writes


@dataclass(frozen=True)
class Caps:
    record_bytes: int = 256_000  # query + table of one record
    per_session_hour: int = 60
    per_address_hour: int = 300
    per_day: int = 20_000


CAPS = Caps()


class LimitReached(RuntimeError):
    """A write refused by a cap; the message says which, for people."""


def key(secret: str, kind: str, who: str) -> str:
    return hmac.new(secret.encode(), f"{kind}:{who}".encode(), hashlib.sha256).hexdigest()[:32]


def check(connection, caps: Caps, now: datetime, session_key: str, address_key: str,
          size: int) -> None:
    """Raise LimitReached when one more record of `size` bytes would pass a cap."""
    if size > caps.record_bytes:
        raise LimitReached(f"this scenario is {number(size)} bytes, over the "
                           f"{number(caps.record_bytes)}-byte limit of a short link")
    hour, day = now - timedelta(hours=1), now - timedelta(days=1)

    def count(*where) -> int:
        return connection.execute(select(func.count()).select_from(writes).where(*where)
                                  ).scalar_one()

    if count(writes.c.session_key == session_key, writes.c.at > hour) >= caps.per_session_hour:
        raise LimitReached(f"this session has made {caps.per_session_hour} short links in the "
                           "last hour, the most it may")
    if count(writes.c.address_key == address_key, writes.c.at > hour) >= caps.per_address_hour:
        raise LimitReached(f"this address has made {caps.per_address_hour} short links in the "
                           "last hour, the most it may")
    if count(writes.c.at > day) >= caps.per_day:
        raise LimitReached(f"the store has taken {number(caps.per_day)} new links in the last day, "
                           "the most it takes")


def record(connection, now: datetime, session_key: str, address_key: str) -> None:
    connection.execute(writes.delete().where(writes.c.at < now - timedelta(days=1)))
    connection.execute(writes.insert().values(at=now, session_key=session_key,
                                              address_key=address_key))
