"""`factcli server sync|status` and `--index URL`: every read command answers from the shared
index on a real PostgreSQL server (`conftest.postgres_server`) with what it prints from the
local index, and what cannot be read is refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import SHIPPED, factcli

from factcli import store

pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed (pip install -e '.[server]')")

READS = [
    ["search", "S-400", "--json"],
    ["search", "Shoigu", "--why"],
    ["search", "--subject", "Qatar", "--since", "Oct 2017", "--until", "2018", "--csv"],
    ["search", "روسيا", "-C", "1", "--jsonl"],
    ["show", "c0001", "c0002", "--json"],
    ["show", "c0003", "-C", "2"],
    ["sources", "--json"],
    ["entities", "--json"],
    ["entities", "روسوبورون"],
    ["timeline", "S-400", "--json"],
    ["timeline", "--subject", "Qatar", "--limit", "20"],
    ["diff", "khaleej-2018-07-21", "unknown-qatar-ambassador-interview", "--json"],
    ["compare", "S-400", "--json"],
    ["export", "S-400"],
    ["export"],
    ["search", "Shoygu"],  # near spelling: the "did you mean" note too
    ["search", "zzzqqq"],  # nothing found: exit 1, a hint on stderr
]


@pytest.fixture(scope="module")
def synced(postgres_server):
    from conftest import database

    with database(postgres_server) as url:
        factcli("server", "sync", url, db=SHIPPED).ok()
        yield url


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_every_read_command_answers_from_the_server_as_from_the_local_index(synced, args):
    local = factcli(*args, db=SHIPPED)
    served = factcli("--index", synced, *args, db=SHIPPED)
    assert (served.exit_code, served.stdout, served.stderr) == (local.exit_code, local.stdout, local.stderr)


def test_the_server_needs_no_store_to_answer(synced, tmp_path):
    missing = tmp_path / "not-here.json"
    served = factcli("--index", synced, "search", "S-400", "--ids", db=missing).ok()
    assert served.stdout == factcli("search", "S-400", "--ids", db=SHIPPED).ok().stdout


def test_the_index_option_after_the_command_and_in_the_environment(synced):
    local = factcli("search", "Kornet", "--ids", db=SHIPPED).ok().stdout
    assert factcli("search", "Kornet", "--ids", "--index", synced, db=SHIPPED).ok().stdout == local
    assert (
        factcli("search", "Kornet", "--ids", db=SHIPPED, env={"FACTCLI_INDEX": synced}).ok().stdout == local
    )


def test_sync_says_what_it_did(server_url):
    first = factcli("server", "sync", server_url, "--json", db=SHIPPED).ok()
    done = json.loads(first.stdout)
    assert (done["full"], done["written"], done["claims"]) == (
        True,
        5,
        len(store.load(store.Location(SHIPPED, "--db")).claims),
    )
    again = factcli("server", "sync", server_url, db=SHIPPED).ok()
    assert "brought up to the store, 0 sources written (0 claims analyzed)" in again.stdout


def test_status_and_the_index_command_show_the_server(synced):
    shown = json.loads(factcli("server", "status", synced, "--json").ok().stdout)
    assert shown["exists"] and shown["readable"]
    assert shown["counts"]["claims"] == len(store.load(store.Location(SHIPPED, "--db")).claims) and shown[
        "store"
    ] == str(SHIPPED)
    same = json.loads(factcli("--index", synced, "index", "--json", db=SHIPPED).ok().stdout)
    assert same == shown


def test_a_server_never_synced_is_refused_in_one_line(server_url):
    ran = factcli("--index", server_url, "search", "S-400", db=SHIPPED)
    assert ran.exit_code == 2 and ran.stdout == ""
    assert ran.stderr.count("\n") == 1 and "holds no factcli index" in ran.stderr
    assert factcli("server", "status", server_url).exit_code == 2


def test_a_server_of_another_version_is_refused_in_one_line(server_url):
    import psycopg

    factcli("server", "sync", server_url, db=SHIPPED).ok()
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("UPDATE factcli.meta SET value = '0' WHERE key = 'index_schema'")
    ran = factcli("--index", server_url, "show", "c0001", db=SHIPPED)
    assert ran.exit_code == 2 and ran.stdout == ""
    assert ran.stderr.count("\n") == 1 and "another version of factcli: index_schema 0" in ran.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["server", "sync"], "give the server's URL"),
        (["server", "sync", "postgresql://x@/db?host=/nonexistent-dir"], "cannot reach the index server db"),
        (["--index", "nonsense at all", "sources"], "not a PostgreSQL URL"),
        (["--index", "postgresql://x@/db?host=/nonexistent-dir", "index", "--rebuild"], "--rebuild rebuilds"),
    ],
)
def test_refusals_are_one_line(args, message):
    ran = factcli(*args, db=SHIPPED)
    assert ran.exit_code == 2 and ran.stdout == ""
    assert ran.stderr.count("\n") == 1 and message in ran.stderr


def test_without_the_driver_the_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed
    ran = factcli("--index", "postgresql:///facts", "search", "S-400", db=SHIPPED)
    assert ran.exit_code == 2
    assert "pip install 'factcli[server]'" in ran.stderr and ran.stderr.count("\n") == 1


def test_a_local_read_never_imports_the_driver():
    code = (
        "import sys\nfrom factcli.cli import main\n"
        "try:\n    main(['--db', sys.argv[1], 'search', 'S-400', '--ids'])\nexcept SystemExit:\n    pass\n"
        "print('psycopg' in sys.modules, file=sys.stderr)"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code, str(SHIPPED)], capture_output=True, text=True, check=True
    )
    assert ran.stderr.strip().splitlines()[-1] == "False" and "c0001" in ran.stdout
