"""Writes that only append take a shorter way: the bytes the last write left are recognised
by their sha256, appended records are spliced into them, the damage check is not run again
on records it passed, and the index is updated in place. These tests hold that shorter way
to the long one: the same bytes, the same refusals, the same index, and every change made
behind factcli's back still found."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SHIPPED, next_claim_ids, read_jsonl

from factcli import codec, index, store
from factcli.cli import main
from factcli.ids import is_claim_id
from factcli.importer import import_records
from factcli.search import Query, search
from factcli.verify import verify


def _corpus_in_parts() -> list[list[dict]]:
    """The shipped store's records in README's order, in several imports: sources and
    entities first, then the claims, cut wherever every id after the cut is above every id
    before it (ids are handed out once, never below the last one)."""
    claims = [r for p in sorted(CORPUS.glob("claims-*.jsonl")) for r in read_jsonl(p)]
    cuts = [
        i
        for i in range(1, len(claims))
        if max(r["id"] for r in claims[:i]) < min(r["id"] for r in claims[i:])
    ]
    cuts = cuts[:: max(1, len(cuts) // 5)]
    bounds = [0, *cuts, len(claims)]
    parts = [read_jsonl(CORPUS / "sources.jsonl") + read_jsonl(CORPUS / "entities.jsonl")]
    return parts + [claims[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _invoke(args: list[str]):
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_article_by_article_imports_write_the_shipped_store_byte_for_byte(tmp_path):
    path = tmp_path / "facts.json"
    loc = store.Location(path, "--db")
    first, *parts = _corpus_in_parts()
    import_records(loc, first, create=True)
    assert len(parts) >= 3
    for records in parts:
        # Each import reads the bytes the one before wrote: the recorded digest is theirs.
        assert store.last_write(path).sha256 == _sha(path)
        assert store.last_write(path).checked is True
        import_records(loc, records)
    assert path.read_bytes() == SHIPPED.read_bytes()


def test_appends_keep_updating_the_index_in_place(tmp_path, monkeypatch):
    path = tmp_path / "facts.json"
    path.write_bytes(SHIPPED.read_bytes())
    db = ["--db", str(path)]
    assert _invoke([*db, "index", "--rebuild"]).exit_code == 0
    added = []
    builds: list[object] = []
    real = index.backend.build_file
    monkeypatch.setattr(index.backend, "build_file", lambda *a, **k: (builds.append(a[0]), real(*a, **k)))
    for sid, subject in (("khaleej-2018-07-21", "turkey"), ("khaleej-2018-07-21", "russia")):
        text = store.load(store.Location(path, "--db")).source(sid)["text"]
        start = text.index("روسيا")
        result = _invoke(
            [
                *db,
                "add",
                "--source",
                sid,
                "--quote",
                text[start : start + 40],
                "--subject",
                subject,
                "--predicate",
                "considering",
                "--statement",
                f"Zanzibarian {subject} note.",
            ]
        )
        assert result.exit_code == 0, result.output
        added.append(result.output.strip())
        assert builds == []  # updated, not rebuilt
    shipped_ids = {c["id"] for c in store.load(store.Location(SHIPPED, "--db")).claims}
    assert len(set(added)) == 2 and all(is_claim_id(a) and a not in shipped_ids for a in added)
    cached = index.open_index(store.Location(path, "--db"))
    fresh = index.in_memory(store.load(store.Location(path, "--db")))
    for table in ("claims", "links", "entities", "sources"):
        assert sorted(cached.conn.execute(f"SELECT * FROM {table}")) == sorted(
            fresh.conn.execute(f"SELECT * FROM {table}")
        )
    assert [h.claim["id"] for h in search(cached, Query(terms=["Zanzibarian"]))] == added
    cached.close()
    fresh.close()
    assert path.read_bytes() == store.dumps(json.loads(path.read_bytes()))


def _add_args(path: Path, subject: str = "turkey") -> list[str]:
    return [
        "--db",
        str(path),
        "add",
        "--source",
        "khaleej-2018-07-21",
        "--quote",
        "تبحث قطر مع روسيا",
        "--subject",
        subject,
        "--predicate",
        "considering",
        "--statement",
        "Qatar weighs it.",
    ]


def _written_store(tmp_path: Path, indexed: bool = False) -> Path:
    """A copy of the shipped store after one write, so the next write finds its record;
    `indexed`: read once before that write, so it has an index the writes keep up."""
    path = tmp_path / "facts.json"
    path.write_bytes(SHIPPED.read_bytes())
    if indexed:
        index.open_index(store.Location(path, "--db")).close()
    assert _invoke(_add_args(path, "qatar")).exit_code == 0
    assert store.last_write(path).sha256 == _sha(path)
    return path


def _edit_claim(path: Path, claim_id: str, field: str, value) -> None:
    """Change one field of a claim in the middle of the file, the way a hand edit would,
    keeping the file's size, and its modification time as it was."""
    st = os.stat(path)
    doc = json.loads(path.read_bytes())
    claim = next(c for c in doc["claims"].values() if c["id"] == claim_id)
    claim[field] = value
    new = store.dumps(doc)
    path.write_bytes(new)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_damaged_claim_edited_in_after_a_write_is_still_refused(tmp_path):
    path = _written_store(tmp_path)
    before = path.read_bytes()
    _edit_claim(path, "c0100", "statement", 17)  # a number where text belongs
    damaged = path.read_bytes()
    assert damaged != before
    result = _invoke(_add_args(path))
    assert result.exit_code == 2
    assert "damaged store: claims record 'c0100', field statement: must be text" in result.output
    assert path.read_bytes() == damaged  # nothing written


