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
            extractor = Extractor()

            def chain():
                yield first
                yield from articles

            for result in extractor.extract(chain()):
                sink.write(result)
                n_docs += 1
    if not quiet:
        c = sink.counts
        err_console.print(
            f"extracted {n_docs} article(s) into {escape(str(out))}: {c['events']} events, {c['quotes']} quotes, "
            f"{c['claims']} claims ({time.perf_counter() - t0:.1f}s)"
            + (f"; [bold red]{len(failures)} input(s) failed[/]" if failures else ""))
    if failures:
        raise typer.Exit(EXIT_PARTIAL)
