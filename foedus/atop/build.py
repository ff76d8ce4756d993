"""From validated ATOP records to specs, documents and events (pure functions).

Membership: each member-phase row of ATOP says when a state entered and left
one phase of an alliance. A new phase (a renegotiated text) is not a change of
membership, so an actor's rows that follow each other without a gap (the next
entry on or before the day after the previous exit) form one *spell*, which
becomes one ``join`` event (the first entry) and, unless the spell is still open
at the end of ATOP's coverage, one ``withdraw`` event (the last exit). The same
rule joins two COW codes that map to one actor (260 West Germany leaving NATO
and 255 Germany entering on 1990-10-03 are one DEU spell).

What each member promised in each phase (ATOP's member-level obligations, which
differ between members of asymmetric alliances) is kept in the ``join``
event's attributes, ``attributes["atop"]["phases"]``, with the row it comes from.
"""
from __future__ import annotations

import calendar
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from foedus.atop.codes import CowMap
from foedus.atop.dataset import CONDITION_COLUMNS, AllianceRecord, MemberRecord, Row
from foedus.atop.rules import Rules
from foedus.domain.dates import DateSpan
from foedus.domain.documents import Document
from foedus.domain.events import Event, Evidence
from foedus.ledger.store import event_id
from foedus.registry.model import Actor
from foedus.treaty.spec import (Admission, AllianceSpec, Body, Citation, DefenceClause, DefenceCondition, Instrument,
                                Withdrawal)

__all__ = ["ORIGIN", "alliance_id", "atopid_of", "Spell", "spells_of", "row_document", "build_events",
           "build_spec", "spec_row", "actor_row", "edtf_bounds", "atop_span", "phase_summary"]

ORIGIN = "atop"


def alliance_id(atopid: int) -> str:
    return f"atop:{atopid}"


def atopid_of(alliance: str) -> int | None:
    if alliance.startswith("atop:") and alliance[5:].isdigit():
        return int(alliance[5:])
    return None


def atop_span(text: str) -> DateSpan:
    """The DateSpan of an ATOP date, built directly: the edtf grammar parser takes ~10 ms a date,
    and these dates are plain ``YYYY[-MM[-DD]]`` already validated. Equal to ``parse_edtf(text)``."""
    lo, hi = edtf_bounds(text)
    return DateSpan(lo, hi, text)


def edtf_bounds(text: str) -> tuple[date, date]:
    """First and last day of an ATOP date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), without the edtf parser."""
    parts = [int(p) for p in text.split("-")]
    y = parts[0]
    if len(parts) == 1:
        return date(y, 1, 1), date(y, 12, 31)
    if len(parts) == 2:
        return date(y, parts[1], 1), date(y, parts[1], calendar.monthrange(y, parts[1])[1])
    d = date(y, parts[1], parts[2])
    return d, d


# ------------------------------------------------------------------ spells
@dataclass(frozen=True)
class Spell:
    """An unbroken stretch of one actor's membership in one alliance."""

    actor: str
    atopid: int
    rows: tuple[MemberRecord, ...]     # in order of entry
    entry_row: MemberRecord
    exit_row: MemberRecord | None      # None while in force at the end of the coverage

    @property
    def entry(self) -> str:
        return self.entry_row.entry

    @property
    def exit(self) -> str | None:
        return self.exit_row.exit if self.exit_row else None


