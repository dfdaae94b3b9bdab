"""Drafting: what a reviewer edits besides subject, predicate and object (a claim's date,
speaker and via), and the page furniture a draft must not cite (a lead paragraph printed
twice)."""

from __future__ import annotations

import copy

from factcli.draft import draft_article, parse_published

ENTITIES = [
    {"id": "egypt", "type": "country", "name": "Egypt", "name_ar": "مصر", "aliases": []},
    {"id": "france", "type": "country", "name": "France", "name_ar": "فرنسا", "aliases": []},
    {"id": "rafale", "type": "weapon_system", "name": "Rafale", "name_ar": "رافال", "aliases": []},
]
DAY = parse_published("2024-03-10")


def _draft(text: str, published=DAY):
    return draft_article(text, copy.deepcopy(ENTITIES), published=published)


# -- page furniture --------------------------------------------------------------------


def test_a_lead_printed_above_the_date_line_and_again_in_the_body_is_cited_once_from_the_body() -> None:
    lead = (
        "في إطار الزيارة الرسمية التي يقوم بها وزير الدفاع الفرنسي إلى القاهرة على رأس وفد كبير من"
        " المسؤولين والخبراء، وقعت مصر وفرنسا في القاهرة اتفاقا لشراء طائرات رافال المقاتلة بحضور"
        " كبار القادة العسكريين في البلدين"
    )
    text = f"{lead}\n10 مارس 2024\n{lead}.\nوقال مسؤول إن التسليم يبدأ العام المقبل."
    body = text.rindex(lead)
    starts = [c["citation"]["start"] for c in _draft(text).claims]
    assert starts, "the body's copy gives no candidate"
    assert all(s >= body for s in starts), "a candidate cites the copy above the date line"
