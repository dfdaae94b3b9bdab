"""Drafting's reading of a sentence's frame: a month's name is a date only in a date's
company, and the papers an article credits are its media."""

from __future__ import annotations

from factcli.draft import draft_article, parse_published
from factcli.draft.dating import find_dates
from factcli.draft.spans import clauses

ENTITIES = [
    {"id": "russia", "type": "country", "name": "Russia", "name_ar": "روسيا", "aliases": []},
    {"id": "egypt", "type": "country", "name": "Egypt", "name_ar": "مصر", "aliases": []},
]
ANCHOR = parse_published("2019-05-03")


def _dates(text: str) -> list[tuple[str, str]]:
    words = clauses(text)[0].words
    return [(d.start.isoformat(), d.end.isoformat()) for _, _, d in find_dates(text, words, ANCHOR, set())]


def test_a_month_name_alone_is_a_word_not_a_date() -> None:
    assert _dates("قال الرئيس رجب حسن إن بلاده وقعت العقد") == []
    assert _dates("وقعت مصر العقد أيار بعد أيام") == []


def test_a_month_name_is_a_date_in_a_dates_company() -> None:
    assert _dates("وقعت مصر العقد في أغسطس") == [("2019-08-01", "2019-08-31")]
    assert _dates("وقعت مصر العقد مطلع أغسطس") == [("2019-08-01", "2019-08-10")]
    assert _dates("وقعت مصر العقد يوم 12 أغسطس 2018") == [("2018-08-12", "2018-08-12")]
    assert _dates("وقعت مصر العقد عام 2014") == [("2014-01-01", "2014-12-31")]


def test_a_credited_paper_is_the_via_where_the_text_credits_it() -> None:
    text = "عنوان\nوقعت مصر عقدا مع روسيا، بحسب صحيفة «فيدومستي» الروسية.\n"
    draft = draft_article(
        text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["Vedomosti (فيدومستي)"]
    )
    paper = [e for e in draft.entities if e["name_ar"] == "فيدومستي"]
    assert paper and paper[0]["name"] == "Vedomosti" and paper[0]["type"] == "organization"
    assert {c["via"] for c in draft.claims} == {paper[0]["id"]}
    assert paper[0]["id"] not in {c["subject"] for c in draft.claims}


def test_an_unnamed_credit_is_no_entity() -> None:
    text = "عنوان\nوقعت مصر عقدا مع روسيا.\n"
    draft = draft_article(
        text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["وكالات (unnamed agencies)"]
    )
    # (the contract the sentence tells of is proposed, as an agreement: no organization)
    assert [e for e in draft.entities if e["type"] != "agreement"] == []


STATES = [
    *ENTITIES,
    {"id": "iraq", "type": "country", "name": "Iraq", "name_ar": "العراق", "aliases": []},
]


def _read(sentence: str) -> tuple[list[tuple[str | None, str | None, str | None, str]], dict[str, str]]:
    draft = draft_article(f"عنوان\n{sentence}\n", [dict(e) for e in STATES], published=ANCHOR)
    names = {e["id"]: e["name"] for e in draft.entities}
    names.update({e["id"]: e["name"] for e in STATES})
    triples = [
        (names.get(c["subject"]), c["predicate"], names.get(c["object"]), c["modality"]) for c in draft.claims
    ]
    return triples, {e["name"]: e["type"] for e in draft.entities}


def test_a_model_designation_is_a_new_weapon_system_named_in_english() -> None:
    _, kinds = _read("عرضت روسيا منظومات إس- 300 وطائرات إيه جي إم-154 وميغ29 و TOS-1.")
    assert {k: v for k, v in kinds.items()} == {
        "S-300": "weapon_system",
        "AGM-154": "weapon_system",
        "MiG-29": "weapon_system",
        "TOS-1": "weapon_system",
    }


def test_the_seller_supplies_and_the_buyer_after_li_is_not_the_subject() -> None:
    triples, _ = _read("قالت روسيا إنها ستورد للعراق دبابات ت-90.")
    assert ("Russia", "supplies", "T-90", "planned") in triples
    triples, _ = _read("حيث تقوم روسيا بتزويد مصر بمقاتلات من طراز «سو-57».")
    assert triples[0][:3] == ("Russia", "supplies", "Su-57")


def test_the_buyer_buys_from_the_seller() -> None:
    triples, _ = _read("اشترت من روسيا مصر منظومات إس-300.")
    assert triples[0][:3] == ("Egypt", "purchased", "S-300")


def test_contracting_to_buy_is_signing() -> None:
    triples, _ = _read("وتعاقدت مصر مع روسيا على شراء مقاتلات.")
    assert triples[0][:2] == ("Egypt", "signed")


def test_who_is_sanctioned_stands_after_ala() -> None:
    triples, _ = _read("فرضت عقوبات على روسيا من قبل مصر.")
    assert ("Egypt", "sanctioned", "Russia", "fact") in triples


def test_a_weapon_kind_noun_types_only_the_name_right_after_it() -> None:
    _, kinds = _read("وقعت مصر عقدا لشراء مقاتلات بقيمة «ملياري دولار».")
    # The fighters are a weapon; the quoted worth after them is none.
    assert [name for name, kind in kinds.items() if kind == "weapon_system"] == ["fighters"]


def test_a_dateline_run_into_a_byline_or_posted_on_is_found() -> None:
    from factcli.draft import detect_published

    found = detect_published("عنوان\n\nمحمود احمد20 يوليو 2017آخر تحديث :\nنص الخبر")
    assert found is not None and found[0].start.isoformat() == "2017-07-20"
    found = detect_published("Title\nposted on December 14, 2020 by staff\nbody")
    assert found is not None and found[0].start.isoformat() == "2020-12-14"
    assert detect_published("عنوان\nعقود عام 2017 ومليار دولار\nنص") is None  # a year is no dateline


def test_the_paper_already_named_is_the_via_of_what_it_says() -> None:
    text = (
        "عنوان\nوقعت مصر عقدا مع روسيا، بحسب صحيفة «فيدومستي» الروسية.\n"
        "وأوضحت الصحيفة أن روسيا ستورد لمصر مقاتلات.\n"
    )
    draft = draft_article(
        text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["Vedomosti (فيدومستي)"]
    )
    paper = next(e["id"] for e in draft.entities if e["name_ar"] == "فيدومستي")
    supplies = [c for c in draft.claims if c["predicate"] == "supplies"]
    assert supplies and all(c["via"] == paper and c["speaker"] is None for c in supplies)


def test_a_delivery_with_no_seller_or_weapon_named_takes_the_storys() -> None:
    triples, _ = _read(
        "وقالت مصر إنها اشترت من روسيا منظومة صواريخ أرض-جو بعيدة المدى إس-300. وعلم أن التسليم سيبدأ عام 2020."
    )
    delivered = [t for t in triples if t[1] == "delivered"]
    assert delivered and delivered[0][0] == "Russia" and delivered[0][2] == "S-300"


def test_now_is_the_day_of_publication_of_an_article_published_on_one_day() -> None:
    words = clauses("وبحث الوزير الذي يزور موسكو حاليا سبل التعاون")[0].words
    found = find_dates("وبحث الوزير الذي يزور موسكو حاليا سبل التعاون", words, ANCHOR, set())
    assert [(d.start.isoformat(), d.end.isoformat(), d.text) for _, _, d in found] == [
        ("2019-05-03", "2019-05-03", "حاليا")
    ]
    interval = parse_published("2018..2019")
    assert find_dates("وبحث الوزير الذي يزور موسكو حاليا", words[:6], interval, set()) == []


def test_a_purchase_told_bare_is_a_purchase_and_an_intention_is_planned() -> None:
    triples, _ = _read("وقالت مصر إنها تنوي شراء منظومات إس-300 من روسيا.")
    assert ("Egypt", "purchased", "S-300", "planned") in triples
    triples, _ = _read("وتبحث مصر مع روسيا صفقة شراء منظومات إس-300.")
    assert [t[1] for t in triples if t[2] == "S-300"] == ["negotiating_purchase"]


def test_who_a_state_buys_from_supplies_what_it_buys() -> None:
    triples, _ = _read("وتنوي مصر شراء منظومات إس-300 من روسيا.")
    assert ("Egypt", "purchased", "S-300", "planned") in triples
    assert ("Russia", "supplies", "S-300", "planned") in triples
    assert not [t for t in triples if t[0] == "Russia" and t[1] == "purchased"]


def test_contracting_to_buy_is_signing_a_contract_that_includes_the_goods() -> None:
    # The reading rule for "X contracted to buy Y": X signed <contract>, <contract> includes Y;
    # the contract, unnamed in the text, is proposed and named from its parties and goods.
    triples, _ = _read("وتنوي مصر التعاقد مع روسيا لشراء منظومات إس-300.")
    deal = "Egypt-Russia S-300 contract"
    assert ("Egypt", "signed", deal, "planned") in triples
    assert (deal, "includes", "S-300", "planned") in triples
    assert not [t for t in triples if t[0] == "Russia" and t[1] == "purchased"]


def test_a_deal_s_worth_is_the_deal_s_and_the_deal_told_again_is_the_same() -> None:
    triples, _ = _read("واشترت مصر منظومات إس-300 من روسيا. وبلغت قيمة الصفقة 500 مليون دولار.")
    deals = {t[0] for t in triples if t[1] == "contract_value"}
    assert len(deals) == 1
    (deal,) = deals
    # named from the frame before it: the buyer, the seller, the goods
    assert deal == "Egypt-Russia S-300 deal"


