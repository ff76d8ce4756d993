"""Actor registry model.

States use ISO 3166-1 alpha-3 ids (``ARM``); organisations the ids of the
evaluation format (``CSTO``, ``NATO``…); regions that are not states a
lowercase slug (``nagorno-karabakh``); people their usual English name,
lowercase and hyphenated (``nikol-pashinyan``). Historical states without an
ISO code get a stable id of their own (``hist:bavaria``).

Names are what extraction resolves: ``aliases`` (other names and spellings),
``capitals`` and ``metonyms`` ("the Kremlin"), ``adjectives`` ("Armenian").
A person's ``roles`` say which office they held, for which actor, when.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, PrivateAttr, model_validator

from foedus.domain.dates import DateSpan, parse_edtf
from foedus.domain.strict import StrictModel

__all__ = ["Role", "Actor", "Registry"]

ActorKind = Literal["state", "historical_state", "organisation", "region", "person"]


_Strict = StrictModel


class Role(_Strict):
    title: str = Field(description="e.g. 'prime minister', 'foreign ministry spokeswoman'")
    of: str = Field(description="actor id the role is held for")
    start: str | None = Field(None, description="EDTF")
    end: str | None = Field(None, description="EDTF; absent while in office")

    @model_validator(mode="after")
    def _dates_parse(self) -> "Role":
        for name in ("start", "end"):
            v = getattr(self, name)
            if v is not None:
                parse_edtf(v)  # raises InvalidDate (a ValueError) with the offending text
        return self

    def held_on(self, day: date) -> bool:
        lo = parse_edtf(self.start).lo() if self.start else date.min
        hi = parse_edtf(self.end).hi() if self.end else date.max
        return lo <= day <= hi

    def span(self) -> DateSpan:
        return parse_edtf(f"{self.start or '..'}/{self.end or '..'}")


class Actor(_Strict):
    id: str = Field(pattern=r"^([A-Z]{3}|[A-Z][A-Z0-9]{1,9}|[a-z0-9]+(-[a-z0-9]+)*|hist:[a-z0-9-]+|atop:\d+)$")
    kind: ActorKind
    name: str
    aliases: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    capitals: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    cow_code: int | None = None
    part_of: str | None = Field(None, description="for a region: the state it is internationally recognised as part of")
    existed: str | None = Field(None, description="EDTF interval for historical states")
    note: str | None = None

    def names(self) -> list[str]:
        """Every surface form that names this actor directly."""
        return [self.name, *self.aliases, *self.capitals, *self.metonyms]

    def roles_on(self, day: date) -> list[Role]:
        return [r for r in self.roles if r.held_on(day)]


class Registry(_Strict):
    actors: list[Actor]
    _index: dict[str, Actor] = PrivateAttr(default_factory=dict)

    def model_post_init(self, __context: object) -> None:
        self._index = {a.id: a for a in self.actors}

    @model_validator(mode="after")
    def _unique_and_linked(self) -> "Registry":
        seen: set[str] = set()
        for a in self.actors:
            if a.id in seen:
                raise ValueError(f"duplicate actor id {a.id!r}")
            seen.add(a.id)
        for a in self.actors:
            for r in a.roles:
                if r.of not in seen:
                    raise ValueError(f"actor {a.id!r} has a role for unknown actor {r.of!r}")
            if a.part_of and a.part_of not in seen:
                raise ValueError(f"actor {a.id!r} is part of unknown actor {a.part_of!r}")
        return self

    def by_id(self) -> dict[str, Actor]:
        return dict(self._index)

    def get(self, actor_id: str) -> Actor | None:
        return self._index.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._index
