"""An import's one progress line: on a terminal, for a large input, the records checked, the
store written and the claims indexed are stages of the same line, in that order, fitted to
the width and gone when the import ends; nothing of it reaches a pipe. Run in a real pty."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys

import pytest
from conftest import SHIPPED, factcli, run_on_pty, source_record

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a pty")

CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COUNT = 500  # sources, each with one claim: 1,000 records, a large input


def batch() -> str:
    records = []
    for n in range(COUNT):
        sid = f"report-{n:04d}"
        text = f"Report {n}: Qatar is discussing a possible S-400 purchase with Russia."
        records.append(source_record(sid, text))
        records.append(
            {
                "subject": "qatar",
                "predicate": "negotiating_purchase",
                "object": "s-400",
                "modality": "in_talks",
                "statement": "Qatar is discussing a possible S-400 purchase with Russia.",
                "citation": {"source": sid, "quote": "Qatar is discussing a possible S-400 purchase"},
            }
        )
    return "\n".join(json.dumps(r) for r in records) + "\n"


def import_with_stderr_on_pty(db, batch_file, columns: int) -> tuple[int, str, str]:
    """`factcli --db DB import FILE` with stderr on a pseudo-terminal: (status, what the
    terminal was sent, stdout)."""
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "40", "TERM": "xterm-256color"}
    return run_on_pty(["--db", str(db), "import", str(batch_file)], env, on="stderr", timeout=60)


@pytest.fixture
def copy_and_batch(tmp_path):
    db = tmp_path / "mine.json"
    shutil.copyfile(SHIPPED, db)
    path = tmp_path / "batch.jsonl"
    path.write_text(batch(), encoding="utf-8")
    return db, path


@pytest.mark.parametrize("columns", [80, 120])
def test_one_line_follows_the_import_through_check_write_and_index(copy_and_batch, columns):
    db, path = copy_and_batch
    code, terminal, out = import_with_stderr_on_pty(db, path, columns)
    assert code == 0, terminal
    assert len(out.split()) == COUNT  # the new claims' ids, on stdout as ever
    shown = CSI.sub("", terminal).replace("\r", "\n")
    stages = ["[1/3] checking records", "[2/3] writing mine.json", "[3/3] indexing claims"]
    at = [shown.find(stage) for stage in stages]
    assert -1 not in at and at == sorted(at), shown
    assert all(len(line) <= columns for line in shown.splitlines() if line.startswith("["))
    # The line is erased when the import ends: the summary is the last thing left.
    assert shown.rstrip().splitlines()[-1].startswith("imported 500 sources")


def test_nothing_of_it_in_a_pipe(copy_and_batch):
    db, path = copy_and_batch
    ran = factcli("import", str(path), db=db).ok()
    assert ran.stderr == f"imported 500 sources, 0 entities, 500 claims into {db}\n"
