"""Infer an article's outlet and publication date when the user gave neither.

Outlet: the outlet's own marks in the text — a link or e-mail address on its
domain, a line that is only its name (masthead, sign-off), its name where the
article cites its own reporting ("told Izvestia", "The Moscow Times' sources").
Photo credits are not marks of the outlet.

Publication date, strongest cue first:
1. the outlet's marks: a dated URL (``/2024/06/13/``), a "Published: …" line;
2. a dateline ("MOSCOW, December 19 (Itar-Tass) —", "20 December, 11:34"); without a year, the year is
   the first that puts the dateline on or after the latest explicitly dated past event (marked '?': it
   rests on the news-recency assumption); with nothing to fix the year, the date stays unknown;
   or a full date the text gives as today's ("effective today, 29th January 2025");
3. the latest dated event the article reports, a lower bound widened to the following days
   (a week when the text says "this week" or names weekdays, else a month, marked '?'),
   or the month a season-end cue points to ("summer has come to an end");
4. the latest month or year mentioned, as a lower bound.
A year that the text names only as a year ("went into effect in 1994", "coups since 2020") is background:
when the latest happenings carry no year, it bounds the publication from below and nothing more.
The result is an EDTF interval whose width states the uncertainty, or None. The wall clock is never a
reference date; it only excludes dates that cannot be past yet.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from foedus.extraction.dates import (Reference, divmod_month, edtf_assumed_end, edtf_of, find_dateline, find_dates,
                                     full_date_at, grammar, span_of_edtf)
from foedus.extraction.lexicon import Lexicon, lexicon
from foedus.sources.model import Article

__all__ = ["infer_outlet", "infer_published", "apply_inference", "dateline_of", "latest_day_in_year"]

_URL = re.compile(r"\b(?:https?://|www\.)[^\s\"'<>)]+", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_DATED_URL = re.compile(r"/(20\d\d|19\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|\b)")
_PUBLISHED_LINE = re.compile(r"^\s*(?:published|posted|updated|last updated|date|dated)\s*(?:on|:)?\s*(?P<rest>.{6,60})$", re.I | re.M)
# a line that is only a date, as pages print their own date ("Friday, March 4, 2022 | 10:15", after the outlet's
# name: "- The Washington Times - Monday, August 27, 2001"); Russian pages print it as "среда, 4 февраля 2009 г."
_DATELINE_ONLY = re.compile(r"^[\s/|•·–—-]*(?:[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,5}\s+[-–—|•·]\s+)?"
                            r"(?:[A-Z][a-z]+day,?\s+|[а-яё]+,\s+)?(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}"
                            r"|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}\s+[а-яё]+\s+\d{4}(?:\s*г\.|\s+года)?)"
                            r"(?:[\s,|-]+\d{1,2}:\d\d.*|\s+/\s+[^/\n]{1,20})?\s*$")      # "1962-08-01 / 8. szám"

# a page's stamp of agency, day and place, as scraped without spaces: "Reuters15.03.2011 Bahrain"
_AGENCY_STAMP = re.compile(r"^\s*[A-Z][A-Za-z&'’.-]{1,30}?(?P<date>\d{1,2}\.\d{1,2}\.\d{4})(?:\s+[A-Z][\w'’-]+){0,3}\s*$")

_SKIP_FOR_OUTLET = frozenset({"credit", "caption"})
# an agency credit opening the story: "WASHINGTON (AP) —", "KYIV, Ukraine (Reuters) -", and with the date after
# the agency and no dash, "Washington DC (UPI) Jun 25, 2006 In a further repudiation …"
_CREDIT_DATE = (r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
                r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4})")
_PLACE_CREDIT = re.compile(r"^\s*(?:[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z]+(?:[ -][A-Z][A-Za-z.]+){0,2})"
                           r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?"
                           r"\s*(?:\((?P<agency>[^()\n]{2,40})\)|/(?P<agency2>[^/\n]{2,40})/)"
                           r"\s*(?:" + _CREDIT_DATE + r"\s*(?:[-—–:]\s*)?(?=[A-Z“\"])|[-—–])", re.M)


def place_credit_end(text: str, start: int, end: int) -> int | None:
    """Where an agency credit that opens a paragraph ("WASHINGTON (AP) —", "MOSCOW (RFE/RL) —", "Washington DC (UPI)
    Jun 25, 2006") ends, or None."""
    m = _PLACE_CREDIT.match(text, start, end)
    return m.end() if m else None


def _domain(url: str) -> str:
    u = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return u.split("/")[0]


_PATTERNS: dict[int, dict] = {}


def _outlet_patterns(lex: Lexicon) -> dict:
    hit = _PATTERNS.get(id(lex))
    if hit is not None and hit["lex"] is lex:
        return hit
    by_alias, lines = {}, {}
    for o in lex.outlets:
        for n in [o["name"], *(o.get("aliases") or ())]:
            if not n:
                continue
            lines[n.lower()] = o["name"]
            if len(n) >= 3 or n.isupper():
                by_alias[n] = o["name"]
        for d in o.get("domains") or ():
            lines[d.lower()] = o["name"]
    alts = "|".join(re.escape(n) for n in sorted(by_alias, key=len, reverse=True))
    own = re.compile(rf"\b(?:told|tells|telling|speaking to|spoke to|said to|in an interview with|interviewed by)\s+(?P<a1>{alts})\b"
                     rf"|\b(?P<a2>{alts})(?:’|')?(?:s)?\s+sources\b|\b(?P<a3>{alts})\s+(?:has learned|learned|understands)\b")
    marks = [(m, o["name"]) for o in lex.outlets for m in (o.get("marks") or ())]
    hit = {"lex": lex, "by_alias": by_alias, "lines": lines, "own": own, "any": re.compile(rf"\b(?:{alts})\b"),
           "marks": marks}
    _PATTERNS[id(lex)] = hit
    return hit


def infer_outlet(article: Article, lex: Lexicon | None = None) -> tuple[str | None, str]:
    """(outlet name or None, how it was found)."""
    lex = lex or lexicon()
    text = article.text
    scores: Counter[str] = Counter()
    why: dict[str, str] = {}
    domains = []
    for o in lex.outlets:
        for d in o.get("domains") or ():
            domains.append((d.lower(), o["name"]))

    def by_domain(dom: str) -> str | None:
        for d, name in domains:
            if dom == d or dom.endswith("." + d):
                return name
        return None

    url_domains = []
    if article.url:
        url_domains.append(_domain(article.url))
    pats = _outlet_patterns(lex)
    for p in article.paragraphs:
        if p.kind in _SKIP_FOR_OUTLET:
            continue
        seg = text[p.start:p.end]
        if "http" in seg or "www." in seg:
            for m in _URL.finditer(seg):
                url_domains.append(_domain(m.group(0)))
        if "@" in seg:
            for m in _EMAIL.finditer(seg):
                url_domains.append(m.group(1).lower())
        stripped = seg.strip(" •·|\u00a0\t").strip().lower()
        if len(stripped) < 60:
            name = pats["lines"].get(stripped)
            if name:
                scores[name] += 3
                why.setdefault(name, f"a line that is only {stripped!r}")
                continue
        for m in pats["own"].finditer(seg):
            name = pats["by_alias"].get(m.group("a1") or m.group("a2") or m.group("a3"))
            if name:
                scores[name] += 2
                why.setdefault(name, f"the article cites its own interviews ({m.group(0).strip()!r})")
        if p.kind in ("promo", "cookie", "navigation", "byline"):
            for m in pats["any"].finditer(seg):
                name = pats["by_alias"].get(m.group(0))
                if name:
                    scores[name] += 2
                    why.setdefault(name, f"{m.group(0)!r} in the site's own boilerplate")
    # the agency credit of a dateline, and the outlet's own header marks
    credit = None
    dl = _dateline(article, lex)
    if dl is not None and dl.agency:
        credit = dl.agency
    else:
        for p in _head_paragraphs(article):
            m = _PLACE_CREDIT.match(text, p.start, p.end) if p.kind in ("body", "heading", "byline") else None
            if m:
                credit = m.group("agency") or m.group("agency2")
                break
    if credit:
        name = pats["lines"].get(credit.strip().lower())
        if name:
            scores[name] += 3
            why.setdefault(name, f"the agency credit of the dateline ({credit!r})")
    for mark, name in pats["marks"]:
        for p in article.paragraphs[:12]:
            if p.kind not in ("caption", "foreign") and mark in text[p.start:p.end]:
                scores[name] += 3
                why.setdefault(name, f"the outlet's mark {mark!r}")
                break
    for dom in url_domains:
        name = by_domain(dom)
        if name:
            scores[name] += 3
            why.setdefault(name, f"a link or address on {dom}")
    if scores:
        name, score = scores.most_common(1)[0]
        if score >= 2:
            return name, why[name]
    for dom in url_domains:
        if dom and "." in dom:
            return dom, f"the domain of a link ({dom})"
    return None, "no mark of the outlet in the text"


def _explicit_marks(article: Article) -> tuple[date, str] | None:
    text = article.text
    if article.url:
        m = _DATED_URL.search(article.url)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])), "the date in the article's URL"
            except ValueError:
                pass
    for p in article.paragraphs:
        seg = text[p.start:p.end]
        if p.kind in ("navigation", "body", "byline", "related", "title", "heading"):
            for m in _URL.finditer(seg):
                mm = _DATED_URL.search(m.group(0))
                if mm and (_domain(m.group(0)) or "").split(".")[0] and p.kind == "navigation":
                    try:
                        return date(int(mm[1]), int(mm[2]), int(mm[3])), "a dated link to the article"
                    except ValueError:
                        pass
    head = article.paragraphs[:6] + article.paragraphs[-3:]
    for p in head:
        seg = text[p.start:p.end]
        m = _PUBLISHED_LINE.search(seg) if len(seg) < 90 else None
        stamp = _AGENCY_STAMP.match(seg) if len(seg) < 90 else None
        cand = m.group("rest") if m else (seg if _DATELINE_ONLY.match(seg) else (stamp.group("date") if stamp else None))
        if cand:
            found = [e for e in find_dates(cand, Reference()) if e.lo and e.lo == e.hi]
            if found:
                return found[0].lo, "a publication line in the text"
    return None


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_TEENS = {"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_LOOKING_BACK = re.compile(r"\b(?P<n>\d{1,3}|(?:one |a )?hundred|[a-z]+(?:[- ][a-z]+)?) years ago\b(?: today| this (?:week|day))?"
                           r"\s*[,:;.—–-]?\s*", re.I)


