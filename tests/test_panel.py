"""The relation–year panel and the reporting span: derived from the dates and the evidence."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, build_package

import iran_relations
from iran_relations.cli import main
from iran_relations.panel import PANEL_COLUMNS, RELATION_COLUMNS, active_years
from iran_relations.schema.partial_date import PartialDate


@pytest.fixture(scope="module")
def ds():
    return iran_relations.load(ROOT)


@pytest.fixture(scope="module")
def panel(ds):
    return ds.relation_years()


def _years(start: str, end: str | None, last: int | None = None) -> dict[int, bool]:
    return active_years(PartialDate.parse(start), PartialDate.parse(end) if end else None, last)


@pytest.mark.parametrize(
    ("start", "end", "last", "stated", "possible"),
    [
        ("2001", "2004", 2010, range(2001, 2005), []),
        ("2014-06", "2017-12", None, range(2014, 2018), []),
        ("199X", "2001", None, range(1999, 2002), range(1990, 1999)),
        ("1993~", None, None, [1993], [1992, 1994]),
        ("2001", None, 2021, [2001], []),
        ("2001", "..", 2021, range(2001, 2022), []),
        ("2001", "..", None, [2001], []),
        ("[..1995]", "2001", None, range(1995, 2002), []),
        ("2001", "[..2005]", None, [2001], range(2002, 2006)),
        ("[2015..]", "..", 2021, [], range(2015, 2022)),
    ],
)
def test_active_years_follow_the_documented_rules(start, end, last, stated, possible) -> None:
    """Stated years hold on every reading of the dates; possible ones on some; '..' runs to the last report."""
    years = _years(start, end, last)
    assert sorted(y for y, p in years.items() if not p) == list(stated)
    assert sorted(y for y, p in years.items() if p) == list(possible)


def test_the_panel_has_every_dated_relation_and_no_undated_one(ds, panel) -> None:
    dated = {r.relation_id for r in ds.relations.values() if r.start_date is not None}
    assert set(panel["relation_id"]) == dated
    assert list(panel.columns) == list(PANEL_COLUMNS)
    assert not panel.duplicated(["relation_id", "year"]).any()


def test_plain_year_spans_are_stated_year_by_year(ds, panel) -> None:
    """A tie dated by plain Level 0 dates at both ends is stated in every year between them, no more."""
    checked = 0
    for r in ds.relations.values():
        s, e = r.start_date, r.end_date
        if (
            s is None
            or e is None
            or s.bound
            or e.bound
            or s.qualifier
            or e.qualifier
            or s.year is None
            or e.year is None
        ):
            continue
        rows = panel[panel["relation_id"] == r.relation_id]
        assert sorted(rows["year"]) == list(range(s.year, e.year + 1)), r.relation_id
        assert not rows["possible_only"].any()
        checked += 1
    assert checked > 0


def test_each_panel_row_carries_its_relation(ds, panel) -> None:
    for row in panel.drop_duplicates("relation_id").itertuples():
        r = ds.relations[row.relation_id]
        assert (row.source_id, row.target_id, row.relation_type, row.certainty) == (
            r.source_id,
            r.target_id,
            r.relation_type,
            r.certainty,
        )
        supporting = {e.citation_id for e in ds.evidence_for(r) if e.stance == "supports"}
        assert 1 <= row.n_sources <= len(supporting)


def test_reporting_span_comes_from_the_evidence_publication_dates(ds) -> None:
    frame = ds.to_pandas()["relations"]
    table = ds.relation_table()
    assert list(table.columns) == list(RELATION_COLUMNS)
    for row in frame.itertuples():
        dates = [
            ds.citations[e.citation_id].published
            for e in ds.evidence_for(ds.relations[row.relation_id])
            if ds.citations[e.citation_id].published is not None
        ]
        if not dates:
            assert pd.isna(row.first_reported) and pd.isna(row.last_reported)
            continue
        # A one-sided date ([..2018-10], a copy's dump) bounds only one side.
        firsts, lasts = [d.earliest for d in dates if d.earliest], [d.latest for d in dates if d.latest]
        assert row.first_reported == min(firsts) if firsts else pd.isna(row.first_reported)
        assert row.last_reported == max(lasts) if lasts else pd.isna(row.last_reported)
    assert table["first_reported"].tolist() == frame["first_reported"].tolist()


def test_a_source_and_the_copy_it_was_read_through_count_once(tmp_path: Path) -> None:
    """n_sources counts independent sources: a source known through another (via_id) is not a second one."""
    pkg = build_package(tmp_path)
    with (pkg / "data" / "evidence.csv").open("a", encoding="utf-8") as f:
        f.write("relations,rel-one,cite-quoted,para. 9,we backed Faction F,supports,,\n")
    ds = iran_relations.load(pkg)
    rel = ds.relations["rel-one"]
    assert {e.citation_id for e in ds.evidence_for(rel)} == {"cite-opinion", "cite-quoted"}
    assert ds.citations["cite-quoted"].via_id == "cite-opinion"
    panel = ds.relation_years()
    assert set(panel["n_sources"]) == {1}
    assert panel.set_index("year")["possible_only"].to_dict() == active_years(rel.start_date, rel.end_date, 2021)
    table = ds.relation_table().set_index("relation_id")
    assert (str(table.at["rel-one", "first_reported"]), str(table.at["rel-one", "last_reported"])) == (
        "2009-01-01",
        "2021-12-31",
    )


def test_the_analysis_export_writes_the_panel_as_csv_and_parquet(tmp_path: Path, panel) -> None:
    assert main(["export", "--format", "analysis", "--out", str(tmp_path), "--package", str(ROOT)]) == 0
    folder = tmp_path / "analysis"
    with (folder / "relation_years.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(panel)
    assert [r["relation_id"] for r in rows] == panel["relation_id"].tolist()
    assert {r["possible_only"] for r in rows} <= {"true", "false"}
    table = pq.read_table(folder / "relation_years.parquet")
    assert table.num_rows == len(panel) and table.column_names == list(PANEL_COLUMNS)
    relations = pq.read_table(folder / "relations.parquet")
    assert relations.num_rows == len(iran_relations.load(ROOT).relations)


def test_the_ties_page_lists_every_tie_around_iran_once_and_only_the_undated_under_undated(ds) -> None:
    """The 'Ties around Iran' page gives each tie with Iran's state once: dated ones by date, the rest as undated."""
    from iran_relations.site import figures

    page = figures.relations_page(ds)
    ties = figures.iran_ties(ds)
    undated_part = page.split("## Undated", 1)[1]
    undated = [r for r in ties if r.start_date is None]
    assert f"## Undated ({len(undated)} ties)" in page
    assert f"## Every dated tie ({len(ties) - len(undated)})" in page
    assert undated_part.count("\n- ") == len(undated)
