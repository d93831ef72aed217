"""Layer 4: the dataset's own rules across rows and tables, other than evidence.

Start before end (for every EDTF form), '..' (ongoing) only in end dates, appointees are persons
and bodies are not,
a catch-all tie says why it is no more specific, and a copy read is recorded whole. Evidence coverage and certainty are in
:mod:`.coverage`; loops in :mod:`.cycles`; duplicate entities in :mod:`.duplicates`.
"""

from __future__ import annotations

import pyarrow.compute as pc

from ..io.arrays import where
from ..schema.partial_date import ONGOING, PARTIAL_DATE_PATTERN, PartialDate
from .bounds import day_bounds
from .columns import PackageColumns, TableColumns
from .issues import Issue

__all__ = ["check_rules", "CATCH_ALL"]

# The relation type for support of a kind no source names (schemas/relations.json says so).
CATCH_ALL = "supports"


def _check_dates(frame: TableColumns) -> list[Issue]:
    start, end = frame.spec.span
    if start is None or end is None or start not in frame.spec.field_names or end not in frame.spec.field_names:
        return []
    both = pc.and_(frame.good(start), frame.good(end))
    if not pc.any(both).as_py():
        return []
    first, _ = day_bounds(frame.cells[start].filter(both))
    _, last = day_bounds(frame.cells[end].filter(both))
    reversed_ = pc.fill_null(pc.greater(first, last), False)
    rows = where(both)
    rows = [rows[i] for i in where(reversed_)]
    issues = []
    for line, a, b in zip(frame.lines_of(rows), frame.values(start, rows), frame.values(end, rows), strict=True):
        issues.append(
            Issue(
                path=frame.path,
                line=line,
                field=end,
                code="date-order",
                message=f"{end} {PartialDate.parse(str(b))} is before {start} {PartialDate.parse(str(a))}",
                value=b,
            )
        )
    return issues


def _check_ongoing(frame: TableColumns) -> list[Issue]:
    """'..' outside an end date, or in an end date whose row gives a reason it ended."""
    end = frame.spec.span[1]
    issues = []
    for f in frame.spec.fields:
        if f.pattern != PARTIAL_DATE_PATTERN or f.name not in frame.present:
            continue
        rows = where(pc.and_(frame.good(f.name), pc.equal(frame.cells[f.name], ONGOING)))
        if f.name == end and "end_reason" in frame.present:
            rows = [i for i, reason in zip(rows, frame.values("end_reason", rows), strict=True) if reason]
            why = "the row gives an end_reason, so it has ended: give the end date, or leave it empty if not sourced"
        elif f.name == end:
            continue
        else:
            why = f"'..' (ongoing) belongs in {end} only" if end else "'..' (ongoing) belongs in an end date only"
        issues += [
            Issue(path=frame.path, line=line, field=f.name, code="ongoing-misused", message=f"{f.name} '..': {why}")
            for line in frame.lines_of(rows)
        ]
    return issues


# Actors of the wrong kind in an appointment: (field, code, whether a kind is wrong there, why).
ROLES = (
    ("person_id", "appointee-not-person", lambda kind: kind != "person", ", not a person"),
    (
        "organization_id",
        "body-not-organization",
        lambda kind: kind == "person",
        ", not a body: the body goes here, the person in person_id",
    ),
)


def _check_roles(frames: PackageColumns) -> list[Issue]:
    """The appointee of a post is a person, and its body is not."""
    actors, appointments = frames.get("actors"), frames.get("appointments")
    if actors is None or appointments is None:
        return []
    issues = []
    for field, code, wrong, why in ROLES:
        if field not in appointments.present:
            continue
        index = pc.index_in(appointments.cells[field], value_set=actors.cells["actor_id"])
        kinds = actors.cells["actor_type"].take(index).to_pylist()
        rows = [i for i, kind in enumerate(kinds) if kind is not None and wrong(kind)]
        for i, line in zip(rows, appointments.lines_of(rows), strict=True):
            value = appointments.cells[field][i].as_py()
            issues.append(
                Issue(
                    path=appointments.path,
                    line=line,
                    field=field,
                    code=code,
                    message=f"{field} {value!r} is a {kinds[i]}{why}",
                    value=value,
                )
            )
    return issues


def _check_catch_all(frames: PackageColumns) -> list[Issue]:
    """A 'supports' relation needs an evidence row whose note says why it is no more specific."""
    relations, evidence = frames.get("relations"), frames.get("evidence")
    if relations is None or evidence is None or "relation_type" not in relations.present:
        return []
    rows = where(pc.fill_null(pc.equal(relations.cells["relation_type"], CATCH_ALL), False))
    if not rows:
        return []
    noted = pc.and_(pc.equal(evidence.cells["record_table"], "relations"), pc.is_valid(evidence.cells["note"]))
    explained = set(evidence.cells["record_id"].filter(pc.fill_null(noted, False)).to_pylist())
    ids = relations.values("relation_id", rows)
    return [
        Issue(
            path=relations.path,
            line=line,
            field="relation_type",
            code="catch-all-unexplained",
            message=f"relation {rid!r} is of the catch-all type '{CATCH_ALL}' and no evidence note says why: name what was given, or note that the source says no more",
            value=rid,
        )
        for line, rid in zip(relations.lines_of(rows), ids, strict=True)
        if rid not in explained
    ]


def _check_copies(frames: PackageColumns) -> list[Issue]:
    """copy_kind goes with copy_url or copy_publisher, and a copy's address is not the original's."""
    citations = frames.get("citations")
    if citations is None or not {"copy_url", "copy_publisher", "copy_kind"} <= citations.present:
        return []
    url, publisher, kind = (pc.is_valid(citations.cells[n]) for n in ("copy_url", "copy_publisher", "copy_kind"))
    named = pc.or_(url, publisher)
    same = pc.fill_null(pc.equal(citations.cells["url"], citations.cells["copy_url"]), False)
    bad = pc.or_(pc.or_(pc.xor(named, kind), same), pc.and_(kind, pc.invert(named)))
    rows = where(pc.and_(pc.fill_null(bad, False), pc.invert(citations.bad["copy_kind"])))
    issues = []
    for line, i in zip(citations.lines_of(rows), rows, strict=True):
        values = citations.row(i)
        if values["url"] and values["url"] == values["copy_url"]:
            why = "copy_url is the original's own address (url): leave copy fields empty when the original was read"
        elif values["copy_kind"]:
            why = f"copy_kind is {values['copy_kind']!r} but neither copy_url nor copy_publisher says which copy"
        else:
            why = "a copy is named (copy_url or copy_publisher) but copy_kind does not say what kind"
        issues.append(Issue(path=citations.path, line=line, field="copy_kind", code="copy-incomplete", message=why))
    return issues


def check_rules(frames: PackageColumns) -> list[Issue]:
    issues: list[Issue] = []
    for frame in frames:
        if frame.readable:
            issues += _check_dates(frame) + _check_ongoing(frame)
    return issues + _check_roles(frames) + _check_catch_all(frames) + _check_copies(frames)
