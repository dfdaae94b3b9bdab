"""A directory store's index, brought up to the folder's files source by source.

The index of a folder records the stamp of every file it was read from (`files`:
`directory.file_stamps`) and numbers each claim by its claims file (`directory.position`),
so the claims of one source keep their rows whatever another source gains. When the
folder's stamps are not the index's, only the sources whose files changed are read again
and their rows replaced: their claims' text, links and paragraphs, their entities' and
sources' counts, the people called counterparts, and the store's metadata. What changes the
rows of claims it did not write rebuilds the index whole: the entities (their names link
every claim), the vocabulary, a source removed or the list reordered, a claims file of no
listed source, a claim citing another source's text, or a change to who holds an office
(the claims that name the office link to its holder).

The file is changed in place, in SQLite's WAL mode: a reader reads it in one read
transaction (`backend.connect_ro(live=True)`), so it sees the index as one commit left it;
a writer killed before its commit leaves the index as it was. Every change to the file (an
update, or a rebuild renamed into place) is made under one lock beside it (`locked`), so
two never interleave and a rebuild never takes over another's write-ahead log. Answers are
the ones a fresh build gives (`tests/unit/test_index_folder.py`). The update is SQL, so it
is the backend's (`backend.update_folder`); this module says when it runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# The update itself is SQL, written in the backend (with `postgres`, the only modules that
# write SQL): which sources to read again, and their rows replaced.
from .backend import update_folder as update

__all__ = ["locked", "update"]


@contextmanager
def locked(ipath: Path, wait: bool = True) -> Iterator[bool]:
    """The lock every change to the index file at `ipath` is made under: a file beside it,
    in its private folder, made without following a link. Without `wait`, gives False at
    once when another process holds it (a writer then leaves its change to that process,
    or to the next read: either finds it by the files' stamps)."""
    import fcntl

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(ipath.with_name(ipath.name + ".lock"), flags, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)
