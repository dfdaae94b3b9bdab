"""Tests for factcli.records: the field names and their order are the public contract the
README's "The data model" states, the schema version is the one `meta` holds, and a
citation's fields are read safely from any record, a hand-damaged one included."""

from __future__ import annotations

import json

import pytest
from conftest import SHIPPED

from factcli.records import (
    CLAIM_CONTENT_FIELDS,
    DERIVED_CLAIM_FIELDS,
    ENTITY_REF_FIELDS,
    FIELD_ORDER,
    SCHEMA_VERSION,
    cited,
    cited_quote,
    cited_source,
)


def test_the_field_order_is_the_data_models():
    # README, "The data model", field by field.
    assert FIELD_ORDER["sources"] == (
        "id", "title", "outlet", "credited", "language", "url", "published", "note", "sha256", "text",
    )  # fmt: skip
    assert FIELD_ORDER["entities"][:8] == (
        "id", "type", "name", "name_ar", "aliases", "metonyms", "common_words", "description",
    )  # fmt: skip
    assert FIELD_ORDER["claims"] == (
        "id", "subject", "predicate", "object", "value", "date", "polarity", "modality",
        "speaker", "via", "statement", "citation", "retracted", "revisions",
    )  # fmt: skip
    assert FIELD_ORDER["meta"] == ("schema", "last_claim")


def test_what_a_claim_says_lies_between_its_id_and_its_citation():
    order = FIELD_ORDER["claims"]
    assert order[1 : order.index("citation")] == CLAIM_CONTENT_FIELDS


def test_the_fields_that_name_an_entity():
    assert ENTITY_REF_FIELDS == ("subject", "object", "speaker", "via")
    assert set(ENTITY_REF_FIELDS) <= set(CLAIM_CONTENT_FIELDS)


def test_derived_keys_are_no_stored_field():
    assert DERIVED_CLAIM_FIELDS == ("keys",)
    assert not set(DERIVED_CLAIM_FIELDS) & set(FIELD_ORDER["claims"])


def test_the_shipped_store_is_written_in_this_version_and_order():
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert doc["meta"]["1"]["schema"] == SCHEMA_VERSION == 3
    # Version 3: the store carries its vocabulary, between its meta record and its sources.
    assert list(doc) == ["meta", "vocabulary", "sources", "entities", "claims"]
    for table in ("sources", "entities", "claims"):
        for record in doc[table].values():
            known = [f for f in record if f in FIELD_ORDER[table]]
            assert known == [f for f in FIELD_ORDER[table] if f in record], (table, record.get("id"))


KHALEEJ = {"id": "c0001", "citation": {"source": "khaleej-2018-07-21", "quote": "تبحث قطر مع روسيا"}}


def test_a_citation_is_read_field_by_field():
    assert cited_source(KHALEEJ) == "khaleej-2018-07-21"
    assert cited_quote(KHALEEJ) == "تبحث قطر مع روسيا"
    assert cited(KHALEEJ, "start", default=-1) == -1


@pytest.mark.parametrize(
    "claim",
    [
        {"id": "c0001"},
        {"citation": None},
        {"citation": "khaleej-2018-07-21"},
        {"citation": [1, 2]},
        {"citation": {}},
    ],
)
def test_a_missing_or_damaged_citation_reads_as_none(claim):
    assert cited_source(claim) is None and cited_quote(claim) is None
    assert cited(claim, "source", default="?") == "?"
