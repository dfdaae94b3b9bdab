"""What a search costs as the store grows, whatever common words the query holds.

Whole `factcli` processes on the synthetic stores of `generate.py` (each claim's quote opens
with its news number, «الخبر رقم N»: two words every claim holds and one only claim N
holds), round-robin with `python -c "import click"` in the same rounds, medians of wall and
CPU time, and each command's median as a ratio to click's of the same run:

* selective: one rare word (`N`), a name with a filter leaving one source's claims;
* common words: the rare word beside words every claim holds (`الخبر رقم N`), and beside a
  name most claims are about and two stopwords (`Qatar the في M`, M a claim about Qatar);
* heavy: a name most claims are about, as `--json` (next to jq's filter over the file, the
  floor of any tool that reads it), as `--count`, and as `--jsonl` and `--csv`;
* `show` of the last claim, and of a claim at the end of a 10 MB source (a store of its
  own: the 1k store plus that source).

Each command's warm-up run (untimed) builds its index in a scratch cache (or `--cache`)
and gives the number of claims found; a second untimed run says how many timed runs fit the
budget. `--code DIR` runs another checkout's factcli (through PYTHONPATH),
for a before/after in one run:

    python benchmarks/search_cost.py --sizes 1000,10000,100000 --repeat 5
    python benchmarks/search_cost.py --code /path/to/main --code . --sizes 100000 --cache benchmarks/out/caches
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

BIG_SOURCE_CHARS = 10 * 2**20
# jq's version of `search Qatar`: the name in the statement, the Arabic name in the quote,
# or Qatar as a role.
JQ_QATAR = (
    '[.claims[] | select((.statement | test("qatar"; "i")) or (.citation.quote | test("قطر"))'
    ' or .subject == "qatar" or .object == "qatar" or .speaker == "qatar")]'
)


def rare_number(n: int) -> str:
    """A claim's news number that reads as no year (a four-digit number from 1000 to 2999
    is a year to the query reader)."""
    k = max(1, n * 789 // 1000)
    return str(k) if not (1000 <= k <= 2999) else str(k + 3000)


def big_source_store(scratch: Path) -> tuple[Path, str]:
    """The 1k store plus one 10 MB source with one claim on its last paragraph."""
    sys.path.insert(0, str(generate.ROOT))
    from factcli import store
    from factcli.importer import import_records

    path = generate.OUT / "store-bigsource.json"
    meta = generate.OUT / "store-bigsource.meta.json"
    fingerprint = {**generate._fingerprint(), "chars": BIG_SOURCE_CHARS}
    if path.exists() and meta.exists() and json.loads(meta.read_text()) == fingerprint:
        doc = json.loads(path.read_bytes())
        return path, list(doc["claims"].values())[-1]["id"]
    shutil.copyfile(generate.ensure(1000), path)
    paragraph = "وقال المتحدث إن المحادثات بين البلدين تناولت التعاون العسكري والتقني في مجالات عدة.\n\n"
    body = paragraph * (BIG_SOURCE_CHARS // len(paragraph))
    quote = "وأكد الوزير أن منظومة إس-400 ستسلم في موعدها المحدد."
    text = body + quote + "\n"
    records = [
        {
            "id": "big-source",
            "title": "A long source",
            "outlet": "Benchmark",
            "credited": [],
            "language": "ar",
            "url": None,
            "published": {
                "start": "2018-01-01",
                "end": "2018-01-01",
                "precision": "day",
                "text": "2018-01-01",
            },
            "note": "synthetic benchmark source",
            "text": text,
        },
        {
            "subject": "russia",
            "predicate": "delivered",
            "object": "s-400",
            "statement": "The minister said the S-400 would be delivered on time.",
            "citation": {
                "source": "big-source",
                "quote": quote,
                "start": len(body),
                "end": len(body) + len(quote),
            },
        },
    ]
    summary = import_records(store.Location(path, "--db"), records)
    meta.write_text(json.dumps(fingerprint))
    return path, summary.claim_ids[-1]


def about_qatar(claims: list[dict], n: int) -> str:
    """The news number of a claim about Qatar, from `rare_number(n)` on: a common-word query
    that finds its claim (one that finds nothing pays for the "did you mean" hint too)."""
    k = int(rare_number(n))
    while k < len(claims) and "qatar" not in (claims[k - 1].get("statement") or "").lower():
        k += 1
    return str(k) if not (1000 <= k <= 2999) else rare_number(n)


def commands(path: Path, n: int, one_source: str, last: str, qatari: str) -> list[tuple[str, str, list[str]]]:
    """(group, label, factcli arguments) for one store."""
    rare = rare_number(n)
    db = ["--db", str(path)]
    return [
        ("selective", f"search {rare} --json", [*db, "search", rare, "--json"]),
        (
            "selective",
            "search Qatar --source ONE --json",
            [*db, "search", "Qatar", "--source", one_source, "--json"],
        ),
        ("common words", f"search الخبر رقم {rare} --json", [*db, "search", "الخبر", "رقم", rare, "--json"]),
        (
            "common words",
            f"search Qatar the في {qatari} --json",
            [*db, "search", "Qatar", "the", "في", qatari, "--json"],
        ),
        ("heavy", "search Qatar --json", [*db, "search", "Qatar", "--json"]),
        ("heavy", "search Qatar --count", [*db, "search", "Qatar", "--count"]),
        ("heavy", "search Qatar --jsonl", [*db, "search", "Qatar", "--jsonl"]),
        ("heavy", "search Qatar --csv", [*db, "search", "Qatar", "--csv"]),
        ("show", f"show {last}", [*db, "show", last]),
    ]


def run(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, bytes]:
    # In a folder of no checkout: `python -m` puts the working folder first on the path,
    # which would run the factcli found there rather than PYTHONPATH's.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as errors:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=errors, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read()
        out.seek(0)
        data = out.read()
    if code not in (0, 1):
        raise SystemExit(f"exit {code}: {' '.join(argv)}\n{err.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, data


def found(data: bytes, label: str) -> str:
    text = data.decode(errors="replace").strip()
    if label.endswith("--count") or not text:
        return text or "0"
    if label.endswith("--jsonl"):
        return str(len(text.splitlines()))
    if label.endswith("--csv"):
        import csv
        import io

        return str(sum(1 for _ in csv.reader(io.StringIO(text))) - 1)  # less the header
    if label.startswith("show") or not text.startswith("["):
        return ""
    return str(len(json.loads(text)))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--code", action="append", help="a checkout whose factcli to run (repeatable; default: this one)"
    )
    ap.add_argument("--budget", type=float, default=20.0, help="seconds of timed runs per command and size")
    ap.add_argument(
        "--cache",
        help="keep each checkout's indexes in this folder, for the next run (default: a scratch folder)",
    )
    args = ap.parse_args(argv)
    codes = [Path(c).resolve() for c in (args.code or [str(generate.ROOT)])]
    scratch = Path(tempfile.mkdtemp(prefix="search-cost-", dir=generate.OUT))
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    base["PYTHONPYCACHEPREFIX"] = str(generate.OUT / "pycache")
    py = sys.executable
    click = ([py, "-c", "import click"], dict(base))
    rows = []
    stores = []
    for size in [int(s) for s in args.sizes.split(",")]:
        path = generate.ensure(size)
        doc = json.loads(path.read_bytes())
        one_source = next(iter(doc["sources"].values()))["id"]
        claims = list(doc["claims"].values())
        last = claims[-1]["id"]
        stores.append((f"{size:,}", path, commands(path, size, one_source, last, about_qatar(claims, size))))
        del doc
    big, big_claim = big_source_store(scratch)
    stores.append(
        ("1k + 10 MB source", big, [("show", f"show {big_claim}", ["--db", str(big), "show", big_claim])])
    )
    for label, path, cmds in stores:
        benches: list[tuple[str, str, str, list[str], dict[str, str]]] = [
            ("reference", "import click", "", *click)
        ]
        if shutil.which("jq") and any(c[1] == "search Qatar --json" for c in cmds):
            benches.append(("reference", "jq filter (Qatar)", "", ["jq", JQ_QATAR, str(path)], dict(base)))
        for code in codes:
            caches = Path(args.cache).resolve() if args.cache else scratch
            env = {**base, "PYTHONPATH": str(code), "FACTCLI_CACHE": str(caches / f"cache-{code.name}")}
            for group, name, fargs in cmds:
                benches.append(
                    (group, name, code.name if len(codes) > 1 else "", [py, "-m", "factcli", *fargs], env)
                )
        times: dict[int, list[tuple[float, float]]] = {i: [] for i in range(len(benches))}
        counts: dict[int, str] = {}
        runs: dict[int, int] = {}
        for i, (_, name, _, cmd, env) in enumerate(benches):
            _, _, data = run(cmd, env, scratch)  # warm-up: the index, the page cache, bytecode
            counts[i] = found(data, name) if "jq" not in name else str(len(json.loads(data)))
        for i, (_, _, _, cmd, env) in enumerate(benches):
            wall, _, _ = run(cmd, env, scratch)  # how long a warm run takes: how many fit the budget
            runs[i] = max(1, min(args.repeat, int(args.budget // max(wall, 1e-3))))
        for r in range(args.repeat):
            for i, (_, _, _, cmd, env) in enumerate(benches):
                if r < runs[i]:
                    wall, cpu, _ = run(cmd, env, scratch)
                    times[i].append((wall, cpu))
            print(f"{label}: round {r + 1}/{args.repeat}", file=sys.stderr)
        ref = statistics.median(w for w, _ in times[0])
        jq = next(
            (statistics.median(w for w, _ in times[i]) for i, b in enumerate(benches) if "jq" in b[1]), None
        )
        for i, (group, name, code, _, _) in enumerate(benches):
            wall = statistics.median(w for w, _ in times[i])
            cpu = statistics.median(c for _, c in times[i])
            vs_jq = f"{wall / jq:.2f}" if jq and name == "search Qatar --json" else ""
            rows.append((label, group, name, code, wall, cpu, wall / ref, vs_jq, counts[i], len(times[i])))
    print("| store | kind | command | code | wall s | CPU s | × click | × jq | found | runs |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|---:|")
    for label, group, name, code, wall, cpu, ratio, vs_jq, n, k in rows:
        print(
            f"| {label} | {group} | `{name}` | {code} | {wall:.3f} | {cpu:.3f} | {ratio:.2f} | {vs_jq} | {n} | {k} |"
        )
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
