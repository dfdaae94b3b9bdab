"""Dates in a clause: the date phrases the date module reads, and the one nearest a cue."""

from __future__ import annotations

from ..analyze import CONJUNCTIONS
from ..dates import parse_date
from ..datespan import DateSpan
from ..errors import DateError
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


def find_dates(
    text: str, words: list[Word], anchor: DateSpan, masked: set[int]
) -> list[tuple[int, int, DateSpan]]:
    """Every date phrase of a clause, as (first word, last word + 1, span), left to right:
    at each word the longest run of up to seven words (outside linked names) the date
    module reads. No phrase is listed here: what `dates.parse_date` reads is found."""
    out: list[tuple[int, int, DateSpan]] = []
    i = 0
    while i < len(words):
        hit = None
        if i not in masked:
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
                if _a_count(words, i, i + n, span) or _a_period(words, i):
                    continue
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
        else:
            i += 1
    return out


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
    bare = before[1:] if before[:1] in CONJUNCTIONS and before[1:] in _MONTH_COMPANY else before
    return bare in _MONTH_COMPANY


# Words that name a year by itself: a number after one of them is a year whatever it is
# («عام 1400»); a bare number is a year only in the years news tells of.
_YEAR_WORDS = {"عام", "العام", "سنه", "السنه", "لعام", "بعام", "وعام"}
_BARE_YEARS = range(1900, 2100)
_COUNT_WORDS = _DATE_LEADS | {"من"}
# A plan's or a programme's period («للفترة من 2026 إلى 2030», «خطة تشمل العام القادم»): the span a document covers, not when the clause's act was done.
_PERIOD_LEADS = {"للفتره", "الفتره", "لفتره", "فتره", "تشمل", "يشمل", "تغطي", "يغطي"}
_RANGE_WORDS = {"من", "الي", "حتي", "و"}


def _a_count(words: list[Word], i: int, end: int, span: DateSpan) -> bool:
    """A bare number read as a year that is a count: one outside the years news tells of
    («أكثر من 1486 جهة», «بناء 2457 من المقاتلات», a model's «209/1400»), or one followed
    by «من» with no word of time before it («2000 من الجنود»). A year's word before it
    («عام 1400») keeps it a year."""
    if span.precision != "year" or not all(w.key.isdigit() or w.key in _COUNT_WORDS for w in words[i:end]):
        return False
    if any(w.key in _YEAR_WORDS for w in words[max(0, i - 1) : end]):
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
    return j > 0 and words[j - 1].key in _PERIOD_LEADS


def nearest_date(dates: list[tuple[int, int, DateSpan]], at: tuple[int, int] | None) -> DateSpan | None:
    """The date phrase that goes with a cue: the nearest one, after it when tied."""
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
