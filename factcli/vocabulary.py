"""The controlled vocabulary of claims: each predicate as data, with the constraints every
claim that uses it obeys; the entity types, polarities, modalities and units.

A predicate reads as `subject PREDICATE object`. Its entry says what it means (a definition
that names what the subject and object are, so curators pick the same predicate for the same
fact in every source: the comparison of sources depends on it), the words that name it
(search and drafting read them), and its constraints, in the manner of Wikidata's property
constraints: the entity types its subject and object may take, whether it takes an object
and a value and in which units, whether it is symmetric (stated once for both sides) or one
of an inverse pair stated in one canonical direction, and the modalities and polarities it
allows. `constraints` checks claims against these entries.

The names the rest of factcli imports (PREDICATES, PREDICATE_LABELS, ENTITY_TYPES, ...) are
derived from the entries, with the meaning they always had.
"""

from __future__ import annotations

import marshal  # built into the interpreter: nothing to load
from collections.abc import Mapping
from typing import Any, TypedDict

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

# The units a claim's value may take: money, distance, a count of countries, of years, of
# people, of occasions (a visit made twice), a length in months (a review period), and the
# counts news gives of weapons delivered or bought: systems (aircraft, tanks, launchers,
# each one a system) and batteries. Money is in the currency the text gives, by its ISO
# 4217 code (a deal in euros is not converted to dollars: the rate is no part of the text).
MONEY_UNITS = ("USD", "EUR", "GBP", "AUD")
UNITS = (*MONEY_UNITS, "km", "country", "year", "person", "occasion", "month", "system", "battery")


class Predicate(TypedDict):
    """One predicate of the vocabulary: what it means and the constraints its claims obey.

    `subject` and `object` are the entity types each may take (an `unclassified` entity,
    not yet typed, passes either); an empty `object` means the predicate takes none. `value`
    lists the units a value may have: those the entry names, or any unit when it names none
    (a deal under negotiation may be given its worth). A `symmetric` predicate says the same
    read both ways, so one claim states it. Of an `inverse` pair one direction is `canonical`;
    a claim in the other is stated as the canonical one."""

    definition: str
    labels: tuple[str, ...]
    subject: tuple[str, ...]
    object: tuple[str, ...]
    object_required: bool
    value: tuple[str, ...]
    value_required: bool
    symmetric: bool
    inverse: str | None
    canonical: bool
    modalities: tuple[str, ...]
    polarities: tuple[str, ...]


def _predicate(
    definition: str,
    *,
    subject: str,
    object: str,
    labels: tuple[str, ...] = (),
    object_required: bool = False,
    value: str = "",
    value_required: bool = False,
    symmetric: bool = False,
    inverse: str | None = None,
    canonical: bool = True,
    modalities: str = " ".join(MODALITIES),
    polarities: str = " ".join(POLARITIES),
) -> Predicate:
    return Predicate(
        definition=definition,
        labels=labels,
        subject=tuple(subject.split()),
        object=tuple(object.split()),
        object_required=object_required,
        value=tuple(value.split()) or UNITS,
        value_required=value_required,
        symmetric=symmetric,
        inverse=inverse,
        canonical=canonical,
        modalities=tuple(modalities.split()),
        polarities=tuple(polarities.split()),
    )


