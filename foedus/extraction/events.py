"""Events of the evaluation types, found by the trigger patterns of
``events.yaml`` and completed from the parse: the actor is the grammatical
subject (or the possessor of a nominal trigger), the target the alliance or
the object the type asks for, the date the temporal expression of the
trigger's clause (else the time the narrative is at), the evidence the
sentence. Only asserted happenings are events; the rest are claims."""
from __future__ import annotations

import re

from dataclasses import dataclass, field

from foedus.extraction.clauses import in_main_clause
from foedus.extraction.dates import edtf_of
from foedus.extraction.discourse import DocContext, Ref
from foedus.extraction.groups import GroupResolver
from foedus.extraction.lexicon import EventType, Trigger
from foedus.extraction.modality import classify_modality
from foedus.extraction.nlp import direct_subject

__all__ = ["Found", "EventFinder"]

_MEMBERSHIP_LIKE_TARGET = ("alliance",)
_COLLECTIVE = "__collective__"    # a target named in the text that has no actor id ("the West")
# recognised but unresolved time expressions that still count as an event's date (its date is then null)
_UNRESOLVED_OK = ("weekday", "relative", "partial")
# determiners of a subject that names no one in particular ("a nation has invoked Article 4")
_INDEFINITE = frozenset({"a", "an", "any", "no", "every", "each", "another"})
_INSTRUMENTS = frozenset({"treaty", "agreement", "protocol", "accord", "deal", "charter", "pact", "document"})
# "the majority of the members signed", "most of them": some of a group, not the state the article is about
_SHARES = frozenset({"majority", "most", "some", "several", "many", "few", "half", "all", "none", "number", "members"})
# types whose date is that of the happening they respond to, when it is dated on the trigger's object
_DATED_BY_OBJECT = frozenset({"deny_assistance", "request_assistance"})
# types whose event is a statement: quoted, it happens when it is said
_SPEECH_ACTS = frozenset({"announce_withdrawal", "accuse", "demand"})
# prepositions that name what came before the act, not when the act was ("following a coup on Monday")
_ANTECEDENT_PREPS = frozenset({"following", "after", "amid", "over", "despite", "since", "before"})


# verbs whose subject is the doer of the act named by their object ("announced the recall of …")
_ANNOUNCING = frozenset({"announce", "order", "decide", "confirm", "declare", "proclaim"})
_REPORTING = frozenset({"say", "state", "announce", "declare", "confirm"})
# verbs of saying whose subject does what a prepositional aside names ("in a rebuke to X, Y said")
_SPEAKING = frozenset({"say", "tell", "write", "add", "declare", "state", "warn", "remark", "make", "speak", "comment",
                       "criticize", "criticise", "accuse", "blame", "condemn", "denounce"})


def _under(tok, head, depth: int = 6) -> bool:
    """Is ``tok`` inside the subtree of ``head`` (within a few steps)?"""
    t = tok
    for _ in range(depth):
        if t == head:
            return True
        if t.head == t:
            return False
        t = t.head
    return t == head


def _stranded_subject(verb):
    """The name just before a subjectless finite verb's auxiliary, which the parser hung elsewhere.

    "Despite statements from Dmitry Peskov, President Ilham Aliyev did not attend the summit": the parser makes
    Aliyev an apposition of Peskov and leaves "attend" without a subject; the name standing right before "did"
    is who did (not) attend.
    """
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj", "ccomp", "advcl"):
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not aux:
        return None
    first = min(aux, key=lambda t: t.i)
    if first.i == 0:
        return None
    prev = verb.doc[first.i - 1]
    if prev.dep_ in ("appos", "conj", "pobj") and prev.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") \
            and prev.head.i < prev.i and prev.sent == verb.sent:
        return prev
    return None


def earlier_cases(verb) -> bool:
    """"Burkina Faso, Mali, Guinea and Sudan have also been suspended since coups": a present perfect with
    "also"/"already"/"previously" or a "since" phrase lists earlier happenings, not the one the narrative is at."""
    if not any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children):
        return False
    return any((c.dep_ == "advmod" and c.lower_ in ("also", "already", "previously", "before"))
               or (c.dep_ == "prep" and c.lower_ == "since") for c in verb.children)


def _participle(tok) -> bool:
    """A past participle the tagger took for an adjective ("Armenia has “frozen” its participation")."""
    return tok.pos_ == "ADJ" and any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in tok.children)


def _in_clause_below(tok, top) -> bool:
    """Is ``tok`` inside a relative or participial clause hanging below ``top``?"""
    t = tok
    while t != top and t.head != t:
        if t.dep_ in ("relcl", "acl"):
            return True
        t = t.head
    return False


@dataclass
class Found:
    type: str
    actor: str | None
    target: str | None
    date: str | None
    lo: object = None
    hi: object = None
    evidence: str = ""
    start: int = 0
    end: int = 0
    modality: str = "asserted"
    speaker: Ref | None = None
    trigger: str = ""
    notes: list[str] = field(default_factory=list)
    date_kind: str | None = None      # kind of the time expression the date comes from (weekday, relative, ...)
    date_inherited: bool = False      # the date is the narrative's, carried over from an earlier sentence
    date_text: str | None = None      # its surface text
    date_at: int | None = None        # where that expression starts in the article (events sharing it share a time)
    lede: bool = False                # stated in the headline, standfirst or first paragraph (the article's news)
    told_earlier: bool = False        # told as before the story's time ("had accused", "earlier demanded")


# what a membership trigger is followed by when it names the alliance generically: "of a regional defense treaty"
_GENERIC_AFTER = re.compile(r"\s*(?:of |from |in )?(?:the |a |an |its |their )?(?:[\w-]+ ){0,3}?"
                            r"(?:treaty|pact|alliance|bloc|organi[sz]ation)\b", re.I)


class _Uncut:
    """A trigger match found in a sentence with a time adjunct cut out, in the offsets of the whole sentence."""

    def __init__(self, m, cut_at: int, cut_len: int, text: str):
        self._s, self._e, self._t = m.start(), m.end() + (cut_len if m.end() > cut_at else 0), text

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def group(self, _i: int = 0) -> str:
        return self._t[self._s:self._e]


def _done_before(verb) -> bool:
    """Is the verb in a past or perfect tense ("pulled out", "have pulled out")?"""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _noun_modifier_span(tok) -> tuple[int, int] | None:
    """The characters of the phrase describing a noun that the token is in ("a turning point caused by Moscow's
    offensive", "the war, which …"), or None. The main clause's date is not the date of what such a phrase
    names; a date inside the phrase is ("founding members since 1975")."""
    t, steps = tok, 0
    while t.head != t and steps < 15:
        if t.dep_ in ("acl", "relcl", "appos"):
            sub = list(t.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1])
        t, steps = t.head, steps + 1
    return None


def _leading(ent) -> bool:
    """Is the entity the leader named in a compound adjective ("Russian-led", "US-backed")?"""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–") and \
        doc[ent.end + 1].lower_ in ("led", "backed", "dominated", "sponsored", "brokered", "controlled")


def _in_later_conjunct(doc, x, clause_head) -> bool:
    """Is the date in a clause coordinated after the trigger's ("… later pulled out and in 2002, the remaining six
    agreed …")? That clause tells the next happening, not ours."""
    if x.start > clause_head.idx and _LATER_CONJUNCT.search(doc.text[clause_head.idx:x.start]):
        return True         # (the parser does not always see the coordination)
    sp = doc.char_span(x.start, x.end, alignment_mode="expand")
    if sp is None:
        return False
    t, steps = sp.root, 0
    while t.head != t and steps < 15:
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head == clause_head and t.i > clause_head.i:
            return True
        t, steps = t.head, steps + 1
    return False


# "… pulled out and in 2002, …": the date opens the next coordinated clause
_LATER_CONJUNCT = re.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:then\s+|later\s+)?(?:in|on|by|during|from|since)?\s*$", re.I)