def _safe_day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _count_words(words: str, lex: Lexicon) -> int | None:
    """"Forty", "twenty-five", "a hundred", "25": the number a heading spells."""
    w = words.lower().strip()
    if w.isdigit():
        return int(w)
    if w in ("hundred", "one hundred", "a hundred"):
        return 100
    units = grammar(lex).numbers
    parts = re.split(r"[- ]", w)
    if len(parts) == 1:
        return _TENS.get(w) or _TEENS.get(w) or (units.get(w) if w not in ("a", "an", "few", "several") else None)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in units and 0 < units[parts[1]] < 10:
        return _TENS[parts[0]] + units[parts[1]]
    return None


def _looking_back(article: Article, lex: Lexicon) -> tuple[date, str, date] | None:
    """A look-back column ("Forty Years Ago, March 13, 1979: Pakistan quits CENTO") is published N years to the
    day after the date its heading names: (publication, how, the day the story tells of)."""
    text = article.text
    for p in _head_paragraphs(article):
        if p.kind not in ("title", "heading") and p.end - p.start > 120:
            continue        # a heading, not a story's sentence ("Two years ago, March 3, 2022, troops …")
        seg_end = min(p.end, p.start + 160)
        for m in _LOOKING_BACK.finditer(text, p.start, seg_end):
            n = _count_words(m.group("n"), lex)
            if not n or n > 300:
                continue
            found = full_date_at(text, m.end(), lex)
            if found is None:
                continue
            day, end = found
            pub = _safe_day(day.year + n, day.month, day.day) or _safe_day(day.year + n, day.month, 28)
            return pub, f"a look-back column: {text[m.start():end].strip()!r} is {n} years before publication", day
    return None


