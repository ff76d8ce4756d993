#!/usr/bin/env python3
"""Throughput and peak memory of `foedus extract` against spaCy's pipeline alone.

Usage: python benchmarks/extract.py [DOCS_DIR] [--n 1000] [--batch-size 16] [--json]

The articles of DOCS_DIR (default: the dev seeds, shared/eval/dev/docs) are
replicated to N articles. Both runs happen in this one process, one after the
other, on the same texts:
  1. spaCy alone: the unmodified model, ``nlp.pipe(texts)``;
  2. extraction: loading + boilerplate + language + metadata inference, one
     spaCy pass (with the registry entity ruler) and the rule layer, for the
     same texts (``Extractor.extract``), results kept in memory as the CLI would
     write them.
Reported: articles/s and words/s of each, the ratio extraction/spaCy time, and
the process's peak resident memory (ru_maxrss) after each run.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DOCS = [ROOT.parent / "shared/eval/dev/docs", Path("/work/shared/eval/dev/docs")]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("docs", nargs="?", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-reference", action="store_true", help="as foedus extract --no-reference (text only)")
    a = ap.parse_args(argv)
    docs_dir = a.docs or next((d for d in DEFAULT_DOCS if d.is_dir()), None)
    if docs_dir is None:
        print("no docs directory found; pass one", file=sys.stderr)
        return 2
    files = sorted(p for p in docs_dir.glob("*.txt"))
    seeds = [p.read_text(encoding="utf-8") for p in files]
    texts = [seeds[i % len(seeds)] for i in range(a.n)]
    words = sum(len(t.split()) for t in texts)

    from foedus.extraction.nlp import load_model
    from foedus.sources.model import Article

    base_mem = peak_mb()
    t = time.perf_counter()
    nlp = load_model()
    load_spacy = time.perf_counter() - t
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=a.batch_size):
        pass
    spacy_s = time.perf_counter() - t
    spacy_mem = peak_mb()
    del nlp

    from foedus.extraction.pipeline import Extractor
    t = time.perf_counter()
    ex = Extractor(batch_size=a.batch_size, facts=None if a.no_reference else "shipped")
    load_ex = time.perf_counter() - t
    arts = (Article(doc_id=f"{i:05d}_{files[i % len(files)].stem}", text=txt, source="bench") for i, txt in enumerate(texts))
    t = time.perf_counter()
    n_events = n_quotes = 0
    for res in ex.extract(arts):
        n_events += len(res.events)
        n_quotes += len(res.quotes)
    ex_s = time.perf_counter() - t
    ex_mem = peak_mb()
    out = {
        "articles": a.n, "words": words, "seed_docs": len(files), "batch_size": a.batch_size,
        "spacy_alone": {"seconds": round(spacy_s, 2), "articles_per_s": round(a.n / spacy_s, 2),
                        "words_per_s": round(words / spacy_s), "load_s": round(load_spacy, 2),
                        "peak_rss_mb": round(spacy_mem, 1)},
        "extraction": {"seconds": round(ex_s, 2), "articles_per_s": round(a.n / ex_s, 2),
                       "words_per_s": round(words / ex_s), "load_s": round(load_ex, 2),
                       "peak_rss_mb": round(ex_mem, 1), "events": n_events, "quotes": n_quotes},
        "ratio_extraction_to_spacy": round(ex_s / spacy_s, 3),
        "process_peak_rss_mb": round(peak_mb(), 1),
        "baseline_rss_mb": round(base_mem, 1),
    }
    if a.json:
        print(json.dumps(out, indent=2))
    else:
        s, e = out["spacy_alone"], out["extraction"]
        print(f"{a.n} articles, {words} words (from {len(files)} seed docs), batch size {a.batch_size}")
        print(f"spaCy alone : {s['seconds']:8.2f} s  {s['articles_per_s']:7.2f} articles/s  {s['words_per_s']:8d} words/s  peak RSS {s['peak_rss_mb']:.0f} MB")
        print(f"extraction  : {e['seconds']:8.2f} s  {e['articles_per_s']:7.2f} articles/s  {e['words_per_s']:8d} words/s  peak RSS {e['peak_rss_mb']:.0f} MB")
        print(f"ratio extraction / spaCy alone: {out['ratio_extraction_to_spacy']:.2f}x; process peak RSS {out['process_peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
