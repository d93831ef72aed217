"""The documentation site builds strictly, with the rosters and a page for every actor."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    return out


def test_the_site_has_both_rosters_and_every_actor(site: Path) -> None:
    for body in ("afghan-interim-administration", "iraqi-governing-council"):
        assert (site / "rosters" / body / "index.html").is_file()
    with (ROOT / "data" / "actors.csv").open(encoding="utf-8", newline="") as f:
        for a in csv.DictReader(f):
            assert (site / "actors" / a["actor_id"] / "index.html").is_file(), a["actor_id"]


def test_the_search_index_holds_every_other_spelling(site: Path) -> None:
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    with (ROOT / "data" / "actor_names.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    import json

    text = json.dumps(json.loads(index), ensure_ascii=False)
    missing = [r["name"] for r in rows if r["name"] not in text]
    assert not missing, missing[:5]


def test_the_figures_are_drawn_and_each_page_describes_its_figure(site: Path) -> None:
    import re

    names = {p.name for p in (site / "figures").iterdir()}
    assert {"timeline.svg", "tables.svg", "ties-by-year-afghanistan.svg", "ties-by-year-iraq.svg"} <= names
    for svg in (site / "figures").iterdir():
        assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    for page in ("timeline", "relations", "reference/tables/index"):
        html = (
            (site / page / "index.html").read_text(encoding="utf-8")
            if page != "reference/tables/index"
            else (site / "reference" / "tables" / "index.html").read_text(encoding="utf-8")
        )
        images = re.findall(r'<img alt="([^"]*)" src="([^"]*figures/[^"]+)"', html)
        assert images, page
        assert all(len(alt) > 40 for alt, _ in images), page


def test_no_page_made_from_the_data_is_committed() -> None:
    """A data-only pull request touches only data/: the pages made from the data are built with the
    site (docs_hooks/site_pages.py) and none of them is in the repository."""
    from iran_relations.site import data_pages

    made = {f"docs/{uri}" for uri in data_pages(ROOT)}
    assert len(made) > 200  # an actor page each, rosters, sources, timeline, dictionary
    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    assert made.isdisjoint(tracked.stdout.split())
