"""Every command example in the README and in every `--help` runs, exactly as printed.

Each README ```sh block runs line by line in a fresh folder, and so do the examples of each
command's help, in the order printed: a copy of the shipped store as `facts.json` (the
default store) and `mine.json`, the corpus under `tests/`, and `claims.jsonl` holding one
claim the shipped store lacks (the title of the khaleej article, which says Qatar continues
its talks with Russia on the S-400). Of a setup line (`python3 -m venv ... && pip install .
&& factcli search S-400`) the factcli command it ends with runs, in the installed package the
tests run from; a block that only sets up or runs the tests is not run.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import ROOT, SHIPPED

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
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, [*path, name])

    walk(main, [])
    return found


def _setup_line(line: str) -> bool:
    return "pip install" in line or "pytest" in line


def _runnable(line: str) -> str | None:
    if not _setup_line(line):
        return line
    tail = line.rsplit("&&", 1)[-1].strip()
    return tail if tail.startswith("factcli ") else None


def run_block(lines: list[str], folder: Path, in_process: bool = False) -> None:
    """Run each line in `folder`; with `in_process`, plain factcli lines skip bash (same entry point)."""
    (folder / "facts.json").write_bytes(SHIPPED.read_bytes())
    (folder / "mine.json").write_bytes(SHIPPED.read_bytes())
    (folder / "claims.jsonl").write_text(json.dumps(NEW_CLAIM, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "tests").symlink_to(ROOT / "tests")
    (folder / "examples").symlink_to(ROOT / "examples")
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCLI_DB", "NO_COLOR")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["COLUMNS"] = "100"
    ran = 0
    for line in filter(None, map(_runnable, lines)):
        # diff exits 1 when the sources differ, as diff(1) does; everything else must succeed.
        allowed = (0, 1) if re.search(r"\bfactcli diff\b", line) else (0,)
        if in_process and _plain_factcli(line):
            code, stderr = _run_in_process(line, folder)
        else:
            done = subprocess.run(
                ["bash", "-o", "pipefail", "-c", line],
                cwd=folder,
                env=env,
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
def test_readme_examples_run_as_printed(block, tmp_path):
    run_block(block, tmp_path)


@pytest.mark.parametrize(
    "command, lines", sorted(help_blocks().items()), ids=lambda x: x if isinstance(x, str) else ""
)
def test_help_examples_run_as_printed(command, lines, tmp_path):
    # The help examples test what each command does; the README blocks above keep the
    # real-process path (bash, PATH, the console script) covered, so plain lines here run
    # in-process.
    assert all(line.startswith("factcli") for line in lines), lines
    run_block(lines, tmp_path, in_process=True)


def test_every_command_and_readme_block_is_covered():
    commands = help_blocks()
    expected = (
        {"factcli", "factcli entity"}
        | {f"factcli {n}" for n in main.commands}
        | {f"factcli entity {n}" for n in main.commands["entity"].commands}
    )
    assert set(commands) == expected
    assert len(readme_blocks()) >= 6


def test_the_readme_build_of_the_shipped_store_gives_the_shipped_bytes(tmp_path):
    [block] = [b for b in readme_blocks() if any("tests/corpus" in line for line in b)]
    run_block(block, tmp_path)
    assert (tmp_path / "facts.json").read_bytes() == SHIPPED.read_bytes()
