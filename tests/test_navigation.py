"""Navigation and look-up by name on the published data, checked against the CSVs read directly."""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter, defaultdict

import pytest
from conftest import ROOT, data_rows

import iran_relations
from iran_relations import UnknownID


@pytest.fixture(scope="module")
def ds():
    return iran_relations.load(ROOT)


_csv = data_rows


def _accented(text: str) -> str:
    """The text with an acute accent on every vowel, as a transliteration might write it."""
    return unicodedata.normalize("NFC", "".join(c + "\u0301" if c in "aeiou" else c for c in text))


def test_every_recorded_spelling_finds_its_actor(ds) -> None:
    for row in _csv("actor_names"):
        assert row["actor_id"] in [a.actor_id for a in ds.find(row["name"])], row


def test_find_ignores_case_accents_and_articles(ds) -> None:
    for actor in ds.actors.values():
        for variant in (actor.name.upper(), actor.name.lower(), _accented(actor.name), f"the {actor.name}"):
            found = ds.find(variant)
            assert found and found[0].actor_id in {
                a.actor_id for a in ds.actors.values() if a.name.casefold() == actor.name.casefold()
            } | {actor.actor_id}, (variant, found[:2])
    with_article = [a for a in ds.actors.values() if a.name.lower().startswith(("al-", "el-"))]
    assert with_article, "the data has actors named with al-/el-"
    for actor in with_article:
        assert actor in ds.find(actor.name[3:]), actor.name


def test_find_puts_canonical_names_first_and_finds_nothing_for_nothing(ds) -> None:
    assert ds.find("") == () and ds.find("--") == ()
    for actor in ds.actors.values():
        found = ds.find(actor.name)
        assert found.index(actor) == min(i for i, a in enumerate(found) if a.name.casefold() == actor.name.casefold())


def test_an_unknown_id_names_the_closest_ones(ds) -> None:
    some = next(a for a in ds.actors.values() if a.actor_type == "person")
    with pytest.raises(UnknownID) as caught:
        ds.actor(some.actor_id + "x")
    assert isinstance(caught.value, KeyError)
    with pytest.raises(KeyError):
        ds.actor("no-such-actor-anywhere")


def test_names_posts_members_and_seats_match_the_tables(ds) -> None:
    names, posts, members, seats = defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list)
    for row in _csv("actor_names"):
        names[row["actor_id"]].append(row["name"])
    for row in _csv("appointments"):
        posts[row["person_id"]].append(row["appointment_id"])
        members[row["organization_id"]].append(row["appointment_id"])
        if row["on_behalf_of_id"]:
            seats[row["on_behalf_of_id"]].append(row["appointment_id"])
    for actor_id in ds.actors:
        assert [n.name for n in ds.names(actor_id)] == names.get(actor_id, [])
        assert [a.appointment_id for a in ds.posts(actor_id)] == posts.get(actor_id, [])
        assert [a.appointment_id for a in ds.members(actor_id)] == members.get(actor_id, [])
        assert [a.appointment_id for a in ds.seats(actor_id)] == seats.get(actor_id, [])


def test_an_appointment_leads_to_its_person_body_faction_and_predecessor(ds) -> None:
    replaced = 0
    for row in _csv("appointments"):
        a = ds.appointments[row["appointment_id"]]
        assert ds.person(a).actor_id == row["person_id"]
        assert ds.body(row["appointment_id"]).actor_id == row["organization_id"]
        faction = ds.faction(a)
        assert (faction.actor_id if faction else "") == row["on_behalf_of_id"]
        before = ds.predecessor(a)
        assert (before.appointment_id if before else "") == row["replaces_id"]
        if before is not None:
            replaced += 1
            assert a in ds.successors(before)
    assert replaced, "the rosters record replacements"


def test_ties_events_and_roles_match_the_tables(ds) -> None:
    relations = _csv("relations")
    participants = _csv("participants")
    for actor_id in ds.actors:
        assert [r.relation_id for r in ds.ties(actor_id)] == [
            r["relation_id"] for r in relations if actor_id in (r["source_id"], r["target_id"])
        ]
        took_part = {p["event_id"] for p in participants if p["actor_id"] == actor_id}
        assert [e.event_id for e in ds.events_of(actor_id)] == [e for e in ds.events if e in took_part]
        assert len(ds.roles(actor_id)) == sum(p["actor_id"] == actor_id for p in participants)
    for event_id in ds.events:
        assert len(ds.participants_in(event_id)) == sum(p["event_id"] == event_id for p in participants)


def test_every_record_leads_to_its_evidence_and_sources(ds) -> None:
    evidence = _csv("evidence")
    counts = Counter((e["record_table"], e["record_id"]) for e in evidence)
    tables = {"actors": ds.actors, "events": ds.events, "appointments": ds.appointments, "relations": ds.relations}
    for table, rows in tables.items():
        for rid, row in rows.items():
            found = ds.evidence_for(row)
            assert len(found) == counts[(table, rid)] > 0
            assert ds.evidence_for(table, rid) == found
            cited = [c.citation_id for c in ds.citations_for(row)]
            assert cited == list(dict.fromkeys(e.citation_id for e in found))
    for citation_id in ds.citations:
        assert len(ds.cited_by(citation_id)) == sum(e["citation_id"] == citation_id for e in evidence)
    with pytest.raises(ValueError):
        ds.evidence_for(next(iter(ds.citations.values())))


def test_parents_and_children_are_each_others(ds) -> None:
    for actor in ds.actors.values():
        parent = ds.parent(actor.actor_id)
        assert (parent.actor_id if parent else None) == actor.parent_id
        if parent is not None:
            assert actor in ds.children(parent.actor_id)


def test_a_redirected_id_leads_to_the_row_that_replaced_it(tmp_path) -> None:
    from conftest import build_package

    pkg = build_package(tmp_path)
    with (pkg / "data" / "redirects.csv").open(encoding="utf-8", newline="") as f:
        redirects = list(csv.DictReader(f))
    assert redirects, "the valid fixture has a redirect"
    fixture = iran_relations.load(pkg)
    for r in redirects:
        assert r["old_id"] not in getattr(fixture, r["record_table"])
        assert fixture.current_id(r["record_table"], r["old_id"]) == r["new_id"]
        if r["record_table"] == "actors":
            assert fixture.actor(r["old_id"]).actor_id == r["new_id"]
    assert fixture.current_id("actors", "never-an-id") == "never-an-id"
