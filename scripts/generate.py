"""Write the files generated from the schemas and the code, or with --check report those that drifted.

The committed ones: the row models (src/iran_relations/schema/models.py) and the pages made from
the code alone (the validation codes, the command line, how to cite). With --data-pages, also the
pages made from the data, into docs/ where git ignores them (the site build makes those itself).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from iran_relations.io.generated import sync
from iran_relations.schema import generate_models
from iran_relations.site import FOLDERS, committed_pages, data_pages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a file is out of date instead of writing it")
    parser.add_argument("--data-pages", action="store_true", help="also write the pages made from the data into docs/")
    args = parser.parse_args(argv)
    files = {generate_models.TARGET: generate_models.render(ROOT)}
    pages = committed_pages(ROOT) | (data_pages(ROOT) if args.data_pages else {})
    files |= {DOCS / rel: text for rel, text in pages.items()}
    folders = tuple(DOCS / f for f in FOLDERS) if args.data_pages else ()
    return sync(files, ROOT, check=args.check, folders=folders)


if __name__ == "__main__":
    raise SystemExit(main())
