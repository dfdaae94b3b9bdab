"""The commands that find claims: search, entities and timeline. Each asks the store's
index through `search` and hands what it finds to render."""

from __future__ import annotations

import functools
from typing import Any

import click

from .. import render
from ..index import View
from ..present import TABLE_COLUMNS, claim_records, count_text, with_context
from ..render import Output
from ..search import Query, count, entity_rows, find, tie_reasons
from ..search import timeline as run_timeline
from .app import App, pass_app
from .env import collector_paused
from .group import command
from .options import context_option, filter_options, nothing_found, output_options, query_terms


@command("search")
@click.argument("terms", nargs=-1)
@filter_options
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date"]),
    help="Order of the results (default: relevance with query words, date for filters alone).",
)
@click.option("--why", is_flag=True, help="Add a column saying how each claim matched.")
@context_option
@output_options
@pass_app
@collector_paused()
def search(app: App, query: Query, why: bool, sentences: int | None, output: Output) -> int:
    """Find claims by any spelling of a name, in Arabic or Latin script.

    Each QUERY word must match (AND): as a word of the statement or quote (or a form of it:
    missile/missiles), as a name of an entity the claim is about or names, or as a word for
    its predicate (sanctions, زيارة). Words in double quotes inside one argument match as a
    phrase. Best matches first; exit 0 when something is found, 1 when nothing is.

    \b
    Examples:
      factcli search S-400
      factcli search "روس أوبورون إيكسبورت"
      factcli search Shoygu --why
      factcli search S-400 -C 1
      factcli search '"air defence"' --sort date
      factcli search --subject Qatar --since "Oct 2017" --until 2018
      factcli search إس-400 --json | jq -r '.[] | [.match.score, .statement] | @tsv'
    """
    index = app.index()
    if output.mode == "count":
        # Counted inside the index: no claim is read, scored or ordered.
        n, hints = count(index, query)
        for hint in hints:
            app.env.note(hint)
        if not n:
            return nothing_found(app, output, query.terms)
        render.emit(output, [{}] * n, "claim")
        return 0
    found = find(index, query)
    for hint in found.hints:
        app.env.note(hint)
    if not found.hits:
        return nothing_found(app, output, query.terms)
    records = claim_records(View(index), [h.claim for h in found.hits])
    for record, hit in zip(records, found.hits, strict=True):
        record["match"] = hit.match()
    if why and found.order == "relevance":
        for record, reason in zip(records, tie_reasons(found.hits), strict=True):
            if reason:
                record["match"] = {**record["match"], "tie": reason}
    if sentences is not None:
        # Each cited article is read once, however many of its claims were found.
        source = functools.lru_cache(maxsize=None)(View(index, texts=True).source)
        records = [with_context(r, source(r["citation"]["source"]), sentences) for r in records]
    extra = [("why", _why_text)] if why else []
    extra += [("context", render.context_text)] if sentences is not None else []
    if extra:
        render.emit(
            output,
            records,
            [*TABLE_COLUMNS["claim"], *extra],
            title=count_text(len(records), "claim"),
        )
    else:
        render.emit(output, records, "claim", title=count_text(len(records), "claim"))
    return 0


def _why_text(record: dict[str, Any]) -> str:
    """The why column: how each term met the claim, and what put it above a claim of the
    same score."""
    tie = (record.get("match") or {}).get("tie")
    return render.why_text(record) + (f"; {tie}" if tie else "")


@command("entities")
@click.argument("terms", nargs=-1)
@output_options
@pass_app
def entities(app: App, terms: tuple[str, ...], output: Output) -> int:
    """List entities (countries, people, organizations, weapons...) with aliases and claim counts.

    An entity's `claims` counts the claims it is the subject, object or speaker of (what
    search --subject, --object and --speaker find for it); `named` counts the claims that
    name it anywhere: in those roles, as the agency a claim came via, or in their words
    (what a search for its name finds through it). Retracted claims are left out of both.

    \b
    Examples:
      factcli entities
      factcli entities روسوبورون
      factcli entities --json | jq '.[] | select(.type == "person") | .name'
    """
    rows = entity_rows(app.index(), query_terms(terms))
    if not rows:
        return nothing_found(app, output, list(terms), "entities")
    render.emit(output, rows, "entity", title=count_text(len(rows), "entity", "entities"))
    return 0


@command("timeline")
@click.argument("terms", nargs=-1)
@filter_options
@output_options
@pass_app
@collector_paused()
def timeline(app: App, query: Query, output: Output) -> int:
    """Claims in the order things happened, each date at its own precision.

    Claims not placed in time are listed apart, after the dated ones: the undated, and
    those dated only between bounds ("a day in 2017-01-02..2021-12-27", read from an
    undated article), whose place in the order is not known.

    \b
    Examples:
      factcli timeline S-400
      factcli timeline --subject Qatar --since 2017 --json | jq '.[] | [.date.start, .statement]'
    """
    index = app.index()
    dated, undated = run_timeline(index, query)
    if not dated and not undated:
        return nothing_found(app, output, query.terms)
    view = View(index)
    recs = claim_records(view, [h.claim for h in dated])
    rest = claim_records(view, [h.claim for h in undated])
    if output.fmt == "table" and output.mode == "records":
        if recs:
            render.emit(output, recs, "timeline", title=count_text(len(recs), "dated claim"))
        if rest:
            render.emit(
                output,
                rest,
                "timeline",
                title=count_text(len(rest), "claim", "claims") + " not placed in time",
            )
    else:
        render.emit(output, recs + rest, "timeline")
    return 0
