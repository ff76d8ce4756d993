"""Behaviour of the extractor on small synthetic articles written for these tests."""


def types(res):
    return {(e["type"], e["actor"], e["target"]) for e in res.events}


def test_gazetteer_fixes_capitals_and_states(extractor):
    doc = extractor.nlp("Yerevan recalled its ambassador. Armenia spoke to the Kremlin.")
    ents = {(e.text, e.label_, e.ent_id_) for e in doc.ents}
    assert ("Yerevan", "GPE", "ARM") in ents
    assert ("Armenia", "GPE", "ARM") in ents
    assert ("the Kremlin", "ORG", "RUS") in ents
    assert extractor.nlp.pipe_names.index("entity_ruler") < extractor.nlp.pipe_names.index("ner")


def test_asserted_event_with_actor_target_and_date(run):
    res = run("Armenia and the CSTO\n\nOn Thursday, Yerevan recalled its ambassador to Minsk for consultations.\n")
    ev = [e for e in res.events if e["type"] == "recall_ambassador"]
    assert ev and ev[0]["actor"] == "ARM" and ev[0]["target"] == "BLR"
    assert ev[0]["date"] == "2024-06-13"
    assert ev[0]["evidence"] in res.article.text


def test_denial_prediction_hypothetical_are_claims_not_events(run):
    text = ("Kazakhstan and the alliance\n\n"
            "Kazakhstan has no plans to withdraw from the CSTO, the minister said.\n"
            "Officials believe Kazakhstan will withdraw from the CSTO next year.\n"
            "If Kazakhstan withdraws from the CSTO, the bloc will shrink.\n")
    res = run(text)
    assert not [e for e in res.events if e["type"] == "withdraw"]
    modalities = {c["modality"] for c in res.claims if c["type"] == "withdraw"}
    assert {"denied", "predicted", "hypothetical"} <= modalities


def test_freeze_and_contribution_events(run):
    res = run("Tajikistan and the CSTO\n\nIn February 2024, Tajikistan froze its participation in the CSTO. "
              "In May 2024, Dushanbe refused to pay its membership fee to the organization.\n")
    got = {(e["type"], e["actor"], e["target"], e["date"]) for e in res.events}
    assert ("freeze_participation", "TJK", "CSTO", "2024-02") in got
    assert ("withhold_contribution", "TJK", "CSTO", "2024-05") in got


def test_dash_speech_is_a_direct_quote(run):
    text = ("Moscow and Yerevan\n\n"
            "Kremlin spokesman Dmitry Peskov commented on the decision on Friday.\n"
            "- We regret this step by our partners, and we will keep working with them," 
            " Dmitry Peskov said.\n")
    res = run(text)
    q = [q for q in res.quotes if q["kind"] == "direct"]
    assert q and q[0]["speaker"] == "dmitry-peskov"
    assert q[0]["text"].startswith("We regret this step")


def test_curly_and_guillemet_quotes_with_pronoun_speaker(run):
    text = ("Armenia and the bloc\n\n"
            "Political analyst Hakob Badalyan spoke to reporters on Monday.\n"
            "“The organisation has failed its members in every crisis so far,” he said.\n"
            "«We expect nothing from this alliance any more», Badalyan added.\n")
    res = run(text)
    speakers = {q["speaker"] for q in res.quotes if q["kind"] == "direct"}
    assert speakers == {"hakob-badalyan"}
    assert len([q for q in res.quotes if q["kind"] == "direct"]) == 2


def test_indirect_quotes_and_office_speaker(run):
    text = ("Russia and Armenia\n\n"
            "The Russian leader said that Armenia remains a full member of the organization.\n"
            "According to Sergey Lavrov, the alliance is ready to help its members.\n")
    res = run(text, published="2024-11-29")
    by = {q["speaker"]: q for q in res.quotes}
    assert by["vladimir-putin"]["kind"] == "indirect"
    assert by["vladimir-putin"]["text"].startswith("Armenia remains a full member")
    assert "sergey-lavrov" in by


def test_anonymous_sources_are_kept_but_not_quotes(run):
    text = ("Sources\n\n"
            "“The decision was taken long ago and it will not change,” a Russian government official said.\n")
    res = run(text)
    assert not res.quotes
    assert any(a["anonymous"] for a in res.attributions)


def test_publication_inferred_from_text_when_missing(run):
    text = ("Summit in Astana\n\n"
            "The leaders met in Astana on November 28, 2024, without the Armenian delegation.\n"
            "Armenia did not attend the CSTO summit in Astana on November 28.\n")
    res = run(text, published=None)
    assert res.article.published == "2024-11-28/2024-12-28"
    assert ("skip_meeting", "ARM", "CSTO") in types(res)


def test_user_metadata_wins(run):
    res = run("A title\n\nArmenia froze its participation in the CSTO in February 2024.\n",
              published="2024-03-01", outlet="Example News")
    assert res.article.outlet == "Example News" and res.article.published == "2024-03-01"
