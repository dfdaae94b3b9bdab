"""Drafting: what a reviewer edits besides subject, predicate and object (a claim's date,
speaker and via), and the page furniture a draft must not cite (a lead paragraph printed
twice)."""

from __future__ import annotations

import copy

from factcli.draft import draft_article, parse_published
from factcli.draft.dating import find_dates
from factcli.draft.spans import clauses

ENTITIES = [
    {"id": "egypt", "type": "country", "name": "Egypt", "name_ar": "مصر", "aliases": []},
    {"id": "france", "type": "country", "name": "France", "name_ar": "فرنسا", "aliases": []},
    {"id": "rafale", "type": "weapon_system", "name": "Rafale", "name_ar": "رافال", "aliases": []},
]
DAY = parse_published("2024-03-10")


def _draft(text: str, published=DAY):
    return draft_article(text, copy.deepcopy(ENTITIES), published=published)


# A paper the store knows, whose report an article may retell.
PAPER = {"id": "herald", "type": "organization", "name": "Nile Herald", "name_ar": "صحيفة النيل الزاهر"}


def _draft_with_paper(text: str):
    return draft_article(
        text, [*copy.deepcopy(ENTITIES), dict(PAPER, aliases=["النيل الزاهر"])], published=DAY
    )


# -- page furniture --------------------------------------------------------------------


def test_a_lead_printed_above_the_date_line_and_again_in_the_body_is_cited_once_from_the_body() -> None:
    lead = (
        "في إطار الزيارة الرسمية التي يقوم بها وزير الدفاع الفرنسي إلى القاهرة على رأس وفد كبير من"
        " المسؤولين والخبراء، وقعت مصر وفرنسا في القاهرة اتفاقا لشراء طائرات رافال المقاتلة بحضور"
        " كبار القادة العسكريين في البلدين"
    )
    text = f"{lead}\n10 مارس 2024\n{lead}.\nوقال مسؤول إن التسليم يبدأ العام المقبل."
    body = text.rindex(lead)
    starts = [c["citation"]["start"] for c in _draft(text).claims]
    assert starts, "the body's copy gives no candidate"
    assert all(s >= body for s in starts), "a candidate cites the copy above the date line"


def test_a_lead_printed_again_reworded_a_little_is_cited_once_from_the_body() -> None:
    # the page prints the lead, then a view count and the headline, then the body whose
    # first sentence is the lead with a preposition and a clause added: the same lead
    lead = "وقعت مصر وفرنسا اليوم الأحد اتفاقا لشراء طائرات رافال المقاتلة، مؤكدة أهمية الشراكة."
    body = (
        "وقعت مصر مع فرنسا اليوم الأحد اتفاقا لشراء طائرات رافال المقاتلة، مؤكدة على أهمية"
        " الشراكة مع فرنسا في مواجهة التحديات. وقال مسؤول إن التسليم يبدأ العام المقبل."
    )
    text = f"الأخبار\n\n{lead}\n\n  • 2150\nمصر تشتري رافال\n\n{body}"
    at = text.index(body)
    starts = [c["citation"]["start"] for c in _draft(text).claims]
    assert starts, "the body gives no candidate"
    assert all(s >= at for s in starts), "a candidate cites the lead printed above the body"
    # a paragraph printed twice, a letter changed the second time: the first is read
    first = "وقالت مصر إنها ستوقع مع فرنسا اتفاقا لشراء طائرات رافال المقاتلة خلال زيارة الوزير."
    second = first.replace("ستوقع", "سيوقع")
    text = f"{first}\n\n{second}\nوقال مسؤول إن التسليم يبدأ العام المقبل."
    starts = [c["citation"]["start"] for c in _draft(text).claims]
    assert any(s < len(first) for s in starts), "the first print gives no candidate"
    assert not [s for s in starts if text.index(second) <= s < text.index(second) + len(second)]
    # a first paragraph that another paragraph only echoes in part stays the body's
    other = "وقعت مصر وفرنسا اتفاقا لشراء طائرات رافال، وتبدأ عمليات التسليم في العام المقبل بحسب مسؤول."
    echo = "وقعت مصر وفرنسا اتفاقا آخر لتدريب الطيارين المصريين في قواعد فرنسية خلال الصيف المقبل."
    text = f"{other}\n{echo}"
    assert any(c["citation"]["start"] < len(other) for c in _draft(text).claims)


# -- dates: a year's word and a plan's period read through their proclitics --------------


def _dates(text: str) -> list[tuple[str, str]]:
    return [
        (str(span.start), str(span.end))
        for clause in clauses(text)
        for _, _, span in find_dates(text, clause.words, DAY, set())
    ]


