"""XLSX: one sheet per table, a first sheet describing every table and field, header cells with
the field's description as a comment; each sheet has a frozen header row, filters on every column
and columns as wide as their content (up to a limit).

Every cell is written as what it is (text as a string, a boolean as a boolean), never as a
formula: a cell that begins with ``=``, ``+``, ``-`` or ``@`` stays text, so a spreadsheet does
not run it (the validator rejects such cells in the data too).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import xlsxwriter

from .rows import tables

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write", "WORKBOOK", "ABOUT"]

WORKBOOK = "iran-relations.xlsx"
# Columns are as wide as their longest cell up to this many characters; longer text wraps off-screen.
MAX_WIDTH = 60
ABOUT = "about"


def write(ds: Dataset, out: Path) -> list[Path]:
    path = out / WORKBOOK
    book = xlsxwriter.Workbook(
        str(path), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    try:
        bold = book.add_format({"bold": True})
        about = book.add_worksheet(ABOUT)
        about.write_row(0, 0, ["table", "field", "title", "description"], bold)
        line = 1
        for t, rows in tables(ds):
            about.write_string(line, 0, t.name, bold)
            about.write_string(line, 3, t.description)
            line += 1
            for f in t.fields:
                for col, text in enumerate([t.name, f.name, f.title, f.description]):
                    about.write_string(line, col, text)
                line += 1
            sheet = book.add_worksheet(t.name)
            for col, f in enumerate(t.fields):
                sheet.write_string(0, col, f.name, bold)
                sheet.write_comment(0, col, f.description[:30000], {"x_scale": 3, "y_scale": 2})
            widths = [len(f.name) for f in t.fields]
            for r, row in enumerate(rows, start=1):
                for col, value in enumerate(row):
                    if value is None:
                        continue
                    if isinstance(value, bool):
                        sheet.write_boolean(r, col, value)
                    else:
                        sheet.write_string(r, col, value)
                        widths[col] = max(widths[col], min(len(value), MAX_WIDTH))
            for col, width in enumerate(widths):
                sheet.set_column(col, col, min(width, MAX_WIDTH) + 2)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(len(rows), 1), len(t.fields) - 1)
    finally:
        book.close()
    return [path]
