"""Adding sources, entities and claims: parse, validate the whole batch, then write once.

A record with `text` is a source, one with `citation` is a claim, one with `type` and
`name` is an entity. The batch is checked against the store plus the records before it, and
written only if every record passes: one problem anywhere means nothing is written, and
every problem is reported as an `errors.Problem` (record N, field F, what is wrong).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from . import store
from .dates import parse_date
from .datespan import MAX_YEAR, MIN_YEAR, DateSpan
from .errors import DateError, InputError, Problem, Refusal, StoreError, did_you_mean, os_error_line
from .ids import CLAIM_ID, CLAIM_NUMBER, new_claim_id
from .index import refresh
from .lexicon import Lexicon
from .migrate import upgrade
from .normalize import strip_controls
from .records import ENTITY_REF_FIELDS, FIELD_ORDER, HISTORY_FIELDS
from .schema import (
    NAME_ROLES,
    SLUG,
    claim_problems,
    entity_problems,
    refuse_damaged,
    sha256,
    source_problems,
    store_shape_problem,
    surrogate_fields,
)
from .text import in_arabic_block
from .vocabulary import of as vocabulary_of

SOURCE_FIELDS = FIELD_ORDER["sources"]
# A claim's and an entity's fields as given, in the store's order; the trail of corrections
# (HISTORY_FIELDS) is kept when a record carries it (an export), never added empty.
CLAIM_FIELDS = tuple(f for f in FIELD_ORDER["claims"] if f not in HISTORY_FIELDS)
ENTITY_FIELDS = tuple(f for f in FIELD_ORDER["entities"] if f not in HISTORY_FIELDS)
# Derived fields factcli adds on output (`search`, `show`, `sources`, `entities`, in --json
# or --jsonl), so that what it prints imports back; an import ignores them.
# `kind` is what `export` says a record is; it is checked against the record's shape.
IGNORED_CLAIM_FIELDS = ("kind", "source", "keys", "rank", "match", "paragraph", "entities")
IGNORED_SOURCE_FIELDS = ("kind", "claims")
IGNORED_ENTITY_FIELDS = ("kind", "claims", "named")

# What an import tells the one progress display that follows it: the stage (`checking` the
# records, `writing` the store, `indexing` the claims), how far it is and out of how many;
# 0 of 0 for a stage it cannot count (the write).
Progress = Callable[[str, int, int], None]
STAGES = ("checking", "writing", "indexing")


class ValidationError(Refusal):
    """The batch was refused; `problems` holds every `Problem`.

    A quote not found in its source is told where the closest passage departs from it (a
    hint linear in the source, yet seconds on a long one). A refusal made under the store's
    lock carries those hints `pending`, (problem, quote, source text), and they are worked
    out by `add_hints` once the lock is released: no other writer waits on a refusal."""

    verb = "imported"
    pending: tuple[tuple[Problem, str, str], ...] = ()

    def add_hints(self) -> None:
        """Each pending problem's message completed with its hint (`_nearest`)."""
        pending = {id(p): (quote, text) for p, quote, text in self.pending}
        self.pending = ()
        if pending:
            self.problems = [
                Problem(p.record, p.field, p.message + _nearest(*pending[id(p)])) if id(p) in pending else p
                for p in self.problems
            ]


class AddRefused(ValidationError):
    """`factcli add`'s one claim, or `factcli entity add`'s one entity, was refused."""

    verb = "added"


@dataclass
class Summary:
    sources: int = 0
    entities: int = 0
    claims: int = 0
    unchanged: int = 0
    claim_ids: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)


def read_input(name: str, purpose: str = "to import from") -> tuple[str, str]:
    """The shown name and the text of an import's (or a draft's) FILE: a file or a pipe,
    `-` for stdin.

    Devices, sockets and folders are refused at once (a device like /dev/zero would never
    end); what is read stops at the store size limit (store.max_store_bytes()), so a huge
    input is refused instead of read until memory runs out.
    """
    import stat

    if name == "-":
        shown, stream = "<stdin>", sys.stdin.buffer
        try:
            return shown, _decoded(shown, _bounded_read(shown, stream))
        except OSError as exc:
            raise InputError(f"{shown}: {exc.strerror}") from None
    try:
        mode = os.stat(name).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputError(f"{name} is {store.file_kind(mode)}, not a file or a pipe {purpose}")
        with open(name, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode) and not stat.S_ISFIFO(
                os.fstat(fh.fileno()).st_mode
            ):
                raise InputError(f"{name}: changed into something that is not a file or a pipe")
            return name, _decoded(name, _bounded_read(name, fh))
    except OSError as exc:
        raise InputError(os_error_line(exc, name)) from None


def _bounded_read(name: str, stream: Any) -> bytes:
    limit = store.max_store_bytes()
    data = stream.read(limit + 1) or b""
    if len(data) > limit:
        raise InputError(
            f"{name}: more than {limit // 2**20} MiB, the most factcli reads as input "
            f"(set {store.MAX_BYTES_VAR} to allow more)"
        )
    return data


