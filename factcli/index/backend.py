"""The index's SQLite (FTS5) backend: the tables, building them from a store, reading
records back, running a query plan, and adding what a write appended. The only module of
factcli with SQL or FTS5 text.

`facts.json` stays the one truth. Read commands answer from this index so their cost does not
grow with the store: the claims' analyzed text (exact tokens and stems, for FTS5 phrase
queries and bm25), the links from each claim to the entities it is about or names, every
entity name with its role, the predicate labels, and the records themselves as JSON. The
index records in its `meta` table what it was built from (`meta`), which `freshness`
compares with the store.

Entity links are made here, at build time, on whole words: a claim links to its subject,
object, speaker and via (by role), and, through `link.Linker` (the linker drafting uses
too), to each entity whose name or alias its statement or quote contains (role `mention`,
kind `alias`), whose metonym it contains (kind `metonym`: الدوحة links a quote to Qatar), or
whose common-word name it contains next to another sign of that entity (kind `common_word`:
العديد only where the claim is already about Al Udeid); a mention records whether the
claim's own statement holds it (`own`) or only its quote.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

from .. import store
from ..analyze import analyzer

# The index's rows: one-line JSON read back with every integer exact.
from ..codec import compact_decoder as _loads
from ..codec import compact_encoder as _dumps
from ..lexicon import METONYM
from ..link import Linker as _Linker  # the one linker, drafting's too
from ..plan import Evidence, Filters, Match, Plan, Term
from ..rank import Ranking
from ..records import SCHEMA_VERSION
from . import rows as _rows  # the rows, made as the PostgreSQL index makes them

__all__ = ["INDEX_SCHEMA", "Index", "build", "connect_ro", "in_memory", "read_meta"]

# Bump when the tables below, or what is put in them, change.
INDEX_SCHEMA = 9
ROLES = _rows.ROLES


# --- the index ---------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE sources(n INTEGER PRIMARY KEY, id TEXT, claims INTEGER, doc TEXT, summary TEXT);
CREATE TABLE entities(n INTEGER PRIMARY KEY, id TEXT, claims INTEGER, doc TEXT);
CREATE TABLE claims(
    n INTEGER PRIMARY KEY, id TEXT, subject TEXT, predicate TEXT, object TEXT, speaker TEXT,
    via TEXT, source TEXT, date_start TEXT, date_end TEXT, retracted INTEGER, doc TEXT);
CREATE TABLE links(claim INTEGER, entity TEXT, role TEXT, kind TEXT, own INTEGER);
CREATE TABLE names(key TEXT, stem_key TEXT, entity TEXT, role TEXT, written TEXT);
CREATE TABLE labels(key TEXT, predicate TEXT, kind TEXT);
CREATE TABLE vocabulary(doc TEXT);
CREATE TABLE synonyms(key TEXT, kind TEXT, other TEXT, predicate TEXT);
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
CREATE INDEX claims_date ON claims(date_start, date_end);
CREATE INDEX links_entity ON links(entity, role);
CREATE INDEX links_claim ON links(claim);
CREATE INDEX names_key ON names(key);
CREATE INDEX names_stem ON names(stem_key);
CREATE INDEX labels_key ON labels(key);
CREATE INDEX synonyms_key ON synonyms(key, kind);
"""


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
        self._entity_cache: dict[str, dict[str, Any]] | None = None

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
        if self._entity_cache is None:
            self._entity_cache = {e["id"]: e for e, _ in self.entities()}
        return self._entity_cache.get(entity_id)

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
        column = "stem_key" if stems else "key"
        return list(self.conn.execute(f"SELECT entity, role FROM names WHERE {column} = ?", (key,)))

    @_recovering
    def name_keys(self) -> list[tuple[str, str, str, str]]:
        return list(self.conn.execute("SELECT key, entity, role, written FROM names"))

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
    def labels(self, key: str) -> list[tuple[str, str]]:
        return list(self.conn.execute("SELECT predicate, kind FROM labels WHERE key = ?", (key,)))

    @_recovering
    def predicates(self) -> list[str]:
        """The store's predicates, by name (each has its own name among the labels)."""
        return [p for (p,) in self.conn.execute("SELECT DISTINCT predicate FROM labels ORDER BY predicate")]

    @_recovering
    def synonyms(self, tokens: str, stems: str) -> tuple[list[str], list[str]]:
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

    # Filters that leave at most this many claims restrict the term lookups to them.
    NARROW_ROWS = 5000
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
    # point or comma (8.6, 1,5). The word scan among few rows compares these as written;
    # a term with any other token is left to FTS5 to read on both paths. (The class is
    # written as what it leaves out, the rest of ASCII: a range up to U+10FFFF costs
    # milliseconds to compile at every start.)
    _PLAIN = re.compile(r"[^\x00-/:-`{-\x7f]+(?:[.,][0-9]+)*")

    @_recovering
    def run(self, plan: Plan) -> list[Match]:
        """The claims the plan finds, in its order (see `plan` for what each part means)."""
        where, args = self._filters(plan.filters)
        live = "" if plan.filters.include_retracted else "retracted = 0"
        if not plan.terms:
            # Filters alone: SQL orders and limits, so a timeline of 20 reads 20 records.
            rows = self._claim_rows(self._all(where, live), args, by_date=True, limit=plan.limit)
            return [Match(n) for n, _, _ in rows]
        # Without filters, the first term's claims are the candidates (never a scan of the store).
        scores: dict[int, float] | None = None
        if where:
            scores = dict.fromkeys((n for n, _, _ in self._claim_rows(where, args)), 0.0)
        why: dict[int, list[Evidence]] = {}
        ways: dict[int, tuple[int, int]] = {}
        for term in plan.terms:
            if scores is not None and not scores:
                break
            narrow = scores is not None and len(scores) <= self.NARROW_ROWS
            within = sorted(scores) if narrow and scores is not None else None
            evidence = self._evidence(term, plan.ranking, within)
            if scores is None:
                scores = dict.fromkeys(evidence, 0.0)
            for n in [n for n in scores if n not in evidence]:
                del scores[n]
            for n in scores:
                weight, found, own, count = evidence[n]
                scores[n] += weight
                why.setdefault(n, []).append(found)
                mine, all_ = ways.get(n, (0, 0))
                ways[n] = (mine + own, all_ + count)
        scores = scores or {}
        spans: dict[int, tuple[str | None, str | None]] = {}
        if scores:
            among = "n IN (SELECT value FROM json_each(?))"
            rows = self._claim_rows(self._all(among, live), [self._rows_json(scores)])
            spans = {n: (start, end) for n, start, end in rows}
        by_relevance = plan.order == "relevance"

        def key(n: int) -> tuple[Any, ...]:
            if by_relevance:
                # Ties: the claim more of whose own fields meet the terms, then the one met
                # in more ways, then stored order (claim id order), whether dated or not.
                own, count = ways[n]
                return (-scores[n], -own, -count, n)
            start, end = spans[n]
            return ((1, "", "") if not start else (0, start, end or ""), n)

        chosen = sorted(spans, key=key)
        if plan.limit is not None:
            chosen = chosen[: plan.limit]
        return [Match(n, scores[n], tuple(why[n])) for n in chosen]

    @staticmethod
    def _all(*conditions: str) -> str:
        return " AND ".join(c for c in conditions if c)

    @staticmethod
    def _rows_json(rows: Iterable[int]) -> str:
        """Row numbers as one JSON array parameter (read back with json_each)."""
        return "[" + ",".join(str(int(n)) for n in rows) + "]"

    @staticmethod
    def _filters(filters: Filters) -> tuple[str, list[Any]]:
        """The filters as one SQL condition on `claims` (retraction aside), and its parameters."""
        where: list[str] = []
        args: list[Any] = []
        for column, values in (
            ("subject", filters.subjects),
            ("object", filters.objects),
            ("speaker", filters.speakers),
            ("predicate", filters.predicates),
            ("source", filters.sources),
        ):
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

    def _evidence(
        self, term: Term, ranking: Ranking, within: list[int] | None
    ) -> dict[int, tuple[float, Evidence, int, int]]:
        """Row -> (score, evidence, own, ways): the best way the term meets each claim it
        meets, how many of the ways it meets it are the claim's own (a role, its predicate,
        its statement's words or names) and how many ways in all (only among the rows
        `within`, when the filters left few: then the cost follows them, not the number of
        claims the term meets in the whole store)."""
        best: dict[int, tuple[float, Evidence, int, int]] = {}

        def offer(row: int, weight: float, fld: str, kind: str, own: bool = True) -> None:
            was = best.get(row)
            mine = int(own and fld != "quote")
            if was is None:
                best[row] = (weight, Evidence(fld, kind), mine, 1)
            elif weight > was[0]:
                best[row] = (weight, Evidence(fld, kind), was[2] + mine, was[3] + 1)
            else:
                best[row] = (was[0], was[1], was[2] + mine, was[3] + 1)

        # The words as typed, their stems, then each synonym's stems (read among the stems).
        forms = [("exact", term.exact), ("stem", term.stems), *(("synonym", alt) for alt in term.synonyms)]
        if within is not None and all(self._PLAIN.fullmatch(t) for _, toks in forms for t in toks):
            # Few rows: their indexed words are read and the phrase looked for directly, since
            # an FTS5 query walks every claim holding a common word. The strength is then the
            # phrase's share of the field's words, standing in for bm25 among these few.
            for row, *fields in self._texts(within):
                for form, toks in forms:
                    if not toks:
                        continue
                    fst, fqu = fields[:2] if form == "exact" else fields[2:]
                    needle = f" {' '.join(toks)} "
                    for fld, text in (("statement", fst), ("quote", fqu)):
                        hits = f" {text} ".count(needle)
                        if hits:
                            share = hits * len(toks) / max(1, text.count(" ") + 1)
                            offer(row, ranking.text_score(form, share), fld, form)
        else:
            for form, toks in forms:
                for fld in ("statement", "quote"):
                    for row, strength in self._phrase_matches(fld, form, toks, ranking, within).items():
                        offer(row, ranking.text_score(form, strength), fld, form)
        named = {e.entity: e for e in term.entities}
        if named:
            # An entity named by a metonym is met through the text's use of it alone.
            links = [e for e, how in named.items() if how.naming != "link"]
            metonymic = [e for e, how in named.items() if how.naming == "link"]
            for ids, kinds in ((links, None), (metonymic, (METONYM,))):
                for row, found in self._linked(ids, kinds, within).items():
                    for eid, role, kind, own in found:
                        how = named[eid]
                        score = ranking.link_score(role, kind, how.naming)
                        offer(row, score, role, how.shown(kind), bool(own))
        for pred, form in sorted(term.predicates):
            where, args = "predicate = ?", [pred]
            if within is not None:
                where, args = (
                    f"{where} AND n IN (SELECT value FROM json_each(?))",
                    [pred, self._rows_json(within)],
                )
            for row, _, _ in self._claim_rows(where, args):
                offer(row, ranking.predicate_score(form), "predicate", form)
        return best

    def _texts(self, within: list[int]) -> list[tuple[int, str, str, str, str]]:
        """(row, statement, quote, statement_stems, quote_stems) as indexed, for given rows."""
        return list(
            self.conn.execute(
                "SELECT rowid, statement, quote, statement_stems, quote_stems FROM claim_text "
                "WHERE rowid IN (SELECT value FROM json_each(?))",
                (self._rows_json(within),),
            )
        )

    def _phrase_matches(
        self, fld: str, form: str, tokens: tuple[str, ...], ranking: Ranking, within: list[int] | None
    ) -> dict[int, float]:
        """Rows whose field holds the tokens as a phrase, with the match's strength (bm25,
        with the ranking's field weights, turned so that higher is stronger, at least 0)."""
        # An FTS5 string: every character but a double quote (doubled) is literal, and the
        # tokenizer reads the words in it, so no token can be an operator, a column filter, a
        # prefix or a group. A phrase with no words matches nothing.
        phrase = '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'
        weights = ranking.field_weight
        sql = "SELECT rowid, bm25(claim_text, ?, ?, ?, ?) FROM claim_text WHERE claim_text MATCH ?"
        args: list[Any] = [
            weights["statement"]["exact"],
            weights["quote"]["exact"],
            weights["statement"]["synonym" if form == "synonym" else "stem"],
            weights["quote"]["synonym" if form == "synonym" else "stem"],
            f"{{{self._COLUMNS[fld, form]}}} : {phrase}",
        ]
        if within is not None:
            sql += " AND rowid IN (SELECT value FROM json_each(?))"
            args.append(self._rows_json(within))
        return {row: max(0.0, -bm25) for row, bm25 in self.conn.execute(sql, args)}

    def _linked(
        self, entities: Iterable[str], kinds: tuple[str, ...] | None = None, within: list[int] | None = None
    ) -> dict[int, list[tuple[str, str, str, int]]]:
        """Rows linked to any of the entities: row -> [(entity, role, kind, own)]."""
        ids = sorted(set(entities))
        out: dict[int, list[tuple[str, str, str, int]]] = {}
        if not ids:
            return out
        marks = ",".join("?" * len(ids))
        sql = f"SELECT claim, entity, role, kind, own FROM links WHERE entity IN ({marks})"
        args: list[Any] = list(ids)
        if within is not None:
            # By claim: the planner would otherwise walk every link of a common entity.
            sql = (
                "SELECT claim, entity, role, kind, own FROM links INDEXED BY links_claim "
                f"WHERE claim IN (SELECT value FROM json_each(?)) AND entity IN ({marks})"
            )
            args = [self._rows_json(within), *ids]
        if kinds:
            sql += f" AND kind IN ({','.join('?' * len(kinds))})"
            args += list(kinds)
        for n, eid, role, kind, own in self.conn.execute(sql, args):
            out.setdefault(n, []).append((eid, role, kind, own))
        return out

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
) -> None:
    """Fill an empty database with the index of `facts`."""
    from ..vocabulary import of as vocabulary_of  # a build, not a read, needs the vocabulary

    an = analyzer()
    dumps = _dumps()
    conn.executescript(_SCHEMA)
    names = _rows.name_rows(facts.entities, an)
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
    conn.executemany("INSERT INTO labels VALUES (?, ?, ?)", _rows.label_rows(an, vocabulary_of(facts).labels))
    # The store's vocabulary as stored (none in a store older than version 3), which
    # `facts()` hands back: the labels above are its.
    if facts.vocabulary is not None:
        conn.execute("INSERT INTO vocabulary VALUES (?)", (dumps(facts.vocabulary),))
    conn.executemany("INSERT INTO synonyms VALUES (?, ?, ?, ?)", _rows.synonym_rows(an))
    counts, per_source = _add_claims(conn, facts.claims, 1, _rows.linker(names, an), progress)
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
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, int], dict[str | None, int]]:
    """Index claims as rows first, first+1, ...; returns the live (not retracted) claims per
    entity and per source (under None: claims without a source, which verify reports and the
    index still holds). Retracted claims are indexed but not counted, as search leaves them out."""
    an = analyzer()
    dumps = _dumps()
    claim_rows: list[tuple[Any, ...]] = []
    text_rows: list[tuple[Any, ...]] = []
    link_rows: list[tuple[Any, ...]] = []
    counts: dict[str, int] = {}
    per_source: dict[str | None, int] = {}
    total = len(claims)
    for n, claim in enumerate(claims, first):
        made = _rows.claim_rows(n, claim, an, linker, dumps)
        claim_rows.append(made.claim)
        text_rows.append((n, *made.text))
        link_rows += [(n, *link) for link in made.links]
        if made.live:
            per_source[made.source] = per_source.get(made.source, 0) + 1
            for eid in made.about:
                counts[eid] = counts.get(eid, 0) + 1
        if len(claim_rows) >= 5000:
            _flush(conn, claim_rows, text_rows, link_rows)
        if progress and (n - first + 1) % 250 == 0:
            progress(n - first + 1, total)
    _flush(conn, claim_rows, text_rows, link_rows)
    if progress:
        progress(total, total)
    return counts, per_source


