"""Relevance: every weight a search ranks with, and how one piece of evidence scores.

A term scores its best piece of evidence; a claim the sum over its terms. The evidence, best
first: an entity the term names as the claim's subject or object, above speaker or via,
above a name of it in the claim's text, above a predicate the term names, above the term's
words in the text (exact above stem); and how the term named the entity scales its entity
evidence (a whole name above a part, a form, a holder of an office, a near spelling).

This module is the one home of those numbers. `search` puts a `Ranking` in every query plan
(`plan.Plan.ranking`) and a backend scores with it, so a relevance change is a change here
and nowhere else. It imports nothing from factcli: the keys below are the plain words the
plan and the index use (roles, link kinds, namings, text forms), listed with each table.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

__all__ = ["RANKING", "Ranking"]


def _table(**weights: float) -> Mapping[str, float]:
    return MappingProxyType(weights)


class Ranking(NamedTuple):
    """The weights of relevance, and the score of each kind of evidence under them."""

    # An entity the term names, by the claim's role for it.
    role: Mapping[str, float] = _table(subject=10.0, object=10.0, speaker=7.0, via=7.0)
    # An entity the term names, by the kind of the claim text's mention of it: a name or an
    # alias, a common-word name (beside another sign of the entity), a metonym, another form
    # of a one-word name.
    # An office the text names, for its holder (`title`), a person the text calls «نظيره»,
    # a counterpart (`counterpart`), and an entity the name of the claim's topic names
    # (`topic`: Qatar in "Qatar-Russia relations"): below a name of it in the text.
    mention: Mapping[str, float] = _table(
        alias=5.0, common_word=5.0, metonym=4.0, stem=3.5, title=3.0, counterpart=3.0, topic=3.0
    )
    # The term's words in the statement or quote, as written (`exact`) or by their stems, or
    # another word for the same idea (`synonym`, from the thesaurus): below the word as typed.
    text: Mapping[str, float] = _table(exact=3.0, stem=2.0, synonym=1.5)
    # A claim whose predicate is the word asked for is more to the point than one whose text
    # only uses the word: above any text match (3 + a bonus below 1 < 4), below a name of the
    # entity in the text.
    # A predicate a synonym of the word names counts below one its label names, and no more
    # than the word as typed in the text (3.0 < 3 + a bonus).
    predicate: Mapping[str, float] = _table(exact=4.0, stem=3.5, synonym=3.0)
    # How the term named the entity scales its entity evidence. `synonym`: a name spelled
    # with another word for one of its words ("Russian envoy" for "Russian ambassador"),
    # below a part of the name as written, above the holder of an office so named.
    # `state`: a capital typed beside other words, standing for its state (Doha for
    # Qatar), below the capital itself named in the text; `counterpart`: the word
    # «نظيره» or "counterpart", for the people the texts call so; `word`: a word (or its
    # synonym) of a topic's name or for an entity's kind, for the claims about it ("ties":
    # the claims whose object is "Qatar-Russia relations"; "weapons": a weapon system), no
    # more than a synonym in the text (10 × 0.15 = 1.5, a synonym's weight before its bonus).
    naming: Mapping[str, float] = _table(
        alias=1.0,
        part=0.9,
        stem=0.8,
        synonym=0.85,
        link=1.0,
        fuzzy=0.5,
        holder=0.8,
        state=0.45,
        counterpart=0.5,
        word=0.15,
        party=0.15,
    )
    # How much each text field counts in a backend's own measure of a text match's strength
    # (a match in the stems is weaker evidence of the words asked for), by field then form.
    field_weight: Mapping[str, Mapping[str, float]] = MappingProxyType(
        {
            "statement": _table(exact=1.0, stem=0.7, synonym=0.5),
            "quote": _table(exact=1.0, stem=0.7, synonym=0.5),
        }
    )

    def text_score(self, form: str, strength: float) -> float:
        """A text match in `form` ("exact", "stem" or "synonym") of a strength >= 0 (the backend's
        measure, higher is stronger): the form's weight plus a bonus below 1 that orders
        text matches among themselves and never lifts one over the next kind of evidence."""
        return self.text[form] + strength / (1.0 + strength)

    def link_score(self, role: str, kind: str, naming: str) -> float:
        """A link from the claim to an entity the term named as `naming`: by `role`
        (subject, object, speaker, via), or for a `mention` in the text by its `kind`."""
        weight = self.role[role] if role in self.role else self.mention.get(kind, 0.0)
        return weight * self.naming[naming]

    def predicate_score(self, form: str) -> float:
        """A claim whose predicate the term names, by its label (`exact`), its stems, or
        through a synonym (`synonym`)."""
        return self.predicate[form]


RANKING = Ranking()