def test_a_new_purchase_with_other_goods_is_another_deal() -> None:
    triples, _ = _read(
        "واشترت مصر منظومات إس-300 من روسيا، وبلغت قيمة الصفقة 500 مليون دولار. "
        "واشترت مصر مروحيات مي-28 من روسيا، وبلغت قيمة الصفقة 700 مليون دولار."
    )
    worth = sorted(t[0] for t in triples if t[1] == "contract_value")
    assert len(set(worth)) == 2
    assert any("S-300" in d for d in worth)


# The frames of real news the vocabulary now names: a deal's worth, readiness to supply,
# receipt, service, a wish to acquire, a maker, an approved sale.


def _values(sentence: str) -> list[tuple[str | None, str | None, float, str]]:
    draft = draft_article(f"عنوان\n{sentence}\n", [dict(e) for e in STATES], published=ANCHOR)
    names = {e["id"]: e["name"] for e in [*STATES, *draft.entities]}
    return [
        (names.get(c["subject"]), c["predicate"], float(c["value"]["amount"]), c["value"]["unit"])
        for c in draft.claims
        if c["value"]
    ]


def test_a_deal_s_worth_read_from_a_scale_word_alone_or_in_the_dual() -> None:
    # "worth a billion dollars", "worth two billion" (the dual), "half a billion"
    assert [v[1:] for v in _values("ووقعت مصر صفقة مع روسيا بقيمة مليار دولار.")] == [
        ("contract_value", 1e9, "USD")
    ]
    assert [v[2] for v in _values("ووقعت مصر صفقة مع روسيا تبلغ قيمتها حوالي ملياري دولار.")] == [2e9]
    assert [v[2] for v in _values("ووقعت مصر صفقة مع روسيا بقيمة نصف مليار دولار.")] == [5e8]
    assert [v[2] for v in _values("ووقعت مصر صفقة مع روسيا بقيمة 3.5 مليارات دولار.")] == [3.5e9]


def test_readiness_to_supply_is_no_supply_and_each_item_is_its_own_claim() -> None:
    triples, _ = _read("وأبدت روسيا استعدادها لتزويد مصر بمروحيات مي-28 ومنظومات إس-300.")
    offered = {t for t in triples if t[1] == "ready_to_supply"}
    assert offered == {
        ("Russia", "ready_to_supply", "Mi-28", "fact"),
        ("Russia", "ready_to_supply", "S-300", "fact"),
    }
    assert not [t for t in triples if t[1] == "supplies"]


def test_what_a_state_received_has_in_service_and_wants_to_obtain() -> None:
    triples, _ = _read("وتسلمت العراق 24 طائرة سو-35 من روسيا.")
    assert ("Iraq", "received", "Su-35", "fact") in triples
    triples, _ = _read("وتملك مصر طائرات إف-16 ومقاتلات ميغ-29.")
    assert {t[2] for t in triples if t[1] == "operates" and t[0] == "Egypt"} == {"F-16", "MiG-29"}
    triples, _ = _read("وتريد مصر الحصول على طائرات سو-57.")
    assert ("Egypt", "seeks_to_acquire", "Su-57", "fact") in triples


def test_a_sale_approved_is_a_deal_that_includes_the_goods() -> None:
    triples, _ = _read("ووافقت روسيا على بيع مصر صواريخ إس-300.")
    approved = [t for t in triples if t[1] == "approved_sale"]
    assert len(approved) == 1 and approved[0][0] == "Russia"
    sale = approved[0][2]
    assert sale is not None and "S-300" in sale and sale.endswith("sale")
    assert (sale, "includes", "S-300", "fact") in triples


def test_an_export_a_handover_or_a_deal_approved_or_allowed_is_a_sale_approved() -> None:
    for sentence in (
        "ووافقت فرنسا على تصدير صواريخ إس-300 إلى مصر.",
        "ووافقت فرنسا على تسليم مصر صواريخ إس-300.",
        "وصادقت فرنسا على صفقة صواريخ إس-300 لمصر.",
        "وسمحت فرنسا بتزويد مصر بصواريخ إس-300.",
    ):
        triples, _ = _read(sentence)
        assert [t[0] for t in triples if t[1] == "approved_sale"] == ["France"], sentence


def test_a_buyer_told_before_is_the_subject_not_a_place_behind_a_preposition() -> None:
    triples, _ = _read("واشترت مصر الأسلحة الروسية. وقد اشترت طائرات سو-34 التي استعملت بالعراق.")
    assert ("Egypt", "purchased", "Su-34", "fact") in triples
    assert not [t for t in triples if t[0] == "Iraq"]


def test_the_cooperation_discussed_is_a_topic_named_from_its_sides() -> None:
    triples, kinds = _read("وبحث وزير الدفاع المصري مع نظيره الروسي سبل تعزيز التعاون العسكري بين البلدين.")
    assert kinds.get("Egypt-Russia military cooperation") == "topic"
    assert [t[2] for t in triples if t[1] == "discussed"] == ["Egypt-Russia military cooperation"]
    # the two sides named after بين, and the kind of relations
    _, kinds = _read("وناقش الوزير العلاقات الثنائية بين مصر والعراق.")
    assert kinds.get("Egypt-Iraq bilateral relations") == "topic"


def test_this_model_is_the_weapon_the_story_named_before() -> None:
    # "of this model", "these tanks", "the same model": the weapon named last (of two the
    # story names), not the kind's words ("aircraft", "tanks").
    first = "وتملك روسيا منظومات إس-300. "
    triples, _ = _read(first + "وتسلمت روسيا مقاتلات سو-57. ثم تسلمت مصر 12 طائرة من هذا الطراز.")
    assert ("Egypt", "received", "Su-57", "fact") in triples
    triples, _ = _read(first + "واشترت العراق دبابات ت-90 من روسيا. وتستخدم مصر هذه الدبابات في جيشها.")
    assert ("Egypt", "operates", "T-90", "fact") in triples
    triples, _ = _read(
        "وتملك روسيا دبابات ت-90. واشترت العراق منظومات إس-300. وتنوي مصر شراء 4 منظومات من الطراز نفسه."
    )
    assert [t[2] for t in triples if t[0] == "Egypt" and t[1] == "purchased"] == ["S-300"]
    # no weapon named before: the kind stays
    triples, _ = _read("وتستخدم مصر هذه الدبابات في جيشها.")
    assert [t[2] for t in triples if t[1] == "operates"] == ["tanks"]


def test_a_trade_verb_with_its_own_agent_after_a_deal_noun_is_that_party_s_act() -> None:
    # "a contract ... after Iraq, which received 24 aircraft": Iraq's receiving, not the
    # contract's items; "after Egypt's purchase of": Egypt bought.
    triples, _ = _read("وأعلنت روسيا تعاقدها مع مصر على مقاتلات سو-35 بعد العراق التي تسلمت 24 طائرة سو-35.")
    assert ("Iraq", "received", "Su-35", "fact") in triples
    triples, _ = _read("وجاءت الصفقة بعد شراء مصر 12 مقاتلة سو-35 من روسيا.")
    assert ("Egypt", "purchased", "Su-35", "fact") in triples
    # the deal's items, when the verb names no agent of its own (or only the other party)
    triples, _ = _read("ووقعت مصر عقدا مع روسيا لشراء مقاتلات سو-35.")
    assert [t for t in triples if t[1] == "includes" and t[2] == "Su-35"]
    assert not [t for t in triples if t[0] == "Russia" and t[1] == "purchased"]


def test_the_kind_definite_is_the_one_weapon_the_story_names() -> None:
    # "the helicopters were made by ...": in a story of one weapon named by its name, the
    # kind's definite noun is it, a name in quotation marks as much as a model's number.
    triples, _ = _read("واشترت مصر مروحيات «كوندور» من روسيا. ويذكر أن المروحيات صنعت من قبل شركة «روستك».")
    assert [t[2] for t in triples if t[1] == "manufactures"] == ["Kundur"]
    # two weapons named: the helicopters are the one named after a helicopter's noun, not
    # the tanks; with no helicopter named, nothing is filled in
    triples, _ = _read(
        "واشترت مصر مروحيات «أباتشي» ودبابات ت-90 من روسيا. ويذكر أن المروحيات صنعت من قبل شركة «روستك»."
    )
    assert [t[2] for t in triples if t[1] == "manufactures"] == ["AH-64 Apache"]
    triples, _ = _read(
        "واشترت مصر دبابات ت-72 ودبابات ت-90 من روسيا. ويذكر أن المروحيات صنعت من قبل شركة «روستك»."
    )
    assert [t[2] for t in triples if t[1] == "manufactures"] == [None]


def test_making_told_by_its_verbal_noun_design_or_building() -> None:
    company = "شركة «نورثن»"
    for sentence in (
        f"واشترت مصر مقاتلات سو-35 من تصنيع {company}.",
        f"وتقوم {company} بتصنيع مقاتلات سو-35.",
        f"وصممت {company} مقاتلات سو-35.",
        "وقد تولى مصنع «نورثن» بناء الغواصة أ-9 في روسيا.",
    ):
        triples, kinds = _read(sentence)
        makers = [t for t in triples if t[1] == "manufactures"]
        assert makers and kinds.get(makers[0][0] or "") == "organization", sentence
    # designed for a use is what it is, not who made it
    triples, _ = _read("وتملك مصر مقاتلات سو-35 المصممة للعمليات البحرية.")
    assert not [t for t in triples if t[1] == "manufactures"]


