"""Tests for factcli.rank: the order of evidence relevance promises (the module docstring and
README's ranking): an entity named as subject or object, above speaker or via, above a name of
it in the claim's text, above a predicate the term names, above the term's words in the text,
exact above stem; and a whole name above a part, a form, a holder, a near spelling."""

from __future__ import annotations

import pytest

from factcli.rank import RANKING, Ranking

STRENGTHS = (0.0, 0.5, 1.0, 10.0, 1e6)


def best_text(form: str) -> float:
    """Above any text match of `form`, however strong."""
    return RANKING.text[form] + 1.0


def test_a_named_subject_or_object_outranks_a_speaker_or_via():
    for role in ("subject", "object"):
        for other in ("speaker", "via"):
            assert RANKING.link_score(role, "", "alias") > RANKING.link_score(other, "", "alias")


def test_a_speaker_outranks_a_name_in_the_claims_text():
    for kind in ("alias", "common_word", "metonym", "stem"):
        assert RANKING.link_score("speaker", "", "alias") > RANKING.link_score("mention", kind, "alias")


def test_a_name_in_the_text_outranks_the_predicate_named():
    # The entity's name or alias, or a common-word name of it, as written.
    for kind in ("alias", "common_word"):
        assert RANKING.link_score("mention", kind, "alias") > RANKING.predicate_score("exact"), kind


def test_a_metonym_counts_below_the_entitys_own_name():
    # "Doha" for Qatar is a sign of Qatar, weaker than "Qatar" itself.
    assert RANKING.link_score("mention", "metonym", "alias") < RANKING.link_score("mention", "alias", "alias")


def test_the_predicate_named_outranks_any_text_match():
    assert RANKING.predicate_score("exact") >= best_text("exact")
    assert RANKING.predicate_score("exact") > RANKING.predicate_score("stem")


@pytest.mark.parametrize("strength", STRENGTHS)
def test_a_text_match_stays_below_the_next_kind_of_evidence_however_strong(strength):
    assert RANKING.text_score("exact", strength) < RANKING.predicate_score("exact")
    assert RANKING.text_score("stem", strength) < RANKING.text["exact"]


def test_a_stronger_text_match_scores_higher_within_its_form():
    scores = [RANKING.text_score("exact", s) for s in STRENGTHS]
    assert scores == sorted(scores) and len(set(scores)) == len(scores)
    assert RANKING.text_score("exact", 0.0) == RANKING.text["exact"]


def test_a_whole_name_outranks_a_part_a_form_a_holder_and_a_near_spelling():
    whole = RANKING.link_score("subject", "", "alias")
    for naming in ("part", "stem", "holder", "fuzzy"):
        assert RANKING.link_score("subject", "", naming) < whole, naming
    assert RANKING.naming["part"] > RANKING.naming["stem"]
    # A name spelled with another word for one of its words: below the name as written and
    # a part of it, above the holder of an office so named.
    assert RANKING.naming["holder"] < RANKING.naming["synonym"] < RANKING.naming["part"]
    # `state`, `counterpart`, `word` and `party` name something other than the words typed
    # (the state a capital stands for, the people texts call «نظيره», a topic whose name
    # holds the word, an agreement of the entity named): they are weighed apart, below.
    apart = ("state", "counterpart", "word", "party")
    own = {k: v for k, v in RANKING.naming.items() if k not in apart}
    assert RANKING.naming["fuzzy"] == min(own.values())
    assert RANKING.naming["party"] <= RANKING.naming["word"] < RANKING.naming["fuzzy"]


def test_a_capital_beside_other_words_finds_its_state_below_the_capital_itself():
    # "Shoigu Doha visit": Qatar as the visit's object counts less than Doha in the text.
    assert RANKING.link_score("object", "role", "state") < RANKING.link_score("mention", "alias", "alias")
    assert RANKING.link_score("subject", "role", "state") < RANKING.link_score("subject", "role", "alias")


def test_a_person_named_by_title_or_as_counterpart_ranks_below_their_name():
    for kind in ("title", "counterpart"):
        assert (
            0 < RANKING.link_score("mention", kind, "alias") < RANKING.link_score("mention", "stem", "alias")
        )


def test_a_role_is_scored_by_its_role_whatever_kind_of_mention_is_given():
    assert RANKING.link_score("subject", "metonym", "alias") == RANKING.role["subject"]


def test_an_unknown_mention_kind_is_no_evidence():
    assert RANKING.link_score("mention", "no-such-kind", "alias") == 0.0


def test_the_weights_cannot_be_changed_in_place():
    with pytest.raises(AttributeError):
        RANKING.role = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        RANKING.role["subject"] = 0.0  # type: ignore[index]


def test_a_ranking_with_other_weights_scores_with_them():
    flat = Ranking(text={"exact": 1.0, "stem": 1.0})
    assert flat.text_score("stem", 0.0) == flat.text_score("exact", 0.0) == 1.0
    assert RANKING.text["exact"] == 3.0  # the shared ranking is untouched


def test_a_word_of_a_topics_name_counts_no_more_than_a_synonym_in_the_text():
    assert RANKING.link_score("object", "role", "word") <= RANKING.text_score("synonym", 0.0)
