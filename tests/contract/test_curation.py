"""The curation rules of CURATION.md, checked on the corpus and the shipped store."""

from __future__ import annotations

import pytest
from conftest import CORPUS, read_jsonl

FIELDS = ("subject", "object", "speaker", "via")


def test_every_corpus_claim_pins_its_id():
    # Ids are assigned in import order when left out: one claim added or split in article
    # 001 would renumber every claim after it, and a cited c0104 would name another claim.
    for path in sorted(CORPUS.glob("claims-*.jsonl")):
        for n, rec in enumerate(read_jsonl(path), 1):
            assert isinstance(rec.get("id"), str), f"{path.name} line {n}"


def test_entities_a_claim_is_about_are_named_by_it(shipped):
    named = {c[f] for c in shipped.claims for f in FIELDS if c.get(f)}
    # The Turkish-Russian-Iranian summit (c0182-c0184), the Rosoboronexport-MoD framework deal
    # (c0179/c0180), Turkey's first S-400 deal (c0181).
    assert {"iran", "qatar-ministry-of-defence", "turkey-s400-first-deal"} <= named


def test_entities_no_claim_names_are_the_documented_ones(shipped):
    named = {c[f] for c in shipped.claims for f in FIELDS if c.get(f)}
    unnamed = {e["id"] for e in shipped.entities} - named
    # Kept because their names link claim text in search (CURATION.md, "Entities no claim
    # names"); tass, khaleej-jadeed, shoigu-visit-qatar-2017 and turkey-s400-deal-2017 are gone.
    assert unnamed == {
        "syria",
        "libya",
        "sea-palace",
        "st-petersburg",
        "world-cup-2018",
        "russian-armed-forces",
    }


# --- roles: a job title is an office held at a date -------------------------------------


def test_shipped_role_claims_name_an_office_and_each_office_its_organization(shipped):
    types = {e["id"]: e["type"] for e in shipped.entities}
    roles = [c for c in shipped.claims if c["predicate"] in ("holds_position", "held_position")]
    assert roles and all(types[c["object"]] == "office" for c in roles)
    offices = {c["object"] for c in roles}
    linked = {c["subject"]: c["object"] for c in shipped.claims if c["predicate"] == "office_in"}
    assert set(linked) == offices == {e for e, t in types.items() if t == "office"}
    assert linked["fsvts-director"] == "fsvts"
    assert linked["russian-defence-minister"] == "russia"


def test_shipped_emir_of_qatar_is_held_by_tamim_at_each_date_the_articles_give(shipped):
    dates = sorted(
        (c["date"]["start"], c["date"]["end"])
        for c in shipped.claims
        if (c["subject"], c["predicate"], c["object"])
        == ("tamim-bin-hamad", "holds_position", "emir-of-qatar")
    )
    # Shoigu's visit, the Putin call, Kholov's Saturday statement, the 2021 interview.
    assert dates == [
        ("2017-10-25", "2017-10-25"),
        ("2017-11-20", "2017-11-20"),
        ("2018-07-21", "2018-07-21"),
        ("2020-09-01", "2021-05-31"),
    ]


def test_a_role_claim_with_a_state_for_its_office_is_refused():
    from conftest import entity_record, source_record

    from factcli.importer import ValidationError, build

    records = [
        source_record("src-a", "Vladimir Putin is the President of Russia.", "2017-11-20"),
        entity_record("vladimir-putin", "Vladimir Putin", "person"),
        entity_record("russia", "Russia"),
        {
            "subject": "vladimir-putin",
            "predicate": "holds_position",
            "object": "russia",
            "statement": "Vladimir Putin is the President of Russia.",
            "citation": {"source": "src-a", "quote": "Vladimir Putin is the President of Russia"},
        },
    ]
    with pytest.raises(ValidationError) as refused:
        build(records)
    assert refused.value.lines() == [
        "record 4, field object: holds_position needs an office (entity type office), not the country 'russia'"
    ]
    office = entity_record("president-of-russia", "President of Russia", "office")
    facts = build([*records[:3], office, {**records[3], "object": "president-of-russia"}])
    assert [c["object"] for c in facts.claims] == ["president-of-russia"]


def test_verify_reports_a_role_claim_edited_to_point_at_a_state(shipped):
    from factcli.store import Facts
    from factcli.verify import verify

    claims = [dict(c) for c in shipped.claims]
    edited = next(c for c in claims if c["id"] == "c0144")  # Putin, President of Russia
    edited["object"] = "russia"
    facts = Facts(None, shipped.sources, shipped.entities, claims, shipped.meta)
    problems = [p for p in verify(facts) if p["field"] == "object"]
    assert problems == [
        {
            "table": "claims",
            "id": "c0144",
            "field": "object",
            "problem": "holds_position needs an office (entity type office), not the country 'russia'",
        }
    ]


def test_a_drafted_title_names_the_office_the_store_has():
    import datetime

    from factcli import draft
    from factcli.datespan import DateSpan

    day = DateSpan(datetime.date(2018, 7, 21), datetime.date(2018, 7, 21), "day", "")
    text = "عنوان\nمشيرا إلى زيارة مرتقبة سيقوم بها الرئيس الروسي «فلاديمير بوتين» إلى الدوحة."
    made = draft.draft_article(text, read_jsonl(CORPUS / "entities.jsonl"), published=day, source_id="s")
    roles = [c for c in made.claims if c["predicate"] == "holds_position"]
    assert [(c["subject"], c["object"]) for c in roles] == [("vladimir-putin", "president-of-russia")]


# --- the second reading and compare --source (issue 23) ----------------------------------


def test_the_turkish_contract_signing_has_a_claim_for_each_party_at_each_quote(shipped):
    # «روسيا وتركيا تقتربان من توقيع عقد جديد» (c0095) and «سنتوصل مع الشركاء ... وتوقيعه»
    # (c0102): both parties sign, as CURATION.md's rule for signings says.
    by_quote: dict[str, set[str]] = {}
    for c in shipped.claims:
        if c["predicate"] == "signed" and c["object"] == "turkey-s400-second-contract":
            by_quote.setdefault(c["citation"]["quote"], set()).add(c["subject"])
    assert len(by_quote) == 2
    assert all(parties == {"russia", "turkey"} for parties in by_quote.values())


def test_the_talks_of_2021_are_on_the_second_contract_not_the_bought_s400(shipped):
    # The 2021 article's talks, progress and completed negotiations are all on the second
    # batch; the S-400 itself is only what Turkey bought (c0123) and Russia delivered (c0114).
    talks = ("negotiating_purchase", "made_progress_on", "completed_negotiations", "signed")
    about = {
        c["object"]
        for c in shipped.claims
        if c["citation"]["source"] == "unknown-s400-turkey-2021" and c["predicate"] in talks
    }
    assert about == {"turkey-s400-second-contract"}


def test_shoigus_planned_talks_name_both_topics_the_sentence_gives(shipped):
    # «القضايا المتعلقة بأمن المنطقة، خاصة الأوضاع في سورية»: the region's security, and Syria.
    topics = {
        c["object"]
        for c in shipped.claims
        if c["subject"] == "sergei-shoigu" and c["predicate"] == "discussed" and c["modality"] == "planned"
    }
    assert topics == {"regional-security", "syrian-crisis"}
