"""Actor identifiers: each in its scheme's form, none on two actors, ISO codes matching the country.

The forms come from the schema (each category of ``scheme`` gives its ``pattern``); one identifier
per scheme per actor is the table's primary key, checked in layer 1.
"""

from __future__ import annotations

import re

import pyarrow.compute as pc

from ..io.arrays import where
from .columns import PackageColumns, TableColumns
from .issues import Issue

__all__ = ["check_identifiers", "COUNTRY_SCHEME"]

# The scheme whose identifier is the actor's own country code (schemas/actor_identifiers.json says so).
COUNTRY_SCHEME = "iso3166_1"


def _identifier_frames(frames: PackageColumns) -> list[TableColumns]:
    """Tables with a ``scheme`` whose categories give forms, and the ``identifier`` they govern."""
    found = []
    for frame in frames:
        names = frame.spec.field_names
        if frame.readable and "scheme" in names and "identifier" in names and "actor_id" in names:
            if any(c.pattern for c in frame.spec.field("scheme").categories):
                found.append(frame)
    return found


def check_identifiers(frames: PackageColumns) -> list[Issue]:
    issues: list[Issue] = []
    for frame in _identifier_frames(frames):
        issues += _forms(frame)
        issues += _shared(frame)
        issues += _countries(frames, frame)
    return issues


def _forms(frame: TableColumns) -> list[Issue]:
    issues = []
    for cat in frame.spec.field("scheme").categories:
        if not cat.pattern:
            continue
        mine = pc.and_(pc.equal(frame.cells["scheme"], cat.value), frame.good("identifier"))
        wrong = pc.and_(mine, pc.invert(pc.match_substring_regex(frame.cells["identifier"], cat.pattern)))
        rows = where(wrong)
        for line, value in zip(frame.lines_of(rows), frame.values("identifier", rows), strict=True):
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field="identifier",
                    code="identifier-form",
                    message=f"{value!r} is not a {cat.label}: the scheme {cat.value!r} takes the form {cat.pattern}",
                    value=value,
                )
            )
    return issues


def _shared(frame: TableColumns) -> list[Issue]:
    rows = where(pc.and_(frame.good("identifier"), frame.good("scheme")))
    first: dict[tuple[str | None, str | None], tuple[int, str | None]] = {}
    issues = []
    lines = frame.lines_of(rows)
    for line, scheme, value, actor in zip(
        lines,
        frame.values("scheme", rows),
        frame.values("identifier", rows),
        frame.values("actor_id", rows),
        strict=True,
    ):
        seen = first.setdefault((scheme, value), (line, actor))
        if seen[1] != actor and seen[0] != line:
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field="identifier",
                    code="identifier-shared",
                    message=f"{scheme} {value!r} is already the identifier of {seen[1]!r} (line {seen[0]}); one identifier names one actor",
                    value=value,
                )
            )
    return issues


def _countries(frames: PackageColumns, frame: TableColumns) -> list[Issue]:
    actors = frames.get("actors")
    if actors is None or "country" not in actors.present or "actor_id" not in actors.present:
        return []
    country = dict(zip(actors.cells["actor_id"].to_pylist(), actors.cells["country"].to_pylist(), strict=True))
    rows = where(pc.and_(pc.equal(frame.cells["scheme"], COUNTRY_SCHEME), frame.good("identifier")))
    issues = []
    for line, actor, value in zip(
        frame.lines_of(rows), frame.values("actor_id", rows), frame.values("identifier", rows), strict=True
    ):
        own = country.get(actor)
        if own and value and re.fullmatch(r"[A-Z]{2}", value) and own != value:
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field="identifier",
                    code="identifier-country",
                    message=f"{actor!r} has the ISO 3166-1 identifier {value!r} but its country is {own!r}",
                    value=value,
                )
            )
    return issues
