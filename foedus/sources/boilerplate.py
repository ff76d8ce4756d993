"""Split an article's text into paragraphs and tell body text from boilerplate.

Offsets always point into the original text: nothing is removed, paragraphs
are only labelled (``body``, ``title``, ``heading``, ``caption``, ``foreign``
or a boilerplate kind). Hard-wrapped text (PDF exports, e-mail) is detected and
its line breaks inside a sentence are recorded as soft breaks, so the NLP view
of the text can join them without moving any offset.
"""
from __future__ import annotations

import re

from foedus.extraction.lexicon import Lexicon, lexicon
from foedus.sources.language import detect_language
from foedus.sources.model import Paragraph

__all__ = ["segment", "nlp_view"]

_TERMINAL = re.compile(r"[.!?:;\"”»’…]\s*$")
_WORD = re.compile(r"\w+")
_QUOTE_CHARS = "\"“”«»"


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Many lines end mid-sentence and the next one goes on in lower case."""
    wraps = total = 0
    for (s, e), (s2, e2) in zip(lines, lines[1:]):
        cur = text[s:e].rstrip()
        nxt = text[s2:e2].lstrip()
        if not cur or not nxt:
            continue
        total += 1
        if not _TERMINAL.search(cur) and nxt[:1].islower():
            wraps += 1
    return wraps >= 3 and wraps >= 0.15 * max(total, 1)


_PROMO_MAX_WORDS = 40      # an appeal to subscribe or donate is a line or two, not a paragraph


def _classify_line(line: str, lex: Lexicon) -> str | None:
    s = line.strip()
    if not s:
        return "blank"
    for kind, pats in lex.boilerplate.items():
        for p in pats:
            if p.search(s):
                if kind == "related" and s[:1] in "•·▪►»" and len(_WORD.findall(s)) > lex.bullet_max_words:
                    continue
                if kind == "byline" and len(_WORD.findall(s)) > 8:
                    continue
                if kind == "promo" and len(_WORD.findall(s)) > _PROMO_MAX_WORDS:
                    continue     # a paragraph of prose that says "become a member of the SCO" is news
                return kind
    return None


def segment(text: str, lex: Lexicon | None = None, *, detect_languages: bool = True) -> list[Paragraph]:
    """Paragraphs of ``text`` with their kind and language (offsets into ``text``)."""
    lex = lex or lexicon()
    lines = _lines(text)
    hard = _is_hard_wrapped(text, lines)
    paras: list[Paragraph] = []
    cur: list[tuple[int, int]] = []
    soft: list[int] = []
    blank_gap = False

    def flush():
        nonlocal cur, soft
        if cur:
            s = cur[0][0]
            e = cur[-1][1]
            # trim surrounding whitespace but keep offsets exact
            seg = text[s:e]
            ls = len(seg) - len(seg.lstrip())
            rs = len(seg.rstrip())
            if rs > ls:
                paras.append(Paragraph(s + ls, s + rs, soft_breaks=tuple(soft)))
        cur, soft = [], []

    for s, e in lines:
        line = text[s:e]
        if not line.strip():
            blank_gap = True
            continue
        if cur:
            prev = text[cur[-1][0]:cur[-1][1]].rstrip()
            nxt = line.lstrip()
            joins = False
            if not _TERMINAL.search(prev) and nxt[:1].islower():
                joins = True   # a sentence goes on (after a wrap or a page break)
            elif hard and not blank_gap and not _TERMINAL.search(prev) and len(prev) >= 40:
                joins = True
            if joins and _classify_line(prev, lex) is None and _classify_line(line, lex) is None:
                # every line break between the two lines is soft
                gap_start = cur[-1][1]
                soft.extend(i for i in range(gap_start, s) if text[i] == "\n")
                cur.append((s, e))
                blank_gap = False
                continue
            flush()
        cur = [(s, e)]
        blank_gap = False
    flush()

    _label(text, paras, lex, detect_languages)
    return paras


def _label(text: str, paras: list[Paragraph], lex: Lexicon, detect_languages: bool) -> None:
    for p in paras:
        t = text[p.start:p.end]
        kind = _classify_line(t, lex) if "\n" not in t.strip() or len(t) < 300 else None
        if kind is None and len(t) < 300:
            kind = _classify_line(t.split("\n")[0], lex)
            if kind not in ("credit", "navigation", None):
                kind = None
        p.kind = kind or "body"
        if detect_languages and p.kind == "body":
            p.language = detect_language(t)
            if p.language != "en":
                p.kind = "foreign"
        elif p.kind == "body":
            p.language = "en"
    # captions: the paragraphs right before a photo credit (and a foreign caption
    # with its translation)
    for i, p in enumerate(paras):
        if p.kind != "credit":
            continue
        j = i - 1
        steps = 0
        while j >= 0 and steps < 2 and paras[j].kind in ("body", "foreign"):
            words = len(_WORD.findall(text[paras[j].start:paras[j].end]))
            if words > 70:
                break
            paras[j].kind = "caption" if paras[j].kind == "body" else "foreign"
            j -= 1
            steps += 1
            if j >= 0 and paras[j].kind != "foreign":
                break
    # an English paragraph right after a short foreign one is its translation
    for i, p in enumerate(paras[1:], 1):
        prev = paras[i - 1]
        if p.kind == "body" and prev.kind == "foreign" and prev.end - prev.start < 500 \
                and len(_WORD.findall(text[p.start:p.end])) <= 70 and not text[p.start:p.end].lstrip()[:1] in "-–—\"“«":
            p.kind = "caption"
    # title and headings: short lines without sentence punctuation
    first = True
    for p in paras:
        if p.kind != "body":
            continue
        t = text[p.start:p.end].strip()
        words = len(_WORD.findall(t))
        looks_heading = words <= 14 and not re.search(r"[.!:;]\s*[\"”»’]?$", t) and not any(q in t for q in _QUOTE_CHARS)
        if first:
            first = False
            if words <= 25 and not t.endswith("."):
                p.kind = "title"
                continue
        if looks_heading and words <= 10:
            p.kind = "heading"


def nlp_view(text: str, paras: list[Paragraph],
             kinds: frozenset[str] = frozenset({"body", "title", "heading"})) -> str:
    """A same-length copy of ``text`` for the NLP pipeline.

    Paragraphs of other kinds are blanked (spaces), soft line breaks and
    no-break spaces become spaces, paragraph breaks become newlines. Every
    offset into the copy is an offset into ``text``.
    """
    chars = [" "] * len(text)
    for p in paras:
        if p.kind not in kinds:
            continue
        seg = text[p.start:p.end]
        seg = seg.replace("\u00a0", " ").replace("\r", " ").replace("\t", " ").replace("\u2009", " ").replace("\u202f", " ")
        chars[p.start:p.end] = list(seg)
        for i in p.soft_breaks:
            if p.start <= i < p.end:
                chars[i] = " "
        # remaining newlines inside a paragraph (e.g. a list) stay breaks
        if p.end < len(text):
            chars[p.end] = "\n"
    return "".join(chars)
