"""Hostile input: whatever the data or the input holds, factcli answers in its own terms.

Sources are stored byte for byte, so their text (and any quote, a span of it) may carry
ESC, CSI, OSC, BEL, NUL, bidi overrides and rich markup. Curated fields refuse control
characters at import but may still hold markup and bidi controls. Import input may be any
bytes at all. For all of it:

* the exit status is 0, 1 or 2; never a traceback, never "internal error"; every error
  line on stderr starts ``factcli:``;
* ``--json`` output parses (exit 0 or 1), ``--jsonl`` parses line by line, CSV parses with
  one field per column, plain output is one record per line;
* no control character or bidi override from the data reaches any display: table, plain,
  CSV, stderr, or the real-terminal path with styles on. On that path every escape is one
  of rich's own SGR styles, and hostile data renders exactly as its cleaned form does;
* JSON keeps the data (it parses back to the stored bytes) but writes every control and
  bidi character as a ``\\uXXXX`` escape, so no raw ESC or CSI is in it either;
* markup in the data shows literally.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from conftest import SHIPPED, Ran, entity_record, factcli, import_numbered, numbered, source_record
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcli import render, store
from factcli.compare import compare as run_compare
from factcli.compare import diff as run_diff
from factcli.ids import is_claim_id
from factcli.importer import build
from factcli.present import CLAIM_TABLE, claim_detail, claim_record

# --- what must never get through -------------------------------------------------------

ESCAPES = [
    "\x1b[31m",
    "\x1b[0m",
    "\x1b[2J",
    "\x1b]8;;http://evil\x1b\\",
    "\x1b]0;title\x07",
    "\x9b31m",
    "\x9d0;t\x9c",
    "\x1bP+q\x1b\\",
    "\x07",
    "\x00",
    "\x08",
    "\r",
    "\x7f",
    "\x85",
]
BIDI = [
    "\u202e",
    "\u202d",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
]
MARKUP = [
    "[bold]",
    "[/]",
    "[link=http://x]",
    ":emoji:",
    ":smile:",
    "[red]قطر[/red]",
    "[/bold]",
    "\\[escaped]",
    "[bold red on white]",
]
OTHER = [
    "\u0301",
    "\u0651\u064b",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\t",
    "\n",
    "قطر",
    "روسيا",
    "إس-400",
    "٢٠١٧",
    "ـــ",
    "🙂",
    "\U0001f1f6\U0001f1e6",
    "\u200b",
    "\u00a0",
    "ﷺ",
]
PIECES = ESCAPES + BIDI + MARKUP + OTHER

# What no display may contain. FSI/PDI are allowed: render adds them around Arabic cells.
UNSAFE_DISPLAY = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066\u2067]")
# JSON may carry these only escaped; its only raw control is the newline of indentation.
UNSAFE_JSON = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
# Plain rows: one record per line, also for readers that split on Unicode line breaks.
UNSAFE_PLAIN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066\u2067\u2028\u2029]"
)
SGR = re.compile("\x1b\\[([0-9;]*)m")
OUR_SGR_PARAMS = {"", "0", "1", "2", "3", "7"}  # reset, bold, dim, italic, reverse
CURATED_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# FACTCLI_HOSTILE_EXAMPLES=500 for a longer hunt; the default (10: each example runs every command in every format) keeps the file quick.
SETTINGS = settings(
    max_examples=int(os.environ.get("FACTCLI_HOSTILE_EXAMPLES", "10")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def no_unsafe(text: str, pattern: re.Pattern[str] = UNSAFE_DISPLAY, where: str = "") -> None:
    m = pattern.search(text)
    assert m is None, (
        f"{where}: {m.group()!r} at {m.start()} in {text[max(0, m.start() - 40) : m.start() + 40]!r}"
    )


def terminal_safe(text: str, where: str = "") -> None:
    """Real-terminal output: every escape is one of rich's own styles; nothing else acts."""
    for params in SGR.findall(text):
        assert set(params.split(";")) <= OUR_SGR_PARAMS, f"{where}: foreign SGR {params!r}"
    no_unsafe(SGR.sub("", text), where=where)


# --- hostile strings -------------------------------------------------------------------

_chars = st.characters(blacklist_categories=("Cs",))
_piece = st.one_of(
    st.sampled_from(PIECES),
    st.text(_chars, min_size=1, max_size=6),
    st.text(st.characters(max_codepoint=0xA0, blacklist_categories=("Cs",)), min_size=1, max_size=4),
)
hostile = st.lists(_piece, min_size=1, max_size=8).map("".join)
# Always at least one escape from the list, so every example exercises the cleaning.
hostile_esc = st.tuples(hostile, st.sampled_from(ESCAPES + BIDI), hostile).map("".join)


def curated(text: str) -> str:
    """What a curated field may hold: the same string without control characters."""
    return CURATED_CONTROL.sub("", text)


STATEMENT_MARK = "[bold]M[/bold] [link=http://x]L[/link] :smile: [red]قطر[/red]"


