"""The output contract: every command's JSON against the shipped schemas, CSV/TSV read back
by the csv module, --fields/--count/--ids, show ID.../show -, terminals of every width (no id
folded, no word lost, --rtl visual included), the quote marked where styles are off, the
pager on a terminal and never in a pipe, colour flags, global options after the command,
completion, and diff/compare sections in order of importance."""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import shutil
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SHIPPED, entity_record, run_on_pty, source_record

from factcli import present, schemas
from factcli.cli import main
from factcli.compare import compare_claims

DB = ("--db", str(SHIPPED))
KHALEEJ = "khaleej-2018-07-21"
AMBASSADOR = "unknown-qatar-ambassador-interview"
SHOIGU = "unknown-2017-10-25-shoigu-doha"


def run(*args: str, input: str | None = None, env: dict | None = None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


def ok(*args: str, **kw):
    result = run(*args, **kw)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result


@functools.cache
def validator(name: str, ref: str | None = None) -> jsonschema.Draft202012Validator:
    # One validator per schema and definition, built once: it keeps the references it has
    # resolved, and the schemas are read-only.
    schema = schemas.load(name)
    if ref:
        schema = {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{ref}"}
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def valid(name: str, doc, ref: str | None = None) -> None:
    errors = sorted(validator(name, ref).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.fixture(scope="module")
def claims():
    return json.loads(ok(*DB, "search", "--json").stdout)


@pytest.fixture(scope="module")
def source_ids():
    return [s["id"] for s in json.loads(ok(*DB, "sources", "--json").stdout)]


# --- schemas --------------------------------------------------------------------------------


def test_every_shipped_schema_is_a_valid_json_schema_and_the_command_prints_it():
    listing = ok("schema").stdout.splitlines()
    assert [line.split("\t")[0] for line in listing] == list(schemas.NAMES)
    for name in schemas.NAMES:
        jsonschema.Draft202012Validator.check_schema(schemas.load(name))
        assert json.loads(ok("schema", name).stdout) == schemas.load(name)
    assert run("schema", "claims").exit_code == 2


def test_every_named_schema_has_its_file_and_no_file_is_unnamed():
    # hatch packages every file under factcli/; the schemas are read through importlib.resources.
    folder = Path(schemas.__file__).parent
    assert sorted(p.stem for p in folder.glob("*.json")) == sorted(schemas.NAMES)


@pytest.mark.parametrize(
    "args",
    [
        ("search",),
        ("search", "S-400"),
        ("search", "--subject", "qatar", "--since", "2018"),
        ("timeline",),
        ("timeline", "--subject", "turkey"),
        ("search", "--include-retracted"),
    ],
)
def test_claim_lists_validate_in_json_and_jsonl(args):
    doc = json.loads(ok(*DB, *args, "--json").stdout)
    assert isinstance(doc, list) and doc
    for rec in doc:
        valid("claim", rec)
    lines = ok(*DB, *args, "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == doc


def test_show_of_every_claim_validates_and_is_always_an_array(claims):
    ids = [c["id"] for c in claims]
    doc = json.loads(ok(*DB, "show", *ids, "--json").stdout)
    assert [d["id"] for d in doc] == ids
    for rec in doc:
        valid("claim", rec)
        assert (
            rec["paragraph"]["text"][rec["paragraph"]["quote_start"] : rec["paragraph"]["quote_end"]]
            == rec["citation"]["quote"]
        )
    one = json.loads(ok(*DB, "show", "c0001", "--json").stdout)
    assert isinstance(one, list) and len(one) == 1
    assert [
        json.loads(line)["id"] for line in ok(*DB, "show", "c0001", "c0002", "--jsonl").stdout.splitlines()
    ] == ["c0001", "c0002"]


def test_sources_entities_and_verify_validate():
    for rec in json.loads(ok(*DB, "sources", "--json").stdout):
        valid("source", rec)
    entities = json.loads(ok(*DB, "entities", "--json").stdout)
    for rec in entities:
        valid("entity", rec)
    assert [json.loads(line) for line in ok(*DB, "entities", "--jsonl").stdout.splitlines()] == entities
    assert json.loads(ok(*DB, "verify", "--json").stdout) == []


def test_verify_problems_validate(tmp_path):
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    first = next(iter(doc["claims"]))
    doc["claims"][first]["citation"]["quote"] = "not the words of the source"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    problems = json.loads(run("--db", str(path), "verify", "--json").stdout)
    assert problems
    for rec in problems:
        valid("problem", rec)


def test_every_diff_validates_summary_first_sections_in_order(source_ids):
    for a in source_ids:
        for b in source_ids:
            result = run(*DB, "diff", a, b, "--json")
            assert result.exit_code in (0, 1), result.stderr
            doc = json.loads(result.stdout)
            valid("diff", doc)
            assert list(doc) == [
                "source_a",
                "source_b",
                "summary",
                "conflict",
                "changed",
                "compatible",
                "agree",
                "only_in_a",
                "only_in_b",
            ]
            lines = [json.loads(line) for line in run(*DB, "diff", a, b, "--jsonl").stdout.splitlines()]
            for line in lines:
                valid("diff", line, "line")
            assert [line["section"] for line in lines] == [s for s in present.DIFF_SECTIONS for _ in doc[s]]
            assert len(lines) == sum(v for k, v in doc["summary"].items() if k != "differs")


def test_diff_pairs_carry_both_statements():
    doc = json.loads(run(*DB, "diff", KHALEEJ, AMBASSADOR, "--json").stdout)
    pair = next(p for p in doc["compatible"] if (p["a"], p["b"]) == ("c0030", "c0060"))
    # Khaleej: signed "in October 2017"; the interview: on 25 October 2017.
    assert "October 2017" in pair["a_statement"] and "25 October 2017" in pair["b_statement"]
    assert (pair["a_says"], pair["b_says"]) == ("2017-10", "2017-10-25")


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--object", "qatar-russia-mtc-agreement-2017"),
        ("S-400",),
        ("--source", KHALEEJ, "--source", AMBASSADOR),
    ],
)
def test_compare_validates_in_json_and_jsonl(args):
    doc = json.loads(ok(*DB, "compare", *args, "--json").stdout)
    valid("compare", doc)
    assert list(doc) == ["sources", "summary", "rows"]
    assert doc["summary"]["propositions"] == len(doc["rows"])
    lines = [json.loads(line) for line in ok(*DB, "compare", *args, "--jsonl").stdout.splitlines()]
    for line in lines:
        valid("compare", line, "row")
    assert lines == doc["rows"]


def test_nothing_found_keeps_each_commands_shape():
    result = run(*DB, "search", "zzzqqq", "--json")
    assert result.exit_code == 1 and json.loads(result.stdout) == []
    assert run(*DB, "search", "zzzqqq", "--jsonl").stdout == ""
    assert run(*DB, "entities", "zzzqqq", "--json").stdout.strip() == "[]"
    doc = json.loads(run(*DB, "compare", "zzzqqq", "--json").stdout)
    valid("compare", doc)
    assert doc["rows"] == [] and doc["summary"]["propositions"] == 0
    assert run(*DB, "search", "zzzqqq", "--count").stdout == "0\n"


# --- CSV and TSV ----------------------------------------------------------------------------

CLAIM_HEADER = [
    "id",
    "source",
    "subject",
    "predicate",
    "object",
    "polarity",
    "modality",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "value_amount",
    "value_unit",
    "speaker",
    "via",
    "statement",
    "quote",
    "retracted",
]


def test_claim_csv_reads_back_typed_and_split(claims):
    rows = list(csv.DictReader(io.StringIO(ok(*DB, "search", "--csv").stdout)))
    assert list(rows[0]) == CLAIM_HEADER
    assert [r["id"] for r in rows] == [c["id"] for c in claims]
    by_id = {r["id"]: r for r in rows}
    # Rosoboronexport's Mikheev: contracts worth 8.6 مليار دولار in 2021, exports to 61 دولة.
    c = by_id["c0104"]
    assert (float(c["value_amount"]), c["value_unit"]) == (8.6e9, "USD")
    assert (c["date_start"], c["date_end"], c["date_precision"]) == ("2021-01-01", "2021-12-31", "year")
    assert (int(by_id["c0105"]["value_amount"]), by_id["c0105"]["value_unit"]) == (61, "country")
    # The khaleej lede: Qatar is in talks with Russia on the S-400, quoted as it stands.
    first = by_id["c0001"]
    assert (first["subject"], first["predicate"], first["object"]) == (
        "qatar",
        "negotiating_purchase",
        "s-400",
    )
    assert (first["modality"], first["polarity"], first["source"]) == ("in_talks", "affirmed", KHALEEJ)
    assert first["quote"] == "تبحث قطر مع روسيا صفقة شراء محتملة لأنظمة الدفاع الصاروخية «إس-400»"
    assert first["statement"] and "in_talks" not in first["statement"]


def test_tsv_has_the_csv_columns_and_no_tab_inside_a_field(claims):
    lines = ok(*DB, "search", "--tsv").stdout.splitlines()
    assert lines[0].split("\t") == CLAIM_HEADER
    assert all(len(line.split("\t")) == len(CLAIM_HEADER) for line in lines)
    assert [line.split("\t")[0] for line in lines[1:]] == [c["id"] for c in claims]


def test_empty_csv_and_tsv_still_have_their_header():
    result = run(*DB, "search", "zzzqqq", "--csv")
    assert result.exit_code == 1 and list(csv.reader(io.StringIO(result.stdout))) == [CLAIM_HEADER]
    assert run(*DB, "search", "zzzqqq", "--tsv").stdout.splitlines() == ["\t".join(CLAIM_HEADER)]
    assert run(*DB, "entities", "zzzqqq", "--csv").stdout.splitlines()[0].startswith("id,type,name")
    header = run(*DB, "compare", "zzzqqq", "--csv").stdout.splitlines()
    assert header == ["subject,predicate,object,statement,status,reason"]


def test_sources_entities_diff_and_compare_csv_read_back():
    sources = list(csv.DictReader(io.StringIO(ok(*DB, "sources", "--csv").stdout)))
    khaleej = next(s for s in sources if s["id"] == KHALEEJ)
    # The khaleej article is dated السبت 21 يوليو 2018.
    assert (khaleej["published_start"], khaleej["published_precision"]) == ("2018-07-21", "day")
    assert int(khaleej["claims"]) == len(json.loads(ok(*DB, "search", "--source", KHALEEJ, "--json").stdout))
    entities = list(csv.DictReader(io.StringIO(ok(*DB, "entities", "--csv").stdout)))
    qatar = next(e for e in entities if e["id"] == "qatar")
    assert qatar["name_ar"] == "قطر" and "State of Qatar" in qatar["aliases"].split(
        "; "
    )  # Doha is a metonym (schema 2)
    diff = list(csv.DictReader(io.StringIO(run(*DB, "diff", KHALEEJ, AMBASSADOR, "--csv").stdout)))
    doc = json.loads(run(*DB, "diff", KHALEEJ, AMBASSADOR, "--json").stdout)
    assert [r["section"] for r in diff] == [s for s in present.DIFF_SECTIONS for _ in doc[s]]
    matrix = list(
        csv.DictReader(
            io.StringIO(ok(*DB, "compare", "--object", "qatar-russia-mtc-agreement-2017", "--csv").stdout)
        )
    )
    signed = next(r for r in matrix if r["predicate"] == "signed" and r["subject"] == "qatar")
    assert signed[SHOIGU] == "2017-10-25" and signed[f"{SHOIGU} claims"]


# --- choosing fields, counting, ids ---------------------------------------------------------


def test_fields_in_json_jsonl_csv_and_tsv(claims):
    doc = json.loads(ok(*DB, "search", "S-400", "--fields", "id,date.start,citation.source", "--json").stdout)
    full = json.loads(ok(*DB, "search", "S-400", "--json").stdout)
    assert doc == [
        {
            "id": c["id"],
            "date": {"start": (c["date"] or {}).get("start")},
            "citation": {"source": c["citation"]["source"]},
        }
        for c in full
    ]
    lines = ok(*DB, "search", "S-400", "--fields", "id,statement", "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == [
        {"id": c["id"], "statement": c["statement"]} for c in full
    ]
    rows = list(
        csv.reader(
            io.StringIO(ok(*DB, "search", "S-400", "--fields", "id,date_start,value.amount", "--csv").stdout)
        )
    )
    assert rows[0] == ["id", "date_start", "value.amount"] and len(rows) == len(full) + 1
    tsv = ok(*DB, "sources", "--fields", "id,published.start", "--tsv").stdout.splitlines()
    assert tsv[0] == "id\tpublished.start" and f"{KHALEEJ}\t2018-07-21" in tsv


def test_an_unknown_field_is_one_line_naming_the_fields():
    result = run(*DB, "search", "S-400", "--fields", "id,statment", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "'statment'" in line and "statement" in line


@pytest.mark.parametrize(
    "path, hint", [("date.strat", "date.start"), ("id.x", "statement"), ("date.", "date.end")]
)
def test_a_dotted_path_is_checked_whole_not_by_its_first_name(path, hint):
    # A typo below the first name would otherwise print null for every record, and id.x
    # would turn the id into an object.
    result = run(*DB, "search", "S-400", "--fields", f"id,{path}", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert repr(path) in line and hint in line


def test_count_and_ids(claims):
    assert ok(*DB, "search", "--count").stdout == f"{len(claims)}\n"
    assert ok(*DB, "search", "--ids").stdout.splitlines() == [c["id"] for c in claims]
    assert ok(*DB, "sources", "--count").stdout == "5\n"  # five articles ship
    assert ok(*DB, "sources", "--ids").stdout.splitlines()[0] == KHALEEJ
    doc = json.loads(run(*DB, "diff", KHALEEJ, AMBASSADOR, "--json").stdout)
    assert (
        run(*DB, "diff", KHALEEJ, AMBASSADOR, "--count").stdout
        == f"{sum(len(doc[s]) for s in present.DIFF_SECTIONS)}\n"
    )


def _standard_json(value) -> str:
    """The standard json module's indented text, Arabic readable, with the characters a
    terminal acts on or that reorder text escaped by their code (README, safety of output)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return re.sub(
        "[\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]",
        lambda m: f"\\u{ord(m.group()):04x}",
        text,
    )


def test_a_long_json_list_is_the_standard_modules_text_whatever_its_values(tmp_path, monkeypatch):
    # Written a slice of records at a time (two here, thousands in use): quotes with bidi
    # controls, a figure orjson would print its own way (1e-7, where the standard module
    # writes 1e-07), claims sharing a source; the bytes are the standard module's text of
    # what the output says, whichever path each slice took.
    from factcli import render
    from factcli.importer import import_records
    from factcli.store import Location

    monkeypatch.setattr(render, "JSON_SLICE", 2)
    quotes = [
        "قال الوزير \u202eإن قطر\u202c ستشتري المنظومة",
        "وقالت الدوحة إن الصفقة تمت",
        "وتقع القاعدة جنوب غربي الدوحة",
        "وأكد\u061c المتحدث\u2066 ذلك",
    ]
    records = [
        source_record("s1", ". ".join(quotes) + "."),
        entity_record("al-udeid", "Al Udeid", "place", name_ar="العديد"),
        entity_record("doha", "Doha", "place", name_ar="الدوحة"),
    ]
    for n, quote in enumerate(quotes):
        records.append(
            {
                "id": f"c{n + 1:04d}",
                "subject": "al-udeid",
                "predicate": "distance_from",
                "object": "doha",
                "statement": f"Al Udeid lies some way from Doha ({n}).",
                "value": {"amount": 1e-07 if n == 1 else 0.5, "unit": "km"},
                "citation": {"source": "s1", "quote": quote},
            }
        )
    db = tmp_path / "facts.json"
    import_records(Location(db, "--db"), records, create=True)
    out = ok("--db", str(db), "search", "Doha", "--json")
    found = json.loads(out.stdout)
    assert sorted(c["id"] for c in found) == ["c0001", "c0002", "c0003", "c0004"]
    assert out.stdout_bytes == (_standard_json(found) + "\n").encode("utf-8")
    assert {c["value"]["amount"] for c in found} == {1e-07, 0.5}


def test_a_read_command_leaves_the_garbage_collector_as_it_found_it():
    import gc

    assert gc.isenabled()
    ok(*DB, "search", "S-400", "--json")
    assert gc.isenabled()
    gc.disable()
    try:
        ok(*DB, "show", "c0001", "--json")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_show_takes_many_ids_and_ids_on_stdin():
    s400 = json.loads(ok(*DB, "search", "S-400", "--json").stdout)
    piped = ok(*DB, "search", "S-400").stdout  # plain rows: the id first
    shown = json.loads(ok(*DB, "show", "-", "--json", input=piped).stdout)
    assert [d["id"] for d in shown] == [c["id"] for c in s400]
    ids = ok(*DB, "search", "S-400", "--ids").stdout
    assert [d["id"] for d in json.loads(ok(*DB, "show", "-", "--json", input=ids).stdout)] == [
        c["id"] for c in s400
    ]
    bad = run(*DB, "show", "c0001", "c9999", "--json")
    assert bad.exit_code == 2 and bad.stdout == "" and "c9999" in bad.stderr


# --- terminals of every width ---------------------------------------------------------------


def _wide(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(line) for line in text.splitlines()), default=0)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9$][\w$.'-]*", text)


@pytest.fixture(scope="module")
def khaleej_ambassador_diff():
    """The diff the tables below print, as JSON (which no width changes)."""
    return json.loads(run(*DB, "diff", KHALEEJ, AMBASSADOR, "--json").stdout)


@pytest.fixture(scope="module")
def agreement_rows():
    """The compare rows of the 2017 agreement, as JSON (which no width changes)."""
    printed = ok(*DB, "compare", "--object", "qatar-russia-mtc-agreement-2017", "--json").stdout
    return json.loads(printed)["rows"]


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_renders_keep_every_id_whole_and_every_word(
    width, claims, source_ids, khaleej_ambassador_diff, agreement_rows
):
    env = {"COLUMNS": str(width)}
    out = ok(*DB, "search", "--table", env=env).stdout
    assert _wide(out) <= width
    tokens = set(re.findall(r"\S+", out))
    for c in claims:
        assert c["id"] in tokens, c["id"]
    screen = Counter(_words(out))
    for c in claims:
        for word in _words(c["statement"]):
            assert screen[word], (c["id"], word)
    assert "…" not in out
    sources = ok(*DB, "sources", "--table", env=env).stdout
    for sid in source_ids:
        assert sid in set(re.findall(r"\S+", sources)), sid
    assert _wide(sources) <= width
    diff = run(*DB, "diff", KHALEEJ, AMBASSADOR, "--table", env=env).stdout
    doc = khaleej_ambassador_diff
    diff_tokens = set(re.findall(r"\S+", diff))
    for section in present.DIFF_SECTIONS:
        for row in doc[section]:
            for key in ("a", "b", "id"):
                if row.get(key):
                    assert row[key] in diff_tokens, (section, row[key])
    matrix = ok(*DB, "compare", "--object", "qatar-russia-mtc-agreement-2017", "--table", env=env).stdout
    assert _wide(matrix) <= width
    assert "propositio\n" not in matrix and not re.search(r"\bpropositio\s", matrix)
    matrix_tokens = set(re.findall(r"\S+", matrix))
    for row in agreement_rows:
        for word in _words(row["statement"]):
            assert word in matrix, word
    # Source ids label the cells and are named in the reasons: never folded at any width.
    for sid in source_ids:
        cut = [t for t in matrix_tokens if sid.startswith(t) and len(sid) // 2 < len(t) < len(sid)]
        assert not cut, (sid, cut)


def _letters(text: str) -> Counter:
    # Reshaped presentation forms fold back to the letters they show (NFKC).
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if "\u0621" <= ch <= "\u064a")


@pytest.mark.parametrize("width", [60, 80, 100, 160])
def test_rtl_visual_loses_no_text_at_any_width(width, claims):
    pytest.importorskip("bidi")
    env = {"COLUMNS": str(width)}
    out = ok(*DB, "search", "S-400", "--table", "--rtl", "visual", env=env).stdout
    assert "…" not in out and _wide(out) <= width
    shown = _letters(out)
    for c in json.loads(ok(*DB, "search", "S-400", "--json").stdout):
        need = _letters(c["citation"]["quote"])
        assert all(shown[ch] >= n for ch, n in need.items()), c["id"]
        assert c["id"] in out
    detail = ok(*DB, "show", "c0001", "--table", "--rtl", "visual", env=env).stdout
    assert "…" not in detail and _wide(detail) <= width
    # The source line reads left to right: its id, then the outlet, then the date.
    (source_line,) = [line for line in detail.splitlines() if line.startswith("source")]
    assert source_line.split()[1] == KHALEEJ


def test_visual_lines_keep_reading_order():
    pytest.importorskip("bidi")
    from factcli.render import visual

    # A wrapped line that begins with Arabic keeps the paragraph's left-to-right order.
    lines = visual(
        "khaleej-2018-07-21 — The New Khalij (الخليج الجديد), published 2018-07-21", width=30
    ).split("\n")
    assert lines[0].startswith("khaleej-2018-07-21")
    assert any(line.rstrip().endswith("2018-07-21") for line in lines[1:])


def test_empty_columns_are_left_out_of_a_table():
    # No claim about the S-400 carries a figure: no value column.
    out = ok(*DB, "search", "S-400", "--table", env={"COLUMNS": "200"}).stdout
    header = next(line for line in out.splitlines() if line.strip().startswith("id"))
    assert "value" not in header.split() and "status" in header.split()
    figures = ok(*DB, "search", "--predicate", "exported_value", "--table", env={"COLUMNS": "200"}).stdout
    assert "value" in next(line for line in figures.splitlines() if line.strip().startswith("id")).split()
    assert "$5.2 bn" in figures  # وقمنا بتصدير 5.2 مليار دولار


def test_plain_rows_keep_the_status_in_its_own_field():
    lines = ok(*DB, "search", "S-400").stdout.splitlines()
    first = next(line.split("\t") for line in lines if line.startswith("c0001\t"))
    assert first[3] == "in talks" and not first[4].startswith(("in talks", "in_talks", "NOT"))


def test_plain_show_marks_the_quote_in_its_paragraph():
    header, row = (line.split("\t") for line in ok(*DB, "show", "c0001").stdout.splitlines())
    para = dict(zip(header, row, strict=True))["paragraph"]
    # The paragraph quotes «إس-400» itself, so the quote is marked ⟦ ⟧.
    assert para.startswith("⟦تبحث قطر مع روسيا صفقة شراء محتملة لأنظمة الدفاع الصاروخية «إس-400»⟧")
    table = ok(*DB, "show", "c0001", "--table", env={"COLUMNS": "100"}).stdout  # a pipe: no styles
    assert "⟦" in table and "⟧" in table


def test_a_dumb_terminal_gets_the_marks_not_styles():
    out = ok(
        *DB, "show", "c0001", "--table", "--color", "always", env={"TERM": "dumb", "COLUMNS": "100"}
    ).stdout
    assert "\x1b[" not in out and "⟦تبحث قطر" in out


def test_plain_show_uses_guillemets_where_the_paragraph_has_none(claims):
    details = json.loads(ok(*DB, "show", *[c["id"] for c in claims], "--json").stdout)
    detail = next(
        d for d in details if "«" not in d["paragraph"]["text"] and "»" not in d["paragraph"]["text"]
    )
    out = ok(*DB, "show", detail["id"]).stdout
    assert f"«{detail['citation']['quote']}»" in out


# --- colour, pager, global options ----------------------------------------------------------


def test_color_flags_and_environment():
    styled = ok(*DB, "--color", "always", "search", "S-400", "--limit", "1").stdout
    assert "\x1b[" in styled
    assert "\x1b[" in ok(*DB, "search", "S-400", "--limit", "1", "--color", "always").stdout
    assert "\x1b[" in ok(*DB, "search", "S-400", "--limit", "1", env={"FORCE_COLOR": "1"}).stdout
    assert (
        "\x1b["
        not in ok(*DB, "search", "S-400", "--limit", "1", "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    )
    assert "\x1b[" not in ok(*DB, "search", "S-400", "--limit", "1", "--table").stdout


def test_db_is_accepted_after_the_command(tmp_path):
    path = tmp_path / "one.json"
    ok(
        "--db",
        str(path),
        "import",
        "--create",
        "-",
        input="\n".join(
            json.dumps(r)
            for r in [
                source_record("s1", "Qatar visited Turkey."),
                entity_record("qatar", "Qatar"),
                entity_record("turkey", "Turkey"),
                {
                    "subject": "qatar",
                    "predicate": "visited",
                    "object": "turkey",
                    "statement": "Qatar visited Turkey.",
                    "citation": {"source": "s1", "quote": "Qatar visited Turkey."},
                },
            ]
        ),
    )
    after = json.loads(ok("search", "Qatar", "--db", str(path), "--json").stdout)
    assert [c["statement"] for c in after] == ["Qatar visited Turkey."]
    # After the command wins over before it.
    assert json.loads(ok(*DB, "search", "Qatar", "--db", str(path), "--json").stdout) == after
    assert ok("sources", "--db", str(path), "--ids").stdout == "s1\n"


PTY = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("sh") is None, reason="needs a pty"
)


def _on_pty(args: list[str], env: dict) -> str:
    code, out, err = run_on_pty(args, env)
    assert code == 0, err
    return out


@PTY
def test_pager_on_a_terminal_when_taller_than_the_screen_and_never_in_a_pipe(tmp_path):
    paged = tmp_path / "paged.txt"
    env = {**os.environ, "FACTCLI_PAGER": f"cat > {paged}", "LINES": "24", "COLUMNS": "100", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    screen = _on_pty([*DB, "search", "qatar"], env)
    assert paged.exists() and "c0001" in paged.read_text(encoding="utf-8")
    assert "c0001" not in screen
    paged.unlink()
    short = _on_pty([*DB, "show", "c0001"], {**env, "LINES": "200"})
    assert not paged.exists() and "c0001" in short  # it fits: no pager
    assert "c0001" in _on_pty([*DB, "search", "qatar", "--no-pager"], env) and not paged.exists()
    # Output that is not a terminal (a pipe, a file) is never paged, even a table taller than
    # LINES: the same decision on the stream's isatty, taken in-process (the terminal cases above
    # need the real pty).
    piped = run(*DB, "search", "qatar", "--table", env=env)
    assert piped.exception is None or isinstance(piped.exception, SystemExit)
    assert piped.exit_code == 0 and "c0001" in piped.stdout and not paged.exists()


# --- completion -----------------------------------------------------------------------------


def _complete(words: str) -> list[str]:
    env = {
        "_FACTCLI_COMPLETE": "bash_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1 + words.endswith(" ")),
    }
    result = CliRunner().invoke(main, [], env=env, prog_name="factcli")
    return [line.split(",", 1)[1] for line in result.stdout.splitlines() if "," in line]


def test_completion_knows_ids_sources_predicates_and_names():
    db = f"factcli --db {SHIPPED}"
    assert "c0001" in _complete(f"{db} show c000")
    assert _complete(f"{db} diff khal") == [KHALEEJ]
    assert "negotiating_purchase" in _complete(f"{db} search --predicate negot")
    assert "qatar" in _complete(f"{db} search --subject qa")
    assert "Rosoboronexport" in " ".join(_complete(f"{db} search --object Roso"))


# --- words and verdicts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, text",
    [
        ({"amount": 61, "unit": "country"}, "61 countries"),
        ({"amount": 1, "unit": "country"}, "1 country"),
        ({"amount": 1_500_000_000_000, "unit": "USD"}, "$1.5 tn"),
        ({"amount": 8_600_000_000, "unit": "USD"}, "$8.6 bn"),
        ({"amount": 2_500_000, "unit": "person"}, "2.5 m people"),
        ({"amount": 1500, "unit": "USD"}, "$1,500"),
        ({"amount": 30, "unit": "km"}, "30 km"),
    ],
)
def test_figures_read_the_same_everywhere(value, text):
    assert present.value_text(value) == text


@pytest.mark.parametrize(
    "date, text",
    [
        ({"start": "2017-10-25", "end": "2017-10-25", "precision": "day"}, "2017-10-25"),
        ({"start": "2017-10-01", "end": "2017-10-31", "precision": "month"}, "2017-10"),
        ({"start": "2020-09-01", "end": "2021-05-31", "precision": "month"}, "2020-09..2021-05"),
        ({"start": "2017-10-01", "end": "2017-12-31", "precision": "quarter"}, "2017-Q4"),
        ({"start": "2021-07-01", "end": "2021-12-31", "precision": "half"}, "2021-H2"),
        ({"start": "2017-12-01", "end": "2018-02-28", "precision": "season"}, "winter 2017/18"),
        ({"start": "2017-10-23", "end": "2017-10-29", "precision": "iso_week"}, "2017-W43"),
        ({"start": "2021-01-01", "end": "2021-12-31", "precision": "year"}, "2021"),
    ],
)
def test_dates_read_at_their_precision(date, text):
    assert present.date_text(date) == text


def test_search_and_compare_word_a_figure_alike():
    table = ok(*DB, "search", "--predicate", "export_destinations", "--table", env={"COLUMNS": "200"}).stdout
    matrix = ok(
        *DB, "compare", "--predicate", "export_destinations", "--table", env={"COLUMNS": "200"}
    ).stdout
    # "هذا العام التصدير سيكون إلى 61 دولة"
    assert "61 countries" in table and "61 countries" in matrix


def test_diff_table_prints_the_summary_then_sections_by_importance():
    out = run(*DB, "diff", KHALEEJ, AMBASSADOR, "--table", env={"COLUMNS": "120"}).stdout
    lines = out.splitlines()
    assert re.match(
        r"\d+ conflicts?, \d+ changed, \d+ compatible, \d+ agree, \d+ only in a, \d+ only in b", lines[2]
    )
    titles = [
        re.sub(r" \(\d+\)$", "", line.strip())
        for line in lines
        if re.search(r"^\s*(conflict|changed|compatible|agree|only in [ab], \S+) \(\d+\)\s*$", line)
    ]
    order = [
        "conflict",
        "changed",
        "compatible",
        "agree",
        f"only in a, {KHALEEJ}",
        f"only in b, {AMBASSADOR}",
    ]
    assert titles == [t for t in order if t in titles] and titles[-2:] == order[-2:]


def _claim(modality: str, date: dict | None, source: str) -> dict:
    return {
        "id": f"{source}-{modality}",
        "subject": "tamim",
        "predicate": "visited",
        "object": "russia",
        "polarity": "affirmed",
        "modality": modality,
        "date": date,
        "citation": {"source": source},
    }


MARCH_2018 = {"start": "2018-03-01", "end": "2018-03-31", "precision": "month", "text": "مارس الماضي"}
JUNE_2021 = {"start": "2021-06-01", "end": "2021-06-30", "precision": "month", "text": "يونيو"}
NOV_2017 = {"start": "2017-11-01", "end": "2017-11-30", "precision": "month", "text": "نوفمبر"}


def test_a_past_visit_and_a_later_planned_one_are_different_occasions():
    status, reason = compare_claims(_claim("fact", MARCH_2018, "a"), _claim("planned", JUNE_2021, "b"))
    assert status == "compatible" and reason.startswith("different occasions")
    # A plan made before the visit may be that visit: the plan carried out.
    assert compare_claims(_claim("planned", NOV_2017, "a"), _claim("fact", MARCH_2018, "b"))[0] == "changed"
    # A one-off event has no second occasion.
    signed = [
        {**_claim(m, d, s), "predicate": "signed"}
        for m, d, s in (("fact", MARCH_2018, "a"), ("planned", JUNE_2021, "b"))
    ]
    assert compare_claims(*signed)[0] == "changed"


def test_the_emirs_march_visit_and_the_visit_being_prepared_are_two_occasions():
    # khaleej: أمير قطر ... قام بزيارة رسمية إلى روسيا في مارس/آذار الماضي (a visit done, March 2018);
    # the 2020-21 interview: الاستعدادات لزيارة أمير قطر ... إلى روسيا (one being prepared).
    doc = json.loads(run(*DB, "diff", KHALEEJ, AMBASSADOR, "--json").stdout)
    pair = next(
        p
        for s in ("conflict", "changed", "compatible", "agree")
        for p in doc[s]
        if (p["a"], p["b"]) == ("c0020", "c0042")
    )
    assert pair["status"] == "compatible" and "different occasions" in pair["reason"]


# --- the interactive add --------------------------------------------------------------------


def test_interactive_add_checks_each_answer_as_it_is_typed(tmp_path, monkeypatch):
    from factcli.cli.env import Environment

    mine = tmp_path / "mine.json"
    shutil.copy(SHIPPED, mine)
    monkeypatch.setattr(Environment, "interactive", property(lambda self: True))
    answers = [
        "khaleej-2018",  # no such source: asked again, the right id suggested
        KHALEEJ,
        "تبحث قطر مع روسيا صفقة بيع",  # not the article's words (it says صفقة شراء)
        "تبحث قطر مع روسيا",  # the lede's first words
        "Qatr",  # a misspelt name: asked again with the near names
        "قطر",
        "negotiating_purchse",  # not in the vocabulary: the near predicate offered
        "negotiating_purchase",
        "S-400",
        "السبت",  # the article's Saturday, 21 July 2018
        "Qatar is discussing a possible S-400 purchase with Russia.",
    ]
    result = CliRunner().invoke(
        main, ["--db", str(mine), "add", "--modality", "in_talks"], input="\n".join(answers) + "\n"
    )
    assert result.exit_code == 0, (result.stdout, result.stderr)
    said = result.stdout + result.stderr
    assert "unknown source 'khaleej-2018'" in said and f"did you mean {KHALEEJ}" in said
    assert "not found in khaleej-2018-07-21" in said
    assert "unknown entity 'Qatr'" in said and "'Qatar'" in said
    assert "did you mean negotiating_purchase" in said
    new_id = result.stdout.strip().splitlines()[-1].split()[-1]
    (claim,) = json.loads(ok("--db", str(mine), "show", new_id, "--json").stdout)
    assert (claim["subject"], claim["predicate"], claim["object"]) == (
        "qatar",
        "negotiating_purchase",
        "s-400",
    )
    assert claim["citation"]["quote"] == "تبحث قطر مع روسيا" and claim["date"]["start"] == "2018-07-21"


def test_compare_lists_conflicts_first_and_its_summary_in_that_order():
    doc = json.loads(ok(*DB, "compare", "--json").stdout)
    order = ["conflict", "changed", "compatible", "agree", "single_source"]
    assert list(doc["summary"]) == ["propositions", *order]
    statuses = [r["status"] for r in doc["rows"]]
    assert statuses == sorted(statuses, key=order.index)
    assert {"agree", "single_source"} <= set(statuses)
