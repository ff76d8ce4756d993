"""The codebook mapping: which ATOP variable becomes which provision (``foedus/data/atop/provisions.yaml``)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from foedus.datafiles.paths import DATA
from foedus.datafiles.yaml_model import DataFileError, Problem as FileProblem, plain, read_yaml

__all__ = ["Rules", "PROVISIONS_FILE", "CORRESPONDENCE_FILE", "load_rules", "default_rules", "load_correspondence"]

PROVISIONS_FILE = DATA / "atop" / "provisions.yaml"
CORRESPONDENCE_FILE = DATA / "atop" / "correspondence.yaml"

_REQUIRED = ("dataset", "obligations", "kind_rules", "conditions", "renounce", "speclgth", "proren", "renewlgt",
             "proadd", "futmem", "organ", "orgpurp", "termmode", "termcaus")


def _int_keys(d: dict | None) -> dict[int, Any]:
    return {int(k): v for k, v in (d or {}).items()}


@dataclass(frozen=True)
class Rules:
    instrument: str
    outlet: str
    url: str
    citation: str
    coverage_end: date
    files: dict[str, str]
    obligations: dict[str, dict]          # ATOP column -> {name, text}
    kind_rules: list[dict]
    default_kind: str
    conditions: dict[str, dict]           # ATOP column -> {obligation, id, text}
    renounce: dict[int, dict]
    speclgth: dict[int, str]
    proren: dict[int, str]
    renewlgt: str
    proadd: dict[int, str]
    futmem: dict[int, str | None]
    proadd_decision_rule: dict[int, str]
    organ: dict[int, str]
    orgpurp: dict[int, str | None]
    termmode: dict[int, str]
    termcaus: dict[int, str]

    def obligation_name(self, column: str) -> str:
        return self.obligations[column]["name"]

    @property
    def obligation_columns(self) -> tuple[str, ...]:
        return tuple(self.obligations)

    def column_of(self, name: str) -> str:
        for col, o in self.obligations.items():
            if o["name"] == name:
                return col
        raise KeyError(name)


def load_rules(path: Path = PROVISIONS_FILE) -> Rules:
    doc = read_yaml(path)
    if not isinstance(doc, dict):
        raise DataFileError([FileProblem(str(path), None, "", "expected a mapping")])
    missing = [k for k in _REQUIRED if k not in doc]
    if missing:
        raise DataFileError([FileProblem(str(path), None, k, "missing") for k in missing])
    d = plain(doc)
    ds = d["dataset"]
    end = ds["coverage_end"]
    if not isinstance(end, date):
        end = date.fromisoformat(str(end))
    return Rules(
        instrument=ds["instrument"], outlet=ds["outlet"], url=ds["url"], citation=ds["citation"], coverage_end=end,
        files=dict(ds.get("files") or {}), obligations=d["obligations"], kind_rules=d["kind_rules"],
        default_kind=d.get("default_kind", "other"), conditions=d["conditions"], renounce=_int_keys(d["renounce"]),
        speclgth=_int_keys(d["speclgth"]), proren=_int_keys(d["proren"]), renewlgt=d["renewlgt"],
        proadd=_int_keys(d["proadd"]), futmem=_int_keys(d["futmem"]),
        proadd_decision_rule=_int_keys(d.get("proadd_decision_rule")), organ=_int_keys(d["organ"]),
        orgpurp=_int_keys(d["orgpurp"]), termmode=_int_keys(d["termmode"]), termcaus=_int_keys(d["termcaus"]),
    )


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    return load_rules()


def load_correspondence(path: Path = CORRESPONDENCE_FILE) -> dict[str, int]:
    """Hand-written alliance id -> ATOP atopid."""
    doc = read_yaml(path)
    if not isinstance(doc, dict):
        raise DataFileError([FileProblem(str(path), None, "", "expected a mapping of alliance id to atopid")])
    out: dict[str, int] = {}
    problems = []
    for k, v in plain(doc).items():
        if not isinstance(v, int) or isinstance(v, bool):
            problems.append(FileProblem(str(path), doc.lc.key(k)[0] + 1, str(k), f"expected an atopid (a whole number), got {v!r}"))
            continue
        out[str(k)] = v
    if problems:
        raise DataFileError(problems)
    return out
