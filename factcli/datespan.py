"""A date as factcli stores it: the DATE object, its type `DateSpan`, and their checks.

A DATE is the public JSON object ``{"start", "end", "precision", "text"}``:
an inclusive span of calendar days, what kind of period it is
(``precision``), and the words the source used. "October 2017" is
2017-10-01..2017-10-31 at month precision; no day is invented for it.
An optional ``"within": true`` says the thing dated happened at one time
inside the span (some Monday between July and December), not throughout it.

Precisions, finest first (`PRECISIONS`); the endpoints of a span are whole
units of its precision, which `problems` checks:

* ``day`` -- one or more whole days ("25 أكتوبر 2017", "أمس").
* ``iso_week`` -- ISO weeks, Monday to Sunday ("الأسبوع الماضي", "قبل أسبوعين").
* ``part`` -- a third of a month or of a year ("مطلع أكتوبر", "أواخر 2020"):
  early = days 1-10 of a month, or January-April of a year; middle = days
  11-20, or May-August; late = day 21 to the month's last, or
  September-December.
* ``hijri_month`` -- whole months of the Umm al-Qura calendar ("رمضان الماضي").
* ``month`` -- whole Gregorian months.
* ``quarter`` -- January-March, April-June, July-September, October-December.
* ``season`` -- meteorological seasons of the northern hemisphere: spring
  March-May, summer June-August, autumn September-November, winter
  December-February, a winter named by the year of its January.
* ``half`` -- January-June, July-December.
* ``year`` -- whole Gregorian years.

Years 1000 to 2999 are accepted (`MIN_YEAR`, `MAX_YEAR`); Hijri months are
known within the Umm al-Qura table, 1343-1500 AH (1924-08-01 to 2077-11-16).
Anything outside is a one-line DateError, never a crash.

`date_text` is a DATE's name at its precision ("2017-10", "2017-Q4"), the one
every command shows and the comparison of sources cites.

The calendar units here (`last_of_month`, `grid_end`, `hijri_bounds`, ...)
are shared with the parser, `factcli.dates`, which builds DateSpans from
words; this module reads no words, so checking a stored DATE never loads
the parser.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from factcli.errors import DateError

__all__ = [
    "GRIDS",
    "HIJRI_RANGE",
    "MAX_YEAR",
    "MIN_YEAR",
    "PRECISIONS",
    "RANK",
    "YEARS_READ",
    "DateSpan",
    "date_text",
    "grid_end",
    "hijri_bounds",
    "last_of_month",
    "months_before",
    "problems",
    "shown",
]

PRECISIONS = ("day", "iso_week", "part", "hijri_month", "month", "quarter", "season", "half", "year")
MIN_YEAR, MAX_YEAR = 1000, 2999
# Each precision's place in PRECISIONS: the coarser of two is the higher rank.
RANK = {name: rank for rank, name in enumerate(PRECISIONS)}
_KEYS = ("start", "end", "precision", "text")
_OPTIONAL_KEYS = ("within",)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
HIJRI_RANGE = "1343-1500 AH (1924-08-01 to 2077-11-16)"
YEARS_READ = f"years {MIN_YEAR} to {MAX_YEAR} are read"

# First month of each period of a grid: quarters, halves, seasons (winter starts in December).
GRIDS = {"quarter": (1, 4, 7, 10), "half": (1, 7), "season": (3, 6, 9, 12)}
_PRECISION_WORDS = ", ".join(PRECISIONS)


def shown(text: str) -> str:
    """Text as quoted in an error: one line, not absurdly long."""
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:77] + "..."


# --------------------------------------------------------------------------
# Calendar units


def last_of_month(day: datetime.date) -> datetime.date:
    # The day before the next month's first; December ends on the 31st (so year 9999 does not
    # overflow). Not `calendar`: it would be one more import on every command's start-up.
    if day.month == 12:
        return day.replace(day=31)
    return day.replace(month=day.month + 1, day=1) - datetime.timedelta(days=1)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The first of the month `months` months before `day`'s month (negative: after)."""
    # Calendar arithmetic is dateutil's (imported here: validating stored DATEs and most
    # parses never reach it, and start-up time is a feature of a CLI).
    from dateutil.relativedelta import relativedelta

    return day.replace(day=1) - relativedelta(months=months)


