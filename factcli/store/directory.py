"""The directory store: a store as a folder of small files, one per source, that a team
keeps in git.

    meta.json            the store's meta table, as `facts.json` holds it
    <name>.json          every other top-level object of `facts.json` (the vocabulary), as it holds it
    entities.jsonl       one entity a line, in store order
    sources.txt          the source ids, one a line, in store order
    sources/<id>.json    one source: its metadata and its text, indented as `facts.json` is
    claims/<id>.jsonl    the claims citing source <id>, one a line, in the order they were added

Every file is UTF-8 with Arabic readable, each record's fields in the store's order, so a
`git diff` shows the records that changed, one line each. The records are those of
`facts.json`, and `convert` goes both ways; this module reads the folder into the document
`store` reads from a file, and writes back only the files a write changes.

A write locks what it changes, not the store: a shared lock on the folder, then one lock
per source it reads and writes, so writers to different sources run side by side; a write
that changes records of every source (an entity merged, an upgrade) takes the folder's lock
alone. The few files all writers may append to (entities, the source list, meta) are locked
only for the moment a write lands, and read again then: what another writer appended
meanwhile is kept. A write lands all at once: its files are written and fsynced in a
private folder, which is then renamed to a commit folder (the moment the write happens),
whose files are renamed into place. A reader that finds a commit folder reads through it;
a writer killed before its commit leaves nothing, and one killed after it is finished by
the next writer. Nothing is opened by a name someone else could swap: lock files and
records are opened without following links, and new files are made in folders only this
user can enter.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import store
from ..codec import compact_decoder, encode_file
from ..errors import StoreError
from ..records import SCHEMA_VERSION

__all__ = [
    "CLAIMS",
    "ENTITIES",
    "META",
    "NewStore",
    "Parts",
    "SOURCES",
    "SOURCE_LIST",
    "claim_line",
    "document",
    "document_part",
    "file_stamps",
    "folder_digest",
    "is_directory_store",
    "layout",
    "load",
    "position",
    "read_source",
    "source_ids",
    "stamp",
    "digest_text",
    "stamp_hash",
    "stamp_of",
    "stamps_digest",
    "unlisted_claim_files",
    "writing",
    "write_file",
    "write_new",
]

META = "meta.json"
ENTITIES = "entities.jsonl"
SOURCE_LIST = "sources.txt"
SOURCES = "sources"
CLAIMS = "claims"
GITATTRIBUTES = ".gitattributes"
GITIGNORE = ".gitignore"
# What git needs to merge two analysts' branches record by record (`merge.merge_file`): the
# driver itself is named in each clone's git config (README, "Working as a team").
GITATTRIBUTES_TEXT = "*.jsonl merge=factcli\n*.json merge=factcli\nsources.txt merge=factcli\n"
GITIGNORE_TEXT = ".factcli-*\n"
_LOCKS = ".factcli-locks"
_PREPARING = ".factcli-txn-"
_COMMITTED = ".factcli-commit-"
_PLAN = "plan.json"
_ALIVE = "alive"
# A top-level object of facts.json other than the record tables gets a file of its name.
_OBJECT_NAME = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_RECORD_TABLES = ("sources", "entities", "claims")


is_directory_store = store.is_directory_store


# --- the text of each file -------------------------------------------------------------


def _json_line(record: Any) -> bytes:
    import json

    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a damaged record): escaped, read back the same
        return (json.dumps(record) + "\n").encode("utf-8")


def claim_line(record: dict[str, Any]) -> bytes:
    """One record's line in a JSON Lines file of the store: its fields in the store's order."""
    return _json_line(record)


def _lines(table: str, records: list[dict[str, Any]]) -> bytes:
    return b"".join(_json_line(store.in_field_order(table, r)) for r in records)


def pretty_json(value: Any) -> bytes:
    try:
        return encode_file(value)
    except UnicodeEncodeError:
        import json

        return (json.dumps(value, indent=2) + "\n").encode("utf-8")


def _object_text(value: Any) -> str:
    """`value` as compact JSON, by the standard module's C encoder: two values have the same
    compact text exactly when they have the same file text (`pretty_json` lays out the same
    keys, order and numbers, only with indentation), so a write tells whether it changed a
    top-level object (the vocabulary) without laying it out twice in pure Python."""
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def layout(doc: dict[str, Any]) -> dict[str, bytes]:
    """Every file of the directory store holding the parsed store document `doc`, by its
    path in the folder. Raises StoreError for a record that cannot be placed (a source id
    that is no file name, a claim citing no stored source)."""
    files: dict[str, bytes] = {}
    for name, value in doc.items():
        if name in _RECORD_TABLES:
            continue
        if not _OBJECT_NAME.match(name):
            raise StoreError(f"top-level object {name!r} has no file name a directory store can use")
        files[f"{name}.json"] = pretty_json(value)
    files[ENTITIES] = _lines("entities", _rows(doc, "entities"))
    sources = _rows(doc, "sources")
    ids: list[str] = []
    for src in sources:
        sid = src.get("id")
        if not _source_file_id(sid):
            raise StoreError(f"source {sid!r}: not an id a file can be named by (factcli verify)")
        if f"{SOURCES}/{sid}.json" in files:
            raise StoreError(f"source {sid!r} is stored twice (factcli verify)")
        ids.append(str(sid))
        files[f"{SOURCES}/{sid}.json"] = pretty_json(store.in_field_order("sources", src))
    files[SOURCE_LIST] = "".join(f"{sid}\n" for sid in ids).encode("utf-8")
    groups: dict[str, list[dict[str, Any]]] = {sid: [] for sid in ids}
    for claim in _rows(doc, "claims"):
        cited = (
            (claim.get("citation") or {}).get("source") if isinstance(claim.get("citation"), dict) else None
        )
        if cited not in groups:
            raise StoreError(f"claim {claim.get('id')!r} cites no stored source ({cited!r}; factcli verify)")
        groups[cited].append(claim)
    for sid, claims in groups.items():
        if claims:
            files[f"{CLAIMS}/{sid}.jsonl"] = _lines("claims", claims)
    return files


def _rows(doc: dict[str, Any], table: str) -> list[dict[str, Any]]:
    rows = doc.get(table) or {}
    return [rows[k] for k in sorted(rows, key=store.doc_key)]


def _source_file_id(sid: object) -> bool:
    from ..schema import SLUG

    return isinstance(sid, str) and SLUG.match(sid) is not None and sid not in (".", "..")


# --- reading ----------------------------------------------------------------------------


class _Read:
    """The files of a directory store as read: bytes and status by path in the folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.overlay = _committed_overlay(root)
        self.stats: dict[str, tuple[int, int, int] | None] = {}
        self.raw: dict[str, bytes] = {}
        self.positions: list[int] = []  # each claim's row in the index (`position`)

    def read(self, rel: str, missing_ok: bool = False) -> bytes | None:
        data, st = read_document(self.root, rel, self.overlay.get(rel), missing_ok)
        self.stats[rel] = _key(st) if st is not None else None
        if data is not None:
            self.raw[rel] = data
        return data


