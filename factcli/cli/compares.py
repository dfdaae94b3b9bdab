"""The commands that set sources side by side: diff (two sources) and compare (a matrix of
propositions against sources)."""

from __future__ import annotations

from typing import cast

import click

from .. import render
from ..compare import compare as run_compare
from ..compare import diff as run_diff
from ..errors import InputError
from ..index import Reader
from ..render import Output
from ..search import Query, resolve_sources
from ..search import search as run_search
from .app import App, pass_app
from .complete import complete_sources
from .group import command
from .options import Plain, filter_options, nothing_found, output_options


def _one_source(index: Reader, ref: str) -> str:
    ids = sorted(resolve_sources(index, [ref]))
    if len(ids) > 1:
        raise InputError(f"{ref!r} names {len(ids)} sources ({', '.join(ids)}); give one source id")
    return ids[0]


@command("diff")
@click.argument("source_a", shell_complete=complete_sources)
@click.argument("source_b", shell_complete=complete_sources)
@click.option("--include-retracted", is_flag=True, help="Compare retracted claims too.")
@output_options
@pass_app
def diff(app: App, source_a: str, source_b: str, include_retracted: bool, output: Output) -> int:
    """What two sources say that the other doesn't, where they agree, differ or conflict.

    Exit 0 when nothing differs, 1 when anything does, 2 on trouble (like diff(1)).
    Retracted claims are left out unless --include-retracted.

    \b
    Examples:
      factcli diff khaleej-2018-07-21 unknown-2017-10-25-shoigu-doha
      factcli diff khaleej-2018-07-21 unknown-qatar-ambassador-interview --json | jq .summary
    """
    index = app.index()
    a, b = _one_source(index, source_a), _one_source(index, source_b)
    result = run_diff(index.facts(sources=[a, b]), a, b, include_retracted)
    _no_fields(output, "diff")
    render.render_diff(output, result)
    return 1 if result.differs() else 0


def _no_fields(output: Output, command: str) -> None:
    if output.fields or output.template is not None:
        raise InputError(
            f"--fields and --format apply to lists of claims, sources and entities; {command} --json is one "
            f"object (see 'factcli schema {command}'), its rows are chosen with jq"
        )


@command("compare")
@click.argument("terms", nargs=-1)
@filter_options
@output_options
@pass_app
def compare(app: App, query: Query, output: Output) -> int:
    """A proposition x source matrix: agree, compatible, conflict, changed, or one source only.

    Rows are propositions (subject, predicate, object); cells are what each source gives.

    \b
    Examples:
      factcli compare --object qatar-russia-mtc-agreement-2017
      factcli compare S-400 --source khaleej-2018-07-21 --source unknown-qatar-ambassador-interview
      factcli compare Qatar --csv > matrix.csv
    """
    _no_fields(output, "compare")
    index = app.index()
    columns = sorted(resolve_sources(index, query.source)) if query.source else None
    hits = run_search(index, query)
    if not hits:
        code = nothing_found(app, Plain(output.out, output.err), query.terms)
        if output.fmt != "table" and output.fmt != "plain" or output.mode == "count":
            render.render_matrix(output, None)  # still one object, with its summary
        return code
    cited = {(h.claim.get("citation") or {}).get("source") for h in hits} | set(columns or ())
    matrix = run_compare(
        index.facts(sources=cast("set[str]", cited - {None})),
        [h.claim for h in hits],
        columns,
        query.include_retracted,
    )
    render.render_matrix(output, matrix)
    return 0
