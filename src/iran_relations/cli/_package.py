"""What every command that reads the data shares: which package, loaded or a one-line error."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from ..io.locations import DESCRIPTOR

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["add_path", "load_package", "safe", "say_package", "package_path"]


def add_path(parser) -> None:
    parser.add_argument(
        "--package",
        metavar="PATH",
        help="the package folder or its datapackage.json (default: the current folder if it holds one, else the bundled release)",
    )


def package_path(path: str | None) -> str | None:
    """The one default rule every command shares: the package given, else the current folder if
    it holds a datapackage.json, else (None) the release bundled with the code."""
    if path is None and Path(DESCRIPTOR).is_file():
        return "."
    return path


def say_package(command: str, root: Path, version: str) -> None:
    """Tell the reader which package a command read (on stderr, so stdout stays the result)."""
    print(f"iran-relations {command}: package {root.resolve()} (version {version})", file=sys.stderr)


def load_package(path: str | None, command: str) -> Dataset | None:
    """The dataset at ``path`` (see :func:`add_path`), or None after printing why it cannot be read."""
    from ..dataset import LoadError, load
    from ..schema.table_schema import DescriptorError

    path = package_path(path)
    if path is not None and not Path(path).exists():
        print(f"iran-relations {command}: {path}: no such file or folder", file=sys.stderr)
        return None
    try:
        ds = load(path)
        say_package(command, ds.root, ds.version)
        return ds
    except (DescriptorError, LoadError, OSError) as e:
        print(
            f"iran-relations {command}: cannot load the package: {e} (run `iran-relations validate` for every problem)",
            file=sys.stderr,
        )
        return None


def safe(text: object) -> str:
    """Text for a terminal: control and format characters (an escape sequence, a bidi override)
    are shown as their code point instead of acting on the terminal."""
    out = []
    for ch in str(text):
        if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf") and ch != "\u200c":
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)