def test_a_deal_noun_with_a_possessive_is_the_deal_the_story_tells() -> None:
    # "its contract", "its contracting": the deal told before, not a new one
    for sentence in (
        "وقعت مصر صفقة مع روسيا لشراء مقاتلات سو-35. وقالت روسيا إن عقدها مع مصر يشمل أيضا منظومات إس-300.",
        "وقعت مصر صفقة مع روسيا لشراء مقاتلات سو-35. وكشفت الصحيفة عن تعاقدها على منظومات إس-300.",
    ):
        _, kinds = _read(sentence)
        assert [name for name, kind in kinds.items() if kind == "agreement"] == ["Egypt-Russia Su-35 deal"]


def _weapons(sentence: str) -> dict[str, list[str]]:
    draft = draft_article(f"عنوان\n{sentence}\n", [dict(e) for e in STATES], published=ANCHOR)
    return {e["name"]: e["aliases"] for e in draft.entities if e["type"] == "weapon_system"}


def test_a_model_number_written_in_words_is_the_model_in_digits() -> None:
    # "Poland will receive eight fighters of the type «F thirty-five» from Washington"
    weapons = _weapons("وستتسلم بولندا ثماني مقاتلات من طراز «إف خمسة وثلاثين» من واشنطن.")
    assert "F-35" in weapons
    # and unquoted, after a dash, beside the same model in digits later: one weapon
    weapons = _weapons("واستلمت مصر طائرات إف-ستة عشر أمس. وكانت مصر قد طلبت عشرين طائرة إف 16.")
    assert list(weapons) == ["F-16"]
    # a letter's name that is a word of grammar before a count is no model ("إن خمسة")
    assert _weapons("وقال الوزير إن خمسة منها وصلت إلى مصر.") == {}


def test_a_designation_after_words_of_its_kind_is_found() -> None:
    # "a squadron of six advanced jet fighters of the type F 16"
    weapons = _weapons("واستلمت مصر سربا من ست مقاتلات نفاثة متطورة من طراز إف 16 أمس.")
    assert "F-16" in weapons


def test_a_model_is_named_too_with_the_kind_noun_written_before_it() -> None:
    # "Egypt bought 30 «Rafale» fighters ... the first Rafale fighter arrived"
    weapons = _weapons("واشترت مصر 30 مقاتلة «رافال» من فرنسا. ووصلت أولى مقاتلات رافال إلى القاهرة.")
    (aliases,) = weapons.values()
    assert {"رافال", "مقاتلة رافال", "مقاتلات رافال"} <= set(aliases)
    # with adjectives and «من طراز» between: as written, and the noun with the model alone
    weapons = _weapons("وتسلمت مصر طائرات نقل عسكرية من طراز C-130 من الولايات المتحدة.")
    assert {"طائرات نقل عسكرية من طراز C-130", "طائرات C-130"} <= set(weapons["C-130"])


def test_a_deal_is_named_in_english_by_what_it_is_about() -> None:
    # "Egypt and Russia signed the joint defence agreement": its field names it, with its parties
    draft = draft_article(
        "عنوان\nووقعت مصر وروسيا اتفاقية الدفاع المشترك أمس.\n", [dict(e) for e in STATES], published=ANCHOR
    )
    deals = [e["name"] for e in draft.entities if e["type"] == "agreement"]
    assert deals == ["Egypt-Russia joint defence agreement"]
    # "a memorandum of military cooperation": military cooperation
    draft = draft_article(
        "عنوان\nووقعت مصر مع روسيا مذكرة تعاون عسكري.\n", [dict(e) for e in STATES], published=ANCHOR
    )
    deals = [e["name"] for e in draft.entities if e["type"] == "agreement"]
    assert len(deals) == 1 and "military cooperation memorandum" in deals[0]


def test_a_designation_written_with_the_article_is_the_model() -> None:
    # "China will supply Egypt with two squadrons of the J-10 fighter", the article on «جي»
    weapons = _weapons("وستزود الصين مصر بسربين من مقاتلات الجي – 10 في اتفاق مبدئي.")
    assert [n for n, aliases in weapons.items() if "جي – 10" in aliases] == ["J-10"]
    # "the deal also covers upgrading the 20 fighters": «الـ 20» is the article and a count
    weapons = _weapons("وتشمل الصفقة مع روسيا كذلك ترقية الـ 20 مقاتلة الموجودة لدى مصر.")
    assert not [n for n in weapons if "20" in n]


def test_a_weapon_joining_a_force_is_the_forces_receipt() -> None:
    # "the navy announced the joining of the submarine (S-42) to the Egyptian naval forces"
    triples, _ = _read("أعلنت مصر انضمام الغواصة الجديدة (S-42) إلى القوات البحرية المصرية.")
    assert ("Egyptian Naval Forces", "received", "S-42", "fact") in triples
    # "submarines of the S-42 type will join the Egyptian navy": the same, planned
    triples, _ = _read("وقالت مصر إن غواصات من طراز S-42 ستنضم للبحرية المصرية وفق برنامج زمني.")
    assert [t[:2] for t in triples if t[1] == "received"] == [("Egyptian Navy", "received")]
    # a state joining a union receives nothing, though its weapons are named after
    triples, _ = _read("وتسعى مصر للانضمام إلى الاتحاد الأوروبي، لكنها تتسلح بمنظومات S-42 الروسية.")
    assert not [t for t in triples if t[1] == "received"]


def test_a_weapons_name_ends_before_a_verb_and_what_is_said_of_its_age() -> None:
    # "Egypt signed a contract with Russia for combat ships that can carry helicopters"
    weapons = _weapons("ووقعت مصر عقدا مع روسيا لشراء سفن حربية يمكن أن تحمل مروحيات.")
    assert "سفن حربية" in [a[0] for a in weapons.values()]
    # "Egypt will buy old Russian aircraft": the aircraft are Russian, their age no kind
    weapons = _weapons("وستشتري مصر من روسيا طائرات روسية قديمة.")
    assert [a[0] for a in weapons.values()] == ["طائرات روسية"]


def test_a_model_is_named_with_its_kind_across_a_long_description_before_its_type() -> None:
    # "Egypt bought spy aircraft that fly without a pilot of the type «Heron 1»"
    weapons = _weapons("واشترت مصر من روسيا طائرات تجسس تعمل بدون طيار من طراز «هيرون 1».")
    (aliases,) = [a for a in weapons.values() if "هيرون 1" in a]
    assert "طائرات تجسس تعمل بدون طيار من طراز هيرون 1" in aliases


def test_a_weapon_sold_the_world_over_is_named_by_its_english_name() -> None:
    # "Egypt received Patriot systems, then bought fighters of the Rafale type": the names
    # English writes, not their letters as they sound ("Batriut", "Rafal")
    triples, kinds = _read("وتسلمت مصر أنظمة باتريوت، ثم اشترت من روسيا مقاتلات من طراز رافال.")
    assert kinds.get("Patriot") == "weapon_system" and kinds.get("Rafale") == "weapon_system"
    assert ("Egypt", "received", "Patriot", "fact") in triples
    assert ("Egypt", "purchased", "Rafale", "fact") in triples


def test_a_weapons_name_that_is_also_a_persons_is_one_only_after_a_weapons_noun() -> None:
    # "Barak visited Cairo" names a man; "Egypt bought Barak missiles" the missile
    _, kinds = _read("وزار براك القاهرة أمس.")
    assert "Barak" not in kinds
    _, kinds = _read("واشترت مصر صواريخ براك من روسيا.")
    assert kinds.get("Barak") == "weapon_system"


def test_out_of_is_no_arrival_and_receiving_is_told_by_talaqqa() -> None:
    # "Egypt received six light attack aircraft out of 12 from Russia": «تلقت» is receiving,
    # «من أصل» is "out of" (no «أصل», I arrive), and the aircraft are light ones
    triples, _ = _read("وتلقت مصر ست طائرات هجومية خفيفة من أصل 12 من روسيا.")
    assert ("Egypt", "received", "light attack aircraft", "fact") in triples
    assert not [t for t in triples if t[1] == "visited"]


def test_an_adverb_after_a_weapons_phrase_is_no_word_of_its_name() -> None:
    # "Egypt bought military equipment, especially from Russia"
    weapons = _weapons("واشترت مصر معدات عسكرية خصوصاً من روسيا.")
    assert [a[0] for a in weapons.values()] == ["معدات عسكرية"]


def test_a_definite_kind_noun_is_the_weapon_of_that_kind_named_last() -> None:
    # "Egypt received the submarine (S-42) and T-90 tanks from Russia. The submarine that
    # Egypt received is the fourth": the submarine is the S-42, not the tanks named after it
    triples, _ = _read(
        "وتسلمت مصر الغواصة (S-42) ودبابات ت-90 من روسيا. والغواصة التي تسلمتها مصر هي الرابعة."
    )
    received = [t[2] for t in triples if t[1] == "received"]
    assert received.count("S-42") == 2 and "submarine" not in received


def test_the_agent_of_a_passive_verb_is_named_after_bywasita() -> None:
    # "the aircraft were made in Russia by the company «Sokol»": the company made them
    triples, kinds = _read("وصُنعت طائرات ت-50 في روسيا بواسطة شركة «سوكول» للطيران.")
    assert ("Sukul", "manufactures", "T-50", "fact") in triples


