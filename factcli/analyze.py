"""Text analysis shared by the search index and the query: tokens, then stems.

Whatever is indexed and whatever a user types go through the same two steps,
so that the two sides meet:

* `tokens(text)` -- the surface words, in order: `normalize.tokenize` (which
  already folds Arabic letter variants, hamza seats, digits, case and
  diacritics), plus English possessives dropped (`Tamim's` -> `tamim`) and
  Cyrillic, Greek and Latin letters that have no plain-ASCII decomposition
  (`ı`, `ø`, `ł`, `Ш`, `Σ`) transliterated to ASCII, so `Шойгу` -> `shoygu`
  and `С-400` -> `s 400` (the Cyrillic Es) like `S-400`.
* `stems(tokens)` -- one stem per token, same length and order: Snowball
  English after British spellings are folded to American ones (`defence`,
  `defense` -> `defens`), a light Arabic stemmer (`الروسية`, `وروسيا`, `روسيا`
  -> `روس`), and everything else (numbers, mixed tokens, other scripts)
  unchanged.

`ANALYZER_VERSION` changes whenever either function may give a different
answer for some input: an index built with another version is stale.

Why the Arabic stemmer is our own and not Snowball's: on the 872 distinct
Arabic words of the corpus quotes, every pair that any candidate stemmer put
together was judged by reading it (462 pairs that should meet, 34 that
should not). Snowball Arabic (PyStemmer) joined 188 right and 4 wrong pairs
and missed 274; given back the teh marbuta that normalization folds into
heh, 261 right, 6 wrong, 201 missed. This stemmer joins 433 right, 12 wrong
and misses 29. Snowball cuts single-letter proclitics with no lower bound
(`وزير` -> `زير` but `الوزير` -> `وزير`), keeps `روسيا` and `الروسية` apart,
and on normalized text no longer sees the feminine ending.
"""

from __future__ import annotations

import re
from typing import Any

from factcli.normalize import tokenize

__all__ = ["ANALYZER_VERSION", "stems", "tokens"]

ANALYZER_VERSION = 1

# --- tokens ----------------------------------------------------------------

# `'s` after a letter or digit, followed by no further letter: the English
# possessive (or `it's`), with any apostrophe people type or paste.
_POSSESSIVE_RE = re.compile(r"(?<=[^\W_])['\u2019\u2018\u02bc\uff07][sS](?![^\W_])")

# Latin letters without a decomposition (ı ø ł đ æ œ þ ħ ...), IPA, Greek and
# Cyrillic. Arabic is never transliterated: aliases bridge Arabic and Latin,
# and an Arabic word spelled in Latin letters would collide with English.
_TRANSLITERATE_RE = re.compile(
    "[\u00c0-\u052f\u1c80-\u1c8f\u1d00-\u1dbf\u1e00-\u1fff"
    "\u2c60-\u2c7f\u2de0-\u2dff\ua640-\ua69f\ua720-\ua7ff\uab30-\uab6f]+"
)


def _transliterate(match: re.Match[str]) -> str:
    # Imported here: most text is ASCII or Arabic, and start-up time matters.
    from anyascii import anyascii

    return anyascii(match.group())


def tokens(text: str) -> list[str]:
    """Normalized surface tokens of `text`, in order (see the module docstring)."""
    out: list[str] = []
    for token in tokenize(_POSSESSIVE_RE.sub("", text)):
        if token.isascii() or not _TRANSLITERATE_RE.search(token):
            out.append(token)
        else:
            # The library's output may hold capitals or an apostrophe (ь ->
            # '), so it is tokenized again like any other text.
            out.extend(tokenize(_TRANSLITERATE_RE.sub(_transliterate, token)))
    return out


# --- English ---------------------------------------------------------------

# British spellings folded to American before stemming. Each rule keys on a
# spelling pattern, with the inflections that keep the pattern visible; the
# guards keep out words that end the same way in both spellings.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        # colour, honourable, favourite, behaviours (not hour, four, your, tour)
        (r"^([a-z]{2,})our(s|ed|ing|er|ers|ite|ites|able|ably|ful|less|ism|ist|ists)?$", r"\1or\2"),
        # analyse, paralysed, catalysing
        (r"^([a-z]{2,}l)ys(e|es|ed|ing|er|ers)$", r"\1yz\2"),
        # defence, offence, defenceless (not fence itself)
        (r"^([a-z]{2,})fenc(e|es|eless)$", r"\1fens\2"),
        # centre, metres, fibre, calibre, meagre (not acre, ogre, genre)
        (r"^([a-z]{2,}[btg])re(s)?$", r"\1er\2"),
        (r"^([a-z]{3,}[btg])red$", r"\1ered"),
        # manoeuvre (then the -re rule), oeuvre
        (r"oeuv", "euv"),
        (r"^([a-z]{2,}eu)vre(s)?$", r"\1ver\2"),
        # programme, kilogrammes
        (r"gramme(s)?$", r"gram\1"),
        # catalogue, dialogues, analogue, demagogue
        (r"^([a-z]{2,}(?:log|gog))ue(s)?$", r"\1\2"),
        # judgement, acknowledgements
        (r"dgement(s)?$", r"dgment\1"),
        # fuelled, dialling, duellers: the second l after two vowels
        (r"(?<=[aeiou][ae])ll(?=ed$|ing$|er$|ers$)", "l"),
        # counsellor, councillors
        (r"(?<=[aeiou])llor(s)?$", r"lor\1"),
        # skilful, wilfully
        (r"^([a-z]*[^aeiou]i)lful(ly|ness)?$", r"\1llful\2"),
    )
)