def world(draw_values: dict[str, str]) -> dict[str, Any]:
    """A small store's records (two sources, two entities, two claims) from hostile strings."""
    v = draw_values
    text_a, qa_start, quote_a = _text_with_quote(v["head_a"], v["quote_a"], v["tail_a"])
    text_b, qb_start, quote_b = _text_with_quote(v["head_b"], v["quote_b"], v["tail_b"])
    day = {"start": "2018-07-21", "end": "2018-07-21", "precision": "day", "text": v["date_text"]}
    published = {"start": "2018-07-21", "end": "2018-07-21", "precision": "day", "text": v["pub_text"]}
    src_a = source_record(
        "src-a",
        text_a,
        title="A " + curated(v["title"]),
        outlet="Outlet " + curated(v["outlet"]),
        credited=["Agency " + curated(v["outlet"])],
        note=curated(v["note"]) or None,
        published_span=published,
    )
    src_b = source_record(
        "src-b",
        text_b,
        title="B " + curated(v["title"]),
        outlet="Other outlet",
        published_span=dict(published, start="2021-05-01", end="2021-05-01"),
    )
    qatar = entity_record(
        "qatar", "Qatar " + curated(v["name"]), aliases=[a for a in [curated(v["alias"])] if a.strip()]
    )
    qatar["name_ar"] = "قطر " + curated(v["name"])
    qatar["description"] = curated(v["note"]) or None
    s400 = entity_record("s-400", "S-400 " + curated(v["alias"]), "weapon_system")

    def claim(
        source: str, quote: str, start: int, statement: str, polarity: str, **extra: Any
    ) -> dict[str, Any]:
        return {
            "subject": "qatar",
            "predicate": "negotiating_purchase",
            "object": "s-400",
            "value": None,
            "date": day,
            "polarity": polarity,
            "modality": "in_talks",
            "speaker": None,
            "via": None,
            "statement": statement,
            "citation": {"source": source, "quote": quote, "start": start, "end": start + len(quote)},
            **extra,
        }

    return {
        "records": numbered(
            [
                src_a,
                src_b,
                qatar,
                s400,
                claim(
                    "src-a",
                    quote_a,
                    qa_start,
                    curated(v["statement_a"]) + " " + STATEMENT_MARK,
                    "affirmed",
                    value={"amount": 8600000000, "unit": "USD"},
                ),
                claim(
                    "src-b", quote_b, qb_start, curated(v["statement_b"]) + " " + STATEMENT_MARK, "negated"
                ),
            ]
        ),
        "text_a": text_a,
        "quote_a": quote_a,
        "quote_b": quote_b,
        "date_text": v["date_text"],
        "pub_text": v["pub_text"],
        "statement_a": curated(v["statement_a"]) + " " + STATEMENT_MARK,
    }


def _text_with_quote(head: str, quote: str, tail: str) -> tuple[str, int, str]:
    quote = quote + " قطر"  # never blank
    prefix = f"{head}\n\nقال المسؤول {tail} "
    return f"{prefix}{quote} {tail}\n{head}", len(prefix), quote


VALUE_KEYS = (
    "head_a",
    "quote_a",
    "tail_a",
    "head_b",
    "quote_b",
    "tail_b",
    "date_text",
    "pub_text",
    "title",
    "outlet",
    "note",
    "name",
    "alias",
    "statement_a",
    "statement_b",
)
worlds = st.fixed_dictionaries(
    {k: (hostile_esc if k.startswith(("quote", "head", "date", "pub")) else hostile) for k in VALUE_KEYS}
).map(world)


def cleaned_values(values: dict[str, str]) -> dict[str, str]:
    return {k: render.clean(v) for k, v in values.items()}


# --- running the CLI -------------------------------------------------------------------

FORMATS = ("plain", "table", "csv", "json", "jsonl")


