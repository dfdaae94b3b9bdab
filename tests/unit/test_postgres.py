"""The shared index on PostgreSQL (`index/postgres.py`): a real server answers every search
as the local index does (the relevance suite, the dev evaluation queries, filters, orders,
words that are query syntax to either engine), syncs only what changed, and refuses what it
cannot read. The server is a throwaway cluster (`conftest.postgres_server`)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED, database, entity_record, source_record

from factcli import store
from factcli.importer import build
from factcli.index import in_memory
from factcli.index.postgres import ServerError, open_server, status, sync
from factcli.search import Query, count, find, parse_when, timeline

pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed (pip install -e '.[server]')")

DEV_QUERIES = ROOT / "benchmarks" / "eval" / "queries-dev.jsonl"


def _relevance_queries() -> list[list[str]]:
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "contract"))
    from test_relevance import CASES

    queries = [c.query for c in CASES] + [c.same_as for c in CASES if c.same_as]
    queries += [json.loads(line)["query"] for line in DEV_QUERIES.read_text(encoding="utf-8").splitlines()]
    return list({json.dumps(q, ensure_ascii=False): q for q in queries}.values())


def _shipped() -> store.Facts:
    return store.load(store.Location(SHIPPED, "--db"))


def _answer(index, query: Query):
    """All a search says: each hit's id, score, evidence and tie-breaks, in order, and the hints."""
    found = find(index, query)
    return [(h.claim["id"], h.score, list(h.why), h.own, h.ways, h.position) for h in found.hits], list(
        found.hints
    )


@pytest.fixture(scope="module")
def shipped_server(postgres_server):
    with database(postgres_server) as url:
        sync(url, _shipped())
        server = open_server(url)
        yield server
        server.close()


@pytest.fixture(scope="module")
def local():
    return in_memory(_shipped())


@pytest.mark.parametrize("words", _relevance_queries(), ids=lambda q: " ".join(q)[:40])
def test_the_server_answers_the_relevance_suite_as_the_local_index(shipped_server, local, words):
    assert _answer(shipped_server, Query(terms=words)) == _answer(local, Query(terms=words))
    assert count(shipped_server, Query(terms=words)) == count(local, Query(terms=words))


FILTERED = [
    Query(subject=["Qatar"]),
    Query(terms=["S-400"], subject=["Turkey"]),
    Query(terms=["Russia"], since=parse_when("2017"), until=parse_when("2018-06")),
    Query(terms=["صفقة"], source=["khaleej-2018-07-21"]),
    Query(predicate=["signed"], sort="date"),
    Query(terms=["Qatar"], sort="date", limit=7),
    Query(terms=["Qatar", "Russia"], limit=5),
    Query(speaker=["Shoigu"], include_retracted=True),
    Query(terms=["missiles"], object=["s-400"]),
    Query(terms=["air defence"], since=parse_when("2010")),
    Query(until=parse_when("2017"), limit=3),
]


@pytest.mark.parametrize("query", FILTERED, ids=repr)
def test_filters_orders_and_limits_are_the_local_index_s(shipped_server, local, query):
    assert _answer(shipped_server, query) == _answer(local, query)
    assert count(shipped_server, query) == count(local, query)
    assert [[h.claim["id"] for h in part] for part in timeline(shipped_server, query)] == [
        [h.claim["id"] for h in part] for part in timeline(local, query)
    ]


@pytest.mark.parametrize(
    "word",
    [
        "it's",
        "a'b",
        "\\",
        "x\\'y",
        "S-400:*",
        "<->",
        "a & b",
        "!qatar",
        "(russia)",
        "'",
        '"',
        "C:\\x",
        "::",
        "%s",
        "$1",
    ],
)
def test_words_that_are_query_syntax_are_words(shipped_server, local, word):
    assert _answer(shipped_server, Query(terms=[word])) == _answer(local, Query(terms=[word]))


