"""The dataset as pandas DataFrames with real dtypes, and the tidy roster of a body.

pandas is imported here only, so ``import iran_relations`` and ``load()`` never pay for it.

dtypes, from the Table Schemas:

- a controlled list → ``category`` with the list's values as categories (in schema order);
- a boolean → pandas' nullable ``boolean``;
- a day (``accessed``) → ``date32[pyarrow]``;
- a date (``date``, ``start_date``…, EDTF as written) → the text, plus ``<name>_start`` and
  ``<name>_end`` (the first and last day it names, ``date32[pyarrow]``; missing on an open side),
  ``<name>_precision`` (``century``, ``decade``, ``year``, ``month`` or ``day``),
  ``<name>_qualifier`` (``approximate``, ``uncertain`` or ``uncertain_approximate`` for ``~ ? %``)
  and ``<name>_bound`` (``on_or_before`` for ``[..1995]``, ``on_or_after`` for ``[2015..]``,
  ``ongoing`` for ``..``), each a category;
- any other text → nullable ``string[pyarrow]``.

The relations frame adds ``first_reported`` and ``last_reported``: the first day of the earliest
and the last day of the latest publication among its evidence (derived, not stored).

The actors frame adds ``top_level_id`` (the top of the actor's ``parent_id`` chain: ``iran`` for
the Quds Force; the actor itself where it has no parent) and one column per identifier scheme of
``actor_identifiers``, named as the scheme (``wikidata``, ``ucdp``, ``gwno``, ``iso3166_1``), so a
frame can be joined with UCDP or Wikidata directly. Both are derived, not stored.

An empty cell is missing (``<NA>``) in every dtype.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pyarrow as pa

from .schema.partial_date import BOUNDS, PRECISIONS, QUALIFIERS, PartialDate
from .schema.patterns import DAY_PATTERN, PARTIAL_DATE_PATTERN
from .schema.table_schema import FieldSpec

if TYPE_CHECKING:
    import pandas as pd

    from .dataset import Dataset

__all__ = ["to_pandas", "roster", "ROSTER_COLUMNS"]


def _column(f: FieldSpec, values: list[Any]) -> dict[str, pd.Series]:
    import pandas as pd

    if f.enum is not None:
        return {f.name: pd.Series(pd.Categorical(values, categories=list(f.enum)), name=f.name)}
    if f.type == "boolean":
        return {f.name: pd.Series(values, dtype="boolean", name=f.name)}
    if f.pattern == DAY_PATTERN:
        return {f.name: pd.Series(pa.array(values, pa.date32()), dtype=pd.ArrowDtype(pa.date32()), name=f.name)}
    if f.pattern == PARTIAL_DATE_PATTERN:
        dates: list[PartialDate | None] = values
        day = pd.ArrowDtype(pa.date32())
        return {
            f.name: pd.Series([str(d) if d else None for d in dates], dtype="string[pyarrow]", name=f.name),
            f"{f.name}_start": pd.Series(pa.array([d.earliest if d else None for d in dates], pa.date32()), dtype=day),
            f"{f.name}_end": pd.Series(pa.array([d.latest if d else None for d in dates], pa.date32()), dtype=day),
            **{
                f"{f.name}_{part}": pd.Series(
                    pd.Categorical([getattr(d, part) if d else None for d in dates], categories=list(values))
                )
                for part, values in (("precision", PRECISIONS), ("qualifier", QUALIFIERS), ("bound", BOUNDS))
            },
        }
    return {f.name: pd.Series(values, dtype="string[pyarrow]", name=f.name)}


def _reporting(ds: Dataset, relations: list[Any]) -> dict[str, pd.Series]:
    """first_reported / last_reported: the span of publication dates of each relation's evidence."""
    import pandas as pd

    from .panel import reported

    spans = [reported(ds, r) for r in relations]
    day = pd.ArrowDtype(pa.date32())
    return {
        name: pd.Series(pa.array([s[i] for s in spans], pa.date32()), dtype=day)
        for i, name in enumerate(("first_reported", "last_reported"))
    }


