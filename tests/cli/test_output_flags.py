"""Output flags that do what they say: --fields fills a typed column's name in JSON as CSV
does, --ids and --count keep to the format asked for, --fields beside them is refused, a
mistyped option is matched only against the command's own, colour follows NO_COLOR and
FORCE_COLOR, and a date in the future gets a note that fits it."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from conftest import SHIPPED

from factcli import schemas
from factcli.cli import main
from factcli.cli.env import Environment

DB = ("--db", str(SHIPPED))


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, [*DB, *args], env={"NO_COLOR": None, "FORCE_COLOR": None, **(env or {})})


def test_fields_fill_typed_columns_in_json_as_in_csv():
    js = json.loads(run("search", "S-400", "--fields", "id,date_start,quote,date.start", "--json").stdout)
    rows = list(
        csv.DictReader(io.StringIO(run("search", "S-400", "--fields", "id,date_start,quote", "--csv").stdout))
    )
    assert [r["id"] for r in js] == [r["id"] for r in rows]
    assert all(j["date_start"] == (r["date_start"] or None) for j, r in zip(js, rows, strict=True))
    assert any(j["date_start"] for j in js)
    assert all(j["quote"] == r["quote"] for j, r in zip(js, rows, strict=True))
    assert all(j["date"]["start"] == j["date_start"] for j in js)


def test_every_field_the_error_lists_is_taken_in_json():
    err = run("search", "S-400", "--fields", "nope", "--json")
    assert err.exit_code == 2
    listed = err.stderr.split("; fields: ", 1)[1].strip().split(", ")
    assert "date_start" in listed
    got = run("search", "S-400", "--fields", ",".join(listed), "--jsonl")
    assert got.exit_code == 0, got.stderr
    first = json.loads(got.stdout.splitlines()[0])
    assert list(first) == listed
    assert first["date_start"] and first["value_amount"] is None


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("--json", lambda out, ids: json.loads(out) == ids),
        ("--jsonl", lambda out, ids: [json.loads(line) for line in out.splitlines()] == ids),
        ("--csv", lambda out, ids: out.splitlines() == ["id", *ids]),
        ("--tsv", lambda out, ids: out.splitlines() == ["id", *ids]),
    ],
)
def test_ids_keep_to_the_format(fmt, expected):
    ids = run("search", "S-400", "--ids").stdout.split()
    assert ids and all(i.startswith("c") for i in ids)
    assert expected(run("search", "S-400", "--ids", fmt).stdout, ids)


def test_count_keeps_to_the_format():
    n = int(run("search", "S-400", "--count").stdout)
    assert json.loads(run("search", "S-400", "--count", "--json").stdout) == {"count": n}
    assert json.loads(run("search", "S-400", "--count", "--jsonl").stdout) == {"count": n}
    assert run("search", "S-400", "--count", "--csv").stdout.splitlines() == ["count", str(n)]
    assert json.loads(run("search", "nothing-like-this", "--count", "--json").stdout) == {"count": 0}
    assert json.loads(run("search", "nothing-like-this", "--ids", "--json").stdout) == []


def test_count_and_ids_shapes_are_documented():
    import jsonschema

    assert {"count", "ids"} <= set(schemas.NAMES)
    n = json.loads(run("search", "S-400", "--count", "--json").stdout)
    jsonschema.validate(n, schemas.load("count"))
    jsonschema.validate(json.loads(run("sources", "--ids", "--json").stdout), schemas.load("ids"))
    assert run("schema", "count").exit_code == 0


@pytest.mark.parametrize("mode", ["--count", "--ids"])
def test_fields_with_count_or_ids_is_refused_in_one_line(mode):
    got = run("search", "S-400", "--fields", "id", mode)
    assert got.exit_code == 2 and got.stdout == ""
    assert len(got.stderr.splitlines()) == 1 and "--fields" in got.stderr and mode in got.stderr


@pytest.mark.parametrize(
    ("args", "wrong"),
    [(("export", "--jsn"), "--since"), (("sources", "--since", "2017"), "--json")],
)
def test_did_you_mean_names_only_near_options_of_the_command(args, wrong):
    got = run(*args)
    assert got.exit_code == 2
    assert wrong not in got.stderr.split("(see")[0].replace(args[1], "")


def test_did_you_mean_still_finds_a_near_spelling():
    got = run("search", "S-400", "--limt", "2")
    assert got.exit_code == 2 and "'--limit'" in got.stderr


@pytest.mark.parametrize(
    ("environ", "tty", "colour"),
    [
        ({}, True, True),
        ({}, False, False),
        ({"NO_COLOR": "1"}, True, False),
        ({"NO_COLOR": ""}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"FORCE_COLOR": "3"}, False, True),
        ({"FORCE_COLOR": ""}, False, False),
        ({"FORCE_COLOR": "0"}, False, False),
        ({"FORCE_COLOR": "0"}, True, False),
        ({"FORCE_COLOR": "false"}, True, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
    ],
)
def test_colour_follows_no_color_and_force_color(environ, tty, colour):
    env = Environment(io.StringIO(), io.StringIO(), io.StringIO(), environ=environ)
    assert env.use_color("auto", tty) is colour
    assert env.use_color("always", tty) is True and env.use_color("never", tty) is False


def test_force_color_zero_leaves_a_pipe_plain():
    out = run("search", "S-400", "--limit", "1", env={"FORCE_COLOR": "0"}).stdout
    assert "\x1b[" not in out


def test_a_future_year_is_not_told_to_add_a_year():
    got = run("timeline", "--since", "2030")
    assert got.exit_code == 1
    assert "add a year" not in got.stderr and "in the future" in got.stderr


@pytest.mark.parametrize("fmt", ["--csv", "--tsv", "--table"])
def test_another_commands_format_is_refused_naming_this_ones(fmt):
    got = run("export", fmt)
    assert got.exit_code == 2 and got.stdout == ""
    assert len(got.stderr.splitlines()) == 1
    assert got.stderr.startswith(f"factcli: export does not write {fmt}; it writes --json, --jsonl (see ")
