"""The Python snippets in README.md and docs/ run as written against the published data."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
SNIPPETS = [
    (page, n, code)
    for page in PAGES
    for n, code in enumerate(re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S))
]


@pytest.mark.parametrize(("page", "n", "code"), SNIPPETS, ids=[f"{p.name}#{n}" for p, n, _ in SNIPPETS])
def test_snippet_runs(page: Path, n: int, code: str, tmp_path: Path) -> None:
    """A snippet exits 0 and, where it says '# <expected output>' after print(...), prints that. It
    runs in a folder laid out as the CSV download is (datapackage.json, data/, schemas/), so the
    quick starts that read the files need nothing else."""
    shutil.copy(ROOT / "datapackage.json", tmp_path / "datapackage.json")
    for folder in ("data", "schemas"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    expected = [m.group(1).strip() for m in re.finditer(r"print\(.*\)\s*#\s*(.+)", code)]
    for line in expected:
        assert line in r.stdout, f"{page.name} snippet {n}: expected {line!r} in output {r.stdout!r}"


def test_there_are_snippets() -> None:
    """The README shows the library in use (so this module tests something)."""
    assert any(p.name == "README.md" for p, _, _ in SNIPPETS)


def test_package_docstring_examples() -> None:
    """The examples in iran_relations' own docstrings pass as doctests."""
    import doctest

    import iran_relations

    result = doctest.testmod(iran_relations)
    assert result.attempted > 0 and result.failed == 0


def test_the_csv_quick_starts_need_no_package() -> None:
    """The getting-started snippets before 'The Python package' read the files alone."""
    text = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    csv_only = text[: text.index("## The Python package")]
    blocks = re.findall(r"```(?:python|r|sql|stata)\n(.*?)```", csv_only, re.S)
    assert len(blocks) >= 4
    assert all("iran_relations" not in b and "iran-relations" not in b for b in blocks)