def in_own_terms(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Ran:
    """`factcli ARGS` (the shared runner: no exception but SystemExit escapes), 4000 columns wide
    and with colour left to the flags, held to this file's rule for what any input may get:
    exit status 0, 1 or 2 and every stderr line in factcli's own terms, with nothing unsafe."""
    result = factcli(*args, input=input, env={"COLUMNS": "4000", "NO_COLOR": None, **(env or {})})
    where = " ".join(a[:40] for a in args)
    assert result.exit_code in (0, 1, 2), (where, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, (where, result.stderr)
    no_unsafe(result.stderr, UNSAFE_PLAIN, f"{where} stderr")
    for line in result.stderr.splitlines():  # errors, an import's summary, compare's plain summary
        assert line.startswith(("factcli: ", "imported ")) or re.match(
            r"\d+ propositions?, |a = .+, b = .+: \d+ conflicts?, ", line
        ), (
            where,
            line,
        )
    if result.exit_code == 2:
        assert result.stderr.strip(), where
    return result


# Piped `show`: one claim a line, `show`'s facts in columns (id, status, statement, quote,
# paragraph, then the eleven of present.show_fields), under a header line.
SHOW_FIELDS = 16


def check_output(result: Any, fmt: str, where: str, fields: int | None = None) -> None:
    out = result.stdout
    if fmt == "json":
        no_unsafe(out, UNSAFE_JSON, where)
        if result.exit_code in (0, 1):
            json.loads(out)
    elif fmt == "jsonl":
        no_unsafe(out, UNSAFE_JSON, where)
        for line in out.splitlines():
            json.loads(line)
    elif fmt == "csv":
        no_unsafe(out, where=where)
        rows = list(csv.reader(io.StringIO(out)))
        assert len({len(r) for r in rows}) <= 1, (where, rows)
    elif fmt == "plain":
        no_unsafe(out, UNSAFE_PLAIN, where)
        if fields is not None:
            assert all(line.count("\t") == fields - 1 for line in out.splitlines()), (where, out)
    else:
        no_unsafe(out, where=where)
        assert "\x1b" not in out  # --table on a pipe: no styles at all


def cli(db: Path, *args: str, fmt: str = "plain", fields: int | None = None, **kw: Any) -> Any:
    flag = () if fmt == "plain" else (f"--{fmt}",)
    result = in_own_terms("--db", str(db), *args, *flag, **kw)
    check_output(result, fmt, " ".join(args), fields)
    return result


def import_file(records: list[dict[str, Any]], folder: str) -> Path:
    path = Path(folder) / "facts.json"
    import_numbered(store.Location(path, "--db"), records, create=True)
    return path


# --- every command, every format, over hostile stores ---------------------------------

# (arguments, plain fields per line or None)
COMMANDS = [
    (("sources",), 6),
    (("search",), 7),
    (("search", "--subject", "qatar", "--since", "2018"), 7),
    (("show", "c0001"), SHOW_FIELDS),
    (("show", "c0002"), SHOW_FIELDS),
    (("entities",), 7),
    (("timeline",), 7),
    (("diff", "src-a", "src-b"), 11),  # the section once, as status
    (("compare",), 5),
    (("verify",), None),
]


@SETTINGS
@given(w=worlds, term=hostile)
def test_every_command_and_format_keeps_hostile_data_inert(w, term):
    with tempfile.TemporaryDirectory() as folder:
        db = import_file(w["records"], folder)
        out = {}  # (arguments, format) -> stdout, read again below
        for args, fields in COMMANDS:
            for fmt in FORMATS:
                result = cli(db, *args, fmt=fmt, fields=fields)
                expected = 1 if args[0] == "diff" else 0  # the two sources conflict
                assert result.exit_code == expected, (args, fmt, result.stderr)
                out[args, fmt] = result.stdout
        for args in (
            ("search", term),
            ("search", "--source", term),
            ("entities", term),
            ("show", term),
            ("timeline", "--until", term),
            ("compare", term),
            ("diff", "src-a", term),
            ("search", "--rtl", "visual"),
        ):  # without the rtl extra installed: one line, exit 2
            for fmt in FORMATS:
                cli(db, *args, fmt=fmt)

        # Data survives whole in JSON, the one lossless format.
        src = {s["id"]: s for s in json.loads(out[("sources",), "json"])}
        assert src["src-a"]["text"] == w["text_a"] and src["src-a"]["published"]["text"] == w["pub_text"]
        (shown,) = json.loads(out[("show", "c0001"), "json"])
        assert shown["citation"]["quote"] == w["quote_a"] and shown["date"]["text"] == w["date_text"]
        assert shown["statement"] == w["statement_a"]
        assert json.loads(out[("show", "c0002"), "jsonl"])["citation"]["quote"] == w["quote_b"]
        # Markup is text: it shows literally wherever the statement shows.
        for fmt in ("plain", "table", "csv"):
            assert STATEMENT_MARK in out[("search",), fmt], fmt
        assert STATEMENT_MARK in out[("show", "c0001"), "table"]


# --- the real-terminal path, rendered directly ------------------------------------------


def _facts_pair(values: dict[str, str]) -> tuple[store.Facts, store.Facts]:
    """The same world built from hostile strings and from their cleaned forms."""
    return build(world(values)["records"]), build(world(cleaned_values(values))["records"])


def _terminal(width: int, rtl: str = "logical") -> render.Output:
    return render.Output("table", io.StringIO(), io.StringIO(), color=True, tty=True, width=width, rtl=rtl)


def _has_rtl_extra() -> bool:
    try:
        import arabic_reshaper  # noqa: F401
        import bidi.algorithm  # noqa: F401
    except ImportError:
        return False
    return True


RTL_MODES = ["logical", "visual"] if _has_rtl_extra() else ["logical"]


def _render_all(
    facts: store.Facts, width: int, spans: store.Facts | None = None, rtl: str = "logical"
) -> str:
    """Every renderer on the terminal path; `spans` supplies the citation offsets shown
    (a cleaned text is shorter, so its offsets differ while everything shown is equal)."""
    out = _terminal(width, rtl)
    records = [claim_record(facts, c) for c in facts.claims]
    render.emit(out, records, list(CLAIM_TABLE), title=f"{len(records)} claims")
    render.emit(
        out,
        facts.entities,
        [
            ("name", lambda r: r["name"]),
            ("name_ar", lambda r: r["name_ar"]),
            ("aliases", lambda r: r["aliases"]),
        ],
        title="entities",
    )
    render.emit(
        out, facts.sources, [(k, lambda r, k=k: r[k]) for k in ("id", "title", "outlet", "credited", "note")]
    )
    for c in facts.claims:
        detail = claim_detail(facts, c["id"])
        if spans is not None:
            detail["citation"] = dict(
                detail["citation"], **{k: spans.claim(c["id"])["citation"][k] for k in ("start", "end")}
            )
        render.render_claim(out, detail)
    render.render_diff(out, run_diff(facts, "src-a", "src-b"))
    render.render_matrix(out, run_compare(facts, facts.claims))
    return out.out.getvalue()


raw_values = st.fixed_dictionaries(
    {k: (hostile_esc if k.startswith(("quote", "head", "date", "pub")) else hostile) for k in VALUE_KEYS}
)


@SETTINGS
@given(values=raw_values, width=st.integers(min_value=20, max_value=200), rtl=st.sampled_from(RTL_MODES))
# An alias of a bidi override and a line separator: blank on screen, so it takes no line.
@example(values={**{k: "\x1b[31m" for k in VALUE_KEYS}, "alias": "\u202e\u2028"}, width=20, rtl="logical")
def test_terminal_shows_hostile_data_exactly_as_its_clean_form(values, width, rtl):
    raw, clean = _facts_pair(values)
    shown = _render_all(raw, width, spans=clean, rtl=rtl)
    terminal_safe(shown, "tty")
    assert "\x1b[" in shown  # styles were on: this is the terminal path
    # What reaches the screen is what the cleaned data would show, escape for escape.
    assert shown == _render_all(clean, width, rtl=rtl)


def test_terminal_markup_and_escapes_from_a_quote_stay_text():
    quote = "[bold]B[/bold] \x1b[31mRED\x1b[0m \x1b]8;;http://evil\x1b\\LINK\x1b]8;;\x1b\\ \x1b]0;title\x07 \x9b31mC1 [red]قطر[/red] :smile:"
    facts = build(world({k: (quote if k == "quote_a" else "x\x1b[2J") for k in VALUE_KEYS})["records"])
    out = _terminal(300)
    render.render_claim(out, claim_detail(facts, "c0001"))
    shown = out.out.getvalue()
    terminal_safe(shown)
    for literal in (
        "[bold]B[/bold]",
        "[31mRED",
        "]8;;http://evil",
        "]0;title",
        "31mC1",
        "[red]قطر[/red]",
        ":smile:",
    ):
        assert literal in shown, literal
    assert "\U0001f642" not in shown  # :smile: is not turned into an emoji


# --- import: anything at all in, one line per problem out -----------------------------


def _base_records() -> list[dict[str, Any]]:
    return [
        source_record("src-a", "Qatar \x1b[31mis in talks\x1b[0m to buy the S-400 from Russia."),
        entity_record("qatar", "Qatar", aliases=["قطر"]),
        entity_record("s-400", "S-400", "weapon_system"),
    ]


def _valid_claim() -> dict[str, Any]:
    return {
        "subject": "qatar",
        "predicate": "negotiating_purchase",
        "object": "s-400",
        "value": {"amount": 3, "unit": "USD"},
        "date": {"start": "2019-01-01", "end": "2019-12-31", "precision": "year", "text": "2019"},
        "polarity": "affirmed",
        "modality": "in_talks",
        "speaker": None,
        "via": None,
        "statement": "Qatar is in talks to buy the S-400.",
        "citation": {"source": "src-a", "quote": "\x1b[31mis in talks", "start": None, "end": None},
    }


def _valid_source() -> dict[str, Any]:
    return source_record("src-b", "\x1b]0;title\x07Doha \u202ereport\n\nThe body.", published="2021-05-01")


def _valid_entity() -> dict[str, Any]:
    return entity_record("oman", "Oman", aliases=["عمان"])


BAD_VALUES = [
    None,
    0,
    -1,
    1.5,
    True,
    False,
    10**400,
    -(10**30),
    float("nan"),
    float("inf"),
    "",
    " ",
    "\x00",
    "\x1b]0;title\x07",
    "\u202e",
    "[bold]x[/]",
    # Past every bound the code enforces (a name 200 characters, an id 64, an error line
    # 1,000): five times the longest, as for over-long arguments below.
    "x" * 5_000,
    "2019-13-45",
    [],
    [None],
    {},
    {"a": 1},
    [[[]]],
    {"start": None},
]


# Stores (by the sha256 of their bytes) that verified and displayed soundly. What the
# commands show is a function of the store's content, so a store met again (an import that
# changed nothing, or the same records accepted into the same base by another test) is not
# checked again; a store that failed is never added, so it fails wherever it comes back.
_SOUND_STORES: set[str] = set()


def _import_and_check(records: Any, db: Path, *extra: str) -> Any:
    """Import `records` (raw JSON text or objects); whatever is accepted must verify and display."""
    text = records if isinstance(records, str) else json.dumps(records, ensure_ascii=False)
    result = in_own_terms("--db", str(db), "import", *extra, "-", input=text)
    assert result.exit_code in (0, 2), result.stderr
    digest = hashlib.sha256(db.read_bytes()).hexdigest() if result.exit_code == 0 else ""
    if result.exit_code == 0 and digest not in _SOUND_STORES:
        assert cli(db, "verify").exit_code == 0
        for fmt in FORMATS:
            cli(db, "search", fmt=fmt, fields=7)
            cli(db, "sources", fmt=fmt, fields=6)
            cli(db, "entities", fmt=fmt, fields=7)
        for cid in [c["id"] for c in json.loads(cli(db, "search", fmt="json").stdout)]:
            for fmt in FORMATS:
                cli(db, "show", cid, fmt=fmt, fields=SHOW_FIELDS)
        _SOUND_STORES.add(digest)
    return result


def _set(record: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    record = json.loads(json.dumps(record))
    *parents, last = path.split(".")
    node = record
    for p in parents:
        node = node[p]
    node[last] = value
    return record


FIELD_PATHS = (
    [("claim", k) for k in _valid_claim()]
    + [("claim", f"citation.{k}") for k in ("source", "quote", "start", "end")]
    + [("claim", f"date.{k}") for k in ("start", "end", "precision", "text")]
    + [("claim", f"value.{k}") for k in ("amount", "unit")]
    + [("source", k) for k in _valid_source() if k != "published"]
    + [("source", f"published.{k}") for k in ("start", "end", "precision", "text")]
    + [("entity", k) for k in _valid_entity()]
)
TEMPLATES = {"claim": _valid_claim, "source": _valid_source, "entity": _valid_entity}


@pytest.mark.parametrize("kind, path", FIELD_PATHS, ids=[f"{k}-{p}" for k, p in FIELD_PATHS])
def test_import_wrong_type_in_every_field_is_refused_or_sound(tmp_path, kind, path):
    db = tmp_path / "facts.json"
    import_numbered(store.Location(db, "--db"), _base_records(), create=True)
    before = db.read_bytes()
    for bad in BAD_VALUES:
        record = _set(TEMPLATES[kind](), path, bad)
        result = _import_and_check([record], db)
        if result.exit_code == 2:
            assert db.read_bytes() == before, (path, bad)
            assert (
                result.stderr.splitlines()[-1].startswith("factcli: nothing imported")
                or "invalid JSON" in result.stderr
            )
        else:
            before = db.read_bytes()
            # An accepted record came in as given: fields we write ourselves hold no controls.
            stored = json.loads(before)
            for table in ("entities", "claims"):
                for rec in stored[table].values():
                    for f in ("statement", "name", "name_ar", "description"):
                        assert not CURATED_CONTROL.search(rec.get(f) or ""), (path, bad, f)


json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**400, 2**63, -(2**64)]),
    st.floats(allow_nan=True, allow_infinity=True),
    hostile,
    st.sampled_from(["qatar", "s-400", "src-a"]),
)
json_value = st.recursive(
    json_scalar,
    lambda kids: (
        st.lists(kids, max_size=3)
        | st.dictionaries(
            st.text(max_size=6) | st.sampled_from(["start", "end", "amount", "unit"]), kids, max_size=3
        )
    ),
    max_leaves=10,
)
ALL_PATHS = {kind: [p for k, p in FIELD_PATHS if k == kind] for kind in TEMPLATES}