def _actor_links(ds: Dataset, actors: list[Any]) -> dict[str, pd.Series]:
    """top_level_id, and one identifier column per scheme (empty where the actor has none)."""
    import pandas as pd

    out = {"top_level_id": pd.Series([ds.top_level(a.actor_id).actor_id for a in actors], dtype="string[pyarrow]")}
    for scheme in ds.identifier_schemes():
        known = {i.actor_id: i.identifier for i in ds.actor_identifiers if i.scheme == scheme}
        out[scheme] = pd.Series([known.get(a.actor_id) for a in actors], dtype="string[pyarrow]")
    return out


def to_pandas(ds: Dataset) -> dict[str, pd.DataFrame]:
    """One DataFrame per table, rows in file order, with the dtypes the module docstring lists."""
    import pandas as pd

    spec = ds.spec
    frames = {}
    for t in spec.tables:
        table = getattr(ds, t.name, None)
        if table is None:
            continue
        rows = list(table.values()) if hasattr(table, "values") else list(table)
        columns: dict[str, pd.Series] = {}
        for f in t.fields:
            columns.update(_column(f, [getattr(r, f.name) for r in rows]))
        if t.name == "relations":
            columns.update(_reporting(ds, rows))
        if t.name == "actors":
            columns.update(_actor_links(ds, rows))
        frame = pd.DataFrame({k: v.reset_index(drop=True) for k, v in columns.items()})
        frame.attrs["description"] = t.description
        frames[t.name] = frame
    return frames


ROSTER_COLUMNS = (
    "body_id",
    "body",
    "post",
    "person_id",
    "person",
    "faction_id",
    "faction",
    "community",
    "start_date",
    "end_date",
    "end_reason",
    "replaces_id",
    "replaced_by",
    "certainty",
    "appointment_id",
    "sources",
)


def roster(ds: Dataset, body_id: str | None = None) -> pd.DataFrame:
    """Who held which post in which body, on whose behalf and when: one row per appointment.

    ``body_id`` keeps one body (``"afghan-interim-administration"``, ``"iraqi-governing-council"``);
    without it every appointment is listed. Names are the actors' canonical names; ``replaced_by``
    and ``sources`` list IDs separated by ``; ``. Dates are partial dates as text, as in the CSV.
    The columns that are appointments' own fields have the dtypes ``to_pandas()`` gives them
    (``certainty``, ``community`` and ``end_reason`` are categoricals of their controlled lists).
    """
    import pandas as pd

    if body_id is not None and body_id not in ds.actors:
        ds.actor(body_id)  # raises UnknownID with suggestions
    rows = []
    appointments = ds.members(body_id) if body_id is not None else tuple(ds.appointments.values())
    for a in appointments:
        faction = ds.faction(a)
        rows.append(
            {
                "body_id": a.organization_id,
                "body": ds.actors[a.organization_id].name if a.organization_id in ds.actors else None,
                "post": a.post,
                "person_id": a.person_id,
                "person": ds.actors[a.person_id].name if a.person_id in ds.actors else None,
                "faction_id": a.on_behalf_of_id,
                "faction": faction.name if faction else None,
                "community": a.community,
                "start_date": str(a.start_date) if a.start_date else None,
                "end_date": str(a.end_date) if a.end_date else None,
                "end_reason": a.end_reason,
                "replaces_id": a.replaces_id,
                "replaced_by": "; ".join(s.appointment_id for s in ds.successors(a)) or None,
                "certainty": a.certainty,
                "appointment_id": a.appointment_id,
                "sources": "; ".join(c.citation_id for c in ds.citations_for(a)) or None,
            }
        )
    frame = pd.DataFrame(rows, columns=list(ROSTER_COLUMNS)).astype("string[pyarrow]")
    # The columns that are appointments' own fields take the dtypes to_pandas() gives them.
    t = ds.spec.table("appointments")
    for name in ROSTER_COLUMNS:
        if name in t.field_names and t.field(name).enum is not None:
            frame[name] = pd.Categorical(frame[name].astype("object"), categories=list(t.field(name).enum or ()))
    return frame
