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
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import SHIPPED, entity_record, nobody, read_only_folder, source_record

from factcli import store
from factcli.cli import main
from factcli.errors import StoreError
from factcli.ids import CLAIM_NUMBER, is_claim_id
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


def in_process(*args: str, cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    """What `cli` returns, from factcli's entry point run in this process.

    `FactcliGroup.main` turns errors into lines on stderr and exit codes here exactly as
    under `python -m factcli`, without the interpreter's start-up; each group below keeps a
    real process for one case of each kind of error, and the rest come here. An exception
    that escaped the entry point (a real process would print it as a traceback) fails the test.
    """
    here = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(
            main,
            list(args),
            input=input,
            env={store.ENV_VAR: None, "FACTCLI_DEBUG": None, "NO_COLOR": "1"},
        )
    finally:
        os.chdir(here)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
    return subprocess.CompletedProcess(
        [*FACTCLI, *args], result.exit_code, result.stdout_bytes, result.stderr_bytes
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


def claims_for(spans: list[tuple[str, int]], tag: str, first_id: int | None = None) -> list[dict]:
    """Claims quoting `spans`; numbered from `first_id` (c0004, ...) when given, so two
    imports of them make the same bytes, else given new ids by the import."""
    return [
        {
            **({"id": f"c{first_id + i:04d}"} if first_id is not None else {}),
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


def _released_at_once(path: Path, batches: list[list[dict]]) -> list[dict]:
    """One `import -` into `path` per batch, released at the same moment: each process gets
    its whole input but not the end of it (it reads, then waits for EOF); when every pipe is
    drained, all inputs are closed together, so the imports contend at once. Every one must
    succeed; the claims of all the batches."""
    writers = len(batches)
    procs = [
        subprocess.Popen(
            [*FACTCLI, "--db", str(path), "import", "-"],
            cwd=path.parent,
            env=env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in batches
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
    return _released_at_once(path, batches)


def check_race(path: Path, expected: list[dict]) -> None:
    facts = store.load(loc(path))
    assert sorted(c["statement"] for c in facts.claims) == sorted(c["statement"] for c in expected)
    ids = [c["id"] for c in facts.claims]
    assert len(ids) == len(set(ids)) == len(expected)
    assert all(is_claim_id(i) for i in ids)
    assert facts.meta["last_claim"] == 0  # the counter of numbered ids is not used for new claims
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
    import_records(loc(base), claims_for(spans[:3], "old", first_id=1))
    new_input = folder / "new.jsonl"
    new_input.write_bytes(jsonl(claims_for(spans[3:], "new", first_id=4)))

    full = folder / "full.json"
    shutil.copyfile(base, full)
    started = time.monotonic()
    done = cli("--db", str(full), "import", str(new_input), cwd=folder)
    duration = time.monotonic() - started  # only to choose kill moments, never asserted
    assert done.returncode == 0, done.stderr.decode()
    return {"base": base.read_bytes(), "full": full.read_bytes(), "input": new_input, "duration": duration}


def _is_writing(proc: subprocess.Popen, folder: Path) -> bool:
    """Whether the writer holds its new file open (in its private folder beside the store)."""
    try:
        fds = os.listdir(f"/proc/{proc.pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            target = os.readlink(f"/proc/{proc.pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith(f"{folder}/.factcli-") and target.endswith(".tmp/new"):
            return True
    return False


def _wait_until_writing(proc: subprocess.Popen, folder: Path) -> bool:
    """Poll until the writer is writing its new file, or has exited."""
    give_up = time.monotonic() + DEADLINE
    while proc.poll() is None and time.monotonic() < give_up:
        if _is_writing(proc, folder):
            return True
    return False


def regular_temps(folder: Path) -> list[str]:
    # An attacker's links named like temp files are not the writers' leftovers.
    return [n for n in temps(folder) if not (folder / n).is_symlink()]


def kill_runs(
    tmp_path: Path, setup: dict, kills: int, seed: int, folder: Path | None = None, secret: Path | None = None
) -> dict[str, int]:
    """Writers killed until `kills` of them died before finishing (at most 4 × `kills` runs).
    Half the kills at a random moment of the whole import (mostly while it validates),
    half at a random moment just after the writer starts writing its new file: the write
    itself lasts a few milliseconds, and those kills are the ones that test the atomic
    replace. A writer that finished before its kill still has its store checked; the next
    kill of its kind comes sooner (the machine is faster than the estimate), so the count
    of kills does not depend on how busy the machine is. With `secret`, an attacker is
    swapping files in `folder` for links to it: after every run it must be unchanged."""
    rng = random.Random(seed)
    if folder is None:
        folder = tmp_path / "store"
        folder.mkdir()
    path = folder / "facts.json"
    before = fingerprint(secret) if secret else None
    outcome = {
        "old": 0,
        "old+new": 0,
        "killed": 0,
        "finished": 0,
        "refused": 0,
        "killed_mid_write": 0,
        "max_temps": 0,
        "runs": 0,
    }
    whole = setup["duration"] * 1.15  # the longest wait before a kill of the whole import
    writing_window = 0.004  # the longest wait after the new file is opened
    run = 0
    while outcome["killed"] < kills and run < 4 * kills:
        path.write_bytes(setup["base"])  # the same starting point; stale temps stay in the folder
        proc = start_import(path, setup["input"], folder)
        if run % 2:
            delay = rng.uniform(0.0, writing_window)
            writing = _wait_until_writing(proc, folder)
            time.sleep(delay)
        else:
            delay = rng.uniform(0.0, whole)
            writing = False
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        rc = proc.wait(timeout=DEADLINE)
        outcome["killed" if rc == -signal.SIGKILL else "finished" if rc == 0 else "refused"] += 1
        where = f"run {run} (seed {seed}, kill after {delay:.3f}s{' of writing' if writing else ''}, rc {rc})"
        if rc == 0:  # finished before the kill: aim earlier next time
            if run % 2:
                writing_window = max(writing_window / 2, 0.0002)
            else:
                whole = max(min(whole, delay) * 0.8, 0.01)

        raw = path.read_bytes()
        assert not path.is_symlink(), where
        assert raw in (setup["base"], setup["full"]), where  # not corrupt
        if rc == 0:
            assert raw == setup["full"], where  # a finished import is never lost
        assert rc in (0, 2, -signal.SIGKILL), where
        facts = store.load(loc(path))
        assert verify(facts) == [], where
        if secret is not None:
            assert fingerprint(secret) == before, where
        outcome["old" if raw == setup["base"] else "old+new"] += 1
        if writing and rc == -signal.SIGKILL and raw == setup["base"]:
            outcome["killed_mid_write"] += 1
        elif writing and rc == -signal.SIGKILL:
            # Killed after its new file had replaced the store (the write is quicker than the
            # window on this machine now): aim the next writing kill earlier, as above.
            writing_window = max(writing_window / 2, 0.0002)
        # A writer killed mid-write may leave its temp file; the next writer removes it first.
        outcome["max_temps"] = max(outcome["max_temps"], len(regular_temps(folder)))
        assert len(regular_temps(folder)) <= 1, (where, temps(folder))
        run += 1
    outcome["runs"] = run
    return outcome


def finish_cleanly(folder: Path, setup: dict) -> None:
    """One more, uninterrupted write cleans whatever the last kill left."""
    path = folder / "facts.json"
    path.write_bytes(setup["base"])
    assert cli("--db", str(path), "import", str(setup["input"]), cwd=folder).returncode == 0
    assert regular_temps(folder) == []
    assert path.read_bytes() == setup["full"]


def interruptible() -> None:
    """Run in a writer's child before factcli starts: Ctrl-C's signal as a terminal delivers
    it. A test run started in the background inherits SIGINT ignored, and a Python started
    with it ignored never raises KeyboardInterrupt, so a test of Ctrl-C would test nothing."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_import(path: Path, records: Path, cwd: Path) -> subprocess.Popen:
    """A writer process to kill: `factcli import` of `records` into `path`."""
    return subprocess.Popen(
        [*FACTCLI, "--db", str(path), "import", str(records)],
        cwd=cwd,
        env=env(),
        preexec_fn=interruptible,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_killed_writers_leave_old_or_new_store(tmp_path, kill_setup):
    seed = random.randrange(1 << 30)
    # Two kills: runs alternate a kill anywhere in the import with one just after the new
    # file is opened, so each kind gets one; `pytest -m soak` runs a hundred.
    outcome = kill_runs(tmp_path, kill_setup, kills=2, seed=seed)
    finish_cleanly(tmp_path / "store", kill_setup)
    # kill_runs checks every run; this checks the runs were real kills, not finished imports.
    assert outcome["killed"] >= 2, outcome
    print(
        f"\nkill: {outcome['runs']} runs (seed {seed}, import ~{kill_setup['duration']:.2f}s): {outcome}, lost 0"
    )


@pytest.mark.soak
def test_soak_killed_writers(tmp_path, kill_setup):
    seed = random.randrange(1 << 30)
    outcome = kill_runs(tmp_path, kill_setup, kills=100, seed=seed)
    finish_cleanly(tmp_path / "store", kill_setup)
    assert outcome["killed"] >= 100 and outcome["killed_mid_write"] > 0, outcome
    print(f"\nkill soak: {outcome['runs']} runs (seed {seed}): {outcome}, lost 0")


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
    # The next writer may as well be this process: what the dead one left is the subject.
    done = in_process("--db", str(path), "import", "-", cwd=folder, input=jsonl([extra]))
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

# Each kind of damage is read by a real process under one command (each command gets
# two); the other commands on it run in this process.
CORRUPT_REAL = {
    "truncated": "verify",
    "not-json": "sources",
    "empty": "import",
    "wrong-shape": "verify",
    "old-schema": "sources",
    "not-utf8": "import",
}


@pytest.mark.parametrize("command", ["verify", "sources", "import"])
@pytest.mark.parametrize("kind", list(CORRUPT))
def test_cli_on_a_corrupt_store_is_one_line_exit_2_and_changes_nothing(tmp_path, kind, command):
    path = tmp_path / "facts.json"
    path.write_bytes(CORRUPT[kind])
    args = ["--db", str(path), command] + (["-"] if command == "import" else [])
    run = cli if CORRUPT_REAL[kind] == command else in_process
    done = run(*args, cwd=tmp_path, input=GOOD_INPUT if command == "import" else None)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert err.startswith("factcli: ") and str(path) in err, err
    assert "Traceback" not in err and "internal error" not in err, err
    assert done.stdout == b""
    assert path.read_bytes() == CORRUPT[kind]
    assert temps(tmp_path) == []


def test_cli_on_a_missing_store_names_it(tmp_path):
    # A real process does the same in test_only_a_regular_file_is_a_store[missing-command0].
    path = tmp_path / "gone.json"
    done = in_process("--db", str(path), "sources", cwd=tmp_path)
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
    path.with_name("facts.json.lock").unlink(missing_ok=True)
    path.chmod(0o444)
    yield path
    path.chmod(0o644)


def test_read_only_store_answers_queries_and_refuses_writes(read_only_store):
    path, folder = read_only_store, read_only_store.parent
    before = path.read_bytes()
    listed = in_process("--db", str(path), "sources", "--json", cwd=folder)
    assert listed.returncode == 0, listed.stderr.decode()
    assert [s["id"] for s in json.loads(listed.stdout)] == ["big"]
    assert in_process("--db", str(path), "verify", cwd=folder).returncode == 0

    # The refused write in a real process: the process's own user meets the file mode.
    done = cli("--db", str(path), "import", "-", cwd=folder, input=GOOD_INPUT)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert len(err.splitlines()) == 1 and "read-only" in err and str(path) in err, err
    assert path.read_bytes() == before
    assert temps(folder) == []


def test_store_in_a_read_only_folder_refuses_writes(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "facts.json"
    make_store(path, 3)
    before, listed = path.read_bytes(), sorted(folder.iterdir())
    with read_only_folder(folder):
        assert cli("--db", str(path), "sources", cwd=tmp_path).returncode == 0
        done = cli("--db", str(path), "import", "-", cwd=tmp_path, input=GOOD_INPUT)
        err = done.stderr.decode()
        assert done.returncode == 2 and len(err.splitlines()) == 1 and str(path) in err, err
        assert "Traceback" not in err and "internal error" not in err, err
        assert path.read_bytes() == before
        assert sorted(folder.iterdir()) == listed


# --- (e) a store in a folder other people can write to --------------------------------
#
# These run as root, which is how the problems were found: root follows any link and may
# write any file, so a hostile neighbour's links are what matter. The neighbour is a real
# process running as an unprivileged user.

ATTACKER = r"""
import os, signal, stat, sys
folder, target, store_name = sys.argv[1], sys.argv[2], sys.argv[3]
swaps = {"temp": 0, "lock": 0, "other": 0}
def report(*_):
    sys.stdout.write("%d %d %d\n" % (swaps["temp"], swaps["lock"], swaps["other"]))
    sys.stdout.flush()
    os._exit(0)
signal.signal(signal.SIGTERM, report)
seen = set()
n = 0
sys.stdout.write("ready\n")
sys.stdout.flush()
while True:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        continue
    for e in entries:
        # The store itself is left alone: replacing it is deleting it, which write
        # permission on the folder allows and no writer can prevent.
        if e.name in store_name.split(",") or e.name.startswith(".atk-"):
            continue
        try:
            st = e.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISLNK(st.st_mode) or (e.name, st.st_ino) in seen:
            continue
        seen.add((e.name, st.st_ino))
        n += 1
        link = os.path.join(folder, ".atk-%d" % n)
        try:
            os.symlink(target, link)
            if stat.S_ISDIR(st.st_mode):  # a link cannot replace a folder: move it away first
                os.rename(os.path.join(folder, e.name), os.path.join(folder, ".atk-moved-%d" % n))
            os.rename(link, os.path.join(folder, e.name))
        except OSError:
            try:
                os.unlink(link)
            except OSError:
                pass
            continue
        kind = "temp" if e.name.endswith(".tmp") else "lock" if e.name.endswith(".lock") else "other"
        swaps[kind] += 1
"""


@pytest.fixture(scope="module")
def neighbour():
    """(uid, gid, python) of an unprivileged user who can run a Python interpreter."""
    them = nobody()
    return them.uid, them.gid, them.python


@pytest.fixture
def shared_folder():
    """A folder everyone may write to, without the sticky bit: the worst case."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="factcli-shared-", dir="/tmp"))
    folder.chmod(0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def root_secret(tmp_path) -> Path:
    """A root-only file the neighbour would like root to change."""
    secret = tmp_path / "secret"
    secret.write_bytes(b"root's own data\n")
    secret.chmod(0o600)
    return secret


def fingerprint(path: Path) -> tuple:
    st = os.lstat(path)
    return (st.st_mode, st.st_uid, st.st_gid, st.st_size, st.st_mtime_ns, path.read_bytes())


class Attacker:
    """The neighbour: swaps every new file in `folder` (but the store) for a link to `target`."""

    def __init__(self, neighbour: tuple[int, int, str], folder: Path, target: Path, store_name: str) -> None:
        uid, gid, python = neighbour

        def drop() -> None:
            os.setgid(gid)
            os.setuid(uid)

        self.proc = subprocess.Popen(
            [python, "-c", ATTACKER, str(folder), str(target), store_name],
            preexec_fn=drop,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout.readline() == "ready\n"

    def stop(self) -> dict[str, int]:
        self.proc.send_signal(signal.SIGTERM)
        out, _ = self.proc.communicate(timeout=DEADLINE)
        temp, lock, other = (int(x) for x in out.split())
        return {"temp": temp, "lock": lock, "other": other}


def one_claim(i: int) -> dict:
    return {
        "subject": "qatar",
        "predicate": "supports",
        "statement": f"Shared-folder claim {i}.",
        "citation": {"source": "big", "quote": f"Report line {i}:"},
    }


real_fsync = os.fsync


def slow_fsync(fd: int) -> None:
    real_fsync(fd)
    time.sleep(0.02)


def test_swapping_temp_and_lock_files_for_links_changes_no_other_file(shared_folder, root_secret, neighbour):
    path = shared_folder / "facts.json"
    make_store(path, 60)
    secret = fingerprint(root_secret)
    attacker = Attacker(neighbour, shared_folder, root_secret, path.name)
    imported: list[str] = []
    refused = 0
    reasons: list[str] = []
    try:
        for i in range(20):
            if i % 4 == 1:
                # The CLI, as users run it, at its own speed: five of the twenty writes
                # (each costs a process start; the slowed writes below give the attacker more).
                done = cli("--db", str(path), "import", "-", cwd=shared_folder, input=jsonl([one_claim(i)]))
                assert done.returncode in (0, 2), done.stderr.decode()
                ok = done.returncode == 0
                if not ok:
                    err = done.stderr.decode()
                    assert len(err.splitlines()) == 1 and "internal error" not in err, err
                    reasons.append(err.split(": ", 2)[-1][:60])
            else:
                # In this process, with every fsync slowed down: the attacker gets all the
                # time it wants between the new file's creation and the rename.
                store.os.fsync = slow_fsync
                try:
                    import_records(loc(path), [one_claim(i)])
                    ok = True
                except StoreError as exc:
                    reasons.append(str(exc).split(": ", 1)[-1][:60])
                    ok = False
                finally:
                    store.os.fsync = real_fsync
            if ok:
                imported.append(f"Shared-folder claim {i}.")
            else:
                refused += 1
            assert fingerprint(root_secret) == secret, f"write {i} changed the target"
            assert not path.is_symlink() and path.is_file()
    finally:
        swaps = attacker.stop()
    facts = store.load(loc(path))
    assert verify(facts) == []
    assert sorted(c["statement"] for c in facts.claims) == sorted(imported)
    assert fingerprint(root_secret) == secret
    assert swaps["temp"] + swaps["lock"] > 0, swaps  # the attacker got in, and nothing followed
    print(
        f"\nswap race: 20 writes, {len(imported)} stored, {refused} refused {sorted(set(reasons))}, "
        f"attacker swaps {swaps}"
    )


def test_a_planted_lock_link_is_not_followed(tmp_path, root_secret):
    path = tmp_path / "facts.json"
    make_store(path, 3)
    lock = path.with_name("facts.json.lock")
    lock.unlink(missing_ok=True)
    elsewhere = tmp_path / "made-by-root"
    # A real process writes past the link to the secret, this process past the dangling one.
    for target, run in ((root_secret, cli), (elsewhere, in_process)):
        before = fingerprint(root_secret)
        lock.symlink_to(target)
        done = run("--db", str(path), "import", "-", cwd=tmp_path, input=GOOD_INPUT)
        assert done.returncode == 0, done.stderr.decode()
        assert not lock.is_symlink()  # the link went; the lock file made in its place, after the write
        assert fingerprint(root_secret) == before
        assert not elsewhere.exists()
        lock.unlink(missing_ok=True)
    assert store.load(loc(path)).entity("oman") is not None


def test_a_link_made_by_another_user_in_a_shared_folder_is_not_written_through(
    shared_folder, root_secret, neighbour
):
    uid, gid, _ = neighbour
    real = shared_folder / "real.json"
    make_store(real, 3)
    link = shared_folder / "facts.json"
    link.symlink_to(root_secret)
    os.lchown(link, uid, gid)
    before = fingerprint(root_secret)
    done = cli("--db", str(link), "import", "-", cwd=shared_folder, input=GOOD_INPUT)
    err = done.stderr.decode()
    assert done.returncode == 2 and len(err.splitlines()) == 1 and "another user" in err, err
    assert fingerprint(root_secret) == before
    # root's own link there is still written through, as anywhere (the same path, in this process).
    link.unlink()
    link.symlink_to(real)
    done = in_process("--db", str(link), "import", "-", cwd=shared_folder, input=GOOD_INPUT)
    assert done.returncode == 0, done.stderr.decode()
    assert link.is_symlink() and store.load(loc(real)).entity("oman") is not None


def test_root_writing_a_users_store_keeps_its_owner_and_mode(tmp_path, neighbour):
    uid, gid, _ = neighbour
    folder = tmp_path / "home"
    folder.mkdir()
    path = folder / "facts.json"
    make_store(path, 3)
    path.with_name("facts.json.lock").unlink(missing_ok=True)
    os.chown(folder, uid, gid)
    folder.chmod(0o700)
    os.chown(path, uid, gid)
    path.chmod(0o640)
    done = cli("--db", str(path), "import", "-", cwd=tmp_path, input=GOOD_INPUT)
    assert done.returncode == 0, done.stderr.decode()
    st = path.stat()
    assert (st.st_uid, st.st_gid, st.st_mode & 0o7777) == (uid, gid, 0o640)
    assert not path.with_name("facts.json.lock").exists()  # a private folder: no lock file left
    assert store.load(loc(path)).entity("oman") is not None


# --- (f) the lock: removed, held, waited for, interrupted -----------------------------


def _lock_is_held(lock: Path) -> bool:
    try:
        fd = os.open(lock, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def test_removing_the_lock_during_a_long_import_loses_no_claim_and_reuses_no_id(tmp_path, kill_setup):
    folder = tmp_path
    path = folder / "facts.json"
    lock = path.with_name("facts.json.lock")
    for round_ in range(3):
        path.write_bytes(kill_setup["base"])
        long_import = start_import(path, kill_setup["input"], folder)
        give_up = time.monotonic() + DEADLINE
        while not _lock_is_held(lock) and long_import.poll() is None and time.monotonic() < give_up:
            time.sleep(0.002)
        lock.unlink()  # a tidy-up script, or a user, removes it while the writer holds it
        short = cli("--db", str(path), "import", "-", cwd=folder, input=jsonl([one_claim(0)]))
        long_rc = long_import.wait(timeout=DEADLINE)
        facts = store.load(loc(path))
        assert verify(facts) == []
        ids = [c["id"] for c in facts.claims]
        assert len(ids) == len(set(ids)), f"round {round_}: an id was reused"
        statements = {c["statement"] for c in facts.claims}
        if short.returncode == 0:
            assert "Shared-folder claim 0." in statements, (
                f"round {round_}: the short import's claim was lost"
            )
        if long_rc == 0:
            assert "new claim 0." in statements and "new claim 1499." in statements, f"round {round_}"
        assert 0 in (short.returncode, long_rc), (short.stderr, long_rc)
        assert {short.returncode, long_rc} <= {0, 2}
        numbered = [int(i[1:]) for i in ids if CLAIM_NUMBER.match(i)]
        assert facts.meta["last_claim"] == max(numbered)


@pytest.fixture
def held_lock(tmp_path):
    """A store whose lock another writer holds (this test process) until released."""
    path = tmp_path / "facts.json"
    make_store(path, 3)
    fd = os.open(path.with_name("facts.json.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    state = {"path": path, "fd": fd}
    yield state
    if state["fd"] is not None:
        os.close(fd)


def _writer(path: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*FACTCLI, *options, "--db", str(path), "import", "-"],
        cwd=path.parent,
        env=env(),
        preexec_fn=interruptible,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _first_stderr_line(proc: subprocess.Popen) -> str:
    return proc.stderr.readline().decode()


def test_a_writer_behind_a_held_lock_says_so_and_gives_up_after_wait(held_lock):
    path = held_lock["path"]
    before = path.read_bytes()
    proc = _writer(path, "--wait", "1.5")
    _, err = proc.communicate(GOOD_INPUT, timeout=DEADLINE)
    err = err.decode()
    assert proc.returncode == 2, err
    lines = err.splitlines()
    assert lines[0] == "factcli: waiting for another writer…", err
    assert len(lines) == 2 and "gave up" in lines[1] and "nothing was written" in lines[1], err
    assert path.read_bytes() == before


def test_a_waiting_writer_goes_ahead_when_the_lock_is_released(held_lock):
    path = held_lock["path"]
    proc = _writer(path, "--wait", "60")
    proc.stdin.write(GOOD_INPUT)
    proc.stdin.close()
    assert _first_stderr_line(proc) == "factcli: waiting for another writer…\n"
    os.close(held_lock["fd"])
    held_lock["fd"] = None
    assert proc.wait(timeout=DEADLINE) == 0, proc.stderr.read()
    assert store.load(loc(path)).entity("oman") is not None


def test_ctrl_c_while_waiting_for_the_lock_exits_130_and_writes_nothing(held_lock):
    path = held_lock["path"]
    before = path.read_bytes()
    proc = _writer(path)  # the default --wait is longer than this test waits
    proc.stdin.write(GOOD_INPUT)
    proc.stdin.close()
    assert _first_stderr_line(proc) == "factcli: waiting for another writer…\n"
    proc.send_signal(signal.SIGINT)
    rc = proc.wait(timeout=DEADLINE)
    err = proc.stderr.read().decode()
    # The stderr says which path a wrong exit took (gave up after --wait, aborted, ...).
    assert rc == 130, (rc, err)
    assert err == "factcli: interrupted\n" or err.strip() == "factcli: interrupted", err
    assert path.read_bytes() == before


def test_ctrl_c_while_writing_exits_130_and_leaves_the_old_store(tmp_path, kill_setup):
    path = tmp_path / "facts.json"
    path.write_bytes(kill_setup["base"])
    proc = start_import(path, kill_setup["input"], tmp_path)
    lock = path.with_name("facts.json.lock")
    give_up = time.monotonic() + DEADLINE
    while not _lock_is_held(lock) and proc.poll() is None and time.monotonic() < give_up:
        time.sleep(0.002)
    proc.send_signal(signal.SIGINT)
    rc = proc.wait(timeout=DEADLINE)
    assert rc in (130, 0)  # 0 only if the import had already finished
    assert path.read_bytes() == (kill_setup["base"] if rc == 130 else kill_setup["full"])
    assert temps(tmp_path) == []


# --- (g) files that are not stores, and sizes beyond the limit -------------------------

ADD = [
    "add",
    "--source",
    "big",
    "--quote",
    "Report line 0:",
    "--subject",
    "qatar",
    "--predicate",
    "supports",
    "--statement",
    "Qatar supports it.",
]


# A FIFO or /dev/zero could hang a read that is not refused in time: every command meets
# them in a real process, with its timeout. Each other kind gets one real process (one
# command each), and the rest run in this process.
NOT_STORES = ["fifo", "/dev/zero", "/dev/null", "folder", "socket", "missing"]
REGULAR_REAL = {"/dev/null": "verify", "folder": "add", "socket": "import", "missing": "sources"}


@pytest.mark.parametrize("command", [["sources"], ["verify"], ADD, ["import", "-"]])
@pytest.mark.parametrize("kind", NOT_STORES)
def test_only_a_regular_file_is_a_store(tmp_path, kind, command):
    import socket

    target = {
        "fifo": tmp_path / "pipe.json",
        "folder": tmp_path / "dir.json",
        "socket": tmp_path / "sock.json",
        "missing": tmp_path / "typo.json",
    }.get(kind, Path(kind))
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    before = sorted(p.name for p in tmp_path.iterdir())
    run = cli if REGULAR_REAL.get(kind, command[0]) == command[0] else in_process
    done = run("--db", str(target), *command, cwd=tmp_path, input=GOOD_INPUT if "import" in command else None)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert len(err.splitlines()) == 1 and str(target) in err and "internal error" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no lock file, nothing at all
    assert not Path(str(target) + ".lock").exists()
    if kind == "socket":
        sock.close()


def test_a_store_beyond_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "facts.json"
    make_store(path, 3)
    with open(path, "ab") as fh:
        fh.truncate(3 * 2**20)  # a 3 MiB file, sparse
    done = subprocess.run(
        [*FACTCLI, "--db", str(path), "sources"],
        cwd=tmp_path,
        capture_output=True,
        env={**env(), store.MAX_BYTES_VAR: "2"},
        timeout=DEADLINE,
    )
    err = done.stderr.decode()
    assert done.returncode == 2 and len(err.splitlines()) == 1, err
    assert "at most 2 MiB" in err and str(path) in err


def test_import_input_beyond_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "facts.json"
    make_store(path, 3)
    before = path.read_bytes()
    for source in (["/dev/zero"], ["-"]):
        done = subprocess.run(
            [*FACTCLI, "--db", str(path), "import", *source],
            cwd=tmp_path,
            capture_output=True,
            input=b" " * (3 * 2**20) if source == ["-"] else None,
            env={**env(), store.MAX_BYTES_VAR: "2"},
            timeout=DEADLINE,
        )
        err = done.stderr.decode()
        assert done.returncode == 2 and len(err.splitlines()) == 1 and "internal error" not in err, err
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["/dev/stdin", "-"])
def test_import_from_a_pipe_still_works(tmp_path, name):
    path = tmp_path / "facts.json"
    make_store(path, 3)
    feeder = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    importer = subprocess.Popen(
        [*FACTCLI, "--db", str(path), "import", name],
        cwd=tmp_path,
        env=env(),
        stdin=feeder.stdout,
        stderr=subprocess.PIPE,
    )
    feeder.stdout.close()
    feeder.stdin.write(GOOD_INPUT)
    feeder.stdin.close()
    _, err = importer.communicate(timeout=DEADLINE)
    feeder.wait(timeout=DEADLINE)
    assert importer.returncode == 0, err.decode()
    assert store.load(loc(path)).entity("oman") is not None


# --- (h) pipes closed early, and names echoed ------------------------------------------


@pytest.mark.parametrize(
    "command", [["timeline"], ["search", "S-400"], ["sources", "--json"], ["show", "c0001"]]
)
def test_a_reader_that_closes_the_pipe_early_ends_factcli_quietly(tmp_path, command):
    proc = subprocess.Popen(
        [*FACTCLI, "--db", str(SHIPPED), *command],
        cwd=tmp_path,
        env=env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.close()  # like `| head -0`: gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=DEADLINE) == 0, err
    assert err == ""


def test_a_store_path_with_escape_sequences_is_echoed_clean(tmp_path):
    folder = tmp_path / "a\x1b[31mred\x1b]0;title\x07"
    folder.mkdir()
    path = folder / "facts.json"
    make_store(path, 3)
    done = cli("--db", str(path), "import", "-", cwd=tmp_path, input=GOOD_INPUT)
    # The same entry point in this process, for a report on stdout and an error on stderr.
    checked = in_process("--db", str(path), "verify", cwd=tmp_path)
    missing = in_process("--db", str(folder / "gone\x1b[2J.json"), "sources", cwd=tmp_path)
    assert done.returncode == 0 and checked.returncode == 0 and missing.returncode == 2
    for out in (done.stderr, checked.stdout, missing.stderr):
        assert out and b"\x1b" not in out and b"\x07" not in out, out


# --- (i) every value checked: bad input and hand-edited stores are one clear answer -------

BASE_CLAIM = {
    "subject": "qatar",
    "predicate": "supports",
    "statement": "Qatar supports it.",
    "citation": {"source": "big", "quote": "Report line 1:"},
}
MONTH_9999 = {"start": "9999-12-01", "end": "9999-12-31", "precision": "month", "text": "December 9999"}
YEAR_0 = {"start": "0000-01-01", "end": "0000-12-31", "precision": "year", "text": "year 0"}

BAD_RECORDS = {
    "polarity empty": ({"polarity": ""}, "polarity"),
    "polarity a number": ({"polarity": 1}, "polarity"),
    "modality a list": ({"modality": []}, "modality"),
    "modality an object": ({"modality": {}}, "modality"),
    "date year 0 as words": ({"date": "0000"}, "date"),
    "date year 0 as a DATE": ({"date": YEAR_0}, "date"),
    "date December 9999 as words": ({"date": "9999-12"}, "date"),
    "date December 9999 as a DATE": ({"date": MONTH_9999}, "date"),
    "date 30 February": ({"date": "2019-02-30"}, "date"),
    "id of 5000 digits": ({"id": "c" + "7" * 5000}, "id"),
    "id of 10 digits": ({"id": "c1234567890"}, "id"),
    "lone surrogate": ({"statement": "Qatar \ud800 supports it."}, "statement"),
    "subject a list": ({"subject": ["qatar"]}, "subject"),
    "name too long": ({"subject": "q" * 5000}, "subject"),
}


# One bad value of each field is refused by a real process; the others in this process.
BAD_RECORDS_REAL = {
    "polarity empty",
    "modality a list",
    "date December 9999 as a DATE",
    "id of 5000 digits",
    "lone surrogate",
    "name too long",
}


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_a_bad_value_in_an_import_is_refused_with_one_line_per_problem(tmp_path, case):
    path = tmp_path / "facts.json"
    make_store(path, 3)
    before = path.read_bytes()
    change, field = BAD_RECORDS[case]
    # ensure_ascii: a lone surrogate travels as its JSON escape, as a hand-written file has it.
    record = json.dumps({**BASE_CLAIM, **change}).encode()
    run = cli if case in BAD_RECORDS_REAL else in_process
    done = run("--db", str(path), "import", "-", cwd=tmp_path, input=record)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert "internal error" not in err and "Traceback" not in err, err
    lines = err.splitlines()
    if len(lines) == 1:  # one problem: the message itself
        assert lines[0].startswith(f"factcli: nothing imported: record 1, field {field}"), err
    else:  # several: one line each, above their count
        assert all(line.startswith(f"factcli: record 1, field {field}") for line in lines[:-1]), err
        assert lines[-1] == f"factcli: nothing imported: {len(lines) - 1} problems", err
    assert path.read_bytes() == before


DATE_OPTIONS = [
    ["--since", "0000"],
    ["--until", "9999-12"],
    ["--since", "0000-01-01"],
    ["--until", "2019-02-30"],
    ["--since", "2017-13"],
]
# Each bad date is refused by a real process under one command; the others in this process.
DATE_OPTIONS_REAL = {
    ("search", "0000"),
    ("timeline", "9999-12"),
    ("compare", "0000-01-01"),
    ("search", "2019-02-30"),
    ("timeline", "2017-13"),
}


@pytest.mark.parametrize("option", DATE_OPTIONS)
@pytest.mark.parametrize("command", ["search", "timeline", "compare"])
def test_an_out_of_range_date_option_is_one_line(tmp_path, option, command):
    run = cli if (command, option[1]) in DATE_OPTIONS_REAL else in_process
    done = run("--db", str(SHIPPED), command, *option, cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert len(err.splitlines()) == 1 and err.startswith("factcli: ") and "internal error" not in err, err
    assert option[1] in err


def test_an_id_of_5000_digits_is_not_found_in_one_short_line(tmp_path):
    # The line is cut where the message is written, the same in this process as in any.
    done = in_process("--db", str(SHIPPED), "show", "c" + "7" * 5000, cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 2 and len(err.splitlines()) == 1 and "internal error" not in err, err
    assert len(err) <= 1100


# A hand edit of the first claim of a good store: what verify must report, and every other
# command refuse in one line instead of failing inside.
HAND_EDITS = {
    "lone surrogate in a statement": ("statement", "\\ud800", lambda c: c["statement"] + "\ud800"),
    "lone surrogate in a quote": ("citation", "\\udfff", None),
    "empty polarity": ("polarity", None, lambda c: ""),
    "list as modality": ("modality", None, lambda c: []),
    "DATE in December 9999": ("date", None, lambda c: MONTH_9999),
    "id of 5000 digits": ("id", None, lambda c: "c" + "7" * 5000),
    "number as subject": ("subject", None, lambda c: 7),
}


def _hand_edited(tmp_path: Path, case: str) -> Path:
    path = tmp_path / "facts.json"
    make_store(path, 3)
    import_records(loc(path), [BASE_CLAIM])
    field, escape, edit = HAND_EDITS[case]
    text = path.read_text(encoding="utf-8")
    if edit is None:  # a lone surrogate written as the JSON escape, inside the quote
        text = text.replace('"quote": "Report line 1:"', f'"quote": "Report line 1:{escape}"', 1)
    else:
        doc = json.loads(text)
        claim = doc["claims"]["1"]
        claim[field] = edit(claim)
        text = json.dumps(doc, ensure_ascii=True, indent=2)  # ensure_ascii: surrogates as escapes
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hand_edited_stores(tmp_path_factory) -> dict[str, bytes]:
    """Each hand-edited store, built once for the module; every test gets its own copy."""
    out = {}
    for case in HAND_EDITS:
        out[case] = _hand_edited(tmp_path_factory.mktemp("hand-edited"), case).read_bytes()
    return out


# verify in a real process for text that cannot be encoded and for a value of the wrong
# kind; the other cases, and every other command, through the same entry point in this process.
HAND_EDITS_REAL = {"lone surrogate in a statement", "id of 5000 digits"}


@pytest.mark.parametrize("case", list(HAND_EDITS))
def test_verify_reports_whatever_would_make_a_read_fail(tmp_path, case, hand_edited_stores):
    path = tmp_path / "facts.json"
    path.write_bytes(hand_edited_stores[case])
    field = HAND_EDITS[case][0]
    run = cli if case in HAND_EDITS_REAL else in_process
    checked = run("--db", str(path), "verify", "--json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr.decode()
    problems = json.loads(checked.stdout)
    assert any(p["table"] == "claims" and p["field"].split(".")[0] == field for p in problems), problems
    for command in (["search", "Qatar"], ["show", "c0001"], ["verify"], ["import", "-"]):
        done = CliRunner().invoke(
            main,
            ["--db", str(path), *command],
            env={"FACTCLI_DB": None},
            input=GOOD_INPUT if command == ["import", "-"] else None,
        )
        assert done.exception is None or isinstance(done.exception, SystemExit), (command, done.exception)
        err = done.stderr
        assert done.exit_code in (1, 2) if command == ["verify"] else done.exit_code == 2, (command, err)
        assert "internal error" not in err and "Traceback" not in err, (command, err)
        if command != ["verify"]:
            assert len(err.splitlines()) == 1 and "damaged store" in err, (command, err)


def test_every_case_named_for_a_real_process_is_a_case():
    # A misspelt name would quietly send its case in-process, and leave its kind without
    # a real process.
    assert set(CORRUPT_REAL) == set(CORRUPT) and set(CORRUPT_REAL.values()) == {"verify", "sources", "import"}
    assert set(REGULAR_REAL) == set(NOT_STORES) - {"fifo", "/dev/zero"}
    assert set(REGULAR_REAL.values()) == {"sources", "verify", "add", "import"}
    assert BAD_RECORDS_REAL <= set(BAD_RECORDS)
    assert {field for case, (_, field) in BAD_RECORDS.items() if case in BAD_RECORDS_REAL} == {
        field for _, field in BAD_RECORDS.values()
    }
    assert {date for _, date in DATE_OPTIONS_REAL} == {date for _, date in DATE_OPTIONS}
    assert {command for command, _ in DATE_OPTIONS_REAL} == {"search", "timeline", "compare"}
    assert HAND_EDITS_REAL <= set(HAND_EDITS)


# --- (j) the soak: writers killed in a shared folder while the attacker swaps files ---------


def shared_kill_soak(tmp_path, setup, neighbour, shared_folder, kills: int) -> dict[str, int]:
    secret = tmp_path / "secret"
    secret.write_bytes(b"root's own data\n")
    secret.chmod(0o600)
    shared_folder.joinpath("facts.json").write_bytes(setup["base"])
    seed = random.randrange(1 << 30)
    attacker = Attacker(neighbour, shared_folder, secret, "facts.json")
    try:
        outcome = kill_runs(tmp_path, setup, kills=kills, seed=seed, folder=shared_folder, secret=secret)
    finally:
        swaps = attacker.stop()
    finish_cleanly(shared_folder, setup)
    outcome.update(seed=seed, swaps_temp=swaps["temp"], swaps_lock=swaps["lock"], swaps_other=swaps["other"])
    return outcome


def test_killed_writers_in_a_shared_folder_with_the_attacker(tmp_path, kill_setup, neighbour, shared_folder):
    # One kill of each kind (see kill_runs); the soak below runs the long version.
    outcome = shared_kill_soak(tmp_path, kill_setup, neighbour, shared_folder, kills=2)
    assert outcome["killed"] >= 2, outcome
    print(f"\nshared-folder kill: {outcome['runs']} runs: {outcome}; 0 corrupt, 0 lost, 0 targets changed")


@pytest.mark.soak
def test_soak_killed_writers_in_a_shared_folder_with_the_attacker(
    tmp_path, kill_setup, neighbour, shared_folder
):
    kills = int(os.environ.get("FACTCLI_SOAK_KILLS", "300"))
    outcome = shared_kill_soak(tmp_path, kill_setup, neighbour, shared_folder, kills=kills)
    assert outcome["killed"] >= kills and outcome["killed_mid_write"] > 0, outcome
    print(
        f"\nshared-folder kill soak: {outcome['runs']} runs: {outcome}; 0 corrupt, 0 lost, 0 targets changed"
    )


# --- the directory store under kills ------------------------------------------------------


def folder_kill_runs(tmp_path: Path, setup: dict, kills: int, seed: int) -> dict[str, int]:
    """Kill `factcli import` into a directory store at random moments; after each kill the
    folder reads as the store before the import or with all of it, and verifies clean (a
    write killed after its commit is finished by the next reader's writer or read through)."""
    from factcli.convert import convert

    rng = random.Random(seed)
    base_dir, full_dir = tmp_path / "base-dir", tmp_path / "full-dir"
    base_file, full_file = tmp_path / "base.json", tmp_path / "full.json"
    base_file.write_bytes(setup["base"])
    full_file.write_bytes(setup["full"])
    convert(loc(base_file), base_dir)
    convert(loc(full_file), full_dir)
    old = [c["id"] for c in store.load(loc(base_dir)).claims]
    new = [c["id"] for c in store.load(loc(full_dir)).claims]
    outcome = {"killed": 0, "finished": 0, "old": 0, "old+new": 0, "runs": 0}
    work = tmp_path / "desk"
    whole = setup["duration"] * 1.15
    run = 0
    while outcome["killed"] < kills and run < 4 * kills:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(base_dir, work, symlinks=True)
        proc = start_import(work, setup["input"], tmp_path)
        delay = rng.uniform(0.0, whole)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        rc = proc.wait(timeout=DEADLINE)
        outcome["killed" if rc == -signal.SIGKILL else "finished"] += 1
        where = f"run {run} (seed {seed}, kill after {delay:.3f}s, rc {rc})"
        if rc == 0:
            whole = max(min(whole, delay) * 0.8, 0.01)
        facts = store.load(loc(work))
        ids = [c["id"] for c in facts.claims]
        assert ids in (old, new), where  # all of the import or none of it, never a part
        if rc == 0:
            assert ids == new, where  # a finished import is never lost
        assert verify(facts) == [], where
        outcome["old" if ids == old else "old+new"] += 1
        # The next writer finds whatever the kill left and goes ahead.
        again = cli("--db", str(work), "import", str(setup["input"]), cwd=tmp_path)
        assert again.returncode in (0, 2), (where, again.stderr.decode())
        assert [c["id"] for c in store.load(loc(work)).claims] == new, where
        run += 1
    outcome["runs"] = run
    return outcome


def test_killed_writers_leave_a_folder_store_old_or_new(tmp_path, kill_setup):
    seed = random.randrange(1 << 30)
    outcome = folder_kill_runs(tmp_path, kill_setup, kills=2, seed=seed)
    assert outcome["killed"] >= 2, outcome
    print(f"\nfolder kill: {outcome['runs']} runs (seed {seed}): {outcome}, lost 0")


@pytest.mark.soak
def test_soak_killed_writers_of_a_folder_store(tmp_path, kill_setup):
    seed = random.randrange(1 << 30)
    kills = int(os.environ.get("FACTCLI_SOAK_KILLS", "50"))
    outcome = folder_kill_runs(tmp_path, kill_setup, kills=kills, seed=seed)
    assert outcome["killed"] >= kills, outcome
    print(f"\nfolder kill soak: {outcome['runs']} runs (seed {seed}): {outcome}, lost 0")


# --- the directory store: writers at the same moment, and a neighbour in its folder --------

FOLDER_SOURCES = 4


def make_folder_store(path: Path, n_sentences: int) -> list[tuple[str, int]]:
    """A directory store at `path` of `FOLDER_SOURCES` sources holding the same synthetic
    text (`big0`, `big1`, ...) and the one entity the claims name."""
    text, spans = synthetic(n_sentences)
    path.mkdir()
    records = [source_record(f"big{s}", text) for s in range(FOLDER_SOURCES)]
    import_records(loc(path), [*records, entity_record("qatar", "Qatar")], create=True)
    return spans


def folder_race(
    path: Path, writers: int, per_writer: int, spans: list[tuple[str, int]], tag: str
) -> list[dict]:
    """`writers` imports into a directory store released at once, writer w into source
    `big{w % FOLDER_SOURCES}`: writers to different sources side by side, and two to each."""
    batches = []
    for w in range(writers):
        claims = claims_for(spans[w * per_writer : (w + 1) * per_writer], f"{tag} writer {w}")
        for c in claims:
            c["citation"]["source"] = f"big{w % FOLDER_SOURCES}"
        batches.append(claims)
    return _released_at_once(path, batches)


def check_folder_race(path: Path, expected: list[dict]) -> None:
    from factcli.index import in_memory, open_index
    from factcli.search import Query, search

    facts = store.load(loc(path))
    assert sorted(c["statement"] for c in facts.claims) == sorted(c["statement"] for c in expected)
    ids = [c["id"] for c in facts.claims]
    assert len(ids) == len(set(ids)) == len(expected)
    assert verify(facts) == []
    assert not [p.name for p in path.iterdir() if p.name.startswith((".factcli-txn-", ".factcli-commit-"))]
    # The index the writers brought up (each after its own write, or leaving it to another)
    # answers as a fresh build of the folder.
    cached, fresh = open_index(loc(path)), in_memory(facts)
    try:
        q = Query(terms=["writer"], limit=None)
        assert [h.claim["id"] for h in search(cached, q)] == [h.claim["id"] for h in search(fresh, q)]
        assert cached.claim_ids() == fresh.claim_ids()
    finally:
        cached.close()
        fresh.close()


def test_eight_concurrent_writers_to_a_folder_lose_nothing(tmp_path):
    path = tmp_path / "desk"
    spans = make_folder_store(path, 80)
    expected = folder_race(path, writers=8, per_writer=10, spans=spans, tag="r0")
    check_folder_race(path, expected)
    print(f"\nfolder concurrency: 1 round, 8 writers x 10 claims into {FOLDER_SOURCES} sources, lost 0")


@pytest.mark.soak
def test_soak_concurrent_writers_to_a_folder(tmp_path):
    rounds = int(os.environ.get("FACTCLI_SOAK_ROUNDS", "12"))
    writers, per_writer = 8, 10
    path = tmp_path / "desk"
    spans = make_folder_store(path, rounds * writers * per_writer)
    expected: list[dict] = []
    for r in range(rounds):
        expected += folder_race(path, writers, per_writer, spans[r * writers * per_writer :], f"r{r}")
        check_folder_race(path, expected)
    print(f"\nfolder concurrency soak: {rounds} rounds x {writers} writers, stored {len(expected)}, lost 0")


# The files and folders of a directory store itself: deleting them is what write permission
# on its folder allows, and no writer can prevent; the neighbour goes for factcli's own.
STORE_NAMES = "meta.json,vocabulary.json,entities.jsonl,sources.txt,sources,claims,.gitattributes,.gitignore"


def folder_attack_writes(path: Path, secret: Path, writes: int) -> dict[str, Any]:
    """`writes` imports of one claim each into the directory store at `path` (a folder
    anyone may write to), half in real processes and half in this one with every fsync
    slowed, while the neighbour swaps every new entry of factcli's in it for a link."""
    imported: list[str] = []
    reasons: list[str] = []
    before = fingerprint(secret)
    for i in range(writes):
        claim = one_claim(i)
        claim["citation"]["source"] = f"big{i % FOLDER_SOURCES}"
        if i % 2:
            done = cli("--db", str(path), "import", "-", cwd=path.parent, input=jsonl([claim]))
            assert done.returncode in (0, 2), done.stderr.decode()
            err = done.stderr.decode()
            ok = done.returncode == 0
            if not ok:
                assert len(err.splitlines()) == 1 and "internal error" not in err, err
                reasons.append(err.split(": ", 2)[-1][:60])
        else:
            from factcli.store import directory

            directory.os.fsync = slow_fsync
            try:
                import_records(loc(path), [claim])
                ok = True
            except StoreError as exc:
                reasons.append(str(exc).split(": ", 1)[-1][:60])
                ok = False
            finally:
                directory.os.fsync = real_fsync
        if ok:
            imported.append(claim["statement"])
        assert fingerprint(secret) == before, f"write {i} changed the target"
    return {"imported": imported, "reasons": sorted(set(reasons))}


def folder_under_attack(
    tmp_path: Path, neighbour, shared_folder: Path, root_secret: Path, writes: int, spare: str = ""
) -> dict:
    """The neighbour swaps factcli's working entries in the folder but those in `spare`."""
    path = shared_folder / "desk"
    make_folder_store(path, 60)
    path.chmod(0o777)  # a team folder anyone may write to, without the sticky bit: the worst case
    attacker = Attacker(neighbour, path, root_secret, STORE_NAMES + spare)
    try:
        outcome = folder_attack_writes(path, root_secret, writes)
    finally:
        swaps = attacker.stop()
    facts = store.load(loc(path))
    assert verify(facts) == []
    # Every write that said it stored its claim did; none that refused did.
    assert sorted(c["statement"] for c in facts.claims) == sorted(outcome["imported"])
    assert swaps["other"] + swaps["lock"] + swaps["temp"] > 0, swaps  # the neighbour got in
    outcome["swaps"] = swaps
    return outcome


def test_a_neighbour_swapping_a_folder_stores_working_files_changes_no_other_file(
    tmp_path, neighbour, shared_folder, root_secret
):
    outcome = folder_under_attack(tmp_path, neighbour, shared_folder, root_secret, writes=8)
    print(f"\nfolder swap race: 8 writes, {len(outcome['imported'])} stored, refused {outcome['reasons']}, "
          f"swaps {outcome['swaps']}")  # fmt: skip


@pytest.mark.soak
def test_soak_a_neighbour_swapping_a_folder_stores_working_files(
    tmp_path, neighbour, shared_folder, root_secret
):
    writes = int(os.environ.get("FACTCLI_SOAK_WRITES", "60"))
    # The lock folder swapped, every write is refused (above); here the neighbour goes for the
    # folders each write lands through.
    # A write whose folder was swapped is refused, never written through the link nor
    # reported done; the neighbour, scanning without pause, may win every race.
    outcome = folder_under_attack(tmp_path, neighbour, shared_folder, root_secret, writes, ",.factcli-locks")
    assert len(outcome["imported"]) + outcome["swaps"]["other"] >= writes, outcome
    print(f"\nfolder swap soak: {writes} writes, {len(outcome['imported'])} stored, refused {outcome['reasons']}, "
          f"swaps {outcome['swaps']}")  # fmt: skip
