"""Dates as news claims state them: spans of days with a precision, and a parser.

A DATE is the public JSON object ``{"start", "end", "precision", "text"}``:
an inclusive span of calendar days whose endpoints are whole units of
``precision`` ("day", "month" or "year"), plus the words the source used.
An optional ``"within": true`` says the thing dated happened at one time
inside the span (some Monday between July and December), not throughout it.
"October 2017" is 2017-10-01..2017-10-31 at month precision; no day is
invented for it.

`parse_date` reads ISO dates, English dates (through dateutil) and Arabic
dates in both month systems (Egyptian/Gulf "أكتوبر" and Levantine/Iraqi
"تشرين الأول", often paired), including relative phrases such as
"يوليو الماضي" or "last month", which are resolved against an anchor: the
publication date of the article the phrase came from.

Resolution rules for the ambiguous cases:

* A bare month ("حزيران", "في شهر يونيو", "July") means the next occurrence
  on or after the anchor's month: news mentioning a month without a year
  and without "الماضي" is usually announcing something current or upcoming.
  A day with a bare month ("25 أكتوبر", "October 25") follows the same rule.
* "<month> الماضي/المنصرم" and "last <month>" mean the latest such month
  strictly before the anchor's month; "<month> المقبل/القادم" and
  "next <month>" the first one strictly after it; "<month> الجاري/الحالي"
  and "this <month>" that month in the anchor's year.
* A weekday alone ("الإثنين", "on Monday") is the latest such day on or
  before the anchor; with "الماضي"/"last" strictly before, with
  "المقبل"/"next" strictly after. A weekday before an explicit date is
  ignored: the date wins.
* "حتى الآن" ("so far") is the anchor itself.
* When the anchor is an interval (an undated article known only to a
  range), the phrase is resolved against both ends and the hull returned.
* A phrase resolved differently from the two ends of an interval anchor
  ("الاثنين" in an article known only to Aug-Dec 2021) names one time the
  source does not place: the hull is marked ``within``.
* A leading "في", "خلال", "منذ" (or "in", "on", "during", "since") is
  dropped; a clock time ("02:07 ص") after a date is ignored.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from factcli.errors import DateError

__all__ = ["PRECISIONS", "DateSpan", "parse_date", "problems", "today_span"]

PRECISIONS = ("day", "month", "year")
_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}
_KEYS = ("start", "end", "precision", "text")
_OPTIONAL_KEYS = ("within",)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_HINT = "try 2017-10-25, 'Oct 2017' or 'أكتوبر 2017'"


# --------------------------------------------------------------------------
# The span itself


def _last_of_month(day: datetime.date) -> datetime.date:
    # Pure stdlib on purpose: validating stored DATEs must not pull in dateutil.
    after = day.replace(day=28) + datetime.timedelta(days=4)
    return after - datetime.timedelta(days=after.day)


def _span_problems(start: datetime.date, end: datetime.date, precision: object) -> list[str]:
    """What is wrong with these endpoints; precision is checked only if it is known."""
    found = []
    if start > end:
        found.append(f"start {start.isoformat()} is after end {end.isoformat()}")
    if precision == "month":
        if start.day != 1:
            found.append(f"month precision needs start on the 1st of a month, got {start.isoformat()}")
        if end != _last_of_month(end):
            found.append(f"month precision needs end on the last day of a month, got {end.isoformat()}")
    elif precision == "year":
        if (start.month, start.day) != (1, 1):
            found.append(f"year precision needs start on January 1, got {start.isoformat()}")
        if (end.month, end.day) != (12, 31):
            found.append(f"year precision needs end on December 31, got {end.isoformat()}")
    return found


def _widen(start: datetime.date, end: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    """Stretch endpoints outwards to whole units of `precision`."""
    if precision == "month":
        return start.replace(day=1), _last_of_month(end)
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


@dataclass(frozen=True)
class DateSpan:
    """An inclusive span of days, its precision, and the source's words for it."""

    start: datetime.date
    end: datetime.date
    precision: str
    text: str
    # One time somewhere in start..end, not all of it; see the module docstring.
    within: bool = False

    def __post_init__(self) -> None:
        # Checked here too so that no inconsistent span can exist, whatever built it.
        found = []
        for name in ("start", "end"):
            value = getattr(self, name)
            # datetime is a date subclass, but would serialise with a time part.
            if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
                found.append(f"{name} must be a datetime.date, got {type(value).__name__}")
        if self.precision not in PRECISIONS:
            found.append(f"precision must be one of day, month, year, got {self.precision!r}")
        if not isinstance(self.text, str):
            found.append(f"text must be a string, got {type(self.text).__name__}")
        if not found:
            found = _span_problems(self.start, self.end, self.precision)
            found += _within_problems(self.start, self.end, self.precision, self.within)
        if found:
            raise DateError("invalid date span: " + "; ".join(found))

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
    def from_dict(cls, d: dict) -> DateSpan:
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
        precision = max(self.precision, other.precision, key=_RANK.__getitem__)
        start, end = _widen(min(self.start, other.start), max(self.end, other.end), precision)
        if not other.text or other.text == self.text:
            text = self.text
        elif not self.text:
            text = other.text
        else:
            text = f"{self.text} – {other.text}"
        return DateSpan(start, end, precision, text)


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
            if day is None:
                found.append(f"{key} must be a YYYY-MM-DD date, got {d[key]!r}")
            else:
                days[key] = day
    precision = d.get("precision")
    if "precision" in d and precision not in PRECISIONS:
        found.append(f"precision must be one of day, month, year, got {precision!r}")
    if "text" in d and not isinstance(d["text"], str):
        found.append(f"text must be a string, got {type(d['text']).__name__}")
    if len(days) == 2:
        found += _span_problems(days["start"], days["end"], precision if precision in PRECISIONS else None)
    if "within" in d:
        found += _within_problems(days.get("start"), days.get("end"), precision, d["within"])
    return found


