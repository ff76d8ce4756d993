"""The words a regular expression cannot match without: a cheap test that skips it.

The event finder runs some two hundred trigger expressions over every sentence,
and most of them cannot match most sentences. ``required_literals`` reads a
compiled pattern and returns strings of which at least one occurs in any text
the pattern matches, once both are folded to lower case (``fold``):
``\\bsign(?:ed|s)? the`` needs ``"sign"``, ``(?:froze|suspended) its`` needs
``" its"``. A sentence in which none of them occurs is skipped without running
the pattern.

The test is only ever a necessary condition: when a pattern's requirement
cannot be read (a character class, an optional part, a negative look-ahead),
the answer is ``None`` and the pattern always runs, so skipping never changes
what is found. The pattern is read with the standard library's own parser
(``re._parser``, private but stable across CPython 3.11–3.13); if that parser
is missing or fails, every pattern simply runs.
"""
from __future__ import annotations

import re

try:  # CPython 3.11+
    from re import _casefix
    from re import _parser as _sre_parse
    from re._constants import (ASSERT, ATOMIC_GROUP, BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT,
                               POSSESSIVE_REPEAT, SUBPATTERN)
except ImportError:  # pragma: no cover - another interpreter: no skipping
    _casefix = _sre_parse = None

__all__ = ["required_literals", "fold", "LiteralScreen"]


def _fold_table() -> dict[int, str]:
    """Under re.IGNORECASE a character matches another when their simple lower cases are equal or are listed
    together in re._casefix ("s", "ſ"; "σ", "ς"): each such group is mapped to one member of it."""
    groups: dict[int, set[int]] = {}
    for k, extra in (_casefix._EXTRA_CASES.items() if _casefix else ()):
        group = {k, *extra}
        for c in list(group):
            group |= groups.get(c, set())
        for c in group:
            groups[c] = group
    return {c: chr(min(g)) for c, g in groups.items()}


_FOLD = _fold_table()


def fold(text: str) -> str:
    """The text as ``required_literals`` expects it: lower case, with the characters IGNORECASE treats as one
    written the same ("İ" lowers to one "i" here, as it does in a regular expression)."""
    return text.replace("\u0130", "i").lower().translate(_FOLD)


def required_literals(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case strings, one of which occurs in ``fold(text)`` whenever ``pattern`` matches in ``text``;
    ``None`` when no such strings can be read from the pattern."""
    if _sre_parse is None:  # pragma: no cover
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - any failure means: always run the pattern
        return None
    need = _sequence(list(parsed))
    return tuple(sorted(need)) if need else None


def _score(need: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer; fewer alternatives are cheaper to test."""
    return min(map(len, need)), -len(need)


def _sequence(items: list) -> frozenset[str] | None:
    """The best single requirement of a sequence of items: a run of literal characters, or one item's own."""
    options: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            options.append(frozenset([fold("".join(run))]))
        run.clear()

    for op, av in items:
        if op is LITERAL:
            run.append(chr(av))
            continue
        close_run()
        need = _item(op, av)
        if need:
            options.append(need)
    close_run()
    return max(options, key=_score) if options else None


def _item(op, av) -> frozenset[str] | None:
    if op is SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is ATOMIC_GROUP:
        return _sequence(list(av))
    if op is ASSERT:                      # a positive look-ahead must find its text too (a look-behind may
        return _sequence(list(av[1])) if av[0] == 1 else None   # look before the start of the search)
    if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(list(body)) if low >= 1 else None
    if op is BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            need = _sequence(list(branch))
            if not need:
                return None               # one alternative needs nothing, so the whole needs nothing
            out |= need
        return frozenset(out)
    return None                           # classes, anchors, back-references, negative assertions


class LiteralScreen:
    """Which of a list of patterns can match a text at all, from the literals each needs.

    All the literals are looked up once per text; each pattern is then a set test."""

    def __init__(self, patterns: list[re.Pattern]):
        self.needs = [required_literals(p) for p in patterns]
        self.words = tuple(sorted(set().union(*(n for n in self.needs if n))))

    def possible(self, *texts: str) -> list[bool]:
        """For each pattern: False when none of its literals occurs in any of ``texts`` (it cannot match)."""
        folded = [fold(t) for t in texts]
        present = {w for w in self.words if any(w in f for f in folded)} if len(folded) > 1 else \
            {w for w in self.words if w in folded[0]}
        return [n is None or not present.isdisjoint(n) for n in self.needs]
