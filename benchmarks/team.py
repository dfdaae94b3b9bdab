"""The directory store at scale: conversions, the first read, warm selective reads, one add
and the search after it, and four writers to different sources.

Whole cold processes, as a user runs them, on a working copy of the synthetic store of N
claims as a folder (`generate.work_folder`: kept between runs with its index cache, so the
index built by one run's first read serves the next run's warm reads): `factcli convert` of
the store file into a folder and of the folder into a file (seconds and the child's peak
memory; at a million claims, where no store file can be read, the folder's bulk import
`generate.py --folder` made instead, and the conversion to a file), the first read (which
builds the index), the selective reads `server.py` times (`search Qatar --source ONE`, `show
ID`, `timeline --subject qatar --limit 20`), one `factcli add` to the folder and the
selective `search` after it (medians of `--repeat`, each beside `python -c "import click"`
run in the same loop), one `add` to the file, and four processes adding claims to four other
sources of the folder at once (claims a second, and whether every one is stored), with the
1-minute load average at the start and the end of each size.

    python benchmarks/team.py --sizes 10000,100000,1000000 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import random
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


def run(args: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> tuple[float, int, str]:
    """Seconds, peak RSS in MiB of this one child, and stdout of one factcli process."""
    with (
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
        tempfile.NamedTemporaryFile() as peak,
    ):
        started = time.perf_counter()
        code = subprocess.run(
            [*PEAK, peak.name, sys.executable, "-m", "factcli", *args], env=env, stdout=out, stderr=err
        ).returncode
        took = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if code not in ok:
            raise SystemExit(f"{args}: exit {code}: {err.read().decode()}")
        return took, int(Path(peak.name).read_text().split()[-1]) // 1024, out.read().decode()


# The child's own peak memory, by time(1): a child of this process would count this
# process's memory at the fork (Linux carries the high-water mark over exec).
PEAK = ["/usr/bin/time", "-f", "%M", "-o"]


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


def reads(folder: Path, sources: list[str]) -> dict[str, list[str]]:
    """The selective reads timed against `import click`: the ones `server.py` times."""
    middle = sources[len(sources) // 2]
    claim = json.loads((folder / "claims" / f"{middle}.jsonl").read_text(encoding="utf-8").splitlines()[0])[
        "id"
    ]
    return {
        "search": ["--db", str(folder), "search", "Qatar", "--source", middle, "--json"],
        "show": ["--db", str(folder), "show", claim, "--json"],
        "timeline": ["--db", str(folder), "timeline", "--subject", "qatar", "--limit", "20", "--json"],
    }


def measure(size: int, work: Path, repeat: int, per_writer: int = 10) -> dict[str, object]:
    load_before = os.getloadavg()[0]  # the machine is shared: say how busy it was
    folder, cache = generate.work_folder(size)
    env = {
        k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"
    }  # bytecode cached, as installed
    env.update(FACTCLI_CACHE=str(cache), FACTCLI_MAX_MB="4096")
    out: dict[str, object] = {"claims": size}
    # Conversions, both ways, each a new store in the scratch folder.
    file_store = work / f"facts-{size}.json"
    if size < 1_000_000:
        shutil.copy(generate.ensure(size), file_store)
        took, peak, _ = run(["convert", str(file_store), str(work / "converted")], env)
        out.update(convert_to_folder_s=round(took, 1), convert_to_folder_mib=peak)
        shutil.rmtree(work / "converted")
        file_store.unlink()
    else:
        made = generate.cached_folder(size) or {}
        out.update(
            import_new_folder_s=made.get("import_seconds"), import_new_folder_mib=made.get("import_rss_mib")
        )
    took, peak, _ = run(["convert", str(folder), str(file_store)], env)
    out.update(convert_to_file_s=round(took, 1), convert_to_file_mib=peak)
    file_bytes = file_store.stat().st_size
    out["file_mib"] = round(file_bytes / 2**20)
    sources = (folder / "sources.txt").read_text().split()
    # The sources written to, drawn anew each run (the working copy is kept between runs):
    # one for the adds, four for the writers, none written to before by this script.
    mine = random.Random().sample(sources[len(sources) // 2 + 1 :], 5)
    texts = [json.loads((folder / "sources" / f"{s}.json").read_text())["text"] for s in mine]
    # The first read builds the index (once per working copy: kept in its cache).
    index_files = list(cache.rglob("*.sqlite")) if cache.exists() else []
    took, peak, _ = run(["--db", str(folder), "search", "Qatar", "--limit", "1"], env)
    if not index_files:
        out.update(first_read_s=round(took, 1), first_read_mib=peak)
    # Selective reads, warm, each beside `import click`.
    for name, argv in reads(folder, sources).items():
        run(argv, env)
        times, clicks = [], []
        for _ in range(repeat):
            times.append(run(argv, env)[0])
            clicks.append(click_s(env))
        t, c = statistics.median(times), statistics.median(clicks)
        out[f"{name}_s"], out[f"{name}_click_s"], out[f"{name}_x_click"] = (
            round(t, 3),
            round(c, 3),
            round(t / c, 1),
        )
    adds, searches, clicks = [], [], []
    quotes = unique_quotes(texts[0], repeat + 1)
    for i in range(repeat):
        adds.append(run(add_args(folder, mine[0], quotes[i], i), env)[0])
        search = ["--db", str(folder), "search", "Benchmark", "--source", mine[0], "--limit", "3"]
        searches.append(run(search, env)[0])
        clicks.append(click_s(env))
    add_dir, search_s, click = (statistics.median(x) for x in (adds, searches, clicks))
    out.update(
        add_folder_s=round(add_dir, 3),
        search_after_add_s=round(search_s, 3),
        import_click_s=round(click, 3),
        add_x_click=round(add_dir / click, 1),
        search_x_click=round(search_s / click, 1),
    )
    if size < 1_000_000:
        shutil.copy(generate.ensure(size), work / "file.json")
        out["add_file_s"] = round(run(add_args(work / "file.json", mine[0], quotes[-1], 0), env)[0], 3)
        (work / "file.json").unlink()
    if file_store.exists():
        file_store.unlink()
    script = (
        "import json, sys\nfrom factcli.cli import main\n"
        "db, source, quotes = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])\n"
        "for i, quote in enumerate(quotes):\n"
        "    args = ['--db', db, 'add', '--source', source, '--quote', quote]\n"
        "    args += ['--subject', 'qatar', '--predicate', 'considering', '--statement', f'writer note {i}']\n"
        "    try: main(args, standalone_mode=False)\n"
        "    except SystemExit: pass\n"
    )
    picked, wtexts = mine[1:], texts[1:]
    started = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(folder), s, json.dumps(unique_quotes(t, per_writer))],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for s, t in zip(picked, wtexts, strict=True)
    ]
    outs = [p.communicate() for p in procs]
    took = time.perf_counter() - started
    made = [line for o, _ in outs for line in o.split()]
    refused = [line for _, err in outs for line in err.splitlines()]
    stored = {
        json.loads(x)["id"]
        for s in picked
        for x in (folder / "claims" / f"{s}.jsonl").read_text().splitlines()
    }
    out.update(
        writers=4,
        writer_claims=len(made),
        writer_refusals=refused,
        writer_claims_per_s=round(len(made) / took, 1),
        lost=sorted(set(made) - stored),
        load_average=[round(load_before, 1), round(os.getloadavg()[0], 1)],
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--per-writer", type=int, default=10, help="claims each of the four writers adds")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(dir=generate.OUT) as tmp:
            print(
                json.dumps(measure(size, Path(tmp), args.repeat, args.per_writer), ensure_ascii=False),
                flush=True,
            )


if __name__ == "__main__":
    main()
