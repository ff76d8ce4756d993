"""Reading articles: loaders (txt, html, pdf, jsonl), encoding detection,
boilerplate separation, per-paragraph language and metadata inference.

Nothing here touches the network or a database; the loaders read the files
they are given and report per-file problems as :class:`SourceError`.
"""
from foedus.sources.model import Article, Paragraph, SourceError

__all__ = ["Article", "Paragraph", "SourceError"]