def today_span() -> DateSpan:
    """Today as a one-day span: the anchor when none is given."""
    today = datetime.date.today()
    return DateSpan(today, today, "day", "today")


# --------------------------------------------------------------------------
# Building blocks for resolution

# A resolver turns one reference day (an end of the anchor) into a span.
_Resolver = Callable[[datetime.date], DateSpan]


def _shown(text: str) -> str:
    """The input as quoted in an error: one line, not absurdly long."""
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:77] + "..."


def _cannot_read(text: str, why: str = "") -> DateError:
    reason = f" ({why})" if why else ""
    return DateError(f"cannot read date: '{_shown(text)}'{reason}; {_HINT}")


def _day_span(day: datetime.date) -> DateSpan:
    return DateSpan(day, day, "day", "")


def _month_span(year: int, month: int) -> DateSpan:
    first = datetime.date(year, month, 1)
    return DateSpan(first, _last_of_month(first), "month", "")


def _year_span(year: int) -> DateSpan:
    return DateSpan(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", "")


def _make_day(year: int, month: int, day: int, text: str) -> DateSpan:
    try:
        return _day_span(datetime.date(year, month, day))
    except ValueError:
        raise DateError(f"no such date: day {day} of {year:04d}-{month:02d} in '{_shown(text)}'") from None


def _constant(span: DateSpan) -> _Resolver:
    return lambda ref: span


def _named_month(month: int, rule: str, day: int | None, text: str, year: int | None = None) -> _Resolver:
    """A month (optionally with a day) placed by `rule`: see the module docstring."""

    def resolve(ref: datetime.date) -> DateSpan:
        from dateutil.relativedelta import relativedelta

        if year is not None:
            first = datetime.date(year, month, 1)
        else:
            # Start from that month in the anchor's year, then step a year if the rule says so.
            first = ref.replace(day=1) + relativedelta(month=month)
            if rule == "past" and month >= ref.month:
                first -= relativedelta(years=1)
            elif (rule == "next" and month <= ref.month) or (rule == "bare" and month < ref.month):
                first += relativedelta(years=1)
        if day is None:
            return _month_span(first.year, first.month)
        return _make_day(first.year, first.month, day, text)

    return resolve


def _relative_unit(unit: str, step: int) -> _Resolver:
    """This/last/next day, month or year relative to the reference day."""

    def resolve(ref: datetime.date) -> DateSpan:
        from dateutil.relativedelta import relativedelta

        if unit == "day":
            return _day_span(ref + datetime.timedelta(days=step))
        if unit == "month":
            first = ref.replace(day=1) + relativedelta(months=step)
            return _month_span(first.year, first.month)
        return _year_span(ref.year + step)

    return resolve


def _weekday(weekday: int, rule: str) -> _Resolver:
    """A named weekday: on-or-before the reference ("on"), strictly before ("past") or after ("next")."""

    def resolve(ref: datetime.date) -> DateSpan:
        if rule == "next":
            ahead = (weekday - ref.weekday()) % 7 or 7
            return _day_span(ref + datetime.timedelta(days=ahead))
        back = (ref.weekday() - weekday) % 7
        if rule == "past" and back == 0:
            back = 7
        return _day_span(ref - datetime.timedelta(days=back))

    return resolve


# --------------------------------------------------------------------------
# Normalisation

_DIGITS = {0x0660 + i: str(i) for i in range(10)} | {0x06F0 + i: str(i) for i in range(10)}
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", **_DIGITS})
# Harakat and other combining marks (U+064B-U+065F), dagger alef, tatweel.
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_QUOTES = re.compile(r"[«»\"“”„'‘’‹›()\[\]{}]")


def _normalize(text: str) -> str:
    """Fold spelling variation away: one form per letter, ASCII digits, lower case, single spaces."""
    # NFKC first: it turns Arabic presentation forms and fullwidth digits into plain ones.
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = _MARKS.sub("", text).translate(_FOLD)
    text = _QUOTES.sub(" ", text)
    return " ".join(text.lower().split())


_LEAD = re.compile(r"^(?:(?:في|خلال|منذ|in|on|during|since)\s+)+")
_ISO = re.compile(r"([0-9]{4})(?:([-/])([0-9]{1,2})(?:\2([0-9]{1,2}))?)?")


# --------------------------------------------------------------------------
# English

_EN_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_EN_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_EN_STEP = {"last": -1, "this": 0, "next": 1}
_EN_RULE = {"last": "past", "this": "current", "next": "next"}
_EN_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}


