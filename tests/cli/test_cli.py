"""The command line as users drive it: exit codes, formats, errors, help, the TTY path."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import SHIPPED, entity_record, factcli, source_record

from factcli import __version__
from factcli.cli import main
from factcli.present import claim_detail
from factcli.render import Output, render_claim


def run(*args: str, input: str | None = None, env: dict | None = None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


def ok(*args: str, **kw):
    result = run(*args, **kw)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def one_error_line(result, *needles: str) -> str:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("factcli: ")
    assert "Traceback" not in result.stderr
    for n in needles:
        assert n in lines[0]
    return lines[0]


DB = ("--db", str(SHIPPED))


def test_version_and_module_entry():
    assert ok("--version").stdout.strip() == f"factcli, version {__version__}"
    proc = subprocess.run([sys.executable, "-m", "factcli", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_every_command_documents_an_example():
    import click

    names = main.list_commands(click.Context(main))
    assert len(names) == 23  # the commands are loaded as they run: every one is listed
    for name in names:
        help_text = ok(name, "--help").stdout
        assert "Examples:" in help_text, name
        assert "factcli" in help_text.split("Examples:")[1], name


def test_sources_counts_add_up_to_the_claims(shipped):
    rows = json.loads(ok(*DB, "sources", "--json").stdout)
    assert [r["id"] for r in rows] == [s["id"] for s in shipped.sources]
    assert sum(r["claims"] for r in rows) == len(shipped.claims)
    assert all(r["text"] == s["text"] for r, s in zip(rows, shipped.sources, strict=True))
    plain = ok(*DB, "sources").stdout.splitlines()
    assert plain[0].startswith("id\tpublished\t")  # the header line
    assert len(plain) == 1 + len(shipped.sources) and all("\t" in line for line in plain)


def test_show_json_places_the_quote_in_its_paragraph(shipped):
    claim = shipped.claims[0]
    (detail,) = json.loads(ok(*DB, "show", claim["id"], "--json").stdout)
    para = detail["paragraph"]
    assert para["text"][para["quote_start"] : para["quote_end"]] == claim["citation"]["quote"]
    assert detail["source"]["id"] == claim["citation"]["source"]
    assert detail["statement"] == claim["statement"]


def test_show_plain_and_table(shipped):
    claim = next(c for c in shipped.claims if c["date"] and c["speaker"])
    plain = ok(*DB, "show", claim["id"]).stdout
    header, row = (line.split("\t") for line in plain.splitlines())  # one claim, one line
    assert dict(zip(header, row, strict=True))["statement"] == claim["statement"]
    assert claim["date"]["text"] in plain
    table = ok(*DB, "show", claim["id"], "--table").stdout
    assert claim["statement"].split()[0] in table and "quote in its paragraph" in table
    assert "\x1b" not in table  # styles only on a real terminal


def test_show_unknown_id_is_one_line():
    one_error_line(run(*DB, "show", "c99999"), "no claim 'c99999'")


def test_verify_shipped_store_is_clean(shipped):
    out = ok(*DB, "verify").stdout
    assert out.startswith("ok: ") and f"{len(shipped.claims)} claims" in out
    assert json.loads(ok(*DB, "verify", "--json").stdout) == []


def test_verify_reports_a_corrupted_quote(tmp_path):
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    first = next(iter(doc["claims"].values()))
    first["citation"]["quote"] = "not in the text"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run("--db", str(path), "verify", "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert {(p["id"], p["field"]) for p in problems} >= {(first["id"], "citation.quote")}


@pytest.mark.parametrize(
    "content, needle",
    [
        (None, "no store at"),
        ("", "empty"),
        ("{not json", "invalid JSON at line 1"),
        ("[]", "not a factcli store"),
    ],
)
def test_bad_store_is_one_line_exit_2(tmp_path, content, needle):
    path = tmp_path / "facts.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    line = one_error_line(run("--db", str(path), "sources"), needle)
    assert str(path) in line
    assert (not path.exists()) if content is None else path.read_text(encoding="utf-8") == content


def test_store_from_environment(tmp_path):
    one_error_line(run("sources", env={"FACTCLI_DB": str(tmp_path / "missing.json")}), "missing.json")


def test_usage_errors_are_one_line():
    one_error_line(run("--bogus"), "--bogus")
    one_error_line(run(*DB, "search", "--limit", "zero"), "--limit")
    one_error_line(run(*DB, "frobnicate"), "frobnicate")


def _tiny_store(store_file):
    text = "Qatar signed the deal on 25 October 2017. Russia denied it."
    return store_file(
        [
            source_record("s1", text, published="2017-10-26"),
            entity_record("qatar", "Qatar", aliases=["قطر"]),
            entity_record("russia", "Russia"),
            entity_record("deal", "The deal", etype="agreement"),
        ]
    )


def test_import_from_stdin_and_refusal_leaves_file_untouched(store_file):
    path = _tiny_store(store_file)
    good = {
        "subject": "قطر",
        "predicate": "signed",
        "object": "deal",
        "date": "25 October 2017",
        "statement": "Qatar signed the deal.",
        "citation": {"source": "s1", "quote": "Qatar signed the deal"},
    }
    result = ok("--db", str(path), "import", "-", input=json.dumps(good))
    assert "1 claim " in result.stderr
    before = path.read_bytes()
    bad = [
        dict(good, citation={"source": "s1", "quote": "Qatar signed the treaty"}),
        dict(good, predicate="liked"),
    ]
    result = run("--db", str(path), "import", "-", input="\n".join(json.dumps(b) for b in bad))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("factcli: record 1, field citation.quote") for line in lines)
    assert any(line.startswith("factcli: record 2, field predicate") for line in lines)
    assert path.read_bytes() == before


def test_add_with_options_then_search_finds_it(store_file):
    path = _tiny_store(store_file)
    result = ok(
        "--db",
        str(path),
        "add",
        "--source",
        "s1",
        "--quote",
        "Russia denied it",
        "--subject",
        "russia",
        "--predicate",
        "denied",
        "--statement",
        "Russia denied it.",
    )
    new_id = result.stdout.strip()
    (shown,) = json.loads(ok("--db", str(path), "show", new_id, "--json").stdout)
    assert shown["citation"]["start"] == "Qatar signed the deal on 25 October 2017. ".__len__()


def test_add_without_terminal_names_missing_options(store_file):
    path = _tiny_store(store_file)
    one_error_line(run("--db", str(path), "add", "--source", "s1"), "--quote", "--subject")


def test_writes_to_installed_copy_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./facts.json here: the installed copy is used
    monkeypatch.delenv("FACTCLI_DB", raising=False)
    assert ok("sources", "--json").stdout.startswith("[")
    one_error_line(run("import", "-", input='{"type": "country", "name": "X"}'), "read-only")


# --- search output formats and exit codes -------------------------------------------


def test_search_json_is_one_array_with_nested_source():
    rows = json.loads(ok(*DB, "search", "S-400", "--json").stdout)
    assert rows and all(set(r) >= {"id", "statement", "citation", "date", "source"} for r in rows)
    assert all(r["source"]["id"] == r["citation"]["source"] for r in rows)
    assert "keys" not in rows[0]


def test_search_formats_agree():
    ids = [r["id"] for r in json.loads(ok(*DB, "search", "S-400", "--json").stdout)]
    jsonl = [json.loads(line)["id"] for line in ok(*DB, "search", "S-400", "--jsonl").stdout.splitlines()]
    table = list(csv.reader(io.StringIO(ok(*DB, "search", "S-400", "--csv").stdout)))
    plain = [line.split("\t")[0] for line in ok(*DB, "search", "S-400").stdout.splitlines()]
    assert plain[0] == "id" and jsonl == ids and plain[1:] == ids and [r[0] for r in table[1:]] == ids
    assert table[0][:4] == ["id", "source", "subject", "predicate"]


def test_search_nothing_found_exits_1_with_a_hint():
    # Too far from any name to be taken for one (Rosoboronexprt is: it finds the company),
    # near enough to be suggested.
    result = run(*DB, "search", "Rosexport", "--json")
    assert result.exit_code == 1
    assert result.stdout.strip() == "[]"
    assert "did you mean" in result.stderr and "Rosoboronexport" in result.stderr


def test_a_query_past_the_length_bound_is_refused_at_once():
    # The longest quote in the shipped store (224 characters) is found as a query; a query
    # of more than 1,000 characters in all is refused with one line, whatever the command.
    quote = max((c["citation"]["quote"] for c in json.loads(SHIPPED.read_text())["claims"].values()), key=len)
    assert len(quote) == 224
    # Two claims quote it: c0028 (Saudi Arabia) and c0198 (the United Arab Emirates).
    assert ok(*DB, "search", "--count", "--", quote).stdout.strip() == "2"
    words = ["قطر"] * 334  # 1,002 characters in 334 arguments
    for command in ("search", "timeline", "compare", "entities"):
        one_error_line(run(*DB, command, "--", *words), "query too long: 1,002 characters", "at most 1,000")


def test_search_bad_date_is_one_line():
    one_error_line(run(*DB, "search", "--since", "the day after"), "cannot read date")


def test_diff_with_itself_exits_0_and_json_has_sections():
    result = ok(*DB, "diff", "khaleej-2018-07-21", "khaleej-2018-07-21", "--json")
    doc = json.loads(result.stdout)
    assert {"only_in_a", "only_in_b", "agree", "compatible", "conflict", "changed", "summary"} <= set(doc)
    assert doc["only_in_a"] == [] and doc["conflict"] == []


def test_diff_of_two_sources_exits_1():
    result = run(*DB, "diff", "khaleej-2018-07-21", "unknown-2017-10-25-shoigu-doha")
    assert result.exit_code == 1
    assert "only in khaleej-2018-07-21" in result.stdout


def test_diff_unknown_source_is_exit_2():
    one_error_line(run(*DB, "diff", "khaleej-2018-07-21", "nowhere-news"), "nowhere-news")


def test_compare_formats():
    doc = json.loads(ok(*DB, "compare", "--object", "qatar-russia-mtc-agreement-2017", "--json").stdout)
    assert doc["rows"] and set(doc["summary"]) >= {
        "propositions",
        "agree",
        "compatible",
        "conflict",
        "changed",
    }
    rows = list(
        csv.reader(
            io.StringIO(ok(*DB, "compare", "--object", "qatar-russia-mtc-agreement-2017", "--csv").stdout)
        )
    )
    assert rows[0][:6] == ["subject", "predicate", "object", "statement", "status", "reason"]
    assert rows[0][6:] == [h for sid in doc["sources"] for h in (sid, f"{sid} claims")]


# --- the terminal path ----------------------------------------------------------------


def test_terminal_rendering_keeps_data_inert(shipped):
    """On a real terminal styles are ours; the data's own escapes and markup never pass."""
    claim = dict(shipped.claims[0])
    detail = claim_detail(shipped, claim["id"])
    detail["statement"] = "[bold red]x[/] \x1b[31mred\x1b[0m \x1b]8;;http://evil\x1b\\link\u202e"
    buf = io.StringIO()
    render_claim(Output("table", buf, io.StringIO(), color=True, tty=True, width=100), detail)
    text = buf.getvalue()
    assert "[bold red]x[/]" in text  # markup shown literally
    assert "\x1b]8" not in text and "\x1b[31m" not in text and "\u202e" not in text
    assert "\x1b[" in text  # the terminal path did style the output


