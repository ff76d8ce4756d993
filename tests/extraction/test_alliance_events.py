"""Event wordings of alliance news beyond one story: lists of states, nominal acts, group anaphora,
the direction of suspensions, non-renewal, rejoining (synthetic sentences written for these tests)."""


def got(res):
    return {(e["type"], e["actor"], e["target"], e["date"]) for e in res.events}


def triples(res):
    return {(e["type"], e["actor"], e["target"]) for e in res.events}


def test_the_states_named_in_a_nominal_withdrawal_each_announce_it(run):
    res = run("Sahel juntas and ECOWAS\n\nOn January 28, the military rulers announced the immediate withdrawal "
              "of Mali, Niger and Burkina Faso from ECOWAS.\n", published="2024-01-30")
    assert {("announce_withdrawal", s, "ECOWAS", "2024-01-28") for s in ("MLI", "NER", "BFA")} <= got(res)


def test_an_alliance_suspending_a_state_is_recorded_state_to_alliance(run):
    res = run("ECOWAS and Niger\n\nOn December 10, 2023 ECOWAS suspended the Republic of Niger from all its "
              "institutions. In December 2012 the CSTO leaders decided to suspend Uzbekistan's membership.\n",
              published="2023-12-12")
    g = got(res)
    assert ("suspend_membership", "NER", "ECOWAS", "2023-12-10") in g
    assert ("suspend_membership", "UZB", "CSTO", "2012-12") in g


def test_a_state_suspending_its_own_membership_freezes_its_participation(run):
    res = run("Uzbekistan and the CSTO\n\nIn June 2012 Uzbekistan suspended its membership in the CSTO.\n",
              published="2012-07-01")
    assert ("freeze_participation", "UZB", "CSTO", "2012-06") in got(res)
    assert not [e for e in res.events if e["type"] == "suspend_membership"]


def test_group_anaphora_and_leaders_of_a_list_name_every_state(run):
    res = run("The treaty\n\nIn April 1999 Georgia, Azerbaijan and Uzbekistan refused to sign the protocol on the "
              "treaty's extension. Those three countries stayed away from the CSTO meeting in Moscow on April 20, 1999.\n\n"
              "The leaders of Mali, Burkina Faso and Niger on September 16, 2023 signed the charter of the Alliance of "
              "Sahel States.\n", published="1999-04-22")
    g = got(res)
    assert {("skip_meeting", s, "CSTO", "1999-04-20") for s in ("GEO", "AZE", "UZB")} <= g
    assert {("sign", s, "AES", "2023-09-16") for s in ("MLI", "BFA", "NER")} <= g
    # refusing to sign is not signing, and five states signing one protocol is not a bilateral agreement
    assert not [e for e in res.events if e["type"] in ("sign", "sign_agreement") and e["actor"] == "GEO"]


def test_non_renewal_rejoining_and_a_note_of_withdrawal(run):
    res = run("Uzbekistan and the CSTO\n\nIn 1999 Tashkent refused to prolong the treaty. In August 2006 Uzbekistan "
              "rejoined the CSTO. In June 2012 Uzbekistan sent a note to the CSTO secretariat saying that it wanted "
              "to leave the organization.\n", published="2012-12-20")
    g = got(res)
    assert ("withdraw", "UZB", "CSTO", "1999") in g
    assert ("join", "UZB", "CSTO", "2006-08") in g
    assert ("notify_withdrawal", "UZB", "CSTO", "2012-06") in g


def test_a_request_names_whom_it_asks_and_a_refusal_for_now_is_a_refusal(run):
    res = run("Kyrgyzstan asks for help\n\nOn June 12, 2010 the Kyrgyz government asked Russia to send troops to "
              "Kyrgyzstan. On June 24, 2010 Russian President Dmitry Medvedev said Russia is not yet planning to send "
              "peacekeepers to Kyrgyzstan.\n", published="2010-06-25")
    g = got(res)
    assert ("request_assistance", "KGZ", "RUS", "2010-06-12") in g
    assert ("deny_assistance", "RUS", "KGZ", "2010-06-24") in g


def test_a_passive_without_its_agent_has_no_actor_and_a_deontic_generic_is_no_event(run):
    res = run("Criticism\n\nIn 2005 Uzbekistan was strongly criticized for the crackdown.\n\n"
              "\u201cA country that is attacked has got to be the one that asks for help,\u201d the secretary general "
              "of NATO said on September 12, 2001.\n", published="2005-06-01")
    assert not [e for e in res.events if e["type"] == "accuse" and e["actor"] == "UZB"]
    assert not [e for e in res.events if e["type"] == "request_assistance"]


def test_a_campaign_launched_in_a_country_is_an_attack_and_forces_sent_are_deployed(run):
    res = run("Russia and the CSTO at war and in peace\n\nRussia launched its full-scale military campaign in Ukraine in February 2022. On January 6, "
              "2022 the CSTO peacekeeping forces sent to Kazakhstan began to arrive.\n", published="2022-03-01")
    g = got(res)
    assert ("attack", "RUS", "UKR", "2022-02") in g
    assert ("deploy_forces", "CSTO", "KAZ", "2022-01-06") in g


def test_a_dateline_is_not_the_subject_and_not_part_of_the_evidence(run):
    res = run("Turkey asks its NATO allies for consultations after a jet is downed\n\nBy A. REPORTER\n\nISTANBUL\u2014Turkey on Sunday raised the stakes in the crisis, accusing "
              "Syria of shooting down its jet on Friday.\n", published="2012-06-25")
    ev = [e for e in res.events if e["type"] == "accuse"]
    assert ev and (ev[0]["actor"], ev[0]["target"]) == ("TUR", "SYR")
    assert ev[0]["evidence"].startswith("Turkey on Sunday")


def test_a_standfirst_is_news_of_the_day_a_section_title_is_nothing(run):
    res = run("Armenia asks the bloc for help\n\nYerevan has accused Azerbaijani troops of seizing its territory\n\n"
              "Spring's tempests\n\nThe prime minister spoke to parliament.\n", published="2022-09-14")
    got_ = {(e["type"], e["actor"], e["target"], e["date"]) for e in res.events}
    assert ("accuse", "ARM", "AZE", "2022-09-14") in got_


def test_the_bodies_and_documents_of_an_alliance_act_for_it(run):
    res = run("ECOWAS summit on the coup in Niger\n\nECOWAS leaders met in Abuja on July 30, 2023 after the coup in "
              "Niger. The leaders condemned the attempted overthrow of constitutional order in Niger. They demanded the "
              "full restoration of constitutional order in the country.\n", published="2023-07-31")
    g = triples(res)
    assert ("accuse", "ECOWAS", "NER") in g
    assert ("demand", "ECOWAS", "NER") in g


def test_a_neighbour_of_a_state_is_not_that_state_and_a_place_is_not_an_alliance(run):
    res = run("Finland joins NATO\n\nOn April 4, 2023 the Finnish flag was raised at NATO headquarters in Brussels to "
              "mark Russia's western neighbour becoming the 31st member of the alliance.\n", published="2023-04-04")
    assert not [e for e in res.events if e["type"] == "join" and e["actor"] == "RUS"]
    assert not [e for e in res.events if e["target"] == "EU"]


def test_blame_or_demands_addressed_to_no_one_named_are_not_events(run):
    res = run("Tajikistan\n\nIn October 2022 the president of Tajikistan demanded more respect at a summit.\n",
              published="2022-11-01")
    assert not [e for e in res.events if e["type"] == "demand"]


