"""JSON in and out: the store file's text, the `--json` output's text and the index's rows.

One codec: the standard json module's text, byte for byte, made by orjson where it is
installed (the `fast` extra) and gives the very same bytes, by the standard module where it
does not. orjson is much quicker (the standard encoder's indented output runs in pure Python),
but it writes some floats its own way, refuses integers beyond 64 bits and lone surrogates,
and reads an integer beyond 64 bits as a float; the rules below keep every such value on the
standard module's path, so installing the extra never changes a byte or a value.

json and orjson are imported when first used (orjson looked up once per process): a read
answered from a warm index never parses JSON this way, and startup time is a feature of a
CLI.
"""

from __future__ import annotations

import functools
import marshal  # built into the interpreter: nothing to load
import re
from collections.abc import Callable, Iterator
from typing import Any

__all__ = [
    "LONG_DIGITS",
    "compact_decoder",
    "compact_encoder",
    "copied",
    "decode",
    "encode_chunks",
    "encode_file",
    "encode_text",
    "long_integer",
]

# orjson reads an integer beyond 64 bits as a float, without a word (18446744073709551616
# comes back as 1.8446744073709552e+19), and the next write would store the float. Such an
# integer has 19 digits or more; a document with one goes to the standard parser, which
# keeps every integer exact. As a JSON number the run starts the document or follows
# whitespace, `:`, `,` or `[` (a minus sign aside); a run inside a word, as in a source's
# sha256, is no number, so a document whose runs are all like that stays with orjson (a
# run in running text goes to the standard parser: slower, never wrong).
LONG_DIGITS = re.compile(rb"[0-9]{19}")
_BEFORE_A_NUMBER = frozenset(b" \t\r\n:,[")
# Digits to "0", every other byte to "x": runs of digits are then found by bytes.find, which
# is many times quicker over a large store than a regular expression.
_DIGIT_RUNS = bytes(0x30 if 0x30 <= b <= 0x39 else 0x78 for b in range(256))
_RUN = b"0" * 19


def long_integer(raw: bytes) -> bool:
    """Whether `raw` may hold an integer of 19 digits or more."""
    runs = raw.translate(_DIGIT_RUNS)
    at = runs.find(_RUN)
    while at >= 0:
        start = at - 1 if at and raw[at - 1] == 0x2D else at  # "-"
        if start == 0 or raw[start - 1] in _BEFORE_A_NUMBER:
            return True
        end = runs.find(b"x", at)
        if end < 0:
            return False
        at = runs.find(_RUN, end)
    return False


@functools.cache
def _orjson() -> Any:
    """The orjson module where the `fast` extra is installed, else None. Looked up once: a
    failed import is not remembered, and each try searches every folder of `sys.path` again
    (about a millisecond, for each store read and index opened in a process)."""
    try:
        import orjson
    except ImportError:
        return None
    return orjson


def decode(raw: bytes, long_integers: bool | None = None) -> Any:
    """The value of the JSON document `raw` (UTF-8); `long_integers` says whether it may hold
    an integer beyond 64 bits (None: look). Raises what the standard parser raises
    (`json.JSONDecodeError`, `UnicodeDecodeError`, `RecursionError`); orjson's own errors
    go to the standard parser, whose message gives the line and column users need."""
    import json

    orjson = _orjson()
    if orjson is None:
        return json.loads(raw.decode("utf-8"))
    if long_integer(raw) if long_integers is None else long_integers:
        return json.loads(raw.decode("utf-8"))
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw.decode("utf-8"))


