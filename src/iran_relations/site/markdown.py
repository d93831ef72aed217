"""Text from the data written into Markdown pages as literal text."""

from __future__ import annotations

__all__ = ["cell"]

# HTML's special characters, and those Markdown gives a meaning (links, emphasis, code, headings,
# tables), written as character references: text from the data never becomes a tag, a link or a
# format. Line breaks become spaces (a table row is one line).
_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\n": " ",
    "\r": " ",
    **{c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+!|~"},
}


def cell(text: str) -> str:
    """Data as literal text on a page."""
    return "".join(_ESCAPES.get(c, c) for c in text)