def _english_relative(norm: str, text: str) -> _Resolver | None:
    words = norm.replace(".", "").split()
    if len(words) == 1:
        (word,) = words
        if word in _EN_DAYS:
            return _relative_unit("day", _EN_DAYS[word])
        if word in _EN_WEEKDAYS:
            return _weekday(_EN_WEEKDAYS[word], "on")
        if word in _EN_MONTHS:
            return _named_month(_EN_MONTHS[word], "bare", None, text)
    elif len(words) == 2 and words[0] in _EN_STEP:
        which, what = words
        if what in ("month", "year"):
            return _relative_unit(what, _EN_STEP[which])
        if what in _EN_MONTHS:
            return _named_month(_EN_MONTHS[what], _EN_RULE[which], None, text)
        if what in _EN_WEEKDAYS and which != "this":
            return _weekday(_EN_WEEKDAYS[what], _EN_RULE[which])
    return None


def _english_absolute(norm: str, text: str) -> _Resolver:
    """Dates with an English month name, read by dateutil."""
    from dateutil import parser

    # Parse twice with defaults differing in every field: a field the text
    # supplied comes out the same both times, so "Oct 2017" is seen to have
    # no day instead of silently getting the default one.
    try:
        one = parser.parse(norm, default=datetime.datetime(2000, 1, 1))
        two = parser.parse(norm, default=datetime.datetime(2004, 2, 2))
    except (ValueError, OverflowError):
        raise _cannot_read(text) from None
    has_year, has_month, has_day = one.year == two.year, one.month == two.month, one.day == two.day
    if not has_month:
        raise _cannot_read(text)
    if has_year and not re.search(r"(?<![0-9])[0-9]{4}(?![0-9])", norm):
        # dateutil would guess the century of "Oct 17"; a fact tool should not.
        raise _cannot_read(text, "give the year in four digits")
    day = one.day if has_day else None
    if has_year:
        return _constant(
            _make_day(one.year, one.month, day, text) if day else _month_span(one.year, one.month)
        )
    return _named_month(one.month, "bare", day, text)


# --------------------------------------------------------------------------
# Arabic