# Words and short phrases, English and Arabic, that name each predicate (`labels`): a query
# word that is one of them (after the same analysis as claim text, so "sanctions" meets
# "sanction") also finds the claims with that predicate, whatever their wording ("punitive
# measures"). Several forms are listed where stemming alone would not join them
# (visit/visited/زيارة/زار).
VOCABULARY: dict[str, Predicate] = {
    "signed": _predicate(
        "subject (state, person or organization) signed object (agreement or contract); about to sign is expected; each named signatory has its own claim",
        subject="country person organization",
        object="agreement country organization",
        labels=("signed", "sign", "signing", "وقع", "وقعت", "توقيع", "التوقيع"),
    ),
    "party_to": _predicate(
        "subject (state) has object (agreement) in force; the source does not say when it was signed",
        subject="country organization",
        object="agreement",
        labels=("party to", "طرف في"),
    ),
    "negotiating_purchase": _predicate(
        "subject (buyer state) is in talks to buy object (weapon system or deal); the seller's talks to sell are this proposition too",
        subject="country organization",
        object="weapon_system agreement",
        labels=(
            "negotiating purchase",
            "purchase talks",
            "negotiating sale",
            "sale talks",
            "مفاوضات شراء",
            "التفاوض على شراء",
            "مفاوضات بيع",
        ),
        inverse="negotiating_sale",
    ),
    "negotiating_sale": _predicate(
        "subject (seller state or company) is in talks to sell to object (buyer state); stated as the buyer's negotiating_purchase",
        subject="country organization",
        object="country",
        labels=("negotiating sale", "sale talks", "مفاوضات بيع"),
        inverse="negotiating_purchase",
        canonical=False,
    ),
    "made_progress_on": _predicate(
        "subject (state) advanced toward a deal for object (weapon system)",
        subject="country organization",
        object="weapon_system agreement",
        labels=("progress", "تقدم"),
    ),
    "completed_negotiations": _predicate(
        "subject (state) finished negotiating object (deal or weapon system)",
        subject="country organization",
        object="agreement weapon_system",
        labels=("completed negotiations", "استكمال المفاوضات", "استكملت المفاوضات"),
    ),
    "purchased": _predicate(
        "subject (buyer state) bought object (weapon system)",
        subject="country organization",
        object="weapon_system agreement",
        labels=("purchased", "purchase", "bought", "buy", "شراء", "اشترى", "اشترت"),
    ),
    "delivered": _predicate(
        "subject (supplier) delivered object (weapon system) to its buyer",
        subject="country organization",
        object="weapon_system",
        labels=("delivered", "delivery", "deliveries", "تسليم", "سلمت"),
    ),
    "supplies": _predicate(
        "subject (state or company) supplies or will supply object (weapon or service)",
        subject="country organization",
        object="weapon_system topic",
        labels=("supplies", "supply", "supplied", "توريد", "تزويد", "امداد"),
    ),
    "considering": _predicate(
        "subject (state) is studying or weighing object (a deal, system or partner state)",
        subject="country organization person",
        object="agreement weapon_system country topic",
        labels=("considering", "consider", "يدرس", "دراسة"),
    ),
    "ready_to_cooperate_with": _predicate(
        "subject (state) says it is ready to cooperate with object (state)",
        subject="country organization",
        object="country organization",
        labels=("ready to cooperate", "مستعدة للتعاون", "استعداد للتعاون"),
    ),
    "ready_to_negotiate": _predicate(
        "subject (state) is willing to negotiate object (weapon system)",
        subject="country organization",
        object="weapon_system agreement",
        labels=("ready to negotiate", "مستعدة للتفاوض", "استعداد للتفاوض"),
    ),
    "includes": _predicate(
        "subject (agreement or contract package) covers object (a weapon system or item it supplies)",
        subject="agreement",
        object="weapon_system",
        labels=("includes", "include", "covers", "تشمل", "يشمل"),
        object_required=True,
    ),
    "covers_area": _predicate(
        "subject (agreement) covers object (an area or activity of cooperation, a topic entity)",
        subject="agreement",
        object="topic",
        labels=("covers", "areas", "تشمل", "يشمل", "مجالات"),
        object_required=True,
    ),
    "grants_right": _predicate(
        "subject (agreement) gives a party the right named by object (a topic entity); the statement names the party",
        subject="agreement",
        object="topic",
        labels=("right", "entitled", "يحق", "حق"),
        object_required=True,
    ),
    "has_part": _predicate(
        "subject (agreement, or a set of agreements) comprises object (an agreement or a narrower set of them)",
        subject="agreement",
        object="agreement",
        labels=("included", "comprises", "تضمن", "تتعلق"),
        object_required=True,
    ),
    "prohibits": _predicate(
        "subject (agreement) forbids object (an act, described in the statement)",
        subject="agreement",
        object="topic",
        labels=("prohibits", "prohibit", "forbids", "bans", "تحظر", "يحظر", "حظر"),
    ),
    "entered_into_force": _predicate(
        "subject (agreement) took effect; date is when",
        subject="agreement",
        object="",
        labels=("entered into force", "into force", "دخلت حيز التنفيذ", "حيز التنفيذ"),
    ),
    "has_duration": _predicate(
        "subject (agreement) runs for value (years)",
        subject="agreement",
        object="",
        labels=("duration", "مدة"),
        value="year",
        value_required=True,
    ),
    "renews_automatically": _predicate(
        "subject (agreement) renews itself unless a party withdraws",
        subject="agreement",
        object="",
        labels=("renews", "renewal", "تجديد", "تمدد تلقائيا"),
    ),
    "signed_contracts_value": _predicate(
        "subject (exporter) signed export contracts worth value",
        subject="organization",
        object="",
        labels=("contracts worth", "contracts value", "قيمة العقود"),
        value=" ".join(MONEY_UNITS),
        value_required=True,
    ),
    "exported_value": _predicate(
        "subject (exporter) exported arms worth value",
        subject="organization",
        object="",
        labels=("exported", "exports", "export value", "صادرات", "صدرت"),
        value=" ".join(MONEY_UNITS),
        value_required=True,
    ),
    "order_book_value": _predicate(
        "subject (exporter) holds export orders worth value",
        subject="organization",
        object="",
        labels=("order book", "orders", "محفظة الطلبات", "طلبيات"),
        value=" ".join(MONEY_UNITS),
        value_required=True,
    ),
    "export_destinations": _predicate(
        "subject (exporter) exports to value (number of countries)",
        subject="organization",
        object="",
        labels=("export destinations", "countries exported to", "دولة مستوردة"),
        value="country",
        value_required=True,
    ),
    "visited": _predicate(
        "subject (person, or a body or state whose delegation or representatives went) visited object (state or place); value: how many times (occasion), when the text counts them",
        subject="person organization country",
        object="country place",
        labels=("visit", "visited", "visits", "زيارة", "زار", "زيارات"),
        value="occasion",
    ),
    "met": _predicate(
        "subject (person, or the state or body the text says met) met object (its counterpart); symmetric: stated once",
        subject="person country organization",
        object="person country organization",
        labels=("met", "meet", "meeting", "التقى", "لقاء", "اجتماع", "اجتمع"),
        symmetric=True,
    ),
    "phoned": _predicate(
        "subject (person) had a phone call with object (person); symmetric: stated once",
        subject="person",
        object="person",
        labels=("phoned", "phone call", "call", "telephone", "اتصال هاتفي", "اتصالا هاتفيا", "هاتفيا"),
        object_required=True,
        symmetric=True,
    ),
    "attends": _predicate(
        "subject (person) takes part in object (event)",
        subject="person country organization",
        object="event",
        labels=("attends", "attend", "attended", "participates", "يشارك", "مشاركة", "حضور"),
    ),
    "leads_delegation_to": _predicate(
        "subject (person) heads his state's delegation to object (event)",
        subject="person",
        object="event",
        labels=("leads delegation", "delegation", "وفد", "يترأس وفد"),
    ),
    "prepares": _predicate(
        "subject (person) leads preparations for object (event or visit)",
        subject="person",
        object="event",
        labels=("prepares", "preparations", "التحضير", "الاعداد"),
    ),
    "discussed": _predicate(
        "subject (person or state) discussed object (topic, event, agreement or weapon) with the other side, named in the statement (or the state object the talks were with)",
        subject="person country organization",
        object="topic event agreement weapon_system country",
        labels=("discussed", "discuss", "discussion", "talks", "بحث", "ناقش", "مناقشة", "تباحث"),
    ),
    "briefed_on": _predicate(
        "subject (person or state) informed the other side, named in the statement, of object (topic or event); one way, unlike discussed",
        subject="person country organization",
        object="topic event agreement weapon_system",
        labels=("briefed", "informed", "اطلع", "اطلاع"),
        object_required=True,
    ),
    "conveyed_greetings": _predicate(
        "subject (person) passed greetings to object (person)",
        subject="person",
        object="person",
        labels=("greetings", "تحيات", "نقل تحيات"),
    ),
    "praised": _predicate(
        "subject praised object (relation, position or level of cooperation)",
        subject="person country organization",
        object="country organization person topic agreement",
        labels=("praised", "praise", "commended", "اشاد", "اشادة", "ثمن"),
    ),
    "cooperates_with": _predicate(
        "subject (state, or its forces or services) has military or security cooperation with object (its counterpart); symmetric: stated once",
        subject="country organization",
        object="country organization",
        labels=("cooperates", "cooperation", "cooperate", "تعاون", "التعاون"),
        symmetric=True,
    ),
    "cooperates_in": _predicate(
        "subject (state) cooperates in object (a field of cooperation between two named states, a topic entity)",
        subject="country organization",
        object="topic",
        labels=(),
    ),
    "held_exercise_with": _predicate(
        "subject (state) held a joint military exercise with object (state); the forces the text names are the states'",
        subject="country",
        object="country",
        labels=("exercise", "exercises", "drills", "مناورات", "تمرين", "مناورة"),
        symmetric=True,
    ),
    "hosts": _predicate(
        "subject (place or state) hosts object (forces, named by their state, or event)",
        subject="place country",
        object="country organization event",
        labels=("hosts", "host", "hosting", "تستضيف", "استضافة"),
    ),
    "military_base_of": _predicate(
        "subject (a base, a place entity) is a military base of object (state)",
        subject="place",
        object="country",
        labels=("base", "military base", "قاعدة", "قاعدة عسكرية"),
        object_required=True,
    ),
    "supports": _predicate(
        "subject (state) supports object (state), directly or not",
        subject="country organization",
        object="country organization",
        labels=("supports", "support", "دعم", "تدعم"),
    ),
    "opposes": _predicate(
        "subject (state) objects to object (a deal, agreement or policy; a topic or agreement entity)",
        subject="country organization person",
        object="agreement topic",
        labels=("opposes", "oppose", "opposition", "objects", "تعارض", "معارضة", "اعتراض"),
    ),
    "pressures": _predicate(
        "subject (state or alliance) presses object (state) to stop something",
        subject="country organization",
        object="country",
        labels=("pressures", "pressure", "pressed", "ضغوط", "ضغط"),
    ),
    "sanctioned": _predicate(
        "subject (state) imposed sanctions on object (state)",
        subject="country organization",
        object="country organization",
        labels=("sanctions", "sanction", "sanctioned", "punitive measures", "عقوبات", "العقوبات", "عقوبة"),
    ),
    "threatened_sanctions": _predicate(
        "subject (state) threatened object (state) with new sanctions",
        subject="country organization",
        object="country organization",
        labels=(
            "threatened sanctions",
            "sanctions threat",
            "threat of sanctions",
            "التهديد بعقوبات",
            "هددت بفرض عقوبات",
        ),
    ),
    "cut_ties_with": _predicate(
        "subject (state) broke off relations with object (state)",
        subject="country",
        object="country",
        labels=("cut ties", "severed ties", "broke off relations", "قطع العلاقات", "قطعت علاقاتها"),
    ),
    "accused": _predicate(
        "subject (state) accused object (state) of something named in the statement; the accusing is the fact coded, what it alleges is the statement's",
        subject="country person organization",
        object="country person organization",
        labels=("accused", "accuse", "accusation", "accusations", "اتهم", "اتهمت", "اتهام", "اتهامات"),
        modalities="fact hedged",
    ),
    "denied": _predicate(
        "subject (state or person) denied an accusation named in the statement; object: who made it, when the text says",
        subject="country person organization",
        object="country person organization",
        labels=("denied", "deny", "denies", "denial", "نفى", "نفت", "نفي"),
        modalities="fact hedged",
    ),
    "member_of": _predicate(
        "subject (state) is a member of object (alliance)",
        subject="country organization",
        object="organization",
        labels=("member", "membership", "عضو", "عضوية"),
    ),
    "holds_position": _predicate(
        "subject (person) holds object (an office); date is when the source places it",
        subject="person",
        object="office",
        labels=("position", "post", "منصب"),
        object_required=True,
    ),
    "held_position": _predicate(
        "subject (person) formerly held object (an office)",
        subject="person",
        object="office",
        labels=("former", "formerly", "سابق", "السابق"),
        object_required=True,
    ),
    "office_in": _predicate(
        "subject (an office) is a post in object (organization or state), as the title's own words say",
        subject="office",
        object="country organization",
        labels=(),
        object_required=True,
    ),
    "located_in": _predicate(
        "subject (place) lies in object (state or place)",
        subject="place organization",
        object="country place",
        labels=("located", "location", "تقع", "يقع"),
    ),
    "distance_from": _predicate(
        "subject (place) lies value (km) from object (place)",
        subject="place",
        object="place",
        labels=("distance", "away from", "مسافة", "يبعد"),
        value="km",
        value_required=True,
    ),
    "interested_in_hosting": _predicate(
        "subject (state) wants to host object (event)",
        subject="country",
        object="event",
        labels=("interested in hosting", "رغبتها في اقامة"),
    ),
    "downplayed": _predicate(
        "subject (person or state) played down the weight of object (a state's objection or position, named in the statement)",
        subject="person country",
        object="country",
        labels=("downplayed", "played down", "قلل من اهمية"),
    ),
    "guided_by_interests": _predicate(
        "subject (state) bases its relations or decisions on interests: shared with object (state), or its own alone when object is null; a stance, so a fact that the state holds it",
        subject="country",
        object="country",
        labels=("interests", "مصالح", "المصالح"),
        modalities="fact claimed hedged",
    ),
    "in_contact_with": _predicate(
        "subject (state, organization or person) held contacts with object (its counterpart); symmetric: stated once",
        subject="country organization person",
        object="country organization person",
        labels=("contacts", "contact", "اتصالات"),
        symmetric=True,
    ),
    "ongoing_for_more_than": _predicate(
        "subject (event or situation) had lasted more than value (duration) as of the date",
        subject="event",
        object="",
        labels=("lasted", "ongoing", "مستمر"),
        value="year",
        value_required=True,
    ),
    "has_role": _predicate(
        "subject (organization) fills the role named in the statement (e.g. sole state arms exporter) for object (state)",
        subject="organization",
        object="country",
        labels=("role", "sole exporter", "دور"),
        object_required=True,
    ),
    "organization_of": _predicate(
        "subject (organization: a company, agency or body) belongs to object (state); the statement says what it is",
        subject="organization",
        object="country",
        labels=("company", "agency", "شركة"),
        object_required=True,
    ),
    "thanked": _predicate(
        "subject (person) thanked object (person) for something named in the statement",
        subject="person",
        object="person",
        labels=("thanked", "thanks", "thank", "شكر", "الشكر"),
    ),
    "strained_relations_with": _predicate(
        "subject (state) saw its relations with object (state or alliance) become strained; the statement names the cause",
        subject="country",
        object="country organization",
        labels=("strained relations", "tension", "tensions", "توتر", "توترت"),
    ),
    "began": _predicate(
        "subject (event) began; date is when",
        subject="event",
        object="",
        labels=("began", "begin", "start", "started", "بدء", "بدات"),
    ),
    "seeks_stronger_cooperation_with": _predicate(
        "subject (person or state) expressed the wish to strengthen cooperation with object (state)",
        subject="person country",
        object="country",
        labels=("strengthen cooperation", "stronger cooperation", "تعزيز التعاون", "تطوير التعاون"),
    ),
    # What real news says of deals and arsenals beyond the exporters' figures above.
    "contract_value": _predicate(
        "subject (a contract or deal, an agreement entity) is worth value (money); the exporter's totals are signed_contracts_value",
        subject="agreement",
        object="",
        labels=("contract value", "deal value", "worth", "قيمة الصفقة", "قيمة العقد", "بقيمة"),
        value=" ".join(MONEY_UNITS),
        value_required=True,
    ),
    "ready_to_supply": _predicate(
        "subject (state or company) says it is ready to supply object (weapon system or service) to a buyer named in the statement",
        subject="country organization",
        object="weapon_system topic",
        labels=(
            "ready to supply",
            "readiness to supply",
            "مستعدة لتوريد",
            "استعداد لتزويد",
            "استعدادها لتوريد",
        ),
    ),
    "received": _predicate(
        "subject (buyer state or its forces) received or took delivery of object (weapon system); value: how many, when the text counts them",
        subject="country organization",
        object="weapon_system",
        labels=("received", "receive", "took delivery", "تسلم", "تسلمت", "استلم", "استلام", "حصل على"),
        value="system battery",
    ),
    "described_as": _predicate(
        "subject (weapon system, deal, event or other entity) is characterized as the statement says (the article's or its speaker's description)",
        subject="weapon_system agreement event organization country place topic",
        object="",
        labels=("described as", "described", "يعتبر", "تعتبر", "تعد", "وصف"),
    ),
    "announced": _predicate(
        "subject (state, person or organization) made public object (agreement, event or weapon system), in its own announcement",
        subject="country person organization",
        object="agreement event weapon_system topic",
        labels=("announced", "announce", "announcement", "اعلن عن", "اعلان", "الاعلان عن"),
    ),
    "approved_sale": _predicate(
        "subject (seller state or its authority) approved object (a sale, an agreement entity, or the weapon system sold); the buyer is named in the statement",
        subject="country organization",
        object="agreement weapon_system",
        labels=("approved sale", "approved the sale", "approval", "وافقت على بيع", "الموافقة على بيع"),
    ),
    "operates": _predicate(
        "subject (state or its forces) has object (weapon system) in service",
        subject="country organization",
        object="weapon_system",
        labels=("operates", "in service", "arsenal", "possesses", "تمتلك", "يمتلك", "تملك", "ترسانة", "مشغل"),
        value="system battery",
    ),
    "seeks_to_acquire": _predicate(
        "subject (state or its forces) wants to obtain object (weapon system); talks to buy it are negotiating_purchase",
        subject="country organization",
        object="weapon_system",
        labels=(
            "seeks to acquire",
            "wants to acquire",
            "seeks",
            "تسعى للحصول",
            "تريد الحصول",
            "ترغب في الحصول",
        ),
    ),
    "manufactures": _predicate(
        "subject (company, plant or state) makes object (weapon system)",
        subject="organization country",
        object="weapon_system",
        labels=("manufactures", "makes", "produces", "made by", "تصنع", "ينتج", "تنتج", "من انتاج", "من صنع"),
    ),
    "compared_to": _predicate(
        "subject (weapon system) is likened to object (weapon system), as the article or its speaker compares them",
        subject="weapon_system",
        object="weapon_system",
        labels=("compared to", "compared with", "comparison", "مقارنة", "مقارنته", "نسخة"),
    ),
}

