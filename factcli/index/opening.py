"""Opening a store's index for a read: reused when fresh, else rebuilt from the store.

A build writes a temporary file and renames it into place, so a reader sees the old index or
the new one. An index that cannot be read (corrupt, truncated) is rebuilt; a cache folder
that cannot be written is answered from an in-memory build, with `Index.note` saying so (the
CLI prints it as one line on stderr).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import store
from ..errors import StoreError
from . import backend
from .backend import Index
from .freshness import is_fresh, stamp
from .place import index_path

__all__ = ["build_in_cache", "open_index", "status"]

# A rebuild of this many claims or more shows progress on a terminal (about a second).
PROGRESS_FROM = 5000


def status(location: store.Location) -> dict[str, Any]:
    """Where the index of a store is and whether it is fresh, without building anything."""
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
        try:
            conn = backend.connect_ro(path)
            try:
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
) -> Index:
    """The store's index, fresh: reused when its stamp matches, else rebuilt (in the cache,
    or in memory with a note when the cache cannot be written).

    `check` runs on the store read for a rebuild (the CLI refuses a damaged store there);
    `progress(done, total)` is called during a rebuild of a large store.
    """
    path = index_path(location.path)
    for _ in range(3):
        try:
            now = stamp(location.path)
        except OSError:
            store.load(location)  # raises the store's own message (missing, a folder, ...)
            raise
        if not rebuild and path.exists():
            try:
                conn = backend.connect_ro(path)
                if is_fresh(backend.read_meta(conn), now, location.path):
                    return Index(conn, path, location.path)
                conn.close()
            except sqlite3.Error:
                pass  # corrupt, truncated or not an index: rebuilt below
        facts = store.load(location)
        if check is not None:
            check(facts)
        if stamp(location.path) != now:
            continue  # replaced while being read: read it again
        built = build_in_cache(location, facts, now, path, progress)
        assert built is not None
        return built
    raise StoreError(f"{location.path} keeps changing while it is read; try again")


def build_in_cache(
    location: store.Location,
    facts: store.Facts,
    now: dict[str, Any],
    path: Path,
    progress: Callable[[int, int], None] | None,
    memory_ok: bool = True,
    written: dict[str, Any] | None = None,
) -> Index | None:
    """Build the index into a temporary file renamed into place; in memory with a note when
    the cache cannot be written (None instead when not `memory_ok`)."""
    show = progress if len(facts.claims) >= PROGRESS_FROM else None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        backend.build_file(tmp, facts, now, show, written)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
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