def test_the_records_are_the_store_s(shipped_server, local):
    facts = _shipped()
    assert shipped_server.sources() == local.sources()
    assert shipped_server.entities() == local.entities()
    assert shipped_server.claim_ids() == [c["id"] for c in facts.claims]
    assert shipped_server.claim("c0001") == facts.claims[0]
    assert shipped_server.source_summary("khaleej-2018-07-21") == local.source_summary("khaleej-2018-07-21")
    whole = shipped_server.facts()
    assert (whole.sources, whole.entities, whole.claims, whole.meta) == (
        facts.sources,
        facts.entities,
        facts.claims,
        facts.meta,
    )
    assert shipped_server.name_keys() == local.name_keys()
    assert shipped_server.has_term("قطر") and not shipped_server.has_term("zzqx")


# --- syncing only what changed ---------------------------------------------------------


def _same_everywhere(url: str, facts: store.Facts) -> None:
    """The server now answers for `facts`: records, counts and searches."""
    server, local = open_server(url), in_memory(facts)
    try:
        assert server.sources() == local.sources()
        assert server.entities() == local.entities()
        assert server.claim_ids() == local.claim_ids()
        for words in (["S-400"], ["Qatar"], ["قطر"], ["Shoigu"], ["Kornet"], ["ambassador"], ["Tass"]):
            assert _answer(server, Query(terms=words)) == _answer(local, Query(terms=words)), words
            assert count(server, Query(terms=words)) == count(local, Query(terms=words)), words
        for cid in local.claim_ids():
            assert server.paragraph(cid) == local.paragraph(cid), cid
        assert _answer(server, Query(subject=["Qatar"], limit=20)) == _answer(
            local, Query(subject=["Qatar"], limit=20)
        )
    finally:
        server.close()


def _claims_of(facts: store.Facts, source: str) -> int:
    return sum(1 for c in facts.claims if c["citation"]["source"] == source)


def test_a_sync_writes_only_the_sources_that_changed(server_url):
    facts = _shipped()
    first = sync(server_url, facts)
    assert first.full and first.written == len(facts.sources) and first.claims == len(facts.claims)

    again = sync(server_url, facts)
    assert (again.full, again.written, again.claims, again.removed, again.moved) == (False, 0, 0, 0, 0)

    # A corrected statement: its source alone is analyzed again.
    edited = copy.deepcopy(facts)
    claim = edited.claims[10]
    claim["statement"] = "Kornet anti-tank missiles were discussed over tea."
    done = sync(server_url, edited)
    source = claim["citation"]["source"]
    assert (done.full, done.written, done.claims) == (False, 1, _claims_of(edited, source))
    _same_everywhere(server_url, edited)

    # A retraction changes counts: the source's and its entities' live claims.
    edited.claims[11]["retracted"] = {"date": "2024-01-01", "reason": "misread"}
    assert sync(server_url, edited).written == 1
    _same_everywhere(server_url, edited)


def test_a_removed_source_goes_and_the_claims_after_it_move(server_url):
    facts = _shipped()
    gone = facts.sources[0]["id"]
    # Who holds an office decides every claim's title and counterpart links, so a change to
    # it is a build anew (next test): here the source removed says nothing of it.
    facts.claims = [
        c
        for c in facts.claims
        if not (c["citation"]["source"] == gone and c["predicate"] == "holds_position")
    ]
    sync(server_url, facts)
    smaller = copy.deepcopy(facts)
    smaller.sources = [s for s in smaller.sources if s["id"] != gone]
    smaller.claims = [c for c in smaller.claims if c["citation"]["source"] != gone]
    done = sync(server_url, smaller)
    assert (done.written, done.removed, done.claims) == (0, 1, 0)
    assert done.moved == len(smaller.sources)  # every other source's claims now stand earlier
    _same_everywhere(server_url, smaller)


def test_who_holds_an_office_changed_links_every_claim_again(server_url):
    # Al Attiyah is Qatar's minister of state for defence by one holds_position claim;
    # claims elsewhere call him Shoigu's «نظيره» (counterpart links).
    facts = _shipped()
    sync(server_url, facts)
    changed = copy.deepcopy(facts)
    held = next(
        i
        for i, c in enumerate(changed.claims)
        if c["predicate"] == "holds_position" and c["subject"] == "khalid-al-attiyah"
    )
    changed.claims[held]["retracted"] = {"date": "2024-01-01", "reason": "misread"}
    done = sync(server_url, changed)
    assert done.full
    _same_everywhere(server_url, changed)
    server, local = open_server(server_url), in_memory(changed)
    try:
        for words in (["Attiyah", "نظيره"], ["نظيره", "الروسي"]):
            assert _answer(server, Query(terms=words)) == _answer(local, Query(terms=words)), words
    finally:
        server.close()


