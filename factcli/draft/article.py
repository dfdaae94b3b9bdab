"""Drafting an article: the source record, and the walk over its clauses that reads each
into candidate claims (`draft_article`)."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ..analyze import (
    ARTICLE,
    CLITICS_RE,
    CONJUNCTION_RE,
    CONJUNCTIONS,
    PREPOSITION_RE,
    PREPOSITIONS,
    clitic_cuts,
    name_forms,
    strip_clitic,
)
from ..datespan import DateSpan
from ..errors import InputError
from ..link import Linker
from ..normalize import normalize
from .attribution import _Account
from .base import (
    _after_conjunction,
    _conjunction,
    _object_types,
    _quote_open_after,
    _strip_trailing,
    _told_done,
)
from .cues import (
    _ANAPHORA,
    _DEMONSTRATIVES,
    _DENIALS,
    _MODEL_NOUNS,
    _OPENERS,
    _SAME_BEFORE,
    _SAME_WORDS,
    _SUPPLY_WORK,
    _THAT,
    _WEAPON_HEADS,
    AS_OF_PREDICATES,
    DEAL_PREDICATES,
    MEETING_PREDICATES,
    ROLES,
    SPEECH_PREDICATES,
    STATIC_PREDICATES,
    SYMMETRIC,
    TALKS_NEUTRAL,
    weapon_kind_class,
)
from .dating import a_year_before, find_dates, nearest_date
from .deals import _DEAL_OBJECT, _DEAL_PARTY_SIGNED, _DEAL_SUBJECT, _Deals
from .english import ascii_folded, consonants
from .names import Mention, _media, find_mentions
from .proposals import _MADE, _company_noun
from .published import detect_published
from .reading import _Reading
from .roles import _Roles
from .spans import Clause, _trim, clauses, wrapped_lines
from .statement import draft_statement
from .titles import _Titles
from .topics import _SIDES_TOPIC, _Topics

# Institution nouns written in the dual for two states' bodies at once («وزارتا», «وزارتي»).
_DUAL_NOUN = re.compile(f"{CONJUNCTION_RE}(وزار|حكوم|رئاس)ت[يا]")
# Talks and meetings told by a noun or a verb of talking («محادثات», «مباحثات», «اجتماعات»,
# «بحث», «تباحث», «ناقش»): held «مع» a person, they are a meeting of the two.
_TALKS = re.compile(f"^(?:{CONJUNCTION_RE}س?[يتن]|{CLITICS_RE})(?:محادث|مباحث|اجتماع|بحث|تباحث|ناقش)")
_WITH = {"مع", "ومع"}
# How far «مع» may stand from the word of talking (its holder and a clause about him between:
# «وبحث الأمير ... الذي يزور موسكو حاليا مع ...»), and the person from «مع» (a title of a
# few words between: «مع وزير الحرس الوطني السعودي عبد الله ...»).
_TALKS_REACH = 10
# «بحضور» (in the presence of): a verbal noun whose agent follows it.
_IN_PRESENCE = re.compile(f"^{CONJUNCTION_RE}بحضور$")
_PARTNER_REACH = 8
# Talks still to come: a verb in the future («سيبحث», «سيجري محادثات») or «من المقرر», «سوف»
# just before the word of talking; else the meeting is told as held.
_FUTURE_TALKS = re.compile(f"^{CONJUNCTION_RE}(?:سي|ست|سن)[^\\s]{{2,}}$|^(?:المقرر|سوف|يعتزم|تعتزم)$")

_ARABIC = re.compile(r"[\u0621-\u064a]")


def _squeezed(sound: str) -> str:
    """A name's consonants with a letter written twice once ("dlkllr": "dlklr")."""
    return re.sub(r"(.)\1+", r"\1", sound)


def _sounds_alike(a: str, b: str) -> bool:
    """Two names' consonants the same, or, for names of five or more, all but one letter
    («إنترفاكس» "ntrfksfn" and "Interfax-AVN" "ntrfkfn")."""
    if not a or not b:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


# --------------------------------------------------------------------------------------
# Drafting


@dataclass
class Draft:
    """The outcome: a source record, candidate entities, candidate claims (plain dicts)."""

    source: dict[str, Any]
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    # The store's entities the article names (headline included), in the order first named,
    # whether or not a candidate uses them: what a reviewer checks the article is about.
    mentioned: list[str] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [self.source, *self.entities, *self.claims]


def draft_article(
    text: str,
    entities: list[dict[str, Any]],
    *,
    published: DateSpan | None = None,
    outlet: str | None = None,
    url: str | None = None,
    credited: list[str] | None = None,
    source_id: str | None = None,
    known_sources: list[dict[str, Any]] | None = None,
) -> Draft:
    """Draft the records of one article; raise InputError when it has no usable date."""
    if not isinstance(text, str) or not text.strip():
        raise InputError("the article is empty")
    known_sources = known_sources or []
    note = None
    if published is None:
        found = detect_published(text)
        if found is None:
            raise InputError(
                "no publication date found in the article's dateline; give --published "
                "(a date, or START..END when the article is only bounded)"
            )
        published, where = found
        note = f"published date read from the dateline ({where}: {published.text!r}); check it"
    linker = Linker.of(entities)
    source = _source_record(text, published, note, outlet, url, credited, source_id, known_sources)
    drafter = _Drafter(text, linker, published, source["id"])
    drafter.credit(list(credited or []))
    drafter._outlet_entity(outlet)
    drafter.byline()
    drafter.masthead_staff()
    drafter.agency_letters()
    drafter.known_bodies()
    drafter.known_weapons()
    drafter.page_credits()
    drafter.mastheads()
    drafter.run()
    drafter.post_signatures()
    drafter.bare_full_names()
    drafter.credited_in_english()
    drafter.credited_by_latin_name(list(credited or []))
    drafter.weapon_kind_names()
    drafter.deal_worth_names()
    drafter.areas_covered()
    names = {e["id"]: e.get("name") or e["id"] for e in [*entities, *drafter.new_entities]}
    for claim in drafter.claims:
        # A proposal for the reviewer: `statement` itself stays empty until a person confirms it.
        claim["draft"]["statement"] = draft_statement(claim, names)
    new = {e["id"] for e in drafter.new_entities}
    mentioned = [eid for eid in drafter.mentioned if eid not in new]
    return Draft(source, drafter.new_entities, drafter.claims, mentioned)


def _announced_signing(keys: list[str], at: tuple[int, int], predicate: str) -> str | None:
    """The other act of an announced signing: "announced" for a signing's verbal noun after a
    verb of announcing in the clause (no «أن» between them), "signed" for an announcement
    whose «عن» a signing's verbal noun follows; None for any other act."""
    if predicate == "signed" and _SIGNING_NOUN.match(keys[at[0]]):
        for k in range(at[0] - 1, max(-1, at[0] - 8), -1):
            if keys[k] in _THAT:
                return None
            if _ANNOUNCING.match(keys[k]):
                return "announced"
    if predicate == "announced" and at[1] < len(keys) and _SIGNING_NOUN.match(keys[at[1]]):
        return "signed"
    return None


def _source_record(text, published, note, outlet, url, credited, source_id, known_sources) -> dict[str, Any]:
    from ..schema import sha256

    digest = sha256(text)
    for known in known_sources:
        if known.get("sha256") == digest:
            return dict(known)  # already stored: importing it again leaves it unchanged
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:120]
    taken = {s.get("id") for s in known_sources}
    if source_id is not None:
        from ..schema import MAX_ID, SLUG

        if not SLUG.match(source_id):
            raise InputError(
                f"--id {source_id!r}: must be a lower-case slug (letters, digits, . _ -) "
                f"of at most {MAX_ID} characters"
            )
        if source_id in taken:
            raise InputError(f"--id {source_id!r}: the store already has a source with that id")
    else:
        slug = (
            re.sub(r"[^a-z0-9]+", "-", (outlet or "unknown").lower()).strip("-")[:24].strip("-") or "source"
        )
        base = f"{slug}-{published.start.isoformat()}"
        source_id, k = base, 2
        while source_id in taken:
            source_id, k = f"{base}-{k}", k + 1
    return {
        "id": source_id,
        "title": title,
        "outlet": outlet or "unknown",
        "credited": list(credited or []),
        "language": "ar",
        "url": url,
        "published": published.to_dict(),
        "note": note,
        "sha256": digest,
        "text": text,
    }


# Auxiliaries of the passive before a verbal noun ("تم توقيعه", "جرى توقيع"): no named agent.
_PASSIVE = {"تم", "جري", "يتم", "سيتم"}
# A handover told from one side, and the other side's act: received from (من) someone, who
# delivered it.
_HANDOVER_SIDES = {"received": "delivered"}
# The cue of a deal's items read from the weapons after its noun (no verb of trade tells them).
_GOODS_AFTER_NOUN = "predicate:the weapons named after the deal's noun (it covers them)"
# "His, her, their, our country": the state of whoever the sentence has named.
_OWN_COUNTRY = re.compile(f"^{CONJUNCTION_RE}{PREPOSITION_RE}" + r"بلاد(?:ه|ها|هم|هما)$")


