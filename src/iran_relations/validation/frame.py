"""A table being validated, held as columns, and the few array helpers every layer uses.

Each layer computes masks over whole columns (Arrow compute, regular expressions by RE2) and turns
into Python objects only the rows it reports. Where Arrow cannot say exactly what the rule means
(Unicode-aware text checks), it selects a superset of candidate cells and Python decides each one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..issues import Issue
from ..table_schema import FieldSpec, PackageSpec, TableSpec

__all__ = [
    "Frame",
    "Frames",
    "Rejected",
    "LayerResult",
    "STRING",
    "arange",
    "cell_bytes",
    "has_any_byte",
    "constant",
    "rows_mask",
    "where",
    "is_ascii_printable",
]

STRING = pa.string()


def constant(n: int, value: bool) -> pa.Array:
    return pc.fill_null(pa.nulls(n, pa.bool_()), value)


def arange(n: int) -> pa.Array:
    """0, 1, ... n-1 as int64."""
    ones = pc.fill_null(pa.nulls(n, pa.int64()), 1)
    return pc.subtract(pc.cumulative_sum(ones), 1)


def rows_mask(n: int, rows: list[int]) -> pa.Array:
    """True at the row indices ``rows`` of an ``n``-row table."""
    return pc.is_in(arange(n), pa.array(rows, pa.int64()))


def where(mask: pa.Array) -> list[int]:
    """The row indices where ``mask`` is true (null counts as false)."""
    return pc.indices_nonzero(pc.fill_null(mask, False)).to_pylist()


def is_ascii_printable(col: pa.Array) -> pa.Array:
    """True for cells of printable ASCII only (space to tilde); null for empty cells."""
    return pc.ascii_is_printable(col)


def cell_bytes(col: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """A string column's cells end to end as bytes, and where each cell starts and ends in them
    (``n + 1`` offsets from 0), read off Arrow's buffers without copying."""
    offsets = (
        np.frombuffer(col.buffers()[1], dtype=np.int32)[col.offset : col.offset + len(col) + 1]
        if len(col)
        else np.zeros(1, np.int32)
    )
    first, last = int(offsets[0]), int(offsets[-1])
    buffer = col.buffers()[2]
    data = np.frombuffer(buffer, dtype=np.uint8)[first:last] if buffer is not None else np.zeros(0, np.uint8)
    return offsets - first, data


def has_any_byte(data: np.ndarray, chars: bytes) -> bool:
    """Whether ``data`` holds any of the bytes ``chars``, looked for a few megabytes at a time."""
    step = 1 << 22
    for i in range(0, len(data), step):
        piece = data[i : i + step].tobytes()  # a small copy, searched by memchr
        if any(bytes([c]) in piece for c in chars):
            return True
    return False


@dataclass
class Frame:
    """One table: a column per schema field (null where empty or the column is missing), lines, masks."""

    spec: TableSpec
    readable: bool
    cells: dict[str, pa.Array] = field(default_factory=dict)
    present: frozenset[str] = frozenset()
    lines: pa.Array = field(default_factory=lambda: pa.array([], pa.int64()))
    ragged: pa.Array = field(default_factory=lambda: pa.array([], pa.bool_()))
    ok: pa.Array = field(default_factory=lambda: pa.array([], pa.bool_()))  # every cell of the row passed
    bad: dict[str, pa.Array] = field(default_factory=dict)  # per field: the cell was rejected

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
class Frames:
    """Every table of the package, by name."""

    spec: PackageSpec
    tables: dict[str, Frame]

    def apply(self, rejected: list[Rejected]) -> None:
        """Mark the rows a layer rejected; the one place the pipeline changes a layer's inputs."""
        for r in rejected:
            frame = self.tables[r.table]
            name = r.field if r.field in frame.bad else None
            frame.reject(name, rows_mask(frame.n, list(r.rows)))

    def get(self, name: str) -> Frame | None:
        frame = self.tables.get(name)
        return frame if frame is not None and frame.readable else None

    def __iter__(self) -> Iterator[Frame]:
        return iter(self.tables.values())

    def fields(self, select: Callable[[FieldSpec], bool]) -> Iterator[tuple[Frame, FieldSpec]]:
        """(frame, field) for each present field ``select(field)`` accepts, in package order."""
        for frame in self.tables.values():
            if not frame.readable:
                continue
            for f in frame.spec.fields:
                if f.name in frame.present and select(f):
                    yield frame, f