def test_a_new_source_is_written_alone(server_url):
    facts = _shipped()
    sync(server_url, facts)
    text = "قال وزير الدفاع الروسي سيرغي شويغو إن موسكو سلمت الدوحة صواريخ كورنيت."
    grown = build(
        [
            source_record("new-2024-01-01", text),
            {
                "subject": "russia",
                "predicate": "delivered",
                "object": "kornet",
                "statement": "Russia delivered Kornet missiles to Qatar.",
                "citation": {"source": "new-2024-01-01", "quote": text, "start": 0, "end": len(text)},
                "speaker": "sergei-shoigu",
            },
        ],
        copy.deepcopy(facts),
    )
    done = sync(server_url, grown)
    assert (done.full, done.written, done.claims, done.moved) == (False, 1, 1, 0)
    _same_everywhere(server_url, grown)


def test_a_changed_entity_links_every_claim_again(server_url):
    facts = _shipped()
    sync(server_url, facts)
    renamed = copy.deepcopy(facts)
    kornet = next(e for e in renamed.entities if e["id"] == "kornet")
    kornet["aliases"] = [*kornet.get("aliases", []), "tea"]
    renamed.claims[3]["statement"] = renamed.claims[3]["statement"] + " Over tea."
    done = sync(server_url, renamed)
    assert done.full and done.written == len(renamed.sources)
    _same_everywhere(server_url, renamed)
    server = open_server(server_url)
    try:
        assert renamed.claims[3]["id"] in [h.claim["id"] for h in find(server, Query(terms=["tea"])).hits]
    finally:
        server.close()


def test_text_postgresql_would_not_take_as_it_is(server_url):
    long_word = "ك" * 3000  # a lexeme beyond PostgreSQL's 2047 bytes
    many = " ".join(["قطر"] * 300)  # one word at more places than a tsvector keeps
    text = f"{long_word} وقالت قطر إنها تريد 'S-400' \\ نقطة. {many} روسيا"
    facts = build(
        [
            source_record("odd", text),
            entity_record("qatar", "Qatar", "country", name_ar="قطر"),
            {
                "subject": "qatar",
                "predicate": "negotiating_purchase",
                "statement": "Qatar wants the 'S-400' \\ system.",
                "citation": {"source": "odd", "quote": text, "start": 0, "end": len(text)},
            },
        ]
    )
    sync(server_url, facts)
    server, local = open_server(server_url), in_memory(facts)
    try:
        for words in ([long_word], ["قطر روسيا"], ["S-400"], ["'S-400'"], ["\\"], ["قطر"]):
            assert _answer(server, Query(terms=words)) == _answer(local, Query(terms=words))
        assert len(find(server, Query(terms=[long_word])).hits) == 1
        assert len(find(server, Query(terms=["قطر روسيا"])).hits) == 1  # the phrase at the end
    finally:
        server.close()


# --- refusals ----------------------------------------------------------------------------


def test_a_server_never_synced_is_refused(server_url):
    with pytest.raises(ServerError, match="holds no factcli index: run 'factcli server sync URL' first"):
        open_server(server_url)
    assert status(server_url)["exists"] is False


@pytest.mark.parametrize("key", ["analyzer", "index_schema", "lexicon", "server_schema"])
def test_a_server_synced_by_another_version_is_refused_then_rebuilt(server_url, key):
    import psycopg

    facts = _shipped()
    sync(server_url, facts)
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute("UPDATE factcli.meta SET value = 'other' WHERE key = %s", [key])
    with pytest.raises(ServerError, match=f"another version of factcli: {key} other"):
        open_server(server_url)
    assert status(server_url)["readable"] is False
    done = sync(server_url, facts)  # this version's sync builds it anew
    assert done.full and done.claims == len(facts.claims)
    open_server(server_url).close()


