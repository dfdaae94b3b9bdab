"""Tests for factcli.datespan: the DATE model - a span of whole units of its precision, its
stored form and its checks (`problems`, which verify and import report), containment,
overlap and the hull - apart from the parser (tests/unit/test_dates.py), which it never
loads. Spans are worked out by hand from the calendar; the anchors are the corpus'
publication dates."""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcli import datespan
from factcli.datespan import DateSpan, problems
from factcli.errors import DateError

D = datetime.date
DAYS = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))


def day(iso: str, text: str = "") -> DateSpan:
    d = D.fromisoformat(iso)
    return DateSpan(d, d, "day", text)


def span(start: str, end: str, precision: str, text: str = "") -> DateSpan:
    return DateSpan(D.fromisoformat(start), D.fromisoformat(end), precision, text)


def spans(result: DateSpan) -> tuple[str, str, str]:
    return result.start.isoformat(), result.end.isoformat(), result.precision


NOV_2017 = span("2017-11-20", "2017-11-22", "day")  # a publication known to a few days


def test_to_dict_key_order_and_round_trip():
    original = span("2017-10-01", "2017-10-31", "month", "أكتوبر 2017")
    as_dict = original.to_dict()
    assert list(as_dict) == ["start", "end", "precision", "text"]
    assert as_dict == {
        "start": "2017-10-01",
        "end": "2017-10-31",
        "precision": "month",
        "text": "أكتوبر 2017",
    }
    assert DateSpan.from_dict(json.loads(json.dumps(as_dict))) == original


def test_month_precision_interval_is_valid():
    assert problems({"start": "2020-09-01", "end": "2021-05-31", "precision": "month", "text": ""}) == []
    assert problems({"start": "2019-01-01", "end": "2021-12-31", "precision": "year", "text": ""}) == []


def test_corpus_published_dates_are_valid():
    path = Path(__file__).parent.parent / "corpus" / "sources.jsonl"
    if not path.exists():
        pytest.skip("no corpus")
    seen = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            published = json.loads(line).get("published")
            if published is not None:
                assert problems(published) == []
                DateSpan.from_dict(published)
                seen += 1
    assert seen


def good(**changes) -> dict:
    base = {"start": "2017-10-01", "end": "2017-10-31", "precision": "month", "text": "x"}
    base.update(changes)
    return base


@pytest.mark.parametrize(
    ("d", "fragment"),
    [
        (good(start="2017-11-01", end="2017-10-31"), "after end"),
        (good(start="2017-10-25", end="2017-10-20", precision="day"), "after end"),
        (good(precision="week"), "precision must be one of"),
        (good(precision=None), "precision must be one of"),
        (good(start="2017-10-05"), "1st of a month"),
        (good(end="2017-10-30"), "last day of a month"),
        (good(start="2017-02-01", end="2017-12-31", precision="year"), "January 1"),
        (good(start="2017-01-01", end="2017-12-30", precision="year"), "December 31"),
        (good(start="2017-10"), "YYYY-MM-DD"),
        (good(start="20171001"), "YYYY-MM-DD"),
        (good(start="2017-02-30"), "YYYY-MM-DD"),
        (good(end="2017-10-31T00:00"), "YYYY-MM-DD"),
        (good(start="٢٠١٧-١٠-٠١"), "YYYY-MM-DD"),
        (good(start=20171001), "YYYY-MM-DD"),
        (good(text=None), "text must be a string"),
        ({"start": "2017-10-01", "end": "2017-10-31", "precision": "month"}, "missing key 'text'"),
        (good(extra=1), "unexpected key 'extra'"),
    ],
)
def test_from_dict_rejects_invalid(d, fragment):
    found = problems(d)
    assert any(fragment in message for message in found), found
    with pytest.raises(DateError) as caught:
        DateSpan.from_dict(d)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("d", [None, [], "2017-10-01", 42])
