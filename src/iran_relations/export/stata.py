"""Stata: one ``.dta`` file per table (Stata 15 format), for researchers who work in Stata.

Built from the typed frames of :mod:`iran_relations.frames`, so each file holds the table's
columns and the derived ones (each partial date's ``_start``/``_end`` as Stata dates, its
precision, qualifier and bound). Every variable carries a label (the field's title, or what a
derived column means); every controlled list is stored as numbers 1, 2… with a value label per
value (the list's own labels), so ``tab certainty`` reads as words; booleans are 0/1 labelled
no/yes. Text stays text, UTF-8, with empty cells as empty strings (Stata has no missing text).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from .labels import column_labels, value_labels

if TYPE_CHECKING:
    import pandas as pd

    from ..dataset import Dataset

__all__ = ["write", "FOLDER"]

FOLDER = "stata"
# Stata caps a variable label at 80 characters.
LABEL = 80
EPOCH = dt.date(1960, 1, 1)


def _value_labels(coded: dict[str, list[str]], frame: pd.DataFrame) -> dict[str, dict[int | float, str]]:
    """Stata value labels: 1, 2… for each controlled list's values; 0/1 no/yes for booleans."""
    labels: dict[str, dict[int | float, str]] = {c: dict(enumerate(v, start=1)) for c, v in coded.items()}
    labels.update({c: {0: "no", 1: "yes"} for c in frame.columns if str(frame[c].dtype) == "boolean"})
    return labels


def write(ds: Dataset, out: Path) -> list[Path]:
    import pandas as pd
    import pyreadstat

    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in ds.to_pandas().items():
        t = ds.spec.table(name)
        data = pd.DataFrame(index=frame.index)
        formats: dict[str, str] = {}
        coded = value_labels(t, frame)
        for col in frame.columns:
            s = frame[col]
            if col in coded:
                codes = {v: i for i, v in enumerate(s.cat.categories, start=1)}
                data[col] = s.map(codes).astype("float64")
            elif str(s.dtype) == "boolean":
                data[col] = s.astype("float64")
            elif "date32" in str(s.dtype):
                # A Stata date is days since 1 January 1960; missing days stay missing (.).
                days = [None if pd.isna(d) else (d - EPOCH).days for d in s.astype("object")]
                data[col] = pd.Series(days, index=frame.index, dtype="float64")
                formats[col] = "%td"
            else:
                data[col] = s.astype("object").where(s.notna(), "")
        labels: dict[str, str | None] = {c: text[:LABEL] for c, text in column_labels(t, frame).items()}
        path = folder / f"{name}.dta"
        pyreadstat.write_dta(
            data,
            str(path),
            file_label=(t.title or name)[:LABEL],
            column_labels=labels,
            variable_value_labels=_value_labels(coded, frame),
            variable_format=formats,
        )
        paths.append(path)
    return paths