def _key(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def read_document(
    root: Path, rel: str, journal: Path | None, missing_ok: bool
) -> tuple[bytes | None, os.stat_result | None]:
    """A store file's bytes and status, read without following a link; through a commit
    that has not yet been renamed into place (`journal`) when there is one."""
    for path in ([journal] if journal is not None else []) + [root / rel]:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            continue
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                raise StoreError(f"{root / rel} is a symbolic link, not a store file") from None
            raise StoreError(f"{root / rel}: {exc.strerror}") from None
        try:
            st = os.fstat(fd)
            kind = store.file_kind(st.st_mode)
            if kind:
                raise StoreError(f"{root / rel} is {kind}, not a store file")
            limit = store.max_store_bytes()
            if st.st_size > limit:
                raise store._too_large(root / rel, st.st_size)
            return store._read_fd(fd, root / rel, limit), st
        finally:
            os.close(fd)
    if missing_ok:
        return None, None
    raise StoreError(f"{root}: not a factcli directory store: no {rel}")


def _committed_overlay(root: Path) -> dict[str, Path]:
    """Files of a write that has happened (its commit folder is there) and are not yet in
    place: by their path in the store, where they are now."""
    out: dict[str, Path] = {}
    try:
        names = sorted(n for n in os.listdir(root) if n.startswith(_COMMITTED))
    except OSError:
        return out
    for name in names:
        plan = _plan(root / name)
        if plan is None:
            continue
        for tmp, rel in plan.get("files", []):
            out[rel] = root / name / tmp
    return out


def _plan(folder: Path) -> dict[str, Any] | None:
    try:
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None  # gone, or a link: nothing a reader reads through
    try:
        return _plan_at(dfd)
    finally:
        os.close(dfd)


def _plan_at(dfd: int) -> dict[str, Any] | None:
    try:
        fd = os.open(_PLAN, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dfd)
    except OSError:
        return None
    try:
        raw = os.read(fd, 1 << 24)
    finally:
        os.close(fd)
    try:
        import json

        plan = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    ok = isinstance(plan, dict) and all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
        for p in plan.get("files", [])
    )
    return plan if ok and all(_safe_rel(rel) for _, rel in plan.get("files", [])) else None


def _safe_rel(rel: str) -> bool:
    parts = rel.split("/")
    return (
        0 < len(parts) <= 2
        and all(p and p not in (".", "..") for p in parts)
        and (len(parts) == 1 or parts[0] in (SOURCES, CLAIMS))
    )


def _parse_json(raw: bytes, where: Path) -> Any:
    try:
        return store._parse(raw, where)
    except StoreError as exc:
        raise StoreError(str(exc).replace("not a factcli store", "not a store file")) from None


def parse_lines(raw: bytes, where: Path) -> list[Any]:
    decode = compact_decoder()
    out = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StoreError(f"{where}: not UTF-8 (byte {exc.start})") from None
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = decode(line)
        except (ValueError, RecursionError) as exc:
            raise StoreError(f"{where}: line {n}: invalid JSON ({str(exc).splitlines()[0]})") from None
        if not isinstance(rec, dict):
            raise StoreError(f"{where}: line {n}: not a record (a JSON object)")
        out.append(rec)
    return out


def _source_ids(raw: bytes, where: Path) -> list[str]:
    try:
        ids = [ln.strip() for ln in raw.decode("utf-8").split("\n") if ln.strip()]
    except UnicodeDecodeError as exc:
        raise StoreError(f"{where}: not UTF-8 (byte {exc.start})") from None
    from ..schema import SLUG

    match = SLUG.match  # once for the list: a write of one source reads all of it
    bad = next((i for i in ids if match(i) is None or i in (".", "..")), None)
    if bad is not None:
        raise StoreError(f"{where}: {bad!r} is not a source id")
    return list(dict.fromkeys(ids))


def _read_document(reader: _Read, scope: Collection[str] | None) -> dict[str, Any]:
    """The store document (as `facts.json` parses) of the folder; with `scope`, only those
    sources and their claims (every entity and top-level object all the same)."""
    root = reader.root
    meta_raw = reader.read(META)
    assert meta_raw is not None
    doc: dict[str, Any] = {"meta": _parse_json(meta_raw, root / META)}
    for name in _object_files(root):
        raw = reader.read(name)
        assert raw is not None
        doc[name[: -len(".json")]] = _parse_json(raw, root / name)
    ents = parse_lines(reader.read(ENTITIES, missing_ok=True) or b"", root / ENTITIES)
    listed = _source_ids(reader.read(SOURCE_LIST, missing_ok=True) or b"", root / SOURCE_LIST)
    in_scope = None if scope is None else set(scope)
    wanted = listed if in_scope is None else [s for s in listed if s in in_scope]
    sources, claims = [], []
    for sid in wanted:
        raw = reader.read(f"{SOURCES}/{sid}.json", missing_ok=True)
        if raw is None:
            raise StoreError(
                f"{root}: source {sid!r} is listed in {SOURCE_LIST} but has no {SOURCES}/{sid}.json"
            )
        sources.append(_parse_json(raw, root / SOURCES / f"{sid}.json"))
    # Claims files of listed sources, then any other (a hand edit): nothing is hidden.
    others = sorted(set(_claim_files(root)) - set(listed)) if scope is None else []
    for k, sid in enumerate(wanted + others):
        rel = f"{CLAIMS}/{sid}.jsonl"
        lines = parse_lines(reader.read(rel, missing_ok=True) or b"", root / rel)
        claims += lines
        reader.positions += [position(k, i) for i in range(len(lines))]
    if scope is not None:
        for sid in scope:  # a source this write may add: known absent, so never made twice
            if sid not in wanted and _source_file_id(sid):
                reader.read(f"{SOURCES}/{sid}.json", missing_ok=True)
                reader.read(f"{CLAIMS}/{sid}.jsonl", missing_ok=True)
    doc["sources"] = {str(i): r for i, r in enumerate(sources, 1)}
    doc["entities"] = {str(i): r for i, r in enumerate(ents, 1)}
    doc["claims"] = {str(i): r for i, r in enumerate(claims, 1)}
    return doc


