"""Titles: a person's office from the title written before or after the name.

A title phrase is an office's head word (وزير، رئيس، نائب، مساعد ...), the words that
qualify it (definite nouns and adjectives, a linked state or organization, `في`/`لدى` with
what follows: «نائب وزير الدفاع السعودي», «رئيس مجمع نوفا»), then ranks and honorifics
(«اللواء», «الأمير», «الفريق أول», «معالي», «وكالة» for an acting minister) and the name;
or the name, a comma and the title («فلاديمير كوجين، مساعد الرئيس الروسي»). Each gives:

* the person: linked, or a new person proposed from the name's words;
* the office: the store's when it has one of that name, else a new `office` proposed from
  the title's words, with an English name from its head words;
* a `holds_position` claim (the person, the office) quoting the name with the title, and
  an `office_in` claim (the office, the state or organization the title names) quoting
  the title, once per office in an article.

An office met with its holder is the holder's from then on: a title alone later in the
article («وكتب نائب وزير الدفاع السعودي») names that person (`holder`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from ..analyze import (
    ARTICLE,
    CONJUNCTION_RE,
    CONJUNCTIONS,
    PREPOSITIONS,
    PROCLITICS,
    clitic_cuts,
    name_forms,
    strip_clitic,
)
from ..datespan import DateSpan
from ..normalize import normalize
from .base import _after_conjunction, _Base
from .cues import (
    _FUNCTION_WORDS,
    _HEAD_FORMS,
    _HONORIFICS,
    _INSTITUTIONS,
    _OFFICE_HEADS,
    _WEAPON_HEADS,
    COMPANY_NOUNS,
    FUTURE_NOUNS,
    FUTURE_PREFIX,
    INSTITUTION_NOUNS,
    Pattern,
)
from .deals import _deal_noun
from .english import _OFFICE_PHRASES, institution_word, office_english
from .names import _NOT_IN_NAMES, Mention, _after_clitic, find_mentions
from .proposals import (
    _ARTICLE_AT_START,
    _GIVEN,
    _KIN,
    _KIN_OR_SERVANT,
    _WHEN_ADJECTIVES,
    _WITH_PRONOUN,
    _definite,
    _proclitic_cut,
    _Proposals,
    _state_kind,
    derived_verbal_noun,
)
from .spans import Clause, Word

_QUOTE_GAP = re.compile(r"\s*[“”«»\"]\s*")
_OPENING_GAP = re.compile(r"\s*\(\s*")
_CLOSING_GAP = re.compile(r"\s*\)\s*")
_PUNCT = re.compile(r"[،,.:؛;«»\"“”()\[\]\n]")
# In an office's words, these join what follows to it ("في شؤون التعاون", "لدى قطر").
_OFFICE_LINKS = {"في", "لدي", "لشوون", "لشؤون"}
_NAME_MAX = 4


@dataclass
class TitlePhrase:
    head: int  # word index of the office's first word
    end: int  # word index after the office's last word
    name_first: int  # the name's words
    name_last: int
    person: str | None  # the person linked at the name, if any
    office: str | None = None  # filled once the office is linked or proposed


# Office heads that are given names too («أمير», «أمين», «سلطان»).
_GIVEN_HEADS = {normalize(w) for w in ("أمير", "أمين", "سلطان")}
# A sultan's title, which no office's head list holds.
_SULTANS = {normalize(w) for w in ("السلطان", "سلطان")}
# A ruler's titles: the name after them may be a given name alone («الملك سلمان»).
_RULERS = {normalize(w) for w in ("الملك", "الأمير", "الملكة", "السلطان")}
# A president's title: the name after it may be his family name alone («للرئيس ماكرون إلى»).
_PRESIDENTS = {normalize(w) for w in ("الرئيس", "الرئيسة", "للرئيس", "للرئيسة")}
# Two holders of one office, the dual title before both names («الرئيسان فلان وفلان»).
_DUAL_HEADS = {normalize(w) for w in ("الرئيسان", "الرئيسين", "الوزيران", "الوزيرين")}


def _given_name(key: str) -> bool:
    """Whether one word after a ruler's title may be his given name: no verb's prefix or
    ending («الملك يلتقي», «الأمير قالت»), no digits, four letters or more."""
    return (
        len(key) >= 4
        and not re.match(r"^[يتن]", key)
        and not re.search(r"(?:ت|وا)$", key)
        and not re.search(r"[0-9\u0660-\u0669]", key)
    )


# Two holders of one office by its head's dual in construct («وزيري الدفاع», «وزيرا الخارجية»).
_DUAL_CONSTRUCT = {normalize(w) for w in ("وزيرا", "وزيري", "رئيسا", "رئيسي")}
# The plurals of an office's heads («وقادة القوات», «ورؤساء الدوائر»): holders told as a
# group, never a person's name; a conjunction or the article may be on them.
_HEAD_PLURALS = {
    normalize(w) for w in ("قادة", "رؤساء", "وزراء", "مدراء", "مديري", "مديرو", "سفراء", "نواب", "أعضاء")
}


# Words after a title's state that qualify the office, not given names: of when, an ordinal
# («النائب الأول»), a participle's «الم» («المنتخب», «المكلف»).
_NOT_GIVEN = _WHEN_ADJECTIVES | {normalize(w) for w in ("الأسبق", "الأول", "الثاني", "الحالي", "الأعلى")}
_PARTICIPLE = normalize("الم")


def _head_plural(key: str) -> bool:
    return any(strip_clitic(key, cut).removeprefix(ARTICLE) in _HEAD_PLURALS for cut in clitic_cuts(key))


def _verbal_noun_after_preposition(key: str) -> bool:
    """A preposition on a verbal noun of the derived forms (`derived_verbal_noun`), what a
    sentence goes on with after a name set off by a comma («، بتدشين أسطول», «، لإطلاق»);
    no word of a name."""
    for cut in clitic_cuts(key):
        stem = strip_clitic(key, cut)
        # (none cut, or a conjunction alone: no preposition)
        if any(c in PREPOSITIONS for c in key[: len(key) - len(stem)]) and derived_verbal_noun(stem):
            return True
    return False


# A party's or a movement's leader («بزعيم الحزب ... فلان»): an office's head too.
_LEADERS = [Pattern.of(w) for w in ("زعيم", "الزعيم", "زعيمة", "الزعيمة")]
_LEADER_FORMS = {normalize(p.text) for p in _LEADERS}


def _head(key: str) -> bool:
    return (
        any(p.opens(key) for p in (*_OFFICE_HEADS, *_LEADERS))
        or _counterpart(key)
        or any(strip_clitic(key, cut) in _WOMEN_HEADS for cut in clitic_cuts(key))
    )


# Heads of an office told by two words, the first no head alone («القائم بالأعمال»: the
# chargé d'affaires; «التعاون القائم»: the cooperation that stands).
_TWO_WORD_HEADS = {phrase for phrase, english in _OFFICE_PHRASES.items() if english == "Chargé d'Affaires"}


def _two_word_head(keys: list[str], i: int) -> bool:
    """Whether words `i` and `i + 1` are an office's two-word head, a proclitic on the first."""
    return i + 1 < len(keys) and any(
        (strip_clitic(keys[i], cut), keys[i + 1]) in _TWO_WORD_HEADS for cut in clitic_cuts(keys[i])
    )


_BISM = {normalize("باسم")}  # «المتحدث باسم ...»: in the name of


def _at_body_noun(key: str) -> bool:
    """A body's noun with ل or ب on it («لمجموعة», «بشركة»)."""
    cut = _proclitic_cut(key, PREPOSITIONS)
    return cut is not None and strip_clitic(key, cut) in _BODY_NOUNS


def _conjoined_in(key: str, table: Container[str]) -> bool:
    """Whether `key`, or `key` without the conjunction on it («والرئيس»), is in `table`."""
    cut = _proclitic_cut(key, CONJUNCTIONS)
    return key in table or (cut is not None and strip_clitic(key, cut) in table)


_AND = CONJUNCTIONS[:1]  # «و» (not «ف», which opens given names: «فوميو»)


