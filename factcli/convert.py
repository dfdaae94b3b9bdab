"""Converting a store between its two layouts: one file (`facts.json`) and a directory store.

Both hold the same records, and the conversion loses nothing: a store file converted to a
folder and back is the same file, byte for byte, when its records are numbered from 1 in
the order they are stored and its claims are stored source by source (as the shipped store
and every import are); otherwise the records, their fields and their values are the same,
renumbered and with each source's claims together. A store is converted as it is read,
damaged records refused: a directory store has no place for a claim that cites no source.

A conversion streams: a folder is read and a store file written a few hundred sources at a
time, and a folder is written source by source (`directory.NewStore`), so what it holds in
memory does not grow with the folder (a store file is parsed whole: it is at most
`store.max_store_bytes`). The new store appears whole or not at all: it is made under a
private name beside the target and renamed (a file linked) into place at the end; a
failure or a kill before that leaves nothing at the target.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from . import store
from .codec import encode_file
from .errors import StoreError
from .records import SCHEMA_VERSION
from .schema import refuse_damaged
from .store import directory as dirstore

__all__ = ["Converted", "convert"]

# Sources read, checked and written at a time from a folder: enough that the per-part
# checks cost nothing next to the records, few enough that memory stays flat.
PART = 500


class Converted(NamedTuple):
    """What a conversion made: the new store, its layout ("directory" or "file") and counts."""

    path: Path
    layout: str
    sources: int
    entities: int
    claims: int


def convert(source: store.Location, target: Path, upgrade: Any = None) -> Converted:
    """Write the store at `source` in the other layout at `target`, which must not exist
    (an empty folder is taken for a directory store). `upgrade` brings an older store to
    the current schema first, as a write would."""
    folder = dirstore.is_directory_store(source.path)
    if os.path.lexists(target) and not (
        not folder and dirstore.is_directory_store(target) and not os.listdir(target)
    ):
        raise StoreError(f"{target} already exists: nothing was written (convert makes a new store)")
    if not target.parent.is_dir():
        raise StoreError(f"no folder {target.parent} for {target}")
    if folder:
        return _folder_to_file(source, target, upgrade)
    return _file_to_folder(source, target, upgrade)


def _file_to_folder(source: store.Location, target: Path, upgrade: Any) -> Converted:
    """The store file parsed once, checked, and written out source by source."""
    doc, escapes, _ = store.read_parsed(source.path, source.origin)
    facts = store.snapshot_of(doc, source.path, copy=False)
    facts.may_hold_surrogates = escapes
    refuse_damaged(facts, source.path)
    done = Converted(target, "directory", len(facts.sources), len(facts.entities), len(facts.claims))
    del facts
    if upgrade is not None:
        upgrade(doc)
    dirstore.write_new(target, doc)
    return done


def _folder_to_file(source: store.Location, target: Path, upgrade: Any) -> Converted:
    """The folder read a part at a time, each part checked and written as the store file's
    text before the next is read."""
    root = source.path
    parts = dirstore.Parts(root)
    objects = parts.objects()
    store.check_shape({**objects, "sources": {}, "entities": {}, "claims": {}}, root)
    meta_rows = objects["meta"]
    meta: dict[str, Any] = next(iter(meta_rows.values()), {})
    if upgrade is not None and meta.get("schema") != SCHEMA_VERSION:
        # A store of an older schema (a small one, from before the directory store's time):
        # upgraded as a whole document, as a write upgrades it.
        doc = dirstore.document(root)
        store.check_shape(doc, root)
        facts = store.snapshot_of(doc, root, copy=False)
        refuse_damaged(facts, root)
        upgrade(doc)
        _write_file(target, [store.dumps(doc)])
        return Converted(target, "file", len(facts.sources), len(facts.entities), len(facts.claims))
    meta_record = meta
    vocabulary = objects.get(store.VOCABULARY)
    entities = parts.entities()
    refuse_damaged(store.Facts(root, [], entities, [], meta_record, vocabulary), root)
    listed = parts.source_ids()
    counts = {"sources": 0, "claims": 0}

    def checked(table: str, chunk: list[dict[str, Any]]) -> list[dict[str, Any]]:
        facts = store.Facts(root, meta=meta_record, vocabulary=vocabulary)
        setattr(facts, table, chunk)
        refuse_damaged(facts, root)
        counts[table] += len(chunk)
        return chunk

    def sources() -> Iterator[list[dict[str, Any]]]:
        for at in range(0, len(listed), PART):
            yield checked("sources", [parts.source(sid) for sid in listed[at : at + PART]])

    def claims() -> Iterator[list[dict[str, Any]]]:
        files = parts.claim_files(listed)
        for at in range(0, len(files), PART):
            yield checked("claims", [c for sid in files[at : at + PART] for c in parts.claims(sid)])

    top: dict[str, Any] = {"meta": meta_rows}
    if store.VOCABULARY in objects:
        top[store.VOCABULARY] = vocabulary
    tables: dict[str, Iterable[list[dict[str, Any]]]] = {
        "sources": sources(),
        "entities": [entities],
        "claims": claims(),
    }
    _write_file(target, file_pieces(top, tables), check=parts.unchanged)
    return Converted(target, "file", counts["sources"], len(entities), counts["claims"])


def file_pieces(top: dict[str, Any], tables: dict[str, Iterable[list[dict[str, Any]]]]) -> Iterator[bytes]:
    """The text of the store file (`store.dumps`) in pieces: the objects of `top` (meta, the
    vocabulary) whole, then each table's records, a list of them at a time, numbered from 1
    in the order given. The pieces join to the text `store.dumps` writes of the same
    document: a table's records are laid out as they are inside the whole file, and only
    the lines that open and close the table are written here."""
    yield b"{\n"
    first = True
    for name in store.LAYOUT:
        if name in top:
            rows = top[name]
            if name != store.VOCABULARY:
                rows = {k: store.in_field_order(name, rows[k]) for k in sorted(rows, key=store.doc_key)}
            text = encode_file({name: rows})
            yield (b"" if first else b",\n") + text[2:-3]  # less "{\n" and "\n}\n"
        elif name in tables:
            yield (b"" if first else b",\n") + b"  " + encode_file(name)[:-1] + b": {"
            yield from _table_pieces(name, tables[name])
        else:
            continue
        first = False
    yield b"\n}\n"


def _table_pieces(name: str, chunks: Iterable[list[dict[str, Any]]]) -> Iterator[bytes]:
    head = b"{\n  " + encode_file(name)[:-1] + b": {\n"
    tail = b"\n  }\n}\n"
    n = 0
    for chunk in chunks:
        if not chunk:
            continue
        rows = {}
        for record in chunk:
            n += 1
            rows[str(n)] = store.in_field_order(name, record)
        text = encode_file({name: rows})
        if not (text.startswith(head) and text.endswith(tail)):  # pragma: no cover - the encoder's layout
            raise StoreError(f"the {name} table could not be laid out as the store file lays it out")
        yield (b"\n" if n == len(rows) else b",\n") + text[len(head) : -len(tail)]
    yield b"\n  }" if n else b"}"


def _write_file(target: Path, pieces: Iterable[bytes], check: Any = None) -> None:
    """A new store file at `target`, whole or not at all, never over a file made meanwhile:
    written under a private name beside it, then linked into place. `check()` False at the
    end (the store read changed meanwhile) leaves nothing."""
    tmp = target.with_name(f".factcli-{target.name}-{os.urandom(6).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view) :]
            os.fsync(fd)
            os.fchmod(fd, 0o644)
        finally:
            os.close(fd)
        if check is not None and not check():
            raise StoreError(
                f"the store changed while it was converted: nothing was written to {target}; try again"
            )
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise StoreError(
                f"{target} already exists: nothing was written (convert makes a new store)"
            ) from None
    except OSError as exc:
        raise StoreError(f"{target}: cannot write ({exc.strerror}); nothing was written") from None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