def test_a_quoted_participle_is_still_the_verb_and_a_lead_sentence_counts(run):
    res = run("Armenia has \u201cfrozen\u201d its participation in the CSTO, Prime Minister Nikol Pashinyan told French "
              "television on Thursday.\n\nPashinyan said that the CSTO, a military alliance of six former Soviet states, "
              "had \u201cnot fulfilled its security obligations\u201d towards Armenia.\n", published="2024-02-23")
    g = triples(res)
    assert ("freeze_participation", "ARM", "CSTO") in g
    assert ("accuse", "ARM", "CSTO") in g


def test_a_date_in_a_citation_is_not_the_events_and_refusing_to_renew_an_agreement_is_leaving(run):
    res = run("The treaty shrinks\n\nIn April 1999 Belarus, Armenia, Kazakhstan, Kyrgyzstan and Tajikistan signed "
              "the prolongation protocol of the CSTO (Itar-Tass, April 22). In 1999 Tashkent refused to prolong the agreement.\n",
              published="1999-04-25")
    g = {(e["type"], e["actor"], e["target"], e["date"]) for e in res.events}
    assert ("sign", "KAZ", "CSTO", "1999-04") in g           # not April 22, the date of the agency's report
    assert ("withdraw", "UZB", "CSTO", "1999") in g


def test_members_declining_together_are_the_alliance(run):
    res = run("Armenia and the CSTO\n\nIn September 2022 Russia as well as Belarus, Kazakhstan, Kyrgyzstan and "
              "Tajikistan declined to openly side with Armenia.\n", published="2022-10-01")
    g = triples(res)
    assert {("deny_assistance", "RUS", "ARM"), ("deny_assistance", "CSTO", "ARM")} <= g
    assert not [e for e in res.events if e["actor"] in ("BLR", "KAZ", "KGZ", "TJK")]


def test_a_summit_skipped_by_an_ally_named_in_apposition(run):
    res = run("The CSTO summit in Minsk\n\nOn November 23, 2023 leaders of the CSTO met in Minsk for a summit that has "
              "been skipped by their formal ally, Armenia.\n", published="2023-11-24")
    assert ("skip_meeting", "ARM", "CSTO") in triples(res)


def test_a_reason_given_as_a_failing_is_blame(run):
    res = run("The Sahel juntas and ECOWAS\n\nOn January 28, 2024 Niger, Burkina Faso and Mali announced they were "
              "leaving ECOWAS, citing the group's failure to help combat terrorism.\n", published="2024-01-30")
    g = triples(res)
    assert {("accuse", s, "ECOWAS") for s in ("NER", "BFA", "MLI")} <= g


def test_left_and_captured_in_their_other_senses_are_not_events(run):
    res = run("Armenia and the CSTO\n\nIn September 2022 Armenia appealed to the CSTO for support during clashes "
              "that left dozens dead. In December 2023 a deserter was captured by Russian military police in Armenia. "
              "In 2009 Georgia left the CIS.\n", published="2024-01-10")
    assert not [e for e in res.events if e["type"] == "withdraw" and e["actor"] != "GEO"]
    assert ("withdraw", "GEO", "CIS") in triples(res)
    assert not [e for e in res.events if e["type"] == "attack"]


def test_notices_freezes_and_payments_in_other_words(run):
    res = run("The Sahel states and ECOWAS\n\nOn January 29, 2024 Mali and Burkina Faso officially communicated their "
              "decision to withdraw from ECOWAS. On February 22, 2024 Armenia announced the effective suspension of "
              "Armenia's membership in the CSTO. On May 8, 2024 Armenia stopped making financial contributions to the "
              "CSTO.\n", published="2024-05-10")
    g = {(e["type"], e["actor"], e["target"], e["date"]) for e in res.events}
    assert {("notify_withdrawal", s, "ECOWAS", "2024-01-29") for s in ("MLI", "BFA")} <= g
    assert ("freeze_participation", "ARM", "CSTO", "2024-02-22") in g
    assert ("withhold_contribution", "ARM", "CSTO", "2024-05-08") in g


def test_a_request_to_a_member_and_the_other_members_goes_to_both_and_the_alliance(run):
    res = run("Armenia and the CSTO\n\nOn September 13, 2022 Armenia officially asked Russia and other CSTO member "
              "states for military support. In March 2024 Russian Foreign Minister Sergei Lavrov charged that "
              "Armenia's government was steering the country away from Russia.\n", published="2024-04-01")
    g = triples(res)
    assert {("request_assistance", "ARM", "CSTO"), ("request_assistance", "ARM", "RUS")} <= g
    assert ("accuse", "RUS", "ARM") in g


def test_the_country_in_what_a_person_says_is_the_speakers(run):
    res = run("The CSTO meets in Bishkek\n\nKyrgyzstan hosted the meeting. Armenian Prime Minister Nikol Pashinyan "
              "had earlier confirmed that the country had frozen its participation in the CSTO.\n", published="2025-11-28")
    assert [e for e in res.events if e["type"] == "freeze_participation" and e["actor"] == "ARM"]
    assert not [e for e in res.events if e["type"] == "freeze_participation" and e["actor"] == "KGZ"]


def test_accession_protocols_founders_and_troops_entering_a_state(run):
    res = run("Alliances\n\nSkopje signed the NATO accession accord on February 6, 2019 in Brussels. "
              "The SCO was founded in 2001 by China, Russia and Kazakhstan. "
              "ECOWAS troops entered the Gambia on January 19, 2017. Senegalese troops crossed into Gambia the same day. "
              "The company was founded in 1998 by two brothers.\n", published="2019-02-08")
    g = got(res)
    assert ("sign", "MKD", "NATO", "2019-02-06") in g
    assert {("join", s, "SCO", "2001") for s in ("CHN", "RUS", "KAZ")} <= g
    assert ("deploy_forces", "ECOWAS", "GMB", "2017-01-19") in g
    # one member's troops are not the alliance's collective forces
    assert len([e for e in res.events if e["type"] == "deploy_forces"]) == 1
    assert len([e for e in res.events if e["type"] == "join"]) == 3


def test_an_announced_recall_and_a_capital_outside_the_alliances(run):
    res = run("Mali and Algeria\n\nThe Malian government on April 6, 2025 ordered the recall of its ambassador to Algeria. "
              "On July 30, 2023 ECOWAS gave Niger a one-week ultimatum.\n", published="2025-04-08")
    g = got(res)
    assert ("recall_ambassador", "MLI", "DZA", "2025-04-06") in g
    assert ("demand", "ECOWAS", "NER", "2023-07-30") in g


def test_members_together_asides_and_diplomatic_blame(run):
    res = run("Armenia and the CSTO\n\nArmenia asked the CSTO for military help on September 13, 2022. The other CSTO "
              "member states effectively declined the request. Yerevan on October 13, 2022 said it expects the CSTO to "
              "condemn the hostilities. In a thinly veiled rebuke to Yerevan, Lavrov said on October 12, 2022 that allies "
              "should not complain. Mali, Niger and Burkina Faso, founding members of ECOWAS since 1975, said on "
              "January 28, 2024 that they would leave the bloc.\n", published="2024-01-30")
    g = got(res)
    assert ("deny_assistance", "CSTO", "ARM", "2022-09-13") in g
    assert ("demand", "ARM", "CSTO", "2022-10-13") in g
    assert ("accuse", "RUS", "ARM", "2022-10-12") in g
    # the aside's "since 1975" does not date the announcement
    assert {("announce_withdrawal", s, "ECOWAS", "2024-01-28") for s in ("MLI", "NER", "BFA")} <= g