_UNREAD = object()


def infer_published(article: Article, lex: Lexicon | None = None, today: date | None = None,
                    back=_UNREAD) -> tuple[str | None, str]:
    """(EDTF publication date or None, how it was found). ``back``: the article's look-back heading, when the
    caller has read it already (``_looking_back``)."""
    lex = lex or lexicon()
    today = today or date.today()
    mark = _explicit_marks(article)
    if mark:
        return mark[0].isoformat(), mark[1]
    if back is _UNREAD:
        back = _looking_back(article, lex)
    if back and back[0] <= today:
        return back[0].isoformat(), back[1]
    if back:
        return None, f"{back[1]}, which is after today"
    g = grammar(lex)
    text = article.text
    kinds = ("body", "caption", "title", "heading", "foreign")
    segs = [(p.start, p.end) for p in article.paragraphs if p.kind in kinds and p.kind != "foreign"]
    # pass 1: absolute expressions give the years the text is about
    absolute = []
    for s, e in segs:
        for x in find_dates(text, Reference(), lex, s, e):
            if x.explicit_year and not x.future and x.lo and x.lo <= today:
                absolute.append(x)
    dl = _dateline(article, lex)
    if dl is not None:
        return _dateline_date(dl, absolute, today, text, lex)
    for x in absolute:
        # "has become effective today, 29th January 2025": the text names the day it speaks on
        if x.width == 1 and _TODAY_IS.search(text[max(0, x.start - 16):x.start]):
            return x.lo.isoformat(), f"the text names today's date ({text[x.start:x.end]!r})"
    years = [x.hi.year for x in absolute if x.width <= 366]
    # "the 74th anniversary of NATO's founding in 1949", "75 years since …": the year the text is written in
    anniversaries = [y for y in _anniversary_years(text) + _named_years(text) if y <= today.year]
    years += anniversaries
    year_hint = max(years) if years else None
    if year_hint is None:
        return None, "no year is mentioned in the text"
    # the honest lower bound: the article was published on or after the start of every past happening it
    # dates with an explicit year ("on January 10, 2024", "in February 2024", "since November 2023")
    floor = max((x.lo for x in absolute), default=None)
    # a year named only as a year ("went into effect in 1994", "coups since 2020") is background unless some
    # month or day of that year is named too
    background = not any(x.width <= 31 and x.hi.year == year_hint for x in absolute) and year_hint not in anniversaries
    edtf, how = _published_estimate(article, lex, g, segs, year_hint, today, background)
    return _not_before(edtf, how, floor)