def test_problems_of_non_objects(d):
    assert len(problems(d)) == 1
    with pytest.raises(DateError):
        DateSpan.from_dict(d)  # type: ignore[arg-type]


def test_problems_lists_everything_at_once():
    found = problems({"start": "nope", "end": "2017-10-31", "precision": "fortnight", "text": 3})
    assert len(found) == 3


def test_constructor_validates_too():
    with pytest.raises(DateError, match="1st of a month"):
        DateSpan(D(2017, 10, 5), D(2017, 10, 31), "month", "")
    with pytest.raises(DateError, match="after end"):
        DateSpan(D(2017, 10, 5), D(2017, 10, 1), "day", "")
    with pytest.raises(DateError, match=r"datetime\.date"):
        DateSpan(datetime.datetime(2017, 10, 5), D(2017, 10, 6), "day", "")  # type: ignore[arg-type]


def test_spans_are_frozen_and_hashable():
    a = day("2017-10-25")
    with pytest.raises(AttributeError):
        a.start = D(2017, 1, 1)  # type: ignore[misc]
    assert len({a, day("2017-10-25")}) == 1


def test_contains():
    october = span("2017-10-01", "2017-10-31", "month")
    assert october.contains(day("2017-10-25"))
    assert october.contains(day("2017-10-01"))
    assert october.contains(day("2017-10-31"))
    assert october.contains(october)
    assert not october.contains(day("2017-11-01"))
    assert not october.contains(span("2017-10-01", "2017-11-30", "month"))
    assert not day("2017-10-25").contains(october)
    assert span("2017-01-01", "2017-12-31", "year").contains(october)


def test_overlaps():
    october = span("2017-10-01", "2017-10-31", "month")
    assert october.overlaps(day("2017-10-31"))
    assert day("2017-10-31").overlaps(october)
    assert october.overlaps(span("2017-09-01", "2017-10-31", "month"))
    assert not october.overlaps(day("2017-11-01"))
    assert not october.overlaps(span("2017-09-01", "2017-09-30", "month"))
    assert NOV_2017.overlaps(span("2017-11-01", "2017-11-30", "month"))


def test_hull_of_days_stays_day_precise():
    a, b = day("2017-10-25", "a"), day("2017-11-02", "b")
    assert a.hull(b) == DateSpan(D(2017, 10, 25), D(2017, 11, 2), "day", "a – b")
    assert b.hull(a) == DateSpan(D(2017, 10, 25), D(2017, 11, 2), "day", "b – a")


def test_hull_takes_coarser_precision_and_widens():
    result = day("2017-10-25").hull(span("2017-12-01", "2017-12-31", "month"))
    assert spans(result) == ("2017-10-01", "2017-12-31", "month")
    result = span("2016-03-01", "2016-03-31", "month").hull(span("2017-01-01", "2017-12-31", "year"))
    assert spans(result) == ("2016-01-01", "2017-12-31", "year")


def test_hull_covers_both_and_is_smallest():
    a, b = day("2017-10-25"), span("2018-02-01", "2018-02-28", "month")
    h = a.hull(b)
    assert h.contains(a) and h.contains(b)
    assert (h.start, h.end) == (D(2017, 10, 1), D(2018, 2, 28))


def test_hull_text_rules():
    assert day("2017-10-25", "x").hull(day("2017-10-26", "x")).text == "x"
    assert day("2017-10-25", "x").hull(day("2017-10-26", "")).text == "x"
    assert day("2017-10-25", "").hull(day("2017-10-26", "y")).text == "y"


def test_hull_rejects_non_spans():
    with pytest.raises(TypeError):
        day("2017-10-25").hull(D(2017, 10, 26))  # type: ignore[arg-type]


