"""The index's SQLite (FTS5) backend: the tables, building them from a store, reading
records back, running a query plan, adding what a write appended, and replacing the rows of
the sources whose files changed in a directory store (`update_folder`, run by `folder`). With `postgres`, the
only modules of factcli with SQL or FTS5 text; the rows themselves are made by `rows`.

`facts.json` stays the one truth. Read commands answer from this index so their cost does not
grow with the store: the claims' analyzed text (exact tokens and stems, for FTS5 phrase
queries, and each field's count of words), the links from each claim to the entities it is
about or names, every entity name with its role (and the words of topics' names and of
entities' kinds, role `word`), the predicate labels, the thesaurus, the paragraph each quote
sits in, and the records themselves as JSON. The index records in its `meta` table what it
was built from (`meta`), which `freshness` compares with the store.

Entity links are made at build time (`rows.claim_rows`), on whole words: a claim links to its subject,
object, speaker and via (by role), and, through `link.Linker` (the linker drafting uses
too), to each entity whose name or alias its statement or quote contains (role `mention`,
kind `alias`), whose metonym it contains (kind `metonym`: الدوحة links a quote to Qatar), or
whose common-word name it contains next to another sign of that entity (kind `common_word`:
العديد only where the claim is already about Al Udeid), the holder of an office its text
names (kind `title`), the person it calls «نظيره» (kind `counterpart`, with the person's
role in the claim when they have one), and what the name of its topic names (kind
`topic`); a mention records whether the claim's own statement holds it (`own`) or only its
quote.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .. import store
from ..analyze import Analyzer, analyzer

# The index's rows: one-line JSON read back with every integer exact.
from ..codec import compact_decoder as _loads
from ..codec import compact_encoder as _dumps
from ..link import COUNTERPART_LINK
from ..link import Linker as _Linker  # the one linker, drafting's too
from ..plan import PARTY_TO, Evidence, Filters, Match, Plan, Term
from ..rank import Ranking
from ..records import SCHEMA_VERSION
from . import rows as _rows  # the rows, made as the PostgreSQL index makes them
from .ways import WAYS
from .ways import ways as term_ways  # numbered as the PostgreSQL index numbers them

if TYPE_CHECKING:
    from ..store import directory

__all__ = ["INDEX_SCHEMA", "Index", "build", "connect_ro", "in_memory", "read_meta"]

# Bump when the tables below, or what is put in them, change.
INDEX_SCHEMA = 11
ROLES = _rows.ROLES


# --- the index ---------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sources(n INTEGER PRIMARY KEY, id TEXT, claims INTEGER, doc TEXT, summary TEXT);
CREATE TABLE entities(n INTEGER PRIMARY KEY, id TEXT, claims INTEGER, doc TEXT);
CREATE TABLE claims(
    n INTEGER PRIMARY KEY, id TEXT, subject TEXT, predicate TEXT, object TEXT, speaker TEXT,
    via TEXT, source TEXT, date_start TEXT, date_end TEXT, retracted INTEGER, doc TEXT,
    statement_words INTEGER, quote_words INTEGER);
CREATE TABLE links(claim INTEGER, entity TEXT, role TEXT, kind TEXT, own INTEGER);
CREATE TABLE paragraphs(claim INTEGER PRIMARY KEY, text TEXT, quote_start INTEGER, quote_end INTEGER);
CREATE TABLE names(key TEXT, stem_key TEXT, entity TEXT, role TEXT, written TEXT);
CREATE TABLE labels(key TEXT, predicate TEXT, kind TEXT);
CREATE TABLE vocabulary(doc TEXT);
CREATE TABLE synonyms(key TEXT, kind TEXT, other TEXT, predicate TEXT);
CREATE TABLE files(rel TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, inode INTEGER, ctime_ns INTEGER);
CREATE VIRTUAL TABLE claim_text USING fts5(statement, quote, statement_stems, quote_stems, tokenize='ascii');
CREATE VIRTUAL TABLE claim_terms USING fts5vocab(claim_text, 'row');
"""
_INDEXES = """
CREATE INDEX sources_id ON sources(id);
CREATE INDEX entities_id ON entities(id);
CREATE INDEX claims_id ON claims(id);
CREATE INDEX claims_subject ON claims(subject, date_start, date_end);
CREATE INDEX claims_object ON claims(object, date_start, date_end);
CREATE INDEX claims_speaker ON claims(speaker);
CREATE INDEX claims_source ON claims(source);
CREATE INDEX claims_predicate ON claims(predicate);
CREATE INDEX claims_holders ON claims(predicate, retracted, subject, object);
CREATE INDEX claims_date ON claims(date_start, date_end);
CREATE INDEX links_entity ON links(entity, role, kind, claim, own);
CREATE INDEX links_claim ON links(claim, entity, role, kind, own);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_stem ON names(stem_key);
CREATE INDEX labels_key ON labels(key);
"""
# The rows made from the analyzer alone (`rows.synonym_rows`: the thesaurus's and the number
# words' forms) and their index are the same in every index a process builds: they are put,
# with the empty tables, in a database in memory once per analyzer, and a build starts from
# a copy of its pages (`_begin`) instead of inserting the rows and indexing them again (for
# a small store, most of a build's time).
_SYNONYMS_INDEX = "CREATE INDEX synonyms_key ON synonyms(key, kind)"
_BEGUN: dict[Any, sqlite3.Connection] = {}


def _begin(conn: sqlite3.Connection, an: Any) -> None:
    """Give the empty database `conn` every table of the index, the synonyms filled."""
    template = _BEGUN.get(an)
    if template is None:
        template = sqlite3.connect(":memory:", check_same_thread=False)
        template.executescript(_SCHEMA)
        template.executemany("INSERT INTO synonyms VALUES (?, ?, ?, ?)", _rows.synonym_rows(an))
        template.execute(_SYNONYMS_INDEX)
        template.commit()
        if len(_BEGUN) >= 2:
            _BEGUN.pop(next(iter(_BEGUN))).close()
        _BEGUN[an] = template
    template.backup(conn)


_Read = TypeVar("_Read", bound=Callable[..., Any])


# Every read of an index goes through `_recovering`, `run` too: a damaged cache file never
# fails a command (a query error on a sound index still surfaces, after one rebuild).
def _recovering(read: _Read) -> _Read:
    """A read of the index that, when the file fails it (SQLite's error, a row that does not
    decode), is answered once more from a rebuilt index (`Index.recover`)."""

    @functools.wraps(read)
    def recovered(self: Index, *args: Any, **kwargs: Any) -> Any:
        try:
            return read(self, *args, **kwargs)
        except (sqlite3.Error, ValueError) as exc:
            recover, self.recover = self.recover, None
            if recover is None:
                raise
            recover(self, exc)
            self._entity_cache = None
            return read(self, *args, **kwargs)

    return cast(_Read, recovered)


# How many name lookups an index keeps (`Index.names`), and as many of labels and of
# synonyms: a few megabytes at most.
_NAMES_KEPT = 50_000
_K = TypeVar("_K")
_V = TypeVar("_V")


def _lookup_kept(found: dict[_K, _V], key: _K, read: Callable[[], _V]) -> _V:
    """What `found` keeps for `key`, else `read()`, kept while fewer than `_NAMES_KEPT` are.
    The caller hands out a copy: a kept answer is never given away to be changed."""
    value = found.get(key)
    if value is None:
        value = read()
        if len(found) < _NAMES_KEPT:
            found[key] = value
    return value