# The description of each predicate, by name.
PREDICATES: dict[str, str] = {name: p["definition"] for name, p in VOCABULARY.items()}

# The query words of each predicate that has any.
PREDICATE_LABELS: dict[str, tuple[str, ...]] = {
    name: p["labels"] for name, p in VOCABULARY.items() if p["labels"]
}


# --- the vocabulary a store carries ------------------------------------------------------
#
# A store holds its vocabulary as one plain JSON object (its "vocabulary"), so a store made
# elsewhere brings the predicates, types, modalities, polarities and units its claims use.
# The entries above are the default of a new store and what an upgrade gives an older one.
# In the document a predicate's labels are split by script (`labels.en`, `labels.ar`: the
# first of each is its preferred label, the rest synonyms); its units are `units` (null: any
# unit of the store); `subject_types` and `object_types` are the entity types each may take.

# A predicate's fields in the document, in the order they are written.
PREDICATE_FIELDS = (
    "definition",
    "labels",
    "subject_types",
    "object_types",
    "object_required",
    "units",
    "value_required",
    "symmetric",
    "inverse",
    "canonical",
    "modalities",
    "polarities",
    "revisions",
)
# The vocabulary document's parts, in the order they are written.
DOCUMENT_FIELDS = ("predicates", "entity_types", "modalities", "polarities", "units")