def encode_text(value: Any, indent: int | None = 2) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=indent)`: Arabic readable."""
    fast = _orjson_indented(value) if indent == 2 else None
    if fast is not None:
        return fast.decode("utf-8")
    import json

    return json.dumps(value, ensure_ascii=False, indent=indent)


def encode_file(value: Any) -> bytes:
    """`encode_text(value)` and a line break, in UTF-8: a file's text, never copied as a str."""
    fast = _orjson_indented(value)
    if fast is not None:
        return fast + b"\n"
    import json

    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def encode_chunks(value: Any, size: int = 2000) -> Iterator[bytes | str]:
    """`encode_text(value)` in pieces that join to it: UTF-8 bytes where orjson gives the
    standard encoder's bytes, text where the standard encoder writes them (a float orjson
    prints its own way, an integer beyond 64 bits, a lone surrogate, which UTF-8 cannot
    hold). A list is encoded `size` items at a time, so a long one's text is never whole in
    memory and its first items can be written while the rest are encoded; anything else is
    one piece.

    The pieces of a list follow from the encoder's own layout: a non-empty list is "[\n",
    its items indented by two spaces and joined by ",\n", then "\n]", so a slice's text less
    its first two and last two characters is that slice's items as the whole list has them.
    """
    if type(value) is not list or not value:
        yield _encoded(value, set())
        return
    alike: set[float] = set()  # floats seen printing the same both ways, for the next slices
    for at in range(0, len(value), size):
        piece = _encoded(value[at : at + size], alike)
        yield "[\n" if at == 0 else ",\n"
        yield piece[2:-2]
    yield "\n]"


def _encoded(value: Any, alike: set[float]) -> bytes | str:
    fast = _orjson_indented(value, alike)
    if fast is not None:
        return fast
    import json

    return json.dumps(value, ensure_ascii=False, indent=2)


def _orjson_indented(value: Any, alike: set[float] | None = None) -> bytes | None:
    """The standard encoder's indented bytes, ~10x sooner, or None where they could differ.

    orjson's OPT_INDENT_2 output is byte-identical for strings (escapes included), integers,
    booleans, null and containers; it writes some floats differently (`1e-7` for `1e-07`,
    `null` for NaN), and refuses lone surrogates and integers beyond 64 bits. So it is used
    only when every float in the value prints the same both ways, and its refusals fall back
    to the standard encoder. `alike` keeps the floats already seen to print alike, for
    the next value of the same output.
    """
    orjson = _orjson()
    if orjson is None:
        return None
    if not _floats_print_alike(value, orjson.dumps, set() if alike is None else alike):
        return None
    try:
        text: bytes = orjson.dumps(value, option=orjson.OPT_INDENT_2)
        return text
    except (TypeError, orjson.JSONEncodeError):
        return None


# Values that both encoders write alike whatever they hold: no look inside needed.
_PLAIN = frozenset((str, int, bool, type(None)))


def _floats_print_alike(doc: Any, fast_dumps: Callable[[Any], bytes], alike: set[float]) -> bool:
    """Whether every value in `doc` is plain JSON (exact dicts, lists, strings, numbers,
    booleans, null) and every float in it prints the same both ways. The walk is the cost
    of the check (a heavy search's output holds millions of values): one type lookup a
    value, and each float compared once (`alike`: a score repeats across thousands of hits).
    Of two equal floats, 0.0 and -0.0, each prints alike, so a set keyed by value is safe."""
    import json

    plain = _PLAIN
    stack: list[Any] = [[doc]]  # the document itself may be a float, or a bare string
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        for v in node.values() if type(node) is dict else node:
            kind = type(v)
            if kind in plain:
                continue
            if kind is dict or kind is list:
                push(v)
            elif kind is float:
                if v not in alike:
                    if fast_dumps(v) != json.dumps(v).encode():
                        return False
                    alike.add(v)
            else:  # a subclass or another type: leave it to the standard encoder
                return False
    return True


def compact_encoder() -> Callable[[Any], str]:
    """A function giving one-line JSON text (`separators=(",", ":")`, Arabic readable) of a
    value, for rows that are read back by `compact_decoder`. Its text may differ from the
    standard encoder's (orjson writes 1e-7 for 1e-07); the values read back do not. Made once
    and called per record, so the imports are not looked up for each."""
    import json

    def slow(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    orjson = _orjson()
    if orjson is None:
        return slow

    def fast(v: Any) -> str:
        try:
            text: str = orjson.dumps(v).decode("utf-8")
            return text
        except (TypeError, orjson.JSONEncodeError):
            return slow(v)  # integers beyond 64 bits, lone surrogates: the standard encoder

    return fast


def compact_decoder() -> Callable[[str], Any]:
    """A function reading JSON text back, every integer exact (see `LONG_DIGITS`)."""
    import json

    orjson = _orjson()
    if orjson is None:
        return json.loads

    def fast(text: str) -> Any:
        # The row's UTF-8 is what orjson reads anyway; on bytes the look for a long integer
        # is `long_integer`'s translate and find, several times quicker than a regular
        # expression over the text (a heavy search reads tens of thousands of rows).
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, which orjson refuses too
            return json.loads(text)
        if long_integer(raw):  # orjson would read an integer beyond 64 bits as a float
            return json.loads(text)
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            return json.loads(text)

    return fast


_ATOMS = frozenset((str, int, float, bool, type(None)))


def copied(value: Any) -> Any:
    """A copy of a parsed JSON value that shares no dict or list with it. marshal's round
    trip, in C, is many times quicker than `copy.deepcopy`, which keeps a memo of every
    object for the cycles and shared parts parsed JSON never has; marshal refuses what is
    not plain data (a subclass of dict, an object made by code), which is then copied by
    `copy.deepcopy`, below the plain parts."""
    try:
        return marshal.loads(marshal.dumps(value))
    except ValueError:
        return _copied(value)


def _copied(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {k: _copied(v) for k, v in value.items()}
    if kind is list:
        return [_copied(v) for v in value]
    if kind in _ATOMS:
        return value
    import copy

    return copy.deepcopy(value)
