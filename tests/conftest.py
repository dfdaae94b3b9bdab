"""Shared fixtures: the shipped store, the curated corpus, synthetic stores built through the
importer (the same validating path users take), in memory or as a JSON file, and `factcli`,
the one way tests run a command in this process."""

from __future__ import annotations

import compileall
import contextlib
import json
import os
import select
import subprocess
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from click.testing import CliRunner, Result

from factcli import store
from factcli.cli import main
from factcli.importer import build, import_records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
SHIPPED = ROOT / "facts.json"


class Ran:
    """What one command run in this process did: its exit status, stdout and stderr (text and
    bytes), and everything else of click's `Result` (`.result`)."""

    def __init__(self, args: list[str], result: Result) -> None:
        self.args = args
        self.result = result

    @property
    def exit_code(self) -> int:
        return self.result.exit_code

    @property
    def stdout(self) -> str:
        return self.result.stdout

    @property
    def stderr(self) -> str:
        return self.result.stderr

    @property
    def output(self) -> str:
        """stdout and stderr as a terminal shows them, interleaved."""
        return self.result.output

    @property
    def exception(self) -> BaseException | None:
        """What ended the command: SystemExit, or None when it returned."""
        return self.result.exception

    @property
    def stdout_bytes(self) -> bytes:
        return self.result.stdout_bytes

    @property
    def stderr_bytes(self) -> bytes:
        return self.result.stderr_bytes

    def ok(self) -> Ran:
        """The command succeeded: exit status 0. Returns itself, to read its output."""
        assert self.exit_code == 0, (self.args, self.stdout, self.stderr)
        return self


def factcli(
    *args: str,
    db: Path | str | None = None,
    input: str | bytes | None = None,
    env: Mapping[str, str | None] | None = None,
    **extra: Any,
) -> Ran:
    """`factcli [--db DB] ARGS` run in this process through the console script's entry point.

    `env` overrides variables of this process's environment (None unsets one); `extra` goes to
    the command's context as click's `invoke` passes it (`terminal_width=`, ...). Whatever the
    exit status, the command must end as factcli ends every run, with SystemExit: any other
    exception escaping it fails the test with its traceback, so an error path that crashes is
    never read as a refusal."""
    argv = [*(("--db", str(db)) if db is not None else ()), *args]
    result = CliRunner().invoke(main, argv, input=input, env=env, **extra)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        shown = " ".join(a[:40] for a in argv)
        raise AssertionError(f"factcli {shown}: {''.join(traceback.format_exception(result.exception))}")
    return Ran(argv, result)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_records() -> list[dict[str, Any]]:
    """The curated inputs the shipped store is built from, in build order."""
    records = read_jsonl(CORPUS / "sources.jsonl") + read_jsonl(CORPUS / "entities.jsonl")
    for path in sorted(CORPUS.glob("claims-*.jsonl")):
        records += read_jsonl(path)
    return records


def next_claim_ids(n: int = 1) -> list[str]:
    """The ids the next `n` claims added to a copy of the shipped store get: those after its
    last issued id (ids are never reused, so a corpus that grows moves them)."""
    last = json.loads(SHIPPED.read_text(encoding="utf-8"))["meta"]["1"]["last_claim"]
    return [f"c{last + k:04d}" for k in range(1, n + 1)]


def corpus_claims() -> list[dict[str, Any]]:
    """The curated claims the shipped store is built from, counted from the corpus files."""
    return [rec for path in sorted(CORPUS.glob("claims-*.jsonl")) for rec in read_jsonl(path)]


def pytest_configure(config: pytest.Config) -> None:
    """Where writing bytecode is turned off (PYTHONDONTWRITEBYTECODE), every factcli process
    the tests start would compile the whole package from its source again (a tenth of a
    second each, some hundreds of them): the run compiles it once, beside the source as
    Python itself would (`__pycache__`, ignored by git), before the workers start."""
    if sys.flags.dont_write_bytecode and not hasattr(config, "workerinput"):
        compileall.compile_dir(ROOT / "factcli", quiet=1)


@pytest.fixture(scope="session", autouse=True)
def _index_cache(tmp_path_factory):
    """Every search index the tests build goes to a temporary cache folder, never the user's:
    set for the whole session, so module-wide fixtures built before any test use it too."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACTCLI_CACHE", str(tmp_path_factory.getbasetemp() / "factcli-cache"))
        yield


@pytest.fixture(scope="session")
def shipped() -> store.Facts:
    return store.load(store.Location(SHIPPED, "--db"))


def numbered(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with each claim that has no id numbered c0001, c0002, ... in order, as the
    curated corpus numbers its claims: tests name the claims they build by these ids (an
    import gives a claim without one an id no other copy makes, see `factcli.ids`)."""
    out, n = [], 0
    for rec in records:
        if "citation" in rec and rec.get("id") is None:
            n += 1
            rec = {"id": f"c{n:04d}", **rec}
        elif "citation" in rec and isinstance(rec.get("id"), str) and rec["id"][1:].isdigit():
            n = max(n, int(rec["id"][1:]))
        out.append(rec)
    return out


