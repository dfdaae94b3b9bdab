"""The README's tour runs as printed (the example file its import names is shipped, made from
the shipped store's own source), -V, the environment variables in --help, and file-name
completion for --db and import."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT, SHIPPED

from factcli import __version__, store
from factcli.cli import main

EXAMPLE = ROOT / "examples" / "claims.jsonl"


def test_the_readme_names_the_shipped_example_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "import examples/claims.jsonl" in readme and EXAMPLE.exists()


def test_the_example_claims_import_into_a_copy_of_the_shipped_store(tmp_path: Path):
    (claim,) = [json.loads(line) for line in EXAMPLE.read_text(encoding="utf-8").splitlines()]
    source = store.load(store.locate(str(SHIPPED))).source(claim["citation"]["source"])
    assert source and claim["citation"]["quote"] in source["text"]  # made from the store's own text
    mine = tmp_path / "mine.json"
    shutil.copy(SHIPPED, mine)
    got = CliRunner().invoke(main, ["--db", str(mine), "import", str(EXAMPLE)])
    assert got.exit_code == 0, got.stderr
    assert "imported 0 sources, 0 entities, 1 claim into" in got.stderr


def test_the_tour_says_truly_where_the_articles_agree_and_where_they_date_differently():
    # Read in the seed articles: the Khaleej article (2018) says the agreement was signed
    # "في أكتوبر/تشرين الأول 2017 خلال زيارة قام بها وزير الدفاع الروسي", the 2017 report
    # carries the signing on its dateline's day, 25 October 2017. No two articles tell an
    # event in ways that cannot both be true.
    def diff(a: str, b: str) -> dict:
        got = CliRunner().invoke(main, ["--db", str(SHIPPED), "diff", a, b, "--json"])
        assert got.exit_code in (0, 1), got.stderr
        return json.loads(got.stdout)

    sources = [s["id"] for s in store.load(store.locate(str(SHIPPED))).sources]
    assert len(sources) == 5
    for a, b in itertools.combinations(sources, 2):
        summary = diff(a, b)["summary"]
        assert summary["conflict"] == 0 and summary["changed"] == 0, (a, b)
    shown = diff("khaleej-2018-07-21", "unknown-2017-10-25-shoigu-doha")
    signing = next(p for p in shown["compatible"] if p["a"] == "c0030")
    assert (signing["b"], signing["a_says"], signing["b_says"]) == ("c0077", "2017-10", "2017-10-25")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "finds no\n`conflict` and no `changed` claim" in readme
    # The output the tour prints is what an 80-column terminal shows, up to its "...".
    command = "$ factcli diff khaleej-2018-07-21 unknown-2017-10-25-shoigu-doha\n"
    printed = readme[readme.index(command) + len(command) :].split("\n...\n")[0].splitlines()
    got = CliRunner().invoke(
        main,
        ["--db", str(SHIPPED), "diff", "khaleej-2018-07-21", "unknown-2017-10-25-shoigu-doha", "--table"],
        env={"COLUMNS": "80", "NO_COLOR": "1"},
    )
    assert got.stdout.splitlines()[: len(printed)] == printed


def test_dash_v_is_the_version():
    assert CliRunner().invoke(main, ["-V"]).stdout.strip() == f"factcli, version {__version__}"


def test_help_lists_the_environment_variables():
    text = CliRunner().invoke(main, ["--help"]).stdout
    for var in ("FACTCLI_DB", "FACTCLI_CACHE", "FACTCLI_PAGER", "FACTCLI_RTL", "FACTCLI_MAX_MB", "NO_COLOR"):
        assert f"\n    {var}" in text, var


def _complete(words: str) -> list[str]:
    env = {
        "_FACTCLI_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1 + words.endswith(" ")),
    }
    result = CliRunner().invoke(main, [], env=env, prog_name="factcli")
    return result.stdout.splitlines()


def test_file_names_complete_for_db_and_import():
    assert _complete("factcli --db fac") == ["file,fac"]
    assert _complete("factcli search S-400 --db fac") == ["file,fac"]
    assert _complete("factcli import cla") == ["file,cla"]
    assert _complete("factcli draft exa") == ["file,exa"]


def test_add_and_edit_complete_from_the_stores_own_vocabulary(tmp_path):
    # A predicate the store added is offered by add, edit and search alike; the shipped
    # modalities and entity names complete too.
    db = tmp_path / "mine.json"
    db.write_bytes(SHIPPED.read_bytes())
    added = CliRunner().invoke(
        main,
        ["--db", str(db), "vocabulary", "add", "sold", "--definition", "subject sold object",
         "--subject-type", "country", "--object-type", "weapon_system", "--reason", "sales", "--yes"],
    )  # fmt: skip
    assert added.exit_code == 0, added.stderr
    for command in ("add", "edit c0001", "search"):
        offered = _complete(f"factcli --db {db} {command} --predicate so")
        assert "plain,sold" in offered, (command, offered)
    assert _complete(f"factcli --db {db} edit c0001 --modality in_") == ["plain,in_talks"]
    assert _complete(f"factcli --db {db} add --polarity neg") == ["plain,negated"]
    assert "plain,s-400" in _complete(f"factcli --db {db} add --object s-4")


def test_a_modality_outside_the_vocabulary_is_one_line_and_exit_2(tmp_path):
    db = tmp_path / "mine.json"
    db.write_bytes(SHIPPED.read_bytes())
    before = db.read_bytes()
    for args in (
        ["edit", "c0003", "--modality", "in_talk", "--reason", "x", "--yes"],
        ["add", "--source", "khaleej-2018-07-21", "--quote", "تبحث قطر مع روسيا", "--subject", "qatar",
         "--predicate", "negotiating_purchase", "--object", "s-400", "--polarity", "denied",
         "--statement", "Qatar is discussing an S-400 purchase with Russia."],
    ):  # fmt: skip
        got = CliRunner().invoke(main, ["--db", str(db), *args])
        assert got.exit_code == 2, got.stdout
        (line,) = got.stderr.splitlines()
        assert "in_talk'" in line or "denied'" in line, line
    assert db.read_bytes() == before
