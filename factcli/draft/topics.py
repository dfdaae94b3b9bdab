"""Topics: the cooperation or relations a sentence says were discussed, developed or covered,
as a topic entity the draft proposes.

«بحث سبل تعزيز التعاون العسكري بين البلدين»، «العلاقات الثنائية بين السعودية والعراق»,
«تطوير مجالات التعاون العسكرية»: a head noun (التعاون، العلاقات), the adjectives that say
what kind (العسكري، الدفاعي، الثنائية ...), and the two sides, named after بين or by a dual
(البلدين، الجانبين) that stands for the two states of the story, else the states the clause
names. Its English name is built from them ("Syria-Russia military cooperation"), for the
reviewer to keep; its Arabic name is the phrase as written.
"""

from __future__ import annotations

import re
from typing import Any

from ..analyze import CONJUNCTIONS
from ..normalize import normalize
from .cues import _DUAL, _PREDICATE_PATTERNS
from .names import Mention
from .proposals import _Proposals
from .spans import Clause

# The head nouns, normalized without their article, and their English.
_HEADS = {"تعاون": "cooperation", "علاقات": "relations"}
# Adjectives of kind, normalized without article or ending (masculine or feminine), in English.
_KINDS = {
    "عسكري": "military",
    "دفاعي": "defence",
    "امني": "security",
    "ثنائي": "bilateral",
    "اقتصادي": "economic",
    "فني": "technical",
    "تقني": "technical",
    "عسكريه": "military",
    "دفاعيه": "defence",
    "امنيه": "security",
    "ثنائيه": "bilateral",
    "اقتصاديه": "economic",
    "فنيه": "technical",
    "تقنيه": "technical",
}
# (compared after `normalize`: hamza seats folded, "الثنائية" is read as its letters say)
_KINDS = {normalize(k): v for k, v in _KINDS.items()}
_HEADS = {normalize(k): v for k, v in _HEADS.items()}
_BETWEEN = "بين"
# Predicates whose object may be such a topic.
_TOPIC_PREDICATES = {"discussed", "praised", "includes", "covers_area", "cooperates_in"}


def _bare(key: str) -> str:
    key = key[1:] if key[:1] in CONJUNCTIONS and len(key) > 3 else key
    for prefix in ("بال", "لل", "ال"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            return key[len(prefix) :]
    return key


class _Topics(_Proposals):
    """The cooperation or relations a clause names, proposed as topic entities."""

    _countries_seen: list[str]

    def _topic_of(self, clause: Clause, mentions: list[Mention], after: int) -> str | None:
        """The topic named in the clause from word `after` on: proposed when new; None when
        the clause names no cooperation or relations."""
        words = clause.words
        keys = [w.key for w in words]
        for i in range(max(0, after), len(keys)):
            head = _HEADS.get(_bare(keys[i]))
            if head is None:
                continue
            kinds: list[str] = []
            end = i + 1
            while end < len(keys):
                gap = self.text[words[end - 1].end : words[end].start]
                kind = _KINDS.get(_bare(keys[end]))
                if re.search(r"[،,.:؛«»\"“”()]", gap) or kind is None:
                    if kind is None and _bare(keys[end]) in ("مشترك", "مشتركه") and not gap.strip():
                        end += 1
                        continue
                    break
                if kind not in kinds:
                    kinds.append(kind)
                end += 1
            sides, end = self._sides(clause, mentions, end)
            if len(sides) < 2:
                return None
            english = "-".join(self._name_of(s) for s in sides[:2]) + " " + " ".join([*kinds, head])
            arabic = self.text[words[i].start : words[end - 1].end]
            arabic = re.sub(r"^[وفبل]?(?=ال)", "", arabic)
            known = self.linker.resolve(arabic, True, True)
            if known:
                # The store's topic of these words (its curators chose what they name).
                return next(iter(known)) if len(known) == 1 else None
            if normalize(arabic) in self._new_names:
                return self._new_names[normalize(arabic)]
            before = len(self.new_entities)
            self._new_entity(arabic, "topic", f"a topic: {head} and its sides", english=english)
            return str(self.new_entities[-1]["id"]) if len(self.new_entities) > before else None
        return None

    def _clause_topics(self, clause: Clause, mentions: list[Mention]) -> bool:
        """Propose the topic a clause names where a cue of talks, praise or an agreement's
        scope fires (so that it is a name of the clause when roles are filled); True when
        one is new."""
        keys = [w.key for w in clause.words]
        cue = next(
            (hit for p, pred in _PREDICATE_PATTERNS if pred in _TOPIC_PREDICATES and (hit := p.find(keys))),
            None,
        )
        if cue is None:
            return False
        before = len(self.new_entities)
        self._topic_of(clause, mentions, cue[0])
        return len(self.new_entities) > before

    def _sides(self, clause: Clause, mentions: list[Mention], end: int) -> tuple[list[str], int]:
        """The two states a topic is between: after بين (names, or a dual), else the clause's
        states, else the last two the story named; and where the phrase ends."""
        keys = [w.key for w in clause.words]
        named = [(m.first, e) for m in mentions for e in m.ids[:1] if self.linker.type_of(e) == "country"]
        # A state's adjective inside a title («وزير الدفاع العراقي») names it too.
        named += [
            (k, state)
            for k, key in enumerate(keys)
            if (state := self.linker.adjectives.get(key if key.startswith("ال") else "ال" + key))
        ]
        every = list(dict.fromkeys(e for _, e in sorted(named)))
        if end < len(keys) and keys[end] == _BETWEEN:
            if end + 1 < len(keys) and _DUAL.match(keys[end + 1]):
                # "بين البلدين": the clause's two states, else the last two the story named.
                pair = every[:2] if len(every) >= 2 else self._story_states(every)
                return pair, end + 2
            after = [m for m in mentions if m.first > end and self.linker.type_of(m.ids[0]) == "country"]
            if len(after) >= 2:
                return [m.ids[0] for m in after[:2]], max(m.last for m in after[:2])
        if len(every) >= 2:
            return every[:2], end
        return self._story_states(every), end

    def _story_states(self, named: list[str]) -> list[str]:
        """The two states the story is about: those the clause names, then the last ones the
        story named (in its claims or as names), in the order first named."""
        seen: list[str] = []
        for c in self.claims:
            for eid in (c.get("subject"), c.get("object")):
                if eid and self.linker.type_of(eid) == "country":
                    seen.append(eid)
        seen += self._countries_seen
        latest = list(dict.fromkeys(reversed([*seen, *named])))
        pair = [*named[:2], *[e for e in latest if e not in named]][:2]
        order = {e: i for i, e in reversed(list(enumerate(seen)))}
        return sorted(pair, key=lambda e: order.get(e, len(seen))) if len(pair) == 2 else []

    def _name_of(self, eid: str) -> str:
        entity: dict[str, Any] = self.linker.entities.get(eid) or {}
        return str(entity.get("name") or eid)
