"""Corrections with a trail: edit, retract, entity names, merge - on a copy of the shipped store.

Expected values come from the articles: the khaleej article (published Saturday 21 July 2018)
quotes Russia's ambassador "on Saturday" (السبت); its lead sentence says the two countries
signed an agreement to supply Doha with light weapons "such as Kalashnikov rifles and
anti-tank weapons".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import GOOD_ADD, SHIPPED, factcli, with_option

from factcli import curate, store
from factcli.errors import InputError
from factcli.ids import is_claim_id
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


def refused(path: Path, *args: str, input: str | None = None) -> list[str]:
    """The command fails with exit 2 and one-line messages; the store's bytes are unchanged."""
    before = path.read_bytes()
    result = factcli(*args, input=input, db=path)
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
    factcli(
        "edit",
        "c0002",
        "--quote",
        LEAD,
        "--statement",
        statement,
        "--reason",
        "quote the whole clause",
        "--yes",
        db=mine,
    ).ok()
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
    assert shown_facts(factcli("show", "c0012", db=mine).ok().stdout)["revised"] == (
        f"{at}  date: (none) → 2018-07-21 (day) «السبت»  (he spoke on Saturday)"
    )


def test_edit_empties_an_optional_field_and_sets_a_value(mine):
    apply(
        mine, lambda f: curate.plan_edit(f, "c0008", {"date": None}, "the conference date is not the claim's")
    )
    assert facts(mine).claim("c0008")["date"] is None
    factcli("edit", "c0008", "--date", "أكتوبر المقبل", "--reason", "put it back", "--yes", db=mine).ok()
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
    no = factcli("edit", "c0001", "--modality", "fact", "--reason", "they signed", input="n\n", db=mine)
    assert no.exit_code == 1 and mine.read_bytes() == before
    assert no.stdout.splitlines() == ["c0001 modality:", "  - in_talks", "  + fact", "reason: they signed"]
    assert "nothing changed" in no.stderr
    yes = factcli("edit", "c0001", "--modality", "fact", "--reason", "they signed", input="y\n", db=mine)
    assert yes.exit_code == 0 and facts(mine).claim("c0001")["modality"] == "fact"
    assert "edited: claim c0001 in" in yes.stderr
    lines = refused(mine, "edit", "c0001", "--modality", "hedged", "--reason", "unsure", input="")
    assert [line.strip() for line in lines] == [
        "apply this change? [y/N]:",
        "factcli: nothing changed: no answer (--yes applies without asking)",
    ]


def test_an_edit_of_a_missing_store_leaves_no_lock_file(tmp_path):
    path = tmp_path / "nothere.json"
    lines = refused_missing(path)
    assert lines == [f"factcli: no store at {path}"]
    assert list(tmp_path.iterdir()) == []


def refused_missing(path: Path) -> list[str]:
    result = factcli("retract", "c0001", "--reason", "r", "--yes", db=path)
    assert result.exit_code == 2
    return result.stderr.strip().splitlines()


# --- retract ------------------------------------------------------------------------


def test_a_retracted_claim_keeps_its_id_and_leaves_search_and_timeline(mine):
    ids = [h.claim["id"] for h in search(facts(mine), Query(subject=["s-400"]))]
    factcli("retract", "c0026", "--reason", "restates c0007", "--yes", db=mine).ok()
    claim = facts(mine).claim("c0026")
    assert claim["retracted"]["reason"] == "restates c0007" and STAMP.match(claim["retracted"]["at"])
    assert verify(facts(mine)) == []
    got = json.loads(factcli("search", "--object", "s-400", "--json", db=mine).ok().stdout)
    assert "c0026" not in [c["id"] for c in got]
    with_it = json.loads(
        factcli("search", "--object", "s-400", "--json", "--include-retracted", db=mine).ok().stdout
    )
    assert "c0026" in [c["id"] for c in with_it]
    assert next(c for c in with_it if c["id"] == "c0026")["retracted"] == claim["retracted"]
    timeline = factcli("timeline", "--object", "s-400", db=mine).ok().stdout
    assert "c0026" not in timeline
    assert "c0026" in factcli("timeline", "--object", "s-400", "--include-retracted", db=mine).ok().stdout
    # The rest of what search found is still found.
    assert [i for i in ids if i != "c0026"] == [
        h.claim["id"] for h in search(facts(mine), Query(subject=["s-400"]))
    ]


def shown_facts(plain: str) -> dict[str, str]:
    """Piped `show` of one claim: its header line and its one line, as a dict."""
    header, row = (line.split("\t") for line in plain.splitlines())
    return dict(zip(header, row, strict=True))


