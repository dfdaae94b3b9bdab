"""Output that describes itself: piped rows under a header line (--no-header drops it),
diff's summary on stderr and its section once, compare's cells naming their claims, piped
show one claim a line, `show -` reading the id column of any piped list, and plurals."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from conftest import SHIPPED

from factcli.cli import main

DB = ("--db", str(SHIPPED))
KHALEEJ = "khaleej-2018-07-21"
AMBASSADOR = "unknown-qatar-ambassador-interview"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, [*DB, *args], input=input, env={"NO_COLOR": None, "COLUMNS": None})


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (("sources",), "id\tpublished\toutlet\tcredited\tclaims\ttitle"),
        (("search", "S-400"), "id\tdate\tsource\tstatus\tstatement\tvalue\tquote"),
        (("timeline", "S-400"), "date\tprecision\tid\tsource\tstatus\tstatement\tvalue"),
        (("entities", "Qatar"), "id\ttype\tname\tname_ar\tclaims\tnamed\taliases"),
        (("compare", "S-400"), "proposition\t"),
        (("diff", KHALEEJ, AMBASSADOR), "status\tsubject\tpredicate\tobject\ta\tb\t"),
        (("show", "c0001"), "id\tstatus\tstatement\tquote\tparagraph\t"),
        (("search", "S-400", "--fields", "id,date_start"), "id\tdate_start"),
    ],
)
def test_piped_rows_begin_with_their_column_names(args, first):
    got = run(*args)
    lines = got.stdout.splitlines()
    assert lines[0].startswith(first), lines[0]
    assert len({line.count("\t") for line in lines}) == 1  # the header is as wide as the rows
    bare = run(*args, "--no-header").stdout.splitlines()
    assert bare == lines[1:]


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (("search", "Kalashnikov", "--since", "2030"), "id\tdate\tsource\tstatus\tstatement\tvalue\tquote"),
        (("search", "Kalashnikov", "--since", "2030", "--fields", "id,date_start"), "id\tdate_start"),
        (("entities", "Mongolia"), "id\ttype\tname\tname_ar\tclaims\tnamed\taliases"),
    ],
)
def test_an_empty_piped_list_keeps_its_header(args, header):
    # Nothing in the shipped store is dated in 2030, and no entity is Mongolia: exit 1,
    # and the pipe still gets the line naming the columns, as --csv and --tsv give it.
    got = run(*args)
    assert got.exit_code == 1 and got.stdout == header + "\n"
    assert run(*args, "--no-header").stdout == ""


@pytest.mark.parametrize("fmt", ["--csv", "--tsv"])
def test_no_header_drops_the_csv_and_tsv_header_too(fmt):
    lines = run("sources", fmt).stdout.splitlines()
    assert lines[0].startswith("id") and run("sources", fmt, "--no-header").stdout.splitlines() == lines[1:]


def test_piped_diff_says_its_summary_on_stderr_and_its_section_once():
    got = run("diff", KHALEEJ, AMBASSADOR)
    assert got.exit_code == 1
    header = got.stdout.splitlines()[0].split("\t")
    assert "section" not in header and header.count("status") == 1
    assert re.fullmatch(
        rf"a = {KHALEEJ}, b = {AMBASSADOR}: \d+ conflicts?, \d+ changed, \d+ compatible, \d+ agree, "
        r"\d+ only in a, \d+ only in b\n",
        got.stderr,
    )


def test_compare_cells_carry_their_claim_ids_in_every_format():
    doc = json.loads(run("compare", "S-400", "--json").stdout)
    ids = {i for row in doc["rows"] for cell in row["cells"].values() for i in cell["claims"]}
    plain = run("compare", "S-400").stdout
    table = CliRunner().invoke(main, [*DB, "compare", "S-400", "--table"], env={"COLUMNS": "200"}).stdout
    csv_text = run("compare", "S-400", "--csv").stdout
    for text in (plain, table, csv_text):
        assert ids <= set(re.findall(r"c\d{4}", text))


def test_piped_show_is_one_claim_a_line_and_reads_back_through_show_dash():
    lines = run("show", "c0001", "c0002", "c0003").stdout.splitlines()
    assert len(lines) == 4 and [line.split("\t")[0] for line in lines] == ["id", "c0001", "c0002", "c0003"]
    timeline = run("timeline", "S-400").stdout
    ids = run("timeline", "S-400", "--ids").stdout.split()
    assert run("show", "-", "--ids", input=timeline).stdout.split() == ids
    assert (
        run("show", "-", "--ids", input=run("search", "S-400").stdout).stdout.split()
        == run("search", "S-400", "--ids").stdout.split()
    )


def test_counts_take_their_plural():
    one = CliRunner().invoke(main, [*DB, "search", "--source", KHALEEJ, "--limit", "1", "--table"])
    assert "1 claim\n" in one.stdout and "1 claims" not in one.stdout
    listed = CliRunner().invoke(main, [*DB, "entities", "kornet", "--table"])
    assert "1 entity\n" in listed.stdout
    assert (
        "1 proposition,"
        in run("compare", "--subject", "qatar", "--predicate", "signed", "--limit", "1").stderr
    )
