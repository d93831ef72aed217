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

import sys
from pathlib import Path

from iran_relations import versioning

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    result = versioning.check(ROOT)
    print(f"check-version: {result.message}", file=sys.stderr if result.status else sys.stdout)
    return result.status


if __name__ == "__main__":
    sys.exit(main())