def test_the_trio_founding_members_since_a_year_and_it_continuing_the_subject(run):
    res = run("The Sahel states\n\nMali and Burkina Faso sent their notices on January 29, 2024. Niger has yet to "
              "send its own. The trio, founding members of ECOWAS since 1975, have faced sanctions. "
              "Armenia asked Russia for support after Azerbaijan attacked it on September 13, 2022. "
              "It has repeatedly accused Russia of ignoring the request.\n", published="2024-01-30")
    g = got(res)
    assert {("join", s, "ECOWAS", "1975") for s in ("MLI", "BFA", "NER")} <= g
    # "It" opening a sentence is the previous sentence's subject (Armenia), not the last state named (Azerbaijan)
    assert any(e["type"] == "accuse" and e["actor"] == "ARM" and e["target"] == "RUS" for e in res.events)
    assert not any(e["type"] == "accuse" and e["actor"] == "AZE" for e in res.events)


def test_military_command_exit_and_return_recalls_to_two_states_and_requests_for_troops(run):
    res = run("France, NATO and others\n\nGeneral Charles De Gaulle withdrew France from NATO's military command in 1966. "
              "On March 17, 2009 the National Assembly approved France's full return to NATO's military command. "
              "France on September 17, 2021 recalled its ambassadors to the United States and Australia. "
              "On January 5, 2022 Tokayev called on the CSTO to send peacekeeping forces. "
              "The Kremlin on April 4, 2023 promised countermeasures, calling the Western alliance's enlargement a "
              "\"security attack\" on Russia. \"It is in everyone's interest that Sweden also becomes a member of NATO "
              "soon,\" she said.\n", published="2023-04-05")
    g = got(res)
    assert ("freeze_participation", "FRA", "NATO", "1966") in g
    assert ("resume_participation", "FRA", "NATO", "2009-03-17") in g
    assert {("recall_ambassador", "FRA", t, "2021-09-17") for t in ("USA", "AUS")} <= g
    assert ("request_assistance", "KAZ", "CSTO", "2022-01-05") in g
    assert not [e for e in res.events if e["type"] == "demand" and e["actor"] == "KAZ"]
    assert ("accuse", "RUS", "NATO", "2023-04-04") in g
    # a wish ("it is in everyone's interest that …") is not a membership
    assert not [e for e in res.events if e["type"] == "join" and e["actor"] == "SWE"]


def test_an_effective_withdrawal_of_listed_states_dates_the_publication(run):
    res = run("ECOWAS\n\n“The withdrawal of Burkina Faso, the Republic of Mali and Republic of Niger has become "
              "effective today, 29th January 2025,” ECOWAS said in a statement.\n", published=None)
    assert res.article.published == "2025-01-29"
    assert {("withdraw", s, "ECOWAS", "2025-01-29") for s in ("BFA", "MLI", "NER")} <= got(res)


def test_an_alliance_announcing_members_exit_reports_the_withdrawal(run):
    res = run("ECOWAS\n\nThe Economic Community of West Africa States (ECOWAS) on January 29, 2025 announced the formal "
              "exit of junta-led Mali, Burkina Faso and Niger from the bloc. On January 28, 2024 the military rulers "
              "announced the immediate withdrawal of Mali, Niger and Burkina Faso from ECOWAS.\n", published="2025-01-30")
    g = got(res)
    assert {("withdraw", s, "ECOWAS", "2025-01-29") for s in ("MLI", "BFA", "NER")} <= g
    assert {("announce_withdrawal", s, "ECOWAS", "2024-01-28") for s in ("MLI", "BFA", "NER")} <= g
    assert not [e for e in res.events if e["type"] == "announce_withdrawal" and e["date"] == "2025-01-29"]


def test_a_treaty_signed_by_a_list_of_states_is_signed_by_each(run):
    res = run("The CSTO\n\nIt started as the Collective Security Treaty signed on May 15, 1992, by Russia, Armenia and "
              "Kazakhstan.\n", published="2022-01-12")
    assert {("sign", s, "CSTO", "1992-05-15") for s in ("RUS", "ARM", "KAZ")} <= got(res)


def test_downing_a_plane_receiving_arms_and_blaming_the_doers_of_an_act(run):
    res = run("Turkey, Russia and NATO\n\nNATO member Turkey shot down a Russian war plane on the Syrian border on "
              "Tuesday. Turkey has received the first shipment of S-400 missile system equipment from Moscow. NATO "
              "condemned the air strikes by the Syrian government and Russia on Idlib governorate.\n")
    g = triples(res)
    assert {("attack", "TUR", "RUS"), ("deliver_weapons", "RUS", "TUR"),
            ("accuse", "NATO", "SYR"), ("accuse", "NATO", "RUS")} <= g
    assert ("attack", "TUR", "SYR") not in g


def test_british_acronyms_typographic_apostrophes_other_blocs_and_breakaway_regions(run):
    res = run("Blocs\n\nWest African economic bloc Ecowas on Tuesday suspended Cote d’Ivoire. The Arab League on "
              "Saturday suspended Syria. Russia responded to Georgia's attack on South Ossetia. Mauritania has "
              "formally withdrawn from Ecowas.\n")
    g = triples(res)
    assert {("suspend_membership", "CIV", "ECOWAS"), ("suspend_membership", "SYR", "LAS"),
            ("attack", "GEO", "south-ossetia"), ("withdraw", "MRT", "ECOWAS")} <= g


def test_statements_attributed_after_them_decisions_not_to_attend_and_telling_to(run):
    res = run("Blocs\n\nMontevideo will leave the Rio Treaty over an attempt to threaten Venezuela, Uruguayan Foreign "
              "Minister Rodolfo Nin Novoa told Sputnik on Tuesday. Moscow was irritated by the decision by Uzbekistan "
              "not to attend the session of the CSTO foreign ministers. ECOWAS leaders told Niger at the weekend to "
              "delay the vote. The minister told reporters to expect delays.\n")
    g = triples(res)
    assert {("announce_withdrawal", "URY", "TIAR"), ("skip_meeting", "UZB", "CSTO"), ("demand", "ECOWAS", "NER")} <= g
    assert len([e for e in res.events if e["type"] == "demand"]) == 1


def test_agency_credits_led_adjectives_and_the_blocs_own_troops(run):
    res = run("MOSCOW (RFE/RL) — Prime Minister Nikol Pashinyan again criticized the Russian-led Collective Security "
              "Treaty Organization (CSTO) on Monday.\n\nArmenia also criticized the Russian-led alliance.\n")
    g = triples(res)
    assert ("accuse", "ARM", "CSTO") in g and ("accuse", "ARM", "RUS") not in g
    assert res.article.outlet == "Radio Free Europe/Radio Liberty"
    res = run("In Banjul, ECOWAS warned Jammeh. West African troops entered The Gambia on Thursday.\n")
    assert ("deploy_forces", "ECOWAS", "GMB") in triples(res)


def test_a_typographic_possessive_names_the_owner_of_a_nominal_act(run):
    res = run("France’s National Assembly has approved the country’s full return to NATO’s military command.\n")
    assert ("resume_participation", "FRA", "NATO") in triples(res)


