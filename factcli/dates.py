"""The date parser: the words news claims date things with, read into DateSpans.

The DATE object, its type `DateSpan` and their checks are `factcli.datespan`'s;
this module reads words into DateSpans. "October 2017" is 2017-10-01..2017-10-31
at month precision; no day is invented for it.

Years 1000 to 2999 are read (`datespan.MIN_YEAR`, `datespan.MAX_YEAR`); Hijri
dates are read within the Umm al-Qura table, 1343-1500 AH (1924-08-01 to
2077-11-16). Anything outside is a one-line DateError, never a crash.

`parse_date` reads the ways Arabic and English news write a date; relative
phrases are resolved against an anchor, the publication date of the article
they came from. Text is folded with `normalize.normalize` first, so every
spelling the search side accepts (hamza seats, Persian ی/ک, Arabic-Indic
digits, diacritics, tatweel) is accepted here too. The resolution rules:

* A bare month ("حزيران", "July", "25 أكتوبر") is the next occurrence on or
  after the anchor's month; "<month> الماضي"/"last <month>" the latest one
  strictly before it; "المقبل"/"next" the first strictly after; "الجاري"/
  "this" the one in the anchor's year. Hijri months follow the same rules in
  the Hijri calendar. Bare seasons, quarters and halves ("الصيف", "الربع
  الأول") are those of the anchor's year, a bare season the one in
  progress or else the next, "هذا الصيف"/"الصيف الجاري" the one in progress or
  else the nearer of the last and the next; "الصيف الماضي" is the latest one
  over before the anchor, "الصيف المقبل" the first to begin after it.
* A weekday alone is the latest such day on or before the anchor; with
  "الماضي"/"last" strictly before, "المقبل"/"next" strictly after. A
  weekday beside a date ("غدا الخميس", "الأربعاء 25 أكتوبر 2017") must be
  that date's weekday, else the phrase is refused.
* "N units ago" ("منذ 3 أيام", "قبل أسبوعين", "قبل عشرين عاما", "two years ago") is the day,
  ISO week, month or year N units before the anchor's; "بعد N ..."/"in N ..."
  N after; N may be written in words up to 99, or مئة. أمس، أول أمس، غدا، بعد غد
  are days -1, -2, +1, +2; a night is the day it began on ("الليلة الماضية" is
  yesterday). "حتى الآن"/"حتى اليوم" is the anchor itself.
* Numeric dates are day first (25/10/2017, 25.10.2017, 25-10-2017) unless
  they start with the year (2017-10-25). A numeric date whose year lies in
  1343-1500, or that is marked هـ, is Hijri; one marked م is Gregorian. A
  year alone is Gregorian (a Hijri year alone is refused: it spans parts of
  two Gregorian years and has no precision of its own).
* Two dates in one dateline ("5 صفر 1439هـ - 25 أكتوبر 2017م") must agree:
  the narrower is kept when one contains the other, else it is refused.
* Clock times, time zones and time-of-day words ("10:30 GMT", "الساعة
  10:30", "02:07 ص", "مساء الثلاثاء") are read and left out of the span.
  Filler words (يوم، في، الـ، من، خلال، شهر، عام before a year; "on", "in",
  "of", "the") are skipped. A day may be an ordinal word ("العاشر من أكتوبر",
  "الخامس والعشرين", "غرة رمضان" for the 1st), and a day of a month may name the
  month by a rule ("15 من الشهر الجاري").
* When the anchor is an interval, the phrase is resolved against both ends
  and the hull returned.
  When the two ends give different spans ("الاثنين" in an article known
  only to Aug-Dec 2021), the phrase names one time the source does not
  place: the hull is marked ``within``.

A phrase that names a length but no date ("يومين", "two years") is refused.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any

from factcli.datespan import (
    GRIDS,
    HIJRI_RANGE,
    MAX_YEAR,
    MIN_YEAR,
    RANK,
    YEARS_READ,
    DateSpan,
    grid_end,
    hijri_bounds,
    last_of_month,
    months_before,
    shown,
)
from factcli.errors import DateError
from factcli.normalize import normalize

__all__ = ["parse_date", "today_span"]

_HINT = "try 2017-10-25, 'Oct 2017' or 'أكتوبر 2017'"
# The longest date phrase read. News dates run to some forty characters ("الإثنين 20
# نوفمبر/تشرين الثاني 2017"); the grammar's cost grows faster than the text, so a pasted
# paragraph is refused at once instead of taking seconds to say it is no date.
MAX_DATE_CHARS = 200


def today_span() -> DateSpan:
    """Today as a one-day span: the anchor when none is given."""
    today = datetime.date.today()
    return DateSpan(today, today, "day", "today")


# --------------------------------------------------------------------------
# Building blocks for resolution

# A resolver turns one reference day (an end of the anchor) into a span.
_Resolver = Callable[[datetime.date], DateSpan]


def _cannot_read(text: str, why: str = "") -> DateError:
    reason = f" ({why})" if why else ""
    return DateError(f"cannot read date: '{shown(text)}'{reason}; {_HINT}")


def _check_year(year: int, text: str) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        if not text:
            raise ValueError(year)  # reached by arithmetic: parse_date names the whole phrase
        raise DateError(f"date out of range: year {year} in '{shown(text)}' ({YEARS_READ})")


def _day_span(day: datetime.date) -> DateSpan:
    return DateSpan(day, day, "day", "")


def _days(start: datetime.date, end: datetime.date, precision: str) -> DateSpan:
    return DateSpan(start, end, precision, "")


def _month_span(year: int, month: int, text: str = "") -> DateSpan:
    _check_year(year, text)
    first = datetime.date(year, month, 1)
    return DateSpan(first, last_of_month(first), "month", "")


def _year_span(year: int, text: str = "") -> DateSpan:
    _check_year(year, text)
    return DateSpan(datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year", "")


def _make_day(year: int, month: int, day: int, text: str) -> DateSpan:
    _check_year(year, text)
    if not 1 <= month <= 12:
        raise DateError(f"no such month: {month} in '{shown(text)}'")
    try:
        return _day_span(datetime.date(year, month, day))
    except ValueError:
        raise DateError(f"no such date: day {day} of {year:04d}-{month:02d} in '{shown(text)}'") from None


def _constant(span: DateSpan) -> _Resolver:
    return lambda ref: span


def _named_month(month: int, rule: str, day: int | None, text: str) -> _Resolver:
    """A month (optionally with a day) placed by `rule`: see the module docstring."""

    def resolve(ref: datetime.date) -> DateSpan:
        year = ref.year
        if rule == "past" and month >= ref.month:
            year -= 1
        elif (rule == "next" and month <= ref.month) or (rule == "bare" and month < ref.month):
            year += 1
        if day is None:
            return _month_span(year, month, text)
        return _make_day(year, month, day, text)

    return resolve


def _in_year(year_of: _Resolver, month: int, day: int | None, text: str) -> _Resolver:
    """A month (and day) in the year another phrase names: "أكتوبر من العام الماضي"."""

    def resolve(ref: datetime.date) -> DateSpan:
        year = year_of(ref).start.year
        return _month_span(year, month, text) if day is None else _make_day(year, month, day, text)

    return resolve


def _step(unit: str, step: int) -> _Resolver:
    """The day, ISO week, month or year `step` units after the reference day's."""

    def resolve(ref: datetime.date) -> DateSpan:
        if unit == "day":
            return _day_span(ref + datetime.timedelta(days=step))
        if unit == "week":
            monday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(weeks=step)
            return _days(monday, monday + datetime.timedelta(days=6), "iso_week")
        if unit == "month":
            first = months_before(ref, -step)
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


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _on_weekday(inner: _Resolver, weekday: int, text: str) -> _Resolver:
    """The date must fall on the weekday the phrase also names."""

    def resolve(ref: datetime.date) -> DateSpan:
        span = inner(ref)
        if span.start != span.end:
            raise _cannot_read(text, "a weekday with a period longer than a day")
        if span.start.weekday() != weekday:
            raise DateError(
                f"date and weekday disagree in '{shown(text)}': {span.start.isoformat()} is a "
                f"{_WEEKDAY_NAMES[span.start.weekday()]}, not a {_WEEKDAY_NAMES[weekday]}"
            )
        return span

    return resolve