def test_a_failed_sync_leaves_the_index_as_it_was(server_url):
    facts = _shipped()
    sync(server_url, facts)
    broken = copy.deepcopy(facts)
    broken.claims[0]["statement"] = "Qatar \ud800 bought"  # not Unicode: the server cannot hold it
    broken.claims[5]["statement"] = "changed too"
    with pytest.raises(ServerError, match="unpaired surrogate"):
        sync(server_url, broken)
    _same_everywhere(server_url, facts)


@pytest.mark.parametrize(
    "url, message",
    [
        (
            "postgresql://factcli@/nowhere?host=/nonexistent-socket-dir",
            "cannot reach the index server nowhere",
        ),
        ("not a url at all", "not a PostgreSQL URL"),
    ],
)
def test_a_server_that_cannot_be_reached_is_one_line(url, message):
    with pytest.raises(ServerError, match=message) as caught:
        open_server(url)
    assert "\n" not in str(caught.value)


def test_the_server_name_shown_has_no_password():
    from factcli.index.postgres import where

    assert where("postgresql://ann:s3cret@db.example:5433/facts") == "facts on db.example:5433"
    assert "s3cret" not in where("host=db.example dbname=facts password=s3cret")


def test_a_store_path_is_recorded_as_given(server_url):
    sync(server_url, _shipped(), label=str(Path("team/facts.json")))
    assert status(server_url)["store"] == "team/facts.json"


def _waiting(url: str, n: int) -> None:
    """Until `n` sessions wait for a lock on the server (bounded: ten seconds)."""
    import time

    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for _ in range(200):
            if conn.execute("SELECT count(*) FROM pg_locks WHERE NOT granted").fetchone()[0] >= n:
                return
            time.sleep(0.05)
    raise AssertionError(f"no {n} sessions waiting for a lock")


def test_readers_see_the_index_before_or_after_a_rebuild_whole(server_url):
    from concurrent.futures import ThreadPoolExecutor

    facts = _shipped()
    sync(server_url, facts)
    smaller = copy.deepcopy(facts)
    gone = smaller.sources[-1]["id"]
    smaller.sources = smaller.sources[:-1]
    smaller.claims = [c for c in smaller.claims if c["citation"]["source"] != gone]
    query = Query(terms=["Qatar"])
    early = open_server(server_url)
    before = _answer(early, query)
    with ThreadPoolExecutor(2) as pool:
        rebuilt = pool.submit(sync, server_url, smaller, full=True)
        _waiting(server_url, 1)  # the swap waits for the reader that holds the old index
        late = pool.submit(lambda: _answer(open_server(server_url), query))
        _waiting(server_url, 2)  # a reader that comes meanwhile waits for the swap
        assert _answer(early, query) == before  # the early reader's index is whole
        early.close()
        assert rebuilt.result(timeout=60).full
        assert late.result(timeout=60) == _answer(in_memory(smaller), query) != before


def test_a_folder_s_sync_reads_only_the_sources_whose_files_changed(server_url, tmp_path, monkeypatch):
    from conftest import factcli

    from factcli.convert import convert
    from factcli.store import directory

    folder = tmp_path / "desk"
    convert(store.Location(SHIPPED, "--db"), folder)

    def as_synced() -> store.Facts:
        facts = store.load(store.Location(folder, "--db"))
        facts.positions = None  # the server numbers claims in store order
        return facts

    first = sync(server_url, None, folder=folder)
    assert first.full and first.written == len(as_synced().sources)
    _same_everywhere(server_url, as_synced())
    read: list[str] = []
    real = directory.read_document

    def reading(root, rel, journal, missing_ok):
        read.append(rel)
        return real(root, rel, journal, missing_ok)

    monkeypatch.setattr(directory, "read_document", reading)
    again = sync(server_url, None, folder=folder)
    assert (again.full, again.written, again.claims) == (False, 0, 0)
    assert not [r for r in read if r.startswith(("sources/", "claims/"))]
    # A claim corrected: its source's files alone are read, and its claims alone analyzed.
    claim = as_synced().claims[10]
    source = claim["citation"]["source"]
    factcli(
        "--db", str(folder), "edit", claim["id"], "--modality", "planned", "--reason", "later", "--yes"
    ).ok()
    now = as_synced()
    read.clear()
    done = sync(server_url, None, folder=folder)
    assert sorted({r for r in read if "/" in r}) == [f"claims/{source}.jsonl", f"sources/{source}.json"]
    assert (done.full, done.written, done.claims) == (False, 1, _claims_of(now, source))
    _same_everywhere(server_url, as_synced())
    # A new entity links every claim again: all of it is read and written anew.
    part = tmp_path / "part.jsonl"
    part.write_text(json.dumps(entity_record("tass", "TASS", "organization", aliases=["تاس"])) + "\n")
    factcli("--db", str(folder), "import", str(part)).ok()
    assert sync(server_url, None, folder=folder).full
    _same_everywhere(server_url, as_synced())


