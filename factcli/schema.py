"""What a valid source, entity and claim record is, and a valid vocabulary, shared by
`import` and `verify`. A record's terms (predicate, entity type, modality, polarity, unit)
are checked against the store's own vocabulary (`vocabulary.of`).

Each check returns a list of `(field, message)` problems; an empty list means the record is
sound. References between records (a claim's source, its entities) are checked against a
`Facts` snapshot by the caller's choice, so the importer can check a batch against the store
plus the records that come before it in the same batch.
"""

from __future__ import annotations

import datetime
import math
import re
import sys
from typing import Any

from .constraints import claim_violations
from .errors import StoreError
from .ids import CLAIM_ID
from .normalize import normalize
from .records import ENTITY_REF_FIELDS, FIELD_ORDER
from .vocabulary import DEFAULT, DOCUMENT_FIELDS, PREDICATE_FIELDS, Vocabulary, document_key, of

Problem = tuple[str, str]

# Control characters in fields we write ourselves are refused at import: they have no
# place in a title or a statement and could act on a terminal. A source's `text` (and so a
# quote) is kept byte for byte, because the archive must be faithful; display strips them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Bounds, documented in the README: an id is a slug of at most 64 characters, a claim id
# c0001..c999999999, a name (entity name, alias, outlet, agency) at most 200 characters.
# Longer text (statements, notes, a source's text) is bounded by the store's size only.
MAX_ID = 64
SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MAX_CLAIM_NUMBER = 999_999_999
_CLAIM_ID_FORM = (
    f"must look like c0001 (at most c{MAX_CLAIM_NUMBER}) or c and 13 letters and digits (factcli ids)"
)
MAX_NAME = 200
MAX_TEXT = {
    "name": MAX_NAME,
    "name_ar": MAX_NAME,
    "aliases": MAX_NAME,
    "outlet": MAX_NAME,
    "credited": MAX_NAME,
    "language": 35,
}
# When a correction was made: UTC to the second, as `curate` writes it.
TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
# Fields a revision may name: everything but the id, derived keys and the trail itself.
_NOT_REVISED = ("id", "keys", "retracted", "revisions")


def sha256(text: str) -> str:
    import hashlib  # only imports and verify hash; reads never do

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _text_problems(rec: dict[str, Any], fields: tuple[str, ...], required: tuple[str, ...]) -> list[Problem]:
    out: list[Problem] = []
    for f in fields:
        v = rec.get(f)
        if v is None:
            if f in required:
                out.append((f, "is required"))
            continue
        if not isinstance(v, str):
            out.append((f, f"must be text, not {type(v).__name__}"))
        elif f in required and not v.strip():
            out.append((f, "is empty"))
        else:
            out += _string_problems(f, v)
    return out


def _string_problems(f: str, v: str) -> list[Problem]:
    if _CONTROL.search(v):
        return [(f, "contains control characters")]
    if _SURROGATE.search(v):
        return [(f, "contains an unpaired surrogate (\\ud800-\\udfff), not valid Unicode")]
    limit = MAX_TEXT.get(f)
    if limit is not None and len(v) > limit:
        return [(f, f"is {len(v)} characters long, more than the {limit} allowed")]
    return []


def _names_problems(f: str, v: Any) -> list[Problem]:
    if not isinstance(v, list) or not all(isinstance(a, str) and a.strip() for a in v):
        return [(f, "must be a list of names")]
    return next((p for a in v if (p := _string_problems(f, a))), [])


def _date_field(rec: dict[str, Any], name: str, required: bool) -> list[Problem]:
    d = rec.get(name)
    if d is None:
        return [(name, "is required")] if required else []
    return [(name, m) for m in safe_date_problems(d)]


def safe_date_problems(d: Any) -> list[str]:
    """dates.problems(d), with a date the calendar cannot reach (year 0, past 9999) one
    more problem instead of an exception."""
    from .datespan import problems as date_problems

    try:
        return date_problems(d)
    except (ValueError, OverflowError, ArithmeticError):
        return ["is outside the dates factcli can handle (years 1 to 9999)"]


