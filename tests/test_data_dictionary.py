"""The generated data dictionary: a page per table, every field on it, data shown as text."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import generate_data_dictionary as dictionary  # noqa: E402

from iran_relations.table_schema import FieldSpec, read_package  # noqa: E402


def test_the_pages_are_up_to_date_and_cover_every_table_and_field() -> None:
    pages = dictionary.pages()
    for path, text in pages.items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run `make generate`"
    for t in read_package(ROOT).tables:
        page = pages[dictionary.FOLDER / f"{t.name}.md"]
        for f in t.fields:
            assert f"| `{f.name}` |" in page
            for c in f.categories:
                assert f"| `{c.value}` |" in page


def test_values_from_the_data_show_as_text() -> None:
    hostile = '<script>alert("x")</script> | `tick` <img src=x onerror=alert(1)>\nnext'
    f = FieldSpec(name="title", type="string", title="Title", description="d")
    shown = dictionary._examples(f, [{"title": hostile}])
    assert "<script>" not in shown and "<img" not in shown and "\n" not in shown
    assert "&lt;script&gt;" in shown and "&#124;" in shown and "&#96;tick&#96;" in shown
