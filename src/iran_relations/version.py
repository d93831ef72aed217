"""The one version source: the ``version`` of the bundled datapackage.json."""

from __future__ import annotations

import json

from .io.locations import DESCRIPTOR, bundled_root

__all__ = ["read_version"]


def read_version() -> str:
    """Return the data package's version, or ``0+unknown`` when the descriptor cannot be read."""
    try:
        with open(bundled_root() / DESCRIPTOR, encoding="utf-8") as f:
            return str(json.load(f)["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return "0+unknown"
