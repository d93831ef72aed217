"""Compare two data packages by key: rows added, removed and changed field by field, per table."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from ._package import safe


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "old",
        help="the earlier package: a folder, its datapackage.json, or a git tag or commit of this repository (v0.1.0)",
    )
    parser.add_argument("new", help="the later package: a folder, its datapackage.json, or a git tag or commit")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    parser.epilog = "exit status: 0 no differences, 1 differences, 2 a package cannot be read"


def run(args: argparse.Namespace) -> int:
    from ..diff import diff
    from ..schema.table_schema import DescriptorError

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, given in enumerate((args.old, args.new)):
            path = given if Path(given).exists() else _from_git(given, Path(tmp) / str(n))
            if path is None:
                print(
                    f"iran-relations diff: {given}: no such file or folder, nor a git tag or commit here",
                    file=sys.stderr,
                )
                return 2
            paths.append(path)
        try:
            result = diff(*paths)
        except (DescriptorError, OSError) as e:
            print(f"iran-relations diff: cannot read a package: {e}", file=sys.stderr)
            return 2
    render = {"text": result.to_text, "markdown": result.to_markdown, "json": result.to_json}[args.format]
    print(safe(render()))
    return 1 if result else 0


def _from_git(ref: str, dest: Path) -> str | None:
    """The package as it stands at git ``ref`` of the repository here (a tag, a commit, or a
    release version such as 0.1.0 that CHANGELOG dates), unpacked into ``dest``."""
    from ..versioning import VersionError, package_at, releases

    here = Path.cwd()
    try:
        ref = next((r.ref for r in releases(here) if r.version == ref.lstrip("v")), ref)
        return str(package_at(here, ref, dest))
    except VersionError:
        return None
