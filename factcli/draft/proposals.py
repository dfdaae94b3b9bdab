"""New-entity proposals: a name the store does not know, after a cue that says what kind
of thing it is, becomes a candidate entity (linked from then on)."""

from __future__ import annotations

import functools
import re
from typing import Any

from ..analyze import (
    ARTICLE,
    CLITICS_RE,
    CONJUNCTION_RE,
    CONJUNCTIONS,
    PREPOSITION_RE,
    PREPOSITIONS,
    clitic_cuts,
    is_stopword,
    strip_clitic,
)
from ..dates import number_words, parse_date
from ..errors import DateError
from ..lexicon import Lexicon
from ..normalize import normalize
from .base import _after_conjunction, _Base
from .cues import (
    _ATTRIBUTIONS,
    _DEAL_ITEMS,
    _EVENT_NOUNS,
    _FUNCTION_WORDS,
    _GENERIC_WEAPONS,
    _HONORIFICS,
    _INCLUDING,
    _INSTITUTIONS,
    _ITEM_WORK,
    _KIND_NOUNS,
    _MEDIA,
    _OFFICE_HEADS,
    _PREDICATE_PATTERNS,
    _SCALES,
    _SERVICES,
    _TITLES,
    _UNITS,
    _WEAPON_ENDS,
    _WEAPON_HEADS,
    _WEAPON_STOPS,
    BELONGING,
    COMPANY_NOUNS,
    DEAL_PREDICATES,
    EPITHETS,
    ITEM_WORDS,
    KIND_TYPES,
    MEDIA_NOUNS,
    NAMED_INSTITUTIONS,
    OF_INSTITUTIONS,
    OWNED_INSTITUTIONS,
    QUALIFIED_INSTITUTIONS,
    Pattern,
)
from .english import (
    _REGNAL,
    COMPANY_FORM_NOUNS,
    KNOWN_BODIES,
    KNOWN_COMPANIES,
    KNOWN_WEAPONS,
    KNOWN_WEAPONS_AFTER_KIND,
    Spellings,
    ascii_folded,
    consonants,
    demonym,
    designation_name,
    english_name,
    field_english,
    institution_adjective,
    institution_english,
    institution_head,
    institution_word,
    is_letter_name,
    loanword_english,
    masthead_english,
    masthead_head,
    masthead_word,
    model_kind_english,
    outlet_parts,
    platform_english,
    purpose_word,
    weapon_english,
)
from .names import _NOT_IN_NAMES, GIVEN_NAMES, Mention, _after_clitic, find_mentions
from .spans import _QUOTES, Clause, Word, _words, clauses
from .states import _CAPITALS as _CAPITALS_KEYS
from .states import _LONGEST as _LONGEST_STATE
from .states import StateNames, capital_agents, named_epithets, named_states

_ALSO = {"ايضا", "كذلك"}
# Armed forces a weapon is for ("للجيش", "للقوات الجوية"): they end its name.
_FOR_FORCES = {normalize(w) for w in ("الجيش", "القوات", "البحرية", "الحرس", "السلاح")}


def _deal_noun_key(key: str) -> bool:
    from .deals import _deal_noun

    return _deal_noun(key) is not None


_COMPANY = {normalize(w) for w in COMPANY_NOUNS}


_MOVEMENT = normalize("حركة")  # a movement («حركة الشباب الصومالية»)
# The words an armed group is told after, as fought or fighting: «ضد», «تهديدات»,
# «مسلحي», «مقاتلي», «عناصر», «هجمات», «تمرد», «مكافحة», «محاربة».
_FOUGHT = [
    Pattern.of(w)
    for w in (
        "ضد",
        "تهديد*",
        "مسلح*",
        "مقاتل*",
        "عناصر",
        "هجوم*",
        "هجمات",
        "تمرد",
        "مكافحة",
        "محاربة",
        "قتال",
    )
]
_UNIT = normalize("وحدة")  # a company's unit («ووحدة ان.اتش اندستريز»)


def _unit_noun(key: str) -> bool:
    """«وحدة» with or without a proclitic («لوحدة», «ووحدة»)."""
    return any(strip_clitic(key, cut) == _UNIT for cut in clitic_cuts(key))


# A conjunction written onto a Latin word («وJF-17»): the analyzer's conjunction letters.
_CONJUNCTION_ON_LATIN = re.compile("(?<![\\w-])(?:" + "|".join(CONJUNCTIONS) + ")(?=[A-Za-z])")


def _company_noun(key: str) -> bool:
    """A company's or agency's noun (شركة، وكالة ...), a proclitic and the article cut off."""
    return any(strip_clitic(key, cut).removeprefix(ARTICLE) in _COMPANY for cut in clitic_cuts(key))


def _with_noun(text: str, noun: Any, s: int, e: int) -> str:
    """The name at s:e with its company's noun before it as written, its proclitic cut off
    («لمجموعة ايرباص» -> «مجموعة ايرباص»): another form of the company's name."""
    cut = next(
        (
            c
            for c in clitic_cuts(noun.key)
            if strip_clitic(noun.key, c).removeprefix(ARTICLE) in _COMPANY
            or strip_clitic(noun.key, c) == _UNIT
        ),
        0,
    )
    return f"{_after_clitic(text, noun.start, noun.end, cut)} {text[s:e]}"


# A designation's letters: Latin ones, a slash between two («F/A-18»), or Arabic letter names,
# a space or a dot between them («إس.يو-30»: Su-30).
_LETTERS = r"(?:[A-Za-z]{1,6}(?:/[A-Za-z]{1,2})?|[\u0621-\u064a]{1,4})"
_DESIGNATION = re.compile(
    rf"(?<![\w/-])(?P<letters>(?:{_LETTERS}[ .]){{0,2}}{_LETTERS})(?: ?[-‐–] ?|(?<=[\u0621-\u064a])(?=[0-9]))"
    r"(?P<number>[0-9]{1,4})(?:(?<=[0-9])(?P<latin>[A-Z]{1,2})(?![A-Za-z]))?(?![0-9.,/-])"
)
# "سو 34", "مي 28": a maker's prefix or letter names, a space, a number; a designation only
# when every word before the number is one (`english.is_letter_name`), so "عام 2017" is none.
_SPACED_DESIGNATION = re.compile(
    r"(?<![\w-])(?P<letters>(?:[\u0621-\u064a]{1,4} ){0,2}[\u0621-\u064a]{1,4}) (?P<number>[0-9]{1,4})"
    r"(?: (?P<suffix>[\u0621-\u064a]{1,3})(?![\w-]))?(?![0-9.,/-])"
)


# A model's number after a weapon's own name («ليوبارد-2», «ميراج 2000-9», «سوخوي 35»): a
# dash or a space, the number, and a second number after a dash (2000-9).
# A variant's letters may follow, Latin (2A8) or a letter's name and a figure («2 إي 4»: 2A4).
_MODEL_NUMBER = re.compile(
    r"\s?(?P<project>مشروع )?[-‐–]?\s?(?P<number>[0-9]{1,4}(?:-[0-9]{1,2}|[A-Z]{1,2}[0-9]{0,2})?)"
    r"(?: (?P<letter>[\u0621-\u064a]{1,3}) ?(?P<figure>[0-9]{1,2}))?(?![0-9]|[.,/][0-9])"
)

# A project's or a type's number (a slash between two), then a variant's letter names or
# Latin letters («مشروع 877 إي كا أم», «طراز 1400 / 209», «Type 052D»).
_TYPE_NUMBER = re.compile(
    r"(?<![\w-])(?P<mark>مشروع|طراز|Type) [«\"“]?(?P<number>[0-9]{2,4}(?: ?/ ?[0-9]{2,4})?[A-Z]{0,2})"
    r"(?P<letters>(?: [\u0621-\u064a]{1,3}){1,3})?(?![\w/-])"
)

# The English names of the glossary's weapons (`english.KNOWN_WEAPONS`).
_GLOSSARY_WEAPONS = {row[0] for row in [*KNOWN_WEAPONS, *KNOWN_WEAPONS_AFTER_KIND]}

# «روسية الصنع» ("Russian-made"): the adjective before it tells who made a weapon.
_MADE = normalize("الصنع")

# Latin letters and a number run together, a variant's letters and figures after them
# («K9», «K9A1E», «CV90», «S400»): a model's designation after a weapon's noun.
_GLUED_LATIN = re.compile(r"(?<![\w/-])[A-Z]{1,4}[0-9]{1,4}(?:[A-Z]{1,3}[0-9]{0,2}){0,2}(?![\w-])")

# The lines at the top of a page where its masthead, byline and dateline are printed.
_TOP_LINES = 12
# The lines at the foot of a page where an outlet signs off.
_SIGN_OFF_LINES = 3
# How alike a spelling's romanization and the outlet's English name must be (difflib ratio).
_OUTLET_LIKENESS = 0.8
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
# A mark between two words that ends a name: a comma, a stop, a quotation mark, a bracket.
_MARK = re.compile(r"[،,.:؛;«»\"“”()\[\]\n]")
# How alike (difflib's ratio) a new name and a store's must be to be the same one respelled.
_NEAR_SPELLING = 0.88
# A verb of writing or posting, or what was posted ("البيان المنشور"): a quoted word after
# على / عبر is where ("تويتر").
_WRITING = re.compile(
    f"^{CONJUNCTION_RE}(?:{ARTICLE})?" + r"(?:كتب|نشر|غرد|[يت]كتب|[يت]نشر|[يت]غرد|بيان|منشور|مكتوب|تدوين)"
)
# An institution's nouns whose next word is its own name ("مجمع نوفا", "مصنع ميل").
_OWN_NAMED = {normalize(w) for w in ("مجمع", "مصنع", "مؤسسة")}
# What an institution makes, after its name ("لصناعة الطائرات"، "لإنتاج الأسلحة").
_MAKING = re.compile(r"^(?:ل|لل)(?:صناع|انتاج|تصنيع|بناء)")
# A state's kind before its name ("جمهورية العراق"): the name alone is the state's.
# An institution's noun that, with one state's adjective, names the state ("الاتحاد الروسي").
_STATE_NOUNS = {normalize(w) for w in ("الاتحاد", "الحلف")}
_STATE_KINDS = {normalize(w) for w in ("جمهورية", "مملكة", "دولة", "سلطنة", "إمارة", "اتحاد")}
_OWNED = set(OWNED_INSTITUTIONS)
_ADMINISTRATION = normalize("إدارة")
_GOVERNMENT_NOUN = normalize("حكومة")
# Words whose object «إدارة» is running a thing, not a body («وتولت إدارة الملف»: took over
# running it; «انتقدت إدارة الحرب»: criticised how it was run; «سوء إدارة»: mismanagement):
# verbs of taking over and criticising (past, present; their subject may stand between),
# nouns of running it well or badly.
_RUNNING_IT = re.compile(r"^(?:[يتنا]?تول(?:ي|ت|وا|ون)|[يتنا]?نتقد(?:ت|وا|ون)?|سوء|حسن|تحسين)$")


def derived_verbal_noun(stem: str) -> bool:
    """A verbal noun of the derived forms, by its letters: form II «تفعيل» (ت, then ي
    before the last letter: «تدشين», «تصريف»), form IV «إفعال» and form VIII «افتعال» (ا
    first, ا before the last letter: «إطلاق», «إنقاذ», «ائتلاف»); a given name of those
    letters is none («إسحاق», «توفيق», «إقبال»)."""
    if stem in _GIVEN:
        return False
    return (len(stem) == 5 and stem[0] == "ت" and stem[3] == "ي") or (
        len(stem) in (5, 6) and stem[0] == "ا" and stem[-2] == "ا"
    )


_IN = normalize("في")
_NAMED_BODIES = {normalize(w) for w in NAMED_INSTITUTIONS}
_EPITHETS = {normalize(w) for w in EPITHETS}
_OFFICIAL = {normalize(w) for w in ("الرسمي", "الرسمية")}
# How an adjective of belonging ends (normalized): «الجنوبية», «الرسمي», «العسكريين».
# The military spokesman («المتحدث العسكري»), a state's army's office.
_SPOKESMEN = {normalize(w) for w in ("المتحدث", "الناطق")}
_MILITARY = {normalize(w) for w in ("العسكري",)}
# A parliament, told bare as its state's («البرلمان»).
_PARLIAMENT = normalize("البرلمان")
_GOVERNMENT = normalize("الحكومة")
# The nouns of a platform a post is on, before its name («على تطبيق إكس», «عبر منصة تلغرام»).
_PLATFORM_NOUNS = {normalize(w) for w in ("تطبيق", "منصة")}
# How often a paper comes out, or what it carries, after its name: no part of the name
# («صحيفة بوبليكو اليومية»).
_MEDIUM_ADJECTIVES = {
    normalize(w) for w in ("اليومية", "الأسبوعية", "الشهرية", "الإلكترونية", "الإخبارية", "الاقتصادية")
}
# Adjectives of when, after a state's («الحكومة الألمانية السابقة»).
_WHEN_ADJECTIVES = {
    normalize(w) for w in ("السابق", "السابقة", "الجديد", "الجديدة", "المقبل", "المقبلة", "المؤقت", "المؤقتة")
}
_NISBA = ("يه", "ي", "يين", "يون", "يان", "يتين", "يتان")
# A broadcaster the state owns: «التلفزيون الرسمي», «الإذاعة الحكومية».
_STATE_OWNED = _OFFICIAL | {normalize(w) for w in ("الحكومي", "الحكومية")}
# A state's own bodies: told bare ("وزارة الدفاع"), the article's state's.
_STATE_BODIES = {normalize(w) for w in ("وزاره", "الجيش", "القوات")}
# A state's guards and services, and parties, by a noun and what qualifies it: «الحرس الوطني
# الكويتي», «لخفر السواحل الفيتنامي», «الحزب الشيوعي الفيتنامي», «حزب العمال» (definite
# nouns only with a qualifier, as the institutions').
# («الرئاسة الفرنسية»: a state's presidency, by its noun and the state's adjective)
_SERVICE_NOUNS = [Pattern.of(w) for w in ("الحرس", "الدرك", "خفر", "الحزب", "حزب", "الرئاسة")]
# Schools, banks and directorates: a body named by its kind noun and what follows («بنك
# التصدير والاستيراد», «أكاديمية العلوم العسكرية», «جامعة الدفاع الوطني», «مديرية التوجيه»)
_SCHOOL_NOUNS = [Pattern.of(w) for w in ("بنك", "جامعة", "أكاديمية", "كلية", "معهد", "مديرية")]
_SCHOOLS = {normalize(p.text) for p in _SCHOOL_NOUNS}
# Words of how much, the object's after a verb's subject («لم يذكر متحدث باسم الإدارة المزيد
# من التفاصيل»): no body's name goes on into them.
_QUANTITIES = {normalize(w) for w in ("المزيد", "الكثير", "العديد", "البعض", "الجميع", "مزيدا")}
# A company's noun, a proclitic on it or not: the companies named before «الشركات ...».
_A_COMPANY = re.compile(rf"(?<![\u0621-\u064a]){CLITICS_RE}شرك(?:ه|ات|تا|تي|تين)(?![\u0621-\u064a])")
# Sources, reports and delegations told as one by their noun and adjectives («مصادر عسكرية»,
# «لتقرير إعلامي», «وفد دفاعي أرمني»): the noun's English, and whether a state's adjective
# must close the phrase (a delegation is some state's).
_GROUP_NOUNS = {
    normalize(k): v
    for k, v in {
        "مصادر": ("sources", False),
        "مصدر": ("source", False),
        "تقارير": ("reports", False),
        "تقرير": ("report", False),
        "وفد": ("delegation", True),
    }.items()
}
# The adjectives that say what kind of source or report it is, besides the nisba adjectives
# the institutions' glossary translates («العسكرية»: military).
_GROUP_ADJECTIVES = {
    normalize(k): v
    for k, v in {
        "رسمي": "official",
        "اعلامي": "media",
        "صحفي": "press",
        "اخباري": "news",
        "دبلوماسي": "diplomatic",
        "محلي": "local",
        "غربي": "Western",
        "حكومي": "government",
        "مطلع": "informed",
        "مقرب": "close",
        "موثوق": "reliable",
        "متطابق": "concurring",
        "متخصص": "specialised",
        "رفيع": "senior",
        "قريب": "close",
    }.items()
}
# A person told by his role whose name is withheld: the role's noun, then «لم يذكر اسمه»,
# «طلب عدم الكشف عن هويته», «رفض ذكر اسمه».
_UNNAMED = re.compile(
    rf"(?<![\u0621-\u064a]){CONJUNCTION_RE}{PREPOSITION_RE}(مسؤول|مسئول|مصدر|دبلوماسي|ضابط)((?: [\u0621-\u064a]{{3,}}){{0,2}}?)"
    r" ((?:لم|طلب|رفض|فضل|مفضلا|طالبا)(?: \S+){0,3}? (?:اسمه|إسمه|هويته))"
)
_UNNAMED_ROLES = {
    "مسؤول": "official",
    "مسئول": "official",
    "مصدر": "source",
    "دبلوماسي": "diplomat",
    "ضابط": "officer",
}
# The cues of a person told by his role alone: no name's words to read, no family name.
_UNNAMED_CUES = ("a role whose holder's name is withheld", "an unnamed spokesman of a body")
# An unnamed spokesman of a body: «متحدث باسم الإدارة», «متحدثة باسم المعرض».
_SPOKESMAN = re.compile(
    rf"(?<![\u0621-\u064a]){CONJUNCTION_RE}{PREPOSITION_RE}(متحدثة?|ناطقة?) باسم (?=[\u0621-\u064a])"
)
# A coalition, international, against whom («التحالف الدولي ضد», «لمحاربة», «لمكافحة»).
_COALITION = normalize("التحالف")
_INTERNATIONAL = normalize("الدولي")
_AGAINST = {normalize(w) for w in ("ضد", "لمحاربة", "لمكافحة", "لقتال")}
# A state's broadcaster by its medium and the state's adjective («التلفزيون الإيطالي»).
# «البلاد», "the country": after «في», the state the article is about.
_THE_COUNTRY = normalize("البلاد")
_BROADCASTERS = {"التلفزيون": "television", "التليفزيون": "television", "الاذاعه": "radio"}
# The nouns `_state_media` reads a state's media or companies from, proclitics cut off.
_STATE_MEDIA_NOUNS = ("وسايل", "مصادر", "شركات", "الشركات", *_BROADCASTERS)
# Epithets between a state's body and its state's adjective («الجيش العربي السوري», «القوات
# البحرية الأميرية القطرية»): the body is named without them too.
_BODY_EPITHETS = {normalize(w) for w in ("العربي", "العربية", "الأميري", "الأميرية")}
# A company's field after its name («إمبراير للدفاع والأمن»), one word or two.
_FIELD_AFTER = re.compile(r"\s+(لل[\u0621-\u064a]{3,}(?:\s+وال[\u0621-\u064a]{3,})?)")
# A company's field in construct after its name, then its initials in brackets («كوريا
# لصناعات الفضاء (KAI)»).
_CONSTRUCT_FIELD = re.compile(r"\s+(ل[\u0621-\u064a]{3,}\s+ال[\u0621-\u064a]{3,})\s*\(([A-Z]{2,8})\)")
# A company's field after its name and state's adjective, its adjective or a second field
# with it («للصناعات الثقيلة», «للدفاع والأمن»): its full name's last words.
_FULL_FIELD = re.compile(r"\s+(لل[\u0621-\u064a]{3,}(?:\s+و?ال[\u0621-\u064a]{3,})?)")
# What a state's companies make, between «شركات» and the state («شركات تسليح فرنسية»).
_COMPANIES_FIELDS = {
    "تسليح": "arms",
    "اسلحه": "arms",
    "دفاع": "defence",
    "طيران": "aviation",
    "تصنيع": "manufacturing",
    "صناعه": "manufacturing",
}
# A nationality adjective in the plural or the dual, of two nouns before it («النرويجيين»).
_PLURAL_ADJECTIVE = ("يين", "يتين", "يتان", "يان")
_QUALIFIED = set(QUALIFIED_INSTITUTIONS)
# (a ministry named by the institution it is of: «وزارة القوات المسلحة الفرنسية»)
_OF_BODIES = set(OF_INSTITUTIONS) | {normalize("وزارة")}
_BELONGING = set(BELONGING)
# "سفارة الإمارات لدى الولايات المتحدة": the state an embassy is in.
# A name of one or two words in quotation marks or brackets right after another's: its other name.
_QUOTED_AFTER = re.compile(r"\s*[«\"“”(]\s*([\u0621-\u064a]{3,}(?: [\u0621-\u064a]{3,})?)\s*[»\"”)]")
_ACCREDITED = {normalize(w) for w in ("لدى", "في")}
# A body's Latin initials in brackets right after its name («... السويدية (FMV)»).
_INITIALS = re.compile(r"\s*\(([A-Z]{2,8})\)")
# A state's naval forces, named also as its navy ("البحرية المصرية").
_NAVAL_FORCES = [normalize(w) for w in ("القوات", "البحرية")]
# A Latin name in brackets right after a name («...» (Norinco)).
_LATIN_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.-]+(?: [A-Z][A-Za-z&.-]+){0,3})\s*\)")
_NAVY = normalize("البحرية")
_INFANTRY = normalize("مشاة")
_ROYAL = normalize("الملكية")
# (a guard and a gendarmerie are forces too: «قائد الحرس الجمهوري», «قائد الدرك الوطني»)
_FORCES_NOUNS = {normalize(w) for w in ("قوات", "سلاح", "قيادة", "حرس", "درك")}
# Initials spelled as single letters apart, after a space or a bracket and before a space or
# a mark («د ب أ:»، «(أ.ف.ب)»); not after a slash or a dash, a model's suffix («ت-90 س/س ك»).
_LETTERS_RUN = re.compile(r"(?<![^\s(\[])[\u0621-\u064a](?:[ .][\u0621-\u064a]){1,3}(?![^\s:؛،.)\]])")
# The agencies news credits by Arabic initials, as they write them in English.
_AGENCY_INITIALS = {
    normalize(k): v
    for k, v in {
        "أ ف ب": "AFP",
        "د ب أ": "dpa",
        "أ ش أ": "MENA",
        "أ ب": "AP",
        "ي ب أ": "UPI",
    }.items()
}
# A dateline's agency in brackets: a place of one or two words opening a line, its date after
# a comma or a dash or nothing, the agency's name in brackets (Arabic words, or Latin ones),
# then a colon or a dash («جاكرتا (معراج) –», «بيروت، 3 مايو (إفي):», «باريس - (AFP) -»).
_DATELINE_AGENCY = re.compile(
    r"^\s*[\u0621-\u064a]+(?: [\u0621-\u064a]+)?\s*(?:[،,][^()\n:]{0,30}?\d[^()\n:]{0,30}?|[\-–—])?\s*"
    r"\(\s*([\u0621-\u064a]{2,}(?: [\u0621-\u064a]{2,}){0,3}|[A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?)\s*\)"
    r"\s*[:\-–—_]"
)
# The same agency signing the text off: its name in brackets closing the last line («...(إفي)»).
_SIGN_OFF_AGENCY = re.compile(
    r"[.!\u0621-\u064a\"”»]\s*\(\s*([\u0621-\u064a]{2,}(?: [\u0621-\u064a]{2,})?)\s*\)\s*\.?\s*$"
)
# A shipyard and its place: «حوض بناء السفن بكراتشي», «حوض بناء السفن في غدانسك».
_SHIPYARD = re.compile(r"(?<![\u0621-\u064a])حوض بناء السفن (?:ب|في )([\u0621-\u064a]{3,})")
# A photo's credit line: «© AP Photo / Mindaugas Kulbis /» (the agency, the photographer).
_PHOTO_CREDIT = re.compile(
    r"©\s*([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}?)\s+Photo\b\s*(?:/\s*([A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2})\s*(?=/|$|\n))?"
)
# A photo's credit in brackets: the photographer, a slash, the agency
# («(جاك ديمارثون/فرانس برس)», «(تصوير: أحمد سمير / رويترز)»).
_BRACKETED_CREDIT = re.compile(
    r"\((?:تصوير\s*:?\s*)?([\u0621-\u064a]+(?: [\u0621-\u064a]+){1,2})\s*/\s*"
    r"(?:[\u0621-\u064a]+(?: [\u0621-\u064a]+){0,2}|[A-Za-z][\w. ]{1,20})\s*\)"
)
# Kinship words inside a name: the word after one is a name's («بن سلمان», «أبو عريف»).
_KIN = ("ابو", "بن", "ابن", "بنت", "ام", "ال")
_GIVEN = {normalize(w) for w in GIVEN_NAMES}
_SERVANT = "عبد"  # «عبد الله»: a name's first word in construct, as a kin word is
_KIN_OR_SERVANT = {_SERVANT, *_KIN} - {"ال"}
# A name in Latin letters: capitalized words, the small words of names between them
# ("Saba News Agency", "Agence France-Presse", "The Washington Post").
_LATIN_NAME = r"[A-Z][\w'&.-]*(?:[ -](?:(?:of|the|and|de|du|des|la|le|al|el|in)[ -])*[A-Z][\w'&.-]*)*"
# Words of many media's names, that tell none apart.
_CREDIT_WORDS = {"agency", "agence", "press", "times", "daily", "media", "ministry", "television"}
_BARE_DATELINE_AGENCY = re.compile(
    r"^\s*([\u0621-\u064a]+(?: [\u0621-\u064a]+)?)\s*[-–—/]\s*"
    r"([\u0621-\u064a]{2,}|[\u0621-\u064a](?: [\u0621-\u064a]){1,3})\s*(?::|$)"
)
# A picture's caption on a line of its own («صورة أرشيفية», «صورة تعبيرية»): no byline.
_CAPTION_WORDS = {normalize(w) for w in ("صورة", "أرشيفية", "تعبيرية", "أرشيف", "تصوير")}
# A byline alone on its line: the lead under it runs at least this many words.
_LEAD_WORDS = 12
# A photo's credit after «Photo :»: «Photo : YONHAP News», «Photo: Reuters» (the agency).
_PHOTO_BY = re.compile(r"\bPhoto\s*:\s*([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2})")
# An outlet named in Latin letters after a medium's noun or a page's «المصدر:» («لمجلة This
# Week in Asia», «المصدر: New Straits Times»): capitalized words, small ones between them.
_LATIN_OUTLET = re.compile(
    r"(?<![\u0621-\u064a])" + CLITICS_RE + r"(?:صحيفة|مجلة|جريدة|وكالة|قناة|موقع|المصدر\s*:)\s*[“\"«]?"
    r"([A-Z][\w'&.-]*(?:\s+(?:(?:in|of|the|and|on|for|de|du|al)\s+)*[A-Z][\w'&.-]*){0,5})"
)
_LATIN_OUTLET_CUE = "an outlet named in Latin letters"
# A page's call to follow it on a platform: «تابعنا عبرTelegram», «تابعونا على تويتر».
_FOLLOW_US = re.compile(r"تابع(?:نا|ونا)\s+(?:عبر|على)\s*([A-Za-z][\w]+|[\u0621-\u064a]{4,})")
# An embedded post's signature line: a dash, the account's name, its handle in brackets, the
# date («— المتحدث العسكري (@EgyArmySpox) August 2, 2021»).
_POST_SIGNATURE = re.compile(r"^\s*[—–-]\s*([^\n()@]{2,60}?)\s*\(@(\w{2,30})\)\s*[^\n]{0,40}$", re.M)
# The kind of site a platform is ("موقع التواصل الاجتماعي فيسبوك"): its name comes after.
_SOCIAL_MEDIA = [normalize(w) for w in ("التواصل", "الاجتماعي")]