def test_reaching_up_to_an_amount_is_no_arrival() -> None:
    # "Egypt asked for up to 50 fighters", "a deal worth up to 2 billion dollars"
    for sentence in (
        "وطلبت مصر ما يصل إلى 50 مقاتلة من روسيا.",
        "ووقعت مصر صفقة مع روسيا تصل قيمتها إلى ملياري دولار.",
    ):
        triples, _ = _read(sentence)
        assert not [t for t in triples if t[1] == "visited"]
    # an arrival is still one: "the Egyptian minister arrived in Moscow"
    triples, _ = _read("ووصل وزير الدفاع المصري إلى روسيا أمس.")
    assert [t[1] for t in triples if t[1] == "visited"] == ["visited"]


def test_a_designations_letters_are_kept_whole() -> None:
    # letter names with a dot between them (Sukhoi's S.U), a slash between Latin letters, a
    # J spelled «جيه» or «جاي», and China's fighters after the one letter «جي»
    _, kinds = _read("واشترت مصر مقاتلات إس.يو-30 وطائرات F/A-18 ومقاتلات جيه إف-17 وطائرات جي-10.")
    assert {"Su-30", "F/A-18", "JF-17", "J-10"} <= {n for n, k in kinds.items() if k == "weapon_system"}
    # several letters before a number keep their G («جي بي يو»: GBU)
    _, kinds = _read("واشترت مصر قنابل جي بي يو-39 من روسيا.")
    assert "GBU-39" in kinds


def test_a_weapon_told_by_its_kinds_phrase_is_the_model_of_that_kind_named_before() -> None:
    # "Egypt bought T-90 tanks and Su-35 fighters ... Russia will supply Egypt with advanced fighter
    # aircraft next year": the fighters are the Su-35, not the tanks
    triples, _ = _read(
        "واشترت مصر دبابات ت-90 ومقاتلات سو-35 من روسيا. وستزود روسيا مصر بطائرات مقاتلة متقدمة العام المقبل."
    )
    assert ("Russia", "supplies", "Su-35", "planned") in triples


def test_a_quoted_name_after_a_weapons_phrase_is_a_weapon() -> None:
    # "Egypt received the modern Russian air defence system «Tor»": the adjectives of the
    # system's phrase stand between its noun and its name
    triples, kinds = _read('وتسلمت مصر منظومة الدفاع الجوي الروسية الحديثة "طور" من روسيا.')
    assert kinds.get("Tur") == "weapon_system"
    assert ("Egypt", "received", "Tur", "fact") in triples


def test_what_is_described_by_its_kind_before_the_verb_is_the_weapon_of_that_kind() -> None:
    # "... the tanks T-90 and the fighters Su-35. This kind of tank is considered the most
    # modern": the tank described is the T-90, not the fighter named last
    triples, _ = _read(
        "وتسلمت مصر دبابات ت-90 ومقاتلات سو-35 من روسيا. وقال البيان إن هذا النوع من الدبابات يعتبر الأحدث."
    )
    assert ("T-90", "described_as", None, "fact") in triples


_OWNED_BEFORE = "وتسلمت مصر دبابات ت-90 من روسيا. وتملك مصر مقاتلات سو-35 منذ عامين. "


def _deal_names(sentence: str) -> list[str]:
    return [n for n, k in _read(_OWNED_BEFORE + sentence)[1].items() if k == "agreement"]


def test_a_deal_of_goods_told_again_by_their_definite_kind_is_named_by_the_model() -> None:
    # "... Egypt owns Su-35 fighters. Egypt bought the new fighters from Russia; the deal's
    # worth ...": the definite kind re-tells the Su-35 the story named, the deal is named by it
    assert _deal_names("واشترت مصر المقاتلات الجديدة من روسيا. وبلغت قيمة الصفقة ملياري دولار.") == [
        "Egypt-Russia Su-35 deal"
    ]
    # "... bought 20 fighters of this model": the clause points back at the model
    assert _deal_names("واشترت مصر 20 مقاتلة من هذا الطراز من روسيا. وبلغت قيمة الصفقة ملياري دولار.") == [
        "Egypt-Russia Su-35 deal"
    ]


def test_a_deal_of_an_indefinite_count_of_a_kind_keeps_the_kind() -> None:
    # "... bought 20 fighters": new items, not said to be the model named before
    assert _deal_names("واشترت مصر 20 مقاتلة من روسيا. وبلغت قيمة الصفقة ملياري دولار.") == [
        "Egypt-Russia fighter deal"
    ]


def test_a_word_after_min_tiraz_names_the_model() -> None:
    # "Egypt bought submarines of the model Kilo from Russia": the word after «من طراز» is the
    # model's name, though no glossary lists it; the purchase is of the model
    triples, kinds = _read("واشترت مصر من روسيا غواصات من طراز كيلو العام الماضي.")
    assert kinds.get("Kilo") == "weapon_system"
    assert ("Egypt", "purchased", "Kilo", "fact") in triples
    # "of the upgraded model", "of this model": no name follows
    for sentence in (
        "واشترت مصر من روسيا مقاتلات من الطراز المطور.",
        "واشترت مصر من روسيا مقاتلات من هذا الطراز.",
    ):
        _, kinds = _read(sentence)
        assert [n for n, k in kinds.items() if k == "weapon_system"] == ["fighters"]


def test_a_quoted_name_after_the_words_of_agency_is_the_maker() -> None:
    # "Egypt received T-90 tanks. The tanks were made in Russia by «Karta Nova»": the name
    # after «بواسطة» is who made them (a body), not the place named before it
    triples, kinds = _read("وتسلمت مصر دبابات ت-90. وصُنعت الدبابات في روسيا بواسطة “كارتا نوفا”.")
    makers = [t[0] for t in triples if t[1] == "manufactures"]
    assert makers and makers[0] != "Russia" and kinds.get(makers[0]) == "organization"


def test_concluding_told_by_its_verbal_noun_is_signing() -> None:
    # "Egypt confirmed the conclusion of a contract with Russia for Su-35 fighters": «إبرام», the
    # verbal noun of «أبرم», tells the signing as the verb does
    triples, _ = _read("وأكدت مصر إبرام عقد مع روسيا لشراء مقاتلات سو-35 الشهر الماضي.")
    assert ("Egypt", "signed", "Egypt-Russia Su-35 contract") in [t[:3] for t in triples]


def test_seeking_requesting_or_needing_a_purchase_is_seeking_to_acquire() -> None:
    # "Egypt seeks to buy", "at Egypt's request to obtain", "Egypt needs helicopters",
    # "Egypt's wish to contract to buy": an acquisition wanted, not a purchase made
    for sentence in (
        "وتسعى مصر لشراء مقاتلات سو-35 من روسيا.",
        "وجاءت الزيارة بطلب مصر الحصول على مقاتلات سو-35 من روسيا.",
        "وقال الوزير إن مصر تحتاج إلى مقاتلات سو-35 حديثة.",
        "وأكد الوزير رغبة مصر في التعاقد مع روسيا لشراء مقاتلات سو-35.",
    ):
        triples, _ = _read(sentence)
        assert ("Egypt", "seeks_to_acquire", "Su-35") in [t[:3] for t in triples], sentence
        assert not [t for t in triples if t[1] == "purchased"], sentence


def test_a_deal_sought_is_named_by_its_buyer_seller_and_goods() -> None:
    # "Egypt seeks to buy Su-35 fighters from Russia ... the deal's worth": the deal told
    # after the seeking is the one sought, its parties and goods from it
    _, kinds = _read("وتسعى مصر لشراء مقاتلات سو-35 من روسيا. وتبلغ قيمة الصفقة ملياري دولار.")
    assert [n for n, k in kinds.items() if k == "agreement"] == ["Egypt-Russia Su-35 deal"]


def test_a_state_that_ordered_a_purchase_bought() -> None:
    # "Egypt ordered the purchase of 42 Su-35 fighters": the verb «طلبت» places an order, a
    # purchase, where the noun «بطلب» is a request
    triples, _ = _read("وقالت الوزيرة إن مصر طلبت شراء 42 مقاتلة سو-35 من روسيا.")
    assert ("Egypt", "purchased", "Su-35") in [t[:3] for t in triples]


def test_ships_launchers_and_radars_are_weapons_a_deal_includes() -> None:
    # "Egypt signed a contract with Russia that includes two cruisers, a support ship and
    # radars": each kind's noun is an item of the deal, as «فرقاطات» and «دبابات» are
    triples, kinds = _read("ووقعت مصر عقدا مع روسيا يشمل طرادين وسفينة إمداد ورادارات ساحلية.")
    weapons = {n for n, k in kinds.items() if k == "weapon_system"}
    included = {t[2] for t in triples if t[1] == "includes"}
    assert len(weapons) == 3 and weapons <= included
    # "launchers of rockets", "destroyers": likewise
    _, kinds = _read("ووقعت مصر عقدا مع روسيا لشراء قاذفات صواريخ ومدمرات.")
    assert len([n for n, k in kinds.items() if k == "weapon_system"]) == 2


def _met(sentence: str) -> list[tuple[str | None, str | None, str]]:
    triples, _ = _read(sentence)
    return [(s, o, m) for s, p, o, m in triples if p == "met"]


