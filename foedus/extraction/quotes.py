"""Attributed statements: direct quotes (quotation marks of every kind and the
dash-introduced speech of translated Russian text) and indirect ones ("X said
that…", "according to X", "X believes", "in his opinion"), each with its
speaker resolved to a person, an anonymous source or an organisation."""
from __future__ import annotations

import re
from dataclasses import dataclass

from foedus.extraction.discourse import DocContext, Ref
from foedus.extraction.nlp import direct_subject

__all__ = ["Quote", "QuoteFinder"]

_TRAIL = re.compile(r"[\s,;:\u00a0]+$")
_LEAD = re.compile(r"^[\s,;:\u00a0]+")


@dataclass
class Quote:
    start: int
    end: int
    kind: str                  # direct | indirect
    speaker: Ref | None
    cue: str                   # how it was attributed
    text: str = ""

    @property
    def anonymous(self) -> bool:
        return self.speaker is None or self.speaker.kind == "anonymous"

    @property
    def is_person(self) -> bool:
        return self.speaker is not None and self.speaker.kind == "person" and bool(self.speaker.id)


# what one gives, issues or makes to say something ("gave a speech saying …")
_SPEECH_NOUNS = frozenset({"speech", "statement", "address", "interview", "message", "communique", "communiqué",
                           "declaration", "letter", "note", "briefing", "remarks", "post", "tweet", "video"})


# "That prompted a warning from Trump that “Spain has to pay …”": the noun's speaker, right before the quote
_SPEECH_NOUN_FROM = re.compile(r"\b(?:warning|statement|remark|comment|reply|response|message|threat|pledge|promise|"
                               r"assurance|reminder|rebuke|retort|plea|appeal|call)s? (?:from|by) "
                               r"(?P<who>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3})(?: that|:|,)?\s*$")


# "Added Robertson: “…”", "Said Sergei Lavrov: “…”": the verb first, then the name of who speaks, then the quote
_INVERTED_INTRO = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:Added|Said|Continued|Noted|Warned|Stressed|Insisted|Declared|"
                             r"Explained|Replied|Responded)\s+(?P<who>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)\s*[:,]\s*$")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    lead = len(seg) - len(_LEAD.sub("", seg))
    seg2 = _TRAIL.sub("", seg)
    s2, e2 = s + lead, s + len(seg2)
    # drop one closing period of the sentence
    if e2 > s2 and text[e2 - 1] == "." and not text[max(s2, e2 - 4):e2].endswith(".."):
        e2 -= 1
    return s2, max(e2, s2)


_ATTRIBUTED_AFTER = re.compile(r"^,?\s*(?:he|she|they|[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)*)\s+"
                               r"(?:said|says|added|adds|told|tells|wrote|writes|stated|asked|insisted|declared"
                               r"|posted|tweeted|quoted|quotes)\b")
# '…”, the head of Mali’s junta, Assimi Goita, posted on X' / '…,” BelTA quotes CSTO spokesman X': the
# speech verb comes after a description of the speaker, or after the outlet that quotes the speaker
_ATTRIBUTED_AFTER_LONG = re.compile(r"^,\s*[^.!?;\"“”«»]{0,160}?\b(?:said|says|added|adds|told|tells|wrote|writes|stated"
                                    r"|declared|insisted|posted|tweeted|quoted|quotes|cited|cites|noted|stressed"
                                    r"|explained|announced|warned)\b")
# the attribution after a quotation as text, for when the parse does not give the speech verb a subject:
# '…”, the head of the ruling council, X, posted on X' / '…,” the agency quotes spokesman X'
_AFTER_PHRASE = re.compile(r"^[\s”\"»’']*,?[\s”\"»’']*(?P<who>[^.!?;“”\"«»]{1,160}?)\s+(?P<verb>said|says|added|adds|told|tells"
                           r"|wrote|writes|stated|declared|insisted|posted|tweeted|noted|stressed|explained|warned"
                           r"|quoted|quotes|cited|cites)\b(?P<rest>[^.!?;“”\"«»]{0,120})")
