"""The comparison as a CSV file a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io

import pandas as pd

from ..inputs.formulas import neutralise
from ..schema.outputs import OUTPUT_BY_NAME, OUTPUT_COLUMNS


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
            value, output = record[column], OUTPUT_BY_NAME[column]
            if output.unit == "text":
                cells.append(neutralise(str(value)))
            elif output.unit == "count":
                cells.append(str(int(value)))
            else:
                cells.append(_number(value, output.decimals))
        writer.writerow(cells)
    return out.getvalue().encode("utf-8-sig")
