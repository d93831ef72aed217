"""How well each row is sourced: the provenance summary ``iran-relations stats`` and the Sources
page print.

For each row of the record tables, its supporting sources are counted as the certainty rules
count them: a source and another that quotes it (``via_id``) are one; a copy is part of its
citation, never a second source; a source that only reports a party's claim is not one. A row then rests on *tertiary sources only*, or on *one*, *two*
or *three or more* independent sources that are not tertiary.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["provenance", "BANDS"]

BANDS = ("tertiary only", "1 source", "2 sources", "3+ sources")


def _band(n_originals: int) -> str:
    return BANDS[min(n_originals, 3)]


def _sources(ds: Dataset, row: Any) -> tuple[set[str], set[str]]:
    """(independent non-tertiary sources, every supporting citation) of a row."""
    supporting = [e for e in ds.evidence_for(row) if e.stance == "supports"]
    cited = {e.citation_id for e in supporting}
    originals = set()
    for e in supporting:
        c = ds.citations.get(e.citation_id)
        if c is not None and c.source_class != "tertiary" and e.claimant != "party":
            originals.add(c.via_id or e.citation_id)
    return originals, cited


def provenance(ds: Dataset) -> dict[str, Any]:
    """Per record table and certainty, rows by how many independent sources support them; the share
    of rows with a dated source and with a source read in a copy; the citations by class."""
    tables: dict[str, Any] = {}
    for t in ds.spec.record_tables:
        bands: dict[str, Counter[str]] = {}
        dated = copied = total = 0
        for row in getattr(ds, t).values():
            originals, cited = _sources(ds, row)
            certainty = getattr(row, "certainty", None) or "(none)"
            bands.setdefault(certainty, Counter())[_band(len(originals))] += 1
            citations = [ds.citations[c] for c in cited if c in ds.citations]
            dated += any(c.published is not None for c in citations)
            copied += any(c.copy_kind is not None for c in citations)
            total += 1
        tables[t] = {
            "rows": total,
            "by_certainty": {k: {b: v[b] for b in BANDS} for k, v in sorted(bands.items())},
            "with_dated_source": dated,
            "with_source_read_in_copy": copied,
        }
    citations = list(ds.citations.values())
    return {
        "tables": tables,
        "citations": {
            "total": len(citations),
            "by_class": dict(Counter(c.source_class for c in citations).most_common()),
            "dated": sum(c.published is not None for c in citations),
            "read_in_copy": sum(c.copy_kind is not None for c in citations),
            "copies_by_kind": dict(Counter(c.copy_kind for c in citations if c.copy_kind).most_common()),
        },
    }
