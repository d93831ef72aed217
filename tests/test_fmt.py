"""`iran-relations fmt`: canonical form, lossless, idempotent, and refusing what it cannot place."""

from __future__ import annotations

import csv
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from conftest import ROOT, build_package
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iran_relations import validate
from iran_relations.fmt import canonical_text, format_package
from iran_relations.schema.table_schema import read_package


def fmt(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "iran_relations", "fmt", *args], capture_output=True, text=True)


def rows_of(path: Path) -> Counter[tuple[tuple[str, str], ...]]:
    """The rows of a CSV file as a multiset of (column, value) pairs: independent of row and column order."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return Counter(tuple(sorted(r.items())) for r in csv.DictReader(f))


def test_the_published_data_is_canonical() -> None:
    r = fmt("--check", str(ROOT))
    assert r.returncode == 0, r.stdout + r.stderr


def _mess_up(pkg: Path) -> None:
    """BOM, CR LF, columns reversed, rows reversed, every cell quoted, a decomposed accent."""
    path = pkg / "data" / "actors.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[1][-1] = unicodedata.normalize("NFD", "Café façade, “quoted”")
    messy = [rows[0][::-1]] + [r[::-1] for r in rows[:0:-1]]
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerows(messy)


def test_fmt_makes_a_messy_file_canonical_without_losing_a_cell(tmp_path: Path) -> None:
    pkg = build_package(tmp_path)
    _mess_up(pkg)
    before = rows_of(pkg / "data" / "actors.csv")
    assert {i.code for i in validate(pkg).issues} >= {"byte-order-mark", "line-ending", "column-order", "not-nfc"}

    assert fmt(str(pkg)).returncode == 0
    data = (pkg / "data" / "actors.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data and data.endswith(b"\n")
    assert validate(pkg).issues == []
    after = rows_of(pkg / "data" / "actors.csv")
    nfc = Counter(tuple((k, unicodedata.normalize("NFC", v)) for k, v in row) for row in before.elements())
    assert after == nfc
    ids = [r["actor_id"] for r in csv.DictReader(data.decode().splitlines())]
    assert ids == sorted(ids)

    assert fmt("--check", str(pkg)).returncode == 0  # idempotent: a second pass has nothing to do


def test_fmt_check_changes_nothing_and_names_the_files(tmp_path: Path) -> None:
    pkg = build_package(tmp_path)
    _mess_up(pkg)
    before = (pkg / "data" / "actors.csv").read_bytes()
    r = fmt("--check", str(pkg))
    assert r.returncode == 1
    assert "data/actors.csv" in r.stdout
    assert (pkg / "data" / "actors.csv").read_bytes() == before


def test_fmt_refuses_a_file_it_cannot_place_and_leaves_it_alone(tmp_path: Path) -> None:
    pkg = build_package(tmp_path, "csv-error")
    before = (pkg / "data" / "events.csv").read_bytes()
    r = fmt(str(pkg))
    assert r.returncode == 2
    assert "data/events.csv" in r.stderr and "csv-error" in r.stderr
    assert (pkg / "data" / "events.csv").read_bytes() == before


def test_fmt_refuses_a_ragged_row(tmp_path: Path) -> None:
    pkg = build_package(tmp_path, "extra-cell")
    before = (pkg / "data" / "events.csv").read_bytes()
    assert fmt(str(pkg)).returncode == 2
    assert (pkg / "data" / "events.csv").read_bytes() == before


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(descriptions=st.lists(TEXT, min_size=6, max_size=6))
def test_any_text_survives_fmt_unchanged_in_meaning(tmp_path_factory, descriptions: list[str]) -> None:
    """Commas, quotes, line breaks, any script: fmt keeps every value (in NFC), and a second pass is a no-op."""
    pkg = build_package(tmp_path_factory.mktemp("pkg"))
    path = pkg / "data" / "actors.csv"
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row, text in zip(rows, descriptions, strict=False):
        row["description"] = text
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, list(rows[0]), lineterminator="\r\n", quoting=csv.QUOTE_ALL)
        w.writeheader()
        w.writerows(rows)
    spec = read_package(pkg)
    format_package(spec)
    with open(path, encoding="utf-8", newline="") as f:
        got = {r["actor_id"]: r["description"] for r in csv.DictReader(f)}
    assert got == {r["actor_id"]: unicodedata.normalize("NFC", r["description"]) for r in rows}
    table = next(t for t in spec.tables if t.name == "actors")
    assert canonical_text(table, pkg)[0] == path.read_bytes().decode("utf-8")
