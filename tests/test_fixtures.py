"""Each validator rule has a fixture that triggers it, found at the seeded file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, build_package, scenario_meta, scenario_names

from iran_relations import validate
from iran_relations.schema.table_schema import DescriptorError
from iran_relations.validation.issues import CODES

# Codes no fixture can trigger through files alone, and why.
UNTRIGGERABLE = {
    "file-read-error": "needs an unreadable file; tests run as root, which reads everything",
    "model-error": "a safety net behind the schema checks: every cell the models reject is caught earlier with a precise code",
}


def test_valid_base_has_no_issues(valid_package: Path) -> None:
    """The base every scenario starts from is itself valid, so each finding comes from its mutation."""
    report = validate(valid_package)
    assert report.issues == []
    assert report.valid


@pytest.mark.parametrize("scenario", [s for s in scenario_names() if scenario_meta(s)["exit_code"] == 1])
def test_scenario_finds_exactly_the_seeded_errors(scenario: str, tmp_path: Path) -> None:
    """The validator reports each seeded error with its code at its file, line and field, and nothing else."""
    meta = scenario_meta(scenario)
    report = validate(build_package(tmp_path, scenario))
    expected = sorted((e["path"], e["line"], e["field"], e["code"]) for e in meta["expect"])
    assert sorted(report.flatten(), key=str) == sorted(expected, key=str)
    assert not report.valid


def test_unreadable_descriptor_cannot_start(tmp_path: Path) -> None:
    """A descriptor that is not JSON stops validation with a DescriptorError naming the file and position."""
    with pytest.raises(DescriptorError, match=r"datapackage.json:2:1"):
        validate(build_package(tmp_path, "descriptor-error"))


def test_every_code_has_a_fixture() -> None:
    """Every code in the catalogue is triggered by a scenario named after it, or is listed with a reason."""
    scenarios = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    missing = sorted(c for c in CODES if c not in scenarios and c not in UNTRIGGERABLE)
    assert missing == []


@pytest.mark.parametrize("scenario", [s for s in scenario_names() if scenario_meta(s)["exit_code"] == 1])
def test_scenario_expects_its_own_code(scenario: str) -> None:
    """A scenario named after a code seeds at least that code (so fixtures cannot silently drift off-topic)."""
    assert scenario in {e["code"] for e in scenario_meta(scenario)["expect"]}