def test_talks_held_with_a_person_are_a_meeting() -> None:
    # "The Egyptian minister said during his talks with the Iraqi minister that the two states
    # will sign": the talks, a noun, held with a person after «مع», are a meeting of the two
    met = _met(
        "وقال وزير الدفاع المصري كمال حسن خلال محادثاته مع وزير الدفاع العراقي سامي ناصر إن البلدين سيوقعان اتفاقا."
    )
    assert len(met) == 1 and met[0][2] == "fact"
    assert met[0][0].startswith("Kamal") and met[0][1].startswith("Sami")
    # "... held talks with the Iraqi minister, with a clause between": the same
    met = _met(
        "وأجرى وزير الدفاع المصري كمال حسن الذي يزور بغداد حاليا مباحثات مع وزير الدفاع العراقي سامي ناصر."
    )
    assert [(s[:5], o[:4]) for s, o, _ in met] == [("Kamal", "Sami")]
    # "will discuss with ...": a meeting planned
    met = _met("وسيبحث وزير الدفاع المصري كمال حسن مع وزير الدفاع العراقي سامي ناصر التعاون العسكري.")
    assert [m for _, _, m in met] == ["planned"]
    # «مع» far from the verb, a date and a title between: the same
    met = _met(
        "وبحث وزير الدفاع المصري كمال حسن، الإثنين 20 نوفمبر 2017، مع قائد القوات الجوية الروسية،"
        " الفريق أندريه فولكوف، تعزيز التعاون الدفاعي."
    )
    # (the counterpart is «أندريه فولكوف», Andrei Volkov, however the English is spelled)
    assert [(s[:5], o[:3]) for s, o, _ in met] == [("Kamal", "And")]
    # talks with a state: no meeting of people
    assert _met("وأجرى وزير الدفاع المصري كمال حسن محادثات مع روسيا لشراء مقاتلات.") == []


def test_a_datelines_agency_in_brackets_is_the_articles_via() -> None:
    # "Cairo, 3 May (Reuters): Egypt signed ...": the agency in brackets after the dateline is
    # where the article's narration comes from, as «القاهرة - رويترز» on a line of its own
    reuters = {"id": "reuters", "type": "organization", "name": "Reuters", "name_ar": "رويترز", "aliases": []}
    text = "عنوان\nالقاهرة، 3 مايو (رويترز): وقعت مصر عقدا مع روسيا لشراء مقاتلات.\n"
    draft = draft_article(text, [*(dict(e) for e in ENTITIES), reuters], published=ANCHOR)
    assert draft.claims and {c["via"] for c in draft.claims} == {"reuters"}
    # at the foot of the text, credited in English alone ("EFE"): the bracket spells it in
    # Arabic, and that agency is the via
    text = "عنوان\nوقعت مصر عقدا مع روسيا لشراء مقاتلات.\nوقالت مصر إن المقاتلات ستصل العام المقبل.(إفي)\n"
    draft = draft_article(text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["EFE"])
    efe = [e for e in draft.entities if e["name"] == "EFE"]
    assert efe and efe[0]["name_ar"] == "إفي"
    assert {c["via"] for c in draft.claims} == {efe[0]["id"]}
    # a year in brackets closing the text is no agency
    text = "عنوان\nوقعت مصر عقدا مع روسيا لشراء مقاتلات.\nوقالت مصر إن المقاتلات ستصل العام المقبل (2020)\n"
    draft = draft_article(text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["EFE"])
    assert draft.claims and {c["via"] for c in draft.claims} == {None}


def test_an_agency_named_after_wafq_or_opening_the_text_is_the_via() -> None:
    # "..., according to (وفق) the Reuters agency": as «وفقا» credits it
    reuters = {"id": "reuters", "type": "organization", "name": "Reuters", "name_ar": "رويترز", "aliases": []}
    text = "عنوان\nوقعت مصر عقدا مع روسيا لشراء مقاتلات، وفق وكالة رويترز.\n"
    draft = draft_article(text, [*(dict(e) for e in ENTITIES), reuters], published=ANCHOR)
    assert draft.claims and {c["via"] for c in draft.claims} == {"reuters"}
    # "Naba – Egypt is preparing to buy ...": a credited medium opens the text, a dash after it
    text = "عنوان\nنبأ – تستعد مصر لشراء مقاتلات من روسيا.\nوقالت مصر إن المقاتلات ستصل العام المقبل.\n"
    draft = draft_article(text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["Naba (نبأ)"])
    naba = [e["id"] for e in draft.entities if e["name"] == "Naba"]
    assert naba and draft.claims and {c["via"] for c in draft.claims} == set(naba)


def test_a_medium_credited_in_english_alone_takes_that_name() -> None:
    # "The American site «Daily Caller» said ...", credited as "Daily Caller": the site the
    # text names in Arabic letters is the one credited, named as the credit spells it
    text = 'عنوان\nقال موقع "ديلي كولار" الأمريكي إن مصر وقعت عقدا مع روسيا لشراء مقاتلات.\n'
    draft = draft_article(text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["Daily Caller"])
    site = [e for e in draft.entities if e["name_ar"] == "ديلي كولار"]
    assert site and site[0]["name"] == "Daily Caller"
    # a credit that spells another name leaves the site's own
    draft = draft_article(text, [dict(e) for e in ENTITIES], published=ANCHOR, credited=["Reuters"])
    site = [e for e in draft.entities if e["name_ar"] == "ديلي كولار"]
    assert site and site[0]["name"] != "Reuters"


def _worths(sentence: str) -> list[tuple[float, str]]:
    draft = draft_article(f"عنوان\n{sentence}\n", [dict(e) for e in STATES], published=ANCHOR)
    return [(c["value"]["amount"], c["value"]["unit"]) for c in draft.claims if c.get("value")]


def test_a_figure_with_a_proclitic_or_a_part_added_after_wa_is_read_whole() -> None:
    # "worth a billion and 89 million euros", "about six billion and 500 million dollars",
    # "a billion and 400 thousand": the part after «و» adds to the figure
    assert _worths("ووقعت مصر عقدا مع روسيا بقيمة مليار و89 مليون يورو.") == [(1_089_000_000, "EUR")]
    assert _worths("وتبلغ قيمة الصفقة حوالي ستة مليارات و500 مليون دولار.") == [(6_500_000_000, "USD")]
    assert _worths("ووقعت مصر صفقة مع روسيا بقيمة مليار و400 ألف دولار.") == [(1_000_400_000, "USD")]
    # "estimated at (بـ) 23 billion", "at (بـ) seven billion": the figure behind its «ب»
    assert _worths("ووقعت مصر صفقة مع روسيا تقدر قيمتها بـ23 مليار دولار.") == [(23_000_000_000, "USD")]
    assert _worths("ووقعت مصر عقدا مع روسيا قدرت قيمته بسبعة مليارات دولار.") == [(7_000_000_000, "USD")]


def _seekers(sentence: str) -> list[str | None]:
    triples, _ = _read(sentence)
    return [s for s, p, _, _ in triples if p == "seeks_to_acquire"]


def test_his_country_with_no_state_in_its_sentence_is_the_state_of_his_office() -> None:
    # "... a letter the Egyptian prime minister Ahmed Salem sent to the Russian president. The
    # prime minister said his country (بلاده) needs modern fighters": the office named again
    # by its title alone is the Egyptian one; its state is «بلاده»
    assert _seekers(
        "وكشفت صحيفة روسية عن رسالة بعث بها رئيس الوزراء المصري أحمد سالم إلى الرئيس الروسي"
        " فلاديمير بوتين. وقال رئيس الوزراء بأن بلاده تحتاج إلى مقاتلات حديثة."
    ) == ["Egypt"]
    # "... Ahmed Salem said ... He stressed that his country needs ...": the one who spoke
    assert _seekers(
        "وقال رئيس الوزراء المصري أحمد سالم إن الحكومة ستوقع عقدا. وأكد أن بلاده تحتاج إلى مقاتلات حديثة."
    ) == ["Egypt"]


def test_attending_is_told_by_hadara_and_by_the_presence_of() -> None:
    # "The Egyptian minister attended the handover ceremony": «حضر» is attending
    triples, _ = _read("وحضر وزير الدفاع المصري كمال حسن مراسم تسليم المقاتلات في القاهرة.")
    assert [t[1] for t in triples if t[0] and t[0].startswith("Kamal")].count("attends") == 1
    # "Egypt signed the contract in the presence of (بحضور) the minister": he attended,
    # named after «بحضور»; Egypt signed
    triples, _ = _read("ووقعت مصر العقد بحضور وزير الدفاع المصري كمال حسن.")
    attending = [t[0] for t in triples if t[1] == "attends"]
    assert len(attending) == 1 and attending[0].startswith("Kamal")
    assert ("Egypt", "signed") in [t[:2] for t in triples]


def test_a_bare_number_that_counts_is_no_year() -> None:
    # Outside the years news tells of, or followed by «من»: a count, not a year.
    assert _dates("وتخطط البحرية لبناء 3120 من السفن") == []
    assert _dates("وشارك في المعرض أكثر من 1375 شركة") == []
    assert _dates("وانضم 2000 من المتطوعين إلى الجيش") == []
    # A year's word or a word of time keeps a year a year.
    assert _dates("وبنيت القلعة عام 1350") == [("1350-01-01", "1350-12-31")]
    assert _dates("ويعمل المصنع منذ 2016 من أجل الجيش") == [("2016-01-01", "2016-12-31")]
    assert _dates("وتسلمت مصر الدفعة في 2017") == [("2017-01-01", "2017-12-31")]


def test_the_period_a_plan_covers_is_not_the_date_of_the_act() -> None:
    assert _dates("ووافق الطرفان على برنامج للفترة من 2027 إلى 2031") == []
    assert _dates("واعتمد الجانبان خطة تشمل العام القادم") == []
    assert _dates("واعتمد الجانبان الخطة العام القادم") == [("2020-01-01", "2020-12-31")]


