"""importer: every input form, every rule as `record N, field F: ...`, all-or-nothing
batches, ids, dates resolved against the source, and the search --json round trip."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED, corpus_records, entity_record, factcli, source_record

from factcli import store
from factcli.errors import InputError
from factcli.ids import CLAIM_NUMBER, is_claim_id
from factcli.importer import ValidationError, build, import_records, parse_records
from factcli.present import claim_record
from factcli.verify import verify

TEXT = (
    "قطر تبحث مع روسيا شراء منظومة إس-400، وقال السفير إن الوزير سيزور موسكو في أكتوبر المقبل.\n\n"
    "Qatar and Russia signed a military cooperation agreement. Qatar said the talks continue."
)
QUOTE = "قطر تبحث مع روسيا شراء منظومة إس-400"
EN_QUOTE = "Qatar and Russia signed a military cooperation agreement"


def base_records(published: str = "2018-07-21") -> list[dict]:
    return [
        source_record("src-a", TEXT, published),
        entity_record("qatar", "Qatar", aliases=["الدوحة", "State of Qatar"]),
        entity_record("russia", "Russia", aliases=["موسكو"]),
        entity_record("s-400", "S-400", "weapon_system", name_ar="إس-400"),
        {
            "id": "qr-agreement",
            "type": "agreement",
            "name": "Qatar-Russia military cooperation agreement",
            "name_ar": None,
            "aliases": [],
            "description": None,
        },
    ]


def a_claim(**over) -> dict:
    claim = {
        "subject": "qatar",
        "predicate": "negotiating_purchase",
        "object": "s-400",
        "modality": "in_talks",
        "statement": "Qatar is discussing buying the S-400 from Russia.",
        "citation": {"source": "src-a", "quote": QUOTE},
    }
    claim.update(over)
    return claim


def signed_claim(**over) -> dict:
    claim = {
        "subject": "qatar",
        "predicate": "signed",
        "object": "qr-agreement",
        "statement": "Qatar and Russia signed a military cooperation agreement.",
        "citation": {"source": "src-a", "quote": EN_QUOTE},
    }
    claim.update(over)
    return claim


def loc(path: Path) -> store.Location:
    return store.Location(path, "--db")


@pytest.fixture
def base(store_file) -> Path:
    return store_file(base_records())


@pytest.fixture(scope="module")
def refusing_base(tmp_path_factory) -> Path:
    """The base store, built once for tests that only see imports refused: each checks that
    its bytes stay as they were, so none can see another's."""
    path = tmp_path_factory.mktemp("refusing") / "facts.json"
    with pytest.MonkeyPatch.context() as mp:  # the autouse cache fixture is per test: not yet set
        mp.setenv("FACTCLI_CACHE", str(tmp_path_factory.getbasetemp() / "factcli-cache"))
        import_records(loc(path), base_records(), create=True)
    return path


def refused(path: Path, records: list[dict], **kwargs) -> list[str]:
    """Import must fail as a whole: the problems, with the store's bytes unchanged."""
    before = path.read_bytes()
    with pytest.raises(ValidationError) as exc:
        import_records(loc(path), records, **kwargs)
    assert path.read_bytes() == before
    assert exc.value.problems
    return exc.value.lines()


def stored_claims(path: Path) -> list[dict]:
    return store.load(loc(path)).claims


# --- parsing the input --------------------------------------------------------------


def test_parse_json_array():
    assert parse_records('[{"a": 1}, {"b": 2}]') == [{"a": 1}, {"b": 2}]


def test_parse_single_object():
    assert parse_records('{"a": 1}') == [{"a": 1}]


def test_parse_pretty_printed_single_object():
    # What `factcli show ID --json` or `jq .` prints.
    assert parse_records(json.dumps({"a": 1, "b": [1, 2]}, indent=2)) == [{"a": 1, "b": [1, 2]}]


def test_parse_json_lines_with_blank_lines():
    assert parse_records('{"a": 1}\n\n{"b": 2}\n') == [{"a": 1}, {"b": 2}]


def test_parse_stream_of_pretty_objects():
    # What `factcli search --json | jq '.[]'` prints.
    text = json.dumps({"a": 1}, indent=2) + "\n" + json.dumps({"b": 2}, indent=2)
    assert parse_records(text) == [{"a": 1}, {"b": 2}]


