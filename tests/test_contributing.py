"""CONTRIBUTING.md's worked example: its rows are the data's, and following it gives a valid package."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from iran_relations import validate
from iran_relations.cli import main

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"In `(data/\w+\.csv)`(?:(?!```).)*?```csv\n(.*?)```", GUIDE, re.S)


def _copy(dest: Path) -> Path:
    import shutil

    for name in ("datapackage.json",):
        shutil.copy(ROOT / name, dest / name)
    for folder in ("data", "schemas"):
        shutil.copytree(ROOT / folder, dest / folder)
    return dest


def _without(pkg: Path) -> None:
    for path, block in BLOCKS:
        text = (pkg / path).read_text(encoding="utf-8")
        for line in block.splitlines():
            assert line + "\n" in text, (path, line[:60])
            text = text.replace(line + "\n", "", 1)
        (pkg / path).write_text(text, encoding="utf-8")


def _append(pkg: Path, only: str | None = None) -> None:
    for path, block in BLOCKS:
        if only is None or path == only:
            with (pkg / path).open("a", encoding="utf-8") as f:
                f.write(block)


def test_the_guide_shows_an_event_its_participants_and_its_evidence() -> None:
    assert [p for p, _ in BLOCKS] == ["data/events.csv", "data/participants.csv", "data/evidence.csv"]


def test_the_example_rows_are_the_datas_own(tmp_path: Path) -> None:
    _without(_copy(tmp_path))  # asserts each line stands verbatim in its file


@pytest.mark.parametrize("step", ["before", "event-alone", "done"])
def test_following_the_example_leads_to_a_valid_package(tmp_path: Path, step: str, capsys) -> None:
    pkg = _copy(tmp_path)
    _without(pkg)
    if step == "before":
        assert validate(pkg).valid
        return
    if step == "event-alone":
        _append(pkg, "data/events.csv")
        codes = {i.code for i in validate(pkg).issues}
        assert codes == {"missing-evidence"}
        return
    _append(pkg)
    assert main(["fmt", str(pkg)]) == 0
    capsys.readouterr()
    assert validate(pkg).valid
    assert main(["fmt", "--check", str(pkg)]) == 0
    for path, _ in BLOCKS:
        assert (pkg / path).read_bytes() == (ROOT / path).read_bytes(), path
