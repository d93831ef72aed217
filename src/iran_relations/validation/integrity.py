"""Layer 3: references between rows — every foreign key, and evidence → the record it backs.

Both are look-ups of codes in a space of :mod:`.keys`: a value points at nothing when no row of
the target holds its code.
"""

from __future__ import annotations

import difflib
from collections import defaultdict

import numpy as np
import pyarrow.compute as pc

from ..io.arrays import where
from ..schema.table_schema import ForeignKey
from .columns import PackageColumns, TableColumns
from .issues import Issue
from .keys import Keys

__all__ = ["check_foreign_keys", "nearest"]

# Suggestions are looked for only for this many distinct dangling values per reference: a
# file of broken references gets its first suggestions fast rather than all of them slowly.
SUGGESTED = 50


def nearest(values: list[str], known: list[str]) -> dict[str, str]:
    """The existing ID closest in spelling to each value (difflib), among IDs sharing its first
    letter, for "did you mean"; values with nothing close are left out."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for k in known:
        if k:
            by_first[k[0]].append(k)
    out = {}
    for v in list(dict.fromkeys(values))[:SUGGESTED]:
        close = difflib.get_close_matches(v, by_first.get(v[:1], []), n=1, cutoff=0.7) if v else []
        if close:
            out[v] = close[0]
    return out


def _dangling(frame: TableColumns, fk: ForeignKey, target: TableColumns, keys: Keys) -> list[int]:
    """Rows whose (judged, filled) reference matches no row of the target."""
    checked = pc.is_valid(frame.key(fk.fields))
    for name in fk.fields:
        checked = pc.and_(checked, pc.invert(frame.bad[name]))
    if len(fk.fields) == 1:
        codes = keys.codes(frame.spec.name, fk.fields[0])
        known = keys.known(fk.resource, fk.reference_fields[0], keys.size(frame.spec.name, fk.fields[0]))
        missing = np.zeros(len(codes), bool)
        missing[codes >= 0] = ~known[codes[codes >= 0]]
        return np.flatnonzero(missing & checked.to_numpy(zero_copy_only=False)).tolist()
    wanted = target.key(fk.reference_fields)  # compound references: compared as text
    return where(pc.and_(checked, pc.invert(pc.is_in(frame.key(fk.fields), wanted.filter(pc.is_valid(wanted))))))


def check_foreign_keys(frames: PackageColumns, keys: Keys) -> list[Issue]:
    issues: list[Issue] = []
    for t in frames.spec.tables:
        frame = frames.get(t.name)
        if frame is None:
            continue
        for fk in t.foreign_keys:
            target = frames.get(fk.resource)
            if target is None:
                continue
            rows = _dangling(frame, fk, target, keys)
            ref = f"{fk.resource}.{', '.join(fk.reference_fields)}"
            parts = list(zip(*(frame.values(name, rows) for name in fk.fields), strict=True))
            hints: dict[str, str] = {}
            if rows and len(fk.fields) == 1:
                ids = target.cells[fk.reference_fields[0]]
                hints = nearest([p[0] for p in parts], ids.filter(pc.is_valid(ids)).to_pylist())
            for line, value in zip(frame.lines_of(rows), parts, strict=True):
                shown = value[0] if len(value) == 1 else value
                hint = f"did you mean {hints[shown]!r}? " if isinstance(shown, str) and shown in hints else ""
                issues.append(
                    Issue(
                        path=t.path,
                        line=line,
                        field=fk.fields[0],
                        code="foreign-key-error",
                        message=f"{fk.fields[0]} {shown!r} does not match any {ref} ({hint}check the spelling, or add that row)",
                        value=str(shown),
                    )
                )
    return issues + _check_evidence_targets(frames, keys) + _check_redirects(frames)


def _check_evidence_targets(frames: PackageColumns, keys: Keys) -> list[Issue]:
    evidence = frames.get("evidence")
    if evidence is None:
        return []
    issues = []
    good = evidence.good("record_id").to_numpy(zero_copy_only=False)
    for name in keys.record_tables():
        target = frames.tables[name]
        codes = keys.codes("evidence", "record_id", name)
        known = keys.known(name, target.spec.primary_key[0], keys.size("evidence", "record_id", name))
        dangling = np.zeros(len(codes), bool)
        dangling[codes >= 0] = ~known[codes[codes >= 0]]
        rows = np.flatnonzero(dangling & good).tolist()
        rids = evidence.values("record_id", rows)
        hints: dict[str, str] = {}
        if rows:
            ids = target.cells[target.spec.primary_key[0]]
            hints = nearest([r for r in rids if r], ids.filter(pc.is_valid(ids)).to_pylist())
        for line, rid in zip(evidence.lines_of(rows), rids, strict=True):
            hint = f" (did you mean {hints[rid]!r}?)" if rid in hints else ""
            issues.append(
                Issue(
                    path=evidence.path,
                    line=line,
                    field="record_id",
                    code="dangling-evidence",
                    message=f"record_id {rid!r} is not an ID in {name}{hint}; the evidence backs nothing",
                    value=rid,
                )
            )
    return issues


def _check_redirects(frames: PackageColumns) -> list[Issue]:
    """Each redirect leads to a row of its table, and comes from an ID no row has any more."""
    redirects = frames.get("redirects")
    if redirects is None:
        return []
    issues = []
    kinds = redirects.cells["record_table"]
    for name in sorted(set(pc.unique(kinds.filter(pc.is_valid(kinds))).to_pylist())):
        target = frames.get(name)
        if target is None or len(target.spec.primary_key) != 1:
            continue
        ids = target.cells[target.spec.primary_key[0]]
        mine = pc.fill_null(pc.equal(kinds, name), False)
        for field, code, missing in (("new_id", "dangling-redirect", True), ("old_id", "redirect-shadows-row", False)):
            values = redirects.cells[field]
            found = pc.fill_null(pc.is_in(values, ids.filter(pc.is_valid(ids))), False)
            wrong = pc.and_(pc.and_(mine, redirects.good(field)), pc.invert(found) if missing else found)
            rows = where(wrong)
            for line, value in zip(redirects.lines_of(rows), redirects.values(field, rows), strict=True):
                if missing:
                    message = f"new_id {value!r} is not an ID in {name}: the redirect leads nowhere"
                else:
                    message = f"old_id {value!r} is still the ID of a row in {name}: delete the redirect or the row"
                issues.append(Issue(path=redirects.path, line=line, field=field, code=code, message=message))
    return issues
