"""Tests for factcli.dates: parse_date, the phrases of the news read as DATE spans against an
anchor. The DATE model itself (its stored form and checks) is tests/unit/test_datespan.py's."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED, factcli
from hypothesis import given, settings
from hypothesis import strategies as st

from factcli import dates
from factcli.dates import parse_date, today_span
from factcli.datespan import DateSpan, problems
from factcli.errors import DateError, InputError

D = datetime.date


def day(iso: str, text: str = "") -> DateSpan:
    d = D.fromisoformat(iso)
    return DateSpan(d, d, "day", text)


def span(start: str, end: str, precision: str, text: str = "") -> DateSpan:
    return DateSpan(D.fromisoformat(start), D.fromisoformat(end), precision, text)


# Anchors taken from the corpus' publication dates.
KHALEEJ = day("2018-07-21")  # dated article
NOV_2017 = span("2017-11-20", "2017-11-22", "day")  # known to a few days
LATE_2021 = span("2021-08-01", "2021-12-31", "month")  # known to some months
SCHOOL_YEAR = span("2020-09-01", "2021-05-31", "month")


def spans(result: DateSpan) -> tuple[str, str, str]:
    return result.start.isoformat(), result.end.isoformat(), result.precision


# --------------------------------------------------------------------------
# The worked examples of the contract, as one table

EXAMPLES = [
    # anchor 2018-07-21, a single day
    ("أكتوبر/تشرين الأول المقبل", KHALEEJ, ("2018-10-01", "2018-10-31", "month")),
    ("مارس/آذار الماضي", KHALEEJ, ("2018-03-01", "2018-03-31", "month")),
    # anchor 2017-11-20..22 at day precision
    ("نوفمبر/تشرين الثاني الجاري", NOV_2017, ("2017-11-01", "2017-11-30", "month")),
    ("22 نوفمبر/تشرين الثاني الجاري", NOV_2017, ("2017-11-22", "2017-11-22", "day")),
    ("يونيو/حزيران الماضي", NOV_2017, ("2017-06-01", "2017-06-30", "month")),
    ("الإثنين", NOV_2017, ("2017-11-20", "2017-11-20", "day")),
    # anchor Aug..Dec 2021 at month precision
    ("يوليو الماضي", LATE_2021, ("2021-07-01", "2021-07-31", "month")),
    ("هذا العام", LATE_2021, ("2021-01-01", "2021-12-31", "year")),
    # anchor Sept 2020..May 2021: both ends agree on Aug 2021
    ("آب \\ أغسطس المقبل", SCHOOL_YEAR, ("2021-08-01", "2021-08-31", "month")),
    # no anchor needed
    ("25 October 2017", None, ("2017-10-25", "2017-10-25", "day")),
    ("25 أكتوبر 2017", None, ("2017-10-25", "2017-10-25", "day")),
    ("2017-10-25", None, ("2017-10-25", "2017-10-25", "day")),
    ("٢٥ أكتوبر ٢٠١٧", None, ("2017-10-25", "2017-10-25", "day")),
    ("Oct 2017", None, ("2017-10-01", "2017-10-31", "month")),
    ("أكتوبر 2017", None, ("2017-10-01", "2017-10-31", "month")),
    ("تشرين الأول 2017", None, ("2017-10-01", "2017-10-31", "month")),
    ("2017-10", None, ("2017-10-01", "2017-10-31", "month")),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), EXAMPLES)
def test_contract_examples(text, anchor, expected):
    result = parse_date(text, anchor)
    assert spans(result) == expected
    assert result.text == text


# --------------------------------------------------------------------------
# ISO and English


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", ("2017-01-01", "2017-12-31", "year")),
        ("2017-10", ("2017-10-01", "2017-10-31", "month")),
        ("2017-02", ("2017-02-01", "2017-02-28", "month")),
        ("2016-02", ("2016-02-01", "2016-02-29", "month")),
        ("2017-10-25", ("2017-10-25", "2017-10-25", "day")),
        ("2017/10/25", ("2017-10-25", "2017-10-25", "day")),
        ("2017/10", ("2017-10-01", "2017-10-31", "month")),
        ("2017-1-5", ("2017-01-05", "2017-01-05", "day")),
        ("  2017-10-25\n", ("2017-10-25", "2017-10-25", "day")),
        ("in 2019", ("2019-01-01", "2019-12-31", "year")),
    ],
)
def test_iso(text, expected):
    assert spans(parse_date(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 2017", ("2017-10-01", "2017-10-31", "month")),
        ("October 2017", ("2017-10-01", "2017-10-31", "month")),
        ("oct. 2017", ("2017-10-01", "2017-10-31", "month")),
        ("Sept 2017", ("2017-09-01", "2017-09-30", "month")),
        ("February 2016", ("2016-02-01", "2016-02-29", "month")),
        ("25 October 2017", ("2017-10-25", "2017-10-25", "day")),
        ("October 25, 2017", ("2017-10-25", "2017-10-25", "day")),
        ("25 Oct 2017", ("2017-10-25", "2017-10-25", "day")),
        ("1 Oct 2017", ("2017-10-01", "2017-10-01", "day")),
        ("2 Feb 2017", ("2017-02-02", "2017-02-02", "day")),
        ("Wednesday, 25 October 2017", ("2017-10-25", "2017-10-25", "day")),
        ("25 October 2017 10:30", ("2017-10-25", "2017-10-25", "day")),
        ("in October 2017", ("2017-10-01", "2017-10-31", "month")),
    ],
)
def test_english_absolute(text, expected):
    assert spans(parse_date(text, KHALEEJ)) == expected


def test_month_precision_is_not_a_defaulted_day():
    # The two-defaults trick must notice the day is absent even when the
    # month's first day is what dateutil would have chosen.
    result = parse_date("Jan 2020")
    assert result.precision == "month"
    assert (result.start, result.end) == (D(2020, 1, 1), D(2020, 1, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", ("2018-07-21", "2018-07-21", "day")),
        ("Today", ("2018-07-21", "2018-07-21", "day")),
        ("yesterday", ("2018-07-20", "2018-07-20", "day")),
        ("tomorrow", ("2018-07-22", "2018-07-22", "day")),
        ("this year", ("2018-01-01", "2018-12-31", "year")),
        ("last year", ("2017-01-01", "2017-12-31", "year")),
        ("next year", ("2019-01-01", "2019-12-31", "year")),
        ("this month", ("2018-07-01", "2018-07-31", "month")),
        ("last month", ("2018-06-01", "2018-06-30", "month")),
        ("next month", ("2018-08-01", "2018-08-31", "month")),
        ("last July", ("2017-07-01", "2017-07-31", "month")),
        ("next July", ("2019-07-01", "2019-07-31", "month")),
        ("last June", ("2018-06-01", "2018-06-30", "month")),
        ("next August", ("2018-08-01", "2018-08-31", "month")),
        ("this March", ("2018-03-01", "2018-03-31", "month")),
        ("July", ("2018-07-01", "2018-07-31", "month")),
        ("June", ("2019-06-01", "2019-06-30", "month")),
        ("October 25", ("2018-10-25", "2018-10-25", "day")),
        ("Oct 17", ("2018-10-17", "2018-10-17", "day")),  # a day, not a year
        # 2018-07-21 is a Saturday
        ("Saturday", ("2018-07-21", "2018-07-21", "day")),
        ("on Monday", ("2018-07-16", "2018-07-16", "day")),
        ("Monday", ("2018-07-16", "2018-07-16", "day")),
        ("on Friday", ("2018-07-20", "2018-07-20", "day")),
        ("last Saturday", ("2018-07-14", "2018-07-14", "day")),
        ("next Saturday", ("2018-07-28", "2018-07-28", "day")),
    ],
)
def test_english_relative(text, expected):
    assert spans(parse_date(text, KHALEEJ)) == expected


def test_month_arithmetic_crosses_year_boundaries():
    jan = day("2018-01-15")
    assert spans(parse_date("last month", jan)) == ("2017-12-01", "2017-12-31", "month")
    dec = day("2018-12-31")
    assert spans(parse_date("next month", dec)) == ("2019-01-01", "2019-01-31", "month")
    assert spans(parse_date("الشهر المقبل", dec)) == ("2019-01-01", "2019-01-31", "month")


# --------------------------------------------------------------------------
# Arabic


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أكتوبر/تشرين الأول 2017", ("2017-10-01", "2017-10-31", "month")),
        ("25 تشرين أول \\ أكتوبر 2017", ("2017-10-25", "2017-10-25", "day")),
        ("18حزيران \\ يونيو 2019", ("2019-06-18", "2019-06-18", "day")),
        ("20 نوفمبر/تشرين الثاني 2017", ("2017-11-20", "2017-11-20", "day")),
        ("الإثنين 20 نوفمبر/تشرين الثاني 2017", ("2017-11-20", "2017-11-20", "day")),
        ("السبت 21 يوليو 2018 02:07 ص", ("2018-07-21", "2018-07-21", "day")),
        ("الجمعة 20 يوليو 2018 11:45 م", ("2018-07-20", "2018-07-20", "day")),
        ("في عام 2021", ("2021-01-01", "2021-12-31", "year")),
        ("عام 2019", ("2019-01-01", "2019-12-31", "year")),
        ("سنة 2019", ("2019-01-01", "2019-12-31", "year")),
        ("2021", ("2021-01-01", "2021-12-31", "year")),
        ("٢٠٢١", ("2021-01-01", "2021-12-31", "year")),
        ("2019م", ("2019-01-01", "2019-12-31", "year")),
        ("أكتوبر من عام 2017", ("2017-10-01", "2017-10-31", "month")),
        ("أكتوبر-تشرين الأول 2017", ("2017-10-01", "2017-10-31", "month")),
        ("كانون الثاني 2020", ("2020-01-01", "2020-01-31", "month")),
        ("كانون أول 2020", ("2020-12-01", "2020-12-31", "month")),
        ("تشرين ثاني 2020", ("2020-11-01", "2020-11-30", "month")),
        ("شباط 2020", ("2020-02-01", "2020-02-29", "month")),
        ("آذار 2020", ("2020-03-01", "2020-03-31", "month")),
        ("إبريل 2020", ("2020-04-01", "2020-04-30", "month")),
        ("ابريل 2020", ("2020-04-01", "2020-04-30", "month")),
        ("نيسان 2020", ("2020-04-01", "2020-04-30", "month")),
        ("أيار 2020", ("2020-05-01", "2020-05-31", "month")),
        ("يونيه 2020", ("2020-06-01", "2020-06-30", "month")),
        ("يوليه 2020", ("2020-07-01", "2020-07-31", "month")),
        ("تموز 2020", ("2020-07-01", "2020-07-31", "month")),
        ("اغسطس 2020", ("2020-08-01", "2020-08-31", "month")),
        ("أيلول 2020", ("2020-09-01", "2020-09-30", "month")),
        ("جوان 2020", ("2020-06-01", "2020-06-30", "month")),
    ],
)
def test_arabic_absolute(text, expected):
    assert spans(parse_date(text, KHALEEJ)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare month: next occurrence on or after the anchor month (July 2018)
        ("حزيران \\ يونيو", ("2019-06-01", "2019-06-30", "month")),
        ("في شهر حزيران", ("2019-06-01", "2019-06-30", "month")),
        ("تموز", ("2018-07-01", "2018-07-31", "month")),
        ("أغسطس", ("2018-08-01", "2018-08-31", "month")),
        ("25 أكتوبر", ("2018-10-25", "2018-10-25", "day")),
        # relative month names
        ("آب \\ أغسطس المقبل", ("2018-08-01", "2018-08-31", "month")),
        ("يوليو المقبل", ("2019-07-01", "2019-07-31", "month")),
        ("يونيو القادم", ("2019-06-01", "2019-06-30", "month")),
        ("في يوليو الماضي", ("2017-07-01", "2017-07-31", "month")),
        ("يونيو الماضي", ("2018-06-01", "2018-06-30", "month")),
        ("أغسطس المنصرم", ("2017-08-01", "2017-08-31", "month")),
        ("في أكتوبر/تشرين الأول المقبل", ("2018-10-01", "2018-10-31", "month")),
        ("خلال مارس الماضي", ("2018-03-01", "2018-03-31", "month")),
        ("منذ مارس الماضي", ("2018-03-01", "2018-03-31", "month")),
        ("يوليو الجاري", ("2018-07-01", "2018-07-31", "month")),
        ("ديسمبر الحالي", ("2018-12-01", "2018-12-31", "month")),
        ("15 يوليو الجاري", ("2018-07-15", "2018-07-15", "day")),
        ("3 مارس الماضي", ("2018-03-03", "2018-03-03", "day")),
        # unit phrases
        ("الشهر الماضي", ("2018-06-01", "2018-06-30", "month")),
        ("الشهر المقبل", ("2018-08-01", "2018-08-31", "month")),
        ("الشهر الجاري", ("2018-07-01", "2018-07-31", "month")),
        ("هذا الشهر", ("2018-07-01", "2018-07-31", "month")),
        ("العام الماضي", ("2017-01-01", "2017-12-31", "year")),
        ("العام المقبل", ("2019-01-01", "2019-12-31", "year")),
        ("العام الجاري", ("2018-01-01", "2018-12-31", "year")),
        ("العام الحالي", ("2018-01-01", "2018-12-31", "year")),
        ("هذا العام", ("2018-01-01", "2018-12-31", "year")),
        ("هذه السنة", ("2018-01-01", "2018-12-31", "year")),
        ("السنة الماضية", ("2017-01-01", "2017-12-31", "year")),
        ("السنة المقبلة", ("2019-01-01", "2019-12-31", "year")),
        ("خلال العام الماضي", ("2017-01-01", "2017-12-31", "year")),
        ("اليوم", ("2018-07-21", "2018-07-21", "day")),
        ("أمس", ("2018-07-20", "2018-07-20", "day")),
        ("حتى الآن", ("2018-07-21", "2018-07-21", "day")),
        # weekdays: 2018-07-21 is a Saturday
        ("السبت", ("2018-07-21", "2018-07-21", "day")),
        ("الجمعة", ("2018-07-20", "2018-07-20", "day")),
        ("يوم الأحد", ("2018-07-15", "2018-07-15", "day")),
        ("الاثنين", ("2018-07-16", "2018-07-16", "day")),
        ("الثلاثاء", ("2018-07-17", "2018-07-17", "day")),
        ("الأربعاء", ("2018-07-18", "2018-07-18", "day")),
        ("الخميس", ("2018-07-19", "2018-07-19", "day")),
        ("السبت الماضي", ("2018-07-14", "2018-07-14", "day")),
        ("الجمعة المقبلة", ("2018-07-27", "2018-07-27", "day")),
    ],
)
def test_arabic_relative(text, expected):
    assert spans(parse_date(text, KHALEEJ)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "أكتوبر 2017",
        "اكتوبر 2017",
        "أكْتُوبَر 2017",  # diacritics
        "أكتــــوبر 2017",  # tatweel
        "«أكتوبر 2017»",  # guillemets
        "\u200fأكتوبر\u200c 2017",  # RTL mark, zero-width non-joiner
        "أكتوبر ٢٠١٧",  # Arabic-Indic digits
        "أكتوبر ۲۰۱۷",  # Extended (Persian) digits
        "  أكتوبر   2017  ",
        "في أكتوبر، 2017",
        "تشرين الأوَّل 2017",
        "تشرين الاول 2017",
    ],
)
def test_arabic_spelling_is_tolerated(text):
    assert spans(parse_date(text)) == ("2017-10-01", "2017-10-31", "month")


def test_hamza_variants_of_weekday():
    for text in ("الإثنين", "الاثنين", "الأثنين", "يوم الإثنين"):
        assert spans(parse_date(text, NOV_2017)) == ("2017-11-20", "2017-11-20", "day")


def test_feminine_and_masculine_year_words_agree():
    feminine = parse_date("السنة الماضية", KHALEEJ)
    masculine = parse_date("العام الماضي", KHALEEJ)
    assert feminine.replace(text="") == masculine.replace(text="")


# --------------------------------------------------------------------------
# Anchors


def test_interval_anchor_returns_hull_of_both_ends():
    # From Sept 2020 "March last" is March 2020, from May 2021 it is March 2021.
    result = parse_date("مارس الماضي", SCHOOL_YEAR)
    assert spans(result) == ("2020-03-01", "2021-03-31", "month")
    # "today" over a three-day anchor is those three days.
    assert spans(parse_date("اليوم", NOV_2017)) == ("2017-11-20", "2017-11-22", "day")


def test_so_far_is_the_anchor_itself():
    result = parse_date("حتى الآن", LATE_2021)
    assert spans(result) == ("2021-08-01", "2021-12-31", "month")
    assert result.text == "حتى الآن"


def test_anchor_may_be_a_plain_date_or_datetime():
    assert parse_date("أمس", D(2018, 7, 21)) == day("2018-07-20", "أمس")
    assert parse_date("أمس", datetime.datetime(2018, 7, 21, 23, 0)) == day("2018-07-20", "أمس")


def test_anchor_of_wrong_type_is_a_programming_error():
    with pytest.raises(TypeError):
        parse_date("اليوم", "2018-07-21")  # type: ignore[arg-type]


def test_no_anchor_means_today(monkeypatch):
    fixed = day("2019-03-15", "today")
    monkeypatch.setattr(dates, "today_span", lambda: fixed)
    assert spans(parse_date("yesterday")) == ("2019-03-14", "2019-03-14", "day")
    assert spans(parse_date("مارس الماضي")) == ("2018-03-01", "2018-03-31", "month")


def test_today_span():
    result = today_span()
    assert result.precision == "day"
    assert result.start == result.end
    assert abs((result.start - D.today()).days) <= 1


def test_absolute_dates_ignore_the_anchor():
    for anchor in (None, KHALEEJ, NOV_2017, SCHOOL_YEAR):
        assert spans(parse_date("25 أكتوبر 2017", anchor)) == ("2017-10-25", "2017-10-25", "day")


def test_text_is_input_stripped():
    assert parse_date("  Oct 2017 \n").text == "Oct 2017"


# --------------------------------------------------------------------------
# Errors

BAD = [
    "",
    "   ",
    "soon",
    "قريبا",
    "أكتوبر/نوفمبر 2017",  # two different months
    "تشرين 2017",  # which Tishreen?
    "2017-13",
    "2017-02-30",
    "31 نيسان 2018",
    "30 فبراير الماضي",
    "25 Oct 17",  # two-digit year
    "25",
    "10:30",
    "Foo 2017",
    "2017-10-25-01",
    "October 2017 sometime",
    "أكتوبر 2017 2018",
    "1438 هـ",
    "next year\nplease",
]


@pytest.mark.parametrize("text", BAD)
def test_unreadable_dates_raise_one_line_date_error(text):
    with pytest.raises(DateError) as caught:
        parse_date(text, KHALEEJ)
    message = str(caught.value)
    assert message
    assert "\n" not in message and "\r" not in message
    assert isinstance(caught.value, InputError)


def test_generic_error_message_shape():
    with pytest.raises(
        DateError, match=r"^cannot read date: 'soon'; try 2017-10-25, 'Oct 2017' or 'أكتوبر 2017'$"
    ):
        parse_date("soon")


def test_error_quotes_multiline_input_on_one_line():
    with pytest.raises(DateError) as caught:
        parse_date("soon\nor later")
    assert "'soon or later'" in str(caught.value)


def test_impossible_day_is_reported_as_such():
    with pytest.raises(DateError, match="no such date"):
        parse_date("31 نيسان 2018")
    with pytest.raises(DateError, match="no such month"):
        parse_date("2017-13")


def test_non_text_is_rejected():
    with pytest.raises(DateError, match="must be text"):
        parse_date(20171025)  # type: ignore[arg-type]


def test_out_of_range_is_a_date_error():
    with pytest.raises(DateError, match="out of range"):
        parse_date("next year", day("9999-06-01"))


def test_importing_does_not_load_dateutil():
    code = "import sys, factcli.dates; print('dateutil' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------
# Properties

ARABIC_MONTH = {
    1: ["يناير", "كانون الثاني"],
    2: ["فبراير", "شباط"],
    3: ["مارس", "آذار"],
    4: ["أبريل", "نيسان", "إبريل"],
    5: ["مايو", "أيار"],
    6: ["يونيو", "حزيران", "يونيه"],
    7: ["يوليو", "تموز", "يوليه"],
    8: ["أغسطس", "آب", "اغسطس"],
    9: ["سبتمبر", "أيلول"],
    10: ["أكتوبر", "تشرين الأول", "تشرين أول"],
    11: ["نوفمبر", "تشرين الثاني", "تشرين ثاني"],
    12: ["ديسمبر", "كانون الأول", "كانون أول"],
}
TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
DAYS = st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31))


@given(DAYS)
def test_iso_round_trip(d):
    result = parse_date(d.isoformat())
    assert (result.start, result.end, result.precision) == (d, d, "day")


@given(DAYS, st.data())
def test_arabic_day_month_year_matches_iso(d, data):
    name = data.draw(st.sampled_from(ARABIC_MONTH[d.month]))
    text = f"{d.day} {name} {d.year}"
    if data.draw(st.booleans()):
        text = text.translate(TO_ARABIC_INDIC)
    expected = parse_date(d.isoformat())
    assert parse_date(text) == expected.replace(text=text)


@given(DAYS)
def test_arabic_paired_month_year_is_month_precision(d):
    names = ARABIC_MONTH[d.month]
    result = parse_date(f"{names[0]}/{names[1]} {d.year}")
    assert result.precision == "month"
    assert result.start == d.replace(day=1)
    assert result.contains(parse_date(d.isoformat()))
    assert (result.end + datetime.timedelta(days=1)).day == 1


@given(DAYS, st.sampled_from(["الماضي", "المقبل", "الجاري", ""]), st.integers(1, 12))
def test_relative_months_land_where_promised(anchor_day, word, month):
    name = ARABIC_MONTH[month][0]
    result = parse_date(f"{name} {word}".strip(), anchor_day)
    assert result.precision == "month" and result.start.month == month
    # Months from the anchor's month to the result's month.
    gap = (result.start.year - anchor_day.year) * 12 + month - anchor_day.month
    if word == "الماضي":
        assert -12 <= gap < 0
    elif word == "المقبل":
        assert 0 < gap <= 12
    elif word == "الجاري":
        assert result.start.year == anchor_day.year
    else:
        assert 0 <= gap < 12


# Fragments of real and broken date phrases, shuffled together by hypothesis.
WORDS = st.sampled_from(
    "في عام يوم شهر الماضي المقبل الجاري السبت تشرين الأول أكتوبر آب / \\ - Oct last next on"
    " Monday 2017 25 ٣١ 0 99999 02:07 ص حتى الآن".split()
)


@given(st.one_of(st.text(max_size=30), st.lists(WORDS, max_size=6).map(" ".join)))
def test_any_text_gives_a_span_or_a_one_line_date_error(text):
    try:
        result = parse_date(text, KHALEEJ)
    except DateError as error:
        assert "\n" not in str(error)
    else:
        assert problems(result.to_dict()) == []
        assert result.text == text.strip()


# ==========================================================================
# Dates as the news writes them. Every interval below is worked out against
# WED, the publication date of the Shoigu-in-Doha article: Wednesday
# 25 October 2017. Its ISO week runs Monday 23 - Sunday 29 October.

WED = day("2017-10-25")


def worked(cases):
    """(text, start, end, precision) rows for parametrize."""
    return pytest.mark.parametrize(("text", "start", "end", "precision"), cases)


def check(text, start, end, precision, anchor=WED):
    result = parse_date(text, anchor)
    assert spans(result) == (start, end, precision), text
    assert result.text == text.strip()
    assert problems(result.to_dict()) == []


@worked(
    [
        ("أمس", "2017-10-24", "2017-10-24", "day"),
        ("البارحة", "2017-10-24", "2017-10-24", "day"),
        ("أول أمس", "2017-10-23", "2017-10-23", "day"),
        ("أول من أمس", "2017-10-23", "2017-10-23", "day"),
        ("قبل أمس", "2017-10-23", "2017-10-23", "day"),
        ("غدا", "2017-10-26", "2017-10-26", "day"),
        ("غداً الخميس", "2017-10-26", "2017-10-26", "day"),  # tomorrow is a Thursday
        ("بعد غد", "2017-10-27", "2017-10-27", "day"),
        ("بعد الغد", "2017-10-27", "2017-10-27", "day"),
        ("أمس الثلاثاء", "2017-10-24", "2017-10-24", "day"),
        ("مساء الثلاثاء", "2017-10-24", "2017-10-24", "day"),  # the latest Tuesday
        ("صباح الخميس الماضي", "2017-10-19", "2017-10-19", "day"),
        ("مساء اليوم", "2017-10-25", "2017-10-25", "day"),  # as the article itself says
        ("صباح الغد", "2017-10-26", "2017-10-26", "day"),
        ("ليلة أمس", "2017-10-24", "2017-10-24", "day"),
        ("الليلة الماضية", "2017-10-24", "2017-10-24", "day"),  # a night is its evening's day
        ("last night", "2017-10-24", "2017-10-24", "day"),
        ("الليلة", "2017-10-25", "2017-10-25", "day"),
        ("بعد ظهر الثلاثاء", "2017-10-24", "2017-10-24", "day"),  # an afternoon, not "after"
        ("نهار أمس", "2017-10-24", "2017-10-24", "day"),
        ("حتى اليوم", "2017-10-25", "2017-10-25", "day"),
        ("the day before yesterday", "2017-10-23", "2017-10-23", "day"),
        ("tomorrow morning", "2017-10-26", "2017-10-26", "day"),
        ("Tuesday evening", "2017-10-24", "2017-10-24", "day"),
    ]
)
def test_days_relative_to_publication(text, start, end, precision):
    check(text, start, end, precision)


@worked(
    [
        ("الأسبوع الماضي", "2017-10-16", "2017-10-22", "iso_week"),
        ("الأسبوع المنصرم", "2017-10-16", "2017-10-22", "iso_week"),
        ("الأسبوع المقبل", "2017-10-30", "2017-11-05", "iso_week"),
        ("الأسبوع القادم", "2017-10-30", "2017-11-05", "iso_week"),
        ("الأسبوع الجاري", "2017-10-23", "2017-10-29", "iso_week"),
        ("هذا الأسبوع", "2017-10-23", "2017-10-29", "iso_week"),
        ("الأسبوع قبل الماضي", "2017-10-09", "2017-10-15", "iso_week"),
        ("الأسبوع السابق", "2017-10-16", "2017-10-22", "iso_week"),
        ("last week", "2017-10-16", "2017-10-22", "iso_week"),
        ("next week", "2017-10-30", "2017-11-05", "iso_week"),
        ("this week", "2017-10-23", "2017-10-29", "iso_week"),
    ]
)
def test_weeks_are_iso_weeks(text, start, end, precision):
    check(text, start, end, precision)


@worked(
    [
        ("منذ يومين", "2017-10-23", "2017-10-23", "day"),
        ("قبل يومين", "2017-10-23", "2017-10-23", "day"),
        ("منذ يوم", "2017-10-24", "2017-10-24", "day"),
        ("قبل 3 أيام", "2017-10-22", "2017-10-22", "day"),
        ("قبل ٣ أيام", "2017-10-22", "2017-10-22", "day"),
        ("منذ ثلاثة أيام", "2017-10-22", "2017-10-22", "day"),
        ("منذ 15 يوما", "2017-10-10", "2017-10-10", "day"),  # singular accusative after 11+
        ("قبل أسبوع", "2017-10-16", "2017-10-22", "iso_week"),
        ("منذ أسبوعين", "2017-10-09", "2017-10-15", "iso_week"),
        ("قبل 3 أسابيع", "2017-10-02", "2017-10-08", "iso_week"),
        ("قبل شهر", "2017-09-01", "2017-09-30", "month"),
        ("منذ شهرين", "2017-08-01", "2017-08-31", "month"),
        ("قبل 3 أشهر", "2017-07-01", "2017-07-31", "month"),
        ("قبل ثلاثة شهور", "2017-07-01", "2017-07-31", "month"),
        ("قبل عامين", "2015-01-01", "2015-12-31", "year"),
        ("منذ سنتين", "2015-01-01", "2015-12-31", "year"),
        ("منذ ثلاث سنوات", "2014-01-01", "2014-12-31", "year"),
        ("منذ 5 سنوات", "2012-01-01", "2012-12-31", "year"),
        ("قبل 11 عاما", "2006-01-01", "2006-12-31", "year"),
        # counts in words past ten: 11, 12, 15 (feminine), 20, 25, 100
        ("منذ أحد عشر شهرا", "2016-11-01", "2016-11-30", "month"),
        ("منذ اثني عشر عاما", "2005-01-01", "2005-12-31", "year"),
        ("قبل خمس عشرة سنة", "2002-01-01", "2002-12-31", "year"),
        ("قبل عشرين عاما", "1997-01-01", "1997-12-31", "year"),
        ("منذ خمسة وعشرين عاما", "1992-01-01", "1992-12-31", "year"),
        ("قبل مئة عام", "1917-01-01", "1917-12-31", "year"),
        ("3 days ago", "2017-10-22", "2017-10-22", "day"),
        ("two weeks ago", "2017-10-09", "2017-10-15", "iso_week"),
        ("2 months ago", "2017-08-01", "2017-08-31", "month"),
        ("a year ago", "2016-01-01", "2016-12-31", "year"),
        ("بعد 3 أيام", "2017-10-28", "2017-10-28", "day"),
        ("بعد أسبوعين", "2017-11-06", "2017-11-12", "iso_week"),
        ("in 3 days", "2017-10-28", "2017-10-28", "day"),
    ]
)
def test_counts_are_the_unit_n_before_or_after(text, start, end, precision):
    check(text, start, end, precision)


@worked(
    [
        ("25/10/2017", "2017-10-25", "2017-10-25", "day"),
        ("25.10.2017", "2017-10-25", "2017-10-25", "day"),
        ("25-10-2017", "2017-10-25", "2017-10-25", "day"),
        ("5/1/2018", "2018-01-05", "2018-01-05", "day"),  # day first: 5 January
        ("٢٥/١٠/٢٠١٧", "2017-10-25", "2017-10-25", "day"),
        ("10/2017", "2017-10-01", "2017-10-31", "month"),
        ("2017/10/25", "2017-10-25", "2017-10-25", "day"),  # ISO order stays year first
        ("2017-10-25T10:30:00Z", "2017-10-25", "2017-10-25", "day"),
        ("2017-10-25 10:30", "2017-10-25", "2017-10-25", "day"),
        ("29/2/2016", "2016-02-29", "2016-02-29", "day"),
    ]
)
def test_numeric_dates_are_day_first(text, start, end, precision):
    check(text, start, end, precision)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("31/4/2017", "no such date"),
        ("29/2/2017", "no such date"),
        ("10/25/2017", "no such month"),  # month-first is not how Arabic and European press write
        ("25/10/17", "four digits"),
        ("0/10/2017", "no such date"),
    ],
)
def test_impossible_numeric_dates_are_refused(text, fragment):
    with pytest.raises(DateError, match=fragment):
        parse_date(text, WED)


@worked(
    [
        ("25 October 2017 10:30 GMT", "2017-10-25", "2017-10-25", "day"),
        ("25 October 2017 10:30 (GMT+3)", "2017-10-25", "2017-10-25", "day"),
        ("Wednesday, October 25, 2017 10:30 a.m. EST", "2017-10-25", "2017-10-25", "day"),
        ("الأربعاء 25 أكتوبر 2017 الساعة 10:30", "2017-10-25", "2017-10-25", "day"),
        ("25 أكتوبر 2017 02:07 ص", "2017-10-25", "2017-10-25", "day"),
        ("25 أكتوبر 2017 10:30 بتوقيت مكة المكرمة", "2017-10-25", "2017-10-25", "day"),
        ("25 أكتوبر 2017 - 10:30 ت.غ", "2017-10-25", "2017-10-25", "day"),
        ("الساعة 10:30 من يوم الأربعاء 25 أكتوبر 2017", "2017-10-25", "2017-10-25", "day"),
        ("أمس الساعة 23:59", "2017-10-24", "2017-10-24", "day"),
        # RFC 2822, as e-mail and RSS date a story: a spaced four-digit offset
        ("Wed, 25 Oct 2017 10:30:00 +0300", "2017-10-25", "2017-10-25", "day"),
        ("Wed Oct 25 10:30:00 2017", "2017-10-25", "2017-10-25", "day"),  # a year after the time
        ("25 أكتوبر 2017 10:30 (بتوقيت مكة المكرمة)", "2017-10-25", "2017-10-25", "day"),
    ]
)
def test_datelines_keep_the_time_out_of_the_interval(text, start, end, precision):
    check(text, start, end, precision)


def test_a_time_is_not_a_date_and_an_impossible_time_is_named():
    with pytest.raises(DateError, match="no date in it"):
        parse_date("الساعة 10:30", WED)
    with pytest.raises(DateError, match="no such time: 25:61"):
        parse_date("25 أكتوبر 2017 الساعة 25:61", WED)


@worked(
    [
        ("يوم 17 أكتوبر الجاري", "2017-10-17", "2017-10-17", "day"),
        ("في الـ25 من أكتوبر", "2017-10-25", "2017-10-25", "day"),
        ("أكتوبر من العام الماضي", "2016-10-01", "2016-10-31", "month"),
        ("17 أكتوبر من العام الماضي", "2016-10-17", "2016-10-17", "day"),
        ("مارس من العام المقبل", "2018-03-01", "2018-03-31", "month"),
        ("العام قبل الماضي", "2015-01-01", "2015-12-31", "year"),
        ("الشهر قبل الماضي", "2017-08-01", "2017-08-31", "month"),
        ("في يوم الأحد", "2017-10-22", "2017-10-22", "day"),
        ("الأول من أكتوبر", "2017-10-01", "2017-10-01", "day"),
        # days as ordinal words: 10th, 25th (genitive and nominative), 11th, 31st
        ("في العاشر من أكتوبر", "2017-10-10", "2017-10-10", "day"),
        ("الخامس والعشرين من أكتوبر 2017", "2017-10-25", "2017-10-25", "day"),
        ("الخامس والعشرون من أكتوبر 2017", "2017-10-25", "2017-10-25", "day"),
        ("الحادي عشر من سبتمبر 2001", "2001-09-11", "2001-09-11", "day"),
        ("الحادي والثلاثين من ديسمبر", "2017-12-31", "2017-12-31", "day"),
        ("الأربعاء الخامس والعشرين من أكتوبر 2017", "2017-10-25", "2017-10-25", "day"),
        # a day of the month a relative phrase names
        ("في 15 من الشهر الجاري", "2017-10-15", "2017-10-15", "day"),
        ("العاشر من الشهر الماضي", "2017-09-10", "2017-09-10", "day"),
        ("the 25th of October 2017", "2017-10-25", "2017-10-25", "day"),
        ("Oct. 25th, 2017", "2017-10-25", "2017-10-25", "day"),
        ("منذ 2015", "2015-01-01", "2015-12-31", "year"),
    ]
)
def test_filler_words_are_skipped(text, start, end, precision):
    check(text, start, end, precision)


@worked(
    [
        # months: early = days 1-10, middle = 11-20, late = 21 to the last day
        ("مطلع أكتوبر", "2017-10-01", "2017-10-10", "part"),
        ("بداية أكتوبر", "2017-10-01", "2017-10-10", "part"),
        ("أوائل أكتوبر", "2017-10-01", "2017-10-10", "part"),
        ("منتصف أكتوبر", "2017-10-11", "2017-10-20", "part"),
        ("أواخر أكتوبر", "2017-10-21", "2017-10-31", "part"),
        ("نهاية فبراير 2016", "2016-02-21", "2016-02-29", "part"),
        ("منتصف أكتوبر الماضي", "2016-10-11", "2016-10-20", "part"),
        ("نهاية الشهر الجاري", "2017-10-21", "2017-10-31", "part"),
        ("مطلع الشهر المقبل", "2017-11-01", "2017-11-10", "part"),
        ("late October", "2017-10-21", "2017-10-31", "part"),
        # years: early = January-April, middle = May-August, late = September-December
        ("مطلع العام الجاري", "2017-01-01", "2017-04-30", "part"),
        ("منتصف 2019", "2019-05-01", "2019-08-31", "part"),
        ("أواخر عام 2020", "2020-09-01", "2020-12-31", "part"),
        ("نهاية العام", "2017-09-01", "2017-12-31", "part"),
        ("early 2019", "2019-01-01", "2019-04-30", "part"),
        ("mid-2019", "2019-05-01", "2019-08-31", "part"),
        ("the end of last year", "2016-09-01", "2016-12-31", "part"),
    ]
)
def test_parts_of_months_and_years(text, start, end, precision):
    check(text, start, end, precision)


@worked(
    [
        ("الربع الأول من 2021", "2021-01-01", "2021-03-31", "quarter"),
        ("Q1 2021", "2021-01-01", "2021-03-31", "quarter"),
        ("q4 2020", "2020-10-01", "2020-12-31", "quarter"),
        ("first quarter of 2021", "2021-01-01", "2021-03-31", "quarter"),
        ("the last quarter of 2020", "2020-10-01", "2020-12-31", "quarter"),
        ("الربع الثالث من العام الجاري", "2017-07-01", "2017-09-30", "quarter"),
        ("الربع الأخير من العام الماضي", "2016-10-01", "2016-12-31", "quarter"),
        ("الربع الأول", "2017-01-01", "2017-03-31", "quarter"),  # of the anchor's year
        ("النصف الثاني من 2018", "2018-07-01", "2018-12-31", "half"),
        ("H1 2018", "2018-01-01", "2018-06-30", "half"),
        ("النصف الأول من العام المقبل", "2018-01-01", "2018-06-30", "half"),
        # seasons: meteorological, northern hemisphere; a winter is named by its January
        ("الصيف المقبل", "2018-06-01", "2018-08-31", "season"),
        ("الصيف الماضي", "2017-06-01", "2017-08-31", "season"),
        ("هذا الصيف", "2017-06-01", "2017-08-31", "season"),  # the nearer: just over
        ("الشتاء المقبل", "2017-12-01", "2018-02-28", "season"),
        ("الخريف الماضي", "2016-09-01", "2016-11-30", "season"),  # autumn 2017 is not over
        ("الخريف", "2017-09-01", "2017-11-30", "season"),  # in progress
        ("شتاء 2016", "2015-12-01", "2016-02-29", "season"),
        ("صيف العام الماضي", "2016-06-01", "2016-08-31", "season"),
        ("summer 2018", "2018-06-01", "2018-08-31", "season"),
    ]
)
def test_quarters_halves_and_seasons(text, start, end, precision):
    check(text, start, end, precision)


# --- Hijri: Umm al-Qura through hijridate

# Known conversions: 17 Safar 1403 = 2 December 1982 (hijridate's documented example);
# 1 Ramadan 1438 = 27 May 2017 and Eid al-Fitr (1 Shawwal 1438) = 25 June 2017 in Saudi
# Arabia; the dateline pairs Wednesday 5 Safar 1439 with 25 October 2017.


@worked(
    [
        ("17 صفر 1403", "1982-12-02", "1982-12-02", "day"),
        ("1 رمضان 1438", "2017-05-27", "2017-05-27", "day"),
        ("رمضان 1438", "2017-05-27", "2017-06-24", "hijri_month"),
        ("رمضان الماضي", "2017-05-27", "2017-06-24", "hijri_month"),  # WED is in Safar 1439
        ("شهر رمضان المبارك الماضي", "2017-05-27", "2017-06-24", "hijri_month"),
        ("5 صفر 1439", "2017-10-25", "2017-10-25", "day"),
        ("5 صفر 1439 هـ", "2017-10-25", "2017-10-25", "day"),
        ("٥ صفر ١٤٣٩هـ", "2017-10-25", "2017-10-25", "day"),
        ("5 صفر", "2017-10-25", "2017-10-25", "day"),
        ("1439/2/5", "2017-10-25", "2017-10-25", "day"),  # year 1343-1500: Hijri, not Gregorian 1439
        ("5/2/1439", "2017-10-25", "2017-10-25", "day"),
        ("1439/2/5 هـ", "2017-10-25", "2017-10-25", "day"),
        ("1 شوال 1438", "2017-06-25", "2017-06-25", "day"),
        # غرة is the first of a month; bare, the next Ramadan is 1439's (1 Ramadan = 16 May 2018)
        ("غرة رمضان", "2018-05-16", "2018-05-16", "day"),
        ("الثاني عشر من ربيع الأول 1439", "2017-11-30", "2017-11-30", "day"),  # Mawlid 2017
        ("الأربعاء 5 صفر 1439هـ - 25 أكتوبر 2017م", "2017-10-25", "2017-10-25", "day"),
        ("5 صفر 1439 هـ الموافق 25 أكتوبر 2017 م", "2017-10-25", "2017-10-25", "day"),
        ("25 أكتوبر 2017 (5 صفر 1439 هـ)", "2017-10-25", "2017-10-25", "day"),
        ("الأربعاء 5 صفر 1439 هـ 25 أكتوبر 2017 م", "2017-10-25", "2017-10-25", "day"),
    ]
)
def test_hijri_dates(text, start, end, precision):
    check(text, start, end, precision)


def test_hijri_month_spans_follow_the_umm_al_qura_table():
    # Umm al-Qura conversions published outside factcli: 14 Ramadan 1439 = 29 May 2018 (so
    # 1 Ramadan = 16 May), a 30-day Ramadan, Eid al-Fitr 1439 (1 Shawwal) = Friday 15 June
    # 2018; Mawlid (12 Rabi al-Awwal 1439) = 30 November 2017, so Safar 1439 ends 18 November.
    result = parse_date("رمضان المقبل", WED)  # from Safar 1439, the next Ramadan is 1439's
    assert spans(result) == ("2018-05-16", "2018-06-14", "hijri_month")
    assert result.text == "رمضان المقبل"
    assert spans(parse_date("صفر 1439", WED)) == ("2017-10-21", "2017-11-18", "hijri_month")
    assert parse_date("شهر رمضان", WED) == result.replace(text="شهر رمضان")
    assert spans(parse_date("14 رمضان 1439", WED)) == ("2018-05-29", "2018-05-29", "day")
    assert spans(parse_date("1 شوال 1439", WED)) == ("2018-06-15", "2018-06-15", "day")
    assert spans(parse_date("12 ربيع الأول 1439", WED)) == ("2017-11-30", "2017-11-30", "day")
    # 4 Rabi al-Awwal 1440 = 12 November 2018; 27 Rajab 1415 = 29 December 1994.
    assert spans(parse_date("4 ربيع الأول 1440", WED)) == ("2018-11-12", "2018-11-12", "day")
    assert spans(parse_date("27 رجب 1415", WED)) == ("1994-12-29", "1994-12-29", "day")
    with pytest.raises(DateError, match="no such Hijri date"):
        parse_date("30 ذو القعدة 1439", WED)  # Dhu al-Qadah 1439 has 29 days


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("الأربعاء 5 صفر 1439هـ - 26 أكتوبر 2017م", "disagree"),
        ("الخميس 5 صفر 1439هـ - 25 أكتوبر 2017م", "is a Wednesday, not a Thursday"),
        ("30 صفر 1439", "no such Hijri date"),  # Safar 1439 has 29 days
        ("1439/13/1", "no such Hijri month"),
        ("5 صفر 1342", "out of range"),
        ("1 محرم 1501", "out of range"),
        ("1438 هـ", "Hijri year alone"),
        ("صفر 1439 - أكتوبر 2017", "disagree"),
    ],
)
def test_hijri_refusals(text, fragment):
    with pytest.raises(DateError, match=fragment) as caught:
        parse_date(text, WED)
    assert "\n" not in str(caught.value)


def test_hijri_relative_month_needs_an_anchor_in_the_table():
    with pytest.raises(DateError, match="outside the Hijri dates read"):
        parse_date("رمضان الماضي", day("1900-01-01"))


def test_hijri_month_precision_is_checked_against_the_calendar():
    ramadan = {"start": "2017-05-27", "end": "2017-06-24", "precision": "hijri_month", "text": "رمضان 1438"}
    assert problems(ramadan) == []
    assert any("1st of a Hijri month" in p for p in problems({**ramadan, "start": "2017-05-28"}))
    assert any("last day of a Hijri month" in p for p in problems({**ramadan, "end": "2017-06-25"}))
    assert any("outside the Hijri dates" in p for p in problems({**ramadan, "start": "1900-01-01"}))


# --- month names of every region, and Persian letters folded by normalize()


@pytest.mark.parametrize(
    ("name", "month"),
    [
        # Maghrebi (Morocco)
        ("يناير", 1), ("فبراير", 2), ("مارس", 3), ("أبريل", 4), ("ماي", 5), ("يونيو", 6),
        ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("أكتوبر", 10), ("نونبر", 11), ("دجنبر", 12),
        # Algerian and Tunisian
        ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
        # Persian keyboard letters (ی, ک) and digits
        ("تشرین الأول", 10), ("دیسمبر", 12), ("کانون الثاني", 1), ("تشرین الثاني", 11),
    ],
)  # fmt: skip
def test_regional_month_names(name, month):
    result = parse_date(f"{name} 2017", WED)
    last = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]  # 2017 is not a leap year
    assert (result.start, result.end, result.precision) == (D(2017, month, 1), D(2017, month, last), "month")


def test_persian_digits_and_letters_together():
    check("۲۵ دیسمبر ۲۰۱۷", "2017-12-25", "2017-12-25", "day")


# --- refused, with one line, never guessed


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("يومين", "length of time"),
        ("two years", "length of time"),
        ("أيام", "length of time"),
        ("منذ أيام", "how many"),
        ("منذ أكثر من عام", "cannot read"),
        ("في المستقبل القريب", "cannot read"),
        ("قبل أكتوبر", "cannot read"),  # a bound, not a date
        ("بعد 2019", "cannot read"),
        ("2017–2018", "disagree"),  # a range, not one date
        ("2017/2018", "range of years"),
        ("ليلة الثلاثاء", "read two ways"),
        ("مطلع الأسبوع", "cannot read"),
        ("منتصف رمضان", "month or a year"),
        ("Q5 2020", "4 quarters"),
        ("غدا الجمعة", "not a Friday"),  # tomorrow is a Thursday
        ("الخميس 25 أكتوبر 2017", "is a Wednesday, not a Thursday"),
        ("الخميس الثلاثاء", "two weekdays"),
        ("الحادي والثلاثين من نوفمبر", "no such date"),
        ("31 من الشهر المقبل", "no such date"),  # November has 30 days
    ],
)
def test_phrases_naming_no_single_date_are_refused(text, fragment):
    with pytest.raises(DateError, match=fragment) as caught:
        parse_date(text, WED)
    assert "\n" not in str(caught.value)


# --- bounds: years 1000-2999 in every path


@pytest.mark.parametrize(
    "text",
    [
        "0000",
        "0000-01-01",
        "0999",
        "9999",
        "9999-12",
        "9999-12-31",
        "31/12/9999",
        "1 January 3000",
        "منذ 99999 سنة",
        "قبل 1000000000000000000000 يوم",
        "بعد 100000 شهر",
        "قبل " + "9" * 190 + " يوم",
    ],
)  # fmt: skip  (numbers past int()'s digit limit no longer reach it: see the length bound below)
def test_years_out_of_range_are_one_line_errors(text):
    with pytest.raises(DateError, match="out of range") as caught:
        parse_date(text, WED)
    assert "\n" not in str(caught.value)


def test_year_range_edges_are_read():
    assert spans(parse_date("1000")) == ("1000-01-01", "1000-12-31", "year")
    assert spans(parse_date("2999-12")) == ("2999-12-01", "2999-12-31", "month")
    with pytest.raises(DateError, match="out of range"):
        parse_date("next year", day("2999-06-01"))


# --- the new precisions in a hull (their stored form: tests/unit/test_datespan.py)


def test_hull_widens_to_the_coarser_new_precision():
    q1 = span("2021-01-01", "2021-03-31", "quarter")
    assert spans(q1.hull(day("2021-05-10"))) == ("2021-01-01", "2021-06-30", "quarter")
    week = span("2017-10-23", "2017-10-29", "iso_week")
    assert spans(week.hull(day("2017-11-01"))) == ("2017-10-23", "2017-11-05", "iso_week")
    # A week over the anchor's three days is still one week: 20-22 November 2017 is Mon-Wed.
    assert spans(parse_date("الأسبوع الماضي", NOV_2017)) == ("2017-11-13", "2017-11-19", "iso_week")


# --- the same module serves the importer and the command line


def test_importer_resolves_news_phrases_against_the_publication_date():
    from conftest import entity_record, source_record

    from factcli.importer import build

    text = "استقبل أمير قطر وزير الدفاع الروسي مساء اليوم في الدوحة."
    records = [
        source_record("src-a", text, "2017-10-25"),
        entity_record("qatar", "Qatar"),
        entity_record("russia", "Russia"),
        {"subject": "qatar", "predicate": "met", "object": "russia", "date": "مساء اليوم",
         "statement": "The Emir of Qatar received the Russian defence minister.",
         "citation": {"source": "src-a", "quote": "استقبل أمير قطر وزير الدفاع الروسي مساء اليوم"}},
    ]  # fmt: skip
    facts = build(records)
    assert facts.claims[0]["date"] == {
        "start": "2017-10-25", "end": "2017-10-25", "precision": "day", "text": "مساء اليوم"
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--since", "0000"), "out of range"),
        (("--until", "9999-12"), "out of range"),
        (("--since", "31/4/2017"), "no such date"),
        (("--since", "يومين"), "length of time"),
    ],
)
def test_command_line_dates_fail_on_one_line(args, fragment):
    result = factcli("search", *args, db=SHIPPED)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("factcli: ") and fragment in lines[0], lines


def test_command_line_reads_a_quarter_as_a_window():
    # The corpus dates the second S-400 batch talks for Turkey July 2021: in Q3, not Q2.
    q3 = factcli("search", "--since", "Q3 2021", "--until", "Q3 2021", "--json", db=SHIPPED)
    q2 = factcli("search", "--since", "Q2 2021", "--until", "Q2 2021", "--json", db=SHIPPED)
    july = [c["id"] for c in json.loads(q3.stdout) if c["date"]["start"].startswith("2021-07")]
    assert july and not any(c["date"]["start"].startswith("2021-07") for c in json.loads(q2.stdout))


# --- no input makes parse_date fail with anything but a DateError

NEWS_WORDS = st.sampled_from(
    "أمس أول غدا بعد غد قبل منذ يومين أيام أسبوعين الأسبوع الشهر العام الماضي المقبل الجاري مطلع منتصف"
    " أواخر نهاية الربع النصف الأول الثاني الأخير الصيف الشتاء رمضان صفر ربيع شوال هـ م ص الساعة بتوقيت"
    " الموافق من في الـ يوم ليلة مساء الخميس الأربعاء 5 25 1439 1343 1500 2017 0 9999 10:30 24:00 99:99"
    " 25/10/2017 1439/2/5 31/4/2017 - – ( ) | Q1 H2 q9 ago last next this week quarter of early GMT+3".split()
)
ANCHORS = st.one_of(
    st.none(),
    st.dates(min_value=D(1000, 1, 1), max_value=D(2999, 12, 31)),
    st.sampled_from(
        [
            NOV_2017,
            SCHOOL_YEAR,
            day("0001-01-01"),
            day("9999-12-31"),
            span("1000-01-01", "2999-12-31", "year"),
        ]
    ),
)


@settings(max_examples=100, deadline=None)
@given(st.one_of(st.text(max_size=40), st.lists(NEWS_WORDS, max_size=8).map(" ".join)), ANCHORS)
def test_no_text_and_no_anchor_raise_anything_but_a_date_error(text, anchor):
    try:
        result = parse_date(text, anchor)
    except DateError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert problems(result.to_dict()) == []
        assert result.text == text.strip()


def test_a_phrase_past_the_length_bound_is_refused_in_one_line():
    # A pasted paragraph is no date: refused at once, the phrase cut short in the message.
    paragraph = "وقالت الوكالة إن روسيا وقطر وقعتا اتفاقا في 25 أكتوبر 2017 " * 20
    with pytest.raises(DateError) as refused:
        parse_date(paragraph)
    message = str(refused.value)
    assert "longer than 200 characters" in message and "\n" not in message and len(message) < 200
    # Surrounding blanks do not count: the phrase is read after stripping them.
    assert parse_date(" " * 300 + "25 أكتوبر 2017" + " " * 300).to_dict()["start"] == "2017-10-25"
