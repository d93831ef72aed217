"""The validation pipeline: Frictionless conformance, row models, cross-table integrity, the dataset's rules and text hygiene.

``validate(path)`` runs every layer and returns one :class:`~iran_relations.validation.report.Report` holding
every issue found; it raises :class:`~iran_relations.schema.table_schema.DescriptorError` only when the
package cannot be read at all.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..io.locations import resolve_root
from ..schema.checks import require_models_agree
from ..schema.table_schema import read_package
from .columns import PackageColumns
from .conformance import check_primary_keys, check_tables
from .consistency import check_consistency
from .countries import check_countries
from .coverage import check_coverage
from .cycles import check_cycles
from .duplicates import check_duplicates
from .identifiers import check_identifiers
from .integrity import check_foreign_keys
from .issues import Issue
from .keys import Keys
from .report import Report
from .row_models import check_models
from .rules import check_rules
from .text import check_text

__all__ = ["validate"]


def validate(path: str | Path | None = None, *, fast: bool = True) -> Report:
    """Validate the data package at ``path`` (the bundled one by default).

    ``fast=False`` reads every file with the strict line-by-line reader instead of Arrow's; the
    findings are the same (tests hold them so), only slower on large files.
    """
    spec = read_package(resolve_root(path))
    require_models_agree(spec)
    frames, issues = check_tables(spec, fast)
    # Text hygiene reads only the cells (and Arrow releases the GIL): it runs on a second core while
    # the cross-table layers, then the duplicate names, run on this one (the two sides take about
    # as long on data like ours).
    with ThreadPoolExecutor(max_workers=1) as pool:
        text = pool.submit(check_text, frames)
        issues += _cross_table(frames)
        issues += check_duplicates(frames)
        issues += text.result()
    order = {t.path: n for n, t in enumerate(spec.tables)}
    issues.sort(key=lambda i: (order.get(i.path, -1), i.line or 0, i.field or "", i.code, i.message))
    return Report(issues)


def _cross_table(frames: PackageColumns) -> list[Issue]:
    """The layers after the first. Two of them reject rows (a repeated key; a cell the typed model
    refuses): they return what they rejected, and it is applied here before the layers that judge
    rows, so that no row or cell is reported twice. The others only report."""
    issues: list[Issue] = []
    keys = Keys(frames)
    keyed = check_primary_keys(frames, keys)
    frames.apply(keyed.rejected)
    issues += keyed.issues
    issues += check_foreign_keys(frames, keys)
    issues += check_countries(frames)
    modelled = check_models(frames)
    frames.apply(modelled.rejected)
    issues += modelled.issues
    issues += check_rules(frames)
    issues += check_coverage(frames, keys)
    issues += check_cycles(frames)
    issues += check_identifiers(frames)
    issues += check_consistency(frames)
    return issues
