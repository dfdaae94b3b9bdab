"""A directory store's index, brought up to each write source by source: after any series of
writes every read answers as a fresh build of the folder does, without a rebuild; what
changes other sources' rows (an entity) rebuilds it; a hand edit of one source is read
alone; an update killed before its commit leaves an index that still answers right."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED, entity_record, factcli

from factcli import index, store
from factcli.convert import convert
from factcli.index import opening
from factcli.search import Query, search, timeline

KHALEEJ = "khaleej-2018-07-21"
QUERIES = [
    ["S-400"],
    ["قطر"],
    ["Russia"],
    ["Qatar", "Russia"],
    ["Turkey"],
    ["Putin"],
    ["agreement"],
    ["نظيره"],
    ["Benchmark"],
]


def as_folder(tmp_path: Path) -> store.Location:
    folder = tmp_path / "team"
    convert(store.Location(SHIPPED, "--db"), folder)
    return store.Location(folder, "--db")


def answers(ix) -> dict:
    """Everything a read command can be told by an index, as plain values."""
    out: dict = {
        "ids": ix.claim_ids(),
        "sources": ix.sources(),
        "entities": ix.entities(),
        "named": ix.named_counts(),
        "names": sorted(ix.name_keys()),
        "meta": json.loads(ix.meta()["store_meta"]),
    }
    for q in QUERIES:
        out["search " + " ".join(q)] = [
            (h.claim, round(h.score, 6), h.why) for h in search(ix, Query(terms=q))
        ]
    out["retracted"] = [h.claim["id"] for h in search(ix, Query(terms=["Qatar"], include_retracted=True))]
    out["by source"] = [h.claim["id"] for h in search(ix, Query(source=[KHALEEJ]))]
    dated, undated = timeline(ix, Query(subject=["qatar"]))
    out["timeline"] = [h.claim["id"] for h in dated] + [h.claim["id"] for h in undated]
    out["limited"] = [h.claim["id"] for h in timeline(ix, Query(subject=["qatar"], limit=5))[0]]
    out["show"] = {cid: (ix.claim(cid), ix.paragraph(cid)) for cid in out["ids"]}
    return out


def same_as_a_fresh_build(loc: store.Location, written: bool = False) -> None:
    """The index answers as a fresh build does; after a write (`written`), it is so before
    any read: the write brought it up to the files it changed."""
    if written:
        assert index.status(loc)["fresh"]
    cached = index.open_index(loc)
    fresh = index.in_memory(store.load(loc))
    try:
        assert not cached.rebuilt
        assert answers(cached) == answers(fresh)
    finally:
        cached.close()
        fresh.close()


@pytest.fixture
def no_rebuild(monkeypatch):
    """Fails any whole rebuild of a folder's index from here on."""
    built: list[Path] = []
    real = opening._build_folder

    def counted(location, *args, **kwargs):
        built.append(location.path)
        return real(location, *args, **kwargs)

    monkeypatch.setattr(opening, "_build_folder", counted)
    return built


def add(loc: store.Location, source: str, quote: str, statement: str, subject: str = "qatar") -> str:
    args = ["--db", str(loc.path), "add", "--source", source, "--quote", quote, "--subject", subject]
    args += ["--predicate", "considering", "--statement", statement]
    return factcli(*args).ok().stdout.strip()


def source_text(loc: store.Location, sid: str) -> str:
    return json.loads((loc.path / "sources" / f"{sid}.json").read_text(encoding="utf-8"))["text"]


