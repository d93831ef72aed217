"""Layer 1: each CSV against its Table Schema (header, cells, uniqueness, primary key).

This reimplements, for this package's field types, the checks ``frictionless validate`` makes,
so that they run in one fast pass; tests compare the findings with frictionless itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..csv_table import CsvTable, read_csv
from ..issues import Issue
from ..table_schema import FieldSpec, PackageSpec, TableSpec

__all__ = ["Row", "CheckedTable", "check_tables", "good_cells"]


@dataclass
class Row:
    """One data row: its physical line, its cells by field name ('' → None), and whether every cell passed."""

    line: int
    values: dict[str, str | None]
    ok: bool = True
    bad_fields: set[str] = field(default_factory=set)


@dataclass
class CheckedTable:
    spec: TableSpec
    rows: list[Row]
    readable: bool


def _cell_checker(f: FieldSpec) -> Callable[[str], tuple[str, str] | None]:
    """Build one function that returns (code, message) for a bad non-empty value, None for a good one."""
    pattern = re.compile(f.pattern) if f.pattern else None
    enum = frozenset(f.enum) if f.enum is not None else None
    booleans = frozenset(f.true_values + f.false_values) if f.type == "boolean" else None
    allowed = ", ".join(f.enum or ())

    def check(value: str) -> tuple[str, str] | None:
        if booleans is not None and value not in booleans:
            return (
                "type-error",
                f"{value!r} is not a boolean: write {' or '.join(f.true_values[:1] + f.false_values[:1])}",
            )
        if pattern is not None and not pattern.match(value):
            return "pattern-error", f"{value!r} does not have the form {f.name} needs (pattern {f.pattern})"
        if enum is not None and value not in enum:
            return "enum-error", f"{value!r} is not an allowed {f.name}; use one of: {allowed}"
        return None

    return check


def _check_header(t: TableSpec, csv: CsvTable) -> tuple[dict[str, int], list[Issue]]:
    """Map schema field names to column positions, reporting missing, extra, repeated or reordered columns."""
    issues: list[Issue] = []
    positions: dict[str, int] = {}
    line = csv.header_line
    for i, name in enumerate(csv.header):
        if name in positions:
            issues.append(
                Issue(
                    t.path,
                    line,
                    name,
                    "duplicate-column",
                    f"column {name!r} appears twice (columns {positions[name] + 1} and {i + 1})",
                )
            )
        elif name not in t.field_names:
            issues.append(
                Issue(
                    t.path,
                    line,
                    name,
                    "extra-column",
                    f"column {name!r} (column {i + 1}) is not in the schema; expected columns: {', '.join(t.field_names)}",
                )
            )
        else:
            positions[name] = i
    for name in t.field_names:
        if name not in positions:
            issues.append(Issue(t.path, line, name, "missing-column", f"column {name!r} is missing from the header"))
    present = [n for i, n in enumerate(csv.header) if positions.get(n) == i]
    expected = [n for n in t.field_names if n in positions]
    if present != expected:
        issues.append(
            Issue(
                t.path,
                line,
                None,
                "column-order",
                f"columns are in the order {', '.join(present)}; the schema's order is {', '.join(expected)}",
            )
        )
    return positions, issues


def _check_table(t: TableSpec, csv: CsvTable) -> tuple[list[Row], list[Issue]]:
    issues = list(csv.issues)
    if not csv.readable or not csv.header:
        return [], issues
    positions, header_issues = _check_header(t, csv)
    issues += header_issues
    width = len(csv.header)
    checkers = [(f, positions.get(f.name), _cell_checker(f)) for f in t.fields]
    unique_fields = [f.name for f in t.fields if f.unique and (f.name,) != t.primary_key]
    seen_unique: dict[str, dict[str, int]] = {name: {} for name in unique_fields}
    seen_keys: dict[tuple[str | None, ...], int] = {}
    rows: list[Row] = []
    for line, cells in csv.rows:
        if not any(c.strip() for c in cells):
            issues.append(Issue(t.path, line, None, "blank-row", "the row is empty"))
            continue
        row = Row(line, {})
        ragged = len(cells) != width
        if ragged:
            # The cells are shifted: report the row once, keep its key for references, check no cell.
            row.ok = False
            row.bad_fields.update(n for n in t.field_names if n not in t.primary_key)
            code, detail = ("extra-cell", f"; extra: {cells[width:]!r}") if len(cells) > width else ("missing-cell", "")
            issues.append(
                Issue(
                    t.path,
                    line,
                    None,
                    code,
                    f"the row has {len(cells)} cells but the header has {width} columns{detail}",
                )
            )
        for f, pos, check in checkers:
            value = cells[pos] if pos is not None and pos < len(cells) else ""
            if pos is None:
                row.ok = False
                row.values[f.name] = None
                continue
            if value == "":
                row.values[f.name] = None
                if f.required and not ragged:
                    row.ok = False
                    row.bad_fields.add(f.name)
                    issues.append(Issue(t.path, line, f.name, "required-error", f"{f.name} is required but empty"))
                continue
            row.values[f.name] = value
            problem = None if ragged else check(value)
            if problem:
                row.ok = False
                row.bad_fields.add(f.name)
                issues.append(Issue(t.path, line, f.name, problem[0], problem[1]))
        for name in unique_fields:
            v = row.values.get(name)
            if v is not None:
                first = seen_unique[name].setdefault(v, line)
                if first != line:
                    row.ok = False
                    issues.append(
                        Issue(t.path, line, name, "unique-error", f"{name} {v!r} is already used on line {first}")
                    )
        if t.primary_key:
            key = tuple(row.values.get(k) for k in t.primary_key)
            if all(k is not None for k in key):
                first = seen_keys.setdefault(key, line)
                if first != line:
                    row.ok = False
                    shown = key[0] if len(key) == 1 else key
                    issues.append(
                        Issue(
                            t.path,
                            line,
                            t.primary_key[0],
                            "primary-key-error",
                            f"key {shown!r} ({', '.join(t.primary_key)}) is already used on line {first}",
                        )
                    )
        rows.append(row)
    return rows, issues


def check_tables(spec: PackageSpec) -> tuple[dict[str, CheckedTable], list[Issue]]:
    """Read and check every table; return them by name with the issues found."""
    tables: dict[str, CheckedTable] = {}
    issues: list[Issue] = []
    for t in spec.tables:
        csv = read_csv(spec.root, t.path)
        rows, found = _check_table(t, csv)
        tables[t.name] = CheckedTable(t, rows, csv.readable and bool(csv.header))
        issues += found
    return tables, issues


def good_cells(
    spec: PackageSpec, tables: dict[str, CheckedTable], select: Callable[[FieldSpec], bool]
) -> Iterator[tuple[str, int, str, str]]:
    """(path, line, field, value) of every non-empty cell of a selected field that layer 1 did not reject."""
    for t in spec.tables:
        table = tables.get(t.name)
        if table is None:
            continue
        names = [f.name for f in t.fields if select(f)]
        for row in table.rows:
            for name in names:
                value = row.values.get(name)
                if value and name not in row.bad_fields:  # a ragged row's cells are shifted: not judged
                    yield t.path, row.line, name, value
