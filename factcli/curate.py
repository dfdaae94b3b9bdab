"""Corrections with a trail: editing and retracting claims, editing and merging entities,
adding and editing the predicates and units of the store's vocabulary.

Every change is first planned against a snapshot of the store (`plan_*`: plain data in, a
`Plan` out, nothing written), so the CLI can show it and ask. `apply` then plans it again
under the write lock, from the store as it is at that moment, and writes it in one atomic
replace only if it is still the change that was shown.

The trail lives on the records themselves (the store's public format):

* ``claim["retracted"] = {"at", "reason"}``: the claim keeps its id forever; reads leave it
  out unless asked to include retracted claims.
* ``record["revisions"] = [{"at", "changes": {field: {"from", "to"}}, "reason"}]``, oldest
  first, on claims and entities: what changed, when, and why. A predicate of the store's
  vocabulary keeps the same trail in its entry, from its addition on (a predicate added
  records every field from null), so a store's own terms say who made them mean what.

`at` is a UTC timestamp to the second (schema.TIMESTAMP_FORMAT).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import store
from .codec import copied
from .constraints import symmetric_violations
from .errors import InputError, Refusal, StoreError, did_you_mean
from .importer import ValidationError, check_claim, duplicate_key, unpaired_surrogates
from .index import refresh
from .lexicon import Lexicon, names_of
from .migrate import upgrade
from .normalize import normalize
from .records import CLAIM_CONTENT_FIELDS, ENTITY_REF_FIELDS, FIELD_ORDER, HISTORY_FIELDS
from .schema import (
    TIMESTAMP_FORMAT,
    claim_problems,
    constraint_problems,
    entity_problems,
    reason_problem,
    refuse_damaged,
    vocabulary_problems,
)
from .vocabulary import PREDICATE_FIELDS, default_document
from .vocabulary import of as vocabulary_of

# What `edit` may change: every claim field but its id and its citation offsets, which
# follow from the quote. `source` and `quote` are the citation's two parts.
EDITABLE_CLAIM_FIELDS = (*CLAIM_CONTENT_FIELDS, "source", "quote")
# Fields an edit may empty (None): the optional ones.
CLEARABLE_CLAIM_FIELDS = ("object", "value", "date", "speaker", "via")
SETTABLE_ENTITY_FIELDS = ("name", "name_ar", "description", "type")
CLEARABLE_ENTITY_FIELDS = ("name_ar", "description")
# A claim's own fields, in the store's order, less its id and its trail (HISTORY_FIELDS).
_STORED_CLAIM_FIELDS = tuple(f for f in FIELD_ORDER["claims"] if f not in ("id", *HISTORY_FIELDS))


class Refused(Refusal):
    """The change was refused and nothing was written (errors.Refusal says how it is shown)."""

    what = "change"


@dataclass
class Change:
    """One record as it will be stored, and what changed on it."""

    table: str  # "claims" or "entities"
    id: str
    record: dict[str, Any]
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    retracted: dict[str, str] | None = None


@dataclass
class Plan:
    """A correction, worked out and checked, not yet written."""

    action: str  # edit, retract, set, add-alias, remove-alias, merge
    reason: str
    at: str
    changes: list[Change] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # entity ids merged away
    new_entities: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The store's whole vocabulary document after the change, when the change is to it.
    vocabulary: dict[str, Any] | None = None

    def key(self) -> Any:
        """What the change does, without its timestamp: a plan made again must match it."""
        return (
            self.action,
            [(c.table, c.id, c.changes, c.retracted and c.retracted["reason"]) for c in self.changes],
            self.removed,
            [e["id"] for e in self.new_entities],
        )


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime(TIMESTAMP_FORMAT)


# --- claims ---------------------------------------------------------------------------


def plan_edit(
    facts: store.Facts,
    claim_id: str,
    fields: dict[str, Any],
    reason: str,
    at: str | None = None,
    *,
    create_entities: bool = False,
) -> Plan:
    """Change some fields of a claim, validated as an import validates a claim.

    `fields` maps names of EDITABLE_CLAIM_FIELDS to new values as a user gives them: names
    or ids for entities, a DATE or a date phrase (resolved against the source's publication
    date), None to empty an optional field. A new quote has its offsets found again.
    """
    claim = _claim(facts, claim_id)
    _check_reason(reason)
    if claim.get("retracted"):
        r = claim["retracted"]
        raise InputError(
            f"{claim['id']} was retracted at {r.get('at')} ({r.get('reason')}); a retracted claim is not edited"
        )
    _check_fields(fields, EDITABLE_CLAIM_FIELDS, CLEARABLE_CLAIM_FIELDS, "a field edit can change")
    rec: dict[str, Any] = {k: claim.get(k) for k in _STORED_CLAIM_FIELDS}
    rec.update((k, v) for k, v in fields.items() if k not in ("source", "quote"))
    old_cit = claim["citation"]
    if "source" in fields or "quote" in fields:
        # The offsets follow from the quote: found again, as an import finds them.
        new_source = fields.get("source", old_cit["source"])
        new_quote = fields.get("quote", old_cit["quote"])
        rec["citation"] = {"source": new_source, "quote": new_quote}
        if new_source == old_cit["source"] and new_quote == old_cit["quote"]:
            rec["citation"] = dict(old_cit)
        elif new_source == old_cit["source"] and isinstance(new_quote, str) and new_quote:
            # Words the source has more than once: the occurrence nearest the old quote,
            # since edit takes no offsets.
            text = (facts.source(new_source) or {}).get("text") or ""
            starts = [m.start() for m in re.finditer(re.escape(new_quote), text)]
            if len(starts) > 1:
                start = min(starts, key=lambda i: abs(i - old_cit["start"]))
                rec["citation"].update(start=start, end=start + len(new_quote))
    others = store.Facts(
        facts.path,
        facts.sources,
        facts.entities,
        [c for c in facts.claims if c is not claim],
        dict(facts.meta),
        facts.vocabulary,
    )
    try:
        checked, new_entities = check_claim(others, rec, create_entities=create_entities)
    except ValidationError as exc:
        raise Refused(exc.problems, "edit") from None
    changes = {
        k: {"from": claim.get(k), "to": checked.get(k)}
        for k in _STORED_CLAIM_FIELDS
        if claim.get(k) != checked.get(k)
    }
    if not changes:
        raise InputError(f"nothing to change: {claim['id']} already says that")
    at = _after(claim, at)
    new = {k: checked[k] for k in _STORED_CLAIM_FIELDS}
    new = {"id": claim["id"], **new}
    if "keys" in checked:
        new["keys"] = checked["keys"]  # recomputed from the new statement and quote
    new["revisions"] = [*claim.get("revisions", []), {"at": at, "changes": changes, "reason": reason}]
    plan = Plan("edit", reason, at, [Change("claims", claim["id"], new, changes)], new_entities=new_entities)
    return _checked(plan, facts)


def plan_retract(facts: store.Facts, claim_id: str, reason: str, at: str | None = None) -> Plan:
    """Mark a claim retracted: it keeps its id and its record, and says when and why."""
    claim = _claim(facts, claim_id)
    _check_reason(reason)
    if claim.get("retracted"):
        r = claim["retracted"]
        raise InputError(f"{claim['id']} is already retracted (at {r.get('at')}: {r.get('reason')})")
    at = _after(claim, at)
    new = dict(claim)
    new["retracted"] = {"at": at, "reason": reason}
    plan = Plan("retract", reason, at, [Change("claims", claim["id"], new, retracted=new["retracted"])])
    return _checked(plan, facts)


# --- entities -------------------------------------------------------------------------


def plan_entity_set(
    facts: store.Facts, entity: str, fields: dict[str, Any], reason: str, at: str | None = None
) -> Plan:
    """Set an entity's name, Arabic name, description or type (None empties an optional one).

    A new English name keeps the old one among the aliases, so what found it still does.
    """
    ent = _entity(facts, entity)
    _check_reason(reason)
    _check_fields(fields, SETTABLE_ENTITY_FIELDS, CLEARABLE_ENTITY_FIELDS, "an entity field to set")
    types = vocabulary_of(facts).entity_types
    if "type" in fields and fields["type"] not in types:
        raise InputError(f"type {fields['type']!r} is not one of {', '.join(types)}")
    new = dict(ent)
    new.update(fields)
    old_name = ent.get("name")
    if "name" in fields and isinstance(old_name, str) and old_name != fields["name"]:
        kept = [n for n in names_of(new) if n != new.get("id")]
        if normalize(old_name) not in {normalize(n) for n in kept}:
            new["aliases"] = [*ent.get("aliases", []), old_name]
    return _entity_plan(facts, "set", ent, new, reason, at)


def plan_aliases(
    facts: store.Facts, entity: str, add: list[str], remove: list[str], reason: str, at: str | None = None
) -> Plan:
    """Add or remove names a user may type for an entity (either script)."""
    ent = _entity(facts, entity)
    _check_reason(reason)
    aliases = list(ent.get("aliases") or [])
    problems: list[str] = []
    notes: list[str] = []
    for name in remove:
        hit = [a for a in aliases if a == name] or [a for a in aliases if normalize(a) == normalize(name)]
        if not hit:
            listed = ", ".join(repr(a) for a in aliases) or "none"
            problems.append(f"{name!r} is not an alias of {ent['id']} (its aliases: {listed})")
            continue
        aliases.remove(hit[0])
    lexicon = Lexicon([e for e in facts.entities if e["id"] != ent["id"]])
    for raw in add:
        name = raw.strip()
        if not name:
            problems.append("an alias cannot be empty")
            continue
        own = [n for n in names_of({**ent, "aliases": aliases}) if normalize(n) == normalize(name)]
        if own:
            same = name if name in own else own[0]
            problems.append(f"{name!r} is already a name of {ent['id']} (as {same!r})")
            continue
        aliases.append(name)
        others = sorted(lexicon.resolve(name))
        if others:
            notes.append(f"{name!r} is also a name of {', '.join(others)}: a query for it finds all of them")
    if problems:
        raise Refused(problems, "alias change")
    action = "add-alias" if add and not remove else "remove-alias" if remove and not add else "aliases"
    plan = _entity_plan(facts, action, ent, {**ent, "aliases": aliases}, reason, at)
    plan.notes += notes
    return plan


def plan_merge(facts: store.Facts, keep: str, gone: str, reason: str, at: str | None = None) -> Plan:
    """Fold entity `gone` into `keep`: its claims re-pointed, its names kept as aliases.

    `gone` leaves the entities table; its name, Arabic name, aliases and id become aliases
    of `keep` (so every name that found it still does), and an empty Arabic name or
    description of `keep` is filled from it. Each re-pointed claim and `keep` record the
    merge in their revisions.
    """
    kept, merged = _entity(facts, keep), _entity(facts, gone)
    _check_reason(reason)
    if kept["id"] == merged["id"]:
        raise InputError(f"{keep!r} and {gone!r} are the same entity ({kept['id']})")
    why = f"merged {merged['id']} into {kept['id']}: {reason}"
    at = _after(kept, at, merged, *[c for c in facts.claims if _names(c, merged["id"])])
    new = dict(kept)
    names = {normalize(n) for n in names_of(kept)}
    aliases = list(kept.get("aliases") or [])
    for name in [merged.get("name"), merged.get("name_ar"), *(merged.get("aliases") or []), merged["id"]]:
        if isinstance(name, str) and name.strip() and normalize(name) not in names:
            aliases.append(name)
            names.add(normalize(name))
    new["aliases"] = aliases
    for fld in ("name_ar", "description"):
        if not kept.get(fld) and merged.get(fld):
            new[fld] = merged[fld]
    plan = Plan("merge", reason, at, removed=[merged["id"]])
    changes = _diff(kept, new, ("name_ar", "aliases", "description"))
    if changes:
        new["revisions"] = [*kept.get("revisions", []), {"at": at, "changes": changes, "reason": why}]
        plan.changes.append(Change("entities", kept["id"], new, changes))
    spans = {
        duplicate_key(c): c["id"]
        for c in facts.claims
        if not _names(c, merged["id"]) and not c.get("retracted")
    }
    problems: list[str] = []
    for claim in facts.claims:
        if not _names(claim, merged["id"]):
            continue
        moved = dict(claim)
        ch = {}
        for fld in ENTITY_REF_FIELDS:
            if claim.get(fld) == merged["id"]:
                moved[fld] = kept["id"]
                ch[fld] = {"from": merged["id"], "to": kept["id"]}
        moved["revisions"] = [*claim.get("revisions", []), {"at": at, "changes": ch, "reason": why}]
        if not claim.get("retracted"):
            twin = spans.get(duplicate_key(moved))
            if twin:
                problems.append(
                    f"{claim['id']} would repeat {twin} (same source, span, subject, predicate and object); "
                    f"retract one of them first"
                )
            spans[duplicate_key(moved)] = claim["id"]
        plan.changes.append(Change("claims", claim["id"], moved, ch))
    if problems:
        raise Refused(problems, "merge")
    return _checked(plan, facts)


# --- writing --------------------------------------------------------------------------


def apply(
    location: store.Location, make: Callable[[store.Facts], Plan], shown_plan: Plan | None = None
) -> Plan:
    """Plan the change again under the write lock and write it in one atomic replace.

    `make` builds the plan from a snapshot. When `shown_plan` (the plan the user saw) is
    given and the store has changed so that the change would differ, nothing is written.
    """
    if not location.readonly and not location.path.exists():
        raise StoreError(f"no store at {location.path}")  # before the lock: no stray lock file
    scope = _sources_changed(shown_plan) if shown_plan is not None else None
    with store.writing(location, upgrade=upgrade, on_written=refresh, sources=scope) as tx:
        if not tx.checked:  # else these are bytes a write left after this very check passed
            refuse_damaged(tx.facts, location.path)
        plan = make(tx.facts)
        if shown_plan is not None and plan.key() != shown_plan.key():
            raise StoreError(
                f"{location.path} changed since the change was shown; nothing was written (run it again)"
            )
        if plan.vocabulary is not None:
            tx.set_vocabulary(plan.vocabulary)
        if plan.new_entities:
            tx.add(entities=plan.new_entities)
        for table in ("entities", "claims"):
            records = [c.record for c in plan.changes if c.table == table]
            removed = plan.removed if table == "entities" else []
            if records or removed:
                tx.replace(table, records, remove=removed)
        return plan


# --- helpers --------------------------------------------------------------------------


def _sources_changed(plan: Plan) -> set[str] | None:
    """The sources whose claims a plan changes (a claim's source before and after), or None
    when it changes entities, whose names every source's claims may use."""
    if plan.new_entities or plan.removed or any(c.table != "claims" for c in plan.changes):
        return None
    named: set[str] = set()
    for change in plan.changes:
        moved = change.changes.get("citation", {})
        for cit in (change.record.get("citation"), moved.get("from"), moved.get("to")):
            if isinstance(cit, dict) and isinstance(cit.get("source"), str):
                named.add(cit["source"])
    return named


def _claim(facts: store.Facts, claim_id: str) -> dict[str, Any]:
    claim = facts.claim(claim_id.strip())
    if claim is None:
        digits = claim_id.strip().lower().lstrip("c")
        near = [
            c["id"]
            for c in facts.claims
            if digits.isdigit() and c["id"][1:].lstrip("0") == digits.lstrip("0")
        ]
        hint = did_you_mean(near[:1], quote=False) or " (factcli search lists claim ids)"
        raise InputError(f"no claim {claim_id!r}{hint}")
    return claim


def _entity(facts: store.Facts, ref: str) -> dict[str, Any]:
    ent = facts.entity(ref)
    if ent is not None:
        return ent
    lexicon = Lexicon(facts.entities)
    ids = sorted(lexicon.resolve(ref))
    if len(ids) == 1:
        return facts.entity(ids[0])  # type: ignore[return-value]
    if ids:
        raise InputError(f"{ref!r} could mean {', '.join(ids)}; give the entity id")
    near = lexicon.suggest(ref)
    hint = did_you_mean(near) or " (factcli entities lists them)"
    raise InputError(f"unknown entity {ref!r}{hint}")


def _check_fields(
    fields: dict[str, Any], allowed: tuple[str, ...], clearable: tuple[str, ...], what: str
) -> None:
    """Only `allowed` fields are changed, and only `clearable` ones emptied (None or "")."""
    unknown = sorted(set(fields) - set(allowed))
    if unknown:
        raise InputError(f"{unknown[0]!r} is not {what} ({', '.join(allowed)})")
    for fld, value in fields.items():
        if (value is None or value == "") and fld not in clearable:
            raise InputError(f"{fld} cannot be emptied; only {', '.join(clearable)} can")


def _check_reason(reason: Any) -> None:
    problem = reason_problem(reason)
    if problem:
        raise InputError(f"--reason {problem}")


def _after(record: dict[str, Any], at: str | None, *more: dict[str, Any]) -> str:
    """`at`, or now; never before a revision already on the records (a clock set back)."""
    stamp = at or now()
    for rec in (record, *more):
        for rev in rec.get("revisions") or ():
            if isinstance(rev, dict) and isinstance(rev.get("at"), str) and rev["at"] > stamp:
                stamp = rev["at"]
    return stamp


def _diff(old: dict[str, Any], new: dict[str, Any], fields: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    return {k: {"from": old.get(k), "to": new.get(k)} for k in fields if old.get(k) != new.get(k)}


def _entity_plan(
    facts: store.Facts, action: str, ent: dict[str, Any], new: dict[str, Any], reason: str, at: str | None
) -> Plan:
    changes = _diff(ent, new, ("type", "name", "name_ar", "aliases", "description"))
    if not changes:
        raise InputError(f"nothing to change: {ent['id']} already says that")
    at = _after(ent, at)
    new["revisions"] = [*ent.get("revisions", []), {"at": at, "changes": changes, "reason": reason}]
    plan = Plan(action, reason, at, [Change("entities", ent["id"], new, changes)])
    return _checked(plan, facts)


def _names(claim: dict[str, Any], eid: str) -> bool:
    return any(claim.get(f) == eid for f in ENTITY_REF_FIELDS)


_SINGULAR = {"claims": "claim", "entities": "entity"}
_SURROGATE = "contains an unpaired surrogate escape (\\ud800-\\udfff), not valid Unicode"


def _checked(plan: Plan, facts: store.Facts) -> Plan:
    """Every changed record passes the schema checks `verify` runs, or nothing is planned."""
    removed = set(plan.removed)
    replaced = {(c.table, c.id): c.record for c in plan.changes}
    after = store.Facts(
        facts.path,
        facts.sources,
        [replaced.get(("entities", e["id"]), e) for e in facts.entities if e["id"] not in removed]
        + plan.new_entities,
        [replaced.get(("claims", c["id"]), c) for c in facts.claims],
        facts.meta,
        facts.vocabulary,
    )
    problems: list[str] = []
    if unpaired_surrogates({"reason": plan.reason}):
        problems.append(f"field reason: {_SURROGATE}")
    for ch in plan.changes:
        bad = [
            f for f in unpaired_surrogates(ch.record) if f not in ("revisions", "retracted")
        ]  # the reason's, said above
        if bad:
            problems += [f"{_SINGULAR[ch.table]} {ch.id}, field {f}: {_SURROGATE}" for f in bad]
            continue
        found = (
            claim_problems(ch.record, after)
            if ch.table == "claims"
            else entity_problems(ch.record, vocabulary_of(after))
        )
        problems += [f"{_SINGULAR[ch.table]} {ch.id}, field {f}: {m}" for f, m in found]
    # A removed entity must not be left named by a claim the plan does not re-point.
    for claim in after.claims:
        for fld in ENTITY_REF_FIELDS:
            if claim.get(fld) in removed:
                problems.append(f"claim {claim['id']}, field {fld}: still names {claim[fld]}")
    if problems:
        raise Refused(problems)
    return plan


__all__ = [
    "Change",
    "Plan",
    "Refused",
    "apply",
    "now",
    "plan_aliases",
    "plan_edit",
    "plan_entity_set",
    "plan_merge",
    "plan_retract",
]


# --- the store's vocabulary -------------------------------------------------------------

# What `vocabulary add` and `vocabulary set` may give a predicate: every field of its entry
# but the trail; `inverse` names the canonical predicate the new one is the other side of.
PREDICATE_SETTABLE = tuple(f for f in PREDICATE_FIELDS if f not in ("canonical", "revisions"))


def _vocabulary_document(facts: store.Facts) -> dict[str, Any]:
    """A copy of the store's vocabulary document (the shipped one for an older store)."""
    return copied(facts.vocabulary) if isinstance(facts.vocabulary, dict) else default_document()


def plan_predicate(
    facts: store.Facts,
    name: str,
    fields: dict[str, Any],
    reason: str,
    adding: bool,
    at: str | None = None,
) -> Plan:
    """Add a predicate to the store's vocabulary (`adding`) or change one, with a trail.

    `fields` are entry fields (`PREDICATE_SETTABLE`). A new predicate needs a definition and
    its subject types; the rest default as the shipped entries do (any modality, polarity
    and unit, no object required). Giving `inverse` makes the predicate the non-canonical
    side of a pair with that predicate, which becomes its canonical side: claims are then
    stated with the other. Refused: a vocabulary `verify` would not pass, and a change
    under which a stored claim breaks a constraint (each such claim named)."""
    _check_reason(reason)
    _check_fields(fields, PREDICATE_SETTABLE, ("inverse", "units"), "a predicate field")
    vocab = _vocabulary_document(facts)
    predicates = vocab["predicates"]
    name = name.strip()
    old = predicates.get(name)
    if adding and old is not None:
        raise InputError(f"predicate {name!r} is already in the vocabulary (vocabulary set changes it)")
    if not adding and old is None:
        hint = did_you_mean(difflib_near(name, list(predicates))) or " (factcli vocabulary lists them)"
        raise InputError(f"no predicate {name!r} in the vocabulary{hint}")
    if adding:
        missing = [f for f in ("definition", "subject_types") if not fields.get(f)]
        if missing:
            raise InputError(
                f"a new predicate needs {' and '.join('--' + m.replace('_', '-') for m in missing)}"
            )
        base: dict[str, Any] = {
            "definition": "",
            "labels": {"en": [], "ar": []},
            "subject_types": [],
            "object_types": [],
            "object_required": False,
            "units": None,
            "value_required": False,
            "symmetric": False,
            "inverse": None,
            "canonical": True,
            "modalities": list(vocab["modalities"]),
            "polarities": list(vocab["polarities"]),
        }
    else:
        base = dict(old)  # type: ignore[arg-type]
    new = dict(base)
    new.pop("revisions", None)
    new.update(fields)
    notes: list[str] = []
    changes_of_other: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    if "inverse" in fields and fields["inverse"] != base.get("inverse"):
        other = fields["inverse"]
        was = base.get("inverse")
        if was is not None and isinstance(predicates.get(was), dict):
            # The old partner is no longer one: it is stated as itself again.
            prev = predicates[was]
            after = {**prev, "inverse": None, "canonical": True}
            changes_of_other.append((was, prev, after))
        if other is None:
            new["canonical"] = True
        else:
            partner = predicates.get(other)
            if not isinstance(partner, dict):
                raise InputError(f"--inverse {other!r}: no such predicate in the vocabulary")
            if partner.get("inverse") not in (None, name):
                raise InputError(
                    f"--inverse {other!r}: {other} is already the inverse of {partner['inverse']}"
                )
            new["canonical"] = False
            changes_of_other.append((other, partner, {**partner, "inverse": name, "canonical": True}))
            notes.append(f"{other} becomes the canonical side: claims state {name} as {other}")
    new = {k: new[k] for k in PREDICATE_FIELDS if k in new}
    changes = _diff({} if adding else base, new, tuple(f for f in PREDICATE_FIELDS if f != "revisions"))
    if not changes:
        raise InputError(f"nothing to change: {name} already says that")
    at = _after(old or {}, at)
    trail = [*(old or {}).get("revisions", []), {"at": at, "changes": changes, "reason": reason}]
    predicates[name] = {**new, "revisions": trail}
    plan_changes = [Change("vocabulary", name, predicates[name], changes)]
    for other_name, before, after in changes_of_other:
        other_changes = _diff(before, after, ("inverse", "canonical"))
        if other_changes:
            other_trail = [
                *before.get("revisions", []),
                {"at": at, "changes": other_changes, "reason": reason},
            ]
            predicates[other_name] = {
                **{k: after[k] for k in PREDICATE_FIELDS if k in after},
                "revisions": other_trail,
            }
            plan_changes.append(Change("vocabulary", other_name, predicates[other_name], other_changes))
    plan = Plan("add-predicate" if adding else "set-predicate", reason, at, plan_changes, notes=notes)
    plan.vocabulary = vocab
    return _vocabulary_checked(plan, facts)


def plan_unit(facts: store.Facts, unit: str, reason: str, at: str | None = None) -> Plan:
    """Add a unit to the store's vocabulary: a predicate that takes any unit takes it too."""
    _check_reason(reason)
    vocab = _vocabulary_document(facts)
    unit = unit.strip()
    if unit in vocab["units"]:
        raise InputError(f"unit {unit!r} is already in the vocabulary")
    vocab["units"].append(unit)
    at = at or now()
    change = Change("vocabulary", unit, {"unit": unit}, {"units": {"from": None, "to": unit}})
    plan = Plan("add-unit", reason, at, [change])
    plan.vocabulary = vocab
    return _vocabulary_checked(plan, facts)


def difflib_near(word: str, words: list[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(word, words, n=3, cutoff=0.6)


def _vocabulary_checked(plan: Plan, facts: store.Facts) -> Plan:
    """The new vocabulary passes `verify`, and every stored claim its constraints, or nothing
    is planned: a vocabulary change never leaves a stored claim breaking a rule."""
    assert plan.vocabulary is not None
    problems = [f"vocabulary, {f}: {m}" for f, m in vocabulary_problems(plan.vocabulary)]
    if not problems:
        after = store.Facts(
            facts.path, facts.sources, facts.entities, facts.claims, facts.meta, plan.vocabulary
        )
        touched = {c.id for c in plan.changes}
        for claim in facts.claims:
            if claim.get("retracted") or claim.get("predicate") not in touched:
                continue
            problems += [f"claim {claim['id']}, field {f}: {m}" for f, m in constraint_problems(claim, after)]
        vocab = vocabulary_of(after)
        problems += [f"claim {cid}: {m}" for cid, m in symmetric_violations(facts.claims, vocab)]
    if problems:
        raise Refused(problems)
    return plan
