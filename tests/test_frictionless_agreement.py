"""On the fixtures, the schema layer finds what `frictionless validate` finds, at the same rows.

The dataset validator reimplements frictionless's checks for speed; this pins that the two agree
on every scenario where frictionless has an equivalent check.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_package, scenario_names

from iran_relations import validate
from iran_relations.validation.issues import CODES

frictionless = pytest.importorskip("frictionless")

# Scenarios whose seeded errors frictionless also checks (row-level, single physical line per row).
SHARED = [
    s
    for s in scenario_names()
    if CODES.get(s)
    and CODES[s].frictionless
    in {
        "constraint-error",
        "type-error",
        "unique-error",
        "primary-key",
        "foreign-key",
        "extra-cell",
        "missing-cell",
        "blank-row",
    }
]


@pytest.mark.parametrize("scenario", SHARED)
def test_same_rows_flagged_as_frictionless(scenario: str, tmp_path: Path) -> None:
    """Every row our validator flags with a frictionless-equivalent code, frictionless flags too, and vice versa."""
    pkg = build_package(tmp_path, scenario)
    ours = {(i.path, i.line) for i in validate(pkg).issues if CODES[i.code].frictionless}
    report = frictionless.validate(str(pkg / "datapackage.json"))
    theirs = set()
    for task in report.tasks:
        for err in task.errors:
            if getattr(err, "row_number", None):
                theirs.add((task.place, err.row_number))
    assert ours == theirs
    assert ours, f"scenario {scenario} seeded nothing both validators see"