def test_rtl_visual_keeps_reading_order_across_wrapped_lines():
    """Each wrapped line is reordered on its own, so the quote's first words come first."""
    import unicodedata

    from factcli.render import visual

    logical = "وقال السفير الروسي لدى قطر، السبت، إن هناك محادثات بهذا الشأن لكن ما من نتيجة"
    lines = visual(logical, width=30).split("\n")
    assert len(lines) > 1
    back = [unicodedata.normalize("NFKC", line)[::-1] for line in lines]
    assert back[0].startswith("وقال السفير")
    assert back[-1].endswith("نتيجة")
    table = ok(*DB, "search", "S-400", "--limit", "1", "--table", "--rtl", "visual").stdout
    assert "\u2068" not in table  # no isolates in visual mode: the text is already in display order


def test_terminal_table_stops_at_its_cap_and_says_so(store_file):
    from factcli.render import TABLE_ROWS

    n = TABLE_ROWS + 3
    text = " ".join(f"Qatar report {i:04d}." for i in range(n))
    claims = [
        {
            "subject": "qatar",
            "predicate": "visited",
            "statement": f"Report {i:04d}.",
            "citation": {"source": "s1", "quote": f"Qatar report {i:04d}."},
        }
        for i in range(n)
    ]
    path = store_file([source_record("s1", text), entity_record("qatar", "Qatar")] + claims)
    table = ok("--db", str(path), "search", "qatar", "--table")
    assert table.stdout.count("Report ") == TABLE_ROWS
    assert f"showing the first {TABLE_ROWS} of {n}" in table.stderr
    assert len(json.loads(ok("--db", str(path), "search", "qatar", "--json").stdout)) == n
    assert len(ok("--db", str(path), "search", "qatar").stdout.splitlines()) == 1 + n  # and the header


