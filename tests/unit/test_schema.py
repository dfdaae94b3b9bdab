"""Tests for factcli.schema: what a sound source, entity and claim record is, as `import` and
`verify` both check it. The rules are the README's data model and bounds: a figure is
`{"amount", "unit"}` with a finite amount and a known unit, a role claim's object is an
office, ids are slugs of at most 64 characters, a source's sha256 is that of its text; every
shipped record is sound."""

from __future__ import annotations

import hashlib

import pytest
from conftest import SHIPPED

from factcli import schema, store


@pytest.fixture(scope="module")
def facts() -> store.Facts:
    return store.load(store.Location(SHIPPED, "--db"))


def test_every_shipped_source_holds_the_sha256_of_its_text(facts):
    for source in facts.sources:
        assert schema.sha256(source["text"]) == source["sha256"]
        assert source["sha256"] == hashlib.sha256(source["text"].encode("utf-8")).hexdigest()


def test_every_shipped_record_is_sound(facts):
    assert [p for s in facts.sources for p in schema.source_problems(s)] == []
    assert [p for e in facts.entities for p in schema.entity_problems(e)] == []
    assert [p for c in facts.claims for p in schema.claim_problems(c, facts)] == []


@pytest.mark.parametrize(
    "value, field, fragment",
    [
        ({"amount": float("nan"), "unit": "USD"}, "value.amount", "finite"),
        ({"amount": float("inf"), "unit": "USD"}, "value.amount", "finite"),
        ({"amount": 10**400, "unit": "USD"}, "value.amount", "401 digits"),
        ({"amount": "8.6 bn", "unit": "USD"}, "value.amount", "must be a number"),
        ({"amount": True, "unit": "USD"}, "value.amount", "must be a number"),
        ({"amount": 61, "unit": "countries"}, "value.unit", "USD, km, country, year, person"),
        ({"amount": 61}, "value", "amount"),
        (8.6e9, "value", "amount"),
    ],
)
def test_a_figure_needs_a_finite_amount_and_a_known_unit(value, field, fragment):
    [(got_field, message)] = schema.value_problems(value)
    assert got_field == field and fragment in message, message


@pytest.mark.parametrize(
    "value", [None, {"amount": 8_600_000_000, "unit": "USD"}, {"amount": 30, "unit": "km"}]
)
def test_a_figure_or_none_is_sound(value):
    assert schema.value_problems(value) == []


def test_a_role_claims_object_must_be_an_office(facts):
    # The emir holds the office of emir; Qatar, a country, is no office one can hold.
    person = next(e["id"] for e in facts.entities if e["type"] == "person")
    claim = {"subject": person, "predicate": "holds_position", "object": "qatar"}
    [(field, message)] = schema.role_problems(claim, facts)
    assert field == "object" and "needs an office" in message and "'qatar'" in message
    office = next(e["id"] for e in facts.entities if e["type"] == "office")
    assert schema.role_problems(dict(claim, object=office), facts) == []
    assert schema.role_problems(dict(claim, predicate="visited"), facts) == []


@pytest.mark.parametrize("sid", ["khaleej-2018-07-21", "a" * 64, "s.400_x-1"])
def test_a_slug_id_is_lowercase_and_at_most_64_characters(sid):
    assert schema.SLUG.match(sid)


@pytest.mark.parametrize("sid", ["a" * 65, "Khaleej", "-lead", "with space", "قطر", ""])
def test_other_ids_are_no_slugs(sid):
    assert not schema.SLUG.match(sid)


def test_claim_ids_run_from_c0001_to_nine_digits():
    assert schema.CLAIM_ID.match("c0001") and schema.CLAIM_ID.match("c999999999")
    assert not schema.CLAIM_ID.match("c1234567890") and not schema.CLAIM_ID.match("C0001")
