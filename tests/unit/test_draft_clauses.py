"""Drafting real news clauses: figures in the currency the text gives, states named by an
epithet, a deal named from both its parties and its goods, and the verbs of the domain read
as frames (who makes, runs, funds what)."""

from __future__ import annotations

from factcli.draft import draft_article, parse_published

STATES = [
    {"id": "russia", "type": "country", "name": "Russia", "name_ar": "روسيا", "aliases": []},
    {"id": "egypt", "type": "country", "name": "Egypt", "name_ar": "مصر", "aliases": []},
    {"id": "germany", "type": "country", "name": "Germany", "name_ar": "ألمانيا", "aliases": []},
]
ANCHOR = parse_published("2022-01-20")


def _values(text: str) -> list[dict]:
    draft = draft_article(text, [dict(e) for e in STATES], published=ANCHOR)
    return [c["value"] for c in draft.claims if c["predicate"] == "contract_value"]


def test_a_deal_priced_in_euros_is_worth_euros() -> None:
    # "The deal's value reached about 3 billion euros."
    assert _values("وقعت مصر صفقة مع ألمانيا. وبلغت قيمة الصفقة نحو 3 مليار يورو.") == [
        {"amount": 3_000_000_000, "unit": "EUR"}
    ]


def test_australian_dollars_and_pounds_sterling_are_not_us_dollars() -> None:
    # "... a contract worth 50 billion Australian dollars", "... worth 2 million pounds sterling".
    assert _values("وقعت مصر عقدا قيمته 50 مليار دولار أسترالي مع روسيا.") == [
        {"amount": 50_000_000_000, "unit": "AUD"}
    ]
    assert _values("وقعت مصر عقدا قيمته 2 مليون جنيه إسترليني مع روسيا.") == [
        {"amount": 2_000_000, "unit": "GBP"}
    ]
    # A pound with no qualifier (Egypt's, most often) is no unit of the vocabulary: no figure.
    assert _values("وقعت مصر عقدا قيمته 2 مليون جنيه مع روسيا.") == []
