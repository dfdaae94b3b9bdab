"""Drafting: the organizations a real article names by a kind noun and what qualifies it
(a ministry, an air force, an embassy, a government), proposed whole and named in English
word by word; and a hard-wrapped text read as the sentences it holds."""

from __future__ import annotations

import copy

from factcli.draft import clauses, draft_article, parse_published
from factcli.draft.english import purpose_word
from factcli.normalize import normalize

ENTITIES = [
    {"id": "iraq", "type": "country", "name": "Iraq", "name_ar": "العراق", "aliases": []},
    {"id": "france", "type": "country", "name": "France", "name_ar": "فرنسا", "aliases": []},
    {"id": "morocco", "type": "country", "name": "Morocco", "name_ar": "المغرب", "aliases": []},
    {"id": "israel", "type": "country", "name": "Israel", "name_ar": "إسرائيل", "aliases": []},
    {
        "id": "united-states",
        "type": "country",
        "name": "United States",
        "name_ar": "الولايات المتحدة",
        "aliases": ["أمريكا", "أميركا"],
    },
    {
        "id": "united-arab-emirates",
        "type": "country",
        "name": "United Arab Emirates",
        "name_ar": "الإمارات",
        "aliases": ["الإمارات العربية المتحدة"],
    },
]
DAY = parse_published("2023-04-04")


def _draft(text: str):
    return draft_article(text, copy.deepcopy(ENTITIES), published=DAY)


def _by_ar(draft) -> dict[str, dict]:
    return {e["name_ar"]: e for e in draft.entities}


def _names(text: str) -> dict[str, str]:
    """Each proposed organization's Arabic name -> its English name."""
    return {e["name_ar"]: e["name"] for e in _draft(text).entities if e["type"] == "organization"}


def test_a_hard_wrapped_article_keeps_its_sentences_whole() -> None:
    # A page printed with a line break every few words: "The Royal Moroccan Armed Forces
    # decided to acquire rocket launchers ... after months of study." A line break inside
    # a sentence ends neither the sentence nor the name it cuts.
    text = (
        "الثلاثاء 4 أبريل 2023\n"
        "قررت القوات المسلحة\n"
        "الملكية المغربية اقتناء قاذفات الصواريخ من\n"
        "إسرائيل، وذلك بعد شهور من دراسة وتقييم\n"
        "فعالية هذه القاذفات وقدراتها على تعزيز القوة\n"
        "الدفاعية للمغرب، وفق ما أكدته تقارير متخصصة.\n"
        "وكان المغرب قد درس\n"
        "هذه القاذفات منذ شهور\n"
        "من أجل الدراسة والتقييم.\n"
    )
    found = [text[c.start : c.end] for c in clauses(text)]
    assert any(c.startswith("قررت القوات المسلحة\nالملكية المغربية اقتناء") for c in found)
    assert "القوات المسلحة الملكية المغربية" in _names(text)


def test_lines_that_are_paragraphs_still_end_their_sentences() -> None:
    # A headline, then two paragraphs: each line is its own.
    text = "العراق يتسلم منظومة جديدة\nأعلنت وزارة الدفاع العراقية تسلم المنظومة.\nوقال مصدر إن التسليم تم.\n"
    found = [text[c.start : c.end] for c in clauses(text)]
    assert found[0] == "العراق يتسلم منظومة جديدة"


def test_an_institutions_english_name_is_translated_word_by_word() -> None:
    from factcli.draft.english import institution_english
    from factcli.normalize import normalize

    def english(arabic: str, state: str | None) -> str | None:
        return institution_english(normalize(arabic).split(), state)

    # The state's adjective opens the name, as the store's do ("Qatari Ministry of Defence").
    assert english("وزارة الدفاع العراقية", "Iraq") == "Iraqi Ministry of Defence"
    # Adjectives stand before their noun, in the order English gives them.
    assert english("القوات المسلحة الملكية المغربية", "Morocco") == "Moroccan Royal Armed Forces"
    assert english("القوة الجوية الفرنسية", "France") == "French Air Force"
    # A noun that qualifies the one before it comes first in English.
    assert english("مجمع الصناعات الحربية الروسية", "Russia") == "Russian Military Industries Complex"
    assert english("قيادة الدفاع الجوي", None) == "Air Defence Command"
    assert english("وزارة الخارجية الأميركية", "United States") == "US Department of State"


def test_two_ministries_of_one_state_named_with_a_dual_are_each_proposed() -> None:
    # "The US State and Defense departments had confirmed ..."
    names = _names("وسبق أن أكدت وزارتا الخارجية والدفاع الأميركيتان أن الصفقة ستوقع.")
    assert names["وزارة الخارجية الأميركية"] == "US Department of State"
    assert names["وزارة الدفاع الأميركية"] == "US Department of Defense"


def test_an_institution_named_by_its_state_or_its_body_is_proposed_whole() -> None:
    # "The UAE embassy in the United States explained ..."
    names = _names("وأوضحت سفارة الإمارات لدى الولايات المتحدة أن التوقيع جرى أمس.")
    assert names == {"سفارة الإمارات لدى الولايات المتحدة": "UAE Embassy in United States"}
    # "... members of the security cooperation agency of the US Department of Defense"
    names = _names(
        "اجتمع مسؤولون عراقيون وأعضاء في وكالة التعاون الامني التابعة لوزارة الدفاع الامريكية، أمس."
    )
    assert (
        names["وكالة التعاون الامني التابعة لوزارة الدفاع الامريكية"]
        == "Security Cooperation Agency of the US Department of Defense"
    )


def test_an_air_force_a_command_and_a_forum_are_institutions_but_strength_is_not() -> None:
    names = _names(
        "وأشار إلى أن تمرينا مشتركا جرى بين القوة الجوية العراقية والقوة الجوية الفرنسية. "
        "وكان منتدى القوات المسلحة الملكية المغربية قد أشار إلى ذلك منذ شهور. "
        "وأكد أن الوزارة تولي اهتماما بتسليح قيادة الدفاع الجوي."
    )
    assert names["القوة الجوية العراقية"] == "Iraqi Air Force"
    assert names["القوة الجوية الفرنسية"] == "French Air Force"
    assert names["منتدى القوات المسلحة الملكية المغربية"] == "Moroccan Royal Armed Forces Forum"
    assert names["قيادة الدفاع الجوي"] == "Air Defence Command"
    # "... will strengthen the defensive force of Morocco, under the president's command"
    assert _names("وستعزز القوة الدفاعية للمغرب تحت قيادة الرئيس في السنوات المقبلة.") == {}


def _people(text: str) -> list[str]:
    return [e["name_ar"] for e in _draft(text).entities if e["type"] == "person"]


def test_no_phrase_after_a_title_is_proposed_as_a_person() -> None:
    # "... and the minister of defence pay great attention to ...": a verb and nouns in
    # the accusative (tanwin), not a name.
    assert _people("وأوضح المتحدث أن وزير الدفاع يوليان اهتماماً كبيراً بملف التسليح.") == []
    # "... the minister of defence of Kazakhstan, ways of strengthening the cooperation"
    assert _people("وبحث الوزير مع وزير دفاع جمهورية كازاخستان، سبل تعزيز التعاون الثنائي.") == []
    # "... the chief of staff of the army and the air defence command": an institution.
    assert "وقيادة الدفاع الجوي" not in _people("بحضور رئيس أركان الجيش وقيادة الدفاع الجوي، أمس.")


def test_a_name_after_bin_keeps_a_word_that_is_also_a_verb() -> None:
    # سلمان is a name after بن, though «سلم» (to hand over) is a cue.
    assert _people("وقعت اليوم مع نائب وزير الدفاع الأمير خالد بن سلمان اتفاقية.") == ["خالد بن سلمان"]


def test_a_quoted_amount_is_no_entity() -> None:
    # "... in a deal «worth 3.75 billion euros»"
    draft = _draft("أكدت مصر إبرام عقد مع فرنسا، في صفقة “تبلغ قيمتها 3.75 مليار يورو”.")
    assert not any("3.75" in e["name_ar"] for e in draft.entities)


