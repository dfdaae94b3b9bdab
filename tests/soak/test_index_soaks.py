"""Soaks of the derived index (`pytest -m soak`, each under a minute): writers SIGKILLed in
the index's commit while readers read; and another user planting files in a shared cache
while this one reads and writes. No read fails, no forged answer is given, nothing outside
the cache is written, and the store stays whole."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import CORPUS, SHIPPED, corpus_claims, nobody, read_jsonl

from factcli import index, store
from factcli.importer import import_records

pytestmark = pytest.mark.soak

KILLS = int(os.environ.get("FACTCLI_SOAK_KILLS", "12"))

# An import whose index update is killed after a random number of SQLite steps (or not at
# all), once the store is written.
_KILLED_IMPORT = """
import json, os, signal, sqlite3, sys
from pathlib import Path
from factcli import store
from factcli.importer import import_records
steps = int(sys.argv[3])
armed = []
real_write = store.atomic_write
def atomic_write(*a, **k):
    done = real_write(*a, **k)
    armed.append(1)
    return done
store.atomic_write = atomic_write
real_connect = sqlite3.connect
def connect(*a, **k):
    conn = real_connect(*a, **k)
    if armed and steps and ":memory:" not in str(a[0]):
        conn.execute("PRAGMA cache_size=1")
        conn.set_progress_handler(lambda: os.kill(os.getpid(), signal.SIGKILL), steps)
    return conn
sqlite3.connect = connect
records = [json.loads(line) for line in Path(sys.argv[2]).read_text().splitlines()]
import_records(store.Location(Path(sys.argv[1]), "--db"), records)
"""

# A reader that reads until told to stop, and reports every failed read.
_READER = """
import subprocess, sys, time
from pathlib import Path
db, stop, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
reads = failures = 0
commands = (["search", "Qatar", "--ids"], ["timeline", "qatar"], ["entities"], ["show", "c0001"])
while not stop.exists():
    for args in commands:
        done = subprocess.run([sys.executable, "-m", "factcli", "--db", db, *args], capture_output=True, text=True)
        reads += 1
        if done.returncode != 0 or "internal error" in done.stderr or "PLANTED" in done.stdout:
            failures += 1
            out.with_suffix(".err").write_text(" ".join(args) + "\\n" + done.stdout + done.stderr)
out.write_text(f"{reads} {failures}")
"""


def _claims() -> list[dict]:
    claims = [r for p in sorted(CORPUS.glob("claims-*.jsonl")) for r in read_jsonl(p)]
    return sorted(claims, key=lambda r: r["id"])


def _readers(path: Path, tmp: Path, n: int, env: dict[str, str]) -> tuple[Path, list[subprocess.Popen]]:
    stop = tmp / "stop"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _READER, str(path), str(stop), str(tmp / f"reader-{i}.out")], env=env
        )
        for i in range(n)
    ]
    return stop, procs


def _finish(stop: Path, procs: list[subprocess.Popen], tmp: Path) -> tuple[int, int]:
    stop.touch()
    reads = failures = 0
    for i, proc in enumerate(procs):
        proc.wait(timeout=60)
        r, f = (int(x) for x in (tmp / f"reader-{i}.out").read_text().split())
        reads, failures = reads + r, failures + f
    errors = [p.read_text() for p in tmp.glob("reader-*.err")]
    assert failures == 0, errors
    return reads, failures


def test_soak_writers_killed_in_the_index_commit_while_readers_read(tmp_path):
    path = tmp_path / "facts.json"
    claims = _claims()
    first = read_jsonl(CORPUS / "sources.jsonl") + read_jsonl(CORPUS / "entities.jsonl") + claims[:10]
    import_records(store.Location(path, "--db"), first, create=True)
    env = dict(os.environ)
    stop, readers = _readers(path, tmp_path, 2, env)
    rng = random.Random(int(os.environ.get("FACTCLI_SOAK_SEED", "25")))
    chunks = [claims[i : i + 12] for i in range(10, len(claims), 12)][:KILLS]
    killed = 0
    started = time.monotonic()
    for chunk in chunks:
        part = tmp_path / "part.jsonl"
        part.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk))
        steps = rng.choice([0, 500, 2000, 8000, 20000])
        done = subprocess.run(
            [sys.executable, "-c", _KILLED_IMPORT, str(path), str(part), str(steps)],
            capture_output=True, text=True, timeout=60, env=env,
        )  # fmt: skip
        assert done.returncode in (0, -9), done.stderr
        killed += done.returncode == -9
    reads, _ = _finish(stop, readers, tmp_path)
    stored = [c["id"] for c in store.load(store.Location(path, "--db")).claims]
    assert stored == [c["id"] for c in claims[: 10 + sum(len(c) for c in chunks)]]
    verify = subprocess.run(
        [sys.executable, "-m", "factcli", "--db", str(path), "verify"], capture_output=True
    )
    assert verify.returncode == 0, verify.stdout
    print(f"\nindex-commit kill soak: {len(chunks)} imports, {killed} killed, {reads} reads, 0 failed, "
          f"{time.monotonic() - started:.0f} s")  # fmt: skip


# Another user, planting in the shared cache: forged indexes at every name an index of the
# store may have, links at temporary names, a folder or a link at the private folder's name.
_PLANTER = """
import os, shutil, sys, time
from pathlib import Path
cache, forged, name, target, stop = (Path(a) for a in sys.argv[1:6])
uid = sys.argv[6]
planted = 0
print("ready", flush=True)
while not stop.exists():
    for victim in (cache / name.name, cache / ("factcli-" + uid) / name.name):
        try:
            tmp = cache / f".plant-{planted}"
            shutil.copyfile(forged, tmp)
            os.chmod(tmp, 0o644)
            os.replace(tmp, victim)
            planted += 1
        except OSError:
            pass
    for i in range(5):
        try:
            os.symlink(target / f"planted-{planted}-{i}", cache / f".{name.name}.{i}.tmp")
            planted += 1
        except OSError:
            pass
    try:
        os.symlink(target, cache / ("factcli-" + uid))
        planted += 1
    except OSError:
        pass
    time.sleep(0.01)
