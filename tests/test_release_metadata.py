"""Citation and release metadata agree with datapackage.json."""

from __future__ import annotations

import json

import pytest
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


def test_the_workflows_templates_and_hooks_run_what_the_repository_has() -> None:
    import re

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w./-]+):", makefile, re.M))
    commands = []
    for path in [*(ROOT / ".github" / "workflows").glob("*.yml"), ROOT / ".pre-commit-config.yaml"]:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert doc, path
        text = path.read_text(encoding="utf-8")
        commands += re.findall(r"make ([\w./-]+)", text)
        for sub in re.findall(r"iran-relations (\w+)", text):
            from iran_relations.cli import COMMANDS

            assert sub in COMMANDS, (path.name, sub)
    assert commands and set(commands) <= targets, set(commands) - targets
    for template in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.md"):
        front = template.read_text(encoding="utf-8").split("---")[1]
        assert {"name", "about"} <= set(yaml.safe_load(front))
    assert (ROOT / ".github" / "pull_request_template.md").is_file()


def test_zenodo_metadata_agrees_with_the_descriptor() -> None:
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    assert zenodo["upload_type"] == "dataset"
    assert zenodo["version"] == DESCRIPTOR["version"]
    assert zenodo["title"] == DESCRIPTOR["title"]
    assert zenodo["description"] == DESCRIPTOR["description"]
    assert zenodo["license"] == DESCRIPTOR["licenses"][0]["name"]
    assert zenodo["keywords"] == DESCRIPTOR["keywords"]


def test_the_descriptor_names_the_data_and_the_code_licences_and_both_files_exist() -> None:
    names = [licence["name"] for licence in DESCRIPTOR["licenses"]]
    assert names[0] == "CC-BY-4.0" and "MIT" in names
    assert "CC BY 4.0" in (ROOT / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_a_released_version_carries_its_changelog_date_in_the_citation_metadata() -> None:
    """Once CHANGELOG dates the current version's section, CITATION.cff and .zenodo.json give that day."""
    import re

    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    dated = re.search(rf"^## \[{re.escape(DESCRIPTOR['version'])}\] - (\d{{4}}-\d{{2}}-\d{{2}})$", text, re.M)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8"))
    if dated is None:  # the version is not released yet: the metadata may still date the last one
        pytest.skip(f"{DESCRIPTOR['version']} has no dated CHANGELOG section yet")
    assert str(cff["date-released"]) == dated.group(1)
    assert zenodo["publication_date"] == dated.group(1)