def import_numbered(location: store.Location, records: list[dict[str, Any]], **options: Any) -> Any:
    """`import_records` of the records with each claim that has no id numbered after the
    store's highest numbered claim, so a test can name the claims it adds."""
    last = 0
    if location.path.exists():
        facts = store.load(location)
        last = max(
            [facts.meta.get("last_claim", 0)]
            + [int(c["id"][1:]) for c in facts.claims if c["id"][1:].isdigit()]
        )
    out = []
    for rec in records:
        if "citation" in rec and rec.get("id") is None:
            last += 1
            rec = {"id": f"c{last:04d}", **rec}
        out.append(rec)
    return import_records(location, out, **options)


@pytest.fixture(params=["memory", "json", "directory"])
def make_facts(request, tmp_path):
    """make_facts(records) -> Facts, built in memory, or written to and re-read from a store
    file or a directory store."""

    def _make(records: list[dict[str, Any]]) -> store.Facts:
        records = numbered(records)
        if request.param == "memory":
            return build(records)
        path = tmp_path / f"store-{len(list(tmp_path.iterdir()))}"
        if request.param == "json":
            path = path.with_suffix(".json")
        else:
            path.mkdir()
        loc = store.Location(path, "--db")
        import_records(loc, records, create=True)
        return store.load(loc)

    return _make


@pytest.fixture
def store_file(tmp_path):
    """store_file(records) -> Path of a new JSON store holding them."""

    def _make(records: list[dict[str, Any]], name: str = "facts.json") -> Path:
        path = tmp_path / name
        import_records(store.Location(path, "--db"), numbered(records), create=True)
        return path

    return _make


def source_record(sid: str, text: str, published: str = "2020-01-01", **extra: Any) -> dict[str, Any]:
    """A minimal valid source for synthetic stores."""
    day = {"start": published, "end": published, "precision": "day", "text": published}
    return {
        "id": sid,
        "title": sid,
        "outlet": extra.pop("outlet", sid),
        "credited": [],
        "language": "en",
        "url": None,
        "published": extra.pop("published_span", day),
        "note": None,
        "text": text,
        **extra,
    }


def entity_record(
    eid: str,
    name: str,
    etype: str = "country",
    aliases: list[str] | None = None,
    name_ar: str | None = None,
    metonyms: list[str] | None = None,
    common_words: list[str] | None = None,
) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": eid,
        "type": etype,
        "name": name,
        "name_ar": name_ar,
        "aliases": aliases or [],
    }
    if metonyms:
        rec["metonyms"] = metonyms
    if common_words:
        rec["common_words"] = common_words
    rec["description"] = None
    return rec


# Options of one claim `add` accepts on the shipped store (its quote is in khaleej-2018-07-21).
GOOD_ADD = [
    "--source",
    "khaleej-2018-07-21",
    "--quote",
    "تبحث قطر مع روسيا",
    "--subject",
    "qatar",
    "--predicate",
    "negotiating_purchase",
    "--object",
    "s-400",
    "--modality",
    "in_talks",
    "--statement",
    "Qatar is discussing a possible S-400 purchase with Russia.",
]


# The same claim as an import record.
GOOD_RECORD: dict[str, Any] = {
    "subject": "qatar",
    "predicate": "negotiating_purchase",
    "object": "s-400",
    "modality": "in_talks",
    "statement": "Qatar is discussing a possible S-400 purchase with Russia.",
    "citation": {"source": "khaleej-2018-07-21", "quote": "تبحث قطر مع روسيا"},
}


def with_option(options: list[str], name: str, value: str) -> list[str]:
    """`options` with the value after `name` replaced."""
    out = list(options)
    out[out.index(name) + 1] = value
    return out


