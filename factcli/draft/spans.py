"""Spans: an article cut into paragraphs, sentences and clauses, each clause's words
with their offsets into the text as received."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analyze import ARTICLE, clitic_cuts, strip_clitic
from ..normalize import normalize
from .cues import (
    _CLAUSE_OPENERS,
    _CONTINUING,
    _INCLUDING,
    _WEAPON_HEADS,
    DEAL_NOUNS,
    INSTITUTION_NOUNS,
    MEDIA_NOUNS,
    OFFICE_HEADS,
)

# Nouns whose و is their own first letter, not "and": "، وزير الدفاع" goes on with a name.
# Verbs whose root opens with و (وقّع signed, وافق agreed, وصل arrived, وعد promised).
_WAW_ROOTS = ("وقع", "وافق", "وصل", "وعد")
_WAW_NOUNS = {
    k
    for w in (*OFFICE_HEADS, *INSTITUTION_NOUNS, *MEDIA_NOUNS)
    for k in (normalize(w), normalize(w) + "ه")
    if k.startswith("و")
}
_OFFICE_FORMS = {k for w in OFFICE_HEADS for k in (normalize(w), normalize(w) + "ه")}

# --------------------------------------------------------------------------------------
# Spans


_WORD = re.compile(r"[0-9\u0660-\u0669]+(?:[.,\u066b][0-9\u0660-\u0669]+)+|[\w\u064b-\u065f\u0670\u0640]+")
# (a letter alone before a dot is an abbreviated title, «د. أمير»: no sentence ends there)
_SENTENCE_END = re.compile(
    r"(?<!\.)(?<![A-Za-z])(?<!\s[\u0621-\u064a])(?<!^[\u0621-\u064a])[.!?؟](?!\.)(?=\s)|(?<!\.)(?<=[A-Za-z])[.!?](?!\.)(?=\s+[^A-Za-z\s])|\n"
)
_QUOTES = '«»“”"„'


@dataclass
class Word:
    start: int
    end: int
    key: str  # normalized, one token (spaces removed)


@dataclass
class Clause:
    start: int
    end: int
    words: list[Word]
    sentence: int
    paragraph: int
    first_of_sentence: bool


def _words(text: str, start: int, end: int) -> list[Word]:
    out = []
    for m in _WORD.finditer(text, start, end):
        key = normalize(m.group()).replace(" ", "")
        glued = _GLUED_HEAD.match(key)
        if glued and glued.group(1) in _OFFICE_FORMS and len(key) == len(m.group()):
            # «المديرالإداري»: an office's head and the adjective after it, the space lost
            cut = m.start() + len(glued.group(1))
            out += [Word(m.start(), cut, glued.group(1)), Word(cut, m.end(), key[len(glued.group(1)) :])]
        elif key:
            out.append(Word(m.start(), m.end(), key))
    return out


# A definite word run into the next definite one: «المديرالإداري».
_GLUED_HEAD = re.compile(r"^(ال[ء-ي]{3,}?)(ال[ء-ي]{3,})$")


# A line that a hard-wrapped text broke inside a sentence: it ends in a letter or a comma
# (no stop, no quotation mark, no figure such as a dateline's year) and the next line goes on.
_WRAPPED = re.compile(r"(?:[^\W\d_]|[،,])[ \t]*\n(?=[ \t]*[^\W\d_\"«“(])")
# A text is hard-wrapped when at least this many of its lines, and most of those that end
# without a stop, run on into the next line; a headline or two ending bare is not that.
_WRAPPED_LINES = 5


def wrapped_breaks(text: str) -> set[int]:
    """The offsets of the line breaks that a hard-wrapped text («قررت القوات المسلحة\\n
    الملكية المغربية») put inside a sentence: no sentence or paragraph ends there. None in
    a text whose lines are paragraphs."""
    runs = [m.end() - 1 for m in _WRAPPED.finditer(text)]
    bare = len(re.findall(r"[^\s.!?؟:»”\")][ \t]*\n", text))
    if len(runs) < _WRAPPED_LINES or 2 * len(runs) < bare:
        return set()
    return set(runs)


def wrapped_lines(text: str) -> set[int]:
    """The numbers of the lines (as `str.splitlines` counts them) that run on into the next."""
    breaks = wrapped_breaks(text)
    return {n for n, m in enumerate(re.finditer(r"\n", text)) if m.start() in breaks}


def sentences(text: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence: trimmed spans of the text as received. A
    hard-wrapped line runs on into the next (`wrapped_breaks`)."""
    out, paragraph, pos = [], 0, 0
    wraps = wrapped_breaks(text)
    for m in _SENTENCE_END.finditer(text + "\n"):
        if m.group() == "\n" and m.start() in wraps:
            paragraph += 1
            continue
        end = min(m.end(), len(text)) if m.group() != "\n" else m.start()
        s, e = _trim(text, pos, end)
        if e > s and _WORD.search(text, s, e):
            out.append((s, e, paragraph))
        if m.group() == "\n":
            paragraph += 1
        pos = m.end()
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\r\n\u00a0":
        s += 1
    while e > s and text[e - 1] in " \t\r\n\u00a0":
        e -= 1
    return s, e


