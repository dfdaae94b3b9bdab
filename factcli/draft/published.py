"""The publication date: read from an article's dateline, or as a person gives it."""

from __future__ import annotations

import re

from ..dates import parse_date
from ..datespan import DateSpan
from ..errors import DateError, InputError

# --------------------------------------------------------------------------------------
# Publication date


_DATELINE_LINES = 8
_PUBLISHED_LABEL = re.compile(
    r"(?:تم النشر|نشر في|تاريخ النشر|published)\s*[:：]?\s*(.*?)(?:تم التحديث|updated|$)", re.I
)


# A day's date inside a line of furniture: a byline run into it («محمود احمد20 يوليو
# 2017آخر تحديث»), "posted on December 14, 2020", «نشر بتاريخ 29 ديسمبر 2017».
_DATE_IN_LINE = re.compile(
    r"(?<![0-9])[0-9]{1,2}\s*[^\W\d_]+(?:[ /-][^\W\d_]+)?\s*[,،]?\s*[0-9]{4}(?![0-9])"
    r"|[A-Z][a-z]+\.? [0-9]{1,2},? [0-9]{4}(?![0-9])"
)


def detect_published(text: str) -> tuple[DateSpan, str] | None:
    """The publication date printed near the top (a dateline line, or `تم النشر: …`), and
    where it was read; None when there is none."""
    lines = text.splitlines()[:_DATELINE_LINES]
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        m = _PUBLISHED_LABEL.search(line)
        candidate = m.group(1).strip() if m else line
        if not candidate or len(candidate) > 60 or not re.search(r"[0-9\u0660-\u0669]{4}", candidate):
            continue
        for phrase in [candidate, *(m.group(0) for m in _DATE_IN_LINE.finditer(candidate))]:
            try:
                span = parse_date(phrase)
            except DateError:
                continue
            if phrase is not candidate and span.precision != "day":
                continue
            return span, f"line {n}"
    return None


def parse_published(value: str) -> DateSpan:
    """`--published`: any date the date module reads, or START..END for a bounded article."""
    if ".." in value:
        a, _, b = value.partition("..")
        try:
            start, end = parse_date(a.strip()), parse_date(b.strip())
        except DateError as exc:
            raise InputError(f"--published {value!r}: {exc}") from None
        if start.start > end.end:
            raise InputError(f"--published {value!r}: the start is after the end")
        return start.hull(end).replace(text="")
    try:
        return parse_date(value)
    except DateError as exc:
        raise InputError(f"--published: {exc}") from None