_AR_MONTH_NAMES = [
    ("يناير", "كانون الثاني", "كانون ثاني", "جانفي"),
    ("فبراير", "شباط", "فيفري"),
    ("مارس", "آذار"),
    ("أبريل", "إبريل", "ابريل", "نيسان", "أفريل"),
    ("مايو", "أيار", "ماي"),
    ("يونيو", "يونيه", "يونية", "حزيران", "جوان"),
    ("يوليو", "يوليه", "يولية", "تموز", "جويلية"),
    ("أغسطس", "اغسطس", "آب", "أوت"),
    ("سبتمبر", "أيلول"),
    ("أكتوبر", "اكتوبر", "تشرين الأول", "تشرين أول"),
    ("نوفمبر", "تشرين الثاني", "تشرين ثاني"),
    ("ديسمبر", "كانون الأول", "كانون أول"),
]
# Keys go through the same folding as the input, so spelling variants of a
# variant (hamza or not) need not be listed.
_AR_MONTHS = {
    _normalize(name): number for number, names in enumerate(_AR_MONTH_NAMES, start=1) for name in names
}
_AR_WEEKDAYS = {
    _normalize(name): number
    for number, name in enumerate(["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"])
}
_AR_WEEKDAYS[_normalize("الاثنين")] = 0
_AR_RULES = {
    **dict.fromkeys(["الماضي", "المنصرم", "الفائت"], "past"),
    **dict.fromkeys(["المقبل", "القادم"], "next"),
    **dict.fromkeys(["الجاري", "الحالي"], "current"),
}
# Feminine agreement ("السنة الماضية", "الجمعة المقبلة") folds to a trailing ه.
_AR_RULES |= {word + "ه": rule for word, rule in list(_AR_RULES.items())}
_AR_STEP = {"past": -1, "current": 0, "next": 1}
_AR_UNITS = {"الشهر": "month", "العام": "year", "عام": "year", "السنه": "year"}
_AR_THIS = {"هذا", "هذه"}
_AR_DAYS = {_normalize(word): step for word, step in {"اليوم": 0, "أمس": -1, "البارحة": -1, "غداً": 1}.items()}
_AR_SO_FAR = _normalize("حتى الآن")
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه"}
_ERA_WORDS = {"م", "ميلادي", "ميلاديه"}

# A clock time with optional AM/PM (ص/م) is noise after a dateline.
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*(?:ص|م|صباحا|مساء|am|pm)(?![^\W\d_]))?")
_PUNCT = re.compile(r"[/\\\-–—,،؛;.!?؟:…]")
# Digits glued to letters ("18حزيران") are split apart.
_GLUE = re.compile(r"(?<=[0-9])(?=[^\W\d_])|(?<=[^\W\d_])(?=[0-9])")
_NUM = re.compile(r"[0-9]+")


def _arabic_tokens(words: list[str], text: str) -> list[tuple[str, object]]:
    """Classify words as month / weekday / rule / num / word, merging paired month names."""
    items: list[tuple[str, object]] = []
    i = 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if i + 1 < len(words) and pair in _AR_MONTHS:
            kind, value, i = "month", _AR_MONTHS[pair], i + 2
        else:
            word = words[i]
            i += 1
            if word in _AR_MONTHS:
                kind, value = "month", _AR_MONTHS[word]
            elif word in _AR_WEEKDAYS:
                kind, value = "weekday", _AR_WEEKDAYS[word]
            elif word in _AR_RULES:
                kind, value = "rule", _AR_RULES[word]
            elif _NUM.fullmatch(word):
                kind, value = "num", word
            else:
                kind, value = "word", word
        if kind == "month" and items and items[-1][0] == "month":
            # "أكتوبر/تشرين الأول": both systems name one month; they must agree.
            if items[-1][1] != value:
                raise _cannot_read(text, "it names two different months")
            continue
        items.append((kind, value))
    return items


