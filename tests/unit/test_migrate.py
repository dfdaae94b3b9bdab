"""Tests for factcli.migrate: a version-1 store (factcli 0.1, claims carrying their match
`keys`) and a version-2 store (no vocabulary of its own) brought to schema version 3 in place,
all at once, changing nothing a user wrote (README, "The data model"). The 0.1 store is
tests/data/facts-0.1.json.gz: 177 claims, every one with `keys`, its meta row at schema 1.
The version-2 store is tests/data/facts-schema-2.json.gz: the shipped facts.json as it was at
schema 2 (`git show main:facts.json` before the vocabulary moved into the store): 203 claims."""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path

import pytest
from conftest import ROOT

from factcli import store
from factcli.migrate import Upgrade, migrate, upgrade
from factcli.verify import verify

V01 = ROOT / "tests" / "data" / "facts-0.1.json.gz"
V2 = ROOT / "tests" / "data" / "facts-schema-2.json.gz"


def v01_document() -> dict:
    return json.loads(gzip.decompress(V01.read_bytes()))


@pytest.fixture
def v01_file(tmp_path) -> Path:
    path = tmp_path / "facts.json"
    path.write_bytes(gzip.decompress(V01.read_bytes()))
    return path


def test_upgrade_drops_the_keys_of_every_claim_and_raises_the_version():
    doc = v01_document()
    before = copy.deepcopy(doc)
    done = upgrade(doc)
    assert isinstance(done, Upgrade)
    assert done == {"from": 1, "to": 3, "claims": 177, "vocabulary": True}
    assert doc["meta"]["1"] == {"schema": 3, "last_claim": 177}
    assert doc["sources"] == before["sources"] and doc["entities"] == before["entities"]
    assert doc["claims"] == {
        k: {f: v for f, v in c.items() if f != "keys"} for k, c in before["claims"].items()
    }


def test_upgrade_keeps_a_claims_field_order():
    doc = v01_document()
    order = [f for f in doc["claims"]["1"] if f != "keys"]
    upgrade(doc)
    assert list(doc["claims"]["1"]) == order


def test_an_upgraded_document_is_left_alone():
    doc = v01_document()
    upgrade(doc)
    again = copy.deepcopy(doc)
    assert upgrade(doc) is None
    assert doc == again


def test_the_shipped_store_is_current():
    doc = json.loads((ROOT / "facts.json").read_text(encoding="utf-8"))
    assert doc["meta"]["1"]["schema"] == 3
    assert upgrade(doc) is None


def test_a_version_1_claim_without_keys_is_not_counted_as_changed():
    doc = v01_document()
    del doc["claims"]["1"]["keys"]
    assert upgrade(doc) == {"from": 1, "to": 3, "claims": 176, "vocabulary": True}


def test_migrate_rewrites_the_file_once(v01_file):
    loc = store.Location(v01_file, "--db")
    assert migrate(loc) == {"from": 1, "to": 3, "claims": 177, "vocabulary": True}
    doc = json.loads(v01_file.read_text(encoding="utf-8"))
    assert doc["meta"]["1"]["schema"] == 3
    assert not any("keys" in c for c in doc["claims"].values())
    written = v01_file.read_bytes()
    assert migrate(loc) is None
    assert v01_file.read_bytes() == written


# --- version 2 to 3: the vocabulary moves into the store ----------------------------------


@pytest.fixture
def v2_file(tmp_path) -> Path:
    path = tmp_path / "facts.json"
    path.write_bytes(gzip.decompress(V2.read_bytes()))
    return path


def test_a_version_2_store_is_given_the_shipped_vocabulary_and_nothing_else_changes():
    doc = json.loads(gzip.decompress(V2.read_bytes()))
    before = copy.deepcopy(doc)
    assert "vocabulary" not in doc and doc["meta"]["1"]["schema"] == 2
    assert upgrade(doc) == {"from": 2, "to": 3, "claims": 0, "vocabulary": True}
    assert doc["meta"]["1"] == {"schema": 3, "last_claim": 203}
    for table in ("sources", "entities", "claims"):
        assert doc[table] == before[table]
    vocab = doc["vocabulary"]
    # The shipped vocabulary, as the store now holds it: signed with its English and Arabic
    # words, negotiating_sale stated as its inverse, met symmetric, has_duration in years.
    assert vocab["predicates"]["signed"]["labels"]["en"][0] == "signed"
    assert "وقع" in vocab["predicates"]["signed"]["labels"]["ar"]
    assert vocab["predicates"]["negotiating_sale"]["inverse"] == "negotiating_purchase"
    assert vocab["predicates"]["negotiating_sale"]["canonical"] is False
    assert vocab["predicates"]["met"]["symmetric"] is True
    assert vocab["predicates"]["has_duration"]["units"] == ["year"]
    assert vocab["units"] == [
        "USD",
        "EUR",
        "GBP",
        "AUD",
        "km",
        "country",
        "year",
        "person",
        "occasion",
        "month",
        "system",
        "battery",
    ]
    assert list(vocab["modalities"]) == ["fact", "planned", "expected", "in_talks", "claimed", "hedged"]
    assert vocab["polarities"] == ["affirmed", "negated"]


def test_migrating_the_version_2_store_writes_it_in_the_new_layout_and_sound(v2_file):
    # The schema-2 facts.json, upgraded in place: the vocabulary between the meta record and
    # the sources, every constraint of the shipped vocabulary met, and nothing left to do.
    loc = store.Location(v2_file, "--db")
    assert migrate(loc) == {"from": 2, "to": 3, "claims": 0, "vocabulary": True}
    doc = json.loads(v2_file.read_text(encoding="utf-8"))
    assert list(doc) == ["meta", "vocabulary", "sources", "entities", "claims"]
    facts = store.load(loc)
    assert verify(facts, constraints=True) == []
    assert migrate(loc) is None


def test_a_version_2_store_reads_by_the_shipped_vocabulary_before_it_is_upgraded(v2_file):
    from factcli.vocabulary import DEFAULT, of

    facts = store.load(store.Location(v2_file, "--db"))
    assert facts.vocabulary is None and of(facts) is DEFAULT
    assert verify(facts, constraints=True) == []
