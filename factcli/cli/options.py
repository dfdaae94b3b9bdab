"""The options commands share, each turned into the one value the core takes: the output
flags into a `render.Output` (with the pager on a terminal), the claim filters into a
`search.Query`; and what a read command says when nothing matches."""

from __future__ import annotations

import datetime
import functools
import io
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

import click

from .. import render
from ..errors import InputError, did_you_mean
from ..present import parse_fields
from ..render import Output
from ..text import shows_arabic
from .app import App, current_app
from .complete import complete_entities, complete_predicates, complete_sources
from .env import Environment

if TYPE_CHECKING:
    from ..datespan import DateSpan

F = TypeVar("F", bound=Callable[..., Any])


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The output flags every listing command shares, resolved into one `render.Output`,
    and the pager: on a terminal, output taller than the screen goes through it."""

    @_chosen_once("fmt", "--table", "table", "A table (or blocks when narrow), even when piped.")
    @_chosen_once("fmt", "--json", "json", "JSON: an array for lists, an object for diff and compare.")
    @_chosen_once("fmt", "--jsonl", "jsonl", "JSON Lines: one record per line.")
    @_chosen_once("fmt", "--csv", "csv", "CSV with typed, split columns and a header row.")
    @_chosen_once("fmt", "--tsv", "tsv", "Tab-separated, the same columns as --csv.")
    @click.option("--fields", metavar="A,B.C", help="Only these fields (dotted paths such as date.start).")
    @click.option(
        "--format",
        "template",
        metavar="TEMPLATE",
        help="One line a record from a template of the --fields names: '{id} {date.start} {statement}'.",
    )
    @_chosen_once("mode", "--count", "count", "Only the number of records.")
    @_chosen_once("mode", "--ids", "ids", "Only the ids, one per line.")
    @click.option(
        "--rtl",
        type=click.Choice(["logical", "visual"]),
        help="visual: reshape Arabic for terminals without bidi support (default: $FACTCLI_RTL, else logical).",
    )
    @click.option(
        "--no-pager", is_flag=True, help="Never page, even when the output is taller than the terminal."
    )
    @click.option("--no-header", is_flag=True, help="No line of column names above plain, CSV or TSV rows.")
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        fields: str | None,
        template: str | None,
        rtl: str | None,
        no_pager: bool,
        no_header: bool,
        **kwargs: Any,
    ) -> Any:
        ctx = click.get_current_context()
        fmt, mode = _chosen(ctx, "fmt"), _chosen(ctx, "mode")
        if template is not None:
            given = [f"--{fmt}"] if fmt else [f"--{mode}"] if mode else ["--fields"] if fields else []
            if given:
                raise click.UsageError(f"--format and {given[0]} cannot be given together: give one")
            fmt = "template"
        if fields is not None and mode:
            # Ids and a count have no fields to choose: refused, not silently dropped.
            raise click.UsageError(f"--fields and --{mode} cannot be given together: give one")
        app = current_app()
        env = app.env
        out = env.stdout
        tty = env.stdout_isatty
        color = env.use_color(app.color, tty)
        forced = color and not tty  # --color always / FORCE_COLOR in a pipe: what a terminal gets
        chosen = fmt or ("table" if tty or forced else "plain")
        styled = (tty or forced) and env.environ.get("TERM") not in ("dumb", "unknown")
        output = Output(
            chosen,
            out,
            env.stderr,
            color=color,
            tty=tty or forced,
            rtl=rtl or env.rtl() or "logical",
            # Isolates keep columns in place where a viewer honours them (a file, an editor);
            # a terminal either draws them as boxes (mlterm) or ignores them: none there.
            isolate=not tty,
            width=env.width(),
            fields=parse_fields(fields),
            mode=mode or "records",
            styled=styled,
            header=not no_header,
            compact=fmt is None and chosen == "table",
            template=template,
        )
        hint = tty and output.fmt == "table" and rtl is None and rtl_hint_due(env)
        if not (tty and not no_pager and pager_command(env)):
            if not hint:
                return func(*args, output=output, **kwargs)
            watched = ArabicSeen(out)
            output.out = cast("TextIO", watched)
            try:
                return func(*args, output=output, **kwargs)
            finally:
                if watched.seen:
                    rtl_hint(env)
        output.out = io.StringIO()
        try:
            rv = func(*args, output=output, **kwargs)
        except BaseException:
            out.write(output.out.getvalue())
            raise
        text = output.out.getvalue()
        if hint and shows_arabic(text):
            rtl_hint(env)
        page(env, text)
        return rv

    return wrapper


def export_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The output flags that make sense for `export`, whose records are of three kinds in
    the order `import` needs: JSON Lines (the default) or one JSON array, or only their
    number or ids. No table, CSV or --fields: the kinds have different fields."""

    @_chosen_once("fmt", "--jsonl", "jsonl", "JSON Lines, one record a line (the default).")
    @_chosen_once("fmt", "--json", "json", "One JSON array of the records.")
    @_chosen_once("mode", "--count", "count", "Only the number of records.")
    @_chosen_once("mode", "--ids", "ids", "Only the ids, one per line.")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        fmt, mode = _chosen(ctx, "fmt"), _chosen(ctx, "mode")
        env = current_app().env
        chosen = fmt or ("plain" if mode else "jsonl")  # a bare --count or --ids: plain, one a line
        output = Output(chosen, env.stdout, env.stderr, color=False, mode=mode or "records")
        return func(*args, output=output, **kwargs)

    return wrapper


