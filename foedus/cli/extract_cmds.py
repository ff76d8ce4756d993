"""extract commands: ``foedus extract`` (articles in, FORMAT jsonl out)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer

from foedus.cli.base import EXIT_PARTIAL, EXIT_USAGE, app, err_console, escape, fail

__all__ = ["extract"]


def _collect(paths: list[Path], meta: dict, max_bytes: int, failures: list):
    """Articles from every input, reporting each bad file or record on stderr and going on."""
    from foedus.sources.loaders import iter_input_files, load_file
    from foedus.sources.model import SourceError

    seen: dict[str, str] = {}
    for path, err in iter_input_files(paths):
        if err is not None:
            _report(err, failures)
            continue
        for item in load_file(path, meta, max_bytes):
            if isinstance(item, SourceError):
                _report(item, failures)
                continue
            if item.doc_id in seen:
                _report(SourceError(item.source, f"duplicate doc id {item.doc_id!r} (already read from {seen[item.doc_id]})"), failures)
                continue
            seen[item.doc_id] = item.source
            yield item


def _report(err, failures: list) -> None:
    failures.append(err)
    err_console.print(f"[bold red]error:[/] {escape(err.source)}: {escape(err.message)}")


def _meta_options(outlet, published, url) -> dict:
    from foedus.sources.loaders import normalise_published
    from foedus.sources.model import SourceError

    meta = {}
    if outlet:
        meta["outlet"] = outlet
    if url:
        meta["url"] = url
    if published:
        try:
            meta["published"] = normalise_published(published, "--published")
        except SourceError as exc:
            fail(f"--published: expected an EDTF date such as 2024-06-13, 2024-06 or 2024-06-13/2024-06-16: {exc.message}", EXIT_USAGE)
    return meta


@app.command("extract")
def extract(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (.txt, .html, .pdf, .jsonl)."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder for docs.jsonl, events.jsonl, quotes.jsonl (+ claims.jsonl, attributions.jsonl)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Outlet of every article (wins over inference)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (EDTF) of every article."),
    url: Optional[str] = typer.Option(None, "--url", help="URL of the article (for a single file)."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Skip files larger than this many megabytes."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
    no_reference: bool = typer.Option(False, "--no-reference", help="Do not reconcile event and publication dates with the shipped reference ledger (curated facts); text only."),
) -> None:
    """Read news articles and write dated events, attributed quotes and claims with provenance.

    Touches no database. A file that cannot be read is reported on stderr by
    name and skipped; the batch goes on and the exit code is 5.
    """
    from foedus.extraction.export import AtomicOutputs

    meta = _meta_options(outlet, published, url)
    if out.exists() and not out.is_dir():
        fail(f"--out: {out} exists and is not a folder", EXIT_USAGE)
    failures: list = []
    t0 = time.perf_counter()
    extractor = None
    n_docs = 0
    with AtomicOutputs(out) as sink:
        articles = _collect(paths, meta, int(max_mb * 1024 * 1024), failures)
        first = next(articles, None)
        if first is not None:
            from foedus.extraction.pipeline import Extractor
            extractor = Extractor(facts=None if no_reference else "shipped")

            def chain():
                yield first
                yield from articles

            for result in extractor.extract(chain()):
                if result.error:
                    from foedus.sources.model import SourceError
                    _report(SourceError(result.article.source, result.error), failures)
                    continue
                sink.write(result)
                n_docs += 1
    if not quiet:
        c = sink.counts
        err_console.print(
            f"extracted {n_docs} article(s) into {escape(str(out))}: {c['events']} events"
            + (f" (+{c['other_events']} of other ledger types)" if c["other_events"] else "")
            + f", {c['quotes']} quotes, {c['claims']} claims ({time.perf_counter() - t0:.1f}s)"
            + (f"; [bold red]{len(failures)} input(s) failed[/]" if failures else ""))
    if failures:
        raise typer.Exit(EXIT_PARTIAL)


# --------------------------------------------------------------------------------------------
# ingest: extraction results into the ledger (events as *proposed*), one transaction per article
# --------------------------------------------------------------------------------------------
def _ledger_records(result):
    """Document, events, claims and quotes of one extraction result as ledger records."""
    from foedus.domain.dates import InvalidDate, parse_edtf
    from foedus.domain.documents import Document
    from foedus.domain.events import Claim, Event, Evidence
    from foedus.ledger.store import QuoteRecord

    a = result.article
    doc = Document(text=a.text, kind="article", outlet=a.outlet, url=a.url, path=a.source, title=a.title,
                   published=a.published, language=a.language)
    did = doc.id

    def span(v):
        try:
            return parse_edtf(v) if v else None
        except InvalidDate:
            return None

    def evidence(text):
        i = a.text.find(text)
        return (Evidence(did, text, i if i >= 0 else None, i + len(text) if i >= 0 else None, a.outlet, a.url, a.published),)

    events = []
    date_facts = result.event_date_facts or [None] * len(result.events)
    for e, fact in zip(result.events, date_facts):
        if not e.get("actor"):
            continue
        attributes = {"date_from_reference_fact": fact} if fact else {}
        note = f"extracted from {a.doc_id}" + (f"; date from the reference fact {fact}" if fact else "")
        events.append((Event(id="", type=e["type"], actor=e["actor"], target=e.get("target"), date=span(e.get("date")),
                             evidence=evidence(e["evidence"]), review="proposed", note=note, attributes=attributes),
                       "extract"))
    claims = []
    for c in result.claims:
        if not c.get("actor"):
            continue
        claims.append((Claim(id="", speaker=c.get("speaker") or c["actor"], speaker_label=c.get("speaker_label") or c["actor"],
                             subject=c["actor"], alliance=c.get("target"), date=span(c.get("date")),
                             stance=f"{c['modality']}:{c['type']}", text=c["text"], evidence=evidence(c["text"]),
                             modality=c["modality"]), "extract"))
    quotes = [QuoteRecord(did, q["kind"], q["text"], q["speaker"], q.get("speaker_label"), bool(q.get("anonymous")),
                          q.get("start"), q.get("end")) for q in result.attributions]
    return doc, events, claims, quotes


@app.command("ingest")
def ingest(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (.txt, .html, .pdf, .jsonl)."),
    db: Optional[str] = typer.Option(None, "--database", "-d", help="Database URL (default: $FOEDUS_DATABASE_URL or the user data file)."),
    outlet: Optional[str] = typer.Option(None, "--outlet"),
    published: Optional[str] = typer.Option(None, "--published"),
    url: Optional[str] = typer.Option(None, "--url"),
    max_mb: float = typer.Option(20.0, "--max-mb"),
    no_reference: bool = typer.Option(False, "--no-reference", help="Do not reconcile dates with the shipped reference ledger; text only."),
) -> None:
    """Extract articles and store them in the ledger: the document, its events (review state
    "proposed"), claims and quotes. Ingesting the same article again changes nothing; each
    article is one transaction, so a failing file leaves nothing half-written."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from foedus.cli.core_cmds import open_ledger
    from foedus.extraction.pipeline import Extractor

    meta = _meta_options(outlet, published, url)
    failures: list = []
    ledger = open_ledger(db)
    from foedus.sources.loaders import iter_input_files
    files = [p for p, err in iter_input_files(paths) if err is None]
    added = {"documents": 0, "events": 0, "claims": 0, "quotes": 0}
    unchanged = 0
    extractor = None
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                  TextColumn("{task.completed}/{task.total} files"), TimeElapsedColumn(),
                  console=err_console, transient=False) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path, err in iter_input_files(paths):
            if err is not None:
                _report(err, failures)
                continue
            progress.update(task, description=f"ingesting {escape(path.name)}")
            arts = list(_collect([path], meta, int(max_mb * 1024 * 1024), failures))
            if arts:
                if extractor is None:
                    extractor = Extractor(facts=None if no_reference else "shipped")
                for result in extractor.extract(arts):
                    if result.error:
                        from foedus.sources.model import SourceError
                        _report(SourceError(result.article.source, result.error), failures)
                        continue
                    try:
                        doc, events, claims, quotes = _ledger_records(result)
                        rep = ledger.write(documents=[doc], events=events, claims=claims, quotes=quotes)
                    except Exception as exc:  # one article's failure must not stop the batch
                        from foedus.sources.model import SourceError
                        _report(SourceError(result.article.source, f"cannot store: {exc}"), failures)
                        continue
                    for k in added:
                        added[k] += rep.added.get(k, 0)
                    unchanged += sum(rep.unchanged.values())
            progress.advance(task)
    err_console.print(f"stored {added['documents']} new document(s), {added['events']} proposed event(s), "
                      f"{added['claims']} claim(s), {added['quotes']} quote(s); {unchanged} record(s) were already there"
                      + (f"; [bold red]{len(failures)} input(s) failed[/]" if failures else ""))
    if failures:
        raise typer.Exit(EXIT_PARTIAL)


