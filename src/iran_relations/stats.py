"""Counts and coverage of a dataset: what ``iran-relations stats`` prints."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["stats"]


def stats(ds: Dataset) -> dict[str, Any]:
    """Rows per table; per record table, how many rows have evidence and the certainty of each; the
    span of dates; the sources by type and how many are partisan."""
    rows = {t: len(getattr(ds, t)) for t in ds.spec.table_names if hasattr(ds, t)}
    coverage = {}
    for t in ds.spec.record_tables:
        records = list(getattr(ds, t).values())
        backed = sum(1 for r in records if ds.evidence_for(r))
        certainty = Counter(getattr(r, "certainty", None) for r in records)
        certainty.pop(None, None)
        coverage[t] = {
            "rows": len(records),
            "with_evidence": backed,
            "evidence_rows": sum(len(ds.evidence_for(r)) for r in records),
            "certainty": dict(sorted(certainty.items())),
        }
    dates = []
    for e in ds.events.values():
        dates += [e.date] + ([e.end_date] if e.end_date else [])
    for t in ("appointments", "relations"):
        for r in getattr(ds, t).values():
            dates += [d for d in (r.start_date, r.end_date) if d is not None]
    # Open sides ([..1995], '..') bound nothing, so the span is taken over the closed ones.
    firsts = [d for d in dates if d.earliest is not None]
    lasts = [d for d in dates if d.latest is not None]
    span = (
        {
            "earliest": str(min(firsts, key=lambda d: d.earliest or dt.date.max)),
            "latest": str(max(lasts, key=lambda d: d.latest or dt.date.min)),
        }
        if firsts and lasts
        else {"earliest": None, "latest": None}
    )
    from .provenance import provenance

    citations = list(ds.citations.values())
    return {
        "version": ds.version,
        "rows": rows,
        "coverage": coverage,
        "date_span": span,
        "events_by_type": dict(Counter(e.event_type for e in ds.events.values()).most_common()),
        "sources": {
            "by_type": dict(Counter(c.source_type for c in citations).most_common()),
            "partisan": sum(c.partisan for c in citations),
        },
        "provenance": provenance(ds),
    }
