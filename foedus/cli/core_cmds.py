"""Core commands: load, members, status, timeline, events, claims, history."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import sqlalchemy as sa
import typer
from rich.table import Table
from rich.tree import Tree

from foedus.cli.base import (
    EXIT_INVALID_DATA,
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    app,
    console,
    escape,
    fail,
    parse_day,
    print_json,
)
from foedus.datafiles.yaml_model import DataFileError
from foedus.domain.events import Claim, Event
from foedus.domain.status import Standing
from foedus.ledger.config import database_url
from foedus.ledger.migrate import SchemaError
from foedus.ledger.store import Ledger
from foedus.services.load import load_data, read_data
from foedus.services.standing import NotFound, explain, members_on, spec_of, standing_of

DbOption = Annotated[Optional[str], typer.Option("--database", "-d", help="Database URL (default: $FOEDUS_DATABASE_URL or the user data file).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
OnOption = Annotated[Optional[str], typer.Option("--on", help="Day (YYYY-MM-DD); default today.")]


def open_ledger(url: str | None) -> Ledger:
    """The ledger at ``url``, migrated; a clear error if the schema cannot be brought up to date."""
    try:
        return Ledger.open(url)
    except SchemaError as exc:
        fail(str(exc), EXIT_INVALID_DATA)
    except ModuleNotFoundError as exc:
        fail(f"no driver for this database ({exc.name}); for PostgreSQL: .venv/bin/pip install -e '.[postgres]'", EXIT_USAGE)
    except (sa.exc.ArgumentError, sa.exc.OperationalError, OSError) as exc:
        fail(f"cannot open the database {url or database_url()!r}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}", EXIT_USAGE)


def _require(ledger: Ledger, alliance: str | None = None, actor: str | None = None) -> None:
    if not ledger.alliance_ids():
        fail(f"the database {ledger.engine.url.render_as_string(hide_password=True)} is empty: run `foedus load` first", EXIT_NOT_FOUND)
    if alliance is not None and alliance not in ledger.alliance_ids():
        fail(f"unknown alliance {alliance!r} (known: {', '.join(ledger.alliance_ids()[:15])})", EXIT_NOT_FOUND)
    if actor is not None and actor not in ledger.actor_ids():
        fail(f"unknown actor {actor!r}", EXIT_NOT_FOUND)


def _names(ledger: Ledger) -> dict[str, str]:
    import sqlalchemy as sa

    from foedus.ledger import schema as t
    with ledger.engine.connect() as conn:
        return {r.id: r.name for r in conn.execute(sa.select(t.actors.c.id, t.actors.c.name))}


# ---------------------------------------------------------------------------- load
@app.command()
def load(database: DbOption = None, json_out: JsonOption = False) -> None:
    """Load the shipped alliance specs, actor registry and reference ledger (idempotent)."""
    try:
        data = read_data()
    except DataFileError as exc:
        fail(f"nothing was written; the data files have problems:\n{exc}", EXIT_INVALID_DATA)
    ledger = open_ledger(database)
    report = load_data(ledger, data)
    url = ledger.engine.url.render_as_string(hide_password=True)
    if json_out:
        print_json({"database": url, "added": report.added, "unchanged": report.unchanged})
        return
    console.print(f"foedus load → {escape(url)}")
    table = Table("kind", "added", "already stored")
    for kind in sorted(set(report.added) | set(report.unchanged)):
        table.add_row(kind, str(report.added.get(kind, 0)), str(report.unchanged.get(kind, 0)))
    console.print(table)


# ---------------------------------------------------------------------------- members
def _standing_json(s: Standing, names: dict[str, str] | None = None) -> dict:
    f, p = s.formal, s.participation
    out = {
        "actor": s.actor,
        "formal": f.value,
        "formal_certain": f.certain,
        "participation": p.value if f.certain else ("uncertain" if p.value != "none" else "none"),
        "formal_since": f.since.edtf if f.since else None,
    }
    if names:
        out["name"] = names.get(s.actor, s.actor)
    if not f.certain:
        out["possible"] = list(f.possible)
    if f.effective:
        out["withdrawal_effective"] = f.effective.edtf
    if p.since:
        out["participation_since"] = p.since.edtf
    out["unmet_obligations"] = [{"kind": o.kind, "since": o.since.edtf, "events": [e for r in o.reasons for e in r.events]} for o in p.unmet]
    out["reasons"] = [{"text": r.text, "date": r.date, "events": list(r.events), **({"provision": r.provision} if r.provision else {})}
                      for r in f.reasons + p.reasons]
    return out


def _formal_label(s: Standing) -> str:
    f = s.formal
    if not f.certain:
        return f"[yellow]uncertain[/] ({' or '.join(f.possible)})"
    label = f.value.replace("_", " ")
    if f.effective:
        label += f" (effective {f.effective.edtf})"
    return label


_PART_STYLE = {"active": "green", "partial": "yellow", "frozen": "bold red", "none": "dim"}


@app.command()
def members(
    alliance: Annotated[str, typer.Argument(help="Alliance id, e.g. CSTO.")],
    on: OnOption = None,
    all_: Annotated[bool, typer.Option("--all", help="Also list signatories, suspended and former members.")] = False,
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Members of an alliance on a date, with formal status and actual participation."""
    day = parse_day(on)
    ledger = open_ledger(database)
    _require(ledger, alliance=alliance)
    standings = members_on(ledger, alliance, day, include_all=all_)
    names = _names(ledger)
    if json_out:
        print_json({"alliance": alliance, "on": day.isoformat(), "members": [_standing_json(s, names) for s in standings]})
        return
    table = Table("actor", "name", "formal status", "since", "participation", "unmet obligations",
                  title=f"{escape(alliance)} on {day.isoformat()}: {len(standings)} listed")
    for s in standings:
        p = s.participation
        table.add_row(s.actor, escape(names.get(s.actor, s.actor)), _formal_label(s), s.formal.since.edtf if s.formal.since else "",
                      f"[{_PART_STYLE.get(p.value, 'white')}]{p.value}[/]" + (f" since {p.since.edtf}" if p.since else ""),
                      ", ".join(o.kind for o in p.unmet))
    console.print(table)
    if any(not s.formal.certain for s in standings):
        console.print("[yellow]uncertain[/]: a change of status whose date sources give differently (or only roughly) may or may not have happened by this day.")


