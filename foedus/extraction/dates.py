"""Temporal expressions: find them in text and normalise them to EDTF.

Only what the text says is kept: "May 2023" is the month ``2023-05`` (never a
day filled in from some base date), "on Thursday" is the Thursday on or before
the publication date, "since mid-2023" is an interval up to the publication.
When the publication date is itself an interval, a relative expression is
resolved against both ends and the result covers both readings.

The vocabulary comes from ``foedus/data/extraction/dates.yaml``; this module
holds the grammar that combines it.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from foedus.extraction.lexicon import Lexicon, lexicon
from foedus.extraction.literals import LiteralScreen

__all__ = ["TimeExpr", "Reference", "Dateline", "find_dates", "find_dateline", "edtf_of", "span_of_edtf", "DateGrammar",
           "grammar"]


@dataclass(frozen=True)
class Reference:
    """What relative expressions are resolved against."""

    pub_lo: date | None = None
    pub_hi: date | None = None
    year_hint: int | None = None          # the year the text is about, when the publication date is unknown
    anchor: tuple[date, date] | None = None   # the last time the narrative talked about

    def points(self) -> list[date]:
        # both ends or nothing: against an open publication interval ("2020-07-01/..") a relative
        # expression has no reference date, and resolving it against the known end alone would guess
        if self.pub_lo is None or self.pub_hi is None:
            return []
        return [self.pub_lo, self.pub_hi]


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str                 # absolute | partial | relative | weekday | anaphoric | since | range
    lo: date | None
    hi: date | None
    explicit_year: bool = False
    future: bool = False      # a deadline or forecast ("until 2044", "next year")
    since: bool = False
    since_hi: date | None = None   # for a "since" interval: the end of the date named ("since 1975": 1975-12-31)

    @property
    def edtf(self) -> str | None:
        if self.lo is None and self.hi is None:
            return None
        return edtf_of(self.lo, self.hi)

    @property
    def width(self) -> int:
        if self.lo is None or self.hi is None:
            return 10 ** 6
        return (self.hi - self.lo).days + 1


SHORT_RELATIVE_MAX_PUB_DAYS = 14

_DATELINE_KINDS = ("md", "dm", "mdy", "dmy", "iso")


@dataclass(frozen=True)
class Dateline:
    """A dateline at the start of a story or on a line of its own: the publication day, not a happening."""

    start: int
    end: int                  # end of the whole dateline (date, time, agency)
    text: str
    month: int
    day: int
    year: int | None          # None: "MOSCOW, December 19 (Itar-Tass) —" gives no year
    place: str | None = None
    agency: str | None = None   # "(Itar-Tass)", "(AP)", ". RIA Novosti"

    def day_in(self, year: int) -> date | None:
        return _safe_date(year, self.month, self.day)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def edtf_assumed_end(lo: date, hi: date) -> str:
    """``lo``..``hi`` as EDTF with the end marked uncertain (``?``): the end is an assumption
    (e.g. "published within a month of the latest event it reports"), not read from the text."""
    text = edtf_of(lo, hi)
    if "/" not in text:
        text = f"{lo.isoformat()}/{hi.isoformat()}"
    return text + "?"


def edtf_of(lo: date | None, hi: date | None) -> str:
    """The shortest EDTF string for the day interval ``lo``..``hi`` (open ends as ``..``)."""
    if lo is None or hi is None:
        a = "..";  b = ".."
        if lo is not None:
            a = _point_text(lo, lo, start=True)
        if hi is not None:
            b = _point_text(hi, hi, start=False)
        return f"{a}/{b}"
    if lo == hi:
        return lo.isoformat()
    if lo.day == 1 and hi == _month_end(hi.year, hi.month):
        if lo.year == hi.year and lo.month == hi.month:
            return f"{lo.year:04d}-{lo.month:02d}"
        if lo.month == 1 and hi.month == 12:
            return f"{lo.year:04d}" if lo.year == hi.year else f"{lo.year:04d}/{hi.year:04d}"
        return f"{lo.year:04d}-{lo.month:02d}/{hi.year:04d}-{hi.month:02d}"
    return f"{lo.isoformat()}/{hi.isoformat()}"


def _point_text(d: date, _: date, start: bool) -> str:
    return d.isoformat()


def span_of_edtf(text: str | None) -> tuple[date, date] | None:
    """First and last day of an EDTF date or interval (open ends become None)."""
    if not text:
        return None
    from foedus.domain.dates import parse_edtf
    s = parse_edtf(text)
    return s.earliest, s.latest


class DateGrammar:
    """Compiled regular expressions built from the vocabulary in dates.yaml."""

    def __init__(self, lex: Lexicon):
        d = lex.dates
        self.month_of: dict[str, int] = {}
        for num, names in d["months"].items():
            for n in names:
                self.month_of[n.lower()] = int(num)
        self.weekdays = [w.lower() for w in d["weekdays"]]
        self.seasons = {k.lower(): tuple(v) for k, v in d["seasons"].items()}
        self.month_parts = {k.lower(): tuple(v) for k, v in d["month_parts"].items()}
        self.year_parts = {k.lower(): tuple(v) for k, v in d["year_parts"].items()}
        self.relative = {k.lower(): v for k, v in d["relative"].items()}
        self.anaphoric = {k.lower(): int(v) for k, v in d["anaphoric"].items()}
        self.numbers = {k.lower(): int(v) for k, v in d["number_words"].items()}
        self.future_ctx = re.compile(d.get("future_context", r"(?!x)x"), re.I)
        self.season_end = [re.compile(p, re.I) for p in d.get("season_end_cues", [])]
        self.season_now = [re.compile(p, re.I) for p in d.get("season_now_cues", [])]

        names = sorted(self.month_of, key=len, reverse=True)
        M = r"(?P<{g}>" + "|".join(re.escape(n) for n in names) + r")\.?"
        mparts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(self.month_parts, key=len, reverse=True))
        yparts = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(self.year_parts, key=len, reverse=True))
        Y = r"(?P<{g}>1[6-9]\d\d|20\d\d|21\d\d)"
        D = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
        seasons = "|".join(self.seasons)
        wd = "|".join(self.weekdays)
        rel = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(self.relative, key=len, reverse=True))
        ana = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(self.anaphoric, key=len, reverse=True))
        nums = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(self.numbers, key=len, reverse=True))
        f = lambda t, g: t.format(g=g)  # noqa: E731
        alts = [
            # May 15-16, 2024 / 15-16 May 2024
            ("range_mdy", f(M, "m") + r"\s+" + f(D, "d1") + r"\s*[-–]\s*" + f(D, "d2") + r",?\s+" + f(Y, "y")),
            ("range_dmy", f(D, "d1") + r"\s*[-–]\s*" + f(D, "d2") + r"\s+" + f(M, "m") + r",?\s+" + f(Y, "y")),
            ("iso", r"(?P<y>1[6-9]\d\d|20\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b"),
            ("mdy", f(M, "m") + r"\s+" + f(D, "d") + r",?\s+" + f(Y, "y")),
            ("dmy", f(D, "d") + r"\s+(?:of\s+)?" + f(M, "m") + r",?\s+" + f(Y, "y")),
            ("numeric", r"(?P<d>[0-3]?\d)\.(?P<mo>[01]?\d)\.(?P<y>1[6-9]\d\d|20\d\d)\b"),
            # "in March last year", "October of this year": a month of a year given relative to publication
            ("month_rel", f(M, "m") + r",?\s+(?:of\s+)?(?P<rq>last|this|next|previous|the\s+previous|the\s+following)\s+year\b"),
            ("md", f(M, "m") + r"\s+" + f(D, "d") + r"(?!\d|,?\s+\d{4})(?!\s*[-–]\s*\d)"),
            ("dm", f(D, "d") + r"\s+(?:of\s+)?" + f(M, "m") + r"(?!,?\s+\d{4})"),
            ("md_range", f(M, "m") + r"\s+" + f(D, "d1") + r"\s*[-–]\s*" + f(D, "d2") + r"(?!,?\s+\d{4})"),
            ("my", r"(?:(?P<mp>" + mparts + r")[\s-]*)?" + f(M, "m") + r",?\s+(?:of\s+)?" + f(Y, "y")),
            ("season_y", r"(?:(?:the|this|last|next)\s+)?(?P<se>" + seasons + r")\s+(?:of\s+)?" + f(Y, "y")),
            ("yrange", r"(?:between\s+" + f(Y, "y1") + r"\s+and\s+" + f(Y, "y2") + r"|from\s+" + f(Y, "y1b") + r"\s+(?:to|until|till|through)\s+" + f(Y, "y2b") + r"|" + f(Y, "y1c") + r"\s*[-–]\s*(?P<y2c>\d{4}|\d\d)\b)"),
            ("ypart", r"(?P<yp>" + yparts + r")[\s-]*" + f(Y, "y")),
            ("decade", r"(?:the\s+)?(?P<dec>1[6-9]\d0|20\d0)s\b"),
            ("ago", r"(?P<n>\d+|" + nums + r")\s+(?P<u>days?|weeks?|months?|years?)\s+ago\b"),
            ("rel", r"(?P<rel>" + rel + r")\b"),
            ("ana", r"(?P<ana>" + ana + r")\b"),
            # "six years later", "two months earlier": counted from the previous time the text talked about
            ("ana_n", r"(?P<n>\d+|" + nums + r")\s+(?P<u>days?|weeks?|months?|years?|decades?)\s+(?P<dir>later|earlier|afterwards)\b"),
            # "later that year", "later that month"; "later" alone ("… later pulled out"): after that time
            ("ana_later", r"(?<!no )(?<!\w-)(?P<lt>later|subsequently)(?:\s+(?:that|the same)\s+(?P<lu>year|month))?\b"
                          r"(?!\s+(?:this|next|than|in\s+the\s+(?:day|week|month|year)|today|tonight|on\b|(?:" + wd + r")\b)|-)"),
            ("weekday", r"(?:(?P<wq>last|this|next|later|earlier|late|early)\s+)?(?P<wd>" + wd + r")(?:\s+(?:morning|afternoon|evening|night))?"),
            ("season", r"(?:(?P<sq>this|last|next|the|in|early|late|mid-?)\s+)?(?P<se>" + seasons + r")\b(?!\s+(?:of\s+)?\d{4})"),
            ("month", r"(?:(?P<mp>" + mparts + r")[\s-]*)?" + f(M, "m") + r"(?![\w-]|\s+\d)"),
            ("year", r"(?<![\d,.$€£-])" + f(Y, "y") + r"(?![\d%]|\s*[-–]\s*\d|-day|\s*(?:km|kilomet|people|troops|soldiers|members|times|euros|dollars|GMT|UTC|hours?|hrs|local time)\b)"),
        ]
        self.alts = [(name, re.compile(r"\b" + rx, re.I)) for name, rx in alts]
        self.screen = LiteralScreen([rx for _name, rx in self.alts])   # which can match a text (literals.py)
        # a cheap pre-filter: no digit, month, weekday, season or relative word -> no date
        words = list(self.month_of) + self.weekdays + list(self.seasons) + ["ago", "later", "earlier", "subsequently", "week", "year", "month", "day",
                                                                           "today", "yesterday", "tomorrow", "tonight",
                                                                           "time", "morning"]
        self.prefilter = re.compile(r"\d|\b(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + r")", re.I)
        # datelines: "MOSCOW, December 19 (Itar-Tass) —", "BRUSSELS, Belgium, Dec. 19 -", a line that is only
        # "20 December, 11:34" or "June 25. RIA Novosti"; the date part is matched by the alternatives above
        place = (r"(?:[A-Z][A-Z.'’-]+(?:[ -][A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
                 r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2})?")
        wdc = "|".join(w.capitalize() for w in self.weekdays)
        # (RFE/RL: "Prague; 12 March"; Interfax: "Moscow. April 29. INTERFAX-")
        self.dateline_place = re.compile(r"^\s*(?P<place>" + place + r")[,;.]\s+(?:(?:" + wdc + r"),?\s+)?$")
        self.dateline_bare = re.compile(r"^\s*(?:(?:" + wdc + r"),?\s+)?$")
        agency = r"(?:\((?P<agency>[^()\n]{2,40})\)|/(?P<agency2>[^/\n]{2,40})/)"
        time = r"(?:\s*[,|·]?\s*(?:at\s+)?[0-2]?\d[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s+(?:GMT|UTC|[A-Z]{3,4}))?)"
        dash = r"\s*(?:--|[-—–:|])"
        # after a place: optional time and agency, then the dash that opens the story
        # ("CHISINAU, January 19. /TASS/. Moldova …": TASS closes the dateline with the agency between full stops)
        # (or nothing after the date: "New Delhi, January 13" on a line of its own, the story on the next)
        self.dateline_after_place = re.compile(r"^" + time + r"?\s*(?:" + agency + r"?" + dash
                                               + r"|\.\s*/(?P<agency4>[^/\n]{2,40})/\s*\."
                                               + r"|\.\s*(?P<agency5>[A-Z][A-Za-z-]{2,30}?)\s*(?:--|[-—–:])"
                                               + r"|\s*$)")
        # a line of its own: optional time, optional agency (in brackets or after a full stop), end of line;
        # or an agency in brackets then the dash
        self.dateline_after_bare = re.compile(r"^" + time + r"?\s*(?:" + agency + r"|\.\s+(?P<agency3>[A-Z][\w-]*(?:[ -][A-Z][\w-]*){0,3}))?\s*\.?\s*$")
        self.dateline_after_bare_dash = re.compile(r"^" + time + r"?\s*" + agency + dash)
        # the outlet after a comma, then the story on the same line: "June 13, Pozirk. Armenia has recalled …"
        self.dateline_after_bare_outlet = re.compile(r"^,\s*(?P<agency6>[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*){0,2}?)"
                                                     r"\s*(?:\.|--|[—–:])\s+(?=[A-Z“\"])")
        self.since_re = re.compile(r"\b(?:since|ever since|starting (?:from|in)|from)\s+(?:(?:the\s+)?(?:start|beginning|end|middle)\s+of\s+)?$", re.I)


_GRAMMARS: dict[int, tuple[Lexicon, DateGrammar]] = {}


def grammar(lex: Lexicon | None = None) -> DateGrammar:
    lex = lex or lexicon()
    hit = _GRAMMARS.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = (lex, DateGrammar(lex))
        _GRAMMARS[id(lex)] = hit
    return hit[1]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _most_recent_month(m: int, ref: date) -> int:
    return ref.year if m <= ref.month else ref.year - 1


def _cover(results: list[tuple[date, date] | None]) -> tuple[date | None, date | None]:
    rs = [r for r in results if r is not None]
    if not rs:
        return None, None
    return min(r[0] for r in rs), max(r[1] for r in rs)


def _shift_months(d: date, n: int) -> date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return date(y, m + 1, 1)


def find_dates(text: str, ref: Reference, lex: Lexicon | None = None, start: int = 0, end: int | None = None,
               *, original: str | None = None) -> list[TimeExpr]:
    """Temporal expressions in ``text[start:end]``, resolved against ``ref``.

    Anaphoric expressions ("the next day") use the previous expression found in
    the same call, or ``ref.anchor``. ``original`` is the text whose
    capitalisation is checked for month and weekday names (default ``text``).
    """
    g = grammar(lex)
    end = len(text) if end is None else end
    orig = original if original is not None else text
    out: list[TimeExpr] = []
    anchor = ref.anchor
    if not g.prefilter.search(text, start, end):
        return out
    found: list[tuple[int, int, str, re.Match]] = []
    taken: list[tuple[int, int]] = []
    for (kind, rx), possible in zip(g.alts, g.screen.possible(text[start:end])):
        if not possible:
            continue            # a word the expression cannot match without is absent
        for m in rx.finditer(text, start, end):
            s, e = m.start(), m.end()
            if any(s < b and a < e for a, b in taken):
                continue
            found.append((s, e, kind, m))
            taken.append((s, e))
    found.sort(key=lambda x: x[0])
    # a dateline (and a weekday or time in it) is the publication day (see metadata), not the time of
    # anything the story reports
    datelines = []
    for s, e, kind, m in found:
        hit = _dateline_at(text, s, e, g, kind, m) if kind in _DATELINE_KINDS else None
        if hit:
            datelines.append((text.rfind("\n", 0, s) + 1, hit[0]))
    for s, e, kind, m in found:
        if any(a <= s and e <= b for a, b in datelines):
            continue
        surface = orig[s:e]
        res = _resolve(kind, m, surface, g, ref, anchor)
        if res is None:
            continue
        lo, hi, kind2, explicit_year = res
        before = text[max(0, s - 40):s]
        since = bool(g.since_re.search(before)) and kind2 not in ("range",)
        wide = text[max(0, s - 90):s]    # (a future clause may name its place first: "will gather in … on August 14")
        future = bool(g.future_ctx.search(wide)) or (kind == "rel" and (g.relative.get(_norm(m.group("rel")), {}).get("offset", 0) > 0))
        if kind == "ana_n" and lo is not None and ref.pub_hi is not None and lo > ref.pub_hi:
            future = True       # "five years later" counted past the publication: not a past happening
        since_hi = None
        if since and lo is not None:
            since_hi = hi
            end_day = ref.pub_lo or (hi if hi else None)
            hi = max(end_day, hi) if end_day and hi else end_day
            kind2 = "since"
        te = TimeExpr(s, e, surface, kind2, lo, hi, explicit_year, future, since, since_hi)
        out.append(te)
        if lo is not None and not future:
            anchor = (lo, hi or lo)
    return out


def _dateline_at(text: str, s: int, e: int, g: DateGrammar, kind: str, m: re.Match):
    """(end, place, agency) when the date ``text[s:e]`` is a dateline, else None.

    A dateline opens a line: either a place ("MOSCOW, ", "BRUSSELS, Belgium, ") before the date and the dash
    that opens the story after it (an agency and a time may stand between), or the date alone on its line
    (with a time, or the agency after a full stop: "June 25. RIA Novosti").
    """
    if kind not in _DATELINE_KINDS:
        return None
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    before, after = text[ls:s], text[e:le]
    pm = None if g.dateline_bare.match(before) else g.dateline_place.match(before)
    if pm:
        am = g.dateline_after_place.match(after)
        if am:
            return e + am.end(), pm.group("place"), (am.group("agency") or am.group("agency2") or am.group("agency4")
                                                     or am.group("agency5") or None)
        return None
    if g.dateline_bare.match(before):
        am = g.dateline_after_bare.match(after) or g.dateline_after_bare_dash.match(after)
        if am:
            ag = am.group("agency") or am.group("agency2") or am.groupdict().get("agency3") or None
            return e + am.end(), None, ag
        am = g.dateline_after_bare_outlet.match(after)
        if am and not before.strip():
            return e + am.end(), None, am.group("agency6")
    return None


def full_date_at(text: str, pos: int, lex: Lexicon | None = None) -> tuple[date, int] | None:
    """The full date (day, month and year) that starts at ``pos``, with where it ends, or None."""
    g = grammar(lex)
    for kind, rx in g.alts:
        if kind not in ("mdy", "dmy", "iso"):
            continue
        m = rx.match(text, pos)
        if m is None:
            continue
        res = _resolve(kind, m, text[m.start():m.end()], g, Reference(), None)
        if res is not None and res[0] == res[1]:
            return res[0], m.end()
    return None


def find_dateline(text: str, lex: Lexicon | None = None, start: int = 0, end: int | None = None) -> Dateline | None:
    """The first dateline in ``text[start:end]`` (see ``_dateline_at``), or None."""
    g = grammar(lex)
    end = len(text) if end is None else end
    for kind, rx in g.alts:
        if kind not in _DATELINE_KINDS:
            continue
        for m in rx.finditer(text, start, end):
            hit = _dateline_at(text, m.start(), m.end(), g, kind, m)
            if hit is None:
                continue
            gd = m.groupdict()
            if kind == "iso":
                mo, dd, yy = int(gd["mo"]), int(gd["d"]), int(gd["y"])
            else:
                word = gd["m"]
                if not word[:1].isupper():
                    continue
                mo = g.month_of.get(word.lower().rstrip("."))
                dd = int(gd["d"])
                yy = int(gd["y"]) if gd.get("y") else None
            if mo is None or _safe_date(yy or 2000, mo, dd) is None:
                continue
            ls = text.rfind("\n", 0, m.start()) + 1
            return Dateline(ls, min(hit[0], end), text[ls:hit[0]].strip(), mo, dd, yy, hit[1],
                            (hit[2] or "").strip() or None)
    return None


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.lower()).strip()


def _cap_ok(surface_word: str) -> bool:
    # English month and weekday names are capitalised; Russian ones ("4 февраля 2009") are not
    return surface_word[:1].isupper() or not surface_word[:1].isascii()


def _counted_from(anchor, gd: dict, g: DateGrammar):
    """ "six years later" after "in 1993" is 1999: the previous time moved by the count, at the unit's precision
    (days need a previous time known to within a month)."""
    if anchor is None:
        return None
    a, b = anchor
    n_txt = _norm(gd["n"])
    n = int(n_txt) if n_txt.isdigit() else g.numbers.get(n_txt)
    if n is None or not n_txt.isdigit() and n_txt in ("a few", "few", "several", "a couple of"):
        return None
    sign = -1 if gd["dir"].lower() == "earlier" else 1
    unit = gd["u"].lower().rstrip("s")
    if unit in ("day", "week"):
        if (b - a).days > 31:
            return None
        step = timedelta(days=sign * n * (7 if unit == "week" else 1))
        return a + step, b + step, "anaphoric", False
    if unit == "month":
        lo, hi = _shift_months(a, sign * n), _shift_months(b, sign * n)
        return lo, _month_end(hi.year, hi.month), "anaphoric", False
    years = sign * n * (10 if unit == "decade" else 1)
    return date(a.year + years, 1, 1), date(b.year + years, 12, 31), "anaphoric", False


def _resolve(kind: str, m: re.Match, surface: str, g: DateGrammar, ref: Reference, anchor):
    """(lo, hi, kind, explicit_year) or None when the match is not a date."""
    pts = ref.points()
    gd = m.groupdict()
    # Day- and week-level relative expressions ("on Saturday", "this week", "yesterday", "three days ago")
    # are only resolved when the publication is known to within ~2 weeks; otherwise they are recognised
    # but left unresolved (lo = hi = None) instead of being spread over a wide, meaningless interval.
    pub_wide = ref.pub_lo is None or ref.pub_hi is None or (ref.pub_hi - ref.pub_lo).days > SHORT_RELATIVE_MAX_PUB_DAYS

    def month_name_ok(key: str) -> int | None:
        word = gd.get(key)
        if not word:
            return None
        mo = g.month_of.get(word.lower().rstrip("."))
        if mo is None:
            return None
        pos = m.start(key) - m.start()
        if not _cap_ok(surface[pos:pos + len(word)]):
            return None
        return mo

    if kind in ("range_mdy", "range_dmy"):
        mo = month_name_ok("m")
        if not mo:
            return None
        y = int(gd["y"])
        a, b = _safe_date(y, mo, int(gd["d1"])), _safe_date(y, mo, int(gd["d2"]))
        if not a or not b or b < a:
            return None
        return a, b, "absolute", True
    if kind in ("iso", "numeric"):
        d = _safe_date(int(gd["y"]), int(gd["mo"]), int(gd["d"]))
        return (d, d, "absolute", True) if d else None
    if kind in ("mdy", "dmy"):
        mo = month_name_ok("m")
        if not mo:
            return None
        d = _safe_date(int(gd["y"]), mo, int(gd["d"]))
        return (d, d, "absolute", True) if d else None
    if kind == "month_rel":
        mo = month_name_ok("m")
        if not mo:
            return None
        q = _norm(gd["rq"])
        off = {"last": -1, "previous": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[q]
        if not pts:
            # the year is relative to a publication date that is not known: recognised, left unresolved
            return None, None, "relative", False
        lo, hi = _cover([(date(r.year + off, mo, 1), _month_end(r.year + off, mo)) for r in pts])
        return lo, hi, "relative", False
    if kind in ("md", "dm", "md_range"):
        mo = month_name_ok("m")
        if not mo:
            return None
        if gd.get("m", "").lower() == "may" and kind == "dm":
            return None
        days = (int(gd["d"]), int(gd["d"])) if kind != "md_range" else (int(gd["d1"]), int(gd["d2"]))
        if not (1 <= days[0] <= 31 and 1 <= days[1] <= 31):
            return None
        years = _years_for_month(mo, pts, ref.year_hint, days[0])
        if not years:
            return None, None, "partial", False   # "on Sept. 10" of no known year: a clue a known fact may match
        cands = [(_safe_date(y, mo, days[0]), _safe_date(y, mo, days[1])) for y in years]
        cands = [c for c in cands if c[0] and c[1]]
        if not cands:
            return None
        lo, hi = _cover(cands)
        return lo, hi, "partial", False
    if kind == "my":
        mo = month_name_ok("m")
        if not mo:
            return None
        y = int(gd["y"])
        lo, hi = date(y, mo, 1), _month_end(y, mo)
        part = gd.get("mp")
        if part:
            a, b = g.month_parts[_norm(part).rstrip("-") if _norm(part).rstrip("-") in g.month_parts else _norm(part)]
            # keep month precision: a part of a month is still "in that month"
        return lo, hi, "absolute", True
    if kind == "month":
        mo = month_name_ok("m")
        if not mo:
            return None
        word = gd["m"].lower()
        before = m.string[max(0, m.start() - 12):m.start()].lower()
        if word in ("may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept") and not (
                gd.get("mp") or re.search(r"\b(?:in|since|by|until|till|from|of|during|early|late|mid|last|this|next|through)\s*-?\s*$", before)):
            return None
        if re.search(r"\blast\s*$", before) and pts:
            # "last January" said in January is the January of the year before, never the current month
            years = sorted({r.year if mo < r.month else r.year - 1 for r in pts})
        else:
            years = _years_for_month(mo, pts, ref.year_hint, 1)
        if not years:
            return None, None, "partial", False
        lo, hi = _cover([(date(y, mo, 1), _month_end(y, mo)) for y in years])
        return lo, hi, "partial", False
    if kind in ("season_y", "season"):
        se = gd["se"].lower()
        first, n = g.seasons[se]
        if kind == "season_y":
            y = int(gd["y"])
            lo = date(y, first, 1)
            hi = _month_end(*divmod_month(y, first + n - 1))
            return lo, hi, "absolute", True
        q = (gd.get("sq") or "").lower()
        if not pts and ref.year_hint is None:
            return None
        refs = pts or [date(ref.year_hint, 12, 31)]
        cands = []
        for r in refs:
            y = r.year if date(r.year, first, 1) <= r else r.year - 1
            if q == "last":
                y -= 1
            elif q == "next":
                y += 1
            lo = date(y, first, 1)
            hi = _month_end(*divmod_month(y, first + n - 1))
            cands.append((lo, hi))
        lo, hi = _cover(cands)
        return lo, hi, "relative", False
    if kind == "yrange":
        y1 = gd.get("y1") or gd.get("y1b") or gd.get("y1c")
        y2 = gd.get("y2") or gd.get("y2b") or gd.get("y2c")
        a = int(y1)
        b = int(y2) if len(y2) == 4 else int(y1[:2] + y2)
        if b < a or b - a > 60:
            return None
        return date(a, 1, 1), date(b, 12, 31), "range", True
    if kind == "ypart":
        y = int(gd["y"])
        key = _norm(gd["yp"])
        part = g.year_parts.get(key) or g.year_parts.get(key.rstrip("-")) or (1, 12)
        return date(y, part[0], 1), _month_end(y, part[1]), "absolute", True
    if kind == "decade":
        dec = int(gd["dec"])
        return date(dec, 1, 1), date(dec + 9, 12, 31), "absolute", True
    if kind == "year":
        y = int(gd["y"])
        return date(y, 1, 1), date(y, 12, 31), "absolute", True
    if kind == "ago":
        if not pts:
            return None
        n_txt = _norm(gd["n"])
        n = int(n_txt) if n_txt.isdigit() else g.numbers.get(n_txt, 1)
        vague = not n_txt.isdigit() and n_txt in ("a few", "few", "several", "a couple of")
        unit = gd["u"].lower().rstrip("s")
        if unit in ("day", "week") and pub_wide:
            return None, None, "relative", False
        cands = []
        for r in pts:
            if unit == "day":
                cands.append((r - timedelta(days=n + (2 if vague else 0)), r - timedelta(days=max(n - (1 if vague else 0), 0))))
            elif unit == "week":
                lo = r - timedelta(days=7 * n + (10 if vague else 3))
                hi = r - timedelta(days=max(7 * n - (10 if vague else 3), 0))
                cands.append((lo, hi))
            elif unit == "month":
                a = _shift_months(r, -n - (1 if vague else 0))
                b = _shift_months(r, -n + (1 if vague else 0))
                cands.append((a, _month_end(b.year, b.month)))
            else:
                cands.append((date(r.year - n - (1 if vague else 0), 1, 1), date(r.year - n + (1 if vague else 0), 12, 31)))
        lo, hi = _cover(cands)
        return lo, hi, "relative", False
    if kind == "rel":
        spec = g.relative.get(_norm(gd["rel"]))
        if spec is None:
            return None
        unit, off = spec.get("unit", "day"), int(spec.get("offset", 0))
        if unit == "day" and off == 0 and pts and ref.pub_lo and ref.pub_hi and (ref.pub_hi - ref.pub_lo).days <= 31:
            # "today", "at the time of writing": the publication date itself, as precise as it is known
            return ref.pub_lo, ref.pub_hi, "relative", False
        if unit in ("day", "week") and pub_wide:
            return None, None, "relative", False
        if not pts:
            return None
        cands = []
        for r in pts:
            if unit == "day":
                d = r + timedelta(days=off)
                cands.append((d, d))
            elif unit == "week":
                mon = r - timedelta(days=r.weekday()) + timedelta(days=7 * off)
                cands.append((mon, mon + timedelta(days=6)))
            elif unit == "month":
                a = _shift_months(r, off)
                cands.append((a, _month_end(a.year, a.month)))
            else:
                y = r.year + off
                hi = r if spec.get("until_published") else date(y, 12, 31)
                cands.append((date(y, 1, 1), hi))
        lo, hi = _cover(cands)
        return lo, hi, "relative", False
    if kind == "ana":
        off = g.anaphoric.get(_norm(gd["ana"]))
        if off is None or anchor is None:
            return None
        a, b = anchor
        if (b - a).days > 31:
            return None
        return a + timedelta(days=off), b + timedelta(days=off), "anaphoric", False
    if kind == "ana_n":
        return _counted_from(anchor, gd, g)
    if kind == "ana_later":
        if anchor is None:
            return None
        a, b = anchor
        unit = (gd.get("lu") or "").lower()
        if unit == "year":
            return a, date(b.year, 12, 31), "anaphoric", False
        if unit == "month":
            return a, _month_end(b.year, b.month), "anaphoric", False
        # after the previous time, up to the publication (its latest day; open when unknown)
        hi = ref.pub_hi if ref.pub_hi is not None and ref.pub_hi >= a else None
        return a, hi, "after", False
    if kind == "weekday":
        wd = gd["wd"].lower()
        pos = m.start("wd") - m.start()
        if not _cap_ok(surface[pos:pos + 1]):
            return None
        if pub_wide:
            return None, None, "weekday", False
        target = g.weekdays.index(wd)
        q = (gd.get("wq") or "").lower()
        cands = []
        for r in pts:
            delta = (r.weekday() - target) % 7
            if q == "next":
                d = r + timedelta(days=(target - r.weekday()) % 7 or 7)
            elif q == "last":
                d = r - timedelta(days=delta or 7)
            else:
                d = r - timedelta(days=delta)
            cands.append((d, d))
        lo, hi = _cover(cands)
        return lo, hi, "weekday", False
    return None


def divmod_month(y: int, m: int) -> tuple[int, int]:
    """(year, month) for a month number that may run past December."""
    yy, mm = divmod(m - 1, 12)
    return y + yy, mm + 1


def place_in_year(text: str, year: int, lex: Lexicon | None = None) -> tuple[date, date] | None:
    """Where a yearless expression ("on Sept. 10", "in June") falls in ``year``; None if it names no month."""
    # (after "on": a month and day opening a line would read as a dateline)
    found = [x for x in find_dates("on " + text, Reference(year_hint=year), lex) if x.kind == "partial" and x.lo is not None]
    return (found[0].lo, found[0].hi) if found else None


def _years_for_month(mo: int, pts: list[date], year_hint: int | None, day: int) -> list[int]:
    if pts:
        ys = []
        for r in pts:
            y = r.year if (mo, day) <= (r.month, r.day) or mo < r.month else r.year - 1
            ys.append(y)
        return sorted(set(ys))
    if year_hint is not None:
        return [year_hint]
    return []
