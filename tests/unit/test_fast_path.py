"""With the `fast` extra (orjson) installed, factcli writes and reads exactly what the standard
json module would: the same store bytes, the same `--json` text, the same index rows.
A user who installs the extra must not see a store diff or a changed output. These tests
skip where orjson is absent; .ci/run installs the extra and runs them."""

import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

orjson = pytest.importorskip("orjson")

from factcli import codec, render, store  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# Values where the two encoders are known to part: floats orjson prints its own way,
# NaN and infinities (orjson writes null), integers beyond 64 bits and lone surrogates
# (orjson refuses them), and text that needs escapes.
AWKWARD = [
    1e-07,
    1e16,
    1.5e300,
    0.1,
    -0.0,
    2.5,
    123456789.125,
    2**64,
    -(2**63) - 1,
    2**63 - 1,
    "\ud800",
    "a\udfffb",
    "قطر \u200f «S-400»",
    "\x00\x1f\x7f",
    "\u2028\u2029",
    '"\\/',
    True,
    False,
    None,
    [],
    {},
]

# What a store can hold: finite numbers, and text without lone surrogates (schema and verify
# refuse both; the output and the index see only what the store holds).
STORABLE = [v for v in AWKWARD if not (isinstance(v, str) and any("\ud800" <= c <= "\udfff" for c in v))]
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | text
    | st.sampled_from(STORABLE),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(text.filter(lambda k: len(k) <= 6), inner, max_size=4)
    ),
    max_leaves=20,
)


def _standard_store_bytes(doc: dict) -> bytes:
    rows = {t: doc.get(t, {}) for t in store.TABLES}
    ordered = {
        t: {k: store.in_field_order(t, rows[t][k]) for k in sorted(rows[t], key=store.doc_key)} for t in rows
    }
    return (json.dumps(ordered, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_the_shipped_store_is_written_back_byte_for_byte_through_orjson():
    raw = (ROOT / "facts.json").read_bytes()
    doc = codec.decode(raw)
    assert codec._orjson_indented(doc) is not None  # the fast path is the one taken
    assert store.dumps(doc) == raw


@pytest.mark.parametrize("value", STORABLE, ids=repr)
def test_a_store_with_an_awkward_value_writes_what_the_standard_encoder_writes(value):
    doc = {
        "meta": {"1": {"schema": 2, "last_claim": 1}},
        "sources": {},
        "entities": {},
        "claims": {"1": {"id": "c0001", "note": value}},
    }
    assert store.dumps(doc) == _standard_store_bytes(doc)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_any_json_value_is_written_as_the_standard_encoder_writes_it(value):
    doc = {"meta": {"1": {"schema": 2}}, "claims": {"1": {"id": "c0001", "x": value}}}
    assert store.dumps(doc) == _standard_store_bytes(doc)


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_json_output_is_the_standard_encoders_text(value):
    standard = render._JSON_RAW.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, indent=2)
    )
    assert render.dumps(value, indent=2) == standard


@settings(max_examples=200, deadline=None)
@given(st.lists(json_values, max_size=6), st.integers(min_value=1, max_value=4))
def test_a_json_list_written_a_slice_at_a_time_is_the_standard_encoders_text(values, size):
    # Slices orjson encodes come out as bytes, the others as the standard encoder's text:
    # the stream gets the standard text whichever each slice took.
    standard = render._JSON_RAW.sub(
        lambda m: f"\\u{ord(m.group()):04x}", json.dumps(values, ensure_ascii=False, indent=2)
    )
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(render, "JSON_SLICE", size)
        render.write_json(stream, values)
    stream.flush()
    assert raw.getvalue() == (standard + "\n").encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(json_values)
def test_the_index_reads_back_what_it_wrote(value):
    # The index is a cache: its text may differ (orjson writes 1e-7 for 1e-07), the values may not.
    back = codec.compact_decoder()(codec.compact_encoder()(value))
    assert json.dumps(back) == json.dumps(value)


@pytest.mark.parametrize("number", [2**64, -(2**63) - 1, 10**30])
def test_an_integer_beyond_64_bits_comes_back_exact_from_the_index(number):
    back = codec.compact_decoder()(codec.compact_encoder()({"amount": number}))
    assert type(back["amount"]) is int and back["amount"] == number


def test_a_store_file_reads_the_same_through_orjson():
    raw = (ROOT / "facts.json").read_bytes()
    assert codec.decode(raw) == json.loads(raw.decode("utf-8"))
    big = b'{"claims": {"1": {"n": 18446744073709551616, "f": 1e-07}}}'
    decoded = codec.decode(big)
    assert type(decoded["claims"]["1"]["n"]) is int and decoded["claims"]["1"]["n"] == 2**64
    assert math.isclose(decoded["claims"]["1"]["f"], 1e-07)
