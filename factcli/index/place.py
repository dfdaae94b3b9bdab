"""Where a store's index lives, and which files there this user may trust.

`$FACTCLI_CACHE`, else `$XDG_CACHE_HOME/factcli`, else `~/.cache/factcli`; one file per
store, named after the store's resolved path, so two `facts.json` in different folders never
share an index. Never beside the store (the installed copy is read-only).

The index is derived, never the truth, and it is trusted only as far as this user made it:
a folder is used only when it is this user's and nobody else may write it (created 0700;
a folder of ours that others may read is closed to 0700, as an index holds every claim and
source text of its store); a cache folder others may write (a shared `FACTCLI_CACHE`, mode
1777) is not used itself: the index goes to a private folder in it, `factcli-<uid>`, made
0700 by this user, and to memory when another user holds that name. An index file is read
only when it is a regular file of this user's that nobody else may write; anything else in
its place is ignored, never removed (it may be another user's). Temporary files are created
with O_EXCL|O_NOFOLLOW, 0600, in the private folder, before SQLite opens them: a link
planted at their name is never followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = [
    "ENV_VAR",
    "cache_dir",
    "index_path",
    "private_folder",
    "remove_stale_temps",
    "temp_file",
    "trusted",
]

ENV_VAR = "FACTCLI_CACHE"


def cache_dir(environ: dict[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR])
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcli"


def _ours(st: os.stat_result) -> bool:
    """A folder or file of this user's that nobody else may write."""
    return st.st_uid == os.geteuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _folder(environ: dict[str, str] | None = None) -> Path:
    """The folder the index goes to: the cache folder, or a private folder in it when others
    may write the cache folder (or it is another user's)."""
    cache = cache_dir(environ)
    try:
        st = os.stat(cache)
    except OSError:
        return cache  # made by this user, 0700, on the first build
    if stat.S_ISDIR(st.st_mode) and _ours(st):
        return cache
    return cache / f"factcli-{os.geteuid()}"


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
    return _folder(environ) / f"{stem}-{key}.sqlite"


def private_folder(folder: Path) -> None:
    """Make `folder` (the index's) if missing, 0700; refuse (OSError) one this user may not
    trust: not a folder, another user's, or one others may write."""
    try:
        os.makedirs(folder.parent, exist_ok=True)
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    if folder.name == f"factcli-{os.geteuid()}":
        if stat.S_ISLNK(os.lstat(folder).st_mode):
            # In a folder others may write, a link may lead anywhere this user may write.
            raise PermissionError(f"{folder} is a link, not a folder of this user's")
        shared = os.stat(folder.parent)
        if shared.st_mode & (stat.S_IWGRP | stat.S_IWOTH) and not shared.st_mode & stat.S_ISVTX:
            # Without the sticky bit others may rename our folder and put a link in its place.
            raise PermissionError(f"{folder.parent} lets others rename what is in it (no sticky bit)")
    st = os.stat(folder)
    if not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(f"{folder} is not a folder")
    if st.st_uid != os.geteuid():
        raise PermissionError(f"{folder} belongs to another user (uid {st.st_uid})")
    if stat.S_IMODE(st.st_mode) != 0o700:
        os.chmod(folder, 0o700)  # ours: an index holds every claim and source text of its store


def trusted(path: Path) -> bool:
    """Whether an index file may be read: a regular file of this user's nobody else may write."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and _ours(st)


def temp_file(path: Path) -> Path:
    """A new, empty, private file beside `path` (in its private folder), for a build to fill
    and rename into place: created exclusively, never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(6).hex()}.tmp")
        try:
            fd = os.open(tmp, flags, 0o600)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp


def remove_stale_temps(path: Path) -> None:
    """Remove temporary files of `path` (and their journals) left by builds that were killed."""
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    prefix = f".{path.name}."
    for name in names:
        if not name.startswith(prefix) or ".tmp" not in name:
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(path.parent / name)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
