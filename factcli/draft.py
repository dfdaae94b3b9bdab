"""Drafting: candidate claims from a new Arabic article, for a person to review and import.

`draft_article(text, entities, ...)` reads an article and returns plain records: one
source, candidate entities for names the store does not know, and one candidate claim per
assertion-bearing clause. Nothing here decides a fact: every candidate claim has an empty
`statement` and a `draft` object (the cues that fired, a confidence), and the importer
refuses both, so a draft cannot land in a store until a person has read it.

How a clause becomes a candidate, in order:

1. **Spans.** The text is cut into paragraphs (lines), sentences (`.`, `!`, `؟` before a
   space; a run of dots inside a quotation is not an end) and clauses (before a clause
   connective such as `في حين`, `فيما`, `لكن`, `حيث` or a `، و…` verb (not `، وال…`, a
   noun in a list), before a participle of saying such as `مضيفا`, and before a quotation
   opened after a colon). The headline is left out: it restates the body. Offsets are
   always into the text as received.
2. **Names.** Word n-grams (longest first, with a proclitic و ف ب ل ك / لل stripped when
   the bare form is a name) are linked through `Lexicon(entities).resolve`; a name that an
   entity lists as a metonym links to it, a name listed in `common_words` links only inside
   quotation marks or after a noun of its kind. Country adjectives (الروسي، القطرية) are
   derived from the country's Arabic name and count as weak mentions.
3. **Cues.** The lexicons below, all in this module: `PREDICATE_CUES` (verbs and nouns),
   `VALUE_CUES` (figures with units), `NEGATION_CUES`, `MODALITY_CUES`,
   `ATTRIBUTION_CUES` (speaker) and `CREDIT_CUES` (via). A clause gives up to three
   candidates, earliest cue first (Arabic news puts the verb first), only from cues whose
   subject or object kind (`ROLES`) some name in the clause has; titles before or after a
   person's name (`TITLE_WORDS`) give `holds_position` candidates of their own.
4. **Dates.** At each word of the clause (outside linked names) the longest run of up to
   seven words that `dates.parse_date` reads, against the publication date, is a date
   phrase; each candidate takes the phrase nearest its cue. No date phrase is listed here,
   so what the date module learns to read, drafting finds. A clause without one takes
   the date of the saying verb before it in the sentence ("وقال السفير، السبت، ..."), or of
   the meeting, call or visit it refers to; states (`STATIC_PREDICATES`) take only a phrase
   right after their cue, and something planned keeps only a date after publication.
5. **Speaker and via.** A saying verb names its speaker between itself and what is said
   (أن، إن، a colon, a quotation mark); with a title and no name, the speaker is the one
   named last. A sentence opening with كما، كذلك، من جانبه or inside an open quotation goes
   on with the account before it. A credit (نقلت، بحسب، وفقا لـ ... + a medium) is the
   `via` of its account; the dateline's credit (`موسكو -رويترز`) or the first sentence's is
   the `via` of the article's own narration.

A cue pattern is a sequence of words; a word ending in `*` matches any ending, `~` before
a word allows an imperfect-verb prefix (ي ت ن أ), `=` allows only و or ف in front (a
verb that never takes an article or a preposition), `!` refuses the article (a definite
"الزيارة" refers back to a visit already told; "بزيارة" tells one), and `..` between
words allows a gap of up to eight words. Words are compared after `normalize.normalize` (hamza seats, ة/ه, ى/ي
and diacritics folded) with the usual proclitics allowed in front.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from .dates import DateSpan, parse_date
from .errors import DateError, InputError
from .lexicon import Lexicon
from .normalize import normalize
from .records import CLAIM_CONTENT_FIELDS
from .text import PROCLITICS

__all__ = [
    "Draft",
    "draft_article",
    "draft_records",
    "accept",
    "apply_edit",
    "describe",
    "field_suggestions",
    "detect_published",
    "parse_published",
]

# --------------------------------------------------------------------------------------
# The cue lexicons: every word list drafting uses is here, documented.

# Predicate cues: (pattern, predicate). In a clause the earliest cue wins; at the same word
# the row higher in this list does, so specific multi-word cues come before the bare verbs
# they contain.
PREDICATE_CUES: list[tuple[str, str]] = [
    # calls and meetings
    ("~جري اتصال* هاتفي*", "phoned"),
    ("اجري* اتصال* هاتفي*", "phoned"),
    ("اتصال* هاتفي*", "phoned"),
    ("مباحثات هاتفي*", "phoned"),
    ("محادث* هاتفي*", "phoned"),
    ("استقبل*", "met"),
    ("~ستقبل*", "met"),
    ("التقي", "met"),
    ("التقت", "met"),
    ("~لتقي", "met"),
    ("لقا*", "met"),
    ("اجتمع*", "met"),
    ("~جتمع*", "met"),
    # greetings and thanks
    ("نقل* تحي*", "conveyed_greetings"),
    ("حمل* .. تحي*", "conveyed_greetings"),
    ("شكر*", "thanked"),
    # deals: the specific forms first
    ("بحث* .. صفق* شراء", "negotiating_purchase"),
    ("~بحث* .. صفق* شراء", "negotiating_purchase"),
    ("~بحث* .. شراء", "negotiating_purchase"),
    ("~بحث* .. توريد", "negotiating_sale"),
    ("~فاوض* .. شراء", "negotiating_purchase"),
    ("مفاوضات .. شراء", "negotiating_purchase"),
    ("محادثات", "negotiating_purchase"),
    ("مباحثات", "negotiating_purchase"),
    ("مفاوضات", "negotiating_purchase"),
    ("استكمل* .. مفاوضات", "completed_negotiations"),
    ("اكمل* .. مفاوضات", "completed_negotiations"),
    ("مستعد* للتفاوض", "ready_to_negotiate"),
    ("مستعد* .. تعاون", "ready_to_cooperate_with"),
    ("قاعد* .. تعاون", "ready_to_cooperate_with"),
    ("حيز التنفيذ", "entered_into_force"),
    ("دخل* .. حيز", "entered_into_force"),
    ("تجديد* .. تلقائي*", "renews_automatically"),
    ("يتجدد* .. تلقائي*", "renews_automatically"),
    ("~حظر*", "prohibits"),
    ("حظر*", "prohibits"),
    ("يمنع*", "prohibits"),
    ("وقع", "signed"),
    ("وقعت", "signed"),
    ("وقعا", "signed"),
    ("وقعنا", "signed"),
    ("وقعوا", "signed"),
    ("~وقع", "signed"),
    ("~وقعان", "signed"),
    ("توقيع*", "signed"),
    ("ابرم*", "signed"),
    ("~برم*", "signed"),
    ("شراء", "negotiating_purchase"),
    ("اشتر*", "purchased"),
    ("~شتري", "purchased"),
    ("تسليم", "delivered"),
    ("سلم*", "delivered"),
    ("~شمل*", "includes"),
    ("تشمل*", "includes"),
    ("شمل*", "includes"),
    ("تضمن*", "includes"),
    ("~تضمن*", "includes"),
    ("مثل", "includes"),
    # visits and events
    ("قام* بزيار*", "visited"),
    ("!زيار*", "visited"),
    ("~زور*", "visited"),
    ("زار*", "visited"),
    ("وصل*", "visited"),
    ("~صل*", "visited"),
    ("قدم* الي", "visited"),
    ("~شارك*", "attends"),
    ("شارك*", "attends"),
    ("~ترأس* .. وفد", "leads_delegation_to"),
    ("~ترأس* .. استعداد*", "prepares"),
    ("~ترأس*", "leads_delegation_to"),
    ("مناورات .. مشترك*", "held_exercise_with"),
    ("تدريبات .. مشترك*", "held_exercise_with"),
    ("تمرين* .. مشترك*", "held_exercise_with"),
    ("~تمركز*", "hosts"),
    ("~ستضيف*", "hosts"),
    ("استضاف*", "hosts"),
    ("رغبت* في اقام*", "interested_in_hosting"),
    # talks and relations
    ("~ناقش*", "discussed"),
    ("ناقش*", "discussed"),
    ("مناقش*", "discussed"),
    ("تناول*", "discussed"),
    ("~تناول*", "discussed"),
    ("استعراض", "discussed"),
    ("بحث*", "discussed"),
    ("~بحث*", "discussed"),
    ("اطلع*", "discussed"),
    ("اشاد*", "praised"),
    ("~شيد*", "praised"),
    ("~قدر*", "praised"),
    ("بارتياح", "praised"),
    ("توطيد .. تعاون", "seeks_stronger_cooperation_with"),
    ("تعزيز .. تعاون", "seeks_stronger_cooperation_with"),
    ("تطوير .. تعاون", "seeks_stronger_cooperation_with"),
    ("قطع* .. علاق*", "cut_ties_with"),
    ("هدد* .. عقوب*", "threatened_sanctions"),
    ("~هدد* .. عقوب*", "threatened_sanctions"),
    ("فرض* .. عقوب*", "sanctioned"),
    ("فرض* .. اجراءات عقابي*", "sanctioned"),
    ("عقوب*", "sanctioned"),
    ("ضغوط", "pressures"),
    ("~ضغط*", "pressures"),
    ("توتر* .. علاق*", "strained_relations_with"),
    ("~نتمي*", "member_of"),
    ("عضو*", "member_of"),
    ("دعم*", "supports"),
    ("~دعم*", "supports"),
    ("رفض*", "opposes"),
    ("~رفض*", "opposes"),
    ("استياء", "opposes"),
    ("اعتراض*", "opposes"),
    ("قلل* .. من", "downplayed"),
    ("مصالح*", "guided_by_interests"),
    ("اتصالات", "in_contact_with"),
    ("علي اتصال", "in_contact_with"),
    ("~درس*", "considering"),
    ("دراس*", "considering"),
    ("تقدم", "made_progress_on"),
    ("نتيج*", "made_progress_on"),
    ("اتهم*", "accused"),
    ("متهم*", "accused"),
    ("بدعوي", "accused"),
    ("نفي*", "denied"),
    ("~نفي*", "denied"),
    ("~شغل* منصب", "held_position"),
    ("تعاون*", "cooperates_with"),
    ("~تعاون*", "cooperates_with"),
    ("~عمل* معا", "cooperates_with"),
    ("اتفاقيات", "party_to"),
    ("تقع", "located_in"),
    ("يقع", "located_in"),
]

# Figures: a number (digits or a number word, with مليار/مليون/ألف) followed by a unit
# word gives a value; the cue words around it choose the value predicate.
UNIT_WORDS: dict[str, str] = {
    "دولار*": "USD",
    "كيلومتر*": "km",
    "كم": "km",
    "دول*": "country",
    "بلد*": "country",
    "سنو*": "year",
    "سنه": "year",
    "سنين": "year",
    "عام": "year",
    "اعوام": "year",
    "شخص*": "person",
    "جندي*": "person",
}
SCALE_WORDS = {"مليار*": 10**9, "مليون*": 10**6, "الف": 10**3, "الاف": 10**3}
NUMBER_WORDS = {
    "واحد*": 1,
    "اثنين": 2,
    "اثنان": 2,
    "ثلاث*": 3,
    "اربع*": 4,
    "خمس*": 5,
    "ست*": 6,
    "سبع*": 7,
    "ثماني*": 8,
    "تسع*": 9,
    "عشر*": 10,
}
VALUE_CUES: list[tuple[str, str, str]] = [
    # (pattern, unit, predicate)
    ("سجل الطلبات", "USD", "order_book_value"),
    ("محفظ* .. طلب*", "USD", "order_book_value"),
    ("~وقع* .. عقود*", "USD", "signed_contracts_value"),
    ("وقع* .. عقود*", "USD", "signed_contracts_value"),
    ("عقود* .. بقيم*", "USD", "signed_contracts_value"),
    ("تصدير*", "USD", "exported_value"),
    ("صادرات", "USD", "exported_value"),
    ("صدر*", "USD", "exported_value"),
    ("تصدير*", "country", "export_destinations"),
    ("علي بعد", "km", "distance_from"),
    ("بعد", "km", "distance_from"),
    ("لمد*", "year", "has_duration"),
    ("منذ اكثر من", "year", "ongoing_for_more_than"),
]
# "منذ أكثر من عام": a unit word alone after these counts as one of it.
ONE_OF_UNIT_AFTER = ("منذ اكثر من", "اكثر من", "منذ")

# Negation: these before the predicate cue in the clause make it `negated`...
NEGATION_CUES = ["لا", "لم", "لن", "ليس", "ليست", "لسنا", "ما من", "لا يوجد", "غير موجود"]
# ...except in these idioms, which are not negations of the clause.
NEGATION_IDIOMS = ["لا سيما", "ولا سيما", "لا .. فقط", "اذا لم", "ان لم", "لم .. الا", "ليس فقط"]
# نفى and its forms deny: the predicate `denied` when nothing else fired, else negation.
DENIAL_CUES = ["نفي*", "~نفي*"]

# Modality, strongest first: claimed > hedged > in_talks > expected > planned.
MODALITY_CUES: list[tuple[str, str]] = [
    ("بدعوي", "claimed"),
    ("زعم*", "claimed"),
    ("~زعم*", "claimed"),
    ("مزاعم", "claimed"),
    ("ادعاء*", "claimed"),
    ("~دعي", "claimed"),
    ("اعتقد", "hedged"),
    ("ربما", "hedged"),
    ("يبدو", "hedged"),
    ("من المحتمل", "hedged"),
    ("~رجح", "hedged"),
    ("~بحث* .. صفق*", "in_talks"),
    ("~بحث* .. شراء", "in_talks"),
    ("~بحث* .. توريد", "in_talks"),
    ("مباحثات", "in_talks"),
    ("محادثات", "in_talks"),
    ("مفاوضات", "in_talks"),
    ("~فاوض*", "in_talks"),
    ("تفاوض*", "in_talks"),
    ("مشاورات", "in_talks"),
    ("~قترب* من", "in_talks"),
    ("خطوات .. لاستكمال", "in_talks"),
    ("مرتقب*", "expected"),
    ("متوقع*", "expected"),
    ("~توقع", "expected"),
    ("امل", "expected"),
    ("~امل", "expected"),
    ("المستقبل القريب", "expected"),
    ("سوف", "planned"),
    ("من المقرر", "planned"),
    ("المقرر", "planned"),
    ("~عتزم*", "planned"),
    ("المخطط", "planned"),
    ("خطط*", "planned"),
    ("~خطط*", "planned"),
    ("المقبل*", "planned"),
    ("القادم*", "planned"),
]
# Talks cues mark deals in talks; a meeting, call or discussion itself is a fact.
TALKS_NEUTRAL = {"phoned", "met", "discussed", "conveyed_greetings", "praised", "thanked"}
# سـ + imperfect verb (سيشارك، ستنطلق، سنتوصل) is a future: `planned`. These nouns start
# the same way and are not verbs.
FUTURE_PREFIX = re.compile(r"^(?:و|ف)?س(?:ي|ت|ن)\w{3,}$")
FUTURE_NOUNS = (
    "سياس",
    "سيار",
    "سيطر",
    "سنو",
    "سنه",
    "ستين",
    "ستون",
    "سيناريو",
    "سياد",
    "سيول",
    "ستار",
    "سترات",
    "سيد",
)
# قد + imperfect (قد يكون) hedges; قد + past (قد تم) only insists.
MAY_WORD = "قد"
MAY_NOT_BEFORE = ("تم", "تمت", "كان", "كانت", "اصبح", "بات")

# Attribution: a saying verb names the speaker that follows it (or the last one named,
# when the verb has no name of its own); the participles continue the speaker's account.
ATTRIBUTION_CUES = [
    "=قال",
    "=قالت",
    "=قوله",
    "=اكد",
    "=اكدت",
    "=اضاف",
    "=اضافت",
    "=اوضح",
    "=اوضحت",
    "=اعلن",
    "=اعلنت",
    "=اشار",
    "=اشارت",
    "=لفت",
    "=لفتت",
    "=ذكر",
    "=ذكرت",
    "=كشف",
    "=كشفت",
    "=اعتبر",
    "=اعتبرت",
    "=شدد",
    "=صرح",
    "=مضيفا",
    "=مشيرا",
    "=مشددا",
    "=مؤكدا",
    "=موكدا",
    "=معربا",
    "=قائلا",
    "=معتبرا",
    "=لافتا",
    "=بحسب",
    "=حسب",
]
CONTINUING_CUES = ["=مضيفا", "=مشيرا", "=مشددا", "=مؤكدا", "=موكدا", "=معربا", "=قائلا", "=معتبرا", "=لافتا"]
# A sentence opening with these goes on with the account before it (same speaker, same credit).
CONTINUATION_OPENERS = ["كما", "كذلك", "اضاف*", "تابع*", "من جانب*", "من جهت*", "بدور*"]
# Credit: the agency or outlet the article took it from.
CREDIT_CUES = [
    "نقلت",
    "نقل",
    "بحسب",
    "حسب",
    "وفقا",
    "ذكرت",
    "افادت",
    "قالت",
    "قال",
    "نشرت*",
    "نشره*",
    "مقابل*",
]
# Nouns that say the next name is a medium (so it is a `via`, not a speaker).
MEDIA_NOUNS = ["وكاله", "صحيفه", "موقع", "قناه", "مجله", "شبكه", "اذاعه", "تلفزيون", "جريده"]

# Titles: a title word, its qualifiers, then a person's name gives `holds_position`.
TITLE_WORDS = [
    "الرئيس",
    "رئيس",
    "الوزير",
    "وزير",
    "السفير",
    "سفير",
    "امير",
    "الامير",
    "الملك",
    "ملك",
    "المدير",
    "مدير",
    "قائد",
    "القائد",
    "المتحدث",
    "الناطق",
    "نائب",
    "العميد",
    "الفريق",
    "اللواء",
    "الجنرال",
    "ولي",
    "رئيسه",
    "وزيره",
]
# Honorifics and ranks between a title and the name, kept in the name's span.
HONORIFICS = ["الشيخ", "العميد", "الركن", "الفريق", "اللواء", "الجنرال", "الدكتور", "السيد"]
# Clause connectives: a clause starts at these.
CLAUSE_OPENERS = ["في حين", "فيما", "بينما", "لكن", "ولكن", "حيث", "بل", "الا ان", "كما", "والذي", "والتي"]
# Words right after which a name of that kind is unambiguous (for `common_words`).
KIND_NOUNS = ["قاعده", "مطار", "مدينه", "منظومه", "شركه", "طراز", "وكاله", "صحيفه", "قناه", "موقع"]
# Words a name does not contain: a run of words holding one is a phrase, not a name.
FUNCTION_WORDS = [
    "في",
    "من",
    "الي",
    "علي",
    "عن",
    "مع",
    "ان",
    "انه",
    "فان",
    "بان",
    "لا",
    "لم",
    "ما",
    "هذا",
    "هذه",
    "التي",
    "الذي",
    "قد",
    "كان",
    "هو",
    "هي",
    "بين",
]
# A definite event noun refers back to the last meeting, call or visit: "وشهدت الزيارة
# توقيع ..." is dated by the visit.
EVENT_ANAPHORA = ["الزياره", "اللقاء", "الاجتماع", "المقابله", "الاتصال", "المباحثات", "خلاله"]
# Predicates that are states, not events: no date is carried to them from a neighbour.
STATIC_PREDICATES = {
    "holds_position",
    "held_position",
    "includes",
    "has_role",
    "located_in",
    "member_of",
    "distance_from",
    "party_to",
    "has_duration",
    "renews_automatically",
    "prohibits",
    "opposes",
    "downplayed",
    "guided_by_interests",
}
# States measured up to a moment: dated at publication when the clause gives no date.
AS_OF_PREDICATES = {"ongoing_for_more_than"}
# Events that continue the last dated meeting or call when they have no date of their own.
MEETING_PREDICATES = {"met", "phoned", "discussed", "conveyed_greetings", "praised"}
# Between two sides: "قطر وروسيا تعملان معا" is one claim, Qatar with Russia.
SYMMETRIC = {"cooperates_with", "in_contact_with", "held_exercise_with", "met", "phoned"}
# Speech acts: who performs them says them.
SPEECH_PREDICATES = {"downplayed", "denied", "accused"}

# What each predicate's subject and object are, by entity type, preferred first.
_STATE = ("country", "organization", "person")
_ACTOR = ("person", "country", "organization")
ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "signed": (_STATE, ("agreement",)),
    "party_to": (("country",), ("agreement",)),
    "negotiating_purchase": (("country",), ("weapon_system",)),
    "negotiating_sale": (("country", "organization"), ("country",)),
    "made_progress_on": (("country",), ("weapon_system", "agreement")),
    "completed_negotiations": (("country",), ("agreement", "weapon_system")),
    "purchased": (("country",), ("weapon_system",)),
    "delivered": (("country", "organization"), ("weapon_system",)),
    "considering": (("country",), ("country", "weapon_system", "agreement")),
    "ready_to_cooperate_with": (("country",), ("country",)),
    "ready_to_negotiate": (("country",), ("weapon_system",)),
    "includes": (("agreement",), ("weapon_system", "topic")),
    "prohibits": (("agreement",), ("topic",)),
    "entered_into_force": (("agreement",), ()),
    "has_duration": (("agreement",), ()),
    "renews_automatically": (("agreement",), ()),
    "signed_contracts_value": (("country", "organization"), ()),
    "exported_value": (("organization", "country"), ()),
    "order_book_value": (("organization", "country"), ()),
    "export_destinations": (("organization", "country"), ()),
    "visited": (("person", "organization"), ("country", "place")),
    "met": (("person",), ("person",)),
    "phoned": (("person",), ("person",)),
    "attends": (("person", "organization", "country"), ("event",)),
    "leads_delegation_to": (("person",), ("event",)),
    "prepares": (("person",), ("event",)),
    "discussed": (("person",), ("topic", "event")),
    "conveyed_greetings": (("person",), ("person",)),
    "thanked": (("person",), ("person",)),
    "praised": (_ACTOR, ("topic", "country")),
    "cooperates_with": (("country",), ("country",)),
    "held_exercise_with": (("country", "organization"), ("country", "organization")),
    "hosts": (("place", "country"), ("event", "country", "organization")),
    "supports": (("country",), ("country",)),
    "opposes": (("country",), ("topic", "weapon_system", "agreement")),
    "pressures": (("country", "organization"), ("country",)),
    "sanctioned": (("country",), ("country",)),
    "threatened_sanctions": (("country",), ("country",)),
    "cut_ties_with": (("country",), ("country",)),
    "accused": (("country", "person"), ("country", "person")),
    "denied": (("country", "person"), ()),
    "member_of": (("country",), ("organization",)),
    "holds_position": (("person",), ("office", "organization", "country")),
    "held_position": (("person",), ("office", "organization")),
    "located_in": (("place",), ("country", "place")),
    "distance_from": (("place",), ("place",)),
    "interested_in_hosting": (("country",), ("event",)),
    "downplayed": (("person", "country"), ("country",)),
    "guided_by_interests": (("country",), ("country",)),
    "in_contact_with": (("country", "person"), ("country", "person")),
    "ongoing_for_more_than": (("event",), ()),
    "has_role": (("organization",), ("country",)),
    "seeks_stronger_cooperation_with": (_ACTOR, ("country",)),
    "strained_relations_with": (("country",), ("country", "organization")),
    "began": (("event",), ()),
}
# "البلدان"، "الجانبين": a dual that stands for the two states of the story.
_THAT = {"ان", "انه", "انها", "بان", "بانه", "فان"}
_DUAL = re.compile(r"^(?:و|ف)?(?:ال|لل)?(?:بلد|جانب|طرف)(?:ان|ين)$")
_ANY = (
    "country",
    "person",
    "organization",
    "weapon_system",
    "agreement",
    "event",
    "place",
    "topic",
    "unclassified",
)

# --------------------------------------------------------------------------------------
# Patterns


_CLITICS = r"(?:و|ف)?(?:(?:ب|ك|ل)?ال|لل|ب|ك|ل)?"
_IMPERFECT = r"(?:و|ف)?(?:س)?(?:ي|ت|ن|ا)"


def _word_regex(word: str) -> re.Pattern[str]:
    imperfect = word.startswith("~")
    verb = word.startswith("=")
    bare = word.startswith("!")
    word = word.lstrip("~=!")
    star = word.endswith("*")
    stem = normalize(word.rstrip("*")).replace(" ", "")
    body = re.escape(stem) + (r"\w*" if star else "")
    prefix = _IMPERFECT if imperfect else r"(?:و|ف)?" if verb else r"(?:و|ف)?(?:ب|ك|ل)?" if bare else _CLITICS
    return re.compile(f"^{prefix}{body}$")


@dataclass(frozen=True)
class Pattern:
    """A cue pattern compiled: word regexes, with `None` standing for a gap."""

    text: str
    parts: tuple[re.Pattern[str] | None, ...]

    @classmethod
    def of(cls, text: str) -> Pattern:
        parts = tuple(None if w == ".." else _word_regex(w) for w in text.split())
        return cls(text, parts)

    def opens(self, word: str) -> bool:
        """Whether `word` matches the pattern's first word (a gap matches no word by itself)."""
        head = self.parts[0] if self.parts else None
        return head is not None and head.match(word) is not None

    def find(self, words: list[str], start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """The first (first word index, last word index + 1) where the pattern matches."""
        end = len(words) if end is None else end
        for i in range(start, end):
            hit = self._at(words, i, end, 0)
            if hit is not None:
                return i, hit
        return None

    def _at(self, words: list[str], i: int, end: int, k: int) -> int | None:
        if k == len(self.parts):
            return i
        part = self.parts[k]
        if part is None:
            for j in range(i, min(end, i + 9)):
                hit = self._at(words, j, end, k + 1)
                if hit is not None:
                    return hit
            return None
        if i < end and part.match(words[i]):
            return self._at(words, i + 1, end, k + 1)
        return None


def _compile(rows: list[str]) -> list[Pattern]:
    return [Pattern.of(r) for r in rows]


_PREDICATE_PATTERNS = [(Pattern.of(p), pred) for p, pred in PREDICATE_CUES]
_VALUE_PATTERNS = [(Pattern.of(p), unit, pred) for p, unit, pred in VALUE_CUES]
_MODALITY_PATTERNS = [(Pattern.of(p), m) for p, m in MODALITY_CUES]
_NEGATIONS = _compile(NEGATION_CUES)
_IDIOMS = _compile(NEGATION_IDIOMS)
_DENIALS = _compile(DENIAL_CUES)
_ATTRIBUTIONS = _compile(ATTRIBUTION_CUES)
_CONTINUING = _compile(CONTINUING_CUES)
_OPENERS = _compile(CONTINUATION_OPENERS)
_CREDITS = _compile(CREDIT_CUES)
_MEDIA = _compile(MEDIA_NOUNS)
_TITLES = _compile(TITLE_WORDS)
_HONORIFICS = _compile(HONORIFICS)
_CLAUSE_OPENERS = _compile(CLAUSE_OPENERS)
_KIND_NOUNS = _compile(KIND_NOUNS)
_FUNCTION_WORDS = {normalize(w) for w in FUNCTION_WORDS}
_ANAPHORA = _compile(EVENT_ANAPHORA)
_UNITS = [(_word_regex(w), u) for w, u in UNIT_WORDS.items()]
_SCALES = [(_word_regex(w), s) for w, s in SCALE_WORDS.items()]
_NUMBERS = [(_word_regex(w), n) for w, n in NUMBER_WORDS.items()]
_ONE_OF = _compile(list(ONE_OF_UNIT_AFTER))

# --------------------------------------------------------------------------------------
# Spans


_WORD = re.compile(r"[0-9\u0660-\u0669]+(?:[.,\u066b][0-9\u0660-\u0669]+)+|[\w\u064b-\u065f\u0670\u0640]+")
_SENTENCE_END = re.compile(
    r"(?<!\.)(?<![A-Za-z])[.!?؟](?!\.)(?=\s)|(?<!\.)(?<=[A-Za-z])[.!?](?!\.)(?=\s+[^A-Za-z\s])|\n"
)
_QUOTES = '«»“”"„'


@dataclass
class Word:
    start: int
    end: int
    key: str  # normalized, one token (spaces removed)


@dataclass
class Clause:
    start: int
    end: int
    words: list[Word]
    sentence: int
    paragraph: int
    first_of_sentence: bool


def _words(text: str, start: int, end: int) -> list[Word]:
    out = []
    for m in _WORD.finditer(text, start, end):
        key = normalize(m.group()).replace(" ", "")
        if key:
            out.append(Word(m.start(), m.end(), key))
    return out


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence: trimmed spans of the text as received."""
    out, paragraph, pos = [], 0, 0
    for m in _SENTENCE_END.finditer(text + "\n"):
        end = min(m.end(), len(text)) if m.group() != "\n" else m.start()
        s, e = _trim(text, pos, end)
        if e > s and _WORD.search(text, s, e):
            out.append((s, e, paragraph))
        if m.group() == "\n":
            paragraph += 1
        pos = m.end()
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\r\n\u00a0":
        s += 1
    while e > s and text[e - 1] in " \t\r\n\u00a0":
        e -= 1
    return s, e


def clauses(text: str) -> list[Clause]:
    """Each sentence cut before its clause connectives and saying participles."""
    out: list[Clause] = []
    for n, (s, e, par) in enumerate(sentences(text)):
        words = _words(text, s, e)
        keys = [w.key for w in words]
        cuts = [0]
        for i in range(1, len(words)):
            before = text[words[i - 1].end : words[i].start]
            comma = "،" in before or "," in before or ":" in before
            opener = any(
                p.find(keys, i, min(i + len(p.parts), len(keys))) == (i, i + len(p.parts))
                for p in _CLAUSE_OPENERS
            )
            participle = any(p.opens(keys[i]) for p in _CONTINUING)
            # "، وتناول": a new clause; "، والوفد": one more noun in a list (و + ال).
            conj = comma and keys[i].startswith("و") and len(keys[i]) >= 3 and not keys[i].startswith("وال")
            quotation = ":" in before and any(q in text[words[i - 1].end : words[i].start + 1] for q in '«“"')
            if (opener and (comma or i > 2)) or (participle and comma) or conj or quotation:
                if i - cuts[-1] >= 3:
                    cuts.append(i)
        cuts.append(len(words))
        for k in range(len(cuts) - 1):
            ws = words[cuts[k] : cuts[k + 1]]
            if not ws:
                continue
            cs, ce = ws[0].start, ws[-1].end
            ce = _extend_closing(text, ce, e)
            cs = _extend_opening(text, cs, s)
            out.append(Clause(cs, ce, ws, n, par, k == 0))
    return out


def _extend_closing(text: str, ce: int, limit: int) -> int:
    # Keep a closing quotation mark or bracket that ends the clause's last word.
    while ce < limit and text[ce] in '»”")':
        ce += 1
    return ce


def _extend_opening(text: str, cs: int, limit: int) -> int:
    while cs > limit and text[cs - 1] in '«“"(':
        cs -= 1
    return cs


# --------------------------------------------------------------------------------------
# Names


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


class Linker:
    """Names to entity ids: the lexicon, metonyms, common words and country adjectives."""

    def __init__(self, entities: list[dict[str, Any]]) -> None:
        self.lexicon = Lexicon(entities)
        self.types = {e["id"]: e.get("type") for e in entities}
        self.entities = {e["id"]: e for e in entities}
        self.metonyms: dict[str, set[str]] = {}
        self.common: dict[str, set[str]] = {}
        self.adjectives: dict[str, str] = {}
        self.media: set[str] = set()
        self.first_tokens: set[str] = set()
        for e in entities:
            self._index_names(e)
            for m in e.get("metonyms") or []:
                self.metonyms.setdefault(normalize(m), set()).add(e["id"])
            for c in e.get("common_words") or []:
                self.common.setdefault(normalize(c), set()).add(e["id"])
            names = [e.get("name_ar") or ""] + list(e.get("aliases") or [])
            if e.get("type") == "country":
                for name in names:
                    for adj in _nisba(name):
                        self.adjectives.setdefault(adj, e["id"])
            if any(_starts_with_media(n) for n in names):
                self.media.add(e["id"])

    def _index_names(self, entity: dict[str, Any]) -> None:
        # The first word of every name, so only n-grams that can be a name are looked up.
        names = [
            entity.get("name"),
            entity.get("name_ar"),
            entity.get("id"),
            *(entity.get("aliases") or []),
            *(entity.get("metonyms") or []),
            *(entity.get("common_words") or []),
        ]
        for name in names:
            if isinstance(name, str) and normalize(name):
                self.first_tokens.add(normalize(name).split(" ")[0])

    def add(self, entity: dict[str, Any]) -> None:
        """Know a candidate entity too, so later clauses link its name."""
        self._index_names(entity)
        self.entities[entity["id"]] = entity
        self.types[entity["id"]] = entity.get("type")
        self.lexicon = Lexicon(self.entities.values())

    def resolve(self, name: str, quoted: bool, after_kind_noun: bool) -> set[str]:
        key = normalize(name)
        # A metonym (الدوحة for Qatar) links to its state as well as to what it names (the
        # city): the predicate's roles choose between them.
        ids = set(self.metonyms.get(key, ())) | self.lexicon.resolve(name)
        common = self.common.get(key, set())
        if common and not (quoted or after_kind_noun):
            ids -= common
        return ids

    def mentions(self, text: str, words: list[Word]) -> list[Mention]:
        out: list[Mention] = []
        keys = [w.key for w in words]
        i = 0
        while i < len(words):
            found = None
            after_kind = i > 0 and any(p.opens(keys[i - 1]) for p in _KIND_NOUNS)
            for cut in _clitic_cuts(keys[i]):
                head = _after_clitic(text, words[i].start, words[i].end, cut)
                first = normalize(head).split(" ")[0] if head else ""
                if first not in self.first_tokens:
                    continue  # no name starts with this word: no n-gram from it is a name
                for n in range(min(_LONGEST_NAME, len(words) - i), 0, -1):
                    s, e = words[i].start, words[i + n - 1].end
                    written = _after_clitic(text, s, e, cut)
                    quoted = s > 0 and text[s - 1] in _QUOTES and e < len(text) and text[e] in _QUOTES
                    ids = (
                        self.resolve(written, quoted, after_kind)
                        if written and _WORD.match(written)
                        else set()
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
            for cut in _clitic_cuts(keys[i]):
                adj = keys[i][cut:]
                adj = adj if adj.startswith("ال") else "ال" + adj
                if adj in self.adjectives:
                    out.append(
                        Mention(
                            words[i].start,
                            words[i].end,
                            i,
                            i + 1,
                            (self.adjectives[adj],),
                            text[words[i].start : words[i].end],
                            weak=True,
                        )
                    )
                    break
            i += 1
        return out

    def type_of(self, eid: str) -> str:
        return self.types.get(eid) or "unclassified"


def _clitic_cuts(key: str) -> list[int]:
    """How many leading letters of a word may be a proclitic, shortest first."""
    cuts = [0]
    for prefix in (*PROCLITICS, "وب", "ول", "فب", "فل", "وك"):
        if key.startswith(prefix) and len(key) - len(prefix) >= 3:
            cuts.append(len(prefix))
    if key.startswith("لل") and len(key) > 4:
        cuts.append(-1)  # لل + noun is ل + ال: see _after_clitic
    return cuts


def _after_clitic(text: str, s: int, e: int, cut: int) -> str:
    """The text of s:e without its first `cut` letters (a proclitic); -1 is لل, read as ال."""
    if cut == 0:
        return text[s:e]
    if cut == -1:
        return "ال" + text[s + 2 : e]  # "للدوحة" is ل + "الدوحة"
    taken, i = 0, s
    while taken < cut and i < e:
        if "\u0621" <= text[i] <= "\u064a":
            taken += 1
        i += 1
    return text[i:e]


def _nisba(name: str) -> list[str]:
    """The adjectives of a country's Arabic name: روسيا -> الروسي، الروسية، الروس."""
    key = normalize(name)
    if " " in key or not key:
        return []
    base = key[2:] if key.startswith("ال") else key
    for ending in ("يه", "يا", "ه", "ا"):
        if base.endswith(ending) and len(base) - len(ending) >= 3:
            base = base[: -len(ending)]
            break
    if len(base) < 3:
        return []
    return ["ال" + base + s for s in ("ي", "يه", "يين", "يون", "")] if base + "ي" != key else []


def _starts_with_media(name: str) -> bool:
    first = normalize(name).split(" ")[:1]
    return bool(first) and any(p.opens(first[0]) for p in _MEDIA)


# --------------------------------------------------------------------------------------
# Dates


_DATE_LEADS = {"في", "خلال", "منذ", "حتي", "يوم"}


def find_dates(
    text: str, words: list[Word], anchor: DateSpan, masked: set[int]
) -> list[tuple[int, int, DateSpan]]:
    """Every date phrase of a clause, as (first word, last word + 1, span), left to right:
    at each word the longest run of up to seven words (outside linked names) the date
    module reads. No phrase is listed here: what `dates.parse_date` reads is found."""
    out: list[tuple[int, int, DateSpan]] = []
    i = 0
    while i < len(words):
        hit = None
        if i not in masked:
            for n in range(min(7, len(words) - i), 0, -1):
                if any(k in masked for k in range(i, i + n)):
                    continue
                s, e = words[i].start, words[i + n - 1].end
                phrase = text[s:e]
                if "\n" in phrase:
                    continue
                try:
                    span = parse_date(phrase, anchor)
                except DateError:
                    continue
                first = i
                if words[i].key in _DATE_LEADS and n > 1:
                    # The source's date words without the preposition, when they say the same.
                    try:
                        bare = parse_date(text[words[i + 1].start : e], anchor)
                        if (bare.start, bare.end) == (span.start, span.end):
                            first, span = i + 1, bare
                    except DateError:
                        pass
                hit = (first, i + n, span)
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def nearest_date(dates: list[tuple[int, int, DateSpan]], at: tuple[int, int] | None) -> DateSpan | None:
    """The date phrase that goes with a cue: the nearest one, after it when tied."""
    if not dates:
        return None
    if at is None:
        return dates[0][2]

    def distance(d: tuple[int, int, DateSpan]) -> tuple[int, int]:
        if d[0] >= at[1]:
            return d[0] - at[1], 0
        if d[1] <= at[0]:
            return at[0] - d[1], 1
        return 0, 0

    return min(dates, key=distance)[2]


# --------------------------------------------------------------------------------------
# Publication date


_DATELINE_LINES = 8
_PUBLISHED_LABEL = re.compile(
    r"(?:تم النشر|نشر في|تاريخ النشر|published)\s*[:：]?\s*(.*?)(?:تم التحديث|updated|$)", re.I
)


def detect_published(text: str) -> tuple[DateSpan, str] | None:
    """The publication date printed near the top (a dateline line, or `تم النشر: …`), and
    where it was read; None when there is none."""
    lines = text.splitlines()[:_DATELINE_LINES]
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        m = _PUBLISHED_LABEL.search(line)
        candidate = m.group(1).strip() if m else line
        if not candidate or len(candidate) > 60 or not re.search(r"[0-9\u0660-\u0669]{4}", candidate):
            continue
        try:
            span = parse_date(candidate)
        except DateError:
            continue
        return span, f"line {n}"
    return None


def parse_published(value: str) -> DateSpan:
    """`--published`: any date the date module reads, or START..END for a bounded article."""
    if ".." in value:
        a, _, b = value.partition("..")
        try:
            start, end = parse_date(a.strip()), parse_date(b.strip())
        except DateError as exc:
            raise InputError(f"--published {value!r}: {exc}") from None
        if start.start > end.end:
            raise InputError(f"--published {value!r}: the start is after the end")
        return replace(start.hull(end), text="")
    try:
        return parse_date(value)
    except DateError as exc:
        raise InputError(f"--published: {exc}") from None


# --------------------------------------------------------------------------------------
# Drafting


@dataclass
class Draft:
    """The outcome: a source record, candidate entities, candidate claims (plain dicts)."""

    source: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [self.source, *self.entities, *self.claims]


@dataclass
class _Account:
    speaker: str | None = None
    via: str | None = None
    speaker_via: dict[str, str] = field(default_factory=dict)


def draft_article(
    text: str,
    entities: list[dict[str, Any]],
    *,
    published: DateSpan | None = None,
    outlet: str | None = None,
    url: str | None = None,
    credited: list[str] | None = None,
    source_id: str | None = None,
    known_sources: list[dict[str, Any]] | None = None,
) -> Draft:
    """Draft the records of one article; raise InputError when it has no usable date."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("the article is empty")
    known_sources = known_sources or []
    note = None
    if published is None:
        found = detect_published(text)
        if found is None:
            raise InputError(
                "no publication date found in the article's dateline; give --published "
                "(a date, or START..END when the article is only bounded)"
            )
        published, where = found
        note = f"published date read from the dateline ({where}: {published.text!r}); check it"
    linker = Linker(entities)
    source = _source_record(text, published, note, outlet, url, credited, source_id, known_sources)
    drafter = _Drafter(text, linker, published, source["id"])
    drafter.run()
    return Draft(source, drafter.new_entities, drafter.claims)


def _source_record(text, published, note, outlet, url, credited, source_id, known_sources) -> dict[str, Any]:
    from .schema import sha256

    digest = sha256(text)
    for known in known_sources:
        if known.get("sha256") == digest:
            return dict(known)  # already stored: importing it again leaves it unchanged
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:120]
    taken = {s.get("id") for s in known_sources}
    if source_id is not None:
        from .schema import MAX_ID, SLUG

        if not SLUG.match(source_id):
            raise InputError(
                f"--id {source_id!r}: must be a lower-case slug (letters, digits, . _ -) "
                f"of at most {MAX_ID} characters"
            )
        if source_id in taken:
            raise InputError(f"--id {source_id!r}: the store already has a source with that id")
    else:
        slug = (
            re.sub(r"[^a-z0-9]+", "-", (outlet or "unknown").lower()).strip("-")[:24].strip("-") or "source"
        )
        base = f"{slug}-{published.start.isoformat()}"
        source_id, k = base, 2
        while source_id in taken:
            source_id, k = f"{base}-{k}", k + 1
    return {
        "id": source_id,
        "title": title,
        "outlet": outlet or "unknown",
        "credited": list(credited or []),
        "language": "ar",
        "url": url,
        "published": published.to_dict(),
        "note": note,
        "sha256": digest,
        "text": text,
    }


class _Drafter:
    def __init__(self, text: str, linker: Linker, anchor: DateSpan, source_id: str) -> None:
        self.text = text
        self.linker = linker
        self.anchor = anchor
        self.source_id = source_id
        self.claims: list[dict[str, Any]] = []
        self.new_entities: list[dict[str, Any]] = []
        self._new_names: dict[str, str] = {}
        self.article_via: str | None = None
        self._countries_seen: list[str] = []
        self._recent: list[tuple[str, ...]] = []
        self._in_sentence: list[tuple[str, ...]] = []
        self._said_here: int | None = None  # where what is said begins, in a clause with a saying verb
        self._host: str | None = None  # who held the last meeting or call
        self._last_speaker: str | None = None

    # -- the walk ---------------------------------------------------------------------

    def run(self) -> None:
        text = self.text
        self.article_via = self._dateline_credit()
        account = _Account()
        prev_sentence = -1
        last_meeting_date: DateSpan | None = None
        sentence_date: DateSpan | None = None
        quote_open = False
        first_body_sentence = None
        lines = text.splitlines()
        headline = next((n for n, ln in enumerate(lines) if ln.strip()), 0)
        all_clauses = clauses(text)
        if self.article_via is None:
            self.article_via = self._first_sentence_credit(all_clauses, headline)
        for clause in all_clauses:
            if clause.paragraph == headline and len(lines) > 1:
                continue  # the headline restates the body; claims cite the body
            keys = [w.key for w in clause.words]
            mentions = self.linker.mentions(text, clause.words)
            if self._candidate_entities(clause, mentions):
                mentions = self.linker.mentions(text, clause.words)  # link the new names too
            if clause.sentence != prev_sentence:
                # A new sentence: does it go on with the account before it?
                continues = any(
                    (p.find(keys, 0, min(len(keys), len(p.parts) + 1)) or (1, 1))[0] == 0 for p in _OPENERS
                )
                if not (continues or quote_open):
                    account = _Account(speaker_via=account.speaker_via)
                sentence_date = None
                self._in_sentence = []
                if first_body_sentence is None and clause.paragraph > 0 and len(clause.words) > 8:
                    first_body_sentence = clause.sentence
                prev_sentence = clause.sentence
            credited = self._attribution(clause, keys, mentions, account, first_body_sentence)
            roles = [m for m in mentions if not (m.ids[0] in self.linker.media or m is credited)]
            masked = {k for m in mentions if not m.weak for k in range(m.first, m.last)}
            dates = find_dates(text, clause.words, self.anchor, masked)
            made = self._claims_of(clause, keys, roles, account, dates, sentence_date, last_meeting_date)
            self.claims.extend(made)
            for claim in made:
                if claim["predicate"] in ("met", "phoned", "visited") and claim["date"]:
                    last_meeting_date = DateSpan.from_dict(claim["date"])
                if claim["predicate"] in ("met", "phoned") and claim["subject"]:
                    self._host = claim["subject"]
            for m in roles:
                if not m.weak:
                    self._recent.append(m.ids)
                    self._in_sentence.append(m.ids)
                for eid in m.ids[:1]:
                    if self.linker.type_of(eid) == "country":
                        if eid in self._countries_seen:
                            self._countries_seen.remove(eid)
                        self._countries_seen.append(eid)
            if dates and self._said_here is not None and dates[0][0] < self._said_here:
                # A date between the saying verb and what is said ("وقال السفير، السبت، ...")
                # is when it was said: the date of what follows in the sentence.
                sentence_date = dates[0][2]
            quote_open = _quote_open_after(text, clause)

    def _first_sentence_credit(self, all_clauses: list[Clause], headline: int) -> str | None:
        """A medium credited in the article's first sentence ("وفقا لخبر نشرته مجلة ...")
        is where the article's own narration comes from."""
        body = [c for c in all_clauses if c.paragraph != headline and len(c.words) > 3]
        first = [c for c in body if c.sentence == body[0].sentence] if body else []
        for clause in first:
            keys = [w.key for w in clause.words]
            credit = self._credit(clause, keys, self.linker.mentions(self.text, clause.words))
            if credit is not None:
                return credit.ids[0]
        return None

    def _dateline_credit(self) -> str | None:
        # "موسكو -رويترز": a place, a dash, an agency, alone on a line near the top.
        for line in self.text.splitlines()[:8]:
            m = re.fullmatch(r"\s*(\S+(?:\s\S+)?)\s*[-–—|]\s*(\S+(?:\s\S+)?)\s*", line)
            if not m:
                continue
            place = self.linker.resolve(m.group(1), quoted=True, after_kind_noun=True)  # metonyms too: موسكو
            agency = self.linker.lexicon.resolve(m.group(2))
            if place and len(agency) == 1:
                (eid,) = agency
                if self.linker.type_of(eid) == "organization":
                    return eid
        return None

    # -- speaker and via --------------------------------------------------------------

    def _attribution(
        self,
        clause: Clause,
        keys: list[str],
        mentions: list[Mention],
        account: _Account,
        first_body_sentence: int | None,
    ) -> Mention | None:
        """Set the account's speaker and via from this clause; the mention credited as a
        medium (it takes no role in the clause's claims)."""
        credit = self._credit(clause, keys, mentions)
        credit_id = credit.ids[0] if credit else None
        self._said_here = None
        for pat in _ATTRIBUTIONS:
            hit = pat.find(keys)
            if hit is None:
                continue
            # The speaker is named between the saying verb and what is said (أن، إن، a colon
            # or a quotation mark); a name after that is what the sentence is about.
            stop = self._said_from(clause, keys, hit[1])
            self._said_here = stop
            continuing = any(p.opens(keys[hit[0]]) for p in _CONTINUING)
            who = (
                None
                if continuing
                else self._named_after(mentions, hit[1], ("person", "organization"), limit=stop - hit[1])
            )
            if who is not None and (who in self.linker.media or who == credit_id):
                credit_id = credit_id or who
                who = None
            if who is not None:
                account.speaker = who
            elif account.speaker is None and not (credit and credit.first <= hit[1] + 1):
                # "وقال السفير ...": a title, not a name: the speaker named last. (When the
                # verb's subject is the medium itself, "قالت وكالة ...", there is no speaker.)
                account.speaker = self._last_speaker
            break
        if credit_id is not None:
            account.via = credit_id
            if account.speaker:
                account.speaker_via[account.speaker] = credit_id
        elif account.via is None and account.speaker in account.speaker_via:
            account.via = account.speaker_via[account.speaker]
        if account.speaker:
            self._last_speaker = account.speaker
        return credit

    def _said_from(self, clause: Clause, keys: list[str], at: int) -> int:
        for k in range(at, len(keys)):
            gap = self.text[clause.words[k - 1].end : clause.words[k].start] if k else ""
            if keys[k] in _THAT or ":" in gap or any(q in gap for q in '«“"'):
                return k
        return len(keys)

    def _credit(self, clause: Clause, keys: list[str], mentions: list[Mention]) -> Mention | None:
        for pat in _CREDITS:
            hit = pat.find(keys)
            if hit is None:
                continue
            for m in mentions:
                if m.first < hit[1] or m.first > hit[1] + 6 or m.weak:
                    continue
                if any(i in self.linker.media for i in m.ids) or self._after_media(keys, m):
                    return m
        return None

    def _after_media(self, keys: list[str], m: Mention) -> bool:
        return any(p.opens(keys[k]) for k in range(max(0, m.first - 2), m.first) for p in _MEDIA)

    def _named_after(
        self, mentions: list[Mention], at: int, types: tuple[str, ...], limit: int
    ) -> str | None:
        for m in mentions:
            if m.weak or m.first < at or m.first > at + limit:
                continue
            for t in types:
                for eid in m.ids:
                    if self.linker.type_of(eid) == t:
                        return eid
        return None

    # -- claims -----------------------------------------------------------------------

    def _claims_of(self, clause, keys, mentions, account, dates, sentence_date, meeting_date) -> list[dict]:
        made: list[dict] = []
        made += self._titles(clause, keys, mentions)
        named = {k for m in mentions if not m.weak for k in range(m.first, m.last)}
        found = self._predicates(keys, mentions, named)
        strong = [m for m in mentions if not m.weak]
        if not found:
            if len(strong) < 2 or made:
                return made  # names only, or names a title claim already covers
            found = [(None, None, None, None)]
        modality_all, modality_cue = self._modality(keys, None, named)
        denial = next((p for p in _DENIALS if p.find(keys)), None)
        quote_start, quote_end = _trim(self.text, clause.start, clause.end)
        quote_end = _strip_trailing(self.text, quote_start, quote_end)
        for rank, (predicate, at, cue, value) in enumerate(found):
            cues = [f"predicate:{cue}"] if cue else ["predicate:none (names only)"]
            if value is not None:
                cues.append(f"value:{value['amount']:g} {value['unit']}")
            subjects, objects = self._roles(predicate, at, mentions, keys)
            if not objects and _object_types(predicate) and predicate:
                carried = self._sentence_object(predicate, subjects)
                if carried:
                    objects = [carried]
                    cues.append("object:named earlier in the sentence")
            if not subjects and predicate:
                carry = self._carried(predicate)
                if carry:
                    subjects = [carry]
                    cues.append("subject:the last name of its kind before")
            negation = self._negation(keys, at)
            polarity = "affirmed"
            if negation is not None:
                polarity = "negated"
                cues.append(f"negation:{negation}")
            elif denial is not None and predicate not in (None, "denied"):
                polarity = "negated"
                cues.append(f"negation:{denial.text}")
            modality, mcue = (modality_all, modality_cue)
            if modality == "in_talks" and predicate in TALKS_NEUTRAL:
                modality, mcue = self._modality(keys, predicate, named)
            if mcue:
                cues.append(f"modality:{mcue}")
            own_date = nearest_date(dates, at)
            if predicate in STATIC_PREDICATES and own_date is not None and at is not None:
                # A state takes only a date phrase right after its cue ("لتدخل حيز التنفيذ في ...").
                own_date = next((d for a, b, d in dates if 0 <= a - at[1] <= 2), None)
            if predicate == "holds_position":
                own_date = None
            if own_date is not None:
                cues.append(f"date:{own_date.text}")
            elif predicate not in STATIC_PREDICATES and modality not in ("planned", "expected"):
                if sentence_date is not None:
                    own_date = sentence_date
                    cues.append("date:when it was said")
                elif meeting_date is not None and (
                    predicate in MEETING_PREDICATES or any(p.find(keys) for p in _ANAPHORA)
                ):
                    own_date = meeting_date
                    cues.append("date:the meeting, call or visit it refers to")
            elif predicate in AS_OF_PREDICATES:
                own_date = self.anchor
                cues.append("date:as of publication")
            if (
                own_date is not None
                and modality in ("planned", "expected")
                and own_date.end <= self.anchor.end
            ):
                # What is still to come is not dated by a day already past ("محادثاتنا الجارية اليوم").
                own_date = None
                cues.append("date:dropped (not after publication)")
            if modality == "fact" and own_date is not None and own_date.start > self.anchor.end:
                modality = "planned"
                cues.append("modality:dated after publication")
            speaker = account.speaker
            via = account.via if account.via is not None else self.article_via
            if self._said_here is not None and at is not None and at[0] < self._said_here:
                # Before what is said ("وقال شويغو، خلال لقائه العطية: ..."): the article's narration.
                speaker, via = None, self.article_via
            if speaker is None and predicate in SPEECH_PREDICATES and subjects:
                speaker = subjects[0]
            subject_options: list[str | None] = [*subjects] or [None]
            object_options: list[str | None] = [*objects] or [None]
            for subject in subject_options:
                for obj in object_options:
                    if subject is not None and subject == obj:
                        continue
                    filled = (
                        (subject is not None)
                        + (predicate is not None)
                        + (obj is not None or not _object_types(predicate))
                    )
                    confidence = round(0.15 + 0.25 * filled - 0.1 * rank, 2)
                    made.append(
                        self._claim(
                            subject,
                            predicate,
                            obj,
                            value,
                            own_date,
                            polarity,
                            modality,
                            speaker,
                            via,
                            quote_start,
                            quote_end,
                            cues,
                            max(0.1, min(confidence, 0.9)),
                        )
                    )
        return made

    def _sentence_object(self, predicate: str, subjects: list[str]) -> str | None:
        """An object the clause refers back to ("على هذا المسار"): the last name of the
        first kind the predicate's object takes, in the clauses of the sentence before."""
        wanted = _object_types(predicate)[:1]
        for ids in reversed(self._in_sentence):
            for eid in ids:
                if self.linker.type_of(eid) in wanted and eid not in subjects:
                    return eid
        return None

    def _carried(self, predicate: str) -> str | None:
        """A dropped subject: the last name before of a kind the predicate's subject takes."""
        types = ROLES.get(predicate, (_ANY, _ANY))[0]
        if predicate in MEETING_PREDICATES and self._host:
            return self._host  # "وتناول اللقاء ...": the meeting's host
        for ids in reversed(self._recent[-12:]):
            for eid in ids:
                if self.linker.type_of(eid) == types[0]:
                    return eid
        return None

    def _predicates(self, keys: list[str], mentions: list[Mention], named: set[int]) -> list[tuple]:
        """The predicate cues of a clause: (predicate, (first, last) words, cue, value), at
        most three, earliest first, none overlapping another or lying inside a name."""
        hits: list[tuple] = []
        value, vcue = self._value(keys, named)
        if value is not None and vcue is not None:
            hits.append((vcue[1][0], -1, vcue[0], vcue[1], vcue[2], value))
        misfits: list[tuple] = []
        for order, (pat, pred) in enumerate(_PREDICATE_PATTERNS):
            hit = pat.find(keys)
            while hit is not None and hit[0] in named:
                hit = pat.find(keys, hit[0] + 1)
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
            chosen.append((pred, hit, cue, value))
            used |= span
            if len(chosen) == 3:
                break
        return chosen

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

    def _modality(self, keys: list[str], predicate: str | None, named: set[int]) -> tuple[str, str | None]:
        for pat, modality in _MODALITY_PATTERNS:
            if pat.find(keys) is None:
                continue
            if modality == "in_talks" and predicate in TALKS_NEUTRAL:
                continue
            return modality, pat.text
        for i, k in enumerate(keys):
            if (
                k == MAY_WORD
                and i + 1 < len(keys)
                and keys[i + 1][:1] in ("ي", "ت")
                and keys[i + 1] not in MAY_NOT_BEFORE
            ):
                return "hedged", "قد + imperfect"
        for i, k in enumerate(keys):
            bare = k[1:] if k[:1] in ("و", "ف") else k
            if i not in named and FUTURE_PREFIX.match(k) and not bare.startswith(FUTURE_NOUNS):
                return "planned", f"سـ future ({k})"
        return "fact", None

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
            return bool(re.fullmatch(r"[\s،,]*(?:و)?", self.text[a.end : b.start]))

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
        strong = [m for m in ordered if not m.weak]
        subjects: list[str] = []
        dual = self._dual(keys, verb, ordered)
        right_after = [k for k, m in enumerate(ordered) if m.first == verb_end and pick(m, subj_types)]
        before = [k for k, m in enumerate(strong) if m.last <= verb and pick(m, subj_types)]
        after = [k for k, m in enumerate(strong) if m.first >= verb_end and pick(m, subj_types)]
        titled = self._titled_subject(keys, verb_end, ordered, subj_types)
        if dual:
            subjects = dual[:1]
        elif titled:
            subjects = [titled]
        elif right_after and (
            keys[verb].startswith(("ال", "بال", "وال", "لل")) or ordered[right_after[0]].weak
        ):
            # A verbal noun and its agent: "الرفض السعودي الإماراتي", "بتوقيع موسكو والدوحة".
            subjects = chain(ordered, right_after[0], subj_types)
        elif before and verb - strong[before[-1]].last <= 2:
            k = before[-1]
            while k > 0 and joined(strong[k - 1], strong[k]) and pick(strong[k - 1], subj_types):
                k -= 1
            subjects = chain(strong, k, subj_types)
        elif after:
            subjects = chain(strong, after[0], subj_types)
        elif before:
            subjects = chain(strong, before[-1], subj_types)
        else:
            weak = [w for m in ordered if m.weak and (w := pick(m, subj_types))]
            if weak:
                subjects = weak[:1]
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
                if predicate == "includes":
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
        for k in range(verb, min(len(keys), verb + 3)):
            if not _DUAL.match(keys[k]):
                continue
            adjectives = [m.ids[0] for m in ordered if m.weak and k < m.first <= k + 3]
            if adjectives:
                return adjectives
            return self._last_pair()
        return []

    def _last_pair(self) -> list[str]:
        return list(self._countries_seen[-2:]) if len(self._countries_seen) >= 2 else []

    def _value(self, keys: list[str], named: set[int]) -> tuple[dict | None, tuple | None]:
        for i, k in enumerate(keys):
            if i in named:
                continue
            amount = _number(i, keys)
            j = i + 1
            if amount is None:
                if any((hit := p.find(keys, 0, i)) is not None and hit[1] == i for p in _ONE_OF):
                    unit = next((u for rx, u in _UNITS if rx.match(k)), None)
                    if unit == "year":
                        return self._value_cue(keys, i, 1, unit)
                continue
            scale = next((s for rx, s in _SCALES if j < len(keys) and rx.match(keys[j])), None)
            if scale:
                amount *= scale
                j += 1
            unit = next((u for rx, u in _UNITS if j < len(keys) and rx.match(keys[j])), None)
            if unit is None:
                continue
            found = self._value_cue(keys, i, amount, unit)
            if found[0] is not None:
                return found
        return None, None

    def _value_cue(self, keys, i, amount, unit):
        for pat, u, pred in _VALUE_PATTERNS:
            if u != unit:
                continue
            hit = pat.find(keys, max(0, i - 12), min(len(keys), i + 4))
            if hit is not None:
                amount = int(amount) if float(amount).is_integer() else amount
                return {"amount": amount, "unit": unit}, (pred, hit, pat.text)
        return None, None

    def _titles(self, clause: Clause, keys: list[str], mentions: list[Mention]) -> list[dict]:
        """Title + qualifiers + a person's name (or the name, then the title): a
        `holds_position` of the body or state the title names."""
        out: list[dict] = []
        persons = [
            m for m in mentions if not m.weak and any(self.linker.type_of(e) == "person" for e in m.ids)
        ]
        for m in persons:
            person = next(e for e in m.ids if self.linker.type_of(e) == "person")
            lo = m.first
            while lo > 0 and any(p.opens(keys[lo - 1]) for p in _HONORIFICS):
                lo -= 1
            title_at = None
            for t in range(lo - 1, max(-1, lo - 10), -1):
                if any(p.opens(keys[t]) for p in _TITLES):
                    title_at = t
                    break
                other = [mm for mm in persons if mm.first <= t < mm.last]
                if other and person not in other[0].ids:
                    break
            if title_at is not None:
                first, last = title_at, m.last
                span = (clause.words[title_at].start, m.end)
            elif m.last < len(keys) and any(p.opens(keys[m.last]) for p in _TITLES):
                # "الشيخ تميم بن حمد آل ثاني أمير قطر": the title follows the name.
                first, last = m.last, min(len(keys), m.last + 4)
                span = (clause.words[m.first].start, clause.words[last - 1].end)
            elif any(p.opens(w) for w in m.written.split() for p in _TITLES):
                first, last = m.first, m.last  # the name as written is the title (an alias)
                span = (m.start, m.end)
            else:
                continue
            org = self._title_body(clause, keys, first, last, person, m)
            if org is None:
                continue
            same = [c for c in out if c["subject"] == person]
            if same and same[0]["citation"]["end"] - same[0]["citation"]["start"] >= span[1] - span[0]:
                continue
            out = [c for c in out if c["subject"] != person]
            s, e = span
            if self.text[s - 1 : s] == "«":
                s -= 1
            if self.text[e : e + 1] == "»":
                e += 1
            out.append(
                self._claim(
                    person,
                    "holds_position",
                    org,
                    None,
                    None,
                    "affirmed",
                    "fact",
                    None,
                    None,
                    s,
                    e,
                    ["predicate:title + name", f"title:{self.text[span[0] : span[1]][:60]}"],
                    0.7,
                )
            )
        return out

    def _title_body(self, clause, keys, first, last, person, m) -> str | None:
        """The office a title names (first choice), else the organization or state it names, word
        by word: a store without offices gets a candidate the reviewer points at one."""
        orgs, countries = [], []
        words = clause.words[first:last]
        offices = []  # the title itself, when the store has it as an office (roles, CURATION.md)
        for mm in self.linker.mentions(self.text, words):
            for eid in mm.ids:
                if self.linker.type_of(eid) == "office":
                    offices.append(eid)
                elif self.linker.type_of(eid) == "organization":
                    orgs.append(eid)
        for w in words:
            if m.start <= w.start < m.end and not any(
                p.opens(x) for x in keys[m.first : m.last] for p in _TITLES
            ):
                continue  # the person's own name
            for cut in _clitic_cuts(w.key):
                bare = w.key[cut:]
                adj = bare if bare.startswith("ال") else "ال" + bare
                ids = [e for e in self.linker.lexicon.resolve(bare) if self.linker.type_of(e) == "country"]
                if ids or adj in self.linker.adjectives:
                    countries.append(ids[0] if ids else self.linker.adjectives[adj])
                    break
        found = offices or orgs or countries
        return found[0] if found else None

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

    # -- names the store does not know ------------------------------------------------

    def _candidate_entities(self, clause: Clause, mentions: list[Mention]) -> bool:
        """Names the store does not know: in quotation marks, after a title and a comma
        ("الوزير الروسي، سيرغي شويغو"), or right after a medium's noun ("صحيفة كوميرسانت").
        True when the clause gave a new one."""
        before = len(self.new_entities)
        text, words = self.text, clause.words
        keys = [w.key for w in words]
        linked = [(m.start, m.end) for m in mentions]
        linked_persons = [
            (m.start, m.end) for m in mentions if any(self.linker.type_of(e) == "person" for e in m.ids)
        ]

        def known(s: int, e: int) -> bool:
            return any(a < e and s < b for a, b in linked)

        def kind_before(i: int) -> str:
            for k in range(i - 1, max(-1, i - 7), -1):
                if any(p.opens(keys[k]) for p in _TITLES):
                    return "person"
                if any(p.opens(keys[k]) for p in _MEDIA):
                    return "organization"
                if any(p.opens(keys[k]) for p in _KIND_NOUNS):
                    return "unclassified"
            return "unclassified"

        for m in re.finditer(
            r"«([^«»\n]{2,60})»|\"([^\"\n]{2,40})\"|“([^”\n]{2,40})”", text[clause.start : clause.end]
        ):
            s = clause.start + m.start() + 1
            e = clause.start + m.end() - 1
            name = text[s:e].strip()
            if known(s, e) or not 1 <= len(name.split()) <= 5 or not re.search(r"[^\W\d_]", name):
                continue
            if any(w in _FUNCTION_WORDS for w in normalize(name).split()):
                continue  # a quoted phrase, not a name
            first = next((k for k, w in enumerate(words) if w.start >= s), len(words))
            kind = kind_before(first)
            after_kind = first > 0 and any(p.opens(keys[first - 1]) for p in _KIND_NOUNS)
            if len(name.split()) == 1 and not after_kind:
                continue  # one quoted word is emphasis ("تعزيز") unless a noun says what it names
            self._new_entity(name, kind, "name in quotation marks")
        for i, k in enumerate(keys):
            title = any(p.opens(k) for p in _TITLES)
            medium = any(p.opens(k) for p in _MEDIA)
            if not (title or medium):
                continue
            if medium and re.match(r"^(?:و|ف)?(?:ب|ل|ك)?ال", k):
                continue  # "الوكالة": the agency already named, not a new one
            j = i + 1
            if title:
                # The name follows the title's qualifiers and a comma.
                j = next(
                    (
                        c
                        for c in range(i + 1, min(len(keys), i + 8))
                        if "،" in text[words[c - 1].end : words[c].start]
                    ),
                    -1,
                )
                if j < 0 or any(words[i].end <= a and b <= words[j].start for a, b in linked_persons):
                    continue  # no comma, or the title already has its name ("الرئيس الروسي فلاديمير بوتين،")
            end = j
            while end < len(keys) and end - j < (8 if title else 3) and keys[end] not in _FUNCTION_WORDS:
                if end > j and re.search(r"[،,.:؛«»\"“”()]", text[words[end - 1].end : words[end].start]):
                    break
                end += 1
            if end - j < (2 if title else 1):
                continue
            s, e = words[j].start, words[end - 1].end
            if not known(s, e):
                self._new_entity(
                    text[s:e],
                    "person" if title else "organization",
                    f"name after {text[words[i].start : words[i].end]}",
                )
        return len(self.new_entities) > before

    @staticmethod
    def _looks_like_a_name(keys: list[str]) -> bool:
        """A person's name holds no cue word ("قوله", "مباحثات"), does not open with a
        preposition on a noun ("بالنسبة", "لتصدير") and is not the next title ("والرئيس")."""
        if not keys:
            return False
        first = keys[0]
        if re.match(r"^(?:و|ف)?(?:بال|لل|لت|لا)", first):
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

    def _new_entity(self, name: str, kind: str, cue: str) -> None:
        key = normalize(name)
        if not key or key in self._new_names or self.linker.resolve(name, True, True):
            return
        if kind == "person" and re.search(r"[0-9\u0660-\u0669]", name):
            return  # a person's name has no digits: "الإثنين 20 نوفمبر" after a title is a date
        words = name.split()
        if any(self._reads_as_date(" ".join(words[:n])) for n in (1, 2)):
            return
        if kind == "person" and not self._looks_like_a_name(normalize(name).split()):
            return
        from .schema import sha256

        eid = "new-" + sha256(key)[:8]
        self._new_names[key] = eid
        entity = {
            "id": eid,
            "type": kind,
            "name": name,
            "name_ar": name,
            "aliases": [name],
            "description": None,
            "draft": {
                "cues": [cue],
                "confidence": 0.4,
                "todo": "give the English name and a readable id, or delete this record",
            },
        }
        self.new_entities.append(entity)
        self.linker.add(entity)


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


# --------------------------------------------------------------------------------------
# Review: plain functions the terminal walk is built on


REVIEW_FIELDS = CLAIM_CONTENT_FIELDS
ENTITY_REVIEW_FIELDS = ("id", "type", "name", "name_ar", "description")


def draft_records(records: list[dict[str, Any]]) -> list[int]:
    """Indices of the records that are still drafts."""
    return [
        i for i, r in enumerate(records) if isinstance(r, dict) and ("draft" in r or r.get("statement") == "")
    ]


def describe(record: dict[str, Any]) -> str:
    """A candidate in a few lines, for the review walk."""
    cues = ", ".join((record.get("draft") or {}).get("cues", []))
    confidence = (record.get("draft") or {}).get("confidence")
    if "citation" not in record:
        return (
            f"new entity {record.get('name')!r} ({record.get('type')}), id {record.get('id')}\n  cues: {cues}"
        )
    cit = record["citation"]
    date = record.get("date") or {}
    value = record.get("value")
    lines = [
        f"quote {cit.get('start')}:{cit.get('end')}: {cit.get('quote')}",
        f"  {record.get('subject')} {record.get('predicate')} {record.get('object')}"
        + (f"  value {value['amount']} {value['unit']}" if value else ""),
        f"  date {date.get('start')}..{date.get('end')} ({date.get('text')})" if date else "  date none",
        f"  {record.get('polarity')}, {record.get('modality')}; speaker {record.get('speaker')}; via {record.get('via')}",
        f"  statement: {record.get('statement') or '(to write)'}",
        f"  cues: {cues}" + (f"; confidence {confidence}" if confidence is not None else ""),
    ]
    return "\n".join(lines)


def field_suggestions(
    fld: str, current: Any, entities: list[dict[str, Any]], typed: str = "", quote: str | None = None
) -> list[str]:
    """What a reviewer may type for `fld`: vocabulary words; for a name, the entities the
    quote names (or, for what was typed, the entities it spells or the nearest names)."""
    from .vocabulary import ENTITY_TYPES, MODALITIES, POLARITIES, PREDICATES

    if fld == "predicate":
        words = sorted(PREDICATES)
        if typed:
            import difflib

            return [w for w in words if w.startswith(typed)] or difflib.get_close_matches(
                typed, words, n=5, cutoff=0.5
            )
        return words
    if fld == "polarity":
        return list(POLARITIES)
    if fld == "modality":
        return list(MODALITIES)
    if fld == "type":
        return list(ENTITY_TYPES)
    if fld in ("subject", "object", "speaker", "via"):
        if typed:
            lex = Lexicon(entities)
            ids = sorted(lex.resolve(typed))
            return ids or lex.suggest(typed, n=5)
        named = []
        if quote:
            linker = Linker(entities)
            named = [e for m in linker.mentions(quote, _words(quote, 0, len(quote))) for e in m.ids]
        return list(dict.fromkeys(([current] if current else []) + named))
    return []


def apply_edit(
    record: dict[str, Any], fld: str, value: str, anchor: DateSpan | None, entities: list[dict[str, Any]]
) -> dict[str, Any]:
    """A copy of `record` with one field set from what the reviewer typed; InputError if
    the value is not one the field takes. A blank value clears an optional field."""
    from .schema import SLUG
    from .vocabulary import ENTITY_TYPES, MODALITIES, POLARITIES, PREDICATES, UNITS

    out = dict(record)
    value = value.strip()
    allowed = REVIEW_FIELDS if "citation" in record else ENTITY_REVIEW_FIELDS
    if fld not in allowed:
        raise InputError(f"{fld!r} is not a field the review edits ({', '.join(allowed)})")
    if not value:
        if fld in ("object", "value", "date", "speaker", "via", "name_ar", "description"):
            out[fld] = None
            return out
        raise InputError(f"{fld} cannot be left blank")
    if fld == "predicate" and value not in PREDICATES:
        raise InputError(f"predicate {value!r} is not in the vocabulary")
    if fld == "polarity" and value not in POLARITIES:
        raise InputError(f"polarity must be one of {', '.join(POLARITIES)}")
    if fld == "modality" and value not in MODALITIES:
        raise InputError(f"modality must be one of {', '.join(MODALITIES)}")
    if fld == "type" and value not in ENTITY_TYPES:
        raise InputError(f"type must be one of {', '.join(ENTITY_TYPES)}")
    if fld == "id" and not SLUG.match(value):
        raise InputError("id must be a lower-case slug (letters, digits, . _ -)")
    if fld in ("subject", "object", "speaker", "via") and value not in {e["id"] for e in entities}:
        lex = Lexicon(entities)
        ids = lex.resolve(value)
        if len(ids) != 1:
            what = "several entities: " + ", ".join(sorted(ids)) if ids else "no entity"
            raise InputError(f"{fld}: {value!r} names {what}")
        value = ids.pop()
    if fld == "date":
        try:
            out[fld] = parse_date(value, anchor).to_dict()
        except DateError as exc:
            raise InputError(f"date: {exc}") from None
        return out
    if fld == "value":
        parts = value.replace(",", "").split()
        try:
            amount = float(parts[0])
        except (ValueError, IndexError):
            raise InputError("value: expected 'AMOUNT UNIT', e.g. '8600000000 USD'") from None
        if len(parts) != 2 or parts[1] not in UNITS:
            raise InputError(f"value: expected 'AMOUNT UNIT' with a unit of {', '.join(UNITS)}")
        out[fld] = {"amount": int(amount) if amount.is_integer() else amount, "unit": parts[1]}
        return out
    out[fld] = value
    if fld == "name" and "citation" not in record:
        aliases = list(record.get("aliases") or [])
        out["aliases"] = aliases if value in aliases else aliases + [value]
    return out


def accept(record: dict[str, Any]) -> dict[str, Any]:
    """The reviewed record, its `draft` object removed; a claim needs its statement first."""
    if "citation" in record and not (
        isinstance(record.get("statement"), str) and record["statement"].strip()
    ):
        raise InputError("write the statement before accepting")
    return {k: v for k, v in record.items() if k != "draft"}