# An announced signing («أعلنت عمان توقيع اتفاقية»، «أعلنت قطر عن إبرام صفقة»، «أكدت مصر
# توقيعها»): the verb of announcing (a conjunction on it) and the signing's verbal noun (a
# preposition on it, its pronoun after it); «أن» between them makes the signing a report.
_ANNOUNCING = re.compile(f"^{CONJUNCTION_RE}(?:اعلن|اكد)")
_SIGNING_NOUN = re.compile(f"^{CLITICS_RE}(?:توقيع|ابرام)")

# The words between a state's adjective and the model it qualifies («مقاتلة أمريكية من طراز
# إف-35»); «روسية الصنع» (made by the state of the adjective before it) is proposals' _MADE.
_MODEL_WORDS = {"من", "طراز", "نوع"}


def _cut_forms(key: str) -> set[str]:
    """A word with its proclitics cut off every way `analyze.name_forms` cuts them, and once
    more after a conjunction (وللطائرات: للطائرات, then الطائرات)."""
    return {form for cut in name_forms(key) for form in name_forms(cut)}


def _refers_to_model(keys: list[str]) -> bool:
    """Whether a clause refers back to a weapon named before: a demonstrative before a
    weapon's kind noun or «الطراز» ("من هذا الطراز", "لهذه الطائرات", "هذه المقاتلات"), or
    the same model ("من الطراز عينه", "نفس الطراز")."""
    for k in range(len(keys) - 1):
        word, nxt = keys[k], keys[k + 1]
        noun = nxt in _MODEL_NOUNS or (nxt.startswith("ال") and nxt[2:] in _WEAPON_HEADS)
        if noun and _cut_forms(word) & _DEMONSTRATIVES:
            return True
        if word in _MODEL_NOUNS and nxt in _SAME_WORDS:
            return True
        if nxt in _MODEL_NOUNS and _cut_forms(word) & _SAME_BEFORE:
            return True
    return False


def _definite_weapon(keys: list[str], named: set[int]) -> bool:
    """Whether a clause names a weapon by its kind, definite ("المروحيات", "الطائرات"),
    outside any name: the story's weapon referred back to."""
    return any(
        k not in named and any(f.startswith("ال") and f[2:] in _WEAPON_HEADS for f in _cut_forms(key))
        for k, key in enumerate(keys)
    )


def _definite_kind(keys: list[str], named: set[int], end: int | None = None) -> str | None:
    """The kind of the first weapon a clause names by its kind noun, definite, outside any
    name («وصُنعت الطائرات»: aircraft; «لتسليم الغواصتين»: submarine), before word `end`
    when given."""
    for k, key in enumerate(keys[:end]):
        if k in named:
            continue
        for f in _cut_forms(key):
            if f.startswith("ال") and (kind := weapon_kind_class(f)):
                return kind
    return None


_OF = PREPOSITIONS[1]  # «ل»: of, for (the analyzer's preposition)


# A deal's terms: a fact about the agreement whatever the tense they are told in.
_DEAL_TERMS = {"contract_value"}
# What a deal covers, told as what follows «under it» («ستتزود بموجبها بغداد بأسلحة»، «بموجب
# هذه الصفقة سيحصل العراق على دبابات»): its terms, a fact once the deal is told; the future
# is the tense of the handover the terms arrange.
_DEAL_ITEMS = {"includes", "covers_area"}
_UNDER = "بموجب"
_UNDER_REACH = 3


def _of_company(key: str) -> bool:
    """A company's noun after the preposition «ل» («لشركة», «للشركة»), the clitic read by
    the analyzer: a model «لشركة داسو» is that company's."""
    return any(
        cut != 0 and (_OF if cut == -1 else key[:cut]) == _OF and _company_noun(strip_clitic(key, cut))
        for cut in clitic_cuts(key)
    )


def _refers_back(keys: list[str]) -> bool:
    """The clause opens on a pronoun for what was told before, no noun after it: «ويأتي هذا
    في إطار»، «وهذا يعزز»، «وهو ما يمثل» (not «وتأتي هذه الخطوات», which names what it is)."""
    for i, key in enumerate(keys[:2]):
        after = keys[i + 1] if i + 1 < len(keys) else ""
        bare = {strip_clitic(key, cut) for cut in clitic_cuts(key)}
        if bare & _DEMONSTRATIVES and not after.startswith(ARTICLE):
            return True
        if "هو" in bare and after == "ما":
            return True
    return False


def _first_person(key: str) -> bool:
    """A past verb in the first person ("التقيت", "وقعنا", "ناقشنا"), a conjunction cut off;
    in quotation marks with a speaker, the speaker is its subject."""
    bare = key[1:] if key[:1] in CONJUNCTIONS and len(key) > 4 else key
    return len(bare) >= 4 and (bare.endswith("نا") or bare.endswith("ت"))


# What a title phrase tells («وزير الدفاع الروسي أندريه بيلوسوف»): no credit closing the
# sentence is carried onto it.
_TITLE_PREDICATES = {"holds_position", "held_position", "office_in"}


# Lines at the top that end as no sentence does, of at most this many words, are the page's
# headline, tagline, breadcrumbs, byline or standfirst: they restate the body or are no part of it.
_HEADLINE_WORDS = 25
_TOP_LINES = 8


def _after(clause: Clause, at: int) -> Clause:
    """The clause without its words before offset `at`."""
    words = [w for w in clause.words if w.start >= at]
    start = words[0].start if words else clause.end
    return dataclasses.replace(clause, start=max(clause.start, start), words=words)


def _a_title_line(text: str) -> bool:
    """A line that ends as no sentence does (. ! ؟ or a closing quotation mark after one)
    and runs short: a headline's, a label's, a count's."""
    return not re.search(r"(?<!\.)[.!؟?][»”\")]*$", text) and len(text.split()) <= _HEADLINE_WORDS