def test_a_number_after_a_years_word_with_a_proclitic_is_a_year() -> None:
    # "the plant was founded for the year 1890": «للعام» is ل + العام, and 1890 a year
    assert _dates("أنشئ المصنع للعام 1890 ثم توسع") == [("1890-01-01", "1890-12-31")]
    assert _dates("أنشئ المصنع وعام 1890 توسع") == [("1890-01-01", "1890-12-31")]
    # a bare number outside the years news tells of is a count
    assert _dates("أنشئ المصنع ثم 1890 توسع") == []


def test_a_plans_period_after_a_conjunction_and_a_preposition_is_no_date_of_the_act() -> None:
    # "the ministry drew up a plan, and for the period from 2026 to 2030 it covers arming"
    assert _dates("وضعت الوزارة خطة وللفترة من 2026 إلى 2030 تشمل التسليح") == []
    assert _dates("وضعت الوزارة خطة للفترة من 2026 إلى 2030") == []
    # the same sentence with a year of the act and no period's words is dated
    assert _dates("وضعت الوزارة خطة عام 2026") == [("2026-01-01", "2026-12-31")]


def test_a_span_between_two_ends_reads_the_and_on_the_second_figure() -> None:
    # "between the 19th and the 23rd of October last year" (published March 2024)
    assert _dates("جرت المناورات بين 19 و23 أكتوبر الماضي") == [("2023-10-19", "2023-10-23")]
    assert _dates("جرت المناورات بين عامي 2019 و 2023") == [("2019-01-01", "2023-12-31")]


# -- a model and the company it is of ------------------------------------------------------


def test_a_model_of_a_group_or_of_the_company_is_made_by_it() -> None:
    acme = {"id": "acme", "type": "organization", "name": "Acme Aero", "name_ar": "أكمي", "aliases": []}
    for text in (
        "واختارت مصر مقاتلات «ميغ-41» لمجموعة أكمي الروسية.",
        "واختارت مصر مقاتلات «ميغ-41» للشركة أكمي الروسية.",
    ):
        draft = draft_article(text, [*copy.deepcopy(ENTITIES), dict(acme)], published=DAY)
        names = {e["id"]: e["name"] for e in [*ENTITIES, acme, *draft.entities]}
        made = {
            (names.get(c["subject"]), names.get(c["object"]))
            for c in draft.claims
            if c["predicate"] == "manufactures"
        }
        assert made == {("Acme Aero", "MiG-41")}, text


# -- speaker and via ---------------------------------------------------------------------


def _accounts(text: str) -> list[tuple[str | None, str | None, str | None, str]]:
    """(subject, speaker, via) by Arabic name where proposed, English where stored, and the
    predicate, of each candidate."""
    draft = _draft(text)
    names = {e["id"]: e.get("name_ar") or e["name"] for e in draft.entities}
    names.update({e["id"]: e["name"] for e in ENTITIES})
    return [
        (names.get(c["subject"]), names.get(c["speaker"]), names.get(c["via"]), c["predicate"])
        for c in draft.claims
    ]


def test_a_news_agency_no_one_credited_is_the_via_of_what_it_tells_and_no_party() -> None:
    # "According to the Libyan News Agency, Egypt signed with France a deal for Rafale jets"
    told = _accounts("وبحسب وكالة الأنباء الليبية وقعت مصر مع فرنسا صفقة لشراء طائرات رافال.")
    signed = [t for t in told if t[3] == "signed"]
    assert signed and all(t[2] == "وكالة الأنباء الليبية" for t in signed)
    assert all(t[0] != "وكالة الأنباء الليبية" for t in told)


def test_a_news_agency_that_says_is_the_via_not_the_speaker() -> None:
    # "The Libyan News Agency said that Egypt signed a deal with France"
    told = _accounts("قالت وكالة الأنباء الليبية إن مصر وقعت مع فرنسا صفقة لشراء طائرات رافال.")
    signed = [t for t in told if t[3] == "signed"]
    assert signed and all(t[1] is None and t[2] == "وكالة الأنباء الليبية" for t in signed)


def test_a_states_agency_that_says_is_its_speaker_not_a_medium() -> None:
    # "The Defence Cooperation Agency said that Egypt signed ...": an agency of a state
    told = _accounts("وقالت وكالة التعاون الدفاعي إن مصر وقعت مع فرنسا صفقة لشراء طائرات رافال.")
    signed = [t for t in told if t[3] == "signed"]
    assert signed and all(t[2] is None and t[1] == "وكالة التعاون الدفاعي" for t in signed)


