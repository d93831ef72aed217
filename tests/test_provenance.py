"""The provenance summary counts independent sources the way the certainty rules do."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, build_package

import iran_relations
from iran_relations.provenance import BANDS, provenance


def test_every_row_falls_in_one_band() -> None:
    ds = iran_relations.load(ROOT)
    p = provenance(ds)
    for t, info in p["tables"].items():
        assert sum(sum(b.values()) for b in info["by_certainty"].values()) == len(getattr(ds, t)) == info["rows"]
    assert sum(p["citations"]["by_class"].values()) == len(ds.citations)
    assert p["citations"]["read_in_copy"] == sum(1 for c in ds.citations.values() if c.copy_kind)


def test_a_confirmed_row_never_rests_on_fewer_than_two_sources_unless_an_official_document() -> None:
    ds = iran_relations.load(ROOT)
    for t, info in provenance(ds)["tables"].items():
        confirmed = info["by_certainty"].get("confirmed", dict.fromkeys(BANDS, 0))
        official = sum(
            1
            for r in getattr(ds, t).values()
            if getattr(r, "certainty", None) == "confirmed"
            and any(c.source_type == "official_document" and not c.partisan for c in ds.citations_for(r))
        )
        assert confirmed["tertiary only"] + confirmed["1 source"] <= official, t


def test_a_source_and_the_source_quoting_it_count_once(tmp_path: Path) -> None:
    """In the fixture, event-two rests on cite-quoted, known through cite-opinion: with both it is one source."""
    pkg = build_package(tmp_path)
    with (pkg / "data" / "evidence.csv").open("a", encoding="utf-8") as f:
        f.write("events,event-two,cite-opinion,para. 9,the statement,supports,,\n")
    ds = iran_relations.load(pkg)
    assert ds.citations["cite-quoted"].via_id == "cite-opinion"
    bands = provenance(ds)["tables"]["events"]["by_certainty"]
    assert bands["alleged"]["1 source"] == 1 and bands["alleged"]["2 sources"] == 0
    assert bands["confirmed"]["2 sources"] == 1


def test_a_party_claim_reported_by_a_second_outlet_does_not_confirm(tmp_path: Path) -> None:
    """event-one is confirmed by a news report and an opinion piece; once the news report only relays
    a party's claim (claimant 'party'), the validator asks for a lower certainty at its line."""
    from iran_relations import validate

    pkg = build_package(tmp_path)
    assert validate(pkg).valid
    path = pkg / "data" / "evidence.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [
        line.replace(",supports,,", ",supports,party,", 1) if line.startswith("events,event-one,cite-news,") else line
        for line in lines
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = [(i.path, i.line, i.code) for i in validate(pkg).issues]
    assert found == [("data/events.csv", 2, "certainty-too-high")]
    assert provenance(iran_relations.load(pkg))["tables"]["events"]["by_certainty"]["confirmed"]["2 sources"] == 0