def _part(inner: _Resolver, which: str, text: str) -> _Resolver:
    """Early/middle/late third of the month or year `inner` names; see the module docstring."""
    index = ("early", "mid", "late").index(which)

    def resolve(ref: datetime.date) -> DateSpan:
        span = inner(ref)
        if span.precision == "month":
            first = span.start.replace(day=1 + 10 * index)
            last = span.end if index == 2 else first + datetime.timedelta(days=9)
        elif span.precision == "year":
            first = span.start.replace(month=1 + 4 * index)
            last = last_of_month(first.replace(month=first.month + 3))
        else:
            raise _cannot_read(text, "early, middle and late are read for a month or a year")
        return _days(first, last, "part")

    return resolve


def _period_of_year(inner: _Resolver, precision: str, number: int, text: str) -> _Resolver:
    """Quarter or half `number` of the year `inner` names."""

    def resolve(ref: datetime.date) -> DateSpan:
        span = inner(ref)
        if span.precision != "year":
            raise _cannot_read(text, f"a {precision} is read of a year")
        first = span.start.replace(month=GRIDS[precision][number - 1])
        return _days(first, grid_end(first, precision), precision)

    return resolve


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _season_of(season: str, year: int, text: str) -> DateSpan:
    # A winter is named by the year of its January: winter 2018 is Dec 2017 - Feb 2018.
    start_year = year - 1 if season == "winter" else year
    _check_year(start_year, text)
    first = datetime.date(start_year, _SEASON_START[season], 1)
    return _days(first, grid_end(first, "season"), "season")


def _season(season: str, rule: str, text: str, year_of: _Resolver | None = None) -> _Resolver:
    def resolve(ref: datetime.date) -> DateSpan:
        if year_of is not None:
            return _season_of(season, year_of(ref).start.year, text)
        year = ref.year + (1 if season == "winter" and ref.month == 12 else 0)
        span = _season_of(season, year, text)
        if rule == "past":
            while span.end >= ref:
                span = _season_of(season, span.end.year - 1, text)
        elif rule == "next":
            while span.start <= ref:
                span = _season_of(season, span.end.year + 1, text)
        elif span.end < ref:
            after = _season_of(season, span.end.year + 1, text)
            # "هذا الصيف" in October is the summer just over; a bare "الصيف" the next one.
            if rule == "bare" or (after.start - ref) < (ref - span.end):
                span = after
        return span

    return resolve


# --------------------------------------------------------------------------
# Hijri dates (Umm al-Qura, through hijridate; imported only when a Hijri date is read)


def _hijri_day(year: int, month: int, day: int, text: str) -> datetime.date:
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
    except OverflowError:
        raise DateError(f"Hijri date out of range in '{shown(text)}': {HIJRI_RANGE} are read") from None
    except ValueError as error:
        raise DateError(f"no such Hijri date in '{shown(text)}': {error}") from None
    return datetime.date(g.year, g.month, g.day)


def _hijri_span(year: int, month: int, day: int | None, text: str) -> DateSpan:
    if day is not None:
        return _day_span(_hijri_day(year, month, day, text))
    first = _hijri_day(year, month, 1, text)
    return _days(first, hijri_bounds(first)[1], "hijri_month")


