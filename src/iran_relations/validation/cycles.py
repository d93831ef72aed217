"""Loops in self-references: an actor inside itself (parent_id), an appointment replacing itself (replaces_id)."""

from __future__ import annotations

from ..issues import Issue
from .conformance import CheckedTable

__all__ = ["check_cycles"]

# (table, its key, the field pointing at another row of the same table, code, what to say)
SELF_REFERENCES = [
    ("actors", "actor_id", "parent_id", "parent-cycle", "following parent_id from {start!r} leads back to it"),
    (
        "appointments",
        "appointment_id",
        "replaces_id",
        "replaces-cycle",
        "following replaces_id from {start!r} leads back to it",
    ),
]


def _loops(table: CheckedTable, key: str, ref: str, code: str, message: str) -> list[Issue]:
    """Report every row that a chain of ``ref`` leads back to (each member of a loop, once)."""
    points_to = {r.values.get(key): r.values.get(ref) for r in table.rows if r.values.get(key)}
    issues = []
    for row in table.rows:
        start = row.values.get(key)
        seen = {start}
        node = points_to.get(start)
        while node is not None and node in points_to:
            if node == start:
                issues.append(Issue(table.spec.path, row.line, ref, code, message.format(start=start)))
                break
            if node in seen:
                break  # a loop further along; reported on its own members
            seen.add(node)
            node = points_to.get(node)
    return issues


def check_cycles(tables: dict[str, CheckedTable]) -> list[Issue]:
    issues: list[Issue] = []
    for name, key, ref, code, message in SELF_REFERENCES:
        table = tables.get(name)
        if table is not None:
            issues += _loops(table, key, ref, code, message)
    return issues
