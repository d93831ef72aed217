"""Read one CSV file into columns of text, each row with its physical line.

Two readers give the same result. The fast one hands the file to Arrow's multi-threaded CSV parser
and accepts what it parsed only if writing those cells back in canonical form (the form ``fmt``
writes: the schema's header, LF, minimal quoting) gives back the file byte for byte, which proves
the parse is the one a strict reader would make. Any other file (a byte-order mark, CR line ends,
bad UTF-8, a stray quote, a ragged row, another header) goes to the strict reader of
:mod:`iran_relations.csv_table`, which reports each problem at its line; its rows then become
columns too. Empty cells are nulls.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from ..validation.issues import Issue
from .arrays import STRING, arange, cell_bytes, has_any_byte, rows_mask
from .strict import read_csv

__all__ = ["Source", "read_source", "physical_lines"]

BLOCK = 4 << 20  # bytes Arrow parses per task: small blocks keep both cores busy and the parse buffers small


@dataclass
class Source:
    """The columns of one file by header position, the line of each row, and the rows too short or long."""

    path: str
    header: list[str] = field(default_factory=list)
    header_line: int = 1
    columns: list[pa.Array] = field(default_factory=list)
    lines: pa.Array = field(default_factory=lambda: pa.array([], pa.int64()))
    ragged: dict[int, int] = field(default_factory=dict)  # row index -> number of cells, when not the header's
    issues: list[Issue] = field(default_factory=list)
    readable: bool = True


def read_source(root: Path, rel: str, field_names: tuple[str, ...], fast: bool = True) -> Source:
    """Read ``root/rel``; ``fast=False`` forces the strict reader (tests compare the two)."""
    if fast:
        source = read_canonical(rel, root / rel, field_names)
        if source is not None:
            return source
    return read_strict(root, rel)


def physical_lines(columns: list[pa.Array], first: int) -> pa.Array:
    """The line each row starts on, the first on ``first``, counting line breaks inside quoted cells."""
    n = len(columns[0]) if columns else 0
    ones = pc.fill_null(pa.nulls(n, pa.int64()), 1)
    breaks = None
    for col in columns:
        if not contains_any(col, b"\n"):
            continue
        count = pc.fill_null(pc.count_substring(col, "\n"), 0).cast(pa.int64())
        breaks = count if breaks is None else pc.add(breaks, count)
    if breaks is None or pc.sum(breaks).as_py() in (None, 0):
        return pc.add(pc.cumulative_sum(ones), first - 1)
    return pc.subtract(pc.add(pc.cumulative_sum(pc.add(ones, breaks)), first - 1), breaks)


def read_canonical(rel: str, data: bytes | Path, field_names: tuple[str, ...]) -> Source | None:
    """Parse with Arrow; None unless the file (or the bytes) is exactly the canonical writing of
    what was parsed.

    Arrow parses a block at a time, and each batch of rows is proved canonical against the next
    bytes of the file, read beside it, as soon as it is parsed: only a block's worth of the file is
    held at once. Arrow refuses a row of the wrong width and a cell that is not UTF-8 (it checks as
    it converts), and the proof accounts for every other byte (commas, quotes, line ends), so a file
    that passes is valid UTF-8 throughout.
    """
    header = (",".join(field_names) + "\n").encode("utf-8")
    if not field_names:
        return None
    try:
        beside = io.BytesIO(data) if isinstance(data, bytes) else open(data, "rb")
    except OSError:
        return None  # the strict reader reports it
    with beside:
        if beside.read(len(header)) != header:
            return None

        def take(size: int) -> np.ndarray:
            return np.frombuffer(beside.read(size), dtype=np.uint8)

        try:
            columns = _parse(data, field_names, take)
        except (OSError, pa.ArrowInvalid, pa.ArrowException):
            return None
        if columns is None or beside.read(1):
            return None
    source = Source(rel, list(field_names), 1, columns, physical_lines(columns, 2))
    _drop_blank_rows(source)
    return source


def _parse(
    data: bytes | Path, field_names: tuple[str, ...], take: Callable[[int], np.ndarray]
) -> list[pa.Array] | None:
    """The file's columns, parsed by Arrow batch by batch, each batch checked with :func:`_writes_back`."""
    pieces: list[list[pa.Array]] = [[] for _ in field_names]
    with pa.BufferReader(data) if isinstance(data, bytes) else pa.OSFile(str(data)) as stream:
        reader = pa_csv.open_csv(
            stream,
            read_options=pa_csv.ReadOptions(
                use_threads=True, block_size=BLOCK, skip_rows=1, column_names=list(field_names)
            ),
            parse_options=pa_csv.ParseOptions(newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: STRING for name in field_names},
                null_values=[""],
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                check_utf8=True,
            ),
        )
        for batch in reader:
            if batch.num_columns != len(field_names) or not _writes_back(batch.columns, take):
                return None
            for j, col in enumerate(batch.columns):
                pieces[j].append(col)
    columns = []
    for j, chunks in enumerate(pieces):  # each column joined into one piece, and its pieces let go, in turn
        columns.append(chunks[0] if len(chunks) == 1 else pa.concat_arrays(chunks) if chunks else pa.array([], STRING))
        pieces[j] = []
    return columns


