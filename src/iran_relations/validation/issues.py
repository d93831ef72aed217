"""Validation issues as data, and the catalogue of their stable codes.

Every problem the validator finds is an :class:`Issue` with a code from :data:`CODES`. Codes are
kebab-case and stable: tests, CI annotations and users' scripts rely on them. Where a code means
the same as one of frictionless-py's, it says so in ``frictionless``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Issue", "Code", "CODES", "Severity"]

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    """One entry of the catalogue: what a code means and how to fix it."""

    name: str
    title: str
    description: str
    fix: str
    layer: str
    frictionless: str | None = None
    severity: Severity = "error"


@dataclass(frozen=True, order=True, kw_only=True)
class Issue:
    """One problem, located: ``path`` relative to the package root, ``line`` physical (header = 1),
    the ``field`` and the offending ``value`` where there is one. Fields are keyword-only and the
    ``code`` must be in :data:`CODES`, so a misspelt code fails where the issue is made."""

    path: str
    line: int | None
    field: str | None
    code: str
    message: str
    value: str | None = None
    severity: Severity = "error"

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown issue code {self.code!r}: add it to iran_relations.issues.CODES")

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "field": self.field,
            "value": None if self.value is None else str(self.value),
            "message": self.message,
        }


def _codes(*codes: Code) -> dict[str, Code]:
    return {c.name: c for c in codes}


CODES: dict[str, Code] = _codes(
    # -- the package itself
    Code(
        "descriptor-error",
        "Descriptor cannot be read",
        "datapackage.json or a Table Schema it names is missing, is not valid JSON or lacks a required property.",
        "Restore the file or correct its JSON; compare with the released descriptor.",
        "package",
    ),
    Code(
        "missing-file",
        "Table file missing",
        "A resource named in datapackage.json has no CSV file at its path.",
        "Add the CSV file (with its header row) or restore it from git.",
        "package",
        "scheme-error",
    ),
    Code(
        "file-read-error",
        "Table file cannot be read",
        "The CSV file exists but cannot be opened or read.",
        "Check the file's permissions and that it is a regular file.",
        "package",
        "scheme-error",
    ),
    # -- CSV form
    Code(
        "encoding-error",
        "Not UTF-8",
        "The file contains bytes that are not valid UTF-8.",
        "Save the file as UTF-8 (in Excel: 'CSV UTF-8'); the message gives the first bad byte's line.",
        "csv",
        "encoding-error",
    ),
    Code(
        "empty-file",
        "Empty file",
        "The file has no header row.",
        "Restore the header row: the field names of the table's schema, comma-separated.",
        "csv",
        "source-error",
    ),
    Code(
        "csv-error",
        "Malformed CSV",
        "The CSV cannot be parsed, for example because a quoted cell is never closed.",
        "Close the quote, or double any quote character inside a quoted cell.",
        "csv",
        "source-error",
    ),
    Code(
        "byte-order-mark",
        "Byte-order mark",
        "The file starts with a UTF-8 byte-order mark, which some tools read as part of the first column's name.",
        "Save as UTF-8 without BOM (`iran-relations fmt` does it).",
        "csv",
    ),
    Code(
        "line-ending",
        "Not LF line endings",
        "Lines end in CR LF (Windows) or CR, or the file mixes endings; the canonical form is LF.",
        "Save with LF line endings (`iran-relations fmt` does it).",
        "csv",
    ),
    Code(
        "missing-column",
        "Column missing",
        "A column the schema requires is absent from the header.",
        "Add the column to the header row and a cell for it in every row (empty where unknown).",
        "header",
        "missing-label",
    ),
    Code(
        "extra-column",
        "Unknown column",
        "The header has a column the schema does not define.",
        "Remove the column, or propose it as a schema change in its own pull request.",
        "header",
        "extra-label",
    ),
    Code(
        "duplicate-column",
        "Column repeated",
        "The same column name appears twice in the header.",
        "Keep one column of that name and merge their contents.",
        "header",
        "duplicate-label",
    ),
    Code(
        "column-order",
        "Columns out of order",
        "The header has the schema's columns in another order.",
        "Put the columns in the schema's order (`iran-relations fmt` does it).",
        "header",
        "incorrect-label",
    ),
    Code("blank-row", "Blank row", "A row has no values at all.", "Delete the empty line.", "row", "blank-row"),
    Code(
        "extra-cell",
        "Too many cells",
        "A row has more cells than the header has columns, often from an unquoted comma.",
        "Quote any cell that contains a comma, or remove the extra cells.",
        "row",
        "extra-cell",
    ),
    Code(
        "missing-cell",
        "Too few cells",
        "A row has fewer cells than the header has columns.",
        "Add the missing cells (empty where unknown) so every row has one cell per column.",
        "row",
        "missing-cell",
    ),
    # -- cells against the schema
    Code(
        "required-error",
        "Required value missing",
        "A cell the schema marks as required is empty.",
        "Fill in the value; if the source does not give it, the row may not belong in the dataset yet.",
        "cell",
        "constraint-error",
    ),
    Code(
        "type-error",
        "Wrong type",
        "A cell cannot be read as the field's type (for example a boolean that is not true or false).",
        "Write the value in the field's type as the data dictionary shows.",
        "cell",
        "type-error",
    ),
    Code(
        "pattern-error",
        "Wrong format",
        "A cell does not match the field's pattern (slug IDs, ISO dates, Wikidata IDs, country codes, URLs).",
        "Rewrite the value in the form the data dictionary gives for the field.",
        "cell",
        "constraint-error",
    ),
    Code(
        "enum-error",
        "Not in the controlled list",
        "A cell is not one of the field's allowed values.",
        "Use one of the values listed in the message (see the data dictionary for their definitions).",
        "cell",
        "constraint-error",
    ),
    Code(
        "unique-error",
        "Duplicate value",
        "A value that must be unique in its column appears more than once.",
        "Keep the value on one row only; merge the rows if they describe the same thing.",
        "cell",
        "unique-error",
    ),
    Code(
        "primary-key-error",
        "Duplicate key",
        "Two rows have the same primary key.",
        "Give each row its own key, or merge the two rows.",
        "row",
        "primary-key",
    ),
    Code(
        "foreign-key-error",
        "Dangling reference",
        "A cell refers to a row of another table (or of this one) that does not exist.",
        "Correct the ID (check its spelling) or add the row it refers to.",
        "integrity",
        "foreign-key",
    ),
    # -- row models
    Code(
        "date-error",
        "Impossible date",
        "A date has the right form but names a day that does not exist, such as 2001-02-30 or 2001-02-30~, or is not a valid EDTF date.",
        "Correct the date from the source; give only the precision the source supports (2001-02 or 2001).",
        "model",
    ),
    Code(
        "model-error",
        "Row does not fit its model",
        "A row fails the typed model for its table for a reason not covered by another code.",
        "Read the message; correct the cell it names.",
        "model",
    ),
    # -- cross-table rules
    Code(
        "dangling-evidence",
        "Evidence for a missing row",
        "An evidence row points at a record that does not exist in the table it names.",
        "Correct record_table or record_id, or delete the evidence row.",
        "integrity",
    ),
    Code(
        "dangling-redirect",
        "Redirect to a missing row",
        "A redirect leads to an ID that no row of its record_table has.",
        "Point new_id at the row that replaced the old ID, or correct record_table.",
        "integrity",
    ),
    Code(
        "redirect-shadows-row",
        "Redirect from a live ID",
        "A redirect's old_id is still the ID of a row of its record_table, so the redirect would never be followed.",
        "Delete the redirect, or the row: an ID is either a row's or redirected, not both.",
        "integrity",
    ),
    Code(
        "missing-evidence",
        "Row without evidence",
        "A row of actors, events, appointments or relations has no evidence row backing it.",
        "Add an evidence row with a citation, a verbatim quote and a locator; unsourced rows stay out.",
        "rule",
    ),
    Code(
        "date-order",
        "End before start",
        "A row's end date is certainly earlier than its start date, whatever their forms: every day the end may stand for (an approximate date counting the days around it) comes before every day the start may stand for.",
        "Check both dates against the source; swap or correct them.",
        "rule",
    ),
    Code(
        "catch-all-unexplained",
        "Catch-all tie without a reason",
        "A relation of the catch-all type 'supports' has no evidence row with a note saying why nothing more specific is recorded.",
        "Record what was given if a source says it (arms, funds, trains, advises, shelters, supplies, troops, shares_intelligence, backs_politically), one row per kind; otherwise add a note to its evidence, such as \"Source says only 'support'\".",
        "rule",
    ),
    Code(
        "copy-incomplete",
        "Copy recorded by halves",
        "A citation names a copy read (copy_url or copy_publisher) without saying what kind of copy it is, names a kind with neither address nor publisher, or gives the same address as the original and the copy.",
        "Give copy_kind (syndication, reprint, mirror, wiki_clone, web_archive, translation, aggregator, forum) with copy_url or copy_publisher; put the original's address in url only where a page shows it.",
        "rule",
    ),
    Code(
        "ongoing-misused",
        "Ongoing where it cannot be",
        "'..' (ongoing: not ended when the latest source was published) stands in a column that is not an end date, or in an end date that the row says has ended (an appointment with an end_reason).",
        "Use '..' only in an end_date whose sources say the thing continues; give a start or publication date at the precision the source gives, and leave an end empty when it is not sourced.",
        "rule",
    ),
    Code(
        "disputed-without-dispute",
        "Disputed but nothing disputes it",
        "A row is marked disputed but no evidence row with stance 'disputes' points at it.",
        "Add the evidence row that disputes it, or lower the certainty to what its evidence supports.",
        "rule",
    ),
    Code(
        "dispute-not-marked",
        "Disputed row not marked",
        "An evidence row disputes this row, but its certainty is not 'disputed'.",
        "Set certainty to disputed, or remove the disputing evidence if it does not in fact conflict.",
        "rule",
    ),
    Code(
        "no-supporting-evidence",
        "Nothing supports the row",
        "No evidence row supports this row: each one disputes it or gives only context (stance 'context').",
        "Add the evidence that supports the row, or remove the row.",
        "rule",
    ),
    Code(
        "certainty-too-high",
        "Certainty higher than its evidence",
        "'confirmed' needs two citations (one not partisan) or a non-partisan official document; 'reported' needs a non-partisan citation; a claim resting on partisan sources only is 'alleged'.",
        "Lower the certainty, or add the independent evidence that supports it.",
        "rule",
    ),
    Code(
        "certainty-too-low",
        "Alleged, though independently reported",
        "'alleged' means that only a party to the matter or a partisan source makes the claim, but a non-partisan source supports this row in its own voice or from unnamed or named third parties.",
        "Set the certainty to 'reported' (or 'confirmed' where the rules allow); if that source does not in fact carry the claim, make its row 'context', or its claimant 'party' where it only reports a party's word.",
        "rule",
    ),
    Code(
        "appointee-not-person",
        "Appointee is not a person",
        "An appointment's person_id names an actor whose actor_type is not 'person'.",
        "Point person_id at the person who held the post; bodies and factions go in organization_id and on_behalf_of_id.",
        "rule",
    ),
    Code(
        "parent-cycle",
        "Parent organisations form a loop",
        "Following parent_id from this actor leads back to it.",
        "Break the loop: an actor cannot be part of itself, directly or through others.",
        "rule",
    ),
    Code(
        "unknown-country",
        "Not a country code",
        "A country cell has the form of a code but names no country in ISO 3166-1 alpha-2.",
        "Use the country's ISO 3166-1 alpha-2 code (GB, not UK); leave it empty for a historical state with no code.",
        "integrity",
    ),
    Code(
        "replaces-cycle",
        "Appointments replace each other in a loop",
        "Following replaces_id from this appointment leads back to it.",
        "Point replaces_id at the appointment this one took over from, which must have started earlier.",
        "rule",
    ),
    Code(
        "self-tie",
        "Tie to itself",
        "A relation's source and target are the same actor.",
        "Point target_id at the other actor; a body's ties to its own parts go through parent_id or member_of.",
        "rule",
    ),
    Code(
        "body-not-organization",
        "Appointed to a person",
        "An appointment's organization_id names a person: the body of a post must be a body (a cabinet, council, ministry, party).",
        "Put the body in organization_id and the person in person_id.",
        "rule",
    ),
    Code(
        "outside-lifetime",
        "Dated outside an actor's life",
        "A post held, an event taken part in or a tie begun certainly before a person was born or certainly after they died, or an appointment to a body certainly before it was founded or after it was dissolved (on every reading of both dates).",
        "Check both dates against their sources: correct the one that is wrong, or widen it to the precision the source gives.",
        "rule",
    ),
    Code(
        "cited-before-published",
        "Source older than what it reports",
        "An evidence row supports an event or a tie with a citation published certainly before the event or tie began (a source of 2021 may report August 2021; one of 2019 may not).",
        "Check the citation's published date and the row's date; a source that announces something in advance supports a plan, not the event.",
        "rule",
    ),
    Code(
        "future-date",
        "Date in the future",
        "A date lies certainly after the day the validator runs.",
        "Correct the date from the source (a typo in the year, usually).",
        "rule",
    ),
    Code(
        "identifier-form",
        "Identifier not in its scheme's form",
        "An actor identifier does not have the form its scheme's identifiers take (schemas/actor_identifiers.json gives each scheme's pattern: Q and digits for Wikidata, digits for UCDP and Gleditsch–Ward, two capitals for ISO 3166-1).",
        "Copy the identifier again from the source, or correct the scheme if it belongs to another.",
        "rule",
    ),
    Code(
        "identifier-shared",
        "One identifier on two actors",
        "Two actors carry the same identifier of one scheme: either one entity is entered twice, or one of the identifiers belongs to a part or a neighbour of the actor it matched.",
        "Keep the identifier on the actor the source's row names; merge the actors if they are one entity.",
        "rule",
    ),
    Code(
        "identifier-country",
        "ISO code differs from the actor's country",
        "A state's ISO 3166-1 identifier is not the code in its own country column.",
        "Correct whichever of the two is wrong; a state's country is itself.",
        "rule",
    ),
    Code(
        "duplicate-name",
        "One name on two actors",
        "Two actors share a name or spelling (compared ignoring case, accents, punctuation and an al-/el- prefix): usually one entity entered twice.",
        "Merge the two rows into one (keep the older ID) and move the other spelling to actor_names; if they are different entities, make their names distinct (add a qualifier to one).",
        "rule",
    ),
    # -- text hygiene and hostile text (free-text fields)
    Code(
        "formula-cell",
        "Cell runs as a formula",
        "A text cell starts with =, +, -, @, a tab or a carriage return, which spreadsheets execute as a formula.",
        "Reword the cell so it starts with a letter, digit or quotation mark (drop list bullets).",
        "text",
    ),
    Code(
        "markup",
        "Markup in text",
        "A text cell contains HTML or script markup.",
        "Write plain text; describe a link in words and put URLs in citations.url.",
        "text",
    ),
    Code(
        "invisible-character",
        "Invisible character",
        "A text cell contains a control, format or non-standard space character (zero-width space, bidi override, no-break space...); the zero-width non-joiner of Persian script is allowed.",
        "Delete the character, or replace it with a plain space.",
        "text",
    ),
    Code(
        "not-nfc",
        "Text not in NFC form",
        "A text cell is not in Unicode Normalization Form C, so equal-looking text would compare unequal.",
        "Run `iran-relations fmt`, which normalizes every cell to NFC.",
        "text",
    ),
    Code(
        "stray-whitespace",
        "Leading or trailing whitespace",
        "A text cell begins or ends with whitespace.",
        "Delete the leading or trailing spaces.",
        "text",
    ),
)
