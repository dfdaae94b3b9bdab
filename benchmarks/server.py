"""The shared index on PostgreSQL, measured in whole processes against `import click`.

For each store size (synthetic stores from `generate.py`): `factcli server sync URL --full`
(every claim analyzed and written), `factcli server sync URL` after one claim of one source
was edited (that source alone written again), and selective reads, the ones `run.py` times
(`search Qatar --source ONE`, `show ID`, `timeline --subject qatar --limit 20`): `factcli
--index URL ...` against the same command on the local index (warm), each the median of
`--repeat` fresh processes. The server is $FACTCLI_TEST_POSTGRES (a role that may create
databases) or a throwaway cluster of the installed PostgreSQL, started and removed here.

    python benchmarks/server.py --sizes 10000,100000 --repeat 7
    python benchmarks/server.py --sizes 100000 --profile     # where the sync's time goes
    python benchmarks/server.py --sizes 100000 --folder      # the syncs of the store as a folder

With `--folder` the store is the working copy of the synthetic store as a folder that
`team.py` uses (`generate.work_folder`: at a million claims, the only form it can take), and
both syncs are of the folder (the full one with its peak memory; the incremental one after
one line of one source's claims file was corrected by hand); the reads are of the folder,
the local index the one `team.py` built (warm).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

import generate  # noqa: E402

# Targets of issue 22, in seconds.
FULL_1M = 15 * 60
INCREMENTAL = 2.0
SELECTIVE = 0.100


@contextmanager
def throwaway_server() -> Iterator[str]:
    """A PostgreSQL cluster in a temporary folder, reached by its Unix socket only."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not found:
        raise SystemExit("no PostgreSQL here: apt-get install postgresql, or set FACTCLI_TEST_POSTGRES")
    bindir = found[-1].parent
    folder = Path(tempfile.mkdtemp(prefix="factcli-pg-"))
    drop = None
    if os.geteuid() == 0:  # initdb refuses root: the cluster runs as 'nobody'
        import pwd

        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)

        def drop() -> None:
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)

    def run(*args: str) -> None:
        subprocess.run(
            [str(bindir / args[0]), *args[1:]], cwd=folder, preexec_fn=drop, check=True, capture_output=True
        )

    data = folder / "data"
    run("initdb", "-D", str(data), "-U", "factcli", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
    run(
        "pg_ctl",
        "-D",
        str(data),
        "-o",
        f"-k {folder} -c listen_addresses=''",
        "-l",
        str(folder / "log"),
        "-w",
        "start",
    )
    try:
        yield f"postgresql://factcli@/postgres?host={folder}"
    finally:
        run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def existing(url: str) -> Iterator[str]:
    yield url


def fresh_database(server: str, name: str) -> str:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    info = conninfo_to_dict(server)
    info["dbname"] = name
    return make_conninfo("", **info)


def factcli(*args: str, env: dict[str, str] | None = None) -> float:
    """One factcli process; its wall time in seconds."""
    return factcli_peak(*args, env=env)[0]


def factcli_peak(*args: str, env: dict[str, str] | None = None) -> tuple[float, int]:
    """One factcli process; its wall time in seconds and its peak memory in MiB."""
    argv = [sys.executable, "-m", "factcli", *args]
    child = {**os.environ, **(env or {})}
    child.pop("PYTHONDONTWRITEBYTECODE", None)
    # time(1) reports the child's own peak: a child of this process would count this
    # process's memory at the fork (Linux carries the high-water mark over exec).
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as peak:
        t0 = time.perf_counter()
        code = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, *argv],
            env=child,
            stdout=subprocess.DEVNULL,
            stderr=err,
        ).returncode
        wall = time.perf_counter() - t0
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"factcli {' '.join(args)}: exit {code}: {err.read().decode().strip()}")
        return wall, int(Path(peak.name).read_text().split()[-1]) // 1024


