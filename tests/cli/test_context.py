"""-C N / --context N on search and show: the sentences around each claim's quote, in every
output shape, and refused unless N is a non-negative integer."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import SHIPPED, factcli

from factcli import schemas
from factcli.present import context_of
from factcli.render import clean, marked_paragraph

TEXT = "First one. It cost 8.6 bn here! Third?\nالجملة الرابعة؟ Fifth.\n\nSixth line"


def span(text: str, quote: str, n: int) -> str:
    i = text.index(quote)
    ctx = context_of(text, i, i + len(quote), n)
    assert ctx["text"][ctx["quote_start"] : ctx["quote_end"]] == quote
    return str(ctx["text"])


def test_zero_is_the_quotes_own_sentence_and_a_decimal_point_ends_none() -> None:
    assert span(TEXT, "8.6 bn", 0) == "It cost 8.6 bn here!"


def test_n_sentences_either_side_arabic_and_latin_ends_and_line_breaks() -> None:
    assert span(TEXT, "8.6 bn", 1) == "First one. It cost 8.6 bn here! Third?"
    assert span(TEXT, "Third?", 1) == "It cost 8.6 bn here! Third?\nالجملة الرابعة؟"
    assert span(TEXT, "الرابعة", 1) == "Third?\nالجملة الرابعة؟ Fifth."
    assert span(TEXT, "Fifth", 1) == "الجملة الرابعة؟ Fifth.\n\nSixth line"


def test_more_sentences_than_the_text_has_stop_at_its_ends() -> None:
    assert span(TEXT, "Third", 50) == TEXT


def test_search_json_has_a_context_the_schema_declares() -> None:
    out = factcli("--db", str(SHIPPED), "search", "S-400", "-C", "1", "--json").ok().stdout
    records = json.loads(out)
    for rec in records:
        jsonschema_valid(rec)
        ctx = rec["context"]
        assert ctx["text"][ctx["quote_start"] : ctx["quote_end"]] == rec["citation"]["quote"]


def test_show_json_context_grows_with_n() -> None:
    texts = []
    for n in ("0", "2"):
        out = factcli("--db", str(SHIPPED), "show", "c0001", "--context", n, "--json").ok().stdout
        [rec] = json.loads(out)
        jsonschema_valid(rec)
        texts.append(rec["context"]["text"])
    assert texts[0] in texts[1] and len(texts[0]) < len(texts[1])


def jsonschema_valid(rec: dict) -> None:
    jsonschema.validate(rec, schemas.load("claim"))


def test_without_c_there_is_no_context() -> None:
    [rec] = json.loads(factcli("--db", str(SHIPPED), "show", "c0001", "--json").ok().stdout)
    assert "context" not in rec


@pytest.mark.parametrize("command", [("search", "S-400"), ("show", "c0001")])
def test_piped_output_has_a_context_field_with_the_quote_marked(command: tuple[str, str]) -> None:
    lines = factcli("--db", str(SHIPPED), *command, "-C", "1").ok().stdout.splitlines()
    header = lines[0].split("\t")
    assert "context" in header
    row = lines[1].split("\t")
    assert "⟦" in row[header.index("context")] or "«" in row[header.index("context")]


def test_show_on_a_terminal_marks_the_quote_in_its_sentences() -> None:
    out = factcli("--db", str(SHIPPED), "show", "c0001", "-C", "1", "--table", "--no-pager").ok().stdout
    assert "quote in its sentences" in out
    assert "⟦" in out


def test_source_text_is_never_a_control_sequence() -> None:
    text = "Before \x1b[31mred\x1b[0m. The quote is here. After [bold]x[/bold]."
    i = text.index("The quote")
    ctx = context_of(text, i, i + len("The quote is here."), 1)
    shown = clean(marked_paragraph({"context": ctx}, "context"))
    assert "\x1b" not in shown


@pytest.mark.parametrize("n", ["-1", "x", "1.5"])
@pytest.mark.parametrize("command", [("search", "S-400"), ("show", "c0001")])
def test_n_must_be_a_non_negative_integer(command: tuple[str, str], n: str) -> None:
    ran = factcli("--db", str(SHIPPED), *command, "-C", n)
    assert ran.exit_code == 2
    assert len(ran.stderr.strip().splitlines()) == 1
    assert "--context" in ran.stderr