def _hijri_month(month: int, rule: str, day: int | None, text: str, year: int | None = None) -> _Resolver:
    """A Hijri month (and day), placed like a Gregorian one but in the Hijri calendar."""

    def resolve(ref: datetime.date) -> DateSpan:
        if year is not None:
            return _hijri_span(year, month, day, text)
        from hijridate import Gregorian

        try:
            now = Gregorian(ref.year, ref.month, ref.day).to_hijri()
        except OverflowError:
            raise DateError(
                f"the anchor {ref.isoformat()} is outside the Hijri dates read, {HIJRI_RANGE}"
            ) from None
        hyear = now.year
        if rule == "past" and month >= now.month:
            hyear -= 1
        elif (rule == "next" and month <= now.month) or (rule == "bare" and month < now.month):
            hyear += 1
        return _hijri_span(hyear, month, day, text)

    return resolve


# --------------------------------------------------------------------------
# Lexing: structures read from the raw text, then words through normalize()

# Zone offsets after the time: attached ("10:30Z", "10:30+03:00") or, with all four digits,
# spaced as e-mail and RSS dates write them ("10:30:00 +0300", RFC 2822). A spaced offset
# needs its sign and four digits, so a year after the time is not taken for one.
_TIME_RE = (
    r"(?<![\d:])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?(?![\d:])"
    r"(?:\s+[+\-−]\d{2}:?\d{2}(?![\d:])|[+\-−]\d{2}(?::?\d{2})?|[zZ](?![^\W\d_]))?"
)
_STRUCTURE = re.compile(
    r"(?P<zone>(?i:gmt|utc)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)"
    rf"|(?P<time>{_TIME_RE})"
    r"|(?P<ndate>(?<![\d/.\-])(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,4})(?:(?P=sep)(?P<c>\d{1,4}))?(?![\d]|[/.\-]\d))"
    r"|(?P<cut>\s[-–—]\s|[–—|()\[\]])"
)
# ISO datetimes: "2017-10-25T10:30:00Z" is a date and a time.
_ISO_T = re.compile(r"(?<=\d)T(?=\d{1,2}:\d{2})")

# A classified word: its kind, and a value whose type the kind decides (a month number for
# "month", the digit groups for "numeric", a rule name for "rule", ...).
Token = tuple[str, Any]


def _digits(raw: str) -> str:
    return normalize(raw)  # every decimal digit becomes ASCII, as in the rest of factcli


def _lex(text: str) -> list[Token]:
    text = _ISO_T.sub(" ", unicodedata.normalize("NFKC", text))
    tokens: list[Token] = []
    at = 0
    for match in _STRUCTURE.finditer(text):
        tokens += [("word", w) for w in normalize(text[at : match.start()]).split()]
        at = match.end()
        if match["zone"]:
            tokens.append(("zone", None))
        elif match["time"]:
            hour, minute = int(_digits(match["hour"])), int(_digits(match["minute"]))
            second = int(_digits(match["second"])) if match["second"] else 0
            if hour > 24 or minute > 59 or second > 59 or (hour == 24 and minute + second):
                raise DateError(f"no such time: {match['time'].strip()}")
            tokens.append(("time", None))
        elif match["ndate"]:
            parts = tuple(_digits(p) for p in (match["a"], match["b"], match["c"]) if p)
            tokens.append(("ndate", parts))
        else:
            tokens.append(("cut", None))
    tokens += [("word", w) for w in normalize(text[at:]).split()]
    return tokens


# --------------------------------------------------------------------------
# The vocabulary: every entry folded by normalize(), so any spelling of a key matches


def _table(kind: str, entries: Mapping[str, object]) -> dict[str, Token]:
    return {normalize(name): (kind, value) for name, value in entries.items()}


def _numbered(groups: list[tuple[str, ...]], start: int = 1) -> dict[str, int]:
    return {name: number for number, names in enumerate(groups, start=start) for name in names}


