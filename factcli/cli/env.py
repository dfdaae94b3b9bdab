"""The I/O a command works with: its streams, whether each is a terminal, the terminal's
width, colour, and the environment variables (after httpie's `Environment`).

Made once per invocation from the process (`Environment.from_process`) and handed to the
commands through `App`, so no command reads `sys.stdout` or `os.environ` itself, and a test
can hand one in with its own streams.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import NamedTuple, TextIO

# The longest error line printed: a 100k-character argument echoed back helps nobody.
MAX_ERROR = 1000


class Environment(NamedTuple):
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    stdin_isatty: bool = False
    stdout_isatty: bool = False
    stderr_isatty: bool = False
    environ: Mapping[str, str] = MappingProxyType({})

    @classmethod
    def from_process(cls) -> Environment:
        """The process's streams as they are now (a test runner may have swapped them) and
        its live environment variables."""
        return cls(
            sys.stdin,
            sys.stdout,
            sys.stderr,
            _isatty(sys.stdin),
            _isatty(sys.stdout),
            _isatty(sys.stderr),
            os.environ,
        )

    @property
    def interactive(self) -> bool:
        """Whether a person is there to answer questions: stdin and stdout are a terminal."""
        return self.stdin_isatty and self.stdout_isatty

    def use_color(self, choice: str, tty: bool) -> bool:
        """--color always/never win (a per-command choice overrides the environment). With
        auto: NO_COLOR set and not empty turns colour off (https://no-color.org), and wins
        over FORCE_COLOR, the user's standing refusal; FORCE_COLOR set and not empty turns it
        on even in a pipe (https://force-color.org), except 0 or false, which mean no colour,
        as Node and the tools that made the variable read them; else colour goes to a
        terminal only."""
        if choice != "auto":
            return choice == "always"
        if self.environ.get("NO_COLOR"):
            return False
        force = self.environ.get("FORCE_COLOR")
        if force:
            return force.strip().lower() not in ("0", "false")
        return tty

    def width(self) -> int | None:
        """The width output is laid out for: $COLUMNS, else the terminal's, else none (a pipe)."""
        columns = self.environ.get("COLUMNS", "")
        if columns.isdigit() and int(columns) > 0:
            return int(columns)
        if self.stdout_isatty:
            import shutil

            return shutil.get_terminal_size().columns
        return None

    def rtl(self) -> str | None:
        """$FACTCLI_RTL, set once by a user who knows their terminal: `logical` (it does
        bidi, Arabic is printed in logical order) or `visual` (it does not: reshape it)."""
        value = self.environ.get("FACTCLI_RTL", "").strip().lower()
        return value if value in ("logical", "visual") else None

    def bidi_terminal(self) -> bool | None:
        """Whether the terminal lays out right-to-left text itself: False for those known not
        to (tmux, screen, xterm, the Linux console), True for those known to (mlterm,
        Konsole, VTE 0.58 and later: GNOME Terminal, Tilix), None when it cannot be told."""
        env = self.environ
        term = env.get("TERM", "")
        if env.get("TMUX") or env.get("STY") or term.startswith(("tmux", "screen")) or term == "linux":
            return False  # a multiplexer redraws the screen cell by cell, without bidi
        if env.get("MLTERM") or env.get("KONSOLE_VERSION"):
            return True
        vte = env.get("VTE_VERSION", "")
        if vte.isdigit():
            return int(vte) >= 5800
        if env.get("XTERM_VERSION"):
            return False
        return None

    def say(self, message: str) -> None:
        """One error line on stderr. Messages quote input and stored data (a date phrase, a
        name): its controls and bidi overrides are dropped here, so no error acts on a terminal."""
        from ..render import plain  # only when there is something to say

        line = plain(message)
        if len(line) > MAX_ERROR:
            line = line[: MAX_ERROR - 3] + "..."
        self.stderr.write(f"factcli: {line}\n")

    def note(self, message: str) -> None:
        self.say(f"note: {message}")

    def waiting(self) -> None:
        """Said while a write waits for another writer's lock."""
        self.stderr.write("factcli: waiting for another writer…\n")
        self.stderr.flush()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a read command makes and writes its result.

    A heavy search keeps tens of thousands of claims, each a handful of dicts, from the
    index's rows to the last byte written; every collection of the oldest generation walks
    all of them again (about a quarter of the CPU time of `search --json` on 80,000 claims),
    and none is in a cycle for it to free. Reference counting still frees each object as it
    goes; the collector is put back as it was, so a long-lived caller keeps its own.
    """
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # a closed stream
        return False
