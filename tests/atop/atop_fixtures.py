"""Synthetic ATOP files for the importer's tests.

The rows are made up for the tests (no ATOP file is copied into the repository);
the CSTO-like alliance 4220 follows the membership dates that the project's fact
sheet (shared/reference/treaties.md §9.3) reports for ATOP, so that the
correspondence CSTO: 4220 can be exercised against the shipped hand-written CSTO.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from foedus.atop.dataset import ALLIANCE_REQUIRED, MEMBER_REQUIRED

A_HEADER = ["atopid", "cowid", "cow4id", *[c for c in ALLIANCE_REQUIRED if c != "atopid"]]
M_HEADER = ["atopid", "member", "cowsys", *[c for c in MEMBER_REQUIRED if c not in ("atopid", "member")]]
SY_HEADER = ["state", "year", "atopally", "defense", "offense", "neutral", "nonagg", "consul", "number", "transyr",
             *[f"atopid{i}" for i in range(1, 6)], "version"]

REAL_ATOP = Path(os.environ.get("FOEDUS_ATOP_DIR", Path(__file__).resolve().parents[2].parent / "shared/reference/data/atop"))


def _date(d: tuple | str | None) -> list[str]:
    if d is None:
        return ["0", "0", "0"]
    if isinstance(d, str):
        parts = d.split("-") + ["", ""]
        return [parts[0], parts[1] or "0", parts[2]]
    return [str(x) for x in d]


def a_row(atopid: int, begin: str, end: str | None = None, **values) -> dict:
    row = {c: "0" for c in A_HEADER}
    row.update(atopid=str(atopid), cowid="", cow4id="", ineffect="0" if end else "1", maxphase="0")
    row["begyr"], row["begmo"], row["begday"] = _date(begin)
    row["endyr"], row["endmo"], row["endday"] = _date(end)
    row.update({k: str(v) for k, v in values.items()})
    return row


def m_row(atopid: int, member: int, entry: str, exit: str | None = None, phase: int = 0, **values) -> dict:
    row = {c: "0" for c in M_HEADER}
    row.update(atopid=str(atopid), member=str(member), phase=str(phase), ineffect="0" if exit else "1", cowsys="1")
    row["yrent"], row["moent"], row["dayent"] = _date(entry)
    row["yrexit"], row["moexit"], row["dayexit"] = _date(exit)
    row.update({k: str(v) for k, v in values.items()})
    return row


def csv_text(header: list[str], rows: list[dict]) -> str:
    return "\n".join([",".join(header)] + [",".join(r.get(c, "0") for c in header) for r in rows]) + "\n"


CSTO_VARS = dict(defense=1, nonagg=1, consul=1, speclgth=1, length=60, renounce=1, proren=2, proadd=2, futmem=3, organ1=3, orgpurp1=1)


def alliances() -> list[dict]:
    return [
        a_row(4220, "1992-05-15", None, cow4id=350, maxphase=2, **CSTO_VARS),
        a_row(9001, "1891-08", "1917-12", consul=1, speclgth=0, renounce=0, proren=0),
        a_row(9002, "1949-04-04", None, defense=1, consul=1, speclgth=3, renounce=1, proren=0, asymm=0),
        a_row(9004, "1850-01", "1866-06-14", nonagg=1, renounce=4),
        a_row(9005, "1939-10-19", "1993-01-01", defense=1, asymm=1, renounce=3, speclgth=1, length=180, proren=1),
        a_row(9006, "1874-03-15", "1883-08-25", nonagg=1, consul=1),
    ]


def members() -> list[dict]:
    p1 = dict(defense=1, nonagg=1, consul=1, termmode=2, termcaus=1, **{k: v for k, v in CSTO_VARS.items() if k not in ("defense", "nonagg", "consul")})
    p2 = dict(defense=1, nonagg=1, consul=0, **{k: v for k, v in CSTO_VARS.items() if k not in ("defense", "nonagg", "consul")})
    return [
        # CSTO-like: phase 1 1992-2002, phase 2 from the Charter; Uzbekistan leaves, returns, leaves
        *[m_row(4220, c, "1992-05-15", "2002-10-07", phase=1, **p1) for c in (365, 371, 705)],
        m_row(4220, 704, "1992-05-15", "1999-04-20", phase=1, **{**p1, "termmode": 1, "termcaus": 4}),
        m_row(4220, 370, "1994-01-03", "2002-10-07", phase=1, **p1),
        *[m_row(4220, c, "2002-10-07", None, phase=2, **p2) for c in (365, 371, 705, 370)],
        m_row(4220, 704, "2006-08-17", "2012-06-28", phase=2, **{**p2, "termmode": 3, "termcaus": 4}),
        # month precision, dates without day
        m_row(9001, 365, "1891-08", "1917-12", consul=1, termmode=3),
        m_row(9001, 220, "1891-08", "1917-12", consul=1, termmode=3),
        # NATO-like: West Germany (260) leaves on the day Germany (255) enters: one DEU spell
        m_row(9002, 2, "1949-04-04", None, defense=1, consul=1),
        m_row(9002, 200, "1949-04-04", None, defense=1, consul=1),
        m_row(9002, 260, "1955-05-06", "1990-10-03", defense=1, consul=1, termmode=4),
        m_row(9002, 255, "1990-10-03", None, defense=1, consul=1),
        # historical states
        m_row(9004, 245, "1850-01", "1866-06-14", nonagg=1, termmode=6),
        m_row(9004, 300, "1850-01", "1866-06-14", nonagg=1, termmode=6),
        m_row(9004, 255, "1850-01", "1866-06-14", nonagg=1, termmode=6),
        # asymmetric; ends on 1 January
        m_row(9005, 200, "1939-10-19", "1993-01-01", defense=1, defcoloc=1, termmode=1),
        m_row(9005, 640, "1939-10-19", "1993-01-01", termmode=1),
        # ATOP's own code 8152 (not a COW code)
        m_row(9006, 220, "1874-03-15", "1883-08-25", nonagg=1, consul=1, termmode=3),
        m_row(9006, 8152, "1874-03-15", "1883-08-25", nonagg=1, consul=1, termmode=3),
    ]


def write_atop(directory: Path, a_rows: list[dict] | None = None, m_rows: list[dict] | None = None,
               *, a_text: str | None = None, m_text: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "atop5_1a.csv").write_text(a_text if a_text is not None else csv_text(A_HEADER, a_rows or alliances()), encoding="utf-8")
    (directory / "atop5_1m.csv").write_text(m_text if m_text is not None else csv_text(M_HEADER, m_rows or members()), encoding="utf-8")
    return directory


def real_atop_available() -> bool:
    return all((REAL_ATOP / f).is_file() for f in ("atop5_1a.csv", "atop5_1m.csv", "atop5_1sy.csv"))


needs_real_atop = pytest.mark.skipif(not real_atop_available(), reason=f"the ATOP 5.1 files are not at {REAL_ATOP} (set FOEDUS_ATOP_DIR)")
