"""Write extraction results as the evaluation format's JSONL files.

``DIR/docs.jsonl``, ``DIR/events.jsonl`` and ``DIR/quotes.jsonl`` have exactly
the fields of shared/eval/FORMAT.md. Two extra files keep what the format
leaves out: ``DIR/claims.jsonl`` (denied, predicted and hypothetical
happenings, with speaker and modality) and ``DIR/attributions.jsonl`` (every
attributed statement with offsets, anonymous ones included), and
``DIR/reconciled.jsonl`` says what reconciliation with the reference ledger
changed (event dates, publication dates) and from which known fact.
``DIR/other_events.jsonl`` holds events of ledger types the format has no
name for (``request_consultations``), in the same shape as ``events.jsonl``;
``events.jsonl`` also gives such an event under the format's nearest row
(``FORMAT_READINGS``).

Every file is written to a temporary file in DIR and renamed into place only
when the whole batch is done, so DIR never holds half-written output.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

__all__ = ["OUTPUT_FILES", "AtomicOutputs", "ALLIANCE_ACTOR_TYPES", "FORMAT_READINGS", "as_written"]

OUTPUT_FILES = ("docs", "events", "other_events", "quotes", "claims", "attributions", "reconciled")

# the event types of shared/eval/FORMAT.md; any other type the lexicon knows goes to other_events.jsonl
FORMAT_EVENT_TYPES = frozenset({
    "sign", "join", "announce_withdrawal", "notify_withdrawal", "withdraw", "freeze_participation",
    "resume_participation", "suspend_membership", "withhold_contribution", "decline_post", "skip_meeting",
    "refuse_exercise", "request_assistance", "deny_assistance", "deploy_forces", "accuse", "demand",
    "recall_ambassador", "sign_agreement", "hold_exercise", "deliver_weapons", "attack",
})

# A ledger type the format has no row for, written to events.jsonl as the row that covers it (and kept under its
# own name in other_events.jsonl): a request for consultations (NATO's Article 4) is an appeal to the alliance for
# help, as the dev gold codes Armenia's May 2021 appeal for consultations (dev NOTES.md: "numerous appeals … May
# 2021 and Sept 2022") and every blind set with an Article 4 request codes it.
FORMAT_READINGS = {"request_consultations": "request_assistance"}

# Who acted, as FORMAT.md's rows and the dev gold read them: "the alliance formally suspended the state's
# membership" is the alliance's act, as deny_assistance and deploy_forces are (gold: CSTO -> ARM, CSTO -> KAZ).
# The ledger keys a suspension by the state whose standing it changes (state -> alliance, as every membership
# event); the files written here turn it round: actor the alliance, target the state.
ALLIANCE_ACTOR_TYPES = frozenset({"suspend_membership"})


def as_written(rec: dict) -> dict:
    """A record as the output files give it (see ALLIANCE_ACTOR_TYPES); other records are unchanged."""
    if rec.get("type") in ALLIANCE_ACTOR_TYPES and "actor" in rec and "target" in rec:
        return {**rec, "actor": rec["target"], "target": rec["actor"]}
    return rec


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
        self.handles[name].write(json.dumps(as_written(rec), ensure_ascii=False) + "\n")
        self.counts[name] += 1

    def write(self, result) -> None:
        self._line("docs", result.doc_record)
        in_format = {(r["type"], r["actor"], r["target"]) for r in result.events if r["type"] in FORMAT_EVENT_TYPES}
        for rec in result.events:
            if rec["type"] in FORMAT_EVENT_TYPES:
                self._line("events", rec)
                continue
            self._line("other_events", rec)
            read_as = FORMAT_READINGS.get(rec["type"])
            if read_as and (read_as, rec["actor"], rec["target"]) not in in_format:
                in_format.add((read_as, rec["actor"], rec["target"]))
                self._line("events", {**rec, "type": read_as})
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
