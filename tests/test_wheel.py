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
