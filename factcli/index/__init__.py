"""The derived search index: an SQLite (FTS5) file built from the store, kept in the cache.

`facts.json` stays the one truth; the index is what read commands answer from. Its ideas,
one module each: where it lives (`place`), whether it answers for the store as it is now
(`freshness`), opening it for a read and rebuilding it (`opening`), bringing it up to a
write (`refreshing`), a directory store's kept up source by source (`folder`), what views read of it (`view`), the rows a build makes (`rows`), and
the SQLite backend itself, the only module with SQL or FTS5 text (`backend`) but for the
shared index on a PostgreSQL server (`postgres`, imported only by the commands that use one).
"""

from __future__ import annotations

from .backend import INDEX_SCHEMA, Index, build, in_memory
from .opening import open_index, status
from .place import cache_dir, index_path
from .refreshing import refresh
from .view import Reader, View

__all__ = [
    "INDEX_SCHEMA",
    "Index",
    "Reader",
    "View",
    "build",
    "cache_dir",
    "in_memory",
    "index_path",
    "open_index",
    "refresh",
    "status",
]
