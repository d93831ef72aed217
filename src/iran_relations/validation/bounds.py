"""The earliest and latest day a column of partial dates may stand for, as ISO text.

Most cells are plain years, months or days: their bounds are computed for all of them at once
(RE2 picks them out, numpy's calendar gives the first and last day of a year or month, Arrow
checks that a day exists). Only the other forms — qualified, unspecified digits, one-of-a-set,
``..`` — go to :class:`~iran_relations.schema.partial_date.PartialDate`, once per distinct value.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..schema.partial_date import PartialDate, PartialDateError

__all__ = ["day_bounds"]

_YEAR = r"^[12]\d{3}$"
_MONTH = r"^[12]\d{3}-(0[1-9]|1[0-2])$"
_DAY = r"^[12]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"


def day_bounds(col: pa.Array) -> tuple[pa.Array, pa.Array]:
    """The earliest and latest day each cell's date may stand for; null where the cell is empty,
    does not parse, or the side is open (``[..1995]``, ``..``)."""
    encoded = pc.dictionary_encode(col)
    values = encoded.dictionary
    earliest = np.full(len(values), None, dtype=object)
    latest = np.full(len(values), None, dtype=object)
    done = np.zeros(len(values), dtype=bool)
    for pattern, unit in ((_YEAR, "Y"), (_MONTH, "M")):
        mask = pc.match_substring_regex(values, pattern).to_numpy(zero_copy_only=False)
        if mask.any():
            periods = values.filter(pa.array(mask)).to_numpy(zero_copy_only=False).astype(f"datetime64[{unit}]")
            earliest[mask] = periods.astype("datetime64[D]").astype(str)
            latest[mask] = ((periods + 1).astype("datetime64[D]") - 1).astype(str)
            done |= mask
    days = pc.match_substring_regex(values, _DAY)
    # Arrow rolls 2001-02-30 over to 2001-03-02: a day exists only if it reads back as written.
    parsed = pc.strptime(values, format="%Y-%m-%d", unit="s", error_is_null=True)
    exists = pc.fill_null(pc.and_(days, pc.equal(pc.strftime(parsed, format="%Y-%m-%d"), values)), False)
    mask = exists.to_numpy(zero_copy_only=False)
    text = values.to_numpy(zero_copy_only=False)
    earliest[mask] = text[mask]
    latest[mask] = text[mask]
    done |= mask | pc.fill_null(days, False).to_numpy(zero_copy_only=False)  # a day that does not exist has no bounds
    for i in np.flatnonzero(~done):
        try:
            d = PartialDate.parse(text[i])
        except PartialDateError:
            continue
        earliest[i] = d.earliest_possible.isoformat() if d.earliest_possible else None
        latest[i] = d.latest_possible.isoformat() if d.latest_possible else None
    indices = encoded.indices
    return pa.array(earliest, pa.string()).take(indices), pa.array(latest, pa.string()).take(indices)
