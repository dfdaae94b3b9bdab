"""Deals: the contract or sale a sentence tells of, as an agreement entity the draft proposes.

News names a deal by what it is, not by a name: «صفقة لبيع المغرب 18 منظومة»، «عقد توريد
مقاتلات»، «وبلغت قيمة الصفقة ...». A deal noun without the article (صفقة، عقدا، اتفاقية)
tells of a new deal; with it (الصفقة، العقد، هذا العقد) it refers back to the deal the
story is telling, or, when none was proposed yet, to the last deal frame read (a purchase,
a sale, a supply: "واقتنت الجزائر 12 طائرة ... وبلغت قيمة الصفقة"). A new deal frame with
other goods ends the deal told before it.

The proposed entity's English name is built from the frame, so a reviewer recognizes it:
its parties (buyer, then seller) and its goods, then the noun's kind ("Algeria-Russia Su-34
deal", "Egypt-Russia fighter contract"); its Arabic name is the noun phrase as written.
The deal is the subject of the figures and items told of it (`contract_value`,
`includes`) and the object of a signing or an approval that names no agreement.
"""

from __future__ import annotations

import re
from typing import Any

from ..normalize import normalize
from .cues import _FUNCTION_WORDS, _WEAPON_STOPS, DEAL_NOUNS
from .proposals import _Proposals
from .spans import Clause

# Frames that tell who trades what: their parties and goods name the deal.
_FRAMES = {"purchased", "supplies", "delivered", "signed", "approved_sale", "negotiating_purchase", "received"}
# Predicates whose subject is the deal when the clause names no agreement.
_DEAL_SUBJECT = {"contract_value", "includes"}
# Predicates whose object is the deal when the clause names no agreement.
_DEAL_OBJECT = {"signed", "approved_sale"}
_KIND = {"عقد": "contract", "عقو": "contract", "تعاقد": "contract", "اتفاق": "agreement", "صفق": "deal"}
_DEMONSTRATIVES = {"هذا", "هذه", "تلك", "ذلك"}


def _deal_noun(key: str) -> tuple[str, bool] | None:
    """The kind of a deal noun ("صفقة" -> deal) and whether it is definite, or None."""
    bare = key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key
    for prefix in ("بال", "لل", "ال", "ب", "ل", "ك", ""):
        if not bare.startswith(prefix):
            continue
        stem = bare[len(prefix) :]
        if stem in DEAL_NOUNS:
            head = next(h for h in _KIND if stem.startswith(h))
            return _KIND[head], prefix in ("بال", "لل", "ال")
    return None


class _Deals(_Proposals):
    """The deal the story is telling, proposed as an agreement entity."""

    def _start_deals(self) -> None:
        self._deal: str | None = None  # the deal the story tells now (an entity id)
        self._frame: tuple[list[str], list[str], str | None] | None = None  # buyer(s), seller(s), goods
        self._deal_clause: tuple[int, str] | None = None  # the clause that made the last new deal

    def _deal_mention(self, clause: Clause) -> tuple[int, str, bool] | None:
        """The first deal noun of a clause: (word index, kind, refers back)."""
        keys = [w.key for w in clause.words]
        for i, k in enumerate(keys):
            found = _deal_noun(k)
            if found is None:
                continue
            kind, definite = found
            if kind == "contract" and i + 1 < len(keys) and _deal_noun(keys[i + 1]):
                continue  # "تم عقد صفقة": concluding one, the deal is the noun after
            back = definite or (i > 0 and keys[i - 1] in _DEMONSTRATIVES)
            return i, kind, back
        return None

    def _read_frame(self, predicate: str | None, subjects: list[str], objects: list[str]) -> None:
        """A deal frame's parties and goods: who buys, who sells, what."""
        if predicate not in _FRAMES:
            return
        parties = [p for p in self._parties if self.linker.type_of(p) in ("country", "organization")]
        subs = [s for s in subjects if self.linker.type_of(s) in ("country", "organization")]
        goods = next((o for o in objects if self.linker.type_of(o) == "weapon_system"), None)
        if predicate in ("supplies", "delivered", "approved_sale"):
            buyers, sellers = parties, subs
        else:
            buyers, sellers = subs, parties
        if not (buyers or sellers or goods):
            return
        old = self._frame
        if old is not None and goods is not None and old[2] is not None and goods != old[2]:
            self._deal = None  # other goods: another deal
        self._frame = (
            buyers or (old[0] if old and goods in (None, old[2]) else []),
            sellers or (old[1] if old and goods in (None, old[2]) else []),
            goods or (old[2] if old else None),
        )

    def _the_deal(self, clause: Clause, predicate: str | None) -> str | None:
        """The deal a clause's predicate is about, proposed when new; None when the clause
        tells of no deal."""
        mention = self._deal_mention(clause)
        if mention is None:
            return None
        i, kind, back = mention
        if back and self._deal is not None:
            return self._deal
        if not back and self._deal_clause is not None and self._deal_clause[0] == clause.start:
            return self._deal_clause[1]
        made = self._propose_deal(clause, i, kind)
        if made is not None:
            self._deal = made
            if not back:
                self._deal_clause = (clause.start, made)
        return made

    def _propose_deal(self, clause: Clause, i: int, kind: str) -> str | None:
        buyers, sellers, goods = self._frame or ([], [], None)
        parties = list(dict.fromkeys([*buyers[:1], *sellers[:1]]))
        if not parties and goods is None:
            return None
        english = " ".join(
            x
            for x in (
                "-".join(self._english_of(p) for p in parties),
                self._english_of(goods) if goods else "",
                kind,
            )
            if x
        )
        words = clause.words
        end = i + 1
        while end < len(words) and end - i < 6:
            gap = self.text[words[end - 1].end : words[end].start]
            key = words[end].key
            if re.search(r"[،,.:؛«»\"“”()]", gap) or key in _FUNCTION_WORDS or key in _WEAPON_STOPS or re.search(r"[0-9٠-٩]", key):
                break
            end += 1
        arabic = self.text[words[i].start : words[end - 1].end].strip("«»\"“”()، ")
        if end == i + 1:
            # The noun alone ("الصفقة") would name every deal: the noun and its goods.
            noun = re.sub(r"^[وف]?(?:بال|لل|ال|ب|ل)?", "", arabic) or arabic
            goods_ar = (self.linker.entities.get(goods or "") or {}).get("name_ar") if goods else None
            arabic = f"{noun} {goods_ar}" if goods_ar else f"{noun} ({english})"
        if normalize(arabic) in self._new_names or self.linker.resolve(arabic, True, True):
            arabic = f"{arabic} ({english})"  # the same words for another deal: told apart
        before = len(self.new_entities)
        self._new_entity(arabic, "agreement", f"a deal told by its noun ({kind})", english=english)
        if len(self.new_entities) > before:
            return str(self.new_entities[-1]["id"])
        return None

    def _english_of(self, eid: str) -> str:
        entity: dict[str, Any] = self.linker.entities.get(eid) or {}
        return str(entity.get("name") or eid)
