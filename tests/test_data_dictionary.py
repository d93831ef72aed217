"""The generated data dictionary: a page per table, every field on it, data shown as text."""

from __future__ import annotations

from conftest import ROOT

from iran_relations.schema.table_schema import FieldSpec, read_package
from iran_relations.site import actor_pages, cite_page, cli_page, dictionary, figures, rosters, sources_page
from iran_relations.site.markdown import cell


def test_the_pages_are_up_to_date_and_cover_every_table_and_field() -> None:
    pages = dictionary.pages(ROOT)  # built with the site (docs_hooks/site_pages.py), never committed
    for t in read_package(ROOT).tables:
        page = pages[f"{dictionary.FOLDER}/{t.name}.md"]
        for f in t.fields:
            assert f"| `{f.name}` |" in page
            for c in f.categories:
                assert f"| `{c.value}` |" in page


def test_values_from_the_data_show_as_text() -> None:
    hostile = '<script>alert("x")</script> | `tick` <img src=x onerror=alert(1)>\nnext'
    f = FieldSpec(name="title", type="string", title="Title", description="d")
    shown = dictionary.examples(f, [{"title": hostile}])
    assert "<script>" not in shown and "<img" not in shown and "\n" not in shown
    assert "&lt;script&gt;" in shown and "&#124;" in shown and "&#96;tick&#96;" in shown


def test_each_roster_page_lists_every_appointment_of_its_body() -> None:
    import csv

    pages = rosters.pages(ROOT)
    with (ROOT / "data" / "appointments.csv").open(encoding="utf-8", newline="") as f:
        appointments = list(csv.DictReader(f))
    with (ROOT / "data" / "actors.csv").open(encoding="utf-8", newline="") as f:
        names = {r["actor_id"]: r["name"] for r in csv.DictReader(f)}
    for body in rosters.BODIES:
        text = pages[f"{rosters.FOLDER}/{body}.md"]
        rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| post |")]
        members = [a for a in appointments if a["organization_id"] == body]
        assert len(rows) == len(members) > 0
        for a in members:
            assert any(
                line.startswith(f"| {cell(a['post'])} | [{cell(names[a['person_id']])}](../actors/{a['person_id']}.md)")
                for line in rows
            ), a["appointment_id"]


def test_markdown_in_the_data_cannot_make_a_link_or_a_format() -> None:
    import markdown

    hostile = "[click](javascript:alert(1)) **bold** _it_ `code` # head <b>tag</b> ![img](x.png) &amp;"
    rendered = markdown.markdown(cell(hostile), extensions=["tables"])
    assert "<a " not in rendered and "<strong>" not in rendered and "<em>" not in rendered
    assert "<code>" not in rendered and "<b>" not in rendered and "<img" not in rendered
    text = rendered.removeprefix("<p>").removesuffix("</p>")
    import html

    assert html.unescape(text) == hostile


def test_every_actor_has_a_page_with_every_name_it_is_known_by() -> None:
    import csv

    pages = actor_pages.pages(ROOT)
    with (ROOT / "data" / "actors.csv").open(encoding="utf-8", newline="") as f:
        actors = list(csv.DictReader(f))
    with (ROOT / "data" / "actor_names.csv").open(encoding="utf-8", newline="") as f:
        names = list(csv.DictReader(f))
    assert len(pages) == len(actors) + 1
    index = pages[f"{actor_pages.FOLDER}/index.md"]
    for a in actors:
        page = pages[f"{actor_pages.FOLDER}/{a['actor_id']}.md"]
        assert page.splitlines()[2] == f"# {cell(a['name'])}"
        assert f"]({a['actor_id']}.md)" in index
    for n in names:
        assert cell(n["name"]) in pages[f"{actor_pages.FOLDER}/{n['actor_id']}.md"]


def test_the_cli_reference_names_every_command_and_option() -> None:
    from iran_relations.cli import COMMANDS

    page = cli_page.render()
    assert (ROOT / "docs" / cli_page.TARGET).read_text(encoding="utf-8") == page, "run `make generate`"
    parsers = cli_page.subparsers(cli_page.build_parser())
    for name in COMMANDS:
        assert f"## `{name}`" in page
        for action in parsers[name]._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}" in page, (name, option)


def test_the_bibliography_lists_every_citation_with_what_it_backs() -> None:
    import csv

    page = sources_page.render(ROOT)
    with (ROOT / "data" / "evidence.csv").open(encoding="utf-8", newline="") as f:
        evidence = list(csv.DictReader(f))
    with (ROOT / "data" / "citations.csv").open(encoding="utf-8", newline="") as f:
        citations = list(csv.DictReader(f))
    lines = {line.split("<small>`")[1].split("`")[0]: line for line in page.splitlines() if "<small>`" in line}
    assert set(lines) == {c["citation_id"] for c in citations}
    for c in citations:
        quotes = [e for e in evidence if e["citation_id"] == c["citation_id"]]
        rows = {(e["record_table"], e["record_id"]) for e in quotes}
        cells = [x.strip() for x in lines[c["citation_id"]].split(" | ")]
        assert cells[6:8] == [str(len(quotes)), str(len(rows))], c["citation_id"]
        assert cells[3] == c["source_class"]
        assert cells[5] == ("yes" if c["partisan"] == "true" else "no")


def test_the_timeline_and_ties_pages_give_the_figures_numbers_as_text() -> None:
    import csv
    from collections import Counter

    pages = figures.pages(ROOT)
    with (ROOT / "data" / "events.csv").open(encoding="utf-8", newline="") as f:
        events = list(csv.DictReader(f))
    timeline = pages["timeline.md"]
    from iran_relations.schema.partial_date import PartialDate

    def year_of(text: str) -> int:
        d = PartialDate.parse(text)
        return d.first_year or d.last_year

    for year, n in Counter(year_of(e["date"]) for e in events).items():
        assert f"| {year} | {n} |" in timeline
    assert sum(1 for line in timeline.splitlines() if line.startswith("| ") and "**" in line) == len(events)
    with (ROOT / "data" / "relations.csv").open(encoding="utf-8", newline="") as f:
        relations = list(csv.DictReader(f))
    with (ROOT / "data" / "actors.csv").open(encoding="utf-8", newline="") as f:
        parent = {a["actor_id"]: a["parent_id"] for a in csv.DictReader(f)}

    def iranian(actor_id: str) -> bool:
        seen = set()
        while actor_id and actor_id not in seen:
            if actor_id == "iran":
                return True
            seen.add(actor_id)
            actor_id = parent.get(actor_id, "")
        return False

    around = [r for r in relations if iranian(r["source_id"]) != iranian(r["target_id"])]
    page = pages["relations.md"]
    listed = [line for line in page.splitlines() if line.startswith("- [")]
    assert len(listed) == len(around) > 0


def test_the_cite_page_names_the_version_of_the_package() -> None:
    import json

    page = cite_page.render(ROOT)
    assert (ROOT / "docs" / cite_page.TARGET).read_text(encoding="utf-8") == page, "run `make generate`"
    version = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert f"version {version}" in page and f"version = {{{version}}}" in page