_MONTHS = _numbered(
    [
        ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "january", "jan"),
        ("فبراير", "شباط", "فيفري", "فبرير", "february", "feb"),
        ("مارس", "آذار", "march", "mar"),
        ("أبريل", "إبريل", "نيسان", "أفريل", "april", "apr"),
        ("مايو", "أيار", "ماي", "may"),
        ("يونيو", "يونيه", "يونية", "حزيران", "جوان", "june", "jun"),
        ("يوليو", "يوليه", "يولية", "يوليوز", "تموز", "جويلية", "july", "jul"),
        ("أغسطس", "آب", "أوت", "غشت", "august", "aug"),
        ("سبتمبر", "أيلول", "شتنبر", "september", "sep", "sept"),
        ("أكتوبر", "تشرين الأول", "تشرين أول", "october", "oct"),
        ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر", "november", "nov"),
        ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر", "december", "dec"),
    ]
)
_HIJRI_MONTHS = _numbered(
    [
        ("محرم", "محرم الحرام", "المحرم"),
        ("صفر", "صفر الخير"),
        ("ربيع الأول", "ربيع أول"),
        ("ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع آخر"),
        ("جمادى الأولى", "جمادى الأول", "جمادى أولى"),
        ("جمادى الثانية", "جمادى الآخرة", "جمادى الآخر", "جمادى الثاني", "جمادى ثانية"),
        ("رجب", "رجب المرجب"),
        ("شعبان", "شعبان المعظم"),
        ("رمضان", "رمضان المبارك", "رمضان الكريم", "رمضان المعظم", "رمضان الفضيل"),
        ("شوال",),
        ("ذو القعدة", "ذي القعدة"),
        ("ذو الحجة", "ذي الحجة"),
    ]
)
_WEEKDAYS = _numbered(
    [
        ("الإثنين", "الاثنين", "monday", "mon"),
        ("الثلاثاء", "tuesday", "tue", "tues"),
        ("الأربعاء", "wednesday", "wed"),
        ("الخميس", "thursday", "thu", "thurs"),
        ("الجمعة", "friday", "fri"),
        ("السبت", "saturday", "sat"),
        ("الأحد", "sunday", "sun"),
    ],
    start=0,
)
_RULE_WORDS = {
    "past": ("الماضي", "المنصرم", "الفائت", "السابق"),
    "next": ("المقبل", "القادم"),
    "current": ("الجاري", "الحالي"),
}
# Feminine agreement ("السنة الماضية", "الجمعة المقبلة") is the same word with ة.
_RULES = {f"{w}{end}": rule for rule, words in _RULE_WORDS.items() for w in words for end in ("", "ة")}
_EN_RULES = {"last": "past", "previous": "past", "next": "next", "coming": "next", "this": "current"}
_UNITS = {
    **dict.fromkeys(["اليوم", "day"], "day"),
    **dict.fromkeys(["الأسبوع", "أسبوع", "week"], "week"),
    **dict.fromkeys(["الشهر", "month"], "month"),
    **dict.fromkeys(["العام", "عام", "السنة", "year"], "year"),
}
# (unit, count) for the words a count is made of: singular (count 1), dual, plural and the
# accusative singular used after 11 and up ("15 يوما"); a number before them sets the count.
_COUNT_WORDS = {
    "day": (("يوم", "day"), ("يومين", "يومان"), ("أيام", "days"), ("يوما",)),
    "week": (("أسبوع", "week"), ("أسبوعين", "أسبوعان"), ("أسابيع", "weeks"), ("أسبوعا",)),
    "month": (("شهر", "month"), ("شهرين", "شهران"), ("أشهر", "شهور", "months"), ("شهرا",)),
    "year": (
        ("عام", "سنة", "year"),
        ("عامين", "عامان", "سنتين", "سنتان"),
        ("أعوام", "سنوات", "سنين", "years"),
        ("عاما",),
    ),
}
_COUNTS = {
    name: (unit, (1, 2, None, None)[form])
    for unit, forms in _COUNT_WORDS.items()
    for form, names in enumerate(forms)
    for name in names
}
_UNIT_NUMBERS = [
    ("واحد", "one", "a", "an"),
    ("اثنين", "اثنان", "two"),
    ("ثلاثة", "ثلاث", "three"),
    ("أربعة", "أربع", "four"),
    ("خمسة", "خمس", "five"),
    ("ستة", "ست", "six"),
    ("سبعة", "سبع", "seven"),
    ("ثمانية", "ثماني", "ثمان", "eight"),
    ("تسعة", "تسع", "nine"),
]
_TENS = [("عشرون", "عشرين"), ("ثلاثون", "ثلاثين"), ("أربعون", "أربعين"), ("خمسون", "خمسين"), ("ستون", "ستين"),
         ("سبعون", "سبعين"), ("ثمانون", "ثمانين"), ("تسعون", "تسعين")]  # fmt: skip


def _number_words() -> dict[str, int]:
    """Counts written in words, 1 to 99 and 100: "ثلاثة"، "أحد عشر"، "خمسة عشر"، "عشرين"،
    "خمسة وعشرين" (in either gender and case), "مئة"; English to twelve."""
    words = _numbered([*_UNIT_NUMBERS, ("عشرة", "عشر", "ten"), ("eleven",), ("twelve",)])
    words.update(dict.fromkeys(["أحد عشر", "إحدى عشرة", "إحدى عشر", "حادي عشر"], 11))
    words.update(dict.fromkeys(["اثنا عشر", "اثني عشر", "اثنتا عشرة", "اثنتي عشرة"], 12))
    ones = {1: ("واحد", "إحدى"), 2: ("اثنين", "اثنان", "اثنتين", "اثنتان")}
    for n, names in enumerate(_UNIT_NUMBERS[2:], start=3):
        ones[n] = tuple(w for w in names if not w.isascii())
        words.update((f"{name} {ten}", 10 + n) for name in ones[n] for ten in ("عشر", "عشرة"))
    for t, names in enumerate(_TENS, start=2):
        for name in names:
            words[name] = 10 * t
            words.update((f"{one} و{name}", 10 * t + n) for n, forms in ones.items() for one in forms)
    words.update(dict.fromkeys(["مئة", "مائة", "hundred", "a hundred"], 100))
    return words


number_words = _number_words  # the counts in words, which a search's digits also meet


_DAY_WORDS = {
    "اليوم": 0, "today": 0,
    "أمس": -1, "البارحة": -1, "الأمس": -1, "yesterday": -1,
    "أول أمس": -2, "أول من أمس": -2, "قبل أمس": -2, "أمس الأول": -2,
    "the day before yesterday": -2, "day before yesterday": -2,
    "غدا": 1, "الغد": 1, "tomorrow": 1,
    "بعد غد": 2, "بعد الغد": 2, "the day after tomorrow": 2, "day after tomorrow": 2,
    # A night is named by the day it began on: last night is yesterday's.
    "الليلة": 0, "tonight": 0, "الليلة الماضية": -1, "الليلة البارحة": -1, "last night": -1,
}  # fmt: skip
_PARTS = {
    **dict.fromkeys(["مطلع", "بداية", "أوائل", "مستهل", "early", "beginning", "start"], "early"),
    **dict.fromkeys(["منتصف", "أواسط", "mid", "middle"], "mid"),
    **dict.fromkeys(["أواخر", "نهاية", "آخر", "أخر", "ختام", "late", "end"], "late"),
}
_UNIT_ORDINALS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
_TENS_ORDINALS = {20: ("العشرين", "العشرون"), 30: ("الثلاثين", "الثلاثون")}


def _ordinals() -> dict[str, int | str]:
    """Ordinals of quarters and halves ("الربع الأول", "the last quarter") and the words news
    gives a day of the month in: "العاشر من أكتوبر", "الحادي عشر", "الخامس والعشرين" (and
    the nominative "والعشرون"), up to "الحادي والثلاثين"."""
    words = {name: n for n, name in enumerate(_UNIT_ORDINALS, start=1)}
    words["العاشر"] = 10
    teen = ("الحادي", *_UNIT_ORDINALS[1:])  # 11 is الحادي عشر, not الأول عشر
    words.update((f"{name} عشر", 10 + n) for n, name in enumerate(teen, start=1))
    for tens, names in _TENS_ORDINALS.items():
        for name in names:
            words[name] = tens
            words.update(
                (f"{unit} و{name}", tens + n) for n, unit in enumerate(teen, start=1) if tens + n <= 31
            )
    words["غرة"] = 1  # the first day of a month, in Hijri dates above all: "غرة رمضان"
    return {**words, "الأخير": "last", "first": 1, "second": 2, "third": 3, "fourth": 4}


