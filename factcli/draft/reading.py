"""Clause reading: the predicate cues of a clause and the ones its names can fill, its
negation, its modality, and a figure with its unit."""

from __future__ import annotations

import re

from ..analyze import (
    ARTICLE,
    CONJUNCTION_RE,
    CONJUNCTIONS,
    MIN_STEM,
    PREPOSITION_RE,
    PREPOSITIONS,
    PROCLITICS,
    clitic_cuts,
    name_forms,
    strip_clitic,
)
from ..normalize import normalize
from ..vocabulary import MONEY_UNITS, UNITS
from .base import _after_conjunction, _Base, _number, _told_done
from .cues import (
    _ANY,
    _IDIOMS,
    _MODALITY_PATTERNS,
    _NEGATIONS,
    _OFFICE_HEADS,
    _ONE_OF,
    _PREDICATE_PATTERNS,
    _SCALES,
    _SHIPMENTS,
    _SUPERLATIVES,
    _UNIT_QUALIFIERS,
    _UNITS,
    _VALUE_PATTERNS,
    _WEAPON_HEADS,
    ARRIVING,
    DUAL_ENDINGS,
    FUTURE_NOUNS,
    FUTURE_PREFIX,
    HALF_WORD,
    JOINING,
    MAY_NOT_BEFORE,
    MAY_WORD,
    RELATIVE_PRONOUNS,
    ROLES,
    SCALE_STEMS,
    TALKS_NEUTRAL,
    Pattern,
)
from .names import Mention

# An armed force's words: what a weapon joins («القوات البحرية»، «البحرية»، «الجيش»، «سلاح الجو»).
_FORCE = re.compile(r"(?:^|\s)(?:ال)?(?:قوات|قوه|بحريه|جيش|سلاح|اسطول|خدمه)(?:\s|$)")

# How many words apart two figures of one worth in two currencies stand.
_SAME_WORTH_REACH = 8
# Ministries in the dual or plural («وزارتا», «وزارتي», «وزارات»): a noun, never و + زار.
_MINISTRIES = re.compile(f"^{CONJUNCTION_RE}{PREPOSITION_RE}وزار(?:تا|تي|تان|تين|ات)$")
# «من أصل 12» is "out of twelve": «أصل» after «من» is a noun (origin), never أ + صل (I arrive).
_OUT_OF = re.compile(r"^[اأ]صل$")


# «يصل»، «تصل» (reaches) before an amount: "ما يصل إلى 50 مقاتلة", "تصل قيمتها إلى 7.6
# مليار", "تصل إلى عشرات الملايين" tell how many or how much, not an arrival.
_REACHES = re.compile(f"^{CONJUNCTION_RE}(?:س)?[يت]صل$")
_AMOUNT = re.compile(r"^(?:[0-9٠-٩]|عشرات|مئات|الاف|ملايين|مليار|حوالي|نحو|اكثر|قرابه)")


def _no_verb(keys: list[str], i: int) -> bool:
    """Whether the cue word at `i` is no verb in its phrase: «أصل» after «من» ("من أصل 12":
    out of twelve), «يصل» before an amount ("ما يصل إلى 50": up to fifty)."""
    if _OUT_OF.match(keys[i]):
        return i > 0 and keys[i - 1] in ("من", "ومن")
    if not _REACHES.match(keys[i]):
        return False
    if i > 0 and keys[i - 1] == "ما" or keys[i + 1 : i + 2] and keys[i + 1].startswith("قيمت"):
        return True
    ahead = keys[i + 1 : i + 5]
    return any(k == "الي" and n + 1 < len(ahead) and _AMOUNT.match(ahead[n + 1]) for n, k in enumerate(ahead))


