"""The warm factcli the example tests run: a process that has imported factcli's modules once
and forks a command for each `factcli` a bash line runs (`warm_factcli_bin`). The README's
and help's examples (`contract/test_examples.py`) and the README's walkthrough of adding an
article (`unit/test_draft.py`) run their lines through it."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["CONSOLE_SCRIPT", "example_env", "warm_factcli_bin"]


# The warm factcli: a process that has imported factcli.cli (what the console script imports
# before it calls main) and factcli's other modules. For each client it forks a handler,
# which forks the command, waits for it and sends its wait status back. The command takes
# the client's stdin, stdout and stderr as its own, its folder, environment and argv, runs
# what the console script runs, `sys.exit(main())`, and exits as the interpreter would.
_SERVER = r"""
import importlib, marshal, os, pkgutil, signal, socket, sys

# Where the console script would import from: its own folder first (not the folder a command
# runs in, which `python -c` would put there).
sys.path[0] = os.path.dirname(sys.argv[2])
import factcli
from factcli.cli import main

# factcli's own modules too, which the commands import as they need them: importing them
# reads nothing from the environment or the folder (the third-party ones stay lazy).
for module in pkgutil.iter_modules(factcli.__path__):
    if module.name != "__main__":
        importlib.import_module(f"factcli.{module.name}")
for module in pkgutil.iter_modules(factcli.cli.__path__):  # the commands' modules, loaded as run
    importlib.import_module(f"factcli.cli.{module.name}")

srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(sys.argv[1])
srv.listen(64)
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the handlers are reaped by the kernel
print("ready", flush=True)
parent = os.getppid()
srv.settimeout(2)
while True:
    try:
        conn, _ = srv.accept()
    except TimeoutError:
        if os.getppid() != parent:  # the test run is gone (killed): so is the warm factcli
            sys.exit(0)
        continue
    if os.fork() == 0:
        break
    conn.close()
srv.close()
signal.signal(signal.SIGCHLD, signal.SIG_DFL)
data, fds, _, _ = socket.recv_fds(conn, 1 << 16, 3)
chunks = [data]
while chunk := conn.recv(1 << 16):
    chunks.append(chunk)
argv, cwd, env = marshal.loads(b"".join(chunks))
pid = os.fork()
if pid:
    for fd in fds:
        os.close(fd)
    conn.sendall(os.waitpid(pid, 0)[1].to_bytes(4, "big"))
    os._exit(0)
conn.close()
for n, fd in enumerate(fds):
    os.dup2(fd, n)
    os.close(fd)
os.chdir(cwd)
os.environ.clear()
os.environ.update(env)
sys.argv = argv
sys.stdout.reconfigure(line_buffering=sys.stdout.isatty())  # as a fresh interpreter decides it
try:
    sys.exit(main())
except SystemExit as exc:  # anything else propagates: the interpreter reports it and exits 1
    status = exc.code
# The exit the interpreter would make, without its teardown (which in a fork touches, so
# copies, every page of the warm process: ~100 ms): the SystemExit code, the atexit
# functions, then stdout and stderr flushed - a failed flush is reported and exits 120.
if status is None:
    status = 0
elif not isinstance(status, int):
    print(status, file=sys.stderr)
    status = 1
if "threading" in sys.modules:
    sys.modules["threading"]._shutdown()
import atexit
atexit._run_exitfuncs()
for stream in (sys.stdout, sys.stderr):
    try:
        stream.flush()
    except Exception as exc:
        try:
            print(f"Exception ignored in: {stream!r}\n{type(exc).__name__}: {exc}", file=sys.__stderr__)
        except Exception:
            pass
        status = status or 120
os._exit(status & 0xFF)
"""

_CLIENT = """#!{python} -IS
import marshal, os, signal, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect({sock!r})
socket.send_fds(s, [marshal.dumps((sys.argv, os.getcwd(), dict(os.environ)))], [0, 1, 2])
s.shutdown(socket.SHUT_WR)
status = b""
while len(status) < 4:
    chunk = s.recv(4 - len(status))
    if not chunk:
        sys.exit("factcli test client: the warm factcli did not answer")
    status += chunk
status = int.from_bytes(status, "big")
if os.WIFSIGNALED(status):
    signal.signal(os.WTERMSIG(status), signal.SIG_DFL)
    os.kill(os.getpid(), os.WTERMSIG(status))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def example_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FACTCLI_DB", "NO_COLOR")}
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["COLUMNS"] = "100"
    return env


# The installed console script, which the setup line runs and the warm factcli stands in for.
CONSOLE_SCRIPT = str(Path(sys.executable).parent / "factcli")


@contextlib.contextmanager
def warm_factcli_bin() -> Iterator[Path]:
    """A folder to put first on PATH, whose `factcli` runs each command in a warm fork."""
    # AF_UNIX paths are short (108 bytes): a folder of its own under the system temp.
    folder = Path(tempfile.mkdtemp(prefix="factcli-ex-"))
    sock = folder / "s"
    server = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(sock), CONSOLE_SCRIPT],
        env=example_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline() == "ready\n"
        (folder / "bin").mkdir()
        client = folder / "bin" / "factcli"
        client.write_text(_CLIENT.format(python=sys.executable, sock=str(sock)), encoding="utf-8")
        client.chmod(0o755)
        yield folder / "bin"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