def _object_files(root: Path) -> list[str]:
    try:
        names = os.listdir(root)
    except OSError as exc:
        raise StoreError(f"{root}: {exc.strerror}") from None
    return sorted(n for n in names if n.endswith(".json") and n != META and _OBJECT_NAME.match(n[:-5]))


def _claim_files(root: Path) -> list[str]:
    try:
        names = os.listdir(root / CLAIMS)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StoreError(f"{root / CLAIMS}: {exc.strerror}") from None
    return [
        n[: -len(".jsonl")] for n in names if n.endswith(".jsonl") and _source_file_id(n[: -len(".jsonl")])
    ]


def document(root: Path) -> dict[str, Any]:
    """The whole store document of the folder at `root`, read as a reader reads it: again
    when a write landed meanwhile, so never half of one write."""
    return _document(root)[0]


def _document(root: Path) -> tuple[dict[str, Any], list[int]]:
    for _ in range(5):
        before = file_stamps(root)
        reader = _Read(root)
        doc = _read_document(reader, None)
        if MOVING not in before.values() and file_stamps(root) == before:
            return doc, reader.positions
    raise StoreError(f"{root} keeps changing while it is read; try again")


class Parts:
    """A directory store read file by file, for a conversion or an index build that never
    holds it whole (`convert`, `backend.build_folder_file`): the files as a reader reads them
    (through a commit not yet in place), and whether the folder changed meanwhile
    (`unchanged`: its files' stamps, taken before and after)."""

    def __init__(self, root: Path) -> None:
        if not os.path.lexists(root / META):
            raise StoreError(f"{root}: a folder, not a factcli store (no {META}; factcli convert makes one)")
        self.root = root
        self.stamps = file_stamps(root)
        self.overlay = _committed_overlay(root)

    def raw(self, rel: str) -> bytes | None:
        return read_document(self.root, rel, self.overlay.get(rel), missing_ok=True)[0]

    def objects(self) -> dict[str, Any]:
        """meta and every other top-level object (the vocabulary), by name."""
        out: dict[str, Any] = {}
        for rel in [META, *_object_files(self.root)]:
            raw = self.raw(rel)
            if raw is None:
                raise StoreError(f"{self.root}: not a factcli directory store: no {rel}")
            out[rel[: -len(".json")]] = _parse_json(raw, self.root / rel)
        return out

    def entities(self) -> list[dict[str, Any]]:
        return parse_lines(self.raw(ENTITIES) or b"", self.root / ENTITIES)

    def source_ids(self) -> list[str]:
        """The listed sources, in order."""
        return _source_ids(self.raw(SOURCE_LIST) or b"", self.root / SOURCE_LIST)

    def claim_files(self, listed: list[str]) -> list[str]:
        """Whose claims files to read, in the order a reader reads them: the listed sources',
        then any other (a hand edit) by name."""
        return listed + sorted(set(_claim_files(self.root)) - set(listed))

    def source(self, sid: str) -> dict[str, Any]:
        rel = f"{SOURCES}/{sid}.json"
        raw = self.raw(rel)
        if raw is None:
            raise StoreError(
                f"{self.root}: source {sid!r} is listed in {SOURCE_LIST} but has no {SOURCES}/{sid}.json"
            )
        record: dict[str, Any] = _parse_json(raw, self.root / rel)
        return record

    def claims(self, sid: str) -> list[dict[str, Any]]:
        rel = f"{CLAIMS}/{sid}.jsonl"
        return parse_lines(self.raw(rel) or b"", self.root / rel)

    def unchanged(self) -> bool:
        """Whether no file of the folder changed since this reading began."""
        return MOVING not in self.stamps.values() and file_stamps(self.root) == self.stamps


def load(location: store.Location) -> store.Facts:
    """Read the directory store without creating, locking or changing anything."""
    root = location.path
    if not os.path.lexists(root / META):
        raise StoreError(f"{root}: a folder, not a factcli store (no {META}; factcli convert makes one)")
    doc, positions = _document(root)
    store.check_shape(doc, root)
    facts = store.snapshot_of(doc, root, copy=False)
    facts.positions = positions
    return facts


def stamp(root: Path) -> dict[str, Any]:
    """What an index records of the directory store it was built from: the folder, and a
    digest of the status of every file in it (`file_stamps`: a write to any of them, a `git
    checkout`, a hand edit changes it)."""
    return {"inode": os.stat(root).st_ino, "files": folder_digest(root)}


def folder_digest(root: Path) -> str:
    """`stamps_digest(file_stamps(root))`, the check every read of a folder makes, worked out
    without a Python loop over its files: the two folders of per-source files are listed,
    each file's status taken and its `stamp_hash` summed by C loops (`map`), which at a
    million claims (80,000 files) is the status calls and little else. A folder with a
    commit under way, or a name that is not UTF-8, is looked at file by file instead."""
    total = _fast_total(root)
    return stamps_digest(file_stamps(root)) if total is None else digest_text(total)


