"""Exports of the data package: SQLite (with datasette metadata), Parquet, JSON, XLSX, Stata
(``.dta`` with variable and value labels) and R (``.rds``), and the analysis-ready tables derived
from it (the relation–year panel, as CSV and Parquet).

Each writer takes a loaded :class:`~iran_relations.dataset.Dataset` and a folder, writes its files
there and returns their paths. Every export of the tables holds exactly the rows of the CSVs, in
file order (tests compare them table by table); ``analysis`` holds derived tables.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["FORMATS", "export"]

FORMATS = ("sqlite", "parquet", "json", "xlsx", "stata", "r", "analysis")


def _writer(fmt: str) -> Callable[[Dataset, Path], list[Path]]:
    if fmt == "sqlite":
        from .sqlite import write
    elif fmt == "parquet":
        from .parquet import write
    elif fmt == "json":
        from .json_files import write
    elif fmt == "xlsx":
        from .xlsx import write
    elif fmt == "stata":
        from .stata import write
    elif fmt == "r":
        from .r_files import write
    elif fmt == "analysis":
        from .analysis import write
    else:
        raise ValueError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return write


def export(ds: Dataset, fmt: str, out: Path) -> list[Path]:
    """Write ``ds`` in format ``fmt`` into the folder ``out`` (created if needed); return the files."""
    writer = _writer(fmt)
    out.mkdir(parents=True, exist_ok=True)
    return writer(ds, out)
