"""Tests for factcli.codec: the one JSON codec. The store file is the standard json module's
text, indented, UTF-8 with Arabic readable (README, "The data model", so `git diff facts.json`
reads line by line), and every value, an integer beyond 64 bits included, reads back exactly.
With or without the `fast` extra the bytes are the same (tests/unit/test_fast_path.py holds
the two paths to each other where orjson is installed)."""

from __future__ import annotations

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
