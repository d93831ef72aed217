"""make release: versioned artefacts whose versions agree, checksums that verify, and release notes
that name every data change since the previous release tag."""

from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, git

VERSION = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A clone of the repository with a release tag on its last commit, then one title changed
    and committed, released into its own dist/."""
    pytest.importorskip("build")
    repo = tmp_path_factory.mktemp("clone") / "repo"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(repo)], check=True, capture_output=True)
    for path in ROOT.glob("**/*"):  # the working tree, uncommitted changes included
        rel = path.relative_to(ROOT)
        skipped = rel.parts[0] in {
            ".git",
            ".venv",
            ".pytest_cache",
            ".ruff_cache",
            ".hypothesis",
            "dist",
            "site",
            "build",
        }
        if path.is_file() and not skipped and "__pycache__" not in rel.parts:
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            (repo / rel).write_bytes(path.read_bytes())
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", "working tree")
    git(repo, "tag", "v0.0.1")
    events = repo / "data" / "events.csv"
    rows = list(csv.reader(events.open(encoding="utf-8", newline="")))
    key, old_title = rows[1][0], rows[1][4]
    rows[1][4] = old_title + " (retitled)"
    with events.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    git(repo, "commit", "--quiet", "-am", "retitle")
    out = repo / "dist"
    done = subprocess.run(
        [sys.executable, str(repo / "scripts" / "release.py"), "--out", str(out)],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return repo, out, key


def test_every_artefact_carries_the_version_and_the_checksums_verify(released) -> None:
    repo, out, _ = released
    sums = (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    names = [line.split("  ", 1)[1] for line in sums]
    assert all(VERSION in n for n in names), names
    assert {
        f"iran_relations-{VERSION}-py3-none-any.whl",
        f"iran_relations-{VERSION}.tar.gz",
        f"iran-relations-data-{VERSION}.zip",
    } <= set(names)
    for line in sums:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "SHA256SUMS"])  # nothing else, no scratch left
    assert not any(p.name.startswith(".release") for p in repo.rglob("*") if p.parent == repo)


def test_the_data_zip_is_a_whole_data_package(released) -> None:
    _, out, _ = released
    with zipfile.ZipFile(out / f"iran-relations-data-{VERSION}.zip") as z:
        names = set(z.namelist())
        prefix = f"iran-relations-data-{VERSION}/"
        for f in ("datapackage.json", "LICENSE", "LICENSE-DATA.md", "README.md", "CITATION.cff", "CHANGELOG.md"):
            assert prefix + f in names
        for folder in ("data", "schemas"):
            assert {prefix + p.relative_to(ROOT).as_posix() for p in (ROOT / folder).iterdir()} <= names
        descriptor = json.loads(z.read(prefix + "datapackage.json"))
    assert descriptor["version"] == VERSION


def test_the_release_notes_name_the_data_change_since_the_last_tag(released) -> None:
    _, out, key = released
    notes = (out / f"RELEASE-NOTES-{VERSION}.md").read_text(encoding="utf-8")
    assert "Compared with 0.0.1." in notes
    assert f"changed `{key}`: title:" in notes and "(retitled)" in notes
    assert "| `events` | 0 | 0 | 1 |" in notes


def test_the_release_notes_carry_the_counts(released) -> None:
    """The notes hold `iran-relations stats`: rows per table, as many as the released CSVs have."""
    repo, out, _ = released
    notes = (out / f"RELEASE-NOTES-{VERSION}.md").read_text(encoding="utf-8")
    assert "## Counts" in notes
    for table in ("actors", "events", "relations", "citations"):
        with (repo / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            n = sum(1 for _ in csv.DictReader(f))
        assert f"{table} {n}" in notes
