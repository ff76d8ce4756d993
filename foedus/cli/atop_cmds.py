"""ATOP commands: ``import atop``, ``alliances``, ``contradictions``."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from foedus.cli.base import (EXIT_INVALID_DATA, EXIT_NOT_FOUND, EXIT_PARTIAL, EXIT_USAGE, app, console, err_console,
                             escape, fail, parse_day, print_json)
from foedus.cli.core_cmds import DbOption, JsonOption, OnOption, open_ledger

__all__ = ["import_app"]

import_app = typer.Typer(name="import", help="Import alliance datasets into the ledger.", no_args_is_help=True)
app.add_typer(import_app, name="import")

_MAX_SHOWN = 60


def _problem_lines(problems, limit: int = _MAX_SHOWN) -> str:
    lines = [f"  {p}" for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"  … and {len(problems) - limit} more (use --json for the full list)")
    return "\n".join(lines)


def _problem_json(p) -> dict:
    return {"file": p.file, "row": p.row, "line": p.line, "column": p.column, "atopid": p.atopid, "message": p.message}


# ---------------------------------------------------------------------------- import atop
@import_app.command("atop")
def import_atop(
    directory: Annotated[Path, typer.Argument(help="Directory holding the ATOP 5.1 CSV files (atop5_1a.csv, atop5_1m.csv).")],
    on_error: Annotated[str, typer.Option("--on-error", help="refuse: import nothing if any row is bad (default); "
                                                             "skip: import the good rows and list the bad ones.")] = "refuse",
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Import every ATOP alliance as a spec (atop:<atopid>) and its members' entries and exits as events."""
    from foedus.atop.dataset import AtopInputError, read_directory
    from foedus.atop.importer import plan_import
    from foedus.atop.bulk import bulk_write
    from foedus.atop.rules import default_rules
    from foedus.datafiles.yaml_model import DataFileError

    if on_error not in ("refuse", "skip"):
        fail(f"--on-error must be 'refuse' or 'skip', got {on_error!r}", EXIT_USAGE)
    t0 = time.perf_counter()
    try:
        rules = default_rules()
    except DataFileError as exc:
        fail(f"the ATOP mapping files are invalid:\n{exc}", EXIT_INVALID_DATA)
    files = [rules.files["alliances"], rules.files["members"]]
    texts, problems = read_directory(directory, files)
    if problems:
        missing = all("missing" in p.message or "not a directory" in p.message for p in problems)
        fail("nothing was imported:\n" + _problem_lines(problems), EXIT_NOT_FOUND if missing else EXIT_INVALID_DATA)
    try:
        plan = plan_import(texts, on_error=on_error, rules=rules)  # type: ignore[arg-type]
    except AtopInputError as exc:
        if json_out:
            print_json({"imported": False, "problems": [_problem_json(p) for p in exc.problems]})
            raise typer.Exit(EXIT_INVALID_DATA)
        hint = ("the files cannot be read at all" if on_error == "skip"
                else "--on-error skip imports the valid rows")
        fail(f"the import was refused, nothing was written ({len(exc.problems)} problem(s); {hint}):\n"
             + _problem_lines(exc.problems), EXIT_INVALID_DATA)
    t1 = time.perf_counter()
    ledger = open_ledger(database)  # opened only now: a refused import does not even create the file
    report = bulk_write(ledger, alliances=plan.alliances, actors=plan.actors, documents=plan.documents, events=plan.events)
    t2 = time.perf_counter()
    url = ledger.engine.url.render_as_string(hide_password=True)
    skipped = {f: sorted(rows) for f, rows in plan.skipped_rows.items()}
    if json_out:
        print_json({"imported": True, "database": url, "added": report.added, "unchanged": report.unchanged,
                    "rows_read": plan.rows_read, "skipped_rows": skipped,
                    "problems": [_problem_json(p) for p in plan.problems],
                    "seconds": {"validate_and_build": round(t1 - t0, 3), "write": round(t2 - t1, 3)}})
    else:
        table = Table("kind", "added", "already stored", title=f"foedus import atop {escape(str(directory))} → {escape(url)}")
        for kind in ("alliances", "actors", "documents", "events"):
            table.add_row(kind, str(report.added.get(kind, 0)), str(report.unchanged.get(kind, 0)))
        console.print(table)
        console.print(f"read {', '.join(f'{n} rows of {f}' for f, n in plan.rows_read.items())} "
                      f"in {t1 - t0:.2f} s, wrote in {t2 - t1:.2f} s")
        if plan.problems:
            n = sum(len(v) for v in skipped.values())
            err_console.print(f"[yellow]skipped {n} row(s)[/] ({len(plan.problems)} problem(s)):\n" + escape(_problem_lines(plan.problems)))
    if plan.problems:
        raise typer.Exit(EXIT_PARTIAL)


