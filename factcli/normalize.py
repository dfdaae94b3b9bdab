"""Text normalization shared by the claim index and the query side.

The index and every query pass text through `normalize`, so all the ways a
name turns up in Arabic and English news -- `S-400`, `s400`, `إس-400`,
`إس٤٠٠`, `«إس-400»`, with or without diacritics, tatweel, hamza seats,
invisible bidi marks or no-break spaces -- reduce to one canonical sequence of
tokens (`s 400` for the Latin spellings, `اس 400` for the Arabic ones).
Latin and Arabic script are never transliterated into each other: entity
aliases bridge the scripts elsewhere.

What is built on these tokens (stems, clitics, the analysis the index and the query
share) is `factcli.analyze`'s. `strip_controls` is for display, not matching.

Caller-visible decisions:

* A `.` or `,` with an ASCII digit on both sides stays inside the number
  token, unchanged: `8.6` -> `8.6`, `1,5` -> `1,5`, and so `1,000` is not
  `1000`. The Arabic decimal separator `٫` between digits becomes `.`, the
  Arabic thousands separator `٬` between digits is dropped (`١٬٠٠٠` ->
  `1000`). Anywhere else these characters separate tokens.
* Every decimal digit (Arabic-Indic, Persian, fullwidth, ...) becomes ASCII.
* The standalone hamza `ء` is kept as a letter; only its seats (أ إ آ ؤ ئ)
  are folded. See `_FOLD_LETTERS`. Where the press puts one hamza on
  different seats, one spelling is chosen first: `مسئول`/`مسؤول`,
  `شئون`/`شؤون`, `رءوس`/`رؤوس`, `هيأة`/`هيئة` each normalize alike. See
  `_unify_hamza_seats`.
* Latin diacritics are folded (`Erdoğan` -> `erdogan`) because every
  combining mark is dropped; text is casefolded (`Straße` -> `strasse`).
* Tokens split where digits meet letters (`s400` -> `s 400`) and where Arabic
  letters meet letters of another script (`بـCNN` -> `ب cnn`), so an Arabic
  proclitic glued to a Latin name does not hide the name.
* Apostrophes, including the modifier letters used for hamza and ayn in
  transliteration (ʼ ʻ ʾ ʿ), separate tokens: `Qurʾan` and `Qur'an` both give
  `qur an`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from factcli.text import is_arabic_script

__all__ = [
    "normalize",
    "strip_controls",
    "tokenize",
]

# Letter variants that news writers use interchangeably. The hamza seats
# أ إ آ ؤ ئ (and ۀ) are not listed: NFKD splits them into a base letter plus a
# combining hamza/madda, which is dropped with the other combining marks.
#
# The standalone hamza ء is deliberately kept. Unlike the seats it is not a
# spelling variant of another letter, and dropping it would merge distinct
# words (جزء "part" / جز "shear", سماء "sky" / سما "rose").
_FOLD_LETTERS = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla
        "\u0672": "\u0627",  # alef with wavy hamza above: has no decomposition
        "\u0673": "\u0627",  # alef with wavy hamza below: has no decomposition
        "\u0649": "\u064a",  # alef maksura, often written for final yeh
        "\u06cc": "\u064a",  # Farsi yeh, which Persian keyboards type for yeh
        "\u0629": "\u0647",  # teh marbuta, often written (and typed) as heh
        "\u06c3": "\u0647",  # teh marbuta goal
        "\u06a9": "\u0643",  # keheh, the Persian keyboard's kaf
        "\u06aa": "\u0643",  # swash kaf
    }
)

# Characters that carry no spelling of their own: they decorate or stretch
# a letter, so removing them (rather than splitting there) keeps words whole.
_DROP_CHARS = frozenset(
    "\u0640"  # tatweel: pure stretching for justification (قـطـر)
    "\u0674"  # high hamza: NFKC leaves it after ٵ ٶ ٸ; it is a hamza seat mark
    "\u06e5\u06e6"  # small waw / small yeh: Quranic annotation, letter category
)
_DROP_CATEGORIES = frozenset({"Cf", "Mn", "Me"})

# Modifier letters that stand in for an apostrophe (or for hamza/ayn in
# transliteration). Being letters, they would otherwise glue words together
# where an ASCII apostrophe splits them.
_APOSTROPHE_LETTERS = frozenset("\u02b9\u02bb\u02bc\u02bd\u02be\u02bf")

# Only meaningful between two digits; elsewhere they fall through to being
# separators like any other punctuation.
_ARABIC_THOUSANDS_RE = re.compile("(?<=[0-9])\u066c(?=[0-9])")
_ARABIC_DECIMAL_RE = re.compile("(?<=[0-9])\u066b(?=[0-9])")
_NUMBER_PUNCT = ".,"

_SEP, _DIGIT, _ARABIC, _OTHER = range(4)


# Hamza above and below, as NFKD splits them off their seats (أ = ا + U+0654).
_HAMZA_MARKS = "\u0654\u0655"
# Writers put the same hamza on different seats: Egyptian and older usage
# writes مسئول, شئون, رءوس, هيأة where the Levantine and Gulf press writes
# مسؤول, شؤون, رؤوس, هيئة. Folding the seats alone (as for أ إ آ) leaves
# و against ي against ء, so two rules pick one spelling first:
# * a hamza on ي or standing alone before و is written on و (ئو, ءو -> ؤو),
#   which then folds to وو like مسؤول;
# * a hamza on ي between ي and ة/ه is written on alef (يئة -> يأة), which
#   folds to ا: هيئة and هيأة both become هياه, بيئة becomes بياه;
# * a word-final ء after ي or ى is the final ئ written apart (مبادىء,
#   الطوارىء, شيء against مبادئ, الطوارئ, شئ) and goes like the seat.
# A hamza on ي, on و, or alone; several in a row are all rewritten, so that
# the rule does not depend on which seat the neighbour was given.
_HAMZA_UNIT = "(?:[\u064a\u0649]\u0654|\u0648\u0654|\u0621[\u0654\u0655]*)"
_HAMZA_BEFORE_WAW_RE = re.compile(f"{_HAMZA_UNIT}(?=(?:{_HAMZA_UNIT})*\u0648)")
_HAMZA_AFTER_YEH_RE = re.compile("(?<=[\u064a\u0649])[\u064a\u0649]\u0654(?=[\u0629\u0647])")
_YEH_HAMZA = ("\u064a\u0621", "\u0649\u0621")


def _unify_hamza_seats(text: str) -> str:
    """Rewrite hamza-seat variants in NFKD text to one spelling, then drop the hamza marks."""
    if "\u0654" in text or "\u0621" in text:
        text = _HAMZA_BEFORE_WAW_RE.sub("\u0648", text)
        text = _HAMZA_AFTER_YEH_RE.sub("\u0627", text)
    if "\u0654" in text or "\u0655" in text:
        text = text.replace("\u0654", "").replace("\u0655", "")
    if _YEH_HAMZA[0] in text or _YEH_HAMZA[1] in text:
        # After the marks are gone, so that ئء (seat, then hamza) ends in يء too.
        text = _drop_final_hamza_after_yeh(text)
    return text


def _drop_final_hamza_after_yeh(text: str) -> str:
    kept = []
    for i, ch in enumerate(text):
        if (
            ch == "\u0621"
            and i
            and text[i - 1] in "\u064a\u0649"
            and not (i + 1 < len(text) and _continues_arabic_word(text[i + 1]))
        ):
            continue
        kept.append(ch)
    return "".join(kept)


def _continues_arabic_word(ch: str) -> bool:
    # Mirrors _char_kind on folded text: an Arabic letter (digits become ASCII
    # and split the word).
    category = unicodedata.category(ch)
    return is_arabic_script(ch) and not ch.isdecimal() and (category[0] in "LN" or category == "Mc")


def _is_ascii_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def _fold(text: str) -> str:
    """Casefold, strip marks and invisible characters, unify letters and digits."""
    # Casefold before decomposing: casefolding can itself emit combining marks
    # (İ -> i + dot above) that must go with the rest.
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    # The hamza marks are kept for one more step: which letter carries a
    # hamza is itself a spelling variant (see _unify_hamza_seats).
    kept = "".join(
        ch
        for ch in decomposed
        if ch in _HAMZA_MARKS or (ch not in _DROP_CHARS and unicodedata.category(ch) not in _DROP_CATEGORIES)
    )
    # Letters first (ی -> ي, ى -> ي), so the seat rules meet one yeh, not three.
    kept = _unify_hamza_seats(kept.translate(_FOLD_LETTERS))
    # Removing marks can leave two starters adjacent that compose (Hangul
    # jamo, some Indic vowel signs); recomposing now is what makes
    # normalize() idempotent.
    composed = unicodedata.normalize("NFC", kept).translate(_FOLD_LETTERS)
    digits = "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in composed
    )
    digits = _ARABIC_THOUSANDS_RE.sub("", digits)
    return _ARABIC_DECIMAL_RE.sub(".", digits)


def _char_kind(text: str, i: int) -> int:
    ch = text[i]
    if _is_ascii_digit(ch):
        return _DIGIT
    if ch in _NUMBER_PUNCT:
        if 0 < i < len(text) - 1 and _is_ascii_digit(text[i - 1]) and _is_ascii_digit(text[i + 1]):
            return _DIGIT
        return _SEP
    if ch in _APOSTROPHE_LETTERS:
        return _SEP
    category = unicodedata.category(ch)
    if category[0] in "LN" or category == "Mc":
        return _ARABIC if is_arabic_script(ch) else _OTHER
    return _SEP


def _split_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    start = 0
    current = _SEP
    for i in range(len(text)):
        kind = _char_kind(text, i)
        if kind != current:
            if current != _SEP:
                tokens.append(text[start:i])
            start = i
            current = kind
    if current != _SEP:
        tokens.append(text[start:])
    return tokens


def normalize(text: str) -> str:
    """Canonical form: tokens joined by single ASCII spaces, no leading/trailing space."""
    if type(text) is str and len(text) <= _REMEMBERED_LENGTH:
        return _normalized(text)
    return " ".join(_split_tokens(_fold(text)))


# A name, a label or a query word is normalized many times in one process (every write
# checks every entity's names; an index build and each query see the same names again),
# at some microseconds a time: short texts' forms are remembered. Bounded in number and
# length, so a run over a long store keeps a few megabytes at most.
_REMEMBERED_LENGTH = 120


@functools.lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    return " ".join(_split_tokens(_fold(text)))


def tokenize(text: str) -> list[str]:
    """The tokens of `normalize(text)`; empty text gives an empty list."""
    return _split_tokens(_fold(text))


def _is_control(ch: str) -> bool:
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F


def strip_controls(text: str) -> str:
    """For display: remove C0/C1 control chars (incl. ESC, NUL, DEL, CSI U+009B) except '\\n' and '\\t'; keep everything else."""
    # Stored claims come from outside; a stray ESC or CSI could drive the
    # user's terminal, so they never reach it.
    return "".join(ch for ch in text if ch in "\n\t" or not _is_control(ch))
