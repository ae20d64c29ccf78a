"""Dates at their precision: a day, a month or a year."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_DATE_RE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
MONTHS = tuple(calendar.month_name)[1:]


class DateError(ValueError):
    pass


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to the day, the month or the year.

    Ordering puts a month before the days in it (``2025-04 < 2025-04-01``) so that a
    month-precision event is listed at the head of its month.
    """

    year: int
    month: int = 0  # 0: unknown (year precision)
    day: int = 0  # 0: unknown (month precision)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        """ISO 8601 at the date's precision: 2025-04-28, 2025-04 or 2025."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """For readers: '28 April 2025', 'April 2025' or '2025'."""
        if self.day:
            return f"{self.day} {MONTHS[self.month - 1]} {self.year}"
        if self.month:
            return f"{MONTHS[self.month - 1]} {self.year}"
        return str(self.year)

    def last_day(self) -> tuple[int, int, int]:
        """The latest calendar day the date may stand for (for 'before'/'after' checks)."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    def first_day(self) -> tuple[int, int, int]:
        return (self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        return self.iso()


def parse_date(text: str) -> PartialDate:
    """'2025-04-28', '2025-04' or '2025' -> PartialDate; a DateError says what is wrong."""
    m = _DATE_RE.match(text.strip())
    if not m:
        raise DateError(f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, but got '{text[:40]}'")
    year = int(m.group(1))
    month = int(m.group(2) or 0)
    day = int(m.group(3) or 0)
    if not 1900 <= year <= 2100:
        raise DateError(f"year {year} is out of range (1900 to 2100)")
    if m.group(2) is not None and not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist in '{text}': months run from 01 to 12")
    if m.group(3) is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"{MONTHS[month - 1]} {year} has no day {day} ('{text}'): it has {last} days")
    return PartialDate(year, month, day)