def _listed(text: str, word: Word) -> int:
    """The letters of «و» on a name's first word that joins it to a list of people
    («وخالد»), as written; 0 when there is none («وليد» is a given name whole)."""
    cut = _proclitic_cut(word.key, _AND)
    if cut is None or word.key in _GIVEN:
        return 0
    return len(text[word.start : word.end]) - len(_after_clitic(text, word.start, word.end, cut))


# The titles of a paper's masthead, in English.
_MASTHEAD_TITLES = {
    normalize(k): v
    for k, v in {
        "رئيس مجلس الإدارة": "chairman of the board",
        "رئيس التحرير": "editor-in-chief",
        "رئيس التحرير التنفيذي": "executive editor-in-chief",
        "نائب رئيس التحرير": "deputy editor-in-chief",
        "مدير التحرير": "managing editor",
        "المدير العام": "director general",
    }.items()
}
_TOP_LINES = 12  # (the page's top, as the byline's)
# Each letter `normalize` gives, as a class of the letters the page may write for it.
_WRITTEN = {
    n: "[" + "".join(sorted(c for c in map(chr, range(0x621, 0x64B)) if normalize(c) == n)) + "]"
    for n in {normalize(chr(x)) for x in range(0x621, 0x64B)}
    if len(n) == 1
}
# The same titles as a line of the page writes them, the longest first (each one's holder
# after it on one line).
_MASTHEAD_RUN = re.compile(
    "|".join(
        "".join(_WRITTEN.get(c, re.escape(c)) for c in title)
        for title in sorted(_MASTHEAD_TITLES, key=len, reverse=True)
    )
)
# The nouns of a company or a body, which no name opens with: «لمجموعة», «بشركة».
_BODY_NOUNS = {k for w in (*COMPANY_NOUNS, *INSTITUTION_NOUNS) for k in (normalize(w), normalize(w) + "ه")}
# A woman's office, its head with the article («المديرة», «الناطقة»): no pronoun reads so.
_WOMEN_HEADS = {k + "ه" for k in _HEAD_FORMS if k.startswith(ARTICLE) and not k.endswith("ه")}
# The verbs of saying a speaker's name follows, a title after it with no comma («وقال
# فلان نائب قائد القوات الجوية إن ...»), and «أن» after which what was said opens with one.
_SAYING = re.compile(rf"^(?:{CONJUNCTION_RE}(?:قال|اضاف|اكد|اوضح|صرح|اعلن|ذكر|كشف|اشار|تابع)(?:ت)?|ان)$")


# "نظيره الروسي", "نظيرته الفرنسية": the counterpart holds the office last named, of the state
# its adjective says.
_COUNTERPARTS = {
    "نظيره",
    "نظيرها",
    "نظيرهم",
    "نظيرهما",
    "نظير",
    "نظيريه",
    "نظيرته",
    "نظيرتها",
    "نظيرتهم",
    "نظيرتهما",
}


def _counterpart(key: str) -> bool:
    return any(strip_clitic(key, cut) in _COUNTERPARTS for cut in clitic_cuts(key))


# A woman's honorifics, the feminine of those in `_HONORIFICS` («الشيخة», «السيدة»).
_WOMEN_HONORIFICS = {normalize(w) for w in ("الشيخة", "السيدة", "الدكتورة", "الأميرة")}
# A sheikh or sheikha is named by the given name alone («الشيخ تميم», «الشيخة حسينة»).
_SHEIKHS = {normalize(w) for w in ("الشيخ", "الشيخة")}


# A profession's honorific before a name, as Arab officials are styled («المهندس محمد ...
# وزير الإنتاج الحربي», «الأستاذة سعاد ...»): the name follows as after a rank.
_PROFESSIONS = {normalize(w) for w in ("المهندس", "المهندسة", "الأستاذ", "الأستاذة")}


_NAMED_HONORIFICS = _WOMEN_HONORIFICS | _PROFESSIONS


def _honorific(key: str) -> bool:
    return any(p.opens(key) for p in _HONORIFICS) or any(
        strip_clitic(key, cut) in _NAMED_HONORIFICS for cut in clitic_cuts(key)
    )


