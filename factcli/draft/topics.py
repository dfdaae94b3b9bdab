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

from ..analyze import ARTICLE, MIN_STEM, PROCLITICS, clitic_cuts, strip_clitic
from ..normalize import normalize
from .base import _after_conjunction, _conjunction
from .cues import _DUAL, _FUNCTION_WORDS, _PREDICATE_PATTERNS, _TITLES, RELATIVE_PRONOUNS
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
# The cue of a topic named by its head and its sides (what `areas_covered` tells apart).
_SIDES_TOPIC = "a topic: "


# A ceremony's nouns and the acts a ceremony marks, as verbal nouns («حفل التوقيع»، «مراسم
# تسلم المقاتلات»، «حفل تسليمها»، «مراسم إطلاق الغواصة»): the ceremony is named by both.
_CEREMONIES = {normalize(w) for w in ("حفل", "مراسم", "مراسيم", "احتفال", "احتفالية")}
_ACTS = {
    normalize(w): english
    for w, english in (
        ("توقيع", "signing"),
        ("تسلم", "handover"),
        ("تسليم", "handover"),
        ("استلام", "handover"),
        ("تدشين", "launch"),
        ("إطلاق", "launch"),
        ("افتتاح", "opening"),
        ("إرسال", "dispatch"),
        ("تخريج", "graduation"),
        ("إنزال", "launch"),
    )
}
# A gathering told by its definite noun alone where someone attends it («حضر اللقاء»، «حضر
# الحفل»، «أقيمت الاحتفالية بحضور»): the one the story tells, named by that noun, in English
# by its kind; a meeting's noun only as what the verb of attending governs.
_GATHERINGS = {
    **{noun: "ceremony" for noun in _CEREMONIES},
    **{normalize(w): "meeting" for w in ("لقاء", "اجتماع")},
}
_GATHERING_NOUNS = set(_GATHERINGS)
# A pronoun written onto the act's noun («تسليمها»): the act's object, the name ends there.
_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")
# Who attends: the cue that makes a ceremony a name worth proposing.
_ATTENDING = {"attends", "hosts"}
_ATTENDING_CUES = [p for p, pred in _PREDICATE_PATTERNS if pred in _ATTENDING]


# A proclitic on the first word of a topic's name, before its article («وبالتعاون»: the
# name is told from «التعاون»).
_PROCLITIC_BEFORE_ARTICLE = re.compile(f"^(?:{'|'.join(PROCLITICS)})?(?={ARTICLE})")


