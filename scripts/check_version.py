"""Fail when the version in datapackage.json is too small a step for what changed since the last release.

    python scripts/check_version.py

Compares the working tree with the newest release tag (``vX.Y.Z``) by key, with
``iran-relations diff``, and applies the Frictionless data-package versioning rules:

- MAJOR: a table or field removed (a rename is a removal and an addition), or a row of a keyed
  table removed without a redirect (its released ID would stop resolving);
- MINOR: a table, field or row added;
- PATCH: a row corrected, or a row of a link table removed.

With no release tag yet, there is nothing to compare with and the check passes. Exit 0 when the
version is enough, 1 when it is not (saying which bump is needed), 2 when it cannot run.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from iran_relations.diff import PackageDiff, diff  # noqa: E402
from iran_relations.table_schema import read_package  # noqa: E402

LEVELS = ("none", "patch", "minor", "major")


def parse(version: str) -> tuple[int, int, int]:
    major, minor, patch = (int(x) for x in version.lstrip("v").split("."))
    return major, minor, patch


def needed(d: PackageDiff, redirected: frozenset[tuple[str, str]] = frozenset()) -> str:
    """The smallest step the changes in ``d`` call for. A removed row of a keyed table whose ID
    the new package redirects (``redirected`` holds (table, old_id) pairs) keeps its meaning: it
    is not a breaking change."""
    keyed = set(read_package(ROOT).keyed_tables)
    broken = any((t.name, k[0]) not in redirected for t in d.tables if t.name in keyed for k in t.removed)
    if d.tables_removed or any(t.fields_removed for t in d.tables) or broken:
        return "major"
    if d.tables_added or any(t.fields_added or t.added for t in d.tables):
        return "minor"
    if any(t.changed or t.removed for t in d.tables):
        return "patch"
    return "none"


def taken(old: str, new: str) -> str:
    """The step from version ``old`` to ``new``."""
    a, b = parse(old), parse(new)
    if b[0] > a[0]:
        return "major"
    if b[0] == a[0] and b[1] > a[1]:
        return "minor"
    if b[:2] == a[:2] and b[2] > a[2]:
        return "patch"
    return "none"


def _redirected() -> frozenset[tuple[str, str]]:
    """(table, old_id) for each redirect of the working tree."""
    path = ROOT / "data" / "redirects.csv"
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as f:
        return frozenset((r.get("record_table", ""), r.get("old_id", "")) for r in csv.DictReader(f))


def last_release() -> str | None:
    done = subprocess.run(["git", "tag", "--list", "v*.*.*"], cwd=ROOT, capture_output=True, text=True)
    tags = [t for t in done.stdout.split() if re.fullmatch(r"v\d+\.\d+\.\d+", t)]
    return max(tags, key=parse) if tags else None


def main() -> int:
    tag = last_release()
    if tag is None:
        print("check-version: no release tag (vX.Y.Z) yet: nothing to compare with")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", tag, "datapackage.json", "schemas", "data"], cwd=ROOT, capture_output=True
        )
        if archive.returncode != 0:
            print(f"check-version: cannot read {tag}: {archive.stderr.decode().strip()}", file=sys.stderr)
            return 2
        (Path(tmp) / "old.tar").write_bytes(archive.stdout)
        shutil.unpack_archive(Path(tmp) / "old.tar", Path(tmp) / "old", "tar")
        d = diff(Path(tmp) / "old", ROOT)
    old, new = parse(tag), read_package(ROOT).version
    need, step = needed(d, _redirected()), taken(tag, new)
    if LEVELS.index(step) >= LEVELS.index(need) and (need != "none" or parse(new) >= old):
        print(f"check-version: {tag} -> {new}: a {step} step; the changes need at least {need}")
        return 0
    print(
        f"check-version: the data changed since {tag} in a way that needs a {need.upper()} version step, "
        f"but datapackage.json says {new} ({step} step). Bump the version in datapackage.json and "
        "CITATION.cff and .zenodo.json, and add a CHANGELOG.md entry. What changed:\n" + d.to_text(),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
