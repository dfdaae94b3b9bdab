"""The constraints a claim obeys, read from its predicate's entry in the store's vocabulary: the
types of its subject and object, whether it takes an object and a value and in which unit,
the modalities and polarities it allows, an inverse pair stated in its canonical direction,
and a symmetric fact stated once.

Each rule has a name that every message starts with (`constraint subject-type: ...`), so a
refusal at import, add or edit and a line of `verify --constraints` say which rule a claim
breaks. A claim whose predicate, subject or object is unknown is left to the schema checks,
which report that; an entity of type `unclassified` (not yet typed) passes every type rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .vocabulary import DEFAULT, Predicate, Vocabulary

__all__ = ["RULES", "claim_violations", "symmetric_violations"]

# Every rule, in the order a claim is checked, with what it asks.
RULES: dict[str, str] = {
    "subject-type": "the subject is an entity of a type the predicate takes",
    "object-type": "the object is an entity of a type the predicate takes",
    "object-required": "the predicate takes an object and the claim names one",
    "no-object": "the predicate takes no object and the claim names none",
    "value-unit": "a value is given only where the predicate takes one, in a unit it takes",
    "value-required": "the predicate takes a value and the claim gives one",
    "modality": "the claim's modality is one the predicate allows",
    "polarity": "the claim's polarity is one the predicate allows",
    "inverse": "of an inverse pair, the claim uses the canonical direction",
    "symmetric": "a symmetric fact is stated once, not again with subject and object swapped",
}

# Entities not yet typed pass the type rules: `--create-entities` makes them so.
_UNTYPED = "unclassified"


def _listed(words: Iterable[str]) -> str:
    items = list(words)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def _type_violation(
    rule: str,
    role: str,
    p_name: str,
    allowed: tuple[str, ...],
    ref: Any,
    type_of: Callable[[str], str | None],
) -> str | None:
    kind = type_of(ref) if isinstance(ref, str) else None
    if kind is None or kind == _UNTYPED or kind in allowed:
        return None
    article = "an" if role == "object" else "a"
    return f"constraint {rule}: {p_name} takes {article} {role} of type {_listed(allowed)}, not the {kind} {ref!r}"


def claim_violations(
    claim: Mapping[str, Any], type_of: Callable[[str], str | None], vocab: Vocabulary = DEFAULT
) -> list[tuple[str, str]]:
    """The constraints one claim breaks, as `(field, message)`, by its predicate's entry in
    `vocab` (the store's vocabulary); `type_of` gives an entity id's type, or None when the
    id is unknown (the schema checks report that)."""
    name = claim.get("predicate")
    if not isinstance(name, str) or name not in vocab.predicates:
        return []
    p: Predicate = vocab.predicates[name]
    out: list[tuple[str, str]] = []
    found = _type_violation("subject-type", "subject", name, p["subject"], claim.get("subject"), type_of)
    if found:
        out.append(("subject", found))
    obj = claim.get("object")
    if obj is None:
        if p["object_required"]:
            out.append(
                ("object", f"constraint object-required: {name} takes an object ({_listed(p['object'])})")
            )
    elif not p["object"]:
        out.append(("object", f"constraint no-object: {name} takes no object, not {obj!r}"))
    else:
        found = _type_violation("object-type", "object", name, p["object"], obj, type_of)
        if found:
            out.append(("object", found))
    value = claim.get("value")
    if isinstance(value, Mapping):
        unit = value.get("unit")
        if not p["value"]:
            out.append(("value", f"constraint value-unit: {name} takes no value, not one in {unit!r}"))
        elif unit not in p["value"]:
            out.append(
                (
                    "value.unit",
                    f"constraint value-unit: {name} takes a value in {_listed(p['value'])}, not {unit!r}",
                )
            )
    elif value is None and p["value_required"]:
        out.append(("value", f"constraint value-required: {name} takes a value in {_listed(p['value'])}"))
    for fld, rule in (("modality", "modality"), ("polarity", "polarity")):
        allowed = p["modalities"] if fld == "modality" else p["polarities"]
        given = claim.get(fld)
        # A modality outside the vocabulary altogether is the schema's to report.
        if isinstance(given, str) and given not in allowed:
            out.append((fld, f"constraint {rule}: {name} allows the {fld} {_listed(allowed)}, not {given!r}"))
    if p["inverse"] and not p["canonical"]:
        out.append(
            (
                "predicate",
                f"constraint inverse: {name} is stated in its canonical direction, as {p['inverse']}",
            )
        )
    return out


def symmetric_violations(
    claims: Iterable[Mapping[str, Any]], vocab: Vocabulary = DEFAULT
) -> list[tuple[str, str]]:
    """Symmetric facts stated twice: a claim `b P a` where an earlier claim of the same source
    states `a P b` (P symmetric). Each as `(claim id, message)`, naming the earlier claim."""
    first: dict[tuple[Any, ...], Any] = {}
    out: list[tuple[str, str]] = []
    for claim in claims:
        name = claim.get("predicate")
        p = vocab.predicates.get(name) if isinstance(name, str) else None
        if p is None or not p["symmetric"] or claim.get("retracted"):
            continue
        citation = claim.get("citation")
        source = citation.get("source") if isinstance(citation, Mapping) else None
        subject, obj = claim.get("subject"), claim.get("object")
        mirror = (source, name, obj, subject)
        if mirror in first and subject != obj:
            out.append(
                (
                    str(claim.get("id")),
                    f"constraint symmetric: {name} is symmetric and {first[mirror]} already states it"
                    f" as {obj} {name} {subject}",
                )
            )
            continue
        first.setdefault((source, name, subject, obj), claim.get("id"))
    return out