def spells_of(members: Iterable[MemberRecord], cow: CowMap) -> list[Spell]:
    """Group member rows into spells, per actor (see the module docstring)."""
    by_actor: dict[str, list[MemberRecord]] = {}
    for m in members:
        by_actor.setdefault(cow.actor(m.cow), []).append(m)
    out: list[Spell] = []
    for actor in sorted(by_actor):
        rows = sorted(by_actor[actor], key=lambda m: (edtf_bounds(m.entry)[0], m.phase, m.row.number))
        current: list[MemberRecord] = []
        last_exit: MemberRecord | None = None   # the row with the latest exit so far; None = open
        open_ = False
        for m in rows:
            if current:
                end_hi = None if open_ else edtf_bounds(last_exit.exit)[1]  # type: ignore[union-attr, arg-type]
                if end_hi is not None and edtf_bounds(m.entry)[0] > end_hi + timedelta(days=1):
                    out.append(Spell(actor, m.atopid, tuple(current), current[0], None if open_ else last_exit))
                    current, last_exit, open_ = [], None, False
            current.append(m)
            if m.exit is None:
                open_ = True
            elif not open_ and (last_exit is None or edtf_bounds(m.exit)[1] >= edtf_bounds(last_exit.exit)[1]):  # type: ignore[arg-type]
                last_exit = m
        if current:
            out.append(Spell(actor, current[0].atopid, tuple(current), current[0], None if open_ else last_exit))
    return out


# ------------------------------------------------------------------ documents and events
def row_document(row: Row, header_text: str, rules: Rules, title: str) -> tuple[Document, Evidence]:
    """The dataset document for one CSV row (file name, row number, header, row) and the evidence quoting the row."""
    head = f"{rules.instrument}, {row.file}, row {row.number} (line {row.line} of the file)\n{header_text}\n"
    text = head + row.text + "\n"
    doc = Document(text=text, kind="dataset", outlet=rules.outlet, url=rules.url, path=row.file, title=title)
    ev = Evidence(doc.id, row.text, len(head), len(head) + len(row.text), rules.outlet, rules.url, None)
    return doc, ev


def _obligations(m: MemberRecord, rules: Rules) -> list[str]:
    return [rules.obligation_name(c) for c in rules.obligation_columns if m.get(c) == 1]


def _conditions(m: MemberRecord, rules: Rules) -> list[str]:
    out = []
    for col in CONDITION_COLUMNS:
        if m.get(col) == 1 and col in rules.conditions:
            c = rules.conditions[col]
            ob = rules.obligations[c["obligation"]]["name"] if c.get("obligation") else "any"
            out.append(f"{ob}:{c['id']}")
    return out


def phase_summary(m: MemberRecord, rules: Rules, doc_id: str) -> dict:
    return {
        "phase": m.phase, "cow_code": m.cow, "row": m.row.number, "document": doc_id,
        "from": m.entry, "until": m.exit, "obligations": _obligations(m, rules), "conditions": _conditions(m, rules),
    }


def build_events(spell: Spell, docs: dict[int, tuple[Document, Evidence]], rules: Rules,
                 cow: CowMap) -> list[Event]:
    """The join (and withdraw) event of one spell; ``docs`` maps a member row number to its document."""
    target = alliance_id(spell.atopid)
    codes = sorted({m.cow for m in spell.rows})
    cow_text = ", ".join(f"{c} ({cow.get(c).cow_name})" for c in codes)  # type: ignore[union-attr]
    phases = [phase_summary(m, rules, docs[m.row.number][0].id) for m in spell.rows]
    entry = spell.entry_row
    join = Event(
        id="", type="join", actor=spell.actor, target=target, date=atop_span(spell.entry),
        evidence=(docs[entry.row.number][1],), fact=f"{target}/{spell.actor}/join/{spell.entry}", review="accepted",
        note=(f"{rules.instrument}: entry of COW {cow_text} into atopid {spell.atopid}"
              f"{'' if entry.phase == 0 else f' (phase {entry.phase})'}; ATOP codes the date of signature "
              f"(YRENT/MOENT/DAYENT), not of entry into force"),
        attributes={"atop": {"atopid": spell.atopid, "cow_codes": codes, "phases": phases}},
    )
    out = [join]
    if spell.exit_row is not None:
        x = spell.exit_row
        why = []
        tm, tc = x.get("termmode"), x.get("termcaus")
        if tm in rules.termmode:
            why.append(f"TERMMODE={tm}: {rules.termmode[tm]}")
        if tc in rules.termcaus:
            why.append(f"TERMCAUS={tc}: {rules.termcaus[tc]}")
        out.append(Event(
            id="", type="withdraw", actor=spell.actor, target=target, date=atop_span(x.exit),  # type: ignore[arg-type]
            evidence=(docs[x.row.number][1],), fact=f"{target}/{spell.actor}/withdraw/{x.exit}", review="accepted",
            note=f"{rules.instrument}: the alliance ends for COW {x.cow} (YREXIT/MOEXIT/DAYEXIT)" + (f"; {'; '.join(why)}" if why else ""),
            attributes={"atop": {"atopid": spell.atopid, "cow_code": x.cow, "row": x.row.number,
                                 "termmode": tm, "termcaus": tc}},
        ))
    return [Event(event_id(e, ORIGIN), e.type, e.actor, e.target, e.date, e.evidence, e.fact, e.review, e.note, e.attributes)
            for e in out]


