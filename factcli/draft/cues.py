"""Drafting's cue lexicons, and the patterns compiled from them.

Every word list drafting uses is here, documented; a cue pattern's syntax is in the
package docstring (`factcli.draft`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analyze import (
    ARTICLE,
    CLITICS_RE,
    CONJUNCTION_RE,
    PREPOSITION_RE,
    CueWord,
    cue_word_regex,
)
from ..normalize import normalize

# --------------------------------------------------------------------------------------
# The cue lexicons: every word list drafting uses is here, documented.

# Predicate cues: (pattern, predicate). In a clause the earliest cue wins; at the same word
# the row higher in this list does, so specific multi-word cues come before the bare verbs
# they contain.
# The words of a wish, a request, an interest or a preparation to obtain something, told
# by verb or by noun: «تريد»، «تسعى»، «ترغب»، «برغبة»، «مسعى»، «تطمح»، «يأمل»، «طلب»،
# «اهتمام»، «مهتمة»، «تستعد»، «نيته»، an attempt («تحاول»، «حاولت»، «محاولة»: nothing bought
# yet) (an intent told by «تعتزم»، «تنوي» is a purchase
# planned, and «طلبت شراء» told by the verb is an order placed: neither is here).
_SEEKING = (
    "~ريد*",
    "~سعي*",
    "مسعي*",
    "~رغب*",
    "رغب*",
    "رغبة*",
    "~طمح*",
    "طموح*",
    "~امل",
    "طلب",
    "اهتمام*",
    "مهتم*",
    "~ستعد*",
    "نيت*",
    "~حاول*",
    "حاول*",
    "محاول*",
)
# The verbal nouns of obtaining after them: buying, acquiring, getting, owning, contracting
# («في شراء»، «لاقتناء»، «إلى الحصول على»، «لامتلاك»، «في التعاقد على»).
_ACQUIRING = ("شراء", "اقتناء*", "حصول", "امتلاك", "تعاقد*")
# Negotiating: the verb, form III («يفاوض») or form VI («تتفاوض»، «يتفاوضان»، «تفاوضت»),
# and the nouns of talks («مفاوضات»، «محادثات»، «مباحثات»).
_NEGOTIATING = ("~فاوض*", "~تفاوض*", "=تفاوض*", "مفاوضات", "محادثات", "مباحثات")

# Approving or allowing, by verb or by noun («وافقت»، «توافق»، «موافقة»، «صادق»، «يصادق»،
# «مصادقة»، «سمحت»، «تسمح»), and the nouns of what is sold or handed over after them (a sale,
# sales, an export, a handover, a supply, a deal). The noun of approval is «موافقة» and its
# forms, never the bare participle: «يوم الأحد الموافق 10 مارس» ties a day to its date; the
# imperfect approves only with its «على» («توافق واشنطن على بيع»), as «الذي يوافق 10 مارس»
# dates too.
_APPROVING = (
    "وافق*",
    "~وافق* .. علي",
    "موافقه",
    "موافقت*",
    "موافقات",
    "صادق*",
    "~صادق*",
    "~صدق",
    "مصادق*",
    "سمح*",
    "~سمح*",
)
_SOLD = ("بيع*", "مبيعات", "تصدير*", "تسليم*", "تزويد*", "صفق*")
# The nouns of a deal a passive participle of signing may follow (`PREDICATE_CUES`).
_SIGNED_DEALS = ("اتفاق*", "عقد*", "صفق*", "مذكر*")

PREDICATE_CUES: list[tuple[str, str]] = [
    # calls and meetings
    ("~جري اتصال* هاتفي*", "phoned"),
    ("اجري* اتصال* هاتفي*", "phoned"),
    ("اتصال* هاتفي*", "phoned"),
    ("مباحثات هاتفي*", "phoned"),
    ("محادث* هاتفي*", "phoned"),
    ("استقبل*", "met"),
    ("~ستقبل*", "met"),
    ("التقي*", "met"),
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
    # negotiating to obtain, by verb (form III «يفاوض», form VI «تتفاوض», «تفاوضت») or by
    # noun («مفاوضات»، «محادثات»), then any verbal noun of obtaining (`_ACQUIRING`)
    *((f"{talk} .. {get}", "negotiating_purchase") for talk in _NEGOTIATING for get in _ACQUIRING),
    ("محادثات", "negotiating_purchase"),
    ("مباحثات", "negotiating_purchase"),
    ("مفاوضات", "negotiating_purchase"),
    ("استكمل* .. مفاوضات", "completed_negotiations"),
    ("اكمل* .. مفاوضات", "completed_negotiations"),
    ("مستعد* للتفاوض", "ready_to_negotiate"),
    # readiness to supply: the seller's offer, not a sale ("مستعدة لتوريد"، "أبدت استعدادها لتزويد")
    ("مستعد* .. توريد*", "ready_to_supply"),
    ("مستعد* .. تزويد*", "ready_to_supply"),
    ("استعداد* .. توريد*", "ready_to_supply"),
    ("استعداد* .. تزويد*", "ready_to_supply"),
    ("جاهز* .. توريد*", "ready_to_supply"),
    ("جاهز* .. تزويد*", "ready_to_supply"),
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
    ("توصل* الي اتفاق*", "signed"),  # reached an agreement
    ("توصل* الي الاتفاق*", "signed"),
    ("=عقد اتفاق*", "signed"),  # "المالكي عقد الاتفاق": concluded it
    ("=عقد الاتفاق*", "signed"),
    ("=عقد صفق*", "signed"),
    ("=عقد الصفق*", "signed"),
    ("وقعتا", "signed"),
    ("وقعنا", "signed"),
    ("وقعوا", "signed"),
    ("~وقع", "signed"),
    ("~وقعان", "signed"),
    ("توقيع*", "signed"),
    ("ابرم*", "signed"),
    ("ابرام", "signed"),  # its verbal noun ("أكدت مصر إبرام عقد"، "بعد إبرام الصفقة")
    # its passive participle after a deal's noun («اتفاقية موقعة بين البلدين»، «اتفاقا دفاعيا
    # موقعا مع الإمارات»، «العقد المبرم»); «موقع» alone is as often a site («نشره موقع»)
    *((f"{deal} .. {signed}", "signed") for deal in _SIGNED_DEALS for signed in ("موقع*", "مبرم*")),
    ("~برم*", "signed"),
    # contracting to buy is signing a contract ("تعاقدت على شراء", "المتعاقدة على شراء")
    ("~تعاقد*", "signed"),
    ("تعاقد*", "signed"),
    ("متعاقد*", "signed"),
    # a sale approved or allowed by the seller's authority, by verb or by noun, then any noun
    # of what is sold or handed over ("وافقت الخارجية على بيع ..."، "وافقت الحكومة على تصدير
    # ..."، "وافق الكونغرس على الصفقة"، "صادق البرلمان على صفقة"، "سمحت بتزويد ..."، "ووافقت
    # الخارجية على هذه المبيعات")
    *((f"{approve} .. {sold}", "approved_sale") for approve in _APPROVING for sold in _SOLD),
    # who supplies or sells to whom (the seller is the subject, the buyer a party after ل or
    # إلى, or the direct object of تزويد)
    ("~تزود*", "received"),  # "تتزود بغداد بأسلحة": Baghdad is supplied, it receives
    ("تزويد*", "supplies"),
    ("بتزويد*", "supplies"),
    ("~زود*", "supplies"),
    ("توريد*", "supplies"),
    ("~ورد*", "supplies"),
    ("امداد*", "supplies"),
    ("~بيع*", "supplies"),
    ("بيع", "supplies"),
    ("لبيع*", "supplies"),  # "اتفاقا لبيعه أسلحة": to sell it arms
    # who buys from whom (the seller after من)
    ("استيراد*", "purchased"),
    ("~ستورد*", "purchased"),
    # a purchase told bare is a purchase (its modality says whether done or intended: "تنوي
    # التعاقد ... لشراء"); talks about one are the talks cues above
    ("شراء", "purchased"),
    ("اقتناء*", "purchased"),
    ("اقتن*", "purchased"),
    ("~قتني*", "purchased"),
    ("اشتر*", "purchased"),
    ("~شتري", "purchased"),
    # what a buyer received (the seller after من): "تسلمت 24 طائرة"، "حصل الجيش على"
    ("تسلم*", "received"),
    ("~تسلم*", "received"),
    ("استلم*", "received"),
    ("تلق*", "received"),  # "تلقت نيجيريا ست طائرات": received (a call received is «اتصالا»)
    ("~تلق*", "received"),
    ("استلام", "received"),  # "يستعد لاستلام": the noun of receiving, as تسلّم
    ("~ستلم*", "received"),
    ("حصل* علي", "received"),
    ("~حصل* علي", "received"),
    # a weapon that joins a force is the force's receipt ("انضمام الغواصة إلى القوات البحرية",
    # "غواصات ستنضم للبحرية"): the force receives it
    ("انضم*", "received"),
    ("~نضم*", "received"),
    ("تنضم*", "received"),
    ("انضمام", "received"),
    # the verb first, its subject, then what it gets ("سيحصل العراق على معدات")
    ("~حصل* .. علي", "received"),
    ("حصل* .. علي", "received"),
    # wanting, seeking, requesting, preparing or being interested to obtain is seeking to
    # acquire, no purchase decided (`_SEEKING` before `_ACQUIRING`, every pair)
    *((f"{want} .. {get}", "seeks_to_acquire") for want in _SEEKING for get in _ACQUIRING),
    # needing a weapon is seeking it ("تحتاج إلى مروحيات")
    ("~حتاج* الي", "seeks_to_acquire"),
    ("حاجه الي", "seeks_to_acquire"),
    # what a state or its forces have in service ("تملك القوات الجوية"، "المشغل الأول")
    ("~ملك*", "operates"),
    ("~متلك*", "operates"),
    ("مشغل*", "operates"),
    ("ترسان*", "operates"),
    ("~سلح* نفس*", "operates"),
    ("في الخدمه", "operates"),
    ("~ستخدم*", "operates"),  # "وتستخدم السعودية هذه المقاتلات": a state's forces use them
    # using or operating told by the verbal noun («ستعمل على استخدام هذه السفن»، «إن تشغيل هذه
    # الزوارق»، «سيقوم الحرس الوطني باستخدام المروحيات»)
    ("استخدام", "operates"),
    ("تشغيل", "operates"),
    ("~دخل* الخدمه", "operates"),  # "ستدخل الخدمة في العراق": enters service
    # who makes a weapon ("وينتجها مصنع ..."، "من صنع"، "تصنعها")
    ("~نتج*", "manufactures"),
    ("~صنع*", "manufactures"),
    ("من انتاج", "manufactures"),
    ("من صنع", "manufactures"),
    # making told by its verbal noun, its design or its building ("من تصنيع شركة"، "بتصنيع
    # أربع فرقاطات"، "وصممتها شركة"، "بنيت في ترسانة"، "تولى بناء الغواصتين"); not
    # "المصممة لـ" (designed for: what it is), "اتفاقية بناء" (a deal's items), nor
    # "لصناعة" (most often inside a body's name: "مجمع ... لصناعة الأسلحة")
    ("تصنيع*", "manufactures"),
    ("=صمم*", "manufactures"),
    ("=بنيت", "manufactures"),
    ("=صنعت", "manufactures"),  # "وصُنعت الطائرات في ...": were made
    ("تولي* .. بناء", "manufactures"),
    # a weapon likened to another ("تمت مقارنة ... بأنظمة")
    ("مقارن*", "compared_to"),
    # what a weapon or a deal is said to be ("تعد من أقوى"، "تعتبر من"، "تتميز")
    ("~عتبر* من", "described_as"),
    ("~عد من", "described_as"),
    ("~عد", "described_as"),
    ("~تميز*", "described_as"),
    # a superlative says what the thing is among its kind ("هذه الصفقة هي أكبر صفقة", "من بين
    # أكثر الغواصات تقدما", "لأنها تعتبر الأفضل في العالم")
    ("هي اكبر", "described_as"),
    ("هو اكبر", "described_as"),
    ("من بين اكثر", "described_as"),
    ("~عتبر* الافضل", "described_as"),
    ("انها اكبر", "described_as"),
    # what a deal or a weapon is told to be, to stand for or to show ("تعتبر وارسو هذه الصفقة
    # أساسية", "يمثل خطوة مهمة", "يعكس ثقة", "تشكل مرجعا", "ووصفت الوكالة الصفقة بأنها",
    # "تأتي الصفقة في إطار ...", "كجزء من")
    ("~عتبر*", "described_as"),
    ("~مثل", "described_as"),
    ("~عكس", "described_as"),
    ("~شكل", "described_as"),
    ("=وصف*", "described_as"),
    ("=واصف*", "described_as"),
    ("~اتي .. اطار", "described_as"),
    ("~اتي كجزء", "described_as"),
    # what it is for («بهدف استبدال ...»، «الهدف من هذه الأنظمة»، «سيعزز ذلك قوة الردع»)
    ("بهدف", "described_as"),
    ("الهدف من", "described_as"),
    ("~عزز", "described_as"),
    ("~اتي .. استمرار*", "described_as"),
    # an announcement made ("لم يعلنا عن العقد"، "الإعلان عن")
    ("~علن* عن", "announced"),
    ("~علن* .. عن", "announced"),  # "أعلن الرئيس الفرنسي جاك شيراك عن هذه الصفقة"
    ("اعلان* عن", "announced"),
    ("تسليم", "delivered"),
    ("سلم*", "delivered"),
    # a deal's aim: the cooperation it is for ("اتفاقية تهدف إلى تطوير التعاون العسكري",
    # "مذكرة تفاهم ... للتعاون العسكري")
    ("~هدف* .. تعاون*", "includes"),
    ("مذكر* .. للتعاون", "includes"),
    ("اتفاق* .. للتعاون", "includes"),
    ("~شمل*", "includes"),
    ("تشمل*", "includes"),
    ("شمل*", "includes"),
    ("تضمن*", "includes"),
    ("~تضمن*", "includes"),
    ("مثل", "includes"),
    # visits and events
    ("قام* بزيار*", "visited"),
    ("!زيار*", "visited"),
    # A definite visit told with its visitor or its destination: "الزيارة التي يقوم بها X لـ"،
    # "الزيارة الرسمية للرئيس ... إلى موسكو".
    ("الزيار* التي", "visited"),
    ("الزيار* .. الي", "visited"),
    ("~زور*", "visited"),
    ("زار*", "visited"),
    ("وصل*", "visited"),
    ("~صل*", "visited"),
    ("قدم* الي", "visited"),
    ("عوده .. من", "visited"),  # "بعد عودة رئيس الوزراء ... من واشنطن": he had been there
    ("~شارك*", "attends"),
    ("مشارك*", "attends"),
    ("شارك*", "attends"),
    # attending told by its verb or verbal noun ("وحضر الرئيسان مراسم"، "حفل حضره"،
    # "بحضور رئيس الأركان"، "لحضور معرض الدفاع")
    ("حضر*", "attends"),
    ("~حضر*", "attends"),
    ("بحضور", "attends"),
    ("لحضور", "attends"),
    ("~ترأس* .. وفد", "leads_delegation_to"),
    ("~ترأس* .. استعداد*", "prepares"),
    ("~ترأس*", "leads_delegation_to"),
    ("رئيس* وفد", "leads_delegation_to"),
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
    # appreciating («يقدّر»، «نقدّر»، «أبدى تقديره»), never capabilities («قدرات»، «قدرتها»):
    # capabilities to build («لتعزيز قدرات الدفاع الجوي») tell what an act or a deal is for
    ("قدرات*", "described_as"),
    ("قدرت*", "described_as"),
    ("~قدر", "praised"),
    ("~قدرون", "praised"),
    ("تقديره", "praised"),
    ("تقديرها", "praised"),
    ("تقديرهم", "praised"),
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
    "يورو": "EUR",
    "جنيه*": "pound",  # a unit only with its qualifier below (Egypt's pound is no unit of ours)
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
# A currency word and the word after it that names another currency: "دولار أسترالي" is AUD,
# "جنيه إسترليني" GBP. (unit word's unit, qualifier, unit)
UNIT_QUALIFIERS: list[tuple[str, str, str]] = [
    ("USD", "استرالي*", "AUD"),
    ("pound", "استرليني*", "GBP"),
]
# (the broken plurals «ملايين», «بلايين» too: «410 ملايين دولار»; «مليارات» is «مليار*»)
SCALE_WORDS = {
    "مليار*": 10**9,
    "بليون*": 10**9,
    "بلايين": 10**9,
    "مليون*": 10**6,
    "ملايين": 10**6,
    "الف": 10**3,
    "الاف": 10**3,
}
# A scale word with no number before it counts itself: one ("بقيمة مليار دولار"), two in
# the dual ("ملياري دولار", "بليوني دولار"), a half after نصف ("نصف مليار").
SCALE_STEMS = ("مليار", "بليون", "مليون")
DUAL_ENDINGS = ("ي", "ا", "ين", "ان")
# Relative pronouns: "الصين التي تسلمت 24 طائرة" is China's act, named before the verb; a
# cue or a date past one after the predicate's cue is the relative clause's.
RELATIVE_PRONOUNS = {"التي", "الذي", "اللتين", "اللذين", "اللتان", "اللذان", "الذين", "اللواتي"}
HALF_WORD = "نصف"
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
    # (pattern, unit, predicate); a cue for USD is one for every currency (MONEY_UNITS)
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
    # a deal's worth ("صفقة بقيمة 524 مليون دولار"، "تبلغ قيمتها")
    ("بقيم*", "USD", "contract_value"),
    ("قيمت*", "USD", "contract_value"),
    # estimated at ("الاتفاق الذي قُدّر بسبعة مليارات دولار"، "يُقدّر بـ")
    ("قدر", "USD", "contract_value"),
    ("قدرت", "USD", "contract_value"),
    ("~قدر", "USD", "contract_value"),
    # (a three-letter stem after the article takes no bare ة: "الصفقة" is written whole)
    ("قيم* .. صفقه*", "USD", "contract_value"),
    ("قيم* .. صفقات", "USD", "contract_value"),
    ("قيم* .. عقد*", "USD", "contract_value"),
    ("صفقه* .. قيم*", "USD", "contract_value"),
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
    ("~نوي", "planned"),
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
FUTURE_PREFIX = re.compile(f"^{CONJUNCTION_RE}" + r"س(?:ي|ت|ن)\w{3,}$")
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
    "=كتب",
    "=كتبت",
    "=غرد",
    "=غردت",
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
# Accordance: the words that credit a source («بحسب»، «وفقا لـ»، «حسبما»; «..., وفق وكالة
# رويترز»: as the agency has it), not the verbs among the credits («نقل» is a transfer too).
ACCORDING_CUES = ["بحسب", "حسب", "حسبما", "وفقا", "وفق"]
# Credit: the agency or outlet the article took it from.
CREDIT_CUES = [
    "نقلت",
    "نقل",
    *ACCORDING_CUES,
    "ذكرت",
    "افادت",
    "قالت",
    "قال",
    "نشرت*",
    "نشره*",
    "مقابل*",
    "اطلع* عليها",  # "وثائق اطلعت عليها رويترز": documents Reuters has seen
]
# Nouns of a company or an agency: one named after them with a state's adjective after its
# name ("شركة داسو الفرنسية", "وكالة أنباء يونهاب الكورية") is that state's (`organization_of`).
COMPANY_NOUNS = ["شركه", "وكاله", "مجموعه", "مؤسسه", "مجمع", "مصنع", "منظمه"]
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
    "مفتش",
    "المفتش",
]
# Honorifics and ranks between a title and the name, kept in the name's span.
HONORIFICS = [
    "الشيخ",
    "العميد",
    "الركن",
    "الفريق",
    "اللواء",
    "الجنرال",
    "الدكتور",
    "السيد",
    "الامير",
    "معالي",
    "المشير",
    "الادميرال",
    # ranks below a general's and the arm a rank is of («الفريق الطيار الركن»، «المقدم
    # بحري»، «اللواء طيار»): Arab armies write the arm after the rank, before the name
    "العقيد",
    "المقدم",
    "الرائد",
    "النقيب",
    "الملازم",
    "الطيار",
    "طيار",
    "بحري",
    "ركن",
]
# The head words of an office (a title before or after a person's name): the words an
# office's name starts with ("نائب وزير الدفاع السعودي", "مساعد الرئيس الروسي").
OFFICE_HEADS = [
    "رئيس",
    "الرئيس",
    "وزير",
    "الوزير",
    "وزيره",
    "نائب",
    "مساعد",
    "مستشار",
    "المستشار",
    "سفير",
    "السفير",
    "امير",
    "ملك",
    "الملك",
    "مدير",
    "المدير",
    "قائد",
    "القائد",
    "المتحدث",
    "الناطق",
    "امين",
    "الامين",
    "ولي",
    "رئيسه",
    "مفتش",
    "المفتش",
]
# Clause connectives: a clause starts at these.
CLAUSE_OPENERS = ["في حين", "فيما", "بينما", "لكن", "ولكن", "حيث", "بل", "الا ان", "كما", "والذي", "والتي"]
# Words right after which a name of that kind is unambiguous (for `common_words`).
KIND_NOUNS = [
    "قاعده",
    "مطار",
    "مدينه",
    "منظومه",
    "شركه",
    "طراز",
    "وكاله",
    "صحيفه",
    "قناه",
    "موقع",
    "مؤسسه",
    # weapons of a kind: a name after them is a weapon system («سوخوي 35»، "نوع غراد")
    "طائر*",
    "مقاتل*",
    "دباب*",
    "صواريخ",
    "منظومات",
    "مروحي*",
    "راجم*",
    "نوع",
]
# Events named by their kind noun and what follows it ("معرض دبي للطيران", "منتدى الجيش"):
# proposed as events where a cue of taking part, hosting or a delegation fires.
EVENT_NOUNS = ["معرض", "منتدى", "مؤتمر", "قمه", "مناورات", "تمرين"]
# What a name after each kind noun is (a kind noun not listed leaves it unclassified).
KIND_TYPES = {
    "قاعده": "place",
    "مطار": "place",
    "مدينه": "place",
    "منظومه": "weapon_system",
    "طراز": "weapon_system",
    "شركه": "organization",
    "مؤسسه": "organization",
    "وكاله": "organization",
    "صحيفه": "organization",
    "طائر*": "weapon_system",
    "مقاتل*": "weapon_system",
    "دباب*": "weapon_system",
    "صواريخ": "weapon_system",
    "منظومات": "weapon_system",
    "مروحي*": "weapon_system",
    "راجم*": "weapon_system",
    "نوع": "weapon_system",
    "قناه": "organization",
    "موقع": "organization",
}
# Institutions: the noun is part of the name with what qualifies it ("وزارة الدفاع").
INSTITUTION_NOUNS = [
    "وزاره",
    "وكاله",
    "هيئه",
    "مؤسسه",
    "مجلس",
    "الجيش",
    "جيش",  # "جيش التحرير الشعبي": an army named by what qualifies it
    "القوات",
    "سلاح",
    "مجمع",
    "مصنع",
    "قياده",  # "قيادة الدفاع الجوي" (a command: only with a qualifier the glossary knows)
    "منتدي",  # "منتدى القوات المسلحة ..." (its name runs over the body it is of)
    # definite: named only with what qualifies them ("الحكومة الأمريكية", "الكونغرس الأمريكي")
    "القوه",  # "القوة الجوية العراقية"
    "الحكومه",
    "الاداره",
    "الكونغرس",
    "البرلمان",
    "الاتحاد",  # "الاتحاد الأوروبي", "الاتحاد الأفريقي" (one state's adjective: the state itself)
    "الحلف",
    "المدفعيه",  # "المدفعية الملكية المغربية"
    "السلطات",  # "السلطات الصينية", "السلطات العسكرية المصرية": a state's authorities
    # of whom or what state, named right after ("سفارة الإمارات", "حكومة كوريا الجنوبية",
    # "إدارة ترمب"): `OWNED_INSTITUTIONS` (after the definite nouns: "الحكومة الأمريكية")
    "سفاره",
    "حكومه",
    "اداره",
    "لجنه",  # "لجنة حكومية إسرائيلية", "لجنة الدفاع"
    # a group or an organization named by its own name right after («تنظيم داعش»، «جماعة
    # تحالف الدفاع الصاروخي»): `NAMED_INSTITUTIONS`
    "تنظيم",
    "جماعه",
]
# Nouns a common word also is ("تنظيم" organizing, "جماعة" a group of people): a body only
# with a name of its own right after, no article on it, no noun in ة ("تنظيم زيارة").
NAMED_INSTITUTIONS = ["تنظيم", "جماعه"]
# An epithet an outlet gives a group ("تنظيم داعش الإرهابي"), no part of its name.
EPITHETS = ["الارهابي", "الارهابيه", "المتطرف", "المتطرفه"]
# Institutions named by whom they belong to: the noun, then a state's or a person's name.
OWNED_INSTITUTIONS = ["سفاره", "حكومه", "اداره"]
# Institutions a common word also names ("قيادة" leadership, "القوة" strength): named only
# when every word after the noun is an institution's word (`english`) or a state's adjective.
QUALIFIED_INSTITUTIONS = ["قياده", "منتدي", "القوه", "المدفعيه"]
# Nouns whose name runs over the institution they are of ("منتدى القوات المسلحة").
OF_INSTITUTIONS = ["منتدي"]
# "التابعة لوزارة الدفاع": the body it belongs to closes its name.
BELONGING = ["التابعه", "التابع"]
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
    # prepositions of time: "برابوو سوبيانتو إثر لقاء": the name ends before them
    "اثر",
    "عقب",
    "خلال",
]
# A definite event noun refers back to the last meeting, call or visit: "وشهدت الزيارة
# توقيع ..." is dated by the visit.
EVENT_ANAPHORA = ["الزياره", "اللقاء", "الاجتماع", "المقابله", "الاتصال", "المباحثات", "خلاله"]
# A weapon the story named before, referred back to: a demonstrative before a weapon's
# kind noun or before «الطراز»/«النوع» ("تسلمت 24 طائرة من هذا الطراز", "هذه المقاتلات"),
# or "the same model" ("من الطراز عينه", "نفس الطراز").
DEMONSTRATIVES = ["هذا", "هذه", "هذان", "هذين", "هاتان", "هاتين", "تلك", "ذلك"]
MODEL_NOUNS = ["الطراز", "النوع", "الصنف"]
SAME_WORDS = ["عينه", "نفسه", "ذاته"]
SAME_BEFORE = ["نفس", "ذات"]
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
    "contract_value",
    "described_as",
    "operates",
    "manufactures",
    "compared_to",
}
# States measured up to a moment: dated at publication when the clause gives no date.
AS_OF_PREDICATES = {"ongoing_for_more_than"}
# Events that continue the last dated meeting or call when they have no date of their own.
MEETING_PREDICATES = {"met", "phoned", "discussed", "conveyed_greetings", "praised"}
# Between two sides: "قطر وروسيا تعملان معا" is one claim, Qatar with Russia.
SYMMETRIC = {"cooperates_with", "in_contact_with", "held_exercise_with", "met", "phoned"}
# Speech acts: who performs them says them.
SPEECH_PREDICATES = {"downplayed", "denied", "accused"}

# Weapons named by their kind, not their model: the head nouns of a phrase such as "راجمات
# صواريخ", "مدافع هاون", "منظومات دفاع جوي صاروخية", "الأسلحة الروسية". In a sentence of a
# deal (`DEAL_PREDICATES`) such a phrase is a weapon system the draft proposes, unless it
# is followed by its model («مقاتلات من طراز سوخوي 35»: the model is the object).
WEAPON_NOUNS = [
    "دبابه",
    "دبابات",
    "مقاتله",
    "مقاتلات",
    "طائره",
    "طائرات",
    "صاروخ",
    "صواريخ",
    "منظومه",
    "منظومات",
    "راجمه",
    "راجمات",
    "مدفع",
    "مدافع",
    "اسلحه",
    "سلاح",
    "ذخيره",
    "ذخائر",
    "مروحيه",
    "مروحيات",
    "عتاد",
    "معدات",
    "انظمه",
    "نظم",
    "قذائف",
    "بنادق",
    "مدرعات",
    "عربات",
    "غواصه",
    "غواصات",
    "فرقاطه",
    "فرقاطات",
    "زوارق",
    "مسيرات",
    "سفن",
    # ships by their kind ("سفينة دعم", "طرادات", "زورقي دورية", "مدمرات"), in the dual too
    "سفينه",
    "سفينتين",
    "طراد",
    "طرادات",
    "طرادين",
    "مدمره",
    "مدمرات",
    "مدمرتين",
    "زورق",
    "زورقين",
    "زورقي",
    # launchers, artillery and radars ("قاذفات صواريخ", "مدفعيات أرض - جو", "رادارات ساحلية")
    "قاذفه",
    "قاذفات",
    "مدفعيات",
    "رادار",
    "رادارات",
    "تجهيزات",
    "مؤن",
    "منصات",
]
# A weapon's kind nouns by the kind they tell, in the singular, plural and dual: «الغواصتين»
# refers back to the submarine the story named, «الطائرات» to its aircraft.
WEAPON_KIND_CLASSES = {
    "aircraft": [
        "طائره",
        "طائرات",
        "طائرتين",
        "طائرتي",
        "طائرتان",
        "مقاتله",
        "مقاتلات",
        "مقاتلتين",
        "مقاتلتان",
    ],
    "helicopter": ["مروحيه", "مروحيات", "مروحيتين", "مروحيتان", "هليكوبتر"],
    "submarine": ["غواصه", "غواصات", "غواصتين", "غواصتي", "غواصتان"],
    "frigate": ["فرقاطه", "فرقاطات", "فرقاطتين", "فرقاطتان"],
    "ship": ["سفينه", "سفن", "سفينتين", "سفينتان", "طراد", "طرادات", "مدمره", "مدمرات"],
    "tank": ["دبابه", "دبابات", "دبابتين"],
    "missile": ["صاروخ", "صواريخ", "منظومه", "منظومات", "نظام", "انظمه"],
    "launcher": ["راجمه", "راجمات", "قاذفه", "قاذفات", "منصات"],
    "drone": ["مسيره", "مسيرات"],
}
_KIND_CLASS = {normalize(w): kind for kind, words in WEAPON_KIND_CLASSES.items() for w in words}


def weapon_kind_class(form: str) -> str | None:
    """The kind a weapon's noun tells («الطائرات», «مقاتلة»: aircraft), the article on it or
    not; None for a word that is no kind noun."""
    return _KIND_CLASS.get(form.removeprefix("ال")) if form else None


# Words at which a weapon phrase ends: its model follows ("من طراز", "نوع"), a quantity's
# "من" ("دفعة من"), its worth ("بقيمة"); and the letters of a model designation ("ت-90").
WEAPON_PHRASE_STOPS = [
    "طراز",
    "نوع",
    "صنف",
    "مشروع",  # «غواصة مشروع 877»: the model's project number follows
    "من",
    "بقيمة",
    "قيمتها",
    "بقيمتها",
    "بمبلغ",
    "بحوالي",
    "حوالي",
    "نحو",
    "قرابة",
    # a verb or an adverb after the noun opens what is said of it, no part of its kind
    # ("سفن حربية يمكن ...", "فرقاطات يتم بناء ثلاث منها", "مروحية بشكل أساسي")
    "يمكن",
    "يتم",
    "تم",
    "سيتم",
    "بشكل",
    "بصورة",
    # what it is equipped with or able to do opens a description ("سفينة دعم مجهزة بأنظمة
    # صواريخ", "فرقاطات قادرة على ...", "مقاتلات مزودة برادار")
    "مجهز",
    "مجهزه",
    "مزود",
    "مزوده",
    "قادر",
    "قادره",
]
# Words that end a weapon phrase with no model after them: what the news says of the weapons,
# no part of their kind ("غواصات جديدة", "دبابة إضافية").
WEAPON_PHRASE_ENDS = [
    "جديد",
    "جديده",
    "جديدين",
    "اضافي",
    "اضافيه",
    "متطور",
    "متطوره",
    "حديثه",
    "اخري",
    # their age, their size, their variety ("طائرة أمريكية قديمة", "صفقة سلاح ضخمة",
    # "عتاد متنوع", "العتاد العسكري المتقادم")
    "قديم",
    "قديمه",
    "ضخم",
    "ضخمه",
    "متنوع",
    "متنوعه",
    "مختلف",
    "مختلفه",
    "متقادم",
    "متقادمه",
    "المتقادم",
    "المتقادمه",
    # adverbs after a phrase ("معدات عسكرية خصوصاً من ...", "أسلحة أيضاً")
    "خصوصا",
    "خاصه",
    "تحديدا",
    "ايضا",
    "كذلك",
]
# Weapon nouns that name no kind of weapon: alone ("أسلحة جديدة") they make no weapon entity.
GENERIC_WEAPON_NOUNS = ["اسلحه", "سلاح", "عتاد", "معدات", "ذخائر", "نظم", "انظمه", "منظومات"]
# After «سلاح», a service of the armed forces, not a weapon: «سلاح الجو»، «سلاح البحرية».
ARMED_SERVICES = ["الجو", "البحريه", "البر", "المشاه", "المدفعيه", "المدرعات", "الاشاره", "الهندسه"]
# The predicates of deals: in their sentences, weapon phrases are proposed.
DEAL_PREDICATES = {
    "supplies",
    "purchased",
    "delivered",
    "includes",
    "negotiating_purchase",
    "signed",
    "ready_to_supply",
    "received",
    "seeks_to_acquire",
    "operates",
    "approved_sale",
}
# Deal nouns, normalized and without their proclitics (`deals`): a deal told by what it is.
DEAL_NOUNS = {
    "صفقه",
    "صفقات",
    "صفقتها",
    "عقد",
    "عقدا",
    "عقود",
    "عقودا",
    "تعاقد",
    "اتفاقيه",
    "اتفاقيات",
    "اتفاق",
    "اتفاقا",
    "مذكره",
    "مذكرات",
}
# A deal noun's possessive endings ("عقدها الأول", "صفقتهما"): the noun all the same. (A bare
# ه is no such ending here: "عقده" is also "عقدة", a knot.)
DEAL_NOUN_ENDINGS = ("هما", "هم", "ها")
# What a deal includes, told by a verb of including ("تشمل الاتفاقية بناء مركز محاكاة، وحزمة
# دعم لوجستي وتوريد قطع غيار"): its items are proposed as topics (what is no weapon), each
# without the verbal noun of the work done for it, and up to this many words.
INCLUDING_CUES = ["~شمل*", "تشمل*", "شمل*", "تضمن*", "~تضمن*", "عبار* عن"]
ITEM_WORK_NOUNS = ["بناء", "انشاء", "توريد", "تقديم", "تزويد", "توفير", "اعمال", "تطوير"]
ITEM_WORDS = 3
# The work nouns that tell an item built or supplied («بناء مركز»، «توريد قطع غيار»): a thing the
# deal includes, not an area it covers («الصيانة»، «تبادل الخبرات»).
_SUPPLY_WORK = {normalize(w) for w in ITEM_WORK_NOUNS if w not in ("اعمال", "تطوير")}
# Words that introduce the items of a deal ("بينها", "بما فيها", "وضمنها").
DEAL_ITEM_WORDS = ["بينها", "فيها", "ضمنها", "منها", "تشمل*"]

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
    "purchased": (("country", "organization"), ("weapon_system",)),
    "supplies": (("country", "organization"), ("weapon_system",)),
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
    "contract_value": (("agreement",), ()),
    "ready_to_supply": (("country", "organization"), ("weapon_system", "topic")),
    "received": (("country", "organization"), ("weapon_system",)),
    "described_as": (("weapon_system", "agreement", "event", "organization", "country"), ()),
    "announced": (_ACTOR, ("agreement", "event", "weapon_system")),
    "approved_sale": (("organization", "country"), ("agreement", "weapon_system")),
    "operates": (("country", "organization"), ("weapon_system",)),
    "seeks_to_acquire": (("country", "organization"), ("weapon_system",)),
    "manufactures": (("organization", "country"), ("weapon_system",)),
    "compared_to": (("weapon_system",), ("weapon_system",)),
}
# A news verb's frame: the words before a name that make it the other party, never the
# subject ("اشترت X من Y": Y sells; "تزويد X بـ": X receives; "فرض عقوبات على X": X is
# sanctioned). `ل` is the proclitic of "للعراق", "لمصر".
FRAME_OTHER_PARTY: dict[str, tuple[str, ...]] = {
    "purchased": ("من", "مع"),
    "negotiating_purchase": ("من",),
    "signed": ("مع",),
    "supplies": ("ل", "الي", "تزويد", "بتزويد"),
    "ready_to_supply": ("ل", "الي", "تزويد", "لتزويد"),
    "approved_sale": ("ل", "الي", "بيع", "لبيع"),
    "received": ("من",),
    "seeks_to_acquire": ("من",),
    "delivered": ("ل", "الي"),
    "sanctioned": ("علي", "ضد"),
    "threatened_sanctions": ("علي", "ضد"),
    "pressures": ("علي",),
    # "التقى بنظيره"، "اجتمع مع": who is met
    "met": ("مع", "ب"),
    "phoned": ("مع", "ب"),
}
# "البلدان"، "الجانبين": a dual that stands for the two states of the story.
_THAT = {"ان", "انه", "انها", "بان", "بانه", "فان"}
_DUAL = re.compile(f"^{CONJUNCTION_RE}(?:ال|لل)?" + r"(?:بلد|جانب|طرف)(?:ان|ين)$")
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


_IMPERFECT = CONJUNCTION_RE + r"(?:س)?(?:ي|ت|ن|ا)"


def _word_regex(word: str) -> CueWord:
    imperfect = word.startswith("~")
    verb = word.startswith("=")
    bare = word.startswith("!")
    word = word.lstrip("~=!")
    star = word.endswith("*")
    stem = normalize(word.rstrip("*")).replace(" ", "")
    prefix = (
        _IMPERFECT
        if imperfect
        else CONJUNCTION_RE
        if verb
        else CONJUNCTION_RE + PREPOSITION_RE
        if bare
        else CLITICS_RE
    )
    return cue_word_regex(stem, prefix, inflected=star)


@dataclass(frozen=True)
class Pattern:
    """A cue pattern compiled: word regexes, with `None` standing for a gap."""

    text: str
    parts: tuple[CueWord | None, ...]

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
# The elatives a description ranks its thing by among its kind («أكبر صفقة»، «أول غواصة»،
# «من أحدث المقاتلات»، «الأغلى»): a clause with no other cue that holds one describes.
# («أكثر» and «أقل» are left out: «أكثر من» tells a quantity, «أكثر تحفظا» compares.)
SUPERLATIVES = (
    "اكبر",
    "اول",
    "احدث",
    "اهم",
    "اقوي",
    "اغلي",
    "افضل",
    "اضخم",
    "اوسع",
    "اعلي",
    "اقدم",
    "اسرع",
    "ابرز",
    "اخطر",
    "اطول",
    "ارخص",
)
_SUPERLATIVES = _compile(list(SUPERLATIVES))
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
_OFFICE_HEADS = _compile(OFFICE_HEADS)
# An office head as a word may write it, its proclitics cut ("نائب", "الرئيس", "وزيرة").
_HEAD_FORMS = {normalize(w) for w in OFFICE_HEADS} | {
    normalize(w) + "ه" for w in OFFICE_HEADS if not w.endswith("ه")
}
_CLAUSE_OPENERS = _compile(CLAUSE_OPENERS)
_KIND_NOUNS = _compile(KIND_NOUNS)
_INSTITUTIONS = _compile(INSTITUTION_NOUNS)
_WEAPON_HEADS = {normalize(w) for w in WEAPON_NOUNS}
# Joining («انضمام»، «انضمت»، «ستنضم»، «لتنضم»): the cue of a receipt only where a weapon
# joins (never a state joining a union: «الانضمام إلى الاتحاد الأوروبي»).
JOINING = re.compile(f"^(?:{CONJUNCTION_RE}{PREPOSITION_RE}س?[يت]|{CLITICS_RE}ا)نضم")
# Arriving («وصلت»، «تصل»، «ستصل»، «لتصل»، «وصول»): a visit's cue, or goods received where
# what arrives is a weapon or a consignment («وصلت الطائرات إلى مصر», «أن تصل الشحنة الأولى»).
ARRIVING = re.compile(f"^{CONJUNCTION_RE}(?:{PREPOSITION_RE}س?[يت]صل|(?:{ARTICLE}|{PREPOSITION_RE})وصو?ل)")
# The nouns of a consignment: what they name arriving is goods, never a visitor.
SHIPMENT_NOUNS = ["شحنة", "شحنات", "دفعة", "دفعات"]
_SHIPMENTS = {normalize(w) for w in SHIPMENT_NOUNS}
_WEAPON_STOPS = {normalize(w) for w in WEAPON_PHRASE_STOPS}
_WEAPON_ENDS = {normalize(w) for w in WEAPON_PHRASE_ENDS}
_GENERIC_WEAPONS = {normalize(w) for w in GENERIC_WEAPON_NOUNS}
_SERVICES = {normalize(w) for w in ARMED_SERVICES}
_DEAL_ITEMS = _compile(DEAL_ITEM_WORDS)
_INCLUDING = _compile(INCLUDING_CUES)
_ITEM_WORK = {normalize(w) for w in ITEM_WORK_NOUNS}
_EVENT_NOUNS = {normalize(w) for w in EVENT_NOUNS}
_FUNCTION_WORDS = {normalize(w) for w in FUNCTION_WORDS}
_ANAPHORA = _compile(EVENT_ANAPHORA)
_DEMONSTRATIVES = {normalize(w) for w in DEMONSTRATIVES}
_MODEL_NOUNS = {normalize(w) for w in MODEL_NOUNS}
_SAME_WORDS = {normalize(w) for w in SAME_WORDS}
_SAME_BEFORE = {normalize(w) for w in SAME_BEFORE}
_UNITS = [(_word_regex(w), u) for w, u in UNIT_WORDS.items()]
_UNIT_QUALIFIERS = [(u, _word_regex(w), to) for u, w, to in UNIT_QUALIFIERS]
_SCALES = [(_word_regex(w), s) for w, s in SCALE_WORDS.items()]
_NUMBERS = [(_word_regex(w), n) for w, n in NUMBER_WORDS.items()]
_ONE_OF = _compile(list(ONE_OF_UNIT_AFTER))
