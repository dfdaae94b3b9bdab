"""Merging two analysts' copies: `factcli merge` of a file or a folder, and `git merge` of two
branches of a directory store through `factcli merge-driver`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED, factcli, next_claim_ids

from factcli import store
from factcli.convert import convert

SHIPPED_CLAIMS = len(store.load(store.Location(SHIPPED, "--db")).claims)

KHALEEJ = "khaleej-2018-07-21"
QUOTE_A = "تبحث قطر مع روسيا صفقة شراء محتملة لأنظمة الدفاع الصاروخية «إس-400»"
QUOTE_B = "وقع البلدان اتفاقا لإمداد الدوحة بأسلحة خفيفة"


def add(db: Path, quote: str, statement: str) -> str:
    args = ["add", "--source", KHALEEJ, "--quote", quote, "--subject", "qatar", "--predicate", "considering"]
    return factcli("--db", str(db), *args, "--statement", statement).ok().stdout.strip()


def claims(db: Path) -> dict[str, dict]:
    return {c["id"]: c for c in store.load(store.Location(db, "--db")).claims}


@pytest.fixture(params=["file", "directory"])
def two_copies(request, tmp_path):
    def copy(name: str) -> Path:
        if request.param == "file":
            path = tmp_path / f"{name}.json"
            shutil.copy(SHIPPED, path)
        else:
            path = tmp_path / name
            convert(store.Location(SHIPPED, "--db"), path)
        return path

    return copy("mine"), copy("theirs")


def test_both_sides_new_claims_and_corrections_are_kept_with_their_ids(two_copies):
    mine, theirs = two_copies
    a = add(mine, QUOTE_A, "Mine.")
    b = add(theirs, QUOTE_B, "Theirs.")
    factcli("--db", str(mine), "retract", "c0003", "--reason", "restated", "--yes").ok()
    factcli("--db", str(theirs), "edit", "c0003", "--modality", "planned", "--reason", "future", "--yes").ok()
    factcli("--db", str(theirs), "edit", "c0004", "--modality", "planned", "--reason", "future", "--yes").ok()
    result = factcli("--db", str(mine), "merge", str(theirs)).ok()
    assert "1 new claim" in result.stderr
    merged = claims(mine)
    assert merged[a]["statement"] == "Mine." and merged[b]["statement"] == "Theirs."
    assert merged["c0003"]["retracted"]["reason"] == "restated"  # retracted on one side ...
    assert merged["c0003"]["modality"] == "planned"  # ... and corrected on the other: both stand
    assert merged["c0004"]["revisions"][-1]["reason"] == "future"
    assert len(merged) == SHIPPED_CLAIMS + 2
    assert "verified" in factcli("--db", str(mine), "verify").ok().stdout
    # Merging again changes nothing: every record is now the same on both sides, or combined.
    again = factcli("--db", str(mine), "merge", str(theirs)).ok()
    assert "0 new claims" in again.stderr


def test_a_real_conflict_is_shown_with_both_versions_and_nothing_is_written(two_copies):
    mine, theirs = two_copies
    factcli("--db", str(mine), "edit", "c0005", "--modality", "planned", "--reason", "x", "--yes").ok()
    factcli("--db", str(theirs), "edit", "c0005", "--modality", "expected", "--reason", "y", "--yes").ok()
    add(theirs, QUOTE_B, "Theirs.")
    before = claims(mine)
    result = factcli("--db", str(mine), "merge", str(theirs), "--json")
    assert result.exit_code == 1
    [conflict] = json.loads(result.stdout)["conflicts"]
    assert conflict["id"] == "c0005" and "modality" in conflict["why"]
    assert conflict["ours"]["modality"] == "planned" and conflict["theirs"]["modality"] == "expected"
    assert claims(mine) == before


def test_two_copies_numbering_the_same_id_for_different_claims_conflict(tmp_path):
    # What the old counter did: both copies made the next number.
    mine, theirs = tmp_path / "mine.json", tmp_path / "theirs.json"
    for path, quote in ((mine, QUOTE_A), (theirs, QUOTE_B)):
        shutil.copy(SHIPPED, path)
        record = {
            "id": next_claim_ids()[0],
            "subject": "qatar",
            "predicate": "considering",
            "statement": path.stem,
        }
        record["citation"] = {"source": KHALEEJ, "quote": quote}
        factcli("--db", str(path), "import", "-", input=json.dumps(record, ensure_ascii=False)).ok()
    result = factcli("--db", str(mine), "merge", str(theirs))
    assert result.exit_code == 1 and next_claim_ids()[0] in result.stderr


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr + done.stdout
    return done.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_merge_of_two_branches_that_added_and_corrected_claims_of_one_source(tmp_path):
    repo = tmp_path / "desk"
    convert(store.Location(SHIPPED, "--db"), repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "a@example.org")
    git(repo, "config", "user.name", "A")
    driver = f"{sys.executable} -m factcli merge-driver %O %A %B %P"
    git(repo, "config", "merge.factcli.driver", driver)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "start")
    git(repo, "checkout", "-qb", "amal")
    a = add(repo, QUOTE_A, "Amal's claim.")
    factcli("--db", str(repo), "edit", "c0002", "--modality", "planned", "--reason", "a", "--yes").ok()
    git(repo, "commit", "-qam", "amal")
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-qb", "omar")
    b = add(repo, QUOTE_B, "Omar's claim.")
    factcli("--db", str(repo), "retract", "c0001", "--reason", "restated", "--yes").ok()
    git(repo, "commit", "-qam", "omar")
    git(repo, "merge", "-q", "--no-edit", "amal")  # no conflict, no hand work
    merged = claims(repo)
    assert merged[a]["statement"] == "Amal's claim." and merged[b]["statement"] == "Omar's claim."
    assert merged["c0002"]["modality"] == "planned" and merged["c0001"]["retracted"]["reason"] == "restated"
    assert len(merged) == SHIPPED_CLAIMS + 2
    assert f"{SHIPPED_CLAIMS + 2} claims verified" in factcli("--db", str(repo), "verify").ok().stdout
    assert git(repo, "status", "--porcelain") == ""
