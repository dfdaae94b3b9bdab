"""Tests for factcli.migrate: a version-1 store (factcli 0.1, claims carrying their match
`keys`) brought to schema version 2 in place, all at once, changing nothing a user wrote
(README, "The data model"). The 0.1 store is tests/data/facts-0.1.json.gz: 177 claims, every
one with `keys`, its meta row at schema 1."""

from __future__ import annotations

import copy
import gzip
import json
from pathlib import Path

import pytest
from conftest import ROOT

from factcli import store
from factcli.migrate import Upgrade, migrate, upgrade

V01 = ROOT / "tests" / "data" / "facts-0.1.json.gz"


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
    assert done == {"from": 1, "to": 2, "claims": 177}
    assert doc["meta"]["1"] == {"schema": 2, "last_claim": 177}
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
    assert doc["meta"]["1"]["schema"] == 2
    assert upgrade(doc) is None


def test_a_version_1_claim_without_keys_is_not_counted_as_changed():
    doc = v01_document()
    del doc["claims"]["1"]["keys"]
    assert upgrade(doc) == {"from": 1, "to": 2, "claims": 176}


def test_migrate_rewrites_the_file_once(v01_file):
    loc = store.Location(v01_file, "--db")
    assert migrate(loc) == {"from": 1, "to": 2, "claims": 177}
    doc = json.loads(v01_file.read_text(encoding="utf-8"))
    assert doc["meta"]["1"]["schema"] == 2
    assert not any("keys" in c for c in doc["claims"].values())
    written = v01_file.read_bytes()
    assert migrate(loc) is None
    assert v01_file.read_bytes() == written
