"""Whether a share link can open anywhere but on the computer that made it."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_NOTE = ("This link opens only on the computer that made this memo (its address is "
              "that computer's own); to share it, make the memo from the app's public address.")


def is_local(link: str) -> bool:
    """A link whose host is this machine (localhost, a loopback or unspecified address)."""
    try:
        host = urlsplit(link).hostname or ""
    except ValueError:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def local_note(link: str) -> str:
    """The sentence a memo prints under a link only its own machine can open, else ''."""
    return LOCAL_NOTE if is_local(link) else ""
