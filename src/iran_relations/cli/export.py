"""Write the dataset as SQLite (with datasette metadata), Parquet, JSON, XLSX, Stata or R, and its analysis tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..export import FORMATS as WRITERS
from ._package import add_path, load_package

FORMATS = (*WRITERS, "all")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, required=True, help="the export to write; all writes every one")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write into (created if needed)")
    add_path(parser)
    parser.epilog = "sqlite writes iran-relations.db and metadata.json (for datasette); parquet/ and json/ hold a file per table; xlsx writes iran-relations.xlsx; stata/ holds a .dta per table (variable and value labels); r/ an .rds per table (readRDS); analysis/ holds the relation-year panel (relation_years) and the relations with first_reported and last_reported, as CSV and Parquet"


def run(args: argparse.Namespace) -> int:
    from ..export import export

    ds = load_package(args.package, "export")
    if ds is None:
        return 2
    chosen = WRITERS if args.format == "all" else (args.format,)
    try:
        for fmt in chosen:
            for path in export(ds, fmt, args.out):
                print(path)
    except OSError as e:
        print(f"iran-relations export: cannot write to {args.out}: {e.strerror or e}", file=__import__("sys").stderr)
        return 2
    return 0