def _is_arabic(label: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in label)


class Vocabulary:
    """The vocabulary one store uses: its predicates with their constraints, entity types,
    modalities (each with the words a reader sees), polarities and units."""

    def __init__(
        self,
        predicates: dict[str, Predicate],
        entity_types: tuple[str, ...],
        modalities: dict[str, str],
        polarities: tuple[str, ...],
        units: tuple[str, ...],
        any_unit: frozenset[str] = frozenset(),
    ) -> None:
        self.predicates = predicates
        self.entity_types = entity_types
        self.modality_words = modalities
        self.modalities = tuple(modalities)
        self.polarities = polarities
        self.units = units
        # The predicates that take any unit of the store (`units` null in the document).
        self._any_unit = any_unit

    @property
    def definitions(self) -> dict[str, str]:
        """Each predicate's definition, by name (what `PREDICATES` is for the default)."""
        return {name: p["definition"] for name, p in self.predicates.items()}

    @property
    def labels(self) -> dict[str, tuple[str, ...]]:
        """The query words of every predicate, its own name's words first."""
        return {name: p["labels"] for name, p in self.predicates.items()}

    @property
    def role_predicates(self) -> tuple[str, ...]:
        """The predicates whose object is an office: a job title held, never an alias."""
        return tuple(name for name, p in self.predicates.items() if p["object"] == ("office",))

    def predicate_document(self, name: str) -> dict[str, Any]:
        """One predicate as the store writes it."""
        p = self.predicates[name]
        return {
            "definition": p["definition"],
            "labels": {
                "en": [x for x in p["labels"] if not _is_arabic(x)],
                "ar": [x for x in p["labels"] if _is_arabic(x)],
            },
            "subject_types": list(p["subject"]),
            "object_types": list(p["object"]),
            "object_required": p["object_required"],
            "units": None if name in self._any_unit else list(p["value"]),
            "value_required": p["value_required"],
            "symmetric": p["symmetric"],
            "inverse": p["inverse"],
            "canonical": p["canonical"],
            "modalities": list(p["modalities"]),
            "polarities": list(p["polarities"]),
        }

    def document(self) -> dict[str, Any]:
        """The vocabulary as the store writes it: one plain JSON object."""
        return {
            "predicates": {name: self.predicate_document(name) for name in self.predicates},
            "entity_types": list(self.entity_types),
            "modalities": dict(self.modality_words),
            "polarities": list(self.polarities),
            "units": list(self.units),
        }


