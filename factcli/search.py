"""Finding claims: query terms, entity evidence, predicate words, filters, ranking, timeline.

A query is a list of arguments; each argument's words are grouped into terms, and every
term must meet a claim. Words are grouped greedily, longest first, into the names they
spell ("Sergey Shoigu", "قاعدة العديد", "تميم بن حمد") and the predicate phrases they say
("phone call"); a part in double quotes inside an argument is one phrase, words in order.

A term meets a claim through any of:

* its text: the term's analyzed tokens, in order, in the statement or the quote (kind
  `exact`), or the same through the tokens' stems (kind `stem`: missiles/missile);
* an entity it names (see `lexicon`), by the claim's links made at index time: its
  subject, object, speaker or via, or a name of it in the claim's text (field `mention`).
  The kind says how the term named it: `alias` (a name, an alias or a distinctive part of a
  name), `fuzzy` (a near spelling: Shoygu, Poutine, كلاشنكوف), `link` (a metonym: the
  query "Moscow" finds the claims whose text uses Moscow or موسكو for Russia, not every
  claim about Russia), or `holder` (the term names an office by one of its names, and a
  `holds_position` claim says who holds it: "Emir of Qatar" finds the office's claims and,
  ranked after them, the claims about Tamim; a former holder, `held_position`, is found
  through that claim alone, not through everything said about them since);
* a predicate it names (`sanctions`, `عقوبات`, `visit`): the claims with that predicate.

Titles are read from the store, not from their words alone: a title spelled with another
word for one of its words names the office (`synonym`: "Russian envoy to Qatar"), and so
does its owner typed first ("Qatar emir"); a part of a title beside a name the title holds
spells it ("Qatari ambassador موسكو"); a state's name beside words of the title of one of
its posts (its `office_in` claims) is that post ("Qatari defence minister"); a title beside
the name of someone who holds it names that person ("President Putin"). Beside other words,
a capital's state is met where the state is a party to the claim, and a state or company
meets the claims about the agreements it is party to (`party`).

Ranking adds up each term's best evidence: an entity as subject or object above speaker or
via, above a mention, above text alone; exact above stem above fuzzy; the index's measure of
a text match orders text matches among themselves (the weights are `rank`'s). Ties go to
the claim whose own fields (not only a quote it shares) carry more of the evidence, then to
the one met in more ways, then stored order (claim id order); a date decides nothing.
A term that is a name meets text through the name's own forms (`analyze.word_forms`:
الروسية, Syrian, Kalashnikovs), never the generic stems (Emir is no form of Emirates, nor
قنا, QNA, of قناة); digits meet the words of their number (٥, 5: خمس, five). With no terms, or with `sort="date"`, claims come
in date order.

This module understands the words; it asks the index through a query plan (`plan.Plan`: the
terms with the entities and predicates they name, the filters as ids and dates, the order)
and through lookups of names, labels and words, and never writes a query of its own. The
backend runs the plan (`plan.Backend`; `index.Index` over SQLite).

Everything here is plain data in and out, so the CLI, tests and scripts share one path. The
functions take the store's index (or a `Facts` snapshot, indexed in memory on first use).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .analyze import analyzer, glued_forms, is_stopword, name_bases, name_forms, vowels_folded, word_forms
from .errors import DateError, InputError, did_you_mean
from .index import in_memory
from .lexicon import ALIAS, COMMON_WORD, METONYM, NAME, NAME_PARTICLES, PART, names_of
from .link import COUNTERPART_LINK, TOPIC_TYPES
from .normalize import normalize
from .plan import Backend, Filters, Form, Named, Plan, Term
from .rank import RANKING
from .store import Facts

if TYPE_CHECKING:
    from .datespan import DateSpan

__all__ = [
    "FUZZY_MARGIN",
    "FUZZY_MIN",
    "FUZZY_SURE",
    "Found",
    "Hit",
    "Query",
    "count",
    "entity_rows",
    "find",
    "parse_when",
    "resolve_entities",
    "resolve_sources",
    "search",
    "suggestions",
    "tie_reasons",
    "timeline",
]

# How a word of the name of a topic names it (`plan.Named`; role `word` of the index's names).
TOPIC_WORD = "word"

# How an office was named for its holders to count: by a whole name or a form of one, never
# by a part of it ("Moscow" in "Qatari ambassador in Moscow") or a near spelling.
_HOLDER_FROM = ("alias", "stem", "synonym")

# How a term names an agreement the entity it names signed or is party to (`plan.Named`),
# and the namings of an entity whose agreements count so: a name, a form, a near spelling.
PARTY = "party"
_PARTIES_FROM = ("alias", "stem", "fuzzy")
# The entity types that are parties to what they sign: a state or a company, not the person
# who signs for it (Shoigu signed the agreement; claims about it are not about him).
_PARTY_TYPES = ("country", "organization")

# The entity type of an agreement or a contract, what states and companies are parties to.
AGREEMENT = "agreement"

# The entity types of a person and of a state.
PERSON = "person"
COUNTRY = "country"

# The entity type of a post a person holds (`holds_position`).
OFFICE = "office"

# How a term names an entity whose name it spells with another word for one of its words.
SYNONYM = "synonym"

# A near spelling names an entity when rapidfuzz's ratio (0-100, Indel distance) reaches
# FUZZY_MIN; when the best two entities are within FUZZY_MARGIN of each other the term is
# ambiguous and gets a "did you mean" hint instead. Tested in tests/test_relevance.py.
FUZZY_MIN = 80.0
FUZZY_MARGIN = 3.0
# A near spelling this close to one name's spelling names everything that spelling names.
FUZZY_SURE = 90.0
_FUZZY_MIN_CHARS = 4
_MAX_SPAN = 16  # words in the longest name tried as one term
_SHORT_RUN = 4  # runs of this many words or fewer are looked up without asking the longest name

SORTS = ("relevance", "date")


class Query(NamedTuple):
    """What to look for. Arguments' words group into terms; terms AND; filters narrow."""

    terms: Sequence[str] = ()
    subject: Sequence[str] = ()
    object: Sequence[str] = ()
    predicate: Sequence[str] = ()
    speaker: Sequence[str] = ()
    source: Sequence[str] = ()
    since: DateSpan | None = None
    until: DateSpan | None = None
    limit: int | None = None
    include_retracted: bool = False
    sort: str | None = None  # "relevance" or "date"; None: relevance with terms, else date


