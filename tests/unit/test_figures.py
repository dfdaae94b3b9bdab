"""Tests for factcli.figures: a stored figure read exactly, at its natural scale, and written
the way the articles' own statements write it.

The values are the shipped store's: Mikheev's "$8.6 billion" of contracts signed in 2021 and
"$52.1 billion" order book, Rosoboronexport's exports to "61 countries", Al Udeid "30 km"
south-west of Doha, the five-year cooperation agreement and the blockade of "more than a year";
the README's "2.5 m people" is the form of a scaled count of people."""

from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SHIPPED

from factcli import store
from factcli.figures import decimal, number_text, scale, value_text


@pytest.mark.parametrize(
    "value, text",
    [
        ({"amount": 8_600_000_000, "unit": "USD"}, "$8.6 bn"),  # c0104, c0108
        ({"amount": 52_100_000_000, "unit": "USD"}, "$52.1 bn"),  # c0106
        ({"amount": 5_200_000_000, "unit": "USD"}, "$5.2 bn"),  # c0107
        ({"amount": 61, "unit": "country"}, "61 countries"),  # c0105
        ({"amount": 30, "unit": "km"}, "30 km"),  # c0142: km has no plural
        ({"amount": 5, "unit": "year"}, "5 years"),  # c0062
        ({"amount": 1, "unit": "year"}, "1 year"),  # c0034: one of a unit is singular
        ({"amount": 2_500_000, "unit": "person"}, "2.5 m people"),  # README
        ({"amount": 1_000_000, "unit": "person"}, "1 m people"),  # a scaled figure is many
    ],
)
def test_a_figure_reads_as_the_article_writes_it(value, text):
    assert value_text(value) == text


def test_every_figure_of_the_shipped_store_reads_with_its_unit():
    facts = store.load(store.Location(SHIPPED, "--db"))
    shown = {c["id"]: value_text(c["value"]) for c in facts.claims if c.get("value")}
    assert shown["c0104"] == shown["c0108"] == "$8.6 bn"
    assert shown["c0105"] == "61 countries"
    assert shown["c0142"] == "30 km"


def test_no_figure_reads_as_the_missing_text():
    assert value_text(None) == ""
    assert value_text(None, missing="-") == "-"
    assert value_text({}, missing="(none)") == "(none)"


def test_a_unit_without_reader_words_is_written_as_stored():
    assert value_text({"amount": 3, "unit": "EUR"}) == "3 EUR"


@pytest.mark.parametrize(
    "amount, size, word",
    [
        ("1500000000000", 10**12, "tn"),
        ("8600000000", 10**9, "bn"),
        ("999999999", 10**6, "m"),
        ("1000000", 10**6, "m"),
        ("999999", 1, ""),
        ("-2500000", 10**6, "m"),  # the scale of a figure is by its size, whatever its sign
    ],
)
def test_the_natural_scale_is_the_largest_the_figure_reaches(amount, size, word):
    assert scale(Decimal(amount)) == (Decimal(size), word)


def test_an_amount_is_read_through_its_digits_not_its_binary_approximation():
    # 8.57e9 is exactly 8,570,000,000: the float's binary form would carry stray digits.
    assert decimal(8.57e9) == Decimal("8570000000.0")
    assert decimal(0.1) + decimal(0.2) == Decimal("0.3")
    assert value_text({"amount": 8.57e9, "unit": "USD"}) == "$8.57 bn"


@pytest.mark.parametrize(
    "number, text",
    [("1500", "1,500"), ("8.60", "8.6"), ("1E+3", "1,000"), ("52.1", "52.1"), ("0.50", "0.5")],
)
def test_a_number_is_written_without_exponent_or_trailing_zeros_and_grouped(number, text):
    assert number_text(Decimal(number)) == text
