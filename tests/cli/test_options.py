"""Options a user combines: two output formats at once, `--wait` after the subcommand, and the
claim counts of `sources` and `entities` once a claim is retracted."""

from __future__ import annotations

import fcntl
import json
import os
import shutil

import pytest
from click.testing import CliRunner
from conftest import GOOD_ADD, SHIPPED

from factcli.cli import main


def run(*args: str, input: str | None = None):
    result = CliRunner().invoke(main, list(args), input=input, env={"FACTCLI_DB": None})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def refused(result) -> str:
    lines = result.stderr.splitlines()
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("factcli: "), lines
    assert "internal error" not in lines[0]
    assert result.stdout == ""
    return lines[0]


@pytest.fixture
def copy(tmp_path):
    path = tmp_path / "facts.json"
    shutil.copyfile(SHIPPED, path)
    return path


# --- two output formats, or counts and ids, at once -------------------------------------


@pytest.mark.parametrize(
    "command", [["search", "S-400"], ["timeline"], ["sources"], ["entities"], ["show", "c0001"]]
)
@pytest.mark.parametrize("flags", [["--json", "--csv"], ["--tsv", "--jsonl"], ["--table", "--json"]])
def test_two_output_formats_are_refused_naming_both(command, flags):
    line = refused(run("--db", str(SHIPPED), *command, *flags))
    assert flags[0] in line and flags[1] in line


def test_counts_and_ids_at_once_are_refused():
    line = refused(run("--db", str(SHIPPED), "search", "S-400", "--ids", "--count"))
    assert "--ids" in line and "--count" in line


def test_three_formats_are_named_in_the_order_given():
    line = refused(run("--db", str(SHIPPED), "timeline", "--csv", "--json", "--tsv"))
    assert line.index("--csv") < line.index("--json") < line.index("--tsv")


def test_the_same_format_twice_is_that_format():
    twice = run("--db", str(SHIPPED), "search", "S-400", "--json", "--json")
    once = run("--db", str(SHIPPED), "search", "S-400", "--json")
    assert twice.exit_code == 0 and twice.stdout == once.stdout
    assert isinstance(json.loads(twice.stdout), list)


def test_one_format_with_count_still_counts():
    done = run("--db", str(SHIPPED), "search", "S-400", "--json", "--count")
    ids = run("--db", str(SHIPPED), "search", "S-400", "--ids")
    assert done.exit_code == 0 and ids.exit_code == 0
    assert json.loads(done.stdout) == {"count": len(ids.stdout.split())}


# --- --wait after the subcommand ------------------------------------------------------------


@pytest.fixture
def held(copy):
    """The copy's lock held by another open file (as another writer holds it)."""
    fd = os.open(copy.with_name("facts.json.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    yield copy
    os.close(fd)


def test_wait_after_the_subcommand_is_how_long_add_waits(held):
    before = held.read_bytes()
    line = refused(run("add", *GOOD_ADD, "--db", str(held), "--wait", "0.2"))
    assert "held its lock for 0.2 s" in line and "nothing was written" in line
    assert held.read_bytes() == before


def test_wait_after_the_subcommand_wins_over_the_one_before(held):
    line = refused(run("--wait", "30", "--db", str(held), "add", *GOOD_ADD, "--wait", "0.1"))
    assert "held its lock for 0.1 s" in line


def test_wait_before_the_subcommand_still_counts(held):
    line = refused(run("--db", str(held), "--wait", "0.1", "add", *GOOD_ADD))
    assert "held its lock for 0.1 s" in line


def test_wait_after_the_subcommand_is_checked_like_the_one_before():
    line = refused(run("--db", str(SHIPPED), "add", *GOOD_ADD, "--wait", "-1"))
    assert "--wait" in line


# --- counts leave out retracted claims ------------------------------------------------------


def _counts(path, table: str) -> dict[str, int]:
    done = run("--db", str(path), table, "--json")
    assert done.exit_code == 0, done.stderr
    return {row["id"]: row["claims"] for row in json.loads(done.stdout)}


def test_a_retracted_claim_leaves_the_counts_of_its_source_and_entities(copy):
    claim = json.loads(run("--db", str(copy), "show", "c0003", "--json").stdout)[0]
    roles = {claim[r] for r in ("subject", "object", "speaker", "via") if claim.get(r)}
    sources, entities = _counts(copy, "sources"), _counts(copy, "entities")
    in_source = run("--db", str(copy), "search", "--source", claim["citation"]["source"], "--count")
    assert int(in_source.stdout) == sources[claim["citation"]["source"]]

    done = run("--db", str(copy), "retract", "c0003", "--reason", "stated twice", "--yes")
    assert done.exit_code == 0, done.stderr

    after_sources, after_entities = _counts(copy, "sources"), _counts(copy, "entities")
    source = claim["citation"]["source"]
    assert after_sources == {**sources, source: sources[source] - 1}
    assert after_entities == {**entities, **{e: entities[e] - 1 for e in roles}}
    # the count is what search finds there
    in_source = run("--db", str(copy), "search", "--source", source, "--count")
    assert int(in_source.stdout) == after_sources[source]