class _Titles(_Proposals):
    """Title phrases: the people and offices they name, and their `holds_position` and
    `office_in` candidates."""

    _holders: dict[str, str]  # office -> the person the article named holding it
    _offices_told: set[str]  # offices whose office_in claim the article has

    def _start_titles(self) -> None:
        self._holders = {}
        self._offices_told = set()
        self._masthead_lines: list[tuple[int, int]] = []
        self._last_office: str | None = None  # the office named last, for a counterpart

    def masthead_staff(self) -> None:
        """The masthead's staff at the page's top: a line that is a title alone, its
        offices joined by «و» («رئيس مجلس الإدارة ورئيس التحرير»), and on the next line a
        name alone («عبد الرحيم علي», «د.أيمن محسب»): the person, each office (of the
        article's outlet), a `holds_position` and an `office_in` claim quoting the two lines."""
        lines = list(re.finditer(r"[^\n]+", self.text))[:_TOP_LINES]
        for title, under in zip(lines, lines[1:], strict=False):
            if self.text[title.end() : under.start()].count("\n") != 1:
                continue  # the name on the very next line
            words = title.group().split()
            keys = [normalize(w) for w in words]
            if not (1 <= len(keys) <= 6 and re.fullmatch(r"[\u0621-\u064a ]+", title.group().strip())):
                continue
            heads = [_head(k) or (k[:1] == "و" and _head(k[1:])) for k in keys]
            if not heads[0] or not all(
                h or _definite(k) or k == "مجلس" for k, h in zip(keys, heads, strict=True)
            ):
                continue
            name = re.sub(r"^د\s*\.\s*", "", under.group().strip())  # «د.» (Dr), no word of the name
            if not self._name_line(name):
                continue
            offices = [[words[0]]]
            for w, k, h in zip(words[1:], keys[1:], heads[1:], strict=True):
                if h and k[:1] == "و" and _head(k[1:]):
                    offices.append([w[1:]])  # «ورئيس التحرير»: a second office
                else:
                    offices[-1].append(w)
            self._masthead_holder(
                name, offices, title.start(), under.end(), "a name under a title on the masthead"
            )
        self._masthead_runs(lines)

    def _masthead_runs(self, lines: list[re.Match[str]]) -> None:
        """A masthead line of titles, each with its holder after it («رئيس مجلس الإدارة د.
        فلان الفلاني رئيس التحرير فلان»), the next title maybe run into the name before it
        with no space («... هارونرئيس التحرير»): each name between its title and the next,
        and its office; no claim (a line run together is page furniture copied whole, which
        readers list the names of and do not read for claims)."""
        for line in lines:
            found = list(_MASTHEAD_RUN.finditer(line.group()))
            if not found or line.group()[: found[0].start()].strip():
                continue  # a line that opens with a title
            for m, nxt in zip(found, [*found[1:], None], strict=True):
                stop = nxt.start() if nxt is not None else len(line.group())
                name = re.sub(r"^د\s*\.\s*", "", line.group()[m.end() : stop].strip())
                if not name or not self._name_line(name):
                    continue
                s = line.start() + m.start()
                self._masthead_lines.append((line.start(), line.end()))  # read: no title phrase
                self._masthead_holder(
                    name,
                    [m.group().split()],
                    s,
                    line.start() + stop,
                    "a name after a title on the masthead",
                    claims=False,
                )

    def _masthead_holder(
        self, name: str, offices: list[list[str]], s: int, e: int, cue: str, claims: bool = True
    ) -> None:
        """The masthead's person, each office of the outlet, and (`claims`) the claims
        quoting [s, e)."""
        self._new_entity(name, "person", cue)
        person = self._new_names.get(normalize(name))
        outlet = self.outlet_id
        body = str(self.linker.entities.get(outlet, {}).get("name") or "") if outlet else ""
        for office_words in offices:
            office_name = " ".join(office_words)
            english = _MASTHEAD_TITLES.get(normalize(office_name)) or office_english(
                [normalize(w) for w in office_words], None
            )
            self._new_entity(
                office_name,
                "office",
                "a title on the masthead",
                english=f"{english} of {body}" if body else english,
            )
            office = self._new_names.get(normalize(office_name))
            if person is None or office is None or not claims:
                continue
            if self._holders.get(office) == person:
                continue  # a masthead printed twice: said already
            self._holders[office] = person
            cues = ["predicate:a title over a name on the masthead"]
            told = [(person, "holds_position", office)]
            if outlet is not None and office not in self._offices_told:
                self._offices_told.add(office)
                told.append((office, "office_in", outlet))
            for subject, predicate, obj in told:
                self.claims.append(
                    self._claim(
                        subject, predicate, obj, None, None, "affirmed", "fact", None, None, s, e, cues, 0.7
                    )
                )

    # -- finding the phrases --------------------------------------------------------------

    def _title_phrases(self, clause: Clause, mentions: list[Mention]) -> list[TitlePhrase]:
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        n = len(keys)
        at = {m.first: m for m in mentions if not m.weak}
        cover = {k: m for m in mentions for k in range(m.first, m.last)}

        def gap(j: int) -> str:
            return text[words[j - 1].end : words[j].start] if j else ""

        def person_at(j: int) -> Mention | None:
            m = at.get(j)
            if m and any(self.linker.type_of(e) == "person" for e in m.ids):
                return m
            return None

        out: list[TitlePhrase] = []
        i = 0
        while i < n:
            # «السلطان هيثم بن طارق», «سلطان عمان الراحل قابوس بن سعيد»: a sultan's title is an
            # office's head; not in a body's name («قوات السلطان المسلحة»)
            sultan = _conjoined_in(keys[i], _SULTANS) and not (
                i > 0 and any(p.opens(keys[i - 1]) for p in _INSTITUTIONS)
            )
            if (
                not (_head(keys[i]) or sultan or _two_word_head(keys, i))
                or any(a <= words[i].start < b for a, b in self._masthead_lines)
                or person_at(i)
                or (i in cover and not _office_mention(self, cover[i]))
            ):
                i += 1
                continue
            j = i + 1
            # (a quoted name inside the office's phrase is its genitive: «مدير برنامج “لوكهيد”
            # لنظام الدفاع الصاروخي مات جويس»)
            state_end = -1  # the word after a state the title named
            given_next = False  # a given name with the article after the title's state
            while (
                j < n
                and j - i < 10
                and (
                    not _PUNCT.search(gap(j))
                    or _QUOTE_GAP.fullmatch(gap(j))
                    # «الرئيس (الأمريكي دونالد) ترامب»: words a writer put in brackets into the title
                    or (j == i + 1 and _OPENING_GAP.fullmatch(gap(j)) is not None)
                )
            ):
                k = keys[j]
                m = cover.get(j)
                if person_at(j) or _honorific(k):
                    break
                if j == state_end and _head(k):
                    # «وزير دفاع فرنسا الرئيس الجورجي»: after the office's state, a head
                    # opens another office (the verb's object's), no word of this one
                    break
                if m is not None and m.first == j and not m.weak:
                    kinds = {self.linker.type_of(e) for e in m.ids}
                    # («الأمين العام بوزارة الدفاع العمانية»: the body the office is at, after ب)
                    at_body = m.start == words[j].start + 1 and _proclitic_cut(k, PREPOSITIONS) is not None
                    if (
                        "country" in kinds
                        and m.start == words[j].start
                        and _definite(keys[j - 1])
                        and self._state_name_word(k)
                    ):
                        break  # «زار رئيس المجلس العسكري روسيا»: no genitive after a definite word
                    if kinds & {"country", "organization", "office"} and (
                        m.start == words[j].start or at_body
                    ):
                        j = m.last  # "أمير قطر", "رئيس مجمع نوفا", "مساعد الرئيس الروسي"
                        state_end = j if "country" in kinds else state_end
                        continue
                    break
                if _counterpart(keys[i]) and not _definite(k):
                    break  # «نظيرته فلورنس بارلي»: a counterpart's words are adjectives alone
                if _head(k) and not _definite(k) and j == i + 1 and not _counterpart(k):
                    j += 1  # a chain of heads: "نائب وزير" (not «الوزير نظيرته»)
                elif self._named_after_state(keys, words, j):
                    given_next = True  # «... الجزائري السعيد فلان»: the name opens with it
                    break
                elif (
                    _definite(k)
                    and k not in _FUNCTION_WORDS
                    # («نائب وزير الدفاع الروسي ألكسندر فومين»: a name opening with a hamza's
                    # alef and lam, no word with the article: the holder's name begins)
                    and re.match(r"^[أإآ]ل", text[words[j].start : words[j].end]) is None
                    and (
                        not (k[:1] in CONJUNCTIONS and k[1:].startswith(ARTICLE))
                        # "العسكري والفني": a second adjective; "والوفد": the next noun
                        or (_definite(keys[j - 1]) and k.endswith(("ي", "يه")))
                    )
                ):
                    j += 1
                elif k == "في" and j > i + 1 and (state := self._state_at(words, j + 1)) is not None:
                    # «وزير الدفاع في جمهورية كازاخستان»: the state of the office after «في»,
                    # by its name or its long name; its last word (a name follows)
                    j = state[1]
                    break
                elif k in _OFFICE_LINKS and j + 1 < n and not _PUNCT.search(gap(j + 1)):
                    j += 2
                elif (
                    _state_kind(k)
                    and (state := self._state_at(words, j, proclitics=PREPOSITIONS)) is not None
                ):
                    j = state[1]  # "وزير الدفاع بجمهورية سلوفاكيا": the state of the office,
                    # and the adjectives of its long name («لجمهورية بنغلاديش الشعبية»)
                    break  # its last word (a name follows)
                elif (
                    not _definite(keys[j - 1])
                    and not _definite(k)
                    and k not in _FUNCTION_WORDS
                    and j != state_end  # (a state's name takes no genitive: a name follows)
                ):
                    j += 1  # a noun in construct takes its genitive: "رئيس وفد شركة", "مجمع نوفا"
                    state_end = j if self._state_name_word(k) else state_end  # («وزير دفاع فرنسا»)
                elif (
                    # "لصناعة الأسلحة", "المتحدث باسم الوزارة"; not "رحب وزير الدفاع بتوقيع
                    # الصفقة", what he welcomed
                    (k[:1] == "ل" or _conjoined_in(k, _BISM))
                    and j + 1 < n
                    and _definite(keys[j + 1])
                    and not _PUNCT.search(gap(j + 1))
                ):
                    j += 2  # "لصناعة الأسلحة": a purpose or field of the office
                elif (
                    # «المتحدث باسم وزارة الدفاع الإندونيسية»: the body he speaks for
                    _conjoined_in(k, _BISM)
                    and (body := at.get(j + 1)) is not None
                    and {self.linker.type_of(e) for e in body.ids} & {"country", "organization"}
                    and body.start == words[j + 1].start
                    and not _PUNCT.search(gap(j + 1))
                ):
                    j = body.last
                else:
                    break
            end = j
            # Ranks, honorifics, "وكالة" (acting) between the office and the name.
            h = end
            while (
                h < n
                and not person_at(h)  # «الشيخ أحمد بن ناصر ...»: the honorific is in the name
                and (_honorific(keys[h]) or keys[h] in ("وكاله", "اول"))
                and h - end < 3
            ):
                if h > end and _PUNCT.search(gap(h)) and _after_conjunction(keys[h]) != keys[h]:
                    # «فلان، نائب الوزير وكالة، واللواء فلان»: after a mark, «و» on a rank
                    # opens the next person listed; the title is the one's before it
                    h = n
                    break
                h += 1
                if keys[h : h + 2] == _OF_STAFF:
                    h += 2  # «اللواء أركان حرب»: the rank's words
            if h < n and keys[h] in _NOT_IN_NAMES and "،" in gap(h):
                # "السفير الروسي لدى قطر، السبت، «نور محمد خولوف»": when, between commas.
                d = h
                while d < n and keys[d] in _NOT_IN_NAMES:
                    d += 1
                if d < n and "،" in gap(d):
                    h = d
            phrase = None
            if h < n and (person := person_at(h)) is not None:
                phrase = TitlePhrase(i, end, person.first, person.last, _person_id(self, person))
            elif h < n and (m := cover.get(h)) is None:
                # a ruler's title right before the name («الملك سلمان», «الأمير فيصل بن
                # الحسين»): the name opens whatever cue its letters spell, and a ruler is
                # named by his given name alone
                ruler = h == end == i + 1 and _conjoined_in(keys[i], _RULERS)
                # a president named by his family name alone: the clause's next word no
                # name's («للرئيس ماكرون إلى الرباط»)
                president = (
                    h == end == i + 1
                    and _conjoined_in(keys[i], _PRESIDENTS)
                    and (
                        h + 1 == n or _PUNCT.search(gap(h + 1)) is not None or keys[h + 1] in _FUNCTION_WORDS
                    )
                )
                # after «الشيخ»/«الشيخة» the given name alone («رئيسة الوزراء الشيخة حسينة»)
                sheikh = h == end + 1 and _conjoined_in(keys[end], _SHEIKHS)
                last = self._name_words(keys, words, h, forward=True, titled=h > end or ruler or given_next)
                if last - h >= 2 or (
                    (ruler or president or sheikh) and last - h == 1 and _given_name(keys[h])
                ):
                    phrase = TitlePhrase(i, end, h, last, None)
            if phrase is None and i > 2 and not _PUNCT.search(gap(i)):
                # «وقال صلاح عبد الخالق نائب قائد القوات الجوية»: the speaker's name, then his title
                phrase = self._said_holder(keys, words, i, end, mentions, cover)
            if phrase is None and i > 0 and "،" in gap(i):
                before = _person_ending(self, mentions, i - 1)
                if before is not None:
                    phrase = TitlePhrase(i, end, before.first, before.last, _person_id(self, before))
                elif (i - 1) not in cover:
                    first = self._name_words(keys, words, i - 1, forward=False)
                    if i - first >= 2:
                        phrase = TitlePhrase(i, end, first, i, None)
            if phrase is None and end > i + 1:
                phrase = self._set_off_holder(keys, words, i, end, cover)
            if phrase is None and end > i + 1:
                phrase = TitlePhrase(i, end, -1, -1, None)  # a title alone: its holder, if told
            if phrase is not None:
                out.append(phrase)
            i = max(end, h, i + 1)
        return out

    def _said_holder(self, keys: list[str], words, i: int, end: int, mentions, cover) -> TitlePhrase | None:
        """The holder of the title at word `i` named right before it, after a verb of
        saying or «أن» («وقال فلان الفلاني نائب قائد ...»): a person linked there, else a
        name of two to four words, none a role's noun («مسؤول»)."""

        def said_before(first: int) -> bool:
            if first > 0 and _listed(self.text, words[first]):
                return True  # «... وفلان الفلاني القائم بالأعمال»: one more of those listed
            return (
                first > 0
                and _SAYING.match(keys[first - 1]) is not None
                and not _PUNCT.search(self.text[words[first - 1].end : words[first].start])
            )

        if (i - 1) in cover:
            before = _person_ending(self, mentions, i - 1)
            if before is not None and said_before(before.first):
                return TitlePhrase(i, end, before.first, before.last, _person_id(self, before))
            return None
        first = self._name_words(keys, words, i - 1, forward=False)
        if (
            2 <= i - first <= 4
            and said_before(first)
            and not any(keys[x].removeprefix(ARTICLE) in _ROLE_NOUNS for x in range(first, i))
        ):
            return TitlePhrase(i, end, first, i, None)
        return None

    def _set_off_holder(self, keys: list[str], words, i: int, end: int, cover) -> TitlePhrase | None:
        """The holder of an office whose words run on past what the phrase reads («مدير
        إدارة المساعدة الخارجية والصادرات بوزارة الدفاع الإسرائيلية، ميشيل بن باروخ،»): a
        name of two to four words set off by commas, after up to six more of the office's
        words (no cue, no function word, no figure) and its comma."""
        text = self.text
        comma = end
        while (
            comma < len(keys)
            and comma - end < 6
            and not re.search(r"[،,]", text[words[comma - 1].end : words[comma].start])
        ):
            k = keys[comma]
            if (
                k in _FUNCTION_WORDS
                or re.search(r"[0-9\u0660-\u0669]", k)
                or not self._looks_like_a_name([k])
            ):
                return None
            comma += 1
        if comma >= len(keys) or not re.search(r"[،,]", text[words[comma - 1].end : words[comma].start]):
            return None
        if comma in cover:
            return None
        # («برئيسة الوزراء، الشيخة حسينة،»: a sheikh's given name alone, after the honorific)
        sheikh = _conjoined_in(keys[comma], _SHEIKHS) and comma + 1 < len(keys) and comma + 1 not in cover
        first = comma + 1 if sheikh else comma
        last = self._name_words(keys, words, first, forward=True, titled=sheikh)
        closed = last == len(keys) or re.search(r"[،,]", text[words[last - 1].end : words[last].start])
        if (2 <= last - first <= 4 or (sheikh and last - first == 1 and _given_name(keys[first]))) and closed:
            return TitlePhrase(i, end, first, last, None)
        return None

    def _name_words(self, keys: list[str], words, start: int, *, forward: bool, titled: bool = False) -> int:
        """The end (forward) or the first word (backward) of a person's name from `start`:
        up to four words that a name holds, inside one stretch without punctuation. A
        month's name is a name's word here («رجب طيب أردوغان»): a name holds no digits.
        After a rank or an honorific (`titled`) the name may open like a definite word
        («الفريق أول ألكسندر فومين»)."""
        text = self.text
        k = start

        def set_off(at: int) -> bool:
            # a name between commas («، إريك ترابييه،», «، الفريق الركن سامر حمه علي،»: the
            # ranks before it inside): its last word may end in ة/ه (ترابييه), no noun of
            # the sentence then
            opens = start
            while 0 < opens and start - opens < 3 and _honorific(keys[opens - 1]):
                opens -= 1
            opened = 0 < opens and re.search(r"[،,]", text[words[opens - 1].end : words[opens].start])
            # (closed by a comma after it or after the next word, the name's last: «حمه علي،»)
            closed = False
            for c in range(at, min(at + 2, start + _NAME_MAX, len(words))):
                gap_after = text[words[c].end : words[c + 1].start] if c + 1 < len(words) else ","
                if re.search(r"[،,]", gap_after):
                    closed = True
                    break
                if _PUNCT.search(gap_after):
                    break
            return bool(forward and opened and closed)

        taken: list[str] = []
        # (a kinship word is no word of the count: «محمد بن مبارك بن فاضل المزروعي»)
        while 0 <= k < len(keys) and len([t for t in taken if t not in _KIN]) < _NAME_MAX:
            key = keys[k]
            if taken:
                a, b = (words[k - 1], words[k]) if forward else (words[k], words[k + 1])
                # (a bracket a title opened closes inside the name: «(الأمريكي دونالد) ترامب»)
                closing = (
                    forward
                    and _CLOSING_GAP.fullmatch(text[a.end : b.start]) is not None
                    and "(" in text[max(0, a.start - 30) : a.start].rsplit(")", 1)[-1]
                    and "\n" not in text[max(0, a.start - 30) : a.start]
                )
                if _PUNCT.search(text[a.end : b.start]) and not closing:
                    break
            if forward and taken and taken[-1] in _KIN and not re.search(r"[0-9\u0660-\u0669]", key):
                # «سلمان بن حمد آل خليفة»: after «بن», «آل» the next word is the name's,
                # whatever noun or head it spells; a name ends in no kin word
                taken.append(key)
                k += 1
                continue
            # («د. أمير جبار»: after a title, a given name that spells an office's head)
            given = (
                key in _GIVEN_HEADS
                and forward
                and titled
                and not taken
                and not _definite(key)
                and k + 1 < len(keys)
                and not _definite(keys[k + 1])
                and keys[k + 1] not in _FUNCTION_WORDS
                and not _head(keys[k + 1])
            )
            # («، الفريق الركن سامر حمه علي،», «... حمه أمين،»: the last word of a name set off
            # by commas is the name's, though it spells a preposition or an office's head)
            given = given or (
                forward
                and len(taken) >= 2
                and key in (*_GIVEN_HEADS, "علي")
                and set_off(k)
                and (
                    k + 1 == len(keys)
                    or re.search(r"[،,]", text[words[k].end : words[k + 1].start]) is not None
                )
            )
            # («أحمد قايد صالح»: inside a name, a word an office's head normalizes to but
            # written without the hamza its head has, «قائد», is the name's)
            given = given or (
                forward
                and bool(taken)
                and _head(key)
                and _unhamzated_head(text[words[k].start : words[k].end])
            )
            if (
                (
                    key in _FUNCTION_WORDS
                    and not given
                    and not self._ali_in_name(keys, k, taken, forward, titled)
                    and not self._van_in_name(keys, words, k, forward)
                )
                or (_head(key) and not given)
                or _head_plural(key)
                or (not taken and _verbal_noun_after_preposition(key))
                or _honorific(key)
                or re.search(r"[0-9\u0660-\u0669]", key)
                # (a family name may open with كال: «روبرت كاليناك» is no ك + the article)
                or (key[:1] in PROCLITICS and _definite(key) and not (taken and key[:1] == "ك"))
                # («إلهام», «ألبرت»: a name opening with a hamza's alef and lam, never the article)
                or (
                    not taken
                    and forward
                    and not titled
                    and _definite(key)
                    and re.match(r"^[أإآ]ل", text[words[k].start : words[k].end]) is None
                )
                # «المدير العام لمجموعة ساب»: the body the office is at, after ل, no name
                or (not taken and forward and _at_body_noun(key))
                or key in _NOT_IN_NAMES
                or _WITH_PRONOUN.fullmatch(key) is not None  # "نتنياهو إليها": to her
                # "سبل تعزيز التعاون": a cue word, no name; after بن a word is a name («خالد
                # بن سلمان»), and «علي» in «آصف علي زرداري» is one
                or (
                    not self._looks_like_a_name([key])
                    and not given
                    and not (forward and taken and taken[-1] in _KIN)
                    # right after a rank a name opens, whatever cue its letters spell («سلمان»)
                    and not (forward and titled and not taken and not _definite(key))
                    and not self._ali_in_name(keys, k, taken, forward, titled)
                )
                or "\u064b" in text[words[k].start : words[k].end]  # tanwin: «اهتماماً», no name
                or (
                    taken
                    and _noun_not_name(key, taken[-1] if forward else "")
                    and not set_off(k)
                    and not self._middle_name(keys, words, k, taken, forward)
                )
                # "الوزير الكويتي عدد الطائرات", "سانديلا الفرقاطة": a weapon's noun, no family name
                or (taken and _definite(key) and _weapon_noun(key))
                # «المهندي اتفاقيتين»: a deal's or a weapon's noun in the dual, what he signed
                or (taken and forward and _dual_noun(key))
                or (taken and forward and _future_verb(key))
                # «أمير جبار الساعدي باحث في ...»: a role after a name, no word of it
                or (taken and forward and key.removeprefix("ال") in _ROLE_NOUNS)
                # «المنصوري وحسن الشميلي»: «و» on a word opens the next person listed
                # (a name has two words before it: «أحسن واجان» is one person)
                or (len(taken) >= 2 and forward and _listed(text, words[k]))
                # «زار ... مين أونغ هلاينغ روسيا»: a state's name after a name is the verb's
                # object or place, no word of the name
                or (len(taken) >= 2 and forward and self._state_name_word(key))
                # «وعن قطر»: a function word after «و» opens the next phrase
                # («فان فان جيانغ»: «ف» opens names, «و» alone here)
                or (taken and forward and key[:1] in _AND and key[1:] in _FUNCTION_WORDS)
                # «الدبلوماسيين», «العسكريين»: a plural of people, never a name's word
                or (_definite(key) and key.endswith("يين"))
                # «زيارة الرئيس فلان الفلاني الدبلوماسية»: a feminine adjective after a name
                # of two words or more qualifies the noun before it, no family name (after a
                # kinship word it is one: «حمد بن علي العطية»)
                or (
                    len(taken) >= 2
                    and forward
                    and _definite(key)
                    and key.endswith("يه")
                    and not any(t in _KIN for t in taken)
                )
            ):
                break
            taken.append(key)
            if not forward and len(taken) >= 2 and _listed(text, words[k]):
                k -= 1
                break  # «... وحسن الشميلي»: the listed name's first word
            k += 1 if forward else -1
        if not forward and taken and _definite(taken[-1]):
            k += 1  # a name opens with no article: "سعدون الدليمي", never "الدليمي" alone
            taken.pop()
        return k if forward else k + 1

    def _middle_name(self, keys: list[str], words, k: int, taken: list[str], forward: bool) -> bool:
        """Whether a word in ة after a given name is the name's second («محمد أسامة هارون»,
        «أحمد حمزة العلي»), no noun of the sentence: one word taken, and a family name after
        it, no mark between, that looks like a name and ends in no ة («فومين اتفاقية تعاون»,
        «شويغو زيارة رسمية» end the name)."""
        if not forward or len(taken) != 1 or k + 1 >= len(keys):
            return False
        after = keys[k + 1]
        return (
            not _PUNCT.search(self.text[words[k].end : words[k + 1].start])
            and not after.endswith("ه")
            and after not in _FUNCTION_WORDS
            and not _head(after)
            and not _honorific(after)
            and (not _definite(after) or after.endswith("ي"))
            and self._looks_like_a_name([after])
            and self._looks_like_a_name([keys[k]])
        )

    def _van_in_name(self, keys: list[str], words, k: int, forward: bool) -> bool:
        """«فان» written without a hamza, before a word a name holds, is a name's word (the
        Vietnamese Phan, the Dutch van: «فان فان جيانغ», «فان دير بيرغ»), not «فإن»."""
        return (
            keys[k] == "فان"
            and forward
            and self.text[words[k].start : words[k].end] == "فان"
            and k + 1 < len(keys)
            and not _definite(keys[k + 1])
            and (keys[k + 1] == "فان" or keys[k + 1] not in _FUNCTION_WORDS)
            and self._looks_like_a_name([keys[k + 1]])
            and not _PUNCT.search(self.text[words[k].end : words[k + 1].start])
        )

    def _named_after_state(self, keys: list[str], words: list[Word], j: int) -> bool:
        """Word `j`, after the state's adjective that closes a title, is a given name with
        the article («وزير الدفاع الجزائري السعيد فلان»), not one more adjective of the
        office: the article alone on it (not «بالوكالة», acting), no adjective's ending (ي,
        ية), no participle's «الم» («المنتخب»), no word of when («السابق», «الأسبق») nor of
        a body, and a name's word, indefinite, after it with no mark between."""
        k = keys[j]
        if j + 1 >= len(keys) or not self._state_adjective(keys[j - 1]) or not _definite(k):
            return False
        if (
            not k.startswith(ARTICLE)
            or k.endswith(("ي", "يه"))
            or k.startswith(_PARTICIPLE)
            or k in _NOT_GIVEN
        ):
            return False  # («بالوكالة», acting: a preposition on it, the office's)
        if institution_word(k) or _PUNCT.search(self.text[words[j].end : words[j + 1].start]):
            return False
        after = keys[j + 1]
        return not _definite(after) and after not in _FUNCTION_WORDS and self._looks_like_a_name([after])

    def _ali_in_name(
        self, keys: list[str], k: int, taken: list[str], forward: bool, titled: bool = False
    ) -> bool:
        """«علي» inside a name read forward is the name Ali («آصف علي زرداري»), not the
        preposition على: a first name alone before it and an indefinite name's word after it
        (a whole name before it ends there: «خالد بن سلمان على تويتر»); or right after a
        rank, an indefinite name's word after it that is no noun in ة nor a derived verbal
        noun («اللواء علي فلان»; «وافق اللواء على تعزيز» is the preposition)."""
        if (
            keys[k] == "علي"
            and forward
            and titled
            and not taken
            and k + 1 < len(keys)
            and not _definite(keys[k + 1])
            and keys[k + 1] not in _FUNCTION_WORDS
            and not keys[k + 1].endswith(("ه", "ات"))
            and not self._verbal_noun(keys[k + 1])
            and self._looks_like_a_name([keys[k + 1]])
        ):
            return True
        if keys[k] == "علي" and forward and len(taken) == 1 and k + 1 < len(keys) and keys[k + 1] == "بان":
            return True  # «سلمان علي بأن ...»: «على بأن» is no Arabic, so «علي» is the name's
        return (
            keys[k] == "علي"
            and forward
            and len(taken) == 1
            and k + 1 < len(keys)
            and not _definite(keys[k + 1])
            and keys[k + 1] not in _FUNCTION_WORDS
            and self._looks_like_a_name([keys[k + 1]])
        )

    # -- the entities they bring --------------------------------------------------------

    def _title_entities(self, clause: Clause, mentions: list[Mention]) -> bool:
        """Propose the new people and offices of the clause's title phrases; True when the
        clause gave a new one."""
        before = len(self.new_entities)
        words = clause.words
        self._honorific_names(clause, mentions)
        self._described_names(clause, mentions)
        self._headed_by(clause, mentions)
        self._dual_holders(clause, mentions)
        for ph in self._title_phrases(clause, mentions):
            if ph.person is None and ph.name_first >= 0:
                first = words[ph.name_first]
                s, e = first.start + _listed(self.text, first), words[ph.name_last - 1].end
                self._new_entity(re.sub(r"\s*[()]\s*", " ", self.text[s:e]), "person", "name with a title")
            counterpart = _counterpart(words[ph.head].key)
            delegation = ph.head + 1 < len(words) and words[ph.head + 1].key == "وفد"
            if delegation:
                continue  # «رئيس وفد ... إلى معرض»: leading a delegation is no office
            if counterpart and ph.end > ph.head + 1 and (ph.person is not None or ph.name_first >= 0):
                self._counterpart_entity(clause, ph)
            elif not counterpart and (ph.end > ph.head + 1 or self._office_of(clause, ph) is not None):
                self._office_entity(clause, ph)
            if not _counterpart(words[ph.head].key):
                self._last_office = self._office_of(clause, ph) or self._last_office
        return len(self.new_entities) > before

    def _dual_holders(self, clause: Clause, mentions: list[Mention]) -> None:
        """Two people after a dual title («الرئيسان فلان الفلاني وفلان الفلاني»): the first
        name, then the second after «و» (its conjunction no part of the name)."""
        words = clause.words
        keys = [w.key for w in words]
        cover = {k for m in mentions if not m.weak for k in range(m.first, m.last)}
        for i in range(len(keys) - 1):
            h = i + 1
            if keys[i] in _DUAL_CONSTRUCT or (keys[i][:1] in CONJUNCTIONS and keys[i][1:] in _DUAL_CONSTRUCT):
                h = self._dual_office_end(keys, words, i)  # «وزيري الدفاع في ...، فلان وفلان»
            elif not any(strip_clitic(keys[i], c) in _DUAL_HEADS for c in clitic_cuts(keys[i])):
                continue
            if h >= len(keys) or _definite(keys[h]):
                continue
            first = next((m for m in mentions if not m.weak and m.first == h and _person_id(self, m)), None)
            if h in cover and (first is None or h == i + 1):
                continue
            if first is not None:
                last = first.last  # «سيرغي شويغو ومورات بيكتانوف»: the first one known, the second new
            else:
                # (the first name ends before the conjunction of the second: «ماكرون ولويس»)
                cut = next((k for k in range(h + 2, len(keys)) if keys[k][:1] == "و"), len(keys))
                last = self._name_words(keys[:cut], words[:cut], h, forward=True, titled=True)
            if last - h < 2:
                continue
            s, e = words[h].start, words[last - 1].end
            if (
                last < len(keys)
                and keys[last][:1] == "و"
                and last not in cover
                and not _definite(keys[last][1:])
            ):
                # the second name opens with the conjunction: read it from its second letter
                rest = [keys[last][1:], *keys[last + 1 :]]
                end2 = self._name_words(rest, words[last:], 0, forward=True, titled=True)
                if end2 >= 2:
                    # (both or none: «وقّع الوزيران مذكرة تفاهم» names no one)
                    s2, e2 = words[last].start + 1, words[last + end2 - 1].end
                    self._new_entity(
                        re.sub(r"\s*[()]\s*", " ", self.text[s:e]), "person", "name with a title"
                    )
                    self._new_entity(self.text[s2:e2], "person", "name with a title")

    def _dual_office_end(self, keys: list[str], words, i: int) -> int:
        """Where the names begin after a dual head in construct and its office («وزيري
        الدفاع في روسيا الاتحادية وجمهورية كازاخستان، فلان وفلان», «وزيرا خارجية البلدين
        فلان وفلان»): after the office's genitive and its states after «في», and a comma;
        `len(keys)` when no office is told so."""
        n, text = len(keys), self.text
        j = i + 1
        while (
            j < n and j - i <= 3 and (_definite(keys[j]) or (j == i + 1 and keys[j] not in _FUNCTION_WORDS))
        ):
            if _PUNCT.search(text[words[j - 1].end : words[j].start]) and j > i + 1:
                break
            j += 1
        if j == i + 1 or j == i + 2 and not _definite(keys[i + 1]) and not _definite(keys[j - 1]):
            return n
        if j < n and keys[j] == "في":
            k = j + 1
            joined: tuple[str, ...] = ()  # (no conjunction on the first state)
            while k < n and k - j <= 6 and not _PUNCT.search(text[words[k - 1].end : words[k].start]):
                if (state := self._state_at(words, k, proclitics=joined)) is None:
                    return n
                k, joined = state[1], CONJUNCTIONS  # «روسيا الاتحادية وجمهورية كازاخستان»
            j = k
        return j if j < n and j > i + 1 else n

    def _headed_by(self, clause: Clause, mentions: list[Mention]) -> None:
        """The person a body is headed by («الإدارة الأمريكية برئاسة أوباما», «وفد برئاسة
        خالد العطية»): the name after «برئاسة», one word to four, no title there."""
        words = clause.words
        keys = [w.key for w in words]
        cover = {k for m in mentions if not m.weak for k in range(m.first, m.last)}
        for i in range(len(keys) - 1):
            if keys[i] not in ("برياسه", "برئاسه") or i + 1 in cover:
                continue
            first = keys[i + 1]
            if _definite(first) or _head(first) or _honorific(first) or first in _FUNCTION_WORDS:
                continue  # «برئاسة وزير الدفاع», «برئاسة الفريق ...»: a title's, read there
            last = self._name_words(keys, words, i + 1, forward=True, titled=True)
            if last > i + 1 and (last - i - 1 >= 2 or len(first) >= 4):
                s, e = words[i + 1].start, words[last - 1].end
                self._new_entity(re.sub(r"\s*[()]\s*", " ", self.text[s:e]), "person", "name with a title")

    def _described_names(self, clause: Clause, mentions: list[Mention]) -> None:
        """A name that a comma and «وهو» describe by a rank or a role («وقال عبد القيوم ،
        وهو جنرال باكستاني متقاعد»): a person, named by the clause's last words (the
        description opens the next clause)."""
        words = clause.words
        keys = [w.key for w in words]
        for at in range(2, len(keys) - 1):
            # "وقال ريكي اليسون وهو مؤسس جماعة ...": «وهو» inside the clause, no comma before
            if keys[at] in ("وهو", "وهي") and keys[at + 1].removeprefix("ال") in _ROLE_NOUNS:
                self._described_name(clause, mentions, at - 1)
        m = re.match(r"\s*[،,]\s*و(?:هو|هي)\s+([\u0621-\u064a]+)", self.text[clause.end : clause.end + 60])
        if m is None or len(keys) < 2:
            return
        role = normalize(m.group(1))
        if not (role.removeprefix("ال") in _ROLE_NOUNS or _head(role) or _honorific(role)):
            return
        self._described_name(clause, mentions, len(keys) - 1)

    def _described_name(self, clause: Clause, mentions: list[Mention], last: int) -> None:
        """The person whose name ends at the clause's word `last`, before «وهو» and a role."""
        words = clause.words
        keys = [w.key for w in words]
        if any(not x.weak and x.first <= last < x.last for x in mentions):
            return  # a name the store knows, or one proposed already
        first = self._name_words(keys, words, last, forward=False)
        if last + 1 - first >= 2:
            s, e = words[first].start, words[last].end
            self._new_entity(self.text[s:e], "person", "name described by «وهو» and a role")

    def _honorific_names(self, clause: Clause, mentions: list[Mention]) -> None:
        """A name after honorifics and ranks with no office before them («ومعالي الفريق
        داورين جوماتاييفيتش كوسانوف وزير دفاع ...»): a person, named two to four words
        that open with no article."""
        words = clause.words
        keys = [w.key for w in words]
        cover = {k for m in mentions if not m.weak for k in range(m.first, m.last)}

        def doctor(at: int) -> bool:
            # «د. أمير جبار الساعدي»: the doctor's title abbreviated, a letter and a dot
            return keys[at] == "د" and self.text[words[at].end : words[at].end + 1] == "."

        i = 0
        while i < len(keys):
            if (
                not (_honorific(keys[i]) or doctor(i))
                or any(a <= words[i].start < b for a, b in self._masthead_lines)
                or (i > 0 and (_head(keys[i - 1]) or _honorific(keys[i - 1])))
                # («الأمن البحري»: a rank's adjective, «اللواء البحري», opens no rank)
                or (_definite(keys[i]) and keys[i].endswith("ي"))
            ):
                i += 1
                continue
            h = i
            while h < len(keys) and (_honorific(keys[h]) or keys[h] == "اول" or doctor(h)) and h - i < 3:
                h += 1  # ("الفريق أول": a rank of two words)
                if keys[h : h + 2] == _OF_STAFF:
                    h += 2  # «العقيد أركان حرب»: a staff colonel, the rank's words
            if h < len(keys) and h not in cover and not _definite(keys[h]):
                last = self._name_words(keys, words, h, forward=True, titled=True)
                if last - h >= 2 and not any(k in cover for k in range(h, last)):
                    s, e = words[h].start, words[last - 1].end
                    # (its words read already: «أمير» after «د.» is a given name, no title)
                    self._new_entity(
                        re.sub(r"\s*[()]\s*", " ", self.text[s:e]), "person", "name with a title"
                    )
            i = h

    def _title_date(self) -> DateSpan | None:
        """When the article places a title: the day it was published, when that is one day
        (the article names the holder in office then); none for an article dated only by an
        interval."""
        if self.anchor.start != self.anchor.end:
            return None
        return self.anchor.replace(text="")  # no words of the article say it

    def _office_name(self, clause: Clause, ph: TitlePhrase) -> tuple[str, int, int]:
        """The office's name (its words without the proclitic on the first: «ولنائب» is
        «نائب», «للرئيس» is «الرئيس») and the span of the text it stands in. A counterpart
        («بنظيره الروسي») holds the office named last with this state's adjective in place
        of that one's («وزير الدفاع السوري» -> «وزير الدفاع الروسي»)."""
        words = clause.words
        s, e = words[ph.head].start, words[ph.end - 1].end
        key = words[ph.head].key
        if _counterpart(key):
            return self._counterpart_name(clause, ph), s, e
        for cut in clitic_cuts(key):
            if strip_clitic(key, cut) in _HEAD_FORMS or strip_clitic(key, cut) in _LEADER_FORMS:
                if cut == 0:
                    break
                written = _after_clitic(self.text, s, e, cut)
                if cut == -1:
                    return written, e - len(written) + 2, e  # the span keeps no ل of للرئيس
                return written, e - len(written), e
        return self.text[s:e], s, e

    def _counterpart_name(self, clause: Clause, ph: TitlePhrase) -> str:
        last = self.linker.entities.get(self._last_office or "")
        # (as written, «الأمريكي», when no proclitic is on it; else its normalized form)
        adjectives = [
            self.text[w.start : w.end] if w.key.startswith(ARTICLE) else w.key
            for w in clause.words[ph.head + 1 : ph.end]
            if self._adjective(w.key)
        ]
        if last is None or not adjectives:
            return ""
        words = (last.get("name_ar") or "").split()
        swapped = [adjectives[0] if self._adjective(normalize(w)) else w for w in words]
        if swapped == words and not any(self._state_name_word(normalize(w)) for w in words):
            # («وزير الدفاع»: an office the article told bare, its state's adjective after it)
            swapped = [*words, adjectives[0]]
        return " ".join(swapped) if swapped != words else ""

    def _counterpart_entity(self, clause: Clause, ph: TitlePhrase) -> None:
        """A counterpart's office the store lacks («التقى وزير الدفاع السعودي نظيره
        الفرنسي»): the office named last, of the state its adjective names."""
        if self._office_of(clause, ph) is not None:
            return
        name = self._counterpart_name(clause, ph)
        state = next((st for w in clause.words[ph.head + 1 : ph.end] if (st := self._adjective(w.key))), None)
        if not name or state is None or state not in self.linker.entities:
            return
        english = office_english(normalize(name).split(), self.linker.entities[state].get("name"))
        self._new_entity(name, "office", "a counterpart's office", english=english)

    def _adjective(self, key: str) -> str | None:
        """The state a nationality adjective names (الروسي، والسورية), if it is one."""
        for cut in clitic_cuts(key):
            bare = strip_clitic(key, cut)
            adjective = bare if bare.startswith(ARTICLE) else ARTICLE + bare
            if adjective in self.linker.adjectives:
                return self.linker.adjectives[adjective]
        return None

    def _office_of(self, clause: Clause, ph: TitlePhrase) -> str | None:
        name, _, _ = self._office_name(clause, ph)
        words = _without_former(name)
        variants = [words]
        if words and normalize(words[0]).startswith(ARTICLE):
            variants.append([words[0][2:], *words[1:]])  # «الرئيس السابق للمخابرات» is «رئيس المخابرات»
        # The longest run of the title's words the store names an office by: «وزير الدفاع في
        # روسيا الاتحادية» is the store's «وزير الدفاع في روسيا».
        # (a counterpart's office is named whole: «وزير الدفاع الأمريكي» is no «وزير الدفاع»)
        shortest = max(2, len(words)) if _counterpart(clause.words[ph.head].key) else 2
        for variant in variants:
            for n in range(len(variant), shortest - 1, -1):
                found = [
                    i
                    for i in self.linker.resolve(" ".join(variant[:n]), True, True)
                    if self.linker.type_of(i) == "office"
                ]
                if found:
                    return found[0]
        return None

    def _former(self, clause: Clause, ph: TitlePhrase) -> bool:
        """Whether the title says the office was held before («الرئيس السابق»)."""
        return any(w.key in _FORMER for w in clause.words[ph.head : ph.end])

    def _office_entity(self, clause: Clause, ph: TitlePhrase) -> None:
        if self._office_of(clause, ph) is not None:
            return
        name = " ".join(_without_former(self._office_name(clause, ph)[0]))
        where = self._office_body(clause, ph)
        if len(name.split()) < 2 or where is None:
            return  # "وزير الدفاع" alone: whose, the reviewer says
        english = office_english(
            normalize(name).split(), self.linker.entities[where].get("name") if where else None
        )
        self._new_entity(name, "office", "title before or after a name", english=english)

    def _office_body(self, clause: Clause, ph: TitlePhrase) -> str | None:
        """The organization or state an office is a post in: an organization named in the
        title first ("رئيس مجمع نوفا"), else the state it names or qualifies."""
        words = clause.words[ph.head + 1 : ph.end]
        orgs, states = [], []
        for m in find_mentions(self.linker, self.text, words):
            for eid in m.ids:
                kind = self.linker.type_of(eid)
                if kind == "organization" and not m.weak:
                    orgs.append(eid)
                elif kind == "country":
                    states.append(eid)
        for w in words:  # a nationality inside a longer name ("مساعد الرئيس الروسي")
            for cut in clitic_cuts(w.key):
                bare = strip_clitic(w.key, cut)
                adjective = bare if bare.startswith(ARTICLE) else ARTICLE + bare
                if adjective in self.linker.adjectives:
                    states.append(self.linker.adjectives[adjective])
                    break
        # A minister or a head of a state's body drafted here ("رئيس الحكومة الإسرائيلية",
        # "وزيرة القوات المسلحة الفرنسية") holds a post of its state; a spokesman, a
        # commander or an inspector one of the body ("مفتش المدفعية الملكية المغربية").
        head = clause.words[ph.head].key
        if any(p.opens(head) for p in _STATE_POSTS):
            orgs = [self.state_of.get(o, o) for o in orgs]
        found = orgs or states
        if not found and (ph.person is not None or ph.name_first >= 0) and ph.end > ph.head + 1:
            # «وقال وزير الدفاع فلان الفلاني»: a minister told by his portfolio alone, and
            # named, is one of the state his sentence named before him, else of the state the
            # article is about, the one it names most
            if any(p.opens(head) for p in _MINISTERS):
                return self._state_before(clause, ph.head) or self._home_state
        return found[0] if found else None

    # -- the claims -----------------------------------------------------------------------

    def _titles(self, clause: Clause, keys: list[str], mentions: list[Mention]) -> list[dict]:
        out: list[dict] = []
        words = clause.words
        for ph in self._title_phrases(clause, mentions):
            office = self._office_of(clause, ph)
            if office is None:
                continue
            if not _counterpart(words[ph.head].key):
                self._last_office = office
            person = ph.person
            if person is not None and self._holders.get(office) == person:
                person = None  # said already: one holds_position per person and office
            elif person is not None:
                self._holders[office] = person
                lo, hi = min(ph.head, ph.name_first), max(ph.end, ph.name_last)
                s, e = words[lo].start, words[hi - 1].end
                if self.text[s - 1 : s] == "«":
                    s -= 1
                if self.text[e : e + 1] == "»":
                    e += 1
                out.append(
                    self._claim(
                        person,
                        "held_position" if self._former(clause, ph) else "holds_position",
                        office,
                        None,
                        None if self._former(clause, ph) else self._title_date(),
                        "affirmed",
                        "fact",
                        None,
                        None,
                        s,
                        e,
                        ["predicate:title + name", f"title:{self.text[s:e][:60]}"],
                        0.7,
                    )
                )
            body = self._office_body(clause, ph)
            if _counterpart(words[ph.head].key) and ph.person is None and ph.name_first < 0:
                continue  # «ونظيره الروسي» alone: no one named holds it
            if body is not None and office not in self._offices_told:
                self._offices_told.add(office)
                _, s, e = self._office_name(clause, ph)
                out.append(
                    self._claim(
                        office,
                        "office_in",
                        body,
                        None,
                        None,
                        "affirmed",
                        "fact",
                        None,
                        None,
                        s,
                        e,
                        ["predicate:the title's own words"],
                        0.7,
                    )
                )
        return out

    def _with_holders(self, mentions: list[Mention]) -> list[Mention]:
        """A title alone names the person the article named holding it: the office's
        mention stands for its holder too («وكتب نائب وزير الدفاع السعودي»), unless a
        person's name is written beside it (then that name is the holder)."""
        persons = [m for m in mentions if _person_id(self, m)]
        for m in mentions:
            holder = next((self._holders[e] for e in m.ids if e in self._holders), None)
            if holder is None or holder in m.ids:
                continue
            if any(m.last <= p.first <= m.last + 4 or p.last == m.first for p in persons):
                continue
            m.ids = (holder, *m.ids)
        return mentions