def test_a_folder_with_a_claim_in_another_source_s_file_syncs_as_the_whole_store_reads(server_url, tmp_path):
    from factcli.convert import convert

    folder = tmp_path / "desk"
    convert(store.Location(SHIPPED, "--db"), folder)
    sync(server_url, None, folder=folder)
    # A claim moved by hand to the end of another source's claims file: the folder's reader
    # places it there, so the server must too (the source-by-source sync gives way to it).
    ids = (folder / "sources.txt").read_text().split()
    first, second = folder / "claims" / f"{ids[0]}.jsonl", folder / "claims" / f"{ids[1]}.jsonl"
    lines = first.read_text(encoding="utf-8").splitlines()
    first.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")
    second.write_text(second.read_text(encoding="utf-8") + lines[0] + "\n", encoding="utf-8")
    done = sync(server_url, None, folder=folder)
    assert done.written >= 2
    facts = store.load(store.Location(folder, "--db"))
    facts.positions = None  # the server numbers claims in store order
    _same_everywhere(server_url, facts)
    # The files' stamps and digests kept for the next sync are those a sync anew records.
    import psycopg

    def files() -> list[tuple]:
        with psycopg.connect(server_url) as conn:
            return list(conn.execute("SELECT rel, stamp, digest FROM factcli.files ORDER BY rel"))

    kept = files()
    assert sync(server_url, None, folder=folder, full=True).full
    assert kept == files()


def test_a_source_removed_from_a_folder_takes_its_office_holders_with_it(server_url, tmp_path):
    from factcli.convert import convert

    folder = tmp_path / "desk"
    convert(store.Location(SHIPPED, "--db"), folder)
    sync(server_url, None, folder=folder)
    # The one source that says who directs Rosoboronexport (and two more offices), removed by
    # hand: who holds an office changed, which decides every claim's links, so the server's
    # index is built anew (were the removed source's holders still counted, it would not be).
    gone = "unknown-s400-turkey-2021"
    listed = (folder / "sources.txt").read_text().split()
    assert gone in listed
    (folder / "sources.txt").write_text("".join(f"{s}\n" for s in listed if s != gone))
    (folder / "sources" / f"{gone}.json").unlink()
    (folder / "claims" / f"{gone}.jsonl").unlink()
    assert sync(server_url, None, folder=folder).full
    facts = store.load(store.Location(folder, "--db"))
    facts.positions = None  # the server numbers claims in store order
    _same_everywhere(server_url, facts)


def test_a_folder_damaged_by_hand_is_refused_by_the_sync_as_by_a_read(server_url, tmp_path):
    from conftest import factcli

    from factcli.convert import convert

    folder = tmp_path / "desk"
    convert(store.Location(SHIPPED, "--db"), folder)
    factcli("--db", str(folder), "server", "sync", server_url).ok()
    synced = store.load(store.Location(folder, "--db"))
    synced.positions = None  # the server numbers claims in store order
    # One claim's statement made a number by hand, in its source's claims file: the next
    # sync reads that source again, and refuses it as a search of the folder does.
    claim = synced.claims[10]
    path = folder / "claims" / f"{claim['citation']['source']}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if json.loads(line)["id"] == claim["id"])
    lines[at] = json.dumps({**json.loads(lines[at]), "statement": 42}, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = factcli("--db", str(folder), "search", "Qatar")
    synced_again = factcli("--db", str(folder), "server", "sync", server_url)
    for ran in (read, synced_again):
        assert ran.exit_code == 2
        assert len(ran.stderr.strip().splitlines()) == 1 and "Traceback" not in ran.stderr
        assert claim["id"] in ran.stderr
    _same_everywhere(server_url, synced)  # nothing of the damaged source was written
