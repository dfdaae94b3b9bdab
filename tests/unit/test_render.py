"""Tests for factcli.render's text rules, apart from a terminal: text from sources is data,
so what reaches a display has no control character or bidi override left (README, safety of
output), a plain field holds no tab or line break, JSON escapes every such character and
keeps Arabic readable, and a quote is marked with guillemets unless its paragraph uses them
(Arabic news often does). Whole outputs on terminals and pipes are tests/cli/test_output.py's
and tests/cli/test_hostile.py's."""

from __future__ import annotations

import io
import json

import pytest

from factcli import render

QUOTE = "تبحث قطر مع روسيا"  # the khaleej article's title, quoted by c0001
ESC, RLO, PDF, BEL, NUL = "\x1b", "\u202e", "\u202c", "\x07", "\x00"


@pytest.mark.parametrize(
    "raw, shown",
    [
        (f"{ESC}[31m{QUOTE}", f"[31m{QUOTE}"),  # the escape goes, the rest is text
        (f"{RLO}S-400{PDF}", "S-400"),
        (f"Doha{BEL}{NUL}", "Doha"),
        ("[bold]x[/]", "[bold]x[/]"),  # markup is kept as text, never interpreted here
        (None, ""),
        (400, "400"),
    ],
)
def test_display_text_has_no_control_or_bidi_character(raw, shown):
    assert render.clean(raw) == shown


def test_a_plain_field_is_one_field_of_one_line():
    assert render.plain(f"a\tb\nc\u2028d\u2029e{ESC}") == "a b c d e"


def test_json_text_escapes_controls_and_bidi_and_keeps_arabic_readable():
    text = render.dumps({"quote": f"{QUOTE}{RLO}{ESC}"})
    assert QUOTE in text
    assert RLO not in text and ESC not in text
    assert json.loads(text) == {"quote": f"{QUOTE}{RLO}{ESC}"}  # nothing lost, only escaped


def test_indented_json_is_the_standard_layout():
    assert render.dumps({"a": [1]}, indent=2) == '{\n  "a": [\n    1\n  ]\n}'


def test_a_quote_is_marked_with_guillemets_unless_its_paragraph_has_them():
    assert render.quote_marks(f"قال السفير {QUOTE}") == ("«", "»")
    assert render.quote_marks("قال «نحن» اليوم") == ("⟦", "⟧")


def test_a_marked_paragraph_surrounds_exactly_the_quote():
    para = f"قالت الصحيفة: {QUOTE} اليوم"
    start = para.index(QUOTE)
    detail = {"paragraph": {"text": para, "quote_start": start, "quote_end": start + len(QUOTE)}}
    assert render.marked_paragraph(detail) == f"قالت الصحيفة: «{QUOTE}» اليوم"


def test_an_arabic_cell_is_isolated_and_never_markup():
    shown = render.cell(f"[bold]{QUOTE}[/]")
    assert shown.plain == f"{render.FSI}[bold]{QUOTE}[/]{render.PDI}"
    assert shown.spans == []
    assert render.cell("S-400").plain == "S-400"


def test_how_a_hit_matched_reads_term_by_term():
    record = {"match": {"score": 13.5, "terms": [{"term": "S-400", "field": "object", "kind": "entity"}]}}
    assert render.why_text(record) == "S-400: object entity (13.5)"
    assert render.why_text({}) == ""


# Every character `dumps` escapes, once each, between Arabic letters; and a float that
# orjson prints its own way, so that with the `fast` extra one slice is written as bytes
# and the other as text.
HOSTILE = "ق\x7fط\x85ر\x9f\u200e\u200f\u061c\u202a\u202e\u2066\u2069\u2028\u2029«ا»"
HOSTILE_JSON = '"ق\\u007fط\\u0085ر\\u009f\\u200e\\u200f\\u061c\\u202a\\u202e\\u2066\\u2069\\u2028\\u2029«ا»"'
LISTED = [{"quote": HOSTILE, "n": 1}, {"quote": QUOTE, "score": 1e-07}, {"quote": QUOTE, "score": 0.5}]
LISTED_JSON = (
    f'[\n  {{\n    "quote": {HOSTILE_JSON},\n    "n": 1\n  }},\n'
    f'  {{\n    "quote": "{QUOTE}",\n    "score": 1e-07\n  }},\n'
    f'  {{\n    "quote": "{QUOTE}",\n    "score": 0.5\n  }}\n]\n'
)


def test_json_text_escapes_each_control_and_bidi_character_as_its_code():
    assert render.dumps(HOSTILE) == HOSTILE_JSON


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf-16", "cp1256"])
@pytest.mark.parametrize("size", [1, 2, 1000])
def test_a_json_list_is_written_whole_to_any_stream_in_its_encoding(monkeypatch, encoding, size):
    monkeypatch.setattr(render, "JSON_SLICE", size)
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding)
    stream.write("before ")
    render.write_json(stream, LISTED)
    stream.write("after")
    stream.flush()
    assert raw.getvalue() == f"before {LISTED_JSON}after".encode(encoding)


def test_a_json_list_is_written_whole_to_a_text_only_stream(monkeypatch):
    monkeypatch.setattr(render, "JSON_SLICE", 1)
    text = io.StringIO()
    render.write_json(text, LISTED)
    assert text.getvalue() == LISTED_JSON


def test_display_text_drops_what_the_control_rule_and_the_bidi_rule_drop_and_nothing_else():
    # Every code point once: `clean` removes exactly the controls normalize.strip_controls
    # removes (tab and line break kept) and the bidi characters, and keeps the rest in order.
    from factcli.normalize import strip_controls

    every = "".join(map(chr, range(0x110000)))
    bidi = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert render.clean(every) == "".join(ch for ch in strip_controls(every) if ch not in bidi)
    assert "\t" in render.clean(every) and "\n" in render.clean(every)
