"""Analysis-ready tables derived from the relations, as CSV and Parquet: the relation–year panel
(``relation_years``) and the relations with their group, independent sources and
``first_reported`` / ``last_reported`` (``relations``). See :mod:`iran_relations.panel`.

Derived files, not the published tables: they are rebuilt from the CSVs on every export.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write", "FOLDER"]

FOLDER = "analysis"


def write(ds: Dataset, out: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in (("relation_years", ds.relation_years()), ("relations", ds.relation_table())):
        csv_path, parquet_path = folder / f"{name}.csv", folder / f"{name}.parquet"
        # Booleans as the package's CSVs write them (true/false), not pandas' True/False.
        text = frame.assign(
            **{str(c): frame[c].map({True: "true", False: "false"}) for c in frame if frame[c].dtype == "boolean"}
        )
        text.to_csv(csv_path, index=False, lineterminator="\n")
        table = pa.Table.from_pandas(frame, preserve_index=False)
        table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"version": ds.version.encode()})
        pq.write_table(table, parquet_path)
        written += [csv_path, parquet_path]
    return written