def test_parse_byte_order_mark():
    assert parse_records('\ufeff[{"name": "قطر"}]') == [{"name": "قطر"}]
    assert parse_records('\ufeff{"a": 1}\n{"b": 2}\n') == [{"a": 1}, {"b": 2}]


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff"])
def test_parse_empty_input(text):
    with pytest.raises(InputError) as exc:
        parse_records(text, name="claims.jsonl")
    assert "claims.jsonl" in str(exc.value) and "empty" in str(exc.value)


def test_parse_malformed_json_array_gives_position():
    with pytest.raises(InputError) as exc:
        parse_records('[\n  {"a": 1},\n  {"b" 2}\n]', name="in.json")
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith("in.json: invalid JSON")
    assert "line 3" in message and "column 8" in message


def test_parse_malformed_json_lines_names_the_bad_line():
    with pytest.raises(InputError) as exc:
        parse_records('{"a": 1}\n{"b": 2}\n{"c": 3\n{"d": 4}\n', name="in.jsonl")
    message = str(exc.value)
    assert "\n" not in message and "line 3" in message


def test_parse_record_that_is_not_an_object():
    with pytest.raises(InputError) as exc:
        parse_records('[{"a": 1}, 2]')
    assert "record 2" in str(exc.value)


# --- the rules: one message per problem, nothing written ---------------------------

# (record to put second in the batch, the field the message must name, words it must say)
RULES = [
    (a_claim(citation={"source": "nowhere", "quote": QUOTE}), "citation.source", "unknown source"),
    (a_claim(citation={"source": "src-a", "quote": "Qatar bought ten tanks"}), "citation.quote", "not found"),
    (a_claim(citation={"source": "src-a", "quote": ""}), "citation.quote", "required"),
    (a_claim(citation=None), "citation", "source, quote"),
    (
        a_claim(citation={"source": "src-a", "quote": QUOTE, "start": 1, "end": 1 + len(QUOTE)}),
        "citation.quote",
        "it is at 0:",
    ),
    # Negative offsets that Python would slice to the right words are still refused.
    (
        a_claim(
            citation={
                "source": "src-a",
                "quote": EN_QUOTE,
                "start": TEXT.index(EN_QUOTE) - len(TEXT),
                "end": TEXT.index(EN_QUOTE) - len(TEXT) + len(EN_QUOTE),
            }
        ),
        "citation.start",
        "not a span",
    ),
    (
        a_claim(citation={"source": "src-a", "quote": QUOTE, "start": "0", "end": len(QUOTE)}),
        "citation.start",
        "integers",
    ),
    (a_claim(predicate="bought_secretly"), "predicate", "not in the vocabulary"),
    (a_claim(polarity="maybe"), "polarity", "affirmed"),
    (a_claim(modality="rumour"), "modality", "in_talks"),
    (a_claim(subject="Atlantis"), "subject", "unknown entity"),
    (a_claim(speaker="nobody-known"), "speaker", "unknown entity"),
    (a_claim(value={"amount": 5, "unit": "JPY"}), "value.unit", "JPY"),
    (a_claim(value={"amount": "five", "unit": "USD"}), "value.amount", "number"),
    (a_claim(value={"amount": float("nan"), "unit": "USD"}), "value.amount", "finite"),
    (a_claim(value=5), "value", "amount"),
    (a_claim(date="the day after never"), "date", "cannot read date"),
    (
        a_claim(date={"start": "2018-10-15", "end": "2018-10-31", "precision": "month", "text": "x"}),
        "date",
        "1st",
    ),
    (
        a_claim(date={"start": "2018-10-31", "end": "2018-10-01", "precision": "day", "text": "x"}),
        "date",
        "after",
    ),
    (a_claim(statement=None), "statement", "required"),
    (a_claim(statement="Qatar \x1b[31mred"), "statement", "control"),
    (a_claim(statement="broken \ud800 surrogate"), "statement", "surrogate"),
    (a_claim(confidence=0.9), "confidence", "not a claim field"),
    (a_claim(id="claim-7"), "id", "not a claim id"),
    (a_claim(id="c7"), "id", "c0007"),
    (source_record("src-b", "Another text.", sha256="0" * 64), "sha256", "does not match"),
    (source_record("Bad Id!", "Another text."), "id", "slug"),
    (source_record("src-b", "Another text.", published_span="someday"), "published", "cannot read date"),
    (source_record("src-b", "Another text.", credited="Reuters"), "credited", "list"),
    (source_record("src-a", "A different text under a stored id."), "id", "another text"),
    (entity_record("mars", "Mars", etype="planet"), "type", "planet"),
    (entity_record("qatar", "Qatar, but edited"), "id", "already stored"),
    ({"id": ["x"], "type": "country", "name": "X"}, "id", "slug"),
]


