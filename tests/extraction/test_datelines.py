"""Publication date and outlet from datelines, lower bounds and relative years (synthetic texts)."""
from datetime import date

from foedus.extraction.dates import Reference, find_dateline, find_dates
from foedus.extraction.pipeline import prepare
from foedus.sources.model import Article

TODAY = date(2026, 1, 15)


def article(text: str) -> Article:
    return prepare(Article(doc_id="t", text=text, source="t"))


def published(text: str) -> str | None:
    return article(text).published


# --- datelines -------------------------------------------------------------------------------------

def test_dateline_forms_are_recognised():
    dl = find_dateline("ASTANA, March 4 (Kazinform) — The council met.")
    assert (dl.month, dl.day, dl.year, dl.agency) == (3, 4, None, "Kazinform")
    dl = find_dateline("Headline\n7 October, 09:15\nThe ministers met.")
    assert (dl.month, dl.day, dl.year) == (10, 7, None)
    dl = find_dateline("May 2. Interfax")
    assert (dl.month, dl.day, dl.agency) == (5, 2, "Interfax")
    dl = find_dateline("Headline\nNov. 3, 2015\nThe ministers met.")
    assert (dl.month, dl.day, dl.year) == (11, 3, 2015)
    dl = find_dateline("BRUSSELS, Belgium, Nov. 3 - The allies met.")
    assert dl.place == "BRUSSELS, Belgium" and (dl.month, dl.day) == (11, 3)


def test_ordinary_sentences_are_not_datelines():
    assert find_dateline("On March 4, the council met in Astana.") is None
    assert find_dateline("March 4 was a cold day in Astana.") is None
    assert find_dateline("Moscow said on March 4 that the council met.") is None


def test_dateline_is_not_an_event_date():
    xs = find_dates("ASTANA, March 4 (Kazinform) - Kyrgyzstan left the bloc in May 2015.", Reference())
    assert [x.edtf for x in xs] == ["2015-05"]


def test_yearless_dateline_takes_the_year_of_the_latest_dated_event():
    text = ("Bloc suspends a member\n\nASTANA, March 4 (Kazinform) — The council suspended the member on Tuesday.\n\n"
            "The member asked to leave in October 2015. It had joined in 2009.\n")
    assert published(text) == "2016-03-04?"      # March 4, 2015 would be before October 2015
    text2 = text.replace("October 2015", "January 2015")
    assert published(text2) == "2015-03-04?"


def test_yearless_dateline_with_nothing_to_fix_the_year_stays_unknown():
    a = article("Bloc suspends a member\n\nASTANA, March 4 (Kazinform) — The council suspended the member.\n")
    assert a.published is None
    assert "no year" in a.inferred["published"]


def test_yearless_dateline_takes_the_one_year_of_the_titled_peoples_terms_with_that_weekday():
    text = ("Summit\n\nMINSK, October 10. /TASS/. Moscow does not mind the absence of Ukraine's President Petro Poroshenko "
            "at the summit, Russian Foreign Minister Sergey Lavrov said on Friday.\n")
    a = article(text)
    assert a.published == "2014-10-10?"          # Poroshenko's term: 2014-2019; 10 October was a Friday in 2014 only
    assert "Friday" in a.inferred["published"]
    # a year named as background ("In 2014, after the coup …") only bounds the search from below
    later = ("CIS\n\nKIEV, May 19. /TASS/. Ukrainian President Petro Poroshenko announced on Saturday he had signed a "
             "decree. In 2014, the country's new leadership announced it was starting the process of withdrawing.\n")
    assert published(later) == "2018-05-19?"     # 19 May was a Saturday in 2018 (not in 2014-2017 or 2019)
    # no weekday, or a weekday no year of the term fits: the year stays unknown
    assert published(text.replace(" on Friday", "")) is None
    assert published(text.replace("Friday", "Sunday")) is None


def test_dateline_with_a_year_wins():
    assert published("Headline\nNov. 3, 2015\nThe treaty entered into force in 1994. In June 2015 they met.\n") == "2015-11-03"