class Index:
    """An open index: the connection, where it is (`path`, None for an in-memory build), the
    store it is of, and anything the user should be told (`note`).

    `recover` is called once, with the error, when reading the index fails (a damaged
    file): it puts a rebuilt index's connection in this one's place, and the read is tried
    again on it."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        store_path: Path | None,
        note: str | None = None,
        rebuilt: bool = False,
        recover: Callable[[Index, Exception], None] | None = None,
    ) -> None:
        self.conn = conn
        self.path = path
        self.store_path = store_path
        self.note = note
        self.rebuilt = rebuilt
        self.recover = recover
        self._loads = _records_loader()
        self._entity_cache: dict[str, dict[str, Any] | None] | None = None
        self._longest_name: int | None = None
        self._names_found: dict[tuple[str, bool], list[tuple[str, str]]] = {}
        self._name_words: dict[bool, frozenset[str]] = {}
        self._labels_found: dict[str, list[tuple[str, str]]] = {}
        self._synonyms_found: dict[tuple[str, str], tuple[list[str], list[str]]] = {}

    def forget(self) -> None:
        """Drop what was kept of earlier reads (entities, name lookups, the longest name):
        the index's connection was replaced by a rebuilt one's."""
        self._entity_cache = None
        self._names_found = {}
        self._name_words = {}
        self._labels_found = {}
        self._synonyms_found = {}
        self._longest_name = None

    # -- records -------------------------------------------------------------------------

    @_recovering
    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    @_recovering
    def counts(self) -> dict[str, int]:
        one = self.conn.execute
        return {
            t: one(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("sources", "entities", "claims", "links")
        }

    @_recovering
    def claim_docs(self, rows: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Claim records by index row, for the given rows."""
        rows = list(rows)
        loads = self._loads
        out: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(rows, 900):
            marks = ",".join("?" * len(chunk))
            for n, doc in self.conn.execute(f"SELECT n, doc FROM claims WHERE n IN ({marks})", chunk):
                out[n] = loads(doc)
        return out

    @_recovering
    def claim(self, claim_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT doc FROM claims WHERE id = ? ORDER BY n LIMIT 1", (claim_id,)
        ).fetchone()
        return self._loads(row[0]) if row else None

    @_recovering
    def paragraph(self, claim_id: str) -> tuple[str, int, int] | None:
        """The paragraph holding a claim's quote, and the quote's span in it, as the build
        cut it from the source (`present.paragraph_of`); None when the index holds none."""
        row = self.conn.execute(
            "SELECT p.text, p.quote_start, p.quote_end FROM claims AS c JOIN paragraphs AS p ON p.claim = c.n "
            "WHERE c.id = ? ORDER BY c.n LIMIT 1",
            (claim_id,),
        ).fetchone()
        return (row[0], row[1], row[2]) if row else None

    @_recovering
    def claim_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM claims ORDER BY n")]

    @_recovering
    def source(self, source_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT doc FROM sources WHERE id = ? ORDER BY n DESC LIMIT 1", (source_id,)
        ).fetchone()
        return self._loads(row[0]) if row else None

    @_recovering
    def sources(self) -> list[tuple[dict[str, Any], int]]:
        return [
            (self._loads(d), c) for d, c in self.conn.execute("SELECT doc, claims FROM sources ORDER BY n")
        ]

    @_recovering
    def source_summary(self, source_id: str) -> dict[str, Any] | None:
        """The source without its text (what a claim record nests), or None."""
        row = self.conn.execute(
            "SELECT summary FROM sources WHERE id = ? ORDER BY n DESC LIMIT 1", (source_id,)
        ).fetchone()
        return self._loads(row[0]) if row else None

    @_recovering
    def source_summaries(self) -> dict[str, dict[str, Any]]:
        """id -> the source without its text (what a claim record nests)."""
        out: dict[Any, dict[str, Any]] = {}
        for (summary,) in self.conn.execute("SELECT summary FROM sources ORDER BY n"):
            src = self._loads(summary)
            out[src.get("id")] = src
        return out

    @_recovering
    def entities(self) -> list[tuple[dict[str, Any], int]]:
        return [
            (self._loads(d), c) for d, c in self.conn.execute("SELECT doc, claims FROM entities ORDER BY n")
        ]

    @_recovering
    def named_counts(self) -> dict[str, int]:
        """Per entity, its live claims that name it: in a role, via, or in their words."""
        return dict(
            self.conn.execute(
                "SELECT l.entity, count(DISTINCT l.claim) FROM links l JOIN claims c ON c.n = l.claim "
                "WHERE c.retracted = 0 GROUP BY l.entity"
            )
        )

    @_recovering
    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """The entity with this id, or None: read by its id (a query looks up a few of
        them, never the whole table) and kept for the next look."""
        cache = self._entity_cache
        if cache is None:
            cache = self._entity_cache = {}
        if entity_id not in cache:
            row = self.conn.execute(
                "SELECT doc FROM entities WHERE id = ? ORDER BY n DESC LIMIT 1", (entity_id,)
            ).fetchone()
            cache[entity_id] = self._loads(row[0]) if row else None
        return cache[entity_id]

    @_recovering
    def facts(self, sources: Iterable[str] | None = None) -> store.Facts:
        """A `Facts` snapshot from the index: every entity, and the given sources with their
        claims (all of them when None), in stored order."""
        loads = self._loads
        if sources is None:
            claims = [loads(d) for (d,) in self.conn.execute("SELECT doc FROM claims ORDER BY n")]
            srcs = [s for s, _ in self.sources()]
        else:
            wanted = sorted(set(sources))
            marks = ",".join("?" * len(wanted)) or "NULL"
            claims = [
                loads(d)
                for (d,) in self.conn.execute(
                    f"SELECT doc FROM claims WHERE source IN ({marks}) ORDER BY n", wanted
                )
            ]
            srcs = [
                loads(d)
                for (d,) in self.conn.execute(
                    f"SELECT doc FROM sources WHERE id IN ({marks}) ORDER BY n", wanted
                )
            ]
        meta = loads(self.meta().get("store_meta") or "{}") or {
            "schema": SCHEMA_VERSION,
            "last_claim": 0,
        }
        vocabulary = self.vocabulary()
        return store.Facts(
            self.store_path,
            srcs,
            [e for e, _ in self.entities()],
            claims,
            meta,
            vocabulary,
        )

    @_recovering
    def vocabulary(self) -> dict[str, Any] | None:
        """The store's vocabulary document; None for a store older than version 3."""
        row = self.conn.execute("SELECT doc FROM vocabulary").fetchone()
        return _records_loader()(row[0]) if row else None

    # -- lookups for search ----------------------------------------------------------------

    @_recovering
    def names(self, key: str, stems: bool = False) -> list[tuple[str, str]]:
        """(entity, role) for every name whose analyzed key (or, with `stems`, whose key's
        stems) is `key`."""
        # Kept for the index's life: a query asks for the same keys in many of its readings
        # (a name's forms, its words reordered), and a process that runs many queries on one
        # index (a test run, the relevance benchmark) asks again for the same names.
        column = "stem_key" if stems else "key"
        sql = f"SELECT entity, role FROM names WHERE {column} = ?"
        found: list[tuple[str, str]] = _lookup_kept(
            self._names_found, (key, stems), lambda: list(self.conn.execute(sql, (key,)))
        )
        return list(found)

    @_recovering
    def name_words(self, stems: bool = False) -> frozenset[str]:
        """Every word of the names' analyzed keys (or of their stems), read once."""
        words = self._name_words.get(stems)
        if words is None:
            column = "stem_key" if stems else "key"
            keys = self.conn.execute(f"SELECT DISTINCT {column} FROM names")
            words = self._name_words[stems] = frozenset(w for (k,) in keys for w in k.split(" "))
        return words

    @_recovering
    def name_keys(self) -> list[tuple[str, str, str, str]]:
        return list(self.conn.execute("SELECT key, entity, role, written FROM names"))

    @_recovering
    def longest_name(self) -> int:
        if self._longest_name is None:
            # Words are one space apart in a key: its spaces, and one.
            row = self.conn.execute(
                "SELECT max(length(key) - length(replace(key, ' ', '')) + 1) FROM names WHERE key != ''"
            ).fetchone()
            self._longest_name = int(row[0] or 0)
        return self._longest_name

    @_recovering
    def holders(self, offices: Iterable[str]) -> set[str]:
        """Who a live `holds_position` claim says holds any of these offices (at any date)."""
        ids = sorted(set(offices))
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        return {
            s
            for (s,) in self.conn.execute(
                f"SELECT DISTINCT subject FROM claims INDEXED BY claims_object WHERE object IN ({marks}) "
                "AND predicate = 'holds_position' AND retracted = 0",
                ids,
            )
            if isinstance(s, str)
        }

    @_recovering
    def offices(self, people: Iterable[str]) -> set[str]:
        """The offices a live claim says any of these people holds or held (at any date)."""
        ids = sorted(set(people))
        if not ids:
            return set()
        return {
            o
            for (o,) in self.conn.execute(
                f"SELECT DISTINCT object FROM claims INDEXED BY claims_subject WHERE subject IN "
                f"({','.join('?' * len(ids))}) AND predicate IN ('holds_position', 'held_position') "
                "AND retracted = 0",
                ids,
            )
            if isinstance(o, str)
        }

    @_recovering
    def posts(self, states: Iterable[str]) -> set[str]:
        """The offices a live `office_in` claim says are posts of any of these states, read
        through the predicate (fewer claims than a state's)."""
        ids = sorted(set(states))
        if not ids:
            return set()
        return {
            s
            for (s,) in self.conn.execute(
                "SELECT DISTINCT subject FROM claims INDEXED BY claims_predicate WHERE predicate = 'office_in' "
                f"AND object IN ({','.join('?' * len(ids))}) AND retracted = 0",
                ids,
            )
            if isinstance(s, str)
        }

    @_recovering
    def parties(self, entities: Iterable[str]) -> set[str]:
        """What live claims say any of these entities signed or is party to (by `plan.PARTY_TO`):
        read through the predicates, which are fewer claims than a state's."""
        ids = sorted(set(entities))
        if not ids:
            return set()
        return {
            o
            for (o,) in self.conn.execute(
                f"SELECT DISTINCT object FROM claims INDEXED BY claims_predicate WHERE predicate IN "
                f"({','.join('?' * len(PARTY_TO))}) AND subject IN ({','.join('?' * len(ids))}) "
                "AND retracted = 0",
                [*PARTY_TO, *ids],
            )
            if isinstance(o, str)
        }

    @_recovering
    def labels(self, key: str) -> list[tuple[str, str]]:
        # Kept as the names are (`names`): a query asks again for the words of its runs.
        sql = "SELECT predicate, kind FROM labels WHERE key = ?"
        found: list[tuple[str, str]] = _lookup_kept(
            self._labels_found, key, lambda: list(self.conn.execute(sql, (key,)))
        )
        return list(found)

    @_recovering
    def predicates(self) -> list[str]:
        """The store's predicates, by name (each has its own name among the labels)."""
        return [p for (p,) in self.conn.execute("SELECT DISTINCT predicate FROM labels ORDER BY predicate")]

    @_recovering
    def synonyms(self, tokens: str, stems: str) -> tuple[list[str], list[str]]:

        def read() -> tuple[list[str], list[str]]:
            rows = self.conn.execute(
                "SELECT other, predicate FROM synonyms WHERE (key = ? AND kind = 'number') "
                "OR (key = ? AND kind = 'word') ORDER BY rowid",
                (tokens, stems),
            )
            others: list[str] = []
            predicates: list[str] = []
            for other, predicate in rows:
                if other is not None:
                    others.append(other)
                else:
                    predicates.append(predicate)
            return others, predicates

        others, predicates = _lookup_kept(self._synonyms_found, (tokens, stems), read)
        return list(others), list(predicates)

    @_recovering
    def has_term(self, token: str) -> bool:
        """Whether any claim's text or stems hold this token (FTS5's own vocabulary)."""
        return (
            self.conn.execute("SELECT 1 FROM claim_terms WHERE term = ? LIMIT 1", (token,)).fetchone()
            is not None
        )

    # -- running a query plan ----------------------------------------------------------------
    #
    # `plan` says what a plan means; this is how SQLite runs one. Every value goes in as a
    # bound parameter, and every FTS5 phrase is quoted here, so no word of a query can be
    # read as FTS5 syntax or make an expression SQLite refuses: an error from a query is a
    # bug, and it surfaces.

    # The FTS5 column of each text field, by form.
    _COLUMNS = {
        ("statement", "exact"): "statement",
        ("quote", "exact"): "quote",
        ("statement", "stem"): "statement_stems",
        ("quote", "stem"): "quote_stems",
        ("statement", "synonym"): "statement_stems",
        ("quote", "synonym"): "quote_stems",
    }
    # A word as the analyzer writes it: one word as FTS5's ascii tokenizer reads it (ASCII
    # letters and digits, and any other character), lower case, or a number with a decimal
    # point or comma (8.6, 1,5). Among few claims the phrase is looked for in their indexed
    # words as written when every token is one of these; a term with any other token is
    # left to FTS5 to read on both paths. (The class is written as what it leaves out, the
    # rest of ASCII: a range up to U+10FFFF costs milliseconds to compile at every start.)
    _PLAIN = re.compile(r"[^\x00-/:-`{-\x7f]+(?:[.,][0-9]+)*")
    # Counts of claims past this are all "many" when terms are put in order of how few
    # claims they can meet: counting further would cost what the order saves.
    _ESTIMATE_CAP = 2000

    @_recovering
    def run(self, plan: Plan) -> list[Match]:
        """The claims the plan finds, in its order (see `plan` for what each part means)."""
        if not plan.terms:
            where, args = self._filters(plan.filters)
            live = "" if plan.filters.include_retracted else "retracted = 0"
            # Filters alone: SQL orders and limits, so a timeline of 20 reads 20 records.
            rows = self._claim_rows(self._all(where, live), args, by_date=True, limit=plan.limit)
            return [Match(n) for n, _, _ in rows]
        with self._steps(plan, scored=True) as found:
            if found is None:
                return []
            sql, args, ways = found
            k = len(plan.terms)
            return [
                Match(row[0], row[1], tuple(ways[i][row[2 + i]] for i in range(k)), row[2 + k], row[3 + k])
                for row in self.conn.execute(sql, args)
            ]

    @_recovering
    def count(self, plan: Plan) -> int:
        """How many claims `run(plan)` finds (its limit aside), counted inside the index:
        no claim is scored, ordered or read."""
        if not plan.terms:
            where, args = self._filters(plan.filters)
            live = "" if plan.filters.include_retracted else "retracted = 0"
            cond = self._all(where, live)
            sql = "SELECT count(*) FROM claims" + (f" WHERE {cond}" if cond else "")
            return int(self.conn.execute(sql, args).fetchone()[0])
        with self._steps(plan, scored=False) as found:
            if found is None:
                return 0
            sql, args, _ = found
            return int(self.conn.execute(sql, args).fetchone()[0])

    # -- running the terms ------------------------------------------------------------------
    #
    # A plan runs in steps inside the index, one per term and one for the filters, each a
    # temporary table (in memory) of the claims that meet it among those the step before it
    # left, with each claim's best way, score and counts; then one statement takes the AND
    # of all of them, the filters, the scores, the order and the limit. The steps go from the
    # one that can meet the fewest claims (counted in the text, the links and the
    # predicates, up to `_ESTIMATE_CAP`) to the most, so a word every claim holds is looked
    # up only among the claims the rare words left, and the cost follows the answer, not the
    # commonest word. Scores do not depend on that order: each term scores on its own, and
    # they are summed in plan order. (Steps are tables rather than one statement's common
    # table expressions: SQLite copies an expression into every place that names it, so a
    # chain of them grows as a power of its length.)

    @contextlib.contextmanager
    def _steps(
        self, plan: Plan, scored: bool
    ) -> Iterator[tuple[str, list[Any], list[dict[int, Evidence]]] | None]:
        """Run the plan's steps, and give the statement that reads their answer, its
        parameters, and per term the evidence each of its ways stands for, by the way's
        number. With `scored` its rows are the claims (position, score, per term the number
        of its best way, own, ways); else one row, the count. None when a term can meet no
        claim at all. The steps' tables are emptied after."""
        if any(not (t.exact or t.stems or t.synonyms or t.entities or t.predicates) for t in plan.terms):
            yield None
            return
        where, fargs = self._filters(plan.filters)
        live = "" if plan.filters.include_retracted else "c.retracted = 0"
        ways: list[dict[int, Evidence]] = [{} for _ in plan.terms]
        if len(plan.terms) == 1 and not where:
            # One term and no filter: one step, with nothing to put in order and no step
            # after it to read its claims, so it is no table but the answer's first
            # expression (no count to order by, nothing made or dropped).
            step, args = self._step(0, plan, None, ways[0], scored)
            yield self._answer(plan, scored, "factcli_t0", live, ways, (f"factcli_t0 AS ({step})", args))
            return
        steps: list[tuple[int, int]] = [(self._estimate(t), i) for i, t in enumerate(plan.terms)]
        if where:
            cap = self._ESTIMATE_CAP
            sql = f"SELECT count(*) FROM (SELECT 1 FROM claims WHERE {where} LIMIT {cap})"
            steps.append((int(self.conn.execute(sql, fargs).fetchone()[0]), -1))
        steps.sort()
        made: list[str] = []
        try:
            prev: tuple[str, int] | None = None  # the step before: its table and its claims
            for n, (_, i) in enumerate(steps):
                table = self._step_table(i, scored)
                made.append(table)
                if i < 0:
                    cond = f"({where})" + (f" AND n IN (SELECT n FROM {prev[0]})" if prev else "")
                    self.conn.execute(f"INSERT INTO {table}(n) SELECT n FROM claims WHERE {cond}", fargs)
                else:
                    step, args = self._step(i, plan, prev, ways[i], scored)
                    columns = "n, score, way, own, ways" if scored else "n"
                    self.conn.execute(f"INSERT INTO {table}({columns}) {step}", args)
                if n == len(steps) - 1:
                    prev = (table, -1)  # the last: no step reads it by claim or needs its count
                    break
                # How many claims the step left, which decides how the next one reads them.
                left = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                prev = (table, int(left))
            assert prev is not None
            yield self._answer(plan, scored, prev[0], live, ways)
        finally:
            for table in made:
                self.conn.execute(f"DELETE FROM {table}")

    def _step_table(self, i: int, scored: bool) -> str:
        """The empty table step `i` (-1: the filters) writes its claims into (with their
        scores when `scored`, in a table of its own): made once per
        connection and emptied after each plan, never dropped. (A table made or dropped
        changes the schema, after which SQLite prepares every statement of the connection
        again: a plan of several steps paid that for each.) A claim's position is its key,
        which is the index the next step reads it by; the other columns take the step's
        values as they are (no declared type converts them)."""
        table = f"temp.factcli_{'f' if i < 0 else f't{i}' if scored else f'u{i}'}"
        columns = "n INTEGER PRIMARY KEY" + (", score, way, own, ways" if scored and i >= 0 else "")
        self.conn.execute(f"CREATE TABLE IF NOT EXISTS {table}({columns})")
        self.conn.execute(f"DELETE FROM {table}")
        return table

    def _step(
        self, i: int, plan: Plan, prev: tuple[str, int] | None, ways: dict[int, Evidence], scored: bool
    ) -> tuple[str, list[Any]]:
        """The statement of term `i`'s step, and its parameters: with `scored`, per claim
        the term meets among `prev`'s (or all), its best way and its counts; else the claims."""
        ctes: list[str] = []
        args: list[Any] = []
        parts, pargs = self._ways(i, plan.terms[i], plan.ranking, prev, ctes, args, ways, scored)
        ctes.append(f"e(n, score, mine, way) AS ({' UNION ALL '.join(parts)})")
        if scored:
            # Each claim's best way: the highest score, the first offered (the lowest
            # number) among equal scores, packed into one integer so that one pass finds
            # both; and how many of its ways are the claim's own, and how many in all.
            top = self._WAYS - 1
            best = f"max(CAST(score * 1e9 AS INTEGER) * {self._WAYS} + {top} - way)"
            body = (
                f"SELECT n, max(score) AS score, {top} - {best} % {self._WAYS} AS way, "
                "sum(mine) AS own, count(*) AS ways FROM e GROUP BY n"
            )
        else:
            body = "SELECT DISTINCT n FROM e"
        return f"WITH {', '.join(ctes)} {body}", args + pargs

    def _all_live(self) -> bool:
        """Whether no claim of the index is retracted: the sources' counts of live claims add
        up to every claim (read from the sources' rows and the claims' last position, without
        reading a claim)."""
        row = self.conn.execute(
            "SELECT (SELECT coalesce(max(n), 0) FROM claims), (SELECT coalesce(sum(claims), 0) FROM sources)"
        ).fetchone()
        return bool(row[0] == row[1])

    def _answer(
        self,
        plan: Plan,
        scored: bool,
        last: str,
        live: str,
        ways: list[dict[int, Evidence]],
        inline: tuple[str, list[Any]] | None = None,
    ) -> tuple[str, list[Any], list[dict[int, Evidence]]]:
        """The statement over the steps' tables: the count, or the claims every term met
        (`last` holds them), each term's best way side by side, scored, ordered, limited.
        `inline` is the one step of a one-term plan as a common table expression named
        `last`, with its parameters, in place of a table."""
        head, args = (f"WITH {inline[0]} ", list(inline[1])) if inline else ("", [])
        cond = f" WHERE {live}" if live else ""
        if not scored:
            if not live:
                return f"{head}SELECT count(*) FROM {last}", args, ways
            size = int(self.conn.execute(f"{head}SELECT count(*) FROM {last}", args).fetchone()[0])
            if size > self._ESTIMATE_CAP and self._all_live():
                # Many claims and none to leave out: the count is the last step's, and no
                # claim is read to see whether it is retracted.
                return "SELECT ?", [size], ways
            return f"{head}SELECT count(*) FROM {last} AS z JOIN claims AS c ON c.n = z.n{cond}", args, ways
        k = range(len(plan.terms))
        tables = [last] if inline else [f"temp.factcli_t{i}" for i in k]
        rows = " UNION ALL ".join(
            f"SELECT {i} AS t, n, score, way, own, ways FROM {tables[i]}"
            + (f" WHERE n IN (SELECT n FROM {last})" if tables[i] != last else "")
            for i in k
        )
        score = " + ".join(f"max(CASE t WHEN {i} THEN score END)" for i in k)  # in plan order
        why = ", ".join(f"max(CASE t WHEN {i} THEN way END)" for i in k)
        with_z = f"{head.rstrip()}, " if head else "WITH "  # the inline step first
        sql = (
            f"{with_z}z AS (SELECT n, {score} AS score, {why}, sum(own) AS own, sum(ways) AS ways "
            f"FROM ({rows}) GROUP BY n) "
            f"SELECT z.* FROM z JOIN claims AS c ON c.n = z.n{cond} ORDER BY "
        )
        if plan.order == "relevance":
            # Ties: the claim more of whose own fields meet the terms, then the one met in
            # more ways, then stored order (claim id order), whether dated or not.
            sql += "z.score DESC, z.own DESC, z.ways DESC, z.n"
        else:
            sql += "(c.date_start IS NULL OR c.date_start = ''), c.date_start, coalesce(c.date_end, ''), z.n"
        if plan.limit is not None:
            sql += " LIMIT ?"
            args.append(plan.limit)
        return sql, args, ways

    # Ways a term may meet claims in are numbered below this (`ways`).
    _WAYS = WAYS

    def _ways(
        self,
        i: int,
        term: Term,
        ranking: Ranking,
        prev: tuple[str, int] | None,
        ctes: list[str],
        args: list[Any],
        ways: dict[int, Evidence],
        scored: bool = True,
    ) -> tuple[list[str], list[Any]]:
        """The SELECTs, one per way the term can meet a claim, of (n, score, mine, way):
        `mine` when the way is the claim's own (not only the quote it may share), `way` its
        number, in the order ways are offered (the first wins a tie), whose evidence goes
        to `ways`, and their parameters (without `scored`, only `n` and `way` mean anything).
        Only claims in `prev`'s table are looked at. Tables of weights go to `ctes` (as
        common table expressions) and their values to `args`."""
        parts: list[str] = []
        pargs: list[Any] = []
        weights = ranking.field_weight
        offered = term_ways(term, ranking)
        ways.update(offered.evidence)
        for order, fld, form, toks in offered.text:
            # An FTS5 string: every character but a double quote (doubled) is literal, and
            # the tokenizer reads the words in it, so no token can be an operator, a
            # column filter, a prefix or a group. A phrase with no words matches nothing.
            phrase = '"' + " ".join(t.replace('"', '""') for t in toks) + '"'
            column = self._COLUMNS[fld, form]
            if prev and prev[1] < self._ESTIMATE_CAP and all(self._PLAIN.fullmatch(t) for t in toks):
                # Few claims left: their indexed words are read and the phrase looked for
                # in them. FTS5 asked for a word in one column among given rows walks the
                # word's every claim for each row where that column lacks it.
                found = (
                    f"SELECT rowid AS n FROM claim_text WHERE rowid IN (SELECT n FROM {prev[0]}) "
                    f"AND instr(' ' || {column} || ' ', ?) > 0"
                )
                needle = f" {' '.join(toks)} "
            else:
                # Many claims left (or a word FTS5 must read): the phrase's claims, then
                # those of them left (`+` keeps SQLite from handing the rows to FTS5 one
                # at a time, which walks the phrase's claims for each).
                found = "SELECT n FROM (SELECT rowid AS n FROM claim_text WHERE claim_text MATCH ?)" + (
                    f" WHERE +n IN (SELECT n FROM {prev[0]})" if prev else ""
                )
                needle = f"{{{column}}} : {phrase}"
            # The match's strength: the phrase's words' share of the field's words,
            # times the field's weight, from the word counts the claims' rows keep (bm25
            # would walk every claim holding the phrase to weigh it, however few are
            # asked about, and FTS5 reads a row's text back one query per row).
            if not scored:
                # Counting: which claims, not how well.
                parts.append(f"SELECT n, 0, 0, {order} FROM ({found})")
                pargs.append(needle)
                continue
            parts.append(
                f"SELECT n, ? + x / (1.0 + x), {int(fld != 'quote')}, {order} FROM "
                f"(SELECT m.n AS n, ? * ? / max(1.0, c.{fld}_words) AS x FROM ({found}) AS m "
                "JOIN claims AS c ON c.n = m.n)"
            )
            pargs += [ranking.text[form], weights[fld][form], len(toks), needle]
        # (entity, role, kind, score, way), as the weights table holds them
        links = [(eid, role, kind, score, order) for order, eid, role, kind, score in offered.links]
        if links:
            ctes.append(f"w{i}(entity, role, kind, score, way) AS (VALUES {self._marks(links)})")
            args += [v for row in links for v in row]
            ids = sorted({row[0] for row in links})
            # Few claims left: their links, read by claim (CROSS JOIN keeps them the outer
            # loop; SQLite's planner would walk every link in the index); else the
            # entities' links, read by entity.
            by_claim = prev is not None and prev[1] < self._link_count(ids)
            source = (
                f"{prev[0]} AS p CROSS JOIN links AS l INDEXED BY links_claim ON l.claim = p.n"
                if by_claim and prev
                else "links AS l INDEXED BY links_entity"
            )
            parts.append(
                f"SELECT l.claim, w.score, l.own, w.way FROM {source} "
                f"JOIN w{i} AS w ON w.entity = l.entity AND w.role = l.role AND w.kind = l.kind "
                f"WHERE l.entity IN ({','.join('?' * len(ids))})"
                + (f" AND l.claim IN (SELECT n FROM {prev[0]})" if prev and not by_claim else "")
            )
            pargs += ids
        preds = [(pred, score, order) for order, pred, score in offered.predicates]
        if preds:
            ctes.append(f"p{i}(predicate, score, way) AS (VALUES {self._marks(preds)})")
            args += [v for row in preds for v in row]
            parts.append(
                f"SELECT c.n, p.score, 1, p.way FROM claims AS c JOIN p{i} AS p ON p.predicate = c.predicate"
                + (f" WHERE c.n IN (SELECT n FROM {prev[0]})" if prev else "")
            )
        return parts, pargs

    @staticmethod
    def _marks(rows: list[tuple[Any, ...]]) -> str:
        return ", ".join("(" + ", ".join("?" * len(row)) + ")" for row in rows)

    def _estimate(self, term: Term) -> int:
        """How many claims the term can meet, counted up to `_ESTIMATE_CAP`: its phrases in
        the text, the entities' links and the predicates' claims. Each count stops at the
        cap, so a word every claim holds costs what a rare one does."""
        cap = self._ESTIMATE_CAP
        total = 0
        for toks in (term.exact, term.stems, *term.synonyms):
            if toks and total < cap:
                phrase = '"' + " ".join(t.replace('"', '""') for t in toks) + '"'
                sql = f"SELECT count(*) FROM (SELECT 1 FROM claim_text WHERE claim_text MATCH ? LIMIT {cap})"
                total += int(self.conn.execute(sql, (phrase,)).fetchone()[0])
        ids = sorted({e.entity for e in term.entities})
        if ids and total < cap:
            total += self._link_count(ids)
        preds = sorted({p for p, _ in term.predicates})
        if preds and total < cap:
            sql = (
                f"SELECT count(*) FROM (SELECT 1 FROM claims WHERE predicate IN "
                f"({','.join('?' * len(preds))}) LIMIT {cap})"
            )
            total += int(self.conn.execute(sql, preds).fetchone()[0])
        return min(total, cap)

    def _link_count(self, ids: list[str]) -> int:
        cap = self._ESTIMATE_CAP
        sql = f"SELECT count(*) FROM (SELECT 1 FROM links WHERE entity IN ({','.join('?' * len(ids))}) LIMIT {cap})"
        return int(self.conn.execute(sql, ids).fetchone()[0])

    @staticmethod
    def _all(*conditions: str) -> str:
        return " AND ".join(c for c in conditions if c)

    @staticmethod
    def _filters(filters: Filters) -> tuple[str, list[Any]]:
        """The filters as one SQL condition on `claims` (retraction aside), and its parameters."""
        where: list[str] = []
        args: list[Any] = []
        for column, values in filters.by_column():
            if values is not None:
                where.append(f"{column} IN ({','.join('?' * len(values))})" if values else "0")
                args.extend(sorted(values))
        # Overlap, not containment; undated claims are left out by any date filter.
        if filters.ends_from:
            where.append("date_end IS NOT NULL AND date_end >= ?")
            args.append(filters.ends_from)
        if filters.starts_until:
            where.append("date_start IS NOT NULL AND date_start <= ?")
            args.append(filters.starts_until)
        return " AND ".join(where), args

    def _claim_rows(
        self, where: str, args: list[Any], by_date: bool = False, limit: int | None = None
    ) -> list[tuple[int, str | None, str | None]]:
        """(row, date_start, date_end) of the claims passing a condition; `by_date` orders
        them as a timeline (dated first by start, end, then stored order)."""
        sql = "SELECT n, date_start, date_end FROM claims"
        if not by_date:
            return list(self.conn.execute(sql + (" WHERE " + where if where else ""), args))
        # Dated, then undated, each in an order an index on (field, date) can give without
        # sorting: so a timeline's first 20 cost 20 rows however many claims pass.
        cond = f"({where}) AND " if where else ""
        cap = " LIMIT ?" if limit is not None else ""
        rows = list(
            self.conn.execute(
                f"{sql} WHERE {cond}date_start IS NOT NULL ORDER BY date_start, date_end, n{cap}",
                [*args, limit] if limit is not None else args,
            )
        )
        if limit is None or len(rows) < limit:
            rest = [*args, limit - len(rows)] if limit is not None else args
            rows += self.conn.execute(f"{sql} WHERE {cond}date_start IS NULL ORDER BY n{cap}", rest)
        return rows

    def close(self) -> None:
        self.conn.close()


