"""Corrections with a trail: edit, retract, entity names, merge - on a copy of the shipped store.

Expected values come from the articles: the khaleej article (published Saturday 21 July 2018)
quotes Russia's ambassador "on Saturday" (السبت); its lead sentence says the two countries
signed an agreement to supply Doha with light weapons "such as Kalashnikov rifles and
anti-tank weapons".
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import GOOD_ADD, SHIPPED, with_option
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcli import curate, store
from factcli.cli import main
from factcli.errors import InputError, StoreError
from factcli.search import Query, search
from factcli.verify import verify

KHALEEJ = "khaleej-2018-07-21"
LEAD = "وقع البلدان اتفاقا لإمداد الدوحة بأسلحة خفيفة مثل بنادق كلاشنيكوف"
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture
def mine(tmp_path) -> Path:
    path = tmp_path / "mine.json"
    path.write_bytes(SHIPPED.read_bytes())
    return path


def loc(path: Path) -> store.Location:
    return store.Location(path, "--db")


def facts(path: Path) -> store.Facts:
    return store.load(loc(path))


def run(path: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", str(path), *args], input=input)


def ok(path: Path, *args: str, input: str | None = None):
    result = run(path, *args, input=input)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return result


def refused(path: Path, *args: str, input: str | None = None) -> list[str]:
    """The command fails with exit 2 and one-line messages; the store's bytes are unchanged."""
    before = path.read_bytes()
    result = run(path, *args, input=input)
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert path.read_bytes() == before
    return result.stderr.strip().splitlines()


def apply(path: Path, make) -> curate.Plan:
    return curate.apply(loc(path), make)


# --- edit ---------------------------------------------------------------------------


def test_edit_widens_a_quote_finds_its_offsets_and_records_the_revision(mine):
    old = facts(mine).claim("c0002")
    statement = (
        "Qatar and Russia signed an agreement to supply Doha with light weapons such as Kalashnikov rifles."
    )
    ok(
        mine,
        "edit",
        "c0002",
        "--quote",
        LEAD,
        "--statement",
        statement,
        "--reason",
        "quote the whole clause",
        "--yes",
    )
    now = facts(mine)
    claim = now.claim("c0002")
    text = now.source(KHALEEJ)["text"]
    start = text.index(LEAD)
    assert claim["citation"] == {"source": KHALEEJ, "quote": LEAD, "start": start, "end": start + len(LEAD)}
    assert claim["statement"] == statement
    [rev] = claim["revisions"]
    assert STAMP.match(rev["at"]) and rev["reason"] == "quote the whole clause"
    assert rev["changes"] == {
        "statement": {"from": old["statement"], "to": statement},
        "citation": {"from": old["citation"], "to": claim["citation"]},
    }
    # Everything else is as it was, the id first of all.
    assert {k: v for k, v in claim.items() if k not in ("statement", "citation", "keys", "revisions")} == {
        k: v for k, v in old.items() if k not in ("statement", "citation", "keys")
    }
    assert verify(now) == []  # and so the match keys verify rechecks follow the new text


def test_an_edited_statement_is_found_by_its_new_words_only(mine):
    assert not search(facts(mine), Query(terms=["Triumph"]))
    apply(
        mine,
        lambda f: curate.plan_edit(
            f,
            "c0001",
            {"statement": "Qatar is discussing with Russia a possible purchase of S-400 Triumph systems."},
            "name the system",
        ),
    )
    hits = search(facts(mine), Query(terms=["Triumph"]))
    assert [h.claim["id"] for h in hits] == ["c0001"]
    assert not any(h.claim["id"] == "c0001" for h in search(facts(mine), Query(terms=["missile defence"])))


