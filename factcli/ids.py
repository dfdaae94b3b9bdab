"""Claim ids that two copies of a store never both make.

A store's first claims were numbered (`c0001`, `c0002`, ...) from a counter kept in the
store; those ids stay valid forever. A counter cannot serve two copies of a store: both
would hand out the same next number for different claims. New claims get an id of `c` and
13 characters of lower-case Crockford base32 (digits and letters, no i, l, o or u, so none
is read as another): 7 for the second it was made (enough until the year 3058) and 6 drawn
at random, one in 2^30, when a process makes its first id in a second. Ids made later in
the same second by the same process count up from there, so a batch keeps the order it
was made in, and ids sort by when they were made.

For two copies to make one id, two processes would have to make an id in the same second
and draw the same 30 bits: about one in a billion for a pair of claims made in the same
second, and never for claims made in different seconds. Each store still refuses an id it
already holds (the importer's check), so a clash could never overwrite a claim.

This module imports nothing from factcli.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable

__all__ = ["CLAIM_ID", "CLAIM_NUMBER", "IdMaker", "is_claim_id", "new_claim_id"]

ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
_TIME_CHARS = 7
_RANDOM_CHARS = 6
# A claim id of either form: `c` and 1-9 digits (numbered), or `c` and 13 base32 characters.
CLAIM_ID = re.compile(r"^c(?:\d{1,9}|[0-9a-hjkmnp-tv-z]{13})$")
# A numbered id, whose number a store's counter (`meta.last_claim`) accounts for.
CLAIM_NUMBER = re.compile(r"^c(\d{1,9})$")


def is_claim_id(value: object) -> bool:
    """Whether `value` is a claim id of either form."""
    return isinstance(value, str) and CLAIM_ID.match(value) is not None


def _base32(n: int, width: int) -> str:
    out = []
    for _ in range(width):
        n, r = divmod(n, 32)
        out.append(ALPHABET[r])
    return "".join(reversed(out))


class IdMaker:
    """Makes new claim ids, in the order they are made; `taken` ids are skipped."""

    def __init__(self) -> None:
        self._second = -1
        self._count = 0

    def make(self, taken: Callable[[str], bool] | None = None) -> str:
        while True:
            second = int(time.time())
            if second != self._second:
                self._second = second
                self._count = int.from_bytes(os.urandom(4), "big") >> 2  # 30 bits
            else:
                self._count += 1
            if self._count >= 32**_RANDOM_CHARS:  # ran out of this second's numbers
                time.sleep(0.01)
                self._second = -1
                continue
            cid = "c" + _base32(second, _TIME_CHARS) + _base32(self._count, _RANDOM_CHARS)
            if taken is None or not taken(cid):
                return cid


_MAKER = IdMaker()


def new_claim_id(taken: Callable[[str], bool] | None = None) -> str:
    """A new claim id no other copy of the store makes (see the module's docstring)."""
    return _MAKER.make(taken)
