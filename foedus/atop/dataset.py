"""Reading and validating the ATOP CSV files.

Everything here works on text already read (pure), except
:func:`read_directory`, which reads the files from the directory the user names.
Problems are collected, never raised one at a time, so that a report can list
every bad row; each :class:`Problem` names the file, the data row (1-based, the
header not counted), the column and what is wrong.

Dates: ATOP codes year, month and day in three columns; a missing or zero day
(or month) means the day (or month) is unknown, and the date keeps that
precision as EDTF (``1914-08``). An exit coded ``0`` with ``INEFFECT=1`` means
the alliance was still in force for the member at the end of ATOP's coverage:
no exit.
"""
from __future__ import annotations

import calendar
import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ALLIANCE_FILE", "MEMBER_FILE", "STATE_YEAR_FILE", "Problem", "AtopInputError", "Row", "Table",
    "AllianceRecord", "MemberRecord", "StateYearRecord", "parse_table", "parse_alliances", "parse_members",
    "parse_state_years", "ymd_edtf", "read_directory", "read_text", "ALLIANCE_REQUIRED", "MEMBER_REQUIRED",
    "STATE_YEAR_REQUIRED", "OBLIGATION_COLUMNS", "CONDITION_COLUMNS", "PROVISION_COLUMNS",
]

ALLIANCE_FILE = "atop5_1a.csv"
MEMBER_FILE = "atop5_1m.csv"
STATE_YEAR_FILE = "atop5_1sy.csv"

OBLIGATION_COLUMNS = ("defense", "offense", "neutral", "nonagg", "consul")
CONDITION_COLUMNS = (
    "defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr",
    "offcoadv", "offcoloc", "offcocon", "offconum", "offcodem",
    "neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt",
    "concoadv", "concoloc", "concocon", "concoreq", "olimob",
)
# Alliance-level variables the spec is built from (present in both the alliance and member files).
PROVISION_COLUMNS = (
    "speclgth", "length", "renounce", "proren", "renewlgt", "proadd", "futmem",
    "organ1", "orgpurp1", "organ2", "orgpurp2", "asymm",
)

# Columns that must be present; blank allowed only where noted in _OPTIONAL.
ALLIANCE_REQUIRED = ("atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "ineffect",
                     *OBLIGATION_COLUMNS, *PROVISION_COLUMNS, "maxphase")
MEMBER_REQUIRED = ("atopid", "member", "phase", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
                   "ineffect", *OBLIGATION_COLUMNS, "termmode", "termcaus", *CONDITION_COLUMNS, *PROVISION_COLUMNS)
STATE_YEAR_REQUIRED = ("state", "year", *OBLIGATION_COLUMNS, "number", "transyr")

# Blank cells that are legitimate: an unknown day, and variables ATOP codes missing
# when it did not locate the original agreement (codebook 2.32-2.35).
_BLANK_OK = frozenset({"begday", "endday", "dayent", "dayexit", "termcaus", "cowid", "cow4id",
                       *PROVISION_COLUMNS, *CONDITION_COLUMNS})
