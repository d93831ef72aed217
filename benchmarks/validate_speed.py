"""Time `iran-relations validate` against `frictionless validate` on the same package.

    python benchmarks/validate_speed.py --kind realistic --rows 1000000 [2000000 ...] [--repeat 5] [--skip-frictionless]

Two kinds of data that look like the published package (``--kind``): ``realistic``, the synthetic
package of benchmarks/generate.py with its text drawn from the published cells (Persian and Arabic
names, curly quotes, long quotes), and ``scaled``, the published package itself with its rows
replicated under fresh keys (benchmarks/scale.py); ``ascii`` is the old plain-ASCII synthetic text,
kept to show what it hid. Each is written with the same seeded errors, then each validator runs as its
own process, and prints wall time, peak memory (max RSS), rows per second, the ratio of the two,
and whether each found every seeded error at its line. Shared machines are noisy: each validator
runs ``--repeat`` times (frictionless ``--repeat-frictionless`` times, once by default, as it is
slow), and the median is reported with the fastest and slowest run. Given several sizes (``--rows
500000 1000000 2000000``) it ends with a table of time and peak memory per size, to show how they grow. A benchmark, not a test: it prints what it measured and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_package  # noqa: E402
from scale import write_scaled  # noqa: E402

# Rows in all per event of the synthetic package (evidence, participants and the rest follow).
ROWS_PER_EVENT = 2.62


def write(kind: str, pkg: Path, rows: int) -> dict[str, int]:
    if kind == "scaled":
        return write_scaled(pkg, rows, seed_errors=True)
    return write_package(pkg, max(1, round(rows / ROWS_PER_EVENT)), seed_errors=True, ascii=kind == "ascii")


BIN = Path(sys.executable).parent


def measure(cmd: list[str]) -> tuple[float, int, str]:
    """Run ``cmd`` as a child; return wall seconds, its peak RSS in bytes and its stdout."""
    runner = (
        "import resource,subprocess,sys,time;"
        "t=time.perf_counter();p=subprocess.run(sys.argv[1:],capture_output=True,text=True);"
        "w=time.perf_counter()-t;"
        "r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss;"
        "sys.stderr.write(f'{w} {r}\\n');sys.stdout.write(p.stdout)"
    )
    done = subprocess.run([sys.executable, "-c", runner, *cmd], capture_output=True, text=True)
    wall, rss_kb = done.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) * 1024, done.stdout


def ours(pkg: Path) -> tuple[float, int, set[tuple[str, int]]]:
    wall, rss, out = measure([str(BIN / "iran-relations"), "validate", str(pkg), "--format", "json"])
    found = {(i["path"], i["line"]) for i in json.loads(out)["issues"]}
    return wall, rss, found


def theirs(pkg: Path) -> tuple[float, int, set[tuple[str, int]]]:
    wall, rss, out = measure([str(BIN / "frictionless"), "validate", str(pkg / "datapackage.json"), "--json"])
    found = set()
    for task in json.loads(out).get("tasks", []):
        for err in task.get("errors", []):
            if err.get("rowNumber"):
                found.add((task["place"], err["rowNumber"]))
    return wall, rss, found


def _runs(
    run: Callable[[Path], tuple[float, int, set[tuple[str, int]]]], pkg: Path, times: int
) -> tuple[float, int, set[tuple[str, int]], list[float]]:
    """``run`` ``times`` times: the median wall time, the highest peak memory, the findings of the
    last run (they are the same each time) and every wall time."""
    walls, peak, found = [], 0, set()
    for _ in range(max(1, times)):
        wall, rss, found = run(pkg)
        walls.append(wall)
        peak = max(peak, rss)
    return statistics.median(walls), peak, found, walls


def _machine() -> str:
    """CPU model, cores, memory, Python and OS of this machine, as the benchmark's context."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        gib = int(memory.split()[1]) / 2**20
    except (OSError, StopIteration, ValueError):
        gib = 0.0
    return (
        f"{model}, {os.cpu_count()} cores, {gib:.0f} GiB; {platform.python_implementation()} "
        f"{platform.python_version()} on {platform.system()} {platform.machine()}"
    )


