"""The base of every data-file model: unknown fields are errors, instances are immutable."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["StrictModel", "CitedSource"]


class StrictModel(BaseModel):
    """A pydantic model for hand-written data: a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CitedSource(StrictModel):
    """A page a data file cites: outlet, URL and the sentence taken from it (or a marked paraphrase)."""

    outlet: str
    url: str
    excerpt: str = Field(min_length=1)
    paraphrase: bool = False