# How far past a predicate's cue a verb in the future still tells the predicate's tense
# ("التسليم سيبدأ", "الصفقة التي ستوقع"): the next few words.
_FUTURE_REACH = 3
# What a modal word says of an act not yet done; after a cue in the perfect it is another
# verb's (a claim's pretext, «بدعوى», still qualifies the done act).
_NOT_YET = {"planned", "expected", "hedged"}
# «سيتم», «ستتم»: the future of the passive's auxiliary «تم», whose stem is too short for
# `FUTURE_PREFIX` («سيتم تسليم الدبابات»).
_FUTURE_DONE = {"سيتم", "ستتم"}
# «على أن» before an imperfect («على أن يتم تمويل العقد», «على أن تبدأ الإمدادات»): what an
# agreement or a programme arranges for later.
_ON_THAT = ["علي", "ان"]
_IMPERFECT = ("ي", "ت")
# Talks that lie behind the act the clause tells: «بعد محادثات», «عقب المباحثات», «إثر
# مفاوضات», «في ختام المحادثات», «في أعقاب المشاورات» (the act is done after them), or told
# with what they have lasted: «بعد عشر سنوات من المفاوضات».
_TALKS_BEHIND = {"بعد", "عقب", "اثر", "ختام", "اعقاب"}
_TALKS_LASTED_REACH = 4
# Talks told as over: ended, concluded, or held («انتهت المفاوضات», «اختتمت
# بنجاح مفاوضات», «نقطة النهاية لمسلسل من المفاوضات», «جرت مفاوضات مطولة», «أسفرت
# المحادثات عن»), within a few words before the talks' noun or right after it. The noun of
# an end only, «نهاية» and its construct «نهايتها»: the adjective «النهائية» tells the last
# round of talks still going on. («في ختام» is a word of `_TALKS_BEHIND`.)
_TALKS_OVER = re.compile(f"^(?:{ARTICLE})?(?:انته|اختتم|اسفر|نهايه$|نهايت)|^(?:جرت|جري)$")
_TALKS_OVER_BEFORE = 5
_TALKS_OVER_AFTER = 2
# The verbal nouns of using and operating (`PREDICATE_CUES`), and the verbs and nouns of
# judging or stopping a use a few words before them: «أدانت روسيا استخدام ...», «انتقدت»,
# «حظر», «منع», «وقف استخدام القوة»: a use condemned, banned or halted, no operating.
_USING_NOUNS = {"استخدام", "تشغيل"}
_JUDGING = [
    Pattern.of(w)
    for w in (
        "ادان*",
        "~دين",
        "ادانه",
        "ندد*",
        "~ندد*",
        "انتقد*",
        "~نتقد*",
        "انتقاد",
        "حظر*",
        "~حظر*",
        "منع*",
        "~منع*",
        "وقف",
        "اوقف*",
        "~وقف*",
        "ايقاف",
        "رفض*",
        "~رفض*",
    )
]
_JUDGING_REACH = 3


def _talks_behind(keys: list[str], at: int) -> bool:
    """The talks' noun at `at` follows «بعد», «عقب», «في ختام» (a conjunction read off), or
    a word that tells them over: talks held before the act, not talks still going on."""
    reach = _TALKS_LASTED_REACH if at > 0 and keys[at - 1] == "من" else 2
    if any(_after_conjunction(k) in _TALKS_BEHIND for k in keys[max(0, at - reach) : at]):
        return True
    near = keys[max(0, at - _TALKS_OVER_BEFORE) : at] + keys[at + 1 : at + 1 + _TALKS_OVER_AFTER]
    return any(_TALKS_OVER.match(form) for k in near for form in name_forms(k))


# «كان»، «كانت» a few words before «قد» («وكانت مالي قد تسلمت»، «وكان العراق قد تسلم»):
# the pluperfect, what had been done, never a hedge.
_WAS = {"كان", "كانت", "كانوا", "كانا", "كانتا"}
_WAS_REACH = 3


def _pluperfect(keys: list[str], may: int) -> bool:
    """«قد» at `may` follows a perfect «كان» within a few words: «كان ... قد + verb» tells
    what had been done («قد تسلم» after it reads as the perfect, whatever its first letter)."""
    return any(_after_conjunction(k) in _WAS for k in keys[max(0, may - _WAS_REACH) : may])


def _unit_at(j: int, keys: list[str]) -> str | None:
    """The unit a word names, with the word after it when that names another currency
    ("دولار أسترالي": AUD); None when it names none of the vocabulary's."""
    if j >= len(keys):
        return None
    unit = next((u for rx, u in _UNITS if rx.match(keys[j])), None)
    if unit is not None and j + 1 < len(keys):
        unit = next((to for u, rx, to in _UNIT_QUALIFIERS if u == unit and rx.match(keys[j + 1])), unit)
    return unit if unit in UNITS else None