def test_edit_resolves_a_date_phrase_against_the_publication_and_names_by_any_alias(mine):
    # The ambassador spoke on Saturday: the article is dated Saturday 21 July 2018.
    apply(
        mine,
        lambda f: curate.plan_edit(f, "c0012", {"date": "السبت", "subject": "خولوف"}, "he spoke on Saturday"),
    )
    claim = facts(mine).claim("c0012")
    assert claim["date"] == {"start": "2018-07-21", "end": "2018-07-21", "precision": "day", "text": "السبت"}
    assert claim["subject"] == "nurmakhmad-kholov"  # unchanged: خولوف is his alias
    assert list(claim["revisions"][0]["changes"]) == ["date"]
    # show tells the change in days and the source's words, not as a JSON object.
    at = claim["revisions"][0]["at"]
    assert f"revised\t{at}  date: (none) → 2018-07-21 (day) «السبت»  (he spoke on Saturday)" in (
        ok(mine, "show", "c0012").stdout.splitlines()
    )


def test_edit_empties_an_optional_field_and_sets_a_value(mine):
    apply(
        mine, lambda f: curate.plan_edit(f, "c0008", {"date": None}, "the conference date is not the claim's")
    )
    assert facts(mine).claim("c0008")["date"] is None
    ok(mine, "edit", "c0008", "--date", "أكتوبر المقبل", "--reason", "put it back", "--yes")
    # "next October" from 21 July 2018 is October 2018, at month precision.
    date = facts(mine).claim("c0008")["date"]
    assert (date["start"], date["end"], date["precision"]) == ("2018-10-01", "2018-10-31", "month")
    assert [list(r["changes"]) for r in facts(mine).claim("c0008")["revisions"]] == [["date"], ["date"]]


@pytest.mark.parametrize(
    "args, needle",
    [
        (("--predicate", "bought_secretly"), "field predicate: 'bought_secretly' is not in the vocabulary"),
        (("--subject", "Qatr"), "field subject: unknown entity 'Qatr'; did you mean 'Qatar'"),
        (("--quote", "قطر اشترت"), "field citation.quote: not found in khaleej-2018-07-21"),
        (("--source", "nowhere"), "field citation.source: unknown source 'nowhere'"),
        (("--date", "someday soon"), "field date:"),
        (("--value", "12 parsecs"), "field value.unit: 'parsecs' is not one of"),
        (("--statement", "bad\x07bell"), "field statement: contains control characters"),
    ],
)
def test_edit_is_checked_like_an_import_and_writes_nothing_when_wrong(mine, args, needle):
    [line] = refused(mine, "edit", "c0001", *args, "--reason", "try", "--yes")
    assert line.startswith("factcli: nothing changed: ") and needle in line, line


def test_a_new_quote_the_source_has_twice_is_the_one_nearest_the_old(mine):
    # "السفير الروسي" (the Russian ambassador) recurs through the khaleej article; c0012's
    # quote starts with the occurrence in "وقلل السفير الروسي من جدوى الرفض".
    f = facts(mine)
    old = f.claim("c0012")["citation"]
    text = f.source(KHALEEJ)["text"]
    words = "السفير الروسي"
    assert text.count(words) > 1
    apply(mine, lambda f: curate.plan_edit(f, "c0012", {"quote": words}, "shorter"))
    start = facts(mine).claim("c0012")["citation"]["start"]
    assert text[start : start + len(words)] == words
    assert start == text.index(words, old["start"])  # inside the old quote, not the first in the text
    assert start != text.index(words)


def test_edit_refuses_what_it_cannot_change(mine):
    f = facts(mine)
    with pytest.raises(InputError, match="'start' is not a field edit can change"):
        curate.plan_edit(f, "c0001", {"start": 3}, "offsets follow from the quote")
    with pytest.raises(InputError, match="nothing to change: c0001 already says that"):
        curate.plan_edit(f, "c0001", {"modality": "in_talks"}, "same")
    with pytest.raises(InputError, match="statement cannot be emptied"):
        curate.plan_edit(f, "c0001", {"statement": None}, "no")
    with pytest.raises(InputError, match="no claim 'c9999'"):
        curate.plan_edit(f, "c9999", {"modality": "fact"}, "no")
    with pytest.raises(InputError, match="did you mean c0001"):
        curate.plan_edit(f, "c1", {"modality": "fact"}, "no")
    with pytest.raises(InputError, match="--reason must say why"):
        curate.plan_edit(f, "c0001", {"modality": "fact"}, "  ")
    assert refused(mine, "edit", "c0001", "--reason", "nothing") == [
        "factcli: edit needs at least one field to change (see 'factcli edit --help')"
    ]


