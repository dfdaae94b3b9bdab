"""verify: clean after an import, and each kind of hand-made corruption found and pinned
to the record it is in, never a crash."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import entity_record, source_record

from factcli import store
from factcli.verify import verify

TEXT = "Qatar is in talks with Russia to buy the S-400. قطر تبحث مع روسيا شراء منظومة إس-400."
QUOTE = "Qatar is in talks with Russia to buy the S-400"
SECOND = "قطر تبحث مع روسيا شراء منظومة إس-400"


def records() -> list[dict]:
    return [
        source_record("src-a", TEXT, "2018-07-21"),
        entity_record("qatar", "Qatar"),
        entity_record("russia", "Russia"),
        entity_record("s-400", "S-400", "weapon_system", name_ar="إس-400"),
        {
            "subject": "qatar",
            "predicate": "negotiating_purchase",
            "object": "s-400",
            "modality": "in_talks",
            "date": {"start": "2018-07-01", "end": "2018-07-31", "precision": "month", "text": "July 2018"},
            "statement": "Qatar is discussing buying the S-400 from Russia.",
            "citation": {"source": "src-a", "quote": QUOTE},
        },
        {
            "subject": "qatar",
            "predicate": "considering",
            "object": "s-400",
            "speaker": "russia",
            "statement": "Qatar is considering the S-400.",
            "citation": {"source": "src-a", "quote": SECOND},
        },
    ]


def test_fresh_import_verifies_clean(make_facts):
    facts = make_facts(records())
    assert len(facts.claims) == 2
    assert verify(facts) == []


def test_empty_store_verifies_clean(make_facts):
    assert verify(make_facts([])) == []


@pytest.fixture
def corrupt(store_file) -> Callable[[Callable[[dict], None]], list[dict]]:
    """corrupt(edit) -> verify's problems after `edit` changed the stored JSON by hand."""

    def _run(edit: Callable[[dict], None]) -> list[dict]:
        path: Path = store_file(records())
        doc = json.loads(path.read_text(encoding="utf-8"))
        edit(doc)
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
        return verify(store.load(store.Location(path, "--db")))

    return _run


def claim1(doc: dict) -> dict:
    return doc["claims"]["1"]


def source1(doc: dict) -> dict:
    return doc["sources"]["1"]


def _set(getter, key, value):
    def edit(doc):
        getter(doc)[key] = value

    return edit


def _shift_offsets(doc):
    cit = claim1(doc)["citation"]
    cit["start"] += 1
    cit["end"] += 1


def _change_quote(doc):
    claim1(doc)["citation"]["quote"] = QUOTE.replace("talks", "TALKS")


def _change_text(doc):
    src = source1(doc)
    src["text"] = src["text"].replace("Russia", "Russia ", 1)


def _duplicate_claim_id(doc):
    doc["claims"]["2"]["id"] = claim1(doc)["id"]


def _metonym_also_alias(doc):
    doc["entities"]["1"].update(aliases=["Doha"], metonyms=["Doha"])


def _metonym_is_own_name(doc):
    doc["entities"]["1"]["metonyms"] = ["Qatar"]


def _common_words_not_a_list(doc):
    doc["entities"]["2"]["common_words"] = "Moscow"


def _empty_metonym(doc):
    doc["entities"]["1"]["metonyms"] = ["Doha", " "]


def _remove_source_text(doc):
    del source1(doc)["text"]


def _id_above_last(doc):
    claim1(doc)["id"] = "c0099"


def _duplicate_entity(doc):
    doc["entities"]["9"] = dict(doc["entities"]["2"])


