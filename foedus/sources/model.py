"""The article as read from a file: original text, paragraphs, metadata."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "Paragraph", "SourceError", "PARAGRAPH_KINDS", "BODY_KINDS"]

# body: article text; title: the headline; heading: a section heading;
# caption: a photo caption; foreign: text not in the article's language;
# the rest are boilerplate (navigation, cookie, credit, related, byline, promo).
PARAGRAPH_KINDS = ("body", "title", "heading", "caption", "foreign", "navigation", "cookie",
                   "credit", "related", "byline", "promo", "blank")
BODY_KINDS = frozenset({"body"})


class SourceError(Exception):
    """A file (or one record of a file) that cannot be read as an article."""

    def __init__(self, source: str, message: str):
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


@dataclass
class Paragraph:
    """A paragraph of the original text: ``text[start:end]``."""

    start: int
    end: int
    kind: str = "body"
    language: str | None = None
    soft_breaks: tuple[int, ...] = ()   # offsets of line breaks that only wrap a line

    @property
    def is_body(self) -> bool:
        return self.kind == "body"


@dataclass
class Article:
    """One article. ``text`` is the original text every offset points into."""

    doc_id: str
    text: str
    source: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None          # EDTF
    language: str | None = None
    title: str | None = None
    given: frozenset[str] = frozenset()   # metadata fields the user gave (they win over inference)
    # the day the story tells of, when that is not its publication: a look-back column ("Forty Years Ago,
    # March 13, 1979: …") reprints an old story, whose "on Monday" is a day of 1979
    reported: str | None = None           # EDTF
    paragraphs: list[Paragraph] = field(default_factory=list)
    inferred: dict = field(default_factory=dict)   # how each inferred field was found

    def paragraph_text(self, p: Paragraph) -> str:
        return self.text[p.start:p.end]
