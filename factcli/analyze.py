"""Text analysis shared by the search index and the query: tokens, then stems.

Whatever is indexed and whatever a user types go through the same two steps,
so that the two sides meet:

* `tokens(text)` -- the surface words, in order: `normalize.tokenize` (which
  already folds Arabic letter variants, hamza seats, digits, case and
  diacritics), plus English possessives dropped (`Tamim's` -> `tamim`) and
  Cyrillic, Greek and Latin letters that have no plain-ASCII decomposition
  (`ı`, `ø`, `ł`, `Ш`, `Σ`) transliterated to ASCII, so `Шойгу` -> `shoigu`
  (й loses its breve like any diacritic) and `С-400` -> `s 400` (the
  Cyrillic Es) like `S-400`.
* `stems(tokens)` -- one stem per token, same length and order: Snowball
  English after British spellings are folded to American ones (`defence`,
  `defense` -> `defens`), a light Arabic stemmer (`الروسية`, `وروسيا`, `روسيا`
  -> `روس`; `صواريخ`, `صاروخ` -> `صاروخ`), and everything else (numbers,
  mixed tokens, other scripts) unchanged.

`ANALYZER_VERSION` changes whenever either function may give a different
answer for some input: an index built with another version is stale.

Why the Arabic stemmer is our own and not Snowball's: on the 872 distinct
Arabic words of the corpus quotes, every pair that some candidate stemmer put
together was judged by reading it (tests/data/arabic_stem_pairs.tsv: 462
pairs that should meet, 34 that should not). Snowball Arabic (PyStemmer)
joins 188 right and 4 wrong pairs and misses 274; given back the teh marbuta
that normalization writes as heh, 261 right, 6 wrong, 201 missed. This
stemmer joins 438 right and 12 wrong, and misses 24. Snowball keeps `روسيا`
apart from `الروسية`, cuts `وزير` to `زير` but `الوزير` to `وزير`, and on
normalized text no longer sees the feminine ending.
"""

from __future__ import annotations

import re

from factcli.normalize import tokenize
from factcli.text import PROCLITICS, in_arabic_to_extended_a, is_arabic_script

__all__ = ["ANALYZER_VERSION", "stems", "tokens"]

ANALYZER_VERSION = 4

# --- tokens ----------------------------------------------------------------

# `'s` after a letter or digit, followed by no further letter: the English
# possessive (or `it's`), with any apostrophe people type or paste.
_POSSESSIVE_RE = re.compile(r"(?<=[^\W_])['\u2019\u2018\u02bc\uff07][sS](?![^\W_])")

# Latin letters without a decomposition (ı ø ł đ æ œ þ ħ ...), IPA, Greek and
# Cyrillic, as code point ranges (a regex class of them costs ~9 ms to compile
# at every start). Arabic is never transliterated: aliases bridge Arabic and
# Latin, and an Arabic word spelled in Latin letters would collide with English.
_TRANSLITERATED = (
    (0x00C0, 0x052F),
    (0x1C80, 0x1C8F),
    (0x1D00, 0x1DBF),
    (0x1E00, 0x1FFF),
    (0x2C60, 0x2C7F),
    (0x2DE0, 0x2DFF),
    (0xA640, 0xA69F),
    (0xA720, 0xA7FF),
    (0xAB30, 0xAB6F),
)


def _transliterated(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _TRANSLITERATED)


def _to_ascii(token: str) -> str:
    # Imported here: most text is ASCII or Arabic, and start-up time matters.
    from anyascii import anyascii

    return "".join(anyascii(ch) if _transliterated(ch) else ch for ch in token)


def tokens(text: str) -> list[str]:
    """Normalized surface tokens of `text`, in order (see the module docstring)."""
    out: list[str] = []
    for token in tokenize(_POSSESSIVE_RE.sub("", text)):
        # normalize never puts Arabic letters and other letters in one token.
        if token.isascii() or in_arabic_to_extended_a(token[0]) or not any(map(_transliterated, token)):
            out.append(token)
        else:
            # The library's output may hold capitals or an apostrophe (ь ->
            # '), so it is tokenized again like any other text.
            out.extend(tokenize(_to_ascii(token)))
    return out


# --- English ---------------------------------------------------------------

