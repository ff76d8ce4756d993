from datetime import date

from foedus.extraction.dates import Reference, edtf_of, find_dates

PUB = Reference(date(2024, 6, 13), date(2024, 6, 16))   # Thursday .. Sunday


def one(text, ref=PUB):
    found = find_dates(text, ref)
    assert found, text
    return found[0]


def test_month_keeps_month_precision():
    # dateparser would say 2023-05-22; the text only says the month
    assert one("in May 2023 the talks").edtf == "2023-05"


def test_weekday_is_on_or_before_publication():
    assert one("on Wednesday, he said").edtf == "2024-06-12"
    assert one("Later Thursday, Yerevan recalled").edtf == "2024-06-13"


def test_relative_expressions_against_publication():
    assert one("this week").edtf == "2024-06-10/2024-06-16"
    assert one("last year").edtf == "2023"
    assert one("In June, the minister").edtf == "2024-06"
    assert one("in February, the prime minister").edtf == "2024-02"
    assert one("On January 10, the prime minister").edtf == "2024-01-10"


def test_since_runs_to_publication():
    x = one("since mid-2023, they have not come")
    assert x.kind == "since" and x.lo == date(2023, 6, 1) and x.hi == date(2024, 6, 13)


def test_year_range_and_day_range():
    assert one("between 2018 and 2020").edtf == "2018/2020"
    assert one("on May 15-16, 2024, he visited").edtf == "2024-05-15/2024-05-16"


def test_anaphoric_uses_previous_time():
    xs = find_dates("on Wednesday he spoke. The next day he left.", PUB)
    assert [x.edtf for x in xs] == ["2024-06-12", "2024-06-13"]


def test_no_publication_no_guess():
    # recognised, but never resolved without a publication date
    assert [(x.kind, x.edtf) for x in find_dates("on Wednesday he spoke", Reference())] == [("weekday", None)]
    assert find_dates("Armenia may return", PUB) == []


def test_future_context_is_flagged():
    assert one("will stay until 2044").future


def test_edtf_of():
    assert edtf_of(date(2024, 1, 1), date(2024, 12, 31)) == "2024"
    assert edtf_of(date(2024, 2, 1), date(2024, 3, 31)) == "2024-02/2024-03"
    assert edtf_of(date(2024, 2, 3), date(2024, 2, 3)) == "2024-02-03"


def test_short_relatives_unresolved_when_publication_is_wide():
    wide = Reference(date(2024, 1, 1), date(2024, 12, 31))
    xs = find_dates("On Saturday he spoke; this week she left; in March 2024 they met.", wide)
    assert [(x.kind, x.edtf) for x in xs][:2] == [("weekday", None), ("relative", None)]
    assert xs[-1].edtf == "2024-03"
    narrow = Reference(date(2024, 6, 12), date(2024, 6, 18))
    assert find_dates("On Saturday he spoke", narrow)[0].edtf is not None


def test_time_of_writing_is_the_publication_interval_when_it_is_narrow():
    month = Reference(date(2024, 9, 1), date(2024, 9, 30))
    assert find_dates("at the time of writing", month)[0].edtf == "2024-09"
    year = Reference(date(2024, 1, 1), date(2024, 12, 31))
    assert find_dates("at the time of writing", year)[0].edtf is None


def test_last_month_name_said_in_that_month_is_the_year_before():
    jan = Reference(date(2025, 1, 29), date(2025, 1, 29))
    assert one("announced their withdrawal last January", jan).edtf == "2024-01"
    assert one("in January the bloc", jan).edtf == "2025-01"
    assert one("last March, the talks", PUB).edtf == "2024-03"


def test_a_24_hour_time_is_not_a_year():
    assert [x.text for x in find_dates("around 11:30 p.m. local time (2130 GMT/UTC) the drones", PUB)] == []


def test_counted_and_plain_later_are_counted_from_the_previous_time():
    found = find_dates("They joined in 1993 and left six years later.", PUB)
    assert [x.edtf for x in found] == ["1993", "1999"]
    found = find_dates("It was signed on May 15, 1992; two months later it was in force.", PUB)
    assert found[-1].edtf == "1992-07"
    later = find_dates("They joined in 1993. They later pulled out.", PUB)[-1]
    assert later.kind == "after" and later.lo == date(1993, 1, 1) and later.hi == date(2024, 6, 16)
    found = find_dates("Later Thursday, Yerevan recalled", PUB)
    assert [x.kind for x in found] == ["weekday"]
    assert find_dates("no later than June 2024", PUB)[0].edtf == "2024-06"


def test_a_when_clause_on_a_year_is_dated_by_it(run):
    res = run("CENTO\n\nThe alliance was weakened in 1958 when Iraq quit the Central Treaty Organisation.\n",
              published="2019-03-13")
    assert [(e["type"], e["actor"], e["date"]) for e in res.events] == [("withdraw", "IRQ", "1958")]


def test_a_count_past_the_publication_is_not_a_past_happening():
    found = find_dates("They joined in 2022 and will leave five years later.", PUB)
    assert [(x.edtf, x.future) for x in found] == [("2022", False), ("2027", True)]


def test_a_date_of_a_future_clause_is_future_even_after_its_place():
    for text in ("The exercises will be held in Belarus in mid-October, the ministry said.",
                 "Special forces will gather in Russia’s Siberian city of Novosibirsk on August 14 for drills.",
                 "The union will be formally launched on January 1, 2015."):
        assert one(text).future, text
    # a past clause inside a future sentence keeps its date
    assert not one("Armenia will leave the bloc it joined in May 2002.").future
