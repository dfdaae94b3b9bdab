"""The command line: parse arguments, make one call into the core, hand the result to render.

Errors become exit codes in exactly one place, `FactcliGroup.main`: a `FactcliError` or a
usage error is one line on stderr and exit 2 (a refused import prints one line per problem).
"""

from __future__ import annotations

import functools
import os
import sys
from typing import Any

import click

from . import __version__, store
from .errors import FactcliError, InputError

EXAMPLES_HEADER = "Examples:"


class FactcliGroup(click.Group):
    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        err = click.get_text_stream("stderr")
        try:
            rv = super().main(args, prog_name or "factcli", complete_var, standalone_mode=False, **extra)
        except FactcliError as exc:
            for line in getattr(exc, "problems", []):
                err.write(f"factcli: {line}\n")
            err.write(f"factcli: {exc}\n")
            sys.exit(exc.exit_code)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else "", file=err)
            sys.exit(2)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            err.write(f"factcli: {exc.format_message()}{hint}\n")
            sys.exit(2)
        except click.ClickException as exc:
            err.write(f"factcli: {exc.format_message()}\n")
            sys.exit(exc.exit_code if exc.exit_code else 2)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.Abort:
            err.write("factcli: aborted\n")
            sys.exit(2)
        except BrokenPipeError:
            # The reader (head, less) went away: not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        sys.exit(rv if isinstance(rv, int) else 0)


class App:
    """Per-invocation state: where the store is, loaded at most once."""

    def __init__(self, db: str | None) -> None:
        self.location = store.locate(db)
        self._facts: store.Facts | None = None

    def facts(self) -> store.Facts:
        if self._facts is None:
            self._facts = store.load(self.location)
        return self._facts


def output_options(func: Any) -> Any:
    """--json/--jsonl/--csv (and --rtl), resolved into one `render.Output`."""

    @click.option("--json", "fmt", flag_value="json", help="One JSON array.")
    @click.option("--jsonl", "fmt", flag_value="jsonl", help="One JSON object per line.")
    @click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row.")
    @click.option("--rtl", type=click.Choice(["logical", "visual"]), default="logical", show_default=True,
                  help="visual: reshape Arabic for terminals without bidi support.")
    @functools.wraps(func)
    def wrapper(*args: Any, fmt: str | None, rtl: str, **kwargs: Any) -> Any:
        from .render import Output

        out = click.get_text_stream("stdout")
        tty = out.isatty() or os.environ.get("FACTCLI_FORCE_TTY") == "1"
        chosen = fmt or ("table" if tty else "plain")
        color = tty and not os.environ.get("NO_COLOR")
        width = int(os.environ["COLUMNS"]) if os.environ.get("COLUMNS", "").isdigit() else None
        output = Output(chosen, out, click.get_text_stream("stderr"), color=color, rtl=rtl, width=width)
        return func(*args, output=output, **kwargs)

    return wrapper


pass_app = click.make_pass_decorator(App)


@click.group(cls=FactcliGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH", help="The store (default: $FACTCLI_DB, ./facts.json, the installed copy).")
@click.version_option(__version__, "--version", prog_name="factcli")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """Who claimed what, when, in which outlet, and whether the sources agree.

    \b
    Examples:
      factcli search S-400
      factcli search إس-400 --since 2018 --json | jq '.[].statement'
      factcli show c0001
    """
    ctx.obj = App(db)


# --- sources, show, verify ------------------------------------------------------------


@main.command()
@output_options
@pass_app
def sources(app: App, output: Any) -> int:
    """List the sources: outlet, publication date, credited agencies, claim counts.

    \b
    Examples:
      factcli sources
      factcli sources --json | jq '.[] | {id, published}'
    """
    from . import render
    from .views import source_rows

    facts = app.facts()
    rows = source_rows(facts, with_text=output.fmt in ("json", "jsonl"))
    render.emit(output, rows, [
        ("id", lambda r: r["id"]),
        ("published", lambda r: render.date_text(r["published"])),
        ("outlet", lambda r: r["outlet"]),
        ("credited", lambda r: r["credited"]),
        ("claims", lambda r: r["claims"]),
        ("title", lambda r: r["title"]),
    ], title=f"{len(rows)} sources")
    return 0 if rows else 1


@main.command()
@click.argument("claim_id")
@output_options
@pass_app
def show(app: App, claim_id: str, output: Any) -> int:
    """One claim whole: statement, quote in its paragraph, speaker, via, source, date.

    \b
    Examples:
      factcli show c0001
      factcli show c0001 --json | jq .citation
    """
    from . import render
    from .views import claim_detail

    detail = claim_detail(app.facts(), claim_id)
    if output.fmt in ("json", "jsonl"):
        render.emit(output, [detail], []) if output.fmt == "jsonl" else render.write_json(output.out, detail)
    else:
        render.render_claim(output, detail)
    return 0


@main.command()
@output_options
@pass_app
def verify(app: App, output: Any) -> int:
    """Check the store: schema, quotes at their offsets, sha256, references, ids.

    Exit 0 when clean, 1 with the list of problems.

    \b
    Examples:
      factcli verify
      factcli --db other.json verify --json
    """
    from . import render
    from .verify import verify as run_verify

    facts = app.facts()
    problems = run_verify(facts)
    if output.fmt in ("table", "plain") and not problems:
        output.out.write(
            f"ok: {len(facts.sources)} sources, {len(facts.entities)} entities, "
            f"{len(facts.claims)} claims verified in {facts.path}\n"
        )
        return 0
    render.emit(output, problems, [
        ("table", lambda r: r["table"]), ("id", lambda r: r["id"]),
        ("field", lambda r: r["field"]), ("problem", lambda r: r["problem"]),
    ], title=f"{len(problems)} problems")
    return 1 if problems else 0


# --- import ---------------------------------------------------------------------------


@main.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--create", is_flag=True, help="Start a new store at --db if the file does not exist.")
@click.option("--create-entities", is_flag=True, help="Accept unknown subject/object/speaker names as new entities.")
@pass_app
def import_(app: App, file: Any, create: bool, create_entities: bool) -> int:
    """Add sources, entities and claims from FILE (JSON array or JSON Lines; - for stdin).

    A record with `text` is a source, one with `citation` a claim, one with `type` and
    `name` an entity. The whole input is checked first; one problem and nothing is written.

    \b
    Examples:
      factcli --db mine.json import claims.jsonl
      factcli search S-400 --json | factcli --db copy.json import -
    """
    from .importer import import_records, parse_records

    try:
        text = file.read()
    except UnicodeDecodeError as exc:
        raise InputError(f"{file.name}: not UTF-8 text (byte {exc.start})") from None
    records = parse_records(text, name=file.name)
    summary = _with_progress(len(records), lambda progress: import_records(
        app.location, records, create=create, create_entities=create_entities, progress=progress))
    err = click.get_text_stream("stderr")
    extra = f", {summary.unchanged} already present" if summary.unchanged else ""
    err.write(
        f"imported {summary.sources} sources, {summary.entities} entities, "
        f"{summary.claims} claims into {app.location.path}{extra}\n"
    )
    return 0


def _with_progress(total: int, run: Any) -> Any:
    """A progress bar on stderr, only on a terminal and only for large inputs."""
    err = click.get_text_stream("stderr")
    if total < 500 or not err.isatty():
        return run(None)
    from rich.progress import Progress

    with Progress(console=__import__("rich.console", fromlist=["Console"]).Console(file=err), transient=True) as bar:
        task = bar.add_task("validating", total=total)
        return run(lambda n: bar.update(task, completed=n))


if __name__ == "__main__":  # pragma: no cover
    main()