def test_it_after_a_paragraph_about_the_junta_is_the_junta(run):
    res = run("Mali's junta condemned the sanctions imposed by ECOWAS. Ghana's meeting with regional leaders followed "
              "months of tensions.\n\n“The Malian government strongly condemns these illegal sanctions,” the junta said "
              "in a statement.\n\nIt accused ECOWAS and UEMOA of being exploited by extra-regional powers.\n")
    accusers = {e["actor"] for e in res.events if e["type"] == "accuse" and e["target"] == "ECOWAS"}
    assert accusers == {"MLI"}


def test_states_and_organisations_named_on_nations_or_members(run):
    res = run("The US and European Union nations have condemned the Russian attack as disproportionate.\n")
    assert {("accuse", "USA", "RUS"), ("accuse", "EU", "RUS")} <= triples(res)


def test_more_wordings_from_other_blocs(run):
    res = run("Gulf and Africa\n\nSaudi Arabia, the United Arab Emirates and Bahrain pulled their envoys from Qatar. "
              "The African Union agreed Monday to readmit Morocco. Morocco quit the then Organisation of African Unity "
              "in 1984. Burkina Faso and Niger announced they decided to withdraw from the G5 Sahel group.\n")
    g = triples(res)
    assert {("recall_ambassador", s, "QAT") for s in ("SAU", "ARE", "BHR")} <= g
    assert {("join", "MAR", "AU"), ("withdraw", "MAR", "AU"), ("announce_withdrawal", "BFA", "G5S"),
            ("announce_withdrawal", "NER", "G5S")} <= g


def test_an_alliance_exercising_on_a_partners_soil_blame_for_a_revolt_and_absence(run):
    res = run("NATO and Georgia\n\nNATO started an exercise in ex-Soviet Georgia on Wednesday. Tbilisi said it had "
              "crushed a mutiny, claiming Russia was behind the revolt. The president of Uzbekistan, the other CSTO "
              "member, is not attending the summit.\n")
    g = triples(res)
    assert {("hold_exercise", "NATO", "GEO"), ("accuse", "GEO", "RUS"), ("skip_meeting", "UZB", "CSTO")} <= g


def test_two_subjects_of_one_verb_and_blasting_the_drills_just_reported(run):
    res = run("Belarusian President Alexander Lukashenko as well as Kazakh President Nursultan Nazarbayev demanded that "
              "a representative of Belarus be named to the CSTO post.\n\nNATO started an exercise in Georgia on "
              "Wednesday. Russia has blasted the drills as a provocation.\n")
    g = triples(res)
    assert {("demand", "BLR", "CSTO"), ("demand", "KAZ", "CSTO"), ("accuse", "RUS", "NATO")} <= g


def test_recalling_representatives_from_a_blocs_bodies_and_a_deployment_with_no_place(run):
    res = run("Ukraine and NATO\n\nUkrainian President Pyotr Poroshenko said he had signed a decree on recalling "
              "Ukrainian representatives from the statutory bodies of the CIS. NATO has deployed its response force "
              "for the first time.\n")
    g = triples(res)
    assert {("recall_ambassador", "UKR", "CIS"), ("deploy_forces", "NATO", None)} <= g


def test_a_region_picks_its_states_from_a_list_and_a_count_of_years_later_moves_the_date(run):
    res = run("The CSTO\n\nAzerbaijan, Georgia, and Belarus joined the treaty in 1993, but the two South Caucasus "
              "states, as well as Uzbekistan, withdrew from it six years later.\n", published="2022-01-12")
    withdrawals = {(e["actor"], e["date"]) for e in res.events if e["type"] == "withdraw"}
    assert withdrawals == {("AZE", "1999"), ("GEO", "1999"), ("UZB", "1999")}     # not Belarus, not 1993


def test_the_lede_reports_the_news_of_the_week_before_publication(run):
    res = run("Gulf states and Qatar\n\nSaudi Arabia, the United Arab Emirates and Bahrain pulled their envoys from "
              "Qatar, saying it has not kept an agreement.\n\nThe Gulf Cooperation Council has long been divided. "
              "Qatar had accused Saudi Arabia of interference. Bahrain earlier accused Qatar of meddling. "
              "Oman criticized Saudi Arabia.\n", published="2014-03-05")
    dates = {(e["type"], e["actor"], e["target"]): e["date"] for e in res.events}
    assert dates[("recall_ambassador", "SAU", "QAT")] == "2014-02-26?/2014-03-05"          # the lede: the news peg
    assert dates[("accuse", "QAT", "SAU")] == "2013?/2014-03-05"              # past perfect: this year or last
    assert dates[("accuse", "BHR", "QAT")] == "2013?/2014-03-05"              # "earlier": this year or last
    assert dates[("accuse", "OMN", "SAU")] == "2014-02-26?/2014-03-05"        # told as the news: the news peg
    assert any(r["what"] == "event_date_assumed" and "news peg" in r["why"] for r in res.reconciled)


def test_a_mission_deployed_in_the_passive_and_starting_the_process_of_leaving(run):
    res = run("ECOWAS and the CIS\n\nThe last ECOWAS stabilisation mission in Guinea-Bissau was deployed between 2012 "
              "and 2020. Ukraine began the procedure of leaving the CIS in March 2018.\n", published="2022-02-04")
    assert {("deploy_forces", "ECOWAS", "GNB", "2012/2020"), ("announce_withdrawal", "UKR", "CIS", "2018-03")} <= got(res)


def test_founding_an_alliance_pulling_out_of_a_summit_and_suspending_from_participating(run):
    res = run("Blocs\n\nMali, Burkina Faso and Niger formed the Alliance of Sahel States in September 2023. Georgia and "
              "Ukraine pulled out of a summit of the CIS on Friday. ECOWAS said it was suspending Togo from "
              "participating in the bloc's activities. The United States has halted joint exercises under ANZUS. "
              "Pakistan announced termination of its membership in the Central Treaty Organisation (CENTO).\n",
              published="2023-10-02")
    g = triples(res)
    assert {("sign", s, "AES") for s in ("MLI", "BFA", "NER")} <= g
    assert {("skip_meeting", "GEO", "CIS"), ("skip_meeting", "UKR", "CIS")} <= g
    assert not [e for e in res.events if e["type"] == "withdraw"]          # a summit is not the alliance
    assert {("suspend_membership", "TGO", "ECOWAS"), ("refuse_exercise", "USA", "ANZUS"),
            ("announce_withdrawal", "PAK", "CENTO")} <= g


def test_blame_as_an_aside_or_an_idiom_and_what_a_demand_asks_for(run):
    res = run("Armenia and its allies\n\nIn a thinly veiled criticism of Russia and Belarus, Pashinian said weapons "
              "were sold to Azerbaijan. Erdogan hit out last week at French President Emmanuel Macron. Pashinian has "
              "called on fellow member states of the Russia-led Collective Security Treaty Organization to stop "
              "selling weapons to Azerbaijan.\n", published="2019-12-03")
    g = triples(res)
    assert {("accuse", "ARM", "RUS"), ("accuse", "ARM", "BLR"), ("accuse", "TUR", "FRA")} <= g
    assert ("accuse", "RUS", "BLR") not in g                 # the list before the comma is not the subject
    assert not [e for e in res.events if e["type"] == "deliver_weapons"]     # asked to stop: not reported as done


