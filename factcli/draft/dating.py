"""Dates in a clause: the date phrases the date module reads, and the one nearest a cue."""

from __future__ import annotations

import datetime

from ..analyze import name_forms
from ..dates import parse_date
from ..datespan import RANK, DateSpan, last_of_month, months_before
from ..errors import DateError
from .base import _after_conjunction, _conjunction
from .cues import RELATIVE_PRONOUNS
from .names import _after_clitic
from .spans import Word

# --------------------------------------------------------------------------------------
# Dates


_DATE_LEADS = {"في", "خلال", "منذ", "حتي", "يوم"}
# A month's name alone is a date only in a date's company: a day or a year in the phrase,
# or one of these words before it ("في أغسطس", "مطلع مارس", "شهر رجب"). Without them it is a
# word of a name or of the sentence: «رجب طيب أردوغان», "أيار" in a street's name.
_MONTH_COMPANY = {
    "في",
    "خلال",
    "منذ",
    "حتي",
    "قبل",
    "بعد",
    "شهر",
    "مطلع",
    "اوائل",
    "اواخر",
    "اواسط",
    "منتصف",
    "بدايه",
    "نهايه",
    "مستهل",
}
_MONTHLY = {"month", "hijri_month"}
# "Now" in an article published on one day is that day ("الذي يزور موسكو حاليا").
_NOW = {"حاليا", "الان"}


def _bare_in(key: str, words: set[str]) -> bool:
    """The word, its proclitics read off by the analyzer, is one of `words` («لعام»,
    «وعام», «للفترة», «وللفترة» are «عام», «الفترة» after a proclitic)."""
    after_and = _after_conjunction(key)
    return any(bare in words for form in (key, after_and) for bare in name_forms(form))


def find_dates(
    text: str, words: list[Word], anchor: DateSpan, masked: set[int]
) -> list[tuple[int, int, DateSpan]]:
    """Every date phrase of a clause, as (first word, last word + 1, span), left to right:
    at each word the longest run of up to seven words (outside linked names) the date
    module reads. No phrase is listed here: what `dates.parse_date` reads is found."""
    out: list[tuple[int, int, DateSpan]] = []
    i = 0
    period_end = -1
    while i < len(words):
        hit = None
        if i not in masked:
            hit = _between(text, words, i, anchor, masked)
        if hit is None and i not in masked:
            for n in range(min(7, len(words) - i), 0, -1):
                if any(k in masked for k in range(i, i + n)):
                    continue
                s, e = words[i].start, words[i + n - 1].end
                phrase = text[s:e]
                if "\n" in phrase:
                    continue
                try:
                    span = parse_date(phrase, anchor)
                except DateError:
                    continue
                if n == 1 and not _in_company(words, i, span):
                    continue
                if _counted_from_an_event(words, i, i + n):
                    continue
                if _a_count(words, i, i + n, span):
                    continue
                if i == period_end or _a_period(words, i):
                    # (and a year in apposition after it: «تشمل العام القادم 2022»)
                    period_end = i + n
                    break
                first = i
                if words[i].key in _DATE_LEADS and n > 1:
                    # The source's date words without the preposition, when they say the same.
                    try:
                        bare = parse_date(text[words[i + 1].start : e], anchor)
                        if (bare.start, bare.end) == (span.start, span.end):
                            first, span = i + 1, bare
                    except DateError:
                        pass
                hit = (first, i + n, span)
                break
        if hit is None and i not in masked and words[i].key in _NOW and anchor.start == anchor.end:
            hit = (i, i + 1, anchor.replace(text=text[words[i].start : words[i].end], within=False))
        if hit:
            if not _vague(hit[2]):
                out.append(hit)
            i = hit[1]
        elif period_end > i:
            i = period_end
        else:
            i += 1
    return out


# «بعد ثلاث سنوات من المفاوضات», «قبل عامين من التسليم»: a time after or before told with
# «من» and what it counts from; not a time after or before publication.
_OFFSETS = {"بعد", "قبل"}
_FROM = "من"


