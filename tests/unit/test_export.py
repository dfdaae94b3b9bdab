"""Tests for factcli.export: records in the shape `import` reads, in the order it needs them
(sources, then entities, then claims), each as stored less the match keys a version-1 store
carried; a chosen set of claims comes with the sources it cites and the entities it names."""

from __future__ import annotations

import gzip
import json

from conftest import ROOT, entity_record, source_record

from factcli import store
from factcli.export import export_records
from factcli.importer import build

TEXT_A = "Qatar and Russia signed an agreement. Turkey bought the S-400."
TEXT_B = "Russia delivered the S-400 to Turkey."


def records() -> list[dict]:
    return [
        source_record("src-a", TEXT_A),
        source_record("src-b", TEXT_B),
        entity_record("qatar", "Qatar"),
        entity_record("russia", "Russia"),
        entity_record("turkey", "Turkey"),
        entity_record("s-400", "S-400", "weapon_system"),
        {
            "subject": "qatar",
            "predicate": "signed",
            "object": "russia",
            "statement": "Qatar and Russia signed an agreement.",
            "citation": {"source": "src-a", "quote": "Qatar and Russia signed an agreement."},
        },
        {
            "subject": "turkey",
            "predicate": "purchased",
            "object": "s-400",
            "statement": "Turkey bought the S-400.",
            "citation": {"source": "src-a", "quote": "Turkey bought the S-400."},
        },
        {
            "subject": "russia",
            "predicate": "delivered",
            "object": "s-400",
            "speaker": None,
            "statement": "Russia delivered the S-400 to Turkey.",
            "citation": {"source": "src-b", "quote": "Russia delivered the S-400 to Turkey."},
        },
    ]


def kind(record: dict) -> str:
    return record["kind"]


def stored(record: dict) -> dict:
    """An exported record less the `kind` it opens with: what the store holds."""
    assert next(iter(record)) == "kind"
    return {f: v for f, v in record.items() if f != "kind"}


def test_the_whole_store_exports_sources_then_entities_then_claims_as_stored(make_facts):
    facts = make_facts(records())
    out = export_records(facts)
    assert [kind(r) for r in out] == ["source"] * 2 + ["entity"] * 4 + ["claim"] * 3
    plain = [stored(r) for r in out]
    assert plain[:2] == facts.sources and plain[2:6] == facts.entities and plain[6:] == facts.claims
    assert [r["id"] for r in out[6:]] == ["c0001", "c0002", "c0003"]


def test_an_export_imports_back_into_the_same_records(make_facts):
    facts = make_facts(records())
    again = build(export_records(facts))
    assert (again.sources, again.entities, again.claims) == (facts.sources, facts.entities, facts.claims)


def test_chosen_claims_bring_only_the_sources_they_cite_and_the_entities_they_name(make_facts):
    facts = make_facts(records())
    turkey_buys = [c for c in facts.claims if c["subject"] == "turkey"]
    out = export_records(facts, turkey_buys)
    assert [r["id"] for r in out] == ["src-a", "turkey", "s-400", "c0002"]


def test_chosen_claims_come_in_stored_order_whatever_order_they_are_given_in(make_facts):
    facts = make_facts(records())
    out = export_records(facts, list(reversed(facts.claims)))
    assert [r["id"] for r in out if kind(r) == "claim"] == ["c0001", "c0002", "c0003"]


def test_no_claims_chosen_exports_nothing(make_facts):
    assert export_records(make_facts(records()), []) == []


def test_an_export_copies_records_and_leaves_the_store_alone(make_facts):
    facts = make_facts(records())
    out = export_records(facts)
    out[0]["title"] = "changed"
    out[-1]["statement"] = "changed"
    assert facts.sources[0]["title"] == "src-a"
    assert facts.claims[-1]["statement"] == "Russia delivered the S-400 to Turkey."


def test_a_version_1_store_exports_without_its_match_keys(tmp_path):
    path = tmp_path / "facts.json"
    path.write_bytes(gzip.decompress((ROOT / "tests" / "data" / "facts-0.1.json.gz").read_bytes()))
    rows = json.loads(path.read_text(encoding="utf-8"))["claims"]
    assert all("keys" in c for c in rows.values())
    out = export_records(store.load(store.Location(path, "--db")))
    claims = [r for r in out if kind(r) == "claim"]
    assert len(claims) == len(rows) == 177
    assert not any("keys" in c for c in claims)
    assert stored(claims[0]) == {f: v for f, v in rows["1"].items() if f != "keys"}
