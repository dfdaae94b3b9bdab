"""The store file: finding it, reading it, and writing it safely.

This is the only module that touches TinyDB or `facts.json`. Everything above it sees a
`Facts` snapshot of plain dicts. Reads never create, lock or modify the file. A write runs
under an exclusive lock held across the whole read-modify-write, and lands with one atomic
`os.replace` of a fsynced new file, written in a private folder beside the store: a crash at
any moment leaves either the old store or the new one, never half of either. Nothing is
opened or changed by a name that someone else could swap: the store may sit in a folder
other people can write to.

The store knows nothing of what is derived from it: a writer hands `writing` its own
`upgrade` (of an older schema) and `on_written` subscriber (the index). What a write left is
recorded beside the store (`last_write`), for the next write alone.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from .. import __version__
from ..codec import decode, encode_file, long_integer
from ..errors import StoreError, os_error_line
from ..records import FIELD_ORDER, SCHEMA_VERSION

if TYPE_CHECKING:
    from tinydb import TinyDB

# tinydb is imported where a write needs it: a read (every search, show, timeline) never
# pays for it, and startup time is a feature of a CLI.


# Versions this factcli opens. A version-1 store (claims carried derived `keys`) and a
# version-2 store (no vocabulary of its own: it uses the shipped one) read as they are; the
# first write upgrades them (see `migrate`).
READABLE_VERSIONS = (1, 2, 3)
# How long a writer waits for another writer's lock by default (--wait SECONDS).
DEFAULT_WAIT = 10.0
# The largest store factcli reads (a store of 100k claims is about 200 MiB); larger files
# are refused before they are read, so a wrong --db cannot exhaust memory.
MAX_STORE_BYTES = 512 * 2**20
MAX_BYTES_VAR = "FACTCLI_MAX_MB"
TABLES = ("meta", "sources", "entities", "claims")
# The store's vocabulary (`vocabulary.py`): one plain object beside the tables, not records
# by document id, written between the meta table and the sources. From schema version 3.
VOCABULARY = "vocabulary"
VOCABULARY_SINCE = 3
# The file's top-level keys, in the order they are written.
LAYOUT = ("meta", VOCABULARY, "sources", "entities", "claims")
ENV_VAR = "FACTCLI_DB"
_TMP_PREFIX = ".factcli-"
_TMP_SUFFIX = ".tmp"


class Lookups(Protocol):
    """Records by id, as the views and comparisons read them: from a loaded store (`Facts`)
    or from the index (`index.View`)."""

    @property
    def claims(self) -> list[dict[str, Any]]: ...
    def source(self, source_id: object) -> dict[str, Any] | None: ...
    def entity(self, entity_id: object) -> dict[str, Any] | None: ...
    def claim(self, claim_id: object) -> dict[str, Any] | None: ...


class Facts:
    """A snapshot of the store: each table as a list of plain dicts, in stored order.
    Compared by identity. (A plain class: a dataclass would load `dataclasses` and make its
    methods at every start.)"""

    def __init__(
        self,
        path: Path | None,
        sources: list[dict[str, Any]] | None = None,
        entities: list[dict[str, Any]] | None = None,
        claims: list[dict[str, Any]] | None = None,
        meta: dict[str, Any] | None = None,
        vocabulary: dict[str, Any] | None = None,
        may_hold_surrogates: bool = True,
    ) -> None:
        self.path = path
        self.sources: list[dict[str, Any]] = [] if sources is None else sources
        self.entities: list[dict[str, Any]] = [] if entities is None else entities
        self.claims: list[dict[str, Any]] = [] if claims is None else claims
        self.meta: dict[str, Any] = {"schema": SCHEMA_VERSION, "last_claim": 0} if meta is None else meta
        # The store's vocabulary document, as stored; None in a store older than version 3
        # (and in a snapshot made in memory), which uses the shipped vocabulary (`vocabulary.of`).
        self.vocabulary = vocabulary
        # Whether a string may hold a lone surrogate (only a \\uD800-\\uDFFF escape in the file
        # makes one): when False, the read-time check need not look at every string.
        self.may_hold_surrogates = may_hold_surrogates
        # Each claim's row in the index, in `claims` order; None: 1, 2, 3 ... A directory
        # store numbers its claims by source (`directory.position`), so that rewriting one
        # source's claims renumbers no other claim in its index.
        self.positions: list[int] | None = None

    def source(self, source_id: object) -> dict[str, Any] | None:
        return self._lookup("sources", source_id)

    def entity(self, entity_id: object) -> dict[str, Any] | None:
        return self._lookup("entities", entity_id)

    def claim(self, claim_id: object) -> dict[str, Any] | None:
        return self._lookup("claims", claim_id)

    def _lookup(self, table: str, rid: object) -> dict[str, Any] | None:
        # Ids come from untrusted input and hand-edited files: a list or an object where an
        # id belongs is simply not found (the schema check reports it), never a TypeError.
        return self._index(table).get(rid) if isinstance(rid, str) else None

    def _index(self, table: str) -> dict[str, dict[str, Any]]:
        cache: dict[str, tuple[int, dict[str, dict[str, Any]]]] = self.__dict__.setdefault("_indexes", {})
        rows: list[dict[str, Any]] = getattr(self, table)
        # Extended when the table grows (the importer appends while it validates), so an
        # import of many entities stays linear; rebuilt if rows went away.
        seen, by_id = cache.get(table, (0, {}))
        if seen > len(rows):
            seen, by_id = 0, {}
        if seen < len(rows):
            for r in rows[seen:]:
                rid = r.get("id")
                if isinstance(rid, str):
                    by_id[rid] = r
            cache[table] = (len(rows), by_id)
        return by_id


# --- locating the store -------------------------------------------------------------


class Location(NamedTuple):
    path: Path
    origin: str  # "--db", "$FACTCLI_DB", "./facts.json" or "installed copy"
    readonly: bool = False
    # A writer waits this many seconds for another writer's lock before it gives up, and
    # calls `on_wait` once when it has waited about a second (the CLI says so on stderr).
    wait: float = DEFAULT_WAIT
    on_wait: Callable[[], None] | None = None


def installed_copy() -> Path:
    """The store shipped with the package, or the repo's own when run from a checkout."""
    here = Path(__file__).resolve().parent.parent  # factcli/, this being factcli/store/
    packaged = here / "facts.json"
    return packaged if packaged.exists() else here.parent / "facts.json"