@st.composite
def mutated_records(draw: Any) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(st.sampled_from(sorted(TEMPLATES)))
        rec = TEMPLATES[kind]()
        for path in draw(st.lists(st.sampled_from(ALL_PATHS[kind]), max_size=3, unique=True)):
            try:
                rec = _set(rec, path, draw(json_value))
            except (TypeError, KeyError):
                pass  # a parent was replaced by a scalar already
        if draw(st.booleans()):
            rec[draw(st.text(max_size=8))] = draw(json_value)
        out.append(rec)
    return out


@SETTINGS
@given(records=mutated_records(), create_entities=st.booleans())
def test_import_mutated_records_is_refused_or_sound(records, create_entities):
    with tempfile.TemporaryDirectory() as folder:
        db = import_file(_base_records(), folder)
        text = json.dumps(records, ensure_ascii=False)  # NaN and Infinity go in as json writes them
        _import_and_check(text, db, *(("--create-entities",) if create_entities else ()))


@pytest.fixture(scope="module")
def refusing_store(tmp_path_factory) -> Path:
    """The base store, built once for the tests that only see their input refused: each
    checks that its bytes stay as they were, so none can see another's."""
    db = tmp_path_factory.mktemp("refusing") / "facts.json"
    with pytest.MonkeyPatch.context() as mp:  # the autouse cache fixture is per test: not yet set
        mp.setenv("FACTCLI_CACHE", str(tmp_path_factory.getbasetemp() / "factcli-cache"))
        import_numbered(store.Location(db, "--db"), _base_records(), create=True)
    return db


