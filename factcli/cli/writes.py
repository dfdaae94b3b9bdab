"""The commands that add to the store: import (a file of records) and add (one claim, its
missing fields asked for on a terminal). Both are checked whole by `importer` and written
in one step, or refused with nothing written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import review, store
from ..errors import InputError
from ..importer import (
    STAGES,
    AddRefused,
    Progress,
    Summary,
    ValidationError,
    import_records,
    parse_records,
    read_input,
)
from ..present import count_text
from ..render import plain
from .app import App, pass_app, refuse_damaged
from .complete import complete_entities, complete_predicates
from .curation import stance_options
from .env import Environment
from .group import command, complete_files
from .terminal import TerminalAsker

T = TypeVar("T")


@command("import")
@click.argument("file", metavar="FILE", shell_complete=complete_files)
@click.option("--create", is_flag=True, help="Start a new store at --db if the file does not exist.")
@click.option(
    "--create-entities", is_flag=True, help="Accept unknown subject/object/speaker names as new entities."
)
@click.option(
    "--with-dependencies",
    "from_store",
    metavar="FROM_STORE",
    help="Bring the sources and entities the claims need from this store.",
)
@click.option("--quiet", "-q", is_flag=True, help="Print nothing when all goes well.")
@pass_app
def import_(
    app: App, file: str, create: bool, create_entities: bool, from_store: str | None, quiet: bool
) -> int:
    """Add sources, entities and claims from FILE (JSON array or JSON Lines; - for stdin).

    A record with `text` is a source, one with `citation` a claim, one with `type` and
    `name` an entity: what `export`, `search`, `show`, `sources` and `entities` print (in
    --json or --jsonl) imports back, their derived fields ignored. The whole input is
    checked first; one problem and nothing is written. The new claims' ids are printed,
    one a line, and a summary on stderr.

    \b
    Examples:
      factcli --db mine.json import claims.jsonl
      factcli export S-400 | factcli --db s400.json import --create -
      factcli search S-400 --json | factcli --db other.json import --create --with-dependencies facts.json -
    """
    name, text = read_input(file)
    records = parse_records(text, name=name)
    donor = None
    if from_store:
        donor = store.load(store.locate(from_store))
        refuse_damaged(donor)
    summary: Summary = _with_progress(
        app.env,
        plain(app.location.path.name)[:40],
        len(records),
        lambda progress: import_records(
            app.location,
            records,
            create=create,
            create_entities=create_entities,
            progress=progress,
            dependencies=donor,
        ),
    )
    if quiet:
        return 0
    for cid in summary.claim_ids:
        click.echo(cid)
    extra = f", {summary.unchanged} already present" if summary.unchanged else ""
    app.env.stderr.write(
        f"imported {count_text(summary.sources, 'source')}{_named(summary.source_ids)}, "
        f"{count_text(summary.entities, 'entity', 'entities')}{_named(summary.entity_ids)}, "
        f"{count_text(summary.claims, 'claim')} into {plain(str(app.location.path))}{extra}\n"
    )
    return 0


def _named(ids: list[str], most: int = 5) -> str:
    """A few new source or entity ids for the summary line; the claims' are on stdout."""
    return f" ({plain(', '.join(ids))})" if 0 < len(ids) <= most else ""


