"""Country codes must name a country: ISO 3166-1 alpha-2, from the iso3166 package's list.

The schema's pattern (two capital letters) is checked by layer 1; this layer checks that the two
letters are assigned (``XX`` or ``UK`` are not: the United Kingdom is ``GB``).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
from iso3166 import countries_by_alpha2

from ..io.arrays import where
from ..schema.patterns import COUNTRY_PATTERN
from .columns import PackageColumns
from .issues import Issue

__all__ = ["check_countries"]

ASSIGNED = pa.array(sorted(countries_by_alpha2), pa.string())


def check_countries(frames: PackageColumns) -> list[Issue]:
    issues = []
    for frame, f in frames.fields(lambda f: f.pattern == COUNTRY_PATTERN):
        rows = where(pc.and_(frame.good(f.name), pc.invert(pc.is_in(frame.cells[f.name], ASSIGNED))))
        for line, code in zip(frame.lines_of(rows), frame.values(f.name, rows), strict=True):
            issues.append(
                Issue(
                    path=frame.path,
                    line=line,
                    field=f.name,
                    code="unknown-country",
                    message=f"{code!r} is not an ISO 3166-1 alpha-2 country code (the United Kingdom is GB); leave it empty for a historical state with no code",
                )
            )
    return issues
