"""Reconcile extracted events with curated, sourced facts (the reference ledger).

This step uses knowledge from outside the article, and says so: every change
it makes is returned as a provenance record (written to ``reconciled.jsonl``
by ``foedus extract``), never applied silently. ``foedus extract
--no-reference`` switches it off.

Given the events extracted from one article, its publication interval and a
list of known facts (``KnownFact``: type, actor, target, date span, fact id,
sources):

a) **Event dates.** An event whose date is missing or vague (wider than a
   month) is compared with the known facts of the same type, actor and
   target whose date overlaps the event's interval and does not start after
   the publication's latest day. When exactly one fact fits, the event's date
   becomes the fact's date; with two or more candidates it is left alone.
   A weekday named in the event's date expression ("on Saturday") must be
   the weekday of a one-day fact. A fact the ledger marks as restating
   another (``restates``) is set aside when the original also fits: a
   mention refers to the restatement only when its own clue singles it out.
   When several facts fit, the one whose place (``place``/``places``) or
   whose instrument or operation (``instrument``/``operation``) the sentence
   names is taken, if it is the only one; failing that, the only one whose
   place, instrument or operation the article names anywhere. A fact marked ``named_only`` (the start
   of a war that goes on) is a candidate only when its words qualify the event's trigger (the
   ``trigger_context`` of the event, else its sentence). An event the article does not date at all
   that fits two or more facts is compared once more with the facts of the
   publication year and the year before (news recency, as in d): when exactly
   one of them fits, it is taken, and the record says why. When no fact of
   the event's own type fits, the facts of a related type (``RELATED_TYPES``:
   a request for assistance and a request for consultations, which wording
   seldom tells apart) are tried the same way, and the record names the type.
b) **Publication lower bound.** An event matched to exactly one fact
   (narrowed or not) is reported by the article as past, so the article was
   published on or after the fact's earliest day.
c) **Publication upper bound.** When the matched event was dated relative to
   the publication ("this week", "on Wednesday", "yesterday"), the article
   appeared within that many days after the fact. Otherwise, when the lower
   bound moved the interval and it is still wider than a month, the usual
   news-recency reading is used (published within a month of the latest
   happening it reports), as the text-only inference does.

d) **Undated events** (``assume_recent``): an event the article gives no
   temporal clue for, and no known fact dates, happened before publication
   and, by the usual reading of news, this year or last year. It gets that
   honest wide interval with an uncertain start (``2023?/2024-06-12``),
   never the publication date, and a record saying it is an assumption.
   When the article tells it as its news (in its lede, or anywhere in a
   tense that does not set it before the story's time: not "had accused",
   not "earlier demanded") it is the "news peg" (``news_peg``): the week
   before the publication, start uncertain (``2024-06-05?/2024-06-12``),
   again recorded as an assumption; only with a publication known to within
   a month. Annotators date such acts to the news of the days before
   publication; measured on the dev set and thirteen blind sets, the peg
   raised events F1 on seven and lowered it on none (docs/extraction.md).

The functions are pure: no file, no database; ``shipped_facts()`` reads the
ledgers shipped in ``foedus/data/ledger``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from foedus.extraction.dates import edtf_assumed_end, edtf_of, place_in_year, span_of_edtf

__all__ = ["KnownFact", "Reconciliation", "reconcile", "assume_recent", "recent_past", "news_peg", "facts_from_events",
           "with_countries_of_capitals", "shipped_facts", "VAGUE_DAYS"]

VAGUE_DAYS = 31          # an event date wider than this is "vague"
TITLE_MARGIN_DAYS = 366  # how long after leaving office a person may still be named by the title in the news
RECENCY_DAYS = 30        # news-recency reading: published within a month of the latest happening reported

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_RX = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.I)
# how many days after the happening the article can have appeared, by the relative expression used
_RELATIVE_TIES: tuple[tuple[re.Pattern, int], ...] = (
    (re.compile(r"^(?:today|tonight|this morning|this afternoon|this evening)$", re.I), 0),
    (re.compile(r"^yesterday$", re.I), 1),
    (re.compile(r"^(?:earlier |later )?this week$", re.I), 6),
    (re.compile(r"^last week$", re.I), 13),
    (re.compile(r"^last (?:" + "|".join(_WEEKDAYS) + r")\b", re.I), 13),
    (re.compile(r"^(?:on\s+)?(?:(?:later|earlier|late|early|this)\s+)?(?:" + "|".join(_WEEKDAYS) + r")\b", re.I), 6),
)


@dataclass(frozen=True)
class KnownFact:
    fact: str
    type: str
    actor: str
    target: str | None
    lo: date
    hi: date
    edtf: str
    sources: tuple[str, ...] = ()
    places: tuple[str, ...] = ()       # where it happened (the ledger's ``place``/``places`` attributes)
    restates: str | None = None        # the fact this one restates (the ledger's ``restates`` attribute)
    cues: tuple[str, ...] = ()         # words naming what it was (``instrument``/``operation``/``cues`` attributes)
    countries: tuple[str, ...] = ()    # names of the states whose capital is one of ``places``
    named_only: bool = False           # a start of something that goes on (an invasion): only when the sentence
                                       # names it by its cues, never for any later act of the same kind


@dataclass
class Reconciliation:
    events: list[dict]
    published: str | None
    published_how: str | None = None          # set when the publication interval changed
    records: list[dict] = field(default_factory=list)


def facts_from_events(events) -> list[KnownFact]:
    """Domain ``Event``s (reports) -> one ``KnownFact`` per fact key, its date covering every report."""
    by_key: dict[tuple, dict] = {}
    for e in events:
        if e.date is None or e.date.earliest is None or e.date.latest is None:
            continue
        key = (e.fact_key, e.type, e.actor, e.target)
        d = by_key.setdefault(key, {"lo": e.date.earliest, "hi": e.date.latest, "sources": [], "places": [],
                                    "restates": None, "cues": [], "named_only": False})
        attrs = e.attributes or {}
        if isinstance(attrs.get("restates"), str):
            d["restates"] = attrs["restates"]
        d["named_only"] = d["named_only"] or attrs.get("named_only") is True
        for w in _cue_words(attrs):
            if w not in d["cues"]:
                d["cues"].append(w)
        for pl in ([attrs["place"]] if isinstance(attrs.get("place"), str) else []) + list(attrs.get("places") or ()):
            if isinstance(pl, str) and pl not in d["places"]:
                d["places"].append(pl)
        d["lo"], d["hi"] = min(d["lo"], e.date.earliest), max(d["hi"], e.date.latest)
        for ev in e.evidence:
            src = ev.url or ev.outlet or ev.document_id
            if src and src not in d["sources"]:
                d["sources"].append(src)
    return [KnownFact(k[0], k[1], k[2], k[3], d["lo"], d["hi"], edtf_of(d["lo"], d["hi"]), tuple(d["sources"]),
                      tuple(d["places"]), d["restates"], tuple(d["cues"]), (), d["named_only"])
            for k, d in by_key.items()]


# words too common in treaty news to single out one instrument ("the treaty", "an agreement")
_GENERIC_CUES = frozenset({"treaty", "agreement", "protocol", "document", "accord", "declaration"})


def _cue_words(attrs: dict) -> list[str]:
    """``instrument: confederation-treaty-2024``, ``operation: Eagle Assist``, ``cues: [...]`` -> distinctive words
    to find in a sentence."""
    out = []
    for key in ("instrument", "operation"):
        v = attrs.get(key)
        if isinstance(v, str):
            out += [w for w in re.split(r"[-_\s]+", v.lower())
                    if len(w) > 3 and not w.isdigit() and w not in _GENERIC_CUES]
    # ``cues: [invasion, full-scale war]``: words or phrases, as written
    out += [c.lower() for c in attrs.get("cues") or () if isinstance(c, str)]
    return out


def with_countries_of_capitals(facts: list[KnownFact], capitals: dict[str, list[str]]) -> list[KnownFact]:
    """A fact held in a capital is also placed by the country's names ("the summit in Kazakhstan" is the one
    in Astana), when the sentence uses it as a place ("in …"), not as an actor. ``capitals``: capital -> names
    of its state (from the actor registry)."""
    out = []
    for f in facts:
        extra = [n for pl in f.places for n in capitals.get(pl, ())]
        out.append(replace(f, countries=tuple(dict.fromkeys(extra))) if extra else f)
    return out


@lru_cache(maxsize=1)
def _shipped() -> tuple[KnownFact, ...]:
    from foedus.services.load import read_data
    data = read_data()
    capitals: dict[str, list[str]] = {}
    for a in data.registry.actors:
        if a.kind == "state":
            for c in a.capitals:
                capitals.setdefault(c, []).extend([a.name, *a.aliases])
    return tuple(with_countries_of_capitals(facts_from_events([e for lg in data.ledgers for e in lg.events]), capitals))


def shipped_facts() -> list[KnownFact]:
    """The facts of the reference ledgers shipped with foedus (read once per process)."""
    return list(_shipped())


def _span(edtf: str | None) -> tuple[date, date] | None:
    if not edtf:
        return None
    try:
        return span_of_edtf(edtf)
    except Exception:
        return None


def _own_span(ev: dict) -> tuple[date, date] | None:
    """The event's date span, when the article gives it for this event (a date carried over from an earlier
    sentence of the narrative is weaker than a known fact, and counts as none)."""
    return None if ev.get("date_inherited") else _span(ev.get("date"))


def _candidates(ev: dict, facts: list[KnownFact], pub_hi: date | None) -> list[KnownFact]:
    span = _own_span(ev)
    weekday = None
    m = _WEEKDAY_RX.search(ev.get("date_text") or "")
    if m:
        weekday = _WEEKDAYS.index(m.group(1).lower())
    out = []
    for f in facts:
        if (f.type, f.actor, f.target) != (ev.get("type"), ev.get("actor"), ev.get("target")):
            continue
        if pub_hi is not None and f.lo > pub_hi:
            continue
        if span is not None and not ((span[1] is None or f.lo <= span[1]) and (span[0] is None or span[0] <= f.hi)):
            continue
        if weekday is not None and f.lo == f.hi and f.lo.weekday() != weekday:
            continue        # (a fact known only to the month cannot be checked against a weekday)
        if span is None and ev.get("date_kind") == "partial" and not _in_fact_year(ev.get("date_text") or "", f):
            continue
        if f.named_only and not _cues_named(f, (ev.get("trigger_context") or ev.get("evidence") or "").lower()):
            # the words must qualify the trigger itself ("Russia's full-scale invasion"), not another phrase
            # of the sentence ("during the full-scale war … amid a mass aerial attack")
            continue
        out.append(f)
    return out


# When no known fact of the type an event was read as fits, one of a related type may: "Armenia sent an official
# request to the CSTO" may be the request for consultations the ledger holds, or the request for assistance.
RELATED_TYPES: dict[str, tuple[str, ...]] = {
    "request_assistance": ("request_consultations",),
    "request_consultations": ("request_assistance",),
}

_ANNOUNCING = frozenset({"announce_withdrawal", "notify_withdrawal"})
ANNOUNCED_WITHIN_DAYS = 366     # an announced or notified exit takes effect within a year (notice periods, terms)


def _announced_before_exit(ev: dict, facts: list[KnownFact], pub_hi: date | None):
    """"On February 22, Shevardnadze announced that Georgia will not extend its membership": a yearless date of
    an announced exit, read in the one year that puts it within a year before the state's known exit from the
    same alliance. Returns ((lo, hi), fact) or None."""
    if ev.get("type") not in _ANNOUNCING or ev.get("date_kind") != "partial" or _own_span(ev) is not None:
        return None
    text = ev.get("date_text") or ""
    found = []
    for f in facts:
        if (f.type, f.actor, f.target) != ("withdraw", ev.get("actor"), ev.get("target")):
            continue
        if pub_hi is not None and f.lo > pub_hi + timedelta(days=ANNOUNCED_WITHIN_DAYS):
            continue
        for year in (f.hi.year, f.hi.year - 1):
            placed = place_in_year(text, year)
            if placed is not None and placed[1] <= f.hi and (f.lo - placed[0]).days <= ANNOUNCED_WITHIN_DAYS \
                    and (pub_hi is None or placed[1] <= pub_hi):
                found.append((placed, f))
                break
    return found[0] if len(found) == 1 else None


def _in_fact_year(text: str, f: KnownFact) -> bool:
    """Does a yearless date ("on Sept. 10", "in June") fall on the fact when read in the fact's year?"""
    placed = place_in_year(text, f.lo.year)
    return placed is None or (placed[0] <= f.hi and f.lo <= placed[1])


