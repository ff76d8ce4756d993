"""Speed of the ATOP import and of a many-dates membership question, against pandas on the CSV.

    .venv/bin/python benchmarks/atop_import.py /path/to/atop-5.1-csv-dir [--report out.md] [--json]

One run measures, side by side:

1. the import of the whole of ATOP 5.1 into a fresh SQLite file
   (`foedus import atop` path: read + validate + build + bulk write), a second
   import of the same files (must add nothing), and, for comparison, the same
   rows written with the generic row-by-row ``Ledger.write``;
2. "the members of every alliance on each 1 January from 1816 to 2018", answered
   from the database with the status engine:
   a. one query for all membership events (``all_members_on_dates``),
   b. one query per alliance (``members_on_dates``),
   c. the generic per-date service ``members_on`` (one query and one engine
      run per alliance and date) on a sample of alliances, extrapolated;
3. the same question computed directly on ``atop5_1m.csv`` with pandas (read
   included), and a check that both answers are identical.

The ratio reported is database time / pandas time. Nothing is written outside a
temporary directory unless --report is given.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from foedus.atop.codes import default_cow_map  # noqa: E402
from foedus.atop.dataset import read_directory  # noqa: E402
from foedus.atop.importer import import_directory, plan_import  # noqa: E402
from foedus.atop.queries import all_members_on_dates, members_on_dates, spec_jsons  # noqa: E402
from foedus.ledger.store import Ledger  # noqa: E402

DATES = [date(y, 1, 1) for y in range(1816, 2019)]


def _timed(fn, repeat: int = 1):
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return out, min(times), times


def pandas_members(csv: Path, dates: list[date]) -> dict[str, dict[date, list[str]]]:
    """Members on each date from atop5_1m.csv alone: in from the first possible day of entry,
    out from the last possible day of exit (the engine's reading of imprecise dates), COW code -> actor."""
    import numpy as np
    import pandas as pd

    cow = default_cow_map()
    m = pd.read_csv(csv, usecols=["atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit"])
    m["actor"] = m["member"].map({e.code: e.actor for e in cow.entries()})
    ent = pd.to_datetime(dict(year=m.yrent, month=m.moent.clip(lower=1), day=m.dayent.fillna(0).clip(lower=1)))
    has_exit = m.yrexit > 0
    ex_month = m.moexit.where(m.moexit > 0, 12).clip(lower=1)
    ex_year = m.yrexit.where(has_exit, 2100)
    first = pd.to_datetime(dict(year=ex_year, month=ex_month, day=1))
    last_of_month = first + pd.offsets.MonthEnd(0)
    ex_day = m.dayexit.where(m.dayexit.fillna(0) > 0)
    exit_hi = pd.to_datetime(dict(year=ex_year, month=ex_month, day=ex_day.fillna(1).astype(int)))
    exit_hi = exit_hi.where(ex_day.notna(), last_of_month)
    exit_hi = exit_hi.where(has_exit, pd.Timestamp("2262-01-01"))
    ent_v, exit_v = ent.values, exit_hi.values
    out: dict[str, dict[date, list[str]]] = {}
    aids = m.atopid.values
    actors = m.actor.values
    for d in dates:
        ts = np.datetime64(d.isoformat())
        mask = (ent_v <= ts) & (ts < exit_v)
        sub = pd.DataFrame({"a": aids[mask], "s": actors[mask]}).drop_duplicates()
        for aid, grp in sub.groupby("a")["s"]:
            out.setdefault(f"atop:{aid}", {})[d] = sorted(grp)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("atop_dir", type=Path, help="directory with atop5_1a.csv and atop5_1m.csv")
    ap.add_argument("--report", type=Path, help="also write the report (Markdown) here")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--repeat", type=int, default=3, help="repeat the query timings, keep the best (default 3)")
    args = ap.parse_args(argv)
    fig: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # 1. import
        default_cow_map()  # country_converter's table: loaded once per process, timed separately
        url = f"sqlite:///{tmp}/atop.sqlite3"
        t = time.perf_counter()
        ledger = Ledger.open(url)
        res = import_directory(ledger, args.atop_dir)
        fig["import_s"] = time.perf_counter() - t
        fig["import_phases_s"] = res.seconds
        fig["import_added"] = res.report.added if res.report else {}
        t = time.perf_counter()
        res2 = import_directory(ledger, args.atop_dir)
        fig["reimport_s"] = time.perf_counter() - t
        fig["reimport_added"] = res2.report.added if res2.report else {}
        texts, _ = read_directory(args.atop_dir, ["atop5_1a.csv", "atop5_1m.csv"])
        plan = plan_import(texts)
        lw = Ledger.open(f"sqlite:///{tmp}/rowbyrow.sqlite3")
        t = time.perf_counter()
        lw.write(alliances=plan.alliances, actors=plan.actors, documents=plan.documents, events=plan.events)
        fig["ledger_write_s"] = time.perf_counter() - t
        fig["db_bytes"] = Path(f"{tmp}/atop.sqlite3").stat().st_size

        # 2. the question, from the database
        atop_ids = [a for a in ledger.alliance_ids() if a.startswith("atop:")]
        one_query, fig["db_one_query_s"], _ = _timed(lambda: all_members_on_dates(ledger, DATES, atop_ids), args.repeat)

        def per_alliance():
            specs = spec_jsons(ledger, atop_ids)
            return {a: members_on_dates(ledger, a, DATES, specs[a]) for a in atop_ids}
        per, fig["db_per_alliance_s"], _ = _timed(per_alliance, args.repeat)
        try:
            from foedus.services.standing import members_on
            sample = atop_ids[:: max(1, len(atop_ids) // 8)][:8]
            t = time.perf_counter()
            generic = {a: {d: sorted(s.actor for s in members_on(ledger, a, d)) for d in DATES} for a in sample}
            el = time.perf_counter() - t
            fig["db_generic_members_on_sample"] = {"alliances": len(sample), "dates": len(DATES), "s": el,
                                                   "extrapolated_all_s": el / len(sample) * len(atop_ids)}
            fig["generic_agrees_on_sample"] = all(generic[a][d] == sorted(one_query[a][d]) for a in sample for d in DATES)
        except ImportError:  # the lead's service is not there yet
            fig["db_generic_members_on_sample"] = None

        # 3. pandas on the CSV
        pdres, fig["pandas_s"], _ = _timed(lambda: pandas_members(args.atop_dir / "atop5_1m.csv", DATES), args.repeat)

    # agreement between the three answers
    mismatches = []
    for a in atop_ids:
        for d in DATES:
            x = sorted(one_query[a][d])
            if x != sorted(per[a][d]) or x != pdres.get(a, {}).get(d, []):
                mismatches.append((a, d.isoformat(), x, sorted(per[a][d]), pdres.get(a, {}).get(d, [])))
    memberships = sum(len(v) for a in atop_ids for v in one_query[a].values())
    fig.update(alliances=len(atop_ids), dates=len(DATES), alliance_dates=len(atop_ids) * len(DATES),
               memberships_listed=memberships, mismatches=len(mismatches), mismatch_examples=mismatches[:5],
               ratio_db_one_query_over_pandas=fig["db_one_query_s"] / fig["pandas_s"],  # type: ignore[operator]
               ratio_db_per_alliance_over_pandas=fig["db_per_alliance_s"] / fig["pandas_s"])  # type: ignore[operator]
    text = render(fig)
    if args.json:
        print(json.dumps(fig, indent=2, default=str))
    else:
        print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    return 0 if not mismatches and not fig["reimport_added"] else 1


def render(f: dict) -> str:
    g = f.get("db_generic_members_on_sample")
    lines = [
        "# ATOP 5.1: import and query speed",
        "",
        f"Import into a fresh SQLite file: **{f['import_s']:.2f} s** "
        f"(read {f['import_phases_s']['read']:.2f} s, validate and build {f['import_phases_s']['build']:.2f} s, "
        f"bulk write {f['import_phases_s']['write']:.2f} s); added {f['import_added']}; database {f['db_bytes'] / 1e6:.1f} MB.",
        f"Second import of the same files: {f['reimport_s']:.2f} s, added {f['reimport_added'] or 'nothing'}.",
        f"Same rows through the generic row-by-row `Ledger.write`: {f['ledger_write_s']:.2f} s.",
        "",
        f"Members of every alliance ({f['alliances']}) on each 1 January 1816-2018 ({f['dates']} dates, "
        f"{f['alliance_dates']:,} alliance-dates, {f['memberships_listed']:,} memberships listed):",
        "",
        "| path | seconds | ratio to pandas |",
        "|---|---:|---:|",
        f"| database, status engine, one query for all events | {f['db_one_query_s']:.3f} | {f['ratio_db_one_query_over_pandas']:.2f} |",
        f"| database, status engine, one query per alliance | {f['db_per_alliance_s']:.3f} | {f['ratio_db_per_alliance_over_pandas']:.2f} |",
    ]
    if g:
        lines.append(f"| database, generic `members_on` per alliance and date (extrapolated from {g['alliances']} alliances) "
                     f"| {g['extrapolated_all_s']:.1f} | {g['extrapolated_all_s'] / f['pandas_s']:.0f} |")
    lines += [
        f"| pandas on atop5_1m.csv (read included) | {f['pandas_s']:.3f} | 1.00 |",
        "",
        f"Answers compared alliance-date by alliance-date: {f['mismatches']} mismatch(es)"
        + ("" if not g else f"; generic service agrees on its sample: {f.get('generic_agrees_on_sample')}") + ".",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