# British spellings folded to American before stemming. Each rule keys on a
# spelling pattern, with the inflections and derivations that keep the
# pattern visible; the guards keep out words that end the same way in both
# spellings. Checked against Debian's british-english and american-english
# word lists: of the 1,532 words only the British list has, 1,376 fold to a
# word of the American list and 29 more reach the stem of one; the only
# words of both lists that folding puts together wrongly are timbre and
# timber. Not folded: the Greek ae/oe of medicine (anaemia, oesophagus),
# compounds with the British form inside (centrepiece), and single words
# with no pattern (gaol, waggon, connexion, cypher).
_SPELLING_PATTERNS: tuple[tuple[str, str], ...] = (
    # colour, honourable, favourite, neighbourhood, behavioural, savoury; the
    # part before -our must hold a vowel (not hour, four, your, tour, scour).
    (
        r"^([a-z]*[aeiou][a-z]*)our"
        r"(s|ed|ing|ings|er|ers|ier|iest|y|ies|ite|ites|itism|able|ably|al|ally|ation|ations"
        r"|ful|fully|less|lessness|ism|ist|ists|hood|hoods|ly|liness)?$",
        r"\1or\2",
    ),
    # analyse, paralysed, catalysing
    (r"^([a-z]{2,}l)ys(e|es|ed|ing|er|ers)$", r"\1yz\2"),
    # defence, offences, defenceless, defencing (not fence itself)
    (r"^([a-z]{2,})fenc(e|es|ed|ing|eless)$", r"\1fens\2"),
    # licence, sublicences; practise, practising; pretence
    (r"licenc(e|es|ed|ing)$", r"licens\1"),
    (r"^practis(e|es|ed|ing)$", r"practic\1"),
    (r"^pretenc(e|es)$", r"pretens\1"),
    # centre, metres, fibre, calibre, meagre, sepulchre (not acre, ogre, genre)
    (r"^([a-z]{2,}(?:[btg]|ch))re(s)?$", r"\1er\2"),
    (r"^([a-z]{3,}t)red$", r"\1ered"),
    # manoeuvre, manoeuvring, manoeuvrable, oeuvre
    (r"oeuv", "euv"),
    (r"euvre(s)?$", r"euver\1"),
    (r"euvr(ed|ing|able|ability)$", r"euver\1"),
    # programme, kilogrammes
    (r"gramme(s)?$", r"gram\1"),
    # catalogue, dialogues, analogue, demagogue
    (r"^([a-z]{2,}(?:log|gog))ue(s)?$", r"\1\2"),
    # judgement, acknowledgements
    (r"dgement(s)?$", r"dgment\1"),
    # fuelled, dialling, duellers: the second l after two vowels
    (r"(?<=[aeiou][ae])ll(?=ed$|ing$|ings$|er$|ers$)", "l"),
    # counsellor, councillors (not chancellor, pallor); medallist, panellists
    # (not cellist)
    (r"(se|ci)llor(s)?$", r"\1lor\2"),
    (r"^([a-z]*[aeiou][^aeiou][ae])llist(s)?$", r"\1list\2"),
    # skilful, wilfully
    (r"^([a-z]*[^aeiou]i)lful(ly|ness)?$", r"\1llful\2"),
    # Stems spelled apart wherever they stand: draughtsman, snowplough,
    # moulding, smoulder, moulted, chequebook (not exchequer), sulphate,
    # sceptically (not sceptre), aeroplane, jewellery, woollens, focussed.
    (r"draught", "draft"),
    (r"plough", "plow"),
    (r"mould", "mold"),
    (r"moult", "molt"),
    (r"^cheque", "check"),
    (r"sulph", "sulf"),
    (r"^scept(?!re)", "skept"),
    (r"^aero(plane|foil)", r"air\1"),
    (r"jewellery", "jewelry"),
    (r"woollen", "woolen"),
    (r"^(focu|bia)ss(ed|es|ing)$", r"\1s\2"),
    (r"^kerb", "curb"),
    (r"^grey(s|er|est|ish|ness|ed|ing)?$", r"gray\1"),
    (r"^tyre(s|d)?$", r"tire\1"),
    (r"^storey(s)?$", r"story\1"),
    (r"^pyjama", "pajama"),
    (r"^rouble(s)?$", r"ruble\1"),
    (r"^aluminium", "aluminum"),
    (r"^cos(y|ier|iest|ily|iness)$", r"coz\1"),
)
# (letters every match holds, pattern, replacement), made on the first English word; a
# pattern is compiled the first time a word holds its letters. Most words hold none of
# them: a query such as "S-400" then compiles no pattern at all.
_spelling_rules: list[tuple[str, str, str]] = []

