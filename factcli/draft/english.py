"""An English name proposed for a new entity named in Arabic: the store's own spellings
first, word by word, then a romanization of the rest.

`Spellings.of(entities)` learns, from every person whose Arabic name and English name
have as many words, how the store already writes each Arabic word in English
(فلاديمير -> Vladimir, بوتين -> Putin); `english_name(arabic, spellings)` writes a name
with those words as the store spells them and romanizes the others: consonants by the
common news transcription (ش sh, خ kh, غ gh, ج j, ث th, ذ dh), و and ي as the vowels u
and i between letters and w and y at a word's start, the article as al-, and an a
between two consonants where Arabic writes no vowel. A romanization is a proposal for the
reviewer to correct, which the review shows beside the Arabic; it is never taken for the
entity's English name unreviewed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..normalize import normalize

_CONSONANTS = {
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ء": "",
    "ئ": "",
    "ؤ": "",
    "پ": "p",
    "چ": "ch",
    "ڤ": "v",
    "گ": "g",
}
_ALEFS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a"}


@dataclass
class Spellings:
    """How the store writes Arabic words in English, one word at a time."""

    words: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: list[dict[str, Any]]) -> Spellings:
        words: dict[str, str] = {}
        for e in entities:
            english = e.get("name")
            arabic = e.get("name_ar")
            if e.get("type") != "person" or not (
                isinstance(english, str) and english.isascii() and isinstance(arabic, str)
            ):
                continue  # a person's names align word for word; an institution's need not
            ar, en = normalize(arabic).split(), english.split()
            if len(ar) == len(en):
                for a, b in zip(ar, en, strict=True):
                    words.setdefault(a, b)
        return cls(words)


def _romanize(word: str) -> str:
    article = ""
    if word.startswith("ال") and len(word) > 3:
        article, word = "al-", word[2:]
    out: list[str] = []
    last_vowel = True  # a word's start counts as after a vowel: no a is inserted before it
    for i, ch in enumerate(word):
        final = i == len(word) - 1
        if ch == "ع" and i == 0:
            out.append("a")  # a name opening with ع opens with its vowel: علي Ali, عمار Ammar
            last_vowel = True
        elif ch in _ALEFS:
            out.append(_ALEFS[ch])
            last_vowel = True
        elif ch in ("و", "ي"):
            if i == 0 or last_vowel:
                out.append("w" if ch == "و" else "y")
                last_vowel = False
            else:
                out.append(("o" if final else "u") if ch == "و" else "i")
                last_vowel = True
        elif ch in _CONSONANTS:
            sound = _CONSONANTS[ch]
            if not sound:
                continue
            if not last_vowel:
                out.append("a")
            out.append(sound)
            last_vowel = False
        elif ch.isascii():
            out.append(ch)
            last_vowel = not ch.isalpha()
    text = "".join(out)
    return article + text[:1].upper() + text[1:] if text else article


def loanword_english(arabic: str) -> str:
    """A foreign name written in Arabic letters (a weapon's or a maker's: «هيمارس»,
    «رافال»): its letters as they sound, with no vowel put in where none is written, since
    a loanword writes its vowels ("Himars", "Rafal"); the reviewer corrects the rest."""
    words = []
    for raw in normalize(arabic).split():
        out = []
        for i, ch in enumerate(raw):
            if ch in _ALEFS:
                out.append(_ALEFS[ch])
            elif ch == "و":
                out.append("v" if i == 0 else "o" if i == len(raw) - 1 else "u")
            elif ch == "ي":
                out.append("y" if i == 0 else "i")
            elif ch in _CONSONANTS:
                out.append(_CONSONANTS[ch])
            elif ch.isascii():
                out.append(ch)
        word = "".join(out)
        words.append(word[:1].upper() + word[1:])
    return " ".join(w for w in words if w)


def english_name(arabic: str, spellings: Spellings | None = None) -> str:
    """An English name for an Arabic one: the store's spelling of each word it knows, a
    romanization of the others; only ASCII letters come out."""
    known = spellings.words if spellings else {}
    words = []
    for raw in arabic.split():
        key = normalize(raw)
        if raw.isascii():
            words.append(raw)
        elif key in known:
            words.append(known[key])
        else:
            words.append(_romanize(raw))
    return " ".join(w for w in words if w).strip()


# A model designation's letters are spelled out in Arabic by their English names ("إس-400"
# is S-400, "إيه جي إم-154" AGM-154); the common prefixes of aircraft makers are words.
_LETTER_NAMES = {
    "ايه": "A",
    "اي": "A",
    "بي": "B",
    "سي": "C",
    "دي": "D",
    "اف": "F",
    "جي": "G",
    "اتش": "H",
    "كيه": "K",
    "كي": "K",
    "ال": "L",
    "ام": "M",
    "ان": "N",
    "او": "O",
    "ار": "R",
    "كيو": "Q",
    "اس": "S",
    "تي": "T",
    "ت": "T",
    "يو": "U",
    "في": "V",
    "اكس": "X",
    "واي": "Y",
    "زد": "Z",
    "سو": "Su",
    "ميغ": "MiG",
    "ميج": "MiG",
    "مي": "Mi",
    "كا": "Ka",
    "تو": "Tu",
    "ياك": "Yak",
}


def is_letter_name(word: str) -> bool:
    """Whether an Arabic word is a letter's name or a maker's prefix of a designation."""
    return normalize(word) in _LETTER_NAMES


def designation_name(letters: list[str], number: str) -> str:
    """The English of a model designation from its Arabic letter names and its number."""
    spelled = [_LETTER_NAMES.get(normalize(w)) for w in letters]
    if all(spelled):
        head = "".join(x for x in spelled if x)
    else:
        head = "".join(w if w.isascii() else _romanize(normalize(w)) for w in letters)
    return f"{head}-{number}"


# An office's head words and the words that qualify them, in English; what the table does
# not hold is romanized. The state or organization the office belongs to closes the name.
_OFFICE_WORDS = {
    "رئيس": "President",
    "الرئيس": "President",
    "رئيسه": "President",
    "وزير": "Minister",
    "الوزير": "Minister",
    "وزيره": "Minister",
    "نائب": "Deputy",
    "مساعد": "Aide to the",
    "مستشار": "Adviser to the",
    "المستشار": "Adviser",
    "سفير": "Ambassador",
    "السفير": "Ambassador",
    "امير": "Emir",
    "ملك": "King",
    "الملك": "King",
    "مدير": "Director",
    "المدير": "Director",
    "قائد": "Commander",
    "القائد": "Commander",
    "المتحدث": "Spokesperson",
    "الناطق": "Spokesperson",
    "امين": "Secretary",
    "الامين": "Secretary",
    "ولي": "Crown",
    "العهد": "Prince",
    "العام": "General",
    "الدفاع": "of Defence",
    "الخارجيه": "of Foreign Affairs",
    "الداخليه": "of the Interior",
    "الماليه": "of Finance",
    "الاركان": "of the General Staff",
    "الجمهوريه": "of the Republic",
    "الحكومه": "of the Government",
}
# "رئيس الوزراء" is one office: Prime Minister.
_OFFICE_WORDS = {normalize(k): v for k, v in _OFFICE_WORDS.items()}
_OFFICE_PHRASES = {
    (normalize(a), normalize(b)): v
    for (a, b), v in {("رئيس", "الوزراء"): "Prime Minister", ("وزير", "الدولة"): "Minister of State"}.items()
}


def office_english(keys: list[str], body: str | None) -> str:
    """An English name for an office from its normalized words: the head words and their
    qualifiers translated where the table knows them, the words that only name the state
    or organization left out when `body` (its English name) is given, which closes the
    name ("Minister of Defence of Iran")."""
    out: list[str] = []
    k = 0
    while k < len(keys):
        pair = tuple(keys[k : k + 2])
        if pair in _OFFICE_PHRASES:
            out.append(_OFFICE_PHRASES[pair])  # type: ignore[index]
            k += 2
            continue
        word = keys[k]
        if word in _OFFICE_WORDS:
            out.append(_OFFICE_WORDS[word])
        elif not (body and word.startswith("ال")):  # a nationality, said by the body
            out.append(_romanize(word))
        k += 1
    name = " ".join(w for w in out if w)
    return f"{name} of {body}" if body else name


# The words of weapons named by their kind, in English; an Arabic noun comes before the
# words that qualify it, an English one after them, so the English is written in reverse.
_WEAPON_WORDS = {
    "دبابه": "tank",
    "دبابات": "tanks",
    "مقاتله": "fighter",
    "مقاتلات": "fighters",
    "طائره": "aircraft",
    "طائرات": "aircraft",
    "صاروخ": "missile",
    "صواريخ": "missiles",
    "صاروخيه": "missile",
    "منظومه": "system",
    "منظومات": "systems",
    "راجمه": "rocket launcher",
    "راجمات": "rocket launchers",
    "مدفع": "gun",
    "مدافع": "guns",
    "هاون": "mortar",
    "مدفعيه": "artillery",
    "اسلحه": "weapons",
    "سلاح": "weapons",
    "ذخيره": "ammunition",
    "ذخائر": "ammunition",
    "مروحيه": "helicopter",
    "مروحيات": "helicopters",
    "عتاد": "equipment",
    "معدات": "equipment",
    "انظمه": "systems",
    "نظم": "systems",
    "قذائف": "shells",
    "بنادق": "rifles",
    "مدرعات": "armoured vehicles",
    "غواصه": "submarine",
    "غواصات": "submarines",
    "فرقاطه": "frigate",
    "فرقاطات": "frigates",
    "زوارق": "boats",
    "سفن": "ships",
    "مسيرات": "drones",
    "مسيره": "drone",
    "عربات": "vehicles",
    "دفاع": "defence",
    "جوي": "air",
    "الجوي": "air",
    "عسكري": "military",
    "عسكريه": "military",
    "تجهيزات": "equipment",
    "منصات": "launchers",
    "اطلاق": "",
    "متوسطه": "medium-range",
    "مؤن": "supplies",
    "العسكريه": "military",
    "العسكري": "military",
    "المضاده": "anti-",
    "مضاده": "anti-",
    "للدبابات": "tank",
    "للطائرات": "aircraft",
    "للدروع": "armour",
    "قريبه": "short-range",
    "المدي": "",
    "بعيده": "long-range",
    "تدريب": "training",
    "ناريه": "fire",
}
_WEAPON_WORDS = {normalize(k): v for k, v in _WEAPON_WORDS.items()}


# English adjectives of states that no rule below derives from the state's English name.
_DEMONYMS = {
    "United States": "American",
    "China": "Chinese",
    "France": "French",
    "Germany": "German",
    "Turkey": "Turkish",
    "Türkiye": "Turkish",
    "United Kingdom": "British",
    "Netherlands": "Dutch",
    "Spain": "Spanish",
    "Sweden": "Swedish",
    "Switzerland": "Swiss",
    "Poland": "Polish",
    "Greece": "Greek",
    "Japan": "Japanese",
    "Lebanon": "Lebanese",
    "Sudan": "Sudanese",
    "Afghanistan": "Afghan",
    "Philippines": "Philippine",
    "Thailand": "Thai",
    "Saudi Arabia": "Saudi",
    "United Arab Emirates": "Emirati",
}


def demonym(state: str) -> str:
    """A state's English adjective from its English name: "Russia" -> "Russian", "Iran" ->
    "Iranian", "Israel" -> "Israeli", "Morocco" -> "Moroccan"; the table for the rest."""
    if state in _DEMONYMS:
        return _DEMONYMS[state]
    if state.endswith("a"):
        return state + "n"  # Russian, Algerian, Korean, Cuban
    if state.endswith("y"):
        return state[:-1] + "ian"  # Italian
    if state.endswith("o"):
        return state[:-1] + "an"  # Moroccan, Mexican
    if state.endswith("e"):
        return state[:-1] + "ian"  # Ukrainian
    if state.endswith(("el", "aq", "ar", "it", "in", "an", "en")) and state not in ("Iran",):
        return state + "i"  # Israeli, Iraqi, Qatari, Kuwaiti, Bahraini, Pakistani, Yemeni
    return state + "ian"  # Iranian, Egyptian, Brazilian


def weapon_english(arabic: str, state_adjective: Callable[[str], str | None] | None = None) -> str:
    """An English name for a weapon named by its kind: its words translated where the
    table knows them, a state's adjective as the state's English adjective when
    `state_adjective` (normalized word -> the state's English name) knows it ("الأسلحة
    الروسية": Russian weapons), in English order; the rest romanized for the reviewer."""
    out: list[str] = []
    for raw in arabic.split():
        key = normalize(raw)
        bare = key[2:] if key.startswith(("ال", "لل")) and key not in _WEAPON_WORDS else key
        word = _WEAPON_WORDS.get(key, _WEAPON_WORDS.get(bare))
        if word is None and state_adjective is not None and (state := state_adjective(key)):
            word = demonym(state)
        word = word if word is not None else _romanize(key)
        if out and out[-1] == "anti-":
            out[-1] += word  # "المضادة للدبابات": anti-tank
        elif word:
            out.append(word)
    return " ".join(reversed(out))


# An institution's words in English; the adjectives go before the noun they follow in
# Arabic ("القوات الجوية" is Air Forces).
_INSTITUTION_WORDS = {
    "وزاره": "Ministry",
    "الدفاع": "of Defence",
    "الخارجيه": "of Foreign Affairs",
    "الداخليه": "of the Interior",
    "الحكومه": "Government",
    "الاداره": "Administration",
    "الكونغرس": "Congress",
    "البرلمان": "Parliament",
    "الجيش": "Army",
    "القوات": "Forces",
    "المسلحه": "Armed",
    "الجويه": "Air",
    "البحريه": "Naval",
    "البريه": "Land",
    "سلاح": "",
    "الجو": "Air Force",
    "وكاله": "Agency",
    "الانباء": "News",
    "هيئه": "Authority",
    "مجلس": "Council",
    "الامن": "Security",
    "الوطني": "National",
    "مؤسسه": "Corporation",
    "الاتحاد": "Union",
    "الحلف": "Alliance",
    "الاوروبي": "European",
    "الافريقي": "African",
    "العربي": "Arab",
}
_INSTITUTION_WORDS = {normalize(k): v for k, v in _INSTITUTION_WORDS.items()}
_ADJECTIVES = {
    normalize(w)
    for w in ("المسلحة", "الجوية", "البحرية", "البرية", "الوطني", "الأنباء", "الأوروبي", "الأفريقي", "العربي")
}


def institution_english(keys: list[str], body: str | None) -> str | None:
    """An English name for an institution from its normalized words when the table knows
    every word but the state's adjective (`body` names the state): "Ministry of Defence of
    Russia", "Air Forces of United Arab Emirates"; None when it does not."""
    out: list[str] = []
    for key in keys:
        if key in _INSTITUTION_WORDS:
            word = _INSTITUTION_WORDS[key]
            if word and key in _ADJECTIVES and out:
                out.insert(len(out) - 1, word)
            elif word:
                out.append(word)
        elif not (body and key.startswith("ال")):
            return None
    if not out:
        return None
    return " ".join(out) + (f" of {body}" if body else "")
