"""Deals: the contract or sale a sentence tells of, as an agreement entity the draft proposes.

News names a deal by what it is, not by a name: «صفقة لبيع المغرب 18 منظومة»، «عقد توريد
مقاتلات»، «وبلغت قيمة الصفقة ...». A deal noun without the article (صفقة، عقدا، اتفاقية)
tells of a new deal; with it or a possessive (الصفقة، العقد، هذا العقد، عقدها، تعاقده) it
refers back to the deal the story is telling, or, when none was proposed yet, to the last
deal frame read (a purchase, a sale, a supply: "واقتنت الجزائر 12 طائرة ... وبلغت قيمة
الصفقة"). A new deal frame with other goods ends the deal told before it.

The proposed entity's English name is built from the frame, so a reviewer recognizes it:
its parties (buyer, then seller) and its goods, then the noun's kind ("Algeria-Russia Su-34
deal", "Egypt-Russia fighter contract"); its Arabic name is the noun phrase as written.
The deal is the subject of the figures and items told of it (`contract_value`,
`includes`) and the object of a signing, an approval or an announcement that names no agreement.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..analyze import (
    ARTICLE,
    CLITICS_RE,
    CONJUNCTION_RE,
    MIN_STEM,
    PREPOSITION_RE,
    clitic_cuts,
    name_forms,
    strip_clitic,
)
from ..normalize import normalize
from .base import _after_conjunction, _conjunction
from .cues import (
    _DUAL,
    _FUNCTION_WORDS,
    _WEAPON_HEADS,
    _WEAPON_STOPS,
    DEAL_NOUN_ENDINGS,
    DEAL_NOUNS,
    RELATIVE_PRONOUNS,
)
from .english import demonym
from .names import Mention
from .proposals import _Proposals
from .spans import Clause

# Frames that tell who trades what: their parties and goods name the deal.
_FRAMES = {
    "purchased",
    "supplies",
    "delivered",
    "signed",
    "approved_sale",
    "negotiating_purchase",
    "received",
    "seeks_to_acquire",  # "طلب السعودية شراء 48 مقاتلة من شركة ...": the deal sought
}
# Trades a worth may price when no deal is named: the deal is proposed from their frame.
_TRADES = {"purchased", "supplies", "negotiating_purchase", "seeks_to_acquire"}

# Predicates whose subject is the deal when the clause names no agreement.
_DEAL_SUBJECT = {"contract_value", "includes", "described_as"}
# The cue of a state that signed a deal it is a party of (`_deal_states`).
_DEAL_PARTY_SIGNED = "subject:a state the deal is between signed it"
# Predicates whose object is the deal when the clause names no agreement.
_DEAL_OBJECT = {"signed", "approved_sale", "announced"}
_KIND = {
    "عقد": "contract",
    "عقو": "contract",
    "تعاقد": "contract",
    "اتفاق": "agreement",
    "صفق": "deal",
    "مذكر": "memorandum of understanding",
}
# What an agreement is about, in the words after its noun («اتفاقية الدفاع المشترك»،
# «مذكرة تعاون عسكري»، «اتفاقية إطارية»، «اتفاقية للتعاون ... في مجال الدفاع»): its English
# name says it, in English's order ("joint defence", "military cooperation", "framework").
_FIELDS = [
    ("joint", ("مشترك", "مشتركة")),
    ("naval", ("بحري", "بحرية")),
    ("military", ("عسكري", "عسكرية")),
    ("defence", ("دفاع", "دفاعي", "دفاعية")),
    ("security", ("أمن", "أمني", "أمنية")),
    ("cooperation", ("تعاون",)),
    ("framework", ("إطار", "إطاري", "إطارية")),
]
_FIELD_WORDS = {normalize(w): english for english, words in _FIELDS for w in words}
_FIELD_ORDER = [english for english, _ in _FIELDS]
_DEMONSTRATIVES = {"هذا", "هذه", "تلك", "ذلك"}
# Contracting is making a contract: "تعاقدت مصر على ..."، "المتعاقدة على شراء".
_CONTRACTING = re.compile(f"^(?:{CONJUNCTION_RE}[يت]|{CLITICS_RE})م?تعاقد\\w*$")
# Contracting with a possessive pronoun, a verbal noun ("تعاقده"، "بتعاقدها"), not a verb.
_OWN_CONTRACTING = re.compile(f"^{CONJUNCTION_RE}{PREPOSITION_RE}تعاقد(?:ه|ها|هم|هما)$")
# A deal's goods told by the verb of trade after its noun ("صفقة لبيع"، "عقد توريد"،
# "تعاقدتا على توريد"): what it covers, so the deal `includes` them.
_TRADE = {"supplies", "purchased", "delivered", "received"}
# "Under it": a pronoun for the deal the story just told («ستتزود بموجبها بغداد بأسلحة»).
_UNDER_IT = re.compile(f"^{CONJUNCTION_RE}بموجب(?:ها|ه)$")
# Selling, as the noun of a sale approved: "وافقت على بيع المغرب ...".
_SALE = re.compile(f"^{CONJUNCTION_RE}{PREPOSITION_RE}بيع$")


# A clause pointing back at the model the story named ("من هذا الطراز", "من هذا النوع").
_BACK_TO_MODEL = re.compile(r"(?:^|\s)من (?:هذا|ذلك) (?:الطراز|النوع)(?:\s|$)")


def _deal_noun(key: str) -> tuple[str, bool] | None:
    """The kind of a deal noun ("صفقة" -> deal) and whether it is definite (the article, or
    a possessive pronoun: "عقدها" is the deal the story tells), or None; its proclitics
    read off by the analyzer's cuts, the longest first («بالصفقة», «للعقد», «وبعقد»)."""
    for cut in reversed(clitic_cuts(key)):
        word = strip_clitic(key, cut)
        if word.startswith(ARTICLE) and word[len(ARTICLE) :] in DEAL_NOUNS:
            return _kind_of(word[len(ARTICLE) :]), True
        if word in DEAL_NOUNS:
            return _kind_of(word), False
        # "عقدها": a possessive ending; "صفقتها" is listed, its ة written ت before it.
        ending = next((e for e in DEAL_NOUN_ENDINGS if word.endswith(e)), "")
        if ending and word[: -len(ending)] in DEAL_NOUNS:
            return _kind_of(word[: -len(ending)]), True
    return None