@pytest.mark.parametrize("bad, field, words", RULES, ids=[f"{r[1]}:{r[2]}" for r in RULES])
def test_each_rule_names_record_and_field_and_nothing_is_written(refusing_base, bad, field, words):
    problems = refused(refusing_base, [signed_claim(), bad])
    assert len(problems) == 1, problems
    prefix = f"record 2, field {field}: "
    assert problems[0].startswith(prefix), problems
    assert words in problems[0]
    assert "\n" not in problems[0]
    assert stored_claims(refusing_base) == []  # record 1 was good, and was not written either


def test_record_of_unknown_kind(base):
    assert refused(base, [{"hello": "world"}]) == [
        "record 1: not a source (no 'text'), claim (no 'citation') or entity (no 'type' and 'name')"
    ]


def test_all_problems_of_the_batch_are_reported(base):
    problems = refused(
        base,
        [
            a_claim(predicate="bought_secretly"),
            signed_claim(),
            a_claim(subject="Atlantis", object="s-400", predicate="purchased"),
            entity_record("mars", "Mars", etype="planet"),
        ],
    )
    assert [p.split(":")[0] for p in problems] == [
        "record 1, field predicate",
        "record 3, field subject",
        "record 4, field type",
    ]


def test_all_problems_of_one_record_are_reported(base):
    problems = refused(
        base,
        [
            a_claim(
                predicate="bought_secretly",
                modality="rumour",
                citation={"source": "src-a", "quote": "not in the text at all"},
            )
        ],
    )
    fields = sorted(p.split(":")[0] for p in problems)
    assert fields == [
        "record 1, field citation.quote",
        "record 1, field modality",
        "record 1, field predicate",
    ]


def test_quote_not_found_says_where_the_nearest_passage_differs(base):
    near_miss = EN_QUOTE.replace("military", "militray")
    problems = refused(base, [signed_claim(citation={"source": "src-a", "quote": near_miss})])
    message = problems[0]
    assert message.startswith("record 1, field citation.quote: not found in src-a")
    # Where the passage is, and what the source and the quote each have where they part:
    # they agree up to "milit", then the source goes on "ary" and the quote "ray".
    assert f"closest passage at {TEXT.index(EN_QUOTE)};" in message
    parted = re.search(r"after '([^']+)' the source has '([^']+)' where the quote has '([^']+)'", message)
    assert parted, message
    agreed, source_has, quote_has = parted.groups()
    assert "Qatar and Russia signed a milit".endswith(agreed) and agreed.endswith("milit")
    assert source_has.startswith("ary") and quote_has.startswith("ray")


def test_quote_with_an_arabic_typo_points_at_the_difference(base):
    near_miss = QUOTE.replace("شراء", "شرا")
    message = refused(base, [a_claim(citation={"source": "src-a", "quote": near_miss})])[0]
    assert "closest passage at 0;" in message
    assert "the source has 'ء منظومة" in message and "the quote has ' منظومة" in message


def test_quote_resembling_nothing(base):
    message = refused(base, [a_claim(citation={"source": "src-a", "quote": "ЖЖЖЖ"})])[0]
    assert "no passage" in message


# --- citations ----------------------------------------------------------------------


def test_offsets_are_computed_when_missing(make_facts):
    facts = make_facts(base_records() + [signed_claim()])
    cit = facts.claims[0]["citation"]
    assert (cit["start"], cit["end"]) == (TEXT.index(EN_QUOTE), TEXT.index(EN_QUOTE) + len(EN_QUOTE))
    assert list(cit) == ["source", "quote", "start", "end"]


def test_ambiguous_quote_without_offsets_is_refused(base):
    problems = refused(base, [signed_claim(citation={"source": "src-a", "quote": "Qatar"})])
    assert problems[0].startswith("record 1, field citation.quote: occurs 2 times in src-a")
    assert "start" in problems[0]


def test_ambiguous_quote_with_offsets_is_accepted(base):
    second = TEXT.index("Qatar said")
    import_records(
        loc(base),
        [signed_claim(citation={"source": "src-a", "quote": "Qatar", "start": second, "end": second + 5})],
    )
    assert stored_claims(base)[0]["citation"]["start"] == second


