"""Layer 2: the typed pydantic row models, for what a Table Schema cannot say.

Layer 1 has already held every cell to its type, pattern and list, so what the models add is a date
of the right form naming a day that does not exist (2001-02-30). Each distinct date is parsed once;
the model then judges, and words the message for, each row that holds one that fails.
"""

from __future__ import annotations

import datetime as dt

import pyarrow as pa
import pyarrow.compute as pc

from ..io.arrays import constant, where
from ..schema.partial_date import PartialDate, PartialDateError
from ..schema.patterns import DAY_PATTERN, PARTIAL_DATE_PATTERN
from .columns import LayerResult, PackageColumns, Rejected, TableColumns
from .issues import Issue

__all__ = ["check_models"]


def _parses(value: str, pattern: str) -> bool:
    try:
        if pattern == DAY_PATTERN:
            dt.date.fromisoformat(value)
        else:
            PartialDate.parse(value)
    except (ValueError, PartialDateError):
        return False
    return True


def _suspect_rows(frame: TableColumns) -> list[int]:
    """Rows that passed layer 1 but hold a date that does not parse."""
    suspect = constant(frame.n, False)
    for f in frame.spec.fields:
        if f.pattern not in (PARTIAL_DATE_PATTERN, DAY_PATTERN) or f.name not in frame.present:
            continue
        col = frame.cells[f.name]
        distinct = pc.unique(col.filter(pc.and_(frame.ok, pc.is_valid(col)))).to_pylist()
        failing = [v for v in distinct if not _parses(v, f.pattern)]
        if failing:
            suspect = pc.or_(suspect, pc.fill_null(pc.is_in(col, pa.array(failing, pa.string())), False))
    return where(pc.and_(suspect, frame.ok))


def check_models(frames: PackageColumns) -> LayerResult:
    """Rows the pattern checks let through but the typed model refuses (an impossible day): each
    refused cell is rejected, so that the rules after this layer do not judge it again."""
    issues: list[Issue] = []
    rejected: list[Rejected] = []
    for frame in frames:
        if not frame.readable:
            continue
        rows = _suspect_rows(frame)
        if not rows:
            continue
        from pydantic import TypeAdapter, ValidationError  # imported only when a suspect row needs it

        from ..schema.models import MODELS

        model = MODELS.get(frame.spec.name)
        if model is None:
            continue
        adapter = TypeAdapter(model)
        failed: dict[str | None, list[int]] = {}
        for i, line in zip(rows, frame.lines_of(rows), strict=True):
            values = {k: v for k, v in frame.row(i).items() if v is not None}
            try:
                adapter.validate_python(values)
            except ValidationError as e:
                for err in e.errors(include_url=False):
                    name = str(err["loc"][0]) if err["loc"] else None
                    failed.setdefault(name, []).append(i)
                    code = (
                        "date-error"
                        if name and ("date" in name or name in ("published", "accessed"))
                        else "model-error"
                    )
                    value = values.get(name) if name else None
                    msg = err["msg"].removeprefix("Value error, ")
                    issues.append(
                        Issue(
                            path=frame.path,
                            line=line,
                            field=name,
                            code=code,
                            message=f"{name} {value!r}: {msg}" if name else msg,
                            value=value,
                        )
                    )
        rejected += [Rejected(frame.spec.name, name, tuple(bad)) for name, bad in failed.items()]
    return LayerResult(issues, rejected)
