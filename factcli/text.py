"""What counts as Arabic text: one definition for each question factcli asks of a character.

The questions differ, so the ranges do, and each name says which question it answers:

- `in_arabic_block` / `ARABIC_BLOCK`: the Unicode block Arabic, U+0600..U+06FF (letters,
  Arabic-Indic digits, Arabic punctuation). The importer counts these to tell an Arabic
  source from an English one; the index cuts proclitics only off tokens made of them.
- `is_arabic_word_char` / `is_arabic_word`: a character `normalize` joins into an Arabic word:
  the blocks Arabic, Arabic Supplement (U+0750..U+077F) and Arabic Extended-B and -A
  (U+0870..U+08FF). Presentation forms are not among them: NFKC maps them back first.
- `in_arabic_span`: U+0600..U+08FF taken whole (the Arabic blocks and the Syriac, Thaana,
  NKo, Samaritan and Mandaic blocks between them): a token of `analyze` that starts there
  is kept as written, never transliterated to ASCII.
- `PROCLITICS`: the one-letter words written joined to the word after them.
- `ARABIC_SHOWN`: what a terminal must lay out right to left: Arabic, Arabic Supplement and
  the presentation forms (U+FB50..U+FDFF, U+FE70..U+FEFF) that stored text may still hold.
"""

from __future__ import annotations

import re

ARABIC = "\u0600-\u06ff"
ARABIC_SUPPLEMENT = "\u0750-\u077f"
ARABIC_EXTENDED = "\u0870-\u08ff"  # Arabic Extended-B (U+0870..U+089F) and -A (U+08A0..U+08FF)
PRESENTATION_FORMS = "\ufb50-\ufdff\ufe70-\ufeff"  # Arabic Presentation Forms-A and -B

# The single-letter proclitics, written joined to the next word: wa "and", fa "so", bi
# "with, by", li "for, to", ka "like". They also begin many ordinary words (وزير, بوتين,
# لبنان), so whoever cuts one off demands a long enough rest.
PROCLITICS = ("و", "ف", "ب", "ل", "ك")

ARABIC_BLOCK = re.compile(f"[{ARABIC}]")
ARABIC_SHOWN = re.compile(f"[{ARABIC}{ARABIC_SUPPLEMENT}{PRESENTATION_FORMS}]")


def in_arabic_block(ch: str) -> bool:
    """Whether the character lies in the Unicode block Arabic (U+0600..U+06FF)."""
    return "\u0600" <= ch <= "\u06ff"


def all_in_arabic_block(token: str) -> bool:
    """Whether every character of `token` lies in the block Arabic (true for "")."""
    return all("\u0600" <= ch <= "\u06ff" for ch in token)


def is_arabic_word_char(ch: str) -> bool:
    """Whether `normalize` counts the character as part of an Arabic word (see above)."""
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u0870" <= ch <= "\u08ff"


def is_arabic_word(token: str) -> bool:
    """Whether every character of `token` is an Arabic word character (true for "")."""
    return all(
        "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u0870" <= ch <= "\u08ff" for ch in token
    )


def in_arabic_span(ch: str) -> bool:
    """Whether the character lies between U+0600 and U+08FF, the blocks between included."""
    return "\u0600" <= ch <= "\u08ff"
