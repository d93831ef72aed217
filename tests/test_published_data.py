"""The published data is valid under both validators, and its quotes are verbatim."""

from __future__ import annotations

import csv
import re
import unicodedata

import pytest
from conftest import ROOT, SOURCES

import iran_relations
from iran_relations import validate

# The source articles are not in the repo (copyright); map their citations to the stored texts.
ARTICLE_FILES = {
    "mepanews-iran-us-cooperation": "000_b715f09a37e81b6a.txt",
    "middleeasteye-2021-soleimani-taliban-deals": "001_b9910b108771775d.txt",
    "rferl-2017-iran-taliban-alliance": "002_dd0458e5275984f6.txt",
    "europeworldnews-2019-iran-network-iraq": "003_de7a05e8c79ddbd0.txt",
    "aiss-2023-iran-alqaeda-taliban": "004_d9956e8181c98b3d.txt",
}


def rows(table: str) -> list[dict[str, str]]:
    with open(ROOT / "data" / f"{table}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def norm(text: str) -> str:
    """Compare quotes whitespace aside and typographic quotes aside, as DESIGN.md allows."""
    text = unicodedata.normalize("NFC", text).translate(str.maketrans("‘’“”", "''\"\""))
    return re.sub(r"\s+", " ", text).strip()


def test_published_package_is_valid() -> None:
    """iran-relations validate finds nothing in data/."""
    report = validate(ROOT)
    assert report.issues == [], report.to_text()


def test_frictionless_validates_the_package() -> None:
    """`frictionless validate datapackage.json` passes: the package is a conformant Data Package."""
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(ROOT / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])


def test_load_returns_every_row() -> None:
    """load() returns one model per CSV row, keyed tables in file order."""
    ds = iran_relations.load(ROOT)
    for table in ("actors", "events", "appointments", "relations", "citations"):
        data = rows(table)
        key = f"{table[:-1]}_id" if table != "citations" else "citation_id"
        assert list(getattr(ds, table)) == [r[key] for r in data]
    for table in ("actor_names", "participants", "evidence"):
        assert len(getattr(ds, table)) == len(rows(table))


def test_the_source_articles_are_cited() -> None:
    """Each of the five source articles has its citation row, so the quote check below covers them all."""
    ids = {c["citation_id"] for c in rows("citations")}
    assert set(ARTICLE_FILES) <= ids
    assert len(set(ARTICLE_FILES.values())) == 5


@pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/sources is not beside this checkout")
def test_quotes_from_the_articles_are_verbatim_at_their_locator() -> None:
    """Each quote from a source article appears verbatim in it, in the paragraph its 'para. N' locator names."""
    checked = 0
    for e in rows("evidence"):
        name = ARTICLE_FILES.get(e["citation_id"])
        if name is None:
            continue
        paragraphs = [p for p in (SOURCES / name).read_text(encoding="utf-8").splitlines() if p.strip()]
        numbers = [int(n) for n in re.findall(r"\d+", e["locator"])] if e["locator"].startswith("para") else []
        if numbers:
            window = norm(" ".join(paragraphs[min(numbers) - 1 : max(numbers)]))
        else:
            window = norm(" ".join(paragraphs))
        # An ellipsis marks words left out: the parts must stand in the window in their order.
        at = 0
        for part in (norm(p) for p in e["quote"].split("…")):
            found = window.find(part, at) if part else at
            assert found >= 0, f"{e['record_table']}/{e['record_id']}: {part!r} not at {e['locator']} of {name}"
            at = found + len(part)
        checked += 1
    assert checked > 0
