"""DataFrames: the CSVs' rows with real dtypes, and the tidy roster."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest
from conftest import ROOT, data_rows

import iran_relations
from iran_relations.frames import ROSTER_COLUMNS
from iran_relations.schema.partial_date import PartialDate
from iran_relations.schema.patterns import DAY_PATTERN, PARTIAL_DATE_PATTERN
from iran_relations.schema.table_schema import read_package

SPEC = read_package(ROOT)


@pytest.fixture(scope="module")
def ds():
    return iran_relations.load(ROOT)


@pytest.fixture(scope="module")
def frames(ds):
    return ds.to_pandas()


_csv = data_rows


def _text(value) -> str:
    """A frame cell as the CSV writes it."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.mark.parametrize("table", [t for t in SPEC.tables], ids=lambda t: t.name)
def test_each_frame_holds_exactly_the_rows_of_its_csv(frames, table) -> None:
    rows = _csv(table.name)
    frame = frames[table.name]
    assert len(frame) == len(rows)
    for f in table.fields:
        assert [_text(v) for v in frame[f.name].tolist()] == [r[f.name] for r in rows], f.name


@pytest.mark.parametrize("table", [t for t in SPEC.tables], ids=lambda t: t.name)
def test_dtypes_follow_the_schema(frames, table) -> None:
    frame = frames[table.name]
    for f in table.fields:
        col = frame[f.name]
        if f.enum is not None:
            assert isinstance(col.dtype, pd.CategoricalDtype) and list(col.cat.categories) == list(f.enum)
        elif f.type == "boolean":
            assert col.dtype == "boolean"
        elif f.pattern == DAY_PATTERN:
            assert str(col.dtype).startswith("date32")
        else:
            assert col.dtype == "string"
        if f.pattern == PARTIAL_DATE_PATTERN:
            parts = ("start", "end", "precision", "qualifier", "bound")
            for text, *values in zip(col, *(frame[f"{f.name}_{s}"] for s in parts), strict=True):
                if text is pd.NA:
                    assert all(pd.isna(v) for v in values)
                    continue
                d = PartialDate.parse(text)
                expected = (d.earliest, d.latest, d.precision, d.qualifier, d.bound)
                assert [None if pd.isna(v) else v for v in values] == list(expected), text


def test_edtf_parts_reach_the_frames(tmp_path) -> None:
    """An approximate start and an open end come out as their days, qualifier and bound."""
    from conftest import build_package

    frame = iran_relations.load(build_package(tmp_path)).to_pandas()["relations"]
    row = frame.iloc[0]
    assert (row["start_date"], row["start_date_qualifier"], row["start_date_precision"]) == (
        "1996~",
        "approximate",
        "year",
    )
    assert pd.isna(row["end_date_start"]) and str(row["end_date_end"]) == "2001-12-31"
    assert row["end_date_bound"] == "on_or_before" and pd.isna(row["end_date_qualifier"])


def test_load_does_not_import_pandas() -> None:
    code = "import sys, iran_relations; iran_relations.load(); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("body_id", ["afghan-interim-administration", "iraqi-governing-council"])
def test_a_roster_lists_each_appointment_of_its_body(ds, body_id) -> None:
    rows = [r for r in _csv("appointments") if r["organization_id"] == body_id]
    actors = {r["actor_id"]: r["name"] for r in _csv("actors")}
    table = ds.roster(body_id)
    assert list(table.columns) == list(ROSTER_COLUMNS)
    assert table["appointment_id"].tolist() == [r["appointment_id"] for r in rows]
    assert table["person"].tolist() == [actors[r["person_id"]] for r in rows]
    assert [_text(v) for v in table["start_date"]] == [r["start_date"] for r in rows]
    assert [_text(v) for v in table["faction"]] == [actors.get(r["on_behalf_of_id"], "") for r in rows]


def test_the_full_roster_has_every_appointment_and_an_unknown_body_is_refused(ds) -> None:
    assert len(ds.roster()) == len(_csv("appointments"))
    with pytest.raises(KeyError):
        ds.roster("no-such-body")


def test_the_roster_and_the_appointments_frame_agree_on_dtypes() -> None:
    """A column the roster shares with the appointments table has the same dtype in both."""
    ds = iran_relations.load(ROOT)
    roster, frame = ds.roster(), ds.to_pandas()["appointments"]
    shared = [c for c in ROSTER_COLUMNS if c in frame.columns]
    assert {"certainty", "community", "end_reason", "start_date", "post"} <= set(shared)
    for c in shared:
        assert roster[c].dtype == frame[c].dtype, c
