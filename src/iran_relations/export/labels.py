"""Labels for the files of Stata and R users, from the Table Schemas: a label per column (the
field's title, or what a derived column means) and the labels of each controlled list."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from ..schema.table_schema import TableSpec

__all__ = ["column_labels", "value_labels", "DERIVED"]

# What the columns to_pandas() adds beside a date field mean, by suffix.
DERIVED = {
    "_start": "first day it may stand for",
    "_end": "last day it may stand for",
    "_precision": "precision",
    "_qualifier": "qualifier (approximate, uncertain)",
    "_bound": "bound (on or before, on or after, ongoing)",
}
OTHER = {
    "first_reported": "First day of the earliest publication among its evidence",
    "last_reported": "Last day of the latest publication among its evidence",
    "top_level_id": "Top of the actor's parent chain (its state or organisation)",
}


def column_labels(t: TableSpec, frame: pd.DataFrame) -> dict[str, str]:
    """A label for every column of the frame."""
    titles = {f.name: f.title for f in t.fields}
    labels = {}
    for col in frame.columns:
        if col in titles:
            labels[col] = titles[col]
        elif col in OTHER:
            labels[col] = OTHER[col]
        else:
            base = next((col[: -len(s)] for s in DERIVED if col.endswith(s) and col[: -len(s)] in titles), None)
            suffix = col[len(base) :] if base else ""
            labels[col] = f"{titles[base]}: {DERIVED[suffix]}" if base else col.replace("_", " ")
    return labels


def value_labels(t: TableSpec, frame: pd.DataFrame) -> dict[str, list[str]]:
    """For every categorical column, the label of each of its categories in order: the schema's
    category labels for a controlled list, the values themselves for the derived date parts."""
    out = {}
    for col in frame.columns:
        s = frame[col]
        if str(s.dtype) != "category":
            continue
        cats = list(s.cat.categories)
        field = next((f for f in t.fields if f.name == col), None)
        given = {c.value: c.label for c in field.categories} if field is not None else {}
        out[col] = [given.get(c, str(c).replace("_", " ")) for c in cats]
    return out
