"""Read a CSV file into its header and rows, keeping each row's physical line number."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from .issues import Issue

__all__ = ["CsvTable", "read_csv"]

BOM = b"\xef\xbb\xbf"


@dataclass
class CsvTable:
    """The parsed cells of one file. ``rows`` pairs each record with the line it starts on."""

    path: str
    header: list[str] = field(default_factory=list)
    header_line: int = 1
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    readable: bool = True


def read_csv(root: Path, rel: str) -> CsvTable:
    """Parse ``root/rel``; problems become issues on the returned table, never exceptions."""
    table = CsvTable(rel)
    try:
        data = (root / rel).read_bytes()
    except FileNotFoundError:
        table.issues.append(Issue(rel, None, None, "missing-file", f"{rel} is named in datapackage.json but does not exist"))
        table.readable = False
        return table
    except OSError as e:
        table.issues.append(Issue(rel, None, None, "file-read-error", f"cannot read {rel}: {e.strerror or e}"))
        table.readable = False
        return table
    if data.startswith(BOM):
        data = data[len(BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        bad = data[e.start : e.start + 4]
        table.issues.append(Issue(rel, line, None, "encoding-error", f"byte {bad[:1]!r} at line {line} is not UTF-8; the file must be saved as UTF-8"))
        text = data.decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""))
    last = 0
    try:
        for record in reader:
            start = last + 1
            last = reader.line_num
            if not table.header and start == 1 and not table.rows:
                table.header = record
                table.header_line = start
                continue
            table.rows.append((start, record))
    except csv.Error as e:
        table.issues.append(Issue(rel, last + 1, None, "csv-error", f"malformed CSV from line {last + 1}: {e}; rows after it were not read"))
    if not table.header:
        table.issues.append(Issue(rel, 1, None, "empty-file", f"{rel} has no header row"))
    return table
