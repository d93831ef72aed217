"""Layer 4, rows that contradict themselves or the rows they point to.

- ``self-tie``: a relation from an actor to itself.
- ``outside-lifetime``: a post held, an event taken part in or a tie begun before a person was born
  or after they died; a body's appointments before it was founded or after it was dissolved. (A
  tie with an organisation may begin before its formal founding: movements act before they are
  named, so ties are held to persons' lives only.)
- ``cited-before-published``: a source cited for an event or a tie that began after the source was
  published (an appointment may be announced before it starts, so appointments are not held to it).
- ``future-date``: a date after today, in any table.

Every comparison is precision-aware: a row is flagged only when it is certainly outside, on every
reading of both dates (``PartialDate.earliest_possible`` / ``latest_possible``), so a source of
``2021`` may report August 2021 and a tie of ``1996~`` may begin in 1995. The joins are Arrow
look-ups (``index_in``) and the comparisons are on ISO day text, column by column.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import where
from ..schema.patterns import DAY_PATTERN, PARTIAL_DATE_PATTERN
from .bounds import day_bounds
from .columns import PackageColumns, TableColumns
from .issues import Issue

__all__ = ["check_consistency"]

# Roles in which an actor need not be alive or in being: an event about it, or done to it.
NOT_PRESENT = ("subject", "target")


def _lives(actors: TableColumns) -> tuple[pa.Array, pa.Array, pa.Array, pa.Array]:
    """Per actor row: its ID, type, the earliest day it may have begun and the latest day it may have
    ended (null where undated, open or ongoing)."""
    began, _ = day_bounds(actors.cells["start_date"]) if "start_date" in actors.present else (None, None)
    _, ended = day_bounds(actors.cells["end_date"]) if "end_date" in actors.present else (None, None)
    n = actors.n
    nulls = pa.nulls(n, pa.string())
    ids = actors.cells["actor_id"]
    kinds = actors.cells["actor_type"] if "actor_type" in actors.present else nulls
    return ids, kinds, began if began is not None else nulls, ended if ended is not None else nulls


def _outside(
    frame: TableColumns,
    rows_lo: pa.Array,
    rows_hi: pa.Array,
    refs: pa.Array,
    lives: tuple[pa.Array, pa.Array, pa.Array, pa.Array],
    date_field: str,
    ref_field: str,
    what: str,
    only_persons: bool = False,
    mask: pa.Array | None = None,
) -> list[Issue]:
    ids, kinds, began, ended = lives
    index = pc.index_in(refs, value_set=ids)
    born, died, kind = began.take(index), ended.take(index), kinds.take(index)
    before = pc.fill_null(pc.less(rows_hi, born), False)
    after = pc.fill_null(pc.greater(rows_lo, died), False)
    wrong = pc.or_(before, after)
    if only_persons:
        wrong = pc.and_(wrong, pc.fill_null(pc.equal(kind, "person"), False))
    if mask is not None:
        wrong = pc.and_(wrong, pc.fill_null(mask, False))
    rows = where(wrong)
    issues = []
    for i, line in zip(rows, frame.lines_of(rows), strict=True):
        actor, kind_i = refs[i].as_py(), kind[i].as_py()
        person = kind_i == "person"
        if before[i].as_py():
            when = f"{rows_hi[i].as_py()} at the latest"
            why = f"before {actor!r} was {'born' if person else 'founded'} ({born[i].as_py()} at the earliest)"
        else:
            when = f"{rows_lo[i].as_py()} at the earliest"
            why = f"after {actor!r} {'died' if person else 'ended'} ({died[i].as_py()} at the latest)"
        issues.append(
            Issue(
                path=frame.path,
                line=line,
                field=date_field,
                code="outside-lifetime",
                message=f"{what} ({ref_field} {actor!r}) falls on {when}, {why}: check both dates against their sources",
                value=actor,
            )
        )
    return issues


def _lifetimes(frames: PackageColumns) -> list[Issue]:
    actors = frames.get("actors")
    if actors is None or "actor_id" not in actors.present:
        return []
    lives = _lives(actors)
    issues: list[Issue] = []
    appointments = frames.get("appointments")
    if appointments is not None and "start_date" in appointments.present:
        lo, hi = day_bounds(appointments.cells["start_date"])
        for ref, what, persons in (("person_id", "the post", True), ("organization_id", "the appointment", False)):
            if ref in appointments.present:
                issues += _outside(
                    appointments, lo, hi, appointments.cells[ref], lives, "start_date", ref, what, persons
                )
    relations = frames.get("relations")
    if relations is not None and "start_date" in relations.present:
        lo, hi = day_bounds(relations.cells["start_date"])
        for ref in ("source_id", "target_id"):
            if ref in relations.present:
                issues += _outside(relations, lo, hi, relations.cells[ref], lives, "start_date", ref, "the tie", True)
    participants, events = frames.get("participants"), frames.get("events")
    if participants is not None and events is not None and "date" in events.present:
        index = pc.index_in(participants.cells["event_id"], value_set=events.cells["event_id"])
        lo, hi = (side.take(index) for side in day_bounds(events.cells["date"]))  # null where no such event
        present = pc.invert(pc.is_in(participants.cells["role"], pa.array(NOT_PRESENT, pa.string())))
        issues += _outside(
            participants, lo, hi, participants.cells["actor_id"], lives, "actor_id", "actor_id",
            "the event it took part in", True, present,
        )  # fmt: skip
    return issues


def _self_ties(frames: PackageColumns) -> list[Issue]:
    relations = frames.get("relations")
    if relations is None or not {"source_id", "target_id"} <= relations.present:
        return []
    rows = where(pc.equal(relations.cells["source_id"], relations.cells["target_id"]))
    return [
        Issue(
            path=relations.path,
            line=line,
            field="target_id",
            code="self-tie",
            message=f"the tie runs from {actor!r} to itself",
            value=actor,
        )
        for line, actor in zip(relations.lines_of(rows), relations.values("source_id", rows), strict=True)
    ]


def _sources_before(frames: PackageColumns) -> list[Issue]:
    evidence, citations = frames.get("evidence"), frames.get("citations")
    if evidence is None or citations is None or "published" not in citations.present:
        return []
    _, published = day_bounds(citations.cells["published"])
    cited = pc.index_in(evidence.cells["citation_id"], value_set=citations.cells["citation_id"])
    published_by = published.take(cited)
    # A context row that dates a record cannot precede it either; only a disputing row may.
    supports = pc.fill_null(pc.not_equal(evidence.cells["stance"], "disputes"), False)
    issues = []
    for table, field in (("events", "date"), ("relations", "start_date")):
        target = frames.get(table)
        if target is None or field not in target.present:
            continue
        began, _ = day_bounds(target.cells[field])
        key = target.spec.primary_key[0]
        index = pc.index_in(evidence.cells["record_id"], value_set=target.cells[key])
        mine = pc.and_(supports, pc.fill_null(pc.equal(evidence.cells["record_table"], table), False))
        start = began.take(index)
        rows = where(pc.and_(mine, pc.fill_null(pc.less(published_by, start), False)))
        for i, line in zip(rows, evidence.lines_of(rows), strict=True):
            cid, rid = evidence.cells["citation_id"][i].as_py(), evidence.cells["record_id"][i].as_py()
            issues.append(
                Issue(
                    path=evidence.path,
                    line=line,
                    field="citation_id",
                    code="cited-before-published",
                    message=f"{cid!r} was published by {published_by[i].as_py()} at the latest, but {table} {rid!r} began "
                    f"{start[i].as_py()} at the earliest: a source cannot report what had not begun (check both dates)",
                    value=rid,
                )
            )
    return issues


def _future(frames: PackageColumns, today: dt.date) -> list[Issue]:
    issues = []
    limit = today.isoformat()
    for frame, f in frames.fields(lambda f: f.pattern in (PARTIAL_DATE_PATTERN, DAY_PATTERN)):
        good = frame.good(f.name)
        if f.pattern == DAY_PATTERN:
            earliest = frame.cells[f.name]
        else:
            earliest, _ = day_bounds(frame.cells[f.name])
        rows = where(pc.and_(good, pc.fill_null(pc.greater(earliest, limit), False)))
        for line, value in zip(frame.lines_of(rows), frame.values(f.name, rows), strict=True):
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field=f.name,
                    code="future-date",
                    message=f"{f.name} {value!r} is after today ({limit})",
                    value=value,
                )
            )
    return issues


def check_consistency(frames: PackageColumns, today: dt.date | None = None) -> list[Issue]:
    today = today or dt.date.today()
    return _self_ties(frames) + _lifetimes(frames) + _sources_before(frames) + _future(frames, today)