def _letter_word(word: str) -> bool:
    """A designation's letter name as news writes it, the article on it or not («إف»,
    «الإف», «الجي»); the article alone drawn out («الـ 20») is none."""
    if "ـ" in word:
        return False
    return is_letter_name(word) or (word.startswith("ال") and len(word) > 3 and is_letter_name(word[2:]))


def _spaced_designations(segment: str) -> list[re.Match[str]]:
    """The spaced designations of a segment, each tried again a word on when the words before
    the number are not all letter names: in «من طراز إف 16» the match «من طراز إف 16» is none,
    «إف 16» is."""
    found, pos = [], 0
    while (m := _SPACED_DESIGNATION.search(segment, pos)) is not None:
        words = m.group("letters").split(" ")
        if all(is_letter_name(w) for w in words) or len(words) == 1:
            found.append(m)
            pos = m.end()
        else:
            pos = m.start("letters") + len(words[0]) + 1
    return found


@functools.cache
def _count_words() -> dict[str, int]:
    return {normalize(k): v for k, v in number_words().items() if not k.isascii()}


# A word that tells a clause, not a name: the passive's auxiliary ("تم الاتفاق عليها"), a
# preposition carrying a pronoun ("عليها", "بموجبه", "لها"), a number or its scale ("تبلغ
# قيمته مليار"). A new name romanized whole has none of them.
_AUXILIARIES = {normalize(w) for w in ("تم", "يتم", "سيتم", "جرى", "يجري")}
# (with the conjunction written onto it: "وعليها", "فيه"); never a word of a name either.
_WITH_PRONOUN = re.compile(
    f"{CONJUNCTION_RE}"
    r"(?:علي|عل|ل|ب|من|عن|في|الي|لدي|مع|عند|بين|بموجب|حول|ضد|خلال)(?:هما|هم|هن|ها|ه|نا|كم)"
)


@functools.lru_cache(maxsize=1)
def _known_companies() -> dict[str, str]:
    """The companies' glossary by each normalized form: its English name."""
    return {normalize(f): english for english, forms, _ in KNOWN_COMPANIES for f in forms}


def _clause_word(key: str, person: bool = False) -> bool:
    """Whether a word (normalized) is one a clause has and a name has not. A person's name
    may read as a short function word ("لي", "ما", "هو", "علي", "فان"): for a person only
    the auxiliary, a preposition with its pronoun and a number count."""
    return (
        key in _AUXILIARIES
        or any(rx.match(key) for rx, _ in _SCALES)
        or key in _count_words()
        or _WITH_PRONOUN.fullmatch(key) is not None
        or (
            not person
            # («إي كا أم», «بي زيد»: a designation's letters; «5 و10»: two models joined)
            and not is_letter_name(key)
            and key not in CONJUNCTIONS
            and (key in _FUNCTION_WORDS or is_stopword(key))
        )
    )


def _worded_designations(segment: str) -> list[tuple[int, int, str, str]]:
    """A model designation whose number is written in words («إف خمسة وثلاثين», «إف-ستة
    عشر»): where it starts and ends in `segment`, its form in digits («إف-35») and its English
    (F-35). One or two letter names (not a word of grammar: «إن», «في»), a space or a dash,
    then a count in words, the longest that reads as one."""
    found: list[tuple[int, int, str, str]] = []
    counts = _count_words()
    words = list(re.finditer(r"[\w-]+", segment))
    i = 0
    while i < len(words):
        first = words[i].group(0)
        if "-" in first:
            letters_text, _, rest = first.partition("-")
            parts = [(letters_text, words[i].start()), (rest, words[i].start() + len(letters_text) + 1)]
        else:
            parts = [(first, words[i].start())]
        letter = parts[0][0]
        if not is_letter_name(letter) or normalize(letter) in _FUNCTION_WORDS or is_stopword(letter):
            i += 1
            continue
        # the words of the count: the rest after a dash, then the next words
        tail = [p for p in parts[1:] if p[0]] + [(w.group(0), w.start()) for w in words[i + 1 : i + 3]]
        for n in (2, 1):
            number = tail[:n]
            if len(number) < n or not all(re.fullmatch(r"[\u0621-\u064a]+", x) for x, _ in number):
                continue
            key = normalize(" ".join(x for x, _ in number))
            before = [normalize(w) for w in re.findall(r"[\u0621-\u064a]+", segment[: parts[0][1]])[-3:]]
            named = (
                len(parts) > 1
                or re.search(r"[«\"“]\s*$", segment[: parts[0][1]]) is not None
                or any(_weapon_head(w) or w in ("طراز", "نوع") for w in before)
            )
            if key in counts and named:
                # (a dash, a quotation mark or a weapon's noun before it: a model, not «في ثلاثة»)
                value = counts[key]
                end = number[-1][1] + len(number[-1][0])
                found.append((parts[0][1], end, f"{letter}-{value}", designation_name([letter], str(value))))
                break
        i += 1
    return found


def _designation_english(m: re.Match[str], letters: list[str], offset: int) -> tuple[str, int]:
    """A designation's English and where it ends: a letter's name after the number is its
    suffix ("مي 28 ان": Mi-28N); another word is not the designation's."""
    suffix = m.groupdict().get("suffix")
    english = designation_name(letters, m.group("number")) + (m.groupdict().get("latin") or "")
    if suffix is None:
        return english, offset + m.end()
    letter = designation_name([suffix], "").rstrip("-")
    if is_letter_name(suffix) and len(letter) == 1:
        return english + letter, offset + m.end()
    return english, offset + m.end("number")


# A variant's letters written after a designation as letter names, a figure run into one
# or two joined by a slash («اف-16 ايه/ب»: F-16A/B, «ام1 اي2 كي»: M1A2K).
_VARIANT_TOKEN = re.compile(
    r"[ \t]+(?P<letters>[\u0621-\u064a]{1,3})(?P<figure>[0-9]{1,2})?(?:/(?P<other>[\u0621-\u064a]{1,3}))?"
    r"(?![\w/-])"
)
# A model's own name in Latin letters after its Latin designation, one or two capitalized
# words, never its block («JF-17 Thunder Block III», «AH-64 Apache», «F-16 Fighting Falcon»).
_LATIN_MODEL_NAME = re.compile(
    r"[ \t]+(?P<name>(?!Block\b)[A-Z][a-z]{2,}(?:[ \t]+(?!Block\b)[A-Z][a-z]{2,})?)(?![\w-])"
)
# A variant's letters written as letter names joined by dots («سو-30 إس.إم.إي»: Su-30SME,
# «إم.كيه.إيه»: MKA), the way Arabic news writes a Latin acronym letter by letter.
_DOTTED_VARIANT = re.compile(
    r"[ \t]+(?P<letters>[\u0621-\u064a]{1,3}(?:\.[\u0621-\u064a]{1,3}){1,4})(?![\w/.-])"
)
# A designation's block after it, in Latin or Arabic letters, its number in digits or Roman
# numerals, a variant's letter name after it («F-16C Block 70», «بلوك 3 ايه», «Block III»).
_BLOCK_AFTER = re.compile(
    r"[ \t]+(?:Block|بلوك)[ \t]*(?P<number>[0-9]{1,3}|[IVX]{1,4})(?:[ \t]+(?P<letters>[\u0621-\u064a]{1,3}))?(?![\w/-])"
)
_PHRASE_END = re.compile(r"\s*(?:[)»\"”.,،؛:]|$)")


def _variant_after(text: str, end: int) -> tuple[str, int]:
    """The variant's letters after a designation ending at `end`, in English, and where they
    end: up to three letter names (not a word of grammar: «في», «أي»), a letter's name alone
    only where the phrase ends after it (a mark, a bracket) or more letters follow."""
    dotted = _DOTTED_VARIANT.match(text, end)
    if dotted is not None:
        # «سو-30 إس.إم.إي»: a Latin acronym written letter name by letter name, dots between
        names = dotted.group("letters").split(".")
        if all(is_letter_name(n) and normalize(n) not in _FUNCTION_WORDS for n in names):
            return "".join(designation_name([n], "").rstrip("-")[:1] for n in names), dotted.end()
    found: list[tuple[str, int, bool]] = []  # (English, end, marked by a figure or a slash)
    pos = end
    while len(found) < 3 and (m := _VARIANT_TOKEN.match(text, pos)) is not None:
        letters, other = m.group("letters"), m.group("other")
        if normalize(letters) in _FUNCTION_WORDS or not is_letter_name(letters):
            break
        if other is not None and not (is_letter_name(other) or len(other) == 1):
            break
        english = designation_name([letters], "").rstrip("-")[:1] + (m.group("figure") or "")
        if other is not None:
            english += "/" + (designation_name([other], "").rstrip("-")[:1] or other)
        found.append((english, m.end(), bool(m.group("figure") or other)))
        pos = m.end()
    while found and not found[-1][2] and not _PHRASE_END.match(text, found[-1][1]):
        found.pop()  # «إف-16 أي ما يعادل»: a word after it, no variant
    return "".join(f[0] for f in found), (found[-1][1] if found else end)


def _a_loanword(key: str) -> bool:
    """A foreign name written in Arabic letters («يوروكوبتر»، «فينمكانيكا»، «ليوناردو»): five
    letters or more, two long vowels or more inside it (a loanword writes its vowels), with
    neither the article nor an Arabic noun's or adjective's ending (ة، ية، ات)."""
    return (
        len(key) >= 5
        and not _definite(key)
        and not key.endswith(("ه", "ات", "ين", "ون"))
        and sum(ch in "اوي" for ch in key[1:]) >= 2
        and not re.search(r"[0-9٠-٩]", key)
    )


def _purpose_key(key: str) -> str:
    """«للتطوير» as the glossary has it, «التطوير» (what a general body is for)."""
    return strip_clitic(key, -1) if key.startswith("لل") else key


def _proclitic_cut(key: str, proclitics: tuple[str, ...]) -> int | None:
    """The cut (`clitic_cuts`') of one of `proclitics` on `key`, None when none is on it;
    «لل» read as ل + the article first («للقوات»: «القوات»)."""
    cuts = sorted(clitic_cuts(key), key=lambda c: c != -1)
    return next((c for c in cuts if c and (key[:1] if c == -1 else key[:c]) in proclitics), None)


def _in_body(key: str) -> bool:
    """«ب» on an institution's noun («بوزارة»): the body another is in, after its name."""
    cut = _proclitic_cut(key, ("ب",))
    return cut is not None and cut > 0 and any(p.opens(strip_clitic(key, cut)) for p in _INSTITUTIONS)


def _state_kind(key: str) -> bool:
    """A state's kind with ب or ل on it («بجمهورية», «للمملكة»): a long name follows."""
    cut = _proclitic_cut(key, PREPOSITIONS)
    return cut is not None and strip_clitic(key, cut).removeprefix(ARTICLE) in _STATE_KINDS


# A word with the article, a conjunction or preposition before it («والدفاع», «بالوكالة»).
_WITH_ARTICLE = re.compile(f"^{CONJUNCTION_RE}{PREPOSITION_RE}{ARTICLE}")
# A word with the article or «لل», a conjunction before it: a definite noun's next word.
_ARTICLE_OR_LAM = re.compile(f"^{CONJUNCTION_RE}(?:{ARTICLE}|لل)")
# A word no name opens with: «بال», «لل» (a conjunction before them) or «لت».
_NO_NAME_OPENING = re.compile(f"^(?:{CONJUNCTION_RE}" + r"(?:بال|لل)|لت)")
# The article at a word's start, a conjunction or preposition written onto it («والدفاع»,
# «بالوكالة», «للدفاع»); with three letters after it, a definite word (`_definite`).
_ARTICLE_AT_START = re.compile(f"^{CONJUNCTION_RE}(?:{PREPOSITION_RE}{ARTICLE}|لل)")
_DEFINITE = re.compile(_ARTICLE_AT_START.pattern + r"\w{3}")


def _definite(key: str) -> bool:
    """A word with the article, a proclitic before it or not (الروسي, والوفد, للدفاع), and a
    stem of three letters after it (never وكالة read as و + ك + ال + ه)."""
    return _DEFINITE.match(key) is not None


def _weapon_head(word: str) -> bool:
    return word in _WEAPON_HEADS or (word.startswith("ال") and word[2:] in _WEAPON_HEADS)


# A father's or a son's word after a name («جورج بوش الابن»): a part of it.
_KIN_OF_HEAD = {normalize(w) for w in ("الابن", "الأب")}


@functools.cache
def _state_names() -> StateNames:
    return StateNames.load()