def predicate_from_document(entry: Mapping[str, Any], units: tuple[str, ...]) -> Predicate:
    """A predicate of a store's document (checked by `schema.vocabulary_problems`) as an entry."""
    labels = entry.get("labels") or {}
    given = entry.get("units")
    return Predicate(
        definition=entry["definition"],
        labels=(*labels.get("en", ()), *labels.get("ar", ())),
        subject=tuple(entry["subject_types"]),
        object=tuple(entry["object_types"]),
        object_required=bool(entry.get("object_required")),
        value=units if given is None else tuple(given),
        value_required=bool(entry.get("value_required")),
        symmetric=bool(entry.get("symmetric")),
        inverse=entry.get("inverse"),
        canonical=entry.get("canonical", True) is not False,
        modalities=tuple(entry["modalities"]),
        polarities=tuple(entry["polarities"]),
    )


def from_document(doc: Mapping[str, Any]) -> Vocabulary:
    """A store's vocabulary from its document (checked by `schema.vocabulary_problems`)."""
    units = tuple(doc["units"])
    entries = doc["predicates"]
    return Vocabulary(
        {name: predicate_from_document(e, units) for name, e in entries.items()},
        tuple(doc["entity_types"]),
        dict(doc["modalities"]),
        tuple(doc["polarities"]),
        units,
        frozenset(name for name, e in entries.items() if e.get("units") is None),
    )


