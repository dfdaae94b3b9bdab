"""The domain thesaurus: words people use for the same thing in this corpus, in both languages.

Each group lists words and phrases, English and Arabic, that a user may type for one idea
(buy/purchase/acquire/شراء, arms/weapons/أسلحة, envoy/ambassador/سفير), and the predicates
of `vocabulary.PREDICATES` that say that idea. A query word found in a group also meets the
claims whose text uses another word of the group, and the claims with the group's
predicates; `search` ranks such evidence below the word as typed (`rank.Ranking`'s
`synonym` forms).

Why a thesaurus of our own: the WordNets on PyPI (`wn`, NLTK's reader) download their data
at run time rather than ship it, hold no Arabic beside English unless another download adds
it, and group words by general senses (`deal` as a hand of cards, `call` as a shout), not by
what an analyst of arms and diplomacy means. These groups are data, read with the analyzer
like any query word; a group may hold words in any form, the match is on stems.
"""

from __future__ import annotations

__all__ = ["CONVERSES", "GROUPS", "KIND_WORDS", "VERSION"]

# The index holds these groups analyzed (and the number words of `dates`): bump this when
# either changes, and every index is rebuilt with the new words.
VERSION = 6

# Words for a kind of entity, by entity type: a query word among them also finds the claims
# whose subject or object is an entity of that kind, ranked as another word for the same
# thing ("Qatar buy weapons": Qatar negotiating the purchase of the S-400). One word each.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "weapon_system": (
        "arms",
        "weapons",
        "weapon",
        "armaments",
        "أسلحة",
        "سلاح",
        "الأسلحة",
        "منظومة",
        "منظومات",
    ),
}

# (words and phrases, predicates). Words are written as people type them; the index and the
# query analyze them (tokens, stems) when they are used.
GROUPS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (
        (
            "buy",
            "buys",
            "bought",
            "buying",
            "purchase",
            "purchases",
            "purchased",
            "acquire",
            "acquires",
            "acquired",
            "acquisition",
            "procure",
            "procurement",
            "شراء",
            "يشتري",
            "تشتري",
            "اشترى",
            "اشترت",
            "اقتناء",
            "امتلاك",
            "حيازة",
            "صفقة شراء",
        ),
        (
            "purchased",
            "negotiating_purchase",
            "negotiating_sale",
            "made_progress_on",
            "completed_negotiations",
        ),
    ),
    (
        ("sell", "sells", "sold", "sale", "sales", "export", "exports", "بيع", "يبيع", "تبيع", "تصدير"),
        ("negotiating_sale", "supplies", "exported_value"),
    ),
    (
        ("arms", "weapons", "weapon", "armaments", "أسلحة", "سلاح", "الأسلحة", "أسلحه"),
        (),
    ),
    (
        (
            "deal",
            "deals",
            "contract",
            "contracts",
            "agreement",
            "agreements",
            "pact",
            "accord",
            "صفقة",
            "صفقات",
            "عقد",
            "عقود",
            "اتفاق",
            "اتفاقية",
            "اتفاقيات",
            "اتفاقات",
        ),
        ("signed", "party_to"),
    ),
    (
        (
            "talks",
            "negotiations",
            "negotiation",
            "negotiate",
            "negotiating",
            "consultations",
            "مفاوضات",
            "محادثات",
            "مباحثات",
            "مشاورات",
            "تفاوض",
            "التفاوض",
            "يتفاوض",
        ),
        (
            "negotiating_purchase",
            "negotiating_sale",
            "ready_to_negotiate",
            "completed_negotiations",
            "discussed",
        ),
    ),
    (
        ("ties", "relations", "relationship", "partnership", "علاقات", "العلاقات", "علاقة", "شراكة"),
        ("cooperates_with", "guided_by_interests", "in_contact_with", "strained_relations_with"),
    ),
    (
        # A partnership is also how texts say cooperation («الشراكة العسكرية», "military
        # partnership agreements"): the word is in both groups.
        ("cooperation", "cooperate", "collaboration", "partnership", "تعاون", "التعاون", "شراكة"),
        ("cooperates_with", "cooperates_in", "ready_to_cooperate_with", "seeks_stronger_cooperation_with"),
    ),
    (
        (
            "call",
            "phone call",
            "phone",
            "phoned",
            "telephone",
            "telephoned",
            "اتصال",
            "اتصال هاتفي",
            "مكالمة",
            "مكالمة هاتفية",
            "هاتفي",
            "هاتفيا",
            "مباحثات هاتفية",
        ),
        ("phoned",),
    ),
    (
        (
            "sanctions",
            "sanction",
            "penalties",
            "punitive measures",
            "embargo",
            "عقوبات",
            "العقوبات",
            "عقوبة",
            "إجراءات عقابية",
            "عقابية",
        ),
        ("sanctioned", "threatened_sanctions"),
    ),
    (
        (
            "delivery",
            "deliveries",
            "deliver",
            "delivered",
            "supply",
            "supplies",
            "supplied",
            "تسليم",
            "توريد",
            "إمداد",
            "تزويد",
            "تسلم",
            "إمدادات",
        ),
        ("delivered", "supplies"),
    ),
    (
        ("envoy", "ambassador", "ambassadors", "سفير", "السفير", "مبعوث"),
        (),
    ),
    (
        # The one at the head of an organization. Not «رئيس», which is a president too.
        ("head", "chief", "director", "director general", "مدير", "المدير العام"),
        (),
    ),
    (
        ("visit", "visits", "visited", "trip", "زيارة", "زار", "يزور", "زيارات"),
        ("visited",),
    ),
    (
        ("meeting", "meet", "met", "met with", "لقاء", "اجتماع", "التقى", "اجتمع", "مقابلة", "استقبل"),
        ("met",),
    ),
    (
        ("support", "supports", "backing", "backs", "دعم", "يدعم", "تدعم", "تأييد", "مساندة"),
        ("supports",),
    ),
    (
        ("blockade", "siege", "boycott", "حصار", "الحصار", "مقاطعة"),
        ("cut_ties_with",),
    ),
    (
        ("cut ties", "severed ties", "broke off relations", "قطع العلاقات", "قطع"),
        ("cut_ties_with",),
    ),
    (
        (
            "exercise",
            "exercises",
            "drill",
            "drills",
            "manoeuvres",
            "maneuvers",
            "مناورات",
            "تدريبات",
            "تمرين",
        ),
        ("held_exercise_with",),
    ),
    (
        ("summit", "قمة"),
        ("attends",),
    ),
    (
        ("world cup", "mundial", "كأس العالم", "المونديال", "مونديال"),
        (),
    ),
    (
        ("refused", "rejected", "rejects", "opposed", "رفض", "رفضت", "يرفض", "تعارض"),
        ("opposes", "denied"),
    ),
)

# Ideas that are one event seen from its two sides: a purchase by one state is a sale, or a
# supply, to it ("Turkey buys the S-400" is "a contract to supply Ankara with S-400 units").
# The words of each pair of groups (named by a word of each) also meet one another's, as
# synonyms; each group keeps its own predicates.
CONVERSES: tuple[tuple[str, str], ...] = (("buy", "sell"), ("buy", "supply"))


def _group_of(word: str) -> tuple[str, ...]:
    return next(words for words, _ in GROUPS if word in words)


GROUPS += tuple((_group_of(a) + _group_of(b), ()) for a, b in CONVERSES)
