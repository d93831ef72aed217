"""Releases and version steps, in one place: what the last release was, the package as it stood
then, and how big a version step a change needs.

A release is found without git tags, from what the repository itself records: CHANGELOG.md's
dated sections (``## [0.1.0] - 2026-12-06``) and, for each, the commit that first dated it (a
clone made by CI may carry no tags). A tag ``v0.1.0``, where there is one, is used first.

The steps follow the Frictionless data-package rules: MAJOR when a table or field is removed, or a
row of a keyed table is removed without a redirect; MINOR when a table, field or row is added;
PATCH when a row is corrected or a link-table row removed. ``diff``, the version check
(:func:`check`, run by ``scripts/check_version.py``) and ``scripts/release.py`` all use this module.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import IranRelationsError

if TYPE_CHECKING:
    from .diff import PackageDiff

__all__ = [
    "Release",
    "LEVELS",
    "parse",
    "step",
    "needed",
    "releases",
    "last_release",
    "package_at",
    "redirected",
    "check",
    "VersionCheck",
    "VersionError",
]

LEVELS = ("none", "patch", "minor", "major")
DATED = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})\s*$", re.M)


class VersionError(IranRelationsError):
    """A version or a release cannot be read."""


@dataclass(frozen=True)
class Release:
    version: str
    date: str | None  # the CHANGELOG's date; None for a tag with no dated section
    ref: str  # a git ref the package can be read at: the tag, or the commit that dated it


def parse(version: str) -> tuple[int, int, int]:
    """``"0.1.0"`` or ``"v0.1.0"`` → ``(0, 1, 0)``."""
    m = re.fullmatch(r"v?(\d+)\.(\d+)\.(\d+)", version.strip())
    if m is None:
        raise VersionError(f"{version!r} is not a version of the form X.Y.Z")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def step(old: str, new: str) -> str:
    """The step from version ``old`` to ``new``: major, minor, patch or none."""
    a, b = parse(old), parse(new)
    if b[0] > a[0]:
        return "major"
    if b[0] == a[0] and b[1] > a[1]:
        return "minor"
    if b[:2] == a[:2] and b[2] > a[2]:
        return "patch"
    return "none"


def needed(d: PackageDiff, keyed: set[str], redirected: frozenset[tuple[str, str]] = frozenset()) -> str:
    """The smallest step the changes in ``d`` call for. A removed row of a keyed table whose ID the
    new package redirects (``redirected``: (table, old_id) pairs) keeps its meaning: not breaking."""
    broken = any((t.name, k[0]) not in redirected for t in d.tables if t.name in keyed for k in t.removed)
    if d.tables_removed or any(t.fields_removed for t in d.tables) or broken:
        return "major"
    if d.tables_added or any(t.fields_added or t.added for t in d.tables):
        return "minor"
    if any(t.changed or t.removed for t in d.tables):
        return "patch"
    return "none"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    except OSError as e:  # no git on this machine
        return subprocess.CompletedProcess(["git", *args], 127, "", str(e))


def releases(root: Path) -> list[Release]:
    """Every release the repository records, oldest first: CHANGELOG's dated sections (each at the
    commit that first dated it, or its tag) and any tag ``vX.Y.Z`` without a section."""
    found: dict[str, Release] = {}
    tags = set(_git(root, "tag", "--list", "v*.*.*").stdout.split())
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    for version, date in DATED.findall(text):
        tag = f"v{version}"
        if tag in tags:
            ref = tag
        else:
            log = _git(root, "log", "--format=%H", "--reverse", "-S", f"## [{version}] - {date}", "--", "CHANGELOG.md")
            commits = log.stdout.split()
            if not commits:
                continue  # dated in the working tree only: not released yet
            ref = commits[0]
        found[version] = Release(version, date, ref)
    for tag in tags:
        if re.fullmatch(r"v\d+\.\d+\.\d+", tag) and tag[1:] not in found:
            found[tag[1:]] = Release(tag[1:], None, tag)
    return sorted(found.values(), key=lambda r: parse(r.version))


def last_release(root: Path, before: str | None = None) -> Release | None:
    """The newest release (older than version ``before``, if given), or None."""
    older = [r for r in releases(root) if before is None or parse(r.version) < parse(before)]
    return older[-1] if older else None


def package_at(root: Path, ref: str, dest: Path) -> Path:
    """The data package (descriptor, schemas, data) as it stood at git ``ref``, unpacked in ``dest``."""
    try:
        done = subprocess.run(
            ["git", "archive", ref, "datapackage.json", "schemas", "data"], cwd=root, capture_output=True
        )
    except OSError as e:
        raise VersionError(f"cannot run git to read {ref}: {e}") from None
    if done.returncode != 0:
        raise VersionError(f"cannot read the package at {ref}: {done.stderr.decode().strip()}")
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "package.tar").write_bytes(done.stdout)
    shutil.unpack_archive(dest / "package.tar", dest, "tar")
    (dest / "package.tar").unlink()
    return dest


def redirected(root: Path) -> frozenset[tuple[str, str]]:
    """(table, old_id) for each row of the package's ``data/redirects.csv``."""
    path = root / "data" / "redirects.csv"
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as f:
        return frozenset((r.get("record_table", ""), r.get("old_id", "")) for r in csv.DictReader(f))


@dataclass(frozen=True)
class VersionCheck:
    """The outcome of :func:`check`: ``status`` 0 (the version is enough), 1 (it is not) or 2
    (nothing could be compared), and what to tell the contributor."""

    status: int
    message: str


def check(root: Path) -> VersionCheck:
    """Whether the version in ``root``'s datapackage.json is a big enough step for what changed
    since the last release (nothing to check before the first)."""
    from .diff import diff
    from .schema.table_schema import read_package

    try:
        release = last_release(root)
    except VersionError as e:
        return VersionCheck(2, str(e))
    if release is None:
        return VersionCheck(
            0, "no release recorded yet (no dated CHANGELOG section, no vX.Y.Z tag): nothing to compare with"
        )
    with tempfile.TemporaryDirectory() as tmp:
        try:
            d = diff(package_at(root, release.ref, Path(tmp) / "old"), root)
        except IranRelationsError as e:
            return VersionCheck(2, f"cannot compare with {release.version}: {e}")
    spec = read_package(root)
    need = needed(d, set(spec.keyed_tables), redirected(root))
    taken = step(release.version, spec.version)
    if LEVELS.index(taken) >= LEVELS.index(need) and (need != "none" or parse(spec.version) >= parse(release.version)):
        return VersionCheck(0, f"{release.version} -> {spec.version}: a {taken} step; the changes need at least {need}")
    return VersionCheck(
        1,
        f"the data changed since {release.version} in a way that needs a {need.upper()} version step, but "
        f"datapackage.json says {spec.version} ({taken} step). Bump the version in datapackage.json and "
        "CITATION.cff and .zenodo.json, and add a CHANGELOG.md entry. What changed:\n" + d.to_text(),
    )
