"""Where a store's index lives: the cache folder, and one file in it per store.

`$FACTCLI_CACHE`, else `$XDG_CACHE_HOME/factcli`, else `~/.cache/factcli`; one file per
store, named after the store's resolved path, so two `facts.json` in different folders never
share an index. Never beside the store (the installed copy is read-only).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ENV_VAR", "cache_dir", "index_path"]

ENV_VAR = "FACTCLI_CACHE"


def cache_dir(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcli"


def index_path(store_path: Path, environ: dict[str, str] | None = None) -> Path:
    """The index file for a store: keyed by the store's resolved path, so two stores with the
    same file name in different folders get different indexes."""
    # crc32, not a cryptographic hash: hashlib costs every command milliseconds to import, and
    # two paths that collide only share a file name, never an answer (the index records the
    # store's path and is rebuilt when it is another's).
    import zlib

    resolved = os.path.realpath(store_path)
    encoded = resolved.encode("utf-8", "surrogatepass")
    key = f"{zlib.crc32(encoded):08x}{zlib.adler32(encoded):08x}"
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in Path(resolved).stem)[:40]
    return cache_dir(environ) / f"{stem}-{key}.sqlite"