def source_problems(rec: dict[str, Any]) -> list[Problem]:
    out: list[Problem] = []
    sid = rec.get("id")
    if not isinstance(sid, str) or not SLUG.match(sid):
        out.append(
            ("id", f"must be a lower-case slug (letters, digits, . _ -) of at most {MAX_ID} characters")
        )
    text = rec.get("text")
    if not isinstance(text, str) or not text:
        out.append(("text", "is required (the document as received)"))
    elif rec.get("sha256") != sha256(text):
        out.append(("sha256", "does not match the text"))
    out += _text_problems(
        rec, ("title", "outlet", "language", "note", "url"), ("title", "outlet", "language")
    )
    out += _names_problems("credited", rec.get("credited"))
    out += _date_field(rec, "published", required=True)
    return out


def entity_problems(rec: dict[str, Any], vocab: Vocabulary = DEFAULT) -> list[Problem]:
    """Problems of a stored-shape entity; its type is checked against `vocab`'s types."""
    out: list[Problem] = []
    types = vocab.entity_types
    eid = rec.get("id")
    if not isinstance(eid, str) or not SLUG.match(eid):
        out.append(
            ("id", f"must be a lower-case slug (letters, digits, . _ -) of at most {MAX_ID} characters")
        )
    if not isinstance(rec.get("type"), str) or rec.get("type") not in types:
        out.append(("type", f"{rec.get('type')!r} is not one of {', '.join(types)}"))
    out += _text_problems(rec, ("name", "name_ar", "description"), ("name",))
    for fld in NAME_ROLES:
        names = rec.get(fld)
        if names is None and fld != "aliases":
            continue  # metonyms and common_words are optional: absent means none
        out += _names_problems(fld, names)
    if not out:
        out += _name_role_problems(rec)
    out += history_problems(rec, "entities")
    return out


# The lists of an entity's names by the role each plays in matching (see README, data model):
# `aliases` are names a user may type and claim text is linked on; `metonyms` name another
# thing that running text uses for this entity (Doha for Qatar); `common_words` are names
# that are also ordinary words (العديد "many" for Al Udeid), linked only in context.
NAME_ROLES = ("aliases", "metonyms", "common_words")


def _name_role_problems(rec: dict[str, Any]) -> list[Problem]:
    """One name, one role: a name both alias and metonym would mean the entity and not."""
    out: list[Problem] = []
    roles: dict[str, str] = {}
    for fld in ("name", "name_ar"):
        if isinstance(rec.get(fld), str) and normalize(rec[fld]):
            roles.setdefault(normalize(rec[fld]), fld)
    for fld in NAME_ROLES:
        for name in rec.get(fld) or ():
            key = normalize(name)
            if not key:
                continue  # nothing to match on, so no role to clash with
            held = roles.get(key)
            # The written name may also be a common word (الجزيرة is the channel and "island").
            if (
                held is not None
                and held != fld
                and not (held in ("name", "name_ar") and fld in ("aliases", "common_words"))
            ):
                out.append((fld, f"{name!r} is also in {held}: a name plays one role"))
            roles.setdefault(key, fld)
    return out


def claim_problems(rec: dict[str, Any], facts: Any, constraints: bool = True) -> list[Problem]:
    """Problems of a stored-shape claim; `facts` resolves its source and entities. With
    `constraints` (the default: import, add and edit refuse a claim that breaks them), what
    its predicate's constraints refuse too (`constraints.py`); plain `verify` leaves them
    out, `verify --constraints` asks for them."""
    out: list[Problem] = []
    vocab = of(facts)
    if not isinstance(rec.get("id"), str) or not CLAIM_ID.match(rec["id"]):
        out.append(("id", _CLAIM_ID_FORM))
    for f in ENTITY_REF_FIELDS:
        v = rec.get(f)
        if v is None:
            if f == "subject":
                out.append((f, "is required"))
        elif not isinstance(v, str) or facts.entity(v) is None:
            out.append((f, f"unknown entity {v!r}"))
    # The predicates are a dict: a list or an object where a predicate belongs is unhashable.
    if not isinstance(rec.get("predicate"), str) or rec["predicate"] not in vocab.predicates:
        out.append(("predicate", f"{rec.get('predicate')!r} is not in the vocabulary"))
    out += _claim_literal_problems(rec, vocab)
    out += _text_problems(rec, ("statement",), ("statement",))
    out += citation_problems(rec.get("citation"), facts)
    out += role_problems(rec, facts)
    out += history_problems(rec, "claims")
    if constraints:
        # A field already reported (an unknown entity, a role claim's non-office object) is
        # not reported again under a constraint's name.
        seen = {f.split(".")[0] for f, _ in out}
        out += [(f, m) for f, m in constraint_problems(rec, facts) if f.split(".")[0] not in seen]
    return out