def _fast_total(root: Path) -> int | None:
    import functools
    import itertools
    import operator
    import zlib

    fields = operator.attrgetter("st_size", "st_mtime_ns", "st_ino", "st_ctime_ns")  # `stamp_of`'s
    total = 0
    try:
        with os.scandir(root) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(_COMMITTED):
                    return None  # files not yet in place: `file_stamps` reads its plan
                if name.startswith((_LOCKS, _PREPARING)) or entry.is_dir(follow_symlinks=False):
                    continue
                total += stamp_hash(name, stamp_of(entry.stat(follow_symlinks=False)))
        for sub in (SOURCES, CLAIMS):
            try:
                fd = os.open(root / sub, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            except (FileNotFoundError, NotADirectoryError):
                continue
            try:
                names = os.listdir(fd)
                status = map(functools.partial(os.stat, dir_fd=fd, follow_symlinks=False), names)
                crcs = map(
                    zlib.crc32, map(str.encode, names), itertools.repeat(zlib.crc32(f"{sub}/".encode()))
                )
                total += sum(map(hash, zip(crcs, map(fields, status), strict=True)))
            finally:
                os.close(fd)
    except (FileNotFoundError, UnicodeEncodeError):
        return None  # a file moving (a commit being finished), or a name that is not UTF-8
    return total


Stamp = tuple[int, int, int, int]  # a file's size, mtime_ns, inode and ctime_ns


def stamps_digest(stamps: dict[str, Stamp]) -> str:
    """One digest of the files' stamps (`file_stamps`): the sum of each file's
    (`stamp_hash`), so that a write can move it by the files it changed alone."""
    return digest_text(sum(stamp_hash(rel, st) for rel, st in stamps.items()))


_DIGEST_BITS = 128


def stamp_hash(rel: str, st: Stamp) -> int:
    """One file's part of `stamps_digest`: Python's hash of the CRC-32 of its path and its
    stamp, numbers whose hash is the same in every process (strings' are not), so that a
    read (`folder_digest`) works it out in C loops; another Python version may hash them
    otherwise, which only makes its first read bring the index up to the files again."""
    import zlib

    return hash((zlib.crc32(rel.encode("utf-8", "surrogatepass")), st))


def digest_text(total: int) -> str:
    """A sum of `stamp_hash`es as `stamps_digest` writes it."""
    return f"{total % (1 << _DIGEST_BITS):032x}"


def stamp_of(st: os.stat_result) -> Stamp:
    """A file's stamp (`file_stamps`) from its status."""
    return (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)


# The stamp of a file that is moving (a commit being finished while the folder is looked
# at): never one an index recorded, so the folder is looked at again.
MOVING: Stamp = (-1, -1, -1, -1)


def file_stamps(root: Path) -> dict[str, Stamp]:
    """The status of every file of the store by its path in the folder (size, mtime, inode,
    ctime), as a reader reads them: a file of a write that has happened but is not yet in
    place is stamped as found in its commit folder. A file any write, `git checkout` or hand
    edit changes gets another stamp; files nobody changed keep theirs, so an index can tell
    which sources to read again (`index.folder`)."""
    out: dict[str, Stamp] = {}
    commits: list[str] = []
    for folder, prefix in ((root, ""), (root / SOURCES, SOURCES + "/"), (root / CLAIMS, CLAIMS + "/")):
        listed = _listed_stamps(folder, prefix) if prefix else None
        if listed is not None:
            out.update(listed)
            continue
        try:
            entries = os.scandir(folder)
        except (FileNotFoundError, NotADirectoryError):
            continue
        with entries:
            for entry in entries:
                name = entry.name
                if prefix == "":
                    if name.startswith(_COMMITTED):
                        commits.append(name)
                        continue
                    if name.startswith((_LOCKS, _PREPARING)) or entry.is_dir(follow_symlinks=False):
                        continue
                try:
                    out[prefix + name] = stamp_of(entry.stat(follow_symlinks=False))
                except FileNotFoundError:
                    out[prefix + name] = MOVING
    for name in sorted(commits):
        plan = _plan(root / name)
        if plan is None:  # being tidied away: nothing in it is read (`_committed_overlay`)
            continue
        for tmp, rel in plan.get("files", []):
            try:
                out[rel] = stamp_of(os.lstat(root / name / tmp))
            except FileNotFoundError:
                # Renamed into place already (a reader reads it there too): the file in place
                # is stamped. A writer killed while finishing leaves such a commit for good,
                # and the folder must still read; a rename under way changes the stamp in
                # place, which the reader's second look sees.
                pass
        for rel in plan.get("remove", []):
            if isinstance(rel, str):
                out.pop(rel, None)
    return out


def _listed_stamps(folder: Path, prefix: str) -> dict[str, Stamp] | None:
    """`file_stamps` of one folder of per-source files, made by C loops (`map`) over its
    listing; None when the folder cannot be listed or a file goes meanwhile (looked at file
    by file then)."""
    import functools
    import operator

    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        names = os.listdir(fd)
        fields = operator.attrgetter("st_size", "st_mtime_ns", "st_ino", "st_ctime_ns")
        status = map(functools.partial(os.stat, dir_fd=fd, follow_symlinks=False), names)
        return dict(zip(map(prefix.__add__, names), map(fields, status), strict=True))
    except OSError:
        return None
    finally:
        os.close(fd)


def position(file_number: int, line: int) -> int:
    """The index row of the claim on `line` (0 first) of the `file_number`th claims file (0
    first, in `sources.txt` order, then any other claims file by name): a source's claims
    keep their rows whatever any other source gains or loses."""
    return file_number * _POSITIONS + line + 1


# Rows a claims file may take (`position`): more lines than any store file can hold.
_POSITIONS = 1 << 32


def source_ids(root: Path) -> list[str]:
    """The source ids `sources.txt` lists, in order (through a commit not yet in place)."""
    raw = read_document(root, SOURCE_LIST, _committed_overlay(root).get(SOURCE_LIST), missing_ok=True)[0]
    return _source_ids(raw or b"", root / SOURCE_LIST)


def unlisted_claim_files(root: Path, listed: Collection[str]) -> list[str]:
    """The ids of claims files whose source `sources.txt` does not list (a hand edit), by name."""
    return sorted(set(_claim_files(root)) - set(listed))


def document_part(root: Path, rel: str) -> Any:
    """One JSON file of the store's top level (`meta.json`, the vocabulary), parsed, as a
    reader reads it (through a commit not yet in place); None when it is missing."""
    raw = read_document(root, rel, _committed_overlay(root).get(rel), missing_ok=True)[0]
    return None if raw is None else _parse_json(raw, root / rel)


def read_source(root: Path, sid: str) -> tuple[dict[str, Any] | None, list[dict[str, Any]], dict[str, Stamp]]:
    """One source as a reader reads it: its record (None when it has no file), its claims
    file's records in order, and the stamps of the two files as read (`file_stamps`; a
    missing file has none)."""
    overlay = _committed_overlay(root)
    stamps: dict[str, Stamp] = {}
    rel = f"{SOURCES}/{sid}.json"
    raw, st = read_document(root, rel, overlay.get(rel), missing_ok=True)
    record = None
    if raw is not None and st is not None:
        stamps[rel] = stamp_of(st)
        record = _parse_json(raw, root / rel)
    rel = f"{CLAIMS}/{sid}.jsonl"
    raw, st = read_document(root, rel, overlay.get(rel), missing_ok=True)
    claims: list[dict[str, Any]] = []
    if raw is not None and st is not None:
        stamps[rel] = stamp_of(st)
        claims = parse_lines(raw, root / rel)
    return record, claims, stamps


# --- locks ------------------------------------------------------------------------------


def _locks_folder(root: Path) -> Path:
    folder = root / _LOCKS
    try:
        os.mkdir(folder, 0o755)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"cannot lock {root}: {exc.strerror} ({folder})") from None
    st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode):
        raise StoreError(f"cannot lock {root}: {folder} is not a folder")
    owner = os.stat(root).st_uid
    if st.st_uid not in (os.geteuid(), owner, 0) or st.st_mode & 0o022 and st.st_uid != os.geteuid():
        raise StoreError(
            f"cannot lock {root}: {folder} belongs to another user (uid {st.st_uid}); nothing was written"
        )
    return folder