# --- the latest explicit date is a lower bound ------------------------------------------------------

def test_latest_month_is_a_lower_bound_with_assumed_end():
    p = published("Talks\n\nIn April 2019, the council rejected the plan. The ministers said the bloc was weak.\n")
    assert p.endswith("?") and p.startswith("2019-04")


def test_weekday_keeps_publication_within_a_week_of_the_latest_day():
    p = published("Talks\n\nThe summit held on Sunday in the capital followed the session of Nov. 5, 2017.\n")
    assert p == "2017-11-05/2017-11-11"


# --- background years ---------------------------------------------------------------------------------

def test_background_year_only_bounds_from_below():
    text = ("Treaty lapses\n\nThe members met in the capital on May 12, the day the treaty expired.\n\n"
            "The treaty was signed in 1990 and entered into force in 1992.\n")
    p = published(text)
    assert p.startswith("1992") and p.endswith("/..")


def test_month_precise_year_is_not_background():
    text = ("Treaty lapses\n\nThe members met in the capital on May 12.\n\nIn February 2018 the treaty was revised.\n")
    p = published(text)
    assert p.startswith("2018-02-01/2019")


# --- relative years without a reference date ----------------------------------------------------------

def test_month_with_relative_year_needs_a_reference():
    xs = find_dates("The bloc admitted it in October last year.", Reference())
    assert [(x.kind, x.edtf) for x in xs] == [("relative", None)]
    pub = Reference(date(2019, 2, 1), date(2019, 2, 28))
    assert find_dates("in October last year", pub)[0].edtf == "2018-10"
    assert find_dates("in March of this year", pub)[0].edtf == "2019-03"
    # an open publication interval is no reference date either
    assert find_dates("in October last year", Reference(date(2019, 2, 1), None))[0].edtf is None


def test_relative_year_never_resolves_to_the_wall_clock_year():
    text = "Bloc grows\n\nThe bloc admitted Ruritania in March last year. It was founded in 2016.\n"
    a = article(text)
    assert a.published is not None and a.published.startswith("2016") and a.published.endswith("/..")
    for y in (str(TODAY.year), str(TODAY.year - 1)):
        assert y not in a.published


# --- outlet marks ---------------------------------------------------------------------------------------

def test_outlet_from_dateline_credit():
    a = article("Headline\n\nASTANA, March 4 (Itar-Tass) — The council met. In 2015 it met too.\n")
    assert a.outlet == "TASS"
    a = article("Headline\n\nWASHINGTON (AP) — The allies met on Tuesday.\n")
    assert a.outlet == "Associated Press"
    a = article("Headline\n\nMay 2. Interfax\n\nThe council met.\n")
    assert a.outlet == "Interfax"


def test_outlet_from_publication_mark_but_not_from_a_citation():
    assert article("Headline\n\nPublication: Monitor Volume: 3 Issue: 12\n\nThe council met.\n").outlet == "Jamestown Foundation"
    assert article("Headline\n\nThe council met, Interfax reported, citing a source.\n").outlet is None


def test_a_date_without_a_year_soon_after_one_with_it_is_in_that_year():
    text = ("Coup in the capital\n\nSoldiers seized the president on September 6, 2021. The regional bloc's leaders "
            "met on 8 September and suspended the country from its bodies.\n")
    assert published(text) == "2021-09-08/2021-10-08?"


def test_an_anniversary_names_the_year_of_writing():
    text = ("A ceremony at headquarters\n\nOn Tuesday the flag was raised; the ceremony coincides with the 74th "
            "anniversary of the alliance's founding in 1949.\n")
    assert published(text).startswith("2023")


def test_tass_closes_its_dateline_with_the_agency_between_full_stops():
    from foedus.extraction.dates import find_dateline
    dl = find_dateline("CHISINAU, January 19. /TASS/. Moldova intends to withdraw from the CIS, the minister said.")
    assert (dl.place, dl.month, dl.day, dl.agency) == ("CHISINAU", 1, 19, "TASS")