def _records_loader() -> Callable[[str], dict[str, Any]]:
    """The rows' decoder, refusing (ValueError) a row that is not a JSON object: a damaged
    index, whose reads are then recovered from the store."""
    loads = _loads()

    def load(doc: str) -> dict[str, Any]:
        out = loads(doc)
        if not isinstance(out, dict):
            raise ValueError(f"an index row is not a record: {doc[:40]!r}")
        return out

    return load


def _chunks(seq: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


# --- building ----------------------------------------------------------------------------


def build(
    conn: sqlite3.Connection,
    facts: store.Facts,
    stamp: dict[str, Any] | None,
    progress: Callable[[int, int], None] | None = None,
    written: dict[str, Any] | None = None,
    files: dict[str, tuple[int, int, int, int]] | None = None,
) -> None:
    """Fill an empty database with the index of `facts` (each claim at its row in
    `facts.positions`); `files`: the stamps of a directory store's files it was read from."""
    from ..vocabulary import of as vocabulary_of  # a build, not a read, needs the vocabulary

    an = analyzer()
    dumps = _dumps()
    _begin(conn, an)
    names = _rows.name_rows(facts.entities, an)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", _rows.topic_word_rows(facts.entities, an))
    conn.executemany("INSERT INTO labels VALUES (?, ?, ?)", _rows.label_rows(an, vocabulary_of(facts).labels))
    # The store's vocabulary as stored (none in a store older than version 3), which
    # `facts()` hands back: the labels above are its.
    if facts.vocabulary is not None:
        conn.execute("INSERT INTO vocabulary VALUES (?)", (dumps(facts.vocabulary),))
    texts = {s.get("id"): s.get("text") for s in facts.sources}.get
    linker = _rows.linker(names, an, facts.entities)
    holders = _rows.holders((c.get("subject"), c.get("object")) for c in facts.claims if _rows.holds(c))
    counterparts: set[str] = set()
    counts, per_source = _add_claims(
        conn, facts.claims, 1, linker, texts, holders, counterparts, progress, facts.positions
    )
    _counterpart_names(conn, an, counterparts)
    if files is not None:
        conn.executemany(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?)", [(rel, *st) for rel, st in sorted(files.items())]
        )
    conn.executemany(
        "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
        [
            (n, s.get("id"), per_source.get(s.get("id"), 0), dumps(s), dumps(_rows.summary(s)))
            for n, s in enumerate(facts.sources, 1)
        ],
    )
    conn.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?)",
        [(n, e.get("id"), _count(counts, e.get("id")), dumps(e)) for n, e in enumerate(facts.entities, 1)],
    )
    conn.executescript(_INDEXES)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(_meta(facts, stamp, written).items()))
    conn.commit()