def test_former_colonies_are_the_states_named_and_an_unknown_alliance_founded_is_no_default(run):
    res = run("The Sahel\n\nSince 2020, coups have overthrown the governments of Niger, Burkina Faso and Mali. The former "
              "French colonies turned away from Paris before establishing the Sahel Alliance. Togo and Ghana later set "
              "up the Accra Initiative Community of Practice.\n", published="2024-03-07")
    g = triples(res)
    assert {("sign", s, "AES") for s in ("NER", "BFA", "MLI")} <= g
    assert not [e for e in res.events if e["actor"] == "FRA"]                  # not the colonial power
    assert not [e for e in res.events if e["actor"] in ("TGO", "GHA")]         # no alliance named: nothing founded


def test_the_group_is_the_alliance_the_sentence_named_before(run):
    res = run("The Alliance of Sahel States\n\nThe Alliance of Sahel States met. In January, Niger, Burkina Faso and "
              "Mali announced they were leaving the Economic Community of West African States (ECOWAS), citing the "
              "group's failure to help combat terrorism.\n", published="2024-07-07")
    assert {("accuse", s, "ECOWAS") for s in ("NER", "BFA", "MLI")} <= triples(res)


def test_a_demand_that_someone_act_is_addressed_to_them(run):
    res = run("Turkey\n\nAnkara demanded Washington halt its support for the militia. Erdogan is demanding NATO "
              "recognise the group as terrorists.\n", published="2019-12-03")
    assert {("demand", "TUR", "USA"), ("demand", "TUR", "NATO")} <= triples(res)


def test_what_blame_alleges_is_not_reported_as_done_and_joining_counterparts_is_not_joining(run):
    res = run("NATO and Russia\n\nKyrgyzstan accused Tajikistan of attacking its border posts. In an apparent jibe at "
              "Russia, Pashinyan criticized his country's allies for selling weapons to Azerbaijan. Afterward, foreign "
              "ministers of the seven newcomers joined their counterparts from the 19 other members of NATO, "
              "including Russia. TIAR, a treaty signed in 1947 in Rio de Janeiro, was invoked by the United States.\n",
              published="2019-12-03")
    g = triples(res)
    assert ("accuse", "KGZ", "TJK") in g and ("accuse", "ARM", "RUS") in g
    assert not [e for e in res.events if e["type"] in ("attack", "deliver_weapons", "join", "sign")]


def test_them_after_an_alliance_and_a_state_is_both(run):
    res = run("Armenia\n\nArmenia appealed to the CSTO and Russia for military help in September 2022. Yerevan has "
              "repeatedly accused them of ignoring the request.\n", published="2024-06-03")
    assert {("accuse", "ARM", "CSTO"), ("accuse", "ARM", "RUS")} <= triples(res)


def test_calling_a_suspension_illegal_blames_the_alliance_that_decided_it(run):
    res = run("Arab League\n\nThe Arab League on Saturday suspended Syria. Syria's envoy to the League, Yousuf "
              "Ahmad, called the decision \"illegal and contrary to the league's internal charter\".\n",
              published="2011-11-12")
    assert ("accuse", "SYR", "LAS", "2011-11-12") in got(res)
    # the role before the comma is the person's; a place before the comma is not
    res = run("Armenia\n\nRussia's ambassador to Armenia, Ivan Petrovsky, accused Yerevan of betrayal. In Moscow, "
              "Oleg Ivanovsky accused Yerevan of betrayal.\n", published="2024-06-12")
    assert [(e["actor"], e["target"]) for e in res.events if e["type"] == "accuse"] == [("RUS", "ARM")]


def test_a_time_between_a_verb_and_its_object_and_other_spellings_of_a_name(run):
    res = run("Ankara quits the pact\n\nTurkey announced on Monday its withdrawal from the Central Treaty Organisation. Iran "
              "recalled last week its ambassador to Iraq. The statement said Pakistan was quitting CENTO.\n",
              published="1979-03-14")
    g = got(res)
    assert ("announce_withdrawal", "TUR", "CENTO", "1979-03-12") in g
    assert ("recall_ambassador", "IRN", "IRQ", "1979-03-05/1979-03-11") in g
    # what the statement reports, the state named in it does
    assert ("announce_withdrawal", "PAK", "CENTO") in triples(res)


def test_missing_someone_is_not_missing_a_summit(run):
    res = run("AU summit\n\nMorocco rejoined the AU on Monday. \"I missed you all,\" Morocco's king told the closing "
              "ceremony of the AU summit. Morocco "
              "missed last week's AU summit in Addis Ababa.\n", published="2017-01-31")
    assert [(e["actor"], e["evidence"][:14]) for e in res.events if e["type"] == "skip_meeting"] == \
        [("MAR", "Morocco missed")]


def test_a_later_mention_carrying_an_old_time_over_does_not_date_the_news(run):
    res = run("Pact loses a member\n\nPakistan announced termination of its membership in the Central Treaty "
              "Organisation. It changed its name to CENTO in 1958 when Iraq quit the organisation. The official "
              "statement said Pakistan was quitting CENTO in the light of the new realities.\n",
              published="1979-03-13")
    dates = [e["date"] for e in res.events if (e["type"], e["actor"]) == ("announce_withdrawal", "PAK")]
    assert len(dates) == 1 and dates[0].endswith("1979-03-13") and "1958" not in dates[0]


def test_a_quoted_past_act_is_before_the_statement_and_the_treaty_is_the_one_so_named(run):
    res = run("Uzbekistan\n\n\"We have pulled out of the Collective Security Treaty,\" Karimov said during a news "
              "conference late last week. The CIS, created in 1991, included Armenia and Uzbekistan. Tashkent, "
              "however, pulled out of the treaty in 1999.\n", published="2001-08-27")
    # one withdrawal, from the treaty named as one, in 1999: not in the week of the news conference
    assert [(e["target"], e["date"]) for e in res.events if e["type"] == "withdraw"] == [("CSTO", "1999")]
    res = run("Uzbekistan\n\n\"We have pulled out of the Collective Security Treaty,\" Karimov said during a news "
              "conference late last week.\n", published="2001-08-27")
    assert [e["date"] for e in res.events if e["type"] == "withdraw"] == ["../2001-08-26"]


def test_the_soviet_union_before_its_end_and_older_spellings_of_alliances(run):
    res = run("The invasion\n\nThe Soviet invasion of Afghanistan on December 27 alarmed N.A.T.O. Morocco was a "
              "founder member of the OAU. Morocco's withdrawal from the Organisation of African Unity was announced "
              "on Monday.\n", published="1980-01-08")
    g = got(res)
    assert ("attack", "SUN", "AFG", "1979-12-27") in g
    assert ("join", "MAR", "AU") in triples(res) and ("announce_withdrawal", "MAR", "AU", "1980-01-07") in g
    # the same state after 1991 is Russia
    res = run("War\n\nRussia invaded Ukraine on February 24, 2022.\n", published="2022-02-25")
    assert ("attack", "RUS", "UKR", "2022-02-24") in got(res)


def test_states_along_with_the_subject_act_too_and_blame_of_its_ties_is_not_blame_of_the_partner(run):
    res = run("Gulf\n\nSaudi Arabia, along with the U.A.E., Bahrain and Egypt, cut diplomatic and transport links with "
              "Qatar in early June, accusing it of funding extremism and criticizing its ties with Shiite-led Iran.\n",
              published="2017-12-05")
    assert {(e["actor"], e["target"]) for e in res.events if e["type"] == "accuse"} == \
        {("SAU", "QAT"), ("ARE", "QAT"), ("BHR", "QAT"), ("EGY", "QAT")}