# The shipped vocabulary: a new store's, and an upgraded older store's.
DEFAULT = Vocabulary(
    VOCABULARY,
    ENTITY_TYPES,
    MODALITY_WORDS,
    POLARITIES,
    UNITS,
    frozenset(name for name, p in VOCABULARY.items() if p["value"] == UNITS),
)


def default_document() -> dict[str, Any]:
    """The shipped vocabulary as a store holds it (a fresh copy, the caller's to change)."""
    return DEFAULT.document()


def document_key(doc: Any) -> bytes | None:
    """The exact content of a vocabulary document as bytes (marshal's: `true` and `1`,
    `1` and `1.0` differ, as they do to the checks; the bytes load back to the document, so
    two documents that differ never share a key), or None when it is not plain parsed data.
    Two loads of one store give equal keys, so what was made or checked of a document once
    is known for every later load of it in the process."""
    known = _SHARED.get(id(doc))
    if known is not None and known[0] is doc:
        return known[1]
    return _key(doc)


# The documents the store hands to every read that meets their text (`store.shared`), by
# identity, with their keys: a vocabulary document is never changed in place, so the key
# made when it was first read holds for as long as it is shared.
_SHARED: dict[int, tuple[Any, bytes | None]] = {}


def share(doc: Any) -> None:
    """Know `doc`'s key from now on without making it again: `doc` is a parsed vocabulary
    document the store shares and nothing changes."""
    _SHARED[id(doc)] = (doc, _key(doc))  # held here, so its id is not reused


