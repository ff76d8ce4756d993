"""Articles in, events, quotes and claims out: one spaCy pass per article.

    extractor = Extractor()                 # loads spaCy and the registry once
    for result in extractor.extract(articles):
        result.events, result.quotes, result.claims, result.doc_record

No file or database is touched here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Iterator

from foedus.domain.dates import InvalidDate, parse_edtf
from foedus.extraction.actors import Gazetteer
from foedus.extraction.clauses import in_main_clause
from foedus.extraction.dates import Reference, TimeExpr, find_dateline, find_dates
from foedus.extraction.discourse import DocContext
from foedus.extraction.events import EventFinder, Found
from foedus.extraction.lexicon import Lexicon, lexicon
from foedus.extraction.quotes import Quote, QuoteFinder
from foedus.sources.boilerplate import nlp_view, segment
from foedus.sources.metadata import apply_inference, dateline_of, latest_day_in_year, place_credit_end, role_window
from foedus.sources.model import Article

__all__ = ["Extractor", "DocResult", "prepare"]

_PRONOUN_START = ("he ", "she ", "they ", "it ", "his ", "her ", "their ", "its ")


@dataclass
class DocResult:
    article: Article
    events: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    reconciled: list[dict] = field(default_factory=list)   # what the reference step changed, with provenance
    event_date_facts: list = field(default_factory=list)  # per event: the reference fact its date came from, or None
    found_events: list[Found] = field(default_factory=list)
    found_quotes: list[Quote] = field(default_factory=list)
    error: str | None = None          # the article could not be analysed (a bug): nothing else is set

    @property
    def doc_record(self) -> dict:
        a = self.article
        return {"doc": a.doc_id, "outlet": a.outlet, "published": a.published, "language": a.language}


def prepare(article: Article, lex: Lexicon | None = None) -> Article:
    """Paragraphs, languages and inferred metadata (pure; no NLP model needed)."""
    lex = lex or lexicon()
    if not article.paragraphs:
        article.paragraphs = segment(article.text, lex)
    return apply_inference(article, lex)


_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_TRIGGER_CONTEXT = 30    # characters before a trigger that still qualify it ("Russia's full-scale invasion")


def article_view(article: Article, lex: Lexicon | None = None) -> str:
    """What the NLP pipeline reads (``nlp_view``), with the dateline or agency credit that opens the story blanked:
    "Independence, Missouri; 12 March 1999 (RFE/RL) - The Czech Republic …" is parsed from "The Czech Republic"."""
    # a typographic apostrophe inside a word ("the country’s", "don’t") as the parser was trained on it (same length)
    view = _APOSTROPHE.sub("'", nlp_view(article.text, article.paragraphs))
    for p in [p for p in article.paragraphs if p.kind in ("body", "title", "heading")][:4]:
        dl = find_dateline(article.text, lex, p.start, min(p.end, p.start + 160))
        if dl is not None and dl.end < p.end:
            return view[:dl.start] + " " * (dl.end - dl.start) + view[dl.end:]
        end = place_credit_end(article.text, p.start, p.end)       # "MOSCOW (RFE/RL) — Prime Minister …"
        if end is not None and end < p.end:
            return view[:p.start] + " " * (end - p.start) + view[end:]
    return view


def _pub_reference(published: str | None) -> Reference:
    if not published:
        return Reference()
    try:
        span = parse_edtf(published)
    except InvalidDate:
        return Reference()
    lo, hi = span.earliest, span.latest
    if lo is not None and hi is not None and (hi - lo).days > 400:
        return Reference(year_hint=hi.year)
    return Reference(lo, hi)


class Extractor:
    """``facts``: known facts (``reconcile.KnownFact``) to reconcile events and publication dates with;
    ``None`` (the default) switches the reference step off; ``"shipped"`` uses foedus's own ledgers."""

    def __init__(self, registry=None, lex: Lexicon | None = None, nlp=None, batch_size: int = 16, facts=None):
        from foedus.registry.load import default_registry
        if facts == "shipped":
            from foedus.extraction.reconcile import shipped_facts
            facts = shipped_facts()
        self.facts = facts
        self.lex = lex or lexicon()
        self.registry = registry or default_registry()
        self.gaz = Gazetteer(self.registry, self.lex)
        if nlp is None:
            from foedus.extraction.nlp import build_nlp
            nlp = build_nlp(self.gaz)
        self.nlp = nlp
        self.batch_size = batch_size

    def extract(self, articles: Iterable[Article]) -> Iterator[DocResult]:
        failed: dict[int, str] = {}

        def stream():
            for a in articles:
                try:
                    prepare(a, self.lex)
                except Exception as exc:  # a bug in metadata inference must not stop the batch either
                    failed[id(a)] = f"extraction failed: {type(exc).__name__}: {exc}"
                    yield "", a
                    continue
                yield article_view(a, self.lex), a
        for doc, article in self.nlp.pipe(stream(), as_tuples=True, batch_size=self.batch_size):
            if id(article) in failed:
                yield DocResult(article, error=failed.pop(id(article)))
                continue
            try:
                yield self.analyse_reconciled(article, doc)
            except Exception as exc:  # one article must not stop a batch; the caller reports it
                yield DocResult(article, error=f"extraction failed: {type(exc).__name__}: {exc}")

    def extract_one(self, article: Article) -> DocResult:
        return next(iter(self.extract([article])))

    # ------------------------------------------------------------------------------------
    def analyse_reconciled(self, article: Article, doc) -> DocResult:
        """``analyse``, then (with known facts) reconciliation; a narrowed publication date is analysed again."""
        from foedus.extraction.reconcile import reconcile
        res = self.analyse(article, doc)
        if self.facts is None:
            return _assume_recent(res, self.lex)
        if article.reported:
            # a look-back column: the facts are matched against the day it tells of, which is known
            rec = reconcile(_with_date_expr(res), article.reported, self.facts, published_given=True,
                            article_text=article.text, place_names=self.gaz.place_names)
            return self._with_reconciled(res, rec, [], self.lex)
        given = "published" in article.given and bool(article.published)
        not_after = None
        if not given:
            # the people the article names by their present titles: when they had all left office (if they have)
            window = role_window(article.text, self.lex, date.today())
            not_after = window[0][1] if window is not None and window[0][1] < date.today() else None
        dl = None if given else dateline_of(article, self.lex)
        dateline_day = (dl.month, dl.day) if dl is not None and dl.year is None else None
        rec = reconcile(_with_date_expr(res), article.published, self.facts, published_given=given,
                        article_text=article.text, place_names=self.gaz.place_names, not_after=not_after,
                        dateline_day=dateline_day, today=date.today())
        if not given and rec.published != article.published:
            _after_the_latest_yearless_day(rec, article, self.lex)
        records = []
        for round_ in range(2):
            # a new publication date can resolve expressions the first reading could not ("earlier this
            # month"), which may narrow it once more (never widen it)
            if rec.published == article.published or (round_ and not _narrower(rec.published, article.published)):
                break
            records += [r for r in rec.records if r["what"] == "published"]
            before = article.inferred.get("published")
            article.published = rec.published
            article.inferred["published"] = f"{before}; reconciled with the reference ledger: {rec.published_how}"
            res = self.analyse(article, doc)
            rec = reconcile(_with_date_expr(res), article.published, self.facts, published_given=given or round_ == 1,
                            article_text=article.text, place_names=self.gaz.place_names, not_after=not_after)
        if rec.published != article.published:
            rec = reconcile(_with_date_expr(res), article.published, self.facts, published_given=True,
                            article_text=article.text, place_names=self.gaz.place_names, not_after=not_after)
        return self._with_reconciled(res, rec, records, self.lex)

    @staticmethod
    def _with_reconciled(res: DocResult, rec, records: list, lex: Lexicon) -> DocResult:
        for ev, out in zip(res.events, rec.events):
            ev["date"] = out["date"]
        # which reference fact gave each event its date (None: the text did), kept out of events.jsonl
        res.event_date_facts = [out.get("reconciled") for out in rec.events]
        res.reconciled = records + rec.records
        _drop_repeats(res)
        return _assume_recent(res, lex)

    def analyse(self, article: Article, doc) -> DocResult:
        ref = _pub_reference(article.reported or article.published)
        day = ref.pub_lo or ref.pub_hi
        ctx = DocContext(article, doc, self.gaz, self.lex, day)
        qf = QuoteFinder(ctx)
        ef = EventFinder(ctx)
        narrative: TimeExpr | None = None
        narrative_para = None
        narrative_nouns: set[str] = set()
        body_ordinal: dict[int, int] = {}
        lede_para = None     # the first body paragraph that is prose (not a date line or a byline)
        for i, p in enumerate(article.paragraphs):
            if p.kind == "body":
                body_ordinal[i] = len(body_ordinal)
                if lede_para is None and len(_WORD.findall(article.text[p.start:p.end])) >= 12:
                    lede_para = i
        prev_sent = None
        for si, sent in enumerate(ctx.sents):
            if sent.text.strip() == "":
                continue
            # the paragraph of the sentence's first visible character (a blanked byline before it is not it)
            first = sent.start_char + len(sent.text) - len(sent.text.lstrip())
            pi, para = ctx.paragraph_of(first)
            if para is None or para.kind not in ("body", "title", "heading") or first >= para.end:
                continue
            if para.kind in ("heading", "title") and not _sentence_like(sent):
                continue
            r = Reference(ref.pub_lo, ref.pub_hi, ref.year_hint, (narrative.lo, narrative.hi) if narrative and narrative.lo else None)
            dates = find_dates(ctx.view, r, self.lex, sent.start_char, sent.end_char, original=article.text)
            # quotes first: they move who "he" is
            qf.direct_in_sentence(sent, si)
            qf.indirect_in_sentence(sent, si, prev_sent)
            if para.kind in ("body", "heading", "title"):
                inherit = None
                if narrative is not None:
                    low = sent.text.lstrip(" “\"«-–—").lower()
                    same = narrative_para == pi
                    previous = narrative_para is not None and body_ordinal.get(pi, -9) - body_ordinal.get(narrative_para, -99) == 1
                    if same or (previous and (low.startswith(_PRONOUN_START) or ctx.region_at(sent.start_char + 1)
                                              or _names_again(sent, narrative_nouns))):
                        inherit = narrative
                if para.kind in ("heading", "title") and ref.pub_lo is not None and ref.pub_hi is not None \
                        and (ref.pub_hi - ref.pub_lo).days < 31:
                    # a headline or standfirst reports the news of the day it is published
                    inherit = TimeExpr(first, first, "(publication)", "publication", ref.pub_lo, ref.pub_hi)
                here = [q for q in qf.quotes if sent.start_char - 2000 <= q.start < sent.end_char]
                n_before = len(ef.events)
                ef.sentence(sent, dates, inherit, here)
                for f in ef.events[n_before:]:
                    f.lede = para.kind in ("heading", "title") or pi == lede_para
                    f.told_earlier = _told_as_earlier(sent, f)
            # the time the narrative is at: a dated main clause, or a weekday the publication date cannot resolve
            # yet ("at a press conference on Saturday"), which the reference ledger may place (see reconcile)
            usable = [x for x in dates if not x.future and x.kind != "since"
                      and ((x.lo is not None and x.width <= 400) or (x.lo is None and x.kind == "weekday"))
                      and in_main_clause(doc, x)]
            if usable:
                narrative = usable[-1]
                narrative_para = pi
                narrative_nouns = {t.lemma_.lower() for t in sent if t.pos_ == "NOUN"}
            ctx.update_salience(sent, si)
            prev_sent = sent
        res = DocResult(article)
        res.found_events = _dedup(ef.events, ref.pub_lo)
        for q in qf.quotes:
            # a statement never starts inside what the view blanked (a dateline before it)
            lead = len(ctx.view[q.start:q.end]) - len(ctx.view[q.start:q.end].lstrip())
            if 0 < lead < q.end - q.start and ctx.view[q.start:q.start + lead].strip() == "" \
                    and ctx.text[q.start:q.start + lead].strip():
                q.start += lead
                q.text = ctx.text[q.start:q.end]
        res.found_quotes = sorted(qf.quotes, key=lambda q: q.start)
        did = article.doc_id
        for f in res.found_events:
            res.events.append({"doc": did, "type": f.type, "actor": f.actor, "target": f.target,
                               "date": f.date, "evidence": f.evidence})
        for q in res.found_quotes:
            sp = q.speaker
            rec = {"doc": did, "speaker": sp.id if sp is not None and sp.kind == "person" else None,
                   "kind": q.kind, "text": q.text}
            if q.is_person:
                res.quotes.append(rec)
            res.attributions.append({**rec, "start": q.start, "end": q.end,
                                     "speaker_kind": sp.kind if sp else None,
                                     "speaker_label": sp.label if sp else None,
                                     "speaker_state": sp.state if sp else None,
                                     "anonymous": q.anonymous, "cue": q.cue})
        for c in ef.claims:
            res.claims.append({"doc": did, "type": c.type, "actor": c.actor, "target": c.target,
                               "modality": c.modality, "date": c.date,
                               "speaker": c.speaker.id if c.speaker is not None else None,
                               "speaker_label": c.speaker.label if c.speaker is not None else None,
                               "text": c.evidence, "trigger": c.trigger})
        return res


