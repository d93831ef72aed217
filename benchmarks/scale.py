"""Write the published package scaled up: every table's rows replicated with fresh keys.

    python benchmarks/scale.py --rows 1000000 --out /tmp/scaled [--seed-errors]

Copy ``k`` of a row keeps every cell as published except what must stay unique: each ID (a slug
field, the keys and every reference to them, evidence's ``record_id``) gets ``-k<k>``, each name
(``actors.name``, ``actor_names.name``) and citation address gets the copy's number, so the copies
are as valid as the original and the text is the real text (Persian and Arabic names, curly
quotes, long quotes). Identifiers keep their schemes' forms only in copy 0, so copies carry none.
``--seed-errors`` plants the same errors as ``generate.py`` (see its ``SEEDS``) and writes them to
``seeded-errors.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import SEEDS  # noqa: E402

from iran_relations.schema.patterns import SLUG_PATTERN  # noqa: E402
from iran_relations.schema.table_schema import read_package  # noqa: E402

# Cells that must differ between copies besides the IDs: names (the duplicate-name rule) and
# citation addresses (unique). Everything else is repeated as published.
RENAMED = {("actors", "name"), ("actor_names", "name")}
READDRESSED = {("citations", "url")}
FIRST_COPY_ONLY = {"actor_identifiers"}


def _published(root: Path) -> dict[str, tuple[list[str], list[list[str]]]]:
    tables = {}
    for t in read_package(root).tables:
        with open(root / t.path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        tables[t.name] = (rows[0], rows[1:])
    return tables


def write_scaled(out: Path, rows: int, seed: int = 1, seed_errors: bool = False, root: Path = ROOT) -> dict[str, int]:
    """Write about ``rows`` rows in all into ``out``; return the number of data rows per table."""
    spec = read_package(root)
    data = _published(root)
    per_copy = sum(len(r) for name, (_, r) in data.items() if name not in FIRST_COPY_ONLY)
    copies = max(1, round(rows / max(per_copy, 1)))
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(root / "datapackage.json", out / "datapackage.json")
    shutil.rmtree(out / "schemas", ignore_errors=True)
    shutil.copytree(root / "schemas", out / "schemas")
    (out / "data").mkdir(exist_ok=True)
    plan: dict[str, dict[int, int]] = {}
    if seed_errors:
        for k, (table, *_rest) in enumerate(SEEDS):
            total = len(data[table][1]) * copies
            plan.setdefault(table, {})[rng.randrange(total // 3, total)] = k
    seeded, counts = [], {}
    for t in spec.tables:
        header, body = data[t.name]
        ids = [i for i, name in enumerate(header) if t.field(name).pattern == SLUG_PATTERN or name == "record_id"]
        renamed = [i for i, name in enumerate(header) if (t.name, name) in RENAMED]
        readdressed = [i for i, name in enumerate(header) if (t.name, name) in READDRESSED]
        breaks = plan.get(t.name, {})
        n, line = 0, 2  # physical line: a quoted cell may span lines
        with open(out / t.path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for k in range(1 if t.name in FIRST_COPY_ONLY else copies):
                for source in body:
                    row = list(source)
                    if k:
                        for i in ids:
                            if row[i]:
                                row[i] = f"{row[i]}-k{k}"
                        for i in renamed:
                            row[i] = f"{row[i]} {k}"
                        for i in readdressed:
                            if row[i]:
                                row[i] = f"{row[i]}#k{k}"
                    if n in breaks:
                        table, field, code, breaker = SEEDS[breaks[n]]
                        breaker(row, header)
                        seeded.append({"path": t.path, "line": line, "row": n + 2, "field": field, "code": code})
                    writer.writerow(row)
                    n += 1
                    line += 1 + sum(cell.count("\n") for cell in row)
        counts[t.name] = n
    if seed_errors:
        (out / "seeded-errors.json").write_text(json.dumps(seeded, indent=2) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="about how many rows in all")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seed-errors", action="store_true")
    args = parser.parse_args(argv)
    counts = write_scaled(args.out, args.rows, args.seed, args.seed_errors)
    print(f"wrote {sum(counts.values()):,} rows to {args.out}: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
