"""The canonical CSV writer: LF line ends and minimal quoting, the form ``fmt`` writes and the fast
reader proves a file is already in."""

from __future__ import annotations

__all__ = ["cell", "record"]


def cell(value: str) -> str:
    """Quote a cell only when it must be: a comma, a quote or a line break (CR as well as LF) in it."""
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def record(cells: list[str] | tuple[str, ...]) -> str:
    # csv.writer quotes on the line terminator's characters only, so a lone CR would go out bare
    # and split the record when read back; hence this writer.
    return ",".join(cell(c) for c in cells) + "\n"
