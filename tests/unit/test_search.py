"""Tests for factcli.search: spellings, stems, entities, filters, ranking, timeline, hints.

The shipped store is still being curated, so tests over it assert on sets of claims and on
source ids, never on particular claim ids. Exact orderings and counts are checked on small
synthetic stores built through the importer, in memory and as a JSON file.
"""

from __future__ import annotations

import datetime
import json

import pytest
from conftest import entity_record, source_record
from hypothesis import given, settings
from hypothesis import strategies as st

from factcli import store
from factcli.errors import DateError, InputError
from factcli.importer import build, import_records
from factcli.index import in_memory
from factcli.normalize import normalize
from factcli.search import (
    Hit,
    Query,
    count,
    entity_rows,
    find,
    parse_when,
    resolve_entities,
    resolve_sources,
    search,
    suggestions,
    tie_reasons,
    timeline,
)

NBSP = "\u00a0"
ZWNJ = "\u200c"
TATWEEL = "\u0640"
HARAKAT = [chr(c) for c in range(0x064B, 0x0653)]
HAMZA_ALEFS = ["أ", "إ", "آ"]


def ids(facts: store.Facts, *terms: str, **filters) -> set[str]:
    return {h.claim["id"] for h in search(facts, Query(terms=list(terms), **filters))}


def sources_of(facts: store.Facts, claim_ids: set[str]) -> set[str]:
    return {facts.claim(c)["citation"]["source"] for c in claim_ids}


def texts(claim: dict) -> str:
    """The claim's statement and quote, normalized, as one string (for token tests)."""
    return normalize(claim["statement"]) + " | " + normalize(claim["citation"]["quote"])


def quote_text(claim: dict) -> str:
    return normalize(claim["citation"]["quote"])


def kinds(hit: Hit) -> list[str]:
    return [t["kind"] for t in hit.why]


# --- spellings on the shipped store -----------------------------------------------------

S400_SPELLINGS = [
    "S-400",
    "s400",
    "S 400",
    "s-400",
    "إس-400",
    "اس 400",
    "إس٤٠٠",
    "«إس-400»",
    "إس 400",
    f"إ{TATWEEL}س-400",  # tatweel
    "إِسْ-٤٠٠",  # harakat and Arabic-Indic digits
    f"S{NBSP}400",
]
S400_SOURCES = {"khaleej-2018-07-21", "unknown-qatar-ambassador-interview", "unknown-s400-turkey-2021"}


@pytest.fixture(scope="module")
def s400(shipped) -> set[str]:
    found = ids(shipped, "S-400")
    assert found
    return found


@pytest.mark.parametrize("spelling", S400_SPELLINGS)
def test_every_spelling_of_s400_finds_the_same_claims(shipped, s400, spelling):
    assert ids(shipped, spelling) == s400


def test_s400_claims_cover_every_source_that_mentions_it(shipped, s400):
    assert sources_of(shipped, s400) >= S400_SOURCES
    mentioning = {s["id"] for s in shipped.sources if " 400 " in f" {normalize(s['text'])} "}
    assert sources_of(shipped, s400) >= mentioning


ROSOBORONEXPORT_SPELLINGS = [
    "Rosoboronexport",
    "ROSOBORONEXPORT",
    "روسوبورون إكسبورت",
    "روس أوبورون إيكسبورت",
    "روس اوبورون ايكسبورت",
    f"روسو{ZWNJ}بورون إكسبورت",
    f"روسوبـورون{NBSP}إكسبـورت",
]


@pytest.mark.parametrize("spelling", ROSOBORONEXPORT_SPELLINGS)
def test_every_spelling_of_rosoboronexport_finds_the_same_claims(shipped, spelling):
    expected = ids(shipped, "Rosoboronexport")
    assert expected
    assert ids(shipped, spelling) == expected
    assert sources_of(shipped, expected) >= {"unknown-2017-10-25-shoigu-doha", "unknown-s400-turkey-2021"}


def test_latin_name_finds_a_quote_written_only_in_arabic(shipped):
    # The quote spells the agency روس أوبورون إيكسبورت; only the entity's aliases link it.
    hits = search(shipped, Query(terms=["Rosoboronexport"]))
    arabic_only = [
        h
        for h in hits
        if "روس اوبورون ايكسبورت" in quote_text(h.claim) and "rosoboronexport" not in texts(h.claim)
    ]
    for hit in arabic_only:
        assert kinds(hit) == ["alias"]
        assert hit.why[0]["field"] in ("subject", "object", "speaker", "via", "mention")


@pytest.mark.parametrize(
    "variants",
    [
        ["أمير قطر", "امير قطر", "إمير قطر", "آمير قطر"],
        ["قطر", "قـطـر", "قَطَر", "ﻗﻄﺮ"],  # tatweel, harakat, presentation forms
        ["أمير قطر", f"أمير{NBSP}قطر", f"أمير{ZWNJ} قطر", f"أ{ZWNJ}مير قطر", " أمير  قطر\t"],
        ["8.6", "٨٫٦", "۸.۶"],
    ],
    ids=["hamza", "tatweel", "spaces", "digits"],
)
def test_spelling_variants_find_identical_claims(shipped, variants):
    expected = ids(shipped, variants[0])
    assert expected
    for variant in variants[1:]:
        assert ids(shipped, variant) == expected, variant


def test_a_number_finds_the_claims_that_state_it(shipped):
    found = ids(shipped, "٨٫٦")
    assert found == {c["id"] for c in shipped.claims if "8.6" in texts(c).split()}


def test_a_term_that_normalizes_to_nothing_finds_nothing(shipped):
    assert search(shipped, Query(terms=["«»"])) == []
    assert search(shipped, Query(terms=["S-400", "—"])) == []


# --- stems, entities, ranking ----------------------------------------------------------


def test_stems_reach_adjectives_and_results_come_best_first(shipped):
    hits = search(shipped, Query(terms=["روسيا"]))
    adjective_only = {
        c["id"] for c in shipped.claims if "روسيا" not in texts(c).split() and "الروسيه" in texts(c).split()
    }
    assert adjective_only
    by_id = {h.claim["id"]: h for h in hits}
    assert adjective_only <= set(by_id)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    # Claims about Russia (subject or object) come before those that only name it.
    about = [h for h in hits if h.why[0]["field"] in ("subject", "object")]
    assert about and hits[: len(about)] == about


def test_terms_are_anded(shipped, s400):
    turkey = ids(shipped, "Turkey")
    both = ids(shipped, "S-400", "Turkey")
    assert both == s400 & turkey
    assert both and both < s400
    assert ids(shipped, "S-400", "zzzyzzx") == set()


def test_each_term_says_how_it_matched(shipped):
    for hit in search(shipped, Query(terms=["S-400", "تركيا"])):
        assert [t["term"] for t in hit.why] == ["s 400", "تركيا"]  # terms as analyzed
        # `topic`: c0205 is about the S-400 contract, whose name names Turkey.
        assert all(t["kind"] in ("exact", "stem", "alias", "fuzzy", "link", "topic") for t in hit.why)