# Proclitics a figure takes ("بـ23 مليار"، "و89 مليون"، "بسبعة مليارات"، "بأربعة"): the
# analyzer's, a conjunction with a preposition first. (Not `analyze.clitic_cuts`, which
# leaves a word three letters at least: "ب23" is a figure of two.)
_FIGURE_CLITICS = (*(c + p for c in CONJUNCTIONS for p in PREPOSITIONS), *PROCLITICS)


def _figure(i: int, keys: list[str], clitics: tuple[str, ...] = ("", *_FIGURE_CLITICS)) -> float | None:
    """The number word `i` writes, bare or after one of `clitics` ("ب23": 23, "بسبعه": 7)."""
    for clitic in clitics:
        rest = keys[i][len(clitic) :]
        if not clitic and (amount := _number(i, keys)) is not None:
            return amount
        if clitic and keys[i].startswith(clitic) and len(rest) >= 2:
            if (amount := _number(0, [rest])) is not None:
                return amount
    return None


def _scale_at(j: int, keys: list[str]) -> float | None:
    return next((s for rx, s in _SCALES if j < len(keys) and rx.match(keys[j])), None)


def _and_more(j: int, keys: list[str], scale: float) -> tuple[float, int]:
    """What «و» adds to a figure of `scale` from word `j`: "مليار و89 مليون" (89 million),
    "ستة مليارات و500 مليون", "مليار و400 ألف"; (0, j) when nothing is added."""
    if j + 1 < len(keys) and (n := _figure(j, keys, CONJUNCTIONS)) is not None:
        smaller = _scale_at(j + 1, keys)
        if smaller is not None and smaller < scale:
            return n * smaller, j + 2
    return 0.0, j


def _scale_alone(i: int, keys: list[str]) -> float | None:
    """ "مليار" alone is one billion, "ملياري" two, "نصف مليار" half of one (the word's
    proclitics cut: "بمليار"); None when the word is no scale word or a number is before it."""
    word = keys[i]
    if i and _figure(i - 1, keys) is not None:
        return None
    for stem in SCALE_STEMS:
        at = word.find(stem)
        if at < 0 or word[:at] not in ("", *_FIGURE_CLITICS):
            continue
        ending = word[at + len(stem) :]
        scale = next(s for rx, s in _SCALES if rx.match(stem))
        if ending == "":
            half = i > 0 and keys[i - 1].endswith(HALF_WORD)
            return scale / 2 if half else float(scale)
        if ending in DUAL_ENDINGS:
            return 2.0 * scale
    return None


def _tells_the_figure(keys: list[str], at: int, vcue: tuple) -> bool:
    """Whether the word `at` is one a cue of the figure's predicate reads, at the figure's
    cue or right before it («قدرت قيمته»، «تقدر قيمتها»، «قدر بـ»): the figure's verb, which
    no other cue reads as an act of its own."""
    predicate, (first, _) = vcue[0], vcue[1]
    return first - 1 <= at <= first and any(
        p.parts and p.parts[0] is not None and p.parts[0].match(keys[at]) is not None
        for p, _, pred in _VALUE_PATTERNS
        if pred == predicate
    )


def _thing_noun(key: str) -> bool:
    """A weapon's or a consignment's noun, its clitics and article read off («الطائرات»,
    «والشحنة», «بالمدرعات»)."""
    for cut in clitic_cuts(key):
        bare = strip_clitic(key, cut)
        bare = bare.removeprefix(ARTICLE) if len(bare) - len(ARTICLE) >= MIN_STEM else bare
        if bare in _WEAPON_HEADS or bare in _SHIPMENTS:
            return True
    return False


