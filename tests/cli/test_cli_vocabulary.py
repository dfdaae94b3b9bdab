"""The CLI offers exactly the vocabulary the store accepts: a type, polarity or modality that
import takes can be typed at the command line, and the help names each one."""

from __future__ import annotations

import pytest
from conftest import factcli

# Every entity type an imported record may carry, office and unclassified included.
TYPES = "country person organization weapon_system agreement office event place topic unclassified".split()


def _help(*args: str) -> str:
    return " ".join(factcli(*args, "--help", terminal_width=1000).ok().output.split())


def test_entity_set_help_names_every_entity_type():
    text = _help("entity", "set")
    for kind in TYPES:
        assert kind in text


@pytest.mark.parametrize("command", [["add"], ["edit"]])
def test_polarity_and_modality_help_names_the_shipped_ones(command):
    text = _help(*command)
    assert "--polarity POLARITY affirmed or negated" in text
    assert "--modality MODALITY fact, planned, expected, in_talks, claimed, hedged" in text


# --- the store's own vocabulary: `factcli vocabulary` ---------------------------------------

import json  # noqa: E402

from conftest import CORPUS, SHIPPED, entity_record, read_jsonl, source_record  # noqa: E402

from factcli import store  # noqa: E402

# A sale the shipped vocabulary has no predicate for, in yen it has no unit for.
SALE_TEXT = "باعت روسيا منظومة إس-400 إلى تركيا بقيمة 2.5 مليار يورو."
SALE_CLAIM = {
    "subject": "russia",
    "predicate": "sold",
    "object": "s-400",
    "value": {"amount": 2500000000, "unit": "JPY"},
    "statement": "Russia sold the S-400 system to Turkey for 2.5 billion yen.",
    "citation": {"source": "s1", "quote": SALE_TEXT[:-1]},
}
ADD_SOLD = [
    "vocabulary", "add", "sold",
    "--definition", "subject (seller state or company) sold object (weapon system); value: the price",
    "--subject-type", "country", "--subject-type", "organization",
    "--object-type", "weapon_system", "--object-required",
    "--unit", "USD", "--unit", "JPY",
    "--label-en", "sold", "--label-en", "offloaded", "--label-ar", "باع",
    "--reason", "sales the outlets report", "--yes",
]  # fmt: skip


@pytest.fixture
def sale_store(store_file):
    return store_file(
        [
            source_record("s1", SALE_TEXT, language="ar"),
            entity_record("russia", "Russia"),
            entity_record("turkey", "Turkey"),
            entity_record("s-400", "S-400", "weapon_system"),
        ]
    )


def _import(path, records, tmp_path):
    given = tmp_path / "input.jsonl"
    given.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    return factcli("import", str(given), db=path)


def test_list_counts_each_predicates_live_claims_as_the_corpus_has_them():
    # Counted from the curated corpus files, not through factcli.
    corpus = [c for p in sorted(CORPUS.glob("claims-*.jsonl")) for c in read_jsonl(p)]
    want = sum(1 for c in corpus if c["predicate"] == "signed" and not c.get("retracted"))
    rows = json.loads(factcli("vocabulary", "list", "--json", db=SHIPPED).ok().output)
    by_name = {r["name"]: r for r in rows}
    assert by_name["signed"]["claims"] == want > 0
    assert by_name["negotiating_sale"]["claims"] == 0  # stated as negotiating_purchase
    assert by_name["met"]["symmetric"] is True
    assert by_name["negotiating_sale"]["inverse"] == "negotiating_purchase"
    assert by_name["negotiating_sale"]["canonical"] is False


def test_show_gives_one_predicate_whole_and_a_typo_gets_a_hint():
    [row] = json.loads(factcli("vocabulary", "show", "has_duration", "--json", db=SHIPPED).ok().output)
    assert row["units"] == ["year"] and row["value_required"] is True
    assert row["object_types"] == []
    assert "مدة" in row["labels"]["ar"]
    result = factcli("vocabulary", "show", "singed", db=SHIPPED)
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "factcli: no predicate 'singed' in the vocabulary; did you mean 'signed' or 'visited'?"
    )