def test_doha_means_doha_not_every_claim_about_qatar(shipped):
    qatar = shipped.entity("qatar")
    assert "Doha" in qatar["metonyms"], "the test assumes Doha is a metonym of qatar"
    hits = {h.claim["id"] for h in search(shipped, Query(terms=["Doha"]))}
    silent = [
        c["id"]
        for c in shipped.claims
        if c["subject"] == "qatar" and not {"doha", "الدوحه", "للدوحه", "والدوحه"} & set(texts(c).split())
    ]
    assert silent
    assert not hits & set(silent)


def test_a_proclitic_on_a_name_still_names_the_entity(shipped):
    assert resolve_entities(shipped, ["لقطر"], "subject") == {"qatar"}
    assert resolve_entities(shipped, ["والدوحة"], "subject") == resolve_entities(
        shipped, ["الدوحة"], "subject"
    )


def test_stale_stored_keys_of_a_version_1_claim_are_ignored(shipped, s400):
    claim = shipped.claim(min(s400))
    stale = {**claim, "keys": {"text": ["zzz", "zzz"], "stems": []}}
    facts = store.Facts(None, shipped.sources, shipped.entities, [stale])
    assert [h.claim["id"] for h in search(facts, Query(terms=["S-400"]))] == [claim["id"]]
    assert search(facts, Query(terms=["zzz"])) == []


def test_no_terms_and_no_filters_give_every_claim(shipped):
    hits = search(shipped, Query())
    assert {h.claim["id"] for h in hits} == {c["id"] for c in shipped.claims}
    assert all(isinstance(h, Hit) and h.score == 0 and h.why == [] for h in hits)


# --- hypothesis: noise inside the words of a stored quote --------------------------------


def _arabic_quotes(facts: store.Facts) -> list[dict]:
    return [c for c in facts.claims if any("\u0621" <= ch <= "\u064a" for ch in c["citation"]["quote"])]


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


# Built once: a strategy made inside a draw is built and checked again for every example,
# which cost more than the searches. A position is taken modulo the number of choices.
_ANY_POSITION = st.integers(min_value=0, max_value=255)
_OPENING_WORDS = st.integers(3, 4)
_EDITS = st.lists(st.tuples(_ANY_POSITION, st.sampled_from(["haraka", "tatweel", "alef"])), max_size=4)
_HARAKA = st.sampled_from(HARAKAT)
_HAMZA_ALEF = st.sampled_from(HAMZA_ALEFS)


@st.composite
def noisy_opening(draw, claims):
    """The first 3-4 words of a quote, with harakat, tatweel or hamza-alefs put inside its Arabic words."""
    claim = claims[draw(_ANY_POSITION) % len(claims)]
    words = claim["citation"]["quote"].split()[: draw(_OPENING_WORDS)]
    noisy = []
    for word in words:
        chars = list(word)
        letters = [i for i, ch in enumerate(chars) if _is_arabic_letter(ch)]
        if letters:
            edits = [(letters[at % len(letters)], kind) for at, kind in draw(_EDITS)]
            # Right to left, so earlier positions stay valid after an insertion.
            for i, kind in sorted(edits, reverse=True):
                if kind == "haraka":
                    chars.insert(i + 1, draw(_HARAKA))
                elif kind == "tatweel" and i + 1 < len(chars):
                    chars.insert(i + 1, TATWEEL)
                elif kind == "alef" and chars[i] == "ا":
                    chars[i] = draw(_HAMZA_ALEF)
        noisy.append("".join(chars))
    return claim["id"], " ".join(noisy)


@pytest.fixture(scope="module")
def arabic_claims(shipped) -> list[dict]:
    return _arabic_quotes(shipped)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_noise_inside_arabic_words_still_finds_the_quote(shipped, arabic_claims, data):
    claim_id, query = data.draw(noisy_opening(arabic_claims))
    hits = {h.claim["id"]: h for h in search(shipped, Query(terms=[query]))}
    assert claim_id in hits, query


# --- a synthetic store for filters, dates, timeline and counts ---------------------------

TEXT_A = (
    "Qatar signed a deal with Russia on 25 October 2017. Turkey bought the S-400 in 2019. "
    "Putin phoned Tamim in November 2017. The talks on the S-400 made no progress. "
    "In October 2017 Qatar hosted a conference. On 30 September 2017 Tamim visited Moscow. "
    "During 2017 Qatar cooperated with Russia."
)
TEXT_B = "وقعت الدوحة اتفاقية مع موسكو في أكتوبر 2017. وأكد أمير قطر أن العلاقات الروسية القطرية قوية."


def _day(iso: str) -> dict:
    return {"start": iso, "end": iso, "precision": "day", "text": iso}


def _month(ym: str) -> dict:
    first = datetime.date.fromisoformat(ym + "-01")
    last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    return {"start": first.isoformat(), "end": last.isoformat(), "precision": "month", "text": ym}


def _year(y: str) -> dict:
    return {"start": f"{y}-01-01", "end": f"{y}-12-31", "precision": "year", "text": y}


def _claim(cid, source, quote, subject, predicate, obj, statement, date=None, **extra) -> dict:
    return {
        "id": cid,
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "date": date,
        "statement": statement,
        "citation": {"source": source, "quote": quote},
        **extra,
    }


def _records() -> list[dict]:
    person = "person"
    return [
        source_record("src-a", TEXT_A, outlet="Gulf Times", credited=["Reuters (photo)"]),
        source_record("src-b", TEXT_B, outlet="Al Khaleej (الخليج)", credited=["QNA (قنا)"]),
        entity_record("qatar", "Qatar", aliases=["قطر", "State of Qatar"], metonyms=["الدوحة", "Doha"]),
        entity_record("russia", "Russia", aliases=["روسيا"], metonyms=["موسكو", "Moscow"]),
        entity_record("turkey", "Turkey", aliases=["تركيا", "Ankara"]),
        entity_record("s-400", "S-400", "weapon_system", aliases=["إس-400", "S400"]),
        entity_record("putin", "Vladimir Putin", person, aliases=["Putin", "بوتين"]),
        entity_record("tamim", "Tamim bin Hamad", person, aliases=["Tamim", "أمير قطر", "Emir of Qatar"]),
        entity_record("reuters", "Reuters", "organization", aliases=["رويترز", "Thomson Reuters"]),
        entity_record("qna", "Qatar News Agency", "organization", aliases=["QNA", "قنا"]),
        _claim(
            "c0001",
            "src-a",
            "Qatar signed a deal with Russia on 25 October 2017",
            "qatar",
            "signed",
            "russia",
            "Qatar signed a deal with Russia.",
            _day("2017-10-25"),
        ),
        _claim(
            "c0002",
            "src-a",
            "Turkey bought the S-400 in 2019",
            "turkey",
            "purchased",
            "s-400",
            "Turkey bought the S-400.",
            _year("2019"),
        ),
        _claim(
            "c0003",
            "src-a",
            "Putin phoned Tamim in November 2017",
            "putin",
            "phoned",
            "tamim",
            "Putin phoned Tamim.",
            _month("2017-11"),
            via="reuters",
        ),
        _claim(
            "c0004",
            "src-a",
            "The talks on the S-400 made no progress",
            "qatar",
            "made_progress_on",
            "s-400",
            "Qatar made no progress on the S-400.",
            polarity="negated",
        ),
        _claim(
            "c0005",
            "src-a",
            "In October 2017 Qatar hosted a conference",
            "qatar",
            "hosts",
            None,
            "Qatar hosted a conference.",
            _month("2017-10"),
        ),
        _claim(
            "c0006",
            "src-a",
            "On 30 September 2017 Tamim visited Moscow",
            "tamim",
            "visited",
            "russia",
            "Tamim visited Moscow.",
            _day("2017-09-30"),
        ),
        _claim(
            "c0007",
            "src-a",
            "During 2017 Qatar cooperated with Russia",
            "qatar",
            "cooperates_with",
            "russia",
            "Qatar cooperated with Russia.",
            _year("2017"),
        ),
        _claim(
            "c0008",
            "src-b",
            "وقعت الدوحة اتفاقية مع موسكو في أكتوبر 2017",
            "qatar",
            "signed",
            "russia",
            "Qatar signed an agreement with Russia.",
            _month("2017-10"),
            via="qna",
        ),
        _claim(
            "c0009",
            "src-b",
            "وأكد أمير قطر أن العلاقات الروسية القطرية قوية",
            "tamim",
            "praised",
            "russia",
            "The Emir of Qatar said relations with Russia are strong.",
            speaker="tamim",
        ),
    ]