class Hit(NamedTuple):
    """One claim found, its score, per term how it matched ({term, field, kind}), and
    what breaks a tie of scores (`plan.Match`): `own`, `ways`, then `position`."""

    claim: dict[str, Any]
    score: float = 0.0
    why: Sequence[dict[str, str]] = ()
    own: int = 0
    ways: int = 0
    position: int = 0

    def match(self) -> dict[str, Any]:
        """The `match` object of `search --json`: the score, each term's evidence, and the
        tie-break keys (`own`, `ways`)."""
        return {"score": round(self.score, 3), "terms": self.why, "own": self.own, "ways": self.ways}


class Found(NamedTuple):
    hits: list[Hit]
    hints: Sequence[str] = ()  # "did you mean" lines for ambiguous terms
    order: str = "relevance"  # as the plan ordered the hits: "relevance" or "date"


def _index_of(source: Backend | Facts) -> Backend:
    if not isinstance(source, Facts):
        return source
    cache = source.__dict__.get("_search_index")
    shape = (len(source.sources), len(source.entities), len(source.claims))
    if cache is None or cache[0] != shape:
        cache = (shape, in_memory(source))
        source.__dict__["_search_index"] = cache
    return cache[1]


# --- names -------------------------------------------------------------------------------

_WHOLE = (NAME, ALIAS, COMMON_WORD)


class _Named(NamedTuple):
    entities: dict[str, str]  # entity id -> how the term named it: alias, part, link, fuzzy
    hint: str | None = None


def _lookup(index: Backend, key: str) -> dict[str, str]:
    rows = index.names(key)
    whole = {e for e, r in rows if r in _WHOLE}
    if whole:
        return dict.fromkeys(sorted(whole), "alias")
    # A metonym is a place's name standing for a state: like a whole name it means what it
    # names, the claims whose text uses it, never every entity whose longer name holds it
    # ("Moscow" is not the Qatari ambassador in Moscow).
    metonymic = {e for e, r in rows if r == METONYM}
    if metonymic:
        return dict.fromkeys(sorted(metonymic), "link")
    # Else any names this is a distinctive part of ("Sada" in "Mohammed Al Sada"). A part
    # begins and ends with a word that says something: "in Moscow" of "Qatari ambassador
    # in Moscow" is the word "in" and the name Moscow.
    words = key.split(" ")
    if is_stopword(words[0]) or is_stopword(words[-1]):
        return {}
    return dict.fromkeys(sorted({e for e, r in rows if r == PART}), "part")


def _named(index: Backend, toks: list[str]) -> dict[str, str]:
    """Entities the tokens spell as a whole name, a part, or a metonym; with a proclitic cut;
    else a whole name another form of the same words spells (Kalashnikovs, الروسية)."""
    # A run longer than every name (and the "of" a reading of it may put in) spells none:
    # a long query's runs are not tried in their dozens of forms (asked only of long runs,
    # so a short query never reads the whole names table for it).
    if not toks or (len(toks) > _SHORT_RUN and len(toks) > index.longest_name() + 1):
        return {}
    # Each reading below puts another form in place of one word, or leaves out an "of": a
    # long run holding two words (other than "of") that no name is made of keeps one of
    # them in every reading, and spells no name. Its stems are another matter (a word's
    # stem may be a name's): those are read by `_by_synonyms`, which asks the same of them.
    if len(toks) > _SHORT_RUN:
        words = index.name_words()
        if sum(t not in words and t != "of" for t in toks) >= 2:
            return _by_synonyms(index, toks)
    found = _lookup(index, " ".join(toks))
    if found:
        return found
    for form in name_forms(toks[0])[1:]:
        found = _lookup(index, " ".join([form, *toks[1:]]))
        if found:
            return found
    # The other way round: a name writes the word behind a proclitic the user leaves out
    # (شؤون الدفاع of «وزير الدولة القطري لشؤون الدفاع»: "for defence affairs").
    for form in glued_forms(toks[0]):
        found = _lookup(index, " ".join([form, *toks[1:]]))
        if found:
            return found
    # "The blockade of Qatar" is the name "Qatar blockade": English puts a noun's owner
    # after "of" or before it.
    if "of" in toks[1:-1]:
        k = toks.index("of")
        found = _lookup(index, " ".join([*toks[k + 1 :], *toks[:k]]))
        if found and all(how == "alias" for how in found.values()):
            return found
    # And the other way: "Qatar emir" is the name "Emir of Qatar".
    for owned in _owned(toks):
        found = _lookup(index, " ".join(owned))
        if found and all(how == "alias" for how in found.values()):
            return found
    by_forms = _by_forms(index, toks)
    if by_forms:
        return dict.fromkeys(sorted(by_forms), "stem")
    return _by_synonyms(index, toks)


def _owned(toks: list[str]) -> list[list[str]]:
    """The words with their owner put after "of" ("Qatar emir": "emir of Qatar"), at each
    split between words that say something; none when the words hold "of" already."""
    if "of" in toks:
        return []
    return [
        [*toks[k:], "of", *toks[:k]]
        for k in range(1, len(toks))
        if not is_stopword(toks[k - 1]) and not is_stopword(toks[k])
    ]


def _by_synonyms(index: Backend, toks: list[str]) -> dict[str, str]:
    """Offices whose title the tokens spell with one word replaced by another word for it
    (`thesaurus`: "Russian envoy to Qatar" is "Russian ambassador to Qatar"), matched by
    stems: a whole title, or most of one (its holder follows, `_with_holders`). Never a
    single word ("envoy" alone is a word to look for, not every ambassador), and never a
    topic's name, whose words mean each word (`_topics`) and whose synonyms may be its
    converse ("buy Russian arms" is not the resale of Russian arms)."""
    if len(_content(toks)) < 2:
        return {}
    an = analyzer()
    stems = an.stems(toks)
    # A long run (a pasted quote's) is read in many forms here: a key with a word no name
    # is made of names nothing, nor does it with "of" put in, so such keys are not asked.
    # (A short run asks a few keys, and never reads the words of every name for them.)
    words = index.name_words(stems=True) if len(toks) > _SHORT_RUN else None
    alien = [] if words is None else [k for k, stem in enumerate(stems) if stem not in words]
    for i, tok in enumerate(toks):
        if is_stopword(tok) or tok in NAME_PARTICLES or any(k != i for k in alien):
            continue
        others, _ = index.synonyms(tok, stems[i])
        for other in others:
            if other == stems[i] or " " in other or (words is not None and other not in words):
                continue
            key = [*stems[:i], other, *stems[i + 1 :]]
            rows = index.names(" ".join(key), stems=True)
            whole = {e for e, r in rows if r in _WHOLE}
            for owned in _owned(key):
                whole |= {e for e, r in index.names(" ".join(owned), stems=True) if r in _WHOLE}
            parts = {e for e, r in rows if r == PART and _most_of(index, e, key, by_stems=True)}
            titles = {e for e in (whole or parts) if (index.entity(e) or {}).get("type") == OFFICE}
            if titles:
                return dict.fromkeys(sorted(titles), SYNONYM)
    return {}


