"""News extraction: actors, dates, events, quotes and claims from articles.

The core functions are pure (text and metadata in, records out); reading files
is :mod:`foedus.sources`' job and writing them the command line's.
Importing this package does not load spaCy: :func:`foedus.extraction.pipeline.Extractor`
does, once.
"""
