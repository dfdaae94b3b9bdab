"""Entity names: what each spelling names, and in which role.

Two views of the same names, so the importer, the filters, the index and the hints agree:

* `Lexicon(entities)` maps every id, name, Arabic name, alias and common word, normalized,
  to entity ids: `.resolve(name)` answers "which entities does this spelling name?" and
  `.suggest(name)` gives the nearest names for a "did you mean" line. Metonyms are left
  out: "Doha" names the city, not the state it may stand for in running text.
* `name_table(entities, analyzer)` lists every name as analyzed tokens with its role, for
  the index: it is what claim text is linked on and what query words resolve through.

A distinctive part of a multi-word name (`Mikheyev` of "Alexander Mikheyev", `Sada` of
"Mohammed Al Sada") names the entity too; a generic part never does alone. A part is
generic when it is in `GENERIC_WORDS` (particles and honorifics of names, in both scripts)
or when the names of `GENERIC_MIN_ENTITIES` entities or more share it (`Qatar` in "Qatar
Armed Forces", "Qatari Air Defence", ...): such a word says too little about which one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .normalize import normalize

__all__ = [
    "GENERIC_MIN_ENTITIES",
    "GENERIC_WORDS",
    "NAME_PARTICLES",
    "Lexicon",
    "NameRow",
    "name_table",
    "names_of",
]

# Name particles: the family and filiation words a name is built with (Al Thani, bin Hamad,
# آل ثاني), as normalized tokens. Arabic forms are written normalized: آل -> ال, أبو -> ابو.
NAME_PARTICLES = frozenset("al el ad as at ibn bin bint ben abu abou ال بن ابن بنت ابو".split())
# Name particles, honorifics and function words met inside names.
GENERIC_WORDS = NAME_PARTICLES | frozenset(
    "sheikh shaikh sheik emir the of and for in on to de mr lt gen jsc x "
    "الشيخ شيخ في من الى على لدى بين و".split()
)
# A part shared by this many entities' names is too common to stand for any one of them.
GENERIC_MIN_ENTITIES = 3

# Roles a name row can have, strongest claim to mean the entity first.
NAME, ALIAS, COMMON_WORD, PART, METONYM = "name", "alias", "common_word", "part", "metonym"


def names_of(entity: dict[str, Any]) -> list[str]:
    """The names a user may type for an entity: written names first, then aliases, common
    words and the id (so that a suggestion shows "Rosoboronexport", not the slug)."""
    names = [entity.get("name") or "", entity.get("name_ar") or ""]
    names += entity.get("aliases") or []
    names += entity.get("common_words") or []
    names.append(entity.get("id") or "")
    return [n for n in names if isinstance(n, str) and n]


class Lexicon:
    def __init__(self, entities: Iterable[dict[str, Any]] = ()) -> None:
        self.by_key: dict[str, set[str]] = {}
        self.display: dict[str, str] = {}
        for entity in entities:
            self.add(entity)

    def add(self, entity: dict[str, Any]) -> None:
        """Take in one more entity (the importer adds as it validates: linear, not quadratic)."""
        for name in names_of(entity):
            key = normalize(name)
            if key:
                self.by_key.setdefault(key, set()).add(entity["id"])
                self.display.setdefault(key, name)

    def resolve(self, name: str) -> set[str]:
        """Ids of the entities `name` spells (any alias, any script form); empty if none."""
        return set(self.by_key.get(normalize(name), ()))

    def suggest(self, name: str, n: int = 3, cutoff: float = 0.6) -> list[str]:
        """The nearest known names, as written in the store, for a "did you mean" line
        (`cutoff`: how alike, difflib's ratio, a name must be to be offered)."""
        import difflib  # only a "did you mean" needs it

        key = normalize(name)
        close = difflib.get_close_matches(key, list(self.by_key), n=n, cutoff=cutoff)
        return [self.display[k] for k in close]


NameRow = tuple[str, str, str, str]  # (analyzed key, entity id, role, the name as written)


def name_table(entities: Iterable[dict[str, Any]], tokens: Callable[[str], list[str]]) -> list[NameRow]:
    """Every name of every entity as (key, entity, role, written), key = its tokens joined by
    spaces; plus each distinctive contiguous part of a multi-word name, role `part`."""
    rows: list[NameRow] = []
    whole: list[tuple[tuple[str, ...], str, str]] = []
    for entity in entities:
        eid = entity["id"]
        written = [(entity.get("name"), NAME), (entity.get("name_ar"), NAME), (eid, NAME)]
        written += [(a, ALIAS) for a in entity.get("aliases") or ()]
        written += [(c, COMMON_WORD) for c in entity.get("common_words") or ()]
        written += [(m, METONYM) for m in entity.get("metonyms") or ()]
        seen: set[tuple[str, str]] = set()
        common = {tuple(tokens(c)) for c in entity.get("common_words") or ()}
        for name, role in written:
            if not isinstance(name, str):
                continue
            toks = tuple(tokens(name))
            if not toks:
                continue
            # A written name that is also listed as a common word plays that role (الجزيرة).
            if role == NAME and toks in common:
                continue
            if (" ".join(toks), role) in seen:
                continue
            seen.add((" ".join(toks), role))
            rows.append((" ".join(toks), eid, role, name))
            if role in (NAME, ALIAS) and len(toks) > 1:
                whole.append((toks, eid, name))
    sharing: dict[str, set[str]] = {}
    for toks, eid, _ in whole:
        for tok in toks:
            sharing.setdefault(tok, set()).add(eid)
    generic = {t for t, ids in sharing.items() if len(ids) >= GENERIC_MIN_ENTITIES} | GENERIC_WORDS
    taken = {(key, eid) for key, eid, _, _ in rows}
    for toks, eid, name in whole:
        for i in range(len(toks)):
            for j in range(i + 1, len(toks) + 1):
                part = toks[i:j]
                if len(part) == len(toks) or all(t in generic or len(t) < 3 for t in part):
                    continue
                key = " ".join(part)
                if (key, eid) not in taken:
                    taken.add((key, eid))
                    rows.append((key, eid, PART, name))
    return rows
