"""The derived index never fails a read, is trusted only as far as this user made it, leaks
nothing its store does not, and answers a warm read as a rebuild would, order included."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, SHIPPED, read_jsonl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcli import index, store
from factcli.cli import main
from factcli.importer import import_records

NOBODY = 65534


def _invoke(args: list[str], **env: str):
    result = CliRunner().invoke(main, args, env=env or None)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _shipped(tmp_path: Path) -> Path:
    path = tmp_path / "store" / "facts.json"
    path.parent.mkdir()
    path.write_bytes(SHIPPED.read_bytes())
    return path


def _ids(path: Path, *args: str) -> list[str]:
    result = _invoke(["--db", str(path), "search", *args, "--ids"])
    assert result.exit_code == 0, result.output
    return result.output.split()


def _claim_statement(path: Path, cid: str) -> str:
    return store.load(store.Location(path, "--db")).claim(cid)["statement"]


# --- a read never fails because of the index -------------------------------------------------

_KILL_IN_INDEX_COMMIT = """
import os, signal, sqlite3, sys
from pathlib import Path
from factcli import store
from factcli.importer import import_records
import json
armed = []
real_write = store.atomic_write
def atomic_write(*a, **k):
    done = real_write(*a, **k)
    armed.append(1)  # the store is written: what follows is the index's update
    return done
store.atomic_write = atomic_write
real_connect = sqlite3.connect
def connect(*a, **k):
    conn = real_connect(*a, **k)
    if armed and ":memory:" not in str(a[0]):
        conn.execute("PRAGMA cache_size=1")  # pages reach the file before the commit
        conn.set_progress_handler(lambda: os.kill(os.getpid(), signal.SIGKILL), 20000)
    return conn