def _with_progress(env: Environment, target: str, total: int, run: Callable[[Progress | None], T]) -> T:
    """One progress line on stderr for the whole import, only on a terminal and only for a
    large input: the records checked, the store written, the claims indexed, each a stage of
    the same line (`[2/3] writing facts.json`), with the time since the import began."""
    if total < 500 or not env.stderr_isatty:
        return run(None)
    import time

    from rich.console import Console  # only for a large input on a terminal
    from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn
    from rich.text import Text

    began = time.monotonic()

    class Since(ProgressColumn):
        """The time since the import began (rich's own column stops when a stage ends)."""

        def render(self, task: Task) -> Text:
            seconds = int(time.monotonic() - began)
            return Text(f"{seconds // 60}:{seconds % 60:02d}", style="progress.elapsed")

    words = {"checking": "checking records", "writing": f"writing {target}", "indexing": "indexing claims"}
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(bar_width=24),
        TextColumn("{task.fields[count]}"),
        Since(),
        console=Console(file=env.stderr),
        transient=True,
    ) as bar:
        task = bar.add_task(f"[1/3] {words['checking']}", total=total, count="")

        def told(stage: str, done: int, of: int) -> None:
            description = f"[{STAGES.index(stage) + 1}/3] {words[stage]}"
            count = f"{done:,}/{of:,}" if of else ""
            new = description != bar.tasks[0].description  # a new stage is drawn at once
            bar.update(
                task, description=description, completed=done, total=of or None, count=count, refresh=new
            )

        return run(told)


# --- add ------------------------------------------------------------------------------


@command("add")
@click.option("--source", "source_id", metavar="ID", help="Source id the quote comes from.")
@click.option("--quote", help="Exact words of the source.")
@click.option("--subject", help="Entity id or name.", shell_complete=complete_entities)
@click.option("--predicate", help="Predicate from the vocabulary.", shell_complete=complete_predicates)
@click.option("--object", "object_", help="Entity id or name.", shell_complete=complete_entities)
@click.option("--value", metavar="AMOUNT UNIT", help="A figure, e.g. '8600000000 USD' or '30 km'.")
@click.option(
    "--date",
    "date_",
    metavar="DATE",
    help="When it happened: 2017-10-25, 'Oct 2017', 'أكتوبر 2017', 'الشهر الماضي'.",
)
@stance_options(defaults=True)
@click.option("--speaker", help="Who said it (entity id or name).", shell_complete=complete_entities)
@click.option(
    "--via",
    help="Agency or outlet the source took it from (entity id or name).",
    shell_complete=complete_entities,
)
@click.option("--statement", help="One plain English sentence.")
@click.option("--create-entities", is_flag=True, help="Accept unknown names as new entities.")
@pass_app
def add(
    app: App,
    source_id: str | None,
    quote: str | None,
    subject: str | None,
    predicate: str | None,
    object_: str | None,
    value: str | None,
    date_: str | None,
    polarity: str,
    modality: str,
    speaker: str | None,
    via: str | None,
    statement: str | None,
    create_entities: bool,
) -> int:
    """Add one claim, checked like an import (the quote must be in the source).

    Missing options are asked for when run on a terminal.

    \b
    Examples:
      factcli --db mine.json add --source khaleej-2018-07-21 --quote "تبحث قطر مع روسيا" \\
          --subject qatar --predicate negotiating_purchase --object s-400 --modality in_talks \\
          --date "السبت" --statement "Qatar is discussing a possible S-400 purchase with Russia."
    """
    answers: dict[str, Any] = {
        "source": source_id,
        "quote": quote,
        "subject": subject,
        "predicate": predicate,
        "statement": statement,
        "object": object_,
        "date": date_,
        "value": value,
        "polarity": polarity,
        "modality": modality,
        "speaker": speaker,
        "via": via,
    }
    missing = review.missing(answers)
    if missing:
        if not app.env.interactive:
            raise InputError(
                "add needs " + ", ".join("--" + m for m in missing) + " (or run it on a terminal to be asked)"
            )
        stopped = None
        try:
            review.ask_missing(
                TerminalAsker(app.env),
                app.facts(),
                answers,
                review.to_ask(answers),
                create_entities=create_entities,
            )
        except review.Stopped as stop:
            stopped = stop.original
        if stopped is not None:
            raise stopped  # raised here, not in the handler: it keeps its own cause (^C or end of input)
    try:
        summary = import_records(
            app.location, [review.add_record(answers)], create_entities=create_entities, numbered=False
        )
    except ValidationError as exc:
        raise AddRefused(exc.problems) from None
    click.echo(summary.claim_ids[0])
    return 0