def _document(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "{" * 100_000,
        '{"a":' * 100_000,
        "[" * 100_000 + "]" * 100_000,
        "[[]]",
        "[[], {}]",
        '{"text": "x"}\n' + "[" * 50_000,
        '{"subject": "qatar"}\n{"a": ' + "[" * 100_000,
        "1" * 5000,
        '[{"value": {"amount": ' + "9" * 5000 + ', "unit": "USD"}}]',
        '[{"value": {"amount": 1e400, "unit": "USD"}}]',
        "NaN",
        "[NaN, Infinity, -Infinity]",
        "null",
        "true",
        "[1, 2]",
        '"text"',
        "{}",
        "   \n\t",
        '{"text": "a", "text": "b", "published": "2020", "published": 5}',
        '{"text": "\\ud800", "published": "2020"}',
        '{"text": "\\udc00x", "title": "\\ud83d"}',
        '[{"text": "hi"}',
        '{"text": "hi", "published": "2020"',
        '{"text": "hi"}\n{"text": ',
        "\ufeff\ufeff",
        "\x00",
        "\x1b]0;title\x07",
        '{"text": "\x1b[31m raw ESC inside a JSON string"}',
        '{"\x1b]0;key\x07": 1}',
    ],
)
def test_malformed_import_is_one_line_exit_2(refusing_store, text):
    db = refusing_store
    before = db.read_bytes()
    result = in_own_terms("--db", str(db), "import", "-", input=text)
    assert result.exit_code == 2, result.stderr
    assert db.read_bytes() == before


def test_import_with_big_valid_inputs(tmp_path):
    """A source text, quote and statement ten times the longest shipped source (2,939
    characters): imported, found, shown in every format. Such text has no bound of its own
    (the store's size bounds it), so a bigger one goes through the same code."""
    db = tmp_path / "facts.json"
    body = ("قطر \x1b[31m[bold]S-400[/]\x1b]8;;http://evil\x1b\\ \u202eروسيا " * 1_200)[:30_000]
    records = _base_records() + [
        source_record("big", body + "\nالنهاية", published="2020-02-02"),
        {
            **_valid_claim(),
            "id": "c0001",
            "statement": "Qatar " + "[bold]x[/] " * 3_000,
            "citation": {"source": "big", "quote": body, "start": 0, "end": len(body)},
        },
    ]
    result = _import_and_check(_document(records), db, "--create")
    assert result.exit_code == 0, result.stderr
    (shown,) = json.loads(cli(db, "show", "c0001", fmt="json").stdout)
    assert shown["citation"]["quote"] == body
    for fmt in FORMATS:
        cli(db, "timeline", fmt=fmt, fields=7)
    out = _terminal(120)
    render.render_claim(out, claim_detail(store.load(store.Location(db, "--db")), "c0001"))
    terminal_safe(out.out.getvalue())


def test_import_refuses_invalid_utf8(tmp_path):
    db = tmp_path / "facts.json"
    import_numbered(store.Location(db, "--db"), _base_records(), create=True)
    result = in_own_terms("--db", str(db), "import", "-", input=b'{"text": "\xff\xfe\x9b31m"}')
    assert result.exit_code == 2 and "UTF-8" in result.stderr


@SETTINGS
@given(
    text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
    | st.lists(st.sampled_from(list('[]{}",:0123456789.eE-+ntrufalsNIy\\') + PIECES), max_size=60).map(
        "".join
    )
)
def test_import_of_random_text_never_crashes(text):
    with tempfile.TemporaryDirectory() as folder:
        db = import_file(_base_records(), folder)
        _import_and_check(text, db)


# --- add: hostile options --------------------------------------------------------------


@SETTINGS
@given(
    quote=hostile,
    statement=hostile,
    subject=hostile,
    date=hostile | st.none(),
    value=hostile | st.none(),
    from_text=st.booleans(),
)
def test_add_with_hostile_options(quote, statement, subject, date, value, from_text):
    text = "Qatar \x1b[31mis in talks\x1b[0m to buy the S-400 from Russia. " + quote
    with tempfile.TemporaryDirectory() as folder:
        db = import_file([{**_base_records()[0], "text": text}, *_base_records()[1:]], folder)
        args = [
            "--db",
            str(db),
            "add",
            "--source",
            "src-a",
            "--quote",
            "\x1b[31mis in talks" if from_text else quote,
            "--subject",
            "qatar" if from_text else subject,
            "--predicate",
            "negotiating_purchase",
            "--statement",
            statement,
        ]
        if date is not None:
            args += ["--date", date]
        if value is not None:
            args += ["--value", value]
        result = in_own_terms(*args)
        if result.exit_code == 0:
            cid = result.stdout.strip()
            assert is_claim_id(cid)
            assert cli(db, "verify").exit_code == 0
            for fmt in FORMATS:
                cli(db, "show", cid, fmt=fmt, fields=SHOW_FIELDS)


