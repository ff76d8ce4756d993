"""Treaty reasoning commands: ``casus``, ``withdraw``, ``decide``.

Each command asks :mod:`foedus.services.reasoning` for an answer tree and
renders it: a Rich tree for people, the same tree as JSON with ``--json``.
Unknown ids exit 4; questions the record or the spec cannot answer exit 3.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Optional

import typer
from rich.panel import Panel
from rich.tree import Tree

from foedus.cli.base import EXIT_INVALID_DATA, EXIT_NOT_FOUND, app, console, escape, fail, parse_day, print_json
from foedus.cli.core_cmds import open_ledger
from foedus.datafiles.yaml_model import DataFileError
from foedus.ledger.migrate import SchemaError
from foedus.ledger.store import Ledger
from foedus.services import reasoning
from foedus.services.standing import NotFound
from foedus.treaty.rules.answer import Check
from foedus.treaty.rules.errors import ImpossibleQuestion, RuleError

__all__ = ["casus", "withdraw", "decide"]

_MARK = {True: "[green]✔ holds[/]", False: "[red]✘ fails[/]", None: "[yellow]? undetermined[/]"}
_OUTCOME = {"engaged": "[bold green]ENGAGED[/]", "not_engaged": "[bold red]NOT ENGAGED[/]",
            "undetermined": "[bold yellow]UNDETERMINED[/]"}


@contextmanager
def _answering(database: str | None = None) -> Iterator[Ledger]:
    """Open the ledger and turn the service layer's errors into exit codes."""
    ledger = open_ledger(database)
    try:
        yield ledger
    except NotFound as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    except (ImpossibleQuestion, RuleError, DataFileError, SchemaError) as exc:
        fail(str(exc), EXIT_INVALID_DATA)


def _short(text: str | None, n: int = 160) -> str:
    if not text:
        return ""
    return text if len(text) <= n else text[: n - 1] + "…"


def _add_check(tree: Tree, c: Check, show_kind: bool = False) -> None:
    mark = "[dim]– not applicable[/]" if not c.applies else _MARK[c.holds]
    kind = f" [dim]({c.kind})[/]" if show_kind and c.kind != "condition" else ""
    only = f" [dim](only under: {', '.join(c.only_under)})[/]" if c.only_under else ""
    node = tree.add(f"{mark}  [bold]{escape(c.name)}[/]{kind}{only}: {escape(c.question)}")
    node.add(escape(c.explanation))
    for p in c.provisions:
        node.add(f"[cyan]§[/] {escape(p.label())}: [italic]{escape(_short(p.excerpt))}[/]"
                 + (f" [dim]{escape(p.url)}[/]" if p.url else ""))
    for r in c.by_reading:
        tag = " [dim](default)[/]" if r.default else ""
        who = f" [dim]held by {', '.join(r.held_by)}[/]" if r.held_by else ""
        rn = node.add(f"[magenta]reading[/] {escape(r.reading)}{tag}{who}: {_MARK[r.holds]}: {escape(r.explanation)}")
        for p in r.provisions:
            rn.add(f"[cyan]§[/] {escape(p.label())}: [italic]{escape(_short(p.excerpt))}[/]")
    for f in c.facts:
        src = f.sources[0] if f.sources else None
        node.add(f"[blue]•[/] {escape(_short(f.text, 220))}" + (f" [dim]({escape(src.outlet or '')} {escape(src.url or '')})[/]" if src else ""))
    for a in c.assumptions:
        node.add(f"[yellow]assumption:[/] {escape(a)}")


def _footer(tree: Tree, assumptions, notes=(), claims=()) -> None:
    if claims:
        cl = tree.add("[bold]What the parties say[/] [dim](claims, never merged into the answer)[/]")
        for c in claims:
            src = c.sources[0] if c.sources else None
            cl.add(escape(_short(c.text, 260)) + (f" [dim]{escape(src.url or '')}[/]" if src else ""))
    if notes:
        nt = tree.add("[bold]Notes[/]")
        for n in notes:
            nt.add(escape(n))
    at = tree.add("[bold]Assumptions[/]")
    for a in assumptions or ["none"]:
        at.add(escape(a))