def test_who_a_medium_relays_after_an_is_the_speaker() -> None:
    # "The paper relayed from the Egyptian defence minister Hazem Fawzi that Egypt will buy ..."
    text = (
        "وذكرت صحيفة النيل الزاهر أن مصر تتفاوض مع فرنسا. "
        "ونقلت الصحيفة عن وزير الدفاع المصري حازم فوزي أن مصر ستشتري طائرات رافال من فرنسا."
    )
    later = [t for t in _accounts(text) if t[3] in ("purchased", "supplies")]
    assert later and all(t[1] == "حازم فوزي" and t[2] == "النيل الزاهر" for t in later)


def test_who_relays_another_is_a_medium_whatever_its_noun() -> None:
    # "The bulletin «Defence Today» relayed from the Egyptian defence minister Hazem Fawzi
    # that Egypt will buy Rafale jets from France": the bulletin is the via
    text = "ونقلت نشرة “ديفنس توداي” المتخصصة عن وزير الدفاع المصري حازم فوزي أن مصر ستشتري طائرات رافال من فرنسا."
    told = [t for t in _accounts(text) if t[1] == "حازم فوزي"]
    assert told and all(t[2] == "ديفنس توداي" for t in told)


def test_an_agency_after_the_place_in_a_closing_bracket_is_the_articles_via() -> None:
    # "(Cairo - dpa)" closing the text: the agency the article is credited to
    text = "قال وزير الدفاع المصري حازم فوزي إن مصر ستشتري طائرات رافال من فرنسا.\n(القاهرة ـ د ب أ)"
    draft = draft_article(text, copy.deepcopy(ENTITIES), published=DAY, credited=["dpa"])
    names = {e["id"]: e["name"] for e in draft.entities}
    vias = {names.get(c["via"]) for c in draft.claims if c["predicate"] == "purchased"}
    assert vias == {"dpa"}


def test_the_first_sentences_medium_stops_being_the_via_once_another_source_speaks() -> None:
    # A paper's report opens the article; then the French ministry speaks for itself, and
    # the article goes on in its own words: the paper is no longer the via
    text = (
        "نشرت صحيفة “النيل الزاهر” تقريرا ذكرت فيه أن مصر وقعت مع فرنسا صفقة لشراء طائرات رافال.\n"
        "من جهتها، أعلنت وزارة الدفاع الفرنسية أن فرنسا ستسلم مصر الطائرات العام المقبل.\n"
        "وكان وزير الدفاع المصري حازم فوزي قد زار فرنسا الشهر الماضي."
    )
    draft = _draft_with_paper(text)
    signed = [c for c in draft.claims if c["predicate"] == "signed"]
    assert signed and all(c["via"] == "herald" for c in signed)
    visits = [c for c in draft.claims if c["predicate"] == "visited"]
    assert visits and all(c["via"] is None for c in visits)


def test_a_later_paragraph_told_with_no_source_is_the_articles_own_narration() -> None:
    # The paper's report is the first paragraph; the next paragraph tells background with
    # no source: no via. A sentence naming the paper again is still its account.
    text = (
        "ذكرت صحيفة النيل الزاهر أن مصر وقعت مع فرنسا صفقة لشراء طائرات رافال.\n"
        "وكانت مصر قد تسلمت طائرات رافال من فرنسا عام 2015.\n"
        "وأوضحت الصحيفة أن فرنسا ستسلم مصر الطائرات الجديدة العام المقبل."
    )
    draft = _draft_with_paper(text)
    by_line = {}
    for c in draft.claims:
        by_line.setdefault(text.count("\n", 0, c["citation"]["start"]), set()).add(c["via"])
    assert by_line.get(0) == {"herald"}
    assert by_line.get(1) == {None}
    assert by_line.get(2) == {"herald"}


def test_an_unnamed_official_who_speaks_is_not_the_speaker_named_before() -> None:
    # The minister speaks; then "an informed Egyptian official said that ...": no speaker
    # (someone not named), where «وقال الوزير» would be the minister again
    text = (
        "قال وزير الدفاع المصري حازم فوزي إن مصر ستشتري طائرات رافال من فرنسا.\n"
        "وذكر مسؤول مصري مطلع أن فرنسا ستسلم مصر الطائرات العام المقبل.\n"
        "وقال الوزير إن مصر ستشتري طائرات رافال أخرى من فرنسا."
    )
    draft = _draft(text)
    names = {e["id"]: e.get("name_ar") for e in draft.entities}
    by_line: dict[int, set] = {}
    for c in draft.claims:
        if c["predicate"] not in ("holds_position", "office_in"):
            by_line.setdefault(text.count("\n", 0, c["citation"]["start"]), set()).add(
                names.get(c["speaker"])
            )
    assert by_line.get(0) == {"حازم فوزي"}
    assert by_line.get(1) == {None}
    assert by_line.get(2) == {"حازم فوزي"}


