"""Bringing the index up to a write, under the store's lock, so the next read finds it fresh."""

from __future__ import annotations

import os
from collections.abc import Callable

from .. import store
from . import backend, place
from .freshness import stamp
from .opening import bring_up, build_in_cache
from .place import index_path

__all__ = ["refresh"]


def refresh(written: store.Written, progress: Callable[[int, int], None] | None = None) -> None:
    """A subscriber to the store's writes (`store.writing(..., on_written=refresh)`), called
    under the store's lock: bring the index up to the document just written, so the next read
    finds it fresh. When the write only appended records (an `add`, an `import`) they are
    added to a private copy of the index, renamed over it (an index file is never changed in
    place, see `backend.connect_ro`): new claims at a cost that grows with the store only by
    a file copy, new entities with one pass over the claims' indexed words (their names may
    occur there); a change to a stored record rebuilds it. A failure here leaves the old
    index, which the next read sees is stale and rebuilds: the write has already succeeded,
    so it is never failed by its index.

    The index records the sha256 of the store's bytes it was brought up to (in its meta, in
    the same commit as the rows), so that the next write that appends to those very bytes
    can tell the index follows them without comparing every record. Only an index this user
    made is trusted for that (`place.trusted`), and nothing the index holds is read by the
    write's own checks: the store's last-write record lives beside the store (`store`).

    A store that has no index gets none from a write: its first read builds one (as after
    a cache is deleted), so a run of writes to a store nobody has read yet (a script's adds,
    an article imported piece by piece, the corrections made before the first search) pays
    for one index, built once, instead of one per write.

    `progress(done, total)` is told how many claims are indexed, as a rebuild tells it.

    A directory store's index is brought up to the folder's files instead, source by
    source, after the write has released its locks (`opening.bring_up`, `folder`)."""
    try:
        path = written.path
        if not os.path.lexists(index_path(path)):
            return
        if store.is_directory_store(path):
            location = store.Location(path, "--db")
            brought = bring_up(
                location, index_path(path), progress, None, memory_ok=False, written=written.files
            )
            if brought is not None:
                brought.close()
            return
        now = stamp(path)
        ipath = index_path(path)
        follows = {"sha256": written.wrote.sha256}
        if place.trusted(ipath):
            place.private_folder(ipath.parent)
            place.remove_stale_temps(ipath)
            copy = place.temp_file(ipath)
            try:
                import shutil  # only a write that appends to its index copies it

                shutil.copyfile(ipath, copy)
                if backend.append_in_place(copy, written.facts, now, written.appended_to, follows, progress):
                    os.replace(copy, ipath)
                    return
            finally:
                for leftover in (copy, copy.with_name(copy.name + "-journal")):
                    try:
                        leftover.unlink()
                    except FileNotFoundError:
                        pass
        built = build_in_cache(
            store.Location(path, "--db"),
            written.facts,
            now,
            ipath,
            progress,
            memory_ok=False,
            written=follows,
        )
        if built is not None:
            built.close()
    except Exception:  # noqa: BLE001 - the store is written; a stale index is rebuilt on read
        pass