def run_on_pty(
    args: list[str], env: Mapping[str, str], on: str = "stdout", timeout: float = 30
) -> tuple[int, str, str]:
    """`python -m factcli ARGS` with its stdout (or, `on="stderr"`, its stderr) on a
    pseudo-terminal, as a person's terminal is: (exit status, what the terminal showed, the
    other stream). Reads until the process closes the terminal."""
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcli", *args],
        stdin=subprocess.DEVNULL,
        stdout=slave if on == "stdout" else subprocess.PIPE,
        stderr=slave if on == "stderr" else subprocess.PIPE,
        env=dict(env),
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], timeout)
        if not ready:
            break
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout)
    os.close(master)
    other = proc.stderr if on == "stdout" else proc.stdout
    assert other is not None
    return proc.returncode, b"".join(chunks).decode("utf-8"), other.read().decode("utf-8")


# --- a PostgreSQL server for the shared-index tests ----------------------------------------


@contextlib.contextmanager
def read_only_folder(folder: Path):
    """`folder` made a folder no file can be created in, renamed into or removed from, for
    this process too: its mode 0555 for a user, and for root (whom modes do not stop) the
    immutable attribute (`chattr +i`); skipped where the file system cannot set it."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    import shutil

    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("root writes into any folder, and this file system cannot make one immutable")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def _postgres_bin() -> Path | None:
    """The folder of the installed PostgreSQL's server programs (Debian keeps them off PATH,
    in /usr/lib/postgresql/VERSION/bin), newest first; None when there is none."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: p.parent.parent.name)
    if found and (found[-1].parent / "initdb").exists():
        return found[-1].parent
    import shutil

    on_path = shutil.which("pg_ctl")
    return Path(on_path).resolve().parent if on_path and shutil.which("initdb") else None


class Nobody(NamedTuple):
    """The unprivileged user 'nobody', for tests run as root that need another user's process:
    `drop` (a `preexec_fn`) becomes that user, `python` an interpreter that user may run."""

    uid: int
    gid: int
    python: str

    def drop(self) -> None:
        os.setgid(self.gid)
        os.setuid(self.uid)


def nobody() -> Nobody:
    """The user 'nobody' and a Python it may run, or the test skipped saying why."""
    if os.geteuid() != 0:
        pytest.skip("needs root, to run a process as another user")
    import pwd

    try:
        user = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody'")
    for python in (os.path.realpath(sys.executable), "/usr/bin/python3", "/usr/local/bin/python3"):
        them = Nobody(user.pw_uid, user.pw_gid, python)
        try:
            if (
                os.path.exists(python)
                and subprocess.run([python, "-c", "pass"], preexec_fn=them.drop, timeout=60).returncode == 0
            ):
                return them
        except OSError:
            pass
    pytest.skip("no Python interpreter the user 'nobody' may run")


def _as_unprivileged():
    """For the cluster's processes when the tests run as root, which initdb refuses: the
    user 'nobody', or None to run them as this user."""
    if os.geteuid() != 0:
        return None, None
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("PostgreSQL refuses to run as root and there is no user 'nobody'")

    def drop() -> None:
        os.setgid(nobody.pw_gid)
        os.setuid(nobody.pw_uid)

    return drop, nobody


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL URL to make test databases on: $FACTCLI_TEST_POSTGRES (a role that may
    create databases), or a throwaway cluster of the installed PostgreSQL: initdb'ed by an
    unprivileged user in a temporary folder, reached by a Unix socket there only, stopped
    and removed at the end."""
    pytest.importorskip(
        "psycopg", reason="the PostgreSQL driver is not installed (pip install -e '.[server]')"
    )
    given = os.environ.get("FACTCLI_TEST_POSTGRES")
    if given:
        yield given
        return
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql): the server tests need it")
    import shutil
    import tempfile

    drop, nobody = _as_unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="factcli-pg-"))  # short: a socket path has 107 bytes
    if nobody is not None:
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    data = folder / "data"

    def run(*args: str) -> None:
        subprocess.run(
            [str(bindir / args[0]), *args[1:]],
            cwd=folder,
            preexec_fn=drop,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=120,
        )

    try:
        run(
            "initdb",
            "-D",
            str(data),
            "-U",
            "factcli",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = f"-k {folder} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
        run("pg_ctl", "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "-t", "60", "start")
    except subprocess.CalledProcessError as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"the throwaway PostgreSQL did not start: {exc.stderr.decode(errors='replace')}")
    try:
        yield f"postgresql://factcli@/postgres?host={folder}"
    finally:
        try:
            run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def database(server: str):
    """A fresh, empty database on the test server (its connection string), dropped after."""
    import uuid

    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = f"factcli_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    info = conninfo_to_dict(server)
    info["dbname"] = name
    try:
        yield make_conninfo("", **info)
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def server_url(postgres_server):
    """A fresh, empty database on the test server, dropped after the test."""
    with database(postgres_server) as url:
        yield url