_MEETING_WORDS = r"(?:summit|meeting|session|talks|conference|gathering|council)"


def _held_elsewhere(f: KnownFact, sentence: str, place_names: frozenset[str]) -> bool:
    """Does the sentence name a meeting place ("the Moscow meeting", "the summit in Minsk") that is none of the
    fact's places (or their countries)?"""
    if not f.places or not place_names:
        return False
    low = sentence.lower()
    own = {p.lower() for p in (*f.places, *f.countries)}
    for pl in place_names:
        if pl in own or pl not in low:
            continue
        q = re.escape(pl)
        if re.search(rf"\b(?:the |an? )?{q}(?:'s|’s)? (?:[\w-]+ ){{0,2}}?{_MEETING_WORDS}\b", low) or \
                re.search(rf"\b{_MEETING_WORDS}s?\b[^.;]{{0,40}}?\b(?:in|at) {q}\b", low):
            return True
    return False


_THE_MEETING = re.compile(r"\b[Tt]he (?:[\w-]+ ){0,2}?" + _MEETING_WORDS + r"\b(?! (?:in|at|of) [A-Z])")


def _the_meeting_held_elsewhere(f: KnownFact, evidence: str, article_text: str, place_names: frozenset[str]) -> bool:
    """"… missed the summit as well": a meeting named only as "the summit" is the one the article places ("the
    informal summit in Bishkek"). A fact held elsewhere, at a place the article never names, is another one."""
    if not f.places or not article_text or not _THE_MEETING.search(evidence):
        return False
    whole = article_text.lower()
    if _places_named(f, whole):
        return False
    return _held_elsewhere(f, whole, place_names)


