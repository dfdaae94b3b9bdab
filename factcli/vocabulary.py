"""The controlled vocabulary of claim predicates, entity types, polarity and modality.

A predicate reads as `subject PREDICATE object`; the description says what the subject and
object are, so curators pick the same predicate for the same fact in every source (the
comparison of sources depends on it).
"""

from __future__ import annotations

PREDICATES: dict[str, str] = {
    # Deals, contracts and arms transfers
    "signed": "subject (state, person or organization) signed object (agreement or contract)",
    "party_to": "subject (state) has object (agreement) in force; the source does not say when it was signed",
    "negotiating_purchase": "subject (buyer state) is in talks to buy object (weapon system)",
    "negotiating_sale": "subject (seller state or company) is in talks to sell to object (buyer state)",
    "made_progress_on": "subject (state) advanced toward a deal for object (weapon system)",
    "completed_negotiations": "subject (state) finished negotiating object (deal or weapon system)",
    "purchased": "subject (buyer state) bought object (weapon system)",
    "delivered": "subject (supplier) delivered object (weapon system) to its buyer",
    "supplies": "subject (state or company) supplies or will supply object (weapon or service)",
    "considering": "subject (state) is studying or weighing object (a deal, system or partner state)",
    "ready_to_cooperate_with": "subject (state) says it is ready to cooperate with object (state)",
    "ready_to_negotiate": "subject (state) is willing to negotiate object (weapon system)",
    "includes": "subject (agreement or contract package) covers object (weapon, item or area)",
    "prohibits": "subject (agreement) forbids object (an act, described in the statement)",
    "entered_into_force": "subject (agreement) took effect; date is when",
    "has_duration": "subject (agreement) runs for value (years)",
    "renews_automatically": "subject (agreement) renews itself unless a party withdraws",
    # Figures
    "signed_contracts_value": "subject (exporter) signed export contracts worth value",
    "exported_value": "subject (exporter) exported arms worth value",
    "order_book_value": "subject (exporter) holds export orders worth value",
    "export_destinations": "subject (exporter) exports to value (number of countries)",
    # Meetings, visits, calls
    "visited": "subject (person) visited object (state or place)",
    "met": "subject (person) met object (person)",
    "phoned": "subject (person) had a phone call with object (person)",
    "attends": "subject (person) takes part in object (event)",
    "leads_delegation_to": "subject (person) heads his state's delegation to object (event)",
    "prepares": "subject (person) leads preparations for object (event or visit)",
    "discussed": "subject (person or state) discussed object (topic) with the other side",
    "conveyed_greetings": "subject (person) passed greetings to object (person)",
    "praised": "subject praised object (relation, position or level of cooperation)",
    # Relations between states
    "cooperates_with": "subject (state, or its forces or services) has military or security cooperation with object (its counterpart)",
    "cooperates_in": "subject (state) cooperates in object (a field of cooperation between two named states, a topic entity)",
    "held_exercise_with": "subject (state) held a joint military exercise with object (state)",
    "hosts": "subject (place or state) hosts object (forces or event)",
    "supports": "subject (state) supports object (state), directly or not",
    "opposes": "subject (state) objects to object (deal or policy)",
    "pressures": "subject (state or alliance) presses object (state) to stop something",
    "sanctioned": "subject (state) imposed sanctions on object (state)",
    "threatened_sanctions": "subject (state) threatened object (state) with new sanctions",
    "cut_ties_with": "subject (state) broke off relations with object (state)",
    "accused": "subject (state) accused object (state) of something named in the statement",
    "denied": "subject (state or person) denied an accusation named in the statement",
    "member_of": "subject (state) is a member of object (alliance)",
    # People and places
    "holds_position": "subject (person) holds object (an office); date is when the source places it",
    "held_position": "subject (person) formerly held object (an office)",
    "office_in": "subject (an office) is a post in object (organization or state), as the title's own words say",
    "located_in": "subject (place) lies in object (state or place)",
    "distance_from": "subject (place) lies value (km) from object (place)",
    "interested_in_hosting": "subject (state) wants to host object (event)",
    # Added while curating the first corpus
    "downplayed": "subject (person or state) played down the weight of object (a state's objection or position, named in the statement)",
    "guided_by_interests": "subject (state) bases its relations or decisions on interests: shared with object (state), or its own alone when object is null",
    "in_contact_with": "subject (state or person) held contacts with object (state or person)",
    "ongoing_for_more_than": "subject (event or situation) had lasted more than value (duration) as of the date",
    "has_role": "subject (organization) fills the role named in the statement (e.g. sole state arms exporter) for object (state)",
    "thanked": "subject (person) thanked object (person) for something named in the statement",
    "strained_relations_with": "subject (state) saw its relations with object (state or alliance) become strained; the statement names the cause",
    "began": "subject (event) began; date is when",
    "seeks_stronger_cooperation_with": "subject (person or state) expressed the wish to strengthen cooperation with object (state)",
}