# ---------------------------------------------------------------------------- alliances
def _resolve_actor(ledger, actor: str) -> str:
    known = ledger.actor_ids()
    if actor in known:
        return actor
    if actor.isdigit():  # a COW country code
        from foedus.atop.codes import default_cow_map

        entry = default_cow_map().get(int(actor))
        if entry:
            return entry.actor
    up = actor.upper()
    if up in known:
        return up
    if f"hist:{actor.lower()}" in known:
        return f"hist:{actor.lower()}"
    fail(f"unknown actor {actor!r} (an id such as RUS or hist:bavaria, or a COW country code)", EXIT_NOT_FOUND)


@app.command()
def alliances(
    actor: Annotated[str, typer.Option("--actor", help="State id (RUS, hist:bavaria) or COW country code (365).")],
    on: OnOption = None,
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """The alliances a state was in on a date, with its obligations (defence, offence, neutrality, non-aggression, consultation)."""
    from foedus.atop.queries import alliances_of

    day = parse_day(on)
    ledger = open_ledger(database)
    if not ledger.alliance_ids():
        fail("the database is empty: run `foedus load` and/or `foedus import atop DIR` first", EXIT_NOT_FOUND)
    who = _resolve_actor(ledger, actor)
    found = alliances_of(ledger, who, day)
    if json_out:
        print_json({"actor": who, "on": day.isoformat(), "alliances": [
            {"alliance": m.alliance, "name": m.name, "kind": m.kind, "formal": m.formal.value,
             "formal_certain": m.formal.certain, "possible": list(m.formal.possible),
             "since": m.formal.since.edtf if m.formal.since else None, "obligations": m.obligations,
             "conditions": m.conditions, "obligations_from": m.obligations_from, "phases": m.phases,
             "atopid": m.atopid, "reasons": [{"text": r.text, "events": list(r.events)} for r in m.formal.reasons]}
            for m in found]})
        return
    table = Table("alliance", "name", "since", "obligations", "conditions",
                  title=f"alliances of {escape(who)} on {day.isoformat()}: {len(found)}")
    for m in found:
        since = m.formal.since.edtf if m.formal.since else ""
        if not m.formal.certain:
            since += f" [yellow]uncertain[/] ({' or '.join(m.formal.possible)})"
        elif m.formal.value != "member":
            since += f" ({m.formal.value.replace('_', ' ')})"
        table.add_row(m.alliance, escape(m.name), since,
                      ", ".join(m.obligations) or "[dim]none (asymmetric: only its allies promised)[/]",
                      escape(", ".join(m.conditions)))
    console.print(table)
    if found:
        console.print("[dim]obligations: what this state promised, from ATOP's member record for the phase in force "
                      "(atop:* alliances) or from the spec (hand-written alliances)[/]")


# ---------------------------------------------------------------------------- contradictions
def _reports_text(reports) -> str:
    return "; ".join(f"{r.type} {r.date}" + (f" ({', '.join(r.sources)})" if r.sources else "") for r in reports)


@app.command()
def contradictions(
    alliance: Annotated[Optional[str], typer.Option("--alliance", help="A hand-written alliance id (default: every one with an ATOP correspondence).")] = None,
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Compare, member by member, an ATOP-imported alliance with the hand-written alliance that codes the same treaty."""
    from foedus.atop.contradictions import compare_ledger
    from foedus.atop.rules import default_rules, load_correspondence

    corr = load_correspondence()
    if alliance is not None and alliance not in corr:
        fail(f"no ATOP correspondence for {alliance!r} (known: {', '.join(sorted(corr))}; see foedus/data/atop/correspondence.yaml)", EXIT_NOT_FOUND)
    pairs = {alliance: corr[alliance]} if alliance else corr
    ledger = open_ledger(database)
    stored = set(ledger.alliance_ids())
    rules = default_rules()
    results, skipped = [], []
    for hand, atopid in sorted(pairs.items()):
        missing = [a for a in (hand, f"atop:{atopid}") if a not in stored]
        if missing:
            hint = " ".join("run `foedus import atop DIR`" if m.startswith("atop:") else "run `foedus load`" for m in missing)
            skipped.append((hand, atopid, f"{', '.join(missing)} not in the database: {hint}"))
            continue
        results.append(compare_ledger(ledger, hand, atopid, rules.coverage_end))
    if alliance and skipped:
        fail(skipped[0][2], EXIT_NOT_FOUND)
    if json_out:
        print_json({"comparisons": [
            {"alliance": c.alliance, "atop_alliance": c.atop_alliance, "compared_until": c.coverage_end.isoformat(),
             "counts": c.counts(), "notes": c.notes,
             "members": [{"actor": m.actor, "verdict": m.verdict,
                          "items": [{"what": i.what, "atop": i.atop, "atop_status": i.atop_status, "reference": i.reference,
                                     "reference_status": i.reference_status, "verdict": i.verdict, "explanation": i.explanation,
                                     "atop_reports": [r.__dict__ for r in i.atop_reports],
                                     "reference_reports": [r.__dict__ for r in i.reference_reports]} for i in m.items],
                          "status_differences": [{"from": d.start.isoformat(), "to": d.end.isoformat(), "atop": d.atop,
                                                  "reference": d.reference, "kind": d.kind} for d in m.differences]}
                         for m in c.members]} for c in results],
            "skipped": [{"alliance": h, "atopid": a, "reason": r} for h, a, r in skipped]})
        return
    for h, a, reason in skipped:
        err_console.print(f"[yellow]{escape(h)} ↔ atop:{a} skipped[/]: {escape(reason)}")
    label = {"same": "[green]same[/]", "signature": "[cyan]convention[/]", "differs": "[bold red]DIFFERS[/]",
             "only_atop": "[bold red]ONLY IN ATOP[/]", "only_reference": "[bold red]ONLY HAND-WRITTEN[/]"}
    for c in results:
        counts = c.counts()
        console.print(f"[bold]{escape(c.alliance)} ↔ {escape(c.atop_alliance)}[/] (ATOP 5.1; compared up to {c.coverage_end.isoformat()}): "
                      f"{counts['differs']} member(s) differ, {counts['convention']} differ only by convention "
                      f"(ATOP's entry is the date of signature), {counts['agrees']} agree")
        for n in c.notes:
            console.print(f"  [yellow]note[/]: {escape(n)}")
        for m in c.members:
            for k, i in enumerate(m.items):
                a_txt = (i.atop or "—") + (f" {i.atop_status}" if i.atop_status else "")
                r_txt = (i.reference or "—") + (f" {i.reference_status}" if i.reference_status else "")
                console.print(f"  {m.actor if k == 0 else '':<5} {i.what:<5} ATOP {a_txt:<22} hand-written {r_txt:<22} "
                              f"{label.get(i.verdict, i.verdict)}" + ("" if i.verdict == "same" else f": {escape(i.explanation)}"))
                if i.verdict not in ("same", "signature") and i.reference_reports:
                    console.print(f"  {'':<5} {'':<5} [dim]hand-written sources: {escape(_reports_text(i.reference_reports))}[/]")
        diffs = [(m.actor, d) for m in c.members for d in m.differences if d.kind != "convention"]
        if diffs:
            console.print("  [bold]days on which the two disagree[/] (status engine on each side):")
            for actor, d in diffs:
                console.print(f"  {actor:<5} {d.start.isoformat()} … {d.end.isoformat()}: ATOP {escape(d.atop)}, "
                              f"hand-written {escape(d.reference)} [dim]({d.kind})[/]")
