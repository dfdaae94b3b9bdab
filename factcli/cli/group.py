"""The command line's frame: the group that loads each command's module only when that
command runs, the options every command takes after its name, and the one place where
errors become exit codes (`FactcliGroup.main`): a `FactcliError` or a usage error is one line
on stderr and exit 2 (a refused import prints one line per problem).
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .. import store
from ..errors import FactcliError, did_you_mean
from .app import App
from .env import Environment

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem


class _ReaderGone(Exception):
    """stdout's reader closed the pipe (not an OSError, so click leaves it to us)."""


class FactcliGroup(click.Group):
    """A group whose commands live in modules of this package, imported only when one runs:
    `factcli search` imports what search needs and no more, and `factcli --help` no command.
    `lazy` maps a command's name to ("module:attribute", the first line of its help), the
    module relative to factcli.cli."""

    def __init__(self, *args: Any, lazy: Mapping[str, tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            target = self.lazy[cmd_name][0]
            module, _, attr = target.partition(":")
            command = getattr(importlib.import_module(f"{__package__}.{module}"), attr)
            if not isinstance(command, click.Command):  # a slip in the table, not user input
                raise TypeError(f"{target} is not a command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """click's, with the commands nearest a mistyped one named: "No such command 'serch';
        did you mean 'search'?" (a usage error: one line, exit 2)."""
        try:
            return super().resolve_command(ctx, args)
        except click.UsageError:
            typed = args[0] if args else ""
            if typed.startswith("-") or self.get_command(ctx, typed) is not None:
                raise
            import difflib  # only on a mistyped command

            near = difflib.get_close_matches(typed, self.list_commands(ctx), n=2, cutoff=0.6)
            if not near:
                raise
            raise click.UsageError(f"No such command {typed!r}{did_you_mean(near)}", ctx) from None

    def listed_help(self, ctx: click.Context, cmd_name: str, limit: int) -> str | None:
        """A command's line in the --help listing, as click makes it from the command's help:
        from the table for a command not loaded, so listing them loads none."""
        if cmd_name in self.lazy and cmd_name not in self.commands:
            # A stand-in with the same first line: click shortens it as it would the command's.
            return click.Command(cmd_name, help=self.lazy[cmd_name][1]).get_short_help_str(limit)
        cmd = self.get_command(ctx, cmd_name)
        return None if cmd is None or cmd.hidden else cmd.get_short_help_str(limit)

    def _listed(self, ctx: click.Context, cmd_name: str) -> bool:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            return True
        cmd = self.get_command(ctx, cmd_name)
        return cmd is not None and not cmd.hidden

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """click's listing of the commands (Group.format_commands), each line from listed_help."""
        names = [n for n in self.list_commands(ctx) if self._listed(ctx, n)]
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)  # click's: three times the spacing
        rows = [(n, text) for n in names if (text := self.listed_help(ctx, n, limit)) is not None]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _ReaderGone from None

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> NoReturn:
        env = Environment.from_process()
        extra.setdefault("obj", env)  # the group's callback makes the App around it
        try:
            rv = super().main(args, prog_name or "factcli", complete_var, standalone_mode=False, **extra)
        except FactcliError as exc:
            for line in exc.details:
                env.say(line)
            env.say(str(exc))
            sys.exit(exc.exit_code)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.ctx.get_help() if exc.ctx else "", file=env.stderr)
            sys.exit(2)
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            env.say(f"{exc.format_message()}{hint}")
            sys.exit(2)
        except click.ClickException as exc:
            env.say(exc.format_message())
            sys.exit(exc.exit_code if exc.exit_code else 2)
        except click.exceptions.Exit as exc:
            _finish(env, exc.exit_code)
        except click.Abort as exc:
            # click turns Ctrl-C into Abort; EOF at a prompt is an abort of ours.
            if isinstance(exc.__context__, KeyboardInterrupt):
                _interrupted(env)
            env.stderr.write("factcli: aborted\n")
            sys.exit(2)
        except KeyboardInterrupt:
            _interrupted(env)
        except (BrokenPipeError, _ReaderGone):
            _reader_gone(env)
        except Exception as exc:  # a bug of ours: still one line, with a way to see more
            if env.environ.get("FACTCLI_DEBUG"):
                raise
            env.say(f"internal error: {type(exc).__name__}: {exc} (FACTCLI_DEBUG=1 shows where)")
            sys.exit(2)
        _finish(env, rv if isinstance(rv, int) else 0)


def _finish(env: Environment, code: int) -> NoReturn:
    """Exit with `code` once stdout is flushed: a reader that left early is not an error."""
    try:
        env.stdout.flush()
    except BrokenPipeError:
        _reader_gone(env)
    except KeyboardInterrupt:
        _interrupted(env)
    sys.exit(code)


def _reader_gone(env: Environment) -> NoReturn:
    # The reader (head, less, grep -q) closed the pipe: it has all it wanted, so this is a
    # success, exit 0 (not 141, which would fail a `set -o pipefail` script). What is still
    # buffered goes to /dev/null, so the interpreter's own flush at exit cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, env.stdout.fileno())
    sys.exit(0)


def _interrupted(env: Environment) -> NoReturn:
    try:
        env.stderr.write("factcli: interrupted\n")
    finally:
        sys.exit(130)


# --- the options every command also takes after its name ------------------------------


def _global_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    app = ctx.find_object(App)
    if value is not None and app is not None:
        app.relocate(value)


def _global_wait(ctx: click.Context, _param: click.Parameter, value: float | None) -> None:
    app = ctx.find_object(App)
    if value is not None and app is not None:
        app.location = app.location._replace(wait=value)


def _global_index(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    app = ctx.find_object(App)
    if value is not None and app is not None:
        app.index_url = value or None


def _global_color(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    app = ctx.find_object(App)
    if value is not None and app is not None:
        app.color = value


DB_HELP = "The store (default: $FACTCLI_DB, ./facts.json, the installed copy)."
COLOR_HELP = "Colour: auto (a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never."


INDEX_HELP = "Answer read commands from the shared index on this PostgreSQL server (default: $FACTCLI_INDEX)."
WAIT_HELP = "How long a write waits for another writer's lock before giving up."


class _Seconds(click.FloatRange):
    """A number of seconds from 0 to a day: 'nan' (which every comparison lets through) and
    'inf' are refused in one line, as click refuses what is out of range."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        seconds = super().convert(value, param, ctx)
        if seconds != seconds:
            self.fail(f"{value!r} is not a number of seconds.", param, ctx)
        return seconds


WAIT_TYPE = _Seconds(min=0, max=86400)
COLOR_TYPE = click.Choice(["auto", "always", "never"])
DEFAULT_WAIT = store.DEFAULT_WAIT


def complete_files(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """File names: the shell completes them itself (--db, import's FILE); here, not in
    `complete`, so that `factcli --help` loads no more than the frame."""
    from click.shell_completion import CompletionItem  # only when completing

    return [CompletionItem(incomplete, type="file")]


def near_options(command: click.Command, name: str) -> list[str]:
    """The options of `command` spelled like `name`, for "did you mean": compared without
    their dashes, which every long option shares (click's own guess counts them, so
    `--json` came out as `--since`)."""
    import difflib  # only for a mistyped option

    opts = [o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("--")]
    bare = {o.lstrip("-"): o for o in opts}
    return [bare[n] for n in difflib.get_close_matches(name.lstrip("-"), list(bare), n=3, cutoff=0.7)]


# The output formats commands offer, in the order a refusal lists a command's own.
_FORMATS = ("--json", "--jsonl", "--csv", "--tsv", "--table", "--format")


class FactcliCommand(click.Command):
    """A subcommand that also takes the global options (--db, --wait, --index, --color) after its
    name, as `factcli search S-400 --db mine.json` reads."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            own = [o for o in _FORMATS if any(o in p.opts for p in self.params)]
            if exc.option_name in _FORMATS and own:
                # Another command's output format: say which this one writes.
                raise click.UsageError(
                    f"{self.name} does not write {exc.option_name}; it writes {', '.join(own)}", ctx=exc.ctx
                ) from None
            near = near_options(self, exc.option_name)
            raise click.NoSuchOption(exc.option_name, possibilities=near, ctx=exc.ctx) from None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(
            click.Option(
                ["--db"],
                metavar="PATH",
                expose_value=False,
                callback=_global_db,
                help=DB_HELP,
                shell_complete=complete_files,
            )
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
                ["--index"], metavar="URL", expose_value=False, callback=_global_index, help=INDEX_HELP
            )
        )
        self.params.append(
            click.Option(
                ["--color"],
                type=COLOR_TYPE,
                expose_value=False,
                callback=_global_color,
                help=COLOR_HELP,
            )
        )


FactcliGroup.command_class = FactcliCommand
FactcliGroup.group_class = type  # subgroups (entity) are FactcliGroups too, with the same commands


def command(name: str) -> Any:
    """The decorator of a factcli command named `name` (it takes the global options too)."""
    return click.command(name, cls=FactcliCommand)
