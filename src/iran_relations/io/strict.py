"""Read a CSV file into its header and rows, keeping each row's physical line number."""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..validation.issues import Issue

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
        table.issues.append(
            Issue(
                path=rel,
                line=None,
                field=None,
                code="missing-file",
                message=f"{rel} is named in datapackage.json but does not exist",
            )
        )
        table.readable = False
        return table
    except OSError as e:
        table.issues.append(
            Issue(
                path=rel, line=None, field=None, code="file-read-error", message=f"cannot read {rel}: {e.strerror or e}"
            )
        )
        table.readable = False
        return table
    if data.startswith(BOM):
        data = data[len(BOM) :]
        table.issues.append(
            Issue(
                path=rel,
                line=1,
                field=None,
                code="byte-order-mark",
                message=f"{rel} starts with a UTF-8 byte-order mark (U+FEFF); save it without one: `iran-relations fmt` does it",
            )
        )
    if b"\r" in data and (ending := _line_ending_issue(rel, data)) is not None:
        table.issues.append(ending)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        bad = data[e.start : e.start + 4]
        table.issues.append(
            Issue(
                path=rel,
                line=line,
                field=None,
                code="encoding-error",
                message=f"byte {bad[:1]!r} at line {line} is not UTF-8; the file must be saved as UTF-8",
            )
        )
        text = data.decode("utf-8", errors="replace")
    _parse(text, table)
    if not table.header:
        table.issues.append(Issue(path=rel, line=1, field=None, code="empty-file", message=f"{rel} has no header row"))
    return table


def _line_ending_issue(rel: str, data: bytes) -> Issue | None:
    """One issue per file for CR LF or bare CR line ends, at the first line that has one. A CR
    inside a quoted cell is no line end (the text checks report it as an invisible character), so
    quotes are followed: each one opens or closes a quoted stretch (a doubled quote does both)."""
    inside, first, crlf, cr = False, None, 0, 0
    for mark in _QUOTE_OR_CR.finditer(data):
        if mark.group() == b'"':
            inside = not inside
        elif not inside:
            at = mark.start()
            first = at if first is None else first
            if data[at + 1 : at + 2] == b"\n":
                crlf += 1
            else:
                cr += 1
    if first is None:
        return None
    line = data[:first].count(b"\n") + 1
    kinds = ", ".join(k for k, n in ((f"{crlf} CR LF", crlf), (f"{cr} bare CR", cr)) if n)
    return Issue(
        path=rel,
        line=line,
        field=None,
        code="line-ending",
        message=f"lines end in {kinds} (first on line {line}); save with LF line endings: `iran-relations fmt` does it",
    )


_QUOTE_OR_CR = re.compile(rb'["\r]')


def _parse(text: str, table: CsvTable) -> None:
    """Parse strictly; after a malformed record, report it and resume at the next physical line."""
    # newline="" splits physical lines on \n, \r\n and \r only, as CSV does (not on \f or U+2028).
    lines = list(io.StringIO(text, newline=""))
    first = True
    pos = 0
    while pos < len(lines):
        reader = csv.reader(itertools.islice(lines, pos, None), strict=True)
        consumed = 0
        try:
            for record in reader:
                start = pos + consumed + 1
                consumed = reader.line_num
                if first:
                    table.header, table.header_line, first = record, start, False
                else:
                    table.rows.append((start, record))
            return
        except csv.Error as e:
            start = pos + consumed + 1
            table.issues.append(
                Issue(
                    path=table.path,
                    line=start,
                    field=None,
                    code="csv-error",
                    message=f'malformed CSV on line {start}: {e}; a quote inside a cell must be doubled ("") and the cell quoted',
                )
            )
            pos = start  # resume on the line after the one the bad record began on