# -ise -> -ize (organise, recognised, privatisation, organisational), except
# where -ise is the only spelling. What stands before -ise tells them apart:
# a vowel not after q (raise, noise, cruise, disguise), w (otherwise), v not
# after i (advise, revise, supervise), p (despise), and the endings nch pr
# ert st ct chand ad rom rem rm, and dem alone (franchise, surprise,
# advertise, expertise, chastise, practise, merchandise, paradise, promise,
# premise, surmise, demise), and c except in -icise/-acise (exercise, precise
# vs criticise). Plurals of -is nouns (metropolises) are taken for verbs.
_ISE = r"([a-z]{3,})is(e|es|ed|ing|ingly|er|ers|ation|ations|ational|ationally|able|ably|ance|ant)"
_ISE_ONLY = r"(?:(?<!q)[aeiou]|w|(?<!i)v|p|nch|pr|ert|st|ct|chand|ad|rom|rem|rm|^dem|[^ia]c)$"


def required_letters(pattern: str) -> str:
    """The longest run of letters that every match of `pattern` holds: letters outside any
    group, class or escape, under no quantifier. "" when the pattern has no such run (or
    alternatives at its top level), so that the rule is always tried."""
    runs, run, depth, i = [""], "", 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1  # an escape (\1, \w, \.) is no letter of its own
        elif ch == "[":
            i = pattern.index("]", i + 2)  # a class; "[]" never appears in these rules
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return ""
        if (
            depth == 0
            and ch.isalpha()
            and ch.isascii()
            and pattern[i + 1 : i + 2] not in ("?", "*", "+", "{")
        ):
            run += ch
        else:
            runs.append(run)
            run = ""
        i += 1
    return max([*runs, run], key=len)


def _american_spelling(word: str) -> str:
    """`word` (lower-case ASCII) with British spellings folded to American."""
    if not _spelling_rules:
        _spelling_rules.extend((required_letters(p), p, r) for p, r in _SPELLING_PATTERNS)
    # The re module caches compiled patterns: each is compiled once, where a word needs it.
    match = re.fullmatch(_ISE, word) if "is" in word else None
    if match and not re.search(_ISE_ONLY, match[1]):
        word = f"{match[1]}iz{match[2]}"
    for letters, pattern, replacement in _spelling_rules:
        if letters in word:
            word = re.sub(pattern, replacement, word)
    return word


# --- Arabic ----------------------------------------------------------------

# Works on normalized tokens: ة is already ه, ى is ي, hamza seats are folded.
# Every cut must leave at least three letters, the common length of an
# Arabic root, so function words and short nouns stay whole.
_MIN_STEM = 3
# The definite article and the proclitics that can stand before it.
_ARTICLES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
# Single-letter proclitics (and, so, with, for, like). They also begin many
# words (وزير, بوتين, لبنان), and without a dictionary the two cannot be told
# apart; the letter is cut with or without the article, so that whatever the
# stem is, وزير, الوزير and للوزير share it.
_PROCLITICS = PROCLITICS
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
    """The stem of one normalized Arabic word: article, suffixes, proclitics, in that order."""
    word = token
    had_article = False
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= _MIN_STEM:
            word = word[len(article) :]
            had_article = True
            break
    proclitic = 1 if word[0] in _PROCLITICS else 0
    if word.endswith(_COUNTRY_SUFFIX):
        if len(word) - 2 >= _MIN_STEM and word[-3] != _ALEF:
            word = word[:-2]
    elif word.endswith(_ALEF) and not word.endswith(("ها", "نا")):
        # The accusative ending of an indefinite noun: اتفاقا, عقودا.
        if len(word) - 1 >= _MIN_STEM:
            word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            left = len(word) - len(suffix)
            if suffix in _LONG_SUFFIXES and not had_article:
                least = _LONG_SUFFIXES[suffix]
                left -= proclitic
            else:
                least = _MIN_STEM
            if left >= least:
                word = word[: -len(suffix)]
    # As many as stand there (ولروسيا, لوزير), so that a word and the same
    # word behind a proclitic always meet.
    while len(word) - 1 >= _MIN_STEM and word[0] in _PROCLITICS:
        word = word[1:]
    return _FAWAIL_RE.sub("\\1\u0627\\2\u0648\\3", word)


# --- stems -----------------------------------------------------------------

_ASCII_WORD_RE = re.compile(r"[a-z]+")
_english = None  # the Snowball English stemmer, made on first use
_cache: dict[str, str] = {}
_CACHE_LIMIT = 200_000


def _is_arabic_word(token: str) -> bool:
    # The Arabic blocks normalize splits words by; a token holds only letters.
    return all(map(is_arabic_script, token))


def _stem(token: str) -> str:
    global _english
    if _ASCII_WORD_RE.fullmatch(token):
        if len(token) <= 2:  # Snowball English leaves a word of two letters or less as it is
            return token
        if _english is None:
            # PyStemmer is a C extension: loaded on the first English word,
            # so commands that never stem pay nothing for it.
            import Stemmer

            _english = Stemmer.Stemmer("english")
        return _english.stemWord(_american_spelling(token))
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