@pytest.fixture(scope="module", params=["memory", "json"])
def facts(request, tmp_path_factory) -> store.Facts:
    """The synthetic store, built once per module in memory and once written to and re-read
    from a file (as conftest's make_facts does): the tests only read it."""
    if request.param == "memory":
        return build(_records())
    folder = tmp_path_factory.mktemp("search-facts")
    with pytest.MonkeyPatch.context() as mp:  # the autouse cache fixture is per test: not yet set
        mp.setenv("FACTCLI_CACHE", str(tmp_path_factory.getbasetemp() / "factcli-cache"))
        location = store.Location(folder / "facts.json", "--db")
        import_records(location, _records(), create=True)
        return store.load(location)


@pytest.mark.parametrize(
    "option, names, expected",
    [
        ("subject", ["Doha"], {"c0001", "c0004", "c0005", "c0007", "c0008"}),
        ("subject", ["قطر"], {"c0001", "c0004", "c0005", "c0007", "c0008"}),
        ("subject", ["qatar"], {"c0001", "c0004", "c0005", "c0007", "c0008"}),
        (
            "subject",
            ["Qatar", "Emir of Qatar"],
            {"c0001", "c0004", "c0005", "c0006", "c0007", "c0008", "c0009"},
        ),
        ("object", ["Moscow"], {"c0001", "c0006", "c0007", "c0008", "c0009"}),
        ("object", ["إس-400"], {"c0002", "c0004"}),
        ("speaker", ["أمير قطر"], {"c0009"}),
        ("speaker", ["امير قطر"], {"c0009"}),
    ],
)
def test_entity_filters_take_any_name(facts, option, names, expected):
    assert ids(facts, **{option: names}) == expected


def test_predicate_filter(facts):
    assert ids(facts, predicate=["signed"]) == {"c0001", "c0008"}
    assert ids(facts, predicate=["Signed", "phoned"]) == {"c0001", "c0003", "c0008"}
    with pytest.raises(InputError, match="unknown predicate 'signd'.*'signed'"):
        search(facts, Query(predicate=["signd"]))


@pytest.mark.parametrize(
    "ref, expected",
    [
        ("src-b", {"src-b"}),
        ("Gulf Times", {"src-a"}),
        ("gulf  TIMES", {"src-a"}),
        ("Al Khaleej", {"src-b"}),
        ("الخليج", {"src-b"}),
        ("Al Khaleej (الخليج)", {"src-b"}),
        ("Reuters", {"src-a"}),
        ("Thomson Reuters", {"src-a"}),  # an alias of the credited agency's entity
        ("رويترز", {"src-a"}),
        ("QNA", {"src-b"}),
        ("قنا", {"src-b"}),
        ("Qatar News Agency", {"src-b"}),
    ],
)
def test_resolve_sources(facts, ref, expected):
    assert resolve_sources(facts, [ref]) == expected


def test_source_filter(facts):
    assert ids(facts, source=["src-b"]) == {"c0008", "c0009"}
    assert ids(facts, source=["قنا"]) == {"c0008", "c0009"}
    assert ids(facts, source=["src-b", "Gulf Times"]) == {f"c000{i}" for i in range(1, 10)}
    assert ids(facts, "S-400", source=["Reuters"]) == {"c0002", "c0004"}


def test_unknown_source_suggests_the_nearest(facts):
    with pytest.raises(InputError, match="unknown source 'Gulf Tims'; did you mean 'Gulf Times'"):
        resolve_sources(facts, ["Gulf Tims"])


def test_unknown_entity_suggests_the_nearest(facts):
    with pytest.raises(InputError, match=r"unknown entity 'Qatr' for --subject; did you mean 'Qatar'"):
        search(facts, Query(subject=["Qatr"]))
    with pytest.raises(InputError, match="for --speaker"):
        resolve_entities(facts, ["Nobody At All"], "speaker")


OCTOBER_2017 = [
    "2017-10",
    "Oct 2017",
    "October 2017",
    "أكتوبر 2017",
    "تشرين الأول 2017",
    "أكتوبر/تشرين الأول 2017",
]


@pytest.mark.parametrize("when", OCTOBER_2017)
def test_dates_in_every_language_select_the_same_window(facts, when):
    span = parse_when(when)
    # Overlap: the day, the month itself and the whole year 2017 all touch October 2017.
    assert ids(facts, since=span, until=span) == {"c0001", "c0005", "c0007", "c0008"}


@pytest.mark.parametrize(
    "since, until, expected",
    [
        ("2017-10-25", "2017-10-25", {"c0001", "c0005", "c0007", "c0008"}),
        ("2017-10-26", None, {"c0002", "c0003", "c0005", "c0007", "c0008"}),
        (None, "2017-10-24", {"c0005", "c0006", "c0007", "c0008"}),
        ("2017-11-01", None, {"c0002", "c0003", "c0007"}),
        (None, "2017-09-30", {"c0006", "c0007"}),
        ("2017-12-31", "2018-12-31", {"c0007"}),
        ("2018", "2018", set()),
        ("2019-12-31", None, {"c0002"}),
        ("2000", None, {"c0001", "c0002", "c0003", "c0005", "c0006", "c0007", "c0008"}),
    ],
)
def test_date_window_edges_and_undated(facts, since, until, expected):
    query = Query(since=parse_when(since) if since else None, until=parse_when(until) if until else None)
    assert {h.claim["id"] for h in search(facts, query)} == expected


def test_undated_claims_are_excluded_by_any_date_filter(facts):
    everything = ids(facts)
    assert {"c0004", "c0009"} <= everything
    assert not {"c0004", "c0009"} & ids(facts, since=parse_when("1900"))
    assert not {"c0004", "c0009"} & ids(facts, until=parse_when("2100"))


def test_since_after_until_is_an_input_error(facts):
    with pytest.raises(InputError, match="--since"):
        search(facts, Query(since=parse_when("2019"), until=parse_when("2018")))


