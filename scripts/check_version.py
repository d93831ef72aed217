"""Fail when the version in datapackage.json is too small a step for what changed since the last release.

    python scripts/check_version.py

Compares the working tree with the newest release the repository records (CHANGELOG's dated
sections, or a ``vX.Y.Z`` tag; see :mod:`iran_relations.versioning`) by key, with
``iran-relations diff``, and applies the Frictionless data-package versioning rules:

- MAJOR: a table or field removed (a rename is a removal and an addition), or a row of a keyed
  table removed without a redirect (its released ID would stop resolving);
- MINOR: a table, field or row added;
- PATCH: a row corrected, or a row of a link table removed.

With no release recorded yet, there is nothing to compare with and the check passes. Exit 0 when the
version is enough, 1 when it is not (saying which bump is needed), 2 when it cannot run.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from iran_relations import versioning  # noqa: E402
from iran_relations.diff import PackageDiff, diff  # noqa: E402
from iran_relations.errors import IranRelationsError  # noqa: E402
from iran_relations.table_schema import read_package  # noqa: E402
from iran_relations.versioning import LEVELS, parse  # noqa: E402


def needed(d: PackageDiff, redirected: frozenset[tuple[str, str]] = frozenset()) -> str:
    """The smallest step the changes in ``d`` call for (see :func:`iran_relations.versioning.needed`)."""
    return versioning.needed(d, set(read_package(ROOT).keyed_tables), redirected)


def _redirected() -> frozenset[tuple[str, str]]:
    """(table, old_id) for each redirect of the working tree."""
    path = ROOT / "data" / "redirects.csv"
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as f:
        return frozenset((r.get("record_table", ""), r.get("old_id", "")) for r in csv.DictReader(f))


def main() -> int:
    try:
        release = versioning.last_release(ROOT)
    except versioning.VersionError as e:
        print(f"check-version: {e}", file=sys.stderr)
        return 2
    if release is None:
        print(
            "check-version: no release recorded yet (no dated CHANGELOG section, no vX.Y.Z tag): nothing to compare with"
        )
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        try:
            old_root = versioning.package_at(ROOT, release.ref, Path(tmp) / "old")
            d = diff(old_root, ROOT)
        except IranRelationsError as e:
            print(f"check-version: cannot compare with {release.version}: {e}", file=sys.stderr)
            return 2
    new = read_package(ROOT).version
    need, taken = needed(d, _redirected()), versioning.step(release.version, new)
    if LEVELS.index(taken) >= LEVELS.index(need) and (need != "none" or parse(new) >= parse(release.version)):
        print(f"check-version: {release.version} -> {new}: a {taken} step; the changes need at least {need}")
        return 0
    print(
        f"check-version: the data changed since {release.version} in a way that needs a {need.upper()} version "
        f"step, but datapackage.json says {new} ({taken} step). Bump the version in datapackage.json and "
        "CITATION.cff and .zenodo.json, and add a CHANGELOG.md entry. What changed:\n" + d.to_text(),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