# -- modality ----------------------------------------------------------------------------


def test_a_deals_value_told_in_the_future_is_a_fact_about_the_deal() -> None:
    # "Egypt and France will sign a deal for Rafale jets, whose value will reach five
    # billion dollars": the signing is still to come, the value is the deal's term
    draft = _draft("ستوقع مصر وفرنسا صفقة لشراء طائرات رافال ستبلغ قيمتها خمسة مليارات دولار.")
    values = [c for c in draft.claims if c["predicate"] == "contract_value"]
    assert values and all(c["modality"] == "fact" for c in values)
    assert {c["modality"] for c in draft.claims if c["predicate"] == "signed"} == {"planned"}


def test_a_medium_that_reports_a_persons_words_first_is_the_via_of_the_whole_article() -> None:
    # "The Egyptian defence minister announced that ..., according to a report the Nile
    # Herald published": the article retells the paper's piece, its later paragraphs too
    text = (
        "أعلن وزير الدفاع المصري حازم فوزي أن مصر ستشتري طائرات رافال من فرنسا، "
        "وفقا لخبر نشرته صحيفة النيل الزاهر.\n"
        "وكانت مصر قد تسلمت طائرات رافال من فرنسا عام 2015."
    )
    draft = _draft_with_paper(text)
    later = [c for c in draft.claims if c["citation"]["start"] > text.index("\n")]
    assert later and all(c["via"] == "herald" for c in later)


def _modalities(text: str, predicate: str) -> set[str]:
    return {c["modality"] for c in _draft(text).claims if c["predicate"] == predicate}


def test_the_future_of_the_passive_auxiliary_is_planned() -> None:
    # "the Rafale jets will be delivered to Egypt": «سيتم» is سـ + the auxiliary «تم»
    assert _modalities("وسيتم تسليم طائرات رافال إلى مصر.", "received") == {"planned"}
    # the same act told as done stays a fact
    assert _modalities("وتم تسليم طائرات رافال إلى مصر.", "received") == {"fact"}


def test_what_an_agreement_arranges_with_ala_an_is_planned() -> None:
    # "Egypt signed a contract with France under which Egypt is to receive Rafale jets":
    # the signing is done, what it arranges («على أن» + an imperfect) is to come
    text = "وقعت مصر عقدا مع فرنسا على أن تتسلم مصر طائرات رافال."
    assert _modalities(text, "signed") == {"fact"}
    assert _modalities(text, "includes") == {"planned"}


def test_talks_held_before_the_act_do_not_make_it_talks() -> None:
    # "after talks with France, Egypt signed a deal for Rafale jets": the signing is done
    assert _modalities("بعد محادثات مع فرنسا، وقعت مصر صفقة لشراء طائرات رافال.", "signed") == {"fact"}
    assert _modalities("ووقعت مصر عقب المباحثات صفقة لشراء طائرات رافال من فرنسا.", "signed") == {"fact"}
    # talks still going on keep it in talks
    assert _modalities("وتجري مصر محادثات مع فرنسا لشراء طائرات رافال.", "negotiating_purchase") == {
        "in_talks"
    }


def test_a_time_past_a_relative_pronoun_belongs_to_the_relative_clause() -> None:
    # "Egypt received Rafale jets, which will enter service next year": the receipt is
    # done and has no date of its own; told of the receipt itself, next year is its date
    done = [c for c in _draft("تسلمت مصر طائرات رافال التي ستدخل الخدمة العام المقبل.").claims]
    received = [c for c in done if c["predicate"] == "received"]
    assert received and all(c["modality"] == "fact" and c["date"] is None for c in received)
    later = [c for c in _draft("تتسلم مصر طائرات رافال العام المقبل.").claims if c["predicate"] == "received"]
    assert later and all(c["modality"] == "planned" and c["date"]["start"] == "2025-01-01" for c in later)
    # "now" past a relative pronoun is the time of the whole sentence: the talks are dated
    talks = _draft(
        "وبحث وزير الدفاع المصري حازم فوزي الذي يزور باريس حاليا مع نظيره الفرنسي صفقة طائرات رافال."
    )
    discussed = [c for c in talks.claims if c["predicate"] == "discussed"]
    assert discussed and all(c["date"] and c["date"]["text"] == "حاليا" for c in discussed)


# -- via: the statement a speaker's words were given in ----------------------------------


