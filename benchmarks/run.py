"""Time whole cold factcli processes against the floors they cannot beat, at each store size.

For every store (the shipped `facts.json`, then synthetic stores of N claims built by
`generate.py` through factcli's importer) each command runs as a fresh process, round-robin
with the references in the same rounds, so drift on the machine touches all of them alike:

* `python -c "import click"`: the start-up floor of any click CLI on this interpreter;
* orjson parsing the same file: the floor of any design that reads the whole file;
* jq running an equivalent filter over the same file: what a user could do without us.

factcli's read commands answer from the derived index (`factcli/index.py`), kept in a
scratch cache folder per store (`FACTCLI_CACHE`): the untimed warm-up run builds it, so the
timed runs measure a warm index, as a user has it from the second command on. The index
build itself is timed as `index --rebuild`; `verify`, an import of 800 new entities, and
imports of 1 and of 1000 new claims (a fresh batch each run, each into its own copy) are
timed too.

One untimed warm-up run of each command checks its exit status, fills the page cache and
bytecode cache, and gives the peak memory (`/usr/bin/time -v`, else the child's own rusage).
Timed runs record wall and CPU (user+sys) time of the child. Bytecode caching is on, as for
any installed package, with the cache in benchmarks/out/pycache.

    python benchmarks/run.py                                  # everything, ~6-9 min
    python benchmarks/run.py --sizes shipped,1000,10000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

DEFAULT_SIZES = "shipped,1000,10000,20000,100000"
TERM = "S-400"
# What `search S-400` finds, as far as jq can say it: the term in the statement (any case) or
# in the Arabic quote in either script, or S-400 as the claim's subject or object.
JQ_FILTER = (
    '[.claims[] | select((.statement | test("S-?400"; "i")) or (.citation.quote | test("إس-?400|S-?400"; "i"))'
    ' or .subject == "s-400" or .object == "s-400")]'
)
ORJSON_PARSE = "import orjson,sys; orjson.loads(open(sys.argv[1],'rb').read())"
JSON_PARSE = "import json,sys; json.loads(open(sys.argv[1],'rb').read())"
NEW_ENTITIES = 800  # the entity-import benchmark's batch
NEW_CLAIMS = 1000  # the claim-import benchmark's batch (and one claim on its own)
# A command slower than this in its warm-up gets fewer timed runs: the full set stays bounded.
PER_COMMAND_BUDGET_S = 30.0
TIME_BIN = Path("/usr/bin/time")


@dataclass
class Bench:
    name: str
    argv: list[str]
    kind: str = "factcli"  # or "reference"
    env: dict[str, str] = field(default_factory=dict)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_kib: int | None = None
    note: str = ""


@dataclass
class Run:
    wall: float
    cpu: float
    stdout: bytes
    peak_kib: int | None


def child_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(generate.OUT / "pycache")
    return {**env, **extra}


def run_once(bench: Bench, argv: list[str], warm_up: bool = False) -> Run:
    """One fresh process. The warm-up keeps stdout and takes peak memory; timed runs don't."""
    memfile = None
    if warm_up and TIME_BIN.exists():
        fd, memfile = tempfile.mkstemp(prefix="bench-", suffix=".time", dir=generate.OUT)
        os.close(fd)
        argv = [str(TIME_BIN), "-v", "-o", memfile, *argv]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            env=child_env(bench.env),
            stdin=subprocess.DEVNULL,
            stdout=out if warm_up else subprocess.DEVNULL,
            stderr=err,
        )
        # wait4 gives this child's own rusage (RUSAGE_CHILDREN would mix in earlier children).
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    peak = usage.ru_maxrss  # KiB on Linux
    if memfile is not None:
        text = Path(memfile).read_text()
        os.unlink(memfile)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        peak = int(m.group(1)) if m else None
        m = re.search(r"Exit status: (\d+)", text)
        code = int(m.group(1)) if m else code
    if code != 0:
        lines = stderr.decode(errors="replace").strip().splitlines()
        raise SystemExit(f"{bench.name}: exit {code}: {lines[-1] if lines else ''}\n  {' '.join(argv)}")
    return Run(wall, usage.ru_utime + usage.ru_stime, stdout, peak)


