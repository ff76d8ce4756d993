"""Disputed law as data: readings, their parameters, and the combinations to evaluate.

A provision with competing :class:`~foedus.treaty.spec.Reading` s is evaluated
once per reading; a reading's ``params`` override the provision's own. The
default reading (``default: true``, else the first) gives the headline answer,
the others are shown beside it, never dropped.
"""
from __future__ import annotations

from itertools import product
from typing import Any, Iterable, Sequence

from foedus.treaty.spec import Reading

__all__ = ["default_reading", "merged_params", "combinations"]

def default_reading(readings: Sequence[Reading]) -> Reading | None:
    if not readings:
        return None
    return next((r for r in readings if r.default), readings[0])


def merged_params(base: dict[str, Any], reading: Reading | None) -> dict[str, Any]:
    """``base`` overridden by the reading's params."""
    out = dict(base)
    if reading is not None:
        out.update(reading.params)
    return out


def combinations(axes: dict[str, Sequence[Reading]]) -> list[dict[str, str]]:
    """Every choice of one reading per axis; the all-defaults choice first."""
    names = list(axes)
    if not names:
        return [{}]
    default = {n: default_reading(axes[n]).id for n in names}  # type: ignore[union-attr]
    out = [default]
    for combo in product(*[[r.id for r in axes[n]] for n in names]):
        choice = dict(zip(names, combo))
        if choice != default:
            out.append(choice)
    return out


def describe(choice: dict[str, str], labels: Iterable[tuple[str, str]] = ()) -> str:
    names = dict(labels)
    return "; ".join(f"{names.get(axis, axis)}: {rid}" for axis, rid in choice.items()) or "the text as written"
