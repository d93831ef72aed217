"""Layer 3: references between rows — every foreign key, and evidence → the record it backs."""

from __future__ import annotations

import pyarrow.compute as pc

from ..issues import Issue
from .coverage import RECORD_TABLES
from .frame import Frames, where

__all__ = ["check_foreign_keys"]


def check_foreign_keys(frames: Frames) -> list[Issue]:
    issues: list[Issue] = []
    for t in frames.spec.tables:
        frame = frames.get(t.name)
        if frame is None:
            continue
        for fk in t.foreign_keys:
            target = frames.get(fk.resource)
            if target is None:
                continue
            value = frame.key(fk.fields)
            checked = pc.is_valid(value)
            for name in fk.fields:
                checked = pc.and_(checked, pc.invert(frame.bad[name]))
            known = target.key(fk.reference_fields)
            rows = where(pc.and_(checked, pc.invert(pc.is_in(value, known.filter(pc.is_valid(known))))))
            ref = f"{fk.resource}.{', '.join(fk.reference_fields)}"
            parts = list(zip(*(frame.values(name, rows) for name in fk.fields), strict=True))
            for line, value in zip(frame.lines_of(rows), parts, strict=True):
                shown = value[0] if len(value) == 1 else value
                issues.append(
                    Issue(
                        t.path,
                        line,
                        fk.fields[0],
                        "foreign-key-error",
                        f"{fk.fields[0]} {shown!r} does not match any {ref} (check the spelling, or add that row)",
                    )
                )
    return issues + _check_evidence_targets(frames)


def _check_evidence_targets(frames: Frames) -> list[Issue]:
    evidence = frames.get("evidence")
    if evidence is None:
        return []
    issues = []
    table, record = evidence.cells["record_table"], evidence.cells["record_id"]
    for name in RECORD_TABLES:
        target = frames.get(name)
        if target is None:
            continue
        known = target.key(target.spec.primary_key)
        dangling = pc.and_(
            pc.and_(pc.equal(table, name), evidence.good("record_id")),
            pc.invert(pc.is_in(record, known.filter(pc.is_valid(known)))),
        )
        rows = where(dangling)
        for line, rid in zip(evidence.lines_of(rows), evidence.values("record_id", rows), strict=True):
            issues.append(
                Issue(
                    evidence.path,
                    line,
                    "record_id",
                    "dangling-evidence",
                    f"record_id {rid!r} is not an ID in {name}; the evidence backs nothing",
                )
            )
    return issues
