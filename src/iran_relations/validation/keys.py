"""Identifier spaces: the columns that name the same rows, hashed once into integer codes.

A table's single-column key and every column that points at it (foreign keys, and
``evidence.record_id`` for the record tables) form one space. The space's values are
dictionary-encoded together, in one hash pass, so that one value has one code in every column of
the space. Primary keys, foreign keys, evidence targets and the evidence each record has are then
settled by numpy on those codes, instead of hashing the same million IDs once per check. Spaces
are encoded side by side (Arrow releases the GIL). A column in no space (a text part of a compound
key) gets codes of its own when asked.

``evidence.record_id`` belongs to as many spaces as there are record tables: its rows for
``events`` are coded in the events space, and so on; rows naming no readable record table form a
space of their own. Its codes are therefore only comparable together with ``record_table``, which
is how the evidence key uses them.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import STRING
from .columns import PackageColumns, TableColumns

__all__ = ["Keys"]

# A column of a space: table, field, and for evidence.record_id the record table its rows name
# ("" for rows naming none that can be read).
Column = tuple[str, str, str | None]


@dataclass
class Space:
    columns: list[Column]


def _to_codes(indices: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return pc.fill_null(indices, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)


def _encode(arrays: list[pa.Array]) -> tuple[list[np.ndarray], int]:
    """One code per cell, shared across ``arrays`` (-1 where empty), and how many values there are."""
    encoded = pc.dictionary_encode(pa.chunked_array(arrays, type=STRING))
    size = len(encoded.chunks[0].dictionary) if encoded.num_chunks else 0
    flat = (
        np.concatenate([_to_codes(chunk.indices) for chunk in encoded.chunks])
        if encoded.num_chunks
        else np.zeros(0, np.int64)
    )
    bounds = np.cumsum([len(a) for a in arrays])[:-1]
    return np.split(flat, bounds), size


def first_rows(codes: np.ndarray, size: int) -> np.ndarray:
    """For each code of a space of ``size``, the first row holding it (-1 if none).

    The array is never empty and covers every code given, so that looking up an empty table, or a
    column a broken schema left out of the shared space, finds "none" instead of failing."""
    size = max(size, int(codes.max()) + 1 if len(codes) else 0, 1)
    first = np.full(size, -1, np.int64)
    rows = np.flatnonzero(codes >= 0)
    values = codes[rows]
    if len(values) and np.bincount(values, minlength=size).max() > 1:
        values, at = np.unique(values, return_index=True)
        rows = rows[at]
    first[values] = rows
    return first


def last_rows(codes: np.ndarray, size: int) -> np.ndarray:
    """For each code of a space of ``size``, the last row holding it (-1 if none)."""
    n = len(codes)
    reversed_first = first_rows(codes[::-1], size)
    return np.where(reversed_first >= 0, n - 1 - reversed_first, -1)


class Keys:
    """The codes of every key column of the package; build once per validation."""

    def __init__(self, frames: PackageColumns) -> None:
        self.frames = frames
        self._codes: dict[Column, np.ndarray] = {}
        self._size: dict[Column, int] = {}
        spaces = self._spaces()
        workers = max(1, min(len(spaces), os.cpu_count() or 1))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            done = pool.map(lambda s: _encode([self._array(c) for c in s.columns]), spaces)
            for space, (codes, size) in zip(spaces, done, strict=True):
                for column, column_codes in zip(space.columns, codes, strict=True):
                    self._codes[column] = column_codes
                    self._size[column] = size

    def _readable(self, name: str) -> TableColumns | None:
        return self.frames.get(name)

    def _spaces(self) -> list[Space]:
        parent: dict[Column, Column] = {}

        def find(c: Column) -> Column:
            parent.setdefault(c, c)
            while parent[c] != c:
                parent[c] = parent[parent[c]]
                c = parent[c]
            return c

        def union(a: Column, b: Column) -> None:
            parent[find(a)] = find(b)

        for frame in self.frames:
            if not frame.readable:
                continue
            t = frame.spec
            if len(t.primary_key) == 1:
                find((t.name, t.primary_key[0], None))
            for fk in t.foreign_keys:
                target = self._readable(fk.resource)
                if len(fk.fields) == 1 and target is not None:
                    union((t.name, fk.fields[0], None), (fk.resource, fk.reference_fields[0], None))
        if self._readable("evidence") is not None:
            find(("evidence", "record_id", ""))
            for name in self.record_tables():
                union(("evidence", "record_id", name), (name, self.frames.tables[name].spec.primary_key[0], None))
        groups: dict[Column, list[Column]] = {}
        for c in parent:
            groups.setdefault(find(c), []).append(c)
        spaces = [Space(columns) for columns in groups.values()]
        return sorted(spaces, key=lambda s: -sum(len(self._rows(c)) for c in s.columns))

    def record_tables(self) -> list[str]:
        return [
            n
            for n in self.frames.spec.record_tables
            if self._readable(n) is not None and len(self.frames.tables[n].spec.primary_key) == 1
        ]

    def _rows(self, c: Column) -> pa.Array:
        return self.frames.tables[c[0]].cells[c[1]]

    def _array(self, c: Column) -> pa.Array:
        """The cells of a space column: for evidence.record_id, only the rows naming its record table."""
        table, name, record_table = c
        cells = self.frames.tables[table].cells[name]
        if record_table is None:
            return cells
        kinds = self.frames.tables[table].cells["record_table"]
        if record_table:
            mine = pc.equal(kinds, record_table)
        else:
            mine = pc.invert(pc.is_in(kinds, pa.array(self.record_tables(), STRING)))
        return pc.if_else(pc.fill_null(mine, record_table == ""), cells, pa.nulls(len(cells), STRING))

    def codes(self, table: str, name: str, record_table: str | None = None) -> np.ndarray:
        """Codes of a column (-1 where empty); columns in no space are encoded on their own when asked."""
        c = (table, name, record_table)
        if c not in self._codes:
            if (table, name) == ("evidence", "record_id") and record_table is None:
                return self._record_codes()
            (codes,), size = _encode([self.frames.tables[table].cells[name]])
            self._codes[c], self._size[c] = codes, size
        return self._codes[c]

    def size(self, table: str, name: str, record_table: str | None = None) -> int:
        self.codes(table, name, record_table)
        return self._size[(table, name, record_table)]

    def _record_codes(self) -> np.ndarray:
        """evidence.record_id over all its rows: each record table's codes shifted past the others'."""
        c: Column = ("evidence", "record_id", None)
        if c not in self._codes:
            total = np.full(self.frames.tables["evidence"].n, -1, np.int64)
            offset = 0
            for record_table in ["", *self.record_tables()]:
                part = self.codes("evidence", "record_id", record_table)
                total = np.where(part >= 0, part + offset, total)
                offset += self._size[("evidence", "record_id", record_table)]
            self._codes[c], self._size[c] = total, offset
        return self._codes[c]

    def key(self, frame: TableColumns, names: tuple[str, ...]) -> np.ndarray:
        """One code per row for a (possibly compound) key, equal exactly where the key is; -1 if a part is empty."""
        t = frame.spec.name
        combined = self.codes(t, names[0]).copy()
        for name in names[1:]:
            part, size = self.codes(t, name), self.size(t, name)
            span = int(combined.max()) + 1 if len(combined) else 0
            if span * max(size, 1) >= 2**62:  # renumber densely before the product could overflow
                valid = combined >= 0
                dense = np.full(len(combined), -1, np.int64)
                dense[valid] = np.unique(combined[valid], return_inverse=True)[1]
                combined = dense
            combined = np.where((combined >= 0) & (part >= 0), combined * max(size, 1) + part, -1)
        return combined

    def known(self, table: str, name: str, size: int) -> np.ndarray:
        """Which codes of a space of ``size`` a column holds."""
        present = np.zeros(size, bool)
        codes = self.codes(table, name)
        present[codes[codes >= 0]] = True
        return present