# A superset of what str.strip() removes: a cell of nothing else starts with one. Python confirms.
_MAYBE_BLANK = r"^[\t-\r\x1c-\x20\x{85}\p{Z}]"


def _drop_blank_rows(source: Source) -> None:
    """Report rows whose every cell is empty or whitespace, as the strict reader does, and drop them."""
    rows = arange(len(source.lines))
    for col in source.columns:  # narrow the candidates column by column: the first rules out nearly all
        maybe = pc.fill_null(pc.match_substring_regex(col.take(rows), _MAYBE_BLANK), True)
        rows = rows.filter(maybe)
        if len(rows) == 0:
            return
    blank = []
    for i in rows.to_pylist():
        if not any((col[i].as_py() or "").strip() for col in source.columns):
            blank.append(i)
    if not blank:
        return
    for line in source.lines.take(pa.array(blank)).to_pylist():
        source.issues.append(
            Issue(path=source.path, line=line, field=None, code="blank-row", message="the row is empty")
        )
    keep = pc.invert(rows_mask(len(source.lines), blank))
    source.columns = [col.filter(keep) for col in source.columns]
    source.lines = source.lines.filter(keep)


def _lengths(col: pa.Array) -> np.ndarray:
    """The byte length of each cell (0 for an empty one), read off the column's offsets."""
    offsets = np.frombuffer(col.buffers()[1], dtype=np.int32)[col.offset : col.offset + len(col) + 1]
    lengths = np.diff(offsets).astype(np.int64)
    if col.null_count:
        lengths[pc.is_null(col).to_numpy(zero_copy_only=False)] = 0
    return lengths


def contains_any(col: pa.Array, chars: bytes) -> bool:
    """Whether any cell of a string column holds one of the ASCII ``chars``."""
    return has_any_byte(cell_bytes(col)[1], chars)


def quotes_per_cell(col: pa.Array) -> np.ndarray:
    """How many '"' each cell holds, counted from where the quotes stand in the column's bytes."""
    offsets, data = cell_bytes(col)
    return _per_cell(offsets, np.flatnonzero(data == ord('"')))


def _per_cell(offsets: np.ndarray, at: np.ndarray) -> np.ndarray:
    """How many of the byte positions ``at`` fall in each cell."""
    return np.bincount(np.searchsorted(offsets[1:], at, side="right"), minlength=len(offsets) - 1).astype(np.int64)


