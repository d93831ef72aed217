"""Every export holds exactly the rows of the CSVs, table by table, and each is built as described."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from pathlib import Path

import jsonschema
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, build_package

import iran_relations
from iran_relations.cli import main
from iran_relations.export import FORMATS, export
from iran_relations.export.sqlite import DATABASE, METADATA, SEARCHED
from iran_relations.export.xlsx import ABOUT, WORKBOOK
from iran_relations.schema.table_schema import read_package

SPEC = read_package(ROOT)
TABLES = [t.name for t in SPEC.tables]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    assert main(["export", "--format", "all", "--out", str(folder), "--package", str(ROOT)]) == 0
    return folder


def _csv(table: str) -> list[list[str]]:
    with (ROOT / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))[1:]


def _text(value) -> str:
    """An exported value as the CSV writes it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@pytest.mark.parametrize("table", TABLES)
def test_sqlite_holds_the_rows_of_each_csv(out: Path, table: str) -> None:
    t = next(t for t in SPEC.tables if t.name == table)
    con = sqlite3.connect(out / DATABASE)
    rows = con.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
    flags = [f.type == "boolean" for f in t.fields]
    as_text = [
        [_text(bool(v) if flag and v is not None else v) for v, flag in zip(r, flags, strict=True)] for r in rows
    ]
    assert as_text == _csv(table)


@pytest.mark.parametrize("table", TABLES)
def test_parquet_holds_the_rows_of_each_csv_with_descriptions(out: Path, table: str) -> None:
    t = next(t for t in SPEC.tables if t.name == table)
    pt = pq.read_table(out / "parquet" / f"{table}.parquet")
    n = len(t.field_names)
    assert pt.column_names[:n] == list(t.field_names)  # the table's fields first, derived columns after
    frame = iran_relations.load(ROOT).to_pandas()[table]
    assert sorted(pt.column_names) == sorted(frame.columns)
    assert [[_text(v) for v in list(r.values())[:n]] for r in pt.to_pylist()] == _csv(table)
    for f in t.fields:
        if f.enum is not None:
            assert pt.schema.field(f.name).type.value_type == pa.string()
    for f in t.fields:
        assert pt.schema.field(f.name).metadata[b"description"].decode() == f.description
    assert pt.schema.metadata[b"description"].decode() == t.description


