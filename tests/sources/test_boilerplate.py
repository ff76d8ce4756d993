from foedus.sources.boilerplate import nlp_view, segment
from foedus.sources.language import detect_language
from foedus.sources.metadata import apply_inference, infer_outlet
from foedus.sources.model import Article

TEXT = ("Skip to main content\n"
        "Armenia weighs its options\n\n"
        "Armenia has frozen its participation in the alliance, officials in Yerevan said on Friday, "
        "and the government confirmed the decision.\n"
        "Президент РФ Владимир Путин во время пресс-конференции в Астане\n"
        "Russian President Vladimir Putin at a press conference in Astana.\n"
        "Photo: TASS/Pool\n"
        "Related article: Why the bloc is losing members\n"
        "Our website uses cookies. By clicking accept you consent to our use of cookies.\n"
        "“This is a decision for the long term,” the minister told Example News.\n")


def kinds(text):
    return [(p.kind, text[p.start:p.end][:20]) for p in segment(text)]


def test_boilerplate_is_labelled_not_removed():
    paras = segment(TEXT)
    got = {text[:12]: p.kind for p in paras for text in [TEXT[p.start:p.end]]}
    assert got["Skip to main"] == "navigation"
    assert got["Photo: TASS/"] == "credit"
    assert got["Related arti"] == "related"
    assert got["Our website "] == "cookie"
    assert got["Президент РФ"] == "foreign"
    assert got["Russian Pres"] == "caption"
    assert got["Armenia has "] == "body"
    # offsets point into the original text
    for p in paras:
        assert TEXT[p.start:p.end].strip() == TEXT[p.start:p.end]


def test_hard_wrapped_lines_are_soft_breaks_in_the_nlp_view():
    text = ("A title\n\n"
            "Russian officials privately admit that their chances of preventing an exit from the\n"
            "alliance are slim, two officials have told reporters in Moscow this\n"
            "week, and they expect the decision to be final.\n\n"
            "A second paragraph follows here and it is long enough to count as a line of\n"
            "text that wraps in the middle of a sentence as well.\n")
    paras = segment(text)
    body = [p for p in paras if p.kind == "body"]
    assert len(body) == 2
    view = nlp_view(text, paras)
    assert len(view) == len(text)
    assert "from the alliance are slim" in view
    assert view.index("A second") == text.index("A second")


def test_language_per_paragraph():
    assert detect_language("Премьер-министр Армении Никол Пашинян на пресс-конференции") == "ru"
    assert detect_language("Armenia has frozen its participation in the alliance, the minister said.") == "en"
    # a caption dense with names is English, not a pidgin or dialect the identifier also knows
    assert detect_language("Azerbaijani President Ilham Aliyev (left) meeting with Russian President Vladimir Putin "
                           "(right) in Dushanbe, Tajikistan on 9 October 2025. Official photo.") == "en"
    assert detect_language("Le président a déclaré que la France quittera le commandement intégré.") == "fr"


def test_a_donation_appeal_is_a_promotion_and_its_year_does_not_date_the_page():
    text = ("Aliyev skips CIS summit\n\nAzerbaijani President Ilham Aliyev did not attend the informal summit of the "
            "CIS on 22 December 2025 in St. Petersburg.\n\nSupport independent journalism this holiday season —\n\n"
            "and help us bring you more news from the Caucasus in 2026.\n\n25% OFF\n")
    paras = segment(text)
    assert [text[p.start:p.end][:7] for p in paras if p.kind == "promo"] == ["Support", "and hel", "25% OFF"]
    a = Article("x", text, "t", paragraphs=paras)
    apply_inference(a)
    assert a.published.startswith("2025-12-22")


def test_outlet_and_date_marks():
    text = ("Title here\n\nArmenia froze its participation in the CSTO on February 22, 2024, a spokesman told "
            "The Moscow Times.\nhttps://www.themoscowtimes.com/2024/02/23/armenia-freezes-a1234\n")
    a = Article("x", text, "t", paragraphs=segment(text))
    assert infer_outlet(a)[0] == "The Moscow Times"
    apply_inference(a)
    assert a.published == "2024-02-23"


def test_a_lone_date_line_at_the_top_is_the_publication_date():
    text = ("/ 20 October 2009\n\nWest African bloc suspends Niger over poll\n\nEcowas on Tuesday suspended Niger after "
            "the elections. The bloc said in December it would review the decision.\n")
    a = Article("x", text, "t", paragraphs=segment(text))
    apply_inference(a)
    assert a.published == "2009-10-20"


def test_a_russian_date_line_dates_the_page_and_a_paragraph_is_not_a_promotion():
    text = ("среда, 4 февраля 2009 г.\n\nBloc agrees to set up a force\n\nMOSCOW, February 4 (RIA Novosti) - A "
            "security bloc has agreed to create a force, the president said on Wednesday.\n\nBecome a member today!\n\n"
            "Expressing his gratitude, the prime minister said: \"Though we have become a member of the organisation "
            "only today, our relations with the region have been historic and they will grow stronger in the years "
            "to come, in trade, in energy and in security.\"\n")
    a = Article("x", text, "t", paragraphs=segment(text))
    apply_inference(a)
    assert a.published == "2009-02-04"
    kinds = {text[p.start:p.end][:12]: p.kind for p in a.paragraphs}
    assert kinds["Become a mem"] == "promo" and kinds["Expressing h"] == "body"


def test_the_outlets_name_and_the_day_on_one_line_date_the_page():
    text = ("- The Washington Times - Monday, August 27, 2001\n\nTASHKENT, Uzbekistan (UPI) — The country will not "
            "join the force, the president said.\n")
    a = Article("x", text, "t", paragraphs=segment(text))
    apply_inference(a)
    assert a.published == "2001-08-27"