def test_neither_requested_joining_in_a_call_and_a_treaty_the_lead_names_generically(run):
    res = run("Rio Treaty\n\nCOCHABAMBA, Bolivia (AP) – Four Latin American countries announced Tuesday that they’re pulling out of a regional "
              "defense treaty. Bolivia, Venezuela, Ecuador and Nicaragua belong to the ALBA bloc, whose members have "
              "joined in calling for changes to the OAS. The Rio Treaty was signed in 1947. In 1956 Nagy said the "
              "Hungarian Government neither requested, nor agreed to the entry of Soviet troops.\n",
              published="2012-06-06")
    assert {(e["type"], e["actor"], e["target"]) for e in res.events} == \
        {("announce_withdrawal", s, "TIAR") for s in ("BOL", "VEN", "ECU", "NIC")}


def test_listed_states_suspended_from_the_organisation_a_recalled_representative_and_a_defence_clause(run):
    res = run("New York\n\nECOWAS leaders met in New York on Thursday. Burkina Faso, Mali and Guinea are suspended "
              "from the organization. The Russian president recalled Russia’s top military representative to NATO on "
              "Wednesday. “Aggression against one member state is considered to be an attack on all members,” Zas "
              "said. NATO condemned the attack on Ukraine by Russia.\n", published="2022-09-23")
    t = triples(res)
    assert {("suspend_membership", s, "ECOWAS") for s in ("BFA", "MLI", "GIN")} <= t
    assert ("recall_ambassador", "RUS", "NATO") in t and ("accuse", "NATO", "RUS") in t
    assert not [e for e in res.events if e["type"] == "attack"] and ("accuse", "NATO", "UKR") not in t


def test_an_announced_absence_a_passive_suspension_and_more_regional_blocs(run):
    res = run("Summits\n\nThe Uzbek leader Islam Karimov will not be attending the summit of the Collective Security "
              "Treaty Organization. Belarus may not take part in the CSTO meeting. Syria's membership in the Arab "
              "League was suspended. Sudan has frozen its membership in the Intergovernmental Authority on "
              "Development. The Uzbek leaders have stayed away from the GUUAM summit.\n", published="2011-08-12")
    g = triples(res)
    assert ("skip_meeting", "UZB", "CSTO") in g                   # a decision announced, as a withdrawal is
    assert ("skip_meeting", "BLR", "CSTO") not in g               # "may not": a prediction
    assert ("suspend_membership", "SYR", "LAS") in g and ("freeze_participation", "SYR", "LAS") not in g
    assert {("freeze_participation", "SDN", "IGAD"), ("skip_meeting", "UZB", "GUAM")} <= g


def test_the_treaty_counts_for_the_alliance_named_as_a_treaty_when_the_headline_names_two(run):
    res = run("COLLECTIVE SECURITY TREATY SHRINKS, GUAM SET TO GROW\n\nA meeting on the CIS Collective Security "
              "Treaty was held in Moscow on the treaty's expiration date. Georgia and Azerbaijan declined to attend "
              "the meeting and are now outside the treaty. They had been signaling their intention to abandon the "
              "treaty. Uzbekistan wants to join GUAM.\n", published="1999-04-22")
    g = triples(res)
    assert {("skip_meeting", "GEO", "CSTO"), ("skip_meeting", "AZE", "CSTO")} <= g


def test_an_attitude_to_a_state_is_not_the_state(run):
    res = run("Georgia\n\nGeorgia on August 8 launched a military offensive against pro-Russian breakaway South "
              "Ossetia in order to regain control.\n", published="2008-08-22")
    assert triples(res) == {("attack", "GEO", "south-ossetia")}          # not Russia, named only in "pro-Russian"


def test_a_name_the_parser_left_without_its_verb_is_the_subject(run):
    # the parser hangs "Aliyev" on "Peskov" as an apposition and leaves "attend" without a subject
    res = run("Summit\n\nDespite preparations and positive statements from Kremlin spokesperson Dmitry Peskov, "
              "Azerbaijani President Ilham Aliyev did not attend the informal summit of the Commonwealth of "
              "Independent States (CIS) on Monday in St. Petersburg.\n", published="2025-12-23")
    assert ("skip_meeting", "AZE", "CIS") in triples(res)
    assert ("skip_meeting", "RUS", "CIS") not in triples(res)


def test_the_force_is_the_force_of_the_alliance_named_before(run):
    res = run("The force\n\nThe East African Community (EAC) Regional Force began leaving Goma on Sunday.\n\n"
              "The future of the deployment was thrown into doubt after DRC President Felix Tshisekedi accused the "
              "force of working with the rebels.\n", published="2023-12-05")
    assert ("accuse", "COD", "EAC") in triples(res)


def test_the_security_agreement_is_the_treaty_named_before_not_the_commonwealth_of_its_summit(run):
    res = run("Mutual Security Pact Signed\n\nThe majority of the members of the Commonwealth of Independent States "
              "signed a collective security treaty Friday.\n\n“We are shifting toward a defensive alliance,” "
              "Nursultan Nazarbayev told a news conference.\n\nRussia, Kazakhstan, Uzbekistan, Turkmenistan, "
              "Tajikistan and Armenia--six of the 11 members of the Commonwealth--signed the security agreement "
              "during a summit of the heads of state of the Commonwealth in Tashkent.\n", published="1992-05-16")
    g = triples(res)
    assert {("sign", s, "CSTO") for s in ("RUS", "KAZ", "UZB", "TKM", "TJK", "ARM")} <= g
    assert not [e for e in res.events if e["target"] == "CIS"]
    # "the majority of the members" is some of them, not the state the article is most about
    assert len([e for e in res.events if e["type"] == "sign"]) == 6


def test_deciding_not_to_renew_a_membership_announces_the_exit(run):
    res = run("The treaty\n\nGeorgia's President said on February 22 that his country will not extend its "
              "membership in the CIS security treaty. Uzbekistan decided not to extend its membership in the CIS "
              "security alliance. In 1999 Azerbaijan refused to prolong the treaty.\n", published="1999-02-23")
    g = triples(res)
    assert {("announce_withdrawal", "GEO", "CSTO"), ("announce_withdrawal", "UZB", "CSTO")} <= g
    assert ("withdraw", "AZE", "CSTO") in g                       # refusing (after the fact) is the exit itself
    assert ("withdraw", "UZB", "CSTO") not in g


def test_a_signature_under_a_treaty_is_signing_not_what_the_treaty_provides(run):
    res = run("Accession\n\nArmenia on Friday put its signature to a treaty under which it becomes a member of the "
              "Eurasian Economic Union (EEU).\n", published="2014-10-10")
    assert triples(res) == {("sign", "ARM", "EAEU")}


def test_asking_a_question_is_no_demand_and_the_russian_led_alliance_is_the_csto(run):
    res = run("Union\n\n“Is that the end?” Yeltsin asked, turning to Lukashenko.\n\nArmenia has been boycotting "
              "CSTO events after accusing the Russian-led military alliance of failing to defend its territorial "
              "integrity.\n", published="2024-08-06")
    g = triples(res)
    assert not [e for e in res.events if e["type"] == "demand"]
    assert ("accuse", "ARM", "CSTO") in g and ("accuse", "ARM", "AZE") not in g