def _by_forms(index: Backend, toks: list[str]) -> set[str]:
    """Entities a whole name of which the tokens spell with one word in another of its own
    forms (`analyze.word_forms`: Kalashnikovs, الروسية, Syrian), never through the generic
    stemmer, which conflates a name with other words (Emirates and emir, قناة and قنا)."""
    found: set[str] = set()
    for i, tok in enumerate(toks):
        typed = set(name_forms(tok))
        for base in name_bases(tok):
            key = " ".join([*toks[:i], base, *toks[i + 1 :]])
            whole = {e for e, r in index.names(key) if r in _WHOLE}
            if whole and typed & set(word_forms(base)):
                found |= whole
        if found:
            break
    return found


def _with_holders(index: Backend, named: dict[str, str], toks: list[str]) -> dict[str, str]:
    """The entities named, plus whoever holds an office among them (kind `holder`). A part
    of an office's title counts when it holds at least half of the words of one of the
    office's names that say something ("Minister of State for Defence Affairs", «السفير
    الروسي»): one word of a title ("Moscow" in "Qatari ambassador in Moscow") does not."""
    offices = [
        e
        for e, how in named.items()
        if (how in _HOLDER_FROM or (how == "part" and _most_of(index, e, toks)))
        and (index.entity(e) or {}).get("type") == OFFICE
    ]
    holders = index.holders(offices) if offices else set()
    return {**named, **{h: "holder" for h in sorted(holders) if h not in named}}


def _content(toks: list[str]) -> list[str]:
    return [t for t in toks if not is_stopword(t) and t not in NAME_PARTICLES]


def _most_of(
    index: Backend, entity_id: str, toks: list[str], gaps: bool = False, by_stems: bool = False
) -> bool:
    """Whether `toks` are, in order, at least half of the content words of a name of the
    entity: side by side, or with `gaps` with other words of the name between them; with
    `by_stems`, `toks` are stems, met by the name's stems."""
    words = _content(toks)
    if len(words) < 2:
        return False
    an = analyzer()
    typed = f" {' '.join(toks)} "
    for name in names_of(index.entity(entity_id) or {}):
        whole = an.tokens(name)
        if by_stems:
            whole = an.stems(whole)
        inside = _in_order(toks, whole) if gaps else typed in f" {' '.join(whole)} "
        if inside and 2 * len(words) >= len(_content(whole)):
            return True
    return False


def _in_order(toks: list[str], whole: list[str]) -> bool:
    rest = iter(whole)
    return all(tok in rest for tok in toks)


def _joint_titles(index: Backend, terms: list[_Term]) -> None:
    """Two terms side by side that each name an office by a part, and together most of its
    title in order («قائد» + «الدفاع الجوي» of «قائد قوات الدفاع الجوي القطري»), both
    name its holders too (kind `holder`), as one term spelling that much of it would."""
    for a, b in zip(terms, terms[1:], strict=False):
        shared = [e for e, how in a.entities.items() if how == PART and b.entities.get(e) == PART]
        offices = [e for e in shared if _most_of(index, e, [*a.tokens, *b.tokens], gaps=True)]
        for holder in sorted(index.holders(offices)):
            for term in (a, b):
                term.entities.setdefault(holder, "holder")


def _completed_titles(index: Backend, terms: list[_Term]) -> None:
    """A term naming a part of an office's title, beside a term naming an entity that title
    names (in any of its names or scripts): the two spell the title between them ("Qatari
    ambassador" + «موسكو» of "Qatari ambassador in Moscow"), so both name the office, and
    its holders below it. Little words between them do not part them."""
    kept = [t for t in terms if not t.little]
    for a, b in zip(kept, kept[1:], strict=False):
        for part, other in ((a, b), (b, a)):
            # What the other term names, and the state it stands for if it is a capital
            # (Doha in "Russian ambassador in Doha", whose title says Qatar).
            named = set(other.entities) | set(_states(index, other.tokens) if other.tokens else ())
            offices = [
                e
                for e, how in part.entities.items()
                if how in (PART, SYNONYM)
                and (index.entity(e) or {}).get("type") == OFFICE
                and _inside_names(index, e) & named
            ]
            if not offices:
                continue
            holders = sorted(index.holders(offices))
            for office in offices:
                other.entities[office] = PART
            for term in (part, other):
                for holder in holders:
                    term.entities.setdefault(holder, "holder")


_POST_WORDS = 3  # the most terms after a state's name read as the words of one of its posts


def _state_posts(index: Backend, an: Any, terms: list[_Term]) -> list[_Term]:
    """A state's name beside words of the title of a post of that state, in any order
    ("Qatari defence minister", «وزير الدفاع القطري»: Qatar's Minister of State for Defence
    Affairs), is that post: one term naming it and its holders. Which state a post is of
    comes from the store's `office_in` claims, never from the words of its title, so
    "Russian" and "ambassador" are Russia's ambassador to Qatar and not Qatar's ambassador
    to Russia, whose title says Russia too. Words that name something else (a person, a
    place, what happened) are no words of a title."""
    out: list[_Term] = []
    i = 0
    while i < len(terms):
        merged = None
        for j in range(min(len(terms), i + 1 + _POST_WORDS), i + 1, -1):
            span = terms[i:j]
            for state, run in ((span[0], span[1:]), (span[-1], span[:-1])):
                found = _posts_named(index, an, state, run)
                if found:
                    toks = [t for term in span for t in term.tokens]
                    named = dict.fromkeys(found, PART)
                    named.update({h: "holder" for h in sorted(index.holders(found)) if h not in named})
                    merged = _Term(" ".join(t.text for t in span), toks, an.stems(toks), named)
                    break
            if merged is not None:
                i = j
                break
        if merged is None:
            out.append(terms[i])
            i += 1
        else:
            out.append(merged)
    return out


