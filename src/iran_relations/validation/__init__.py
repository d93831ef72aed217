"""The validator: Frictionless conformance, row models, cross-table integrity, the dataset's rules and text hygiene.

``validate(path)`` runs every layer and returns one :class:`~iran_relations.report.Report` holding
every issue found; it raises :class:`~iran_relations.table_schema.DescriptorError` only when the
package cannot be read at all.
"""

from __future__ import annotations

from pathlib import Path

from ..locations import resolve_root
from ..report import Report
from ..table_schema import read_package
from .conformance import check_tables
from .countries import check_countries
from .cycles import check_cycles
from .duplicates import check_duplicates
from .integrity import check_foreign_keys
from .row_models import check_models
from .rules import check_rules
from .text import check_text

__all__ = ["validate"]


def validate(path: str | Path | None = None) -> Report:
    """Validate the data package at ``path`` (the bundled one by default)."""
    spec = read_package(resolve_root(path))
    tables, issues = check_tables(spec)
    issues += check_foreign_keys(spec, tables)
    issues += check_countries(spec, tables)
    issues += check_models(spec, tables)
    issues += check_rules(spec, tables)
    issues += check_cycles(tables)
    issues += check_duplicates(tables)
    issues += check_text(spec, tables)
    order = {t.path: n for n, t in enumerate(spec.tables)}
    issues.sort(key=lambda i: (order.get(i.path, -1), i.line or 0, i.field or "", i.code))
    return Report(issues)
