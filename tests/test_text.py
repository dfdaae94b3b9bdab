"""Which characters factcli treats as Arabic, per question: expected values are Unicode facts
(the block each code point belongs to), checked against the character's Unicode name."""

from __future__ import annotations

import unicodedata

import pytest

from factcli.normalize import normalize
from factcli.text import (
    ARABIC_BLOCK,
    ARABIC_SHOWN,
    all_in_arabic_block,
    in_arabic_block,
    in_arabic_span,
    is_arabic_word,
    is_arabic_word_char,
)

# code point, its Unicode name, then: in the block Arabic, an Arabic word character,
# within U+0600..U+08FF, laid out right to left on screen.
CASES = [
    ("\u0671", "ARABIC LETTER ALEF WASLA", True, True, True, True),
    ("\u0628", "ARABIC LETTER BEH", True, True, True, True),
    ("\u06f0", "EXTENDED ARABIC-INDIC DIGIT ZERO", True, True, True, True),
    ("\u0750", "ARABIC LETTER BEH WITH THREE DOTS HORIZONTALLY BELOW", False, True, True, True),
    ("\u08a0", "ARABIC LETTER BEH WITH SMALL V BELOW", False, True, True, False),
    ("\u0870", "ARABIC LETTER ALEF WITH ATTACHED FATHA", False, True, True, False),
    ("\u0710", "SYRIAC LETTER ALAPH", False, False, True, False),
    ("\ufefb", "ARABIC LIGATURE LAM WITH ALEF ISOLATED FORM", False, False, False, True),
    ("\ufdf2", "ARABIC LIGATURE ALLAH ISOLATED FORM", False, False, False, True),
    ("\u0020", "SPACE", False, False, False, False),
    ("A", "LATIN CAPITAL LETTER A", False, False, False, False),
    ("\u05d0", "HEBREW LETTER ALEF", False, False, False, False),
]


@pytest.mark.parametrize(("ch", "name", "block", "word", "span", "shown"), CASES)
def test_each_question_about_a_character(ch, name, block, word, span, shown):
    assert unicodedata.name(ch) == name
    assert in_arabic_block(ch) is block
    assert bool(ARABIC_BLOCK.search(ch)) is block
    assert is_arabic_word_char(ch) is word
    assert in_arabic_span(ch) is span
    assert bool(ARABIC_SHOWN.search(ch)) is shown


def test_a_word_is_arabic_only_when_every_character_is():
    assert is_arabic_word("قطر")
    assert not is_arabic_word("قطرs")
    assert all_in_arabic_block("الدوحة")
    assert not all_in_arabic_block("ٱلدوحة\u0750")


def test_presentation_forms_become_word_characters_once_normalized():
    # NFKC maps the lam-alef ligature back to lam + alef, which normalize keeps as one word.
    folded = normalize("\ufefb")
    assert folded and is_arabic_word(folded)


def test_the_proclitics_are_wa_fa_bi_li_ka():
    from factcli.text import PROCLITICS

    names = {unicodedata.name(p) for p in PROCLITICS}
    assert names == {"ARABIC LETTER WAW", "ARABIC LETTER FEH", "ARABIC LETTER BEH", "ARABIC LETTER LAM", "ARABIC LETTER KAF"}
    assert len(PROCLITICS) == 5
