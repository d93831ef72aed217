"""Parquet: one typed file per table, with the schema's titles and descriptions in its metadata.

Text is ``string``, booleans ``bool``, a day (``accessed``) ``date32``; a partial date stays ISO
text, since its precision is part of its meaning (``to_pandas`` adds start, end and precision).
The package's name, version and licence, and the table's description, are in the file's
key-value metadata; each field's title and description in the field's.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from ..patterns import DAY_PATTERN
from ..table_schema import FieldSpec
from .rows import tables

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write", "FOLDER"]

FOLDER = "parquet"


def _type(f: FieldSpec) -> pa.DataType:
    if f.type == "boolean":
        return pa.bool_()
    if f.pattern == DAY_PATTERN:
        return pa.date32()
    return pa.string()


def write(ds: Dataset, out: Path) -> list[Path]:
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((ds.root / "datapackage.json").read_text(encoding="utf-8"))
    licence = (descriptor.get("licenses") or [{}])[0].get("name", "")
    written = []
    for t, rows in tables(ds):
        fields = [
            pa.field(
                f.name,
                _type(f),
                nullable=not f.required,
                metadata={"title": f.title, "description": f.description},
            )
            for f in t.fields
        ]
        schema = pa.schema(
            fields,
            metadata={
                "package": descriptor.get("name", "iran-relations"),
                "version": ds.version,
                "license": licence,
                "table": t.name,
                "title": t.title,
                "description": t.description,
            },
        )
        columns = []
        for i, f in enumerate(t.fields):
            values: list[object] = [r[i] for r in rows]
            if f.pattern == DAY_PATTERN:
                values = [dt.date.fromisoformat(str(v)) if v else None for v in values]
            columns.append(pa.array(values, _type(f)))
        path = folder / f"{t.name}.parquet"
        pq.write_table(pa.Table.from_arrays(columns, schema=schema), path)
        written.append(path)
    return written
