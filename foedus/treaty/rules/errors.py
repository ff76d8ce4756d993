"""Errors of the treaty rules; the CLI maps both to exit code 3 (impossible input)."""
from __future__ import annotations

__all__ = ["RuleError", "ImpossibleQuestion"]


class RuleError(ValueError):
    """The spec cannot answer this question (e.g. it has no defence clause, no withdrawal rule)."""


class ImpossibleQuestion(ValueError):
    """The question contradicts the record (a date before the alliance existed, a notice after a withdrawal took effect)."""
