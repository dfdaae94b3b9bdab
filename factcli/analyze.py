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

`ANALYZER_VERSION` changes whenever either function, or `name_forms` (on which
the index links claims to names), may give a different answer for some input:
an index built with another version is stale.

Around those two, what the index build, the query and drafting share about Arabic words:

* the clitics, each list written once here: `PROCLITICS` (و ف ب ل ك), with
  `CONJUNCTIONS` and `PREPOSITIONS` they are made of, `ARTICLE` (ال) and its
  forms after a proclitic, and the regex fragments drafting's cue patterns
  are built from (`CONJUNCTION_RE`, `PREPOSITION_RE`, `CLITICS_RE`);
* `clitic_cuts(word)` -- how many leading letters of a word may be
  proclitics -- and `name_forms(token)`, a word with them cut off
  (للدوحة -> الدوحة), which is how a claim's or a query's word meets a name;
* `glued_forms(token)`, a bare word with each proclitic glued on, how a
  name may write a word a user types bare;
* `nisba_forms(name)`, the adjectives of a country's Arabic name
  (روسيا -> الروسي، الروسية); `word_forms(name)`, every word a one-word name is
  also written as (those adjectives, Latin plurals and demonyms: Syria -> Syrian),
  and `name_bases(token)`, the way back, how a word meets a name without the
  generic stemmer;
* `Analyzer`, `tokens` and `stems` memoized per word, and `analyzer()`, the
  one instance the index build and the query share.

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

import functools
import re

from factcli.normalize import normalize, tokenize
from factcli.text import in_arabic_block, in_arabic_to_extended_a, is_arabic_script

__all__ = [
    "ANALYZER_VERSION",
    "ARTICLE",
    "CLITICS_RE",
    "ENDINGS_RE",
    "CONJUNCTIONS",
    "CONJUNCTION_RE",
    "MIN_STEM",
    "PREPOSITIONS",
    "PREPOSITION_RE",
    "PROCLITICS",
    "Analyzer",
    "analyzer",
    "clitic_cuts",
    "CueWord",
    "cue_word_regex",
    "glued_forms",
    "is_stopword",
    "name_forms",
    "name_bases",
    "nisba_forms",
    "word_forms",
    "stems",
    "strip_clitic",
    "tokens",
    "vowels_folded",
]

ANALYZER_VERSION = 6

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


# --- Arabic clitics ----------------------------------------------------------

# Every list of Arabic clitics and endings in factcli is written in this module, once.
# Words are normalized first: ة is already ه, ى is ي, hamza seats are folded.

# Single-letter proclitics: the conjunctions و (and) and ف (so), the prepositions ب (with,
# by), ل (for, to) and ك (like). A conjunction may stand before a preposition (وبالدوحة).
CONJUNCTIONS = ("\u0648", "\u0641")
PREPOSITIONS = ("\u0628", "\u0644", "\u0643")
PROCLITICS = (*CONJUNCTIONS, *PREPOSITIONS)
_DOUBLE_PROCLITICS = tuple(c + p for c in CONJUNCTIONS for p in PREPOSITIONS)
# The definite article; after ل it loses its alef in writing: ل + الدوحة is للدوحة.
ARTICLE = "\u0627\u0644"
_LAM = "\u0644"
_LAM_ARTICLE = _LAM + ARTICLE[1:]
# Every cut must leave at least three letters, the common length of an Arabic root, so
# function words and short nouns stay whole.
MIN_STEM = 3


def _alternatives(prefixes: tuple[str, ...]) -> str:
    return "(?:" + "|".join(prefixes) + ")"


# Regex fragments of the same clitics, for patterns matched against one normalized word:
# an optional conjunction, an optional preposition, and what may stand before a noun (a
# conjunction, then a preposition, the article, or both).
CONJUNCTION_RE = _alternatives(CONJUNCTIONS) + "?"
PREPOSITION_RE = _alternatives(PREPOSITIONS) + "?"
CLITICS_RE = f"{CONJUNCTION_RE}(?:{PREPOSITION_RE}{ARTICLE}|{_LAM_ARTICLE}|{_alternatives(PREPOSITIONS)})?"