def _counted_from_an_event(words: list[Word], first: int, end: int) -> bool:
    """The phrase opens on «بعد» or «قبل» (a conjunction read off) and «من» ends it or
    comes right after it: the offset counts from the event named next, not from now
    («بعد ثلاث سنوات من الآن» counts from now)."""
    if _after_conjunction(words[first].key) not in _OFFSETS:
        return False
    at = end - 1 if words[end - 1].key == _FROM else end
    if at >= len(words) or words[at].key != _FROM:
        return False
    return at + 1 >= len(words) or words[at + 1].key not in _NOW


_BETWEEN = {"بين", "مابين"}
_PAIR_NOUNS = {"عامي", "العامين", "سنتي", "السنتين", "شهري"}
_PLURAL_RELATIVE = {"الماضيين": "الماضي", "المقبلين": "المقبل", "القادمين": "القادم"}


def _parse(text: str, anchor: DateSpan) -> DateSpan | None:
    try:
        return parse_date(text, anchor)
    except DateError:
        return None


def _between(
    text: str, words: list[Word], i: int, anchor: DateSpan, masked: set[int]
) -> tuple[int, int, DateSpan] | None:
    """A span told by its two ends, «بين A وB» («بين عامي 2019 و2023», «ما بين يوليو
    وسبتمبر الماضيين», «بين 19 و23 أكتوبر»: the words after B complete A too): from A's
    first day to B's last, at the coarser of the two precisions."""
    if words[i].key not in _BETWEEN:
        return None
    j = i + 1
    if j < len(words) and words[j].key in _PAIR_NOUNS:
        j += 1
    for k in range(j + 1, min(j + 4, len(words))):
        key = words[k].key
        cut = _conjunction(key)
        if not cut or any(m in masked for m in range(j, k + 1)):
            continue
        # B after the conjunction, on the word («و2023») or the next one («و 2023»)
        glued = cut < len(key)
        after = _after_clitic(text, words[k].start, words[k].end, cut) if glued else ""
        b_start = words[k].end - len(after) if glued else (words[k + 1].start if k + 1 < len(words) else None)
        first_b = k if glued else k + 1
        if b_start is None:
            return None
        for last in range(min(first_b + 4, len(words)), first_b, -1):
            if any(m in masked for m in range(first_b, last)) or "\n" in text[b_start : words[last - 1].end]:
                continue
            if words[last - 1].key in _DATE_LEADS:
                continue
            b_text, a_text = text[b_start : words[last - 1].end], text[words[j].start : words[k - 1].end]
            tail = text[words[first_b + 1].start : words[last - 1].end] if last > first_b + 1 else ""
            plural = words[last - 1].key
            if plural in _PLURAL_RELATIVE:
                # «يوليو وسبتمبر الماضيين»: each of the two is «... الماضي».
                single = _PLURAL_RELATIVE[plural]
                b_text = text[b_start : words[last - 2].end] + " " + single if last - 1 > first_b else ""
                a_text, tail = a_text + " " + single, ""
            b = _parse(b_text, anchor) if b_text else None
            if b is None:
                continue
            a = _parse(a_text, anchor)
            if a is None and tail:
                a = _parse(a_text + " " + tail, anchor)
            if a is None or a.start > b.end:
                return None
            precision = max(a.precision, b.precision, key=lambda p: RANK.get(p, 0))
            span = DateSpan(
                a.start, b.end, precision, text[words[i].start : words[last - 1].end], a.within or b.within
            )
            return i, last, span
        return None
    return None


# A relative date read against a publication date known only as an interval ("اليوم" in an
# article published some time in 2000..2025) is somewhere in an interval as wide: longer
# than this, it says nothing the source's own date does not, and the candidate is left
# undated for the reviewer rather than dated by a guess.
_VAGUE_DAYS = 366


def _vague(span: DateSpan) -> bool:
    return span.within and (span.end - span.start).days > _VAGUE_DAYS


def _in_company(words: list[Word], i: int, span: DateSpan) -> bool:
    """A one-word date: a month's name counts only after a word of time (a day or a year
    would have made the phrase longer); every other one-word date (2014, اليوم) stands."""
    if span.precision not in _MONTHLY or any(ch.isdigit() for ch in words[i].key):
        return True
    before = words[i - 1].key if i else ""
    return before in _MONTH_COMPANY or _after_conjunction(before) in _MONTH_COMPANY


