"""States an article names that the store does not know, from a maintained source: the
territory names of the Unicode CLDR in Arabic and English, as Babel ships them.

`StateNames.load()` reads CLDR's Arabic and English names of every two-letter territory
(regions, the EU and test codes left out) and derives each Arabic name's adjectives
(`analyze.nisba_forms`: الهند -> الهندي، الهندية ...). `named_states(text, names)` gives
the states a text names by a name or an adjective, as (Arabic name, English name, code),
for drafting to propose as new country entities. Babel is imported here only: drafting
loads it, no read command does.

Two CLDR names are ordinary words of Arabic news, so a state is never read from them:
مالي (Mali; "financial") and عمان (Oman; also Amman, Jordan's capital). Oman is still read
from its adjectives («العمانية») and from its name after its kind («سلطنة عمان»).

Arabic news also names a state by an epithet no gazetteer lists: «دولة الاحتلال» and «الكيان
الصهيوني» for Israel, «الدولة العبرية», «بلاد الرافدين» for Iraq. `named_epithets(text)` finds
them (`STATE_EPITHETS`, by CLDR code), and a name of several words written as one
(«الولاياتالمتحدة», a space lost by the page), so that drafting links them to the state.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..analyze import ARTICLE, clitic_cuts, nisba_forms, strip_clitic
from ..normalize import normalize
from .spans import _words

# CLDR codes that are no state: the EU, the euro area, the UN, test and unknown regions.
_NOT_STATES = {"EU", "EZ", "UN", "XA", "XB", "QO", "ZZ", "AQ", "UM", "IC", "EA", "DG", "CP", "TA", "AC"}
_COMMON_WORDS = {"مالي", "عمان"}
# Of those, the one whose adjectives are no ordinary word («العماني», «العمانية»: Omani; the
# capital's people are rarely named so), and whose name after its kind is no other place's.
_NAMED_BY_ADJECTIVE = {"عمان": "سلطنة عمان"}
_NISBA = ("ي", "يه", "يين", "يون")  # an adjective's endings (nisba)
_LONGEST = 4  # words in a state's name: "جمهورية الكونغو الديمقراطية"

# Epithets Arabic news gives a state in place of its name, each of one state only (a bare
# «الكيان», "the entity", or «المملكة», "the kingdom", is not: it names many things).
STATE_EPITHETS = {
    "دولة الاحتلال": "IL",
    "الاحتلال الإسرائيلي": "IL",
    "سلطات الاحتلال": "IL",
    "الكيان الصهيوني": "IL",
    "الكيان الإسرائيلي": "IL",
    "الدولة العبرية": "IL",
    "الجمهورية الإسلامية": "IR",
    "بلاد الرافدين": "IQ",
    "أرض الكنانة": "EG",
    "العم سام": "US",
}
_EPITHETS = {normalize(k): v for k, v in STATE_EPITHETS.items()}
# Adjectives Arabic news gives a state that its CLDR name does not derive: a short form of a
# «-ستان» name («الأوزبكي», not «الأوزبكستاني»), of a name of several words («البريطاني»,
# «الإماراتي», «الأمريكي»), or an old one («الأذري», «المجري», «النمساوي»). By CLDR code;
# each gives its forms (ال + the adjective, + ة, + ين, + ون).
STATE_DEMONYMS = {
    "AE": ("إماراتي",),
    "AF": ("أفغاني",),
    "AM": ("أرمني",),
    "AT": ("نمساوي",),
    "AZ": ("أذري",),
    "DK": ("دنماركي",),
    "GB": ("بريطاني",),
    "HU": ("مجري",),
    "KG": ("قيرغيزي",),
    "KZ": ("كازاخي",),
    "PE": ("بيروفي",),
    "SA": ("سعودي",),
    "TH": ("تايلندي",),
    "TJ": ("طاجيكي",),
    "US": ("أمريكي", "أميركي"),
    "UZ": ("أوزبكي",),
}
# Names Arabic news gives a state that CLDR does not list: its formal name («جمهورية كوريا»,
# the Republic of Korea) or its short one («كوريا», South Korea's, as in «شركة كوريا
# للصناعات الجوية»; the North is named with its adjective, «كوريا الشمالية», which is read
# first, being longer). By CLDR code; the state keeps CLDR's Arabic and English names.
STATE_OTHER_NAMES = {
    "KR": ("كوريا", "جمهورية كوريا"),
}
# A state named by its kind and its adjective, as its formal name runs («الجمهورية الإيطالية»,
# «المملكة الأردنية», «الدولة الفرنسية»): the state the adjective is of.
_STATE_KINDS = {normalize(w) for w in ("الجمهورية", "المملكة", "الدولة", "السلطنة", "الإمارة")}


# A name and another in brackets after it: «ميانمار (بورما)».
_BRACKETED_NAME = re.compile(r"(.+?)\s*\((.+)\)")


@dataclass
class StateNames:
    """CLDR's states: normalized Arabic name or adjective -> (code, Arabic name, English)."""

    names: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    adjectives: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # A name of two words or more written as one (الولاياتالمتحدة, a page's lost space).
    glued: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    # The adjective of a name of two words whose second is an adjective («كوريا الجنوبية»):
    # two words, the first's adjective and the second («الكورية الجنوبية», «الكوري الجنوبي»).
    pairs: dict[tuple[str, str], tuple[str, str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> StateNames:
        from babel import Locale

        arabic, english = Locale("ar").territories, Locale("en").territories
        out = cls()
        for code, name in arabic.items():
            if len(code) != 2 or not code.isalpha() or code in _NOT_STATES or code not in english:
                continue
            key = normalize(name)
            row = (code, name, english[code])
            if key in _COMMON_WORDS:
                if key in _NAMED_BY_ADJECTIVE:
                    # proposed by its name with its kind, so that «عمان» alone links to nothing
                    row = (code, _NAMED_BY_ADJECTIVE[key], english[code])
                    out.names.setdefault(normalize(_NAMED_BY_ADJECTIVE[key]), row)
                    for adjective in nisba_forms(key):
                        if adjective != "ال" + key:  # («في عمان» is no adjective)
                            out.adjectives.setdefault(adjective, row)
                continue
            # «ميانمار (بورما)»: CLDR's name with another in brackets, each a name of the state
            # alone (a bracket of more words describes it: «(منطقة إدارية خاصة)»); the state
            # is proposed by the first, as in English ("Myanmar (Burma)": Myanmar)
            if bracketed := _BRACKETED_NAME.fullmatch(name):
                plain = _BRACKETED_NAME.fullmatch(english[code])
                row = (code, bracketed.group(1), plain.group(1) if plain else english[code])
                out.names.setdefault(normalize(bracketed.group(1)), row)
            out.names.setdefault(key, row)
            if bracketed and " " not in bracketed.group(2).strip():
                out.names.setdefault(normalize(bracketed.group(2)), row)
            if " " in key:
                out.glued.setdefault(key.replace(" ", ""), row)
                first, _, second = key.partition(" ")
                if " " not in second and second.startswith("ال") and second.endswith(("ي", "يه")):
                    stem = second.removesuffix("ه").removesuffix("ي")
                    for adjective in nisba_forms(first):
                        for ending in _NISBA:
                            out.pairs.setdefault((adjective, stem + ending), row)
            for adjective in nisba_forms(bracketed.group(1) if bracketed else name):
                out.adjectives.setdefault(adjective, row)
            for demonym in STATE_DEMONYMS.get(code, ()):
                base = normalize(demonym)
                for ending in ("", "ه", "ين", "ون"):
                    out.adjectives.setdefault("ال" + base + ending, row)
        _g_as_jim(out.names, lambda key: not key.startswith(ARTICLE))
        _g_as_jim(out.adjectives, _jim_adjective)
        by_code = {row[0]: row for row in out.names.values()}
        for code, forms in STATE_OTHER_NAMES.items():
            if code in by_code:
                for form in forms:
                    out.names.setdefault(normalize(form), by_code[code])
        return out


def _g_as_jim(table: dict[str, tuple[str, str, str]], keep: Callable[[str], bool]) -> None:
    """A foreign name's g, which CLDR writes «غ», as Egypt's press writes it, «ج»
    («بنجلاديش», «البنجلاديشية»): the same state; not a name with the article, whose «ج»
    spelling may be a word («المغرب»: «المجرب», tried)."""
    for key, row in list(table.items()):
        if "غ" in key and keep(key):
            table.setdefault(key.replace("غ", "ج"), row)


def _jim_adjective(key: str) -> bool:
    """An adjective whose «غ» may be written «ج»: one with a nisba's ending whose «غ» is no
    first letter of its stem; «الجاني» (the culprit), «الجينية» (genetic), «الجان» are
    words, not Ghana's, Guinea's."""
    return key.endswith(("ي", "يه", "يين", "يون")) and not key.removeprefix(ARTICLE).startswith("غ")


def named_states(text: str, names: StateNames) -> list[tuple[str, str, str]]:
    """(code, Arabic name, English name) of each state the text names, by its name (a
    proclitic cut off: للهند، والعراق) or its adjective (الهندي، العراقية), first named first."""
    words = [w.key for w in _words(text, 0, len(text))]
    found: dict[str, tuple[str, str, str]] = {}
    for i in range(len(words)):
        for cut in clitic_cuts(words[i]):
            head = strip_clitic(words[i], cut)
            for n in range(min(_LONGEST, len(words) - i), 0, -1):
                key = " ".join([head, *words[i + 1 : i + n]])
                row = names.names.get(key)
                if row is None and n == 1 and (head.startswith("ال") or len(head) > 3):
                    # (an indefinite adjective has four letters or more: «بأن», "that", is
                    # no «ألبان», Albanians)
                    adjective = head if head.startswith("ال") else "ال" + head
                    row = names.adjectives.get(adjective)
                    if row is not None and not head.startswith("ال") and not adjective.endswith(_NISBA):
                        # a people's name without the article is a name's word, no state
                        # («جورج بوش» is no Georgia; «الروس» is Russians)
                        row = None
                    if row is None and adjective.startswith("الال"):
                        # a state whose name opens like the article («ألمانيا») writes its
                        # adjective's article twice («الألماني», «الألمانى»)
                        row = names.adjectives.get(adjective[2:])
                if row is not None:
                    found.setdefault(row[0], row)
                    break
    return list(found.values())


def named_epithets(text: str, names: StateNames) -> list[tuple[str, str, str, str]]:
    """(epithet, code, Arabic name, English name) of each state the text names by an epithet
        (`STATE_EPITHETS`; the epithet normalized, a proclitic cut off: «ودولة الاحتلال»), by its
    kind and its adjective («الجمهورية الإيطالية») or by
        its name of several words written as one («الولاياتالمتحدة»), first named first."""
    words = _words(text, 0, len(text))
    by_code = {row[0]: row for row in names.names.values()}
    found: dict[str, tuple[str, str, str, str]] = {}
    for i in range(len(words)):
        for cut in clitic_cuts(words[i].key):
            glued = strip_clitic(words[i].key, cut)
            if glued in names.glued:
                found.setdefault(glued, (glued, *names.glued[glued]))
                break
            if i + 1 == len(words):
                continue
            key = " ".join([strip_clitic(words[i].key, cut), words[i + 1].key])
            code = _EPITHETS.get(key)
            if code is None and key.split()[0] in _STATE_KINDS and words[i + 1].key.endswith("يه"):
                row = names.adjectives.get(words[i + 1].key)
                code = row[0] if row is not None else None
            if code is None or code not in by_code:
                continue
            found.setdefault(key, (key, *by_code[code]))
            break
    return list(found.values())


# The world's capitals as Arabic news spells them, by the state's CLDR code. A capital that
# names its state too (الكويت، الجزائر، تونس) is read as the state already; Amman (عمان) is
# Oman's name as well and left out (so is «عمّان», the same once normalized); the store's own metonyms (Moscow, Washington, Doha,
# Ankara) are its records'.
CAPITALS = {
    "AE": ("أبوظبي", "أبو ظبي"),
    "AF": ("كابول",),
    "AM": ("يريفان",),
    "AO": ("لواندا",),
    "AR": ("بوينس آيرس",),
    "AT": ("فيينا",),
    "AU": ("كانبيرا",),
    "AZ": ("باكو",),
    "BD": ("دكا",),
    "BE": ("بروكسل",),
    "BG": ("صوفيا",),
    "BH": ("المنامة",),
    "BR": ("برازيليا",),
    "BY": ("مينسك",),
    "CA": ("أوتاوا",),
    "CH": ("برن",),
    "CL": ("سانتياغو",),
    "CN": ("بكين",),
    "CO": ("بوغوتا",),
    "CU": ("هافانا",),
    "CZ": ("براغ",),
    "DE": ("برلين",),
    "DK": ("كوبنهاغن",),
    "EG": ("القاهرة",),
    "ES": ("مدريد",),
    "ET": ("أديس أبابا",),
    "FI": ("هلسنكي",),
    "FR": ("باريس",),
    "GB": ("لندن",),
    "GE": ("تبليسي",),
    "GR": ("أثينا",),
    "HU": ("بودابست",),
    "ID": ("جاكرتا",),
    "IE": ("دبلن",),
    "IL": ("تل أبيب",),
    "IN": ("نيودلهي",),
    "IQ": ("بغداد",),
    "IR": ("طهران",),
    "IT": ("روما",),
    "JP": ("طوكيو",),
    "KE": ("نيروبي",),
    "KP": ("بيونغيانغ", "بيونغ يانغ"),
    "KR": ("سول", "سيول", "سيئول"),
    "KZ": ("أستانا",),
    "LB": ("بيروت",),
    "LY": ("طرابلس",),
    "MA": ("الرباط",),
    "MR": ("نواكشوط",),
    "MY": ("كوالالمبور", "كوالا لمبور"),
    "NG": ("أبوجا",),
    "NL": ("أمستردام", "لاهاي"),
    "NO": ("أوسلو",),
    "NZ": ("ولينغتون",),
    "OM": ("مسقط",),
    "PH": ("مانيلا",),
    "PK": ("إسلام آباد", "إسلام أباد"),
    "PL": ("وارسو",),
    "PT": ("لشبونة",),
    "RO": ("بوخارست",),
    "RS": ("بلغراد",),
    "SA": ("الرياض",),
    "SD": ("الخرطوم",),
    "SE": ("ستوكهولم",),
    "SY": ("دمشق",),
    "TH": ("بانكوك",),
    "TW": ("تايبيه", "تايبي"),
    "UA": ("كييف", "كييف"),
    "UZ": ("طشقند",),
    "VE": ("كاراكاس",),
    "VN": ("هانوي",),
    "YE": ("صنعاء",),
    "ZA": ("بريتوريا",),
}
_CAPITALS = {normalize(c): code for code, spellings in CAPITALS.items() for c in spellings}
# A capital is a place, not its state, after these: a preposition of place («في بكين», «إلى
# وارسو», «من الرياض»), a visit's or an arrival's word («زيارة هانوي», «وصل الخرطوم»), a
# noun it names a city in («العاصمة باكو», «مطار بغداد», «ولي عهد أبو ظبي»: the emirate).
_PLACE_BEFORE = {
    normalize(w)
    for w in (
        "في",
        "إلى",
        "الى",
        "من",
        "عبر",
        "نحو",
        "داخل",
        "خارج",
        "قرب",
        "حول",
        "زيارة",
        "زيارته",
        "زيارتها",
        "وصل",
        "وصلت",
        "يصل",
        "تصل",
        "زار",
        "زارت",
        "يزور",
        "تزور",
        "العاصمة",
        "عاصمة",
        "مدينة",
        "مطار",
        "جامعة",
        "إمارة",
        "عهد",
        "حاكم",
        "محافظ",
        "محافظة",
        "بلدية",
        "شوارع",
        "سكان",
    )
}
_LONGEST_CAPITAL = max(len(c.split()) for c in _CAPITALS)


def capital_agents(text: str) -> list[tuple[int, int, str]]:
    """(start, end, CLDR code) of each capital the text names as its state's agent or party
    («وقعت وارسو», «أعلنت بكين», «سول وافقت», «موسكو والقاهرة»): a capital of `CAPITALS`,
    bare or after «و», never a place («في بكين», «إلى وارسو», «بالرياض», «لهانوي», «زيارة
    هانوي», «العاصمة باكو»), nor a dateline (a line's first word before «-», «_», «(» or «:»)."""
    words = _words(text, 0, len(text))
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        found = None
        for n in range(min(_LONGEST_CAPITAL, len(words) - i), 0, -1):
            key = " ".join(w.key for w in words[i : i + n])
            for cut, bare in ((0, key), (1, key[1:] if key.startswith("و") else "")):
                if bare in _CAPITALS:
                    found = (n, _CAPITALS[bare], cut)
                    break
            if found:
                break
        if found is None:
            i += 1
            continue
        n, code, cut = found
        start, end = words[i].start + cut, words[i + n - 1].end
        before = normalize(words[i - 1].key) if i > 0 else ""
        line_start = text.rfind("\n", 0, start) + 1
        after = text[end : text.find("\n", end) if "\n" in text[end:] else len(text)].strip()
        dateline = not text[line_start:start].strip() and (
            not after or after[0] in "-–—_(:/|" or text[end - 1] == "_"
        )
        if before not in _PLACE_BEFORE and not dateline:
            out.append((start, end, code))
        i += n
    return out