sqlite3.connect = connect
records = [json.loads(line) for line in Path(sys.argv[2]).read_text().splitlines()]
import_records(store.Location(Path(sys.argv[1]), "--db"), records)
"""


def _corpus_store(tmp_path: Path) -> tuple[Path, Path]:
    """A store of the corpus's sources, entities and first claims (indexed), and a file of
    the remaining claims to import."""
    path = tmp_path / "facts.json"
    claims = [r for p in sorted(CORPUS.glob("claims-*.jsonl")) for r in read_jsonl(p)]
    claims.sort(key=lambda r: r["id"])
    first = read_jsonl(CORPUS / "sources.jsonl") + read_jsonl(CORPUS / "entities.jsonl") + claims[:20]
    import_records(store.Location(path, "--db"), first, create=True)
    rest = tmp_path / "rest.jsonl"
    rest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in claims[20:]))
    assert _invoke(["--db", str(path), "index", "--rebuild"]).exit_code == 0
    return path, rest


def test_a_writer_killed_in_the_index_commit_breaks_no_read(tmp_path):
    path, rest = _corpus_store(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", _KILL_IN_INDEX_COMMIT, str(path), str(rest)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "FACTCLI_CACHE": os.environ["FACTCLI_CACHE"]},
    )
    assert done.returncode == -9, done.stderr  # killed in the index's update, after the store
    wanted = [c["id"] for c in store.load(store.Location(path, "--db")).claims]
    assert len(wanted) > 20
    for args in (["search", "Qatar"], ["show", wanted[-1]], ["timeline", "qatar"], ["entities"]):
        result = _invoke(["--db", str(path), *args])
        assert result.exit_code == 0, (args, result.output)
        assert "internal error" not in result.output
    assert _invoke(["--db", str(path), "show", wanted[-1], "--json"]).exit_code == 0
    assert _invoke(["--db", str(path), "index", "--rebuild"]).exit_code == 0
    assert _invoke(["--db", str(path), "index"]).exit_code == 0
    assert _ids(path, "Qatar")


def _damage(ipath: Path, how: str) -> None:
    conn = sqlite3.connect(ipath)
    try:
        if how == "dropped table":
            conn.execute("DROP TABLE claims")
        elif how == "bad row":
            conn.execute("UPDATE claims SET doc = '{not json' WHERE n = 1")
            conn.execute("UPDATE entities SET doc = '[' ")
        conn.commit()
    finally:
        conn.close()
    if how == "overwritten pages":
        size = ipath.stat().st_size
        with open(ipath, "r+b") as f:  # everything past the first pages, the meta left as is
            f.seek(4096 * 2)
            f.write(os.urandom(size - 4096 * 2))


@pytest.mark.parametrize("how", ["dropped table", "bad row", "overwritten pages"])
def test_a_damaged_index_under_a_fresh_stamp_is_rebuilt_for_a_read(tmp_path, how):
    path = _shipped(tmp_path)
    want = _ids(path, "Qatar")
    assert want
    ipath = index.index_path(path)
    _damage(ipath, how)
    for args in (["show", "c0001"], ["entities"], ["timeline", "qatar"]):
        result = _invoke(["--db", str(path), *args])
        assert result.exit_code == 0, (args, result.output)
        assert "internal error" not in result.output
    _damage(ipath, how)
    result = CliRunner().invoke(main, ["--db", str(path), "search", "Qatar", "--ids"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == want
    assert "unreadable" in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("how", ["dropped table", "bad row", "overwritten pages"])
def test_the_index_command_reports_an_unreadable_index_and_rebuild_replaces_it(tmp_path, how):
    path = _shipped(tmp_path)
    assert _invoke(["--db", str(path), "index", "--rebuild"]).exit_code == 0
    _damage(index.index_path(path), how)
    result = _invoke(["--db", str(path), "index"])
    assert result.exit_code == 2
    assert "problem: unreadable" in result.output and "(fresh)" not in result.output
    assert _invoke(["--db", str(path), "index", "--rebuild"]).exit_code == 0
    result = _invoke(["--db", str(path), "index"])
    assert result.exit_code == 0 and "(fresh)" in result.output and "problem" not in result.output


def test_an_index_file_is_never_changed_in_place_under_a_reader(tmp_path):
    # One connection per file version: a reader keeps the version it opened, and no journal
    # of a later version can be taken for its own.
    path = _shipped(tmp_path)
    reader = index.open_index(store.Location(path, "--db"))
    before = reader.claim_ids()
    inode = index.index_path(path).stat().st_ino
    text = store.load(store.Location(path, "--db")).source("khaleej-2018-07-21")["text"]
    start = text.index("روسيا")
    for subject in ("turkey", "russia"):
        args = ["--db", str(path), "add", "--source", "khaleej-2018-07-21", "--quote"]
        args += [text[start : start + 40], "--subject", subject, "--predicate", "considering"]
        assert _invoke([*args, "--statement", f"Zanzibarian {subject} note."]).exit_code == 0
        assert index.index_path(path).stat().st_ino != inode
        assert reader.claim_ids() == before  # the version it opened, whole
    reader.close()
    found = _ids(path, "Zanzibarian")
    assert len(found) == 2 and not set(found) & set(before)


# --- nothing from the cache is trusted that this user did not make -------------------------


def _shared_cache(tmp_path: Path) -> Path:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    return shared


def _plant_forged_index(path: Path, cache: Path) -> Path:
    """An index with the store's stamp whose c0001 says what the planter wants."""
    ipath = cache / index.index_path(path, {"FACTCLI_CACHE": str(cache)}).name
    facts = store.load(store.Location(path, "--db"))
    facts.claims[0] = dict(facts.claims[0], statement="PLANTED by another user")
    forged = tmp_path_index = ipath.with_name("forged.sqlite")
    conn = sqlite3.connect(tmp_path_index)
    index.build(conn, facts, index.freshness.stamp(path))
    conn.close()
    os.replace(forged, ipath)
    os.chown(ipath, NOBODY, NOBODY)
    os.chmod(ipath, 0o644)
    return ipath


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_an_index_planted_by_another_user_in_a_shared_cache_is_not_trusted(tmp_path, monkeypatch):
    path = _shipped(tmp_path)
    cache = _shared_cache(tmp_path)
    monkeypatch.setenv("FACTCLI_CACHE", str(cache))
    planted = _plant_forged_index(path, cache)
    result = CliRunner().invoke(main, ["--db", str(path), "show", "c0001", "--json"])
    assert result.exit_code == 0, result.output
    assert "PLANTED" not in result.stdout
    shown = json.loads(result.stdout)
    shown = shown[0] if isinstance(shown, list) else shown
    assert shown["statement"] == _claim_statement(path, "c0001")
    assert _invoke(["--db", str(path), "index", "--rebuild"]).exit_code == 0
    assert "PLANTED" not in _invoke(["--db", str(path), "show", "c0001"]).output
    assert planted.stat().st_uid == NOBODY  # left alone: not ours to remove
    assert _invoke(["--db", str(path), "index"]).exit_code == 0


def test_an_index_anyone_may_write_is_not_trusted(tmp_path, monkeypatch):
    path = _shipped(tmp_path)
    _ids(path, "Qatar")
    ipath = index.index_path(path)
    facts = store.load(store.Location(path, "--db"))
    facts.claims[0] = dict(facts.claims[0], statement="PLANTED through a writable file")
    forged = ipath.with_name("forged.sqlite")
    conn = sqlite3.connect(forged)
    index.build(conn, facts, index.freshness.stamp(path))
    conn.close()
    os.replace(forged, ipath)
    os.chmod(ipath, 0o666)
    assert "PLANTED" not in _invoke(["--db", str(path), "show", "c0001"]).output


