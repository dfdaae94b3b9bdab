"""The directory store: the shipped store through it and back byte for byte, every command on
it, a write that touches one source's files only, writers to different sources side by side,
and a killed write leaving the old store or the new."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED, factcli

from factcli import store
from factcli.convert import convert
from factcli.ids import is_claim_id
from factcli.importer import import_records
from factcli.index import open_index
from factcli.store import directory

KHALEEJ = "khaleej-2018-07-21"
QUOTE = "تبحث قطر مع روسيا صفقة شراء محتملة لأنظمة الدفاع الصاروخية «إس-400»"


def as_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    convert(store.Location(SHIPPED, "--db"), folder)
    return folder


def add_args(source: str, quote: str, statement: str) -> list[str]:
    return [
        "add",
        "--source",
        source,
        "--quote",
        quote,
        "--subject",
        "qatar",
        "--predicate",
        "considering",
        "--statement",
        statement,
    ]


def test_the_shipped_store_converts_to_a_folder_and_back_byte_for_byte(tmp_path):
    folder = tmp_path / "team"
    factcli("convert", str(SHIPPED), str(folder)).ok()
    back = tmp_path / "back.json"
    factcli("convert", str(folder), str(back)).ok()
    assert back.read_bytes() == SHIPPED.read_bytes()
    shipped = json.loads(SHIPPED.read_bytes())
    # One file per source, one JSON Lines file of claims per source, one record a line.
    assert (folder / "sources.txt").read_text().split() == [s["id"] for s in shipped["sources"].values()]
    lines = (folder / "claims" / f"{KHALEEJ}.jsonl").read_text(encoding="utf-8").splitlines()
    cited = [c for c in shipped["claims"].values() if c["citation"]["source"] == KHALEEJ]
    assert [json.loads(line) for line in lines] == cited
    assert len((folder / "entities.jsonl").read_text(encoding="utf-8").splitlines()) == len(
        shipped["entities"]
    )
    assert (
        json.loads((folder / "sources" / f"{KHALEEJ}.json").read_text())["text"]
        == shipped["sources"]["1"]["text"]
    )


def test_every_top_level_object_of_the_file_gets_a_file_and_comes_back(tmp_path):
    doc = json.loads(SHIPPED.read_bytes())
    doc["vocabulary"] = {"1": {"predicates": {"hosts": {"label": "hosts", "symmetric": False}}}}
    folder = tmp_path / "team"
    directory.write_new(folder, doc)
    assert json.loads((folder / "vocabulary.json").read_text()) == doc["vocabulary"]
    assert directory.document(folder)["vocabulary"] == doc["vocabulary"]


def test_convert_refuses_a_target_that_exists(tmp_path):
    taken = tmp_path / "taken.json"
    taken.write_text("mine")
    result = factcli("convert", str(SHIPPED), str(taken))
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert taken.read_text() == "mine"


def test_read_commands_answer_the_same_from_a_folder(tmp_path):
    folder = as_folder(tmp_path)
    for args in (
        ["search", "S-400", "--ids"],
        ["show", "c0001", "--json"],
        ["timeline", "qatar", "--limit", "5"],
    ):
        assert (
            factcli("--db", str(folder), *args).ok().stdout
            == factcli("--db", str(SHIPPED), *args).ok().stdout
        )
    shipped = len(store.load(store.Location(SHIPPED, "--db")).claims)
    assert f"{shipped} claims verified" in factcli("--db", str(folder), "verify").ok().stdout


def test_an_add_changes_only_its_sources_claims_file(tmp_path):
    folder = as_folder(tmp_path)
    before = {
        p: (p.stat().st_ino, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file() and ".factcli" not in str(p)
    }
    new_id = (
        factcli("--db", str(folder), *add_args(KHALEEJ, QUOTE, "Qatar weighs the S-400.")).ok().stdout.strip()
    )
    assert is_claim_id(new_id)
    after = {
        p: (p.stat().st_ino, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file() and ".factcli" not in str(p)
    }
    changed = sorted(str(p.relative_to(folder)) for p in after if after[p] != before.get(p))
    assert changed == [f"claims/{KHALEEJ}.jsonl"]
    claims = folder / "claims" / f"{KHALEEJ}.jsonl"
    old = before[claims][1]
    assert claims.read_bytes().startswith(old)  # appended: git diff shows one line
    assert json.loads(claims.read_bytes()[len(old) :])["id"] == new_id
    # The index is fresh for the new state (its stamp covers every file of the folder).
    ix = open_index(store.Location(folder, "--db"))
    try:
        assert new_id in ix.claim_ids()
    finally:
        ix.close()


def test_edit_and_retract_rewrite_only_their_sources_file(tmp_path):
    folder = as_folder(tmp_path)
    others = {p: p.read_bytes() for p in folder.rglob("*.json*") if p.name != f"{KHALEEJ}.jsonl"}
    factcli("--db", str(folder), "retract", "c0001", "--reason", "restated", "--yes").ok()
    factcli(
        "--db", str(folder), "edit", "c0002", "--modality", "planned", "--reason", "not signed", "--yes"
    ).ok()
    assert {p: p.read_bytes() for p in others} == others
    lines = [json.loads(x) for x in (folder / "claims" / f"{KHALEEJ}.jsonl").read_text().splitlines()]
    byid = {c["id"]: c for c in lines}
    assert byid["c0001"]["retracted"]["reason"] == "restated"
    assert byid["c0002"]["revisions"][-1]["changes"]["modality"] == {"from": "fact", "to": "planned"}
    assert [c["id"] for c in lines][:2] == ["c0001", "c0002"]  # each record keeps its line


def test_writers_to_different_sources_lose_nothing(tmp_path):
    folder = as_folder(tmp_path)
    facts = store.load(store.Location(folder, "--db"))
    jobs = []
    for src in facts.sources:
        script = (
            "import json, sys\nfrom factcli.cli import main\n"
            f"text = json.load(open({str(folder / 'sources' / (src['id'] + '.json'))!r}))['text']\n"
            "for i in range(5):\n"
            "    quote = text[i * 41 : i * 41 + 60]\n"
            f"    args = ['--db', {str(folder)!r}, 'add', '--source', {src['id']!r}, '--quote', quote]\n"
            "    args += ['--subject', 'qatar', '--predicate', 'considering', '--statement', f'note {i}']\n"
            "    try: main(args, standalone_mode=False)\n"
            "    except SystemExit: pass\n"
        )
        jobs.append(
            subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        )
    outs = [j.communicate(timeout=300) for j in jobs]
    made = [line for out, _ in outs for line in out.decode().split()]
    # (A writer that waits a second for another says so on stderr: a note, not an error.)
    errors = [
        line for _, err in outs for line in err.decode().splitlines() if "waiting for another" not in line
    ]
    # Each add is stored or refused for what it says (a quote found twice), never lost to another writer.
    assert all("occurs 2 times" in e for e in errors), errors
    assert len(made) + len(errors) == 5 * len(facts.sources)
    again = store.load(store.Location(folder, "--db"))
    assert set(made) <= {c["id"] for c in again.claims} and len(again.claims) == len(facts.claims) + len(made)
    assert "verified" in factcli("--db", str(folder), "verify").ok().stdout


def test_a_write_killed_after_its_commit_is_finished_and_one_before_leaves_nothing(tmp_path, monkeypatch):
    folder = as_folder(tmp_path)
    claims = folder / "claims" / f"{KHALEEJ}.jsonl"
    old = claims.read_bytes()

    class Killed(Exception):
        pass

    def killed(*args):  # the renames never happen
        raise Killed

    monkeypatch.setattr(directory, "_finish_at", killed)
    record = {"subject": "qatar", "predicate": "considering", "statement": "Killed after commit."}
    record["citation"] = {"source": KHALEEJ, "quote": QUOTE}
    with pytest.raises(Killed):
        import_records(store.Location(folder, "--db"), [record])
    monkeypatch.undo()
    assert claims.read_bytes() == old  # not yet in place ...
    facts = store.load(store.Location(folder, "--db"))  # ... but a reader sees the write
    assert "Killed after commit." in [c["statement"] for c in facts.claims]
    factcli("--db", str(folder), *add_args(KHALEEJ, QUOTE[:20], "Next.")).ok()  # finishes it first
    statements = [json.loads(x)["statement"] for x in claims.read_text().splitlines()]
    assert statements[-2:] == ["Killed after commit.", "Next."]
    assert not [n for n in os.listdir(folder) if n.startswith((".factcli-txn", ".factcli-commit"))]


def test_a_folder_that_is_not_a_store_is_refused_in_one_line(tmp_path):
    empty = tmp_path / "nothing"
    empty.mkdir()
    result = factcli("--db", str(empty), "search", "S-400")
    assert result.exit_code == 2 and "not a factcli store" in result.stderr
    assert os.listdir(empty) == []


def test_a_writer_killed_while_finishing_its_commit_leaves_a_folder_that_reads(tmp_path, monkeypatch):
    folder = as_folder(tmp_path)
    real_replace = os.replace
    renamed: list[str] = []

    class Killed(Exception):
        pass

    def replace_once(src, dst, *args, **kwargs):  # the first file lands, then the writer dies
        if renamed:
            raise Killed
        renamed.append(str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(directory.os, "replace", replace_once)
    record = {"subject": "qatar", "predicate": "considering", "statement": "Killed while finishing."}
    record["citation"] = {"source": KHALEEJ, "quote": QUOTE}
    source = {
        "id": "killed-2026-01-01",
        "title": "T",
        "outlet": "O",
        "language": "en",
        "url": None,
        "published": {"start": "2026-01-01", "end": "2026-01-01", "precision": "day", "text": "1 Jan 2026"},
        "text": "Qatar weighs the S-400.",
    }
    with pytest.raises(Killed):  # two files to land: the new source's and the source list
        import_records(store.Location(folder, "--db"), [source, record])
    monkeypatch.undo()
    assert renamed  # one file in place, the commit's plan still there
    facts = store.load(store.Location(folder, "--db"))  # reads: the rest through the commit
    assert "Killed while finishing." in [c["statement"] for c in facts.claims]
    assert "killed-2026-01-01" in [s["id"] for s in facts.sources]


def test_a_write_rewrites_the_vocabulary_file_only_when_the_vocabulary_changes(tmp_path):
    folder = as_folder(tmp_path)
    vocab_file = folder / "vocabulary.json"
    factcli("--db", str(folder), "vocabulary", "add-unit", "JPY", "--reason", "yen", "--yes").ok()
    vocab = json.loads(vocab_file.read_bytes())
    assert "JPY" in vocab["units"]
    # The same vocabulary laid out by hand on one line: an add, which leaves the vocabulary
    # as it is, leaves that file's bytes as they are.
    by_hand = json.dumps(vocab, ensure_ascii=False).encode("utf-8")
    vocab_file.write_bytes(by_hand)
    factcli("--db", str(folder), *add_args(KHALEEJ, QUOTE, "Qatar weighs the S-400.")).ok()
    assert vocab_file.read_bytes() == by_hand
    # A change to it is written, laid out as factcli lays out every JSON file.
    factcli("--db", str(folder), "vocabulary", "add-unit", "CHF", "--reason", "Swiss francs", "--yes").ok()
    changed = json.loads(vocab_file.read_bytes())
    assert set(changed["units"]) == {*vocab["units"], "CHF"}
    assert vocab_file.read_bytes() == (json.dumps(changed, ensure_ascii=False, indent=2) + "\n").encode()
