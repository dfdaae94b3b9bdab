"""The commands that read records whole: sources and show. Each asks the store's index and
hands what it finds to render."""

from __future__ import annotations

import click

from .. import render
from ..errors import InputError
from ..index import View
from ..present import claim_detail, count_text, with_context
from ..render import Output
from .app import App, pass_app
from .complete import complete_claim_ids
from .env import Environment, collector_paused
from .group import command
from .options import context_option, output_options


@command("sources")
@output_options
@pass_app
def sources(app: App, output: Output) -> int:
    """List the sources: outlet, publication date, credited agencies, claim counts.

    A source's `claims` counts its claims that are not retracted, as `search` finds them.

    \b
    Examples:
      factcli sources
      factcli sources --json | jq '.[] | {id, published}'
    """
    with_text = output.fmt in ("json", "jsonl")
    rows = [
        {**{k: v for k, v in src.items() if with_text or k != "text"}, "claims": n}
        for src, n in app.index().sources()
    ]
    render.emit(output, rows, "source", title=count_text(len(rows), "source"))
    return 0 if rows else 1


@command("show")
@click.argument("claim_ids", metavar="ID...", nargs=-1, required=True, shell_complete=complete_claim_ids)
@context_option
@output_options
@pass_app
@collector_paused()
def show(app: App, claim_ids: tuple[str, ...], sentences: int | None, output: Output) -> int:
    """Claims whole: statement, quote in its paragraph, speaker, via, source, date.

    Give one or more ids, or - to read them from stdin (the first field of each line, or
    the id column under a header line, so the plain output of search or timeline can be
    piped in). --json is always an array; piped, one claim a line under a header.
    A corrected claim lists its revisions (when, what changed, why); a retracted one says
    when and why it was retracted.

    \b
    Examples:
      factcli show c0001
      factcli show c0001 -C 2
      factcli show c0001 c0002 --json | jq '.[].citation'
      factcli search S-400 | factcli show - --jsonl
    """
    ids = ids_from(app.env, claim_ids)
    # Each claim's paragraph is read alone; a whole source only for -C N's sentences.
    view = View(app.index())
    details = [claim_detail(view, cid) for cid in ids]  # every id checked before anything is printed
    if sentences is not None:
        texts = View(app.index(), texts=True)
        details = [with_context(d, texts.source(d["citation"]["source"]), sentences) for d in details]
    render.render_claims(output, details)
    return 0


def ids_from(env: Environment, args: tuple[str, ...]) -> list[str]:
    """Claim ids from the arguments; `-` reads them from stdin, one per line: the first
    field, or the field under `id` when the first line is a header of column names (the
    plain output of search, timeline or compare's rows)."""
    ids: list[str] = []
    for arg in args:
        if arg != "-":
            ids.append(arg)
            continue
        if env.stdin_isatty:
            raise InputError(
                "show -: give claim ids on stdin, one per line (e.g. factcli search S-400 | factcli show -)"
            )
        column = 0
        for n, line in enumerate(env.stdin):
            fields = line.rstrip("\r\n").split("\t")
            if n == 0 and "id" in fields:
                column = fields.index("id")
                continue
            value = fields[column].strip() if column < len(fields) else ""
            first = value.split(None, 1)
            if first:
                ids.append(first[0])
    if not ids:
        raise InputError("show: no claim ids on stdin")
    return list(dict.fromkeys(ids))
