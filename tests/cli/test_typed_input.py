"""What the CLI reads as numbers and settings is taken as typed, or refused in one line; a
refused quote is told where it departs from its source in time linear in the source."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHIPPED

from factcli import store
from factcli.cli import main
from factcli.errors import InputError
from factcli.importer import _nearest, parse_value

NOBODY = 65534


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "facts.json"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def _one_line_refusal(result) -> None:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert result.stderr.strip().count("\n") == 0, result.stderr


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("9007199254740993 USD", 9007199254740993),
        ("123456789012345678901234567890 USD", 123456789012345678901234567890),
        ("8,600,000,000 USD", 8600000000),
        ("8.6 km", 8.6),
        ("-0.25 pct", -0.25),
        ("1e3 t", 1000),
    ],
)
def test_a_value_is_kept_as_typed(typed, amount):
    got = parse_value(typed)
    assert got == {"amount": amount, "unit": typed.split()[1]}
    assert type(got["amount"]) is type(amount)


@pytest.mark.parametrize(
    "typed", ["1e-400 USD", "1_000 USD", "0.1000000000000000000001 USD", "1,5 USD", "٣ USD", "0x10 USD"]
)
def test_a_value_that_cannot_be_kept_as_typed_is_refused(typed):
    with pytest.raises(InputError) as err:
        parse_value(typed)
    assert "\n" not in str(err.value)


def test_edit_stores_a_long_value_exactly_and_refuses_an_inexact_one(tmp_path):
    path = _store(tmp_path)
    db = ["--db", str(path)]
    edit = [*db, "edit", "c0001", "--reason", "the figure", "--yes", "--value"]
    result = CliRunner().invoke(main, [*edit, "9007199254740993 USD"])
    assert result.exit_code == 0, result.output
    assert store.load(store.Location(path, "--db")).claim("c0001")["value"]["amount"] == 9007199254740993
    assert b"9007199254740993" in path.read_bytes()
    before = path.read_bytes()
    _one_line_refusal(CliRunner().invoke(main, [*edit, "1e-400 USD"]))
    assert path.read_bytes() == before


def test_the_claim_schema_says_which_numbers_a_store_holds():
    result = CliRunner().invoke(main, ["schema", "claim"])
    amount = json.loads(result.output)["properties"]["value"]["anyOf"][1]["properties"]["amount"]
    assert "integer" in amount["description"] and "exact" in amount["description"]


# --- bounded refusals ------------------------------------------------------------------------


def test_the_nearest_text_hint_is_the_longest_common_passage():
    text = "The ministers met in Doha on Saturday and signed the agreement."
    assert _nearest("met in Doha on Sunday", text) == (
        "closest passage at 14; after 'met in Doha on S' the source has 'aturday and sig' "
        "where the quote has 'unday'"
    )
    assert _nearest("xyz", "abc") == "no passage of the source resembles it"


def test_a_long_quote_not_in_a_long_source_is_refused_with_a_hint(monkeypatch):
    # 10,000 characters against 100,000: quadratic matching took over a minute here; the
    # hint's matcher is linear (timed by hand and in benchmarks, not asserted).
    import random

    rng = random.Random(7)
    text = "".join(rng.choice("abcdefghij ") for _ in range(100_000))
    quote = "".join(rng.choice("klmnopqrst ") for _ in range(10_000))
    hint = _nearest(quote, text)
    assert hint.startswith("closest passage at ")


# --- small edges -----------------------------------------------------------------------------


@pytest.mark.parametrize("wait", ["nan", "inf", "-1", "NaN"])
def test_wait_refuses_what_is_not_a_number_of_seconds(tmp_path, wait):
    path = _store(tmp_path)
    for args in (
        ["--wait", wait, "--db", str(path), "verify"],
        ["--db", str(path), "verify", "--wait", wait],
    ):
        result = CliRunner().invoke(main, args)
        _one_line_refusal(result)
        assert "--wait" in result.stderr


@pytest.mark.parametrize("given", ["²", "0", "-5", "1.5", "abc", "٣"])
def test_max_mb_takes_only_a_positive_whole_number(tmp_path, given):
    path = _store(tmp_path)
    result = CliRunner().invoke(main, ["--db", str(path), "show", "c0001"], env={"FACTCLI_MAX_MB": given})
    _one_line_refusal(result)
    assert "FACTCLI_MAX_MB" in result.stderr and "positive whole number" in result.stderr


def test_max_mb_as_a_positive_whole_number_is_the_limit(tmp_path):
    path = _store(tmp_path)
    result = CliRunner().invoke(main, ["--db", str(path), "show", "c0001"], env={"FACTCLI_MAX_MB": "64"})
    assert result.exit_code == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_lock_held_by_another_user_in_a_shared_folder_is_named_in_one_line(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    path = shared / "facts.json"
    path.write_bytes(SHIPPED.read_bytes())
    lock = shared / "facts.json.lock"
    lock.write_bytes(b"")
    os.chown(lock, NOBODY, NOBODY)
    os.chmod(lock, 0o600)
    before = path.read_bytes()
    result = CliRunner().invoke(
        main, ["--db", str(path), "--wait", "0", "retract", "c0001", "--reason", "r", "--yes"]
    )
    _one_line_refusal(result)
    assert "facts.json.lock" in result.stderr and "uid 65534" in result.stderr
    assert path.read_bytes() == before
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
