"""Tests for factcli.codec: the one JSON codec. The store file is the standard json module's
text, indented, UTF-8 with Arabic readable (README, "The data model", so `git diff facts.json`
reads line by line), and every value, an integer beyond 64 bits included, reads back exactly.
With or without the `fast` extra the bytes are the same (tests/unit/test_fast_path.py holds
the two paths to each other where orjson is installed)."""

from __future__ import annotations

import collections
import json

import pytest
from conftest import SHIPPED

from factcli import codec

QUOTE = "تبحث قطر مع روسيا"  # the khaleej article's title, as c0001 quotes it
BIG = 18446744073709551616  # 2**64: one past what 64 bits hold


def test_the_store_file_is_indented_utf8_with_arabic_readable():
    raw = codec.encode_file({"quote": QUOTE, "n": [1, 2]})
    assert raw == ('{\n  "quote": "' + QUOTE + '",\n  "n": [\n    1,\n    2\n  ]\n}\n').encode("utf-8")
    assert b"\\u" not in raw


def test_the_shipped_store_is_what_the_codec_writes():
    raw = SHIPPED.read_bytes()
    assert codec.encode_file(codec.decode(raw)) == raw


@pytest.mark.parametrize("value", [{"a": 1.5, "b": None, "c": [True, "قطر"]}, [], "", 0, -2.5e-07])
def test_text_is_the_standard_modules(value):
    assert codec.encode_text(value) == json.dumps(value, ensure_ascii=False, indent=2)
    assert codec.encode_text(value, indent=None) == json.dumps(value, ensure_ascii=False)


def test_an_integer_beyond_64_bits_reads_back_exactly():
    raw = codec.encode_file({"amount": BIG, "neg": -BIG})
    back = codec.decode(raw)
    assert back == {"amount": BIG, "neg": -BIG} and isinstance(back["amount"], int)


def test_a_compact_row_reads_back_as_the_value_it_was():
    encode, decode = codec.compact_encoder(), codec.compact_decoder()
    for value in ({"q": QUOTE, "x": [1, 2.5, None]}, {"amount": BIG}, [0.1, 1e-07]):
        text = encode(value)
        assert "\n" not in text and decode(text) == value
    assert encode({"q": QUOTE}) == '{"q":"' + QUOTE + '"}'


def test_a_broken_document_raises_the_standard_parsers_error_with_its_place():
    with pytest.raises(json.JSONDecodeError) as caught:
        codec.decode(b'{\n  "a": 1,\n  "b": \n}')
    assert caught.value.lineno == 4


def test_bytes_that_are_not_utf8_raise_a_decoding_error():
    with pytest.raises(UnicodeDecodeError):
        codec.decode(b'{"a": "\xff"}')


def _joined(pieces) -> str:
    return "".join(p.decode("utf-8") if isinstance(p, bytes) else p for p in pieces)


# A list long enough to be encoded in several slices, one of which holds a float that
# orjson prints its own way (1e-07): with or without orjson the pieces join to the standard
# module's text.
RECORDS = [{"id": f"c{n:04d}", "quote": QUOTE, "score": n / 4, "tags": [n, None, True]} for n in range(7)]
RECORDS[4]["score"] = 1e-07


@pytest.mark.parametrize("size", [1, 2, 3, 7, 100])
def test_a_list_written_in_slices_is_the_standard_modules_text(size):
    pieces = list(codec.encode_chunks(RECORDS, size))
    assert _joined(pieces) == json.dumps(RECORDS, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [[], [[]], [{}], {"a": [1.5, 1e-07]}, "قطر", 2.5, None, [BIG]])
def test_anything_else_is_one_piece_of_the_standard_modules_text(value):
    assert _joined(codec.encode_chunks(value, 1)) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    "text, value",
    [
        ('{"q":"\\ud800x"}', {"q": "\ud800x"}),  # a lone surrogate, escaped in the row
        ('{"q":"\ud800x"}', {"q": "\ud800x"}),  # and raw, as the standard encoder may leave it
        ('{"n":-18446744073709551616}', {"n": -BIG}),
        ('{"q":"sha 18446744073709551616"}', {"q": "sha 18446744073709551616"}),
        ('{"q":"' + QUOTE + '","x":[1,2.5,null]}', {"q": QUOTE, "x": [1, 2.5, None]}),
    ],
)
def test_a_row_reads_back_whatever_its_text_holds(text, value):
    back = codec.compact_decoder()(text)
    assert back == value and json.dumps(back) == json.dumps(value)


def test_a_copy_of_a_parsed_value_shares_no_dict_or_list_with_it():
    value = json.loads('{"predicates": {"signed": {"labels": ["signed", "وقع"], "n": 1.5}}, "units": []}')
    copy = codec.copied(value)
    assert copy == value
    copy["predicates"]["signed"]["labels"].append("inked")
    copy["units"].append("EUR")
    assert value["predicates"]["signed"]["labels"] == ["signed", "وقع"] and value["units"] == []
    # A value made by code, not parsed (a tuple of lists), is copied whole too.
    made = {"pair": ([1], [2])}
    other = codec.copied(made)
    other["pair"][0].append(3)
    assert made == {"pair": ([1], [2])}
    # And one holding what is not plain data (a dict of a subclass): copied below it too.
    odd = {"kept": [1], "ordered": collections.OrderedDict(b=[1], a=[2])}
    again = codec.copied(odd)
    again["kept"].append(2)
    again["ordered"]["b"].append(3)
    assert odd == {"kept": [1], "ordered": collections.OrderedDict(b=[1], a=[2])}
    assert list(again["ordered"]) == ["b", "a"] and type(again["ordered"]) is collections.OrderedDict


def test_a_copy_keeps_every_key_in_its_order_and_every_value_exactly():
    text = '{"z": 1, "a": [true, 1, 1.0, -0.0, 18446744073709551616, "\\ud800", null], "m": {}}'
    value = json.loads(text)
    copy = codec.copied(value)
    assert json.dumps(copy) == text
    assert [type(v) for v in copy["a"]] == [bool, int, float, float, int, str, type(None)]
