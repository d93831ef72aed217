"""The validation pipeline: Frictionless conformance, row models, cross-table integrity, the dataset's rules and text hygiene.

``validate(path)`` runs every layer and returns one :class:`~iran_relations.validation.report.Report` holding
every issue found; it raises :class:`~iran_relations.schema.table_schema.DescriptorError` only when the
package cannot be read at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa

from ..io.locations import resolve_root
from ..schema.checks import require_models_agree
from ..schema.table_schema import PackageSpec, read_package
from .columns import PackageColumns, TableColumns
from .conformance import check_primary_keys, check_tables
from .consistency import check_consistency
from .countries import check_countries
from .coverage import check_coverage
from .cycles import check_cycles
from .duplicates import NAME_FIELDS, check_duplicates, derive_loose_names
from .identifiers import check_identifiers
from .integrity import check_foreign_keys
from .issues import Issue
from .keys import Keys
from .report import Report
from .row_models import check_models
from .rules import check_rules
from .text import check_table_text, free_text

__all__ = ["validate"]


def validate(path: str | Path | None = None, *, fast: bool = True) -> Report:
    """Validate the data package at ``path`` (the bundled one by default).

    ``fast=False`` reads every file with the strict line-by-line reader instead of Arrow's; the
    findings are the same (tests hold them so), only slower on large files.
    """
    spec = read_package(resolve_root(path))
    require_models_agree(spec)
    with _returning_memory():
        frames, issues = check_tables(spec, fast, then=_text_then_shed(_read_by_value(spec)))
        issues += _cross_table(frames)
        issues += check_duplicates(frames)
        del frames
    order = {t.path: n for n, t in enumerate(spec.tables)}
    issues.sort(key=lambda i: (order.get(i.path, -1), i.line or 0, i.field or "", i.code, i.message))
    return Report(issues)


@contextmanager
def _returning_memory() -> Iterator[None]:
    """Arrow's allocator for the run: jemalloc told to return freed memory at once, where the
    pyarrow build has it. Reading a large table frees as much as it keeps (parse blocks, the pieces
    joined into columns, the text shed), and the default allocator holds on to freed memory long
    enough for the next table to stack on it: at 2M rows this takes the peak from about 0.9 GB to
    about 0.65 GB (docs/benchmarks.md). The process's previous allocator is restored after."""
    try:
        pool = pa.jemalloc_memory_pool()
        pa.jemalloc_set_decay_ms(0)
    except NotImplementedError:
        yield
        return
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pool)
    try:
        yield
    finally:
        pa.set_memory_pool(previous)


def _read_by_value(spec: PackageSpec) -> set[tuple[str, str]]:
    """(table, field) of the fields some layer after the text checks reads by value: keys (primary,
    foreign, referenced, unique) and the names the duplicate check compares."""
    held = set(NAME_FIELDS)
    for t in spec.tables:
        held |= {(t.name, name) for name in t.primary_key}
        held |= {(t.name, f.name) for f in t.fields if f.unique}
        for fk in t.foreign_keys:
            held |= {(t.name, name) for name in fk.fields} | {(fk.resource, name) for name in fk.reference_fields}
    return held


def _text_then_shed(held: set[tuple[str, str]]) -> Callable[[TableColumns], list[Issue]]:
    """Text hygiene, run on each table as soon as it is read (tables are read side by side). Its
    free text is then shed, except what ``held`` names: no later layer reads a description, quote
    or note by value, and on large tables they are most of the memory a validation holds. The
    duplicate check's loose names are worked out here too, beside the other tables' reading."""

    def check(frame: TableColumns) -> list[Issue]:
        issues = check_table_text(frame)
        t = frame.spec
        frame.shed(
            [f.name for f in t.fields if free_text(f) and f.name in frame.present and (t.name, f.name) not in held]
        )
        derive_loose_names(frame)
        return issues

    return check


def _cross_table(frames: PackageColumns) -> list[Issue]:
    """The layers after the first. Two of them reject rows (a repeated key; a cell the typed model
    refuses): they return what they rejected, and it is applied here before the layers that judge
    rows, so that no row or cell is reported twice. The others only report."""
    issues: list[Issue] = []
    keys = Keys(frames)
    keyed = check_primary_keys(frames, keys)
    frames.apply(keyed.rejected)
    issues += keyed.issues
    issues += check_foreign_keys(frames, keys)
    issues += check_countries(frames)
    modelled = check_models(frames)
    frames.apply(modelled.rejected)
    issues += modelled.issues
    issues += check_rules(frames)
    issues += check_coverage(frames, keys)
    issues += check_cycles(frames)
    issues += check_identifiers(frames)
    issues += check_consistency(frames)
    return issues
