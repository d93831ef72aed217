"""The canonical form of the package's CSV files, and rewriting files into it.

Canonical: UTF-8 without a byte-order mark, LF line ends (a final one included), the schema's
column order, minimal quoting, every cell in Unicode NFC, rows sorted by primary key (stable, so
rows with equal keys keep their order). Rewriting is lossless: a file whose cells cannot all be
placed with certainty (malformed CSV, ragged rows, unknown, missing or repeated columns, bytes that
are not UTF-8) is left untouched and reported instead; blank rows, which hold nothing, are dropped.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .io.strict import read_csv
from .io.writer import record
from .schema.table_schema import PackageSpec, TableSpec
from .validation.conformance import check_header

__all__ = ["FmtResult", "canonical_text", "format_package"]

# Problems after which the cells of a file cannot be placed without guessing.
UNSAFE = {
    "missing-file",
    "file-read-error",
    "encoding-error",
    "empty-file",
    "csv-error",
    "extra-column",
    "missing-column",
    "duplicate-column",
}


@dataclass
class FmtResult:
    """What ``format_package`` found: files already canonical, rewritten (or to rewrite), refused."""

    unchanged: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # path → why


def canonical_text(table: TableSpec, root: Path) -> tuple[str | None, str]:
    """The canonical text of one table's file, or None and the reason it cannot be formed losslessly."""
    parsed = read_csv(root, table.path)
    # The strict reader takes any header; the validator's header check says which columns fmt could
    # not place (rewriting would drop an extra or repeated column, or fail on a missing one).
    header_issues = check_header(table, list(parsed.header), parsed.header_line)[1] if parsed.header else []
    unsafe = [i for i in [*parsed.issues, *header_issues] if i.code in UNSAFE]
    if unsafe:
        first = unsafe[0]
        return None, f"{first.code} at line {first.line}: {first.message}" if first.line else first.message
    position = {name: i for i, name in enumerate(parsed.header)}
    width = len(parsed.header)
    rows = []
    for line, cells in parsed.rows:
        if not any(cells):
            continue
        if len(cells) != width:
            return (
                None,
                f"line {line} has {len(cells)} cells for {width} columns; fix it first (iran-relations validate)",
            )
        rows.append([unicodedata.normalize("NFC", cells[position[name]]) for name in table.field_names])
    key = [table.field_names.index(k) for k in table.primary_key]
    rows.sort(key=lambda r: [r[i] for i in key])
    lines = [record(table.field_names)] + [record(r) for r in rows]
    return "".join(lines), ""


def format_package(spec: PackageSpec, check: bool = False) -> FmtResult:
    """Rewrite every table in canonical form (only report, with ``check``)."""
    result = FmtResult()
    for table in spec.tables:
        text, why = canonical_text(table, spec.root)
        if text is None:
            result.refused[table.path] = why
            continue
        target = spec.root / table.path
        if target.read_bytes() == text.encode("utf-8"):
            result.unchanged.append(table.path)
            continue
        result.changed.append(table.path)
        if not check:
            target.write_bytes(text.encode("utf-8"))
    return result