def test_show_tells_when_and_why_a_claim_was_retracted_and_its_history(mine):
    apply(mine, lambda f: curate.plan_edit(f, "c0026", {"modality": "hedged"}, "the ambassador hedges"))
    factcli("retract", "c0026", "--reason", "restates c0007", "--yes", db=mine).ok()
    claim = facts(mine).claim("c0026")
    plain = shown_facts(factcli("show", "c0026", db=mine).ok().stdout)
    rev = claim["revisions"][0]
    assert plain["revised"] == f"{rev['at']}  modality: fact → hedged  (the ambassador hedges)"
    assert plain["retracted"] == f"{claim['retracted']['at']}  restates c0007"
    assert plain["status"] == "RETRACTED NOT hedged"  # "made no practical progress": negated
    (shown,) = json.loads(factcli("show", "c0026", "--json", db=mine).ok().stdout)
    assert shown["retracted"] == claim["retracted"] and shown["revisions"] == claim["revisions"]
    table = factcli("show", "c0026", "--table", db=mine).ok().stdout
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
    assert signed_by_khaleej(json.loads(factcli(*args, db=mine).stdout))
    factcli("retract", "c0030", "--reason", "check the date", "--yes", db=mine).ok()
    assert signed_by_khaleej(json.loads(factcli(*args, db=mine).stdout)) == []
    assert signed_by_khaleej(json.loads(factcli(*args, "--include-retracted", db=mine).stdout))

    def signed(doc):
        return next(r for r in doc["rows"] if r["subject"] == "qatar" and r["predicate"] == "signed")

    cmp = ("compare", "--object", "qatar-russia-mtc-agreement-2017", "--json")
    # Without khaleej's "October 2017", the two sources left both date the signing 25 October 2017.
    row = signed(json.loads(factcli(*cmp, db=mine).ok().stdout))
    assert row["status"] == "agree" and "c0030" not in {
        i for cell in row["cells"].values() for i in cell["claims"]
    }
    row = signed(json.loads(factcli(*cmp, "--include-retracted", db=mine).ok().stdout))
    assert row["status"] == "compatible" and row["cells"][KHALEEJ]["claims"] == ["c0030"]


def test_retract_twice_or_edit_a_retracted_claim_is_refused(mine):
    factcli("retract", "c0026", "--reason", "restates c0007", "--yes", db=mine).ok()
    [line] = refused(mine, "retract", "c0026", "--reason", "again", "--yes")
    assert "c0026 is already retracted" in line and "restates c0007" in line
    [line] = refused(mine, "edit", "c0026", "--modality", "fact", "--reason", "x", "--yes")
    assert "a retracted claim is not edited" in line
    # Its id is never handed out again.
    out = factcli("add", *GOOD_ADD, db=mine).ok().stdout.strip()
    assert is_claim_id(out) and out != "c0026"


# --- entities -----------------------------------------------------------------------


def test_an_added_alias_finds_the_entity_and_its_claims(mine):
    assert factcli("search", "--object", "تريومف", db=mine).exit_code == 2
    factcli(
        "entity",
        "add-alias",
        "s-400",
        "С-400",
        "تريومف",
        "--reason",
        "its Russian name, and Triumf spelt so",
        "--yes",
        db=mine,
    ).ok()
    ent = facts(mine).entity("s-400")
    assert ent["aliases"][-2:] == ["С-400", "تريومف"]
    assert ent["revisions"][0]["changes"]["aliases"]["to"] == ent["aliases"]
    by_alias = {
        c["id"] for c in json.loads(factcli("search", "--object", "تريومف", "--json", db=mine).ok().stdout)
    }
    assert by_alias == {h.claim["id"] for h in search(facts(mine), Query(object=["s-400"]))}
    assert json.loads(factcli("entities", "С-400", "--json", db=mine).ok().stdout)[0]["id"] == "s-400"
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
    factcli(
        "entity",
        "remove-alias",
        "usa",
        "US",
        "--reason",
        "US is the English word us in running text",
        "--yes",
        db=mine,
    ).ok()
    assert "US" not in facts(mine).entity("usa")["aliases"]
    assert factcli("search", "--object", "US", db=mine).exit_code == 2
    assert factcli("search", "--object", "USA", db=mine).exit_code == 0


def test_a_shared_alias_is_added_with_a_note(mine):
    result = factcli(
        "entity",
        "add-alias",
        "sochi-summit-2017",
        "Sochi",
        "--reason",
        "as the press calls it",
        "--yes",
        db=mine,
    ).ok()
    assert "note: 'Sochi' is also a name of sochi: a query for it finds all of them" in result.stderr


def test_entity_set_changes_a_field_and_keeps_the_old_name(mine):
    factcli(
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
        db=mine,
    ).ok()
    ent = facts(mine).entity("fsvts")
    assert ent["name"] == "FSVTS of Russia"
    assert "Federal Service for Military-Technical Cooperation" in ent["aliases"]
    assert set(ent["revisions"][0]["changes"]) == {"name", "aliases", "description"}
    factcli(
        "entity", "set", "fsvts", "--description", "", "--reason", "leave it empty", "--yes", db=mine
    ).ok()
    assert facts(mine).entity("fsvts")["description"] is None
    [line] = refused(mine, "entity", "set", "fsvts", "--type", "planet", "--reason", "x", "--yes")
    assert "type 'planet' is not one of" in line
    [line] = refused(mine, "entity", "set", "fsvts", "--name", "", "--reason", "x", "--yes")
    assert "name cannot be emptied" in line
    assert verify(facts(mine)) == []


def test_merge_repoints_claims_and_keeps_every_name(mine):
    # A claim added with a new spelling made a second entity for Qatar.
    added = factcli("add", *with_option(GOOD_ADD, "--subject", "Katar"), "--create-entities", db=mine).ok()
    new_id = added.stdout.strip()
    assert facts(mine).claim(new_id)["subject"] == "katar"
    qatar_claims = {h.claim["id"] for h in search(facts(mine), Query(subject=["qatar"]))}
    factcli(
        "entity",
        "merge",
        "qatar",
        "katar",
        "--reason",
        "Katar is Qatar spelt the German way",
        "--yes",
        db=mine,
    ).ok()
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
    result = factcli("verify", "--json", db=mine)
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
    problems = json.loads(factcli("verify", "--json", db=mine).stdout)
    assert {
        "table": "entities",
        "id": "qatar",
        "field": "retracted",
        "problem": "only a claim can be retracted",
    } in problems