def test_parse_when_refuses_nonsense():
    with pytest.raises(DateError):
        parse_when("the day after the war")
    assert parse_when("2017-10-25").precision == "day"


def test_ranking_and_limit(facts):
    # الدوحة stands for Qatar only in c0008's quote: the metonym finds that claim, not
    # every claim about Qatar.
    hits = search(facts, Query(terms=["الدوحة"]))
    assert [h.claim["id"] for h in hits] == ["c0008"]
    assert hits[0].why == [{"term": "الدوحه", "field": "mention", "kind": "link"}]
    # Subject Qatar first; among them the claims met in more ways (statement, quote and
    # name: c0001, c0005, c0007, by claim id, whatever their dates) before c0008 (its quote
    # says الدوحة) and c0004 (its quote does not name Qatar); then c0009, which only names
    # Qatar ("Emir of Qatar").
    assert [h.claim["id"] for h in search(facts, Query(terms=["Qatar"]))] == [
        "c0001",
        "c0005",
        "c0007",
        "c0008",
        "c0004",
        "c0009",
    ]
    limited = search(facts, Query(terms=["Qatar"], limit=2))
    assert [h.claim["id"] for h in limited] == ["c0001", "c0005"]
    with pytest.raises(InputError):
        search(facts, Query(limit=0))


def test_arabic_adjective_text_and_stem_link(facts):
    # الروسية ("Russian") is a word of c0009's quote and, through its stem, a form of the name
    # روسيا: it finds the claims about Russia, c0009 among them, each as a stem match.
    hits = search(facts, Query(terms=["الروسية"]))
    assert {h.claim["id"] for h in hits} == {"c0001", "c0006", "c0007", "c0008", "c0009"}
    assert all(kinds(h) == ["stem"] and h.why[0]["field"] == "object" for h in hits)
    # Moscow, a metonym, finds the claims whose words use it: c0006 (Moscow) and c0008 (موسكو).
    assert [h.claim["id"] for h in search(facts, Query(terms=["Moscow"]))] == ["c0006", "c0008"]


def test_timeline_orders_by_date_then_id_and_splits_undated(facts):
    dated, undated = timeline(facts, Query())
    assert [h.claim["id"] for h in dated] == ["c0007", "c0006", "c0005", "c0008", "c0001", "c0003", "c0002"]
    assert [h.claim["id"] for h in undated] == ["c0004", "c0009"]
    dated, undated = timeline(facts, Query(terms=["S-400"]))
    assert [h.claim["id"] for h in dated] == ["c0002"]
    assert [h.claim["id"] for h in undated] == ["c0004"]
    dated, undated = timeline(facts, Query(limit=8))
    assert len(dated) == 7 and len(undated) == 1
    year = parse_when("2017")
    dated, undated = timeline(facts, Query(since=year, until=year))
    assert undated == [] and "c0002" not in {h.claim["id"] for h in dated} and len(dated) == 6


def test_entity_rows_count_claims_and_sort(facts):
    rows = entity_rows(facts, [])
    counts = {r["id"]: r["claims"] for r in rows}
    assert counts == {
        "qatar": 5,
        "russia": 5,
        "tamim": 3,
        "s-400": 2,
        "putin": 1,
        "turkey": 1,
        "reuters": 0,
        "qna": 0,
    }
    # The agency a claim came through names it, as a mention does: `named`, not `claims`.
    named = {r["id"]: r["named"] for r in rows}
    assert named["reuters"] == named["qna"] == 1
    assert all(named[e] >= counts[e] for e in counts)
    assert [r["id"] for r in rows][:3] == ["qatar", "russia", "tamim"]
    assert [r["id"] for r in rows][-4:] == ["turkey", "putin", "qna", "reuters"]
    assert rows[0]["aliases"] == ["قطر", "State of Qatar"]
    assert rows[0]["metonyms"] == ["الدوحة", "Doha"]


@pytest.mark.parametrize(
    "terms, expected",
    [
        (["روس"], {"russia"}),
        (["Tam"], {"tamim"}),
        (["امير"], {"tamim"}),
        (["qatar"], {"qatar", "tamim", "qna"}),
        (["qatar", "news"], {"qna"}),
        (["S400"], {"s-400"}),
        (["zzz"], set()),
    ],
)
def test_entity_rows_match_any_alias(facts, terms, expected):
    assert {r["id"] for r in entity_rows(facts, terms)} == expected


def test_entity_rows_on_the_shipped_store(shipped):
    rows = entity_rows(shipped, ["روسوبورون"])
    assert rows[0]["id"] == "rosoboronexport"
    assert rows[0]["claims"] == sum(
        1 for c in shipped.claims if "rosoboronexport" in {c["subject"], c["object"], c["speaker"]}
    )


def test_an_entitys_claims_are_what_the_role_filters_find_and_named_what_names_it(shipped):
    # issue 23: `entities` said Syria had 0 claims while `search Syria` found 12. `claims`
    # counts what --subject, --object and --speaker find; `named` the claims naming it.
    index = in_memory(shipped)
    for row in entity_rows(index, []):
        found = set()
        for role in ("subject", "object", "speaker"):
            found |= {h.claim["id"] for h in search(index, Query(**{role: [row["id"]]}))}
        assert row["claims"] == len(found), row["id"]
    [syria] = [r for r in entity_rows(index, ["Syria"]) if r["id"] == "syria"]
    # The claims whose quote says سوري… or whose statement says Syria, counted in the corpus.
    live = [c for c in shipped.claims if not c.get("retracted")]
    by_words = {c["id"] for c in live if "سوري" in c["citation"]["quote"] or "Syria" in c["statement"]}
    assert syria["claims"] == 0 and syria["named"] == len(by_words) == 12
    assert {h.claim["id"] for h in search(index, Query(terms=["Syria"]))} == by_words
    # QNA is the agency eleven claims came via: named by them, the subject of none.
    [qna] = entity_rows(index, ["QNA"])
    assert qna["claims"] == 0 and qna["named"] == sum(1 for c in live if c.get("via") == "qna")


def test_queries_run_one_after_another_answer_as_each_alone(shipped):
    # The steps of a plan of several terms keep their claims in tables the index keeps
    # between plans: what one plan left there never reaches the next, scored or counted,
    # with filters or without, fewer terms or more.
    queries = [
        Query(terms=["Qatar", "S-400", "Russia"]),
        Query(terms=["قطر", "روسيا"], since=parse_when("2018"), until=parse_when("2021")),
        Query(terms=["Putin", "Tamim"]),
        Query(terms=["Qatar", "S-400", "Russia"], predicate=["negotiating_purchase"]),
        Query(terms=["Rosoboronexport", "Qatar"]),
        Query(terms=["S-400", "Turkey"]),
    ]
    shared = in_memory(shipped)

    def answer(index, query):
        return [h.claim["id"] for h in search(index, query)], count(index, query)

    for query in queries + queries[::-1]:
        alone = answer(in_memory(shipped), query)
        assert answer(shared, query) == alone, query
    assert (
        any(answer(shared, q)[0] for q in queries) and len({tuple(answer(shared, q)[0]) for q in queries}) > 3
    )


class _EveryWord(frozenset):
    def __contains__(self, word: object) -> bool:
        return True