def _posts_named(index: Backend, an: Any, state: _Term, run: list[_Term]) -> list[str]:
    """The posts of the state `state` names whose titles hold every word of `run`."""
    states = [
        e
        for e, how in state.entities.items()
        if how in ("alias", "stem", "part") and (index.entity(e) or {}).get("type") == COUNTRY
    ]
    if not states or state.quoted or state.predicates or not run:
        return []
    if any(t.quoted or not _title_words(index, t) for t in run):
        return []
    words = {an.stems([t])[0] for r in run for t in _content(r.tokens)}
    if not words:
        return []
    return [
        o
        for o in sorted(index.posts(states))
        if words <= {w for n in names_of(index.entity(o) or {}) for w in an.stems(an.tokens(n))}
    ]


def _title_words(index: Backend, term: _Term) -> bool:
    """Whether a term may be a word of a title: it names nothing but offices, or words of
    topics' names, or nothing at all (and no predicate: "visit" is what happened)."""
    if term.predicates or not term.tokens:
        return False
    return all(
        how in (PART, TOPIC_WORD) and (how == TOPIC_WORD or (index.entity(e) or {}).get("type") == OFFICE)
        for e, how in term.entities.items()
    )


def _inside_names(index: Backend, entity_id: str) -> set[str]:
    """The entities the names of an entity name in their words, by a whole name or a
    metonym ("Russia" and "Moscow" in the names of Qatar's ambassador to Russia)."""
    an = analyzer()
    found: set[str] = set()
    for name in names_of(index.entity(entity_id) or {}):
        toks = an.tokens(name)
        for i in range(len(toks)):
            for j in range(i + 1, len(toks) + 1):
                if j - i == len(toks):
                    continue
                found |= {e for e, r in index.names(" ".join(toks[i:j])) if r in (*_WHOLE, METONYM)}
    found.discard(entity_id)
    return found


def _fuzzy(index: Backend, token: str) -> _Named:
    """An entity whose name is spelled near `token`, or a hint when two are equally near."""
    from rapidfuzz import fuzz, process

    choices: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    for key, eid, role, written in index.name_keys():
        if role in (METONYM, COUNTERPART_LINK, TOPIC_WORD):
            continue
        choices.setdefault(key, set()).add(eid)
        shown.setdefault(eid, written if role == NAME and written != eid else shown.get(eid, written))
    best: dict[str, float] = {}
    keys: dict[str, float] = {}
    for key, score, _ in process.extract(
        token, list(choices), scorer=fuzz.ratio, processor=vowels_folded, score_cutoff=FUZZY_MIN, limit=20
    ):
        keys[key] = score
        for eid in choices[key]:
            best[eid] = max(best.get(eid, 0.0), score)
    if not best:
        return _Named({})
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    top = ranked[0][1]
    close = [eid for eid, s in ranked if top - s <= FUZZY_MARGIN]
    nearest = {key for key, score in keys.items() if top - score <= FUZZY_MARGIN}
    if len(nearest) == 1 and top >= FUZZY_SURE:
        # One spelling is nearest, and very near: the typed word is that word, and names
        # what it names, as the word itself would ("Tameem": Tamim, and the visit named
        # after him). A farther one names nothing for sure ("Rosexport" is 80 from "export").
        return _Named(dict.fromkeys(sorted(choices[nearest.pop()]), "fuzzy"))
    if len(close) > 1:
        names = [_display(index, e) for e in close[:3]]
        return _Named({}, f"{token!r} is near several names" + did_you_mean(names))
    return _Named({close[0]: "fuzzy"})


def _display(index: Backend, eid: str) -> str:
    ent = index.entity(eid) or {}
    return ent.get("name") or eid


# --- terms -------------------------------------------------------------------------------


class _Term:
    """One term of the query: the words as typed (`text`, for `why`), their tokens and stems,
    the entities and predicates they name, and how they may be met. A plain class: a
    dataclass would load `dataclasses` and generate its methods at every start."""

    __slots__ = (
        "text",
        "tokens",
        "stems",
        "entities",
        "predicates",
        "quoted",
        "synonyms",
        "little",
        "states",
    )

    def __init__(
        self,
        text: str,
        tokens: list[str],
        stems: list[str],
        entities: dict[str, str] | None = None,
        predicates: dict[str, str] | None = None,
        quoted: bool = False,
        synonyms: list[list[str]] | None = None,
        little: bool = False,
        states: list[str] | None = None,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.stems = stems
        self.entities: dict[str, str] = {} if entities is None else entities
        self.predicates: dict[str, str] = {} if predicates is None else predicates
        self.quoted = quoted
        self.synonyms: list[list[str]] = (
            [] if synonyms is None else synonyms
        )  # other words' stems (thesaurus)
        # A stopword or a stray name particle that names nothing: never required.
        self.little = little
        # The states a capital among other words stands for (Doha: Qatar), met at a lower rank.
        self.states: list[str] = [] if states is None else states


# A phrase is what stands between double quotes (straight or curly) inside the words; the
# guillemets of Arabic text are punctuation like any other.
_QUOTES = re.compile(r'["\u201c\u201d]')


# A run of words is read as a date only when it holds a year: "November 2017", "2017-11",
# «صفر 1439», "Q3 2018", "2021"; a bare month or number ("March", "61") stays a word.
_YEAR_RE = re.compile(r"(?<![0-9])[12][0-9]{3}(?![0-9])")
_DATE_WORDS = 4  # the longest run of words tried as one date


def _in_name(index: Backend, words: list[str], i: int, j: int) -> bool:
    """Whether words[i:j] stand inside a longer run of the words that is a whole name
    ("agreement (2017)": the year of a name is no date to filter by)."""
    an = analyzer()
    for a in range(max(0, j - _MAX_SPAN), i + 1):
        for b in range(j, min(len(words), a + _MAX_SPAN) + 1):
            if b - a > j - i and any(
                r in _WHOLE for _, r in index.names(" ".join(an.tokens(" ".join(words[a:b]))))
            ):
                return True
    return False


def _dates(index: Backend, text: str, found: list[DateSpan]) -> str:
    """`text` without the dates it holds, which are added to `found` (longest run first)."""
    if not _YEAR_RE.search(normalize(text)):
        return text  # no year, no date: the date parser is not even loaded
    from .dates import parse_date

    words = text.split()
    kept: list[str] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + _DATE_WORDS), i, -1):
            span = " ".join(words[i:j])
            if not _YEAR_RE.search(normalize(span)) or _in_name(index, words, i, j):
                continue
            try:
                found.append(parse_date(span))
            except DateError:
                continue
            i = j
            break
        else:
            kept.append(words[i])
            i += 1
    return " ".join(kept)


