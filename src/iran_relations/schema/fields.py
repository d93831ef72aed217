"""Constrained value types shared by the row models, each defined once.

The models' generator (:mod:`iran_relations.schema.generate_models`) maps a schema field's pattern
to one of these by name.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BeforeValidator, StringConstraints

from .partial_date import PartialDate
from .patterns import (
    COUNTRY_PATTERN,
    DAY_PATTERN,
    IDENTIFIER_PATTERN,
    LANGUAGE_PATTERN,
    PARTIAL_DATE_PATTERN,
    SLUG_PATTERN,
    URL_PATTERN,
)

__all__ = [
    "Slug",
    "ExternalId",
    "CountryCode",
    "LanguageTag",
    "HttpUrl",
    "IsoDay",
    "Text",
    "PartialDate",
    "PATTERN_TYPES",
]


def _to_day(value: object) -> object:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
ExternalId = Annotated[str, StringConstraints(pattern=IDENTIFIER_PATTERN)]
CountryCode = Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)]
LanguageTag = Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]
HttpUrl = Annotated[str, StringConstraints(pattern=URL_PATTERN)]
IsoDay = Annotated[dt.date, BeforeValidator(_to_day)]
Text = Annotated[str, StringConstraints(min_length=1)]

# Schema pattern -> name of the type above; the generator uses it to type model fields.
PATTERN_TYPES: dict[str, str] = {
    SLUG_PATTERN: "Slug",
    IDENTIFIER_PATTERN: "ExternalId",
    COUNTRY_PATTERN: "CountryCode",
    LANGUAGE_PATTERN: "LanguageTag",
    URL_PATTERN: "HttpUrl",
    DAY_PATTERN: "IsoDay",
    PARTIAL_DATE_PATTERN: "PartialDate",
}