ENTITY_TYPES = (
    "country",
    "person",
    "organization",
    "weapon_system",
    "agreement",
    "office",
    "event",
    "place",
    "topic",
    "unclassified",
)

# Predicates whose object is an office: a job title is held for a time, so it is an office
# entity that people hold at dated claims, never an alias of the person.
ROLE_PREDICATES = ("holds_position", "held_position")

POLARITIES = ("affirmed", "negated")

# What the source commits to: a fact, something planned or expected, talks under way,
# a disputed allegation, or a statement the source itself hedges.
MODALITIES = ("fact", "planned", "expected", "in_talks", "claimed", "hedged")
# Each modality as a reader writes it: in a claim's stance and in the comparison's reasons.
MODALITY_WORDS = {
    "fact": "fact",
    "planned": "planned",
    "expected": "expected",
    "in_talks": "in talks",
    "claimed": "claimed",
    "hedged": "hedged",
}

UNITS = ("USD", "km", "country", "year", "person")

# Words and short phrases, English and Arabic, that name each predicate: a query word that is
# one of them (after the same analysis as claim text, so "sanctions" meets "sanction") also
# finds the claims with that predicate, whatever their wording ("punitive measures").
# Several forms are listed where stemming alone would not join them (visit/visited/زيارة/زار).
PREDICATE_LABELS: dict[str, tuple[str, ...]] = {
    "signed": ("signed", "sign", "signing", "وقع", "وقعت", "توقيع", "التوقيع"),
    "party_to": ("party to", "طرف في"),
    "negotiating_purchase": ("negotiating purchase", "purchase talks", "مفاوضات شراء", "التفاوض على شراء"),
    "negotiating_sale": ("negotiating sale", "sale talks", "مفاوضات بيع"),
    "made_progress_on": ("progress", "تقدم"),
    "completed_negotiations": ("completed negotiations", "استكمال المفاوضات", "استكملت المفاوضات"),
    "purchased": ("purchased", "purchase", "bought", "buy", "شراء", "اشترى", "اشترت"),
    "delivered": ("delivered", "delivery", "deliveries", "تسليم", "سلمت"),
    "supplies": ("supplies", "supply", "supplied", "توريد", "تزويد", "امداد"),
    "considering": ("considering", "consider", "يدرس", "دراسة"),
    "ready_to_cooperate_with": ("ready to cooperate", "مستعدة للتعاون", "استعداد للتعاون"),
    "ready_to_negotiate": ("ready to negotiate", "مستعدة للتفاوض", "استعداد للتفاوض"),
    "includes": ("includes", "include", "covers", "تشمل", "يشمل"),
    "prohibits": ("prohibits", "prohibit", "forbids", "bans", "تحظر", "يحظر", "حظر"),
    "entered_into_force": ("entered into force", "into force", "دخلت حيز التنفيذ", "حيز التنفيذ"),
    "has_duration": ("duration", "مدة"),
    "renews_automatically": ("renews", "renewal", "تجديد", "تمدد تلقائيا"),
    "signed_contracts_value": ("contracts worth", "contracts value", "قيمة العقود"),
    "exported_value": ("exported", "exports", "export value", "صادرات", "صدرت"),
    "order_book_value": ("order book", "orders", "محفظة الطلبات", "طلبيات"),
    "export_destinations": ("export destinations", "countries exported to", "دولة مستوردة"),
    "visited": ("visit", "visited", "visits", "زيارة", "زار", "زيارات"),
    "met": ("met", "meet", "meeting", "التقى", "لقاء", "اجتماع", "اجتمع"),
    "phoned": ("phoned", "phone call", "call", "telephone", "اتصال هاتفي", "اتصالا هاتفيا", "هاتفيا"),
    "attends": ("attends", "attend", "attended", "participates", "يشارك", "مشاركة", "حضور"),
    "leads_delegation_to": ("leads delegation", "delegation", "وفد", "يترأس وفد"),
    "prepares": ("prepares", "preparations", "التحضير", "الاعداد"),
    "discussed": ("discussed", "discuss", "discussion", "talks", "بحث", "ناقش", "مناقشة", "تباحث"),
    "conveyed_greetings": ("greetings", "تحيات", "نقل تحيات"),
    "praised": ("praised", "praise", "commended", "اشاد", "اشادة", "ثمن"),
    "cooperates_with": ("cooperates", "cooperation", "cooperate", "تعاون", "التعاون"),
    "held_exercise_with": ("exercise", "exercises", "drills", "مناورات", "تمرين", "مناورة"),
    "hosts": ("hosts", "host", "hosting", "تستضيف", "استضافة"),
    "supports": ("supports", "support", "دعم", "تدعم"),
    "opposes": ("opposes", "oppose", "opposition", "objects", "تعارض", "معارضة", "اعتراض"),
    "pressures": ("pressures", "pressure", "pressed", "ضغوط", "ضغط"),
    "sanctioned": ("sanctions", "sanction", "sanctioned", "punitive measures", "عقوبات", "العقوبات", "عقوبة"),
    "threatened_sanctions": (
        "threatened sanctions",
        "sanctions threat",
        "threat of sanctions",
        "التهديد بعقوبات",
        "هددت بفرض عقوبات",
    ),
    "cut_ties_with": ("cut ties", "severed ties", "broke off relations", "قطع العلاقات", "قطعت علاقاتها"),
    "accused": ("accused", "accuse", "accusation", "accusations", "اتهم", "اتهمت", "اتهام", "اتهامات"),
    "denied": ("denied", "deny", "denies", "denial", "نفى", "نفت", "نفي"),
    "member_of": ("member", "membership", "عضو", "عضوية"),
    "holds_position": ("position", "post", "منصب"),
    "held_position": ("former", "formerly", "سابق", "السابق"),
    "located_in": ("located", "location", "تقع", "يقع"),
    "distance_from": ("distance", "away from", "مسافة", "يبعد"),
    "interested_in_hosting": ("interested in hosting", "رغبتها في اقامة"),
    "downplayed": ("downplayed", "played down", "قلل من اهمية"),
    "guided_by_interests": ("interests", "مصالح", "المصالح"),
    "in_contact_with": ("contacts", "contact", "اتصالات"),
    "ongoing_for_more_than": ("lasted", "ongoing", "مستمر"),
    "has_role": ("role", "sole exporter", "دور"),
    "thanked": ("thanked", "thanks", "thank", "شكر", "الشكر"),
    "strained_relations_with": ("strained relations", "tension", "tensions", "توتر", "توترت"),
    "began": ("began", "begin", "start", "started", "بدء", "بدات"),
    "seeks_stronger_cooperation_with": (
        "strengthen cooperation",
        "stronger cooperation",
        "تعزيز التعاون",
        "تطوير التعاون",
    ),
}