_PERIODS = {
    "الربع": "quarter",
    "ربع": "quarter",
    "quarter": "quarter",
    "النصف": "half",
    "نصف": "half",
    "half": "half",
}
_SEASONS = {
    **dict.fromkeys(["الربيع", "ربيع", "spring"], "spring"),
    **dict.fromkeys(["الصيف", "صيف", "summer"], "summer"),
    **dict.fromkeys(["الخريف", "خريف", "autumn", "fall"], "autumn"),
    **dict.fromkeys(["الشتاء", "شتاء", "winter"], "winter"),
}
_ERAS = {
    **dict.fromkeys(["م", "ميلادي", "ميلادية", "للميلاد", "ad", "ce"], "gregorian"),
    **dict.fromkeys(["ه", "هـ", "هجري", "هجرية", "للهجرة", "ah"], "hijri"),
}
# Times of day beside a day word or weekday ("مساء الثلاثاء", "Tuesday evening").
_TIMES_OF_DAY = ["صباح", "مساء", "ظهر", "بعد ظهر", "بعد الظهر", "نهار", "عصر", "فجر", "ليل", "ضحى", "ظهيرة", "صبيحة", "صباحا", "ظهرا", "عصرا",
                 "فجرا", "ليلا", "morning", "afternoon", "evening", "night", "noon"]  # fmt: skip
# After a clock time: AM/PM and zones. "بتوقيت مكة المكرمة" is read up to the next date word.
_CLOCK_WORDS = ["ص", "م", "صباحا", "مساء", "ظهرا", "عصرا", "ليلا", "فجرا", "am", "pm", "a m", "p m", "gmt",
                "utc", "z", "est", "edt", "cet", "cest", "eet", "eest", "msk", "ast", "bst", "ist", "trt", "gst",
                "pst", "pdt", "ت غ", "غرينتش", "جرينتش", "غرينيتش"]  # fmt: skip
_ZONE_LEADS = ["بتوقيت", "توقيت", "بالتوقيت", "حسب توقيت", "local time"]


@functools.cache
def _vocabulary() -> tuple[dict[str, Token], int]:
    """Every phrase folded by normalize(), with what it means; built on first use, not at import
    (importing dates must stay cheap for the commands that read no date). Also the longest phrase's length."""
    table: dict[str, Token] = {}
    vocabulary: list[tuple[str, Mapping[str, object]]] = [
        ("count", _COUNTS), ("number", _number_words()), ("unit", _UNITS), ("era", _ERAS),
        ("month", _MONTHS), ("hmonth", _HIJRI_MONTHS), ("weekday", _WEEKDAYS), ("rule", _RULES),
        ("enrule", _EN_RULES), ("dayword", _DAY_WORDS), ("part", _PARTS), ("ordinal", _ordinals()),
        ("period", _PERIODS), ("season", _SEASONS), ("tod", dict.fromkeys(_TIMES_OF_DAY)),
        ("sofar", {"حتى الآن": None, "حتى اليوم": None, "so far": None, "to date": None}), ("eve", {"ليلة": None}), ("this", {"هذا": None, "هذه": None}),
        ("before_last", {"قبل الماضي": None, "قبل الماضية": None, "before last": None}),
        ("ago", {"ago": None}), ("since", {"منذ": "since", "قبل": "before"}), ("after", {"بعد": None}),
        ("in", {"in": None}), ("of", {"من": None, "of": None}), ("al", {"ال": None}),
        ("filler", dict.fromkeys(["في", "خلال", "on", "during", "since", "the", "at", "بتاريخ", "تاريخ",
                                  "st", "nd", "rd", "th", "الساعة"])),
        ("clock", dict.fromkeys(_CLOCK_WORDS)), ("zonelead", dict.fromkeys(_ZONE_LEADS)),
        # Both clock words and an era mark or times of day: read by position (see _drop_clock).
        ("era", {"م": "gregorian"}), ("tod", dict.fromkeys(["صباحا", "مساء", "ظهرا", "عصرا", "ليلا", "فجرا"])),
    ]  # fmt: skip
    for kind, entries in vocabulary:
        table.update(_table(kind, entries))
    return table, max(len(key.split()) for key in table)


def _classify(tokens: list[Token]) -> list[Token]:
    """Words into vocabulary items (longest phrase first), numbers into num."""
    vocabulary, longest = _vocabulary()
    items: list[Token] = []
    i = 0
    while i < len(tokens):
        kind, value = tokens[i]
        if kind != "word":
            items.append((kind, value))
            i += 1
            continue
        for size in range(longest, 0, -1):
            window = tokens[i : i + size]
            if len(window) == size and all(k == "word" for k, _ in window):
                phrase = " ".join(str(v) for _, v in window)
                if phrase in vocabulary:
                    items.append(vocabulary[phrase])
                    i += size
                    break
        else:
            word = str(value)
            items.append(("num", word) if word.isascii() and word.isdigit() else ("word", word))
            i += 1
    return _pair_months(items)


def _pair_months(items: list[Token]) -> list[Token]:
    """ "أكتوبر/تشرين الأول": both month systems name one month, and must agree."""
    out: list[Token] = []
    for kind, value in items:
        if kind == "month" and out and out[-1][0] == "cut" and len(out) > 1 and out[-2][0] == "month":
            out.pop()  # "أكتوبر - تشرين الأول 2017"
        if kind == "month" and out and out[-1][0] == "month":
            if out[-1][1] != value:
                raise DateError(f"cannot read date: two different months side by side; {_HINT}")
            continue
        out.append((kind, value))
    return out


