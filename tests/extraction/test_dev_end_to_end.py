"""End to end on the dev gold set, when it is there: a floor a bit below the measured scores."""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

DEV = Path("/work/shared/eval/dev")
ROOT = Path(__file__).resolve().parents[2]
for cand in (ROOT.parent / "shared/eval/dev", DEV):
    if cand.is_dir():
        DEV = cand
        break


@pytest.mark.skipif(not (DEV / "docs").is_dir(), reason="dev gold set not available")
def test_extract_dev_scores_above_floor(tmp_path):
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "foedus.cli.app", "extract", str(DEV / "docs"), "--out", str(out), "-q"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    for name in ("docs", "events", "quotes", "claims", "reconciled"):
        assert (out / f"{name}.jsonl").exists()
    spec = importlib.util.spec_from_file_location("score", DEV.parent / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    docs = {p.stem: p.read_text(encoding="utf-8") for p in (DEV / "docs").glob("*.txt")}
    ev = score.score_all_events(score.load(DEV / "events.jsonl"), score.load(out / "events.jsonl"))
    qu = score.score_quotes(score.load(DEV / "quotes.jsonl"), score.load(out / "quotes.jsonl"), docs)
    pub = score.score_published(score.load(DEV / "docs.jsonl"), score.load(out / "docs.jsonl"))
    assert qu["not_verbatim"] == 0
    assert all(e["evidence"] in docs[e["doc"]] for e in map(json.loads, (out / "events.jsonl").read_text().splitlines()))
    assert qu["f1"] >= 0.83 and qu["speaker_accuracy_on_matched"] >= 0.94
    assert ev["f1"] >= 0.66
    assert pub["correct"] >= 4
