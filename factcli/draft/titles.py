"""Titles: a person's position from the title written before or after the name."""

from __future__ import annotations

from ..analyze import (
    clitic_cuts,
)
from .base import _Base
from .cues import _HONORIFICS, _TITLES
from .names import Mention, find_mentions
from .spans import Clause


class _Titles(_Base):
    """`holds_position` candidates from the titles before or after a person's name."""

    def _titles(self, clause: Clause, keys: list[str], mentions: list[Mention]) -> list[dict]:
        """Title + qualifiers + a person's name (or the name, then the title): a
        `holds_position` of the body or state the title names."""
        out: list[dict] = []
        persons = [
            m for m in mentions if not m.weak and any(self.linker.type_of(e) == "person" for e in m.ids)
        ]
        for m in persons:
            person = next(e for e in m.ids if self.linker.type_of(e) == "person")
            lo = m.first
            while lo > 0 and any(p.opens(keys[lo - 1]) for p in _HONORIFICS):
                lo -= 1
            title_at = None
            for t in range(lo - 1, max(-1, lo - 10), -1):
                if any(p.opens(keys[t]) for p in _TITLES):
                    title_at = t
                    break
                other = [mm for mm in persons if mm.first <= t < mm.last]
                if other and person not in other[0].ids:
                    break
            if title_at is not None:
                first, last = title_at, m.last
                span = (clause.words[title_at].start, m.end)
            elif m.last < len(keys) and any(p.opens(keys[m.last]) for p in _TITLES):
                # "الشيخ تميم بن حمد آل ثاني أمير قطر": the title follows the name.
                first, last = m.last, min(len(keys), m.last + 4)
                span = (clause.words[m.first].start, clause.words[last - 1].end)
            elif any(p.opens(w) for w in m.written.split() for p in _TITLES):
                first, last = m.first, m.last  # the name as written is the title (an alias)
                span = (m.start, m.end)
            else:
                continue
            org = self._title_body(clause, keys, first, last, person, m)
            if org is None:
                continue
            same = [c for c in out if c["subject"] == person]
            if same and same[0]["citation"]["end"] - same[0]["citation"]["start"] >= span[1] - span[0]:
                continue
            out = [c for c in out if c["subject"] != person]
            s, e = span
            if self.text[s - 1 : s] == "«":
                s -= 1
            if self.text[e : e + 1] == "»":
                e += 1
            out.append(
                self._claim(
                    person,
                    "holds_position",
                    org,
                    None,
                    None,
                    "affirmed",
                    "fact",
                    None,
                    None,
                    s,
                    e,
                    ["predicate:title + name", f"title:{self.text[span[0] : span[1]][:60]}"],
                    0.7,
                )
            )
        return out

    def _title_body(self, clause, keys, first, last, person, m) -> str | None:
        """The office a title names (first choice), else the organization or state it names, word
        by word: a store without offices gets a candidate the reviewer points at one."""
        orgs, countries = [], []
        words = clause.words[first:last]
        offices = []  # the title itself, when the store has it as an office (roles, CURATION.md)
        for mm in find_mentions(self.linker, self.text, words):
            for eid in mm.ids:
                if self.linker.type_of(eid) == "office":
                    offices.append(eid)
                elif self.linker.type_of(eid) == "organization":
                    orgs.append(eid)
        for w in words:
            if m.start <= w.start < m.end and not any(
                p.opens(x) for x in keys[m.first : m.last] for p in _TITLES
            ):
                continue  # the person's own name
            for cut in clitic_cuts(w.key):
                bare = w.key[cut:]
                adj = bare if bare.startswith("ال") else "ال" + bare
                ids = [e for e in self.linker.lexicon.resolve(bare) if self.linker.type_of(e) == "country"]
                if ids or adj in self.linker.adjectives:
                    countries.append(ids[0] if ids else self.linker.adjectives[adj])
                    break
        found = offices or orgs or countries
        return found[0] if found else None
