"""Reconciliation with known facts (synthetic facts and texts, no seed article)."""
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from foedus.extraction.reconcile import KnownFact, assume_recent, recent_past, reconcile, with_countries_of_capitals

ROOT = Path(__file__).resolve().parents[2]


def fact(fid, typ, actor, target, lo, hi=None):
    hi = hi or lo
    return KnownFact(fid, typ, actor, target, lo, hi, lo.isoformat() if lo == hi else f"{lo}/{hi}", ("https://example.org",))


FACTS = [
    fact("x-freeze", "freeze_participation", "XAA", "ALLY", date(2021, 3, 4)),
    fact("x-skip-1", "skip_meeting", "XAA", "ALLY", date(2021, 5, 10)),
    fact("x-skip-2", "skip_meeting", "XAA", "ALLY", date(2021, 9, 20)),
    fact("x-later", "withhold_contribution", "XAA", "ALLY", date(2023, 1, 5)),
]


def with_facts(extractor, facts):
    """The session's extraction pipeline (model loaded once) reconciling with ``facts``."""
    from foedus.extraction.pipeline import Extractor
    return Extractor(registry=extractor.registry, lex=extractor.lex, nlp=extractor.nlp, facts=facts)


def ev(typ, d=None, **kw):
    return {"doc": "d", "type": typ, "actor": "XAA", "target": "ALLY", "date": d, "evidence": "…", **kw}


def test_unique_candidate_narrows_and_records_provenance():
    r = reconcile([ev("freeze_participation", "2021")], "2021-06/2021-12", FACTS)
    assert r.events[0]["date"] == "2021-03-04"
    rec = [x for x in r.records if x["what"] == "event_date"]
    assert rec and rec[0]["fact"] == "x-freeze" and rec[0]["date_before"] == "2021" and rec[0]["sources"]


def test_two_candidates_leave_the_date_alone():
    r = reconcile([ev("skip_meeting", "2021")], "2021-10/2021-12", FACTS)
    assert r.events[0]["date"] == "2021"
    assert any(x["what"] == "ambiguous" and set(x["candidates"]) == {"x-skip-1", "x-skip-2"} for x in r.records)


def test_precise_dates_are_not_changed_and_incompatible_facts_ignored():
    r = reconcile([ev("freeze_participation", "2021-07-01"), ev("freeze_participation", "2020")], "2021-12", FACTS)
    assert [e["date"] for e in r.events] == ["2021-07-01", "2020"]


def test_facts_after_publication_are_not_candidates():
    r = reconcile([ev("withhold_contribution")], "2021-06/2021-12", FACTS)
    assert r.events[0]["date"] is None and r.published == "2021-06/2021-12"


def test_matched_fact_is_a_lower_bound_for_publication():
    # published "2021" by the text; a matched fact of 2021-03-04 moves the start, news recency bounds the end
    r = reconcile([ev("freeze_participation")], "2021", FACTS)
    assert r.published == "2021-03-04/2021-04-03?"  # the end is the news-recency assumption, marked uncertain
    assert any(x["what"] == "published" and x["fact"] == "x-freeze" for x in r.records)


def test_relative_expression_ties_publication_to_the_fact():
    r = reconcile([ev("freeze_participation", None, date_kind="relative", date_text="this week")], "2021", FACTS)
    assert r.published == "2021-03-04/2021-03-10"


def test_weekday_must_agree_with_the_fact():
    # 2021-03-04 was a Thursday
    r = reconcile([ev("freeze_participation", None, date_kind="weekday", date_text="Monday")], "2021", FACTS)
    assert r.events[0]["date"] is None and r.published == "2021"


def test_given_publication_is_never_changed():
    r = reconcile([ev("freeze_participation")], "2021", FACTS, published_given=True)
    assert r.published == "2021" and r.events[0]["date"] == "2021-03-04"


def test_aggregate_since_statements_are_not_narrowed():
    r = reconcile([ev("skip_meeting", "2021-04-01/2021-06-30", date_kind="since", date_text="April 2021")], "2021-06", FACTS)
    assert r.events[0]["date"] == "2021-04-01/2021-06-30"


