"""A refused change is one line when it has one problem, and one line per problem above a count
when it has several; `add` speaks of its claim, not of "record 1". Nothing is written."""

from __future__ import annotations

import json

import pytest
from conftest import GOOD_ADD, GOOD_RECORD, SHIPPED, factcli, with_option


@pytest.fixture
def mine(tmp_path):
    path = tmp_path / "mine.json"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def test_add_with_one_bad_field_is_one_line_naming_the_field(mine):
    before = mine.read_bytes()
    result = factcli("--db", str(mine), "add", *GOOD_ADD, "--value", "nan USD")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "factcli: nothing added: field value.amount: must be a finite number, not nan"
    ]
    assert mine.read_bytes() == before


def test_add_with_two_bad_fields_lists_both_above_the_count(mine):
    before = mine.read_bytes()
    args = with_option(GOOD_ADD, "--quote", "a sentence the article does not have")
    result = factcli("--db", str(mine), "add", *args, "--value", "nan USD")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 3, lines
    assert lines[0].startswith("factcli: field citation.quote: not found in khaleej-2018-07-21")
    assert lines[1] == "factcli: field value.amount: must be a finite number, not nan"
    assert lines[2] == "factcli: nothing added: 2 problems"
    assert mine.read_bytes() == before


def test_an_import_with_one_problem_is_one_line_naming_the_record(mine):
    before = mine.read_bytes()
    good = dict(GOOD_RECORD)
    bad = dict(good, polarity="maybe")
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in (good, bad))
    result = factcli("--db", str(mine), "import", "-", input=lines)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("factcli: nothing imported: record 2, field polarity: ")
    assert mine.read_bytes() == before  # the good record is not imported either


def test_a_correction_with_one_problem_is_one_line(mine):
    before = mine.read_bytes()
    result = factcli(
        "--db", str(mine), "edit", "c0001", "--predicate", "sold_to", "--reason", "typo", "--yes"
    )
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line == "factcli: nothing changed: field predicate: 'sold_to' is not in the vocabulary"
    assert mine.read_bytes() == before


# An id that is given is checked, whatever it is: only an absent or null id is made up.
FALSY_IDS = [0, False, "", [], {}]


@pytest.mark.parametrize("given", FALSY_IDS, ids=repr)
@pytest.mark.parametrize(
    "record",
    [
        {"title": "T", "text": "A short report.", "published": "2021-05-01"},
        {"name": "Oman", "type": "country"},
    ],
    ids=["source", "entity"],
)
def test_a_given_id_that_is_empty_or_not_a_string_is_refused_not_replaced(mine, record, given):
    before = mine.read_bytes()
    result = factcli("--db", str(mine), "import", "-", input=json.dumps({"id": given, **record}))
    assert result.exit_code == 2, result.stderr
    assert result.stderr.splitlines() == [
        "factcli: nothing imported: record 1, field id: must be a lower-case slug "
        "(letters, digits, . _ -) of at most 64 characters"
    ]
    assert mine.read_bytes() == before


@pytest.mark.parametrize("given", [None, "absent"])
def test_an_absent_or_null_id_is_still_made_up(mine, given):
    record = {"name": "Oman", "type": "country"}
    if given is None:
        record["id"] = None
    result = factcli("--db", str(mine), "import", "-", input=json.dumps(record))
    assert result.exit_code == 0, result.stderr
    shown = factcli("--db", str(mine), "entities", "Oman", "--json")
    assert [e["id"] for e in json.loads(shown.stdout)] == ["oman"]
