"""Per-invocation state the commands share: where the store is, the I/O environment, the
colour choice, the shared index server if one is named, and the store and its index, each
loaded at most once."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .. import store
from ..errors import InputError
from .env import Environment

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from ..index import Reader


class App:
    def __init__(
        self,
        db: str | None,
        wait: float = store.DEFAULT_WAIT,
        color: str = "auto",
        env: Environment | None = None,
        index_url: str | None = None,
    ) -> None:
        self.env = env or Environment.from_process()
        self.location = store.locate(db)._replace(wait=wait, on_wait=self.env.waiting)
        self.color = color
        self.index_url = index_url or None  # --index: read commands answer from that server
        self._facts: store.Facts | None = None
        self._index: Reader | None = None

    def index(self, rebuild: bool = False) -> Reader:
        """The store's derived index, fresh (rebuilt when the store changed), or the shared
        one on the server --index names; read commands answer from it. A note (cache not
        writable) is one line on stderr."""
        if self.index_url is not None:
            if rebuild:
                raise InputError("--rebuild rebuilds the local index; a server's: factcli server sync --full")
            if self._index is None:
                from ..index.postgres import open_server  # the driver only for a server

                self._index = open_server(self.index_url)
            return self._index
        if self._index is None or rebuild:
            from ..index import open_index  # the index is for the read commands only

            self._index = open_index(
                self.location,
                rebuild=rebuild,
                progress=BuildProgress(self.env) if self.env.stderr_isatty else None,
                check=refuse_damaged,
                notify=self.env.note,
            )
            if self._index.note:
                self.env.note(self._index.note)
        return self._index

    def relocate(self, db: str) -> None:
        """--db given after the subcommand: it wins over the one before."""
        self.location = store.locate(db)._replace(wait=self.location.wait, on_wait=self.env.waiting)
        self._facts = None

    def facts(self, checked: bool = True) -> store.Facts:
        """The store; `checked` refuses one with a wrong type in a record (only `verify`,
        which reports every problem, reads it unchecked)."""
        if self._facts is None:
            self._facts = store.load(self.location)
        if checked:
            refuse_damaged(self._facts)
        return self._facts


class BuildProgress:
    """A progress bar on stderr while a large index is built (terminal only)."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.bar: Progress | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None or self.task is None:
            from rich.console import Console  # only once a large index is built
            from rich.progress import Progress

            self.bar = Progress(console=Console(file=self.env.stderr), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("indexing", total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()


def refuse_damaged(facts: store.Facts) -> None:
    from ..schema import refuse_damaged as refuse  # schema's checks: only once a store is read

    refuse(facts, facts.path)


def current_app() -> App:
    """The invocation's App, for what runs outside a command's own arguments (a callback)."""
    return click.get_current_context().find_object(App) or App(None)


pass_app = click.make_pass_decorator(App)
