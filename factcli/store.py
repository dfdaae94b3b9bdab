"""The store file: finding it, reading it, and writing it safely.

This is the only module that touches TinyDB or `facts.json`. Everything above it sees a
`Facts` snapshot of plain dicts. Reads never create, lock or modify the file. A write runs
under an exclusive lock held across the whole read-modify-write, and lands with one atomic
`os.replace` of a fsynced temporary file in the same folder: a crash at any moment leaves
either the old store or the new one, never half of either.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import StoreError

if TYPE_CHECKING:
    from tinydb import TinyDB

# tinydb and tempfile are imported where a write needs them: a read (every search, show,
# timeline) never pays for them, and startup time is a feature of a CLI.


def __getattr__(name: str) -> Any:
    # `store.tempfile` still names the module (tests patch its mkstemp), imported on first use.
    if name == "tempfile":
        import tempfile

        return tempfile
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SCHEMA_VERSION = 2
# Versions this factcli opens. A version-1 store (claims carried derived `keys`) reads as is;
# its first write upgrades it (see `migrate`).
READABLE_VERSIONS = (1, 2)
TABLES = ("meta", "sources", "entities", "claims")
ENV_VAR = "FACTCLI_DB"
_TMP_PREFIX = ".factcli-"
_TMP_SUFFIX = ".tmp"

# Canonical field order per table, so that `git diff facts.json` stays line by line no
# matter which code path wrote a record. Unknown fields keep their order after these.
FIELD_ORDER = {
    "meta": ("schema", "last_claim"),
    "sources": (
        "id", "title", "outlet", "credited", "language", "url", "published", "note",
        "sha256", "text",
    ),
    "entities": ("id", "type", "name", "name_ar", "aliases", "metonyms", "common_words", "description", "revisions"),
    "claims": (
        "id", "subject", "predicate", "object", "value", "date", "polarity", "modality",
        "speaker", "via", "statement", "citation", "retracted", "revisions",
    ),
}


@dataclass
class Facts:
    """A snapshot of the store: each table as a list of plain dicts, in stored order."""

    path: Path | None
    sources: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=lambda: {"schema": SCHEMA_VERSION, "last_claim": 0})

    def source(self, source_id: str) -> dict[str, Any] | None:
        return self._lookup("sources", source_id)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        return self._lookup("entities", entity_id)

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        return self._lookup("claims", claim_id)

    def _lookup(self, table: str, rid: Any) -> dict[str, Any] | None:
        # Ids come from untrusted input and hand-edited files: a list or an object where an
        # id belongs is simply not found (the schema check reports it), never a TypeError.
        return self._index(table).get(rid) if isinstance(rid, str) else None

    def _index(self, table: str) -> dict[str, dict[str, Any]]:
        cache = self.__dict__.setdefault("_indexes", {})
        rows = getattr(self, table)
        # Extended when the table grows (the importer appends while it validates), so an
        # import of many entities stays linear; rebuilt if rows went away.
        seen, by_id = cache.get(table, (0, None))
        if by_id is None or seen > len(rows):
            seen, by_id = 0, {}
        if seen < len(rows):
            for r in rows[seen:]:
                rid = r.get("id")
                if isinstance(rid, str):
                    by_id[rid] = r
            cache[table] = (len(rows), by_id)
        return by_id


# --- locating the store -------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    path: Path
    origin: str  # "--db", "$FACTCLI_DB", "./facts.json" or "installed copy"
    readonly: bool = False


def installed_copy() -> Path:
    """The store shipped with the package, or the repo's own when run from a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "facts.json"
    return packaged if packaged.exists() else here.parent / "facts.json"


def locate(db: str | None, environ: dict[str, str] | None = None) -> Location:
    """--db, then $FACTCLI_DB, then ./facts.json, then the installed copy (read-only)."""
    environ = os.environ if environ is None else environ
    if db:
        return Location(Path(db), "--db")
    if environ.get(ENV_VAR):
        return Location(Path(environ[ENV_VAR]), "$" + ENV_VAR)
    local = Path("facts.json")
    if local.exists():
        return Location(local, "./facts.json")
    return Location(installed_copy(), "installed copy", readonly=True)