def _terms(
    index: Backend, args: Sequence[str], hints: list[str], dates: list[DateSpan] | None = None
) -> list[_Term]:
    """The query's terms. The arguments are read as one text, so that argv words and one
    quoted argument mean the same; an argument of punctuation alone is a term that meets
    nothing (a query of it finds nothing, not everything). Dates outside quotes go to `dates`."""
    an = analyzer()
    out: list[_Term] = [_Term(arg, [], []) for arg in args if not an.tokens(arg)]
    text = " ".join(arg for arg in args if an.tokens(arg))
    for i, piece in enumerate(_QUOTES.split(text)):
        if i % 2 == 0 and dates is not None:
            piece = _dates(index, piece, dates)
        toks = an.tokens(piece)
        if not toks:
            continue
        if i % 2 == 1:  # inside quotes: one term, words in order (still a name if it is one)
            named = _with_holders(index, _named(index, toks), toks)
            out.append(
                _Term(
                    piece.strip(),
                    toks,
                    an.stems(toks),
                    named,
                    _predicates_named(index, an, toks),
                    quoted=True,
                )
            )
            continue
        grouped = _group(index, an, toks, hints)
        _joint_titles(index, grouped)
        grouped = _state_posts(index, an, grouped)
        _completed_titles(index, grouped)
        _titled(index, grouped)
        out += grouped
    for term in out:
        if not term.quoted and term.tokens and not term.little:
            _add_synonyms(index, term)
            if all(how == PART for how in term.entities.values()):
                # A word that names no entity whole (or only as a part of a name) is also
                # a word of the topics whose names hold it.
                term.entities = {**_topic_words(index, term), **term.entities}
    required = [t for t in out if not t.little]
    if len(required) > 1:
        # Beside other words a claim about an agreement is about its parties too, as the
        # store's claims name them ("Russia Turkey": Turkey negotiating the contract Russia
        # is to sign). Alone, a state's name finds the claims about it and naming it; the
        # few that only its agreements would add are not worth reading every agreement of
        # a state at every search of its name.
        for term in required:
            whole = [
                e
                for e, how in term.entities.items()
                if how in _PARTIES_FROM and (index.entity(e) or {}).get("type") in _PARTY_TYPES
            ]
            for agreement in sorted(index.parties(whole) - set(term.entities)) if whole else ():
                if (index.entity(agreement) or {}).get("type") == AGREEMENT:
                    term.entities[agreement] = PARTY
        # Beside other words a capital may stand for its state ("Shoigu Doha visit" is his
        # visit to Qatar): the state's claims count too, below the capital's own.
        for term in required:
            if not term.quoted and term.tokens:
                term.states = _states(index, term.tokens)
    # A query of little words alone asks for them.
    return required or out


def _topic_words(index: Backend, term: _Term) -> dict[str, str]:
    """The topics, agreements and events whose name holds the word or one of its synonyms
    (by stems: "ties" and "relations" of "Qatar-Russia relations"), naming `word`."""
    found: set[str] = set()
    if len(term.stems) == 1:
        for stems in [term.stems, *term.synonyms]:
            if len(stems) == 1:
                found |= {e for e, r in index.names(stems[0], stems=True) if r == TOPIC_WORD}
    return dict.fromkeys(sorted(found), TOPIC_WORD)


def _states(index: Backend, toks: list[str]) -> list[str]:
    """The states the tokens are a metonym of (الدوحة, بالدوحة, Doha: Qatar)."""
    for form in name_forms(toks[0]):
        found = sorted({e for e, r in index.names(" ".join([form, *toks[1:]])) if r == METONYM})
        if found:
            return found
    return []


def _counterparts(index: Backend, toks: list[str]) -> dict[str, str]:
    """The people texts call «نظيره», "counterpart", when the one token is that word (the
    index keeps them as names of role `counterpart`, `link.COUNTERPART_WORDS`)."""
    if len(toks) != 1:
        return {}
    for form in name_forms(toks[0]):
        found = sorted({e for e, r in index.names(form) if r == COUNTERPART_LINK})
        if found:
            return dict.fromkeys(found, COUNTERPART_LINK)
    return {}


def _little(term: _Term) -> bool:
    """A term that decides nothing about a claim: stopwords, or name particles outside a name."""
    if term.entities and any(how != "fuzzy" for how in term.entities.values()):
        return False
    if term.predicates:
        return False
    return all(is_stopword(t) or t in NAME_PARTICLES for t in term.tokens)


def _group(
    index: Backend, an: Any, toks: list[str], hints: list[str], longest: int = _MAX_SPAN
) -> list[_Term]:
    """Greedy, longest first (at most `longest` words): runs of words that spell a name or
    a predicate become one term."""
    out: list[_Term] = []
    i = 0
    while i < len(toks):
        term = None
        cut = False
        for j in range(min(len(toks), i + longest), i, -1):
            span = toks[i:j]
            named = _with_holders(index, _named(index, span), span) or _counterparts(index, span)
            preds = _predicates_named(index, an, span)
            if (
                named
                and not preds
                and (cut or _holds_a_name(index, span, named))
                and _topic_part(index, span, named)
            ):
                # A shorter part of the same name would cut the name it holds in two.
                cut = True
                continue
            if named or preds or j == i + 1:
                term = _Term(" ".join(span), span, an.stems(span), named, preds)
                break
        assert term is not None
        i += len(term.tokens)
        topics = _topics(index, term)
        if topics:
            # Words that spell a topic's name ("Qatar Russia military cooperation") still
            # mean each of them: a claim about the topic meets every word through it, and a
            # claim that says the words meets them without it.
            for word in _group(index, an, term.tokens, hints, len(term.tokens) - 1):
                if not word.little:
                    word.entities = {**word.entities, **topics}
                    out.append(word)
            continue
        term.little = _little(term)
        if not term.entities and not term.predicates and len(term.tokens) == 1 and not term.little:
            _try_fuzzy(index, term, hints)
        out.append(term)
    return out