def _meta(
    facts: store.Facts, stamp: dict[str, Any] | None, written: dict[str, Any] | None = None
) -> dict[str, str]:
    meta = {**versions(), "store_meta": _dumps()(facts.meta)}
    if written is not None:
        # The store bytes the write that this index follows left (their sha256, `refresh`):
        # only a write sets it, in the same commit as the rows it indexed, with how many
        # rows of each table there were then (an older factcli appending to the index
        # leaves the record as it was, but not the counts).
        rows = [len(facts.entities), len(facts.sources), len(facts.claims)]
        meta[WRITTEN] = _dumps()({**written, "rows": rows})
    if facts.path is not None:
        meta["store"] = os.path.realpath(facts.path)
    if stamp is not None:
        meta.update({k: str(v) for k, v in stamp.items()})
    return meta


def _count(counts: dict[str, int], key: Any) -> int:
    return counts.get(key, 0) if isinstance(key, str) else 0


def _add_claims(
    conn: sqlite3.Connection,
    claims: list[dict[str, Any]],
    first: int,
    linker: _Linker,
    texts: Callable[[Any], Any],
    holders: dict[str, set[str]],
    counterparts: set[str],
    progress: Callable[[int, int], None] | None = None,
    positions: list[int] | None = None,
) -> tuple[dict[str, int], dict[str | None, int]]:
    """Index claims as rows first, first+1, ... (or at `positions`, one per claim); returns the live (not retracted) claims per
    entity and per source (under None: claims without a source, which verify reports and the
    index still holds). Retracted claims are indexed but not counted, as search leaves them out.
    `texts` gives a source's text by its id, for the paragraph each quote sits in (`show`
    reads it alone, not the whole source); `holders` who holds each office (`rows.holders`).
    Everyone a claim calls a counterpart is added to `counterparts`."""
    an = analyzer()
    dumps = _dumps()
    claim_rows: list[tuple[Any, ...]] = []
    text_rows: list[tuple[Any, ...]] = []
    link_rows: list[tuple[Any, ...]] = []
    para_rows: list[tuple[Any, ...]] = []
    counts: dict[str, int] = {}
    per_source: dict[str | None, int] = {}
    total = len(claims)
    for done, claim in enumerate(claims, 1):
        n = positions[done - 1] if positions is not None else first + done - 1
        made = _rows.claim_rows(n, claim, an, linker, dumps, texts, holders)
        claim_rows.append(made.claim)
        text_rows.append((n, *made.text))
        link_rows += [(n, *link) for link in made.links]
        if made.paragraph is not None:
            para_rows.append((n, *made.paragraph))
        counterparts |= made.counterparts
        if made.live:
            per_source[made.source] = per_source.get(made.source, 0) + 1
            for eid in made.about:
                counts[eid] = counts.get(eid, 0) + 1
        if len(claim_rows) >= 5000:
            _flush(conn, claim_rows, text_rows, link_rows, para_rows)
        if progress and done % 250 == 0:
            progress(done, total)
    _flush(conn, claim_rows, text_rows, link_rows, para_rows)
    if progress:
        progress(total, total)
    return counts, per_source