class _AskingEveryKey:
    """The shipped index, but its names seem made of every word: a long query's runs are all
    asked, none passed over for holding a word no name has."""

    def __init__(self, index):
        self._index = index

    def __getattr__(self, name):
        return getattr(self._index, name)

    def name_words(self, stems: bool = False) -> frozenset[str]:
        return _EveryWord()


def test_long_queries_find_what_asking_every_reading_finds(shipped):
    # A long query's runs are read in many forms; those holding words no name is made of are
    # passed over unasked. The answer is the one asking every reading gives: pasted quotes,
    # a quote's opening with a name, an office or a stem in it, and statements.
    quotes = sorted({c["citation"]["quote"] for c in shipped.claims}, key=len)[-1:]
    statements = [c["statement"] for c in shipped.claims[:2]]
    queries = [
        *quotes,
        *statements,
        "قالت وزارة الخارجية الروسية إن سيرغي لافروف وزير الخارجية بحث مع نظيره القطري صفقة",
        "the Russian envoy to Qatar said Moscow and Doha signed the military technical cooperation",
        "Qatari emir Tamim bin Hamad and Putin discussed the purchase of the Russian S-400 systems",
        "ambassador of Russia in Doha Nurmakhmad Kholov said the talks on the system went on",
        # Long names read in another form of a word: a proclitic on the first, a plural.
        "ومذكرة تفاهم وصفقة إطارية بين روسوبورون إكسبورت ووزارة الدفاع القطرية",
        "ولاتفاقية بين الحكومة الروسية وحكومة دولة قطر بشأن التعاون العسكري التقني",
        "directors of the federal service for military technical cooperation",
        "director of the federal agency for military technical cooperation",
        # And a title with one word put another way (head for director, chief for head,
        # collaboration, a word no name has, for cooperation).
        "head of the fourth european department russian foreign ministry",
        "chief of the federal service for military technical cooperation",
        "director of the federal service for military technical collaboration",
    ]
    index = in_memory(shipped)
    every = _AskingEveryKey(in_memory(shipped))
    for text in queries:
        got, asked = find(index, Query(terms=[text])), find(every, Query(terms=[text]))
        assert [(h.claim["id"], h.why) for h in got.hits] == [(h.claim["id"], h.why) for h in asked.hits]
        assert got.hints == asked.hints
    assert sum(bool(find(index, Query(terms=[q])).hits) for q in queries) >= 6
    # The titles put another way are read whole, as the office they name.
    for text, office in (
        (
            "head of the fourth european department russian foreign ministry",
            "russian-mfa-fourth-european-department-director",
        ),
        ("chief of the federal service for military technical cooperation", "fsvts-director"),
        ("director of the federal service for military technical collaboration", "fsvts-director"),
    ):
        hits = find(index, Query(terms=[text])).hits
        about = {c["id"] for c in shipped.claims if office in (c["subject"], c.get("object"))}
        assert about and about <= {h.claim["id"] for h in hits}
        assert all(len(h.why) == 1 and h.why[0]["kind"] in ("synonym", "holder") for h in hits)


def test_suggestions_for_a_typo(shipped):
    near = suggestions(shipped, ["Rosoboronexprt"])
    assert near and normalize(near[0]) == "rosoboronexport"
    # One name per entity, not three spellings of the same agency.
    assert sum(normalize(n).startswith("rosoboron") for n in near) == 1
    assert any("putin" in normalize(n) for n in suggestions(shipped, ["Vladimir Putn"]))
    assert suggestions(shipped, ["qqqqqqqqqq"]) == []


# --- the command line: match object, --why, --sort, --include-retracted -----------------


def _cli(*args: str):
    from click.testing import CliRunner

    from factcli.cli import main

    return CliRunner().invoke(main, list(args), env={"COLUMNS": "400"})


def test_json_hits_carry_their_match(store_file):
    path = store_file(_records())
    result = _cli("--db", str(path), "search", "Qatar", "--json")
    assert result.exit_code == 0, result.stderr
    recs = json.loads(result.stdout)
    assert recs[0]["id"] == "c0001"
    # Qatar meets c0001 in four ways: the word in its statement and in its quote, Qatar as
    # its subject, and the name in its statement; three of them are the claim's own (the
    # quote is not), which is what a tie of scores is broken by.
    assert recs[0]["match"] == {
        "score": 10.0,
        "terms": [{"term": "qatar", "field": "subject", "kind": "alias"}],
        "own": 3,
        "ways": 4,
    }
    assert recs[-1]["id"] == "c0009" and recs[-1]["match"]["terms"][0]["field"] == "mention"


def test_why_column_in_the_table(store_file):
    path = store_file(_records())
    result = _cli("--db", str(path), "search", "Putin", "--why", "--table")
    assert result.exit_code == 0, result.stderr
    assert "why" in result.stdout and "putin: subject alias" in result.stdout


def test_sort_by_date_or_relevance(store_file):
    path = store_file(_records())
    by_date = json.loads(_cli("--db", str(path), "search", "Qatar", "--sort", "date", "--json").stdout)
    # Date order: 2017 (year), Oct 2017 x2 (c0005, c0008), 25 Oct 2017; undated c0004, c0009 last.
    assert [r["id"] for r in by_date] == ["c0007", "c0005", "c0008", "c0001", "c0004", "c0009"]
    # By relevance (the default with words) c0009, which only names Qatar, comes last.
    by_score = json.loads(_cli("--db", str(path), "search", "Qatar", "--json").stdout)
    assert [r["id"] for r in by_score][-1] == "c0009"


def test_retracted_claims_are_left_out_unless_asked_for(store_file):
    path = store_file(_records())
    doc = json.loads(path.read_text(encoding="utf-8"))
    for rec in doc["claims"].values():
        if rec["id"] == "c0002":
            rec["retracted"] = {"at": "2024-01-01T00:00:00Z", "reason": "misread"}
    path.write_bytes(store.dumps(doc))
    assert [
        h.claim["id"] for h in search(store.load(store.Location(path, "--db")), Query(terms=["S-400"]))
    ] == ["c0004"]
    assert {
        h.claim["id"]
        for h in search(
            store.load(store.Location(path, "--db")), Query(terms=["S-400"], include_retracted=True)
        )
    } == {"c0002", "c0004"}
    plain = json.loads(_cli("--db", str(path), "search", "S-400", "--json").stdout)
    assert [r["id"] for r in plain] == ["c0004"]
    every = json.loads(_cli("--db", str(path), "timeline", "S-400", "--include-retracted", "--json").stdout)
    assert [r["id"] for r in every] == ["c0002", "c0004"]


@pytest.mark.parametrize(
    "terms", [["Qatar"], ["S-400"], ["الدفاع الجوي"], ["defence"], ["missiles"], ["signed"], ["Doha"]]
)
def test_a_filter_narrows_the_same_matches(shipped, terms):
    # With few claims left by a filter, terms are looked for in those claims' words directly
    # instead of through FTS5: the claims found and how each matched must be the same.
    source = "khaleej-2018-07-21"
    every = {h.claim["id"]: h.why for h in search(shipped, Query(terms=terms))}
    narrowed = {h.claim["id"]: h.why for h in search(shipped, Query(terms=terms, source=[source]))}
    expected = {cid: why for cid, why in every.items() if shipped.claim(cid)["citation"]["source"] == source}
    assert narrowed == expected