class _Held:
    """The locks a write holds, released in reverse order."""

    def __init__(self, root: Path, location: store.Location) -> None:
        self.root, self.location = root, location
        self.fds: list[tuple[int, Path]] = []
        self.started = time.monotonic()

    def take(self, name: str, shared: bool = False) -> None:
        import fcntl

        path = _locks_folder(self.root) / f"{name}.lock"
        fd = store._open_lock(self.root, path)
        noticed = False
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waited = time.monotonic() - self.started
                if waited >= self.location.wait:
                    os.close(fd)
                    raise StoreError(
                        f"{self.root}: another writer has held its lock for {self.location.wait:g} s; "
                        f"gave up, nothing was written (--wait SECONDS waits longer)"
                    ) from None
                if not noticed and waited >= 1.0 and self.location.on_wait is not None:
                    noticed = True
                    self.location.on_wait()
                time.sleep(0.02)
        self.fds.append((fd, path))

    def intact(self) -> bool:
        """Whether every lock held is still the file at its path (nobody removed one)."""
        return all(store._same_file(fd, path) for fd, path in self.fds)

    def release(self) -> None:
        while self.fds:
            fd, _ = self.fds.pop()
            os.close(fd)


def _source_lock(sid: str) -> str:
    return "source-" + sid


# --- writing ----------------------------------------------------------------------------


@contextmanager
def writing(
    location: store.Location,
    create: bool = False,
    *,
    upgrade: Callable[[dict[str, Any]], dict[str, Any] | None] | None = None,
    on_written: Callable[[store.Written], None] | None = None,
    sources: Collection[str] | None = None,
) -> Iterator[store.Transaction]:
    """`store.writing` for a directory store. With `sources`, the write reads and may change
    only those sources and their claims (and may add entities and sources): it locks just
    them, and runs beside writers to other sources. Without, it reads and locks it all.

    `on_written` is told of every write, once its locks are released (its `facts` hold what
    the write read and wrote: all of the store, or its `sources`); the index reads the
    sources whose files changed (`index.folder`)."""
    root = location.path
    if location.readonly:
        raise StoreError(f"{root} is read-only; write to your own copy with --db PATH")
    fresh = create and not os.path.lexists(root / META)
    if fresh:
        if os.listdir(root):
            raise StoreError(
                f"{root} is a folder holding other files, not a factcli store: nothing was written"
            )
    elif not os.path.lexists(root / META):
        raise StoreError(f"{root}: a folder, not a factcli store (no {META}; factcli convert makes one)")
    if not os.access(root, os.W_OK):
        raise StoreError(f"{root} is read-only: nothing was written")
    _recover(root, location)
    scope = None if sources is None else sorted({s for s in sources if _source_file_id(s)})
    held = _Held(root, location)
    written: store.Written | None = None
    try:
        held.take("store", shared=scope is not None)
        for sid in scope or ():
            held.take(_source_lock(sid))
        reader = _Read(root)
        if fresh:
            doc = store.empty_document()
        else:
            doc = _read_document(reader, scope)
            store.check_shape(doc, root)
        meta: dict[str, Any] = next(iter(doc["meta"].values()), {})
        version = meta.get("schema")
        if scope is not None and version != SCHEMA_VERSION:
            # An upgrade changes every source's records: it is a write of the whole store.
            held.release()
            held = _Held(root, location)
            held.take("store")
            reader = _Read(root)
            doc = _read_document(reader, None)
            store.check_shape(doc, root)
            scope = None
        upgraded = store._upgraded(doc, root, upgrade)
        as_read = {t: dict(doc[t]) for t in _RECORD_TABLES}
        objects_read = {k: _object_text(v) for k, v in doc.items() if k not in _RECORD_TABLES}
        from tinydb import TinyDB

        box: dict[str, store._SnapshotStorage] = {}

        def storage_factory(data: dict[str, Any]) -> store._SnapshotStorage:
            box["s"] = store._SnapshotStorage(data)
            return box["s"]

        db = TinyDB(storage=storage_factory, data=doc)
        tx = store.Transaction(db, doc, root, fresh)
        tx.upgraded = upgraded
        yield tx
        storage = box["s"]
        if not (storage.dirty or fresh or upgraded):
            return
        files, removed = _changes(root, as_read, objects_read, storage.data, scope, fresh)
        _land(root, reader, held, files, removed, scope, fresh, location)
        if on_written is not None:
            facts = store.snapshot_of(_in_order(storage.data), root, copy=False)
            rows = (len(facts.entities), len(facts.sources), len(facts.claims))
            changed = tuple(sorted({*files, *removed}))
            written = store.Written(root, facts, store.LastWrite("", tx.sound, True, rows), None, changed)
    finally:
        held.release()
    if written is not None and on_written is not None:
        # Told once the locks are released: the index follows the folder by its files'
        # stamps, not by this write's records, so writers to other sources go on meanwhile.
        try:
            on_written(written)
        except Exception:  # noqa: BLE001 - the store is written; a stale index is rebuilt on read
            pass