def clauses(text: str) -> list[Clause]:
    """Each sentence cut before its clause connectives and saying participles."""
    out: list[Clause] = []
    for n, (s, e, par) in enumerate(sentences(text)):
        words = _words(text, s, e)
        keys = [w.key for w in words]
        cuts = [0]
        for i in range(1, len(words)):
            before = text[words[i - 1].end : words[i].start]
            comma = "،" in before or "," in before or ":" in before
            opener = any(
                p.find(keys, i, min(i + len(p.parts), len(keys))) == (i, i + len(p.parts))
                for p in _CLAUSE_OPENERS
            )
            participle = any(p.opens(keys[i]) for p in _CONTINUING)
            # "، وتناول": a new clause; "، والوفد", "، وطائرات": one more noun in a list.
            conj = (
                comma
                and keys[i].startswith("و")
                and len(keys[i]) >= 3
                and not keys[i].startswith("وال")
                and keys[i] not in _WAW_NOUNS
                and keys[i][1:] not in _WEAPON_HEADS  # "غواصات، وطائرات": one more item
                # "ووقع رئيس الوزراء ... ووزير الدفاع ...، ووزيرة القوات ...": one more signer
                and keys[i][1:] not in _OFFICE_FORMS
                # "بلاده وإيران، وقعتا": the و of وقّع is the verb's own, no conjunction
                and not keys[i].startswith(_WAW_ROOTS)
                # "تشمل الاتفاقية بناء مركز، وحزمة دعم": the list of what is included goes on
                and not (
                    any(p.find(keys, cuts[-1], i) for p in _INCLUDING)
                    and any(_a_deal_noun(k) for k in keys[cuts[-1] : i])
                )
            )
            quotation = ":" in before and any(q in text[words[i - 1].end : words[i].start + 1] for q in '«“"')
            if (opener and (comma or i > 2)) or (participle and comma) or conj or quotation:
                if i - cuts[-1] >= 3:
                    cuts.append(i)
        cuts.append(len(words))
        for k in range(len(cuts) - 1):
            ws = words[cuts[k] : cuts[k + 1]]
            if not ws:
                continue
            cs, ce = ws[0].start, ws[-1].end
            ce = _extend_closing(text, ce, e)
            cs = _extend_opening(text, cs, s)
            out.append(Clause(cs, ce, ws, n, par, k == 0))
    return out


def _a_deal_noun(key: str) -> bool:
    """A deal's noun (الاتفاقية، العقد، صفقة), a conjunction and the article cut off."""
    return any(strip_clitic(key, cut).removeprefix(ARTICLE) in DEAL_NOUNS for cut in clitic_cuts(key))


def _extend_closing(text: str, ce: int, limit: int) -> int:
    # Keep a closing quotation mark or bracket that ends the clause's last word.
    while ce < limit and text[ce] in '»”")':
        ce += 1
    return ce


def _extend_opening(text: str, cs: int, limit: int) -> int:
    while cs > limit and text[cs - 1] in '«“"(':
        cs -= 1
    return cs
