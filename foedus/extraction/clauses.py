"""Where an expression sits in its sentence's syntax (spaCy dependency parse); no I/O."""
from __future__ import annotations

__all__ = ["in_main_clause"]

_FRAMING_NOUNS = frozenset({"fact", "point", "truth", "thing", "reality", "problem", "issue"})


def _framing_copula(v) -> bool:
    """A discourse frame such as "the fact is (that)", "the truth is": a copula whose subject is a framing noun."""
    if v.lemma_ != "be":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _FRAMING_NOUNS for c in v.children)


def in_main_clause(doc, x) -> bool:
    """Is a date expression attached to the sentence's main clause (not an embedded report)?"""
    sp = doc.char_span(x.start, x.end, alignment_mode="expand")
    if sp is None:
        return False
    t = sp.root
    steps = 0
    while t.dep_ != "ROOT" and steps < 15:
        if t.dep_ in ("ccomp", "relcl", "acl", "xcomp", "advcl", "pcomp") and t.pos_ in ("VERB", "AUX"):
            if t.dep_ == "ccomp" and _framing_copula(t.head):
                t = t.head          # "The fact is that on May 15 …": the framed clause is the main one
                steps += 1
                continue
            return False
        t = t.head
        steps += 1
    return True
