"""Browse the dataset in datasette on localhost (needs `pip install iran-relations[explore]`)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ._package import add_path, load_package


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=int, default=8001, help="the port on 127.0.0.1 (default 8001; 0 picks a free one)"
    )
    parser.add_argument("--out", type=Path, help="where to write the SQLite export (default: a temporary folder)")
    add_path(parser)


def run(args: argparse.Namespace) -> int:
    try:
        import datasette  # noqa: F401
    except ImportError:
        print(
            "iran-relations explore: datasette is not installed; run `pip install 'iran-relations[explore]'`",
            file=sys.stderr,
        )
        return 2
    from ..export import export

    ds = load_package(args.package, "explore")
    if ds is None:
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        db, meta = export(ds, "sqlite", out)
        print(f"iran-relations explore: serving {db} on http://127.0.0.1:{args.port}/ (Ctrl-C stops)", flush=True)
        from datasette import cli as datasette_cli

        try:
            datasette_cli.cli.main(
                ["serve", str(db), "--metadata", str(meta), "--host", "127.0.0.1", "--port", str(args.port)],
                standalone_mode=False,
            )
        except KeyboardInterrupt:
            pass
    return 0
