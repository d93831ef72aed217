"""R: one ``.rds`` file per table, read with ``readRDS("actors.rds")``.

Built from the typed frames of :mod:`iran_relations.frames`: every controlled list is a factor whose
levels are the list in schema order, booleans are logical, the days a partial date may stand for
(``_start``/``_end``) are ISO text, ``"2001-12-22"`` (``as.Date()`` makes them dates: the writer,
pyreadr, stores no R ``Date``), and text is character (``NA`` where empty). The table's
field titles and descriptions are in the data dictionary (and in the Stata files' labels); plain
``.rds`` carries no variable labels.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write", "FOLDER"]

FOLDER = "r"


def write(ds: Dataset, out: Path) -> list[Path]:
    import pandas as pd
    import pyreadr

    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, frame in ds.to_pandas().items():
        data = pd.DataFrame(index=frame.index)
        for col in frame.columns:
            s = frame[col]
            kind = str(s.dtype)
            if kind == "category":
                data[col] = s  # a factor, its levels in schema order
            elif kind == "boolean":
                data[col] = s.astype("object").where(s.notna(), None)
            elif "date32" in kind:
                data[col] = pd.Series(
                    [None if pd.isna(d) else d for d in s.astype("object")], index=frame.index, dtype="object"
                )
            else:
                data[col] = s.astype("object").where(s.notna(), None)
        path = folder / f"{name}.rds"
        pyreadr.write_rds(str(path), data)
        paths.append(path)
    return paths