def test_a_store_takes_a_predicate_and_unit_of_its_own_and_keeps_the_trail(sale_store, tmp_path):
    # The shipped vocabulary has neither `sold` nor yen: the claim is refused.
    refused = _import(sale_store, [SALE_CLAIM], tmp_path)
    assert refused.exit_code == 2
    assert "'sold' is not in the vocabulary" in refused.stderr
    assert "'JPY' is not one of" in refused.stderr
    # A predicate that names a unit the store lacks is refused too.
    no_unit = factcli(*ADD_SOLD, db=sale_store)
    assert no_unit.exit_code == 2 and "'JPY' is not one of the vocabulary's units" in no_unit.stderr
    factcli("vocabulary", "add-unit", "JPY", "--reason", "figures in yen", "--yes", db=sale_store).ok()
    factcli(*ADD_SOLD, db=sale_store).ok()
    _import(sale_store, [SALE_CLAIM], tmp_path).ok()
    added = json.loads(sale_store.read_text(encoding="utf-8"))["claims"]["1"]["id"]
    doc = json.loads(sale_store.read_text(encoding="utf-8"))
    entry = doc["vocabulary"]["predicates"]["sold"]
    assert entry["labels"] == {"en": ["sold", "offloaded"], "ar": ["باع"]}
    [revision] = entry["revisions"]
    assert revision["reason"] == "sales the outlets report"
    assert revision["changes"]["subject_types"] == {"from": None, "to": ["country", "organization"]}
    assert "JPY" in doc["vocabulary"]["units"]
    # The store's labels reach search: "offloaded" is in no claim's words, only a label.
    found = factcli("search", "offloaded", "--ids", db=sale_store).ok()
    assert found.output.split() == [added]
    assert factcli("search", "--predicate", "sold", "--ids", db=sale_store).ok().output.split() == [added]
    assert factcli("verify", "--constraints", db=sale_store).exit_code == 0


def test_a_change_that_a_stored_claim_would_break_is_refused_naming_it(sale_store, tmp_path):
    factcli("vocabulary", "add-unit", "JPY", "--reason", "figures in yen", "--yes", db=sale_store).ok()
    factcli(*ADD_SOLD, db=sale_store).ok()
    _import(sale_store, [SALE_CLAIM], tmp_path).ok()
    added = json.loads(sale_store.read_text(encoding="utf-8"))["claims"]["1"]["id"]
    before = sale_store.read_bytes()
    result = factcli(
        "vocabulary", "set", "sold", "--subject-type", "organization", "--reason", "companies only", "--yes",
        db=sale_store,
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        f"claim {added}, field subject: constraint subject-type: sold takes a subject of type organization, "
        "not the country 'russia'"
    ) in result.stderr
    assert sale_store.read_bytes() == before
    # A change the claims allow is written, and its trail grows.
    factcli(
        "vocabulary", "set", "sold", "--label-ar", "باع", "--label-ar", "باعت", "--reason", "the feminine", "--yes",
        db=sale_store,
    ).ok()  # fmt: skip
    [row] = json.loads(factcli("vocabulary", "show", "sold", "--json", db=sale_store).ok().output)
    assert row["labels"]["ar"] == ["باع", "باعت"] and row["claims"] == 1
    assert [r["reason"] for r in row["revisions"]] == ["sales the outlets report", "the feminine"]


def test_an_inverse_makes_its_partner_canonical_and_the_other_side_is_refused(sale_store, tmp_path):
    factcli(
        "vocabulary", "add", "bought_from", "--definition", "subject (buyer state) bought from object (seller state)",
        "--subject-type", "country", "--object-type", "country", "--reason", "the buyer's side", "--yes",
        db=sale_store,
    ).ok()  # fmt: skip
    factcli(
        "vocabulary", "add", "sold_to", "--definition", "subject (seller state) sold to object (buyer state)",
        "--subject-type", "country", "--object-type", "country", "--inverse", "bought_from",
        "--reason", "the seller's side, stated as the buyer's", "--yes",
        db=sale_store,
    ).ok()  # fmt: skip
    claim = dict(SALE_CLAIM, predicate="sold_to", object="turkey", value=None)
    refused = _import(sale_store, [claim], tmp_path)
    assert refused.exit_code == 2
    assert (
        "constraint inverse: sold_to is stated in its canonical direction, as bought_from" in refused.stderr
    )
    canonical = dict(claim, predicate="bought_from", subject="turkey", object="russia")
    _import(sale_store, [canonical], tmp_path).ok()


def test_writes_after_a_vocabulary_change_keep_it_byte_for_byte(sale_store, tmp_path):
    factcli("vocabulary", "add-unit", "JPY", "--reason", "figures in yen", "--yes", db=sale_store).ok()
    factcli(*ADD_SOLD, db=sale_store).ok()
    vocab = json.loads(sale_store.read_text(encoding="utf-8"))["vocabulary"]
    # Two imports: the second appends to the bytes the first left (spliced, not rewritten).
    _import(sale_store, [SALE_CLAIM], tmp_path).ok()
    shorter = {**SALE_CLAIM["citation"], "quote": "باعت روسيا منظومة إس-400"}
    _import(sale_store, [dict(SALE_CLAIM, value=None, citation=shorter)], tmp_path).ok()
    raw = sale_store.read_bytes()
    doc = json.loads(raw)
    assert doc["vocabulary"] == vocab and len(doc["claims"]) == 2
    assert raw == store.dumps(doc)
