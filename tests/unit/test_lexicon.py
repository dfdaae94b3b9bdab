"""Tests for factcli.lexicon: which entities a spelling names, the nearest names for a "did you
mean" line, and the name table the index links claim text on, with each name's role.

Names come from the shipped store's entities (Qatar: قطر, the metonyms الدوحة/Doha; Al Udeid's
common word العديد, "many"; Alexander Mikheyev of Rosoboronexport) and the README's data model:
a metonym names another thing, so it never resolves to the entity it stands for."""

from __future__ import annotations

from conftest import entity_record

from factcli import analyze
from factcli.lexicon import ALIAS, COMMON_WORD, METONYM, NAME, PART, Lexicon, name_table, names_of

QATAR = entity_record(
    "qatar", "Qatar", aliases=["State of Qatar"], name_ar="قطر", metonyms=["الدوحة", "Doha"]
)
UDEID = entity_record(
    "al-udeid", "Al Udeid Air Base", "place", aliases=["Abu Nakhlah airport"], common_words=["العديد"]
)
MIKHEYEV = entity_record("alexander-mikheyev", "Alexander Mikheyev", "person", aliases=["ألكسندر ميخييف"])
QATAR_FORCES = [
    entity_record("qatar-armed-forces", "Qatar Armed Forces", "organization"),
    entity_record("qatar-air-defence", "Qatar Air Defence", "organization"),
    entity_record("qatar-navy", "Qatar Navy", "organization"),
]


def rows(*entities) -> set[tuple[str, str, str]]:
    """(key, entity, role) of every row of the name table."""
    return {(key, eid, role) for key, eid, role, _ in name_table(entities, analyze.tokens)}


def test_names_a_user_may_type_come_written_names_first_and_the_id_last():
    assert names_of(UDEID) == ["Al Udeid Air Base", "Abu Nakhlah airport", "العديد", "al-udeid"]
    assert names_of(QATAR) == ["Qatar", "قطر", "State of Qatar", "qatar"]  # no metonym


def test_a_spelling_resolves_to_its_entity_in_either_script_and_any_case():
    lex = Lexicon([QATAR, UDEID])
    assert lex.resolve("QATAR") == lex.resolve("قطر") == lex.resolve("state of qatar") == {"qatar"}
    assert lex.resolve("العديد") == {"al-udeid"}
    assert lex.resolve("Atlantis") == set()


def test_a_metonym_does_not_resolve_to_the_entity_it_stands_for():
    # "Doha" names the city, not the state it may stand for in running text.
    assert Lexicon([QATAR]).resolve("Doha") == set()
    assert Lexicon([QATAR]).resolve("الدوحة") == set()


def test_a_spelling_two_entities_share_names_both():
    other = entity_record("qatar-2", "Qatar Two", aliases=["State of Qatar"])
    assert Lexicon([QATAR, other]).resolve("State of Qatar") == {"qatar", "qatar-2"}


def test_an_entity_added_later_resolves_like_one_given_at_first():
    lex = Lexicon([QATAR])
    lex.add(UDEID)
    assert lex.resolve("Abu Nakhlah airport") == {"al-udeid"}


def test_a_near_spelling_is_suggested_as_the_store_writes_it():
    assert Lexicon([QATAR, UDEID]).suggest("Qatr") == ["Qatar"]
    assert Lexicon([QATAR]).suggest("Zimbabwe") == []


def test_the_name_table_gives_each_name_its_role():
    table = rows(QATAR, UDEID)
    assert ("qatar", "qatar", NAME) in table
    assert ("doha", "qatar", METONYM) in table
    assert any(eid == "qatar" and role == ALIAS for _, eid, role in table)
    assert any(eid == "al-udeid" and role == COMMON_WORD for _, eid, role in table)
    # The id is a name too, and a name is listed once per role.
    assert (" ".join(analyze.tokens("al-udeid")), "al-udeid", NAME) in table
    keys = [(key, eid, role) for key, eid, role, _ in name_table([QATAR], analyze.tokens)]
    assert len(keys) == len(set(keys))


def test_a_written_name_listed_as_a_common_word_plays_that_role_only():
    # الجزيرة ("island") names Al Jazeera only beside another sign of it (README, the data model).
    jazeera = entity_record(
        "al-jazeera", "Al Jazeera", "organization", name_ar="الجزيرة", common_words=["الجزيرة"]
    )
    key = " ".join(analyze.tokens("الجزيرة"))
    assert {role for k, eid, role in rows(jazeera) if k == key} == {COMMON_WORD}


def test_a_distinctive_part_of_a_multi_word_name_names_the_entity():
    parts = {key for key, eid, role in rows(MIKHEYEV) if role == PART}
    assert " ".join(analyze.tokens("Mikheyev")) in parts
    # No part is the whole name again.
    assert " ".join(analyze.tokens("Alexander Mikheyev")) not in parts


def test_a_name_particle_is_never_a_part_on_its_own():
    parts = {key for key, eid, role in rows(UDEID) if role == PART}
    assert " ".join(analyze.tokens("Al")) not in parts
    assert " ".join(analyze.tokens("Udeid")) in parts


def test_a_word_three_entities_share_is_too_common_to_name_any_one():
    parts = {(key, eid) for key, eid, role in rows(*QATAR_FORCES) if role == PART}
    qatar = " ".join(analyze.tokens("Qatar"))
    assert not any(key == qatar for key, _ in parts)
    assert (" ".join(analyze.tokens("Navy")), "qatar-navy") in parts
