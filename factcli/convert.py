"""Converting a store between its two layouts: one file (`facts.json`) and a directory store.

Both hold the same records, and the conversion loses nothing: a store file converted to a
folder and back is the same file, byte for byte, when its records are numbered from 1 in
the order they are stored and its claims are stored source by source (as the shipped store
and every import are); otherwise the records, their fields and their values are the same,
renumbered and with each source's claims together. A store is converted as it is read,
damaged records refused: a directory store has no place for a claim that cites no source.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from . import store
from .errors import StoreError
from .schema import refuse_damaged
from .store import directory as dirstore

__all__ = ["Converted", "convert"]


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
    facts = store.load(source)
    refuse_damaged(facts, source.path)
    doc = _document(facts, source, folder)
    if upgrade is not None:
        upgrade(doc)
    if folder:
        _write_file(target, store.dumps(doc))
        layout = "file"
    else:
        dirstore.write_new(target, doc)
        layout = "directory"
    return Converted(target, layout, len(facts.sources), len(facts.entities), len(facts.claims))


def _document(facts: store.Facts, source: store.Location, folder: bool) -> dict[str, Any]:
    """The parsed document of the store, every top-level object included."""
    if folder:
        return dirstore.document(source.path)
    doc = store.read_document(source.path, source.origin)
    return doc


def _write_file(target: Path, data: bytes) -> None:
    """A new store file at `target`, whole or not at all, never over a file made meanwhile."""
    tmp = target.with_name(f".factcli-{target.name}-{os.urandom(6).hex()}.tmp")
    try:
        dirstore.write_file(tmp, data, 0o644)
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
