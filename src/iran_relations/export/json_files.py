"""JSON: one file per table (an array of row objects, in file order), and a JSON Schema for its rows.

Every field is present in every object; an empty cell is ``null``, a boolean is ``true`` or
``false``, dates are ISO 8601 text. ``<table>.schema.json`` is generated from the row model, so it
states the same types, patterns and controlled lists the loaders enforce.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..schema.models import MODELS
from .rows import tables

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write", "FOLDER"]

FOLDER = "json"


def write(ds: Dataset, out: Path) -> list[Path]:
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for t, rows in tables(ds):
        names = t.field_names
        data = [dict(zip(names, r, strict=True)) for r in rows]
        path = folder / f"{t.name}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        schema = MODELS[t.name].model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": t.title,
            "description": t.description,
            "type": "array",
            "items": schema,
        }
        schema_path = folder / f"{t.name}.schema.json"
        schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written += [path, schema_path]
    return written
