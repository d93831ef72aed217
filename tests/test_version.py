"""One version source: datapackage.json; the package metadata and __version__ agree with it."""

from __future__ import annotations

import json
import re
from importlib.metadata import version

from conftest import ROOT

import iran_relations


def test_version_copies_agree() -> None:
    """datapackage.json, the installed distribution's metadata and __version__ carry the same version."""
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert iran_relations.__version__ == descriptor
    assert version("iran-relations") == descriptor


def test_version_is_semantic() -> None:
    """The version is MAJOR.MINOR.PATCH, as the Frictionless data-package versioning rules expect."""
    assert re.fullmatch(r"\d+\.\d+\.\d+", iran_relations.__version__)
