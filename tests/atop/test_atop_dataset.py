"""Reading and validating the ATOP CSV files: dates, truncated and malformed input, bad values."""
from __future__ import annotations

import pytest

from atop_fixtures import A_HEADER, M_HEADER, csv_text, m_row
from foedus.atop.dataset import (ALLIANCE_REQUIRED, MEMBER_REQUIRED, Problem, parse_alliances, parse_members,
                                 parse_table, ymd_edtf)
from foedus.domain.dates import parse_edtf


def members_of(text: str, known=lambda c: c in {2, 200, 365, 220}):
    table, problems = parse_table("atop5_1m.csv", text, MEMBER_REQUIRED)
    assert table is not None, problems
    records, more = parse_members(table, known)
    return records, problems + more


@pytest.mark.parametrize("y, m, d, expected", [
    (1914, 8, 1, "1914-08-01"), (1914, 8, None, "1914-08"), (1914, 8, 0, "1914-08"),
    (1914, 0, 0, "1914"), (1914, None, None, "1914"),
])
def test_dates_keep_their_precision(y, m, d, expected):
    assert ymd_edtf(y, m, d) == expected
    parse_edtf(expected)  # a valid EDTF date


@pytest.mark.parametrize("y, m, d", [(1914, 2, 30), (1914, 13, 1), (99, 1, 1)])
def test_impossible_dates_are_refused(y, m, d):
    with pytest.raises(ValueError):
        ymd_edtf(y, m, d)


def test_a_missing_or_zero_day_gives_month_precision():
    rows = [m_row(1, 365, "1914-08", "1917-12"), m_row(1, 220, "1914-08-00", "1917-12-00")]
    text = csv_text(M_HEADER, rows).replace("1914,8,00", "1914,8,0").replace("1917,12,00", "1917,12,0")
    recs, problems = members_of(text)
    assert not problems
    assert [(r.entry, r.exit) for r in recs] == [("1914-08", "1917-12"), ("1914-08", "1917-12")]


def test_in_force_at_the_end_of_coverage_has_no_exit():
    recs, problems = members_of(csv_text(M_HEADER, [m_row(1, 365, "1992-05-15", None)]))
    assert not problems and recs[0].exit is None and recs[0].ineffect


def test_a_truncated_file_names_file_row_and_column():
    text = csv_text(M_HEADER, [m_row(1, 365, "1992-05-15"), m_row(1, 2, "1992-05-15")])
    truncated = text[: text.rindex("\n", 0, len(text) - 1) + 40]  # cut inside the last row, no final newline
    table, problems = parse_table("atop5_1m.csv", truncated, MEMBER_REQUIRED)
    assert len(problems) == 1
    p = problems[0]
    assert p.file == "atop5_1m.csv" and p.row == 2 and p.column is not None and "truncated" in p.message
    assert str(p).startswith("atop5_1m.csv row 2 (line 3), column ")
    assert len(table.rows) == 1


def test_a_row_with_the_wrong_number_of_fields_is_malformed():
    text = csv_text(M_HEADER, [m_row(1, 365, "1992-05-15"), m_row(1, 2, "1992-05-15")])
    lines = text.splitlines()
    lines[1] += ",7,7"
    _, problems = parse_table("atop5_1m.csv", "\n".join(lines) + "\n", MEMBER_REQUIRED)
    assert [(p.row, "malformed" in p.message) for p in problems] == [(1, True)]


def test_a_missing_column_is_reported_once_for_the_header():
    header = [c for c in M_HEADER if c != "dayexit"]
    table, problems = parse_table("atop5_1m.csv", csv_text(header, [m_row(1, 365, "1992-05-15")]), MEMBER_REQUIRED)
    assert table is None and len(problems) == 1 and problems[0].column == "dayexit" and problems[0].row is None


def test_empty_file():
    table, problems = parse_table("atop5_1a.csv", "", ALLIANCE_REQUIRED)
    assert table is None and "empty file" in problems[0].message


def test_a_value_that_is_not_a_number_names_its_column():
    row = m_row(1, 365, "1992-05-15")
    row["yrent"] = "19x2"
    recs, problems = members_of(csv_text(M_HEADER, [row, m_row(1, 2, "1992-05-15")]))
    assert [r.cow for r in recs] == [2]
    assert [(p.row, p.column) for p in problems] == [(1, "yrent")]
    assert "whole number" in problems[0].message


def test_a_dummy_must_be_zero_or_one():
    row = m_row(1, 365, "1992-05-15", defense=2)
    _, problems = members_of(csv_text(M_HEADER, [row]))
    assert [(p.column, "0 or 1" in p.message) for p in problems] == [("defense", True)]


def test_whole_numbers_written_as_floats_are_accepted():
    text = csv_text(M_HEADER, [m_row(1, 365, "1992-05-15")]).replace(",1992,5,15,", ",1992.0,5.0,15.0,")
    recs, problems = members_of(text)
    assert not problems and recs[0].entry == "1992-05-15"


def test_an_unknown_country_code_is_refused():
    _, problems = members_of(csv_text(M_HEADER, [m_row(1, 999, "1992-05-15")]))
    assert [(p.row, p.column) for p in problems] == [(1, "member")]
    assert "unknown country code 999" in problems[0].message


def test_an_exit_before_the_entry_is_refused():
    _, problems = members_of(csv_text(M_HEADER, [m_row(1, 365, "1992-05-15", "1991-01-01")]))
    assert [(p.row, p.column) for p in problems] == [(1, "yrexit/moexit/dayexit")]
    assert "before entry 1992-05-15" in problems[0].message


def test_an_exit_in_the_month_of_an_imprecise_entry_is_accepted():
    recs, problems = members_of(csv_text(M_HEADER, [m_row(1, 365, "1992-05", "1992-05-03")]))
    assert not problems and recs[0].exit == "1992-05-03"


@pytest.mark.parametrize("ineffect, exit_, message", [
    (1, "1999-04-20", "INEFFECT=1"), (0, None, "exit date is missing"),
])
def test_ineffect_must_match_the_exit(ineffect, exit_, message):
    row = m_row(1, 365, "1992-05-15", exit_)
    row["ineffect"] = str(ineffect)
    _, problems = members_of(csv_text(M_HEADER, [row]))
    assert len(problems) == 1 and message in problems[0].message


def test_duplicate_atopid_in_the_alliance_file():
    from atop_fixtures import a_row
    table, _ = parse_table("atop5_1a.csv", csv_text(A_HEADER, [a_row(7, "1900-01-01"), a_row(7, "1901-01-01")]), ALLIANCE_REQUIRED)
    recs, problems = parse_alliances(table)
    assert len(recs) == 1 and problems[0].row == 2 and "duplicate atopid 7" in problems[0].message


def test_problem_text():
    assert str(Problem("atop5_1m.csv", 12, "dayexit", "bad")) == "atop5_1m.csv row 12 (line 13), column dayexit: bad"
    assert str(Problem("atop5_1a.csv", None, None, "missing")) == "atop5_1a.csv: missing"
