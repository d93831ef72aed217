"""Layer 3: references between rows — every foreign key, and evidence → the record it backs."""

from __future__ import annotations

from ..issues import Issue
from ..table_schema import PackageSpec
from .conformance import CheckedTable

__all__ = ["check_foreign_keys", "key_index"]


def key_index(table: CheckedTable, fields: tuple[str, ...]) -> dict[tuple[str | None, ...], int]:
    """Map each value of ``fields`` in ``table`` to the first line it stands on."""
    index: dict[tuple[str | None, ...], int] = {}
    for row in table.rows:
        index.setdefault(tuple(row.values.get(f) for f in fields), row.line)
    return index


def check_foreign_keys(spec: PackageSpec, tables: dict[str, CheckedTable]) -> list[Issue]:
    issues: list[Issue] = []
    for t in spec.tables:
        table = tables.get(t.name)
        if table is None or not table.readable:
            continue
        for fk in t.foreign_keys:
            target = tables.get(fk.resource)
            if target is None or not target.readable:
                continue
            keys = key_index(target, fk.reference_fields)
            ref = f"{fk.resource}.{', '.join(fk.reference_fields)}"
            for row in table.rows:
                value = tuple(row.values.get(f) for f in fk.fields)
                if any(v is None for v in value) or any(f in row.bad_fields for f in fk.fields):
                    continue
                if value not in keys:
                    shown = value[0] if len(value) == 1 else value
                    issues.append(
                        Issue(
                            t.path,
                            row.line,
                            fk.fields[0],
                            "foreign-key-error",
                            f"{fk.fields[0]} {shown!r} does not match any {ref} (check the spelling, or add that row)",
                        )
                    )
    issues += _check_evidence_targets(spec, tables)
    return issues


def _check_evidence_targets(spec: PackageSpec, tables: dict[str, CheckedTable]) -> list[Issue]:
    evidence = tables.get("evidence")
    if evidence is None or not evidence.readable:
        return []
    indexes = {
        name: key_index(tables[name], tables[name].spec.primary_key)
        for name in ("actors", "events", "appointments", "relations")
        if name in tables and tables[name].readable
    }
    issues = []
    for row in evidence.rows:
        table, record = row.values.get("record_table"), row.values.get("record_id")
        if table not in indexes or record is None or "record_id" in row.bad_fields:
            continue
        if (record,) not in indexes[table]:
            issues.append(
                Issue(
                    evidence.spec.path,
                    row.line,
                    "record_id",
                    "dangling-evidence",
                    f"record_id {record!r} is not an ID in {table}; the evidence backs nothing",
                )
            )
    return issues
