"""Read articles from files: ``.txt``, ``.html``/``.htm``, ``.pdf`` and
``.jsonl`` (one article per line). Every problem with a file or a record is a
:class:`SourceError` that names it; the caller decides whether to go on.

* text: UTF-8 first, else the encoding charset-normalizer detects; a file cut
  in the middle of a multi-byte character keeps what precedes the cut;
* HTML: the article body as trafilatura extracts it (its title, site name,
  URL and date become metadata);
* PDF: the text of every page (pypdf); an encrypted or image-only PDF is an error;
* JSONL: fields ``text`` or ``html``, ``doc``/``id``, ``outlet``, ``url``,
  ``published`` (EDTF or ISO datetime), ``title``, ``language``.

Metadata the user gives (the record's fields, or options applied to every
file) wins over anything inferred; such fields are listed in ``Article.given``.
"""
from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path
from typing import Iterator

from foedus.domain.dates import InvalidDate, parse_edtf
from foedus.sources.model import Article, SourceError

__all__ = ["SUPPORTED", "DEFAULT_MAX_BYTES", "iter_input_files", "load_file", "decode_bytes", "article_from_text",
           "normalise_published"]

SUPPORTED = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
             ".pdf": "pdf", ".jsonl": "jsonl", ".ndjson": "jsonl"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def iter_input_files(paths: list[Path]) -> Iterator[tuple[Path, SourceError | None]]:
    """Files to read, in a stable order; folders are searched recursively for supported files."""
    for p in paths:
        if not p.exists():
            yield p, SourceError(str(p), "no such file or folder")
        elif p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                yield p, SourceError(str(p), "folder holds no .txt, .html, .pdf or .jsonl file")
            for f in found:
                yield f, None
        elif p.suffix.lower() not in SUPPORTED:
            yield p, SourceError(str(p), f"unsupported file type {p.suffix or '(none)'!r}: expected .txt, .html, .pdf or .jsonl")
        else:
            yield p, None


def normalise_published(value, source: str) -> str:
    """A user-given publication date as EDTF (an ISO datetime keeps its day)."""
    v = str(value).strip()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}", v)
    if m:
        v = m.group(1)
    try:
        parse_edtf(v)
    except InvalidDate as exc:
        raise SourceError(source, f"published: {exc}") from exc
    return v


def decode_bytes(raw: bytes, source: str) -> tuple[str, list[str]]:
    """Text of ``raw`` and notes about how it was decoded."""
    notes: list[str] = []
    if not raw.strip():
        raise SourceError(source, "empty file")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), ["UTF-16"]
        except UnicodeDecodeError as exc:
            raise SourceError(source, f"broken UTF-16 text: {exc.reason}") from exc
    head = raw[:8192]
    if b"\x00" in head:
        raise SourceError(source, "binary file, not text (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 3 and exc.reason in ("unexpected end of data", "invalid continuation byte", "invalid start byte"):
            text = raw[:exc.start].decode("utf-8-sig")
            notes.append("truncated in the middle of a character; the partial character was dropped")
        else:
            from charset_normalizer import from_bytes
            best = from_bytes(raw).best()
            if best is None:
                raise SourceError(source, "cannot detect the text encoding (not UTF-8, and no other encoding fits)") from exc
            if best.chaos > 0.25:
                raise SourceError(source, f"text looks garbled in every encoding tried (best guess {best.encoding}, "
                                          f"{best.chaos:.0%} noise)") from exc
            text = str(best)
            notes.append(f"decoded as {best.encoding}")
    bad = len(_CONTROL.findall(text[:20000]))
    if bad > 0.02 * max(len(text[:20000]), 1):
        raise SourceError(source, "binary file, not text (too many control characters)")
    return text, notes


def article_from_text(text: str, doc_id: str, source: str, meta: dict | None = None) -> Article:
    meta = {k: v for k, v in (meta or {}).items() if v not in (None, "")}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(source, "no text")
    given = set()
    a = Article(doc_id=doc_id, text=text, source=source)
    for k in ("outlet", "url", "published", "language", "title"):
        if k in meta:
            v = meta[k]
            if k == "published":
                v = normalise_published(v, source)
            setattr(a, k, str(v))
            given.add(k)
    a.given = frozenset(given)
    return a


def _html_to_article(html: str, doc_id: str, source: str, meta: dict) -> Article:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover
        raise SourceError(source, "HTML support needs trafilatura") from exc
    try:
        body = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False,
                                   favor_precision=True, deduplicate=False)
        md = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise SourceError(source, f"cannot parse the HTML: {exc}") from exc
    if not body or len(body.strip()) < 80:
        raise SourceError(source, "no article text found in the HTML (a page without an article body?)")
    title = getattr(md, "title", None) if md else None
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    a = article_from_text(text, doc_id, source, meta)
    if md is not None:
        if not a.title and title:
            a.title = title
        if "outlet" not in a.given and getattr(md, "sitename", None):
            a.outlet = md.sitename
            a.inferred["outlet"] = "the HTML page's site name"
            a.given = a.given | {"outlet"}
        if "url" not in a.given and getattr(md, "url", None):
            a.url = md.url
        if "published" not in a.given and getattr(md, "date", None):
            try:
                a.published = normalise_published(md.date, source)
                a.inferred["published"] = "the HTML page's date metadata"
                a.given = a.given | {"published"}
            except SourceError:
                pass
    return a


