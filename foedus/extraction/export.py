"""Write extraction results as the evaluation format's JSONL files.

``DIR/docs.jsonl``, ``DIR/events.jsonl`` and ``DIR/quotes.jsonl`` have exactly
the fields of shared/eval/FORMAT.md. Two extra files keep what the format
leaves out: ``DIR/claims.jsonl`` (denied, predicted and hypothetical
happenings, with speaker and modality) and ``DIR/attributions.jsonl`` (every
attributed statement with offsets, anonymous ones included), and
``DIR/reconciled.jsonl`` says what reconciliation with the reference ledger
changed (event dates, publication dates) and from which known fact.
``DIR/other_events.jsonl`` holds events of ledger types the format has no
name for (``request_consultations``), in the same shape as ``events.jsonl``.

Every file is written to a temporary file in DIR and renamed into place only
when the whole batch is done, so DIR never holds half-written output.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

__all__ = ["OUTPUT_FILES", "AtomicOutputs"]

OUTPUT_FILES = ("docs", "events", "other_events", "quotes", "claims", "attributions", "reconciled")

# the event types of shared/eval/FORMAT.md; any other type the lexicon knows goes to other_events.jsonl
FORMAT_EVENT_TYPES = frozenset({
    "sign", "join", "announce_withdrawal", "notify_withdrawal", "withdraw", "freeze_participation",
    "resume_participation", "suspend_membership", "withhold_contribution", "decline_post", "skip_meeting",
    "refuse_exercise", "request_assistance", "deny_assistance", "deploy_forces", "accuse", "demand",
    "recall_ambassador", "sign_agreement", "hold_exercise", "deliver_weapons", "attack",
})


class AtomicOutputs:
    """``with AtomicOutputs(dir) as out: out.write(result)``; renamed into place on success."""

    def __init__(self, directory: Path):
        self.dir = Path(directory)
        self.handles: dict[str, object] = {}
        self.tmp: dict[str, str] = {}
        self.counts = {k: 0 for k in OUTPUT_FILES}

    def __enter__(self) -> "AtomicOutputs":
        self.dir.mkdir(parents=True, exist_ok=True)
        for name in OUTPUT_FILES:
            fd, path = tempfile.mkstemp(prefix=f".{name}.", suffix=".jsonl.tmp", dir=self.dir)
            self.tmp[name] = path
            self.handles[name] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self

    def _line(self, name: str, rec: dict) -> None:
        self.handles[name].write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.counts[name] += 1

    def write(self, result) -> None:
        self._line("docs", result.doc_record)
        for rec in result.events:
            self._line("events" if rec["type"] in FORMAT_EVENT_TYPES else "other_events", rec)
        for kind in ("quotes", "claims", "attributions", "reconciled"):
            for rec in getattr(result, kind, ()):
                self._line(kind, rec)

    def __exit__(self, exc_type, exc, tb) -> None:
        for h in self.handles.values():
            h.close()
        if exc_type is not None:
            for p in self.tmp.values():
                try:
                    os.unlink(p)
                except OSError:
                    pass
            return
        for name, p in self.tmp.items():
            os.replace(p, self.dir / f"{name}.jsonl")
