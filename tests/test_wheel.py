"""The wheel bundles datapackage.json, data/ and schemas/, and loads them with no checkout around."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (whl,) = out.glob("*.whl")
    return whl


def test_wheel_bundles_the_data_package(wheel: Path) -> None:
    """Every file of data/ and schemas/, the descriptor and the data licence are inside the wheel."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"iran_relations/_package/datapackage.json", "iran_relations/_package/LICENSE-DATA.md"}
    expected |= {
        f"iran_relations/_package/{p.relative_to(ROOT).as_posix()}"
        for d in ("data", "schemas")
        for p in (ROOT / d).iterdir()
    }
    assert expected <= names


def test_unpacked_wheel_loads_its_own_data(wheel: Path, tmp_path: Path) -> None:
    """Imported from the unpacked wheel, far from the checkout, load() and validate() use the bundled copy."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = (
        "import iran_relations as ir, json, pathlib;"
        "ds = ir.load(); r = ir.validate();"
        "print(json.dumps([str(ds.root), len(ds.appointments), r.valid, ir.__version__]))"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, check=True
    ).stdout
    root, n_appointments, valid, version = __import__("json").loads(out)
    assert root.startswith(str(site))
    assert n_appointments == len((ROOT / "data" / "appointments.csv").read_text(encoding="utf-8").splitlines()) - 1
    assert valid is True
    assert version == __import__("iran_relations").__version__


USER_SCRIPT = """
import json, pathlib, sys
import iran_relations as ir
assert "pandas" not in sys.modules
ds = ir.load()
qanuni = ds.find("Younus Qanooni")
roster = ds.roster("afghan-interim-administration")
frames = ds.to_pandas()
panel = ds.relation_years()
from iran_relations.export import FORMATS, export
written = {fmt: [str(p) for p in export(ds, fmt, pathlib.Path("exports"))] for fmt in FORMATS}
import sqlite3
con = sqlite3.connect("exports/iran-relations.db")
print(json.dumps({
    "root": str(ds.root),
    "found": [a.actor_id for a in qanuni],
    "roster": len(roster),
    "frames": {name: len(frame) for name, frame in frames.items()},
    "sqlite": {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in frames},
    "written": written,
    "panel_relations": int(panel["relation_id"].nunique()),
    "panel_rows": len(panel),
}))
"""


def _records(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean virtual environment outside the repository with only the wheel (and its
    dependencies, from the package index) installed."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, capture_output=True)
    subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    return env_dir


def test_a_user_installs_the_wheel_and_uses_it(venv: Path, tmp_path: Path) -> None:
    """From a clean venv, in an empty folder: load, find, roster, frames and every export."""
    import json

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", USER_SCRIPT], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert str(ROOT) not in out["root"] and "site-packages" in out["root"]
    assert out["found"] == ["yunus-qanuni"]
    counts = {p.stem: len(_records(p)) for p in (ROOT / "data").glob("*.csv")}
    assert out["frames"] == out["sqlite"] == {name: counts[name] for name in out["frames"]}
    appointments = _records(ROOT / "data" / "appointments.csv")
    assert out["roster"] == sum(1 for r in appointments if r["organization_id"] == "afghan-interim-administration")
    assert all(out["written"].values())
    relations = _records(ROOT / "data" / "relations.csv")
    assert out["panel_relations"] == sum(1 for r in relations if r["start_date"])
    assert out["panel_rows"] == len(_records(tmp_path / "exports" / "analysis" / "relation_years.csv"))
    native = next(r for r in _records(ROOT / "data" / "actor_names.csv") if r["kind"] == "native" and r["lang"] == "fa")
    surname = next(
        r["name"].split()[-1] for r in _records(ROOT / "data" / "actors.csv") if r["actor_id"] == native["actor_id"]
    )
    for argv, needle in (
        (["show", "yunus-qanuni"], "[yunus-qanuni]"),
        (["stats"], "Rows: actors"),
        (["search", surname], native["actor_id"]),  # a surname
        (["search", native["name"]], native["actor_id"]),  # a name in Persian script
    ):
        shown = subprocess.run(
            [str(venv / "bin" / "iran-relations"), *argv], capture_output=True, text=True, cwd=tmp_path, env=env
        )
        assert shown.returncode == 0 and needle in shown.stdout, shown.stderr