class _Reading(_Base):
    """What a clause asserts: its predicates, its polarity, its modality and its figures."""

    _figure_at: int = 0  # the word of the last figure `_value` read

    def _predicates(self, keys: list[str], mentions: list[Mention], named: set[int]) -> list[tuple]:
        """The predicate cues of a clause: (predicate, (first, last) words, cue, value), at
        most three and a figure's, earliest first, none overlapping another or lying inside a name."""
        hits: list[tuple] = []
        value, vcue = self._value(keys, named)
        if value is not None and vcue is not None:
            hits.append((vcue[1][0], -1, vcue[0], vcue[1], vcue[2], value))
        again = None
        if value is not None and value["unit"] in MONEY_UNITS:
            # "50 مليار دولار أسترالي (35.5 مليار دولار أميركي)": the same worth in another
            # currency, a few words on: a figure of its own.
            first = self._figure_at
            other, ocue = self._value(keys, named, first + 2)
            if (
                other is not None
                and ocue is not None
                and other["unit"] in MONEY_UNITS
                and other["unit"] != value["unit"]
                and self._figure_at - first <= _SAME_WORTH_REACH
            ):
                again = (ocue[0], ocue[1], ocue[2], other)
        misfits: list[tuple] = []
        # The words of obtaining that end a reading of talks held before (`_talks_behind`):
        # talks over tell of no purchase by themselves («المفاوضات جرت لشراء»).
        talked: set[int] = set()
        for order, (pat, pred) in enumerate(_PREDICATE_PATTERNS):
            hit = pat.find(keys)
            while hit is not None and (
                hit[0] in named or _MINISTRIES.match(keys[hit[0]]) or _no_verb(keys, hit[0])
            ):
                hit = pat.find(keys, hit[0] + 1)
            if (
                hit is not None
                and JOINING.match(keys[hit[0]])
                and self._joined_force(mentions, hit[0]) is None
            ):
                continue  # joining a union or an alliance, no weapon joining a force
            if (
                hit is not None
                and pred == "negotiating_purchase"
                and hit[1] - hit[0] > 1
                and _talks_behind(keys, hit[0])
            ):
                talked.add(hit[1] - 1)
                continue  # «بعد محادثات ...، وقعت مصر صفقة لشراء»: talks held before, no reach over the act
            if (
                hit is not None
                and pred == "operates"
                and pat.text in _USING_NOUNS
                and any(p.opens(k) for k in keys[max(0, hit[0] - _JUDGING_REACH) : hit[0]] for p in _JUDGING)
            ):
                continue  # «وانتقدت مصر استخدام روسيا صواريخ»: a use judged, not made
            if (
                hit is not None
                and pred == "operates"
                and pat.text in _USING_NOUNS
                and not any(
                    m.first >= hit[1] and self.linker.type_of(e) == "weapon_system"
                    for m in mentions
                    for e in m.ids
                )
            ):
                continue  # «تعمل مصر على استخدام القوة»، «تشغيل المصانع»: no weapon used, no operating
            if hit is not None and hit[0] in talked:
                continue  # «اختتمت مصر مفاوضات شراء»: the purchase talked of, not made
            if hit is not None and pred == "visited" and self._goods_arrive(keys, mentions, hit[0]):
                pred = "received"  # «وصلت الطائرات إلى مصر»: goods arriving are received
            if hit is not None:
                row = (hit[0], order, pred, hit, pat.text, None)
                (hits if self._fits(pred, mentions) else misfits).append(row)
        if not hits and misfits:
            # Nothing in the clause fits any cue's roles: still offer the first cue.
            hits = [min(misfits, key=lambda h: (h[0], h[1]))]
        hits.sort(key=lambda h: (h[0], h[1]))
        chosen: list[tuple] = []
        used: set[int] = set()
        for _, _, pred, hit, cue, value in hits:
            span = set(range(hit[0], hit[1]))
            if span & used or any(c[0] == pred for c in chosen):
                continue
            if (
                value is None
                and any(c[3] is not None for c in chosen)
                and pred in ("signed", "exported_value")
            ):
                continue  # the figure's own verb ("وقعنا عقودا بقيمة ...")
            if value is None and vcue is not None and _tells_the_figure(keys, hit[0], vcue):
                continue  # a word the figure's cue reads too ("تقدر قيمتها بـ"): estimated, not praised
            if len([c for c in chosen if c[3] is None]) == 3 and value is None:
                continue  # three cues at most, besides a figure's
            chosen.append((pred, hit, cue, value))
            used |= span
        if again is not None and any(c[3] is not None for c in chosen):
            chosen.append(again)
        if not chosen:
            # «وهذه أكبر طلبية»، «— أول غواصة»، «كوريا الجنوبية، أحد أكبر مستوردي النفط»: a
            # clause of no act that ranks its thing among its kind describes it
            rank = next(
                (
                    k
                    for k, key in enumerate(keys)
                    if k not in named
                    and any(p.opens(key) for p in _SUPERLATIVES)
                    # «القائد الأعلى للقوات المسلحة»: a word of an office's title, no rank
                    and not (k > 0 and any(p.opens(keys[k - 1]) for p in _OFFICE_HEADS))
                ),
                None,
            )
            if rank is not None:
                chosen.append(("described_as", (rank, rank + 1), "superlative", None))
        return chosen

    def _goods_arrive(self, keys: list[str], mentions: list[Mention], verb: int) -> bool:
        """Whether the verb of arriving at `verb` tells of goods: a weapon or a consignment
        right after it («ستصل الطائرات», «تصل الشحنة الأولى») or right before it, a relative
        pronoun between or not («قاذفات ... ستصل», «الفرقاطة التي وصلت»), or a weapon named
        before it with no person or body named there («الأسلحة الروسية بدأت تصل»). The one
        reading of goods arriving: received, by where they arrive (`_Roles._roles`)."""
        if not ARRIVING.match(keys[verb]):
            return False
        kinds = {self.linker.type_of(m.ids[0]) for m in mentions if not m.weak and m.last <= verb}
        if "weapon_system" in kinds and not kinds & {"person", "organization"}:
            return True
        before = verb - 2 if verb > 1 and keys[verb - 1] in RELATIVE_PRONOUNS else verb - 1
        for at in (verb + 1, before):
            if not 0 <= at < len(keys):
                continue
            named = [m for m in mentions if m.first <= at < m.last]
            if named:
                if any(self.linker.type_of(e) == "weapon_system" for m in named for e in m.ids):
                    return True
                continue  # a person, a state, a body arrives: a visit
            if _thing_noun(keys[at]):
                return True
        return False

    def _joined_force(self, mentions: list[Mention], verb: int) -> str | None:
        """The armed force a weapon joins («انضمام الغواصة ... إلى القوات البحرية»): the
        first force named after the verb of joining, with a weapon named before it; None when
        what is joined is no force («الانضمام إلى الاتحاد الأوروبي»)."""
        ordered = sorted(mentions, key=lambda m: m.first)
        for k, m in enumerate(ordered):
            eid = m.ids[0] if m.ids else None
            if eid is None or m.first <= verb or self.linker.type_of(eid) != "organization":
                continue
            name = normalize(str(self.linker.entities.get(eid, {}).get("name_ar") or ""))
            if not _FORCE.search(name):
                return None
            weapons = [
                w for w in ordered[:k] if any(self.linker.type_of(e) == "weapon_system" for e in w.ids)
            ]
            return eid if weapons else None
        return None

    def _fits(self, predicate: str, mentions: list[Mention]) -> bool:
        """A cue counts only when the clause names something of a kind its roles take."""
        subj, obj = ROLES.get(predicate, (_ANY, _ANY))
        return any(
            self.linker.type_of(e) in obj or self.linker.type_of(e) in subj for m in mentions for e in m.ids
        )

    def _negation(self, keys: list[str], at: tuple[int, int] | None) -> str | None:
        idioms = [p.find(keys) for p in _IDIOMS]
        spared = {k for hit in idioms if hit for k in range(hit[0], hit[1])}
        limit = at[1] if at else len(keys)
        for pat in _NEGATIONS:
            hit = pat.find(keys)
            while hit is not None and hit[0] in spared:
                hit = pat.find(keys, hit[0] + 1)
            if hit is not None and (hit[0] < limit or at is None or hit[0] < at[1] + 4):
                return pat.text
        return None

    def _modality(
        self, keys: list[str], predicate: str | None, named: set[int], at: tuple[int, int] | None = None
    ) -> tuple[str, str | None]:
        """What the clause commits to for the predicate whose cue is at `at`. A verb in the
        future a few words past the cue is another verb's tense ("وقعت صفقة ... قيمتها خمسة
        مليارات دولار، ستتزود بموجبها بغداد": the signing is told as done)."""
        for pat, modality in _MODALITY_PATTERNS:
            hit = pat.find(keys)
            if hit is None:
                continue
            if modality == "in_talks" and (predicate in TALKS_NEUTRAL or _talks_behind(keys, hit[0])):
                continue
            if modality in _NOT_YET and at is not None and hit[0] >= at[1] and _told_done(keys[at[0]]):
                # «تسلمت طائرات ضمن صفقة ربما تفاقم التوتر»، «وقعت عقدا، ومن المقرر أن تتسلم»:
                # a done act; the hedge or the plan after it is another verb's
                continue
            if at is not None and any(k in RELATIVE_PRONOUNS for k in keys[at[1] : hit[0]]):
                # «تم التعاقد على منظومة ... التي ستدخل الخدمة العام المقبل»: a cue past a
                # relative pronoun tells of what that clause says of a noun, not of the act
                continue
            return modality, pat.text
        for i, k in enumerate(keys):
            if (
                k == MAY_WORD
                and i + 1 < len(keys)
                and keys[i + 1][:1] in ("ي", "ت")
                and keys[i + 1] not in MAY_NOT_BEFORE
                and not _told_done(keys[i + 1])
                and not _pluperfect(keys, i)
            ):
                return "hedged", "قد + imperfect"
        # (a cue in the perfect is told as done: a future verb before it is another verb's,
        # «أعلنت أنها ستبيع مروحيات في صفقة وقعت عليها أمس»)
        done_from = at[0] if at is not None and _told_done(keys[at[0]]) else 0
        for i, k in enumerate(keys):
            if at is not None and i >= at[1] + _FUTURE_REACH:
                break
            if i in named or i < done_from:
                continue
            bare = _after_conjunction(k)
            if bare in _FUTURE_DONE or (FUTURE_PREFIX.match(k) and not bare.startswith(FUTURE_NOUNS)):
                return "planned", f"سـ future ({k})"
            if keys[i : i + 2] == _ON_THAT and keys[i + 2 : i + 3] and keys[i + 2].startswith(_IMPERFECT):
                return "planned", "على أن + imperfect"
        return "fact", None

    def _value(self, keys: list[str], named: set[int], start: int = 0) -> tuple[dict | None, tuple | None]:
        """The first figure with a unit from word `start` and the cue that says what it is
        the value of; `_figure_at` keeps the figure's word."""
        for i in range(start, len(keys)):
            if i in named:
                continue
            self._figure_at = i
            amount = _figure(i, keys)
            j = i + 1
            if amount is None and (alone := _scale_alone(i, keys)) is not None:
                more, j = _and_more(i + 1, keys, alone if alone >= 10**6 else 0)
                amount = alone + more
                unit = _unit_at(j, keys)
                if unit is not None:
                    found = self._value_cue(keys, i, amount, unit)
                    if found[0] is not None:
                        return found
                continue
            if amount is None:
                if any((hit := p.find(keys, 0, i)) is not None and hit[1] == i for p in _ONE_OF):
                    unit = _unit_at(i, keys)
                    if unit == "year":
                        return self._value_cue(keys, i, 1, unit)
                continue
            scale = _scale_at(j, keys)
            if scale:
                amount *= scale
                more, j = _and_more(j + 1, keys, scale)
                amount += more
            unit = _unit_at(j, keys)
            if unit is None:
                continue
            found = self._value_cue(keys, i, amount, unit)
            if found[0] is not None:
                return found
        return None, None

    def _value_cue(self, keys, i, amount, unit):
        for pat, u, pred in _VALUE_PATTERNS:
            if u != unit and not (u == "USD" and unit in MONEY_UNITS):
                continue
            hit = pat.find(keys, max(0, i - 12), min(len(keys), i + 4))
            if hit is not None:
                amount = int(amount) if float(amount).is_integer() else amount
                return {"amount": amount, "unit": unit}, (pred, hit, pat.text)
        return None, None