# Words whose British spelling follows no pattern shared with other words.
_SPELLING_WORDS = {
    "licence": "license",
    "licences": "licenses",
    "licenced": "licensed",
    "pretence": "pretense",
    "practise": "practice",
    "practised": "practiced",
    "practising": "practicing",
    "practises": "practices",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "cheque": "check",
    "cheques": "checks",
    "plough": "plow",
    "draught": "draft",
    "storey": "story",
    "storeys": "stories",
    "aluminium": "aluminum",
    "sulphur": "sulfur",
    "mould": "mold",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "scepticism": "skepticism",
    "jewellery": "jewelry",
    "woollen": "woolen",
    "aeroplane": "airplane",
    "aeroplanes": "airplanes",
    "focussed": "focused",
    "focussing": "focusing",
    "biassed": "biased",
}


# -ise -> -ize (organise, recognised, privatisation), except where -ise is
# the only spelling. What stands before -ise tells them apart: a vowel
# (raise, noise, cruise), w v p h (otherwise, advise, despise, franchise),
# pr rt st nd ad rom em rm (surprise, advertise, chastise, merchandise,
# paradise, promise, premise, surmise), and c except in -icise/-acise
# (exercise, precise vs criticise, ostracise).
_ISE_RE = re.compile(r"([a-z]{3,})is(e|es|ed|ing|er|ers|ation|ations|able)")
_ISE_ONLY_RE = re.compile(r"(?:[aeiouwvph]|pr|rt|st|nd|ad|rom|em|rm|[^ia]c)$")


def american_spelling(word: str) -> str:
    """`word` (lower-case ASCII) with British spellings folded to American."""
    if word in _SPELLING_WORDS:
        return _SPELLING_WORDS[word]
    match = _ISE_RE.fullmatch(word)
    if match and not _ISE_ONLY_RE.search(match[1]):
        word = f"{match[1]}iz{match[2]}"
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


# --- Arabic ----------------------------------------------------------------

# Works on normalized tokens: ة is already ه, ى is ي, hamza seats are folded.
# Every cut must leave at least three letters, the common length of an
# Arabic root, so function words and short nouns stay whole.
_MIN_STEM = 3
# The definite article and the proclitics that can stand before it.
_ARTICLES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
# Single-letter proclitics (and, so, with, for, like), cut only from a word
# without the article. They also begin many words (وزير, بوتين, لبنان), which
# is why the stem keeps at least three letters.
_PROCLITICS = "وفبلك"
# Suffixes tried in this order, each at most once: pronouns (their, our,
# her), dual and plural endings, the nisba and feminine endings, and the
# verbs' feminine -t (قالت, وقعت).
_SUFFIXES = ("هما", "هم", "كم", "نا", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "ت")
# The dual -an also ends many names (لبنان, ايران, طهران); on a word without
# the article it is cut only where four letters remain, not counting a
# leading proclitic. With the article it is most often the dual (البلدان).
_LONG_SUFFIXES = {"ان": 4}
# Country names in -iya (روسيا, تركيا, سوريا) share a stem with their
# adjectives (الروسية -> روس); after an alef it is a broken plural (قضايا).
_COUNTRY_SUFFIX = "يا"
_ALEF = "\u0627"
# The broken plural fawa'il (صواريخ, قوانين, طوابير) against its singular
# fa'ul (صاروخ, قانون, طابور): C1 وا C2 ي C3 -> C1 ا C2 و C3.
_FAWAIL_RE = re.compile("^(.)\u0648\u0627(.)\u064a(.)$")


def _arabic_stem(token: str) -> str:
    word = token
    had_article = False
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= _MIN_STEM:
            word = word[len(article) :]
            had_article = True
            break
    proclitic = 0 if had_article or word[0] not in _PROCLITICS else 1
    if word.endswith(_COUNTRY_SUFFIX):
        if len(word) - 2 >= _MIN_STEM and word[-3] != _ALEF:
            word = word[:-2]
    elif word.endswith(_ALEF) and not word.endswith(("ها", "نا")):
        # The accusative ending of an indefinite noun: اتفاقا, عقودا.
        if len(word) - 1 >= _MIN_STEM:
            word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            least = _MIN_STEM if had_article else _LONG_SUFFIXES.get(suffix, _MIN_STEM)
            if len(word) - len(suffix) - (proclitic if suffix in _LONG_SUFFIXES else 0) >= least:
                word = word[: -len(suffix)]
    if proclitic and len(word) - 1 >= _MIN_STEM and word[0] in _PROCLITICS:
        word = word[1:]
    return _FAWAIL_RE.sub("\\1\u0627\\2\u0648\\3", word)


# --- stems -----------------------------------------------------------------

_ASCII_WORD_RE = re.compile(r"[a-z]+")
_english: Any = None
_cache: dict[str, str] = {}
_CACHE_LIMIT = 200_000


def _is_arabic_word(token: str) -> bool:
    return all(
        "\u0621" <= ch <= "\u064a" or "\u066e" <= ch <= "\u06d3" or "\u06fa" <= ch <= "\u06ff" for ch in token
    )


def _stem(token: str) -> str:
    global _english
    if _ASCII_WORD_RE.fullmatch(token):
        if _english is None:
            # PyStemmer is a C extension: loaded on the first English word,
            # so commands that never stem pay nothing for it.
            import Stemmer

            _english = Stemmer.Stemmer("english")
        return _english.stemWord(american_spelling(token))
    if token and _is_arabic_word(token):
        return _arabic_stem(token)
    return token


def stems(tokens: list[str]) -> list[str]:
    """One stem for each token of `tokens()` output, same length and order."""
    out: list[str] = []
    for token in tokens:
        stem = _cache.get(token)
        if stem is None:
            stem = _stem(token)
            if len(_cache) < _CACHE_LIMIT:
                _cache[token] = stem
        out.append(stem)
    return out