_QUOTING_WORDS = frozenset(("quoted", "quotes", "cited", "cites"))
_ROLE_NOUNS = frozenset(("official", "diplomat", "minister", "lawmaker", "politician", "senator", "envoy", "legislator",
                         "negotiator", "parliamentarian", "deputy", "mp", "spokesman", "spokeswoman", "ambassador"))
_CLOSERS = frozenset({'"', "”", "»", "''", ",", "’"})
_WH = frozenset(("which", "whether", "if", "what", "who", "whom", "whose", "why", "how", "when", "where"))


class QuoteFinder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.lex = ctx.lex
        sp = ctx.lex.speech
        self.quoting = frozenset(sp.get("quoting_verbs") or ("quote",))
        # ("“…,” the statement read": a written statement reads)
        self.speech = ctx.lex.complement_verbs | {"add", "say", "continue", "ask", "read"} | self.quoting
        self.unsaid_verbs = frozenset(sp.get("unsaid_when_negated") or ())
        self.failed_heads = frozenset(sp.get("failed_speech_heads") or ())
        self.anaphoric_objects = frozenset(sp.get("anaphoric_objects") or ())
        self.done_regions: set[tuple[int, int]] = set()
        self.last_region_speaker: dict[int, Ref] = {}   # paragraph index -> last direct speaker
        self.quotes: list[Quote] = []

    # --- helpers -------------------------------------------------------------------------
    def subject_of(self, v, depth: int = 0):
        subject = direct_subject(v)
        if subject is not None:
            return subject
        if depth < 3 and v.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "pcomp", "relcl") and v.head != v:
            if v.dep_ == "relcl":
                return v.head
            h = v.head
            if v.dep_ == "acl" and h.pos_ == "NOUN" and h.lemma_.lower() in _SPEECH_NOUNS and h.dep_ == "dobj" \
                    and h.head.pos_ in ("VERB", "AUX"):
                # "gave a televised speech saying …", "issued a statement saying …": who gave it says it
                return self.subject_of(h.head, depth + 1)
            return self.subject_of(h, depth + 1)
        return None

    def _quoting_verb(self, v):
        """The quoting verb ("quote", "cite") that ``v`` hangs under: the verb itself, or the verb of
        "… quoted X as saying" / "X was quoted as saying" for ``v`` = "saying"."""
        if v.lemma_.lower() in self.quoting:
            return v
        t = v
        for _ in range(3):
            if t.head == t:
                return None
            t = t.head
            if t.lemma_.lower() in self.quoting and t.pos_ in ("VERB", "AUX"):
                return t
            if t.pos_ in ("VERB", "AUX") and t.lower_ != "as":
                return None
        return None

    def speaker_token(self, v):
        """Who says what ``v`` introduces. For a quoting verb the quoted person: its object in the active
        ("Interfax quoted Peskov as saying"), its subject in the passive ("Peskov was quoted as saying")."""
        q = self._quoting_verb(v)
        if q is not None:
            for c in q.children:
                if c.dep_ == "nsubjpass":
                    return c
            for c in q.children:
                if c.dep_ == "dobj":
                    return c
            return None
        subj = self.subject_of(v)
        if subj is not None and subj.dep_ == "csubj" and subj.head == v and (subj.pos_ == "VERB" or subj.tag_ in ("VBG", "VBN")
                                                                             or subj.lower_.endswith("ing")):
            # "Turning up the heat on President Assad, Qatar's Foreign Minister Shaikh Hamad said …": a participle
            # the parser took for the subject; the person named right before the verb speaks
            subj = None
        named_before = None
        if v.i > 0:
            # a person named right before the verb, within its clause
            e = self.ctx.ent_of(v.doc[v.i - 1])
            if e is not None and e.label_ == "PERSON" and e.end == v.i and e.sent == v.sent:
                named_before = e.root
        if subj is not None and named_before is not None and subj.i == subj.sent.start and subj.i + 1 < len(v.doc) \
                and v.doc[subj.i + 1].text == "," and self.ctx.ent_of(subj) is None:
            # "Recall, Russian Deputy Foreign Minister Andrei Rudenko said …": a sentence adverb before a comma
            subj = None
        if subj is None and named_before is None and v.i > 0 and v.doc[v.i - 1].text in _CLOSERS:
            # '"…," pronounced Foreign Minister Turan Guenes': after the quotation the parser may take the
            # inverted subject of a rarer speech verb for its object
            obj = next((c for c in v.children if c.dep_ == "dobj" and c.i > v.i), None)
            e = self.ctx.ent_of(obj) if obj is not None else None
            if e is not None and e.label_ == "PERSON":
                return obj
        if subj is None:
            # the parser lost the subject ("Armenia's Prime Minister and Chairman of … Nikol Pashinyan announced")
            return named_before
        return subj

    def unsaid(self, v, content=None) -> bool:
        """A speech act reported as not done ("did not say whether …", "failed to specify which …",
        "declined to comment on …"): not a statement."""
        lemma = v.lemma_.lower()
        if v.dep_ == "xcomp" and v.head.lemma_.lower() in self.failed_heads:
            return True
        negated = any(c.dep_ == "neg" for c in v.children) or (
            v.dep_ == "xcomp" and any(c.dep_ == "neg" for c in v.head.children))
        if not negated:
            return False
        if lemma in self.unsaid_verbs:
            return True
        # "did not deny that …" is a statement; "did not deny whether …" is not
        return content is not None and len(content) > 0 and content[0].lower_ in _WH

    def _speech_verbs(self, s: int, e: int):
        doc = self.ctx.doc
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX") and not self.ctx.in_quote(t)]

    def _resolve_subject(self, v) -> Ref | None:
        subj = self.speaker_token(v)
        if subj is None:
            return None
        issuer = self._statement_issuer(subj)
        if issuer is not None:
            return issuer
        return self.ctx.resolve(subj, for_speaker=True)

    def _statement_issuer(self, subj) -> Ref | None:
        """"“…,” the statement read.": the named person who, in the sentence before (a statement of theirs
        the article reports, "In an official statement released Tuesday, Air Commodore X explained that …"),
        issued the statement the definite noun points back to; None otherwise."""
        noun = subj.lemma_.lower()
        if subj.pos_ != "NOUN" or noun not in _SPEECH_NOUNS \
                or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children):
            return None
        sent = self.ctx.sent_of(subj.i)
        for q in reversed(self.quotes):
            if q.end > sent.start_char or sent.start_char - q.end > 600:
                continue
            if q.speaker is None or q.speaker.kind != "person" or not q.speaker.named:
                return None
            span = self.ctx.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None or not len(span):
                return None
            qsent = self.ctx.sent_of(span[0].i)
            return q.speaker if re.search(r"\b" + re.escape(noun) + r"s?\b", qsent.text, re.I) else None
        return None

    def _definite_role(self, ref: Ref | None, start: int) -> Ref | None:
        """"the Russian official added that …" right after a sentence naming a person: a definite role noun
        points back to that person (news writing varies the reference), unless the article introduced an
        unnamed holder of that role ("a Russian official") or the states differ."""
        ctx = self.ctx
        if ref is None or ref.kind != "anonymous" or not ref.label.startswith("the "):
            return ref
        noun = ref.label.split()[-1]
        if noun not in _ROLE_NOUNS:
            return ref
        sp = ctx.salient_person.ref if ctx.salient_person else None
        if sp is None or sp.kind != "person" or not sp.id or (ref.state and sp.state and ref.state != sp.state):
            return ref
        tok = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
        if tok is None:
            return ref
        sent = ctx.sent_of(tok[0].i)
        prev = ctx.sent_of(sent.start - 1) if sent.start > 0 else None
        if prev is not None and prev.start > 0 and re.search(r"\b(?:he|she|him|her|his)\b", prev.text, re.I):
            prev = ctx.sent_of(prev.start - 1)      # "… said X. If his words are right, … . The official added"
        surname = (sp.label or sp.id).split()[-1].split("-")[-1]
        if prev is None or not re.search(r"\b" + re.escape(surname) + r"\b", ctx.text[prev.start_char:sent.start_char], re.I):
            return ref
        if re.search(r"\b(?:an?|one|another)\s+(?:[\w-]+\s+){0,3}" + re.escape(noun) + r"\b", ctx.text[:sent.start_char], re.I):
            return ref
        return sp

    def add(self, q: Quote) -> None:
        q.speaker = self.ctx.canonical_person(self._definite_role(q.speaker, q.start))
        q.start, q.end = _trim(self.ctx.text, q.start, q.end)
        if q.end - q.start < 8:
            return
        for i, other in enumerate(self.quotes):
            ov = min(other.end, q.end) - max(other.start, q.start)
            if ov > 0.5 * min(other.end - other.start, q.end - q.start):
                if q.kind == other.kind == "indirect" and q.is_person and not other.is_person:
                    # "Poland has requested …, Prime Minister Donald Tusk said": the person who reports it is the
                    # source, not the state whose act ("requested") the clause names
                    del self.quotes[i]
                    break
                return
        q.text = self.ctx.text[q.start:q.end]
        self.quotes.append(q)
        if q.speaker is not None:
            self.ctx.note_person(q.speaker, 0)

    # --- direct ----------------------------------------------------------------------------
    def _is_full_statement(self, cs: int, ce: int, kind: str, pstart: int, pend: int) -> bool:
        text = self.ctx.text
        if kind == "dash":
            return True
        content = text[cs:ce]
        after = text[min(ce + 1, pend):pend].lstrip(" \u00a0")
        words = len(re.findall(r"\w+", content))
        # a short quotation is a statement only when it is one and is attributed right after
        # ('"We will win," Mr. Trump said'); otherwise it is a term being quoted ("frozen")
        if words < 2 or words < 4 and not (content.rstrip()[-1:] in ",.!?" and _ATTRIBUTED_AFTER.match(after)):
            return False
        before = text[pstart:max(cs - 1, pstart)].rstrip(" \u00a0‘'")
        ok_before = (not before or before[-1] in ".!?:…" or before.endswith(("]", ")"))
                     or _SPEECH_NOUN_FROM.search(before.rstrip(" \u00a0“\"«")) is not None
                     or (before[-1] == "," and re.search(r"\b(?:said|says|added|adds|asked|told|wrote|declared|stated)\s*,$", before)))
        ok_after = (not after or after[0] in ".!?;…" or content.rstrip()[-1:] in ",.!?…—-"
                    or _ATTRIBUTED_AFTER.match(after) or _ATTRIBUTED_AFTER_LONG.match(after))
        return bool(ok_before and ok_after)

    def direct_in_sentence(self, sent, si: int) -> None:
        ctx = self.ctx
        s0, s1 = sent.start_char, sent.end_char
        for (cs, ce, kind) in ctx.regions:
            if (cs, ce) in self.done_regions or not (s0 <= cs < s1 or (kind == "dash" and s0 <= cs - 2 < s1)):
                continue
            self.done_regions.add((cs, ce))
            pi, para = ctx.paragraph_of(cs)
            if para is None or para.kind not in ("body", "title"):
                continue
            if not self._is_full_statement(cs, ce, kind, para.start, para.end):
                continue
            speaker, cue = self._attribute_direct(cs, ce, kind, pi, para, sent)
            if speaker is None:
                continue
            speaker = self.ctx.canonical_person(speaker)
            self.last_region_speaker[pi] = speaker
            self.add(Quote(cs, ce, "direct", speaker, cue))

    def _attribute_direct(self, cs, ce, kind, pi, para, sent):
        ctx = self.ctx
        text = ctx.text
        # 1. after the quote, to the next quote or the end of the sentence that holds its end
        nxt = [r for r in ctx.regions if r[0] > ce and r[0] < para.end]
        end_sent = ctx.doc.char_span(max(ce - 1, cs), ce, alignment_mode="expand")
        stop = para.end
        if end_sent is not None:
            stop = min(stop, ctx.sent_of(end_sent[-1].i).end_char)
            # an attribution that spaCy put in the next sentence ('…,” he said.')
            tail = text[ce:para.end]
            m = re.match(r"^[\"”»]?\s*[^.!?\"“”«»]{0,120}?[.!?]", tail)
            if m:
                stop = max(stop, ce + m.end())
        if nxt:
            stop = min(stop, nxt[0][0] - 1)
        for v in self._speech_verbs(ce, stop):
            subj = self.speaker_token(v)
            if subj is not None and cs <= subj.idx < ce:
                continue        # the parser took words of the quotation for the subject of the verb after it
            r = self._resolve_subject(v)
            if r is not None:
                return r, "after"
        r = self._named_in_attribution_after(ce, stop)
        if r is not None:
            return r, "after"
        # 2. before the quote in the same paragraph ("He added:", "X said,")
        prev_regions = [r for r in ctx.regions if r[1] < cs and r[0] >= para.start]
        start = max(para.start, prev_regions[-1][1] + 1 if prev_regions else para.start)
        verbs = self._speech_verbs(start, max(cs - 1, start))
        for v in reversed(verbs):
            r = self._resolve_subject(v)
            if r is not None:
                return r, "before"
        before = text[start:cs].rstrip(" \u00a0“\"«")
        # 2b. a speech noun naming its speaker right before the quote: "a warning from Trump that “…”"
        m = _SPEECH_NOUN_FROM.search(before)
        if m is not None:
            tok = ctx.doc.char_span(start + m.start("who"), start + m.end("who"), alignment_mode="expand")
            r = ctx.resolve(tok.root) if tok is not None else None
            if r is not None and r.kind == "person":
                return r, "before"
        # 2c. an inverted speech verb opening the sentence: "Added Robertson: “…”" (the parser takes "Added" for a name)
        m = _INVERTED_INTRO.search(before)
        if m is not None:
            tok = ctx.doc.char_span(start + m.start("who"), start + m.end("who"), alignment_mode="expand")
            r = ctx.resolve(tok[-1]) if tok is not None else None
            if (r is None or r.kind != "person") and tok is not None and tok[-1].pos_ == "PROPN" and len(tok) <= 3:
                r = ctx._person_ref(m.group("who"), None)    # the NER left the name out (it took in the verb)
            if r is not None and r.kind == "person":
                return r, "before"
        # 3. an introduction in the previous paragraph ending with a colon, or a quote there
        if pi is not None and pi > 0 and (not before.strip() or kind == "dash"):
            j = pi - 1
            while j >= 0 and ctx.paragraphs[j].kind not in ("body", "title"):
                j -= 1
            if j >= 0:
                prev = ctx.paragraphs[j]
                ptxt = text[prev.start:prev.end].rstrip()
                if ptxt.endswith(":") or kind == "dash":
                    sp = ctx.doc.char_span(prev.start, prev.end, alignment_mode="expand")
                    if sp is not None:
                        last = ctx.sent_of(sp[-1].i)
                        for v in reversed([t for t in last if t.lemma_.lower() in self.speech and not ctx.in_quote(t)]):
                            r = self._resolve_subject(v)
                            if r is not None:
                                return r, "intro"
                        m = re.search(r"\b(?:in|to) (his|her) (?:opinion|view|words)\b", text[last.start_char:last.end_char], re.I)
                        if m and ctx.salient_person:
                            return ctx.salient_person.ref, "intro"
                        for t in last:
                            if t.dep_ in ("nsubj", "nsubjpass") and not ctx.in_quote(t):
                                r = ctx.resolve(t)
                                if r is not None and r.kind in ("person", "anonymous"):
                                    return r, "intro"
                        if ptxt.endswith(":") and ctx.salient_person:
                            return ctx.salient_person.ref, "intro"
                if j in self.last_region_speaker and (kind == "dash" or not before.strip()):
                    prev_q = [q for q in self.quotes if prev.start <= q.start < prev.end and q.kind == "direct"]
                    if prev_q and prev_q[-1].end >= prev.end - 40:
                        return self.last_region_speaker[j], "continued"
                    # ("“‘Upset’ is not the proper word,” Bush said when asked about it." / "“I am disappointed …”":
                    # the paragraph's last sentence quoted the same person)
                    sp = ctx.doc.char_span(prev.start, prev.end, alignment_mode="expand") if prev_q else None
                    after_q = text[ce:para.end].strip(" \u00a0\"”»’.")
                    if sp is not None and not after_q and prev_q[-1].start >= ctx.sent_of(sp[-1].i).start_char:
                        return self.last_region_speaker[j], "continued"
                # a paragraph that is only a quotation, after a paragraph whose last sentence is about one
                # person ("Clinton spoke to voters in Iowa." / "“We are stronger together …”"): that person's
                after = text[ce:para.end].strip(" \u00a0\"”»’.")
                if not before.strip() and not after and kind != "dash":
                    sp = ctx.doc.char_span(prev.start, prev.end, alignment_mode="expand")
                    if sp is not None:
                        last = ctx.sent_of(sp[-1].i)
                        root = last.root
                        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
                        if subj is not None and not ctx.in_quote(subj) and not any(ctx.region_at(t.idx) for t in last):
                            r = ctx.resolve(subj)
                            if r is not None and r.kind == "person" and r.id:
                                return r, "adjacent"
        return None, ""

    def _named_in_attribution_after(self, ce: int, stop: int) -> Ref | None:
        """The person named in the attribution phrase right after a quotation, read as text: the speaker
        described before the verb ('the head of the junta, X, posted on X') or, after a quoting verb, its
        object ('BelTA quotes CSTO spokesman X'). Only a named person counts."""
        ctx = self.ctx
        m = _AFTER_PHRASE.match(ctx.text[ce:stop])
        if not m:
            return None
        g = "rest" if m.group("verb") in _QUOTING_WORDS else "who"
        s, e = ce + m.start(g), ce + m.end(g)
        span = ctx.doc.char_span(s, e, alignment_mode="contract")
        if span is None:
            return None
        people = [x for x in ctx.ents_in(span.start, span.end) if x.label_ == "PERSON" and not ctx.in_quote(x.root)]
        if not people:
            return None
        return ctx.person_ref(people[-1] if g == "who" else people[0])

    # --- indirect --------------------------------------------------------------------------
    def indirect_in_sentence(self, sent, si: int, prev_sent) -> None:
        ctx = self.ctx
        text = ctx.text
        s0, s1 = sent.start_char, sent.end_char
        if ctx.region_at(s0 + 1) and ctx.region_at(s1 - 2) and ctx.region_at(s0 + 1) == ctx.region_at(s1 - 2):
            return  # the whole sentence is inside a quotation
        stext = text[s0:s1]
        # "This was confirmed by X": the previous sentence is X's statement
        if prev_sent is not None and self.lex.backward_passive.search(stext):
            for t in sent:
                if t.dep_ == "agent":
                    for p in t.children:
                        if p.dep_ == "pobj":
                            r = ctx.resolve(p, for_speaker=True)
                            if r is not None:
                                self.add(Quote(prev_sent.start_char, prev_sent.end_char, "indirect", r, "confirmed by"))
                            break
        # "In his opinion, ..." / "In the MP's opinion, ..."
        for rx in self.lex.opinion_phrases:
            m = rx.search(stext)
            if not m or m.start() > 3 and stext[:m.start()].strip() not in ("", "And", "But"):
                continue
            ref = None
            if m.groupdict().get("pron"):
                ref = ctx.salient_person.ref if ctx.salient_person else None
            else:
                sp = ctx.doc.char_span(s0 + m.start(), s0 + m.end(), alignment_mode="expand")
                if sp is not None:
                    nouns = [t for t in sp if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in ("opinion", "view", "words", "assessment")]
                    if nouns:
                        ref = ctx.resolve(nouns[-1], for_speaker=True)
            if ref is not None:
                self.add(Quote(s0 + m.end(), s1, "indirect", ref, "opinion"))
            break
        for tok in sent:
            if ctx.in_quote(tok):
                continue
            low = tok.lower_
            if low == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to":
                self._according(tok, sent)
                continue
            lemma = tok.lemma_.lower()
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            if lemma in self.lex.complement_verbs or lemma in self.lex.object_verbs:
                self._verb(tok, sent, lemma)

    @staticmethod
    def _that_clause_in_pp(v) -> list:
        """"wrote in a letter that …", "said in a statement that …": the parser hangs the that-clause on
        the noun of the verb's prepositional phrase; a complementiser "that" (mark) shows it is the content."""
        for p in v.children:
            if p.dep_ != "prep" or p.i < v.i:
                continue
            for n in p.children:
                if n.dep_ != "pobj":
                    continue
                for c in n.children:
                    if c.dep_ in ("relcl", "acl", "ccomp") and c.pos_ in ("VERB", "AUX") and any(
                            m.dep_ == "mark" and m.lower_ == "that" and m.i == c.left_edge.i for m in c.children):
                        return [c]
        return []

    def _according(self, tok, sent):
        ctx = self.ctx
        to = ctx.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None:
                for c in tok.children:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        break
        if pobj is None or pobj.lower_ in ("which", "whom", "that"):
            return
        ref = ctx.resolve(pobj, for_speaker=True)
        if ref is None:
            return
        # is there a direct quote in this sentence already attributed? then this is its source note
        if any(q.kind == "direct" and sent.start_char <= q.start < sent.end_char for q in self.quotes):
            return
        phrase_end = max(t.i for t in pobj.subtree)
        ps, pe = tok.idx, ctx.doc[phrase_end].idx + len(ctx.doc[phrase_end])
        s0, s1 = sent.start_char, sent.end_char
        left = ctx.text[s0:ps].strip(" ,\u00a0")
        right = ctx.text[pe:s1].strip(" ,\u00a0")
        if len(left) > 25 and len(right) > 25:
            qs, qe = s0, s1
        elif len(right) >= len(left):
            qs, qe = pe, s1
        else:
            qs, qe = s0, ps
        self.add(Quote(qs, qe, "indirect", ref, "according to"))

    def _verb(self, v, sent, lemma):
        ctx = self.ctx
        text = ctx.text
        s0, s1 = sent.start_char, sent.end_char
        comp = [c for c in v.children if c.dep_ == "ccomp"] or self._that_clause_in_pp(v)
        subj = self.speaker_token(v)
        span = None
        if self.unsaid(v, sorted(comp[0].subtree, key=lambda t: t.i) if comp else None):
            return
        if comp:
            c = comp[0]
            toks = sorted(c.subtree, key=lambda t: t.i)
            while toks and toks[0].dep_ == "mark" and toks[0].lower_ in ("that", "whether", "if"):
                toks = toks[1:]
            if not toks:
                return
            if c.i < v.i:
                # fronted: "Armenia has no plans ..., X told Izvestia."
                end_tok = toks[-1]
                span = (toks[0].idx, end_tok.idx + len(end_tok))
            else:
                span = (toks[0].idx, toks[-1].idx + len(toks[-1]))
        elif lemma in self.lex.object_verbs:
            reqs = self.lex.object_verb_requires.get(lemma)
            window = text[v.idx:min(s1, v.idx + 120)]
            if reqs and not any(r.search(window) for r in reqs):
                return
            objs = [c for c in v.children if c.dep_ in ("dobj", "xcomp", "prep", "ccomp", "dative", "prt", "oprd", "attr")
                    and c.i > v.i]
            if not objs:
                return
            # "announced this yesterday at the session": the clause reports the act, not its content
            if any(c.dep_ == "dobj" and c.lower_ in self.anaphoric_objects for c in objs) \
                    and not any(c.dep_ in ("xcomp", "ccomp") for c in objs):
                return
            last = max((t for o in objs for t in o.subtree), key=lambda t: t.i)
            start_tok = v
            aux = [c for c in v.children if c.dep_ in ("aux", "neg", "advmod") and c.i < v.i and c.i >= v.i - 3]
            if aux:
                start_tok = min(aux, key=lambda t: t.i)
            span = (start_tok.idx, last.idx + len(last))
        elif lemma in ("believe", "think", "say", "add", "note", "argue", "stress", "emphasize", "insist") and v.dep_ in ("parataxis", "advcl", "conj") and v.head != v:
            span = (s0, s1)
        if span is None or subj is None:
            return
        ref = ctx.resolve(subj, for_speaker=True)
        if ref is None:
            return
        qs, qe = span
        if qe - qs < 12:
            return
        # content that is one whole direct quotation was handled as direct
        inside = sum(1 for i in range(qs, qe, 3) if ctx.region_at(i))
        if inside >= 0.85 * ((qe - qs + 2) // 3) and any(q.kind == "direct" and q.start >= qs - 2 and q.end <= qe + 2 for q in self.quotes):
            return
        self.add(Quote(qs, qe, "indirect", ref, lemma))