TOPIC_WORD = _rows.TOPIC_WORD


def _counterpart_names(conn: sqlite3.Connection, an: Analyzer, people: Iterable[str]) -> None:
    """The words for "counterpart" as names of everyone a claim calls that
    (`rows.counterpart_name_rows`); the people the names table has so already are kept."""
    known = [
        e for (e,) in conn.execute("SELECT DISTINCT entity FROM names WHERE role = ?", (COUNTERPART_LINK,))
    ]
    conn.executemany(
        "INSERT INTO names VALUES (?, ?, ?, ?, ?)", _rows.counterpart_name_rows(an, people, known)
    )


def _flush(
    conn: sqlite3.Connection,
    claims: list[tuple[Any, ...]],
    texts: list[tuple[Any, ...]],
    links: list[tuple[Any, ...]],
    paragraphs: list[tuple[Any, ...]],
) -> None:
    conn.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)
    conn.executemany(
        "INSERT INTO claim_text(rowid, statement, quote, statement_stems, quote_stems) VALUES (?, ?, ?, ?, ?)",
        texts,
    )
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?)", links)
    conn.executemany("INSERT INTO paragraphs VALUES (?, ?, ?, ?)", paragraphs)
    claims.clear()
    texts.clear()
    links.clear()
    paragraphs.clear()


def versions() -> dict[str, str]:
    """What an index must have been built by to be read: its layout, the analyzer, and the
    words it was given (`thesaurus.VERSION`)."""
    from ..thesaurus import VERSION

    return {"index_schema": str(INDEX_SCHEMA), "analyzer": analyzer().version, "lexicon": str(VERSION)}


# The index meta key of the store bytes the index was brought up to by a write: their
# sha256, and how many rows of each table the index held then (`_meta`).
WRITTEN = "written"


