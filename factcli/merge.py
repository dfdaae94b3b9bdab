"""Merging another copy's work into a store: records, files of a directory store in git.

Two copies of a store meet record by record, matched by id:

- a record on one side only is kept (the other side's new claims keep their ids, which
  never collide: see `ids`); one the same on both sides is kept once;
- a claim or entity both sides corrected is combined by its trail: the revisions both
  sides share, then each side's own, in time order, each field taking the value its last
  correction gave it; a retraction on either side stands (on both, the earlier one);
- anything else that differs is a conflict: the same field corrected to two values, a
  record that differs beyond its trail (a hand edit), a source with two texts, two claims
  saying the same thing under two ids. A merge with a conflict writes nothing and names
  each, with both versions.

`merge_records` does this for two stores (`factcli merge OTHER`); `merge_file` for one file
of a directory store, with the common ancestor git gives (`factcli merge-driver`): then a
record only one side changed since the ancestor takes that side, and one a side removed
since it (an entity merged into another) stays removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import store
from .errors import StoreError

__all__ = ["Conflict", "Merged", "combine", "merge_file", "merge_records", "merge_stores"]

_TRAIL = ("revisions", "retracted")
_ABSENT: Any = object()


@dataclass
class Conflict:
    """Two versions of one record (or field) that a merge cannot combine, and why."""

    table: str
    id: str
    why: str
    ours: Any
    theirs: Any


@dataclass
class Merged:
    """What a merge brings: new records by table, records replaced by their combination,
    how many were the same on both sides, and the conflicts (nothing is written if any)."""

    added: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {"sources": [], "entities": [], "claims": []}
    )
    changed: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {"entities": [], "claims": []})
    objects: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] | None = None
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "added": {t: [r.get("id") for r in rows] for t, rows in self.added.items()},
            "combined": {t: [r.get("id") for r in rows] for t, rows in self.changed.items()},
            "objects": sorted(self.objects),
            "unchanged": self.unchanged,
            "conflicts": [
                {"table": c.table, "id": c.id, "why": c.why, "ours": c.ours, "theirs": c.theirs}
                for c in self.conflicts
            ],
        }


# --- one record -------------------------------------------------------------------------


def _canon(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _content(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if k not in _TRAIL and v is not None}


def _undo(rec: dict[str, Any], revisions: list[Any]) -> dict[str, Any] | None:
    """The record as it was before `revisions` (its last ones), or None when they do not
    say what they changed from."""
    out = dict(rec)
    for rev in reversed(revisions):
        changes = rev.get("changes") if isinstance(rev, dict) else None
        if not isinstance(changes, dict):
            return None
        for fld, ch in changes.items():
            if not isinstance(ch, dict) or "from" not in ch:
                return None
            out[fld] = ch["from"]
    return out


def combine(
    table: str, ours: dict[str, Any], theirs: dict[str, Any], base: dict[str, Any] | None = None
) -> tuple[dict[str, Any] | None, str | None]:
    """One record from two versions of it: (the record, None), or (None, why not)."""
    if _canon(ours) == _canon(theirs):
        return ours, None
    if base is not None:
        if _canon(base) == _canon(ours):
            return theirs, None
        if _canon(base) == _canon(theirs):
            return ours, None
    if table not in ("claims", "entities"):
        return None, "the two versions differ"
    mine, other = ours.get("revisions") or [], theirs.get("revisions") or []
    if not isinstance(mine, list) or not isinstance(other, list):
        return None, "the two versions differ"
    shared = 0
    while shared < min(len(mine), len(other)) and _canon(mine[shared]) == _canon(other[shared]):
        shared += 1
    before_mine, before_other = _undo(ours, mine[shared:]), _undo(theirs, other[shared:])
    if (
        before_mine is None
        or before_other is None
        or _canon(_content(before_mine)) != _canon(_content(before_other))
    ):
        return None, "the two versions differ beyond their corrections"
    merged = dict(before_mine)
    set_by: dict[str, Any] = {}
    for side, revs in ((ours, mine[shared:]), (theirs, other[shared:])):
        for rev in revs:
            for fld in rev["changes"]:
                value = side.get(fld)
                if fld in set_by and _canon(set_by[fld]) != _canon(value):
                    return None, f"field {fld} corrected on both sides, to different values"
                set_by[fld] = value
    merged.update(set_by)
    extra = {_canon(r): r for r in mine[shared:] + other[shared:]}
    trail = mine[:shared] + sorted(extra.values(), key=lambda r: (str(r.get("at", "")), _canon(r)))
    out = {k: v for k, v in merged.items() if k not in _TRAIL}
    if trail:
        out["revisions"] = trail
    retractions = [r for r in (ours.get("retracted"), theirs.get("retracted")) if r is not None]
    if retractions:
        out["retracted"] = min(retractions, key=lambda r: (str(r.get("at", "")), _canon(r)))
    return store.in_field_order(table, out), None


# --- two stores -------------------------------------------------------------------------


def merge_records(
    ours: store.Facts, theirs: store.Facts, objects: tuple[dict[str, Any], dict[str, Any]] = ({}, {})
) -> Merged:
    """What merging `theirs` into `ours` adds and combines, and its conflicts (see the
    module's docstring); `objects` are each side's other top-level objects (the vocabulary)."""
    from .importer import duplicate_key

    out = Merged()
    for table in ("sources", "entities", "claims"):
        mine = {r.get("id"): r for r in getattr(ours, table)}
        for rec in getattr(theirs, table):
            rid = rec.get("id")
            have = mine.get(rid)
            if have is None:
                out.added[table].append(rec)
                continue
            merged, why = combine(table, have, rec)
            if why is not None:
                out.conflicts.append(Conflict(table, str(rid), why, have, rec))
            elif merged is have:
                out.unchanged += 1
            elif merged is not None:
                out.changed[table].append(merged)
    spans = {duplicate_key(c): c.get("id") for c in ours.claims}
    for claim in out.added["claims"]:
        same = spans.get(duplicate_key(claim))
        if same is not None:
            mine_claim = ours.claim(same)
            out.conflicts.append(
                Conflict(
                    "claims",
                    str(claim.get("id")),
                    f"says what {same} says (same source, span, subject, predicate and object)",
                    mine_claim,
                    claim,
                )
            )
        spans[duplicate_key(claim)] = claim.get("id")
    last = max(int(ours.meta.get("last_claim", 0) or 0), int(theirs.meta.get("last_claim", 0) or 0))
    if last != ours.meta.get("last_claim", 0):
        out.meta = dict(ours.meta, last_claim=last)
    mine_objects, their_objects = objects
    for name, value in their_objects.items():
        merged_value, where = _merge_value(mine_objects.get(name, _ABSENT), value, None)
        if where is not None:
            out.conflicts.append(
                Conflict(name, where or name, "the two versions differ", mine_objects.get(name), value)
            )
        elif _canon(merged_value) != _canon(mine_objects.get(name)):
            out.objects[name] = merged_value
    return out


def _merge_value(ours: Any, theirs: Any, base: Any, path: str = "") -> tuple[Any, str | None]:
    """A value merged from two versions (and their ancestor, `_ABSENT` or None when not
    known): objects key by key; (value, None), or (None, the path of the first conflict)."""
    if ours is _ABSENT:
        return theirs, None
    if theirs is _ABSENT or _canon(ours) == _canon(theirs):
        return ours, None
    if base is not None and base is not _ABSENT:
        if _canon(base) == _canon(ours):
            return theirs, None
        if _canon(base) == _canon(theirs):
            return ours, None
    if isinstance(ours, dict) and isinstance(theirs, dict):
        out = dict(ours)
        for key, value in theirs.items():
            was = base.get(key, _ABSENT) if isinstance(base, dict) else None
            merged, where = _merge_value(ours.get(key, _ABSENT), value, was, f"{path}.{key}" if path else key)
            if where is not None:
                return None, where
            out[key] = merged
        return out, None
    return None, path


def merge_stores(
    location: store.Location, other: store.Location, upgrade: Any = None, on_written: Any = None
) -> Merged:
    """Merge the store at `other` (a file or a directory store) into the one at `location`:
    all of it written in one write, or, with a conflict, nothing."""
    from .schema import refuse_damaged

    theirs = store.load(other)
    refuse_damaged(theirs, other.path)
    their_objects = _objects(other)
    if upgrade is not None:
        doc = _as_document(theirs, their_objects)
        upgrade(doc)
        theirs = store.snapshot_of(doc, other.path, copy=False)
    with store.writing(location, upgrade=upgrade, on_written=on_written) as tx:
        refuse_damaged(tx.facts, location.path)
        merged = merge_records(tx.facts, theirs, (_objects(location), their_objects))
        if merged.conflicts:
            return merged
        _check(tx.facts, merged)
        for table in ("entities", "claims"):
            if merged.changed[table]:
                tx.replace(table, merged.changed[table])
        if any(merged.added.values()) or merged.meta is not None:
            tx.add(
                merged.added["sources"],
                merged.added["entities"],
                merged.added["claims"],
                meta=merged.meta if merged.meta is not None else None,
            )
        for name, value in merged.objects.items():
            tx.put(name, value)
    return merged


def _objects(location: store.Location) -> dict[str, Any]:
    """A store's top-level objects other than its records (the vocabulary), as stored."""
    from .store import directory as dirstore

    if dirstore.is_directory_store(location.path):
        doc = dirstore.document(location.path)
    else:
        doc = store.read_document(location.path, location.origin)
    return {k: v for k, v in doc.items() if k not in ("meta", "sources", "entities", "claims")}


def _as_document(facts: store.Facts, objects: dict[str, Any]) -> dict[str, Any]:
    doc: dict[str, Any] = {"meta": {"1": dict(facts.meta)}, **objects}
    for table in ("sources", "entities", "claims"):
        doc[table] = {str(i): dict(r) for i, r in enumerate(getattr(facts, table), 1)}
    return doc


def _check(facts: store.Facts, merged: Merged) -> None:
    """Refuse a merge whose records would not be sound together (a claim citing a quote its
    source does not hold, an entity it names missing): nothing is written."""
    from .schema import claim_problems, entity_problems, source_problems

    after = store.Facts(
        facts.path,
        facts.sources + merged.added["sources"],
        _replaced(facts.entities, merged.changed["entities"]) + merged.added["entities"],
        _replaced(facts.claims, merged.changed["claims"]) + merged.added["claims"],
        facts.meta,
    )
    for table, rows, problems in (
        ("sources", merged.added["sources"], lambda r: source_problems(r)),
        ("entities", merged.added["entities"] + merged.changed["entities"], lambda r: entity_problems(r)),
        (
            "claims",
            merged.added["claims"] + merged.changed["claims"],
            lambda r: claim_problems(r, after, constraints=False),
        ),
    ):
        for rec in rows:
            found = problems(rec)
            if found:
                fld, msg = found[0]
                raise StoreError(f"{table} record {rec.get('id')!r}, field {fld}: {msg}; nothing was merged")


def _replaced(rows: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {r.get("id"): r for r in new}
    return [by_id.get(r.get("id"), r) for r in rows]


# --- one file, in git -------------------------------------------------------------------

_CONFLICT_OURS, _CONFLICT_SEP, _CONFLICT_THEIRS = b"<<<<<<< ours\n", b"=======\n", b">>>>>>> theirs\n"


def merge_file(base: bytes, ours: bytes, theirs: bytes, name: str) -> tuple[bytes, list[Conflict]]:
    """A file of a directory store merged from its ancestor and two versions (what git's
    merge driver does); conflicting records are left between conflict markers, as git does."""
    from .store import directory as dirstore

    leaf = name.replace("\\", "/").rsplit("/", 1)[-1]
    if leaf == dirstore.SOURCE_LIST:
        return _merge_lines(base, ours, theirs), []
    if leaf.endswith(".jsonl"):
        table = "entities" if leaf == dirstore.ENTITIES else "claims"
        return _merge_jsonl(table, base, ours, theirs, name)
    if leaf.endswith(".json"):
        table = "sources" if "/" in name.replace("\\", "/") else leaf[: -len(".json")]
        return _merge_json(table, base, ours, theirs, name)
    raise StoreError(f"{name}: not a file of a directory store")


def _merge_lines(base: bytes, ours: bytes, theirs: bytes) -> bytes:
    """The source list: ours in order, then theirs' new ids; ids both removed stay gone."""
    b, o, t = (set(x.decode("utf-8").split()) for x in (base, ours, theirs))
    mine = [i for i in ours.decode("utf-8").split() if i in t or i not in b]
    added = [i for i in dict.fromkeys(theirs.decode("utf-8").split()) if i not in o and i not in b]
    return "".join(f"{i}\n" for i in dict.fromkeys(mine + added)).encode("utf-8")


def _records(raw: bytes, name: str) -> dict[Any, dict[str, Any]]:
    from .store import directory as dirstore

    return {r.get("id"): r for r in dirstore.parse_lines(raw, Path(name))}


def _merge_jsonl(
    table: str, base: bytes, ours: bytes, theirs: bytes, name: str
) -> tuple[bytes, list[Conflict]]:
    from .store import directory as dirstore

    b, o, t = _records(base, name), _records(ours, name), _records(theirs, name)
    out: list[bytes] = []
    conflicts: list[Conflict] = []

    def put(rec: dict[str, Any]) -> None:
        out.append(dirstore.claim_line(store.in_field_order(table, rec)))

    for rid, mine in o.items():
        other = t.get(rid)
        was = b.get(rid)
        if other is None:
            if was is not None and _canon(was) == _canon(mine):
                continue  # removed on their side, unchanged on ours
            put(mine)
            continue
        merged, why = combine(table, mine, other, was)
        if why is None and merged is not None:
            put(merged)
        else:
            conflicts.append(Conflict(table, str(rid), why or "", mine, other))
            out += [
                _CONFLICT_OURS,
                dirstore.claim_line(mine),
                _CONFLICT_SEP,
                dirstore.claim_line(other),
                _CONFLICT_THEIRS,
            ]
    for rid, other in t.items():
        if rid in o:
            continue
        was = b.get(rid)
        if was is not None:
            if _canon(was) == _canon(other):
                continue  # removed on our side, unchanged on theirs
            conflicts.append(
                Conflict(table, str(rid), "removed on one side, corrected on the other", None, other)
            )
            out += [_CONFLICT_OURS, _CONFLICT_SEP, dirstore.claim_line(other), _CONFLICT_THEIRS]
            continue
        put(other)
    return b"".join(out), conflicts


def _merge_json(
    table: str, base: bytes, ours: bytes, theirs: bytes, name: str
) -> tuple[bytes, list[Conflict]]:
    from .store import directory as dirstore

    def parse(raw: bytes) -> Any:
        return json.loads(raw.decode("utf-8")) if raw.strip() else _ABSENT

    b, o, t = parse(base), parse(ours), parse(theirs)
    if table == "meta" and isinstance(o, dict) and isinstance(t, dict):
        om: dict[str, Any] = next(iter(o.values()), {})
        tm: dict[str, Any] = next(iter(t.values()), {})
        last = max(int(om.get("last_claim", 0) or 0), int(tm.get("last_claim", 0) or 0))
        o = {k: dict(v, last_claim=last) if isinstance(v, dict) else v for k, v in o.items()}
        t = {k: dict(v, last_claim=last) if isinstance(v, dict) else v for k, v in t.items()}
        if isinstance(b, dict):
            b = {k: dict(v, last_claim=last) if isinstance(v, dict) else v for k, v in b.items()}
    merged, where = _merge_value(o, t, b)
    if where is None:
        return dirstore.pretty_json(merged), []
    conflict = Conflict(
        table,
        where or name,
        "the two versions differ",
        None if o is _ABSENT else o,
        None if t is _ABSENT else t,
    )
    text = _CONFLICT_OURS + (ours if o is not _ABSENT else b"") + _CONFLICT_SEP + theirs + _CONFLICT_THEIRS
    return text, [conflict]


def describe(conflict: Conflict, shown: Callable[[Any], str] = _canon) -> list[str]:
    """A conflict in lines: what and why, then each side's version."""
    return [
        f"{conflict.table} {conflict.id}: {conflict.why}",
        f"  ours:   {shown(conflict.ours)}",
        f"  theirs: {shown(conflict.theirs)}",
    ]
