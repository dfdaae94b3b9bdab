"""Opening a store's index for a read: reused when fresh and trusted, else rebuilt.

A build fills a private temporary file and renames it into place, so a reader sees the old
index or the new one, whole; the index of a store file is never changed once in place, and
that of a directory store only in SQLite transactions, source by source (`folder`). An index that cannot
be read (corrupt, truncated, a table missing, a row that does not decode) never fails a
read: found on opening, it is rebuilt; found while reading, it is rebuilt and the read
answered from the new one, with one note. A cache folder that cannot be written is answered
from an in-memory build, with `Index.note` saying so (the CLI prints it as one line on
stderr). Which files are trusted, and where a build may write, is `place`'s.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from .. import store
from ..errors import StoreError
from . import backend, place
from .backend import Index
from .freshness import is_fresh, stamp
from .place import cache_dir, index_path

__all__ = ["build_in_cache", "open_index", "status"]

# A rebuild of this many claims or more shows progress on a terminal (about a second).
PROGRESS_FROM = 5000


def status(location: store.Location) -> dict[str, Any]:
    """Where the index of a store is and whether it is fresh and readable, without building
    anything (an unreadable one has a `problem`, and is not fresh)."""
    path = index_path(location.path)
    out: dict[str, Any] = {
        "store": str(location.path),
        "index": str(path),
        "exists": path.exists(),
        "fresh": False,
    }
    try:
        now = stamp(location.path)
    except OSError:
        return out
    if path.exists():
        if not place.trusted(path):
            out["problem"] = "not trusted (not a file of this user's that only this user may write)"
            return out
        try:
            conn = backend.connect_ro(path, store.is_directory_store(location.path))
            try:
                problem = backend.problem(conn)
                if problem is not None:
                    out["problem"] = f"unreadable ({problem})"
                    return out
                out["fresh"] = is_fresh(backend.read_meta(conn), now, location.path)
                out["counts"] = Index(conn, path, location.path).counts()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            out["problem"] = f"unreadable ({exc})"
    return out


def open_index(
    location: store.Location,
    *,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[store.Facts], None] | None = None,
    notify: Callable[[str], None] | None = None,
) -> Index:
    """The store's index, fresh: reused when its stamp matches, else rebuilt (in the cache,
    or in memory with a note when the cache cannot be written).

    `check` runs on the store read for a rebuild (the CLI refuses a damaged store there);
    `progress(done, total)` is called during a rebuild of a large store; `notify` is told,
    in one line, of an index found unreadable while reading (then rebuilt).
    """
    path = index_path(location.path)
    live = store.is_directory_store(location.path)
    for _ in range(3):
        try:
            now = stamp(location.path)
        except OSError:
            store.load(location)  # raises the store's own message (missing, a folder, ...)
            raise
        if not rebuild and place.trusted(path):
            try:
                conn = backend.connect_ro(path, live)
                if is_fresh(backend.read_meta(conn), now, location.path):
                    return _recoverable(Index(conn, path, location.path), location, check, notify)
                conn.close()
            except sqlite3.Error:
                pass  # corrupt, truncated or not an index: rebuilt below
        if live:
            ix = bring_up(location, path, progress, check, rebuild)
            assert ix is not None
            if ix.note is None:
                ix.note = _ignored(path)
            return _recoverable(ix, location, check, notify)
        facts = store.load(location)
        if check is not None:
            check(facts)
        if stamp(location.path) != now:
            continue  # replaced while being read: read it again
        built = build_in_cache(location, facts, now, path, progress)
        assert built is not None
        if built.note is None:
            built.note = _ignored(path)
        return _recoverable(built, location, check, notify)
    raise StoreError(f"{location.path} keeps changing while it is read; try again")


def _ignored(path: Path) -> str | None:
    """A note on an index for this store left in a shared cache folder by someone else."""
    shared = cache_dir() / path.name
    if shared != path and os.path.lexists(shared) and not place.trusted(shared):
        return f"ignored {shared}: not this user's to trust; the index is in {path.parent}"
    return None


def _recoverable(
    ix: Index,
    location: store.Location,
    check: Callable[[store.Facts], None] | None,
    notify: Callable[[str], None] | None,
) -> Index:
    """`ix`, which rebuilds itself from the store when a read finds its file damaged."""
    if ix.path is None:
        return ix

    def recover(damaged: Index, exc: Exception) -> None:
        path = index_path(location.path)
        fresh: Index | None
        if store.is_directory_store(location.path):
            fresh = bring_up(location, path, None, check, rebuild=True)
        else:
            facts = store.load(location)
            if check is not None:
                check(facts)
            fresh = build_in_cache(location, facts, stamp(location.path), path, None)
        assert fresh is not None
        damaged.conn.close()
        damaged.conn, damaged.path, damaged.rebuilt = fresh.conn, fresh.path, True
        damaged.forget()
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        damaged.note = fresh.note or f"index {path} was unreadable ({why}); rebuilt from the store"
        if notify is not None:
            notify(damaged.note)

    ix.recover = recover
    return ix


def bring_up(
    location: store.Location,
    path: Path,
    progress: Callable[[int, int], None] | None,
    check: Callable[[store.Facts], None] | None,
    rebuild: bool = False,
    memory_ok: bool = True,
    written: Collection[str] | None = None,
) -> Index | None:
    """The index of a directory store, brought up to its files under the index's lock: in
    place, source by source, when it can be (`folder.update`), else built whole and renamed
    into place; from memory, with a note, when the cache cannot be written. Not
    `memory_ok` (a write's refresh): None when the cache cannot be written or another
    process is bringing the index up (it, or the next read, takes this write in).
    `written`: the files a write changed, the only ones looked at (`folder.update`)."""
    from . import folder

    try:
        place.private_folder(path.parent)
        with folder.locked(path, wait=memory_ok) as held:
            if not held:
                return None
            if not rebuild and place.trusted(path) and folder.update(location.path, path, check, written):
                return Index(backend.connect_ro(path, live=True), path, location.path)
            return _build_folder(location, path, progress, check)
    except (OSError, sqlite3.Error) as exc:
        if not memory_ok:
            raise
        facts = store.load(location)
        if check is not None:
            check(facts)
        show = progress if len(facts.claims) >= PROGRESS_FROM else None
        why = getattr(exc, "strerror", None) or str(exc)
        return backend.in_memory(
            facts,
            stamp(location.path),
            show,
            note=f"index cache {path.parent} not writable ({why}); answered from memory",
        )


def _build_folder(
    location: store.Location,
    path: Path,
    progress: Callable[[int, int], None] | None,
    check: Callable[[store.Facts], None] | None,
) -> Index:
    """Build a directory store's index anew, a part of its sources at a time, and rename it
    into place (under its lock): the files' stamps are taken before the folder is read and
    again after, so an index is never recorded as of files it did not read."""
    from ..store import directory

    root = location.path

    def show(done: int, total: int) -> None:
        if progress is not None and total >= PROGRESS_FROM:
            progress(done, total)

    for _ in range(3):
        files = directory.file_stamps(root)
        if directory.MOVING in files.values():
            import time

            time.sleep(0.05)  # a commit being finished: looked at again once it is
            continue
        now = {"inode": os.stat(root).st_ino, "files": directory.stamps_digest(files)}
        place.remove_stale_temps(path)
        tmp = place.temp_file(path)
        try:
            # Read and indexed a part of the sources at a time: memory does not grow with
            # the folder (`backend.build_folder_file`).
            backend.build_folder_file(tmp, root, now, files, show, check)
            if directory.file_stamps(root) != files:
                tmp.unlink()
                continue  # a file changed while it was read: read again
            # The write-ahead log of the file replaced is its own, never the new one's.
            for suffix in ("-wal", "-shm"):
                try:
                    os.unlink(path.with_name(path.name + suffix))
                except FileNotFoundError:
                    pass
            os.replace(tmp, path)
        except BaseException:
            try:
                tmp.unlink()
            except OSError:
                pass
            raise
        return Index(backend.connect_ro(path, live=True), path, root, rebuilt=True)
    raise StoreError(f"{root} keeps changing while it is read; try again")


def build_in_cache(
    location: store.Location,
    facts: store.Facts,
    now: dict[str, Any],
    path: Path,
    progress: Callable[[int, int], None] | None,
    memory_ok: bool = True,
    written: dict[str, Any] | None = None,
) -> Index | None:
    """Build the index into a private temporary file renamed into place; in memory with a
    note when the cache cannot be written (None instead when not `memory_ok`)."""
    show = progress if len(facts.claims) >= PROGRESS_FROM else None
    tmp: Path | None = None
    try:
        place.private_folder(path.parent)
        place.remove_stale_temps(path)
        tmp = place.temp_file(path)
        backend.build_file(tmp, facts, now, show, written)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        if tmp is not None:
            try:
                tmp.unlink()
            except OSError:
                pass
        if not memory_ok:
            return None
        why = getattr(exc, "strerror", None) or str(exc)
        return backend.in_memory(
            facts, now, show, note=f"index cache {path.parent} not writable ({why}); answered from memory"
        )
    return Index(backend.connect_ro(path), path, location.path, rebuilt=True)