def test_writes_to_a_folder_keep_its_index_as_a_fresh_build_without_rebuilding(tmp_path, no_rebuild):
    loc = as_folder(tmp_path)
    index.open_index(loc).close()  # the first read builds it
    no_rebuild.clear()
    facts = store.load(loc)
    first, last = facts.sources[0]["id"], facts.sources[-1]["id"]
    text = source_text(loc, first)
    # An add to the first source: its claims come before every other source's in a fresh build.
    new = add(loc, first, text[:40], "Benchmark: Qatar weighs the S-400 with Russia.")
    same_as_a_fresh_build(loc, written=True)
    add(loc, last, source_text(loc, last)[:30], "Benchmark: a note on Turkey.", subject="turkey")
    same_as_a_fresh_build(loc, written=True)
    factcli("--db", str(loc.path), "edit", new, "--modality", "planned", "--reason", "later", "--yes").ok()
    same_as_a_fresh_build(loc, written=True)
    factcli("--db", str(loc.path), "retract", "c0001", "--reason", "restated", "--yes").ok()
    same_as_a_fresh_build(loc, written=True)
    # An import of a new source and its claims: the source is listed last.
    records = [
        {
            "id": "bench-2026-01-01",
            "title": "Benchmark",
            "outlet": "Bench",
            "language": "en",
            "url": None,
            "published": {
                "start": "2026-01-01",
                "end": "2026-01-01",
                "precision": "day",
                "text": "1 Jan 2026",
            },
            "text": "Qatar and Russia discussed the S-400 in Doha. Putin phoned Tamim.",
        },
        {
            "subject": "qatar",
            "predicate": "considering",
            "object": "s-400",
            "statement": "Benchmark: Qatar and Russia discussed the S-400.",
            "citation": {
                "source": "bench-2026-01-01",
                "quote": "Qatar and Russia discussed the S-400 in Doha",
            },
        },
    ]
    part = tmp_path / "part.jsonl"
    part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    factcli("--db", str(loc.path), "import", str(part)).ok()
    same_as_a_fresh_build(loc, written=True)
    assert no_rebuild == []


