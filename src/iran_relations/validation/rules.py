"""Layer 4: the dataset's own rules across rows and tables.

Start before end; every actor, event, appointment and relation has evidence; certainty agrees
with that evidence; appointees are persons; parent organisations do not loop.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..issues import Issue
from ..partial_date import PartialDate, PartialDateError
from ..table_schema import PackageSpec
from .conformance import CheckedTable, Row

__all__ = ["check_rules"]

RECORD_TABLES = ("actors", "events", "appointments", "relations")
DATE_PAIRS = {
    "actors": ("start_date", "end_date"),
    "events": ("date", "end_date"),
    "appointments": ("start_date", "end_date"),
    "relations": ("start_date", "end_date"),
}


@dataclass
class _Support:
    """What the evidence rows say about one record."""

    supporting: set[str] = field(default_factory=set)  # citation IDs
    disputing: set[str] = field(default_factory=set)


def _date(value: str | None) -> PartialDate | None:
    try:
        return PartialDate.parse(value) if value else None
    except PartialDateError:
        return None


def _check_dates(t: CheckedTable) -> list[Issue]:
    start, end = DATE_PAIRS.get(t.spec.name, (None, None))
    if start is None or start not in t.spec.field_names:
        return []
    issues = []
    for row in t.rows:
        if start in row.bad_fields or end in row.bad_fields:
            continue
        a, b = _date(row.values.get(start)), _date(row.values.get(end))
        if a and b and a.is_after(b):
            issues.append(Issue(t.spec.path, row.line, end, "date-order", f"{end} {b} is before {start} {a}"))
    return issues


def _evidence_by_record(evidence: CheckedTable | None) -> dict[tuple[str, str], _Support]:
    found: dict[tuple[str, str], _Support] = defaultdict(_Support)
    if evidence is None:
        return found
    for row in evidence.rows:
        v = row.values
        if v.get("record_table") and v.get("record_id") and v.get("citation_id"):
            s = found[(v["record_table"], v["record_id"])]  # type: ignore[index]
            (s.disputing if v.get("stance") == "disputes" else s.supporting).add(v["citation_id"])  # type: ignore[arg-type]
    return found


def _certainty_issue(
    t: CheckedTable, row: Row, s: _Support, citations: dict[str, dict[str, str | None]]
) -> Issue | None:
    certainty = row.values.get("certainty")
    if certainty is None or "certainty" in row.bad_fields:
        return None
    if any(c not in citations for c in s.supporting | s.disputing):
        return None  # a dangling citation is reported as such; its nature is unknown, so no verdict here
    path, line = t.spec.path, row.line

    def partisan(c: str) -> bool:
        return (citations.get(c) or {}).get("partisan") == "true"

    independent = [c for c in s.supporting if c in citations and not partisan(c)]
    if s.disputing and certainty != "disputed":
        return Issue(
            path,
            line,
            "certainty",
            "dispute-not-marked",
            f"certainty is {certainty!r} but {', '.join(sorted(s.disputing))} disputes it: set it to 'disputed'",
        )
    if certainty == "disputed" and not s.disputing:
        return Issue(
            path,
            line,
            "certainty",
            "disputed-without-dispute",
            "certainty is 'disputed' but no evidence row has stance 'disputes' for this row",
        )
    if certainty == "confirmed":
        official = any((citations.get(c) or {}).get("source_type") == "official_document" for c in independent)
        if not (official or (len(s.supporting) >= 2 and independent)):
            return Issue(
                path,
                line,
                "certainty",
                "certainty-too-high",
                f"'confirmed' needs two citations (one not partisan) or a non-partisan official document; supported by {', '.join(sorted(s.supporting))}",
            )
    if certainty == "reported" and not independent:
        return Issue(
            path,
            line,
            "certainty",
            "certainty-too-high",
            f"'reported' needs a non-partisan citation; {', '.join(sorted(s.supporting))} {'is' if len(s.supporting) == 1 else 'are'} partisan: use 'alleged'",
        )
    return None


def _check_evidence_coverage(tables: dict[str, CheckedTable]) -> list[Issue]:
    evidence = tables.get("evidence")
    if evidence is None or not evidence.readable:
        return []
    by_record = _evidence_by_record(evidence)
    cit_table = tables.get("citations")
    citations = (
        {r.values["citation_id"]: r.values for r in cit_table.rows if r.values.get("citation_id")} if cit_table else {}
    )
    issues: list[Issue] = []
    for name in RECORD_TABLES:
        t = tables.get(name)
        if t is None or not t.readable:
            continue
        key = t.spec.primary_key[0]
        for row in t.rows:
            rid = row.values.get(key)
            if rid is None:
                continue
            s = by_record.get((name, rid))
            if s is None:
                issues.append(
                    Issue(
                        t.spec.path,
                        row.line,
                        key,
                        "missing-evidence",
                        f"{name} row {rid!r} has no evidence row (add one to data/evidence.csv with record_table {name})",
                    )
                )
                continue
            if not s.supporting:
                issues.append(
                    Issue(
                        t.spec.path,
                        row.line,
                        key,
                        "no-supporting-evidence",
                        f"every evidence row for {rid!r} disputes it; none supports it",
                    )
                )
                continue
            if "certainty" in t.spec.field_names:
                issue = _certainty_issue(t, row, s, citations)
                if issue:
                    issues.append(issue)
    return issues


def _check_appointees(tables: dict[str, CheckedTable]) -> list[Issue]:
    actors, appointments = tables.get("actors"), tables.get("appointments")
    if actors is None or appointments is None:
        return []
    types = {r.values.get("actor_id"): r.values.get("actor_type") for r in actors.rows}
    issues = []
    for row in appointments.rows:
        pid = row.values.get("person_id")
        kind = types.get(pid)
        if pid is not None and kind is not None and kind != "person":
            issues.append(
                Issue(
                    appointments.spec.path,
                    row.line,
                    "person_id",
                    "appointee-not-person",
                    f"person_id {pid!r} is a {kind}, not a person",
                )
            )
    return issues


def check_rules(spec: PackageSpec, tables: dict[str, CheckedTable]) -> list[Issue]:
    issues: list[Issue] = []
    for t in tables.values():
        issues += _check_dates(t)
    issues += _check_evidence_coverage(tables)
    issues += _check_appointees(tables)
    return issues
