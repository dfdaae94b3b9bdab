"""The command line: parse arguments, make one call into the core, hand the result to render.

Each command lives in a module of this package, loaded only when that command runs (the
table below): reads (sources, show), finds (search, entities, timeline), compares (diff,
compare), writes (import, add), curation (edit, retract, entity), vocabulary (the store's
predicates and units), drafts (draft), admin (verify, schema, index, migrate, export),
server (the shared index on PostgreSQL) and team (convert, merge, merge-driver). `group`
holds the frame they share and the one
place errors become exit codes; `env` the I/O they write to; `options` the shared options.
"""

from __future__ import annotations

import click

from .. import __version__
from .app import App
from .env import Environment
from .group import (
    COLOR_HELP,
    COLOR_TYPE,
    DB_HELP,
    DEFAULT_WAIT,
    INDEX_HELP,
    WAIT_HELP,
    WAIT_TYPE,
    FactcliGroup,
    complete_files,
)

# Each command's module and name in it, imported when the command runs, and the first line of
# its help, which `factcli --help` lists without importing any command's module (a test checks
# that each line is its command's own).
COMMANDS = {
    "sources": (
        "reads:sources",
        "List the sources: outlet, publication date, credited agencies, claim counts.",
    ),
    "show": ("reads:show", "Claims whole: statement, quote in its paragraph, speaker, via, source, date."),
    "search": ("finds:search", "Find claims by any spelling of a name, in Arabic or Latin script."),
    "entities": (
        "finds:entities",
        "List entities (countries, people, organizations, weapons...) with aliases and claim counts.",
    ),
    "timeline": ("finds:timeline", "Claims in the order things happened, each date at its own precision."),
    "diff": (
        "compares:diff",
        "What two sources say that the other doesn't, where they agree, differ or conflict.",
    ),
    "compare": (
        "compares:compare",
        "A proposition x source matrix: agree, compatible, conflict, changed, or one source only.",
    ),
    "import": (
        "writes:import_",
        "Add sources, entities and claims from FILE (JSON array or JSON Lines; - for stdin).",
    ),
    "add": ("writes:add", "Add one claim, checked like an import (the quote must be in the source)."),
    "edit": (
        "curation:edit",
        "Correct a claim: any field but its id and citation offsets, checked like an import.",
    ),
    "retract": ("curation:retract", "Retract a claim: it keeps its id and record, and says when and why."),
    "entity": (
        "curation:entity",
        "Add an entity, or correct one: its names, description and type; merge two into one.",
    ),
    "vocabulary": (
        "vocabulary:vocabulary",
        "The store's predicates and units: list, show, add and change them, checked.",
    ),
    "draft": (
        "drafts:draft_",
        "Draft candidate claims from a new Arabic ARTICLE (a UTF-8 text file; - for stdin).",
    ),
    "verify": ("admin:verify", "Check the store: schema, quotes at their offsets, sha256, references, ids."),
    "schema": ("admin:schema", "Print the JSON Schema of an output shape; without NAME, list the shapes."),
    "index": ("admin:index_", "Where the store's search index is, whether it is fresh, and what it holds."),
    "migrate": (
        "admin:migrate",
        "Upgrade the store file to this factcli's schema version (any write also does).",
    ),
    "server": (
        "server:server",
        "The shared index on a PostgreSQL server: sync it from the store, or see what it holds.",
    ),
    "export": (
        "admin:export",
        "Write records as JSON Lines that `import` reads back: sources, entities, then claims.",
    ),
    "convert": (
        "team:convert",
        "Convert a store between its two layouts: a store file and a directory store.",
    ),
    "merge": ("team:merge", "Merge another copy of the store (a file or a directory store) into this one."),
    "merge-driver": (
        "team:merge_driver",
        "Merge one file of a directory store for git: BASE OURS THEIRS [PATH] (%O %A %B %P).",
    ),
}


# The environment variables factcli reads, listed under `factcli --help`.
ENVIRONMENT = """\b
Environment:
  FACTCLI_DB      the store, when --db is not given
  FACTCLI_INDEX   the shared index server read commands answer from (as --index)
  FACTCLI_CACHE   the cache folder (default $XDG_CACHE_HOME/factcli or ~/.cache/factcli)
  FACTCLI_PAGER   the pager on a terminal (then PAGER, then less -R; empty: none)
  FACTCLI_RTL     visual or logical: how this terminal shows Arabic (as --rtl)
  FACTCLI_MAX_MB  the largest store or import input read, in MiB (default 512)
  FACTCLI_DEBUG   1: an internal error shows its traceback
  NO_COLOR        no colour; FORCE_COLOR: colour even in a pipe (0 or false: none)
  COLUMNS         the width to lay out for"""


@click.group(
    cls=FactcliGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=ENVIRONMENT,
)
@click.option("--db", metavar="PATH", help=DB_HELP, shell_complete=complete_files)
@click.option(
    "--wait",
    metavar="SECONDS",
    type=WAIT_TYPE,
    default=DEFAULT_WAIT,
    show_default=True,
    help=WAIT_HELP,
)
@click.option("--index", "index_url", metavar="URL", envvar="FACTCLI_INDEX", help=INDEX_HELP)
@click.option("--color", type=COLOR_TYPE, default="auto", help=COLOR_HELP)
@click.version_option(__version__, "--version", "-V", prog_name="factcli")
@click.pass_context
def main(ctx: click.Context, db: str | None, wait: float, index_url: str | None, color: str) -> None:
    """Who claimed what, when, in which outlet, and whether the sources agree.

    \b
    Examples:
      factcli search S-400
      factcli search إس-400 --since 2018 --json | jq '.[].statement'
      factcli show c0001
    """
    env = ctx.obj if isinstance(ctx.obj, Environment) else None  # made by FactcliGroup.main
    ctx.obj = App(db, wait, color, env, index_url)