def _key(doc: Any) -> bytes | None:
    try:
        # Version 2: no back-references, whose use follows reference counts, not content.
        return marshal.dumps(doc, 2)
    except ValueError:
        return None


# The vocabularies made from documents in this process, by `document_key`: a store is read
# and written many times in one process (a test run, a script's imports) with the same
# vocabulary, which takes ~1 ms to make. Kept few: a process meets one or two.
_MADE: dict[bytes, Vocabulary] = {}
_MADE_KEPT = 8


def of(facts: object) -> Vocabulary:
    """The vocabulary of a loaded store (its `vocabulary` document; the default for a store
    older than the schema that carries one), made once per document."""
    doc = getattr(facts, "vocabulary", None)
    if not isinstance(doc, dict):
        return DEFAULT
    cache = getattr(facts, "__dict__", {}).get("_vocabulary")
    if cache is not None and cache[0] is doc:
        return cache[1]  # type: ignore[no-any-return]
    key = document_key(doc)
    made = _MADE.get(key) if key is not None else None
    if made is None:
        try:
            made = from_document(doc)
        except (KeyError, TypeError, AttributeError, ValueError):
            # A damaged document: every command refuses the store (`schema.refuse_damaged`)
            # and `verify` reports what is wrong with it, checking the rest by the default.
            made = DEFAULT
        else:
            if key is not None and len(_MADE) < _MADE_KEPT:
                _MADE[key] = made
    if hasattr(facts, "__dict__"):
        facts.__dict__["_vocabulary"] = (doc, made)
    return made