def test_an_undated_event_takes_the_only_fact_of_the_recent_past():
    # two known skips (2021 and 2023): the undated mention in a 2024 article is the recent one, and says why
    facts = FACTS + [fact("x-skip-3", "skip_meeting", "XAA", "ALLY", date(2023, 11, 23))]
    r = reconcile([ev("skip_meeting")], "2024-02", facts)
    assert r.events[0]["date"] == "2023-11-23"
    assert any(x["what"] == "event_date" and "year before" in x["why"] for x in r.records)
    # a dated mention is never moved out of its own year by recency, and two recent facts stay ambiguous
    assert reconcile([ev("skip_meeting", "2021")], "2024-02", facts).events[0]["date"] == "2021"
    r = reconcile([ev("skip_meeting")], "2021-12", facts)
    assert r.events[0]["date"] is None and any(x["what"] == "ambiguous" for x in r.records)


def test_undated_events_get_the_recent_past_never_the_publication_date():
    assert recent_past("2024-06-12/2024-06-18") == "2023?/2024-06-18"
    assert recent_past("2024-03-10/2024-04-09?") == "2023?/2024-04-09?"   # an assumed end stays marked
    assert recent_past(None) is None
    events, records = assume_recent([ev("accuse"), ev("accuse", "2022-05")], "2024-06")
    assert [e["date"] for e in events] == ["2023?/2024-06-30", "2022-05"]
    assert len(records) == 1 and records[0]["what"] == "event_date_assumed" and "assumed" in records[0]["why"]
    events, records = assume_recent([ev("accuse")], None)        # no publication date: honest null
    assert events[0]["date"] is None and records == []