def test_a_claim_edited_in_the_middle_is_seen_by_the_next_write_and_its_index(tmp_path):
    path = _written_store(tmp_path, indexed=True)
    old = store.load(store.Location(path, "--db")).claim("c0100")["statement"]
    edited = ("Zanzibarian " + old)[: len(old)]  # the same length: the same file size
    _edit_claim(path, "c0100", "statement", edited)
    inode = index.index_path(path).stat().st_ino
    result = _invoke(_add_args(path))
    assert result.exit_code == 0, result.output
    assert is_claim_id(result.output.strip()) and result.output.strip() not in (old, "c0100")
    # The index was rebuilt from the edited file, not patched as if nothing had changed.
    assert index.index_path(path).stat().st_ino != inode
    cached = index.open_index(store.Location(path, "--db"))
    assert [h.claim["id"] for h in search(cached, Query(terms=["Zanzibarian"]))] == ["c0100"]
    cached.close()
    doc = json.loads(path.read_bytes())
    assert [c["statement"] for c in doc["claims"].values() if c["id"] == "c0100"] == [edited]
    assert path.read_bytes() == store.dumps(doc)
    # And that write's bytes are trusted by the one after it again.
    assert store.last_write(path).sha256 == _sha(path)


def test_a_changed_index_record_of_other_bytes_trusts_nothing(tmp_path):
    path = _written_store(tmp_path)
    _edit_claim(path, "c0050", "statement", ["not", "text"])
    # The record still names the bytes before the edit: they are not the file's bytes.
    assert store.last_write(path).sha256 != _sha(path)
    result = _invoke(_add_args(path))
    assert result.exit_code == 2
    assert "claims record 'c0050', field statement: must be text" in result.output


def test_a_write_that_corrects_a_record_writes_what_the_whole_serialisation_writes(tmp_path):
    path = _written_store(tmp_path)
    added = store.load(store.Location(path, "--db")).claims[-1]["id"]
    result = _invoke(["--db", str(path), "retract", added, "--reason", "added by mistake", "--yes"])
    assert result.exit_code == 0, result.output
    doc = json.loads(path.read_bytes())
    assert doc["claims"][str(len(doc["claims"]))]["retracted"]["reason"] == "added by mistake"
    assert path.read_bytes() == store.dumps(doc)
    # The retracted claim is out of the index's live counts: it was rebuilt, not appended to.
    cached = index.open_index(store.Location(path, "--db"))
    assert [h.claim["id"] for h in search(cached, Query(terms=["weighs"]))] == []
    cached.close()


def test_long_integers_are_told_from_digit_runs_inside_words():
    assert codec.long_integer(b'{"n": 18446744073709551616}')
    assert codec.long_integer(b'{"n": -18446744073709551616}')
    assert codec.long_integer(b"[18446744073709551616]")
    assert codec.long_integer(b"18446744073709551616")
    assert codec.long_integer(b'{"a": [1,\n 18446744073709551616]}')
    assert not codec.long_integer(b'{"sha256": "ab18446744073709551616cd"}')
    assert not codec.long_integer(b'{"n": 184467440737095516}')  # 18 digits: within 64 bits
    assert not codec.long_integer(b'{"id": "x-12345678901234567890"}')