@app.command()
def casus(
    alliance: str = typer.Argument(..., help="alliance id, e.g. CSTO or NATO"),
    victim: str = typer.Option(..., "--victim", help="the attacked state (ISO3 id)"),
    aggressor: Optional[str] = typer.Option(None, "--aggressor", help="the attacker; leave out for an internal threat"),
    place: Optional[str] = typer.Option(None, "--place", help="a state id (its recognised territory) or a region id; default: the victim"),
    on: Optional[str] = typer.Option(None, "--on", help="date of the incident, YYYY-MM-DD (default: today)"),
    requested: Optional[bool] = typer.Option(None, "--requested/--not-requested",
                                             help="state whether assistance was requested (default: read the ledger)"),
    as_json: bool = typer.Option(False, "--json", help="print the answer tree as JSON"),
    database: Optional[str] = typer.Option(None, "--database", "-d", help="Database URL (default: $FOEDUS_DATABASE_URL or the user data file)."),
) -> None:
    """Is the alliance's defence clause engaged by this incident? Each condition with its article and facts."""
    day = parse_day(on)
    with _answering(database) as ledger:
        ans = reasoning.casus(ledger, alliance, victim, place, day, aggressor=aggressor, requested=requested)
    if as_json:
        print_json(ans.to_dict())
        return
    q = ans.question
    head = (f"{q['alliance']} art. {ans.clause['article']}: attack on {q['victim']} at {q['place']} on {q['on']}"
            + (f" by {q['aggressor']}" if q['aggressor'] else " (no aggressor named)"))
    tree = Tree(f"{_OUTCOME[ans.outcome]}  {escape(head)}")
    if ans.disputed:
        br = tree.add("[bold magenta]Disputed law: the result under each reading[/]")
        for o in ans.by_reading:
            br.add(f"{_OUTCOME[o.outcome]} {escape(o.summary.split(' under ', 1)[1])}" + (" [dim](default)[/]" if o.default else ""))
    cl = tree.add(f"[bold]Article {escape(ans.clause['article'])}[/]: {escape(ans.clause['summary'])}")
    if ans.clause.get("scope"):
        cl.add(f"scope: {escape(ans.clause['scope'])}")
    conds = tree.add("[bold]Conditions[/]")
    for c in ans.conditions:
        _add_check(conds, c, show_kind=True)
    _footer(tree, ans.assumptions, ans.notes, ans.claims)
    console.print(Panel(escape(ans.summary), title="answer", expand=False))
    console.print(tree)


