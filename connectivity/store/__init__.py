"""The link store: scenarios kept under short ids, on SQLite or PostgreSQL (SPEC section 7).

No Streamlit here. `open_store()` reads CONNECTIVITY_STORE; `Store.save` and
`Store.load` are the whole interface: no listing, no search.
"""

from .db import StoreUnavailable, store_url
from .limits import CAPS, LimitReached
from .short import LinkNotFound, Record, Store, is_link_id, open_store

__all__ = [
    "CAPS", "LimitReached", "LinkNotFound", "Record", "Store", "StoreUnavailable",
    "is_link_id", "open_store", "store_url",
]
