"""Tests for factcli.vocabulary: the controlled vocabulary is what the README's data model
lists, every term the shipped store uses is in it, and its tables agree with one another."""

from __future__ import annotations

from conftest import SHIPPED

from factcli import store
from factcli.vocabulary import (
    ENTITY_TYPES,
    MODALITIES,
    MODALITY_WORDS,
    POLARITIES,
    PREDICATE_LABELS,
    PREDICATES,
    ROLE_PREDICATES,
    UNITS,
    VOCABULARY,
)


def test_the_data_models_lists():
    # README, "The data model".
    assert ENTITY_TYPES == (
        "country", "person", "organization", "weapon_system", "agreement",
        "office", "event", "place", "topic", "unclassified",
    )  # fmt: skip
    assert POLARITIES == ("affirmed", "negated")
    assert MODALITIES == ("fact", "planned", "expected", "in_talks", "claimed", "hedged")
    assert ROLE_PREDICATES == ("holds_position", "held_position")


def test_every_term_of_the_shipped_store_is_in_the_vocabulary():
    facts = store.load(store.Location(SHIPPED, "--db"))
    assert {c["predicate"] for c in facts.claims} <= set(PREDICATES)
    assert {c["polarity"] for c in facts.claims} <= set(POLARITIES)
    assert {c["modality"] for c in facts.claims} <= set(MODALITIES)
    assert {c["value"]["unit"] for c in facts.claims if c.get("value")} <= set(UNITS)
    assert {e["type"] for e in facts.entities} <= set(ENTITY_TYPES)


def test_the_units_are_currencies_kilometres_countries_years_people_occasions_months_and_weapons():
    # The shipped figures: $8.6 billion, 30 km, 61 countries, five years; README: 2.5 m people;
    # and Tamim «قدم مرتين إلى روسيا خلال المونديال»: he came twice, a count of occasions.
    # Real news adds a review period ("Congress has a month") and counts of weapons delivered
    # ("24 aircraft", "two batteries"), and deals priced in euros, pounds and Australian dollars
    # («3 مليار يورو», «50 مليار دولار أسترالي»).
    assert set(UNITS) == {
        *("USD", "EUR", "GBP", "AUD"),
        *("km", "country", "year", "person", "occasion", "month", "system", "battery"),
    }


def test_a_deal_may_be_worth_any_currency_but_no_count():
    worth = VOCABULARY["contract_value"]["value"]
    assert {"USD", "EUR", "GBP", "AUD"} <= set(worth)
    assert "system" not in worth and "km" not in worth


def test_every_modality_has_its_readers_words():
    assert set(MODALITY_WORDS) == set(MODALITIES)
    assert MODALITY_WORDS["in_talks"] == "in talks"


def test_every_predicate_says_what_its_subject_does():
    # CONTRIBUTING, "Adding a predicate": a description reads "subject (kind) ... object (kind)".
    for name, description in PREDICATES.items():
        assert description.startswith("subject "), name
        assert name == name.lower() and " " not in name, name


def test_predicate_labels_name_known_predicates_in_both_languages_where_given():
    assert set(PREDICATE_LABELS) <= set(PREDICATES)
    for predicate, labels in PREDICATE_LABELS.items():
        assert labels and all(label.strip() == label and label for label in labels), predicate
    # "signed" is named in English and in the articles' Arabic (وقع, as in "وقع البلدان اتفاقا").
    assert "signed" in PREDICATE_LABELS["signed"] and "وقع" in PREDICATE_LABELS["signed"]


def test_role_predicates_are_predicates():
    assert set(ROLE_PREDICATES) <= set(PREDICATES)


def test_the_vocabulary_a_store_holds_reads_back_as_the_shipped_one():
    import json

    from factcli.vocabulary import DEFAULT, VOCABULARY, default_document, from_document, of

    doc = json.loads(json.dumps(default_document()))  # as a store's file holds it
    again = from_document(doc)
    assert again.predicates == VOCABULARY
    assert again.document() == doc
    # What the store holds is what its claims are checked by: the shipped store's own copy.
    shipped = store.load(store.Location(SHIPPED, "--db"))
    assert shipped.vocabulary == doc
    assert of(shipped).predicates == DEFAULT.predicates
    # Labels split by script: the English words, then the Arabic ones.
    assert doc["predicates"]["visited"]["labels"] == {
        "en": ["visit", "visited", "visits"],
        "ar": ["زيارة", "زار", "زيارات"],
    }
    # A predicate that names no unit takes any unit of the store's (null), one that names
    # some takes only those.
    assert doc["predicates"]["signed"]["units"] is None
    assert doc["predicates"]["distance_from"]["units"] == ["km"]
