"""Read datapackage.json and its Table Schemas into plain, typed descriptions.

The Table Schemas in ``schemas/`` are the single source of truth for the structure of the data;
the validator, the model generator and the docs read them through this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import IranRelationsError
from ..io.locations import DESCRIPTOR

__all__ = ["Category", "FieldSpec", "ForeignKey", "TableSpec", "PackageSpec", "DescriptorError", "read_package"]


class DescriptorError(IranRelationsError):
    """The descriptor or a schema cannot be read; validation cannot start."""


@dataclass(frozen=True)
class Category:
    value: str
    label: str
    description: str
    group: str | None = None  # a coarser class some lists give their values (relation_type: support, hostility…)
    pattern: str | None = None  # the form a value in this category takes (identifier schemes: Q123 for Wikidata)
    url: str | None = None  # where one value can be looked up, with {id} for the value (identifier schemes)


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    title: str
    description: str
    required: bool = False
    unique: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    categories: tuple[Category, ...] = ()
    example: str | None = None
    true_values: tuple[str, ...] = ("true", "True", "TRUE", "1")
    false_values: tuple[str, ...] = ("false", "False", "FALSE", "0")


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # the referenced table's name (resolved: never "")
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class TableSpec:
    name: str
    path: str  # relative to the package root, e.g. data/actors.csv
    schema_path: str
    title: str
    description: str
    fields: tuple[FieldSpec, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def key(self) -> str | None:
        """The single field that identifies a row (actor_id…), or None for a compound key."""
        return self.primary_key[0] if len(self.primary_key) == 1 else None

    @property
    def span(self) -> tuple[str | None, str | None]:
        """The fields holding when a row began and ended: its first EDTF date field (``date`` or
        ``start_date``) and ``end_date``; None where the table has none."""
        from .patterns import PARTIAL_DATE_PATTERN

        dates = [f.name for f in self.fields if f.pattern == PARTIAL_DATE_PATTERN]
        start = next((n for n in dates if n != "end_date"), None)
        return start, ("end_date" if "end_date" in dates else None)


@dataclass(frozen=True)
class PackageSpec:
    root: Path
    name: str
    version: str
    descriptor: dict[str, Any] = field(repr=False)
    tables: tuple[TableSpec, ...] = ()

    def table(self, name: str) -> TableSpec:
        for t in self.tables:
            if t.name == name:
                return t
        raise KeyError(name)

    @property
    def table_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.tables)

    @property
    def keyed_tables(self) -> tuple[str, ...]:
        """Tables whose rows have an ID of their own (one-field primary key), in package order."""
        return tuple(t.name for t in self.tables if t.key is not None)

    @property
    def record_tables(self) -> tuple[str, ...]:
        """The tables whose rows need evidence: the values ``evidence.record_table`` allows."""
        for t in self.tables:
            if t.name == "evidence" and "record_table" in t.field_names:
                return t.field("record_table").enum or ()
        return ()


def _load_json(path: Path, what: str) -> Any:
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise DescriptorError(f"{path}: {what} not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise DescriptorError(f"{path}: cannot read {what}: {e}") from None
    except json.JSONDecodeError as e:
        raise DescriptorError(f"{path}:{e.lineno}:{e.colno}: {what} is not valid JSON: {e.msg}") from None


def _field(d: Any, where: str) -> FieldSpec:
    if not isinstance(d, dict) or not isinstance(d.get("name"), str):
        raise DescriptorError(f"{where}: every field needs a name")
    c = d.get("constraints") or {}
    cats = tuple(
        Category(
            str(x["value"]),
            str(x.get("label", x["value"])),
            str(x.get("description", "")),
            str(x["group"]) if x.get("group") else None,
            str(x["pattern"]) if x.get("pattern") else None,
            str(x["url"]) if x.get("url") else None,
        )
        for x in d.get("categories") or ()
        if isinstance(x, dict) and "value" in x
    )
    kw: dict[str, Any] = {}
    if "trueValues" in d:
        kw["true_values"] = tuple(d["trueValues"])
    if "falseValues" in d:
        kw["false_values"] = tuple(d["falseValues"])
    return FieldSpec(
        name=d["name"],
        type=d.get("type", "string"),
        title=str(d.get("title") or d["name"]),
        description=d.get("description", ""),
        required=bool(c.get("required", False)),
        unique=bool(c.get("unique", False)),
        pattern=c.get("pattern"),
        enum=tuple(c["enum"]) if "enum" in c else None,
        categories=cats,
        example=d.get("example"),
        **kw,
    )


def _table(root: Path, res: Any, index: int) -> TableSpec:
    where = f"{DESCRIPTOR}: resources[{index}]"
    if not isinstance(res, dict) or not isinstance(res.get("name"), str) or not isinstance(res.get("path"), str):
        raise DescriptorError(f"{where}: a resource needs a name and a path")
    schema = res.get("schema")
    if not isinstance(schema, str):
        raise DescriptorError(f"{where}: schema must be the path of a Table Schema file")
    s = _load_json(root / schema, "Table Schema")
    if not isinstance(s, dict) or not isinstance(s.get("fields"), list):
        raise DescriptorError(f"{schema}: a Table Schema needs a list of fields")
    pk = s.get("primaryKey") or []
    fks = []
    for fk in s.get("foreignKeys") or []:
        ref = fk.get("reference", {})
        fks.append(
            ForeignKey(
                tuple(_listify(fk["fields"])), ref.get("resource") or res["name"], tuple(_listify(ref["fields"]))
            )
        )
    return TableSpec(
        name=res["name"],
        path=res["path"],
        schema_path=schema,
        title=res.get("title") or s.get("title") or res["name"],
        description=s.get("description") or res.get("description", ""),
        fields=tuple(_field(f, schema) for f in s["fields"]),
        primary_key=tuple(_listify(pk)),
        foreign_keys=tuple(fks),
    )


def _listify(v: Any) -> list[str]:
    return [v] if isinstance(v, str) else list(v)


def read_package(root: Path) -> PackageSpec:
    """Read the descriptor at ``root`` and every Table Schema it names."""
    d = _load_json(root / DESCRIPTOR, "data package descriptor")
    if not isinstance(d, dict) or not isinstance(d.get("resources"), list):
        raise DescriptorError(f"{root / DESCRIPTOR}: the descriptor needs a list of resources")
    try:
        tables = tuple(_table(root, r, i) for i, r in enumerate(d["resources"]))
    except (KeyError, TypeError, AttributeError) as e:
        raise DescriptorError(f"{root / DESCRIPTOR}: malformed schema ({e!r})") from None
    spec = PackageSpec(
        root=root, name=str(d.get("name", "")), version=str(d.get("version", "")), descriptor=d, tables=tables
    )
    from .checks import check_spec

    problems = check_spec(spec)
    if problems:
        raise DescriptorError("; ".join(problems))
    return spec
