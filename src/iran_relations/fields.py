"""Constrained value types shared by the row models, each defined once.

The generator (scripts/generate.py) maps a schema field's pattern to one of these by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, StringConstraints

from .partial_date import PARTIAL_DATE_PATTERN, PartialDate

__all__ = [
    "Slug",
    "WikidataId",
    "CountryCode",
    "LanguageTag",
    "HttpUrl",
    "IsoDay",
    "Text",
    "PartialDate",
    "PATTERN_TYPES",
]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
URL_PATTERN = r"^https?://[^\s]+$"
DAY_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"


def _to_day(value: object) -> object:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
WikidataId = Annotated[str, StringConstraints(pattern=WIKIDATA_PATTERN)]
CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)]
LanguageTag = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
HttpUrl = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
IsoDay = Annotated[dt.date, BeforeValidator(_to_day)]
Text = Annotated[str, StringConstraints(min_length=1)]

# Schema pattern -> name of the type above; the generator uses it to type model fields.
PATTERN_TYPES: dict[str, str] = {
    SLUG_PATTERN: "Slug",
    WIKIDATA_PATTERN: "WikidataId",
    COUNTRY_PATTERN: "CountryCode",
    LANGUAGE_PATTERN: "LanguageTag",
    URL_PATTERN: "HttpUrl",
    DAY_PATTERN: "IsoDay",
    PARTIAL_DATE_PATTERN: "PartialDate",
}
