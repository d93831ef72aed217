"""SQLite built for exploration, and the datasette metadata that describes it.

``iran-relations.db`` holds every table with its primary and foreign keys declared, CHECK
constraints for controlled lists and booleans, indexes on every key, a full-text index
(``search``, FTS5) over names, titles, descriptions, posts and quotes, and three views: ``roster``
(who held which post in which body, for whom, when), ``actor_top_level`` (each actor with the
state or organisation at the top of its parent chain) and ``actor_timeline`` (an actor's events,
posts and ties by date). ``metadata.json`` gives datasette the titles, descriptions, licence and
source of the package, its tables and columns, so that ``datasette iran-relations.db -m
metadata.json`` is a usable browser.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ..schema.table_schema import FieldSpec, TableSpec
from .rows import tables

if TYPE_CHECKING:
    from ..dataset import Dataset

__all__ = ["write", "DATABASE", "METADATA", "SEARCHED"]

DATABASE = "iran-relations.db"
METADATA = "metadata.json"

# (table, field) pairs whose text the full-text index holds; the row is named by its key.
SEARCHED = (
    ("actors", "name"),
    ("actors", "description"),
    ("actor_names", "name"),
    ("events", "title"),
    ("events", "description"),
    ("appointments", "post"),
    ("relations", "description"),
    ("citations", "title"),
    ("evidence", "quote"),
)

VIEWS = {
    "roster": """
        SELECT a.organization_id AS body_id, b.name AS body, a.post, a.person_id, p.name AS person,
               a.on_behalf_of_id AS faction_id, f.name AS faction, a.community, a.start_date,
               a.end_date, a.end_reason, a.replaces_id, a.certainty, a.appointment_id
        FROM appointments AS a
        JOIN actors AS p ON p.actor_id = a.person_id
        JOIN actors AS b ON b.actor_id = a.organization_id
        LEFT JOIN actors AS f ON f.actor_id = a.on_behalf_of_id
        ORDER BY a.rowid""",
    "actor_top_level": """
        WITH RECURSIVE chain(actor_id, top_level_id, depth) AS (
            SELECT actor_id, actor_id, 0 FROM actors
            UNION ALL
            SELECT c.actor_id, a.parent_id, c.depth + 1
            FROM chain AS c JOIN actors AS a ON a.actor_id = c.top_level_id
            WHERE a.parent_id IS NOT NULL AND a.parent_id <> '' AND c.depth < 50
        )
        SELECT actor_id, top_level_id FROM chain AS c
        WHERE depth = (SELECT MAX(depth) FROM chain AS d WHERE d.actor_id = c.actor_id)
        ORDER BY actor_id""",
    "actor_timeline": """
        SELECT p.actor_id, e.date AS start_date, e.end_date, 'event' AS kind, p.role AS detail,
               e.event_id AS record_id, e.title AS summary
        FROM participants AS p JOIN events AS e ON e.event_id = p.event_id
        UNION ALL
        SELECT a.person_id, a.start_date, a.end_date, 'appointment', a.post, a.appointment_id,
               a.post || ', ' || b.name
        FROM appointments AS a JOIN actors AS b ON b.actor_id = a.organization_id
        UNION ALL
        SELECT r.source_id, r.start_date, r.end_date, 'relation', r.relation_type, r.relation_id, r.description
        FROM relations AS r
        UNION ALL
        SELECT r.target_id, r.start_date, r.end_date, 'relation', r.relation_type, r.relation_id, r.description
        FROM relations AS r WHERE r.target_id <> r.source_id
        ORDER BY 1, 2""",
}
VIEW_DESCRIPTIONS = {
    "roster": "One row per appointment with the names of the person, the body and the faction whose seat it was.",
    "actor_top_level": "Each actor with the top of its parent_id chain (iran for the Quds Force; itself where it has no parent): group ties by side.",
    "actor_timeline": "Per actor, its events (with its role), posts and ties, by start date (ISO text; a year sorts before its months).",
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column(f: FieldSpec) -> str:
    kind = "INTEGER" if f.type == "boolean" else "TEXT"
    parts = [_quote(f.name), kind]
    if f.required:
        parts.append("NOT NULL")
    if f.type == "boolean":
        parts.append(f"CHECK ({_quote(f.name)} IN (0, 1))")
    elif f.enum is not None:
        members = ", ".join("'" + v.replace("'", "''") + "'" for v in f.enum)
        parts.append(f"CHECK ({_quote(f.name)} IN ({members}))")
    return " ".join(parts)


def _create(t: TableSpec) -> str:
    lines = [_column(f) for f in t.fields]
    if t.primary_key:
        lines.append(f"PRIMARY KEY ({', '.join(map(_quote, t.primary_key))})")
    for fk in t.foreign_keys:
        lines.append(
            f"FOREIGN KEY ({', '.join(map(_quote, fk.fields))}) "
            f"REFERENCES {_quote(fk.resource)} ({', '.join(map(_quote, fk.reference_fields))}) "
            "DEFERRABLE INITIALLY DEFERRED"
        )
    return f"CREATE TABLE {_quote(t.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _indexes(t: TableSpec) -> list[str]:
    keyed = [fk.fields for fk in t.foreign_keys]
    if t.name == "evidence":
        keyed.append(("record_table", "record_id"))
    out = []
    for fields in keyed:
        name = f"idx_{t.name}_{'_'.join(fields)}"
        out.append(f"CREATE INDEX {_quote(name)} ON {_quote(t.name)} ({', '.join(map(_quote, fields))})")
    return out


def write(ds: Dataset, out: Path) -> list[Path]:
    path = out / DATABASE
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = ON")
        loaded = list(tables(ds))
        with con:
            # Every table first: a table may refer to one later in the descriptor (names → citations).
            for t, _ in loaded:
                con.execute(_create(t))
            for t, rows in loaded:
                marks = ", ".join("?" for _ in t.fields)
                con.executemany(f"INSERT INTO {_quote(t.name)} VALUES ({marks})", rows)
                for statement in _indexes(t):
                    con.execute(statement)
            _search(con, loaded)
            for name, query in VIEWS.items():
                con.execute(f"CREATE VIEW {_quote(name)} AS {query}")
        con.execute("VACUUM")
    finally:
        con.close()
    meta = out / METADATA
    meta.write_text(json.dumps(metadata(ds), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [path, meta]


def _search(con: sqlite3.Connection, loaded: list) -> None:
    con.execute(
        'CREATE VIRTUAL TABLE "search" USING fts5(source_table UNINDEXED, record_id UNINDEXED, field UNINDEXED, text)'
    )
    by_name = {t.name: (t, rows) for t, rows in loaded}
    for table, field in SEARCHED:
        if table not in by_name:
            continue
        t, rows = by_name[table]
        at = t.field_names.index(field)
        first = t.field_names.index(t.primary_key[0])

        def key(r: tuple, table: str = table, first: int = first) -> str:
            # evidence rows are named by the record the quote backs
            return f"{r[0]}/{r[1]}" if table == "evidence" else str(r[first])

        con.executemany(
            'INSERT INTO "search" VALUES (?, ?, ?, ?)',
            [(table, key(r), field, r[at]) for r in rows if r[at]],
        )


def metadata(ds: Dataset) -> dict:
    """datasette metadata: the package's title, description, licence and source, and per table
    and column the descriptions of the Table Schemas."""
    spec = ds.spec
    descriptor = json.loads((ds.root / "datapackage.json").read_text(encoding="utf-8"))
    licence = (descriptor.get("licenses") or [{}])[0]
    tables_meta: dict[str, dict] = {}
    for t in spec.tables:
        tables_meta[t.name] = {
            "title": t.title,
            "description": t.description,
            "columns": {f.name: f.description for f in t.fields},
        }
    tables_meta["search"] = {
        "title": "Full-text search",
        "description": "Names, titles, descriptions, posts and quotes, each with the table, row and field it comes from.",
    }
    for name, text in VIEW_DESCRIPTIONS.items():
        tables_meta[name] = {"description": text}
    return {
        "title": descriptor.get("title", "iran-relations"),
        "description": descriptor.get("description", ""),
        "license": licence.get("title") or licence.get("name", ""),
        "license_url": licence.get("path", ""),
        "source": f"iran-relations data package, version {ds.version}",
        "databases": {Path(DATABASE).stem: {"tables": tables_meta}},
    }
