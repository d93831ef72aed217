"""Find actors by any part of a name, in any recorded spelling or script, best matches first."""

from __future__ import annotations

import argparse
import sys

from ._package import add_path, load_package, safe


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help="a name, a surname, part of a name or a native spelling (Qanuni, Quds, سلیمانی)")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="show at most N actors (default 20)")
    add_path(parser)
    parser.epilog = "exit status: 0 found, 1 nothing found (near misses are suggested), 2 the package cannot be read"


def run(args: argparse.Namespace) -> int:
    ds = load_package(args.package, "search")
    if ds is None:
        return 2
    found = ds.search(args.text, limit=max(args.limit, 1))
    if not found or found[0].how == "near":
        hint = f"; did you mean: {', '.join(f'{m.actor.name} ({m.actor.actor_id})' for m in found)}?" if found else ""
        print(f"iran-relations search: no actor is known by {args.text!r}{safe(hint)}", file=sys.stderr)
        return 1
    width = max(len(m.actor.actor_id) for m in found)
    for m in found:
        a = m.actor
        via = "" if m.matched == a.name else f", as {m.matched!r}"
        print(
            safe(
                f"{a.actor_id:<{width}}  {a.name} ({a.actor_type.replace('_', ' ')}, {a.country or '-'}): {m.how}{via}"
            )
        )
    return 0
