"""Finding actors as people type, identifiers, sides, and the error for an unknown ID (issue 17).

Expectations are derived from the CSVs read directly, not from the library's own answers.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

import pytest
from conftest import ROOT, data_rows

import iran_relations
from iran_relations import UnknownID
from iran_relations.cli import main
from iran_relations.export import export
from iran_relations.schema.names import loose_words


@pytest.fixture(scope="module")
def ds():
    return iran_relations.load(ROOT)


_csv = data_rows


def test_a_surname_finds_the_person(ds) -> None:
    """Every person is found by the last word of their name, and ranked among the whole-word matches."""
    for row in _csv("actors"):
        words = loose_words(row["name"])
        if row["actor_type"] != "person" or len(words) < 2 or len(words[-1]) < 4:
            continue
        found = ds.search(row["name"].split()[-1])
        assert row["actor_id"] in [m.actor.actor_id for m in found if m.how in ("name", "other name", "words")], row


def test_a_native_name_is_found_in_either_arabic_or_persian_letters(ds) -> None:
    swap = str.maketrans({"ی": "ي", "ک": "ك", "ي": "ی", "ك": "ک"})
    native = [r for r in _csv("actor_names") if r["kind"] == "native" and r["lang"] in ("fa", "ar", "ps")]
    assert native
    for row in native:
        assert row["actor_id"] in [a.actor_id for a in ds.find(row["name"].translate(swap))], row
        last = row["name"].split()[-1]
        assert row["actor_id"] in [a.actor_id for a in ds.find(last)], (row, last)


def test_part_of_a_name_finds_it_and_a_misspelling_is_suggested(ds) -> None:
    target = next(
        r
        for r in _csv("actors")
        if r["actor_type"] == "person" and len(r["name"].split()[-1]) >= 7 and r["name"].split()[-1].isalpha()
    )
    surname = target["name"].split()[-1]
    assert target["actor_id"] in [a.actor_id for a in ds.find(surname[:5])]
    typo = surname[:2] + surname[3] + surname[2] + surname[4:]  # two letters swapped
    found = ds.search(typo)
    if found and found[0].how != "near":
        pytest.skip(f"{typo!r} happens to match a name")
    assert target["actor_id"] in [m.actor.actor_id for m in found]


def test_nothing_is_found_for_nothing(ds) -> None:
    assert ds.find("") == () and ds.search("zzqqxxw") == ()


def test_every_navigation_call_rejects_an_unknown_id(ds) -> None:
    calls = [
        lambda: ds.names("nobody-here"),
        lambda: ds.identifiers("nobody-here"),
        lambda: ds.children("nobody-here"),
        lambda: ds.parent("nobody-here"),
        lambda: ds.posts("nobody-here"),
        lambda: ds.members("nobody-here"),
        lambda: ds.seats("nobody-here"),
        lambda: ds.ties("nobody-here"),
        lambda: ds.events_of("nobody-here"),
        lambda: ds.roles("nobody-here"),
        lambda: ds.part_of("nobody-here"),
        lambda: ds.top_level("nobody-here"),
        lambda: ds.participants_in("no-such-event"),
        lambda: ds.person("no-such-appointment"),
        lambda: ds.successors("no-such-appointment"),
        lambda: ds.evidence_for("relations", "no-such-relation"),
        lambda: ds.cited_by("no-such-citation"),
        lambda: ds.roster("nobody-here"),
    ]
    for call in calls:
        with pytest.raises(UnknownID):
            call()


def test_an_unknown_id_suggests_the_actor_meant(ds) -> None:
    body = next(r for r in _csv("appointments"))["organization_id"]
    name = next(r["name"] for r in _csv("actors") if r["actor_id"] == body)
    with pytest.raises(UnknownID, match=body):
        ds.members(name)  # a name where the ID belongs


def test_part_of_walks_parent_ids_at_any_depth(ds) -> None:
    parent = {r["actor_id"]: r["parent_id"] for r in _csv("actors")}
    under: dict[str, set[str]] = defaultdict(set)
    for actor in parent:
        current, seen = actor, set()
        while current and current not in seen:
            under[current].add(actor)
            seen.add(current)
            current = parent.get(current, "")
    for actor_id, members in under.items():
        assert {a.actor_id for a in ds.part_of(actor_id)} == members, actor_id
        for member in members:
            top = member
            while parent.get(top):
                top = parent[top]
            assert ds.top_level(member).actor_id == top
    assert any(len(m) > 2 for m in under.values())  # some actor has parts below its parts


def test_by_identifier_finds_each_recorded_identifier(ds) -> None:
    rows = _csv("actor_identifiers")
    assert rows
    for row in rows:
        assert ds.by_identifier(row["scheme"], row["identifier"]).actor_id == row["actor_id"]
        assert row in [
            {k: ("" if v is None else v) for k, v in i.model_dump().items()} for i in ds.identifiers(row["actor_id"])
        ]
    with pytest.raises(ValueError, match="scheme"):
        ds.by_identifier("acled", "1")
    with pytest.raises(UnknownID):
        ds.by_identifier("wikidata", "Q999999999999")


def test_the_actors_frame_carries_top_level_and_identifiers(ds) -> None:
    frame = ds.to_pandas()["actors"].set_index("actor_id")
    for row in _csv("actor_identifiers"):
        assert frame.loc[row["actor_id"], row["scheme"]] == row["identifier"]
    schemes = ds.spec.table("actor_identifiers").field("scheme").enum
    counts = {s: sum(1 for r in _csv("actor_identifiers") if r["scheme"] == s) for s in schemes}
    for scheme in schemes:
        assert int(frame[scheme].notna().sum()) == counts[scheme]
    for actor_id, top in frame["top_level_id"].items():
        assert top == ds.top_level(actor_id).actor_id


def test_the_sqlite_view_gives_each_actor_its_top_level(ds, tmp_path) -> None:
    db, _ = export(ds, "sqlite", tmp_path)
    with sqlite3.connect(db) as con:
        rows = dict(con.execute("SELECT actor_id, top_level_id FROM actor_top_level"))
    assert rows == {a: ds.top_level(a).actor_id for a in ds.actors}


def test_search_command_ranks_and_suggests(capsys) -> None:
    person = next(r for r in _csv("actors") if r["actor_type"] == "person" and len(r["name"].split()) >= 2)
    assert main(["search", person["name"].split()[-1], "--package", str(ROOT)]) == 0
    assert person["actor_id"] in capsys.readouterr().out
    assert main(["search", "zzqqxxw", "--package", str(ROOT)]) == 1
    assert "no actor is known" in capsys.readouterr().err


def test_show_takes_a_surname(capsys) -> None:
    actors = _csv("actors")
    surnames = defaultdict(list)
    for r in actors:
        surnames[loose_words(r["name"])[-1]].append(r)
    unique = next(
        rs[0] for w, rs in surnames.items() if len(rs) == 1 and rs[0]["actor_type"] == "person" and len(w) > 5
    )
    assert main(["show", unique["name"].split()[-1], "--package", str(ROOT)]) == 0
    assert f"[{unique['actor_id']}]" in capsys.readouterr().out