def test_words_given_in_a_statement_have_the_statement_as_their_via() -> None:
    # "the Egyptian defence minister said in a press statement today that Egypt received
    # Rafale jets": the via is the statement, named by its words up to the time
    said = "وقال وزير الدفاع المصري حازم فوزي في بيان صحفي اليوم إن مصر تسلمت طائرات رافال من فرنسا."
    draft = _draft(said)
    statements = [e for e in draft.entities if e["name_ar"] == "بيان صحفي"]
    received = [c for c in draft.claims if c["predicate"] == "received"]
    assert statements and received and all(c["via"] == statements[0]["id"] for c in received)
    # said with no statement named, there is no via
    plain = _draft(said.replace(" في بيان صحفي اليوم", ""))
    assert {c["via"] for c in plain.claims if c["predicate"] == "received"} == {None}


# -- dates: a month told without its year ----------------------------------------------


def test_a_done_acts_month_without_its_year_is_the_last_one_before_publication() -> None:
    # published 10 March 2024: "Egypt received Rafale jets in August" is August 2023
    done = [
        c for c in _draft("وتسلمت مصر طائرات رافال من فرنسا في أغسطس.").claims if c["predicate"] == "received"
    ]
    assert done and all(c["modality"] == "fact" and c["date"]["start"] == "2023-08-01" for c in done)
    # told in the imperfect, or with its year, it is still to come
    for text in (
        "وتتسلم مصر طائرات رافال من فرنسا في أغسطس.",
        "وتسلمت مصر طائرات رافال من فرنسا في أغسطس 2024.",
    ):
        later = [c for c in _draft(text).claims if c["predicate"] == "received"]
        assert later and all(c["modality"] == "planned" and c["date"]["start"] == "2024-08-01" for c in later)


def test_the_statement_told_again_by_its_definite_noun_is_the_via() -> None:
    # "the army command said in a statement that Egypt received Rafale jets. The statement
    # explained that Egypt received Rafale jets": «البيان» after a saying verb or a credit's
    # word is the statement named before, the via of what it tells
    said = "وقالت قيادة الجيش المصري في بيان عسكري إن الجيش يحدث أسطوله الجوي."
    for again in (
        "وأوضح البيان أن مصر تسلمت طائرات رافال من فرنسا.",
        "ووفقا للبيان، تسلمت مصر طائرات رافال من فرنسا.",
        "وبحسب البيان، تسلمت مصر طائرات رافال من فرنسا.",
    ):
        draft = _draft(f"{said} {again}")
        statements = [e for e in draft.entities if e["name_ar"] == "بيان عسكري"]
        received = [c for c in draft.claims if c["predicate"] == "received"]
        assert statements and received and all(c["via"] == statements[0]["id"] for c in received), again
        # with no statement named before, «البيان» has nothing to refer to
        alone = [c for c in _draft(again).claims if c["predicate"] == "received"]
        assert alone and {c["via"] for c in alone} == {None}


def test_what_a_deal_covers_told_under_it_is_a_fact() -> None:
    # "India signed a deal with France, under which the Indian navy will get submarines":
    # the deal's items, told after «بموجبها», are its terms (a fact); a deal still to be
    # signed («ستوقع») that will cover them is planned
    signed = _draft("ووقعت الهند صفقة مع فرنسا، ستحصل بموجبها البحرية الهندية على غواصات سكوربين.")
    items = [c for c in signed.claims if c["predicate"] == "includes"]
    assert items and {c["modality"] for c in items} == {"fact"}
    later = _draft("وستوقع الهند صفقة مع فرنسا ستشمل غواصات سكوربين.")
    items = [c for c in later.claims if c["predicate"] == "includes"]
    assert items and {c["modality"] for c in items} == {"planned"}


def test_words_given_to_a_paper_come_through_it() -> None:
    # "the minister said in a talk to the Nile Herald paper today that Egypt received Rafale
    # jets": the paper named between the saying verb and what is said is the via; the
    # minister stays the speaker
    for given in (
        "في حديث لصحيفة النيل الزاهر",
        "في تصريحات أدلى بها اليوم لصحيفة النيل الزاهر",
        "في حديث لصحيفة “النيل الزاهر”",  # (the quotation mark opens the paper's name)
    ):
        said = f"وقال وزير الدفاع المصري حازم فوزي {given} إن مصر تسلمت طائرات رافال من فرنسا."
        received = [c for c in _draft_with_paper(said).claims if c["predicate"] == "received"]
        assert received and {c["via"] for c in received} == {"herald"}, given
        assert all(c["speaker"] not in (None, "herald") for c in received)
    # said to no medium, the words have no via
    about = "وقال وزير الدفاع المصري حازم فوزي في حديث اليوم إن مصر تسلمت طائرات رافال من فرنسا."
    received = [c for c in _draft_with_paper(about).claims if c["predicate"] == "received"]
    assert received and {c["via"] for c in received} == {None}