def _bare(key: str) -> str:
    """`key` without its proclitics and its article where a stem is left («بالتعاون»,
    «للتعاون», «والتعاون»: «تعاون»), else without its conjunction."""
    for cut in reversed(clitic_cuts(key)):
        stem = strip_clitic(key, cut)
        if stem.startswith(ARTICLE) and len(stem) - len(ARTICLE) >= MIN_STEM:
            return stem[len(ARTICLE) :]
    return _after_conjunction(key, stem=True)


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
            arabic = _PROCLITIC_BEFORE_ARTICLE.sub("", arabic)
            known = self.linker.resolve(arabic, True, True)
            if known:
                # The store's topic of these words (its curators chose what they name).
                return next(iter(known)) if len(known) == 1 else None
            if normalize(arabic) in self._new_names:
                return self._new_names[normalize(arabic)]
            before = len(self.new_entities)
            self._new_entity(arabic, "topic", f"{_SIDES_TOPIC}{head} and its sides", english=english)
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

    def _ceremonies(self, clause: Clause, mentions: list[Mention]) -> bool:
        """A ceremony told where someone attends it («وحضر الوزير حفل التوقيع»، «حضرا مراسم
        توقيع الاتفاقية»): an event named by the ceremony's noun, the act it marks and that
        act's object, as written: up to the object's definite word («مراسم تسلم المقاتلات»),
        through a count's indefinite words and a model («حفل تسليم طائرات C-130»), the act
        alone when definite («حفل التوقيع») or when a pronoun is its object («حفل
        تسليمها»); never into a name. A gathering's definite noun alone («حضر اللقاء»، «أقيمت
        الاحتفالية بحضور») names the one the story tells. True when one is new."""
        keys = [w.key for w in clause.words]
        if not any(p.find(keys) for p in _ATTENDING_CUES):
            return False
        text, words = self.text, clause.words
        named = {k for m in mentions if not m.weak for k in range(m.first, m.last)}
        before = len(self.new_entities)

        def stem(key: str, within: set[str]) -> tuple[int, str] | None:
            for cut in clitic_cuts(key):
                bare = strip_clitic(key, cut)
                if bare.removeprefix(ARTICLE) in within:
                    return cut, bare
            return None

        def marked(k: int) -> bool:
            return re.search(r"[،,.:؛«»\"“”()\[\]]", text[words[k - 1].end : words[k].start]) is not None

        def alone(k: int) -> bool:
            # the definite noun at k stands alone: the clause ends after it, or a mark, or a
            # word that is no definite word of its phrase («اللقاء الذي جمع», «حضر اللقاء
            # عدد»), or a title opening the subject told after it
            return (
                k + 1 == len(keys)
                or marked(k + 1)
                or keys[k + 1] in RELATIVE_PRONOUNS
                or not keys[k + 1].startswith(ARTICLE)
                or any(t.opens(keys[k + 1]) for t in _TITLES)  # «حضر اللقاء السفير العراقي»
            )

        def attended(k: int) -> bool:
            # a meeting's noun right after a verb of attending («حضر اللقاء»): elsewhere it is
            # the cue of the meeting itself («وتطرق اللقاء إلى»)
            return k > 0 and any(p.opens(keys[k - 1]) for p in _ATTENDING_CUES)

        for i in range(len(keys)):
            gathering = stem(keys[i], _GATHERING_NOUNS)
            if (
                gathering is not None
                and gathering[1].startswith(ARTICLE)
                and i not in named
                and alone(i)
                and (gathering[1].removeprefix(ARTICLE) in _CEREMONIES or attended(i))
            ):
                s = words[i].start + max(gathering[0], 0)
                english = _GATHERINGS[gathering[1].removeprefix(ARTICLE)]
                self._new_entity(
                    text[s : words[i].end], "event", "a gathering attended, its noun alone", english=english
                )
                continue
            if i == len(keys) - 1:
                break
            noun = stem(keys[i], _CEREMONIES)
            if noun is None or i in named or i + 1 in named or marked(i + 1):
                continue
            act = keys[i + 1]
            done = act.removeprefix(ARTICLE)
            if done not in _ACTS:
                # «حفل تسليمها»: its object is a pronoun
                done = next((act[: -len(p)] for p in _OBJECT_PRONOUNS if act.endswith(p)), "")
            if done not in _ACTS:
                continue
            end, model = i + 2, None
            if not act.startswith(ARTICLE) and end == i + 2 and act.removeprefix(ARTICLE) in _ACTS:
                # the act's object: indefinite words and a model up to a definite word
                while end < len(keys) and end - i < 6 and not marked(end):
                    model = next((m for m in mentions if not m.weak and m.first == end), None)
                    if model is not None and self.linker.type_of(model.ids[0]) == "weapon_system":
                        end = model.last  # «حفل تسليم طائرات C-130»: the model closes it
                        break
                    model = None
                    if end in named:
                        break
                    nxt = keys[end]
                    if nxt in _FUNCTION_WORDS or (_conjunction(nxt) and not nxt.startswith(ARTICLE)):
                        break  # (a word of grammar, the next item: «و...»)
                    if self._reads_as_date(text[words[end].start : words[end].end]):
                        break
                    end += 1
                    if nxt.startswith(ARTICLE) or re.search(r"[0-9]", nxt):
                        break
                if end == i + 2:
                    continue  # «مراسم تسلم» and nothing it is of: no name
            s = words[i].start + (0 if noun[0] <= 0 else noun[0])
            written = text[s : words[end - 1].end]
            english = f"{_ACTS[done]} ceremony"
            if model is not None:
                english = f"{self._name_of(model.ids[0])} {english}"  # "C-130 handover ceremony"
            self._new_entity(written, "event", "a ceremony and the act it marks", english=english)
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
