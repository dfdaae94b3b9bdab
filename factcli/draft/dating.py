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
