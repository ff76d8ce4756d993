"""Repairs of the statistical NER's entities that titles of office and attitudes mislead (pure functions on a
parsed ``Doc``; the spaCy component ``foedus_entity_fixes`` in ``nlp.py`` applies them after "ner").

* an attitude is not an actor: "pro-Russian separatists", "anti-Western" (``drop_attitudes``);
* an institution is not a person: "the National Security Council", "AZERTAC" (``institutions_not_people``);
* a name after a title is the person, not the title: "said Secretary of Defense Caspar Weinberger" (the NER
  took "Defense Caspar Weinberger" for an organisation), "Minister of Foreign Affairs and Trade Péter
  Szijjártó" (not "Trade Péter Szijjártó") (``names_after_titles``), and "UN High Commissioner for Human
  Rights Navi Pillay", a name the NER left unlabelled (``unlabelled_names_after_titles``);
* a name the NER cut in two at a particle is one name: "Mohamed Salem" + "Ould Salek" (``names_split_at_particles``);
* a surname alone is the person the article named in full before ("Janos Martonyi of Hungary" … "Hungary's
  Martonyi recalled"), not the place or organisation the NER took it for (``surnames_of_people_named``).

Entities the registry's entity ruler named (``ent_id_``) are never changed.
"""
from __future__ import annotations

__all__ = ["fix_entities", "in_title_phrase", "names_split_at_particles", "surnames_of_people_named"]

# the nouns of office a title "… of X" hangs on, before a name ("Secretary of State Antony Blinken")
TITLE_HEADS = frozenset({"secretary", "minister", "commissioner", "director", "chief", "head", "chairman",
                         "chairwoman", "chair", "governor", "ambassador", "undersecretary", "chancellor"})
# what a title is "of" or "for" ("Minister of Foreign Affairs", "Chief of General Staff"): never a surname
TITLE_OBJECTS = frozenset({"staff", "affairs", "defence", "defense", "state", "rights", "security", "trade",
                           "justice", "interior", "finance", "health", "education", "energy", "economy", "industry",
                           "agriculture", "commerce", "labour", "labor", "treasury", "war", "navy", "operations",
                           "intelligence", "development", "cooperation", "integration", "refugees", "europe"})
# the last word of an institution's name, which the NER sometimes takes for a person's
INSTITUTION_HEADS = frozenset({"council", "committee", "ministry", "assembly", "parliament", "commission", "agency",
                               "service", "office", "organization", "organisation", "union", "court", "party",
                               "department", "bureau", "authority", "institute", "university", "association",
                               "federation", "community", "government", "administration", "secretariat",
                               "directorate", "command", "league", "alliance", "bloc", "forces", "army"})
ATTITUDE_PREFIXES = frozenset({"pro", "anti"})


def in_title_phrase(doc, i: int) -> bool:
    """Does token ``i`` follow the "of"/"for"/"and" of a title ("Minister of Foreign Affairs and | Trade")?"""
    return i >= 2 and doc[i - 1].lower_ in ("of", "for", "and") \
        and any(t.lower_ in TITLE_HEADS for t in doc[max(0, i - 6):i])