def constraint_problems(rec: dict[str, Any], facts: Any) -> list[Problem]:
    """The constraints of its predicate a claim breaks, each as `(field, "constraint RULE: ...")`."""

    def type_of(ref: str) -> str | None:
        ent = facts.entity(ref)
        kind = ent.get("type") if isinstance(ent, dict) else None
        return kind if isinstance(kind, str) else None

    return claim_violations(rec, type_of, of(facts))


def timestamp_problem(v: Any) -> str | None:
    if not isinstance(v, str) or not _TIMESTAMP.match(v):
        return f"{v!r} is not a UTC timestamp like 2026-01-31T09:30:00Z"
    try:
        datetime.datetime.strptime(v, TIMESTAMP_FORMAT)
    except ValueError:
        return f"{v!r} is not a real date and time"
    return None


def reason_problem(v: Any) -> str | None:
    if not isinstance(v, str) or not v.strip():
        return "must say why (text)"
    if _CONTROL.search(v):
        return "contains control characters"
    return None


def history_problems(rec: dict[str, Any], table: str) -> list[Problem]:
    """A record's trail: `retracted` {at, reason} and `revisions` [{at, changes, reason}].

    Both are optional (absent = never retracted, never revised). A revision's `changes` map
    a field of the record to {from, to}; revisions are kept oldest first.
    """
    out: list[Problem] = []
    if "retracted" in rec:
        r = rec["retracted"]
        if table != "claims":
            out.append(("retracted", "only a claim can be retracted"))
        elif not isinstance(r, dict) or set(r) != {"at", "reason"}:
            out.append(("retracted", "must be {at, reason}; leave it out while the claim stands"))
        else:
            out += [("retracted.at", m) for m in [timestamp_problem(r["at"])] if m]
            out += [("retracted.reason", m) for m in [reason_problem(r["reason"])] if m]
    if "revisions" not in rec:
        return out
    revisions = rec["revisions"]
    if not isinstance(revisions, list):
        return out + [("revisions", "must be a list of {at, changes, reason}")]
    # A predicate of the store's vocabulary keeps the same trail as a record (`curate`).
    fields = FIELD_ORDER[table] if table in FIELD_ORDER else PREDICATE_FIELDS
    revisable = [f for f in fields if f not in _NOT_REVISED]
    last = ""
    for i, rev in enumerate(revisions):
        where = f"revisions[{i}]"
        if not isinstance(rev, dict) or set(rev) != {"at", "changes", "reason"}:
            out.append((where, "must be {at, changes, reason}"))
            continue
        at_problem = timestamp_problem(rev["at"])
        if at_problem:
            out.append((f"{where}.at", at_problem))
        elif rev["at"] < last:
            out.append((f"{where}.at", f"{rev['at']} is before the revision above it ({last})"))
        else:
            last = rev["at"]
        out += [(f"{where}.reason", m) for m in [reason_problem(rev["reason"])] if m]
        changes = rev["changes"]
        if not isinstance(changes, dict) or not changes:
            out.append((f"{where}.changes", "must map each changed field to {from, to}"))
            continue
        for fld, change in changes.items():
            if fld not in revisable:
                out.append((f"{where}.changes", f"{fld!r} is not a field a revision can change"))
            elif not isinstance(change, dict) or set(change) != {"from", "to"}:
                out.append((f"{where}.changes.{fld}", "must be {from, to}"))
            elif change["from"] == change["to"]:
                out.append((f"{where}.changes.{fld}", "from and to are the same"))
    return out


