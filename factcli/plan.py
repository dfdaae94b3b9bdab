"""The query plan: what a search asks of an index, and the contract every index backend keeps.

`search` turns a user's words and options into a `Plan`: the names, predicates and words
already resolved, as plain values. A backend (today `index.Index`, over SQLite; another
may keep its index on a database server) answers `run(plan)` with the claims that pass, in
order, as `Match`es, and the few lookups `Backend` lists. Nothing in a plan is written in a
query language: a backend builds its own queries from these values and passes every user
word to its engine as data, so no input can make a query malformed, and a query the backend
cannot run is an error, never an empty answer.

What `run` must do, whatever the engine:

* Filters (`Filters`): a claim passes when it passes each filter given. A filter given as an
  empty set passes nothing. Retracted claims are left out unless `include_retracted`.
* Terms (`Term`): a claim must meet every term. A term meets a claim through any of:
  - its text: `exact`, the analyzed tokens in order, as consecutive words of the claim's
    statement or its quote; or `stems`, the same tokens' stems, among the stems of those
    fields, as the index analyzed them. Every token is a word to search for, whatever
    characters it holds (quotes, `*`, `:`, parentheses, words an engine reads as
    operators): never query syntax. Tokens that hold no word match nothing.
    Its `synonyms` meet the same way as its stems do (form `synonym`), each on its own.
  - an entity it names (`Named`): a link the index made from the claim to the entity, as
    its subject, object, speaker or via, or a `mention` of it in the text (kinds `alias`,
    `common_word`, `metonym`, `stem`, and `title` and `counterpart`: the text names an
    office the person holds, or calls the person «نظيره», a counterpart, as
    `link.Linker.roles_named` resolves it; `topic`: the name of the claim's subject or
    object, a topic, agreement or event, names it, `link.Linker.about`). An entity named through a metonym (naming
    `link`) is met only by a mention of kind `metonym`: the claims whose text uses the
    place's name, not everything about the state. An entity named as a counterpart
    (naming `counterpart`) is met only by links of kind `counterpart`, which a build makes
    with the role the person has in the claim (subject, object, speaker, via), else as a
    `mention`. An entity named as the state a capital stands for (naming `state`) is met
    only as the claim's subject, object or speaker: "Putin Doha" is not Tamim's call with
    Putin because it names the Emir of Qatar.
  - a predicate it names: the claims with that predicate.
* Scoring, with `plan.ranking` (`rank.Ranking`): each way a term meets a claim scores (text
  by `text_score` with the backend's measure of the match's strength, weighted per field
  and form by `ranking.field_weight`; links by `link_score`; predicates by
  `predicate_score`); the term counts its best, the first offered winning a tie, in this
  order: exact text in the statement, then in the quote, stem text in the statement, then
  in the quote, synonyms likewise, the links of entities, the predicates; a claim's score is the sum of its
  terms' in plan order. `Evidence` says how each term met the claim.
* Order: `relevance` is by score, best first; ties go to the claim more of whose own
  fields meet the terms (a role, its predicate, its statement's words or names, not only the
  quote it may share with other claims), then to the one met in more ways, then by
  position, whether dated or not (`Match.own` and `Match.ways` carry the first two keys,
  so that a user can be told why one claim came before another of the same score). `date`
  is by date alone. Date
  order is by the start of the claim's date, then its end, the undated last; ties in
  either go by position, the claim's place in the store (1 for the first claim). With no
  terms every score is 0, so both orders are date order. `limit` keeps the first so many.
* Counting: a backend may offer `count(plan)`, how many claims `run` finds (the limit
  aside), without reading them; `search.count` falls back to `len(run(plan))` without it.
"""

# No `from __future__ import annotations` here: the NamedTuples below are made at every
# start, and typing makes each string annotation into a compiled forward reference, which
# doubles their cost; every annotation in this module names something already defined.

from collections.abc import Iterable
from typing import Any, Literal, NamedTuple, Protocol

