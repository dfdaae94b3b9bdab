"""Tests for factcli.compare: propositions, claim against claim, diff of two sources and the
claim × source matrix, on the shipped store and on synthetic stores (memory and JSON)."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED, entity_record, factcli, source_record
from hypothesis import given
from hypothesis import strategies as st

from factcli import compare as cmp
from factcli.compare import (
    STATUSES,
    Diff,
    Matrix,
    compare,
    compare_claims,
    diff,
    proposition,
    rounding_step,
    values_agree,
)
from factcli.errors import InputError
from factcli.present import cell_text, diff_json, matrix_json, row_json
from factcli.store import Facts
from factcli.vocabulary import PREDICATES

MTC = ("qatar", "signed", "qatar-russia-mtc-agreement-2017")
NO_PROGRESS = ("qatar", "made_progress_on", "s-400")
KHALEEJ = "khaleej-2018-07-21"
AMBASSADOR = "unknown-qatar-ambassador-interview"
SHOIGU = "unknown-2017-10-25-shoigu-doha"

ENTITIES = [
    entity_record("qatar", "Qatar"),
    entity_record("russia", "Russia"),
    entity_record("deal", "Defence Deal", "agreement"),
    entity_record("s-400", "S-400", "weapon_system"),
    entity_record("rosoboronexport", "Rosoboronexport", "organization"),
    entity_record("tamim", "Tamim bin Hamad", "person"),
]


def c(subject: str, predicate: str, obj: str | None = None, **fields: Any) -> dict[str, Any]:
    """A claim without its citation; `build` gives it one."""
    return {
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "value": fields.pop("value", None),
        "date": fields.pop("date", None),
        "polarity": fields.pop("polarity", "affirmed"),
        "modality": fields.pop("modality", "fact"),
        "speaker": None,
        "via": None,
        "statement": fields.pop("statement", f"{subject} {predicate} {obj}."),
        **fields,
    }


def usd(amount: float) -> dict[str, Any]:
    return {"amount": amount, "unit": "USD"}


def build(make_facts, sources: dict[str, list[dict[str, Any]]], published: dict[str, str] | None = None):
    """A store with one source per key, each quoting one sentence per claim."""
    published = published or {}
    records: list[dict[str, Any]] = list(ENTITIES)
    claims = []
    for sid, specs in sources.items():
        quotes = [f"Sentence {n} of {sid}." for n in range(len(specs))]
        records.append(
            source_record(sid, " ".join(quotes) or f"Nothing in {sid}.", published.get(sid, "2020-01-01"))
        )
        claims += [
            {**spec, "citation": {"source": sid, "quote": q}} for q, spec in zip(quotes, specs, strict=True)
        ]
    return make_facts(records + claims)


def by_prop(facts, prop: tuple, source: str | None = None) -> list[dict[str, Any]]:
    return [
        x
        for x in facts.claims
        if proposition(x) == prop and (source is None or x["citation"]["source"] == source)
    ]


def pair_of(facts, a: str, b: str, prop: tuple) -> cmp.Pair:
    pairs = [p for p in diff(facts, a, b).pairs if proposition(p.a) == prop]
    assert len(pairs) == 1, pairs
    return pairs[0]


# --- the shipped store ----------------------------------------------------------------


def test_shipped_signing_day_agrees_with_day_and_is_compatible_with_month(shipped):
    stating = {x["citation"]["source"]: x for x in by_prop(shipped, MTC)}
    assert set(stating) == {KHALEEJ, AMBASSADOR, SHOIGU}
    assert stating[KHALEEJ]["date"]["precision"] == "month"
    assert compare_claims(stating[AMBASSADOR], stating[SHOIGU])[0] == "agree"
    for day_source in (AMBASSADOR, SHOIGU):
        status, reason = compare_claims(stating[KHALEEJ], stating[day_source])
        assert (status, reason) == ("compatible", "dates differ in precision: 2017-10 contains 2017-10-25")
    (row,) = compare(shipped, by_prop(shipped, MTC)).rows
    assert row.status == "compatible"
    assert row.cells[KHALEEJ] and row.cells[AMBASSADOR] and row.cells[SHOIGU]


def test_shipped_no_progress_reported_twice_is_consistent_over_time(shipped):
    claims = by_prop(shipped, NO_PROGRESS)
    assert {x["polarity"] for x in claims} == {"negated"}
    pairs = [p for p in diff(shipped, KHALEEJ, AMBASSADOR).pairs if proposition(p.a) == NO_PROGRESS]
    assert pairs and all(p.status == "agree" for p in pairs)
    assert all("same at different dates" in p.reason for p in pairs)
    (row,) = compare(shipped, claims).rows
    assert row.status == "agree"


def test_shipped_every_source_diffed_with_itself_has_no_differences(shipped):
    for source in shipped.sources:
        result = diff(shipped, source["id"], source["id"])
        assert not result.differs()
        assert all(p.a is p.b for p in result.pairs)
        assert len(result.pairs) == sum(x["citation"]["source"] == source["id"] for x in shipped.claims)


def test_shipped_matrix_has_a_column_per_source_and_one_row_per_subject_predicate_object(shipped):
    # What `compare` promises a reader of the whole store: every article is a column, and
    # each thing stated (same subject, predicate and object) is one row, however many
    # claims and sources state it. (The summary's counts are checked against a store
    # worked out by hand in test_matrix_columns_rows_and_summary.)
    matrix = compare(shipped, shipped.claims)
    assert sorted(matrix.sources) == sorted(s["id"] for s in shipped.sources)
    rows = [row.proposition for row in matrix.rows]
    stated = {(x["subject"], x["predicate"], x["object"]) for x in shipped.claims}
    assert len(rows) == len(set(rows)) and set(rows) == stated


# --- dates ------------------------------------------------------------------------------


def test_day_vs_month_is_compatible(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "signed", "deal", date="2017-10-25")],
            "b": [c("qatar", "signed", "deal", date="2017-10")],
        },
    )
    pair = pair_of(facts, "a", "b", ("qatar", "signed", "deal"))
    assert (pair.status, pair.reason) == (
        "compatible",
        "dates differ in precision: 2017-10 contains 2017-10-25",
    )


def test_planted_contradiction_on_a_one_off_event_is_a_conflict(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "signed", "deal", date="2017-10-25")],
            "b": [c("qatar", "signed", "deal", date="2017-10")],
            "planted": [c("qatar", "signed", "deal", date="2017-10-26")],
        },
    )
    pair = pair_of(facts, "a", "planted", ("qatar", "signed", "deal"))
    assert pair.status == "conflict"
    assert "2017-10-25" in pair.reason and "2017-10-26" in pair.reason
    assert diff(facts, "a", "planted").differs()
    # The month one contains both days: no contradiction on its own.
    assert pair_of(facts, "b", "planted", ("qatar", "signed", "deal")).status == "compatible"
    (row,) = compare(facts, facts.claims).rows
    assert row.status == "conflict" and "2017-10-26" in row.reason


def test_missing_date_on_one_side_is_compatible(make_facts):
    facts = build(
        make_facts,
        {"a": [c("qatar", "signed", "deal", date="2017-10-25")], "b": [c("qatar", "signed", "deal")]},
    )
    pair = pair_of(facts, "a", "b", ("qatar", "signed", "deal"))
    assert (pair.status, pair.reason) == ("compatible", "dated on one side only: 2017-10-25")


def test_partly_overlapping_dates_are_compatible(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "signed", "deal", date="2018")],
            "b": [
                c(
                    "qatar",
                    "signed",
                    "deal",
                    date={"start": "2018-12-01", "end": "2019-01-31", "precision": "month", "text": "winter"},
                )
            ],
        },
    )
    pair = pair_of(facts, "a", "b", ("qatar", "signed", "deal"))
    assert pair.status == "compatible" and "2018-12..2019-01" in pair.reason


def test_a_state_at_disjoint_dates_agrees(make_facts):
    negated = {"polarity": "negated"}
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "made_progress_on", "s-400", date="2018-07-21", **negated)],
            "b": [c("qatar", "made_progress_on", "s-400", date="2021-03", **negated)],
        },
    )
    pair = pair_of(facts, "a", "b", NO_PROGRESS)
    assert (pair.status, pair.reason) == ("agree", "same at different dates: 2018-07-21 and 2021-03")
    assert not diff(facts, "a", "b").differs()


def test_a_repeatable_event_at_disjoint_dates_may_be_two_occasions(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("tamim", "visited", "russia", date="2018-03")],
            "b": [c("tamim", "visited", "russia", date="2018-06")],
        },
    )
    pair = pair_of(facts, "a", "b", ("tamim", "visited", "russia"))
    assert pair.status == "compatible" and "different occasions" in pair.reason


# --- figures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        (8.6e9, 8_600_000_000, True),
        (8.6e9, 8.57e9, True),
        (8.6e9, 9e9, False),
        (8.57e9, 9e9, False),
        (61, 61, True),
        (61, 62, False),
        (5.2e9, 5.24e9, True),
        (5.2e9, 5.25e9, False),  # 5.25 rounds half up to 5.3
        (52.1e9, 52e9, False),
        (999.96e6, 1e9, True),  # 999.96 m rounds to 1.0 bn at the coarser step
        (0, 0, True),
    ],
)
def test_values_agree_within_the_rounding_of_the_less_precise_figure(x, y, same):
    assert values_agree(x, y) is same
    assert values_agree(y, x) is same


@pytest.mark.parametrize(
    ("amount", "step"),
    [
        (9e9, "1E+8"),
        (8.6e9, "1E+8"),
        (8.57e9, "1E+7"),
        (52.1e9, "1E+8"),
        (850e6, "1E+5"),
        (61, "0.1"),
        (30, "0.1"),
        (1.25, "0.01"),
    ],
)
def test_rounding_step_is_the_last_digit_but_at_most_one_decimal_of_the_scale(amount, step):
    assert rounding_step(amount) == Decimal(step)


def test_figures_compared_through_a_store(make_facts):
    year = {"date": "2021"}
    facts = build(
        make_facts,
        {
            "a": [c("rosoboronexport", "signed_contracts_value", value=usd(8.6e9), **year)],
            "b": [c("rosoboronexport", "signed_contracts_value", value=usd(8.57e9), **year)],
            "c": [c("rosoboronexport", "signed_contracts_value", value=usd(9e9), **year)],
            "d": [c("rosoboronexport", "signed_contracts_value", value=usd(8_600_000_000), **year)],
        },
    )
    prop = ("rosoboronexport", "signed_contracts_value", None)
    agree = pair_of(facts, "a", "b", prop)
    assert agree.status == "agree"
    assert agree.reason == "figures agree within rounding to 0.1 bn: $8.6 bn and $8.57 bn; same date: 2021"
    conflict = pair_of(facts, "a", "c", prop)
    assert (conflict.status, conflict.reason) == ("conflict", "figures differ: $8.6 bn vs $9 bn")
    assert pair_of(facts, "a", "d", prop).status == "agree"
    (row,) = compare(facts, facts.claims).rows
    assert row.status == "conflict"


def test_figures_in_other_units_missing_or_moved(make_facts):
    # export_destinations' constraints take a count of countries and require it, so the
    # importer refuses a figure in USD or none; a predicate whose value is free shows how
    # compare reads such figures (as in a store written before the constraints).
    prop = ("rosoboronexport", "supplies", None)
    facts = build(
        make_facts,
        {
            "a": [c(*prop, value={"amount": 61, "unit": "country"}, date="2021")],
            "b": [c(*prop, value={"amount": 62, "unit": "country"}, date="2021")],
            "c": [c(*prop, value={"amount": 61, "unit": "USD"}, date="2021")],
            "d": [c(*prop, date="2021")],
            "e": [c(*prop, value={"amount": 58, "unit": "country"}, date="2019")],
            "f": [c(*prop, value={"amount": 61, "unit": "country"}, date="2021")],
        },
    )
    assert pair_of(facts, "a", "f", prop).status == "agree"
    assert pair_of(facts, "a", "b", prop).reason == "figures differ: 61 countries vs 62 countries"
    assert pair_of(facts, "a", "c", prop).reason == "units differ: 61 countries vs $61"
    assert pair_of(facts, "a", "d", prop).status == "compatible"
    moved = pair_of(facts, "e", "a", prop)
    assert (moved.status, moved.reason) == (
        "changed",
        "figure changed: 58 countries in 2019, 61 countries in 2021",
    )


# --- polarity and modality ----------------------------------------------------------------


def test_affirmed_vs_negated_overlapping_is_a_conflict_and_disjoint_is_a_change(make_facts):
    facts = build(
        make_facts,
        {
            "yes": [c("qatar", "negotiating_purchase", "s-400", date="2018")],
            "no": [c("qatar", "negotiating_purchase", "s-400", date="2018-07-21", polarity="negated")],
            "later": [c("qatar", "negotiating_purchase", "s-400", date="2021", polarity="negated")],
            "undated": [c("qatar", "negotiating_purchase", "s-400", polarity="negated")],
        },
    )
    prop = ("qatar", "negotiating_purchase", "s-400")
    overlapping = pair_of(facts, "yes", "no", prop)
    assert overlapping.status == "conflict"
    assert overlapping.reason == "affirmed vs negated, at overlapping dates: 2018 and 2018-07-21"
    assert pair_of(facts, "yes", "undated", prop).status == "conflict"
    changed = pair_of(facts, "yes", "later", prop)
    assert (changed.status, changed.reason) == ("changed", "affirmed in 2018, negated in 2021")


def test_in_talks_then_signed_is_a_change(make_facts):
    facts = build(
        make_facts,
        {
            "2018": [c("qatar", "signed", "deal", date="2018", modality="in_talks")],
            "2021": [c("qatar", "signed", "deal", date="2021-06-02")],
        },
    )
    pair = pair_of(facts, "2018", "2021", ("qatar", "signed", "deal"))
    assert (pair.status, pair.reason) == ("changed", "in talks in 2018, fact in 2021-06-02")


def test_a_stage_difference_without_dates_is_read_from_publication_dates(make_facts):
    talks, done = c("qatar", "signed", "deal", modality="in_talks"), c("qatar", "signed", "deal")
    facts = build(
        make_facts,
        {"old": [talks], "new": [done], "same-day": [done]},
        published={"old": "2018-07-21", "new": "2021-06-01", "same-day": "2018-07-21"},
    )
    prop = ("qatar", "signed", "deal")
    moved = pair_of(facts, "old", "new", prop)
    assert moved.status == "changed" and "2018-07-21" in moved.reason and "2021-06-01" in moved.reason
    assert pair_of(facts, "old", "same-day", prop).status == "conflict"
    # Without the store, the publication dates are unknown: a stage difference then conflicts.
    assert compare_claims(moved.a, moved.b)[0] == "conflict"


def test_different_commitment_to_the_same_fact_is_compatible(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "signed", "deal", date="2017-10-25")],
            "b": [c("qatar", "signed", "deal", date="2017-10-25", modality="hedged")],
        },
    )
    pair = pair_of(facts, "a", "b", ("qatar", "signed", "deal"))
    assert (pair.status, pair.reason) == ("compatible", "commitment differs: fact vs hedged")


# --- diff ------------------------------------------------------------------------------------


def test_a_proposition_on_one_side_only(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "signed", "deal", date="2017-10-25"), c("qatar", "cooperates_with", "russia")],
            "b": [c("qatar", "signed", "deal", date="2017-10-25")],
        },
    )
    result = diff(facts, "a", "b")
    assert [proposition(x) for x in result.only_a] == [("qatar", "cooperates_with", "russia")]
    assert result.only_b == []
    assert [p.status for p in result.pairs] == ["agree"]
    assert result.differs()
    out = diff_json(result)
    assert [x["id"] for x in out["only_in_a"]] == [result.only_a[0]["id"]]
    assert out["summary"]["only_in_a"] == 1 and out["summary"]["agree"] == 1


def test_a_source_diffed_with_itself_has_no_differences(make_facts):
    facts = build(
        make_facts,
        {
            "a": [
                c("qatar", "signed", "deal", date="2017-10-25"),
                c("qatar", "signed", "deal", date="2017-10"),
                c("tamim", "visited", "russia", date="2018-03"),
                c("tamim", "visited", "russia", date="2018-06"),
            ]
        },
    )
    result = diff(facts, "a", "a")
    assert not result.differs()
    assert [(p.a["id"], p.b["id"]) for p in result.pairs] == [(x["id"], x["id"]) for x in facts.claims]


def test_each_claim_is_matched_with_its_best_counterpart(make_facts):
    visits = [
        c("tamim", "visited", "russia", date="2018-03"),
        c("tamim", "visited", "russia", date="2018-06"),
    ]
    facts = build(make_facts, {"both": visits, "same": visits, "june": [visits[1]]})
    assert not diff(facts, "both", "same").differs()
    june = diff(facts, "both", "june")
    assert sorted(p.status for p in june.pairs) == ["agree", "compatible"]
    assert june.by_status("agree")[0].a["date"]["start"] == "2018-06-01"


def test_a_claim_with_no_good_counterpart_still_shows(make_facts):
    facts = build(
        make_facts,
        {
            "a": [
                c("qatar", "signed", "deal", date="2017-10-25"),
                c("qatar", "signed", "deal", date="2017-10"),
            ],
            "b": [c("qatar", "signed", "deal", date="2017-10-26")],
        },
    )
    result = diff(facts, "a", "b")
    assert sorted(p.status for p in result.pairs) == ["compatible", "conflict"]
    assert result.by_status("conflict")[0].a["date"]["start"] == "2017-10-25"


def test_diff_to_dict_is_json_with_every_key(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "signed", "deal", date="2017-10-25"), c("qatar", "cooperates_with", "russia")],
            "b": [c("qatar", "signed", "deal", date="2017-10"), c("qatar", "hosts", "russia")],
        },
    )
    out = json.loads(json.dumps(diff_json(diff(facts, "a", "b"))))
    assert set(out) == {"source_a", "source_b", "only_in_a", "only_in_b", *STATUSES, "summary"}
    assert set(out["summary"]) == {"only_in_a", "only_in_b", *STATUSES, "differs"}
    (pair,) = out["compatible"]
    assert {"status", "reason", "subject", "predicate", "object", "a", "b", "a_says", "b_says"} <= set(pair)
    assert (pair["a_says"], pair["b_says"]) == ("2017-10-25", "2017-10")
    assert out["only_in_b"][0]["predicate"] == "hosts"


def test_diff_refuses_an_unknown_source(make_facts):
    facts = build(make_facts, {"a": [c("qatar", "signed", "deal")]})
    with pytest.raises(InputError, match="no source 'zz'"):
        diff(facts, "a", "zz")


def test_by_status_refuses_an_unknown_status():
    with pytest.raises(ValueError, match="unknown status"):
        Diff("a", "b").by_status("silent")


def test_compare_claims_refuses_different_propositions():
    with pytest.raises(ValueError, match="not the same proposition"):
        compare_claims(c("qatar", "signed", "deal"), c("qatar", "signed", "s-400"))


# --- the matrix ------------------------------------------------------------------------------


def test_matrix_columns_rows_and_summary(make_facts):
    facts = build(
        make_facts,
        {
            "late": [c("qatar", "signed", "deal", date="2017-10"), c("qatar", "hosts", "russia")],
            "early": [
                c("qatar", "signed", "deal", date="2017-10-25"),
                c("qatar", "negotiating_purchase", "s-400", date="2017-10", polarity="negated"),
            ],
            "mid": [c("qatar", "negotiating_purchase", "s-400", date="2017-10-25")],
        },
        published={"early": "2017-10-26", "mid": "2018-01-01", "late": "2019-05-05"},
    )
    matrix = compare(facts, facts.claims)
    assert isinstance(matrix, Matrix)
    assert matrix.sources == ["early", "mid", "late"]
    statuses = {row.proposition[1]: row.status for row in matrix.rows}
    assert statuses == {"signed": "compatible", "hosts": "single_source", "negotiating_purchase": "conflict"}
    assert matrix.summary == {
        "propositions": 3,
        "agree": 0,
        "compatible": 1,
        "conflict": 1,
        "changed": 0,
        "single_source": 1,
    }
    hosts = next(r for r in matrix.rows if r.proposition[1] == "hosts")
    assert hosts.reason == "only late states it" and hosts.cells["early"] == []
    out = json.loads(json.dumps(matrix_json(matrix)))
    signed = next(r for r in out["rows"] if r["predicate"] == "signed")
    assert signed["cells"]["late"]["says"] == "2017-10"


def test_matrix_restricted_to_given_sources(make_facts):
    facts = build(
        make_facts,
        {
            "a": [c("qatar", "signed", "deal", date="2017-10-25")],
            "b": [c("qatar", "signed", "deal", date="2017-10-26")],
            "c": [c("qatar", "signed", "deal", date="2017-10-25")],
        },
    )
    matrix = compare(facts, facts.claims, sources=["c", "a"])
    assert matrix.sources == ["c", "a"]
    (row,) = matrix.rows
    assert row.status == "agree" and set(row.cells) == {"c", "a"}
    with pytest.raises(InputError):
        compare(facts, facts.claims, sources=["nope"])


def test_matrix_of_nothing():
    matrix = compare(Facts(None), [])
    assert matrix.rows == [] and matrix.summary["propositions"] == 0


@pytest.mark.parametrize(
    ("claims", "text"),
    [
        (
            [
                c(
                    "qatar",
                    "signed",
                    "deal",
                    date={"start": "2017-10-25", "end": "2017-10-25", "precision": "day", "text": "25 Oct"},
                )
            ],
            "2017-10-25",
        ),
        (
            [
                c(
                    "qatar",
                    "made_progress_on",
                    "s-400",
                    polarity="negated",
                    date={"start": "2018-07-21", "end": "2018-07-21", "precision": "day", "text": ""},
                )
            ],
            "NOT 2018-07-21",
        ),
        (
            [
                c(
                    "russia",
                    "signed_contracts_value",
                    value=usd(8.6e9),
                    date={"start": "2021-01-01", "end": "2021-12-31", "precision": "year", "text": "2021"},
                )
            ],
            "$8.6 bn 2021",
        ),
        (
            [
                c(
                    "tamim",
                    "visited",
                    "russia",
                    modality="planned",
                    date={"start": "2021-06-01", "end": "2021-06-30", "precision": "month", "text": "June"},
                )
            ],
            "planned 2021-06",
        ),
        ([c("qatar", "hosts", "russia")], "yes"),
        (
            [c("qatar", "hosts", "russia"), c("qatar", "hosts", "russia", modality="in_talks")],
            "yes; in talks",
        ),
        ([], ""),
    ],
)
def test_cell_text(claims, text):
    assert cell_text(claims) == text


# --- the rules as a whole --------------------------------------------------------------------


def test_every_predicate_has_exactly_one_kind():
    kinds = (cmp.STATE_PREDICATES, cmp.ONE_OFF_PREDICATES, cmp.REPEATABLE_PREDICATES)
    for predicate in PREDICATES:
        assert sum(predicate in kind for kind in kinds) == 1, predicate
    assert set().union(*kinds) <= set(PREDICATES)


_days = st.dates(min_value=datetime.date(2016, 1, 1), max_value=datetime.date(2022, 12, 31))


@st.composite
def claims(draw):
    date = None
    if draw(st.booleans()):
        start = draw(_days)
        date = {"start": start.isoformat(), "end": start.isoformat(), "precision": "day", "text": ""}
        if draw(st.booleans()):
            date = {
                "start": f"{start.year}-01-01",
                "end": f"{start.year}-12-31",
                "precision": "year",
                "text": "",
            }
    value = draw(
        st.none()
        | st.builds(
            lambda a, u: {"amount": a, "unit": u},
            st.sampled_from([61, 62, 8.6e9, 8.57e9, 9e9]),
            st.sampled_from(["USD", "country"]),
        )
    )
    return c(
        "qatar",
        draw(st.sampled_from(["signed", "visited", "made_progress_on"])),
        "s-400",
        date=date,
        value=value,
        polarity=draw(st.sampled_from(["affirmed", "negated"])),
        modality=draw(st.sampled_from(["fact", "in_talks", "planned", "hedged"])),
    )


@given(claims(), claims())
def test_comparison_is_symmetric_and_a_claim_agrees_with_itself(a, b):
    b = {**b, "predicate": a["predicate"]}
    assert compare_claims(a, b)[0] == compare_claims(b, a)[0] in STATUSES
    assert compare_claims(a, a)[0] == "agree"


def test_denials_or_talks_before_a_one_off_event_are_a_state(make_facts):
    prop = ("qatar", "signed", "deal")
    facts = build(
        make_facts,
        {
            "a": [c(*prop, date="2016", polarity="negated"), c(*prop, date="2016-05", modality="in_talks")],
            "b": [c(*prop, date="2018", polarity="negated"), c(*prop, date="2018-02", modality="in_talks")],
        },
    )
    result = diff(facts, "a", "b")
    assert [p.status for p in result.pairs] == ["agree", "agree"]
    assert not result.differs()


# --- restatements: one statement said twice in one source ------------------------------

S400_2021 = "unknown-s400-turkey-2021"


def test_shipped_exporter_figure_is_one_proposition_from_both_claims(shipped):
    # Mikheev gives the $8.6 bn of 2021 twice: in the paraphrase ("Russia signed") and in
    # his own words ("we signed"). An exporter's figures are the exporter's: one row.
    rows = compare(shipped, [x for x in shipped.claims if x["predicate"] == "signed_contracts_value"]).rows
    (row,) = rows
    assert row.proposition == ("rosoboronexport", "signed_contracts_value", None)
    assert [x["id"] for x in row.cells[S400_2021]] == ["c0104", "c0108"]
    assert row.restatements == [["c0104", "c0108"]]
    assert (
        row.reason
        == f"only {S400_2021} states it; c0104 and c0108: alexander-mikheev states it twice, counted once"
    )
    assert cell_text(row.cells[S400_2021]) == "$8.6 bn 2021"


def test_shipped_exporter_figures_all_have_the_exporter_as_subject(shipped):
    figures = ("signed_contracts_value", "exported_value", "order_book_value", "export_destinations")
    subjects = {x["subject"] for x in shipped.claims if x["predicate"] in figures}
    assert subjects == {"rosoboronexport"}


def test_shipped_article_001_keeps_distinct_facts_in_distinct_rows(shipped):
    claims = [x for x in shipped.claims if x["citation"]["source"] == AMBASSADOR]
    rows = {
        row.proposition: [x["id"] for c in row.cells.values() for x in c]
        for row in compare(shipped, claims).rows
    }
    # Only the one remark, "military cooperation keeps growing", in the paraphrase (New
    # Defence Order) and in the Kommersant quote, is `qatar cooperates_with russia`.
    assert rows[("qatar", "cooperates_with", "russia")] == ["c0037", "c0046"]
    assert rows[("qatar", "cooperates_in", "qatar-russia-personnel-training")] == ["c0044"]
    assert rows[("qatar-russia-military-agreements", "has_part", "qatar-russia-legal-agreements")] == [
        "c0049"
    ]
    assert rows[("qatar", "signed", "qatar-russia-military-contracts")] == ["c0050"]
    assert rows[("qatar", "signed", "qatar-russia-pending-military-contracts")] == ["c0051"]
    assert rows[("qatar", "cooperates_in", "qatar-russia-economic-cooperation")] == ["c0057"]
    assert rows[("qatar", "cooperates_in", "qatar-russia-security-cooperation")] == ["c0056", "c0178"]
    assert rows[("qatar-security-services", "in_contact_with", "russian-security-services")] == ["c0058"]
    assert rows[("qatar-security-services", "cooperates_with", "russian-security-services")] == ["c0059"]


def test_shipped_hopes_for_stronger_cooperation_are_not_cooperation_expected(shipped):
    # c0083: Shoigu «آمل أن تخدم محادثاتنا ... التعزيز اللاحق لتعاوننا»; c0086: Al-Attiyah says
    # the visit shows «عزم أصدقاء الدوحة في روسيا على تطوير وتعزيز التعاون». Cooperation exists;
    # what they state, as a fact, is the wish to strengthen it.
    got = {
        x["id"]: proposition(x) + (x["modality"], x["speaker"])
        for x in shipped.claims
        if x["id"] in ("c0083", "c0086")
    }
    assert got == {
        "c0083": ("sergei-shoigu", "seeks_stronger_cooperation_with", "qatar", "fact", "sergei-shoigu"),
        "c0086": ("russia", "seeks_stronger_cooperation_with", "qatar", "fact", "khalid-al-attiyah"),
    }


def test_shipped_paraphrase_and_quote_of_one_remark_are_one_statement(shipped):
    claims = [x for x in shipped.claims if x["citation"]["source"] == AMBASSADOR]
    row = next(
        r for r in compare(shipped, claims).rows if r.proposition == ("qatar", "cooperates_with", "russia")
    )
    assert row.restatements == [["c0037", "c0046"]]
    assert (
        "c0037 (via new-defence-order) and c0046 (via kommersant): ahmed-bin-nasser-al-thani states it twice"
        in row.reason
    )


def test_shipped_lead_and_agency_accounts_of_one_meeting_are_one_statement(shipped):
    # Article 002 gives the meeting's topics in its lead and again "according to QNA".
    claims = [
        x for x in shipped.claims if x["citation"]["source"] == SHOIGU and x["predicate"] == "discussed"
    ]
    restated = sorted(ids for row in compare(shipped, claims).rows for ids in row.restatements)
    assert restated == [["c0072", "c0092"], ["c0073", "c0090"], ["c0074", "c0091"]]


def test_restates_needs_the_same_source_speaker_and_stance():
    base = {**c("qatar", "signed", "deal", speaker="tamim"), "citation": {"source": "a"}}
    assert cmp.restates(base, {**base, "via": "rosoboronexport"})
    assert not cmp.restates(base, {**base, "speaker": None})
    assert not cmp.restates(base, {**base, "modality": "planned"})
    assert not cmp.restates(base, {**base, "polarity": "negated"})
    assert not cmp.restates(base, {**base, "object": "s-400"})
    assert not cmp.restates(base, {**base, "citation": {"source": "b"}})


def test_restates_needs_figures_that_agree_and_dates_that_contain_each_other():
    year = {"start": "2021-01-01", "end": "2021-12-31", "precision": "year", "text": "2021"}
    day = {"start": "2021-03-02", "end": "2021-03-02", "precision": "day", "text": "2 March"}
    fig = {
        **c("rosoboronexport", "signed_contracts_value", value=usd(8.6e9), date=year),
        "citation": {"source": "a"},
    }
    assert cmp.restates(fig, {**fig, "value": usd(8.57e9)})
    assert not cmp.restates(fig, {**fig, "value": usd(9e9)})
    assert not cmp.restates(fig, {**fig, "value": {"amount": 8.6e9, "unit": "km"}})
    assert not cmp.restates(fig, {**fig, "value": None})
    assert cmp.restates(fig, {**fig, "date": day})
    assert not cmp.restates(fig, {**fig, "date": None})
    assert not cmp.restates(fig, {**fig, "date": {**year, "start": "2020-01-01", "end": "2020-12-31"}})


def test_a_restatement_is_compared_once_with_the_other_source(make_facts):
    facts = build(
        make_facts,
        {
            "a": [
                c("qatar", "signed", "deal", date="2017-10-25", speaker="tamim"),
                c("qatar", "signed", "deal", date="2017-10-25", speaker="tamim", via="rosoboronexport"),
            ],
            "b": [c("qatar", "signed", "deal", date="2017-10")],
        },
    )
    (row,) = compare(facts, facts.claims).rows
    a_ids = [x["id"] for x in row.cells["a"]]
    assert row.restatements == [a_ids]
    assert len(row.pairs) == 1 and row.pairs[0].a["id"] == a_ids[0]
    assert row.status == "compatible"
    assert row_json(row)["restatements"] == [a_ids]


def test_two_different_statements_in_one_source_are_not_restatements(make_facts):
    facts = build(
        make_facts,
        {
            "a": [
                c("qatar", "signed", "deal", speaker="tamim"),
                c("qatar", "signed", "deal", modality="in_talks"),
            ]
        },
    )
    (row,) = compare(facts, facts.claims).rows
    assert row.restatements == []
    assert row.reason == "only a states it"


def test_compare_json_names_the_restatements():
    result = factcli("compare", "--predicate", "signed_contracts_value", "--json", db=SHIPPED)
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout)["rows"]
    assert row["cells"][S400_2021] == {"claims": ["c0104", "c0108"], "says": "$8.6 bn 2021"}
    assert row["restatements"] == [["c0104", "c0108"]]


def test_date_text_says_when_a_span_holds_one_day_somewhere_in_it():
    monday = {"start": "2021-07-26", "end": "2021-12-27", "precision": "day", "text": "الاثنين"}
    assert cmp.date_text(monday) == "2021-07-26..2021-12-27"
    assert cmp.date_text({**monday, "within": True}) == "a day in 2021-07-26..2021-12-27"
    published = {"start": "2020-09-01", "end": "2021-05-31", "precision": "month", "text": "", "within": True}
    assert cmp.date_text(published) == "a month in 2020-09..2021-05"


def test_the_core_loads_no_presentation():
    # Comparing and curating compute; how their results read is present's and render's.
    code = (
        "import sys, factcli.compare, factcli.curate; "
        "print(sorted(m for m in ('factcli.present', 'factcli.render', 'click', 'rich') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- dates known only between bounds ------------------------------------------------------

UNDATED = {"start": "2017-01-01", "end": "2021-12-31", "precision": "year", "text": ""}


def _bounded_store(make_facts, undated_claim: dict[str, Any], dated_claim: dict[str, Any]):
    """An article known only to 2017..2021 and one published on 15 July 2019."""
    records: list[dict[str, Any]] = list(ENTITIES)
    records.append(source_record("undated", "Sentence 0 of undated.", published_span=UNDATED))
    records.append(source_record("dated", "Sentence 0 of dated.", "2019-07-15"))
    records.append({**undated_claim, "citation": {"source": "undated", "quote": "Sentence 0 of undated."}})
    records.append({**dated_claim, "citation": {"source": "dated", "quote": "Sentence 0 of dated."}})
    return make_facts(records)


def test_an_undated_source_is_no_conflict_with_a_dated_one(make_facts):
    # Talks told by an article of 2017..2021, a signing in July 2019: which came first is not
    # known, so the stage difference is no contradiction.
    facts = _bounded_store(
        make_facts,
        c("qatar", "signed", "deal", modality="in_talks"),
        c("qatar", "signed", "deal", date="2019-07"),
    )
    pair = pair_of(facts, "undated", "dated", ("qatar", "signed", "deal"))
    assert pair.status == "compatible"
    assert "order is not known" in pair.reason


def _some_day(start: str, end: str, text: str) -> dict[str, Any]:
    """A DATE known only to be some day between `start` and `end` (`within`), as `text` says."""
    return {"start": start, "end": end, "precision": "day", "text": text, "within": True}


def test_a_day_within_an_interval_is_uncertain_never_a_conflict(make_facts):
    # «اليوم الإثنين» in that article: some Monday of 2017..2021, against July 2019.
    monday = _some_day("2017-01-02", "2021-12-27", "اليوم الإثنين")
    facts = _bounded_store(
        make_facts, c("qatar", "signed", "deal", date=monday), c("qatar", "signed", "deal", date="2019-07")
    )
    pair = pair_of(facts, "undated", "dated", ("qatar", "signed", "deal"))
    assert pair.status == "compatible"
    assert "known only to lie in 2017-01-02..2021-12-27" in pair.reason
    # A stage difference at such a date is not a conflict either.
    facts = _bounded_store(
        make_facts,
        c("qatar", "signed", "deal", date=monday, modality="in_talks"),
        c("qatar", "signed", "deal", date="2019-07"),
    )
    assert pair_of(facts, "undated", "dated", ("qatar", "signed", "deal")).status == "compatible"


def test_a_one_off_event_on_a_bounded_date_apart_from_a_dated_one_is_not_a_conflict(make_facts):
    within = _some_day("2017-01-02", "2018-12-31", "الإثنين")
    facts = _bounded_store(
        make_facts, c("qatar", "signed", "deal", date=within), c("qatar", "signed", "deal", date="2019-07")
    )
    pair = pair_of(facts, "undated", "dated", ("qatar", "signed", "deal"))
    assert pair.status == "compatible" and pair.reason.startswith("dates differ")
    # Two precise dates apart still conflict.
    facts = _bounded_store(
        make_facts, c("qatar", "signed", "deal", date="2018-03"), c("qatar", "signed", "deal", date="2019-07")
    )
    assert pair_of(facts, "undated", "dated", ("qatar", "signed", "deal")).status == "conflict"
