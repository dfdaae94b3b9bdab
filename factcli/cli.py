"""The command line: parse arguments, make one call into the core, hand the result to render.

Errors become exit codes in exactly one place, `FactcliGroup.main`: a `FactcliError` or a
usage error is one line on stderr and exit 2 (a refused import prints one line per problem).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from typing import Any

import click

from . import __version__, store
from .errors import FactcliError, InputError, did_you_mean
from .vocabulary import ENTITY_TYPES, MODALITIES, POLARITIES


def _say(err: Any, message: str) -> None:
    """One error line on stderr. Messages quote input and stored data (a date phrase, a
    name): its controls and bidi overrides are dropped here, so no error acts on a terminal."""
    from .render import plain

    line = plain(message)
    if len(line) > _MAX_ERROR:  # a 100k-character argument echoed back helps nobody
        line = line[: _MAX_ERROR - 3] + "..."
    err.write(f"factcli: {line}\n")


_MAX_ERROR = 1000


class _ReaderGone(Exception):
    """stdout's reader closed the pipe (not an OSError, so click leaves it to us)."""


class FactcliGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _ReaderGone from None

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        err = sys.stderr
        try:
            rv = super().main(args, prog_name or "factcli", complete_var, standalone_mode=False, **extra)
        except FactcliError as exc:
            for line in exc.details:
                _say(err, line)
            _say(err, str(exc))
            sys.exit(exc.exit_code)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else "", file=err)
            sys.exit(2)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _say(err, f"{exc.format_message()}{hint}")
            sys.exit(2)
        except click.ClickException as exc:
            _say(err, exc.format_message())
            sys.exit(exc.exit_code if exc.exit_code else 2)
        except click.exceptions.Exit as exc:
            _finish(exc.exit_code)
        except click.Abort as exc:
            # click turns Ctrl-C into Abort; EOF at a prompt is an abort of ours.
            if isinstance(exc.__context__, KeyboardInterrupt):
                _interrupted(err)
            err.write("factcli: aborted\n")
            sys.exit(2)
        except KeyboardInterrupt:
            _interrupted(err)
        except (BrokenPipeError, _ReaderGone):
            _reader_gone()
        except Exception as exc:  # a bug of ours: still one line, with a way to see more
            if os.environ.get("FACTCLI_DEBUG"):
                raise
            _say(err, f"internal error: {type(exc).__name__}: {exc} (FACTCLI_DEBUG=1 shows where)")
            sys.exit(2)
        _finish(rv if isinstance(rv, int) else 0)


def _finish(code: int) -> None:
    """Exit with `code` once stdout is flushed: a reader that left early is not an error."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone()
    except KeyboardInterrupt:
        _interrupted(sys.stderr)
    sys.exit(code)


def _reader_gone() -> None:
    # The reader (head, less, grep -q) closed the pipe: it has all it wanted, so this is a
    # success, exit 0 (not 141, which would fail a `set -o pipefail` script). What is still
    # buffered goes to /dev/null, so the interpreter's own flush at exit cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


def _interrupted(err: Any) -> None:
    try:
        err.write("factcli: interrupted\n")
    finally:
        sys.exit(130)


def _global_db(ctx: click.Context, _param: Any, value: str | None) -> None:
    app = ctx.find_object(App)
    if value is not None and app is not None:
        app.relocate(value)


def _global_wait(ctx: click.Context, _param: Any, value: float | None) -> None:
    app = ctx.find_object(App)
    if value is not None and app is not None:
        app.location = dataclasses.replace(app.location, wait=value)


def _global_color(ctx: click.Context, _param: Any, value: str | None) -> None:
    app = ctx.find_object(App)
    if value is not None and app is not None:
        app.color = value


DB_HELP = "The store (default: $FACTCLI_DB, ./facts.json, the installed copy)."
COLOR_HELP = "Colour: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never."


WAIT_HELP = "How long a write waits for another writer's lock before giving up."
WAIT_TYPE = click.FloatRange(min=0, max=86400)


class FactcliCommand(click.Command):
    """A subcommand that also takes the global options (--db, --wait, --color) after its
    name, as `factcli search S-400 --db mine.json` reads."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(
            click.Option(["--db"], metavar="PATH", expose_value=False, callback=_global_db, help=DB_HELP)
        )
        self.params.append(
            click.Option(
                ["--wait"],
                metavar="SECONDS",
                type=WAIT_TYPE,
                expose_value=False,
                callback=_global_wait,
                help=WAIT_HELP,
            )
        )
        self.params.append(
            click.Option(
                ["--color"],
                type=click.Choice(["auto", "always", "never"]),
                expose_value=False,
                callback=_global_color,
                help=COLOR_HELP,
            )
        )


FactcliGroup.command_class = FactcliCommand
FactcliGroup.group_class = type  # subgroups (entity) are FactcliGroups too, with the same commands


class App:
    """Per-invocation state: where the store is, loaded at most once."""

    def __init__(self, db: str | None, wait: float = store.DEFAULT_WAIT, color: str = "auto") -> None:
        self.location = dataclasses.replace(store.locate(db), wait=wait, on_wait=_say_waiting)
        self.color = color
        self._facts: store.Facts | None = None
        self._index: Any = None

    def index(self, rebuild: bool = False) -> Any:
        """The store's derived index, fresh (rebuilt when the store changed); read commands
        answer from it. A note (cache not writable) is one line on stderr."""
        if self._index is None or rebuild:
            from .index import open_index

            self._index = open_index(
                self.location, rebuild=rebuild, progress=_build_progress(), check=refuse_damaged
            )
            if self._index.note:
                _say(sys.stderr, f"note: {self._index.note}")
        return self._index

    def relocate(self, db: str) -> None:
        """--db given after the subcommand: it wins over the one before."""
        self.location = dataclasses.replace(store.locate(db), wait=self.location.wait, on_wait=_say_waiting)
        self._facts = None

    def facts(self, checked: bool = True) -> store.Facts:
        """The store; `checked` refuses one with a wrong type in a record (only `verify`,
        which reports every problem, reads it unchecked)."""
        if self._facts is None:
            self._facts = store.load(self.location)
        if checked:
            refuse_damaged(self._facts)
        return self._facts