# --- offices: a title finds its holder ----------------------------------------------------


def _mayor_store(make_facts):
    text = (
        "Anna Berg is the Mayor of Ostend. Anna Berg met Erik Falk. Carl Dahl was formerly Mayor of Ostend. "
        "Carl Dahl met Erik Falk. Erik Falk is the Mayor of Ostend."
    )
    people = [
        entity_record(e, n, "person")
        for e, n in (("anna", "Anna Berg"), ("carl", "Carl Dahl"), ("erik", "Erik Falk"))
    ]

    def claim(s, p, o, quote, **extra):
        return {
            "subject": s,
            "predicate": p,
            "object": o,
            "statement": quote,
            "citation": {"source": "src", "quote": quote},
            **extra,
        }

    wrong = {"at": "2024-01-01T00:00:00Z", "reason": "Erik is not the mayor"}
    return make_facts(
        [
            source_record("src", text),
            *people,
            entity_record("mayor-of-ostend", "Mayor of Ostend", "office"),
            claim("anna", "holds_position", "mayor-of-ostend", "Anna Berg is the Mayor of Ostend."),  # c0001
            claim("anna", "met", "erik", "Anna Berg met Erik Falk."),  # c0002
            claim(
                "carl", "held_position", "mayor-of-ostend", "Carl Dahl was formerly Mayor of Ostend."
            ),  # c0003
            claim("carl", "met", "erik", "Carl Dahl met Erik Falk."),  # c0004
            claim(
                "erik",
                "holds_position",
                "mayor-of-ostend",
                "Erik Falk is the Mayor of Ostend.",
                retracted=wrong,
            ),  # c0005
        ]
    )


def test_a_title_finds_the_office_then_its_holder(make_facts):
    facts = _mayor_store(make_facts)
    hits = search(facts, Query(terms=["Mayor of Ostend"]))
    # The office's own claims first; then what its holder did. A former holder is found
    # through the held_position claim only, and a retracted holds_position names no holder.
    got = [h.claim["id"] for h in hits]
    assert set(got[:2]) == {"c0001", "c0003"} and got[2:] == ["c0002"]
    assert hits[2].why == [{"term": "mayor of ostend", "field": "subject", "kind": "holder"}]


def test_a_part_of_a_title_does_not_reach_the_holder(make_facts):
    facts = _mayor_store(make_facts)
    # "Ostend" is a distinctive part of the office's name: the office, not its holder's acts.
    assert "c0002" not in {h.claim["id"] for h in search(facts, Query(terms=["Ostend"]))}


def test_an_entity_found_by_a_near_spelling_has_both_counts(shipped):
    # "Shoygu" is no name of the store's: the row comes by the near-spelling path.
    [row] = entity_rows(shipped, ["Shoygu"])
    assert row["id"] == "sergei-shoigu"
    assert row["claims"] == sum(
        1 for c in shipped.claims if "sergei-shoigu" in (c["subject"], c["object"], c["speaker"])
    )
    assert row["named"] >= row["claims"] > 0


# --- people named by title or as a counterpart; capitals for their states ----------------


def _found(facts, *words: str) -> list[str]:
    return [h.claim["id"] for h in search(facts, Query(terms=list(words)))]


def test_people_named_as_counterpart_or_by_title_are_found_below_their_own_claims(shipped):
    # c0084: «وأكد وزير الدفاع الروسي أنه خطّط لأن يبحث مع نظيره القطري»: the Qatari
    # counterpart of the Russian defence minister is Al Attiyah, Qatar's minister of state
    # for defence. c0089: «حمّل أمير قطر وزير الدفاع» ("the Russian defence minister" in its
    # statement) is Shoigu, who holds that office.
    attiyah = find(shipped, Query(terms=["Attiyah"])).hits
    ids = [h.claim["id"] for h in attiyah]
    assert "c0084" in ids and ids.index("c0084") > ids.index("c0078")  # c0078: he signed
    assert attiyah[ids.index("c0084")].why[0]["kind"] == "counterpart"
    shoigu = _found(shipped, "Shoigu")
    assert "c0089" in shoigu and shoigu.index("c0089") > shoigu.index("c0031")


def test_the_word_counterpart_finds_the_claim_about_the_counterpart_first(shipped):
    # «خالد بن محمد العطية، ونظيره الروسي»: c0077-c0079 and c0203 share the quote; c0079
    # is the one whose subject is the Russian counterpart (Shoigu).
    assert _found(shipped, "نظيره", "الروسي")[:3].count("c0079") == 1
    found = _found(shipped, "Attiyah", "نظيره")
    assert found[0] == "c0078" and found[1] == "c0079"  # Attiyah signed; then his counterpart


def test_a_capital_beside_other_words_stands_for_its_state_below_the_capital(shipped):
    # c0075 names Doha; c0031 is Shoigu's visit to Qatar without the word.
    found = _found(shipped, "Shoigu", "Doha", "visit")
    assert found.index("c0075") < found.index("c0031")
    # Alone, Doha means the claims that use the word.
    assert "c0031" not in _found(shipped, "Doha")


def test_a_capital_stands_for_its_state_only_where_the_state_is_a_party(shipped):
    # c0023: Kholov speaks of Putin's expected visit «إلى الدوحة». c0145, Tamim's call with
    # Putin, says «أمير قطر» (a title that holds Qatar's name) and no Doha: Qatar is no
    # party to it, so Doha beside Putin does not find it.
    found = _found(shipped, "Putin", "الدوحة")
    assert found[0] == "c0023" and "c0145" not in found


def test_a_title_spelled_with_another_word_names_the_office(shipped):
    # envoy = ambassador: "Russian envoy to Qatar" is «السفير الروسي لدى قطر», Kholov's post
    # (c0185, c0005). c0029 is Kholov's own words and names no Qatar; Qatar's ambassador
    # in Moscow (c0036, c0190, c0040) holds the reverse post.
    found = _found(shipped, "Russian", "envoy", "to", "Qatar")
    assert set(found[:2]) == {"c0185", "c0005"}
    assert "c0029" in found
    assert not {"c0036", "c0190", "c0040"} & set(found)
    # One word is a word: "envoy" alone meets the word and its synonyms in the text, no post.
    hits = search(shipped, Query(terms=["envoy"]))
    assert hits and {h.why[0]["kind"] for h in hits} == {"synonym"}


def test_a_title_completed_by_a_name_it_holds_names_the_office(shipped):
    # "Qatari ambassador" is part of the post «سفير قطر في موسكو» (Qatari ambassador in
    # Moscow), and «موسكو» is the rest of it: the post's own claims (c0190, c0036) come
    # first, then its holder's; Russia's ambassador to Qatar (c0185, c0005) is not it.
    found = _found(shipped, "Qatari", "ambassador", "موسكو")
    assert set(found[:2]) == {"c0190", "c0036"}
    assert {"c0040", "c0039"} <= set(found)
    assert not {"c0185", "c0005"} & set(found)


