"""The rows of each table as plain values, the common input of every export.

Text stays text, an empty cell is ``None``, a boolean is ``True``/``False``, and a date (partial or
a day) is its ISO 8601 text, exactly as the CSV writes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..schema.partial_date import PartialDate
from ..schema.table_schema import PackageSpec, TableSpec

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["plain", "table_rows", "tables"]


def plain(value: Any) -> str | bool | None:
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, PartialDate | dt.date):
        return str(value) if isinstance(value, PartialDate) else value.isoformat()
    return str(value)


def table_rows(ds: Dataset, t: TableSpec) -> list[tuple[str | bool | None, ...]]:
    """The rows of table ``t`` in file order, one plain value per field in schema order."""
    table = getattr(ds, t.name)
    rows = table.values() if hasattr(table, "values") else table
    names = t.field_names
    return [tuple(plain(getattr(r, n)) for n in names) for r in rows]


def tables(ds: Dataset) -> Iterator[tuple[TableSpec, list[tuple[str | bool | None, ...]]]]:
    """(schema, rows) for each table of the package, in descriptor order."""
    spec: PackageSpec = ds.spec
    for t in spec.tables:
        yield t, table_rows(ds, t)
