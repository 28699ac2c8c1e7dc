"""Small hand-made options tables for model tests."""

from connectivity.inputs.table import check_records
from connectivity.schema.columns import COLUMNS


def route(option_id: str, **cells) -> dict:
    """One raw table row: zero costs and risks unless given; (low, high) fills a range."""
    row = {c.name: 0 for c in COLUMNS if c.kind == "number"}
    row.update(option_id=option_id, name=option_id.replace("_", " "), legal_status="authorised",
               reach="hq_only", latency_ms="", sources="", notes="")
    for key, value in cells.items():
        if isinstance(value, tuple):
            row[f"{key}_low"], row[f"{key}_high"] = value
        else:
            row[key] = value
    return row


def make_table(*rows: dict):
    """A checked table from rows made with `route`."""
    frame, problems = check_records([(line, row) for line, row in enumerate(rows, start=2)])
    assert not problems, [str(p) for p in problems]
    return frame