def test_index_rows_added_by_another_factcli_after_the_record_are_not_trusted(tmp_path):
    # An older factcli appends to the index in place but leaves the record it does not know.
    path = _written_store(tmp_path, indexed=True)
    ipath = index.index_path(path)
    conn = sqlite3.connect(ipath)
    conn.execute(
        "INSERT INTO claims SELECT n + 1000, 'c9999', subject, predicate, object, speaker, via, source,"
        " date_start, date_end, retracted, doc, statement_words, quote_words FROM claims WHERE id = 'c0001'"
    )
    conn.commit()
    conn.close()
    assert _invoke(_add_args(path)).exit_code == 0
    cached = index.open_index(store.Location(path, "--db"))
    fresh = index.in_memory(store.load(store.Location(path, "--db")))
    assert sorted(cached.conn.execute("SELECT id FROM claims")) == sorted(
        fresh.conn.execute("SELECT id FROM claims")
    )
    assert "c9999" not in {i for (i,) in cached.conn.execute("SELECT id FROM claims")}
    cached.close()
    fresh.close()


def test_an_integer_beyond_64_bits_stays_exact_through_appended_writes(tmp_path):
    path = tmp_path / "facts.json"
    doc = json.loads(SHIPPED.read_bytes())
    doc["meta"]["1"]["note"] = 2**64 + 1  # a field factcli keeps as it is
    path.write_bytes(store.dumps(doc))
    for subject in ("qatar", "turkey"):
        assert _invoke(_add_args(path, subject)).exit_code == 0
    assert store.last_write(path).long_integers is True
    assert json.loads(path.read_bytes())["meta"]["1"]["note"] == 2**64 + 1
    assert b'"note": 18446744073709551617' in path.read_bytes()


# --- the record is the store's, beside it -------------------------------------------------


def _way_taken(path: Path, monkeypatch) -> tuple[bool, bool]:
    """Whether a write to `path` finds its bytes checked, and whether it splices its append."""
    spliced: list[bool] = []
    real = store._appended

    def spy(*args):
        out = real(*args)
        spliced.append(out is not None)
        return out

    monkeypatch.setattr(store, "_appended", spy)
    with store.writing(store.Location(path, "--db")) as tx:
        checked = tx.checked
        tx.add(meta=dict(tx.facts.meta, last_claim=tx.facts.meta["last_claim"] + 1))
    monkeypatch.setattr(store, "_appended", real)
    return checked, spliced == [True]


def test_a_write_after_the_cache_is_deleted_takes_the_same_way_as_with_it(tmp_path, monkeypatch):
    kept, gone = tmp_path / "kept", tmp_path / "gone"
    for folder in (kept, gone):
        folder.mkdir()
    with_cache = _way_taken(_written_store(kept, indexed=True), monkeypatch)
    path = _written_store(gone, indexed=True)
    index.index_path(path).unlink()
    assert not index.index_path(path).exists()
    assert _way_taken(path, monkeypatch) == with_cache == (True, True)


def _forge(path: Path, **changes) -> None:
    """Write the store's record anew, with `changes`, as someone else might."""
    record = json.loads(store.record_path(path).read_bytes())
    record.update(changes)
    store.record_path(path).unlink()
    store.record_path(path).write_text(json.dumps(record), encoding="utf-8")


def test_a_record_of_other_bytes_or_another_form_is_not_trusted(tmp_path, monkeypatch):
    path = _written_store(tmp_path)
    assert store.last_write(path) is not None
    for changes in (
        {"sha256": "0" * 64},
        {"writer": "factcli 0.0, schema 2"},
        {"checked": "yes"},
        {"rows": [1, 2]},
        {"long_integers": None},
    ):
        _forge(path, **changes)
        assert _way_taken(path, monkeypatch) == (False, False), changes
        # That write took the whole way, and recorded its own bytes: trusted again.
        assert store.last_write(path).sha256 == _sha(path)