_FORMER = re.compile(r"(?:former|then|ex|late|outgoing|erstwhile|previous|past)[\s-]*$", re.I)


def role_window(text: str, lex: Lexicon, today: date) -> tuple[tuple[date, date], str] | None:
    """When the people the text names with a title held those offices together ("Prime Minister Donald Tusk",
    "Ukrainian President Volodymyr Zelenskyy"): the span common to their terms, or None. A title marked as past
    ("former President …", "then-President …") says nothing of when the text was written."""
    by_last, title_rx, titles = _people_index(lex)
    spans: list[list[tuple[date, date]]] = []
    who: list[str] = []
    seen: set[str] = set()
    # only names whose last word the text has (a cheap look-up), then each checked where it stands
    cands = [c for w in set(_CAPITALISED.findall(text)) for c in by_last.get(w, ())]
    for name, person in sorted(cands, key=lambda c: -len(c[0])):
        if person.id in seen:
            continue
        terms = []
        for m in re.finditer(r"\b" + re.escape(name) + r"\b", text):
            if " " not in name and _NAME_GOES_ON.match(text, m.end()):
                continue        # "President Petro Poroshenko": "Petro" is his first name, not Gustavo Petro
            before = text[max(0, m.start() - 60):m.start()]
            tm = title_rx.search(before)
            if tm is None and " " not in name:
                # "Prime Minister Nikol Pashinian" against the alias "Pashinian": the first name between
                before = re.sub(r"[A-Z][\w'’.-]*\s+$", "", before)
                tm = title_rx.search(before)
            if tm is None or _FORMER.search(before[:tm.start()]):
                continue
            wanted = titles[tm.group(1).lower()]
            for role in person.roles:
                if role.title.lower() in wanted and role.start:
                    lo = span_of_edtf(role.start)[0]
                    hi = span_of_edtf(role.end)[1] if role.end else today
                    if lo is not None and hi is not None and lo <= hi:
                        terms.append((lo, hi))
        if terms:
            seen.add(person.id)
            spans.append(list(dict.fromkeys(terms)))      # (named with the title twice: still one term)
            who.append(person.name)
    if not spans:
        return None
    common = spans[0]
    for terms in spans[1:]:
        common = list(dict.fromkeys((max(a, c), min(b, d)) for a, b in common for c, d in terms if max(a, c) <= min(b, d)))
    if len(common) != 1:
        return None         # no overlap (or two separate terms): the titles alone do not date the text
    return common[0], " and ".join(who)


_CAPITALISED = re.compile(r"\b[A-ZÀ-Þ][\w'’.-]*")
_NAME_GOES_ON = re.compile(r"[ \u00a0]+(?:[A-ZÀ-Þ][\w'’-]+|(?:bin|ibn|al|el|de|van|von)\b)")
_PEOPLE_INDEX: dict[int, tuple] = {}


