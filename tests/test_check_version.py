"""The version check: each kind of change needs its step, and a clone with a release tag is held to it."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, git

from iran_relations import versioning
from iran_relations.diff import PackageDiff, TableDiff
from iran_relations.schema.table_schema import read_package
from iran_relations.versioning import releases, step


def needed(d: PackageDiff, redirected: frozenset[tuple[str, str]] = frozenset()) -> str:
    return versioning.needed(d, set(read_package(ROOT).keyed_tables), redirected)


@pytest.mark.parametrize(
    ("change", "need"),
    [
        (PackageDiff("1.0.0", "1.0.0"), "none"),
        (PackageDiff("1.0.0", "1.0.0", tables=[TableDiff("events", changed={("e",): {"title": ("a", "b")}})]), "patch"),
        (PackageDiff("1.0.0", "1.0.0", tables=[TableDiff("participants", removed=[("e", "a", "host")])]), "patch"),
        (PackageDiff("1.0.0", "1.0.0", tables=[TableDiff("events", added=[("e",)])]), "minor"),
        (PackageDiff("1.0.0", "1.0.0", tables=[TableDiff("events", fields_added=["x"])]), "minor"),
        (PackageDiff("1.0.0", "1.0.0", tables_added=["sources"]), "minor"),
        (PackageDiff("1.0.0", "1.0.0", tables=[TableDiff("events", removed=[("e",)])]), "major"),
        (PackageDiff("1.0.0", "1.0.0", tables=[TableDiff("events", fields_removed=["place"])]), "major"),
        (PackageDiff("1.0.0", "1.0.0", tables_removed=["participants"]), "major"),
    ],
)
def test_each_kind_of_change_needs_its_step(change: PackageDiff, need: str) -> None:
    assert needed(change) == need


def test_steps_between_versions() -> None:
    assert step("v1.2.3", "2.0.0") == "major"
    assert step("v1.2.3", "1.3.0") == "minor"
    assert step("v1.2.3", "1.2.4") == "patch"
    assert step("v1.2.3", "1.2.3") == "none"
    assert step("v1.2.3", "1.1.9") == "none"


def _set_version(repo: Path, version: str) -> None:
    path = repo / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["version"] = version
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# The clone runs this checkout's script; the library it imports is the installed one (this checkout's).
_CODE = ("scripts/check_version.py",)


def _add_event(repo: Path) -> str:
    path = repo / "data" / "events.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    extra = list(rows[1])
    extra[0] = "added-" + extra[0]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([*rows, extra])
    return extra[0]


def test_a_release_is_found_from_the_changelog_without_any_tag(tmp_path: Path) -> None:
    """A clone with no tags (as CI may have) finds the last release from CHANGELOG's dated section
    and the commit that dated it, and holds a later data change to a version step."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", "--no-tags", str(ROOT), str(repo)], check=True, capture_output=True)
    out = lambda *a: subprocess.run(["git", *a], cwd=repo, capture_output=True, text=True).stdout  # noqa: E731
    for tag in out("tag", "--list").split():
        git(repo, "tag", "-d", tag)
    for rel in _CODE:
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_bytes((ROOT / rel).read_bytes())
    _set_version(repo, "1.0.0")
    changelog = repo / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(
        text.replace("## [Unreleased]", "## [Unreleased]\n\n## [1.0.0] - 2026-12-06", 1), encoding="utf-8"
    )
    git(repo, "commit", "--quiet", "-am", "release 1.0.0")
    dated = out("rev-parse", "HEAD").strip()
    assert (releases(repo)[-1].version, releases(repo)[-1].ref) == ("1.0.0", dated)
    run = lambda: subprocess.run([sys.executable, "scripts/check_version.py"], cwd=repo, capture_output=True, text=True)  # noqa: E731
    assert run().returncode == 0
    _add_event(repo)
    failed = run()
    assert failed.returncode == 1 and "MINOR" in failed.stderr and "since 1.0.0" in failed.stderr
    _set_version(repo, "1.1.0")
    assert run().returncode == 0


def test_a_clone_with_a_release_tag_is_held_to_the_rules(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(repo)], check=True, capture_output=True)
    for rel in _CODE:  # this checkout's versions
        (repo / rel).write_bytes((ROOT / rel).read_bytes())
    _set_version(repo, "1.0.0")
    git(repo, "commit", "--quiet", "-am", "release 1.0.0")
    git(repo, "tag", "v1.0.0")
    run = lambda: subprocess.run([sys.executable, "scripts/check_version.py"], cwd=repo, capture_output=True, text=True)  # noqa: E731
    assert run().returncode == 0
    added = _add_event(repo)
    failed = run()
    assert failed.returncode == 1 and "MINOR" in failed.stderr and f"+ {added}" in failed.stderr
    _set_version(repo, "1.0.1")
    assert run().returncode == 1
    _set_version(repo, "1.1.0")
    passed = run()
    assert passed.returncode == 0, passed.stderr


def test_a_removed_row_whose_id_is_redirected_is_not_a_breaking_change() -> None:
    merged = PackageDiff("1.0.0", "1.0.0", tables=[TableDiff("actors", removed=[("old-id",)])])
    assert needed(merged) == "major"
    assert needed(merged, frozenset({("actors", "old-id")})) == "patch"


def test_the_recorded_releases_hold_a_data_change_to_a_version_step(tmp_path: Path) -> None:
    """The repository records 0.1.0, the first release, from CHANGELOG alone (no tags in the clone),
    and the check compares with the newest recorded release: with the package as released it
    passes; a row added without a new version fails, naming that release."""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "--quiet", "--no-tags", str(ROOT), str(repo)], check=True, capture_output=True)
    out = lambda *a: subprocess.run(["git", *a], cwd=repo, capture_output=True, text=True).stdout  # noqa: E731
    for tag in out("tag", "--list").split():
        git(repo, "tag", "-d", tag)
    found = releases(repo)
    assert "0.1.0" in [r.version for r in found]
    last = found[-1]
    git(repo, "checkout", "--quiet", last.ref, "--", "datapackage.json", "schemas", "data")
    for rel in _CODE:
        (repo / rel).write_bytes((ROOT / rel).read_bytes())
    run = lambda: subprocess.run([sys.executable, "scripts/check_version.py"], cwd=repo, capture_output=True, text=True)  # noqa: E731
    passed = run()
    assert passed.returncode == 0, passed.stderr
    _add_event(repo)
    failed = run()
    assert failed.returncode == 1 and "MINOR" in failed.stderr and f"since {last.version}" in failed.stderr