from .rank import RANKING, Ranking

__all__ = [
    "PARTY_TO",
    "Backend",
    "Evidence",
    "Filters",
    "Match",
    "Named",
    "Plan",
    "Term",
]

Form = Literal["exact", "stem", "synonym"]

# The predicates by which a claim says its subject is a party to its object, an agreement
# or a contract (`Backend.parties`).
PARTY_TO = ("signed", "party_to")
Order = Literal["relevance", "date"]


class Named(NamedTuple):
    """An entity a term names, and how: `alias` (a whole name or alias), `part` (a
    distinctive part of a name), `stem` (another form of a whole name), `synonym` (a name
    spelled with another word for one of its words: "Russian envoy to Qatar"), `link` (a
    metonym), `fuzzy` (a near spelling), `holder` (holds an office the term names), `state`
    (the state a capital typed beside other words stands for: met only where the state is
    the claim's subject, object or speaker), `counterpart` (the term is the
    word «نظيره», "counterpart", and texts call the entity so) or `word` (the term or a
    synonym of it is a word of the name of a topic, agreement or event, or a word for the
    entity's kind, "weapons" for a weapon system: met only where the entity is the claim's
    subject or object) or `party` (an agreement an entity the term names signed or is party
    to, `Backend.parties`: met, as `word`, only where it is the claim's subject or object)."""

    entity: str
    naming: str

    def shown(self, kind: str) -> str:
        """How `Evidence.kind` reports a link to this entity of link kind `kind`: the naming,
        with a part shown as `alias`; a whole name's or a part's link says how the text
        names the entity when not by that name: `stem` (another form of it), `title` (an
        office the person holds), `counterpart` («نظيره») or `topic` (the name of the
        claim's topic names it)."""
        if self.naming == "link":
            return "link"
        report = "alias" if self.naming == "part" else self.naming
        return kind if kind in ("stem", "title", "counterpart", "topic") and report == "alias" else report


class Term(NamedTuple):
    """One term of a query: what it meets a claim through (see the module's opening)."""

    text: str  # as the user wrote it, for `Evidence` reports
    exact: tuple[str, ...] = ()  # analyzed tokens, in order
    stems: tuple[str, ...] = ()  # their stems, one per token
    entities: tuple[Named, ...] = ()
    predicates: tuple[tuple[str, Form], ...] = ()  # (predicate, named by its label, stems or a synonym)
    # Other words for the same idea (`thesaurus`), each as its stems, in order.
    synonyms: tuple[tuple[str, ...], ...] = ()


class Filters(NamedTuple):
    """What a claim must be to count at all. None: no filter on that field."""

    subjects: frozenset[str] | None = None  # entity ids
    objects: frozenset[str] | None = None
    speakers: frozenset[str] | None = None
    predicates: frozenset[str] | None = None
    sources: frozenset[str] | None = None  # source ids
    # ISO dates. Overlap, not containment: a claim dated "Oct 2017" passes a window ending
    # on 25 Oct 2017. An undated claim passes no date filter.
    ends_from: str | None = None  # the claim's date ends on or after this
    starts_until: str | None = None  # the claim's date starts on or before this
    include_retracted: bool = False

    def given(self) -> bool:
        """Whether any filter narrows the claims (retraction aside)."""
        return any(v is not None for _, v in self.by_column()) or bool(self.ends_from or self.starts_until)

    def by_column(self) -> tuple[tuple[str, frozenset[str] | None], ...]:
        """Each set filter with the claim column it is on: what a backend's condition reads."""
        return (
            ("subject", self.subjects),
            ("object", self.objects),
            ("speaker", self.speakers),
            ("predicate", self.predicates),
            ("source", self.sources),
        )


class Plan(NamedTuple):
    """A whole search: filters, terms, order, limit and the ranking to score with."""

    terms: tuple[Term, ...] = ()
    filters: Filters = Filters()
    order: Order = "relevance"
    limit: int | None = None
    ranking: Ranking = RANKING


