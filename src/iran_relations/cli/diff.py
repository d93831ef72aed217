"""Compare two data packages by key: rows added, removed and changed field by field, per table."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._package import safe


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="the earlier package: a folder or its datapackage.json")
    parser.add_argument("new", help="the later package: a folder or its datapackage.json")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.epilog = "exit status: 0 no differences, 1 differences, 2 a package cannot be read"


def run(args: argparse.Namespace) -> int:
    from ..diff import diff
    from ..table_schema import DescriptorError

    for path in (args.old, args.new):
        if not Path(path).exists():
            print(f"iran-relations diff: {path}: no such file or folder", file=sys.stderr)
            return 2
    try:
        result = diff(args.old, args.new)
    except (DescriptorError, OSError) as e:
        print(f"iran-relations diff: cannot read a package: {e}", file=sys.stderr)
        return 2
    render = {"text": result.to_text, "markdown": result.to_markdown, "json": result.to_json}[args.format]
    print(safe(render()))
    return 1 if result else 0