def _pdf_to_text(raw: bytes, source: str) -> tuple[str, dict]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError
    # pypdf logs its repairs ("EOF marker not found") on stderr; a damaged file is reported once, by us
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise SourceError(source, "encrypted PDF (a password is needed)")
            except Exception as exc:
                raise SourceError(source, f"encrypted PDF: {exc}") from exc
        pages = [p.extract_text() or "" for p in reader.pages]
        meta = {}
        try:
            info = reader.metadata
            if info and info.title:
                meta["title"] = str(info.title)
        except Exception:
            pass
    except SourceError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AssertionError, IndexError) as exc:
        raise SourceError(source, f"cannot read the PDF (damaged or truncated?): {exc}") from exc
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise SourceError(source, "the PDF has no extractable text (a scanned image?)")
    return text, meta


def _sniff_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<" in head[:1])


def load_file(path: Path, meta: dict | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | SourceError]:
    """Articles of one file (a JSONL file may hold many); problems are yielded, not raised."""
    src = str(path)
    meta = dict(meta or {})
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield SourceError(src, f"cannot read: {exc.strerror or exc}")
        return
    if size > max_bytes:
        yield SourceError(src, f"file too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB, see --max-mb)")
        return
    if size == 0:
        yield SourceError(src, "empty file")
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield SourceError(src, f"cannot read: {exc.strerror or exc}")
        return
    kind = SUPPORTED.get(path.suffix.lower(), "text")
    try:
        if kind == "pdf":
            if not raw.startswith(b"%PDF"):
                raise SourceError(src, "not a PDF file (no %PDF header)")
            text, pmeta = _pdf_to_text(raw, src)
            yield article_from_text(text, path.stem, src, {**pmeta, **meta})
            return
        text, _notes = decode_bytes(raw, src)
        if kind == "jsonl":
            yield from _jsonl(text, path, meta)
            return
        if kind == "html" or _sniff_html(text):
            yield _html_to_article(text, path.stem, src, meta)
            return
        yield article_from_text(text, path.stem, src, meta)
    except SourceError as exc:
        yield exc


def _jsonl(text: str, path: Path, meta: dict) -> Iterator[Article | SourceError]:
    src = str(path)
    n = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{src}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(where, f"invalid JSON ({exc.msg}, column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield SourceError(where, "expected a JSON object with a 'text' or 'html' field")
            continue
        rec_meta = {k: obj.get(k) for k in ("outlet", "url", "published", "title", "language") if obj.get(k)}
        if not rec_meta.get("published") and obj.get("date"):
            rec_meta["published"] = obj["date"]
        rec_meta.update(meta)     # command-line options apply to every record
        body = obj.get("text")
        try:
            if isinstance(body, str) and body.strip():
                doc_id = str(obj.get("doc") or obj.get("id") or content_hash(body))
                yield article_from_text(body, doc_id, where, rec_meta)
            elif isinstance(obj.get("html"), str) and obj["html"].strip():
                doc_id = str(obj.get("doc") or obj.get("id") or content_hash(obj["html"]))
                yield _html_to_article(obj["html"], doc_id, where, rec_meta)
            else:
                yield SourceError(where, "record has no 'text' or 'html' field")
                continue
            n += 1
        except SourceError as exc:
            yield exc
    if n == 0 and not text.strip():
        yield SourceError(src, "empty file")
