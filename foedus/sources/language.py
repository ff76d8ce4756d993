"""Per-paragraph language identification (py3langid), with a script shortcut."""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["detect_language"]

_CYR = re.compile(r"[\u0400-\u04FF]")
_LAT = re.compile(r"[A-Za-z]")
_ARM = re.compile(r"[\u0530-\u058F]")
_GEO = re.compile(r"[\u10A0-\u10FF]")
_ARAB = re.compile(r"[\u0600-\u06FF]")


_EN_STOP = frozenset("the of and to in a is that for on with as was by it at from he his has have are be this not but which its said were an or their they had will who been would than also".split())


# function words that do not exist (or are very rare) in the other Latin-script languages of the news
_EN_ONLY = frozenset("the and of from with was were has have that which would will its their they been who said".split())


# the languages news is published in (py3langid's model also has pidgins, dialects and constructed or classical
# languages, which a caption dense with names can fall into: "… Ilham Aliyev (left) meeting with …" read as
# Nigerian Pidgin)
NEWS_LANGUAGES = tuple("en fr de es it pt nl ru uk be bg sr mk kk ky tg mn hy ka az tr ar fa zh ja ko pl cs sk ro hu "
                       "el sv no da fi et lv lt sl hr bs sq he hi ur bn sw ha yo ig am so id ms vi th tl uz tk ps "
                       "ku".split())


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(NEWS_LANGUAGES)
    return ident


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of ``text``'s language; ``default`` for short or letterless text."""
    cyr = len(_CYR.findall(text))
    lat = len(_LAT.findall(text))
    other = {"hy": len(_ARM.findall(text)), "ka": len(_GEO.findall(text)), "ar": len(_ARAB.findall(text))}
    best_other = max(other, key=other.get)
    if other[best_other] > max(cyr, lat):
        return best_other
    if cyr + lat < 12:
        return default
    if cyr > lat:
        if len(text) < 25:
            return "ru"
        lang, _ = _identifier().classify(text)
        return lang if lang in ("ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "tg", "mn") else "ru"
    if lat < 40 or cyr > 0.2 * lat and cyr > 5:
        return default if cyr <= lat else "ru"
    words = re.findall(r"[a-z]+", text.lower())
    if len(words) >= 8 and sum(w in _EN_STOP for w in words) >= 0.25 * len(words):
        return "en"
    # a short English sentence dense with foreign proper names ("Mali, Burkina Faso and Niger withdrew from
    # ECOWAS …") has few stop words: English-only function words still settle it
    strict = sum(w in _EN_ONLY for w in words)
    if strict >= 2 and strict >= 0.15 * len(words):
        return "en"
    lang, prob = _identifier().classify(text)
    if prob < 0.6 and default:
        return default
    return lang