def test_an_edit_that_repeats_another_claim_names_it(mine):
    c1 = facts(mine).claim("c0001")
    lines = refused(
        mine, "edit", "c0006", "--quote", c1["citation"]["quote"], "--reason", "same words", "--yes"
    )
    assert any("duplicate of c0001" in line for line in lines), lines


def test_edit_shows_the_change_and_asks(mine):
    before = mine.read_bytes()
    no = run(mine, "edit", "c0001", "--modality", "fact", "--reason", "they signed", input="n\n")
    assert no.exit_code == 1 and mine.read_bytes() == before
    assert no.stdout.splitlines() == ["c0001 modality:", "  - in_talks", "  + fact", "reason: they signed"]
    assert "nothing changed" in no.stderr
    yes = run(mine, "edit", "c0001", "--modality", "fact", "--reason", "they signed", input="y\n")
    assert yes.exit_code == 0 and facts(mine).claim("c0001")["modality"] == "fact"
    assert "edited: claim c0001 in" in yes.stderr
    lines = refused(mine, "edit", "c0001", "--modality", "hedged", "--reason", "unsure", input="")
    assert [line.strip() for line in lines] == [
        "apply this change? [y/N]:",
        "factcli: nothing changed: no answer (--yes applies without asking)",
    ]


def test_a_change_planned_on_a_store_that_changed_since_is_not_written(mine):
    shown = curate.plan_edit(facts(mine), "c0001", {"modality": "fact"}, "signed")
    apply(mine, lambda f: curate.plan_edit(f, "c0001", {"modality": "planned"}, "someone else"))
    before = mine.read_bytes()
    with pytest.raises(StoreError, match="changed since the change was shown; nothing was written"):
        curate.apply(loc(mine), lambda f: curate.plan_edit(f, "c0001", {"modality": "fact"}, "signed"), shown)
    assert mine.read_bytes() == before


def test_an_edit_diffs_as_the_lines_of_its_record_only(mine):
    before = mine.read_text(encoding="utf-8").splitlines()
    apply(mine, lambda f: curate.plan_edit(f, "c0001", {"modality": "fact"}, "signed"))
    after = mine.read_text(encoding="utf-8").splitlines()
    changed = [line for line in difflib.unified_diff(before, after, lineterm="", n=0) if line[:1] in "+-"]
    changed = [line for line in changed if not line.startswith(("+++", "---"))]
    assert '-      "modality": "in_talks",' in changed and '+      "modality": "fact",' in changed
    assert '+          "reason": "signed"' in changed
    assert all(
        not line.startswith("-") or "modality" in line or line.strip() == "-      }" for line in changed
    ), changed


def test_an_edit_of_a_missing_store_leaves_no_lock_file(tmp_path):
    path = tmp_path / "nothere.json"
    lines = refused_missing(path)
    assert lines == [f"factcli: no store at {path}"]
    assert list(tmp_path.iterdir()) == []


def refused_missing(path: Path) -> list[str]:
    result = run(path, "retract", "c0001", "--reason", "r", "--yes")
    assert result.exit_code == 2
    return result.stderr.strip().splitlines()


# --- retract ------------------------------------------------------------------------


