"""The Table Schemas are complete and consistent, and the generated models match them."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from iran_relations.schema.models import MODELS
from iran_relations.schema.table_schema import read_package

SPEC = read_package(ROOT)
FIELDS = [(t.name, f) for t in SPEC.tables for f in t.fields]


def test_the_tables_of_design_md_and_redirects_are_described() -> None:
    """datapackage.json names the tables of DESIGN.md (external identifiers as actor_identifiers, issue
    17) and the redirects table (issue 8), each
    with a CSV in data/ and a schema in schemas/."""
    names = [t.name for t in SPEC.tables]
    assert sorted(names) == sorted(
        [
            "actors",
            "actor_names",
            "actor_identifiers",
            "events",
            "participants",
            "appointments",
            "relations",
            "citations",
            "evidence",
            "redirects",
        ]
    )
    for t in SPEC.tables:
        assert t.path == f"data/{t.name}.csv" and (ROOT / t.path).is_file()
        assert t.schema_path == f"schemas/{t.name}.json" and (ROOT / t.schema_path).is_file()


@pytest.mark.parametrize(("table", "field"), FIELDS, ids=[f"{t}.{f.name}" for t, f in FIELDS])
def test_every_field_is_described(table: str, field) -> None:
    """Every field has a title and a description of at least a sentence, for newcomers and the docs."""
    assert field.title and field.title != field.name
    assert len(field.description) >= 20 and field.description[0].isupper()


@pytest.mark.parametrize(
    ("table", "field"), [(t, f) for t, f in FIELDS if f.enum is not None], ids=lambda x: getattr(x, "name", x)
)
def test_controlled_lists_have_definitions(table: str, field) -> None:
    """Each controlled-list value is defined: categories repeat the enum exactly, each with a label and description."""
    assert tuple(c.value for c in field.categories) == field.enum
    for c in field.categories:
        assert c.label and len(c.description) >= 10


def test_ids_have_slug_pattern_and_keys_are_declared() -> None:
    """Every *_id field is a slug; every table has a primary key; foreign keys point at real fields."""
    for t in SPEC.tables:
        assert t.primary_key, t.name
        for f in t.fields:
            if f.name.endswith("_id"):
                assert f.pattern == r"^[a-z0-9]+(-[a-z0-9]+)*$", f"{t.name}.{f.name}"
        for fk in t.foreign_keys:
            target = SPEC.table(fk.resource)
            assert set(fk.reference_fields) <= set(target.field_names)
            assert set(fk.fields) <= set(t.field_names)


def test_examples_fit_their_fields() -> None:
    """A field's documented example satisfies its own pattern and controlled list."""
    for t, f in FIELDS:
        if f.example is None:
            continue
        if f.pattern:
            assert re.match(f.pattern, f.example), f"{t}.{f.name}: {f.example}"
        if f.enum:
            assert f.example in f.enum, f"{t}.{f.name}: {f.example}"


def test_models_mirror_schemas() -> None:
    """Each generated model has exactly its table's fields, in order, with the schema's descriptions."""
    for t in SPEC.tables:
        model = MODELS[t.name]
        assert list(model.model_fields) == list(t.field_names)
        for f in t.fields:
            assert model.model_fields[f.name].description == f.description
            assert model.model_fields[f.name].is_required() == f.required


def test_generated_models_are_up_to_date() -> None:
    """models.py and the pages made from the code are exactly what `make generate` writes (no drift)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_schema_files_are_json_objects_with_comment() -> None:
    """Each schema says it is the source of truth, so an editor knows where to make changes."""
    for t in SPEC.tables:
        d = json.loads((ROOT / t.schema_path).read_text(encoding="utf-8"))
        assert "single source of truth" in d["$comment"]


def test_id_examples_are_real_rows() -> None:
    """Examples of ID fields name rows that exist in the published data, so the docs show real cases."""
    import csv

    ids: dict[str, set[str]] = {}
    for t in SPEC.tables:
        with open(ROOT / t.path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                for k in t.primary_key:
                    ids.setdefault(k, set()).add(row[k])
    targets = {
        "actor_id": "actor_id",
        "person_id": "actor_id",
        "organization_id": "actor_id",
        "on_behalf_of_id": "actor_id",
        "parent_id": "actor_id",
        "source_id": "actor_id",
        "target_id": "actor_id",
        "event_id": "event_id",
        "appointment_id": "appointment_id",
        "replaces_id": "appointment_id",
        "relation_id": "relation_id",
        "citation_id": "citation_id",
        "via_id": "citation_id",
        "record_id": None,
    }
    for t, f in FIELDS:
        if f.example is None or f.name not in targets:
            continue
        pool = set().union(*ids.values()) if targets[f.name] is None else ids.get(targets[f.name], set())
        if f.name in ("event_id", "citation_id") and t not in ("events", "citations"):
            pool = ids.get(f.name, set())
        assert f.example in pool, f"{t}.{f.name} example {f.example!r} is not a row in the data"
