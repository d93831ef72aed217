"""Analysis-ready tables derived from the relations: when each tie was reported, and the
relation–year panel conflict researchers merge on. Derived, never stored.

Years a tie was active, from its dates (see docs/method.md, "The relation–year panel"):

- A year is **stated** when the tie was active in it on every reading of its dates: from the last
  year its start names to the first year its end names (``2001``–``2004`` for 2001 to 2004;
  ``1999`` onwards for a start of ``199X``).
- A year is **possible** (``possible_only``) when some reading of a vague date makes the tie
  active in it but not every one: the other years of a decade, the years around an approximate
  date (``1993~``), the years before an end given as ``[..2001]``.
- An ongoing end (``..``) runs to the year of the tie's latest evidence (``last_reported``): the
  sources said it continued when they were published, and say nothing after.
- An unknown end (empty) covers the years of the start date only: the sources date the tie's
  beginning and nothing more.
- An open side adds no possible years beyond what closes it: a start of ``[..1995]`` has none
  before 1995; an end of ``[2015..]`` runs as possible to the tie's latest evidence.
- Undated ties (no start) are not in the panel; :func:`relation_table` lists them with the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .schema.partial_date import PartialDate

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset
    from .schema.models import Relation

__all__ = ["relation_table", "relation_years", "active_years", "reported", "PANEL_COLUMNS", "RELATION_COLUMNS"]

# Who is tied to whom, and how: the columns both tables share, each from _tie().
TIE_COLUMNS = (
    "source_id",
    "target_id",
    "source_top_id",
    "target_top_id",
    "relation_type",
    "group",
    "against_id",
)
RELATION_COLUMNS = (
    "relation_id",
    *TIE_COLUMNS,
    "start_date",
    "end_date",
    "certainty",
    "n_sources",
    "first_reported",
    "last_reported",
)
PANEL_COLUMNS = ("relation_id", "year", *TIE_COLUMNS, "certainty", "n_sources", "possible_only")


def _tie(ds: Dataset, r: Relation, groups: dict[str, str | None]) -> dict[str, Any]:
    """The TIE_COLUMNS of a relation."""
    return {
        "source_id": r.source_id,
        "target_id": r.target_id,
        "source_top_id": _top(ds, r.source_id),
        "target_top_id": _top(ds, r.target_id),
        "relation_type": r.relation_type,
        "group": groups.get(r.relation_type),
        "against_id": r.against_id,
    }


def _top(ds: Dataset, actor_id: str) -> str | None:
    """The top of the actor's parent chain (Iran for the Quds Force), for grouping ties by side."""
    return ds.top_level(actor_id).actor_id if actor_id in ds.actors else None


def _groups(ds: Dataset) -> dict[str, str | None]:
    field = ds.spec.table("relations").field("relation_type")
    return {c.value: c.group for c in field.categories}


def _independent_sources(ds: Dataset, relation: Relation) -> int:
    """Supporting citations, counting a source and the copy it is known through (via_id) once."""
    roots = set()
    for e in ds.evidence_for(relation):
        if e.stance != "supports":
            continue
        c = ds.citations.get(e.citation_id)
        roots.add(min(e.citation_id, c.via_id) if c is not None and c.via_id else e.citation_id)
    return len(roots)


def reported(ds: Dataset, relation: Relation) -> tuple[Any, Any]:
    """The first day of the earliest and the last day of the latest publication among its evidence."""
    dates: list[PartialDate] = []
    for e in ds.evidence_for(relation):
        c = ds.citations.get(e.citation_id)
        if c is not None and c.published is not None:
            dates.append(c.published)
    firsts = [d.earliest for d in dates if d.earliest]
    lasts = [d.latest for d in dates if d.latest]
    return (min(firsts) if firsts else None, max(lasts) if lasts else None)


def _year_span(d: PartialDate, strict: bool) -> tuple[int | None, int | None]:
    lo, hi = (d.earliest, d.latest) if strict else (d.earliest_possible, d.latest_possible)
    return (lo.year if lo else None, hi.year if hi else None)


