"""Every command example in the README and in every `--help` runs, exactly as printed.

Each README ```sh block runs line by line in a folder holding the same files each time, and
so do the examples of each command's help, in the order printed: a copy of the shipped store as `facts.json` (the
default store) and `mine.json`, the corpus under `tests/`, and `claims.jsonl` holding one
claim the shipped store lacks (the title of the khaleej article, which says Qatar continues
its talks with Russia on the S-400). Of a setup line (`python3 -m venv ... && pip install .
&& factcli search S-400`) the factcli command it ends with runs, in the installed package the
tests run from; a block that only sets up or runs the tests is not run.

What it costs, and how it is kept down without running anything other than what is printed:
- Every line runs in bash as printed, but the `factcli` bash finds on PATH is a small client
  that hands its argv, folder, environment and its own stdin/stdout/stderr (the very pipes
  and files bash set up) to a process that has already imported factcli's modules; that process forks,
  and the fork runs the console script's `sys.exit(main())` on those files and reports its
  exit status, which the client exits with. An interpreter start and factcli's imports
  (~150 ms a command) are paid once per test session instead of once per `factcli` on a
  line. The setup line's `factcli search S-400` runs the installed console script itself,
  so the real entry point stays covered (test_cli.py covers `python -m factcli`).
- The folder is one per test session (per xdist worker), reset to the same contents before
  each block; `facts.json` and `mine.json` are only copied again when a block changed them,
  so the search index of the unchanged shipped copy is built once, not once per example.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import ROOT, SHIPPED, database
from warm import CONSOLE_SCRIPT, example_env, warm_factcli_bin

import factcli
from factcli.cli import main

pytestmark = pytest.mark.skipif(
    shutil.which("jq") is None or shutil.which("bash") is None,
    reason="the examples pipe into jq and run in bash",
)

NEW_CLAIM = {
    "subject": "qatar",
    "predicate": "negotiating_purchase",
    "object": "s-400",
    "modality": "in_talks",
    "statement": "Qatar continues its talks with Russia on buying the S-400 air defence system.",
    "citation": {
        "source": "khaleej-2018-07-21",
        "quote": "قطر تواصل المباحثات مع روسيا لشراء منظومة «إس-400» الدفاعية",
    },
}


def _joined(lines: list[str]) -> list[str]:
    """Lines with their backslash continuations joined, blank lines dropped."""
    out: list[str] = []
    buf = ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            buf += line.rstrip()[:-1] + " "
            continue
        buf += line
        if buf.strip():
            out.append(buf.strip())
        buf = ""
    return out


def readme_blocks() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [_joined(b.splitlines()) for b in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def help_blocks() -> dict[str, list[str]]:
    """command path -> the example lines of its --help."""
    found: dict[str, list[str]] = {}

    def walk(cmd: click.Command, path: list[str]) -> None:
        text = CliRunner().invoke(main, [*path, "--help"]).stdout
        if "Examples:" in text:
            block = text.split("Examples:", 1)[1].split("\n\n", 1)[0]
            found[" ".join(["factcli", *path])] = _joined(block.splitlines())
        for name, sub in subcommands(cmd).items():
            walk(sub, [*path, name])

    walk(main, [])
    return found


def subcommands(cmd: click.Command) -> dict[str, click.Command]:
    """A group's commands by name, each loaded (factcli's group loads them as they run)."""
    if not isinstance(cmd, click.Group):
        return {}
    ctx = click.Context(cmd)
    return {n: c for n in cmd.list_commands(ctx) if (c := cmd.get_command(ctx, n)) is not None}


def _setup_line(line: str) -> bool:
    return "pip install" in line or "pytest" in line


def _runnable(line: str) -> str | None:
    if not _setup_line(line):
        return line
    tail = line.rsplit("&&", 1)[-1].strip()
    return tail if tail.startswith("factcli ") else None


@pytest.fixture(scope="module")
def warm_factcli() -> Iterator[Path]:
    with warm_factcli_bin() as path:
        yield path


class Workspace:
    """One folder for every example of a worker, reset to the same files before each block.

    `facts.json` and `mine.json` are copied again only when a block changed them (any write
    changes their stat), so an unchanged copy keeps its search index between examples."""

    STORES = ("facts.json", "mine.json")

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.stamps: dict[str, tuple[int, ...]] = {}
        (folder / "tests").symlink_to(ROOT / "tests")
        (folder / "examples").symlink_to(ROOT / "examples")

    @staticmethod
    def _stamp(path: Path) -> tuple[int, ...] | None:
        try:
            st = path.lstat()
        except FileNotFoundError:
            return None
        return (st.st_mode, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def reset(self) -> Path:
        for entry in self.folder.iterdir():
            if entry.name in ("tests", "examples"):
                continue
            if entry.name in self.STORES and self._stamp(entry) == self.stamps.get(entry.name):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for name in self.STORES:
            path = self.folder / name
            if not path.exists():
                path.write_bytes(SHIPPED.read_bytes())
                self.stamps[name] = self._stamp(path)  # type: ignore[assignment]
            assert path.read_bytes() == SHIPPED.read_bytes()
        (self.folder / "claims.jsonl").write_text(
            json.dumps(NEW_CLAIM, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        assert sorted(p.name for p in self.folder.iterdir()) == sorted(
            ["claims.jsonl", "examples", "tests", *self.STORES]
        )
        return self.folder


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Workspace:
    return Workspace(tmp_path_factory.mktemp("examples"))


# The PostgreSQL server the examples of the shared index name: each line naming it runs
# against a database of the test server instead (synced with the shipped store before the
# first), and is skipped only where no PostgreSQL can be run (conftest.postgres_server).
EXAMPLE_SERVER = "postgresql://factcli@db.example/facts"


@pytest.fixture(scope="session")
def example_server(request) -> Iterator[str | None]:
    try:
        server = request.getfixturevalue("postgres_server")
    except pytest.skip.Exception:
        yield None
        return
    from factcli import store
    from factcli.index.postgres import sync

    with database(server) as url:
        sync(url, store.load(store.Location(SHIPPED, "--db")))
        yield url


def run_block(
    lines: list[str], folder: Path, warm: Path, in_process: bool = False, server: str | None = None
) -> None:
    """Run each line in `folder`, in bash with `warm` first on PATH (its factcli: the warm
    fork); the factcli command of a setup line runs the installed console script instead.
    With `in_process`, plain factcli lines skip bash and run through the same entry point.
    A line naming `EXAMPLE_SERVER` runs against `server`."""
    env = example_env()
    warm_env = {**env, "PATH": str(warm) + os.pathsep + env["PATH"]}
    ran = 0
    if server is None and any(EXAMPLE_SERVER in line for line in lines):
        pytest.skip("no PostgreSQL to run the shared index's examples on (apt-get install postgresql)")
    for line, setup in ((_runnable(line), _setup_line(line)) for line in lines):
        if line is None:
            continue
        if server is not None:
            line = line.replace(EXAMPLE_SERVER, shlex.quote(server))
        # diff exits 1 when the sources differ, as diff(1) does; everything else must succeed.
        allowed = (0, 1) if re.search(r"\bfactcli diff\b", line) else (0,)
        if in_process and _plain_factcli(line):
            code, stderr = _run_in_process(line, folder)
        else:
            done = subprocess.run(
                ["bash", "-o", "pipefail", "-c", line],
                cwd=folder,
                env=env if setup else warm_env,
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
            )
            code, stderr = done.returncode, done.stderr
        assert code in allowed, (line, code, stderr)
        assert "internal error" not in stderr and "Traceback" not in stderr, (line, stderr)
        ran += "factcli" in line
    assert ran, lines


def _plain_factcli(line: str) -> bool:
    """A single factcli command with no pipe, redirection, substitution or variable."""
    return line.startswith("factcli ") and not re.search(r"[|<>;&`$*?(){}~]", line)


def _run_in_process(line: str, folder: Path) -> tuple[int, str]:
    """Run one plain factcli line through the same entry point, in `folder`, as bash would."""
    args = shlex.split(line)[1:]
    here = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(main, args, env={"FACTCLI_DB": None, "NO_COLOR": None, "COLUMNS": "100"})
    finally:
        os.chdir(here)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{line}: {result.exception!r}") from result.exception
    return result.exit_code, result.stderr


def _with_factcli(blocks: list[list[str]]) -> list[list[str]]:
    return [b for b in blocks if any(_runnable(line) and "factcli" in line for line in b)]


@pytest.mark.parametrize("block", _with_factcli(readme_blocks()), ids=lambda b: b[0][:40])
def test_readme_examples_run_as_printed(block, workspace, warm_factcli, example_server):
    run_block(block, workspace.reset(), warm_factcli, server=example_server)


@pytest.mark.parametrize(
    "command, lines", sorted(help_blocks().items()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_help_examples_run_as_printed(command, lines, workspace, warm_factcli, example_server):
    # The help examples test what each command does; the README blocks above keep the
    # real-process path (bash, PATH, the console script) covered, so plain lines here run
    # in-process.
    assert all(line.startswith("factcli") for line in lines), lines
    run_block(lines, workspace.reset(), warm_factcli, in_process=True, server=example_server)


def test_every_command_and_readme_block_is_covered():
    commands = help_blocks()
    expected = (
        {"factcli", "factcli entity", "factcli vocabulary", "factcli server"}
        | {f"factcli {n}" for n in subcommands(main)}
        | {
            f"factcli {group} {n}"
            for group in ("entity", "vocabulary", "server")
            for n in subcommands(subcommands(main)[group])
        }
    )
    assert set(commands) == expected
    assert len(readme_blocks()) >= 6


def test_the_readme_build_of_the_shipped_store_gives_the_shipped_bytes(workspace, warm_factcli):
    [block] = [b for b in readme_blocks() if any("tests/corpus" in line for line in b)]
    folder = workspace.reset()
    run_block(block, folder, warm_factcli)
    assert (folder / "facts.json").read_bytes() == SHIPPED.read_bytes()


def test_the_warm_factcli_is_the_command_bash_runs(workspace, warm_factcli):
    """The client stands in faithfully: same argv, folder, environment, files and exit status."""
    folder = workspace.reset()
    env = {
        **example_env(),
        "PATH": str(warm_factcli) + os.pathsep + example_env()["PATH"],
        "FACTCLI_DB": "mine.json",
    }
    script = (
        "command -v factcli; "
        "factcli search 'روس أوبورون' --fields id --jsonl < /dev/null | wc -l; "
        "echo c0001 | factcli show - --json > out.json 2> err.txt; echo $?; "
        "factcli show c9999; echo $?; "
        "factcli --version"
    )
    done = subprocess.run(
        ["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    lines = done.stdout.splitlines()
    assert lines[0] == str(warm_factcli / "factcli") and Path(CONSOLE_SCRIPT).is_file()
    # the Arabic name of Rosoboronexport, typed in its two-word spelling, finds claims
    assert int(lines[1]) >= 1
    # stdin from a pipe, stdout and stderr to files, in the folder bash is in
    assert lines[2] == "0"
    [shown] = json.loads((folder / "out.json").read_text(encoding="utf-8"))
    assert shown["id"] == "c0001" and (folder / "err.txt").read_text(encoding="utf-8") == ""
    # a missing claim: one line on stderr and exit 2, passed through to bash
    assert lines[3] == "2"
    assert len(done.stderr.strip().splitlines()) == 1 and "c9999" in done.stderr
    assert lines[4] == f"factcli, version {factcli.__version__}"
    # FACTCLI_DB from the environment named the store the commands read
    assert (folder / "mine.json").read_bytes() == SHIPPED.read_bytes()
