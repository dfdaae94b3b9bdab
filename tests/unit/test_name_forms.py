"""Names meet words through their own forms, never the generic stemmer's; ties in relevance
go by the claim's own evidence, not by whether it is dated."""

from __future__ import annotations

from conftest import entity_record, source_record

from factcli.analyze import analyzer, name_bases, word_forms
from factcli.importer import build
from factcli.link import Linker
from factcli.search import Query, search


def _toks(text: str) -> list[str]:
    return analyzer().tokens(text)


def test_a_name_is_written_as_its_adjectives_and_plurals_only() -> None:
    assert "الروسيه" in word_forms(_toks("روسيا")[0])
    assert "syrian" in word_forms("syria") and "kalashnikovs" in word_forms("kalashnikov")
    # قناة (a channel) is no form of قنا (QNA); a bare stem without the article is no form.
    assert _toks("قناة")[0] not in word_forms(_toks("قنا")[0])
    assert "سور" not in word_forms(_toks("سوريا")[0])
    assert "syria" in name_bases("syrian") and _toks("روسيا")[0] in name_bases(_toks("الروسية")[0])
    assert "emir" not in name_bases("emirates")


def test_the_linker_says_whether_the_statement_names_the_entity() -> None:
    linker = Linker.of([entity_record("syria", "Syria", "country", name_ar="سوريا")])
    found = linker.mentions(_toks("They discussed the Syrian crisis."), _toks("الأزمة السورية"), set())
    assert found == [("syria", "stem", True)]
    assert linker.mentions(_toks("They discussed relations."), _toks("الأزمة السورية"), set()) == [
        ("syria", "stem", False)
    ]
    qna = Linker.of([entity_record("qna", "Qatar News Agency", "organization", aliases=["قنا"])])
    assert qna.mentions([], _toks("نقلت قناة الجزيرة"), set()) == []


def _claim(cid: str, quote: str, subject: str, predicate: str, obj: str | None, statement: str) -> dict:
    return {
        "id": cid,
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "date": None,
        "statement": statement,
        "citation": {"source": "src", "quote": quote},
    }


def test_emir_does_not_name_the_emirates_and_own_evidence_ranks_first() -> None:
    shared = "ناقش تميم وبوتين العلاقات والأزمتين الخليجية والسورية"
    text = f"قطعت الإمارات علاقاتها مع قطر. {shared}. تحدث أمير قطر."
    facts = build(
        [
            source_record("src", text),
            entity_record("uae", "United Arab Emirates", aliases=["Emirates", "الإمارات"]),
            entity_record("qatar", "Qatar", aliases=["قطر"]),
            entity_record("syria", "Syria", aliases=["سوريا"]),
            _claim(
                "c0001",
                "قطعت الإمارات علاقاتها مع قطر",
                "uae",
                "cut_ties_with",
                "qatar",
                "The Emirates cut ties with Qatar.",
            ),
            _claim("c0002", shared, "qatar", "discussed", None, "Qatar discussed relations."),
            _claim("c0003", shared, "qatar", "praised", None, "Qatar discussed the Syrian crisis."),
            _claim("c0004", "تحدث أمير قطر", "qatar", "discussed", None, "The Emir of Qatar spoke."),
        ]
    )
    # "Emir" names no entity: the Emirates claim meets it through its stem alone, as text.
    hits = search(facts, Query(terms=["Emir"]))
    assert [h.claim["id"] for h in hits] == ["c0004", "c0001"]
    assert hits[1].why == [{"term": "emir", "field": "statement", "kind": "stem"}]
    # The same quote names Syria for both; c0003's own statement does too.
    assert [h.claim["id"] for h in search(facts, Query(terms=["Syria"]))] == ["c0003", "c0002"]


def test_digits_meet_number_words() -> None:
    text = "اتفاقية لمدة خمس سنوات. صادرات بقيمة 5.2 مليار."
    facts = build(
        [
            source_record("src", text),
            entity_record("qatar", "Qatar", aliases=["قطر"]),
            entity_record("five-year-agreement", "Five-year agreement", "agreement"),
            entity_record("export-contract", "Export contract", "agreement"),
            _claim(
                "c0001",
                "اتفاقية لمدة خمس سنوات",
                "qatar",
                "signed",
                "five-year-agreement",
                "An agreement for five years.",
            ),
            _claim(
                "c0002",
                "صادرات بقيمة 5.2 مليار",
                "qatar",
                "signed",
                "export-contract",
                "Exports of $5.2 billion.",
            ),
        ]
    )
    for typed in (["٥", "سنوات"], ["5", "years"], ["خمس"]):
        assert [h.claim["id"] for h in search(facts, Query(terms=typed))] == ["c0001"], typed