class _BuildProgress:
    """A progress bar on stderr while a large index is built (terminal only)."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(file=sys.stderr), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("indexing", total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()


def _build_progress() -> Any:
    return _BuildProgress() if sys.stderr.isatty() else None


def _say_waiting() -> None:
    sys.stderr.write("factcli: waiting for another writer…\n")
    sys.stderr.flush()


def refuse_damaged(facts: store.Facts) -> None:
    from .schema import refuse_damaged as refuse

    refuse(facts, facts.path)


def _color_choice(ctx: click.Context) -> str:
    app = ctx.find_object(App)
    return app.color if app is not None else "auto"


def use_color(choice: str, tty: bool) -> bool:
    """--color always/never win; with auto, FORCE_COLOR turns colour on and NO_COLOR off
    (https://no-color.org, https://force-color.org), else colour goes to a terminal only."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("NO_COLOR"):
        return False
    return tty


def _terminal_width(tty: bool) -> int | None:
    if os.environ.get("COLUMNS", "").isdigit() and int(os.environ["COLUMNS"]) > 0:
        return int(os.environ["COLUMNS"])
    if tty:
        import shutil

        return shutil.get_terminal_size().columns
    return None


def output_options(func: Any) -> Any:
    """The output flags every listing command shares, resolved into one `render.Output`,
    and the pager: on a terminal, output taller than the screen goes through it."""

    @_chosen_once("fmt", "--table", "table", "A table (or blocks when narrow), even when piped.")
    @_chosen_once("fmt", "--json", "json", "JSON: an array for lists, an object for diff and compare.")
    @_chosen_once("fmt", "--jsonl", "jsonl", "JSON Lines: one record per line.")
    @_chosen_once("fmt", "--csv", "csv", "CSV with typed, split columns and a header row.")
    @_chosen_once("fmt", "--tsv", "tsv", "Tab-separated, the same columns as --csv.")
    @click.option("--fields", metavar="A,B.C", help="Only these fields (dotted paths such as date.start).")
    @_chosen_once("mode", "--count", "count", "Only the number of records.")
    @_chosen_once("mode", "--ids", "ids", "Only the ids, one per line.")
    @click.option(
        "--rtl",
        type=click.Choice(["logical", "visual"]),
        default="logical",
        show_default=True,
        help="visual: reshape Arabic for terminals without bidi support.",
    )
    @click.option(
        "--no-pager", is_flag=True, help="Never page, even when the output is taller than the terminal."
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        fields: str | None,
        rtl: str,
        no_pager: bool,
        **kwargs: Any,
    ) -> Any:
        from .present import parse_fields
        from .render import Output

        ctx = click.get_current_context()
        fmt, mode = _chosen(ctx, "fmt"), _chosen(ctx, "mode")
        out = sys.stdout
        tty = out.isatty()
        color = use_color(_color_choice(ctx), tty)
        forced = color and not tty  # --color always / FORCE_COLOR in a pipe: what a terminal gets
        chosen = fmt or ("table" if tty or forced else "plain")
        styled = (tty or forced) and os.environ.get("TERM") not in ("dumb", "unknown")
        output = Output(
            chosen,
            out,
            sys.stderr,
            color=color,
            tty=tty or forced,
            rtl=rtl,
            width=_terminal_width(tty),
            fields=parse_fields(fields),
            mode=mode or "records",
            styled=styled,
        )
        if not (tty and not no_pager and _pager_command()):
            return func(*args, output=output, **kwargs)
        import io

        output.out = io.StringIO()
        try:
            rv = func(*args, output=output, **kwargs)
        except BaseException:
            out.write(output.out.getvalue())
            raise
        page(output.out.getvalue(), out)
        return rv

    return wrapper


def _chosen_once(group: str, flag: str, value: str, help: str) -> Any:
    """One of a group of flags that each pick the same thing (the output format, or counts
    against ids): the flags given are recorded, so two different ones are refused instead of
    the last silently winning."""

    def record(ctx: click.Context, _param: Any, given: bool) -> None:
        if given:
            ctx.meta.setdefault(f"factcli.{group}", {})[flag] = value

    return click.option(flag, is_flag=True, expose_value=False, callback=record, help=help)


def _chosen(ctx: click.Context, group: str) -> str | None:
    given: dict[str, str] = ctx.meta.get(f"factcli.{group}", {})
    if len(given) > 1:
        *rest, last = given
        raise click.UsageError(f"{', '.join(rest)} and {last} cannot be given together: give one")
    return next(iter(given.values()), None)


def _pager_command() -> str:
    for var in ("FACTCLI_PAGER", "PAGER"):
        if var in os.environ:
            return os.environ[var].strip()  # set but empty: no pager
    return "less -R"


def page(text: str, out: Any) -> None:
    """`text` through the pager when it is taller than the terminal, else straight out."""
    import shutil
    import subprocess

    lines = text.count("\n")
    height = shutil.get_terminal_size().lines
    command = _pager_command()
    if lines < height or not command:
        out.write(text)
        return
    out.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit if it fits after all, keep colours, leave the screen
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        out.write(text)
        return
    try:
        assert proc.stdin is not None
        proc.stdin.write(text.encode(out.encoding or "utf-8", errors="replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the reader quit before the end: that is what q is for
        pass
    if proc.wait() == 127:  # the shell found no such pager
        out.write(text)


pass_app = click.make_pass_decorator(App)


# --- shell completion: what the store holds --------------------------------------------


def _completion_facts(ctx: click.Context) -> store.Facts | None:
    """The store the command line names, for completion; None when it cannot be read (a
    completion never prints an error into the user's shell)."""
    db = None
    node: click.Context | None = ctx
    while node is not None:
        db = db or node.params.get("db")
        node = node.parent
    try:
        return store.load(store.locate(db))
    except Exception:  # noqa: BLE001 - nothing to offer is the answer to any trouble here
        return None


def _complete(values: Any, incomplete: str) -> list[Any]:
    from click.shell_completion import CompletionItem

    folded = incomplete.casefold()
    return [CompletionItem(v, help=h) for v, h in values if v.casefold().startswith(folded)]


def complete_claim_ids(ctx: click.Context, _param: Any, incomplete: str) -> list[Any]:
    facts = _completion_facts(ctx)
    return _complete(((c["id"], c.get("statement")) for c in facts.claims), incomplete) if facts else []


def complete_sources(ctx: click.Context, _param: Any, incomplete: str) -> list[Any]:
    facts = _completion_facts(ctx)
    return _complete(((s["id"], s.get("outlet")) for s in facts.sources), incomplete) if facts else []


def complete_predicates(_ctx: click.Context, _param: Any, incomplete: str) -> list[Any]:
    from .vocabulary import PREDICATES

    return _complete(PREDICATES.items(), incomplete)


def complete_entities(ctx: click.Context, _param: Any, incomplete: str) -> list[Any]:
    """Entity ids, then their English names, Arabic names and aliases."""
    facts = _completion_facts(ctx)
    if not facts:
        return []
    names: dict[str, str] = {}
    for ent in facts.entities:
        names.setdefault(ent["id"], ent.get("name", ""))
    for ent in facts.entities:
        for name in [ent.get("name"), ent.get("name_ar"), *(ent.get("aliases") or [])]:
            if name:
                names.setdefault(name, ent["id"])
    return _complete(names.items(), incomplete)


@click.group(cls=FactcliGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH", help=DB_HELP)
@click.option(
    "--wait",
    metavar="SECONDS",
    type=WAIT_TYPE,
    default=store.DEFAULT_WAIT,
    show_default=True,
    help=WAIT_HELP,
)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", help=COLOR_HELP)
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
    ctx.obj = App(db, wait, color)


# --- sources, show, verify ------------------------------------------------------------


@main.command()
@output_options
@pass_app
def sources(app: App, output: Any) -> int:
    """List the sources: outlet, publication date, credited agencies, claim counts.

    A source's `claims` counts its claims that are not retracted, as `search` finds them.

    \b
    Examples:
      factcli sources
      factcli sources --json | jq '.[] | {id, published}'
    """
    from . import render

    with_text = output.fmt in ("json", "jsonl")
    rows = [
        {**{k: v for k, v in src.items() if with_text or k != "text"}, "claims": n}
        for src, n in app.index().sources()
    ]
    render.emit(output, rows, "source", title=f"{len(rows)} sources")
    return 0 if rows else 1


@main.command()
@click.argument("claim_ids", metavar="ID...", nargs=-1, required=True, shell_complete=complete_claim_ids)
@output_options
@pass_app
def show(app: App, claim_ids: tuple[str, ...], output: Any) -> int:
    """Claims whole: statement, quote in its paragraph, speaker, via, source, date.

    Give one or more ids, or - to read them from stdin (the first field of each line, so
    the plain output of search or timeline can be piped in). --json is always an array.
    A corrected claim lists its revisions (when, what changed, why); a retracted one says
    when and why it was retracted.

    \b
    Examples:
      factcli show c0001
      factcli show c0001 c0002 --json | jq '.[].citation'
      factcli search S-400 | factcli show - --jsonl
    """
    from . import render
    from .index import View
    from .views import claim_detail

    ids = _ids_from(claim_ids)
    view = View(app.index(), texts=True)
    details = [claim_detail(view, cid) for cid in ids]  # every id checked before anything is printed
    render.render_claims(output, details)
    return 0


def _ids_from(args: tuple[str, ...]) -> list[str]:
    """Claim ids from the arguments; `-` reads them from stdin, one per line (first field)."""
    ids: list[str] = []
    for arg in args:
        if arg != "-":
            ids.append(arg)
            continue
        if sys.stdin.isatty():
            raise InputError(
                "show -: give claim ids on stdin, one per line (e.g. factcli search S-400 | factcli show -)"
            )
        for line in sys.stdin:
            first = line.strip().split(None, 1)
            if first:
                ids.append(first[0])
    if not ids:
        raise InputError("show: no claim ids on stdin")
    return list(dict.fromkeys(ids))


@main.command()
@output_options
@pass_app
def verify(app: App, output: Any) -> int:
    """Check the store: schema, quotes at their offsets, sha256, references, ids.

    Exit 0 when clean, 1 with the list of problems.

    \b
    Examples:
      factcli verify
      factcli --db mine.json verify --json
    """
    from . import render
    from .verify import verify as run_verify

    facts = app.facts(checked=False)
    problems = run_verify(facts)
    if output.fmt in ("table", "plain") and output.mode == "records" and not problems:
        output.out.write(
            f"ok: {len(facts.sources)} sources, {len(facts.entities)} entities, "
            f"{len(facts.claims)} claims verified in {render.plain(str(facts.path))}\n"
        )
        return 0
    render.emit(output, problems, "problem", title=f"{len(problems)} problems")
    return 1 if problems else 0


@main.command()
@click.argument(
    "name", required=False, type=click.Choice(["claim", "source", "entity", "diff", "compare", "problem"])
)
def schema(name: str | None) -> int:
    """Print the JSON Schema of an output shape; without NAME, list the shapes.

    claim: search, timeline, show; source: sources; entity: entities; problem: verify;
    diff and compare: their --json object (their --jsonl lines are its $defs line and row).

    \b
    Examples:
      factcli schema
      factcli schema claim | jq '.required'
    """
    from . import schemas

    if name is None:
        for n in schemas.NAMES:
            click.echo(f"{n}\t{schemas.load(n)['description']}")
        return 0
    sys.stdout.write(schemas.text(name))
    return 0


# --- import ---------------------------------------------------------------------------


@main.command("import")
@click.argument("file", metavar="FILE")
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
    app: App, file: Any, create: bool, create_entities: bool, from_store: str | None, quiet: bool
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
    from .importer import import_records, parse_records, read_input
    from .render import plain

    name, text = read_input(file)
    records = parse_records(text, name=name)
    donor = None
    if from_store:
        donor = store.load(store.locate(from_store))
        refuse_damaged(donor)
    summary = _with_progress(
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
    err = sys.stderr
    extra = f", {summary.unchanged} already present" if summary.unchanged else ""
    err.write(
        f"imported {summary.sources} sources{_named(summary.source_ids)}, {summary.entities} entities"
        f"{_named(summary.entity_ids)}, {summary.claims} claims into {plain(str(app.location.path))}{extra}\n"
    )
    return 0


def _named(ids: list[str], most: int = 5) -> str:
    """A few new source or entity ids for the summary line; the claims' are on stdout."""
    from .render import plain

    return f" ({plain(', '.join(ids))})" if 0 < len(ids) <= most else ""


def _with_progress(total: int, run: Any) -> Any:
    """A progress bar on stderr, only on a terminal and only for large inputs."""
    err = sys.stderr
    if total < 500 or not err.isatty():
        return run(None)
    from rich.progress import Progress

    with Progress(
        console=__import__("rich.console", fromlist=["Console"]).Console(file=err), transient=True
    ) as bar:
        task = bar.add_task("validating", total=total)
        return run(lambda n: bar.update(task, completed=n))


# --- search, entities, timeline -------------------------------------------------------


def filter_options(func: Any) -> Any:
    """The claim filters shared by search, timeline and compare, built into one Query."""

    @click.option(
        "--subject",
        multiple=True,
        metavar="NAME",
        shell_complete=complete_entities,
        help="Subject entity (id or any name); repeatable.",
    )
    @click.option(
        "--predicate",
        multiple=True,
        metavar="VERB",
        shell_complete=complete_predicates,
        help="Predicate from the vocabulary; repeatable.",
    )
    @click.option(
        "--object",
        "object_",
        multiple=True,
        metavar="NAME",
        shell_complete=complete_entities,
        help="Object entity; repeatable.",
    )
    @click.option(
        "--speaker",
        multiple=True,
        metavar="NAME",
        shell_complete=complete_entities,
        help="Who said it; repeatable.",
    )
    @click.option(
        "--source",
        multiple=True,
        metavar="ID",
        shell_complete=complete_sources,
        help="Source id or outlet/agency name; repeatable.",
    )
    @click.option(
        "--since", metavar="DATE", help="Claims dated on or after: 2017-10, 'Oct 2017', 'أكتوبر 2017'."
    )
    @click.option("--until", metavar="DATE", help="Claims dated on or before (same forms).")
    @click.option("--limit", type=click.IntRange(min=1), help="At most this many results.")
    @click.option("--include-retracted", is_flag=True, help="Include retracted claims (marked RETRACTED).")
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        subject,
        predicate,
        object_,
        speaker,
        source,
        since,
        until,
        limit,
        include_retracted,
        **kwargs: Any,
    ) -> Any:
        from .search import Query

        query = Query(
            terms=query_terms(kwargs.pop("terms", ())),
            subject=list(subject),
            predicate=list(predicate),
            object=list(object_),
            speaker=list(speaker),
            source=list(source),
            since=_when("--since", since),
            until=_when("--until", until),
            limit=limit,
            include_retracted=include_retracted,
            sort=kwargs.pop("sort", None),
        )
        return func(*args, query=query, **kwargs)

    return wrapper


# The longest query read, all its words together: several times a long quote (the shipped
# store's longest is 224 characters). Matching a query costs more than its length, so a
# pasted page is refused at once instead of taking a minute to match nothing.
MAX_QUERY_CHARS = 1000


def query_terms(terms: tuple[str, ...]) -> list[str]:
    """The query words given, blank ones dropped; refused past `MAX_QUERY_CHARS`."""
    size = sum(len(t) for t in terms)
    if size > MAX_QUERY_CHARS:
        raise InputError(f"query too long: {size:,} characters (at most {MAX_QUERY_CHARS:,} are read)")
    return [t for t in terms if t.strip()]


def _when(option: str, text: str | None) -> Any:
    import datetime

    from .search import parse_when

    if not text:
        return None
    try:
        span = parse_when(text)
    except (ValueError, OverflowError):
        # A date the calendar cannot hold (year 0, past 9999): bad input, not a failure.
        raise InputError(
            f"{option} {text[:80]!r}: outside the dates factcli can handle (years 1 to 9999)"
        ) from None
    if span.start > datetime.date.today():
        # A month without a year reads as the next one, as in news; say so rather than
        # silently finding nothing in the past.
        _say(
            sys.stderr,
            f"note: {option} {text!r} is read as {span.start.isoformat()}, in the future; add a year for a past date",
        )
    return span


def _claim_columns(render: Any) -> list[Any]:
    from .present import CLAIM_TABLE

    return list(CLAIM_TABLE)


def _nothing_found(app: App, output: Any, terms: list[str], what: str = "claims") -> int:
    """Exit 1 with a hint on stderr; stdout still gets the command's shape, empty: `[]`,
    a CSV header, `0` for --count."""
    from . import render
    from .search import suggestions

    hint = did_you_mean(suggestions(app.index(), terms) if terms else [])
    _say(output.err, f"no {what} match{hint}")
    if isinstance(output, render.Output) and (
        output.fmt != "table" and output.fmt != "plain" or output.mode == "count"
    ):
        render.emit(output, [], "entity" if what == "entities" else "claim")
    return 1


@main.command()
@click.argument("terms", nargs=-1)
@filter_options
@click.option(
    "--sort",
    type=click.Choice(["relevance", "date"]),
    help="Order of the results (default: relevance with query words, date for filters alone).",
)
@click.option("--why", is_flag=True, help="Add a column saying how each claim matched.")
@output_options
@pass_app
def search(app: App, query: Any, why: bool, output: Any) -> int:
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
      factcli search '"air defence"' --sort date
      factcli search --subject Qatar --since "Oct 2017" --until 2018
      factcli search إس-400 --json | jq -r '.[] | [.match.score, .statement] | @tsv'
    """
    from . import render
    from .index import View
    from .search import find
    from .views import claim_record

    index = app.index()
    found = find(index, query)
    for hint in found.hints:
        _say(output.err, f"note: {hint}")
    if not found.hits:
        return _nothing_found(app, output, query.terms)
    view = View(index)
    records = [{**claim_record(view, h.claim), "match": h.match()} for h in found.hits]
    if why:
        from .present import TABLE_COLUMNS

        render.emit(
            output,
            records,
            [*TABLE_COLUMNS["claim"], ("why", render.why_text)],
            title=f"{len(records)} claims",
        )
    else:
        render.emit(output, records, "claim", title=f"{len(records)} claims")
    return 0


@main.command()
@click.argument("terms", nargs=-1)
@output_options
@pass_app
def entities(app: App, terms: tuple[str, ...], output: Any) -> int:
    """List entities (countries, people, organizations, weapons...) with aliases and claim counts.

    An entity's `claims` counts the claims it has a role in (subject, object, speaker, via)
    that are not retracted.

    \b
    Examples:
      factcli entities
      factcli entities روسوبورون
      factcli entities --json | jq '.[] | select(.type == "person") | .name'
    """
    from . import render
    from .search import entity_rows

    rows = entity_rows(app.index(), query_terms(terms))
    if not rows:
        return _nothing_found(app, output, list(terms), "entities")
    render.emit(output, rows, "entity", title=f"{len(rows)} entities")
    return 0


@main.command()
@click.argument("terms", nargs=-1)
@filter_options
@output_options
@pass_app
def timeline(app: App, query: Any, output: Any) -> int:
    """Claims in the order things happened, each date at its own precision.

    Undated claims are listed apart, after the dated ones.

    \b
    Examples:
      factcli timeline S-400
      factcli timeline --subject Qatar --since 2017 --json | jq '.[] | [.date.start, .statement]'
    """
    from . import render
    from .index import View
    from .search import timeline as run_timeline
    from .views import claim_record

    index = app.index()
    dated, undated = run_timeline(index, query)
    if not dated and not undated:
        return _nothing_found(app, output, query.terms)
    view = View(index)
    recs = [claim_record(view, h.claim) for h in dated]
    rest = [claim_record(view, h.claim) for h in undated]
    if output.fmt == "table" and output.mode == "records":
        if recs:
            render.emit(output, recs, "timeline", title=f"{len(recs)} dated claims")
        if rest:
            render.emit(output, rest, "timeline", title=f"{len(rest)} undated claims")
    else:
        render.emit(output, recs + rest, "timeline")
    return 0


# --- diff and compare -----------------------------------------------------------------


def _one_source(facts: Any, ref: str) -> str:
    from .search import resolve_sources

    ids = sorted(resolve_sources(facts, [ref]))
    if len(ids) > 1:
        raise InputError(f"{ref!r} names {len(ids)} sources ({', '.join(ids)}); give one source id")
    return ids[0]


@main.command()
@click.argument("source_a", shell_complete=complete_sources)
@click.argument("source_b", shell_complete=complete_sources)
@click.option("--include-retracted", is_flag=True, help="Compare retracted claims too.")
@output_options
@pass_app
def diff(app: App, source_a: str, source_b: str, include_retracted: bool, output: Any) -> int:
    """What two sources say that the other doesn't, where they agree, differ or conflict.

    Exit 0 when nothing differs, 1 when anything does, 2 on trouble (like diff(1)).
    Retracted claims are left out unless --include-retracted.

    \b
    Examples:
      factcli diff khaleej-2018-07-21 unknown-2017-10-25-shoigu-doha
      factcli diff khaleej-2018-07-21 unknown-qatar-ambassador-interview --json | jq .summary
    """
    from . import render
    from .compare import diff as run_diff

    index = app.index()
    a, b = _one_source(index, source_a), _one_source(index, source_b)
    result = run_diff(index.facts(sources=[a, b]), a, b, include_retracted)
    _no_fields(output, "diff")
    render.render_diff(output, result)
    return 1 if result.differs() else 0


def _no_fields(output: Any, command: str) -> None:
    if output.fields:
        raise InputError(
            f"--fields applies to lists of claims, sources and entities; {command} --json is one "
            f"object (see 'factcli schema {command}'), its rows are chosen with jq"
        )


@main.command()
@click.argument("terms", nargs=-1)
@filter_options
@output_options
@pass_app
def compare(app: App, query: Any, output: Any) -> int:
    """A proposition x source matrix: agree, compatible, conflict, changed, or one source only.

    Rows are propositions (subject, predicate, object); cells are what each source gives.

    \b
    Examples:
      factcli compare --object qatar-russia-mtc-agreement-2017
      factcli compare S-400 --source khaleej-2018-07-21 --source unknown-qatar-ambassador-interview
      factcli compare Qatar --csv > matrix.csv
    """
    from . import render
    from .compare import compare as run_compare
    from .search import resolve_sources
    from .search import search as run_search

    _no_fields(output, "compare")
    index = app.index()
    columns = sorted(resolve_sources(index, query.source)) if query.source else None
    hits = run_search(index, query)
    if not hits:
        code = _nothing_found(app, _Plain(output.out, output.err), query.terms)
        if output.fmt != "table" and output.fmt != "plain" or output.mode == "count":
            render.render_matrix(output, None)  # still one object, with its summary
        return code
    cited = {(h.claim.get("citation") or {}).get("source") for h in hits} | set(columns or ())
    matrix = run_compare(
        index.facts(sources=cited - {None}), [h.claim for h in hits], columns, query.include_retracted
    )
    render.render_matrix(output, matrix)
    return 0


# --- index and migrate ------------------------------------------------------------------


@main.command("index")
@click.option("--rebuild", is_flag=True, help="Rebuild the index from the store now.")
@output_options
@pass_app
def index_(app: App, rebuild: bool, output: Any) -> int:
    """Where the store's search index is, whether it is fresh, and what it holds.

    Read commands keep the index fresh by themselves (it is rebuilt whenever the store
    changed); --rebuild forces it. The index lives in the cache folder: $FACTCLI_CACHE, else
    $XDG_CACHE_HOME/factcli, else ~/.cache/factcli. --json says `fresh` true or false.

    \b
    Examples:
      factcli index
      factcli index --rebuild
      factcli index --json | jq .fresh
    """
    from . import index as idx
    from . import render

    if rebuild:
        app.index(rebuild=True)
    info = idx.status(app.location)
    if output.fmt in ("json", "jsonl"):
        output.out.write(render.dumps(info) + "\n")
    else:
        counts = info.get("counts") or {}
        state = "fresh" if info["fresh"] else ("stale" if info["exists"] else "not built yet")
        lines = [f"store: {info['store']}", f"index: {info['index']} ({state})"]
        if counts:
            lines.append(", ".join(f"{v} {k}" for k, v in counts.items()))
        if info.get("problem"):
            lines.append(f"problem: {info['problem']}")
        output.out.write(render.plain("\n".join(lines)) + "\n")
    return 0


@main.command()
@pass_app
def migrate(app: App) -> int:
    """Upgrade the store file to this factcli's schema version (any write also does).

    \b
    Examples:
      factcli migrate
    """
    from .migrate import migrate as run_migrate

    done = run_migrate(app.location)
    if done is None:
        sys.stderr.write(f"{app.location.path} is already at schema version {store.SCHEMA_VERSION}\n")
    else:
        sys.stderr.write(
            f"upgraded {app.location.path} from schema version {done['from']} to {done['to']} "
            f"({done['claims']} claims lost their stored match keys, now derived in the index)\n"
        )
    return 0


# --- export -------------------------------------------------------------------------


@main.command()
@click.argument("terms", nargs=-1)
@filter_options
@pass_app
def export(app: App, query: Any) -> int:
    """Write records as JSON Lines that `import` reads back: sources, entities, then claims.

    Without a query or filter, the whole store, retracted claims and every correction's
    trail included: `import --create` of it makes an equivalent store. With one, the
    claims `search` would find (in stored order) with the sources they cite and the
    entities they name.

    \b
    Examples:
      factcli export > backup.jsonl
      factcli export S-400 --source khaleej-2018-07-21 | factcli --db s400.json import --create -
    """
    from . import render
    from .export import export_records
    from .search import search as run_search

    facts = app.facts()
    filtered = query.terms or any(
        getattr(query, f)
        for f in ("subject", "object", "predicate", "speaker", "source", "since", "until", "limit")
    )
    if filtered:
        hits = run_search(facts, query)
        if not hits:
            return _nothing_found(app, _Plain(sys.stdout, sys.stderr), query.terms)
        records = export_records(facts, [h.claim for h in hits])
    else:
        records = export_records(facts)
    out = sys.stdout
    for rec in records:
        out.write(render.dumps(rec) + "\n")
    return 0


class _Plain:
    """Where `_nothing_found` writes for a command without output formats."""

    fmt = "jsonl"

    def __init__(self, out: Any, err: Any) -> None:
        self.out, self.err = out, err


# --- add ------------------------------------------------------------------------------


@main.command()
@click.option("--source", "source_id", metavar="ID", help="Source id the quote comes from.")
@click.option("--quote", help="Exact words of the source.")
@click.option("--subject", help="Entity id or name.")
@click.option("--predicate", help="Predicate from the vocabulary.")
@click.option("--object", "object_", help="Entity id or name.")
@click.option("--value", metavar="AMOUNT UNIT", help="A figure, e.g. '8600000000 USD' or '30 km'.")
@click.option(
    "--date",
    "date_",
    metavar="DATE",
    help="When it happened: 2017-10-25, 'Oct 2017', 'أكتوبر 2017', 'الشهر الماضي'.",
)
@click.option("--polarity", type=click.Choice(POLARITIES), default="affirmed", show_default=True)
@click.option("--modality", type=click.Choice(MODALITIES), default="fact", show_default=True)
@click.option("--speaker", help="Who said it (entity id or name).")
@click.option("--via", help="Agency or outlet the source took it from (entity id or name).")
@click.option("--statement", help="One plain English sentence.")
@click.option("--create-entities", is_flag=True, help="Accept unknown names as new entities.")
@pass_app
def add(
    app: App,
    source_id,
    quote,
    subject,
    predicate,
    object_,
    value,
    date_,
    polarity,
    modality,
    speaker,
    via,
    statement,
    create_entities,
) -> int:
    """Add one claim, checked like an import (the quote must be in the source).

    Missing options are asked for when run on a terminal.

    \b
    Examples:
      factcli --db mine.json add --source khaleej-2018-07-21 --quote "تبحث قطر مع روسيا" \\
          --subject qatar --predicate negotiating_purchase --object s-400 --modality in_talks \\
          --date "السبت" --statement "Qatar is discussing a possible S-400 purchase with Russia."
    """
    from .importer import AddRefused, ValidationError, import_records

    fields = {
        "source": source_id,
        "quote": quote,
        "subject": subject,
        "predicate": predicate,
        "statement": statement,
    }
    missing = [k for k, v in fields.items() if not v]
    if missing:
        if not _can_ask():
            raise InputError(
                "add needs " + ", ".join("--" + m for m in missing) + " (or run it on a terminal to be asked)"
            )
        answers = {
            **fields,
            "object": object_,
            "date": date_,
            "value": value,
            "polarity": polarity,
            "modality": modality,
            "speaker": speaker,
            "via": via,
        }
        ask_for = [k for k in _ASKED if k in missing or (k in ("object", "date") and answers[k] is None)]
        _ask(app.facts(), answers, ask_for, create_entities)
        fields = {k: answers[k] for k in fields}
        object_, date_ = answers["object"], answers["date"]
    record = {
        "subject": fields["subject"],
        "predicate": fields["predicate"],
        "object": object_,
        "value": _parse_value(value),
        "date": date_,
        "polarity": polarity,
        "modality": modality,
        "speaker": speaker,
        "via": via,
        "statement": fields["statement"],
        "citation": {"source": fields["source"], "quote": fields["quote"]},
    }
    try:
        summary = import_records(app.location, [record], create_entities=create_entities, numbered=False)
    except ValidationError as exc:
        raise AddRefused(exc.problems) from None
    click.echo(summary.claim_ids[0])
    return 0


def _can_ask() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# What `add` asks for, in the order a curator reads the article: where, the words, then what
# they say. object and date may be left blank.
_ASKED = ("source", "quote", "subject", "predicate", "object", "date", "statement")
_FIELD_OF = {"source": "citation.source", "quote": "citation.quote"}


def _add_record(answers: dict[str, Any]) -> dict[str, Any]:
    return {
        "subject": answers.get("subject"),
        "predicate": answers.get("predicate"),
        "object": answers.get("object"),
        "value": _parse_value(answers.get("value")),
        "date": answers.get("date"),
        "polarity": answers.get("polarity"),
        "modality": answers.get("modality"),
        "speaker": answers.get("speaker"),
        "via": answers.get("via"),
        "statement": answers.get("statement"),
        "citation": {"source": answers.get("source"), "quote": answers.get("quote")},
    }


def _ask(facts: store.Facts, answers: dict[str, Any], keys: list[str], create_entities: bool) -> None:
    """Ask for each missing field, checking every answer as it is given, exactly as the
    import will (the source exists, the quote is in it, names resolve, the date reads),
    and asking again with the reason and the nearest right answers."""
    import difflib

    from .importer import ValidationError, check_claim
    from .vocabulary import PREDICATES

    def check(key: str, text: str) -> str | None:
        text = text.strip()
        if not text:
            if key in ("object", "date"):
                return None
            raise click.BadParameter("an answer is needed")
        probe = dict(answers, **{key: text})
        try:
            check_claim(facts, _add_record(probe), create_entities=create_entities)
            return text
        except ValidationError as exc:
            fld = _FIELD_OF.get(key, key)
            mine = [p.message for p in exc.problems if p.record is None and p.field == fld]
        if not mine:
            return text  # what is wrong lies in a field not asked yet
        hint = ""
        if key == "predicate":
            near = difflib.get_close_matches(text, list(PREDICATES), n=3, cutoff=0.5)
            hint = did_you_mean(near, quote=False) or " (see factcli/vocabulary.py)"
        elif key == "source":
            near = difflib.get_close_matches(text, [src["id"] for src in facts.sources], n=3, cutoff=0.4)
            hint = did_you_mean(near, quote=False)
        from .render import plain

        raise click.BadParameter(plain(mine[0] + hint))

    for key in keys:
        optional = key in ("object", "date")
        label = f"{key} (blank for none)" if optional else key
        answers[key] = click.prompt(
            label,
            default="" if optional else None,
            show_default=False,
            value_proc=lambda text, key=key: check(key, text),
        )


def _parse_value(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    parts = text.replace(",", "").split()
    try:
        amount = float(parts[0])
    except (ValueError, IndexError):
        raise InputError(f"--value {text!r}: expected 'AMOUNT UNIT', e.g. '8600000000 USD'") from None
    if len(parts) != 2:
        raise InputError(f"--value {text!r}: expected 'AMOUNT UNIT', e.g. '30 km'")
    return {"amount": int(amount) if amount.is_integer() else amount, "unit": parts[1]}


# --- draft ----------------------------------------------------------------------------


@main.command("draft")
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
    "--review", is_flag=True, help="Walk through each candidate on the terminal: accept, edit a field, skip."
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
    from . import draft
    from .importer import read_input
    from .render import plain

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
    err = sys.stderr
    if review:
        # The candidate entities count as names while reviewing: a claim may point at one.
        records = _review(records, list(facts.entities) + result.entities, err, plain)
    import json

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
    if result.source.get("note") and not published:
        err.write(f"factcli: note: {plain(result.source['note'])}\n")
    return 0


def _review(
    records: list[dict[str, Any]], entities: list[dict[str, Any]], err: Any, plain: Any
) -> list[dict[str, Any]]:
    """The terminal walk: each candidate shown, then accept / edit a field / skip / quit.
    Quitting, or the end of the answers (^D), keeps the candidates not yet decided as drafts."""
    from .dates import DateSpan

    source = records[0]
    anchor = DateSpan.from_dict(source["published"]) if isinstance(source.get("published"), dict) else None
    kept: list[dict[str, Any]] = [source]
    todo = records[1:]
    for n, rec in enumerate(todo, 1):
        if "draft" not in rec:
            kept.append(rec)
            continue
        try:
            decided = _review_one(n, len(todo), rec, entities, anchor, err, plain)
        except click.Abort:
            err.write("\nreview stopped: the candidates not yet reviewed stay drafts\n")
            return kept + todo[n - 1 :]
        if decided == "quit":
            return kept + todo[n - 1 :]
        if decided is not None:
            kept.append(decided)
    return kept


def _review_one(
    n: int, total: int, rec: dict[str, Any], entities: list[dict[str, Any]], anchor: Any, err: Any, plain: Any
) -> Any:
    """One candidate: the accepted record, None when skipped, or "quit"."""
    from . import draft

    fields = draft.REVIEW_FIELDS if "citation" in rec else draft.ENTITY_REVIEW_FIELDS
    while True:
        shown = [plain(line) for line in draft.describe(rec).splitlines()]
        err.write(f"\n[{n}/{total}] " + "\n".join(shown) + "\n")
        choice = click.prompt(
            "accept, edit, skip or quit? [a/e/s/q]",
            type=click.Choice(["a", "e", "s", "q"]),
            show_choices=False,
            err=True,
        )
        if choice == "q":
            return "quit"
        if choice == "s":
            return None
        if choice == "e":
            fld = click.prompt(
                f"field ({', '.join(fields)})", type=click.Choice(fields), show_choices=False, err=True
            )
            quote = (rec.get("citation") or {}).get("quote")
            hint = draft.field_suggestions(
                fld, rec.get(fld), entities, quote=quote if isinstance(quote, str) else None
            )
            if hint:
                err.write("  one of: " + plain(", ".join(hint[:60])) + ("…" if len(hint) > 60 else "") + "\n")
            typed = click.prompt(f"new {fld}", default="", show_default=False, err=True).strip()
            try:
                rec = draft.apply_edit(rec, fld, typed, anchor, entities)
            except InputError as exc:
                near = draft.field_suggestions(fld, None, entities, typed=typed)
                err.write(
                    f"  {plain(str(exc))}" + (f" (try: {plain(', '.join(near[:5]))})" if near else "") + "\n"
                )
            continue
        if "citation" in rec and not (rec.get("statement") or "").strip():
            statement = click.prompt(
                "statement (one English sentence)", default="", show_default=False, err=True
            )
            try:
                rec = draft.apply_edit(rec, "statement", statement, anchor, entities)
            except InputError as exc:
                err.write(f"  {plain(str(exc))}\n")
                continue
        return draft.accept(rec)


# --- corrections ----------------------------------------------------------------------


def _reason_option(func: Any) -> Any:
    return click.option("--reason", required=True, help="Why: kept in the record's revisions.")(func)


def _yes_option(func: Any) -> Any:
    return click.option("--yes", "-y", is_flag=True, help="Apply without showing the change and asking.")(
        func
    )


def _change(app: App, make: Any, yes: bool, done: str) -> int:
    """Plan the change, show it, ask unless --yes, then write it in one atomic step."""
    from . import curate
    from .render import plain

    plan = make(app.facts())
    for note in plan.notes:
        _say(sys.stderr, f"note: {note}")
    if not yes:
        for line in plan.describe():
            click.echo(plain(line))
        try:
            agreed = click.confirm("apply this change?", default=False, err=True)
        except click.Abort:
            sys.stderr.write("\n")  # end the prompt's line: the error is a line of its own
            raise InputError("nothing changed: no answer (--yes applies without asking)") from None
        if not agreed:
            _say(sys.stderr, "nothing changed")
            return 1
    written = curate.apply(app.location, make, plan)
    claims = [c.id for c in written.changes if c.table == "claims"]
    entities = [c.id for c in written.changes if c.table == "entities"]
    what = [f"claim{'s' if len(claims) > 1 else ''} {', '.join(claims)}"] if claims else []
    what += [f"entit{'ies' if len(entities) > 1 else 'y'} {', '.join(entities)}"] if entities else []
    what += [f"removed entity {', '.join(written.removed)}"] if written.removed else []
    sys.stderr.write(plain(f"{done}: {'; '.join(what)} in {app.location.path} at {written.at}") + "\n")
    return 0


@main.command()
@click.argument("claim_id")
@click.option("--statement", help="One plain English sentence.")
@click.option("--subject", help="Entity id or name.")
@click.option("--predicate", help="Predicate from the vocabulary.")
@click.option("--object", "object_", help="Entity id or name ('' for none).")
@click.option("--value", metavar="AMOUNT UNIT", help="A figure, e.g. '8600000000 USD' ('' for none).")
@click.option(
    "--date",
    "date_",
    metavar="DATE",
    help="A date or phrase, read against the source's publication ('' for none).",
)
@click.option("--polarity", type=click.Choice(POLARITIES))
@click.option("--modality", type=click.Choice(MODALITIES))
@click.option("--speaker", help="Who said it ('' for none).")
@click.option("--via", help="Agency or outlet the source took it from ('' for none).")
@click.option("--source", "source_id", metavar="ID", help="Another source for the citation.")
@click.option("--quote", help="Other exact words of the source (offsets are found again).")
@click.option("--create-entities", is_flag=True, help="Accept unknown names as new entities.")
@_reason_option
@_yes_option
@pass_app
def edit(
    app: App,
    claim_id: str,
    statement,
    subject,
    predicate,
    object_,
    value,
    date_,
    polarity,
    modality,
    speaker,
    via,
    source_id,
    quote,
    create_entities,
    reason: str,
    yes: bool,
) -> int:
    """Correct a claim: any field but its id and citation offsets, checked like an import.

    The change is shown and asked for (unless --yes), then written in one step and kept
    in the claim's revisions: when, each field from and to, and the reason.

    \b
    Examples:
      factcli --db mine.json edit c0002 --quote "وقع البلدان اتفاقا لإمداد الدوحة بأسلحة خفيفة مثل بنادق كلاشنيكوف" \\
          --statement "Qatar and Russia signed an agreement to supply Doha with light weapons such as Kalashnikov rifles." \\
          --reason "quote the whole clause" --yes
      factcli --db mine.json edit c0012 --date "السبت" --reason "the ambassador spoke on Saturday 21 July 2018" --yes
      factcli --db mine.json show c0012
    """
    from . import curate

    given = {
        "statement": statement,
        "subject": subject,
        "predicate": predicate,
        "object": object_,
        "value": value,
        "date": date_,
        "polarity": polarity,
        "modality": modality,
        "speaker": speaker,
        "via": via,
        "source": source_id,
        "quote": quote,
    }
    fields = {k: v for k, v in given.items() if v is not None}
    if not fields:
        raise InputError("edit needs at least one field to change (see 'factcli edit --help')")
    for k in list(fields):
        if fields[k] == "" and k in curate.CLEARABLE_CLAIM_FIELDS:
            fields[k] = None
    if fields.get("value") is not None:
        fields["value"] = _parse_value(fields["value"])
    return _change(
        app,
        lambda facts: curate.plan_edit(facts, claim_id, fields, reason, create_entities=create_entities),
        yes,
        "edited",
    )


@main.command()
@click.argument("claim_id")
@_reason_option
@_yes_option
@pass_app
def retract(app: App, claim_id: str, reason: str, yes: bool) -> int:
    """Retract a claim: it keeps its id and record, and says when and why.

    A retracted claim is left out of search, timeline, diff and compare unless
    --include-retracted; `show` still shows it, with the retraction.

    \b
    Examples:
      factcli --db mine.json retract c0003 --reason "c0016 states it, attributed to the ambassador" --yes
      factcli --db mine.json show c0003
      factcli --db mine.json search Kalashnikov --include-retracted
    """
    from . import curate

    return _change(app, lambda facts: curate.plan_retract(facts, claim_id, reason), yes, "retracted")


@main.group()
def entity() -> None:
    """Correct an entity: its names, Arabic name, description and type; merge two into one.

    \b
    Examples:
      factcli --db mine.json entity add-alias s-400 "С-400" --reason "the Russian spelling" --yes
      factcli --db mine.json entity set kornet --description "Russian anti-tank guided missile" --reason "say what it is" --yes
    """


@entity.command("set")
@click.argument("entity_ref", metavar="ENTITY")
@click.option("--name", help="The English name (the old one is kept as an alias).")
@click.option("--name-ar", help="The Arabic name ('' for none).")
@click.option("--description", help="What it is ('' for none).")
@click.option("--type", "type_", metavar="TYPE", help=", ".join(ENTITY_TYPES) + ".")
@_reason_option
@_yes_option
@pass_app
def entity_set(app: App, entity_ref: str, name, name_ar, description, type_, reason: str, yes: bool) -> int:
    """Set an entity's name, Arabic name, description or type ('' empties an optional one).

    \b
    Examples:
      factcli --db mine.json entity set fsvts --name "Federal Service for Military-Technical Cooperation (FSVTS)" \\
          --reason "the acronym the press uses" --yes
      factcli --db mine.json entity set kornet --description "Russian anti-tank guided missile" --reason "say what it is" --yes
    """
    from . import curate

    given = {"name": name, "name_ar": name_ar, "description": description, "type": type_}
    fields = {
        k: (None if v == "" and k in curate.CLEARABLE_ENTITY_FIELDS else v)
        for k, v in given.items()
        if v is not None
    }
    if not fields:
        raise InputError("entity set needs --name, --name-ar, --description or --type")
    return _change(
        app, lambda facts: curate.plan_entity_set(facts, entity_ref, fields, reason), yes, "changed"
    )


@entity.command("add-alias")
@click.argument("entity_ref", metavar="ENTITY")
@click.argument("names", nargs=-1, required=True)
@_reason_option
@_yes_option
@pass_app
def entity_add_alias(app: App, entity_ref: str, names: tuple[str, ...], reason: str, yes: bool) -> int:
    """Add names a user may type for an entity (any script).

    \b
    Examples:
      factcli --db mine.json entity add-alias s-400 "С-400" "تريومف" --reason "Russian and other Arabic spellings" --yes
    """
    from . import curate

    return _change(
        app, lambda facts: curate.plan_aliases(facts, entity_ref, list(names), [], reason), yes, "changed"
    )


@entity.command("remove-alias")
@click.argument("entity_ref", metavar="ENTITY")
@click.argument("names", nargs=-1, required=True)
@_reason_option
@_yes_option
@pass_app
def entity_remove_alias(app: App, entity_ref: str, names: tuple[str, ...], reason: str, yes: bool) -> int:
    """Remove aliases of an entity.

    \b
    Examples:
      factcli --db mine.json entity add-alias kalashnikov "AKM" --reason "a rifle of the family" --yes
      factcli --db mine.json entity remove-alias kalashnikov "AKM" --reason "a variant, not the rifle itself" --yes
    """
    from . import curate

    return _change(
        app, lambda facts: curate.plan_aliases(facts, entity_ref, [], list(names), reason), yes, "changed"
    )


@entity.command("merge")
@click.argument("keep")
@click.argument("gone")
@_reason_option
@_yes_option
@pass_app
def entity_merge(app: App, keep: str, gone: str, reason: str, yes: bool) -> int:
    """Merge entity GONE into KEEP: its claims re-pointed, its names kept as KEEP's aliases.

    \b
    Examples:
      factcli --db mine.json add --source khaleej-2018-07-21 --quote "تبحث قطر مع روسيا" --subject Katar \\
          --predicate negotiating_purchase --object s-400 --modality in_talks --create-entities \\
          --statement "Qatar is discussing a possible S-400 purchase with Russia."
      factcli --db mine.json entity merge qatar katar --reason "Katar is Qatar, spelt the German way" --yes
    """
    from . import curate

    return _change(app, lambda facts: curate.plan_merge(facts, keep, gone, reason), yes, "merged")


if __name__ == "__main__":  # pragma: no cover
    main()