def test_a_count_is_the_number_of_claims_search_finds(shipped):
    for words in (["Qatar"], ["S-400", "Turkey"], ["الخبر", "رقم", "12345"], ["قطر", "November 2017"]):
        assert count(shipped, Query(terms=words))[0] == len(search(shipped, Query(terms=words)))
    assert count(shipped, Query(terms=["Qatar"], limit=3))[0] == len(search(shipped, Query(terms=["Qatar"])))


def test_tied_claims_say_what_put_one_above_the_other():
    def hit(cid: str, score: float, own: int, ways: int) -> Hit:
        return Hit({"id": cid}, score, (), own, ways)

    hits = [
        hit("a", 9.0, 3, 4),
        hit("b", 9.0, 2, 5),
        hit("c", 9.0, 2, 4),
        hit("d", 9.0, 2, 4),
        hit("e", 5.0, 9, 9),
    ]
    assert tie_reasons(hits) == [
        "above b at the same score: more of its own fields meet the query (3 > 2)",
        "above c at the same score: met in more ways (5 > 4)",
        "above d at the same score: earlier in the store",
        "",
        "",
    ]


def test_why_explains_a_tie_on_the_command_line(store_file):
    # Several of these claims have Qatar as their subject: they score alike.
    path = store_file(_records())
    result = _cli("--db", str(path), "search", "Qatar", "--why", "--json")
    assert result.exit_code == 0, result.stderr
    recs = json.loads(result.stdout)
    tied = [r for r, nxt in zip(recs, recs[1:], strict=False) if r["match"]["score"] == nxt["match"]["score"]]
    assert tied and all(r["match"]["tie"].startswith("above ") for r in tied)


def test_a_claim_about_a_topic_is_about_what_the_topics_name_names(shipped):
    # c0090's object is Qatar-Russia relations; Russia is nowhere in its text (the Emir of
    # Qatar and Shoigu «استعراض العلاقات الثنائية بين البلدين الصديقين»).
    found = find(shipped, Query(terms=["Russia", "Emir"])).hits
    c0090 = next(h for h in found if h.claim["id"] == "c0090")
    assert c0090.why[0] == {"term": "russia", "field": "mention", "kind": "topic"}


def test_words_that_spell_a_topics_name_still_mean_each_word(shipped):
    # "Qatar Russia military cooperation" is the name of a topic; c0010 (Saudi Arabia
    # rejects the military partnership agreements between Russia and Qatar) is not about
    # the topic but says every word (partnership for cooperation), so it is found too,
    # below the claims about the topic.
    found = _found(shipped, "Qatar", "Russia", "military", "cooperation")
    assert {"c0074", "c0091", "c0010"} <= set(found)
    assert found.index("c0074") < found.index("c0010")


def test_the_x_of_y_is_the_name_y_x(shipped):
    # "Qatar blockade" is a name of the Gulf crisis: c0034 is about the blockade itself.
    assert "c0034" in _found(shipped, "the", "blockade", "of", "Qatar")[:3]


def test_a_title_split_over_two_terms_still_names_its_holder(shipped):
    # «قائد الدفاع الجوي» ("air defence commander") is most of «قائد قوات الدفاع الجوي
    # القطري», the office Hamad Al Dewaie holds (c0128): c0132 and c0133, his talks with
    # Garrett, name him without the title; Garrett, the US Army Central commander, is
    # another commander and no air defence one (c0129).
    found = _found(shipped, "قائد", "الدفاع", "الجوي")
    assert {"c0128", "c0132", "c0133"} <= set(found) and "c0129" not in found
    assert found.index("c0128") < found.index("c0132")


def test_a_word_of_a_topics_name_finds_the_claims_about_the_topic(shipped):
    # c0157: the Emir of Qatar praised «التنسيق والتعاون بين بلديهما»; its object is
    # Qatar-Russia bilateral relations. "ties" (relations) is in neither its statement nor
    # its quote, only in the name of what it is about. c0090 says «العلاقات الثنائية»:
    # the synonym in its own text counts before the topic's name.
    found = find(shipped, Query(terms=["ties"])).hits
    why = {h.claim["id"]: h.why[0] for h in found}
    assert why["c0157"] == {"term": "ties", "field": "object", "kind": "word"}
    assert why["c0090"] == {"term": "ties", "field": "quote", "kind": "synonym"}


def test_a_word_for_a_kind_finds_the_entities_of_that_kind(shipped):
    # The "Qatar buy weapons": c0001, Qatar discussing buying the S-400 (a weapon
    # system), says neither "buy" nor "weapons".
    found = find(shipped, Query(terms=["Qatar", "buy", "weapons"])).hits
    c0001 = next(h for h in found if h.claim["id"] == "c0001")
    assert c0001.why[2] == {"term": "weapons", "field": "object", "kind": "word"}


def test_an_owner_typed_before_a_title_names_the_office(shipped):
    # "Qatar emir" is the "Emir of Qatar": the office's own claims (Tamim holds it: c0021)
    # first, not the United Arab Emirates' (c0162), whose name is no form of emir.
    found = _found(shipped, "Qatar", "emir")
    assert "c0021" in found[:5] and "c0162" not in found
    # With another word for one of its words too: "Rosoboronexport chief" is the "head of
    # Rosoboronexport", Mikheev's post (c0099), and finds Mikheev's own words (c0104).
    found = _found(shipped, "Rosoboronexport", "chief")
    assert "c0099" in found[:2] and "c0104" in found


def test_a_little_word_is_no_part_of_a_name(shipped):
    # "in Moscow" is a part of the alias "Qatari ambassador in Moscow" as written, but the
    # little word makes no name: "Moscow" alone completes "Qatar's envoy" (c0190, c0036),
    # and the post's holder is found in his own words that name no Moscow (c0046).
    found = _found(shipped, "Qatar's", "envoy", "in", "Moscow")
    assert set(found[:2]) == {"c0190", "c0036"}
    assert {"c0040", "c0046"} <= set(found) and "c0185" not in found


def test_a_purchase_is_a_sale_or_a_supply_seen_from_the_buyer(shipped):
    # c0095: «توقيع عقد جديد لتزويد أنقرة بوحدات دفاع جوي إضافية من طراز "إس 400"»: a
    # contract to supply Ankara is Turkey buying, though no word of buying is in it; the
    # supply word ranks as another word, below a claim that says the purchase (c0123).
    for words in (["تركيا", "تشتري", "إس-400"], ["Turkey", "buy", "S-400"]):
        hits = search(shipped, Query(terms=words))
        why = {h.claim["id"]: h.why[1]["kind"] for h in hits}
        assert why.get("c0095") == "synonym"
        found = [h.claim["id"] for h in hits]
        assert found.index("c0123") < found.index("c0095")


def test_a_claim_about_an_agreement_is_about_its_parties(shipped):
    # c0096: «بالنسبة لمنظومة (إس 400) فإن المشاورات مستمرة», Turkey negotiating its second
    # S-400 contract; its words name no Russia, but Russia is to sign that contract (c0204).
    hits = search(shipped, Query(terms=["Russia", "Turkey"]))
    why = {h.claim["id"]: h.why[0] for h in hits}
    assert why["c0096"] == {"term": "russia", "field": "object", "kind": "party"}
    # Alone, a state's name finds the claims about it and naming it, not its agreements'.
    assert "c0096" not in _found(shipped, "Russia")
    # A person who signs for a state is no party: Shoigu signed the 2017 agreement for
    # Russia, and the claims about the agreement are not about him for that.
    hits = search(shipped, Query(terms=["Shoigu"]))
    assert hits and all(h.why[0]["kind"] != "party" for h in hits)


