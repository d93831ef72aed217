"""Load a data package into typed, frozen pydantic rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar, cast

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import IranRelationsError
from .io.locations import resolve_root
from .io.strict import read_csv
from .schema import models as m
from .schema.checks import require_models_agree
from .schema.models import MODELS
from .schema.table_schema import read_package
from .tables import Tables

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Dataset", "LoadError", "load"]

M = TypeVar("M", bound=BaseModel)


class LoadError(IranRelationsError, ValueError):
    """The package cannot be loaded: a file is missing or a row does not fit its model.

    Run ``iran-relations validate`` on the package for every problem, located.
    """


@dataclass(frozen=True, eq=False)
class Dataset(Tables):
    """One release of the dataset. Keyed tables map ID → row in file order; link tables are tuples.

    The look-ups across tables (``names``, ``posts``, ``members``, ``ties``, ``events_of``,
    ``person``, ``predecessor``, ``evidence_for``, ``find`` and more) come from
    :class:`~iran_relations.tables.Tables`; ``to_pandas`` and ``roster`` return frames.
    """

    # The tables (actors, actor_names, actor_identifiers, events, participants, appointments,
    # relations, citations, evidence, redirects) and the spec they were read with are the fields
    # of Tables; a dataset adds where it was read from and its version.
    root: Path
    version: str

    def relation_years(self) -> pd.DataFrame:
        """The relation–year panel: one row per dated relation per year it was active, with source,
        target, type, group, against whom, certainty, number of independent sources and a flag for
        years that are only possible from a vague date; see :mod:`iran_relations.panel`."""
        from .panel import relation_years

        return relation_years(self)

    def relation_table(self) -> pd.DataFrame:
        """One row per relation with its group, independent sources and ``first_reported`` /
        ``last_reported`` (derived from the publication dates of its evidence)."""
        from .panel import relation_table

        return relation_table(self)

    def to_pandas(self) -> dict[str, pd.DataFrame]:
        """One DataFrame per table with real dtypes (categories, nullable text, partial dates as
        text plus start, end and precision columns); see :mod:`iran_relations.frames`."""
        from .frames import to_pandas

        return to_pandas(self)

    def roster(self, body_id: str | None = None) -> pd.DataFrame:
        """A tidy table of appointments (person, post, body, faction, dates, sources), one body or all."""
        from .frames import roster

        return roster(self, body_id)


def _rows(root: Path, path: str, expected: tuple[str, ...], model: type[BaseModel]) -> list[BaseModel]:
    table = read_csv(root, path)
    if table.issues:
        first = table.issues[0]
        raise LoadError(
            f"{first.path}:{first.line or ''} {first.code}: {first.message} (run `iran-relations validate` for every problem)"
        )
    header = table.header
    if tuple(header) != tuple(expected):
        raise LoadError(
            f"{path}:{table.header_line}: the header is {', '.join(header) or '(empty)'}; the schema's columns are "
            f"{', '.join(expected)} (run `iran-relations validate` for every problem)"
        )
    adapter = TypeAdapter(model)
    out = []
    for line, cells in table.rows:
        if not any(cells):
            continue
        if len(cells) != len(header):
            raise LoadError(f"{path}:{line}: the row has {len(cells)} cells but the header has {len(header)} columns")
        values = {k: v for k, v in zip(header, cells, strict=True) if v != ""}
        try:
            out.append(adapter.validate_python(values))
        except ValidationError as e:
            err = e.errors(include_url=False)[0]
            raise LoadError(
                f"{path}:{line}: {'.'.join(map(str, err['loc']))}: {err['msg']} (run `iran-relations validate` for every problem)"
            ) from None
    return out


def load(path: str | Path | None = None) -> Dataset:
    """Load the bundled release, or the package at ``path`` (a folder or its datapackage.json)."""
    spec = read_package(resolve_root(path))
    require_models_agree(spec)
    tables = {t.name: _rows(spec.root, t.path, t.field_names, MODELS[t.name]) for t in spec.tables if t.name in MODELS}

    # The generated models declare `table` and `key` as ClassVars, which BaseModel does not.
    def keyed(model: type[M]) -> Mapping[str, M]:
        rows = tables.get(getattr(model, "table"), [])  # noqa: B009
        key = getattr(model, "key")[0]  # noqa: B009
        return MappingProxyType({getattr(r, key): cast(M, r) for r in rows})

    def linked(model: type[M]) -> tuple[M, ...]:
        return tuple(cast(M, r) for r in tables.get(getattr(model, "table"), []))  # noqa: B009

    return Dataset(
        root=spec.root,
        version=spec.version,
        spec=spec,
        actors=keyed(m.Actor),
        actor_names=linked(m.ActorName),
        actor_identifiers=linked(m.ActorIdentifier),
        events=keyed(m.Event),
        participants=linked(m.Participant),
        appointments=keyed(m.Appointment),
        relations=keyed(m.Relation),
        citations=keyed(m.Citation),
        evidence=linked(m.Evidence),
        redirects=linked(m.Redirect),
    )
