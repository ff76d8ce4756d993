"""Documents (articles, reference notes, dataset records) and stable ids."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

__all__ = ["Document", "document_id", "stable_id"]


def document_id(text: str) -> str:
    """A document's id: the SHA-256 of its text (UTF-8), so the same text is the same document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stable_id(*parts: object, length: int = 24) -> str:
    """A short deterministic id from any JSON-serialisable parts (for events, claims, quotes)."""
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """A source text. ``kind``: article (news), reference (a curated note citing a URL), dataset (a coded record)."""

    text: str
    kind: str = "article"
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    title: str | None = None
    published: str | None = None  # EDTF
    language: str | None = None

    @property
    def id(self) -> str:
        return document_id(self.text)
