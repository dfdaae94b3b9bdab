"""The draft command: candidate claims drafted from a new article, written as JSON Lines
for review, or reviewed there and then on the terminal (`review.review_drafts`)."""

from __future__ import annotations

import json
from typing import Any

import click

from .. import draft, review
from ..errors import InputError
from ..importer import read_input
from ..render import plain
from .app import App, pass_app
from .group import command
from .terminal import TerminalAsker


@command("draft")
@click.argument("article", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--published",
    metavar="DATE",
    help="Publication date (any date form), or START..END when only bounded; default: the dateline.",
)
@click.option("--outlet", help="The publication's name.")
@click.option("--url", help="Where the article was read.")
@click.option(
    "--credited", multiple=True, metavar="NAME", help="An agency or outlet the article credits; repeatable."
)
@click.option(
    "--id", "source_id", metavar="ID", help="The source id (default: OUTLET-START, e.g. unknown-2018-07-21)."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the records to this file (default: stdout).",
)
@click.option(
    "--review",
    is_flag=True,
    help="Walk through each candidate on the terminal, its quote marked in its paragraph: accept, "
    "edit a field, cite other words, copy, make a missing entity, skip.",
)
@pass_app
def draft_(
    app: App,
    article: str,
    published: str | None,
    outlet: str | None,
    url: str | None,
    credited: tuple[str, ...],
    source_id: str | None,
    output: str | None,
    review: bool,
) -> int:
    """Draft candidate claims from a new Arabic ARTICLE (a UTF-8 text file; - for stdin).

    Writes JSON Lines for review: the source, candidate entities for names the store does
    not know, and one candidate claim per assertion-bearing clause. Every candidate has an
    empty statement and a "draft" object (the cues that fired, a confidence): `import`
    refuses both until a person has written the statement and deleted the object.

    \b
    Examples:
      factcli --db mine.json draft examples/shoigu-doha-2017-excerpt.txt -o draft.jsonl
      factcli --db mine.json draft examples/shoigu-doha-2017-excerpt.txt --published 2017-10..2017-11 --outlet unknown -o draft.jsonl
      factcli --db mine.json draft examples/shoigu-doha-2017-excerpt.txt --review -o reviewed.jsonl
    """
    if review and article == "-":
        raise InputError("--review reads your answers from standard input: give the article as a file, not -")
    # The import's reader: devices refused, input bounded by the store size limit.
    _, text = read_input(article, "to draft from")
    anchor = draft.parse_published(published) if published else None
    facts = app.facts()
    result = draft.draft_article(
        text,
        list(facts.entities),
        published=anchor,
        outlet=outlet,
        url=url,
        credited=list(credited),
        source_id=source_id,
        known_sources=list(facts.sources),
    )
    records = result.records()
    err = app.env.stderr
    if review:
        # The candidate entities count as names while reviewing: a claim may point at one.
        records = _review(app, records, list(facts.entities) + result.entities)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    if output:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(lines)
        except OSError as exc:
            raise InputError(f"{output}: {exc.strerror or exc}") from None
    else:
        click.echo(lines, nl=False)
    left = len(draft.draft_records(records))
    where = output or "stdout"
    err.write(
        f"drafted {len(result.claims)} claims and {len(result.entities)} new entities to {where}"
        + (f"; {left} still to review" if left else "")
        + "\n"
    )
    if result.mentioned:
        # What the article is about among what the store knows, candidates or not.
        names = {e["id"]: e.get("name") or e["id"] for e in facts.entities}
        said = ", ".join(plain(str(names.get(i, i))) for i in result.mentioned)
        err.write(
            f"factcli: note: the article names {len(result.mentioned)} of the store's entities: {said}\n"
        )
    if result.source.get("note") and not published:
        err.write(f"factcli: note: {plain(result.source['note'])}\n")
    from ..vocabulary import of

    missing = sorted(
        {c["predicate"] for c in result.claims if c.get("predicate")} - set(of(facts).predicates)
    )
    if missing:
        # A store keeps the vocabulary it was made with: import refuses these until it has them.
        err.write(
            f"factcli: note: this store's vocabulary lacks {', '.join(missing)}, which factcli ships: "
            f"see `factcli vocabulary show {missing[0]}` (on the shipped store) and add it with "
            "`factcli vocabulary add`, or change those candidates' predicates\n"
        )
    return 0


def _review(app: App, records: list[dict[str, Any]], entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The terminal walk, asked on stderr: stdout may be the records themselves."""
    from ..vocabulary import of

    return review.review_drafts(records, entities, TerminalAsker(app.env, err=True), of(app.facts()))