def test_states_listed_as_also_suspended_are_each_suspended_but_not_on_the_days_news(run):
    res = run("The African Union has suspended Gabon\n\nThe AU's peace and security council suspended Gabon on "
              "Thursday after the coup in the country.\n\nBurkina Faso, Mali, Guinea and Sudan have also been "
              "suspended since coups in those countries.\n", published="2023-08-31")
    got_ = {(e["actor"], e["date"]) for e in res.events if e["type"] == "suspend_membership" and e["target"] == "AU"}
    assert ("GAB", "2023-08-31") in got_
    assert {a for a, _ in got_} == {"GAB", "BFA", "MLI", "GIN", "SDN"}
    # the earlier suspensions do not take the narrative's Thursday
    assert all(d != "2023-08-31" for a, d in got_ if a != "GAB")


def test_ceasing_to_take_part_consultations_leaving_a_summit_early_and_more_blocs(run):
    res = run("Blocs\n\nNicaragua's foreign minister said his country immediately ceases to participate in the OAS. "
              "Tallinn called urgent consultations under Article Four of NATO's founding treaty. Macedonia announced "
              "it was leaving a NATO summit early. Tripoli announced its intention to pull out of the 22-member "
              "pan-Arab group. Saudi-led forces of the Peninsula Shield Force crossed the causeway into Bahrain.\n\n"
              "Rwanda quit the Democratic Republic of Congo's bloc. Rwanda accused Congo of instrumentalizing the "
              "regional body.\n", published="2025-06-09")
    g = triples(res)
    assert ("freeze_participation", "NIC", "OAS") in g
    assert ("skip_meeting", "MKD", "NATO") in g and ("announce_withdrawal", "MKD", "NATO") not in g
    assert ("announce_withdrawal", "LBY", "LAS") in g
    assert ("deploy_forces", "GCC", "BHR") in g
    assert ("accuse", "RWA", "COD") in g              # "Congo": the one of the two Congos the article names
    # NATO's Article 4 is consultation, not collective defence
    assert ("request_consultations", "EST", "NATO") in g and ("request_assistance", "EST", "NATO") not in g


def test_a_habitual_criticism_and_what_a_state_says_another_must_do(run):
    res = run("Armenia and the CSTO\n\nArmenian authorities regularly criticize Russia and the CSTO for inaction. "
              "The CSTO failed to strongly condemn Azerbaijan's aggression.\n\nAthens insists Skopje must use a "
              "compound name. Experts said Sudan must be careful.\n", published="2023-09-06")
    g = triples(res)
    assert {("accuse", "ARM", "RUS"), ("accuse", "ARM", "CSTO"), ("demand", "GRC", "MKD")} <= g
    assert ("accuse", "CSTO", "AZE") not in g                    # failing to condemn is not condemning
    assert not [e for e in res.events if e["target"] == "SDN"]   # advice to be careful is no demand


def test_eighth_round_wordings_of_membership_acts(run):
    """Freezing "its CSTO membership" (the acronym before the noun), the CSTO called the "post-Soviet military
    alliance", a formal request sent to the alliance, a decision to stay away from its summit; states
    "currently suspended from" the bloc's bodies and a past exit told as "following the exit of X, Y and Z
    from"."""
    res = run("Armenia and its allies\n\nIn February 2024, Prime Minister Nikol Pashinyan announced that Armenia had "
              "effectively frozen its CSTO membership. In 1998 Uzbekistan suspended its membership in the post-Soviet "
              "military alliance.\n\nOn May 13, 2021 Armenia sent an official request to the CSTO about the border. "
              "Moscow said Pashinyan's decision to stay away from the November 2023 summit of the CSTO was a hostile "
              "move.\n", published="2024-06-14")
    t = triples(res)
    assert {("freeze_participation", "ARM", "CSTO"), ("freeze_participation", "UZB", "CSTO")} <= t
    assert ("request_assistance", "ARM", "CSTO", "2021-05-13") in got(res)
    assert ("skip_meeting", "ARM", "CSTO") in t
    res = run("Sahel\n\nGuinea, Burkina Faso and Mali are currently suspended from ECOWAS bodies. Trade fell "
              "following the exit of Mali, Burkina Faso and Niger from the regional bloc.\n", published="2025-04-07")
    t = triples(res)
    assert {("suspend_membership", s, "ECOWAS") for s in ("GIN", "BFA", "MLI")} <= t
    assert {("withdraw", s, "ECOWAS") for s in ("MLI", "BFA", "NER")} <= t


def test_a_request_or_exit_not_asserted_is_no_event(run):
    """The new wordings keep their modality: a request not sent and an exit still to come are not events."""
    res = run("Armenia and the CSTO\n\nArmenia has not sent an official request to the CSTO. Trade will fall "
              "after the exit of Mali from the bloc next year.\n", published="2024-06-14")
    t = triples(res)
    assert ("request_assistance", "ARM", "CSTO") not in t
    assert not [e for e in res.events if e["type"] == "withdraw"]


def test_blaming_a_party_for_a_wrong_act_it_carried_out_is_an_accusation(run):
    res = run("Border\n\nOn Thursday, the Armenian Defense Ministry claimed that the Azerbaijani armed forces carried "
              "out provocative actions in the Syunik region.\n", published="2021-05-14")
    assert ("accuse", "ARM", "AZE", "2021-05-13") in got(res)


def test_refusing_a_states_appeal_names_who_asked_and_who_was_asked(run):
    """ "Russia rejected an appeal from Kyrgyzstan's interim president for military assistance": Kyrgyzstan asked
    Russia, and Russia refused Kyrgyzstan (the article's main state need not be either)."""
    res = run("Osh\n\nRussia on Saturday rejected an appeal from Kyrgyzstan's interim president for military "
              "assistance.\n", published="2010-06-12")
    g = got(res)
    assert ("request_assistance", "KGZ", "RUS", "2010-06-12") in g
    assert ("deny_assistance", "RUS", "KGZ", "2010-06-12") in g


def test_ending_a_membership_returning_to_the_alliance_and_saying_it_failed(run):
    res = run("Blocs\n\nUzbekistan has discontinued its membership in GUAM, the minister said on Monday. Uzbekistan "
              "returned to the CSTO in 2006. In 2012 the three juntas quit ECOWAS, stating that the regional body had "
              "failed to help them.\n", published="2012-06-20")
    t = triples(res)
    assert ("withdraw", "UZB", "GUAM") in t
    assert ("join", "UZB", "CSTO") in t
    res = run("ECOWAS exit\n\nMali, Burkina Faso and Niger said on Sunday that they were leaving ECOWAS, stating that "
              "the regional body had failed to help them fight insecurity.\n", published="2024-01-29")
    assert {("accuse", s, "ECOWAS", "2024-01-28") for s in ("MLI", "BFA", "NER")} <= got(res)
    # returning to the table or to the integrated command is not joining
    res = run("Talks\n\nFrance returned to NATO's integrated military command in 2009. Serbia returned to the "
              "talks with NATO in May.\n", published="2009-06-01")
    assert not [e for e in res.events if e["type"] == "join"]


