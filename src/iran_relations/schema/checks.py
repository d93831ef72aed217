"""What a package's descriptor and Table Schemas must hold before any table is read.

A schema that names a key field it lacks, repeats a field or a resource, gives a pattern that does
not compile or a controlled list that is not text, or leaves out a field the library's row models
(generated from the published schemas) rely on, would otherwise surface as a crash deep in the
validator or a silently wrong ``fmt``. Each is a :class:`DescriptorError` naming the schema file.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .table_schema import PackageSpec, TableSpec

__all__ = ["check_spec", "check_models_agree", "require_models_agree"]


def check_spec(spec: PackageSpec) -> list[str]:
    """Every structural problem of the package's descriptor and schemas, as messages (none: sound)."""
    problems: list[str] = []
    names = Counter(t.name for t in spec.tables)
    problems += [f"datapackage.json: two resources are named {n!r}" for n, k in names.items() if k > 1]
    by_name = {t.name: t for t in spec.tables}
    for t in spec.tables:
        problems += _table_problems(t, by_name)
    return problems


def _table_problems(t: TableSpec, tables: dict[str, TableSpec]) -> list[str]:
    where, fields = t.schema_path, set(t.field_names)
    out = [f"{where}: field {n!r} is defined twice" for n, k in Counter(t.field_names).items() if k > 1]
    for name in t.primary_key:
        if not isinstance(name, str) or name not in fields:
            out.append(f"{where}: primaryKey names {name!r}, which is not a field of the schema")
    for fk in t.foreign_keys:
        target = tables.get(fk.resource)
        if any(not isinstance(f, str) or f not in fields for f in fk.fields):
            out.append(f"{where}: a foreign key names fields {list(fk.fields)!r} the schema does not have")
        if target is None:
            out.append(f"{where}: a foreign key points to resource {fk.resource!r}, which the package does not have")
        elif any(not isinstance(f, str) or f not in target.field_names for f in fk.reference_fields):
            out.append(
                f"{where}: a foreign key points to fields {list(fk.reference_fields)!r} that {fk.resource!r} lacks"
            )
        if len(fk.fields) != len(fk.reference_fields):
            out.append(
                f"{where}: a foreign key has {len(fk.fields)} field(s) but references {len(fk.reference_fields)}"
            )
    for f in t.fields:
        if f.pattern is not None:
            if not isinstance(f.pattern, str):
                out.append(f"{where}: field {f.name!r}: pattern must be a string")
            else:
                try:
                    re.compile(f.pattern)
                except re.error as e:
                    out.append(f"{where}: field {f.name!r}: pattern {f.pattern!r} does not compile ({e})")
        if f.enum is not None and not all(isinstance(v, str) for v in f.enum):
            out.append(f"{where}: field {f.name!r}: enum values must all be strings")
    return out


def check_models_agree(spec: PackageSpec) -> list[str]:
    """The validator and ``load()`` read the tables through row models generated from the published
    schemas: a schema without a field or key the models have cannot be checked or loaded. (``diff``
    does not ask this: a removed field is a change it reports.)"""
    out: list[str] = []
    for t in spec.tables:
        out += _agrees_with_models(t)
    return out


def _agrees_with_models(t: TableSpec) -> list[str]:
    from .models import MODELS

    model = MODELS.get(t.name)
    if model is None:
        return []
    missing = [n for n in model.model_fields if n not in t.field_names]
    out = [
        f"{t.schema_path}: field {n!r} is missing; the library's {t.name} rows need it "
        "(a changed schema needs `make generate` and a code change)"
        for n in missing
    ]
    key = getattr(model, "key", None)
    if key is not None and tuple(t.primary_key) != tuple(key):
        out.append(
            f"{t.schema_path}: primaryKey is {list(t.primary_key)!r}; the library's {t.name} rows are keyed by {list(key)!r}"
        )
    return out


def require_models_agree(spec: PackageSpec) -> None:
    """Raise :class:`~iran_relations.schema.table_schema.DescriptorError` unless the schemas have
    every field and key the row models need."""
    from .table_schema import DescriptorError

    problems = check_models_agree(spec)
    if problems:
        raise DescriptorError("; ".join(problems))