def _topic_part(index: Backend, span: list[str], named: dict[str, str]) -> bool:
    """Whether several words are only a part of the names of topics, agreements or events."""
    if len(span) < 2 or any(how != PART for how in named.values()):
        return False
    return all((index.entity(e) or {}).get("type") in TOPIC_TYPES for e in named)


def _holds_a_name(index: Backend, span: list[str], named: dict[str, str]) -> bool:
    """Whether the words, a part of the name of a topic, agreement or event, hold a whole
    name of something else: "Tamim visit" of "Emir Tamim's visit to Russia" is Tamim and a
    visit, "S-400 contract" the S-400 and a contract, not that one event or contract alone
    (`_topic_part` says which spans this asks about: a part of an office's title is the
    office, "Qatari ambassador")."""
    for i in range(len(span)):
        for j in range(i + 1, len(span) + 1):
            if j - i < len(span) and any(r in _WHOLE for _, r in index.names(" ".join(span[i:j]))):
                return True
    return False


def _titled(index: Backend, terms: list[_Term]) -> None:
    """A title typed beside a person's name ("President Putin", «الأمير تميم», "Minister
    Shoigu"): when the title's words are words of the name of an office the person holds
    or held, the title names the person too, so it asks nothing the name does not."""
    an = analyzer()
    kept = [t for t in terms if not t.little]
    for a, b in zip(kept, kept[1:], strict=False):
        for title, name in ((a, b), (b, a)):
            if not title.tokens or any(how in ("alias", SYNONYM) for how in title.entities.values()):
                continue
            words = {an.stems([t])[0] for t in _content(title.tokens)}
            if not words:
                continue
            for person in sorted(e for e, how in name.entities.items() if how in _PARTIES_FROM):
                if (index.entity(person) or {}).get("type") != PERSON:
                    continue
                for office in sorted(index.offices([person])):
                    named_by = {
                        st for n in names_of(index.entity(office) or {}) for st in an.stems(an.tokens(n))
                    }
                    if words <= named_by:
                        title.entities[person] = "alias"
                        break


def _topics(index: Backend, term: _Term) -> dict[str, str]:
    """The entities a term of several words names by a whole name, when every one of them
    is a topic, an agreement or an event (`link.TOPIC_TYPES`); else none."""
    if len(term.tokens) < 2 or not term.entities or term.predicates:
        return {}
    if any(how != "alias" for how in term.entities.values()):
        return {}
    if any((index.entity(e) or {}).get("type") not in TOPIC_TYPES for e in term.entities):
        return {}
    return dict(term.entities)


def _add_synonyms(index: Backend, term: _Term) -> None:
    """The other forms of a number (digits and words), the other words of the term's
    thesaurus groups, and the groups' predicates (form `synonym`, where the term does not
    name them itself), as the index holds them analyzed."""
    own = " ".join(term.stems)
    seen = {own}
    others, predicates = index.synonyms(" ".join(term.tokens), own)
    for other in others:
        if other not in seen:
            seen.add(other)
            term.synonyms.append(other.split(" "))
    for predicate in predicates:
        term.predicates.setdefault(predicate, "synonym")


