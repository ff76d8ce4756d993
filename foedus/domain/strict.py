"""The base of every data-file model: unknown fields are errors, instances are immutable."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["StrictModel"]


class StrictModel(BaseModel):
    """A pydantic model for hand-written data: a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
