"""Broken packages give a located error or issue, never an internal error, and fmt loses no cell.

Each case here was found by fuzzing the fixture package (a schema or header changed in one place).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import build_package

import iran_relations
from iran_relations import DescriptorError, validate
from iran_relations.cli import main
from iran_relations.schema.partial_date import PartialDate, PartialDateError


def _schema(pkg: Path, table: str, change: Callable[[dict], None]) -> None:
    path = pkg / "schemas" / f"{table}.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    change(schema)
    path.write_text(json.dumps(schema), encoding="utf-8")


def _field(schema: dict, name: str) -> dict:
    return next(f for f in schema["fields"] if f["name"] == name)


def _drop_field(name: str) -> Callable[[dict], None]:
    def change(schema: dict) -> None:
        schema["fields"] = [f for f in schema["fields"] if f["name"] != name]

    return change


@pytest.mark.parametrize(
    ("table", "change", "says"),
    [
        ("actors", lambda s: s.update(primaryKey=["nope"]), "primaryKey names 'nope'"),
        ("actors", lambda s: s.update(primaryKey=[[]]), "primaryKey names []"),
        ("actor_names", lambda s: s["foreignKeys"][0].update(fields=["nope"]), "foreign key names fields ['nope']"),
        ("actor_names", lambda s: s["foreignKeys"][0]["reference"].update(resource="nowhere"), "resource 'nowhere'"),
        ("actors", lambda s: _field(s, "name").setdefault("constraints", {}).update(pattern="["), "does not compile"),
        ("actors", lambda s: _field(s, "name").setdefault("constraints", {}).update(pattern=5), "must be a string"),
        (
            "actors",
            lambda s: _field(s, "name").setdefault("constraints", {}).update(enum=["a", 1]),
            "must all be strings",
        ),
        ("appointments", lambda s: _field(s, "start_date").update(name="end_date"), "'end_date' is defined twice"),
    ],
)
def test_a_broken_schema_is_a_descriptor_error_naming_it(tmp_path: Path, table: str, change, says: str) -> None:
    pkg = build_package(tmp_path)
    _schema(pkg, table, change)
    for read in (validate, iran_relations.load):
        with pytest.raises(DescriptorError, match=f"schemas/{table}.json") as caught:
            read(pkg)
        assert says in str(caught.value)
    assert main(["fmt", "--package", str(pkg)]) == 2  # and fmt writes nothing


def test_two_resources_with_one_name_are_a_descriptor_error(tmp_path: Path) -> None:
    pkg = build_package(tmp_path)
    descriptor = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"][1]["name"] = descriptor["resources"][2]["name"]
    (pkg / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    with pytest.raises(DescriptorError, match="two resources are named"):
        validate(pkg)


@pytest.mark.parametrize(("table", "name"), [("participants", "role"), ("citations", "url"), ("actors", "actor_type")])
def test_a_schema_without_a_field_the_library_needs_is_a_descriptor_error(
    tmp_path: Path, table: str, name: str
) -> None:
    pkg = build_package(tmp_path)
    _schema(pkg, table, _drop_field(name))
    with pytest.raises(DescriptorError, match=f"schemas/{table}.json.*'{name}'"):
        validate(pkg)


def test_evidence_without_foreign_keys_or_rows_is_checked_without_failing(tmp_path: Path) -> None:
    pkg = build_package(tmp_path)
    _schema(pkg, "evidence", lambda s: s.pop("foreignKeys", None))
    evidence = pkg / "data" / "evidence.csv"
    evidence.write_text(evidence.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    records = sum(len(data_rows_of(pkg, t)) for t in ("actors", "events", "appointments", "relations"))
    issues = validate(pkg).issues
    # Every record now lacks evidence: each is reported at its line, nothing is raised.
    assert [i.code for i in issues] == ["missing-evidence"] * records


def data_rows_of(pkg: Path, table: str) -> list[str]:
    return [r for r in (pkg / "data" / f"{table}.csv").read_text(encoding="utf-8").splitlines()[1:] if r]


@pytest.mark.parametrize(
    ("header_change", "code"),
    [
        (lambda h: h + ",note", "extra-column"),
        (lambda h: h + ",role", "duplicate-column"),
        (lambda h: h.replace(",role", ",rolle"), "extra-column"),
    ],
)
def test_fmt_refuses_a_header_it_cannot_place_and_keeps_every_cell(tmp_path: Path, header_change, code, capsys) -> None:
    pkg = build_package(tmp_path)
    path = pkg / "data" / "participants.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    extra = header_change(header).count(",") - header.count(",")
    text = "\n".join([header_change(header)] + [r + ",KEEP" * extra for r in rows if r]) + "\n"
    path.write_text(text, encoding="utf-8")
    assert main(["fmt", "--package", str(pkg)]) == 2
    assert path.read_text(encoding="utf-8") == text
    assert f"data/participants.csv: left as it is: {code}" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["２００１", "٢٠٠١", "۲۰۰۱-۰۵"])
def test_dates_take_ascii_digits_only(text: str) -> None:
    with pytest.raises(PartialDateError):
        PartialDate.parse(text)


def test_a_carriage_return_inside_a_quoted_cell_is_an_invisible_character_not_a_line_end(tmp_path: Path) -> None:
    pkg = build_package(tmp_path)
    path = pkg / "data" / "actors.csv"
    lines = path.read_bytes().split(b"\n")
    header = lines[0].decode().split(",")
    cells = lines[1].decode().split(",")  # the fixture's first actor has no quoted cell
    assert '"' not in lines[1].decode()
    at = header.index("description")
    cells[at] = '"' + cells[at][:5] + "\r" + cells[at][5:] + '"'
    lines[1] = ",".join(cells).encode()
    path.write_bytes(b"\n".join(lines))
    found = [(i.code, i.line, i.field) for i in validate(pkg).issues if i.path == "data/actors.csv"]
    assert ("invisible-character", 2, "description") in found
    assert "line-ending" not in {code for code, _, _ in found}
    # a CR LF after the same row is still a line end, reported on the row's line
    lines[1] += b"\r"
    path.write_bytes(b"\n".join(lines))
    found = [(i.code, i.line) for i in validate(pkg).issues if i.path == "data/actors.csv"]
    assert ("line-ending", 2) in found
