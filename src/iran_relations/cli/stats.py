"""Print counts, evidence coverage, certainty and the span of dates of the dataset."""

from __future__ import annotations

import argparse

from ._package import add_path, load_package


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_path(parser)


def run(args: argparse.Namespace) -> int:
    from ..stats import Stats

    ds = load_package(args.package, "stats")
    if ds is None:
        return 2
    found = Stats.of(ds)
    print(found.to_json() if args.format == "json" else found.to_text())
    return 0
