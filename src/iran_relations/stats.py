"""Counts and coverage of a dataset: what ``iran-relations stats`` prints.

:func:`stats` gives the figures as plain data; :class:`Stats` holds them and renders itself as text
or JSON, as :class:`~iran_relations.report.Report` and :class:`~iran_relations.diff.PackageDiff` do.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import Dataset

__all__ = ["stats", "Stats"]


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
    # The span of what happened: the dates of the records that carry a certainty (events,
    # appointments, relations), not the actors' lives.
    dates = []
    for spec in ds.spec.tables:
        start, end = spec.span
        if start is None or spec.name not in ds.spec.record_tables or "certainty" not in spec.field_names:
            continue
        for r in getattr(ds, spec.name).values():
            dates += [d for d in (getattr(r, start), getattr(r, end) if end else None) if d is not None]
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


@dataclass(frozen=True)
class Stats:
    """The figures of :func:`stats`, rendering themselves."""

    figures: dict[str, Any]

    @classmethod
    def of(cls, ds: Dataset) -> Stats:
        return cls(stats(ds))

    def to_json(self) -> str:
        return json.dumps(self.figures, indent=2)

    def to_text(self) -> str:
        f = self.figures
        lines = [f"iran-relations {f['version']}"]
        lines.append("Rows: " + ", ".join(f"{t} {n}" for t, n in f["rows"].items()))
        for t, c in f["coverage"].items():
            share = 100 * c["with_evidence"] / c["rows"] if c["rows"] else 0.0
            certainty = ", ".join(f"{k} {v}" for k, v in c["certainty"].items())
            lines.append(
                f"{t}: {c['with_evidence']}/{c['rows']} with evidence ({share:.0f}%), {c['evidence_rows']} evidence rows"
                + (f"; certainty: {certainty}" if certainty else "")
            )
        span = f["date_span"]
        lines.append(f"Dates: {span['earliest']} to {span['latest']}")
        lines.append("Events by type: " + ", ".join(f"{k} {v}" for k, v in f["events_by_type"].items()))
        sources = f["sources"]
        lines.append(
            f"Sources: {sum(sources['by_type'].values())} ({sources['partisan']} partisan); "
            + ", ".join(f"{k} {v}" for k, v in sources["by_type"].items())
        )
        return "\n".join(lines + _provenance_lines(f["provenance"]))


def _provenance_lines(p: dict[str, Any]) -> list[str]:
    from .provenance import BANDS

    c = p["citations"]
    classes = ", ".join(f"{k} {v}" for k, v in c["by_class"].items())
    kinds = ", ".join(f"{k} {v}" for k, v in c["copies_by_kind"].items())
    lines = [
        f"Sources by class: {classes}; dated {c['dated']}/{c['total']}; read in a copy {c['read_in_copy']} ({kinds})"
    ]
    lines.append("Provenance (rows by independent sources that are not tertiary: " + ", ".join(BANDS) + "):")
    for t, info in p["tables"].items():
        lines.append(
            f"  {t}: {info['with_dated_source']}/{info['rows']} with a dated source, "
            f"{info['with_source_read_in_copy']} with a source read in a copy"
        )
        for certainty, bands in info["by_certainty"].items():
            lines.append(f"    {certainty}: " + ", ".join(f"{b} {bands[b]}" for b in BANDS))
    return lines