# --- the set of commands for one store -------------------------------------------------


def factcli_argv() -> list[str]:
    script = Path(sys.executable).with_name("factcli")
    return [str(script)] if script.exists() else [sys.executable, "-m", "factcli"]


# Each `add` run adds a claim on the same quote about another entity, so none is refused as
# a duplicate of an earlier run's claim: a state, a person or an organization weighing
# something, which the vocabulary's constraints let any of them say (the shown claim's own
# predicate may take none of them: `located_in` takes places).
ADD_PREDICATE = "considering"
_SUBJECTS = (
    "qatar",
    "russia",
    "turkey",
    "usa",
    "saudi-arabia",
    "uae",
    "bahrain",
    "egypt",
    "syria",
    "libya",
    "iran",
    "vladimir-putin",
    "sergei-shoigu",
    "rosoboronexport",
    "nato",
    "kremlin",
    "s-400",
)


def benches_for(path: Path, claims: int, last_claim: str, scratch: Path, log) -> list[Bench]:
    py, fc = sys.executable, factcli_argv()
    has_orjson = subprocess.run([py, "-c", "import orjson"], capture_output=True).returncode == 0
    db = [*fc, "--db", str(path)]
    out = [
        Bench("python -c 'import click'", [py, "-c", "import click"], "reference"),
        Bench(
            "orjson.loads(file)" if has_orjson else "json.loads(file)",
            [py, "-c", ORJSON_PARSE if has_orjson else JSON_PARSE, str(path)],
            "reference",
        ),
    ]
    if shutil.which("jq"):
        out.append(Bench("jq filter", ["jq", JQ_FILTER, str(path)], "reference"))
    cache = {"FACTCLI_CACHE": str(scratch / f"cache-{path.stem}")}
    doc = json.loads(path.read_bytes())
    one_source = next(iter(doc["sources"].values()))["id"]
    out += [
        Bench("index --rebuild", [*db, "index", "--rebuild"], env=cache),
        Bench(f"search {TERM} --json", [*db, "search", TERM, "--json"], env=cache),
        Bench(f"search {TERM} --table", [*db, "search", TERM, "--table"], env={"COLUMNS": "160", **cache}),
        # Selective: at most one source's claims (25 in the synthetic stores).
        Bench(
            f"search Qatar --source {one_source} --json",
            [*db, "search", "Qatar", "--source", one_source, "--json"],
            env=cache,
        ),
        Bench(f"show {last_claim}", [*db, "show", last_claim], env=cache),
        Bench(
            "timeline --subject qatar --limit 20 --json",
            [*db, "timeline", "--subject", "qatar", "--limit", "20", "--json"],
            env=cache,
        ),
        Bench("verify", [*db, "verify"], env=cache),
    ]
    # `add` changes its store, so it writes to a copy, made once and untimed.
    shown = subprocess.run([*db, "show", last_claim, "--json"], capture_output=True, env=child_env({}))
    [detail] = json.loads(shown.stdout)  # show --json is an array, one claim per id asked for
    copy = scratch / f"add-{path.name}"
    shutil.copyfile(path, copy)
    add_cache = {"FACTCLI_CACHE": str(scratch / f"cache-add-{path.stem}")}
    # Entity imports go to another copy; each run imports a batch of new entities.
    ent_copy = scratch / f"entities-{path.name}"
    shutil.copyfile(path, ent_copy)
    for k in range(_MAX_RUNS + 1):
        with open(scratch / f"entities-{k}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(NEW_ENTITIES):
                fh.write(
                    json.dumps(
                        {
                            "id": f"bench-{k}-{i}",
                            "type": "person",
                            "name": f"Bench Person {k} {i}",
                            "name_ar": None,
                            "aliases": [f"Person{k}x{i}"],
                            "description": None,
                        }
                    )
                    + "\n"
                )
    out.append(
        Bench(
            f"import {NEW_ENTITIES} entities",
            [*fc, "--db", str(ent_copy), "import", str(scratch / "entities-{k}.jsonl")],
            env={"FACTCLI_CACHE": str(scratch / f"cache-ent-{path.stem}")},
        )
    )
    # Claim imports go to copies of their own, one of a single claim and one of a batch;
    # each run's claims are stored claims cited on a shorter span (its own length per run),
    # so none is a duplicate of a stored claim or of an earlier run's.
    claims = list(doc["claims"].values())
    for n in (1, NEW_CLAIMS):
        copy_n = scratch / f"claims{n}-{path.name}"
        shutil.copyfile(path, copy_n)
        given = len(_spread(claims, n, 0))  # fewer than n where the store holds fewer
        for k in range(_MAX_RUNS + 1):
            with open(scratch / f"claims{n}-{k}.jsonl", "w", encoding="utf-8") as fh:
                for c in _spread(claims, n, k):
                    cit = c["citation"]
                    cut = 30 + k
                    rec = {f: c.get(f) for f in ("subject", "predicate", "object", "value", "speaker", "via")}
                    rec["statement"] = "A benchmark claim."
                    rec["citation"] = {
                        "source": cit["source"],
                        "quote": cit["quote"][:cut],
                        "start": cit["start"],
                        "end": cit["start"] + cut,
                    }
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out.append(
            Bench(
                f"import {n} claim{'s' * (n != 1)}",
                [*fc, "--db", str(copy_n), "import", str(scratch / f"claims{n}-{{k}}.jsonl")],
                env={"FACTCLI_CACHE": str(scratch / f"cache-claims{n}-{path.stem}")},
                note=f"{given} claims a run",
            )
        )
    out.append(
        Bench(
            "add",
            [
                *fc,
                "--db",
                str(copy),
                "add",
                "--source",
                detail["citation"]["source"],
                "--quote",
                detail["citation"]["quote"],
                "--subject",
                "{subject}",
                "--predicate",
                ADD_PREDICATE,
                "--statement",
                "A benchmark claim.",
            ],
            env=add_cache,
        )
    )
    return out


_MAX_RUNS = 12  # entity batches prepared: the warm-up, the store I/O check and the timed runs


def _spread(claims: list[dict[str, Any]], n: int, k: int) -> list[dict[str, Any]]:
    """n stored claims with a quote longer than any cut, batch k's own where the store allows."""
    usable = [c for c in claims if len(c["citation"]["quote"]) > 30 + _MAX_RUNS]
    start = (k * n) % max(1, len(usable) - n) if len(usable) > n else 0
    return usable[start : start + n]


def argv_of(bench: Bench, k: int) -> list[str]:
    out = [_SUBJECTS[k % len(_SUBJECTS)] if a == "{subject}" else a for a in bench.argv]
    return [a.replace("{k}", str(min(k, _MAX_RUNS))) for a in out]


def measure(label: str, benches: list[Bench], repeat: int, log) -> None:
    runs: dict[str, int] = {}
    for b in benches:
        warm = run_once(b, argv_of(b, repeat), warm_up=True)
        b.peak_kib = warm.peak_kib
        runs[b.name] = max(1, min(repeat, int(PER_COMMAND_BUDGET_S // max(warm.wall, 1e-3))))
        if b.name.endswith("--json") or b.name.startswith("jq"):
            found = f"{len(json.loads(warm.stdout))} claims"
            b.note = f"{found}; {b.note}" if b.note else found
    for r in range(repeat):
        for b in benches:
            if r < runs[b.name]:
                done = run_once(b, argv_of(b, r))
                b.wall.append(done.wall)
                b.cpu.append(done.cpu)
        log(f"  {label}: round {r + 1}/{repeat}")


# "One parse per command", measured: the command runs once in-process under an audit hook
# that counts opens of the store file for reading and atomic replacements of it.
_STORE_IO = """
import os, sys
target = os.path.realpath(sys.argv[1])
seen = {"reads": 0, "writes": 0}
def hook(event, args):
    if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
        mode, flags = args[1], args[2]
        reading = mode in ("r", "rb") or (mode is None and not flags & (os.O_WRONLY | os.O_RDWR))
        if reading and os.path.realpath(os.fsdecode(args[0])) == target:
            seen["reads"] += 1
    elif event == "os.rename":
        # (src, dst, src_dir_fd, dst_dir_fd): the store renames relative to its folder's fd.
        dst, dst_dir_fd = os.fsdecode(args[1]), args[3]
        if dst_dir_fd is not None and dst_dir_fd >= 0:
            dst = os.path.join(os.readlink(f"/proc/self/fd/{dst_dir_fd}"), dst)
        if os.path.realpath(dst) == target:
            seen["writes"] += 1
sys.addaudithook(hook)
import atexit
atexit.register(lambda: os.write(2, ("\\nSTORE-IO %(reads)d %(writes)d\\n" % seen).encode()))
sys.argv = ["factcli", *sys.argv[2:]]
from factcli.cli import main
main()
"""


def store_io(bench: Bench) -> tuple[int, int]:
    """(reads, writes) of the store file by one run of a factcli command."""
    argv = argv_of(bench, 99)
    db = argv[argv.index("--db") + 1]
    done = subprocess.run(
        [sys.executable, "-c", _STORE_IO, db, *argv[1:]], capture_output=True, env=child_env(bench.env)
    )
    m = re.search(rb"STORE-IO (\d+) (\d+)", done.stderr)
    if done.returncode != 0 or not m:
        raise SystemExit(
            f"{bench.name}: store I/O check failed: {done.stderr.decode(errors='replace')[-300:]}"
        )
    return int(m.group(1)), int(m.group(2))


# --- reporting ---------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next(ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as fh:
            kib = int(next(ln.split()[1] for ln in fh if ln.startswith("MemTotal")))
        mem = f"{kib / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        pass
    probe = (
        "import sys, importlib.metadata as m\n"
        "def v(p):\n try: return m.version(p)\n except m.PackageNotFoundError: return 'absent'\n"
        "print(sys.version.split()[0], v('click'), v('tinydb'), v('rich'), v('orjson'))"
    )
    versions = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True).stdout.split()
    python, click, tinydb, rich, orjson = (versions + ["?"] * 5)[:5]
    jq = (
        subprocess.run(["jq", "--version"], capture_output=True, text=True).stdout.strip()
        if shutil.which("jq")
        else "absent"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": python,
        "click": click,
        "tinydb": tinydb,
        "rich": rich,
        "orjson": orjson,
        "jq": jq,
        "load_at_start": f"{load:.2f}",
        "peak_memory_from": "/usr/bin/time -v" if TIME_BIN.exists() else "wait4() rusage of the child",
    }


def _median(xs: list[float]) -> float:
    return statistics.median(xs)


def _ratio(b: dict[str, Any], ref: dict[str, Any] | None) -> str:
    return f"{b['wall_median'] / ref['wall_median']:.2f}" if ref else "–"


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "| store | command | wall s (median) | CPU s | runs | × click | × parse | × jq | peak MiB | note |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for res in results:
        refs = {b["name"]: b for b in res["benches"] if b["kind"] == "reference"}
        click = next((b for n, b in refs.items() if "click" in n), None)
        parse = next((b for n, b in refs.items() if "loads" in n), None)
        jq = refs.get("jq filter")
        store = f"{res['label']} ({res['claims']} claims, {res['mib']:.1f} MiB)"
        for b in res["benches"]:
            peak = f"{b['peak_kib'] / 1024:.0f}" if b["peak_kib"] else "?"
            lines.append(
                f"| {store} | `{b['name']}` | {b['wall_median']:.3f} | {b['cpu_median']:.3f} | {len(b['wall'])} | "
                f"{_ratio(b, click)} | {_ratio(b, parse)} | {_ratio(b, jq)} | {peak} | {b['note']} |"
            )
            store = ""
    return "\n".join(lines)


def targets(results: list[dict[str, Any]], bulk: dict[str, Any] | None) -> list[tuple[str, bool, str]]:
    by = {r["label"]: {b["name"]: b for b in r["benches"]} for r in results}

    def get(label: str, start: str) -> dict[str, Any] | None:
        return next((b for n, b in by.get(label, {}).items() if n.startswith(start)), None)

    def ratio_text(a: dict[str, Any], ref: dict[str, Any]) -> str:
        return (
            f"wall {a['wall_median']:.3f} s / {ref['wall_median']:.3f} s = {a['wall_median'] / ref['wall_median']:.2f}×;"
            f" CPU {a['cpu_median'] / ref['cpu_median']:.2f}×"
        )

    out: list[tuple[str, bool, str]] = []
    click = get("shipped", "python -c")
    if click:
        s = get("shipped", f"search {TERM} --json")
        out.append(
            (
                f"shipped store, warm index: `search {TERM} --json` ≤ 1.3× `import click`",
                s["wall_median"] / click["wall_median"] <= 1.3,
                ratio_text(s, click),
            )
        )
    big = "100000" if "100000" in by else None
    if big:
        click = get(big, "python -c")
        for start in ("search Qatar --source", "show ", "timeline --subject"):
            s = get(big, start)
            out.append(
                (
                    f"{big} claims, warm index: `{s['name']}` ≤ 2× `import click`",
                    s["wall_median"] / click["wall_median"] <= 2.0,
                    ratio_text(s, click),
                )
            )
        jq = get(big, "jq filter")
        if jq:
            s = get(big, f"search {TERM} --json")
            out.append(
                (
                    f"{big} claims: `search {TERM} --json` ≤ 0.5× jq",
                    s["wall_median"] / jq["wall_median"] <= 0.5,
                    ratio_text(s, jq),
                )
            )
        b = get(big, "index --rebuild")
        out.append(
            (
                f"{big} claims: index build ≤ 20 s, peak ≤ 600 MiB",
                b["wall_median"] <= 20 and (b["peak_kib"] or 0) / 1024 <= 600,
                f"{b['wall_median']:.1f} s, {(b['peak_kib'] or 0) / 1024:.0f} MiB",
            )
        )
        v = get(big, "verify")
        out.append((f"{big} claims: `verify` ≤ 30 s", v["wall_median"] <= 30, f"{v['wall_median']:.1f} s"))
        e = get(big, "import ")
        out.append(
            (
                f"{big} claims: import of {NEW_ENTITIES} new entities ≤ 2 s",
                e["wall_median"] <= 2,
                f"{e['wall_median']:.2f} s",
            )
        )
        add = get(big, "add")
        out.append((f"{big} claims: `add`", True, f"{add['wall_median']:.2f} s (no target; for the record)"))
        for n in (1, NEW_CLAIMS):
            imp = get(big, f"import {n} claim")
            out.append(
                (
                    f"{big} claims: import of {n} claim{'s' * (n != 1)}",
                    True,
                    f"{imp['wall_median']:.2f} s (no target; for the record)",
                )
            )
        peaks = {
            n: b["peak_kib"] / 1024 for n, b in by[big].items() if b["kind"] == "factcli" and b["peak_kib"]
        }
        worst = max(peaks, key=peaks.get)
        out.append(
            (
                f"{big} claims: peak memory ≤ 600 MiB",
                peaks[worst] <= 600,
                "; ".join(f"{n} {v:.0f} MiB" for n, v in peaks.items()),
            )
        )
    if bulk:
        ok = bulk["import_store_reads"] == 1 and bulk["import_store_writes"] == 1
        out.append(
            (
                f"bulk import of {bulk['claims']} claims: one read and one write of the store",
                ok,
                f"{bulk['import_store_reads']} read, {bulk['import_store_writes']} write, "
                f"{bulk['import_seconds']} s ({bulk['import_rss_mib']} MiB peak)"
                if "import_rss_mib" in bulk
                else f"{bulk['import_store_reads']} read, {bulk['import_store_writes']} write, {bulk['import_seconds']} s",
            )
        )
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes",
        default=DEFAULT_SIZES,
        help=f"comma-separated: 'shipped' and/or claim counts (default {DEFAULT_SIZES})",
    )
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each command per store (default 5)")
    ap.add_argument(
        "--out", type=Path, default=generate.OUT / "results.json", help="where to save the numbers"
    )
    args = ap.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.perf_counter()
    # Stores are generated through the importer, whose writes keep an index: not in ~/.cache.
    os.environ.setdefault("FACTCLI_CACHE", str(generate.OUT / "cache-generate"))
    info = machine()
    log("machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    generate.OUT.mkdir(exist_ok=True)
    results: list[dict[str, Any]] = []
    bulk = None
    io_checked: dict[str, str] = {}  # command -> store reads and writes, on the first store
    with tempfile.TemporaryDirectory(prefix="bench-", dir=generate.OUT) as scratch:
        for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
            if size == "shipped":
                path, meta = generate.SHIPPED, None
                claims = len(json.loads(path.read_bytes())["claims"])
            else:
                path = generate.ensure(int(size), log=log)
                meta = generate.cached(int(size))
                claims = meta["claims"]
                if bulk is None or claims > bulk["claims"]:
                    bulk = meta
            last = meta["last_claim"] if meta else f"c{claims:04d}"
            log(f"{size}: {claims} claims, {path.stat().st_size / 2**20:.1f} MiB")
            benches = benches_for(path, claims, last, Path(scratch), log)
            if not io_checked:
                for b in benches:
                    if b.kind == "factcli":
                        reads, writes = store_io(b)
                        io_checked[b.name] = (
                            f"{reads} read{'s' * (reads != 1)}, {writes} write{'s' * (writes != 1)}"
                        )
            measure(size, benches, args.repeat, log)
            results.append(
                {
                    "label": size,
                    "claims": claims,
                    "mib": path.stat().st_size / 2**20,
                    "benches": [
                        {
                            "name": b.name,
                            "kind": b.kind,
                            "argv": b.argv,
                            "wall": b.wall,
                            "cpu": b.cpu,
                            "wall_median": _median(b.wall),
                            "cpu_median": _median(b.cpu),
                            "peak_kib": b.peak_kib,
                            "note": b.note,
                        }
                        for b in benches
                    ],
                }
            )
    checks = targets(results, bulk)
    print(
        f"\nMachine: {info['nproc']} × {info['cpu']}, {info['memory']} RAM, {info['os']}; Python {info['python']}, "
        f"click {info['click']}, TinyDB {info['tinydb']}, rich {info['rich']}, orjson {info['orjson']}, {info['jq']}; "
        f"load average {info['load_at_start']} at start; peak memory from {info['peak_memory_from']}.\n"
    )
    print(table(results))
    print(
        "\nStore file opened for reading / replaced, per run (first store): "
        + "; ".join(f"`{k}` {v}" for k, v in io_checked.items())
        + "."
    )
    print("\nTargets:\n")
    for what, ok, detail in checks:
        print(f"- {'PASS' if ok else 'FAIL'}: {what} ({detail})")
    print(
        f"\n{args.repeat} timed runs per command (fewer when its warm-up took over "
        f"{PER_COMMAND_BUDGET_S / args.repeat:.0f} s); whole run {time.perf_counter() - started:.0f} s."
    )
    args.out.write_text(
        json.dumps(
            {
                "machine": info,
                "results": results,
                "targets": checks,
                "bulk_import": bulk,
                "store_io": io_checked,
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    log(f"numbers saved to {args.out}")


if __name__ == "__main__":
    main()
