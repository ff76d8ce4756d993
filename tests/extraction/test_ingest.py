import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytest.importorskip("foedus.ledger.store")

ARTICLE = ("Armenia and the CSTO [bold red]not markup[/]\n\n"
           "On February 22, 2024, Armenia froze its participation in the CSTO.\n"
           "“We have frozen our participation at all levels,” Prime Minister Nikol Pashinyan said.\n")


def cli(*args, env):
    return subprocess.run([sys.executable, "-m", "foedus.cli.app", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_ingest_is_idempotent_and_show_doc_escapes(tmp_path):
    import os
    env = {**os.environ, "FOEDUS_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "HF_HUB_OFFLINE": "1",
           "COLUMNS": "200"}
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    r1 = cli("ingest", str(src), str(tmp_path / "empty.txt"), env=env)
    assert r1.returncode == 5 and "empty.txt" in r1.stderr
    from foedus.ledger.store import Ledger
    led = Ledger.open(env["FOEDUS_DATABASE_URL"])
    first = led.counts()
    assert first["documents"] == 1 and first["events"] >= 1
    assert all(e.review == "proposed" for e in led.events(review=None))
    r2 = cli("ingest", str(src), env=env)
    assert r2.returncode == 0
    assert led.counts() == first
    from foedus.domain.documents import document_id
    r3 = cli("show-doc", document_id(ARTICLE)[:12], env=env)
    assert r3.returncode == 0, r3.stderr
    assert "[bold red]not markup[/]" in r3.stdout
    assert "freeze_participation ARM→CSTO" in r3.stdout
    assert cli("show-doc", "ffffffffffff", env=env).returncode == 4


def test_ingest_records_which_reference_fact_gave_a_date(tmp_path):
    import os
    env = {**os.environ, "FOEDUS_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "HF_HUB_OFFLINE": "1"}
    src = tmp_path / "b.txt"
    src.write_text("Armenia renounced its quota for the post of Deputy Secretary General of the CSTO.\n", encoding="utf-8")
    r = cli("ingest", str(src), "--published", "2023", env=env)
    assert r.returncode == 0, r.stderr
    from foedus.ledger.store import Ledger
    [ev] = Ledger.open(env["FOEDUS_DATABASE_URL"]).events(review=("proposed",), types=["decline_post"])
    assert ev.date.edtf == "2023-03-10"
    assert ev.attributes == {"date_from_reference_fact": "arm-declines-dsg-quota-2023"}
    assert "date from the reference fact" in ev.note
    r2 = cli("ingest", str(src), "--published", "2023", "--no-reference", "--database", f"sqlite:///{tmp_path / 'other.sqlite3'}", env=env)
    assert r2.returncode == 0, r2.stderr
    [plain] = Ledger.open(f"sqlite:///{tmp_path / 'other.sqlite3'}").events(review=("proposed",), types=["decline_post"])
    assert plain.attributes == {}
    assert plain.date is None or plain.date.edtf != "2023-03-10"