def _headlines(lines: list[str], wrapped: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """The paragraphs at the top that are no part of the body: each line before the first
    that ends as a sentence does (. ! ؟ or a closing quotation mark after one) or runs
    long, among the first few; none when the article is one line (an excerpt that starts
    with its first paragraph keeps it)."""
    if len([ln for ln in lines if ln.strip()]) < 2:
        return set()
    out: set[int] = set()
    for n, line in enumerate(lines[:_TOP_LINES]):
        text = line.strip()
        if not text:
            continue
        if not _a_title_line(text):
            break
        if n in wrapped:
            break  # a hard-wrapped line: the body's first sentence runs on from it
        out.add(n)
    return out | _repeated_above(lines)


# A paragraph of fewer words than this is a title's or a label's; two such lines may be
# alike without one copying the other.
_REPEAT_WORDS = 6
# A paragraph at the top is printed again when a later paragraph has this share of the
# shorter one's words, in their order, within a stretch half as long again as the lead (a
# word or a clause added: «وقع الوزير نظيره» above, «وقع الوزير مع نظيره ... من أجل ...» in
# the body). A shorter paragraph than `_REPEAT_LONG` words is a copy only with all its
# words: one word other in a short sentence is other news («... طائرات رافال» against
# «... طائرات ميغ»).
_REPEAT_SHARE = 0.8
_REPEAT_LONG = 20
_REPEAT_STRETCH = 1.5
# Two words are one word printed again when their letters are this much alike (a letter
# changed, a conjunction added: «ستوقع» and «سيوقع», «وفرنسا» and «فرنسا»).
_REPEAT_LETTERS = 0.8
# The lead's copy opens the body: it is the headline printed again or among this many
# paragraphs after the lead, the title lines between them (a view count, the headline
# again) not counted.
_REPEAT_NEAR = 2


def _alike(word: str, other: str) -> bool:
    return word == other or difflib.SequenceMatcher(None, word, other).ratio() >= _REPEAT_LETTERS


def _prints_again(mine: list[str], later: list[str]) -> bool:
    """`later` opens with `mine`, word for word or reworded a little: of the shorter of
    the two, the share its length asks for (`_REPEAT_LONG`) is found in the other, in
    order, within the first stretch of `later` (measured on words, so that a preposition
    added or a clause dropped weighs as one word, not as its letters; a word whose letters
    differ a little counts as the same)."""
    stretch = later[: int(len(mine) * _REPEAT_STRETCH) + 1]
    if stretch[: len(mine)] == mine:
        return True
    # each word of the stretch read as the lead's word it nearly spells
    read = [next((w for w in mine if _alike(w, word)), word) for word in stretch]
    blocks = difflib.SequenceMatcher(None, mine, read, autojunk=False).get_matching_blocks()
    shorter = min(len(mine), len(later))
    share = _REPEAT_SHARE if shorter >= _REPEAT_LONG else 1.0
    return sum(b.size for b in blocks) >= share * shorter


def _repeated_above(lines: list[str]) -> set[int]:
    """The paragraphs at the top that the body prints again: a page's lead printed above
    its date line and again where the body opens, the headline printed twice, or a
    standfirst or teaser that the paragraph after it opens with, the same or reworded a little
    (`_prints_again`). The body's copy is the article's; the one above it is furniture (a
    claim citing it would cite the same words twice). A paragraph printed twice, reworded
    and no longer the second time, is the page's slip: its first print is the one read,
    the second dropped. The title lines between the two copies (a view count, a clip's
    length, the headline again) are the page's furniture; the copy is looked for only
    among the first paragraphs after the lead (`_REPEAT_NEAR`), so that a paragraph far
    down that restates the lead, and the short lines above it, stay the body's."""
    words = [re.findall(r"\w+", normalize(line)) for line in lines]
    out: set[int] = set()
    for lead in range(min(_TOP_LINES, len(lines))):
        mine = words[lead]
        if len(mine) < _REPEAT_WORDS:
            continue
        near: list[int] = []  # the lines after the lead up to its `_REPEAT_NEAR`th sentence
        for m in range(lead + 1, len(lines)):
            if lines[m].strip():
                near.append(m)
            if len([k for k in near if not _a_title_line(lines[k].strip())]) == _REPEAT_NEAR:
                break
        again = next((m for m in near if _prints_again(mine, words[m])), None)
        if again is None:
            continue
        later = words[again]
        fuller = later[: len(mine)] == mine or len(later) > len(mine)
        out.add(lead if fuller else again)
        out.update(m for m in range(lead + 1, again) if _a_title_line(lines[m].strip()))
    return out


class _Drafter(_Roles, _Reading, _Titles, _Deals, _Topics):
    """The walk over an article's clauses, each read into candidate claims."""

    def __init__(self, text: str, linker: Linker, anchor: DateSpan, source_id: str) -> None:
        self.text = text
        self.linker = linker
        self.media = _media(linker)
        self.anchor = anchor
        self.source_id = source_id
        self.claims = []
        self._credited_medium: str | None = None
        self._credited_latin: list[str] = []  # the credited names given in English alone
        self._all_named: set[int] = set()
        self._sentence_states: list[tuple[int, str]] = []  # (offset, country) named in the sentence
        self.mentioned: dict[str, None] = {}  # ordered: first named first
        self._models_seen: dict[str, None] = {}  # weapon models named so far, in order
        self._made_told: set[tuple[str, str]] = set()  # (state, weapon) told made by the state
        self._named_weapons: list[str] = []  # weapons named by a name (not a kind), last last
        self._weapon_kinds: dict[str, set[str]] = {}  # a named weapon's kinds, from the nouns before it
        self._start_attribution()
        self._start_roles()
        self._start_proposals()
        self._start_titles()
        self._start_deals()

    def credit(self, credited: list[str]) -> None:
        """`--credited`: each agency or paper the article credits is a medium (a name of the
        store, else a new organization), so that where the text credits it ("بحسب ...",
        "نقلت ... عن") it is the `via` of that account, not a speaker or a party. It is not
        the via of every sentence: an article credits a paper for some of what it says."""
        for name in credited:
            eid = self._credited_entity(name)
            if eid is not None:
                self.media.add(eid)
                self._credited_medium = eid if len(credited) == 1 else None
        self._credited_latin = [n.strip() for n in credited if n.strip() and not _ARABIC.search(n)]

    def credited_in_english(self) -> None:
        """A medium the text names in Arabic letters alone («موقع "ديلي كولار"»), proposed
        with a romanized name, that the article credits in English ("Daily Caller"): the
        credit spells it (the same consonants), and is its English name."""
        for latin in self._credited_latin:
            sound = _squeezed(consonants(latin))
            same = [
                e
                for e in self.new_entities
                if e["type"] == "organization"
                and e.get("name") != latin
                and not any(str(a).isascii() for a in e.get("aliases") or [])
                and _sounds_alike(_squeezed(consonants(str(e.get("name_ar") or ""))), sound)
            ]
            if len(same) == 1:
                same[0]["name"] = latin
                if (folded := ascii_folded(latin)) is not None:
                    same[0]["aliases"] = [*same[0].get("aliases", []), folded]

    def _bracketed_agency(self, name: str) -> str | None:
        """A dateline's bracketed agency («(إفي)»): one the store or the credits know, else
        the agency credited in English alone ("EFE") when the bracket spells it (the same
        consonants): that agency, with its Arabic spelling, is the article's medium."""
        known = super()._bracketed_agency(name)
        if known is not None or not _ARABIC.search(name):
            return known
        sound = consonants(name)
        same = [n for n in self._credited_latin if sound and consonants(n) == sound]
        if len(same) != 1:
            return None
        eid = self._credited_entity(f"{same[0]} ({name})")
        if eid is not None:
            self.media.add(eid)
        return eid

    # -- the walk ---------------------------------------------------------------------

    def run(self) -> None:
        text = self.text
        self._propose_states()
        self.article_via = self._dateline_credit()
        account = _Account()
        prev_sentence = -1
        last_meeting_date: DateSpan | None = None
        sentence_date: DateSpan | None = None
        quote_open = False
        first_body_sentence = None
        told_in_sentence: list[dict] = []  # the candidates of the sentence so far
        lines = text.splitlines()
        headlines = _headlines(lines, wrapped_lines(text))
        all_clauses = clauses(text)
        for c in all_clauses:
            self._sentence_keys.setdefault(c.sentence, []).extend(w.key for w in c.words)
        if self.article_via is None:
            self.article_via = self._first_sentence_credit(all_clauses, headlines)
        self._last_medium = self.article_via or self._credited_medium
        for clause in all_clauses:
            if clause.paragraph in headlines:
                mentions = find_mentions(self.linker, text, clause.words)
                if self._title_entities(clause, mentions):
                    # a caption's people («الرئيس ... وولي العهد الأمير محمد بن سلمان»)
                    mentions = find_mentions(self.linker, text, clause.words)
                if self._headline_institutions(clause, mentions):
                    mentions = find_mentions(self.linker, text, clause.words)
                self._named_here(mentions)
                continue  # the headline restates the body; claims cite the body
            if self.byline_span is not None and clause.start < self.byline_span[1]:
                clause = _after(clause, self.byline_span[1])  # "ابوظبي - سيف اليزيد - بحث ..."
                if not clause.words:
                    continue
            keys = [w.key for w in clause.words]
            mentions = find_mentions(self.linker, text, clause.words)
            if self._candidate_entities(clause, mentions):
                mentions = find_mentions(self.linker, text, clause.words)  # link the new names too
            if self._title_entities(clause, mentions):
                mentions = find_mentions(self.linker, text, clause.words)
            if self._clause_topics(clause, mentions):
                mentions = find_mentions(self.linker, text, clause.words)
            if self._ceremonies(clause, mentions):
                mentions = find_mentions(self.linker, text, clause.words)
            self._named_here(mentions)
            mentions = self._with_holders(mentions)
            if clause.sentence != prev_sentence:
                self._sentence_states = []
                # A new sentence: does it go on with the account before it?
                continues = any(
                    (p.find(keys, 0, min(len(keys), len(p.parts) + 1)) or (1, 1))[0] == 0 for p in _OPENERS
                )
                if not (continues or quote_open):
                    account = _Account(speaker_via=account.speaker_via)
                sentence_date = None
                self._in_sentence = []
                told_in_sentence = []
                if first_body_sentence is None and clause.paragraph > 0 and len(clause.words) > 8:
                    first_body_sentence = clause.sentence
                prev_sentence = clause.sentence
            mentions = self._own_country(clause, mentions)
            self._sentence_states += [
                (clause.words[m.first].start, m.ids[0])
                for m in mentions
                if self.linker.type_of(m.ids[0]) == "country"
            ]
            via_before = account.via
            credited = self._attribution(
                clause, keys, mentions, account, first_body_sentence, told_before=bool(told_in_sentence)
            )
            self._narration_leaves_credit(clause, account)
            if credited is not None and (credited.first <= 2 or self.credit_closes):
                # "وقعت مصر عقدا ...، وفق وكالة رويترز.", «...، وفق ما أعلنت الوزارة»: a
                # credit closing its sentence is the via of what the sentence told before it, too.
                for told in told_in_sentence:
                    if told["predicate"] in _TITLE_PREDICATES:
                        continue  # a title is the article's own naming, credited to no one
                    if told["via"] is None or told["via"] == self.article_via:
                        told["via"] = credited.ids[0]
            # Every name's words, a medium's too: no cue fires inside a name ("وكالة التعاون ...").
            self._all_named = {k for m in mentions if not m.weak for k in range(m.first, m.last)}
            roles = [m for m in mentions if not (m.ids[0] in self.media or m is credited)]
            masked = {k for m in mentions if not m.weak for k in range(m.first, m.last)}
            dates = find_dates(text, clause.words, self.anchor, masked)
            segment = text[clause.start : clause.end]
            self._quoted = quote_open or any(q in segment for q in '«“"')
            made = self._claims_of(clause, keys, roles, account, dates, sentence_date, last_meeting_date)
            if self.credit_closes:
                # «...، حسبما أعلنت الرئاسة، وذلك خلال زيارة ...»: the credit covers what came
                # before it, not what the sentence or the next goes on to tell
                account.via = via_before
            self.claims.extend(made)
            told_in_sentence.extend(made)
            for claim in made:
                if claim["predicate"] in ("met", "phoned", "visited") and claim["date"]:
                    last_meeting_date = DateSpan.from_dict(claim["date"])
                if claim["predicate"] in ("met", "phoned") and claim["subject"]:
                    self._host = claim["subject"]
            for m in roles:
                if not m.weak and self._a_model(m.ids[0]):
                    self._models_seen.setdefault(m.ids[0], None)
                if not m.weak and self._named_weapon(m.ids[0]):
                    if m.ids[0] in self._named_weapons:
                        self._named_weapons.remove(m.ids[0])
                    self._named_weapons.append(m.ids[0])
                    # "طائرات إيه 29", "الغواصة (S-44)": the kind it is, from its noun before it
                    kinds = self._weapon_kinds.setdefault(m.ids[0], set())
                    for k in [*range(m.first, m.last), *range(m.first - 1, max(-1, m.first - 5), -1)]:
                        nouns = {kc for f in _cut_forms(keys[k]) if (kc := weapon_kind_class(f))}
                        kinds |= nouns
                        if nouns and k < m.first:
                            break  # the nearest noun before it
                if not m.weak:
                    self._recent.append(m.ids)
                    self._in_sentence.append(m.ids)
                    if self._governed(m, keys):
                        self._after_preposition.add(m.ids)
                    else:
                        self._after_preposition.discard(m.ids)
                for eid in m.ids[:1]:
                    if not m.weak and eid in self._owned_by_state:
                        # "حكومة كوريا الجنوبية": the state is named too
                        state = self.state_of[eid]
                        if state in self._countries_seen:
                            self._countries_seen.remove(state)
                        self._countries_seen.append(state)
                    if self.linker.type_of(eid) == "person" and not m.weak:
                        if eid in self._people_seen:
                            self._people_seen.remove(eid)
                        self._people_seen.append(eid)
                    if self.linker.type_of(eid) == "country":
                        if eid in self._countries_seen:
                            self._countries_seen.remove(eid)
                        self._countries_seen.append(eid)
            if dates and self._said_here is not None and dates[0][0] < self._said_here:
                # A date between the saying verb and what is said ("وقال السفير، السبت، ...")
                # is when it was said: the date of what follows in the sentence.
                sentence_date = dates[0][2]
            quote_open = _quote_open_after(text, clause)

    def areas_covered(self) -> None:
        """What an agreement «يشمل/يتضمن/يهدف إلى» is covers_area when it is an area or activity
        (a topic: «تبادل الخبرات»، «التدريب»), includes only when it is goods it supplies."""
        for c in self.claims:
            obj = c.get("object")
            if c["predicate"] != "includes" or not obj or self.linker.type_of(obj) != "topic":
                continue
            cues = ((self.linker.entities.get(obj) or {}).get("draft") or {}).get("cues") or [""]
            if not cues[0].startswith(_SIDES_TOPIC) and not self._supplied(c):
                # (the cooperation between the two sides an agreement «يهدف إلى تطوير»: what it
                # includes, as readers tell it)
                c["predicate"] = "covers_area"
                c["draft"]["cues"].append("predicate:an area the agreement covers, not goods it supplies")

    def _supplied(self, claim: dict) -> bool:
        """The claim's list of items tells goods built or supplied: a noun of building or
        supplying opens one of them («بناء مركز محاكاة، وحزمة دعم، وتوريد قطع غيار»)."""
        return any(
            strip_clitic(word, cut) in _SUPPLY_WORK
            for word in normalize(claim["citation"]["quote"]).split()
            for cut in clitic_cuts(word)
        )

    def _own_country(self, clause, mentions: list[Mention]) -> list[Mention]:
        """ "بلاده", "بلادها" ("his, her country"): the state named last before it in the
        sentence, by name or adjective ("أعلن مسؤول روسي أن بلاده وإيران وقعتا": Russia), read
        as a name of that state where it stands."""
        out = list(mentions)
        for i, w in enumerate(clause.words):
            if not _OWN_COUNTRY.match(w.key) or any(m.first <= i < m.last for m in mentions):
                continue
            before = [eid for at, eid in self._sentence_states if at < w.start]
            before += [
                m.ids[0]
                for m in sorted(mentions, key=lambda m: m.first)
                if m.last <= i and self.linker.type_of(m.ids[0]) == "country"
            ]
            if not before:
                # "وقال رئيس الوزراء بأن بلاده تحتاج ...": no state named in the sentence; the
                # state of the person named before it, else of the one who spoke last, by the
                # office his title holds in; else of the office its title words name.
                people = [
                    m.ids[0]
                    for m in sorted(mentions, key=lambda m: m.first)
                    if m.last <= i and not m.weak and self.linker.type_of(m.ids[0]) == "person"
                ]
                whose = [*people[-1:], *([self._last_speaker] if self._last_speaker else [])]
                state = next((st for p in whose if (st := self._person_state(p))), None)
                before = [state] if state else self._titled_state([w.key for w in clause.words[:i]])
            if before:
                out.append(Mention(w.start, w.end, i, i + 1, (before[-1],), self.text[w.start : w.end]))
        return out

    def _titled_state(self, keys: list[str]) -> list[str]:
        """The state of an office the story told («رئيس الوزراء الإثيوبي»), named again by its
        title's first two words alone («وقال رئيس الوزراء»): one state, or none."""
        said = " ".join(keys)
        states = {
            c["object"]
            for c in self.claims
            if c["predicate"] == "office_in"
            and self.linker.type_of(c["object"]) == "country"
            and len(
                title := normalize(
                    str(self.linker.entities.get(c["subject"], {}).get("name_ar") or "")
                ).split()
            )
            >= 2
            and f" {' '.join(title[:2])} " in f" {said} "
        }
        return list(states) if len(states) == 1 else []

    def _person_state(self, person: str) -> str | None:
        """The state a person serves, by the office his title gave him (`holds_position`,
        then that office's `office_in` a country), the last one told."""
        offices = {
            c["object"] for c in self.claims if c["predicate"] == "holds_position" and c["subject"] == person
        }
        states = [
            c["object"]
            for c in self.claims
            if c["predicate"] == "office_in"
            and c["subject"] in offices
            and self.linker.type_of(c["object"]) == "country"
        ]
        return states[-1] if states else None

    def _companies_of_states(self, clause, keys: list[str], mentions) -> list[dict]:
        """A company or agency named after its noun with a state's adjective after the name
        ("شركة داسو الفرنسية", "وكالة أنباء «يونهاب» الكورية الجنوبية", "شركة AVIC، العملاق
        الصيني"): `organization_of` that state, citing the name and the adjective."""
        out: list[dict] = []
        ordered = sorted(mentions, key=lambda m: m.first)
        for k, m in enumerate(ordered):
            org = m.ids[0]
            if m.weak or self.linker.type_of(org) != "organization" or org in self.media and not m.first:
                continue
            noun = next((j for j in range(max(0, m.first - 2), m.first + 1) if _company_noun(keys[j])), None)
            if noun is None:
                continue
            after = next((a for a in ordered[k + 1 :] if a.first >= m.last), None)
            if after is None or not after.weak or after.first - m.last > 2:
                continue
            state = after.ids[0]
            if self.linker.type_of(state) != "country":
                continue
            start = clause.words[noun].start
            out.append(
                self._claim(
                    org,
                    "organization_of",
                    state,
                    None,
                    None,
                    "affirmed",
                    "fact",
                    None,
                    self.article_via,
                    start,
                    after.end,
                    ["predicate:a company's noun, its name, its state's adjective"],
                    0.6,
                )  # fmt: skip
            )
        return out

    def _made_by_states(self, clause, keys: list[str], mentions) -> list[dict]:
        """A weapon qualified by the state that makes it: «روسية الصنع» ("Russian-made") after
        its noun or its model («طائرات مقاتلة روسية الصنع طراز ميغ-29», «طائرات رافال فرنسية
        الصنع»), or a state's adjective beside a model («مقاتلة أمريكية من طراز إف-35»،
        «مقاتلات "إف-35" الأمريكية»): `manufactures`, the state the subject, the model (else
        the weapon before the adjective) the object. A kind alone with a state's adjective
        («الأسلحة الروسية») is whose the weapons are as often as who made them: none."""
        out: list[dict] = []
        words = clause.words
        ordered = sorted(mentions, key=lambda m: m.first)
        weapons = [m for m in ordered if not m.weak and self.linker.type_of(m.ids[0]) == "weapon_system"]
        for adj in ordered:
            state = adj.ids[0]
            if not adj.weak or self.linker.type_of(state) != "country":
                continue
            made = adj.last < len(keys) and keys[adj.last] == _MADE
            end = adj.last + 1 if made else adj.last
            before = next((w for w in weapons if w.last == adj.first), None)
            after = next(
                (
                    w
                    for w in weapons
                    if end <= w.first <= end + 2 and all(k in _MODEL_WORDS for k in keys[end : w.first])
                ),
                None,
            )
            if after is not None and not self._named_weapon(after.ids[0]):
                after = None
            weapon = after or (before if made or (before and self._named_weapon(before.ids[0])) else None)
            if weapon is None:
                continue
            first = before.first if before is not None else max(0, adj.first - 1)
            last = max(weapon.last, end)
            cue = "predicate:a weapon made by a state (its adjective, «... الصنع»)"
            out += self._manufactured(state, weapon.ids[0], words[first].start, words[last - 1].end, cue)
        return out

    def _made_by_companies(self, clause, keys: list[str], mentions) -> list[dict]:
        """A model named with the company it is of, right after it: «طائرات "رافال" لشركة
        داسو», «طائرة رافال من شركة Dassault», «من صنع ايرباص», «من إنتاج ...»:
        `manufactures`, the company the subject, the model the object."""
        out: list[dict] = []
        words = clause.words
        ordered = sorted((m for m in mentions if not m.weak), key=lambda m: m.first)
        for k, w in enumerate(ordered):
            if not self._named_weapon(w.ids[0]):
                continue
            org = next((m for m in ordered[k + 1 :] if m.first >= w.last), None)
            if org is None or self.linker.type_of(org.ids[0]) != "organization" or org.first - w.last > 2:
                continue
            between = keys[w.last : org.first]
            of = (
                # «لشركة داسو» (the company's noun read into the name or not), «من شركة ...»
                (between in ([], ["من"]) and _of_company(keys[org.first]))
                or (len(between) == 1 and _of_company(between[0]))
                or between in (["من", "شركه"], ["من", "صنع"], ["من", "انتاج"], ["من", "تصنيع"])
                or (between == ["من"] and _company_noun(keys[org.first]))
            )
            if of:
                cue = "predicate:a model and the company it is of («لشركة», «من صنع»)"
                out += self._manufactured(
                    org.ids[0], w.ids[0], words[w.first].start, words[org.last - 1].end, cue
                )
        return out

    def _manufactured(self, maker: str, weapon: str, start: int, end: int, cue: str) -> list[dict]:
        """A `manufactures` candidate of `maker` and `weapon` over start:end, once per pair
        in the article (a state's adjective and a company may tell the same maker again)."""
        if (maker, weapon) in self._made_told:
            return []
        self._made_told.add((maker, weapon))
        return [
            self._claim(
                maker,
                "manufactures",
                weapon,
                None,
                None,
                "affirmed",
                "fact",
                None,
                self.article_via,
                start,
                end,
                [cue],
                0.5,
            )  # fmt: skip
        ]

    def _dual_signers(self, keys: list[str], cue: int, subjects: list[str]) -> list[str]:
        """The institutions of the states among `subjects` where a dual institution noun and
        its field are the verb's agent, within three words of it («وزارتا الدفاع ...»,
        «وزارتي الدفاع في البلدين»): each state's proposed institution of that noun and
        field; none unless every state has one."""
        for i in range(max(0, cue - 4), min(len(keys) - 1, cue + 4)):
            dual = _DUAL_NOUN.fullmatch(keys[i])
            if dual is None or not keys[i + 1].startswith("ال"):
                continue
            noun = dual.group(1)
            head = f"{noun}ه {keys[i + 1]}"
            states = list(dict.fromkeys(s for s in subjects if self.linker.type_of(s) == "country"))
            bodies = []
            for state in states:
                body = next(
                    (
                        str(e["id"])
                        for e in self.new_entities
                        if e.get("type") == "organization"
                        and (words := normalize(str(e.get("name_ar") or "")).split())
                        and " ".join(words[:2]) == head
                        and (
                            self.state_of.get(str(e["id"])) == state
                            or self.linker.adjectives.get(words[-1]) == state
                        )
                    ),
                    None,
                )
                if body is None:
                    return []
                bodies.append(body)
            return bodies if len(bodies) == 2 else []
        return []

    def _between(self, keys: list[str], mentions, at) -> list[str]:
        """The two parties named after بين past the verb ("بين وزارة الدفاع ... ووزارة ...")."""
        start = at[1] if at else 0
        k = next((j for j in range(start, len(keys)) if keys[j] == "بين"), None)
        if k is None:
            return []
        out = [
            m.ids[0]
            for m in sorted(mentions, key=lambda m: m.first)
            if not m.weak and m.first > k and self.linker.type_of(m.ids[0]) in ("country", "organization")
        ]
        return list(dict.fromkeys(out))[:2] if len(out) >= 2 else []

    def _signed_with(self, keys: list[str], mentions, at: tuple[int, int], subjects: list[str]) -> str | None:
        """The person a signing was done with: named after «مع» past the verb, his title
        between («مع نظيره الأوزبكستاني ...», «مع مدير إدارة ... بوزارة الدفاع ...»)."""
        j = next((k for k in range(at[1], min(len(keys), at[1] + _TALKS_REACH)) if keys[k] in _WITH), None)
        if j is None:
            return None
        partner = next(
            (
                m.ids[0]
                for m in sorted(mentions, key=lambda m: m.first)
                if not m.weak
                and j < m.first <= j + _PARTNER_REACH
                and self.linker.type_of(m.ids[0]) == "person"
            ),
            None,
        )
        return partner if partner not in subjects else None

    def _talks_with(self, keys: list[str], mentions, subjects: list[str]) -> tuple[str, str, str] | None:
        """«وبحث الوزير مع نظيره ...»، «بعد محادثات مع وزير الدفاع ...»: talks held with a
        person named after «مع» are a meeting of who held them (the person named last before
        «مع», else the clause's subject or its speaker: «وقال خلال محادثاته مع ...») with that
        person, and the meeting's modality (planned when told in the future); None for talks
        with no person."""
        cue = next((k for k, key in enumerate(keys) if _TALKS.match(key)), None)
        if cue is None:
            return None
        people = sorted(
            (m for m in mentions if not m.weak and m.ids and self.linker.type_of(m.ids[0]) == "person"),
            key=lambda m: m.first,
        )
        j = next((k for k in range(cue + 1, min(len(keys), cue + _TALKS_REACH)) if keys[k] in _WITH), None)
        if j is None:
            # "بحث قائد ... ، الإثنين 20 نوفمبر 2017، مع قائد القيادة ...، الفريق ...": «مع»
            # far from the verb, a title between it and the person
            j = next((m.first for m in people if m.first > cue and self._other_party(m, keys, ("مع",))), None)
            if j is None:
                return None
            j -= 1
        partner = next((m.ids[0] for m in people if j < m.first <= j + _PARTNER_REACH), None)
        before = [m.ids[0] for m in people if m.last <= j]
        holder = (
            before[-1] if before else next((s for s in subjects if self.linker.type_of(s) == "person"), None)
        )
        if partner is None or holder is None or holder == partner:
            return None
        future = any(_FUTURE_TALKS.match(keys[k]) for k in range(max(0, cue - 3), cue + 1))
        return holder, partner, "planned" if future else "fact"

    def _said_before(self, speaker: str, mentions, keys: list[str], cue: int) -> bool:
        """Whether the speaker is named before a saying's «أن» that comes before the cue at
        word `cue`: what follows «أن» is what the speaker told, not its own act — unless the
        speaker is named again after it ("قال متحدث باسم القوات الجوية إن القوات الجوية
        ستحصل ...": the body told of its own act)."""
        named = [m.last for m in mentions if not m.weak and speaker in m.ids and m.last <= cue]
        return bool(named) and any(keys[k] in _THAT for k in range(max(named), cue))

    def _a_model(self, eid: str) -> bool:
        """A weapon system named by a model with a number (Su-35, S-400)."""
        name = str(self.linker.entities.get(eid, {}).get("name") or "")
        return self.linker.type_of(eid) == "weapon_system" and re.search(r"[0-9]", name) is not None

    def _kind_only(self, eid: str) -> bool:
        """A weapon proposed by its kind noun alone ("مقاتلة", "طائرات"): no model, no qualifier."""
        entity = self.linker.entities.get(eid, {})
        arabic = str(entity.get("name_ar") or "")
        return (
            self.linker.type_of(eid) == "weapon_system"
            and eid in self._new_names.values()
            and self._by_kind(eid)
            and len(arabic.split()) == 1
            and not re.search(r"[0-9]", arabic)
        )

    def _by_kind(self, eid: str) -> bool:
        """A new weapon proposed from its kind's words ("مقاتلات", "الأسلحة الروسية")."""
        entity = self.linker.entities.get(eid, {})
        return ((entity.get("draft") or {}).get("cues") or [""])[0] == "a weapon named by its kind"

    def _named_weapon(self, eid: str) -> bool:
        """A weapon named by a name, not by its kind: a model with a number (Su-35), a new
        weapon named otherwise than by its kind's words («رافال» after «مقاتلات»), a store's
        weapon whose English name is a proper name (Kornet, not "machine guns")."""
        if self.linker.type_of(eid) != "weapon_system":
            return False
        if self._a_model(eid):
            return True
        entity = self.linker.entities.get(eid, {})
        if eid in self._new_names.values():
            return not self._by_kind(eid)
        return str(entity.get("name") or "")[:1].isupper()

    def _passive_agent(self, predicate, at: tuple[int, int], mentions, keys: list[str]) -> str | None:
        """The name after «من قبل», «بواسطة» or «على يد» past the verb (its noun of company
        or state between: «بواسطة شركة إمبراير»), of a kind the predicate's subject takes."""
        types = ROLES.get(predicate or "", (("country", "organization", "person"), ()))[0]
        for k in range(at[1], len(keys)):
            bare = _after_conjunction(keys[k])
            agent = bare == "بواسطه" or (
                k > 0 and ((keys[k - 1] == "من" and bare == "قبل") or (keys[k - 1] == "علي" and bare == "يد"))
            )
            if not agent:
                continue
            after = [m for m in mentions if not m.weak and k < m.first <= k + 2]
            for m in sorted(after, key=lambda m: m.first):
                if m.first == k + 2 and not _company_noun(keys[k + 1]):
                    continue
                eid = next((e for e in m.ids if self.linker.type_of(e) in types), None)
                if eid is None and m.first == k + 1 and "organization" in types:
                    # «بواسطة “سييرا نيفادا”»: a name no noun classed, right after the words of
                    # agency, is who did it; a new name of no kind there is a body (a maker)
                    new = [e for e in m.ids if e in self._new_names.values()]
                    if new and self.linker.type_of(new[0]) == "unclassified":
                        self.linker.entities[new[0]]["type"] = "organization"
                        eid = new[0]
                if eid is not None:
                    return eid
        return None

    def _kind_class(self, eid: str) -> str | None:
        """The kind a weapon proposed from its kind's words is of («طائرة مقاتلة متقدمة»:
        aircraft), from its head noun; None for another entity or a kind no class holds."""
        if self.linker.type_of(eid) != "weapon_system" or eid not in self._new_names.values():
            return None
        if not self._by_kind(eid):
            return None
        words = normalize(str(self.linker.entities.get(eid, {}).get("name_ar") or "")).split()
        return next((c for f in _cut_forms(words[0]) if (c := weapon_kind_class(f))), None) if words else None

    def _named_of_kind(self, eid: str) -> str | None:
        """The weapon named by its name that the story named last with the same kind as the
        weapon `eid` names by its kind's words; None when none is."""
        kind = self._kind_class(eid)
        if kind is None:
            return None
        return next((w for w in reversed(self._named_weapons) if kind in self._weapon_kinds.get(w, ())), None)

    def _kind_heads(self, mentions) -> set[str]:
        """The weapons of a clause named by their kind noun alone right before a weapon named
        by its name («الغواصة (S-44)», «مقاتلات “رافال”»): the model's noun, no weapon of
        their own there."""
        ordered = sorted((m for m in mentions if not m.weak), key=lambda m: m.first)
        return {
            a.ids[0]
            for a, b in zip(ordered, ordered[1:], strict=False)
            if b.first == a.last
            and (self._kind_only(a.ids[0]) or self._kind_class(a.ids[0]) is not None)
            and self._named_weapon(b.ids[0])
            and re.fullmatch(r"[\s«»\"“”()]*", self.text[a.end : b.start])
        }

    def _deal_goods(self, deal: str, mentions) -> list[str]:
        """The weapons a clause names after its deal's noun (all of the clause's when the
        deal is told elsewhere): a model rather than its kind when both are named."""
        at = next((m.first for m in mentions if deal in m.ids), -1)
        weapons = [
            m.ids[0]
            for m in sorted(mentions, key=lambda m: m.first)
            if not m.weak and m.first > at and self.linker.type_of(m.ids[0]) == "weapon_system"
        ]
        if len(self._models_seen) == 1 or len(self._named_weapons) == 1:
            # "تعاقدت على توريد أكثر من 20 مقاتلة" in a story of one model: that model
            model = next(iter(self._models_seen)) if len(self._models_seen) == 1 else self._named_weapons[0]
            weapons = [model if self._kind_only(w) else w for w in weapons]
        weapons = list(dict.fromkeys(weapons))
        named = [w for w in weapons if self._named_weapon(w)]
        return named or weapons

    def _named_here(self, mentions) -> None:
        """Every entity a name (not an adjective) links, for the draft's `mentioned`."""
        for m in mentions:
            if not m.weak:
                for eid in m.ids:
                    self.mentioned.setdefault(eid, None)

    # -- claims -----------------------------------------------------------------------

    def _claims_of(self, clause, keys, mentions, account, dates, sentence_date, meeting_date) -> list[dict]:
        made: list[dict] = []
        made += self._titles(clause, keys, mentions)
        made += self._companies_of_states(clause, keys, mentions)
        made += self._made_by_states(clause, keys, mentions)
        made += self._made_by_companies(clause, keys, mentions)
        named = {k for m in mentions if not m.weak for k in range(m.first, m.last)} | self._all_named
        found = self._predicates(keys, mentions, named)
        strong = [m for m in mentions if not m.weak]
        talks = self._talks_with(keys, mentions, [account.speaker] if account.speaker else [])
        if not found:
            if (len(strong) < 2 or made) and talks is None:
                return made  # names only, or names a title claim already covers
            found = [(None, None, None, None)]
        denial = next((p for p in _DENIALS if p.find(keys)), None)
        quote_start, quote_end = _trim(self.text, clause.start, clause.end)
        quote_end = _strip_trailing(self.text, quote_start, quote_end)
        for rank, (predicate, at, cue, value) in enumerate(found):
            cues = [f"predicate:{cue}"] if cue else ["predicate:none (names only)"]
            if value is not None:
                cues.append(f"value:{value['amount']:g} {value['unit']}")
            subjects, objects = self._roles(predicate, at, mentions, keys)
            if at is not None and (agent := self._passive_agent(predicate, at, mentions, keys)):
                # "وصُنعت الطائرات ... بواسطة شركة إمبراير", "صنعت من قبل شركة ...": the agent
                # of a passive verb is told after «من قبل», «بواسطة» or «على يد»
                subjects = [agent]
                cues.append("subject:the agent of a passive verb (من قبل، بواسطة)")
            if heads := self._kind_heads(mentions):
                # "تسلمت مصر الغواصة (S-44)": the kind's noun before a model names the model
                objects = [o for o in objects if o not in heads]
            if (
                predicate in DEAL_PREDICATES
                and at is not None
                and account.speaker is not None
                and subjects[:1] == [account.speaker]
                and self._said_before(account.speaker, mentions, keys, at[0])
            ):
                # "وأوضحت السفارة أن التوقيع جرى ...": who said it announced the act, it did
                # not sign: the act's own subject, else the deal's parties (below).
                subjects = subjects[1:]
                cues.append("subject:not the speaker, who only told of it (أن)")
            if predicate == "attends" and at is not None and _IN_PRESENCE.match(keys[at[0]]):
                # "ووقعت مصر العقد بحضور وزير الدفاع ...": who was present is named after «بحضور».
                present = [
                    m.ids[0]
                    for m in sorted(mentions, key=lambda m: m.first)
                    if not m.weak
                    and at[1] <= m.first <= at[1] + _PARTNER_REACH
                    and self.linker.type_of(m.ids[0]) in ("person", "organization", "country")
                ]
                if present:
                    subjects = present[:1]
                    cues.append("subject:who is present, named after «بحضور»")
            self._read_frame(clause, predicate, subjects, objects)
            items: list[str] = []
            if objects and (deal := self._deal_items(clause, predicate, at, objects, mentions)):
                # "العقد الذي يقتضي توريد ..."، "صفقة لبيع المغرب ...": the deal's items.
                predicate, subjects = "includes", [deal]
                objects = [o for o in objects if self.linker.type_of(o) in ROLES["includes"][1]] or objects
                cues.append("predicate:the items of the deal told before the verb")
            agreements = [x for x in [*subjects, *objects] if self.linker.type_of(x) == "agreement"]
            if predicate in _DEAL_SUBJECT and not agreements and (deal := self._the_deal(clause, mentions)):
                subjects = [deal]
                cues.append("subject:the deal the sentence tells of")
            elif (
                predicate == "described_as"
                and not agreements
                and _refers_back(keys)
                and (deal := self._last_agreement())
            ):
                # «ويأتي هذا في إطار ...»، «وهو ما يمثل تقدماً»: the deal just told, described.
                subjects = [deal]
                cues.append("subject:the deal told before, referred to by «هذا»")
            elif (
                predicate == "contract_value"
                and not subjects
                and (
                    priced := self._last_agreement()
                    or self._deal
                    or self._priced_trade(clause, found, mentions)
                )
            ):
                # "ستشتري إندونيسيا 11 طائرة ... تبلغ قيمتها 1.14 مليار دولار": a worth with no
                # deal named in the clause: the deal the story tells, else the trade it prices.
                subjects = [priced]
                cues.append("subject:the deal the story tells, or the trade the worth prices")
            elif (
                predicate in _DEAL_OBJECT
                and not agreements
                and (deal := self._the_deal(clause, mentions, sale=predicate == "approved_sale"))
            ):
                # "وافقت على بيع المغرب صواريخ ...": the sale approved, which includes the goods.
                items = [o for o in objects if self.linker.type_of(o) == "weapon_system"]
                objects = [deal]
                cues.append("object:the deal the sentence tells of")
            if (
                predicate == "signed"
                and at is not None
                and at[0] > 0
                and (keys[at[0] - 1][_conjunction(keys[at[0] - 1]) :] in _PASSIVE or not subjects)
                and objects
                and (parties := self.deal_parties.get(objects[0]))
            ):
                # "العقد ... تم توقيعه": signed, by no one the sentence names; by the deal's parties.
                subjects = [p for p in parties if self.linker.type_of(p) in ("country", "organization")]
                cues.append("subject:the parties of the deal signed (a passive verb)")
            dual = False
            if (
                predicate == "signed"
                and at is not None
                and (
                    bodies := self._dual_signers(
                        keys,
                        at[0],
                        [*subjects, *self.deal_parties.get(objects[0], [])][:4] if objects else subjects,
                    )
                )
            ):
                # "وقعت وزارتا الدفاع الأمريكية والإسرائيلية اتفاقية", "وزارتي الدفاع في البلدين
                # وقعتا": the two states' ministries signed, each for its state.
                subjects, dual = bodies, True
                cues.append("subject:the two states' institutions named at once (a dual)")
            if (
                not objects
                and "topic" in _object_types(predicate)
                and predicate
                and (topic := self._topic_of(clause, mentions, at[0] if at else 0))
            ):
                objects = [topic]
                cues.append("object:the cooperation or relations the clause names")
            if not objects and _object_types(predicate) and predicate:
                carried = self._sentence_object(predicate, subjects)
                if carried:
                    objects = [carried]
                    cues.append("object:named earlier in the sentence")
            if not subjects and predicate == "delivered" and self._seller is None and self._buyer:
                # "ومن المتوقع أن يتم تسليم ثلاث طائرات": a delivery whose supplier the story
                # never named is told from the buyer's side: the story's buyer receives.
                predicate, subjects = "received", [self._buyer]
                cues.append("predicate:a delivery with no supplier told (the story's buyer receives)")
            elif (
                not subjects
                and predicate == "delivered"
                and at is not None
                and any(_after_conjunction(k) in _PASSIVE for k in keys[max(0, at[0] - 3) : at[0]])
                and (
                    handed := [
                        p for p in self._parties if self.linker.type_of(p) in ("country", "organization")
                    ]
                )
            ):
                # "وتم إنجاز وتسليم الغواصتين للجانب الجزائري": handed over, by no one named,
                # to the one named: told from its side, it received them.
                predicate, subjects = "received", handed[:1]
                cues.append("predicate:a delivery in the passive, to the one named (it receives)")
            if not subjects and predicate:
                carry = self._carried(predicate)
                if carry:
                    subjects = [carry]
                    cues.append("subject:the seller of the story, or the last name of its kind before")
            if not objects and (goods := self._carried_goods(predicate)):
                objects = [goods]
                cues.append("object:the weapon the story's deal is for")
            if len(self._models_seen) == 1 or len(self._named_weapons) == 1:
                # "توريد أكثر من 20 مقاتلة" in a story of one model («سوخوي 35»): that model.
                model = (
                    next(iter(self._models_seen)) if len(self._models_seen) == 1 else self._named_weapons[0]
                )
                bare = [o for o in objects if self._kind_only(o)]
                if bare and model not in objects:
                    objects = [model if o in bare else o for o in objects]
                    objects = list(dict.fromkeys(objects))
                    cues.append("object:the one model the story names, for its kind")
                elif (
                    not objects
                    and self._named_weapons == [model]
                    and predicate
                    and "weapon_system" in _object_types(predicate)
                    and _definite_weapon(keys, self._all_named)
                ):
                    # "يذكر أن المروحيات صنعت من قبل شركة ...": the kind, definite, is the model.
                    objects = [model]
                    cues.append("object:the one model the story names, for its kind")
            # (a kind noun proposed as a weapon of its own names no weapon: «الغواصة»)
            by_name = {
                k
                for m in mentions
                if not m.weak and not self._kind_only(m.ids[0])
                for k in range(m.first, m.last)
            }
            kind = _definite_kind(keys, by_name)
            topic = _definite_kind(keys, by_name, at[0]) if at is not None else None
            if (
                predicate in ("described_as", "compared_to")
                and topic is not None
                and not any(self._named_weapon(m.ids[0]) for m in mentions if not m.weak)
                and (
                    described := next(
                        (w for w in reversed(self._named_weapons) if topic in self._weapon_kinds.get(w, ())),
                        None,
                    )
                )
            ):
                # "هذا النوع من الدبابات يعتبر الأحدث", "المقاتلات تتميز بقدرات": what is
                # described, told before the verb by its kind, is the weapon of that kind.
                subjects = [described]
                cues.append("subject:the weapon of that kind the story named last, for its definite noun")
            if (
                kind is not None
                and predicate
                and "weapon_system" in _object_types(predicate)
                and all(self._kind_only(o) for o in objects if self.linker.type_of(o) == "weapon_system")
                and not [
                    o for o in objects if self.linker.type_of(o) == "weapon_system" and not self._kind_only(o)
                ]
                and not any(self._named_weapon(m.ids[0]) for m in mentions if not m.weak)
                and (
                    same_kind := next(
                        (w for w in reversed(self._named_weapons) if kind in self._weapon_kinds.get(w, ())),
                        None,
                    )
                )
                and same_kind not in objects
            ):
                # "وصُنعت الطائرات في الولايات المتحدة", "لتسليم الغواصتين": the kind, definite,
                # is the weapon of that kind the story named last.
                kinds = [o for o in objects if self._kind_only(o)]
                objects = [same_kind, *(o for o in objects if o not in kinds)]
                cues.append("object:the weapon of that kind the story named last, for its definite noun")
            elif not any(self._named_weapon(m.ids[0]) for m in mentions if not m.weak):
                # "ستزود باكستان بسربين من المقاتلات المتقدمة" after «جي-10»: a weapon told by
                # its kind's phrase is the weapon of that kind the story named last.
                told = {o: self._named_of_kind(o) for o in objects}
                if any(told.values()):
                    objects = list(dict.fromkeys(told[o] or o for o in objects))
                    cues.append("object:the weapon of that kind the story named last, for its kind's phrase")
            if (
                self._named_weapons
                and _refers_to_model(keys)
                and not any(self._named_weapon(m.ids[0]) for m in mentions if not m.weak)
            ):
                # "بعد الصين التي تسلمت 24 طائرة من هذا الطراز", "وتستخدم السعودية هذه
                # المقاتلات": the weapon the story named last, not the kind's words.
                model = self._named_weapons[-1]
                kinds = [o for o in objects if self.linker.type_of(o) == "weapon_system"]
                if kinds:
                    objects = list(dict.fromkeys(model if o in kinds else o for o in objects))
                elif not objects and predicate and "weapon_system" in _object_types(predicate):
                    objects = [model]
                if kinds or objects == [model]:
                    cues.append("object:the weapon named before, for «هذا الطراز»")
            if predicate == "described_as":
                # "وتعتبر واحدة من أهم القواعد العسكرية الأمريكية": what is described is named
                # by a name or told before, never a state's adjective after the verb; with
                # nothing to describe, no description.
                adjectives = {e for m in mentions if m.weak for e in m.ids}
                by_name = {e for m in mentions if not m.weak for e in m.ids}
                subjects = [x for x in subjects if x not in adjectives or x in by_name]
                if not subjects:
                    continue
            self._story_roles(predicate, subjects, objects)
            negation = self._negation(keys, at)
            polarity = "affirmed"
            if negation is not None:
                polarity = "negated"
                cues.append(f"negation:{negation}")
            elif denial is not None and predicate not in (None, "denied"):
                polarity = "negated"
                cues.append(f"negation:{denial.text}")
            modality, mcue = self._modality(keys, None, named, at)
            if modality == "in_talks" and predicate in TALKS_NEUTRAL:
                modality, mcue = self._modality(keys, predicate, named, at)
            if predicate in _DEAL_TERMS and modality == "planned":
                # «صفقة ستبلغ قيمتها ...»: what a deal is worth is its term, told in the
                # future or not; whether the deal is still to come is its signing's modality
                modality, mcue = "fact", "a deal's term"
            elif (
                predicate in _DEAL_ITEMS
                and modality == "planned"
                and at is not None
                and any(
                    _after_conjunction(k).startswith(_UNDER)
                    for k in keys[max(0, at[0] - _UNDER_REACH) : at[1] + _UNDER_REACH]
                )
            ):
                modality, mcue = "fact", "a deal's items, told under it (بموجب)"
            if mcue:
                cues.append(f"modality:{mcue}")
            own_date = nearest_date(dates, at, keys)
            if predicate in STATIC_PREDICATES and own_date is not None and at is not None:
                # A state takes only a date phrase right after its cue ("لتدخل حيز التنفيذ في ...").
                own_date = next((d for a, b, d in dates if 0 <= a - at[1] <= 2), None)
            if predicate == "holds_position":
                own_date = None
            if own_date is not None:
                cues.append(f"date:{own_date.text}")
            elif predicate not in STATIC_PREDICATES and modality not in ("planned", "expected"):
                if sentence_date is not None:
                    own_date = sentence_date
                    cues.append("date:when it was said")
                elif meeting_date is not None and (
                    predicate in MEETING_PREDICATES or any(p.find(keys) for p in _ANAPHORA)
                ):
                    own_date = meeting_date
                    cues.append("date:the meeting, call or visit it refers to")
            elif predicate in AS_OF_PREDICATES:
                own_date = self.anchor
                cues.append("date:as of publication")
            if (
                own_date is not None
                and modality in ("planned", "expected")
                and own_date.end <= self.anchor.end
            ):
                # What is still to come is not dated by a day already past ("محادثاتنا الجارية اليوم").
                own_date = None
                cues.append("date:dropped (not after publication)")
            if modality == "fact" and own_date is not None and own_date.start > self.anchor.end:
                earlier = a_year_before(own_date) if at is not None and _told_done(keys[at[0]]) else None
                if earlier is not None:
                    # «وتعزز الصفقة التي أبرمت في آب» in April: a done act's month told
                    # without its year is the last one before publication
                    own_date = earlier
                    cues.append("date:a month without its year, of a done act: the last one")
                else:
                    modality = "planned"
                    cues.append("modality:dated after publication")
            speaker = account.speaker
            via = account.via if account.via is not None else self.article_via
            if self._statement_here is not None and speaker and self.linker.type_of(speaker) == "person":
                # «وقال الوزير في بيان إن ...»: a person's words given in a statement come
                # through it (a body that speaks in its statement is its own source)
                via = self._statement_here
            if self._said_here is not None and at is not None and at[0] < self._said_here:
                # Before what is said ("وقال شويغو، خلال لقائه العطية: ..."): the article's narration.
                speaker, via = None, self.article_via
            if (
                speaker is not None
                and at is not None
                and self._quoted
                and _first_person(keys[at[0]])
                # "إن السعودية وروسيا، وقعت": a subject named before the verb, in the third person
                and not any(not m.weak and m.last <= at[0] and m.ids[0] in subjects for m in mentions)
                # "وقعت مصر وفرنسا عقد ...": its subject named right after it, in the third person
                and not any(not m.weak and m.first == at[1] and m.ids[0] in subjects for m in mentions)
                and self.linker.type_of(speaker) == "person"
                and "person" in ROLES.get(predicate or "", ((),))[0]
            ):
                # "“التقيت معالي وزير الدفاع ...”", "“وقعت اليوم مع ...”": the speaker's own act.
                others = [x for x in [*subjects, *objects] if x != speaker]
                subjects = [speaker]
                if predicate in SYMMETRIC and not [o for o in objects if o != speaker]:
                    objects = [o for o in others if self.linker.type_of(o) == "person"][:1]
                objects = [o for o in objects if o != speaker]
                cues.append("subject:the speaker (a verb in the first person, in quotation marks)")
            if speaker is None and predicate in SPEECH_PREDICATES and subjects:
                speaker = subjects[0]

            def claim(
                subject: str | None,
                predicate: str | None,
                obj: str | None,
                why: list[str],
                confidence: float,
                value: dict | None = None,
                date: Any = own_date,
                modality: str = modality,
                polarity: str = polarity,
                speaker: str | None = speaker,
                via: str | None = via,
            ) -> dict:
                """A candidate of this clause: its quote, polarity, speaker and via (bound
                here, as the clause has them)."""
                return self._claim(
                    subject, predicate, obj, value, date, polarity, modality, speaker, via,
                    quote_start, quote_end, why, confidence,
                )  # fmt: skip

            subject_options: list[str | None] = [*subjects] or [None]
            object_options: list[str | None] = [*objects] or [None]
            if predicate is None and talks is not None:
                subject_options = []  # talks with a person and no other act: the meeting alone
            for subject in subject_options:
                for obj in object_options:
                    if subject is not None and subject == obj:
                        continue
                    filled = (
                        (subject is not None)
                        + (predicate is not None)
                        + (obj is not None or not _object_types(predicate))
                    )
                    confidence = round(0.15 + 0.25 * filled - 0.1 * rank, 2)
                    made.append(
                        claim(
                            subject,
                            predicate,
                            obj,
                            cues,
                            max(0.1, min(confidence, 0.9)),
                            value=value,
                        )
                    )
            if (
                predicate == "signed"
                and objects
                and self.linker.type_of(objects[0]) == "agreement"
                and not dual
            ):
                # "وقّع الوزيران مذكرة تفاهم بين وزارة ... ووزارة ...": the parties between whom
                # it is signed sign it too.
                # "وقعت أستراليا عقدا مع فرنسا": who it is signed with (مع) signs it too, a
                # party of the signer's kind (a state or company with a state or company, a
                # minister with a minister).
                with_party = [
                    p
                    for p in self._parties
                    if subjects
                    and (self.linker.type_of(p) == "person") == (self.linker.type_of(subjects[0]) == "person")
                    and p not in subjects
                ][:1]
                for party in [*self._between(keys, mentions, at), *with_party]:
                    if party in subjects or any(
                        c["subject"] == party and c["predicate"] == "signed" for c in made
                    ):
                        continue
                    made.append(
                        claim(
                            party,
                            predicate,
                            objects[0],
                            [*cues, "subject:a party the agreement is between (بين)"],
                            0.45,
                        )
                    )
                for party in self._deal_states(objects[0], [*subjects, *(c["subject"] for c in made)], keys):
                    made.append(claim(party, predicate, objects[0], [*cues, _DEAL_PARTY_SIGNED], 0.4))
            if (
                predicate == "signed"
                and at is not None
                and not dual
                and subjects
                and self.linker.type_of(subjects[0]) == "person"
                and (partner := self._signed_with(keys, mentions, at, subjects))
                and not any(c["subject"] == partner and c["predicate"] == "signed" for c in made)
            ):
                # "وقع وزير الدفاع الروسي ... مع نظيره الأوزبكستاني ... خطة": who it was signed
                # with, a person after «مع» (his title between), signed it too.
                made.append(
                    claim(
                        partner,
                        predicate,
                        objects[0] if objects else None,
                        [*cues, "subject:the person it was signed with (مع)"],
                        0.45,
                    )
                )
            if (
                predicate in ("signed", "announced")
                and at is not None
                and subjects
                and objects
                and self.linker.type_of(objects[0]) == "agreement"
                and (other := _announced_signing(keys, at, predicate))
                and not any(c["predicate"] == other and c["subject"] == subjects[0] for c in made)
            ):
                # "أعلنت سلطنة عمان توقيع اتفاقية ...": she signed it, and announced it.
                made.append(
                    claim(
                        subjects[0],
                        other,
                        objects[0],
                        [*cues, "predicate:a signing announced is announced and signed"],
                        0.45,
                    )
                )
            if (held := self._talks_with(keys, mentions, subjects)) or (
                talks is not None and (held := talks)
            ):
                # "وبحث الوزير مع نظيره السعودي ...": besides what was discussed, the two met.
                if not any(c["predicate"] == "met" and c["subject"] == held[0] for c in made):
                    made.append(
                        claim(
                            held[0],
                            "met",
                            held[1],
                            [*cues, "predicate:talks held with a person (مع) are a meeting"],
                            0.45,
                            value=None,
                            modality=held[2],
                        )
                    )
            for item in items if objects else []:
                made.append(
                    claim(
                        objects[0],
                        "includes",
                        item,
                        [*cues, "predicate:what the deal approved or signed covers"],
                        0.5,
                        date=None,
                    )
                )
            told_deal = objects[:1] if predicate in ("signed", "approved_sale") else subjects[:1]
            covering = (
                told_deal[0] if told_deal and self.linker.type_of(told_deal[0]) == "agreement" else None
            )
            if (
                covering is not None
                and not items
                and predicate in ("signed", "approved_sale", "contract_value")
            ):
                # "وقعت فيتنام عقدا مع روسيا لشراء فرقاطات من طراز ..."، "عقد توريد 30 مقاتلة
                # ... بقيمة ...": the weapons named after the deal's noun are what it covers.
                for item in self._deal_goods(covering, mentions):
                    if not any(c["predicate"] == "includes" and c["object"] == item for c in made):
                        made.append(
                            claim(
                                covering,
                                "includes",
                                item,
                                [*cues, _GOODS_AFTER_NOUN],
                                0.5,
                                date=None,
                            )
                        )
            sellers = [p for p in self._parties if self.linker.type_of(p) in ("country", "organization")]
            if predicate == "purchased" and sellers and objects:
                # "تنوي التعاقد مع كاتيك لشراء ...": who is bought from supplies it.
                for item in objects:
                    made.append(
                        claim(
                            sellers[0],
                            "supplies",
                            item,
                            [*cues, "predicate:the seller of a purchase supplies it"],
                            0.5,
                        )
                    )
            other_side = _HANDOVER_SIDES.get(predicate or "")
            if other_side and sellers and subjects and objects and sellers[0] not in subjects:
                # «تسلمت إندونيسيا مقاتلات رافال من فرنسا»: a handover has two sides; who it
                # was received from (من) delivered it.
                for item in objects:
                    made.append(
                        claim(
                            sellers[0],
                            other_side,
                            item,
                            [*cues, f"subject:the other side of the handover ({other_side})"],
                            0.45,
                        )
                    )
        # One candidate per statement: two cues of a clause may tell the same one (the deal's
        # items read from its noun and from its verb of trade).
        # The one told by its own verb is kept: its modality and date are the statement's.
        by_noun = _GOODS_AFTER_NOUN
        seen: set[tuple[Any, ...]] = set()
        once = []
        for c in sorted(made, key=lambda c: by_noun in c["draft"]["cues"]):
            key = (c["subject"], c["predicate"], c["object"], str(c.get("value")))
            if key not in seen:
                seen.add(key)
                once.append(c)
        return [c for c in made if any(c is o for o in once)]