# ---------------------------------------------------------------------------- status
def _evidence_json(e: Event) -> dict:
    return {"id": e.id, "fact": e.fact, "review": e.review, "type": e.type, "actor": e.actor, "target": e.target,
            "date": e.date.edtf if e.date else None, "note": e.note,
            "evidence": [{"document": x.document_id, "outlet": x.outlet, "url": x.url, "text": x.text,
                          "start": x.start, "end": x.end} for x in e.evidence]}


def _claim_json(c: Claim) -> dict:
    return {"speaker": c.speaker, "speaker_label": c.speaker_label, "on_behalf_of": c.on_behalf_of, "topic": c.topic,
            "date": c.date.edtf if c.date else None, "stance": c.stance, "modality": c.modality, "text": c.text,
            "origin": c.origin,
            "sources": [{"outlet": x.outlet, "url": x.url, "document": x.document_id} for x in c.evidence]}


@app.command()
def status(
    actor: Annotated[str, typer.Argument(help="State id, e.g. ARM.")],
    alliance: Annotated[str, typer.Argument(help="Alliance id, e.g. CSTO.")],
    on: OnOption = None,
    explain_: Annotated[bool, typer.Option("--explain", help="Show the events, sources, provisions and competing claims.")] = False,
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """A state's formal status and actual participation in an alliance on a date."""
    day = parse_day(on)
    ledger = open_ledger(database)
    _require(ledger, alliance=alliance, actor=actor)
    spec = spec_of(ledger, alliance)
    try:
        s = standing_of(ledger, actor, alliance, day, spec)
    except NotFound as exc:
        fail(str(exc), EXIT_NOT_FOUND)
    ex = explain(ledger, s, spec) if (explain_ or json_out) else None
    if json_out:
        out = {"alliance": alliance, "on": day.isoformat(), **_standing_json(s)}
        assert ex is not None
        out["events"] = [_evidence_json(e) for e in ex.events]
        out["provisions"] = [{"topic": p.topic, "summary": p.summary,
                              "citations": [c.model_dump(exclude_none=True) for c in p.citations],
                              "readings": [r.model_dump(exclude_none=True) for r in p.readings]} for p in ex.provisions]
        out["claims"] = [_claim_json(c) for c in ex.claims_until]
        out["claims_after"] = [_claim_json(c) for c in ex.claims_after]
        out["claims_undated"] = [_claim_json(c) for c in ex.claims_undated]
        out["notes"] = ex.notes
        print_json(out)
        return
    p = s.participation
    console.print(f"[bold]{escape(actor)}[/] in [bold]{escape(alliance)}[/] on {day.isoformat()}")
    console.print(f"  formal status : {_formal_label(s)}" + (f", since {s.formal.since.edtf}" if s.formal.since else ""))
    console.print(f"  participation : [{_PART_STYLE.get(p.value, 'white')}]{p.value}[/]" + (f" since {p.since.edtf}" if p.since else ""))
    for o in p.unmet:
        console.print(f"    unmet: {o.kind} since {o.since.edtf}")
    if not explain_ or ex is None:
        console.print("  (--explain for the events, sources, provisions and claims behind this)")
        return
    by_id = {e.id: e for e in ex.events}
    tree = Tree("[bold]derived standing[/] (status engine, from accepted events)")
    for title, reasons in (("formal status", s.formal.reasons), ("participation", p.reasons + tuple(r for o in p.unmet for r in o.reasons))):
        branch = tree.add(title)
        for r in reasons:
            node = branch.add(escape(r.text) + (f" [dim]({escape(r.provision)})[/]" if r.provision else ""))
            for eid in r.events:
                e = by_id.get(eid)
                for x in (e.evidence if e else ()):
                    node.add(f"[dim]{escape(x.outlet or '')}[/] “{escape(x.text)}” [link={escape(x.url or '')}]{escape(x.url or '')}[/]")
    console.print(tree)
    if ex.notes:
        for n in ex.notes:
            console.print(f"[yellow]note[/]: {escape(n)}")
    ptree = Tree("[bold]treaty provisions that apply[/]")
    for prov in ex.provisions:
        node = ptree.add(f"[bold]{escape(prov.topic)}[/]: {escape(prov.summary)}")
        for c in prov.citations:
            node.add(f"{escape(c.instrument)}{' art. ' + escape(c.article) if c.article else ''} [{c.confidence}] "
                     f"“{escape(c.excerpt or '')}” {escape(c.url or '')}")
        for rd in prov.readings:
            rn = node.add(f"[magenta]reading[/] {escape(rd.id)}{' (default)' if rd.default else ''}: {escape(rd.summary)} — held by {escape(', '.join(rd.held_by) or 'unattributed')}")
            for c in rd.sources:
                rn.add(f"{escape(c.instrument)} “{escape(c.excerpt or '')}” {escape(c.url or '')}")
    console.print(ptree)
    ctree = Tree("[bold]what the parties assert[/] (claims, shown side by side; foedus does not pick one)")
    for c in ex.claims_until:
        ctree.add(_claim_line(c))
    if ex.claims_after:
        later = ctree.add(f"[dim]said after {day.isoformat()}[/]")
        for c in ex.claims_after:
            later.add(_claim_line(c))
    if ex.claims_undated:
        undated = ctree.add("[dim]undated (read from articles)[/]")
        for c in ex.claims_undated:
            undated.add(_claim_line(c))
    if not ex.claims_until and not ex.claims_after and not ex.claims_undated:
        ctree.add("[dim]no claims recorded[/]")
    console.print(ctree)


def _claim_line(c: Claim) -> str:
    src = ", ".join(" ".join(p for p in (x.outlet, x.url) if p) for x in c.evidence)
    mod = "" if c.modality == "asserted" else f" [magenta]({c.modality})[/]"
    if c.origin not in (None, "reference"):
        mod += f" [yellow]({escape(c.origin)}, unreviewed)[/]"
    return (f"{c.date.edtf if c.date else 'undated'} [bold]{escape(c.speaker_label)}[/]: [cyan]{escape(c.stance)}[/]{mod} "
            f"“{escape(c.text)}” [dim]{escape(src)}[/]")


# ---------------------------------------------------------------------------- timeline / events
def _disputed_facts(events: list[Event]) -> set[str]:
    dates: dict[str, set[str]] = {}
    for e in events:
        if e.date:
            dates.setdefault(e.fact_key, set()).add(e.date.edtf)
    return {f for f, ds in dates.items() if len(ds) > 1}


def _events_table(events: list[Event], title: str) -> Table:
    table = Table("date", "type", "actor", "target", "source", "evidence", title=title)
    disputed = _disputed_facts(events)
    for e in events:
        src = "; ".join(f"{x.outlet or ''}" for x in e.evidence)
        ev = " | ".join(x.text for x in e.evidence)
        when = e.date.edtf if e.date else "undated"
        if e.fact_key in disputed:
            when += "\n[yellow]date disputed[/]"
        table.add_row(when, e.type, e.actor, e.target or "", escape(src),
                      escape(ev if len(ev) <= 160 else ev[:157] + "…"))
    return table


def _day_or_none(value: str | None, option: str) -> date | None:
    return parse_day(value, option) if value is not None else None


@app.command()
def timeline(
    alliance: Annotated[str, typer.Argument(help="Alliance id, e.g. CSTO.")],
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only events whose actor or target is this id.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from", help="First day (YYYY-MM-DD).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="Last day (YYYY-MM-DD).")] = None,
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Dated events of an alliance (directed at it or by it), with their sources."""
    ledger = open_ledger(database)
    _require(ledger, alliance=alliance, actor=actor)
    since, until = _day_or_none(from_, "--from"), _day_or_none(to, "--to")
    evs = ledger.events(target=alliance, since=since, until=until, with_evidence=True)
    evs += ledger.events(actor=alliance, since=since, until=until, with_evidence=True)
    if actor:
        evs = [e for e in evs if actor in (e.actor, e.target)]
    evs.sort(key=lambda e: (e.date.lo() if e.date else date.max, e.type, e.actor))
    if json_out:
        print_json({"alliance": alliance, "actor": actor, "from": from_, "to": to, "events": [_evidence_json(e) for e in evs]})
        return
    console.print(_events_table(evs, f"{escape(alliance)} timeline" + (f" for {escape(actor)}" if actor else "")))


@app.command()
def events(
    actor: Annotated[Optional[str], typer.Option("--actor")] = None,
    target: Annotated[Optional[str], typer.Option("--target")] = None,
    type_: Annotated[Optional[list[str]], typer.Option("--type", help="Event type; repeat for several.")] = None,
    from_: Annotated[Optional[str], typer.Option("--from")] = None,
    to: Annotated[Optional[str], typer.Option("--to")] = None,
    review: Annotated[str, typer.Option("--review", help="accepted, proposed, rejected or all.")] = "accepted",
    origin: Annotated[Optional[str], typer.Option("--origin", help="reference, extraction, atop, review…")] = None,
    limit: Annotated[int, typer.Option("--limit")] = 500,
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """List current events with filters (superseded records are hidden; see `history`)."""
    if review not in ("accepted", "proposed", "rejected", "all"):
        fail("--review must be accepted, proposed, rejected or all", 2)
    ledger = open_ledger(database)
    evs = ledger.events(actor=actor, target=target, types=type_, since=_day_or_none(from_, "--from"),
                        until=_day_or_none(to, "--to"), review=None if review == "all" else (review,),
                        origin=origin, with_evidence=True, limit=limit)
    if json_out:
        print_json({"events": [_evidence_json(e) for e in evs]})
        return
    console.print(_events_table(evs, f"{len(evs)} events"))


@app.command()
def claims(
    actor: Annotated[str, typer.Argument(help="The state the claims are about.")],
    alliance: Annotated[Optional[str], typer.Option("--alliance")] = None,
    topic: Annotated[Optional[str], typer.Option("--topic", help="standing, defence, … (default: all)")] = None,
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """What each party asserts about a state (its standing, a defence question…), with sources."""
    ledger = open_ledger(database)
    _require(ledger, actor=actor)
    cs = ledger.claims(subject=actor, alliance=alliance, topic=topic)
    if json_out:
        print_json({"subject": actor, "alliance": alliance, "claims": [_claim_json(c) for c in cs]})
        return
    tree = Tree(f"claims about {escape(actor)}")
    for c in cs:
        tree.add(_claim_line(c))
    console.print(tree)


@app.command()
def review(
    event_id: Annotated[str, typer.Argument(help="The id of a current event (see `foedus events --review proposed --json`).")],
    decision: Annotated[str, typer.Argument(help="accept or reject")],
    reason: Annotated[str, typer.Option("--reason", help="Why (kept in the event's history).")],
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Accept or reject an event. The decision is a new record that supersedes the old one; nothing is erased."""
    states = {"accept": "accepted", "reject": "rejected"}
    if decision not in states:
        fail("the decision must be 'accept' or 'reject'", EXIT_USAGE)
    if not reason.strip():
        fail("--reason must say why", EXIT_USAGE)
    ledger = open_ledger(database)
    old = ledger.event(event_id)
    if old is None:
        fail(f"no event {event_id!r}", EXIT_NOT_FOUND)
    if old.review == states[decision]:
        fail(f"event {event_id} is already {old.review}", EXIT_INVALID_DATA)
    try:
        new_id = ledger.review(event_id, states[decision], reason)
    except ValueError as exc:  # already superseded: only the current record can be reviewed
        fail(str(exc), EXIT_INVALID_DATA)
    if json_out:
        print_json({"old": event_id, "new": new_id, "review": states[decision], "reason": reason})
        return
    console.print(f"{escape(event_id)} → {new_id}: {states[decision]} ({escape(reason)}); `foedus history {new_id}` shows the chain")