def role_problems(rec: dict[str, Any], facts: Any) -> list[Problem]:
    """A role claim (holds_position, held_position) needs an office as its object: a job
    title is held for a time, so it is never an alias of the person who holds it."""
    if rec.get("predicate") not in of(facts).role_predicates or not isinstance(rec.get("object"), str):
        return []
    office = facts.entity(rec["object"])
    if office is None or office.get("type") == "office":
        return []  # an unknown object is reported as such above
    kind = office.get("type")
    return [
        (
            "object",
            f"{rec['predicate']} needs an office (entity type office), not the {kind} {office.get('id')!r}",
        )
    ]


def _claim_literal_problems(rec: dict[str, Any], vocab: Vocabulary) -> list[Problem]:
    """Polarity, modality, value and date: the claim fields that are not references."""
    out: list[Problem] = []
    # A wrong type is refused like a wrong word: "" or [] is not "affirmed" or "fact".
    for f, allowed in (("polarity", vocab.polarities), ("modality", vocab.modalities)):
        v = rec.get(f)
        if not isinstance(v, str) or v not in allowed:
            out.append((f, f"must be one of {', '.join(allowed)}, not {_shown(v)}"))
    out += value_problems(rec.get("value"), vocab.units)
    out += _date_field(rec, "date", required=False)
    return out


def value_problems(value: Any, units: tuple[str, ...] = DEFAULT.units) -> list[Problem]:
    if value is None:
        return []
    if not isinstance(value, dict) or set(value) != {"amount", "unit"}:
        return [("value", 'must be {"amount": number, "unit": ...} or null')]
    amount = value["amount"]
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return [("value.amount", "must be a number")]
    if isinstance(amount, float) and not math.isfinite(amount):
        # json reads NaN and Infinity, but they are not JSON: jq and orjson refuse them.
        return [("value.amount", f"must be a finite number, not {amount}")]
    if isinstance(amount, int) and abs(amount) > sys.float_info.max:
        # Python reads a 400-digit integer, but no float holds it: jq would turn it into
        # 1.7976931348623157e+308 and display arithmetic would overflow.
        return [("value.amount", f"must be a finite number, not one of {len(str(abs(amount)))} digits")]
    if not isinstance(value["unit"], str) or value["unit"] not in units:
        return [("value.unit", f"{value['unit']!r} is not one of {', '.join(units)}")]
    return []


def _shown(v: Any) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


def citation_problems(cit: Any, facts: Any) -> list[Problem]:
    if not isinstance(cit, dict):
        return [("citation", "is required: {source, quote, start, end}")]
    source = facts.source(cit.get("source")) if isinstance(cit.get("source"), str) else None
    if source is None:
        return [("citation.source", f"unknown source {cit.get('source')!r}")]
    quote, start, end = cit.get("quote"), cit.get("start"), cit.get("end")
    if not isinstance(quote, str) or not quote.strip():
        return [("citation.quote", "is required")]
    if (
        not (isinstance(start, int) and isinstance(end, int))
        or isinstance(start, bool)
        or isinstance(end, bool)
    ):
        return [("citation.start", "start and end must be integers")]
    text = source.get("text")
    if not isinstance(text, str):
        return [("citation.source", f"source {source['id']!r} has no text to quote")]
    if not 0 <= start < end <= len(text):
        # Python would slice with negative or reversed offsets; a citation may not.
        return [("citation.start", f"{start}:{end} is not a span of {source['id']} (0..{len(text)})")]
    if text[start:end] != quote:
        return [("citation.quote", f"is not the text at {start}:{end} of {source['id']}")]
    return []


# --- the shapes every command relies on --------------------------------------------------

_TEXT, _OPTIONAL_TEXT, _NAMES, _OPTIONAL_NAMES = (
    "text",
    "text or null",
    "a list of names",
    "a list of names or absent",
)