@app.command("show-doc")
def show_doc(
    doc_id: str = typer.Argument(..., help="Document id (or a unique prefix), as stored by `foedus ingest`."),
    db: Optional[str] = typer.Option(None, "--database", "-d", help="Database URL (default: $FOEDUS_DATABASE_URL or the user data file)."),
) -> None:
    """Print a stored article with its extracted facts marked in the text (article text is escaped)."""
    from rich.text import Text

    from foedus.cli.base import EXIT_NOT_FOUND, console
    from foedus.cli.core_cmds import open_ledger
    from foedus.domain.documents import document_id

    ledger = open_ledger(db)
    doc = ledger.document(doc_id)
    if doc is None:
        fail(f"no document {doc_id!r} (or the prefix is ambiguous)", EXIT_NOT_FOUND)
    did = document_id(doc.text)
    events = ledger.events(review=None, document=did, with_evidence=True)
    quotes = ledger.quotes(document_id=did)
    marks = []   # (start, end, style, label)
    for e in events:
        for x in e.evidence:
            if x.document_id == did and x.start is not None:
                marks.append((x.start, x.end, "bold yellow", f"{e.type} {e.actor}→{e.target or '-'} {e.date.edtf if e.date else 'no date'} [{e.review}]"))
    for q in quotes:
        if q.start is not None:
            who = q.speaker or ("anonymous" if q.anonymous else "?")
            marks.append((q.start, q.end, "italic cyan" if q.kind == "direct" else "cyan", f"{q.kind} quote: {who}"))
    head = Text()
    head.append(f"{doc.title or '(no title)'}\n", style="bold")
    head.append(f"{doc.outlet or 'unknown outlet'} · published {doc.published or 'unknown'} · {did[:12]}\n\n")
    console.print(head)
    # Text objects are never parsed for markup: untrusted article text is printed literally
    body = Text(doc.text)
    for s, e, style, _ in marks:
        body.stylize(style, s, e)
    console.print(body)
    console.print(Text("\nfacts:", style="bold"))
    for i, (s, e, style, label) in enumerate(sorted(marks), 1):
        line = Text(f"{i:3d}. ")
        line.append(label, style=style)
        line.append(f"  «{doc.text[s:e][:90]}»")
        console.print(line)