def test_an_rferl_dateline_is_the_publication_day_and_not_parsed_as_the_story(run):
    text = ("Independence, Missouri; 12 March 1999 (RFE/RL) - The Czech Republic, Poland and Hungary formally "
            "joined the NATO military alliance today in a ceremony.\n")
    assert published(text) == "1999-03-12"
    res = run(text, published=None)
    assert {(e["actor"], e["date"]) for e in res.events if e["type"] == "join"} == \
        {("CZE", "1999-03-12"), ("POL", "1999-03-12"), ("HUN", "1999-03-12")}
    dl = find_dateline("MOSCOW, December 19 (Itar-Tass) -- Armenia has frozen its participation.")
    assert dl is not None and dl.text.endswith("--")


def test_titles_named_twice_still_date_the_text_and_bound_background_dates():
    from foedus.extraction.lexicon import lexicon
    from foedus.sources.metadata import role_window
    text = ("Armenian Prime Minister Nikol Pashinian spoke.\n\nArmenian Prime Minister Nikol Pashinian said more.\n")
    (lo, _), who = role_window(text, lexicon(), TODAY)
    assert lo == date(2018, 5, 8)
    # dates that are all background (the 2016 war) cannot put the publication before he took office
    a = article("Karabakh\n\nArmenian Prime Minister Nikol Pashinian recalled the fighting of April 2016 on November 5.\n")
    assert a.published == "2018-05-08/.."
    assert "not before 2018-05-08" in a.inferred["published"]


def test_a_date_without_a_year_soon_after_new_year_follows_a_date_of_the_year_before():
    # the year is named for last year's date and dropped for this year's
    text = ("Sudan suspends membership in east African bloc\n\nSudan's Foreign Ministry announced on Saturday the "
            "country has frozen its membership in IGAD. On Jan. 18, IGAD held a summit in Kampala. Sudan boycotted "
            "the summit. On Dec. 9, 2023, IGAD had held another summit.\n")
    assert published(text) == "2024-01-18/2024-01-24"
    # long after it, the year stays the one named: "On Dec. 9, 2023 … on June 18" is not next June
    text2 = text.replace("Jan. 18", "June 18")
    assert not published(text2).startswith("2024-06")


def test_a_day_the_page_states_is_not_moved_by_the_terms_of_the_people_it_names():
    # the registry may lack a person's earlier terms: the page's own dated line is the publication day
    a = article("Monday, Aug. 26, 2016\n\nYerevan\n\nArmenian Prime Minister Nikol Pashinian spoke of the war.\n")
    assert a.published == "2016-08-26"
    assert a.inferred["published"] == "the dateline 'Monday, Aug. 26, 2016'"


def test_a_look_back_column_is_published_years_later_and_tells_of_its_day(run):
    text = ("Forty Years Ago, March 13, 1979: Ankara quits the pact\n\nTurkey announced on Monday that it had "
            "withdrawn from the Central Treaty Organisation, a foreign ministry statement said.\n")
    a = article(text)
    assert a.published == "2019-03-13" and a.reported == "1979-03-13"
    assert "look-back column" in a.inferred["reported"]
    # "on Monday" is the Monday before the day the column looks back to, not a day of 2019
    res = run(text, published=None)
    assert ("withdraw", "TUR", "CENTO", "1979-03-12") in {(e["type"], e["actor"], e["target"], e["date"])
                                                         for e in res.events}
    assert article("25 years ago: 1 May 1999\n\nThe treaty lapsed.\n").published == "2024-05-01"
    assert article("Twenty-five years ago today, 1 May 1999: The treaty lapsed.\n").published == "2024-05-01"
    # a date N years ago in a story is not a column heading
    assert article("Summit\n\nOn 4 June 2024 the leaders recalled what they agreed ten years ago.\n").reported is None


