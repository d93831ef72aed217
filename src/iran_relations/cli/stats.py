"""Print counts, evidence coverage, certainty and the span of dates of the dataset."""

from __future__ import annotations

import argparse
import json

from ._package import add_path, load_package


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_path(parser)


def run(args: argparse.Namespace) -> int:
    from ..stats import stats

    ds = load_package(args.package, "stats")
    if ds is None:
        return 2
    found = stats(ds)
    if args.format == "json":
        print(json.dumps(found, indent=2))
        return 0
    print(f"iran-relations {found['version']}")
    print("Rows: " + ", ".join(f"{t} {n}" for t, n in found["rows"].items()))
    for t, c in found["coverage"].items():
        share = 100 * c["with_evidence"] / c["rows"] if c["rows"] else 0.0
        certainty = ", ".join(f"{k} {v}" for k, v in c["certainty"].items())
        print(
            f"{t}: {c['with_evidence']}/{c['rows']} with evidence ({share:.0f}%), {c['evidence_rows']} evidence rows"
            + (f"; certainty: {certainty}" if certainty else "")
        )
    span = found["date_span"]
    print(f"Dates: {span['earliest']} to {span['latest']}")
    print("Events by type: " + ", ".join(f"{k} {v}" for k, v in found["events_by_type"].items()))
    sources = found["sources"]
    print(
        f"Sources: {sum(sources['by_type'].values())} ({sources['partisan']} partisan); "
        + ", ".join(f"{k} {v}" for k, v in sources["by_type"].items())
    )
    _print_provenance(found["provenance"])
    return 0


def _print_provenance(p: dict) -> None:
    from ..provenance import BANDS

    c = p["citations"]
    classes = ", ".join(f"{k} {v}" for k, v in c["by_class"].items())
    kinds = ", ".join(f"{k} {v}" for k, v in c["copies_by_kind"].items())
    print(f"Sources by class: {classes}; dated {c['dated']}/{c['total']}; read in a copy {c['read_in_copy']} ({kinds})")
    print("Provenance (rows by independent sources that are not tertiary: " + ", ".join(BANDS) + "):")
    for t, info in p["tables"].items():
        print(
            f"  {t}: {info['with_dated_source']}/{info['rows']} with a dated source, "
            f"{info['with_source_read_in_copy']} with a source read in a copy"
        )
        for certainty, bands in info["by_certainty"].items():
            print(f"    {certainty}: " + ", ".join(f"{b} {bands[b]}" for b in BANDS))