class Evidence(NamedTuple):
    """How a term met a claim: the field (`statement`, `quote`, a role, `mention`,
    `predicate`) and the kind (`exact`, `stem`, or how the term named the entity)."""

    field: str
    kind: str


class Match(NamedTuple):
    """A claim found: its position in the store (1 for the first claim), its score, and
    per term of the plan, in order, how the term met it; and what a tie of scores is broken
    by: `own`, how many of the ways the terms meet it are the claim's own (a role, its
    predicate, its statement's words or names, not the quote it may share), and `ways`,
    how many ways they meet it in all (both 0 for a plan without terms)."""

    position: int
    score: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    own: int = 0
    ways: int = 0


class Backend(Protocol):
    """What search needs of an index: `run` a plan, the records it names, and lookups of
    the names, labels and words the index holds, by keys analyzed as the index analyzes."""

    def run(self, plan: Plan) -> list[Match]:
        """The claims the plan finds, in its order (see the module's opening)."""
        ...

    # Optional (search falls back to `len(run(plan))` without it): how many claims `run`
    # finds, the plan's limit aside, counted without reading or ordering them.
    # def count(self, plan: Plan) -> int: ...

    def claim_docs(self, rows: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Claim records by position, for the given positions."""
        ...

    def names(self, key: str, stems: bool = False) -> list[tuple[str, str]]:
        """(entity, name role) for every name whose analyzed key (or its stems) is `key`."""
        ...

    def name_words(self, stems: bool = False) -> frozenset[str]:
        """Every word the names' analyzed keys (or their stems) are made of: a key holding
        any other word names nothing, so a long query's runs need not be asked one by one."""
        ...

    def name_keys(self) -> list[tuple[str, str, str, str]]:
        """(analyzed key, entity, name role, name as written) for every name."""
        ...

    def longest_name(self) -> int:
        """How many words the longest name's analyzed key holds (0 when there are none): no
        longer run of a query's words can spell a name."""
        ...

    def holders(self, offices: Iterable[str]) -> set[str]:
        """Who a live `holds_position` claim says holds any of these offices."""
        ...

    def offices(self, people: Iterable[str]) -> set[str]:
        """The offices a live `holds_position` or `held_position` claim says any of these
        people holds or held."""
        ...

    def posts(self, states: Iterable[str]) -> set[str]:
        """The offices a live `office_in` claim says are posts of any of these states."""
        ...

    def parties(self, entities: Iterable[str]) -> set[str]:
        """What a live claim says any of these entities signed or is party to (its object,
        by a predicate of `PARTY_TO`)."""
        ...

    def labels(self, key: str) -> list[tuple[str, str]]:
        """(predicate, `exact` or `stem`) for the predicate labels whose analyzed key is `key`."""
        ...

    def predicates(self) -> list[str]:
        """The store's predicates (its vocabulary's), by name."""
        ...

    def synonyms(self, tokens: str, stems: str) -> tuple[list[str], list[str]]:
        """The other forms of a term, each as its stems joined by spaces (a number's forms,
        by its analyzed `tokens`; then the words of the thesaurus groups holding its
        `stems`), and those groups' predicates, in order."""
        ...

    def has_term(self, token: str) -> bool:
        """Whether any claim's text or stems hold this token."""
        ...

    def entity(self, entity_id: str) -> dict[str, Any] | None: ...

    def entities(self) -> list[tuple[dict[str, Any], int]]:
        """Every entity record with its count of live claims it is the subject, object or
        speaker of, in stored order."""
        ...

    def named_counts(self) -> dict[str, int]:
        """Per entity id, its live claims that name it: in any role, via, or in their words."""
        ...

    def source(self, source_id: str) -> dict[str, Any] | None: ...

    def sources(self) -> list[tuple[dict[str, Any], int]]:
        """Every source record with its count of live claims, in stored order."""
        ...