def _predicates_named(index: Backend, an: Any, toks: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pred, kind in index.labels(" ".join(toks)):
        if kind == "exact":
            found[pred] = "exact"
    for pred, kind in index.labels(" ".join(an.stems(toks))):
        if kind == "stem":
            found.setdefault(pred, "stem")
    return found


def _try_fuzzy(index: Backend, term: _Term, hints: list[str]) -> None:
    tok = term.tokens[0]
    if len(tok) < _FUZZY_MIN_CHARS or tok.isdigit():
        return
    # A word the claims themselves use is meant as that word, not as a misspelled name.
    if index.has_term(tok) or index.has_term(term.stems[0]):
        return
    named = _fuzzy(index, tok)
    if named.hint:
        hints.append(named.hint)
    term.entities = named.entities


_FORMS: dict[str, Form] = {"exact": "exact", "stem": "stem", "synonym": "synonym"}


def _planned(term: _Term) -> Term:
    """The term as the plan puts it to the index. A term that is a name meets text through
    the name's words as written and its links (which know the name's own forms), never
    through the generic stems of its words: قنا (QNA) is not قناة (a channel)."""
    is_name = any(how not in ("fuzzy", COUNTERPART_LINK, TOPIC_WORD) for how in term.entities.values())
    return Term(
        term.text,
        tuple(term.tokens),
        () if is_name else tuple(term.stems),
        (*(Named(e, how) for e, how in term.entities.items()), *(Named(e, "state") for e in term.states)),
        tuple((p, _FORMS.get(kind, "stem")) for p, kind in term.predicates.items()),
        tuple(tuple(alt) for alt in term.synonyms),
    )


# --- filters -----------------------------------------------------------------------------


def resolve_entities(source: Backend | Facts, names: Sequence[str], field: str) -> set[str]:
    """Entity ids named by `names` (ids or any name), unioned; InputError for a name that
    names nothing. A metonym counts here (--subject Moscow is Russia as subject)."""
    index = _index_of(source)
    an = analyzer()
    option = field if field.startswith("--") else f"--{field}"
    found: set[str] = set()
    for name in names:
        if index.entity(name) is not None:
            found.add(name)
            continue
        ids = set(_named(index, an.tokens(name)))
        if not ids:
            near = _near_names(index, name)
            hint = did_you_mean(near) or " (factcli entities lists the known names)"
            raise InputError(f"unknown entity {name!r} for {option}{hint}")
        found |= ids
    return found


def _near_names(index: Backend, text: str, n: int = 3) -> list[str]:
    """The closest names to `text`, one per entity: three spellings of one agency help no one."""
    by_key: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    for _key, eid, role, written in index.name_keys():
        if role in (PART, METONYM, COUNTERPART_LINK, TOPIC_WORD):
            continue
        k = normalize(written)
        by_key.setdefault(k, set()).add(eid)
        if written != eid or k not in shown:
            shown.setdefault(k, written)
    import difflib

    close = difflib.get_close_matches(normalize(text), list(by_key), n=n * 4, cutoff=0.6)
    seen: set[str] = set()
    out: list[str] = []
    for key in close:
        ids = by_key[key]
        if ids <= seen:
            continue
        seen |= ids
        out.append(shown.get(key, key))
    return out[:n]


def _parts(label: str) -> list[str]:
    """A credit line and its pieces: "QNA (قنا)" -> the whole, "QNA" and "قنا"."""
    parts = [label]
    match = re.fullmatch(r"\s*(.*?)\s*\((.*)\)\s*", label)
    if match:
        parts += [p for p in match.groups() if p.strip()]
    return parts


def resolve_sources(source: Backend | Facts, refs: Sequence[str]) -> set[str]:
    """Source ids for each ref: an exact id, or a name of the outlet or of a credited agency.

    A name counts when it normalizes equal to the outlet or a credit line (or the part of
    one before or inside parentheses), or when it is a name of an entity such a line names:
    "Reuters", "رويترز" and "Thomson Reuters" all find the sources crediting Reuters.
    """
    index = _index_of(source)
    found: set[str] = set()
    if all(index.source(ref) is not None for ref in refs):
        return set(refs)  # exact ids: no need to read every source's names
    an = analyzer()
    srcs = [s for s, _ in index.sources()]
    names = []
    for s in srcs:
        keys: set[str] = set()
        ids: set[str] = set()
        shown: dict[str, str] = {}
        for label in [s.get("outlet") or "", *(s.get("credited") or [])]:
            for part in _parts(label):
                key = normalize(part)
                if key:
                    keys.add(key)
                    shown.setdefault(key, part)
                    ids |= {e for e, how in _named(index, an.tokens(part)).items() if how == "alias"}
        names.append((s["id"], keys, ids, shown))
    for ref in refs:
        if index.source(ref) is not None:
            found.add(ref)
            continue
        key = normalize(ref)
        ids = {e for e, how in _named(index, an.tokens(ref)).items() if how == "alias"}
        matched = {sid for sid, keys, eids, _ in names if (key and key in keys) or (ids & eids)}
        if not matched:
            import difflib

            shown = {s["id"]: s["id"] for s in srcs}
            for _, _, _, forms in names:
                shown.update((k, v) for k, v in forms.items() if k not in shown)
            near = difflib.get_close_matches(ref.strip(), list(shown), n=3, cutoff=0.6)
            near += difflib.get_close_matches(key, list(shown), n=3, cutoff=0.6)
            hint = did_you_mean(list(dict.fromkeys(shown[k] for k in near))[:3])
            raise InputError(f"unknown source {ref!r}{hint or ' (factcli sources lists them)'}")
        found |= matched
    return found


def _predicates(names: Sequence[str], known: Sequence[str]) -> set[str]:
    """The predicates `--predicate` names, of the store's vocabulary (`known`)."""
    chosen: set[str] = set()
    for name in names:
        # Forgive case and the separator ("Negotiating-Purchase"); the words must be exact.
        canonical = re.sub(r"[\s-]+", "_", name.strip().lower())
        if canonical in known:
            chosen.add(canonical)
            continue
        import difflib

        near = difflib.get_close_matches(canonical, list(known), n=3, cutoff=0.6)
        near += [p for p in known if canonical and canonical in p and p not in near]
        hint = did_you_mean(near[:4]) or "; predicates are: " + ", ".join(known)
        raise InputError(f"unknown predicate {name!r} for --predicate{hint}")
    return chosen


def _window(query: Query) -> tuple[str | None, str | None]:
    low = query.since.start.isoformat() if query.since else None
    high = query.until.end.isoformat() if query.until else None
    if query.since and query.until and low and high and low > high:
        raise InputError(f"--since {query.since.text!r} is after --until {query.until.text!r}")
    return low, high


def _filters(index: Backend, query: Query) -> Filters:
    """The query's options as the plan's filters: names resolved to ids, dates to ISO days."""

    def chosen(values: set[str] | None) -> frozenset[str] | None:
        return None if values is None else frozenset(values)

    subject, object_, speaker = (
        resolve_entities(index, names, fld) if names else None
        for fld, names in (("subject", query.subject), ("object", query.object), ("speaker", query.speaker))
    )
    low, high = _window(query)
    return Filters(
        subjects=chosen(subject),
        objects=chosen(object_),
        speakers=chosen(speaker),
        predicates=chosen(_predicates(query.predicate, index.predicates()) if query.predicate else None),
        sources=chosen(resolve_sources(index, query.source) if query.source else None),
        ends_from=low,
        starts_until=high,
        include_retracted=query.include_retracted,
    )


def _within(filters: Filters, dates: list[DateSpan]) -> Filters:
    """The filters narrowed to claims whose date overlaps every date the query's words hold
    (as --since and --until would: overlap, not containment)."""
    low = max([d.start.isoformat() for d in dates] + ([filters.ends_from] if filters.ends_from else []))
    high = min([d.end.isoformat() for d in dates] + ([filters.starts_until] if filters.starts_until else []))
    return filters._replace(ends_from=low, starts_until=high)


# --- searching ---------------------------------------------------------------------------


def _plan(index: Backend, query: Query, hints: list[str]) -> tuple[Plan, list[Term]]:
    """The query as the plan the index runs, and its terms (hints go to `hints`)."""
    if query.limit is not None and query.limit < 1:
        raise InputError(f"--limit must be at least 1, got {query.limit}")
    if query.sort is not None and query.sort not in SORTS:
        raise InputError(f"--sort must be one of {', '.join(SORTS)}, not {query.sort!r}")
    filters = _filters(index, query)
    dates: list[DateSpan] = []
    terms = [_planned(t) for t in _terms(index, query.terms, hints, dates)] if query.terms else []
    if dates:
        filters = _within(filters, dates)
    by_relevance = (query.sort or ("relevance" if terms else "date")) == "relevance"
    plan = Plan(tuple(terms), filters, "relevance" if by_relevance else "date", query.limit, RANKING)
    return plan, terms


def find(source: Backend | Facts, query: Query) -> Found:
    """Claims that pass every filter and meet every term, best first, at most `limit`."""
    index = _index_of(source)
    hints: list[str] = []
    plan, terms = _plan(index, query, hints)
    matches = index.run(plan)
    docs = _docs(source, index, [m.position for m in matches])
    hits = [
        Hit(
            docs[m.position],
            m.score,
            [
                {"term": t.text, "field": e.field, "kind": e.kind}
                for t, e in zip(terms, m.evidence, strict=True)
            ],
            m.own,
            m.ways,
            m.position,
        )
        for m in matches
    ]
    return Found(hits, list(dict.fromkeys(hints)), plan.order)


def count(source: Backend | Facts, query: Query) -> tuple[int, list[str]]:
    """How many claims `find` finds (its limit aside), and its hints, counted by the index
    without reading a claim (a backend without `count` runs the plan and counts)."""
    index = _index_of(source)
    hints: list[str] = []
    plan, _ = _plan(index, query._replace(limit=None), hints)
    counter = getattr(index, "count", None)
    n = counter(plan) if counter is not None else len(index.run(plan))
    return n, list(dict.fromkeys(hints))


def tie_reasons(hits: Sequence[Hit]) -> list[str]:
    """For each hit, what put it above the next one when both score the same (relevance
    order, `plan`): more of its own fields meet the terms, or it is met in more ways, or it
    comes first in the store; "" where the next hit scores less or there is none."""
    out = []
    for hit, after in zip(hits, [*hits[1:], None], strict=True):
        if after is None or round(after.score, 9) != round(hit.score, 9):
            out.append("")
            continue
        other = after.claim.get("id")
        if hit.own != after.own:
            why = f"more of its own fields meet the query ({hit.own} > {after.own})"
        elif hit.ways != after.ways:
            why = f"met in more ways ({hit.ways} > {after.ways})"
        else:
            why = "earlier in the store"
        out.append(f"above {other} at the same score: {why}")
    return out


def _docs(source: Backend | Facts, index: Backend, rows: list[int]) -> dict[int, dict[str, Any]]:
    # A `Facts` caller gets its own claim records back (row n is its claims[n - 1]), as the
    # search before the index gave them: callers may match them by identity.
    if isinstance(source, Facts):
        return {n: source.claims[n - 1] for n in rows}
    return index.claim_docs(rows)


def search(source: Backend | Facts, query: Query) -> list[Hit]:
    """The hits of `find`, without the hints."""
    return find(source, query).hits


def timeline(source: Backend | Facts, query: Query) -> tuple[list[Hit], list[Hit]]:
    """The hits in the order things happened, and apart from them the ones not placed in
    time: undated, or dated only between bounds (`within`: a day somewhere in an undated
    article's interval, whose place in the order is not known).

    Dated hits are ordered by date start, then end (so 1 Oct 2017 comes before October
    2017 as a whole), then id. `limit` counts the dated hits first.
    """
    # Date order puts the undated last; a date known only between bounds sorts by its first
    # possible day, though, and may take a place the limit keeps for the claims placed in
    # time: then the search is asked again for as many more as it took (they are rare).
    limit = query.limit
    asked = limit

    def placed(h: Hit) -> bool:
        return bool(h.claim.get("date")) and not h.claim["date"].get("within")

    while True:
        hits = search(source, query._replace(sort="date", limit=asked))
        dated = [h for h in hits if placed(h)]
        apart = [h for h in hits if not placed(h)]
        if limit is None or asked is None or len(hits) < asked or len(dated) >= limit:
            break
        asked = limit + len(apart)
    if limit is not None:
        dated = dated[:limit]
        apart = apart[: limit - len(dated)]
    return dated, apart


# --- entities and hints ------------------------------------------------------------------


def entity_rows(source: Backend | Facts, terms: list[str]) -> list[dict[str, Any]]:
    """Entities whose names contain every term (normalized), or all; each with its `claims`
    (live claims it is the subject, object or speaker of: what `search --subject`, `--object`
    and `--speaker` find for it) and `named` (live claims that name it anywhere: those, the
    ones it is the `via` of, and the ones whose words name it, as a search for its name finds
    through it)."""
    index = _index_of(source)
    naming = index.named_counts()
    needles = [normalize(t) for t in terms]
    if terms and not all(needles):
        return []
    rows = []
    for entity, count in index.entities():
        keys = [normalize(n) for n in [*names_of(entity), *(entity.get("metonyms") or [])]]
        if all(any(needle in key for key in keys) for needle in needles):
            rows.append({**entity, "claims": count, "named": naming.get(entity["id"], 0)})
    if terms and not rows:
        # Names as people type them: a near spelling (Shoygu) or a distinctive part.
        an = analyzer()
        ids: set[str] = set()
        for t in terms:
            toks = an.tokens(t)
            named = _named(index, toks) or (_fuzzy(index, toks[0]).entities if len(toks) == 1 else {})
            ids = set(named) if not ids else ids & set(named)
        rows = [
            {**e, "claims": c, "named": naming.get(e["id"], 0)} for e, c in index.entities() if e["id"] in ids
        ]
    rows.sort(key=lambda r: (-r["claims"], (r.get("name") or "").casefold(), r["id"]))
    return rows


_MAX_HINT_TERMS = 8
_MAX_HINT_CHARS = 200


def suggestions(source: Backend | Facts, terms: Sequence[str]) -> list[str]:
    """Up to three entity names close to the terms, for a "nothing found; did you mean" hint."""
    index = _index_of(source)
    an = analyzer()
    typed = {normalize(t) for t in terms}
    near: list[str] = []
    # A hint is for names a person typed: a pasted paragraph gets none rather than seconds of
    # fuzzy matching over every word.
    for term in terms[:_MAX_HINT_TERMS]:
        if len(term) > _MAX_HINT_CHARS:
            continue
        found = _near_names(index, term)
        if not found:
            for word in an.tokens(term)[:_MAX_HINT_TERMS]:
                if len(word) >= 4:
                    found += _near_names(index, word)
        near += found
    picked: list[str] = []
    seen: set[str] = set()
    for name in near:
        ids = set(_named(index, an.tokens(name)))
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
