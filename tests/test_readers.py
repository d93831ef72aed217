"""The two CSV readers agree: Arrow's fast path is taken only where it reads what the strict reader reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, build_package, scenario_meta, scenario_names
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iran_relations import validate
from iran_relations.io.fast import read_canonical, read_strict
from iran_relations.io.writer import record
from iran_relations.schema.table_schema import read_package

NAMES = ("a", "b", "c")
# Pieces that make CSV hard: quotes, doubled quotes, separators, line breaks, spaces, a CR.
PIECES = ["a", "b", " ", '"', '""', ",", "\n", '"a"', ',"', '"\n', "\n\n", "\r", "é"]


def _columns(source) -> tuple:
    return (
        [c.to_pylist() for c in source.columns],
        source.lines.to_pylist(),
        sorted((i.line, i.code) for i in source.issues),
    )


@pytest.mark.parametrize("scenario", [s for s in scenario_names() if scenario_meta(s)["exit_code"] == 1])
def test_both_readers_find_the_same_issues(scenario: str, tmp_path: Path) -> None:
    pkg = build_package(tmp_path, scenario)
    assert validate(pkg).issues == validate(pkg, fast=False).issues


def test_the_published_tables_take_the_fast_path() -> None:
    """The published data is canonical, so Arrow reads every table (the speed relies on it)."""
    spec = read_package(ROOT)
    for t in spec.tables:
        assert read_canonical(t.path, (ROOT / t.path).read_bytes(), t.field_names) is not None, t.path


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(width=st.integers(1, 3), body=st.lists(st.sampled_from(PIECES), max_size=16))
def test_fast_reader_accepts_only_what_the_strict_reader_reads_alike(tmp_path: Path, width: int, body) -> None:
    names = NAMES[:width]
    data = (",".join(names) + "\n" + "".join(body)).encode("utf-8")
    fast = read_canonical("t.csv", data, names)
    if fast is None:
        return
    (tmp_path / "t.csv").write_bytes(data)
    strict = read_strict(tmp_path, "t.csv")
    assert not strict.ragged
    assert not [i for i in strict.issues if i.code == "csv-error"]
    assert _columns(fast) == _columns(strict)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.lists(
            st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=8),
            min_size=3,
            max_size=3,
        ),
        max_size=6,
    )
)
def test_canonical_files_take_the_fast_path(rows: list[list[str]]) -> None:
    """Whatever the cells, the canonical writing of them (as fmt writes) is read by Arrow, cell for cell."""
    data = (record(list(NAMES)) + "".join(record(r) for r in rows)).encode("utf-8")
    fast = read_canonical("t.csv", data, NAMES)
    blank = [r for r in rows if not any(c.strip() for c in r)]
    assert fast is not None
    kept = [r for r in rows if any(c.strip() for c in r)]
    assert [list(r) for r in zip(*[c.to_pylist() for c in fast.columns], strict=True)] == [
        [c or None for c in r] for r in kept
    ]
    assert len([i for i in fast.issues if i.code == "blank-row"]) == len(blank)


def test_a_line_break_after_an_id_breaks_its_pattern(tmp_path: Path) -> None:
    """Patterns match the whole cell: 'event-one' followed by a line break is not a slug."""
    pkg = build_package(tmp_path)
    path = pkg / "data" / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    first_id = lines[1].split(",", 1)[0]
    lines[1] = f'"{first_id}\n",' + lines[1].split(",", 1)[1]
    path.write_text("\n".join(lines), encoding="utf-8")
    found = {(i.line, i.field, i.code) for i in validate(pkg).issues}
    assert (2, "event_id", "pattern-error") in found
