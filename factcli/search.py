"""Finding claims: query terms, entity-aware matching, filters, ranking and the timeline.

A query term meets a claim at one of three strengths, tried in order:

* ``text``: the normalized term occurs as a phrase in the claim's normalized statement or
  quote (the stored ``keys.text``);
* ``stem``: every token of the term meets a token or a light stem of the claim, so
  ``روسيا`` finds a quote that only says ``الروسية``;
* ``entity``: the term names an entity (any alias, any script), and the claim either has
  that entity as subject, object, speaker or via, or mentions one of its aliases. Aliases
  are what bridge scripts: ``Rosoboronexport`` finds a quote that writes
  ``روس أوبورون إيكسبورت``.

Terms are ANDed; a claim's rank is its weakest term (0 text, 1 stem, 2 entity). Results are
ordered by rank, then date, then claim id. Filters (subject, object, speaker, predicate,
source, date window) narrow the claims before any term is tried.

Everything here is plain data in and out, so the CLI, tests and scripts share one path.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .lexicon import Lexicon, names_of
from .normalize import normalize, stems, tokenize
from .store import Facts
from .vocabulary import PREDICATES

if TYPE_CHECKING:
    from .dates import DateSpan

# `dates` and `schema` (with hashlib, ~8 ms together) are imported where they are needed:
# a plain search uses neither, and start-up time is a feature of a CLI.

__all__ = [
    "Hit",
    "Query",
    "entity_rows",
    "parse_when",
    "resolve_entities",
    "resolve_sources",
    "search",
    "suggestions",
    "timeline",
]

TEXT, STEM, ENTITY = "text", "stem", "entity"
_RANK = {TEXT: 0, STEM: 1, ENTITY: 2}
_ENTITY_FIELDS = ("subject", "object", "speaker", "via")

# Proclitics that glue onto a name in running Arabic ("لقطر", "والدوحة", "بموسكو").
# When a term names nothing as typed, these are tried off its first word, mildest cut
# first. A cut must leave three letters or more: shorter remainders name nothing reliably.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
_MIN_NAME_AFTER_CUT = 3

# Two-letter aliases ("US", "AK") are ordinary words inside running text ("told us"), so
# they link claims to their entity only through the claim's entity fields, never as text.
_MIN_ALIAS_PHRASE = 3

# Joins a claim's two normalized texts into one haystack. Normalized text never holds a
# newline, so no padded phrase can match across the join.
_JOIN = " \n "


@dataclass
class Query:
    """What to look for. Every CLI argument is one term (it may be a phrase); terms AND."""

    terms: list[str] = field(default_factory=list)
    subject: list[str] = field(default_factory=list)
    object: list[str] = field(default_factory=list)
    predicate: list[str] = field(default_factory=list)
    speaker: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    since: DateSpan | None = None
    until: DateSpan | None = None
    limit: int | None = None
    include_retracted: bool = False


@dataclass
class Hit:
    """One claim found: rank 0 exact text, 1 stem, 2 entity; `matched` says how, per term."""

    claim: dict[str, Any]
    rank: int
    matched: list[str]


# --- names -----------------------------------------------------------------------------


def _alias_keys(lexicon: Lexicon) -> dict[str, list[str]]:
    """Entity id -> every normalized name of it, inverted from the lexicon's index."""
    out: dict[str, list[str]] = {}
    for key, ids in lexicon.by_key.items():
        for eid in ids:
            out.setdefault(eid, []).append(key)
    return out


def _cut_candidates(name: str) -> list[str]:
    """The name with a leading article or proclitic removed, mildest cut first."""
    words = normalize(name).split(" ")
    first, rest = words[0], words[1:]
    cuts: list[str] = []
    for p in _PROCLITICS:
        if first.startswith(p) and len(first) - len(p) >= _MIN_NAME_AFTER_CUT:
            cuts.append(first[len(p) :])
    # "للدوحة" is ل + الدوحة with the article's alef elided in writing.
    if first.startswith("لل") and len(first) > 4:
        cuts.append("ا" + first[1:])
    cuts += [c[2:] for c in list(cuts) if c.startswith("ال") and len(c) - 2 >= _MIN_NAME_AFTER_CUT]
    if first.startswith("ال") and len(first) - 2 >= _MIN_NAME_AFTER_CUT:
        cuts.append(first[2:])
    return [" ".join([c, *rest]) for c in dict.fromkeys(cuts)]


def _name_ids(lexicon: Lexicon, name: str) -> set[str]:
    """Entities a name spells, as typed or with a leading Arabic proclitic cut off."""
    ids = lexicon.resolve(name)
    if ids:
        return ids
    for candidate in _cut_candidates(name):
        ids = lexicon.resolve(candidate)
        if ids:
            return ids
    return set()