def bench(kind: str, rows_wanted: int, pkg: Path, args: argparse.Namespace) -> tuple[int, float, int]:
    """Write one package of about ``rows_wanted`` rows and time both validators on it; print what
    was measured and return (rows, our median wall time, our peak memory)."""
    t = time.perf_counter()
    counts = write(kind, pkg, rows_wanted)
    rows = sum(counts.values())
    planted = json.loads((pkg / "seeded-errors.json").read_text())
    # iran-relations reports physical lines; frictionless reports row numbers (a row whose
    # quoted cell spans lines is one row): each is checked against its own kind of position.
    where = {
        "iran-relations validate": {(e["path"], e["line"]) for e in planted},
        "frictionless validate": {(e["path"], e["row"]) for e in planted},
    }
    seeded = where["iran-relations validate"]
    size = sum(p.stat().st_size for p in (pkg / "data").glob("*.csv"))
    print(
        f"package ({kind}): {rows:,} rows in all, {size / 2**20:,.0f} MiB of CSV, "
        f"written in {time.perf_counter() - t:.1f} s"
    )
    print(f"seeded errors: {len(seeded)}")
    results = {"iran-relations validate": _runs(ours, pkg, args.repeat)}
    if not args.skip_frictionless:
        results["frictionless validate"] = _runs(theirs, pkg, args.repeat_frictionless)
    for name, (wall, rss, found, walls) in results.items():
        seeded = where[name]
        missed = sorted(seeded - found)
        spread = f" (runs: {len(walls)}, {min(walls):.2f}-{max(walls):.2f} s)" if len(walls) > 1 else ""
        print(
            f"{name:26} {wall:8.2f} s{spread}  {rows / wall:>10,.0f} rows/s  peak {rss / 2**20:7.0f} MiB  "
            f"seeded errors found at their line: {len(seeded) - len(missed)}/{len(seeded)}"
            + (f"  missed: {missed}" if missed else "")
        )
    if len(results) == 2:
        (ours_wall, *_), (their_wall, *_) = results.values()  # medians
        print(f"ratio: iran-relations validate is {their_wall / ours_wall:.1f}x faster than frictionless validate")
    wall, rss, _, _ = results["iran-relations validate"]
    return rows, wall, rss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("realistic", "scaled", "ascii"), default="realistic")
    parser.add_argument(
        "--rows", type=int, nargs="+", default=[1_000_000], help="about how many rows in all (several sizes allowed)"
    )
    parser.add_argument("--work", type=Path, help="where to write the packages (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of iran-relations validate (median reported)")
    parser.add_argument("--repeat-frictionless", type=int, default=1, help="runs of frictionless validate")
    parser.add_argument("--skip-frictionless", action="store_true", help="time only iran-relations validate")
    args = parser.parse_args(argv)
    print(f"machine: {_machine()}")
    growth = []
    with tempfile.TemporaryDirectory() as tmp:
        for wanted in args.rows:
            pkg = (args.work or Path(tmp)) / f"{args.kind}-{wanted}"
            growth.append(bench(args.kind, wanted, pkg, args))
            if args.work is None:
                shutil.rmtree(pkg)  # one package on disk at a time
    if len(growth) > 1:
        # Growth with size: what each further million rows adds (start-up and imports are paid once,
        # so the first size carries them); linear growth shows as about the same figures on each line.
        print("\n       rows      time      peak    added per 1M more rows: time    peak")
        previous = None
        for rows, wall, rss in sorted(growth):
            added = ""
            if previous is not None and rows > previous[0]:
                per = 1_000_000 / (rows - previous[0])
                added = f"{(wall - previous[1]) * per:27.2f} s {(rss - previous[2]) * per / 2**20:5.0f} MiB"
            print(f"{rows:>11,} {wall:7.2f} s {rss / 2**20:6.0f} MiB{added}")
            previous = (rows, wall, rss)
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main())
