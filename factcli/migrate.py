"""Upgrading a store to the current schema version, in place and all at once.

Version 1 stored each claim's derived match keys (`keys`) in the file. From version 2 those
live in the index (`factcli.index`), rebuilt from the file, so a hand edit of a statement can
no longer leave the store inconsistent, and the file is smaller. Upgrading drops `keys`.

Version 3 carries the store's vocabulary (a top-level "vocabulary" object: predicates with
their definitions, labels and constraints, entity types, modalities, polarities, units), so a
store made elsewhere brings the terms its claims use. A store of version 1 or 2 used the
vocabulary factcli shipped; upgrading gives it that vocabulary (`vocabulary.default_document`)
as its own, so it reads and checks as it did. Upgrading writes the new version number;
nothing a user wrote is changed.

`upgrade` works on a parsed document; every writer hands it to the store's write path,
which calls it under the lock, so the first write to an old store upgrades it, and
`factcli migrate` does only that.
"""

from __future__ import annotations

from typing import Any

from . import store
from .index import refresh
from .records import DERIVED_CLAIM_FIELDS, SCHEMA_VERSION
from .store import VOCABULARY
from .vocabulary import default_document

__all__ = ["Upgrade", "migrate", "upgrade"]


class Upgrade(dict):
    """What an upgrade did: {"from": version, "to": version, "claims": n changed,
    "vocabulary": whether the store was given a vocabulary}."""


def upgrade(doc: dict[str, Any]) -> Upgrade | None:
    """Bring a parsed store document to `SCHEMA_VERSION` in place; None if it already is."""
    meta_rows = doc.get("meta") or {}
    meta = next(iter(meta_rows.values()), None)
    version = meta.get("schema") if isinstance(meta, dict) else None
    if version == SCHEMA_VERSION:
        return None
    changed = 0
    for claim in (doc.get("claims") or {}).values():
        if any(f in claim for f in DERIVED_CLAIM_FIELDS):
            for f in DERIVED_CLAIM_FIELDS:
                claim.pop(f, None)
            changed += 1
    given = not isinstance(doc.get(VOCABULARY), dict)
    if given:
        doc[VOCABULARY] = default_document()
    if isinstance(meta, dict):
        meta["schema"] = SCHEMA_VERSION
    return Upgrade({"from": version, "to": SCHEMA_VERSION, "claims": changed, "vocabulary": given})


def migrate(location: store.Location) -> Upgrade | None:
    """Upgrade the store file at `location` (under its lock); None when it is already current."""
    with store.writing(location, upgrade=upgrade, on_written=refresh) as tx:
        # The write path has already upgraded the document it read; writing it back is all
        # that is left.
        was = tx.upgraded
        if was is None:
            return None
        tx.add(meta=dict(tx.facts.meta))
        return Upgrade(was)
