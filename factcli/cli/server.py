"""The shared index on a PostgreSQL server: `server sync` writes the store's derived rows to
it, `server status` says what it holds. Read commands answer from it with `--index URL`
(or $FACTCLI_INDEX), through `App.index`."""

from __future__ import annotations

from typing import Any

import click

from .. import render
from ..errors import InputError
from ..present import count_text
from .app import App, BuildProgress, pass_app, refuse_damaged
from .group import FactcliGroup, command

URL_HELP = (
    "URL is a PostgreSQL connection URL or key=value string (postgresql://user@host/db, "
    "host=/run/postgresql dbname=facts); without it, --index or $FACTCLI_INDEX."
)


@click.group("server", cls=FactcliGroup)
def server() -> None:
    """The shared index on a PostgreSQL server: sync it from the store, or see what it holds.

    A team keeps one store (in git) and one index on the database server it already runs:
    whoever brings the store up to date runs `factcli server sync URL`, and everyone reads
    with `factcli --index URL search ...` (or sets FACTCLI_INDEX=URL), with the answers the
    local index gives. The server stores factcli's own analysis of the words, never
    PostgreSQL's. Needs the driver: pip install 'factcli[server]'.

    \b
    Examples:
      factcli server sync postgresql://factcli@db.example/facts
      factcli --index postgresql://factcli@db.example/facts search S-400
      factcli server status postgresql://factcli@db.example/facts
    """


def _url(app: App, url: str | None) -> str:
    chosen = url or app.index_url
    if not chosen:
        raise InputError("give the server's URL (or --index URL, or set FACTCLI_INDEX)")
    return chosen


@command("sync")
@click.argument("url", required=False)
@click.option("--full", is_flag=True, help="Build the server's index anew rather than only what changed.")
@click.option("--json", "as_json", is_flag=True, help="Say what was done as one JSON object.")
@pass_app
def sync(app: App, url: str | None, full: bool, as_json: bool) -> int:
    """Bring the index on a PostgreSQL server up to the store.

    Only the sources whose records changed since the last sync (a source and the claims
    citing it, compared by digest) are analyzed and written again; a first sync, a new
    version of factcli, or a change to the entities (whose names every claim's links
    follow) analyzes them all. All of it is one transaction: readers see the index before
    or after, never half of it, and two syncs take turns.

    \b
    Examples:
      factcli server sync postgresql://factcli@db.example/facts
      factcli server sync postgresql://factcli@db.example/facts --json
      factcli --db mine.json server sync postgresql://factcli@db.example/facts --full
    """
    from ..index.postgres import sync as run_sync  # the driver only for a server
    from ..index.postgres import where
    from ..store.directory import is_directory_store

    target = _url(app, url)
    label = str(app.location.path)
    if is_directory_store(app.location.path):
        # A folder is read by the sync itself: the sources unchanged since the last one stay unread.
        progress = BuildProgress(app.env) if app.env.stderr_isatty else None
        done = run_sync(
            target,
            None,
            full=full,
            progress=progress,
            label=label,
            folder=app.location.path,
            check=refuse_damaged,
        )
    else:
        facts = app.facts()
        progress = BuildProgress(app.env) if app.env.stderr_isatty and len(facts.claims) >= 5000 else None
        done = run_sync(target, facts, full=full, progress=progress, label=label)
    if as_json:
        app.env.stdout.write(render.dumps({**done.json(), "server": where(target)}) + "\n")
        return 0
    how = "built anew" if done.full else "brought up to the store"
    counts = [f"{count_text(done.written, 'source')} written ({count_text(done.claims, 'claim')} analyzed)"]
    counts += [f"{done.removed} removed"] if done.removed else []
    counts += [f"{done.moved} moved"] if done.moved else []
    app.env.stdout.write(
        render.plain(f"{where(target)}: {how}, {', '.join(counts)}, in {done.seconds:.2f} s") + "\n"
    )
    return 0


@command("status")
@click.argument("url", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
@pass_app
def status(app: App, url: str | None, as_json: bool) -> int:
    """What the index on a PostgreSQL server holds, when it was synced and from where, and
    whether this factcli reads it (exit 2 when it does not: sync it with this version).

    \b
    Examples:
      factcli server status postgresql://factcli@db.example/facts
      factcli server status postgresql://factcli@db.example/facts --json
    """
    return show_status(app, _url(app, url), as_json)


def show_status(app: App, url: str, as_json: bool) -> int:
    """`server status`, and `factcli --index URL index`."""
    from ..index.postgres import status as server_status  # the driver only for a server

    info: dict[str, Any] = server_status(url)
    if as_json:
        app.env.stdout.write(render.dumps(info) + "\n")
    else:
        lines = [f"server: {info['server']}"]
        if not info["exists"]:
            lines.append("no factcli index yet (factcli server sync URL makes one)")
        else:
            state = "readable" if info["readable"] else "made by another version of factcli: sync it"
            lines.append(f"index: synced {info['synced']} from {info['store'] or 'a store'} ({state})")
            lines.append(", ".join(f"{v} {k}" for k, v in info["counts"].items()))
        app.env.stdout.write(render.plain("\n".join(lines)) + "\n")
    return 0 if info["exists"] and info.get("readable") else 2


server.add_command(sync)
server.add_command(status)
