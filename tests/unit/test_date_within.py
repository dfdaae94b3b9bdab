"""The "some time inside this span" DATE (`within`): its JSON form, its checks in
datespan.problems and verify, the parser marking it, and the shipped store using it where the
articles give one day (or one moment) that only an interval can hold."""

from __future__ import annotations

import datetime

import pytest
from conftest import SHIPPED, entity_record, factcli, source_record

from factcli.dates import parse_date
from factcli.datespan import DateSpan, problems
from factcli.errors import DateError
from factcli.importer import build
from factcli.verify import verify

D = datetime.date
# Article 003 is undated; its content puts it between August and December 2021.
LATE_2021 = DateSpan(D(2021, 8, 1), D(2021, 12, 31), "month", "")
MONDAY = {"start": "2021-07-26", "end": "2021-12-27", "precision": "day", "text": "الاثنين", "within": True}


def test_within_round_trips_and_is_left_out_when_false():
    span = DateSpan.from_dict(MONDAY)
    assert span.within is True
    assert span.to_dict() == MONDAY
    plain = {"start": "2017-10-01", "end": "2017-10-31", "precision": "month", "text": "أكتوبر 2017"}
    assert DateSpan.from_dict(plain).to_dict() == plain
    assert DateSpan.from_dict({**plain, "within": False}).to_dict() == plain


def test_within_must_be_a_boolean_on_a_span_wider_than_one_unit():
    assert problems(MONDAY) == []
    assert problems({**MONDAY, "within": "yes"}) == ["within must be true or false, got 'yes'"]
    one_day = {**MONDAY, "end": "2021-07-26"}
    assert problems(one_day) == ["within needs a span wider than one day"]
    one_month = {"start": "2021-07-01", "end": "2021-07-31", "precision": "month", "text": "", "within": True}
    assert problems(one_month) == ["within needs a span wider than one month"]
    assert problems({**MONDAY, "within_days": 3}) == ["unexpected key 'within_days'"]
    with pytest.raises(DateError):
        DateSpan(D(2021, 7, 26), D(2021, 7, 26), "day", "", within=True)


def test_a_weekday_in_an_undated_article_is_one_day_within_the_range():
    # 1 August 2021 is a Sunday, so the latest Monday on or before it is 26 July; the latest
    # on or before 31 December (a Friday) is 27 December. The article's Monday is one of them.
    assert parse_date("الاثنين", LATE_2021).to_dict() == MONDAY


def test_a_phrase_that_names_the_same_time_from_both_ends_is_not_within():
    assert "within" not in parse_date("2019", LATE_2021).to_dict()
    assert "within" not in parse_date("هذا العام", LATE_2021).to_dict()


def test_so_far_in_an_article_published_some_day_in_a_range_is_within_it():
    published = DateSpan(D(2017, 11, 20), D(2017, 11, 22), "day", "", within=True)
    assert parse_date("حتى الآن", published).to_dict() == {
        "start": "2017-11-20",
        "end": "2017-11-22",
        "precision": "day",
        "text": "حتى الآن",
        "within": True,
    }


def test_verify_finds_a_bad_within_in_a_stored_claim():
    facts = build(
        [
            source_record("src-a", "Qatar signed the deal.", "2021-08-01"),
            entity_record("qatar", "Qatar"),
            {
                "subject": "qatar",
                "predicate": "considering",
                "statement": "Qatar is considering it.",
                "date": dict(MONDAY),
                "citation": {"source": "src-a", "quote": "Qatar signed the deal"},
            },
        ]
    )
    assert [p for p in verify(facts) if p["field"] == "date"] == []
    facts.claims[0]["date"]["within"] = 1
    assert [(p["id"], p["field"]) for p in verify(facts) if p["field"] == "date"] == [
        (facts.claims[0]["id"], "date")
    ]


# --- the shipped store -------------------------------------------------------------------


def _claim(shipped, cid):
    return next(x for x in shipped.claims if x["id"] == cid)


def test_shipped_day_spans_wider_than_a_day_say_they_are_one_day_within(shipped):
    for record in [*shipped.claims, *(dict(date=s["published"], id=s["id"]) for s in shipped.sources)]:
        date = record.get("date")
        if date and date["precision"] == "day" and date["start"] != date["end"]:
            assert date.get("within") is True, record["id"]


def test_shipped_mondays_of_article_003_are_one_day_within_the_articles_range(shipped):
    for cid in ("c0095", "c0096", "c0101", "c0103"):
        assert _claim(shipped, cid)["date"] == MONDAY, cid


def test_shipped_order_book_so_far_is_dated_the_day_mikheev_spoke(shipped):
    # «وسجل الطلبات حتى الآن» is in the same Monday statement as c0095.
    order_book, statement = _claim(shipped, "c0106"), _claim(shipped, "c0095")
    assert {**order_book["date"], "text": ""} == {**statement["date"], "text": ""}
    assert order_book["date"]["text"] == "حتى الآن"


def test_shipped_remarks_at_shoigus_visit_are_dated_the_day_of_the_visit(shipped):
    # «محادثاتنا الجارية اليوم»: the remarks of c0083-c0086 were made at the 25 October
    # 2017 talks, the day c0082 (the same words) is dated.
    visit_day = {"start": "2017-10-25", "end": "2017-10-25", "precision": "day"}
    for cid in ("c0082", "c0083", "c0084", "c0085", "c0086"):
        date = _claim(shipped, cid)["date"]
        assert {k: date[k] for k in visit_day} == visit_day, cid


def test_show_and_search_say_the_monday_is_one_day_in_the_span():
    shown = factcli("show", "c0095", db=SHIPPED)
    assert shown.exit_code == 0
    header, row = (line.split("\t") for line in shown.stdout.splitlines())  # one claim a line
    assert dict(zip(header, row, strict=True))["date"] == "a day in 2021-07-26..2021-12-27  «الاثنين»"
    found = factcli("search", "--predicate", "order_book_value", db=SHIPPED)
    assert found.stdout.splitlines()[1].split("\t")[:2] == ["c0106", "a day in 2021-07-26..2021-12-27"]
