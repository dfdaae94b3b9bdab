"""Facts about Arabic script that several modules ask: which characters are Arabic, and in
which sense. (The clitics that stand before an Arabic word are `factcli.analyze`'s.)

Each predicate answers one question, and the ranges differ on purpose:

* `is_arabic_script(ch)` -- a character of the Arabic block or its supplements in their
  base forms (U+0600-U+06FF Arabic, U+0750-U+077F Arabic Supplement, U+0870-U+089F
  Arabic Extended-B, U+08A0-U+08FF Arabic Extended-A). Presentation forms are left out:
  NFKC maps them back to these, so normalized text never holds them.
* `in_arabic_block(ch)` -- the Arabic block proper, U+0600-U+06FF: every letter of
  Arabic, Persian and Urdu news text, its digits and punctuation.
* `in_arabic_to_extended_a(ch)` -- anything from U+0600 to U+08FF: Arabic and its
  supplements with the right-to-left scripts Unicode placed between them (Syriac,
  Thaana, NKo, Samaritan, Mandaic).
* `shows_arabic(text)` -- text a terminal will lay out as Arabic: the Arabic block, the
  Supplement, or the presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF) that text
  copied from PDFs often holds.
"""

from __future__ import annotations

import re

__all__ = [
    "in_arabic_block",
    "in_arabic_to_extended_a",
    "is_arabic_script",
    "shows_arabic",
]

# Compiled by `re`'s own cache when first used (only terminal output asks): a class of
# wide ranges costs a third of a millisecond to compile, paid by every start-up otherwise.
_SHOWS_ARABIC = "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"


def is_arabic_script(ch: str) -> bool:
    """`ch` is in the Arabic block, the Supplement or Extended-A/B (base forms, not presentation forms)."""
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u0870" <= ch <= "\u08ff"


def in_arabic_block(ch: str) -> bool:
    """`ch` is in the Arabic block proper, U+0600-U+06FF."""
    return "\u0600" <= ch <= "\u06ff"


def in_arabic_to_extended_a(ch: str) -> bool:
    """`ch` is between U+0600 (the Arabic block) and U+08FF (the end of Arabic Extended-A)."""
    return "\u0600" <= ch <= "\u08ff"


def shows_arabic(text: str) -> bool:
    """`text` holds a character a terminal lays out as Arabic (base or presentation forms)."""
    return re.search(_SHOWS_ARABIC, text) is not None