@pytest.mark.parametrize("table", TABLES)
def test_json_holds_the_rows_of_each_csv_and_fits_its_schema(out: Path, table: str) -> None:
    t = next(t for t in SPEC.tables if t.name == table)
    rows = json.loads((out / "json" / f"{table}.json").read_text(encoding="utf-8"))
    assert [[_text(r[n]) for n in t.field_names] for r in rows] == _csv(table)
    schema = json.loads((out / "json" / f"{table}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(rows, schema)
    broken = [dict(rows[0], **{t.field_names[0]: None})] if rows and t.fields[0].required else []
    if broken:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


@pytest.mark.parametrize("table", TABLES)
def test_xlsx_holds_the_rows_of_each_csv(out: Path, table: str) -> None:
    t = next(t for t in SPEC.tables if t.name == table)
    book = openpyxl.load_workbook(out / WORKBOOK)
    sheet = book[table]
    header, *rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert header == list(t.field_names)
    assert [[_text(v) for v in r] for r in rows] == _csv(table)
    for col, f in enumerate(t.fields, start=1):
        assert sheet.cell(1, col).comment.text.startswith(f.description[:50])


def test_the_xlsx_opens_with_a_sheet_describing_every_field(out: Path) -> None:
    book = openpyxl.load_workbook(out / WORKBOOK, read_only=True)
    assert book.sheetnames == [ABOUT, *TABLES]
    described = {(r[0], r[1]) for r in book[ABOUT].iter_rows(min_row=2, values_only=True) if r[1]}
    assert described == {(t.name, f.name) for t in SPEC.tables for f in t.fields}


def test_no_xlsx_cell_is_a_formula_even_when_the_text_looks_like_one(tmp_path: Path) -> None:
    """A description that begins with '=' (the validator rejects it, but load() reads it) is text."""
    (tmp_path / "pkg").mkdir()
    pkg = build_package(tmp_path / "pkg")
    path = pkg / "data" / "events.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    at = rows[0].index("description")
    rows[1][at] = '=HYPERLINK("http://example.invalid","click")'
    rows[2][at] = "@SUM(1+1)"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    (written,) = export(iran_relations.load(pkg), "xlsx", tmp_path / "out")
    sheet = openpyxl.load_workbook(written)["events"]
    cells = [sheet.cell(r, at + 1) for r in (2, 3)]
    assert [c.value for c in cells] == [rows[1][at], rows[2][at]]
    assert all(c.data_type == "s" for c in cells)


def test_sqlite_declares_keys_indexes_and_references(out: Path) -> None:
    con = sqlite3.connect(out / DATABASE)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    for t in SPEC.tables:
        info = con.execute(f'PRAGMA table_info("{t.name}")').fetchall()
        pk = [row[1] for row in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        assert tuple(pk) == t.primary_key
        fks = {(r[2], r[3], r[4]) for r in con.execute(f'PRAGMA foreign_key_list("{t.name}")')}
        assert fks == {(fk.resource, fk.fields[0], fk.reference_fields[0]) for fk in t.foreign_keys}
        indexed = {
            con.execute(f'PRAGMA index_info("{r[1]}")').fetchone()[2]
            for r in con.execute(f'PRAGMA index_list("{t.name}")')
        }
        assert {fk.fields[0] for fk in t.foreign_keys} <= indexed


def test_sqlite_search_finds_an_actor_by_another_spelling(out: Path) -> None:
    con = sqlite3.connect(out / DATABASE)
    names = _csv("actor_names")
    assert names
    for actor_id, name, *_ in names[:: max(1, len(names) // 25)]:
        words = " ".join(f'"{w}"' for w in name.replace('"', " ").split())
        hits = con.execute(
            'SELECT record_id FROM search WHERE search MATCH ? AND source_table = "actor_names"', (words,)
        )
        assert actor_id in {h[0] for h in hits}, name
    searched = con.execute("SELECT count(*) FROM search").fetchone()[0]
    expected = 0
    for table, field in SEARCHED:
        at = next(t for t in SPEC.tables if t.name == table).field_names.index(field)
        expected += sum(1 for r in _csv(table) if r[at])
    assert searched == expected


def test_sqlite_views_cover_every_appointment_and_tie(out: Path) -> None:
    con = sqlite3.connect(out / DATABASE)
    appointments = _csv("appointments")
    assert con.execute("SELECT count(*) FROM roster").fetchone()[0] == len(appointments)
    relations = _csv("relations")
    ties = sum(2 if r[1] != r[2] else 1 for r in relations)
    in_view = con.execute("SELECT count(*) FROM actor_timeline WHERE kind = 'relation'").fetchone()[0]
    assert in_view == ties
    assert con.execute("SELECT count(*) FROM actor_timeline WHERE kind = 'event'").fetchone()[0] == len(
        _csv("participants")
    )


def test_datasette_metadata_describes_every_table_and_column(out: Path) -> None:
    meta = json.loads((out / METADATA).read_text(encoding="utf-8"))
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    assert meta["title"] == descriptor["title"] and meta["license"] and meta["license_url"].startswith("https://")
    tables = meta["databases"][Path(DATABASE).stem]["tables"]
    for t in SPEC.tables:
        assert tables[t.name]["description"] == t.description
        assert tables[t.name]["columns"] == {f.name: f.description for f in t.fields}


def test_every_format_can_be_asked_for_alone(tmp_path: Path) -> None:
    for fmt in FORMATS:
        assert main(["export", "--format", fmt, "--out", str(tmp_path / fmt), "--package", str(ROOT)]) == 0
        assert any((tmp_path / fmt).iterdir())


@pytest.mark.parametrize("table", TABLES)
def test_stata_files_read_back_with_their_labels(out: Path, table: str) -> None:
    """Each .dta holds the table's rows and text; every field has its title as variable label and
    every controlled list its schema labels as value labels, in schema order."""
    pyreadstat = pytest.importorskip("pyreadstat")
    t = next(t for t in SPEC.tables if t.name == table)
    df, meta = pyreadstat.read_dta(str(out / "stata" / f"{table}.dta"))
    rows = _csv(table)
    assert len(df) == len(rows)
    labels = meta.column_names_to_labels
    for i, f in enumerate(t.fields):
        assert labels[f.name] == f.title[:80]
        if f.enum is not None:
            given = {c.value: c.label for c in f.categories}
            assert meta.variable_value_labels[f.name] == {n: given.get(v, v) for n, v in enumerate(f.enum, start=1)}
            decoded = [f.enum[int(x) - 1] if x == x else "" for x in df[f.name]]
            assert decoded == [r[i] for r in rows]
        elif f.type == "string" and f.pattern is None:
            assert df[f.name].tolist() == [r[i] for r in rows]


@pytest.mark.parametrize("table", TABLES)
def test_r_files_read_back_with_factors(out: Path, table: str) -> None:
    """Each .rds holds the table's rows; controlled lists are factors with the schema's values as
    levels, in order."""
    pyreadr = pytest.importorskip("pyreadr")
    t = next(t for t in SPEC.tables if t.name == table)
    df = pyreadr.read_r(str(out / "r" / f"{table}.rds"))[None]
    rows = _csv(table)
    assert len(df) == len(rows)
    for i, f in enumerate(t.fields):
        if f.enum is not None:
            assert list(df[f.name].cat.categories) == list(f.enum)
        if f.type == "string":
            assert [("" if v != v or v is None else str(v)) for v in df[f.name]] == [r[i] for r in rows]


def test_xlsx_sheets_have_frozen_headers_filters_and_widths(out: Path) -> None:
    book = openpyxl.load_workbook(out / WORKBOOK)
    for t in SPEC.tables:
        sheet = book[t.name]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
        # Writers group neighbouring columns of one width into one <col min max> entry.
        width_of = {i: d.width for d in sheet.column_dimensions.values() for i in range(d.min, d.max + 1)}
        widths = [width_of.get(i + 1) for i in range(len(t.fields))]
        assert all(w and w >= len(f.name) for w, f in zip(widths, t.fields, strict=True))