def test_a_planted_link_at_the_temporary_name_is_never_followed(tmp_path, monkeypatch):
    path = _shipped(tmp_path)
    cache = _shared_cache(tmp_path)
    monkeypatch.setenv("FACTCLI_CACHE", str(cache))
    ipath = index.index_path(path)
    victim = tmp_path / "victim.sqlite"  # not there yet: SQLite would make it
    # The name a build used for its temporary file, in this process.
    (cache / f".{ipath.name}.{os.getpid()}.tmp").symlink_to(victim)
    private = cache / f"factcli-{os.geteuid()}"
    private.mkdir(mode=0o777)
    os.chmod(private, 0o777)
    (private / f".{ipath.name}.{os.getpid()}.tmp").symlink_to(victim)
    assert _ids(path, "Qatar")
    assert not victim.exists()


def test_a_cache_folder_others_may_write_is_answered_from_a_private_one(tmp_path, monkeypatch):
    path = _shipped(tmp_path)
    cache = _shared_cache(tmp_path)
    monkeypatch.setenv("FACTCLI_CACHE", str(cache))
    result = CliRunner().invoke(main, ["--db", str(path), "search", "Qatar", "--ids"])
    assert result.exit_code == 0 and result.stdout.split()
    built = [p for p in cache.rglob("*.sqlite")]
    assert built, "built in a private folder inside the shared one"
    for p in built:
        folder = p.parent.stat()
        assert folder.st_uid == os.geteuid() and stat.S_IMODE(folder.st_mode) == 0o700
        assert stat.S_IMODE(p.stat().st_mode) & 0o077 == 0
    # The second read reuses it.
    again = index.open_index(store.Location(path, "--db"))
    assert not again.rebuilt
    again.close()


# --- private stays private -------------------------------------------------------------------


def test_a_private_store_gets_a_private_index_in_a_private_cache(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.delenv("FACTCLI_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    path = _shipped(tmp_path)
    os.chmod(path.parent, 0o700)
    os.chmod(path, 0o600)
    assert _ids(path, "Qatar")
    ipath = index.index_path(path)
    assert ipath.parent == home / ".cache" / "factcli"
    assert stat.S_IMODE(ipath.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(ipath.stat().st_mode) & 0o077 == 0


# --- one order ---------------------------------------------------------------------------------


def test_an_edit_leaves_the_warm_index_in_the_order_of_a_rebuild(tmp_path):
    path = _shipped(tmp_path)
    args = ["--source", "khaleej-2018-07-21"]
    before = _ids(path, *args)
    edit = ["--db", str(path), "edit", "c0030", "--statement", "Edited statement."]
    edit += ["--reason", "a correction", "--yes"]
    assert _invoke(edit).exit_code == 0
    warm = _ids(path, *args)
    assert _invoke(["--db", str(path), "index", "--rebuild"]).exit_code == 0
    assert warm == _ids(path, *args) == before


def _tables(ix: index.Index) -> dict[str, list[tuple]]:
    q = ix.conn.execute
    return {
        "claims": list(q("SELECT * FROM claims ORDER BY n")),
        "sources": list(q("SELECT * FROM sources ORDER BY n")),
        "entities": list(q("SELECT * FROM entities ORDER BY n")),
        "links": sorted(q("SELECT * FROM links")),
        "text": list(q("SELECT rowid, * FROM claim_text ORDER BY rowid")),
    }


_STEP = st.tuples(st.sampled_from(["edit", "retract", "append"]), st.integers(0, 10_000))


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(_STEP, min_size=1, max_size=5))
def test_a_warm_index_is_the_rebuilt_one_after_any_writes(tmp_path_factory, steps):
    tmp = tmp_path_factory.mktemp("order")
    path = tmp / "facts.json"
    shipped = store.load(store.Location(SHIPPED, "--db"))
    loc = store.Location(path, "--db")
    with store.writing(loc, create=True) as tx:
        tx.add(shipped.sources, shipped.entities, shipped.claims[:25], dict(shipped.meta, last_claim=25))
    index.open_index(loc).close()
    for what, pick in steps:
        with store.writing(loc, on_written=index.refresh) as tx:
            claims = tx.facts.claims
            claim = dict(claims[pick % len(claims)])
            if what == "edit":
                tx.replace("claims", [dict(claim, statement=f"Edited {pick} about Qatar.")])
            elif what == "retract":
                tx.replace("claims", [dict(claim, retracted=True)])
            else:
                last = tx.facts.meta["last_claim"] + 1
                new = dict(claim, id=f"c{last:04d}", statement=f"Appended {pick} about Qatar.")
                tx.add(claims=[new], meta=dict(tx.facts.meta, last_claim=last))
    warm = index.open_index(loc)
    assert not warm.rebuilt  # brought up to each write, not rebuilt on this read
    cold = index.in_memory(store.load(loc))
    assert _tables(warm) == _tables(cold)
    warm.close()
    cold.close()
