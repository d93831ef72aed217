"""Layer 4, evidence: every actor, event, appointment and relation has evidence, and its certainty
agrees with that evidence (a dispute marks it disputed; 'confirmed' and 'reported' need sources
of a kind that can bear them: not partisan, not only reporting a party's claim, not tertiary alone).

The evidence is counted per record with numpy over the key codes of :mod:`.keys` (supporting,
disputing and independent citations); the rules are then masks over each record table. Only the rows reported
are looked at one by one, to name their citations.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pyarrow.compute as pc

from .columns import PackageColumns, TableColumns
from .issues import Issue
from .keys import Keys, first_rows, last_rows

__all__ = ["check_coverage"]


def _flag(frame: TableColumns, name: str, value: str) -> np.ndarray:
    return pc.fill_null(pc.equal(frame.cells[name], value), False).to_numpy(zero_copy_only=False)


def _filled(frame: TableColumns, name: str) -> np.ndarray:
    return pc.is_valid(frame.cells[name]).to_numpy(zero_copy_only=False)


class _Evidence:
    """Per evidence row: usable (table, record and citation filled), its stance, what its citation is.

    Only 'supports' rows count as support; a 'context' row (a date, place or background the record
    uses from a source that does not state its claim) counts towards neither support nor dispute."""

    def __init__(self, evidence: TableColumns, frames: PackageColumns, keys: Keys) -> None:
        self.frame = evidence
        self.usable = (
            _filled(evidence, "record_table") & _filled(evidence, "record_id") & _filled(evidence, "citation_id")
        )
        self.disputes = self.usable & _flag(evidence, "stance", "disputes")
        self.supports = self.usable & _flag(evidence, "stance", "supports")
        self.citation = keys.codes("evidence", "citation_id")
        citations = frames.get("citations")
        self.group = self.citation
        if citations is None:
            known = np.zeros(evidence.n, bool)
            self.independent = self.official = self.original = known
        else:
            # A citation ID given twice: its last row says what it is, as a dict would keep it.
            last = last_rows(keys.codes("citations", "citation_id"), keys.size("evidence", "citation_id"))
            row = np.where(self.citation >= 0, last[self.citation.clip(0)], -1)
            known = row >= 0
            if "partisan" in citations.present:
                # A partisan cell the schema rejected says nothing either way: judge no certainty on it.
                rejected = pc.fill_null(citations.bad["partisan"], False).to_numpy(zero_copy_only=False)
                known &= ~np.append(rejected, False)[row]
            partisan = np.append(_flag(citations, "partisan", "true"), False)[row]
            official = np.append(_flag(citations, "source_type", "official_document"), False)[row]
            tertiary = np.append(_flag(citations, "source_class", "tertiary"), False)[row]
            # A claim a source only reports from a party to the matter is that party's claim.
            party = (
                _flag(evidence, "claimant", "party") if "claimant" in evidence.present else np.zeros(evidence.n, bool)
            )
            # Sources that count towards 'confirmed': not tertiary, not only reporting a party's claim,
            # and a source known only through another that quotes it (via_id) counts as that other.
            self.group = _roots(citations, keys, self.citation)
            # A source and the one it is known through (via_id) are one source: partisan if either is.
            through = np.where(self.group >= 0, last[self.group.clip(0)], -1) if len(last) else row
            partisan |= np.append(_flag(citations, "partisan", "true"), False)[through]
            self.independent = self.supports & known & ~partisan & ~party
            self.official = self.independent & official
            self.original = self.supports & known & ~tertiary & ~party
        self.unknown = self.usable & ~known


def _roots(citations: TableColumns, keys: Keys, citation: np.ndarray) -> np.ndarray:
    """Per evidence row, the code of its citation, or of the citation it is known through (via_id)."""
    if "via_id" not in citations.present:
        return citation
    codes = keys.codes("citations", "citation_id")
    ids = citations.cells["citation_id"].to_pylist()
    code_of = {i: int(c) for i, c in zip(ids, codes.tolist(), strict=True) if i is not None and c >= 0}
    # Covers every citation's code even where a broken schema left the two columns in separate spaces.
    root = np.arange(max(keys.size("evidence", "citation_id"), int(codes.max()) + 1 if len(codes) else 0, 1))
    for i, via in zip(ids, citations.cells["via_id"].to_pylist(), strict=True):
        if via is not None and i in code_of and via in code_of:
            root[code_of[i]] = code_of[via]
    return np.where(citation >= 0, root[citation.clip(0)], -1)


def _verdicts(frame: TableColumns, ev: _Evidence, keys: Keys) -> tuple[np.ndarray, list[str | None]]:
    """The rows of a record table that break an evidence rule, and the rule each breaks."""
    name, key = frame.spec.name, frame.spec.primary_key[0]
    n = frame.n
    size = keys.size("evidence", "record_id", name)
    first = first_rows(keys.codes(name, key), size)
    record = keys.codes("evidence", "record_id", name)
    mine = ev.usable & (record >= 0)
    owner = np.where(mine, first[record.clip(0)], -1)  # evidence row -> first row of its record
    codes = keys.codes(name, key)
    row = np.where(codes >= 0, first[codes.clip(0)], -1)  # each row -> first row with its ID

    def per_row(mask: np.ndarray) -> np.ndarray:
        counts = np.bincount(owner[mask & (owner >= 0)], minlength=n)
        return np.where(row >= 0, counts[row.clip(0)], 0) if n else counts

    total, disputing, supporting_rows = per_row(ev.usable), per_row(ev.disputes), per_row(ev.supports)
    has_id = row >= 0
    code: list[str | None] = [None] * n
    cases = [
        ("missing-evidence", has_id & (total == 0)),
        ("no-supporting-evidence", has_id & (total > 0) & (supporting_rows == 0)),
    ]
    if "certainty" in frame.spec.field_names:
        judged = frame.good("certainty").to_numpy(zero_copy_only=False) & has_id & (supporting_rows > 0)
        judged &= per_row(ev.unknown) == 0
        independent = per_row(ev.independent) > 0
        confirmed, reported, disputed, alleged = (
            _flag(frame, "certainty", v) for v in ("confirmed", "reported", "disputed", "alleged")
        )
        confirmable = (per_row(ev.official) > 0) | (independent & _two_or_more(n, ev, owner, row, judged & confirmed))
        cases += [
            ("dispute-not-marked", judged & (disputing > 0) & ~disputed),
            ("disputed-without-dispute", judged & disputed & (disputing == 0)),
            ("certainty-too-high", judged & confirmed & ~confirmable),
            ("certainty-too-high", judged & reported & ~independent),
            # 'alleged' has one meaning: only a party or a partisan source makes the claim.
            ("certainty-too-low", judged & alleged & independent),
        ]
    for _, when in cases:
        for i in np.flatnonzero(when).tolist():
            if code[i] is None:
                code[i] = _
    flagged = np.array([i for i, c in enumerate(code) if c is not None], np.int64)
    return flagged, [code[i] for i in flagged.tolist()]


def _two_or_more(n: int, ev: _Evidence, owner: np.ndarray, row: np.ndarray, asked: np.ndarray) -> np.ndarray:
    """Per row: do two or more independent sources that are not tertiary support it? Counted only for
    the rows ``asked``."""
    result = np.zeros(n, bool)
    if not asked.any():
        return result
    wanted = np.zeros(n, bool)
    wanted[row[asked]] = True
    sup = ev.original & (owner >= 0)
    sup[sup] = wanted[owner[sup]]
    pairs = np.unique(np.stack([owner[sup], ev.group[sup]]), axis=1)
    counts = np.bincount(pairs[0], minlength=n)
    result[asked] = counts[row[asked]] >= 2
    return result


def _message(code: str, name: str, rid: str, certainty: str, supporting: set[str], disputing: set[str]) -> str:
    sup = ", ".join(sorted(supporting))
    if code == "missing-evidence":
        return f"{name} row {rid!r} has no evidence row (add one to data/evidence.csv with record_table {name})"
    if code == "no-supporting-evidence":
        return f"no evidence row for {rid!r} supports it (each disputes it or gives only context): add a source that states it"
    if code == "dispute-not-marked":
        return f"certainty is {certainty!r} but {', '.join(sorted(disputing))} disputes it: set it to 'disputed'"
    if code == "disputed-without-dispute":
        return "certainty is 'disputed' but no evidence row has stance 'disputes' for this row"
    if code == "certainty-too-low":
        return (
            "'alleged' is for a claim only a party or a partisan source makes, but a source supporting it "
            f"({sup}) is neither: use 'reported'"
        )
    if certainty == "confirmed":
        return (
            "'confirmed' needs two independent sources that are not tertiary (one of them not partisan), "
            f"or a non-partisan official document; supported by {sup}: use 'reported' or 'alleged', or add a source"
        )
    verb = "is" if len(supporting) == 1 else "are"
    return (
        f"'reported' needs a non-partisan source stating it (not only reporting a party's claim); {sup} {verb} "
        "partisan or report a party's claim (claimant 'party'): use 'alleged'"
    )


def check_coverage(frames: PackageColumns, keys: Keys) -> list[Issue]:
    evidence = frames.get("evidence")
    if evidence is None:
        return []
    ev = _Evidence(evidence, frames, keys)
    issues: list[Issue] = []
    for name in keys.record_tables():
        frame = frames.tables[name]
        rows, codes = _verdicts(frame, ev, keys)
        if not len(rows):
            continue
        key = frame.spec.primary_key[0]
        rids = frame.values(key, rows.tolist())
        record = keys.codes("evidence", "record_id", name)
        mine = np.flatnonzero(ev.usable & np.isin(record, keys.codes(name, key)[rows]) & (record >= 0)).tolist()
        supporting: dict[str, set[str]] = defaultdict(set)
        disputing: dict[str, set[str]] = defaultdict(set)
        for rid, cid, d, s in zip(
            evidence.values("record_id", mine),
            evidence.values("citation_id", mine),
            ev.disputes[mine],
            ev.supports[mine],
            strict=True,
        ):
            if d or s:
                (disputing if d else supporting)[rid].add(cid)  # type: ignore[index,arg-type]
        certainty = frame.values("certainty", rows.tolist()) if "certainty" in frame.cells else [None] * len(rows)
        for line, rid, cert, code in zip(frame.lines_of(rows.tolist()), rids, certainty, codes, strict=True):
            rid = rid or ""
            message = _message(code, name, rid, cert, supporting[rid], disputing[rid])  # type: ignore[arg-type]
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field=key if code in _KEYED else "certainty",
                    code=str(code),
                    message=message,
                )
            )
    return issues


_KEYED = ("missing-evidence", "no-supporting-evidence")