def _add_entities(
    conn: sqlite3.Connection, entities: list[dict[str, Any]], new: list[dict[str, Any]], first: int
) -> None:
    """Take in appended entities: their rows, every name anew (what is generic depends on
    all names), and links from the claims already indexed to the new names in their text.
    The claims' analyzed words are read back from the index, so nothing is re-analyzed."""
    an = analyzer()
    dumps = _dumps()
    conn.executemany(
        "INSERT INTO entities VALUES (?, ?, 0, ?)",
        [(n, e.get("id"), dumps(e)) for n, e in enumerate(new, first + 1)],
    )
    names = _rows.name_rows(entities, an)
    conn.execute("DELETE FROM names WHERE role != ?", (COUNTERPART_LINK,))  # those follow the claims
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", _rows.topic_word_rows(entities, an))
    new_ids = {e.get("id") for e in new}
    linker = _rows.linker([row for row in names if row[2] in new_ids], an)
    if not linker._starts and not linker._form_keys:
        return
    links = []
    for n, st, qu in conn.execute("SELECT rowid, statement, quote FROM claim_text"):
        for eid, kind, own in linker.mentions(st.split(), qu.split(), set()):
            links.append((n, eid, "mention", kind, int(own)))
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?)", links)


def append_in_place(
    ipath: Path,
    facts: store.Facts,
    stamp: dict[str, Any],
    read: store.LastWrite | None,
    written: dict[str, Any],
    progress: Callable[[int, int], None] | None = None,
) -> bool:
    """Add what was appended to the store to its index; False when that is not all that changed.

    The records already indexed must be the store's first records, unchanged. When the
    index follows the very bytes this write read (`read`, what the store recorded of them:
    the index recorded the same sha256 when it was brought up to them, in the same commit
    as its rows, and holds as many rows as those bytes hold records), they are, and the
    write only appended (else it would not be here: a replace rebuilds). Otherwise each
    indexed record is compared with the store's by its JSON, so an edit anywhere means a
    rebuild. `written` is what the index records of the bytes written (`WRITTEN`).

    `ipath` is a private copy of the index in place, renamed over it when this succeeds.
    `progress(done, total)` is told how many of the new claims are indexed."""
    dumps = _dumps()
    conn = sqlite3.connect(ipath, timeout=5.0)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        if any(meta.get(k) != v for k, v in versions().items()):
            return False
        stored = [doc for (doc,) in conn.execute("SELECT doc FROM vocabulary")]
        if stored != ([] if facts.vocabulary is None else [dumps(facts.vocabulary)]):
            return False  # another vocabulary: other labels
        count = conn.execute
        known_entities = count("SELECT count(*) FROM entities").fetchone()[0]
        known_sources = count("SELECT count(*) FROM sources").fetchone()[0]
        known = count("SELECT count(*) FROM claims").fetchone()[0]
        follows = False
        if read is not None and meta.get(WRITTEN):
            try:
                was = _loads()(meta[WRITTEN])
                rows = [known_entities, known_sources, known]
                follows = was.get("sha256") == read.sha256 and was.get("rows") == rows == list(read.rows)
            except (ValueError, AttributeError):
                follows = False
        if (
            known_entities > len(facts.entities)
            or known_sources > len(facts.sources)
            or known > len(facts.claims)
        ):
            return False
        if not follows and not _indexed_unchanged(conn, facts, dumps):
            return False
        new_entities = facts.entities[known_entities:]
        new_claims = facts.claims[known:]
        an = analyzer()
        if new_entities:
            _add_entities(conn, facts.entities, new_entities, known_entities)
        names = [(k, e, r, w) for k, e, r, w in conn.execute("SELECT key, entity, role, written FROM names")]
        texts = {s.get("id"): s.get("text") for s in facts.sources}.get
        held = conn.execute(
            "SELECT subject, object FROM claims WHERE predicate = 'holds_position' AND retracted = 0"
        )
        holders = _rows.holders(
            [*held, *((c.get("subject"), c.get("object")) for c in new_claims if _rows.holds(c))]
        )
        linker = _Linker(names, an, facts.entities)
        counterparts: set[str] = set()
        counts, per_source = _add_claims(
            conn, new_claims, known + 1, linker, texts, holders, counterparts, progress
        )
        _counterpart_names(conn, an, counterparts)
        conn.executemany(
            "UPDATE entities SET claims = claims + ? WHERE id = ?", [(c, e) for e, c in counts.items()]
        )
        conn.executemany(
            "INSERT INTO sources VALUES (?, ?, 0, ?, ?)",
            [
                (n, s.get("id"), dumps(s), dumps(_rows.summary(s)))
                for n, s in enumerate(facts.sources[known_sources:], known_sources + 1)
            ],
        )
        conn.executemany(
            "UPDATE sources SET claims = claims + ? WHERE id = ?", [(c, s) for s, c in per_source.items()]
        )
        fresh_meta = _meta(facts, stamp, written)
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(fresh_meta.items()))
        conn.commit()
        return True
    except sqlite3.Error:
        conn.rollback()
        return False
    finally:
        conn.close()


def _indexed_unchanged(conn: sqlite3.Connection, facts: store.Facts, dumps: Callable[[Any], str]) -> bool:
    """Whether every record in the index is the store's record at its place, by its JSON."""
    # Entities decide the names and every claim's links: a changed one means a rebuild.
    for table, rows in (("entities", facts.entities), ("sources", facts.sources), ("claims", facts.claims)):
        for (doc,), rec in zip(conn.execute(f"SELECT doc FROM {table} ORDER BY n"), rows, strict=False):
            if doc != dumps(rec):
                return False
    return True


# --- connections -------------------------------------------------------------------------


def read_meta(conn: sqlite3.Connection) -> dict[str, str]:
    """What an index records of what it was built from (see `_meta`)."""
    return dict(conn.execute("SELECT key, value FROM meta"))


def connect_ro(path: Path, live: bool = False) -> sqlite3.Connection:
    """A read-only connection to an index file. The index of a store file is never changed
    once it is in place (a write's update is made on a copy, renamed over it), so it is
    opened as SQLite's `immutable`: no lock, no journal looked for, and a reader keeps the
    version it opened however many replace it meanwhile (one connection per file version).
    The index of a directory store (`live`) is changed in place, in WAL mode (`folder`): it
    is read in one read transaction, so a reader sees the index as one commit left it for
    its whole command. A query's passing tables (the claims a term meets, gathered by
    claim) are kept in memory, not a temporary file."""
    if live:
        conn = sqlite3.connect(
            f"file:{_uri_path(path)}?mode=ro", uri=True, timeout=30.0, isolation_level=None
        )
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("BEGIN")
        return conn
    conn = sqlite3.connect(f"file:{_uri_path(path)}?mode=ro&immutable=1", uri=True, timeout=5.0)
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def problem(conn: sqlite3.Connection) -> str | None:
    """What makes an index unreadable, read whole (`factcli index`): SQLite's own integrity
    check, every table there, every record row decoding to a record; None when sound."""
    try:
        found = [row[0] for row in conn.execute("PRAGMA quick_check")]
        if found != ["ok"]:
            return "; ".join(str(f) for f in found[:3])
        load = _records_loader()
        for table in ("claims", "sources", "entities"):
            for (doc,) in conn.execute(f"SELECT doc FROM {table}"):
                load(doc)
        for (summary,) in conn.execute("SELECT summary FROM sources"):
            load(summary)
        for table in ("links", "names", "labels", "vocabulary", "paragraphs", "claim_text"):
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()
    except (sqlite3.Error, ValueError) as exc:
        return str(exc)
    return None


def _uri_path(path: Path) -> str:
    from urllib.parse import quote

    return quote(str(path.absolute()))