print(planted, flush=True)
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root, to run a process as another user")
def test_soak_another_user_plants_files_in_a_shared_cache(tmp_path):
    import sqlite3

    them = nobody()
    python, drop = them.python, them.drop
    cache = Path(tempfile.mkdtemp(prefix="factcli-cache-", dir="/tmp"))
    stop = cache.with_name(cache.name + ".stop")
    target = Path(tempfile.mkdtemp(prefix="factcli-target-", dir="/tmp"))
    try:
        cache.chmod(0o1777)
        target.chmod(0o777)  # where the planter would like this user's files to go
        path = tmp_path / "facts.json"
        path.write_bytes(SHIPPED.read_bytes())
        env = {**os.environ, "FACTCLI_CACHE": str(cache)}
        name = index.index_path(path, {"FACTCLI_CACHE": str(cache)})
        facts = store.load(store.Location(path, "--db"))
        facts.claims[0] = dict(facts.claims[0], statement="PLANTED by another user")
        forged = Path(tempfile.mkdtemp(prefix="factcli-forged-", dir="/tmp")) / "forged.sqlite"
        forged.parent.chmod(0o755)
        conn = sqlite3.connect(forged)
        index.build(conn, facts, index.freshness.stamp(path))
        conn.close()
        forged.chmod(0o644)
        planter = subprocess.Popen(
            [python, "-c", _PLANTER, str(cache), str(forged), str(name), str(target), str(stop),
             str(os.geteuid())],
            preexec_fn=drop, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert planter.stdout.readline() == "ready\n"
        readers_stop, readers = _readers(path, tmp_path, 2, env)
        text = facts.source("khaleej-2018-07-21")["text"]
        start = text.index("روسيا")
        for n in range(KILLS):
            quote = text[start : start + 30 + n]
            add = ["--db", str(path), "add", "--source", "khaleej-2018-07-21", "--quote", quote]
            add += ["--subject", "turkey", "--predicate", "considering", "--statement", f"Soak note {n}."]
            done = subprocess.run(
                [sys.executable, "-m", "factcli", *add], capture_output=True, text=True, env=env
            )
            assert done.returncode == 0, done.stderr
        reads, _ = _finish(readers_stop, readers, tmp_path)
        stop.touch()
        planter.wait(timeout=30)
        # Nothing of this user's written through a planted link (the planter's own files aside).
        assert [f.name for f in target.iterdir() if f.lstat().st_uid == os.geteuid()] == []
        show = subprocess.run(
            [sys.executable, "-m", "factcli", "--db", str(path), "show", "c0001"], capture_output=True, text=True,
            env=env,
        )  # fmt: skip
        assert show.returncode == 0 and "PLANTED" not in show.stdout
        verify = subprocess.run(
            [sys.executable, "-m", "factcli", "--db", str(path), "verify"], capture_output=True
        )
        assert verify.returncode == 0
        assert len(store.load(store.Location(path, "--db")).claims) == len(corpus_claims()) + KILLS
        print(f"\nshared-cache soak: {KILLS} writes, {reads} reads, 0 failed, no forged answer")
    finally:
        stop.touch()
        shutil.rmtree(cache, ignore_errors=True)
        stop.unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
