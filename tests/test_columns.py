"""The validator's whole-column shortcuts agree with the plain rule they stand for.

Each shortcut (byte-level searches, per-distinct-value judging, shared key codes, the text
candidates) is compared with the straightforward cell-by-cell computation on generated columns.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from conftest import build_package
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iran_relations import validate
from iran_relations.io.arrays import cell_bytes, has_any_byte, is_ascii_printable
from iran_relations.io.fast import quotes_per_cell
from iran_relations.validation.conformance import per_value
from iran_relations.validation.text import SAFE_RANGES, candidates, cell_issues, invisible_characters

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Characters the text rules care about, and some they do not.
# The non-ASCII ones include characters of the safe ranges (ḥ, Й, ب, the zero-width non-joiner, a
# curly quote) and some just outside them (a shadda, the hamza that NFC joins to an alef before it).
ALPHABET = st.sampled_from(
    list("ab <>:=+-@\t\n\"',é\u200b\u00a0\u0301ḥЙبا\u200c\u201c\u0651\u0654")
    + ["javascript", "JavaScript:", "<b>", "ſ"]
)
CELLS = st.lists(st.one_of(st.none(), st.lists(ALPHABET, max_size=6).map("".join)), max_size=30)


@SETTINGS
@given(CELLS)
def test_printable_ascii_is_what_the_regular_expression_says(cells: list[str | None]) -> None:
    col = pa.array(cells, pa.string())
    expected = [None if v is None else re.fullmatch(r"[\x20-\x7e]*", v) is not None for v in cells]
    assert is_ascii_printable(col).to_pylist() == expected


@SETTINGS
@given(CELLS)
def test_every_cell_with_a_text_issue_is_a_candidate(cells: list[str | None]) -> None:
    col = pa.array(cells, pa.string())
    picked = candidates(col).to_pylist()
    for value, chosen in zip(cells, picked, strict=True):
        if value is not None and cell_issues("t.csv", 1, "name", value):
            assert chosen, value


@SETTINGS
@given(CELLS)
def test_quotes_are_counted_per_cell(cells: list[str | None]) -> None:
    col = pa.array(cells, pa.string())
    expected = [0 if v is None else v.count('"') for v in cells]
    assert quotes_per_cell(col).tolist() == expected


def test_a_byte_is_found_wherever_it_stands() -> None:
    """Searches go a few megabytes at a time: a byte at either side of a boundary is found."""
    size = (1 << 22) * 2 + 5
    for at in (0, (1 << 22) - 1, 1 << 22, size - 1):
        data = np.zeros(size, np.uint8)
        assert not has_any_byte(data, b"<")
        data[at] = ord("<")
        assert has_any_byte(data, b":<")


def test_a_sliced_column_shows_only_its_own_bytes() -> None:
    col = pa.array(["ab", "cde", None, "f"], pa.string()).slice(1, 2)
    offsets, data = cell_bytes(col)
    assert data.tobytes() == b"cde" and offsets.tolist() == [0, 3, 3]


@given(st.integers(min_value=1, max_value=50), st.integers(min_value=0, max_value=2**31))
@settings(max_examples=10, deadline=None)
def test_judging_distinct_values_gives_each_cell_its_own_verdict(distinct: int, seed: int) -> None:
    """A column long and repetitive enough is judged per distinct value; the verdicts are per cell."""
    rng = np.random.default_rng(seed)
    values = [f"v{i}" if i % 7 else None for i in rng.integers(0, distinct, 40_000)]
    col = pa.array(values, pa.string())

    def judge(values: pa.Array) -> np.ndarray:
        return pc.fill_null(pc.match_substring(values, "3"), False).to_numpy(zero_copy_only=False)

    assert per_value(col, judge).tolist() == [v is not None and "3" in v for v in values]


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.integers(0, 2)), min_size=1, max_size=12))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_compound_key_repeats_exactly_where_its_parts_all_do(tmp_path_factory, picks) -> None:
    """Evidence rows built from a few parts: primary-key-error falls on each row whose four-part key
    an earlier row has, and on no other."""
    pkg = build_package(tmp_path_factory.mktemp("pkg"))
    path = pkg / "data" / "evidence.csv"
    header, *rows = _rows(path)
    at = {name: i for i, name in enumerate(header)}
    new = []
    for row, (r, c, loc) in zip(rows, picks, strict=False):
        base = rows[r % len(rows)]
        row = list(base)
        row[at["citation_id"]] = rows[c % len(rows)][at["citation_id"]]
        row[at["locator"]] = f"para. {loc}"
        new.append(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *new, *rows[len(new) :]])
    seen: set[tuple[str, ...]] = set()
    expected = []
    for line, row in enumerate(_rows(path)[1:], start=2):
        key = tuple(row[at[n]] for n in ("record_table", "record_id", "citation_id", "locator"))
        if key in seen:
            expected.append(line)
        seen.add(key)
    found = [i.line for i in validate(pkg).issues if i.code == "primary-key-error" and i.path == "data/evidence.csv"]
    assert found == expected


def _joins_to_the_one_before() -> set[int]:
    """Code points NFC can join to the character before them: the second of a canonical pair."""
    second = set()
    for cp in range(0x110000):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            second.add(int(parts[1], 16))
    return second


def test_no_text_rule_objects_to_a_character_of_the_safe_ranges() -> None:
    """A cell of safe characters alone skips the exact kernels, so each must pass every rule in any
    company: visible or allowed, no whitespace but the space and newline, NFC-stable, no mark,
    nothing NFC could join to the character before it (Python's Unicode tables decide)."""
    joins = _joins_to_the_one_before()
    objections = []
    for first, last in SAFE_RANGES:
        for cp in range(first, last + 1):
            ch = chr(cp)
            if ch in " \n":
                continue
            if (
                invisible_characters(ch)
                or ch.isspace()
                or unicodedata.normalize("NFC", ch) != ch
                or unicodedata.combining(ch)
                or unicodedata.category(ch).startswith("M")
                or cp in joins
            ):
                objections.append(f"U+{cp:04X}")
    assert objections == []
