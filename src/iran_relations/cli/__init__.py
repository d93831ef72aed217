"""The ``iran-relations`` command line: one module per command, each with ``register`` and ``run``."""

from __future__ import annotations

import argparse
import os
import sys
from types import ModuleType

from ..errors import IranRelationsError
from . import diff, explore, export, fmt, search, show, stats, validate

__all__ = ["main", "COMMANDS"]

COMMANDS: dict[str, ModuleType] = {
    "validate": validate,
    "fmt": fmt,
    "export": export,
    "show": show,
    "search": search,
    "stats": stats,
    "explore": explore,
    "diff": diff,
}


def build_parser() -> argparse.ArgumentParser:
    from ..version import read_version

    parser = argparse.ArgumentParser(
        prog="iran-relations", description="Validate, explore and export the iran-relations data package."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {read_version()}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show the full traceback of an unexpected error (also IRAN_RELATIONS_DEBUG=1)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        doc = (module.__doc__ or "").strip().splitlines()[0]
        p = sub.add_parser(name, help=doc, description=doc)
        module.register(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    debug = args.debug or os.environ.get("IRAN_RELATIONS_DEBUG", "") not in ("", "0")
    try:
        return int(COMMANDS[args.command].run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except IranRelationsError as e:  # an error the library raises on purpose: its message says what to do
        if debug:
            raise
        print(f"iran-relations {args.command}: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # a bug: one line, and the way to see the traceback
        if debug:
            raise
        print(
            f"iran-relations {args.command}: internal error: {type(e).__name__}: {e} "
            "(please report this as a bug; run with --debug to see the traceback)",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