def fix_entities(doc):
    """All repairs, in order; sets ``doc.ents`` only when something changed."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    new = drop_attitudes(doc, ents)
    new = institutions_not_people(doc, new, Span)
    new = names_after_titles(doc, new, Span)
    new = unlabelled_names_after_titles(doc, new, Span)
    new = names_split_at_particles(doc, new, Span)
    new = surnames_of_people_named(doc, new, Span)
    if new != ents:
        doc.ents = sorted(new, key=lambda e: e.start)
    return doc


def drop_attitudes(doc, ents: list) -> list:
    """Without the actors named only in "pro-"/"anti-" compounds, and the "pro-" fragment the NER leaves."""
    def attitude(e) -> bool:
        return e.start >= 2 and doc[e.start - 1].text == "-" and not doc[e.start - 2].whitespace_ \
            and not doc[e.start - 1].whitespace_ and doc[e.start - 2].lower_ in ATTITUDE_PREFIXES
    return [e for e in ents if not attitude(e) and not e.text.endswith("-")]


def institutions_not_people(doc, ents: list, Span) -> list:
    """A "person" whose name ends in an institution's word is an organisation, and so is one written as a single
    word in capitals ("according to AZERTAC": an acronym, an agency)."""
    def institution(e) -> bool:
        return e.label_ == "PERSON" and not e.ent_id_ and (
            (len(e) >= 2 and e[-1].lower_ in INSTITUTION_HEADS)
            or (len(e) == 1 and len(e.text) >= 3 and e.text.isalpha() and e.text.isupper()))
    return [Span(doc, e.start, e.end, label="ORG") if institution(e) else e for e in ents]


def names_after_titles(doc, ents: list, Span) -> list:
    """An entity that runs from inside a title into a name is the name: its head and the capitalised proper nouns
    compounded to it ("Defense Caspar Weinberger" -> "Caspar Weinberger")."""
    out = []
    for ent in ents:
        out.append(_name_of(doc, ent, Span) or ent)
    return out


def _name_of(doc, ent, Span):
    if ent.ent_id_ or len(ent) < 3 or ent.start < 2:
        return None
    if ent.label_ == "PERSON":
        if not in_title_phrase(doc, ent.start):
            return None
    elif doc[ent.start - 1].lower_ not in ("of", "for") or doc[ent.start - 2].lower_ not in TITLE_HEADS:
        return None
    root = ent[-1]
    if root.pos_ != "PROPN" or root.lower_ in INSTITUTION_HEADS or ent[0].lower_ == "the":
        return None             # ("the head of the National Security Council": an institution, not a name)
    first = root.i
    while first - 1 > ent.start and doc[first - 1].dep_ in ("compound", "flat") \
            and doc[first - 1].head.i == root.i and doc[first - 1].is_title:
        first -= 1
    if first == root.i or first == ent.start:
        return None             # no first name before the surname, or no title word left before it
    return Span(doc, first, ent.end, label="PERSON")


def unlabelled_names_after_titles(doc, ents: list, Span) -> list:
    """A surname the NER left unlabelled as the object of a title's "of"/"for" phrase, with the first name(s)
    written right before it ("High Commissioner for Human Rights Navi Pillay"), is a person; never the title's
    own words ("Chief of General Staff Edvard Asryan")."""
    out = list(ents)
    taken = {i for e in ents for i in range(e.start, e.end)}
    for t in doc:
        if t.pos_ != "PROPN" or t.i in taken or not t.is_title or t.dep_ != "pobj" \
                or t.head.lower_ not in ("of", "for") or t.head.head.lower_ not in TITLE_HEADS \
                or t.lower_ in INSTITUTION_HEADS or t.lower_ in TITLE_OBJECTS \
                or (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN" and doc[t.i + 1].is_title):
            continue
        first = t.i
        while first - 1 > t.head.i and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == t.i \
                and doc[first - 1].is_title and first - 1 not in taken \
                and not any(c.dep_ == "compound" for c in doc[first - 1].children):
            first -= 1
        if first < t.i:
            out.append(Span(doc, first, t.i + 1, label="PERSON"))
            taken.update(range(first, t.i + 1))
    return out


def surnames_of_people_named(doc, ents: list, Span) -> list:
    """A one-word place, organisation or nationality the registry does not know (no ``ent_id_``) that is the
    surname of a person the article named before with a first name ("Janos Martonyi" … "Hungary's Martonyi
    recalled", which the NER read as a place) is that person."""
    surnames: set[str] = set()
    out = []
    for e in sorted(ents, key=lambda x: x.start):
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title and e[0].is_title:
            surnames.add(e[-1].text)
        elif e.label_ in ("GPE", "LOC", "ORG", "NORP") and not e.ent_id_ and len(e) == 1 and e.text in surnames:
            e = Span(doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out


def names_split_at_particles(doc, ents: list, Span) -> list:
    """Two person entities side by side, the second opening with a name particle written with a capital ("Mohamed
    Salem" "Ould Salek", "Hamad" "Bin Jassim"), are one person's name."""
    from foedus.extraction.actors import NAME_PARTICLES
    out: list = []
    for e in sorted(ents, key=lambda x: x.start):
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PERSON" and e.label_ == "PERSON" and prev.end == e.start \
                and not prev.ent_id_ and not e.ent_id_ and e[0].is_title and e[0].lower_ in NAME_PARTICLES \
                and doc[prev.end - 1].whitespace_ == " ":
            out[-1] = Span(doc, prev.start, e.end, label="PERSON")
            continue
        out.append(e)
    return out