def _kind_ok(v: Any, kind: str) -> bool:
    if kind == _TEXT:
        return isinstance(v, str)
    if kind == _OPTIONAL_TEXT:
        return v is None or isinstance(v, str)
    if kind == _OPTIONAL_NAMES and v is None:
        return True
    if not isinstance(v, list):
        return False
    try:
        # One C-level pass instead of a Python loop: a store holds ~40 stems per claim.
        "".join(v)
    except TypeError:
        return False
    return True


_SHAPES = {
    "sources": {
        "id": _TEXT,
        "title": _TEXT,
        "outlet": _TEXT,
        "credited": _NAMES,
        "language": _OPTIONAL_TEXT,
        "url": _OPTIONAL_TEXT,
        "note": _OPTIONAL_TEXT,
        "sha256": _OPTIONAL_TEXT,
        "text": _TEXT,
    },
    "entities": {
        "id": _TEXT,
        "type": _TEXT,
        "name": _TEXT,
        "name_ar": _OPTIONAL_TEXT,
        "aliases": _NAMES,
        "metonyms": _OPTIONAL_NAMES,
        "common_words": _OPTIONAL_NAMES,
        "description": _OPTIONAL_TEXT,
    },
    "claims": {
        "id": _TEXT,
        "subject": _TEXT,
        "predicate": _TEXT,
        "object": _OPTIONAL_TEXT,
        "speaker": _OPTIONAL_TEXT,
        "via": _OPTIONAL_TEXT,
        "statement": _TEXT,
    },
}


def shape_problems(table: str, rec: dict[str, Any], vocab: Vocabulary = DEFAULT) -> list[Problem]:
    """Wrong types in a stored record: only what reading, searching and rendering rely on.

    A hand-edited store can hold anything. `verify` reports every problem, but any other
    command would fail deep inside on a number where text belongs; reads run this cheap
    check instead (types and shapes: no quotes, hashes or references) and refuse the store.
    """
    out: list[Problem] = [
        (f, f"must be {kind}") for f, kind in _SHAPES[table].items() if not _kind_ok(rec.get(f), kind)
    ]
    if table == "sources":
        out += _date_field(rec, "published", required=True)
    if table in ("entities", "claims") and ("revisions" in rec or "retracted" in rec):
        out += history_problems(rec, table)
    if table == "claims":
        if isinstance(rec.get("id"), str) and not CLAIM_ID.match(rec["id"]):
            # "c" and 5000 digits is no id a counter or a read can use.
            out.append(("id", _CLAIM_ID_FORM))
        out += _claim_literal_problems(rec, vocab)
        cit = rec.get("citation")
        if not (
            isinstance(cit, dict)
            and isinstance(cit.get("source"), str)
            and isinstance(cit.get("quote"), str)
            and all(
                isinstance(cit.get(k), int) and not isinstance(cit.get(k), bool) for k in ("start", "end")
            )
        ):
            out.append(("citation", "must be {source, quote, start, end}"))
        keys = rec.get("keys")
        if keys is not None and not (
            isinstance(keys, dict) and all(_kind_ok(keys.get(k) or [], _NAMES) for k in ("text", "stems"))
        ):
            out.append(("keys", "must be {text, stems}, lists of text"))
    return out


def last_claim_problem(last: Any) -> str | None:
    if isinstance(last, bool) or not isinstance(last, int) or not 0 <= last <= MAX_CLAIM_NUMBER:
        return f"must be a whole number from 0 to {MAX_CLAIM_NUMBER}, not {_shown(last)}"
    return None


def surrogate_fields(rec: dict[str, Any]) -> list[str]:
    """The fields of `rec` holding a lone surrogate anywhere (a JSON escape like "\\ud800"
    parses into a str that has no UTF-8 form: it can be neither written nor printed)."""

    def bad(v: Any) -> bool:
        if isinstance(v, str):
            return _SURROGATE.search(v) is not None
        if isinstance(v, dict):
            return any(bad(k) or bad(x) for k, x in v.items())
        if isinstance(v, list):
            return any(bad(x) for x in v)
        return False

    return [k if not bad(k) else repr(k) for k, v in rec.items() if bad(k) or bad(v)]