def test_a_byline_inside_the_first_line_is_its_author_and_no_part_of_the_sentence() -> None:
    # "Written by // Wael Abbas Egypt confirmed ..."
    assert _people("كتب // وائل عباس أكدت مصر إبرام عقد توريد 30 مقاتلة مع فرنسا.") == ["وائل عباس"]
    # "Abu Dhabi - Saif Al Yazeed - The minister discussed ...": the dateline's place, the
    # author between dashes; the sentence that follows is not his.
    draft = _draft("ابوظبي - سيف اليزيد - بحث وزير الدفاع الفرنسي مع العراق سبل تعزيز التعاون.")
    author = next(e["id"] for e in draft.entities if e["name_ar"] == "سيف اليزيد")
    assert all(author not in (c["subject"], c["object"], c["speaker"]) for c in draft.claims)
    # "Nablus - An-Najah News - ...": an outlet between dashes is no person.
    assert _people("نابلس - النجاح الإخباري - أبرمت إسرائيل صفقة عسكرية مع فرنسا.") == []


def test_a_ministry_told_bare_is_the_one_of_the_state_the_article_is_about() -> None:
    # "Iraq prepares to receive ... / The ministry of defence announced an exercise ..."
    text = "العراق يستعد لاستلام منظومة دفاع جوي\n\nأعلنت وزارة الدفاع عن تنفيذ تمرين مشترك مع فرنسا."
    assert _names(text)["وزارة الدفاع"] == "Iraqi Ministry of Defence"


def test_a_companys_foreign_name_after_its_noun_is_proposed_whole() -> None:
    # "... contracts from the company // (M.B.D.A.) for making missiles ... and the company
    # // Safran Electronics and Defence ..."
    names = _names(
        "ويشمل الاتفاق بين فرنسا ومصر عقوداً من شركة // (إم.بي.دي.إيه) لصناعة الصواريخ … "
        "وشركة // سافران للإلكترونيات والدفاع … لتوريد عتاد."
    )
    assert names["إم.بي.دي.إيه"] == "MBDA"
    assert names["سافران للإلكترونيات والدفاع"] == "Safran Electronics and Defence"
    # Two words before the state's adjective: the company's whole name, not its last word.
    names = _names("وذلك من خلال وزارة الدفاع وشركة داسو أفياسيون الفرنسية، على أن يتم تمويل العقد.")
    assert "داسو أفياسيون" in names and "أفياسيون" not in names
    # "an organization ( Human Rights Watch )"
    assert "هيومن راتس ووتش" in _names("وانتقدتها منظمة ( هيومن راتس ووتش ) لحقوق الإنسان.")
    # "a Russian company signed a contract with a major company": no name.
    assert _names("وقعت شركة روسية عقدا مع شركة كبرى.") == {}


def test_letters_spelled_out_with_dots_in_quotation_marks_are_an_acronym() -> None:
    names = _names('وكانت الشركة المعروفة سابقاً باسم "دي.سي.إن.إس" قد فازت بهذه الصفقة.')
    assert names == {"دي.سي.إن.إس": "DCNS"}


def test_a_name_after_honorifics_is_a_person_and_kinship_words_do_not_shorten_it() -> None:
    people = _people(
        "بحث معالي محمد بن مبارك بن فاضل المزروعي، وزير الدولة لشؤون الدفاع، ومعالي الفريق "
        "داورين جوماتاييفيتش كوسانوف وزير دفاع جمهورية كازاخستان، التعاون الثنائي."
    )
    assert "محمد بن مبارك بن فاضل المزروعي" in people
    assert "داورين جوماتاييفيتش كوسانوف" in people


def test_a_states_body_named_in_an_office_is_proposed_and_a_minister_is_the_states() -> None:
    # "... the inspector of the Royal Moroccan Artillery, Mohammed Ben Louali, ..."
    text = "وكانت الزيارة التي قام بها مفتش المدفعية الملكية المغربية، محمد بن الوالي، إلى إسرائيل مهمة."
    draft = _draft(text)
    by_ar = {e["name_ar"]: e for e in draft.entities}
    assert by_ar["المدفعية الملكية المغربية"]["name"] == "Moroccan Royal Artillery"
    assert by_ar["محمد بن الوالي"]["type"] == "person"
    # An inspector's post is in the body; a minister's in the state.
    assert _post_of(draft, "مفتش المدفعية الملكية المغربية") == [by_ar["المدفعية الملكية المغربية"]["id"]]
    draft = _draft("وقالت وزيرة القوات المسلحة الفرنسية فلورنس بارلي إن العقد وقع.")
    assert _post_of(draft, "وزيرة القوات المسلحة الفرنسية") == ["france"]


def _post_of(draft, office_ar: str) -> list[str]:
    office = next(e["id"] for e in draft.entities if e["name_ar"] == office_ar)
    return [c["object"] for c in draft.claims if c["predicate"] == "office_in" and c["subject"] == office]


def test_who_tells_of_a_signing_is_its_speaker_not_a_signer() -> None:
    # "The UAE signed a deal with the United States. The UAE embassy explained that the
    # signing of the agreement took place yesterday." The embassy said so; the state signed.
    text = (
        "وقعت الإمارات صفقة مع الولايات المتحدة لشراء مقاتلات.\n"
        "وأوضحت سفارة الإمارات لدى الولايات المتحدة أن التوقيع على الاتفاق جرى أمس."
    )
    draft = _draft(text)
    embassy = next(e["id"] for e in draft.entities if e["name_ar"].startswith("سفارة"))
    second = [
        c for c in draft.claims if c["predicate"] == "signed" and c["citation"]["start"] > text.index("\n")
    ]
    assert second and all(c["speaker"] == embassy and c["subject"] != embassy for c in second)
    assert not any(e["type"] == "agreement" and "أمس" in e["name_ar"] for e in draft.entities)


def test_an_institutions_own_name_opens_its_english_and_what_it_makes_is_left_out() -> None:
    from factcli.draft.english import institution_english, office_english
    from factcli.normalize import normalize

    english = institution_english(normalize("مجمع سامي الحكومي لصناعة الأسلحة").split(), None)
    assert english == "Sami State Complex"
    # A word the glossary lacks is not romanized into an institution's name.
    assert institution_english(normalize("الهيئة العليا للتصنيع").split(), None) is None
    # An office's words the glossary lacks are said by its body: no romanization.
    assert office_english(normalize("وزير دفاع جمهورية كازاخستان").split(), "Kazakhstan") == (
        "Minister of Defence of Kazakhstan"
    )


def test_a_deal_names_the_states_abbreviated_as_their_bodies_are() -> None:
    # "The UAE signed a deal with the United States to buy fighters."
    draft = _draft("وقعت الإمارات صفقة مع الولايات المتحدة لشراء مقاتلات.")
    deal = next(e for e in draft.entities if e["type"] == "agreement")
    assert deal["name"].startswith("UAE-US ")


def test_a_person_named_whole_is_named_after_by_the_family_name() -> None:
    # "... on the last day of the former US president Donald Trump ... the Trump
    # administration would sign": ترمب alone is the person named before.
    draft = _draft(
        "وجرى التوقيع في آخر يوم للرئيس الأميركي السابق دونالد ترمب في منصبه.\n"
        "وأكد مسؤولون أنه من المرجح أن توقع إدارة ترمب على صفقة مع الإمارات."
    )
    trump = next(e for e in draft.entities if e["name_ar"] == "دونالد ترمب")
    assert "ترمب" in trump["aliases"]
    assert any(e["name_ar"] == "إدارة ترمب" and e["type"] == "organization" for e in draft.entities)


def test_a_name_described_by_wahuwa_and_a_rank_is_a_person() -> None:
    # "..., said Abdul Qayyum, a retired Pakistani general."
    assert _people('وقال عبد القيوم ، وهو جنرال باكستاني متقاعد، "إن هناك بعدا أوسع".') == ["عبد القيوم"]
    # "..., said the minister, who is ...": no name before the comma, no person.
    assert _people("وقال الوزير، وهو مسؤول عن الملف، إن الصفقة ستوقع.") == []


def test_the_platform_an_account_is_on_is_an_organization() -> None:
    # "... in a statement posted on his account on Facebook ..."
    names = _names("وقال المتحدث في بيان نشر على حسابه على فيسبوك إن مصر وقعت العقد.")
    assert "فيسبوك" in names
    # "... his account on the ministry's website": no name after «على».
    assert _names("وقال المتحدث في بيان نشر على حسابه على الموقع إن مصر وقعت العقد.") == {}


def test_a_states_adjective_written_with_the_article_twice_names_the_state() -> None:
    # «ألمانيا» opens like the article: its adjective is «الألمانية».
    ENTITIES.append(
        {"id": "germany", "type": "country", "name": "Germany", "name_ar": "ألمانيا", "aliases": []}
    )
    try:
        names = _names("وستدفع الحكومة الألمانية جزءا من تكلفة الغواصات التي تشتريها إسرائيل من ألمانيا.")
    finally:
        ENTITIES.pop()
    assert names["الحكومة الألمانية"] == "German Government"


