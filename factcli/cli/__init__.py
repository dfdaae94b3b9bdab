"""The command line: parse arguments, make one call into the core, hand the result to render.

Each command lives in a module of this package, loaded only when that command runs (the
table below): reads (sources, show), finds (search, entities, timeline), compares (diff,
compare), writes (import, add), curation (edit, retract, entity), drafts (draft) and admin
(verify, schema, index, migrate, export). `group` holds the frame they share and the one
place errors become exit codes; `env` the I/O they write to; `options` the shared options.
"""

from __future__ import annotations

import click

from .. import __version__
from .app import App
from .env import Environment
from .group import COLOR_HELP, COLOR_TYPE, DB_HELP, DEFAULT_WAIT, WAIT_HELP, WAIT_TYPE, FactcliGroup

# Each command's module and name in it, imported when the command runs.
COMMANDS = {
    "sources": "reads:sources",
    "show": "reads:show",
    "search": "finds:search",
    "entities": "finds:entities",
    "timeline": "finds:timeline",
    "diff": "compares:diff",
    "compare": "compares:compare",
    "import": "writes:import_",
    "add": "writes:add",
    "edit": "curation:edit",
    "retract": "curation:retract",
    "entity": "curation:entity",
    "draft": "drafts:draft_",
    "verify": "admin:verify",
    "schema": "admin:schema",
    "index": "admin:index_",
    "migrate": "admin:migrate",
    "export": "admin:export",
}


@click.group(cls=FactcliGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH", help=DB_HELP)
@click.option(
    "--wait",
    metavar="SECONDS",
    type=WAIT_TYPE,
    default=DEFAULT_WAIT,
    show_default=True,
    help=WAIT_HELP,
)
@click.option("--color", type=COLOR_TYPE, default="auto", help=COLOR_HELP)
@click.version_option(__version__, "--version", prog_name="factcli")
@click.pass_context
def main(ctx: click.Context, db: str | None, wait: float, color: str) -> None:
    """Who claimed what, when, in which outlet, and whether the sources agree.

    \b
    Examples:
      factcli search S-400
      factcli search إس-400 --since 2018 --json | jq '.[].statement'
      factcli show c0001
    """
    env = ctx.obj if isinstance(ctx.obj, Environment) else None  # made by FactcliGroup.main
    ctx.obj = App(db, wait, color, env)
