"""--format TEMPLATE: one line a record over the names --fields takes, braces doubled to
print them, refused beside another format, --count/--ids or --fields, and by diff and compare."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SHIPPED

from factcli.cli import main

DB = ("--db", str(SHIPPED))


def run(*args: str):
    return CliRunner().invoke(main, [*DB, *args], env={"NO_COLOR": None})


def test_a_template_fills_paths_and_csv_names():
    found = json.loads(run("search", "S-400", "--json").stdout)
    lines = run(
        "search", "S-400", "--format", "{id} {date.start} {date_start} {{x}} {source.id}"
    ).stdout.splitlines()
    assert lines == [
        f"{c['id']} {(c['date'] or {}).get('start') or ''} {(c['date'] or {}).get('start') or ''} {{x}} {c['source']['id']}"
        for c in found
    ]


@pytest.mark.parametrize(
    "args", [("sources",), ("entities", "Qatar"), ("show", "c0001", "c0002"), ("timeline", "S-400")]
)
def test_every_list_command_takes_a_template(args):
    ids = run(*args, "--ids").stdout.split()
    assert run(*args, "--format", "{id}").stdout.split() == ids


def test_an_unknown_name_is_refused_with_the_names_it_takes():
    got = run("search", "S-400", "--format", "{nope}")
    assert got.exit_code == 2 and "date_start" in got.stderr


@pytest.mark.parametrize("other", [("--json",), ("--count",), ("--fields", "id")])
def test_a_template_beside_another_shape_is_refused(other):
    got = run("search", "S-400", "--format", "{id}", *other)
    assert got.exit_code == 2 and got.stdout == "" and "--format" in got.stderr


def test_diff_and_compare_refuse_a_template():
    assert run("compare", "S-400", "--format", "{statement}").exit_code == 2
    assert (
        run("diff", "khaleej-2018-07-21", "unknown-qatar-ambassador-interview", "--format", "{a}").exit_code
        == 2
    )
