"""Proof against the source: recompute ATOP's state-year table from the imported ledger and compare.

    .venv/bin/python benchmarks/atop_statyear.py /path/to/atop-5.1-csv-dir [--report out.md] [--json]

Imports atop5_1a.csv and atop5_1m.csv into a fresh SQLite file, reads the
membership events back, derives each state's alliances and obligations in each
year with the status engine (foedus.atop.stateyear, whose docstring states
ATOP's counting rules), and compares every cell with atop5_1sy.csv: the set of
alliances, NUMBER, DEFENSE, OFFENSE, NEUTRAL, NONAGG, CONSUL and TRANSYR.
Every disagreement is listed with its reason. Exit status 0 when all cells agree.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from foedus.atop.codes import default_cow_map  # noqa: E402
from foedus.atop.dataset import STATE_YEAR_REQUIRED, parse_state_years, parse_table, read_text  # noqa: E402
from foedus.atop.importer import import_directory  # noqa: E402
from foedus.atop.rules import default_rules  # noqa: E402
from foedus.atop.stateyear import check  # noqa: E402
from foedus.domain.events import MEMBERSHIP_TYPES  # noqa: E402
from foedus.ledger.store import Ledger  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("atop_dir", type=Path)
    ap.add_argument("--report", type=Path, help="also write the report (Markdown) here")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    rules, cow = default_rules(), default_cow_map()
    sy_file = args.atop_dir / rules.files.get("state_years", "atop5_1sy.csv")
    text, problem = read_text(sy_file)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    table, problems = parse_table(sy_file.name, text, STATE_YEAR_REQUIRED)
    if table is None:
        print("\n".join(map(str, problems)), file=sys.stderr)
        return 2
    records, problems2 = parse_state_years(table)
    if problems or problems2:
        print("\n".join(map(str, problems + problems2)), file=sys.stderr)
        return 2
    t = {}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        ledger = Ledger.open(f"sqlite:///{tmp}/atop.sqlite3")
        import_directory(ledger, args.atop_dir)
        t1 = time.perf_counter()
        events = ledger.events(origin="atop", types=MEMBERSHIP_TYPES)
        comp = check(events, records, cow, last_year=rules.coverage_end.year)
        t2 = time.perf_counter()
        # what each of ATOP's rules is worth: switch one off at a time
        ablation = {}
        for label, kw in (("rule 1 off: the year of an exit on 1 January not counted", {"exit_day_counts": False}),
                          ("rule 3 off: obligations of any phase in force during the year", {"obligations_of": "any_phase"})):
            c = check(events, records, cow, last_year=rules.coverage_end.year, **kw)
            ablation[label] = {"cells_disagreeing": c.cells - c.cells_agreeing,
                               "examples": [f"{d.actor} {d.year} {d.column}" for d in c.disagreements[:4]]}
        rule5 = len(comp.excluded)
    t = {"import_s": t1 - t0, "recompute_and_compare_s": t2 - t1}
    out = {
        "atop_rows": len(records), "atop_actor_years": comp.rows_atop, "foedus_actor_years": comp.rows_foedus,
        "rows_in_both": comp.rows_both, "rows_agreeing": comp.rows_agreeing, "cells": comp.cells,
        "cells_agreeing": comp.cells_agreeing, "cell_agreement": comp.cell_agreement, "row_agreement": comp.row_agreement,
        "by_column": {c: {"agree": a, "compared": n} for c, (a, n) in comp.by_column.items()},
        "disagreements_by_reason": dict(Counter(d.reason for d in comp.disagreements)),
        "disagreements": [d.__dict__ for d in comp.disagreements],
        "folded": {f"{k[0]} {k[1]}": v for k, v in comp.folded.items()},
        "excluded": [f"{a} {y}" for a, y in comp.excluded], "seconds": t, "ablation": ablation,
        "rule5_rows_left_out": rule5,
    }
    text = render(out)
    print(json.dumps(out, indent=2, default=str) if args.json else text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    return 0 if comp.cells == comp.cells_agreeing else 1


def render(o: dict) -> str:
    lines = [
        "# ATOP 5.1 state-year table recomputed from the foedus ledger",
        "",
        f"ATOP rows (atop5_1sy.csv): {o['atop_rows']:,}; as actor-years: {o['atop_actor_years']:,} "
        f"(COW codes folded into one actor: {', '.join(f'{k} <- {v}' for k, v in o['folded'].items()) or 'none'}).",
        f"Recomputed actor-years: {o['foedus_actor_years']:,}; in both: {o['rows_in_both']:,}; "
        f"identical in every cell: {o['rows_agreeing']:,} ({o['row_agreement']:.4%}).",
        f"Cells compared: {o['cells']:,}; agreeing: {o['cells_agreeing']:,} (**{o['cell_agreement']:.4%}**).",
        "",
        "| column | agree | compared |",
        "|---|---:|---:|",
        *[f"| {c} | {v['agree']:,} | {v['compared']:,} |" for c, v in o["by_column"].items()],
        "",
        f"Left out by rule 5 (ATOP codes that are not COW codes; ATOP's file leaves them out too): "
        f"{len(o['excluded'])} actor-years ({', '.join(o['excluded'][:3])}{' …' if len(o['excluded']) > 3 else ''}).",
        "",
        f"Disagreements: {len(o['disagreements'])}" + (":" if o["disagreements"] else "."),
    ]
    for reason, n in o["disagreements_by_reason"].items():
        lines.append(f"- {n} × {reason}")
    for d in o["disagreements"][:200]:
        lines.append(f"  - {d['actor']} {d['year']} {d['column']}: ATOP {d['atop']}, foedus {d['foedus']} ({d['reason']})")
    lines += ["", "What each counting rule is worth (cells that would disagree with the rule switched off):", ""]
    for label, v in o["ablation"].items():
        lines.append(f"- {label}: {v['cells_disagreeing']} cells (e.g. {', '.join(v['examples'])})")
    lines.append(f"- rule 5 off: {o['rule5_rows_left_out']} recomputed actor-years would have no ATOP row")
    lines += ["", f"Import {o['seconds']['import_s']:.2f} s; recompute and compare {o['seconds']['recompute_and_compare_s']:.2f} s."]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