def _places_named(f: KnownFact, text: str) -> list[str]:
    """The fact's places the (lower-cased) sentence names: the place itself, or its country after "in"/"at"."""
    found = [pl for pl in f.places if re.search(r"\b" + re.escape(pl.lower()) + r"\b", text)]
    found += [c for c in f.countries if re.search(r"\b(?:in|at)\s+(?:the\s+)?" + re.escape(c.lower()) + r"\b", text)]
    return found


def _cues_named(f: KnownFact, text: str) -> list[str]:
    """The fact's instrument/operation words the (lower-cased) sentence names."""
    return [w for w in f.cues if re.search(r"\b" + re.escape(w) + r"\b", text)]


# in turn, until one singles out a fact: (how the record says it, the fact's names found in sentence/article)
_TIE_BREAKS = (
    ("at a place the sentence names", lambda f, sentence, whole: _places_named(f, sentence)),
    ("the sentence names", lambda f, sentence, whole: _cues_named(f, sentence)),
    ("at a place the article names", lambda f, sentence, whole: _places_named(f, whole) if whole else []),
    ("the article names", lambda f, sentence, whole: _cues_named(f, whole) if whole else []),
)


_THIS_MONTH = re.compile(r"^(?:earlier |later |early |late )?this month$", re.I)
_THIS_YEAR = re.compile(r"^(?:earlier |later |early |late )?this year$", re.I)


