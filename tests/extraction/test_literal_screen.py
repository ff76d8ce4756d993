"""The literal screen skips a pattern only when it cannot match: it must never lose a match."""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foedus.extraction.dates import grammar
from foedus.extraction.lexicon import lexicon
from foedus.extraction.literals import LiteralScreen, fold, required_literals


def test_a_literal_run_is_required():
    assert required_literals(re.compile(r"\bsign(?:ed|s)? the\b", re.I)) == ("sign",)


def test_the_longest_requirement_is_chosen():
    # "withdraw" (8 characters) loses to " from the" (9); the optional suffix requires nothing
    assert required_literals(re.compile(r"\bwithdraw(?:al|s)? from the", re.I)) == (" from the",)


def test_alternatives_are_all_required_one_of():
    assert required_literals(re.compile(r"\b(?:froze|suspended)\b", re.I)) == ("froze", "suspended")


def test_an_alternative_that_needs_nothing_makes_the_group_need_nothing():
    assert required_literals(re.compile(r"(?:quit|\w+)\b", re.I)) is None
    assert required_literals(re.compile(r"(?:quit|\w+ed)\b", re.I)) == ("ed", "quit")


def test_optional_parts_negative_look_aheads_and_look_behinds_require_nothing():
    assert required_literals(re.compile(r"(?:left)?\s+\w+(?! the)", re.I)) is None
    # a look-behind may look before the start of a search (finditer(text, pos)), so it is not used
    assert required_literals(re.compile(r"(?<=, )\w+", re.I)) is None


def test_a_positive_look_ahead_is_required():
    assert required_literals(re.compile(r"\w+(?= the alliance)", re.I)) == (" the alliance",)


def test_literals_are_folded_like_the_text():
    need = required_literals(re.compile(r"DÉCEMBRE", re.I))
    assert need == ("décembre",)
    assert LiteralScreen([re.compile("DÉCEMBRE", re.I)]).possible("le 3 Décembre")[0]


def test_fold_agrees_with_ignorecase_for_latin_greek_and_cyrillic():
    """Every character IGNORECASE matches to a letter folds like that letter ("ſ" like "s", "K" (Kelvin) like
    "k", "İ" like "i"), so a folded literal is found wherever the expression can match it."""
    everything = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    for c in range(0x20, 0x530):
        letter = chr(c)
        for other in re.findall(re.escape(letter), everything, re.I):
            assert fold(other) == fold(letter), (letter, other)


def test_a_screen_says_which_patterns_can_match():
    screen = LiteralScreen([re.compile(r"\brecalled\b", re.I), re.compile(r"\bfroze\b", re.I), re.compile(r"\w+")])
    assert screen.possible("Yerevan RECALLED its ambassador") == [True, False, True]
    # a text read without its time adjunct counts too ("froze on Monday its" → "froze its")
    assert screen.possible("no", "Armenia froze its") == [False, True, True]


_SHIPPED = [t.regex for et in lexicon().event_types for t in et.triggers] + [rx for _k, rx in grammar().alts]


@pytest.mark.parametrize("pattern", _SHIPPED, ids=lambda p: p.pattern[:40])
def test_every_shipped_pattern_passes_the_screen_on_text_it_matches(pattern):
    screen = LiteralScreen([pattern])

    @settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def check(text):
        assert pattern.search(text)
        assert screen.possible(text) == [True], text

    check()