_DUMMIES = frozenset({"ineffect", *OBLIGATION_COLUMNS, *CONDITION_COLUMNS, "asymm", "transyr"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as possible."""

    file: str
    row: int | None
    column: str | None
    message: str
    atopid: int | None = None

    @property
    def line(self) -> int | None:
        return None if self.row is None else self.row + 1

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row} (line {self.line})"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


class AtopInputError(ValueError):
    """The input cannot be imported as it is; nothing has been written."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class Row:
    """One data row of a CSV file, with its raw text."""

    file: str
    number: int                      # 1-based data row (header not counted)
    text: str                        # the line as it stands in the file
    values: Mapping[str, str] = field(compare=False, hash=False)

    @property
    def line(self) -> int:
        return self.number + 1


@dataclass(frozen=True)
class Table:
    file: str
    header: tuple[str, ...]
    header_text: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class AllianceRecord:
    atopid: int
    row: Row
    begin: str | None          # EDTF
    end: str | None            # EDTF; None while in force at the end of the coverage
    ineffect: bool
    values: Mapping[str, int | None] = field(compare=False, hash=False)

    def get(self, column: str) -> int | None:
        return self.values.get(column)


@dataclass(frozen=True)
class MemberRecord:
    """One member of one phase of one alliance (a row of the member-level file)."""

    atopid: int
    phase: int
    cow: int
    row: Row
    entry: str                 # EDTF (the signature date, codebook YRENT)
    exit: str | None           # EDTF; None while in force at the end of the coverage
    ineffect: bool
    values: Mapping[str, int | None] = field(compare=False, hash=False)

    def get(self, column: str) -> int | None:
        return self.values.get(column)


@dataclass(frozen=True)
class StateYearRecord:
    state: int
    year: int
    alliances: frozenset[int]
    obligations: Mapping[str, int] = field(compare=False, hash=False)
    number: int = 0
    transyr: int = 0
    row: Row | None = field(default=None, compare=False, hash=False)


# ---------------------------------------------------------------- low level
def read_text(path: Path) -> tuple[str | None, Problem | None]:
    """The text of ``path``, or a problem saying why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Problem(path.name, None, None, f"cannot read {path}: {exc.strerror or exc}")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return None, Problem(path.name, None, None, f"not UTF-8 text (byte {exc.start}): is this an ATOP CSV file?")


def read_directory(directory: Path, files: Sequence[str]) -> tuple[dict[str, str], list[Problem]]:
    """Read the named files from ``directory``; problems for missing or unreadable ones."""
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    if not directory.is_dir():
        return texts, [Problem(str(directory), None, None, "not a directory")]
    for name in files:
        path = directory / name
        if not path.is_file():
            problems.append(Problem(name, None, None, f"missing: expected the ATOP file {name} in {directory}"))
            continue
        text, problem = read_text(path)
        if problem:
            problems.append(problem)
        else:
            texts[name] = text  # type: ignore[assignment]
    return texts, problems


def parse_table(file: str, text: str, required: Sequence[str]) -> tuple[Table | None, list[Problem]]:
    """Split ``text`` into a header and rows; a row with the wrong number of fields is a problem.

    A last row that is short and has no final newline is reported as a truncated file.
    """
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return None, [Problem(file, None, None, "empty file: expected a CSV header line")]
    header = tuple(h.strip().lower() for h in next(csv.reader([lines[0]])))
    problems: list[Problem] = []
    missing = [c for c in required if c not in header]
    if missing:
        problems.append(Problem(file, None, ", ".join(missing), f"missing column(s) in the header: {', '.join(missing)}"))
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        problems.append(Problem(file, None, ", ".join(dupes), "duplicate column name(s) in the header"))
    if problems:
        return None, problems
    rows: list[Row] = []
    ends_with_newline = text.endswith(("\n", "\r"))
    last = len(lines) - 1
    for number, line in enumerate(lines[1:], start=1):
        if not line.strip():
            continue
        try:
            fields = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            problems.append(Problem(file, number, None, f"malformed CSV row: {exc}"))
            continue
        if len(fields) != len(header):
            if number == last and not ends_with_newline and len(fields) < len(header):
                msg = (f"truncated: the file ends in the middle of this row ({len(fields)} of "
                       f"{len(header)} fields, column {header[len(fields) - 1]} is the last one present)")
                problems.append(Problem(file, number, header[len(fields) - 1], msg))
            else:
                msg = f"malformed row: expected {len(header)} fields as in the header, found {len(fields)}"
                problems.append(Problem(file, number, None, msg))
            continue
        rows.append(Row(file, number, line, dict(zip(header, (f.strip() for f in fields)))))
    if not rows and not problems:
        problems.append(Problem(file, None, None, "no data rows after the header"))
    return Table(file, header, lines[0], tuple(rows)), problems


def _int(row: Row, column: str, problems: list[Problem], *, blank_ok: bool | None = None) -> int | None:
    raw = row.values.get(column, "")
    if raw == "":
        if blank_ok if blank_ok is not None else column in _BLANK_OK:
            return None
        problems.append(Problem(row.file, row.number, column, "empty: a value is required"))
        return None
    try:
        value_i = int(raw)
    except ValueError:
        try:
            value = float(raw)  # "3.0": a whole number written as a float
        except ValueError:
            value = float("nan")
        if not value.is_integer():
            problems.append(Problem(row.file, row.number, column, f"expected a whole number, got {raw!r}"))
            return None
        value_i = int(value)
    if column in _DUMMIES and value_i not in (0, 1):
        problems.append(Problem(row.file, row.number, column, f"expected 0 or 1, got {raw!r}"))
        return None
    return value_i


def ymd_edtf(year: int, month: int | None, day: int | None) -> str:
    """EDTF for an ATOP date: ``1914-08-01``, ``1914-08`` (day unknown) or ``1914`` (month unknown).

    Raises ValueError for a date that does not exist.
    """
    if not 1000 <= year <= 9999:
        raise ValueError(f"year {year} is out of range")
    if not month:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is out of range")
    if not day:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"{year:04d}-{month:02d} has no day {day}")
    return f"{year:04d}-{month:02d}-{day:02d}"


def _date(row: Row, cols: tuple[str, str, str], values: Mapping[str, int | None], problems: list[Problem],
          *, may_be_zero: bool) -> tuple[str | None, bool]:
    """(EDTF or None, ok). ``None`` with ok=True is a date coded 0 (no date)."""
    y, m, d = (values.get(c) for c in cols)
    if y is None:
        return None, False  # already reported
    if y == 0 and may_be_zero:
        if (m or 0) != 0 or (d or 0) != 0:
            problems.append(Problem(row.file, row.number, "/".join(cols), f"year coded 0 (no date) but month/day are {m}/{d}"))
            return None, False
        return None, True
    try:
        return ymd_edtf(y, m, d), True
    except ValueError as exc:
        problems.append(Problem(row.file, row.number, "/".join(cols), f"not a valid date: {exc}"))
        return None, False


def _bounds(edtf: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """Earliest and latest (y, m, d) an ATOP EDTF date can mean (no qualifiers here)."""
    parts = [int(p) for p in edtf.split("-")]
    y = parts[0]
    if len(parts) == 1:
        return (y, 1, 1), (y, 12, 31)
    m = parts[1]
    if len(parts) == 2:
        return (y, m, 1), (y, m, calendar.monthrange(y, m)[1])
    return (y, m, parts[2]), (y, m, parts[2])


def _check_exit(row: Row, entry: str | None, exit_: str | None, ineffect: int | None, exit_ok: bool,
                problems: list[Problem], cols: tuple[str, str, str], entry_cols: tuple[str, str, str]) -> None:
    if ineffect is None or not exit_ok:
        return
    if ineffect == 1 and exit_ is not None:
        problems.append(Problem(row.file, row.number, "/".join(cols),
                                f"INEFFECT=1 (still in force at the end of 2018) but an exit date {exit_} is coded; expected 0"))
    elif ineffect == 0 and exit_ is None:
        problems.append(Problem(row.file, row.number, "/".join(cols),
                                "exit date coded 0 but INEFFECT=0 (no longer in force): the exit date is missing"))
    if entry is not None and exit_ is not None and _bounds(exit_)[1] < _bounds(entry)[0]:
        problems.append(Problem(row.file, row.number, "/".join(cols),
                                f"exit {exit_} is before entry {entry} ({'/'.join(entry_cols)})"))


# ---------------------------------------------------------------- typed records
def parse_alliances(table: Table) -> tuple[list[AllianceRecord], list[Problem]]:
    """Alliance-level records; each bad row yields problems and no record."""
    out: list[AllianceRecord] = []
    problems: list[Problem] = []
    seen: dict[int, int] = {}
    for row in table.rows:
        mine: list[Problem] = []
        values = {c: _int(row, c, mine) for c in ALLIANCE_REQUIRED}
        for c in ("cowid", "cow4id"):
            if c in row.values:
                values[c] = _int(row, c, mine)
        atopid = values["atopid"]
        begin, _ = _date(row, ("begyr", "begmo", "begday"), values, mine, may_be_zero=False)
        end, end_ok = _date(row, ("endyr", "endmo", "endday"), values, mine, may_be_zero=True)
        _check_exit(row, begin, end, values["ineffect"], end_ok, mine, ("endyr", "endmo", "endday"), ("begyr", "begmo", "begday"))
        if atopid is not None:
            if atopid in seen:
                mine.append(Problem(row.file, row.number, "atopid", f"duplicate atopid {atopid} (first in row {seen[atopid]})"))
            else:
                seen[atopid] = row.number
        if mine:
            problems.extend(Problem(p.file, p.row, p.column, p.message, atopid) for p in mine)
            continue
        out.append(AllianceRecord(atopid, row, begin, end, bool(values["ineffect"]), values))  # type: ignore[arg-type]
    return out, problems


def parse_members(table: Table, is_known_code: Callable[[int], bool]) -> tuple[list[MemberRecord], list[Problem]]:
    """Member-phase records; unknown country codes and impossible dates are problems."""
    out: list[MemberRecord] = []
    problems: list[Problem] = []
    for row in table.rows:
        mine: list[Problem] = []
        values = {c: _int(row, c, mine) for c in MEMBER_REQUIRED}
        for c in ("cowsys", "obvary", "cowwar"):
            if c in row.values:
                values[c] = _int(row, c, mine, blank_ok=True)
        cow = values["member"]
        if cow is not None and not is_known_code(cow):
            mine.append(Problem(row.file, row.number, "member",
                                f"unknown country code {cow}: not a Correlates of War code (see foedus/data/atop/cow_codes.yaml)"))
        entry, _ = _date(row, ("yrent", "moent", "dayent"), values, mine, may_be_zero=False)
        exit_, exit_ok = _date(row, ("yrexit", "moexit", "dayexit"), values, mine, may_be_zero=True)
        _check_exit(row, entry, exit_, values["ineffect"], exit_ok, mine, ("yrexit", "moexit", "dayexit"), ("yrent", "moent", "dayent"))
        if mine:
            problems.extend(Problem(p.file, p.row, p.column, p.message, values.get("atopid")) for p in mine)
            continue
        out.append(MemberRecord(values["atopid"], values["phase"], cow, row, entry, exit_,  # type: ignore[arg-type]
                                bool(values["ineffect"]), values))
    return out, problems


def parse_state_years(table: Table) -> tuple[list[StateYearRecord], list[Problem]]:
    """ATOP's state-year table (atop5_1sy.csv): the alliances and obligations of each state in each year."""
    out: list[StateYearRecord] = []
    problems: list[Problem] = []
    id_cols = [c for c in table.header if c.startswith("atopid") and c[6:].isdigit()]
    for row in table.rows:
        mine: list[Problem] = []
        values = {c: _int(row, c, mine) for c in STATE_YEAR_REQUIRED}
        ids = {_int(row, c, mine, blank_ok=True) for c in id_cols}
        ids.discard(None)
        if mine:
            problems.extend(mine)
            continue
        out.append(StateYearRecord(values["state"], values["year"], frozenset(ids),  # type: ignore[arg-type]
                                   {c: values[c] for c in OBLIGATION_COLUMNS}, values["number"], values["transyr"], row))  # type: ignore[misc]
    return out, problems
