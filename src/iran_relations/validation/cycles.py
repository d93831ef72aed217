"""Loops in self-references: an actor inside itself (parent_id), an appointment replacing itself (replaces_id)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import where
from .columns import PackageColumns, TableColumns
from .issues import Issue

__all__ = ["check_cycles", "on_loops"]

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


def on_loops(points_to: dict[str, str | None]) -> set[str]:
    """The nodes that following ``points_to`` from leads back to themselves; linear in the nodes."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    looped: set[str] = set()
    for start in points_to:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in points_to and node not in state:
            state[node] = 1
            path.append(node)
            node = points_to[node]
        if node is not None and state.get(node) == 1:  # closed a loop on the current path
            looped.update(path[path.index(node) :])
        for visited in path:
            state[visited] = 2
    return looped


def _loops(frame: TableColumns, key: str, ref: str, code: str, message: str) -> list[Issue]:
    """Report every row that a chain of ``ref`` leads back to (each member of a loop, once)."""
    linked = pc.is_valid(frame.cells[ref])
    if not pc.any(linked).as_py():
        return []
    keys, refs = frame.cells[key].to_pylist(), frame.cells[ref].to_pylist()
    points_to = {k: r for k, r in zip(keys, refs, strict=True) if k}
    looped = on_loops(points_to)
    if not looped:
        return []
    rows = where(pc.is_in(frame.cells[key], pa.array(sorted(looped), pa.string())))
    return [
        Issue(path=frame.path, line=line, field=ref, code=code, message=message.format(start=start))
        for line, start in zip(frame.lines_of(rows), frame.values(key, rows), strict=True)
    ]


def check_cycles(frames: PackageColumns) -> list[Issue]:
    issues: list[Issue] = []
    for name, key, ref, code, message in SELF_REFERENCES:
        frame = frames.get(name)
        if frame is not None:
            issues += _loops(frame, key, ref, code, message)
    return issues
