"""Arabic in the terminal people have: FACTCLI_RTL set once, which terminals do bidi, no
isolate characters on a terminal, isolation per name (not per list) where they are used,
and a one-line hint about --rtl visual, once, in a terminal known to reverse Arabic."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHIPPED, run_on_pty

from factcli.cli import main
from factcli.cli.env import Environment
from factcli.render import FSI, PDI, isolated

DB = ("--db", str(SHIPPED))
PTY = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("sh") is None, reason="needs a pty"
)


def on_pty(args: list[str], columns: int = 80, **extra: str) -> tuple[str, str]:
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "500", "TERM": "xterm-256color", **extra}
    for var in ("NO_COLOR", "TMUX", "STY", "XTERM_VERSION", "VTE_VERSION", "MLTERM", "KONSOLE_VERSION"):
        if var not in extra:
            env.pop(var, None)
    if "FACTCLI_RTL" not in extra:
        env.pop("FACTCLI_RTL", None)
    env["FACTCLI_PAGER"] = ""
    _, out, err = run_on_pty([*DB, *args], env)
    return out, err


@pytest.mark.parametrize(
    ("environ", "bidi"),
    [
        ({"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "tmux-256color"}, False),
        ({"TERM": "screen"}, False),
        ({"TERM": "linux"}, False),
        ({"XTERM_VERSION": "XTerm(390)", "TERM": "xterm"}, False),
        ({"MLTERM": "3.9.3", "TERM": "xterm"}, True),
        ({"KONSOLE_VERSION": "230401"}, True),
        ({"VTE_VERSION": "7200"}, True),
        ({"VTE_VERSION": "5200"}, False),
        ({"TERM": "xterm-256color"}, None),
    ],
)
def test_which_terminals_do_bidi(environ, bidi):
    env = Environment(io.StringIO(), io.StringIO(), io.StringIO(), environ=environ)
    assert env.bidi_terminal() is bidi


def test_factcli_rtl_is_read_once_set():
    def rtl(value: str) -> str | None:
        return Environment(io.StringIO(), io.StringIO(), io.StringIO(), environ={"FACTCLI_RTL": value}).rtl()

    assert rtl("visual") == "visual" and rtl("Logical") == "logical" and rtl("sideways") is None


def test_factcli_rtl_visual_reshapes_as_the_flag_does():
    pytest.importorskip("bidi")
    args = [*DB, "show", "c0001", "--table"]
    by_env = CliRunner().invoke(main, args, env={"FACTCLI_RTL": "visual", "COLUMNS": "100"}).stdout
    by_flag = CliRunner().invoke(main, [*args, "--rtl", "visual"], env={"COLUMNS": "100"}).stdout
    assert by_env == by_flag
    flag_wins = CliRunner().invoke(
        main, [*args, "--rtl", "logical"], env={"FACTCLI_RTL": "visual", "COLUMNS": "100"}
    )
    assert flag_wins.stdout != by_flag


@PTY
@pytest.mark.parametrize("args", [["search", "S-400"], ["show", "c0001"], ["entities", "Tamim"]])
@pytest.mark.parametrize("columns", [80, 120, 200])
def test_no_isolates_on_a_terminal(args, columns):
    screen, _ = on_pty(args, columns, MLTERM="3.9.3")
    assert re.search("[\u0600-\u06ff]", screen)
    assert FSI not in screen and PDI not in screen


def test_isolation_is_per_name_not_per_list():
    assert isolated("Tamim bin Hamad (تميم بن حمد)") == f"Tamim bin Hamad ({FSI}تميم بن حمد{PDI})"
    assert (
        isolated("تميم; Tamim bin Hamad; الأمير تميم")
        == f"{FSI}تميم{PDI}; Tamim bin Hamad; {FSI}الأمير تميم{PDI}"
    )
    table = (
        CliRunner()
        .invoke(main, [*DB, "entities", "tamim-bin-hamad", "--table"], env={"COLUMNS": "200"})
        .stdout
    )
    runs = re.findall(f"{FSI}(.*?){PDI}", table, flags=re.S)
    assert runs and not any(re.search("[A-Za-z]", run) for run in runs)


@PTY
def test_a_hint_about_rtl_visual_once_in_a_terminal_that_reverses_arabic(tmp_path: Path):
    cache = tmp_path / "cache"
    tmux = {"TMUX": "/tmp/tmux-0/default,1,0", "FACTCLI_CACHE": str(cache)}
    _, first = on_pty(["search", "S-400", "--limit", "2"], 80, **tmux)
    assert first.count("--rtl visual") == 1 and len(first.splitlines()) == 1
    assert len(first.rstrip("\n")) <= 80
    marker = cache / "rtl-hint-shown"
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600
    _, again = on_pty(["search", "S-400", "--limit", "2"], 80, **tmux)
    assert "--rtl visual" not in again


@PTY
@pytest.mark.parametrize(
    "extra",
    [{"FACTCLI_RTL": "logical"}, {"MLTERM": "3.9.3"}, {}],
)
def test_no_hint_where_the_terminal_is_not_known_to_reverse_arabic(tmp_path: Path, extra):
    _, err = on_pty(["search", "S-400", "--limit", "2"], 80, FACTCLI_CACHE=str(tmp_path), **extra)
    assert "--rtl visual" not in err and not (tmp_path / "rtl-hint-shown").exists()


@PTY
def test_no_hint_when_no_arabic_is_shown(tmp_path: Path):
    _, err = on_pty(["sources", "--ids"], 80, TMUX="1", FACTCLI_CACHE=str(tmp_path))
    assert "--rtl visual" not in err
