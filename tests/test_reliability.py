"""Real processes against one store: concurrent writers, writers killed with SIGKILL at
random moments, the command line on corrupt and read-only stores.

The default suite keeps these short; `pytest -m soak` runs the long versions.
"""

from __future__ import annotations

import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import SHIPPED, entity_record, source_record

from factcli import store
from factcli.importer import import_records
from factcli.verify import verify

FACTCLI = [sys.executable, "-m", "factcli"]
DEADLINE = 60  # seconds any one process may take before the test gives up on it


def env() -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k not in (store.ENV_VAR, "FACTCLI_DEBUG")}
    out["NO_COLOR"] = "1"
    return out


def cli(*args: str, cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*FACTCLI, *args], cwd=cwd, env=env(), input=input, capture_output=True, timeout=DEADLINE
    )


def loc(path: Path) -> store.Location:
    return store.Location(path, "--db")


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def synthetic(n_sentences: int) -> tuple[str, list[tuple[str, int]]]:
    """A source text of numbered sentences, and each sentence with its offset."""
    spans, parts, pos = [], [], 0
    for i in range(n_sentences):
        sentence = f"Report line {i}: the ministry confirmed delivery number {i}."
        spans.append((sentence, pos))
        parts.append(sentence + "\n")
        pos += len(sentence) + 1
    return "".join(parts), spans


def claims_for(spans: list[tuple[str, int]], tag: str) -> list[dict]:
    return [
        {
            "subject": "qatar",
            "predicate": "supports",
            "object": None,
            "statement": f"{tag} claim {i}.",
            "citation": {"source": "big", "quote": q, "start": start, "end": start + len(q)},
        }
        for i, (q, start) in enumerate(spans)
    ]


def make_store(path: Path, n_sentences: int) -> list[tuple[str, int]]:
    text, spans = synthetic(n_sentences)
    import_records(loc(path), [source_record("big", text), entity_record("qatar", "Qatar")], create=True)
    return spans