def _drop_clock(items: list[Token]) -> list[Token]:
    """Remove clock times with their AM/PM and zone words, and times of day."""
    kept: list[Token] = []
    i = 0
    while i < len(items):
        kind, value = items[i]
        if kind == "time":
            i += 1
            while i < len(items):
                k, v = items[i]
                if k in ("clock", "zone", "tod") or (k == "era" and v == "gregorian"):
                    i += 1  # "02:07 ص", "11:45 م", "10:30 GMT", "8:00 مساء"
                elif k == "zonelead":
                    # A zone by place name ("بتوقيت مكة المكرمة"): everything up to the next date word.
                    i += 1
                    while i < len(items) and items[i][0] in ("word", "clock"):
                        i += 1
                else:
                    break
            continue
        if kind == "zone" or (kind == "clock" and value in ("gmt", "utc")):
            i += 1
            continue
        if kind == "zonelead":
            # Also when a bracket parts it from the time: "10:30 (بتوقيت مكة المكرمة)".
            i += 1
            while i < len(items) and items[i][0] in ("word", "clock"):
                i += 1
            continue
        kept.append((kind, value))
        i += 1
    return kept


def _segments(items: list[Token]) -> list[list[Token]]:
    """Split a double dateline at its cuts (" - ", "|", brackets, الموافق, an era mark)."""
    segments: list[list[Token]] = [[]]
    for index, (kind, value) in enumerate(items):
        if kind == "cut" or (kind == "word" and value == normalize("الموافق")):
            segments.append([])
            continue
        segments[-1].append((kind, value))
        following = items[index + 1 :]
        if kind == "era" and any(k not in ("cut", "era") for k, _ in following):
            segments.append([])
    segments = [s for s in segments if s]
    # A weekday alone before a cut ("الأربعاء - 25 أكتوبر") belongs to the next date.
    merged: list[list[Token]] = []
    for segment in segments:
        if merged and all(k == "weekday" for k, _ in merged[-1]):
            merged[-1] = merged[-1] + segment
        else:
            merged.append(segment)
    return merged


# --------------------------------------------------------------------------
# Reading a phrase