def test_military_strength_is_no_institution() -> None:
    # "the military force of the country grows": strength, no body.
    assert _names("وقال إن القوة العسكرية للبلاد تتعزز يوما بعد يوم.") == {}


def _acts(text: str) -> list[tuple[str, str]]:
    draft = _draft(text)
    return [
        (c["subject"], c["predicate"]) for c in draft.claims if c["predicate"] in ("delivered", "received")
    ]


def test_delivery_and_receipt_are_told_by_the_verbs_form() -> None:
    # "Russia delivered to Iraq 24 Su-35": the first name after سلّم delivers, the second
    # (no و between them) is whom it delivers to.
    assert _acts("سلمت روسيا العراق 24 طائرة سو-35.") == [("russia", "delivered")]
    # "Iraq received tanks from Russia", "Iraq prepares to receive a system from France": the
    # receiver receives; the one it receives from delivers (the handover's other side).
    assert _acts("تسلم العراق دبابات من روسيا.") == [("iraq", "received"), ("russia", "delivered")]
    assert _acts("يستعد العراق لاستلام منظومة دفاع جوي من فرنسا.") == [
        ("iraq", "received"),
        ("france", "delivered"),
    ]


def test_a_quoted_verb_with_its_subject_right_after_it_is_no_first_person_act() -> None:
    # The spokesman said: "... France and Iraq signed a contract ...": وقعت is the state's
    # (third person), not the spokesman's "I signed".
    draft = _draft('وقال المتحدث العسكري العراقي تحسين الخفاجي: "وقعت فرنسا والعراق عقدا لتوريد طائرات".')
    signed = [c for c in draft.claims if c["predicate"] == "signed"]
    assert signed and {c["subject"] for c in signed} <= {"france", "iraq"}


def test_a_hard_wrapped_line_may_end_on_a_comma() -> None:
    # "... the inspector of the Royal Moroccan Artillery,⏎Mohammed Ben Louali, to Israel ..."
    text = (
        "وقال موقع\n"
        "ديفينسا إن المغرب يسعى لتطوير قدراته المدفعية عبر اقتناء أسلحة\n"
        "من إسرائيل، مشيرا إلى أن الزيارة التي قام بها مفتش المدفعية الملكية المغربية،\n"
        "محمد بن الوالي، إلى إسرائيل في الأيام الماضية، يدخل في إطار هذه المساعي\n"
        "التي بدأت منذ شهور مع الجانب\n"
        "الإسرائيلي في إطار التعاون\n"
        "العسكري بين البلدين.\n"
    )
    assert "محمد بن الوالي" in _people(text)


def test_states_adjectives_in_a_row_are_subjects_together() -> None:
    # "the Saudi Emirati rejection of the agreements": both states reject, with no و.
    ENTITIES.append(
        {
            "id": "saudi-arabia",
            "type": "country",
            "name": "Saudi Arabia",
            "name_ar": "السعودية",
            "aliases": [],
        }
    )
    try:
        draft = _draft("وجاء الرفض السعودي الإماراتي لاتفاقيات الشراكة العسكرية مع فرنسا.")
    finally:
        ENTITIES.pop()
    opposed = {c["subject"] for c in draft.claims if c["predicate"] == "opposes"}
    assert opposed == {"saudi-arabia", "united-arab-emirates"}


def test_a_chain_of_ranks_and_the_arm_they_are_of_opens_a_name() -> None:
    # "Colonel (staff) Tariq Yousef said the forces arrived": ranks in a row before the name.
    assert "طارق يوسف" in _people("وقال العقيد الركن طارق يوسف إن القوات وصلت إلى القاعدة.")
    # "... the spokesman of the Pakistani naval forces, Commander (navy) Salman ...": the
    # rank and its arm close the body's name and are no part of it or of the office.
    names = _names("وأوضح المتحدث باسم القوات البحرية الباكستانية المقدم بحري سلمان علي بأن الفرقاطة وصلت.")
    assert "القوات البحرية الباكستانية" in names
    assert not any("المقدم" in n for n in names)


def test_a_company_named_in_transliteration_after_its_noun_with_or_without_marks() -> None:
    # "... up to 48 F-35 fighters from the Lockheed Martin company, in a deal ...": two
    # words a comma closes, none an Arabic word in ة, are the company's name.
    names = _names("وتريد المملكة شراء ما يصل إلى 48 مقاتلة من شركة لوكهيد مارتن، في صفقة محتملة.")
    assert "لوكهيد مارتن" in names
    # A descriptor between the noun and the quoted name, the marks typed ” … ”.
    names = _names("وقد منحت الوزارة شركة الصناعات الدفاعية ” لوكهيد مارتن ” عقدًا دفاعيًا بذلك.")
    assert "لوكهيد مارتن" in names
    # "a private company signed a contract with a big local company": no name there.
    assert _names("وأبرمت شركة خاصة عقدا مع شركة كبرى محلية، في الرياض.") == {}


def test_a_bodys_other_name_in_quotation_marks_after_its_own_is_its_alias() -> None:
    # "The US Department of Defense «the Pentagon» said the contract was signed."
    draft = _draft("وقالت وزارة الدفاع الأمريكية «البنتاغون» إن العقد وقع.")
    ministry = next(e for e in draft.entities if e["name_ar"] == "وزارة الدفاع الأمريكية")
    assert "البنتاغون" in ministry["aliases"]


def test_a_conjunction_is_no_part_of_a_works_name_and_its_foreign_name_runs_to_what_it_makes() -> None:
    # "... the cooperation between the Pakistani naval command and the Hudong-Zhonghua
    # Shipbuilding corporation in Shanghai": و is the list's, not the name's; the foreign
    # name's three words and what it builds are the name.
    names = _names(
        "وأبدى تقديره للتعاون القائم بين القيادة البحرية الباكستانية "
        "ومؤسسة هودنج زونج هوا لبناء السفن في شنغهاي."
    )
    assert "مؤسسة هودنج زونج هوا لبناء السفن" in names
    assert not any(n.startswith("ومؤسسة") for n in names)
    # "the Sami corporation signed a contract with India": the name stops at the verb's object.
    names = _names("ووقعت مؤسسة سامي عقدا مع الهند.")
    assert "مؤسسة سامي" in names


def test_groups_committees_and_organizations_named_by_their_kind_noun() -> None:
    # "... within the fight against the terrorist Daesh organization in Iraq": the outlet's
    # epithet is no part of the name.
    names = _names("وأعلنت الوزارة أن الطائرات ستستخدم في إطار محاربة تنظيم داعش الإرهابي في العراق.")
    assert "تنظيم داعش" in names
    # "... a group, the Missile Defense Advocacy Alliance, that does not seek profit".
    assert "جماعة تحالف الدفاع الصاروخي" in _names(
        "وقال ريكي اليسون وهو مؤسس جماعة تحالف الدفاع الصاروخي التي لا تسعى للربح، إن العقد جيد."
    )
    # "... the deal an Israeli government committee approved": its adjectives in a row, its
    # state's among them.
    names = _names("وتأتي هذه الصفقة التي وافقت عليها لجنة حكومية إسرائيلية في نوفمبر الماضي.")
    assert names.get("لجنة حكومية إسرائيلية") == "Israeli Government Committee"
    # "organizing the exhibition", "organizing the delegation's visit": no body.
    assert _names("وقال الوزير إن تنظيم المعرض سيتم في دبي، وإن تنظيم زيارة الوفد تم.") == {}


def test_a_name_described_by_wahuwa_inside_the_clause_is_a_person() -> None:
    # "Riki Ellison, founder of the Missile Defense Advocacy Alliance, said ...", no comma.
    people = _people(
        "وقال ريكي اليسون وهو مؤسس جماعة تحالف الدفاع الصاروخي التي لا تسعى للربح، إن العقد جيد."
    )
    assert "ريكي اليسون" in people


def test_an_office_runs_over_a_quoted_name_to_its_holder() -> None:
    # "... the director of the «Lockheed» missile defence programme, Matt Joyce, said ...".
    people = _people(
        "كذلك، أشار مدير برنامج “لوكهيد” لنظام الدفاع الصاروخي مات جويس، إلى أن الصفقة ستضم طلبات."
    )
    assert "مات جويس" in people


