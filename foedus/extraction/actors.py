"""The actor gazetteer: registry names as spaCy entity-ruler patterns, and
look-ups by name, adjective, office and date.

spaCy's small English model tags "Armenia" or "Yerevan" as PERSON; the ruler
built here runs *before* the statistical NER, so every name the registry
knows (states, capitals, metonyms such as "the Kremlin", organisations,
regions, people) gets the registry's label and id first.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from foedus.extraction.lexicon import Lexicon, lexicon
from foedus.registry.model import Actor, Registry

__all__ = ["Gazetteer", "slug_person"]

_LABEL = {"state": "GPE", "historical_state": "GPE", "organisation": "ORG", "region": "LOC", "person": "PERSON"}


_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O",
                                                "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe"})


def _deaccent(s: str) -> str:
    """Without diacritics, also for letters Unicode does not decompose (Turkish ı, Polish ł, Danish ø)."""
    return "".join(c for c in unicodedata.normalize("NFKD", s.translate(_LETTERS_WITHOUT_DECOMPOSITION))
                   if not unicodedata.combining(c))


def _aliases(a) -> list[str]:
    """A state's aliases with its formal style ("the Republic of Niger"), which news uses in official contexts."""
    out = list(a.aliases)
    if a.kind == "state" and "republic" not in a.name.lower():
        out.append(f"Republic of {a.name}")
    # an acronym as older copy prints it: "N.A.T.O."
    for n in [a.name, *a.aliases]:
        if a.kind != "person" and re.fullmatch(r"[A-Z]{3,6}", n):
            dotted = "".join(f"{c}." for c in n)
            if dotted not in out:
                out.append(dotted)
    # British and American spellings of one name ("Central Treaty Organisation", "… Defence Force")
    for n in [a.name, *a.aliases]:
        for x, y in _SPELLINGS:
            v = re.sub(x, y, n)
            if v != n and v not in out and v != a.name:
                out.append(v)
    return out


_SPELLINGS = ((r"isation\b", "ization"), (r"ization\b", "isation"), (r"\bDefence\b", "Defense"),
              (r"\bDefense\b", "Defence"))


def slug_person(name: str, honorifics: frozenset[str] = frozenset()) -> str | None:
    """A person id from a name as written: "Hakob Badalyan" -> ``hakob-badalyan``."""
    name = re.sub(r"(?:'s|’s|'|’)$", "", name.strip())
    toks = [t for t in re.split(r"[\s\u00a0]+", _deaccent(name)) if t]
    while toks and toks[0].lower().rstrip(".") in honorifics:
        toks.pop(0)
    parts = []
    for t in toks:
        t = re.sub(r"[^\w-]", "", t).lower().strip("-")
        if t:
            # the usual English spelling of a Russian surname: Piontkovskii, Piontkovskiy -> piontkovsky
            parts.append(re.sub(r"(?<=[sc]k)i[iy]$", "y", t))
    return "-".join(parts) or None


NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "ben", "ould", "de", "da", "du", "van", "von", "der"})
_NAME_PARTICLES = NAME_PARTICLES
_PARTICLE_WORD = re.compile(r"(?<=\s)(?:" + "|".join(sorted(_NAME_PARTICLES)) + r")(?=[\s-])")


def name_skeleton(name: str) -> str:
    """A key under which the usual transliteration variants of a name meet: "Sergei"/"Sergey",
    "Vasiliev"/"Vasilyev", "Nabeel Al Arabi"/"Nabil Elaraby", "Kassym"/"Kasym" (particles dropped, an article
    fused to a surname split off, y as i, ee as i, ou as u, ue and oe as the u and o they stand for in German
    and Turkish transliteration ("Buelent" for Bülent), double letters single)."""
    toks = [t for t in re.split(r"[\s\u00a0'’-]+", _deaccent(name).lower()) if t and t.isalpha()]
    toks = [t for t in toks if t not in _NAME_PARTICLES]
    if toks and len(toks[-1]) >= 6 and toks[-1][:2] in ("al", "el"):
        toks[-1] = toks[-1][2:]
    out = []
    for t in toks:
        t = t.replace("ee", "i").replace("ou", "u").replace("ue", "u").replace("oe", "o").replace("y", "i")
        t = re.sub(r"(.)\1+", r"\1", t)
        out.append(t)
    return " ".join(out)


@dataclass(frozen=True)
class ActorRef:
    id: str
    kind: str      # state | organisation | region | person | historical_state
    how: str       # name | alias | capital | metonym | adjective


