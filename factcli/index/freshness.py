"""Whether an index answers for its store as it is now, told without reading the store.

The index records the store's size, mtime_ns, inode and ctime_ns at build time, the index
layout (`INDEX_SCHEMA`), the analyzer's version and the thesaurus's; any difference (a hand edit, a `git
checkout`, another writer, a newer factcli) and the index is rebuilt from the file. The store
is stat'ed before it is read, so a file replaced during a build leaves a stamp that no longer
matches: rebuilt again next time, never trusted stale.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from . import backend

__all__ = ["is_fresh", "stamp"]


def stamp(path: Path) -> dict[str, Any]:
    """What the index records of the store file it was built from (of a directory store,
    of every file in it)."""
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        from ..store.directory import stamp as folder_stamp

        return folder_stamp(path)
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "inode": st.st_ino, "ctime_ns": st.st_ctime_ns}


def is_fresh(meta: dict[str, str], stamp: dict[str, Any], store_path: Path | None = None) -> bool:
    """Whether an index's recorded `meta` is of this store file, layout and analyzer."""
    want = {k: str(v) for k, v in stamp.items()}
    if store_path is not None:
        want["store"] = os.path.realpath(store_path)
    want.update(backend.versions())
    return all(meta.get(k) == v for k, v in want.items())
