"""Tests for factcli.analyze: the tokens and stems the index and the query share.

The spellings come from the shipped articles (tests/corpus quotes and
statements, /work/shared/seeds) and from how analysts typed them in issue 9.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CORPUS, read_jsonl
from hypothesis import given, settings
from hypothesis import strategies as st

from factcli.analyze import (
    ANALYZER_VERSION,
    PROCLITICS,
    Analyzer,
    analyzer,
    clitic_cuts,
    cue_word_regex,
    glued_forms,
    name_forms,
    nisba_forms,
    stems,
    strip_clitic,
    tokens,
    vowels_folded,
)
from factcli.draft import cues
from factcli.normalize import normalize

# Each property runs 100 examples by default (enough for idempotence and no-crash checks);
# FACTCLI_PROPERTY_EXAMPLES=2000 for a longer hunt.
EXAMPLES = int(os.environ.get("FACTCLI_PROPERTY_EXAMPLES", "100"))


def stem_of(word: str) -> list[str]:
    return stems(tokens(word))


def test_analyzer_version_is_a_positive_int() -> None:
    assert isinstance(ANALYZER_VERSION, int) and ANALYZER_VERSION >= 1


# --- tokens ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # English possessives: the issue's `Tamim's`, and the statements'
        # "Russia's", "Shoigu's visit", "Qatar’s" with a typographic apostrophe.
        ("Tamim's", ["tamim"]),
        ("TAMIM'S", ["tamim"]),
        ("Tamim’s", ["tamim"]),
        ("Russia's S-400", ["russia", "s", "400"]),
        ("Shoigu's visit to Qatar", ["shoigu", "visit", "to", "qatar"]),
        ("the S-400's range", ["the", "s", "400", "range"]),
        # Cyrillic as pasted from Russian sources, folded to Latin.
        ("Шойгу", ["shoigu"]),
        ("С-400", ["s", "400"]),
        ("Сергей Шойгу", ["sergei", "shoigu"]),
        ("Путин", ["putin"]),
        ("Михеев", ["mikheev"]),
        ("Калашников", ["kalashnikov"]),
        # Turkish letters, including dotless ı which has no decomposition.
        ("Erdoğan", ["erdogan"]),
        ("Türkiye", ["turkiye"]),
        ("Işık", ["isik"]),
        ("İstanbul", ["istanbul"]),
        # Arabic is never transliterated; hamza seats are unified.
        ("«إس-400»", ["اس", "400"]),
        ("مسئول", ["مسوول"]),
        ("شئون الدفاع", ["شوون", "الدفاع"]),
    ],
)
def test_tokens(typed: str, expected: list[str]) -> None:
    assert tokens(typed) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Шойгу", "Shoigu"),
        ("С-400", "S-400"),
        ("Михеев", "Mikheev"),
        ("Сергей", "Sergei"),
        ("Türkiye", "Turkiye"),
        ("Tamim's", "Tamim"),
        ("مسئول", "مسؤول"),
        ("شئون الدفاع", "شؤون الدفاع"),
        ("هيأة", "هيئة"),
        ("رءوس", "رؤوس"),
    ],
)
def test_spellings_people_type_give_the_same_tokens(a: str, b: str) -> None:
    assert tokens(a) == tokens(b)


def test_possessive_s_is_dropped_only_after_a_word() -> None:
    # A lone 's or an s that begins a word is text, not a possessive.
    assert tokens("'s") == ["s"]
    assert tokens("Qur'sa") == ["qur", "sa"]
    assert tokens("it's") == ["it"]


def test_latin_and_arabic_scripts_stay_apart() -> None:
    assert tokens("قطر") == ["قطر"]
    assert tokens("S-400") != tokens("إس-400")


# --- stems: English ----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Morphology from the issue.
        ("missiles", "missile"),
        ("agreements", "agreement"),
        ("Kalashnikovs", "Kalashnikov"),
        ("Russians", "Russian"),
        ("sanctioned", "sanctions"),
        ("signed", "signing"),
        # British spellings of the statements ("defence", "programme",
        # "anti-armour") against the American ones analysts type.
        ("defence", "defense"),
        ("Defence", "DEFENSE"),
        ("offences", "offenses"),
        ("defenceless", "defenseless"),
        ("programme", "program"),
        ("programmes", "programs"),
        ("armour", "armor"),
        ("colour", "color"),
        ("honourable", "honorable"),
        ("favourite", "favorite"),
        ("organisation", "organization"),
        ("organised", "organized"),
        ("recognise", "recognize"),
        ("privatisation", "privatization"),
        ("criticised", "criticized"),
        ("analyse", "analyze"),
        ("paralysed", "paralyzed"),
        ("centre", "center"),
        ("centres", "centers"),
        ("centred", "centered"),
        ("metre", "meter"),
        ("kilometres", "kilometers"),
        ("calibre", "caliber"),
        ("theatre", "theater"),
        ("manoeuvres", "maneuvers"),
        ("catalogue", "catalog"),
        ("dialogue", "dialog"),
        ("judgement", "judgment"),
        ("travelled", "traveled"),
        ("cancelled", "canceled"),
        ("fuelled", "fueled"),
        ("counsellor", "counselor"),
        ("skilful", "skillful"),
        ("licence", "license"),
        ("grey", "gray"),
        ("neighbourhood", "neighborhood"),
        ("behavioural", "behavioral"),
        ("organisational", "organizational"),
        ("sympathise", "sympathize"),
        ("amortised", "amortized"),
        ("practise", "practice"),
        ("practised", "practiced"),
        ("manoeuvring", "maneuvering"),
        ("draughtsman", "draftsman"),
        ("moulding", "molding"),
        ("sulphate", "sulfate"),
        ("medallist", "medalist"),
        ("sceptical", "skeptical"),
        ("tyres", "tires"),
    ],
)
def test_english_variants_share_a_stem(a: str, b: str) -> None:
    assert stem_of(a) == stem_of(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # The -our rule must not make four into for, or hour into hor.
        ("four", "for"),
        ("your", "yor"),
        # The -fence rule is for defence/offence, not the fence itself.
        ("fence", "defence"),
        # The -red rule is for centred, not hatred.
        ("hatred", "hater"),
        # scour is not score, the exchequer is not a checker.
        ("scoured", "scored"),
        ("exchequer", "checker"),
        ("sceptre", "skeptic"),
        ("missile", "mission"),
        ("arms", "army"),
    ],
)
def test_english_words_that_differ_keep_different_stems(a: str, b: str) -> None:
    assert stem_of(a) != stem_of(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Words spelled -ise in American English too are left alone, so their
        # inflections still meet ("joint exercises", "advertised").
        ("exercise", "exercises"),
        ("exercise", "exercised"),
        ("surprise", "surprised"),
        ("advertise", "advertised"),
        ("promise", "promised"),
        ("compromise", "compromised"),
        ("raise", "raised"),
        ("advise", "advised"),
    ],
)
def test_ise_only_words_still_meet_their_inflections(a: str, b: str) -> None:
    assert stem_of(a) == stem_of(b)


# --- stems: Arabic -----------------------------------------------------------

# Each group: spellings of one word (or a country and its adjective) from the
# corpus quotes that a search for any of them should reach.
ARABIC_GROUPS = {
    "minister": ["وزير", "الوزير", "للوزير", "والوزير", "لوزير"],
    "agency": ["وكالة", "الوكالة", "بوكالة"],
    "rifles": ["بنادق", "البنادق"],
    "russia": ["روسيا", "وروسيا", "لروسيا", "بروسيا", "الروسية", "الروسي", "روسي", "والروسية", "الروس"],
    "qatar": ["قطر", "وقطر", "بقطر", "لقطر", "القطرية", "القطري", "قطري", "والقطريين"],
    "turkey": ["تركيا", "وتركيا", "التركية", "تركية"],
    "syria": ["سوريا", "السورية", "السوري"],
    "missile": ["صاروخ", "صواريخ", "الصواريخ", "الصاروخية", "الصاروخي"],
    "agreement": [
        "اتفاقية",
        "الاتفاقية",
        "اتفاقيات",
        "الاتفاقيات",
        "باتفاقيات",
        "اتفاق",
        "الاتفاق",
        "اتفاقا",
    ],
    "defence": ["دفاع", "الدفاع", "للدفاع", "بالدفاع", "الدفاعية", "الدفاعي"],
    "official": ["مسؤول", "مسئول", "المسؤولين", "المسئولين", "المسؤولة"],
    "affairs": ["شؤون", "شئون"],
    "cooperation": ["تعاون", "التعاون", "للتعاون", "والتعاون", "بالتعاون", "لتعاوننا"],
    "signed": ["وقع", "وقعت", "ووقعنا"],
    "doha": ["الدوحة", "بالدوحة", "للدوحة", "والدوحة", "وبالدوحة"],
    "countries": ["البلدين", "البلدان", "للبلدين", "بلديهما"],
    "military": ["عسكري", "العسكري", "العسكرية", "عسكرية", "والعسكريين"],
    "training": ["تدريب", "وتدريب", "بتدريب", "التدريبات", "تدريبات"],
    "weapons": ["أسلحة", "الأسلحة", "وأسلحة", "بأسلحة"],
    "system": ["منظومة", "المنظومة", "لمنظومة"],
    "by_phone": ["هاتفيا", "هاتفية"],
}


@pytest.mark.parametrize(
    ("group", "word"),
    [(group, word) for group, words in ARABIC_GROUPS.items() for word in words[1:]],
)
def test_arabic_variants_share_a_stem(group: str, word: str) -> None:
    assert stem_of(word) == stem_of(ARABIC_GROUPS[group][0])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("لبنان", "لبن"),  # Lebanon / milk
        ("ولبنان", "لبن"),
        ("إيران", "إير"),
        ("روسيا", "روما"),  # Russia / Rome
        ("قطر", "قطع"),  # Qatar / cut
        ("قطر", "مطر"),  # Qatar / rain
        ("قضايا", "قضاء"),  # issues / judiciary
        ("إلى", "آل"),  # to / family of (آل ثاني)
        ("الآن", "أن"),  # now / that
        ("إلا", "التي"),  # except / which
        ("الدول", "الدوحة"),  # states / Doha
        ("الأمير", "الأمن"),  # emir / security
    ],
)
def test_different_arabic_words_keep_different_stems(a: str, b: str) -> None:
    assert stem_of(a) != stem_of(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("وروسيا", "روسيا"),
        ("لروسيا", "روسيا"),
        ("بروسيا", "روسيا"),
        ("الروسية", "روسيا"),
        ("والروسية", "روسيا"),
        ("روسي", "روسيا"),
        ("القطرية", "قطر"),
        ("والقطرية", "قطر"),
        ("قطري", "قطر"),
        ("التركية", "تركيا"),
        ("السورية", "سوريا"),
        ("الليبي", "ليبيا"),
        ("الأسلحة", "أسلحة"),
    ],
)
def test_a_country_its_adjectives_and_proclitics_share_a_stem(a: str, b: str) -> None:
    assert stem_of(a) == stem_of(b)


@pytest.mark.parametrize(("a", "b"), [("قطر", "قطع"), ("روسيا", "روما"), ("قطر", "مطر"), ("قضايا", "قضاء")])
def test_unrelated_words_do_not_collide(a: str, b: str) -> None:
    assert stem_of(a) != stem_of(b)


@pytest.mark.parametrize(
    "token",
    ["400", "2017", "8.6", "s", "اس", "su", "35", "a1", "北京", "ש"],
)
def test_digits_short_and_other_tokens_pass_through(token: str) -> None:
    assert stems([token]) == [token]


def test_stems_keep_order_and_length() -> None:
    toks = tokens("Qatar's defence programmes: قطر وروسيا وقعت الاتفاقية في 2017")
    assert stems(toks) == ["qatar", "defens", "program", "قطر", "روس", "وقع", "اتفاق", "في", "2017"]
    assert len(stems(toks)) == len(toks)


def test_stems_of_nothing() -> None:
    assert stems([]) == []
    assert tokens("") == []
    assert tokens("«»،؛؟!") == []


# --- clitics and name forms ----------------------------------------------------


def test_proclitics_are_the_five_one_letter_ones() -> None:
    names = [unicodedata.name(p) for p in PROCLITICS]
    assert names == [
        "ARABIC LETTER WAW",
        "ARABIC LETTER FEH",
        "ARABIC LETTER BEH",
        "ARABIC LETTER LAM",
        "ARABIC LETTER KAF",
    ]


@pytest.mark.parametrize(
    ("written", "bare"),
    [
        ("لقطر", "قطر"),  # for Qatar
        ("والدوحة", "الدوحة"),  # and Doha
        ("بموسكو", "موسكو"),  # in Moscow
        ("للدوحة", "الدوحة"),  # for Doha: ل + الدوحة, the article's alef not written
        ("وبالدوحة", "الدوحة"),  # and in Doha: two proclitics
    ],
)
def test_a_name_behind_a_proclitic_meets_the_name(written: str, bare: str) -> None:
    [token], [name] = tokens(written), tokens(bare)
    assert name in name_forms(token)
    assert name_forms(token)[0] == token


def test_a_cut_leaves_three_letters() -> None:
    # كان (was), ولي (guardian), فقط (only) start with a proclitic letter but are words.
    assert name_forms("كان") == ("كان",)
    assert name_forms("ولي") == ("ولي",)
    assert name_forms("فقط") == ("فقط",)
    assert clitic_cuts("كان") == [0]
    assert name_forms("qatar") == ("qatar",)
    assert name_forms("") == ("",)


def test_clitic_cuts_shortest_first_and_the_elided_article() -> None:
    [word] = tokens("وبالدوحة")  # and in Doha
    assert clitic_cuts(word) == [0, 1, 2]
    assert [strip_clitic(word, cut) for cut in clitic_cuts(word)] == ["وبالدوحه", "بالدوحه", "الدوحه"]
    [word] = tokens("للدوحة")
    assert clitic_cuts(word) == [0, 1, -1]
    assert strip_clitic(word, -1) == "الدوحه"


def test_glued_forms_put_each_proclitic_before_a_bare_word() -> None:
    assert glued_forms("شوون") == ["وشوون", "فشوون", "بشوون", "لشوون", "كشوون"]
    assert glued_forms("قط") == []  # too short to stand bare
    assert glued_forms("qatar") == []


def test_nisba_forms_are_a_countrys_adjectives() -> None:
    # Russia: Russian (m., f.), Russians (two cases), the Russians.
    assert nisba_forms("روسيا") == ["الروسي", "الروسيه", "الروسيين", "الروسيون", "الروس"]
    assert nisba_forms("قطر") == ["القطري", "القطريه", "القطريين", "القطريون", "القطر"]
    assert nisba_forms("دولة قطر") == []  # a name of several words has none
    assert nisba_forms("عمان")[0] == "العماني"


def test_the_shared_analyzer_gives_what_tokens_and_stems_give() -> None:
    text = "Qatar's defence programmes: قطر وروسيا وقعت الاتفاقية في 2017"
    shared = analyzer()
    assert shared is analyzer()
    assert shared.tokens(text) == tokens(text)
    assert shared.stems(shared.tokens(text)) == stems(tokens(text))
    assert Analyzer().version == shared.version == f"factcli.analyze:{ANALYZER_VERSION}"


# --- the measurement behind the Arabic choice ---------------------------------

PAIRS_FILE = Path(__file__).parent.parent / "data" / "arabic_stem_pairs.tsv"


def judged_pairs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    same, different = [], []
    for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b, verdict, _gloss = line.split("\t")
        (same if verdict == "same" else different).append((a, b))
    return same, different


def merge_counts(stem: Callable[[str], str]) -> tuple[int, int]:
    same, different = judged_pairs()
    return (
        sum(stem(a) == stem(b) for a, b in same),
        sum(stem(a) == stem(b) for a, b in different),
    )


def test_judged_pairs_are_normalized_corpus_words() -> None:
    same, different = judged_pairs()
    assert len(same) > 400 and len(different) > 30
    for a, b in same + different:
        assert tokens(a) == [a] and tokens(b) == [b]


def test_light_stemmer_beats_snowball_arabic_on_the_corpus_pairs() -> None:
    import Stemmer

    snowball = Stemmer.Stemmer("arabic")

    def snowball_plain(word: str) -> str:
        return snowball.stemWord(word)

    def snowball_teh_marbuta(word: str) -> str:
        # Snowball expects the ة that normalization wrote as ه.
        return snowball.stemWord(word[:-1] + "\u0629" if word.endswith("\u0647") else word)

    ours_right, ours_wrong = merge_counts(lambda w: stems([w])[0])
    for rival in (snowball_plain, snowball_teh_marbuta):
        right, wrong = merge_counts(rival)
        assert ours_right > right
        assert ours_right - ours_wrong > right - wrong
    # The light stemmer's wrong merges stay a small share of what it merges.
    assert ours_wrong * 20 < ours_right


# --- start-up ----------------------------------------------------------------


def test_importing_analyze_loads_neither_library() -> None:
    # PyStemmer and anyascii are loaded on first use, so commands that never
    # stem or transliterate start as fast as before.
    code = "import sys, factcli.analyze; print('Stemmer' in sys.modules, 'anyascii' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_word_without_the_letters_of_any_spelling_rule_compiles_none() -> None:
    # "S-400" and "Qatar" stem without compiling the 37 British-spelling patterns: a
    # rule is tried only on a word holding the letters every match of it holds.
    code = (
        "import re; from factcli import analyze; analyze.stems(['s', 'qatar', '400']);"
        "print(sum(p in re._cache or any(k[1] == p for k in re._cache if isinstance(k, tuple))"
        " for p, _ in analyze._SPELLING_PATTERNS))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


_FRAGMENTS = st.sampled_from(
    [
        *"abcdefghilmnoprstuvyz",
        "our",
        "ys",
        "fenc",
        "licenc",
        "practis",
        "pretenc",
        "re",
        "red",
        "oeuvr",
        "euvre",
        "gramme",
        "logue",
        "dgement",
        "eall",
        "sellor",
        "allist",
        "ilful",
        "draught",
        "plough",
        "mould",
        "moult",
        "cheque",
        "sulph",
        "scept",
        "aero",
        "jewellery",
        "woollen",
        "focuss",
        "biass",
        "kerb",
        "grey",
        "tyre",
        "storey",
        "pyjama",
        "rouble",
        "aluminium",
        "cos",
        "is",
        "ise",
        "ised",
        "ing",
        "ed",
        "es",
        "s",
        "er",
        "ly",
        "able",
    ]
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=5).map("".join))
def test_trying_only_the_rules_whose_letters_a_word_holds_folds_alike(word: str) -> None:
    # Every rule tried on every word, as the fold is defined: the same result.
    import re

    from factcli import analyze

    expected = word
    match = re.fullmatch(analyze._ISE, expected)
    if match and not re.search(analyze._ISE_ONLY, match[1]):
        expected = f"{match[1]}iz{match[2]}"
    for pattern, replacement in analyze._SPELLING_PATTERNS:
        expected = re.sub(pattern, replacement, expected)
    assert analyze._american_spelling(word) == expected


# --- properties --------------------------------------------------------------

MIXED = (
    list("abcdefghijklmnopqrstuvwxyz ABCXYZ'’-.,0123456789")
    + list("قطروسياالةىيأإآؤئءوبلكف ")
    + list("ШойгуСергейПутинКремльёЁъь")
    + list("ğışçöüİıøłæœßéè")
    + ["\u064e", "\u0640", "\u200f", "\u00a0", "«", "»"]
)
texts = st.one_of(
    st.text(alphabet=st.sampled_from(MIXED), max_size=60),
    st.text(max_size=40),
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(texts)
def test_stems_keep_length(text: str) -> None:
    toks = tokens(text)
    assert len(stems(toks)) == len(toks)


@settings(max_examples=EXAMPLES, deadline=None)
@given(texts)
def test_tokens_idempotent_on_joined_output(text: str) -> None:
    toks = tokens(text)
    assert tokens(" ".join(toks)) == toks


@settings(max_examples=EXAMPLES, deadline=None)
@given(texts)
def test_tokens_have_no_spaces_or_empty_strings(text: str) -> None:
    for token in tokens(text):
        assert token and " " not in token


def test_long_vowels_spelled_one_way_for_near_spellings():
    # Tameem and Tamim, Choigou and Choigu: one name in two transliterations.
    assert vowels_folded("tameem") == vowels_folded("tamim") == "tamim"
    assert vowels_folded("choigou") == "choigu"
    assert vowels_folded("قطر") == "قطر"


# --- cue words -------------------------------------------------------------------------


def _draft_cue_words() -> list:
    found = [part for p, *_ in cues._PREDICATE_PATTERNS for part in p.parts]
    found += [
        part
        for group in (cues._NEGATIONS, cues._ATTRIBUTIONS, cues._DENIALS)
        for p in group
        for part in p.parts
    ]
    found += [rx for rx, _ in (*cues._UNITS, *cues._SCALES, *cues._NUMBERS)]
    return [w for w in found if w is not None]


@pytest.mark.parametrize("inflected", [True, False])
@pytest.mark.parametrize(
    "stem, prefix", [("زار", "و?"), ("وقع", "(?:و|ف)?"), ("صفق", "(?:ب|ل|ك)?(?:ال)?"), ("اعلن", "")]
)
def test_a_cue_word_matches_exactly_the_words_its_regex_matches(stem, prefix, inflected):
    word = cue_word_regex(stem, prefix, inflected=inflected)
    words = [
        "وزارة", "زار", "وزار", "زارها", "زيارة", "وقع", "فوقع", "وقعت", "توقيع", "الصفقة",
        "بالصفقة", "صفقات", "اعلن", "واعلن", "اعلنت", "الاعلان", "", "ز", "زارزار",
    ]  # fmt: skip
    for w in words:
        assert bool(word.match(w)) == bool(re.match(word.source, w)), w


def test_every_drafting_cue_word_matches_what_its_regex_matches_on_real_text():
    """A cue word asks its regex only of words that hold its stem: that must never lose a
    word the regex itself would match (every cue word of drafting, on every word of the
    shipped claims' Arabic quotes, with their proclitics)."""
    quotes = [c["citation"]["quote"] for p in sorted(CORPUS.glob("claims-*.jsonl")) for c in read_jsonl(p)]
    words = sorted({w for w in normalize(" ".join(quotes)).split() if w})
    assert len(words) > 500
    hits = 0
    for cue in _draft_cue_words():
        rx = re.compile(cue.source)
        for w in words:
            got = cue.match(w) is not None
            assert got == (rx.match(w) is not None), (cue.source, w)
            hits += got
    assert hits > 100  # the cue words do meet the articles' words