def test_help_lists_the_commands_without_loading_them_as_click_would_list_them():
    """`factcli --help` lists each command by the first line in the table of factcli.cli, so it
    imports no command module; that line is the command's own, shortened as click shortens it."""
    import click

    from factcli.cli import COMMANDS, FactcliGroup

    loaded = FactcliGroup(lazy=COMMANDS)
    ctx = click.Context(loaded)
    for name in COMMANDS:
        command = loaded.get_command(ctx, name)
        assert command is not None
        for limit in (20, 45, 60, 74, 120):
            assert FactcliGroup(lazy=COMMANDS).listed_help(ctx, name, limit) == command.get_short_help_str(
                limit
            )
    code = "import sys; from factcli.cli import main; main(['--help'])"
    proc = subprocess.run(
        [sys.executable, "-c", code + "\n"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert proc.returncode == 0 and re.search(r"\n  search +Find claims by any spelling", proc.stdout)
    check = (
        "import sys; from factcli.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
    )
    check += "print(sorted(m for m in sys.modules if m.startswith('factcli.cli.')), file=sys.stderr)"
    listed = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert listed.stderr.strip() == "['factcli.cli.app', 'factcli.cli.env', 'factcli.cli.group']"


@pytest.mark.parametrize(
    "typed, line",
    [
        (["serch", "S-400"], "No such command 'serch'; did you mean 'search'?"),
        (["timelin"], "No such command 'timelin'; did you mean 'timeline'?"),
        (["entity", "mrege"], "No such command 'mrege'; did you mean 'merge'?"),
        (["frobnicate"], "No such command 'frobnicate'."),
    ],
)
def test_a_mistyped_command_is_one_line_naming_the_nearest(typed, line):
    result = factcli(*typed)
    assert result.exit_code == 2
    assert result.stdout == ""
    (shown,) = result.stderr.splitlines()
    assert shown.startswith(f"factcli: {line} (see "), shown