def _people_index(lex: Lexicon):
    """({last word of a name: [(name, person)]}, the pattern of a title right before a name, office titles), built
    once per lexicon."""
    if id(lex) not in _PEOPLE_INDEX:
        from foedus.registry.load import default_registry
        titles = {k.lower(): [t.lower() for t in v] for k, v in (lex.actors.get("office_titles") or {}).items()}
        by_last: dict[str, list] = {}
        for person in default_registry().actors:
            if person.kind == "person" and person.roles:
                for name in {person.name, *person.aliases}:
                    if len(name) >= 4:
                        by_last.setdefault(name.split()[-1], []).append((name, person))
        title_rx = re.compile(r"(?i)\b(" + "|".join(map(re.escape, sorted(titles, key=len, reverse=True)))
                              + r")\s+(?:(?-i:[A-Z])[\w'’.-]*\s+){0,2}$")
        _PEOPLE_INDEX[id(lex)] = (by_last, title_rx, titles)
    return _PEOPLE_INDEX[id(lex)]


_TODAY_IS = re.compile(r"\b(?:today|this day)\s*[,(]\s*(?:the\s+)?$", re.I)

_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th) anniversary of [^.;]{0,100}?\b((?:1[6-9]|20)\d{2})\b"
                          r"|\b(\d{1,3}) years (?:since|after) [^.;]{0,100}?\b((?:1[6-9]|20)\d{2})\b", re.I)


def _anniversary_years(text: str) -> list[int]:
    """Years an anniversary names: the Nth anniversary of something in year Y falls in Y + N."""
    out = []
    for m in _ANNIVERSARY.finditer(text):
        n, y = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if 0 < int(n) < 500:
            out.append(int(y) + int(n))
    return out


# an exercise or operation named with its year: "drills codenamed Cobalt-2024", "Indestructible Brotherhood-2020"
_NAMED_YEAR = re.compile(r"\b[A-Z][a-z]+-((?:19|20)\d\d)\b")


def _named_years(text: str) -> list[int]:
    """Years written into the names of exercises and operations ("Zapad-2021"): what the text is about."""
    return [int(m.group(1)) for m in _NAMED_YEAR.finditer(text)]


def _head_paragraphs(article: Article):
    """The lines before the story and its first two paragraphs (where datelines and credits stand)."""
    body_seen = 0
    for p in article.paragraphs[:12]:
        if p.kind in ("caption", "foreign", "navigation", "cookie", "promo", "related", "credit"):
            continue
        if p.kind == "body":
            body_seen += 1
            if body_seen > 2:
                break
        yield p


def latest_day_in_year(article: Article, lex: Lexicon, year: int, not_before: date, today: date) -> date | None:
    """The latest past day the text names without a year ("on October 12"), read in ``year`` (the year a known fact
    the article reports gives it), that is on or after ``not_before`` and not after ``today``; None if none."""
    ref = Reference(year_hint=year)
    latest = None
    for p in article.paragraphs:
        if p.kind not in ("body", "title", "heading", "caption"):
            continue
        for x in find_dates(article.text, ref, lex, p.start, p.end):
            if x.future or x.explicit_year or x.kind != "partial" or x.lo is None or x.hi is None or x.width > 3:
                continue
            if not_before <= x.lo and x.hi <= today and (latest is None or x.hi > latest):
                latest = x.hi
    return latest


def dateline_of(article: Article, lex: Lexicon):
    """The dateline among the first lines of the article, or None."""
    if not article.paragraphs:
        return None
    return _dateline(article, lex)


def _dateline(article: Article, lex: Lexicon):
    """The dateline among the first lines of the article (``_head_paragraphs``)."""
    text = article.text
    for p in _head_paragraphs(article):
        seg = text[p.start:p.end]
        if len(seg) > 120:
            end = p.start + 120
        else:
            end = p.end
        dl = find_dateline(text, lex, p.start, end)
        if dl is not None:
            return dl
    return None


