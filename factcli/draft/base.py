"""The drafter's common ground: the state every part reads, the claim record, and the
small helpers several parts use."""

from __future__ import annotations

import re
from typing import Any

from ..analyze import CONJUNCTION_RE, clitic_cuts
from ..datespan import DateSpan
from ..link import Linker
from .cues import _ANY, _NUMBERS, _SIGNED_DEALS, ROLES
from .cues import _word_regex as cue_word
from .spans import Clause


class _Base:
    """What every part of the drafter shares: the article, the linker, and the claims made."""

    text: str
    linker: Linker
    media: set[str]  # the media among the entities given, not among new ones
    anchor: DateSpan
    source_id: str
    claims: list[dict[str, Any]]
    mentioned: dict[str, None]  # the store's entities the article names, first named first

    def _claim(
        self, subject, predicate, obj, value, date, polarity, modality, speaker, via, s, e, cues, confidence
    ):
        return {
            "subject": subject,
            "predicate": predicate,
            "object": obj,
            "value": value,
            "date": date.to_dict() if date else None,
            "polarity": polarity,
            "modality": modality,
            "speaker": speaker,
            "via": via,
            "statement": "",
            "citation": {"source": self.source_id, "quote": self.text[s:e], "start": s, "end": e},
            "draft": {"cues": list(cues), "confidence": confidence},
        }


_CONJUNCTION = re.compile(CONJUNCTION_RE)


def _conjunction(key: str) -> int:
    """How many letters of a word are a conjunction before it («و2023», «وفي», «والوكالة»):
    the analyzer's conjunction, which a figure or a two-letter word takes too (where
    `clitic_cuts` would leave too short a stem)."""
    match = _CONJUNCTION.match(key)
    return match.end() if match else 0


def _after_conjunction(key: str, stem: bool = False) -> str:
    """`key` without the conjunction on it («والوكالة»: «الوكالة»; see `_conjunction`); with
    `stem`, only where the analyzer would cut it (`clitic_cuts`: `MIN_STEM` letters left, so
    that «وفد», «وقع» keep the و of their root)."""
    cut = _conjunction(key)
    return key if stem and cut not in clitic_cuts(key) else key[cut:]


def _object_types(predicate: str | None) -> tuple[str, ...]:
    return ROLES.get(predicate, (_ANY, _ANY))[1] if predicate else _ANY


def _number(i: int, keys: list[str]) -> float | None:
    k = keys[i]
    if re.fullmatch(r"[0-9]+(?:[.,][0-9]+)?", k):
        return (
            float(k.replace(",", "."))
            if "," in k and len(k.split(",")[1]) != 3
            else float(k.replace(",", ""))
        )
    if m := re.fullmatch(r"([0-9]+)ر([0-9]+)", k):
        # "2ر3 مليار": a decimal written with ر, the fraction first as the line runs (3.2).
        return float(f"{m.group(2)}.{m.group(1)}")
    for rx, n in _NUMBERS:
        if rx.match(k):
            return float(n)
    return None


def _strip_trailing(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in "،,:؛;":
        e -= 1
    return e


def _quote_open_after(text: str, clause: Clause) -> bool:
    """True when a quotation opened in the clause's paragraph is still open at its end."""
    par_start = text.rfind("\n", 0, clause.start) + 1
    seg = text[par_start : clause.end]
    opens = seg.count("«") + seg.count("“")
    closes = seg.count("»") + seg.count("”")
    return opens > closes or seg.count('"') % 2 == 1


# The passive's auxiliary in the perfect: «تم توقيع العقد».
_DONE_AUXILIARIES = {"تم", "تمت"}


def _told_done(key: str) -> bool:
    """The cue word reads as a verb in the perfect on the evidence of its ending: a
    feminine's «ت» («أبرمت», «تسلمت»; not a plural's «ات»), a plural's «وا», a dual's «ا»
    («توصلا»), or the auxiliary «تم»; an imperfect («تتسلم») or a noun («توقيع») is not,
    nor a word whose «ا» is the pronoun «ها»'s, read without it («وقعتها», «وقعوها» are, «توقيعها»,
    «تتسلمها» are not), nor a noun's
    indefinite accusative («اتفاقا»، «عقدا»، «توقيعا»: `_accusative_noun`)."""
    bare = _after_conjunction(key)
    if bare in _DONE_AUXILIARIES or bare.endswith("وا"):
        return True
    if bare.endswith("ها") and len(bare) > 2:
        # a plural's «وا» loses its «ا» before the pronoun («وقعوها»)
        stem = bare[:-2]
        return _told_done(stem + "ا" if stem.endswith("و") else stem)
    if bare.startswith("ي") or bare.endswith("ات"):
        return False
    if bare.endswith("ا") and _accusative_noun(bare[:-1]):
        return False
    return bare.endswith(("ت", "ا"))


# The nouns of a deal («عقدا»، «اتفاقا»), and the verbal nouns whose stem holds a long vowel
# before its last letter («توقيعا»، «تسليما»، «اتفاقا»: تفعيل، افتعال), of five letters or
# more: a perfect's dual («توصلا»، «اتفقا»، «زارا») has none so placed at that length.
_DEAL_NOUNS = [cue_word(w) for w in _SIGNED_DEALS]
_VERBAL_NOUN_STEM = 5


def _accusative_noun(stem: str) -> bool:
    """Whether `stem` + «ا» reads as a noun's indefinite accusative."""
    if any(w.match(stem) for w in _DEAL_NOUNS):
        return True
    return len(stem) >= _VERBAL_NOUN_STEM and stem[-2] in "اوي"
