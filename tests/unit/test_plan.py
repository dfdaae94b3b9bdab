"""The query plan as the index contract: the SQLite backend runs any plan's words as words,
an error from a query surfaces instead of reading as "no claims match", and relevance's
weights live in one place. (That no module but the two backends writes SQL or FTS5 syntax is
checked with the other layout rules, in tests/contract/test_architecture.py.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import entity_record, source_record

from factcli import index, lexicon, link
from factcli.cli import main
from factcli.importer import build
from factcli.index.ways import MENTION_KINDS
from factcli.plan import Evidence, Filters, Match, Named, Plan, Term
from factcli.rank import RANKING, Ranking
from factcli.search import Query, find

PACKAGE = Path(__file__).resolve().parents[2] / "factcli"

QUOTES = [
    "Qatar and Russia met near Doha",
    "Russia or Turkey, not Qatar, bought it",
    "قطر وروسيا",
    "The statement says Russia",
]
STATEMENTS = [
    "Qatar and Russia met near Doha.",
    "Russia or Turkey, not Qatar, bought it.",
    "Qatar spoke.",
    "The statement says Russia.",
]


@pytest.fixture(scope="module")
def backend():
    records = [
        source_record("src-a", ". ".join(QUOTES) + "."),
        entity_record("qatar", "Qatar", aliases=["قطر"], metonyms=["Doha"]),
        entity_record("russia", "Russia"),
        entity_record("turkey", "Turkey"),
        *(
            {
                "subject": "qatar",
                "predicate": "discussed",
                "object": "russia",
                "statement": statement,
                "citation": {"source": "src-a", "quote": quote},
            }
            for statement, quote in zip(STATEMENTS, QUOTES, strict=True)
        ),
    ]
    ix = index.in_memory(build(records))
    yield ix
    ix.close()


def positions(backend, tokens: tuple[str, ...], filtered: bool) -> set[int]:
    """Where a term of these tokens (as written and as stems) meets a claim: without filters
    and with a filter that leaves every claim (looked up among the claims it leaves)."""
    filters = Filters(sources=frozenset({"src-a"})) if filtered else Filters()
    term = Term(" ".join(tokens), tokens, tokens)
    return {m.position for m in backend.run(Plan((term,), filters))}


# Tokens an FTS5 expression would read as syntax, each with the claims it finds as words:
# 1 "qatar and russia met near doha", 2 "russia or turkey not qatar bought it",
# 3 "qatar spoke" / "قطر وروسيا", 4 "the statement says russia".
QATAR = {1, 2, 3}
ADVERSARIAL = [
    (("NEAR",), {1}),
    (("near",), {1}),
    (("AND",), {1}),
    (("OR",), {2}),
    (("NOT",), {2}),
    (("russia", "OR", "turkey"), {2}),
    (("qatar", "AND", "russia"), {1}),
    (("NEAR(qatar",), set()),  # the words "near qatar", in that order: no claim has them
    (("NEAR(qatar", "russia)"), set()),
    (("qatar OR russia",), set()),
    (('qatar" OR "russia',), set()),
    (("statement:russia",), set()),  # not a column filter: "statement russia" is nowhere
    (("{statement}",), {4}),
    (("statement", ":", "russia"), set()),
    (("qat*",), set()),  # not a prefix: no claim has the word "qat"
    (("qatar*",), QATAR),
    (("-qatar",), QATAR),
    (("^qatar",), QATAR),
    (('"qatar"',), QATAR),
    (("(qatar)",), QATAR),
    (("Qatar",), QATAR),
    (('"',), set()),
    (('""',), set()),
    (("*",), set()),
    (("-",), set()),
    (("^",), set()),
    (("(",), set()),
    ((")",), set()),
    ((":",), set()),
    (("",), set()),
    (("", ""), set()),
    (("قطر",), {3}),
    (("قطر", "وروسيا"), {3}),
    (("وروسيا", "قطر"), set()),
]


@pytest.mark.parametrize(("tokens", "expected"), ADVERSARIAL, ids=[repr(t) for t, _ in ADVERSARIAL])
@pytest.mark.parametrize("filtered", [False, True], ids=["alone", "filtered"])
def test_any_token_is_searched_as_words(backend, tokens, expected, filtered):
    assert positions(backend, tokens, filtered) == expected


@pytest.mark.parametrize(
    "words", ["qatar", "russia", "qatar russia", "near", "قطر", "the statement"], ids=repr
)
def test_a_filter_decides_which_claims_pass_never_their_scores_or_order(backend, words):
    # The filter steps in first when it leaves fewer claims than the terms meet, last when
    # more: either way a claim scores what it scores alone.
    terms = tuple(
        Term(w, (w,), (w,), (Named("qatar", "alias"),) if w in ("qatar", "قطر") else ())
        for w in words.split()
    )
    alone = backend.run(Plan(terms))
    assert alone
    for filters in (Filters(sources=frozenset({"src-a"})), Filters(subjects=frozenset({"qatar"}))):
        assert backend.run(Plan(terms, filters)) == alone
    one = Filters(objects=frozenset({"russia"}), sources=frozenset({"src-a"}))
    assert backend.run(Plan(terms, one, limit=1)) == alone[:1]


def test_a_term_with_no_tokens_meets_nothing_by_its_text(backend):
    assert backend.run(Plan((Term("?"),))) == []
    assert backend.run(Plan((Term("?"),), Filters(sources=frozenset({"src-a"})))) == []


def test_search_passes_the_users_words_as_words(backend):
    def statements(words: str) -> set[str]:
        return {h.claim["statement"] for h in find(backend, Query(terms=[words])).hits}

    # Through the analyzer: what FTS5 would read as operators finds what the words find.
    # "AND" and "NOT" are stopwords, never required: the query is the word "near".
    assert statements('"near" AND NOT') == statements("near")
    assert statements("NEAR") == {STATEMENTS[0]}
    # Both words, not every claim with "russia" in its statement.
    assert statements("statement:russia") == {STATEMENTS[3]}


def test_the_plan_reports_how_each_term_met(backend):
    plan = Plan(
        (
            Term("near", ("near",), ("near",)),
            Term("Qatar", ("qatar",), ("qatar",), (Named("qatar", "alias"),)),
        )
    )
    (match,) = backend.run(plan)
    assert match.position == 1
    assert match.evidence == (Evidence("statement", "exact"), Evidence("subject", "alias"))
    assert match.score > RANKING.role["subject"] + RANKING.text["exact"]


def test_filters_alone_come_in_date_order_with_no_score(backend):
    found = backend.run(Plan(filters=Filters(subjects=frozenset({"qatar"})), limit=2))
    assert found == [Match(1), Match(2)]
    assert backend.run(Plan(filters=Filters(sources=frozenset()))) == []


def test_a_query_the_backend_cannot_run_raises(backend, monkeypatch):
    assert backend.run(Plan((Term("qatar", ("qatar",), ("qatar",)),)))
    # A query SQLite refuses (here a column the table lacks) is a bug: it surfaces, never
    # reads as "no claims match".
    monkeypatch.setitem(index.Index._COLUMNS, ("statement", "exact"), "no_such_column")
    with pytest.raises(sqlite3.OperationalError):
        backend.run(Plan((Term("qatar", ("qatar",), ("qatar",)),)))
    with pytest.raises(sqlite3.OperationalError):
        find(backend, Query(terms=["qatar"]))


def test_the_cli_reports_a_query_the_backend_cannot_run_as_an_internal_error(monkeypatch):
    monkeypatch.setitem(index.Index._COLUMNS, ("statement", "exact"), "no_such_column")
    result = CliRunner().invoke(main, ["--db", str(PACKAGE.parent / "facts.json"), "search", "missiles"])
    assert result.exit_code == 2
    assert "internal error: OperationalError" in result.output
    assert "No claims" not in result.output


def test_the_ranking_reaches_the_backend_through_the_plan(backend):
    term = (Term("Qatar", ("qatar",), ("qatar",), (Named("qatar", "alias"),)),)
    heavy = Ranking(role={"subject": 100.0, "object": 10.0, "speaker": 7.0, "via": 7.0})
    assert {m.score for m in backend.run(Plan(term))} == {RANKING.role["subject"]}
    assert {m.score for m in backend.run(Plan(term, ranking=heavy))} == {100.0}


def test_the_mention_weights_are_the_link_kinds_the_index_writes():
    kinds = {
        lexicon.ALIAS,
        lexicon.COMMON_WORD,
        lexicon.METONYM,
        link.STEM_LINK,
        link.TITLE_LINK,
        link.COUNTERPART_LINK,
        link.TOPIC_LINK,
    }
    assert set(RANKING.mention) == kinds
    assert set(MENTION_KINDS) == kinds
    assert set(RANKING.naming) == {
        "alias",
        "part",
        "stem",
        "synonym",
        "party",
        "link",
        "fuzzy",
        "holder",
        "state",
        "counterpart",
        "word",
    }