def test_the_one_fought_is_no_party_to_the_deal_told() -> None:
    # "The deal was concluded in 2011 ... within the fight against the Daesh organization":
    # Daesh signed nothing.
    draft = _draft("وقال الوزير إن الصفقة أبرمت عام 2011 مع الولايات المتحدة في إطار محاربة تنظيم داعش.")
    daesh = next(e["id"] for e in draft.entities if e["name_ar"] == "تنظيم داعش")
    assert all(c["subject"] != daesh for c in draft.claims)


def test_a_noun_whose_name_follows_in_quotation_marks_is_no_item_of_a_deal() -> None:
    # "The deal includes the «THAAD» missile defence system": «نظام» alone is no topic.
    draft = _draft("وأفاد الموجز بأن الصفقة تشمل نظام “ثاد” للدفاع الصاروخي.")
    assert not any(e["name_ar"] == "نظام" for e in draft.entities)


def test_no_fragment_is_proposed_as_a_person_or_a_company() -> None:
    # "The Kuwaiti minister did not say the number of aircraft the deal covers": «عدد
    # الطائرات» is no one's name.
    assert _people("ولم يحدد الوزير الكويتي عدد الطائرات التي تشملها الصفقة.") == []
    # "Saudi Arabia uses these fighters in its air force": a verb before a state's name
    # is no company of that state.
    assert _names("وتستخدم السعودية هذه المقاتلات في قواتها الجوية.") == {}
    # A family name with the article stays whole («أنور السادات»).
    assert "أنور السادات" in _people("وقال الرئيس المصري أنور السادات إن الصفقة تمت.")


def test_a_state_that_uses_weapons_or_puts_them_into_service_operates_them() -> None:
    # "Saudi Arabia uses these fighters in its air force."
    text = "وتسعى الكويت إلى تحديث قوتها الجوية. وتستخدم السعودية مقاتلات يوروفايتر في قواتها الجوية."
    entities = [*copy.deepcopy(ENTITIES)]
    entities.append(
        {
            "id": "saudi-arabia",
            "type": "country",
            "name": "Saudi Arabia",
            "name_ar": "السعودية",
            "aliases": [],
        }
    )
    draft = draft_article(text, entities, published=DAY)
    assert any(c["predicate"] == "operates" and c["subject"] == "saudi-arabia" for c in draft.claims)


def test_a_captions_people_after_their_titles_are_proposed() -> None:
    # A photo caption between the lead and the body: "US President Donald Trump and Crown
    # Prince Mohammed bin Salman". It holds no claim, but the people it names are the story's.
    text = (
        "السعودية على أعتاب صفقة لاقتناء مقاتلات أمريكية\n\n"
        "الرئيس الأمريكي دونالد ترامب وولي العهد الأمير محمد بن سلمان\n"
        "ذكرت وكالة رويترز أن الإدارة الأمريكية تدرس طلب السعودية شراء 48 مقاتلة من الولايات المتحدة.\n"
    )
    assert "محمد بن سلمان" in _people(text)


def test_a_name_after_a_rank_keeps_its_words_whatever_cue_their_letters_spell() -> None:
    # "... the navy's spokesman, Commander Salman Ali, explained that the frigate ...":
    # «سلمان» spells the verb سلم (delivered), and «علي» before «بأن» is no preposition.
    people = _people("وأوضح المتحدث باسم القوات البحرية الباكستانية المقدم بحري سلمان علي بأن الفرقاطة وصلت.")
    assert "سلمان علي" in people
    # "The minister stressed that ...": «على أن» after a name with no rank stays a phrase.
    assert _people("وأكد الوزير سلمان على أن الفرقاطة وصلت.") == []


def test_a_body_named_again_after_its_spokesmans_inna_is_the_subject_of_its_act() -> None:
    # "A spokesman of the Iraqi Air Force said that the Iraqi Air Force will receive 24
    # aircraft": the body told of its own act, so it is the subject — not left empty as
    # when the speaker is only the one telling ("the embassy explained that the signing ...").
    draft = _draft(
        "قال متحدث باسم القوات الجوية العراقية، يوم الاثنين، إن القوات الجوية العراقية ستتسلم 24 طائرة."
    )
    force = next(e for e in draft.entities if e["name_ar"] == "القوات الجوية العراقية")
    assert force["name"] == "Iraqi Air Force"
    received = [c for c in draft.claims if c["predicate"] == "received"]
    assert received and received[0]["subject"] == force["id"]


def test_a_delivery_whose_supplier_the_story_never_names_is_the_buyers_receipt() -> None:
    # "Iraq will receive 24 aircraft. Three aircraft are expected to be delivered by 2026":
    # nobody delivering is named, so the delivery is told from the buyer's side.
    text = "قال متحدث إن العراق سيتسلم 24 طائرة من طراز M-346.\n\nومن المتوقع أن يتم تسليم ثلاث طائرات من طراز M-346 بحلول عام 2026."
    assert _acts(text) == [("iraq", "received"), ("iraq", "received")]
    # With the supplier told before, a delivery is still the supplier's.
    told = "سلمت روسيا العراق 24 طائرة سو-35.\n\nومن المتوقع أن يتم تسليم ثلاث طائرات أخرى بحلول عام 2026."
    assert _acts(told) == [("russia", "delivered"), ("russia", "delivered")]


def test_an_army_named_by_what_qualifies_it_is_proposed_whole() -> None:
    # "the anniversary of the founding of the Iraqi People's Liberation Army": «جيش» with
    # no article opens a body's own name, its qualifiers with the article after it.
    names = _names("وخلال الاحتفال بالذكرى لتأسيس جيش التحرير الشعبي العراقي، عرضت أسلحة.")
    assert names.get("جيش التحرير الشعبي العراقي") == "Iraqi People's Liberation Army"
    # An army no qualifier names is no body of its own.
    assert _names("وقال إن العراق يبني جيش قوي.") == {}


def test_oman_is_read_from_its_adjective_and_its_bodies_are_named_with_it() -> None:
    # "The official Omani news agency said that the Omani Ministry of Defence signed ...":
    # Oman's name is also Amman's, but its adjective and «سلطنة عمان» name only the state.
    text = "قالت وكالة الأنباء العمانية الرسمية إن وزارة الدفاع العمانية وقعت اتفاقا مع العراق."
    draft = draft_article(text, copy.deepcopy(ENTITIES), published=DAY, outlet="Al-Amal (amal.example)")
    names = {e["name_ar"]: e for e in draft.entities}
    assert names["سلطنة عمان"]["name"] == "Oman"
    assert names["وزارة الدفاع العمانية"]["name"] == "Omani Ministry of Defence"
    # «الرسمية» says the agency is official: no word of its name, kept as another spelling.
    agency = names["وكالة الأنباء العمانية"]
    assert agency["name"] == "Omani News Agency"
    assert "وكالة الأنباء العمانية الرسمية" in agency["aliases"]
    # The outlet's name romanized is near «العمانية»'s, but a state's adjective is no outlet.
    outlet = next(e for e in draft.entities if e["name"] == "Al-Amal")
    assert outlet["name_ar"] != "العمانية"
    # Amman alone is not Oman.
    assert all(e["type"] != "country" for e in _draft("وصل الوفد إلى عمان أمس.").entities)


def test_institutions_named_without_a_kind_noun_come_from_a_glossary_of_the_field() -> None:
    # "The agency said the Pentagon's approval came after the US Department of Defense
    # studied the request, and Congress and the United Nations have not commented": the
    # Pentagon is the department, one body under every name; Congress and the UN are named
    # by no kind noun a rule could read.
    text = (
        "وقالت الوكالة إن موافقة البنتاغون جاءت بعد أن درست وزارة الدفاع الأمريكية الطلب، "
        "ولم يعلق الكونغرس ولا الأمم المتحدة على الصفقة."
    )
    orgs = {e["name"]: e for e in _draft(text).entities if e["type"] == "organization"}
    pentagon = orgs["US Department of Defense"]
    assert pentagon["name_ar"] == "وزارة الدفاع الأمريكية"  # the fullest name the article writes
    assert {"البنتاغون", "Pentagon"} <= set(pentagon["aliases"])
    assert orgs["US Congress"]["name_ar"] == "الكونغرس"
    assert orgs["United Nations"]["name_ar"] == "الأمم المتحدة"
    # a proclitic on the name: «للبنتاغون», «وللكونغرس»
    assert "US Department of Defense" in _names("وأرسلت الشركة رسالة للبنتاغون أمس.").values()
    assert "US Congress" in _names("وقدمت الإدارة الطلب وللكونغرس أن يرفضه.").values()