def active_years(start: PartialDate, end: PartialDate | None, last_reported: int | None) -> dict[int, bool]:
    """Year → possible_only for one tie, by the rules in the module docstring."""
    if end is None:
        end = start
    elif end.is_ongoing:
        last_start = _year_span(start, strict=True)[1]
        end = start if last_reported is None else PartialDate(max(last_reported, last_start or last_reported))
    s_lo, _ = _year_span(start, strict=False)
    s_first, s_last = _year_span(start, strict=True)
    e_first, e_last = _year_span(end, strict=True)
    _, e_hi = _year_span(end, strict=False)
    if e_first is None:  # an end of [..2001] came no earlier than the start
        e_first = s_first
    years: dict[int, bool] = {}
    # Stated: from the last year the start names to the first year the end names.
    if s_last is not None and e_first is not None:
        years.update(dict.fromkeys(range(s_last, e_first + 1), False))
    # Possible: every year some reading allows; an open side is closed by what is known.
    lo = next((y for y in (s_lo, s_first, s_last) if y is not None), None)
    hi = next((y for y in (e_hi, e_last, last_reported, e_first) if y is not None), None)
    if lo is not None and hi is not None:
        for y in range(lo, hi + 1):
            years.setdefault(y, True)
    return dict(sorted(years.items()))


def relation_table(ds: Dataset) -> pd.DataFrame:
    """One row per relation with its group, number of independent sources and when it was reported."""
    import pandas as pd
    import pyarrow as pa

    groups = _groups(ds)
    rows = []
    for r in ds.relations.values():
        first, last = reported(ds, r)
        rows.append(
            {
                "relation_id": r.relation_id,
                **_tie(ds, r, groups),
                "start_date": str(r.start_date) if r.start_date else None,
                "end_date": str(r.end_date) if r.end_date else None,
                "certainty": r.certainty,
                "n_sources": _independent_sources(ds, r),
                "first_reported": first,
                "last_reported": last,
            }
        )
    frame = pd.DataFrame(rows, columns=list(RELATION_COLUMNS))
    day = pd.ArrowDtype(pa.date32())
    for c in ("first_reported", "last_reported"):
        frame[c] = pd.Series(pa.array(frame[c].tolist(), pa.date32()), dtype=day)
    return _typed(ds, frame)


def relation_years(ds: Dataset) -> pd.DataFrame:
    """The relation–year panel: one row per dated relation per year it was (or may have been) active."""
    import pandas as pd

    groups = _groups(ds)
    rows = []
    for r in ds.relations.values():
        if r.start_date is None:
            continue
        last = reported(ds, r)[1]
        n = _independent_sources(ds, r)
        for year, possible in active_years(r.start_date, r.end_date, last.year if last else None).items():
            rows.append(
                {
                    "relation_id": r.relation_id,
                    "year": year,
                    **_tie(ds, r, groups),
                    "certainty": r.certainty,
                    "n_sources": n,
                    "possible_only": possible,
                }
            )
    frame = pd.DataFrame(rows, columns=list(PANEL_COLUMNS))
    frame["year"] = frame["year"].astype("int64")
    frame["possible_only"] = frame["possible_only"].astype("boolean")
    return _typed(ds, frame)


def _typed(ds: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    """Controlled lists as categories in schema order, IDs as nullable text, counts as integers."""
    import pandas as pd

    relations = ds.spec.table("relations")
    for name in frame.columns:
        if name == "group":
            values = dict.fromkeys(c.group for c in relations.field("relation_type").categories if c.group)
            frame[name] = pd.Categorical(frame[name], categories=list(values))
        elif name in relations.field_names and relations.field(name).enum is not None:
            frame[name] = pd.Categorical(frame[name], categories=list(relations.field(name).enum or ()))
        elif name == "n_sources":
            frame[name] = frame[name].astype("int64")
        elif name not in ("year", "possible_only", "first_reported", "last_reported"):
            frame[name] = frame[name].astype("string[pyarrow]")
    return frame