def test_a_hand_edit_of_one_source_is_read_again_alone(tmp_path, no_rebuild):
    loc = as_folder(tmp_path)
    index.open_index(loc).close()
    no_rebuild.clear()
    path = loc.path / "claims" / f"{KHALEEJ}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    claim = json.loads(lines[0])
    claim["statement"] = "Benchmark: a statement changed by hand."
    lines[0] = json.dumps(claim, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [h.claim["id"] for h in search(index.open_index(loc), Query(terms=["Benchmark"]))] == [claim["id"]]
    same_as_a_fresh_build(loc)
    assert no_rebuild == []


def test_a_new_entity_rebuilds_the_index_whole(tmp_path, no_rebuild):
    loc = as_folder(tmp_path)
    index.open_index(loc).close()
    no_rebuild.clear()
    part = tmp_path / "part.jsonl"
    # Iran's foreign ministry is no entity yet; claims naming Iran are linked to it now as a part.
    ministry = entity_record(
        "iran-foreign-ministry", "Iranian Foreign Ministry", "organization", aliases=["إيران"]
    )
    part.write_text(json.dumps(ministry, ensure_ascii=False) + "\n", encoding="utf-8")
    factcli("--db", str(loc.path), "import", str(part)).ok()
    assert no_rebuild == [loc.path]
    same_as_a_fresh_build(loc)


def test_an_index_file_others_may_write_is_not_trusted(tmp_path):
    loc = as_folder(tmp_path)
    index.open_index(loc).close()
    ipath = index.index_path(loc.path)
    os.chmod(ipath, 0o666)
    ix = index.open_index(loc)
    try:
        assert ix.rebuilt
    finally:
        ix.close()
    assert os.stat(ipath).st_mode & 0o022 == 0


# An update of the folder's index killed after a given number of SQLite steps.
_KILLED_UPDATE = """
import os, signal, sqlite3, sys
from pathlib import Path
from factcli import store
from factcli.index import folder, index_path
steps = int(sys.argv[2])
real_connect = sqlite3.connect
def connect(*a, **k):
    conn = real_connect(*a, **k)
    if "mode=ro" not in str(a[0]):
        conn.execute("PRAGMA cache_size=1")
        conn.set_progress_handler(lambda: os.kill(os.getpid(), signal.SIGKILL), steps)
    return conn
sqlite3.connect = connect
root = Path(sys.argv[1])
with folder.locked(index_path(root)):
    folder.update(root, index_path(root))
"""


def killed_updates(loc: store.Location, kills: int) -> int:
    """Kill `kills` updates of the index after a claim appended each, at growing SQLite steps; the
    next read answers as a fresh build every time. How many were killed."""
    killed = 0
    path = loc.path / "claims" / f"{KHALEEJ}.jsonl"
    for i in range(kills):
        claim = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        claim.update(id=f"cbench{i}", statement=f"Benchmark note {i}.")
        with path.open("a", encoding="utf-8") as out:  # a write the index has not followed
            out.write(json.dumps(claim, ensure_ascii=False) + "\n")
        done = subprocess.run(
            [sys.executable, "-c", _KILLED_UPDATE, str(loc.path), str(50 + 400 * i)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode in (0, -signal.SIGKILL), done.stderr
        killed += done.returncode == -signal.SIGKILL
        same_as_a_fresh_build(loc)
    return killed


def test_an_update_killed_in_its_commit_leaves_an_index_that_answers_right(tmp_path, monkeypatch):
    loc = as_folder(tmp_path)
    index.open_index(loc).close()
    assert killed_updates(loc, 3) >= 1


def _tables(path: Path) -> dict:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(map(repr, conn.execute(f"SELECT * FROM {n}"))) for n in names}  # noqa: S608
    finally:
        conn.close()


def test_a_folder_s_index_built_a_few_sources_at_a_time_holds_the_rows_of_one_read_whole(tmp_path):
    from factcli.index import backend
    from factcli.store import directory

    location = as_folder(tmp_path)
    root = location.path
    ids = (root / "sources.txt").read_text().split()
    # Hand edits the build must place as a whole read does: a claim moved to the end of a
    # later source's file (its paragraph is in an earlier part's text, its count that
    # source's), and a claims file of no listed source (read after every listed one).
    first, later = root / "claims" / f"{ids[0]}.jsonl", root / "claims" / f"{ids[-1]}.jsonl"
    lines = first.read_text(encoding="utf-8").splitlines()
    first.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    later.write_text(later.read_text(encoding="utf-8") + lines[0] + "\n", encoding="utf-8")
    (root / "claims" / "zz-unlisted.jsonl").write_text(lines[1] + "\n", encoding="utf-8")
    (root / "claims" / f"{ids[0]}.jsonl").write_text("\n".join(lines[2:]) + "\n", encoding="utf-8")
    files = directory.file_stamps(root)
    stamp = {"inode": os.stat(root).st_ino, "files": directory.stamps_digest(files)}
    whole, parts = tmp_path / "whole.sqlite", tmp_path / "parts.sqlite"
    backend.build_file(whole, store.load(location), stamp, files=files)
    told: list[tuple[int, int]] = []
    backend.build_folder_file(parts, root, stamp, files, lambda d, t: told.append((d, t)), part=2)
    assert _tables(parts) == _tables(whole)
    claims = len(store.load(location).claims)
    assert told[-1] == (claims, claims)


def test_the_digest_every_read_checks_is_the_one_the_index_records_and_sees_an_edit_in_place(tmp_path):
    from factcli.store import directory

    root = as_folder(tmp_path).path

    def both() -> tuple[str, str]:
        return directory.folder_digest(root), directory.stamps_digest(directory.file_stamps(root))

    first, recorded = both()
    assert first == recorded
    # A claims file rewritten in place (same inode, same folder mtime): seen.
    path = root / "claims" / f"{KHALEEJ}.jsonl"
    inode = path.stat().st_ino
    with path.open("r+b") as f:
        f.seek(0, os.SEEK_END)
        f.write(b"\n")
    assert path.stat().st_ino == inode
    now, recorded = both()
    assert now == recorded != first
    # A file whose name is not UTF-8 is looked at file by file: the same digest.
    (root / "claims").joinpath(os.fsdecode(b"\xff.jsonl")).write_bytes(b"")
    assert both()[0] == both()[1] != now