def _in_order(data: dict[str, Any]) -> dict[str, Any]:
    """The document as the folder now holds it: claims by source, in source order."""
    out = {k: v for k, v in data.items() if k not in _RECORD_TABLES}
    sources = _rows(data, "sources")
    order = {s.get("id"): i for i, s in enumerate(sources)}
    claims = sorted(
        _rows(data, "claims"), key=lambda c: order.get((c.get("citation") or {}).get("source"), len(order))
    )
    out["sources"] = {str(i): r for i, r in enumerate(sources, 1)}
    out["entities"] = {
        str(i): store.in_field_order("entities", r) for i, r in enumerate(_rows(data, "entities"), 1)
    }
    out["claims"] = {str(i): store.in_field_order("claims", r) for i, r in enumerate(claims, 1)}
    return out


def _cited(claim: dict[str, Any]) -> Any:
    cit = claim.get("citation")
    return cit.get("source") if isinstance(cit, dict) else None


class _Change:
    """What a write does to one shared file: replace it, or append to whatever it holds by
    the time the write lands (`append`, with `ids` that must not be there already)."""

    def __init__(self, data: bytes, append: bool = False, ids: Collection[str] = ()) -> None:
        self.data, self.append, self.ids = data, append, ids


def _changes(
    root: Path,
    as_read: dict[str, dict[str, Any]],
    objects_read: dict[str, str],
    data: dict[str, Any],
    scope: list[str] | None,
    fresh: bool,
) -> tuple[dict[str, _Change], list[str]]:
    """The files to write (by path in the folder) and to remove, for `data` written over the
    document read (`as_read`: each table as read, its records the very objects read)."""
    files: dict[str, _Change] = {}
    removed: list[str] = []
    for name, value in data.items():
        if name in _RECORD_TABLES:
            continue
        if fresh or objects_read.get(name) != _object_text(value):
            if not _OBJECT_NAME.match(name):
                raise StoreError(f"top-level object {name!r} has no file name a directory store can use")
            files[f"{name}.json"] = _Change(pretty_json(value))
    # entities: appended to, or rewritten
    old_e, new_e = _rows(as_read, "entities"), _rows(data, "entities")
    added_e = _appended_rows(old_e, new_e)
    if added_e is None:
        files[ENTITIES] = _Change(_lines("entities", new_e))
    elif added_e or fresh:
        files[ENTITIES] = _Change(
            _lines("entities", added_e), append=True, ids=[str(e.get("id")) for e in added_e]
        )
    # sources
    old_s = {s.get("id"): s for s in _rows(as_read, "sources")}
    new_s = _rows(data, "sources")
    new_ids: list[str] = [str(s.get("id")) for s in new_s]
    for src in new_s:
        sid = src.get("id")
        if old_s.get(sid) is not src:
            if not _source_file_id(sid):
                raise StoreError(f"source {sid!r}: not an id a file can be named by")
            files[f"{SOURCES}/{sid}.json"] = _Change(pretty_json(store.in_field_order("sources", src)))
    gone = [sid for sid in old_s if sid not in set(new_ids)]
    removed += [f"{SOURCES}/{sid}.json" for sid in gone]
    added_s = [sid for sid in new_ids if sid not in old_s]
    if gone:
        if scope is not None:
            raise StoreError(f"{root}: a write of some sources cannot remove one")
        files[SOURCE_LIST] = _Change("".join(f"{s}\n" for s in new_ids).encode())
    elif added_s or fresh:
        files[SOURCE_LIST] = _Change("".join(f"{s}\n" for s in added_s).encode(), append=True, ids=added_s)
    # claims, by source
    old_c: dict[Any, list[dict[str, Any]]] = {}
    for c in _rows(as_read, "claims"):
        old_c.setdefault(_cited(c), []).append(c)
    new_c: dict[Any, list[dict[str, Any]]] = {}
    for c in _rows(data, "claims"):
        new_c.setdefault(_cited(c), []).append(c)
    for sid in set(old_c) | set(new_c):
        before, now = old_c.get(sid, []), new_c.get(sid, [])
        if len(before) == len(now) and all(a is b for a, b in zip(before, now, strict=True)):
            continue
        if sid not in set(new_ids) and now:
            raise StoreError(f"claim {now[0].get('id')!r} cites no stored source ({sid!r})")
        if scope is not None and sid not in scope and sid not in added_s:
            raise StoreError(f"{root}: this write changed claims of source {sid!r}, which it did not lock")
        rel = f"{CLAIMS}/{sid}.jsonl"
        added = _appended_rows(before, now)
        if not now:
            removed.append(rel)
        elif added is not None and before:
            files[rel] = _Change(_lines("claims", added), append=True, ids=[])
        else:
            files[rel] = _Change(_lines("claims", now))
    if fresh:
        files[GITATTRIBUTES] = _Change(GITATTRIBUTES_TEXT.encode())
        files[GITIGNORE] = _Change(GITIGNORE_TEXT.encode())
    return files, removed