def _dateline_date(dl, absolute, today: date, text: str = "", lex: Lexicon | None = None) -> tuple[str | None, str]:
    """The publication date a dateline gives; a dateline without a year takes the year of the latest
    explicitly dated past event (or the following year, if the dateline's day would fall before it). With no
    dated event, the terms of office of the people the text names by title bound the year, and the weekday the
    story's first sentence names ("MINSK, October 10 … said on Friday") picks the one year in those terms whose
    October 10 was a Friday."""
    if dl.year is not None:
        d = dl.day_in(dl.year)
        return d.isoformat(), f"the dateline {dl.text!r}"
    floor = max((x.lo for x in absolute), default=None)
    if text and lex is not None:
        found = _dateline_year_from_terms(dl, text, lex, today, floor)
        if found is not None:
            return found
    if floor is None:
        return None, f"the dateline {dl.text!r} has no year, and no dated event in the text fixes it"
    y = floor.year
    d = dl.day_in(y)
    while d is None or d < floor:
        y += 1
        d = dl.day_in(y)
    if d > today:
        return None, f"the dateline {dl.text!r} has no year, and none fits before today"
    return f"{d.isoformat()}?", (f"the dateline {dl.text!r}, in the first year that puts it on or after the latest "
                                 f"explicitly dated past event ({floor.isoformat()}); the year assumes news "
                                 "recency (marked '?')")


def _dateline_year_from_terms(dl, text: str, lex: Lexicon, today: date,
                              floor: date | None = None) -> tuple[str, str] | None:
    """(EDTF, how) when exactly one year within the people's common term (and not before ``floor``, the latest
    explicitly dated past event) puts the yearless dateline's day on the weekday of the story's first sentence,
    else None."""
    window = role_window(text, lex, today)
    if window is None:
        return None
    (lo, hi), who = window
    if floor is not None:
        lo = max(lo, floor)
        if lo > hi:
            return None
    end = text.find("\n", dl.end)
    first = re.split(r"(?<=[.!?])\s", text[dl.end:end if end > 0 else len(text)], maxsplit=1)[0]
    names = [w.lower() for w in lex.dates.get("weekdays") or ()]
    m = re.search(r"\b(" + "|".join(n.capitalize() for n in names) + r")\b", first) if names else None
    if m is None:
        return None
    wd = names.index(m.group(1).lower())
    years = [y for y in range(lo.year, hi.year + 1)
             if (d := dl.day_in(y)) is not None and lo <= d <= hi and d.weekday() == wd]
    if len(years) != 1:
        return None
    d = dl.day_in(years[0])
    return f"{d.isoformat()}?", (f"the dateline {dl.text!r} has no year: {d.year} is the only year in which "
                                 f"{who} held the offices the text gives them and that day was a {m.group(1)} "
                                 "(the weekday of the story's first sentence; marked '?')")


def _not_before(edtf: str | None, how: str, floor: date | None) -> tuple[str | None, str]:
    """Never start a publication interval before a past happening the article dates explicitly."""
    span = span_of_edtf(edtf) if edtf else None
    if floor is None or span is None or (span[0] is not None and span[0] >= floor):
        return edtf, how
    lo, hi = span
    if hi is None or hi >= floor:            # an open end ("2020-01-01/..") stays open
        return edtf_of(floor, hi), f"{how}; not before {floor.isoformat()}, the start of an explicitly dated past event"
    hi = floor + timedelta(days=30)
    return edtf_assumed_end(floor, hi), (f"after the latest explicitly dated past event ({floor.isoformat()}); "
                                         "the end assumes publication within a month (marked '?')")


