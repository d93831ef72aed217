"""Layer 5: text hygiene and hostile text in free-text cells.

Free-text fields are the string fields with no pattern and no controlled list (names, titles,
descriptions, quotes, notes): the other fields are already held to a form by layer 1. A cell here
must not start like a spreadsheet formula, carry markup, hide invisible characters, differ from its
NFC form or begin or end with whitespace. Each cell gets at most one issue per code.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import cell_bytes, has_any_byte, is_ascii_printable, where
from ..schema.table_schema import FieldSpec
from .columns import TableColumns
from .issues import Issue

__all__ = ["check_table_text", "free_text", "invisible_characters"]

# What spreadsheets run as a formula when it leads a cell (OWASP CSV injection), tab and CR included.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>|<\s*(script|iframe|style|img|svg)\b|javascript\s*:", re.IGNORECASE)
# Allowed although Unicode calls them format characters: the zero-width non-joiner spells Persian
# words (می‌خواهم), and the newline may separate lines of a quoted infobox.
ALLOWED = {"\u200c", "\n"}


def invisible_characters(value: str) -> list[str]:
    """The code points in ``value`` a reader cannot see or that change how text around them shows."""
    found = []
    for ch in value:
        if ch in ALLOWED or ch == " ":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp") or (category == "Zs"):
            found.append(f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')}")
    return found


def cell_issues(path: str, line: int, name: str, value: str) -> list[Issue]:
    issues = []
    if value.startswith(FORMULA_START):
        issues.append(
            Issue(
                path=path,
                line=line,
                field=name,
                code="formula-cell",
                message=f"{name} starts with {value[:1]!r}, which a spreadsheet runs as a formula: reword it so it starts otherwise (drop a list bullet, or write 'minus')",
                value=value,
            )
        )
    markup = MARKUP.search(value)
    if markup:
        issues.append(
            Issue(
                path=path,
                line=line,
                field=name,
                code="markup",
                message=f"{name} contains markup ({markup.group(0)[:40]!r}): write plain text, without tags or scripts",
                value=value,
            )
        )
    hidden = invisible_characters(value)
    if hidden:
        shown = ", ".join(dict.fromkeys(hidden))
        issues.append(
            Issue(
                path=path,
                line=line,
                field=name,
                code="invisible-character",
                message=f"{name} contains {shown}: delete it or use a plain space",
                value=str(shown),
            )
        )
    if not unicodedata.is_normalized("NFC", value):
        issues.append(
            Issue(
                path=path,
                line=line,
                field=name,
                code="not-nfc",
                message=f"{name} is not in Unicode NFC form (a letter and its accent are stored apart): `iran-relations fmt` fixes it",
            )
        )
    if value != value.strip():
        side = "starts" if value[:1].isspace() else "ends"
        issues.append(
            Issue(
                path=path,
                line=line,
                field=name,
                code="stray-whitespace",
                message=f"{name} {side} with whitespace: delete the leading or trailing spaces",
            )
        )
    return issues


# Cells that might hold markup or a formula start: Python judges each one. Searched only in columns
# whose bytes hold a '<' or a ':' (markup and ``javascript:`` need one).
CANDIDATE = r"<|(?i:javascript)"
_FIRST = np.array([ord(c) for c in "=+-@ \n"], np.uint8)
_LAST = np.array([ord(c) for c in " \n"], np.uint8)
# Characters no text check objects to, whatever stands next to them: each is visible (or the
# newline or zero-width non-joiner the rules allow), not whitespace (but the space and newline, which
# the first and last byte tests catch at a cell's ends), stable under NFC, and neither a combining
# mark nor a character NFC can join to the one before it. A cell of these alone passes every check,
# so only cells with another character go to the exact kernels below. The ranges are the scripts
# this dataset is written in (Latin, punctuation, Arabic and Persian letters);
# tests/test_columns.py proves each property from Python's own Unicode tables.
SAFE_RANGES = (
    (0x0A, 0x0A),  # newline
    (0x20, 0x7E),  # printable ASCII
    (0xA1, 0xAC),  # Latin-1 (not the no-break space or soft hyphen)
    (0xAE, 0x2FF),  # Latin-1, Latin Extended-A and -B, IPA, spacing modifier letters
    (0x400, 0x482),  # Cyrillic (not its combining marks)
    (0x48A, 0x4FF),
    (0x5D0, 0x5EA),  # Hebrew letters
    (0x60C, 0x60F),  # Arabic and Persian letters, digits and punctuation (not the marks)
    (0x61B, 0x61B),
    (0x61D, 0x64A),
    (0x660, 0x66F),
    (0x671, 0x6D5),
    (0x6E5, 0x6E6),
    (0x6EE, 0x6FF),
    (0x1E00, 0x1EFF),  # Latin Extended Additional (transliterations: ḥ, ṣ)
    (0x200C, 0x200C),  # zero-width non-joiner
    (0x2010, 0x2027),  # dashes, curly quotes, bullets, ellipsis
    (0x2030, 0x205E),
)
_UNSAFE_RE = "[^" + "".join(f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in SAFE_RANGES) + "]"
# The characters invisible_characters() reports, as RE2 Unicode classes, once the allowed ones
# (newline, zero-width non-joiner, the plain space) are taken out of the cell.
_ALLOWED_RE = "[\n\u200c ]"
_INVISIBLE_RE = r"[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\p{Zs}]"
# Whitespace Python's str.isspace() sees at either end of a cell (Unicode spaces, separators, the
# ASCII controls it counts).
_EDGE_SPACE_RE = r"^[\s\p{Z}\x{1c}-\x{1f}\x{85}]|[\s\p{Z}\x{1c}-\x{1f}\x{85}]$"


def _mask(values: pa.Array) -> np.ndarray:
    return pc.fill_null(values, False).to_numpy(zero_copy_only=False)


def candidates(col: pa.Array) -> pa.Array:
    """The cells that break a rule, found by column kernels (Arrow, RE2 Unicode classes, utf8proc's
    NFC) so that Python sees only them: a formula start or a space at either end (read off each
    cell's first and last byte), markup candidates, and among the cells with a character outside
    ``SAFE_RANGES`` those with an invisible character, text not in NFC, a tab or carriage return first, or Unicode
    whitespace at either end. Python's :func:`cell_issues` then words each issue (and drops a
    candidate the kernels' Unicode tables see differently from Python's)."""
    hit = np.zeros(len(col), bool)
    offsets, data = cell_bytes(col)
    starts, ends = offsets[:-1], offsets[1:]
    filled = ends > starts
    first = np.zeros(len(col), np.uint8)
    first[filled] = data[starts[filled]]
    last = np.zeros(len(col), np.uint8)
    last[filled] = data[ends[filled] - 1]
    hit |= np.isin(first, _FIRST) | np.isin(last, _LAST)
    if has_any_byte(data, b"<:"):
        hit |= _mask(pc.match_substring_regex(col, CANDIDATE))
    other = np.flatnonzero(_mask(pc.invert(is_ascii_printable(col))))
    if len(other):
        text = col.take(pa.array(other, pa.int64()))
        unsafe = _mask(pc.match_substring_regex(text, _UNSAFE_RE))
        other, text = other[unsafe], text.filter(pa.array(unsafe))
    if len(other):
        seen = _mask(pc.match_substring_regex(pc.replace_substring_regex(text, _ALLOWED_RE, ""), _INVISIBLE_RE))
        seen |= _mask(pc.not_equal(pc.utf8_normalize(text, "NFC"), text))
        seen |= _mask(pc.match_substring_regex(text, _EDGE_SPACE_RE))
        hit[other[seen]] = True
    return pa.array(hit)


def free_text(f: FieldSpec) -> bool:
    """Names, titles, descriptions, quotes, notes: strings held to no pattern or list."""
    return f.type == "string" and not f.pattern and f.enum is None


def check_table_text(frame: TableColumns) -> list[Issue]:
    """The hygiene issues of one table's free-text cells (those layer 1 did not reject)."""
    issues: list[Issue] = []
    if not frame.readable:
        return issues
    for f in frame.spec.fields:
        if f.name not in frame.present or not free_text(f):
            continue
        col = frame.cells[f.name]
        rows = where(pc.and_(frame.good(f.name), candidates(col)))
        for line, value in zip(frame.lines_of(rows), frame.values(f.name, rows), strict=True):
            issues += cell_issues(frame.path, line, f.name, value)  # type: ignore[arg-type]
    return issues