def test_a_cue_in_the_perfect_is_done_whatever_future_verb_comes_before_it() -> None:
    # "France announced it will sell Egypt Rafale jets in a deal Egypt signed yesterday":
    # the signing, told in the perfect («وقعت»), is done; the future («ستبيع») before it
    # is the selling's tense, and a signing told in the future stays planned
    text = "وأعلنت فرنسا أنها ستبيع طائرات رافال لمصر في صفقة وقعت عليها مصر أمس."
    signed = [c for c in _draft(text).claims if c["predicate"] == "signed"]
    assert signed and {c["modality"] for c in signed} == {"fact"}
    later = "وأعلنت فرنسا أن مصر ستوقع صفقة طائرات رافال."
    signed = [c for c in _draft(later).claims if c["predicate"] == "signed"]
    assert signed and {c["modality"] for c in signed} == {"planned"}


def test_talks_told_as_over_or_lasted_are_not_talks_going_on() -> None:
    # "the minister said the talks ended with Egypt buying Rafale jets", "talks were held",
    # "Egypt concluded talks to buy Rafale", "signed after months of talks": talks over;
    # "Egypt is holding talks with France to buy Rafale": still going on
    for over in (
        "وقال الوزير إن المفاوضات انتهت بشراء مصر طائرات رافال من فرنسا.",
        "وقال الوزير إن المفاوضات جرت لشراء مصر طائرات رافال من فرنسا.",
        "واختتمت مصر بنجاح مفاوضات شراء طائرات رافال من فرنسا.",
        "ووقعت مصر عقدا مع فرنسا لشراء طائرات رافال بعد أشهر من المفاوضات.",
    ):
        claims = _draft(over).claims
        assert {c["modality"] for c in claims} == {"fact"}, over
        # talks over tell of no purchase made: the talks' predicate, never a purchase or a
        # supply read off the verbal noun of buying they were held for
        predicates = {c["predicate"] for c in claims}
        assert "negotiating_purchase" in predicates and not predicates & {"purchased", "supplies"}, over
    going_on = _draft("وتجري مصر مفاوضات مع فرنسا لشراء طائرات رافال.").claims
    assert going_on and {c["modality"] for c in going_on} == {"in_talks"}


def test_the_last_round_of_talks_is_talks_going_on() -> None:
    # "France and Egypt are in the final round of talks to acquire the jets": «النهائية», an
    # adjective of the round, tells no talks over and no purchase
    claims = _draft("وتخوض فرنسا ومصر المرحلة النهائية من المحادثات لاقتناء مقاتلات رافال.").claims
    assert claims and {c["modality"] for c in claims} == {"in_talks"}
    assert {c["predicate"] for c in claims} == {"negotiating_purchase"}


def test_a_time_after_or_before_an_event_is_not_a_time_after_or_before_publication() -> None:
    # "Egypt signed the deal after three years of talks", "received the jets two years
    # before signing": counted from the event after «من», not from 10 March 2024; "three
    # years from now" and a bare "after three years" do count from publication
    assert _dates("ووقعت مصر الصفقة بعد ثلاث سنوات من المفاوضات.") == []
    assert _dates("وتسلمت مصر الطائرات قبل عامين من توقيع العقد.") == []
    assert ("2027-01-01", "2027-12-31") in _dates("وستتسلم مصر الطائرات بعد ثلاث سنوات من الآن.")
    assert _dates("وستتسلم مصر الطائرات بعد ثلاث سنوات.") == [("2027-01-01", "2027-12-31")]
    signed = [
        c
        for c in _draft("ووقعت مصر الصفقة مع فرنسا بعد ثلاث سنوات من المفاوضات.").claims
        if c["predicate"] == "signed"
    ]
    assert signed and {c["modality"] for c in signed} == {"fact"}


