"""Shared test helpers: the repo root, and fixture packages assembled from tests/fixtures/.

A scenario folder holds only what differs from the valid base (tests/fixtures/valid/data): its
data files, an optional datapackage.json, and scenario.json with the positions of the seeded
errors. The package's live datapackage.json and schemas/ are used, so fixtures never drift.
"""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

from iran_relations.site import codes_page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = ROOT.parent / "shared" / "sources"


def scenario_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "scenario.json").is_file())


def scenario_meta(name: str) -> dict:
    return json.loads((FIXTURES / name / "scenario.json").read_text(encoding="utf-8"))


def build_package(dest: Path, scenario: str | None = None) -> Path:
    """Assemble the valid base, overlaid with ``scenario``, into ``dest``; return ``dest``."""
    return codes_page.build_package(ROOT, dest, scenario)


@pytest.fixture
def valid_package(tmp_path: Path) -> Path:
    return build_package(tmp_path)


def git(repo: Path, *args: str) -> None:
    """Run git in ``repo`` with a throwaway identity (tests make commits and tags in clones)."""
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def data_rows(table: str) -> list[dict[str, str]]:
    """The rows of a published table as the CSV reader sees them, for expectations derived from the data."""
    with (ROOT / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))