def store_shape_problem(facts: Any) -> str | None:
    """The first wrong type in a loaded store, as one line, or None when all is readable."""
    problem = last_claim_problem(facts.meta.get("last_claim", 0))
    if problem:
        return f"meta, field last_claim: {problem}"
    document = getattr(facts, "vocabulary", None)
    if document is not None:
        for fld, msg in vocabulary_problems(document):
            return f"vocabulary, {fld}: {msg}"
    vocab = of(facts)
    scan = getattr(facts, "may_hold_surrogates", True)
    for table in ("sources", "entities", "claims"):
        for n, rec in enumerate(getattr(facts, table), 1):
            found = shape_problems(table, rec, vocab)
            if not found and scan:
                found = [
                    (f, "contains an unpaired surrogate (\\ud800-\\udfff), not valid Unicode")
                    for f in surrogate_fields(rec)
                ]
            for fld, msg in found:
                rid = rec.get("id")
                shown = rid if isinstance(rid, str) and not _SURROGATE.search(rid) else n
                return f"{table} record {shown!r}, field {fld}: {msg}"
    return None


def refuse_damaged(facts: Any, path: Any) -> None:
    """StoreError naming the first problem when the store at `path` is damaged (see
    `store_shape_problem`); every command that reads or writes records checks this first."""
    problem = store_shape_problem(facts)
    if problem:
        raise StoreError(f"{path}: damaged store: {problem} (factcli verify lists every problem)")


# --- the vocabulary ------------------------------------------------------------------------

# A term of the vocabulary (a predicate, entity type, modality, polarity or unit): a word of
# lower-case letters, digits and underscores, as the shipped ones are; a unit may also be
# upper-case (USD) and have a hyphen.
TERM = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
UNIT = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")
_FLAGS = ("object_required", "value_required", "symmetric", "canonical")


def _terms(doc: dict[str, Any], part: str, pattern: re.Pattern[str]) -> tuple[list[Problem], list[str]]:
    words = doc.get(part)
    if part == "modalities":
        if not isinstance(words, dict) or not all(isinstance(w, str) and w.strip() for w in words.values()):
            return [(part, "must be an object of each modality and the words a reader sees")], []
        words = list(words)
    elif not isinstance(words, list):
        return [(part, "must be a list")], []
    bad = next((w for w in words if not isinstance(w, str) or not pattern.match(w)), None)
    if bad is not None:
        return [(part, f"{_shown(bad)} is not a term (lower-case letters, digits, _)")], []
    if len(set(words)) != len(words) or not words:
        return [(part, "must list each term once, and at least one")], words
    return [], words


# Vocabulary documents found sound in this process, by `vocabulary.document_key`: every
# read and write checks its store's vocabulary, nearly always one checked before.
_SOUND: set[bytes] = set()
_SOUND_KEPT = 8


def vocabulary_problems(doc: Any) -> list[Problem]:
    """Problems of a store's vocabulary document, as `(field path, message)`: its parts,
    each predicate's fields, and references between them (a type, modality, polarity or
    unit a predicate names must be the vocabulary's; an inverse must name a predicate that
    names it back, one direction of the pair canonical)."""
    key = document_key(doc) if isinstance(doc, dict) else None
    if key is not None and key in _SOUND:
        return []
    out = _vocabulary_problems(doc)
    if not out and key is not None and len(_SOUND) < _SOUND_KEPT:
        _SOUND.add(key)
    return out


