"""Check a data package: every file, line and field, against the schemas and the dataset's rules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ._package import add_path, package_path, say_package

FORMATS = ("text", "json", "github")


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path",
        nargs="?",
        help="the package folder or its datapackage.json (the same as --package)",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text for people, json for programs, github for pull-request annotations",
    )
    add_path(parser)
    parser.epilog = "exit status: 0 valid, 1 invalid, 2 cannot run"


def run(args: argparse.Namespace) -> int:
    from ..schema.table_schema import DescriptorError
    from ..validation.pipeline import validate

    if args.path and args.package and Path(args.path) != Path(args.package):
        print("iran-relations validate: give the package once, as PATH or --package", file=sys.stderr)
        return 2
    path = package_path(args.path or args.package)
    if path is not None and not Path(path).exists():
        print(f"iran-relations validate: {path}: no such file or folder", file=sys.stderr)
        return 2
    try:
        report = validate(path)
    except DescriptorError as e:
        print(f"iran-relations validate: cannot read the package: {e}", file=sys.stderr)
        return 2
    from ..io.locations import resolve_root
    from ..schema.table_schema import read_package

    spec = read_package(resolve_root(path))
    say_package("validate", spec.root, spec.version)
    render = {"text": report.to_text, "json": report.to_json, "github": report.to_github}[args.format]
    print(render())
    return report.exit_code
