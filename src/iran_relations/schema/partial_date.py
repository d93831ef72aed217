"""Dates at the precision a source gives, written in the Library of Congress EDTF.

The profile this dataset uses (see docs/method.md, "Dates"):

- EDTF Level 0: ``2001``, ``2001-12``, ``2001-12-22``;
- Level 1 qualifiers on those: approximate ``1993~``, uncertain ``1999?``, both ``1999%``;
- Level 1 unspecified digits: a decade ``199X``, a century ``19XX``;
- Level 2 one-of-a-set with an open end: ``[..1995]`` "in 1995 or before" and ``[2015..]`` "in 2015
  or after";
- ``..`` alone, in end-date columns only: the end is open, the thing was still going on when its
  latest source was published ("ongoing"), as for the open end of an EDTF interval. An empty end
  cell means the end is unknown.

A date stands for an interval of days, from :attr:`PartialDate.earliest` to
:attr:`PartialDate.latest` (``None`` on an open side). A qualified date may also stand for days
around that interval: :attr:`PartialDate.earliest_possible` and :attr:`PartialDate.latest_possible`
widen it by the `edtf` library's padding (a year for ``~`` or ``?`` on a year, plus a month when a
month is given, and so on; twice that for ``%``). Comparisons use the possible days: ``2001`` is
neither before nor after ``2001-12-22`` (it contains it), and ``2002~`` is not certainly after
``2001``.

Level 0 text is parsed here, since it is nearly every cell and must stay fast; every other form is
parsed, and given its meaning, by the ``edtf`` package.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Any, Literal

from ..errors import IranRelationsError

__all__ = [
    "PartialDate",
    "PartialDateError",
    "Precision",
    "Qualifier",
    "Bound",
    "PARTIAL_DATE_PATTERN",
    "ONGOING",
    "PRECISIONS",
    "QUALIFIERS",
    "BOUNDS",
    "span_text",
]

Precision = Literal["century", "decade", "year", "month", "day"]
Qualifier = Literal["approximate", "uncertain", "uncertain_approximate"]
Bound = Literal["on_or_before", "on_or_after", "ongoing"]
PRECISIONS: tuple[str, ...] = ("century", "decade", "year", "month", "day")
QUALIFIERS: tuple[str, ...] = ("approximate", "uncertain", "uncertain_approximate")
BOUNDS: tuple[str, ...] = ("on_or_before", "on_or_after", "ongoing")

ONGOING = ".."

_DAY0 = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?"
# The one pattern every date column's Table Schema names; RE2 and Python's re both accept it.
PARTIAL_DATE_PATTERN = rf"^({_DAY0}[~?%]?|[0-9]{{3}}X|[0-9]{{2}}XX|\[\.\.{_DAY0}\]|\[{_DAY0}\.\.\]|\.\.)$"
_LEVEL0 = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_FORM = re.compile(PARTIAL_DATE_PATTERN, re.ASCII)  # \d is 0-9 only, as in the schema (XSD)
_QUALIFIER = {"~": "approximate", "?": "uncertain", "%": "uncertain_approximate"}
_RANK = {p: i for i, p in enumerate(PRECISIONS)}


class PartialDateError(IranRelationsError, ValueError):
    """Raised for text that is not a date of this profile or names a day that does not exist."""


def _check_day(year: int, month: int | None, day: int | None) -> None:
    if not 1 <= year <= 9999:
        raise PartialDateError(f"year {year} is out of range")
    if month is not None and not 1 <= month <= 12:
        raise PartialDateError(f"month {month} does not exist")
    if day is not None:
        last = calendar.monthrange(year, month)[1]  # type: ignore[arg-type]
        if not 1 <= day <= last:
            raise PartialDateError(f"{year:04d}-{month:02d} has no day {day} (it has {last} days)")


def _day(t: Any) -> dt.date | None:
    """A day from the edtf package's struct_time; None for its infinities (an open side)."""
    return None if isinstance(t, float) else dt.date(t.tm_year, t.tm_mon, t.tm_mday)