def test_a_states_body_whose_english_name_is_its_own_is_named_so() -> None:
    from factcli.draft.english import institution_english
    from factcli.normalize import normalize

    # The US names its defence and foreign ministries departments; others keep the glossary's words.
    assert (
        institution_english(normalize("وزارة الدفاع").split(), "United States") == "US Department of Defense"
    )
    assert (
        institution_english(normalize("وزارة الخارجية").split(), "United States") == "US Department of State"
    )
    assert institution_english(normalize("وزارة الدفاع").split(), "France") == "French Ministry of Defence"


def test_a_company_is_also_named_with_its_noun_and_a_body_with_its_other_name() -> None:
    # "a unit of the Vinexa group": the company's name with its noun is another form of it.
    vinexa = next(
        e
        for e in _draft("وتسلم الجيش المروحيات من وحدة لمجموعة فينكسا الدفاعية.").entities
        if e["name_ar"] == "فينكسا"
    )
    assert "مجموعة فينكسا" in vinexa["aliases"]
    # "the official news agency «Sabra» announced": an agency of no one's, named in
    # quotation marks after its kind, is named by that name, and by the two as one.
    draft = _draft("وأعلنت وكالة الأنباء الرسمية «صبرا» عن وصول الطائرات.")
    agency = next(e for e in draft.entities if e["type"] == "organization")
    assert agency["name_ar"] == "صبرا"
    assert "وكالة الأنباء الرسمية صبرا" in agency["aliases"]
    # "the Iraqi news agency (INA)": a body's acronym in brackets after it, and the two as one.
    ina = next(
        e
        for e in _draft("وقالت وكالة الأنباء العراقية (واع) إن الطائرات وصلت.").entities
        if e["type"] == "organization"
    )
    assert {"واع", "وكالة الأنباء العراقية واع"} <= set(ina["aliases"])


def test_a_states_navy_is_named_by_its_adjective_and_a_sultans_forces_by_him() -> None:
    # "the aircraft entered service with the French Navy": «البحرية» and a state's adjective.
    navy = _names("ودخلت الطائرة الخدمة مع البحرية الفرنسية في عام 2002.")
    assert navy == {"البحرية الفرنسية": "French Navy"}
    # "the chief of staff of the Sultan's Armed Forces, Hamad bin Saif": forces named in
    # construct after an office, and the office's English.
    draft = _draft("وقال رئيس أركان قوات السلطان المسلحة حمد بن سيف إن التمرين انتهى.")
    found = {e["name_ar"]: e["name"] for e in draft.entities}
    assert found["قوات السلطان المسلحة"] == "Sultan's Armed Forces"
    assert found["حمد بن سيف"]


def test_a_general_body_named_by_what_it_is_for_and_a_state_after_bi() -> None:
    # "a memorandum between the General Authority for Military Industries in Iraq and the
    # Defence Development Agency in France": «العامة» and what the body is for (after لل)
    # name a definite noun, no body named before; ب on a state's name closes a body's.
    names = _names(
        "ووقعت مذكرة تفاهم بين الهيئة العامة للصناعات العسكرية في العراق ووكالة التطوير الدفاعي بفرنسا."
    )
    assert (
        names["الهيئة العامة للصناعات العسكرية في العراق"]
        == "Iraqi General Authority of the Military Industries"
    )
    assert names["وكالة التطوير الدفاعي بفرنسا"] == "French Defence Development Agency"
    # "the General Command of the Armed Forces is keen ...": a command no state qualifies.
    names = _names("وأكدت القيادة العامة للقوات المسلحة حرصها على التعاون.")
    assert names["القيادة العامة للقوات المسلحة"] == "General Command of the Armed Forces"


def test_the_ministries_of_both_states_are_the_two_the_article_names_most() -> None:
    # "Iraq signed an agreement with France ... the Iraqi News Agency said that the two
    # countries' defence ministries signed the framework agreement": «البلدين» are the two
    # states the article names most; a US body so named keeps its other names.
    names = _names(
        "وقع العراق اتفاقية مع فرنسا. وقالت وكالة الأنباء العراقية إن وزارتي الدفاع في البلدين وقعتا "
        "على اتفاقية إطارية لتعزيز العلاقات العراقية الفرنسية."
    )
    assert names["وزارة الدفاع العراقية"] == "Iraqi Ministry of Defence"
    assert names["وزارة الدفاع الفرنسية"] == "French Ministry of Defence"
    draft = _draft("وقع العراق اتفاقية مع أمريكا، ووقعت وزارتا الدفاع في البلدين على الاتفاقية.")
    us = next(e for e in draft.entities if e["name"] == "US Department of Defense")
    assert "البنتاغون" in us["aliases"]


def test_a_states_industries_in_construct_and_a_shipyard_by_its_place() -> None:
    # "a painful blow to the French defence industries": industries named in construct.
    names = _names("في خطوة وصفت بأنها ضربة موجعة لصناعات الدفاع الفرنسية التي تعتمد على التصدير.")
    assert names["صناعات الدفاع الفرنسية"] == "French Defence Industries"
    # "the technology will be moved to the shipyard in Gdansk": a shipyard by its place.
    names = _names("وسيتم نقل التكنولوجيا إلى حوض بناء السفن بغدانسك لتصنيع الفرقاطة.")
    assert names["حوض بناء السفن بغدانسك"].endswith(" Shipyard")


def test_both_states_are_the_two_the_sentence_before_names_when_its_own_names_none() -> None:
    # "The UAE ... the UAE ... The Iraqi minister signed a memorandum with the French
    # ambassador. The memorandum signed between the two countries' defence ministries aims
    # ...": the two states are the previous sentence's, not the article's most named.
    text = (
        "تراقب الإمارات الوضع. وقالت الإمارات إنها تدعم الإمارات. "
        "ووقع الأمين العام بوزارة الدفاع العراقية مذكرة مع السفير الفرنسي. "
        "وتهدف المذكرة الموقعة بين وزارتي الدفاع في البلدين إلى تأطير التعاون."
    )
    names = _names(text)
    assert names.get("وزارة الدفاع الفرنسية") == "French Ministry of Defence"
    assert not any("الإمارات" in n or "الإماراتية" in n for n in names)


def test_a_states_guards_and_services_and_a_party_are_bodies() -> None:
    # "the Moroccan National Guard received armoured vehicles"; "Washington handed two
    # patrol boats to the Iraqi Coast Guard"; "a delegation of the French Socialist Party":
    # a guard, a coast guard (after ل) and a party, each named with its state's adjective,
    # and named in English word by word.
    names = _names("وتسلم الحرس الوطني المغربي مدرعات جديدة.")
    assert names.get("الحرس الوطني المغربي") == "Moroccan National Guard"
    names = _names("وسلمت الولايات المتحدة زورقين لخفر السواحل العراقي، بحسب بيان.")
    assert names.get("خفر السواحل العراقي") == "Iraqi Coast Guard"
    names = _names("ووصل وفد من الحزب الاشتراكي الفرنسي إلى المغرب.")
    assert names.get("الحزب الاشتراكي الفرنسي") == "French Socialist Party"
    # («الحزب» alone is the one named before: no body)
    assert not any(n.startswith("الحزب") for n in _names("وقال الحزب إن الصفقة مهمة."))


def test_bodies_under_one_plural_adjective_or_a_dual_and_a_state_by_its_formal_name() -> None:
    # "the contract was signed after the approval of the French government and parliament":
    # two bodies under one adjective in the plural, each its own with the adjective singular.
    names = _names("ووقع العقد بعد موافقة الحكومة والبرلمان الفرنسيين.")
    assert names.get("الحكومة الفرنسية") == "French Government"
    assert names.get("البرلمان الفرنسي") == "French Parliament"
    assert "البرلمان الفرنسيين" not in names
    # "a letter between the two governments, the Iraqi and the Moroccan, strengthens the
    # cooperation between the government of the Republic of Iraq and the government of the
    # Kingdom of Morocco": a definite dual and two adjectives; a state named by its kind
    # and its adjective, the body of it; each body one entity, named either way.
    draft = _draft(
        "ويعزز الخطاب بين الحكومتين العراقية والمغربية التعاون بين حكومة الجمهورية العراقية وحكومة المملكة المغربية."
    )
    bodies = {e["name"]: e for e in draft.entities if e["type"] == "organization"}
    assert set(bodies) == {"Iraqi Government", "Moroccan Government"}
    forms = {bodies["Moroccan Government"]["name_ar"], *bodies["Moroccan Government"]["aliases"]}
    assert {"الحكومة المغربية", "حكومة المملكة المغربية"} <= forms


