"""Drafting real articles: whole-word cues, English names for new entities, and the
entities a new article brings (a title before an unknown name, an institution's name)."""

from __future__ import annotations

from factcli.analyze import cue_word_regex
from factcli.draft import draft_article, parse_published
from factcli.draft.cues import Pattern
from factcli.draft.english import Spellings, english_name

ENTITIES = [
    {
        "id": "russia",
        "type": "country",
        "name": "Russia",
        "name_ar": "روسيا",
        "aliases": [],
        "metonyms": ["موسكو"],
    },
    {"id": "turkey", "type": "country", "name": "Turkey", "name_ar": "تركيا", "aliases": []},
    {
        "id": "vladimir-putin",
        "type": "person",
        "name": "Vladimir Putin",
        "name_ar": "فلاديمير بوتين",
        "aliases": [],
    },
]


def test_a_cue_stem_matches_whole_words_only() -> None:
    visited = Pattern.of("زار*")
    assert visited.find(["زار"]) and visited.find(["وزارت"])
    assert visited.find(["وزاره"]) is None  # وزارة, a ministry
    assert Pattern.of("~نفي*").find(["تنفيذ"]) is None
    assert Pattern.of("~نفي*").find(["ينفي"])
    assert cue_word_regex("زيار", "و?", inflected=True).match("وزيارته")


def test_english_name_uses_the_store_spellings_then_romanizes() -> None:
    spellings = Spellings.of(ENTITIES)
    assert spellings.words["فلاديمير"] == "Vladimir"
    name = english_name("فلاديمير كوجين", spellings)
    assert name.startswith("Vladimir ") and name.isascii()
    assert english_name("رجب") == "Rajab"
    assert english_name("الدفاع").startswith("al-")


def test_a_title_before_an_unknown_name_and_an_institution_are_proposed() -> None:
    text = (
        "عنوان الخبر\n\n"
        "قال الرئيس التركي رجب طيب أردوغان إن بلاده وقعت عقدا مع روسيا.\n\n"
        "وأعلنت وزارة الدفاع الروسية أن التسليم سيبدأ قريبا."
    )
    draft = draft_article(text, [dict(e) for e in ENTITIES], published=parse_published("2017-09-12"))
    by_ar = {e["name_ar"]: e for e in draft.entities}
    assert by_ar["رجب طيب أردوغان"]["type"] == "person"
    assert by_ar["رجب طيب أردوغان"]["name"].isascii()
    assert by_ar["وزارة الدفاع الروسية"]["type"] == "organization"
    assert not any(c["predicate"] == "visited" for c in draft.claims)
