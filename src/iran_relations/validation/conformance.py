"""Layer 1: each CSV against its Table Schema (header, cells, uniqueness, primary key).

This reimplements, for this package's field types, the checks ``frictionless validate`` makes,
column by column, so that they run in one fast pass; tests compare the findings with frictionless.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import STRING, constant, is_ascii_printable, rows_mask, where
from ..io.fast import Source, read_source
from ..schema.patterns import PATTERN_FORMS
from ..schema.table_schema import FieldSpec, PackageSpec, TableSpec
from .columns import LayerResult, PackageColumns, Rejected, TableColumns
from .issues import Issue
from .keys import Keys

__all__ = ["check_tables", "check_primary_keys", "check_header"]

READ_BUDGET = 256 << 20  # bytes of CSV read at once: two 120 MB tables side by side, a 240 MB one alone


def check_header(t: TableSpec, header: list[str], line: int) -> tuple[dict[str, int], list[Issue]]:
    """Map schema field names to column positions, reporting missing, extra, repeated or reordered columns."""
    issues: list[Issue] = []
    positions: dict[str, int] = {}
    for i, name in enumerate(header):
        if name in positions:
            issues.append(
                Issue(
                    path=t.path,
                    line=line,
                    field=name,
                    code="duplicate-column",
                    message=f"column {name!r} appears twice (columns {positions[name] + 1} and {i + 1})",
                )
            )
        elif name not in t.field_names:
            issues.append(
                Issue(
                    path=t.path,
                    line=line,
                    field=name,
                    code="extra-column",
                    message=f"column {name!r} (column {i + 1}) is not in the schema; expected columns: {', '.join(t.field_names)}",
                )
            )
        else:
            positions[name] = i
    for name in t.field_names:
        if name not in positions:
            issues.append(
                Issue(
                    path=t.path,
                    line=line,
                    field=name,
                    code="missing-column",
                    message=f"column {name!r} is missing from the header",
                )
            )
    present = [n for i, n in enumerate(header) if positions.get(n) == i]
    expected = [n for n in t.field_names if n in positions]
    if present != expected:
        issues.append(
            Issue(
                path=t.path,
                line=line,
                field=None,
                code="column-order",
                message=f"columns are in the order {', '.join(present)}; the schema's order is {', '.join(expected)}",
            )
        )
    return positions, issues


def _mismatches(values: pa.Array, pattern: str) -> np.ndarray:
    """Per value: filled, and the pattern does not match it in full. RE2 decides printable-ASCII
    values; Python's re (Unicode-aware, as the row models are) decides the rest, and all values if
    RE2 cannot compile the pattern."""
    try:
        fails = pc.invert(pc.match_substring_regex(values, f"^(?:{pattern})$"))
        python = pc.invert(is_ascii_printable(values))
        fails = pc.and_(fails, pc.invert(python))
    except pa.ArrowInvalid:
        fails, python = constant(len(values), False), pc.is_valid(values)
    compiled = re.compile(pattern)
    found = pc.fill_null(fails, False).to_numpy(zero_copy_only=False).copy()
    rows = where(python)
    for i, v in zip(rows, values.take(pa.array(rows, pa.int64())).to_pylist(), strict=True):
        found[i] = not compiled.fullmatch(v)
    return found


_SAMPLE = 4096


def per_value(col: pa.Array, judge: Callable[[pa.Array], np.ndarray]) -> np.ndarray:
    """``judge`` of each cell (False where empty), run once per distinct value when the column
    repeats itself (dates, types, countries, citations): 4,096 cells evenly spread decide. Drawn
    from a million distinct values they repeat about 8 times; from 100,000, about 80."""
    n = len(col)
    if n > 8 * _SAMPLE:
        sample = col.take(pa.array(np.arange(0, n, n // _SAMPLE)[:_SAMPLE]))
        sample = sample.filter(pc.is_valid(sample))
        repeats = len(sample) - len(pc.unique(sample))
    if n > 8 * _SAMPLE and repeats * 50 >= len(sample):
        encoded = pc.dictionary_encode(col)
        verdict = np.append(judge(encoded.dictionary), False)  # the last entry answers for empty cells
        return verdict[pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)]
    return judge(col) & pc.is_valid(col).to_numpy(zero_copy_only=False)


def _pattern_fails(col: pa.Array, f: FieldSpec, filled: pa.Array) -> pa.Array:
    """Filled cells the pattern does not match in full."""
    assert f.pattern is not None
    pattern = f.pattern
    fails = per_value(col, lambda values: _mismatches(values, pattern))
    return pc.and_(filled, pa.array(fails))


def _cell_tests(f: FieldSpec) -> list[tuple[str, Callable[[pa.Array, pa.Array], pa.Array], Callable[[str], str]]]:
    """(code, filled cells that fail, message for a failing value), in the order a cell is judged."""
    tests = []
    if f.type == "boolean":
        allowed = pa.array(f.true_values + f.false_values, STRING)
        hint = " or ".join(f.true_values[:1] + f.false_values[:1])
        tests.append(
            (
                "type-error",
                lambda col, filled: pc.and_(filled, pc.invert(pc.is_in(col, allowed))),
                lambda v: f"{v!r} is not a boolean: write {hint}",
            )
        )
    if f.pattern:
        tests.append(
            (
                "pattern-error",
                lambda col, filled: _pattern_fails(col, f, filled),
                lambda v: (
                    f"{v!r} does not have the form {f.name} needs: "
                    + PATTERN_FORMS.get(f.pattern or "", f"pattern {f.pattern}")
                ),
            )
        )
    if f.enum is not None:
        members = pa.array(list(f.enum), STRING)
        shown = ", ".join(f.enum)
        tests.append(
            (
                "enum-error",
                lambda col, filled: pc.and_(filled, pc.invert(pc.is_in(col, members))),
                lambda v: f"{v!r} is not an allowed {f.name}; use one of: {shown}",
            )
        )
    return tests


def _check_cells(frame: TableColumns, f: FieldSpec) -> list[Issue]:
    col, live = frame.cells[f.name], pc.invert(frame.ragged)
    issues: list[Issue] = []
    if f.required:
        empty = pc.and_(pc.is_null(col), live)
        for line in frame.lines_of(where(empty)):
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field=f.name,
                    code="required-error",
                    message=f"{f.name} is required but empty",
                )
            )
        frame.reject(f.name, empty)
    remaining = pc.and_(pc.is_valid(col), live)
    for code, failing, message in _cell_tests(f):
        fails = pc.fill_null(failing(col, remaining), False)
        rows = where(fails)
        if not rows:
            continue
        for line, value in zip(frame.lines_of(rows), frame.values(f.name, rows), strict=True):
            issues.append(
                Issue(path=frame.path, line=line, field=f.name, code=code, message=message(str(value)), value=value)
            )
        frame.reject(f.name, fails)
        remaining = pc.and_(remaining, pc.invert(fails))
    return issues


def _repeats(frame: TableColumns, names: tuple[str, ...], key: np.ndarray) -> list[tuple[int, tuple[str, ...], int]]:
    """(row, key, first line) for each row whose key (all parts filled, ``key`` its codes) an earlier row has."""
    filled = key[key >= 0]
    if not len(filled):
        return []
    if int(filled.max()) < 4 * len(filled) + 1024:  # dense codes: count them directly
        counts = np.bincount(filled)
        if counts.max() < 2:
            return []
        repeated = counts[key.clip(0)] > 1
        repeated &= key >= 0
    else:
        values, counts = np.unique(filled, return_counts=True)
        if counts.max() < 2:
            return []
        repeated = np.isin(key, values[counts > 1])
    rows = np.flatnonzero(repeated).tolist()
    parts = list(zip(*(frame.values(n, rows) for n in names), strict=True))
    first: dict[tuple[str, ...], int] = {}
    found = []
    for i, line, k in zip(rows, frame.lines_of(rows), parts, strict=True):
        if k in first:
            found.append((i, k, first[k]))
        else:
            first[k] = line
    return found


def _string_codes(col: pa.Array) -> np.ndarray:
    return pc.fill_null(pc.dictionary_encode(col).indices, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def _check_unique(frame: TableColumns) -> list[Issue]:
    """Fields that must be unique, other than the primary key (:func:`check_primary_keys` has it)."""
    t = frame.spec
    issues: list[Issue] = []
    failed: list[int] = []
    for f in t.fields:
        if f.unique and (f.name,) != t.primary_key and f.name in frame.present:
            for i, (value,), first in _repeats(frame, (f.name,), _string_codes(frame.cells[f.name])):
                failed.append(i)
                line = frame.lines_of([i])[0]
                issues.append(
                    Issue(
                        path=t.path,
                        line=line,
                        field=f.name,
                        code="unique-error",
                        message=f"{f.name} {value!r} is already used on line {first}",
                        value=value,
                    )
                )
    if failed:
        frame.reject(None, rows_mask(frame.n, failed))
    return issues


def check_primary_keys(frames: PackageColumns, keys: Keys) -> LayerResult:
    """Each table's primary key, from the key codes every cross-table check shares. A row whose
    key is already used is rejected, so that later layers judge each key once."""
    issues: list[Issue] = []
    rejected: list[Rejected] = []
    for frame in frames:
        t = frame.spec
        if not frame.readable or not t.primary_key or not all(k in frame.present for k in t.primary_key):
            continue
        failed: list[int] = []
        for i, key, first in _repeats(frame, t.primary_key, keys.key(frame, t.primary_key)):
            failed.append(i)
            line = frame.lines_of([i])[0]
            shown = key[0] if len(key) == 1 else key
            issues.append(
                Issue(
                    path=t.path,
                    line=line,
                    field=t.primary_key[0],
                    code="primary-key-error",
                    message=f"key {shown!r} ({', '.join(t.primary_key)}) is already used on line {first}",
                    value=str(shown),
                )
            )
        if failed:
            rejected.append(Rejected(t.name, None, tuple(failed)))
    return LayerResult(issues, rejected)


def _frame(t: TableSpec, source: Source) -> tuple[TableColumns, list[Issue]]:
    issues = list(source.issues)
    if not source.readable or not source.header:
        return TableColumns(t, readable=False), issues
    positions, header_issues = check_header(t, source.header, source.header_line)
    issues += header_issues
    n = len(source.lines)
    ragged = rows_mask(n, list(source.ragged)) if source.ragged else constant(n, False)
    frame = TableColumns(
        t,
        readable=True,
        cells={
            f.name: source.columns[positions[f.name]] if f.name in positions else pa.nulls(n, STRING) for f in t.fields
        },
        present=frozenset(positions),
        lines=source.lines,
        ragged=ragged,
        ok=pc.and_(constant(n, len(positions) == len(t.fields)), pc.invert(ragged)),
        # A ragged row's cells are shifted: it keeps its key for references, no other cell is judged.
        bad={f.name: constant(n, False) if f.name in t.primary_key else ragged for f in t.fields},
    )
    for f in t.fields:
        if f.name in positions:
            issues += _check_cells(frame, f)
    issues += _check_unique(frame)
    return frame, issues


def check_tables(
    spec: PackageSpec, fast: bool = True, then: Callable[[TableColumns], list[Issue]] | None = None
) -> tuple[PackageColumns, list[Issue]]:
    """Read and check every table; return them as frames with the issues found. ``then`` runs on
    each table as soon as it is checked (the pipeline's text checks, which then shed the text)."""
    frames: dict[str, TableColumns] = {}
    issues: list[Issue] = []

    def one(t: TableSpec) -> tuple[TableColumns, list[Issue]]:
        frame, found = _frame(t, read_source(spec.root, t.path, t.field_names, fast))
        return frame, found + then(frame) if then is not None else found

    def stat(t: TableSpec) -> int:
        try:
            return (spec.root / t.path).stat().st_size
        except OSError:
            return 0

    sizes = {t.name: stat(t) for t in spec.tables}

    def size(t: TableSpec) -> int:
        return sizes[t.name]

    # Arrow releases the GIL: tables are read and checked side by side, one per core, the largest
    # first so that no big file is left to run alone at the end; but never more than READ_BUDGET
    # bytes of files at once (a file alone always goes), as each holds a few times its size while read.
    results: dict[str, tuple[TableColumns, list[Issue]]] = {}
    waiting = sorted(spec.tables, key=size, reverse=True)
    busy = [0]
    turn = threading.Condition()

    def worker() -> None:
        while True:
            with turn:
                while True:
                    if not waiting:
                        return
                    fits = next((t for t in waiting if busy[0] == 0 or busy[0] + size(t) <= READ_BUDGET), None)
                    if fits is not None:
                        break
                    turn.wait()
                waiting.remove(fits)
                busy[0] += size(fits)
            try:
                results[fits.name] = one(fits)
            finally:
                with turn:
                    busy[0] -= size(fits)
                    turn.notify_all()

    workers = max(1, min(len(spec.tables), os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for running in [pool.submit(worker) for _ in range(workers)]:
            running.result()
    for t in spec.tables:
        frame, found = results[t.name]
        frames[t.name] = frame
        issues += found
    return PackageColumns(spec, {t.name: frames[t.name] for t in spec.tables}), issues
