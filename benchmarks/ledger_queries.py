"""Ledger query speed on a generated ledger (issue: foundation).

Generates N events (default 1,000,000) over 200 alliances and 190 states in a
SQLite file, then times, through the same service functions the CLI uses:

* status of one member on one date          target p95 <= 5 ms
* members of an alliance on a date           target p95 <= 20 ms
* full timeline of one member in its alliance (with sources) target p95 <= 50 ms

and the same three queries by a plain scan: an identical copy of the database
with every secondary index dropped, so SQLite has to read the whole table.
Reports p50/p95, the ratio scan/indexed, and the database size.

    .venv/bin/python benchmarks/ledger_queries.py [--events N] [--samples K] [--keep DIR]
"""
from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from foedus.ledger import schema as t  # noqa: E402
from foedus.ledger.store import Ledger  # noqa: E402
from foedus.services.standing import members_on, standing_of  # noqa: E402
from foedus.treaty.spec import AllianceSpec, Citation, Instrument, Withdrawal  # noqa: E402

STATUS_NOISE = ["skip_meeting", "attend_meeting", "refuse_exercise", "withhold_contribution", "pay_contribution",
                "decline_post", "take_post", "freeze_participation", "resume_participation", "refuse_decision"]
OTHER = ["accuse", "demand", "sign_agreement", "hold_exercise", "deliver_weapons", "recall_ambassador"]


def generate(url: str, n_events: int, n_alliances: int = 200, n_states: int = 190, seed: int = 7) -> dict:
    rng = random.Random(seed)
    ledger = Ledger.open(url)
    states = [f"S{i:03d}" for i in range(n_states)]
    alliances = [f"A{i:03d}" for i in range(n_alliances)]
    cite = [Citation(instrument="gen", excerpt="generated")]
    now = "2026-01-01T00:00:00+00:00"
    start = date(1816, 1, 1)
    span_days = (date(2025, 12, 31) - start).days
    docs = [{"id": f"doc{i:05d}", "kind": "article", "outlet": f"Outlet {i % 50}", "url": f"https://example.invalid/{i}",
             "path": None, "title": None, "published": None, "published_earliest": None, "published_latest": None,
             "language": "en", "text": f"generated document {i}", "added_at": now} for i in range(2000)]
    pairs = [(a, s) for a in alliances for s in rng.sample(states, rng.randint(8, 40))]
    per_pair = max(3, n_events // len(pairs))
    ev_rows, evid_rows = [], []
    with ledger.engine.begin() as conn:
        conn.execute(t.actors.insert(), [{"id": s, "kind": "state", "name": s, "data_json": "{}", "data_hash": s} for s in states])
        for a in alliances:
            spec = AllianceSpec(id=a, name=f"Alliance {a}", instruments=[Instrument(id="gen", title="generated", sources=cite)],
                                withdrawal=Withdrawal(notice_months=rng.choice([6, 12]), sources=cite))
            conn.execute(t.alliances.insert().values(id=a, name=spec.name, spec_json=spec.model_dump_json(), spec_hash=a, source=None, loaded_at=now))
        conn.execute(t.documents.insert(), docs)

        counter = iter(range(10**9))

        def add(type_, actor, target, day, fact=None):
            if rng.random() < 0.8:
                edtf = lo = hi = day.isoformat()
            else:  # a month-precision date, as many reports give
                edtf = day.strftime("%Y-%m")
                lo = day.replace(day=1).isoformat()
                hi = day.replace(day=calendar.monthrange(day.year, day.month)[1]).isoformat()
            eid = hashlib.blake2b(f"{next(counter)}".encode(), digest_size=12).hexdigest()
            ev_rows.append({"id": eid, "fact": fact or eid, "type": type_, "actor": actor, "target": target, "date": edtf,
                            "date_earliest": lo, "date_latest": hi, "review": "accepted", "origin": "bench",
                            "note": None, "attributes_json": None, "recorded_at": now})
            d = rng.choice(docs)["id"]
            evid_rows.append({"event_id": eid, "document_id": d, "text": f"{actor} {type_} {target}", "start": 0, "end": 10})

        def flush(force=False):
            if len(ev_rows) >= 50_000 or (force and ev_rows):
                conn.execute(t.events.insert(), ev_rows)
                conn.execute(t.evidence.insert(), evid_rows)
                ev_rows.clear()
                evid_rows.clear()

        total = 0
        for a, s in pairs:
            joined = start + timedelta(days=rng.randrange(span_days - 3650))
            add("sign", s, a, joined - timedelta(days=rng.randint(10, 400)))
            add("join", s, a, joined)
            total += 2
            if rng.random() < 0.25:
                add("withdraw", s, a, joined + timedelta(days=rng.randint(400, 3000)))
                total += 1
            for _ in range(per_pair - 3):
                day = start + timedelta(days=rng.randrange(span_days))
                if rng.random() < 0.6:
                    add(rng.choice(STATUS_NOISE), s, a, day)
                else:
                    add(rng.choice(OTHER), s, rng.choice(states), day)
                total += 1
            flush()
        flush(force=True)
    with ledger.engine.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(t.events)).scalar_one()
    return {"events": n, "pairs": len(pairs), "alliances": n_alliances, "states": n_states}