class _Reader:
    """Reads one segment of classified items into a resolver."""

    def __init__(self, text: str) -> None:
        self.text = text

    def fail(self, why: str = "") -> DateError:
        return _cannot_read(self.text, why)

    def read(self, items: list[Token]) -> _Resolver:
        items = self._tidy(items)
        if not items:
            raise self.fail("no date in it")
        kinds = [k for k, _ in items]
        # A weekday beside a date must agree with it; with a rule or alone it is the date.
        if "weekday" in kinds:
            where = kinds.index("weekday")
            weekday = int(items[where][1])
            rest = items[:where] + items[where + 1 :]
            if not rest:
                return _weekday(weekday, "on")
            if [k for k, _ in rest] == ["rule"] and where == 0 and rest[0][1] != "current":
                return _weekday(weekday, str(rest[0][1]))
            if "weekday" in [k for k, _ in rest]:
                raise self.fail("it names two weekdays")
            return _on_weekday(self.read(rest), weekday, self.text)
        return self._date(items)

    def _tidy(self, items: list[Token]) -> list[Token]:
        """Drop filler words and times of day; put English "last/next/this" after what they qualify."""

        def kind_at(index: int) -> str:
            return items[index][0] if index < len(items) else ""

        def count_ahead(index: int) -> bool:
            # "منذ 3 أيام", "منذ يومين", "in two weeks", "قبل أسبوع"
            if kind_at(index + 1) in ("count", "unit"):
                return True
            return kind_at(index + 1) in ("num", "number") and kind_at(index + 2) in ("count", "unit")

        out: list[Token] = []
        for index, (kind, value) in enumerate(items):
            after = kind_at(index + 1)
            if kind == "eve":
                if after != "dayword":
                    # "ليلة الثلاثاء" is Monday night in much usage and Tuesday night in some.
                    raise self.fail("ليلة before a weekday is read two ways; give the date")
                continue  # "ليلة أمس" is last night
            if kind in ("filler", "tod", "of"):
                continue  # "من" and "of" only join: "25 من أكتوبر", "the end of last year"
            if kind == "al" and after == "num":
                continue  # "في الـ25 من أكتوبر"
            if kind == "count" and value == ("day", 1) and after in ("num", "weekday", "ndate", "dayword"):
                continue  # "يوم 17 أكتوبر", "يوم الخميس"
            if kind == "count" and value == ("month", 1) and after in ("month", "hmonth"):
                continue  # "شهر رمضان"
            if (kind, value) in (("unit", "year"), ("count", ("year", 1))) and after == "num":
                continue  # "عام 2019", "سنة 2019"
            if kind in ("since", "in") and value != "before" and not count_ahead(index):
                continue  # "منذ مارس الماضي" is March; "in 2019" is 2019
            out.append((kind, value))
        # English rules come first: "last July" reads as "July last".
        i = 0
        while i < len(out) - 1:
            if out[i][0] in ("enrule", "this") and out[i + 1][0] in (
                "month",
                "weekday",
                "unit",
                "season",
                "hmonth",
            ):
                rule = "current" if out[i][0] == "this" else out[i][1]
                out[i : i + 2] = [out[i + 1], ("rule", rule)]
                i += 2
            else:
                i += 1
        return out

    def _date(self, items: list[Token]) -> _Resolver:
        kinds = [k for k, _ in items]
        first = kinds[0]
        if kinds == ["dayword"]:
            return _step("day", int(items[0][1]))
        if first in ("since", "after", "in") or "ago" in kinds:
            return self._count(items)
        if first == "part":
            rest = items[1:]
            if [k for k, _ in rest] == ["unit"] and rest[0][1] in ("month", "year"):
                whole = _step(str(rest[0][1]), 0)  # "مطلع العام": of the anchor's year
            else:
                whole = self.read(rest)
            return _part(whole, str(items[0][1]), self.text)
        if first == "period" or (first in ("ordinal", "enrule") and len(kinds) > 1 and kinds[1] == "period"):
            return self._period(items)
        if first == "season":
            return self._season(items)
        if first == "unit":
            return self._unit(items)
        if first == "ndate":
            return self._numeric(items)
        if first in ("num", "ordinal") and len(items) > 1 and items[1] == ("unit", "month"):
            return self._day_of_month(items)
        if "hmonth" in kinds:
            return self._hijri(items)
        if "month" in kinds:
            return self._gregorian(items)
        if kinds in (["num"], ["num", "era"]) and len(str(items[0][1])) == 4:
            if kinds == ["num", "era"] and items[1][1] == "hijri":
                raise self.fail("a Hijri year alone is not read; give the month, as in 5 صفر 1439")
            return _constant(_year_span(int(items[0][1]), self.text))
        if kinds in (["count"], ["num", "count"], ["number", "count"]):
            raise self.fail("it names a length of time, not a date")
        raise self.fail()

    def _year(self, items: list[Token]) -> _Resolver:
        """What names a year: "2017", "2017م", "العام الماضي", "هذا العام", "last year"."""
        resolver = self.read(items)

        def resolve(ref: datetime.date) -> DateSpan:
            span = resolver(ref)
            if span.precision != "year":
                raise self.fail("expected a year")
            return span

        return resolve

    def _count(self, items: list[Token], past: bool | None = None) -> _Resolver:
        kinds = [k for k, _ in items]
        if past is None:
            past = kinds[0] == "since" or kinds[-1] == "ago"
        core = [item for item in items if item[0] not in ("since", "after", "in", "ago")]
        if len(core) == 1 and core[0][0] == "dayword":
            # "بعد غد" is a day word; "قبل أمس" is too.
            return _step("day", int(core[0][1]))
        if not core or core[-1][0] not in ("count", "unit") or len(core) > 2:
            raise self.fail()
        if core[-1][0] == "unit":
            unit, count = str(core[-1][1]), 1  # "قبل أسبوع", "a week ago"
        else:
            unit, count = core[-1][1]
        if len(core) == 2:
            kind, value = core[0]
            if kind not in ("num", "number") or count == 2:
                raise self.fail()
            count = int(value)
        if count is None:
            raise self.fail("how many?")
        return _step(unit, -count if past else count)

    def _unit(self, items: list[Token]) -> _Resolver:
        unit = str(items[0][1])
        rest = [k for k, _ in items[1:]]
        if rest == ["rule"]:
            return _step(unit, {"past": -1, "current": 0, "next": 1}[str(items[1][1])])
        if rest == ["before_last"]:
            return _step(unit, -2)
        if unit == "day" and not rest:
            return _step("day", 0)
        raise self.fail()

    def _numeric(self, items: list[Token]) -> _Resolver:
        parts: list[int | None] = [int(p) for p in items[0][1]]
        widths = [len(p) for p in items[0][1]]
        rest = items[1:]
        era = None
        if rest and rest[0][0] == "era":
            era, rest = rest[0][1], rest[1:]
        if rest:
            raise self.fail()
        if widths == [4, 4]:
            raise self.fail("a range of years is not one date")
        if widths[0] == 4:
            year, month, day = parts + [None] * (3 - len(parts))
        elif widths[-1] == 4:
            day, month, year = ([None, *parts]) if len(parts) == 2 else parts
        else:
            raise self.fail("give the year in four digits")
        if year is None or month is None:  # one group only: not a numeric date
            raise self.fail()
        if era == "hijri" or (era is None and 1343 <= year <= 1500):
            if not 1 <= month <= 12:
                raise DateError(f"no such Hijri month: {month} in '{shown(self.text)}'")
            return _constant(_hijri_span(year, month, day, self.text))
        if not 1 <= month <= 12:
            raise DateError(f"no such month: {month} in '{shown(self.text)}' (numeric dates are day first)")
        if day is None:
            return _constant(_month_span(year, month, self.text))
        return _constant(_make_day(year, month, day, self.text))

    def _day_month(self, items: list[Token], kind: str) -> tuple[int | None, int, list[Token]]:
        """Day and month from "25 أكتوبر", "October 25"; the rest of the items."""
        kinds = [k for k, _ in items]
        where = kinds.index(kind)
        before, month, after = items[:where], int(items[where][1]), items[where + 1 :]
        day = None
        if [k for k, _ in before] == ["num"] and len(str(before[0][1])) <= 2:
            day = int(before[0][1])
        elif len(before) == 1 and before[0][0] == "ordinal" and isinstance(before[0][1], int):
            day = before[0][1]  # "الأول من أكتوبر", "العاشر من أكتوبر", "غرة رمضان"
        elif before:
            raise self.fail()
        if day is None and after and after[0][0] == "num" and len(str(after[0][1])) <= 2:
            day, after = int(after[0][1]), after[1:]
        return day, month, after

    def _day_of_month(self, items: list[Token]) -> _Resolver:
        """A day of the month another phrase names: "15 من الشهر الجاري", "العاشر من الشهر الماضي"."""
        kind, value = items[0]
        if (kind == "num" and len(str(value)) > 2) or not isinstance(value, (int, str)) or value == "last":
            raise self.fail()
        day = int(value)
        month_of = self.read(items[1:])

        def resolve(ref: datetime.date) -> DateSpan:
            span = month_of(ref)
            if span.precision != "month":
                raise self.fail("expected a month")
            return _make_day(span.start.year, span.start.month, day, self.text)

        return resolve

    def _gregorian(self, items: list[Token]) -> _Resolver:
        day, month, tail = self._day_month(items, "month")
        if day is not None and not 1 <= day <= 31:
            raise DateError(f"no such date: day {day} in '{shown(self.text)}'")
        kinds = [k for k, _ in tail]
        if not tail:
            return _named_month(month, "bare", day, self.text)
        if kinds == ["rule"]:
            return _named_month(month, str(tail[0][1]), day, self.text)
        if kinds[0] == "num" and len(str(tail[0][1])) != 4:
            raise self.fail("give the year in four digits")
        if kinds in (["num"], ["num", "era"]):
            if kinds == ["num", "era"] and tail[1][1] == "hijri":
                raise self.fail("a Gregorian month with a Hijri year")
            year = int(tail[0][1])
            return _constant(
                _month_span(year, month, self.text) if day is None else _make_day(year, month, day, self.text)
            )
        if kinds[0] in ("unit", "this"):
            return _in_year(self._year(tail), month, day, self.text)
        raise self.fail()

    def _hijri(self, items: list[Token]) -> _Resolver:
        day, month, tail = self._day_month(items, "hmonth")
        kinds = [k for k, _ in tail]
        if not tail:
            return _hijri_month(month, "bare", day, self.text)
        if kinds == ["rule"]:
            return _hijri_month(month, str(tail[0][1]), day, self.text)
        if kinds in (["num"], ["num", "era"]) and (kinds == ["num"] or tail[1][1] == "hijri"):
            return _hijri_month(month, "fixed", day, self.text, year=int(tail[0][1]))
        raise self.fail()

    def _period(self, items: list[Token]) -> _Resolver:
        if items[0][0] in ("ordinal", "enrule"):  # "first quarter of 2021", "the last quarter of 2020"
            items = [items[1], items[0], *items[2:]]
        precision = str(items[0][1])
        if len(items) < 2:
            raise self.fail(f"which {precision}?")
        kind, value = items[1]
        if kind == "ordinal":
            number = int(value) if value != "last" else len(GRIDS[precision])
        elif kind == "num" and value in ("1", "2", "3", "4"):
            number = int(value)
        elif kind == "part" and value == "late" or kind == "enrule" and value == "past":
            number = len(GRIDS[precision])  # "الربع الأخير", "the last quarter of 2020"
        else:
            raise self.fail()
        if number > len(GRIDS[precision]):
            raise self.fail(f"a year has {len(GRIDS[precision])} {precision}s")
        tail = items[2:]
        year = self._year(tail) if tail else _step("year", 0)
        return _period_of_year(year, precision, number, self.text)

    def _season(self, items: list[Token]) -> _Resolver:
        season, tail = str(items[0][1]), items[1:]
        kinds = [k for k, _ in tail]
        if not tail:
            return _season(season, "bare", self.text)
        if kinds == ["rule"]:
            return _season(season, str(tail[0][1]), self.text)
        return _season(season, "fixed", self.text, year_of=self._year(tail))