# What may follow a stem inside one normalized word: a noun's or a verb's inflection (the
# feminine ه from ة, ات, ان, ين, ون, the verb's ت, ا, وا, تم, نا) and then an attached
# pronoun (ه, ها, هم, هما, كم, نا, ي), each optional. A cue stem matches a whole word only
# through these: زار* meets زارت and زاره but not the ر-stem of a longer word, and نفي*
# does not meet تنفيذ (a ذ is no ending).
_INFLECTIONS = (
    "يات",
    "يين",
    "يون",
    "يه",
    "ات",
    "ان",
    "ين",
    "ون",
    "تما",
    "تم",
    "تا",
    "وا",
    "ت",
    "ا",
    "ي",
    "و",
    "ه",
    "ء",
)
_PRONOUNS = ("هما", "هم", "ها", "هن", "كم", "نا", "ه", "ي", "ك", "ن")
ENDINGS_RE = f"{_alternatives(_INFLECTIONS)}?{_alternatives(_PRONOUNS)}?"


class CueWord:
    """One normalized word of a cue, as a regex (`cue_word_regex`) asked `match(word)`.

    The regex is compiled the first time it is asked of a word that holds its stem, which
    every word it matches does: drafting holds hundreds of cue words, most of which an
    article never comes near, and compiling them all cost every process that drafts (or
    lists its commands) a tenth of a second or more before its first word."""

    __slots__ = ("stem", "source", "_compiled")

    def __init__(self, stem: str, source: str) -> None:
        self.stem = stem
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def match(self, word: str) -> re.Match[str] | None:
        if self.stem not in word:
            return None
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.source)
        return compiled.match(word)

    def __repr__(self) -> str:
        return f"CueWord({self.source!r})"


def cue_word_regex(stem: str, prefix_re: str, *, inflected: bool) -> CueWord:
    """A matcher for one normalized word that is `stem` after a proclitic `prefix_re`
    allows and, when `inflected`, before an ending `ENDINGS_RE` allows: whole words only.

    A three-letter stem after a proclitic does not take a bare ه (a ة folded): the word
    reads better as one noun (وزارة, "ministry") than as و + زار + ة, which no verb writes."""
    body = re.escape(stem)
    if not inflected:
        return CueWord(stem, f"^{prefix_re}{body}$")
    if len(stem) == MIN_STEM:
        return CueWord(stem, f"^(?:{body}{ENDINGS_RE}|{prefix_re}{body}(?!ه$){ENDINGS_RE})$")
    return CueWord(stem, f"^{prefix_re}{body}{ENDINGS_RE}$")


def clitic_cuts(word: str) -> list[int]:
    """How many leading letters of a normalized word may be proclitics, shortest first: 0,
    then one proclitic, then a conjunction with a preposition, each only where `MIN_STEM`
    letters or more are left; -1 stands for لل read as ل + ال (see `strip_clitic`)."""
    cuts = [0]
    for prefix in (*PROCLITICS, *_DOUBLE_PROCLITICS):
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_STEM:
            cuts.append(len(prefix))
    if word.startswith(_LAM_ARTICLE) and len(word) - len(_LAM_ARTICLE) >= MIN_STEM:
        cuts.append(-1)
    return cuts


def strip_clitic(word: str, cut: int) -> str:
    """`word` without its first `cut` letters; -1 gives back the article's elided alef."""
    if cut == -1:
        return ARTICLE + word[len(_LAM_ARTICLE) :]
    return word[cut:]


# A word's forms are kept for the next time it is asked: an index build asks for those of
# every word of every claim, several times each, and a text repeats its words. Bounded, as
# a million claims' sync meets hundreds of thousands of words.
@functools.lru_cache(maxsize=1 << 16)
def name_forms(token: str) -> tuple[str, ...]:
    """A token and what it is with its Arabic proclitics cut off (للدوحة -> الدوحة,
    وبالدوحة -> بالدوحة, الدوحة), the token first: how a word of a claim or a query meets a
    name. The cuts are `clitic_cuts`', the ones drafting tries."""
    if not token or not in_arabic_block(token[0]):
        return (token,)
    return tuple(strip_clitic(token, cut) for cut in clitic_cuts(token))


# Arabic names written in Latin letters spell one long vowel several ways (Tamim, Tameem;
# Mikheev, Mikhiev; Choigou, Shoigu): for a near spelling the forms are compared with
# each such run as one letter.
_VOWEL_RUNS = re.compile(r"ee|ii|ou|oo|uu|aa")
_VOWEL_OF = {"ee": "i", "ii": "i", "ou": "u", "oo": "u", "uu": "u", "aa": "a"}


def vowels_folded(word: str) -> str:
    """A Latin spelling with its long vowels written one way (tameem -> tamim, choigou ->
    choigu), for comparing near spellings of a name; other scripts as they are."""
    return _VOWEL_RUNS.sub(lambda m: _VOWEL_OF[m.group(0)], word)