def _display_names(entities: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Normalized name -> the spelling to show, preferring a written name over an id slug."""
    shown: dict[str, str] = {}
    for entity in entities:
        written = [entity.get("name"), entity.get("name_ar"), *(entity.get("aliases") or [])]
        for name in [*written, entity.get("id")]:
            if name:
                shown.setdefault(normalize(name), name)
    return shown


def _did_you_mean(near: list[str]) -> str:
    return "; did you mean " + " or ".join(repr(n) for n in near) + "?" if near else ""


def _near_names(lexicon: Lexicon, shown: dict[str, str], text: str, n: int = 3) -> list[str]:
    """The closest names to `text`, one per entity: three spellings of one agency help no one."""
    close = difflib.get_close_matches(normalize(text), list(lexicon.by_key), n=n * 4, cutoff=0.6)
    seen: set[str] = set()
    names: list[str] = []
    for key in close:
        ids = lexicon.by_key[key]
        if ids <= seen:
            continue
        seen |= ids
        names.append(shown.get(key, key))
    return names[:n]


def resolve_entities(facts: Facts, names: list[str], field: str) -> set[str]:
    """Entity ids named by `names` (ids or any alias), unioned; InputError for a name that names nothing."""
    lexicon = Lexicon(facts.entities)
    option = field if field.startswith("--") else f"--{field}"
    found: set[str] = set()
    for name in names:
        if facts.entity(name) is not None:
            found.add(name)
            continue
        ids = _name_ids(lexicon, name)
        if not ids:
            near = _near_names(lexicon, _display_names(facts.entities), name)
            hint = _did_you_mean(near) or " (factcli entities lists the known names)"
            raise InputError(f"unknown entity {name!r} for {option}{hint}")
        found |= ids
    return found


def _parts(label: str) -> list[str]:
    """A credit line and its pieces: "QNA (قنا)" -> the whole, "QNA" and "قنا"."""
    parts = [label]
    match = re.fullmatch(r"\s*(.*?)\s*\((.*)\)\s*", label)
    if match:
        parts += [p for p in match.groups() if p.strip()]
    return parts


def _source_names(source: dict[str, Any], lexicon: Lexicon) -> tuple[set[str], set[str], dict[str, str]]:
    """Normalized names a source answers to, the entities its credit lines name, and display forms."""
    keys: set[str] = set()
    entity_ids: set[str] = set()
    shown: dict[str, str] = {}
    labels = [source.get("outlet") or "", *(source.get("credited") or [])]
    for label in labels:
        for part in _parts(label):
            key = normalize(part)
            if not key:
                continue
            keys.add(key)
            shown.setdefault(key, part)
            entity_ids |= lexicon.resolve(part)
    return keys, entity_ids, shown


def resolve_sources(facts: Facts, refs: list[str]) -> set[str]:
    """Source ids for each ref: an exact id, or a name of the outlet or of a credited agency.

    A name counts when it normalizes equal to the outlet or a credit line (or the part of
    one before or inside parentheses), or when it is an alias of an entity such a line
    names: "Reuters", "رويترز" and "Thomson Reuters" all find the sources crediting Reuters.
    """
    lexicon = Lexicon(facts.entities)
    names = [(s["id"], *_source_names(s, lexicon)) for s in facts.sources]
    found: set[str] = set()
    for ref in refs:
        if facts.source(ref) is not None:
            found.add(ref)
            continue
        key = normalize(ref)
        ids = lexicon.resolve(ref)
        matched = {sid for sid, keys, eids, _ in names if (key and key in keys) or (ids & eids)}
        if not matched:
            shown = {s["id"]: s["id"] for s in facts.sources}
            for _, _, _, forms in names:
                shown.update((k, v) for k, v in forms.items() if k not in shown)
            near = difflib.get_close_matches(ref.strip(), list(shown), n=3, cutoff=0.6)
            near += difflib.get_close_matches(key, list(shown), n=3, cutoff=0.6)
            hint = _did_you_mean(list(dict.fromkeys(shown[k] for k in near))[:3])
            raise InputError(f"unknown source {ref!r}{hint or ' (factcli sources lists them)'}")
        found |= matched
    return found


def _predicates(names: list[str]) -> set[str]:
    chosen: set[str] = set()
    for name in names:
        # Forgive case and the separator ("Negotiating-Purchase"); the words must be exact.
        canonical = re.sub(r"[\s-]+", "_", name.strip().lower())
        if canonical in PREDICATES:
            chosen.add(canonical)
            continue
        near = difflib.get_close_matches(canonical, list(PREDICATES), n=3, cutoff=0.6)
        near += [p for p in PREDICATES if canonical and canonical in p and p not in near]
        hint = _did_you_mean(near[:4]) or "; predicates are: " + ", ".join(PREDICATES)
        raise InputError(f"unknown predicate {name!r} for --predicate{hint}")
    return chosen


# --- matching --------------------------------------------------------------------------


@dataclass
class _Term:
    """One query term, prepared once per search so the claim loop only compares strings."""

    padded: str  # " normalized phrase ", for a token-boundary substring test
    # Per token of the term: itself and its stems, bare (to look up among the claim's
    # stems) and padded (to find among its tokens). Every token must meet the claim.
    keys: list[tuple[tuple[str, ...], tuple[str, ...]]]
    entities: frozenset[str]
    aliases: re.Pattern[str] | None  # any alias phrase of those entities, padded


def _prepare(term: str, lexicon: Lexicon, aliases: dict[str, list[str]]) -> _Term:
    phrase = normalize(term)
    keys = []
    for token in phrase.split(" ") if phrase else ():
        bare = (token, *stems(token))
        keys.append((bare, tuple(f" {k} " for k in bare)))
    ids = frozenset(_name_ids(lexicon, term)) if phrase else frozenset()
    phrases = {a for eid in ids for a in aliases.get(eid, ()) if len(a) >= _MIN_ALIAS_PHRASE}
    # One alternation per term, compiled once per search, not once per claim.
    pattern = None
    if phrases:
        ordered = sorted(phrases, key=lambda p: (-len(p), p))
        pattern = re.compile("|".join(re.escape(f" {p} ") for p in ordered))
    return _Term(f" {phrase} " if phrase else "", keys, ids, pattern)


def _haystack(claim: dict[str, Any]) -> tuple[str, list[str]]:
    keys = claim.get("keys") or _claim_keys(claim)
    return " " + _JOIN.join(keys.get("text") or ()) + " ", keys.get("stems") or []


def _claim_keys(claim: dict[str, Any]) -> dict[str, Any]:
    # Only a claim stored without its match keys (a hand-edited file) gets here.
    from .schema import claim_keys

    return claim_keys(claim)


def _meets_by_stem(term: _Term, hay: str, claim_stems: list[str]) -> bool:
    # Substring tests on the padded haystack stand in for a per-claim token set, which
    # would cost a split and a set build for every claim the exact phrase missed. Plain
    # loops, not any(<generator>): this runs for most claims of a large store.
    for bare, padded in term.keys:
        for p in padded:
            if p in hay:
                break
        else:
            for k in bare:
                if k in claim_stems:
                    break
            else:
                return False
    return bool(term.keys)


def _names_entity(claim: dict[str, Any], term: _Term, hay: str) -> bool:
    ids = term.entities
    if not ids:
        return False
    get = claim.get
    if get("subject") in ids or get("object") in ids or get("speaker") in ids or get("via") in ids:
        return True
    return term.aliases is not None and term.aliases.search(hay) is not None


def _match(claim: dict[str, Any], terms: list[_Term]) -> list[str] | None:
    """How each term meets the claim, or None if one of them does not."""
    hay, claim_stems = _haystack(claim)
    how: list[str] = []
    for term in terms:
        if not term.padded:
            return None
        if term.padded in hay:
            how.append(TEXT)
        elif _meets_by_stem(term, hay, claim_stems):
            how.append(STEM)
        elif _names_entity(claim, term, hay):
            how.append(ENTITY)
        else:
            return None
    return how


def _id_key(claim_id: Any) -> tuple[int, str]:
    # c9999 before c10000: numeric order once ids outgrow their zero padding.
    text = str(claim_id)
    digits = text[1:]
    return (int(digits), text) if text[:1] == "c" and digits.isdigit() else (1 << 62, text)


def _date_key(claim: dict[str, Any]) -> tuple[int, str, str]:
    date = claim.get("date")
    if not date:
        return (1, "", "")
    return (0, date.get("start") or "", date.get("end") or "")


def _window(query: Query) -> tuple[str | None, str | None]:
    low = query.since.start.isoformat() if query.since else None
    high = query.until.end.isoformat() if query.until else None
    if low and high and low > high:
        raise InputError(f"--since {query.since.text!r} is after --until {query.until.text!r}")
    return low, high


def search(facts: Facts, query: Query) -> list[Hit]:
    """Claims that pass every filter and meet every term, best first, at most `limit`."""
    if query.limit is not None and query.limit < 1:
        raise InputError(f"--limit must be at least 1, got {query.limit}")
    wanted: list[tuple[str, set[str]]] = []
    for fld in ("subject", "object", "speaker"):
        names = getattr(query, fld)
        if names:
            wanted.append((fld, resolve_entities(facts, names, fld)))
    predicates = _predicates(query.predicate) if query.predicate else None
    sources = resolve_sources(facts, query.source) if query.source else None
    low, high = _window(query)
    dated_only = low is not None or high is not None

    lexicon = Lexicon(facts.entities)
    aliases = _alias_keys(lexicon) if query.terms else {}
    terms = [_prepare(t, lexicon, aliases) for t in query.terms]

    hits: list[Hit] = []
    for claim in facts.claims:
        if claim.get("retracted") and not query.include_retracted:
            continue
        if predicates is not None and claim.get("predicate") not in predicates:
            continue
        if sources is not None and (claim.get("citation") or {}).get("source") not in sources:
            continue
        if any(claim.get(fld) not in ids for fld, ids in wanted):
            continue
        if dated_only:
            date = claim.get("date")
            # Overlap, not containment: "Oct 2017" is in a window that ends on Oct 25.
            if not date or (low and date["end"] < low) or (high and date["start"] > high):
                continue
        if terms:
            how = _match(claim, terms)
            if how is None:
                continue
            hits.append(Hit(claim, max(_RANK[h] for h in how), how))
        else:
            hits.append(Hit(claim, 0, []))
    hits.sort(key=lambda h: (h.rank, _date_key(h.claim), _id_key(h.claim.get("id"))))
    return hits[: query.limit] if query.limit is not None else hits


def timeline(facts: Facts, query: Query) -> tuple[list[Hit], list[Hit]]:
    """The hits in the order things happened, and apart from them the undated ones.

    Dated hits are ordered by date start, then end (so 1 Oct 2017 comes before October
    2017 as a whole), then id. `limit` counts the dated hits first.
    """
    hits = search(facts, replace(query, limit=None))
    dated = sorted(
        (h for h in hits if h.claim.get("date")),
        key=lambda h: (_date_key(h.claim), _id_key(h.claim.get("id"))),
    )
    undated = [h for h in hits if not h.claim.get("date")]
    if query.limit is not None:
        dated = dated[: query.limit]
        undated = undated[: max(0, query.limit - len(dated))]
    return dated, undated


# --- entities and hints ----------------------------------------------------------------


def entity_rows(facts: Facts, terms: list[str]) -> list[dict[str, Any]]:
    """Entities whose names contain every term (normalized), or all; each with a claim count."""
    counts: dict[str, int] = {}
    for claim in facts.claims:
        for eid in {claim.get(f) for f in _ENTITY_FIELDS} - {None}:
            counts[eid] = counts.get(eid, 0) + 1
    needles = [normalize(t) for t in terms]
    if terms and not all(needles):
        return []
    rows = []
    for entity in facts.entities:
        keys = [normalize(n) for n in names_of(entity)]
        if all(any(needle in key for key in keys) for needle in needles):
            rows.append({**entity, "claims": counts.get(entity["id"], 0)})
    rows.sort(key=lambda r: (-r["claims"], (r.get("name") or "").casefold(), r["id"]))
    return rows


_MAX_HINT_TERMS = 8
_MAX_HINT_CHARS = 200


def suggestions(facts: Facts, terms: list[str]) -> list[str]:
    """Up to three entity names close to the terms, for a "nothing found; did you mean" hint."""
    lexicon = Lexicon(facts.entities)
    shown = _display_names(facts.entities)
    typed = {normalize(t) for t in terms}
    near: list[str] = []
    # A hint is for names a person typed: a pasted paragraph gets none rather than seconds of
    # fuzzy matching over every word.
    for term in terms[:_MAX_HINT_TERMS]:
        if len(term) > _MAX_HINT_CHARS:
            continue
        found = _near_names(lexicon, shown, term)
        if not found:
            # Nothing near the whole phrase: try its longer words ("Vladimir Putn Doha").
            for word in tokenize(term)[:_MAX_HINT_TERMS]:
                if len(word) >= 4:
                    found += _near_names(lexicon, shown, word)
        near += found
    picked: list[str] = []
    seen: set[str] = set()
    for name in near:
        ids = lexicon.resolve(name)
        if normalize(name) in typed or ids <= seen:
            continue
        seen |= ids
        picked.append(name)
    return picked[:3]


def parse_when(text: str) -> DateSpan:
    """A --since/--until date in ISO, English or Arabic; relative words count from today.

    Raises DateError (an InputError, exit 2) with the dates module's hint when unreadable.
    """
    from .dates import parse_date

    return parse_date(text)
