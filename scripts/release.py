"""Build a release into dist/: every artefact named with the version, and SHA256SUMS.

    python scripts/release.py [--out dist]

Writes, for version V of datapackage.json:

- ``iran_relations-V-py3-none-any.whl`` and ``iran_relations-V.tar.gz`` (the library, data bundled);
- ``iran-relations-data-V.zip``: the data package (descriptor, schemas, data, licences, README,
  CITATION.cff, CHANGELOG.md);
- ``iran-relations-V.db`` with ``iran-relations-V.metadata.json`` (datasette),
  ``iran-relations-V.xlsx``, ``iran-relations-V-parquet.zip`` and ``iran-relations-V-json.zip``;
- ``RELEASE-NOTES-V.md``: the changelog's section for V (or Unreleased), the counts of
  ``iran-relations stats``, and the data diff against the previous release (found from CHANGELOG's
  dated sections or a ``vX.Y.Z`` tag below V), or a note that there is none;
- ``SHA256SUMS`` over all of them (``sha256sum -c SHA256SUMS`` checks it).

It refuses to run when the versions of datapackage.json and CITATION.cff disagree. Nothing is
written outside ``--out`` (a scratch folder inside it is removed at the end).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import iran_relations
from iran_relations import load, versioning
from iran_relations.diff import diff
from iran_relations.export import FORMATS, export
from iran_relations.stats import Stats

ROOT = Path(__file__).resolve().parent.parent

PACKAGE_FILES = ("datapackage.json", "LICENSE", "LICENSE-DATA.md", "README.md", "CITATION.cff", "CHANGELOG.md")
PACKAGE_FOLDERS = ("schemas", "data")


def version() -> str:
    """datapackage.json's version, once CITATION.cff and .zenodo.json are seen to carry it too."""
    v = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    cff = re.search(r"^version:\s*(\S+)", (ROOT / "CITATION.cff").read_text(encoding="utf-8"), re.M)
    zenodo = json.loads((ROOT / ".zenodo.json").read_text(encoding="utf-8")).get("version")
    for name, found in (("CITATION.cff", cff.group(1).strip("'\"") if cff else None), (".zenodo.json", zenodo)):
        if found != v:
            raise SystemExit(
                f"{name}'s version ({found or 'missing'}) is not datapackage.json's ({v}): make them agree"
            )
    return v


def _zip(target: Path, files: list[tuple[Path, str]]) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for path, name in sorted(files, key=lambda f: f[1]):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, path.read_bytes())
    return target


def data_zip(out: Path, v: str) -> Path:
    prefix = f"iran-relations-data-{v}"
    files = [(ROOT / f, f"{prefix}/{f}") for f in PACKAGE_FILES]
    for folder in PACKAGE_FOLDERS:
        files += [
            (p, f"{prefix}/{p.relative_to(ROOT).as_posix()}") for p in sorted((ROOT / folder).rglob("*")) if p.is_file()
        ]
    return _zip(out / f"{prefix}.zip", files)


def exports(out: Path, scratch: Path, v: str) -> list[Path]:
    ds = iran_relations.load(ROOT)
    written = []
    for fmt in FORMATS:
        export(ds, fmt, scratch / fmt)
    stem = f"iran-relations-{v}"
    db = out / f"{stem}.db"
    shutil.copy(scratch / "sqlite" / "iran-relations.db", db)
    meta = json.loads((scratch / "sqlite" / "metadata.json").read_text(encoding="utf-8"))
    meta["databases"] = {stem: meta["databases"]["iran-relations"]}
    (out / f"{stem}.metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    xlsx = out / f"{stem}.xlsx"
    shutil.copy(scratch / "xlsx" / "iran-relations.xlsx", xlsx)
    written += [db, out / f"{stem}.metadata.json", xlsx]
    for fmt, sub in (
        ("parquet", "parquet"),
        ("json", "json"),
        ("analysis", "analysis"),
        ("stata", "stata"),
        ("r", "r"),
    ):
        folder = scratch / fmt / sub
        files = [(p, f"{stem}-{fmt}/{p.name}") for p in sorted(folder.iterdir())]
        written.append(_zip(out / f"{stem}-{fmt}.zip", files))
    return written


def release_notes(out: Path, scratch: Path, v: str) -> Path:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    section = re.search(rf"^## \[{re.escape(v)}\].*?(?=^## \[|\Z)", changelog, re.M | re.S) or re.search(
        r"^## \[Unreleased\].*?(?=^## \[|\Z)", changelog, re.M | re.S
    )
    lines = [f"# iran-relations {v}", "", (section.group(0).strip() if section else "No changelog entry."), ""]
    # What the release holds, as `iran-relations stats` prints it, so the notes carry the counts.
    lines += ["## Counts", "", "```text", Stats.of(load(ROOT)).to_text(), "```", ""]
    previous = versioning.last_release(ROOT, before=v)
    if previous is None:
        lines += ["## Data changes", "", "This is the first release: there is no earlier one to compare with."]
    else:
        old = versioning.package_at(ROOT, previous.ref, scratch / "previous")
        lines += [f"Compared with {previous.version}.", "", diff(old, ROOT).to_markdown()]
    path = out / f"RELEASE-NOTES-{v}.md"
    path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    return path


def build_python(out: Path, v: str) -> list[Path]:
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel, sdist = out / f"iran_relations-{v}-py3-none-any.whl", out / f"iran_relations-{v}.tar.gz"
    for p in (wheel, sdist):
        if not p.is_file():
            raise SystemExit(f"the build did not write {p.name}: is the version {v} everywhere?")
    return [wheel, sdist]


def sha256sums(out: Path, artefacts: list[Path]) -> Path:
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in sorted(artefacts, key=lambda p: p.name)]
    path = out / "SHA256SUMS"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    v = version()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    scratch = out / ".release-scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir()
    try:
        artefacts = build_python(out, v)
        artefacts.append(data_zip(out, v))
        artefacts += exports(out, scratch, v)
        artefacts.append(release_notes(out, scratch, v))
        artefacts.append(sha256sums(out, artefacts))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for p in artefacts:
        print(p.relative_to(out.parent) if out.parent in p.parents else p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
