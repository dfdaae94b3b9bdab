"""The one error type of factcli, carrying the exit status the CLI reports, and the
`Problem` a refusal carries.

Core modules raise these; only `cli` turns them into a message and an exit code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


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


class Problem(NamedTuple):
    """One thing wrong with a record of a change: which record, which field, what is wrong.

    `record` is the record's number in its input, the name of a record brought along (an
    import's --with-dependencies: "facts.json, source s1"), or None for the one record of a
    batch of one (`add`, an edit) and for a problem of the change as a whole. `field` is a
    dotted path (citation.quote), or None for the record as a whole. It becomes words only
    when shown: `str(problem)`, "record 3, field date: cannot read date ...".
    """

    record: int | str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"record {self.record}" if isinstance(self.record, int) else self.record
        if self.field:
            return (
                f"{where}, field {self.field}: {self.message}"
                if where
                else f"field {self.field}: {self.message}"
            )
        return f"{where}: {self.message}" if where else self.message


class Refusal(InputError):
    """A change refused whole, with nothing written; `problems` holds every `Problem`.

    One problem is the message itself ("nothing imported: field date: ..."), so a bad input
    is one line on stderr; several are printed one per line above a count. A problem given
    as a string is one of the change as a whole.
    """

    verb = "changed"
    what = ""  # what was refused, named in the count line: "... 2 problems in the edit"

    def __init__(self, problems: Iterable[Problem | str], what: str | None = None) -> None:
        self.what = self.what if what is None else what
        self.problems = [p if isinstance(p, Problem) else Problem(None, None, p) for p in problems]
        super().__init__()

    def lines(self) -> list[str]:
        """The problems as they are shown, one line each."""
        return [str(p) for p in self.problems]

    @property
    def details(self) -> tuple[str, ...]:  # type: ignore[override]
        return tuple(self.lines()) if len(self.problems) != 1 else ()

    def __str__(self) -> str:
        if len(self.problems) == 1:
            return f"nothing {self.verb}: {self.problems[0]}"
        where = f" in the {self.what}" if self.what else ""
        return f"nothing {self.verb}: {len(self.problems)} problems{where}"  # one is said above


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