def test_a_month_the_state_will_leave_in_is_not_a_past_happening_and_a_page_date_may_carry_an_issue():
    a = article("Sahel\n\nThe three nations confirmed they would leave ECOWAS in January 2025. The statement was "
                "issued on December 15.\n")
    assert a.published is None or not a.published.startswith("2025")
    a = article("Protocols\n\nThe ministers approved the protocols on Wednesday. The countries will become members in "
                "May 2004 if their parliaments ratify the treaties. Talks began in November 2002.\n")
    assert a.published is not None and not a.published.startswith("2004")
    assert article("Fraternity, 1962\n1962-08-01 / 8. szám\n\nThis conversation took place on November 1.\n"
                   ).published == "1962-08-01"


def test_a_year_written_into_an_exercise_name_is_the_year_the_text_is_about():
    text = ("Armenia stays out\n\nArmenia refuses to take part in the exercises Indestructible Brotherhood-2020, "
            "which will be held in Belarus in mid-October, the Defence Ministry stated Monday.\n")
    assert published(text) == "2020-01-01/2020-12-31?"


def test_an_open_estimate_starts_when_the_titled_people_held_office():
    text = ("Suspended\n\nThe council suspended the country on Thursday. The president had been in office since "
            "2009 and won the August 26 election. Nigerian President Bola Tinubu called it a contagion.\n")
    assert published(text) == "2023-05-29/.."


def test_an_interfax_dateline_with_full_stops_is_a_dateline():
    dl = find_dateline("Moscow. April 29. INTERFAX-The conflict on the border must be stopped.")
    assert (dl.month, dl.day, dl.year, dl.place, dl.agency) == (4, 29, None, "Moscow", "INTERFAX")
    assert find_dateline("He went to Moscow. April 29 was a Thursday.") is None


def test_an_agency_stamp_glued_to_its_date_is_the_publication_day():
    assert published("Peninsula Shield Forces Enter Bahrain\n\nReuters15.03.2011 Bahrain\n\nArmored troops rolled "
                     "into Bahrain from neighboring Saudi Arabia on Monday.\n") == "2011-03-15"


def test_a_place_and_date_alone_on_a_line_and_a_date_then_outlet_open_the_story():
    dl = find_dateline("Sandeep Dikshit\nNew Delhi, January 13\nAzerbaijan's president called the supply unfriendly.")
    assert (dl.place, dl.month, dl.day, dl.year) == ("New Delhi", 1, 13, None)
    dl = find_dateline("Armenia recalls ambassador\nJune 13, Pozirk. Armenia has recalled its ambassador.")
    assert (dl.agency, dl.month, dl.day) == ("Pozirk", 6, 13)
    # a sentence that opens with a date is not a dateline
    assert find_dateline("June 13, Armenia recalled its ambassador.") is None
    assert find_dateline("On June 13, Reuters reported that Armenia recalled its ambassador.") is None


def test_a_year_a_state_may_become_a_member_in_is_no_past_happening(run):
    """ "Montenegro may become the alliance's full-fledged member in mid-2017" is a forecast: it does not put the
    publication after mid-2017 (as a happening dated that year would)."""
    res = run("Montenegro\n\nZakharova spoke at a briefing on May 19. Djukanovic said earlier that Montenegro may "
              "become the alliance’s full-fledged member in mid-2017.\n", published=None)
    assert not (res.article.published or "").startswith("2017")


def test_an_agency_credit_opening_a_paragraph_ends_after_its_dash_or_its_date():
    from foedus.sources.metadata import place_credit_end
    def credit(t):
        end = place_credit_end(t, 0, len(t))
        return t[:end] if end else None
    assert credit("WASHINGTON (AP) — The Senate voted") == "WASHINGTON (AP) —"
    assert credit("KYIV, Ukraine (Reuters) - The army said") == "KYIV, Ukraine (Reuters) -"
    assert credit("Washington DC (UPI) Jun 25, 2006 In a further repudiation") == "Washington DC (UPI) Jun 25, 2006 "
    # a name with a bracket is no credit without a dash or a date after it
    assert credit("Vladimir Putin (Russia) has said") is None
    assert credit("John Smith (AP Photo) Rain fell") is None
