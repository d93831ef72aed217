"""Time a cold ``import iran_relations; iran_relations.load()`` on the real data, and the frames.

    python benchmarks/load_speed.py [--repeat 7]

Each measurement is a fresh Python process, so nothing is cached in memory; the figure is the
median wall time of the process doing the work, start-up included, against DESIGN.md's target of
0.5 s for the cold load. Also reports whether pandas was imported by load() (it must not be), and
how long ``to_pandas()`` and each export take after loading. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

TARGET = 0.5

SNIPPETS = {
    "import + load()": "import iran_relations; ds = iran_relations.load(); import sys; assert 'pandas' not in sys.modules",
    "import + load() + to_pandas()": "import iran_relations; iran_relations.load().to_pandas()",
    "import + load() + find()": "import iran_relations; iran_relations.load().find('Yunus Qanuni')",
}


def _time(code: str, repeat: int) -> list[float]:
    walls = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        walls.append(time.perf_counter() - start)
    return walls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    baseline = statistics.median(_time("pass", args.repeat))
    print(f"python start-up alone: {baseline:.3f} s (median of {args.repeat})")
    for label, code in SNIPPETS.items():
        walls = _time(code, args.repeat)
        median = statistics.median(walls)
        verdict = f"target {TARGET} s: {'met' if median < TARGET else 'NOT met'}" if label == "import + load()" else ""
        print(f"{label:32} median {median:.3f} s  (fastest {min(walls):.3f}, slowest {max(walls):.3f})  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