# --- a hint for terminals that show Arabic reversed ---------------------------------------

# One line at 80 columns, "factcli: note: " included.
RTL_HINT = "Arabic reversed? --rtl visual, or FACTCLI_RTL=visual to keep it"
RTL_HINT_FILE = "rtl-hint-shown"


def rtl_hint_due(env: Environment) -> bool:
    """The hint is for a terminal known to reverse Arabic, when the user has not said how
    theirs shows it (FACTCLI_RTL) and has not been told before."""
    if env.rtl() is not None or env.bidi_terminal() is not False:
        return False
    return not _hint_marker(env).exists()


def rtl_hint(env: Environment) -> None:
    """Say the hint once, on stderr, and remember it: a file in the user's cache folder,
    private (the folder 0700, the file 0600); a folder that cannot be written means the hint
    comes again, never an error."""
    import os

    env.note(RTL_HINT)
    marker = _hint_marker(env)
    try:
        marker.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    except OSError:
        pass


def _hint_marker(env: Environment) -> Any:
    from ..index import cache_dir  # the cache folder's one rule

    return cache_dir(dict(env.environ)) / RTL_HINT_FILE


class ArabicSeen(io.TextIOBase):
    """stdout, noting whether anything written to it shows Arabic."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self.out = out
        self.seen = False

    def write(self, text: str) -> int:
        if not self.seen and shows_arabic(text):
            self.seen = True
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()

    def isatty(self) -> bool:
        return self.out.isatty()

    def fileno(self) -> int:
        return self.out.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.out, "encoding", None) or "utf-8"


def _chosen_once(group: str, flag: str, value: str, help: str) -> Callable[[F], F]:
    """One of a group of flags that each pick the same thing (the output format, or counts
    against ids): the flags given are recorded, so two different ones are refused instead of
    the last silently winning."""

    def record(ctx: click.Context, _param: click.Parameter, given: bool) -> None:
        if given:
            ctx.meta.setdefault(f"factcli.{group}", {})[flag] = value

    return click.option(flag, is_flag=True, expose_value=False, callback=record, help=help)


def _chosen(ctx: click.Context, group: str) -> str | None:
    given: dict[str, str] = ctx.meta.get(f"factcli.{group}", {})
    if len(given) > 1:
        *rest, last = given
        raise click.UsageError(f"{', '.join(rest)} and {last} cannot be given together: give one")
    return next(iter(given.values()), None)


def pager_command(env: Environment) -> str:
    for var in ("FACTCLI_PAGER", "PAGER"):
        if var in env.environ:
            return env.environ[var].strip()  # set but empty: no pager
    return "less -R"


def page(env: Environment, text: str) -> None:
    """`text` through the pager when it is taller than the terminal, else straight out."""
    import shutil  # only on a terminal, where paging is the question
    import subprocess

    out = env.stdout
    lines = text.count("\n")
    height = shutil.get_terminal_size().lines
    command = pager_command(env)
    if lines < height or not command:
        out.write(text)
        return
    out.flush()
    environ = dict(env.environ)
    environ.setdefault("LESS", "FRX")  # quit if it fits after all, keep colours, leave the screen
    try:
        proc = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=environ)
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


# --- the claim filters -------------------------------------------------------------------


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The claim filters shared by search, timeline, compare and export, built into one Query."""

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
        "--since",
        metavar="DATE",
        help="Claims dated on or after: 2017-10, 'Oct 2017', 'أكتوبر 2017'. A date overlapping the"
        " window counts; one known only between bounds counts when they overlap it; undated claims"
        " never do.",
    )
    @click.option("--until", metavar="DATE", help="Claims dated on or before (same forms).")
    @click.option("--limit", type=click.IntRange(min=1), help="At most this many results.")
    @click.option("--include-retracted", is_flag=True, help="Include retracted claims (marked RETRACTED).")
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        subject: tuple[str, ...],
        predicate: tuple[str, ...],
        object_: tuple[str, ...],
        speaker: tuple[str, ...],
        source: tuple[str, ...],
        since: str | None,
        until: str | None,
        limit: int | None,
        include_retracted: bool,
        **kwargs: Any,
    ) -> Any:
        from ..search import Query  # not at the top: show and sources do not search

        env = current_app().env
        query = Query(
            terms=query_terms(kwargs.pop("terms", ())),
            subject=list(subject),
            predicate=list(predicate),
            object=list(object_),
            speaker=list(speaker),
            source=list(source),
            since=_when(env, "--since", since),
            until=_when(env, "--until", until),
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


def _when(env: Environment, option: str, text: str | None) -> DateSpan | None:
    from ..search import parse_when  # as Query, above

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
        if not re.search(r"\d{4}", text):
            # A month without a year reads as the next one, as in news; say so rather than
            # silently finding nothing in the past.
            env.note(
                f"{option} {text!r} is read as {span.start.isoformat()}, in the future; "
                "add a year for a past date"
            )
        elif option == "--since":
            # A year given and still ahead: nothing can be dated after it yet.
            env.note(f"{option} {text!r} starts on {span.start.isoformat()}, in the future")
    return span


# --- nothing found -------------------------------------------------------------------------


class Plain:
    """Where `nothing_found` writes for a command without output formats."""

    fmt = "jsonl"
    mode = "records"

    def __init__(self, out: TextIO, err: TextIO) -> None:
        self.out, self.err = out, err


def nothing_found(app: App, output: Output | Plain, terms: Sequence[str], what: str = "claims") -> int:
    """Exit 1 with a hint on stderr; stdout still gets the command's shape, empty: `[]`,
    a CSV header, the header of piped rows, `0` for --count."""
    from ..search import suggestions  # search's module is for the commands that search

    hint = did_you_mean(suggestions(app.index(), terms) if terms else [])
    app.env.say(f"no {what} match{hint}")
    if isinstance(output, render.Output) and (output.fmt != "table" or output.mode == "count"):
        render.emit(output, [], "entity" if what == "entities" else "claim")
    return 1


# `-C N` on search and show, as ripgrep's -C gives lines around a match.
context_option = click.option(
    "-C",
    "--context",
    "sentences",
    type=click.IntRange(min=0),
    metavar="N",
    help="Add the N sentences before and after each quote in its source (JSON: `context`).",
)
