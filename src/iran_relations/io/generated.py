"""Generated files: write them, or with ``check`` report which have drifted from what their
generator makes now. ``make generate`` writes; ``make test`` checks."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

__all__ = ["sync"]


def sync(files: Mapping[Path, str], root: Path, *, check: bool, folders: tuple[Path, ...] = ()) -> int:
    """Write each file whose text differs (``check``: only report it); return 1 if any differed.

    A ``.md`` file in one of ``folders`` that is not in ``files`` is left over from a row that is
    gone: it is deleted (``check``: reported).
    """
    status = 0
    for target, text in files.items():
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current == text:
            continue
        if check:
            print(f"{target.relative_to(root)} is out of date: run `make generate`", file=sys.stderr)
            status = 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(root)}")
    for folder in folders:
        for stray in sorted(p for p in folder.glob("*.md") if p not in files):
            if check:
                print(
                    f"{stray.relative_to(root)} is not generated from the data any more: run `make generate`",
                    file=sys.stderr,
                )
                status = 1
            else:
                stray.unlink()
                print(f"removed {stray.relative_to(root)}")
    return status