def _appended_rows(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The records `new` adds after `old`'s own (the very objects read), or None when it
    does more than append."""
    if len(new) < len(old) or not all(a is b for a, b in zip(old, new[: len(old)], strict=True)):
        return None
    return new[len(old) :]


# Files every writer may append to, locked only while a write lands.
_SHARED = {ENTITIES: "entities", SOURCE_LIST: "source-list", META: "meta"}


def _land(
    root: Path,
    reader: _Read,
    held: _Held,
    files: dict[str, _Change],
    removed: list[str],
    scope: list[str] | None,
    fresh: bool,
    location: store.Location,
) -> None:
    """Write `files` and remove `removed` as one write (see the module's docstring)."""
    if scope is not None:
        for rel in sorted(r for r in files if r in _SHARED or r.endswith(".json") and "/" not in r):
            held.take(_SHARED.get(rel, "object-" + rel))
    if not held.intact():
        raise StoreError(
            f"{root}: a lock file was removed during this write; nothing was written, run the command again"
        )
    final: dict[str, bytes] = {}
    for rel, change in files.items():
        read = reader.stats.get(rel)
        now = _status(root, rel)
        if change.append:
            if now != read:  # another writer appended meanwhile (only to a shared file)
                if rel not in _SHARED:
                    raise _changed(root)
                current = read_document(root, rel, None, missing_ok=True)[0] or b""
                clash = _clash(rel, current, change.ids)
                if clash:
                    raise StoreError(
                        f"{root}: another writer added {clash!r} during this write; nothing was written, "
                        f"run the command again"
                    )
            else:
                current = reader.raw.get(rel, b"")
            final[rel] = (
                current + change.data
                if current.endswith(b"\n") or not current
                else current + b"\n" + change.data
            )
        else:
            if now != read and not fresh:
                if rel == META and scope is not None:
                    final[rel] = _merged_meta(root, reader, change.data)
                    continue
                raise _changed(root)
            final[rel] = change.data
    for rel in removed:
        if _status(root, rel) != reader.stats.get(rel):
            raise _changed(root)
    _commit(root, final, removed)


def _changed(root: Path) -> StoreError:
    return StoreError(
        f"{root} was changed by another program during this write (was a lock file removed?); "
        f"nothing was written, run the command again"
    )


def _status(root: Path, rel: str) -> tuple[int, int, int] | None:
    try:
        return _key(os.lstat(root / rel))
    except FileNotFoundError:
        return None


def _clash(rel: str, current: bytes, ids: Collection[str]) -> str | None:
    if not ids:
        return None
    if rel == SOURCE_LIST:
        there = set(current.decode("utf-8", "replace").split())
    else:
        there = {r.get("id") for r in parse_lines(current, Path(rel))}
    return next((i for i in ids if i in there), None)


def _merged_meta(root: Path, reader: _Read, mine: bytes) -> bytes:
    """meta.json as another writer left it, with this write's higher claim counter: the
    only meta change a write of some sources makes (a numbered id imported)."""
    import json

    theirs = json.loads((read_document(root, META, None, missing_ok=False)[0] or b"{}").decode("utf-8"))
    ours = json.loads(mine.decode("utf-8"))
    t: dict[str, Any] = next(iter(theirs.values()), {})
    o: dict[str, Any] = next(iter(ours.values()), {})
    if {k: v for k, v in t.items() if k != "last_claim"} != {k: v for k, v in o.items() if k != "last_claim"}:
        raise _changed(root)
    t["last_claim"] = max(int(t.get("last_claim", 0)), int(o.get("last_claim", 0)))
    return pretty_json(theirs)


def _commit(root: Path, files: dict[str, bytes], removed: list[str]) -> None:
    """Write every file in a private folder, make that folder the commit, rename each file
    into place, and tidy up: killed at any moment, the store is the old one or the new.

    The folder is used through a descriptor opened when it was made, never again by its
    name: in a folder others may write to, a neighbour who swaps it for a link (to a folder
    of theirs or of root's) gets no file written there, and a commit whose folder was swapped
    before its rename is refused, not reported done."""
    import fcntl
    import json

    name = _new_folder(root, _PREPARING)
    try:
        dfd = os.open(root / name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        raise StoreError(f"{root}: write failed ({exc.strerror}); nothing was changed") from None
    alive = -1
    try:
        mine = os.fstat(dfd)
        if mine.st_uid != os.geteuid():
            raise StoreError(f"{root}: write failed (its private folder was swapped); nothing was changed")
        alive = os.open(
            _ALIVE, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=dfd
        )
        fcntl.flock(alive, fcntl.LOCK_EX)
        plan: list[list[str]] = []
        for n, (rel, data) in enumerate(sorted(files.items())):
            tmp = f"f{n}"
            write_file(Path(tmp), data, file_mode(root / rel), dir_fd=dfd)
            plan.append([tmp, rel])
        write_file(Path(_PLAN), json.dumps({"files": plan, "remove": removed}).encode(), 0o600, dir_fd=dfd)
        for sub in {rel.split("/")[0] for rel in files if "/" in rel}:
            try:
                os.mkdir(root / sub, 0o755)
            except FileExistsError:
                if not stat.S_ISDIR(os.lstat(root / sub).st_mode):
                    raise StoreError(f"{root / sub} is not a folder: nothing was written") from None
        committed = _COMMITTED + name[len(_PREPARING) :]
        os.rename(root / name, root / committed)  # the write happens here
        there = os.lstat(root / committed)
        if (there.st_dev, there.st_ino) != (mine.st_dev, mine.st_ino):
            # What was renamed is not this write's folder (a link put in its place): it is
            # taken away, and the write refused; readers never read through a link.
            if stat.S_ISLNK(there.st_mode):
                os.unlink(root / committed)
            raise StoreError(f"{root}: write failed (its private folder was swapped); nothing was changed")
        _fsync_dir(root)
        _finish_at(dfd, root / committed, root)
    except OSError as exc:
        raise StoreError(f"{root}: write failed ({exc.strerror}); nothing was changed") from None
    finally:
        if alive >= 0:
            os.close(alive)
        os.close(dfd)


def _finish(folder: Path, root: Path) -> None:
    """Finish a commit left by a writer that was killed: its folder, opened without
    following a link, must be this user's."""
    try:
        dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return
    try:
        if os.fstat(dfd).st_uid == os.geteuid():
            _finish_at(dfd, folder, root)
    finally:
        os.close(dfd)


def _finish_at(dfd: int, folder: Path, root: Path) -> None:
    """Rename a commit's files (in the folder open as `dfd`) into place and remove the
    commit folder (`folder`, its name)."""
    plan = _plan_at(dfd) or {"files": [], "remove": []}
    touched = set()
    for tmp, rel in plan["files"]:
        try:
            os.replace(tmp, root / rel, src_dir_fd=dfd)
        except FileNotFoundError:
            pass  # renamed by a run of this before (a writer killed while finishing)
        touched.add((root / rel).parent)
    for rel in plan.get("remove", []):
        if isinstance(rel, str) and _safe_rel(rel):
            try:
                os.unlink(root / rel)
            except FileNotFoundError:
                pass
            touched.add((root / rel).parent)
    for d in touched:
        _fsync_dir(d)
    for leftover in (_PLAN, _ALIVE):
        try:
            os.unlink(leftover, dir_fd=dfd)
        except FileNotFoundError:
            pass
    try:
        os.rmdir(folder)
    except OSError:
        pass


def _recover(root: Path, location: store.Location) -> None:
    """Finish the commits and remove the unfinished writes of writers that were killed,
    under the store's own lock: no other write runs meanwhile."""
    try:
        names = [n for n in os.listdir(root) if n.startswith((_PREPARING, _COMMITTED))]
    except OSError:
        return
    dead = [n for n in names if not _alive(root / n)]
    if not dead:
        return
    held = _Held(root, location)
    try:
        held.take("store")
        for name in sorted(dead, key=lambda n: not n.startswith(_COMMITTED)):
            folder = root / name
            try:
                st = os.lstat(folder)
            except FileNotFoundError:
                # Its writer was not dead but between its folder and its lock, and has
                # finished since (this lock waited for it), or another recovery came first.
                continue
            if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.geteuid() or _alive(folder):
                continue
            if name.startswith(_COMMITTED):
                _finish(folder, root)
            else:
                store._remove_private_folder(root, name)
    finally:
        held.release()


def _alive(folder: Path) -> bool:
    """Whether the writer that made `folder` still runs (it holds the lock on its file)."""
    import fcntl

    try:
        fd = os.open(folder / _ALIVE, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def _new_folder(root: Path, prefix: str) -> str:
    for _ in range(100):
        name = f"{prefix}{os.urandom(6).hex()}"
        try:
            os.mkdir(root / name, 0o700)
        except FileExistsError:
            continue
        st = os.lstat(root / name)
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.geteuid():
            return name
    raise StoreError(f"{root}: no private folder could be made for a write")


def file_mode(path: Path) -> int:
    try:
        return os.lstat(path).st_mode & 0o777
    except OSError:
        return 0o644


def write_file(path: Path, data: bytes, mode: int, dir_fd: int | None = None) -> None:
    """A new file at `path` (in the folder open as `dir_fd` when given; never one that
    exists, never through a link), fsynced."""
    fd = os.open(
        path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=dir_fd
    )
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
        os.fchmod(fd, mode)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_new(root: Path, doc: dict[str, Any]) -> None:
    """Make a new directory store at `root` (which must not exist) holding `doc`: built in a
    private folder beside it and renamed into place whole."""
    claims: dict[Any, list[dict[str, Any]]] = {}
    for claim in _rows(doc, "claims"):
        claims.setdefault(_cited(claim), []).append(claim)
    sources = _rows(doc, "sources")
    stored = {s.get("id") for s in sources}
    for cited, some in claims.items():
        if cited not in stored:
            raise StoreError(
                f"claim {some[0].get('id')!r} cites no stored source ({cited!r}; factcli verify)"
            )
    new = NewStore(root)
    try:
        for src in sources:
            new.add_source(src, claims.pop(src.get("id"), []))
        objects = {k: v for k, v in doc.items() if k not in _RECORD_TABLES}
        new.finish(objects, _rows(doc, "entities"))
    except BaseException:
        new.abandon()
        raise


class NewStore:
    """A new directory store written source by source, so that what is held in memory is one
    source at a time however large the store (`convert`, the importer's bulk path): its files
    are made in a private folder beside `root`, which `finish` renames into place whole. A
    failure (`abandon`) or a kill before that leaves nothing at `root`: only the private
    folder, named `.factcli-<name>-...`, which no command reads.

    The files are not fsynced one by one (at a million claims, 80,000 of them): the file
    system is synced once before the rename, which is what makes the store appear."""

    def __init__(self, root: Path) -> None:
        if os.path.lexists(root) and not (os.path.isdir(root) and not os.listdir(root)):
            raise StoreError(f"{root} already exists: nothing was written")
        self.root = root
        self.name = _new_folder(root.parent, f".factcli-{root.name}-")
        self.tmp = root.parent / self.name
        self.ids: list[str] = []
        self._seen: set[str] = set()
        os.mkdir(self.tmp / SOURCES, 0o755)
        os.mkdir(self.tmp / CLAIMS, 0o755)

    def add_source(self, src: dict[str, Any], claims: list[dict[str, Any]]) -> None:
        """One source and the claims citing it, in their order: written now."""
        sid = src.get("id")
        if not _source_file_id(sid):
            raise StoreError(f"source {sid!r}: not an id a file can be named by (factcli verify)")
        assert isinstance(sid, str)
        if sid in self._seen:
            raise StoreError(f"source {sid!r} is stored twice (factcli verify)")
        for claim in claims:
            if _cited(claim) != sid:
                raise StoreError(f"claim {claim.get('id')!r} does not cite source {sid!r}")
        self._seen.add(sid)
        self.ids.append(sid)
        _write_plain(self.tmp / SOURCES / f"{sid}.json", pretty_json(store.in_field_order("sources", src)))
        if claims:
            _write_plain(self.tmp / CLAIMS / f"{sid}.jsonl", _lines("claims", claims))

    def finish(self, objects: dict[str, Any], entities: list[dict[str, Any]]) -> None:
        """Write the store's other files (`objects`: meta and the vocabulary, by name) and put
        the store in place: synced first, then renamed to `root` whole."""
        files = {f"{name}.json": value for name, value in objects.items()}
        for rel in files:
            if not _OBJECT_NAME.match(rel[: -len(".json")]):
                raise StoreError(f"top-level object {rel[:-5]!r} has no file name a directory store can use")
        for rel, value in files.items():
            _write_plain(self.tmp / rel, pretty_json(value))
        _write_plain(self.tmp / ENTITIES, _lines("entities", entities))
        _write_plain(self.tmp / SOURCE_LIST, "".join(f"{sid}\n" for sid in self.ids).encode("utf-8"))
        _write_plain(self.tmp / GITATTRIBUTES, GITATTRIBUTES_TEXT.encode())
        _write_plain(self.tmp / GITIGNORE, GITIGNORE_TEXT.encode())
        os.sync()  # every file written, once, before the store appears
        for d in (self.tmp / SOURCES, self.tmp / CLAIMS, self.tmp):
            _fsync_dir(d)
        os.chmod(self.tmp, 0o755)
        try:
            os.rmdir(self.root)  # an empty folder given as the target
        except FileNotFoundError:
            pass
        os.rename(self.tmp, self.root)
        _fsync_dir(self.root.parent)

    def abandon(self) -> None:
        """Remove what was written: nothing is left at `root`."""
        import shutil

        shutil.rmtree(self.tmp, ignore_errors=True)


def _write_plain(path: Path, data: bytes) -> None:
    """A new file of a store being made (`NewStore`), never over one that exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
