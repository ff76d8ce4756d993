"""Bad data files give errors naming the file, the line and the field, and nothing is written."""
from pathlib import Path

import pytest

from foedus.datafiles.paths import ACTORS_DIR, ALLIANCES_DIR, LEDGER_DIR
from foedus.datafiles.yaml_model import DataFileError
from foedus.services.load import read_data

CSTO_SPEC = ALLIANCES_DIR / "csto.yaml"
CSTO_LEDGER = LEDGER_DIR / "csto.yaml"
ACTORS = sorted(ACTORS_DIR.glob("*.yaml"))


def edited(tmp_path: Path, src: Path, old: str, new: str) -> Path:
    text = src.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {src.name}: {old!r}"
    out = tmp_path / src.name
    out.write_text(text.replace(old, new, 1), encoding="utf-8")
    return out


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_spec_missing_field_names_file_line_and_field(tmp_path):
    bad = edited(tmp_path, CSTO_SPEC, "  notice_months: 6\n", "  notice_month: 6\n")
    with pytest.raises(DataFileError) as err:
        read_data(spec_files=[bad], ledger_files=[])
    [p] = [p for p in err.value.problems if p.field == "withdrawal.notice_month"]
    assert p.file == str(bad) and p.line == line_of(bad, "notice_month:")
    assert "Extra inputs are not permitted" in p.message


def test_spec_without_a_required_field(tmp_path):
    bad = edited(tmp_path, CSTO_SPEC, "name: Collective Security Treaty Organization\n", "")
    with pytest.raises(DataFileError, match=r"csto\.yaml:\d+: name: Field required"):
        read_data(spec_files=[bad], ledger_files=[])


def test_invalid_edtf_date_in_the_ledger(tmp_path):
    bad = edited(tmp_path, CSTO_LEDGER, 'date: "2024-02-22"', 'date: "22 Feb 2024"')
    with pytest.raises(DataFileError) as err:
        read_data(ledger_files=[bad])
    [p] = err.value.problems
    assert p.line == line_of(bad, "22 Feb 2024") and p.field.endswith("date") and "EDTF" in p.message


def test_unknown_actor_in_the_ledger(tmp_path):
    bad = edited(tmp_path, CSTO_LEDGER, "actors: [ARM]\n    reports: [{date: \"2024-02-22\"", "actors: [ARN]\n    reports: [{date: \"2024-02-22\"")
    with pytest.raises(DataFileError, match=r"csto\.yaml:\d+: events\.\d+\.actors: unknown actor 'ARN'"):
        read_data(ledger_files=[bad])


def test_overlapping_membership_spells(tmp_path):
    bad = edited(tmp_path, CSTO_LEDGER, "actors: [UZB]\n    reports:\n      - {date: \"2006-06-23\"",
                 "actors: [RUS]\n    reports:\n      - {date: \"2006-06-23\"")
    with pytest.raises(DataFileError, match="overlapping membership spells: RUS joins"):
        read_data(ledger_files=[bad])


def test_unknown_actor_in_the_registry(tmp_path):
    people = ACTORS_DIR / "people.yaml"
    bad = edited(tmp_path, people, "{title: prime minister, of: ARM,", "{title: prime minister, of: ARX,")
    others = [p for p in ACTORS if p.name != "people.yaml"]
    with pytest.raises(DataFileError, match="unknown actor 'ARX'"):
        read_data(actor_files=others + [bad])


def test_invalid_yaml_names_the_line(tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("id: X\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken\.yaml:\d+: invalid YAML"):
        read_data(spec_files=[bad], ledger_files=[])


def test_nothing_is_written_when_any_file_is_bad(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from foedus.cli.app import app
    from foedus.ledger.store import Ledger
    from foedus.services import load as load_service

    bad = edited(tmp_path, CSTO_LEDGER, 'date: "2024-02-22"', 'date: "2024-02-30"')
    real = load_service.read_data
    monkeypatch.setattr("foedus.cli.core_cmds.read_data", lambda: real(ledger_files=[bad]))
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    result = CliRunner().invoke(app, ["load", "--database", url])
    assert result.exit_code == 3
    out = " ".join(result.output.split())       # the console wraps at its width
    assert "nothing was written" in out and "2024-02-30" in out
    assert Ledger.open(url).counts()["events"] == 0


def test_spec_naming_an_unknown_member(tmp_path):
    bad = edited(tmp_path, CSTO_SPEC, "order: [ARM, BLR, KAZ, KGZ, RUS, TJK]", "order: [ARM, BLR, KAZ, KGZ, RUS, TJX]")
    with pytest.raises(DataFileError) as err:
        read_data(spec_files=[bad, ALLIANCES_DIR / "nato.yaml", ALLIANCES_DIR / "ecowas.yaml", ALLIANCES_DIR / "aes.yaml"])
    [p] = err.value.problems
    assert p.line == line_of(bad, "TJX") and p.field == "posts.0.rotation.order.5" and "unknown actor 'TJX'" in p.message


def test_a_restatement_must_name_a_fact_of_the_ledger(tmp_path):
    bad = edited(tmp_path, CSTO_LEDGER, "restates: arm-freeze-2024}", "restates: arm-freeze-2042}")
    with pytest.raises(DataFileError, match=r"csto\.yaml:\d+: events\.\d+\.attributes\.restates: unknown fact 'arm-freeze-2042'"):
        read_data(ledger_files=[bad])


def test_a_reinstatement_after_a_suspension_is_not_a_second_membership():
    # the shipped ECOWAS ledger suspends and reinstates Mali (2012, 2020) inside one membership spell
    data = read_data()
    ecowas = next(lg for lg in data.ledgers if any(e.fact == "mli-reinstated-2020" for e in lg.events))
    assert {e.type for e in ecowas.events if e.actor == "MLI"} >= {"join", "suspend_membership", "reinstate_membership"}