def glued_forms(token: str) -> list[str]:
    """An Arabic word with each one-letter proclitic glued on (شوون -> لشوون, وشوون, ...): how
    a name may write a word a user types bare."""
    if not token or not all(map(in_arabic_block, token)) or len(token) < MIN_STEM:
        return []
    return [p + token for p in PROCLITICS]


# A country's Arabic name without its ending (روسيا -> روس, السعودية -> سعود), then the
# endings of its adjectives: the nisba, masculine and feminine, and the plurals.
_NAME_ENDINGS = ("\u064a\u0647", "\u064a\u0627", "\u0647", "\u0627")
_NISBA_ENDINGS = ("\u064a", "\u064a\u0647", "\u064a\u064a\u0646", "\u064a\u0648\u0646", "")


def nisba_forms(name: str) -> list[str]:
    """The adjectives of a country's Arabic name, with the article: روسيا -> الروسي، الروسية،
    الروسيين، الروسيون، الروس. None for a name of several words or one already a nisba."""
    key = normalize(name)
    if " " in key or not key:
        return []
    base = key[len(ARTICLE) :] if key.startswith(ARTICLE) else key
    for ending in _NAME_ENDINGS:
        if base.endswith(ending) and len(base) - len(ending) >= MIN_STEM:
            base = base[: -len(ending)]
            break
    if len(base) < MIN_STEM:
        return []
    if base + _NISBA_ENDINGS[0] == key:
        return []
    return [ARTICLE + base + ending for ending in _NISBA_ENDINGS]


# The endings a one-word Latin name takes as a word of running text: plurals
# (Kalashnikov -> Kalashnikovs) and the regular demonyms (Syria -> Syrian, Qatar -> Qatari,
# Egypt -> Egyptian). A name meets a word through these and its own spelling, never through
# the generic stemmer's conflations (Emirates -> emir, قناة -> قنا).
_LATIN_FORM_ENDINGS = ("s", "es", "n", "an", "ian", "i")
_MIN_NAME_BASE = 4


def word_forms(name: str) -> list[str]:
    """The words a one-word name (an analyzed token) is also written as, itself excluded:
    an Arabic name's adjectives (`nisba_forms`, with and without the article), a Latin
    name's plurals and demonyms. None for a short name or one of several words."""
    if " " in name or len(name) < _MIN_NAME_BASE - 1:
        return []
    if in_arabic_block(name[0]):
        forms = nisba_forms(name)
        # Without the article, a bare stem is another word (سور, a wall): only the endings.
        forms += [f[len(ARTICLE) :] for f in forms[:-1]]
    elif name.isalpha() and name.isascii() and len(name) >= _MIN_NAME_BASE:
        forms = [name + ending for ending in _LATIN_FORM_ENDINGS]
    else:
        return []
    return [f for f in dict.fromkeys(forms) if f != name and len(f) > len(ARTICLE)]


def name_bases(token: str) -> list[str]:
    """The one-word names `token` may be a form of (`word_forms`' way back), to look up and
    then confirm with `word_forms`: الروسية -> روسيا, روسيه, روس, ...; syrian -> syria."""
    out: list[str] = []
    if token and in_arabic_block(token[0]):
        for form in name_forms(token):
            bare = form[len(ARTICLE) :] if form.startswith(ARTICLE) else form
            for ending in sorted(_NISBA_ENDINGS, key=len, reverse=True):
                if ending and bare.endswith(ending) and len(bare) - len(ending) >= MIN_STEM:
                    base = bare[: -len(ending)]
                    out += [base + e for e in (*_NAME_ENDINGS, "")]
                    out += [ARTICLE + base + e for e in (*_NAME_ENDINGS, "")]
            if form.startswith(ARTICLE) and len(bare) >= MIN_STEM:
                out += [bare + e for e in _NAME_ENDINGS]  # الروس -> روسيا
    elif token.isascii() and token.isalpha():
        for ending in _LATIN_FORM_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= _MIN_NAME_BASE:
                out.append(token[: -len(ending)])
    return [b for b in dict.fromkeys(out) if b != token]


# --- Arabic stems ------------------------------------------------------------

