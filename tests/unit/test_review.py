"""Tests for factcli.review: the questions `add` asks and the walk through a draft, with a
scripted Asker in place of a terminal (no click, no rich, no terminal)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from conftest import entity_record, source_record

from factcli import draft, review
from factcli.dates import DateSpan
from factcli.errors import InputError
from factcli.importer import build

TEXT = "Qatar is negotiating the purchase of the S-400 with Russia, the minister said."


class Scripted:
    """An Asker answering from a list; what it was asked, refused and told is kept."""

    def __init__(self, answers: Sequence[str]) -> None:
        self.answers = list(answers)
        self.asked: list[str] = []
        self.refused: list[str] = []
        self.told: list[str] = []

    def _next(self, question: str) -> str:
        self.asked.append(question)
        if not self.answers:
            raise review.Stopped()
        return self.answers.pop(0)

    def ask(self, question: str, *, default: str | None = None) -> str:
        answer = self._next(question)
        return default if answer == "" and default is not None else answer

    def choose(self, question: str, choices: Sequence[str]) -> str:
        while True:
            answer = self._next(question)
            if answer in choices:
                return answer

    def refuse(self, reason: str) -> None:
        self.refused.append(reason)

    def tell(self, text: str) -> None:
        self.told.append(text)


@pytest.fixture(scope="module")
def facts():
    return build(
        [
            source_record("src-1", TEXT),
            entity_record("qatar", "Qatar"),
            entity_record("s-400", "S-400", "weapon_system"),
            entity_record("russia", "Russia"),
        ]
    )


# --- add: the record and what is missing ------------------------------------------------------


def test_what_add_is_missing_and_asks_for():
    answers = {"source": "src-1", "quote": None, "subject": "", "object": "s-400", "date": None}
    assert review.missing(answers) == ["quote", "subject", "predicate", "statement"]
    assert review.to_ask(answers) == ["quote", "subject", "predicate", "date", "statement"]


def test_the_add_record_is_built_from_the_answers():
    rec = review.add_record({"source": "src-1", "quote": "q", "subject": "qatar", "value": "8,600 USD"})
    assert rec["citation"] == {"source": "src-1", "quote": "q"}
    assert rec["value"] == {"amount": 8600, "unit": "USD"}
    assert list(rec) == [
        "subject", "predicate", "object", "value", "date", "polarity", "modality",
        "speaker", "via", "statement", "citation",
    ]  # fmt: skip
    with pytest.raises(InputError, match="expected 'AMOUNT UNIT'"):
        review.add_record({"value": "lots"})


def test_an_answer_is_checked_as_the_import_checks_it(facts):
    answers = {"source": "src-1", "subject": "qatar", "predicate": "negotiating_purchase"}
    with pytest.raises(review.Rejected, match="unknown source 'src-2'.*did you mean src-1"):
        review.check_answer(facts, answers, "source", "src-2")
    with pytest.raises(review.Rejected, match="not found in src-1"):
        review.check_answer(facts, answers, "quote", "Qatar buys")
    assert review.check_answer(facts, answers, "quote", " Qatar is negotiating ") == "Qatar is negotiating"
    with pytest.raises(review.Rejected, match="did you mean negotiating_purchase"):
        review.check_answer(facts, answers, "predicate", "negotiating_purchse")
    with pytest.raises(review.Rejected, match="an answer is needed"):
        review.check_answer(facts, answers, "subject", "   ")
    assert review.check_answer(facts, answers, "date", "") is None  # optional: blank is none
    # A problem in a field not asked yet is not this answer's: the statement is still empty.
    assert review.check_answer(facts, answers, "object", "S-400") == "S-400"


def test_ask_missing_asks_again_after_the_reason(facts):
    answers = {"polarity": "affirmed", "modality": "in_talks", "object": None, "date": None}
    asker = Scripted(
        [
            "src-9",
            "src-1",
            "Qatar is negotiating",
            "Qatr",
            "Qatar",
            "negotiating_purchase",
            "S-400",
            "",
            "It is.",
        ]
    )
    review.ask_missing(asker, facts, answers, review.to_ask(answers))
    assert asker.asked == [
        "source", "source", "quote", "subject", "subject", "predicate",
        "object (blank for none)", "date (blank for none)", "statement",
    ]  # fmt: skip
    assert len(asker.refused) == 2 and asker.refused[0].startswith("unknown source 'src-9'")
    assert "Qatr" in asker.refused[1]
    assert (answers["source"], answers["subject"], answers["object"], answers["date"]) == (
        "src-1",
        "Qatar",
        "S-400",
        None,
    )


def test_ask_missing_stops_when_the_answers_end(facts):
    answers = {"object": None, "date": None}
    with pytest.raises(review.Stopped):
        review.ask_missing(Scripted(["src-1"]), facts, answers, review.to_ask(answers))
    assert answers["source"] == "src-1"


# --- draft --review ---------------------------------------------------------------------------

ARTICLE = "استقبل تميم شويغو."
ENTITIES = [
    entity_record("tamim", "Tamim bin Hamad", "person", name_ar="تميم"),
    entity_record("shoigu", "Sergei Shoigu", "person", name_ar="شويغو"),
]


def _drafted() -> list[dict]:
    day = DateSpan.from_dict({"start": "2017-10-25", "end": "2017-10-25", "precision": "day", "text": "x"})
    return draft.draft_article(ARTICLE, ENTITIES, published=day, outlet="unknown").records()


def test_review_accepts_with_a_statement_and_edits_a_field():
    records = _drafted()
    assert len(records) == 2 and "draft" in records[1]
    asker = Scripted(["x", "e", "predicate", "visited", "a", "The emir received Shoigu."])
    kept = review.review_drafts(records, ENTITIES, asker)
    assert len(kept) == 2 and "draft" not in kept[1]
    assert kept[1]["statement"] == "The emir received Shoigu." and kept[1]["predicate"] == "visited"
    assert asker.told[0].startswith("\n[1/1] ")
    assert any(t.startswith("  one of: ") for t in asker.told)


def test_review_skip_drops_and_a_bad_edit_keeps_the_record():
    asker = Scripted(["e", "predicate", "greeted", "s"])
    assert review.review_drafts(_drafted(), ENTITIES, asker) == _drafted()[:1]
    assert any("vocabulary" in t for t in asker.told)


def test_review_quit_and_the_end_of_answers_keep_the_rest_as_drafts():
    records = _drafted()
    assert review.review_drafts(records, ENTITIES, Scripted(["q"])) == records
    asker = Scripted([])
    assert review.review_drafts(records, ENTITIES, asker) == records
    assert asker.told[-1] == "\nreview stopped: the candidates not yet reviewed stay drafts\n"


def test_review_shows_the_quote_in_its_paragraph_and_names_beside_ids():
    asker = Scripted(["s"])
    review.review_drafts(_drafted(), ENTITIES, asker)
    shown = asker.told[0]
    assert "⟦استقبل تميم شويغو⟧." in shown  # the clause marked in its line
    assert "tamim (Tamim bin Hamad)" in shown


def test_review_cites_other_words_copies_a_candidate_and_counts_the_edits():
    asker = Scripted(
        [
            "t", "تميم شويغو",  # narrow the quote
            "c",  # a copy comes next
            "a", "",  # accept, confirming the drafted statement: one edit (the quote)
            "e", "predicate", "visited", "a", "Shoigu visited.",  # the copy: a field and a statement
        ]
    )  # fmt: skip
    kept = review.review_drafts(_drafted(), ENTITIES, asker)
    first, second = kept[1], kept[2]
    assert first["citation"]["quote"] == "تميم شويغو" and first["citation"]["start"] == ARTICLE.index("تميم")
    assert first["statement"] == draft.draft_statement(
        first, {"tamim": "Tamim bin Hamad", "shoigu": "Sergei Shoigu"}
    )
    assert second["predicate"] == "visited" and second["statement"] == "Shoigu visited."
    # 1 (quote) + 1 (copy) on the first; 1 (predicate) + 1 (statement typed) on the second.
    assert asker.told[-1] == "\naccepted 2 claims with 4 edits (2.0 per claim)\n"


def test_review_makes_the_missing_entity_inline_before_the_claim_naming_it():
    asker = Scripted(["n", "Qatar Emiri Air Force", "", "organization", "", "object", "a", "It is."])
    kept = review.review_drafts(_drafted(), ENTITIES, asker)
    entity, claim = kept[1], kept[2]
    assert (entity["id"], entity["type"], entity["name"]) == (
        "qatar-emiri-air-force",
        "organization",
        "Qatar Emiri Air Force",
    )
    assert claim["object"] == "qatar-emiri-air-force" and "draft" not in claim


def test_review_refuses_words_the_article_does_not_hold():
    asker = Scripted(["t", "لم يرد", "s"])
    review.review_drafts(_drafted(), ENTITIES, asker)
    assert any("does not hold" in t for t in asker.told)
