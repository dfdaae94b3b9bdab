"""The derived rows of a store, whichever database keeps them: what the SQLite index and the
shared PostgreSQL index both store, made here once so that the two answer alike.

A claim becomes one `ClaimRows`: its filter columns, record and word counts (`claim`), its
analyzed text (`text`: the statement's and the quote's tokens, then their stems, each joined by
spaces), its links to entities (`links`: by role; the mentions `link.Linker` finds in its text;
the holders of offices it names and the people it calls «نظيره», `Linker.roles_named`; what the
name of its topic names, `Linker.about`) and the paragraph its quote sits in (`paragraph`); the
entities' names become `name_rows`, the words of topics' names and of kinds `topic_word_rows`,
the words for "counterpart" as names of the people claims call so `counterpart_name_rows`, the
predicate labels `label_rows`, the thesaurus and the number words `synonym_rows`. A backend
decides only how to store and query them.
"""

from __future__ import annotations

import functools
import marshal
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ..analyze import Analyzer, is_stopword
from ..lexicon import name_table, names_of
from ..link import COUNTERPART_LINK, COUNTERPART_WORDS, TOPIC_LINK, TOPIC_TYPES, Linker

__all__ = [
    "ABOUT_ROLES",
    "ROLES",
    "TOPIC_WORD",
    "ClaimRows",
    "claim_rows",
    "counterpart_name_rows",
    "holders",
    "holds",
    "label_rows",
    "linker",
    "name_rows",
    "summary",
    "synonym_rows",
    "topic_word_rows",
]

ROLES = ("subject", "object", "speaker", "via")
# The roles an entity's `claims` count is of: what `search --subject/--object/--speaker` find.
# The agency a claim came through (`via`) is counted in `named`, as a mention is.
ABOUT_ROLES = ("subject", "object", "speaker")

NameRow = tuple[str, str, str, str, str]  # (key, stem key, entity, role, name as written)
# The role of a row of names that is one word of a topic's name or a word for an entity's
# kind (`topic_word_rows`).
TOPIC_WORD = "word"


class ClaimRows(NamedTuple):
    """One claim's rows. `claim`: (n, id, subject, predicate, object, speaker, via, source,
    date_start, date_end, retracted 0/1, record JSON, statement_words, quote_words); `text`:
    (statement, quote, statement_stems, quote_stems); `links`: (entity, role, kind, own 0/1);
    `about`: the entities it is the subject, object or speaker of (what a live claim counts
    for); `paragraph`: (paragraph, quote_start, quote_end) of its quote in its source, None
    when the source's text or the citation's span is missing; `counterparts`: the people it
    calls «نظيره»."""

    claim: tuple[Any, ...]
    text: tuple[str, str, str, str]
    links: list[tuple[str, str, str, int]]
    about: list[str]
    paragraph: tuple[str, int, int] | None = None
    counterparts: frozenset[str] = frozenset()

    @property
    def source(self) -> Any:
        return self.claim[7]

    @property
    def live(self) -> bool:
        return not self.claim[10]