# --- TinyDB storage -----------------------------------------------------------------


class _SnapshotStorage:
    """TinyDB storage over an already-parsed document; writes stay in memory until flushed.

    Buffering makes a transaction that touches several tables one file write, not one per
    table, which is what keeps a multi-table import atomic. (TinyDB asks a storage only for
    read, write and close; not subclassing its `Storage` keeps tinydb off the read path.)
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dirty = True

    def close(self) -> None:
        pass


def _describe(path: Path, origin: str) -> str:
    return f"{path}" if origin in ("--db", "installed copy", "./facts.json") else f"{path} ({origin})"


def _parse(raw: bytes, path: Path) -> dict[str, Any]:
    if not raw.strip():
        raise StoreError(f"{path}: the file is empty, not a factcli store")
    try:
        return _loads(raw)
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise StoreError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    except ValueError as exc:  # orjson's error carries the position in its message
        raise StoreError(f"{path}: invalid JSON: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise StoreError(f"{path}: not a factcli store: JSON nested too deeply to read") from None


# From this size on, a parse runs with the cyclic garbage collector paused (see _loads).
_LARGE_STORE_BYTES = 8 * 2**20


def _loads(raw: bytes) -> Any:
    if len(raw) < _LARGE_STORE_BYTES:
        return _decode(raw)
    # A large store parses into hundreds of thousands of dicts and lists that hold no
    # cycles and live until the command ends. The cyclic collector would traverse them
    # again and again, during the parse and after it; paused for the parse, with what it
    # made then frozen out of its reach, a search of 100k claims ran 17% sooner.
    # Refcounting still frees them as usual.
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        doc = _decode(raw)
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
    return doc


def _decode(raw: bytes) -> Any:
    try:
        import orjson
    except ImportError:
        return json.loads(raw.decode("utf-8"))
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        # The standard library's error gives the line and column users need.
        return json.loads(raw.decode("utf-8"))


def _check_shape(doc: Any, path: Path) -> None:
    def bad(why: str) -> StoreError:
        return StoreError(f"{path}: not a factcli store: {why}")

    if not isinstance(doc, dict):
        raise bad(f"top level is {type(doc).__name__}, expected an object of tables")
    missing = [t for t in TABLES if t not in doc]
    if missing:
        raise bad("missing table " + ", ".join(repr(t) for t in missing))
    for table in TABLES:
        rows = doc[table]
        if not isinstance(rows, dict) or not all(isinstance(r, dict) for r in rows.values()):
            raise bad(f"table {table!r} is not an object of records")
        # TinyDB reads record keys as integer document ids; any other key would crash it.
        odd = next((k for k in rows if not (k.isascii() and k.isdigit())), None)
        if odd is not None:
            raise bad(f"table {table!r} has record key {odd!r}, expected a number")
    meta = next(iter(doc["meta"].values()), {})
    version = meta.get("schema")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise bad(f"schema version {version!r}, this factcli reads versions {READABLE_VERSIONS[0]} to {SCHEMA_VERSION}")


def _read_file(path: Path, origin: str) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"no store at {_describe(path, origin)}") from None
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a store file") from None
    except PermissionError:
        raise StoreError(f"{path}: permission denied") from None
    except OSError as exc:
        raise StoreError(f"{path}: {exc.strerror}") from None
    doc = _parse(raw, path)
    _check_shape(doc, path)
    return doc


def _snapshot(doc: dict[str, Any], path: Path | None, copy: bool) -> Facts:
    """The tables of a parsed document as lists of dicts, in stored order.

    This is what TinyDB's `table.all()` returns, without building a TinyDB `Document` per
    record: at 100k claims those copies took longer than the search itself. A read-only
    load hands out the parsed records themselves (nothing else holds them); a transaction
    gets copies, so what the caller does to its snapshot never reaches the file unasked.
    """
    tables = {
        name: [dict(r) for r in doc[name].values()] if copy else list(doc[name].values()) for name in TABLES
    }
    meta = tables["meta"][0] if tables["meta"] else {"schema": SCHEMA_VERSION, "last_claim": 0}
    return Facts(path, tables["sources"], tables["entities"], tables["claims"], meta)


def load(location: Location) -> Facts:
    """Read the store without creating, locking or changing anything."""
    doc = _read_file(location.path, location.origin)
    return _snapshot(doc, location.path, copy=False)


def empty_document() -> dict[str, Any]:
    return {"meta": {"1": {"schema": SCHEMA_VERSION, "last_claim": 0}}, "sources": {}, "entities": {}, "claims": {}}


# --- writing ------------------------------------------------------------------------


class Transaction:
    """What a writer may do inside `writing()`: read the snapshot, then add records."""

    def __init__(self, db: TinyDB, doc: dict[str, Any], path: Path, created: bool = False) -> None:
        self._db = db
        self.facts = _snapshot(doc, path, copy=True)
        self.created = created  # the file does not exist yet: only an add() makes it
        self.upgraded: dict[str, Any] | None = None  # what `migrate.upgrade` did to the file read

    def add(self, sources=(), entities=(), claims=(), meta: dict[str, Any] | None = None) -> None:
        for table, rows in (("sources", sources), ("entities", entities), ("claims", claims)):
            rows = list(rows)
            if rows:
                self._db.table(table).insert_multiple(rows)
                getattr(self.facts, table).extend(rows)
        if meta is not None:
            self._db.table("meta").truncate()
            self._db.table("meta").insert(meta)
            self.facts.meta = meta

    def replace(self, table: str, records: list[dict[str, Any]] = (), remove: list[str] = ()) -> None:
        """Put `records` in place of the stored ones with the same ids, and drop the `remove`
        ids: a correction. Each record keeps its place (its document id) in the file."""
        from tinydb.table import Document

        tbl = self._db.table(table)
        doc_ids = {doc["id"]: doc.doc_id for doc in tbl.all() if isinstance(doc.get("id"), str)}
        unknown = [r["id"] for r in records if r.get("id") not in doc_ids] + [i for i in remove if i not in doc_ids]
        if unknown:
            raise StoreError(f"no {table} record {unknown[0]!r} to replace")
        gone_ids = [doc_ids[r["id"]] for r in records] + [doc_ids[i] for i in remove]
        if gone_ids:
            tbl.remove(doc_ids=gone_ids)
        if records:
            tbl.insert_multiple([Document(rec, doc_id=doc_ids[rec["id"]]) for rec in records])
        by_id = {r["id"]: r for r in records}
        gone = set(remove)
        rows = getattr(self.facts, table)
        rows[:] = [by_id.get(r.get("id"), r) for r in rows if r.get("id") not in gone]
        self.facts.__dict__.get("_indexes", {}).pop(table, None)  # same length, other records


@contextmanager
def writing(location: Location, create: bool = False) -> Iterator[Transaction]:
    """Lock, read, let the caller add records, then replace the file atomically.

    If the body raises, nothing is written. `create` allows a missing file to start empty.
    """
    if location.readonly:
        raise StoreError(
            f"the installed store {location.path} is read-only; "
            f"write to your own copy with --db PATH or ${ENV_VAR}"
        )
    # Through a symlink, write the file it points to: replacing the link itself would
    # leave the real store stale and the link turned into a copy.
    path = Path(os.path.realpath(location.path)) if location.path.is_symlink() else location.path
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(f"no folder {folder} for the store {path}")
    with _exclusive_lock(path):
        created = create and not path.exists()
        upgraded = None
        if created:
            doc = empty_document()
        else:
            doc = _read_file(path, location.origin)
            if not _writable(path):
                raise StoreError(f"{path} is read-only: nothing was written")
            from .migrate import upgrade

            upgraded = upgrade(doc)  # an older store is written back in the current schema
        from tinydb import TinyDB

        storage_box: dict[str, _SnapshotStorage] = {}

        def storage_factory(data: dict[str, Any]) -> _SnapshotStorage:
            storage_box["s"] = _SnapshotStorage(data)
            return storage_box["s"]

        db = TinyDB(storage=storage_factory, data=doc)
        tx = Transaction(db, doc, path, created)
        tx.upgraded = upgraded
        yield tx
        storage = storage_box["s"]
        if storage.dirty:
            _remove_stale_temps(path)
            atomic_write(path, dumps(storage.data))
            # Still under the lock: the derived index follows the write (it never fails it).
            from .index import refresh

            refresh(path, storage.data)


def _writable(path: Path) -> bool:
    # os.access alone says yes to root for any file; a store without any write bit was
    # made read-only on purpose (chmod a-w), and the write would go round it by rename.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


@contextmanager
def _exclusive_lock(path: Path) -> Iterator[None]:
    # A sidecar lock file, because the store itself is replaced by rename: a lock on the
    # old inode would not exclude a writer that opened the new one.
    import fcntl

    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot lock {path}: {exc.strerror} ({lock_path})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _tmp_prefix(path: Path) -> str:
    return f"{_TMP_PREFIX}{path.name}-"


def _remove_stale_temps(path: Path) -> None:
    # Only a writer of this store killed mid-write leaves these; we hold its lock, so none
    # is live. Another store's temps in the same folder are its writers' own business.
    folder = path.parent if str(path.parent) else Path(".")
    prefix = _tmp_prefix(path)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and name.endswith(_TMP_SUFFIX):
            try:
                os.unlink(folder / name)
            except OSError:
                pass


def dumps(doc: dict[str, Any]) -> bytes:
    """The file's canonical text: indented, UTF-8 (Arabic readable), stable key order."""
    ordered: dict[str, Any] = {}
    for table in TABLES:
        rows = doc.get(table, {})
        ordered[table] = {k: _ordered(table, rows[k]) for k in sorted(rows, key=_doc_key)}
    fast = _orjson_dumps(ordered)
    if fast is not None:
        return fast
    return (json.dumps(ordered, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _orjson_dumps(doc: dict[str, Any]) -> bytes | None:
    """The same bytes as the standard encoder, ~10x sooner, or None where they could differ.

    The standard encoder with `indent` runs in pure Python: at 100k claims it took most of
    an `add`. orjson's OPT_INDENT_2 output is byte-identical for strings (escapes included),
    integers, booleans, null and containers; it writes some floats differently (`1e-7` for
    `1e-07`, `null` for NaN), and refuses lone surrogates and integers beyond 64 bits. So it
    is used only when every float in the document prints the same both ways, and its
    refusals fall back to the standard encoder.
    """
    try:
        import orjson
    except ImportError:
        return None
    if not _floats_print_alike(doc, orjson.dumps):
        return None
    try:
        return orjson.dumps(doc, option=orjson.OPT_INDENT_2) + b"\n"
    except (TypeError, orjson.JSONEncodeError):
        return None


def _floats_print_alike(doc: Any, fast_dumps: Any) -> bool:
    stack = [doc]
    while stack:
        node = stack.pop()
        values = node.values() if isinstance(node, dict) else node
        for v in values:
            kind = type(v)
            if kind is str or kind is int or kind is bool or v is None:
                continue
            if kind is dict or kind is list:
                stack.append(v)
            elif kind is float:
                if fast_dumps(v) != json.dumps(v).encode():
                    return False
            else:  # a subclass or another type: leave it to the standard encoder
                return False
    return True


def _doc_key(doc_id: str) -> tuple[int, str]:
    return (int(doc_id), "") if doc_id.isdigit() else (1 << 62, doc_id)


def _ordered(table: str, record: dict[str, Any]) -> dict[str, Any]:
    order = FIELD_ORDER.get(table, ())
    if tuple(record) == order:
        return record  # already canonical, as every record this module wrote is
    out = {k: record[k] for k in order if k in record}
    out.update((k, v) for k, v in record.items() if k not in out)
    return out


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new, never a mix."""
    import tempfile

    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(path), suffix=_TMP_SUFFIX, dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise StoreError(f"{path}: cannot write ({exc.strerror}); nothing was changed") from None
        raise StoreError(f"{path}: write failed ({exc.strerror}); nothing was changed") from None
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