def _dates_a_cause(r, trig_idx) -> bool:
    """Is the date ``r`` that of a happening named in an antecedent adjunct ("suspended Burkina Faso following a
    coup on Monday": the coup's Monday, not the suspension's)?"""
    if r.dep_ != "pobj" or r.head.dep_ != "prep":
        return False
    noun = r.head.head
    return (noun.pos_ == "NOUN" and noun.i not in trig_idx and noun.dep_ == "pobj"
            and noun.head.lower_ in _ANTECEDENT_PREPS and noun.head.i not in trig_idx)


def _sequenced(head, clause_head) -> str | None:
    """The word placing the trigger's clause or phrase before or after another happening ("… in May 2022, after
    Russia's invasion of Ukraine prompted them …", "following the coup"), or None. The other happening's date
    is then a bound of the event's, not its date."""
    t, steps = head, 0
    while steps < 12:
        if t.dep_ == "advcl":
            mark = next((c for c in t.children if c.dep_ == "mark" and c.lower_ in _SEQUENCE_WORDS), None)
            if mark is not None:
                return None if _soon(mark) or _soon(t, before=mark.i) else mark.lower_
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in _SEQUENCE_WORDS:
            return None if _soon(t.head) else t.head.lower_
        if t == clause_head or t.head == t:
            return None
        t, steps = t.head, steps + 1
    return None


def _soon(word, before: int | None = None) -> bool:
    """ "just hours after", "shortly before", "immediately after": the same time, for a date's purposes
    (the modifier hangs on the sequencing word, or on the clause's verb before ``before``)."""
    near = {u.lower_ for c in word.children if c.dep_ in ("npadvmod", "advmod") and (before is None or c.i < before)
            for u in c.subtree}
    return bool(near & _SOON_WORDS)


_SOON_WORDS = frozenset({"hours", "hour", "minutes", "moments", "shortly", "immediately", "soon", "just", "right"})
_SEQUENCE_WORDS = frozenset({"after", "before", "since", "until", "following", "prior"})
_BEFORE_THE_OTHER = frozenset({"after", "since", "following"})     # the event happened before the clause it is set against


