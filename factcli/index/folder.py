"""A directory store's index, brought up to the folder's files source by source.

The index of a folder records the stamp of every file it was read from (`files`:
`directory.file_stamps`) and numbers each claim by its claims file (`directory.position`),
so the claims of one source keep their rows whatever another source gains. When the
folder's stamps are not the index's, only the sources whose files changed are read again
and their rows replaced: their claims' text, links and paragraphs, their entities' and
sources' counts, the people called counterparts, and the store's metadata. What changes the
rows of claims it did not write rebuilds the index whole: the entities (their names link
every claim), the vocabulary, a source removed or the list reordered, a claims file of no
listed source, a claim citing another source's text, or a change to who holds an office
(the claims that name the office link to its holder).

The file is changed in place, in SQLite's WAL mode: a reader reads it in one read
transaction (`backend.connect_ro(live=True)`), so it sees the index as one commit left it;
a writer killed before its commit leaves the index as it was. Every change to the file (an
update, or a rebuild renamed into place) is made under one lock beside it (`locked`), so
two never interleave and a rebuild never takes over another's write-ahead log. Answers are
the ones a fresh build gives (`tests/unit/test_index_folder.py`).
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .. import store
from ..analyze import analyzer
from ..codec import compact_decoder as _loads
from ..codec import compact_encoder as _dumps
from ..link import COUNTERPART_LINK
from ..records import SCHEMA_VERSION
from ..store import directory
from . import backend
from . import rows as _rows

__all__ = ["locked", "update"]

# The files of a directory store whose change only the rows of its sources follow.
_SOURCE_FILES = {directory.SOURCES: ".json", directory.CLAIMS: ".jsonl"}
_SOURCE_LIST = directory.SOURCE_LIST
# The linker of the entities and names last seen (`_replace`).
_LINKERS: dict[tuple[Any, ...], Any] = {}
# Files a build does not read, whose change the index only records.
_UNREAD = (".gitattributes", ".gitignore")


@contextmanager
def locked(ipath: Path, wait: bool = True) -> Iterator[bool]:
    """The lock every change to the index file at `ipath` is made under: a file beside it,
    in its private folder, made without following a link. Without `wait`, gives False at
    once when another process holds it (a writer then leaves its change to that process,
    or to the next read: either finds it by the files' stamps)."""
    import fcntl

    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(ipath.with_name(ipath.name + ".lock"), flags, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)


def update(
    root: Path,
    ipath: Path,
    check: Callable[[store.Facts], None] | None = None,
    written: Collection[str] | None = None,
) -> bool:
    """Bring the index at `ipath` up to the folder at `root`, in place, reading only the
    sources whose files changed; False (nothing changed) when it must be rebuilt whole, or
    is not an index of this folder made by this factcli. Called under `locked(ipath)`.

    A write names the files it changed (`written`): only those are looked at, and the
    index then follows them, whatever else changed meanwhile (which the next read finds by
    the folder's stamps, as the digest the index records is of the stamps it holds). Without
    it, every file of the folder is looked at. `check` runs on the records read (the CLI
    refuses a damaged store there)."""
    conn = sqlite3.connect(ipath, timeout=30.0, isolation_level=None)
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return False
        conn.execute("BEGIN IMMEDIATE")
        meta = backend.read_meta(conn)
        if any(meta.get(k) != v for k, v in backend.versions().items()):
            return False
        if meta.get("store") != os.path.realpath(root):
            return False
        done = _update(conn, root, meta, check, written)
        if not done:
            conn.execute("ROLLBACK")
            return False
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return True


def _now(root: Path) -> dict[str, directory.Stamp] | None:
    """The folder's stamps, once no commit is moving in it (None if one keeps moving)."""
    for _ in range(50):
        now = directory.file_stamps(root)
        if directory.MOVING not in now.values():
            return now
        time.sleep(0.01)
    return None


def _update(
    conn: sqlite3.Connection,
    root: Path,
    meta: dict[str, str],
    check: Callable[[store.Facts], None] | None,
    written: Collection[str] | None,
) -> bool:
    columns = "SELECT rel, size, mtime_ns, inode, ctime_ns FROM files"
    now: dict[str, directory.Stamp] | None
    if written is None:
        recorded = {row[0]: row[1:] for row in conn.execute(columns)}
        now = _now(root)
        if now is None:
            return False
    else:
        rels = sorted(set(written))
        recorded = {}
        for chunk in range(0, len(rels), 500):
            part = rels[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            recorded.update(
                {row[0]: row[1:] for row in conn.execute(f"{columns} WHERE rel IN ({marks})", part)}
            )
        now = {}
        for rel in rels:
            try:
                now[rel] = directory.stamp_of(os.lstat(root / rel))
            except FileNotFoundError:
                pass
    changed = {rel for rel in set(now) | set(recorded) if now.get(rel) != recorded.get(rel)}
    touched: set[str] = set()
    meta_changed = False
    for rel in changed:
        folder, _, name = rel.rpartition("/")
        if folder in _SOURCE_FILES and name.endswith(_SOURCE_FILES[folder]) and "/" not in folder:
            touched.add(name[: -len(_SOURCE_FILES[folder])])
        elif folder:
            continue  # not a file a build reads
        elif rel == directory.META:
            meta_changed = True
        elif rel == _SOURCE_LIST or rel in _UNREAD or not rel.endswith((".json", ".jsonl")):
            continue
        else:
            return False  # the entities or a top-level object (the vocabulary): every claim's rows
    known = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    if _SOURCE_LIST in changed:
        indexed = [i for (i,) in conn.execute("SELECT id FROM sources ORDER BY n")]
        listed = directory.source_ids(root)
        if listed[: len(indexed)] != indexed:
            return False  # a source removed, or the list reordered
        place = {sid: k for k, sid in enumerate(listed)}
        new_sources = listed[len(indexed) :]
        claims_dir = directory.CLAIMS + "/"
        if (
            written is not None
            or any(
                rel.startswith(claims_dir)
                and rel.endswith(".jsonl")
                and rel[len(claims_dir) : -len(".jsonl")] not in place
                for rel in now
            )
        ) and directory.unlisted_claim_files(root, listed):
            return False  # a claims file of no listed source: a build reads it after the others
    else:  # the sources listed are the ones indexed: the places of those touched are theirs
        place = {}
        for sid in sorted(touched):
            row = conn.execute("SELECT min(n) FROM sources WHERE id = ?", (sid,)).fetchone()
            if row[0] is not None:
                place[sid] = row[0] - 1
        new_sources = []
    # A source file of no listed source is not read by a build: only its stamp is kept.
    touched = {sid for sid in touched if sid in place or f"{directory.CLAIMS}/{sid}.jsonl" in changed}
    if any(sid not in place for sid in touched):
        return False  # the claims file of a source not listed: a build reads it after the others
    touched |= set(new_sources)
    read: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    stamps = {rel: st for rel, st in now.items()}
    for sid in sorted(touched, key=place.__getitem__):
        record, claims, seen = directory.read_source(root, sid)
        if record is None:
            return False  # listed without its file: the whole read says so
        read[sid] = (record, claims)
        for kind, ext in _SOURCE_FILES.items():
            rel = f"{kind}/{sid}{ext}"
            if written is not None and rel not in changed:
                continue  # not this write's: its stamp stays as recorded (a read looks again)
            if rel in seen:
                stamps[rel] = seen[rel]
            else:
                stamps.pop(rel, None)
    store_meta = _store_meta(root) if meta_changed else None
    if read and not _replace(conn, read, place, known, check, store_meta, meta):
        return False
    conn.executemany(
        "DELETE FROM files WHERE rel = ?", [(rel,) for rel in sorted(set(recorded) - set(stamps))]
    )
    conn.executemany(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
        [(rel, *st) for rel, st in sorted(stamps.items()) if recorded.get(rel) != st],
    )
    if written is None:
        digest = directory.stamps_digest(stamps)
    else:  # the recorded digest, moved by the files this write changed
        total = int(meta.get("files") or "0", 16)
        total -= sum(directory.stamp_hash(rel, st) for rel, st in recorded.items() if st is not None)
        total += sum(directory.stamp_hash(rel, st) for rel, st in stamps.items())
        digest = directory.digest_text(total)
    fresh = {"inode": str(os.stat(root).st_ino), "files": digest}
    if store_meta is not None:
        fresh["store_meta"] = _dumps()(store_meta)
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(fresh.items()))
    return True


def _store_meta(root: Path) -> dict[str, Any]:
    """The store's metadata as `meta.json` holds it (through a commit not yet in place)."""
    doc = directory.document_part(root, directory.META)
    rows = list(doc.values()) if isinstance(doc, dict) else []
    return rows[0] if rows and isinstance(rows[0], dict) else {"schema": SCHEMA_VERSION, "last_claim": 0}


def _replace(
    conn: sqlite3.Connection,
    read: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]],
    place: dict[str, int],
    known_sources: int,
    check: Callable[[store.Facts], None] | None,
    store_meta: dict[str, Any] | None,
    meta: dict[str, str],
) -> bool:
    """Replace the rows of the sources `read` (their record and claims, by id) in place;
    False when that would not be what a build makes."""
    loads = _loads()
    dumps = _dumps()
    spans = {sid: (directory.position(place[sid], 0), directory.position(place[sid] + 1, 0)) for sid in read}
    # Who holds an office links the claims naming it, in every source: unchanged, or rebuilt.
    for sid, (_, claims) in read.items():
        lo, hi = spans[sid]
        before = sorted(
            conn.execute(
                "SELECT subject, object FROM claims WHERE n >= ? AND n < ? AND predicate = 'holds_position' "
                "AND retracted = 0",
                (lo, hi),
            )
        )
        after = sorted((c.get("subject"), c.get("object")) for c in claims if _rows.holds(c))
        if before != after:
            return False
        # A claim elsewhere citing this source has its paragraph from its text.
        if conn.execute(
            "SELECT 1 FROM claims WHERE source = ? AND (n < ? OR n >= ?) LIMIT 1", (sid, lo, hi)
        ).fetchone():
            return False
    if check is not None:
        vocabulary = conn.execute("SELECT doc FROM vocabulary").fetchone()
        check(
            store.Facts(
                None,
                [record for record, _ in read.values()],
                [],
                [c for _, claims in read.values() for c in claims],
                store_meta or loads(meta.get("store_meta") or "{}") or {},
                loads(vocabulary[0]) if vocabulary else None,
            )
        )
    an = analyzer()
    entity_docs = tuple(d for (d,) in conn.execute("SELECT doc FROM entities ORDER BY n"))
    entities = [loads(d) for d in entity_docs]
    names: list[Any] = list(
        conn.execute(
            "SELECT key, stem_key, entity, role, written FROM names WHERE role NOT IN (?, ?) ORDER BY rowid",
            (_rows.TOPIC_WORD, COUNTERPART_LINK),
        )
    )
    made: dict[str, Any] = {}

    def _linker() -> Any:
        # One linker per entities and names a process has seen: a writer that adds claim
        # after claim analyzes the names once.
        key = (entity_docs, tuple(names))
        if key not in _LINKERS:
            _LINKERS.clear()
            _LINKERS[key] = _rows.linker(names, an, entities)
        return _LINKERS[key]

    def _holders() -> dict[str, set[str]]:
        if "holders" not in made:
            made["holders"] = _rows.holders(
                conn.execute(
                    "SELECT DISTINCT subject, object FROM claims WHERE predicate = 'holds_position' "
                    "AND retracted = 0"
                )
            )
        return made["holders"]  # type: ignore[no-any-return]

    texts = {sid: record.get("text") for sid, (record, _) in read.items()}
    counts: dict[str, int] = {}
    cited: set[Any] = set()
    called: set[str] = set()  # the people the rows replaced call counterparts
    calls: set[str] = set()  # and the people the new rows do

    def text_of(source_id: Any) -> Any:
        if source_id not in texts:
            row = conn.execute(
                "SELECT doc FROM sources WHERE id = ? ORDER BY n DESC LIMIT 1", (source_id,)
            ).fetchone()
            texts[source_id] = loads(row[0]).get("text") if row else None
        return texts[source_id]

    for sid in sorted(read, key=place.__getitem__):
        record, claims = read[sid]
        n = place[sid] + 1
        lo, hi = spans[sid]
        # When the source is as indexed and its claims were only appended to, the claims
        # indexed keep their rows and only the new ones are analyzed.
        kept = _kept(conn, lo, hi, n, record, claims, dumps) if place[sid] < known_sources else 0
        start = lo + kept
        if kept < len(claims):
            _holders()  # read before this source's rows go (the pairs are the same after)
        called |= {
            e
            for (e,) in conn.execute(
                "SELECT DISTINCT entity FROM links WHERE claim >= ? AND claim < ? AND kind = ?",
                (start, hi, COUNTERPART_LINK),
            )
        }
        for row in conn.execute(
            "SELECT subject, object, speaker, source FROM claims WHERE n >= ? AND n < ? AND retracted = 0",
            (start, hi),
        ):
            for eid in {e for e in row[:3] if isinstance(e, str)}:
                counts[eid] = counts.get(eid, 0) - 1
            cited.add(row[3])
        conn.execute("DELETE FROM claims WHERE n >= ? AND n < ?", (start, hi))
        conn.execute("DELETE FROM claim_text WHERE rowid >= ? AND rowid < ?", (start, hi))
        conn.execute("DELETE FROM links WHERE claim >= ? AND claim < ?", (start, hi))
        conn.execute("DELETE FROM paragraphs WHERE claim >= ? AND claim < ?", (start, hi))
        if place[sid] >= known_sources:
            conn.execute(
                "INSERT INTO sources VALUES (?, ?, 0, ?, ?)",
                (n, record.get("id"), dumps(record), dumps(_rows.summary(record))),
            )
        elif not kept:
            conn.execute(
                "UPDATE sources SET doc = ?, summary = ? WHERE n = ?",
                (dumps(record), dumps(_rows.summary(record)), n),
            )
        cited.add(sid)
        added, per_source = backend._add_claims(
            conn, claims[kept:], start, _linker(), text_of, _holders(), calls, None, None
        )
        for eid, c in added.items():
            counts[eid] = counts.get(eid, 0) + c
        cited |= set(per_source)
    conn.executemany(
        "UPDATE entities SET claims = claims + ? WHERE id = ?",
        [(c, e) for e, c in sorted(counts.items()) if c],
    )
    for sid in sorted(s for s in cited if isinstance(s, str)):
        conn.execute(
            "UPDATE sources SET claims = (SELECT count(*) FROM claims WHERE source = ? AND retracted = 0) "
            "WHERE id = ?",
            (sid, sid),
        )
    # The people claims call counterparts, each with the words for it as a name, in the
    # order a build gives them: written again only when someone joins or leaves them.
    known = {
        e for (e,) in conn.execute("SELECT DISTINCT entity FROM names WHERE role = ?", (COUNTERPART_LINK,))
    }
    people = known | calls
    for person in called - calls:
        if not conn.execute(
            "SELECT 1 FROM links WHERE entity = ? AND kind = ? LIMIT 1", (person, COUNTERPART_LINK)
        ).fetchone():
            people.discard(person)
    if people != known:
        conn.execute("DELETE FROM names WHERE role = ?", (COUNTERPART_LINK,))
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", _rows.counterpart_name_rows(an, people))
    return True


def _kept(
    conn: sqlite3.Connection,
    lo: int,
    hi: int,
    n: int,
    record: dict[str, Any],
    claims: list[dict[str, Any]],
    dumps: Callable[[Any], str],
) -> int:
    """How many of the source's claims stay indexed as they are: all those indexed, when the
    source's record is as indexed and its claims file begins with them; else none."""
    row = conn.execute("SELECT doc FROM sources WHERE n = ?", (n,)).fetchone()
    if row is None or row[0] != dumps(record):
        return 0
    docs = [d for (d,) in conn.execute("SELECT doc FROM claims WHERE n >= ? AND n < ? ORDER BY n", (lo, hi))]
    if len(docs) > len(claims) or any(d != dumps(c) for d, c in zip(docs, claims, strict=False)):
        return 0
    return len(docs)
