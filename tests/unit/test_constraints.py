"""Constraints as data on each predicate: a store with one planted violation of each rule has
each reported by `verify --constraints`, one line naming the claim and the rule; the shipped
vocabulary is consistent with itself."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import entity_record, source_record

from factcli.cli import main
from factcli.constraints import RULES, claim_violations, symmetric_violations
from factcli.vocabulary import ENTITY_TYPES, PREDICATE_LABELS, PREDICATES, UNITS, VOCABULARY

TEXT = "Qatar met Russia. Russia met Qatar. The deal lasted. Talks went on."

TYPES = {
    "qatar": "country",
    "russia": "country",
    "tamim": "person",
    "putin": "person",
    "s-400": "weapon_system",
    "deal": "agreement",
    "loose": "unclassified",
}

# One claim per rule, each breaking that rule and no other.
PLANTED = {
    "subject-type": {"subject": "s-400", "predicate": "purchased", "object": "s-400"},
    "object-type": {"subject": "deal", "predicate": "includes", "object": "russia"},
    "object-required": {"subject": "deal", "predicate": "includes", "object": None},
    "no-object": {"subject": "deal", "predicate": "entered_into_force", "object": "qatar"},
    "value-unit": {
        "subject": "deal",
        "predicate": "has_duration",
        "object": None,
        "value": {"amount": 5, "unit": "km"},
    },
    "value-required": {"subject": "deal", "predicate": "has_duration", "object": None},
    "modality": {"subject": "qatar", "predicate": "accused", "object": "russia", "modality": "claimed"},
    "inverse": {
        "subject": "russia",
        "predicate": "negotiating_sale",
        "object": "qatar",
        "modality": "in_talks",
    },
}


def _claim(cid: str, start: int, end: int, **fields: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "id": cid,
        "value": None,
        "date": None,
        "polarity": "affirmed",
        "modality": "fact",
        "statement": "A planted claim.",
        "citation": {"source": "src", "quote": TEXT[start:end], "start": start, "end": end},
    }
    rec.update(fields)
    return rec


def _store(tmp_path):
    """A store holding one claim per planted violation and a symmetric fact stated twice. The
    importer refuses such claims, so they are written into the file as an older factcli or a
    hand edit would have left them."""
    records = [source_record("src", TEXT)]
    records += [entity_record(e, e.title(), t) for e, t in TYPES.items()]
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n"
    db = tmp_path / "planted.json"
    result = CliRunner().invoke(main, ["--db", str(db), "import", "--create", "-"], input=lines)
    assert result.exit_code == 0, result.output
    # Each planted claim quotes a span of its own, so none is a duplicate of another.
    claims = [_claim(f"c{i + 1:04d}", 36, 46 + i, **f) for i, f in enumerate(PLANTED.values())]
    n = len(claims)
    claims.append(_claim(f"c{n + 1:04d}", 0, 17, subject="tamim", predicate="met", object="putin"))
    claims.append(_claim(f"c{n + 2:04d}", 18, 35, subject="putin", predicate="met", object="tamim"))
    doc = json.loads(db.read_text(encoding="utf-8"))
    doc["claims"] = {
        str(i + 1): {"object": None, "speaker": None, "via": None, **c} for i, c in enumerate(claims)
    }
    next(iter(doc["meta"].values()))["last_claim"] = len(claims)
    db.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return db, n


def test_every_planted_violation_is_reported_once_with_its_claim_and_rule(tmp_path):
    db, n = _store(tmp_path)
    result = CliRunner().invoke(main, ["--db", str(db), "verify", "--constraints", "--tsv"])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if "constraint " in ln]
    for i, rule in enumerate(PLANTED):
        cid = f"c{i + 1:04d}"
        found = [ln for ln in lines if f"\t{cid}\t" in ln]
        assert len(found) == 1, (rule, found)
        assert f"constraint {rule}:" in found[0]
    mirrored = [ln for ln in lines if f"\tc{n + 2:04d}\t" in ln]
    assert len(mirrored) == 1 and "constraint symmetric:" in mirrored[0] and f"c{n + 1:04d}" in mirrored[0]
    assert len(lines) == len(PLANTED) + 1


def test_plain_verify_leaves_constraints_alone(tmp_path):
    db, _ = _store(tmp_path)
    result = CliRunner().invoke(main, ["--db", str(db), "verify"])
    assert result.exit_code == 0, result.output


def test_an_untyped_entity_passes_the_type_rules():
    claim = {
        "subject": "loose",
        "predicate": "purchased",
        "object": "loose",
        "modality": "fact",
        "polarity": "affirmed",
    }
    assert claim_violations(claim, TYPES.get) == []


def test_a_polarity_the_predicate_does_not_allow_is_named(monkeypatch):
    monkeypatch.setitem(VOCABULARY["purchased"], "polarities", ("affirmed",))
    claim = {
        "subject": "qatar",
        "predicate": "purchased",
        "object": "s-400",
        "modality": "fact",
        "polarity": "negated",
    }
    assert [f for f, m in claim_violations(claim, TYPES.get) if m.startswith("constraint polarity:")] == [
        "polarity"
    ]


def test_a_symmetric_fact_from_two_sources_is_not_a_repeat():
    claims = [
        {
            "id": "c0001",
            "subject": "tamim",
            "predicate": "met",
            "object": "putin",
            "citation": {"source": "a"},
        },
        {
            "id": "c0002",
            "subject": "putin",
            "predicate": "met",
            "object": "tamim",
            "citation": {"source": "b"},
        },
    ]
    assert symmetric_violations(claims) == []


def test_the_vocabulary_is_consistent_with_itself():
    assert set(RULES) >= set(PLANTED) | {"polarity", "symmetric"}
    for name, p in VOCABULARY.items():
        assert PREDICATES[name] == p["definition"]
        assert set(p["subject"]) <= set(ENTITY_TYPES) and set(p["object"]) <= set(ENTITY_TYPES), name
        assert p["subject"], name
        assert set(p["value"]) <= set(UNITS), name
        if p["inverse"]:
            other = VOCABULARY[p["inverse"]]
            assert other["inverse"] == name and other["canonical"] != p["canonical"], name
        assert not (p["object_required"] and not p["object"]), name
    assert set(PREDICATE_LABELS) <= set(PREDICATES)


def test_import_refuses_a_new_violation_with_one_line_naming_the_rule(tmp_path):
    db, _ = _store(tmp_path)
    claim = _claim("c0011", 52, 64, subject="deal", predicate="includes", object="russia")
    result = CliRunner().invoke(main, ["--db", str(db), "import", "-"], input=json.dumps(claim))
    assert result.exit_code != 0
    assert (
        "field object: constraint object-type: includes takes an object of type weapon_system"
        in result.output
    )


def test_edit_refuses_a_new_violation_naming_the_rule(tmp_path):
    db, n = _store(tmp_path)
    cid = f"c{n + 1:04d}"
    args = ["--db", str(db), "edit", cid, "--object", "s-400", "--reason", "plant", "--yes"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert "constraint object-type: met takes an object of type" in result.output