def test_the_date_type_loads_no_parser():
    # Checking a stored DATE (schema, verify, search's filters) needs the type, not the grammar.
    code = (
        "import sys, factcli.datespan; "
        "print(sorted(m for m in ('factcli.dates', 'factcli.normalize', 'dateutil') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@given(DAYS, DAYS)
def test_hull_properties(a, b):
    x, y = DateSpan(a, a, "day", ""), DateSpan(b, b, "day", "")
    h = x.hull(y)
    assert h.contains(x) and h.contains(y)
    assert h == y.hull(x)
    assert x.overlaps(y) == (a == b)


@pytest.mark.parametrize(
    "d",
    [
        {"start": "9999-12-01", "end": "9999-12-31", "precision": "month", "text": "x"},
        {"start": "9999-01-01", "end": "9999-12-31", "precision": "year", "text": "x"},
        {"start": "0999-12-31", "end": "2017-01-01", "precision": "day", "text": "x"},
        {"start": "0000-01-01", "end": "0000-01-01", "precision": "day", "text": "x"},
        {"start": "2017-01-01", "end": "3000-01-01", "precision": "quarter", "text": "x"},
        {"start": "0001-01-01", "end": "0001-01-01", "precision": "hijri_month", "text": "x"},
    ],
)
def test_stored_dates_out_of_range_are_problems_not_crashes(d):
    found = problems(d)
    assert any("out of range" in p for p in found), found
    with pytest.raises(DateError, match="out of range"):
        DateSpan.from_dict(d)


@pytest.mark.parametrize(
    ("d", "fragment"),
    [
        (good(start="2017-10-24", end="2017-10-29", precision="iso_week"), "Monday"),
        (good(start="2017-10-23", end="2017-10-28", precision="iso_week"), "Sunday"),
        (good(start="2017-02-01", end="2017-03-31", precision="quarter"), "first day of a quarter"),
        (good(start="2017-01-01", end="2017-05-31", precision="quarter"), "last day of a quarter"),
        (good(start="2017-01-01", end="2017-06-29", precision="half"), "last day of a half"),
        (good(start="2017-01-01", end="2017-02-28", precision="season"), "first day of a season"),
        (good(start="2017-12-01", end="2018-03-31", precision="season"), "last day of a season"),
    ],
)
def test_new_precisions_need_whole_units(d, fragment):
    assert any(fragment in p for p in problems(d)), problems(d)


@pytest.mark.parametrize(
    "d",
    [
        good(start="2017-10-23", end="2017-10-29", precision="iso_week"),
        good(start="2017-10-21", end="2017-10-31", precision="part"),
        good(start="2017-10-01", end="2018-03-31", precision="quarter"),
        good(start="2017-07-01", end="2017-12-31", precision="half"),
        good(start="2017-12-01", end="2018-02-28", precision="season"),
    ],
)
def test_new_precisions_valid(d):
    assert problems(d) == []


def test_precisions_are_ordered_finest_first():
    assert datespan.PRECISIONS[0] == "day" and datespan.PRECISIONS[-1] == "year"
    assert (
        datespan.PRECISIONS.index("month")
        < datespan.PRECISIONS.index("quarter")
        < datespan.PRECISIONS.index("half")
    )


def test_a_span_is_a_value_it_cannot_be_changed_and_replace_checks_the_copy():
    span = DateSpan(D(2017, 10, 25), D(2017, 10, 25), "day", "الأربعاء")
    same = DateSpan(D(2017, 10, 25), D(2017, 10, 25), "day", "الأربعاء")
    assert span == same and hash(span) == hash(same) and len({span, same}) == 1
    assert span != DateSpan(D(2017, 10, 25), D(2017, 10, 25), "day", "")
    with pytest.raises(AttributeError):
        span.text = "x"  # type: ignore[misc]
    assert span.replace(text="") == DateSpan(D(2017, 10, 25), D(2017, 10, 25), "day", "")
    assert span.text == "الأربعاء"
    with pytest.raises(DateError):
        span.replace(precision="month")  # a day is no whole month
    assert pickle.loads(pickle.dumps(span)) == span