_FORMER = {normalize(w) for w in ("السابق", "السابقة", "سابق", "سابقا")}


def _without_former(name: str) -> list[str]:
    """An office's words without the one that says it was held before, and with the
    article's ل a preposition leaves («للمخابرات» -> «المخابرات»)."""
    out: list[str] = []
    for w in name.split():
        if normalize(w) in _FORMER:
            continue
        out.append(ARTICLE + w[2:] if normalize(w).startswith("لل") and out else w)
    return out


def _office_mention(drafter: _Base, m: Mention) -> bool:
    return any(drafter.linker.type_of(e) == "office" for e in m.ids)


def _person_id(drafter: _Base, m: Mention) -> str | None:
    return next((e for e in m.ids if drafter.linker.type_of(e) == "person"), None)


# The heads of a state's own posts: a minister, a president or prime minister.
_STATE_POSTS = [Pattern.of(w) for w in ("وزير", "الوزير", "وزيره", "رئيس", "الرئيس", "رئيسه")]
_MINISTERS = [Pattern.of(w) for w in ("وزير", "وزيره")]
# Nouns of a role or a rank that describe a person («وهو جنرال», «وهو خبير»).
_ROLE_NOUNS = {
    normalize(w)
    for w in (
        "جنرال",
        "مسؤول",
        "خبير",
        "باحث",
        "محلل",
        "ضابط",
        "دبلوماسي",
        "عضو",
        "أستاذ",
        "صحفي",
        "مراسل",
        "مؤسس",
        "رئيس",
        "مدير",
    )
}


