"""Tests for factcli.link: the one linker of the index build and of drafting.

A claim's text links the entities its words name, whatever proclitics stand before them;
a search finds the claim through each of those entities' names."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import entity_record, source_record

from factcli import draft
from factcli.cli import main
from factcli.draft import spans
from factcli.importer import build
from factcli.lexicon import name_table
from factcli.link import Linker
from factcli.search import Query, search

# "And in Doha the minister met his counterpart": و (and) + ب (in) + الدوحة. Doha stands
# for Qatar here (a metonym), so the claim is about a meeting in Qatar.
AND_IN_DOHA = "وبالدوحة التقى الوزير نظيره."
# The same sentence with the preposition written apart: "in Doha the minister met ...".
IN_DOHA = "في الدوحة التقى الوزير نظيره."


def _records(quote: str) -> list[dict]:
    return [
        source_record("src", f"عنوان\n{quote}", language="ar"),
        entity_record("qatar", "Qatar", aliases=["قطر"], metonyms=["الدوحة", "Doha"]),
        entity_record("russia", "Russia", aliases=["روسيا"], metonyms=["موسكو"]),
        {
            "subject": "russia",
            "predicate": "met",
            "object": None,
            "date": None,
            "statement": "The minister met his counterpart.",
            "citation": {"source": "src", "quote": quote},
        },
    ]


@pytest.mark.parametrize("quote", [AND_IN_DOHA, IN_DOHA])
@pytest.mark.parametrize("term", ["Qatar", "قطر", "الدوحة"])
def test_doha_behind_two_proclitics_still_finds_qatar(make_facts, quote: str, term: str) -> None:
    facts = make_facts(_records(quote))
    assert [h.claim["citation"]["quote"] for h in search(facts, Query(terms=[term]))] == [quote]


@pytest.mark.parametrize("term", ["Qatar", "قطر", "الدوحة"])
def test_the_command_line_finds_the_claim_too(store_file, term: str) -> None:
    path = store_file(_records(AND_IN_DOHA))
    result = CliRunner().invoke(main, ["--db", str(path), "search", term, "--json"])
    assert result.exit_code == 0, result.stderr
    assert [r["citation"]["quote"] for r in json.loads(result.stdout)] == [AND_IN_DOHA]


def _index_links(quote: str) -> list[tuple[str, str]]:
    # As the index build makes it: from the name table alone.
    facts = build(_records(quote))
    an = Linker.of([]).an
    linker = Linker(name_table(facts.entities, an.tokens), an)
    toks = an.tokens(quote)
    return sorted((eid, kind) for eid, kind, _ in linker.mentions([], toks, {"russia"}))


def test_the_index_and_drafting_link_the_same_entity() -> None:
    facts = build(_records(AND_IN_DOHA))
    assert _index_links(AND_IN_DOHA) == _index_links(IN_DOHA) == [("qatar", "metonym")]
    linker = Linker.of(facts.entities)
    found = draft.find_mentions(linker, AND_IN_DOHA, spans._words(AND_IN_DOHA, 0, len(AND_IN_DOHA)))
    assert [(m.written, m.ids) for m in found] == [("الدوحة", ("qatar",))]


def test_a_common_word_needs_another_sign_of_its_entity() -> None:
    # العديد is "many" as often as it is Al Udeid.
    entities = [entity_record("udeid", "Al Udeid Air Base", "place", common_words=["العديد"])]
    linker = Linker.of(entities)
    assert linker.resolve("العديد", quoted=False, after_kind_noun=False) == set()
    assert linker.resolve("العديد", quoted=True, after_kind_noun=False) == {"udeid"}
    assert linker.resolve("العديد", quoted=False, after_kind_noun=True) == {"udeid"}
    toks = linker.an.tokens("العديد من الدول")  # many of the states
    assert linker.mentions(toks, [], set()) == []
    assert linker.mentions(toks, [], {"udeid"}) == [("udeid", "common_word", True)]
    assert linker.mentions([], toks, {"udeid"}) == [("udeid", "common_word", False)]


def _offices() -> list[dict]:
    # Two states, each with a defence office and another office, and their holders.
    return [
        entity_record("qatar", "Qatar", aliases=["قطر"], name_ar="قطر"),
        entity_record("russia", "Russia", aliases=["روسيا"], name_ar="روسيا"),
        entity_record("qa-defence", "Qatari Minister of State for Defence Affairs", "office"),
        entity_record("qa-energy", "Qatari Minister of Energy", "office"),
        entity_record("ru-defence", "Russian Minister of Defence", "office", aliases=["وزير الدفاع الروسي"]),
        entity_record("ru-president", "President of Russia", "office"),
        entity_record("attiyah", "Khalid Al Attiyah", "person", aliases=["العطية"]),
        entity_record("shoigu", "Sergei Shoigu", "person", aliases=["شويغو"]),
        entity_record("sada", "Mohammed Al Sada", "person"),
        entity_record("putin", "Vladimir Putin", "person"),
    ]


HOLDERS = {
    "qa-defence": {"attiyah"},
    "qa-energy": {"sada"},
    "ru-defence": {"shoigu"},
    "ru-president": {"putin"},
}


def test_a_counterpart_is_the_holder_of_the_like_office_of_the_country_named() -> None:
    linker = Linker.of(_offices())
    an = linker.an
    # "Al Attiyah and his Russian counterpart signed": Attiyah is Qatar's minister of state
    # for defence, so his Russian counterpart is Russia's minister of defence, Shoigu.
    toks = an.tokens("وقع العطية ونظيره الروسي الاتفاق")
    assert linker.roles_named(toks, {"attiyah"}, HOLDERS) == [("shoigu", "counterpart")]
    # "The Russian defence minister will discuss with his Qatari counterpart": Attiyah (and
    # the minister named by his office is Shoigu).
    toks = an.tokens("وزير الدفاع الروسي سيبحث مع نظيره القطري")
    assert linker.roles_named(toks, {"ru-defence"}, HOLDERS) == [
        ("attiyah", "counterpart"),
        ("shoigu", "title"),
    ]
    assert linker.roles_named(an.tokens("Shoigu met his Qatari counterpart"), {"shoigu"}, HOLDERS) == [
        ("attiyah", "counterpart")
    ]
    # No country beside the word, or no office to be like: nobody.
    assert linker.roles_named(an.tokens("التقى العطية نظيره"), {"attiyah"}, HOLDERS) == []
    assert linker.roles_named(an.tokens("التقى نظيره الروسي"), set(), HOLDERS) == []


def test_an_office_named_in_the_text_names_its_holder() -> None:
    linker = Linker.of(_offices())
    toks = linker.an.tokens("قال وزير الدفاع الروسي")
    assert linker.roles_named(toks, {"ru-defence"}, HOLDERS) == [("shoigu", "title")]
    # Already named in the claim: no second link.
    assert linker.roles_named(toks, {"ru-defence", "shoigu"}, HOLDERS) == []


def test_a_topic_is_about_what_its_own_names_name() -> None:
    entities = [
        *_offices()[:2],
        entity_record("doha", "Doha", "place", aliases=["الدوحة"]),
        entity_record("qatar-metonyms", "unused", "person"),
        entity_record("ties", "Qatar-Russia relations", "topic", aliases=["العلاقات القطرية الروسية"]),
        entity_record("arms", "Arms for Qatar", "agreement", aliases=["اتفاق لإمداد الدوحة بأسلحة"]),
        entity_record("putin", "Vladimir Putin", "person"),
    ]
    entities[0]["metonyms"] = ["الدوحة", "Doha"]
    linker = Linker.of(entities)
    assert linker.about("ties") == {"qatar", "russia"}
    # Doha in an agreement's name stands for Qatar, not the city.
    assert linker.about("arms") == {"qatar"}
    # A person's name says nothing about what a claim about them is about.
    assert linker.about("putin") == set()
