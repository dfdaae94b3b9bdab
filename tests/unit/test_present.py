"""Tests for factcli.present: what every output says, in words and shapes - a claim's stance,
what it says for its proposition, an entity and a source on one line, counts, and the
`--fields` projection. Values are read from the articles behind the shipped store: c0001
(Qatar "discussing" an S-400 purchase: in talks), c0026 (Russia and Qatar "have so far made
no practical progress": negated, dated the khaleej article's day), c0008 (the minister's
visit "next October": planned, month 2018-10), c0104 (contracts worth "$8.6 billion in
2021"). The README's wording: "$8.6 bn", dates at their own precision."""

from __future__ import annotations

import pytest
from conftest import SHIPPED

from factcli import present, store
from factcli.errors import InputError


@pytest.fixture(scope="module")
def facts() -> store.Facts:
    return store.load(store.Location(SHIPPED, "--db"))


@pytest.mark.parametrize(
    "cid, status, says",
    [
        ("c0001", "in talks", "in talks"),
        ("c0026", "NOT", "NOT 2018-07-21"),
        ("c0008", "planned", "planned 2018-10"),
        ("c0104", "", "$8.6 bn 2021"),
    ],
)
def test_a_claims_stance_and_what_it_says_for_its_proposition(facts, cid, status, says):
    claim = facts.claim(cid)
    assert present.status_text(claim) == status
    assert present.says_text(claim) == says


def test_an_affirmed_undated_fact_without_a_figure_says_yes():
    claim = {"polarity": "affirmed", "modality": "fact", "date": None, "value": None}
    assert present.says_text(claim) == "yes"
    assert present.status_text(claim) == ""


def test_a_retracted_claim_is_marked_in_its_status_not_in_what_it_says(facts):
    claim = dict(facts.claim("c0026"), retracted={"at": "2026-01-31T09:30:00Z", "reason": "restates c0007"})
    assert present.status_text(claim) == "RETRACTED NOT"
    assert present.says_text(claim) == "NOT 2018-07-21"


def test_a_cell_joins_what_several_claims_say_once_each(facts):
    # c0104 and c0108 both state Mikheev's $8.6 bn of contracts signed in 2021.
    assert present.cell_text([facts.claim("c0104"), facts.claim("c0108")]) == "$8.6 bn 2021"
    assert present.cell_text([facts.claim("c0104"), facts.claim("c0026")]) == "$8.6 bn 2021; NOT 2018-07-21"
    assert present.cell_text([]) == ""


def test_an_entity_is_named_in_both_scripts(facts):
    assert present.who_text(facts.entity("qatar")) == "Qatar (قطر)"
    assert present.who_text(None, "atlantis") == "atlantis"


def test_a_source_on_one_line(facts):
    line = present.source_line(facts.source("khaleej-2018-07-21"))
    assert line == "khaleej-2018-07-21 — The New Khalij (الخليج الجديد), published 2018-07-21"
    assert present.source_line(None, "gone") == "gone"


@pytest.mark.parametrize(
    "n, words, text",
    [
        (1, ("claim",), "1 claim"),
        (2, ("claim",), "2 claims"),
        (0, ("claim",), "0 claims"),
        (61, ("country", "countries"), "61 countries"),
    ],
)
def test_counts_agree_with_their_noun(n, words, text):
    assert present.count_text(n, *words) == text


def test_fields_are_read_as_dotted_paths():
    assert present.parse_fields("id, date.start ,statement") == ["id", "date.start", "statement"]
    assert present.parse_fields(None) is None
    with pytest.raises(InputError, match="at least one field"):
        present.parse_fields(" , ")


def test_a_projection_keeps_dotted_paths_nested(facts):
    record = present.claim_json(facts.claim("c0008"), facts.source("khaleej-2018-07-21"))
    assert present.project(record, ["id", "date.start", "date.precision"]) == {
        "id": "c0008",
        "date": {"start": "2018-10-01", "precision": "month"},
    }
    assert present.pick(record, "value.amount") is None  # c0008 has no figure


def test_an_unknown_field_is_refused_naming_the_known_ones():
    with pytest.raises(
        InputError, match=r"claim records have no field 'date\.strat'; fields: date\.start, date\.end"
    ):
        present.check_fields(["date.strat"], ["id", "date.start", "date.end"], "claim")
    with pytest.raises(InputError, match="fields: id, statement"):
        present.check_fields(["nope"], ["id", "statement", "date.start"], "claim")


def test_claims_listed_in_bulk_have_the_shape_of_each_claim_alone(facts):
    # Every shipped claim, one revised (c0022) and one retracted here, a claim citing a
    # source the store lacks and one whose citation names no source: the bulk path gives
    # what `claim_record` gives each, field for field and in the same order.
    retracted = dict(
        facts.claim("c0026"), retracted={"at": "2026-01-31T09:30:00Z", "reason": "restates c0007"}
    )
    orphan = dict(facts.claim("c0001"), citation={**facts.claim("c0001")["citation"], "source": "gone"})
    unnamed = dict(facts.claim("c0001"), citation={"quote": "x"})
    claims = [*facts.claims, retracted, orphan, unnamed]
    listed = present.claim_records(facts, claims)
    alone = [present.claim_record(facts, c) for c in claims]
    assert listed == alone
    assert [list(r) for r in listed] == [list(r) for r in alone]
    assert listed[-3]["retracted"]["reason"] == "restates c0007"
    assert listed[-2]["source"] is None and listed[-1]["source"] is None
    khaleej = [r["source"] for r in listed if r["citation"].get("source") == "khaleej-2018-07-21"]
    assert khaleej[0] == {
        "id": "khaleej-2018-07-21",
        "outlet": facts.source("khaleej-2018-07-21")["outlet"],
        "title": facts.source("khaleej-2018-07-21")["title"],
        "published": facts.source("khaleej-2018-07-21")["published"],
    }