def test_a_retracted_claim_keeps_its_id_and_leaves_search_and_timeline(mine):
    ids = [h.claim["id"] for h in search(facts(mine), Query(subject=["s-400"]))]
    ok(mine, "retract", "c0026", "--reason", "restates c0007", "--yes")
    claim = facts(mine).claim("c0026")
    assert claim["retracted"]["reason"] == "restates c0007" and STAMP.match(claim["retracted"]["at"])
    assert verify(facts(mine)) == []
    got = json.loads(ok(mine, "search", "--object", "s-400", "--json").stdout)
    assert "c0026" not in [c["id"] for c in got]
    with_it = json.loads(ok(mine, "search", "--object", "s-400", "--json", "--include-retracted").stdout)
    assert "c0026" in [c["id"] for c in with_it]
    assert next(c for c in with_it if c["id"] == "c0026")["retracted"] == claim["retracted"]
    timeline = ok(mine, "timeline", "--object", "s-400").stdout
    assert "c0026" not in timeline
    assert "c0026" in ok(mine, "timeline", "--object", "s-400", "--include-retracted").stdout
    # The rest of what search found is still found.
    assert [i for i in ids if i != "c0026"] == [
        h.claim["id"] for h in search(facts(mine), Query(subject=["s-400"]))
    ]


def test_show_tells_when_and_why_a_claim_was_retracted_and_its_history(mine):
    apply(mine, lambda f: curate.plan_edit(f, "c0026", {"modality": "hedged"}, "the ambassador hedges"))
    ok(mine, "retract", "c0026", "--reason", "restates c0007", "--yes")
    claim = facts(mine).claim("c0026")
    plain = ok(mine, "show", "c0026").stdout.splitlines()
    rev = claim["revisions"][0]
    assert f"revised\t{rev['at']}  modality: fact → hedged  (the ambassador hedges)" in plain
    assert f"retracted\t{claim['retracted']['at']}  restates c0007" in plain
    assert "status\tRETRACTED NOT hedged" in plain  # "made no practical progress": negated
    (shown,) = json.loads(ok(mine, "show", "c0026", "--json").stdout)
    assert shown["retracted"] == claim["retracted"] and shown["revisions"] == claim["revisions"]
    table = ok(mine, "show", "c0026", "--table").stdout
    assert "RETRACTED" in table and "restates c0007" in table


def test_retracted_claims_are_left_out_of_diff_and_compare(mine):
    # c0030: khaleej says the military-technical agreement was signed in October 2017.
    def signed_by_khaleej(doc):
        return [
            p
            for status in ("agree", "compatible", "conflict", "changed")
            for p in doc[status]
            if p["a"] == "c0030"
        ] + [c for c in doc["only_in_a"] if c["id"] == "c0030"]

    args = ("diff", KHALEEJ, "unknown-2017-10-25-shoigu-doha", "--json")
    assert signed_by_khaleej(json.loads(run(mine, *args).stdout))
    ok(mine, "retract", "c0030", "--reason", "check the date", "--yes")
    assert signed_by_khaleej(json.loads(run(mine, *args).stdout)) == []
    assert signed_by_khaleej(json.loads(run(mine, *args, "--include-retracted").stdout))

    def signed(doc):
        return next(r for r in doc["rows"] if r["subject"] == "qatar" and r["predicate"] == "signed")

    cmp = ("compare", "--object", "qatar-russia-mtc-agreement-2017", "--json")
    # Without khaleej's "October 2017", the two sources left both date the signing 25 October 2017.
    row = signed(json.loads(ok(mine, *cmp).stdout))
    assert row["status"] == "agree" and "c0030" not in {
        i for cell in row["cells"].values() for i in cell["claims"]
    }
    row = signed(json.loads(ok(mine, *cmp, "--include-retracted").stdout))
    assert row["status"] == "compatible" and row["cells"][KHALEEJ]["claims"] == ["c0030"]


def test_retract_twice_or_edit_a_retracted_claim_is_refused(mine):
    ok(mine, "retract", "c0026", "--reason", "restates c0007", "--yes")
    [line] = refused(mine, "retract", "c0026", "--reason", "again", "--yes")
    assert "c0026 is already retracted" in line and "restates c0007" in line
    [line] = refused(mine, "edit", "c0026", "--modality", "fact", "--reason", "x", "--yes")
    assert "a retracted claim is not edited" in line
    # Its id is never handed out again.
    out = ok(mine, "add", *GOOD_ADD).stdout
    assert out.strip() == "c0204"


# --- entities -----------------------------------------------------------------------


