"""Rewrite the CSV files in canonical form (key order, UTF-8 without BOM, LF, minimal quoting, NFC)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io.locations import DESCRIPTOR
from ._package import add_path, package_path, say_package


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", help="the package folder or its datapackage.json (the same as --package)")
    add_path(parser)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is not canonical")
    parser.epilog = (
        "the package is found as by every command, except that fmt never rewrites the release bundled "
        "with the code; exit status: 0 canonical (or rewritten), 1 not canonical (--check), 2 a file cannot be formatted"
    )


def run(args: argparse.Namespace) -> int:
    from ..fmt import format_package
    from ..io.locations import resolve_root
    from ..schema.table_schema import DescriptorError, read_package

    given = package_path(args.path or args.package)
    if given is None:
        print(f"iran-relations fmt: no {DESCRIPTOR} in this folder: give the package to format", file=sys.stderr)
        return 2
    root = resolve_root(given)
    if not (root / DESCRIPTOR).is_file():
        print(f"iran-relations fmt: {given}: no {DESCRIPTOR} there", file=sys.stderr)
        return 2
    try:
        spec = read_package(Path(root))
    except DescriptorError as e:
        print(f"iran-relations fmt: cannot read the package: {e}", file=sys.stderr)
        return 2
    say_package("fmt", spec.root, spec.version)
    result = format_package(spec, check=args.check)
    verb = "would reformat" if args.check else "reformatted"
    for path in result.changed:
        print(f"{verb} {path}")
    for path, why in result.refused.items():
        print(f"{path}: left as it is: {why}", file=sys.stderr)
    print(f"{len(result.changed)} {verb}, {len(result.unchanged)} already canonical, {len(result.refused)} refused")
    if result.refused:
        return 2
    return 1 if args.check and result.changed else 0
