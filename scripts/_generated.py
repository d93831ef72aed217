"""Shared by the generators: write a generated file, or with --check report that it has drifted."""

from __future__ import annotations

import sys
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