def jsonl(records: list[dict]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


# --- (a) writers at the same moment -------------------------------------------------


def _pending(pipe) -> int | None:
    """Bytes still unread in a pipe (Linux FIONREAD), or None where that is not known."""
    buf = bytearray(4)
    try:
        fcntl.ioctl(pipe.fileno(), termios.FIONREAD, buf)
    except OSError:
        return None
    return int.from_bytes(buf, sys.byteorder)


def race(
    path: Path, writers: int, per_writer: int, spans: list[tuple[str, int]], round_tag: str
) -> list[dict]:
    """`writers` imports of `per_writer` distinct claims each, released at the same moment.

    Each process gets its whole input but not the end of it: it reads, then waits for EOF.
    When every pipe is drained (all processes started and waiting), all inputs are closed
    together, so the imports contend for the lock at once.
    """
    batches = [
        claims_for(spans[w * per_writer : (w + 1) * per_writer], f"{round_tag} writer {w}")
        for w in range(writers)
    ]
    procs = [
        subprocess.Popen(
            [*FACTCLI, "--db", str(path), "import", "-"],
            cwd=path.parent,
            env=env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(writers)
    ]
    for proc, batch in zip(procs, batches, strict=True):
        proc.stdin.write(jsonl(batch))
        proc.stdin.flush()
    give_up = time.monotonic() + DEADLINE
    while time.monotonic() < give_up and any(_pending(p.stdin) for p in procs):
        time.sleep(0.005)
    for proc in procs:
        proc.stdin.close()
    results = []
    for proc in procs:
        err = proc.stderr.read().decode()
        proc.wait(timeout=DEADLINE)
        proc.stdout.close()
        proc.stderr.close()
        results.append({"rc": proc.returncode, "stderr": err})
    assert [r["rc"] for r in results] == [0] * writers, results
    return [c for b in batches for c in b]


def check_race(path: Path, expected: list[dict]) -> None:
    facts = store.load(loc(path))
    assert sorted(c["statement"] for c in facts.claims) == sorted(c["statement"] for c in expected)
    ids = [c["id"] for c in facts.claims]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == [f"c{i:04d}" for i in range(1, len(expected) + 1)]
    assert facts.meta["last_claim"] == len(expected)
    assert verify(facts) == []
    assert temps(path.parent) == []


def test_eight_concurrent_writers_lose_nothing(tmp_path):
    path = tmp_path / "facts.json"
    spans = make_store(path, 80)
    expected = race(path, writers=8, per_writer=10, spans=spans, round_tag="r0")
    check_race(path, expected)
    print(f"\nconcurrency: 1 round, 8 writers x 10 claims, stored {len(store.load(loc(path)).claims)} of 80")


@pytest.mark.soak
def test_soak_concurrent_writers(tmp_path):
    rounds, writers, per_writer = 50, 8, 10
    path = tmp_path / "facts.json"
    spans = make_store(path, rounds * writers * per_writer)
    expected: list[dict] = []
    for r in range(rounds):
        expected += race(path, writers, per_writer, spans[r * writers * per_writer :], f"r{r}")
        check_race(path, expected)
    print(f"\nconcurrency soak: {rounds} rounds x {writers} writers, stored {len(expected)} claims, lost 0")


# --- (b) writers killed at random moments -------------------------------------------

KILL_CLAIMS = 1500  # large enough that an import runs for a few hundred milliseconds


@pytest.fixture(scope="module")
def kill_setup(tmp_path_factory):
    """A base store with a few claims, a large import for it, and the store that import makes."""
    folder = tmp_path_factory.mktemp("kill-setup")
    base = folder / "base.json"
    spans = make_store(base, KILL_CLAIMS + 3)
    import_records(loc(base), claims_for(spans[:3], "old"))
    new_input = folder / "new.jsonl"
    new_input.write_bytes(jsonl(claims_for(spans[3:], "new")))

    full = folder / "full.json"
    shutil.copyfile(base, full)
    started = time.monotonic()
    done = cli("--db", str(full), "import", str(new_input), cwd=folder)
    duration = time.monotonic() - started  # only to choose kill moments, never asserted
    assert done.returncode == 0, done.stderr.decode()
    return {"base": base.read_bytes(), "full": full.read_bytes(), "input": new_input, "duration": duration}


def _wait_for_new_temp(proc: subprocess.Popen, folder: Path, old: list[str]) -> bool:
    """Poll until the writer has created its temp file (it is writing), or has exited."""
    give_up = time.monotonic() + DEADLINE
    while proc.poll() is None and time.monotonic() < give_up:
        if set(temps(folder)) - set(old):
            return True
    return False


def kill_runs(tmp_path: Path, setup: dict, runs: int, seed: int) -> dict[str, int]:
    """Half the kills at a random moment of the whole import (mostly while it validates),
    half at a random moment just after the writer's temp file appears: the write itself
    lasts a few milliseconds, and those kills are the ones that test the atomic replace."""
    rng = random.Random(seed)
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / "facts.json"
    outcome = {"old": 0, "old+new": 0, "killed": 0, "finished": 0, "killed_mid_write": 0, "max_temps": 0}
    for run in range(runs):
        path.write_bytes(setup["base"])  # the same starting point; stale temps stay in the folder
        stale = temps(folder)
        proc = start_import(path, setup["input"], folder)
        if run % 2:
            delay = rng.uniform(0.0, 0.004)
            writing = _wait_for_new_temp(proc, folder, stale)
            time.sleep(delay)
        else:
            delay = rng.uniform(0.0, setup["duration"] * 1.15)
            writing = False
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        rc = proc.wait(timeout=DEADLINE)
        outcome["killed" if rc == -signal.SIGKILL else "finished"] += 1
        where = f"run {run} (seed {seed}, kill after {delay:.3f}s{' of writing' if writing else ''}, rc {rc})"

        raw = path.read_bytes()
        assert raw in (setup["base"], setup["full"]), where
        facts = store.load(loc(path))
        assert verify(facts) == [], where
        outcome["old" if raw == setup["base"] else "old+new"] += 1
        if writing and rc == -signal.SIGKILL and raw == setup["base"]:
            outcome["killed_mid_write"] += 1
        # A writer killed mid-write leaves its temp file; the next writer removes it first.
        outcome["max_temps"] = max(outcome["max_temps"], len(temps(folder)))
        assert len(temps(folder)) <= 1, (where, temps(folder))

    # One more, uninterrupted write cleans whatever the last kill left.
    path.write_bytes(setup["base"])
    assert cli("--db", str(path), "import", str(setup["input"]), cwd=folder).returncode == 0
    assert temps(folder) == []
    assert path.read_bytes() == setup["full"]
    return outcome


def start_import(path: Path, records: Path, cwd: Path) -> subprocess.Popen:
    """A writer process to kill: `factcli import` of `records` into `path`."""
    return subprocess.Popen(
        [*FACTCLI, "--db", str(path), "import", str(records)],
        cwd=cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def test_killed_writers_leave_old_or_new_store(tmp_path, kill_setup):
    seed = random.randrange(1 << 30)
    outcome = kill_runs(tmp_path, kill_setup, runs=15, seed=seed)
    # kill_runs checks every run; this checks the runs were real kills, not finished imports.
    assert outcome["killed"] >= 5, outcome
    print(f"\nkill: 15 runs (seed {seed}, import ~{kill_setup['duration']:.2f}s): {outcome}, lost 0")


@pytest.mark.soak
def test_soak_killed_writers(tmp_path, kill_setup):
    seed = random.randrange(1 << 30)
    outcome = kill_runs(tmp_path, kill_setup, runs=200, seed=seed)
    assert outcome["killed"] >= 100 and outcome["killed_mid_write"] > 0, outcome
    print(f"\nkill soak: 200 runs (seed {seed}): {outcome}, lost 0")


def test_a_killed_writer_does_not_block_the_next_one(tmp_path, kill_setup):
    folder = tmp_path
    path = folder / "facts.json"
    path.write_bytes(kill_setup["base"])
    proc = start_import(path, kill_setup["input"], folder)
    time.sleep(kill_setup["duration"] / 2)
    proc.kill()
    proc.wait(timeout=DEADLINE)
    extra = {
        "subject": "qatar",
        "predicate": "supports",
        "statement": "One more.",
        "citation": {"source": "big", "quote": "Report line 0:"},
    }
    done = cli("--db", str(path), "import", "-", cwd=folder, input=jsonl([extra]))
    assert done.returncode == 0, done.stderr.decode()
    assert any(c["statement"] == "One more." for c in store.load(loc(path)).claims)


# --- (c) the command line on a corrupt store ----------------------------------------

CORRUPT = {
    "truncated": SHIPPED.read_bytes()[:5000],
    "not-json": b"this is not a store\n",
    "empty": b"",
    "wrong-shape": b'[{"meta": {}}]\n',
    "old-schema": json.dumps(
        {"meta": {"1": {"schema": 0}}, "sources": {}, "entities": {}, "claims": {}}
    ).encode(),
    "not-utf8": '{"meta": "قطر"}'.encode("cp1256"),
}

GOOD_INPUT = jsonl([entity_record("oman", "Oman")])


@pytest.mark.parametrize("command", ["verify", "sources", "import"])
@pytest.mark.parametrize("kind", list(CORRUPT))
def test_cli_on_a_corrupt_store_is_one_line_exit_2_and_changes_nothing(tmp_path, kind, command):
    path = tmp_path / "facts.json"
    path.write_bytes(CORRUPT[kind])
    args = ["--db", str(path), command] + (["-"] if command == "import" else [])
    done = cli(*args, cwd=tmp_path, input=GOOD_INPUT if command == "import" else None)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert err.startswith("factcli: ") and str(path) in err, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert done.stdout == b""
    assert path.read_bytes() == CORRUPT[kind]
    assert temps(tmp_path) == []


def test_cli_on_a_missing_store_names_it(tmp_path):
    path = tmp_path / "gone.json"
    done = cli("--db", str(path), "sources", cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2 and len(err.splitlines()) == 1 and str(path) in err, err
    assert not path.exists()


def test_cli_finds_the_store_through_the_environment(tmp_path):
    path = tmp_path / "elsewhere.json"
    path.write_bytes(b"")
    done = subprocess.run(
        [*FACTCLI, "sources"],
        cwd=tmp_path,
        env={**env(), store.ENV_VAR: str(path)},
        capture_output=True,
        timeout=DEADLINE,
    )
    assert done.returncode == 2 and str(path) in done.stderr.decode()


# --- (d) a read-only store ----------------------------------------------------------


@pytest.fixture
def read_only_store(tmp_path) -> Path:
    path = tmp_path / "facts.json"
    make_store(path, 3)
    path.with_name("facts.json.lock").unlink()
    path.chmod(0o444)
    yield path
    path.chmod(0o644)


def test_read_only_store_answers_queries_and_refuses_writes(read_only_store):
    path, folder = read_only_store, read_only_store.parent
    before = path.read_bytes()
    listed = cli("--db", str(path), "sources", "--json", cwd=folder)
    assert listed.returncode == 0, listed.stderr.decode()
    assert [s["id"] for s in json.loads(listed.stdout)] == ["big"]
    assert cli("--db", str(path), "verify", cwd=folder).returncode == 0

    done = cli("--db", str(path), "import", "-", cwd=folder, input=GOOD_INPUT)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert len(err.splitlines()) == 1 and "read-only" in err and str(path) in err, err
    assert path.read_bytes() == before
    assert temps(folder) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root creates files in a read-only folder anyway")
def test_store_in_a_read_only_folder_refuses_writes(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "facts.json"
    make_store(path, 3)
    before = path.read_bytes()
    folder.chmod(0o555)
    try:
        assert cli("--db", str(path), "sources", cwd=tmp_path).returncode == 0
        done = cli("--db", str(path), "import", "-", cwd=tmp_path, input=GOOD_INPUT)
        err = done.stderr.decode()
        assert done.returncode == 2 and len(err.splitlines()) == 1 and str(path) in err, err
        assert "Traceback" not in err and "internal error" not in err, err
        assert path.read_bytes() == before
    finally:
        folder.chmod(0o755)