class Gazetteer:
    def __init__(self, registry: Registry, lex: Lexicon | None = None):
        self.lex = lex or lexicon()
        self.registry = registry
        self.by_id: dict[str, Actor] = registry.by_id()
        conf = self.lex.actors
        self.alliances = frozenset(conf.get("alliances") or ())
        self.generic_alliance_words = frozenset(w.lower() for w in conf.get("generic_alliance_words") or ())
        self.generic_alliance_heads = frozenset(w.lower() for w in conf.get("generic_alliance_heads") or ())
        self.state_anaphors = frozenset(w.lower() for w in conf.get("state_anaphors") or ())
        self.office_titles = {k.lower(): list(v) for k, v in (conf.get("office_titles") or {}).items()}
        self.leader_titles = {k: list(v) for k, v in (conf.get("leader_titles") or {}).items()}
        self.person_pronouns = frozenset(conf.get("person_pronouns") or ())
        self.group_pronouns = frozenset(conf.get("group_pronouns") or ())
        self.surface: dict[str, ActorRef] = {}
        self._skeletons: dict[str, set[str]] | None = None      # built on first use (person_by_spelling)
        self._roles_of: dict[str, list] | None = None               # (person, role) by the actor served, on first use
        # capitals and other places, whatever actor they may also stand for ("Brussels")
        self.place_names = frozenset(c.lower() for a in registry.actors if a.kind != "person" for c in a.capitals)
        self.adjective: dict[str, str] = {}
        self.surnames: dict[str, list[str]] = {}
        for a in registry.actors:
            if a.kind == "person":
                for n in [a.name, *a.aliases]:
                    self.surface.setdefault(n.lower(), ActorRef(a.id, "person", "name"))
                    self.surnames.setdefault(_deaccent(n.split()[-1]).lower(), []).append(a.id)
                continue
            for how, names in (("name", [a.name]), ("alias", _aliases(a)), ("capital", a.capitals), ("metonym", a.metonyms)):
                for n in names:
                    if n.lower() in self.generic_alliance_words:
                        continue
                    key = n.lower()
                    prev = self.surface.get(key)
                    # a state's own name beats another actor's alias (Brussels: BEL capital vs EU alias)
                    if prev is None or (prev.how in ("capital", "metonym") and how in ("name", "alias")) \
                            or (prev.kind == "historical_state" and a.kind == "state"):
                        self.surface[key] = ActorRef(a.id, a.kind, how)
            for adj in a.adjectives:
                self.adjective.setdefault(adj.lower(), a.id)

    # --- spaCy entity ruler --------------------------------------------------------------
    def ruler_patterns(self) -> list[dict]:
        pats = []
        seen = set()

        def add(label: str, text: str, ident: str):
            variants = {text, text[:1].upper() + text[1:]} if text.startswith("the ") else {text}
            variants |= {v.replace("'", "’") for v in variants}          # typographic apostrophes too
            for variant in variants:
                key = (label, variant)
                if key in seen or not variant.strip():
                    continue
                seen.add(key)
                pats.append({"label": label, "pattern": variant, "id": ident})

        for o in self.lex.outlets:
            for n in [o["name"], *(o.get("aliases") or ())]:
                if n and len(n) > 3 and " " in n:
                    add("ORG", n, "")
        for n in self.lex.actors.get("collective_without_id") or ():
            add("NORP", n, "")
        for a in self.registry.actors:
            label = _LABEL.get(a.kind, "ORG")
            names = [a.name, *a.aliases] if a.kind == "person" else [a.name, *_aliases(a), *a.capitals, *a.metonyms]
            for n in names:
                if n.lower() in self.generic_alliance_words:
                    continue
                ref = self.surface.get(n.lower())
                if ref is None or ref.id != a.id:
                    continue
                lab = "ORG" if a.kind != "person" and ref.how == "metonym" else label
                if len(n) <= 2 and not n.isupper():
                    continue
                add(lab, n, a.id)
                if a.kind == "person" and _PARTICLE_WORD.search(n):
                    # news capitalises the particles of Arabic and European names too: "Sheikh Hamad Bin Jassim"
                    add(lab, _PARTICLE_WORD.sub(lambda m: m.group(0).capitalize(), n), a.id)
                if a.kind == "organisation" and n.isalpha() and n.isupper() and len(n) >= 4:
                    add(lab, n.capitalize(), a.id)      # British style: "Nato", "Ecowas"
            for adj in a.adjectives:
                if self.adjective.get(adj.lower()) == a.id:
                    add("NORP", adj, a.id)
        return pats

    # --- look-ups --------------------------------------------------------------------------
    def kind(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        if actor_id in self.alliances:
            return "alliance"
        a = self.by_id.get(actor_id)
        if a is None:
            return "person" if re.match(r"^[a-z]+(?:-[a-z]+)+$", actor_id) else None
        return "state" if a.kind == "historical_state" else a.kind

    def lookup(self, text: str) -> ActorRef | None:
        t = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
        t = re.sub(r"(?:'s|’s|'|’)$", "", t).replace("’", "'")     # "Cote d’Ivoire" is "Cote d'Ivoire"
        return self.surface.get(t.lower()) or (self.surface.get(t.lower()[4:]) if t.lower().startswith("the ") else None)

    def lookup_adjective(self, word: str) -> str | None:
        return self.adjective.get(word.lower())

    def person_state(self, person_id: str, day: date | None) -> str | None:
        a = self.by_id.get(person_id)
        if a is None or not a.roles:
            return None
        if day is not None:
            held = [r for r in a.roles if r.held_on(day)]
            if held:
                return held[0].of
        return a.roles[-1].of

    def person_titles(self, person_id: str) -> list[str]:
        a = self.by_id.get(person_id)
        return [r.title.lower() for r in a.roles] if a else []

    def alliance_head(self, alliance: str, day: date | None) -> str | None:
        """Who headed ``alliance``'s secretariat or commission on ``day`` (``alliance_head_titles`` in
        actors.yaml: Secretary General, President of the Commission …), or None."""
        wanted = self._alliance_head_titles()
        if day is None or not wanted:
            return None
        self._index_roles()
        held = {pid for pid, r in self._roles_of.get(alliance, ()) if r.title.lower() in wanted and r.start
                and r.held_on(day)}
        return held.pop() if len(held) == 1 else None

    def heads_alliance(self, person: str, alliance: str) -> bool:
        """Has ``person`` ever held one of the ``alliance_head_titles`` of ``alliance``?"""
        wanted = self._alliance_head_titles()
        self._index_roles()
        return any(pid == person and r.title.lower() in wanted for pid, r in self._roles_of.get(alliance, ()))

    def _alliance_head_titles(self) -> set[str]:
        return {t.lower() for t in self.lex.actors.get("alliance_head_titles") or ()}

    def _index_roles(self) -> None:
        if self._roles_of is None:
            index: dict[str, list] = {}
            for a in self.registry.actors:
                if a.kind == "person":
                    for r in a.roles:
                        index.setdefault(r.of, []).append((a.id, r))
            self._roles_of = index

    def office_holder(self, office: str, state: str | None, day: date | None) -> str | None:
        """Who held ``office`` (a word such as "president", "leader") for ``state`` on ``day``."""
        titles = self.office_titles.get(office.lower())
        if titles is None or state is None:
            return None
        if "$leader" in titles:
            titles = self.leader_titles.get(state) or self.leader_titles.get("default") or ["president"]
        wanted = {t.lower() for t in titles}
        self._index_roles()
        best = None
        for pid, r in self._roles_of.get(state, ()):
            if r.title.lower() not in wanted:
                continue
            if day is None:
                if r.end is None:
                    return pid
                best = best or pid
            elif r.held_on(day):
                return pid
        return best if day is None else None

    def office_holders(self, office: str, state: str | None) -> set[str]:
        """Everyone who ever held ``office`` for ``state`` (the registry's roles)."""
        titles = self.office_titles.get(office.lower())
        if titles is None or state is None:
            return set()
        if "$leader" in titles:
            titles = self.leader_titles.get(state) or self.leader_titles.get("default") or ["president"]
        wanted = {t.lower() for t in titles}
        self._index_roles()
        return {pid for pid, r in self._roles_of.get(state, ()) if r.title.lower() in wanted}

    def person_by_spelling(self, name: str) -> str | None:
        """The one registry person whose name or alias is a transliteration variant of ``name`` (see
        ``name_skeleton``), also with two names in the other order ("Jonathan Goodluck"), or None."""
        if self._skeletons is None:
            index: dict[str, set[str]] = {}
            for a in self.registry.actors:
                if a.kind == "person":
                    for n in [a.name, *a.aliases]:
                        if len(n.split()) > 1:
                            index.setdefault(name_skeleton(n), set()).add(a.id)
            self._skeletons = index
        key = name_skeleton(name)
        if len(key.split()) < 2:
            return None
        for k in (key, " ".join(reversed(key.split())) if len(key.split()) == 2 else None):
            ids = self._skeletons.get(k) if k else None
            if ids and len(ids) == 1:
                return next(iter(ids))
        return None

    def surname_candidates(self, surname: str) -> list[str]:
        """Registry people with this surname, each once (a person's aliases often repeat the surname)."""
        return list(dict.fromkeys(self.surnames.get(_deaccent(surname).lower(), [])))