def _drop_fillers(items: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Remove words that only announce what follows: يوم, شهر, عام 2019, من عام, 2019م."""
    kept: list[tuple[str, object]] = []
    for index, (kind, value) in enumerate(items):
        after = items[index + 1] if index + 1 < len(items) else ("", None)
        before = kept[-1] if kept else ("", None)
        if kind == "word":
            if value == "يوم" and after[0] == "weekday":
                continue
            if value == "شهر" and after[0] == "month":
                continue
            if value in _YEAR_WORDS and after[0] == "num" and len(str(after[1])) == 4:
                continue
            if value == "من" and after[0] == "word" and after[1] in _YEAR_WORDS:
                continue
            if value in _ERA_WORDS and before[0] == "num" and len(str(before[1])) == 4:
                continue
        kept.append((kind, value))
    return kept


def _arabic(norm: str, text: str) -> _Resolver | None:
    """Arabic forms; None stands for "the anchor itself" (حتى الآن)."""
    spaced = _GLUE.sub(" ", _PUNCT.sub(" ", _TIME.sub(" ", norm)))
    spaced = _LEAD.sub("", " ".join(spaced.split()))
    words = spaced.split()
    phrase = " ".join(words)

    if phrase == _AR_SO_FAR:
        return None
    if phrase in _AR_DAYS:
        return _relative_unit("day", _AR_DAYS[phrase])
    if len(words) == 2:
        first, second = words
        if first in _AR_THIS and second in _AR_UNITS:
            return _relative_unit(_AR_UNITS[second], 0)
        if first in _AR_UNITS and second in _AR_RULES:
            return _relative_unit(_AR_UNITS[first], _AR_STEP[_AR_RULES[second]])

    items = _drop_fillers(_arabic_tokens(words, text))
    kinds = [kind for kind, _ in items]

    if kinds and kinds[0] == "weekday":
        if kinds == ["weekday"]:
            return _weekday(int(items[0][1]), "on")
        if kinds == ["weekday", "rule"] and items[1][1] != "current":
            return _weekday(int(items[0][1]), str(items[1][1]))
        # A weekday before an explicit date only restates it: the date wins.
        items, kinds = items[1:], kinds[1:]

    if kinds == ["num"] and len(str(items[0][1])) == 4:
        return _constant(_year_span(int(items[0][1])))

    day = None
    if kinds[:2] == ["num", "month"] and len(str(items[0][1])) <= 2:
        day = int(items[0][1])
        items, kinds = items[1:], kinds[1:]
    if not kinds or kinds[0] != "month":
        raise _cannot_read(text)
    month = int(items[0][1])
    tail = items[1:]
    if not tail:
        return _named_month(month, "bare", day, text)
    if len(tail) == 1 and tail[0][0] == "rule":
        return _named_month(month, str(tail[0][1]), day, text)
    if len(tail) == 1 and tail[0][0] == "num" and len(str(tail[0][1])) == 4:
        return _named_month(month, "fixed", day, text, year=int(tail[0][1]))
    raise _cannot_read(text)


# --------------------------------------------------------------------------
# Entry point

_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def _iso(norm: str, text: str) -> DateSpan | None:
    match = _ISO.fullmatch(norm)
    if not match:
        return None
    year, _, month, day = match.groups()
    if month is None:
        return _year_span(int(year))
    if not 1 <= int(month) <= 12:
        raise DateError(f"no such month: {int(month)} in '{_shown(text)}'")
    if day is None:
        return _month_span(int(year), int(month))
    return _make_day(int(year), int(month), int(day), text)


def _interpret(text: str) -> _Resolver | None:
    """Turn the words into a resolver; None means "the anchor itself"."""
    norm = _LEAD.sub("", _normalize(text))
    if not norm:
        raise _cannot_read(text)
    iso = _iso(norm, text)
    if iso is not None:
        return _constant(iso)
    relative = _english_relative(norm, text)
    if relative is not None:
        return relative
    if _ARABIC_LETTER.search(norm):
        return _arabic(norm, text)
    if any(word in _EN_MONTHS for word in re.findall(r"[a-z]+", norm)):
        return _english_absolute(norm, text)
    raise _cannot_read(text)


def _as_anchor(anchor: DateSpan | datetime.date | None) -> DateSpan:
    if anchor is None:
        return today_span()
    if isinstance(anchor, DateSpan):
        return anchor
    if isinstance(anchor, datetime.datetime):
        return _day_span(anchor.date())
    if isinstance(anchor, datetime.date):
        return _day_span(anchor)
    raise TypeError(f"anchor must be a DateSpan, a date or None, got {type(anchor).__name__}")


def parse_date(text: str, anchor: DateSpan | datetime.date | None = None) -> DateSpan:
    """Read a date expression; relative ones are resolved against `anchor` (default: today).

    The result's `text` is the input stripped of surrounding whitespace.
    Raises DateError with a one-line message if the words cannot be read.
    """
    if not isinstance(text, str):
        raise DateError(f"a date must be text, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise DateError(f"empty date; {_HINT}")
    base = _as_anchor(anchor)
    resolve = _interpret(stripped)
    try:
        if resolve is None:
            span = base
        else:
            span = resolve(base.start)
            if base.end != base.start:
                # An interval anchor: the phrase could be relative to any day in it.
                other = resolve(base.end)
                if (other.start, other.end) != (span.start, span.end):
                    span = replace(span.hull(other), within=True)
    except (ValueError, OverflowError):
        # e.g. "next year" from 9999; date() refuses, which is the user's problem.
        raise DateError(f"date out of range: '{_shown(stripped)}'") from None
    return replace(span, text=stripped)
