"""The names of entities checked against one another and against the corpus: an alias whose
analyzed form is another entity's name or stems like a common word of the corpus, a name
two entities share, and a name of a recurring event without its year. A name that misleads
links claims to the wrong entity in search, so each finding is one line of `verify --names`.

Metonyms and common words are declared as what they are (CURATION.md, "Names") and are
linked only in context, so only an entity's name, Arabic name and aliases are checked.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from .analyze import analyzer

__all__ = ["name_findings"]

# A year in a name: what tells one occurrence of a recurring event from another.
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# A word of the corpus is common when it occurs this often in the sources and statements; an
# alias this short is checked against them (a longer one that stems like a word is most often
# that word's own name, as أميركا and الأميركية).
_COMMON = 3
_SHORT = 4
# Kinds of event that happen again (visits, summits, forums, games, cups, exercises,
# conferences): a name of one without its year fits every occurrence.
_RECURRING = re.compile(
    r"visit|summit|forum|games|world cup|exercise|conference|زيارة|قمة|منتدى|ألعاب|مونديال|كأس|مناورات|مؤتمر",
    re.IGNORECASE,
)


def _names(ent: Mapping[str, Any]) -> list[tuple[str, str]]:
    out = [(f, ent[f]) for f in ("name", "name_ar") if isinstance(ent.get(f), str)]
    out += [("aliases", a) for a in ent.get("aliases") or () if isinstance(a, str)]
    return out


def name_findings(entities: Iterable[Mapping[str, Any]], texts: Iterable[str]) -> list[tuple[str, str, str]]:
    """Every misleading name, as `(entity id, field, message)`; `texts` are the corpus (the
    sources' texts and the claims' statements) whose common words an alias must not stem like."""
    an = analyzer()
    ents = [e for e in entities if isinstance(e.get("id"), str)]
    # Who each exact (analyzed) name and each stemmed name belongs to.
    exact: dict[str, set[str]] = defaultdict(set)
    stemmed: dict[str, set[str]] = defaultdict(set)
    for ent in ents:
        for fld, name in _names(ent):
            toks = an.tokens(name)
            if toks:
                exact[" ".join(toks)].add(ent["id"])
                if fld != "aliases":
                    stemmed[" ".join(an.stems(toks))].add(ent["id"])
    words: Counter[str] = Counter()
    for text in texts:
        words.update(an.tokens(text))
    by_stem: dict[str, Counter[str]] = defaultdict(Counter)
    for word, n in words.items():
        by_stem[" ".join(an.stems([word]))][word] += n
    out: list[tuple[str, str, str]] = []
    reported: set[str] = set()
    for ent in ents:
        eid = ent["id"]
        yearless = ent.get("type") == "event" and any(_RECURRING.search(n) for _, n in _names(ent))
        for fld, name in _names(ent):
            toks = an.tokens(name)
            if not toks:
                continue
            key = " ".join(toks)
            others = sorted(exact[key] - {eid})
            if others and key not in reported:
                reported.add(key)
                out.append((eid, fld, f"name {name!r} is shared with {', '.join(others)}"))
                continue
            if fld == "aliases":
                stem = " ".join(an.stems(toks))
                clash = sorted(stemmed.get(stem, set()) - {eid})
                if clash:
                    out.append((eid, fld, f"alias {name!r} analyzes as the name of {', '.join(clash)}"))
                elif len(toks) == 1 and len(toks[0]) <= _SHORT:
                    common = [
                        (w, n)
                        for w, n in by_stem.get(stem, Counter()).items()
                        if w != toks[0] and n >= _COMMON
                    ]
                    if common:
                        word, n = max(common, key=lambda wn: wn[1])
                        out.append(
                            (
                                eid,
                                fld,
                                f"alias {name!r} stems like {word!r}, a common word of the corpus ({n} times)",
                            )
                        )
            # The Arabic name is the article's standard wording; the English name and the
            # aliases are what a user types.
            if yearless and not _YEAR.search(name) and fld != "name_ar":
                out.append(
                    (
                        eid,
                        fld,
                        f"name {name!r} of an event has no year: a recurring event's name must carry it",
                    )
                )
    return out