def test_an_added_alias_finds_the_entity_and_its_claims(mine):
    assert run(mine, "search", "--object", "تريومف").exit_code == 2
    ok(
        mine,
        "entity",
        "add-alias",
        "s-400",
        "С-400",
        "تريومف",
        "--reason",
        "its Russian name, and Triumf spelt so",
        "--yes",
    )
    ent = facts(mine).entity("s-400")
    assert ent["aliases"][-2:] == ["С-400", "تريومف"]
    assert ent["revisions"][0]["changes"]["aliases"]["to"] == ent["aliases"]
    by_alias = {c["id"] for c in json.loads(ok(mine, "search", "--object", "تريومف", "--json").stdout)}
    assert by_alias == {h.claim["id"] for h in search(facts(mine), Query(object=["s-400"]))}
    assert json.loads(ok(mine, "entities", "С-400", "--json").stdout)[0]["id"] == "s-400"
    assert verify(facts(mine)) == []


def test_alias_refusals_name_what_is_wrong(mine):
    [line] = refused(mine, "entity", "add-alias", "s-400", "اس 400", "--reason", "x", "--yes")
    assert line == "factcli: nothing changed: 'اس 400' is already a name of s-400 (as 'اس 400')"
    [line] = refused(mine, "entity", "remove-alias", "s-400", "S-500", "--reason", "x", "--yes")
    assert line.startswith(
        "factcli: nothing changed: 'S-500' is not an alias of s-400 (its aliases: 'إس 400'"
    )
    [line] = refused(mine, "entity", "add-alias", "Atlantis", "X", "--reason", "x", "--yes")
    assert line.startswith("factcli: unknown entity 'Atlantis'")


def test_a_removed_alias_no_longer_names_the_entity(mine):
    ok(
        mine,
        "entity",
        "remove-alias",
        "usa",
        "US",
        "--reason",
        "US is the English word us in running text",
        "--yes",
    )
    assert "US" not in facts(mine).entity("usa")["aliases"]
    assert run(mine, "search", "--object", "US").exit_code == 2
    assert run(mine, "search", "--object", "USA").exit_code == 0


def test_a_shared_alias_is_added_with_a_note(mine):
    result = ok(
        mine,
        "entity",
        "add-alias",
        "sochi-summit-2017",
        "Sochi",
        "--reason",
        "as the press calls it",
        "--yes",
    )
    assert "note: 'Sochi' is also a name of sochi: a query for it finds all of them" in result.stderr


def test_entity_set_changes_a_field_and_keeps_the_old_name(mine):
    ok(
        mine,
        "entity",
        "set",
        "fsvts",
        "--name",
        "FSVTS of Russia",
        "--description",
        "Russia's federal service that oversees arms exports",
        "--reason",
        "clearer",
        "--yes",
    )
    ent = facts(mine).entity("fsvts")
    assert ent["name"] == "FSVTS of Russia"
    assert "Federal Service for Military-Technical Cooperation" in ent["aliases"]
    assert set(ent["revisions"][0]["changes"]) == {"name", "aliases", "description"}
    ok(mine, "entity", "set", "fsvts", "--description", "", "--reason", "leave it empty", "--yes")
    assert facts(mine).entity("fsvts")["description"] is None
    [line] = refused(mine, "entity", "set", "fsvts", "--type", "planet", "--reason", "x", "--yes")
    assert "type 'planet' is not one of" in line
    [line] = refused(mine, "entity", "set", "fsvts", "--name", "", "--reason", "x", "--yes")
    assert "name cannot be emptied" in line
    assert verify(facts(mine)) == []


