"""Citation and release metadata agree with datapackage.json."""

from __future__ import annotations

import json

import yaml
from conftest import ROOT

DESCRIPTOR = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))


def test_citation_cff_is_complete_and_carries_the_version() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "version", "license", "type"):
        assert cff.get(key), key
    assert cff["cff-version"] == "1.2.0"
    assert str(cff["version"]) == DESCRIPTOR["version"]
    assert cff["title"] == DESCRIPTOR["title"]
    assert cff["license"] == DESCRIPTOR["licenses"][0]["name"]
    assert all(a.get("name") or a.get("family-names") for a in cff["authors"])


def test_the_changelog_has_a_section_for_unreleased_changes_or_the_current_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text or f"## [{DESCRIPTOR['version']}]" in text