def test_a_states_body_is_named_also_without_the_epithet_before_its_state() -> None:
    # "to support the development of the Iraqi Arab Army"; "the Emiri Moroccan Naval
    # Forces received a ship": the body is also named without «العربي», «الأميرية».
    draft = _draft("ويهدف ذلك إلى دعم تطوير الجيش العربي العراقي.")
    army = next(e for e in draft.entities if e["name_ar"] == "الجيش العربي العراقي")
    assert "الجيش العراقي" in army["aliases"]
    draft = _draft("وتسلمت القوات البحرية الأميرية المغربية سفينة جديدة.")
    navy = next(e for e in draft.entities if e["name_ar"] == "القوات البحرية الأميرية المغربية")
    assert "القوات البحرية المغربية" in navy["aliases"]


def test_a_known_companys_field_after_its_name_is_one_of_its_names() -> None:
    # "Airbus for Defence and Space delivered the aircraft": the glossary's company, named
    # with its division's field too.
    draft = _draft("وسلمت إيرباص للدفاع والفضاء الطائرات إلى المغرب.")
    airbus = next(e for e in draft.entities if e["name"] == "Airbus")
    assert "إيرباص للدفاع والفضاء" in airbus["aliases"]


def test_a_known_body_of_no_state_takes_no_companys_noun() -> None:
    # "the European Union said ...": the glossary's union is no company («شركة الاتحاد
    # الأوروبي» is no name of it), while a known company is named with its noun too.
    draft = _draft("وقال الاتحاد الأوروبي إن بوينغ ستسلم الطائرات.")
    union = next(e for e in draft.entities if e["name"] == "European Union")
    assert not any(a.startswith(("شركة", "مجموعة")) for a in union["aliases"])
    boeing = next(e for e in draft.entities if e["name"] == "Boeing")
    assert "شركة بوينغ" in boeing["aliases"]


def test_a_royal_navy_is_the_states_navy_named_royal() -> None:
    # "the company will supply the Royal Moroccan Navy with two patrol boats": «الملكية»
    # between the navy and its state's adjective; the navy is named also without it.
    found = {
        e["name_ar"]: e
        for e in _draft("وستزود الشركة البحرية الملكية المغربية بزورقين للدوريات.").entities
        if e["type"] == "organization"
    }
    navy = found.get("البحرية الملكية المغربية")
    assert navy is not None and navy["name"] == "Royal Moroccan Navy"
    assert "البحرية المغربية" in navy["aliases"]


def test_a_news_agency_named_by_its_foreign_words_ending_in_press() -> None:
    # "... according to what France Presse reported"; "the Associated Press agency said"
    text = "عنوان\nووافق البرلمان على البيع، بحسب ما نقلت فرانس برس. وذكرت وكالة أسوشيتد برس أن البيع تم.\n"
    draft = draft_article(text, [], published=parse_published("2019-05-03"))
    orgs = {e["name_ar"]: e["name"] for e in draft.entities if e["type"] == "organization"}
    assert orgs.get("فرانس برس") == "France Press"
    assert orgs.get("أسوشيتد برس") == "Associated Press"
    assert "وكالة أسوشيتد" not in orgs  # the agency's noun takes no half of its name


def test_a_states_presidency_and_a_ministry_named_by_the_forces_it_is_of() -> None:
    # "The Spanish presidency announced ...; the Spanish Ministry of the Armed Forces said"
    text = (
        "عنوان\nوأعلنت الرئاسة الإسبانية في بيان أن البيع تم. "
        "وقالت وزارة القوات المسلحة الإسبانية إن البيع تم. وقال إن الرئاسة تعمل.\n"
    )
    draft = draft_article(text, [], published=parse_published("2019-05-03"))
    orgs = {e["name_ar"]: e["name"] for e in draft.entities if e["type"] == "organization"}
    assert orgs.get("الرئاسة الإسبانية") == "Spanish Presidency"
    assert "وزارة القوات المسلحة الإسبانية" in orgs
    assert "الرئاسة" not in orgs  # told bare, no state's adjective: no body of its own


def test_a_company_named_by_its_field_and_its_states_adjective() -> None:
    # "an agreement between the city and the Russian aviation technology company"
    text = "عنوان\nووقعت اتفاقية بين المدينة وشركة تكنولوجيا الطيران الروسية أمس.\n"
    draft = draft_article(text, [], published=parse_published("2019-05-03"))
    orgs = {e["name_ar"]: e["name"] for e in draft.entities if e["type"] == "organization"}
    assert orgs.get("شركة تكنولوجيا الطيران الروسية") == "Russian Aviation Technology Corporation"
    assert "تكنولوجيا" not in orgs  # the field's word is no foreign name of its own


def test_a_states_adjective_ends_a_bodys_name_before_a_definite_noun() -> None:
    # "... since the French Ministry of the Interior began the search for new helicopters":
    # the masdar after the state's adjective is the verb's object, no word of the body's name.
    text = "وتتنافس الشركات على العقد منذ عامين حين بدأت وزارة الداخلية الفرنسية البحث عن مروحيات جديدة."
    names = _names(text)
    assert names.get("وزارة الداخلية الفرنسية") == "French Ministry of the Interior"
    assert not any("البحث" in n for n in names)
    # another adjective after the state's («الرسمية»): the name still ends at the state's
    names = _names("وأفادت وكالة الأنباء المغربية الرسمية بأن الوزير وصل إلى باريس.")
    assert names.get("وكالة الأنباء المغربية") == "Moroccan News Agency"
    assert not any("بأن" in n for n in names)
    # and an adjective of when («السابقة»): the former government, named whole
    names = _names("وكانت الحكومة الفرنسية السابقة قد رفضت بيع المروحيات إلى المغرب.")
    assert "الحكومة الفرنسية السابقة" in names


def test_a_states_media_told_by_what_owns_them_and_the_states_adjective() -> None:
    # "... the commander told Moroccan state media": the media of the state, owned by it,
    # one source (not a person named «لوسائل ...»)
    text = "وقال قائد البحرية لوسائل الإعلام الحكومية المغربية إن الفرقاطة ستدخل الخدمة."
    draft = _draft(text)
    media = {e["name_ar"]: e for e in draft.entities}
    assert media["وسائل الإعلام الحكومية المغربية"]["name"] == "Moroccan state media"
    assert not any(e["type"] == "person" and "وسائل" in e["name_ar"] for e in draft.entities)


def test_a_company_named_with_its_states_adjective_next_in_a_list_is_named_without_its_and() -> None:
    # "... built by firms from France, Morocco and Castiloni of Italy": «و» opens the next
    # in the list, no letter of the company's name.
    text = "وتنافست فرقاطة بنتها شركات من فرنسا والمغرب وكاستيلوني الإيطالية على العقد."
    names = _names(text)
    assert "كاستيلوني" in names
    assert "وكاستيلوني" not in names


def test_a_parliament_told_bare_is_the_states_the_sentence_names() -> None:
    # "The French defence minister said before parliament that ...": the French parliament;
    # after «البرلمان المغربي» a bare «البرلمان» is that one, no second body.
    names = _names("وقال وزير الدفاع الفرنسي أمام البرلمان إن بلاده لن تبيع المروحيات.")
    assert names.get("البرلمان") == "French Parliament"
    draft = _draft("وصادق البرلمان المغربي على الصفقة. وقال البرلمان إن الهدف هو تحديث الجيش.")
    bodies = [e for e in draft.entities if e["type"] == "organization" and "البرلمان" in e["name_ar"]]
    assert [e["name_ar"] for e in bodies] == ["البرلمان المغربي"]


