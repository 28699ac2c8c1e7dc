"""An options table carried inside a link: CSV, zlib-compressed, base64url.

Decoding is bounded (no zip bombs) and ends in `read_table`, so a table from a
link obeys exactly the rules of an uploaded file. Nothing is unpickled or
evaluated.
"""

from __future__ import annotations

import base64
import binascii
import functools
import zlib

import pandas as pd

from .cells import readable
from .problems import Problem, TableError
from .table import MAX_BYTES, is_workbook, read_table, table_to_csv

PREFIX = "z1."  # the format's version, so a later format can coexist
MAX_LINK = 8_000  # characters of query string a link may carry (SPEC: table while it fits)


def encode_table(frame: pd.DataFrame) -> str:
    packed = zlib.compress(table_to_csv(frame), 9)
    return PREFIX + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def decode_table(text: str) -> pd.DataFrame:
    return _decode(text).copy()


@functools.lru_cache(maxsize=8)
def _decode(text: str) -> pd.DataFrame:
    if not text.startswith(PREFIX):
        raise TableError([Problem("the link's table is not in a format this calculator "
                                  "writes")])
    try:
        body = text[len(PREFIX):]
        packed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj()
        data = inflater.decompress(packed, MAX_BYTES + 1)
    except (binascii.Error, ValueError, zlib.error):
        raise TableError([Problem("the link's table is damaged (was the link cut short?)")]
                         ) from None
    if len(data) > MAX_BYTES or inflater.unconsumed_tail:
        raise TableError([Problem(f"the link's table is over the {readable(MAX_BYTES)}-byte "
                                  "limit")])
    if not inflater.eof:  # a cut link inflates to a shorter table without any zlib error
        raise TableError([Problem("the link's table is damaged (was the link cut short?)")])
    if is_workbook(data):  # links carry our CSV only; a workbook is an upload's business
        raise TableError([Problem("the link's table is not in a format this calculator "
                                  "writes")])
    return read_table(data, decimal=".")  # our own format: decimal points, no grouping


def table_for(table_code: str, default: pd.DataFrame) -> pd.DataFrame:
    """The base table a scenario names: its own from the link, else the default."""
    return decode_table(table_code) if table_code else default