def _drop_repeats(res: DocResult) -> None:
    """Two mentions that the known facts showed to be the same event (the headline's "will leave" and the
    story's, both the statement of 12 June) are one event: the first mention is kept."""
    seen, keep = set(), []
    for i, e in enumerate(res.events):
        key = (e["type"], e["actor"], e["target"], e["date"])
        if e["date"] is not None and key in seen:
            continue
        seen.add(key)
        keep.append(i)
    if len(keep) < len(res.events):
        facts = res.event_date_facts or [None] * len(res.events)
        res.events = [res.events[i] for i in keep]
        res.found_events = [res.found_events[i] for i in keep]
        res.event_date_facts = [facts[i] for i in keep]


def _narrower(new: str | None, old: str | None) -> bool:
    """Is the EDTF interval ``new`` inside ``old`` and not the same?"""
    from foedus.extraction.dates import span_of_edtf
    try:
        (a, b), (c, d) = span_of_edtf(new), span_of_edtf(old)
    except Exception:
        return False
    return None not in (a, b, c, d) and c <= a and b <= d and (a, b) != (c, d)


_EARLIER_ADVERBS = frozenset({"earlier", "previously", "formerly", "once", "before"})


def _told_as_earlier(sent, f: Found) -> bool:
    """Does the sentence tell the event as before the story's time: a verb of its evidence in the past perfect
    ("Qatar had accused …") or with an adverb of earlier time ("… earlier demanded …", "previously")?"""
    for t in sent:
        if f.start <= t.idx < f.end and t.pos_ in ("VERB", "AUX"):
            for c in t.children:
                if (c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d")) \
                        or (c.dep_ == "advmod" and c.lower_ in _EARLIER_ADVERBS):
                    return True
    return False


def _assume_recent(res: DocResult, lex: Lexicon) -> DocResult:
    """Events still undated after the text and the known facts get the news peg when the article tells them as its
    news, else the recent-past interval (recorded)."""
    from foedus.extraction.reconcile import assume_recent
    news = [f.lede or not f.told_earlier for f in res.found_events] \
        if len(res.found_events) == len(res.events) else None
    events, records = assume_recent(res.events, res.article.reported or res.article.published, news)
    for ev, out in zip(res.events, events):
        ev["date"] = out["date"]
    res.reconciled = res.reconciled + records
    _predecessor_ids(res.events, lex.actors.get("predecessors") or {})
    return res


def _predecessor_ids(events: list[dict], predecessors: dict) -> None:
    """What a state did, or had done to it, before its predecessor ended is the predecessor's (``predecessors``
    in actors.yaml: RUS before 1991-12-26 is the Soviet Union, SUN). Undated events keep the registry's id."""
    from foedus.extraction.dates import span_of_edtf
    for ev in events:
        if not ev.get("date") or not any(ev.get(k) in predecessors for k in ("actor", "target")):
            continue
        try:
            hi = span_of_edtf(ev["date"])[1]
        except (ValueError, TypeError):
            continue
        for key in ("actor", "target"):
            p = predecessors.get(ev.get(key))
            if p and hi is not None and hi <= date.fromisoformat(str(p["until"])):
                ev[key] = p["id"]


def _names_again(sent, nouns: set[str]) -> bool:
    """Does the sentence open on a definite description of something the narrative's sentence named ("… released
    a joint statement Sunday …" / "The joint statement accused …")? It then continues that moment."""
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ not in ("the", "this", "that") or first.dep_ != "det":
        return False
    head = first.head
    return head.pos_ == "NOUN" and head.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in nouns


def _after_the_latest_yearless_day(rec, article: Article, lex: Lexicon) -> None:
    """A known fact dated the article ("Armenia appealed … on September 13": 2022): a later day it names without a
    year ("told his counterpart on October 12") is read in that year, and the publication comes after it (the end
    assumes publication within a month, marked '?')."""
    from foedus.extraction.dates import edtf_assumed_end, span_of_edtf
    if not rec.published or rec.published.endswith("?") and "/" not in rec.published:
        return          # a dateline's day (or none): nothing to move
    span = span_of_edtf(rec.published)
    if span is None or span[0] is None:
        return
    lo, hi = span
    day = latest_day_in_year(article, lex, lo.year, lo, date.today())
    if day is None or day <= lo or (hi is not None and not rec.published.endswith("?") and day > hi):
        return
    rec.published = edtf_assumed_end(day, day + timedelta(days=30))
    rec.published_how = (f"{rec.published_how}; the latest day the text names without a year "
                         f"({day.isoformat()}, read in the year of that fact) comes after it: published after it, "
                         "within a month (marked '?')")
    for r in rec.records:
        if r.get("what") == "published":
            r["date_after"], r["why"] = rec.published, rec.published_how


def _sentence_like(sent) -> bool:
    """A heading that reads as a sentence (a standfirst: "Yerevan has accused Azerbaijani troops of …"),
    with a finite verb and some length, is reported content; a section title ("Spring's Tempests") is not."""
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 6 and any(t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") in (["Fin"],) for t in sent)


def _with_date_expr(res: DocResult) -> list[dict]:
    text = res.article.text
    return [{**e, "date_kind": f.date_kind, "date_text": f.date_text, "date_inherited": f.date_inherited,
             "date_at": f.date_at, "trigger_context": text[max(0, f.start - _TRIGGER_CONTEXT):f.end + 15]}
            for e, f in zip(res.events, res.found_events)]


def _undated(f: Found) -> bool:
    return f.lo is None and f.hi is None


def _lede_news(f: Found) -> bool:
    return f.lede and _undated(f)


def _carried_over(f: Found) -> bool:
    """Dated only by the time of an earlier sentence (not by a headline's publication day)."""
    return f.date_inherited and f.date_kind != "publication"


STALE_DAYS = 400    # a happening dated this long before the publication is not the news the lede tells


def _dedup(found: list[Found], pub_lo: date | None = None) -> list[Found]:
    """The same event mentioned twice in one article is one event (keep the most precise date). The news an
    article leads with, undated, is not a happening the article dates long before its publication ("Uzbekistan
    has rejoined the CSTO" … "in 1992 had co-founded CSTO"): both are kept, unless that date is only carried over
    from an earlier sentence."""
    out: list[Found] = []
    for f in found:
        merged = False
        for i, g in enumerate(out):
            if (g.type, g.actor, g.target) != (f.type, f.actor, f.target):
                continue
            if pub_lo is not None and any(_lede_news(a) and b.hi is not None and not _carried_over(b)
                                          and (pub_lo - b.hi).days > STALE_DAYS for a, b in ((g, f), (f, g))):
                continue
            if g.lo is not None and f.lo is not None and (g.date_kind == "since") != (f.date_kind == "since"):
                # "has not attended … since November 2023" states a pattern; one dated instance of it is another line
                continue
            if _undated(g) or _undated(f) or ((g.lo is None or f.hi is None or g.lo <= f.hi)
                                              and (f.lo is None or g.hi is None or f.lo <= g.hi)):
                # keep the narrower date; but the news an article leads with is of its own day, and a later
                # mention that only carries over the time of the sentence before ("… in 1958 when Iraq quit. The
                # statement said Pakistan was quitting CENTO") does not date it
                if _lede_news(g) and _carried_over(f):
                    merged = True
                    break
                if _lede_news(f) and _carried_over(g):
                    out[i] = f
                    merged = True
                    break
                gw = (g.hi - g.lo).days if g.lo and g.hi else 10 ** 6
                fw = (f.hi - f.lo).days if f.lo and f.hi else 10 ** 6
                if fw < gw or (fw == gw and f.date_text and not g.date_text):
                    # (of two undated mentions, the one with a clue a known fact can match: "on Sept. 10")
                    out[i] = f
                merged = True
                break
        if not merged:
            out.append(f)
    return out