def _flush(
    conn: sqlite3.Connection,
    claims: list[tuple[Any, ...]],
    texts: list[tuple[Any, ...]],
    links: list[tuple[Any, ...]],
) -> None:
    conn.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)
    conn.executemany(
        "INSERT INTO claim_text(rowid, statement, quote, statement_stems, quote_stems) VALUES (?, ?, ?, ?, ?)",
        texts,
    )
    conn.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?)", links)
    claims.clear()
    texts.clear()
    links.clear()


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
    conn.execute("DELETE FROM names")
    conn.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", names)
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
        counts, per_source = _add_claims(conn, new_claims, known + 1, _Linker(names, an), progress)
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


def connect_ro(path: Path) -> sqlite3.Connection:
    """A read-only connection to an index file. An index file is never changed once it is in
    place (a write's update is made on a copy, renamed over it), so it is opened as SQLite's
    `immutable`: no lock, no journal looked for, and a reader keeps the version it opened
    however many replace it meanwhile (one connection per file version)."""
    return sqlite3.connect(f"file:{_uri_path(path)}?mode=ro&immutable=1", uri=True, timeout=5.0)


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
        for table in ("links", "names", "labels", "vocabulary", "claim_text"):
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
) -> None:
    """Build the index of `facts` into a new file at `path` (no journal: the file is renamed
    into place only once it is whole)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        build(conn, facts, stamp, progress, written)
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