def _add_value(db: Path, value: str) -> Any:
    return in_own_terms(
        "--db",
        str(db),
        "add",
        "--source",
        "src-a",
        "--quote",
        "to buy the S-400",
        "--subject",
        "qatar",
        "--predicate",
        "negotiating_purchase",
        "--object",
        "s-400",
        "--value",
        value,
        "--statement",
        "Qatar wants it.",
    )


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        # A figure that is not a finite number means nothing to compare or sum: refused.
        ("nan USD", "field value.amount: must be a finite number, not nan"),
        ("NaN USD", "field value.amount: must be a finite number, not nan"),
        ("inf USD", "field value.amount: must be a finite number, not inf"),
        ("-inf km", "field value.amount: must be a finite number, not -inf"),
        ("1e400 USD", "field value.amount: must be a finite number, not inf"),
        ("9" * 400 + " USD", "field value.amount: must be a finite number, not inf"),
        # Not AMOUNT UNIT at all, or a unit outside the vocabulary (shown escaped, never raw).
        ("0x10 USD", "--value '0x10 USD': expected 'AMOUNT UNIT'"),
        ("1 2 3", "--value '1 2 3': expected 'AMOUNT UNIT'"),
        ("\x1b[31m USD", "--value '\\x1b[31m USD': expected 'AMOUNT UNIT'"),
        ("5 \x1b]0;t\x07", "field value.unit: '\\x1b]0;t\\x07' is not one of"),
    ],
)
def test_add_refuses_a_value_that_is_not_a_finite_amount_and_a_known_unit(refusing_store, value, reason):
    db = refusing_store
    before = db.read_bytes()
    result = _add_value(db, value)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert reason in result.stderr.splitlines()[0], result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert db.read_bytes() == before


def test_add_accepts_the_largest_finite_amount_and_every_format_shows_it(store_file):
    db = store_file(_base_records())
    result = _add_value(db, "1e308 USD")
    assert result.exit_code == 0, result.stderr
    (claim,) = store.load(store.Location(db, "--db")).claims
    assert claim["value"] == {"amount": 1e308, "unit": "USD"}
    for fmt in FORMATS:
        cli(db, "search", fmt=fmt, fields=7)
        cli(db, "compare", fmt=fmt, fields=4)  # proposition, src-a, status, why


# --- decisions, pinned -----------------------------------------------------------------


def test_source_text_is_stored_byte_for_byte_but_curated_fields_refuse_controls(store_file):
    text = "\x1b]0;pwned\x07عنوان\r\n\x00body \x9b31m \u202e"
    db = store_file([source_record("s1", text, title=None), *_base_records()])
    stored = json.loads(db.read_text(encoding="utf-8"))["sources"]["1"]
    assert stored["text"] == text  # as received
    assert stored["title"] == "]0;pwnedعنوان"  # derived from the first line, controls left out
    for field, record in [
        ("title", source_record("s2", "t", title="a\x1b[31m")),
        ("credited", source_record("s2", "t", credited=["Reuters\x07"])),
        ("name", entity_record("e", "Bad\x9bname")),
        ("aliases", entity_record("e", "Ok", aliases=["\x00"])),
        ("statement", {**_valid_claim(), "statement": "x\x1b"}),
    ]:
        result = in_own_terms("--db", str(db), "import", "-", input=json.dumps([record]))
        assert result.exit_code == 2 and f"field {field}: contains control characters" in result.stderr, field


def test_csv_and_plain_are_cleaned_json_is_escaped(store_file):
    """CSV is read in terminals and spreadsheets as often as by programs: it gets the same
    cleaning as the table. JSON is the lossless format: same data, escaped."""
    text = "Qatar \x1b[31mis in talks\u202e\x9b2J\x07 to buy the S-400."
    db = store_file([source_record("src-a", text), *_base_records()[1:]])
    claim = {
        **_valid_claim(),
        "citation": {"source": "src-a", "quote": "\x1b[31mis in talks\u202e\x9b2J\x07"},
    }
    assert in_own_terms("--db", str(db), "import", "-", input=json.dumps([claim])).exit_code == 0
    rows = list(csv.reader(io.StringIO(cli(db, "search", fmt="csv").stdout)))
    assert rows[1][rows[0].index("quote")] == "[31mis in talks2J"
    assert cli(db, "search", fmt="plain").stdout.splitlines()[1].split("\t")[6].strip() == "[31mis in talks2J"
    raw = cli(db, "search", fmt="json").stdout
    assert "\\u001b[31m" in raw and "\\u202e" in raw and "\\u009b" in raw and "\\u0007" in raw
    assert json.loads(raw)[0]["citation"]["quote"] == claim["citation"]["quote"]


def test_error_lines_never_carry_escapes_from_input(store_file):
    db = store_file(_base_records())
    for args in (
        ("search", "--since", "\x1b]0;title\x07 2019"),
        ("show", "\x1b[31mc1\u202e"),
        ("search", "--subject", "\x9b31mQatar"),
        ("search", "--limit", "\x1b[2J"),
        ("diff", "src-a", "\x1b]8;;http://evil\x1b\\x"),
        ("compare", "--source", "\x07"),
    ):
        result = in_own_terms("--db", str(db), *args)
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, (args, result.stderr)
    bad_date = {**_valid_claim(), "date": "\x1b]0;title\x07 أكتوبر المقبل\n\x9b2J"}
    result = in_own_terms("--db", str(db), "import", "-", input=json.dumps([bad_date]))
    assert result.exit_code == 2 and "record 1, field date" in result.stderr


