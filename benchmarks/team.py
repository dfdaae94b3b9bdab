"""The directory store at scale: convert, one add and the search after it, and four writers
to different sources.

Whole cold processes, as a user runs them, each against the same store in both layouts in the
same run (so the ratios hold on a busy machine): `factcli convert` of a synthetic store of N
claims into a folder (seconds and peak memory), the first read (which builds the index), one
`factcli add` to the folder and the selective `search` after it (medians of `--repeat` pairs,
each against `python -c "import click"` run beside it), one `add` to the file, and four
processes adding claims to four different sources of the folder at once (claims a second,
and whether every one is stored), with the 1-minute load average at the start and the end
of each size. Stores come from `generate.py`.

    python benchmarks/team.py --sizes 10000,100000 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def run(args: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Seconds, peak RSS in MiB of the child, and stdout of one factcli process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "factcli", *args], env=env, capture_output=True, text=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{args}: {done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return took, max(peak, before) // 1024, done.stdout


def add_args(db: Path, source: str, quote: str, n: int) -> list[str]:
    return [
        "--db", str(db), "add", "--source", source, "--quote", quote, "--subject", "qatar",
        "--predicate", "considering", "--statement", f"Benchmark note {n}.",
    ]  # fmt: skip


def unique_quotes(text: str, n: int) -> list[str]:
    """`n` quotes of 40 characters that each occur once in `text`, on one line, apart from one
    another: a writer's adds that the importer takes (the synthetic texts repeat phrases, and
    a quote found twice is refused, which would count as time and no claim)."""
    out: list[str] = []
    at = 60
    while len(out) < n and at + 40 <= len(text):
        quote = text[at : at + 40].strip()
        if "\n" not in quote and text.count(quote) == 1:
            out.append(quote)
            at += 41
        else:
            at += 7
    return out


def click_s(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import click"], env=env, check=True)
    return time.perf_counter() - started


def measure(size: int, work: Path, repeat: int, per_writer: int = 10) -> dict[str, object]:
    src = generate.ensure(size)
    load_before = os.getloadavg()[0]  # the machine is shared: say how busy it was
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # bytecode cached, as installed
    env.update(FACTCLI_CACHE=str(work / "cache"), FACTCLI_MAX_MB="4096")
    file_store = work / f"facts-{size}.json"
    shutil.copy(src, file_store)
    folder = work / f"desk-{size}"
    convert_s, convert_mb, _ = run(["convert", str(file_store), str(folder)], env)
    sources = (folder / "sources.txt").read_text().split()
    texts = [json.loads((folder / "sources" / f"{s}.json").read_text())["text"] for s in sources[:4]]
    quote = texts[0][:40]
    first_read, _, _ = run(["--db", str(folder), "search", "Qatar", "--limit", "1"], env)
    adds, searches, clicks = [], [], []
    for i in range(repeat):
        adds.append(run(add_args(folder, sources[0], texts[0][7 * i : 7 * i + 40], i), env)[0])
        search = ["--db", str(folder), "search", "Benchmark", "--source", sources[0], "--limit", "3"]
        searches.append(run(search, env)[0])
        clicks.append(click_s(env))
    add_dir, search_s, click = (statistics.median(x) for x in (adds, searches, clicks))
    add_file, _, _ = run(add_args(file_store, sources[0], quote, 0), env)
    script = (
        "import json, sys\nfrom factcli.cli import main\n"
        "db, source, quotes = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])\n"
        "for i, quote in enumerate(quotes):\n"
        "    args = ['--db', db, 'add', '--source', source, '--quote', quote]\n"
        "    args += ['--subject', 'qatar', '--predicate', 'considering', '--statement', f'writer note {i}']\n"
        "    try: main(args, standalone_mode=False)\n"
        "    except SystemExit: pass\n"
    )
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(folder), s, json.dumps(unique_quotes(t, per_writer))],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s, t in zip(sources[:4], texts, strict=True)
    ]
    outs = [p.communicate() for p in procs]
    took = time.perf_counter() - started
    made = [line for out, _ in outs for line in out.split()]
    refused = [line for _, err in outs for line in err.splitlines()]
    stored = {json.loads(x)["id"] for s in sources[:4] for x in (folder / "claims" / f"{s}.jsonl").read_text().splitlines()}
    return {
        "claims": size,
        "convert_s": round(convert_s, 2),
        "convert_peak_mb": convert_mb,
        "first_read_s": round(first_read, 2),
        "add_folder_s": round(add_dir, 3),
        "search_after_add_s": round(search_s, 3),
        "import_click_s": round(click, 3),
        "add_x_click": round(add_dir / click, 1),
        "search_x_click": round(search_s / click, 1),
        "add_file_s": round(add_file, 3),
        "writers": 4,
        "writer_claims": len(made),
        "writer_refusals": refused,
        "writer_claims_per_s": round(len(made) / took, 1),
        "lost": sorted(set(made) - stored),
        "load_average": [round(load_before, 1), round(os.getloadavg()[0], 1)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--per-writer", type=int, default=10, help="claims each of the four writers adds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            print(json.dumps(measure(size, Path(tmp), args.repeat, args.per_writer), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
