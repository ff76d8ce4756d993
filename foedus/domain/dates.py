"""EDTF dates as day intervals.

Every date in foedus is an EDTF string (Library of Congress Extended Date/Time
Format: level 0, plus the level-1 qualifiers ``~ ? %`` and open interval ends)
kept verbatim, plus the first and last calendar day it can mean. The string is
the record; the two days exist so that queries can compare dates.

The subset is small enough to parse with one regular expression and the
calendar; the ``edtf`` package's grammar was measured at about 4 ms per date
here (pyparsing), which made loading 100,000 events take minutes, so it is not
used. Forms outside the subset (seasons, unspecified digits ``201X``, sets) are
rejected with a clear error rather than half-understood.

Approximate (``~``) and uncertain-and-approximate (``%``) dates are widened by
a pad that depends on their precision (3 days, 31 days or 366 days), the same
convention as the project's evaluation scorer. Uncertain (``?``) dates keep their
bounds but are flagged.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateSpan", "InvalidDate", "parse_edtf", "span_of_day", "MIN_DAY", "MAX_DAY"]

MIN_DAY = date(1, 1, 1)
MAX_DAY = date(9999, 12, 31)

_POINT = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?([~?%]?)$")
_PADS = {"day": timedelta(days=3), "month": timedelta(days=31), "year": timedelta(days=366)}


class InvalidDate(ValueError):
    """A string that is not an EDTF level 0/1 date or interval."""


@dataclass(frozen=True, order=True)
class DateSpan:
    """An EDTF date and the inclusive range of days it can mean.

    ``earliest``/``latest`` are ``None`` for an open end (``../2024``).
    """

    earliest: date | None
    latest: date | None
    edtf: str
    uncertain: bool = False
    approximate: bool = False

    @property
    def exact_day(self) -> date | None:
        """The day, when the date names exactly one day and nothing is uncertain."""
        if self.earliest is not None and self.earliest == self.latest and not self.uncertain:
            return self.earliest
        return None

    @property
    def is_precise(self) -> bool:
        return self.exact_day is not None

    def lo(self) -> date:
        return self.earliest or MIN_DAY

    def hi(self) -> date:
        return self.latest or MAX_DAY

    def surely_before_or_on(self, day: date) -> bool:
        """Every day this date can mean is on or before ``day``."""
        return self.hi() <= day

    def surely_after(self, day: date) -> bool:
        """Every day this date can mean is after ``day``."""
        return self.lo() > day

    def contains(self, day: date) -> bool:
        return self.lo() <= day <= self.hi()

    def overlaps(self, other: "DateSpan") -> bool:
        return self.lo() <= other.hi() and other.lo() <= self.hi()

    def width_days(self) -> int | None:
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1

    def shifted(self, *, months: int = 0, days: int = 0) -> "DateSpan":
        """This span moved forward by whole months (calendar-aware) and days."""
        lo = _add(self.earliest, months, days) if self.earliest else None
        hi = _add(self.latest, months, days) if self.latest else None
        text = _span_text(lo, hi)
        return DateSpan(lo, hi, text, self.uncertain, self.approximate)

    def __str__(self) -> str:
        return self.edtf


def _add(day: date, months: int, days: int) -> date:
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last)) + timedelta(days=days)


def _span_text(lo: date | None, hi: date | None) -> str:
    if lo is not None and lo == hi:
        return lo.isoformat()
    return f"{lo.isoformat() if lo else '..'}/{hi.isoformat() if hi else '..'}"


def span_of_day(day: date) -> DateSpan:
    """The span of one exact day."""
    return DateSpan(day, day, day.isoformat())


def merge_spans(spans: list[DateSpan]) -> DateSpan:
    """The smallest span covering all of ``spans`` (for one fact reported with different dates)."""
    if not spans:
        raise ValueError("no spans to merge")
    if len(spans) == 1:
        return spans[0]
    lo = None if any(s.earliest is None for s in spans) else min(s.earliest for s in spans)  # type: ignore[type-var]
    hi = None if any(s.latest is None for s in spans) else max(s.latest for s in spans)  # type: ignore[type-var]
    return DateSpan(lo, hi, _span_text(lo, hi), any(s.uncertain for s in spans), any(s.approximate for s in spans))


def _point_bounds(text: str) -> tuple[date, date, bool, bool]:
    m = _POINT.match(text)
    if not m:
        raise InvalidDate(f"not an EDTF date (YYYY, YYYY-MM or YYYY-MM-DD, optionally with ~ ? %): {text!r}")
    y, mo, d, qualifier = int(m[1]), m[2], m[3], m[4]
    try:
        if d:
            lo = hi = date(y, int(mo), int(d))
        elif mo:
            lo = date(y, int(mo), 1)
            hi = date(y, int(mo), calendar.monthrange(y, int(mo))[1])
        else:
            lo, hi = date(y, 1, 1), date(y, 12, 31)
    except ValueError as exc:
        raise InvalidDate(f"not a real calendar date: {text!r}") from exc
    precision = "day" if d else "month" if mo else "year"
    approximate = qualifier in ("~", "%")
    uncertain = qualifier in ("?", "%")
    if approximate:
        pad = _PADS[precision]
        lo, hi = max(lo - pad, MIN_DAY), min(hi + pad, MAX_DAY)
    return lo, hi, uncertain, approximate


def parse_edtf(text: object) -> DateSpan:
    """Parse an EDTF date or interval into a :class:`DateSpan`.

    Accepts ``2024``, ``2024-06``, ``2024-06-12``, a qualifier ``~ ? %`` on
    any of them, and intervals ``A/B`` with open ends ``..`` or empty.
    """
    if isinstance(text, date):
        return span_of_day(text)
    if not isinstance(text, str) or not text.strip():
        raise InvalidDate(f"an EDTF date must be a non-empty string, got {text!r}")
    text = text.strip()
    if "/" in text:
        start, _, end = text.partition("/")
        if "/" in end:
            raise InvalidDate(f"an EDTF interval has exactly one '/': {text!r}")
        if start in ("", "..") and end in ("", ".."):
            raise InvalidDate(f"an EDTF interval needs at least one end: {text!r}")
        lo = hi = None
        unc = appr = False
        if start not in ("", ".."):
            lo, _, u1, a1 = _point_bounds(start)
            unc, appr = unc or u1, appr or a1
        if end not in ("", ".."):
            _, hi, u2, a2 = _point_bounds(end)
            unc, appr = unc or u2, appr or a2
        if lo is not None and hi is not None and lo > hi:
            raise InvalidDate(f"EDTF interval ends before it starts: {text!r}")
        return DateSpan(lo, hi, text, unc, appr)
    lo, hi, unc, appr = _point_bounds(text)
    return DateSpan(lo, hi, text, unc, appr)
