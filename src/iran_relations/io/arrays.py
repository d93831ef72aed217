"""Arrow array helpers shared by the fast reader and the validator's layers.

Each layer computes masks over whole columns (Arrow compute, regular expressions by RE2) and turns
into Python objects only the rows it reports; these are the few operations they all need.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

__all__ = ["STRING", "arange", "cell_bytes", "constant", "has_any_byte", "is_ascii_printable", "rows_mask", "where"]

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
