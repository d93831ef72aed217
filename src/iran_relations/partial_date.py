"""ISO 8601 dates at the precision a source gives: ``2001``, ``2001-12`` or ``2001-12-22``.

A partial date stands for an interval of days, from its earliest to its latest day. Comparisons
respect that: ``2001`` is neither before nor after ``2001-12-22``, it contains it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal

__all__ = ["PartialDate", "PartialDateError", "Precision", "PARTIAL_DATE_PATTERN"]

Precision = Literal["year", "month", "day"]

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_RANK = {"year": 0, "month": 1, "day": 2}


class PartialDateError(ValueError):
    """Raised for text that is not a partial date or names a day that does not exist."""


class PartialDate:
    """A year, a month of a year, or a day, parsed from its ISO 8601 text."""

    __slots__ = ("year", "month", "day")

    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise PartialDateError("a day needs a month")
        if not 1 <= year <= 9999:
            raise PartialDateError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise PartialDateError(f"month {month} does not exist")
        if day is not None:
            last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
            if not 1 <= day <= last:
                raise PartialDateError(f"{year:04d}-{month:02d} has no day {day} (it has {last} days)")
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PartialDate is immutable")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise PartialDateError otherwise."""
        m = _SHAPE.match(text) if isinstance(text, str) else None
        if m is None:
            raise PartialDateError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)

    @property
    def precision(self) -> Precision:
        """``year``, ``month`` or ``day``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def earliest(self) -> dt.date:
        """The first day the date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date may stand for."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def is_before(self, other: PartialDate) -> bool:
        """True only if every day this date may stand for comes before every day of ``other``."""
        return self.latest < other.earliest

    def is_after(self, other: PartialDate) -> bool:
        """True only if every day this date may stand for comes after every day of ``other``."""
        return self.earliest > other.latest

    def overlaps(self, other: PartialDate) -> bool:
        """True if the two dates may stand for the same day."""
        return not (self.is_before(other) or self.is_after(other))

    def contains(self, other: PartialDate) -> bool:
        """True if every day ``other`` may stand for lies within this date."""
        return self.earliest <= other.earliest and other.latest <= self.latest

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        """A total order for sorting: by earliest day, coarser precision first."""
        return (self.earliest, _RANK[self.precision])

    # Strict comparisons mean "certainly before/after"; they are a partial order.
    def __lt__(self, other: object) -> bool:
        return self.is_before(other) if isinstance(other, PartialDate) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.is_after(other) if isinstance(other, PartialDate) else NotImplemented

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __repr__(self) -> str:
        return f"PartialDate('{self}')"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def validate(value: Any) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            if isinstance(value, str):
                try:
                    return cls.parse(value)
                except PartialDateError as e:
                    raise ValueError(str(e)) from None
            raise ValueError(f"expected a date string, got {type(value).__name__}")

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "ISO 8601 date: YYYY, YYYY-MM or YYYY-MM-DD",
        }