def test_a_title_beside_a_name_asks_nothing_the_name_does_not(shipped):
    # c0149: «أجرى حضرة صاحب السمو الشيخ تميم ... اتصالا هاتفيا مع فخامة الرئيس فلاديمير
    # بوتين»: its statement says "Sheikh Tamim", no "Emir". Tamim holds the Emir of Qatar's
    # office (c0021), so "Emir" beside his name is his title, and Putin holds the President
    # of Russia's (c0024).
    assert "c0149" in _found(shipped, "Emir", "Tamim", "Putin", "call")[:2]
    assert "c0149" in _found(shipped, "President", "Putin", "call")[:2]
    assert "c0149" in _found(shipped, "الأمير", "تميم", "اتصال")
    # A title the person does not hold is still a word to meet: Shoigu is no ambassador.
    assert set(_found(shipped, "ambassador", "Shoigu")) < set(_found(shipped, "Shoigu"))


def test_words_that_hold_a_name_are_not_one_event_for_part_of_its_name(shipped):
    # "Tamim visit" is part of the name of «زيارة أمير قطر إلى روسيا» (2021), but the words
    # hold Tamim's own name: his 2018 visit to Russia (c0020) is a visit of Tamim too.
    assert {"c0020", "c0042"} <= set(_found(shipped, "Tamim", "visit"))
    # "S-400 contract": the S-400 and a contract (or deal, «صفقة»), Qatar's possible purchase
    # included (c0001: «صفقة» for the S-400), not Turkey's second contract alone.
    found = _found(shipped, "S-400", "contract")
    assert {"c0095", "c0001"} <= set(found)


def test_a_near_spelling_of_one_name_names_what_the_name_names(shipped):
    # "Tameem" is Tamim spelled with a long vowel doubled; "tamim" names Tamim and the 2021
    # visit named after him alike, so the near spelling names both, no "did you mean".
    found = find(shipped, Query(terms=["Tameem", "Putin"]))
    assert not found.hints
    assert {"c0145", "c0149"} <= {h.claim["id"] for h in found.hits[:2]}


def test_the_world_cup_is_the_mundial(shipped):
    # c0022: «وقدم مرتين إلى روسيا خلال المونديال»; its statement says "World Cup".
    assert "c0022" in _found(shipped, "كأس", "العالم")


def test_a_part_of_a_deals_name_does_not_cut_a_name_it_holds(shipped):
    # «صفقة إس-400» is a part of the name of Turkey's first S-400 deal, and holds the name
    # «إس-400»: the words are a deal and the S-400, so Qatar's S-400 deal is found (c0001:
    # «تبحث قطر مع روسيا صفقة شراء محتملة لأنظمة الدفاع الصاروخية «إس-400»»).
    assert "c0001" in _found(shipped, "صفقة", "إس-400", "قطر")


def test_a_name_spelled_with_another_word_is_a_title_only(shipped):
    # "buy Russian arms" spells, with buy's converse "sell", a name of the resale of Russian
    # arms to third countries; it is not that topic but words: the supply of Russian weapons
    # to Qatar (c0004) comes first, and no claim is met as being about that topic.
    hits = search(shipped, Query(terms=["شراء", "أسلحة", "روسية"]))
    assert hits[0].claim["id"] == "c0004"
    named = [w for h in hits for w in h.why if w["field"] in ("subject", "object")]
    assert named and all(w["kind"] != "synonym" for w in named)


@pytest.mark.parametrize("retract", [False, True])
def test_a_count_of_many_claims_leaves_out_the_retracted(store_file, monkeypatch, retract):
    # A count of more claims than the index reads one by one (`_ESTIMATE_CAP`, here 0)
    # skips reading them when no claim is retracted, and reads them when one is: c0002
    # (Turkey bought the S-400) and c0004 (Qatar's talks on it) are the S-400's claims.
    from factcli.index.backend import Index

    monkeypatch.setattr(Index, "_ESTIMATE_CAP", 0)
    path = store_file(_records())
    if retract:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for rec in doc["claims"].values():
            if rec["id"] == "c0002":
                rec["retracted"] = {"at": "2024-01-01T00:00:00Z", "reason": "misread"}
        path.write_bytes(store.dumps(doc))
    result = _cli("--db", str(path), "search", "S-400", "--count")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == ("1" if retract else "2")
    every = _cli("--db", str(path), "search", "S-400", "--count", "--include-retracted")
    assert every.stdout.strip() == "2"


def test_a_state_beside_words_of_one_of_its_posts_names_the_post(shipped):
    # Qatar's «وزير الدولة القطري لشؤون الدفاع» (c0192: a post of the Qatari state) is the
    # Qatari defence minister, whatever the order of the words: Attiyah holds it (c0076).
    # Russia's «وزير الدفاع الروسي» (c0189) is another state's post.
    for words in (["Qatari", "defence", "minister"], ["وزير", "الدفاع", "القطري"]):
        found = _found(shipped, *words)
        assert set(found[:2]) == {"c0076", "c0192"}, words
        assert "c0189" not in found


def _with_a_monday_of_2017_to_2021():
    """The store with c0010, dated «اليوم الإثنين» in an article known only to 2017..2021:
    some Monday of those years (`within`)."""
    within = {
        "start": "2017-01-02",
        "end": "2021-12-27",
        "precision": "day",
        "text": "اليوم الإثنين",
        "within": True,
    }
    bounded = _claim(
        "c0010",
        "src-a",
        "Qatar signed a deal with Russia on 25 October 2017",
        "qatar",
        "met",
        "russia",
        "Qatar met Russia.",
        within,
    )
    return build([*_records(), bounded])


def test_timeline_lists_a_date_known_only_between_bounds_apart_from_the_dated():
    # c0010's bounds overlap 2019, so --since/--until 2019 keep it, but not as if it were
    # 2 January 2017: it is listed apart, with the undated, after the claims placed in time.
    facts = _with_a_monday_of_2017_to_2021()
    dated, apart = timeline(facts, Query(since=parse_when("2019"), until=parse_when("2019-12")))
    assert [h.claim["id"] for h in dated] == ["c0002"]
    assert [h.claim["id"] for h in apart] == ["c0010"]


def test_a_limited_timeline_keeps_its_places_for_the_claims_placed_in_time():
    # c0010 sorts by its first possible day, before 2019; with --limit 1 the one place is
    # still the claim dated 2019 (c0002), and nothing is left for the claims apart. With room
    # to spare they follow.
    facts = _with_a_monday_of_2017_to_2021()
    window = Query(since=parse_when("2019"), until=parse_when("2019-12"))
    dated, apart = timeline(facts, window._replace(limit=1))
    assert ([h.claim["id"] for h in dated], apart) == (["c0002"], [])
    dated, apart = timeline(facts, window._replace(limit=5))
    assert [h.claim["id"] for h in dated] == ["c0002"] and [h.claim["id"] for h in apart] == ["c0010"]