def build_file(
    path: Path,
    facts: store.Facts,
    stamp: dict[str, Any] | None,
    progress: Callable[[int, int], None] | None = None,
    written: dict[str, Any] | None = None,
    files: dict[str, tuple[int, int, int, int]] | None = None,
) -> None:
    """Build the index of `facts` into a new file at `path` (no journal: the file is renamed
    into place only once it is whole). With `files` (a directory store's), the file is left
    in WAL mode, to be brought up to the folder's writes in place (`folder`)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        build(conn, facts, stamp, progress, written, files)
    finally:
        conn.close()
    if files is not None:
        conn = sqlite3.connect(path)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        finally:
            conn.close()


def build_folder_file(
    path: Path,
    root: Path,
    stamp: dict[str, Any],
    files: dict[str, tuple[int, int, int, int]],
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[store.Facts], None] | None = None,
    part: int = 500,
) -> None:
    """Build the index of the directory store at `root` into a new file at `path` (left in
    WAL mode, as `build_file` leaves a folder's), `part` sources at a time: the rows `build`
    makes of the whole store read at once, each claim at its `directory.position`, with no
    more than one part's records in memory. Who holds an office decides how every claim is
    linked, so it is read first, from the lines of the claims files that name the predicate.
    `check` is run on the entities, then on each part; `stamp` and `files` are recorded."""
    from ..store import directory  # a folder's files (imported by a folder's build alone)
    from ..vocabulary import of as vocabulary_of  # a build, not a read, needs the vocabulary

    parts = directory.Parts(root)
    objects = parts.objects()
    store.check_shape({**objects, "sources": {}, "entities": {}, "claims": {}}, root)
    meta_rows = list(objects["meta"].values())
    meta: dict[str, Any] = meta_rows[0] if meta_rows else {"schema": SCHEMA_VERSION, "last_claim": 0}
    vocabulary = objects.get(store.VOCABULARY)
    entities = parts.entities()
    base = store.Facts(root, [], entities, [], meta, vocabulary)
    if check is not None:
        check(base)
    listed = parts.source_ids()
    order = parts.claim_files(listed)
    is_listed = set(listed)
    holds: list[tuple[Any, Any]] = []
    total = 0
    for sid in order:
        rel = f"{directory.CLAIMS}/{sid}.jsonl"
        for line in (parts.raw(rel) or b"").split(b"\n"):
            if line.strip():
                total += 1
                if b"holds_position" in line:
                    found = directory.parse_lines(line, root / rel)
                    holds += [(c.get("subject"), c.get("object")) for c in found if _rows.holds(c)]
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        an = analyzer()
        dumps = _dumps()
        _begin(conn, an)
        names = _rows.name_rows(entities, an)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", _rows.topic_word_rows(entities, an))
        conn.executemany(
            "INSERT INTO labels VALUES (?, ?, ?)", _rows.label_rows(an, vocabulary_of(base).labels)
        )
        if vocabulary is not None:
            conn.execute("INSERT INTO vocabulary VALUES (?)", (dumps(vocabulary),))
        linker = _rows.linker(names, an, entities)
        holders = _rows.holders(holds)
        counterparts: set[str] = set()
        counts: dict[str, int] = {}
        per_source: dict[str | None, int] = {}
        placed: dict[Any, list[tuple[int, int]]] = {}  # source id -> (row n, claims counted then)
        others: dict[Any, Any] = {}  # texts of sources cited from another part's claims file
        done = numbered = 0
        for at in range(0, len(order), part):
            chunk = order[at : at + part]
            sources = [parts.source(sid) for sid in chunk if sid in is_listed]
            claims: list[dict[str, Any]] = []
            positions: list[int] = []
            for k, sid in enumerate(chunk, at):
                lines = parts.claims(sid)
                claims += lines
                positions += [directory.position(k, i) for i in range(len(lines))]
            if check is not None:
                check(store.Facts(root, sources, [], claims, meta, vocabulary))
            here = {s.get("id"): s.get("text") for s in sources}

            def texts(sid: Any, here: dict[Any, Any] = here) -> Any:
                if sid in here:
                    return here[sid]
                if sid not in others:
                    others[sid] = parts.source(sid).get("text") if sid in is_listed else None
                return others[sid]

            def told(d: int, _: int, before: int = done) -> None:
                if progress is not None:
                    progress(before + d, total)

            got, live = _add_claims(conn, claims, 1, linker, texts, holders, counterparts, told, positions)
            done += len(claims)
            for eid, c in got.items():
                counts[eid] = counts.get(eid, 0) + c
            for cited, c in live.items():
                per_source[cited] = per_source.get(cited, 0) + c
            rows = []
            for n, src in enumerate(sources, numbered + 1):
                key = src.get("id")
                rows.append((n, key, per_source.get(key, 0), dumps(src), dumps(_rows.summary(src))))
                placed.setdefault(key, []).append((n, per_source.get(key, 0)))
            numbered += len(sources)
            conn.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?)", rows)
        # A source whose claims stand in a later part's file (a hand edit): its count now.
        late = [
            (per_source.get(sid, 0), n)
            for sid, numbers in placed.items()
            for n, then in numbers
            if per_source.get(sid, 0) != then
        ]
        conn.executemany("UPDATE sources SET claims = ? WHERE n = ?", late)
        _counterpart_names(conn, an, counterparts)
        conn.executemany(
            "INSERT INTO files VALUES (?, ?, ?, ?, ?)", [(rel, *st) for rel, st in sorted(files.items())]
        )
        conn.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?)",
            [(n, e.get("id"), _count(counts, e.get("id")), dumps(e)) for n, e in enumerate(entities, 1)],
        )
        conn.executescript(_INDEXES)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(_meta(base, stamp).items()))
        conn.commit()
        if progress is not None:
            progress(total, total)
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()


def in_memory(
    facts: store.Facts,
    stamp: dict[str, Any] | None = None,
    progress: Callable[[int, int], None] | None = None,
    note: str | None = None,
) -> Index:
    """An index of a `Facts` snapshot, in memory (tests, scripts, and `Facts` callers)."""
    conn = sqlite3.connect(":memory:")
    build(conn, facts, stamp, progress)
    return Index(conn, None, facts.path, note=note, rebuilt=note is not None)


# --- a directory store's index, source by source (`folder`) -------------------------------

# The files of a directory store whose change only the rows of its sources follow.
_SOURCE_FILES = {"sources": ".json", "claims": ".jsonl"}  # `directory.SOURCES`, `CLAIMS`
_SOURCE_LIST = "sources.txt"  # `directory.SOURCE_LIST`
# The linker of the entities and names last seen (`_replace`).
_LINKERS: dict[tuple[Any, ...], Any] = {}
# Files a build does not read, whose change the index only records.
_UNREAD = (".gitattributes", ".gitignore")


def update_folder(
    root: Path,
    ipath: Path,
    check: Callable[[store.Facts], None] | None = None,
    written: Collection[str] | None = None,
) -> bool:
    """Bring the index at `ipath` up to the folder at `root`, in place, reading only the
    sources whose files changed; False (nothing changed) when it must be rebuilt whole, or
    is not an index of this folder made by this factcli. Called under `folder.locked(ipath)`.

    A write names the files it changed (`written`): only those are looked at, and the
    index then follows them, whatever else changed meanwhile (which the next read finds by
    the folder's stamps, as the digest the index records is of the stamps it holds). Without
    it, every file of the folder is looked at. `check` runs on the records read (the CLI
    refuses a damaged store there)."""
    conn = sqlite3.connect(ipath, timeout=30.0, isolation_level=None)
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            return False
        conn.execute("BEGIN IMMEDIATE")
        meta = read_meta(conn)
        if any(meta.get(k) != v for k, v in versions().items()):
            return False
        if meta.get("store") != os.path.realpath(root):
            return False
        done = _update(conn, root, meta, check, written)
        if not done:
            conn.execute("ROLLBACK")
            return False
        conn.execute("COMMIT")
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return True


def _now(root: Path) -> dict[str, directory.Stamp] | None:
    """The folder's stamps, once no commit is moving in it (None if one keeps moving)."""
    from ..store import directory  # a folder's files (imported by the update alone)

    for _ in range(50):
        now = directory.file_stamps(root)
        if directory.MOVING not in now.values():
            return now
        time.sleep(0.01)
    return None


def _update(
    conn: sqlite3.Connection,
    root: Path,
    meta: dict[str, str],
    check: Callable[[store.Facts], None] | None,
    written: Collection[str] | None,
) -> bool:
    from ..store import directory  # a folder's files (imported by the update alone)

    columns = "SELECT rel, size, mtime_ns, inode, ctime_ns FROM files"
    now: dict[str, directory.Stamp] | None
    if written is None:
        recorded = {row[0]: row[1:] for row in conn.execute(columns)}
        now = _now(root)
        if now is None:
            return False
    else:
        rels = sorted(set(written))
        recorded = {}
        for chunk in range(0, len(rels), 500):
            part = rels[chunk : chunk + 500]
            marks = ",".join("?" * len(part))
            recorded.update(
                {row[0]: row[1:] for row in conn.execute(f"{columns} WHERE rel IN ({marks})", part)}
            )
        now = {}
        for rel in rels:
            try:
                now[rel] = directory.stamp_of(os.lstat(root / rel))
            except FileNotFoundError:
                pass
    changed = {rel for rel in set(now) | set(recorded) if now.get(rel) != recorded.get(rel)}
    touched: set[str] = set()
    meta_changed = False
    for rel in changed:
        folder, _, name = rel.rpartition("/")
        if folder in _SOURCE_FILES and name.endswith(_SOURCE_FILES[folder]) and "/" not in folder:
            touched.add(name[: -len(_SOURCE_FILES[folder])])
        elif folder:
            continue  # not a file a build reads
        elif rel == directory.META:
            meta_changed = True
        elif rel == _SOURCE_LIST or rel in _UNREAD or not rel.endswith((".json", ".jsonl")):
            continue
        else:
            return False  # the entities or a top-level object (the vocabulary): every claim's rows
    known = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    if _SOURCE_LIST in changed:
        indexed = [i for (i,) in conn.execute("SELECT id FROM sources ORDER BY n")]
        listed = directory.source_ids(root)
        if listed[: len(indexed)] != indexed:
            return False  # a source removed, or the list reordered
        place = {sid: k for k, sid in enumerate(listed)}
        new_sources = listed[len(indexed) :]
        claims_dir = directory.CLAIMS + "/"
        if (
            written is not None
            or any(
                rel.startswith(claims_dir)
                and rel.endswith(".jsonl")
                and rel[len(claims_dir) : -len(".jsonl")] not in place
                for rel in now
            )
        ) and directory.unlisted_claim_files(root, listed):
            return False  # a claims file of no listed source: a build reads it after the others
    else:  # the sources listed are the ones indexed: the places of those touched are theirs
        place = {}
        for sid in sorted(touched):
            row = conn.execute("SELECT min(n) FROM sources WHERE id = ?", (sid,)).fetchone()
            if row[0] is not None:
                place[sid] = row[0] - 1
        new_sources = []
    # A source file of no listed source is not read by a build: only its stamp is kept.
    touched = {sid for sid in touched if sid in place or f"{directory.CLAIMS}/{sid}.jsonl" in changed}
    if any(sid not in place for sid in touched):
        return False  # the claims file of a source not listed: a build reads it after the others
    touched |= set(new_sources)
    read: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = {}
    stamps = {rel: st for rel, st in now.items()}
    for sid in sorted(touched, key=place.__getitem__):
        record, claims, seen = directory.read_source(root, sid)
        if record is None:
            return False  # listed without its file: the whole read says so
        read[sid] = (record, claims)
        for kind, ext in _SOURCE_FILES.items():
            rel = f"{kind}/{sid}{ext}"
            if written is not None and rel not in changed:
                continue  # not this write's: its stamp stays as recorded (a read looks again)
            if rel in seen:
                stamps[rel] = seen[rel]
            else:
                stamps.pop(rel, None)
    store_meta = _store_meta(root) if meta_changed else None
    if read and not _replace(conn, read, place, known, check, store_meta, meta):
        return False
    conn.executemany(
        "DELETE FROM files WHERE rel = ?", [(rel,) for rel in sorted(set(recorded) - set(stamps))]
    )
    conn.executemany(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)",
        [(rel, *st) for rel, st in sorted(stamps.items()) if recorded.get(rel) != st],
    )
    if written is None:
        digest = directory.stamps_digest(stamps)
    else:  # the recorded digest, moved by the files this write changed
        total = int(meta.get("files") or "0", 16)
        total -= sum(directory.stamp_hash(rel, st) for rel, st in recorded.items() if st is not None)
        total += sum(directory.stamp_hash(rel, st) for rel, st in stamps.items())
        digest = directory.digest_text(total)
    fresh = {"inode": str(os.stat(root).st_ino), "files": digest}
    if store_meta is not None:
        fresh["store_meta"] = _dumps()(store_meta)
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", sorted(fresh.items()))
    return True


def _store_meta(root: Path) -> dict[str, Any]:
    """The store's metadata as `meta.json` holds it (through a commit not yet in place)."""
    from ..store import directory  # a folder's files (imported by the update alone)

    doc = directory.document_part(root, directory.META)
    rows = list(doc.values()) if isinstance(doc, dict) else []
    return rows[0] if rows and isinstance(rows[0], dict) else {"schema": SCHEMA_VERSION, "last_claim": 0}


def _replace(
    conn: sqlite3.Connection,
    read: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]],
    place: dict[str, int],
    known_sources: int,
    check: Callable[[store.Facts], None] | None,
    store_meta: dict[str, Any] | None,
    meta: dict[str, str],
) -> bool:
    """Replace the rows of the sources `read` (their record and claims, by id) in place;
    False when that would not be what a build makes."""
    from ..store import directory  # a folder's files (imported by the update alone)

    loads = _loads()
    dumps = _dumps()
    spans = {sid: (directory.position(place[sid], 0), directory.position(place[sid] + 1, 0)) for sid in read}
    # Who holds an office links the claims naming it, in every source: unchanged, or rebuilt.
    for sid, (_, claims) in read.items():
        lo, hi = spans[sid]
        before = sorted(
            conn.execute(
                "SELECT subject, object FROM claims WHERE n >= ? AND n < ? AND predicate = 'holds_position' "
                "AND retracted = 0",
                (lo, hi),
            )
        )
        after = sorted((c.get("subject"), c.get("object")) for c in claims if _rows.holds(c))
        if before != after:
            return False
        # A claim elsewhere citing this source has its paragraph from its text.
        if conn.execute(
            "SELECT 1 FROM claims WHERE source = ? AND (n < ? OR n >= ?) LIMIT 1", (sid, lo, hi)
        ).fetchone():
            return False
    if check is not None:
        vocabulary = conn.execute("SELECT doc FROM vocabulary").fetchone()
        check(
            store.Facts(
                None,
                [record for record, _ in read.values()],
                [],
                [c for _, claims in read.values() for c in claims],
                store_meta or loads(meta.get("store_meta") or "{}") or {},
                loads(vocabulary[0]) if vocabulary else None,
            )
        )
    an = analyzer()
    entity_docs = tuple(d for (d,) in conn.execute("SELECT doc FROM entities ORDER BY n"))
    entities = [loads(d) for d in entity_docs]
    names: list[Any] = list(
        conn.execute(
            "SELECT key, stem_key, entity, role, written FROM names WHERE role NOT IN (?, ?) ORDER BY rowid",
            (_rows.TOPIC_WORD, COUNTERPART_LINK),
        )
    )
    made: dict[str, Any] = {}

    def _linker() -> Any:
        # One linker per entities and names a process has seen: a writer that adds claim
        # after claim analyzes the names once.
        key = (entity_docs, tuple(names))
        if key not in _LINKERS:
            _LINKERS.clear()
            _LINKERS[key] = _rows.linker(names, an, entities)
        return _LINKERS[key]

    def _holders() -> dict[str, set[str]]:
        if "holders" not in made:
            made["holders"] = _rows.holders(
                conn.execute(
                    "SELECT DISTINCT subject, object FROM claims WHERE predicate = 'holds_position' "
                    "AND retracted = 0"
                )
            )
        return made["holders"]  # type: ignore[no-any-return]

    texts = {sid: record.get("text") for sid, (record, _) in read.items()}
    counts: dict[str, int] = {}
    cited: set[Any] = set()
    called: set[str] = set()  # the people the rows replaced call counterparts
    calls: set[str] = set()  # and the people the new rows do

    def text_of(source_id: Any) -> Any:
        if source_id not in texts:
            row = conn.execute(
                "SELECT doc FROM sources WHERE id = ? ORDER BY n DESC LIMIT 1", (source_id,)
            ).fetchone()
            texts[source_id] = loads(row[0]).get("text") if row else None
        return texts[source_id]

    for sid in sorted(read, key=place.__getitem__):
        record, claims = read[sid]
        n = place[sid] + 1
        lo, hi = spans[sid]
        # When the source is as indexed and its claims were only appended to, the claims
        # indexed keep their rows and only the new ones are analyzed.
        kept = _kept(conn, lo, hi, n, record, claims, dumps) if place[sid] < known_sources else 0
        start = lo + kept
        if kept < len(claims):
            _holders()  # read before this source's rows go (the pairs are the same after)
        called |= {
            e
            for (e,) in conn.execute(
                "SELECT DISTINCT entity FROM links WHERE claim >= ? AND claim < ? AND kind = ?",
                (start, hi, COUNTERPART_LINK),
            )
        }
        for row in conn.execute(
            "SELECT subject, object, speaker, source FROM claims WHERE n >= ? AND n < ? AND retracted = 0",
            (start, hi),
        ):
            for eid in {e for e in row[:3] if isinstance(e, str)}:
                counts[eid] = counts.get(eid, 0) - 1
            cited.add(row[3])
        conn.execute("DELETE FROM claims WHERE n >= ? AND n < ?", (start, hi))
        conn.execute("DELETE FROM claim_text WHERE rowid >= ? AND rowid < ?", (start, hi))
        conn.execute("DELETE FROM links WHERE claim >= ? AND claim < ?", (start, hi))
        conn.execute("DELETE FROM paragraphs WHERE claim >= ? AND claim < ?", (start, hi))
        if place[sid] >= known_sources:
            conn.execute(
                "INSERT INTO sources VALUES (?, ?, 0, ?, ?)",
                (n, record.get("id"), dumps(record), dumps(_rows.summary(record))),
            )
        elif not kept:
            conn.execute(
                "UPDATE sources SET doc = ?, summary = ? WHERE n = ?",
                (dumps(record), dumps(_rows.summary(record)), n),
            )
        cited.add(sid)
        added, per_source = _add_claims(
            conn, claims[kept:], start, _linker(), text_of, _holders(), calls, None, None
        )
        for eid, c in added.items():
            counts[eid] = counts.get(eid, 0) + c
        cited |= set(per_source)
    conn.executemany(
        "UPDATE entities SET claims = claims + ? WHERE id = ?",
        [(c, e) for e, c in sorted(counts.items()) if c],
    )
    for sid in sorted(s for s in cited if isinstance(s, str)):
        conn.execute(
            "UPDATE sources SET claims = (SELECT count(*) FROM claims WHERE source = ? AND retracted = 0) "
            "WHERE id = ?",
            (sid, sid),
        )
    # The people claims call counterparts, each with the words for it as a name, in the
    # order a build gives them: written again only when someone joins or leaves them.
    known = {
        e for (e,) in conn.execute("SELECT DISTINCT entity FROM names WHERE role = ?", (COUNTERPART_LINK,))
    }
    people = known | calls
    for person in called - calls:
        if not conn.execute(
            "SELECT 1 FROM links WHERE entity = ? AND kind = ? LIMIT 1", (person, COUNTERPART_LINK)
        ).fetchone():
            people.discard(person)
    if people != known:
        conn.execute("DELETE FROM names WHERE role = ?", (COUNTERPART_LINK,))
        conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", _rows.counterpart_name_rows(an, people))
    return True


def _kept(
    conn: sqlite3.Connection,
    lo: int,
    hi: int,
    n: int,
    record: dict[str, Any],
    claims: list[dict[str, Any]],
    dumps: Callable[[Any], str],
) -> int:
    """How many of the source's claims stay indexed as they are: all those indexed, when the
    source's record is as indexed and its claims file begins with them; else none."""
    row = conn.execute("SELECT doc FROM sources WHERE n = ?", (n,)).fetchone()
    if row is None or row[0] != dumps(record):
        return 0
    docs = [d for (d,) in conn.execute("SELECT doc FROM claims WHERE n >= ? AND n < ? ORDER BY n", (lo, hi))]
    if len(docs) > len(claims) or any(d != dumps(c) for d, c in zip(docs, claims, strict=False)):
        return 0
    return len(docs)
