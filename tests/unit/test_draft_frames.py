"""Drafting's reading of a sentence's frame: a month's name is a date only in a date's
company, and the papers an article credits are its media."""

from __future__ import annotations

from factcli.draft import draft_article, parse_published
from factcli.draft.dating import find_dates
from factcli.draft.spans import clauses

ENTITIES = [
    {"id": "russia", "type": "country", "name": "Russia", "name_ar": "روسيا", "aliases": []},
    {"id": "egypt", "type": "country", "name": "Egypt", "name_ar": "مصر", "aliases": []},
]
ANCHOR = parse_published("2019-05-03")


def _dates(text: str) -> list[tuple[str, str]]:
    words = clauses(text)[0].words
    return [(d.start.isoformat(), d.end.isoformat()) for _, _, d in find_dates(text, words, ANCHOR, set())]


def test_a_month_name_alone_is_a_word_not_a_date() -> None:
    assert _dates("قال الرئيس رجب حسن إن بلاده وقعت العقد") == []
    assert _dates("وقعت مصر العقد أيار بعد أيام") == []


def test_a_month_name_is_a_date_in_a_dates_company() -> None:
    assert _dates("وقعت مصر العقد في أغسطس") == [("2019-08-01", "2019-08-31")]
    assert _dates("وقعت مصر العقد مطلع أغسطس") == [("2019-08-01", "2019-08-10")]
    assert _dates("وقعت مصر العقد يوم 12 أغسطس 2018") == [("2018-08-12", "2018-08-12")]
    assert _dates("وقعت مصر العقد عام 2014") == [("2014-01-01", "2014-12-31")]


def test_a_credited_paper_is_the_via_where_the_text_credits_it() -> None:
    text = "عنوان\nوقعت مصر عقدا مع روسيا، بحسب صحيفة «فيدومستي» الروسية.\n"
    draft = draft_article(
        text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["Vedomosti (فيدومستي)"]
    )
    paper = [e for e in draft.entities if e["name_ar"] == "فيدومستي"]
    assert paper and paper[0]["name"] == "Vedomosti" and paper[0]["type"] == "organization"
    assert {c["via"] for c in draft.claims} == {paper[0]["id"]}
    assert paper[0]["id"] not in {c["subject"] for c in draft.claims}


def test_an_unnamed_credit_is_no_entity() -> None:
    text = "عنوان\nوقعت مصر عقدا مع روسيا.\n"
    draft = draft_article(
        text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["وكالات (unnamed agencies)"]
    )
    assert draft.entities == []