def _grid_start(day: datetime.date, precision: str) -> datetime.date:
    """The first day of the quarter, half or season containing `day`."""
    starts = GRIDS[precision]
    back = min((day.month - m) % 12 for m in starts)
    return months_before(day.replace(day=1), back)


def grid_end(day: datetime.date, precision: str) -> datetime.date:
    """The last day of the quarter, half or season containing `day`."""
    size = 12 // len(GRIDS[precision])
    return last_of_month(months_before(_grid_start(day, precision), 1 - size))


def hijri_bounds(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the Umm al-Qura month containing `day`."""
    from hijridate import Gregorian

    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        raise DateError(f"{day.isoformat()} is outside the Hijri dates read, {HIJRI_RANGE}") from None
    first = day - datetime.timedelta(days=h.day - 1)
    return first, first + datetime.timedelta(days=h.month_length() - 1)


def _range_problems(**days: datetime.date) -> list[str]:
    return [
        f"{name} {value.isoformat()} is out of range ({YEARS_READ})"
        for name, value in days.items()
        if not MIN_YEAR <= value.year <= MAX_YEAR
    ]


def _span_problems(start: datetime.date, end: datetime.date, precision: object) -> list[str]:
    """What is wrong with these endpoints; precision is checked only if it is known."""
    found = _range_problems(start=start, end=end)
    if found:
        return found  # the unit checks below need room around the endpoints
    if start > end:
        found.append(f"start {start.isoformat()} is after end {end.isoformat()}")
    if precision == "iso_week":
        if start.weekday() != 0:
            found.append(f"iso_week precision needs start on a Monday, got {start.isoformat()}")
        if end.weekday() != 6:
            found.append(f"iso_week precision needs end on a Sunday, got {end.isoformat()}")
    elif precision == "month":
        if start.day != 1:
            found.append(f"month precision needs start on the 1st of a month, got {start.isoformat()}")
        if end != last_of_month(end):
            found.append(f"month precision needs end on the last day of a month, got {end.isoformat()}")
    elif precision in GRIDS:
        if start != _grid_start(start, precision):
            found.append(
                f"{precision} precision needs start on the first day of a {precision}, got {start.isoformat()}"
            )
        if end != grid_end(end, precision):
            found.append(
                f"{precision} precision needs end on the last day of a {precision}, got {end.isoformat()}"
            )
    elif precision == "hijri_month":
        try:
            if start != hijri_bounds(start)[0]:
                found.append(
                    f"hijri_month precision needs start on the 1st of a Hijri month, got {start.isoformat()}"
                )
            if end != hijri_bounds(end)[1]:
                found.append(
                    f"hijri_month precision needs end on the last day of a Hijri month, got {end.isoformat()}"
                )
        except DateError as error:
            found.append(str(error))
    elif precision == "year":
        if (start.month, start.day) != (1, 1):
            found.append(f"year precision needs start on January 1, got {start.isoformat()}")
        if (end.month, end.day) != (12, 31):
            found.append(f"year precision needs end on December 31, got {end.isoformat()}")
    return found


def _widen(start: datetime.date, end: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    """Stretch endpoints outwards to whole units of `precision` (parts are runs of days)."""
    if precision == "iso_week":
        return start - datetime.timedelta(days=start.weekday()), end + datetime.timedelta(
            days=6 - end.weekday()
        )
    if precision == "month":
        return start.replace(day=1), last_of_month(end)
    if precision in GRIDS:
        return _grid_start(start, precision), grid_end(end, precision)
    if precision == "hijri_month":
        return hijri_bounds(start)[0], hijri_bounds(end)[1]
    if precision == "year":
        return start.replace(month=1, day=1), end.replace(month=12, day=31)
    return start, end


def _within_problems(start: object, end: object, precision: object, within: object) -> list[str]:
    """`within` is true or false, and true only on a span wider than one unit of precision;
    endpoints that are not dates are reported elsewhere."""
    if not isinstance(within, bool):
        return [f"within must be true or false, got {within!r}"]
    if not (within and isinstance(start, datetime.date) and isinstance(end, datetime.date)):
        return []
    if precision in PRECISIONS and start <= end and _widen(start, start, str(precision)) == (start, end):
        # One day "within" one day says nothing; the flag is for wider spans only.
        return [f"within needs a span wider than one {precision}"]
    return []


# --------------------------------------------------------------------------
# The span itself


class DateSpan:
    """An inclusive span of days, its precision, and the source's words for it. Immutable,
    equal and hashed by its five fields. (Written out, not a frozen dataclass: that would load
    `dataclasses` and generate these methods at every start of every command.)"""

    __slots__ = ("start", "end", "precision", "text", "within")
    start: datetime.date
    end: datetime.date
    precision: str
    text: str
    # One time somewhere in start..end, not all of it; see the module docstring.
    within: bool

    def __init__(
        self, start: datetime.date, end: datetime.date, precision: str, text: str, within: bool = False
    ) -> None:
        for name, value in (
            ("start", start),
            ("end", end),
            ("precision", precision),
            ("text", text),
            ("within", within),
        ):
            object.__setattr__(self, name, value)
        # Checked here too so that no inconsistent span can exist, whatever built it.
        # The year range is not (an anchor may lie anywhere): parse_date and problems check it.
        found = []
        for name in ("start", "end"):
            value = getattr(self, name)
            # datetime is a date subclass, but would serialise with a time part.
            if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
                found.append(f"{name} must be a datetime.date, got {type(value).__name__}")
        if self.precision not in PRECISIONS:
            found.append(f"precision must be one of {_PRECISION_WORDS}, got {self.precision!r}")
        if not isinstance(self.text, str):
            found.append(f"text must be a string, got {type(self.text).__name__}")
        if not found and not _range_problems(start=self.start, end=self.end):
            found = _span_problems(self.start, self.end, self.precision)
            found += _within_problems(self.start, self.end, self.precision, self.within)
        if found:
            raise DateError("invalid date span: " + "; ".join(found))

    def _fields(self) -> tuple[datetime.date, datetime.date, str, str, bool]:
        return (self.start, self.end, self.precision, self.text, self.within)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DateSpan) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"DateSpan(start={self.start!r}, end={self.end!r}, precision={self.precision!r}, "
            f"text={self.text!r}, within={self.within!r})"
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a DateSpan cannot be changed (field {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a DateSpan cannot be changed (field {name!r})")

    def replace(self, **changes: Any) -> DateSpan:
        """A copy with the given fields changed (checked as a new span is)."""
        fields: dict[str, Any] = dict(zip(self.__slots__, self._fields(), strict=True))
        fields.update(changes)
        return DateSpan(**fields)

    def __reduce__(self) -> tuple[type[DateSpan], tuple[datetime.date, datetime.date, str, str, bool]]:
        return (DateSpan, self._fields())

    def to_dict(self) -> dict[str, Any]:
        """The public JSON form, keys in contract order; `within` only when true."""
        out: dict[str, Any] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "text": self.text,
        }
        if self.within:
            out["within"] = True
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateSpan:
        """Build from the JSON form; DateError listing every problem if it is invalid."""
        found = problems(d)
        if found:
            raise DateError("invalid DATE: " + "; ".join(found))
        return cls(
            datetime.date.fromisoformat(d["start"]),
            datetime.date.fromisoformat(d["end"]),
            d["precision"],
            d["text"],
            d.get("within", False),
        )

    def contains(self, other: DateSpan) -> bool:
        """True if every day of `other` lies within this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: DateSpan) -> bool:
        """True if the two spans share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def hull(self, other: DateSpan) -> DateSpan:
        """The smallest span covering both, at the coarser of the two precisions.

        Endpoints are widened to whole units of that precision, so the hull of
        a day and a month is a run of whole months. Texts are kept if equal
        (or one is empty), otherwise joined with an en dash.
        """
        if not isinstance(other, DateSpan):
            raise TypeError(f"hull needs a DateSpan, got {type(other).__name__}")
        precision = max(self.precision, other.precision, key=RANK.__getitem__)
        start, end = _widen(min(self.start, other.start), max(self.end, other.end), precision)
        if not other.text or other.text == self.text:
            text = self.text
        elif not self.text:
            text = other.text
        else:
            text = f"{self.text} – {other.text}"
        return DateSpan(start, end, precision, text)


# --------------------------------------------------------------------------
# The JSON form's checks


def _iso_day(value: object) -> datetime.date | None:
    # fromisoformat alone is too lenient since 3.11 (it takes "20171025").
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def problems(d: object) -> list[str]:
    """Everything wrong with `d` as a DATE object; an empty list means it is valid."""
    if not isinstance(d, dict):
        return [f"a DATE must be an object with keys start, end, precision, text; got {type(d).__name__}"]
    found = [f"missing key {key!r}" for key in _KEYS if key not in d]
    found += [f"unexpected key {key!r}" for key in d if key not in _KEYS + _OPTIONAL_KEYS]
    days: dict[str, datetime.date] = {}
    for key in ("start", "end"):
        if key in d:
            day = _iso_day(d[key])
            if (
                day is None
                and isinstance(d[key], str)
                and _ISO_DAY.fullmatch(d[key])
                and d[key][:4] == "0000"
            ):
                found.append(f"{key} {d[key]} is out of range ({YEARS_READ})")  # no year 0 in the calendar
            elif day is None:
                found.append(f"{key} must be a YYYY-MM-DD date, got {shown(repr(d[key]))}")
            else:
                days[key] = day
    precision = d.get("precision")
    known = isinstance(precision, str) and precision in PRECISIONS
    if "precision" in d and not known:
        found.append(f"precision must be one of {_PRECISION_WORDS}, got {shown(repr(precision))}")
    if "text" in d and not isinstance(d["text"], str):
        found.append(f"text must be a string, got {type(d['text']).__name__}")
    if len(days) == 2:
        found += _span_problems(days["start"], days["end"], precision if known else None)
    else:
        found += _range_problems(**days)
    if "within" in d:
        found += _within_problems(days.get("start"), days.get("end"), precision, d["within"])
    return found


# --------------------------------------------------------------------------
# The DATE's name at its precision

_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def _one_period(start: str, end: str, precision: str) -> str | None:
    """A span that is exactly one unit of its precision, named as that unit, or None."""
    try:
        a = datetime.date.fromisoformat(start)
        b = datetime.date.fromisoformat(end)
    except ValueError:
        return None
    if precision == "quarter" and b.month - a.month == 2 and a.year == b.year:
        return f"{a.year}-Q{(a.month - 1) // 3 + 1}"
    if precision == "half" and b.month - a.month == 5 and a.year == b.year:
        return f"{a.year}-H{1 if a.month == 1 else 2}"
    if (
        precision == "season"
        and a.month in _SEASON_NAMES
        and (b.year * 12 + b.month) - (a.year * 12 + a.month) == 2
    ):
        return f"{_SEASON_NAMES[a.month]} {a.year}" if a.month != 12 else f"winter {a.year}/{str(b.year)[2:]}"
    if precision == "iso_week" and (b - a).days == 6:
        year, week, _ = a.isocalendar()
        return f"{year}-W{week:02d}"
    return None


def date_text(date: dict[str, Any] | None, missing: str = "") -> str:
    """A DATE at its own precision: "2017-10-25", "2017-10", "2017", "2017-Q4",
    "2020-09..2021-05"; days for precisions with no shorter name (part, Hijri month).

    The one name of a date: every command shows it, and the comparison's reasons cite it."""
    if not date:
        return missing
    start, end, precision = date["start"], date["end"], date.get("precision") or "day"
    named = (
        _one_period(start, end, precision) if precision in ("quarter", "half", "season", "iso_week") else None
    )
    if named:
        return named
    cut = {"month": 7, "year": 4}.get(precision, 10)
    a, b = start[:cut], end[:cut]
    if a != b and date.get("within"):
        # One time inside the span, which the source does not say: not all of it.
        return f"a {precision if precision in ('day', 'month', 'year') else 'day'} in {a}..{b}"
    return a if a == b else f"{a}..{b}"
