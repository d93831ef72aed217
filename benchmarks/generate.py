"""Write a synthetic data package in this project's schema, at any size, optionally with seeded errors.

    python benchmarks/generate.py --events 1000000 --out /tmp/synthetic [--seed-errors]

The package uses the live ``datapackage.json`` and ``schemas/``; every row is valid and backed by
evidence, so a clean package validates with no issues. ``--seed-errors`` plants one error of each
kind both validators can see (type, pattern, enum, required, unique key, foreign key, ragged row) at
lines spread through the files, and writes them to ``seeded-errors.json`` as (path, line, field, code).

Sizes follow the events: for N events there are N evidence rows for the events (every row needs
evidence), N/20 actors, appointments and relations with their own evidence, N/5 participants,
N/20 actor names, one identifier per actor and N/50 citations. Everything is deterministic for a given ``--seed``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Text:
    """Text cells drawn from the published data, so that lengths, scripts (Persian, Arabic,
    accented Latin), curly quotes and long quotes occur as often as they do there. ``ascii=True``
    gives the old plain-ASCII text instead (kept to show what it hid)."""

    def __init__(self, rng: random.Random, ascii: bool = False) -> None:
        self.rng = rng
        self.pools: dict[tuple[str, str], list[str]] = {}
        if ascii:
            return
        for name in ("actors", "actor_names", "events", "appointments", "relations", "citations", "evidence"):
            with open(ROOT / "data" / f"{name}.csv", encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    for field, value in row.items():
                        if value:
                            self.pools.setdefault((name, field), []).append(value)

    def __call__(self, table: str, field: str, plain: str) -> str:
        """A published cell of ``table.field`` (``plain`` in ASCII mode or where the column is empty)."""
        pool = self.pools.get((table, field))
        return self.rng.choice(pool) if pool else plain


def _sizes(events: int) -> dict[str, int]:
    small = max(events // 20, 4)
    return {
        "events": events,
        "actors": small,
        "appointments": small,
        "relations": small,
        "participants": max(events // 5, 1),
        "actor_names": small,
        "citations": max(events // 50, 2),
    }


def _date(rng: random.Random, first: int = 1979, last: int = 2024) -> str:
    """A date of any precision between the years given (events from 1979; actors born or founded
    before anything they take part in, so the lifetime rules find nothing in a clean package)."""
    year = rng.randint(first, last)
    return rng.choice(
        (f"{year}", f"{year}-{rng.randint(1, 12):02d}", f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    )


def _rows(n: dict[str, int], rng: random.Random, text: Text) -> dict[str, Iterator[dict[str, str]]]:
    """One generator of rows per table, each row a dict by column name (absent columns stay empty),
    so the generator follows the schemas' columns whatever their order. Names carry their row's
    number so that no two actors share one (the duplicate-name rule)."""
    persons = n["actors"] // 2

    def actor(i: int) -> str:
        return f"actor-{i}"

    def actors() -> Iterator[dict[str, str]]:
        for i in range(n["actors"]):
            kind = "person" if i < persons else "organization"
            parent = actor(i - 1) if kind == "organization" and i > persons and i % 7 == 0 else ""
            yield {
                "actor_id": actor(i),
                "name": f"{text('actors', 'name', 'Synthetic Actor')} {i}",
                "actor_type": kind,
                "country": "IR",
                "parent_id": parent,
                "start_date": _date(rng, 1900, 1950),
                "description": text("actors", "description", f"Synthetic actor number {i}."),
            }

    def actor_names() -> Iterator[dict[str, str]]:
        for i in range(n["actor_names"]):
            yield {
                "actor_id": actor(i % n["actors"]),
                "name": f"{text('actor_names', 'name', 'Actor')} {i}",
                "lang": "en",
                "kind": "transliteration",
            }

    def actor_identifiers() -> Iterator[dict[str, str]]:
        for i in range(n["actors"]):
            yield {
                "actor_id": actor(i),
                "scheme": "wikidata",
                "identifier": f"Q{i + 1}",
                "citation_id": f"citation-{i % n['citations']}",
                "locator": f"row {i + 1}",
            }

    def events() -> Iterator[dict[str, str]]:
        for i in range(n["events"]):
            yield {
                "event_id": f"event-{i}",
                "date": _date(rng),
                "event_type": "meeting",
                "title": text("events", "title", f"Event {i}"),
                "description": text("events", "description", f"Synthetic event number {i}, with a comma."),
                "place": text("events", "place", "Tehran"),
                "country": "IR",
                "certainty": "reported",
            }

    def participants() -> Iterator[dict[str, str]]:
        for i in range(n["participants"]):
            yield {"event_id": f"event-{i % n['events']}", "actor_id": actor(i % n["actors"]), "role": "participant"}

    def appointments() -> Iterator[dict[str, str]]:
        orgs = n["actors"] - persons
        for i in range(n["appointments"]):
            yield {
                "appointment_id": f"appointment-{i}",
                "person_id": actor(i % persons),
                "organization_id": actor(persons + i % orgs),
                "post": text("appointments", "post", "Member"),
                "start_date": "2001-12-22",
                "end_date": "2002-06",
                "end_reason": "body_dissolved",
                "certainty": "reported",
            }

    def relations() -> Iterator[dict[str, str]]:
        for i in range(n["relations"]):
            yield {
                "relation_id": f"relation-{i}",
                "source_id": actor(i % n["actors"]),
                "target_id": actor((i + 1) % n["actors"]),
                "relation_type": "arms",
                "start_date": "2001",
                "end_date": "2002",
                "certainty": "reported",
                "description": text("relations", "description", "Synthetic tie."),
            }

    def citations() -> Iterator[dict[str, str]]:
        for i in range(n["citations"]):
            yield {
                "citation_id": f"citation-{i}",
                "title": text("citations", "title", f"Report {i}"),
                "publisher": text("citations", "publisher", "Synthetic News"),
                "published": "2025-01-01",  # after everything it is cited for
                "url": f"https://example.org/report/{i}",
                "accessed": "2026-11-22",
                "source_type": "news_report",
                "source_class": "secondary",
                "partisan": "false",
                "language": "en",
            }

    def evidence() -> Iterator[dict[str, str]]:
        for table, prefix in (
            ("events", "event"),
            ("actors", "actor"),
            ("appointments", "appointment"),
            ("relations", "relation"),
        ):
            for i in range(n[table]):
                yield {
                    "record_table": table,
                    "record_id": f"{prefix}-{i}",
                    "citation_id": f"citation-{i % n['citations']}",
                    "locator": text("evidence", "locator", "para. 1"),
                    "quote": text("evidence", "quote", f'Quoted "text" number {i}.'),
                    "note": text("evidence", "note", "") if i % 3 == 0 else "",
                    "stance": "supports",
                }

    return {
        "actors": actors(),
        "actor_names": actor_names(),
        "actor_identifiers": actor_identifiers(),
        "events": events(),
        "participants": participants(),
        "appointments": appointments(),
        "relations": relations(),
        "citations": citations(),
        "evidence": evidence(),
        "redirects": iter(()),  # nothing released has been merged or renamed
    }


# (table, field, code, how to break the row). Only what frictionless validate also reports.
SEEDS = [
    ("events", "date", "pattern-error", lambda row, cols: _set(row, cols, "date", "22/12/2001")),
    ("events", "event_type", "enum-error", lambda row, cols: _set(row, cols, "event_type", "party")),
    ("events", "title", "required-error", lambda row, cols: _set(row, cols, "title", "")),
    ("citations", "partisan", "type-error", lambda row, cols: _set(row, cols, "partisan", "maybe")),
    ("participants", "actor_id", "foreign-key-error", lambda row, cols: _set(row, cols, "actor_id", "no-such-actor")),
    (
        "evidence",
        "citation_id",
        "foreign-key-error",
        lambda row, cols: _set(row, cols, "citation_id", "no-such-citation"),
    ),
    ("relations", None, "extra-cell", lambda row, cols: row.append("stray")),
]


def _set(row: list[str], cols: list[str], name: str, value: str) -> None:
    row[cols.index(name)] = value


def _cells(row: dict[str, str], cols: list[str]) -> list[str]:
    unknown = set(row) - set(cols)
    if unknown:  # the schema lost a column the generator still fills: fail loudly, not silently
        raise SystemExit(f"benchmarks/generate.py fills {sorted(unknown)}, which the schema no longer has")
    return [row.get(c, "") for c in cols]


def write_package(
    out: Path, events: int, seed: int = 1, seed_errors: bool = False, ascii: bool = False
) -> dict[str, int]:
    """Write the package into ``out``; return the number of data rows per table."""
    rng = random.Random(seed)
    text = Text(random.Random(seed + 1), ascii)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "datapackage.json", out / "datapackage.json")
    shutil.rmtree(out / "schemas", ignore_errors=True)
    shutil.copytree(ROOT / "schemas", out / "schemas")
    (out / "data").mkdir(exist_ok=True)
    descriptor = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    n = _sizes(events)
    counts: dict[str, int] = {}
    seeded: list[dict[str, object]] = []
    plan: dict[str, list[tuple[int, int]]] = {}  # table -> [(row index, seed index)]
    if seed_errors:
        for k, (table, *_rest) in enumerate(SEEDS):
            total = (
                sum(n[t] for t in ("events", "actors", "appointments", "relations"))
                if table == "evidence"
                else n[table]
            )
            plan.setdefault(table, []).append((rng.randrange(total // 3, total), k))
    for resource in descriptor["resources"]:
        name = resource["name"]
        schema = json.loads((ROOT / resource["schema"]).read_text(encoding="utf-8"))
        cols = [f["name"] for f in schema["fields"]]
        breaks = dict(plan.get(name, []))
        with open(out / resource["path"], "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(cols)
            count = 0
            line = 2  # physical: a quoted cell may span lines
            for i, values in enumerate(_rows(n, rng, text)[name]):
                row = _cells(values, cols)
                if i in breaks:
                    table, field, code, breaker = SEEDS[breaks[i]]
                    breaker(row, cols)
                    seeded.append(
                        {"path": resource["path"], "line": line, "row": count + 2, "field": field, "code": code}
                    )
                writer.writerow(row)
                count += 1
                line += 1 + sum(str(cell).count("\n") for cell in row)
        counts[name] = count
    if seed_errors:
        (out / "seeded-errors.json").write_text(json.dumps(seeded, indent=2) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="number of events (other tables follow)")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the package into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--ascii", action="store_true", help="plain ASCII text instead of the published text")
    parser.add_argument(
        "--seed-errors", action="store_true", help="plant known errors and list them in seeded-errors.json"
    )
    args = parser.parse_args(argv)
    counts = write_package(args.out, args.events, args.seed, args.seed_errors, args.ascii)
    print(f"wrote {sum(counts.values()):,} rows to {args.out}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