def _kind_of(stem: str) -> str:
    return _KIND[next(h for h in _KIND if stem.startswith(h))]


# Verbs of a deal's happening after its noun ("الاتفاق جرى", "العقد تم"): its name ends.
_HAPPENED = {"جري", "تم", "يتم", "سيتم"}


def _short(state: str) -> str:
    """A state named by its abbreviation where its bodies are ("US", "UAE")."""
    short = demonym(state)
    return short if short.isupper() else state


class _Deals(_Proposals):
    """The deal the story is telling, proposed as an agreement entity."""

    _recent: list[tuple[str, ...]]
    _parties: list[str]
    _seller: str | None
    _countries_seen: list[str]
    _after_preposition: set[tuple[str, ...]]
    _in_sentence: list[tuple[str, ...]]
    _governed: Callable[[Mention, list[str]], bool]  # (roles: a name behind a preposition)
    _named_of_kind: Callable[[str], str | None]  # (article: the model a kind's words re-tell)

    def _start_deals(self) -> None:
        self._deal: str | None = None  # the deal the story tells now (an entity id)
        self._frame: tuple[list[str], list[str], str | None] | None = None  # buyer(s), seller(s), goods
        self._deal_clause: tuple[int, str] | None = None  # the clause that made the last new deal
        # a proposed deal's parties, kind and field («الدفاع المشترك»: "joint defence")
        self._deal_names: dict[str, tuple[list[str], str, str]] = {}
        self.deal_parties: dict[str, list[str]] = {}  # every proposed deal's parties, by id
        self._frame_sentence = -1  # the sentence the frame was read in

    def _deal_mention(self, clause: Clause, sale: bool = False) -> tuple[int, str, bool] | None:
        """The first deal noun (or contracting verb) of a clause: (word index, kind, refers
        back); with `sale`, the verbal noun of selling is one ("وافقت على بيع ...")."""
        keys = [w.key for w in clause.words]
        for i, k in enumerate(keys):
            if _UNDER_IT.match(k):
                return i, "deal", True  # "بموجبها": under the deal just told
            found = _deal_noun(k)
            if found is None and _CONTRACTING.match(k):
                # "عن تعاقده", "تعاقدها": its contracting, the deal the story tells
                found = ("contract", bool(_OWN_CONTRACTING.match(k)))
            if found is None and sale and _SALE.match(k):
                found = ("sale", False)
            if found is None:
                continue
            kind, definite = found
            if kind == "contract" and i + 1 < len(keys) and _deal_noun(keys[i + 1]):
                continue  # "تم عقد صفقة": concluding one, the deal is the noun after
            back = definite or (i > 0 and keys[i - 1] in _DEMONSTRATIVES)
            return i, kind, back
        return None

    def _read_frame(
        self, clause: Clause, predicate: str | None, subjects: list[str], objects: list[str]
    ) -> None:
        """A deal frame's parties and goods: who buys, who sells, what."""
        if predicate not in _FRAMES:
            return
        parties = [p for p in self._parties if self.linker.type_of(p) in ("country", "organization")]
        subs = [s for s in subjects if self.linker.type_of(s) in ("country", "organization")]
        weapons = [o for o in objects if self.linker.type_of(o) == "weapon_system"]
        # a model named among the goods names the deal rather than a kind ("Su-35", not "fighters")
        goods = next((o for o in weapons if self._names_a_model(o)), weapons[0] if weapons else None)
        if goods is not None and self._retold(goods, clause):
            # "استلام الطائرات" after «إف-16»: the kind re-tells the model the story named,
            # and the model names the deal ("Bahrain-US F-16 deal")
            goods = self._named_of_kind(goods) or goods
        if predicate in ("supplies", "delivered", "approved_sale"):
            buyers, sellers = parties, subs
        else:
            buyers, sellers = subs, parties
        if not (buyers or sellers or goods):
            return
        old = self._frame
        if old is not None and goods is not None and old[2] is not None and goods != old[2]:
            self._deal = None  # other goods: another deal
            self._recent = [ids for ids in self._recent if self.linker.type_of(ids[0]) != "agreement"]
        self._frame_sentence = clause.sentence
        self._frame = (
            buyers or (old[0] if old and goods in (None, old[2]) else []),
            sellers or (old[1] if old and goods in (None, old[2]) else []),
            goods or (old[2] if old else None),
        )

    def _retold(self, eid: str, clause: Clause) -> bool:
        """Whether a weapon named by its kind re-tells one the story told before: its noun
        definite («الطائرات», given, not new) or the clause pointing back at a model («من
        هذا الطراز»); an indefinite count («86 دبابة») tells new items, named or not."""
        if self._names_a_model(eid):
            return False
        written = normalize(str((self.linker.entities.get(eid) or {}).get("name_ar") or ""))
        if written.split() and any(form.startswith(ARTICLE) for form in name_forms(written.split()[0])):
            return True
        return bool(_BACK_TO_MODEL.search(normalize(self.text[clause.start : clause.end])))

    def _names_a_model(self, eid: str) -> bool:
        """A weapon named by a name of its own: a designation with a number or a name a
        weapon's kind words do not make (not "fighters", "Russian weapons")."""
        entity = self.linker.entities.get(eid) or {}
        if re.search(r"[0-9]", str(entity.get("name") or "")):
            return True
        if entity.get("draft") is None:
            return str(entity.get("name") or "")[:1].isupper()  # the store's: Kornet, not "machine guns"
        return (entity["draft"].get("cues") or [""])[:1] != ["a weapon named by its kind"]

    def _deal_items(
        self,
        clause: Clause,
        predicate: str | None,
        at: tuple[int, int] | None,
        goods: list[str],
        mentions: list[Mention],
    ) -> str | None:
        """The deal whose items a trade verb tells ("عقد توريد مقاتلات"): the deal, when its
        noun or contracting verb comes before the verb in the clause; else None. A deal
        proposed before its goods were read is named with them."""
        if predicate not in _TRADE or at is None:
            return None
        mention = self._deal_mention(clause)
        if mention is None or (mention[0] >= at[0] and not _UNDER_IT.match(clause.words[mention[0]].key)):
            return None  # (a deal named after the verb is its object; "بموجبها" refers back)
        deal = self._the_deal(clause, mentions)
        weapons = [g for g in goods if self.linker.type_of(g) == "weapon_system"]
        if deal in self._deal_names and weapons:
            parties, kind, field = self._deal_names.pop(deal)
            entity = self.linker.entities.get(deal)
            named = self._named_of_kind(weapons[0]) if self._retold(weapons[0], clause) else None
            if entity is not None:
                entity["name"] = self._deal_english(parties, named or weapons[0], kind, field)
        if self._own_agent(clause, predicate, at, mention[0], mentions):
            return None  # the act of the party named as its agent, not the deal's items
        return deal

    def _own_agent(
        self, clause: Clause, predicate: str, at: tuple[int, int], deal_at: int, mentions: list[Mention]
    ) -> bool:
        """Whether a trade verb after a deal's noun names its own agent, a state or a body:
        right before it ("تقوم بموجبها واشنطن بتوريد"، "تعتزم الجزائر اقتناءها"), before a
        relative pronoun right before it ("بعد الصين التي تسلمت 24 طائرة"), or, for a
        purchase's verbal noun, right after it ("بعد شراء إسرائيل 19 مقاتلة")."""
        keys = [w.key for w in clause.words]
        verb = at[0]
        relative = verb - 1 if verb > 0 and keys[verb - 1] in RELATIVE_PRONOUNS else verb
        for m in mentions:
            if m.weak or m.first <= deal_at:
                continue
            if self.linker.type_of(m.ids[0]) not in ("country", "organization") or self._governed(m, keys):
                continue  # ("مع روسيا لشراء": the other party, not the agent)
            if m.last in (verb, relative):
                return True
            if predicate == "purchased" and m.first == at[1]:
                return True
        return False

    def _the_deal(self, clause: Clause, mentions: list[Mention], sale: bool = False) -> str | None:
        """The deal a clause's predicate is about, proposed when new; None when the clause
        tells of no deal."""
        mention = self._deal_mention(clause, sale)
        if mention is None:
            return None
        i, kind, back = mention
        if back and (told := self._last_agreement() or self._deal):
            return told  # "وتشمل الاتفاقية"، "وبلغت قيمة الصفقة": the one the story told last
        if not back and self._deal_clause is not None and self._deal_clause[0] == clause.start:
            return self._deal_clause[1]
        made = self._propose_deal(clause, i, kind, mentions, back)
        if made is not None:
            self._deal = made
            self._recent.append((made,))
            if not back:
                self._deal_clause = (clause.start, made)
        return made

    def _priced_trade(
        self, clause: Clause, found: list[tuple[Any, ...]], mentions: list[Mention]
    ) -> str | None:
        """The deal a worth prices when the clause tells a trade and names no deal ("اقتربت
        الحكومة من شراء أسلحة ... بقيمة 985 مليون دولار"): proposed from the trade's frame,
        its noun or verb naming it; None when the clause tells no trade."""
        trade = next(
            (at for predicate, at, _, _ in found if predicate in _TRADES and at is not None),
            None,
        )
        if trade is None or self._frame is None or self._frame_sentence != clause.sentence:
            return None
        made = self._propose_deal(clause, trade[0], "deal", mentions, False)
        if made is not None:
            self._deal = made
            self._recent.append((made,))
        return made

    def _propose_deal(
        self, clause: Clause, i: int, kind: str, mentions: list[Mention], back: bool
    ) -> str | None:
        buyers, sellers, goods = self._frame or ([], [], None)
        states = list(
            dict.fromkeys(
                self.state_of[e] if e in self._owned_by_state else e  # "حكومة كوريا الجنوبية"
                for m in mentions
                for e in m.ids[:1]
                if self.linker.type_of(e) == "country" or e in self._owned_by_state
            )
        )
        if not back and self._frame_sentence != clause.sentence and states:
            # A new deal told in a sentence of its own: its states, its goods read after.
            buyers, sellers, goods = states[:1], states[1:2], None
        # A body that buys or sells for its state ("وزارة الخارجية الأمريكية") names its state;
        # a company ("شركة داسو الفرنسية") is a party of its own.
        # Two buyers and no seller are the two sides of one act ("وقعت كوريا وبولندا"): both.
        sides = [*buyers[:1], *sellers[:1]] if sellers else buyers[:2]
        parties = [
            p if self.linker.type_of(p) == "country" or p not in self.state_of else self.state_of[p]
            for p in sides
        ]
        parties = list(dict.fromkeys(parties))
        if not parties:
            # No trade frame ("وقع الوزيران مذكرة تفاهم بين ..."): the states the clause names,
            # or those of the institutions it names ("بين وزارة الدفاع في المملكة ...").
            bodies = [self.state_of[e] for m in mentions for e in m.ids[:1] if e in self.state_of]
            parties = states[:2] or list(dict.fromkeys(bodies))[:2]
        if not parties and goods is not None:
            # "صفقة سو 34", "العقد الذي يقتضي توريد ...": a deal of the story, between its
            # seller and the state last named beside it (not behind a preposition: "بسوريا").
            seller = self._seller if self.linker.type_of(self._seller or "") == "country" else None
            buyer = next(
                (
                    c
                    for c in reversed(self._countries_seen)
                    if c != seller and not any(c in ids for ids in self._after_preposition)
                ),
                None,
            )
            parties = [p for p in (buyer, seller) if p]
        if len(parties) == 1 and self.linker.type_of(parties[0]) == "country":
            # A deal has two sides: with one read from the frame, the other state the sentence
            # names ("قال مسؤولون في حكومة كوريا الجنوبية إن ... صفقة ... إلى بولندا").
            # (a state's body, "حكومة كوريا الجنوبية", names its state)
            named = [self.state_of.get(e, e) for ids in self._in_sentence for e in ids[:1]] + states
            named += list(reversed(self._countries_seen))  # else the story's last other state
            other = next((e for e in named if self.linker.type_of(e) == "country" and e != parties[0]), None)
            if other is not None:
                parties = [other, parties[0]] if parties[0] in sellers else [parties[0], other]
        if not parties and goods is None:
            return None
        field = self._deal_field(clause, i)
        english = self._deal_english(parties, goods, kind, field)
        words = clause.words
        end = i + 1
        while end < len(words) and end - i < 6:
            gap = self.text[words[end - 1].end : words[end].start]
            key = words[end].key
            bare = _after_conjunction(key, stem=True)
            if (
                re.search(r"[،,.:؛«»\"“”()]", gap)
                or key in _FUNCTION_WORDS
                or key in _WEAPON_STOPS
                or re.search(r"[0-9٠-٩]", key)
                # what it is for, its goods, its worth, its parties: no part of its name
                # ("اتفاقا لبيعه أسلحة", "عقدا قيمته", "صفقة مع روسيا")
                or (bare[:1] == "ل" and bare[:2] != "لل")
                or bare in _WEAPON_HEADS
                or bare.removeprefix("ال") in _WEAPON_HEADS
                or "قيم" in bare
                or _conjunction(key)
                # "أن التوقيع على الاتفاق جرى أمس": what happened to it and when, no name
                or bare in _HAPPENED
                or self._reads_as_date(self.text[words[end].start : words[end].end])
            ):
                break
            end += 1
        arabic = self.text[words[i].start : words[end - 1].end].strip('«»"“”()، ')
        if end == i + 1:
            # The noun alone ("الصفقة") would name every deal: the noun and its goods.
            noun = _bare_noun(arabic)
            goods_ar = (self.linker.entities.get(goods or "") or {}).get("name_ar") if goods else None
            arabic = f"{noun} {goods_ar}" if goods_ar else f"{noun} ({english})"
        if normalize(arabic) in self._new_names or self.linker.resolve(arabic, True, True):
            arabic = f"{arabic} ({english})"  # the same words for another deal: told apart
        before = len(self.new_entities)
        self._new_entity(arabic, "agreement", f"a deal told by its noun ({kind})", english=english)
        if len(self.new_entities) > before:
            made = str(self.new_entities[-1]["id"])
            self.deal_parties[made] = list(parties)
            if goods is None:
                self._deal_names[made] = (parties, kind, field)
            return made
        return None

    def _deal_field(self, clause: Clause, i: int) -> str:
        """What the deal noun at `i` is about, from the words after it up to punctuation (six
        at most, words of grammar between them read through: «اتفاقية للتعاون بين حكومتي
        البلدين في مجال الدفاع»): "defence cooperation", "joint defence", "" for none."""
        words, found = clause.words, set()
        for k in range(i + 1, min(len(words), i + 9)):
            if re.search(r"[،,.:؛«»\"“”()]", self.text[words[k - 1].end : words[k].start]):
                break
            key = words[k].key
            if (
                re.search(r"[0-9٠-٩]", key)
                or key in RELATIVE_PRONOUNS
                or _UNDER_IT.match(key)
                or key.removeprefix("ال") in _WEAPON_HEADS
            ):
                break  # its goods, its worth, what is done under it: no longer what it is about
            for cut in clitic_cuts(key):
                stem = strip_clitic(key, cut).removeprefix("ال")
                if stem in _FIELD_WORDS:
                    found.add(_FIELD_WORDS[stem])
                    break
        return " ".join(e for e in _FIELD_ORDER if e in found)

    def _deal_english(self, parties: list[str], goods: str | None, kind: str, field: str = "") -> str:
        """ "Egypt-Russia S-300 contract", "Oman-UK joint defence agreement": the parties, the
        goods, what it is about, the kind of deal."""
        if goods:
            # an arms deal's goods say it is military ("Israel-Germany submarines deal")
            field = " ".join(w for w in field.split() if w != "military")
        named = [
            "-".join(_short(self._english_of(p)) for p in parties),
            self._english_of(goods) if goods else "",
            field,
            kind,
        ]
        return " ".join(x for x in named if x)

    def deal_worth_names(self) -> None:
        """A deal of arms in general, no model or kind named ("صفقة تسليح بقيمة 5 مليارات
        دولار"), is told apart by its worth, as news and its readers name it ("US-Iraq weapons
        deal (5 billion dollars)"): the first worth the story gives it, after its name. A deal
        named by its goods' kind or model ("submarines", "F-16") keeps its name: they tell it
        apart, and with a count or a year ("12 submarines", "2019") more often than a worth."""
        proposed = {str(e["id"]): e for e in self.new_entities if e.get("type") == "agreement"}
        worth: dict[str, dict[str, Any]] = {}
        goods: dict[str, set[str]] = {}
        for c in self.claims:
            deal = c.get("subject")
            if deal not in self.deal_parties or deal not in proposed:
                continue
            if c["predicate"] == "contract_value" and isinstance(c.get("value"), dict):
                worth.setdefault(deal, c["value"])
            elif (
                c["predicate"] == "includes" and self.linker.type_of(c.get("object") or "") == "weapon_system"
            ):
                goods.setdefault(deal, set()).add(c["object"])
        modelled = {deal for deal, items in goods.items() if any(self._names_a_model(i) for i in items)}
        for deal, value in worth.items():
            name = str(proposed[deal].get("name") or "")
            said = _worth_words(value)
            general = set(name.casefold().split()) & _ARMS_IN_GENERAL
            if deal in modelled or not said or not general or re.search(r"[0-9]", name):
                continue
            proposed[deal]["name"] = f"{name} ({said})"

    def _deal_states(self, deal: str, signers: list[str], keys: list[str]) -> list[str]:
        """The states a deal is between, when the clause gives its signing to both sides by a
        dual that stands for them («ووقع الجانبان الصفقة»، «حكومتي البلدين»، «بين الطرفين»):
        each signed it, as readers tell a signing, party by party, once (where the story
        first tells it signed). A seller named after «من» is no signer."""
        parties = [p for p in self.deal_parties.get(deal, []) if self.linker.type_of(p) == "country"]
        if len(parties) < 2 or not any(_DUAL.match(k) for k in keys):
            return []
        signed = {c["subject"] for c in self.claims if c["predicate"] == "signed" and c["object"] == deal}
        return [p for p in parties if p not in signed and p not in signers]

    def _last_agreement(self) -> str | None:
        for ids in reversed(self._recent[-12:]):
            for eid in ids:
                if self.linker.type_of(eid) == "agreement":
                    return eid
        return None

    def _english_of(self, eid: str) -> str:
        entity: dict[str, Any] = self.linker.entities.get(eid) or {}
        return str(entity.get("name") or eid)


