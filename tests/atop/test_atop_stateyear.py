"""ATOP's state-year table recomputed from the ledger: the counting rules, and agreement on real data."""
from __future__ import annotations

from pathlib import Path

import pytest

from atop_fixtures import REAL_ATOP, needs_real_atop
from foedus.atop.codes import default_cow_map
from foedus.atop.dataset import STATE_YEAR_REQUIRED, parse_state_years, parse_table, read_directory
from foedus.atop.importer import import_directory, plan_import
from foedus.atop.bulk import bulk_write
from foedus.atop.stateyear import check, recompute
from foedus.domain.events import MEMBERSHIP_TYPES
from foedus.ledger.store import Ledger


@pytest.fixture
def table(atop_dir, db_url):
    ledger = Ledger.open(db_url)
    import_directory(ledger, atop_dir)
    return recompute(ledger.events(origin="atop", types=MEMBERSHIP_TYPES), last_year=2018)


def test_every_year_from_entry_to_exit_counts(table):
    years = sorted(y for (a, y), sy in table.items() if a == "UZB" and 4220 in sy.alliances)
    assert years == list(range(1992, 2000)) + list(range(2006, 2013))


def test_an_exit_on_1_january_counts_that_year(table):
    assert 9005 in table[("GBR", 1993)].alliances and ("TUR", 1994) not in table


def test_in_force_alliances_count_until_2018(table):
    assert 4220 in table[("RUS", 2018)].alliances and ("RUS", 2019) not in table


def test_obligations_are_those_of_the_phase_in_force_last_in_the_year(table):
    rus = {y: table[("RUS", y)].obligations for y in (2001, 2002, 2003)}
    assert rus[2001]["consul"] == 1
    assert rus[2002]["consul"] == 0 and rus[2002]["defense"] == 1   # phase 2 (no consultation) began in 2002
    assert rus[2003]["consul"] == 0


def test_transyr_marks_phase_changes_and_spells(table):
    assert table[("RUS", 2002)].transyr == 1 and table[("RUS", 2003)].transyr == 0
    assert table[("UZB", 2006)].transyr == 1


def test_asymmetric_members_have_the_alliance_without_obligations(table):
    tur = table[("TUR", 1950)]
    assert tur.alliances == {9005} and not any(tur.obligations.values())
    assert table[("GBR", 1950)].obligations["defense"] == 1


def test_one_actor_with_two_cow_codes(table):
    assert 9002 in table[("DEU", 1990)].alliances and 9002 in table[("DEU", 1960)].alliances


def _filtered(text: str, keep: set[int]) -> str:
    lines = text.splitlines()
    return "\n".join([lines[0]] + [ln for ln in lines[1:] if int(ln.split(",", 1)[0]) in keep]) + "\n"


# A sample of states with hard cases: Russia (365), Germany (255/260 folded into DEU), Czechoslovakia and its
# successors (315/316/317; an exit on 1993-01-01), Guatemala (90, a mid-year phase change in 1888), Brazil (140),
# Japan (740, 1905), Bavaria (245), Uzbekistan (704), Syria (652).
SAMPLE = [365, 255, 260, 315, 316, 317, 90, 140, 740, 245, 704, 652]


@needs_real_atop
def test_sample_of_real_state_years_agrees_cell_by_cell(tmp_path):
    cow = default_cow_map()
    texts, problems = read_directory(REAL_ATOP, ["atop5_1a.csv", "atop5_1m.csv", "atop5_1sy.csv"])
    assert not problems
    actors = {cow.actor(c) for c in SAMPLE}
    wanted_codes = {c for a in actors for c in cow.codes_of(a)}
    alliances = {int(ln.split(",")[0]) for ln in texts["atop5_1m.csv"].splitlines()[1:]
                 if int(ln.split(",")[3]) in wanted_codes}
    sample = {"atop5_1a.csv": _filtered(texts["atop5_1a.csv"], alliances),
              "atop5_1m.csv": _filtered(texts["atop5_1m.csv"], alliances)}
    plan = plan_import(sample)
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'sample.sqlite3'}")
    bulk_write(ledger, alliances=plan.alliances, actors=plan.actors, documents=plan.documents, events=plan.events)
    table, probs = parse_table("atop5_1sy.csv", texts["atop5_1sy.csv"], STATE_YEAR_REQUIRED)
    records, probs2 = parse_state_years(table)
    assert not probs and not probs2
    comp = check(ledger.events(origin="atop", types=MEMBERSHIP_TYPES), records, cow, last_year=2018, states=SAMPLE)
    assert comp.rows_atop > 900
    assert comp.disagreements == []
    assert comp.cells == comp.cells_agreeing == comp.rows_atop * 8
    assert ("DEU", 1990) in comp.folded


def test_report_script_is_importable():
    # the full-data report lives in benchmarks/atop_statyear.py; make sure it at least imports
    import importlib.util
    spec = importlib.util.spec_from_file_location("atop_statyear", Path(__file__).parents[2] / "benchmarks" / "atop_statyear.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert callable(mod.main)