def _english_quarter(items: list[Token]) -> list[Token]:
    """ "q1", "h2" (split by normalize into a letter and a number) are a quarter or a half."""
    out: list[Token] = []
    i = 0
    while i < len(items):
        kind, value = items[i]
        if kind == "word" and value in ("q", "h") and i + 1 < len(items) and items[i + 1][0] == "num":
            out += [("period", "quarter" if value == "q" else "half"), ("ordinal", int(str(items[i + 1][1])))]
            i += 2
        else:
            out.append((kind, value))
            i += 1
    return out


def _interpret(text: str) -> _Resolver | None:
    """Turn the words into a resolver; None means "the anchor itself"."""
    items = _english_quarter(_drop_clock(_classify(_lex(text))))
    if [k for k, _ in items] == ["sofar"]:
        return None
    segments = _segments(items)
    if not segments:
        raise _cannot_read(text, "no date in it")
    reader = _Reader(text)
    resolvers = [reader.read(segment) for segment in segments]
    if len(resolvers) == 1:
        return resolvers[0]
    return _agreeing(resolvers, text)


def _agreeing(resolvers: list[_Resolver], text: str) -> _Resolver:
    """Several dates in one dateline must name one period: keep the narrowest."""

    def resolve(ref: datetime.date) -> DateSpan:
        spans = [r(ref) for r in resolvers]
        narrow = min(spans, key=lambda s: (s.end - s.start, RANK[s.precision]))
        for other in spans:
            if not other.contains(narrow):
                raise DateError(
                    f"the dates in '{shown(text)}' disagree: {_range(narrow)} and {_range(other)}"
                )
        return narrow

    return resolve


def _range(span: DateSpan) -> str:
    a, b = span.start.isoformat(), span.end.isoformat()
    return a if a == b else f"{a}..{b}"


# --------------------------------------------------------------------------
# Entry point


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
    Raises DateError with a one-line message if the words cannot be read or
    name no date within years `MIN_YEAR` to `MAX_YEAR`.
    """
    if not isinstance(text, str):
        raise DateError(f"a date must be text, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise DateError(f"empty date; {_HINT}")
    if len(stripped) > MAX_DATE_CHARS:
        raise _cannot_read(stripped, f"longer than {MAX_DATE_CHARS} characters")
    base = _as_anchor(anchor)
    try:
        resolve = _interpret(stripped)
        if resolve is None:
            span = base
        else:
            span = resolve(base.start)
            if base.end != base.start:
                # An interval anchor: the phrase could be relative to any day in it.
                other = resolve(base.end)
                if (other.start, other.end) != (span.start, span.end):
                    span = span.hull(other).replace(within=True)
    except (ValueError, OverflowError):
        # e.g. "next year" from 2999, "قبل 10^30 يوم", a number too long for int(): the
        # arithmetic refuses, which is the user's problem.
        raise DateError(f"date out of range: '{shown(stripped)}' ({YEARS_READ})") from None
    if not (MIN_YEAR <= span.start.year and span.end.year <= MAX_YEAR):
        raise DateError(f"date out of range: '{shown(stripped)}' ({YEARS_READ})")
    return span.replace(text=stripped)