class EventFinder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.lex = ctx.lex
        self.gaz = ctx.gaz
        self.events: list[Found] = []
        self.claims: list[Found] = []
        self.co_targets: list[str] = []
        self.groups = GroupResolver(ctx, self._refs)
        words = self.lex.actors.get("alliance_troop_words") or []
        self._troop_words = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else r"(?!)", re.I)

    # --- helpers ---------------------------------------------------------------------------
    def _subject(self, v, depth=0):
        subject = direct_subject(v)
        if subject is not None:
            return subject
        stranded = _stranded_subject(v)
        if stranded is not None:
            return stranded
        if v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN"):
            poss = self._possessor(v.head)
            if poss is not None:
                return poss
            if v.dep_ == "amod" or v.i < v.head.i:
                return v.head   # "advancing troops": the troops advance
        if depth < 4 and v.head != v and v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "pobj", "prep", "relcl", "ccomp", "dobj", "nsubj", "attr", "appos"):
            if v.dep_ == "relcl":
                return None
            if v.dep_ in ("pobj", "prep", "pcomp", "dobj", "attr") and v.head.pos_ in ("NOUN", "PROPN"):
                poss = self._possessor(v.head)
                if poss is not None:
                    return poss
            return self._subject(v.head, depth + 1)
        return None

    def _possessor(self, noun):
        for c in noun.children:
            if c.dep_ == "poss":
                return c
        for c in noun.children:
            if c.dep_ in ("amod", "compound") and c.i < noun.i:
                e = self.ctx.ent_of(c)
                if e is not None and e.ent_id_:
                    return c
        return None

    def _match_actors(self, toks, inside: bool = False) -> list[Ref]:
        """Actors named inside a nominal trigger, or possessing its nouns, in text order."""
        out: list[Ref] = []
        seen: set[str] = set()
        cand = []
        for t in toks:
            if t.pos_ in ("NOUN", "PROPN") and t.ent_type_ == "":
                p = self._possessor(t)
                if p is not None:
                    cand.append(p)
            if t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON", "LOC") and (t.ent_iob_ == "B" or (inside and t.i == toks[0].i)):
                cand.append(t)      # (with ``inside``, also a name the match starts in: "… Shield Force crossed")
        for t in sorted(cand, key=lambda x: x.i):
            r = self.ctx.resolve(t)
            if r is not None and r.actor and r.actor not in seen:
                seen.add(r.actor)
                out.append(r)
        return out

    def _refs(self, head, groups: bool = True) -> list[Ref]:
        if groups:
            g = self.groups.group_refs(head)
            if g:
                out = list(g)
                for c in head.children:
                    # "the two South Caucasus states, as well as Uzbekistan"
                    r = self.ctx.resolve(c) if c.dep_ == "conj" else None
                    if r is not None and r.actor and all(r.actor != o.actor for o in out):
                        out.append(r)
                return out
        listed = self.groups.surface_list(head)
        if len(listed) > 1:
            return listed
        if head.is_upper and len(head.text) > 2 and head.i + 2 < len(head.doc) and head.nbor(1).text in ("—", "–", "-", "--"):
            # a dateline ("ISTANBUL—Turkey on Sunday raised …"): the place is not the subject, what follows it is
            app = next((c for c in head.children if c.dep_ == "appos"), None) or head.nbor(2)
            if app is not None and app.i > head.i:
                return self._refs(app, groups)
        if head.lower_ == "they" and groups:
            # "The leaders condemned … They demanded …": a plural pronoun continues the previous sentence's subject
            prev = self.groups.previous_subject(head)
            if prev is not None:
                refs = self._refs(prev, groups=True) if prev.lower_ != "they" else []
                if refs and all(r.actor for r in refs):
                    return refs
        named = self._named_on(head)
        if len(named) > 1:
            return named        # "The US and European Union nations condemned …": the US and the EU
        out = []
        r = self.ctx.resolve(head)
        if (r is None or not r.actor) and self.groups.institution(head) and self.ctx.main_alliance:
            # "the Authority", "the leaders", "the summit" of alliance news: the alliance's own bodies
            r = Ref("alliance", self.ctx.main_alliance, None, head.text)
        if r is not None:
            out.append(r)
        # "Mali, Burkina Faso and Niger": conjuncts may chain, and the parser sometimes reads a list of
        # states as an apposition ("Mali, Burkina Faso") -- a state is never another state's apposition
        head_state = r is not None and r.actor and self.gaz.kind(r.actor) == "state"
        stack = [c for c in head.children if c.dep_ == "conj" or (c.dep_ == "appos" and head_state)]
        while stack:
            c = stack.pop(0)
            r2 = self.ctx.resolve(c)
            if c.dep_ == "appos" and not (r2 is not None and r2.actor and self.gaz.kind(r2.actor) == "state"):
                continue
            if r2 is not None and all(r2.actor != o.actor for o in out):
                out.append(r2)
            stack.extend(g for g in c.children if g.dep_ == "conj" or (g.dep_ == "appos" and head_state))
        return out

    _MEMBER_LEMMAS = frozenset({"nation", "country", "state", "member", "ally", "partner", "government"})

    def _named_on(self, noun) -> list[Ref]:
        """The actors named as modifiers of "nations"/"members"/"governments", with their conjuncts ("US and
        European Union nations")."""
        if noun.lemma_.lower() not in self._MEMBER_LEMMAS:
            return []
        out: list[Ref] = []
        mods = [c for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i]
        for m in mods:
            for t in [m, *m.conjuncts]:
                e = self.ctx.ent_of(t)
                if e is None or not e.ent_id_ or e.label_ == "NORP":
                    continue
                k = self.gaz.kind(e.ent_id_)
                if k in ("state", "alliance", "organisation") and all(o.actor != e.ent_id_ for o in out):
                    out.append(Ref(k, e.ent_id_, None, e.text))
        return out

    def _kind_ok(self, ref_kind: str | None, allowed) -> bool:
        if not allowed:
            return True
        if ref_kind == "alliance" and "organisation" in allowed:
            return True
        return ref_kind in allowed

    def _actor_kind(self, actor_id):
        return self.gaz.kind(actor_id)

    # --- main -----------------------------------------------------------------------------
    def sentence(self, sent, sent_dates, narrative, quotes_here) -> None:
        ctx = self.ctx
        doc = ctx.doc
        s0 = sent.start_char
        stext = ctx.view[s0:sent.end_char]
        n_events, n_claims = len(self.events), len(self.claims)
        # "announced on Monday its withdrawal": the wording is also read without the time between its words
        cuts = [(a, b, stext[:a] + stext[b:]) for a, b in self._time_adjunct_cuts(sent, stext, sent_dates)]
        # (a trigger without a word it cannot match without is skipped: literals.py)
        possible = iter(self.lex.trigger_screen.possible(stext, *(cut for _a, _b, cut in cuts)))
        for et in self.lex.event_types:
            for trig in et.triggers:
                if not next(possible):
                    continue
                for m in trig.regex.finditer(stext):
                    self._match(et, trig, m, sent, stext, sent_dates, narrative, quotes_here)
                for a, b, cut in cuts:
                    # (only a match across the cut is new; a trigger starts at most a clause before it)
                    for m in trig.regex.finditer(cut, max(0, a - 120)):
                        if m.start() >= a:
                            break
                        if a < m.end():
                            self._match(et, trig, _Uncut(m, a, b - a, stext), sent, stext, sent_dates, narrative,
                                        quotes_here)
        self.events[n_events:] = self._without_superseded(self.events[n_events:])
        self.claims[n_claims:] = self._without_superseded(self.claims[n_claims:])

    def _time_adjunct_cuts(self, sent, stext, sent_dates) -> list[tuple[int, int]]:
        """Where a time adjunct stands between a verb and what follows it ("announced on Monday its withdrawal",
        "recalled last week its ambassador"): (start, end) in the sentence of the words to read without."""
        s0 = sent.start_char
        out = []
        for x in sent_dates:
            a, b = x.start - s0, x.end - s0
            if a <= 0 or b >= len(stext) or stext[b] != " ":
                continue
            pre = re.search(r"(?:\b(?:on|in|at|during|last|this|early|late|earlier|later)\s+)?$", stext[:a])
            a = pre.start() if pre else a
            if a < 2 or stext[a - 1] != " ":
                continue
            before = self.ctx.doc.char_span(s0 + a - 2, s0 + a - 1, alignment_mode="expand")
            if before is None or len(before) == 0 or before[-1].pos_ not in ("VERB", "AUX"):
                continue
            out.append((a - 1, b))       # the space before the adjunct goes with it
        return out

    def _without_superseded(self, found: list[Found]) -> list[Found]:
        """A more specific reading of the same words wins ("asked NATO to activate Article 4": consultations, not
        a demand): events of a type another one ``supersedes`` are dropped where their triggers overlap."""
        types = {et.name: et for et in self.lex.event_types}
        winners = [f for f in found if types.get(f.type) is not None and types[f.type].supersedes]
        return [f for f in found
                if not any(f.type in types[w.type].supersedes and f.start < w.end and w.start < f.end for w in winners)]

    def _match(self, et: EventType, trig: Trigger, m, sent, stext, sent_dates, narrative, quotes_here):
        ctx = self.ctx
        doc = ctx.doc
        s0 = sent.start_char
        ms, me = s0 + m.start(), s0 + m.end()
        if me <= ms:
            return
        span = doc.char_span(ms, me, alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        toks = [t for t in span]
        head = next((t for t in toks if t.pos_ in ("VERB",) or _participle(t)), None) or \
            next((t for t in toks if t.pos_ in ("AUX", "NOUN")), toks[0])
        if trig.verb:
            # the first word of the match must be a verb; leading adverbs ("formally joined") are skipped
            first = next((t for t in toks if t.pos_ not in ("ADV", "PART", "PUNCT")), toks[0])
            if first.pos_ not in ("VERB", "AUX") and not _participle(first):
                return
        region = ctx.region_at(ms)
        if trig.quote_only and region is None:
            return
        modality = classify_modality(self.lex, stext, m.start(), m.end(), [head], negative=trig.negative, modal_ok=trig.modal_ok)
        if trig.claim_only and modality == "asserted":
            return
        self.co_targets: list[str] = []
        # who
        actor_ref = None
        target_ref = None
        nominal_co: list = []
        subj = self._subject(head) if head.pos_ in ("VERB", "AUX") else None
        if subj is not None and head.lemma_ in _REPORTING and et.actor_kinds == frozenset({"state"}):
            # "the statement said Pakistan was quitting CENTO": the state named in what is reported does it
            inner_subj = next((g for c in head.children if c.dep_ == "ccomp" and ms <= c.idx < me
                               for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and ms <= g.idx < me), None)
            named = ctx.ent_of(inner_subj) if inner_subj is not None else None
            ref = ctx._ref_of_ent(named) if named is not None else None
            if ref is not None and ref.actor and self.gaz.kind(ref.actor) == "state":
                subj = inner_subj
        by_reporting_verb = False
        if subj is None and head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_ in _ANNOUNCING:
            # "the three states announced the recall of their ambassadors": who announced the act did it
            subj = self._subject(head.head)
            by_reporting_verb = subj is not None
        elif subj is None and head.pos_ == "NOUN" and head.dep_ == "pobj" and head.head.dep_ == "prep" \
                and head.head.head.lemma_ in _SPEAKING:
            # "in a thinly veiled rebuke to Yerevan, Lavrov said": the speaker's act
            subj = self._subject(head.head.head)
            by_reporting_verb = subj is not None
        if trig.appositive:
            # "The trio, founding members of ECOWAS since 1975, …": the actor is the phrase the title is apposed to
            noun = next((t for t in toks if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "appos"), None)
            if noun is None:
                return
            head, subj = noun, noun.head
        inner = self._match_actors(toks, inside=et.actor_kinds == frozenset({"alliance"}))
        if by_reporting_verb and not any(ctx.ent_of(t) is not None for t in toks):
            # ... and "their"/"its" inside the act refers back to them, not to whoever is salient
            inner = []
        lead = next((t for t in toks if t.pos_ not in ("ADV", "PART", "PUNCT")), toks[0])   # "officially communicated"
        if trig.possessor_acts:
            if not inner:
                # "are suspended from the organization": the alliance named before, or the article's
                if not re.search(r"\b(?:organi[sz]ation|alliance|bloc|community|union|grouping|body)\b", m.group(0), re.I):
                    return
                named = ctx.alliance_named_before(head, sentences=2) or ctx.main_alliance
                if named is None:
                    return
                inner = [Ref("alliance", named, None, m.group(0))]
            actor_ref = inner[0]
            s2 = self._subject(head)
            target_ref = self.ctx.resolve(s2) if s2 is not None else None
            subj = None
        elif head.pos_ not in ("VERB", "AUX") or (inner and (lead.pos_ not in ("VERB", "AUX") or trig.nominal)):
            # a nominal trigger: its possessor or the actors named inside it ("Baku's attack",
            # "the 1997 Russian-Armenian agreement", "advancing Ukrainian troops")
            poss = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None) \
                if head.pos_ == "NOUN" and et.actor_kinds == frozenset({"state"}) else None
            owner = self.ctx.resolve(poss) if poss is not None and self.ctx.ent_of(poss) is None else None
            if owner is not None and owner.actor and self.gaz.kind(owner.actor) == "state" and \
                    not any(r.actor and self.gaz.kind(r.actor) == "state" for r in inner):
                # "the country's full return to NATO's military command": the owner named before the match
                actor_ref = owner
            elif inner:
                actor_ref = inner[0]
                if et.symmetric and len(inner) > 1:
                    target_ref = inner[1]
                elif trig.nominal and len(inner) > 1:
                    # "the withdrawal of Mali, Niger and Burkina Faso from ECOWAS": one event per state named
                    nominal_co = [r for r in inner[1:] if r.actor and self.gaz.kind(r.actor) == "state"]
            subj = None if actor_ref is not None else subj
        if subj is not None and subj.lower_ in ("we", "i", "us", "our") and region is not None:
            subj = None
            q = next((q for q in quotes_here if q.start <= ms < q.end), None)
            if q is not None and q.speaker is not None:
                actor_ref = q.speaker
        co_actors: list = list(nominal_co)
        if et.actor == "suspended" or trig.done_to:
            # the alliance suspends a state: the state is recorded as the actor, the alliance as the target
            suspender = actor_ref if trig.possessor_acts and actor_ref is not None and actor_ref.kind == "alliance" \
                else None
            actor_ref, subj = self._suspended_state(head, toks, ms, me, sent), None
            if actor_ref is None:
                return
            if suspender is not None:
                target_ref = suspender          # ("suspended from the organization": the one that was meant)
            sp = next((c for c in head.children if c.dep_ == "nsubjpass"), None) if head.pos_ in ("VERB", "AUX") else None
            if sp is not None:
                # "Burkina Faso, Mali and Guinea are suspended from the organization": each of them
                co_actors += [r for r in self._refs(sp) if r.actor and r.actor != actor_ref.actor
                              and self.gaz.kind(r.actor) == "state" and all(r.actor != o.actor for o in co_actors)]
        # a passive without its agent ("X was strongly criticized"): the subject suffered the act, its doer is unknown
        if actor_ref is None and subj is not None and subj.dep_ == "nsubjpass" and head.pos_ in ("VERB", "AUX") \
                and et.actor_kinds != frozenset({"state"}) and not any(c.dep_ == "agent" for c in head.children) \
                and subj.head == head:
            return
        if actor_ref is None and subj is not None:
            refs = self._refs(subj)
            if head.pos_ in ("VERB", "AUX") and subj.head == head:
                # "Lukashenko as well as Kazakh President Nursultan Nazarbayev demanded": the parser gives the verb
                # two subjects
                for c in head.children:
                    if c.dep_ == "nsubj" and c.i != subj.i:
                        refs += [r for r in self._refs(c) if r.actor and all(r.actor != o.actor for o in refs)]
            if not et.symmetric and len(refs) > 1:
                # "Mali, Burkina Faso and Niger announced …": one event per coordinated actor
                co_actors = [r for r in refs[1:] if r.actor]
            # passive with an agent ("Armenia was attacked by Azerbaijan"): the grammatical subject is the target
            if head.pos_ in ("VERB", "AUX") and any(c.dep_ == "agent" for c in head.children):
                sp = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
                if sp is not None and sp is not subj and target_ref is None:
                    target_ref = self.ctx.resolve(sp)
            if et.prefer_alliance_actor:
                refs.sort(key=lambda r: 0 if r.kind == "alliance" else 1)
            actor_ref = refs[0] if refs else None
            if actor_ref is not None and head.pos_ in ("VERB", "AUX"):
                # "Saudi Arabia, along with the U.A.E., Bahrain and Egypt, cut links with Qatar": they all did
                for r in self._along_with(head, subj):
                    if all(r.actor != o.actor for o in [actor_ref, *co_actors]):
                        co_actors.append(r)
            n_states = len([r for r in refs if r.actor and self.gaz.kind(r.actor) == "state"])
            if et.parties == "bilateral" and n_states >= 4:
                return      # a multilateral instrument is not an agreement between two states
            if et.parties == "bilateral" and n_states == 3 and target_ref is None:
                # "Turkey, Sweden and Finland signed a trilateral memorandum": the first named with each of the others
                self.co_targets += [r.actor for r in refs[2:] if r.actor and r.actor != refs[0].actor
                                    and r.actor not in self.co_targets]
            if et.parties == "multilateral" and (n_states == 2 or self._with_state_after(head)):
                return
            if et.symmetric and target_ref is None:
                others = [r for r in refs[1:] if r.actor and r.actor != (actor_ref.actor if actor_ref else None)]
                if others:
                    target_ref = others[0]
        if actor_ref is None and region is not None:
            q = next((q for q in quotes_here if q.start <= ms < q.end), None)
            if q is not None:
                actor_ref = q.speaker
        actor = actor_ref.actor if actor_ref is not None else None
        if actor is None and et.actor_kinds == frozenset({"state"}) and et.target == "alliance" and not (
                subj is not None and subj.dep_ in ("nsubj", "nsubjpass") and subj.i < head.i
                and (any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in subj.children)
                     or subj.lemma_.lower() in _SHARES)):
            actor = ctx.main_state   # "the party", "these steps": the state the article is about (not "a nation")
        if actor is None and et.actor_kinds == frozenset({"alliance"}) and ctx.main_alliance and \
                self._troop_words.search(stext[max(0, m.start() - 40):m.end()]):
            actor = ctx.main_alliance   # "West African troops entered the Gambia": the bloc the article is about
        if actor is None:
            return self._claim_only(et, modality, None, None, sent, ms, me, m, quotes_here, "no actor")
        akind = self._actor_kind(actor)
        if not self._kind_ok(akind, et.actor_kinds):
            return
        if head.tag_ in ("VBZ", "VBP") and head.dep_ == "relcl" and head.head.lemma_.lower() in _INSTRUMENTS:
            return          # "a treaty under which it becomes a member": what the instrument provides, not an act
        if et.name == "attack" and head.pos_ == "VERB" and self._patient_is_person(head):
            return          # capturing or seizing a person is not taking territory
        # what at
        if target_ref is not None and target_ref.actor and target_ref.actor != actor:
            target = target_ref.actor
            if self.gaz.kind(target) == "region" and et.name == "attack":
                reg = self.gaz.by_id.get(target)
                if reg is not None and reg.part_of and reg.part_of != actor:
                    target = reg.part_of
        else:
            target = self._target(et, sent, ms, me, actor, head)
            if trig.names_alliance and not self._alliance_named_after(sent, me, target):
                return      # "established the Sahel Alliance": only the alliance the match names, never a default
        if target == "__none__":
            return
        if target is None and et.name in ("accuse", "demand") and head.pos_ in ("VERB", "AUX"):
            target = self._act_noun_target(head, actor)
        if target is None and et.name in ("accuse", "demand"):
            return              # blame or a demand addressed to no one the article names is not recorded
        if target == _COLLECTIVE:
            target = None       # "the West": named, but no actor id
        if et.symmetric and target and ctx.main_state in (actor, target) and actor != ctx.main_state \
                and self.gaz.kind(actor) == self.gaz.kind(target):      # (an alliance stays the actor)
            actor, target = target, actor
        if target is not None and target == actor:
            return
        if target is None and (et.require_target or et.target == "alliance"):
            return              # (a membership act with no alliance named or known to the registry says nothing)
        if et.alliances and target not in et.alliances:
            return              # "Article 4" is consultations in NATO's treaty, collective defence in the CSTO's
        etype = et.name
        if et.name == "announce_withdrawal" and trig.nominal and head.pos_ in ("VERB", "AUX"):
            # "ECOWAS announced the formal exit of Mali, Burkina Faso and Niger from the bloc": the alliance itself
            # announcing a member's exit reports that it happened
            s0 = self._subject(head)
            r0 = ctx.resolve(s0) if s0 is not None else None
            if r0 is not None and r0.actor is not None and r0.actor == target:
                etype = "withdraw"
        # when
        lo, hi, date = self._date(sent, head, ms, me, sent_dates, narrative, region, et.name in _DATED_BY_OBJECT)
        dx = getattr(self, "last_date_expr", None)
        if region is not None and dx is not None and not (region[0] <= dx.start < region[1]) and lo is not None \
                and et.name not in _SPEECH_ACTS and _done_before(head):
            # '"We have pulled out of the treaty," Karimov said late last week': the time outside the quotation
            # is the statement's; what it reports as done happened before it
            lo, date = None, edtf_of(None, hi)
        if et.name == "join" and dx is not None and dx.kind == "since" and dx.since_hi is not None:
            # "members since 1975": membership began then; the join is dated by the year named, not the span
            lo, hi, date = dx.lo, dx.since_hi, edtf_of(dx.lo, dx.since_hi)
        seen = ctx.view[sent.start_char:sent.end_char]          # a blanked byline or dateline is not evidence
        e0 = sent.start_char + len(seen) - len(seen.lstrip())
        f = Found(etype, actor, target, date, lo, hi, ctx.text[e0:sent.end_char].strip(), ms, me, modality,
                  None, m.group(0))
        if dx is not None:
            f.date_kind, f.date_text, f.date_at = dx.kind, dx.text, dx.start
            f.date_inherited = self.last_date_inherited
        q = next((q for q in quotes_here if q.start <= ms < q.end), None)
        if q is not None:
            f.speaker = q.speaker
        found = [f]
        for t in self.co_targets:
            found.append(Found(etype, actor, t, date, lo, hi, f.evidence, ms, me, modality, f.speaker, f.trigger,
                               date_kind=f.date_kind, date_text=f.date_text, date_inherited=f.date_inherited,
                               date_at=f.date_at))
        states = [r for r in co_actors if r.actor and self.gaz.kind(r.actor) == "state"]
        if et.prefer_alliance_actor and len(states) >= 2 and ctx.main_alliance and ctx.main_alliance != target:
            # "Russia as well as Belarus, Kazakhstan, Kyrgyzstan and Tajikistan declined …": the members together
            # are the alliance; the first named is recorded too
            co_actors = [Ref("alliance", ctx.main_alliance, None, "")]
        for r in co_actors:
            if r.actor in (actor, target) or not self._kind_ok(self._actor_kind(r.actor), et.actor_kinds):
                continue
            g = Found(etype, r.actor, target, date, lo, hi, f.evidence, ms, me, modality, f.speaker, f.trigger,
                      date_kind=f.date_kind, date_text=f.date_text, date_inherited=f.date_inherited,
                      date_at=f.date_at)
            found.append(g)
        for g in found:
            if modality == "asserted":
                self.events.append(g)
            else:
                self.claims.append(g)

    def _claim_only(self, et, modality, actor, target, sent, ms, me, m, quotes_here, why):
        return None

    _TERRITORY = frozenset({"territory", "territories", "city", "cities", "town", "towns", "village", "villages",
                            "region", "regions", "area", "areas", "position", "positions", "heights", "height", "hill",
                            "hills", "land", "lands", "province", "district", "base", "bases", "airport", "port",
                            "capital", "enclave", "settlement", "settlements", "oblast", "peninsula", "island",
                            "islands", "border", "outpost", "outposts", "post", "posts", "part", "parts", "half",
                            "control", "km", "kilometres", "kilometers", "square"})

    def _patient_is_person(self, head) -> bool:
        """Capturing, seizing or occupying something other than a place ("a deserter was captured"): not an attack
        on territory."""
        if head.lemma_.lower() not in ("capture", "seize", "occupy", "storm"):
            return False
        patient = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if patient is None:
            return False
        if patient.lower_ in ("who", "whom", "that", "which") and head.dep_ == "relcl":
            patient = head.head
        if patient.ent_type_ in ("GPE", "LOC", "FAC") or patient.lower_ in self._TERRITORY:
            return False
        return patient.pos_ in ("NOUN", "PROPN", "PRON")

    def _suspended_state(self, head, toks, ms, me, sent) -> Ref | None:
        """The state an alliance suspends: named in the match ("suspended Uzbekistan's membership"), the
        subject of a passive ("Niger was suspended from …"), or the first state after the trigger."""
        for r in self._match_actors(toks):
            if r.actor and self.gaz.kind(r.actor) == "state":
                return r
        if head.pos_ in ("VERB", "AUX"):
            sp = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if sp is not None:
                r = self.ctx.resolve(sp)
                if r is not None and r.actor and self.gaz.kind(r.actor) == "state":
                    return r
        span = self.ctx.doc.char_span(me, min(sent.end_char, me + 100), alignment_mode="expand")
        for t in span or ():
            e = self.ctx.ent_of(t)
            if e is not None:
                r = self.ctx._ref_of_ent(e)
                if r is not None and r.actor and self.gaz.kind(r.actor) == "state":
                    return r
        return None

    def _with_state_after(self, head) -> bool:
        """Does the act involve a state "with" which it is done ("signed a treaty with Russia")?"""
        for t in head.subtree:
            if t.dep_ == "prep" and t.lower_ == "with" and t.i > head.i:
                for o in t.children:
                    r = self.ctx.resolve(o) if o.dep_ == "pobj" else None
                    if r is not None and r.actor and self.gaz.kind(r.actor) == "state":
                        return True
        return False

    def _alliance_named_after(self, sent, me: int, target) -> bool:
        """Is ``target`` an alliance named right after the trigger (within a few words)?"""
        for ent in self.ctx.ents_in(sent.start, sent.end):
            if ent.ent_id_ == target and 0 <= ent.start_char - me <= 40:
                return True
        return False

    def _target(self, et: EventType, sent, ms, me, actor, head):
        ctx = self.ctx
        doc = ctx.doc
        if et.target == "object_or_alliance" and head.pos_ in ("VERB", "AUX"):
            # "asked Russia to send troops": the state or alliance asked, when the verb names one
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i > head.i]
            objs += [g for p in head.children if p.dep_ == "prep" and p.lower_ == "to" and p.i > head.i
                     for g in p.children if g.dep_ == "pobj"]
            for c in objs:
                named = []
                for t in [c, *c.conjuncts]:
                    e = ctx.ent_of(t)
                    if e is None:
                        # "asked Russia and other CSTO member states": the other members together are the alliance
                        for u in t.subtree:
                            eu = ctx.ent_of(u)
                            if eu is not None and eu.ent_id_ and self.gaz.kind(eu.ent_id_) == "alliance" \
                                    and eu.ent_id_ != actor and u.i < t.i:
                                named.insert(0, eu.ent_id_)
                                break
                        continue
                    r = ctx._ref_of_ent(e)
                    if r is not None and r.actor and r.actor != actor and self.gaz.kind(r.actor) in ("state", "alliance"):
                        named.append(r.actor)
                if named:
                    # "appealed to Russia and the CSTO": one request to each
                    self.co_targets = [x for x in dict.fromkeys(named[1:]) if x != named[0]]
                    return named[0]
        if et.target == "object_or_alliance" and head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass") \
                and head.head.lemma_.lower() in self._ADDRESSEE_VERBS:
            # "Russia rejected an appeal from Kyrgyzstan": who refused (or received) the request was asked
            for c in head.head.children:
                if c.dep_ in ("nsubj", "agent"):
                    r = ctx.resolve(c) if c.dep_ == "nsubj" else next(
                        (ctx.resolve(g) for g in c.children if g.dep_ == "pobj"), None)
                    if r is not None and r.actor and r.actor != actor and self.gaz.kind(r.actor) in ("state", "alliance"):
                        return r.actor
        if et.target in ("alliance", "object_or_alliance"):
            named = self._instrument_meant(ms, me)
            if named is not None and named != actor:
                return named
            best = None
            # "refused to prolong the treaty": the match itself names the alliance generically
            generic = bool(re.search(r"\b(?:treaty|agreement|pact|alliance|bloc)\b", ctx.view[ms:me], re.I)) or \
                bool(_GENERIC_AFTER.match(ctx.view, me, min(me + 80, sent.end_char)))   # "… out of a regional defense treaty"
            for ent in ctx.ents_in(sent.start, sent.end):
                if ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "at", "near") and \
                        (ent.label_ in ("GPE", "LOC") or ent.text.lower() in self.gaz.place_names):
                    continue     # a place ("NATO headquarters in Brussels"), even when it doubles as a metonym
                if ent.ent_id_ and self.gaz.kind(ent.ent_id_) == "alliance":
                    d = (0 if ent.start_char >= me else 1, abs(ent.start_char - me))
                    if best is None or d < best[0]:
                        best = (d, ent.ent_id_)
            low = ctx.view[sent.start_char:sent.end_char].lower()
            for w in self.gaz.generic_alliance_words:
                if w.startswith("the ") and w in low:
                    generic = True
                    break
            if best is not None:
                return best[1]
            named = self._alliance_named_as(ctx.view[ms:min(me + 40, sent.end_char)], ms)
            if named is not None:
                return named
            if et.require_alliance:
                return "__none__"
            if et.require_alliance_or_generic and not generic and ctx.region_at(ms) is None:
                return "__none__"
            return ctx.main_alliance
        if et.target == "main":
            # "rejected an appeal from Kyrgyzstan's interim president": the state that asked, when the refusal names it
            asker = self._asker_after(me, sent, actor)
            if asker is not None:
                return asker
            return ctx.main_state if ctx.main_state != actor else None
        # object: the verb's direct object (or a prepositional object of it), else the first
        # actor after the trigger in its clause
        if head.pos_ in ("VERB", "AUX") and et.name in ("demand", "accuse"):
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i > head.i]
            objs += [g for p in head.children if p.dep_ == "prep" and p.i > head.i for g in p.children if g.dep_ == "pobj"]
            for c in objs:
                group = self.groups.group_refs(c)
                if group and group[0].actor and group[0].actor != actor:
                    # "urged all three countries to …": one event per state of the group
                    self.co_targets = [g.actor for g in group[1:] if g.actor and g.actor != actor]
                    return group[0].actor
        if head.pos_ in ("VERB", "AUX"):
            dobjs = [c for c in head.children if c.dep_ in ("dobj", "dative") and c.i >= head.i]
            if et.name == "demand" and not dobjs:
                # "is demanding NATO designate the YPG as terrorists": who is to act is the one demanded of
                dobjs = [g for c in head.children if c.dep_ == "ccomp" and c.i > head.i
                         for g in c.children if g.dep_ == "nsubj" and g.i == head.i + 1]
            for c in dobjs:
                r = self._object_ref(c, et.name == "sign_agreement", acts=et.name in ("accuse", "demand"), actor=actor)
                if r not in (None, "null") and et.name in ("accuse", "demand"):
                    # "criticized the CSTO and Russia": one event per actor named
                    for cj in c.conjuncts:
                        r2 = self._object_ref(cj, acts=False, actor=actor)
                        if r2 not in (None, "null", actor, r) and r2 not in self.co_targets:
                            self.co_targets.append(r2)
                if r == "null":
                    return _COLLECTIVE
                if r is not None and r != actor and self._kind_ok(self.gaz.kind(r), et.target_kinds):
                    return r
            if dobjs:
                preps = [p for d in dobjs for p in d.children if p.dep_ == "prep"] + \
                        [p for p in head.children if p.dep_ == "prep" and p.i > head.i]
                # ("condemned the air strikes by the Syrian government and Russia": the parser often hangs the doer
                # of the act blamed on the verb)
                by_ok = et.name in ("accuse", "demand")
                for p in sorted(preps, key=lambda x: x.i):
                    if p.lower_ not in ("from", "to", "of", "against", "on", "with", "toward", "towards") \
                            and not (by_ok and p.lower_ == "by"):
                        continue
                    for g in p.children:
                        if g.dep_ == "pobj":
                            r = self._object_ref(g, et.name == "sign_agreement", acts=p.lower_ == "by", actor=actor)
                            if r not in (None, "null") and r != actor and self._kind_ok(self.gaz.kind(r), et.target_kinds):
                                if et.name == "recall_ambassador" or p.lower_ == "by":
                                    self._conjunct_targets(g, actor, r)
                                return r
                if et.name in ("accuse", "demand"):
                    return None
        cands = []
        limit = min(sent.end_char, me + 140)
        span = doc.char_span(me, limit, alignment_mode="expand") if limit > me else None
        seen = set()
        if span is not None:
            for t in span:
                if t.i in seen:
                    continue
                ref = None
                e = ctx.ent_of(t)
                if e is not None:
                    seen.update(range(e.start, e.end))
                    if e.label_ == "NORP" and e.end < len(doc) and doc[e.end].lower_ in ("people", "public", "society", "citizens"):
                        continue
                    if not re.search(r"[^\W\d_]{3}", e.text):
                        continue        # a fragment the NER tagged ("ex-" of "ex-Soviet")
                    nxt = ctx.ent_of(doc[e.end]) if e.end < len(doc) else None
                    if e.label_ == "NORP" and nxt is not None and nxt.ent_id_ and nxt.label_ != "NORP":
                        continue        # "ex-Soviet Georgia": the adjective describes the place named next
                    ref = ctx._ref_of_ent(e)
                elif t.lower_ in ("country", "republic", "nation") and t.pos_ == "NOUN":
                    if not any(u.ent_type_ for u in t.subtree):
                        ref = ctx.resolve(t)
                    if (ref is None or ref.actor == actor) and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                        prev = self._previous_state(t)       # "the Nordic country": the state named last
                        ref = Ref("state", prev, None, t.text) if prev and prev != actor else ref
                elif t.lower_ in self.gaz.generic_alliance_heads and t.pos_ == "NOUN":
                    ref = ctx.resolve(t)
                if ref is None:
                    continue
                aid = ref.actor
                if aid is None:
                    if ref.kind == "other" and e is not None and e.label_ in ("GPE", "LOC", "ORG", "NORP") and not cands \
                            and (e.label_ != "NORP" or self._collective(e)):
                        cands.append(_COLLECTIVE)   # "the West": a target with no id
                        break
                    continue
                k = self.gaz.kind(aid)
                if k == "region" and et.name == "attack":
                    reg = self.gaz.by_id.get(aid)
                    if reg is not None and reg.part_of and reg.part_of != actor:
                        aid, k = reg.part_of, "state"
                if aid == actor:
                    continue
                if not self._kind_ok(k, et.target_kinds):
                    continue
                cands.append(aid)
                if et.name in ("recall_ambassador", "accuse", "demand") and e is not None:
                    # "recalled its ambassadors to the United States and Australia", "a rebuke to Russia and Belarus"
                    self._conjunct_targets(e.root, actor, aid)
                break
        if cands:
            return cands[0]
        if et.target == "object_or_main" and ctx.main_state and ctx.main_state != actor:
            return ctx.main_state
        return None

    _ADDRESSEE_VERBS = frozenset({"reject", "decline", "refuse", "ignore", "dismiss", "receive", "grant", "accept",
                                  "answer", "consider", "approve", "deny", "turn"})

    _FROM_ASKER = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?$")

    def _asker_after(self, me: int, sent, actor: str | None) -> str | None:
        """The state named right after "… request from" / "… appeal by" (a state, or a person acting for one)."""
        ctx = self.ctx
        for e in ctx._ents_cache():
            if e.start_char < me or e.start_char >= min(me + 24, sent.end_char):
                continue
            if not self._FROM_ASKER.match(ctx.view[me:e.start_char]):
                return None
            aid = e.ent_id_ or None
            if aid is None and e.label_ == "PERSON":
                aid = ctx.person_ref(e).state
            if aid is None and e.label_ == "NORP":
                aid = self.gaz.lookup_adjective(e.text)
            return aid if aid and aid != actor and self.gaz.kind(aid) == "state" else None
        return None

    _ACT_NOUNS = frozenset({"drills", "exercises", "exercise", "manoeuvres", "maneuvers", "deployment",
                            "response", "reaction", "decision", "move", "action", "actions", "refusal", "inaction",
                            "behaviour", "behavior", "conduct", "step", "steps", "failure", "position", "stance"})

    def _along_with(self, verb, subj) -> list[Ref]:
        """States joined to the subject by "along with" / "together with" (on the verb or on the subject)."""
        out = []
        for holder in dict.fromkeys((verb, subj, subj.head)):     # the subject's own verb, when the trigger hangs on it
            for c in holder.children:
                if c.dep_ not in ("prep", "advmod") or c.lower_ not in ("along", "together"):
                    continue
                for w in c.children:
                    if w.dep_ == "prep" and w.lower_ == "with":
                        for o in w.children:
                            if o.dep_ == "pobj":
                                out += [r for r in self._refs(o) if r.actor and self.gaz.kind(r.actor) == "state"]
        return out

    def _alliance_named_as(self, text: str, before: int) -> str | None:
        """"pulled out of the treaty" after "the Collective Security Treaty" and "the CIS": the alliance last named
        with that word in its name, not the one named last."""
        m = re.search(r"\b(?:the|a|an) (?:[\w-]+ ){0,3}?(treaty|pact|alliance|union|organi[sz]ation)\b", text, re.I)
        if m is None:
            return None
        word = m.group(1).lower()[:6]          # organisation/organization alike ("organi")
        named = [ent for ent in self.ctx.doc.ents if ent.ent_id_ and self.gaz.kind(ent.ent_id_) == "alliance"
                 and word in ent.text.lower()]
        earlier = [e for e in named if e.start_char < before]
        if earlier:
            return earlier[-1].ent_id_
        # a lead may name it generically first: "… pulling out of a regional defense treaty. … the Rio Treaty"
        return named[0].ent_id_ if named and m.group(0).lower().startswith(("a ", "an ")) else None

    def _act_noun_target(self, head, actor):
        """"called the response 'depressing'": a definite act noun with no owner is the act last reported,
        so the target is who did it (the actor of the previous event in the article)."""
        obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubj", "oprd") and c.i > head.i
                    and c.lower_ in self._ACT_NOUNS), None)
        if obj is None or any(c.dep_ == "poss" for c in obj.children):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in obj.children):
            return None
        prev = [f for f in self.events + self.claims if f.start < head.idx]
        prev = sorted(prev, key=lambda f: f.start)
        if not prev:
            return None
        # membership events run state -> alliance, but a suspension is the alliance's act
        doer = prev[-1].target if prev[-1].type in self._ALLIANCE_ACTS else prev[-1].actor
        if doer and doer != actor:
            return doer
        return None

    _ALLIANCE_ACTS = frozenset({"suspend_membership"})

    _ACT_NOUNS_DONE_TO = frozenset({"coup", "putsch", "takeover", "overthrow", "mutiny", "junta", "crackdown",
                                    "violence", "seizure", "annexation", "aggression", "attack", "attacks", "invasion"})

    def _object_ref(self, obj, document: bool = False, acts: bool = False, actor: str | None = None):
        """The actor a direct object names: its head, or an actor inside its of-phrase.
        For a document ("the Prague Statement") a place in its name is not a party. With ``acts`` (blame,
        demands), an act named as the object points to where it happened or who did it ("condemned the
        coup in Niger", "this coup": the state the article is about)."""
        ctx = self.ctx
        if document:
            return None
        poss = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if acts and poss is not None and obj.pos_ == "NOUN" and ctx.ent_of(obj) is None:
            # "criticizing its ties with Iran": the owner of what is blamed, not a state named inside it
            r = ctx.resolve(poss)
            return r.actor if r is not None and r.actor and r.actor != actor else None
        if acts and ctx.ent_of(obj) is None and obj.pos_ == "NOUN":
            # what is blamed or demanded is often an act or a state of affairs in a country: "condemned the
            # coup in Niger", "demanded the restoration of constitutional order in the country"; an act's doer
            # named with "by" is who is blamed ("condemned the attack on Ukraine by Russia")
            for t in obj.subtree:
                if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "prep" and not _in_clause_below(t, obj):
                    e = ctx.ent_of(t)
                    r = ctx._ref_of_ent(e) if e is not None else None
                    if r is not None and r.actor and r.actor != actor and self.gaz.kind(r.actor) in ("state", "alliance"):
                        return r.actor
            for t in obj.subtree:
                if _in_clause_below(t, obj):
                    continue                  # a relative clause tells about something else
                e = ctx.ent_of(t)
                r = ctx._ref_of_ent(e) if e is not None and not _leading(e) else None
                if r is not None and r.actor and r.actor != actor and self.gaz.kind(r.actor) == "state":
                    return r.actor
                if t.lower_ in ("country", "nation") and any(c.lower_ == "the" for c in t.children) \
                        and ctx.main_state and ctx.main_state != actor:
                    return ctx.main_state
            if obj.lower_ in self._ACT_NOUNS_DONE_TO and ctx.main_state and ctx.main_state != actor:
                return ctx.main_state
            # "the group's failure", "a deviation from the bloc's principles": the alliance the sentence named
            # before ("… were leaving ECOWAS, citing the group's failure"), else the one the article is about
            if any(t.lower_ in self.gaz.generic_alliance_heads | {"group"} and not _in_clause_below(t, obj)
                   for t in obj.subtree):
                named = ctx.alliance_named_before(obj)
                if named and named != actor:
                    return named
                if ctx.main_alliance and ctx.main_alliance != actor:
                    return ctx.main_alliance
        e = ctx.ent_of(obj)
        if e is not None:
            r = ctx._ref_of_ent(e)
            if r is not None:
                return r.actor if r.actor else ("null" if r.kind == "other" else None)
        toks = [obj]
        for c in obj.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod") or (c.dep_ == "prep" and c.lower_ == "of"):
                toks.extend(c.subtree)
        for t in sorted(toks, key=lambda x: x.i):
            e = ctx.ent_of(t)
            if e is not None and _leading(e):
                continue        # "the Russian-led alliance" is the alliance, not Russia
            if e is not None:
                r = ctx._ref_of_ent(e)
                if r is not None and (r.actor or e.label_ != "NORP" or self._collective(e)):
                    return r.actor if r.actor else "null"
        if obj.lower_ in self.gaz.generic_alliance_heads and ctx.main_alliance and ctx.main_alliance != actor \
                and any(_leading(ctx.ent_of(t)) for t in toks if ctx.ent_of(t) is not None):
            return ctx.main_alliance
        if obj.pos_ == "PRON":
            r = ctx.resolve(obj)
            if r is not None and r.actor:
                return r.actor
        if obj.lemma_.lower() in self._FORCE_NOUNS and [c.lower_ for c in obj.children if c.i < obj.i] == ["the"]:
            named = self._alliance_force_before(obj)
            if named and named != actor:
                return named        # "accused the force of working with the rebels": the bloc's force named before
        if obj.lower_ in ("country", "nation", "state", "republic", "kingdom") and \
                any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
            return self._previous_state(obj)
        return None

    _INSTRUMENT_END = re.compile(r"\bthe (?:[\w-]+ ){0,3}?(?:treaty|agreement|pact|accord)$", re.I)
    _INSTRUMENT_NAME = re.compile(r"\b(?:treaty|agreement|pact|accord)\b", re.I)

    def _instrument_meant(self, ms: int, me: int) -> str | None:
        """"… signed the security agreement during a summit of the Commonwealth": a match ending in a definite
        instrument named generically means the alliance the article last named as an instrument ("a
        collective security treaty", "the Rio Treaty"), not an organisation named later in the sentence."""
        ctx = self.ctx
        if not self._INSTRUMENT_END.search(ctx.view[ms:me]):
            return None
        last = None
        for e in ctx.doc.ents:
            if e.start_char >= ms:
                break
            if e.ent_id_ and self.gaz.kind(e.ent_id_) == "alliance" and self._INSTRUMENT_NAME.search(e.text):
                last = e.ent_id_
        return last

    _FORCE_NOUNS = frozenset({"force", "mission", "contingent", "troop", "peacekeeper"})

    def _alliance_force_before(self, tok) -> str | None:
        """The alliance whose own force the article named before ``tok``: "the East African Community (EAC)
        Regional Force", "the SADC Mission in Mozambique", "CSTO troops"."""
        found = None
        for e in self.ctx.doc.ents:
            if e.end > tok.i:
                break
            if not e.ent_id_ or self.gaz.kind(e.ent_id_) != "alliance":
                continue
            after = self.ctx.doc[e.end:min(e.end + 4, tok.i)]
            if any(t.lemma_.lower() in self._FORCE_NOUNS for t in after if t.pos_ in ("NOUN", "PROPN")):
                found = e.ent_id_
        return found

    def _conjunct_targets(self, tok, actor, first) -> None:
        """"recalled its ambassadors to the United States and Australia": the other targets of a coordination."""
        for cj in tok.conjuncts:
            r2 = self._object_ref(cj)
            if r2 not in (None, "null", actor, first) and r2 not in self.co_targets:
                self.co_targets.append(r2)

    def _collective(self, ent) -> bool:
        return ent.text.lower() in {w.lower() for w in self.lex.actors.get("collective_without_id") or ()}

    def _previous_state(self, tok) -> str | None:
        """"the Nordic country": the state named last before it (the caller rules out the actor)."""
        doc = self.ctx.doc
        start = max(0, self.ctx.sent_of(tok.i).start - 120)
        last = None
        for t in doc[start:tok.i]:
            e = self.ctx.ent_of(t)
            if e is not None and e.start == t.i and e.ent_id_ and self.gaz.kind(e.ent_id_) == "state" and e.label_ != "NORP":
                last = e.ent_id_
        return last

    def _date(self, sent, head, ms, me, sent_dates, narrative, region, by_object: bool = False):
        """Dates in the trigger's clause, else sentence-initial ones, else the narrative time."""
        # the clause of the trigger: the subtree of its nearest verb, without embedded clauses of other verbs
        clause_head = head
        while clause_head.pos_ not in ("VERB", "AUX") and clause_head.head != clause_head:
            clause_head = clause_head.head
        lo_i = min(t.i for t in clause_head.subtree)
        hi_i = max(t.i for t in clause_head.subtree)
        doc = self.ctx.doc
        c0, c1 = doc[lo_i].idx, doc[hi_i].idx + len(doc[hi_i])
        best = None
        trig_idx = {t.i for t in doc.char_span(ms, me, alignment_mode="expand") or []}
        dates_ok = []
        view = self.ctx.view
        for x in sent_dates:
            before = view[sent.start_char:x.start]
            if before.count("(") > before.count(")"):
                continue    # a date in parentheses is a citation or an aside ("(Itar-Tass, April 22)"), not the event's
            xt = doc.char_span(x.start, x.end, alignment_mode="expand")
            if xt is not None:
                r = xt.root
                # "Baku's 2020 attack", "its 2024 contribution": the date of that noun, not of our event
                if r.dep_ in ("compound", "nummod", "amod", "nmod") and r.head.pos_ in ("NOUN", "PROPN") and r.head.i not in trig_idx:
                    # ... except for help against a dated happening: "declined to intervene in Baku's September
                    # 2023 capture of …" happened when the capture did
                    if not (by_object and r.head.dep_ in ("pobj", "dobj") and _under(r.head, head)):
                        continue
                if r.dep_ == "pobj" and r.head.dep_ == "prep" and r.head.head.pos_ == "NOUN" and r.head.head.i not in trig_idx \
                        and r.head.head.i < min(trig_idx or {0}) and r.head.lower_ in ("for",):
                    continue
                if not by_object and _dates_a_cause(r, trig_idx):
                    continue
            dates_ok.append(x)
        sent_dates = dates_ok
        self.last_date_expr = None
        self.last_date_inherited = False
        for x in sent_dates:
            if x.future or (x.lo is None and x.kind not in _UNRESOLVED_OK):
                continue
            inside = c0 <= x.start < c1
            # a conjoined clause with its own verb is not our clause
            if inside:
                xt = doc.char_span(x.start, x.end, alignment_mode="expand")
                if xt is not None:
                    anc = xt.root
                    steps = 0
                    ok = True
                    while anc != clause_head and anc.head != anc and steps < 12:
                        if anc.dep_ in ("conj", "ccomp", "relcl", "advcl") and anc.pos_ in ("VERB", "AUX") and anc != clause_head:
                            ok = False
                            break
                        if anc.dep_ == "appos":
                            ok = False      # "Mali, a founding member since 1975, said on Sunday …": the aside's date
                            break
                        anc = anc.head
                        steps += 1
                    inside = ok
            if inside:
                dist = abs(x.start - ms)
                if best is None or dist < best[0]:
                    best = (dist, x)
        if best is None:
            # a sentence-initial date governs the whole sentence ("On January 10, …")
            for x in sent_dates:
                if x.future or (x.lo is None and x.kind not in _UNRESOLVED_OK):
                    continue
                if x.start - sent.start_char < 25 and x.start < ms:
                    best = (0, x)
                    break
        within = _noun_modifier_span(head) or (sent.start_char, sent.end_char)
        sequenced = _sequenced(head, clause_head)
        if sequenced:
            within = (c0, c1)
        if best is None:
            # (a weekday the publication date cannot place yet is kept as the clue a known fact may match, when
            # it is the main clause's: "released a statement Sunday saying they were quitting", not "following
            # the coup that toppled the government on Wednesday")
            near = [x for x in sent_dates if not x.future and within[0] <= x.start < within[1] and (
                x.lo is not None or (x.kind in ("weekday", "partial") and in_main_clause(doc, x)))
                and not _in_later_conjunct(doc, x, clause_head)]
            if near:
                best = (0, min(near, key=lambda x: abs(x.start - ms)))
        if best is not None:
            x = best[1]
            self.last_date_expr = x
            return x.lo, x.hi, x.edtf
        if sequenced:
            # "… in May 2022, after Russia's invasion …": before (or, for "before"/"until", after) the time of
            # the clause it is placed against, which is the nearest dated main clause of the sentence
            outer = [x for x in sent_dates if not x.future and x.lo is not None and x.kind != "since"
                     and not (c0 <= x.start < c1)]
            if outer:
                x = min(outer, key=lambda x: abs(x.start - ms))
                lo, hi = (None, x.hi) if sequenced in _BEFORE_THE_OTHER else (x.lo, None)
                return lo, hi, edtf_of(lo, hi)
            return None, None, None
        if clause_head.dep_ == "relcl" and any(c.lower_ == "when" for c in clause_head.children):
            # "in 1958 when Iraq quit the organisation": the time the clause describes
            on = clause_head.head
            for x in sent_dates:
                if x.lo is not None and not x.future and x.start <= on.idx < x.end:
                    self.last_date_expr = x
                    return x.lo, x.hi, x.edtf
        if narrative is not None and clause_head.dep_ != "relcl" and not earlier_cases(clause_head):
            # (a relative clause is background -- "Karabakh, which came under Baku's control" -- not the
            # time the narrative is at)
            self.last_date_expr = narrative
            self.last_date_inherited = True
            return narrative.lo, narrative.hi, narrative.edtf
        return None, None, None
