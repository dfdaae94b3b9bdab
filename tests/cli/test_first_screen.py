"""The first screen answers: on a terminal, a list of claims is one line per claim (id,
date at its precision, status, statement, a cut quote) from 80 columns, fitted to the
width with no id or date folded and no word broken, the statement and quote at full
strength and the metadata dim; --table still draws every column whole. Run in a real pty
at 80, 120 and 200 columns."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

import pytest
from click.testing import CliRunner
from conftest import SHIPPED, run_on_pty

from factcli.cli import main

DB = ("--db", str(SHIPPED))
SGR = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("sh") is None, reason="needs a pty"
)


def on_pty(args: list[str], columns: int, **extra: str) -> str:
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "500", "TERM": "xterm-256color", **extra}
    env.pop("NO_COLOR", None)
    env["FACTCLI_PAGER"] = ""
    _, out, _ = run_on_pty([*DB, *args], env)
    return out.replace("\r\n", "\n")


def records(*args: str) -> list[dict]:
    return json.loads(CliRunner().invoke(main, [*DB, *args, "--json"]).stdout)


def cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(SGR.sub("", line))


@pytest.mark.parametrize("columns", [80, 120, 200])
def test_search_is_one_line_per_claim_fitted_to_the_width(columns):
    found = records("search", "S-400")
    screen = on_pty(["search", "S-400"], columns)
    lines = [SGR.sub("", line) for line in screen.splitlines()]
    assert lines[0] == f"{len(found)} claims" and lines[1].split()[:3] == ["id", "date", "status"]
    body = lines[2:]
    assert [line.split()[0] for line in body] == [c["id"] for c in found]  # one line each, in order
    assert all(cells(line) <= columns for line in screen.splitlines())
    for claim, line in zip(found, body, strict=True):
        date = (claim["date"] or {}).get("start", "")[:4]
        assert date in line  # the date whole, at its precision
        statement = claim["statement"]
        shown = line[line.index(statement[:12]) :].split("  «")[0]
        # The statement is whole, or cut at a word boundary with its end marked.
        if shown != statement:
            core = shown.removesuffix("…")
            assert shown.endswith("…") and statement.startswith(core), (shown, statement)
            assert statement[len(core)] in " ,;:—-", (shown, statement)


def test_wider_terminals_show_more_of_each_claim():
    narrow = SGR.sub("", on_pty(["search", "S-400"], 80))
    wide = SGR.sub("", on_pty(["search", "S-400"], 200))
    assert len(wide) > len(narrow)
    assert "«" in narrow  # the cut quote from 80 columns


def test_statement_and_quote_at_full_strength_metadata_dim():
    screen = on_pty(["search", "S-400", "--color", "always"], 120)
    first = screen.splitlines()[2]
    top = records("search", "S-400")[0]
    statement = top["statement"].split()[0]
    before = first[: first.index(statement)]
    # Nothing dims the statement: the last style set before it is a reset.
    opened = re.findall(r"\x1b\[([0-9;]*)m", before)
    assert opened[-1] in ("0", "")
    assert first.startswith(f"\x1b[1m{top['id']}\x1b[0m  \x1b[2m")  # the id bold, then the date dim


@pytest.mark.parametrize("columns", [80, 120])
def test_timeline_is_one_line_per_claim_too(columns):
    screen = SGR.sub("", on_pty(["timeline", "S-400"], columns))
    # Claims dated only between bounds ("within") are listed apart, with the undated.
    dated = [c for c in records("timeline", "S-400") if c["date"] and not c["date"].get("within")]
    lines = screen.splitlines()
    assert lines[0] == f"{len(dated)} dated claims"
    shown = [re.search(r"\bc\d{4}\b", line) for line in lines[2 : 2 + len(dated)]]
    assert [m.group() if m else None for m in shown] == [c["id"] for c in dated]


def test_blocks_only_where_a_line_cannot_hold_the_essentials():
    narrow = SGR.sub("", on_pty(["search", "S-400"], 40))
    assert "statement  " in narrow or "\nstatement" in narrow  # labelled blocks
    assert "c0006  2018-07-21" in narrow


def test_table_still_draws_every_column_whole():
    table = SGR.sub("", on_pty(["search", "S-400", "--table"], 200))
    assert "…" not in table and "khaleej-2018-07-21" in table


def test_blocks_draw_the_value_at_full_strength():
    screen = on_pty(["show", "c0001", "--color", "always"], 80)
    line = next(line for line in screen.splitlines() if SGR.sub("", line).startswith("subject"))
    # the label dim, then the value's text after a reset
    assert line.startswith("\x1b[2msubject") and re.search("\x1b\\[0m\u2068?Qatar", line)


@pytest.mark.parametrize("columns", [120, 200])
def test_a_long_date_widens_its_column_where_the_lines_have_room(columns):
    # Three of Turkey's dated claims come from an undated article: "a day in
    # 2021-07-26..2021-12-27" (published between July and December 2021, said "on Monday").
    # Dated only between bounds, they are listed apart, after the claims placed in time, in a
    # section of their own with the undated.
    screen = SGR.sub("", on_pty(["timeline", "--subject", "turkey"], columns))
    bounded = [c for c in records("timeline", "--subject", "turkey") if c["date"] and c["date"].get("within")]
    assert len(bounded) == 3
    lines = screen.splitlines()
    head = next(i for i, line in enumerate(lines) if line.endswith("claims not placed in time"))
    lines = lines[head + 2 : head + 2 + len(bounded)]
    starts = {line.index(c["id"]) for line, c in zip(lines, bounded, strict=True)}
    assert len(starts) == 1  # every id in one column: the dates are aligned, whole
    assert any(line.startswith("a day in 2021-07-26..2021-12-27  ") for line in lines)


SEED_TITLES = [
    "قطر تواصل المباحثات مع روسيا لشراء منظومة «إس-400» الدفاعية",
    "قطر تؤكد أن التعاون العسكري مع روسيا مستمر في النمو",
    "قطر وروسيا توقّعان اتفاقية للتعاون العسكري - التقني",
]


@pytest.mark.parametrize("columns", [80, 120])
def test_sources_are_blocks_where_a_table_would_squeeze_the_titles(columns):
    # At 120 columns a table would leave the title, outlet and credited columns a word or
    # two wide beside the ids and dates it draws whole: each title on six lines.
    screen = SGR.sub("", on_pty(["sources"], columns))
    lines = [line.strip() for line in screen.splitlines()]
    for title in SEED_TITLES:
        assert f"title     {title}" in lines
    assert "khaleej-2018-07-21  2018-07-21" in lines


def test_sources_are_a_table_where_the_columns_have_room():
    screen = SGR.sub("", on_pty(["sources"], 200))
    header = next(line for line in screen.splitlines() if line.strip().startswith("id"))
    assert header.split() == ["id", "published", "outlet", "credited", "claims", "title"]
