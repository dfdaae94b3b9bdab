"""`review.Asker` on a terminal: the core's questions asked through click's prompts."""

from __future__ import annotations

from collections.abc import Sequence

import click

from .. import review
from .env import Environment


class TerminalAsker:
    """`review.Asker` on the terminal, through click's prompts: on stdout (as `add` asks),
    or on stderr (`err`, as `draft --review` asks, its stdout being the records)."""

    def __init__(self, env: Environment, err: bool = False) -> None:
        self.env = env
        self.err = err

    def ask(self, question: str, *, default: str | None = None) -> str:
        try:
            answer: str = click.prompt(question, default=default, show_default=False, err=self.err)
        except click.Abort as exc:
            raise review.Stopped(exc) from None
        return answer

    def choose(self, question: str, choices: Sequence[str]) -> str:
        try:
            answer: str = click.prompt(
                question, type=click.Choice(list(choices)), show_choices=False, err=self.err
            )
        except click.Abort as exc:
            raise review.Stopped(exc) from None
        return answer

    def refuse(self, reason: str) -> None:
        click.echo(f"Error: {reason}", err=self.err)  # as click says it of an answer it refuses

    def tell(self, text: str) -> None:
        (self.env.stderr if self.err else self.env.stdout).write(text)