class _Proposals(_Base):
    """Candidate entities for the names the store does not know."""

    new_entities: list[dict[str, Any]]
    _new_names: dict[str, str]
    outlet_id: str | None = None  # the article's own outlet (`--outlet`), once known

    def _verbal_noun(self, key: str) -> bool:
        """`derived_verbal_noun`, but no word of a person's name the store knows («تسنيم»)."""
        if not derived_verbal_noun(key):
            return False
        words = getattr(self, "_person_name_words", None)
        if words is None:
            words = {
                word
                for key_, entries in self.linker.by_key.items()
                if any(self.linker.types.get(eid) == "person" for eid, _ in entries)
                for word in key_.split(" ")
            }
            self._person_name_words = words
        return key not in words

    def _start_proposals(self) -> None:
        self._sentence_keys: dict[int, list[str]] = {}
        self.new_entities = []
        self._new_names = {}
        self._spellings = Spellings.of(list(self.linker.entities.values()))
        self._respelled: list[tuple[str, str]] = []  # (a spelling, the store's entity it is)
        self.state_of: dict[str, str] = {}  # a proposed institution -> the state it is of
        self._company_spans: list[tuple[int, int]] = []  # names proposed after a company's noun
        self.byline_span: tuple[int, int] | None = None  # a byline inside the first sentence
        self._owned_by_state: set[str] = set()  # those named by their state's name (حكومة كوريا)
        self._store_names = Lexicon(
            e for e in self.linker.entities.values() if e.get("type") not in ("country", "city")
        )

    def _headline_institutions(self, clause: Clause, mentions: list[Mention]) -> bool:
        """A state's bodies a headline names by their noun and the state's adjective («الجيش
        المصري يعلن ...»): the reader lists them though the body may name them otherwise
        ("المتحدث العسكري"). True when the headline gave a new one."""
        before = len(self.new_entities) + len(self._respelled)
        strong = [(m.start, m.end) for m in mentions if not m.weak]
        self._institutions(clause, lambda s, e: any(a < e and s < b for a, b in strong), mentions)
        return len(self.new_entities) + len(self._respelled) > before

    def _candidate_entities(self, clause: Clause, mentions: list[Mention]) -> bool:
        """Names the store does not know: in quotation marks, after a title and a comma
        ("الوزير الروسي، سيرغي شويغو"), or right after a medium's noun ("صحيفة كوميرسانت").
        True when the clause gave a new one."""
        before = len(self.new_entities) + len(self._respelled)
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        linked = [(m.start, m.end) for m in mentions]

        def known(s: int, e: int) -> bool:
            return any(a < e and s < b for a, b in linked)

        def described(k: int, i: int) -> bool:
            """Whether the words between a weapon's noun at `k` and a name at `i` are its
            phrase's, all definite («الدفاع الجوي الكورية»), with no mark between them."""
            between = keys[k + 1 : i]
            end = words[i - 1].end if i > 0 else words[k].end
            return (
                0 < len(between) <= 5
                and all(w.startswith("ال") for w in between)
                and not re.search(r"[،,.:؛()]", text[words[k].end : end])
            )

        def kind_before(i: int) -> str:
            for k in range(i - 1, max(-1, i - 7), -1):
                if any(p.opens(keys[k]) for p in _TITLES):
                    return "person"
                if any(p.opens(keys[k]) for p in _MEDIA):
                    return "organization"
                for p in _KIND_NOUNS:
                    kind = KIND_TYPES.get(p.text, "unclassified")
                    if p.opens(keys[k]) and (kind != "weapon_system" or k == i - 1 or described(k, i)):
                        # a weapon's kind noun names only the name right after it, or after
                        # the words of its phrase («منظومة الدفاع الجوي الكورية الحديثة "كام سام"»)
                        return kind
            return "unclassified"

        for m in re.finditer(
            # (”…”: a closing mark on both sides, as many Arabic pages type them)
            r"«([^«»\n]{2,60})»|\"([^\"\n]{2,40})\"|“([^”\n]{2,40})”|”([^”“\n]{2,40})”",
            text[clause.start : clause.end],
        ):
            s = clause.start + m.start() + 1
            e = clause.start + m.end() - 1
            name = text[s:e].strip()
            latin = _LATIN_AFTER.match(text, e + 1)
            if (
                latin is not None
                and name
                and 1 < len(name.split()) <= 6
                and _company_noun(normalize(name).split()[0])
            ):
                # «مجموعة صناعات شمال الصين» (Norinco): a company's Arabic name quoted whole,
                # its own Latin name in brackets after it (the English one)
                self._new_entity(
                    name,
                    "organization",
                    "a company quoted, its Latin name in brackets after",
                    english=latin.group(1),
                    aliases=[text[s - 1 : latin.end()], latin.group(1)],
                )
                continue
            if known(s, e) or not 1 <= len(name.split()) <= 5 or not re.search(r"[^\W\d_]", name):
                continue
            spelled = name.split(".")
            if len(spelled) > 1 and all(is_letter_name(x) for x in spelled):
                # «دي.سي.إن.إس»: letters spelled out with dots, an acronym (DCNS)
                english = designation_name(spelled, "").rstrip("-")
                first = next((k for k, w in enumerate(words) if w.start >= s), len(words))
                acronym_kind = kind_before(first)
                acronym_kind = acronym_kind if acronym_kind != "unclassified" else "organization"
                self._new_entity(name, acronym_kind, "an acronym in quotation marks", english=english)
                continue
            first = next((k for k, w in enumerate(words) if w.start >= s), len(words))
            medium = (
                first > 0
                and any(p.opens(keys[first - 1]) for p in _MEDIA)
                and not re.search(r"[،,.:؛]", text[words[first - 1].end : s])
            )
            if medium:
                # «مجلة "در شبيغل"», «وكالة "إنترفاكس – آ في أن"»: a medium's noun, then its
                # name quoted whole (its words may read as function words: «في» is V)
                self._new_entity(
                    name,
                    "organization",
                    "a medium's name in quotation marks after its noun",
                    english=masthead_english(name),
                    aliases=self._medium_forms(words, first - 1, name),
                )
                if (made := self._new_names.get(normalize(name))) is not None:
                    self.media.add(made)
                continue
            if any(w in _FUNCTION_WORDS for w in normalize(name).split()):
                continue  # a quoted phrase, not a name
            if re.search(r"[0-9٠-٩]", name) and any(
                rx.match(w) for w in normalize(name).split() for rx, _ in (*_SCALES, *_UNITS)
            ):
                continue  # «تبلغ قيمتها 3.75 مليار يورو»: a quoted amount, not a name
            first = next((k for k, w in enumerate(words) if w.start >= s), len(words))
            kind = kind_before(first)
            after_kind = first > 0 and any(p.opens(keys[first - 1]) for p in _KIND_NOUNS)
            after_kind = after_kind or kind == "weapon_system"  # (after its phrase's words)
            # «شركة الدفاع السويدية "ساب"»: a company's noun, its field and its state's
            # adjective (all definite, no mark), then its name quoted: the company, named in
            # English as the field's glossary names it with its state's adjective, or romanized
            described_at = next(
                (
                    k
                    for k in range(max(0, first - 6), first - 1)
                    if _company_noun(keys[k]) and described(k, first)
                ),
                None,
            )
            if described_at is not None and kind == "organization" and _ARABIC_WORD.search(name):
                adjective = next(
                    (keys[k] for k in range(first - 1, described_at, -1) if self._state_adjective(keys[k])),
                    None,
                )
                glossary = _known_companies()
                known_as = glossary.get(normalize(name)) or glossary.get(f"{normalize(name)} {adjective}")
                whole = _with_noun(text, words[described_at], words[described_at + 1].start, e + 1)
                self._new_entity(
                    name,
                    "organization",
                    "a company's name quoted after its noun, field and state",
                    english=known_as or loanword_english(name),
                    aliases=[whole, " ".join(x.strip('«»"“”') for x in whole.split())],
                )
                continue
            latin_company = re.fullmatch(r"[A-Z][A-Za-z0-9&-]+", name) is not None and any(
                _company_noun(keys[k]) and not re.search(r"[،,.:؛]", text[words[k].end : s])
                for k in range(max(0, first - 4), first)
            )
            if latin_company:
                # «شركة الصواريخ الفرنسية “MBDA”»: a Latin name quoted after what company it is
                self._new_entity(
                    name, "organization", "a company's Latin name in quotation marks", english=name
                )
                continue
            if len(name.split()) == 1 and not after_kind:
                if self._platform(keys, first):
                    self._new_entity(name, "organization", "where it was written (كتب على «...»)")
                continue  # one quoted word is emphasis ("تعزيز") unless a noun says what it names
            if not after_kind and not self._looks_like_a_name(normalize(name).split()):
                continue  # a quoted sentence ("تم تسديد دفعة أولى"), not a name
            worded = _worded_designations(f"«{name}»")
            if worded and worded[0][0] == 1 and worded[0][1] == len(name) + 1:
                # «إف خمسة وثلاثين»: a model designation with its number in words (F-35)
                self._worded_model(name, worded[0][2], worded[0][3], "in quotation marks, ")
                continue
            head = _DESIGNATION.match(name)
            variant, stop = _variant_after(name, head.end()) if head is not None else ("", 0)
            if head is not None and variant and stop == len(name):
                # «"سو-30 إس.إم.إي"»: a model designation and its variant's letters (Su-30SME)
                english, _ = _designation_english(head, head.group("letters").split(" "), 0)
                self._new_entity(
                    name, "weapon_system", "model designation in quotation marks", english=english + variant
                )
                continue
            designation = _DESIGNATION.fullmatch(name) or _SPACED_DESIGNATION.fullmatch(name)
            if designation is not None and (
                _DESIGNATION.fullmatch(name)
                or all(is_letter_name(w) for w in designation.group("letters").split())
            ):
                # «إس-300»: a model designation, named as one (S-300)
                english, _ = _designation_english(designation, designation.group("letters").split(" "), 0)
                self._new_entity(
                    name, "weapon_system", "model designation in quotation marks", english=english
                )
                continue
            loanword = kind == "weapon_system" and _ARABIC_WORD.fullmatch(normalize(name)) is not None
            self._new_entity(
                name, kind, "name in quotation marks", english=loanword_english(name) if loanword else None
            )
        for i in range(len(keys) - 2):
            # "نشر على حسابه على فيسبوك": the platform an account or a page is on.
            if (
                re.match(r"^(?:ب|و)?(?:حساب|صفح)", keys[i])
                and keys[i + 1] in ("علي", "عبر", "في")
                and keys[i + 2] not in _FUNCTION_WORDS
                and not _definite(keys[i + 2])
                and not re.search(r"[0-9٠-٩]", keys[i + 2])
                and not known(words[i + 2].start, words[i + 2].end)
                and self._looks_like_a_name([keys[i + 2]])
                and any(_WRITING.match(k) for k in keys[:i])
            ):
                written = text[words[i + 2].start : words[i + 2].end]
                self._new_entity(
                    written,
                    "organization",
                    "where it was written (حسابه على ...)",
                    english=platform_english(written),
                )
        for i in range(1, len(keys) - 1):
            # «وقال في منشور على فيسبوك “...”», «ونشرت الوزارة على إكس أن ...»: the platform a
            # post is on, one word after على/عبر (or after its noun: «على تطبيق إكس») in a
            # clause that tells of posting, the word closed by a mark or by what was posted («أن»)
            at = i + 2 if keys[i + 1] in _PLATFORM_NOUNS and i + 2 < len(keys) else i + 1
            closed = at + 1 == len(keys) or (
                re.search(r"[،,.:؛«»\"“”()]", text[words[at].end : words[at + 1].start]) is not None
                or keys[at + 1] in ("ان", "إن")
            )
            if (
                keys[i] in ("علي", "عبر")
                and closed
                and keys[at] not in _FUNCTION_WORDS
                and not keys[at].startswith("ال")
                and not re.search(r"[0-9٠-٩]", keys[at])
                and not known(words[at].start, words[at].end)
                and self._looks_like_a_name([keys[at]])
                and any(_WRITING.match(k) for k in keys[:i])
            ):
                written = text[words[at].start : words[at].end]
                if normalize(written) in self._new_names:
                    continue
                self._new_entity(
                    written,
                    "organization",
                    "where a post was written (على ...)",
                    english=platform_english(written),
                    aliases=[text[words[i + 1].start : words[at].end]] if at > i + 1 else None,
                )
                if (made := self._new_names.get(normalize(written))) is not None:
                    self.media.add(made)  # where the words were posted: the account's via, no speaker
        for i, k in enumerate(keys):
            # A medium's noun and its name ("صحيفة كوميرسانت"); a title's name is `titles`'.
            if not any(p.opens(k) for p in _MEDIA):
                continue
            if _WITH_ARTICLE.match(k):
                continue  # "الوكالة": the agency already named, not a new one
            if any(p.opens(x) for x in keys[max(0, i - 4) : i] for p in _OFFICE_HEADS):
                continue  # "وزير الدفاع وكالة": an acting minister, not an agency
            if i + 1 < len(keys) and _definite(keys[i + 1]) and institution_word(keys[i + 1]):
                continue  # «وكالة التطوير الدفاعي»: an institution's words, `_institutions`'
            opens = i + 1
            if keys[opens : opens + 2] == _SOCIAL_MEDIA:
                # "بموقع التواصل الاجتماعي فيسبوك": the kind of site, then the platform's name
                opens += 2
            end = opens
            # («صحيفة بوبليكو اليومية الخميس»: a day after the name is when, no word of it)
            while (
                end < len(keys)
                and end - opens < 3
                and keys[end] not in _FUNCTION_WORDS
                and (end == opens or keys[end] not in _NOT_IN_NAMES)
            ):
                if end > opens and re.search(r"[،,.:؛«»\"“”()]", text[words[end - 1].end : words[end].start]):
                    break
                end += 1
            if end == opens or (words[opens].start > 0 and text[words[opens].start - 1] in _QUOTES):
                continue  # (a name quoted after the noun is read whole, above)
            s, e = words[opens].start, words[end - 1].end
            if opens > i + 1:
                name = text[s:e]
                if not known(s, e) and len(normalize(name).split()) == 1:
                    self._new_entity(
                        name, "organization", "a social platform", english=platform_english(name)
                    )
                continue
            # «صحيفة (ديلي باكستان) الباكستانية»: a name in brackets after the noun is the
            # medium's whole name, though a state's name is among its words
            bracketed = (
                opens == i + 1
                and text[words[i].end : s].strip() == "("
                and text[e:].lstrip().startswith(")")
                and (s, e) not in linked
            )
            if bracketed or not known(s, e):
                name = text[s:e]
                forms = self._medium_forms(words, i, name)
                while (
                    end - opens >= 2
                    and keys[end - 1].startswith(ARTICLE)
                    and (self._state_adjective(keys[end - 1]) or keys[end - 1] in _MEDIUM_ADJECTIVES)
                ):
                    # «مجلة فوكوس الألمانية», «صحيفة بوبليكو اليومية»: the state's adjective, or
                    # how often it comes out, is no part of the name but a form of it
                    forms = [name, *forms]
                    end -= 1
                    name = text[s : words[end - 1].end]
                    forms += self._medium_forms(words, i, name)
                self._new_entity(
                    name,
                    "organization",
                    f"name after {text[words[i].start : words[i].end]}",
                    english=masthead_english(name),
                    aliases=forms,
                )
                if (made := self._new_names.get(normalize(name))) is not None:
                    self.media.add(made)  # a medium: the via of what it reports, no speaker
        self._designations(clause, known)
        self._model_after_type_word(clause, known)
        # A state's adjective qualifies a weapon ("الأسلحة الروسية"): only a name makes it known.
        named = [(m.start, m.end) for m in mentions if not m.weak]
        self._weapon_phrases(clause, lambda s, e: any(a < e and s < b for a, b in named))
        self._events(clause, known)
        self._included_items(clause, lambda s, e: any(a < e and s < b for a, b in named))
        strong = [(m.start, m.end) for m in mentions if not m.weak]
        # A nationality adjective qualifies an institution ("وزارة الدفاع الروسية"): only a
        # name makes it known.
        self._institutions(clause, lambda s, e: any(a < e and s < b for a, b in strong), mentions)
        self._dual_institutions(clause)
        self._coordinated_institutions(clause)
        self._state_media(clause)
        self._told_as_one(clause)
        self._military_spokesman(clause)
        self._coalitions(clause, mentions)
        self._movements(clause, strong)
        self._navies(clause, lambda s, e: any(a < e and s < b for a, b in strong))
        self._named_companies(clause, known)
        self._shipyards(clause, known)
        self._bracketed_companies(clause, known)
        self._loanword_companies(clause, known)
        self._companies(clause, known)
        return len(self.new_entities) + len(self._respelled) > before

    def bare_full_names(self) -> None:
        """A person named by a full name with no title before it («خليفة أنغيلا ميركل»): a
        given name opening a name (no name's word before it), then one or two words a name
        may hold (no article but after «عبد» or a kinship word, no function word, no mark
        between), none a state's adjective. Read after the article's clauses, so that the
        names titles and the store give, whole, are known first."""
        text = self.text
        for clause in clauses(text):
            words = clause.words
            keys = [w.key for w in words]
            if not any(strip_clitic(k, c) in _GIVEN for k in keys for c in clitic_cuts(k)):
                continue
            linked = [(m.start, m.end) for m in find_mentions(self.linker, text, words)]

            def known(s: int, e: int, linked: list[tuple[int, int]] = linked) -> bool:
                return any(a < e and s < b for a, b in linked)

            for i, k in enumerate(keys):
                cut = next((c for c in clitic_cuts(k) if strip_clitic(k, c) in _GIVEN), None)
                if cut is None or known(words[i].start, words[i].end):
                    continue
                if i and not re.search(r"[^\s]", text[words[i - 1].end : words[i].start]):
                    before = keys[i - 1]
                    if any(p.opens(before) for p in (*_TITLES, *_HONORIFICS, *_OFFICE_HEADS)):
                        continue  # a title's name: `titles`'
                    if before in _KIN_OR_SERVANT or strip_clitic(before, 0) in _GIVEN:
                        continue  # inside a name («محمد أحمد مرسي»: its first word opens it)
                end = i + 1
                while end < len(keys) and end - i < 4:
                    key, prior = keys[end], strip_clitic(keys[end - 1], cut if end == i + 1 else 0)
                    if re.search(r"[^\s]", text[words[end - 1].end : words[end].start]):
                        break  # a mark between
                    if key in _KIN_OR_SERVANT and key != _SERVANT and end + 1 < len(keys):
                        end += 1  # «محمد بن سلمان», «خالد أبو سمرة»: a kinship word inside the name
                        continue
                    # (a definite word after a kinship word, or a family name after «عبد ...»:
                    # «عبد الفتاح السيسي»)
                    compound = end == i + 2 and strip_clitic(k, cut) == _SERVANT
                    if (
                        not re.fullmatch(r"[\u0621-\u064a]+", text[words[end].start : words[end].end])
                        or key in _FUNCTION_WORDS
                        or is_stopword(key)
                        or key[:1] in CONJUNCTIONS  # «ولويس»: the next name, not this one's
                        or (_definite(key) and prior not in _KIN_OR_SERVANT and not compound)
                        or self._state_adjective(key) is not None
                        or known(words[end].start, words[end].end)
                        or not self._looks_like_a_name([key])
                        or any(p.opens(key) for p in (*_TITLES, *_OFFICE_HEADS, *_INSTITUTIONS, *_KIND_NOUNS))
                    ):
                        break
                    end += 1
                while end > i + 1 and keys[end - 1] in _KIN_OR_SERVANT:
                    end -= 1  # (no name ends in «بن»)
                if end == i + 1:
                    continue
                if strip_clitic(k, cut) == _SERVANT and end - i < 3:
                    continue  # «عبد الباسط»: one name (a family name alone), not a full one
                name = _after_clitic(text, words[i].start, words[end - 1].end, cut)
                key = normalize(name)
                if name and not any(key.startswith(p) for p in self._people_named()):
                    self._new_entity(name, "person", "a full name told bare (a given name first)")

    def _people_named(self) -> list[str]:
        """The names, two words or more, of the people the article names (the store's and
        the new ones), normalized."""
        return [
            normalize(n)
            for e in self.linker.entities.values()
            if e.get("type") == "person"
            for n in [e.get("name_ar") or "", *(e.get("aliases") or [])]
            if len(n.split()) >= 2
        ]

    def _medium_forms(self, words: list, at: int, name: str) -> list[str]:
        """A medium's name with its noun before it, the noun's proclitics cut off
        («لصحيفة الواشنطن بوست»: «صحيفة الواشنطن بوست»), as a form of its name."""
        key = normalize(self.text[words[at].start : words[at].end])
        for cut in clitic_cuts(key):
            noun = strip_clitic(key, cut).removeprefix(ARTICLE)
            if noun in MEDIA_NOUNS:
                return [
                    f"{_after_clitic(self.text, words[at].start, words[at].end, len(key) - len(noun))} {name}"
                ]
        return []

    def mastheads(self) -> None:
        """A foreign paper or channel named without its medium's noun, by a name that ends
        in a word such names end in («وبحسب جاكرتا غلوب», «ذكرت نيويورك تايمز»): the words
        before it that such names hold, else the one word before it that looks like a name."""
        words = _words(self.text, 0, len(self.text))
        keys = [w.key for w in words]
        for i, key in enumerate(keys):
            if i == 0 or not masthead_head(key):
                continue
            first = i
            while (
                first > 0
                and i - first < 3
                and masthead_word(keys[first - 1])
                and not masthead_head(keys[first - 1])
            ):
                first -= 1
            if first == i:
                k = keys[i - 1]
                bare = k.removeprefix("و")
                if (
                    k in _FUNCTION_WORDS
                    or len(bare) < 3
                    or any(p.opens(k) for p in (*_MEDIA, *_INSTITUTIONS, *_TITLES))
                    or not self._looks_like_a_name([k])
                    or is_stopword(k)
                    or re.search(r"[0-9٠-٩]", k)
                ):
                    continue
                first = i - 1
            if any(
                re.search(r"[،,.:؛«»\"“”()\n]", self.text[words[x].end : words[x + 1].start])
                for x in range(first, i)
            ):
                continue
            cut = next(
                (c for c in clitic_cuts(keys[first]) if c and masthead_word(strip_clitic(keys[first], c))), 0
            )
            name = _after_clitic(self.text, words[first].start, words[i].end, cut)
            if normalize(name) in self._new_names or self.linker.resolve(name, True, True):
                continue
            forms = self._medium_forms(words, first - 1, name) if first else []
            self._new_entity(
                name, "organization", "a foreign medium's name", english=masthead_english(name), aliases=forms
            )
            if (made := self._new_names.get(normalize(name))) is not None:
                self.media.add(made)

    def _named_companies(self, clause: Clause, known: Any) -> None:
        """A company's or an organization's noun and the foreign name after it, set off by
        a mark («شركة // (إم.بي.دي.إيه)», «منظمة ( هيومن راتس ووتش )», «وشركة // سافران
        للإلكترونيات والدفاع») or running to its state's adjective («شركة داسو أفياسيون
        الفرنسية»): up to three words a name may be, its field after لل and و with it.
        Letters spelled out with dots are an acronym (MBDA)."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        for i in range(len(keys) - 1):
            if not _company_noun(keys[i]) or _definite(keys[i]):
                continue
            opening = text[words[i].end : words[i + 1].start]
            marked = re.search(r"[/(«\"“]", opening) is not None
            end = i + 1
            while end < len(keys) and end - i <= 4:
                k = keys[end]
                spelled = is_letter_name(text[words[end].start : words[end].end])
                if end > i + 1 and re.search(r"[،,.:؛»\"”()/…]", text[words[end - 1].end : words[end].start]):
                    if not re.fullmatch(r"\.", text[words[end - 1].end : words[end].start]):
                        break  # (a dot between spelled-out letters goes on: «إم.بي.دي.إيه»)
                if spelled and marked:
                    end += 1  # a letter's name, spelled out
                    continue
                if (
                    k in _FUNCTION_WORDS
                    or _definite(k)
                    or k.startswith("لل")
                    or (k.startswith("و") and not (marked and end > i + 1))  # «هيومن راتس ووتش»
                    or k.endswith("يه")  # "شركة روسية": what it is, no name
                    or k in self.linker.adjectives
                    or self.linker.adjectives.get("ال" + k)
                    or re.search(r"[0-9٠-٩]", k)
                    or not self._looks_like_a_name([k])
                    or is_stopword(k)
                ):
                    break
                end += 1
            if end == i + 1 or (end - i - 1 > 3 and not marked):
                continue
            adjective = end < len(keys) and (
                self._state_adjective(keys[end]) is not None
                and not re.search(r"[،,.:؛()/]", text[words[end - 1].end : words[end].start])
            )
            closed = end - i - 1 >= 2 and (
                end == len(keys)
                or re.search(r"[،,.:؛]", text[words[end - 1].end : words[end].start]) is not None
            )
            # "من شركة لوكهيد مارتن،": two or three words a punctuation mark closes, none an
            # Arabic noun or adjective in ة (a transliterated name), are the company's name
            foreign = closed and not any(x.endswith("ه") for x in keys[i + 1 : end])
            if not marked and not (adjective and end - i - 1 >= 2) and not foreign:
                continue  # one word before the adjective is `_companies`'; else no mark, no name
            last = end
            if (
                last + 1 < len(keys)
                and keys[last].startswith("لل")
                and keys[last + 1].startswith("وال")
                and not re.search(r"[،,.:؛()/…]", text[words[last - 1].end : words[last + 1].start])
            ):
                last += 2  # "سافران للإلكترونيات والدفاع": its field is its name's
            s, e = words[i + 1].start, words[last - 1].end
            if known(s, e):
                continue
            letters = [text[w.start : w.end] for w in words[i + 1 : end]]
            if all(is_letter_name(x) for x in letters) and len(letters) > 1:
                english = designation_name(letters, "").rstrip("-")  # «إم.بي.دي.إيه»: MBDA
            else:
                english = loanword_english(text[s : words[end - 1].end])
                field = field_english(keys[end:last])
                english = f"{english} {field}" if field else english
            self._new_entity(
                text[s:e],
                "organization",
                "a company's noun and its name",
                english=english,
                aliases=[_with_noun(text, words[i], s, e)],
            )
            self._company_spans.append((s, e))

    def _shipyards(self, clause: Clause, known: Any) -> None:
        """A shipyard named by its place («حوض بناء السفن بكراتشي», «حوض بناء السفن في
        غدانسك»): the works, named in English by the place's name."""
        for m in _SHIPYARD.finditer(self.text, clause.start, clause.end):
            s, e = m.start(), m.end()
            place = m.group(1)
            if known(s, e) or normalize(place) in _FUNCTION_WORDS or _definite(normalize(place)):
                continue
            places = [x for x in self.linker.resolve(place, True, True) if self.linker.type_of(x) == "city"]
            where = (
                str(self.linker.entities[places[0]].get("name"))
                if places
                else english_name(place, self._spellings)
            )
            self._new_entity(
                m.group(0), "organization", "a shipyard named by its place", english=f"{where} Shipyard"
            )

    def _bracketed_companies(self, clause: Clause, known: Any) -> None:
        """A company's name in brackets after the phrase that says what company it is
        («الشركة المشترية لهذه الطائرات (تاك اير) الأمريكية»): one to three words with no
        article, a company's noun among the five words before the bracket."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        last = -1  # where the last company's bracket closed
        for m in re.finditer(
            r"\(\s*([\u0621-\u064a]+(?: [\u0621-\u064a]+){0,2})\s*\)", text[clause.start : clause.end]
        ):
            s, e = clause.start + m.start(1), clause.start + m.end(1)
            inside = normalize(m.group(1)).split()
            first = next((k for k, w in enumerate(words) if w.start >= s), len(words))
            # «شركتا (رايثيون) و(ماكيني)»: a second name in brackets joined to a company's
            joined = last >= 0 and re.fullmatch(r"\s*و\s*", text[last : clause.start + m.start()]) is not None
            # (what company it is between the noun and the bracket: «وقالت الشركة (رسميا)» has none)
            told = (
                joined
                or any(_company_noun(k) for k in keys[max(0, first - 5) : first - 1])
                # «شركتا (رايثيون)»: two companies' noun names them, right before the bracket
                or (first > 0 and re.search(r"شرك(?:تا|تي|تين|ات)$", keys[first - 1]) is not None)
            )
            if told and known(s, e):
                last = clause.start + m.end()  # a company the store knows, named in brackets
                continue
            if (
                not told
                or known(s, e)
                or any(_definite(k) or k in _FUNCTION_WORDS or is_stopword(k) for k in inside)
                or not self._looks_like_a_name(inside)
            ):
                continue
            last = clause.start + m.end()
            self._new_entity(
                m.group(1),
                "organization",
                "a company's name in brackets",
                english=loanword_english(m.group(1)),
            )

    def _loanword_companies(self, clause: Clause, known: Any) -> None:
        """A company's, a group's or a unit's noun and a foreign name written in Arabic
        letters right after it, with no mark around it («لشركة يوروكوبتر وحدة»، «لمجموعة
        فينمكانيكا الدفاعية»، «ووحدة ان.اتش اندستريز»، «شركة ليوناردو إس بي إيه الإيطالية»):
        a loanword (`_a_loanword`), letters spelled with dots, or letters' names after one."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        for i in range(len(keys) - 1):
            noun = keys[i]
            if _definite(noun):
                continue
            if not (_company_noun(noun) or _unit_noun(noun)):
                continue

            def gap(k: int) -> str:
                return text[words[k - 1].end : words[k].start] if 0 < k < len(words) else ""

            first = text[words[i + 1].start : words[i + 1].end]
            if _MARK.search(gap(i + 1)):
                continue  # «نائب الوزير وكالة، وقائد ...»: across a mark, the next phrase
            if not (_a_loanword(keys[i + 1]) or (is_letter_name(first) and gap(i + 2) == ".")):
                continue
            end = i + 1
            while end < len(keys) and end - i <= 4:
                spelled = is_letter_name(text[words[end].start : words[end].end])
                if (
                    end > i + 1
                    and re.search(r"[،,.:؛«»\"“”()/…]", gap(end))
                    and not (gap(end) == "." and spelled)
                ):
                    break
                after_letters = (
                    all(is_letter_name(text[w.start : w.end]) for w in words[i + 1 : end])
                    and re.fullmatch(r"[^\W\d_]{5,}", keys[end])
                    and not _definite(keys[end])
                )
                if not (
                    _a_loanword(keys[end])
                    or (spelled and (end > i + 1 or gap(end + 1) == "."))
                    or (end > i + 1 and after_letters and not keys[end].endswith("ه"))
                ):
                    break  # (a word after an acronym is its name's: «ان.اتش اندستريز»)
                end += 1
            s, e = words[i + 1].start, words[end - 1].end
            if known(s, e) or any(a <= s < b for a, b in self._company_spans):
                continue
            if end == i + 2 and self._described_company(clause, i, known):
                continue
            # Letters' names in a row are one acronym ("ان.اتش": NH); a loanword as it sounds.
            english: list[str] = []
            run: list[str] = []
            for w in [*words[i + 1 : end], None]:
                written = text[w.start : w.end] if w else ""
                if w and is_letter_name(written) and not _a_loanword(w.key):
                    run.append(written)
                    continue
                if run:
                    english.append(designation_name(run, "").rstrip("-"))
                    run = []
                if w:
                    english.append(loanword_english(written))
            forms = [_with_noun(text, words[i], s, e)]
            tail = e
            if end < len(keys) and not gap(end).strip() and self._state_adjective(keys[end]) is not None:
                tail = words[end].end  # «ميتسوبيشي اليابانية»: with its state's adjective
                forms.append(text[s:tail])
            name = text[s:e]
            if (field := _FULL_FIELD.match(text, tail)) is not None:
                # «... للصناعات الثقيلة»: its full name, and with its noun when no state's
                # adjective is between («شركة ... للصناعات»; the adjective names its state)
                forms.append(f"{text[s:tail]} {field.group(1)}")
                if tail == e:
                    forms.append(f"{_with_noun(text, words[i], s, e)} {field.group(1)}")
            elif (field := _CONSTRUCT_FIELD.match(text, tail)) is not None:
                # «شركة كوريا لصناعات الفضاء (KAI)»: its field in construct and its initials,
                # its full name as written, the initials alone its name too (and its first
                # word alone none, a state's name maybe: «كوريا»)
                name = f"{text[s:e]} {field.group(1)}"
                forms = [f"{_with_noun(text, words[i], s, e)}{text[e : field.end()]}", field.group(2)]
                english.append(f"({field.group(2)})")
            self._new_entity(
                name,
                "organization",
                "a company's noun and its foreign name",
                english=" ".join(english),
                aliases=forms,
            )
            self._company_spans.append((s, e))

    def _described_company(self, clause: Clause, i: int, known: Any) -> bool:
        """A company named by what it does and its state («وشركة تكنولوجيا الفضاء الصينية»:
        China Aerospace Science and Technology Corporation): its noun, a field's word, the
        field's definite words and the state's adjective, no mark between them; named whole
        with its noun, in English word by word."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]

        def joined(k: int) -> bool:
            return not text[words[k - 1].end : words[k].start].strip()

        end = i + 2

        def state_of(key: str) -> str | None:
            # (the store's state or CLDR's: the states the article names are proposed later)
            state = self._state_adjective(key)
            if state is not None:
                return str(self.linker.entities[state].get("name") or "")
            row = _state_names().adjectives.get(key)
            return row[2] if row is not None else None

        end = i + 2
        while end < len(keys) and end - i < 5 and joined(end) and _definite(keys[end]):
            if not institution_word(keys[end]) or state_of(keys[end]) is not None:
                break
            end += 1
        if end == i + 2 or end >= len(keys) or not joined(end):
            return False
        body = state_of(keys[end])
        if body is None:
            return False
        name = _with_noun(text, words[i], words[i + 1].start, words[end].end)
        s = words[end].end - len(name)
        if known(s, words[end - 1].end):  # (the state's adjective is a mention of the state)
            return False
        english = institution_english([normalize(w) for w in name.split()], body)
        self._new_entity(name, "organization", "a company named by its field and state", english=english)
        self._company_spans.append((s, words[end].end))
        return True

    def _companies(self, clause: Clause, known: Any) -> None:
        """A name the store lacks followed by a state's adjective in the feminine, with the
        article ("كاتيك الصينية", "نوفا الروسية"): a company or agency of that state. The
        name is one word no list of drafting's holds, that a name may be."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        named = self._company_spans
        for i in range(len(keys) - 1):
            # "شركة AVIC", "مجموعة Naval Group": a company's noun and a name in Latin letters.
            written = text[words[i + 1].start : words[i + 1].end]
            if _company_noun(keys[i]) and re.fullmatch(r"[A-Za-z][A-Za-z&.]*", written):
                end = i + 2
                while (
                    end < len(keys)
                    and end - i <= 3
                    and re.fullmatch(r"[A-Za-z][A-Za-z&.]*", text[words[end].start : words[end].end])
                    and text[words[end - 1].end : words[end].start].strip() == ""
                ):
                    end += 1
                name = text[words[i + 1].start : words[end - 1].end]
                if not known(words[i + 1].start, words[end - 1].end):
                    self._new_entity(
                        name, "organization", "a company's noun and its Latin name", english=name
                    )
            self._company_after_adjective(words, i, known)
            k, adjective = keys[i], keys[i + 1]
            if not (adjective.startswith("ال") and adjective.endswith("يه")):
                continue
            if self._state_adjective(adjective) is None or known(words[i].start, words[i].end):
                # («ديهل الألمانية»: a state named with the article, «ألمانيا», doubles it)
                continue
            if any(
                self.linker.type_of(e) == "country"
                for e in self.linker.resolve(text[words[i + 1].start : words[i + 1].end], True, True)
            ):
                continue  # "وتستخدم السعودية": a state's name (a verb's subject), no adjective
            if any(a <= words[i].start < b for a, b in named):
                continue  # the last word of a name just proposed whole ("داسو أفياسيون")
            if re.search(r"[،,.:؛«»\"“”()]", text[words[i].end : words[i + 1].start]):
                continue
            if (
                k in _FUNCTION_WORDS
                or len(k) < 3  # "جو الصيني": no name
                or re.search(r"ت(?:ها|ه|هم|هما)$", k)  # "ونظيرتها الفرنسية": its counterpart
                or _definite(k)
                or re.search(r"[0-9٠-٩]", k)
                or _weapon_head(k)
                or any(p.opens(k) for p in (*_KIND_NOUNS, *_INSTITUTIONS, *_MEDIA, *_TITLES))
                or not self._looks_like_a_name([k])
                or is_stopword(k)
            ):
                continue
            name = text[words[i].start : words[i].end]
            forms = [f"{name} {text[words[i + 1].start : words[i + 1].end]}"]
            listed = i > 0 and (
                keys[i - 1][:1] == "و"
                or re.search(r"[،,]", text[words[i - 1].end : words[i].start]) is not None
            )
            if listed and k[:1] == "و" and len(k) >= 5 and not known(words[i].start + 1, words[i].end):
                # «ألمانيا وإسبانيا وليوناردو الإيطالية»: the next in a list, «و» its conjunction
                name = name[1:]
                forms = [f"{name} {text[words[i + 1].start : words[i + 1].end]}", *forms]
            if (
                i
                and _company_noun(keys[i - 1])
                and not re.search(r"[،,.:؛«»\"“”()]", text[words[i - 1].end : words[i].start])
            ):
                # «شركة ديهل الألمانية»: its noun before it, a form of its name with or without its state
                forms += [
                    _with_noun(text, words[i - 1], words[i].start, words[i + 1].end),
                    _with_noun(text, words[i - 1], words[i].start, words[i].end),
                ]
            field = _FULL_FIELD.match(text, words[i + 1].end)
            if field is not None:  # «ميتسوبيشي اليابانية للصناعات الثقيلة»: its full name
                forms += [f"{forms[0]} {field.group(1)}", f"{name} {field.group(1)}"]
            medium = i > 0 and any(p.opens(keys[i - 1]) for p in _MEDIA)
            if medium:
                # «مجلة لوبوا الفرنسية»: a medium's, named with its noun and its state's too
                forms = [
                    *forms,
                    *self._medium_forms(words, i - 1, forms[0]),
                    *self._medium_forms(words, i - 1, name),
                ]
            self._new_entity(
                name,
                "organization",
                "a name with a state's adjective",
                english=masthead_english(name),
                aliases=forms,
            )
            if medium and (made := self._new_names.get(normalize(name))) is not None:
                self.media.add(made)  # a medium's: the via of what it reports, no speaker

    def _company_after_adjective(self, words: list, i: int, known: Any) -> None:
        """A company's noun, a word of its kind maybe, its state's adjective, then its
        foreign name («والمجموعة البولندية هوتا ستالوا والا،», «شركة تجارية إندونيسية
        بيروساهان ...»): up to three words a name may be, up to a mark or a known name; its
        noun and adjective with it a form of its name."""
        text, keys = self.text, [w.key for w in words]
        if not _company_noun(keys[i]):
            return
        j = i + 1
        if (
            j + 1 < len(keys)
            and keys[j].endswith("يه")
            and not _definite(keys[j])
            and not self._state_adjective(keys[j])
        ):
            j += 1  # «شركة تجارية إندونيسية»: what kind of company
        if j >= len(keys) or self._state_adjective(keys[j]) is None:
            return
        if any(re.search(r"[،,.:؛«»\"“”()]", text[words[x].end : words[x + 1].start]) for x in range(i, j)):
            return

        def marked(k: int) -> bool:  # a mark after word k, or the clause's end
            return k + 1 == len(keys) or bool(
                re.search(r"[،,.:؛«»\"“”()]", text[words[k].end : words[k + 1].start])
            )

        end = j + 1
        while (
            end < len(keys)
            and end - j <= 3
            and not re.search(r"[،,.:؛«»\"“”()]", text[words[end - 1].end : words[end].start])
            # («والا»: و, then ال with no stem after it, no article)
            and not _definite(keys[end])
            # («هوتا ستالوا والا،»: a word a sentence's may be, last in the name before a mark)
            and (
                (keys[end] not in _FUNCTION_WORDS and not is_stopword(keys[end]))
                or (end > j + 1 and marked(end))
            )
            and not re.search(r"[0-9٠-٩A-Za-z]", keys[end])
            and (self._looks_like_a_name([keys[end]]) or (end > j + 1 and marked(end)))
            and not _deal_noun_key(keys[end])
            and not _weapon_head(keys[end])
            and not any(p.opens(keys[end]) for p in (*_KIND_NOUNS, *_INSTITUTIONS, *_MEDIA, *_TITLES))
            and not known(words[end].start, words[end].end)
        ):
            end += 1
        if end == j + 1:
            return
        closed = end == len(keys) or re.search(
            r"[،,.:؛«»\"“”()]", text[words[end - 1].end : words[end].start]
        )
        if not closed and keys[end] not in _FUNCTION_WORDS and not _definite(keys[end]):
            return  # the name's end is not told: a mark, a function word or a definite word ends it
        name = text[words[j + 1].start : words[end - 1].end]
        noun = _after_clitic(
            text,
            words[i].start,
            words[i].end,
            next(
                (
                    c
                    for c in clitic_cuts(keys[i])
                    if strip_clitic(keys[i], c).removeprefix(ARTICLE) in _COMPANY
                ),
                0,
            ),
        )
        whole = f"{noun} {text[words[i + 1].start : words[j].end]} {name}"
        self._new_entity(
            name,
            "organization",
            "a company's noun, its state's adjective and its name",
            english=loanword_english(name),
            aliases=[whole],
        )

    def _model_after_type_word(self, clause: Clause, known: Any) -> None:
        """A weapon's model named by a word after «من طراز» ("of the model"): «ثلاث فرقاطات
        من طراز بيلارا» names the model, whatever its word; a word with the article («من
        الطراز المطور»), a number, a word of grammar («من هذا الطراز») names none."""
        text, words = self.text, clause.words
        keys = [w.key for w in clause.words]
        for i in range(1, len(keys) - 1):
            if keys[i - 1] != "من" or keys[i] != "طراز":
                continue
            k = keys[i + 1]
            gap = text[words[i].end : words[i + 1].start]
            if (
                re.search(r"[،,.:؛()«»\"“”]", gap)  # (a quoted name is read as quoted)
                or re.match(r"\s*[-‐–]?\s*[0-9٠-٩]", text[words[i + 1].end :])  # «إف 16»: a designation
                or k in _FUNCTION_WORDS
                or k.startswith(ARTICLE)
                or not re.fullmatch(r"[\u0621-\u064A]{3,}", k)
                or known(words[i + 1].start, words[i + 1].end)
            ):
                continue
            written = text[words[i + 1].start : words[i + 1].end]
            self._new_entity(
                written, "weapon_system", "a model named after «من طراز»", english=loanword_english(written)
            )

    def _designations(self, clause: Clause, known: Any) -> None:
        """A model designation is a weapon system: letters, a dash, a number ("إس-300",
        "TOS-1", "إيه جي إم-154") or letters and a number run together ("ميغ29")."""
        # (a conjunction written onto a Latin designation, "وJF-17", is no part of it)
        segment = _CONJUNCTION_ON_LATIN.sub(" ", self.text[clause.start : clause.end])
        spaced = [
            m
            for m in _spaced_designations(segment)
            if all(_letter_word(w) for w in m.group("letters").split(" "))
            and not _DESIGNATION.search(segment[m.start() : m.end()])
        ]
        for worded in _worded_designations(segment):
            # «إف-ستة عشر», «إف خمسة وثلاثين»: the model's number written in words (F-16)
            s, e = clause.start + worded[0], clause.start + worded[1]
            if not known(s, e):
                self._worded_model(self.text[s:e], worded[2], worded[3])
        for g in _GLUED_LATIN.finditer(segment):
            # «مدفع K9A1E», «المدفع K9», «منظومة الدفاع الجوي S400»: Latin letters and a number
            # run together, after a weapon's noun (alone they may name a summit, «G20»)
            s, e = clause.start + g.start(), clause.start + g.end()
            before, _ = self._beside(clause, s, e)
            if known(s, e) or self._bracketed_model(clause, s, e, g.group(0)):
                continue
            if any(
                w in ("طراز", "نوع") or any(_weapon_head(strip_clitic(w, c)) for c in clitic_cuts(w))
                for w in before[-4:]
            ):
                self._new_entity(g.group(0), "weapon_system", "model designation", english=g.group(0))
        for t in _TYPE_NUMBER.finditer(segment):
            # «غواصة مشروع 877 إي كا أم» (Project 877EKM), «غواصة طراز 1400 / 209», «المدمرة
            # Type 052D»: a model told by its project's or type's number after a weapon's noun
            s, e = clause.start + t.start("mark"), clause.start + t.end()
            before, _ = self._beside(clause, s, e)
            if known(s, e) or not any(
                _weapon_head(strip_clitic(w, c)) for w in before[-3:] for c in clitic_cuts(w)
            ):
                continue  # (a weapon's noun just before: «غواصات من طراز ...», «غواصتان جزائريتان من مشروع»)
            letters = (t.group("letters") or "").split()
            if letters and not all(is_letter_name(x) for x in letters):
                e, letters = clause.start + t.end("number"), []
            variant = "".join(designation_name([x], "")[:1].upper() for x in letters)
            head = "Project" if t.group("mark") == "مشروع" else "Type"
            number = "".join(t.group("number").split())
            written = " ".join(self.text[s:e].replace("«", " ").replace('"', " ").replace("“", " ").split())
            self._new_entity(
                written,
                "weapon_system",
                "a model told by its project's or type's number",
                english=f"{head} {number}{variant}",
            )
        taken: list[tuple[int, int]] = []  # designations read with their variant's letters
        for m in [*_DESIGNATION.finditer(segment), *spaced]:
            s, e = clause.start + m.start("letters"), clause.start + m.end()
            if any(a <= s < b for a, b in taken):
                continue  # («اي2» of «ام1 اي2 كي»: read with the model before it)
            letters = re.split(r"[ .]", m.group("letters"))
            while letters and (
                letters[0] in CONJUNCTIONS
                or normalize(letters[0]) in _FUNCTION_WORDS
                or (len(letters) > 1 and len(normalize(letters[0])) > 3)
            ):
                s += len(letters.pop(0)) + 1  # "من طراز", "و": the words before the letters
            if (
                letters
                and letters[0][:1] in CONJUNCTIONS
                and is_letter_name(letters[0][1:])
                and not is_letter_name(letters[0])  # "واي-20" is Y-20
            ):
                letters[0], s = letters[0][1:], s + 1  # "وميغ29": و and a designation
            if letters and "ـ" in letters[0]:
                continue  # «الـ 20»: the article drawn out before a count, no model
            if letters and not is_letter_name(letters[0]) and _letter_word(letters[0]):
                letters[0], s = letters[0][2:], s + 2  # «الجي-10»: the article on the model
            english, e = _designation_english(m, letters, clause.start)
            variant, e = _variant_after(self.text, e)
            english += variant
            own = _LATIN_MODEL_NAME.match(self.text, e) if self.text[s:e].isascii() else None
            if own is not None:
                # «JF-17 Thunder», «AH-64 Apache»: a Latin designation and the model's own name
                english, e = f"{english} {own.group('name')}", own.end()
            if block := _BLOCK_AFTER.match(self.text, e):
                # «F-16C Block 70», «إس إم- 2 بلوك 3 ايه»: the block is the model's own version
                letter, end = block.group("letters") or "", block.end()
                if not letter or normalize(letter) in _FUNCTION_WORDS or not is_letter_name(letter):
                    letter, end = "", block.end("number")  # («Block 70 من»: a word after it)
                suffix = designation_name([letter], "").rstrip("-")[:1] if letter else ""
                english, e = f"{english} Block {block.group('number')}{suffix}", end
            taken.append((s, e))
            if letters and not known(s, e) and self._designation_of_name(s, e, english):
                continue
            if letters and not known(s, e) and self._bracketed_model(clause, s, e, english):
                continue
            quoted = _QUOTED_AFTER.match(self.text, e)
            if (
                letters
                and quoted is not None
                and self.text[e : quoted.start(1)].strip()[:1] != "("
                and not known(s, quoted.end())
                and normalize(quoted.group(1)).split()[0] not in _FUNCTION_WORDS
            ):
                # «KF-21 “بورامي”»: the designation and the model's own name after it, one model
                self._new_entity(
                    self.text[s : quoted.end()],
                    "weapon_system",
                    "model designation and its name in quotation marks",
                    english=f"{english} {loanword_english(quoted.group(1))}",
                    aliases=[self.text[s:e], english],
                )
                continue
            if letters and not known(s, e):
                # "طائرة هجومية من طراز M-346": the model named with its kind ("M-346 attack
                # aircraft"), and by the model alone as well.
                kind = model_kind_english(*self._beside(clause, s, e))
                self._new_entity(
                    self.text[s:e],
                    "weapon_system",
                    "model designation",
                    english=f"{english} {kind}" if kind else english,
                    aliases=[english] if kind else None,
                )
                eid = self._new_names.get(normalize(" ".join(self.text[s:e].split())))
                entity = next((x for x in self.new_entities if x["id"] == eid), None)
                if kind and entity is not None and entity["name"] == english:
                    # proposed already by the model alone (in quotation marks): its kind too
                    entity["name"] = f"{english} {kind}"
                    entity["aliases"].append(english)

    def _designation_of_name(self, s: int, e: int, english: str) -> bool:
        """A designation written right before a weapon's own name, the glossary's
        («كيه 239 تشونمو», «جاي ايه اس 39 غريبن إي/اف»): one model, the name's; the
        designation with the name, and alone, are its other names. True when so read."""
        after = re.match(r"[ \t]+([\u0621-\u064a]{3,})(?:[ \t]+([\u0621-\u064a]{3,}))?", self.text[e:])
        if after is None:
            return False
        for n in (2, 1):
            if after.group(n) is None:
                continue
            stop = e + after.end(n)
            model = next(
                (
                    x
                    for eid in self.linker.resolve(self.text[e:stop].strip(), True, True)
                    if (x := next((y for y in self.new_entities if y["id"] == eid), None)) is not None
                    and x["type"] == "weapon_system"
                    and x["name"] in _GLOSSARY_WEAPONS
                ),
                None,
            )
            if model is None:
                continue
            variant, stop = _variant_after(self.text, stop)
            for form in (" ".join(self.text[s:stop].split()), self.text[s:e]):
                if normalize(form) not in self._new_names:
                    model["aliases"].append(form)
                    self._new_names[normalize(form)] = model["id"]
            model["aliases"].append(english + variant)
            self.linker.add(model)
            return True
        return False

    def _bracketed_model(self, clause: Clause, s: int, e: int, english: str) -> bool:
        """A designation in brackets right after a weapon's own name («سوخوي (إس.يو-30)»,
        «أمرام (AIM-120C)», «باتريوت (M903)»): the model told more exactly, one weapon named
        by both (Sukhoi Su-30), the designation alone one of its names. True when proposed."""
        opened = re.search(r"([^\s()«»\"“”،,.:؛]+)\s*\(\s*$", self.text[clause.start : s])
        if opened is None or not re.match(r"\s*\)", self.text[e:]):
            return False
        start = clause.start + opened.start(1)
        word = opened.group(1)
        key = normalize(word)
        if any(_weapon_head(strip_clitic(key, c)) for c in clitic_cuts(key)):
            return False  # «صواريخ (AIM-120C)»: a kind, the designation names the model alone
        model = next(
            (
                self.linker.entities[eid]
                for c in clitic_cuts(key)
                for eid in self.linker.resolve(strip_clitic(key, c), True, True)
                if self.linker.type_of(eid) == "weapon_system"
            ),
            None,
        )
        if model is None:
            return False
        cut = next(c for c in clitic_cuts(key) if self.linker.resolve(strip_clitic(key, c), True, True))
        written = _after_clitic(self.text, start, start + len(word), cut)
        end = e + re.match(r"\s*\)", self.text[e:]).end()  # type: ignore[union-attr]
        name = f"{written} {self.text[start + len(word) : end].strip()}"
        self._new_entity(
            name,
            "weapon_system",
            "a model's name and its designation in brackets",
            english=f"{model['name']} {english}",
            aliases=[self.text[s:e], english],
        )
        return True

    def weapon_kind_names(self) -> None:
        """A model proposed by its name alone («رافال», «إف-16») is named too as the text
        writes it with its kind noun before it: «مقاتلات رافال», «طائرات طراز C-130»,
        «مقاتلات نفاثة متطورة من طراز إف 16» (and, shorter, «مقاتلات إف 16»): a reader keeps
        the kind with the model, and a later mention may name it so."""
        text = self.text
        for entity in self.new_entities:
            if entity["type"] != "weapon_system":
                continue
            head = normalize(entity["name_ar"]).split()[:1]
            if not head or any(_weapon_head(strip_clitic(head[0], c)) for c in clitic_cuts(head[0])):
                continue  # named by its kind already («طائرات رافال»)
            forms = dict.fromkeys(" ".join(f.split()) for f in [entity["name_ar"], *entity["aliases"]])
            found: list[str] = []
            for form in forms:
                for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                    found.extend(self._kind_before(m.start(), form))
            have = {normalize(a) for a in entity["aliases"]}
            for alias in found:
                if normalize(alias) not in have:
                    have.add(normalize(alias))
                    entity["aliases"].append(alias)

    def _kind_before(self, at: int, model: str) -> list[str]:
        """The model's names with the weapon's noun written before `at`: the words from the
        noun to the model as written, and the noun and the model alone when words come
        between («مقاتلات نفاثة من طراز إف 16»: «مقاتلات إف 16»)."""
        before = list(re.finditer(r"[^\s«»\"“”()]+", self.text[max(0, at - 120) : at]))
        gap = self.text[max(0, at - 120) : at]
        if before and re.search(r"[،,.:؛\n]", gap[before[-1].end() :]):
            return []
        for back in range(1, min(8, len(before)) + 1):
            word = before[-back]
            if back > 1 and re.search(r"[،,.:؛\n]", gap[word.end() : before[-back + 1].start()]):
                return []
            key = normalize(word.group(0))
            cut = next((c for c in clitic_cuts(key) if _weapon_head(strip_clitic(key, c))), None)
            if cut is None:
                continue
            between = [normalize(w.group(0)) for w in before[len(before) - back + 1 :]]
            quoted = re.search(r"[«\"“”]\s*$", gap) is not None
            if back > 2 and not quoted and not any(w in ("طراز", "نوع") for w in between):
                # adjectives between a noun and a model only before «من طراز», or before a
                # model in quotation marks («الصاروخ الباليستي التكتيكي الكوري “CTM-290”»)
                return []
            start = max(0, at - 120) + word.start()
            noun = _after_clitic(self.text, start, start + len(word.group(0)), cut)
            written = " ".join(w.group(0) for w in before[len(before) - back + 1 :])
            names = [" ".join(f"{noun} {written} {model}".split())]
            if back > 1:
                names.append(f"{noun} {model}")
            return names
        return []

    def _worded_model(self, name: str, digits: str, english: str, where: str = "") -> None:
        """A model with its number in words («إف-ستة عشر»): the model in digits when it is
        proposed already («إف 16»), with this spelling as its other name; else a new one."""
        eid = self._new_names.get(normalize(digits))
        entity = next((x for x in self.new_entities if x["id"] == eid), None)
        if entity is None:
            self._new_entity(
                name,
                "weapon_system",
                f"model designation {where}its number in words",
                english=english,
                aliases=[digits, english],
            )
            return
        if normalize(name) not in self._new_names:
            entity["aliases"].append(" ".join(name.split()))
            self._new_names[normalize(name)] = entity["id"]
            self.linker.add(entity)

    def _beside(self, clause: Clause, s: int, e: int) -> tuple[list[str], list[str]]:
        """The clause's words just before `s` and just after `e`, up to punctuation."""
        stop = re.compile(r"[،,.:؛()\[\]]")
        before = [w for w in clause.words if w.end <= s]
        after = [w for w in clause.words if w.start >= e]
        k = len(before)
        while k > 0 and not stop.search(
            self.text[before[k - 1].end : before[k].start if k < len(before) else s]
        ):
            k -= 1
        n = 0
        while n < len(after) and not stop.search(self.text[after[n - 1].end if n else e : after[n].start]):
            n += 1
        return [w.key for w in before[k:]], [w.key for w in after[:n]]

    def _weapon_phrases(self, clause: Clause, known: Any) -> None:
        """Weapons named by their kind in a sentence of a deal ("مدافع هاون", "منظومات دفاع
        جوي صاروخية", "الأسلحة الروسية"): the head noun and the words that qualify it, up
        to punctuation, a word a name does not hold, the next item (و...) or its model."""
        if not self._deal_sentence(clause.sentence):
            return
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        # «طائرات إف-ستة عشر»: a model with its number in words follows the kind
        worded = {clause.start + d[0] for d in _worded_designations(text[clause.start : clause.end])}
        i = 0
        while i < len(keys):
            cut = next((c for c in clitic_cuts(keys[i]) if _weapon_head(strip_clitic(keys[i], c))), None)
            if cut is None or (
                strip_clitic(keys[i], cut).removeprefix("ال") == "سلاح"
                and keys[i + 1 : i + 2]
                and keys[i + 1] in _SERVICES
            ):
                i += 1
                continue
            end, modelled = i + 1, False
            definite = strip_clitic(keys[i], cut).startswith("ال")
            while end < len(keys) and end - i < 7:
                k = keys[end]
                if re.search(r"[،,.:؛«»\"“”()\[\]]", text[words[end - 1].end : words[end].start]):
                    break
                if words[end].start in worded:
                    modelled = True
                    break
                if re.match(r"\s*[-‐–]?\s*[0-9]", text[words[end].end :]) and (
                    k.isascii() or _letter_word(text[words[end].start : words[end].end])
                ):
                    modelled = True  # "منظومات إس-300": the model is the object (not "قيمتها 195")
                    break
                if end + 1 < len(keys) and keys[end + 1] == _MADE:
                    # «الغواصة الألمانية الصنع (S-44)»: who made it, no word of its kind; a
                    # model after it names the weapon
                    after = end + 2
                    modelled = after < len(keys) and (
                        keys[after] in ("طراز", "نوع", "صنف", "من")
                        or known(words[after].start, words[after].end)
                        or re.match(r"\s*[«\"“(]", text[words[end + 1].end :]) is not None
                    )
                    break
                if definite and not _ARTICLE_OR_LAM.match(k):
                    break  # a definite noun's words are definite: "بالأسلحة قريبا" ends at قريبا
                definite = definite or k.startswith("ال")
                if (
                    k in _FUNCTION_WORDS
                    or k in _WEAPON_STOPS
                    or k in _WEAPON_ENDS
                    or k[:1] in CONJUNCTIONS
                    or (k[:1] == "ل" and k[:2] != "لل" and len(k) > 3)  # "لسلاح البحرية": whose, not what
                    # "صواريخ اعتراضية للجيش": the force it is for, not what it is against
                    or (k[:2] == "لل" and strip_clitic(k, -1) in _FOR_FORCES)
                    or re.search(r"[0-9٠-٩]", k)
                    or (_weapon_head(k) and keys[end - 1].startswith("ال"))
                ):
                    break
                end += 1
            # ("من طراز", "نوع": a model follows; a worth or a quantity's من does not name one)
            modelled = modelled or (end < len(keys) and keys[end] in ("طراز", "نوع", "صنف"))
            # "منظومة «إس-400»", "منظومات إس-400": a name (quoted, or known) follows.
            modelled = modelled or bool(re.match(r"\s*[«\"“]", text[words[end - 1].end :]))
            modelled = modelled or (end < len(keys) and known(words[end].start, words[end].end))
            modelled = modelled or (
                end + 1 < len(keys) and keys[end] == "من" and keys[end + 1] in _WEAPON_STOPS
            )
            # "المقاتلات الثقيلة متعددة الأغراض من طراز «سوخوي 35»": the model a few words on.
            for on in range(end, min(len(keys), end + 5)):
                if keys[on][:1] in CONJUNCTIONS or re.search(
                    r"[،,.:؛]", text[words[end - 1].end : words[on].start]
                ):
                    break  # the next item of a list ("... ومنظومات", "وصواريخ ... من نوع")
                if keys[on] in ("طراز", "نوع", "صنف"):
                    modelled = True
                    break
            if end == i + 1 and end < len(keys) and keys[end] in _WEAPON_ENDS:
                if strip_clitic(keys[i], cut).removeprefix("ال") in _GENERIC_WEAPONS:
                    i = end  # "أسلحة جديدة": no kind of weapon, nothing to name
                    continue
            s = words[i].start
            written = _after_clitic(text, s, words[end - 1].end, cut)
            s = words[end - 1].end - len(written)
            if not modelled and not known(s, words[end - 1].end):
                self._new_entity(
                    written,
                    "weapon_system",
                    "a weapon named by its kind",
                    english=weapon_english(written, self._state_named_by),
                )
            i = end
        return

    def _included_items(self, clause: Clause, known: Any) -> None:
        """The items a deal's verb of including lists ("ستشمل الاتفاقية أيضا بناء مركز
        محاكاة، وحزمة دعم لوجستي وتوريد قطع غيار"): each item after the verb, cut at commas
        and at و, without the work done for it (بناء، توريد), as a topic when no weapon's
        phrase or name covers it."""
        keys = [w.key for w in clause.words]
        hit = next((h for p in _INCLUDING if (h := p.find(keys)) is not None), None)
        if hit is None:
            return
        text, words = self.text, clause.words
        i = hit[1]
        # The deal is the verb's subject, just before it or after it ("العقد يشمل", "تشمل
        # الاتفاقية أيضا", "هذه الصفقة عبارة عن"): else the verb is another's ("تضمن", ensures).
        near = [j for j in range(max(0, hit[0] - 2), min(len(keys), hit[1] + 2)) if _deal_noun_key(keys[j])]
        if not near:
            return
        if near[-1] >= hit[1]:
            i = near[-1] + 1
            while i < len(keys) and _definite(keys[i]):
                i += 1  # its adjectives ("الاتفاق النهائي")
        while i < len(keys) and keys[i] in _ALSO:
            i += 1
        for _ in range(6):
            while i < len(keys) and keys[i] in ("و", *_ALSO):
                i += 1
            if i >= len(keys):
                return
            bare = keys[i][1:] if keys[i][:1] == "و" and len(keys[i]) > 3 else keys[i]
            if bare in _FUNCTION_WORDS or is_stopword(bare) or re.search(r"[0-9٠-٩]", bare):
                return  # the list is over ("، وأن إلغاءها ...")
            start, end = i, i + 1
            while end < len(keys) and end - start < ITEM_WORDS:
                gap = text[words[end - 1].end : words[end].start]
                if re.search(r"[،,.:؛«»\"“”()]", gap) or keys[end] in _FUNCTION_WORDS:
                    break
                if keys[end] == "و" or (keys[end][:1] == "و" and len(keys[end]) > 3):
                    break  # "وحزمة", "والضمان", "و حقوق": the next item
                end += 1
            cut = 1 if keys[start][:1] == "و" and len(keys[start]) > 3 else 0
            s_word = start
            if keys[start][cut:] in _ITEM_WORK and end - start > 1:
                s_word, cut = start + 1, 0  # "بناء مركز محاكاة": the centre is the item
            s = words[s_word].start + cut
            e = words[end - 1].end
            phrase = text[s:e]
            words_of = normalize(phrase).split()
            named_after = (
                end == s_word + 1
                and end < len(keys)
                and re.fullmatch(r"\s*[«\"“”]\s*", text[words[end - 1].end : words[end].start])
            )
            if (
                not known(s, e)
                and words_of
                and not named_after  # «نظام “ثاد”»: a noun whose name follows in quotation marks
                and not any(re.search(r"[0-9٠-٩]", k) for k in words_of)
                and not any(_weapon_head(k) for k in words_of)
            ):
                self._new_entity(phrase, "topic", "an item a deal includes")
            # What follows the item up to the next one qualifies it ("مركز محاكاة في إسرائيل").
            i = end
            while (
                i < len(keys)
                and not re.search(r"[،,]", text[words[i - 1].end : words[i].start])
                and not (keys[i] == "و" or (keys[i][:1] == "و" and len(keys[i]) > 3))
            ):
                i += 1

    def _events(self, clause: Clause, known: Any) -> None:
        """An event named by its kind noun and what follows it («معرض دبي للطيران»,
        «المنتدى العسكري التقني الدولي»), where the clause tells of taking part, hosting or
        a delegation: up to punctuation or a word a name does not hold."""
        keys = [w.key for w in clause.words]
        if not any(
            p.find(keys)
            for p, pred in _PREDICATE_PATTERNS
            if pred in ("attends", "leads_delegation_to", "hosts")
        ):
            return
        text, words = self.text, clause.words
        for i, k in enumerate(keys):
            cut = next(
                (c for c in clitic_cuts(k) if strip_clitic(k, c).removeprefix(ARTICLE) in _EVENT_NOUNS), None
            )
            if cut is None:
                continue
            definite = strip_clitic(k, cut).startswith(ARTICLE)
            end = i + 1
            while end < len(keys) and end - i < 5:
                nxt = keys[end]
                if re.search(r"[،,.:؛«»\"“”()\[\]]", text[words[end - 1].end : words[end].start]):
                    break
                if nxt in _FUNCTION_WORDS or nxt[:1] in CONJUNCTIONS or (definite and not _definite(nxt)):
                    break
                if end > i + 1 and (
                    keys[end - 1].isdigit()
                    or (_definite(keys[end - 1]) and not (_definite(nxt) or nxt.isdigit()))
                ):
                    break  # (a definite genitive or a year closes the name: «معرض الدفاع العالمي كجزء من»)
                end += 1
            if end - i < 2:
                continue
            written = _after_clitic(text, words[i].start, words[end - 1].end, cut)
            s = words[end - 1].end - len(written)
            if not known(s, words[end - 1].end):
                self._new_entity(written, "event", "an event named by its kind")

    def _deal_sentence(self, sentence: int) -> bool:
        keys = self._sentence_keys.get(sentence, [])
        return any(p.find(keys) for p, pred in _PREDICATE_PATTERNS if pred in DEAL_PREDICATES) or any(
            p.find(keys) for p in _DEAL_ITEMS
        )

    def _institutions(self, clause: Clause, known: Any, mentions: list[Mention] | None = None) -> None:
        """An institution's noun and what qualifies it ("وزارة الدفاع الإماراتية", "وكالة
        أنباء الإمارات", "القوات الجوية الإماراتية"): the noun, one word after it, then the
        words with the article, up to punctuation or a word a name does not hold. A definite
        noun ("الجيش", "القوات") names an institution only with a qualifier after it."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        for i, k in enumerate(keys):
            after_conjunction = _after_conjunction(k)
            lil = -1 in clitic_cuts(after_conjunction)
            if lil:
                k = strip_clitic(after_conjunction, -1)  # "للقوات" is ل + "القوات"
            # (normalized as the keys are: «ومؤسسة» is و + «مؤسسة», cut off the name)
            noun = next(
                (normalize(p.text) for p in (*_INSTITUTIONS, *_SERVICE_NOUNS, *_SCHOOL_NOUNS) if p.opens(k)),
                None,
            )
            if (
                noun is None
                and any(strip_clitic(k, cut) in ("قوات", "صناعات") for cut in clitic_cuts(k))
                and keys[i + 1 : i + 2]
                and all(institution_word(x) or self._state_adjective(x) for x in keys[i + 1 : i + 3])
            ):
                # «قوات السلطان المسلحة», «صناعات الدفاع الإسرائيلية»: forces or industries in construct
                noun = "قوات" if "قوات" in k else "صناعات"
            # «الهيئة العامة للتطوير الدفاعي», «القيادة العامة للقوات المسلحة»: a definite noun
            # named by «العامة» and what it is for, no anaphora
            # («الإدارة العامة لخفر السواحل»: a noun the list holds with its article too, by
            # «العامة» alone: «القوة العسكرية للبلاد» is the country's strength)
            general = (
                noun is not None
                and (
                    ARTICLE + noun in k
                    or (noun.startswith(ARTICLE) and keys[i + 1 : i + 2] in (["العامه"], ["العام"]))
                )
                # («المعهد الدولي للدراسات الاستراتيجية», «الهيئة الوطنية للأمن السيبراني»: a
                # definite nisba adjective, then what it is for, names it the same way)
                and keys[i + 1 : i + 2] != []
                and (
                    keys[i + 1] in ("العامه", "العام")
                    or (_definite(keys[i + 1]) and keys[i + 1].endswith(("ي", "يه")))
                )
                and keys[i + 2 : i + 3] != []
                and purpose_word(keys, i + 2) is not None  # («لخفر السواحل»: ل on a construct)
            )
            if noun == normalize("سفارة") and "ال" + noun in k and self._definite_embassy(clause, i, known):
                continue
            if (
                k[:1] == "و"
                and i > 0
                and keys[i + 1 : i + 2]
                and keys[i + 1].endswith(_PLURAL_ADJECTIVE)
                and any(p.opens(keys[i - 1]) for p in (*_INSTITUTIONS, *_SERVICE_NOUNS))
            ):
                continue  # «الحكومة والبرلمان النرويجيين»: both, each with its adjective (below)
            # «قائد القيادة الاستراتيجية»: a definite command or forces right after its
            # commander, with what kind it is, named whole (no anaphora)
            under_head = (
                noun in _FORCES_NOUNS
                and "ال" + noun in k
                and i > 0
                and any(p.opens(keys[i - 1]) for p in _OFFICE_HEADS)
                and keys[i + 1 : i + 2] != []
                and _definite(keys[i + 1])
                and institution_word(keys[i + 1])
            )
            if noun is None or (
                not noun.startswith("ال") and "ال" + noun in k and not (general or under_head)
            ):
                continue  # "الوكالة": the one already named
            # «إدارة العتاد الدفاعي السويدية»: an administration named by what it runs, a
            # definite noun (kept below only with a state's adjective or initials: «إدارة
            # الأزمة» is running it); else one named by whom it belongs to («إدارة ترامب»)
            # («إدارة الرئيس الأميركي جو بايدن»: a head's, by his title; «في إدارة الأزمة»:
            # in running it)
            runs = (
                noun == _ADMINISTRATION
                and keys[i + 1 : i + 2] != []
                and _definite(keys[i + 1])
                and not any(p.opens(keys[i + 1]) for p in (*_TITLES, *_OFFICE_HEADS))
                and (i == 0 or keys[i - 1] != _IN)
            )
            if noun in _OWNED and not runs:
                self._owned_institution(clause, i, noun, mentions or [], known)
                continue
            if noun == "جيش" and not (i + 1 < len(keys) and keys[i + 1].startswith("ال")):
                continue  # "جيش قوي": an army, no body's name (that is «جيش التحرير ...»)
            # an office's head up to four words before, none across a mark («وزيرة الدولة
            # بوزارة الدفاع، لوكالة أنباء ...»: the minister spoke to the agency)
            near = max(0, i - 4)
            marks = [x + 1 for x in range(near, i) if _MARK.search(text[words[x].end : words[x + 1].start])]
            near = max([near, *marks])
            heads = [x for x in keys[near:i] for p in _OFFICE_HEADS if p.opens(x)]
            if k.find(noun) == 1 and k[0] in CONJUNCTIONS:
                heads = []  # "رئيس أركان الجيش وقيادة الدفاع الجوي": the next in a list
            of_office = False
            if heads and (noun.startswith("ال") or not any(p.opens(keys[i - 1]) for p in _OFFICE_HEADS)):
                # "وزير الدفاع وكالة": an acting minister, not an agency; "رئيس الحكومة": an office.
                # "رئيس مجمع نوفا": the head of an institution with a name of its own.
                # «الأمين العام بوزارة الدفاع العمانية», «المتحدث باسم وزارة ...»: the body the
                # office is at, named whole with its state.
                at_body = (k.find(noun) == 1 and _proclitic_cut(k, PREPOSITIONS) == 1) or keys[
                    i - 1
                ] == "باسم"
                at_body = at_body or noun == "قوات"  # «رئيس أركان قوات ... المسلحة»: a state's forces
                if not noun.startswith("ال") and not at_body:
                    continue
                of_office = True  # "مفتش المدفعية الملكية المغربية": a state's body, with its office
            if noun in _NAMED_BODIES and not (
                i + 1 < len(keys)
                and not keys[i + 1].startswith("ال")
                and not keys[i + 1].endswith("ه")
                and keys[i + 1] not in _FUNCTION_WORDS
                and keys[i + 1] not in _EVENT_NOUNS
                and not any(p.opens(keys[i + 1]) for p in (*_INSTITUTIONS, *_KIND_NOUNS, *_TITLES))
                and self._looks_like_a_name([keys[i + 1]])
                and not re.search(r"[0-9٠-٩]", keys[i + 1])
                and not re.search(r"[،,.:؛«»\"“”()]", text[words[i].end : words[i + 1].start])
            ):
                continue  # "تنظيم المعرض": organizing it, no body
            foreign_end = self._foreign_name_end(clause, i) if noun in _OWN_NAMED else 0
            end = i + 1
            quoted = False
            while (
                end < len(keys)
                and end - i < 6
                and keys[end] not in _FUNCTION_WORDS
                and keys[end] not in _BELONGING  # "التابعة لوزارة ...": the body it is of
                and keys[end] not in _QUANTITIES  # «الإدارة المزيد من التفاصيل»: how much, the object's
                # "القوات البحرية الباكستانية المقدم ...": a rank opens the next name
                and not any(p.opens(keys[end]) for p in _HONORIFICS)
                # the next one, unless the name is of it ("منتدى القوات المسلحة")
                and (
                    not any(p.opens(keys[end]) for p in _INSTITUTIONS)
                    or (noun in _OF_BODIES and end == i + 1)
                )
                # "أعلن الجيش الأمريكي السبت": a day after the name is the date, not the name
                and not self._reads_as_date(text[words[end].start : words[end].end])
                # «وزارة الدفاع العمانية والأردنية»: a second state's adjective after «و» is
                # a second body of the same kind (proposed below), no part of the first's name
                and not (
                    end > i + 1 and self._state_adjective(keys[end - 1]) and self._conjoined_state(keys[end])
                )
                # «بدأت وزارة الدفاع الفنلندية البحث»: a state's adjective ends the body's name;
                # only another adjective goes on with it («الكورية الجنوبية», «الرسمية»)
                and not (
                    end > i + 1
                    and self._state_adjective(keys[end - 1])
                    and not keys[end].endswith(_NISBA)
                    and keys[end] not in _WHEN_ADJECTIVES  # «الحكومة الألمانية السابقة»
                    # «سلاح الجو الأمريكي الحرس الوطني»: a noun with its adjective, a body of it
                    and not (
                        end + 1 < len(keys)
                        and keys[end + 1].startswith("ال")
                        and keys[end + 1].endswith(_NISBA)
                    )
                )
            ):
                gap = text[words[end - 1].end : words[end].start]
                if end == i + 1 and not noun.startswith("ال") and re.fullmatch(r"\s*[«\"“]", gap):
                    # «مصنع "ميل"»: the institution's own name in quotation marks
                    close = text[words[end].end : words[end].end + 1]
                    if close not in '»"”':
                        break
                    quoted = True
                    end += 1
                    continue
                if quoted and re.fullmatch(r"[»\"”]\s*", gap) and _MAKING.match(keys[end]):
                    pass  # «مصنع "إركوتسك" لصناعة الطائرات»: what it makes goes on with its name
                elif re.search(r"[،,.:؛«»\"“”()]", gap):
                    break
                elif _MAKING.match(keys[end]) and end + 1 < len(keys) and keys[end + 1].startswith("ال"):
                    pass  # "مجمع نوفا الحكومي لصناعة الأسلحة"
                elif end < foreign_end:
                    pass  # «مؤسسة هودنج زونج هوا لبناء السفن»: a works' foreign name
                elif (
                    not noun.startswith("ال")
                    and keys[end - 1].endswith("يه")
                    and not keys[end - 1].startswith(ARTICLE)  # («... السويدية اتفاقية»: the object)
                    and keys[end].endswith("يه")
                    and not keys[end].startswith("ال")
                ):
                    pass  # "لجنة حكومية إسرائيلية": an indefinite noun's adjectives in a row
                elif end == i + 2 and general and purpose_word(keys, end) is not None:
                    pass  # «الهيئة العامة للتطوير»: what the general body is for, its name's
                elif end > i + 1 and self._conjoined_in_name(clause, keys, end):
                    pass  # «وكالة الدعم والمشتريات التابعة لـ...»: a second field of its name

                elif (end > i + 1 or noun.startswith("ال")) and not keys[end].startswith("ال"):
                    break
                end += 1
                if _MAKING.match(keys[end - 1]) and end < len(keys):
                    end += 1  # the thing made, with it
                    break
            fields = 0  # (words of what it is for after its name: no words to know it by)
            if (
                noun in _SCHOOLS
                and end + 1 < len(keys)
                and keys[end].startswith("لل")
                and keys[end + 1].startswith("وال")
                and not re.search(r"[،,.:؛«»\"“”()]", text[words[end - 1].end : words[end + 1].start])
            ):
                end, fields = end + 2, 2  # «بنك الهند للتصدير والاستيراد»: what it is for, two fields joined
            while end > i + 2 and keys[end - 1] in _EPITHETS:
                end -= 1  # "تنظيم داعش الإرهابي": the outlet's epithet, not the name
            official = ""
            if end > i + 2 and keys[end - 1] in _OFFICIAL:
                # «وكالة الأنباء العمانية الرسمية»: named without «الرسمية», and with it too
                official = text[words[end - 1].start : words[end - 1].end]
                end -= 1
            if end == i + 1:
                if (
                    (noun == _PARLIAMENT or (noun == _GOVERNMENT and not heads))
                    and len(k) - len(noun) <= 1
                    and not known(words[i].start, words[i].end)
                    # («الحكومة والبرلمان النرويجيين»: both named with their plural adjective)
                    and not (i + 2 < len(keys) and keys[i + 2].endswith(_PLURAL_ADJECTIVE))
                ):
                    self._bare_parliament(clause, i, noun)
                continue
            if _company_noun(keys[i + 1]) and not keys[i + 1].startswith("ال"):
                continue  # "مجمع شركة AVIC": the company is named after its own noun
            commanded = under_head or (
                of_office and noun.removeprefix(ARTICLE) in _FORCES_NOUNS and end - i >= 2
            )
            if (
                noun in _QUALIFIED
                and not general
                and not commanded  # («قائد القيادة الاستراتيجية»: a command, under its commander)
                and not (
                    all(
                        institution_word(_purpose_key(x)) or self._state_adjective(x)
                        for x in keys[i + 1 : end]
                    )
                    and (
                        any(self._state_adjective(x) for x in keys[i + 1 : end])
                        or not institution_adjective(keys[i + 1])
                    )
                )
            ):
                # "قيادة الرئيس", "القوة الدفاعية", "القوة العسكرية" (strength): a common word,
                # no institution, unless a state's adjective or a noun of one follows
                continue
            cut = max(0, k.find(noun))  # the proclitic before the noun is not the name's
            if general or under_head:
                cut = k.find(
                    noun if noun.startswith(ARTICLE) else ARTICLE + noun
                )  # the article is the name's
            s, e = words[i].start + cut, words[end - 1].end
            if lil:
                s = text.find("لل", words[i].start, words[i].end) + 2

            def name_to(upto: int, s: int = s, lil: bool = lil) -> str:
                return ("ال" if lil else "") + text[s:upto]

            states = [self._state_adjective(k) for k in keys[i:end]]
            state = next((x for x in states if x), None)
            if state is not None and noun in _STATE_NOUNS:
                continue  # "الاتحاد الروسي": the state itself
            if (
                of_office
                and state is None
                and not (noun.removeprefix(ARTICLE) in _FORCES_NOUNS and end - i >= 2)
            ):
                # "رئيس الحكومة": the office alone; not «قوات السلطان المسلحة» nor «قائد القيادة
                # الاستراتيجية», «القائد السابق في القوات الخاصة»: forces or a command with
                # what kind they are, a body under its commander
                continue
            aliases = [f"{text[s : words[end - 1].end]} {official}"] if official and not lil else []
            # A works' or a company's own name after its noun ("مجمع نوفا"), not an agency's
            # word ("وكالة أنباء"), is a name of its own.
            own = keys[i + 1] if noun in _OWN_NAMED and not keys[i + 1].startswith("ال") else ""
            if len(own) >= 4 and not quoted:
                aliases.append(text[words[i + 1].start : words[i + 1].end])  # "نوفا" of "مجمع نوفا ..."
            if quoted:
                # The name as said, without its quotation marks; the quoted word alone too.
                written = " ".join(text[w.start : w.end] for w in words[i:end])
                if len(own) >= 4:
                    aliases.append(text[words[i + 1].start : words[i + 1].end])
                aliases.insert(0, name_to(e))
            construct_state, construct_english = None, None
            if (
                state is None
                and end == i + 2
                and not noun.startswith(ARTICLE)
                and not _definite(keys[i + 1])
                and end < len(keys)
                and not _MARK.search(text[words[end - 1].end : words[end].start])
            ):
                # «وكالة أنباء لاتفيا»: an indefinite noun in construct, named by the state it
                # is of (the store's, or one only CLDR names)
                construct_state = self._state_at(words, end)
            if construct_state is not None:
                state, e = construct_state[0], words[construct_state[1] - 1].end
                if state is None:
                    row = _state_names().names.get(keys[end])
                    construct_english = row[2] if row else None
            elif state is None and (where := self._state_after(clause, end)) is not None:
                # "وزارة الدفاع في المملكة العربية السعودية": the state's ministry, also
                # written with the state's adjective ("وزارة الدفاع السعودية").
                state, last = where
                adjective = self._adjective_of(state, feminine=noun.endswith(("ة", "ه")) or k.endswith("ات"))
                if adjective:
                    aliases.append(f"{name_to(e)} {adjective}")
                e = words[last - 1].end
            if state is None and not quoted and (fuller := self._named_fuller(name_to(e))) is not None:
                # "وزارة الخارجية" after "وزارة الخارجية الأمريكية": the one named before.
                self._respell(fuller, name_to(e))
                continue
            owner = self._belongs_to(clause, end)
            if owner is not None and not quoted and e == words[end - 1].end:
                # "وكالة التعاون الأمني التابعة لوزارة الدفاع الأمريكية": named with its body
                e = words[owner[0] - 1].end
            else:
                owner = None
            glossed = all(
                institution_word(_purpose_key(x)) or self._state_adjective(x)
                for x in keys[i + 1 : end - fields]
            )
            whole = words[end].end if official and e == words[end - 1].end else e  # «... الرسمية»
            initials = None if quoted else _INITIALS.match(text, whole)
            if initials is not None:
                # «إدارة العتاد الدفاعي السويدية (FMV)»: named with its Latin initials, and by them
                aliases += [f"{name_to(whole)} ({initials.group(1)})", initials.group(1)]
            # what an administration runs, the noun after «إدارة», with no English: no
            # body told by it unless by its initials too, and none named without the noun
            unnamed_field = runs and institution_english(keys[i : i + 2], None) is None
            if runs and initials is None and owner is None:
                if not any(states) or any(
                    _RUNNING_IT.match(_after_conjunction(x, stem=True)) for x in keys[max(0, i - 2) : i]
                ):
                    continue  # «إدارة الأزمة»: running it, no body; «وتولت إدارة الملف السوري»
                if unnamed_field:
                    continue  # «إدارة الملف السوري»: running the file, no field a body runs
            other = _QUOTED_AFTER.match(text, whole)
            own_name = None
            other_keys = normalize(other.group(1)).split() if other is not None else []
            if (
                not quoted
                and other is not None
                and self._looks_like_a_name(other_keys)
                # («(الهيئة)»: the body's noun again, no other name)
                and not any(p.opens(other_keys[0]) for p in (*_INSTITUTIONS, *_MEDIA))
                and not _company_noun(other_keys[0])
                # («وزيرة القوات المسلحة الفرنسية "فلورنس بارلي"»: the office's holder)
                and not heads
            ):
                # «وزارة الدفاع ”البنتاجون”»: the body's other name, quoted after its own;
                # and the two as one («وكالة الأنباء السعودية "واس"»)
                already = [
                    x
                    for x in self.linker.resolve(other.group(1), True, True)
                    if self.linker.type_of(x) == "organization"
                ]
                if len(already) == 1:
                    # «وكالة الأنباء الروسية (نوفوستي)»: the agency known by its other name
                    self._respell(already[0], name_to(e))
                    continue
                aliases.append(other.group(1))
                if len(other_keys) == 1:
                    aliases.append(f"{name_to(whole)} {other.group(1)}")
                if state is None and glossed and not own:
                    # «وكالة الأنباء الرسمية «بترا»»: a kind and no one's, the quoted name is its own
                    own_name = other.group(1)
            if state is None and not quoted and owner is None and noun in _STATE_BODIES:
                # "أعلنت وزارة الدفاع" told bare: the ministry of the state its sentence named
                # before it, in the clause before it («في السياسة الأمريكية، ... تشمل
                # الكونغرس، ووزارة الدفاع»), else of the state the article is about, the one
                # it names most
                state = self._state_before(clause, i) or self._home_state
            # (what a works makes is no part of its name to know: «... لبناء السفن»)
            own_end = next((x for x in range(i + 2, end) if _MAKING.match(keys[x])), end - fields)
            # (its words the glossary lacks: a body all the same when it belongs to one,
            # has initials or is an administration named with its state)
            told = glossed or owner is not None or initials is not None or runs
            if not known(s, words[i].end if glossed else words[own_end - 1].end) and (
                told or self._looks_like_a_name(keys[i + 1 : end])
            ):
                # (an institution's words the glossary knows may be cue words: "التعاون")
                body = self.linker.entities[state].get("name") if state else None
                if construct_state is not None and state is None:
                    body = construct_english
                english = institution_english(normalize(name_to(words[end - 1].end)).split(), body)
                if owner is not None and english:
                    english = f"{english} of {owner[1]}"
                if unnamed_field:
                    english = None  # «إدارة العتاد ...»: not "Defence Administration", the reviewer names it
                if initials is not None and english:
                    english = f"{english} ({initials.group(1)})"
                if (
                    [k, keys[i + 1]] == _NAVAL_FORCES
                    and end == i + 3
                    and state is not None
                    and self._state_adjective(keys[i + 2]) == state
                ):
                    # "القوات البحرية المصرية" is the state's navy, also "البحرية المصرية"
                    aliases.append(
                        f"{text[words[i + 1].start : words[i + 1].end]} {text[words[i + 2].start : words[i + 2].end]}"
                    )
                    if english and english.endswith(" Naval Forces"):
                        aliases.append(english.removesuffix(" Naval Forces") + " Navy")
                if state is not None and end - i >= 3 and self._state_adjective(keys[end - 1]) == state:
                    # «الجيش العربي الجزائري», «القوات البحرية الأميرية القطرية»: named also
                    # without the epithet between the body and its state
                    plain = name_to(e)
                    for x in range(i + 1, end - 1):
                        if keys[x] in _BODY_EPITHETS:
                            plain = plain.replace(" " + text[words[x].start : words[x].end], "", 1)
                    if plain != name_to(e):
                        aliases.append(plain)
                if own_name is not None:
                    aliases = [name_to(e), *aliases]
                    english = loanword_english(own_name)
                self._new_entity(
                    own_name or (written if quoted else name_to(e)),
                    "organization",
                    f"institution: {noun}",
                    english=english,
                    aliases=aliases,
                )
                made = self._new_names.get(normalize(own_name or (written if quoted else name_to(e))))
                if made is not None and state is not None:
                    self.state_of[made] = state
                if state is not None and e == words[end - 1].end and self._state_adjective(keys[end - 1]):
                    self._conjoined_bodies(clause, i, end, name_to(words[end - 2].end), known)

    def _conjoined_state(self, key: str) -> str | None:
        """The state a nationality adjective after a conjunction names («والأردنية»), else None."""
        if key[:1] not in CONJUNCTIONS or 1 not in clitic_cuts(key):
            return None
        bare = strip_clitic(key, 1)
        return self._state_adjective(bare) if bare.startswith(ARTICLE) else None

    def _conjoined_bodies(self, clause: Clause, i: int, end: int, head: str, known: Any) -> None:
        """«وزارة الدفاع العمانية والأردنية», «السفارتين الأمريكية والبريطانية»: after a body
        named with its state's adjective, each state's adjective joined by «و» names that
        state's body of the same kind (its noun and words before the first adjective)."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        noun_keys = keys[i : end - 1]
        j = end
        while j < len(keys) and (state := self._conjoined_state(keys[j])) is not None:
            if re.search(r"[،,.:؛«»\"“”()]", text[words[j - 1].end : words[j].start]):
                break
            adjective = _after_clitic(text, words[j].start, words[j].end, 1)  # the «و» cut
            s = words[j].end - len(adjective)
            if not known(s, words[j].end):
                name = f"{head} {adjective}"
                body = self.linker.entities[state].get("name")
                english = institution_english([*noun_keys, strip_clitic(keys[j], 1)], body)
                self._new_entity(
                    name, "organization", "institution: a second state's, by its adjective", english=english
                )
                if (made := self._new_names.get(normalize(name))) is not None:
                    self.state_of[made] = state
            j += 1

    def _bare_parliament(self, clause: Clause, i: int, noun: str = _PARLIAMENT) -> None:
        """«البرلمان» or «الحكومة» told bare («أمام البرلمان في مانيلا», «إنّ الحكومة
        وافقت», «في بيان صادر عن الحكومة»): the parliament or government of the state the
        sentence names first, else of the article's state; the one named before with its
        state's adjective when there is one. Readers list a bare one as its state's; not
        under an office's title («رئيس الحكومة»: the office)."""
        words = clause.words
        k = words[i].key
        s = words[i].start + max(0, k.find(noun))
        name = self.text[s : words[i].end]
        if k.find(noun) < 0 and -1 in clitic_cuts(k):
            name = _after_clitic(self.text, words[i].start, words[i].end, -1)  # «للحكومة»: ل + «الحكومة»
        if (fuller := self._named_fuller(name)) is not None:
            self._respell(fuller, name)
            return
        kind = "parliament" if noun == _PARLIAMENT else "government"
        named = [
            str(e["id"])
            for e in self.new_entities
            if e.get("type") == "organization" and str(e.get("name") or "").casefold().endswith(" " + kind)
        ]
        if len(named) == 1:
            # «حكومة كوريا الجنوبية» named before: «وفقا لبيانات الحكومة» is that one
            self._respell(named[0], name)
            return
        state = self._first_state(clause.sentence, words[i].start) or self._home_state
        if state is None:
            return
        body = str(self.linker.entities[state].get("name") or "")
        english = institution_english([noun], body)
        self._new_entity(name, "organization", f"institution: a {kind} told bare", english=english)
        if (made := self._new_names.get(normalize(name))) is not None:
            self.state_of[made] = state

    def _navies(self, clause: Clause, known: Any) -> None:
        """A state's navy named by «البحرية» and the state's adjective («مع البحرية
        الفرنسية»), no forces' noun before it: the state's navy, also named its naval forces
        («القوات البحرية الفرنسية»)."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        for i in range(len(keys) - 1):
            cut = next((c for c in clitic_cuts(keys[i]) if strip_clitic(keys[i], c) == _NAVY), None)
            if cut is None or (i > 0 and keys[i - 1].removeprefix("ال") in _FORCES_NOUNS):
                continue
            if i > 0 and keys[i - 1] == _INFANTRY:
                continue  # «قوات مشاة البحرية»: the Marines, a body of their own
            # («البحرية الملكية الأسترالية»: a kingdom's or a crown's navy, royal before its state)
            royal = keys[i + 1] == _ROYAL and i + 2 < len(keys)
            a = i + 2 if royal else i + 1
            state = self._state_adjective(keys[a])
            if state is None or re.search(r"[،,.:؛«»\"“”()]", text[words[i].end : words[a].start]):
                continue
            name = _after_clitic(text, words[i].start, words[a].end, cut)
            s = words[a].end - len(name)
            if known(s, words[i].end):
                continue  # (the state's name «السعودية» is its adjective too: only the noun counts)
            body = str(self.linker.entities[state].get("name") or "")
            before = len(self.new_entities)
            aliases = [f"القوات {name}", f"{demonym(body)} Naval Forces"]
            english = f"{demonym(body)} Navy"
            if royal:
                aliases += [f"{text[s : words[i].end]} {text[words[a].start : words[a].end]}", english]
                english = f"Royal {english}"
            self._new_entity(name, "organization", "a state's navy", english=english, aliases=aliases)
            if len(self.new_entities) > before:
                self.state_of[str(self.new_entities[-1]["id"])] = state

    def _foreign_name_end(self, clause: Clause, i: int) -> int:
        """The end of a works' or company's foreign name of two or three words after its
        noun at `i` («مؤسسة هودنج زونج هوا لبناء السفن»): words with no article and no ة
        that a name may be, running to what it makes (لبناء، لصناعة) or to a mark; else 0."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        end = i + 1
        while (
            end < len(keys)
            and end - i <= 3
            and not keys[end].startswith("ال")
            and not keys[end].endswith("ه")
            and keys[end] not in _FUNCTION_WORDS
            and not _MAKING.match(keys[end])
            and self._looks_like_a_name([keys[end]])
            and not re.search(r"[0-9٠-٩]", keys[end])
            and (end == i + 1 or not re.search(r"\S", text[words[end - 1].end : words[end].start]))
        ):
            end += 1
        if end - i - 1 < 2:
            return 0
        made = end < len(keys) and _MAKING.match(keys[end]) is not None
        closed = end == len(keys) or re.search(r"[،,.:؛]", text[words[end - 1].end : words[end].start])
        return end if made or closed else 0

    def _state_adjective(self, key: str) -> str | None:
        """The state a nationality adjective (with the article) names; a state whose name
        opens like the article («ألمانيا») has its adjective's article written twice
        («الألمانية»)."""
        key = key if key.startswith(ARTICLE) else ARTICLE + key
        found = self.linker.adjectives.get(key)
        if found is None and key.startswith(ARTICLE + ARTICLE):
            found = self.linker.adjectives.get(key[len(ARTICLE) :])
        return found

    def _state_adjective_at(self, keys: list[str], j: int) -> tuple[str, int] | None:
        """The state a nationality adjective at word `j` names, and the adjective's last
        word: one word («الروسية») or two, of a state named by two («الكورية الجنوبية»:
        South Korea, proposed when the article names it nowhere else)."""
        if j + 1 < len(keys):
            first, second = (k if k.startswith(ARTICLE) else ARTICLE + k for k in keys[j : j + 2])
            row = _state_names().pairs.get((first, second))
            if row is not None and keys[j].startswith(ARTICLE) == keys[j + 1].startswith(ARTICLE):
                state = self._state_for(row[0], row[1], row[2], "by its adjective of two words")
                if state is not None:
                    return state, j + 1
        state = self._state_adjective(keys[j])
        return (state, j) if state is not None else None

    @functools.cached_property
    def _text_clauses(self) -> list[Clause]:
        """The text's clauses, split once (the text does not change)."""
        return clauses(self.text)

    @functools.cached_property
    def _state_counts(self) -> dict[str, int]:
        """How often the article names each state (by name or adjective), in the order it
        first names them."""
        counts: dict[str, int] = {}
        for c in self._text_clauses:
            for m in find_mentions(self.linker, self.text, c.words):
                for e in m.ids[:1]:
                    if self.linker.type_of(e) == "country":
                        counts[e] = counts.get(e, 0) + 1
        return counts

    def _first_state(self, sentence: int, before: int) -> str | None:
        """The state a sentence names first (by name or adjective) before offset `before`,
        else the one the sentence before it names first."""
        for number in (sentence, sentence - 1):
            found: list[tuple[int, str]] = []
            for c in self._text_clauses:
                if c.sentence != number:
                    continue
                for m in find_mentions(self.linker, self.text, c.words):
                    found += [(m.start, e) for e in m.ids[:1] if self.linker.type_of(e) == "country"]
                for w in c.words:
                    for cut in clitic_cuts(w.key):
                        if (state := self._state_adjective(strip_clitic(w.key, cut))) is not None:
                            found.append((w.start, state))
                            break
            found = sorted(x for x in found if x[0] < before)
            if found:
                return found[0][1]
        return None

    def _state_before(self, clause: Clause, at: int) -> str | None:
        """The one state (by name or adjective) the sentence names before word `at` of
        `clause`, None when it names none or several."""
        found: set[str] = set()
        before = clause.words[at].start
        for c in self._text_clauses:
            if c.sentence != clause.sentence:
                continue
            for m in find_mentions(self.linker, self.text, c.words):
                if m.start < before:
                    found |= {e for e in m.ids[:1] if self.linker.type_of(e) == "country"}
        return next(iter(found)) if len(found) == 1 else None

    def _states_near(self, sentence: int) -> list[str]:
        """The two states a sentence names (by name or adjective), else with the sentence
        before it: none when they name fewer or more than two."""
        for span in ((sentence,), (sentence - 1, sentence)):
            found: list[str] = []
            for c in self._text_clauses:
                if c.sentence not in span:
                    continue
                named = [e for m in find_mentions(self.linker, self.text, c.words) for e in m.ids[:1]]
                # (an adjective inside a body's or an office's name: «بوزارة الدفاع العمانية»)
                adjectives = [
                    self.linker.adjectives[a]
                    for w in c.words
                    for a in {strip_clitic(w.key, cut) for cut in clitic_cuts(w.key)}
                    if a.startswith(ARTICLE) and a in self.linker.adjectives
                ]
                for e in [*named, *adjectives]:
                    if self.linker.type_of(e) == "country" and e not in found:
                        found.append(e)
            if len(found) == 2:
                return found
        return []

    @functools.cached_property
    def _home_state(self) -> str | None:
        """The state the article is about: the one it names most (by name or adjective),
        the first named of those tied."""
        counts = self._state_counts
        # the state named most, the first named of those tied (dicts keep their order)
        return max(counts, key=lambda e: counts[e]) if counts else None

    def _belongs_to(self, clause: Clause, at: int) -> tuple[int, str] | None:
        """The body an institution belongs to, told after it at word `at` («التابعة لوزارة
        الدفاع الأمريكية»), or the body it is in, «ب» on its noun («إدارة الصادرات بوزارة
        الدفاع الإسرائيلية»): the word after that body's name, and its English name."""
        words = clause.words
        keys = [w.key for w in words]
        if at < len(keys) and _in_body(keys[at]):
            at -= 1  # («بوزارة»: the body's noun itself, no «التابعة» before it)
            cut = _proclitic_cut(keys[at + 1], ("ب",))
        elif at + 1 < len(keys) and keys[at] in _BELONGING:
            cut = _proclitic_cut(keys[at + 1], ("ل",))
        else:
            return None
        head = keys[at + 1]
        bare = strip_clitic(head, cut) if cut is not None else ""  # «لوزارة», «للقوات» (ل + ال)
        if not bare:
            return None
        if not any(p.opens(bare) for p in _INSTITUTIONS):
            return self._known_owner(words, at + 1, cut)
        end = at + 2
        while (
            end < len(keys)
            and end - at < 7
            and keys[end].startswith("ال")
            and not re.search(r"[،,.:؛«»\"“”()]", self.text[words[end - 1].end : words[end].start])
        ):
            end += 1
        names = [bare, *keys[at + 2 : end]]
        state = next((self.linker.adjectives[x] for x in names if x in self.linker.adjectives), None)
        body = self.linker.entities[state].get("name") if state else None
        english = institution_english(names, body)
        return (end, f"the {english}") if english else None

    def _known_owner(self, words: list[Word], at: int, cut: int | None) -> tuple[int, str] | None:
        """An organization the store knows, named from word `at` with «ل» (cut `cut`) on it
        («التابعة لحلف الناتو»): the word after its name and its English name."""
        for size in range(min(3, len(words) - at), 0, -1):
            s, e = words[at].start, words[at + size - 1].end
            if _MARK.search(self.text[s:e]):
                continue
            found = self.linker.resolve(_after_clitic(self.text, s, e, cut or 0), True, True)
            orgs = [x for x in found if self.linker.type_of(x) == "organization"]
            if len(orgs) == 1:
                self.mentioned.setdefault(orgs[0], None)  # named here, inside the body's name
                return at + size, str(self.linker.entities[orgs[0]].get("name") or "")
        return None

    def _conjoined_in_name(self, clause: Clause, keys: list[str], at: int) -> bool:
        """Word `at` is a definite noun joined by «و» that a body's name goes on with: what
        follows it and its own adjectives closes the name, its state's adjective, «التابعة»,
        «ب» on the body it is in or its initials in brackets («وكالة الدعم والمشتريات
        التابعة لـ», «والعلاقات العامة بوزارة»); «وزارة الدفاع والجيش» is two."""
        words = clause.words
        key = keys[at]
        bare = _after_conjunction(key, stem=True)
        if bare == key:
            return False
        if not bare.startswith(ARTICLE) or any(p.opens(bare) for p in _INSTITUTIONS):
            return False
        # (its own adjectives after it first: «والعلاقات العامة بوزارة ...»)
        last = at
        while (
            last + 1 < len(keys)
            and last - at < 2
            and _definite(keys[last + 1])
            and not self._state_adjective(keys[last + 1])
            and keys[last + 1] not in _BELONGING
            and not _MARK.search(self.text[words[last].end : words[last + 1].start])
        ):
            last += 1
        if _INITIALS.match(self.text, words[last].end):
            return True
        after = keys[last + 1] if last + 1 < len(keys) else ""
        if _MARK.search(self.text[words[last].end : words[last + 1].start] if after else ""):
            return False
        return after in _BELONGING or _in_body(after) or self._state_adjective(after) is not None

    def _definite_embassy(self, clause: Clause, i: int, known: Any) -> bool:
        """A state's embassy named by its adjective («السفارة الأمريكية في عمان»), with the
        city it is in after في when one word names it: the state's embassy there."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        if i + 1 >= len(keys) or (state := self._state_adjective(keys[i + 1])) is None:
            return False
        if re.search(r"[،,.:؛«»\"“”()]", text[words[i].end : words[i + 1].start]):
            return False
        end = i + 2
        city = None
        if (
            end + 1 < len(keys)
            and keys[end] == "في"
            and not _definite(keys[end + 1])
            and keys[end + 1] not in _FUNCTION_WORDS
            and self._looks_like_a_name([keys[end + 1]])
            and not re.search(r"[0-9٠-٩]", keys[end + 1])
            and not re.search(r"[،,.:؛«»\"“”()]", text[words[end].end : words[end + 1].start])
        ):
            place = text[words[end + 1].start : words[end + 1].end]
            places = self.linker.resolve(place, True, True)
            if not places or any(self.linker.type_of(x) == "city" for x in places):
                city = next(
                    (
                        str(self.linker.entities[x].get("name"))
                        for x in places
                        if self.linker.type_of(x) == "city"
                    ),
                    english_name(place, self._spellings),
                )
                end += 2
        k = keys[i]
        s = words[i].start + max(0, k.find("ال" + normalize("سفارة")))
        e = words[end - 1].end
        if known(s, e):
            return True
        if city is None and (fuller := self._named_fuller(text[s:e])) is not None:
            self._respell(fuller, text[s:e])  # the embassy named before with its city
            return True
        body = str(self.linker.entities[state].get("name") or "")
        english = f"{demonym(body)} Embassy" + (f" in {city}" if city else "")
        before = len(self.new_entities)
        self._new_entity(text[s:e], "organization", "institution: a state's embassy", english=english)
        if len(self.new_entities) > before:
            self.state_of[str(self.new_entities[-1]["id"])] = state
        return True

    def _owned_institution(
        self, clause: Clause, i: int, noun: str, mentions: list[Mention], known: Any
    ) -> None:
        """An institution named by whom it belongs to, a state or a person named right after
        its noun ("سفارة الإمارات لدى الولايات المتحدة", "حكومة كوريا الجنوبية", "إدارة
        ترمب"): the noun, the name, and for an embassy where it is."""
        text, words = self.text, clause.words
        owner = next((m for m in mentions if not m.weak and m.first == i + 1 and m.ids), None)
        kind = self.linker.type_of(owner.ids[0]) if owner is not None else None
        if owner is None and noun in (_ADMINISTRATION, _GOVERNMENT_NOUN):
            self._administration_of(clause, i, known, noun)
            return
        if owner is None or kind not in ("country", "person"):
            return
        end = owner.last
        where = None
        if noun == normalize("سفارة") and end + 1 < len(words) and words[end].key in _ACCREDITED:
            where = next(
                (
                    m
                    for m in mentions
                    if m.first == end + 1 and m.ids and self.linker.type_of(m.ids[0]) == "country"
                ),
                None,
            )
            if where is not None:
                end = where.last
        k = words[i].key
        s, e = words[i].start + max(0, k.find(noun)), words[end - 1].end
        if known(s, words[i].end):
            return
        named = str(self.linker.entities[owner.ids[0]].get("name") or "")
        if kind == "country":
            english = institution_english([noun], named)
        else:
            english = institution_english([noun], None, owner=named)
        if english and where is not None:
            english += f" in {self.linker.entities[where.ids[0]].get('name')}"
        same = [
            e["id"] for e in self.new_entities if e.get("type") == "organization" and e.get("name") == english
        ]
        if english and kind == "country" and len(same) == 1:
            # «حكومة دولة قطر» after «الحكومتين القطرية والإيطالية»: the body named before
            self._respell(same[0], text[s:e])
            return
        before = len(self.new_entities)
        self._new_entity(text[s:e], "organization", f"institution: {noun} of a name", english=english)
        if len(self.new_entities) > before and kind == "country":
            self.state_of[str(self.new_entities[-1]["id"])] = owner.ids[0]
            self._owned_by_state.add(str(self.new_entities[-1]["id"]))

    def _administration_of(self, clause: Clause, i: int, known: Any, noun: str = _ADMINISTRATION) -> None:
        """An administration or a government named by its head, whom the article names
        nowhere else («حين وافقت إدارة جورج بوش الابن على», «لإدارة ترامب،», «حكومة فلان
        تصدق»): the head's name is the words after the indefinite noun, none with the
        article (a body's words: «إدارة المساعدة الخارجية») but a father's or son's
        «الابن», «الأب», none a noun's ending (ة, ات), up to punctuation, a word no name
        holds or a word with the article. A government's head has no derived verbal noun
        among his words («حكومة إنقاذ وطني», «حكومة تصريف أعمال»: what kind it is). The head is proposed as a person, the body as his."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        end = i + 1
        while end < len(keys) and end - i <= 3:
            if end > i + 1 and re.search(r"[^\s]", text[words[end - 1].end : words[end].start]):
                break  # punctuation ends the name
            k = keys[end]
            if (
                k.startswith("ال")
                or k in _FUNCTION_WORDS
                or k.endswith(("ه", "ات"))
                or re.search(r"[0-9\u0660-\u0669]", k)
                or not re.fullmatch(r"\w+", k)
            ):
                break
            end += 1
        while end > i + 2 and not self._looks_like_a_name(keys[i + 1 : end]):
            end -= 1  # «حكومة ميركل وافقت»: the verb after the name, no word of it
        if end == i + 1 or not self._looks_like_a_name(keys[i + 1 : end]):
            return
        if noun == _GOVERNMENT_NOUN and any(self._verbal_noun(x) for x in keys[i + 1 : end]):
            return
        if end == i + 2 and end < len(keys) and keys[end].startswith("ال") and keys[end].endswith("ات"):
            # «إدارة برنامج المشتريات الدفاعية»: a noun in construct with a plural, no one's name
            self._administration_of_programme(clause, i, known)
            return
        if any(
            self.linker.resolve(text[words[n].start : words[n].end], True, True) for n in range(i + 1, end)
        ):
            return  # a state's or a known body's name: no person's
        if (
            end < len(keys)
            and keys[end] in _KIN_OF_HEAD
            and not text[words[end - 1].end : words[end].start].strip()
        ):
            end += 1  # «جورج بوش الابن»: the son, of the same name
        k = keys[i]
        s = words[i].start + max(0, k.find(noun))
        if known(s, words[end - 1].end):
            return
        person = text[words[i + 1].start : words[end - 1].end]
        before = len(self.new_entities)
        self._new_entity(person, "person", "the head an administration is named by")
        made = self.new_entities[-1] if len(self.new_entities) > before else None
        head = str(made["name"]) if made is not None else english_name(person, self._spellings)
        self._new_entity(
            text[s : words[end - 1].end],
            "organization",
            "institution: an administration or a government named by its head",
            english=institution_english([noun], None, owner=head),
        )

    def _administration_of_programme(self, clause: Clause, i: int, known: Any) -> None:
        """An administration named by what it runs, a noun in construct with a plural and
        their adjectives («إدارة برنامج المشتريات الدفاعية»), the state or capital it is in
        after «في» and its initials in brackets with it when written («في سول (DAPA)»): the
        body named whole, and without the place."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        end = i + 3
        while (
            end < len(keys)
            and end - i < 6
            and keys[end].startswith("ال")
            and keys[end] not in _FUNCTION_WORDS
            and not re.search(r"[^\s]", text[words[end - 1].end : words[end].start])
        ):
            end += 1
        k = keys[i]
        s = words[i].start + max(0, k.find(normalize("إدارة")))
        if known(s, words[end - 1].end):
            return
        short = text[s : words[end - 1].end]
        state = self._state_after(clause, end)
        full, last = short, end
        if state is not None:
            last = state[1]
        elif end + 1 < len(keys) and keys[end] == "في" and keys[end + 1] in _CAPITALS_KEYS:
            code = _CAPITALS_KEYS[keys[end + 1]]
            row = next((r for r in _state_names().names.values() if r[0] == code), None)
            found = self._state_for(*row, "by its capital") if row is not None else None
            state, last = ((found, end + 2) if found is not None else None), end + 2
        if state is not None:
            full = text[s : words[last - 1].end]
        initials = _INITIALS.match(text, words[last - 1].end)
        if initials is not None:
            full = text[s : initials.end()]
        body = str(self.linker.entities[state[0]].get("name") or "") if state else None
        english = institution_english(normalize(short).split(), body)
        if english and initials is not None:
            english = f"{english} ({initials.group(1)})"
        self._new_entity(
            full,
            "organization",
            "institution: an administration named by what it runs",
            english=english,
            aliases=[short] if full != short else None,
        )
        if state is not None and (made := self._new_names.get(normalize(full))) is not None:
            self.state_of[made] = state[0]

    def _dual_institutions(self, clause: Clause) -> None:
        """Two states' institutions named at once ("وزارتي الدفاع السورية والروسية"): each
        proposed as its own, the noun singular ("وزارة الدفاع السورية", "وزارة الدفاع الروسية")."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        singular = [p.text for p in _INSTITUTIONS if p.text.endswith("ه") and not p.text.startswith("ال")]
        for i, k in enumerate(keys):
            m = next(
                (
                    m
                    for rx in (r"^()(\w+)ت[يا]$", f"^({CONJUNCTION_RE}{PREPOSITION_RE})" + r"(\w+)ت[يا]$")
                    if (m := re.match(rx, k)) and m.group(2) + "ه" in singular
                ),
                None,
            )
            if m is None:
                continue
            word = text[words[i].start : words[i].end]
            noun = word[len(m.group(1)) :][:-2] + "ة"
            if self._two_fields(clause, i, noun):
                continue
            end = i + 1
            while end < len(keys) and keys[end].startswith("ال") and keys[end] not in self.linker.adjectives:
                end += 1
            if end > i + 1 and self._both_states(clause, i, end, noun):
                continue
            if end + 1 >= len(keys) or keys[end] not in self.linker.adjectives:
                continue
            second = keys[end + 1][1:] if keys[end + 1].startswith("و") else ""
            if second not in self.linker.adjectives:
                continue
            middle = " ".join(text[w.start : w.end] for w in words[i + 1 : end])
            for adjective in (
                text[words[end].start : words[end].end],
                text[words[end + 1].start + 1 : words[end + 1].end],
            ):
                state = self.linker.adjectives[normalize(adjective)]
                body = self.linker.entities[state].get("name")
                name = " ".join(x for x in (noun, middle, adjective) if x)
                english = institution_english(normalize(name).split(), body)
                self._new_entity(
                    name, "organization", f"institution: {m.group(2)}ه (two states')", english=english
                )

    def _state_media(self, clause: Clause) -> None:
        """A state's media told as one source: «وسائل الإعلام الإسرائيلية» (Israeli media),
        «مصادر إعلامية فرنسية» (French media sources), «التلفزيون الإيطالي» (Italian
        television), «الإذاعة الجزائرية»; and its companies told as one («شركات أمريكية»,
        «شركات تسليح فرنسية»): the words and the state's adjective closing them."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        for i in range(len(keys) - 1):
            key = keys[i]
            cut = next((c for c in clitic_cuts(key) if strip_clitic(key, c) in _STATE_MEDIA_NOUNS), None)
            if cut is None:
                continue
            bare = strip_clitic(key, cut)
            kind, last = None, i + 1
            if bare == "وسايل" and keys[i + 1] in ("الاعلام", "اعلام") and i + 2 < len(keys):
                kind, last = "media", i + 2
            elif bare == "مصادر" and keys[i + 1] in ("اعلاميه", "صحفيه") and i + 2 < len(keys):
                kind, last = "media sources", i + 2
            elif bare in _BROADCASTERS:
                kind = _BROADCASTERS[bare]
            elif bare == "شركات" or (
                bare == "الشركات"
                and keys[i + 1].startswith(ARTICLE)
                and not _A_COMPANY.search(normalize(text[: words[i].start]))
            ):
                # «شركات أمريكية», «شركات تسليح فرنسية», «الشركات الكورية الجنوبية» (definite
                # when no company was named before: not the ones named): a state's companies,
                # told as one; what they make between, when no adjective of a state
                field = _COMPANIES_FIELDS.get(keys[i + 1]) if i + 2 < len(keys) else None
                if (
                    field is None
                    and bare == "شركات"
                    and i + 2 < len(keys)
                    and self._state_adjective_at(keys, i + 1) is None
                    and not keys[i + 1].startswith(ARTICLE)
                    and keys[i + 1] not in _FUNCTION_WORDS
                    and self._state_adjective_at(keys, i + 2) is not None
                ):
                    field = _COMPANIES_FIELDS.get(keys[i + 1], "")
                kind, last = (
                    (f"{field} companies".strip(), i + 2) if field is not None else ("companies", i + 1)
                )
            if kind is None or re.search(r"[،,.:؛«»\"“”()]", text[words[i].end : words[last].start]):
                continue
            found = self._state_adjective_at(keys, last)
            state, last = found if found is not None else (None, last)
            if state is None and kind in (*_BROADCASTERS.values(), "media") and keys[last] in _STATE_OWNED:
                # «وسائل الإعلام الحكومية الصينية»: a state's media, the state's adjective after
                # what owns them.
                # «التلفزيون الرسمي السوري», «الإذاعة الرسمية»: a state's broadcaster, the
                # state's adjective after it or, told bare, the state the article is about
                kind = f"state {kind}"
                after = last + 1 < len(keys) and not re.search(
                    r"[،,.:؛«»\"“”()]", text[words[last].end : words[last + 1].start]
                )
                state = self._state_adjective(keys[last + 1]) if after else None
                if state is not None:
                    last += 1
                else:
                    state = self._first_state(clause.sentence, words[i].start) or self._home_state
            if state is None:
                continue
            body = str(self.linker.entities[state].get("name") or "")
            name = _after_clitic(text, words[i].start, words[last].end, cut)
            before = len(self.new_entities)
            cue = "a state's companies" if bare == "شركات" else "a state's media"
            self._new_entity(name, "organization", cue, english=f"{demonym(body)} {kind}")
            if len(self.new_entities) > before:
                self.state_of[str(self.new_entities[-1]["id"])] = state
                if kind.endswith("media"):
                    # a state's media told as one: the via of what it reports, no speaker
                    self.media.add(str(self.new_entities[-1]["id"]))

    def _group_adjective(self, key: str, definite: bool, plural: bool = False) -> str | None:
        """The English of a source's or report's kind («عسكرية», «الرسمية», «مطلع»), in the
        definiteness of its noun; after a plural noun any adjective in «ية» says a kind
        («مصادر استخباراتية»: "" when the glossary has no English for it); None for any
        other word."""
        if definite != key.startswith(ARTICLE):
            return None
        bare = key.removeprefix(ARTICLE)
        for stem in (
            bare,
            bare[:-1] if bare.endswith("ه") else None,
            bare[:-2] if bare.endswith(("ين", "ون")) else None,
        ):
            if stem and stem in _GROUP_ADJECTIVES:
                return _GROUP_ADJECTIVES[stem]
        if len(bare) >= 4 and bare.endswith(("ي", "يه")) and institution_adjective(ARTICLE + bare):
            return (field_english([ARTICLE + bare]) or "").lower() or None
        if plural and len(bare) >= 5 and bare.endswith("يه") and bare not in _FUNCTION_WORDS:
            return ""
        return None

    def _military_spokesman(self, clause: Clause) -> None:
        """«المتحدث العسكري» (the military spokesman) told bare, no name and no state's
        adjective after him: the office of a state's army that speaks for it, which readers
        list as an organization, of the state the sentence (or the one before it) names
        first, else of the article's; named also with that state's adjective («المتحدث
        العسكري المصري»). None when one was named so before (that one), or with his state's
        adjective here (an office the titles read)."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        for i in range(len(keys) - 1):
            cut = next((c for c in clitic_cuts(keys[i]) if strip_clitic(keys[i], c) in _SPOKESMEN), None)
            if cut is None or keys[i + 1] not in _MILITARY:
                continue
            if i + 2 < len(keys):
                gap = text[words[i + 1].end : words[i + 2].start]
                if not re.search(r"[،,.:؛«»\"“”()\n]", gap) and (
                    self._state_adjective_at(keys, i + 2) is not None
                    or self._looks_like_a_name(keys[i + 2 : i + 3])
                ):
                    continue  # «المتحدث العسكري المصري», «المتحدث العسكري العقيد فلان»
            written = _after_clitic(text, words[i].start, words[i].end, cut)
            name = f"{written} {text[words[i + 1].start : words[i + 1].end]}"
            if self._named_fuller(name) is not None:
                continue  # the one named before with his state's adjective
            state = self._first_state(clause.sentence, words[i].start) or self._home_state
            if state is None:
                continue
            adjective = self._adjective_of(state, feminine=False)
            body = str(self.linker.entities[state].get("name") or "")
            self._new_entity(
                name,
                "organization",
                "a state's military spokesman",
                english=f"{demonym(body)} military spokesman",
                aliases=[f"{name} {adjective}"] if adjective else [],
            )

    def _told_as_one(self, clause: Clause) -> None:
        """Sources, reports and delegations told as one, by a plural or singular noun and
        the adjectives that say what kind they are, a state's adjective closing them or not
        («مصادر عسكرية»: military sources, «مصادر رسمية برازيلية»: Brazilian official
        sources, «لتقرير إعلامي»: media report, «وفد دفاعي أرمني»: Armenian defence
        delegation, a delegation only with its state and not led by one named after it,
        «برئاسة ...»); a role whose holder's name is withheld («مسؤول لم يذكر اسمه»:
        unnamed official, «مصدر مطلع فضل عدم ذكر اسمه»: one person, no source told as
        one); an unnamed spokesman of a body
        («متحدث باسم الإدارة»). The sources and reports are media (the via of what they
        tell); the others are people and agents."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        segment = text[words[0].start : words[-1].end] if words else ""
        offset = words[0].start if words else 0
        withheld: list[tuple[int, int]] = []
        for m in _UNNAMED.finditer(segment):
            name = segment[m.start(1) : m.end(3)]
            english = f"unnamed {_UNNAMED_ROLES[m.group(1)]}"
            self._new_entity(name, "person", _UNNAMED_CUES[0], english=english)
            withheld.append((offset + m.start(1), offset + m.end(3)))
        for i, key in enumerate(keys):
            if any(a <= words[i].start < b for a, b in withheld):
                continue  # «مصدر مطلع فضل عدم ذكر اسمه»: the one person
            bare, definite = None, False
            for cut in clitic_cuts(key):
                head = strip_clitic(key, cut)
                if head in _GROUP_NOUNS or (head.startswith(ARTICLE) and head[2:] in _GROUP_NOUNS):
                    bare, definite = head.removeprefix(ARTICLE), head.startswith(ARTICLE)
                    break
            if bare is None:
                continue
            noun, needs_state = _GROUP_NOUNS[bare]
            kinds: list[str] = []
            state, last = None, i
            for j in range(i + 1, min(i + 4, len(keys))):
                if re.search(r"[،,.:؛«»\"“”()]", text[words[j - 1].end : words[j].start]):
                    break
                adjective = keys[j]
                if (found := self._state_adjective_at(keys, j)) is not None and (
                    definite == adjective.startswith(ARTICLE)
                ):
                    state, last = found
                    break
                kind = self._group_adjective(adjective, definite, plural=noun.endswith("s"))
                if kind is None:
                    break
                if kind:
                    kinds.append(kind)
                last = j
            if last == i or (needs_state and state is None) or (definite and state is None):
                continue
            if noun == "delegation" and normalize("برئاسة") in keys[last + 1 :]:
                continue  # «وفد عراقي ... برئاسة وزير الدفاع»: told by its head, who acts
            start = words[i].start + len(key) - len(bare) - (len(ARTICLE) if definite else 0)
            name = text[start : words[last].end]
            people = demonym(str(self.linker.entities[state].get("name") or "")) if state else ""
            english = " ".join(x for x in (people, *kinds, noun) if x)
            before = len(self.new_entities)
            self._new_entity(name, "organization", f"{noun} told as one", english=english)
            if len(self.new_entities) > before:
                made = str(self.new_entities[-1]["id"])
                if state is not None:
                    self.state_of[made] = state
                if noun != "delegation":
                    self.media.add(made)  # what they tell comes through them: a via, no speaker
        for m in _SPOKESMAN.finditer(segment):
            at = next((k for k, w in enumerate(words) if w.start >= offset + m.end()), None)
            if at is None:
                continue
            end = at
            # the body: the store's or a proposed entity named from here, else its one word
            for n in range(min(6, len(words) - at), 0, -1):
                if self.linker.resolve(text[words[at].start : words[at + n - 1].end], True, True):
                    end = at + n - 1
                    break
            body = text[words[at].start : words[end].end]
            ids = self.linker.resolve(body, True, True)
            of = str(self.linker.entities[next(iter(ids))].get("name") or "") if len(ids) == 1 else ""
            name = f"{m.group(1)} {segment[m.end(1) : m.end()].strip()} {body}"
            english = f"{of} spokesperson" if of.isascii() and of else "spokesperson"
            self._new_entity(name, "person", _UNNAMED_CUES[1], english=english)

    def _movements(self, clause: Clause, named: list[tuple[int, int]]) -> None:
        """An armed movement named by «حركة», its name with the article and its state's
        adjective, told as fought or fighting («ضد حركة الشباب الصومالية», «مسلحي حركة
        الجهاد الفلسطينية»; not «حركة السفن الإيرانية», ships' traffic): proposed as an
        organization of that state."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        for i in range(len(keys) - 2):
            if not any(strip_clitic(keys[i], cut) == _MOVEMENT for cut in clitic_cuts(keys[i])):
                continue
            if not _definite(keys[i + 1]) or keys[i + 1] in _FUNCTION_WORDS:
                continue
            if i == 0 or not any(p.opens(keys[i - 1]) for p in _FOUGHT):
                continue  # «حركة السفن الإيرانية»: ships' traffic, no one fought
            if any(_MARK.search(text[words[k - 1].end : words[k].start]) for k in (i + 1, i + 2)):
                continue
            found = self._state_adjective_at(keys, i + 2)
            if found is None or not keys[i + 2].startswith(ARTICLE):
                continue
            state, last = found
            cut = next(c for c in clitic_cuts(keys[i]) if strip_clitic(keys[i], c) == _MOVEMENT)
            s, e = words[i].end - len(_after_clitic(text, words[i].start, words[i].end, cut)), words[last].end
            if any(a < e and s < b for a, b in named):
                continue
            people = demonym(str(self.linker.entities[state].get("name") or ""))
            own = english_name(text[words[i + 1].start : words[i + 1].end], self._spellings)
            before = len(self.new_entities)
            self._new_entity(
                text[s:e],
                "organization",
                "a movement by its name and state",
                english=f"{people} {own} Movement",
            )
            if len(self.new_entities) > before:
                self.state_of[str(self.new_entities[-1]["id"])] = state

    def _coalitions(self, clause: Clause, mentions: list[Mention]) -> None:
        """A coalition named by whom it fights, a body the article names right after
        («التحالف الدولي ضد تنظيم الدولة الإسلامية», «التحالف الدولي لمحاربة داعش»): an
        organization of its own, "international coalition against" the body."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        starts = {m.first: m for m in mentions if not m.weak}
        for i in range(len(keys) - 2):
            bare = next(
                (
                    strip_clitic(keys[i], c)
                    for c in clitic_cuts(keys[i])
                    if strip_clitic(keys[i], c) == _COALITION
                ),
                None,
            )
            if bare is None:
                continue
            j = i + 1 + (keys[i + 1] == _INTERNATIONAL)
            if j + 1 >= len(keys) or keys[j] not in _AGAINST:
                continue
            enemy = starts.get(j + 1)
            if enemy is None or not any(self.linker.type_of(e) == "organization" for e in enemy.ids):
                continue
            if any(
                re.search(r"[،,.:؛«»()]", text[words[x].end : words[x + 1].start]) for x in range(i, j + 1)
            ):
                continue
            end = enemy.end
            if text[end : end + 1] in '"”»':
                end += 1  # «ضد تنظيم "داعش"»: the quotation closed
            cut = next(c for c in clitic_cuts(keys[i]) if strip_clitic(keys[i], c) == _COALITION)
            name = _after_clitic(text, words[i].start, end, cut)
            against = str(self.linker.entities.get(enemy.ids[0], {}).get("name") or "")
            international = "international " if j > i + 1 else ""
            self._new_entity(
                name,
                "organization",
                "a coalition by whom it fights",
                english=f"{international}coalition against {against}",
            )

    def _coordinated_institutions(self, clause: Clause) -> None:
        """Two bodies of one state under one adjective in the plural («الحكومة والبرلمان
        النرويجيين»), and two states' bodies under a definite dual («الحكومتين القطرية
        والإيطالية»): each body proposed as its own, with its state's adjective singular."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        definite = {normalize(p.text) for p in (*_INSTITUTIONS, *_SERVICE_NOUNS) if p.text.startswith("ال")}
        definite |= {"ال" + normalize(p.text) for p in _INSTITUTIONS if p.text.endswith("ه")}

        def bare(key: str) -> str:
            # the proclitics before the article cut off («وبالحكومة», «للحكومة»), else a
            # conjunction alone
            forms = [strip_clitic(key, cut) for cut in clitic_cuts(key)]
            return next((f for f in reversed(forms) if f.startswith(ARTICLE)), _after_conjunction(key))

        def propose(noun: str, state: str) -> None:
            adjective = self._adjective_of(state, feminine=noun.endswith(("ة", "ه")))
            if adjective is None:
                return
            name = f"{noun} {adjective}"
            english = institution_english(normalize(name).split(), self.linker.entities[state].get("name"))
            same = [
                e["id"]
                for e in self.new_entities
                if e.get("type") == "organization" and e.get("name") == english
            ]
            if english and len(same) == 1:
                self._respell(same[0], name)  # («حكومة الجمهورية الإيطالية» named before: that one)
                return
            before = len(self.new_entities)
            self._new_entity(name, "organization", "institution: coordinated", english=english)
            if len(self.new_entities) > before:
                self.state_of[str(self.new_entities[-1]["id"])] = state

        def written(at: int) -> str:
            word = text[words[at].start : words[at].end]
            cut = len(word) - len(bare(words[at].key))  # (normalizing keeps a word's length)
            return (
                "ال" if bare(words[at].key).startswith("ال") and not word[cut:].startswith("ال") else ""
            ) + word[cut:]

        for i in range(len(keys) - 2):
            gap = text[words[i].end : words[i + 2].start]
            if re.search(r"[،,.:؛«»\"“”()]", gap):
                continue
            one, two, plural = bare(keys[i]), keys[i + 1], keys[i + 2]
            if one in definite and two[:1] == "و" and bare(two[1:]) in definite:
                # «الحكومة والبرلمان النرويجيين»: the adjective's plural, -يين or -يتين
                state = self._state_adjective(plural) if plural.endswith(_PLURAL_ADJECTIVE) else None
                if state is not None:
                    propose(written(i), state)
                    propose(written(i + 1), state)
                continue
            dual = re.fullmatch(r"(ال\w+)ت(?:ين|ان)", one)
            if dual and dual.group(1) + "ه" in definite and two.startswith("ال") and plural[:1] == "و":
                # «بين الحكومتين القطرية والإيطالية»
                first, second = self._state_adjective(two), self._state_adjective(plural[1:])
                if first and second and first != second:
                    noun = written(i)[:-3] + "ة"
                    propose(noun, first)
                    propose(noun, second)

    def _both_states(self, clause: Clause, i: int, end: int, noun: str) -> bool:
        """Two states' institutions named by «البلدين» («وزارتي الدفاع في البلدين»): the two
        states its sentence names, else the sentence before it, else the two the article
        names most; each one's institution proposed as its own. True when the dual was read so."""
        words = clause.words
        keys = [w.key for w in words]
        after = keys[end : end + 2]
        if not (after[:1] in (["البلدين"], ["للبلدين"], ["بالبلدين"]) or after == ["في", "البلدين"]):
            return False
        states = self._states_near(clause.sentence)
        if len(states) < 2:
            states = sorted(self._state_counts, key=lambda e: -self._state_counts[e])[:2]
        if len(states) < 2:
            return False
        middle = " ".join(self.text[w.start : w.end] for w in words[i + 1 : end])
        for state in states:
            adjective = self._adjective_of(state, feminine=True)
            if adjective is None:
                continue
            name = f"{noun} {middle} {adjective}"
            body = str(self.linker.entities[state].get("name") or "")
            english = institution_english(normalize(name).split(), body)
            before = len(self.new_entities)
            self._new_entity(name, "organization", f"institution: {noun} (both states')", english=english)
            if len(self.new_entities) > before:
                self.state_of[str(self.new_entities[-1]["id"])] = state
        return True

    def _two_fields(self, clause: Clause, i: int, noun: str) -> bool:
        """One state's two institutions named at once by a dual noun and two fields: with
        the state's adjective in the dual after them («وزارتا الخارجية والدفاع
        الأميركيتان»), else of the state the sentence names first or the one the article
        names most («وزارتي الدفاع والداخلية»); each proposed as its own, in the singular
        ("وزارة الخارجية الأميركية", "وزارة الدفاع العراقية"). True when read so."""
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        if i + 2 >= len(keys):
            return False
        first, second = keys[i + 1], keys[i + 2]
        if not (
            first.startswith("ال")
            and second.startswith("وال")
            and institution_word(first)
            and institution_word(second[1:])
            and not _MARK.search(text[words[i].end : words[i + 2].start])
        ):
            return False
        state: str | None = None
        dual = keys[i + 3] if i + 3 < len(keys) else ""
        if dual and not _MARK.search(text[words[i + 2].end : words[i + 3].start]):
            m = re.match(r"^(ال\w+)(?:تان|تين)$", dual)
            if m and m.group(1) + "ه" in self.linker.adjectives:
                state = self.linker.adjectives[m.group(1) + "ه"]
                adjective: str | None = text[words[i + 3].start : words[i + 3].end][: -len("تان")] + "ة"
                cue = "institution: two of one state's"
            elif dual.startswith("ال") and (
                self._state_adjective(dual) is not None or re.match(r"^ال\w+(?:تان|تين|يين|يان)$", dual)
            ):
                return False  # another state's adjective after them, or two states'
        if state is None:
            state = self._first_state(clause.sentence, words[i].start) or self._home_state
            if state is None:
                return False
            adjective = self._adjective_of(state, feminine=True)
            cue = "institution: two of one state's, told by a dual"
        if adjective is None:
            return False
        body = str(self.linker.entities[state].get("name") or "")
        for field_ in (
            text[words[i + 1].start : words[i + 1].end],
            text[words[i + 2].start + 1 : words[i + 2].end],
        ):
            name = f"{noun} {field_} {adjective}"
            if cue.endswith("dual") and self._named_fuller(f"{noun} {field_}") is not None:
                continue
            english = institution_english(normalize(name).split(), body)
            before = len(self.new_entities)
            self._new_entity(name, "organization", cue, english=english)
            if len(self.new_entities) > before:
                self.state_of[str(self.new_entities[-1]["id"])] = state
        return True

    def _state_after(self, clause: Clause, at: int) -> tuple[str, int] | None:
        """The state named after a body at word `at`: after «في» («في جمهورية العراق»), or
        with ب or ل on its name or its kind («بكوريا», «لجمهورية كوريا»); the store's entity
        and the word after it."""
        words = clause.words
        if at >= len(words):
            return None
        if words[at].key == "في":
            if at + 1 < len(words) and words[at + 1].key == _THE_COUNTRY and self._home_state is not None:
                return self._home_state, at + 2  # «وزارة الداخلية في البلاد»: the article's state
            found = self._state_at(words, at + 1)
        else:
            found = self._state_at(words, at, proclitics=PREPOSITIONS)
        return (found[0], found[1]) if found is not None and found[0] is not None else None

    def _state_at(
        self, words: list[Word], j: int, proclitics: tuple[str, ...] = ()
    ) -> tuple[str | None, int] | None:
        """The state named from word `j` and the word after it: its name («روسيا») or its
        long name («جمهورية كازاخستان», «روسيا الاتحادية», «جمهورية بنغلاديش الشعبية»), no
        mark inside; with `proclitics`, one of them on its first word («بكوريا», «لجمهورية
        كوريا», «وكازاخستان»). Its entity in the store or, for a state only CLDR names, the
        country proposed for it (None when none can be); None when no state is named there."""
        n, text = len(words), self.text
        if j >= n:
            return None
        key, cut = words[j].key, 0
        if proclitics:
            found_cut = _proclitic_cut(key, proclitics)
            if found_cut is None:
                return None
            key, cut = strip_clitic(key, found_cut), found_cut
        start = words[j].end - len(_after_clitic(text, words[j].start, words[j].end, cut))

        def marked(k: int) -> bool:
            return _MARK.search(text[words[k - 1].end : words[k].start]) is not None

        starts = [(start, j, key)]
        if key.removeprefix(ARTICLE) in _STATE_KINDS and j + 1 < n and not marked(j + 1):
            starts.append((words[j + 1].start, j + 1, words[j + 1].key))  # or without its kind
        found: tuple[str | None, int] | None = None
        for m in range(min(4, n - j), 0, -1):
            for at, first, _ in starts:
                if first + m > n or any(marked(k) for k in range(j + 1, first + m)):
                    continue
                written = text[at : words[first + m - 1].end]
                ids = [
                    x
                    for x in self.linker.resolve(written, False, False)
                    if self.linker.type_of(x) == "country"
                ]
                if ids:
                    # (a name several of the store's states share: a state, none of them)
                    found = (ids[0] if len(ids) == 1 else None, first + m)
                    break
            if found is not None:
                break
        if found is None:
            # a state the store lacks, by CLDR's name (its longest: «كوريا الشمالية» before
            # «كوريا»): the country proposed for it
            at, first, bare = starts[-1]
            cldr = _state_names().names
            phrases = [
                (" ".join([bare, *(w.key for w in words[first + 1 : first + size])]), size)
                for size in range(min(_LONGEST_STATE, n - first), 0, -1)
                if not any(marked(k) for k in range(first + 1, first + size))
            ]
            named = next(((phrase, size) for phrase, size in phrases if phrase in cldr), None)
            if named is None:
                return None
            found = (self._state_for(*cldr[named[0]], "named after a body"), first + named[1])
        end = last = found[1]
        while end < n and end - last < 2 and _definite(words[end].key) and words[end].key.endswith("يه"):
            if marked(end):
                break
            end += 1  # «روسيا الاتحادية»
        return found[0], end

    def _state_named_by(self, key: str) -> str | None:
        """The English name of the state a nationality adjective names (الروسية: Russia)."""
        for cut in clitic_cuts(key):
            bare = strip_clitic(key, cut)
            state = self.linker.adjectives.get(bare if bare.startswith(ARTICLE) else ARTICLE + bare)
            if state is not None:
                return str(self.linker.entities[state].get("name") or "") or None
        return None

    def _adjective_of(self, state: str, feminine: bool) -> str | None:
        """The state's adjective as the store's names give it (السعودي، السعودية)."""
        forms = [a for a, eid in self.linker.adjectives.items() if eid == state and _ARABIC_WORD.fullmatch(a)]
        fem = [a for a in forms if a.endswith("يه")]
        masc = [a for a in forms if a.endswith("ي")]
        pick = (fem or masc) if feminine else (masc or fem)
        if not pick:
            return None
        adjective = min(pick, key=len)
        return adjective[:-1] + "ة" if adjective.endswith("يه") else adjective  # as written

    @staticmethod
    def _looks_like_a_name(keys: list[str]) -> bool:
        """A person's name holds no cue word ("قوله", "مباحثات"), does not open with a
        preposition on a noun ("بالنسبة", "لتصدير") and is not the next title ("والرئيس")."""
        if not keys:
            return False
        first = keys[0]
        # (not و/ف + لا: فلاديمير، لافروف are names)
        if _NO_NAME_OPENING.match(first):
            return False
        if any(p.opens(first) for p in _TITLES) and not any(p.opens(first) for p in _HONORIFICS):
            return False
        cue_words = [p.parts[0] for p, _ in _PREDICATE_PATTERNS] + [p.parts[0] for p in _ATTRIBUTIONS]
        return not any(rx is not None and rx.match(k) for k in keys for rx in cue_words)

    def _reads_as_date(self, phrase: str) -> bool:
        try:
            parse_date(phrase, self.anchor)
        except DateError:
            return False
        return True

    def _credited_entity(self, credited: str) -> str | None:
        """The entity of a name given as credited: "Kommersant (كوميرسانت)" or either
        spelling alone. A store name links; an unknown one is proposed as an organization
        (in English when the English spelling is given)."""
        # (the last bracket is the other spelling: "Emirates News Agency (WAM) (وام)")
        m = re.fullmatch(r"\s*(.+?)\s*\(\s*([^()]+?)\s*\)\s*", credited)
        spellings = [m.group(1), m.group(2)] if m else [credited.strip()]
        spellings = [x for x in spellings if x]
        for spelling in spellings:
            ids = self.linker.resolve(spelling, True, True)
            if len(ids) == 1:
                return next(iter(ids))
        arabic = next((x for x in spellings if re.search(r"[\u0600-\u06ff]", x)), None)
        latin = next((x for x in spellings if x.isascii()), None)
        if arabic is None or (latin is not None and "unnamed" in latin.lower()):
            return None  # an unnamed collective ("وكالات") is no one to link to
        # «موقع الوطن البحريني»: the outlet is named without its medium's noun too («الوطن
        # البحريني»), and without its state's adjective («الوطن»)
        words = arabic.split()
        aliases = []
        if (
            len(words) >= 2
            and any(p.opens(normalize(words[0])) for p in _MEDIA)
            and not institution_word(normalize(words[1]))  # «وكالة الأنباء العمانية» is whole
        ):
            aliases.append(" ".join(words[1:]))
            if len(words) >= 3 and self._names_a_state(words[-1]):
                aliases.append(" ".join(words[1:-1]))
        before = len(self.new_entities)
        self._new_entity(
            arabic, "organization", "credited by the article (--credited)", english=latin, aliases=aliases
        )
        if len(self.new_entities) > before:
            return str(self.new_entities[-1]["id"])
        ids = self.linker.resolve(arabic, True, True)
        return next(iter(ids)) if len(ids) == 1 else None

    def credited_by_latin_name(self, credited: list[str]) -> None:
        """A medium the article is credited to in Latin letters alone ("Saba News Agency
        (url: sabanet)", "Yonhap (photo credit only)"), that neither the store nor the text
        names: proposed by that English name. A credit that is a note ("US State Department
        document", "French media sources": a small word that is no name's) is no name."""
        for credit in credited:
            m = re.fullmatch(r"\s*([^()]+?)\s*(?:\(\s*([^()]*?)\s*\))?\s*", credit)
            if m is None or _ARABIC_WORD.search(credit):
                continue
            name, note = m.group(1), m.group(2) or ""
            other = note if re.fullmatch(_LATIN_NAME, note) else ""
            if not re.fullmatch(_LATIN_NAME, name):
                continue
            if any(self.linker.resolve(x, True, True) for x in (name, other) if x):
                continue
            if name.isupper():
                continue  # "AFP", "DAPA": letters the text spells out in Arabic, its name's
            told = {
                w
                for e in [*self.new_entities, *(self.linker.entities[i] for i in self.mentioned)]
                for f in [e.get("name"), *(e.get("aliases") or [])]
                if isinstance(f, str) and f.isascii()
                for w in re.findall(r"[a-z]{5,}", f.casefold())
                if w not in _CREDIT_WORDS
            }
            if told & {w for w in re.findall(r"[a-z]{5,}", name.casefold())}:
                continue  # "Agence France-Presse" after «فرانس برس» (France Press): the same one
            self._new_entity(
                name,
                "organization",
                "credited by the article in Latin letters alone (--credited)",
                english=name,
                aliases=[other] if other else [],
            )
            if (made := self._new_names.get(normalize(name))) is not None:
                self.media.add(made)

    @staticmethod
    def _platform(keys: list[str], at: int) -> bool:
        """Whether the quoted word at `at` is where something was written or posted: after
        على or عبر in a clause with a verb of writing or posting ("كتب ... على «تويتر»")."""
        if at == 0 or at >= len(keys) or keys[at - 1] not in ("علي", "عبر"):
            return False
        return any(_WRITING.match(k) for k in keys[:at])

    def agency_letters(self) -> None:
        """A news agency credited by its initials, spelled as single letters («د ب أ»،
        «أ ف ب»، «(أ.ش.أ)»): an organization, named in English by the initials the agency
        writes, when known, else by the letters'."""
        for m in _LETTERS_RUN.finditer(self.text):
            letters = re.findall(r"[\u0621-\u064a]", m.group(0))
            key = " ".join(normalize(x) for x in letters)
            if letters[0] == "و" or key in self._new_names:
                continue  # («و» alone is the conjunction, written apart)
            english = _AGENCY_INITIALS.get(key) or "".join(loanword_english(x)[:1] for x in letters).upper()
            self._new_entity(m.group(0), "organization", "an agency's initials", english=english)
        self.dateline_agency()

    def dateline_agency(self) -> None:
        """A news agency credited by its name in brackets: after the dateline's place (and
        date) that opens one of the page's top lines, before a colon or a dash («جاكرتا
        (معراج) –», «بيروت، 3 مايو (إفي):», «باريس - (AFP) -»), or closing the text («... المحدثة.(إفي)»): an
        organization, a medium (the via of what it reports), named in English by its
        letters. A state's name in brackets («(مصر)») is none."""
        lines = self.text.splitlines()
        found = [m.group(1) for ln in lines[:_TOP_LINES] if (m := _DATELINE_AGENCY.match(ln))]
        for ln in lines[:_TOP_LINES]:
            # «صنعاء - سبأ:», «القاهرة - أ ش أ»: a capital, a dash, the agency's one word or
            # its letters, then a colon or the line's end (a byline's name is two words)
            m = _BARE_DATELINE_AGENCY.match(ln)
            if m is not None and normalize(m.group(1)) in _CAPITALS_KEYS:
                found.append(m.group(2))
        if (m := _SIGN_OFF_AGENCY.search(self.text.rstrip())) is not None:
            found.append(m.group(1))
        for name in found:
            keys = normalize(name).split()
            if self._names_a_state(name) or any(k in _FUNCTION_WORDS or is_stopword(k) for k in keys):
                continue
            if len(keys) > 1 and any(p.opens(keys[0]) for p in (*_INSTITUTIONS, *_MEDIA)):
                continue  # «(وكالة الأنباء الروسية)»: an institution's name, read as one in its clause
            english = name if name.isascii() else loanword_english(name)
            self._new_entity(name, "organization", "a dateline's agency", english=english)
            if (made := self._new_names.get(normalize(name))) is not None:
                self.media.add(made)

    def known_bodies(self) -> None:
        """The institutions of the field the article names by a name of their own
        (`english.KNOWN_BODIES`: «البنتاغون», «الكونغرس», «الأمم المتحدة») and its largest
        companies (`english.KNOWN_COMPANIES`: «لوكهيد مارتن», with «شركة» or not), a
        proclitic cut off («للبنتاغون»): each proposed once, with its English name and every
        form of its name, so that the Pentagon and the ministry it is are one body, and of
        its state when it has one. Its Arabic name is the fullest the article writes, as
        written (a company's without its noun)."""
        words = _words(self.text, 0, len(self.text))
        keys = [w.key for w in words]
        # a word, its proclitic cut off -> (at, letters cut, whether «لل» is read as ال)
        firsts: dict[str, list[tuple[int, int, bool]]] = {}
        for i, key in enumerate(keys):
            for cut in clitic_cuts(key):
                firsts.setdefault(strip_clitic(key, cut), []).append((i, cut, False))
            after = _after_conjunction(key)
            if after != key and -1 in clitic_cuts(after):  # «وللكونغرس»: و + ل + «الكونغرس»
                conjunction = len(key) - len(after)
                firsts.setdefault(strip_clitic(after, -1), []).append((i, conjunction + len("لل"), True))

        ends: dict[str, int] = {}  # a form as written -> where it ends in the text

        def written(form: str) -> str | None:
            parts = normalize(form).split()
            for i, cut, lam in firsts.get(parts[0], []):
                if keys[i + 1 : i + len(parts)] == parts[1:]:
                    s, e = words[i].start, words[i + len(parts) - 1].end
                    name = (ARTICLE if lam else "") + _after_clitic(self.text, s, e, cut)
                    ends[name] = e
                    return name
            return None

        bodies = [(*row, False) for row in KNOWN_BODIES]
        companies = [(english, forms, aliases, None, True) for english, forms, aliases in KNOWN_COMPANIES]
        for english, forms, english_aliases, state_name, company in [*bodies, *companies]:
            found = [w for w in map(written, forms) if w is not None]
            if not found:
                continue
            if any(
                self.linker.type_of(e) == "organization"
                for name in [english, *forms]
                for e in self.linker.resolve(name, True, True)
            ):
                continue  # the store's, by one of its names
            name = max(found, key=lambda f: len(f.split()))
            others = [f for f in forms if normalize(f) != normalize(name)]
            other = _QUOTED_AFTER.match(self.text, ends[name])
            if other is not None:  # «وزارة الدفاع الأمريكية (البنتاغون)»: the two as one
                others.append(f"{name} {other.group(1)}")
            if company:  # with its noun too («شركة لوكهيد مارتن»); no body of the UN's kind
                others += [f"{n} {f}" for f in [name, *others] for n in COMPANY_FORM_NOUNS]
                field = _FIELD_AFTER.match(self.text, ends[name])
                if field is not None and field_english(normalize(field.group(1)).split()):
                    others.append(f"{name} {field.group(1)}")  # «إمبراير للدفاع والأمن»: its division
            before = len(self.new_entities)
            self._new_entity(
                name,
                "organization",
                "an institution of the field, by its own name",
                english=english,
                aliases=[*others, *english_aliases],
            )
            if len(self.new_entities) == before or state_name is None:
                continue
            state = next(
                (
                    eid
                    for eid, e in self.linker.entities.items()
                    if e.get("type") == "country" and e.get("name") == state_name
                ),
                None,
            )
            if state is not None:
                self.state_of[str(self.new_entities[-1]["id"])] = state

    def known_weapons(self) -> None:
        """The weapon systems news names by their English names in Arabic letters
        (`english.KNOWN_WEAPONS`: «رافال», «باتريوت», «يوروفايتر»), a proclitic cut off
        («بالرافال»): each proposed once under its English name, its Arabic name as the
        article first writes it, so that every later mention links to it; a spelling that
        is also a word or a name (`KNOWN_WEAPONS_AFTER_KIND`) only right after a weapon's
        noun or «طراز» («صواريخ براك»). A name a number follows («ليوبارد-2», «ميراج 2000-9»,
        «ليوبارد-2 إي 4») names the model with its number (Leopard 2, Mirage 2000-9, Leopard
        2A4): that model is proposed, unless the store knows it («سوخوي 35»: Su-35)."""
        words = _words(self.text, 0, len(self.text))
        keys = [w.key for w in words]
        firsts: dict[str, list[tuple[int, int]]] = {}
        for i, key in enumerate(keys):
            for cut in clitic_cuts(key):
                firsts.setdefault(strip_clitic(key, cut), []).append((i, cut))

        def after_kind(i: int) -> bool:
            if i == 0 or re.search(r"[،,.:؛]", self.text[words[i - 1].end : words[i].start]):
                return False
            before = keys[i - 1]
            return before in ("طراز", "نوع", "صنف") or any(
                _weapon_head(strip_clitic(before, c)) for c in clitic_cuts(before)
            )

        numbered: list[tuple[str, str]] = []  # (as written, English)

        def written(form: str, kind_first: bool, english: str) -> str | None:
            parts = normalize(form).split()
            for i, cut in firsts.get(parts[0], []):
                if keys[i + 1 : i + len(parts)] != parts[1:] or (kind_first and not after_kind(i)):
                    continue
                end = words[i + len(parts) - 1].end
                if (mark := _MODEL_NUMBER.match(self.text, end)) is not None:
                    # «ليوبارد-2», «ميراج 2000-9»: the model with its number (Leopard 2)
                    number, stop = mark.group("number"), mark.end()
                    if mark.group("letter") is not None:
                        letter = designation_name([mark.group("letter")], "").rstrip("-")
                        if is_letter_name(mark.group("letter")) and len(letter) == 1:
                            number += letter + mark.group("figure")  # «ليوبارد-2 إي 4»: Leopard 2A4
                        else:
                            stop = mark.end("number")
                    name = _after_clitic(self.text, words[i].start, stop, cut)
                    if mark.group("project"):
                        number = f"Project {number}"  # «فارشافيانكا مشروع 636»: its project
                    numbered.append((name, f"{english} {number}"))
                    continue
                return _after_clitic(self.text, words[i].start, end, cut)
            return None

        rows = [(*row, False) for row in KNOWN_WEAPONS] + [(*row, True) for row in KNOWN_WEAPONS_AFTER_KIND]
        for english, forms, english_aliases, kind_first in rows:
            # the longest form first: «سوبر هورنت» before «هورنت»
            found = [
                w for f in sorted(forms, key=len, reverse=True) if (w := written(f, kind_first, english))
            ]
            if not found or any(
                self.linker.type_of(e) == "weapon_system"
                for name in [english, *forms]
                for e in self.linker.resolve(name, True, True)
            ):
                continue
            name = found[0]
            self._new_entity(
                name,
                "weapon_system",
                "a weapon system by its own name",
                english=english,
                aliases=[*(f for f in forms if normalize(f) != normalize(name)), *english_aliases],
            )
        for name, english in numbered:
            if not any(
                self.linker.type_of(e) == "weapon_system" for e in self.linker.resolve(name, True, True)
            ):
                self._new_entity(
                    name, "weapon_system", "a weapon system by its name and number", english=english
                )

    def page_credits(self) -> None:
        """What a web page's own lines name: the agency and the photographer of a photo's
        credit («© AP Photo / Mindaugas Kulbis /»), and the platform it asks to be followed
        on («تابعنا عبرTelegram», «تابعونا على تويتر»)."""
        for m in _PHOTO_CREDIT.finditer(self.text):
            self._new_entity(m.group(1), "organization", "a photo's credit", english=m.group(1))
            if m.group(2):
                self._new_entity(m.group(2), "person", "a photo's credit", english=m.group(2))
        for m in _BRACKETED_CREDIT.finditer(self.text):
            words = m.group(1).split()
            named = any(
                self.linker.resolve(" ".join(words[:n]), True, True) for n in range(1, len(words) + 1)
            )
            if self._name_line(m.group(1)) and not named and not named_states(m.group(1), _state_names()):
                self._new_entity(m.group(1), "person", "a photo's credit")
        for m in _PHOTO_BY.finditer(self.text):
            self._new_entity(m.group(1), "organization", "a photo's credit", english=m.group(1))
        for m in _LATIN_OUTLET.finditer(self.text):
            name = m.group(1).rstrip(".")
            if len(name) >= 2 and normalize(name) not in self._new_names:
                self._new_entity(name, "organization", _LATIN_OUTLET_CUE, english=name)
                if (made := self._new_names.get(normalize(name))) is not None:
                    self.media.add(made)  # an outlet: the via of what it reports, no speaker
        for m in _FOLLOW_US.finditer(self.text):
            name = m.group(1)
            english = name if name.isascii() else loanword_english(name)
            self._new_entity(name, "organization", "where the page asks to be followed", english=english)

    def post_signatures(self) -> None:
        """The account an embedded post is signed by («— المتحدث العسكري (@EgyArmySpox)
        August 2, 2021»): its owner, an organization named in English by its handle. Read
        after the article's clauses, so that the name, often an office's words, leaves the
        office the text names in full («المتحدث العسكري المصري») to be read as one."""
        for m in _POST_SIGNATURE.finditer(self.text):
            name = m.group(1).strip()
            english = name if name.isascii() else f"@{m.group(2)}"
            self._new_entity(name, "organization", "an embedded post's signature", english=english)

    def byline(self) -> None:
        """The byline's author: a name of two or three words at the top of the page that
        runs into the article's date ("محمود احمد20 يوليو 2017") or follows بقلم / كتب
        ("كتب // وائل عباس أكدت ..."), or stands between dashes after the dateline's place
        ("ابوظبي - سيف اليزيد - بحث ..."), or before the office it writes from ("هشام
        الطاليبي/ مكتب بنسليمان")."""
        lines = self.text.splitlines()[:_TOP_LINES]
        for at, line in enumerate(lines):
            line = line.strip()
            after = next((x.strip() for x in lines[at + 1 :] if x.strip()), "")
            keys = [normalize(w) for w in line.split()]
            if (
                self._name_line(line)
                and len(after.split()) >= _LEAD_WORDS
                and not any(k in _CAPTION_WORDS for k in keys)
                # (a definite word only after «عبد» or a kinship word: «عبد الله»; a noun and
                # a definite one, «صفقة الدبابات», is a headline's construct)
                and all(not _definite(k) or keys[j - 1] in (_SERVANT, *_KIN) for j, k in enumerate(keys) if j)
                # (a headline's words come again in the article, a byline's do not: «صفقة
                # تاريخية», «روسيا تتقدم»)
                and not any(k not in _KIN and k in self._words_after(line) for k in keys)
                and not any(self._names_a_state(w) for w in line.split())
                and not named_states(line, _state_names())
            ):
                # «أشرف أبو عريف» alone on a line, the article's lead right under it
                self._new_entity(line, "person", "the byline's author")
                return
            office = re.match(r"^([\u0621-\u064a]+(?: [\u0621-\u064a]+){1,2})\s*/\s*مكتب\s", line)
            if office is not None and self._name_line(office.group(1)):
                self._new_entity(office.group(1), "person", "the byline's author")
                return
            lead = re.match(
                r"^(?:(?:بقلم|كتب)\s*[:/]*\s*|[\u0621-\u064a]+\s+[-–—]\s+(?=(?:[\u0621-\u064a]+ ){1,2}"
                r"[\u0621-\u064a]+\s+[-–—]\s))",
                line,
            )
            if lead is not None and lead.group(0).strip():
                # the name's words run up to a word no name holds (a verb, a dash)
                taken: list[str] = []
                for raw in re.findall(r"\S+", line[lead.end() :])[:3]:
                    key = normalize(raw)
                    if not re.fullmatch(r"[\u0621-\u064a]+", raw) or key in _FUNCTION_WORDS:
                        break
                    if not taken and _definite(key):
                        break  # "نابلس - النجاح الإخباري -": a name opens with no article
                    if not self._looks_like_a_name([key]):
                        break
                    taken.append(raw)
                if 2 <= len(taken) <= 3:
                    self._new_entity(" ".join(taken), "person", "the byline's author")
                    # the dateline and byline that open the sentence are no part of it
                    at = self.text.find(line)
                    name_end = line.find(taken[-1], lead.end()) + len(taken[-1])
                    dash = re.match(r"\s*[-–—/]*\s*", line[name_end:])
                    self.byline_span = (at, at + name_end + (dash.end() if dash else 0))
                    return
            m = re.match(
                r"^(?:(?:بقلم|كتب)\s*:?\s*)?([\u0621-\u064a]+(?: [\u0621-\u064a]+){1,2})\s*(\d.*)?$", line
            )
            if m is None:
                continue
            name, rest = m.group(1), m.group(2)
            by_word = re.match(r"^(?:بقلم|كتب)", line) is not None
            date = re.match(
                r"\d{1,2}\s*[\u0621-\u064a]+\s*\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}", rest or ""
            )
            if not by_word and not (date and self._reads_as_date(date.group(0))):
                continue
            keys = normalize(name).split()
            if any(k in _FUNCTION_WORDS for k in keys) or not self._looks_like_a_name(keys):
                continue
            self._new_entity(name, "person", "the byline's author")
            return

    def _words_after(self, line: str) -> set[str]:
        """The words of the text after `line`'s first place in it, normalized, each also
        with its proclitics cut as analyze cuts them."""
        at = self.text.find(line)
        rest = self.text[at + len(line) :] if at >= 0 else self.text
        return {strip_clitic(k, c) for k in normalize(rest).split() for c in clitic_cuts(k)}

    def _name_line(self, line: str) -> bool:
        """Whether a line is a person's name alone: two or three Arabic words a name may be,
        the first with no article."""
        raw = line.split()
        keys = [normalize(w) for w in raw]
        return (
            2 <= len(raw) <= 3
            and all(re.fullmatch(r"[\u0621-\u064a]+", w) for w in raw)
            and not _definite(keys[0])
            # («عبد الرحيم علي»: a line ending in «علي» ends in the name Ali, no preposition)
            and not any((k in _FUNCTION_WORDS or is_stopword(k)) and k not in _KIN for k in keys[:-1])
            and (keys[-1] == "علي" or not (keys[-1] in _FUNCTION_WORDS or is_stopword(keys[-1])))
            and self._looks_like_a_name(keys[:-1] if keys[-1] == "علي" else keys)
            and not any(p.opens(k) for k in keys for p in (*_OFFICE_HEADS, *_INSTITUTIONS, *_MEDIA))
        )

    def _respell(self, eid: str, name: str) -> None:
        """Link `name` to an entity already known from here on (a spelling or a shorter
        form of its name); a new entity takes it as an alias."""
        if self.linker.resolve(name, True, True):
            return
        known = self.linker.entities[eid]
        if eid not in {e["id"] for e in self.new_entities}:
            known = dict(known)  # the store's entity is left as it is: the linker's copy only
        known["aliases"] = [*(known.get("aliases") or []), name]
        self.linker.add(known)
        self._respelled.append((name, eid))
        self._new_names[normalize(name)] = eid

    def _named_fuller(self, name: str) -> str | None:
        """The one organization named before whose Arabic name is `name` and more
        ("وزارة الخارجية الأمريكية" for "وزارة الخارجية"), or None."""
        key = normalize(name) + " "
        found = {
            e["id"]
            for e in self.linker.entities.values()
            if e.get("type") == "organization"
            and e["id"] in {n["id"] for n in self.new_entities}
            and any(normalize(a).startswith(key) for a in [e.get("name_ar") or "", *(e.get("aliases") or [])])
        }
        return next(iter(found)) if len(found) == 1 else None

    def _near_spelling(self, name: str, kind: str) -> str | None:
        """The store's entity of that kind whose Arabic name is this one spelled a little
        apart (a letter more or less, another seat of hamza: the lexicon's nearest name, at
        least `_NEAR_SPELLING` alike, with as many words), or None."""
        key = normalize(name)
        if (
            kind not in ("organization", "person")
            or len(key.replace(" ", "")) < 6
            or not _ARABIC_WORD.search(key)
        ):
            return None
        if any(w in self.linker.adjectives for w in key.split()):
            return None  # "الدفاع السوري" is not "الدفاع الروسي" respelled
        for near in self._store_names.suggest(name, n=3, cutoff=_NEAR_SPELLING):
            if len(normalize(near).split()) != len(key.split()):
                continue
            pairs = list(zip(key.split(), normalize(near).split(), strict=True))
            if any(ours != theirs and self._state_adjective(theirs) is not None for ours, theirs in pairs):
                continue  # «البحرية الأميرية» is no «البحرية الأميركية»: a state's adjective respelled
            if any(ours != theirs and (ours in _REGNAL or theirs in _REGNAL) for ours, theirs in pairs):
                continue  # «محمد السادس» is no «محمد السادة»: a monarch's ordinal is no letter of a name
            ids = [e for e in self._store_names.resolve(near) if self.linker.type_of(e) == kind]
            if len(ids) == 1:
                return ids[0]
        return None

    def _an_outlet(self, name: str) -> bool:
        """Whether the store has an organization of that name (a person who shares it, such
        as a journalist named like his paper, does not count)."""
        return any(self.linker.type_of(e) == "organization" for e in self.linker.resolve(name, True, True))

    def _outlet_entity(self, outlet: str | None) -> None:
        """`--outlet`: the article's own outlet, an organization the store may lack. Its
        English name is the one given, its web address set apart («Al Rai (alrai.com)» or
        «alrai.com (Al Rai)»); its Arabic name is the spelling the page prints at its top
        (masthead, byline, dateline: "دار الهلال", "الصدى") or in its last lines (a
        sign-off) that sounds like the English name or the address (their romanization or
        their consonants alike: «البوابة نيوز», "Al-Bawaba News", albawabhnews.com), else
        the English name as the page writes it ("24 news")."""
        import difflib

        english, own = outlet_parts(outlet)
        if not english or english.casefold() == "unknown":
            return
        if self._an_outlet(english):
            known = [
                e
                for e in self.linker.resolve(english, True, True)
                if self.linker.type_of(e) == "organization"
            ]
            self.outlet_id = known[0] if len(known) == 1 else None
            return
        want = re.sub(r"[^a-z0-9]", "", english.casefold())
        sounds = [c for c in (consonants(english), consonants(own)) if len(c) >= 3]
        lines = self.text.splitlines()
        best, score = None, 0.0
        for line in [*lines[:_TOP_LINES], *lines[_TOP_LINES:][-_SIGN_OFF_LINES:]]:
            for segment in re.split(r"\s*(?:[-–—|•/]|\.\.)\s*", line):
                words = segment.split()
                for n in range(1, min(3, len(words)) + 1):
                    for k in range(len(words) - n + 1):
                        phrase = " ".join(words[k : k + n])
                        if self._names_a_state(phrase):
                            continue  # «العمانية» is Oman's adjective, no outlet's name
                        if k and institution_head(normalize(words[k - 1]).removeprefix("و")):
                            continue  # «حزب الوفد»: the party's name, not its paper's
                        if re.search(r"[\u0600-\u06ff]", phrase):
                            got = re.sub(r"[^a-z0-9]", "", english_name(phrase, self._spellings).casefold())
                        else:
                            got = re.sub(r"[^a-z0-9]", "", phrase.casefold())
                        ratio = difflib.SequenceMatcher(None, want, got).ratio() if got else 0.0
                        heard = consonants(phrase)
                        if heard in sounds:  # the name's consonants, then the address's
                            ratio = 3.0 - sounds.index(heard)
                        if ratio > score:
                            best, score = phrase, ratio
        arabic = best if best is not None and score >= _OUTLET_LIKENESS else english
        if self._an_outlet(arabic):
            known = [
                e for e in self.linker.resolve(arabic, True, True) if self.linker.type_of(e) == "organization"
            ]
            self.outlet_id = known[0] if len(known) == 1 else None
            return
        self._new_entity(arabic, "organization", "the article's outlet (--outlet)", english=english)
        self.outlet_id = self._new_names.get(normalize(arabic))

    def _names_a_state(self, phrase: str) -> bool:
        """Whether every word of `phrase` is a state's name or adjective (the store's or
        CLDR's, a proclitic cut off): «العمانية», «والعراق»."""
        names = _state_names()
        keys = normalize(phrase).split()

        def state_word(key: str) -> bool:
            for cut in clitic_cuts(key):
                bare = strip_clitic(key, cut)
                definite = bare if bare.startswith(ARTICLE) else ARTICLE + bare
                if bare in names.names or definite in names.adjectives or self._state_adjective(bare):
                    return True
                if any(self.linker.type_of(e) == "country" for e in self.linker.resolve(bare, True, True)):
                    return True
            return False

        return bool(keys) and all(state_word(k) for k in keys)

    def _state_name_word(self, key: str) -> bool:
        """Whether the word `key` is a state's one-word name (the store's or CLDR's, never
        its adjective), a proclitic cut off: «روسيا», «وفرنسا», «لقطر»."""
        for cut in clitic_cuts(key):
            bare = strip_clitic(key, cut)
            if bare.startswith(ARTICLE):
                continue  # («المصري»: an adjective, a family name too)
            if bare in _state_names().names:
                return True
            if any(self.linker.type_of(e) == "country" for e in self.linker.resolve(bare, True, True)):
                return True
        return False

    def _propose_states(self) -> None:
        """The states the article names (by name or adjective) that the store does not
        know, as new countries named by CLDR (`states`)."""
        known = {
            (e.get("name") or "").casefold()
            for e in self.linker.entities.values()
            if e.get("type") == "country"
        }
        taken = set(self.linker.entities)
        for code, arabic, english in named_states(self.text, _state_names()):
            if english.casefold() in known or any(
                self.linker.type_of(e) == "country" for e in self.linker.resolve(arabic, True, True)
            ):
                continue
            slug = re.sub(r"[^a-z0-9]+", "-", english.casefold()).strip("-")
            eid = slug if slug and slug not in taken else None
            before = len(self.new_entities)
            self._new_entity(arabic, "country", f"a state CLDR names ({code})", english=english, eid=eid)
            if len(self.new_entities) > before:
                # its adjectives as CLDR's name gives them («العمانية» of «سلطنة عمان»)
                made = str(self.new_entities[-1]["id"])
                for adjective, row in _state_names().adjectives.items():
                    if row[0] == code:
                        self.linker.adjectives.setdefault(adjective, made)
        self._link_epithets()
        self._link_capitals()

    def _state_for(self, code: str, arabic: str, english: str, cue: str) -> str | None:
        """The store's country or the one proposed of a CLDR state, proposed when the
        article never names it."""
        state = next(
            (
                eid
                for eid, e in self.linker.entities.items()
                if e.get("type") == "country" and (e.get("name") or "").casefold() == english.casefold()
            ),
            None,
        )
        if state is None:
            slug = re.sub(r"[^a-z0-9]+", "-", english.casefold()).strip("-")
            eid = slug if slug and slug not in self.linker.entities else None
            before = len(self.new_entities)
            self._new_entity(
                arabic, "country", f"a state CLDR names ({code}), {cue}", english=english, eid=eid
            )
            if len(self.new_entities) == before:
                return None
            state = str(self.new_entities[-1]["id"])
        return state

    def _link_capitals(self) -> None:
        """A capital the article names as its state's agent or party («وقعت وارسو», «أعلنت
        بكين»: `states.capital_agents`) links to the state, as the store's metonyms do
        (موسكو): the capital is a metonym of the drafter's view of the state only."""
        by_code = {row[0]: row for row in _state_names().names.values()}
        done: set[str] = set()
        for start, end, code in capital_agents(self.text):
            written = self.text[start:end]
            if normalize(written) in done or code not in by_code:
                continue
            done.add(normalize(written))
            if any(self.linker.type_of(e) == "country" for e in self.linker.resolve(written, True, True)):
                continue  # the store's metonym already («موسكو»)
            state = self._state_for(code, by_code[code][1], by_code[code][2], "by its capital")
            if state is None:
                continue
            entity = self.linker.entities[state]
            self.linker.add({**entity, "metonyms": [*(entity.get("metonyms") or []), written]})

    def _link_epithets(self) -> None:
        """A state the article names by an epithet («دولة الاحتلال»: Israel) links there: to the
        store's country or the one proposed, proposed when the article never names it. The
        epithet is a metonym of the drafter's view of the state only: no record gains it."""
        for epithet, code, arabic, english in named_epithets(self.text, _state_names()):
            state = self._state_for(code, arabic, english, "by an epithet")
            if state is None:
                continue
            entity = self.linker.entities[state]
            view = {**entity, "metonyms": [*(entity.get("metonyms") or []), epithet]}
            self.linker.add(view)

    def _new_entity(
        self,
        name: str,
        kind: str,
        cue: str,
        english: str | None = None,
        eid: str | None = None,
        aliases: list[str] | None = None,
    ) -> None:
        name = " ".join(name.split())  # a name a hard-wrapped line broke is one line
        key = normalize(name)
        if not key or key in self._new_names or self.linker.resolve(name, True, True):
            return
        if kind == "person" and re.search(r"[0-9\u0660-\u0669]", name):
            return  # a person's name has no digits: "الإثنين 20 نوفمبر" after a title is a date
        words = name.split()
        if (
            english is None
            and kind in ("person", "topic", "unclassified")
            and cue not in _UNNAMED_CUES
            and any(_clause_word(k, kind == "person") for k in key.split())
        ):
            return  # "تم الاتفاق عليها", "تبلغ قيمته مليار": a clause romanized is no name
        if (
            kind != "person"
            and cue != _LATIN_OUTLET_CUE  # («This Week in Asia»: a title, no date)
            and any(self._reads_as_date(" ".join(words[:n])) for n in (1, 2))
        ):
            return  # a person's name has no digits, so a month's name in it is a name: «رجب طيب أردوغان»
        if (
            kind == "person"
            # (its words read already, a rank's «سلمان» too; a role's, no name's)
            and cue not in ("name with a title", *_UNNAMED_CUES)
            and not self._looks_like_a_name(normalize(name).split()[:1])
        ):
            return
        if (
            kind == "person"
            and cue not in _UNNAMED_CUES
            and any(p.opens(normalize(words[0])) for p in _INSTITUTIONS)
        ):
            return  # "وقيادة الدفاع الجوي" after a title: an institution, no one's name
        if (near := self._near_spelling(name, kind)) is not None:
            # "كوميرسان" for the store's "كوميرسانت": the same name spelled a little apart.
            self._respell(near, name)
            return
        from ..schema import sha256

        if kind == "person" and len(words) >= 2 and cue not in ("the byline's author", *_UNNAMED_CUES):
            # A person named whole is named after by the family name alone ("ترمب",
            # "الخفاجي"), as the store's people are: unless that word names another.
            last = words[-1]
            if (
                len(normalize(last)) >= 3
                and normalize(last) not in _FUNCTION_WORDS
                and normalize(last) not in self._new_names
                and not self.linker.resolve(last, True, True)
            ):
                aliases = [*(aliases or []), last]
        known_body = next((b for b in KNOWN_BODIES if english and b[0] == english), None)
        if kind == "organization" and known_body is not None:
            # a body of the field's glossary named by its words ("US Department of Defense"):
            # its other names too («البنتاغون»)
            aliases = [*(aliases or []), *known_body[1], *known_body[2]]
        eid = eid or "new-" + sha256(key)[:8]
        self._new_names[key] = eid
        entity_aliases = [name, *dict.fromkeys(a for a in aliases or [] if normalize(a) != key)]
        entity = {
            "id": eid,
            "type": kind,
            "name": english or english_name(name, self._spellings) or name,
            "name_ar": name,
            "aliases": entity_aliases,
            "description": None,
            "draft": {
                "cues": [cue, "name: the store's spellings, else a romanization"],
                "confidence": 0.4,
                "todo": "check the English name, give a readable id, or delete this record",
            },
        }
        folded = ascii_folded(str(entity["name"]))
        if folded is not None:
            # «لوسوار دالجيري», "Le Soir d'Algérie": found by its ASCII spelling too
            entity["aliases"] = [*entity_aliases, folded]
        self.new_entities.append(entity)
        self.linker.add(entity)