def test_a_military_spokesman_told_by_his_office_is_his_states() -> None:
    # "The photos the military spokesman published showed the Moroccan commander ...": the
    # spokesman of the state the text names before him, named also with its adjective; a
    # named spokesman after his title is a person, no body.
    text = "وزار الوفد المملكة المغربية.\nوأظهرت الصور التي نشرها المتحدث العسكري، وصول الوفد إلى القاعدة."
    spokesman = next(e for e in _draft(text).entities if e["name_ar"] == "المتحدث العسكري")
    assert spokesman["type"] == "organization"
    assert spokesman["name"] == "Moroccan military spokesman"
    assert "المتحدث العسكري المغربي" in spokesman["aliases"]
    # behind «ل» read as «لل» (ل + the article) and a vowel mark: the same office, written whole
    text = "وزار الوفد المملكة المغربية.\nوأكد بيان لِلمتحدث العسكري، وصول الوفد إلى القاعدة."
    assert [e["name"] for e in _draft(text).entities if e["name_ar"] == "المتحدث العسكري"] == [
        "Moroccan military spokesman"
    ]
    names = _names("وقال المتحدث العسكري العقيد كريم البناني إن التدريب انتهى في المغرب.")
    assert not any("المتحدث" in n for n in names)


def test_two_ministries_told_by_a_dual_with_no_adjective_are_the_sentences_state() -> None:
    text = "وقال رئيس الحكومة إن المغرب سيزود وزارتي الدفاع والداخلية بمعدات جديدة هذا العام."
    names = _names(text)
    assert names.get("وزارة الدفاع المغربية") == "Moroccan Ministry of Defence"
    assert names.get("وزارة الداخلية المغربية") == "Moroccan Ministry of the Interior"


def test_a_command_or_forces_named_bare_under_its_commander_is_a_body() -> None:
    names = _names("وحضر اللواء سامي فهد، قائد القيادة الاستراتيجية، توقيع الاتفاق مع فرنسا.")
    assert names.get("القيادة الاستراتيجية") == "Strategic Command"
    names = _names(
        "وكان الرئيس المغربي قائدا سابقا، وقال القائد السابق في القوات الخاصة إن المغرب وقع الصفقة."
    )
    assert "القوات الخاصة" in names
    # «قيادة» alone, or a leader's leadership, is no body
    assert "القيادة" not in _names("وقال قائد القيادة إن المغرب وقع الصفقة.")


def test_a_bank_an_academy_or_a_university_named_by_its_kind_noun_is_proposed() -> None:
    text = (
        "عنوان\n\nوموّل بنك الهند للتجارة والتنمية الصفقة، وتدرب الطيارون في أكاديمية الطيران "
        "الحربي ثم في جامعة الدفاع الوطني."
    )
    made = {e["name_ar"]: e for e in _draft(text).entities if e["type"] == "organization"}
    # the bank with what it is for, two fields joined, as its name
    assert "بنك الهند للتجارة والتنمية" in made
    assert "أكاديمية الطيران الحربي" in made
    assert made["جامعة الدفاع الوطني"]["name"] == "National Defence University"


def test_a_states_naval_infantry_is_its_marine_corps_not_its_navy() -> None:
    made = _draft("عنوان\n\nوأجرت قوات مشاة البحرية السعودية تدريبا مشتركا.").entities
    bodies = {e["name_ar"]: e["name"] for e in made if e["type"] == "organization"}
    assert bodies == {"قوات مشاة البحرية السعودية": "Saudi Marine Corps"}


def test_a_body_of_a_state_named_after_its_kind_with_lam_on_it() -> None:
    made = _draft("عنوان\n\nوقالت وزارة الدفاع لجمهورية العراق إنها ستشتري الطائرات.").entities
    body = next(e for e in made if e["type"] == "organization")
    assert body["name"] == "Iraqi Ministry of Defence"
    assert "وزارة الدفاع لجمهورية العراق" in [body["name_ar"], *body["aliases"]]


def test_a_second_states_adjective_after_wa_is_that_states_body_of_the_same_kind() -> None:
    # «وزارتا الخارجية الفرنسية والمغربية» written as one noun and two adjectives: two
    # ministries, the second told by its adjective alone after «و»
    names = _names("استقبلت وزارة الخارجية الفرنسية والمغربية أمس وفدا من رجال الأعمال.")
    assert names.get("وزارة الخارجية الفرنسية") == "French Ministry of Foreign Affairs"
    assert names.get("وزارة الخارجية المغربية") == "Moroccan Ministry of Foreign Affairs"
    assert "وزارة الخارجية الفرنسية والمغربية" not in names
    three = _names("وأجرت القوات الجوية العراقية والإماراتية والإسرائيلية تدريبات مشتركة.")
    assert three.get("القوات الجوية العراقية") == "Iraqi Air Force"
    assert three.get("القوات الجوية الإماراتية") == "UAE Air Force"
    assert three.get("القوات الجوية الإسرائيلية") == "Israeli Air Force"
    # A vowel mark in the second adjective: the body's name keeps its article whole.
    marked = _names("استقبلت وزارة الخارجية الفرنسية والمغربيَّة أمس وفدا من رجال الأعمال.")
    assert marked.get("وزارة الخارجية المغربيَّة") == "Moroccan Ministry of Foreign Affairs", marked


def test_a_state_named_by_an_adjective_of_an_a_n_ending_takes_its_own_demonym() -> None:
    names = _names("وقعت وزارة الدفاع العمانية والأردنية اتفاقية للتعاون العسكري.")
    assert names.get("وزارة الدفاع الأردنية") == "Jordanian Ministry of Defence"


def test_a_government_told_bare_is_the_government_of_the_state_the_sentence_names() -> None:
    text = "قال وزير الخارجية العراقي إن العراق سيشتري مروحيات، وفق بيان صادر للحكومة مساء الأحد."
    assert _names(text).get("الحكومة") == "Iraqi Government"
    # under an office's title it is the office, no body of its own
    office = _names("قال رئيس الحكومة أمس إن المغرب سيشتري مروحيات جديدة.")
    assert "الحكومة" not in office


def test_a_government_told_bare_after_one_named_by_its_state_is_that_one() -> None:
    text = (
        "وقعت حكومة المغرب عقدا لشراء مروحيات أمريكية. "
        "وقالت فرنسا إنها تدرس العرض، وأضافت أن الحكومة ستدفع الثمن على ثلاث دفعات."
    )
    governments = [
        e for e in _draft(text).entities if e["type"] == "organization" and "Government" in e["name"]
    ]
    assert [e["name"] for e in governments] == ["Moroccan Government"]
    assert "الحكومة" in governments[0]["aliases"]


def test_a_definite_institute_named_by_its_adjective_and_what_it_is_for_is_proposed() -> None:
    # «المعهد» with a nisba adjective and «لل...» after it is a body's whole name; «المعهد»
    # alone is the one named before, no new body
    names = _names("وأصدر المعهد الدولي للدراسات الأمنية في لندن تقريرا عن صفقات السلاح.")
    assert names.get("المعهد الدولي للدراسات الأمنية", "").startswith("International Institute")
    assert not _names("وأصدر المعهد تقريرا عن صفقات السلاح.")


def test_a_body_whose_word_is_a_state_adjective_respelled_is_not_that_states_body() -> None:
    # "the Emiri Air Forces received the aircraft": «الأميرية» (Emiri) is a letter away from
    # «الأميركية» (American), but a state's adjective respelled is another state's: the body
    # is proposed, not linked to the US Air Force as a near spelling of its name.
    store = [
        *copy.deepcopy(ENTITIES),
        {
            "id": "us-air-force",
            "type": "organization",
            "name": "US Air Force",
            "name_ar": "القوات الجوية الأميركية",
            "aliases": [],
        },
    ]
    draft = draft_article(
        "عنوان\n\nوقالت القوات الجوية الأميرية إنها تسلمت طائرات من فرنسا.\n", store, published=DAY
    )
    used = {c.get(f) for c in draft.claims for f in ("subject", "object")} | set(draft.mentioned)
    assert "us-air-force" not in used
    assert any(e["name_ar"] == "القوات الجوية الأميرية" for e in draft.entities)


def test_an_armed_movement_told_as_fought_by_its_name_and_states_adjective() -> None:
    # "the two states pledged to fight the threats of the Kenyan al-Shabab movement": a
    # movement after a word of fighting, its name with the article and its state's
    # adjective; «حركة السفن الإيرانية» (Iranian ships' traffic) names none.
    names = _names("عنوان\n\nوتعهد البلدان بالتصدي لتهديدات حركة الشباب الكينية في المنطقة.\n")
    assert names["حركة الشباب الكينية"] == "Kenyan al-Shabab Movement"
    assert not [n for n in _names("عنوان\n\nوزادت حركة السفن الإيرانية في الخليج.\n") if "حركة" in n]