def _published_estimate(article: Article, lex: Lexicon, g, segs, year_hint: int, today: date,
                        background: bool = False) -> tuple[str | None, str]:
    text = article.text
    # pass 2: partial dates ("On January 10", "in June") in the year the text is about
    ref = Reference(year_hint=year_hint)
    dated = []
    weekday_cue = False
    unresolved_relative = False   # "in March last year", "next month": relative to the unknown publication
    for s, e in segs:
        for x in find_dates(text, ref, lex, s, e):
            if x.kind == "weekday" or (x.kind == "relative" and "week" in x.text.lower()):
                weekday_cue = True
            if x.kind == "relative" and x.lo is None and re.search(r"\b(?:year|month)\b", x.text, re.I):
                unresolved_relative = True
            if x.future or x.lo is None or x.hi is None or x.lo > today or x.kind == "since":
                continue
            if x.kind in ("absolute", "partial") and x.width <= 31:
                dated.append(x)
        seg = text[s:e]
        if re.search(r"\b(?:this week|last week|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", seg):
            weekday_cue = True
    dated = _across_the_new_year(dated)
    season_month = None
    for s, e in segs:
        seg = text[s:e]
        for rx in g.season_end:
            m = rx.search(seg)
            if m:
                first, n = g.seasons[m.group("season").lower()]
                season_month = divmod_month(year_hint, first + n)
    days = [x for x in dated if x.lo == x.hi or x.width <= 3]
    latest_day = max((x.hi for x in days), default=None)
    latest_month = max((x for x in dated if x.width > 3), key=lambda x: x.hi, default=None)
    if season_month and (latest_day is None or latest_day < date(*season_month, 1)):
        y, m = season_month
        return f"{y:04d}-{m:02d}", "a season-end cue ('summer has come to an end') after the latest dated event"
    explicit = [x for x in dated if x.explicit_year]
    latest_explicit = max((x.hi for x in explicit), default=None)
    latest_explicit_lo = max((x.lo for x in explicit), default=None)
    if latest_day and (latest_month is None or latest_month.hi <= latest_day + timedelta(days=31)):
        hi = latest_day + timedelta(days=6 if weekday_cue else 30)
        anchor = next(x for x in days if x.hi == latest_day)
        if not anchor.explicit_year and (latest_explicit is None or latest_explicit < anchor.lo) \
                and not _soon_after(anchor, latest_explicit_lo):
            return _year_uncertain(anchor, year_hint, latest_explicit_lo, background)
        if weekday_cue:
            return edtf_of(latest_day, hi), f"after the latest dated event mentioned ({latest_day.isoformat()}), in the same week"
        return edtf_assumed_end(latest_day, hi), (f"after the latest dated event mentioned ({latest_day.isoformat()}); "
                                                  "the end assumes publication within a month (marked '?')")
    if latest_month is not None:
        lo = latest_month.lo
        if lo.year < year_hint:
            return f"{year_hint:04d}", "the latest year mentioned"
        if not latest_month.explicit_year and (latest_explicit is None or latest_explicit < latest_month.lo) \
                and not _soon_after(latest_month, latest_explicit_lo):
            return _year_uncertain(latest_month, year_hint, latest_explicit_lo, background)
        nxt = date(*divmod_month(lo.year, lo.month + 1), 1)
        hi = date(*divmod_month(nxt.year, nxt.month + 1), 1) - timedelta(days=1)
        # the month is when the latest dated event happened: a lower bound; the end assumes recency
        return edtf_assumed_end(lo, hi), (f"after the start of the latest month mentioned ({latest_month.edtf}); "
                                          "the end assumes publication within a month after it (marked '?')")
    return _year_only(year_hint, background or unresolved_relative)


SAME_YEAR_DAYS = 92


def _across_the_new_year(dated: list) -> list:
    """A date written without a year that, read in the year of the latest date written with one, would fall
    long before it, but read in the next year falls soon after it ("On Dec. 9, 2023, the bloc had … On Jan. 18,
    it held a summit"), is in the next year: news names the year of a past year's date and drops it for the
    current year's."""
    explicit = [x for x in dated if x.explicit_year and x.lo is not None]
    if not explicit:
        return dated
    last = max(x.hi for x in explicit)
    out = []
    for x in dated:
        if not x.explicit_year and x.lo is not None and x.hi is not None and x.hi < last \
                and (last - x.hi).days > SAME_YEAR_DAYS:
            try:
                lo, hi = x.lo.replace(year=x.lo.year + 1), x.hi.replace(year=x.hi.year + 1)
            except ValueError:      # 29 February
                lo = hi = None
            if lo is not None and 0 < (lo - last).days <= SAME_YEAR_DAYS:
                x = replace(x, lo=lo, hi=hi)
        out.append(x)
    return out


def _soon_after(x, explicit_lo: date | None) -> bool:
    """A date written without a year shortly after one written with it ("on September 6, 2021 … on 8
    September") is in that year, or across the new year in the next (``_across_the_new_year``): news names the
    year once and then drops it."""
    return explicit_lo is not None and x.lo is not None \
        and explicit_lo <= x.lo and (x.lo - explicit_lo).days <= SAME_YEAR_DAYS


def _year_only(year_hint: int, open_end: bool) -> tuple[str, str]:
    """Only a year is known. It bounds the publication from below; that the article is from that very year
    is an assumption (marked '?'), and no assumption at all when the text dates things relative to its own,
    unknown, year ("in March last year") or names the year only as background."""
    lo = date(year_hint, 1, 1)
    if open_end:
        return edtf_of(lo, None), (f"not before {year_hint} (the latest year mentioned); the text gives no clue "
                                   "to how much later it was published")
    return edtf_assumed_end(lo, date(year_hint, 12, 31)), (f"the latest year mentioned ({year_hint}); that the "
                                                          "article is from that year assumes news recency (marked '?')")


