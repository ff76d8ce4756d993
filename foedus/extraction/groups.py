"""Groups of states an article refers to as a whole: written lists ("Tbilisi, Baku and Tashkent"), group
anaphora ("all three countries", "those three states", "them", "the joint statement"), "the leaders of X, Y
and Z", the bodies of the alliance the article is about ("the Authority", "the leaders"), and a plural
"they" that continues the previous sentence's subject. Rule-based, on the parse of one article."""
from __future__ import annotations

import weakref
from typing import Callable

from foedus.extraction.discourse import DocContext, Ref

__all__ = ["GroupResolver"]


class GroupResolver:
    """``refs`` resolves one noun phrase head to actor references (the event finder's resolver)."""

    def __init__(self, ctx: DocContext, refs: Callable[..., list[Ref]]):
        self.ctx = ctx
        self.gaz = ctx.gaz
        # the event finder owns this resolver: a bound method of it held here would be a reference cycle
        # that keeps every article's parse alive until the garbage collector's rare full pass (peak memory
        # grew by ~0.3 MB an article); a weak reference to the method keeps the two acyclic
        self._refs = weakref.WeakMethod(refs) if hasattr(refs, "__self__") else (lambda: refs)

    def refs(self, *args, **kwargs) -> list[Ref]:
        return self._refs()(*args, **kwargs)

    _GROUP_NOUNS = frozenset({"countries", "states", "nations", "juntas", "governments", "regimes", "members",
                              "neighbours", "neighbors", "republics", "allies", "capitals", "trio", "duo"})
    _ROLE_PLURALS = frozenset({"leaders", "heads", "presidents", "juntas", "governments", "rulers", "authorities",
                               "representatives", "delegations", "ministers", "regimes", "officials"})
    _RULERS = frozenset({"leaders", "juntas", "governments", "rulers", "authorities", "regimes"})
    _MEMBER_NOUNS = frozenset({"members", "states", "allies", "partners", "countries"})
    _DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "note", "appeal"})
    _NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

    def group_refs(self, head) -> list[Ref] | None:
        """"all three countries", "those three states", "the two neighbours": the last list of that many
        states named before; "the leaders of Mali, Burkina Faso and Niger", "the military-led governments in
        Mali, Burkina Faso and Niger": the states of the of- or in-phrase."""
        low = head.lower_
        if low in self._ROLE_PLURALS:
            for p in head.children:
                # ("in" only after those who rule: "officials in Brussels" may be anyone's, meeting there)
                if p.dep_ == "prep" and (p.lower_ == "of" or (p.lower_ == "in" and low in self._RULERS)):
                    for o in p.children:
                        if o.dep_ == "pobj":
                            refs = [r for r in self.refs(o) if r.actor and self.gaz.kind(r.actor) == "state"]
                            if len(refs) > 1 or (refs and p.lower_ == "in"):
                                return refs     # ("the military leaders in Niger": who rule there, not a place)
        if low in self._DOCUMENT_NOUNS and any(c.lower_ == "joint" for c in head.children):
            # "the joint statement accused …": those who issued it, the states listed before
            return self.previous_state_list(head, None)
        if low in self._DOCUMENT_NOUNS and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its")
                                               for c in head.children) and self.ctx.ent_of(head) is None:
            # "the final declaration called for …": its issuer, the actor named last
            r = self.ctx._previous_actor(head, plural=False)
            return [r] if r is not None and r.actor else None
        if low in ("colonies", "colony") and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "all")
                                                   for c in head.children):
            # "The former French colonies turned away from Paris": the states just named, never the colonial power
            return self.previous_state_list(head, None, sentences=2)
        if low in ("them", "they") and head.dep_ in ("dobj", "pobj", "nsubj"):
            # "… Sweden and Finland … accusing them of …": a list of states in this or the previous sentence;
            # as an object also a list with an alliance ("appealed to the CSTO and Russia … accused them of")
            return self.previous_state_list(head, None, sentences=2) or (
                self.previous_state_list(head, None, sentences=2, kinds=frozenset({"state", "alliance"}))
                if head.dep_ in ("dobj", "pobj") else None)
        if low in self._MEMBER_NOUNS:
            # "the other CSTO member states", "NATO allies", "the bloc's members": the members together, the alliance;
            # also "fellow member states of the Russia-led Collective Security Treaty Organization"
            of = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            for o in of:
                e = self.ctx.ent_of(o)
                if e is not None and e.ent_id_ and self.gaz.kind(e.ent_id_) == "alliance" \
                        and any(c.lower_ == "member" or c.lower_ in ("fellow", "other") for c in head.lefts):
                    return [Ref("alliance", e.ent_id_, None, e.text)]
            for t in head.lefts:
                for u in t.subtree:
                    e = self.ctx.ent_of(u)
                    if e is not None and e.ent_id_ and self.gaz.kind(e.ent_id_) == "alliance":
                        return [Ref("alliance", e.ent_id_, None, e.text)]
        if low not in self._GROUP_NOUNS:
            return None
        n = None
        marked = False
        for c in head.children:
            if c.dep_ in ("nummod", "det", "predet", "amod") and c.i < head.i:
                if c.lower_ in self._NUMBERS or c.like_num:
                    n = self._NUMBERS.get(c.lower_) or (int(c.text) if c.text.isdigit() else None)
                    marked = True
                elif c.lower_ in ("these", "those", "all", "both"):
                    marked = True
                    n = 2 if c.lower_ == "both" else n
        if low in ("trio", "duo") and any(c.dep_ == "det" for c in head.children):
            n, marked = (3 if low == "trio" else 2), True      # "the trio": the last list of three states
        region = self._region(head)
        if region is not None and (marked or any(c.dep_ == "det" for c in head.children)):
            # "the two South Caucasus states": the states of that region the article has just named
            return self.recent_states(head, n or None, within=region)
        if not marked:
            return None
        listed = self.previous_state_list(head, n)
        if listed is None and n:
            # no written list: the last n different states the article named ("Mali and Burkina Faso … Niger …
            # The trio"), when there are that many
            listed = self.recent_states(head, n)
        if listed is None and n and any(c.dep_ == "nummod" for c in head.children):
            # a lead names the group before its members: "Four Latin American countries announced … Bolivia,
            # Venezuela, Ecuador and Nicaragua …": the next written list of exactly that many states
            listed = self.next_state_list(head, n)
        return listed

    def next_state_list(self, tok, n: int, sentences: int = 3) -> list[Ref] | None:
        """The first written list of exactly ``n`` states after ``tok`` within its sentence and the next
        ``sentences - 1``."""
        doc = self.ctx.doc
        sent = self.ctx.sent_of(tok.i)
        end = sent.end
        for _ in range(sentences - 1):
            if end >= len(doc):
                break
            end = self.ctx.sent_of(end).end
        t = tok.i + 1
        while t < end:
            e = self.ctx.ent_of(doc[t])
            if e is None:
                t += 1
                continue
            items = self.surface_list(doc[e.end - 1])
            if len(items) == n and len({r.actor for r in items}) == n:
                return items
            t = max(e.end, t + 1)
        return None

    def recent_states(self, tok, n: int | None, within: frozenset[str] | None = None) -> list[Ref] | None:
        """The last ``n`` different states named before ``tok`` (within 400 tokens), in text order, or None.
        With ``within`` only states of that set count, and ``n`` None means all of them named in the
        sentence and the one before."""
        seen: list[Ref] = []
        start = max(0, tok.i - 400)
        if n is None:
            sent = self.ctx.sent_of(tok.i)
            start = self.ctx.sent_of(sent.start - 1).start if sent.start > 0 else sent.start
        for t in reversed(self.ctx.doc[start:tok.i]):
            e = self.ctx.ent_of(t)
            if e is None or e.end - 1 != t.i or not e.ent_id_ or self.gaz.kind(e.ent_id_) != "state":
                continue
            if within is not None and e.ent_id_ not in within:
                continue
            if all(r.actor != e.ent_id_ for r in seen):
                seen.append(Ref("state", e.ent_id_, None, e.text))
            if n is not None and len(seen) == n:
                return list(reversed(seen))
        return list(reversed(seen)) if n is None and seen else None

    def _region(self, head) -> frozenset[str] | None:
        """The states of the region that qualifies a group noun ("South Caucasus states", "the Baltic
        states"), from ``state_regions`` in actors.yaml, or None."""
        regions = self.ctx.lex.actors.get("state_regions") or {}
        words = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")]
        if not words:
            return None
        phrase = " ".join(u.lower_ for w in words for u in w.subtree if u.dep_ not in ("det", "nummod", "predet"))
        for name in sorted(regions, key=len, reverse=True):
            if phrase == name or phrase.endswith(" " + name) or phrase.startswith(name + " "):
                return frozenset(regions[name])
        return None

    def previous_state_list(self, tok, n: int | None, sentences: int | None = None,
                            kinds: frozenset[str] = frozenset({"state"})) -> list[Ref] | None:
        """The last written list of states (or actors of ``kinds``) before ``tok`` (of exactly ``n`` when a number
        is given): within the last ``sentences`` sentences, else within the last 400 tokens."""
        doc = self.ctx.doc
        sent = self.ctx.sent_of(tok.i)
        start = max(0, sent.start - 400)
        if sentences:
            s = sent
            for _ in range(sentences - 1):
                if s.start == 0:
                    break
                s = self.ctx.sent_of(s.start - 1)
            start = s.start
        best = None
        for t in doc[start:tok.i]:
            if t.dep_ == "conj" or self.ctx.ent_of(t) is None:
                continue
            r = self.ctx.resolve(t)
            if r is None or not r.actor or self.gaz.kind(r.actor) not in kinds:
                continue
            refs = [x for x in self.refs(t, groups=False) if x.actor and self.gaz.kind(x.actor) in kinds]
            if len(refs) > 1 and (n is None or len(refs) == n):
                best = refs
        return best

    _INSTITUTIONS = frozenset({"authority", "summit", "council", "commission", "secretariat", "assembly",
                               "leaders", "heads", "conference", "bloc", "community", "organisation", "organization"})

    def institution(self, head) -> bool:
        """A body of the alliance the article is about, named by its function ("the Authority of Heads of
        State", "the leaders", "the summit") with no state of its own in the phrase."""
        if head.lower_ not in self._INSTITUTIONS or head.pos_ not in ("NOUN", "PROPN"):
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in head.children):
            return False
        return not any(self.ctx.ent_of(t) is not None and self.ctx.ent_of(t).label_ in ("GPE", "NORP")
                       for t in head.subtree)

    def previous_subject(self, tok):
        """The subject of the main verb of the sentence before ``tok``'s, when it is a plural noun phrase."""
        sent = self.ctx.sent_of(tok.i)
        if sent.start == 0:
            return None
        prev = self.ctx.sent_of(sent.start - 1)
        subj = next((c for c in prev.root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= tok.i:
            return None
        plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children) or subj.lower_ == "they"
        return subj if plural else None

    def surface_list(self, head) -> list[Ref]:
        """The states of a written list around ``head`` ("Tbilisi, Baku and Tashkent"), read from the
        tokens rather than the parse, which often misreads long lists of names."""
        ctx = self.ctx
        e = ctx.ent_of(head)
        if e is None:
            return []

        def state_ref(ent):
            r = ctx._ref_of_ent(ent)
            return r if r is not None and r.actor and self.gaz.kind(r.actor) == "state" else None

        first = state_ref(e)
        if first is None:
            return []
        doc = ctx.doc
        items = [(e.start, first)]
        i = e.start - 1                      # leftwards: ", X", "X and", "X, and"
        last_sep_and = doc[i].text == "and" or (i >= 1 and doc[i].text == "," and doc[i - 1].text == "and")
        while i >= 1 and doc[i].text in (",", "and"):
            if doc[i].text == "and" and not last_sep_and and i < e.start - 2:
                # "In a rebuke to Russia and Belarus, Pashinian said": an "and" further left than a bare comma
                # closes another list; the head is not its last item
                items = items[:1]
                break
            k = i - 1 if doc[i].text == "," or doc[i - 1].text != "," else i - 2
            if k < 0:
                break
            prev = ctx.ent_of(doc[k])
            r = state_ref(prev) if prev is not None else None
            if r is None:
                break
            items.insert(0, (prev.start, r))
            i = prev.start - 1
        j = e.end                            # rightwards: ", X", ", and X", "and X"
        while j < len(doc) - 1 and doc[j].text in (",", "and"):
            k = j + 1 if doc[j].text == "and" else (j + 2 if doc[j + 1].lower_ == "and" else j + 1)
            if k >= len(doc):
                break
            nxt = ctx.ent_of(doc[k])
            r = state_ref(nxt) if nxt is not None else None
            if r is None:
                break
            items.append((nxt.start, r))
            j = nxt.end
        if len(items) < 2 or not any(doc[t].lower_ == "and" for t in range(items[0][0], j)):
            return []
        return [r for _, r in items]