def test_a_span_told_by_its_two_ends_runs_from_the_first_to_the_last() -> None:
    assert _dates("وتسلم الجيش الدبابات بين عامي 2014 و2016") == [("2014-01-01", "2016-12-31")]
    assert _dates("وجرت المناورات بين 4 و9 مارس 2018") == [("2018-03-04", "2018-03-09")]
    # «الماضيين»: each end is a month past (published 2019-05-03).
    assert _dates("وأجرت البحرية تدريبات ما بين يناير ومارس الماضيين") == [("2019-01-01", "2019-03-31")]
    # «بين» between two sides is no span.
    assert _dates("وتعززت العلاقات بين مصر وروسيا عام 2017") == [("2017-01-01", "2017-12-31")]


def test_a_year_after_a_plans_period_is_the_period_too() -> None:
    assert _dates("واعتمد الجانبان خطة تشمل العام القادم 2020 لتنفيذ الاتفاق") == []


def _events(text: str) -> list[str]:
    drafted = draft_article(text, [dict(e) for e in ENTITIES], published=ANCHOR)
    return [e["name_ar"] for e in drafted.entities if e["type"] == "event"]


def test_an_events_name_ends_at_its_definite_genitive_or_its_year() -> None:
    # What follows a definite genitive without the article is no longer the name.
    assert _events("ووصل الوزير إلى مصر لحضور معرض الطيران الدولي كضيف شرف.") == ["معرض الطيران الدولي"]
    assert _events("وشارك الوفد في معرض البحرية 2019 بالإسكندرية.") == ["معرض البحرية 2019"]


def test_a_weapons_own_name_with_its_number_is_that_model() -> None:
    # "Greece took delivery of tanks «Leopard-2» from Germany": the model with its number,
    # not the family alone, and no date read from «2000-9»
    weapons = _weapons("وتسلمت اليونان دبابات ليوبارد-2 من روسيا.")
    assert "Leopard 2" in weapons and "Leopard" not in weapons
    assert "ليوبارد-2" in weapons["Leopard 2"]
    # a variant's letter named after the number («إي 4»: A4)
    weapons = _weapons("وتسلمت اليونان دبابات ليوبارد-2 إي 4 من روسيا.")
    assert list(weapons) == ["Leopard 2A4"]
    draft = draft_article(
        "عنوان\nوتسلمت مصر مقاتلات ميراج 2000-9 من روسيا.\n", [dict(e) for e in STATES], published=ANCHOR
    )
    assert [e["name"] for e in draft.entities if e["type"] == "weapon_system"] == ["Mirage 2000-9"]
    assert all(c["date"] is None for c in draft.claims)


def test_a_designation_in_brackets_after_a_models_name_is_one_weapon() -> None:
    # "Egypt decided to buy 12 aircraft of the type Sukhoi (Su-35)": one weapon, Sukhoi Su-35
    draft = draft_article(
        "عنوان\nوقررت مصر شراء 12 طائرة من طراز سوخوي (إس.يو-35) من روسيا.\n",
        [dict(e) for e in STATES],
        published=ANCHOR,
    )
    names = {e["id"]: e for e in draft.entities}
    bought = [names[c["object"]] for c in draft.claims if c["predicate"] == "purchased"]
    assert [(w["name"], w["name_ar"]) for w in bought] == [("Sukhoi Su-35", "سوخوي (إس.يو-35)")]
    assert "إس.يو-35" in bought[0]["aliases"]
    # a kind's noun before the brackets: the designation is the model alone
    assert "A-9" in _weapons("وتسلمت مصر صواريخ (إيه-9) من روسيا.")


def test_latin_letters_and_a_number_run_together_after_a_weapons_noun_are_a_model() -> None:
    # "Egypt received the K7B1 gun and CV70 vehicles": models; a summit «G20» is none
    weapons = _weapons("وتسلمت مصر مدفع K7B1 ومركبات CV70 من روسيا.")
    assert {"K7B1", "CV70"} <= set(weapons)
    assert "مدفع K7B1" in weapons["K7B1"]
    assert _weapons("وشاركت مصر في قمة G20 في روسيا.") == {}


def test_a_designation_and_the_models_name_quoted_after_it_are_one_weapon() -> None:
    # "Egypt received fighters KF-30 «Tarami»": one model, its designation one of its names
    weapons = _weapons("وتسلمت مصر مقاتلات KF-30 “تارامي” من روسيا.")
    assert list(weapons) == ["KF-30 Tarami"]
    assert {"KF-30 “تارامي”", "KF-30"} <= set(weapons["KF-30 Tarami"])


def test_a_model_told_by_its_project_or_type_number_is_a_model() -> None:
    # "a Varshavyanka submarine, project 777": the model's project closes its name
    weapons = _weapons("وتسلمت مصر غواصة فارشافيانكا مشروع 777 من روسيا.")
    assert list(weapons) == ["Varshavyanka Project 777"]
    assert "غواصة فارشافيانكا مشروع 777" in weapons["Varshavyanka Project 777"]
    # a project's number and its letters' names after a weapon's noun alone
    weapons = _weapons("وتسلمت مصر غواصة مشروع 555 إي كا أم من روسيا.")
    (project,) = [n for n in weapons if n.startswith("Project 555")]
    assert "غواصة مشروع 555 إي كا أم" in weapons[project] and project.endswith("KM")
    # a type's number, two joined by a slash, quoted or not, and a Latin «Type»
    assert "Type 1300/208" in _weapons('وتسلمت مصر غواصات من طراز "1300 / 208" من ألمانيا.')
    assert "Type 054B" in _weapons("وتسلمت مصر المدمرة Type 054B من روسيا.")
    # a project of no weapon is no model
    assert _weapons("وأعلنت مصر عن مشروع 2030 للتنمية.") == {}


def test_a_variants_letters_after_a_designation_are_the_models() -> None:
    # "Egypt received F-15 A/B fighters", "the tank (M2 A3 K)": one model with its variant
    assert list(_weapons("وتسلمت مصر مقاتلات اف-15 ايه/ب من روسيا.")) == ["F-15A/B"]
    weapons = _weapons("وتسلمت مصر الدبابة (ام2 اي3 كي) من روسيا.")
    assert "M-2A3K" in weapons and not [n for n in weapons if n.startswith("A-")]
    # a word of grammar after the designation is no variant («في», «أي ما يعادل»)
    assert "F-15" in _weapons("وتسلمت مصر مقاتلات إف-15 في العام الماضي.")
    assert "F-15" in _weapons("وتسلمت مصر طائرات إف-15 أي ما يعادل سربا.")


def test_a_designation_before_a_weapons_own_name_is_that_weapon() -> None:
    # "Poland received K239 Chunmoo launchers": the glossary's Chunmoo, not a model of its own
    weapons = _weapons("وتسلمت بولندا راجمات كيه 239 تشونمو من روسيا.")
    assert list(weapons) == ["Chunmoo"]
    assert {"كيه 239 تشونمو", "كيه 239"} <= set(weapons["Chunmoo"])
    # a designation before a word that names no weapon stays a model of its own
    assert "K-239" in _weapons("وتسلمت بولندا راجمات كيه 239 حديثة من روسيا.")


def test_a_quoted_model_is_named_too_with_the_whole_phrase_of_its_noun() -> None:
    # "Egypt bought the Korean tactical ballistic missile «KTM-190»": the reader's name for it
    weapons = _weapons("واشترت مصر الصاروخ الباليستي التكتيكي الكوري “KTM-190” من روسيا.")
    assert "الصاروخ الباليستي التكتيكي الكوري KTM-190" in weapons["KTM-190"]
    # unquoted, adjectives between the noun and the model name it only before «من طراز»
    weapons = _weapons("واشترت مصر الصاروخ الباليستي التكتيكي الكوري KTM-190 من روسيا.")
    assert "الصاروخ الباليستي التكتيكي الكوري KTM-190" not in weapons["KTM-190"]


def test_a_deal_of_arms_in_general_is_named_by_its_worth_a_deal_of_a_model_is_not() -> None:
    _, kinds = _read(
        "وقعت مصر صفقة تسليح قيمتها ثلاثة مليارات دولار، وستحصل بموجبها القاهرة على أسلحة ومعدات عسكرية."
    )
    deals = [name for name, kind in kinds.items() if kind == "agreement"]
    assert len(deals) == 1 and deals[0].endswith("(3 billion dollars)")
    _, kinds = _read("وقعت مصر صفقة قيمتها ثلاثة مليارات دولار لشراء طائرات رافال.")
    deals = [name for name, kind in kinds.items() if kind == "agreement"]
    assert len(deals) == 1 and "billion" not in deals[0]


def test_a_signing_announced_is_both_signed_and_announced_by_the_state() -> None:
    for sentence in ("وأعلنت مصر الأحد توقيع اتفاقية مع روسيا.", "وأعلنت مصر عن إبرام صفقة مع روسيا."):
        triples, _ = _read(sentence)
        acts = {(t[0], t[1]) for t in triples}
        assert {("Egypt", "signed"), ("Egypt", "announced")} <= acts, sentence
    # «أن» between: a report of what she expects, no announcement of a signing
    triples, _ = _read("وأعلنت مصر أنها تتوقع إبرام اتفاقية مع روسيا.")
    assert not [t for t in triples if t[1] == "announced"]