# The goods' words of a deal of arms in general (its goods no kind or model).
_ARMS_IN_GENERAL = {"weapons", "arms", "equipment", "ammunition"}

# A currency's English words, for a deal named by its worth.
_CURRENCY_WORDS = {"USD": "dollars", "EUR": "euros", "GBP": "pounds sterling", "AUD": "Australian dollars"}


def _worth_words(value: dict[str, Any]) -> str | None:
    """ "5 billion dollars", "985 million dollars", "1.3 billion euros": a worth as English says
    it, or None for a worth that is no sum of money (or too small to name a deal by)."""
    currency = _CURRENCY_WORDS.get(str(value.get("unit")))
    amount = value.get("amount", value.get("amount_min"))
    if currency is None or not isinstance(amount, (int, float)):
        return None
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if amount >= scale:
            return f"{amount / scale:.2f}".rstrip("0").rstrip(".") + f" {word} {currency}"
    return None


def _bare_noun(word: str) -> str:
    """A deal's noun as a name begins with it: its proclitics and article cut («وبالصفقة» ->
    «صفقة»), never letters of its stem («بيع» stays whole: a stem is three letters or more)."""
    stem = strip_clitic(word, clitic_cuts(word)[-1])
    bare = stem.removeprefix(ARTICLE)
    return bare if len(bare) >= MIN_STEM else stem