def claim_rows(
    n: int,
    claim: dict[str, Any],
    an: Analyzer,
    linker: Linker,
    dumps: Callable[[Any], str],
    texts: Callable[[Any], Any] | None = None,
    office_holders: dict[str, set[str]] | None = None,
) -> ClaimRows:
    """The rows of the claim at position `n` (1 for the store's first claim). `texts` gives
    a source's text by its id (for the quote's paragraph); `office_holders` who holds each
    office (`holders`), for the people the claim names by an office or as «نظيره»."""
    from ..present import paragraph_of

    cit = claim.get("citation") or {}
    date = claim.get("date") or {}
    live = not claim.get("retracted")
    st_toks = an.tokens(claim.get("statement") or "")
    qu_toks = an.tokens(cit.get("quote") or "")
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
        len(st_toks),
        len(qu_toks),
    )
    text = (" ".join(st_toks), " ".join(qu_toks), " ".join(an.stems(st_toks)), " ".join(an.stems(qu_toks)))
    paragraph: tuple[str, int, int] | None = None
    source_text = texts(cit.get("source")) if texts is not None else None
    start, end = cit.get("start"), cit.get("end")
    if (
        isinstance(source_text, str)
        and isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start <= end <= len(source_text)
    ):
        paragraph = paragraph_of(source_text, start, end)
    roles: dict[str, list[str]] = {}
    for role in ROLES:
        eid = claim.get(role)
        if isinstance(eid, str):
            roles.setdefault(eid, []).append(role)
    links = [(eid, role, "role", 1) for eid, rs in roles.items() for role in rs]
    mentioned = linker.mentions(st_toks, qu_toks, set(roles))
    links += [(eid, "mention", kind, int(own)) for eid, kind, own in mentioned]
    # What the claim's topic is about ("Qatar-Russia relations": Qatar and Russia).
    topics = {e for role in ("subject", "object") for e in linker.about(claim.get(role) or "")}
    links += [(eid, "mention", TOPIC_LINK, 1) for eid in sorted(topics - set(roles))]
    counterparts: set[str] = set()
    if office_holders:
        # People named by an office they hold or as a counterpart (`link.Linker.roles_named`),
        # the claim's own when its statement names them so.
        mine = set(roles) | {e for e, _, own in mentioned if own}
        named = dict(linker.roles_named(qu_toks, set(roles) | {e for e, _, _ in mentioned}, office_holders))
        by_statement = dict(linker.roles_named(st_toks, mine, office_holders))
        for eid, kind in sorted({**named, **by_statement}.items()):
            if kind == COUNTERPART_LINK:
                counterparts.add(eid)
            if kind == COUNTERPART_LINK and eid in roles:
                links += [(eid, role, kind, 1) for role in roles[eid]]
            else:
                links.append((eid, "mention", kind, int(eid in by_statement)))
    about = [eid for eid, rs in roles.items() if any(r in ABOUT_ROLES for r in rs)]
    return ClaimRows(row, text, links, about, paragraph, frozenset(counterparts))


def holds(claim: dict[str, Any]) -> bool:
    """Whether the claim is a live `holds_position` claim (its subject holds its object)."""
    return claim.get("predicate") == "holds_position" and not claim.get("retracted")


def holders(pairs: Iterable[tuple[Any, Any]]) -> dict[str, set[str]]:
    """Office -> who a live `holds_position` claim says holds it, from (holder, office) pairs."""
    out: dict[str, set[str]] = {}
    for person, office in pairs:
        if isinstance(person, str) and isinstance(office, str):
            out.setdefault(office, set()).add(person)
    return out


def topic_word_rows(entities: list[dict[str, Any]], an: Analyzer) -> list[NameRow]:
    """Each word of the names of a topic, an agreement or an event (not a stopword), and
    each word for an entity's kind (`thesaurus.KIND_WORDS`: weapons for a weapon system), as
    a name of role `word` ("relations" of "Qatar-Russia bilateral relations"), so that a
    query word or its synonym ("ties", "arms") finds the claims about the entity."""

    def make() -> list[NameRow]:
        from ..thesaurus import KIND_WORDS  # a build's, not a read's

        rows: dict[tuple[str, str], NameRow] = {}
        for entity in entities:
            eid = entity.get("id")
            if not isinstance(eid, str):
                continue
            for word in KIND_WORDS.get(entity.get("type") or "", ()):
                toks = an.tokens(word)
                if len(toks) == 1:
                    rows.setdefault((toks[0], eid), (toks[0], an.stems(toks)[0], eid, TOPIC_WORD, word))
            if entity.get("type") not in TOPIC_TYPES:
                continue
            for name in names_of(entity):
                toks = an.tokens(name)
                for tok, stem in zip(toks, an.stems(toks), strict=True):
                    if not is_stopword(tok) and len(tok) > 2:
                        rows.setdefault((tok, eid), (tok, stem, eid, TOPIC_WORD, name))
        return sorted(rows.values())

    return _remembered("topic words", an, entities, make)


def counterpart_name_rows(an: Analyzer, people: Iterable[str], known: Iterable[str] = ()) -> list[NameRow]:
    """The words for "counterpart" as names (role `counterpart`) of everyone a claim calls
    that, so that search reads «نظيره» in a query as them (`link.COUNTERPART_WORDS`); the
    people in `known` have those names already."""
    keys = sorted({" ".join(an.tokens(w)) for w in COUNTERPART_WORDS} - {""})
    return [
        (key, " ".join(an.stems(key.split(" "))), e, COUNTERPART_LINK, key)
        for e in sorted(set(people) - set(known))
        for key in keys
    ]