# ------------------------------------------------------------------ spec
def _cite(rules: Rules, atopid: int, variable: str, excerpt: str, note: str | None = None) -> Citation:
    return Citation(instrument=rules.instrument, article=f"atopid {atopid}, variable {variable.upper()}", url=rules.url,
                    excerpt=excerpt, confidence="coded", note=note)


def _phase_values(members: Sequence[MemberRecord], column: str) -> dict[int, int | None]:
    out: dict[int, int | None] = {}
    for m in sorted(members, key=lambda m: (m.phase, m.row.number)):
        out.setdefault(m.phase, m.get(column))
    return out


def _phase_note(members: Sequence[MemberRecord], columns: Sequence[str]) -> str | None:
    notes = []
    for col in columns:
        vals = _phase_values(members, col)
        if len(vals) > 1 and len(set(vals.values())) > 1:
            notes.append(f"{col.upper()} by phase: " + ", ".join(f"phase {p}: {'missing' if v is None else v}" for p, v in sorted(vals.items())))
    return "; ".join(notes) or None


def _join_notes(*parts: str | None) -> str | None:
    text = "; ".join(p for p in parts if p)
    return text or None


def _names_list(actors: Sequence[str], name_of: Callable[[str], str], limit: int = 6) -> str:
    names = [name_of(a) for a in actors]
    if len(names) <= limit:
        return ", ".join(names)
    return ", ".join(names[:limit]) + f" and {len(names) - limit} others"


def _date_or_none(edtf: str | None) -> date | None:
    if edtf and len(edtf) == 10:
        return date.fromisoformat(edtf)
    return None


