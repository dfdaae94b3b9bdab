"""The one error type of factcli, carrying the exit status the CLI reports.

Core modules raise these; only `cli` turns them into a message and an exit code.
"""

from __future__ import annotations


class FactcliError(Exception):
    """A problem the user can act on: printed as one line on stderr, exit `exit_code`.
    `details` are printed above it, one line each (the problems a refused batch had)."""

    exit_code = 2
    details: tuple[str, ...] = ()


class StoreError(FactcliError):
    """The store file is missing, unreadable, malformed, locked or read-only."""


class InputError(FactcliError):
    """Bad input from the user: an option, a date, an id, a record to import."""


class DateError(InputError):
    """A date expression that cannot be parsed or resolved."""


class Refusal(InputError):
    """A change refused whole, with nothing written; `problems` holds one line per problem.

    One problem is the message itself ("nothing imported: field date: ..."), so a bad input
    is one line on stderr; several are printed one per line above a count.
    """

    verb = "changed"
    what = ""  # what was refused, named in the count line: "... 2 problem(s) in the edit"

    def __init__(self, problems: list[str], what: str | None = None) -> None:
        what = self.what if what is None else what
        self.problems = list(problems)
        if len(self.problems) == 1:
            super().__init__(f"nothing {self.verb}: {self.problems[0]}")
        else:
            self.details = tuple(self.problems)
            where = f" in the {what}" if what else ""
            super().__init__(f"nothing {self.verb}: {len(self.problems)} problem(s){where}")


def did_you_mean(near: list[str], quote: bool = True) -> str:
    """The hint that ends an error line: "; did you mean 'a' or 'b'?" ("" when `near` is
    empty). Names and words a user typed are quoted; ids (`quote=False`) are not."""
    if not near:
        return ""
    return "; did you mean " + " or ".join(repr(n) if quote else n for n in near) + "?"


def os_error_line(exc: OSError, name: object, missing: str | None = None) -> str:
    """One line for an OSError on opening the file `name`: `missing` (or "NAME: no such
    file") when it is not there, "NAME: permission denied", else the system's own words."""
    if isinstance(exc, FileNotFoundError):
        return f"{name}: no such file" if missing is None else missing
    if isinstance(exc, PermissionError):
        return f"{name}: permission denied"
    return f"{name}: {exc.strerror}"