def test_huge_integer_amount_is_refused_not_a_crash_later(store_file):
    db = store_file(_base_records())
    claim = _set(_valid_claim(), "value.amount", 10**400)
    result = in_own_terms("--db", str(db), "import", "-", input=json.dumps([claim]))
    assert result.exit_code == 2 and "value.amount" in result.stderr


def test_diff_jsonl_is_one_pair_per_line(store_file):
    db = store_file(world({k: "x" for k in VALUE_KEYS})["records"])
    lines = [json.loads(line) for line in cli(db, "diff", "src-a", "src-b", fmt="jsonl").stdout.splitlines()]
    whole = json.loads(cli(db, "diff", "src-a", "src-b", fmt="json").stdout)
    assert len(lines) == sum(v for k, v in whole["summary"].items() if k != "differs") > 0
    assert all(line["source_a"] == "src-a" and line["section"] in whole for line in lines)


# --- hostile store files ---------------------------------------------------------------


def _shipped_text() -> str:
    return SHIPPED.read_text(encoding="utf-8")


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=200_000))
def test_truncated_store_is_one_line_exit_2(cut):
    text = _shipped_text()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "facts.json"
        prefix = text[: cut % len(text)]
        db.write_text(prefix, encoding="utf-8")
        try:
            json.loads(prefix)
        except ValueError:
            valid = False
        else:
            valid = True  # all but the final newline
        for args in (("search", "S-400"), ("sources",), ("verify",)):
            result = in_own_terms("--db", str(db), *args)
            if not valid:
                assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    "content",
    [
        '{"meta": {"1": {"schema": 1, "last_claim": ' + "9" * 5000 + "}}}",
        '{"meta": {"1": {"schema": NaN}}, "sources": {}, "entities": {}, "claims": {}}',
        '{"meta": {"1": {"schema": 1}}, "meta": [], "sources": {}, "entities": {}, "claims": {}}',
        '{"meta": {"1": {"schema": 1, "last_claim": 0}}, "sources": {"1": []}, "entities": {}, "claims": {}}',
        '{"meta": {"1": {"schema": 1, "last_claim": 0}}, "sources": {"x\\u001b]0;t\\u0007": {}}, "entities": {}, "claims": {}}',
        '{"meta": {"1": {"schema": "\\u001b[31m\\u202e"}}, "sources": {}, "entities": {}, "claims": {}}',
        '{"meta": {"1": {"schema": 1}}, "sources": {"1": {"id": "\x1b[31m"}}, "entities": {}, "claims": {}}',
        "\x1b]0;title\x07",
        "[" * 100,
    ],
)
def test_malformed_store_is_one_line_exit_2(tmp_path, content):
    db = tmp_path / "facts.json"
    db.write_text(content, encoding="utf-8")
    for args in (("search", "x"), ("verify",), ("import", "-")):
        result = in_own_terms("--db", str(db), *args, input="[]")
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, (args, result.stderr)
    assert db.read_text(encoding="utf-8") == content


@pytest.mark.parametrize("content", ["[" * 100_000, '{"meta": ' * 100_000])
def test_deeply_nested_store_is_one_line_exit_2(tmp_path, content):
    db = tmp_path / "facts.json"
    db.write_text(content, encoding="utf-8")
    result = in_own_terms("--db", str(db), "search", "x")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1


# --- real processes: a pipe and a terminal --------------------------------------------


def _hostile_store(folder: Path) -> Path:
    values = {
        k: f"{k} \x1b[31m\x1b]8;;http://evil\x1b\\\x1b]0;title\x07\x9b31m\u202e[bold]x[/] قطر"
        for k in VALUE_KEYS
    }
    return import_file(world(values)["records"], str(folder))