def test_source_sha256_is_computed(make_facts):
    text = "نص المصدر كما ورد.\r\nLine two, with CRLF and a trailing space. "
    facts = make_facts([source_record("src-b", text)])
    assert facts.sources[0]["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert facts.sources[0]["text"] == text


def test_source_with_correct_sha256_is_accepted(make_facts):
    text = "Given with its digest."
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert make_facts([source_record("src-b", text, sha256=digest)]).sources[0]["sha256"] == digest


def test_source_defaults_filled_from_its_text(make_facts):
    facts = make_facts(
        [{"id": "src-b", "text": "عنوان الخبر\n\nقطر وروسيا توقعان اتفاقا.", "published": "2018-07-21"}]
    )
    src = facts.sources[0]
    assert src["title"] == "عنوان الخبر"
    assert src["language"] == "ar"
    assert src["published"]["start"] == src["published"]["end"] == "2018-07-21"


# --- entities -----------------------------------------------------------------------


def test_unknown_entity_gets_a_suggestion(base):
    message = refused(base, [a_claim(subject="Qatr")])[0]
    assert message.startswith("record 1, field subject: unknown entity 'Qatr'")
    assert "did you mean 'qatar'" in message.lower()


def test_create_entities_accepts_unknown_names(base):
    import_records(loc(base), [a_claim(speaker="Nur Mohammad Kholov")], create_entities=True)
    facts = store.load(loc(base))
    speaker = facts.entity(facts.claims[0]["speaker"])
    assert speaker["name"] == "Nur Mohammad Kholov"
    assert speaker["type"] == "unclassified"
    assert verify(facts) == []


@pytest.mark.parametrize("spelling", ["qatar", "Qatar", "الدوحة", "State of Qatar", "QATAR"])
def test_entity_by_any_name_resolves_to_its_id(make_facts, spelling):
    facts = make_facts(base_records() + [a_claim(subject=spelling)])
    assert facts.claims[0]["subject"] == "qatar"


def test_entity_introduced_earlier_in_the_batch_can_be_cited(make_facts):
    facts = make_facts(
        base_records()
        + [
            entity_record("usa", "United States", aliases=["واشنطن"]),
            a_claim(predicate="cooperates_with", object="واشنطن"),
        ]
    )
    assert facts.claims[0]["object"] == "usa"


def test_reimporting_identical_sources_and_entities_is_unchanged_not_an_error(base, tmp_path):
    before = (base.read_bytes(), base.stat().st_mtime_ns)
    summary = import_records(loc(base), base_records())
    assert (summary.sources, summary.entities, summary.claims, summary.unchanged) == (0, 0, 0, 5)
    assert (base.read_bytes(), base.stat().st_mtime_ns) == before


def test_reimporting_a_source_with_edited_details_is_refused(base):
    edited = source_record("src-a", TEXT, "2018-07-21")
    edited["title"] = "A corrected title"
    problems = refused(base, [edited])
    assert problems == ["record 1, field title: source 'src-a' is already stored with another title"]


# --- predicates and dates -----------------------------------------------------------


def test_predicate_not_in_vocabulary_is_refused_and_known_one_accepted(base):
    assert refused(base, [a_claim(predicate="wants")])[0].startswith("record 1, field predicate: 'wants'")
    import_records(loc(base), [a_claim(predicate="considering")])
    assert stored_claims(base)[0]["predicate"] == "considering"


@pytest.mark.parametrize(
    "published, start, end",
    [
        ("2018-07-21", "2018-10-01", "2018-10-31"),
        ("2018-12-02", "2019-10-01", "2019-10-31"),
    ],
)
def test_date_phrase_is_resolved_against_the_source_publication(make_facts, published, start, end):
    facts = make_facts(
        base_records(published)
        + [
            a_claim(
                subject="qatar",
                predicate="visited",
                object="russia",
                modality="planned",
                statement="A Qatari minister will visit Moscow in October.",
                date="أكتوبر المقبل",
                citation={"source": "src-a", "quote": "سيزور موسكو في أكتوبر المقبل"},
            )
        ]
    )
    assert facts.claims[0]["date"] == {
        "start": start,
        "end": end,
        "precision": "month",
        "text": "أكتوبر المقبل",
    }


def test_date_object_is_stored_in_contract_key_order(make_facts):
    date = {"text": "Oct 2017", "precision": "month", "end": "2017-10-31", "start": "2017-10-01"}
    facts = make_facts(base_records() + [a_claim(date=date)])
    assert list(facts.claims[0]["date"].items()) == [
        ("start", "2017-10-01"),
        ("end", "2017-10-31"),
        ("precision", "month"),
        ("text", "Oct 2017"),
    ]


# --- duplicates ---------------------------------------------------------------------


def test_duplicate_claim_within_the_batch_is_refused(base):
    problems = refused(base, [a_claim(), a_claim(statement="Same claim, other words.")])
    assert len(problems) == 1 and problems[0].startswith("record 2: duplicate")


def test_duplicate_claim_against_the_store_is_refused(base):
    import_records(loc(base), [a_claim()])
    problems = refused(base, [a_claim(statement="Said again.")])
    assert problems[0].startswith("record 1: duplicate")
    assert len(stored_claims(base)) == 1


def test_same_span_with_another_predicate_is_not_a_duplicate(base):
    import_records(loc(base), [a_claim(), a_claim(predicate="considering", modality="fact")])
    assert [c["predicate"] for c in stored_claims(base)] == ["negotiating_purchase", "considering"]


# --- claim ids ----------------------------------------------------------------------


def test_new_ids_are_ones_no_other_copy_makes_and_keep_the_order_claims_were_added(base, tmp_path):
    # Two copies of one store each add claims: a counter would give both c0001.
    other = tmp_path / "other.json"
    other.write_bytes(base.read_bytes())
    first = import_records(loc(base), [a_claim(), signed_claim()])
    second = import_records(loc(base), [a_claim(predicate="considering")])
    theirs = import_records(loc(other), [a_claim(), signed_claim()])
    ours = first.claim_ids + second.claim_ids
    assert all(is_claim_id(i) and CLAIM_NUMBER.match(i) is None for i in ours + theirs.claim_ids)
    assert len(set(ours + theirs.claim_ids)) == 5
    assert [c["id"] for c in stored_claims(base)] == ours == sorted(ours)  # ids sort as made
    # The counter of numbered ids is left alone: it stays the copies' common past.
    assert json.loads(base.read_bytes())["meta"]["1"]["last_claim"] == 0


def test_ids_assigned_in_memory_are_the_files_ids(make_facts):
    facts = make_facts(base_records() + [a_claim(id="c0001"), signed_claim(id="c0002")])
    assert [c["id"] for c in facts.claims] == ["c0001", "c0002"]
    assert facts.meta["last_claim"] == 2


def test_a_new_form_id_given_is_kept_and_refused_when_used(base):
    summary = import_records(loc(base), [a_claim(id="c1nhbxxk8dxygg")])
    assert summary.claim_ids == ["c1nhbxxk8dxygg"]
    problems = refused(base, [signed_claim(id="c1nhbxxk8dxygg")])
    assert problems == ["record 1, field id: c1nhbxxk8dxygg is already used"]
    # Neither the letters i, l, o, u (read as 1 and 0) nor capitals are in an id.
    assert refused(base, [signed_claim(id="c1nhbxxk8dxygi")])[0].startswith("record 1, field id:")


def test_explicit_id_at_or_below_the_last_issued_is_refused(base):
    import_records(loc(base), [a_claim(id="c0001"), signed_claim(id="c0002")])
    doc = json.loads(base.read_bytes())
    del doc["claims"]["2"]
    base.write_bytes(store.dumps(doc))
    problems = refused(base, [signed_claim(id="c0002")])
    assert problems[0].startswith("record 1, field id: c0002 was handed out before")
    problems = refused(base, [signed_claim(id="c0001", predicate="cooperates_with", object="russia")])
    assert problems[0].startswith("record 1, field id: c0001 is already used")


def test_explicit_numbered_id_above_the_last_is_kept_and_counted(base):
    summary = import_records(loc(base), [a_claim(id="c0040"), signed_claim()])
    assert summary.claim_ids[0] == "c0040" and is_claim_id(summary.claim_ids[1])
    assert json.loads(base.read_bytes())["meta"]["1"]["last_claim"] == 40
    assert refused(base, [a_claim(id="c0039", predicate="considering")])[0].endswith(
        "c0039 was handed out before; leave id out to get a new one"
    )


def test_explicit_id_used_twice_in_one_batch_is_refused(base):
    problems = refused(base, [a_claim(id="c0009"), signed_claim(id="c0009")])
    assert problems == ["record 2, field id: c0009 is already used"]


# --- the round trip from search --json --------------------------------------------


@pytest.fixture(scope="module")
def sources_and_entities_only(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("roundtrip") / "facts.json"
    records = [r for r in corpus_records() if "citation" not in r]
    with pytest.MonkeyPatch.context() as mp:  # the autouse cache fixture is per test: not yet set
        mp.setenv("FACTCLI_CACHE", str(tmp_path_factory.getbasetemp() / "factcli-cache"))
        import_records(loc(path), records, create=True)
    return path


def copy_of(path: Path, tmp_path: Path) -> Path:
    out = tmp_path / "copy.json"
    out.write_bytes(path.read_bytes())
    return out


def test_claims_in_search_json_shape_import_into_a_store_without_them(
    shipped, sources_and_entities_only, tmp_path
):
    target = copy_of(sources_and_entities_only, tmp_path)
    exported = json.loads(json.dumps([claim_record(shipped, c) for c in shipped.claims], ensure_ascii=False))
    assert all(set(r["source"]) == {"id", "outlet", "title", "published"} for r in exported)
    summary = import_records(loc(target), exported)
    assert summary.claims == len(shipped.claims)
    facts = store.load(loc(target))
    assert facts.claims == shipped.claims
    assert verify(facts) == []


def test_search_json_piped_into_import(sources_and_entities_only, tmp_path):
    target = copy_of(sources_and_entities_only, tmp_path)
    # search writes the same bytes in-process; import reads them from a real stdin pipe.
    search = factcli("search", "--json", db=SHIPPED)
    assert search.exit_code == 0 and search.exception is None, search.stderr
    exported = search.stdout_bytes
    done = subprocess.run(
        [sys.executable, "-m", "factcli", "--db", str(target), "import", "-"],
        input=exported,
        capture_output=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr.decode()
    shipped = {c["id"]: c for c in store.load(loc(SHIPPED)).claims}
    imported = {c["id"]: c for c in store.load(loc(target)).claims}
    assert imported == shipped


def test_round_trip_counts_a_claim_already_there_as_present(shipped, sources_and_entities_only, tmp_path):
    target = copy_of(sources_and_entities_only, tmp_path)
    exported = [claim_record(shipped, c) for c in shipped.claims]
    import_records(loc(target), exported[:1])
    summary = import_records(loc(target), exported)
    assert (summary.claims, summary.unchanged) == (len(shipped.claims) - 1, 1)
    assert store.load(loc(target)).claims == shipped.claims


def test_round_trip_refused_whole_when_a_stored_id_says_something_else(
    shipped, sources_and_entities_only, tmp_path
):
    target = copy_of(sources_and_entities_only, tmp_path)
    exported = [claim_record(shipped, c) for c in shipped.claims]
    import_records(loc(target), exported[:1])
    exported[0] = dict(exported[0], statement="Qatar bought the S-400.")
    problems = refused(target, exported)
    assert problems == ["record 1, field id: c0001 is already used"]
    assert len(store.load(loc(target)).claims) == 1


def test_build_does_not_touch_any_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    facts = build(base_records() + [a_claim()])
    assert facts.path is None and len(facts.claims) == 1
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ValidationError):
        build(base_records() + [a_claim(predicate="nope")])


def test_names_resolve_to_entities_added_before_and_after_the_first_name_in_a_batch(make_facts):
    # The first claim names Qatar by an alias (the names table is made then), the entity
    # record after it adds a name, and the last claim names the new entity by its alias.
    facts = make_facts(
        base_records()
        + [
            a_claim(subject="State of Qatar"),
            entity_record("usa", "United States", aliases=["واشنطن"]),
            a_claim(
                predicate="cooperates_with", object="واشنطن", citation={"source": "src-a", "quote": EN_QUOTE}
            ),
        ]
    )
    assert [(c["subject"], c["object"]) for c in facts.claims] == [("qatar", "s-400"), ("qatar", "usa")]


def test_a_claim_citing_an_entity_by_id_or_an_unknown_name_is_checked_as_before(base):
    import_records(loc(base), [a_claim()])  # ids only: no name is looked up
    assert stored_claims(base)[0]["subject"] == "qatar"
    message = refused(base, [signed_claim(subject="Atlantis")])[0]
    assert message.startswith("record 1, field subject: unknown entity 'Atlantis'")
