"""The shipped facts.json: sound, and exactly what the importer builds from tests/corpus."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import CORPUS, SHIPPED, corpus_records, read_jsonl

from factcli import store
from factcli.importer import import_records
from factcli.verify import verify


def test_shipped_store_verifies_clean(shipped):
    assert verify(shipped) == []


def test_shipped_store_is_rebuilt_byte_for_byte_from_the_corpus(tmp_path):
    # If this fails after curators edited tests/corpus, rebuild facts.json through the
    # importer; a hand edit of facts.json fails it too, which is the point.
    rebuilt = tmp_path / "facts.json"
    summary = import_records(store.Location(rebuilt, "--db"), corpus_records(), create=True)
    assert summary.unchanged == 0
    assert rebuilt.read_bytes() == SHIPPED.read_bytes()


@pytest.mark.parametrize(
    ("table", "files"),
    [
        ("sources", "sources.jsonl"),
        ("entities", "entities.jsonl"),
        ("claims", "claims-*.jsonl"),
    ],
)
def test_shipped_store_holds_every_corpus_record_and_nothing_else(shipped, table, files):
    # Read from the corpus files themselves, not through the build's own record list: a
    # claims file the build left out would otherwise pass the byte-for-byte test above.
    paths = sorted(CORPUS.glob(files))
    assert paths
    curated = [rec["id"] for path in paths for rec in read_jsonl(path)]
    assert sorted(curated) == sorted(rec["id"] for rec in getattr(shipped, table))


def test_each_source_text_matches_its_sha256(shipped):
    raw = json.loads(SHIPPED.read_bytes())
    assert len(raw["sources"]) == len(shipped.sources) > 0
    for src in raw["sources"].values():
        assert hashlib.sha256(src["text"].encode("utf-8")).hexdigest() == src["sha256"], src["id"]


def test_every_source_has_at_least_one_claim(shipped):
    cited = {c["citation"]["source"] for c in shipped.claims}
    assert [s["id"] for s in shipped.sources if s["id"] not in cited] == []


def test_every_quote_is_its_sources_text_at_its_offsets(shipped):
    texts = {s["id"]: s["text"] for s in shipped.sources}
    for claim in shipped.claims:
        cit = claim["citation"]
        assert 0 <= cit["start"] < cit["end"] <= len(texts[cit["source"]]), claim["id"]
        assert texts[cit["source"]][cit["start"] : cit["end"]] == cit["quote"], claim["id"]


def test_claim_ids_are_unique_and_within_the_issued_range(shipped):
    ids = [c["id"] for c in shipped.claims]
    assert len(ids) == len(set(ids))
    assert max(int(i[1:]) for i in ids) <= shipped.meta["last_claim"]
