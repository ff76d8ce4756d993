"""One parsed article: sentences, quoted regions, and who is who.

Coreference is simple and rule-based, as news text allows:
* "he"/"she" is the last person who was the subject of a sentence or the
  speaker of a quote (named or anonymous);
* "the country", "the republic" is the state the article is about;
* "the alliance", "the bloc" is the alliance the article is about;
* an office ("the prime minister", "the Russian leader", "Tajikistan's
  president") is whoever held it on the publication date (registry roles), or
  a person of the article described with that office;
* "who"/"which" is the noun its relative clause hangs on.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from foedus.extraction.actors import NAME_PARTICLES as _NAME_PARTICLES, Gazetteer, slug_person
from foedus.extraction.entity_fixes import in_title_phrase
from foedus.extraction.lexicon import Lexicon
from foedus.sources.model import Article

__all__ = ["Ref", "DocContext", "quoted_regions"]

# heads of a subject phrase that name a person by office ("the head of the council", "the secretary")
_ROLE_HEADS = frozenset({"head", "chief", "secretary", "chairman", "chairwoman", "chair", "director", "minister",
                         "president", "spokesman", "spokeswoman", "spokesperson", "leader", "envoy", "ambassador",
                         "official", "commander", "governor", "premier"})

OPEN_Q = "«“„"
CLOSE_Q = "»”"
ALL_Q = "«»“”„\""
_NOT_FIRST_NAMES = frozenset(("the", "a", "an", "and", "but", "or", "if", "when", "while", "as", "at", "in", "on", "by",
                              "for", "from", "to", "with", "after", "before", "said", "says", "told", "says", "mr",
                              "mrs", "ms", "dr", "this", "that", "then", "so", "yet", "also", "however"))
_REL_PRON = {"who", "which", "that", "whom"}
_RELATIONAL = frozenset({"neighbor", "neighbour", "neighbors", "neighbours", "ally", "allies", "partner", "partners",
                         "rival", "rivals", "enemy", "enemies", "adversary", "adversaries", "foe", "foes", "client",
                         "satellite", "protege", "protégé", "patron"})


def _under_np(tok, head) -> bool:
    """Is ``tok`` inside the subtree of ``head`` (and not ``head`` itself)?"""
    return tok != head and head.left_edge.i <= tok.i <= head.right_edge.i
_OFFICE_WORDS = {"president", "leader", "minister", "premier", "chancellor", "pm", "secretary", "spokesman",
                 "spokeswoman", "spokesperson", "head", "king", "emir", "speaker", "chief"}


@dataclass(frozen=True)
class Ref:
    """What a noun phrase refers to."""

    kind: str                    # person | state | organisation | alliance | region | anonymous | other
    id: str | None = None        # registry id, person id, or None
    state: str | None = None     # for people and anonymous people: the state they speak or act for
    label: str = ""
    named: bool = False          # a person named in the text (or resolved from a named office)

    @property
    def actor(self) -> str | None:
        """The actor id for an event: people act for their state."""
        if self.kind in ("person", "anonymous"):
            return self.state
        return self.id


def quoted_regions(text: str, start: int, end: int, dash_openers: tuple[str, ...] = ()) -> list[tuple[int, int, str]]:
    """Quoted spans inside ``text[start:end]`` as (content start, content end, kind).

    kind is ``quote`` (between quotation marks) or ``dash`` (a paragraph that
    opens with a dash, the Russian convention for direct speech). An unclosed
    quotation runs to the end of the paragraph.
    """
    out: list[tuple[int, int, str]] = []
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    body = seg.lstrip()
    dash_end = None
    for d in dash_openers:
        if body.startswith(d) and len(body) > 20:
            cs = start + lead + len(d)
            # the speech ends at the last closing mark followed by a short attribution
            ce = end
            for m in re.finditer(r"[,.!?]?[\"”»]", seg):
                pos = start + m.start()
                tail = text[start + m.end():end]
                if len(tail) < 160 and re.search(r"\b(?:said|says|added|adds|believes|believed|told|tells|noted|stressed|emphasized|emphasised|specified|explained|stated|asked|concluded|recalled|continued|thinks|stresses|notes|explains|writes|wrote)\b", tail):
                    ce = pos
            out.append((cs, ce, "dash"))
            dash_end = ce
            break
    i = start
    cur = None
    while i < end:
        c = text[i]
        if dash_end is not None and i < dash_end:
            i += 1
            continue
        if c in ALL_Q:
            prev = text[i - 1] if i > start else " "
            nxt = text[i + 1] if i + 1 < end else " "
            if c in OPEN_Q:
                is_open = not (c == "“" and not prev.isspace() and prev not in "([—–-‘'" and (nxt.isspace() or nxt in ".,;:!?"))
            elif c in CLOSE_Q:
                is_open = c == "”" and (prev.isspace() or prev in "([—–-‘'") and not nxt.isspace()
            else:
                is_open = (prev.isspace() or prev in "([—–-‘'«“") and not nxt.isspace()
            if cur is None and is_open:
                cur = i + 1
            elif cur is not None and not is_open:
                if i > cur:
                    out.append((cur, i, "quote"))
                cur = None
        i += 1
    if cur is not None and end - cur > 3:
        out.append((cur, end, "quote"))
    return out


@dataclass
class Salient:
    ref: Ref
    sent_index: int


# who acts for the state that sent them ("its ambassador", "Turkey's envoy")
_GENERIC_NAMING = re.compile(r"\bthe (treaty|pact|organi[sz]ation)\b(?!\s+(?:on|of|between|with)\b)", re.I)
_ENVOYS = frozenset({"ambassador", "envoy", "representative", "delegation", "delegate", "mission"})

# what a state acts through, named with its adjective ("Georgian forces", "Azerbaijani troops")
_ACTING_BODIES = frozenset({"force", "troop", "army", "military", "soldier", "unit", "authority", "official",
                            "government", "leader", "diplomat", "jet", "warplane", "drone"})


@dataclass
class DocContext:
    article: Article
    doc: object                  # spacy Doc over the same-length NLP view of article.text
    gaz: Gazetteer
    lex: Lexicon
    day: date | None             # the day roles are looked up on (publication)
    paragraphs: list = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    regions: list[tuple[int, int, str]] = field(default_factory=list)
    region_starts: list[int] = field(default_factory=list)
    main_state: str | None = None
    main_alliance: str | None = None
    salient_person: Salient | None = None
    salient_group: Salient | None = None
    person_names: dict[str, str] = field(default_factory=dict)      # surface (lower) -> person id
    person_state: dict[str, str] = field(default_factory=dict)
    person_descr: dict[str, set] = field(default_factory=dict)      # descriptor noun -> person ids/anon labels
    anonymous_descr: set = field(default_factory=set)

    def __post_init__(self):
        self.text = self.article.text
        self.view = self.doc.text          # Doc.text is rebuilt on every access: keep it
        self.paragraphs = self.article.paragraphs
        self.para_starts = [p.start for p in self.paragraphs]
        for p in self.paragraphs:
            if p.kind in ("body", "title"):
                self.regions.extend(quoted_regions(self.text, p.start, p.end, self.lex.dash_openers))
        self.regions.sort()
        self.region_starts = [r[0] for r in self.regions]
        self.sents = list(self.doc.sents)
        self.sent_starts = [sp.start for sp in self.sents]
        self._ents = list(self.doc.ents)
        self._named_ids: set[str] | None = None
        self._ent_by_token = {}
        for e in self._ents:
            for i in range(e.start, e.end):
                self._ent_by_token[i] = e
        self._count_actors()

    # --- layout --------------------------------------------------------------------------
    def paragraph_of(self, offset: int):
        i = bisect.bisect_right(self.para_starts, offset) - 1
        return (i, self.paragraphs[i]) if i >= 0 else (None, None)

    def region_at(self, offset: int) -> tuple[int, int, str] | None:
        i = bisect.bisect_right(self.region_starts, offset) - 1
        if i >= 0:
            r = self.regions[i]
            if r[0] <= offset < r[1]:
                return r
        return None

    def in_quote(self, tok) -> bool:
        return self.region_at(tok.idx) is not None

    # --- article-level actors -------------------------------------------------------------
    def _count_actors(self):
        states: Counter[str] = Counter()
        alliances: Counter[str] = Counter()
        for ent in self.doc.ents:
            aid = ent.ent_id_
            if not aid:
                continue
            k = self.gaz.kind(aid)
            if k == "state":
                # a state that acts (subject, possessor) counts more than one that is acted on
                states[aid] += 1 + (ent.root.dep_ in ("nsubj", "nsubjpass", "poss"))
            elif k == "alliance":
                alliances[aid] += 1
            elif k == "person":
                st = self.gaz.person_state(aid, self.day)
                if st:
                    states[st] += 0.5
        # "the treaty", "the pact", "the organization" count for the alliance last named with that word in its name
        # ("the CIS Collective Security Treaty … the treaty's expiration date … abandon the treaty")
        named = [(e.start_char, e.text.lower(), e.ent_id_) for e in self.doc.ents
                 if e.ent_id_ and self.gaz.kind(e.ent_id_) == "alliance"]
        for m in _GENERIC_NAMING.finditer(self.text):
            word = m.group(1).lower()[:6]
            last = [aid for at, low, aid in named if at < m.start() and word in low]
            if last:
                alliances[last[-1]] += 1
        # an alliance the headline names is what the article is about (headlines are often in capitals,
        # which the case-sensitive entity ruler does not see)
        heads = [self.text[p.start:p.end] for p in self.paragraphs if p.kind in ("title", "heading")]
        first = next((self.text[p.start:p.end] for p in self.paragraphs if self.text[p.start:p.end].strip()), "")
        if first.isupper():
            heads.append(first)          # a headline in capitals that was not recognised as one
        title = " ".join(heads).lower()
        if title:
            for name, ref in self.gaz.surface.items():
                if self.gaz.kind(ref.id) == "alliance" and len(name) > 3 and re.search(r"\b" + re.escape(name) + r"\b", title):
                    alliances[ref.id] += 3
        # adjectives count too ("Armenian")
        self.main_state = states.most_common(1)[0][0] if states else None
        self.main_alliance = alliances.most_common(1)[0][0] if alliances else None

    # --- resolution -----------------------------------------------------------------------
    def ent_of(self, tok):
        return self._ent_by_token.get(tok.i)

    def _ents_cache(self):
        return self._ents

    def sent_of(self, i: int):
        """The sentence of token index ``i`` (Token.sent re-splits the whole doc)."""
        k = bisect.bisect_right(self.sent_starts, i) - 1
        return self.sents[max(k, 0)]

    def ents_in(self, start: int, end: int):
        return [e for e in self._ents if start <= e.start and e.end <= end]

    def person_ref(self, ent) -> Ref:
        """A PERSON entity as a person id (registry, earlier full name in the article, or slug)."""
        text = ent.text
        if not ent.ent_id_ and ent.start > 0 and len(text.split()) >= 2:
            # the parser cut a first name it did not know off the name ("… to Paris İsmail Hakkı Musa")
            prev = self.doc[ent.start - 1]
            if prev.is_alpha and prev.text[:1].isupper() and prev.text[1:].islower() and prev.ent_type_ == "" \
                    and prev.lower_ not in self.lex.honorifics and not prev.is_sent_start and prev.pos_ == "PROPN" \
                    and self.gaz.lookup(prev.text) is None and self.gaz.lookup_adjective(prev.text) is None \
                    and not in_title_phrase(self.doc, prev.i) \
                    and not any(c.dep_ == "compound" for c in prev.children):   # (not "… for Human Rights")
                text = prev.text + " " + text
        return self._person_ref(text, ent.ent_id_ or None, ent)

    def _person_ref(self, text: str, pid: str | None, ent=None) -> Ref:
        name = re.sub(r"(?:'s|’s)$", "", text.replace("\u00a0", " ").strip())
        name = re.sub(r"\s+", " ", name)
        key = name.lower()
        if pid is None:
            pid = self.person_names.get(key)
        if pid is None:
            toks = name.split()
            if len(toks) > 1 and toks[0].lower() in _NAME_PARTICLES:
                # a surname with its particle ("Bin Jassim", "Al Thani", "de Gaulle"): the article's person so named
                cands = [v for k, v in self.person_names.items() if k.endswith(" " + key)]
                pid = cands[-1] if cands else None
            if pid is None and len(toks) == 1:
                # a surname alone: the person of the article with that surname, else the registry's
                cands = [v for k, v in self.person_names.items() if k.split()[-1] == key]
                if cands:
                    pid = cands[-1]
                else:
                    reg = self.gaz.surname_candidates(name)
                    pid = reg[0] if len(reg) == 1 else None
            if pid is None:
                pid = slug_person(name, self.lex.honorifics)
        if pid:
            self.person_names[key] = pid
            if len(name.split()) > 1:
                self.person_names.setdefault(name.split()[-1].lower() + "#full", pid)
        st = self.person_state.get(pid) or self.gaz.person_state(pid, self.day)
        if st is None and ent is not None:
            st = self._descriptor_state(ent)
            if st:
                self.person_state[pid] = st
        if ent is not None:
            self._record_descriptors(ent, pid)
        return Ref("person", pid, st, name, True)

    def unlabelled_name(self, head) -> Ref | None:
        """A speaker written as a capitalised name the NER left unlabelled ("Pence insisted that …"):
        the proper noun with its proper-noun compounds, as a person. Acronyms, known actors and
        outlets are not names of people."""
        if head.pos_ != "PROPN" or head.ent_type_ or not head.is_title or not head.is_alpha:
            return None
        toks = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i] + [head]
        if any(t.ent_type_ or not t.is_title for t in toks) or toks[0].i > 0 and toks[0].nbor(-1).lower_ in ("the",):
            return None
        prev = toks[0].nbor(-1) if toks[0].i > 0 else None
        if prev is not None and prev.ent_type_ in ("ORG", "GPE", "NORP") and prev.whitespace_ == " " \
                and "\n" not in prev.text and prev.sent == toks[0].sent:
            return None         # "the CSTO Secretariat", "the Kazakh Senate": a body of that organisation or state
        name = " ".join(t.text for t in sorted(toks, key=lambda t: t.i))
        if name.lower() in self.lex.honorifics or any(o.get("name", "").lower() == name.lower() for o in self.lex.outlets):
            return None
        return self._person_ref(name, None)

    def canonical_person(self, ref: Ref | None) -> Ref | None:
        """A speaker's id as the registry knows it. Titles before a name do not count ("Lord Robertson",
        "Gen. Traore"); a surname alone, or a title with a surname, is the registry person when exactly one
        plausible person (one in office on the article's day, when several share the surname) bears it,
        unless the article named someone else with that surname; a variant spelling of a first name with a
        known surname is that person ("Sergei"/"Sergey")."""
        if ref is None or ref.kind != "person" or not ref.id:
            return ref
        gaz = self.gaz
        if ref.id in gaz.by_id:
            return ref
        if (ref.label or "").lower().startswith(("the ", "this ", "that ")):
            return ref          # "the Ambassador" pointing back to the person the article named: the id is theirs
        name = re.sub(r"(?:'s|’s|'|’)$", "", (ref.label or ref.id.replace("-", " ")).replace("\u00a0", " ").strip())
        toks = [t for t in name.split() if t]
        while len(toks) > 1 and toks[0].lower().rstrip(".") in self.lex.honorifics:
            toks.pop(0)
        if not toks:
            return ref
        bare = " ".join(toks)
        pid = None
        hit = gaz.lookup(bare)
        if hit is not None and hit.kind == "person":
            pid = hit.id
        surname = toks[-1]
        if pid is None and len(toks) == 1:
            if ref.id != slug_person(bare, self.lex.honorifics):
                return ref          # the article's own full name for this surname, found by the discourse
            low = surname.lower()
            here = {v for k, v in self.person_names.items()
                    if not k.endswith("#full") and len(k.split()) > 1 and k.split()[-1] == low
                    and k.split()[0].rstrip(".") not in self.lex.honorifics and v != ref.id}
            if len(here) == 1:
                pid = here.pop()
            elif not here:
                pid = self._first_name_of_named(surname) or self._registry_person(surname) \
                    or self._full_name_in_text(surname)
        elif pid is None:
            cands = set(gaz.surname_candidates(surname))
            if len(cands) == 1:
                cand = next(iter(cands))
                first = gaz.by_id[cand].name.split()[0]
                if first[:1].lower() == toks[0][:1].lower() and len(toks) == len(gaz.by_id[cand].name.split()):
                    pid = cand
            if pid is None:
                # another transliteration ("Nabeel Al Arabi"), or the two names the other way round
                pid = gaz.person_by_spelling(bare)
        if pid is None and len(toks) == 1:
            pid = self._first_name_of_named(toks[0])
        if pid is None:
            pid = slug_person(bare, self.lex.honorifics) or ref.id
        if pid == ref.id:
            return ref
        self.person_names.setdefault(name.lower(), pid)
        return Ref(ref.kind, pid, ref.state or gaz.person_state(pid, self.day), ref.label, ref.named)

    def _person_pronoun(self, head) -> Ref | None:
        """Who "he"/"she" is: the salient person, except
        * a person the sentence names before it as a subject, first of a verb the pronoun's clause hangs on
          ("Pashinyan met Lukashenko on Monday, and he said …"), else of another clause ("Although Lukashenko
          is an ally, he said …");
        * a pronoun subject of a clause hanging on the sentence's words ("A conversation was held with Dmitry
          Peskov, during which he expressed regret"), when no person is the subject before it: the person the
          sentence named last before it;
        * never a person the pronoun's own clause names after it ("he expressed regret about Pashinyan's
          decision" is not Pashinyan): then that person named before it in the sentence, or nobody."""
        sal = self.salient_person.ref if self.salient_person else None
        verb = head.head
        before = [e for e in self.doc.ents if e.label_ == "PERSON" and e.sent == head.sent and e.end <= head.i
                  and not self.in_quote(e.root)]
        ancestors = {a.i for a in head.ancestors}
        subjects = [e for e in before if e.root.dep_ in ("nsubj", "nsubjpass")]
        ruling = [e for e in subjects if e.root.head.i in ancestors] or subjects
        if ruling:
            # "Pashinyan met Lukashenko, and he said …", "Although Lukashenko is an ally, he said …": the subject
            return self.person_ref(ruling[-1])
        nearest = before[-1] if before else None       # (no person before it is a subject)
        if nearest is not None and head.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("relcl", "advcl", "acl") \
                and verb.i > head.i:
            return self.person_ref(nearest)
        if sal is not None and sal.kind == "person" and sal.id:
            surname = sal.id.rsplit("-", 1)[-1]
            if any(e.label_ == "PERSON" and e.start > head.i and verb.left_edge.i <= e.start <= verb.right_edge.i
                   and slug_person(e[-1].text) == surname for e in self.doc.ents):
                near = self.person_ref(nearest) if nearest is not None else None
                return near if near is not None and near.id != sal.id else None
        return sal

    def _first_name_of_named(self, word: str) -> str | None:
        """"Shaikh Hamad" after "Shaikh Hamad Bin Jasem Al Thani": a title and the first name (Arabic usage) is
        the person of three or more names the article named so, before any namesake the registry knows."""
        low = word.lower()
        firsts = {v for k, v in self.person_names.items() if not k.endswith("#full") and len(k.split()) > 2
                  and [w for w in k.split() if w.rstrip(".") not in self.lex.honorifics][:1] == [low]}
        return firsts.pop() if len(firsts) == 1 else None

    def _full_name_in_text(self, surname: str) -> str | None:
        """A surname alone after the article gave the full name ("Pavel Dorokhin … Dorokhin"), when the
        parser did not label the full name: the one first name written before that surname."""
        gaz = self.gaz
        firsts = set()
        for m in re.finditer(r"\b([A-ZÀ-Þ][^\W\d_A-Z]+(?:-[A-ZÀ-Þ][^\W\d_A-Z]+)?)[ \u00a0]+" + re.escape(surname) + r"\b",
                             self.text):
            w = m.group(1)
            if w.lower() in self.lex.honorifics or w.lower() in _NOT_FIRST_NAMES or gaz.lookup(w) is not None \
                    or gaz.lookup_adjective(w) is not None:
                continue
            firsts.add(w)
        if len(firsts) != 1:
            return None
        first = firsts.pop()
        pid = slug_person(f"{first} {surname}", self.lex.honorifics)
        reg = gaz.lookup(f"{first} {surname}")
        return reg.id if reg is not None and reg.kind == "person" else pid

    def _registry_person(self, surname: str) -> str | None:
        gaz = self.gaz
        cands = sorted(set(gaz.surname_candidates(surname)))
        if len(cands) > 1 and self.day is not None:
            cands = [c for c in cands if any(r.held_on(self.day) for r in gaz.by_id[c].roles)]
        return cands[0] if len(cands) == 1 else None

    def _descriptor_state(self, ent) -> str | None:
        """The state in a person's title or apposition ("the Russian Foreign Ministry's ambassador")."""
        head = ent.root
        toks = [t for t in head.subtree if t.i < ent.start or t.i >= ent.end]
        if head.dep_ == "appos":
            toks += [t for t in head.head.subtree if not (ent.start <= t.i < ent.end)][:12]
        window = [t for t in self.doc[max(ent.start - 6, 0):ent.start]]
        for t in window[::-1]:
            if t.is_punct and t.text not in ("’s", "'s", "-"):
                break
            toks.append(t)
        toks += self._role_before_comma(ent)
        for t in toks:
            e = self.ent_of(t)
            if e is not None and e.ent_id_ and e.label_ != "PERSON":
                k = self.gaz.kind(e.ent_id_)
                if k == "state":
                    return e.ent_id_
                if k == "region":
                    a = self.gaz.by_id.get(e.ent_id_)
                    if a and a.part_of:
                        return a.part_of
        return None

    def _role_before_comma(self, ent) -> list:
        """"Syria's envoy to the League, Yousuf Ahmad, said": the role phrase set off by a comma before the
        name (the parser often hangs the name on the last noun of that phrase). Only a phrase with a role noun
        counts: "In Moscow, Ahmad said" says where, not whose."""
        if ent.start < 2 or self.doc[ent.start - 1].text != ",":
            return []
        phrase = []
        for t in reversed(self.doc[max(ent.start - 10, 0):ent.start - 1]):
            if t.is_punct and t.text not in ("’s", "'s", "-"):
                break
            phrase.append(t)
        if not any(t.lower_ in self.lex.anonymous_nouns | self.lex.honorifics and t.pos_ == "NOUN" for t in phrase):
            return []
        if any(t.pos_ == "VERB" for t in phrase):
            return []
        return phrase[::-1]      # in reading order: "Russia's ambassador to Armenia" is Russia's

    def _record_descriptors(self, ent, pid):
        """Role nouns written with a person ("political scientist X", "X, a deputy") so that
        "the political scientist" later points back to X."""
        roles = self.lex.anonymous_nouns | self.lex.honorifics | {"mp", "scientist", "commentator", "analyst", "expert"}
        nouns = set()
        for t in reversed(self.doc[max(ent.start - 4, 0):ent.start]):
            if t.is_punct or t.pos_ in ("DET", "ADP", "VERB", "AUX"):
                break
            nouns.add(t.lower_)
        head = ent.root
        for c in head.children:
            if c.dep_ == "appos":
                nouns.add(c.lower_)
        if head.dep_ == "appos":
            nouns.add(head.head.lower_)
        for n in nouns & roles:
            self.person_descr.setdefault(n, set()).add(pid)

    def np_tokens(self, head):
        """Tokens of the noun phrase headed by ``head`` without relative clauses."""
        toks = []
        for t in head.subtree:
            anc = t
            skip = False
            while anc != head:
                if anc.dep_ in ("relcl", "acl", "appos", "punct") and anc.head is not None and anc != head:
                    if anc.dep_ in ("relcl", "acl"):
                        skip = True
                        break
                anc = anc.head
            if not skip:
                toks.append(t)
        return toks

    def alliance_named_before(self, tok, sentences: int = 1) -> str | None:
        """The alliance named last before ``tok`` in its sentence (what "the bloc", "the group" there refers
        to), or with ``sentences=2`` also in the sentence before ("ECOWAS leaders met … Mali and Guinea are
        suspended from the organization"), or None."""
        sent = self.sent_of(tok.i)
        start = sent.start
        if sentences > 1 and start > 0:
            start = self.sent_of(start - 1).start
        last = None
        for t in self.doc[start:tok.i]:
            e = self.ent_of(t)
            if e is not None and e.start == t.i and e.ent_id_ and self.gaz.kind(e.ent_id_) == "alliance" \
                    and e.label_ not in ("GPE", "LOC") and e.text.lower() not in self.gaz.place_names:
                last = e.ent_id_          # (not "Brussels", a capital that also stands for the EU)
        return last

    def resolve(self, head, *, for_speaker: bool = False) -> Ref | None:
        """What the noun phrase headed by token ``head`` refers to."""
        if not for_speaker and head.pos_ == "NOUN" and head.lower_ in ("nation", "country", "state", "member", "ally") \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "no", "every", "each") for c in head.children):
            return None         # "a nation has invoked Article 4": no state in particular
        r = self._resolve(head, for_speaker=for_speaker)
        if r is None and not for_speaker and head.lemma_.lower() in _ENVOYS:
            # "Its ambassador requested …": an envoy acts for the state that sent it
            poss = next((c for c in head.children if c.dep_ == "poss"), None)
            owner = self._resolve(poss) if poss is not None else None
            if owner is not None and owner.actor and self.gaz.kind(owner.actor) == "state":
                return owner
        return r

    def _resolve(self, head, *, for_speaker: bool = False) -> Ref | None:
        low = head.lower_
        # relative pronoun: the noun the clause hangs on
        if low in _REL_PRON and head.head is not None:
            clause = head.head
            while clause.dep_ not in ("relcl", "acl") and clause.head != clause:
                clause = clause.head
                if clause.dep_ == "ROOT":
                    break
            if clause.dep_ in ("relcl", "acl") and clause.head != head:
                return self.resolve(clause.head, for_speaker=for_speaker)
            return None
        if low in self.gaz.person_pronouns or low in ("i", "me", "my"):
            if low in ("i", "me", "my"):
                return None
            return self._person_pronoun(head)
        e = self.ent_of(head)
        if e is not None:
            r = self._ref_of_ent(e)
            if r is not None:
                return r
        # "Russia's western neighbour", "Moscow's closest ally": a relation to the possessor, not the possessor
        if low in _RELATIONAL and any(c.dep_ == "poss" for c in head.children):
            app = next((c for c in head.children if c.dep_ == "appos" and self.ent_of(c) is not None), None)
            return self.resolve(app, for_speaker=for_speaker) if app is not None else None   # "their ally, Armenia"
        # the head is a title or a common noun: look at the whole phrase
        np = self.np_tokens(head)
        # where something happens is not who does it ("the ECOWAS leaders' meeting in Abuja")
        np = [t for t in np if not any(a.dep_ == "prep" and a.lower_ in ("in", "at", "near", "outside", "inside")
                                       and a.head == head for a in [t, *t.ancestors] if a.i != head.i and _under_np(a, head))]
        np_text = " ".join(t.text for t in np).lower()
        np_text_c = re.sub(r"\s+", " ", np_text)
        if low in self.gaz.group_pronouns or low in ("they", "them"):
            return self._previous_actor(head, plural=low in ("they", "them", "their", "themselves"))
        # a person in apposition ("Clinton's campaign manager, Robby Mook,") is who the phrase is
        for c in head.children:
            e = self.ent_of(c) if c.dep_ == "appos" else None
            if e is not None and e.label_ == "PERSON":
                return self.person_ref(e)
        # a person named inside the phrase ("spokesman Vahan Hunanyan"); the owner of a role is not its
        # holder ("Clinton's spokesman")
        for t in np:
            e = self.ent_of(t)
            if e is not None and e.label_ == "PERSON" and not (e.root.dep_ == "poss" and head.pos_ == "NOUN"):
                return self.person_ref(e)
        if for_speaker:
            r = self.unlabelled_name(head)
            if r is not None:
                return r
            # "Deputy Prime Minister and Minister of Foreign Affairs Mihai Popsoi": the parser coordinates the
            # titles and hangs the name on the last one; the name is the speaker
            if self._office_of(np):
                for c in head.children:
                    if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > head.i:
                        r = self.resolve(c, for_speaker=True)
                        if r is not None and r.kind == "person":
                            return r
        # "the CSTO head said", "the head of NATO", "the bloc's chief": who headed the alliance on the day
        if head.pos_ == "NOUN" and low in (self.lex.actors.get("alliance_head_words") or ()):
            org = self._alliance_of_head(head, np)
            holder = self.gaz.alliance_head(org, self.day) if org else None
            if org and holder is None:
                # no day known: the one person the article named who headed it ("CSTO Secretary-General Zas")
                named = {pid for pid in self.person_names.values() if pid and self.gaz.heads_alliance(pid, org)}
                holder = named.pop() if len(named) == 1 else None
            if holder:
                return Ref("person", holder, None, np_text_c, True)
        # an office held for a state on the day
        office = self._office_of(np)
        if office in ("head", "leader") and self._state_after(head) is None \
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            office = None       # "the Russian head of delegation", "the head of the press service": not of a state
        if office:
            st = self._state_in(np) or self._state_after(head)
            if st is None and office in ("prime minister", "president", "leader", "foreign minister", "premier"):
                st = None
            holder = None
            if st and self.day is None:
                # no day known: the one person the article named who held that office ("President Sargsyan …
                # The Armenian head of state acknowledged"), not whoever holds it today
                holders = self.gaz.office_holders(office, st)
                named = set()
                for e in self.doc.ents:
                    if e.label_ == "PERSON" and e.end <= head.i:
                        pid = self.person_ref(e).id
                        # (a surname several registry people share: the one of them who held the office)
                        named |= ({pid} if pid in holders else set(self.gaz.surname_candidates(e.text)) & holders
                                  if len(e) == 1 else set())
                holder = named.pop() if len(named) == 1 else None
            holder = holder or (self.gaz.office_holder(office, st, self.day) if st else None)
            if holder:
                return Ref("person", holder, self.gaz.person_state(holder, self.day) or st, np_text_c, True)
            # an office mentioned before for a person of the article ("the MP")
        if head.pos_ in ("NOUN", "PROPN") and np and np[0].lower_ in ("the", "this", "that"):
            cands = self.person_descr.get(low)
            if cands:
                pid = sorted(cands)[-1] if len(cands) == 1 else None
                if pid:
                    return Ref("person", pid, self.person_state.get(pid) or self.gaz.person_state(pid, self.day), np_text_c, True)
            if low in self.anonymous_descr:
                return Ref("anonymous", None, self._state_in(np), np_text_c)
            if low not in self.lex.anonymous_nouns and low in ("mp", "politician", "scientist", "analyst", "expert", "minister",
                                                             "diplomat", "ambassador", "envoy", "commentator") and self.salient_person:
                return self.salient_person.ref
        if low in self.lex.anonymous_nouns or any(t.lower_ in self.lex.anonymous_nouns for t in np if t.pos_ == "NOUN"):
            if head.pos_ in ("NOUN", "PRON") and head.lower_ not in ("government", "authorities"):
                self.anonymous_descr.add(low)
                return Ref("anonymous", None, self._state_in(np), np_text_c)
        # generic alliance / state anaphors
        if any(np_text_c.endswith(w) for w in self.gaz.generic_alliance_words) or (low in self.gaz.generic_alliance_heads and head.pos_ == "NOUN"):
            inner = self._org_in(np)
            if inner:
                return inner
            named = self.alliance_named_before(head)
            if named:
                return Ref("alliance", named, None, np_text_c)     # "… left ECOWAS, saying the bloc had failed"
            if self.main_alliance:
                return Ref("alliance", self.main_alliance, None, np_text_c)
        if any(np_text_c.endswith(w) for w in self.gaz.state_anaphors) or low in ("country", "republic", "state", "nation", "side", "leadership", "government", "authorities"):
            st = self._state_in(np)
            if st:
                return Ref("state", st, None, np_text_c)
            st = self._speakers_state(head)
            if st:
                return Ref("state", st, None, np_text_c)   # "Pashinyan confirmed that the country had …"
            if low in ("country", "republic", "nation", "state") and np and np[0].lower_ in ("his", "her"):
                sp = self.salient_person.ref if self.salient_person else None
                if sp and sp.state:
                    return Ref("state", sp.state, None, np_text_c)
            if self.main_state:
                return Ref("state", self.main_state, None, np_text_c)
        # an adjective names the state ("Russian officials", "Armenian representatives")
        st = self._state_in(np)
        if st:
            return Ref("state", st, None, np_text_c)
        org = self._org_in(np)
        if org:
            return org
        return None

    def _speakers_state(self, tok) -> str | None:
        """Inside what a person is reported to say, "the country" is the speaker's own."""
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in self.lex.complement_verbs:
                subj = next((c for c in anc.children if c.dep_ == "nsubj"), None)
                if subj is None or subj.i > tok.i:
                    return None
                e = self.ent_of(subj)
                if e is not None and e.label_ == "PERSON":
                    r = self.person_ref(e)
                    return r.state
                return None
        return None

    def _previous_actor(self, tok, plural: bool) -> Ref | None:
        """"it"/"they": the closest state or organisation named before, within two sentences
        (an alliance first for "they", since a plural pronoun names a group)."""
        sent = self.sent_of(tok.i)
        lo = sent.start
        prev = self.sent_of(sent.start - 1) if sent.start > 0 else None
        if prev is not None:
            lo = prev.start
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if not plural and prev is not None and tok.dep_ == "nsubj" and first is not None and tok.i == first.i:
            # a sentence that opens with "It …" continues the previous sentence's subject ("Armenia asked Russia
            # for help after Azerbaijan's offensive. It has accused them …": Armenia)
            subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
            e = self.ent_of(subj) if subj is not None else None
            if e is not None and e.ent_id_ and e.label_ not in ("PERSON", "NORP") \
                    and self.gaz.kind(e.ent_id_) in ("state", "alliance", "organisation"):
                return Ref(self.gaz.kind(e.ent_id_), e.ent_id_, None, e.text)
            if e is None and subj is not None and subj.pos_ == "NOUN":
                # "… the junta said in a statement. It accused ECOWAS …": the body the previous sentence was about
                r = self.resolve(subj)
                if r is not None and r.actor and self.gaz.kind(r.actor) in ("state", "alliance", "organisation"):
                    return r
        found = []
        for e in reversed([e for e in self._ents_cache() if lo <= e.start and e.end <= tok.i]):
            if not e.ent_id_ or e.label_ == "PERSON":
                continue
            if e.label_ == "NORP" and not (plural and e.root.head.lemma_.lower() in _ACTING_BODIES):
                continue        # "Georgian forces … their attack": the state's forces; "Georgian voters": no
            k = self.gaz.kind(e.ent_id_)
            if k in ("state", "alliance", "organisation"):
                found.append(Ref(k, e.ent_id_, None, e.text))
        if not found:
            return self.salient_group.ref if self.salient_group else None
        if plural:
            for r in found:
                if r.kind == "alliance":
                    # "the CSTO and Russia ... they": the group, led by the alliance
                    return r
        return found[0]

    def _ref_of_ent(self, e) -> Ref | None:
        if e.label_ == "PERSON":
            if e[0].lower_ in ("the", "a", "an") and len(e) <= 3:
                return None     # "the Ambassador" taken for a name: a role noun, read as the phrase it is
            return self.person_ref(e)
        if not e.ent_id_ and e.label_ in ("NORP", "ORG", "GPE") and len(e) == 1 and e.text[:1].isupper() \
                and any(k.split()[-1] == e.text.lower() and len(k.split()) > 1 for k in self.person_names):
            return self.person_ref(e)   # "Sarkisian told …" after "President Serzh Sarkisian": the NER's NORP
        aid = e.ent_id_
        if not aid and e.label_ == "ORG" and e.end + 2 < len(self.doc) and self.doc[e.end].text == "(" \
                and self.doc[e.end + 2].text == ")":
            # "The Economic Community of West Africa States (ECOWAS)": a name spelt otherwise, then its acronym
            inner = self.ent_of(self.doc[e.end + 1])
            aid = inner.ent_id_ if inner is not None and inner.label_ == "ORG" else aid
        if aid:
            k = self.gaz.kind(aid)
            if k == "region":
                return Ref("region", aid, None, e.text)
            if k == "alliance":
                return Ref("alliance", aid, None, e.text)
            if k in ("state", "organisation"):
                return Ref(k, aid, None, e.text)
        short = self._short_name(e) if e.label_ in ("GPE", "LOC") else None
        if short is not None:
            return Ref("state", short, None, e.text)
        if e.label_ in ("ORG", "NORP", "GPE"):
            return Ref("other", None, None, e.text)
        return None

    def _short_name(self, e) -> str | None:
        """"Congo" after "the Democratic Republic of Congo": a short name several states share is the one of them
        the article names in full (none, when it names both or neither)."""
        ids = (self.lex.actors.get("shared_short_names") or {}).get(e.text.removeprefix("the ").strip())
        if not ids:
            return None
        if self._named_ids is None:
            self._named_ids = {x.ent_id_ for x in self.doc.ents if x.ent_id_}
        named = [i for i in ids if i in self._named_ids]
        return named[0] if len(named) == 1 else None

    def _office_of(self, np) -> str | None:
        words = [t.lower_ for t in np]
        joined = " ".join(words)
        for office in sorted(self.gaz.office_titles, key=len, reverse=True):
            if re.search(rf"(?:^|\s){re.escape(office)}(?:\s|$)", joined):
                return office
        return None

    def _alliance_of_head(self, head, np) -> str | None:
        """The alliance a head noun heads: named in its phrase ("the CSTO head", "the head of NATO"), or, for a
        generic one ("the bloc's chief", "the alliance head"), the alliance named last before it."""
        named = [t for t in [*np, *[g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                                    for g in c.subtree]]
                 if (e := self.ent_of(t)) is not None and e.ent_id_ and self.gaz.kind(e.ent_id_) == "alliance"]
        if named:
            return self.ent_of(named[0]).ent_id_
        words = {t.lower_ for t in np} | {g.lower_ for c in head.children if c.dep_ == "prep" for g in c.subtree}
        if words & self.gaz.generic_alliance_heads:
            return self.alliance_named_before(head, sentences=2) or self.main_alliance
        return None

    def _state_in(self, np) -> str | None:
        for t in np:
            e = self.ent_of(t)
            if e is not None and e.ent_id_:
                k = self.gaz.kind(e.ent_id_)
                if k == "state":
                    return e.ent_id_
            if t.pos_ in ("ADJ", "PROPN"):
                s = self.gaz.lookup_adjective(t.text)
                if s:
                    return s
        return None

    def _state_after(self, head) -> str | None:
        """"the President of Belarus": the state in an of-phrase after the office."""
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for g in child.children:
                    r = self._state_in(list(g.subtree))
                    if r:
                        return r
        return None

    def _org_in(self, np) -> Ref | None:
        for t in np:
            e = self.ent_of(t)
            if e is not None and e.ent_id_:
                k = self.gaz.kind(e.ent_id_)
                if k in ("alliance", "organisation"):
                    return Ref("alliance" if k == "alliance" else "organisation", e.ent_id_, None, e.text)
        return None

    # --- salience -------------------------------------------------------------------------
    def note_person(self, ref: Ref | None, sent_index: int):
        if ref is not None and ref.kind in ("person", "anonymous"):
            self.salient_person = Salient(ref, sent_index)

    def note_group(self, ref: Ref | None, sent_index: int):
        if ref is not None and ref.kind in ("state", "alliance", "organisation"):
            self.salient_group = Salient(ref, sent_index)

    def update_salience(self, sent, sent_index: int):
        """After a sentence: its subject person (or state) becomes what pronouns point to. The main clause's
        subject wins over a person the sentence reports on ("The head of the council also said that the
        Belarusian president missed the summit. … “…,” he said": the head of the council)."""
        main, reported = [], []
        unnamed_main = False
        for tok in sent:
            if tok.dep_ not in ("nsubj", "nsubjpass") or self.in_quote(tok):
                continue
            if tok.lower_ in self.gaz.person_pronouns or tok.lower_ in _REL_PRON:
                continue
            r = self.resolve(tok)
            if r is None:
                if (tok.head.dep_ == "ROOT" or tok.head.head == tok.head) and tok.lemma_.lower() in _ROLE_HEADS:
                    unnamed_main = True         # "The head of the council also said that …": someone, not resolved
                continue
            if r.kind in ("person", "anonymous"):
                if tok.head.dep_ == "ROOT" or tok.head.head == tok.head:
                    main.append(r)
                elif r.kind == "person":
                    reported.append(r)
            elif tok.head.dep_ == "ROOT":
                self.note_group(r, sent_index)
        # a named person of the main clause, else a person the sentence reports on (unless the main clause's
        # subject is someone by office the article does not name: then nobody new), else an unnamed subject
        # ("the 30 member states", "the government's press office")
        named_main = [r for r in main if r.kind == "person"]
        pick = named_main or ([] if unnamed_main else reported) or main
        if pick:
            self.note_person(pick[-1], sent_index)
