"""The ledger: store and query documents, events, claims and quotes.

Writes are append-only and idempotent: every row has a deterministic id, and
a row whose id is already stored is skipped, so loading the same data twice
changes nothing. Each call to :meth:`Ledger.write` is one transaction: it
either stores everything it was given or nothing.

Reads return domain objects (:class:`~foedus.domain.events.Event`,
:class:`~foedus.domain.events.Claim`) so the status engine never sees SQL.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import sqlalchemy as sa

from foedus.domain.dates import MAX_DAY, MIN_DAY, DateSpan, parse_edtf
from foedus.domain.documents import Document, stable_id
from foedus.domain.events import Claim, Event, Evidence
from foedus.domain.status import EventNeeds
from foedus.ledger import schema as t
from foedus.ledger.config import database_url
from foedus.ledger.migrate import upgrade

__all__ = ["Ledger", "WriteReport", "QuoteRecord", "event_id", "claim_id"]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _bounds(span: DateSpan | None) -> tuple[str | None, str | None, str | None]:
    if span is None:
        return None, None, None
    return span.edtf, span.lo().isoformat(), span.hi().isoformat()


def _span(text: str | None, lo: str | None, hi: str | None) -> DateSpan | None:
    """Rebuild a DateSpan from stored columns without re-parsing the EDTF text."""
    if text is None:
        return None
    earliest = None if lo in (None, MIN_DAY.isoformat()) else date.fromisoformat(lo)
    latest = None if hi in (None, MAX_DAY.isoformat()) else date.fromisoformat(hi)
    return DateSpan(earliest, latest, text, uncertain=("?" in text or "%" in text),
                    approximate=("~" in text or "%" in text))


def event_id(e: Event, origin: str) -> str:
    """Deterministic id of an event report: same report, same id."""
    ev = [(x.document_id, x.text, x.start, x.end) for x in e.evidence]
    return stable_id("event", origin, e.fact, e.type, e.actor, e.target, e.date.edtf if e.date else None, e.review, ev)


def claim_id(c: Claim, origin: str) -> str:
    ev = [(x.document_id, x.text, x.start, x.end) for x in c.evidence]
    return stable_id("claim", origin, c.speaker, c.subject, c.alliance, c.date.edtf if c.date else None, c.stance, c.text, ev)


@dataclass(frozen=True)
class QuoteRecord:
    """A statement attributed to a speaker in a document."""

    document_id: str
    kind: str               # direct | indirect
    text: str
    speaker: str | None     # person id, None if anonymous
    speaker_label: str | None = None
    anonymous: bool = False
    start: int | None = None
    end: int | None = None

    @property
    def id(self) -> str:
        return stable_id("quote", self.document_id, self.speaker, self.kind, self.text, self.start)


@dataclass
class WriteReport:
    """How many rows of each kind a write added, and how many it found already stored."""

    added: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, added: bool) -> None:
        target = self.added if added else self.unchanged
        target[kind] = target.get(kind, 0) + 1

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


class Ledger:
    """A foedus database. Use :meth:`open` to get one at the current schema."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> "Ledger":
        """Connect to ``url`` (default: FOEDUS_DATABASE_URL or the user data file) and migrate it."""
        url = url or database_url()
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        if migrate:
            upgrade(engine)
        return cls(engine)

    # ------------------------------------------------------------------ writing
    def write(
        self,
        *,
        alliances: Iterable[tuple[str, str, str, str | None]] = (),
        actors: Iterable[tuple[str, str, str, str]] = (),
        documents: Iterable[Document] = (),
        events: Iterable[tuple[Event, str]] = (),
        claims: Iterable[tuple[Claim, str]] = (),
        quotes: Iterable[QuoteRecord] = (),
    ) -> WriteReport:
        """Store everything given in one transaction; rows already present are left alone.

        ``alliances``: (id, name, spec_json, source); a changed spec for a stored id
        replaces the stored one (specs are reference data, versioned by their files).
        ``actors``: (id, kind, name, data_json). ``events``/``claims``: (record, origin).
        """
        report = WriteReport()
        now = _now()
        with self.engine.begin() as conn:
            for aid, name, spec_json, source in alliances:
                h = stable_id(spec_json, length=64)
                row = conn.execute(sa.select(t.alliances.c.spec_hash).where(t.alliances.c.id == aid)).first()
                if row is not None and row.spec_hash == h:
                    report.count("alliances", False)
                    continue
                if row is not None:
                    conn.execute(t.alliances.delete().where(t.alliances.c.id == aid))
                conn.execute(t.alliances.insert().values(id=aid, name=name, spec_json=spec_json, spec_hash=h, source=source, loaded_at=now))
                report.count("alliances", True)
            for aid, kind, name, data_json in actors:
                h = stable_id(data_json, length=64)
                row = conn.execute(sa.select(t.actors.c.data_hash).where(t.actors.c.id == aid)).first()
                if row is not None and row.data_hash == h:
                    report.count("actors", False)
                    continue
                if row is not None:
                    conn.execute(t.actors.delete().where(t.actors.c.id == aid))
                conn.execute(t.actors.insert().values(id=aid, kind=kind, name=name, data_json=data_json, data_hash=h))
                report.count("actors", True)
            for d in documents:
                self._insert_document(conn, d, now, report)
            for e, origin in events:
                self._insert_event(conn, e, origin, now, report)
            for c, origin in claims:
                self._insert_claim(conn, c, origin, now, report)
            for q in quotes:
                if conn.execute(sa.select(t.quotes.c.id).where(t.quotes.c.id == q.id)).first():
                    report.count("quotes", False)
                    continue
                conn.execute(t.quotes.insert().values(
                    id=q.id, document_id=q.document_id, speaker=q.speaker, speaker_label=q.speaker_label,
                    anonymous=q.anonymous, kind=q.kind, text=q.text, start=q.start, end=q.end, recorded_at=now))
                report.count("quotes", True)
        return report

    def _insert_document(self, conn: sa.Connection, d: Document, now: str, report: WriteReport) -> None:
        if conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id == d.id)).first():
            report.count("documents", False)
            return
        pub = parse_edtf(d.published) if d.published else None
        conn.execute(t.documents.insert().values(
            id=d.id, kind=d.kind, outlet=d.outlet, url=d.url, path=d.path, title=d.title,
            published=d.published, published_earliest=pub.lo().isoformat() if pub else None,
            published_latest=pub.hi().isoformat() if pub else None, language=d.language, text=d.text, added_at=now))
        report.count("documents", True)

    def _insert_event(self, conn: sa.Connection, e: Event, origin: str, now: str, report: WriteReport) -> str:
        eid = event_id(e, origin)  # the content decides the id, whatever e.id says
        if conn.execute(sa.select(t.events.c.id).where(t.events.c.id == eid)).first():
            report.count("events", False)
            return eid
        text, lo, hi = _bounds(e.date)
        conn.execute(t.events.insert().values(
            id=eid, fact=e.fact or eid, type=e.type, actor=e.actor, target=e.target, date=text,
            date_earliest=lo, date_latest=hi, review=e.review, origin=origin, note=e.note,
            attributes_json=json.dumps(e.attributes, ensure_ascii=False, sort_keys=True) if e.attributes else None,
            recorded_at=now))
        for x in e.evidence:
            conn.execute(t.evidence.insert().values(event_id=eid, document_id=x.document_id, text=x.text, start=x.start, end=x.end))
        report.count("events", True)
        return eid

    def _insert_claim(self, conn: sa.Connection, c: Claim, origin: str, now: str, report: WriteReport) -> str:
        cid = claim_id(c, origin)
        if conn.execute(sa.select(t.claims.c.id).where(t.claims.c.id == cid)).first():
            report.count("claims", False)
            return cid
        text, lo, hi = _bounds(c.date)
        x = c.evidence[0] if c.evidence else None
        conn.execute(t.claims.insert().values(
            id=cid, speaker=c.speaker, speaker_label=c.speaker_label, on_behalf_of=c.on_behalf_of, subject=c.subject,
            alliance=c.alliance, date=text, date_earliest=lo, date_latest=hi, stance=c.stance, modality=c.modality,
            text=c.text, document_id=x.document_id if x else None, start=x.start if x else None,
            end=x.end if x else None, origin=origin, recorded_at=now, topic=c.topic))
        report.count("claims", True)
        return cid

    def supersede(self, old_id: str, new: Event, origin: str, reason: str) -> str:
        """Record ``new`` as replacing event ``old_id`` (a correction or a review decision)."""
        now = _now()
        with self.engine.begin() as conn:
            if not conn.execute(sa.select(t.events.c.id).where(t.events.c.id == old_id)).first():
                raise KeyError(f"no event {old_id!r}")
            if conn.execute(sa.select(t.supersessions.c.new_id).where(t.supersessions.c.old_id == old_id)).first():
                raise ValueError(f"event {old_id!r} has already been superseded; correct the current record instead")
            new_id = self._insert_event(conn, new, origin, now, WriteReport())
            conn.execute(t.supersessions.insert().values(old_id=old_id, new_id=new_id, kind="event", reason=reason, recorded_at=now))
        return new_id

    def review(self, event_id_: str, state: str, reason: str) -> str:
        """Accept or reject an event: a new record with the new review state supersedes it."""
        old = self.event(event_id_)
        if old is None:
            raise KeyError(f"no event {event_id_!r}")
        new = Event(id="", type=old.type, actor=old.actor, target=old.target, date=old.date, evidence=old.evidence,
                    fact=old.fact, review=state, note=old.note, attributes=old.attributes)
        return self.supersede(event_id_, new, "review", reason)

    # ------------------------------------------------------------------ reading
    def _not_superseded(self) -> sa.ColumnElement[bool]:
        return ~sa.exists().where(t.supersessions.c.old_id == t.events.c.id)

    def _row_to_event(self, r: sa.Row, evidence: Sequence[Evidence] = ()) -> Event:
        return Event(id=r.id, type=r.type, actor=r.actor, target=r.target, date=_span(r.date, r.date_earliest, r.date_latest),
                     evidence=tuple(evidence), fact=r.fact, review=r.review, note=r.note,
                     attributes=json.loads(r.attributes_json) if r.attributes_json else {})

    def events(
        self,
        *,
        actor: str | None = None,
        target: str | None = None,
        involving: str | None = None,
        types: Iterable[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        facts_started_by: date | None = None,
        review: Iterable[str] | None = ("accepted",),
        origin: str | None = None,
        fact: str | None = None,
        document: str | None = None,
        include_superseded: bool = False,
        with_evidence: bool = False,
        limit: int | None = None,
    ) -> list[Event]:
        """Current events matching every filter given, oldest first.

        ``since``/``until`` keep events whose date range overlaps [since, until];
        ``involving`` matches actor or target; ``document`` keeps events with evidence in
        that document. ``facts_started_by`` keeps every report
        of each fact that at least one report dates on or before that day, so that
        reports disagreeing on a date are never separated (the status engine needs them all).
        """
        q = sa.select(t.events)
        if actor:
            q = q.where(t.events.c.actor == actor)
        if target:
            q = q.where(t.events.c.target == target)
        if involving:
            q = q.where(sa.or_(t.events.c.actor == involving, t.events.c.target == involving))
        if types is not None:
            q = q.where(t.events.c.type.in_(list(types)))
        if until is not None:
            q = q.where(t.events.c.date_earliest <= until.isoformat())
        if since is not None:
            q = q.where(t.events.c.date_latest >= since.isoformat())
        if facts_started_by is not None:
            started = sa.select(t.events.c.fact).where(t.events.c.date_earliest <= facts_started_by.isoformat())
            if target:
                started = started.where(t.events.c.target == target)
            if actor:
                started = started.where(t.events.c.actor == actor)
            q = q.where(t.events.c.fact.in_(started))
        if review is not None:
            q = q.where(t.events.c.review.in_(list(review)))
        if origin:
            q = q.where(t.events.c.origin == origin)
        if fact:
            q = q.where(t.events.c.fact == fact)
        if document:
            q = q.where(t.events.c.id.in_(sa.select(t.evidence.c.event_id).where(t.evidence.c.document_id == document)))
        if not include_superseded:
            q = q.where(self._not_superseded())
        q = q.order_by(t.events.c.date_earliest, t.events.c.date_latest, t.events.c.id)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
            ev = self._evidence(conn, [r.id for r in rows]) if with_evidence else {}
        return [self._row_to_event(r, ev.get(r.id, ())) for r in rows]

    def status_events(self, target: str, on: date, needs: "EventNeeds", actor: str | None = None) -> list[Event]:
        """The accepted, current events the status engine needs for ``target`` on ``on`` (see EventNeeds)."""
        from datetime import timedelta

        ev = t.events.c
        window = (on - timedelta(days=needs.recent_days)).isoformat()
        day = on.isoformat()
        base = [ev.target == target, ev.review == "accepted", self._not_superseded()]
        if actor:
            base.append(ev.actor == actor)
        started = sa.select(ev.fact).where(ev.target == target, ev.type.in_(sorted(needs.membership)), ev.date_earliest <= day)
        if actor:
            started = started.where(ev.actor == actor)
        q1 = sa.select(t.events).where(*base, ev.type.in_(sorted(needs.membership)), ev.fact.in_(started))
        q2 = sa.select(t.events).where(*base, ev.type.in_(sorted(needs.recent)), ev.date_earliest <= day, ev.date_latest >= window)
        latest = (sa.select(ev.actor, ev.type, sa.func.max(ev.date_earliest).label("d"))
                  .where(*base, ev.type.in_(sorted(needs.latest_only)), ev.date_earliest <= day, ev.date_latest < window)
                  .group_by(ev.actor, ev.type))
        with self.engine.connect() as conn:
            rows = {r.id: r for q in (q1, q2) for r in conn.execute(q)}
            wanted = {(r.actor, r.type, r.d) for r in conn.execute(latest)}
            if wanted:  # fetch those rows by the (target, type, date_earliest) index, then keep the exact triples
                q3 = sa.select(t.events).where(*base, ev.type.in_(sorted({w[1] for w in wanted})),
                                               ev.date_earliest.in_(sorted({w[2] for w in wanted})),
                                               ev.actor.in_(sorted({w[0] for w in wanted})))
                rows.update((r.id, r) for r in conn.execute(q3) if (r.actor, r.type, r.date_earliest) in wanted)
        return [self._row_to_event(r) for r in sorted(rows.values(), key=lambda r: (r.date_earliest or "", r.id))]

    def _evidence(self, conn: sa.Connection, ids: list[str]) -> dict[str, list[Evidence]]:
        out: dict[str, list[Evidence]] = {}
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            q = (sa.select(t.evidence, t.documents.c.outlet, t.documents.c.url, t.documents.c.published)
                 .join(t.documents, t.documents.c.id == t.evidence.c.document_id)
                 .where(t.evidence.c.event_id.in_(chunk)).order_by(t.evidence.c.id))
            for r in conn.execute(q):
                out.setdefault(r.event_id, []).append(Evidence(r.document_id, r.text, r.start, r.end, r.outlet, r.url, r.published))
        return out

    def with_evidence(self, events: Sequence[Event]) -> list[Event]:
        """The same events with their evidence loaded."""
        with self.engine.connect() as conn:
            ev = self._evidence(conn, [e.id for e in events])
        return [Event(e.id, e.type, e.actor, e.target, e.date, tuple(ev.get(e.id, ())), e.fact, e.review, e.note, e.attributes)
                for e in events]

    def event(self, event_id_: str) -> Event | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(t.events).where(t.events.c.id == event_id_)).first()
            if r is None:
                return None
            return self._row_to_event(r, self._evidence(conn, [r.id]).get(r.id, ()))

    def history(self, event_id_: str) -> list[tuple[Event, str | None]]:
        """The chain of records from the original to the current one, each with the reason it was replaced."""
        with self.engine.connect() as conn:
            first = event_id_
            while True:  # walk back to the original
                r = conn.execute(sa.select(t.supersessions.c.old_id).where(t.supersessions.c.new_id == first)).first()
                if r is None:
                    break
                first = r.old_id
            chain, cur = [], first
            while cur:
                s = conn.execute(sa.select(t.supersessions).where(t.supersessions.c.old_id == cur)).first()
                chain.append((cur, s.reason if s else None))
                cur = s.new_id if s else None
        return [(self.event(i), reason) for i, reason in chain]  # type: ignore[misc]

    def claims(self, *, subject: str | None = None, alliance: str | None = None, until: date | None = None,
               topic: str | None = None) -> list[Claim]:
        q = sa.select(t.claims, t.documents.c.outlet, t.documents.c.url, t.documents.c.published).join(
            t.documents, t.documents.c.id == t.claims.c.document_id, isouter=True)
        q = q.where(~sa.exists().where(t.supersessions.c.old_id == t.claims.c.id))
        if subject:
            q = q.where(t.claims.c.subject == subject)
        if alliance:
            q = q.where(t.claims.c.alliance == alliance)
        if until:
            q = q.where(t.claims.c.date_earliest <= until.isoformat())
        if topic:
            q = q.where(t.claims.c.topic == topic)
        q = q.order_by(t.claims.c.date_earliest, t.claims.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(q).all()
        out = []
        for r in rows:
            ev = (Evidence(r.document_id, r.text, r.start, r.end, r.outlet, r.url, r.published),) if r.document_id else ()
            out.append(Claim(r.id, r.speaker, r.speaker_label, r.subject, r.alliance,
                             _span(r.date, r.date_earliest, r.date_latest), r.stance, r.text, ev, r.modality, r.on_behalf_of,
                             r.topic, r.origin))
        return out

    def quotes(self, *, document_id: str | None = None, speaker: str | None = None) -> list[QuoteRecord]:
        q = sa.select(t.quotes)
        if document_id:
            q = q.where(t.quotes.c.document_id == document_id)
        if speaker:
            q = q.where(t.quotes.c.speaker == speaker)
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(t.quotes.c.document_id, t.quotes.c.start)).all()
        return [QuoteRecord(r.document_id, r.kind, r.text, r.speaker, r.speaker_label, r.anonymous, r.start, r.end) for r in rows]

    def document(self, doc_id: str) -> Document | None:
        """A document by its id, a unique prefix of it, or the file name (or stem) it was read from."""
        docs = t.documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t.documents).where(docs.id.startswith(doc_id, autoescape=True)).limit(2)).all()
            if not rows:
                named = conn.execute(sa.select(t.documents).where(docs.path.is_not(None))).all()
                rows = [r for r in named if doc_id in (Path(r.path).name, Path(r.path).stem, r.path)][:2]
        if len(rows) != 1:
            return None
        r = rows[0]
        return Document(r.text, r.kind, r.outlet, r.url, r.path, r.title, r.published, r.language)

    def documents(self, *, kind: str | None = None) -> list[tuple[Document, int]]:
        """Stored documents (without their text loaded lazily: the text is included) and how many events cite each."""
        cited = (sa.select(t.evidence.c.document_id, sa.func.count(sa.distinct(t.evidence.c.event_id)).label("n"))
                 .group_by(t.evidence.c.document_id).subquery())
        q = sa.select(t.documents, sa.func.coalesce(cited.c.n, 0).label("n")).join(
            cited, cited.c.document_id == t.documents.c.id, isouter=True)
        if kind:
            q = q.where(t.documents.c.kind == kind)
        with self.engine.connect() as conn:
            rows = conn.execute(q.order_by(t.documents.c.published_earliest, t.documents.c.id)).all()
        return [(Document(r.text, r.kind, r.outlet, r.url, r.path, r.title, r.published, r.language), r.n) for r in rows]

    def alliance_spec_json(self, alliance_id: str) -> str | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(t.alliances.c.spec_json).where(t.alliances.c.id == alliance_id)).first()
        return r.spec_json if r else None

    def alliance_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return [r.id for r in conn.execute(sa.select(t.alliances.c.id).order_by(t.alliances.c.id))]

    def actor_row(self, actor_id: str) -> dict | None:
        with self.engine.connect() as conn:
            r = conn.execute(sa.select(t.actors).where(t.actors.c.id == actor_id)).first()
        return json.loads(r.data_json) if r else None

    def actor_ids(self) -> set[str]:
        with self.engine.connect() as conn:
            return {r.id for r in conn.execute(sa.select(t.actors.c.id))}

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar_one()
                    for name, tbl in (("alliances", t.alliances), ("actors", t.actors), ("documents", t.documents),
                                      ("events", t.events), ("claims", t.claims), ("quotes", t.quotes),
                                      ("supersessions", t.supersessions))}


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache per connection
    cur.execute("PRAGMA mmap_size=268435456")  # read through a 256 MiB memory map
    cur.close()