def test_what_a_crash_may_leave_of_the_record_sends_the_next_write_the_whole_way(tmp_path, monkeypatch):
    """The record beside the store is not synced to disk (its digest is checked at every
    read instead): a crash of the machine may leave it empty, cut short, or the record of
    the write before. Each is taken for no record, and the next write is whole and sound."""
    path = _written_store(tmp_path)
    record = store.record_path(path)
    whole = record.read_bytes()
    before = path.read_bytes()
    stale = json.dumps(dict(json.loads(whole), sha256=hashlib.sha256(before[:-1]).hexdigest()))
    for left in (b"", whole[: len(whole) // 2], b"\0" * len(whole), stale.encode()):
        record.write_bytes(left)
        assert store.last_write(path) is None or store.last_write(path).sha256 != _sha(path)
        assert _way_taken(path, monkeypatch) == (False, False), left[:20]
        assert store.last_write(path).sha256 == _sha(path)  # recorded again, trusted again
        assert verify(store.load(store.Location(path, "--db"))) == []


def test_the_store_is_synced_before_its_rename_and_the_record_is_not(tmp_path, monkeypatch):
    """What makes a write survive a crash of the machine: the new store's bytes reach the disk
    before the rename puts them in place, and the folder after it."""
    path = _written_store(tmp_path)
    synced: list[str] = []
    real = os.fsync

    def spy(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)

    monkeypatch.setattr(store.os, "fsync", spy)
    renamed: list[tuple[str, list[str]]] = []
    real_replace = os.replace

    def replace_spy(src, dst, **kw):
        renamed.append((dst, list(synced)))
        return real_replace(src, dst, **kw)

    monkeypatch.setattr(store.os, "replace", replace_spy)
    done = _invoke(_add_args(path, "russia"))
    assert done.exit_code == 0, done.output
    (store_dst, synced_then), (record_dst, _) = renamed
    assert (store_dst, record_dst) == (path.name, store.record_path(path).name)
    # Before the store's rename: its new file, in the private folder beside it.
    assert len(synced_then) == 1 and synced_then[0].startswith(str(tmp_path)), synced_then
    # After it: the folder, which makes the rename durable; nothing for the record.
    assert synced[1:] == [str(tmp_path)], synced


def test_a_record_anyone_else_could_have_written_is_not_trusted(tmp_path, monkeypatch):
    path = _written_store(tmp_path)
    record = store.record_path(path)
    assert oct(record.stat().st_mode & 0o777) == oct(path.stat().st_mode & 0o777)
    os.chmod(path, 0o644)
    os.chmod(record, 0o666)  # writable by others, who may not write the store
    assert store.last_write(path) is None
    assert _way_taken(path, monkeypatch) == (False, False)
    # A link in the record's place is not followed, even to a record that would be trusted.
    real = tmp_path / "elsewhere.written"
    os.replace(record, real)
    os.chmod(real, 0o644)
    record.symlink_to(real)
    assert store.last_write(path) is None
    record.unlink()
    assert store.last_write(path) is None  # no record: nothing to trust


def test_a_record_owned_by_another_user_is_not_trusted(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    path = _written_store(tmp_path)
    assert store.last_write(path) is not None
    os.chown(store.record_path(path), 65534, 65534)
    assert store.last_write(path) is None


def test_a_forged_record_does_not_let_a_damaged_store_through(tmp_path):
    path = _written_store(tmp_path)
    _edit_claim(path, "c0100", "statement", 17)
    # Someone who may write the folder, not the store, claims the damaged bytes were checked.
    os.chmod(path, 0o644)
    _forge(path, sha256=_sha(path), checked=True)
    os.chmod(store.record_path(path), 0o666)
    result = _invoke(_add_args(path))
    assert result.exit_code == 2
    assert "claims record 'c0100', field statement: must be text" in result.output


def test_the_store_writes_and_records_with_no_index_and_no_migration(tmp_path):
    path = tmp_path / "facts.json"
    path.write_bytes(SHIPPED.read_bytes())
    script = f"""
import sys
sys.modules["factcli.index"] = None  # importing either would fail
sys.modules["factcli.migrate"] = None
import hashlib
from pathlib import Path
from factcli import store
path = Path({str(path)!r})
for n in (1, 2):
    with store.writing(store.Location(path, "--db")) as tx:
        assert tx.checked is (n == 2)
        tx.sound = True
        tx.add(meta=dict(tx.facts.meta, last_claim=tx.facts.meta["last_claim"] + 1))
    assert store.last_write(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
assert store.load(store.Location(path, "--db")).meta["last_claim"] == {int(next_claim_ids(2)[1][1:])}
assert not any(name.startswith("factcli.index") for name in sys.modules if sys.modules[name])
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
