"""The shared index on PostgreSQL: a store's derived rows written to a database server
(`sync`), and a backend that answers every read from them (`ServerIndex`). The only module
of factcli besides `backend` with SQL text.

The rows are the ones the SQLite index holds, made by the same code (`rows`): factcli's own
tokens and stems, never PostgreSQL's language configurations, which would analyze otherwise.
Each text field is kept twice: as written by the analyzer (the words `run` compares) and as
a `tsvector` with positions, the words as FTS5's ascii tokenizer reads them, so a GIN index
finds the claims whose field may hold a phrase. Those few are then read as FTS5 reads them,
and scored as the local index scores them, from the word counts the claims' rows keep; each
term's ways to meet a claim are numbered as the local index numbers them, so the best way,
the tie-breaks (`own`, `ways`) and the order are its: the server and the local index find
the same claims and rank them alike. Each quote's paragraph is kept (`paragraphs`) for `show`.

The tables live in the schema `factcli` of the database the URL names, one store a database.
`meta` records the layout (`SERVER_SCHEMA`), the rows' versions (`backend.versions`: the
index schema, the analyzer, the thesaurus), the store's own metadata, and when and from where
it was last synced; a reader refuses a server whose versions are not its own. `groups` holds,
for each source id, a digest of its records (the source and the claims citing it), where its
claims and source records stand in the store, and the live claims it gives each entity:
a sync re-derives only the sources whose digest changed, moves the rows of those that moved,
and writes all of it in one transaction, so a reader sees the index before or after a sync,
whole. A first sync, or one after factcli's versions changed, builds the tables anew in a
schema beside them and swaps it in.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import store
from ..analyze import analyzer
from ..codec import compact_decoder as _loads
from ..codec import compact_encoder as _dumps
from ..errors import FactcliError
from ..link import COUNTERPART_LINK
from ..plan import PARTY_TO, Evidence, Filters, Match, Plan, Term
from ..rank import Ranking
from ..records import SCHEMA_VERSION
from ..vocabulary import of as vocabulary_of
from . import rows as _rows
from .backend import Index as _Local
from .backend import versions
from .ways import ways as term_ways  # numbered as the local index numbers them

if TYPE_CHECKING:
    import psycopg

__all__ = ["SERVER_SCHEMA", "ServerError", "ServerIndex", "connect", "open_server", "status", "sync", "where"]

# Bump when the tables below change.
SERVER_SCHEMA = 4
SCHEMA = "factcli"
_BUILDING = "factcli_build"
# pg_advisory_xact_lock's key for a sync: two syncs of one database take turns.
_LOCK = 0x66616374  # "fact"

_TABLES = """
CREATE TABLE meta(key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE files(rel text COLLATE "C" PRIMARY KEY, stamp text NOT NULL, digest text NOT NULL);
CREATE TABLE groups(
    source text COLLATE "C", digest text NOT NULL, claims integer[] NOT NULL,
    sources integer[] NOT NULL, counts text NOT NULL, counterparts text NOT NULL);
CREATE TABLE sources(n integer NOT NULL, id text COLLATE "C", claims integer NOT NULL, doc text, summary text);
CREATE TABLE entities(n integer NOT NULL, id text COLLATE "C", claims integer NOT NULL, doc text);
CREATE TABLE claims(
    n integer NOT NULL, id text COLLATE "C", subject text COLLATE "C", predicate text COLLATE "C",
    object text COLLATE "C", speaker text COLLATE "C", via text COLLATE "C", source text COLLATE "C",
    date_start text COLLATE "C", date_end text COLLATE "C", retracted boolean NOT NULL, doc text,
    statement_words integer NOT NULL, quote_words integer NOT NULL);
CREATE TABLE paragraphs(claim integer NOT NULL, text text, quote_start integer, quote_end integer);
CREATE TABLE claim_text(
    n integer NOT NULL, statement text, quote text, statement_stems text, quote_stems text,
    size integer NOT NULL, overflow boolean NOT NULL,
    statement_v tsvector, quote_v tsvector, statement_stems_v tsvector, quote_stems_v tsvector);
CREATE TABLE links(
    claim integer NOT NULL, seq integer NOT NULL, entity text COLLATE "C", role text COLLATE "C",
    kind text COLLATE "C", own boolean NOT NULL);
CREATE TABLE names(key text COLLATE "C", stem_key text COLLATE "C", entity text, role text, written text);
CREATE TABLE labels(key text COLLATE "C", predicate text, kind text);
CREATE TABLE vocabulary(doc text);
CREATE TABLE synonyms(seq integer NOT NULL, key text COLLATE "C", kind text, other text, predicate text);
"""
_INDEXES = """
CREATE INDEX ON groups(source);
CREATE INDEX ON sources(id);
CREATE INDEX ON sources(n);
CREATE INDEX ON entities(id);
CREATE INDEX ON claims(n);
CREATE INDEX ON claims(id);
CREATE INDEX ON claims(subject, date_start, date_end NULLS FIRST);
CREATE INDEX ON claims(object, date_start, date_end NULLS FIRST);
CREATE INDEX ON claims(speaker);
CREATE INDEX ON claims(source);
CREATE INDEX ON claims(predicate);
CREATE INDEX ON claims(date_start, date_end NULLS FIRST, n);
CREATE INDEX ON claim_text(n);
CREATE INDEX ON claim_text USING gin(statement_v);
CREATE INDEX ON claim_text USING gin(quote_v);
CREATE INDEX ON claim_text USING gin(statement_stems_v);
CREATE INDEX ON claim_text USING gin(quote_stems_v);
CREATE INDEX ON links(entity, role);
CREATE INDEX ON links(claim);
CREATE INDEX ON paragraphs(claim);
CREATE INDEX ON names(key);
CREATE INDEX ON names(stem_key);
CREATE INDEX ON labels(key);
CREATE INDEX ON synonyms(key, kind);
"""
_TEXT_COLUMNS = ("statement", "quote", "statement_stems", "quote_stems")


class ServerError(FactcliError):
    """The index server cannot be reached, holds no factcli index, or one of another version."""


# --- the words as FTS5 reads them --------------------------------------------------------

# FTS5's ascii tokenizer: ASCII letters and digits, and every character beyond ASCII, make a
# word; the rest of ASCII separates words; ASCII letters are folded to lower case.
_FTS_WORD = re.compile(r"[^\x00-/:-@\[-`{-\x7f]+")
_SEPARATOR = re.compile(r"[\x00-\x1f!-/:-@\[-`{-\x7f]")  # every separator but the space
_ASCII_UPPER = re.compile(r"[A-Z]+")
# PostgreSQL's limits of a tsvector: a lexeme of at most 2047 bytes, positions up to 16383,
# 256 positions a lexeme, and 1 MB in all.
_MAX_LEXEME = 2000
_MAX_POSITION = 16383
_MAX_POSITIONS = 256
_MAX_VECTOR = 1_000_000


def fts_words(text: str) -> list[str]:
    """The words of an indexed field (or of a phrase asked for) as FTS5's ascii tokenizer
    reads them: what the local index counts, matches and scores."""
    if _ASCII_UPPER.search(text) is not None:  # FTS5 folds ASCII letters only
        text = _ASCII_UPPER.sub(lambda m: m.group().lower(), text)
    if _SEPARATOR.search(text) is None:  # the analyzer's usual words: split at the spaces
        return [w for w in text.split(" ") if w]
    return _FTS_WORD.findall(text)


@functools.lru_cache(maxsize=1 << 18)
def _lexeme(word: str) -> str:
    """The word as a quoted tsvector/tsquery lexeme. A word too long for PostgreSQL is kept
    as its start and a digest of the whole, alike in the rows and in a query."""
    if len(word.encode("utf-8", "surrogatepass")) > _MAX_LEXEME:
        word = word[:200] + "#" + hashlib.sha256(word.encode("utf-8", "surrogatepass")).hexdigest()
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _vector(words: list[str]) -> tuple[str, bool]:
    """A field's words as tsvector text with their positions, and whether they overflow
    PostgreSQL's positions (then the lexemes alone are kept, and a phrase is looked for
    among the field's words by `run` itself)."""
    at: dict[str, list[int]] = {}
    for i, word in enumerate(words, 1):
        places = at.get(word)
        if places is None:
            at[word] = [i]
        else:
            places.append(i)
    if len(words) <= _MAX_POSITION and all(len(p) <= _MAX_POSITIONS for p in at.values()):
        return " ".join(
            [
                f"{_lexeme(w)}:{p[0]}" if len(p) == 1 else f"{_lexeme(w)}:{','.join(map(str, p))}"
                for w, p in at.items()
            ]
        ), False
    return " ".join([_lexeme(w) for w in at]), True


def _phrase_query(words: list[str], joiner: str) -> str:
    return f" {joiner} ".join(_lexeme(w) for w in words)


def _instances(words: list[str], phrase: list[str]) -> int:
    """How many times the phrase stands in the words (each start a time, as FTS5 counts)."""
    k = len(phrase)
    first = phrase[0]
    return sum(1 for i, w in enumerate(words) if w == first and words[i : i + k] == phrase)


# --- connecting --------------------------------------------------------------------------


def where(url: str) -> str:
    """The server as a person names it, without a password: `DB on HOST[:PORT]`."""
    try:
        from psycopg.conninfo import conninfo_to_dict

        info = conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - a URL that does not parse is shown as nothing more
        return "the index server"
    db = info.get("dbname") or info.get("user") or "postgres"
    host = str(info.get("host") or "localhost")
    port = f":{info['port']}" if info.get("port") else ""
    return f"{db} on {host}{port}"


def connect(url: str) -> psycopg.Connection[Any]:
    """A connection to the server, or a one-line `ServerError`."""
    try:
        import psycopg
    except ImportError:
        raise ServerError(
            "the shared index needs the PostgreSQL driver: pip install 'factcli[server]'"
        ) from None
    try:
        return psycopg.connect(url, connect_timeout=10, application_name="factcli")
    except psycopg.ProgrammingError as exc:
        raise ServerError(f"not a PostgreSQL URL: {_first_line(exc)}") from None
    except psycopg.Error as exc:
        raise ServerError(f"cannot reach the index server {where(url)}: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _server_meta(conn: psycopg.Connection[Any]) -> dict[str, str] | None:
    found = conn.execute("SELECT to_regclass('factcli.meta')").fetchone()
    if not found or found[0] is None:
        return None
    return {k: v for k, v in conn.execute("SELECT key, value FROM factcli.meta")}


def _wanted() -> dict[str, str]:
    return {**versions(), "server_schema": str(SERVER_SCHEMA)}


def open_server(url: str) -> ServerIndex:
    """The index on the server, for reading; refused (`ServerError`) when the server holds
    none or one built by another version of factcli's analysis or layout."""
    conn = connect(url)
    import psycopg  # there, since `connect` found it

    try:
        conn.autocommit = True
        _readable(url, _server_meta(conn))
        # One snapshot for the whole command, taken once its tables are locked against a
        # sync that swaps in a rebuilt index (which then waits for this reader, or this
        # reader for it, and reads the new tables whole): a lock before the first query.
        conn.autocommit = False
        conn.read_only = True
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        conn.execute(f"LOCK TABLE {', '.join(f'{SCHEMA}.{t}' for t in _READ_TABLES)} IN ACCESS SHARE MODE")
        meta = _readable(url, _server_meta(conn))
        conn.execute("SELECT set_config('search_path', %s, false)", [SCHEMA])
    except BaseException:
        conn.close()
        raise
    return ServerIndex(conn, url, meta)


_READ_TABLES = (
    "meta",
    "sources",
    "entities",
    "claims",
    "claim_text",
    "links",
    "paragraphs",
    "names",
    "labels",
    "vocabulary",
    "synonyms",
)


def _readable(url: str, meta: dict[str, str] | None) -> dict[str, str]:
    if meta is None:
        raise ServerError(f"{where(url)} holds no factcli index: run 'factcli server sync URL' first")
    differ = [
        f"{k} {meta.get(k, 'none')} (this factcli: {v})" for k, v in _wanted().items() if meta.get(k) != v
    ]
    if differ:
        raise ServerError(
            f"the index on {where(url)} was made by another version of factcli: "
            + ", ".join(differ)
            + "; sync it with this version (factcli server sync URL)"
        )
    return meta


def status(url: str) -> dict[str, Any]:
    """What the server's index holds and whether this factcli reads it."""
    conn = connect(url)
    try:
        meta = _server_meta(conn) or {}
        out: dict[str, Any] = {"server": where(url), "exists": bool(meta)}
        if meta:
            want = _wanted()
            out["readable"] = all(meta.get(k) == v for k, v in want.items())
            out["versions"] = {k: meta.get(k) for k in want}
            out["synced"] = meta.get("synced")
            out["store"] = meta.get("store")
            conn.execute("SELECT set_config('search_path', %s, false)", [SCHEMA])
            out["counts"] = {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[index]
                for t in ("sources", "entities", "claims", "links")
            }
        return out
    finally:
        conn.close()


# --- syncing -----------------------------------------------------------------------------


class Synced(NamedTuple):
    """What a sync did: whether it built the index anew, how many sources it (re)wrote,
    removed and moved, how many claims it analyzed, and how long it took."""

    full: bool
    written: int
    removed: int
    moved: int
    claims: int
    seconds: float

    def json(self) -> dict[str, Any]:
        return dict(self._asdict())


class _Group:
    """A source id's records in the store: where they stand, and the records."""

    __slots__ = ("claims", "records", "sources")

    def __init__(self) -> None:
        self.claims: list[int] = []
        self.sources: list[int] = []
        self.records: list[Any] = []

    def digest(self) -> str:
        """The records' digest. Records read from JSON hold only dicts, lists, strings,
        numbers, booleans and None, whose `repr` is their content in order: one C-level
        call for the whole source, about twice as fast as encoding each record as JSON."""
        return hashlib.sha256(repr(self.records).encode("utf-8", "surrogatepass")).hexdigest()


def _json_list(text: str) -> list[Any]:
    """A group's people as the server keeps them (JSON), most groups' none."""
    return [] if text == "[]" else list(json.loads(text))


class _Known(_Group):
    """A source's records known by the digest of the files holding them (a directory
    store's), read only when that digest is not the one synced."""

    __slots__ = ("known",)

    def __init__(self, digest: str) -> None:
        super().__init__()
        self.known = digest

    def digest(self) -> str:
        return self.known


class _Folder(NamedTuple):
    """A directory store as a sync needs it: `facts` with the records of the sources to
    write (the claims' places hold empty records: those of the sources in `unread` are read
    source by source as they are written, `_Sync._group_claims`), every source's group, who
    holds each office, and the files' stamps and digests to record."""

    facts: store.Facts
    groups: dict[str | None, _Group]
    holders: dict[str, set[str]]
    files: list[tuple[str, str, str]]
    unread: set[str]
    recorded: dict[str, tuple[str, str]]  # the files' stamps and digests the server holds


class _Misplaced(Exception):
    """A claims file of a folder holds what only the whole read places right (a claim citing
    another source): the sync is made again from the whole store."""


_PLACE: dict[str, Any] = {}  # the record standing for a claim not read yet (`_Folder`)


def _folder(conn: psycopg.Connection[Any], root: Any, full: bool, schema: str) -> _Folder | None:
    """Read a directory store for a sync, its sources unchanged since the last one left
    unread: a file whose stamp is the one recorded has the digest recorded, and a source
    whose files' digests are the ones synced is neither parsed nor analyzed. None when the
    folder holds what only the whole read places right (a claims file of no listed source,
    a claim citing another source): the whole store is read then."""
    from ..store import directory

    stamps = directory.file_stamps(root)
    if directory.MOVING in stamps.values():
        return None
    listed = directory.source_ids(root)
    if directory.unlisted_claim_files(root, listed):
        return None
    recorded: dict[str, tuple[str, str]] = {}
    old: dict[str, tuple[str, int]] = {}
    if not full:
        # Fetched whole (`fetchall`, in the driver's C), not a row at a time: at a million
        # claims these are 80,000 and 40,000 rows, a second of Python row by row.
        recorded = {
            r: (st, d)
            for r, st, d in conn.execute(f"SELECT rel, stamp, digest FROM {schema}.files").fetchall()
        }
        old = {
            k: (d, n)
            for k, d, n in conn.execute(
                f"SELECT source, digest, cardinality(claims) FROM {schema}.groups"
            ).fetchall()
            if k is not None
        }
    files: list[tuple[str, str, str]] = []
    last: dict[str, bytes] = {}  # the bytes of the file digested last, when it was read
    texts = dict(zip(stamps, map("%d:%d:%d:%d".__mod__, stamps.values()), strict=True))

    def digest(rel: str) -> str:
        last.clear()
        text = texts.get(rel)
        if text is None:
            return ""
        was = recorded.get(rel)
        if was is not None and was[0] == text:
            d = was[1]
        else:
            data = directory.read_document(root, rel, None, missing_ok=True)[0] or b""
            last[rel] = data
            d = hashlib.sha256(data).hexdigest()
        files.append((rel, text, d))
        return d

    groups: dict[str | None, _Group] = {}
    sources: list[dict[str, Any]] = []
    claims = 0
    kept: list[str] = []
    unread: set[str] = set()
    holds: list[tuple[Any, Any]] = []
    for n, sid in enumerate(listed, 1):
        src_rel, claims_rel = f"{directory.SOURCES}/{sid}.json", f"{directory.CLAIMS}/{sid}.jsonl"
        if src_rel not in stamps:
            return None  # listed without its file: the whole read says so
        src_digest = digest(src_rel)
        known = hashlib.sha256(f"{src_digest}:{digest(claims_rel)}".encode()).hexdigest()
        group = _Known(known)
        group.sources.append(n)
        if sid in old and old[sid][0] == group.known:
            kept.append(sid)
            sources.append({})
            group.claims += range(claims + 1, claims + 1 + old[sid][1])
            claims += old[sid][1]
        else:
            # The source's record now; its claims counted, and parsed only where a line may
            # say who holds an office: they are read again when written (`unread`), so no
            # more than one source's claims are held at a time.
            record = directory.document_part(root, src_rel)
            if not isinstance(record, dict):
                return None
            sources.append(record)
            data = last.get(claims_rel)
            if data is None:
                data = directory.read_document(root, claims_rel, None, missing_ok=True)[0] or b""
            lines = [line for line in data.split(b"\n") if line.strip()]
            for line in lines:
                if b"holds_position" in line:
                    found = directory.parse_lines(line, root / claims_rel)
                    holds += [(c.get("subject"), c.get("object")) for c in found if _rows.holds(c)]
            group.claims += range(claims + 1, claims + 1 + len(lines))
            claims += len(lines)
            unread.add(sid)
        groups[sid] = group
    if kept:
        # Who holds an office, by the claims of the sources left as they are: each pair
        # once, and the sources named by the few left out (those read again, those gone),
        # not by the many kept: at a million claims, 40,000 ids looked for claim by claim
        # cost the server a second.
        now_listed = set(listed)
        left_out = sorted(unread | {k for k in old if k not in now_listed})
        holds += list(
            conn.execute(
                f"SELECT DISTINCT subject, object FROM {schema}.claims WHERE predicate = 'holds_position' "
                "AND NOT retracted AND source IS NOT NULL AND NOT (source = ANY(%s::text[]))",
                [left_out],
            )
        )
    doc = {
        name[: -len(".json")]: directory.document_part(root, name)
        for name in [
            directory.META,
            *(r for r in stamps if "/" not in r and r.endswith(".json") and r != directory.META),
        ]
    }
    entities = directory.parse_lines(
        directory.read_document(root, directory.ENTITIES, None, missing_ok=True)[0] or b"",
        root / directory.ENTITIES,
    )
    meta_rows = list((doc.get("meta") or {}).values())
    facts = store.Facts(
        root,
        sources,
        entities,
        [_PLACE] * claims,
        meta_rows[0] if meta_rows else {"schema": SCHEMA_VERSION, "last_claim": 0},
        doc.get(store.VOCABULARY),
    )
    return _Folder(facts, groups, _rows.holders(holds), files, unread, recorded)


def _key(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _groups(facts: store.Facts) -> dict[str | None, _Group]:
    groups: dict[str | None, _Group] = {}
    for n, source in enumerate(facts.sources, 1):
        group = groups.setdefault(_key(source.get("id")), _Group())
        group.sources.append(n)
        group.records.append(("source", source))
    for n, claim in enumerate(facts.claims, 1):
        group = groups.setdefault(_key((claim.get("citation") or {}).get("source")), _Group())
        group.claims.append(n)
        group.records.append(claim)
    return groups


def sync(
    url: str,
    facts: store.Facts | None,
    *,
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
    label: str | None = None,
    folder: Any = None,
    check: Callable[[store.Facts], None] | None = None,
) -> Synced:
    """Bring the server's index up to `facts`: only the sources whose records changed are
    analyzed again; all of it is one transaction. `full` builds it anew whatever it holds.

    A directory store is given as its `folder` instead (`facts` None): the files whose
    stamps are the ones recorded at the last sync are not read, and the sources whose files'
    digests are the ones synced neither parsed nor analyzed (`_folder`). `check` runs on
    the records the sync reads of it, a source and its claims at a time (the CLI refuses a
    damaged store there, as a read of the folder does), before any is written."""
    began = time.monotonic()
    conn = connect(url)
    import psycopg  # there, since `connect` found it

    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK])
            meta = _server_meta(conn)
            full = full or meta is None or any(meta.get(k) != v for k, v in _wanted().items())
            read: _Folder | None = None
            if folder is not None:
                read = _folder(conn, folder, full, SCHEMA)
                if read is None:
                    facts = _loaded(folder, check)
            done = None
            if read is not None:
                try:
                    with conn.transaction():  # a savepoint: undone whole when misplaced
                        done = _Sync(
                            conn, read.facts, full, meta or {}, progress, label, read, folder, check
                        ).run()
                except _Misplaced:
                    facts = _loaded(folder, check)
            if done is None:
                assert facts is not None
                done = _Sync(conn, facts, full, meta or {}, progress, label).run()
        return done._replace(seconds=round(time.monotonic() - began, 3))
    except UnicodeEncodeError:
        raise ServerError(
            "the store holds text that is not valid Unicode (an unpaired surrogate): factcli verify finds it"
        ) from None
    except psycopg.Error as exc:
        raise ServerError(
            f"the sync to {where(url)} failed, nothing was written: {_first_line(exc)}"
        ) from None
    finally:
        conn.close()


def _loaded(folder: Any, check: Callable[[store.Facts], None] | None) -> store.Facts:
    """The whole directory store, read as any command reads it, and checked."""
    facts = store.load(store.Location(folder, "--db"))
    if check is not None:
        check(facts)
    return facts


class _Sync:
    def __init__(
        self,
        conn: psycopg.Connection[Any],
        facts: store.Facts,
        full: bool,
        meta: dict[str, str],
        progress: Callable[[int, int], None] | None,
        label: str | None,
        read: _Folder | None = None,
        folder: Any = None,
        check: Callable[[store.Facts], None] | None = None,
    ) -> None:
        self.conn = conn
        self.check = check
        self.facts = facts
        self.read = read  # a directory store's, its sources left as synced unread
        self.folder = folder
        self.full = full
        self.meta = meta
        self.progress = progress
        self.label = label
        self.an = analyzer()
        self.dumps = _dumps()
        self._source_counts: dict[str | None, int] = {}
        self.holders: dict[str, set[str]] = {}

    def run(self) -> Synced:
        conn, dumps = self.conn, self.dumps
        read = self.read
        facts = self.facts
        groups = read.groups if read is not None else _groups(facts)
        entities_digest = hashlib.sha256(dumps(facts.entities).encode("utf-8", "surrogatepass")).hexdigest()
        # Entities decide every claim's links: a change to them is a build anew, beside the
        # index readers keep using meanwhile.
        # So does the vocabulary: it decides the predicate labels.
        vocabulary_digest = hashlib.sha256(
            dumps(facts.vocabulary).encode("utf-8", "surrogatepass")
        ).hexdigest()
        # And so do the offices' holders: who a claim names by an office or as «نظيره».
        self.holders = (
            read.holders
            if read is not None
            else _rows.holders((c.get("subject"), c.get("object")) for c in facts.claims if _rows.holds(c))
        )
        holders_digest = hashlib.sha256(
            dumps(sorted((k, sorted(v)) for k, v in self.holders.items())).encode("utf-8", "surrogatepass")
        ).hexdigest()
        self.full = (
            self.full
            or self.meta.get("entities") != entities_digest
            or self.meta.get("vocabulary") != vocabulary_digest
            or self.meta.get("holders") != holders_digest
        )
        if self.full and read is not None and any(not s for s in facts.sources):
            # Built anew: every source's records, read whole this time.
            read = self.read = _folder(conn, self.folder, True, SCHEMA)
            assert read is not None
            facts = self.facts = read.facts
            groups = read.groups
        if self.full:
            conn.execute(f"DROP SCHEMA IF EXISTS {_BUILDING} CASCADE")
            conn.execute(f"CREATE SCHEMA {_BUILDING}")
            conn.execute("SELECT set_config('search_path', %s, true)", [_BUILDING])
            conn.execute(_TABLES)
            old: dict[str | None, tuple[str, list[int], list[int], str, str]] = {}
            tokens = 0
        else:
            conn.execute("SELECT set_config('search_path', %s, true)", [SCHEMA])
            old = {
                key: (digest, claims, sources, counts, people)  # JSON text, read where used
                for key, digest, claims, sources, counts, people in conn.execute(
                    "SELECT source, digest, claims, sources, counts, counterparts FROM groups"
                ).fetchall()
            }
            tokens = int(self.meta.get("tokens", "0"))
        relink = self.full
        digests = {key: g.digest() for key, g in groups.items()}
        changed = [k for k in groups if relink or k not in old or old[k][0] != digests[k]]
        names = _rows.name_rows(facts.entities, self.an) if changed or relink else []
        removed = [k for k in old if k not in groups]
        moved = [
            k
            for k in groups
            if k in old
            and k not in changed
            and (old[k][1] != groups[k].claims or old[k][2] != groups[k].sources)
        ]

        # Out: the rows of the sources rewritten or gone, by where they stood.
        gone = [k for k in old if k in removed or k in changed]
        gone_claims = [n for k in gone for n in old[k][1]]
        gone_sources = [n for k in gone for n in old[k][2]]
        if gone_claims:
            conn.execute("DELETE FROM claims WHERE n = ANY(%s)", [gone_claims])
            conn.execute("DELETE FROM links WHERE claim = ANY(%s)", [gone_claims])
            conn.execute("DELETE FROM paragraphs WHERE claim = ANY(%s)", [gone_claims])
            row = conn.execute(
                "WITH d AS (DELETE FROM claim_text WHERE n = ANY(%s) RETURNING size) "
                "SELECT coalesce(sum(size), 0) FROM d",
                [gone_claims],
            ).fetchone()
            tokens -= int(row[0]) if row else 0
        if gone_sources:
            conn.execute("DELETE FROM sources WHERE n = ANY(%s)", [gone_sources])

        # Moved: sources unchanged whose records now stand elsewhere in the store.
        claim_moves = [
            (a, b) for k in moved for a, b in zip(old[k][1], groups[k].claims, strict=True) if a != b
        ]
        source_moves = [
            (a, b) for k in moved for a, b in zip(old[k][2], groups[k].sources, strict=True) if a != b
        ]
        if claim_moves:
            was, now = [a for a, _ in claim_moves], [b for _, b in claim_moves]
            for table, column in (
                ("claims", "n"),
                ("claim_text", "n"),
                ("links", "claim"),
                ("paragraphs", "claim"),
            ):
                conn.execute(
                    f"UPDATE {table} SET {column} = m.now FROM unnest(%s::integer[], %s::integer[]) "
                    f"AS m(was, now) WHERE {table}.{column} = m.was",
                    [was, now],
                )
        if source_moves:
            conn.execute(
                "UPDATE sources SET n = m.now FROM unnest(%s::integer[], %s::integer[]) AS m(was, now) "
                "WHERE sources.n = m.was",
                [[a for a, _ in source_moves], [b for _, b in source_moves]],
            )

        # In: the rows of the sources new or changed.
        name_columns = ("key", "stem_key", "entity", "role", "written")
        if relink:
            conn.execute("DELETE FROM names")
            self._copy("names", name_columns, names)
            self._copy("names", name_columns, _rows.topic_word_rows(facts.entities, self.an))
        counts: dict[str | None, dict[str, int]] = {}
        people: dict[str | None, set[str]] = {}
        claims_done, added = self._write_claims(
            [(k, groups[k]) for k in changed], _rows.linker(names, self.an, facts.entities), counts, people
        )
        tokens += added
        # The words for "counterpart" name everyone a claim of any source calls so.
        called = {
            e for k in groups for e in (people.get(k, set()) if k in changed else _json_list(old[k][4]))
        }
        conn.execute("DELETE FROM names WHERE role = %s", [COUNTERPART_LINK])
        self._copy("names", name_columns, _rows.counterpart_name_rows(self.an, called))
        self._copy(
            "sources",
            ("n", "id", "claims", "doc", "summary"),
            (
                (n, s.get("id"), self._live(s), dumps(s), dumps(_rows.summary(s)))
                for k in changed
                for n in groups[k].sources
                for s in (facts.sources[n - 1],)
            ),
        )

        # Entities: their rows anew when they changed, else their claim counts moved by the
        # live claims of the sources rewritten and gone.
        if relink:
            totals: dict[str, int] = {}
            for k, group_counts in counts.items():
                if k in groups:
                    for eid, c in group_counts.items():
                        totals[eid] = totals.get(eid, 0) + c
            for k in groups:
                if k not in changed:
                    for eid, c in json.loads(old[k][3]).items():
                        totals[eid] = totals.get(eid, 0) + c
            conn.execute("DELETE FROM entities")
            self._copy(
                "entities",
                ("n", "id", "claims", "doc"),
                (
                    (n, e.get("id"), totals.get(e["id"], 0) if isinstance(e.get("id"), str) else 0, dumps(e))
                    for n, e in enumerate(facts.entities, 1)
                ),
            )
        else:
            delta: dict[str, int] = {}
            for k in gone:
                for eid, c in json.loads(old[k][3]).items():
                    delta[eid] = delta.get(eid, 0) - c
            for group_counts in counts.values():
                for eid, c in group_counts.items():
                    delta[eid] = delta.get(eid, 0) + c
            shifts = [(e, c) for e, c in sorted(delta.items()) if c]
            if shifts:
                conn.execute(
                    "UPDATE entities SET claims = claims + d.c FROM unnest(%s::text[], %s::integer[]) AS d(id, c) "
                    "WHERE entities.id = d.id",
                    [[e for e, _ in shifts], [c for _, c in shifts]],
                )

        rewritten = [k for k in old if k in removed or k in changed or k in moved]
        if rewritten:
            keyed = [k for k in rewritten if k is not None]
            conn.execute(
                "DELETE FROM groups WHERE source = ANY(%s::text[])"
                + (" OR source IS NULL" if None in rewritten else ""),
                [keyed],
            )
        conn.cursor().executemany(
            "INSERT INTO groups VALUES (%s, %s, %s, %s, %s, %s)",
            [
                (
                    k,
                    digests[k],
                    groups[k].claims,
                    groups[k].sources,
                    json.dumps(counts.get(k), sort_keys=True) if k in changed else old[k][3],
                    json.dumps(sorted(people.get(k, set()))) if k in changed else old[k][4],
                )
                for k in groups
                if k in changed or k in moved or k not in old
            ],
        )
        if self.full:
            an = self.an
            self._copy(
                "labels", ("key", "predicate", "kind"), _rows.label_rows(an, vocabulary_of(facts).labels)
            )
            if facts.vocabulary is not None:
                self._copy("vocabulary", ("doc",), [(dumps(facts.vocabulary),)])
            self._copy(
                "synonyms",
                ("seq", "key", "kind", "other", "predicate"),
                ((i, *row) for i, row in enumerate(_rows.synonym_rows(an))),
            )
        fresh = {
            **_wanted(),
            "store_meta": dumps(facts.meta),
            "entities": entities_digest,
            "vocabulary": vocabulary_digest,
            "holders": holders_digest,
            "rows": str(len(facts.claims)),
            "tokens": str(tokens),
            "synced": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "store": self.label or "",
        }
        conn.execute("DELETE FROM meta")
        conn.cursor().executemany("INSERT INTO meta VALUES (%s, %s)", sorted(fresh.items()))
        # The stamps and digests of a directory store's files, for the next sync to trust.
        if read is None or not read.recorded:
            conn.execute("DELETE FROM files")
            if read is not None:
                self._copy("files", ("rel", "stamp", "digest"), read.files)
        else:  # the rows of the files whose stamp or digest changed, alone
            current = {rel: (st, d) for rel, st, d in read.files}
            stale = [rel for rel, was in read.recorded.items() if current.get(rel) != was]
            if stale:
                conn.execute("DELETE FROM files WHERE rel = ANY(%s::text[])", [stale])
            self._copy(
                "files",
                ("rel", "stamp", "digest"),
                [(rel, *v) for rel, v in current.items() if read.recorded.get(rel) != v],
            )
        if self.full:
            conn.execute(_INDEXES)
            conn.execute("ANALYZE claims, claim_text, links, paragraphs, names, sources, entities")
            conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            conn.execute(f"ALTER SCHEMA {_BUILDING} RENAME TO {SCHEMA}")
        return Synced(self.full, len(changed), len(removed), len(moved), claims_done, 0.0)

    def _live(self, source: dict[str, Any]) -> int:
        return self._source_counts.get(_key(source.get("id")), 0)

    def _write_claims(
        self,
        groups: list[tuple[str | None, _Group]],
        linker: Any,
        counts: dict[str | None, dict[str, int]],
        people: dict[str | None, set[str]],
    ) -> tuple[int, int]:
        """Analyze and write the claims of these groups, in batches; returns how many claims
        and how many FTS words were written, and fills each group's live claims per entity
        and the people its claims call «نظيره» (`people`)."""
        an, dumps = self.an, self.dumps
        total = sum(len(g.claims) for _, g in groups)
        self._source_counts = {}
        done = tokens = 0
        claim_rows: list[tuple[Any, ...]] = []
        text_rows: list[tuple[Any, ...]] = []
        link_rows: list[tuple[Any, ...]] = []
        para_rows: list[tuple[Any, ...]] = []
        texts = {s.get("id"): s.get("text") for s in self.facts.sources}.get
        for key, group in groups:
            mine = counts.setdefault(key, {})
            called = people.setdefault(key, set())
            for n, claim in zip(group.claims, self._group_claims(key, group), strict=True):
                made = _rows.claim_rows(n, claim, an, linker, dumps, texts, self.holders)
                called |= made.counterparts
                if made.paragraph is not None:
                    para_rows.append((n, *made.paragraph))
                if made.live:
                    self._source_counts[key] = self._source_counts.get(key, 0) + 1
                    for eid in made.about:
                        mine[eid] = mine.get(eid, 0) + 1
                claim_rows.append((*made.claim[:10], bool(made.claim[10]), *made.claim[11:]))
                words = [fts_words(t) for t in made.text]
                size = sum(len(w) for w in words)
                tokens += size
                vectors = [_vector(w) for w in words]
                overflow = any(o for _, o in vectors)
                if any(len(v) > _MAX_VECTOR for v, _ in vectors):
                    raise ServerError(
                        f"claim {made.claim[1]!r} holds more text than a PostgreSQL index row takes "
                        f"(1 MB of words in one field)"
                    )
                text_rows.append((n, *made.text, size, overflow, *(v for v, _ in vectors)))
                link_rows += [(n, i, e, r, k, bool(o)) for i, (e, r, k, o) in enumerate(made.links)]
                done += 1
                if len(claim_rows) >= 5000:
                    self._flush(claim_rows, text_rows, link_rows, para_rows)
                    if self.progress:
                        self.progress(done, total)
        self._flush(claim_rows, text_rows, link_rows, para_rows)
        if self.progress and total:
            self.progress(total, total)
        return done, tokens

    def _group_claims(self, key: str | None, group: _Group) -> list[dict[str, Any]]:
        """The claims of one group, in order: read from its claims file now when the folder's
        read left them unread (`_Folder`), else from the records read."""
        if self.read is None or key not in self.read.unread:
            claims = self.facts.claims
            return [claims[n - 1] for n in group.claims]
        from ..store import directory

        assert key is not None
        source, lines, _ = directory.read_source(self.folder, key)
        if len(lines) != len(group.claims) or any(
            _key((c.get("citation") or {}).get("source")) != key for c in lines
        ):
            raise _Misplaced(key)
        if self.check is not None:
            meta, vocabulary = self.facts.meta, self.facts.vocabulary
            self.check(
                store.Facts(None, [source] if isinstance(source, dict) else [], [], lines, meta, vocabulary)
            )
        return lines

    def _flush(self, claims: list[Any], texts: list[Any], links: list[Any], paragraphs: list[Any]) -> None:
        columns = ("n", "id", "subject", "predicate", "object", "speaker", "via", "source", "date_start")
        words = ("statement_words", "quote_words")
        self._copy("claims", (*columns, "date_end", "retracted", "doc", *words), claims)
        self._copy(
            "claim_text",
            ("n", *_TEXT_COLUMNS, "size", "overflow", *(f"{c}_v" for c in _TEXT_COLUMNS)),
            texts,
        )
        self._copy("links", ("claim", "seq", "entity", "role", "kind", "own"), links)
        self._copy("paragraphs", ("claim", "text", "quote_start", "quote_end"), paragraphs)
        paragraphs.clear()
        claims.clear()
        texts.clear()
        links.clear()

    def _copy(self, table: str, columns: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


# --- reading -----------------------------------------------------------------------------


class ServerIndex:
    """The index on a server, read in one snapshot (a read-only, repeatable-read
    transaction): the `plan.Backend` contract, and the record reads the commands make of
    the local `Index` (`view.Reader`)."""

    path = None
    store_path = None
    rebuilt = False

    def __init__(self, conn: psycopg.Connection[Any], url: str, meta: dict[str, str]) -> None:
        self.conn = conn
        self.url = url
        self.note: str | None = None
        self._meta = meta
        self._loads = _records_loader()
        self._entity_cache: dict[str, dict[str, Any]] | None = None
        self._longest_name: int | None = None
        self._name_words: dict[bool, frozenset[str]] = {}

    def _all_rows(self, sql: str, args: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, list(args)).fetchall()

    # -- records -------------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return dict(self._meta)

    def counts(self) -> dict[str, int]:
        return {
            t: int(self._all_rows(f"SELECT count(*) FROM {t}")[0][0])
            for t in ("sources", "entities", "claims", "links")
        }

    def claim_docs(self, rows: Iterable[int]) -> dict[int, dict[str, Any]]:
        loads = self._loads
        found = self._all_rows("SELECT n, doc FROM claims WHERE n = ANY(%s)", [list(rows)])
        return {n: loads(doc) for n, doc in found}

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        found = self._all_rows("SELECT doc FROM claims WHERE id = %s ORDER BY n LIMIT 1", [claim_id])
        return self._loads(found[0][0]) if found else None

    def claim_ids(self) -> list[str]:
        return [r[0] for r in self._all_rows("SELECT id FROM claims ORDER BY n")]

    def paragraph(self, claim_id: str) -> tuple[str, int, int] | None:
        """The paragraph holding a claim's quote, and the quote's span in it, as the sync
        cut it; None when the server holds none."""
        found = self._all_rows(
            "SELECT p.text, p.quote_start, p.quote_end FROM claims AS c JOIN paragraphs AS p ON p.claim = c.n "
            "WHERE c.id = %s ORDER BY c.n LIMIT 1",
            [claim_id],
        )
        return (found[0][0], found[0][1], found[0][2]) if found else None

    def source(self, source_id: str) -> dict[str, Any] | None:
        found = self._all_rows("SELECT doc FROM sources WHERE id = %s ORDER BY n DESC LIMIT 1", [source_id])
        return self._loads(found[0][0]) if found else None

    def source_summary(self, source_id: str) -> dict[str, Any] | None:
        found = self._all_rows(
            "SELECT summary FROM sources WHERE id = %s ORDER BY n DESC LIMIT 1", [source_id]
        )
        return self._loads(found[0][0]) if found else None

    def sources(self) -> list[tuple[dict[str, Any], int]]:
        return [(self._loads(d), c) for d, c in self._all_rows("SELECT doc, claims FROM sources ORDER BY n")]

    def entities(self) -> list[tuple[dict[str, Any], int]]:
        return [(self._loads(d), c) for d, c in self._all_rows("SELECT doc, claims FROM entities ORDER BY n")]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        if self._entity_cache is None:
            self._entity_cache = {e["id"]: e for e, _ in self.entities()}
        return self._entity_cache.get(entity_id)

    def facts(self, sources: Iterable[str] | None = None) -> store.Facts:
        """A `Facts` snapshot: every entity, and the given sources with their claims (all of
        them when None), in stored order."""
        loads = self._loads
        if sources is None:
            claims = [loads(d) for (d,) in self._all_rows("SELECT doc FROM claims ORDER BY n")]
            srcs = [s for s, _ in self.sources()]
        else:
            wanted = sorted(set(sources))
            claims = [
                loads(d)
                for (d,) in self._all_rows(
                    "SELECT doc FROM claims WHERE source = ANY(%s) ORDER BY n", [wanted]
                )
            ]
            srcs = [
                loads(d)
                for (d,) in self._all_rows("SELECT doc FROM sources WHERE id = ANY(%s) ORDER BY n", [wanted])
            ]
        meta = loads(self._meta.get("store_meta") or "{}") or {"schema": SCHEMA_VERSION, "last_claim": 0}
        return store.Facts(None, srcs, [e for e, _ in self.entities()], claims, meta, self.vocabulary())

    def vocabulary(self) -> dict[str, Any] | None:
        """The store's vocabulary document; None for a store older than version 3."""
        found = self._all_rows("SELECT doc FROM vocabulary")
        return self._loads(found[0][0]) if found else None

    def named_counts(self) -> dict[str, int]:
        """Per entity, its live claims that name it: in a role, via, or in their words."""
        return dict(
            self._all_rows(
                "SELECT l.entity, count(DISTINCT l.claim) FROM links l JOIN claims c ON c.n = l.claim "
                "WHERE NOT c.retracted GROUP BY l.entity"
            )
        )

    # -- lookups for search ----------------------------------------------------------------

    def names(self, key: str, stems: bool = False) -> list[tuple[str, str]]:
        column = "stem_key" if stems else "key"
        return [
            (e, r) for e, r in self._all_rows(f"SELECT entity, role FROM names WHERE {column} = %s", [key])
        ]

    def name_words(self, stems: bool = False) -> frozenset[str]:
        words = self._name_words.get(stems)
        if words is None:
            column = "stem_key" if stems else "key"
            rows = self._all_rows(f"SELECT DISTINCT {column} FROM names")
            words = self._name_words[stems] = frozenset(w for (k,) in rows for w in k.split(" "))
        return words

    def name_keys(self) -> list[tuple[str, str, str, str]]:
        return [(k, e, r, w) for k, e, r, w in self._all_rows("SELECT key, entity, role, written FROM names")]

    def longest_name(self) -> int:
        if self._longest_name is None:
            rows = self._all_rows(
                "SELECT max(length(key) - length(replace(key, ' ', '')) + 1) FROM names WHERE key <> ''"
            )
            self._longest_name = int(rows[0][0] or 0)
        return self._longest_name

    def holders(self, offices: Iterable[str]) -> set[str]:
        ids = sorted(set(offices))
        if not ids:
            return set()
        found = self._all_rows(
            "SELECT DISTINCT subject FROM claims WHERE object = ANY(%s) "
            "AND predicate = 'holds_position' AND NOT retracted",
            [ids],
        )
        return {s for (s,) in found if isinstance(s, str)}

    def offices(self, people: Iterable[str]) -> set[str]:
        ids = sorted(set(people))
        if not ids:
            return set()
        found = self._all_rows(
            "SELECT DISTINCT object FROM claims WHERE subject = ANY(%s) "
            "AND predicate IN ('holds_position', 'held_position') AND NOT retracted",
            [ids],
        )
        return {o for (o,) in found if isinstance(o, str)}

    def posts(self, states: Iterable[str]) -> set[str]:
        ids = sorted(set(states))
        if not ids:
            return set()
        found = self._all_rows(
            "SELECT DISTINCT subject FROM claims WHERE object = ANY(%s) AND predicate = 'office_in' AND NOT retracted",
            [ids],
        )
        return {s for (s,) in found if isinstance(s, str)}

    def parties(self, entities: Iterable[str]) -> set[str]:
        ids = sorted(set(entities))
        if not ids:
            return set()
        found = self._all_rows(
            "SELECT DISTINCT object FROM claims WHERE subject = ANY(%s) AND predicate = ANY(%s) AND NOT retracted",
            [ids, list(PARTY_TO)],
        )
        return {o for (o,) in found if isinstance(o, str)}

    def labels(self, key: str) -> list[tuple[str, str]]:
        return [(p, k) for p, k in self._all_rows("SELECT predicate, kind FROM labels WHERE key = %s", [key])]

    def predicates(self) -> list[str]:
        """The store's predicates, by name (each has its own name among the labels)."""
        return [p for (p,) in self._all_rows("SELECT DISTINCT predicate FROM labels ORDER BY predicate")]

    def synonyms(self, tokens: str, stems: str) -> tuple[list[str], list[str]]:
        found = self._all_rows(
            "SELECT other, predicate FROM synonyms WHERE (key = %s AND kind = 'number') "
            "OR (key = %s AND kind = 'word') ORDER BY seq",
            [tokens, stems],
        )
        others = [o for o, _ in found if o is not None]
        predicates = [p for o, p in found if o is None]
        return others, predicates

    def has_term(self, token: str) -> bool:
        """Whether any claim's text or stems hold this token as one word, as the local
        index's vocabulary of FTS5 words does."""
        if fts_words(token) != [token]:
            return False
        query = _phrase_query([token], "&")
        cond = " OR ".join(f"{c}_v @@ %s::tsquery" for c in _TEXT_COLUMNS)
        return bool(self._all_rows(f"SELECT 1 FROM claim_text WHERE {cond} LIMIT 1", [query] * 4))

    # -- running a query plan ----------------------------------------------------------------
    #
    # `plan` says what a plan means, and the SQLite backend's `Index.run` is how the local
    # index runs one; this runs it alike: the same candidates, evidence, scores and order.

    _COLUMNS = _Local._COLUMNS
    _WAYS = _Local._WAYS

    def run(self, plan: Plan) -> list[Match]:
        """The claims the plan finds, in its order (see `plan` for what each part means)."""
        if not plan.terms:
            where_, args = self._filters(plan.filters)
            live = "" if plan.filters.include_retracted else "NOT retracted"
            rows = self._claim_rows(self._all(where_, live), args, by_date=True, limit=plan.limit)
            return [Match(n) for n, _, _ in rows]
        found = self._found(plan)
        if not found:
            return []
        k = len(plan.terms)
        # Each term's best way: the highest score, the lowest way number among scores equal
        # to a billionth (the local index packs both into one integer); the claim's score is
        # the terms' best scores summed in plan order; own and ways count every way.
        best: dict[int, tuple[float, tuple[Evidence, ...], int, int]] = {}
        for n, per_term in found.items():
            total = 0.0
            why: list[Evidence] = []
            own = count = 0
            for i in range(k):
                met = per_term[i]
                top = max(int(score * 1e9) * self._WAYS + self._WAYS - 1 - way for score, _, way, _ in met)
                way = self._WAYS - 1 - top % self._WAYS
                score = max(score for score, _, _, _ in met)
                total = score if i == 0 else total + score
                why.append(next(ev for _, _, w, ev in met if w == way))
                own += sum(mine for _, mine, _, _ in met)
                count += len(met)
            best[n] = (total, tuple(why), own, count)
        spans = {n: (s, e) for n, s, e in self._claim_rows("n = ANY(%s)", [sorted(best)])}
        by_relevance = plan.order == "relevance"

        def key(n: int) -> tuple[Any, ...]:
            if by_relevance:
                score, _, own, count = best[n]
                return (-score, -own, -count, n)
            start, end = spans[n]
            return (not start, start is not None, start or "", end or "", n)

        chosen = sorted(best, key=key)
        if plan.limit is not None:
            chosen = chosen[: plan.limit]
        return [Match(n, best[n][0], best[n][1], best[n][2], best[n][3]) for n in chosen]

    def count(self, plan: Plan) -> int:
        """How many claims `run(plan)` finds, its limit aside."""
        if not plan.terms:
            where_, args = self._filters(plan.filters)
            live = "" if plan.filters.include_retracted else "NOT retracted"
            cond = self._all(where_, live)
            sql = "SELECT count(*) FROM claims" + (f" WHERE {cond}" if cond else "")
            return int(self._all_rows(sql, args)[0][0])
        return len(self._found(plan))

    def _found(self, plan: Plan) -> dict[int, list[list[tuple[float, int, int, Evidence]]]]:
        """The claims every term of the plan meets that pass its filters (live ones unless
        retracted ones are asked for): per claim, per term, each way it is met in as
        (score, mine, way number, evidence), as the local index's steps gather them."""
        if any(not (t.exact or t.stems or t.synonyms or t.entities or t.predicates) for t in plan.terms):
            return {}
        where_, args = self._filters(plan.filters)
        live = "" if plan.filters.include_retracted else "NOT retracted"
        within: set[int] | None = None
        cond = self._all(where_, live)
        if cond:
            within = {n for n, _, _ in self._claim_rows(cond, args)}
        out: dict[int, list[list[tuple[float, int, int, Evidence]]]] = {}
        for term in plan.terms:
            if within is not None and not within:
                return {}
            met = self._ways(term, plan.ranking, within)
            within = set(met) if within is None else within & set(met)
            for n in within:
                out.setdefault(n, []).append(met[n])
        return {n: out[n] for n in sorted(within or ())}

    def _ways(
        self, term: Term, ranking: Ranking, within: set[int] | None
    ) -> dict[int, list[tuple[float, int, int, Evidence]]]:
        """Per claim (among `within` when given), every way the term meets it, numbered in
        the order `Index._ways` offers them: text forms by field, then each named entity's
        roles and mention kinds, then predicates."""
        met: dict[int, list[tuple[float, int, int, Evidence]]] = {}
        weights = ranking.field_weight
        offered = term_ways(term, ranking)
        for order, fld, form, toks in offered.text:
            words = self._phrase_rows(fld, form, toks, within)
            for n, size in words.items():
                # The phrase's words' share of the field's words, times the field's weight.
                x = weights[fld][form] * len(toks) / max(1.0, size)
                met.setdefault(n, []).append(
                    (ranking.text[form] + x / (1.0 + x), int(fld != "quote"), order, offered.evidence[order])
                )
        links: dict[tuple[str, str, str], list[tuple[float, int, Evidence]]] = {}
        for order, eid, role, kind, score in offered.links:
            links.setdefault((eid, role, kind), []).append((score, order, offered.evidence[order]))
        if links:
            sql = "SELECT claim, entity, role, kind, own FROM links WHERE entity = ANY(%s::text[])"
            args: list[Any] = [sorted({e for e, _, _ in links})]
            if within is not None:
                sql += " AND claim = ANY(%s)"
                args.append(sorted(within))
            for n, eid, role, kind, own in self._all_rows(sql, args):
                for score, way, evidence in links.get((eid, role, kind), ()):
                    met.setdefault(n, []).append((score, int(own), way, evidence))
        for order, pred, score in offered.predicates:
            where_, pargs = "predicate = %s", list[Any]([pred])
            if within is not None:
                where_, pargs = f"{where_} AND n = ANY(%s)", [pred, sorted(within)]
            for n, _, _ in self._claim_rows(where_, pargs):
                met.setdefault(n, []).append((score, 1, order, offered.evidence[order]))
        return met

    @staticmethod
    def _all(*conditions: str) -> str:
        return " AND ".join(c for c in conditions if c)

    @staticmethod
    def _filters(filters: Filters) -> tuple[str, list[Any]]:
        """The filters as one SQL condition on `claims` (retraction aside), and its parameters."""
        where_: list[str] = []
        args: list[Any] = []
        for column, values in filters.by_column():
            if values is not None:
                where_.append(f"{column} = ANY(%s::text[])")
                args.append(sorted(values))
        if filters.ends_from:
            where_.append("date_end IS NOT NULL AND date_end >= %s")
            args.append(filters.ends_from)
        if filters.starts_until:
            where_.append("date_start IS NOT NULL AND date_start <= %s")
            args.append(filters.starts_until)
        return " AND ".join(where_), args

    def _claim_rows(
        self, where_: str, args: list[Any], by_date: bool = False, limit: int | None = None
    ) -> list[tuple[int, str | None, str | None]]:
        """(position, date_start, date_end) of the claims passing a condition; `by_date`
        orders them as a timeline (dated first by start, end, then position)."""
        sql = "SELECT n, date_start, date_end FROM claims"
        if not by_date:
            return [
                (n, s, e) for n, s, e in self._all_rows(sql + (" WHERE " + where_ if where_ else ""), args)
            ]
        cond = f"({where_}) AND " if where_ else ""
        cap = " LIMIT %s" if limit is not None else ""
        rows = [
            (n, s, e)
            for n, s, e in self._all_rows(
                f"{sql} WHERE {cond}date_start IS NOT NULL ORDER BY date_start, date_end NULLS FIRST, n{cap}",
                [*args, limit] if limit is not None else args,
            )
        ]
        if limit is None or len(rows) < limit:
            rest = [*args, limit - len(rows)] if limit is not None else args
            rows += [
                (n, s, e)
                for n, s, e in self._all_rows(f"{sql} WHERE {cond}date_start IS NULL ORDER BY n{cap}", rest)
            ]
        return rows

    def _phrase_rows(
        self, fld: str, form: str, tokens: tuple[str, ...], within: set[int] | None
    ) -> dict[int, int]:
        """Positions (among `within` when given) whose field holds the tokens as a phrase, as
        FTS5 reads both, with the field's count of words as the analyzer wrote them (the
        claims' `statement_words` or `quote_words`)."""
        phrase = fts_words(" ".join(tokens))
        if not phrase:
            return {}
        column = self._COLUMNS[fld, form]
        sql = (
            f"SELECT t.n, t.{column}, c.{fld}_words FROM claim_text AS t JOIN claims AS c ON c.n = t.n "
            f"WHERE (t.{column}_v @@ %s::tsquery OR (t.overflow AND t.{column}_v @@ %s::tsquery))"
        )
        args: list[Any] = [_phrase_query(phrase, "<->"), _phrase_query(phrase, "&")]
        if within is not None:
            sql += " AND t.n = ANY(%s)"
            args.append(sorted(within))
        return {n: size for n, text, size in self._all_rows(sql, args) if _instances(fts_words(text), phrase)}

    def close(self) -> None:
        self.conn.close()


def _records_loader() -> Callable[[str], dict[str, Any]]:
    loads = _loads()

    def load(doc: str) -> dict[str, Any]:
        out = loads(doc)
        if not isinstance(out, dict):
            raise ServerError(f"the index server holds a row that is not a record: {doc[:40]!r}")
        return out

    return load
