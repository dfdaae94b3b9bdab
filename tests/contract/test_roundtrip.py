"""Round trips: what factcli prints imports back, and an export makes an equivalent store."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest
from conftest import GOOD_RECORD, SHIPPED, corpus_claims, factcli

from factcli import curate, store
from factcli.compare import compare, diff
from factcli.ids import is_claim_id
from factcli.present import diff_json, matrix_json
from factcli.verify import verify

S400_SOURCES = {"khaleej-2018-07-21", "unknown-qatar-ambassador-interview", "unknown-s400-turkey-2021"}


def load(path: Path) -> store.Facts:
    return store.load(store.Location(path, "--db"))


def assert_equivalent(a: store.Facts, b: store.Facts) -> None:
    """Record by record: the same sources, entities and claims, in the same order, and meta."""
    assert a.sources == b.sources
    assert a.entities == b.entities
    assert len(a.claims) == len(b.claims)
    for x, y in zip(a.claims, b.claims, strict=True):
        assert x == y, x["id"]
    assert a.meta == b.meta


def test_export_of_the_shipped_store_imports_into_an_equivalent_store(tmp_path):
    exported = factcli("--db", str(SHIPPED), "export").ok().stdout
    copy = tmp_path / "copy.json"
    factcli("--db", str(copy), "import", "--create", "-", input=exported).ok()
    original, again = load(SHIPPED), load(copy)
    assert_equivalent(original, again)
    assert copy.read_bytes() == SHIPPED.read_bytes()
    assert verify(again) == []
    # diff and compare see nothing different in the copy.
    ids = [s["id"] for s in original.sources]
    for a, b in combinations(ids, 2):
        assert diff_json(diff(original, a, b)) == diff_json(diff(again, a, b))
    assert matrix_json(compare(original, original.claims)) == matrix_json(compare(again, again.claims))


def test_export_is_in_import_order_without_derived_keys():
    lines = [json.loads(line) for line in factcli("--db", str(SHIPPED), "export").ok().stdout.splitlines()]
    kinds = ["source" if "text" in r else "claim" if "citation" in r else "entity" for r in lines]
    assert kinds == sorted(kinds, key=["source", "entity", "claim"].index)
    assert kinds.count("source") == 5 and kinds.count("claim") == len(corpus_claims())
    assert not any("keys" in r for r in lines)


def test_a_corrected_store_keeps_its_trail_through_export_and_import(tmp_path):
    mine = tmp_path / "mine.json"
    mine.write_bytes(SHIPPED.read_bytes())
    loc = store.Location(mine, "--db")
    curate.apply(loc, lambda f: curate.plan_edit(f, "c0001", {"modality": "fact"}, "signed since"))
    curate.apply(loc, lambda f: curate.plan_retract(f, "c0026", "restates c0007"))
    curate.apply(loc, lambda f: curate.plan_aliases(f, "s-400", ["С-400"], [], "Cyrillic spelling"))
    curate.apply(
        loc, lambda f: curate.plan_merge(f, "qatar-armed-forces", "qatar-air-defence", "fold the branch in")
    )
    exported = factcli("--db", str(mine), "export").ok().stdout
    copy = tmp_path / "copy.json"
    factcli("--db", str(copy), "import", "--create", "-", input=exported).ok()
    assert_equivalent(load(mine), load(copy))
    assert load(copy).claim("c0026")["retracted"]["reason"] == "restates c0007"
    assert verify(load(copy)) == []


def test_a_filtered_export_brings_the_sources_and_entities_its_claims_need(tmp_path):
    exported = factcli("--db", str(SHIPPED), "export", "S-400", "--source", "khaleej-2018-07-21").ok().stdout
    records = [json.loads(line) for line in exported.splitlines()]
    claims = [r for r in records if "citation" in r]
    assert [r["id"] for r in records if "text" in r] == ["khaleej-2018-07-21"]
    named = {c[f] for c in claims for f in ("subject", "object", "speaker", "via")} - {None}
    assert {r["id"] for r in records if "type" in r} == named
    part = tmp_path / "s400.json"
    factcli("--db", str(part), "import", "--create", "-", input=exported).ok()
    shipped = load(SHIPPED)
    assert [c for c in load(part).claims] == [shipped.claim(c["id"]) for c in claims]
    assert verify(load(part)) == []


@pytest.mark.parametrize(
    "command",
    [
        ("search", "S-400", "--json"),
        ("search", "S-400", "--jsonl"),
        ("timeline", "S-400", "--json"),
        ("show", "c0001", "--json"),
        ("show", "c0001", "--jsonl"),
    ],
)
def test_every_claim_shape_factcli_prints_imports_back(tmp_path, command):
    printed = factcli("--db", str(SHIPPED), *command).ok().stdout
    base = (
        factcli("--db", str(SHIPPED), "sources", "--jsonl").ok().stdout
        + factcli("--db", str(SHIPPED), "entities", "--jsonl").ok().stdout
    )
    target = tmp_path / "x.json"
    result = factcli("--db", str(target), "import", "--create", "-", input=base + printed).ok()
    shipped = load(SHIPPED)
    got = load(target)
    ids = result.stdout.split()
    assert ids and all(got.claim(i) == shipped.claim(i) for i in ids)
    assert got.sources == shipped.sources
    assert sorted(got.entities, key=lambda e: e["id"]) == sorted(shipped.entities, key=lambda e: e["id"])


def test_the_issue_pipeline_of_sources_entities_and_search_imports(tmp_path):
    # (factcli sources --jsonl; factcli entities --jsonl; factcli search S-400 --jsonl) | factcli --db x.json import --create -
    # In-process, byte for byte; a real pipe between two factcli processes is run by the
    # README's `factcli search S-400 --json | factcli --db other.json import ...` (test_examples.py).
    db = ("--db", str(SHIPPED))
    stream = b"".join(
        factcli(*db, *cmd).ok().stdout_bytes
        for cmd in (("sources", "--jsonl"), ("entities", "--jsonl"), ("search", "S-400", "--jsonl"))
    )
    done = factcli("--db", str(tmp_path / "x.json"), "import", "--create", "-", input=stream)
    assert done.exception is None or isinstance(done.exception, SystemExit)
    assert done.exit_code == 0, done.stderr
    found = json.loads(factcli(*db, "search", "S-400", "--json").ok().stdout)
    assert done.stdout.split() == [c["id"] for c in found]


def test_sources_json_and_entities_json_import_as_a_json_array(tmp_path):
    target = tmp_path / "y.json"
    factcli(
        "--db",
        str(target),
        "import",
        "--create",
        "-",
        input=factcli("--db", str(SHIPPED), "sources", "--json").ok().stdout,
    ).ok()
    factcli(
        "--db",
        str(target),
        "import",
        "-",
        input=factcli("--db", str(SHIPPED), "entities", "--json").ok().stdout,
    ).ok()
    assert load(target).sources == load(SHIPPED).sources
    assert len(load(target).entities) == len(load(SHIPPED).entities)


def test_claims_without_their_sources_and_entities_get_one_line_per_missing_record(tmp_path):
    printed = factcli("--db", str(SHIPPED), "search", "S-400", "--json").ok().stdout
    claims = json.loads(printed)
    result = factcli("--db", str(tmp_path / "other.json"), "import", "--create", "-", input=printed)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    sources = {c["citation"]["source"] for c in claims}
    entities = {c[f] for c in claims for f in ("subject", "object", "speaker", "via")} - {None}
    assert sources == S400_SOURCES
    missing = [line for line in lines if "unknown source" in line or "unknown entity" in line]
    assert len(missing) == len(sources) + len(entities)
    for sid in sources:
        [line] = [x for x in missing if f"unknown source {sid!r}" in x]
        assert "--with-dependencies STORE brings it" in line
    assert lines[-1].startswith("factcli: nothing imported:")
    assert list(tmp_path.iterdir()) == []  # no store, and no lock file beside it


def test_with_dependencies_brings_what_the_claims_need(tmp_path):
    printed = factcli("--db", str(SHIPPED), "search", "S-400", "--json").ok().stdout
    target = tmp_path / "other.json"
    result = factcli(
        "--db", str(target), "import", "--create", "--with-dependencies", str(SHIPPED), "-", input=printed
    ).ok()
    claims = json.loads(printed)
    assert result.stdout.split() == [c["id"] for c in claims]
    got, shipped = load(target), load(SHIPPED)
    assert {s["id"] for s in got.sources} == S400_SOURCES
    assert all(got.claim(c["id"]) == shipped.claim(c["id"]) for c in claims)
    assert verify(got) == []
    # Again: every record is already there, nothing new, nothing refused.
    again = factcli(
        "--db", str(target), "import", "--with-dependencies", str(SHIPPED), "-", input=printed
    ).ok()
    assert again.stdout == "" and f"{len(claims)} already present" in again.stderr


def test_a_duplicate_names_the_stored_claim(tmp_path):
    mine = tmp_path / "mine.json"
    mine.write_bytes(SHIPPED.read_bytes())
    c1 = load(SHIPPED).claim("c0001")
    record = {k: v for k, v in c1.items() if k not in ("id", "keys")}
    result = factcli("--db", str(mine), "import", "-", input=json.dumps(record, ensure_ascii=False))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "factcli: nothing imported: record 1: duplicate of c0001: same source, span, subject, predicate and object"
    ]


def test_a_successful_import_prints_the_new_ids_unless_quiet(tmp_path):
    mine = tmp_path / "mine.json"
    mine.write_bytes(SHIPPED.read_bytes())
    record = dict(GOOD_RECORD)
    result = factcli("--db", str(mine), "import", "-", input=json.dumps(record, ensure_ascii=False)).ok()
    [new_id] = result.stdout.split()
    assert is_claim_id(new_id) and load(mine).claim(new_id)["statement"] == record["statement"]
    assert "imported 0 sources, 0 entities, 1 claim into" in result.stderr
    record["citation"]["quote"] = "قطر تواصل المباحثات مع روسيا"
    quiet = factcli(
        "--db", str(mine), "import", "--quiet", "-", input=json.dumps(record, ensure_ascii=False)
    ).ok()
    assert quiet.stdout == "" and quiet.stderr == ""
    assert load(mine).claims[-1]["citation"]["quote"] == "قطر تواصل المباحثات مع روسيا"


def test_import_into_a_missing_store_is_one_line_and_leaves_no_lock(tmp_path):
    printed = factcli("--db", str(SHIPPED), "search", "S-400", "--json").ok().stdout
    other = tmp_path / "other.json"
    result = factcli("--db", str(other), "import", "-", input=printed)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"factcli: no store at {other} (import --create starts a new one)"]
    assert list(tmp_path.iterdir()) == []
