"""The comparison as a CSV file a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io

import pandas as pd

from ..inputs.formulas import neutralise
from ..model.compare import OUTPUT_COLUMNS

TEXT_COLUMNS = ("option_id", "name", "legal_status", "reach", "scenario")


def _number(value: object, decimals: int) -> str:
    return f"{float(value):.{decimals}f}"


def comparison_csv(comparison: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, comma separated, one header line; numbers stay numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(OUTPUT_COLUMNS)
    for record in comparison[list(OUTPUT_COLUMNS)].to_dict("records"):
        cells = []
        for column in OUTPUT_COLUMNS:
            value = record[column]
            if column in TEXT_COLUMNS:
                cells.append(neutralise(str(value)))
            elif column == "rank":
                cells.append(str(int(value)))
            elif column == "prob_lowest_cost":
                cells.append(_number(value, 4))
            else:
                cells.append(_number(value, 2))
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")