def _vocabulary_problems(doc: Any) -> list[Problem]:
    if not isinstance(doc, dict):
        return [("vocabulary", "must be an object")]
    out: list[Problem] = [(k, "is not a part of a vocabulary") for k in doc if k not in DOCUMENT_FIELDS]
    known: dict[str, list[str]] = {}
    for part, pattern in (
        ("entity_types", TERM),
        ("modalities", TERM),
        ("polarities", TERM),
        ("units", UNIT),
    ):
        found, words = _terms(doc, part, pattern)
        out += found
        known[part] = words
    predicates = doc.get("predicates")
    if not isinstance(predicates, dict) or not predicates:
        return [*out, ("predicates", "must be an object of predicates by name, at least one")]
    for name, entry in predicates.items():
        out += [(f"predicates.{name}.{f}", m) for f, m in predicate_problems(name, entry, known)]
    for name, entry in predicates.items():
        other = entry.get("inverse") if isinstance(entry, dict) else None
        if other is None or other == name:
            continue  # none, or one's own (refused as symmetric above)
        back = predicates.get(other) if isinstance(other, str) else None
        if not isinstance(back, dict) or back.get("inverse") != name:
            out.append(
                (f"predicates.{name}.inverse", f"{_shown(other)} is not a predicate whose inverse is {name}")
            )
        elif back.get("canonical") is not False and entry.get("canonical") is not False:
            out.append((f"predicates.{name}.canonical", f"only one of {name} and {other} is canonical"))
        elif back.get("canonical") is False and entry.get("canonical") is False:
            out.append((f"predicates.{name}.canonical", f"one of {name} and {other} must be canonical"))
    return out


def predicate_problems(name: Any, entry: Any, known: dict[str, list[str]]) -> list[Problem]:
    """Problems of one predicate's entry (`vocabulary.PREDICATE_FIELDS`); `known` holds the
    vocabulary's entity types, modalities, polarities and units."""
    if not isinstance(name, str) or not TERM.match(name):
        return [("name", f"{_shown(name)} is not a predicate name (lower-case letters, digits, _)")]
    if not isinstance(entry, dict):
        return [("", "must be an object")]
    out: list[Problem] = [(k, "is not a field of a predicate") for k in entry if k not in PREDICATE_FIELDS]
    out += history_problems(entry, "vocabulary")
    definition = entry.get("definition")
    if not isinstance(definition, str) or not definition.strip():
        out.append(("definition", "is required: what the subject and the object are"))
    else:
        out += _string_problems("definition", definition)
    labels = entry.get("labels")
    if not isinstance(labels, dict) or set(labels) - {"en", "ar"}:
        out.append(("labels", 'must be {"en": [...], "ar": [...]}'))
    else:
        for lang, words in labels.items():
            if not isinstance(words, list) or not all(
                isinstance(w, str) and w.strip() == w and w for w in words
            ):
                out.append((f"labels.{lang}", "must be a list of words or phrases"))
            else:
                out += [(f"labels.{lang}", m) for w in words for _, m in _string_problems(lang, w)]
    for fld, part, empty_ok in (
        ("subject_types", "entity_types", False),
        ("object_types", "entity_types", True),
        ("modalities", "modalities", False),
        ("polarities", "polarities", False),
        ("units", "units", True),
    ):
        words = entry.get(fld)
        if fld == "units" and words is None:
            continue  # any unit of the vocabulary
        if not isinstance(words, list) or not (words or empty_ok):
            out.append((fld, "must be a list" + ("" if empty_ok else ", not empty")))
            continue
        odd = next((w for w in words if not isinstance(w, str) or w not in known.get(part, ())), None)
        if odd is not None:
            out.append((fld, f"{_shown(odd)} is not one of the vocabulary's {part.replace('_', ' ')}"))
    for fld in _FLAGS:
        if not isinstance(entry.get(fld), bool):
            out.append((fld, "must be true or false"))
    if entry.get("object_required") is True and not entry.get("object_types"):
        out.append(("object_required", "a predicate that takes no object cannot require one"))
    if entry.get("value_required") is True and entry.get("units") == []:
        out.append(("value_required", "a predicate that takes no unit cannot require a value"))
    inverse = entry.get("inverse")
    if inverse is not None and (entry.get("symmetric") is True or inverse == name):
        out.append(("inverse", "a symmetric predicate is its own inverse: give none"))
    if inverse is None and entry.get("canonical") is False:
        out.append(("canonical", "only one of an inverse pair may be stated the other way"))
    return out