def median(argv: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    factcli(*argv, env=env)  # warm: caches, the local index built
    return statistics.median(factcli(*argv, env=env) for _ in range(repeat))


def edit_one_claim(path: Path, scratch: Path) -> Path:
    """A copy of the store with one claim's statement changed (one source to sync again)."""
    import json

    doc = json.loads(path.read_text(encoding="utf-8"))
    claims = doc["claims"]
    key = sorted(claims, key=int)[len(claims) // 2]
    claims[key]["statement"] = claims[key]["statement"] + " (as corrected)"
    out = scratch / path.name
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return out


def edit_one_line(folder: Path) -> None:
    """One claim of the middle source of a directory store corrected by hand, in place."""
    import json

    sources = (folder / "sources.txt").read_text(encoding="utf-8").split()
    path = folder / "claims" / f"{sources[len(sources) // 2]}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    claim = json.loads(lines[0])
    claim["statement"] = claim["statement"] + " (as corrected)"
    lines[0] = json.dumps(claim, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def folder_run(n: int, url: str, repeat: int, click: float) -> None:
    """The store of n claims as a folder (`generate.work_folder`, the working copy `team.py`
    reads, whose local index it keeps warm): the full sync (seconds and peak memory), one
    line of one source's claims file corrected by hand and a sync, then the selective reads
    from the server and from the local index."""
    import json

    desk, cache = generate.work_folder(n)
    env = {"FACTCLI_CACHE": str(cache)}
    full, peak = factcli_peak("--db", str(desk), "server", "sync", url, "--full", env=env)
    edit_one_line(desk)
    incremental = factcli("--db", str(desk), "server", "sync", url, env=env)
    sources = (desk / "sources.txt").read_text(encoding="utf-8").split()
    middle = sources[len(sources) // 2 + 1]
    claim = json.loads((desk / "claims" / f"{middle}.jsonl").read_text(encoding="utf-8").splitlines()[0])[
        "id"
    ]
    reads = [
        ["search", "Qatar", "--source", middle, "--json"],
        ["show", claim, "--json"],
        ["timeline", "--subject", "qatar", "--limit", "20", "--json"],
    ]
    print(f"  load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
    for i, read in enumerate(reads):
        served = median(["--index", url, *read], repeat)
        local = median(["--db", str(desk), *read], repeat, env=env)
        inside = statistics.median(_in_process(["--index", url, *read]) for _ in range(repeat))
        cells = f"| {n:,} (folder) | {full:.1f} s, {peak} MiB | {incremental:.2f} s " if i == 0 else "| | | "
        print(
            f"{cells}| `{' '.join(read[:2])}` | {served * 1000:.0f} ms | {local * 1000:.0f} ms "
            f"| {served / click:.1f}× | {inside * 1000:.0f} ms |",
            flush=True,
        )
    if n >= 1_000_000:
        print(f"  targets: full {'ok' if full <= FULL_1M else 'MISSED'}", file=sys.stderr)
    print(f"  targets: incremental {'ok' if incremental <= INCREMENTAL else 'MISSED'}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="profile the full sync in this process")
    parser.add_argument("--folder", action="store_true", help="the syncs of the store as a directory store")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    given = os.environ.get("FACTCLI_TEST_POSTGRES")
    with existing(given) if given else throwaway_server() as server:
        click = statistics.median(_timed([sys.executable, "-c", "import click"]) for _ in range(args.repeat))
        print(f"import click: {click * 1000:.0f} ms (median of {args.repeat})")
        print(
            "| claims | full sync | incremental sync (1 source) | read | server | local index | server / click "
            "| server, in process |"
        )
        print("|---:|---:|---:|---|---:|---:|---:|---:|")
        for n in sizes:
            url = fresh_database(server, f"factcli_bench_{n}")
            if args.folder:
                folder_run(n, url, args.repeat, click)
                continue
            path = generate.ensure(n, log=lambda *a: print(*a, file=sys.stderr))
            if args.profile:
                _profile(path, url)
                continue
            full = factcli("--db", str(path), "server", "sync", url, "--full")
            with tempfile.TemporaryDirectory() as scratch:
                edited = edit_one_claim(path, Path(scratch))
                incremental = factcli("--db", str(edited), "server", "sync", url)
                factcli("--db", str(path), "server", "sync", url)  # back to the store read below
            one_source, one_claim = _middle(path)
            reads = [
                ["search", "Qatar", "--source", one_source, "--json"],
                ["show", one_claim, "--json"],
                ["timeline", "--subject", "qatar", "--limit", "20", "--json"],
            ]
            for i, read in enumerate(reads):
                served = median(["--index", url, *read], args.repeat)
                local = median(["--db", str(path), *read], args.repeat)
                cells = f"| {n:,} | {full:.1f} s | {incremental:.2f} s " if i == 0 else "| | | "
                inside = statistics.median(_in_process(["--index", url, *read]) for _ in range(args.repeat))
                print(
                    f"{cells}| `{' '.join(read[:2])}` | {served * 1000:.0f} ms | {local * 1000:.0f} ms "
                    f"| {served / click:.1f}× | {inside * 1000:.0f} ms |"
                )
                print(
                    f"  server read {'ok' if served <= SELECTIVE else 'MISSED'} (whole process), "
                    f"{'ok' if inside <= SELECTIVE else 'MISSED'} (the command, once its modules are loaded)",
                    file=sys.stderr,
                )
            if n >= 1_000_000:
                print(f"  targets: full {'ok' if full <= FULL_1M else 'MISSED'}", file=sys.stderr)
            print(
                f"  targets: incremental {'ok' if incremental <= INCREMENTAL else 'MISSED'}", file=sys.stderr
            )


def _middle(path: Path) -> tuple[str, str]:
    """A source in the middle of the store, and a claim of it."""
    import json

    doc = json.loads(path.read_text(encoding="utf-8"))
    sources = [doc["sources"][k]["id"] for k in sorted(doc["sources"], key=int)]
    source = sources[len(sources) // 2]
    claim = next(c["id"] for c in doc["claims"].values() if c["citation"]["source"] == source)
    return source, claim


# The command alone: the interpreter, click and psycopg already loaded (what a process
# spends before it can ask the server anything is the column beside it).
_IN_PROCESS = """
import sys, time
import psycopg
from factcli.cli import main
t = time.perf_counter()
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(time.perf_counter() - t, file=sys.stderr)
"""


def _in_process(argv: list[str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _IN_PROCESS, *argv], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    return float(done.stderr.strip().splitlines()[-1])


def _timed(argv: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, check=True)
    return time.perf_counter() - t0


def _profile(path: Path, url: str) -> None:
    from factcli import store
    from factcli.index.postgres import sync

    facts = store.load(store.Location(path, "--db"))
    prof = cProfile.Profile()
    prof.enable()
    done = sync(url, facts, full=True)
    prof.disable()
    print(f"{len(facts.claims):,} claims: {done.seconds:.1f} s in the sync", file=sys.stderr)
    pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
