"""Duplicate entities: one actor entered twice under two IDs, found through its names.

Names are compared in a loose form (case, accents, punctuation, spaces and a leading al-/el-/the
ignored), over ``actors.name`` and every ``actor_names.name``. Two actors of different types may
share a name (a party named after its leader); two of the same type may not.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import is_ascii_printable, where
from ..schema.names import ARTICLE_PATTERN, loose_name
from .columns import PackageColumns, TableColumns
from .issues import Issue

__all__ = ["check_duplicates", "derive_loose_names", "loose_name", "loose_names", "NAME_FIELDS"]

# The free-text fields this layer reads by value (the pipeline sheds the others once their text
# is checked): the canonical name and every other name.
NAME_FIELDS = (("actors", "name"), ("actor_names", "name"))


def loose_names(names: pa.Array) -> pa.Array:
    """:func:`loose_name` of each cell: in Arrow for printable ASCII, where it is exact, else in Python."""
    lowered = pc.utf8_lower(names)
    loose = pc.replace_substring_regex(pc.replace_substring_regex(lowered, ARTICLE_PATTERN, " "), "[^a-z0-9]", "")
    other = where(pc.and_(pc.is_valid(names), pc.invert(is_ascii_printable(names))))
    if not other:
        return loose
    values = loose.to_pylist()
    for i, name in zip(other, names.take(pa.array(other, pa.int64())).to_pylist(), strict=True):
        values[i] = loose_name(name)
    return pa.array(values, pa.string())


_LOOSE = "loose:"  # the key of a table's loose names in TableColumns.derived


def derive_loose_names(frame: TableColumns) -> None:
    """Work out the loose form of this table's names now (it is the slow part of this layer, in
    Python for names that are not ASCII), if it is one of the tables this layer compares."""
    for table, field in NAME_FIELDS:
        if frame.spec.name == table and frame.readable and field in frame.present:
            frame.derived[_LOOSE + field] = loose_names(frame.cells[field])


def _named(frame: TableColumns, field: str, kind: dict[str, str | None], order: int) -> pa.Table:
    """(loose name and type, actor, source, row) for each named row of a known actor."""
    actor, name = frame.cells["actor_id"], frame.cells[field]
    known = pc.fill_null(pc.and_(pc.is_in(actor, pa.array(list(kind), pa.string())), pc.is_valid(name)), False)
    loose = frame.derived.get(_LOOSE + field)
    loose = loose_names(name.filter(known)) if loose is None else loose.filter(known)
    actor = actor.filter(known)
    kinds = pa.array([kind[a] or "" for a in actor.to_pylist()], pa.string())
    table = pa.table(
        {
            "group": pc.binary_join_element_wise(loose, kinds, "\x1f"),
            "actor": actor,
            "order": pa.array([order] * len(actor), pa.int8()),
            "row": pc.indices_nonzero(known),
        }
    )
    return table.filter(pc.not_equal(loose, ""))


def check_duplicates(frames: PackageColumns) -> list[Issue]:
    actors = frames.get("actors")
    if actors is None:
        return []
    kind = dict(zip(actors.cells["actor_id"].to_pylist(), actors.cells["actor_type"].to_pylist(), strict=True))
    kind.pop(None, None)
    sources = [(frame, field) for table, field in NAME_FIELDS if (frame := frames.get(table)) is not None]
    named = pa.concat_tables([_named(frame, field, kind, k) for k, (frame, field) in enumerate(sources)])
    groups = named.group_by("group").aggregate([("actor", "count_distinct")])
    shared = groups.filter(pc.greater(groups["actor_count_distinct"], 1))["group"]
    if len(shared) == 0:
        return []
    suspects = named.filter(pc.is_in(named["group"], shared)).sort_by([("order", "ascending"), ("row", "ascending")])
    owner: dict[str, tuple[str, str, int]] = {}  # group → (actor, path, line)
    issues = []
    for group, actor, order, row in zip(
        *(suspects[c].to_pylist() for c in ("group", "actor", "order", "row")), strict=True
    ):
        frame, field = sources[order]
        line = frame.lines_of([row])[0]
        first = owner.setdefault(group, (actor, frame.path, line))
        if first[0] != actor:
            name = frame.values(field, [row])[0]
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field=field,
                    code="duplicate-name",
                    message=f"{name!r} also names {first[0]!r} ({first[1]} line {first[2]}): if both are one {kind[actor]}, merge them",
                    value=actor,
                )
            )
    return issues
