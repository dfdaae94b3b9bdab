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
        ({"amount": 61, "unit": "countries"}, "value.unit", "USD, EUR, GBP, AUD, km, country, year, person"),
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


# --- the store's vocabulary -----------------------------------------------------------------


def _vocabulary():
    from factcli.vocabulary import default_document

    return default_document()


def test_the_shipped_vocabulary_is_sound():
    assert schema.vocabulary_problems(_vocabulary()) == []


def test_a_vocabulary_checked_sound_before_does_not_vouch_for_one_that_only_compares_equal():
    # Checks of a vocabulary found sound once are skipped for the same document later
    # (every read checks it); `1` where a flag must be `true` compares equal in Python,
    # yet is a fault, and is still found after the sound document was checked.
    sound = _vocabulary()
    assert schema.vocabulary_problems(sound) == []
    flagged = next(n for n, e in sound["predicates"].items() if e.get("symmetric") is True)
    odd = _vocabulary()
    odd["predicates"][flagged]["symmetric"] = 1
    assert odd == sound
    found = dict(schema.vocabulary_problems(odd))
    assert f"predicates.{flagged}.symmetric" in found, found
    assert schema.vocabulary_problems(sound) == []


@pytest.mark.parametrize(
    ("plant", "field", "words"),
    [
        (lambda v: v["predicates"]["met"].update(subject_types=["state"]), "predicates.met.subject_types", "'state' is not one of the vocabulary's entity types"),
        (lambda v: v["predicates"]["met"].update(modalities=["rumoured"]), "predicates.met.modalities", "'rumoured' is not one of"),
        (lambda v: v["predicates"]["has_duration"].update(units=["fortnight"]), "predicates.has_duration.units", "'fortnight' is not one of"),
        (lambda v: v["predicates"]["negotiating_sale"].update(inverse="purchased"), "predicates.negotiating_sale.inverse", "is not a predicate whose inverse is negotiating_sale"),
        (lambda v: v["predicates"]["negotiating_sale"].update(canonical=True), "predicates.negotiating_sale.canonical", "only one of negotiating_sale and negotiating_purchase is canonical"),
        (lambda v: v["predicates"]["met"].update(inverse="met"), "predicates.met.inverse", "a symmetric predicate is its own inverse"),
        (lambda v: v["predicates"]["met"].pop("definition"), "predicates.met.definition", "is required"),
        (lambda v: v["predicates"]["met"].update(labels=["met"]), "predicates.met.labels", 'must be {"en"'),
        (lambda v: v["predicates"]["began"].update(object_required=True), "predicates.began.object_required", "takes no object cannot require one"),
        (lambda v: v["units"].append("USD"), "units", "each term once"),
        (lambda v: v.update(extra=1), "extra", "is not a part of a vocabulary"),
    ],
)  # fmt: skip
def test_a_planted_fault_of_the_vocabulary_is_reported_where_it_is(plant, field, words):
    vocab = _vocabulary()
    plant(vocab)
    found = dict(schema.vocabulary_problems(vocab))
    assert words in found[field], found
    # Only where the fault is: an inverse pair's two entries, or the one field.
    assert set(found) <= {field, field.replace("negotiating_sale", "negotiating_purchase")}, found


def test_a_store_with_a_damaged_vocabulary_is_refused_by_every_read(tmp_path):
    import json

    from conftest import SHIPPED, factcli

    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    doc["vocabulary"]["predicates"]["met"]["subject_types"] = ["state"]
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = factcli("vocabulary", "list", db=path)
    assert result.exit_code == 2
    assert "damaged store: vocabulary, predicates.met.subject_types: 'state'" in result.stderr
    problems = json.loads(factcli("verify", "--json", db=path).output)
    assert {"table": "vocabulary", "id": "met", "field": "predicates.met.subject_types"}.items() <= problems[
        0
    ].items()