# The definite article with the proclitics that can stand before it, as `clitic_cuts`
# allows them: a preposition (بال, كال, and لل for ل), a conjunction, or a conjunction then a
# preposition (وبالدوحة, فللتعاون). No form begins another, so the order does not matter.
_ARTICLES_AFTER_PREPOSITION = (*(p + ARTICLE for p in PREPOSITIONS if p != _LAM), _LAM_ARTICLE)
_ARTICLES = (
    *(c + a for c in CONJUNCTIONS for a in (*_ARTICLES_AFTER_PREPOSITION, ARTICLE)),
    *_ARTICLES_AFTER_PREPOSITION,
    ARTICLE,
)
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
        if word.startswith(article) and len(word) - len(article) >= MIN_STEM:
            word = word[len(article) :]
            had_article = True
            break
    # A single-letter proclitic also begins many words (وزير, بوتين, لبنان), and without a
    # dictionary the two cannot be told apart; the letter is cut with or without the
    # article, so that whatever the stem is, وزير, الوزير and للوزير share it.
    proclitic = 1 if word[0] in PROCLITICS else 0
    if word.endswith(_COUNTRY_SUFFIX):
        if len(word) - 2 >= MIN_STEM and word[-3] != _ALEF:
            word = word[:-2]
    elif word.endswith(_ALEF) and not word.endswith(("ها", "نا")):
        # The accusative ending of an indefinite noun: اتفاقا, عقودا.
        if len(word) - 1 >= MIN_STEM:
            word = word[:-1]
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            left = len(word) - len(suffix)
            if suffix in _LONG_SUFFIXES and not had_article:
                least = _LONG_SUFFIXES[suffix]
                left -= proclitic
            else:
                least = MIN_STEM
            if left >= least:
                word = word[: -len(suffix)]
    # As many as stand there (ولروسيا, لوزير), so that a word and the same
    # word behind a proclitic always meet.
    while len(word) - 1 >= MIN_STEM and word[0] in PROCLITICS:
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
        stem: str = _english.stemWord(_american_spelling(token))
        return stem
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


# --- stopwords ---------------------------------------------------------------

# Words that decide nothing about a claim: a query never requires them. The lists are
# maintained ones, read from their packages, not typed here: Snowball's English stop list
# (the `stopwords` package ships it as its English list) and the classified Arabic function
# words of Arabic-Stopwords (Taha Zerrouki's list, whose entries are particles,
# prepositions, pronouns, demonstratives, adverbs and auxiliaries, never content words such
# as زيارة or صفر, which broader lists hold). Both are normalized as a query is.
_stopwords: frozenset[str] | None = None


def _stopword_set() -> frozenset[str]:
    global _stopwords
    if _stopwords is None:
        # Imported on first use: only a search with words needs them.
        from arabicstopwords.stopwords_classified import STOPWORDS as ARABIC
        from stopwords import get_stopwords

        words: set[str] = set()
        for word in [*get_stopwords("english"), *ARABIC]:
            words.update(tokens(word))
        _stopwords = frozenset(words)
    return _stopwords


@functools.lru_cache(maxsize=16384)
def is_stopword(token: str) -> bool:
    """Whether an analyzed token is a stopword in English or Arabic, alone or behind an Arabic
    proclitic (وفي, وعلى). Remembered per token: a long query asks it of the same few words
    in every reading of its runs (tens of thousands of times)."""
    found = _stopword_set()
    if token[:1] in CONJUNCTIONS and token[1:] in found:
        return True
    return any(form in found for form in (token, *name_forms(token)[1:]))


# --- the analyzer the index and the query share --------------------------------


class Analyzer:
    """`tokens` and `stems` shared by the index and the query, memoized per word.

    Text is cut at whitespace first and each piece analyzed once per process: news text
    repeats its words, so a build analyzes each distinct word once, not each occurrence.
    (Analysis never joins across whitespace, so this gives the same tokens as the whole.)
    """

    def __init__(self) -> None:
        # Recorded in the index: an index built with another analysis is stale.
        self.version = f"{__name__}:{ANALYZER_VERSION}"
        self._pieces: dict[str, tuple[str, ...]] = {}
        self._stems: dict[str, str] = {}

    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        pieces = self._pieces
        for piece in text.split():
            toks = pieces.get(piece)
            if toks is None:
                toks = pieces[piece] = tuple(tokens(piece))
            out.extend(toks)
        return out

    def stems(self, tokens: list[str]) -> list[str]:
        cache = self._stems
        missing = [t for t in dict.fromkeys(tokens) if t not in cache]
        if missing:
            for tok, stem in zip(missing, stems(missing), strict=True):
                cache[tok] = stem
        return [cache[t] for t in tokens]


_ANALYZER: Analyzer | None = None


def analyzer() -> Analyzer:
    """The one `Analyzer` of the process, made on first use."""
    global _ANALYZER
    if _ANALYZER is None:
        _ANALYZER = Analyzer()
    return _ANALYZER