def _year_uncertain(x, year_hint: int, latest_explicit_lo: date | None, background: bool = False) -> tuple[str, str]:
    """The latest happening is dated without a year ("in October", "On January 10").

    Its year was only assumed to be the latest year the text names; the article may as well be from the
    following year. The honest interval runs from the latest explicitly dated happening (or the start of
    that year) to a month after the undated one read in the following year. When that year is named only
    as a year (background: "went into effect in 1994"), the undated happening may be any later year: the
    year is a lower bound and the interval stays open.
    """
    lo = date(year_hint, 1, 1) if latest_explicit_lo is None else min(latest_explicit_lo, x.lo)
    if background:
        return edtf_of(lo, None), (f"the latest happening ({x.text!r}) has no year and the latest year named "
                                   f"({year_hint}) is background: not before {lo.isoformat()}, year unknown")
    try:
        hi = x.hi.replace(year=x.hi.year + 1) + timedelta(days=30)
    except ValueError:  # 29 February
        hi = x.hi + timedelta(days=366 + 30)
    return edtf_of(lo, hi), (f"the latest happening ({x.text!r}) has no year: from {lo.isoformat()} "
                             f"to a month after it in {year_hint + 1}")


def _after_titles_taken(edtf: str | None, how: str, text: str, lex: Lexicon,
                        today: date | None = None) -> tuple[str | None, str]:
    """The people the text names by their present titles ("Prime Minister Nikol Pashinian") held them when it was
    written: the publication is not before the latest of them took office. When the estimate from the dates
    ends before that day (the dates were background), the publication is from that day on, its end open (a
    deposed leader may keep his title in the news, so the end of a term bounds nothing). Without an estimate,
    nothing is claimed. A day the page states outright (a dateline with its year, a publication line, a dated URL:
    one day, not marked uncertain) is not second-guessed: the registry may lack a person's earlier terms."""
    span = span_of_edtf(edtf) if edtf else None
    if span is None or span[1] is None or (span[0] == span[1] and not edtf.endswith("?")):
        return edtf, how
    window = role_window(text, lex, today or date.today())
    if window is None or span[1] >= window[0][0]:
        return edtf, how
    (lo, _), who = window
    return edtf_of(lo, None), (f"{how}; but not before {lo.isoformat()}, when {who} held the offices the text "
                               "gives them (the dates were background)")


def _open_after_titles_taken(article: Article, lex: Lexicon, edtf: str | None, how: str,
                             today: date | None = None) -> tuple[str | None, str]:
    """An open estimate ("not before 2009": the year named only as background, "in office since 2009") starts no
    earlier than the day the people named by their present titles all held them ("Nigerian President Bola
    Tinubu": from 2023-05-29). The end stays open. (Reading the yearless dates in the first year of that term
    was tried and measured: right for 1 article of 5, so it is not done.)"""
    span = span_of_edtf(edtf) if edtf else None
    if span is None or span[0] is None or span[1] is not None:
        return edtf, how
    window = role_window(article.text, lex, today or date.today())
    if window is None or window[0][0] <= span[0]:
        return edtf, how
    (lo, _), who = window
    return edtf_of(lo, None), f"{how}; but not before {lo.isoformat()}, when {who} held the offices the text gives them"


def apply_inference(article: Article, lex: Lexicon | None = None) -> Article:
    """Fill outlet and published (unless the user gave them) and record how."""
    lex = lex or lexicon()
    if "outlet" not in article.given or not article.outlet:
        article.outlet, how = infer_outlet(article, lex)
        article.inferred["outlet"] = how
    back = _looking_back(article, lex)
    if "published" not in article.given or not article.published:
        article.published, how = _after_titles_taken(*infer_published(article, lex, back=back), article.text, lex)
        article.published, how = _open_after_titles_taken(article, lex, article.published, how)
        article.inferred["published"] = how
    if back is not None:
        article.reported = back[2].isoformat()
        article.inferred["reported"] = back[1]
    langs = Counter()
    for p in article.paragraphs:
        if p.language:
            langs[p.language] += p.end - p.start
    if "language" not in article.given or not article.language:
        article.language = langs.most_common(1)[0][0] if langs else None
    if not article.title:
        for p in article.paragraphs:
            if p.kind == "title":
                article.title = article.text[p.start:p.end].strip()
                break
    return article