def test_naming_an_act_as_a_wrong_and_concern_at_a_partys_acts_are_accusations(run):
    res = run("Arms\n\nOn Friday Azerbaijan's President Ilham Aliyev called India's supply of weapons to Armenia as an "
              "“unfriendly move”. Pashinyan described the alliance as a threat to Armenia's national security. "
              "The Kremlin expressed concern over Baku's actions on Thursday.\n\nArmenia and the CSTO.\n",
              published="2023-01-14")
    g = got(res)
    assert {("accuse", "AZE", "IND"), ("accuse", "ARM", "CSTO")} <= triples(res)
    assert ("accuse", "RUS", "AZE", "2023-01-12") in g
    # praise is no accusation, and being worried "by" something is not blaming whoever the sentence names
    res = run("Talks\n\nThe minister described the meeting as constructive. Russia was worried by Armenia's moves.\n",
              published="2023-01-14")
    assert not [e for e in res.events if e["type"] == "accuse"]


def test_signing_the_alliances_protocol_is_not_also_a_bilateral_agreement(run):
    res = run("Montenegro and NATO\n\nRussia's foreign ministry criticized NATO. Montenegrin Prime Minister Milo "
              "Djukanovic signed the accession protocol on behalf of his country on May 19.\n", published="2016-05-20")
    assert ("sign", "MNE", "NATO", "2016-05-19") in got(res)
    assert not [e for e in res.events if e["type"] == "sign_agreement"]


def test_officials_reaffirming_their_countries_will_not_prolong_participation_announce_the_exit(run):
    res = run("THREE COUNTRIES CONFIRM INTENT TO QUIT COLLECTIVE SECURITY TREATY.\n\nOn April 2, 1999, Uzbek President Islam Karimov, Georgian Foreign Minister Irakly "
              "Menagarishvili and Azerbaijan’s senior presidential adviser Vafa Guluzade reaffirmed that their "
              "respective countries will not prolong their participation in the CIS Collective Security Treaty. "
              "Armenia will not renew its membership if Russia leaves, the minister warned.\n", published="1999-04-05")
    g = got(res)
    assert {("announce_withdrawal", s, "CSTO", "1999-04-02") for s in ("UZB", "GEO", "AZE")} <= g
    assert ("announce_withdrawal", "ARM", "CSTO") not in triples(res)
    # an all-capitals headline's "INTENT TO QUIT" is no exit (its capitals are not a name after "quit")
    assert not [e for e in res.events if e["type"] == "withdraw"]


def test_joint_drills_of_two_states_and_a_states_exercises_with_another(run):
    res = run("Drills\n\nRussia and Belarus began joint drills on Monday. Lavrov said Moscow was concerned about "
              "Armenia's exercises with the United States. The two armies will hold joint exercises next month.\n",
              published="2023-09-12")
    t = triples(res)
    assert ("hold_exercise", "RUS", "BLR") in t or ("hold_exercise", "BLR", "RUS") in t
    assert ("hold_exercise", "ARM", "USA") in t
    assert len([e for e in res.events if e["type"] == "hold_exercise"]) == 2


def test_a_protest_handed_to_a_party_is_an_accusation(run):
    res = run("Airspace\n\nTallinn has handed Moscow a formal protest note over the violation. Armenia lodged a strong "
              "protest with Baku. Protesters handed a petition to the embassy.\n", published="2025-09-20")
    t = triples(res)
    assert {("accuse", "EST", "RUS"), ("accuse", "ARM", "AZE")} <= t
    assert len([e for e in res.events if e["type"] == "accuse"]) == 2


def test_a_military_operation_or_strike_named_by_its_author_is_an_attack(run):
    res = run("Tensions\n\nMoscow criticised Azerbaijan's 2023 military operation in Nagorno-Karabakh. Tehran condemned "
              "the U.S. strike on Iran on June 22. The CSTO peacekeeping operation in Kazakhstan ended in January. "
              "A strike on any member would be an attack on all.\n", published="2025-06-25")
    t = triples(res)
    assert {("attack", "AZE", "nagorno-karabakh"), ("attack", "USA", "IRN")} <= t
    # a peacekeeping operation is no attack, nor is a strike on "any member" (a clause of the treaty)
    assert len([e for e in res.events if e["type"] == "attack"]) == 2


def test_the_governments_in_a_list_of_states_are_those_states(run):
    res = run("Sahel\n\nThe military-led governments in Mali, Burkina Faso and Niger have recalled their ambassadors "
              "from Algeria on Sunday.\n", published="2025-04-07")
    assert {("recall_ambassador", s, "DZA") for s in ("MLI", "BFA", "NER")} <= triples(res)


def test_opening_fire_is_an_attack_a_blistering_attack_on_a_country_is_words(run):
    res = run("Border\n\nKyrgyzstan's security committee said Saturday that Tajikistan's military had opened fire on "
              "dwellings in Kyrgyzstan's Batken region. US President Donald Trump launched a blistering attack on "
              "Germany at the summit. Russia launched a full-scale invasion of Ukraine in February 2022.\n",
              published="2021-05-02")
    t = triples(res)
    assert {("attack", "TJK", "KGZ"), ("attack", "RUS", "UKR")} <= t
    assert ("attack", "USA", "DEU") not in t


def test_the_undated_news_and_the_same_kind_of_act_long_before_are_two_events(run):
    res = run("Washington DC (UPI) Jun 25, 2006 In a further repudiation of its former close ties "
              "with the Bush administration Uzbekistan has rejoined the Russian-led Collective Security Treaty "
              "Organization defense pact. Uzbekistan in 1992 had co-founded CSTO, but suspended its membership seven "
              "years later.\n")
    joins = [e for e in res.events if e["type"] == "join" and e["actor"] == "UZB"]
    assert len(joins) == 2 and "1992" in {e["date"] for e in joins}
    assert not any("USA" in (e["actor"], e["target"]) for e in res.events)


def test_announcing_the_cancellation_of_the_alliances_exercises_and_calling_for_its_intervention(run):
    res = run("Drills\n\nOn October 9 Kyrgyzstan announced the cancellation of Collective Security Treaty Organization "
              "(CSTO) command staff exercises. Kazakh President Kassym-Jomart Tokayev said he called for their "
              "intervention. Protesters called for the government's resignation.\n", published="2022-10-10")
    t = triples(res)
    assert {("refuse_exercise", "KGZ", "CSTO"), ("request_assistance", "KAZ", "CSTO")} <= t
    assert len([e for e in res.events if e["type"] == "request_assistance"]) == 1


def test_the_recall_of_a_capitals_ambassadors_is_its_states(run):
    res = run("Sanctions\n\nColonel Abdoulaye Maiga announced the recall of Bamako’s ambassadors from Algeria on Monday. "
              "Niger announced the withdrawal of its ambassadors from ECOWAS countries.\n", published="2025-04-08")
    t = triples(res)
    assert ("recall_ambassador", "MLI", "DZA") in t and ("recall_ambassador", "NER", "ECOWAS") in t


def test_saying_that_those_who_rule_a_state_must_act_is_a_demand_on_that_state(run):
    res = run("Niger\n\nThe regional bloc ECOWAS said in a statement military leaders in Niger must cede power in a week. "
              "The authorities in Mali recalled their ambassador from Algeria.\n", published="2023-07-31")
    t = triples(res)
    assert ("demand", "ECOWAS", "NER") in t and ("recall_ambassador", "MLI", "DZA") in t


def test_a_suspension_of_participation_told_to_the_alliance_is_a_freeze_a_possible_one_is_not(run):
    res = run("NATO\n\nFrance has informed NATO it will suspend its involvement in a naval operation, officials said on "
              "Wednesday. Turkey may suspend its participation in the drills.\n", published="2020-07-01")
    t = triples(res)
    assert ("freeze_participation", "FRA", "NATO") in t
    assert ("freeze_participation", "TUR", "NATO") not in t
