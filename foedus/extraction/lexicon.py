"""The extraction rules and word lists, read from ``foedus/data/extraction/*.yaml``.

Rules are data: a user extends an event type, a speech verb or a boilerplate
pattern by editing YAML, not Python. Every regular expression is compiled when
the file is read, so a bad pattern is reported with its file and key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from foedus.datafiles.paths import DATA
from foedus.extraction.literals import LiteralScreen

__all__ = ["EXTRACTION_DIR", "LexiconError", "load_data", "Trigger", "EventType", "Lexicon", "lexicon"]

EXTRACTION_DIR = DATA / "extraction"


class LexiconError(ValueError):
    """A rules file that cannot be read or has a bad entry (the message names both)."""


def load_data(name: str, directory: Path | None = None) -> dict[str, Any]:
    path = (directory or EXTRACTION_DIR) / f"{name}.yaml"
    try:
        doc = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    except (OSError, YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read rules: {exc}") from exc
    if not isinstance(doc, dict):
        raise LexiconError(f"{path}: expected a mapping at the top level")
    return doc


def compile_re(pattern: str, where: str, flags: int = re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise LexiconError(f"{where}: bad regular expression {pattern!r}: {exc}") from exc


@dataclass(frozen=True)
class Trigger:
    regex: re.Pattern
    negative: bool = False
    modal_ok: bool = False
    quote_only: bool = False
    verb: bool = False
    possessor_acts: bool = False
    claim_only: bool = False
    nominal: bool = False      # the actor is named inside the match ("advancing Ukrainian troops")
    appositive: bool = False   # a title apposed to the actor ("The trio, founding members of ECOWAS, …")
    done_to: bool = False      # the state the verb acts on is the actor, the alliance doing it the target
                               # ("The African Union agreed to readmit Morocco": Morocco joins the AU)
    names_alliance: bool = False   # only when an alliance is named right after the match (no default alliance)


@dataclass(frozen=True)
class EventType:
    name: str
    triggers: tuple[Trigger, ...]
    actor: str = "subject"
    target: str = "alliance"
    actor_kinds: frozenset[str] = frozenset()
    target_kinds: frozenset[str] = frozenset()
    prefer_alliance_actor: bool = False
    symmetric: bool = False
    require_alliance: bool = False
    require_alliance_or_generic: bool = False
    require_target: bool = False
    parties: str | None = None          # bilateral | multilateral | None
    alliances: frozenset[str] = frozenset()    # only when the target is one of these alliances
    supersedes: frozenset[str] = frozenset()   # events of these types on an overlapping trigger give way


@dataclass
class Lexicon:
    event_types: list[EventType]
    modality: dict[str, dict[str, list[re.Pattern]]]
    modality_window_before: int
    modality_window_after: int
    clause_breaks: re.Pattern
    speech: dict[str, Any]
    complement_verbs: frozenset[str]
    object_verbs: frozenset[str]
    object_verb_requires: dict[str, list[re.Pattern]]
    opinion_phrases: list[re.Pattern]
    backward_passive: re.Pattern
    anonymous_nouns: frozenset[str]
    honorifics: frozenset[str]
    dash_openers: tuple[str, ...]
    actors: dict[str, Any]
    dates: dict[str, Any]
    boilerplate: dict[str, list[re.Pattern]]
    bullet_max_words: int
    outlets: list[dict[str, Any]]
    extra: dict[str, Any] = field(default_factory=dict)
    trigger_screen: LiteralScreen = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # the event types' triggers in order, as ``possible`` lists them (see literals.py)
        self.trigger_screen = LiteralScreen([t.regex for et in self.event_types for t in et.triggers])


def _event_types(doc: dict, where: str) -> list[EventType]:
    out = []
    for name, spec in (doc.get("types") or {}).items():
        trig = []
        for i, p in enumerate(spec.get("patterns") or []):
            if isinstance(p, str):
                p = {"pattern": p}
            if not isinstance(p, dict) or "pattern" not in p:
                raise LexiconError(f"{where}: types.{name}.patterns[{i}]: expected a pattern")
            regex = compile_re(p["pattern"], f"{where}: types.{name}.patterns[{i}]")
            trig.append(Trigger(regex, bool(p.get("negative")), bool(p.get("modal_ok")),
                                bool(p.get("quote_only")), bool(p.get("verb")), bool(p.get("possessor_acts")), bool(p.get("claim_only")),
                                bool(p.get("nominal")), bool(p.get("appositive")), bool(p.get("done_to")),
                                bool(p.get("names_alliance"))))
        out.append(EventType(
            name=name, triggers=tuple(trig), actor=spec.get("actor", "subject"),
            target=spec.get("target", "alliance"),
            actor_kinds=frozenset(spec.get("actor_kinds") or ()),
            target_kinds=frozenset(spec.get("target_kinds") or ()),
            prefer_alliance_actor=bool(spec.get("prefer_alliance_actor")),
            symmetric=bool(spec.get("symmetric")),
            require_alliance=bool(spec.get("require_alliance")),
            require_alliance_or_generic=bool(spec.get("require_alliance_or_generic")),
            require_target=bool(spec.get("require_target")),
            parties=spec.get("parties"),
            alliances=frozenset(spec.get("alliances") or ()),
            supersedes=frozenset(spec.get("supersedes") or ()),
        ))
    return out


def build_lexicon(directory: Path | None = None) -> Lexicon:
    d = directory or EXTRACTION_DIR
    ev = load_data("events", d)
    mo = load_data("modality", d)
    sp = load_data("speech", d)
    ac = load_data("actors", d)
    da = load_data("dates", d)
    bp = load_data("boilerplate", d)
    ou = load_data("outlets", d)
    modality = {}
    for mod, spec in (mo.get("modalities") or {}).items():
        modality[mod] = {part: [compile_re(p, f"modality.yaml: {mod}.{part}") for p in spec.get(part, [])]
                         for part in ("before", "after", "sentence")}
    boiler = {}
    for kind, pats in bp.items():
        if isinstance(pats, list):
            boiler[kind] = [compile_re(p, f"boilerplate.yaml: {kind}") for p in pats]
    return Lexicon(
        event_types=_event_types(ev, "events.yaml"),
        modality=modality,
        modality_window_before=int(mo.get("window_before", 70)),
        modality_window_after=int(mo.get("window_after", 25)),
        clause_breaks=compile_re(mo.get("clause_breaks", r"[;:]"), "modality.yaml: clause_breaks"),
        speech=sp,
        complement_verbs=frozenset(sp.get("complement_verbs") or ()),
        object_verbs=frozenset(sp.get("object_verbs") or ()),
        object_verb_requires={k: [compile_re(p, f"speech.yaml: object_verb_requires.{k}") for p in v]
                              for k, v in (sp.get("object_verb_requires") or {}).items()},
        opinion_phrases=[compile_re(p, "speech.yaml: opinion_phrases", 0) for p in sp.get("opinion_phrases") or ()],
        backward_passive=compile_re(sp.get("backward_passive", r"(?!x)x"), "speech.yaml: backward_passive"),
        anonymous_nouns=frozenset(w.lower() for w in sp.get("anonymous_nouns") or ()),
        honorifics=frozenset(w.lower() for w in sp.get("honorifics") or ()),
        dash_openers=tuple(sp.get("dash_openers") or ("- ", "– ", "— ")),
        actors=ac,
        dates=da,
        boilerplate=boiler,
        bullet_max_words=int(bp.get("bullet_max_words", 20)),
        outlets=list(ou.get("outlets") or ()),
    )


@lru_cache(maxsize=4)
def lexicon(directory: str | None = None) -> Lexicon:
    """The shipped rules (or those in ``directory``), read once per process."""
    return build_lexicon(Path(directory) if directory else None)
