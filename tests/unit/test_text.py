"""The Arabic-script predicates of factcli.text, checked against Unicode's block chart."""

import unicodedata

import pytest

from factcli.errors import did_you_mean
from factcli.text import in_arabic_block, in_arabic_to_extended_a, is_arabic_script, shows_arabic

# Block boundaries from Unicode's Blocks.txt: Arabic 0600..06FF, Syriac 0700..074F,
# Arabic Supplement 0750..077F, Thaana 0780..07BF, Arabic Extended-B 0870..089F,
# Arabic Extended-A 08A0..08FF, Arabic Presentation Forms-A FB50..FDFF and -B FE70..FEFF.


@pytest.mark.parametrize(
    "ch", ["\u0627", "\u0621", "\u0660", "\u06cc", "\u0750", "\u077f", "\u0870", "\u08a0", "\u08ff"]
)
def test_arabic_script_takes_the_arabic_block_and_its_supplements(ch):
    assert is_arabic_script(ch)


@pytest.mark.parametrize(
    "ch", ["\u0710", "\u0780", "\u07c0", "\u0800", "\ufe8d", "\ufb50", "a", "\u05d0", "\u05ff"]
)
def test_arabic_script_leaves_out_neighbouring_scripts_and_presentation_forms(ch):
    # Syriac olaf, Thaana haa, NKo digit zero, Samaritan alaf; the isolated alef
    # presentation form (NFKC gives U+0627); Latin a; Hebrew alef.
    assert not is_arabic_script(ch)


def test_arabic_block_is_the_block_proper():
    assert in_arabic_block("\u0600") and in_arabic_block("\u06ff")
    assert not in_arabic_block("\u0750")  # Arabic Supplement: beh with three dots below
    assert not in_arabic_block("\u05ff")


def test_the_wide_range_runs_from_the_arabic_block_to_extended_a():
    assert in_arabic_to_extended_a("\u0710")  # Syriac lies between
    assert in_arabic_to_extended_a("\u08ff")
    assert not in_arabic_to_extended_a("\u0900")  # Devanagari
    assert not in_arabic_to_extended_a("\ufe8d")


def test_presentation_forms_show_as_arabic():
    isolated_alef = "\ufe8d"
    assert unicodedata.name(isolated_alef) == "ARABIC LETTER ALEF ISOLATED FORM"
    assert shows_arabic(f"see {isolated_alef}")
    assert shows_arabic("\ufdf2")  # the Allah ligature, Presentation Forms-A
    assert shows_arabic("قطر")
    assert not shows_arabic("Qatar 2024")
    assert not shows_arabic("\u08a0")  # Extended-A is not what bidi isolation keys on


def test_did_you_mean_quotes_names_but_not_ids():
    assert did_you_mean(["Qatar", "Doha"]) == "; did you mean 'Qatar' or 'Doha'?"
    assert did_you_mean(["c0012"], quote=False) == "; did you mean c0012?"
    assert did_you_mean([]) == ""
