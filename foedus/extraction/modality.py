"""Is a reported happening asserted, denied, predicted, hypothetical or only a topic?

Cues come from ``modality.yaml``: they are searched in the clause before the
trigger (up to the last clause break), right after it, and in the whole
sentence (questions). The trigger's own dependency head is checked for a
modal auxiliary, a negation and an "if"/"unless" clause too, and what a demand
asks for ("urged Moscow to withdraw", "called on them to stop selling") is not
reported as done.
"""
from __future__ import annotations

from foedus.extraction.lexicon import Lexicon

__all__ = ["classify_modality"]

_MODAL_AUX = {"will", "would", "could", "may", "might", "shall", "should", "can", "must", "'ll", "ca", "wo"}
_COND = {"if", "unless", "whether"}
_BLAMING = {"accuse", "criticize", "criticise", "blame", "condemn", "denounce", "charge", "rebuke", "chide", "fault",
            "slam", "castigate", "reproach"}
_DEMANDING = {"urge", "call", "demand", "ask", "press", "request", "appeal", "tell", "order", "instruct", "implore",
              "encourage", "invite", "pressure", "push", "want", "expect"}


def classify_modality(lex: Lexicon, sentence: str, trig_start: int, trig_end: int, trigger_tokens=(),
                      *, negative: bool = False, modal_ok: bool = False) -> str:
    """``trig_start``/``trig_end`` are offsets into ``sentence``."""
    mods = lex.modality
    for rx in mods.get("question", {}).get("sentence", []):
        if rx.search(sentence):
            return "question"
    left = sentence[max(0, trig_start - lex.modality_window_before):trig_start]
    breaks = list(lex.clause_breaks.finditer(left))
    clause = left[breaks[-1].end():] if breaks else left
    right = sentence[trig_end:trig_end + lex.modality_window_after]
    for name in mods:          # in the order of modality.yaml (a user may add one there)
        if name == "question" or (name == "predicted" and modal_ok):
            continue
        spec = mods.get(name, {})
        if any(rx.search(clause) for rx in spec.get("before", [])):
            return name
        if any(rx.search(right) for rx in spec.get("after", [])):
            return name
    # the parse: the trigger's verb and the verbs it hangs on
    for tok in trigger_tokens[:1]:
        v = tok
        for _ in range(3):
            for c in v.children:
                if c.dep_ == "mark" and c.lower_ in _COND:
                    return "hypothetical"
                if c.dep_ == "aux" and c.lower_ in _MODAL_AUX and not modal_ok and c.i < tok.i:
                    return "predicted"
                if c.dep_ == "neg" and not negative and v == tok:
                    return "denied"
            blamer = v.head.head if v.dep_ == "pcomp" and v.head.lower_ in ("of", "for") else None
            if blamer is not None and blamer.pos_ in ("NOUN", "PROPN", "PRON") and blamer.dep_ == "dobj":
                blamer = blamer.head            # "criticized his allies for selling": the parser hangs "for" on the object
            if blamer is not None and blamer.lemma_.lower() in _BLAMING and blamer != tok:
                # "accused Russia of selling weapons", "criticized its allies for selling weapons": what the blame
                # alleges is the blamer's claim, and its doer is the one blamed, not the subject
                return "alleged"
            if v.dep_ == "xcomp" and v.head != v and v.head.lemma_.lower() in _DEMANDING and v.head != tok:
                # "called on fellow members to stop selling weapons to Azerbaijan": what is asked for has not happened
                return "predicted"
            if v.dep_ in ("xcomp", "conj", "pcomp") and v.head != v:
                v = v.head
            elif v == tok and v.dep_ in ("prep", "pobj"):
                # a trigger inside a phrase ("after the exit of Mali"): the modal of the verb the phrase modifies
                u = v
                while u.dep_ in ("prep", "pobj") and u.head != u and u.head.pos_ not in ("VERB", "AUX"):
                    u = u.head
                if u.dep_ not in ("prep", "pobj") or u.head == u:
                    break
                v = u.head
            else:
                break
    return "asserted"