@app.command()
def history(
    event_id: Annotated[str, typer.Argument(help="An event id (any record of the chain).")],
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """The chain of records behind an event: the original, each correction or review, and why."""
    ledger = open_ledger(database)
    chain = ledger.history(event_id)
    if not chain or chain[0][0] is None:
        fail(f"no event {event_id!r}", EXIT_NOT_FOUND)
    if json_out:
        print_json({"history": [_evidence_json(e) | {"superseded_because": r} for e, r in chain]})
        return
    for e, reason in chain:
        console.print(f"{e.id} {e.type} {e.actor}→{e.target} {e.date.edtf if e.date else 'undated'} [{e.review}]"
                      + (f" — superseded: {escape(reason)}" if reason else " — current"))


@app.command()
def documents(
    kind: Annotated[Optional[str], typer.Option("--kind", help="article, reference or dataset (default: all)")] = "article",
    database: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Stored documents: id, outlet, publication date, where they were read from, how many events cite them."""
    ledger = open_ledger(database)
    docs = ledger.documents(kind=None if kind == "all" else kind)
    if json_out:
        print_json({"documents": [{"id": d.id, "kind": d.kind, "outlet": d.outlet, "published": d.published, "url": d.url,
                                   "path": d.path, "title": d.title, "language": d.language, "events": n} for d, n in docs]})
        return
    table = Table("id", "outlet", "published", "title / source", "events", title=f"{len(docs)} documents")
    for d, n in docs:
        table.add_row(d.id[:12], escape(d.outlet or ""), d.published or "unknown",
                      escape((d.title or d.path or d.url or "")[:70]), str(n))
    console.print(table)
    console.print("[dim]`foedus show-doc ID` (an id prefix or the file name) prints one with its facts marked[/]")


@app.command()
def where() -> None:
    """Print the database URL foedus uses (FOEDUS_DATABASE_URL or the default file)."""
    console.print(escape(database_url()))