def _extract(tmp_path, *extra):
    src = tmp_path / "a.txt"
    src.write_text("Armenia and the alliance\n\n"
                   "Armenia has frozen its participation in the CSTO, officials in Yerevan said.\n", encoding="utf-8")
    out = tmp_path / ("out" + "".join(extra))
    r = subprocess.run([sys.executable, "-m", "foedus.cli.app", "extract", str(src), "--out", str(out), "-q", *extra],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    evs = [json.loads(x) for x in (out / "events.jsonl").read_text().splitlines()]
    rec = [json.loads(x) for x in (out / "reconciled.jsonl").read_text().splitlines()]
    return evs, rec


def test_cli_reconciles_by_default_and_no_reference_disables(tmp_path):
    evs, rec = _extract(tmp_path)
    freeze = [e for e in evs if e["type"] == "freeze_participation"]
    assert freeze and freeze[0]["date"] is not None          # the shipped ledger knows Armenia's freeze
    assert any(r["what"] == "event_date" for r in rec)
    evs2, rec2 = _extract(tmp_path, "--no-reference")
    freeze2 = [e for e in evs2 if e["type"] == "freeze_participation"]
    assert freeze2 and freeze2[0]["date"] is None and rec2 == []


def test_recency_never_picks_a_fact_after_the_publication():
    facts = [fact("s-1992", "sign", "XAA", "ALLY", date(1992, 5, 15)), fact("s-1999", "sign", "XAA", "ALLY", date(1999, 4, 2)),
             fact("s-2002", "sign", "XAA", "ALLY", date(2002, 10, 7))]
    r = reconcile([ev("sign")], "1999-04-20/1999-05-20?", facts)
    assert r.events[0]["date"] == "1999-04-02"


def test_the_place_named_in_the_sentence_picks_one_of_several_facts():
    facts = [KnownFact("s-minsk", "skip_meeting", "XAA", "ALLY", date(2023, 11, 23), date(2023, 11, 23), "2023-11-23", (), ("Minsk",)),
             KnownFact("s-astana", "skip_meeting", "XAA", "ALLY", date(2024, 11, 28), date(2024, 11, 28), "2024-11-28", (), ("Astana",))]
    r = reconcile([ev("skip_meeting", evidence="Leaders met in Minsk for a summit skipped by XAA.")], None, facts)
    assert r.events[0]["date"] == "2023-11-23"
    assert any("Minsk" in x.get("why", "") for x in r.records)
    r = reconcile([ev("skip_meeting", evidence="Leaders met for a summit skipped by XAA.")], None, facts)
    assert r.events[0]["date"] is None


def test_a_restatement_is_taken_only_when_the_articles_clue_picks_it():
    # the original freeze (Thursday 2021-03-04) and a restatement of it at a press conference (Saturday 2021-09-04)
    facts = [fact("x-freeze", "freeze_participation", "XAA", "ALLY", date(2021, 3, 4)),
             KnownFact("x-freeze-again", "freeze_participation", "XAA", "ALLY", date(2021, 9, 4), date(2021, 9, 4),
                       "2021-09-04", (), (), "x-freeze")]
    # no clue: the original act
    r = reconcile([ev("freeze_participation")], "2021-06/2021-12", facts)
    assert r.events[0]["date"] == "2021-03-04"
    # "on Saturday": only the restatement fits; the article appeared within six days of it
    r = reconcile([ev("freeze_participation", None, date_kind="weekday", date_text="on Saturday")], "2021", facts)
    assert r.events[0]["date"] == "2021-09-04" and r.published == "2021-09-04/2021-09-10"
    # "on Thursday": the original
    r = reconcile([ev("freeze_participation", None, date_kind="weekday", date_text="on Thursday")], "2021", facts)
    assert r.events[0]["date"] == "2021-03-04" and r.published == "2021-03-04/2021-03-10"


def test_a_quote_after_a_dated_statement_takes_its_weekday_and_the_ledger_places_it(extractor):
    """ "made the statement at a press conference on Saturday. 'X has frozen …,' he said." with no publication date:
    the quote is dated by the statement's weekday, the known Saturday fact dates it and the publication."""
    from foedus.sources.loaders import article_from_text
    facts = [fact("k-freeze", "freeze_participation", "KAZ", "CSTO", date(2021, 3, 4)),
             KnownFact("k-freeze-again", "freeze_participation", "KAZ", "CSTO", date(2021, 9, 4), date(2021, 9, 4),
                       "2021-09-04", (), (), "k-freeze")]
    ex = with_facts(extractor, facts)
    text = ("Kazakhstan and the CSTO\n\nKazakhstan's foreign minister made the statement at a press conference on "
            "Saturday, according to local media.\n\n“Kazakhstan has frozen its participation in the CSTO,” he said.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {}))
    [e] = [e for e in res.events if e["type"] == "freeze_participation"]
    assert e["date"] == "2021-09-04"
    assert res.article.published == "2021-09-04/2021-09-10"


def test_the_instrument_named_in_the_sentence_picks_one_of_two_saturday_signings():
    facts = [KnownFact("s-charter", "sign", "XAA", "ALLY", date(2023, 9, 16), date(2023, 9, 16), "2023-09-16", (), (), None,
                       ("charter",)),
             KnownFact("s-confed", "sign", "XAA", "ALLY", date(2024, 7, 6), date(2024, 7, 6), "2024-07-06", (), ("Niamey",), None,
                       ("confederation",))]
    sat = {"date_kind": "weekday", "date_text": "on Saturday"}
    r = reconcile([ev("sign", evidence="The leaders on Saturday signed a charter establishing a defence alliance.", **sat)],
                  None, facts)
    assert r.events[0]["date"] == "2023-09-16" and r.published == "2023-09-16/2023-09-22"
    r = reconcile([ev("sign", evidence="On Saturday they signed a treaty creating a confederation.", **sat)], None, facts)
    assert r.events[0]["date"] == "2024-07-06"
    r = reconcile([ev("sign", evidence="On Saturday they signed a treaty.", **sat)], None, facts)
    assert r.events[0]["date"] is None


def test_a_summit_in_a_capital_is_found_by_its_country_name():
    facts = with_countries_of_capitals(
        [KnownFact("s-minsk", "skip_meeting", "XAA", "ALLY", date(2023, 11, 23), date(2023, 11, 23), "2023-11-23", (), ("Minsk",)),
         KnownFact("s-astana", "skip_meeting", "XAA", "ALLY", date(2024, 11, 28), date(2024, 11, 28), "2024-11-28", (), ("Astana",))],
        {"Astana": ["Kazakhstan", "Republic of Kazakhstan"], "Minsk": ["Belarus"]})
    r = reconcile([ev("skip_meeting", evidence="XAA stayed away from the summit in Kazakhstan.")], None, facts)
    assert r.events[0]["date"] == "2024-11-28"
    assert any("(Kazakhstan)" in x.get("why", "") for x in r.records)
    # a country named as an actor is not the place
    r = reconcile([ev("skip_meeting", evidence="Kazakhstan said XAA stayed away from the summit.")], None, facts)
    assert r.events[0]["date"] is None


def test_a_place_named_elsewhere_in_the_article_picks_the_fact_when_the_sentence_has_none():
    facts = [KnownFact("s-1", "suspend_membership", "XAA", "ALLY", date(2012, 3, 27), date(2012, 3, 27), "2012-03-27", (), ("Abidjan",)),
             KnownFact("s-2", "suspend_membership", "XAA", "ALLY", date(2021, 5, 30), date(2021, 5, 30), "2021-05-30", (), ("Accra",))]
    e = ev("suspend_membership", evidence="Leaders decided at an extraordinary summit to suspend XAA.")
    text = "Leaders decided at an extraordinary summit to suspend XAA.\n\nThey met on Sunday in Accra."
    assert reconcile([e], None, facts, article_text=text).events[0]["date"] == "2021-05-30"
    assert reconcile([e], None, facts).events[0]["date"] is None


def test_earlier_this_month_keeps_the_publication_in_the_facts_month():
    r = reconcile([ev("freeze_participation", None, date_kind="relative", date_text="Earlier this month")], "2021", FACTS)
    assert r.events[0]["date"] == "2021-03-04" and r.published == "2021-03-04/2021-03-31"


def test_a_second_reading_narrows_the_publication_with_what_the_first_could_not_resolve(extractor):
    """No date in the text: the known request dates the article; read again, "earlier this month" keeps it in
    that month."""
    from foedus.sources.loaders import article_from_text
    facts = [fact("k-request", "request_assistance", "KAZ", "CSTO", date(2022, 1, 5))]
    ex = with_facts(extractor, facts)
    text = ("Kazakhstan and the CSTO\n\nEarlier this month, Kazakhstan called on the CSTO to send peacekeeping forces "
            "when protests swept the country.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {}))
    assert res.article.published == "2022-01-05/2022-01-31"
    # the text's own "earlier this month", now resolvable, is kept (a month is not vague)
    assert [e["date"] for e in res.events if e["type"] == "request_assistance"] == ["2022-01"]


def test_the_start_of_a_war_is_not_every_later_attack():
    facts = [KnownFact("inv", "attack", "XAA", "YBB", date(2022, 2, 24), date(2022, 2, 24), "2022-02-24", (), (), None,
                       ("invasion", "full-scale war"), (), True)]
    e = {"doc": "d", "type": "attack", "actor": "XAA", "target": "YBB", "date": None}
    r = reconcile([{**e, "evidence": "overnight a mass aerial attack on YBB killed five people"}], None, facts)
    assert r.events[0]["date"] is None and r.published is None
    r = reconcile([{**e, "evidence": "since XAA launched its full-scale invasion of YBB"}], None, facts)
    assert r.events[0]["date"] == "2022-02-24"


def test_what_the_article_names_elsewhere_picks_one_of_two_demands_at_the_same_place():
    facts = [KnownFact("d-1", "demand", "ALLY", "XAA", date(2023, 7, 30), date(2023, 7, 30), "2023-07-30", (), ("Abuja",), None,
                       ("ultimatum", "seven days")),
             KnownFact("d-2", "demand", "ALLY", "XAA", date(2023, 8, 10), date(2023, 8, 10), "2023-08-10", (), ("Abuja",), None,
                       ("standby force",))]
    e = {"doc": "d", "type": "demand", "actor": "ALLY", "target": "XAA", "date": None,
         "evidence": "They demanded the full restoration of constitutional order."}
    text = "Leaders in Abuja threatened force if the junta did not comply within seven days. " + e["evidence"]
    assert reconcile([e], None, facts, article_text=text).events[0]["date"] == "2023-07-30"


def test_a_date_carried_over_from_the_narrative_yields_to_the_only_known_fact():
    # "In 2007 the bloc created a force. … after X asked it to deploy troops": 2007 is the narrative's, not the request's
    facts = [fact("k-request", "request_assistance", "XAA", "ALLY", date(2022, 1, 5))]
    e = ev("request_assistance", "2007", date_kind="absolute", date_text="In 2007", date_inherited=True)
    assert reconcile([e], None, facts).events[0]["date"] == "2022-01-05"
    own = ev("request_assistance", "2007", date_kind="absolute", date_text="In 2007")
    assert reconcile([own], None, facts).events[0]["date"] == "2007"


def test_events_sharing_a_time_expression_share_the_date_a_fact_gave_it():
    thu = {"date_kind": "weekday", "date_text": "Thursday", "date_at": 40}
    r = reconcile([ev("freeze_participation", None, **thu), ev("accuse", None, target="YBB", **thu),
                   ev("demand", None, target="YBB", date_kind="weekday", date_text="Thursday", date_at=400)],
                  None, FACTS)
    assert [e["date"] for e in r.events] == ["2021-03-04", "2021-03-04", None]
    assert any(x["what"] == "event_date" and x["type"] == "accuse" and "same expression" in x["why"] for x in r.records)


def test_a_statement_named_again_in_the_next_paragraph_continues_its_day(extractor):
    """ "… released a joint statement Sunday saying they were quitting ALLY." / "The joint statement accused …":
    the known withdrawal places Sunday, and the accusation made in that statement is of that day."""
    from foedus.sources.loaders import article_from_text
    facts = [fact("k-out", "announce_withdrawal", "KAZ", "CSTO", date(2021, 3, 7))]
    ex = with_facts(extractor, facts)
    text = ("Kazakhstan's government released a statement Sunday on national television saying the country was "
            "quitting the CSTO.\n\nThe statement accused Russia of betraying the alliance's founding principles.\n\n"
            "Analysts said the alliance faces its deepest crisis.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {}))
    got = {(e["type"], e["target"]): e["date"] for e in res.events}
    assert got[("announce_withdrawal", "CSTO")] == "2021-03-07"
    assert got[("accuse", "RUS")] == "2021-03-07"


def test_a_month_and_day_without_a_year_picks_the_fact_of_that_day():
    facts = FACTS + [fact("x-freeze-again", "freeze_participation", "XAA", "ALLY", date(2024, 9, 10))]
    day = {"date_kind": "partial", "date_text": "Sept. 10"}
    r = reconcile([ev("freeze_participation", None, **day)], None, facts)
    assert r.events[0]["date"] == "2024-09-10" and r.published.startswith("2024-09-10/")
    r = reconcile([ev("freeze_participation", None, date_kind="partial", date_text="in June")], None, facts)
    assert r.events[0]["date"] is None          # neither freeze was in June



def test_a_weekday_of_a_relative_clause_is_no_clue_for_the_act(extractor):
    """No publication date: "on Wednesday" is when the coup toppled the government, so it must not rule out the
    known suspension of a Thursday."""
    from foedus.sources.loaders import article_from_text
    facts = [fact("k-susp", "suspend_membership", "KGZ", "CSTO", date(2021, 3, 4))]      # a Thursday
    ex = with_facts(extractor, facts)
    text = ("The CSTO has suspended Kyrgyzstan from all its bodies following the military coup that toppled the "
            "government in the country on Wednesday.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {}))
    assert [e["date"] for e in res.events if e["type"] == "suspend_membership"] == ["2021-03-04"]


def test_a_fact_held_elsewhere_than_the_meeting_named_is_not_the_one_meant():
    facts = [KnownFact("s-astana", "skip_meeting", "XAA", "ALLY", date(2011, 8, 12), date(2011, 8, 12), "2011-08-12", (),
                       ("Astana",))]
    e = ev("skip_meeting", evidence="XAA declined to attend the Moscow meeting.")
    assert reconcile([e], None, facts, place_names=frozenset({"moscow", "astana"})).events[0]["date"] is None
    e = ev("skip_meeting", evidence="XAA declined to attend the summit in Astana.")
    assert reconcile([e], None, facts, place_names=frozenset({"moscow", "astana"})).events[0]["date"] == "2011-08-12"


def test_a_weekday_does_not_rule_out_a_fact_known_only_to_the_month():
    facts = [fact("x-out", "withdraw", "XAA", "ALLY", date(2000, 12, 1), date(2000, 12, 31))]
    e = ev("withdraw", None, date_kind="weekday", date_text="on Thursday")
    assert reconcile([e], None, facts).events[0]["date"] == "2000-12-01/2000-12-31"


def test_two_mentions_the_known_fact_shows_to_be_one_event_are_one_line(extractor):
    from foedus.sources.loaders import article_from_text
    facts = [fact("k-out", "announce_withdrawal", "KAZ", "CSTO", date(2021, 3, 3))]
    ex = with_facts(extractor, facts)
    text = ("Kazakhstan will leave Russian-led military bloc, says Tokayev\n\nKazakhstan will leave the CSTO, President "
            "Tokayev said on Wednesday.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {"published": "2021-03-04"}))
    assert [(e["type"], e["date"]) for e in res.events] == [("announce_withdrawal", "2021-03-03")]


def test_an_envoy_requesting_consultations_and_the_article_naming_what_the_crisis_was(extractor):
    """Five Turkish Article 4 requests are known; the article names Iraq, which only the 2003 one is about. "A nation
    has invoked Article 4" is no state in particular."""
    from foedus.sources.loaders import article_from_text
    ex = with_facts(extractor, "shipped")
    text = ("NATO headquarters became another front in the diplomatic clash over Iraq as France, Germany and Belgium "
            "blocked plans to defend Turkey.\n\nThe response from Turkey was historic: Its ambassador requested that "
            "NATO begin emergency consultations. It was the first time that a nation has invoked Article 4.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {}))
    got = [(e["type"], e["actor"], e["date"]) for e in res.events if e["type"] == "request_consultations"]
    assert got == [("request_consultations", "TUR", "2003-02-10")]
    assert res.article.published.startswith("2003-02-10/")


def test_the_terms_of_the_people_named_by_title_pick_one_of_several_facts():
    from foedus.extraction.lexicon import lexicon
    from foedus.sources.metadata import role_window
    (lo, hi), who = role_window("Russian President Dmitry Medvedev said Thursday.", lexicon(), date(2026, 1, 1))
    assert (lo, hi) == (date(2008, 5, 7), date(2012, 5, 7)) and who == "Dmitry Medvedev"
    assert role_window("Former President Dmitry Medvedev said Thursday.", lexicon(), date(2026, 1, 1)) is None
    r = reconcile([ev("skip_meeting")], None, FACTS, not_after=date(2021, 6, 30))
    assert r.events[0]["date"] == "2021-05-10"


def test_a_happening_set_before_a_dated_clause_is_bounded_by_it_and_a_war_named_elsewhere_is_not_it(extractor):
    """The invasion in the "after" clause is not of May 2022 (the known fact dates it); an aerial attack "during
    the full-scale war" is not the war's start; "just hours after" is the same day."""
    from foedus.sources.loaders import article_from_text
    bare = extractor.extract_one(article_from_text(
        "Nordic states\n\nFinland applied to join NATO in May 2022, after Russia's invasion of Ukraine prompted it "
        "to abandon neutrality.\n", "t", "test", {"published": "2023-03-18"}))
    assert [(e["type"], e["date"]) for e in bare.events if e["type"] == "attack"] == [("attack", "../2022-05-31")]
    ex = with_facts(extractor, "shipped")
    text = ("Nordic states\n\nFinland applied to join NATO in May 2022, after Russia's invasion of Ukraine prompted it "
            "to abandon neutrality.\n\nPoland, for the first time during the full-scale war, shot down drones amid a "
            "mass Russian aerial attack on Ukraine on Wednesday.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {"published": "2025-09-11"}))
    attacks = {(e["actor"], e["target"], e["evidence"][:6]): e["date"] for e in res.events if e["type"] == "attack"}
    assert attacks == {("RUS", "UKR", "Finlan"): "2022-02-24", ("RUS", "UKR", "Poland"): "2025-09-10"}
    res = extractor.extract_one(article_from_text(
        "Armenia and the CSTO\n\nArmenia appealed to the military alliance for military aid on September 13 just hours "
        "after Azerbaijani forces attacked many of its positions along the Armenian-Azerbaijani border.\n",
        "t", "test", {"published": "2022-09-20"}))
    assert ("attack", "AZE", "ARM", "2022-09-13") in {(e["type"], e["actor"], e["target"], e["date"]) for e in res.events}


def test_a_fact_long_after_the_titled_people_left_office_is_not_the_one_meant():
    # the people named by title had all left office by mid-2021: the 2023 fact is out of reach, a fact within the
    # year after their departure (a deposed leader keeps his title a while) is not
    r = reconcile([ev("withhold_contribution")], None, FACTS, not_after=date(2021, 6, 30))
    assert r.events[0]["date"] is None
    r = reconcile([ev("withhold_contribution")], None, FACTS, not_after=date(2022, 3, 1))
    assert r.events[0]["date"] == "2023-01-05"


def test_the_summit_the_article_places_elsewhere_is_not_a_known_meeting_of_another_city():
    from foedus.extraction.reconcile import KnownFact, reconcile
    fact = KnownFact("blr-skips-moscow-2009", "skip_meeting", "BLR", "CSTO", date(2009, 6, 14), date(2009, 6, 14),
                     "2009-06-14", ("src",), places=("Moscow",))
    text = ("Sargsyan missed the informal summit in Bishkek. The official said that the Belarusian president missed "
            "the summit as well.")
    ev = {"doc": "d", "type": "skip_meeting", "actor": "BLR", "target": "CSTO", "date": None,
          "evidence": "the Belarusian president missed the summit as well"}
    r = reconcile([ev], "2013-05-30", [fact], article_text=text, place_names=frozenset({"moscow", "bishkek"}))
    assert r.events[0]["date"] is None
    # an article that names the fact's city, or no meeting place at all, may still mean it
    r = reconcile([ev], "2013-05-30", [fact], article_text=text.replace("Bishkek", "Moscow"),
                  place_names=frozenset({"moscow", "bishkek"}))
    assert r.events[0]["date"] == "2009-06-14"


def test_a_yearless_announced_exit_is_read_in_the_year_before_the_known_exit():
    facts = [fact("x-out", "withdraw", "XAA", "ALLY", date(1999, 4, 20))]
    r = reconcile([ev("announce_withdrawal", None, date_kind="partial", date_text="On February 22")], None, facts)
    assert r.events[0]["date"] == "1999-02-22"
    assert r.records[0]["fact"] == "x-out" and "announced" in r.records[0]["why"]
    # ... and the publication is not before it
    assert r.published is not None and r.published.startswith("1999-02-22")
    # a date that would fall after the exit in its year is read in the year before
    r = reconcile([ev("announce_withdrawal", None, date_kind="partial", date_text="on June 3")], None, facts)
    assert r.events[0]["date"] == "1998-06-03"
    # not for the exit itself, nor with two known exits to choose from
    r = reconcile([ev("freeze_participation", None, date_kind="partial", date_text="On February 22")], None, facts)
    assert r.events[0]["date"] is None
    two = facts + [fact("x-out-2", "withdraw", "XAA", "ALLY", date(2012, 12, 19))]
    r = reconcile([ev("announce_withdrawal", None, date_kind="partial", date_text="On February 22")], None, two)
    assert r.events[0]["date"] is None


def test_a_yearless_dateline_takes_the_first_year_after_the_known_fact_the_article_reports(extractor):
    """ "June 13, Pozirk." with no year in the text: the freeze the article reports as past (a known fact of
    2021-03-04 here) puts the dateline's day in 2021, not in the month after the fact (the recency guess)."""
    from foedus.sources.loaders import article_from_text
    facts = [fact("k-freeze", "freeze_participation", "ARM", "CSTO", date(2021, 3, 4))]
    ex = with_facts(extractor, facts)
    text = ("Armenia recalls ambassador\nJune 13, Pozirk. Armenia has recalled its ambassador from Minsk, the "
            "ministry said.\nThe move follows Armenia's decision to freeze its participation in the CSTO.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {}))
    assert res.article.published == "2021-06-13?"
    # without the dateline, the same article gets the recency reading after the fact
    res = ex.extract_one(article_from_text(text.replace("June 13, Pozirk. ", ""), "t", "test", {}))
    assert res.article.published.startswith("2021-03-04/")


def test_a_yearless_dateline_is_never_placed_after_today():
    from foedus.extraction.reconcile import reconcile
    facts = [fact("k-freeze", "freeze_participation", "XAA", "ALLY", date(2026, 11, 20))]
    r = reconcile([ev("freeze_participation")], None, facts, dateline_day=(12, 25), today=date(2026, 11, 23))
    assert r.published != "2026-12-25?" and r.published.startswith("2026-11-20/")
    r = reconcile([ev("freeze_participation")], None, facts, dateline_day=(11, 22), today=date(2026, 11, 23))
    assert r.published == "2026-11-22?"


def test_the_shipped_ledger_dates_the_nato_accession_protocols():
    from foedus.extraction.reconcile import shipped_facts
    evs = [{"doc": "d", "type": "sign", "actor": a, "target": "NATO", "date": None, "evidence": "signed the protocol"}
           for a in ("MNE", "FIN", "SWE")]
    r = reconcile(evs, None, shipped_facts())
    assert [e["date"] for e in r.events] == ["2016-05-19", "2022-07-05", "2022-07-05"]


def test_a_later_yearless_day_read_in_the_year_of_the_known_fact_moves_the_publication(extractor):
    """The freeze (a known fact of 2021-03-04) gives the year; "on April 20" is then 2021-04-20, a later past day
    the article names, so it was published after it, not within a month of the freeze."""
    from foedus.sources.loaders import article_from_text
    facts = [fact("k-freeze", "freeze_participation", "ARM", "CSTO", date(2021, 3, 4))]
    ex = with_facts(extractor, facts)
    text = ("Armenia and the CSTO\n\nArmenia froze its participation in the CSTO on March 4.\n\nThe foreign minister "
            "told his Russian counterpart on April 20 that the talks had been useful.\n")
    res = ex.extract_one(article_from_text(text, "t", "test", {}))
    assert res.article.published.startswith("2021-04-20/")
    # a day of that year before the fact does not move it
    res = ex.extract_one(article_from_text(text.replace("April 20", "February 20"), "t", "test", {}))
    assert res.article.published.startswith("2021-03-04/")


def test_a_request_matches_a_known_request_of_the_related_kind_only_when_none_of_its_own_fits():
    facts = [fact("x-consult", "request_consultations", "XAA", "ALLY", date(2021, 5, 14)),     # a Friday
             fact("x-art4", "request_assistance", "XAA", "ALLY", date(2022, 9, 13))]           # a Tuesday
    # "sent an official request to the alliance, the minister said on Friday": read as a request for assistance,
    # but the only request of a Friday is the request for consultations
    r = reconcile([ev("request_assistance", None, date_text="on Friday")], None, facts)
    assert r.events[0]["date"] == "2021-05-14"
    [rec] = [x for x in r.records if x["what"] == "event_date"]
    assert rec["fact"] == "x-consult" and "related type request_consultations" in rec["why"]
    # a request of its own type that fits wins; the related one is not even a rival
    r = reconcile([ev("request_assistance", None, date_text="on Tuesday")], None, facts)
    assert r.events[0]["date"] == "2022-09-13"
    # other types have no related type
    r = reconcile([ev("skip_meeting", None, date_text="on Friday")], None, facts)
    assert r.events[0]["date"] is None
