"""`export` records say their kind, `import` checks it and still reads exports made before
it was there (a copy of one is in tests/data), and export takes the output flags that make
sense for three kinds of record in one stream: --json, --jsonl, --count, --ids."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import ROOT, SHIPPED

from factcli.cli import main

DB = ("--db", str(SHIPPED))
# An export in the shape factcli 0.2 wrote (no `kind`), of the claims as the store holds them now:
# the first 0.2 copy held claims the constraints of a later corpus refuse.
OLD_EXPORT = ROOT / "tests" / "data" / "export-0.2.0-s400-khaleej.jsonl"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, env={"NO_COLOR": None})


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_every_exported_record_says_its_kind_first():
    records = lines(run(*DB, "export").stdout)
    assert all(next(iter(r)) == "kind" for r in records)
    kinds = [r["kind"] for r in records]
    assert kinds == sorted(kinds, key=["source", "entity", "claim"].index)
    assert all(("text" in r) == (r["kind"] == "source") for r in records)
    assert all(("citation" in r) == (r["kind"] == "claim") for r in records)


def test_an_export_made_before_kinds_still_imports(tmp_path: Path):
    old = OLD_EXPORT.read_text(encoding="utf-8").splitlines()
    assert old and all("kind" not in json.loads(line) for line in old)
    db = tmp_path / "old.json"
    got = run("--db", str(db), "import", "--create", str(OLD_EXPORT))
    assert got.exit_code == 0, got.stderr
    again = run("--db", str(db), "export").stdout.splitlines()
    assert [{k: v for k, v in json.loads(line).items() if k != "kind"} for line in again] == [
        json.loads(line) for line in old
    ]


def test_a_new_export_imports_into_an_equivalent_store(tmp_path: Path):
    exported = run(*DB, "export", "S-400", "--source", "khaleej-2018-07-21").stdout
    db = tmp_path / "new.json"
    assert run("--db", str(db), "import", "--create", "-", input=exported).exit_code == 0
    assert run("--db", str(db), "export").stdout == exported


def test_a_kind_that_disagrees_with_the_record_is_refused(tmp_path: Path):
    db = tmp_path / "mine.json"
    shutil.copy(SHIPPED, db)
    claim = lines(run(*DB, "export", "S-400").stdout)[-1]
    got = run("--db", str(db), "import", "-", input=json.dumps({**claim, "kind": "entity"}) + "\n")
    assert got.exit_code == 2 and "field kind" in got.stderr and "claim" in got.stderr


def test_export_takes_json_count_and_ids():
    jsonl = lines(run(*DB, "export", "S-400").stdout)
    assert json.loads(run(*DB, "export", "S-400", "--json").stdout) == jsonl
    assert run(*DB, "export", "S-400", "--count").stdout == f"{len(jsonl)}\n"
    assert json.loads(run(*DB, "export", "S-400", "--count", "--json").stdout) == {"count": len(jsonl)}
    assert run(*DB, "export", "S-400", "--ids").stdout.split() == [r["id"] for r in jsonl]
    nothing = run(*DB, "export", "nothing-like-this", "--json")
    assert nothing.exit_code == 1 and json.loads(nothing.stdout) == []
    assert run(*DB, "export", "--csv").exit_code == 2
