from datetime import date

import pytest
from hypothesis import given, strategies as st

from foedus.domain.dates import InvalidDate, merge_spans, parse_edtf


@pytest.mark.parametrize("text, lo, hi", [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
    ("2024-06-12", date(2024, 6, 12), date(2024, 6, 12)),
    ("2023-11/2024-11", date(2023, 11, 1), date(2024, 11, 30)),
    ("2024-11-29/2024-12", date(2024, 11, 29), date(2024, 12, 31)),
    ("2024-06~", date(2024, 5, 1), date(2024, 7, 31)),
])
def test_edtf_bounds_keep_the_precision_of_the_text(text, lo, hi):
    span = parse_edtf(text)
    assert (span.earliest, span.latest, span.edtf) == (lo, hi, text)


def test_open_ended_intervals_have_no_bound_on_the_open_side():
    span = parse_edtf("../2024-03")
    assert span.earliest is None and span.latest == date(2024, 3, 31)
    assert parse_edtf("2023-11/..").latest is None


def test_uncertain_dates_are_flagged_and_never_exact():
    span = parse_edtf("2024-06-12?")
    assert span.uncertain and span.exact_day is None
    assert parse_edtf("2024-06-12").exact_day == date(2024, 6, 12)


@pytest.mark.parametrize("bad", ["", "June 2024", "2024-13", "2024-02-30", "2024/2023", "12/06/2024", "2024-06-12T10:00", None, 2024])
def test_invalid_dates_are_rejected_with_the_offending_text(bad):
    with pytest.raises(InvalidDate):
        parse_edtf(bad)


def test_shifting_by_months_clamps_to_the_end_of_shorter_months():
    assert parse_edtf("2024-08-31").shifted(months=6).edtf == "2025-02-28"
    assert parse_edtf("2024-01-29").shifted(months=12).edtf == "2025-01-29"


def test_merging_reports_covers_every_date_they_give():
    merged = merge_spans([parse_edtf("2006-06-23"), parse_edtf("2006-08-16")])
    assert (merged.earliest, merged.latest) == (date(2006, 6, 23), date(2006, 8, 16))


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
def test_any_day_round_trips(day):
    span = parse_edtf(day.isoformat())
    assert span.earliest == span.latest == day
    month = parse_edtf(day.strftime("%Y-%m"))
    assert month.contains(day) and month.earliest.day == 1
