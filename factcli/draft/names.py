"""Names in a clause: the spans that `link.Linker` resolves to entities, a proclitic cut
off where the bare form is a name, and country adjectives as weak mentions."""

from __future__ import annotations

from dataclasses import dataclass

from ..analyze import (
    clitic_cuts,
)
from ..link import Linker
from ..normalize import normalize
from .cues import _KIND_NOUNS, _MEDIA
from .spans import _QUOTES, _WORD, Word

# --------------------------------------------------------------------------------------
# Names


# Words of time and number, and prepositions, that follow a name in a sentence and are never
# part of it.
_NOT_IN_NAMES = {
    normalize(w)
    for w in (
        "عام",
        "سنة",
        "يوم",
        "شهر",
        "أمس",
        "غدا",
        "اليوم",
        "حاليا",
        "أيضا",
        "السبت",
        "الأحد",
        "الإثنين",
        "الاثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        # prepositions of a noun's making, which a sentence puts after a name («... باس بشأن»)
        "بشأن",
        "بخصوص",
        "بهدف",
        "بسبب",
        "بموجب",
        "خلال",
        "ضمن",
        "عبر",
        "منذ",
        "لدى",
        # the time a sentence puts after the name of who acted («... فلان بعد محادثات»,
        # «قبل», «عقب», «إثر», «أثناء»), and «كذلك» (also)
        "بعد",
        "قبل",
        "عقب",
        "إثر",
        "أثناء",
        "كذلك",
    )
}


@dataclass
class Mention:
    start: int  # character offsets of the name as written (proclitic excluded)
    end: int
    first: int  # word indices in the clause's word list, inclusive..exclusive
    last: int
    ids: tuple[str, ...]
    written: str
    weak: bool = False  # a country adjective, not a name


_LONGEST_NAME = 14  # words; agreement names run long


def find_mentions(linker: Linker, text: str, words: list[Word]) -> list[Mention]:
    """The names in a clause's words, longest first at each word, a proclitic cut off where
    the bare form is a name; then the country adjectives, as weak mentions."""
    out: list[Mention] = []
    keys = [w.key for w in words]
    i = 0
    while i < len(words):
        found = None
        after_kind = i > 0 and any(p.opens(keys[i - 1]) for p in _KIND_NOUNS)
        for cut in clitic_cuts(keys[i]):
            head = _after_clitic(text, words[i].start, words[i].end, cut)
            first = normalize(head).split(" ")[0] if head else ""
            if first not in linker.first_tokens:
                continue  # no name starts with this word: no n-gram from it is a name
            for n in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
                s, e = words[i].start, words[i + n - 1].end
                written = _after_clitic(text, s, e, cut)
                quoted = s > 0 and text[s - 1] in _QUOTES and e < len(text) and text[e] in _QUOTES
                ids = (
                    linker.resolve(written, quoted, after_kind) if written and _WORD.match(written) else set()
                )
                if ids:
                    found = Mention(e - len(written), e, i, i + n, tuple(sorted(ids)), written)
                    break
            if found:
                break
        if found:
            out.append(found)
            i = found.last
            continue
        for cut in clitic_cuts(keys[i]):
            adj = keys[i][cut:]
            adj = adj if adj.startswith("ال") else "ال" + adj
            if adj in linker.adjectives:
                out.append(
                    Mention(
                        words[i].start,
                        words[i].end,
                        i,
                        i + 1,
                        (linker.adjectives[adj],),
                        text[words[i].start : words[i].end],
                        weak=True,
                    )
                )
                break
        i += 1
    return out


def _media(linker: Linker) -> set[str]:
    """The entities whose names start with a media noun (وكالة، صحيفة، قناة ...)."""
    out = set()
    for e in linker.entities.values():
        names = [e.get("name_ar") or ""] + list(e.get("aliases") or [])
        if any(_starts_with_media(n) for n in names):
            out.add(e["id"])
    return out


def _after_clitic(text: str, s: int, e: int, cut: int) -> str:
    """The text of s:e without its first `cut` letters (a proclitic); -1 is لل, read as ال."""
    if cut == 0:
        return text[s:e]
    if cut == -1:
        return "ال" + _after_clitic(text, s, e, 2)  # "للدوحة" is ل + "الدوحة"
    taken, i = 0, s
    while taken < cut and i < e:
        if "\u0621" <= text[i] <= "\u064a":
            taken += 1
        i += 1
    return text[i:e]


def _starts_with_media(name: str) -> bool:
    first = normalize(name).split(" ")[:1]
    return bool(first) and any(p.opens(first[0]) for p in _MEDIA)


# Given names that open a person's full name told bare, with no title before it («خليفة
# أنغيلا ميركل», «قبل تسليمه إلى دونالد ترامب»): names that are no common Arabic word
# («سعيد», «كريم», «جمال», «علي» are, and stay out), Arab and foreign ones as Arabic news
# spells them. No name of Turkey's S-400 story.
GIVEN_NAMES = [
    # Arab
    "محمد",
    "أحمد",
    "محمود",
    "مصطفى",
    "إبراهيم",
    "يوسف",
    "خالد",
    "عمر",
    "عثمان",
    "حسين",
    "طارق",
    "وليد",
    # (of a derived verbal noun's letters: `derived_verbal_noun` skips them)
    "إسحاق",
    "توفيق",
    "إقبال",
    "إيمان",
    "تسنيم",
    "إحسان",
    "إيهاب",
    "وائل",
    "وجدي",
    "هشام",
    "فيصل",
    "سلمان",
    "تميم",
    "بشار",
    "نوري",
    "حيدر",
    "عمرو",
    "ياسر",
    "أيمن",
    "أسامة",
    "معمر",
    "عبد",
    "عبدالله",
    "عبدالعزيز",
    "عبدالرحمن",
    # foreign
    "دونالد",
    "باراك",
    "جورج",
    "بيل",
    "هيلاري",
    "مايك",
    "أنتوني",
    "لويد",
    "فلاديمير",
    "سيرغي",
    "سيرجي",
    "ديمتري",
    "أندريه",
    "ميخائيل",
    "إيمانويل",
    "فرانسوا",
    "نيكولا",
    "جاك",
    "أنغيلا",
    "أنجيلا",
    "أولاف",
    "بوريس",
    "تيريزا",
    "ريشي",
    "ناريندرا",
    "بنيامين",
    "فولوديمير",
    "جاستن",
    "شينزو",
    "كيم",
]
