"""What each part of the analysis is worth: the relevance suite scored with it switched off.

Runs the analyst queries of `tests/contract/test_relevance.py` on the shipped store five ways: the
full analysis; without Snowball English stemming (PyStemmer; British/American folding stays);
without transliteration of Cyrillic/Greek letters (anyascii); without the fuzzy name matcher
(rapidfuzz); and with none of the three. Each way gets an index built afresh in memory.

    python benchmarks/relevance.py
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "contract")]

from test_relevance import CASES, check  # noqa: E402

from factcli import analyze, search, store  # noqa: E402


class _NoStemmer:
    @staticmethod
    def stemWord(word: str) -> str:  # noqa: N802 - PyStemmer's name
        return word


@contextlib.contextmanager
def switched_off(parts: set[str]) -> Iterator[None]:
    saved = (analyze._english, analyze._to_ascii, search.FUZZY_MIN)
    if "stemmer" in parts:
        analyze._english = _NoStemmer()
    if "transliteration" in parts:
        analyze._to_ascii = lambda token: token
    if "fuzzy" in parts:
        search.FUZZY_MIN = 100.0  # only an identical spelling, which is a name already
    analyze._cache.clear()
    analyze._ANALYZER = None
    try:
        yield
    finally:
        analyze._english, analyze._to_ascii, search.FUZZY_MIN = saved
        analyze._cache.clear()
        analyze._ANALYZER = None


def score(parts: set[str]) -> tuple[int, int, list[str]]:
    with switched_off(parts):
        # A fresh snapshot: its in-memory index is built with the analysis as switched.
        facts = store.load(store.Location(ROOT / "facts.json", "--db"))
        failed = [c.label for c in CASES if check(facts, c)]
    return len(CASES) - len(failed), len(CASES), failed


def main() -> None:
    ways = [
        ("full analysis", set()),
        ("without PyStemmer (Snowball English)", {"stemmer"}),
        ("without transliteration (anyascii)", {"transliteration"}),
        ("without the fuzzy matcher (rapidfuzz)", {"fuzzy"}),
        ("without all three", {"stemmer", "transliteration", "fuzzy"}),
    ]
    print("| analysis | queries passing | failing |")
    print("|---|---:|---|")
    for label, parts in ways:
        ok, total, failed = score(parts)
        print(f"| {label} | {ok}/{total} | {', '.join(f'`{f}`' for f in failed) or '–'} |")


if __name__ == "__main__":
    main()
