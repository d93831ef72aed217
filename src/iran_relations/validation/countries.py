"""Country codes must name a country: ISO 3166-1 alpha-2, from the iso3166 package's list.

The schema's pattern (two capital letters) is checked by layer 1; this layer checks that the two
letters are assigned (``XX`` or ``UK`` are not: the United Kingdom is ``GB``).
"""

from __future__ import annotations

from iso3166 import countries_by_alpha2

from ..issues import Issue
from ..table_schema import PackageSpec
from .conformance import CheckedTable, good_cells

__all__ = ["check_countries"]

COUNTRY_PATTERN = "^[A-Z]{2}$"


def check_countries(spec: PackageSpec, tables: dict[str, CheckedTable]) -> list[Issue]:
    return [
        Issue(
            path,
            line,
            name,
            "unknown-country",
            f"{code!r} is not an ISO 3166-1 alpha-2 country code (the United Kingdom is GB); leave it empty for a historical state with no code",
        )
        for path, line, name, code in good_cells(spec, tables, lambda f: f.pattern == COUNTRY_PATTERN)
        if code not in countries_by_alpha2
    ]