def _decoded(name: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from None


def parse_records(text: str, name: str = "input") -> list[dict[str, Any]]:
    """A JSON array of objects, one object (pretty-printed or not), JSON Lines, or a stream
    of objects and arrays one after another (what `jq '.[]'` or several commands print)."""
    stripped = text.lstrip("\ufeff").strip()
    if not stripped:
        raise InputError(f"{name}: no records (empty input)")
    try:
        values = _json_values(stripped)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        line = _first_bad_line(stripped) if stripped[0] != "[" else None
        if line is not None:
            # JSON Lines with one bad line: name that line, not where the stream parser gave up.
            where = f"line {line[0]} column {line[1].colno}"
            exc = line[1]
        raise InputError(f"{name}: invalid JSON at {where}: {exc.msg}") from None
    except RecursionError:
        # json recurses once per level: 10^5 `[` would otherwise escape as an internal error.
        raise InputError(f"{name}: invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer longer than Python's 4300-digit limit
        raise InputError(f"{name}: invalid JSON: {str(exc).splitlines()[0]}") from None
    # Arrays in a stream are spliced in: `(factcli sources --jsonl; factcli search X --json)`.
    records = [r for v in values for r in (v if isinstance(v, list) else [v])]
    bad = [i for i, r in enumerate(records, 1) if not isinstance(r, dict)]
    if bad:
        raise InputError(f"{name}: record {bad[0]} is not a JSON object")
    return records


def import_records(
    location: store.Location,
    records: list[dict[str, Any]],
    *,
    create: bool = False,
    create_entities: bool = False,
    progress: Progress | None = None,
    dependencies: store.Facts | None = None,
    numbered: bool = True,
) -> Summary:
    """Validate `records` against the store and add them all, or raise ValidationError.

    With `dependencies` (another store), the sources and entities the claims need that the
    target lacks are brought from it, ahead of the records. `numbered` False: a batch of one
    (as `add` makes), whose problems name no record number. `progress` is told of each
    stage in turn (`Progress`): every record checked, the write begun, the claims indexed.
    """
    if not create and not location.readonly and not location.path.exists():
        # Said before the lock is taken, so a mistyped --db leaves no lock file behind.
        raise StoreError(f"no store at {location.path} (import --create starts a new one)")
    checked = None
    if create and not location.readonly and not location.path.exists():
        # A new store: checked before the lock is taken, so a refused input leaves nothing
        # behind, not even a lock file beside a store that was never made.
        checked = _checked(
            store.Facts(location.path), records, create_entities, numbered, dependencies, progress
        )
    try:
        return _import_locked(
            location, records, create, create_entities, progress, dependencies, numbered, checked
        )
    except ValidationError as refused:
        refused.add_hints()  # the lock is released: the slow part of a refusal waits on nobody
        raise


def import_new_folder(
    target: os.PathLike[str] | str,
    parts: Iterable[list[dict[str, Any]]],
    *,
    create_entities: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """A new directory store at `target` (which must not exist, or be an empty folder) made
    from `parts`: lists of records, each holding sources and the claims that cite them (and
    any entities), checked as an import checks them against the store so far and written
    source by source before the next part is read, so memory holds one part, not the store.

    All or nothing, as an import is: the store is made under a private name beside `target`
    and renamed into place once every part has passed (`directory.NewStore`); a refused
    record, a failure or a kill leaves nothing at `target`. Problems name records by their
    place in the whole stream. A claim must come in the part of the source it cites (the
    sources of earlier parts are written, not held): one citing an earlier part's source is
    refused as citing an unknown source. `progress(claims)` is told after each part.

    The summary counts what was stored; of the claim ids it keeps the last only."""
    from pathlib import Path

    from .store import directory as dirstore

    root = Path(target)
    base = store.empty_document()
    meta: dict[str, Any] = dict(next(iter(base["meta"].values())))
    vocabulary = base[store.VOCABULARY]
    entities: list[dict[str, Any]] = []
    seen_claims: set[str] = set()
    last_claim = int(meta.get("last_claim", 0))
    summary = Summary()
    first = 1
    new = dirstore.NewStore(root)
    try:
        for part in parts:
            facts = store.Facts(root, [], entities, [], meta, vocabulary)
            try:
                batch = _checked(facts, part, create_entities, first=first)
            except ValidationError as refused:
                refused.add_hints()
                raise
            first += len(part)
            entities = batch.facts.entities
            # Each part is checked against the store's counter as it was (a numbered id given
            # is new when above it, as in one import); the ids seen so far refuse a repeat.
            last_claim = max(last_claim, batch.last_claim)
            again = next((c["id"] for c in batch.new_claims if c["id"] in seen_claims), None)
            if again is not None:
                raise ValidationError([Problem(None, "id", f"{again} is already used (an earlier part)")])
            seen_claims.update(c["id"] for c in batch.new_claims)
            cited: dict[str, list[dict[str, Any]]] = {}
            for claim in batch.new_claims:
                cited.setdefault(claim["citation"]["source"], []).append(claim)
            for src in batch.new_sources:
                new.add_source(src, cited.pop(src["id"], []))
            # Every claim cites a source of its own part: the store each part is checked
            # against holds no source (`_checked` refuses a claim citing an earlier one).
            assert not cited
            summary.sources += batch.summary.sources
            summary.entities += batch.summary.entities
            summary.claims += batch.summary.claims
            summary.claim_ids[:] = batch.summary.claim_ids[-1:] or summary.claim_ids
            if progress is not None:
                progress(summary.claims)
        new.finish({"meta": {"1": dict(meta, last_claim=last_claim)}, store.VOCABULARY: vocabulary}, entities)
    except BaseException:
        new.abandon()
        raise
    return summary


def _import_locked(
    location: store.Location,
    records: list[dict[str, Any]],
    create: bool,
    create_entities: bool,
    progress: Progress | None,
    dependencies: store.Facts | None,
    numbered: bool,
    checked: _Batch | None,
) -> Summary:
    """`import_records`' write, under the store's lock; a refusal leaves its hints pending."""
    scope = _sources_named(records)
    on_written = refresh if progress is None else _refreshing(progress)
    with store.writing(location, create=create, upgrade=upgrade, on_written=on_written, sources=scope) as tx:
        if not tx.checked:  # else these are bytes a write left after this very check passed
            refuse_damaged(tx.facts, location.path)
        # Still no file under the lock: the store is the empty one the input was checked on.
        batch = (
            checked
            if checked is not None and tx.created
            else _checked(tx.facts, records, create_entities, numbered, dependencies, progress, hints=False)
        )
        # Nothing new (all "unchanged"): leave the file, and its mtime, alone.
        if tx.created or batch.new_sources or batch.new_entities or batch.new_claims:
            if progress:
                progress("writing", 0, 0)  # from here to the end of the block
            meta = dict(tx.facts.meta, last_claim=batch.last_claim)
            # The stored records passed the damage check above; the store as written passes
            # it when the records added do too (it looks at each record on its own).
            added = store.Facts(
                None, batch.new_sources, batch.new_entities, batch.new_claims, meta, tx.facts.vocabulary
            )
            tx.sound = store_shape_problem(added) is None
            tx.add(batch.new_sources, batch.new_entities, batch.new_claims, meta=meta)
        return batch.summary


def _refreshing(progress: Progress) -> Callable[[store.Written], None]:
    """`refresh`, telling `progress` how far the index has come."""

    def indexed(done: int, total: int) -> None:
        progress("indexing", done, total)

    def on_written(written: store.Written) -> None:
        progress("indexing", 0, 0)
        refresh(written, progress=indexed)

    return on_written


def _sources_named(records: list[dict[str, Any]]) -> set[str] | None:
    """The sources an import reads and writes: those its records are and those its claims
    cite (a directory store then locks and reads only these). None, all of them, when a
    source comes without an id: the one it is given depends on the ones stored."""
    named: set[str] = set()
    for rec in records:
        if "text" in rec:
            if not isinstance(rec.get("id"), str):
                return None
            named.add(rec["id"])
        cited = rec.get("citation")
        if isinstance(cited, dict) and isinstance(cited.get("source"), str):
            named.add(cited["source"])
    return named


def _checked(
    facts: store.Facts,
    records: list[dict[str, Any]],
    create_entities: bool,
    numbered: bool = True,
    dependencies: store.Facts | None = None,
    progress: Progress | None = None,
    hints: bool = True,
    first: int = 1,
) -> _Batch:
    """The batch of `records` checked against `facts`, or ValidationError with every problem:
    the one run of a batch, for an import, an in-memory build and a one-claim check.

    With `dependencies`, the records it brings along are checked first, named by where they
    come from; `progress` is told of each record once it is checked. `hints`
    False (under the store's lock): the refusal's quote hints are left pending.
    """
    batch = _Batch(facts, create_entities, numbered=numbered)
    if dependencies is not None:
        for name, rec in _dependencies(records, facts, dependencies):
            batch.take(name, rec)
    for n, rec in enumerate(records, first):
        batch.take(n, rec)
        if progress:
            progress("checking", n, len(records))
    batch.finish()
    if batch.problems:
        refused = ValidationError(batch.problems)
        refused.pending = tuple(batch.hints)
        if hints:
            refused.add_hints()
        raise refused
    return batch


def build(
    records: list[dict[str, Any]], base: store.Facts | None = None, *, create_entities: bool = False
) -> store.Facts:
    """Validate `records` on top of `base` (or an empty store) in memory; no file is touched."""
    batch = _checked(base or store.Facts(None), records, create_entities)
    batch.facts.meta["last_claim"] = batch.last_claim
    return batch.facts


def check_claim(
    facts: store.Facts, rec: dict[str, Any], *, create_entities: bool = False
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One claim checked exactly as an import checks it, against `facts`; nothing is written.

    Returns the claim as it would be stored (names resolved to ids, a date phrase resolved
    against its source, offsets found from the quote, match keys) and the entities
    `create_entities` made for it. `rec` carries no id (the caller owns it). Raises
    ValidationError with its problems, which name no record (`field F: what is wrong`).
    """
    batch = _checked(facts, [rec], create_entities, numbered=False)
    if not batch.new_claims:
        raise ValidationError(["not a claim (it needs a citation)"])
    return batch.new_claims[0], batch.new_entities


def check_entity(facts: store.Facts, rec: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """One new entity checked exactly as an import checks an entity, against `facts`; nothing
    is written. Returns the entity as it would be stored (its id made from its name when it
    has none) and its problems, which name no record (`field F: what is wrong`).

    An import takes a record equal to a stored one as unchanged; an entity added by hand is
    meant to be new, so a stored id is a problem, and so is an English or Arabic name that
    already names another entity (the same words would then find two things)."""
    problems: list[Problem] = []
    lexicon = Lexicon(facts.entities)
    for fld in ("name", "name_ar"):
        name = rec.get(fld)
        others = sorted(lexicon.resolve(name)) if isinstance(name, str) else []
        if others:
            problems.append(Problem(None, fld, f"{name!r} already names {', '.join(others)}"))
    eid = rec.get("id")
    if eid is None and isinstance(rec.get("name"), str):
        eid = entity_slug(rec["name"])
    if facts.entity(eid) is not None:
        return rec, [Problem(None, "id", f"entity {eid!r} is already stored"), *problems]
    try:
        batch = _checked(facts, [rec], False, numbered=False)
    except ValidationError as exc:
        return rec, exc.problems + problems
    if not batch.new_entities:
        return rec, [Problem(None, None, "not an entity (it needs a type and a name)"), *problems]
    return batch.new_entities[0], problems


def entity_slug(name: str) -> str:
    """The id an import gives an entity that comes without one, made from its name."""
    return _slug(name)


def _dependencies(
    records: list[dict[str, Any]], target: store.Facts, donor: store.Facts
) -> list[tuple[str, dict[str, Any]]]:
    """The donor's sources and entities that the claims in `records` cite and `target` lacks."""
    given_sources = {r.get("id") for r in records if "text" in r}
    given_entities = {r.get("id") for r in records if "text" not in r and "citation" not in r}
    target_names = Lexicon(target.entities)
    donor_names = Lexicon(donor.entities)
    sources: dict[str, dict[str, Any]] = {}
    entities: dict[str, dict[str, Any]] = {}
    for rec in records:
        if "text" in rec or "citation" not in rec:
            continue
        cit = rec.get("citation")
        sid = cit.get("source") if isinstance(cit, dict) else None
        if (
            isinstance(sid, str)
            and target.source(sid) is None
            and sid not in given_sources
            and (src := donor.source(sid))
        ):
            sources.setdefault(sid, src)
        for fld in ENTITY_REF_FIELDS:
            ref = rec.get(fld)
            if (
                not isinstance(ref, str)
                or target.entity(ref)
                or ref in given_entities
                or target_names.resolve(ref)
            ):
                continue
            ids = {ref} if donor.entity(ref) else donor_names.resolve(ref)
            if len(ids) == 1:
                eid = next(iter(ids))
                ent = donor.entity(eid)
                if eid not in given_entities and target.entity(eid) is None and ent is not None:
                    entities.setdefault(eid, ent)
    where = donor.path or "the other store"
    return [(f"{where}, source {k}", dict(v)) for k, v in sources.items()] + [
        (f"{where}, entity {k}", dict(v)) for k, v in entities.items()
    ]


# A number as a person types it: ASCII digits with optional thousands commas, a decimal
# point and an exponent (float() would also take '1_000', '٣' and '1,5' read as 15).
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:,[0-9]{3})*|[0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,4})?")
_NON_FINITE = re.compile(r"[+-]?(?:nan|inf|infinity)", re.IGNORECASE)


def parse_number(text: str, what: str) -> int | float:
    """A number the CLI reads, kept as typed, as an import keeps it: digits alone are an
    integer, exact however long; a decimal point or an exponent makes a float, which must
    print as the number typed (an integral one below 2**53 is stored as that integer).
    ValueError when `text` is no number at all; InputError (one line) for one no stored
    number keeps as typed. NaN and infinities, and integers beyond any float, are passed on
    as the float they read as, for the record's check to refuse by name."""
    from decimal import Decimal

    plain = text.strip()
    if _NON_FINITE.fullmatch(plain):
        return float(plain)
    if not any(c in "0123456789" for c in plain) or not _NUMBER.fullmatch(plain):
        raise ValueError(f"not a number: {text!r}")
    digits = plain.replace(",", "")
    exact = Decimal(digits)
    number = float(digits)
    if not math.isfinite(number):
        return number
    if re.fullmatch(r"[+-]?[0-9]+", digits):
        return int(digits)
    if exact == exact.to_integral_value() and abs(exact) < 2**53:
        return int(exact)
    if Decimal(repr(number)) != exact:
        raise InputError(
            f"{what} {text!r}: a stored number cannot keep this as typed (at most 17 significant "
            f"digits, within about 1e-308 to 1e308); write it with fewer digits"
        )
    return number


def parse_value(text: str | None) -> dict[str, Any] | None:
    """`--value 'AMOUNT UNIT'` as the record's value ({amount, unit}); None for none. The
    amount is kept as typed (`parse_number`), the same figure an import of it keeps."""
    if not text:
        return None
    parts = text.split()
    try:
        amount = parse_number(parts[0], "--value")
    except (ValueError, IndexError):
        raise InputError(f"--value {text!r}: expected 'AMOUNT UNIT', e.g. '8600000000 USD'") from None
    if len(parts) != 2:
        raise InputError(f"--value {text!r}: expected 'AMOUNT UNIT', e.g. '30 km'")
    return {"amount": amount, "unit": parts[1]}


def _json_values(text: str) -> list[Any]:
    decoder = json.JSONDecoder()
    values, i = [], 0
    while i < len(text):
        value, i = decoder.raw_decode(text, i)
        values.append(value)
        while i < len(text) and text[i] in " \t\r\n":
            i += 1
    return values


def _first_bad_line(text: str) -> tuple[int, json.JSONDecodeError] | None:
    """When the input reads as JSON Lines (its first line is a whole object), its first bad line."""
    lines = text.splitlines()
    try:
        first = json.loads(lines[0])
    except (ValueError, RecursionError):
        return None
    if not isinstance(first, dict):
        return None
    for lineno, line in enumerate(lines, 1):
        try:
            if line.strip():
                json.loads(line)
        except json.JSONDecodeError as exc:
            return lineno, exc
        except (ValueError, RecursionError):
            continue
    return None


# Kept under this name for callers (curate): schema owns the check.
unpaired_surrogates = surrogate_fields


def _ordered_keys(d: Any, keys: tuple[str, ...]) -> Any:
    # Nested objects in contract order whatever order the input had, so the same record
    # is stored as the same bytes.
    if not isinstance(d, dict):
        return d
    out = {k: d[k] for k in keys if k in d}
    out.update((k, v) for k, v in d.items() if k not in out)
    return out


_DATE_KEYS = ("start", "end", "precision", "text")
_VALUE_KEYS = ("amount", "unit")


class _Batch:
    def __init__(self, facts: store.Facts, create_entities: bool, numbered: bool = True) -> None:
        # Validation reads a working copy that grows with the batch, so a claim may cite a
        # source or entity introduced earlier in the same input.
        self.facts = store.Facts(
            facts.path,
            list(facts.sources),
            list(facts.entities),
            list(facts.claims),
            dict(facts.meta),
            facts.vocabulary,
        )
        self.create_entities = create_entities
        # The table of every entity's names, made only when a record names an entity by
        # something other than its id (`lexicon`): an add citing ids never normalizes a name.
        self._lexicon: Lexicon | None = None
        self.problems: list[Problem] = []
        # The one notion of a failed record: record number (or brought-along name) -> the
        # field families reported for it, empty for a problem of the record as a whole.
        self.failed: dict[Any, set[str]] = {}
        self.new_sources: list[dict[str, Any]] = []
        self.new_entities: list[dict[str, Any]] = []
        self.new_claims: list[dict[str, Any]] = []
        self.summary = Summary()
        ids = map(str, map(dict.get, facts.claims, itertools.repeat("id")))  # in C, not a loop
        self.last_claim = max(
            [int(facts.meta.get("last_claim", 0))]
            + [int(m.group(1)) for m in map(CLAIM_NUMBER.match, ids) if m]
        )
        self.stored_last_claim = self.last_claim
        self.stored_claims = {c.get("id") for c in facts.claims}
        self.spans = {duplicate_key(c): c.get("id") for c in facts.claims}
        self.numbered = numbered
        # A source or entity the claims cite that is not there: (kind, ref) -> who needs it,
        # reported once for all the records that need it, not once per record.
        self.missing: dict[tuple[str, str], list[tuple[Any, str, str]]] = {}
        self.order: list[int] = []  # the record number of each problem, to list them in input order
        # Problems whose message ends in a quote hint still to be worked out (ValidationError).
        self.hints: list[tuple[Problem, str, str]] = []

    @property
    def lexicon(self) -> Lexicon:
        # Made from the working copy, which holds every entity added so far, in order: the
        # same table as one made up front and told of each addition.
        if self._lexicon is None:
            self._lexicon = Lexicon(self.facts.entities)
        return self._lexicon

    def fail(self, n: Any, fld: str | None, msg: str, hint: tuple[str, str] | None = None) -> None:
        # n is a record number, or the name of a record brought along (--with-dependencies);
        # the one record of a batch of one is named by no number.
        self.order.append(n if isinstance(n, int) else 0)
        record = n if isinstance(n, str) or self.numbered else None
        self.problems.append(Problem(record, fld or None, msg))
        if hint is not None:  # msg + _nearest(*hint), once the lock is released
            self.hints.append((self.problems[-1], *hint))
        families = self.failed.setdefault(n, set())
        if fld:
            families.add(fld.split(".")[0])

    def lack(self, n: Any, kind: str, ref: str, fld: str, hint: str = "") -> None:
        """`ref` names no stored or earlier source/entity: noted now, reported by finish()."""
        self.missing.setdefault((kind, ref), []).append((n, fld, hint))
        self.failed.setdefault(n, set()).add(fld.split(".")[0])

    def has_failed(self, n: Any) -> bool:
        """Whether record `n` has a problem, reported now or (a missing reference) by finish()."""
        return n in self.failed

    def finish(self) -> None:
        """One line per missing source or entity, naming the records that need it."""
        for (kind, ref), uses in self.missing.items():
            how = _HOW_TO_ADD[(kind, self.numbered)]
            hint = uses[0][2]
            if len(uses) == 1:
                n, fld, _ = uses[0]
                self.fail(n, fld, f"unknown {kind} {ref!r}{hint} ({how})")
                continue
            numbers = [n for n, _, _ in uses]
            fields = ", ".join(dict.fromkeys(f for _, f, _ in uses))
            self.order.append(min((n for n in numbers if isinstance(n, int)), default=0))
            self.problems.append(
                Problem(
                    None,
                    None,
                    f"unknown {kind} {ref!r}{hint}, needed by {len(uses)} records "
                    f"({_numbers(numbers)}; field {fields}) ({how})",
                )
            )
        self.missing = {}
        ranked = sorted(range(len(self.problems)), key=lambda i: self.order[i])
        self.problems = [self.problems[i] for i in ranked]
        self.order = [self.order[i] for i in ranked]

    def take(self, n: Any, rec: dict[str, Any]) -> None:
        surrogates = surrogate_fields(rec)
        if surrogates:
            for fld in surrogates:
                self.fail(
                    n, fld, "contains an unpaired surrogate escape (\\ud800-\\udfff), not valid Unicode"
                )
            return
        if "draft" in rec:
            # `factcli draft` output not yet reviewed: nothing half-done lands in a store.
            self.fail(
                n, "draft", f'{_draft_where(rec)}is still a draft: review it, then delete its "draft" object'
            )
            return
        shape = "source" if "text" in rec else "claim" if "citation" in rec else "entity"
        if rec.get("kind", shape) != shape:
            self.fail(n, "kind", f"says {rec['kind']!r}, but the record is shaped as a {shape}")
            return
        if "text" in rec:
            self._source(n, rec)
        elif "citation" in rec:
            self._claim(n, rec)
        elif "type" in rec and "name" in rec:
            self._entity(n, rec)
        else:
            self.fail(
                n, None, "not a source (no 'text'), claim (no 'citation') or entity (no 'type' and 'name')"
            )

    # -- sources --------------------------------------------------------------------

    def _source(self, n: int, rec: dict[str, Any]) -> None:
        unknown = sorted(set(rec) - set(SOURCE_FIELDS) - set(IGNORED_SOURCE_FIELDS))
        if unknown:
            self.fail(n, unknown[0], "is not a source field")
            return
        text = rec["text"]
        out: dict[str, Any] = {k: rec.get(k) for k in SOURCE_FIELDS}
        out["credited"] = _given_or(rec.get("credited"), [])
        out["outlet"] = _given_or(rec.get("outlet"), "unknown")
        if isinstance(text, str):
            digest = sha256(text)
            if rec.get("sha256") not in (None, digest):
                self.fail(n, "sha256", f"does not match the text (computed {digest[:12]}…)")
                return
            out["sha256"] = digest
            if rec.get("title") is None:
                # The text is kept byte for byte, but a title we derive is a field we write:
                # the controls a raw first line may carry are left out, not held against it.
                lines = (strip_controls(ln).strip() for ln in text.splitlines())
                out["title"] = next((ln for ln in lines if ln), "")[:120]
            if rec.get("language") is None:
                # A guess for records that leave it out: a quarter of Arabic letters is an
                # Arabic article (Latin names and digits are common in Arabic news).
                out["language"] = "ar" if sum(map(in_arabic_block, text)) * 4 > len(text.strip()) else "en"
        pub = rec.get("published")
        out["published"] = _ordered_keys(pub, _DATE_KEYS)
        if isinstance(pub, str):
            try:
                out["published"] = _parse_date(pub).to_dict()
            except DateError as exc:
                self.fail(n, "published", str(exc))
                return
        if rec.get("id") is None and isinstance(out.get("published"), dict):
            out["id"] = self._new_source_id(out)
        existing = self.facts.source(out.get("id"))
        if existing is not None:
            if existing.get("sha256") != out.get("sha256"):
                self.fail(n, "id", f"source {out['id']!r} is already stored with another text")
                return
            # Same text, other details: saying "unchanged" would silently drop the edit.
            differ = [k for k in SOURCE_FIELDS if k in rec and existing.get(k) != out.get(k)]
            if differ:
                self.fail(n, differ[0], f"source {out['id']!r} is already stored with another {differ[0]}")
            else:
                self.summary.unchanged += 1
            return
        for fld, msg in source_problems(out):
            self.fail(n, fld, msg)
        if not self.has_failed(n):
            self.facts.sources.append(out)
            self.new_sources.append(out)
            self.summary.sources += 1
            self.summary.source_ids.append(out["id"])

    def _new_source_id(self, rec: dict[str, Any]) -> str:
        given = rec.get("outlet")
        outlet = given if isinstance(given, str) else "unknown"  # the schema check says why
        outlet = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-") or "source"
        base = f"{outlet[:24].strip('-')}-{rec['published'].get('start', '')}"
        candidate, k = base, 2
        while self.facts.source(candidate) is not None:
            candidate, k = f"{base}-{k}", k + 1
        return candidate

    # -- entities -------------------------------------------------------------------

    def _entity(self, n: int, rec: dict[str, Any]) -> None:
        unknown = sorted(set(rec) - set(ENTITY_FIELDS) - {"revisions"} - set(IGNORED_ENTITY_FIELDS))
        if unknown:
            self.fail(n, unknown[0], "is not an entity field")
            return
        out: dict[str, Any] = {k: rec.get(k) for k in ENTITY_FIELDS}
        out["aliases"] = rec.get("aliases") if rec.get("aliases") is not None else []
        for fld in NAME_ROLES[1:]:
            if out[fld] is None or out[fld] == []:
                del out[fld]  # optional name lists: absent means none, and the file stays small
        if "revisions" in rec:
            out["revisions"] = rec["revisions"]
        if out["id"] is None and isinstance(out["name"], str):
            out["id"] = _slug(out["name"])
        existing = self.facts.entity(out["id"])
        if existing is not None:
            if dict(existing) == out:
                self.summary.unchanged += 1
            else:
                self.fail(n, "id", f"entity {out['id']!r} is already stored with other details")
            return
        for fld, msg in entity_problems(out, vocabulary_of(self.facts)):
            self.fail(n, fld, msg)
        if not self.has_failed(n):
            self._add_entity(out)

    def _add_entity(self, ent: dict[str, Any]) -> None:
        self.facts.entities.append(ent)
        self.new_entities.append(ent)
        if self._lexicon is not None:
            self._lexicon.add(ent)
        self.summary.entities += 1
        self.summary.entity_ids.append(ent["id"])

    # -- claims ---------------------------------------------------------------------

    def _claim(self, n: Any, rec: dict[str, Any]) -> None:
        unknown = sorted(set(rec) - set(CLAIM_FIELDS) - set(HISTORY_FIELDS) - set(IGNORED_CLAIM_FIELDS))
        if unknown:
            self.fail(n, unknown[0], "is not a claim field")
            return
        if isinstance(rec.get("statement"), str) and not rec["statement"].strip():
            self.fail(
                n,
                "statement",
                f"{_draft_where(rec)}is empty: write what the quote says in one English sentence",
            )
        out: dict[str, Any] = {k: rec.get(k) for k in CLAIM_FIELDS}
        out.update((k, rec[k]) for k in HISTORY_FIELDS if k in rec)
        # Only a field left out (or null) takes the default: "" or [] is refused, not read as one.
        out["polarity"] = _given_or(rec.get("polarity"), "affirmed")
        out["modality"] = _given_or(rec.get("modality"), "fact")
        out["date"] = _ordered_keys(out["date"], _DATE_KEYS)
        out["value"] = _ordered_keys(out["value"], _VALUE_KEYS)
        source = self._citation(n, out)
        for fld in ("subject", "object", "speaker", "via"):
            out[fld] = self._entity_ref(n, fld, out[fld])
        if isinstance(out["date"], str) and source is not None:
            try:
                anchor = DateSpan.from_dict(source["published"])
                out["date"] = _parse_date(out["date"], anchor=anchor).to_dict()
            except DateError as exc:
                self.fail(n, "date", str(exc))
        given = out["id"]
        stored = self.facts.claim(given) if isinstance(given, str) and given in self.stored_claims else None
        if stored is not None and not self.has_failed(n) and _same_claim(stored, out):
            # The stored claim itself, imported again (a store's own export or search output).
            self.summary.unchanged += 1
            return
        out["id"] = self._claim_id(n, out["id"])
        # Every problem of the record, but each field family once: a quote already reported
        # as not found is not reported again as "offsets must be integers".
        reported = set(self.failed.get(n, ()))
        for fld, msg in claim_problems(out, self.facts):
            if fld.split(".")[0] not in reported:
                self.fail(n, fld, msg)
        if self.has_failed(n):
            return
        key = duplicate_key(out)
        if key in self.spans:
            self.fail(
                n, None, f"duplicate of {self.spans[key]}: same source, span, subject, predicate and object"
            )
            return
        self.spans[key] = out["id"]
        self.facts.claims.append(out)
        self.new_claims.append(out)
        self.summary.claims += 1
        self.summary.claim_ids.append(out["id"])

    def _claim_id(self, n: int, given: Any) -> str:
        if given is None:
            # Not the next number: another copy of the store would hand out the same one
            # (`ids`). Unique in this store too, whatever it holds.
            return new_claim_id(lambda cid: self.facts.claim(cid) is not None)
        if isinstance(given, str) and CLAIM_ID.match(given) and not CLAIM_NUMBER.match(given):
            if self.facts.claim(given) is not None:
                self.fail(n, "id", f"{given} is already used")
            return given
        m = CLAIM_NUMBER.match(str(given))
        if not m:
            self.fail(n, "id", f"{given!r} is not a claim id (c0001); leave it out to get one")
            return str(given)
        canonical = f"c{int(m.group(1)):04d}"
        if given != canonical:
            # c5 and c0005 would be two ids for one number.
            self.fail(n, "id", f"{given!r} is not written as claim ids are; write {canonical}")
            return str(given)
        if self.facts.claim(given) is not None:
            self.fail(n, "id", f"{given} is already used")
        elif int(m.group(1)) <= int(self.stored_last_claim):
            # Handed out before and since retired: ids are never reused.
            self.fail(n, "id", f"{given} was handed out before; leave id out to get a new one")
        self.last_claim = max(self.last_claim, int(m.group(1)))
        return given

    def _citation(self, n: int, out: dict[str, Any]) -> dict[str, Any] | None:
        given = out.get("citation")
        if not isinstance(given, dict):
            self.fail(n, "citation", "must be {source, quote, start, end}")
            return None
        cit: dict[str, Any] = {k: given.get(k) for k in ("source", "quote", "start", "end")}
        out["citation"] = cit
        source = self.facts.source(cit["source"]) if isinstance(cit["source"], str) else None
        if source is None:
            if isinstance(cit["source"], str):
                self.lack(n, "source", cit["source"], "citation.source")
            else:
                self.fail(n, "citation.source", f"unknown source {cit['source']!r}")
            return None
        quote, text = cit["quote"], source["text"]
        if not isinstance(quote, str) or not quote.strip():
            self.fail(n, "citation.quote", "is required")
            return source
        if cit["start"] is None and cit["end"] is None:
            count = text.count(quote)
            if count == 1:
                start = text.index(quote)
                cit["start"], cit["end"] = start, start + len(quote)
            elif count > 1:
                self.fail(
                    n,
                    "citation.quote",
                    f"occurs {count} times in {source['id']}; give citation.start and citation.end",
                )
            else:
                self.fail(n, "citation.quote", f"not found in {source['id']}: ", (quote, text))
        elif (
            isinstance(cit["start"], int)
            and isinstance(cit["end"], int)
            and text[cit["start"] : cit["end"]] != quote
        ):
            where = text.find(quote)
            said = f"is not the text at {cit['start']}:{cit['end']} of {source['id']}; "
            if where >= 0:
                self.fail(n, "citation.quote", f"{said}it is at {where}:{where + len(quote)}")
            else:
                self.fail(n, "citation.quote", said, (quote, text))
        return source

    def _entity_ref(self, n: int, fld: str, ref: Any) -> Any:
        if ref is None or not isinstance(ref, str):
            return ref
        if self.facts.entity(ref) is not None:
            return ref
        ids = self.lexicon.resolve(ref)
        if len(ids) == 1:
            return ids.pop()
        if len(ids) > 1:
            self.fail(n, fld, f"{ref!r} could mean {', '.join(sorted(ids))}; give the entity id")
            return ref
        if self.create_entities:
            ent: dict[str, Any] = {
                "id": _slug(ref),
                "type": "unclassified",
                "name": ref,
                "name_ar": None,
                "aliases": [],
                "description": None,
            }
            if self.facts.entity(ent["id"]) is None and not entity_problems(ent, vocabulary_of(self.facts)):
                self._add_entity(ent)
                return ent["id"]
        near = self.lexicon.suggest(ref)
        hint = did_you_mean(near)
        self.lack(n, "entity", ref, fld, hint)
        return ref


def _draft_where(rec: dict[str, Any]) -> str:
    """Which record, in words a reviewer finds in the file: its quote's first words."""
    cit = rec.get("citation")
    quote = cit.get("quote") if isinstance(cit, dict) else None
    if not isinstance(quote, str) or not quote.strip():
        name = rec.get("name") if isinstance(rec.get("name"), str) else rec.get("id")
        return f"{name!r} " if isinstance(name, str) and name else ""
    words = strip_controls(quote).split()
    return f"(quote {' '.join(words[:6])!r}{'…' if len(words) > 6 else ''}) "


def _given_or(value: Any, default: Any) -> Any:
    return default if value is None else value


def _parse_date(text: str, anchor: DateSpan | None = None) -> DateSpan:
    # dates.parse_date bounds its years itself; a calendar error that still escapes it (year 0
    # after arithmetic on an extreme anchor) is a DateError like any other, never a crash.
    try:
        return parse_date(text, anchor=anchor)
    except (ValueError, OverflowError):
        raise DateError(
            f"cannot read date: {text[:80]!r} is outside the dates factcli can handle"
            f" (years {MIN_YEAR} to {MAX_YEAR})"
        ) from None


# What the user can do about a missing source or entity: in an import, and in a one-claim
# check (an edit), where only --create-entities applies.
_HOW_TO_ADD = {
    ("source", True): "import it first, or --with-dependencies STORE brings it",
    ("entity", True): "--create-entities adds it, or --with-dependencies STORE brings it",
    ("source", False): "factcli sources lists them",
    ("entity", False): "--create-entities adds it",
}


def _same_claim(stored: dict[str, Any], given: dict[str, Any]) -> bool:
    """Whether `given` says all that `stored` says, derived keys aside."""

    def bare(c: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in c.items() if k != "keys"}

    return bare(stored) == bare(given)


def _numbers(ns: list[Any]) -> str:
    """1, 2, 3, 5 -> "1-3, 5"; record names brought along are listed as they are."""
    ints = sorted(n for n in ns if isinstance(n, int))
    runs: list[str] = []
    i = 0
    while i < len(ints):
        j = i
        while j + 1 < len(ints) and ints[j + 1] == ints[j] + 1:
            j += 1
        runs.append(str(ints[i]) if i == j else f"{ints[i]}-{ints[j]}")
        i = j + 1
    return ", ".join(runs + [str(n) for n in ns if not isinstance(n, int)])


def duplicate_key(claim: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two claims one: the same source span, subject, predicate and object."""
    cit = claim.get("citation") or {}
    return (
        cit.get("source"),
        cit.get("start"),
        cit.get("end"),
        claim.get("subject"),
        claim.get("predicate"),
        claim.get("object"),
    )


def _slug(name: str) -> str:
    from .normalize import normalize

    slug = re.sub(r"[^\w]+", "-", normalize(name)).strip("-")
    return slug if slug and SLUG.match(slug) else "e-" + sha256(name)[:10]


# The hint reads at most this much of a quote: its matcher is linear in the source and the
# quote, and a hint needs only where the quote first departs from the source.
NEAREST_QUOTE_CHARS = 2000


def _nearest(quote: str, text: str) -> str:
    """Where the quote departs from the closest passage of the source, in a few words."""
    quote = quote[:NEAREST_QUOTE_CHARS]
    a, b, size = _longest_common(text, quote)
    if size == 0:
        return "no passage of the source resembles it"
    i, j = a + size, b + size
    if j >= len(quote):
        j, i = b, a  # the match runs to the quote's end: the difference is before it
        return f"closest passage at {a}; the source has {text[max(0, i - 15) : i]!r} where the quote has {quote[max(0, j - 15) : j]!r} before {quote[j : j + 15]!r}"
    return f"closest passage at {a - b}; after {quote[max(0, j - 20) : j]!r} the source has {text[i : i + 15]!r} where the quote has {quote[j : j + 15]!r}"


def _longest_common(text: str, quote: str) -> tuple[int, int, int]:
    """(i, j, size): the longest passage of `quote` found in `text`, the earliest in the text,
    then in the quote (as difflib's `find_longest_match` answers, in time linear in both:
    a suffix automaton of the quote, with the text run through it)."""
    link = [-1]
    length = [0]
    first = [-1]  # where the state's passages first end in the quote
    nexts: list[dict[str, int]] = [{}]
    last = 0
    for pos, ch in enumerate(quote):
        cur = len(length)
        length.append(length[last] + 1)
        first.append(pos)
        link.append(0)
        nexts.append({})
        p = last
        while p != -1 and ch not in nexts[p]:
            nexts[p][ch] = cur
            p = link[p]
        if p != -1:
            q = nexts[p][ch]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(length)
                length.append(length[p] + 1)
                first.append(first[q])
                link.append(link[q])
                nexts.append(dict(nexts[q]))
                while p != -1 and nexts[p].get(ch) == q:
                    nexts[p][ch] = clone
                    p = link[p]
                link[q] = link[cur] = clone
        last = cur
    best = (0, 0, 0)
    state, size = 0, 0
    for end, ch in enumerate(text):
        while state and ch not in nexts[state]:
            state = link[state]
            size = length[state]
        if ch in nexts[state]:
            state = nexts[state][ch]
            size += 1
        if size > best[2]:
            best = (end - size + 1, first[state] - size + 1, size)
    return best