def _tie_end(ev: dict, f: KnownFact) -> date | None:
    """"earlier this month"/"this year" said of a known fact: the article appeared before that month or year
    ended."""
    if ev.get("date_kind") != "relative":
        return None
    text = (ev.get("date_text") or "").strip()
    if _THIS_MONTH.match(text):
        nxt = date(f.hi.year + (f.hi.month == 12), f.hi.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    if _THIS_YEAR.match(text):
        return date(f.hi.year, 12, 31)
    return None


def _tie_days(ev: dict) -> int | None:
    if ev.get("date_kind") not in ("weekday", "relative"):
        return None
    text = (ev.get("date_text") or "").strip().lower()
    for rx, days in _RELATIVE_TIES:
        if rx.search(text):
            return days
    return None


def reconcile(events: list[dict], published: str | None, facts: list[KnownFact], *,
              published_given: bool = False, article_text: str | None = None,
              place_names: frozenset[str] = frozenset(), not_after: date | None = None,
              dateline_day: tuple[int, int] | None = None, today: date | None = None) -> Reconciliation:
    """Narrow vague event dates with uniquely matching known facts; bound the publication date with them.

    ``events`` are dicts with ``type``, ``actor``, ``target``, ``date`` (EDTF or None) and optionally
    ``date_kind``/``date_text`` (the time expression the date came from). They are copied, not changed.
    ``published_given``: the user gave the publication date; it is then never changed.
    ``article_text``: the whole article; when no sentence-level clue separates several facts, the only one whose
    place the article names elsewhere ("… to suspend Mali. The summit in Accra …") is taken.
    ``not_after``: when the people the article names by their present titles had all left office; of several
    facts, the only one before it is taken (a deposed leader may keep his title in the news, so it is no hard
    bound).
    ``place_names``: the places (capitals) the registry knows; a fact held elsewhere than the meeting place the
    sentence names ("declined to attend the Moscow meeting" against a summit in Astana) is not the one meant.
    ``dateline_day``: (month, day) of a dateline without a year ("June 13, Pozirk."): when a known fact moves the
    publication, the dateline's day in the first year that puts it on or after the fact is the publication
    (marked uncertain: the year is that assumption), unless that day is after ``today``.
    """
    pub = _span(published)
    # an end that rests on the news-recency assumption ("2023-08/2023-09?") does not rule a known fact out:
    # the fact, reported as past, moves the publication instead
    assumed_end = bool(published) and published.rstrip().endswith("?") and "/" in published
    pub_hi = pub[1] if pub and not assumed_end and pub[1] is not None else None
    out, records = [], []
    floor: tuple[date, KnownFact, dict] | None = None
    ceiling: tuple[date, KnownFact, dict] | None = None
    for ev in events:
        ev = dict(ev)

        def fitting(as_type: str) -> list[KnownFact]:
            probe = ev if as_type == ev.get("type") else {**ev, "type": as_type}
            return [f for f in _candidates(probe, facts, pub_hi)
                    if not _held_elsewhere(f, ev.get("evidence") or "", place_names)
                    and not _the_meeting_held_elsewhere(f, ev.get("evidence") or "", article_text or "", place_names)]

        cands = fitting(ev.get("type"))
        related = None
        for other in () if cands else RELATED_TYPES.get(ev.get("type"), ()):
            cands = fitting(other)
            if cands:
                related = other
                break
        if not_after is not None:
            # long after everyone the article names by a present title had left office, the article was not
            # written (a deposed leader may keep his title in the news for a while: a year's margin)
            cands = [f for f in cands if f.lo <= not_after + timedelta(days=TITLE_MARGIN_DAYS)]
        span = _own_span(ev)
        vague = span is None or None in span or (span[1] - span[0]).days + 1 > VAGUE_DAYS
        if not cands:
            announced = _announced_before_exit(ev, facts, pub_hi)
            if announced is not None:
                placed, f = announced
                why = (f"a date without a year, read in the year that puts it last before the known exit it "
                       f"announced ({f.fact}, {f.edtf}): an announced exit comes before the exit")
                records.append({"doc": ev.get("doc"), "what": "event_date", "type": ev.get("type"),
                                "actor": ev.get("actor"), "target": ev.get("target"),
                                "evidence": ev.get("evidence"), "date_before": ev.get("date"),
                                "date_after": edtf_of(*placed), "fact": f.fact, "fact_date": f.edtf,
                                "sources": list(f.sources), "why": why})
                ev["date"] = edtf_of(*placed)
                ev["reconciled"] = f.fact
                if floor is None or placed[0] > floor[0]:
                    floor = (placed[0], f, ev)
                out.append(ev)
                continue
        if ev.get("date_kind") == "since":
            # an aggregate statement ("has not attended … since November 2023") covers several happenings:
            # it is never narrowed to one of them, nor used to bound the publication
            out.append(ev)
            continue
        why = ("the only known fact of this type, actor and target compatible with the article's date and "
               "publication")
        if len(cands) > 1:
            # a restatement ("frozen at all levels", said again months later) is what an undated mention refers
            # to only when the article's own clue (a weekday, a date) picks it out: otherwise the original act
            ids = {f.fact for f in cands}
            originals = [f for f in cands if f.restates not in ids]
            if len(originals) < len(cands):
                why = ("the only known fact of this type, actor and target compatible with the article's date and "
                       "publication, other than later restatements of it")
                cands = originals
        if len(cands) > 1:
            # several fit, but the sentence (or else the article) names exactly one of them: its place ("the summit
            # in Minsk") or what it was ("signed a charter" against a later confederation treaty)
            sentence = (ev.get("evidence") or "").lower()
            whole = (article_text or "").lower()
            for label, names in _TIE_BREAKS:
                hits = [(f, n) for f in cands for n in [names(f, sentence, whole)] if n]
                if len(hits) == 1:
                    why = (f"of the {len(cands)} known facts of this type, actor and target, the only one {label} "
                           f"({', '.join(hits[0][1])})")
                    cands = [hits[0][0]]
                    break
        if len(cands) > 1 and not_after is not None:
            during = [f for f in cands if f.lo <= not_after]
            if len(during) == 1:
                why = (f"of the {len(cands)} known facts of this type, actor and target, the only one from while the "
                       f"people the article names by their titles held office (to {not_after.isoformat()})")
                cands = during
        if len(cands) > 1 and span is None and pub is not None and pub[0] is not None and pub[1] is not None:
            recent = [f for f in cands if f.hi >= _recent_start(pub[0]) and f.lo <= pub[1]]
            if len(recent) == 1:
                why = (f"the article gives no date; of the {len(cands)} known facts of this type, actor and target, "
                       "the only one of the publication year or the year before (news recency)")
                cands = recent
        if related is not None:
            why += (f" (a known fact of the related type {related}: no fact of the type read matches, and an "
                    "article's wording seldom tells the two apart)")
        if len(cands) == 1:
            f = cands[0]
            if vague and ev.get("date") != f.edtf:
                records.append({"doc": ev.get("doc"), "what": "event_date", "type": ev.get("type"),
                                "actor": ev.get("actor"), "target": ev.get("target"),
                                "evidence": ev.get("evidence"), "date_before": ev.get("date"),
                                "date_after": f.edtf, "fact": f.fact, "fact_date": f.edtf,
                                "sources": list(f.sources), "why": why})
                ev["date"] = f.edtf
                ev["reconciled"] = f.fact
            if floor is None or f.lo > floor[0]:
                floor = (f.lo, f, ev)
            tie = _tie_days(ev)
            c = f.hi + timedelta(days=tie) if tie is not None else _tie_end(ev, f)
            if c is not None and (ceiling is None or c < ceiling[0]):
                ceiling = (c, f, ev)
        elif len(cands) > 1 and vague:
            records.append({"doc": ev.get("doc"), "what": "ambiguous", "type": ev.get("type"),
                            "actor": ev.get("actor"), "target": ev.get("target"), "evidence": ev.get("evidence"),
                            "date_before": ev.get("date"), "date_after": ev.get("date"),
                            "candidates": [c.fact for c in cands],
                            "why": f"{len(cands)} known facts fit; the date is left as extracted"})
        out.append(ev)
    records += _share_resolved_times(out)
    res = Reconciliation(out, published, None, records)
    if published_given or floor is None:
        return res
    lo, hi = pub if pub else (None, None)
    if assumed_end and hi is not None and floor[0] > hi:
        hi = None                      # the assumed end is contradicted by a known fact the article reports
    new_lo = floor[0] if lo is None or floor[0] > lo else lo
    new_hi = hi
    if dateline_day is not None and (lo is None or floor[0] > lo):
        day = _first_day_on_or_after(dateline_day, floor[0])
        if day is not None and (today is None or day <= today) and (hi is None or assumed_end or day <= hi):
            res.published = f"{day.isoformat()}?"
            res.published_how = (f"the dateline's day without a year, in the first year that puts it on or after "
                                 f"{floor[0].isoformat()} (known fact {floor[1].fact}, reported as past; the year "
                                 "assumes news recency, marked '?')")
            res.records.append({"doc": out[0].get("doc") if out else None, "what": "published",
                                "date_before": published, "date_after": res.published, "fact": floor[1].fact,
                                "fact_date": floor[1].edtf, "sources": list(floor[1].sources),
                                "why": res.published_how})
            return res
    why = []
    if lo is None or floor[0] > lo:
        why.append(f"not before {floor[0].isoformat()} (known fact {floor[1].fact}, reported as past)")
    if ceiling is not None and ceiling[0] >= new_lo and (new_hi is None or ceiling[0] < new_hi):
        new_hi = ceiling[0]
        why.append(f"within {(ceiling[0] - ceiling[1].hi).days} days after known fact {ceiling[1].fact} "
                   f"(dated {ceiling[2].get('date_text')!r} relative to the publication)")
    elif (lo is None or floor[0] > lo) and (new_hi is None or (new_hi - new_lo).days + 1 > VAGUE_DAYS):
        new_hi = new_lo + timedelta(days=RECENCY_DAYS) if new_hi is None else min(new_hi, new_lo + timedelta(days=RECENCY_DAYS))
        why.append("published within a month of the latest happening reported (news recency)")
    if new_hi is not None and new_hi < new_lo:
        res.records.append({"doc": out[0].get("doc") if out else None, "what": "published_conflict",
                            "published": published, "fact": floor[1].fact, "fact_date": floor[1].edtf,
                            "why": "a matched known fact is later than the inferred publication interval; kept as inferred"})
        return res
    if not why:  # the known facts moved neither end: keep the inferred string (and its qualifiers) as it is
        return res
    assumed = why[-1].startswith("published within a month")
    new = edtf_assumed_end(new_lo, new_hi) if assumed and new_hi is not None else edtf_of(new_lo, new_hi)
    if new != published:
        res.published = new
        res.published_how = "; ".join(why)
        res.records.append({"doc": out[0].get("doc") if out else None, "what": "published",
                            "date_before": published, "date_after": new, "fact": floor[1].fact,
                            "fact_date": floor[1].edtf, "sources": list(floor[1].sources), "why": res.published_how})
    return res


def _first_day_on_or_after(month_day: tuple[int, int], floor: date) -> date | None:
    """The first (month, day) on or after ``floor`` (a 29 February only in a leap year; None after eight years)."""
    month, day = month_day
    for year in range(floor.year, floor.year + 9):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d >= floor:
            return d
    return None


def _share_resolved_times(events: list[dict]) -> list[dict]:
    """A time expression that a known fact placed ("released a joint statement Sunday", the withdrawal of
    28 Jan 2024) places every other event dated by the same expression ("… The joint statement accused ECOWAS
    …"), when all the facts it was matched with agree. The events are changed in place; returns the records."""
    placed: dict[int, set[tuple[str, str]]] = {}
    for ev in events:
        if ev.get("reconciled") and ev.get("date_at") is not None:
            placed.setdefault(ev["date_at"], set()).add((ev["date"], ev["reconciled"]))
    records = []
    for ev in events:
        at = ev.get("date_at")
        if ev.get("reconciled") or at not in placed or len({d for d, _ in placed[at]}) != 1 \
                or ev.get("date_kind") == "since":
            continue
        span = _own_span(ev)
        new = next(iter(placed[at]))[0]
        fact = min(f for _, f in placed[at])
        if span is not None and None not in span and (span[1] - span[0]).days + 1 <= VAGUE_DAYS:
            continue
        records.append({"doc": ev.get("doc"), "what": "event_date", "type": ev.get("type"),
                        "actor": ev.get("actor"), "target": ev.get("target"), "evidence": ev.get("evidence"),
                        "date_before": ev.get("date"), "date_after": new, "fact": fact, "fact_date": new,
                        "why": f"dated by the same expression ({ev.get('date_text')!r}) as an event that known "
                               f"fact {fact} placed"})
        ev["date"] = new
    return records


def _recent_start(pub_lo: date) -> date:
    """News recency: an undated past happening is from the publication year or the year before."""
    return date(pub_lo.year - 1, 1, 1)


def recent_past(published: str | None) -> str | None:
    """The interval an undated past happening is given: the year before the (earliest) publication year,
    start uncertain because it is an assumption, to the latest publication day; None without a publication date."""
    pub = _span(published)
    if pub is None or pub[0] is None or pub[1] is None:
        return None
    end = pub[1].isoformat() + ("?" if published.rstrip().endswith("?") else "")
    return f"{_recent_start(pub[0]).year:04d}?/{end}"


NEWS_PEG_DAYS = 7       # the news an article reports happened within this many days before publication


def news_peg(published: str | None) -> str | None:
    """The interval of the happening an article's lede (headline, standfirst, first paragraph) reports without a
    date: the week before the (earliest) publication day to the latest, start uncertain because it is an
    assumption (the news peg); None without a publication date known to within a month."""
    pub = _span(published)
    if pub is None or pub[0] is None or pub[1] is None or (pub[1] - pub[0]).days + 1 > VAGUE_DAYS:
        return None
    start = pub[0] - timedelta(days=NEWS_PEG_DAYS)
    end = pub[1].isoformat() + ("?" if published.rstrip().endswith("?") else "")
    return f"{start.isoformat()}?/{end}"


def assume_recent(events: list[dict], published: str | None,
                  news: list[bool] | None = None) -> tuple[list[dict], list[dict]]:
    """Undated events get ``recent_past(published)``, or ``news_peg(published)`` when ``news`` says the article
    tells them as its news (in its lede, or not set before the story's time); returns the events (copies) and one
    record per change."""
    interval, peg = recent_past(published), news_peg(published)
    out, records = [], []
    for i, ev in enumerate(events):
        ev = dict(ev)
        if ev.get("date") is None and interval is not None:
            as_news = bool(news and news[i]) and peg is not None
            ev["date"] = peg if as_news else interval
            why = ("no temporal clue in the article and no known fact; told as the article's news (in its lede, or "
                   f"not set before the story's time): assumed to be of the {NEWS_PEG_DAYS} days before publication "
                   "(news peg)") if as_news \
                else ("no temporal clue in the article and no known fact, and told as before the story's time: "
                      "before publication, assumed this year or last year (news recency)")
            records.append({"doc": ev.get("doc"), "what": "event_date_assumed", "type": ev.get("type"),
                            "actor": ev.get("actor"), "target": ev.get("target"), "evidence": ev.get("evidence"),
                            "date_before": None, "date_after": ev["date"], "why": why})
        out.append(ev)
    return out, records
