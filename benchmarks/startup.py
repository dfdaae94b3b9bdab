"""Start-up of the everyday read commands on the shipped store, against `import click`.

A short companion to `run.py` (same process runner, same bytecode cache, same scratch
index): each command is a fresh process, round-robin with `python -c "import click"` in the
same rounds, and the table gives wall and CPU medians and their ratios to click. The index
is warm (the untimed warm-up builds it), as a user has it from the second command on.

Then, for each command, the modules a `-X importtime` run loads that `import click` does
not, with their cumulative import time: what start-up pays for beyond the CLI framework.

`--code DIR` runs another checkout's factcli (through PYTHONPATH, from a folder of no
checkout), for a before/after in the same rounds:

    python benchmarks/startup.py               # 15 rounds, about 20 s
    python benchmarks/startup.py --repeat 40 --no-imports
    python benchmarks/startup.py --code /path/to/main --code . --no-imports
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from run import Bench, _median, child_env, factcli_argv, run_once  # noqa: E402

COMMANDS = (
    ["search", "S-400", "--json"],
    ["show", "c0001"],
    ["timeline", "--subject", "qatar", "--limit", "20", "--json"],
    ["--help"],
)
TARGET = 1.3  # issue 9: shipped store, warm index, search S-400 --json <= 1.3x import click


def benches(cache: Path, codes: list[Path] | None = None) -> list[Bench]:
    out = [Bench("python -c 'import click'", [sys.executable, "-c", "import click"], "reference")]
    if not codes:
        db = [*factcli_argv(), "--db", str(generate.SHIPPED)]
        env = {"FACTCLI_CACHE": str(cache)}
        return out + [Bench(" ".join(c), [*db, *c], env=env) for c in COMMANDS]
    for code in codes:
        db = [sys.executable, "-m", "factcli", "--db", str(generate.SHIPPED)]
        env = {"FACTCLI_CACHE": str(cache / code.name), "PYTHONPATH": str(code)}
        out += [Bench(f"{' '.join(c)} ({code.name})", [*db, *c], env=env) for c in COMMANDS]
    return out


def imported(argv: list[str], env: dict[str, str]) -> dict[str, int]:
    """module -> its own import time (µs, children excluded) in one `-X importtime` run."""
    if argv[0] != sys.executable:  # the console script is a Python file: run it under -X too
        argv = [sys.executable, *argv]
    done = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]], capture_output=True, text=True, env=child_env(env)
    )
    mods: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            own, _, name = line[len("import time:") :].split("|")
            if own.strip().isdigit():
                mods[name.strip()] = mods.get(name.strip(), 0) + int(own)
    return mods


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=15, help="timed rounds (default 15)")
    ap.add_argument("--no-imports", action="store_true", help="skip the -X importtime listing")
    ap.add_argument("--code", action="append", help="a checkout whose factcli to run (repeatable)")
    args = ap.parse_args(argv)
    generate.OUT.mkdir(exist_ok=True)
    codes = [Path(c).resolve() for c in args.code or ()]
    with tempfile.TemporaryDirectory(prefix="startup-", dir=generate.OUT) as scratch:
        bs = benches(Path(scratch) / "cache", codes)
        if codes:
            # `python -m` puts the working folder first on the path: run from one that holds
            # no checkout, so each bench gets its PYTHONPATH's factcli.
            os.chdir(scratch)
        for b in bs:  # warm-up: exit status, index build, page and bytecode caches
            run_once(b, b.argv, warm_up=True)
        for _ in range(args.repeat):
            for b in bs:
                done = run_once(b, b.argv)
                b.wall.append(done.wall)
                b.cpu.append(done.cpu)
        load = os.getloadavg()[0]
        click_wall, click_cpu = _median(bs[0].wall), _median(bs[0].cpu)
        print(f"shipped store, warm index; {args.repeat} rounds; load average {load:.2f} at the end\n")
        print("| command | wall ms | CPU ms | × click (wall) | × click (CPU) |")
        print("|---|---:|---:|---:|---:|")
        for b in bs:
            w, c = _median(b.wall), _median(b.cpu)
            print(
                f"| `{b.name}` | {w * 1000:.1f} | {c * 1000:.1f} | {w / click_wall:.2f} | {c / click_cpu:.2f} |"
            )
        print()
        for search in (b for b in bs if b.name.startswith("search")):
            ratio = _median(search.wall) / click_wall
            print(
                f"{'PASS' if ratio <= TARGET else 'FAIL'}: `{search.name}` ≤ {TARGET}× import click ({ratio:.2f}×)"
            )
        if args.no_imports:
            return
        floor = imported([sys.executable, "-c", "import click"], {})
        print("\nImported beyond `import click` (own import time in µs, one run, bytecode cached):")
        for b in bs[1:]:
            extra = {m: t for m, t in imported(b.argv, b.env).items() if m not in floor}
            listed = ", ".join(f"{m} {extra[m]}" for m in sorted(extra, key=extra.get, reverse=True))
            print(f"- `{b.name}` ({sum(extra.values()) / 1000:.1f} ms): {listed}")


if __name__ == "__main__":
    main()
