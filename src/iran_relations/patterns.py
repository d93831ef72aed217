"""The regular expressions the Table Schemas use for constrained strings, each defined once.

Kept apart from :mod:`iran_relations.fields` so that code needing only the patterns (the
validator) does not import pydantic.
"""

from __future__ import annotations

from .partial_date import PARTIAL_DATE_PATTERN

__all__ = [
    "SLUG_PATTERN",
    "WIKIDATA_PATTERN",
    "COUNTRY_PATTERN",
    "LANGUAGE_PATTERN",
    "URL_PATTERN",
    "DAY_PATTERN",
    "PARTIAL_DATE_PATTERN",
]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
WIKIDATA_PATTERN = r"^Q[1-9][0-9]*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
URL_PATTERN = r"^https?://[^\s]+$"
DAY_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