# The rows made from a store's entities or its vocabulary alone are the same in every build
# of that store: a process that builds its index again (a correction's refresh, then a read;
# a test run; `team` and `sync` over stores) makes them once. Kept by the analyzer and the
# exact content (marshal's bytes: `true` and `1` differ, and equal content laid out
# otherwise is at worst made again), a few entries, each handed out as a new list.
_REMEMBERED: dict[tuple[str, Analyzer, bytes], list[Any]] = {}
_REMEMBERED_KEPT = 6


def _remembered(kind: str, an: Analyzer, content: Any, make: Callable[[], list[Any]]) -> list[Any]:
    try:
        key = (kind, an, marshal.dumps(content))
    except ValueError:  # not plain data: made every time
        return make()
    rows = _REMEMBERED.get(key)
    if rows is None:
        rows = make()
        if len(_REMEMBERED) >= _REMEMBERED_KEPT:
            del _REMEMBERED[next(iter(_REMEMBERED))]
        _REMEMBERED[key] = rows
    return list(rows)


def name_rows(entities: list[dict[str, Any]], an: Analyzer) -> list[NameRow]:
    """Every name of every entity (`lexicon.name_table`) with the stems of its key."""

    def make() -> list[NameRow]:
        return [
            (key, " ".join(an.stems(key.split(" "))), eid, role, written)
            for key, eid, role, written in name_table(entities, an.tokens)
        ]

    return _remembered("names", an, entities, make)


def linker(names: list[NameRow], an: Analyzer, entities: Iterable[dict[str, Any]] = ()) -> Linker:
    """The linker of these names (`name_rows`), the one a build links claims with; with the
    store's `entities` it knows their types and offices (titles, counterparts, topics)."""
    return Linker([(key, eid, role, written) for key, _, eid, role, written in names], an, entities)


def summary(source: dict[str, Any]) -> dict[str, Any]:
    """What a claim record nests of its source: no text, so listing claims parses no article."""
    return {k: source.get(k) for k in ("id", "outlet", "title", "published")}


def label_rows(an: Analyzer, predicate_labels: dict[str, tuple[str, ...]]) -> list[tuple[str, str, str]]:
    """(analyzed key, predicate, `exact` or `stem`) for every label of every predicate of the
    store's vocabulary (its `labels`): every predicate has at least its own name's words, so
    the table names every predicate (`Index.predicates`)."""

    def make() -> list[tuple[str, str, str]]:
        rows: set[tuple[str, str, str]] = set()
        for predicate, labels in predicate_labels.items():
            for label in (predicate.replace("_", " "), *labels):
                toks = an.tokens(label)
                if toks:
                    rows.add((" ".join(toks), predicate, "exact"))
                    rows.add((" ".join(an.stems(toks)), predicate, "stem"))
        return sorted(rows)

    return _remembered("labels", an, predicate_labels, make)


@functools.lru_cache(maxsize=2)
def synonym_rows(an: Analyzer) -> tuple[tuple[str, str, str | None, str | None], ...]:
    """The other forms of a word, analyzed once here rather than at every query.

    `number`: a count's forms by its analyzed tokens (5, five, خمس, خمسة; ٥ is 5 once
    analyzed) -> the stems of its word forms. A word does not look for the digits: the
    index reads 5.2 as the words 5 and 2, and "five" is not $5.2 billion.
    `word`: a thesaurus word or phrase by its stems -> the stems of every word of its
    groups, then the groups' predicates (`other` empty). Rows keep the groups' order.

    The rows depend on the analyzer alone (the thesaurus and the number words are fixed
    data), so a process that builds several indexes (a write's refresh, then a read's
    rebuild, or `team` and `sync` over many stores) derives them once per analyzer: a
    tuple, so no caller can change what the next one gets."""
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
    groups_of: dict[str, list[int]] = {}  # a key's groups, in the groups' order
    for at, (stems, _) in enumerate(keyed):
        for k in dict.fromkeys(stems):
            if k:
                groups_of.setdefault(k, []).append(at)
    for key in sorted(groups_of):
        for at in groups_of[key]:
            stems, predicates = keyed[at]
            rows += [(key, "word", other, None) for other in stems if other]
            rows += [(key, "word", None, p) for p in predicates]
    return tuple(rows)
