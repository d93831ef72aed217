"""Layer 4, evidence: every actor, event, appointment and relation has evidence, and its certainty
agrees with that evidence (a dispute marks it disputed; 'confirmed' and 'reported' need sources
of a kind that can bear them).

The evidence is summed up per record in one group-by (distinct supporting, disputing and
independent citations); the rules are then masks over each record table. Only the rows reported
are looked at one by one, to name their citations.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..issues import Issue
from .frame import STRING, Frame, Frames

__all__ = ["check_coverage", "RECORD_TABLES"]

RECORD_TABLES = ("actors", "events", "appointments", "relations")


def _citation_kinds(frames: Frames) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """Citation IDs (a later row of one ID wins, as a dict would keep it), partisan and official flags."""
    c = frames.get("citations")
    if c is None:
        return pa.array([], STRING), np.zeros(0, bool), np.zeros(0, bool)
    ids = c.cells["citation_id"]
    partisan = pc.fill_null(pc.equal(c.cells["partisan"], "true"), False).to_numpy(zero_copy_only=False)
    official = pc.fill_null(pc.equal(c.cells["source_type"], "official_document"), False).to_numpy(zero_copy_only=False)
    first = _codes(ids, ids)  # the first row of each row's ID
    last = np.full(len(first), -1)
    rows = np.flatnonzero(first >= 0)
    np.maximum.at(last, first[rows], rows)  # the last row of each ID, at its first row's place
    keep = last[last >= 0]
    take = pa.array(keep, pa.int64())
    return ids.take(take), partisan[keep], official[keep]


def _codes(values: pa.Array, value_set: pa.Array) -> np.ndarray:
    """The index of each value in ``value_set`` (its first occurrence), -1 where absent or empty."""
    found = pc.index_in(values, value_set=value_set, skip_nulls=True)
    return pc.fill_null(found, -1).to_numpy(zero_copy_only=False).astype(np.int64)


class _Evidence:
    """The usable evidence rows (table, record and citation filled) and what each citation is."""

    def __init__(self, evidence: Frame, frames: Frames) -> None:
        cells = evidence.cells
        usable = pc.and_(
            pc.and_(pc.is_valid(cells["record_table"]), pc.is_valid(cells["record_id"])),
            pc.is_valid(cells["citation_id"]),
        )
        self.table = cells["record_table"].filter(usable)
        self.record = cells["record_id"].filter(usable)
        self.citation = cells["citation_id"].filter(usable)
        self.disputes = pc.fill_null(pc.equal(cells["stance"].filter(usable), "disputes"), False).to_numpy(
            zero_copy_only=False
        )
        ids, partisan, official = _citation_kinds(frames)
        self.cited = _codes(self.citation, ids)
        known = self.cited >= 0
        self.unknown = ~known
        self.independent = (
            ~self.disputes & known & ~partisan[np.where(known, self.cited, 0)]
            if len(ids)
            else np.zeros(len(known), bool)
        )
        self.official = self.independent & official[np.where(known, self.cited, 0)] if len(ids) else self.independent


def _verdicts(frame: Frame, ev: _Evidence) -> tuple[np.ndarray, list[str | None]]:
    """The rows of a record table that break an evidence rule, and the rule each breaks."""
    key = frame.spec.primary_key[0]
    ids = frame.cells[key]
    n = frame.n
    mine = pc.equal(ev.table, frame.spec.name).to_numpy(zero_copy_only=False)
    owner = _codes(ev.record.filter(pa.array(mine)), ids)  # evidence row -> first row of its record
    row = _codes(ids, ids)  # each row -> first row with its ID

    def per_row(mask: np.ndarray) -> np.ndarray:
        hit = owner[mask[mine] & (owner >= 0)]
        counts = np.bincount(hit, minlength=n) if n else np.zeros(0, np.int64)
        return np.where(row >= 0, counts[np.maximum(row, 0)], 0) if n else counts

    everything = np.ones(len(ev.disputes), bool)
    total, disputing = per_row(everything), per_row(ev.disputes)
    supporting_rows = total - disputing
    has_id = row >= 0
    code: list[str | None] = [None] * n
    cases = [
        ("missing-evidence", has_id & (total == 0)),
        ("no-supporting-evidence", has_id & (total > 0) & (supporting_rows == 0)),
    ]
    if "certainty" in frame.spec.field_names:
        cert = frame.cells["certainty"]
        judged = frame.good("certainty").to_numpy(zero_copy_only=False) & has_id & (supporting_rows > 0)
        judged &= per_row(ev.unknown) == 0
        is_ = lambda v: pc.fill_null(pc.equal(cert, v), False).to_numpy(zero_copy_only=False)  # noqa: E731
        independent = per_row(ev.independent) > 0
        confirmable = (per_row(ev.official) > 0) | (
            independent & _two_or_more(frame, ev, owner, mine, row, judged & is_("confirmed"))
        )
        cases += [
            ("dispute-not-marked", judged & (disputing > 0) & ~is_("disputed")),
            ("disputed-without-dispute", judged & is_("disputed") & (disputing == 0)),
            ("certainty-too-high", judged & is_("confirmed") & ~confirmable),
            ("certainty-too-high", judged & is_("reported") & ~independent),
        ]
    for name, when in cases:
        for i in np.flatnonzero(when).tolist():
            if code[i] is None:
                code[i] = name
    flagged = np.array([i for i, c in enumerate(code) if c is not None], np.int64)
    return flagged, [code[i] for i in flagged.tolist()]


def _two_or_more(
    frame: Frame, ev: _Evidence, owner: np.ndarray, mine: np.ndarray, row: np.ndarray, asked: np.ndarray
) -> np.ndarray:
    """Per row: are two or more distinct citations supporting it? Counted only for the rows ``asked``."""
    result = np.zeros(frame.n, bool)
    if not asked.any():
        return result
    wanted = np.zeros(frame.n, bool)
    wanted[row[asked]] = True
    sup = ~ev.disputes[mine] & (owner >= 0)
    sup[sup] = wanted[owner[sup]]
    pairs = np.unique(
        np.stack([owner[sup], _codes(ev.citation.filter(pa.array(mine)), ev.citation.filter(pa.array(mine)))[sup]]),
        axis=1,
    )
    counts = np.bincount(pairs[0], minlength=frame.n)
    result[asked] = counts[row[asked]] >= 2
    return result


def _message(code: str, name: str, rid: str, certainty: str, supporting: set[str], disputing: set[str]) -> str:
    sup = ", ".join(sorted(supporting))
    if code == "missing-evidence":
        return f"{name} row {rid!r} has no evidence row (add one to data/evidence.csv with record_table {name})"
    if code == "no-supporting-evidence":
        return f"every evidence row for {rid!r} disputes it; none supports it"
    if code == "dispute-not-marked":
        return f"certainty is {certainty!r} but {', '.join(sorted(disputing))} disputes it: set it to 'disputed'"
    if code == "disputed-without-dispute":
        return "certainty is 'disputed' but no evidence row has stance 'disputes' for this row"
    if certainty == "confirmed":
        return f"'confirmed' needs two citations (one not partisan) or a non-partisan official document; supported by {sup}"
    verb = "is" if len(supporting) == 1 else "are"
    return f"'reported' needs a non-partisan citation; {sup} {verb} partisan: use 'alleged'"


def check_coverage(frames: Frames) -> list[Issue]:
    evidence_frame = frames.get("evidence")
    if evidence_frame is None:
        return []
    ev = _Evidence(evidence_frame, frames)
    issues: list[Issue] = []
    for name in RECORD_TABLES:
        frame = frames.get(name)
        if frame is None:
            continue
        rows, codes = _verdicts(frame, ev)
        if not len(rows):
            continue
        key = frame.spec.primary_key[0]
        rids = frame.values(key, rows.tolist())
        mine = pc.and_(pc.equal(ev.table, name), pc.is_in(ev.record, pa.array(sorted(set(rids)), STRING)))
        supporting: dict[str, set[str]] = defaultdict(set)
        disputing: dict[str, set[str]] = defaultdict(set)
        disputes = pa.array(ev.disputes).filter(mine).to_pylist()
        for rid, cid, d in zip(
            ev.record.filter(mine).to_pylist(), ev.citation.filter(mine).to_pylist(), disputes, strict=True
        ):
            (disputing if d else supporting)[rid].add(cid)
        certainty = frame.values("certainty", rows.tolist()) if "certainty" in frame.cells else [None] * len(rows)
        for line, rid, cert, code in zip(frame.lines_of(rows.tolist()), rids, certainty, codes, strict=True):
            message = _message(code, name, rid, cert, supporting[rid], disputing[rid])  # type: ignore[arg-type]
            issues.append(Issue(frame.path, line, key if code in _KEYED else "certainty", code, message))
    return issues


_KEYED = ("missing-evidence", "no-supporting-evidence")