def _future_verb(key: str) -> bool:
    """A verb in the future after a name ends it («حسين دهقان سيحضر»); a name's first word
    may start the same way (سيرغي), so only a word after the first is read so."""
    bare = _after_conjunction(key)
    return FUTURE_PREFIX.match(key) is not None and not bare.startswith(FUTURE_NOUNS)


def _weapon_noun(key: str) -> bool:
    bare = _ARTICLE_AT_START.sub("", key)
    return bare in _WEAPON_HEADS


def _dual_noun(key: str) -> bool:
    """A deal's or a weapon's noun in the feminine dual («اتفاقيتين», «طائرتين», «صفقتان»)."""
    m = re.fullmatch(r"(.{3,})(?:تين|تان)", key)
    if m is None:
        return False
    singular = m.group(1) + "ه"
    return _deal_noun(singular) is not None or singular in _WEAPON_HEADS


# «أركان حرب» after a rank («العقيد أركان حرب»): of the staff, the rank's words, no name.
_OF_STAFF = [normalize(w) for w in ("أركان", "حرب")]
_HAMZAS = "أإؤئء"
_HAMZATED_HEADS = {
    normalize(p.text.split()[0]): p.text.split()[0]
    for p in _OFFICE_HEADS
    if p.text.split()
    and re.fullmatch(r"[\u0621-\u064a]+", p.text.split()[0])
    and any(h in p.text for h in _HAMZAS)
}


def _unhamzated_head(written: str) -> bool:
    """Whether a word spells an office's head whose own spelling has a hamza without it
    («قايد» for «قائد»): a name's word then (Gaid), no title."""
    if any(h in written for h in _HAMZAS):
        return False
    return any(form in _HAMZATED_HEADS for form in name_forms(normalize(written)))


def _noun_not_name(key: str, before: str) -> bool:
    """A word after a name's first that ends the name: an indefinite noun in ة («فومين
    اتفاقية»، «قصرة زيارة»), unless a kinship word puts it in the name («أبو قصرة») or «عبد»
    does («عبد الله»)."""
    return not _definite(key) and key.endswith("ه") and before not in _KIN_OR_SERVANT


def _person_ending(drafter: _Base, mentions: list[Mention], last_word: int) -> Mention | None:
    """The person whose name ends at `last_word`, if one does."""
    return next(
        (m for m in mentions if not m.weak and m.last == last_word + 1 and _person_id(drafter, m)), None
    )
