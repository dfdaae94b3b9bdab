"""Entity linking: which entities a claim's or an article's words name, and how.

One `Linker` serves the index build and drafting, so a word links the same entity in both.
It is built from `lexicon.name_table` (every name of every entity as analyzed tokens, with
its role), and its rule is:

* a name or an alias links its entity (kind `alias`);
* a metonym links what it stands for (kind `metonym`: الدوحة links a quote to Qatar);
* a common word (العديد for Al Udeid, الجزيرة for Al Jazeera) links only beside another
  sign of the same entity: in a claim already about it or naming it otherwise, in an
  article inside quotation marks or after a noun of its kind;
* a word with its proclitics cut off (`analyze.name_forms`: وبالدوحة, للدوحة, لقطر) is the
  same word;
* a one-word name also links the other words it is written as (`analyze.word_forms`, kind
  `stem`: تركيا and التركية, Syria and Syrian, Kalashnikov and Kalashnikovs), in a claim's
  text; never the words the generic stemmer puts with it (قناة is no form of قنا, QNA); in
  an article a country's adjectives (`analyze.nisba_forms`: الروسية) are weak mentions.

Two links name a person the text does not name, for the index build (`roles_named`):

* an office's name links its holders (kind `title`: «وزير الدفاع الروسي» in a claim is
  also Shoigu, who `holds_position` of it);
* «نظيره» / «نظيرته» / "counterpart" with a country beside it («ونظيره الروسي», "his Qatari
  counterpart") links the counterpart the sentence implies (kind `counterpart`): the holder
  of the office of that country most like the office of the other party the text names
  (the Qatari minister of state for defence's Russian counterpart is the Russian minister
  of defence, Shoigu).

And a claim whose subject or object is a topic, an agreement or an event is about what the
topic's own names name (kind `topic`: "Qatar-Russia bilateral relations" is about Qatar
and Russia, the Sochi summit about Sochi), `about`.

Names shorter than `MIN_TEXT_NAME` letters ("US", "AK") are ordinary words in running text
("told us"): they never link a claim through its text. Parts of names (role `part`) are for
queries; text links on whole names only.

`mentions(...)` answers for a claim's analyzed tokens (the index build), saying whether the
claim's own statement names the entity or only the quote it may share with other claims; `resolve(name, ...)`
for a span of an article that may be a name (drafting, which finds the spans itself).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .analyze import Analyzer, analyzer, is_stopword, name_forms, nisba_forms, word_forms
from .lexicon import ALIAS, COMMON_WORD, METONYM, NAME, Lexicon, NameRow, name_table

__all__ = [
    "COUNTERPART_LINK",
    "COUNTERPART_WORDS",
    "MIN_TEXT_NAME",
    "STEM_LINK",
    "TITLE_LINK",
    "TOPIC_LINK",
    "TOPIC_TYPES",
    "Linker",
]

MIN_TEXT_NAME = 3
STEM_LINK = "stem"  # a link kind: the claim's text holds a form of a one-word name
TITLE_LINK = "title"  # a link kind: the text names an office the entity holds
TOPIC_LINK = "topic"  # a link kind: the claim's topic (agreement, event) names the entity
# The kinds of entity whose names say what they are about.
TOPIC_TYPES = frozenset({"topic", "agreement", "event"})
COUNTERPART_LINK = "counterpart"  # a link kind: the text calls the entity «نظيره», a counterpart
# The words for "his/her counterpart", as a reader writes them (analyzed when used).
COUNTERPART_WORDS = (
    "نظير",
    "نظيره",
    "نظيرته",
    "نظيرها",
    "نظيرتها",
    "نظيرهم",
    "نظيريه",
    "counterpart",
    "counterparts",
)


def _kind(role: str) -> str | None:
    """The link a name of this role makes; None for a part of a name."""
    if role in (NAME, ALIAS):
        return ALIAS
    if role in (METONYM, COMMON_WORD):
        return role
    return None


class Linker:
    """The names of `entities` and what each one links, by the rule in the module docstring."""

    def __init__(
        self,
        names: list[NameRow],
        an: Analyzer | None = None,
        entities: Iterable[dict[str, Any]] = (),
    ) -> None:
        """`names` is `lexicon.name_table(entities, an.tokens)`; the index build, which
        stores the table too, passes it alone, and `of(entities)` makes it."""
        self.an = an or analyzer()
        self.entities: dict[str, dict[str, Any]] = {}
        self.types: dict[str, str | None] = {}
        # The adjectives of each country's Arabic names -> the country (the first one wins).
        self.adjectives: dict[str, str] = {}
        self._counterparts: set[str] | None = None
        self._is_counterpart: dict[str, bool] = {}  # a token -> whether it says "counterpart"
        for entity in entities:
            self._know(entity)
        self._index(names)

    @classmethod
    def of(cls, entities: Iterable[dict[str, Any]], an: Analyzer | None = None) -> Linker:
        """The linker of `entities`' names, that knows the entities themselves too."""
        entities = list(entities)
        an = an or analyzer()
        return cls(name_table(entities, an.tokens), an, entities)

    def _know(self, entity: dict[str, Any]) -> None:
        eid = entity["id"]
        self.entities[eid] = entity
        self.types[eid] = entity.get("type")
        if entity.get("type") == "country":
            for name in [entity.get("name_ar") or "", *(entity.get("aliases") or [])]:
                for adjective in nisba_forms(name):
                    self.adjectives.setdefault(adjective, eid)

    def _index(self, names: list[NameRow]) -> None:
        # Every whole name's key -> (entity, kind), in the table's order.
        self.by_key: dict[str, list[tuple[str, str]]] = {}
        # One-word names by their word; longer names by their first two words (most claim
        # words start no name, and a pair narrows the rest to one or two candidates).
        self.single: dict[str, list[tuple[str, str]]] = {}
        self.multi: dict[tuple[str, str], list[tuple[tuple[str, ...], str, str]]] = {}
        # Another written form of a one-word name -> entities: تركيا also links a quote that
        # says التركية ("Turkish"), Syria a statement that says "Syrian".
        self.by_form: dict[str, set[str]] = {}
        for key, eid, role, _ in names:
            kind = _kind(role)
            if kind is None:
                continue
            entries = self.by_key.setdefault(key, [])
            if (eid, kind) not in entries:
                entries.append((eid, kind))
            if len(key.replace(" ", "")) < MIN_TEXT_NAME:
                continue
            toks = tuple(key.split(" "))
            if len(toks) == 1:
                if kind == ALIAS:
                    for form in word_forms(toks[0]):
                        self.by_form.setdefault(form, set()).add(eid)
                bucket = self.single.setdefault(toks[0], [])
                if (eid, kind) not in bucket:
                    bucket.append((eid, kind))
            else:
                entry = (toks, eid, kind)
                pair = self.multi.setdefault((toks[0], toks[1]), [])
                if entry not in pair:
                    pair.append(entry)
        # The first word of every whole name: a word that starts none starts no name.
        self.first_tokens = {key.split(" ")[0] for key in self.by_key}
        self._starts = set(self.single) | {a for a, _ in self.multi}
        self._forms: dict[str, list[str]] = {}  # a token -> its forms that start a name
        self._naming: set[str] = set()  # tokens with such forms
        self._seen: set[str] = set()  # tokens looked at already
        self._form_keys = set(self.by_form)
        self._by_forms: dict[str, tuple[str, ...]] = {}  # a token -> what its other forms name
        # The names table for one name at a time (a draft's agency), made when first asked:
        # linking claims (the index's build and updates) never needs it.
        self._lexicon: Lexicon | None = None
        # What the names known so far say, worked out when first asked (`roles_named`, `about`).
        self._of_country: dict[str, str | None] = {}
        self._about: dict[str, set[str]] = {}
        self._capitals: set[str] | None = None  # places whose name is a state's metonym

    @property
    def lexicon(self) -> Lexicon:
        """Every entity's names by their normalized form (`Lexicon`), for resolving a name."""
        if self._lexicon is None:
            self._lexicon = Lexicon(self.entities.values())
        return self._lexicon

    def add(self, entity: dict[str, Any]) -> None:
        """Know one more entity (a candidate of a draft), so later text links its names."""
        self._know(entity)
        self._index(name_table(self.entities.values(), self.an.tokens))

    def type_of(self, eid: str) -> str:
        return self.types.get(eid) or "unclassified"

    # -- people a claim names by their office or as a counterpart (the index build) --------

    def roles_named(
        self,
        toks: list[str],
        linked: set[str],
        holders: dict[str, set[str]],
    ) -> list[tuple[str, str]]:
        """(person, kind) for the people the tokens name by an office they hold (`title`)
        or as a counterpart (`counterpart`), by the rules in the module docstring. `linked`
        are the entities the claim is linked to already (its roles and the names in its
        text); `holders` maps each office to who holds it. Needs the entities (`of`)."""
        found: dict[str, str] = {}
        offices = {e for e in linked if self.types.get(e) == "office"}
        for office in sorted(offices):
            for person in sorted(holders.get(office, ())):
                if person not in linked:
                    found.setdefault(person, TITLE_LINK)
        words = self._counterpart_keys()
        known = self._is_counterpart
        for tok in [t for t in set(toks) if t not in known]:
            known[tok] = bool(set(name_forms(tok)) & words)
        for i, tok in enumerate(toks):
            if not known[tok]:
                continue
            # Arabic puts the country after the word («نظيره الروسي»), English before it.
            near = [toks[i + 1]] if i + 1 < len(toks) else []
            near += [toks[i - 1]] if i > 0 else []
            country = next((c for c in (self._country(t) for t in near) if c), None)
            if country is None:
                continue
            theirs = {o for o in offices if self._office_country(o) != country}
            for person in linked:
                theirs |= {
                    o for o, held in holders.items() if person in held and self._office_country(o) != country
                }
            for office in self._like(theirs, country):
                for person in sorted(holders.get(office, ())):
                    found[person] = COUNTERPART_LINK
        return sorted(found.items())

    def about(self, eid: str) -> set[str]:
        """What a topic, an agreement or an event is about: the entities its own names name
        (itself left out); nothing for an entity of another type."""
        if eid not in self._about:
            found: dict[str, set[str]] = {}
            entity = self.entities.get(eid) or {}
            if self.types.get(eid) in TOPIC_TYPES:
                for name in [
                    entity.get("name") or "",
                    entity.get("name_ar") or "",
                    *(entity.get("aliases") or []),
                ]:
                    self._found(self.an.tokens(name), found)
            # A capital in a topic's name stands for its state ("supplying Doha with arms"):
            # the topic is about the state, not the city.
            if self._capitals is None:
                self._capitals = {
                    e
                    for entries in self.by_key.values()
                    if any(kind == METONYM for _, kind in entries)
                    for e, kind in entries
                    if kind == ALIAS and self.types.get(e) == "place"
                }
            self._about[eid] = {
                e
                for e, kinds in found.items()
                if e != eid and kinds & {ALIAS, METONYM} and e not in self._capitals
            }
        return self._about[eid]

    def _counterpart_keys(self) -> set[str]:
        if self._counterparts is None:
            self._counterparts = {k for w in COUNTERPART_WORDS for k in self.an.tokens(w)}
        return self._counterparts

    def _country(self, tok: str) -> str | None:
        """The country a word names or is an adjective of (الروسي, Qatari), or None."""
        for form in name_forms(tok):
            if form in self.adjectives:
                return self.adjectives[form]
            for eid, _ in self.single.get(form, ()):
                if self.types.get(eid) == "country":
                    return eid
            for eid in sorted(self.by_form.get(form, ())):
                if self.types.get(eid) == "country":
                    return eid
        return None

    def _office_country(self, office: str) -> str | None:
        """The country an office is of, from the words of its English name."""
        if office not in self._of_country:
            words = self.an.tokens((self.entities.get(office) or {}).get("name") or "")
            self._of_country[office] = next((c for c in (self._country(w) for w in words) if c), None)
        return self._of_country[office]

    def _duties(self, office: str) -> set[str]:
        """The words of an office's English name that say what it does (not its country)."""
        words = self.an.tokens((self.entities.get(office) or {}).get("name") or "")
        return {
            s
            for w, s in zip(words, self.an.stems(words), strict=True)
            if not self._country(w) and not is_stopword(w)
        }

    def _like(self, theirs: set[str], country: str) -> list[str]:
        """The offices of `country` most like one of `theirs` (the most duty words shared)."""
        best: list[str] = []
        score = 0
        for office in sorted(
            e for e, t in self.types.items() if t == "office" and self._office_country(e) == country
        ):
            shared = max((len(self._duties(office) & self._duties(o)) for o in theirs), default=0)
            if shared > score:
                best, score = [office], shared
            elif shared == score and shared:
                best.append(office)
        return best

    # -- a span that may be a name (drafting) --------------------------------------------

    def resolve(self, name: str, quoted: bool, after_kind_noun: bool) -> set[str]:
        """The entities `name` (as written) names: its names, aliases and metonyms (a metonym
        links its state as well as what it names, the city: a predicate's roles choose), and
        its common words only where the name is quoted or follows a noun of its kind."""
        kinds: dict[str, set[str]] = {}
        for eid, kind in self.by_key.get(" ".join(self.an.tokens(name)), ()):
            kinds.setdefault(eid, set()).add(kind)
        corroborated = quoted or after_kind_noun
        return {eid for eid, ks in kinds.items() if corroborated or COMMON_WORD not in ks}

    # -- a claim's text (the index build) ------------------------------------------------

    def _found(self, toks: list[str], found: dict[str, set[str]]) -> None:
        # Set operations (in C) pick the few tokens that can start a name; the positions of
        # only those are then tried.
        unique = set(toks)
        fresh = unique - self._seen
        if fresh:
            starts = self._starts
            for tok in fresh:
                forms = [f for f in name_forms(tok) if f in starts]
                if forms:
                    self._forms[tok] = forms
                    self._naming.add(tok)
            self._seen |= fresh
        naming = unique & self._naming
        if not naming:
            return
        single, multi, forms_of = self.single, self.multi, self._forms
        last = len(toks) - 1
        for i in [i for i, tok in enumerate(toks) if tok in naming]:
            for form in forms_of[toks[i]]:
                for eid, kind in single.get(form, ()):
                    found.setdefault(eid, set()).add(kind)
                if i < last:
                    for name, eid, kind in multi.get((form, toks[i + 1]), ()):
                        if len(name) == 2 or tuple(toks[i + 2 : i + len(name)]) == name[2:]:
                            found.setdefault(eid, set()).add(kind)

    def _forms_found(self, toks: list[str], found: dict[str, set[str]]) -> None:
        if not self._form_keys:
            return
        # What a token's forms name is worked out once per token: news repeats its words.
        memo, by_form = self._by_forms, self.by_form
        for tok in set(toks):
            named = memo.get(tok)
            if named is None:
                named = memo[tok] = tuple(
                    dict.fromkeys(eid for form in name_forms(tok) for eid in by_form.get(form, ()))
                )
            for eid in named:
                found.setdefault(eid, set()).add(STEM_LINK)

    def mentions(
        self, statement: list[str], quote: list[str], about: set[str]
    ) -> list[tuple[str, str, bool]]:
        """(entity, kind, own) for each entity a claim's statement or quote (analyzed tokens)
        names; `own` when its statement does, not only the quote; `about` are the entities
        of its fields."""
        own: dict[str, set[str]] = {}
        self._found(statement, own)
        self._forms_found(statement, own)
        found: dict[str, set[str]] = {e: set(ks) for e, ks in own.items()}
        self._found(quote, found)
        self._forms_found(quote, found)
        out = []
        for eid, kinds in found.items():
            mine = own.get(eid, set())
            for kind in (ALIAS, METONYM):
                if kind in kinds:
                    out.append((eid, kind, kind in mine))
            if STEM_LINK in kinds and ALIAS not in kinds:
                out.append((eid, STEM_LINK, STEM_LINK in mine))
            # A common word counts only beside another sign of the same entity.
            if COMMON_WORD in kinds and (eid in about or kinds - {COMMON_WORD}):
                out.append((eid, COMMON_WORD, COMMON_WORD in mine))
        return out