def test_a_worth_of_a_trade_no_deal_named_is_the_worth_of_the_deal_the_trade_makes() -> None:
    triples, kinds = _read("وستشتري مصر 20 طائرة مقاتلة من طراز رافال من فرنسا تبلغ قيمتها 4 مليارات دولار.")
    priced = [t[0] for t in triples if t[1] == "contract_value"]
    assert len(priced) == 1 and priced[0] is not None and kinds.get(priced[0]) == "agreement"
    assert "Egypt" in priced[0] and "France" in priced[0] and "Rafale" in priced[0]
    # a worth told of no trade and no deal: no deal to give it
    triples, kinds = _read("وتبلغ قيمتها 4 مليارات دولار.")
    assert "agreement" not in kinds.values()


def test_capabilities_to_build_are_what_a_deal_is_for_not_praise() -> None:
    triples, _ = _read("وقالت مصر إن الصفقة ستسهم في تعزيز قدرات جيشها.")
    assert not [t for t in triples if t[1] == "praised"]
    assert [t for t in triples if t[1] == "described_as" and t[0] and t[0].endswith("deal")]
    # appreciation is still praise
    triples, _ = _read("وأعربت مصر عن تقديرها لروسيا.")
    assert ("Egypt", "praised", "Russia", "fact") in triples


def test_a_deal_estimated_at_a_sum_has_that_worth() -> None:
    draft = draft_article(
        "عنوان\nووقعت مصر اتفاقا مع روسيا قدر بثلاثة مليارات دولار.\n",
        [dict(e) for e in STATES],
        published=ANCHOR,
    )
    worth = [c["value"] for c in draft.claims if c["predicate"] == "contract_value"]
    assert worth == [{"amount": 3000000000, "unit": "USD"}]
    # The estimating verb before the worth is the figure's, no praise or description of its own.
    for line, amount in (
        ("ووقعت مصر عقدا مع روسيا قدرت قيمته بسبعة مليارات دولار.", 7000000000),
        ("ووقعت مصر صفقة مع روسيا تقدر قيمتها بـ23 مليار دولار.", 23000000000),
    ):
        draft = draft_article(f"عنوان\n{line}\n", [dict(e) for e in STATES], published=ANCHOR)
        predicates = [c["predicate"] for c in draft.claims]
        assert "praised" not in predicates and "described_as" not in predicates, (line, predicates)
        worth = [c["value"] for c in draft.claims if c["predicate"] == "contract_value"]
        assert worth == [{"amount": amount, "unit": "USD"}], line


def test_what_a_deal_or_a_weapon_is_for_describes_it() -> None:
    triples, _ = _read("ووقعت مصر الصفقة بهدف تحديث أسطولها.")
    assert [t for t in triples if t[1] == "described_as" and t[0] and t[0].endswith("deal")]
    triples, _ = _read("وقالت مصر إن الصواريخ ستعزز قوة الردع.")
    assert [t[1] for t in triples] == ["described_as"]


def test_a_deal_named_by_its_noun_alone_keeps_the_noun_whole() -> None:
    # «بيع» begins with a letter that could be a preposition: its stem is too short to cut
    draft = draft_article(
        "عنوان\nووافقت روسيا على بيع صواريخ إس-300 لمصر.\n", [dict(e) for e in STATES], published=ANCHOR
    )
    names = [e["name_ar"] for e in draft.entities if e["type"] == "agreement"]
    assert len(names) == 1 and names[0].startswith("بيع ")
    # a deal noun's conjunction, preposition and article are cut («بالصفقة» -> «صفقة»)
    draft = draft_article(
        "عنوان\nووقعت مصر وروسيا بالصفقة، وهي لشراء صواريخ.\n", [dict(e) for e in STATES], published=ANCHOR
    )
    names = [e["name_ar"] for e in draft.entities if e["type"] == "agreement"]
    assert len(names) == 1 and names[0].startswith("صفقة ")


def test_each_side_of_a_deal_signed_it_where_the_text_gives_the_signing_to_both() -> None:
    # «الجانبان» stands for both sides of the deal: each signed it, as readers tell a signing
    text = "وتبحث مصر مع روسيا صفقة شراء مقاتلات سو-35. ووقع الجانبان الصفقة في القاهرة."
    triples, _ = _read(text)
    signers = sorted(t[0] for t in triples if t[1] == "signed")
    assert signers == ["Egypt", "Russia"]
    # a signing given to the buyer alone: the seller is no signer
    triples, _ = _read("وقعت مصر عقدا لشراء 24 مقاتلة سو-35 من روسيا.")
    assert [t[0] for t in triples if t[1] == "signed"] == ["Egypt"]


def test_preparing_or_meaning_to_buy_is_seeking_not_buying() -> None:
    # a purchase not yet decided: the buyer seeks the weapon
    for sentence in (
        "وتستعد مصر لشراء منظومات إس-300 من روسيا.",
        "وأعربت مصر عن نيتها شراء منظومات إس-300 من روسيا.",
        "وقالت مصر إنها مهتمة بشراء منظومات إس-300 من روسيا.",
    ):
        triples, _ = _read(sentence)
        assert ("Egypt", "seeks_to_acquire") in [t[:2] for t in triples if t[2] == "S-300"], sentence
        assert "purchased" not in [t[1] for t in triples], sentence


def test_a_designations_block_is_part_of_the_model() -> None:
    # «Block 70», «بلوك 3 ايه»: the model's version, named with it (a word after it is not)
    _, kinds = _read("طلبت مصر شراء 10 طائرات من طراز F-16C Block 70 من الولايات المتحدة.")
    assert kinds.get("F-16C Block 70") == "weapon_system"
    _, kinds = _read("وافقت الخارجية على بيع صواريخ إس إم- 2 بلوك 3 ايه لمصر.")
    assert kinds.get("SM-2 Block 3A") == "weapon_system"


def test_what_a_state_received_from_another_the_other_delivered() -> None:
    # a handover has two sides: the one it was received from (من) delivered it
    triples, _ = _read("وتسلمت مصر الأسبوع الماضي ست مقاتلات ميغ-29 من روسيا.")
    assert ("Egypt", "received", "MiG-29", "fact") in triples
    assert ("Russia", "delivered", "MiG-29", "fact") in triples
    # received with no one named it came from: no delivery proposed
    triples, _ = _read("وتسلمت مصر الأسبوع الماضي ست مقاتلات ميغ-29.")
    assert not [t for t in triples if t[1] == "delivered"]


def test_any_word_of_wishing_before_any_noun_of_obtaining_is_seeking() -> None:
    # a wish told by a verb or by its noun, before buying, acquiring, getting or owning: sought
    for sentence in (
        "وأكد المصدر ذلك برغبة القوات الجوية المصرية في شراء مقاتلات ميغ-29.",
        "وترغب مصر في اقتناء مقاتلات ميغ-29 من روسيا.",
        "وتطمح مصر لامتلاك مقاتلات ميغ-29.",
        "وتأمل مصر في الحصول على مقاتلات ميغ-29.",
    ):
        triples, _ = _read(sentence)
        assert [t[1] for t in triples if t[2] == "MiG-29"] == ["seeks_to_acquire"], sentence
    # an order placed, told by the verb of requesting, stays a purchase
    triples, _ = _read("وطلبت مصر شراء مقاتلات ميغ-29 من روسيا.")
    assert ("Egypt", "purchased") in [t[:2] for t in triples]


def test_a_variants_letters_joined_by_dots_are_part_of_the_model() -> None:
    # «إم.كيه.إيه»: a Latin acronym written letter name by letter name, dots between
    triples, kinds = _read("وتسلمت مصر مقاتلات سو-30 إم.كيه.إيه من روسيا.")
    assert ("Egypt", "received", "Su-30MKA", "fact") in triples
    # quoted whole, the designation and its variant are one model's name
    _, kinds = _read('وقعت روسيا ومصر عقدا لتسليم ست مقاتلات من طراز "ميغ-29 إم.إم".')
    assert kinds.get("MiG-29MM") == "weapon_system"
    # a word of grammar after the dot is no letter: the designation alone
    triples, _ = _read("وتسلمت مصر مقاتلات سو-30 في.أي من روسيا.")
    assert ("Egypt", "received", "Su-30", "fact") in triples


def test_a_latin_designations_own_name_after_it_is_part_of_the_model() -> None:
    # «AH-64 Apache», «JF-17 Thunder Block III»: the model's own name, then its block
    triples, _ = _read("وتسلمت مصر مروحيات AH-64 Apache من الولايات المتحدة.")
    assert ("Egypt", "received", "AH-64 Apache", "fact") in triples
    _, kinds = _read("ويرغب العراق في شراء مقاتلات JF-17 Thunder Block III من باكستان.")
    assert kinds.get("JF-17 Thunder Block III") == "weapon_system"
    # an Arabic word after it is no Latin name: the designation alone
    triples, _ = _read("وتسلمت مصر مقاتلات F-16 أمس من الولايات المتحدة.")
    assert ("Egypt", "received", "F-16", "fact") in triples