class PartialDate:
    """One date cell: a day, month, year, decade or century, perhaps qualified, perhaps open."""

    __slots__ = (
        "text",
        "year",
        "month",
        "day",
        "precision",
        "qualifier",
        "bound",
        "earliest",
        "latest",
        "earliest_possible",
        "latest_possible",
    )

    text: str
    year: int | None
    month: int | None
    day: int | None
    precision: Precision | None
    qualifier: Qualifier | None
    bound: Bound | None
    earliest: dt.date | None
    latest: dt.date | None
    earliest_possible: dt.date | None
    latest_possible: dt.date | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        """A plain Level 0 date; use :meth:`parse` for every other form."""
        if day is not None and month is None:
            raise PartialDateError("a day needs a month")
        _check_day(year, month, day)
        text = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        first = dt.date(year, month or 1, day or 1)
        last_month = month or 12
        last = dt.date(year, last_month, day or calendar.monthrange(year, last_month)[1])
        precision = "day" if day else "month" if month else "year"
        self._set(text, year, month, day, precision, None, None, first, last, first, last)

    def _set(self, *values: Any) -> None:
        for name, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PartialDate is immutable")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse a date of the profile above; raise PartialDateError otherwise."""
        if not isinstance(text, str):
            raise PartialDateError(f"expected a date string, got {type(text).__name__}")
        m = _LEVEL0.match(text)
        if m is not None:
            y, mo, d = m.groups()
            return cls(int(y), int(mo) if mo else None, int(d) if d else None)
        try:
            return _parse_extended(text)
        except PartialDateError:
            raise
        except (ValueError, OverflowError) as e:  # a bound outside the calendar: 000X, 0001~ reach year 0
            raise PartialDateError(f"{text!r} stands for days outside years 1 to 9999: {e}") from None

    @classmethod
    def _make(cls, text: str, **fields: Any) -> PartialDate:
        obj = object.__new__(cls)
        obj._set(*(fields.get(name, text if name == "text" else None) for name in cls.__slots__))
        return obj

    @property
    def is_ongoing(self) -> bool:
        """True for ``..``: an end that had not come when the latest source was published."""
        return self.bound == "ongoing"

    @property
    def first_year(self) -> int | None:
        """The first year the date may stand for; None on an open start."""
        return self.earliest_possible.year if self.earliest_possible else None

    @property
    def last_year(self) -> int | None:
        """The last year the date may stand for; None on an open end."""
        return self.latest_possible.year if self.latest_possible else None

    def is_before(self, other: PartialDate) -> bool:
        """True only if every day this date may stand for comes before every day of ``other``."""
        if self.latest_possible is None or other.earliest_possible is None:
            return False
        return self.latest_possible < other.earliest_possible

    def is_after(self, other: PartialDate) -> bool:
        """True only if every day this date may stand for comes after every day of ``other``."""
        return other.is_before(self)

    def overlaps(self, other: PartialDate) -> bool:
        """True if the two dates may stand for the same day."""
        return not (self.is_before(other) or self.is_after(other))

    def contains(self, other: PartialDate) -> bool:
        """True if every day ``other`` may stand for lies within the days this date names."""
        lo, hi = self.earliest or dt.date.min, self.latest or dt.date.max
        return lo <= (other.earliest_possible or dt.date.min) and (other.latest_possible or dt.date.max) <= hi

    @property
    def sort_key(self) -> tuple[dt.date, int, str]:
        """A total order for sorting: by earliest day, coarser precision first, then the text."""
        return (self.earliest or dt.date.min, _RANK.get(self.precision or "century", 0), self.text)

    # Strict comparisons mean "certainly before/after"; they are a partial order.
    def __lt__(self, other: object) -> bool:
        return self.is_before(other) if isinstance(other, PartialDate) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.is_after(other) if isinstance(other, PartialDate) else NotImplemented

    def __eq__(self, other: object) -> bool:
        return self.text == other.text if isinstance(other, PartialDate) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"PartialDate('{self.text}')"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def validate(value: Any) -> PartialDate:
            if isinstance(value, PartialDate):
                return value
            try:
                return cls.parse(value)
            except PartialDateError as e:
                raise ValueError(str(e)) from None

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "EDTF date: YYYY, YYYY-MM, YYYY-MM-DD, qualified (~ ? %), 199X, [..YYYY], [YYYY..], or .. (ongoing)",
        }


@functools.lru_cache(maxsize=4096)
def _parse_extended(text: str) -> PartialDate:
    """Every form but plain Level 0. The days each form stands for come from the edtf package's
    own date classes, built straight from the parts the profile's pattern has already matched: its
    grammar (pyparsing) takes milliseconds a value, the classes microseconds, and the answers are
    the same (``tests/test_partial_date.py`` holds them equal to ``edtf.parse_edtf`` on every form)."""
    if not _FORM.match(text):
        raise PartialDateError(
            f"{text!r} is not a date of the forms YYYY, YYYY-MM, YYYY-MM-DD (optionally followed by ~, ? or %), "
            "199X, 19XX, [..YYYY], [YYYY..] or .. (ongoing, end dates only)"
        )
    if text == ONGOING:
        return PartialDate._make(text, bound="ongoing")
    from edtf.parser.parser_classes import UA, Date, UncertainOrApproximate, Unspecified

    core = text.strip("[].~?%")
    m = _LEVEL0.match(core)
    if m is not None:
        y, mo, d = (int(g) if g else None for g in m.groups())
        _check_day(y, mo, d)  # type: ignore[arg-type]
        precision = "day" if d else "month" if mo else "year"
        parsed: Any = Date(year=m.group(1), month=m.group(2), day=m.group(3))
        if text[-1] in _QUALIFIER:
            parsed = UncertainOrApproximate(date=parsed, ua=UA(text[-1]))
    else:
        y = mo = d = None
        precision = "century" if core.endswith("XX") else "decade"
        parsed = Unspecified(year=core)
    bound = "on_or_before" if text.startswith("[..") else "on_or_after" if text.endswith("..]") else None
    earliest, latest = _day(parsed.lower_strict()), _day(parsed.upper_strict())
    earliest_possible, latest_possible = _day(parsed.lower_fuzzy()), _day(parsed.upper_fuzzy())
    if bound == "on_or_before":  # [..D]: D or any day before it
        earliest = earliest_possible = None
    elif bound == "on_or_after":  # [D..]: D or any day after it
        latest = latest_possible = None
    return PartialDate._make(
        text,
        year=y,
        month=mo,
        day=d,
        precision=precision,
        qualifier=_QUALIFIER.get(text[-1]),
        bound=bound,
        earliest=earliest,
        latest=latest,
        earliest_possible=earliest_possible,
        latest_possible=latest_possible,
    )


def span_text(start: PartialDate | None, end: PartialDate | None = None) -> str:
    """A period as cards and pages print it: ``2001``, ``1996 to 2001``, ``2015 to ongoing``, ``? to 2001``."""
    if start is None and end is None:
        return "undated"
    if end is None:
        return str(start)
    return f"{start or '?'} to {'ongoing' if end.is_ongoing else end}"
