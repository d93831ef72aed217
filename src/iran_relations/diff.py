"""A semantic diff of two data packages: per table, rows added, removed and changed, by key.

Rows are matched by their table's primary key, so a row that moved in the file is not a change;
a changed row lists each field whose value differs. Tables and fields that one package has and
the other lacks are reported too. The result renders as text, Markdown or JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import IranRelationsError
from .io.locations import resolve_root
from .io.strict import read_csv
from .schema.table_schema import PackageSpec, TableSpec, read_package

__all__ = ["PackageDiff", "TableDiff", "diff", "DiffError"]

# Problems of form that leave every row readable as it is: a diff can go on past them.
_HARMLESS = {"byte-order-mark", "line-ending", "blank-row"}


class DiffError(IranRelationsError):
    """A table cannot be compared: it cannot be read, its rows do not fit its header, its key
    columns are missing, or a key appears twice. Comparing anyway would report false changes."""


Key = tuple[str, ...]


@dataclass
class TableDiff:
    name: str
    added: list[Key] = field(default_factory=list)
    removed: list[Key] = field(default_factory=list)
    changed: dict[Key, dict[str, tuple[str, str]]] = field(default_factory=dict)  # key -> field -> (old, new)
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.fields_added or self.fields_removed)


@dataclass
class PackageDiff:
    old_version: str
    new_version: str
    tables_added: list[str] = field(default_factory=list)
    tables_removed: list[str] = field(default_factory=list)
    tables: list[TableDiff] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.tables_added or self.tables_removed or any(self.tables))

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "tables_added": self.tables_added,
            "tables_removed": self.tables_removed,
            "tables": {
                t.name: {
                    "added": [list(k) for k in t.added],
                    "removed": [list(k) for k in t.removed],
                    "changed": [
                        {"key": list(k), "fields": {f: {"old": o, "new": n} for f, (o, n) in fields.items()}}
                        for k, fields in t.changed.items()
                    ],
                    "fields_added": t.fields_added,
                    "fields_removed": t.fields_removed,
                }
                for t in self.tables
                if t
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        lines = [f"{self.old_version} -> {self.new_version}"]
        lines += [f"table added: {n}" for n in self.tables_added] + [f"table removed: {n}" for n in self.tables_removed]
        for t in self.tables:
            if not t:
                continue
            lines.append(f"{t.name}: {len(t.added)} added, {len(t.removed)} removed, {len(t.changed)} changed")
            lines += [f"  field added: {f}" for f in t.fields_added] + [
                f"  field removed: {f}" for f in t.fields_removed
            ]
            lines += [f"  + {_key(k)}" for k in t.added] + [f"  - {_key(k)}" for k in t.removed]
            for k, fields in t.changed.items():
                lines.append(f"  ~ {_key(k)}")
                lines += [f"      {f}: {o!r} -> {n!r}" for f, (o, n) in fields.items()]
        if not self:
            lines.append("no differences")
        return "\n".join(lines)

    def to_markdown(self) -> str:
        lines = [f"## Data changes: {self.old_version} → {self.new_version}", ""]
        if not self:
            return "\n".join([*lines, "No differences."])
        lines += [f"- Table added: `{n}`" for n in self.tables_added] + [
            f"- Table removed: `{n}`" for n in self.tables_removed
        ]
        lines += ["", "| table | added | removed | changed |", "|---|---:|---:|---:|"]
        lines += [f"| `{t.name}` | {len(t.added)} | {len(t.removed)} | {len(t.changed)} |" for t in self.tables if t]
        for t in self.tables:
            if not t:
                continue
            lines += ["", f"### `{t.name}`", ""]
            lines += [f"- field added: `{f}`" for f in t.fields_added] + [
                f"- field removed: `{f}`" for f in t.fields_removed
            ]
            lines += [f"- added `{_key(k)}`" for k in t.added] + [f"- removed `{_key(k)}`" for k in t.removed]
            for k, fields in t.changed.items():
                changes = "; ".join(f"{f}: {_md(o)} → {_md(n)}" for f, (o, n) in fields.items())
                lines.append(f"- changed `{_key(k)}`: {changes}")
        return "\n".join(lines)


def _key(key: Key) -> str:
    return key[0] if len(key) == 1 else " / ".join(key)


def _md(value: str) -> str:
    return "(empty)" if value == "" else "`" + value.replace("`", "'").replace("\n", " ") + "`"


def _rows(root: Path, t: TableSpec) -> tuple[list[str], dict[Key, dict[str, str]]]:
    table = read_csv(root, t.path)
    broken = [i for i in table.issues if i.code not in _HARMLESS]
    if broken:
        first = broken[0]
        where = f"{root / t.path}:{first.line}" if first.line else str(root / t.path)
        raise DiffError(f"{where}: {first.code}: {first.message} (run `iran-relations validate` on it first)")
    missing = [k for k in t.primary_key if k not in table.header]
    if missing:
        raise DiffError(f"{root / t.path}: the header lacks the key column(s) {', '.join(missing)}")
    rows: dict[Key, dict[str, str]] = {}
    seen: dict[Key, int] = {}
    for line, cells in table.rows:
        if not any(cells):
            continue
        row = dict(zip(table.header, cells, strict=False))
        key = tuple(row.get(k, "") for k in t.primary_key)
        if key in seen:
            raise DiffError(f"{root / t.path}:{line}: key {_key(key)!r} is already used on line {seen[key]}")
        seen[key] = line
        rows[key] = row
    return table.header, rows


def diff(old: str | Path, new: str | Path) -> PackageDiff:
    """The differences from the package at ``old`` to the one at ``new`` (folders or descriptors)."""
    a: PackageSpec = read_package(resolve_root(old))
    b: PackageSpec = read_package(resolve_root(new))
    old_tables = {t.name: t for t in a.tables}
    new_tables = {t.name: t for t in b.tables}
    result = PackageDiff(
        a.version,
        b.version,
        tables_added=[n for n in new_tables if n not in old_tables],
        tables_removed=[n for n in old_tables if n not in new_tables],
    )
    for name, t in new_tables.items():
        if name not in old_tables:
            continue
        old_header, old_rows = _rows(a.root, old_tables[name])
        new_header, new_rows = _rows(b.root, t)
        d = TableDiff(
            name,
            added=[k for k in new_rows if k not in old_rows],
            removed=[k for k in old_rows if k not in new_rows],
            fields_added=[f for f in new_header if f not in old_header],
            fields_removed=[f for f in old_header if f not in new_header],
        )
        shared = [f for f in new_header if f in old_header]
        for k, row in new_rows.items():
            before = old_rows.get(k)
            if before is None:
                continue
            fields = {f: (before.get(f, ""), row.get(f, "")) for f in shared if before.get(f, "") != row.get(f, "")}
            if fields:
                d.changed[k] = fields
        result.tables.append(d)
    return result
