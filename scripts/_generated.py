"""Shared by the generators: write a generated file, or with --check report that it has drifted."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(target: Path, text: str, check: bool, how: str = "make generate") -> int:
    """Write ``text`` to ``target`` if it differs; with ``check``, only return 1 when it differs."""
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if check:
        if current != text:
            print(f"{target.relative_to(ROOT)} is out of date: run `{how}`", file=sys.stderr)
            return 1
        return 0
    if current != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


def main(doc: str, target: Path, render: Callable[[], str], argv: list[str] | None = None) -> int:
    """The command line every generator shares: write ``target``, or ``--check`` it for drift."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help=f"exit 1 if {target.name} is out of date instead of writing it"
    )
    args = parser.parse_args(argv)
    return write_or_check(target, render(), args.check)


def main_pages(
    doc: str, pages: Callable[[], dict[Path, str]], argv: list[str] | None = None, folder: Path | None = None
) -> int:
    """The command line of a generator that writes several pages: write them, or ``--check`` them.

    With ``folder``, every other ``.md`` file in it is left over from a row that is gone: it is
    deleted, or with ``--check`` reported.
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a page is out of date instead of writing it")
    args = parser.parse_args(argv)
    wanted = pages()
    status = 0
    for target, text in wanted.items():
        status |= write_or_check(target, text, args.check)
    stray = sorted(p for p in folder.glob("*.md") if p not in wanted) if folder is not None and folder.is_dir() else []
    for p in stray:
        if args.check:
            print(
                f"{p.relative_to(ROOT)} is not generated from the data any more: run `make generate`", file=sys.stderr
            )
            status = 1
        else:
            p.unlink()
            print(f"removed {p.relative_to(ROOT)}")
    return status