def test_a_body_credited_at_the_close_of_a_sentence_is_the_via_of_what_it_told() -> None:
    # "Egypt received the Rafale jets yesterday, as the Egyptian defence ministry announced",
    # "according to the presidency in a statement": the body credited at the close is the
    # sentence's source, a medium or not, and speaks no words of its own there
    for told in (
        "وتسلمت مصر طائرات رافال من فرنسا أمس، وفق ما أعلنت وزارة الدفاع المصرية.",
        "وتسلمت مصر طائرات رافال من فرنسا أمس بحسب وزارة الدفاع المصرية.",
        "وتسلمت مصر طائرات رافال من فرنسا أمس، حسبما ذكرت الرئاسة المصرية في بيان.",
    ):
        drafted = _draft(told)
        credited = {
            e["id"] for e in drafted.entities if e.get("name_ar", "").startswith(("وزارة", "الرئاسة"))
        }
        received = [c for c in drafted.claims if c["predicate"] == "received"]
        assert received and {c["via"] for c in received} <= credited and credited, told
        assert {c["speaker"] for c in received} == {None}, told
    # the credit covers what came before it: not what the next sentence goes on to tell
    then = _draft(
        "وتسلمت مصر طائرات رافال من فرنسا أمس، وفق ما أعلنت وزارة الدفاع المصرية."
        " كما وقعت مصر عقدا مع فرنسا لشراء طائرات رافال أخرى."
    ).claims
    signed = [c for c in then if c["predicate"] == "signed"]
    assert signed and {c["via"] for c in signed} == {None}
    # a statement between («بحسب بيان لوزارة ...») names whose words they are, not a credit
    stated = _draft("وتسلمت مصر طائرات رافال من فرنسا أمس، بحسب بيان لوزارة الدفاع المصرية.").claims
    assert stated and {c["via"] for c in stated} == {None}
    # a transfer («ونقل الخبرات») is no credit's word: no source
    shared = _draft("وتسلمت مصر طائرات رافال من فرنسا أمس، ونقل الخبرات بين القوات المسلحة في البلدين.")
    assert {c["via"] for c in shared.claims} == {None}


def test_a_credit_closing_a_sentence_is_not_carried_onto_its_titles() -> None:
    # the title phrase «وزير الدفاع الفرنسي» is the article's naming, credited to no one;
    # the talks it tells come through the ministry
    text = (
        "وأجرى وزير الدفاع الفرنسي سيباستيان لوكورنو محادثات مع مصر لشراء طائرات رافال،"
        " وفق ما أعلنت وزارة الدفاع الفرنسية."
    )
    claims = _draft(text).claims
    titles = [c for c in claims if c["predicate"] in ("holds_position", "office_in")]
    others = [c for c in claims if c["predicate"] not in ("holds_position", "office_in")]
    assert titles and {c["via"] for c in titles} == {None}
    assert others and None not in {c["via"] for c in others}


def test_a_done_act_is_no_hedge_whatever_may_word_stands_near_it() -> None:
    # "Egypt had received Rafale jets" (the pluperfect «كانت ... قد»), "Egypt may have
    # received them" read as «قد» + a perfect by its ending, and a hedge after a done act
    # that belongs to another verb ("a deal that may raise tension"): all told as done;
    # "Egypt may buy Rafale jets" is hedged
    for done in (
        "وكانت مصر قد تسلمت طائرات رافال من فرنسا العام الماضي.",
        "وكان الجيش المصري قد تسلم طائرات رافال من فرنسا العام الماضي.",
        "وقال الوزير إن مصر قد تسلمت طائرات رافال من فرنسا.",
        "وتسلمت مصر طائرات رافال من فرنسا ضمن صفقة ربما تثير قلق جيرانها.",
    ):
        received = [c for c in _draft(done).claims if c["predicate"] == "received"]
        assert received and {c["modality"] for c in received} == {"fact"}, done
    # an expectation or a plan told after a done act is another verb's: the signing is done
    for told in (
        "ووقعت مصر مع فرنسا عقدا لشراء 30 طائرة رافال، يتوقع أن يتسلم سلاح الجو أولاها قريبا.",
        "ووقعت مصر عقدا مع فرنسا لشراء طائرات رافال تنوي استخدامها في سلاح الجو.",
    ):
        signed = [c for c in _draft(told).claims if c["predicate"] == "signed"]
        assert signed and {c["modality"] for c in signed} == {"fact"}, told
    for hedged in (
        "وقال الوزير إن مصر قد تشتري طائرات رافال من فرنسا.",
        "وقال الوزير إن مصر ربما تشتري طائرات رافال.",
    ):
        bought = [c for c in _draft(hedged).claims if c["predicate"] == "purchased"]
        assert bought and {c["modality"] for c in bought} == {"hedged"}, hedged


