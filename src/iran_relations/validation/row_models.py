"""Layer 2: each row that passed the schema checks, validated by its typed pydantic model.

The models catch what a Table Schema cannot say, such as a date of the right form that names a day
that does not exist (2001-02-30).
"""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError

from ..issues import Issue
from ..models import MODELS
from ..table_schema import PackageSpec
from .conformance import CheckedTable

__all__ = ["check_models"]


def check_models(spec: PackageSpec, tables: dict[str, CheckedTable]) -> list[Issue]:
    issues: list[Issue] = []
    for t in spec.tables:
        model = MODELS.get(t.name)
        table = tables.get(t.name)
        if model is None or table is None:
            continue
        adapter = TypeAdapter(model)
        for row in table.rows:
            if not row.ok:
                continue
            values = {k: v for k, v in row.values.items() if v is not None}
            try:
                adapter.validate_python(values)
            except ValidationError as e:
                row.ok = False
                for err in e.errors(include_url=False):
                    name = str(err["loc"][0]) if err["loc"] else None
                    if name:
                        row.bad_fields.add(name)
                    code = (
                        "date-error"
                        if name and ("date" in name or name in ("published", "accessed"))
                        else "model-error"
                    )
                    value = values.get(name) if name else None
                    msg = err["msg"].removeprefix("Value error, ")
                    issues.append(Issue(t.path, row.line, name, code, f"{name} {value!r}: {msg}" if name else msg))
    return issues
