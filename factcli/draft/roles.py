"""Role filling: a predicate's subject and object from the names around its cue, by entity
type, with what the story named before (the two sides of a dual, the host of a meeting)."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..analyze import ARTICLE, CLITICS_RE, CONJUNCTION_RE, PREPOSITION_RE, clitic_cuts
from ..normalize import normalize
from .attribution import _Attribution
from .base import _after_conjunction, _object_types
from .cues import (
    _ANY,
    _DUAL,
    _TITLES,
    ARRIVING,
    FRAME_OTHER_PARTY,
    JOINING,
    MEETING_PREDICATES,
    ROLES,
    SYMMETRIC,
)
from .names import Mention
from .proposals import _company_noun
from .titles import _counterpart, _head

# «إلى» (normalized): where goods arrive.
_TO = "الي"
# Prepositions written as words (normalized).
# Two people named by their office in the dual ("الوزيران"، "الرئيسين").
_DUAL_PEOPLE = re.compile(f"^{CONJUNCTION_RE}(?:ال|لل)?" + r"(?:وزير|رئيس|مسؤول|قائد|زعيم)(?:ان|ين)$")
# Words after which a name is the one fought (محاربة، مكافحة، قتال، مواجهة، ضد).
_ADVERSARY = re.compile(f"^{CLITICS_RE}(?:محاربه|مكافحه|قتال|مواجهه|ضد)$")
_FROM = {"من", "عن", "في", "الي", "علي"}
_FROM_RE = re.compile(f"{CONJUNCTION_RE}(?:{'|'.join(sorted(_FROM))})")
_PREPOSITION_WORDS = {"في", "من", "الي", "علي", "عن", "مع", "حول", "ضد", "عبر", "لدي", "نحو", "بين"}
# Handing over: its recipient (after ل، إلى) never hands over; with no one else named, the
# one who hands over is told before ("لتسليم الغواصتين للجانب الجزائري").
_HANDED = {"delivered", "supplies"}
# «الجانب» (the side) before a state's adjective: "للجانب الجزائري" is Algeria's side.
_SIDE_WORD = "جانب"
_SIDE = re.compile(f"^{CLITICS_RE}{_SIDE_WORD}$")
# The analyzer's proclitics, compiled once: what may stand on a name («بروسيا», «للعراق»).
_CLITICS = re.compile(CLITICS_RE)
# A meeting with a possessive pronoun ("خلال لقائه"، "بلقائهما"): the meeting of the one
# named before it.
_HIS_MEETING = re.compile(f"^{CONJUNCTION_RE}{PREPOSITION_RE}(?:لقاي|اجتماع)(?:ه|ها|هما)$")
# Verbs of trade whose agent is never behind a preposition.
_TRADE_FRAMES = {"purchased", "received", "seeks_to_acquire", "operates", "ready_to_supply", "supplies"}


def _title_word(key: str) -> bool:
    return _head(key) or _counterpart(key)


# A deal's items: every weapon named after the cue is an object of its own candidate
# ("نظم مدفعية ومدافع هاون وذخيرة").
_ITEMIZED = {
    "includes",
    "supplies",
    "delivered",
    "purchased",
    "negotiating_purchase",
    "ready_to_supply",
    "received",
    "operates",
    "seeks_to_acquire",
    "approved_sale",
    "manufactures",
}


class _Roles(_Attribution):
    """Who fills a predicate's roles, and what the story has named so far to fill them."""

    _countries_seen: list[str]
    _recent: list[tuple[str, ...]]
    _in_sentence: list[tuple[str, ...]]
    _host: str | None  # who held the last meeting or call
    _joined_force: Callable[[list[Mention], int], str | None]  # (reading: the force a weapon joins)

    def _start_roles(self) -> None:
        self._parties: list[str] = []  # the other party of the last frame read (من روسيا)
        self._seller: str | None = None  # who sells in the story told so far
        self._buyer: str | None = None  # who buys or receives in the story told so far
        self._goods: str | None = None  # what the story's deal is for (a weapon system)
        self._countries_seen = []
        self._people_seen: list[str] = []
        self._recent = []
        self._in_sentence = []
        self._host = None
        # Names last met behind a preposition ("الانضمام إلى الاتحاد الأوروبي"): a dropped
        # subject ("فإنها تسلح نفسها") refers back past them.
        self._after_preposition: set[tuple[str, ...]] = set()

    def _sentence_object(self, predicate: str, subjects: list[str]) -> str | None:
        """An object the clause refers back to ("على هذا المسار"): the last name of the
        first kind the predicate's object takes, in the clauses of the sentence before."""
        wanted = _object_types(predicate)[:1]
        for ids in reversed(self._in_sentence):
            for eid in ids:
                if self.linker.type_of(eid) in wanted and eid not in subjects:
                    return eid
        return None

    def _story_roles(self, predicate: str | None, subjects: list[str], objects: list[str]) -> None:
        """Who sells and what, from the frames read: the subject of a supply or delivery,
        the party a state buys from (من) or signs with (مع); the weapon a deal is for."""
        weapons = [o for o in objects if self.linker.type_of(o) == "weapon_system"]
        if (
            predicate in ("supplies", "delivered", "purchased", "negotiating_purchase", "includes")
            and weapons
        ):
            self._goods = weapons[0]
        if predicate in ("purchased", "received", "negotiating_purchase", "seeks_to_acquire") and subjects:
            self._buyer = subjects[0]
        if predicate in ("supplies", "delivered") and subjects:
            self._seller = subjects[0]
        elif predicate in ("purchased", "negotiating_purchase", "signed"):
            states = [e for e in self._parties if self.linker.type_of(e) in ("country", "organization")]
            if states:
                self._seller = states[0]

    def _carried_goods(self, predicate: str | None) -> str | None:
        """A delivery with no weapon named ("التسليم سيبدأ عام 2020"): the story's."""
        return self._goods if predicate in ("delivered", "supplies") else None

    def _carried(self, predicate: str) -> str | None:
        """A dropped subject: the seller of the story for a supply or a delivery
        ("وعُلم أن التسليم سيبدأ عام 2020"), else the last name before of a kind the
        predicate's subject takes."""
        if predicate in ("supplies", "delivered") and self._seller:
            return self._seller
        types = ROLES.get(predicate, (_ANY, _ANY))[0]
        if predicate in MEETING_PREDICATES and self._host:
            return self._host  # "وتناول اللقاء ...": the meeting's host
        for skip in (self._after_preposition, set()):
            for ids in reversed(self._recent[-12:]):
                if ids in skip:
                    continue
                for eid in ids:
                    if self.linker.type_of(eid) == types[0] and not (
                        predicate in _HANDED and eid in self._parties
                    ):
                        return eid  # (not the one handed to: "للجانب الجزائري")
        return None

    def _roles(self, predicate, at, mentions, keys) -> tuple[list[str], list[str]]:
        subj_types, obj_types = ROLES.get(predicate, (_ANY, _ANY)) if predicate else (_ANY, _ANY)
        verb = at[0] if at else 0
        verb_end = verb + 1 if at else 0

        def pick(m: Mention, types: tuple[str, ...]) -> str | None:
            for t in types:
                for eid in m.ids:
                    if self.linker.type_of(eid) == t:
                        return eid
            return None

        def joined(a: Mention, b: Mention) -> bool:
            # A comma or و between names ("سلمت روسيا مصر" is who delivered to whom); states'
            # adjectives in a row qualify one noun together ("الرفض السعودي الإماراتي").
            gap = self.text[a.end : b.start]
            if a.weak and b.weak:
                return bool(re.fullmatch(r"[\s،,]*(?:و)?", gap))
            return bool(re.fullmatch(r"\s*(?:[،,]\s*و?|و)\s*", gap))

        def chain(ms: list[Mention], start: int, types: tuple[str, ...]) -> list[str]:
            # "السعودية والإمارات والبحرين ومصر": names joined only by و and commas.
            first = pick(ms[start], types)
            out = [first] if first else []
            for k in range(start + 1, len(ms)):
                nxt = pick(ms[k], types)
                if not joined(ms[k - 1], ms[k]) or nxt is None or nxt in out:
                    break
                out.append(nxt)
            return out

        ordered = sorted(mentions, key=lambda m: m.first)
        if predicate == "received" and at and JOINING.match(keys[verb]):
            # "انضمام الغواصة (S-44) إلى القوات البحرية المصرية", "غواصات ... ستنضم للبحرية":
            # the force joined (after the verb, behind إلى or ل) receives the weapon that joins.
            force = self._joined_force(mentions, verb)
            at_force = next((m.first for m in ordered if force in m.ids), None)
            weapons = [
                e
                for m in ordered
                if (e := pick(m, obj_types)) and at_force is not None and m.first < at_force
            ]
            if force and weapons:
                return [force], list(dict.fromkeys(weapons))
        if predicate == "received" and at and ARRIVING.match(keys[verb]):
            # «وصلت الطائرات إلى مصر»: goods arriving; where they arrive (after إلى) receives them
            there = next(
                (
                    e
                    for m in ordered
                    if m.first > verb and keys[m.first - 1] == _TO and (e := pick(m, subj_types))
                ),
                None,
            )
            if there is not None:
                goods = [e for m in ordered if (e := pick(m, obj_types)) and e != there]
                return [there], list(dict.fromkeys(goods))
        markers = FRAME_OTHER_PARTY.get(predicate or "", ())
        others = [m for m in ordered if markers and self._other_party(m, keys, markers)]
        self._parties = [e for m in others for e in m.ids[:1]]
        if others and (len(others) < len(ordered) or predicate in SYMMETRIC or predicate in _HANDED):
            # The frame's other party (the seller after من, the buyer after ل) is not its
            # subject: who buys from whom, who sells to whom.
            subject_pool = [m for m in ordered if m not in others]
        else:
            subject_pool = ordered
        if predicate in _TRADE_FRAMES:
            # After a verb of trade, a name behind a preposition ("اقتنت ... التي استعملت
            # بسوريا", "من روسيا") is no agent of it: the subject is dropped, told before.
            subject_pool = [
                m for m in subject_pool if not (m.first >= verb_end and at and self._governed(m, keys))
            ]
        elif predicate == "signed":
            # "تعاقدات لشراء أنظمة من إسرائيل": who one buys from, after the verb, signs with
            # the subject but is not it (the parties after بين and مع are read elsewhere).
            subject_pool = [
                m
                for m in subject_pool
                if not (m.first >= verb_end and m.first and _FROM_RE.fullmatch(keys[m.first - 1]))
            ]
        # "في إطار محاربة تنظيم داعش": the one fought is no party to the act told
        subject_pool = [m for m in subject_pool if not (m.first and _ADVERSARY.match(keys[m.first - 1]))]
        strong = [m for m in subject_pool if not m.weak]
        subjects: list[str] = []
        dual = self._dual(keys, verb, ordered)
        right_after = [k for k, m in enumerate(subject_pool) if m.first == verb_end and pick(m, subj_types)]
        before = [k for k, m in enumerate(strong) if m.last <= verb and pick(m, subj_types)]
        after = [k for k, m in enumerate(strong) if m.first >= verb_end and pick(m, subj_types)]
        free_before = [k for k in before if not self._governed(strong[k], keys)]
        titled = self._titled_subject(keys, verb_end, ordered, subj_types)
        own = [k for k in free_before if pick(strong[k], subj_types)]
        if predicate == "met" and at and _HIS_MEETING.match(keys[verb]) and own:
            # "بحث الأمير ... خلال لقائه، اليوم، وزير الدفاع العراقي ...": his meeting; he met
            # the one named after it.
            subjects = [s for k in own[-1:] if (s := pick(strong[k], subj_types))]
        elif dual and predicate not in SYMMETRIC and self.linker.type_of(dual[0]) == "person":
            subjects = dual  # "وقّع الوزيران مذكرة تفاهم": each of them signed it
        elif dual:
            subjects = dual[:1]
        elif titled:
            subjects = [titled]
        elif right_after and (
            keys[verb].startswith(("ال", "بال", "وال", "لل")) or subject_pool[right_after[0]].weak
        ):
            # A verbal noun and its agent: "الرفض السعودي الإماراتي", "بتوقيع موسكو والدوحة".
            subjects = chain(subject_pool, right_after[0], subj_types)
        elif (
            before
            and verb - strong[before[-1]].last <= 2
            and not (
                free_before
                and self._governed(strong[before[-1]], keys)
                and re.match(r"\s*[،,؛]", self.text[strong[before[-1]].end :])
            )
            and not (
                # "في إطار تعزيز القوات المسلحة، وقعت بولندا": a verb opens its clause after
                # the comma, its subject right after it (the name before ends another phrase).
                any(strong[k].first == verb_end for k in after)
                and re.match(r"\s*[،,؛]", self.text[strong[before[-1]].end :])
            )
        ):
            k = before[-1]
            while k > 0 and joined(strong[k - 1], strong[k]) and pick(strong[k - 1], subj_types):
                k -= 1
            subjects = chain(strong, k, subj_types)
        elif after:
            subjects = chain(strong, after[0], subj_types)
        elif before:
            # "صربيا تسعى للانضمام إلى الاتحاد الأوروبي، فإنها تسلح ...": not the name behind a preposition.
            subjects = chain(strong, (free_before or before)[-1], subj_types)
        else:
            weak = [w for m in subject_pool if m.weak and (w := pick(m, subj_types))]
            if weak:
                subjects = weak[:1]
        subjects = self._titled_list(subjects, ordered)
        objects: list[str] = []
        if obj_types:
            if dual and len(dual) > 1 and dual[1] in [pick(m, obj_types) for m in ordered]:
                objects = [dual[1]]
            cands = [
                k for k, m in enumerate(ordered) if pick(m, obj_types) and pick(m, obj_types) not in subjects
            ]
            after_o = [k for k in cands if ordered[k].first >= verb and not ordered[k].weak]
            after_o = after_o or [k for k in cands if ordered[k].first >= verb]
            chosen = after_o[0] if after_o else (cands[-1] if cands else None)
            if chosen is not None and not objects:
                if predicate in _ITEMIZED:
                    # A list of items with descriptions between them: every item after the cue.
                    objects = [o for k in after_o if (o := pick(ordered[k], obj_types)) and o not in subjects]
                    objects = list(dict.fromkeys(objects))
                elif predicate in ("discussed", "cut_ties_with", "sanctioned", "accused"):
                    objects = [o for o in chain(ordered, chosen, obj_types) if o not in subjects]
                elif picked := pick(ordered[chosen], obj_types):  # a candidate: never None
                    objects = [picked]
            if not objects and dual and len(dual) > 1 and "country" in obj_types:
                objects = [dual[1]]
        subjects, objects = [s for s in subjects if s], [o for o in objects if o]
        if predicate in SYMMETRIC and not objects and len(subjects) > 1:
            subjects, objects = subjects[:1], subjects[1:2]
        return subjects, objects

    def _titled_list(self, subjects: list[str], ordered: list[Mention]) -> list[str]:
        """People named one after another, each after his title ("ووقع رئيس الوزراء الأسترالي
        "سكوت موريسون" ووزير الدفاع "كريستوفر بيني"، ووزيرة القوات ... "فلورنس بارلي""):
        a person subject and each person after him joined by و and a title."""
        if len(subjects) != 1 or self.linker.type_of(subjects[0]) != "person":
            return subjects
        out = list(subjects)
        at = next((m for m in ordered if subjects[0] in m.ids and not m.weak), None)
        for m in ordered:
            if at is None or m.first <= at.first or m.weak or self.linker.type_of(m.ids[0]) != "person":
                continue
            if m.first < at.last:
                continue
            gap = self.text[at.end : m.start]
            words = normalize(gap).split()
            if not (
                re.match(r"^[\s\"”»،,]*و", gap)
                and 1 <= len(words) <= 7
                and _title_word(
                    bare
                    if (bare := _after_conjunction(words[0])) and bare != words[0]
                    else words[1]
                    if len(words) > 1
                    else ""
                )
                and not re.search(r"[.؛:]", gap)
            ):
                break
            if m.ids[0] not in out:
                out.append(m.ids[0])
            at = m
        return out

    def _governed(self, m: Mention, keys: list[str]) -> bool:
        """Whether a name stands after a preposition, a word ("من روسيا") or a proclitic on
        its own word ("بسوريا", "لمصر")."""
        if m.weak:
            return False
        before = keys[m.first - 1] if m.first else ""
        if before in _PREPOSITION_WORDS or _after_conjunction(before) in _PREPOSITION_WORDS:
            return True
        clitic = self.text[self.text.rfind(" ", 0, m.start) + 1 : m.start]
        # a preposition on the name, the article with it or not («بروسيا», «للعراق», «بالمغرب»)
        bare = _after_conjunction(clitic)
        return bare not in ("", ARTICLE) and _CLITICS.fullmatch(bare) is not None

    def _other_party(self, m: Mention, keys: list[str], markers: tuple[str, ...]) -> bool:
        """Whether a name stands after one of its frame's other-party words: the word before
        it ("من روسيا") or the proclitic on its own word ("للعراق")."""
        before = keys[m.first - 1] if m.first else ""
        if before in markers or _after_conjunction(before) in markers:
            return True
        if m.weak and _SIDE.match(before):
            # "للجانب الجزائري"، "مع الجانب الروسي": a state named as "the side" of its
            # adjective, the marker on «الجانب» or the word before it.
            # what stands on «جانب» after the conjunction, the article read off («بالجانب»: ب;
            # «للجانب»: لل)
            clitic = _after_conjunction(before).removesuffix(_SIDE_WORD).removesuffix(ARTICLE)
            ahead = keys[m.first - 2] if m.first > 1 else ""
            return (
                clitic in markers or (clitic == "لل" and "ل" in markers) or (not clitic and ahead in markers)
            )
        if m.first > 1 and _company_noun(before):
            # "مع شركة داسو": the company's noun between the marker and its name
            ahead = keys[m.first - 2]
            if ahead in markers or _after_conjunction(ahead) in markers:
                return True
            cut = next((c for c in clitic_cuts(before) if c > 0 and _company_noun(before[c:])), 0)
            if _after_conjunction(before[:cut]) in markers:
                return True  # "لشركة داسو"
        clitic = _after_conjunction(self.text[self.text.rfind(" ", 0, m.start) + 1 : m.start])
        if clitic in markers or (clitic == "لل" and "ل" in markers):
            return True
        # A person after a title: the title's marker ("التقى بنظيره الروسي أندريه ...").
        for k in range(m.first - 1, max(-1, m.first - 7), -1):
            if _title_word(keys[k]):
                bare = _after_conjunction(keys[k])
                before = keys[k - 1] if k else ""
                return bare[:1] in markers or before in markers
        return False

    def _titled_subject(
        self, keys: list[str], at: int, ordered: list[Mention], types: tuple[str, ...]
    ) -> str | None:
        """ "وقلل السفير الروسي ...": a title with no name after the verb is the person last
        named as speaker."""
        if not at or at >= len(keys) or "person" not in types or not any(p.opens(keys[at]) for p in _TITLES):
            return None
        if any(
            at <= m.first <= at + 4 and not m.weak and any(self.linker.type_of(e) == "person" for e in m.ids)
            for m in ordered
        ):
            return None
        return (
            self._last_speaker
            if self._last_speaker and self.linker.type_of(self._last_speaker) == "person"
            else None
        )

    def _dual(self, keys: list[str], verb: int, ordered: list[Mention]) -> list[str]:
        """ "البلدان"، "الجانبان": the two states they stand for, in the order first named."""
        # after the verb ("وقّع الوزيران"), or right before it ("أن الجانبين توصلا")
        for k in [*range(verb, min(len(keys), verb + 3)), *range(max(0, verb - 2), verb)]:
            if _DUAL_PEOPLE.match(keys[k]):
                # "وقّع الوزيران": the two people last named.
                return list(self._people_seen[-2:]) if len(self._people_seen) >= 2 else []
            if not _DUAL.match(keys[k]):
                continue
            adjectives = [m.ids[0] for m in ordered if m.weak and k < m.first <= k + 3]
            if adjectives:
                return adjectives
            return self._last_pair()
        return []

    def _last_pair(self) -> list[str]:
        return list(self._countries_seen[-2:]) if len(self._countries_seen) >= 2 else []