def test_a_bare_ministry_is_the_one_of_the_state_its_sentence_named_before_it() -> None:
    # An article about Iraq ("Iraq wants the aircraft ... Iraq pays"); then "the sale still
    # needs, in the American system, the approval of Congress and of the Ministry of
    # Defence": the bare ministry is the state's its sentence named before it, the US; a
    # bare ministry in a sentence naming no state is the article's state's.
    about = "عنوان\n\nيريد العراق شراء طائرات جديدة، وسيدفع العراق ثمنها من موازنة العراق.\n\n"
    text = about + "وما زالت الصفقة بحاجة في النظام الأمريكي إلى موافقة الكونغرس ووزارة الدفاع.\n"
    names = {e["name"] for e in _draft(text).entities if e["type"] == "organization"}
    assert "US Department of Defense" in names
    text = about + "وقالت وزارة الدفاع إن الطائرات ستصل قريبا.\n"
    assert "Iraqi Ministry of Defence" in {e["name"] for e in _draft(text).entities}


def test_a_body_told_with_a_state_only_cldr_names_after_it_by_its_short_or_formal_name() -> None:
    # "the naval forces of the Republic of Korea received two ships, and the naval research
    # institute in North Korea signed a deal": «جمهورية كوريا» and «كوريا» are South Korea's
    # names CLDR lacks, and the longer «كوريا الشمالية» is read before «كوريا».
    names = _names(
        "وتسلمت القوات البحرية لجمهورية كوريا سفينتين، ووقع معهد الأبحاث البحرية بكوريا الشمالية اتفاقا."
    )
    assert names["القوات البحرية لجمهورية كوريا"] == "South Korean Naval Forces"
    assert names["معهد الأبحاث البحرية بكوريا الشمالية"] == "North Korean Naval Research Institute"
    names = _names("وقالت هيئة المشتريات الدفاعية بكوريا إن العقد وقع.")
    assert names["هيئة المشتريات الدفاعية بكوريا"] == "South Korean Defence Procurement Authority"


def test_an_administration_named_by_what_it_runs_with_its_states_adjective_or_initials() -> None:
    # "the Italian military procurement administration (IMP) made a deal": «إدارة»
    # and a definite noun, named with its state's adjective, and with its initials too; the
    # indefinite object after the adjective is no word of it. «في إدارة الأزمة» (in running
    # the crisis) and «إدارة الرئيس الفرنسي» (the president's, by his title) are no such body.
    draft = _draft("وأبرمت إدارة المشتريات العسكرية الإيطالية (IMP) صفقة مع مصر.\n")
    body = _by_ar(draft)["إدارة المشتريات العسكرية الإيطالية"]
    assert body["type"] == "organization"
    assert body["name"] == "Italian Military Procurement Administration (IMP)"
    assert {"إدارة المشتريات العسكرية الإيطالية (IMP)", "IMP"} <= set(body["aliases"])
    names = _names("وأبرمت إدارة المشتريات العسكرية الإيطالية صفقة مع مصر.\n")
    assert "إدارة المشتريات العسكرية الإيطالية" in names
    assert not [n for n in names if "صفقة" in n]
    assert not [n for n in _names("وأخفقت اللجنة في إدارة الأزمة الإيطالية.\n") if "إدارة" in n]
    assert not [n for n in _names("ورفضت إدارة الرئيس الفرنسي العرض.\n") if "الرئيس" in n]


def test_running_a_thing_with_a_states_adjective_is_no_administration() -> None:
    # "the ambassador took over running the Libyan file": «إدارة» a verbal noun, the object of
    # a verb of taking over or criticising, or before a noun no body runs, is no "Libyan
    # Administration"; a body by «إدارة» keeps the noun of what it runs in its English.
    assert not _names("وتولى السفير إدارة الملف الليبي في يناير.\n")
    assert not _names("وانتقد المعارضون إدارة الأمن الإيرانية للاحتجاجات.\n")
    assert _names("وقالت إدارة الأمن الإيرانية إن الوضع هادئ.\n") == {
        "إدارة الأمن الإيرانية": "Iranian Security Administration"
    }
    english = _names("ووقعت إدارة العتاد الدفاعي البولندية (ABC) عقدا مع ألمانيا.\n")[
        "إدارة العتاد الدفاعي البولندية"
    ]
    assert "Atad" in english and english != "Polish Defence Administration (ABC)"


def test_an_agency_belonging_to_a_known_organization_and_with_two_fields_joined() -> None:
    # "the maintenance and supply agency belonging to NATO (MSA) signed a contract": the body
    # it belongs to is one the store knows, no institution's noun; «والإمداد» goes on with the
    # name, its close («التابعة») after it; «وزارة الدفاع والجيش» is two bodies.
    nato = {"id": "nato", "type": "organization", "name": "NATO", "name_ar": "حلف الناتو", "aliases": []}
    text = "وأبرمت وكالة التدريب والتسليح التابعة لحلف الناتو (TAA) اتفاقا مع بولندا.\n"
    draft = draft_article(text, [*copy.deepcopy(ENTITIES), nato], published=DAY)
    body = _by_ar(draft)["وكالة التدريب والتسليح التابعة لحلف الناتو"]
    assert body["type"] == "organization"
    assert "وكالة التدريب والتسليح التابعة لحلف الناتو (TAA)" in body["aliases"]
    assert "nato" in draft.mentioned  # named too, inside the agency's name
    names = _names("واجتمعت وزارة الدفاع والجيش الفرنسي في باريس.\n")
    assert not [n for n in names if "والجيش" in n]


def test_a_guard_or_a_gendarmerie_under_its_commander_is_a_body() -> None:
    # "the commander of the republican guard and the acting commander of the national
    # gendarmerie took part in the parade": a guard and a gendarmerie are forces, a body under their
    # commander with what kind they are; «قائد الحرس» alone names the office only.
    text = "وشارك في العرض قائد الحرس الجمهوري وقائد الدرك الوطني بالنيابة في تونس.\n"
    names = _names(text)
    assert names["الحرس الجمهوري"] == "Republican Guard"
    assert names["الدرك الوطني"] == "National Gendarmerie"
    assert not [n for n in _names("وقال قائد الحرس إن الوضع هادئ.\n") if n.startswith("الحرس")]


def test_no_company_is_named_across_a_mark_after_its_noun() -> None:
    # "Brigadier Salem Fahd, acting deputy interior minister, and the commander of the
    # national guard": «وكالة» (acting) then a comma; the word after the mark opens the next
    # one listed, no foreign name of an agency.
    text = "وحضر العميد سالم فهد الحربي، نائب وزير الداخلية وكالة، وقائد الحرس الوطني.\n"
    assert not [n for n in _names(text) if n.startswith("وقائد") or n == "قائد"]


def test_a_general_body_for_a_noun_in_construct_after_lam() -> None:
    # "the general administration of the Moroccan coast guard received its first ship":
    # after «العامة», ل on a noun in construct («لخفر السواحل») says what the body is for,
    # as «لل» does («للتطوير»); the definite noun is one the list holds with its article too.
    names = _names("وتسلمت الإدارة العامة لخفر السواحل المغربية أول سفينة.\n")
    assert (
        names["الإدارة العامة لخفر السواحل المغربية"] == "Moroccan General Administration of the Coast Guard"
    )


def test_a_body_named_with_the_ministry_it_is_in() -> None:
    # "the directorate of training and public relations at the French ministry of defence
    # announced": «ب» on the ministry's noun after a body's name says the body it is in,
    # named with it; a second field joined by «و», its adjective after it, goes on with the
    # name before «بوزارة».
    names = _names("وذكرت مديرية الصيانة والتموين العام بوزارة الدفاع الإيطالية أن السفن وصلت.\n")
    assert "مديرية الصيانة والتموين العام بوزارة الدفاع الإيطالية" in names
    names = _names("وأوضحت إدارة الإمداد الفني بوزارة الدفاع الإسبانية أن الصفقة تمت.\n")
    assert "إدارة الإمداد الفني بوزارة الدفاع الإسبانية" in names


def test_what_a_general_body_is_for_after_a_conjunction() -> None:
    # «ولخفر» is و, then ل on «خفر»: what the general body is for, as «لخفر» is; «وللتدريب»
    # as «للتدريب».
    keys = normalize("المديرية العامة ولخفر السواحل").split()
    assert purpose_word(keys, 2) == normalize("خفر")
    keys = normalize("المديرية العامة وللتدريب").split()
    assert purpose_word(keys, 2) == normalize("التدريب")
    assert purpose_word(normalize("المديرية العامة ولكن").split(), 2) is None
