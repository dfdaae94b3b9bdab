"""The ways a term of a query plan may meet a claim, numbered in the one order both index
backends offer them: the term's text forms (exact, stems, each synonym) in each field, then
each entity it names by its roles and mention kinds, then the predicates it names. A claim's
best way is the highest-scoring one, the first offered among equal scores, so the two
backends agree on scores, evidence and tie-breaks only by numbering the ways alike; each
writes its own SQL for them."""

from __future__ import annotations

from typing import Any

from ..lexicon import METONYM
from ..link import COUNTERPART_LINK, TITLE_LINK, TOPIC_LINK
from ..plan import Evidence, Named, Term
from ..rank import Ranking
from .rows import ABOUT_ROLES, ROLES, TOPIC_WORD

__all__ = ["MENTION_KINDS", "WAYS", "Ways", "link_kinds", "ways"]

# The link kinds the build writes for a mention (`link.Linker.mentions`).
MENTION_KINDS = (METONYM, "alias", "common_word", "stem", TITLE_LINK, COUNTERPART_LINK, TOPIC_LINK)

# Ways are numbered below this: a claim's best way and its score pack into one integer.
WAYS = 100000


def link_kinds(named: Named) -> list[tuple[str, str]]:
    """The (role, link kind) pairs through which a claim meets an entity the term names, as
    the term names it."""
    if named.naming == "link":
        # An entity named by a metonym is met through the text's use of it alone.
        return [("mention", METONYM)]
    if named.naming == COUNTERPART_LINK:
        # «نظيره» typed: the people the texts call so, where they do.
        return [(role, COUNTERPART_LINK) for role in (*ROLES, "mention")]
    if named.naming in (TOPIC_WORD, "party"):
        # A word of a topic's name (or an agreement of an entity the term names): the claims
        # whose subject or object the topic is.
        return [("subject", "role"), ("object", "role")]
    if named.naming == "state":
        # The state a capital stands for: the claims it is a party to, not every claim whose
        # words name it (a title's "of Qatar").
        return [(role, "role") for role in ABOUT_ROLES]
    return [*((role, "role") for role in ROLES), *(("mention", k) for k in MENTION_KINDS)]


class Ways:
    """A term's ways, numbered: `text` as (number, field, form, tokens), `links` as (number,
    entity, role, link kind, score), `predicates` as (number, predicate, score), and the
    evidence each number stands for."""

    __slots__ = ("text", "links", "predicates", "evidence")

    def __init__(self) -> None:
        self.text: list[tuple[int, str, str, tuple[str, ...]]] = []
        self.links: list[tuple[int, str, str, str, float]] = []
        self.predicates: list[tuple[int, str, float]] = []
        self.evidence: dict[int, Evidence] = {}


def ways(term: Term, ranking: Ranking) -> Ways:
    """The term's ways in the order both backends offer them. A form with no words keeps its
    numbers (so the numbers do not depend on which forms a term has) but offers nothing."""
    out = Ways()
    order = 0
    forms: list[tuple[str, Any]] = [("exact", term.exact), ("stem", term.stems)]
    forms += [("synonym", alt) for alt in term.synonyms]
    for form, toks in forms:
        for fld in ("statement", "quote"):
            order += 1
            if toks:
                out.text.append((order, fld, form, tuple(toks)))
                out.evidence[order] = Evidence(fld, form)
    for named in term.entities:
        for role, kind in link_kinds(named):
            order += 1
            out.links.append((order, named.entity, role, kind, ranking.link_score(role, kind, named.naming)))
            out.evidence[order] = Evidence(role, named.shown(kind))
    for pred, form in sorted(term.predicates):
        order += 1
        out.predicates.append((order, pred, ranking.predicate_score(form)))
        out.evidence[order] = Evidence("predicate", form)
    if order >= WAYS:
        raise ValueError(f"a term with {order} ways to meet a claim (at most {WAYS - 1})")
    return out