def timeline_of(ledger: Ledger, actor: str, alliance: str):
    """`foedus timeline ALLIANCE --actor ACTOR`: every event of the member in the alliance, all dates, with sources."""
    return ledger.events(actor=actor, target=alliance, with_evidence=True) + ledger.events(actor=alliance, target=actor, with_evidence=True)


def timed(fn, samples: list) -> list[float]:
    out = []
    for args in samples:
        t0 = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def run(url: str, samples: dict) -> dict:
    ledger = Ledger.open(url)
    # warm the page cache once, as a running service would be
    members_on(ledger, samples["members"][0][0], samples["members"][0][1])
    res = {}
    res["status"] = timed(lambda a, al, d: standing_of(ledger, a, al, d), samples["status"])
    res["members"] = timed(lambda al, d: members_on(ledger, al, d), samples["members"])
    res["timeline"] = timed(lambda a, al: timeline_of(ledger, a, al), samples["timeline"])
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--samples", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="keep the generated databases in this folder")
    args = ap.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="foedus-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.sqlite3"
    scan_db = folder / "bench-noindex.sqlite3"
    for p in (db, scan_db):
        p.unlink(missing_ok=True)
    url = f"sqlite:///{db}"
    t0 = time.perf_counter()
    info = generate(url, args.events)
    gen_s = time.perf_counter() - t0
    eng = sa.create_engine(url)
    with eng.begin() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql(f"VACUUM INTO '{scan_db}'")
    with sa.create_engine(f"sqlite:///{scan_db}").begin() as conn:
        for ix in ("ix_events_actor_target_earliest", "ix_events_target_type_dates", "ix_events_fact", "ix_evidence_event"):
            conn.exec_driver_sql(f"DROP INDEX {ix}")
    rng = random.Random(11)
    with eng.connect() as conn:
        pairs = conn.execute(sa.text("SELECT actor, target FROM events WHERE type='join' ORDER BY id LIMIT 5000")).all()
    days = [date(1816, 1, 1) + timedelta(days=rng.randrange(75000)) for _ in range(args.samples)]
    samples = {
        "status": [(a, al, d) for (a, al), d in zip(rng.sample(pairs, args.samples), days)],
        "members": [(rng.choice(pairs)[1], d) for d in days],
        "timeline": [tuple(rng.choice(pairs)) for _ in range(min(args.samples, 50))],
    }
    indexed = run(url, samples)
    scan_samples = {k: v[: max(5, len(v) // 20)] for k, v in samples.items()}  # a scan is slow: fewer samples
    scanned = run(f"sqlite:///{scan_db}", scan_samples)
    targets = {"status": ("p95", 5), "members": ("p95", 20), "timeline": ("p95", 50)}
    report = {"generated": info, "generation_seconds": round(gen_s, 1), "database_bytes": db.stat().st_size, "queries": {}}
    print(f"ledger: {info['events']:,} events, {info['alliances']} alliances, {info['states']} states; "
          f"database {db.stat().st_size / 2**20:.0f} MiB; generated in {gen_s:.0f} s")
    print(f"{'query':10} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'target':>12} {'scan p50 ms':>12} {'scan/indexed':>13}")
    for q, xs in indexed.items():
        stat, limit = targets[q]
        value = pct(xs, 95) if stat == "p95" else max(xs)
        scan50 = pct(scanned[q], 50)
        ratio = scan50 / pct(xs, 50)
        ok = "ok" if value <= limit else "MISSED"
        report["queries"][q] = {"p50_ms": round(pct(xs, 50), 2), "p95_ms": round(pct(xs, 95), 2), "max_ms": round(max(xs), 2),
                                "target": f"{stat} <= {limit} ms", "met": value <= limit, "scan_p50_ms": round(scan50, 1),
                                "scan_over_indexed": round(ratio, 1), "samples": len(xs), "scan_samples": len(scanned[q])}
        print(f"{q:10} {pct(xs, 50):8.2f} {pct(xs, 95):8.2f} {max(xs):8.2f} {stat + ' <= ' + str(limit):>9} {ok:>2} {scan50:12.1f} {ratio:12.1f}x")
    out = Path(__file__).with_name("out")
    out.mkdir(exist_ok=True)
    (out / "ledger_queries.json").write_text(json.dumps(report, indent=2))
    return 0 if all(v["met"] for v in report["queries"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