# (edit, table, id of the damaged record, field verify must name)
CORRUPTIONS = [
    ("quote changed", _change_quote, "claims", "c0001", "citation.quote"),
    ("offsets shifted", _shift_offsets, "claims", "c0001", "citation.quote"),
    ("sha256 wrong", _set(source1, "sha256", "0" * 64), "sources", "src-a", "sha256"),
    ("text changed", _change_text, "sources", "src-a", "sha256"),
    ("unknown subject", _set(claim1, "subject", "atlantis"), "claims", "c0001", "subject"),
    ("unknown object", _set(claim1, "object", "s-300"), "claims", "c0001", "object"),
    ("unknown speaker", lambda d: d["claims"]["2"].update(speaker="nobody"), "claims", "c0002", "speaker"),
    (
        "unknown source",
        lambda d: claim1(d)["citation"].update(source="src-z"),
        "claims",
        "c0001",
        "citation.source",
    ),
    (
        "date start after end",
        lambda d: claim1(d)["date"].update(start="2018-08-01", end="2018-07-31", precision="day"),
        "claims",
        "c0001",
        "date",
    ),
    (
        "month precision on the 15th",
        lambda d: claim1(d)["date"].update(start="2018-07-15"),
        "claims",
        "c0001",
        "date",
    ),
    ("duplicate claim id", _duplicate_claim_id, "claims", "c0001", "id"),
    ("duplicate entity id", _duplicate_entity, "entities", "russia", "id"),
    ("name both alias and metonym", _metonym_also_alias, "entities", "qatar", "metonyms"),
    ("metonym is the entity's own name", _metonym_is_own_name, "entities", "qatar", "metonyms"),
    ("common_words not a list", _common_words_not_a_list, "entities", "russia", "common_words"),
    ("empty metonym", _empty_metonym, "entities", "qatar", "metonyms"),
    ("unknown predicate", _set(claim1, "predicate", "bought_secretly"), "claims", "c0001", "predicate"),
    ("bad modality", _set(claim1, "modality", "rumour"), "claims", "c0001", "modality"),
    (
        "negative offsets",
        lambda d: claim1(d)["citation"].update(start=-len(TEXT), end=-len(TEXT) + len(QUOTE)),
        "claims",
        "c0001",
        "citation.start",
    ),
    (
        "offsets not numbers",
        lambda d: claim1(d)["citation"].update(start="0"),
        "claims",
        "c0001",
        "citation.start",
    ),
    (
        "value not finite",
        _set(claim1, "value", {"amount": float("inf"), "unit": "USD"}),
        "claims",
        "c0001",
        "value.amount",
    ),
    ("id above last issued", _id_above_last, "claims", "c0099", "id"),
    ("bad entity type", lambda d: d["entities"]["1"].update(type="planet"), "entities", "qatar", "type"),
    (
        "entity id not text",
        lambda d: d["entities"]["2"].update(id=["russia"]),
        "entities",
        "['russia']",
        "id",
    ),
    ("source published missing", lambda d: source1(d).pop("published"), "sources", "src-a", "published"),
    ("source text removed", _remove_source_text, "claims", "c0001", "citation.source"),
    (
        "last_claim not a number",
        lambda d: d["meta"]["1"].update(last_claim="many"),
        "meta",
        "1",
        "last_claim",
    ),
]


@pytest.mark.parametrize(
    "edit, table, rid, field", [c[1:] for c in CORRUPTIONS], ids=[c[0] for c in CORRUPTIONS]
)
def test_verify_finds_each_corruption(corrupt, edit, table, rid, field):
    problems = corrupt(edit)
    found = {(p["table"], p["id"], p["field"]) for p in problems}
    assert (table, rid, field) in found, problems
    assert all(set(p) == {"table", "id", "field", "problem"} and p["problem"] for p in problems)


def test_a_corruption_is_pinned_to_its_record_only(corrupt):
    problems = corrupt(_set(claim1, "predicate", "bought_secretly"))
    assert [(p["table"], p["id"], p["field"]) for p in problems] == [("claims", "c0001", "predicate")]
    assert "bought_secretly" in problems[0]["problem"]


def test_changed_text_also_breaks_the_quotes_that_cross_the_change(corrupt):
    problems = corrupt(_change_text)
    found = {(p["table"], p["id"], p["field"]) for p in problems}
    # "Russia" lies inside claim 1's quote, and claim 2's quote now sits one character later.
    assert {
        ("sources", "src-a", "sha256"),
        ("claims", "c0001", "citation.quote"),
        ("claims", "c0002", "citation.quote"),
    } <= found


def test_removed_entity_breaks_every_claim_that_names_it(corrupt):
    def drop_s400(doc):
        del doc["entities"]["3"]

    problems = corrupt(drop_s400)
    assert sorted((p["id"], p["field"]) for p in problems) == [("c0001", "object"), ("c0002", "object")]


def test_a_hand_edited_statement_leaves_the_store_valid(store_file):
    # Match keys are derived in the index (schema 2), so editing a statement by hand is no
    # longer a corruption: the index is rebuilt from what the file says.
    path = store_file(records())
    doc = json.loads(path.read_text(encoding="utf-8"))
    claim1(doc)["statement"] = "Qatar is buying tanks."
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert verify(store.load(store.Location(path, "--db"))) == []
