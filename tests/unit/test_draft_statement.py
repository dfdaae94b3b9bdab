"""A candidate's statement drafted from its fields, offered to the reviewer to confirm."""

from __future__ import annotations

from factcli.draft import accept, draft_statement
from factcli.errors import InputError

NAMES = {"russia": "Russia", "t90": "T-90", "kozhin": "Vladimir Kozhin", "izv": "Izvestia", "egypt": "Egypt"}


def test_the_sentence_says_the_fields() -> None:
    claim = {
        "subject": "russia",
        "predicate": "supplies",
        "object": "t90",
        "polarity": "affirmed",
        "modality": "planned",
        "speaker": "kozhin",
        "via": "izv",
        "date": {"start": "2017-07-20", "end": "2017-07-20"},
    }
    assert draft_statement(claim, NAMES) == (
        "Vladimir Kozhin said it is planned that Russia supplies or will supply T-90, "
        "according to Izvestia (2017-07-20)."
    )


def test_a_negated_claim_says_not_and_a_figure_is_the_object() -> None:
    claim = {"subject": "egypt", "predicate": "signed", "object": "t90", "polarity": "negated"}
    assert draft_statement(claim, NAMES) == "It is not so that Egypt signed T-90."
    value = {
        "subject": "russia",
        "predicate": "exported_value",
        "value": {"amount": 15000000000, "unit": "USD"},
    }
    assert "15,000,000,000 USD" in draft_statement(value, NAMES)


def test_no_predicate_no_sentence_and_import_still_needs_a_reviewed_statement() -> None:
    assert draft_statement({"subject": "egypt", "predicate": None}, NAMES) == ""
    candidate = {"citation": {"quote": "x"}, "statement": "", "draft": {"statement": "Egypt signed T-90."}}
    try:
        accept(candidate)
    except InputError:
        pass
    else:
        raise AssertionError("a drafted statement nobody confirmed was accepted")


def test_a_name_after_said_keeps_its_capital_and_a_year_is_said_as_a_year() -> None:
    names = {**NAMES, "office": "Minister of Defence (Iran)"}
    office = {"subject": "kozhin", "predicate": "holds_position", "object": "office"}
    assert "Minister of Defence (Iran)" in draft_statement(office, names)  # a name's own brackets stay
    claim = {
        "subject": "kozhin",
        "predicate": "visited",
        "object": "egypt",
        "polarity": "affirmed",
        "modality": "fact",
        "speaker": "kozhin",
        "date": {"start": "2017-01-01", "end": "2017-12-31", "precision": "year"},
    }
    assert draft_statement(claim, NAMES) == "Vladimir Kozhin visited Egypt, by their own account (2017)."
    claim["speaker"] = "izv"
    assert draft_statement(claim, NAMES) == "Izvestia said Vladimir Kozhin visited Egypt (2017)."
