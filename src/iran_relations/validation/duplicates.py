"""Duplicate entities: one actor entered twice under two IDs, found through its names.

Names are compared in a loose form (case, accents, punctuation, spaces and a leading al-/el-/the
ignored), over ``actors.name`` and every ``actor_names.name``. Two actors of different types may
share a name (a party named after its leader); two of the same type may not.
"""

from __future__ import annotations

import re
import unicodedata

from ..issues import Issue
from .conformance import CheckedTable

__all__ = ["check_duplicates", "loose_name"]

_ARTICLE = re.compile(r"\b(al|el|ul|the)\b", re.IGNORECASE)


def loose_name(name: str) -> str:
    """The form two spellings of one name share: 'Al-Qaeda', 'al Qaeda' and 'AL-QAEDA' → 'qaeda'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ARTICLE.sub(" ", text.casefold())
    return "".join(ch for ch in text if ch.isalnum())


def check_duplicates(tables: dict[str, CheckedTable]) -> list[Issue]:
    actors, names = tables.get("actors"), tables.get("actor_names")
    if actors is None:
        return []
    kind = {r.values.get("actor_id"): r.values.get("actor_type") for r in actors.rows}
    owner: dict[tuple[str, str | None], tuple[str, str, int]] = {}  # (loose name, type) → (actor, path, line)
    issues = []
    sources = [(actors, "name")] + ([(names, "name")] if names is not None else [])
    for table, field in sources:
        for row in table.rows:
            actor, name = row.values.get("actor_id"), row.values.get(field)
            if not actor or not name or actor not in kind:
                continue
            loose = loose_name(name)
            if not loose:
                continue
            first = owner.setdefault((loose, kind[actor]), (actor, table.spec.path, row.line))
            if first[0] != actor:
                issues.append(
                    Issue(
                        table.spec.path,
                        row.line,
                        field,
                        "duplicate-name",
                        f"{name!r} also names {first[0]!r} ({first[1]} line {first[2]}): if both are one {kind[actor]}, merge them",
                    )
                )
    return issues