def test_a_sentence_opening_on_a_body_credited_comes_through_it() -> None:
    # "According to the Egyptian defence ministry, Egypt received the Rafale jets": what
    # follows the credit comes through the body, which is no speaker; «وفقا لبيان الوزارة»
    # (a statement between) names whose words they are and is not read so
    drafted = _draft("وبحسب وزارة الدفاع المصرية، تسلمت مصر طائرات رافال من فرنسا أمس.")
    ministry = {e["id"] for e in drafted.entities if e.get("name_ar", "").startswith("وزارة")}
    received = [c for c in drafted.claims if c["predicate"] == "received"]
    assert ministry and received and {c["via"] for c in received} <= ministry
    assert {c["speaker"] for c in received} == {None}
    stated = _draft("ووفقا لبيان وزارة الدفاع المصرية، تسلمت مصر طائرات رافال من فرنسا أمس.").claims
    assert {c["via"] for c in stated if c["predicate"] == "received"} == {None}


# -- a lead printed again: only its copy near the top, alike over the whole copy ---------

MORE = [
    {"id": "russia", "type": "country", "name": "Russia", "name_ar": "روسيا", "aliases": []},
    {"id": "mistral", "type": "weapon_system", "name": "Mistral", "name_ar": "ميسترال", "aliases": []},
]


def _draft_more(text: str):
    return draft_article(text, copy.deepcopy([*ENTITIES, *MORE]), published=DAY)


def _cited_in(text: str, paragraph: str) -> bool:
    at = text.index(paragraph)
    return any(at <= c["citation"]["start"] < at + len(paragraph) for c in _draft_more(text).claims)


def test_a_paragraph_opening_as_the_lead_with_other_news_is_no_copy_of_it() -> None:
    # two short paragraphs of the same length, alike in their first words and telling of
    # two deliveries: the second is no copy of the first, and both are read
    first = "تسلمت مصر اليوم الأحد من فرنسا الدفعة الأولى من طائرات رافال."
    second = "تسلمت مصر اليوم الأحد من فرنسا الدفعة الأولى من حاملات ميسترال."
    text = f"{first}\n{second}\nوقال مسؤول إن التسليم يكتمل العام المقبل."
    assert _cited_in(text, first)
    assert _cited_in(text, second), "the second delivery is dropped as a copy of the first"


def test_a_lead_is_kept_when_a_longer_paragraph_after_it_tells_of_another_weapon() -> None:
    # the lead tells of Rafale jets from France; the next paragraph opens with the same
    # words but tells of MiG jets from Russia: the lead is no reworded print of it
    lead = "أكدت مصادر عسكرية في القاهرة أمس أن مصر تسلمت طائرات رافال من فرنسا."
    other = "أكدت مصادر عسكرية في القاهرة أمس أن مصر تسلمت طائرات ميغ من روسيا ضمن صفقة جديدة."
    text = f"{lead}\n{other}"
    assert _cited_in(text, lead), "the lead is dropped as the furniture of a longer copy"


def test_short_lines_far_down_the_body_are_no_furniture_of_a_lead_printed_again() -> None:
    # the lead, three paragraphs of the body, a list whose items end with no stop, and a
    # closing paragraph that restates the lead: the list is the body's, not the page's
    lead = "وقعت مصر وفرنسا اتفاقا لشراء طائرات رافال المقاتلة خلال زيارة الوزير إلى باريس."
    item = "- تسلمت مصر حاملات ميسترال من فرنسا عام 2016"
    text = "\n".join(
        [
            lead,
            "وقال مسؤول إن التسليم يبدأ العام المقبل.",
            "وأضاف أن الطيارين يتدربون في قواعد فرنسية.",
            "وأشار إلى أن الصفقة تشمل صواريخ وذخائر.",
            "صفقات سابقة",
            item,
            "وقعت مصر وفرنسا اتفاقا لشراء طائرات رافال المقاتلة خلال زيارة الوزير إلى باريس الشهر الجاري.",
        ]
    )
    assert _cited_in(text, item), "a list item down the body is dropped as furniture"
    assert _cited_in(text, lead), "the lead is dropped for a restatement at the article's end"


def test_a_credit_line_above_the_body_is_the_via_of_the_narration_after_it() -> None:
    # «As reported by "Cairo Wire":» on a line of its own, then the narration: the medium
    # is the via of what the article goes on to tell, as a dateline's agency would be
    wire = {
        "id": "wire",
        "type": "organization",
        "name": "Cairo Wire",
        "name_ar": "كايرو واير",
        "aliases": [],
    }
    text = 'نقلا عن "كايرو واير":\nتسلمت مصر من فرنسا أمس الدفعة الأولى من طائرات رافال المقاتلة.'
    draft = draft_article(text, [*copy.deepcopy(ENTITIES), wire], published=DAY)
    received = [c for c in draft.claims if c["object"] == "rafale"]
    assert received and {c["via"] for c in received} == {"wire"}