def build_spec(a: AllianceRecord, members: Sequence[MemberRecord], spells: Sequence[Spell], rules: Rules,
               name_of: Callable[[str], str]) -> AllianceSpec:
    """The spec of one ATOP alliance: obligations, conditions, duration, renunciation, renewal, admission, bodies."""
    n = a.atopid
    actors_in_order: list[str] = []
    for s in sorted(spells, key=lambda s: (edtf_bounds(s.entry)[0], s.actor)):
        if s.actor not in actors_in_order:
            actors_in_order.append(s.actor)
    begin_year = a.begin[:4] if a.begin else "?"
    name = f"ATOP {n} ({begin_year}): {_names_list(actors_in_order, name_of)}"

    # instruments: one per phase
    phases = sorted({m.phase for m in members})
    instruments = []
    for i, p in enumerate(phases):
        rows = [m for m in members if m.phase == p]
        start = min((m.entry for m in rows), key=lambda e: edtf_bounds(e)[0])
        iid = f"atop-{n}" if p == 0 else f"atop-{n}-phase-{p}"
        nxt = [f"atop-{n}-phase-{phases[i + 1]}"] if i + 1 < len(phases) and p != 0 else []
        title = (f"Agreement coded by ATOP as alliance {n}, signed {start}" if p == 0 else
                 f"Phase {p} of ATOP alliance {n} (a renegotiated or renewed text), from {start}")
        instruments.append(Instrument(
            id=iid, title=title, signed=_date_or_none(start), amended_by=nxt,
            sources=[_cite(rules, n, "yrent", f"earliest signature in {'the alliance' if p == 0 else f'phase {p}'}: {start}"
                                               + ("" if len(start) == 10 else " (the day is not coded)"))]))

    # obligations (alliance level: any member promises it)
    cols = rules.obligation_columns
    obligations = [rules.obligation_name(c) for c in cols if a.get(c) == 1]
    by_obligation: dict[str, list[str]] = {}
    for c in cols:
        promisers = sorted({s.actor for s in spells for m in s.rows if m.get(c) == 1})
        by_obligation[c] = promisers
    all_actors = sorted({s.actor for s in spells})
    asym = a.get("asymm") == 1
    sources = [Citation(instrument=rules.instrument, article=f"atopid {n}", url=rules.url, confidence="coded",
                        excerpt=f"alliance-level record: {a.row.file} row {a.row.number}",
                        note=rules.citation)]
    for c in cols:
        if a.get(c) == 1:
            who = by_obligation[c]
            note = None if (not asym or set(who) == set(all_actors)) else f"asymmetric: promised by {', '.join(who) or 'no member'}"
            sources.append(_cite(rules, n, c, f"{c.upper()}=1: {rules.obligations[c]['text']}", note))
    if a.get("asymm") is not None:
        sources.append(_cite(rules, n, "asymm", f"ASYMM={a.get('asymm')}: obligations " + ("vary among the members" if asym else "are the same for every member")))
    for v in ("cowid", "cow4id"):
        if a.get(v):
            sources.append(_cite(rules, n, v, f"{v.upper()}={a.get(v)}: the alliance's id in the Correlates of War alliance data "
                                               f"{'v3.0' if v == 'cowid' else 'v4.1'}"))

    # conditions: union over member rows; defence conditions go into the defence clause
    defence_conditions: list[DefenceCondition] = []
    for col in CONDITION_COLUMNS:
        rows = [m for m in members if m.get(col) == 1]
        if not rows or col not in rules.conditions:
            continue
        cond = rules.conditions[col]
        whose = sorted({s.actor for s in spells for m in s.rows if m.get(col) == 1})
        cit = _cite(rules, n, col, f"{col.upper()}=1: {cond['text']}",
                    None if set(whose) == set(all_actors) else f"coded for {', '.join(whose)}")
        if cond.get("obligation") == "defense" and a.get("defense") == 1:
            defence_conditions.append(DefenceCondition(id=cond["id"], description=cond["text"], sources=[cit]))
        else:
            sources.append(cit)
    defence = None
    if a.get("defense") == 1:
        who = by_obligation["defense"]
        defence = DefenceClause(
            article="not coded by ATOP (see the ATOP codesheet)",
            summary=rules.obligations["defense"]["text"] + ("" if set(who) == set(all_actors) else f" (promised by {', '.join(who)})"),
            conditions=defence_conditions,
            sources=[_cite(rules, n, "defense", f"DEFENSE=1: {rules.obligations['defense']['text']}")],
            note=_phase_note(members, ["defense"]),
        )

    # duration and renewal: no spec field, so citations + the withdrawal note
    duration_parts: list[str] = []
    sp, ln, pr, rl = (a.get(c) for c in ("speclgth", "length", "proren", "renewlgt"))
    if sp is not None and sp in rules.speclgth:
        text = rules.speclgth[sp].format(length=ln, value=sp)
        duration_parts.append(text)
        sources.append(_cite(rules, n, "speclgth", f"SPECLGTH={sp}: {text}"))
    if ln:
        sources.append(_cite(rules, n, "length", f"LENGTH={ln}: initial term of {ln} months"))
    if pr is not None and pr in rules.proren:
        duration_parts.append(rules.proren[pr])
        sources.append(_cite(rules, n, "proren", f"PROREN={pr}: {rules.proren[pr]}"))
    if rl:
        text = rules.renewlgt.format(value=rl)
        duration_parts.append(text)
        sources.append(_cite(rules, n, "renewlgt", f"RENEWLGT={rl}: {text}"))
    if sp is None and pr is None:
        sources.append(_cite(rules, n, "speclgth", "SPECLGTH and PROREN missing: ATOP did not locate the original agreement"))
    duration = "; ".join(duration_parts) if duration_parts else None
    phase_dur = _phase_note(members, ["speclgth", "length", "proren", "renewlgt"])

    withdrawal = None
    rn = a.get("renounce")
    if rn is not None and rn in rules.renounce:
        r = rules.renounce[rn]
        withdrawal = Withdrawal(
            allowed=bool(r["allowed"]), notice_months=None, preconditions=list(r.get("preconditions") or []),
            sources=[_cite(rules, n, "renounce", f"RENOUNCE={rn}: {r['text']}",
                           "ATOP does not code the length of the notice" if rn == 1 else None)],
            note=_join_notes(f"duration: {duration}" if duration else None, phase_dur,
                             _phase_note(members, ["renounce"])),
        )
    else:
        sources.append(_cite(rules, n, "renounce", "RENOUNCE missing: ATOP did not locate the original agreement"))

    admission = None
    pa, fm = a.get("proadd"), a.get("futmem")
    if pa is not None and pa in rules.proadd:
        rule = rules.proadd[pa]
        if fm and rules.futmem.get(fm):
            rule += f"; {rules.futmem[fm]}"
        srcs = [_cite(rules, n, "proadd", f"PROADD={pa}: {rules.proadd[pa]}")]
        if fm is not None:
            srcs.append(_cite(rules, n, "futmem", f"FUTMEM={fm}" + (f": {rules.futmem[fm]}" if rules.futmem.get(fm) else ": no mention of future members")))
        admission = Admission(rule=rule, sources=srcs, note=_phase_note(members, ["proadd", "futmem"]))

    bodies = []
    for k in (1, 2):
        org, purp = a.get(f"organ{k}"), a.get(f"orgpurp{k}")
        if org and org in rules.organ:
            role = rules.orgpurp.get(purp) if purp is not None else None
            bodies.append(Body(
                id=f"organ{k}", name=f"organisation {k} created by the agreement ({rules.organ[org]})",
                composition="not coded by ATOP", role=role,
                sources=[_cite(rules, n, f"organ{k}", f"ORGAN{k}={org}: {rules.organ[org]}")]
                + ([_cite(rules, n, f"orgpurp{k}", f"ORGPURP{k}={purp}: {role}")] if role else []),
                note=_phase_note(members, [f"organ{k}", f"orgpurp{k}"]),
            ))

    kind = rules.default_kind
    for kr in rules.kind_rules:
        if a.get(kr["obligation"]) == 1:
            kind = kr["kind"]
            break
    aliases = []
    if a.get("cow4id"):
        aliases.append(f"COW alliance {a.get('cow4id')}")
    return AllianceSpec(
        id=alliance_id(n), name=name, aliases=aliases, kind=kind, instruments=instruments, bodies=bodies,
        defence_clause=defence, admission=admission, withdrawal=withdrawal, obligations=obligations, sources=sources,
    )


def spec_row(spec: AllianceSpec, a: AllianceRecord) -> tuple[str, str, str, str]:
    """(id, name, spec_json, source) as Ledger.write takes it; serialised like the shipped specs."""
    return spec.id, spec.name, spec.model_dump_json(exclude_none=True), f"ATOP 5.1 {a.row.file} row {a.row.number}"


def actor_row(actor: Actor) -> tuple[str, str, str, str]:
    """(id, kind, name, data_json) serialised exactly as ``foedus load`` does, so both agree on the hash."""
    return actor.id, actor.kind, actor.name, json.dumps(actor.model_dump(mode="json", exclude_none=True),
                                                         ensure_ascii=False, sort_keys=True)