# Words that name a year by itself: a number after one of them is a year whatever it is
# («عام 1400», «لعام 1400»: a proclitic read off); a bare number is a year only in the
# years news tells of.
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه"}
_BARE_YEARS = range(1900, 2100)
_COUNT_WORDS = _DATE_LEADS | {"من"}
# A plan's or a programme's period («للفترة من 2026 إلى 2030», «خطة تشمل العام القادم»): the span a document covers, not when the clause's act was done.
# (a proclitic read off: «للفترة», «لفترة»)
_PERIOD_LEADS = {"الفتره", "فتره", "تشمل", "يشمل", "تغطي", "يغطي"}
_RANGE_WORDS = {"من", "الي", "حتي", "و"}


def _a_count(words: list[Word], i: int, end: int, span: DateSpan) -> bool:
    """A bare number read as a year that is a count: one outside the years news tells of
    («أكثر من 1486 جهة», «بناء 2457 من المقاتلات», a model's «209/1400»), or one followed
    by «من» with no word of time before it («2000 من الجنود»). A year's word before it
    («عام 1400») keeps it a year."""
    if span.precision != "year" or not all(w.key.isdigit() or w.key in _COUNT_WORDS for w in words[i:end]):
        return False
    if any(_bare_in(w.key, _YEAR_WORDS) for w in words[max(0, i - 1) : end]):
        return False
    year = next(int(w.key) for w in words[i:end] if w.key.isdigit())
    if year not in _BARE_YEARS:
        return True
    if words[i].key in _DATE_LEADS or (i and words[i - 1].key in _DATE_LEADS):
        return False  # («منذ 2019 من أجل ...»: a year told as one)
    return words[end - 1].key == "من" or (end < len(words) and words[end].key == "من")


def _a_period(words: list[Word], i: int) -> bool:
    """A date phrase that names the period a plan covers: after «للفترة (من)» or «تشمل»,
    either end of the range («للفترة من 2026 إلى 2030»)."""
    j = i
    while j > 0 and (words[j - 1].key in _RANGE_WORDS or words[j - 1].key.isdigit()):
        j -= 1
    return j > 0 and _bare_in(words[j - 1].key, _PERIOD_LEADS)


def nearest_date(
    dates: list[tuple[int, int, DateSpan]], at: tuple[int, int] | None, keys: list[str] | None = None
) -> DateSpan | None:
    """The date phrase that goes with a cue: the nearest one, after it when tied. With the
    clause's `keys`, a date past a relative pronoun after the cue is that clause's («تسلمت
    مصر الطائرات التي ستدخل الخدمة العام المقبل»: when they enter service), not the cue's;
    «now» («الذي يزور موسكو حاليا») is the same moment in either clause."""
    if keys is not None and at is not None:
        dates = [
            d
            for d in dates
            if keys[d[0]] in _NOW or not any(k in RELATIVE_PRONOUNS for k in keys[at[1] : d[0]])
        ]
    if not dates:
        return None
    if at is None:
        return dates[0][2]

    def distance(d: tuple[int, int, DateSpan]) -> tuple[int, int]:
        if d[0] >= at[1]:
            return d[0] - at[1], 0
        if d[1] <= at[0]:
            return at[0] - d[1], 1
        return 0, 0

    return min(dates, key=distance)[2]


def a_year_before(span: DateSpan) -> DateSpan | None:
    """A month told without its year («أبرمت الصفقة في آب», «في نهاية نوفمبر») that falls
    after publication, when the act is told as done: the last such month before it, a year
    earlier. None for any other span (a year told, a day, a week, a season)."""
    if any(ch.isdigit() for ch in span.text) or span.start.month != span.end.month:
        return None
    if span.precision not in ("month", "part"):
        return None
    start = months_before(span.start, 12) + datetime.timedelta(days=span.start.day - 1)
    month_end = last_of_month(months_before(span.end, 12))
    end = min(month_end, months_before(span.end, 12) + datetime.timedelta(days=span.end.day - 1))
    return DateSpan(start, end, span.precision, span.text, span.within)