@app.command()
def withdraw(
    actor: str = typer.Argument(..., help="the withdrawing state"),
    alliance: str = typer.Argument(..., help="alliance id"),
    notice: Optional[str] = typer.Option(None, "--notice", help="date of the written notice, YYYY-MM-DD (default: today)"),
    as_json: bool = typer.Option(False, "--json", help="print the answer tree as JSON"),
    database: Optional[str] = typer.Option(None, "--database", "-d", help="Database URL (default: $FOEDUS_DATABASE_URL or the user data file)."),
) -> None:
    """When would a withdrawal take effect, what must be settled first, and what changes after?"""
    day = parse_day(notice, "--notice")
    with _answering(database) as ledger:
        ans = reasoning.withdraw(ledger, actor, alliance, day)
    if as_json:
        print_json(ans.to_dict())
        return
    eff = ans.effective or "unknown"
    tree = Tree(f"[bold]{escape(actor)} leaves {escape(alliance)}[/]: notice {ans.notice} → effective [bold]{escape(eff)}[/]")
    if ans.disputed:
        br = tree.add("[bold magenta]Disputed law: the result under each reading[/]")
        for e in ans.by_reading:
            res = "no unilateral withdrawal" if e["allowed"] is False else f"effective {e['effective']}"
            br.add(f"{escape(str(e['reading']))}{' (default)' if e['default'] else ''}: {escape(res)}"
                   + (f" [dim]held by {', '.join(e['held_by'])}[/]" if e["held_by"] else "") + f" — {escape(e['summary'] or '')}")
    ch = tree.add("[bold]Checks[/]")
    for c in ans.checks:
        _add_check(ch, c)
    pre = tree.add("[bold]To settle first[/]")
    for c in ans.preconditions:
        _add_check(pre, c)
    a = ans.after
    af = tree.add(f"[bold]After {escape(str(a['on']))}[/]: {len(a['members'])} members: {escape(', '.join(a['members']))}")
    if a["also_leaving_by_then"]:
        af.add(f"also gone by then (recorded): {escape(', '.join(a['also_leaving_by_then']))}")
    for r in a["decision_rules"]:
        af.add(f"decision rule {escape(r['id'])} ({escape(r['rule'])}): {escape(r['note'])}")
    for p in a["posts"]:
        af.add(f"post {escape(p['name'])}: {escape(p['change'])}"
               + (f" → order {', '.join(p['order_after'])}" if p.get("order_after") else ""))
    b = a["budget"]
    if b.get("shares_after"):
        bt = af.add("budget shares (inference): " + escape(b["note"]))
        for m, v in b["shares_after"].items():
            before = (b.get("shares_before") or {}).get(m)
            bt.add(f"{m}: {before:.1%} → {v:.1%}" if before is not None else f"{m}: {v:.1%}")
    else:
        af.add(escape(b.get("note", "")))
    if ans.recorded.get("check"):
        tree.add(f"[bold]Checked against the record[/]: {escape(ans.recorded['check'])}")
    _footer(tree, ans.assumptions, ans.notes, ans.claims)
    console.print(Panel(escape(ans.summary), title="answer", expand=False))
    console.print(tree)


@app.command()
def decide(
    alliance: str = typer.Argument(..., help="alliance id"),
    decision: str = typer.Argument(..., help="the decision, in words (e.g. 'budget for 2025')"),
    on: Optional[str] = typer.Option(None, "--on", help="date of the decision, YYYY-MM-DD (default: today)"),
    rule: Optional[str] = typer.Option(None, "--rule", help="id of the spec's decision rule (default: inferred)"),
    as_json: bool = typer.Option(False, "--json", help="print the answer tree as JSON"),
    database: Optional[str] = typer.Option(None, "--database", "-d", help="Database URL (default: $FOEDUS_DATABASE_URL or the user data file)."),
) -> None:
    """Who votes, who can block, and what recorded stances suggest (marked as inference)."""
    day = parse_day(on)
    with _answering(database) as ledger:
        ans = reasoning.decide(ledger, alliance, decision, day, rule)
    if as_json:
        print_json(ans.to_dict())
        return
    r = ans.rule
    tree = Tree(f"[bold]{escape(alliance)}[/]: “{escape(decision)}” on {ans.question['on']}: rule "
                f"[bold]{escape(r['id'])}[/] ({escape(r['rule'])})")
    tree.add(f"[dim]{escape(ans.rule_choice)}[/]")
    tree.add(f"who counts: {escape(r['who_counts'])}")
    for p in r["provisions"]:
        tree.add(f"[cyan]§[/] {escape(p['instrument'])}{', art. ' + p['article'] if p.get('article') else ''}: "
                 f"[italic]{escape(_short(p.get('excerpt')))}[/]")
    vt = tree.add(f"[bold]Voters[/]: {len(ans.counted)} count, {len(ans.may_block)} can block")
    for v in ans.voters:
        vt.add(f"{_MARK[v.holds]} {escape(v.name)}: {escape(v.explanation)}")
    st = tree.add("[bold]Recorded stances[/] [yellow](inference)[/]")
    for s in ans.stances:
        st.add(f"{escape(s['actor'])}: likely {escape(s['likely'])} — {escape(s['explanation'])}")
    _footer(tree, ans.assumptions, ans.notes)
    console.print(Panel(escape(ans.summary), title="answer", expand=False))
    console.print(tree)