def test_weapons_or_a_consignment_arriving_are_received_where_they_arrive() -> None:
    # what arrives is a weapon or a consignment, after the verb or before it: goods received,
    # the place after «إلى» the receiver
    for sentence in (
        "ووصلت مقاتلات ميغ-29 إلى مصر الأسبوع الماضي.",
        "ومن المنتظر أن تصل الدفعة الثانية من مقاتلات ميغ-29 إلى مصر.",
        "وكانت مقاتلات ميغ-29 التي وصلت إلى مصر قد حلقت فوق القاهرة.",
    ):
        triples, _ = _read(sentence)
        assert ("Egypt", "received", "MiG-29") in [t[:3] for t in triples], sentence
        assert not [t for t in triples if t[1] == "visited"], sentence
    # a person arriving is a visit still
    triples, _ = _read("ووصل وزير الدفاع الروسي إلى القاهرة أمس.")
    assert "received" not in [t[1] for t in triples]


def test_a_worth_in_millions_or_billions_told_by_the_broken_plural_is_read() -> None:
    # «ملايين», «بلايين»: the plural of a scale word, as «مليارات» is of «مليار»
    for sentence, amount in (
        ("وبلغت قيمة الصفقة 350 ملايين دولار بحسب الوزارة.", 350_000_000),
        ("وقدرت قيمة العقد بثلاثة بلايين دولار.", 3_000_000_000),
    ):
        draft = draft_article(f"عنوان\n{sentence}\n", [dict(e) for e in STATES], published=ANCHOR)
        values = [c["value"] for c in draft.claims if c["predicate"] == "contract_value"]
        assert values == [{"amount": amount, "unit": "USD"}], sentence


def test_trying_to_obtain_a_weapon_is_seeking_it() -> None:
    # «تحاول»، «حاولت»، «محاولة» before a noun of obtaining: sought, nothing bought yet
    for sentence in (
        "وتحاول مصر الحصول على مقاتلات ميغ-29 من روسيا.",
        "وحاولت مصر شراء مقاتلات ميغ-29 من روسيا.",
    ):
        triples, _ = _read(sentence)
        assert [t[1] for t in triples if t[2] == "MiG-29"] == ["seeks_to_acquire"], sentence


def test_a_conjunction_written_onto_a_latin_designation_is_no_part_of_it() -> None:
    # «وJF-17»: the «و» of a list written onto the next model's Latin letters
    _, kinds = _read("وتسلمت باكستان مقاتلات F-16 وJF-17 من الصين.")
    assert kinds.get("JF-17") == "weapon_system"


def test_negotiating_to_obtain_by_any_verb_or_noun_of_talks_is_no_purchase() -> None:
    # "Egypt is also negotiating (form VI) to buy twelve aircraft", "Egypt held long talks
    # aiming to buy fighters", "Greece entered no talks to acquire them": talks about
    # obtaining, not a purchase made (each sentence drafts a purchase without the rule)
    for sentence in (
        "وتتفاوض مصر أيضا على شراء 12 طائرة من الطراز ذاته.",
        "وأجرت مصر محادثات مطولة بهدف شراء مقاتلات حديثة.",
        "ولم تدخل اليونان مفاوضات علنية لاقتناء هذه المنظومات.",
    ):
        triples, _ = _read(sentence)
        predicates = {t[1] for t in triples}
        assert "negotiating_purchase" in predicates, sentence
        assert "purchased" not in predicates, sentence


def test_a_weapon_kind_qualified_by_how_it_strikes_or_where_it_serves_is_named_in_english() -> None:
    # "Tunisia bought precision weapons", "the army received guided ammunition and land
    # equipment": the adjectives translated, none romanized
    triples, _ = _read("واشترت تونس أسلحة دقيقة من الولايات المتحدة.")
    assert ("Tunisia", "purchased", "precision weapons", "fact") in triples
    triples, _ = _read("وتسلم الجيش ذخائر موجهة ومعدات برية من فرنسا.")
    assert {t[2] for t in triples} >= {"guided ammunition", "land equipment"}


def test_a_clause_of_no_act_that_ranks_its_thing_among_its_kind_describes_it() -> None:
    # "Morocco, one of the biggest importers of French weapons in Africa": no verb, a
    # superlative: Morocco described
    triples, _ = _read("والمغرب، أحد أكبر مستوردي الأسلحة الفرنسية في أفريقيا.")
    assert ("Morocco", "described_as", None, "fact") in triples
    # "This is the largest order for Rafale jets so far": the deal just told, described
    draft = draft_article(
        "عنوان\nوقعت مصر مع فرنسا صفقة لاقتناء مقاتلات رافال. وهذه أضخم طلبية لمقاتلات رافال حتى الآن.\n",
        [dict(e) for e in STATES],
        published=ANCHOR,
    )
    names = {e["id"]: e["name"] for e in [*STATES, *draft.entities]}
    described = [c for c in draft.claims if c["predicate"] == "described_as"]
    assert [names[c["subject"]] for c in described] == ["Egypt-France Rafale deal"]
    # "more than": a quantity, no rank
    triples, _ = _read("وتنفق الجزائر على التسلح أكثر من نصف ميزانيتها.")
    assert not [t for t in triples if t[1] == "described_as"]
    # "the supreme commander of the Iraqi naval forces", "the senior adviser of the Egyptian
    # land forces": «الأعلى», «الأقدم» after an office's head word are of its title, no rank
    for sentence in (
        "وجلس في المقدمة القائد الأعلى للقوات البحرية العراقية.",
        "وجلس في المقدمة المستشار الأقدم للقوات البرية المصرية.",
    ):
        triples, _ = _read(sentence)
        assert not [t for t in triples if t[1] == "described_as"], sentence


def test_using_or_operating_told_by_the_verbal_noun_is_operating() -> None:
    # "Egypt will take on operating the new frigates", "Algeria will work on using these
    # submarines": the verbal noun of operating or using, no verb of its own
    triples, _ = _read("وستتولى مصر تشغيل الفرقاطات الجديدة.")
    assert ("Egypt", "operates", "new frigates", "planned") in triples
    triples, _ = _read("وستعمل الجزائر على استخدام هذه الغواصات بدلا من القديمة.")
    assert ("Algeria", "operates", "submarines", "planned") in triples


def test_a_verbal_noun_of_using_judged_or_with_nothing_used_is_no_operating() -> None:
    # "Egypt criticised Russia's use of Iskander missiles": criticised, not used by Egypt
    triples, _ = _read("وانتقدت مصر استخدام روسيا صواريخ إسكندر.")
    assert not [t for t in triples if t[1] == "operates"]
    # "Iraq called for halting the use of arms against protesters": a use stopped, of nothing named
    triples, _ = _read("ودعا العراق إلى وقف استخدام السلاح ضد المتظاهرين.")
    assert not [t for t in triples if t[1] == "operates"]
    # "Egypt works on using force", "Iraq keeps running the factories": no weapon used
    for sentence in ("وتعمل مصر على استخدام القوة.", "ويواصل العراق تشغيل المصانع."):
        triples, _ = _read(sentence)
        assert not [t for t in triples if t[1] == "operates"], sentence


def test_a_deal_told_with_the_passive_participle_of_signing_was_signed() -> None:
    # "France is bound by a defence agreement signed with the Emirates in 1995"
    triples, _ = _read("وترتبط فرنسا باتفاق دفاعي موقع مع الإمارات في 1995.")
    assert ("France", "signed") in {(t[0], t[1]) for t in triples}
    # "the concluded contract": «المبرم», the participle of concluding
    triples, _ = _read("وأكدت مصر أن العقد المبرم مع روسيا يشمل مقاتلات.")
    assert "signed" in {t[1] for t in triples}
    # «موقع» before a deal's noun is a site that tells of it, no signing
    triples, _ = _read("ونشر موقع تاكتيكال ريبورت تقريرا عن الصفقة.")
    assert "signed" not in {t[1] for t in triples}


def test_every_word_of_approving_before_every_noun_of_what_is_sold_is_a_sale_approved() -> None:
    # "Congress approved those sales to Morocco last year", "Parliament ratified the handover
    # of the frigates to Egypt": approving (verb or noun) before sales, a handover, an export
    for sentence in (
        "ووافق الكونغرس على تلك المبيعات للمغرب العام الماضي.",
        "وصادق البرلمان الفرنسي على تسليم الفرقاطات إلى مصر.",
    ):
        triples, _ = _read(sentence)
        assert "approved_sale" in {t[1] for t in triples}, sentence


def test_the_date_participle_of_agreeing_approves_no_sale() -> None:
    # "On Thursday, which falls on 4 April, Algeria received the second batch of the Sukhoi
    # deal": «الموافق» and «يوافق» tie a weekday to its date, no approving
    for sentence in (
        "وفي يوم الخميس الموافق 4 أبريل تسلمت الجزائر الدفعة الثانية من صفقة مقاتلات سوخوي.",
        "وفي يوم الخميس الذي يوافق 4 أبريل تسلمت الجزائر الدفعة الثانية من صفقة مقاتلات سوخوي.",
    ):
        triples, _ = _read(sentence)
        predicates = {t[1] for t in triples}
        assert "approved_sale" not in predicates and "received" in predicates, sentence
    # the noun of approval and the imperfect before «على» still approve
    for sentence in (
        "وأعلن البنتاغون موافقته على بيع صواريخ للمغرب.",
        "وتوافق ألمانيا على تصدير الغواصات إلى مصر.",
    ):
        triples, _ = _read(sentence)
        assert "approved_sale" in {t[1] for t in triples}, sentence


def test_a_superlative_after_a_weapon_kind_is_no_word_of_its_name() -> None:
    # "Jordan received the newest tank from Britain": how the story ranks it, not romanized
    # into its name
    triples, _ = _read("وتسلم الأردن من بريطانيا الدبابة الأحدث.")
    assert ("Jordan", "received", "tank", "fact") in triples
