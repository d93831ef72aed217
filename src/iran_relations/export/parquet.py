"""Parquet: one typed file per table, with the schema's titles and descriptions in its metadata.

Each file holds the table's fields in schema order, typed as ``to_pandas()`` types them (text is
``string``, booleans ``bool``, a day ``date32``, a controlled list a dictionary of its values, so
pandas reads it back as a categorical in schema order), then the columns ``to_pandas()`` derives:
for each partial date, ``_start``/``_end`` (``date32``: the first and last day it may stand for),
``_precision``, ``_qualifier`` and ``_bound``; for relations, ``first_reported``/``last_reported``;
for actors, ``top_level_id`` and one column per identifier scheme. The partial date itself stays
EDTF text, since its precision is part of its meaning. The package's name, version and licence,
and the table's description, are in the file's key-value metadata; each column's title and
description in the column's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from .labels import column_labels

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write", "FOLDER"]

FOLDER = "parquet"


def write(ds: Dataset, out: Path) -> list[Path]:
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    descriptor = json.loads((ds.root / "datapackage.json").read_text(encoding="utf-8"))
    licence = (descriptor.get("licenses") or [{}])[0].get("name", "")
    written = []
    for name, frame in ds.to_pandas().items():
        t = ds.spec.table(name)
        own = [c for c in t.field_names if c in frame.columns]
        frame = frame[own + [c for c in frame.columns if c not in own]]  # the table's fields first
        table = pa.Table.from_pandas(frame, preserve_index=False)
        titles = column_labels(t, frame)
        described = {f.name: f for f in t.fields}
        fields = []
        for field in table.schema:
            f = described.get(field.name)
            meta = (
                {"title": f.title, "description": f.description}
                if f
                else {"title": titles[field.name], "description": f"Derived: {titles[field.name]}."}
            )
            fields.append(pa.field(field.name, field.type, nullable=not (f and f.required), metadata=meta))
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
        path = folder / f"{t.name}.parquet"
        pq.write_table(pa.Table.from_arrays(table.columns, schema=schema), path)
        written.append(path)
    return written
