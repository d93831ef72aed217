"""The regular expressions the Table Schemas use for constrained strings, each defined once.

Kept apart from :mod:`iran_relations.fields` so that code needing only the patterns (the
validator) does not import pydantic.
"""

from __future__ import annotations

from .partial_date import PARTIAL_DATE_PATTERN

__all__ = [
    "SLUG_PATTERN",
    "IDENTIFIER_PATTERN",
    "COUNTRY_PATTERN",
    "LANGUAGE_PATTERN",
    "URL_PATTERN",
    "DAY_PATTERN",
    "PARTIAL_DATE_PATTERN",
    "PATTERN_FORMS",
]

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
IDENTIFIER_PATTERN = r"^[A-Za-z0-9]+$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
URL_PATTERN = r"^https?://[^\s]+$"
DAY_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

# The form each pattern asks for, in words, for messages that tell a contributor what to write.
PATTERN_FORMS: dict[str, str] = {
    PARTIAL_DATE_PATTERN: "an EDTF date: YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate), "
    "? (uncertain) or %; a decade 199X or century 19XX; [..YYYY] (that year or before) or [YYYY..] "
    "(that year or after); or .. (ongoing, in end dates only)",
    DAY_PATTERN: "a day, YYYY-MM-DD",
    SLUG_PATTERN: "a lowercase slug of letters, digits and single hyphens",
    IDENTIFIER_PATTERN: "letters and digits only (each scheme's own form is in schemas/actor_identifiers.json)",
    COUNTRY_PATTERN: "an ISO 3166-1 alpha-2 code, two capital letters",
    URL_PATTERN: "an http or https address without spaces",
    LANGUAGE_PATTERN: "a BCP 47 language tag such as en, fa or ar",
}
