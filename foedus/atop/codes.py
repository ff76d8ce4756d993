"""Correlates of War country codes -> foedus actor ids.

The mapping is data (``foedus/data/atop/cow_codes.yaml``): the COW state list,
the codes ATOP uses that are not COW codes, and the exceptions. The default for
a code without an exception is country_converter's ``GWcode`` column (Gleditsch
& Ward codes, which equal COW codes for most states) -> ISO 3166-1 alpha-3.
country_converter 1.3.2 has no COW column; the exceptions cover every COW code
where GW differs or no ISO code exists (see the file's header).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foedus.datafiles.paths import DATA
from foedus.datafiles.yaml_model import DataFileError, Problem as FileProblem, plain, read_yaml

__all__ = ["CowEntry", "CowMap", "COW_CODES_FILE", "load_cow_map", "default_cow_map", "gw_iso3"]

COW_CODES_FILE = DATA / "atop" / "cow_codes.yaml"


@dataclass(frozen=True)
class CowEntry:
    code: int
    actor: str
    cow_name: str
    how: str                 # "country_converter GWcode" | "exception"
    in_cow_list: bool        # False for ATOP's own codes (e.g. 8152)
    reason: str | None = None


@lru_cache(maxsize=1)
def gw_iso3() -> dict[int, list[str]]:
    """country_converter's GW code -> ISO3 codes (a list, to detect ambiguity)."""
    import country_converter as coco  # imported lazily: it loads a table at import

    data = coco.CountryConverter().data
    out: dict[int, list[str]] = {}
    for iso3, gw in zip(data["ISO3"], data["GWcode"]):
        if gw == gw and gw is not None and str(gw).strip() not in ("", "nan", "<NA>"):
            out.setdefault(int(float(gw)), []).append(str(iso3))
    return out


class CowMap:
    """Look up the actor of a COW code."""

    def __init__(self, entries: dict[int, CowEntry]):
        self._entries = entries

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def get(self, code: int) -> CowEntry | None:
        return self._entries.get(code)

    def actor(self, code: int) -> str:
        return self._entries[code].actor

    def entries(self) -> list[CowEntry]:
        return [self._entries[k] for k in sorted(self._entries)]

    def codes_of(self, actor: str) -> list[int]:
        return [e.code for e in self.entries() if e.actor == actor]


def load_cow_map(path: Path = COW_CODES_FILE) -> CowMap:
    """Read the mapping file and resolve every listed code; an unresolvable code is a data-file error."""
    doc = read_yaml(path)
    if not isinstance(doc, dict) or "states" not in doc:
        raise DataFileError([FileProblem(str(path), None, "states", "missing: the COW state list")])
    data = plain(doc)
    exceptions = {int(k): v for k, v in (data.get("exceptions") or {}).items()}
    names: dict[int, tuple[str, bool]] = {int(k): (str(v["name"]), True) for k, v in data["states"].items()}
    for k, v in (data.get("atop_only") or {}).items():
        names[int(k)] = (str(v["name"]), False)
    gw = gw_iso3()
    entries: dict[int, CowEntry] = {}
    problems: list[FileProblem] = []
    for code, (name, in_list) in names.items():
        if code in exceptions:
            ex = exceptions[code]
            entries[code] = CowEntry(code, str(ex["actor"]), name, "exception", in_list, ex.get("reason"))
            continue
        isos = gw.get(code, [])
        if len(isos) != 1:
            problems.append(FileProblem(str(path), None, f"states.{code}",
                                        f"COW code {code} ({name}) has {len(isos) or 'no'} ISO code(s) via country_converter's "
                                        f"GWcode {isos or ''}: add an exception"))
            continue
        entries[code] = CowEntry(code, isos[0], name, "country_converter GWcode", in_list)
    for code in exceptions:
        if code not in names:
            problems.append(FileProblem(str(path), None, f"exceptions.{code}", "an exception for a code that is neither in 'states' nor in 'atop_only'"))
    if problems:
        raise DataFileError(problems)
    return CowMap(entries)


@lru_cache(maxsize=1)
def default_cow_map() -> CowMap:
    return load_cow_map()