def test_merge_repoints_claims_and_keeps_every_name(mine):
    # A claim added with a new spelling made a second entity for Qatar.
    added = ok(mine, "add", *with_option(GOOD_ADD, "--subject", "Katar"), "--create-entities")
    new_id = added.stdout.strip()
    assert facts(mine).claim(new_id)["subject"] == "katar"
    qatar_claims = {h.claim["id"] for h in search(facts(mine), Query(subject=["qatar"]))}
    ok(mine, "entity", "merge", "qatar", "katar", "--reason", "Katar is Qatar spelt the German way", "--yes")
    now = facts(mine)
    assert now.entity("katar") is None
    assert "Katar" in now.entity("qatar")["aliases"]
    claim = now.claim(new_id)
    assert claim["subject"] == "qatar"
    assert claim["revisions"][-1]["changes"] == {"subject": {"from": "katar", "to": "qatar"}}
    assert "merged katar into qatar" in claim["revisions"][-1]["reason"]
    assert {h.claim["id"] for h in search(now, Query(subject=["Katar"]))} == qatar_claims | {new_id}
    assert verify(now) == []


def test_merge_refuses_to_make_duplicates_or_merge_an_entity_into_itself(mine):
    # c0010 and c0011: Saudi Arabia and the UAE each reject the agreements, on one span.
    lines = refused(mine, "entity", "merge", "saudi-arabia", "uae", "--reason", "x", "--yes")
    assert any("c0011 would repeat c0010" in line for line in lines), lines
    [line] = refused(mine, "entity", "merge", "qatar", "Qatar", "--reason", "x", "--yes")
    assert "are the same entity (qatar)" in line


@pytest.mark.parametrize(
    "args",
    [
        ("entity", "add-alias", "qatar", "\udcff\udcfe", "--reason", "x", "--yes"),
        ("entity", "set", "qatar", "--name-ar", "\udcff", "--reason", "x", "--yes"),
        ("retract", "c0001", "--reason", "\udcff", "--yes"),
        ("edit", "c0001", "--statement", "Qatar\udcff", "--reason", "x", "--yes"),
    ],
)
def test_text_that_is_not_unicode_is_refused_not_an_internal_error(mine, args):
    # What a shell passes for bytes that are not UTF-8 (Python's surrogateescape).
    [line] = refused(mine, *args)
    assert line.startswith("factcli: nothing changed: ") and "unpaired surrogate" in line, line


# --- the trail in the schema --------------------------------------------------------


@pytest.mark.parametrize(
    "history, field, needle",
    [
        ({"retracted": {"at": "yesterday", "reason": "x"}}, "retracted.at", "is not a UTC timestamp"),
        ({"retracted": {"at": "2026-02-30T10:00:00Z", "reason": "x"}}, "retracted.at", "is not a real date"),
        ({"retracted": {"at": "2026-01-01T10:00:00Z"}}, "retracted", "must be {at, reason}"),
        ({"retracted": {"at": "2026-01-01T10:00:00Z", "reason": ""}}, "retracted.reason", "must say why"),
        ({"revisions": {"at": "2026-01-01T10:00:00Z"}}, "revisions", "must be a list"),
        (
            {"revisions": [{"at": "2026-01-01T10:00:00Z", "changes": {}, "reason": "x"}]},
            "revisions[0].changes",
            "must map",
        ),
        (
            {
                "revisions": [
                    {
                        "at": "2026-01-01T10:00:00Z",
                        "changes": {"id": {"from": "c1", "to": "c2"}},
                        "reason": "x",
                    }
                ]
            },
            "revisions[0].changes",
            "'id' is not a field a revision can change",
        ),
        (
            {"revisions": [{"at": "2026-01-01T10:00:00Z", "changes": {"statement": "new"}, "reason": "x"}]},
            "revisions[0].changes.statement",
            "must be {from, to}",
        ),
        (
            {
                "revisions": [
                    {
                        "at": "2026-01-02T10:00:00Z",
                        "changes": {"modality": {"from": "fact", "to": "hedged"}},
                        "reason": "x",
                    },
                    {
                        "at": "2026-01-01T10:00:00Z",
                        "changes": {"modality": {"from": "hedged", "to": "fact"}},
                        "reason": "y",
                    },
                ]
            },
            "revisions[1].at",
            "is before the revision above it",
        ),
    ],
)
def test_verify_reports_a_malformed_history_and_other_commands_refuse_it(mine, history, field, needle):
    doc = json.loads(mine.read_text(encoding="utf-8"))
    doc["claims"]["1"].update(history)
    mine.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = run(mine, "verify", "--json")
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert any(p["id"] == "c0001" and p["field"] == field and needle in p["problem"] for p in problems), (
        problems
    )
    [line] = refused(mine, "show", "c0001")
    assert "damaged store" in line and "c0001" in line


