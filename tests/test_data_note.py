"""Figures the data note states are the figures the data gives."""

from __future__ import annotations

import re
from collections import Counter

from conftest import ROOT

import iran_relations

NOTE = (ROOT / "docs" / "data-note.md").read_text(encoding="utf-8")


def _table_after(marker: str) -> dict[str, int]:
    """The `| `value` | count |` rows of the Markdown table that follows an HTML comment marker."""
    block = NOTE[NOTE.index(marker) :]
    counts: dict[str, int] = {}
    for line in block.splitlines()[1:]:
        line = line.strip()
        if not line.startswith("|"):
            if counts:
                break
            continue
        match = re.fullmatch(r"\|\s*`([a-z_]+)`\s*\|\s*(\d+)\s*\|", line)
        if match:
            counts[match.group(1)] = int(match.group(2))
    return counts


def test_the_governing_council_composition_in_the_note_is_the_datas() -> None:
    data = iran_relations.load(ROOT)
    council = data.actors["iraqi-governing-council"]
    founders = [
        a
        for a in data.appointments.values()
        if a.organization_id == council.actor_id and a.post == "Member" and a.start_date == council.start_date
    ]
    stated = _table_after("<!-- composition:")
    assert stated, "the composition table is missing from docs/data-note.md"
    assert Counter(a.community for a in founders) == Counter(stated)
    assert len(founders) == sum(stated.values())


def test_the_relation_types_in_the_note_are_the_datas() -> None:
    data = iran_relations.load(ROOT)
    stated = _table_after("<!-- relation types:")
    assert stated == dict(Counter(r.relation_type for r in data.relations.values()))


def test_the_note_lists_exactly_the_undated_relations() -> None:
    data = iran_relations.load(ROOT)
    block = NOTE[NOTE.index("<!-- undated relations:") :].split("\n\n", 1)[0]
    listed = set(re.findall(r"^- `([a-z0-9-]+)`", block, re.M))
    assert listed == {r.relation_id for r in data.relations.values() if r.start_date is None}


def test_every_citation_the_note_calls_undated_is_undated_and_every_undated_one_is_listed() -> None:
    data = iran_relations.load(ROOT)
    block = NOTE[NOTE.index("<!-- undated citations:") :]
    listed = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)*)`", block))
    undated = {c.citation_id for c in data.citations.values() if c.published is None}
    assert undated <= listed, sorted(undated - listed)
    assert not (listed & {c.citation_id for c in data.citations.values() if c.published is not None})
