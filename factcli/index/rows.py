"""The derived rows of a store, whichever database keeps them: what the SQLite index and the
shared PostgreSQL index both store, made here once so that the two answer alike.

A claim becomes one `ClaimRows`: its filter columns and record (`claim`), its analyzed text
(`text`: the statement's and the quote's tokens, then their stems, each joined by spaces) and
its links to entities (`links`: by role, and the mentions `link.Linker` finds in its text);
the entities' names become `name_rows`, the predicate labels `label_rows`, the thesaurus and
the number words `synonym_rows`. A backend decides only how to store and query them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ..analyze import Analyzer
from ..lexicon import name_table
from ..link import Linker

__all__ = [
    "ABOUT_ROLES",
    "ROLES",
    "ClaimRows",
    "claim_rows",
    "label_rows",
    "linker",
    "name_rows",
    "summary",
    "synonym_rows",
]

ROLES = ("subject", "object", "speaker", "via")
# The roles an entity's `claims` count is of: what `search --subject/--object/--speaker` find.
# The agency a claim came through (`via`) is counted in `named`, as a mention is.
ABOUT_ROLES = ("subject", "object", "speaker")

NameRow = tuple[str, str, str, str, str]  # (key, stem key, entity, role, name as written)


class ClaimRows(NamedTuple):
    """One claim's rows. `claim`: (n, id, subject, predicate, object, speaker, via, source,
    date_start, date_end, retracted 0/1, record JSON); `text`: (statement, quote,
    statement_stems, quote_stems); `links`: (entity, role, kind, own 0/1); `about`: the
    entities it is the subject, object or speaker of (what a live claim counts for)."""

    claim: tuple[Any, ...]
    text: tuple[str, str, str, str]
    links: list[tuple[str, str, str, int]]
    about: list[str]

    @property
    def source(self) -> Any:
        return self.claim[7]

    @property
    def live(self) -> bool:
        return not self.claim[10]


def claim_rows(
    n: int, claim: dict[str, Any], an: Analyzer, linker: Linker, dumps: Callable[[Any], str]
) -> ClaimRows:
    """The rows of the claim at position `n` (1 for the store's first claim)."""
    cit = claim.get("citation") or {}
    date = claim.get("date") or {}
    live = not claim.get("retracted")
    row = (
        n,
        claim.get("id"),
        claim.get("subject"),
        claim.get("predicate"),
        claim.get("object"),
        claim.get("speaker"),
        claim.get("via"),
        cit.get("source"),
        date.get("start"),
        date.get("end"),
        0 if live else 1,
        dumps(claim),
    )
    st_toks = an.tokens(claim.get("statement") or "")
    qu_toks = an.tokens(cit.get("quote") or "")
    text = (" ".join(st_toks), " ".join(qu_toks), " ".join(an.stems(st_toks)), " ".join(an.stems(qu_toks)))
    roles: dict[str, list[str]] = {}
    for role in ROLES:
        eid = claim.get(role)
        if isinstance(eid, str):
            roles.setdefault(eid, []).append(role)
    links = [(eid, role, "role", 1) for eid, rs in roles.items() for role in rs]
    links += [
        (eid, "mention", kind, int(own)) for eid, kind, own in linker.mentions(st_toks, qu_toks, set(roles))
    ]
    about = [eid for eid, rs in roles.items() if any(r in ABOUT_ROLES for r in rs)]
    return ClaimRows(row, text, links, about)


def name_rows(entities: list[dict[str, Any]], an: Analyzer) -> list[NameRow]:
    """Every name of every entity (`lexicon.name_table`) with the stems of its key."""
    return [
        (key, " ".join(an.stems(key.split(" "))), eid, role, written)
        for key, eid, role, written in name_table(entities, an.tokens)
    ]


def linker(names: list[NameRow], an: Analyzer) -> Linker:
    """The linker of these names (`name_rows`), the one a build links claims with."""
    return Linker([(key, eid, role, written) for key, _, eid, role, written in names], an)


def summary(source: dict[str, Any]) -> dict[str, Any]:
    """What a claim record nests of its source: no text, so listing claims parses no article."""
    return {k: source.get(k) for k in ("id", "outlet", "title", "published")}


def label_rows(an: Analyzer, predicate_labels: dict[str, tuple[str, ...]]) -> list[tuple[str, str, str]]:
    """(analyzed key, predicate, `exact` or `stem`) for every label of every predicate of the
    store's vocabulary (its `labels`): every predicate has at least its own name's words, so
    the table names every predicate (`Index.predicates`)."""
    rows: set[tuple[str, str, str]] = set()
    for predicate, labels in predicate_labels.items():
        for label in (predicate.replace("_", " "), *labels):
            toks = an.tokens(label)
            if toks:
                rows.add((" ".join(toks), predicate, "exact"))
                rows.add((" ".join(an.stems(toks)), predicate, "stem"))
    return sorted(rows)


def synonym_rows(an: Analyzer) -> list[tuple[str, str, str | None, str | None]]:
    """The other forms of a word, analyzed once here rather than at every query.

    `number`: a count's forms by its analyzed tokens (5, five, خمس, خمسة; ٥ is 5 once
    analyzed) -> the stems of its word forms. A word does not look for the digits: the
    index reads 5.2 as the words 5 and 2, and "five" is not $5.2 billion.
    `word`: a thesaurus word or phrase by its stems -> the stems of every word of its
    groups, then the groups' predicates (`other` empty). Rows keep the groups' order."""
    from ..dates import number_words
    from ..thesaurus import GROUPS

    rows: list[tuple[str, str, str | None, str | None]] = []
    by_value: dict[int, list[str]] = {}
    for words, value in number_words().items():
        by_value.setdefault(value, [str(value)]).append(" ".join(an.tokens(words)))
    for forms in by_value.values():
        for form in forms:
            rows += [(form, "number", " ".join(an.stems(f.split(" "))), None) for f in forms[1:] if f != form]
    keyed = [([" ".join(an.stems(an.tokens(w))) for w in words], predicates) for words, predicates in GROUPS]
    keys = {k for stems, _ in keyed for k in stems if k}
    for key in sorted(keys):
        for stems, predicates in keyed:
            if key in stems:
                rows += [(key, "word", other, None) for other in stems if other]
                rows += [(key, "word", None, p) for p in predicates]
    return rows
