"""Partial dates keep the precision a source gives and compare by the days they may stand for."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iran_relations.schema.partial_date import PartialDate, PartialDateError


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
    "text",
    # 000X, 00XX and 0001~ reach year 0 on their early side, which no calendar date holds
    ["2001-02-29", "2001-13", "2001-00", "2001-04-31", "01-12-2001", "2001-1-5", "2001-12-22T00:00", "", "abcd"]
    + ["000X", "00XX", "0001~", "0001%"],
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


# -- EDTF forms beyond Level 0 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "precision", "qualifier", "bound", "earliest", "latest"),
    [
        ("1993~", "year", "approximate", None, dt.date(1993, 1, 1), dt.date(1993, 12, 31)),
        ("1999?", "year", "uncertain", None, dt.date(1999, 1, 1), dt.date(1999, 12, 31)),
        ("1999%", "year", "uncertain_approximate", None, dt.date(1999, 1, 1), dt.date(1999, 12, 31)),
        ("2001-12~", "month", "approximate", None, dt.date(2001, 12, 1), dt.date(2001, 12, 31)),
        ("199X", "decade", None, None, dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
        ("19XX", "century", None, None, dt.date(1900, 1, 1), dt.date(1999, 12, 31)),
        ("[..1995]", "year", None, "on_or_before", None, dt.date(1995, 12, 31)),
        ("[2015-03..]", "month", None, "on_or_after", dt.date(2015, 3, 1), None),
        ("..", None, None, "ongoing", None, None),
    ],
)
def test_edtf_forms_keep_precision_qualifier_and_bounds(
    text: str, precision: str | None, qualifier: str | None, bound: str | None, earliest, latest
) -> None:
    """Each EDTF form the profile allows parses to its precision, qualifier, open side and named days."""
    d = PartialDate.parse(text)
    assert (d.precision, d.qualifier, d.bound, d.earliest, d.latest) == (precision, qualifier, bound, earliest, latest)
    assert str(d) == text and d.is_ongoing == (text == "..")


def test_qualified_dates_may_stand_for_the_days_around_them() -> None:
    """'1993~' names 1993 but may stand for the years beside it; '%' widens twice as far."""
    approx, both = PartialDate.parse("1993~"), PartialDate.parse("1993%")
    assert (approx.earliest_possible, approx.latest_possible) == (dt.date(1992, 1, 1), dt.date(1994, 12, 31))
    assert (both.first_year, both.last_year) == (1991, 1995)
    assert PartialDate.parse("199X").first_year == 1990 and PartialDate.parse("199X").last_year == 1999


def test_comparisons_across_forms() -> None:
    """Approximate, vague and open dates are certainly before or after another only when no reading overlaps."""
    p = PartialDate.parse
    assert not p("2002~").is_after(p("2001")) and p("2003~").is_after(p("2001"))
    assert p("[..1995]") < p("1996") and not p("[..1995]") < p("1995")
    assert p("[2015..]") > p("2014-12-31") and not p("[2015..]") < p("2100")
    assert not p("..").is_before(p("2001")) and not p("..").is_after(p("2001"))
    assert p("199X").contains(p("1993")) and p("1993~").contains(p("1993")) and not p("1993").contains(p("1993~"))
    dates = [p(t) for t in ["2001", "199X", "[..1995]", "1993~", "2001-12"]]
    assert [str(d) for d in sorted(dates, key=lambda d: d.sort_key)] == ["[..1995]", "199X", "1993~", "2001", "2001-12"]


@pytest.mark.parametrize(
    "text", ["2001-02-29~", "199Y", "1999~?", "[..1995", "[1995]", "...", "2001-XX", "[..]", "1993 ~", "x1993"]
)
def test_malformed_edtf_is_rejected(text: str) -> None:
    """Forms outside the profile, and impossible days under a qualifier, raise PartialDateError."""
    with pytest.raises(PartialDateError):
        PartialDate.parse(text)


@settings(max_examples=400, deadline=None)
@given(
    year=st.integers(1000, 2100),
    month=st.none() | st.integers(1, 12),
    day=st.none() | st.integers(1, 31),
    form=st.sampled_from(["plain", "~", "?", "%", "before", "after", "decade", "century"]),
)
def test_every_form_stands_for_the_days_the_edtf_grammar_gives(year, month, day, form) -> None:
    """The date classes are built from the matched parts instead of running edtf's grammar; the days
    they give (strict and fuzzy, both sides) and which texts are rejected must be the grammar's."""
    from edtf import parse_edtf

    base = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    text = {
        "plain": base,
        "~": base + "~",
        "?": base + "?",
        "%": base + "%",
        "before": f"[..{base}]",
        "after": f"[{base}..]",
        "decade": f"{year // 10:03d}X",
        "century": f"{year // 100:02d}XX",
    }[form]
    try:
        ours = PartialDate.parse(text)
    except PartialDateError:
        ours = None
    try:
        theirs = parse_edtf(text)
    except Exception:  # the grammar's own error types vary by form
        theirs = None
    if theirs is not None and form not in ("decade", "century"):
        # the grammar accepts impossible days (2001-02-30); the profile does not
        try:
            dt.date(year, month or 1, day if month and day else 1)
        except ValueError:
            assert ours is None
            return
    assert (ours is None) == (theirs is None), text

    def day_of(t):
        return None if isinstance(t, float) else dt.date(t.tm_year, t.tm_mon, t.tm_mday)

    if ours is not None:
        if form == "before":
            assert (ours.earliest, ours.latest) == (None, day_of(theirs.upper_strict()))
        elif form == "after":
            assert (ours.earliest, ours.latest) == (day_of(theirs.lower_strict()), None)
        else:
            assert (ours.earliest, ours.latest) == (day_of(theirs.lower_strict()), day_of(theirs.upper_strict()))
            assert (ours.earliest_possible, ours.latest_possible) == (
                day_of(theirs.lower_fuzzy()),
                day_of(theirs.upper_fuzzy()),
            ), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda year, month, day, form: {
                "plain": f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else ""),
                "~": f"{year:04d}~",
                "before": f"[..{year:04d}]",
                "ongoing": "..",
                "decade": f"{year // 10:03d}X",
                "junk": f"{year}-{month or 0}-{day or 0}",
            }[form],
            st.integers(0, 3999),
            st.none() | st.integers(0, 13),
            st.none() | st.integers(0, 32),
            st.sampled_from(["plain", "plain", "plain", "~", "before", "ongoing", "decade", "junk"]),
        )
        | st.none(),
        min_size=1,
        max_size=20,
    )
)
def test_the_validators_column_bounds_are_the_date_classes_bounds(cells: list[str | None]) -> None:
    """The validator computes plain years, months and days for a whole column at once; every cell's
    bounds must be the ones PartialDate gives it (none for an empty, malformed or impossible date)."""
    import pyarrow as pa

    from iran_relations.validation.bounds import day_bounds

    earliest, latest = day_bounds(pa.array(cells, pa.string()))
    for cell, lo, hi in zip(cells, earliest.to_pylist(), latest.to_pylist(), strict=True):
        try:
            d = PartialDate.parse(cell) if cell is not None else None
        except PartialDateError:
            d = None
        want_lo = d.earliest_possible.isoformat() if d and d.earliest_possible else None
        want_hi = d.latest_possible.isoformat() if d and d.latest_possible else None
        assert (lo, hi) == (want_lo, want_hi), cell
