"""Partial dates keep the precision a source gives and compare by the days they may stand for."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iran_relations.partial_date import PartialDate, PartialDateError


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2001", "year", dt.date(2001, 1, 1), dt.date(2001, 12, 31)),
        ("2001-12", "month", dt.date(2001, 12, 1), dt.date(2001, 12, 31)),
        ("2001-12-22", "day", dt.date(2001, 12, 22), dt.date(2001, 12, 22)),
        ("2004-02", "month", dt.date(2004, 2, 1), dt.date(2004, 2, 29)),
        ("2003-02", "month", dt.date(2003, 2, 1), dt.date(2003, 2, 28)),
    ],
)
def test_precision_and_bounds(text: str, precision: str, earliest: dt.date, latest: dt.date) -> None:
    """Each precision stands for the right interval of days, leap years included."""
    d = PartialDate.parse(text)
    assert (d.precision, d.earliest, d.latest) == (precision, earliest, latest)
    assert str(d) == text


@pytest.mark.parametrize(
    "text", ["2001-02-29", "2001-13", "2001-00", "2001-04-31", "01-12-2001", "2001-1-5", "2001-12-22T00:00", "", "abcd"]
)
def test_impossible_or_malformed_dates_are_rejected(text: str) -> None:
    """Days that do not exist and other shapes raise PartialDateError, never a fake date."""
    with pytest.raises(PartialDateError):
        PartialDate.parse(text)


def test_comparisons_respect_precision() -> None:
    """'2001' is neither before nor after '2001-12-22': it contains it; '2001' is before '2002-01'."""
    year, day = PartialDate.parse("2001"), PartialDate.parse("2001-12-22")
    assert not year < day and not year > day
    assert year.overlaps(day) and year.contains(day) and not day.contains(year)
    assert year < PartialDate.parse("2002-01")
    assert PartialDate.parse("2001-12-23") > day


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)), st.sampled_from(["year", "month", "day"]))
def test_round_trip_and_containment(day: dt.date, precision: str) -> None:
    """Any real day at any precision prints back to the same text and contains that day."""
    text = day.isoformat()[: {"year": 4, "month": 7, "day": 10}[precision]]
    d = PartialDate.parse(text)
    assert str(d) == text and d.precision == precision
    assert d.earliest <= day <= d.latest


def test_sorting_key_orders_coarse_before_fine() -> None:
    """sort_key gives a total order: by first day, the coarser date first."""
    dates = [PartialDate.parse(t) for t in ["2001-12-22", "2001", "2001-12", "2000"]]
    assert [str(d) for d in sorted(dates, key=lambda d: d.sort_key)] == ["2000", "2001", "2001-12", "2001-12-22"]