def _run(
    *args: str, stdout: Any = subprocess.PIPE, input: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FACTCLI_DB", "FACTCLI_DEBUG")}
    return subprocess.run(
        [sys.executable, "-m", "factcli", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        input=input,
        env={**full_env, **(env or {})},
        timeout=60,
    )


# Whether stdout is a terminal is decided once per process, before any command renders.
# A real pipe is tried with the default (plain), the JSON writer and rich's table, and a
# real terminal with the two renderers (table, claim blocks); every other command goes
# in-process, where stdout is no terminal either and `--color always` is what a terminal
# gets (cli.output_options).
PIPE_COMMANDS = (
    ("search",),
    ("show", "c0001"),
    ("diff", "src-a", "src-b"),
    ("compare", "--csv"),
    ("sources", "--json"),
    ("search", "--jsonl"),
    ("entities", "--table"),
)
REAL_PIPE = {("search",), ("sources", "--json"), ("entities", "--table")}
TERMINAL_COMMANDS = (("search",), ("show", "c0001"), ("diff", "src-a", "src-b"), ("compare",), ("timeline",))
REAL_TERMINAL = {("search",), ("show", "c0001")}


def test_subprocess_pipe_outputs_are_inert(tmp_path):
    db = str(_hostile_store(tmp_path))
    for args in PIPE_COMMANDS:
        if args in REAL_PIPE:
            proc = _run("--db", db, *args)
            code, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
        else:
            result = in_own_terms("--db", db, *args)
            code, stdout, stderr = result.exit_code, result.stdout_bytes, result.stderr_bytes
        assert code in (0, 1), (args, stderr)
        out = stdout.decode("utf-8")
        assert b"Traceback" not in stderr
        no_unsafe(out, UNSAFE_JSON if "json" in args[-1] else UNSAFE_DISPLAY, " ".join(args))
        assert b"\x1b" not in stdout and b"\xc2\x9b" not in stdout and b"\x07" not in stdout
    # A real stdin pipe, nested past any recursion limit.
    proc = _run("--db", db, "import", "-", input=b"[" * 100_000)
    assert proc.returncode == 2 and proc.stderr.count(b"\n") == 1 and b"internal error" not in proc.stderr


def _on_a_terminal(db: str, args: tuple[str, ...]) -> tuple[int, str, bytes]:
    """`factcli --db DB ARGS` on a real pseudo-terminal: exit status, screen, stderr."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "factcli", "--db", db, *args],
            stdout=slave,
            stderr=subprocess.PIPE,
            env={
                **{k: v for k, v in os.environ.items() if k != "NO_COLOR"},
                "COLUMNS": "160",
                "TERM": "xterm-256color",
            },
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        _, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8").replace("\r\n", "\n"), err


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_subprocess_on_a_real_terminal_is_styled_by_us_only(tmp_path):
    db = str(_hostile_store(tmp_path))
    for args in TERMINAL_COMMANDS:
        if args in REAL_TERMINAL:
            code, shown, err = _on_a_terminal(db, args)
        else:
            result = in_own_terms(
                "--db", db, "--color", "always", *args, env={"COLUMNS": "160", "TERM": "xterm-256color"}
            )
            code, shown, err = result.exit_code, result.stdout, result.stderr_bytes
        assert code in (0, 1), (args, err)
        assert "\x1b[" in shown, args  # a terminal: styled
        terminal_safe(shown, " ".join(args))
        assert "[bold]x[/]" in shown, args


# --- hand-edited stores: any type in any field ---------------------------------------


def _stored_document() -> dict[str, Any]:
    # Built at collection, before the autouse fixture points the index cache at a temporary
    # folder: the import's index goes to this folder too, never the user's cache.
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as mp:
        mp.setenv("FACTCLI_CACHE", str(Path(folder) / "cache"))
        return json.loads(
            import_file(world({k: "x \x1b[31m" for k in VALUE_KEYS})["records"], folder).read_text()
        )


STORED = _stored_document()
STORED_PATHS = [
    (table, path)
    for table in ("meta", "sources", "entities", "claims")
    for f, v in STORED[table]["1"].items()
    for path in [(f,)] + [(f, g) for g in (v if isinstance(v, dict) else ())]
]
HAND_COMMANDS = [
    ("search",),
    ("search", "x"),
    ("show", "c0001"),
    ("sources",),
    ("entities", "qatar"),
    ("timeline",),
    ("diff", "src-a", "src-b"),
    ("compare",),
    ("import", "-"),
]


@SETTINGS
@given(where=st.sampled_from(STORED_PATHS), bad=json_value, fmt=st.sampled_from(FORMATS))
def test_hand_edited_store_with_a_wrong_type_anywhere(where, bad, fmt):
    """Reads refuse a damaged store in one line; `verify` reads it anyway and lists it."""
    table, path = where
    doc = json.loads(json.dumps(STORED))
    node = doc[table]["1"]
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = bad
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "facts.json"
        db.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        verdict = cli(db, "verify", fmt=fmt)
        # Only another schema version is no store at all; verify reads anything else.
        assert verdict.exit_code in ((0, 2) if path == ("schema",) else (0, 1))
        for args in HAND_COMMANDS:
            result = cli(
                db,
                *args,
                fmt="plain" if args[0] == "import" else fmt,
                input='[{"type": "country", "name": "Oman"}]',
            )
            if result.exit_code == 2 and verdict.exit_code == 0:
                assert "damaged store" not in result.stderr  # only what verify finds wrong is refused


# --- hostile queries on the shipped store ---------------------------------------------

_term = hostile | st.sampled_from(
    [
        "S-400",
        "قطر",
        "إس-400",
        "روس أوبورون إيكسبورت",
        "Qatar",
        "٢٠١٧",
        "«",
        "-",
        "--",
        "لقطر",
        "و",
        "ال",
        "*",
        ".*",
        "(",
        "\\",
        "%s",
        "{0}",
        "'",
        '"',
    ]
)
_option = st.sampled_from(
    ["--subject", "--object", "--speaker", "--predicate", "--source", "--since", "--until", "--limit"]
)


@SETTINGS
@given(
    command=st.sampled_from(["search", "timeline", "compare", "entities"]),
    terms=st.lists(_term, max_size=3),
    options=st.lists(
        st.tuples(_option, _term | st.sampled_from(["qatar", "2017", "Oct 2017", "0", "-1", "10"])),
        max_size=2,
    ),
    fmt=st.sampled_from(FORMATS),
)
def test_hostile_queries_on_the_shipped_store(command, terms, options, fmt):
    flag = [] if fmt == "plain" else [f"--{fmt}"]
    args = [command, *flag, *([a for o in options for a in o] if command != "entities" else []), "--", *terms]
    result = in_own_terms("--db", str(SHIPPED), *args)
    check_output(result, fmt, " ".join(args))
    if fmt == "json" and result.exit_code == 1:
        doc = json.loads(result.stdout)
        # Nothing found keeps the command's shape: compare's object with no rows, else [].
        assert (doc["rows"] if command == "compare" else doc) == []


# Five times the longest bound the code enforces (a query is read up to 1,000 characters, a
# date phrase up to 200, an id up to 64, a claim id c + 9 digits); each bound is also tried
# one character past it. A limit of 5,000 digits is past Python's 4,300-digit int parse too.
LONG = ("قطر S-400 \x1b[31m[bold]\u202e " * 1_000)[:5_000]


@pytest.mark.parametrize(
    "args",
    [
        ("search", LONG),
        ("search", "--since", LONG),
        ("search", "--until", "x" * 5_000),
        ("search", "--subject", LONG),
        ("search", "--source", LONG),
        ("search", "--predicate", LONG),
        ("show", LONG),
        ("diff", LONG, "x"),
        ("search", "--limit", "9" * 5_000),
        ("search", "ق" * 1_001),
        ("search", "--since", "x" * 201),
        ("search", "--subject", "q" * 65),
        ("show", "c" + "1" * 10),
        ("diff", "s" * 65, "x"),
    ],
    ids=lambda a: "-".join(x if x.isascii() and len(x) < 20 else f"{len(x)}chars" for x in a[:2]),
)
def test_overlong_arguments_give_one_short_line(args):
    result = in_own_terms("--db", str(SHIPPED), *args)
    assert result.exit_code in (1, 2)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and len(lines[0]) < 1100