def test_an_entity_cannot_be_retracted(mine):
    doc = json.loads(mine.read_text(encoding="utf-8"))
    doc["entities"]["1"]["retracted"] = {"at": "2026-01-01T10:00:00Z", "reason": "x"}
    mine.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    problems = json.loads(run(mine, "verify", "--json").stdout)
    assert {
        "table": "entities",
        "id": "qatar",
        "field": "retracted",
        "problem": "only a claim can be retracted",
    } in problems


# --- any sequence of corrections keeps the store sound ------------------------------

_CLAIMS = ["c0001", "c0002", "c0005", "c0006", "c0008", "c0026", "c0030"]
_STATEMENTS = [
    "Qatar and Russia discuss S-400 systems.",
    "قطر وروسيا",
    "Russia's ambassador spoke on Saturday.",
]
_OPS = st.one_of(
    st.tuples(st.just("statement"), st.sampled_from(_CLAIMS), st.sampled_from(_STATEMENTS)),
    st.tuples(
        st.just("modality"),
        st.sampled_from(_CLAIMS),
        st.sampled_from(["fact", "hedged", "claimed", "in_talks"]),
    ),
    st.tuples(
        st.just("date"), st.sampled_from(_CLAIMS), st.sampled_from(["السبت", "يوليو 2018", "2017", None])
    ),
    st.tuples(st.just("retract"), st.sampled_from(_CLAIMS), st.just("")),
    st.tuples(
        st.just("add-alias"),
        st.sampled_from(["qatar", "s-400", "russia"]),
        st.sampled_from(["Katar", "С-400", "Rossiya"]),
    ),
    st.tuples(
        st.just("remove-alias"),
        st.sampled_from(["qatar", "s-400", "russia"]),
        st.sampled_from(["Katar", "Triumf", "Doha"]),
    ),
)


# Each example writes a store copy up to six times: ten sequences are what a shared 2-core
# machine can afford on every run (FACTCLI_PROPERTY_EXAMPLES=200 for a longer hunt).
EXAMPLES = int(os.environ.get("FACTCLI_PROPERTY_EXAMPLES", "10"))
SHIPPED_IDS = {c["id"] for c in facts(SHIPPED).claims}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(_OPS, min_size=1, max_size=6))
def test_any_sequence_of_corrections_keeps_verify_clean(tmp_path_factory, monkeypatch, ops):
    folder = tmp_path_factory.mktemp("seq")
    path = folder / "facts.json"
    path.write_bytes(SHIPPED.read_bytes())
    # The store is the subject here, not its search index: a cache folder that cannot be made
    # (its parent is a file) lets each write skip the index refresh, as a user's unwritable
    # cache does, and the store is written just the same.
    (folder / "not-a-folder").write_text("", encoding="utf-8")
    monkeypatch.setenv("FACTCLI_CACHE", str(folder / "not-a-folder" / "cache"))
    for kind, target, arg in ops:
        if kind == "retract":
            make = lambda f, t=target: curate.plan_retract(f, t, "a reason")  # noqa: E731
        elif kind in ("add-alias", "remove-alias"):
            add, remove = ([arg], []) if kind == "add-alias" else ([], [arg])
            make = lambda f, t=target, a=add, r=remove: curate.plan_aliases(f, t, a, r, "a reason")  # noqa: E731
        else:
            make = lambda f, t=target, k=kind, a=arg: curate.plan_edit(f, t, {k: a}, "a reason")  # noqa: E731
        before = path.read_bytes()
        try:
            curate.apply(loc(path), make)
        except InputError:
            assert path.read_bytes() == before  # a refused change writes nothing
    after = facts(path)
    assert verify(after) == []
    assert len(after.claims) == 203 and {c["id"] for c in after.claims} == SHIPPED_IDS