def locate(db: str | None, environ: Mapping[str, str] | None = None) -> Location:
    """--db, then $FACTCLI_DB, then ./facts.json, then the installed copy (read-only)."""
    env: Mapping[str, str] = os.environ if environ is None else environ
    if db:
        return Location(Path(db), "--db")
    if env.get(ENV_VAR):
        return Location(Path(env[ENV_VAR]), "$" + ENV_VAR)
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


def _parse(raw: bytes, path: Path, long_integers: bool | None = None) -> dict[str, Any]:
    if not raw or raw.isspace():  # as `not raw.strip()`, without copying a large store
        raise StoreError(f"{path}: the file is empty, not a factcli store")
    import json  # here, not at the top: a read with a warm index never parses the store

    try:
        doc: dict[str, Any] = _loads(raw, long_integers)  # a dict: check_shape refuses anything else
        return doc
    except UnicodeDecodeError as exc:
        raise StoreError(f"{path}: not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise StoreError(f"{path}: invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except ValueError as exc:  # orjson's error carries the position in its message
        raise StoreError(f"{path}: invalid JSON: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise StoreError(f"{path}: not a factcli store: JSON nested too deeply to read") from None


# From this size on, a parse runs with the cyclic garbage collector paused (see _loads).
_LARGE_STORE_BYTES = 8 * 2**20


def _loads(raw: bytes, long_integers: bool | None = None) -> Any:
    if len(raw) < _LARGE_STORE_BYTES:
        return _with_known_vocabulary(raw, long_integers)
    # A large store parses into hundreds of thousands of dicts and lists that hold no
    # cycles and live until the command ends. The cyclic collector would traverse them
    # again and again, during the parse and after it; paused for the parse, with what it
    # made then frozen out of its reach, a search of 100k claims ran 17% sooner.
    # Refcounting still frees them as usual.
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        doc = decode(raw, long_integers)
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
    return doc


# A store's vocabulary document is ~40 kB of JSON, most of a small store's text, and the
# same text in every read of a process that reads a store again and again (a script's
# imports, a test run). Its parse is kept here by its exact text, and a read that meets the
# text again parses only the rest. A kept document is shared by those reads: as the shipped
# one is, a vocabulary document is never changed in place (a change makes a new document,
# see `curate` and `Transaction.set_vocabulary`), so a transaction shares it too.
_VOCABULARIES: dict[bytes, Any] = {}
_VOCABULARIES_KEPT = 4


def _opening(table: str) -> bytes:
    """What opens a top-level part in `dumps`'s text: its line, its key and the colon (a
    nested key is indented further, and a string holds no line break)."""
    return b'\n  "' + table.encode() + b'": '


_VOCABULARY_AT = _opening(VOCABULARY)
_VOCABULARY_END = b"," + _opening(LAYOUT[LAYOUT.index(VOCABULARY) + 1])
# What stands in the text for the vocabulary while the rest is parsed: a string no file
# holds (random to this process), so finding it as the top level's vocabulary shows that
# the text cut out was that value, whole.
_STAND_IN = os.urandom(16).hex()


def _vocabulary_span(raw: bytes) -> tuple[int, int] | None:
    """Where the vocabulary sits in text laid out as `dumps` lays it out: from the line that
    opens it (`\n  "vocabulary": `) to the comma before `\n  "sources": ` (nested keys are
    indented further, strings hold no line break); None when the text holds no such part."""
    start = raw.find(_VOCABULARY_AT, 0, 4096)  # after the meta table, a line or two
    end = raw.find(_VOCABULARY_END, start) if start >= 0 else -1
    return (start, end) if end >= 0 else None


def _with_known_vocabulary(raw: bytes, long_integers: bool | None) -> Any:
    """`decode(raw)`, with the vocabulary's text parsed only when it was not parsed before.

    The vocabulary is found as `dumps` lays it out (`_vocabulary_span`). Any other text, or
    a cut that does not give the top level's vocabulary value, is parsed whole, as is a text
    that fails (whose error the whole text gives)."""
    span = _vocabulary_span(raw)
    if span is None:
        return decode(raw, long_integers)
    start, end = span[0] + len(_VOCABULARY_AT), span[1]
    text = raw[start:end]
    vocabulary = _VOCABULARIES.get(text)
    try:
        if vocabulary is None:
            vocabulary = decode(text, long_integers)
        doc = decode(b"".join((raw[:start], b'"', _STAND_IN.encode(), b'"', raw[end:])), long_integers)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return decode(raw, long_integers)
    if not (isinstance(doc, dict) and doc.get(VOCABULARY) == _STAND_IN):
        return decode(raw, long_integers)
    doc[VOCABULARY] = vocabulary
    if text not in _VOCABULARIES and len(_VOCABULARIES) < _VOCABULARIES_KEPT:
        from ..vocabulary import share  # not at the top: a search on a warm index reads no vocabulary

        share(vocabulary)
        _VOCABULARIES[text] = vocabulary
    return doc


def check_shape(doc: Any, path: Path) -> None:
    """Refuse (`StoreError`) a parsed document that is not a factcli store: its top level,
    tables, metadata and schema version, not its records (`schema` checks those)."""

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
    meta: dict[str, Any] = next(iter(doc["meta"].values()), {})
    version = meta.get("schema")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise bad(
            f"schema version {version!r}, this factcli reads versions {READABLE_VERSIONS[0]} to {SCHEMA_VERSION}"
        )
    if version >= VOCABULARY_SINCE:
        if VOCABULARY not in doc:
            raise bad(f"schema version {version} and no {VOCABULARY!r} object")
        if not isinstance(doc[VOCABULARY], dict):
            raise bad(f"{VOCABULARY!r} is {type(doc[VOCABULARY]).__name__}, expected an object")
    odd_key = next((k for k in doc if k not in LAYOUT), None)
    if odd_key is not None:
        raise bad(f"unknown top-level key {odd_key!r}")


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, word in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return word
    return "not a regular file"


def _not_a_store(path: Path, kind: str) -> StoreError:
    return StoreError(f"{path} is {kind}, not a store file")


def _too_large(path: Path, size: int | None = None) -> StoreError:
    what = f"{size} bytes" if size is not None else "more than that"
    return StoreError(
        f"{path}: {what}; a store may hold at most {max_store_bytes() // 2**20} MiB "
        f"(set {MAX_BYTES_VAR} to allow more)"
    )


def max_store_bytes() -> int:
    """The largest store file factcli reads: MAX_STORE_BYTES, or ${MAX_BYTES_VAR} MiB."""
    given = os.environ.get(MAX_BYTES_VAR, "")
    if not given:
        return MAX_STORE_BYTES
    # ASCII digits only: str.isdigit also takes '²' and '٣', which int() refuses.
    if not (given.isascii() and given.isdigit() and len(given) < 7 and int(given) > 0):
        raise StoreError(f"{MAX_BYTES_VAR}={given!r}: expected a positive whole number of MiB, e.g. 1024")
    return int(given) * 2**20


def _open_store(path: Path, origin: str) -> tuple[int, os.stat_result]:
    """An open descriptor of the store file and its status, or a one-line StoreError.

    Only a regular file is a store: the status is looked at before opening (a socket cannot
    be opened, a FIFO would block) and again on the descriptor, so nothing swapped in
    between is read. O_NONBLOCK keeps a FIFO that appears in that moment from hanging.
    """
    try:
        kind = file_kind(os.stat(path).st_mode)
        if kind:
            raise _not_a_store(path, kind)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise StoreError(os_error_line(exc, path, missing=f"no store at {_describe(path, origin)}")) from None
    st = os.fstat(fd)
    kind = file_kind(st.st_mode)
    limit = max_store_bytes()
    if kind or st.st_size > limit:
        os.close(fd)
        raise _not_a_store(path, kind) if kind else _too_large(path, st.st_size)
    return fd, st


def _read_fd(fd: int, path: Path, limit: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError as exc:
            raise StoreError(f"{path}: {exc.strerror}") from None
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > limit:  # it grew past the limit while being read
            raise _too_large(path)
        chunks.append(chunk)


# A lone surrogate can only come from a \uD800-\uDFFF escape: text without one needs no scan.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def read_document(path: Path, origin: str) -> dict[str, Any]:
    return read_parsed(path, origin)[0]


def read_parsed(path: Path, origin: str) -> tuple[dict[str, Any], bool, None]:
    """The parsed, shape-checked document and whether its text holds surrogate escapes."""
    raw, doc, escapes, held, _ = _read_held(path, origin)
    os.close(held[0])
    return doc, escapes, None


def _read_held(
    path: Path, origin: str, recorded: bool = False
) -> tuple[bytes, dict[str, Any], bool, tuple[int, os.stat_result], LastWrite | None]:
    """The file's bytes, the parsed and shape-checked document, whether the text holds
    surrogate escapes, the still-open descriptor and status of the file that was read, and
    (when `recorded` is asked for) the record the last write left, if these are its bytes."""
    fd, st = _open_store(path, origin)
    try:
        raw = _read_fd(fd, path, max_store_bytes())
        read = _written_before(path, raw, st) if recorded else None
        doc = _parse(raw, path, read.long_integers if read is not None else None)
        check_shape(doc, path)
    except BaseException:
        os.close(fd)
        raise
    return raw, doc, _SURROGATE_ESCAPE.search(raw) is not None, (fd, st), read


def snapshot_of(doc: dict[str, Any], path: Path | None, copy: bool) -> Facts:
    """The tables of a parsed document as lists of dicts, in stored order.

    This is what TinyDB's `table.all()` returns, without building a TinyDB `Document` per
    record: at 100k claims those copies took longer than the search itself. A read-only
    load hands out the parsed records themselves (nothing else holds them); a transaction
    gets copies of them, so what the caller does to its records never reaches the file
    unasked (the vocabulary document, never changed in place, is not copied: below).
    """
    tables = {
        name: [dict(r) for r in doc[name].values()] if copy else list(doc[name].values()) for name in TABLES
    }
    meta = tables["meta"][0] if tables["meta"] else {"schema": SCHEMA_VERSION, "last_claim": 0}
    # The vocabulary document is not copied: it is never changed in place (a transaction
    # puts a changed one in its place, `Transaction.set_vocabulary`), and reads of one
    # text share one document (`_with_known_vocabulary`).
    return Facts(path, tables["sources"], tables["entities"], tables["claims"], meta, doc.get(VOCABULARY))


def load(location: Location) -> Facts:
    """Read the store without creating, locking or changing anything."""
    if is_directory_store(location.path):
        from . import directory  # a store as a folder of files, one per source

        return directory.load(location)
    doc, escapes, _ = read_parsed(location.path, location.origin)
    facts = snapshot_of(doc, location.path, copy=False)
    facts.may_hold_surrogates = escapes
    return facts


def empty_document() -> dict[str, Any]:
    """A new store: no records, and the shipped vocabulary as its own."""
    from ..vocabulary import default_document

    return {
        "meta": {"1": {"schema": SCHEMA_VERSION, "last_claim": 0}},
        VOCABULARY: default_document(),
        "sources": {},
        "entities": {},
        "claims": {},
    }


# --- writing ------------------------------------------------------------------------


class Transaction:
    """What a writer may do inside `writing()`: read the snapshot, then add records.

    `checked` says the file read holds the very bytes an earlier write of this factcli left
    after the damage check (`schema.store_shape_problem`) had passed on them: that check
    would pass again, and the writer may skip it. A writer sets `sound` when the document it
    writes passes that check as a whole (the snapshot did, and so do the records it adds);
    the next write then finds its bytes `checked`.
    """

    def __init__(self, db: TinyDB, doc: dict[str, Any], path: Path, created: bool = False) -> None:
        self._db = db
        self.facts = snapshot_of(doc, path, copy=True)
        self.created = created  # the file does not exist yet: only an add() makes it
        self.upgraded: dict[str, Any] | None = None  # what the `upgrade` given did to the file read
        self.checked = False
        self.sound = False
        self.appended_only = True  # no stored record replaced or removed (see `replace`)

    def add(
        self,
        sources: Iterable[dict[str, Any]] = (),
        entities: Iterable[dict[str, Any]] = (),
        claims: Iterable[dict[str, Any]] = (),
        meta: dict[str, Any] | None = None,
    ) -> None:
        for table, rows in (("sources", sources), ("entities", entities), ("claims", claims)):
            rows = list(rows)
            if rows:
                self._db.table(table).insert_multiple(rows)
                getattr(self.facts, table).extend(rows)
        if meta is not None:
            self._db.table("meta").truncate()
            self._db.table("meta").insert(meta)
            self.facts.meta = meta

    def set_vocabulary(self, vocabulary: dict[str, Any]) -> None:
        """Put `vocabulary` (a whole vocabulary document) in place of the store's."""
        self.appended_only = False
        storage: _SnapshotStorage = self._db.storage  # type: ignore[assignment]
        data = dict(storage.read())
        data[VOCABULARY] = vocabulary
        storage.write(data)
        self.facts.vocabulary = vocabulary
        self.facts.__dict__.pop("_vocabulary", None)

    def put(self, name: str, value: Any) -> None:
        """Set a top-level object of the store other than the record tables (a merged vocabulary)."""
        if name in TABLES:
            raise StoreError(f"{name} is a table of records: add or replace them")
        storage = self._db.storage
        storage.write({**(storage.read() or {}), name: value})

    def replace(self, table: str, records: Sequence[dict[str, Any]] = (), remove: Sequence[str] = ()) -> None:
        """Put `records` in place of the stored ones with the same ids, and drop the `remove`
        ids: a correction. Each record keeps its place (its document id) in the file."""
        from tinydb.table import Document

        self.appended_only = False
        tbl = self._db.table(table)
        doc_ids = {doc["id"]: doc.doc_id for doc in tbl.all() if isinstance(doc.get("id"), str)}
        unknown = [r["id"] for r in records if r.get("id") not in doc_ids] + [
            i for i in remove if i not in doc_ids
        ]
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


class Written(NamedTuple):
    """What a write left, as `writing` tells its subscriber (`on_written`): called under the
    store's lock, after the file was replaced, so the subscriber sees no other write.

    `facts` holds the records as written (the store's own: read them, never change them).
    `appended_to` is what the last write had left, when this one read those very bytes and
    only appended records to them; None when it changed or removed a stored record, or read
    bytes no write of this factcli left as they are (a hand edit, another program)."""

    path: Path
    facts: Facts
    wrote: LastWrite
    appended_to: LastWrite | None
    # A directory store's: the files the write changed or removed, by their path in it.
    files: tuple[str, ...] = ()


@contextmanager
def writing(
    location: Location,
    create: bool = False,
    *,
    upgrade: Callable[[dict[str, Any]], dict[str, Any] | None] | None = None,
    on_written: Callable[[Written], None] | None = None,
    sources: Collection[str] | None = None,
) -> Iterator[Transaction]:
    """Lock, read, let the caller add records, then replace the file atomically.

    If the body raises, nothing is written. `create` allows a missing file to start empty.
    No file of any kind (lock, temp) is made for a store that does not exist (unless
    `create`) or is not a regular file.

    `upgrade` brings a document read in an older schema to this one in place (returning
    what it did, or None when there was nothing to do): an older store is written back in
    the current schema. Without it, an older store is not written. `on_written` is told
    what the write left (`Written`); a subscriber that fails does not fail the write, which
    has happened: what follows the store (its index) must tell a stale copy by itself.

    `sources` names the only sources whose records the write reads and changes (it may add
    sources and entities too): a directory store (`store.directory`) then reads, locks and writes
    just those, beside writers to others. A store file is read and written whole anyway.
    """
    if is_directory_store(location.path):
        from . import directory

        with directory.writing(
            location, create, upgrade=upgrade, on_written=on_written, sources=sources
        ) as tx:
            yield tx
        return
    if location.readonly:
        raise StoreError(
            f"the installed store {location.path} is read-only; "
            f"write to your own copy with --db PATH or ${ENV_VAR}"
        )
    path = _write_target(location.path)
    folder = _folder(path)
    if not folder.is_dir():
        raise StoreError(f"no folder {folder} for the store {path}")
    if not (create and not os.path.lexists(path)):
        os.close(_open_store(path, location.origin)[0])  # a missing or odd file is refused here
    with _exclusive_lock(path, location) as lock:
        created = create and not os.path.lexists(path)
        held: tuple[int, os.stat_result] | None = None
        upgraded = None
        raw, read = b"", None
        try:
            if created:
                doc, escapes = empty_document(), False
            else:
                raw, doc, escapes, held, read = _read_held(path, location.origin, recorded=True)
                if not _writable(path, held[1]):
                    raise StoreError(f"{path} is read-only: nothing was written")
                upgraded = _upgraded(doc, path, upgrade)
                if read is None:
                    raw = b""  # not bytes a write left: nothing will be spliced into them
            from tinydb import TinyDB

            storage_box: dict[str, _SnapshotStorage] = {}

            def storage_factory(data: dict[str, Any]) -> _SnapshotStorage:
                storage_box["s"] = _SnapshotStorage(data)
                return storage_box["s"]

            db = TinyDB(storage=storage_factory, data=doc)
            tx = Transaction(db, doc, path, created)
            tx.facts.may_hold_surrogates = escapes
            tx.upgraded = upgraded
            # The stored records as read (TinyDB rebuilds a table's dict on every change and
            # leaves these as they are): what a write that only appended can be told by.
            before = {t: dict(doc[t]) for t in TABLES} if read is not None and upgraded is None else None
            vocabulary = doc.get(VOCABULARY)  # as read: to be told from one put in its place
            tx.checked = read is not None and read.checked
            yield tx
            storage = storage_box["s"]
            if storage.dirty:
                # The lock excludes other writers only while its file is the one at the
                # lock path; if it was removed or replaced meanwhile, another writer may
                # have been let in, and may have written: lock again, then make sure the
                # store is still the file we read.
                lock.ensure()
                if not _still_the_store(path, held):
                    raise StoreError(
                        f"{path} was changed by another writer during this write (was its lock file "
                        f"removed?); nothing was written, run the command again"
                    )
                _remove_stale_temps(path)
                # And those of the record beside it: a writer killed while writing the
                # record left one, which would otherwise wait for the next record.
                _remove_stale_temps(record_path(path))
                # Only appended to bytes this factcli wrote: those bytes, extended.
                appended = read is not None and before is not None and tx.appended_only
                spliced = (
                    _appended(raw, before, storage.data, vocabulary)
                    if appended and before is not None
                    else None
                )
                data: bytes | list[bytes | memoryview]
                if spliced is not None and read is not None:
                    data, added_longs = spliced
                    longs = read.long_integers or added_longs
                else:
                    appended = False
                    data = _rewritten(raw if upgraded is None else b"", storage.data, vocabulary)
                    longs = long_integer(data)
                like = held[1] if held else None
                atomic_write(path, data, like=like)
                wrote = LastWrite(_digest(data), tx.sound, longs, _rows(storage.data))
                _record(path, wrote, like)
                if on_written is not None:
                    # The records in the order the file holds them (a replaced record is
                    # re-inserted last by TinyDB), so an index brought up to this write
                    # answers as one rebuilt from the file, order included.
                    as_written = storage.data if appended else _in_file_order(storage.data)
                    written = Written(
                        path, snapshot_of(as_written, path, copy=False), wrote, read if appended else None
                    )
                    try:
                        on_written(written)
                    except Exception:  # noqa: BLE001 - the store is written; see the docstring
                        pass
        finally:
            if held is not None:
                os.close(held[0])


def _upgraded(
    doc: dict[str, Any], path: Path, upgrade: Callable[[dict[str, Any]], dict[str, Any] | None] | None
) -> dict[str, Any] | None:
    """What `upgrade` did to `doc`; a document of an older schema with no `upgrade` is refused."""
    if upgrade is not None:
        return upgrade(doc)
    meta: dict[str, Any] = next(iter(doc["meta"].values()), {})
    version = meta.get("schema")
    if version != SCHEMA_VERSION:
        raise StoreError(f"{path} is at schema version {version}: upgrade it first (factcli migrate)")
    return None


def is_directory_store(path: Path) -> bool:
    """Whether `path` is a folder (a directory store, or one to become one): told without
    loading the directory store's module, which a store file never needs."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:
        return False


def _folder(path: Path) -> Path:
    return path.parent  # "." for a bare file name: a Path's parent is never empty


# --- what the last write left ---------------------------------------------------------
#
# A write records, in a file of its own beside the store (`<store>.written`, written under
# the store's lock, the way the store is), the sha256 of the bytes it wrote, which factcli
# wrote them, whether they passed the damage check, whether they may hold an integer orjson
# cannot read, and how many records of each table they hold. The next writer hashes the
# bytes it reads: the same digest means the file is, byte for byte, what `dumps` made of the
# document it parses (so records appended to it can be spliced into those bytes instead of
# serialising the whole store again), and, when recorded so, that the damage check passes
# on it. Any other bytes (a hand edit, a `git checkout`, another program, another factcli
# version) match no record and take the whole way: checked, serialised and indexed in
# full, as on the first write. So does a record that is missing or cannot be trusted: not
# a regular file, owned by someone other than this user or the store's owner, writable by
# anyone who may not write the store, or not in the form this factcli writes.

_WRITER = f"factcli {__version__}, schema {SCHEMA_VERSION}"
_RECORD_SUFFIX = ".written"
_MAX_RECORD_BYTES = 4096


class LastWrite(NamedTuple):
    """What a write recorded of the bytes it left in the store."""

    sha256: str
    checked: bool  # the damage check passed on them
    long_integers: bool  # they may hold an integer beyond 64 bits (`codec.long_integer`)
    rows: tuple[int, int, int]  # how many entities, sources and claims they hold


def record_path(path: Path) -> Path:
    """Where a write records what it left in the store at `path`."""
    return path.with_name(path.name + _RECORD_SUFFIX)


def _digest(data: bytes | Sequence[bytes | memoryview]) -> str:
    import hashlib

    h = hashlib.sha256()
    for piece in [data] if isinstance(data, bytes) else data:
        h.update(piece)
    return h.hexdigest()


def _rows(doc: dict[str, Any]) -> tuple[int, int, int]:
    return (len(doc.get("entities", {})), len(doc.get("sources", {})), len(doc.get("claims", {})))


def _record(path: Path, wrote: LastWrite, like: os.stat_result | None) -> None:
    """Record `wrote` beside the store, as the store is written: atomically, with the store's
    mode and owner. A record that cannot be written leaves the one before, whose digest no
    longer matches the store's bytes: the next write just takes the whole way."""
    text = {
        "writer": _WRITER,
        "sha256": wrote.sha256,
        "checked": wrote.checked,
        "long_integers": wrote.long_integers,
        "rows": list(wrote.rows),
    }
    target = record_path(path)
    try:
        _remove_stale_temps(target)
        # Not synced: its digest is checked at every read, so what a crash may leave of it
        # (nothing, or the record before) only sends the next write the whole way.
        atomic_write(target, encode_file(text), like=like, durable=False)
    except StoreError:
        pass


def last_write(path: Path, store_stat: os.stat_result | None = None) -> LastWrite | None:
    """What the last write recorded beside the store at `path` (the status of the store file
    as `store_stat`, else looked up), or None: no record, or none to trust. Nothing is
    created or changed."""
    target = record_path(path)
    try:
        if store_stat is None:
            store_stat = os.stat(path)
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (
            not stat.S_ISREG(st.st_mode)
            or st.st_size > _MAX_RECORD_BYTES
            or st.st_uid not in (os.geteuid(), store_stat.st_uid)
            or st.st_mode & 0o022 & ~store_stat.st_mode
        ):
            return None
        raw = os.read(fd, _MAX_RECORD_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        record = decode(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return _last_write(record)


def _last_write(record: Any) -> LastWrite | None:
    if not isinstance(record, dict) or record.get("writer") != _WRITER:
        return None
    sha, checked, longs, rows = (record.get(k) for k in ("sha256", "checked", "long_integers", "rows"))
    if not (isinstance(sha, str) and len(sha) == 64 and type(checked) is bool and type(longs) is bool):
        return None
    if not (isinstance(rows, list) and len(rows) == 3 and all(type(n) is int and n >= 0 for n in rows)):
        return None
    return LastWrite(sha, checked, longs, (rows[0], rows[1], rows[2]))


def _written_before(path: Path, raw: bytes, st: os.stat_result) -> LastWrite | None:
    """The record the last write left, when `raw` (the file as read, of status `st`) is what
    it wrote."""
    record = last_write(path, st)
    return record if record is not None and record.sha256 == _digest(raw) else None


def _appended(
    raw: bytes, before: dict[str, dict[str, Any]], data: dict[str, Any], vocabulary: Any = None
) -> tuple[list[bytes | memoryview], bool] | None:
    """`dumps(data)` in pieces, and whether what was added to `raw` may hold a long integer
    (`codec.long_integer`); made from `raw` (which is `dumps` of the tables in `before` and of
    the `vocabulary` document) and the records `data` appends to them; None when `data` does
    more than append.

    In the canonical text every record of a table sits on lines indented four spaces or
    more, and strings never hold a raw line break, so `\n  "<table>": ` opens a table and
    nothing else. A table is `{}` or `{\n    <records>\n  }`; appending records whose ids
    sort after every stored one (TinyDB hands out the next number) extends the records
    part, and the meta table, which a write rewrites, is serialised anew.
    """
    import operator
    from itertools import islice

    # The meta table is written anew; the records are spliced, and so is the vocabulary
    # when it is the very document read (never changed in place: a transaction puts a
    # changed one in its place, `set_vocabulary`). Its indented text is made by the
    # standard library's pure-Python encoder, which took longer than the rest of a write.
    layout = tuple(t for t in LAYOUT if t != VOCABULARY or VOCABULARY in data)
    kept = VOCABULARY in data and data[VOCABULARY] is vocabulary
    tables: dict[str, Any] = {"meta": data.get("meta", {})}
    if VOCABULARY in data and not kept:
        tables[VOCABULARY] = data[VOCABULARY]
    for table in TABLES[1:]:
        old, now = before[table], data.get(table, {})
        if len(now) < len(old):
            return None
        # The stored records first, in their order, each the very object read: unchanged.
        if list(islice(now, len(old))) != list(old) or not all(
            map(operator.is_, islice(now.values(), len(old)), old.values())
        ):
            return None
        last = int(next(reversed(old))) if old else 0  # the stored ids are in order
        added = dict(islice(now.items(), len(old), None))
        if not all(k.isascii() and k.isdigit() and int(k) > last for k in added):
            return None
        tables[table] = added
    added_text = dumps(tables)
    old_parts = _table_texts(raw, layout)
    new_parts = _table_texts(added_text, tuple(t for t in layout if t != VOCABULARY or not kept))
    if old_parts is None or new_parts is None:
        return None
    out: list[bytes | memoryview] = [b"{\n"]
    for i, table in enumerate(layout):
        if table == "meta" or (table == VOCABULARY and not kept):
            bodies = [new_parts[table]]
        elif table == VOCABULARY:
            bodies = [old_parts[table]]
        else:
            bodies = [old_parts[table], new_parts[table]]
        bodies = [b for b in bodies if len(b)]
        out += [b'  "', table.encode(), b'": ']
        if bodies:
            out.append(b"{\n    ")
            for k, body in enumerate(bodies):
                out += [b",\n    ", body] if k else [body]
            out.append(b"\n  }")
        else:
            out.append(b"{}")
        out.append(b",\n" if i < len(layout) - 1 else b"\n")
    out.append(b"}\n")
    return out, long_integer(added_text)


def _rewritten(raw: bytes, data: dict[str, Any], vocabulary: Any) -> bytes:
    """`dumps(data)`, with the vocabulary's text taken from `raw` when `data` holds the very
    vocabulary document read from it (never changed in place, see `_appended`) and `raw` is
    bytes a write left (so laid out by `dumps`; empty otherwise): the standard library's
    pure-Python encoder takes longer over the 40 kB vocabulary than over a small store's
    records."""
    if not raw or vocabulary is None or data.get(VOCABULARY) is not vocabulary:
        return dumps(data)
    span = _vocabulary_span(raw)
    if span is None:
        return dumps(data)
    start, end = span
    text = dumps({**data, VOCABULARY: _STAND_IN})
    stand_in = _VOCABULARY_AT + b'"' + _STAND_IN.encode() + b'"' + _VOCABULARY_END
    at = text.find(stand_in, 0, 4096)
    if at < 0:
        return dumps(data)
    return b"".join((text[:at], raw[start:end], text[at + len(stand_in) - len(_VOCABULARY_END) :]))


def _table_texts(text: bytes, layout: Sequence[str] = TABLES) -> dict[str, memoryview] | None:
    """Each top-level part of the canonical text, in `layout` order, without its braces
    (empty for an empty table), or None when the text is not laid out as `dumps` lays it out."""
    if not (text.startswith(b"{\n") and text.endswith(b"\n}\n")):
        return None
    marks = []
    at = 0
    for table in layout:
        mark = _opening(table)
        at = text.find(mark, at)
        if at < 0:
            return None
        marks.append((at, at + len(mark)))
        at += len(mark)
    if marks[0][0] != 1:
        return None
    view = memoryview(text)
    out: dict[str, memoryview] = {}
    for i, table in enumerate(layout):
        start = marks[i][1]
        if i + 1 < len(layout):
            end = marks[i + 1][0] - 1
            if text[end] != 0x2C:  # the "," after the table
                return None
        else:
            end = len(text) - 3  # before the closing "\n}\n"
        if end - start == 2 and text[start:end] == b"{}":
            out[table] = view[start:start]
        elif (
            end - start > 10
            and text.startswith(b"{\n    ", start, end)
            and text.endswith(b"\n  }", start, end)
        ):
            out[table] = view[start + 6 : end - 4]
        else:
            return None
    return out


def _write_target(path: Path) -> Path:
    """The file a write goes to: through a symlink, the file it points to (replacing the
    link itself would leave the real store stale and the link turned into a copy).

    In a folder others can write to, a link is followed only if this user, root or the
    folder's owner made it, as the kernel's protected_symlinks rule does for /tmp: anyone
    else's link there may point at a file they want us to overwrite.
    """
    try:
        link = os.lstat(path)
    except OSError:
        return path
    if not stat.S_ISLNK(link.st_mode):
        return path
    try:
        folder = os.stat(_folder(path))
    except OSError:
        folder = None
    shared = folder is not None and folder.st_mode & 0o022
    if shared and folder is not None and link.st_uid not in (os.geteuid(), 0, folder.st_uid):
        raise StoreError(
            f"{path} is a link made by another user (uid {link.st_uid}) in a folder others can "
            f"write to; not followed for a write: nothing was written"
        )
    return Path(os.path.realpath(path))


def _same_file(fd: int, path: Path) -> bool:
    """Whether `path` (not followed if a link) names the file open as `fd`."""
    try:
        there = os.lstat(path)
    except OSError:
        return False
    mine = os.fstat(fd)
    return (there.st_dev, there.st_ino) == (mine.st_dev, mine.st_ino)


def _still_the_store(path: Path, held: tuple[int, os.stat_result] | None) -> bool:
    if held is None:  # a new store: nobody may have made one meanwhile
        return not os.path.lexists(path)
    return _same_file(held[0], path)


def _writable(path: Path, st: os.stat_result) -> bool:
    # os.access alone says yes to root for any file; a store without any write bit was
    # made read-only on purpose (chmod a-w), and the write would go round it by rename.
    return os.access(path, os.W_OK) and bool(st.st_mode & 0o222)


class _Lock:
    """A held lock on `path` (the lock file), open as `fd`."""

    def __init__(self, fd: int, path: Path, store_path: Path, location: Location) -> None:
        self.fd, self.path, self._store, self._location = fd, path, store_path, location

    def ensure(self) -> None:
        """Make sure the lock is still the file at the lock path, locking it again if not.

        Someone may remove or replace the lock file while we hold it (a tidy-up script, a
        neighbour in a shared folder); another writer may then have locked a new one. We
        lock whatever is there now, waiting for that writer if need be; the caller then
        checks that the store is still the file it read, so no write is lost either way.
        """
        if _same_file(self.fd, self.path):
            return
        fd = _acquire(self._store, self.path, self._location, time.monotonic())
        os.close(self.fd)
        self.fd = fd

    def release(self) -> None:
        """Let the lock go, removing its file first (see `_leaves_lock_file`)."""
        if not _leaves_lock_file(self._store) and _same_file(self.fd, self.path):
            # Removed while still held, and only by its holder: a writer that was waiting on
            # this file gets it once we close, finds it is no longer the file at the lock
            # path, and locks the one there now (`_acquire`), so no two writers ever both
            # hold the lock at its path. Nobody else removes a lock file between the check
            # and the unlink: a writer opening the name meanwhile opens this very file.
            try:
                os.unlink(self.path)
            except OSError:
                pass
        os.close(self.fd)  # closing releases the lock


def _leaves_lock_file(path: Path) -> bool:
    """Whether the lock file stays beside the store at `path` after a write: only beside a
    store that exists in a folder other users may write to. There writers of different users
    must all wait on one file, the store owner's (a lock file another user made there is
    refused, `_stranger`), so it is not made afresh by each. Elsewhere nothing is left: no
    lock file for a store never made, none beside a store in a private or git folder."""
    try:
        shared = os.stat(_folder(path)).st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    except OSError:
        return False
    return bool(shared) and os.path.lexists(path)


_LOCK_POLL = 0.05  # seconds between tries of a held lock
_NOTICE_AFTER = 1.0  # seconds of waiting before the writer says it is waiting


@contextmanager
def _exclusive_lock(path: Path, location: Location) -> Iterator[_Lock]:
    # A sidecar lock file, because the store itself is replaced by rename: a lock on the
    # old inode would not exclude a writer that opened the new one.
    lock_path = path.with_name(path.name + ".lock")
    lock = _Lock(_acquire(path, lock_path, location, time.monotonic()), lock_path, path, location)
    try:
        yield lock
    finally:
        lock.release()


def _acquire(path: Path, lock_path: Path, location: Location, started: float) -> int:
    """A descriptor of the lock file at `lock_path`, exclusively locked."""
    import fcntl

    noticed = False
    while True:
        fd = _open_lock(path, lock_path)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    waited = time.monotonic() - started
                    if waited >= location.wait:
                        raise StoreError(
                            f"{path}: another writer has held its lock for {location.wait:g} s; "
                            f"gave up, nothing was written (--wait SECONDS waits longer)"
                        ) from None
                    if not noticed and waited >= _NOTICE_AFTER and location.on_wait is not None:
                        noticed = True
                        location.on_wait()
                    time.sleep(min(_LOCK_POLL, max(location.wait - waited, 0.0)))
            # Locked a file that was removed or replaced while we waited: that lock
            # excludes nobody. Lock the file that is there now instead.
            if _same_file(fd, lock_path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
        if time.monotonic() - started > max(location.wait, 1.0):
            raise StoreError(f"cannot lock {path}: {lock_path} keeps being removed or replaced")


def _open_lock(path: Path, lock_path: Path) -> int:
    """The lock file, opened without following a link planted at its name.

    A symlink there is removed (that removes the link, never what it points to) and a real
    lock file made in its place; anything else that is not a regular file is refused.
    """
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    for _ in range(10):
        try:
            fd = os.open(lock_path, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                try:
                    os.unlink(lock_path)
                except FileNotFoundError:
                    pass
                except OSError as gone:
                    raise StoreError(f"cannot lock {path}: {lock_path} is a link ({gone.strerror})") from None
                continue
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and os.path.lexists(lock_path):
                # Another user's lock file we may not write: a lock needs only reading.
                try:
                    fd = os.open(lock_path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
                except OSError as again:
                    raise StoreError(f"cannot lock {path}: {again.strerror} ({lock_path})") from None
            elif exc.errno == errno.EISDIR:
                raise StoreError(f"cannot lock {path}: {lock_path} is a folder") from None
            else:
                raise StoreError(f"cannot lock {path}: {exc.strerror} ({lock_path})") from None
        st = os.fstat(fd)
        kind = file_kind(st.st_mode)
        if kind:
            os.close(fd)
            raise StoreError(f"cannot lock {path}: {lock_path} is {kind}, not a lock file")
        stranger = _stranger(st, path)
        if stranger is not None:
            os.close(fd)
            raise StoreError(
                f"cannot lock {path}: {lock_path} belongs to another user ({stranger}), who may hold "
                f"it at will in a folder others may write; nothing was written"
            )
        _give_to_store_owner(fd, st, path)
        return fd
    raise StoreError(f"cannot lock {path}: {lock_path} keeps being replaced by a link")


def _stranger(st: os.stat_result, path: Path) -> str | None:
    """Who owns a lock file, when that is neither this user nor the store's owner and the
    folder lets others make files (then it is theirs to hold): 'name (uid N)', else None."""
    if st.st_uid == os.geteuid():
        return None
    try:
        folder = os.stat(_folder(path))
        owner = os.stat(path).st_uid
    except OSError:
        return None
    if st.st_uid in (owner, 0) or not folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    try:
        import pwd

        return f"{pwd.getpwuid(st.st_uid).pw_name} (uid {st.st_uid})"
    except (ImportError, KeyError):
        return f"uid {st.st_uid}"


def _give_to_store_owner(fd: int, st: os.stat_result, path: Path) -> None:
    # Root writing a user's store would otherwise leave a root-owned lock file in their folder.
    if os.geteuid() != 0 or st.st_uid != 0:
        return
    try:
        owner = os.lstat(path)
    except OSError:
        owner = os.stat(_folder(path))
    if owner.st_uid != 0:
        try:
            os.fchown(fd, owner.st_uid, owner.st_gid)
        except OSError:
            pass


def _tmp_prefix(path: Path) -> str:
    return f"{_TMP_PREFIX}{path.name}-"


def _remove_stale_temps(path: Path) -> None:
    # Only a writer of this store killed mid-write leaves these; we hold its lock, so none
    # is live. Another store's temps in the same folder are its writers' own business, and
    # in a shared folder a file of that name may be someone else's: only our own go, and
    # links (unlink removes a link itself, never what it points to).
    folder = _folder(path)
    prefix = _tmp_prefix(path)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
            continue
        try:
            st = os.lstat(folder / name)
            if stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid():
                _remove_private_folder(folder, name)
            elif st.st_uid == os.geteuid() or stat.S_ISLNK(st.st_mode):
                os.unlink(folder / name)
        except OSError:
            pass


def _remove_private_folder(folder: Path, name: str) -> None:
    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder_fd)
        try:
            if os.fstat(fd).st_uid != os.geteuid():
                return
            for entry in os.listdir(fd):
                os.unlink(entry, dir_fd=fd)
        finally:
            os.close(fd)
        os.rmdir(name, dir_fd=folder_fd)
    finally:
        os.close(folder_fd)


def dumps(doc: dict[str, Any]) -> bytes:
    """The file's canonical text: indented, UTF-8 (Arabic readable), stable key order."""
    ordered: dict[str, Any] = {}
    for table in LAYOUT:
        if table == VOCABULARY:
            if VOCABULARY in doc:
                ordered[table] = doc[VOCABULARY]
            continue
        rows = doc.get(table, {})
        ordered[table] = {k: in_field_order(table, rows[k]) for k in sorted(rows, key=doc_key)}
    return encode_file(ordered)


def _in_file_order(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as `dumps` writes it: each table's records in their order, and each
    record's fields in the table's order (a replaced record may come with its fields in any
    order; the file and so a rebuilt index hold them in this one)."""
    return {
        t: rows if t == VOCABULARY else {k: in_field_order(t, rows[k]) for k in sorted(rows, key=doc_key)}
        for t, rows in doc.items()
    }


def doc_key(doc_id: str) -> tuple[int, str]:
    """The order of a table's keys in the store file: numbers as numbers, then the rest."""
    return (int(doc_id), "") if doc_id.isdigit() else (1 << 62, doc_id)


def in_field_order(table: str, record: dict[str, Any]) -> dict[str, Any]:
    order = FIELD_ORDER.get(table, ())
    if tuple(record) == order:
        return record  # already canonical, as every record this module wrote is
    out = {k: record[k] for k in order if k in record}
    out.update((k, v) for k, v in record.items() if k not in out)
    return out


def atomic_write(
    path: Path,
    data: bytes | Sequence[bytes | memoryview],
    like: os.stat_result | None = None,
    durable: bool = True,
) -> None:
    """Write `data` to `path` so that readers see the old file or the new, never a mix.

    The new file is written in a private folder (mode 0700, made afresh beside the store
    and reached only through its descriptor), gets the mode (and, where allowed, the owner
    and group) of `like`, the file it replaces, or 0644 for a new store, all on the open
    descriptor, and is renamed from there onto the store. `data` may come in pieces, written
    one after another (an append spliced into the bytes read, without joining them). In a folder others can write to,
    nothing anyone plants or swaps there can be followed or renamed in its place: they can
    neither enter the private folder nor change what its descriptor refers to.

    `durable` (the default) syncs the new file before the rename and the folder after it, so
    that a crash of the machine leaves the old file or the new one. A file that is checked
    for what it claims at each read (the record of the last write, trusted only when its
    digest is the store's) is written without: a crash may leave it empty or stale, which
    its reader takes for no record.
    """
    folder = _folder(path)
    mode = like.st_mode & 0o777 if like is not None else 0o644
    try:
        folder_fd = _open_temp(folder, path)
        try:
            _write_privately(folder_fd, path, data, mode, like, durable)
            if durable:
                try:
                    os.fsync(folder_fd)  # makes the rename itself durable
                except OSError:
                    pass
        finally:
            os.close(folder_fd)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise StoreError(f"{path}: cannot write ({exc.strerror}); nothing was changed") from None
        raise StoreError(f"{path}: write failed ({exc.strerror}); nothing was changed") from None


def _open_temp(folder: Path, path: Path) -> int:
    """The store's folder, opened: every later step names files relative to it."""
    return os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)


_NEW = "new"  # the new file's name inside its private folder


def _write_privately(
    folder_fd: int,
    path: Path,
    data: bytes | Sequence[bytes | memoryview],
    mode: int,
    like: os.stat_result | None,
    durable: bool,
) -> None:
    private, dir_fd = _private_folder(folder_fd, path)
    try:
        fd = os.open(
            _NEW, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=dir_fd
        )
        try:
            for piece in [data] if isinstance(data, bytes) else data:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
            if like is not None:
                _keep_owner(fd, like)
            os.fchmod(fd, mode)  # after fchown, which may clear set-id bits
        finally:
            os.close(fd)
        os.replace(_NEW, path.name, src_dir_fd=dir_fd, dst_dir_fd=folder_fd)
    except BaseException:
        # Interrupted or failed before the rename: the new file goes, the store stays.
        try:
            os.unlink(_NEW, dir_fd=dir_fd)
        except OSError:
            pass
        raise
    finally:
        os.close(dir_fd)
        try:
            os.rmdir(private, dir_fd=folder_fd)  # by name; rmdir never follows a link
        except OSError:
            pass


def _private_folder(folder_fd: int, path: Path) -> tuple[str, int]:
    """A new folder beside the store, made by us with mode 0700, and its descriptor."""
    for _ in range(100):
        name = _temp_name(path)
        try:
            os.mkdir(name, 0o700, dir_fd=folder_fd)
        except FileExistsError:
            continue
        try:
            fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=folder_fd)
        except OSError:
            continue  # swapped for a link or a file between mkdir and open
        st = os.fstat(fd)
        if st.st_uid == os.geteuid() and not st.st_mode & 0o077 and not os.listdir(fd):
            return name, fd
        os.close(fd)  # swapped for someone else's folder (or an old one of ours): make another
    raise FileExistsError(errno.EEXIST, "no private folder could be made")


def _keep_owner(fd: int, like: os.stat_result) -> None:
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) == (like.st_uid, like.st_gid):
        return
    # Root keeps the owner and group; another user can at most keep a group they are in.
    uid = like.st_uid if os.geteuid() == 0 else -1
    try:
        os.fchown(fd, uid, like.st_gid)
    except PermissionError:
        pass


def _temp_name(path: Path) -> str:
    return f"{_tmp_prefix(path)}{os.urandom(6).hex()}{_TMP_SUFFIX}"