def _quoting(col: pa.Array) -> tuple[np.ndarray, np.ndarray] | None:
    """Per cell: whether canonical writing quotes it (it holds a comma, quote or line end), and how
    many quotes it holds; None if no cell needs quoting. Read off the column's bytes (a batch's
    worth), not cell by cell."""
    offsets, data = cell_bytes(col)
    inner = quotes_per_cell(col)
    others = np.flatnonzero((data == ord(",")) | (data == ord("\n")) | (data == ord("\r")))
    if not len(others) and not inner.any():
        return None
    return (inner > 0) | (_per_cell(offsets, others) > 0), inner


def _writes_back(columns: list[pa.Array], take: Callable[[int], np.ndarray]) -> bool:
    """Whether the next bytes of the file (``take(n)`` gives the next ``n``) are the canonical
    writing of these rows: minimal quoting, LF, nothing else.

    Checked without writing them: from the cells' lengths follows where each cell and separator must
    stand, and the bytes there are looked at. An unquoted cell's bytes are the cell itself (that is
    how Arrow read them); a quoted cell must open and close with a quote at its place, and the rows'
    bytes must hold exactly the quotes those cells need, which leaves no room for a stray one, and
    no carriage return (which Arrow would have taken for a line end).
    """
    n, width = (len(columns[0]), len(columns)) if columns else (0, 0)
    if n == 0:
        return True
    quoted: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # column -> (quoted cells, bytes quoting adds)
    quotes = 0
    for j, col in enumerate(columns):
        found = _quoting(col)
        if found is not None:
            mask, inner = found
            quotes += int((mask * (2 + 2 * inner)).sum())
            quoted[j] = (mask, mask * (2 + inner))

    def size(j: int) -> np.ndarray:
        """Bytes each cell of column ``j`` takes, with the separator after it."""
        cells = _lengths(columns[j]) + 1
        return cells + quoted[j][1] if j in quoted else cells

    row_size = size(0)
    for j in range(1, width):
        row_size += size(j)
    stop = np.cumsum(row_size)
    used = int(stop[-1])
    raw = take(used)
    if len(raw) != used:
        return False
    stop -= row_size  # where each row starts; then, column by column, where each cell ends
    del row_size
    for j in range(width):
        start = stop
        stop = start + size(j)
        if not (raw[stop - 1] == (ord("\n") if j == width - 1 else ord(","))).all():
            return False
        if j in quoted:
            mask = quoted[j][0]
            if not ((raw[start[mask]] == ord('"')).all() and (raw[stop[mask] - 2] == ord('"')).all()):
                return False
    return np.count_nonzero(raw == ord('"')) == quotes and not np.count_nonzero(raw == ord("\r"))


def read_strict(root: Path, rel: str) -> Source:
    """The strict reader's rows as columns; blank rows are reported and dropped here."""
    parsed = read_csv(root, rel)
    source = Source(rel, parsed.header, parsed.header_line, issues=list(parsed.issues), readable=parsed.readable)
    if not parsed.readable or not parsed.header:
        return source
    width = len(parsed.header)
    grid: list[list[str | None]] = [[] for _ in range(width)]
    lines: list[int] = []
    for line, cells in parsed.rows:
        if not any(c.strip() for c in cells):
            source.issues.append(Issue(path=rel, line=line, field=None, code="blank-row", message="the row is empty"))
            continue
        if len(cells) != width:
            source.ragged[len(lines)] = len(cells)
            if len(cells) > width:
                source.issues.append(
                    Issue(
                        path=rel,
                        line=line,
                        field=None,
                        code="extra-cell",
                        message=f"the row has {len(cells)} cells but the header has {width} columns; extra: {cells[width:]!r}",
                    )
                )
            else:
                source.issues.append(
                    Issue(
                        path=rel,
                        line=line,
                        field=None,
                        code="missing-cell",
                        message=f"the row has {len(cells)} cells but the header has {width} columns",
                    )
                )
        lines.append(line)
        for i in range(width):
            value = cells[i] if i < len(cells) else ""
            grid[i].append(value or None)
    source.columns = [pa.array(col, STRING) for col in grid]
    source.lines = pa.array(lines, pa.int64())
    return source
