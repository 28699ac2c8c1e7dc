"""A problem found in user input, named by where it is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    message: str
    line: int | None = None  # as a spreadsheet numbers it: header = line 1
    column: str | None = None
    sheet: str | None = None  # in a workbook: the sheet's name
    cell: str | None = None  # in a workbook: the cell as Excel names it (B7)

    def __str__(self) -> str:
        where = []
        if self.sheet is not None:
            where.append(f"sheet '{self.sheet}'")
        if self.cell:
            where.append(f"cell {self.cell}")
        elif self.line is not None:
            where.append(f"{'row' if self.sheet is not None else 'line'} {self.line}")
        if self.column:
            where.append(f"column {self.column}")
        return (", ".join(where) + ": " if where else "") + self.message


class TableError(ValueError):
    """An options table that breaks the rules; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
