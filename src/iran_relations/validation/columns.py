"""A table being validated, held as Arrow columns, and what a layer returns.

Each layer computes masks over whole columns (Arrow compute, regular expressions by RE2) and turns
into Python objects only the rows it reports. Where Arrow cannot say exactly what the rule means
(Unicode-aware text checks), it selects a superset of candidate cells and Python decides each one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import rows_mask
from ..schema.table_schema import FieldSpec, PackageSpec, TableSpec
from .issues import Issue

__all__ = [
    "STAND_IN",
    "TableColumns",
    "PackageColumns",
    "Rejected",
    "LayerResult",
]


# What a shed cell holds: one character, a valid value of any free-text field (they require only
# that a cell be filled), so that a row model built from a shed row judges its other cells alike.
STAND_IN = "\u2026"


@dataclass
class TableColumns:
    """One table: a column per schema field (null where empty or the column is missing), lines, masks."""

    spec: TableSpec
    readable: bool
    cells: dict[str, pa.Array] = field(default_factory=dict)
    present: frozenset[str] = frozenset()
    lines: pa.Array = field(default_factory=lambda: pa.array([], pa.int64()))
    ragged: pa.Array = field(default_factory=lambda: pa.array([], pa.bool_()))
    ok: pa.Array = field(default_factory=lambda: pa.array([], pa.bool_()))  # every cell of the row passed
    bad: dict[str, pa.Array] = field(default_factory=dict)  # per field: the cell was rejected
    # Columns a later layer needs that are worked out from the cells as soon as the table is read,
    # while other tables are still being read (the duplicate check's loose names), by name.
    derived: dict[str, pa.Array] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.lines)

    @property
    def path(self) -> str:
        return self.spec.path

    def good(self, name: str) -> pa.Array:
        """Cells of ``name`` that are filled and were not rejected (a ragged row's cells are shifted)."""
        return pc.and_(pc.is_valid(self.cells[name]), pc.invert(self.bad[name]))

    def reject(self, name: str | None, mask: pa.Array) -> None:
        """Mark the rows in ``mask`` as failed, and their ``name`` cell as rejected."""
        mask = pc.fill_null(mask, False)
        self.ok = pc.and_(self.ok, pc.invert(mask))
        if name is not None:
            self.bad[name] = pc.or_(self.bad[name], mask)

    def values(self, name: str, rows: list[int]) -> list[str | None]:
        return self.cells[name].take(pa.array(rows, pa.int64())).to_pylist() if rows else []

    def lines_of(self, rows: list[int]) -> list[int]:
        return self.lines.take(pa.array(rows, pa.int64())).to_pylist() if rows else []

    def row(self, i: int) -> dict[str, str | None]:
        return {name: col[i].as_py() for name, col in self.cells.items()}

    def shed(self, names: list[str]) -> None:
        """Replace the text of these columns with a one-character stand-in, keeping which cells are
        filled, once no later layer reads their values (free text after its hygiene check): on
        large tables the descriptions and quotes are most of the memory a validation holds."""
        for name in names:
            col = self.cells[name]
            self.cells[name] = pc.if_else(pc.is_valid(col), pa.scalar(STAND_IN), pa.scalar(None, pa.string()))

    def key(self, names: tuple[str, ...]) -> pa.Array:
        """One string per row for a (possibly compound) key; null if any part is empty."""
        if len(names) == 1:
            return self.cells[names[0]]
        return pc.binary_join_element_wise(*(self.cells[n] for n in names), "\x1f")


@dataclass(frozen=True)
class Rejected:
    """Rows a layer found wrong, so that later layers do not judge them (or one of their cells)
    again: ``field`` None rejects the whole row."""

    table: str
    field: str | None
    rows: tuple[int, ...]


@dataclass
class LayerResult:
    """What a layer that rejects rows returns: its issues, and the rows it rejected. The pipeline
    (:func:`iran_relations.validation.validate`) applies the rejections before the next layer."""

    issues: list[Issue] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass
class PackageColumns:
    """Every table of the package, by name."""

    spec: PackageSpec
    tables: dict[str, TableColumns]

    def apply(self, rejected: list[Rejected]) -> None:
        """Mark the rows a layer rejected; the one place the pipeline changes a layer's inputs."""
        for r in rejected:
            frame = self.tables[r.table]
            name = r.field if r.field in frame.bad else None
            frame.reject(name, rows_mask(frame.n, list(r.rows)))

    def get(self, name: str) -> TableColumns | None:
        frame = self.tables.get(name)
        return frame if frame is not None and frame.readable else None

    def __iter__(self) -> Iterator[TableColumns]:
        return iter(self.tables.values())

    def fields(self, select: Callable[[FieldSpec], bool]) -> Iterator[tuple[TableColumns, FieldSpec]]:
        """(frame, field) for each present field ``select(field)`` accepts, in package order."""
        for frame in self.tables.values():
            if not frame.readable:
                continue
            for f in frame.spec.fields:
                if f.name in frame.present and select(f):
                    yield frame, f
