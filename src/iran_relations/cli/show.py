"""Print a readable card for a row: an actor, event, appointment, relation or source, by ID or name."""

from __future__ import annotations

import argparse
import sys

from ._package import add_path, load_package, safe


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="an ID of any table, or an actor's name in any spelling the data records")
    add_path(parser)
    parser.epilog = "exit status: 0 shown, 1 nothing has that ID or name, 2 the package cannot be read"


def run(args: argparse.Namespace) -> int:
    from ..cards import card
    from ..tables import UnknownID

    ds = load_package(args.package, "show")
    if ds is None:
        return 2
    try:
        print(safe(card(ds, args.id)))
    except UnknownID as e:
        print(f"iran-relations show: {safe(e)}", file=sys.stderr)
        return 1
    return 0
