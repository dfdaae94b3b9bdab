"""Attribution: the speaker a saying verb names, the credit (via) of an account, and the
article's own credit from its dateline or first sentence."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..analyze import ARTICLE, CONJUNCTION_RE, name_forms
from ..normalize import normalize
from .base import _after_conjunction, _Base
from .cues import (
    _ATTRIBUTIONS,
    _CONTINUING,
    _CREDITS,
    _FUNCTION_WORDS,
    _MEDIA,
    _THAT,
    ACCORDING_CUES,
    Pattern,
)
from .english import institution_word
from .names import Mention, find_mentions
from .proposals import _company_noun
from .spans import Clause

# A dateline with its agency in brackets: a place, a date of a few words at most, the agency,
# then a colon or a dash ("برازيليا، 18 ديسمبر/كانون أول (إفي): ..."); and the agency in
# brackets closing the text ("... المحدثة.(إفي)").
_BRACKET_DATELINE = re.compile(r"^\s*[^\s()]+[،,]?(?:\s+[^\s()]+){0,5}?\s*\(([^()\d]{2,30})\)\s*[:\-–—]")
_MEDIUM_OPENS = re.compile(r"^\s*([^\s\-–—]+(?:\s[^\s\-–—]+)?)\s*[-–—]\s*\S+\s+\S")
_BRACKET_FOOT = re.compile(r"\(([^()\d]{2,30})\)\s*\.?\s*$")
# A credit line above the body, alone on its line: «جاء في "سكاي نيوز":»، «نقلا عن رويترز:»،
# «بحسب وكالة الأنباء:»: the words of crediting, the medium, a colon closing the line.
_CREDIT_LINE = re.compile(
    r"^\s*(?:جاء\s+في|نقلا\s+عن|بحسب|حسب)\s+[\"“”«»']?([^:\"“”«»']{2,40}?)[\"“”«»']?\s*:\s*$"
)
# A bracket's place before a dash, the agency after it (the tatweel «ـ» serves as a dash).
_PLACE_DASH = re.compile(r"^\s*\S+(?:\s\S+)?\s*[-–—ـ]\s*(\S.*?)\s*$")
# Relaying what another said: «نقلت», «ونقل», «نقلا» (عن ...), a conjunction the analyzer's.
_RELAY = re.compile(f"^{CONJUNCTION_RE}نقل(?:ت|ا|ته|ه)?$")
_FROM = "عن"
# The medium's name and what it is («دورية "ديفنس ويب" المتخصصة في الشأن الدفاعي») fit in
# this many words between the verb and «عن».
_RELAY_WORDS = 12
_NEWS = "انباء"
# «قال ... في بيان: ...»، «في بيان صحفي»، «في بيان لوزارة الدفاع»: the statement the words
# were given in is their via. Its name is the words from «بيان» to a stop: a mark, what is
# said («أن», «إن»), a time («اليوم»), a party («مع»), an addressee («إلى»), or this many words.
_IN = "في"
_STATEMENT_CUE = "a statement the words were given in (في بيان)"
_STATEMENT = "بيان"
_STATEMENT_WORDS = 6
_STATEMENT_STOPS = {"اليوم", "امس", "مع", "الي", "خلال", "عقب", "بعد", "قبل"}
_STATEMENT_MARKS = re.compile(r"[،,:.؛;\"“”«»()\-–—]")
# «وأوضح البيان أن ...»، «وذكر البيان»، «وفقا للبيان»، «بحسب البيان»: the statement named
# before, told again by its definite noun after a saying verb or a credit's word.
_THE_STATEMENT = ARTICLE + _STATEMENT
# A body credited at a sentence's close is named within this many words of the credit's
# word («وفق ما أعلنت وزارة»: two).
_CLOSING_CREDIT_WORDS = 3
# The words of accordance among the credits' cues, not its verbs («نقل» is a transfer too:
# «ونقل الخبرات بين القوات»).
_ACCORDING = [Pattern.of(row) for row in ACCORDING_CUES]
_WHAT = "ما"
# The verbs of telling and the credits' cues, read together between a credit and its body.
_TELLING = (*_ATTRIBUTIONS, *_CREDITS)


def _telling(key: str) -> bool:
    """«ما», a verb of telling or a medium's noun, between a credit's word and the body it
    credits («وفق ما أعلنت وزارة»، «بحسب ما أفاد موقع "..."»، «بحسب وكالة ...»)."""
    return key == _WHAT or any(p.find([key]) for p in _TELLING) or any(p.opens(key) for p in _MEDIA)


# A closing credit comes after a clause's act (at least this many words before it), and at
# most this many words follow the body («في بيان صحفي»، «اليوم»).
_CLOSING_AFTER = 3
_CLOSING_TAIL = 3
# A construct («قائد سلاح الجو») is definite by its last noun, within this many words.
_CONSTRUCT_WORDS = 4  # «وكالة الأنباء ...», «وكالة أنباء ...»: a news agency


@dataclass
class _Account:
    """Who is speaking, and through whom, in the sentences of one account."""

    speaker: str | None = None
    via: str | None = None
    speaker_via: dict[str, str] = field(default_factory=dict)


class _Attribution(_Base):
    """Who says what and through whom: the speaker of a clause and the via of its account."""

    article_via: str | None
    _said_here: int | None  # where what is said begins, in a clause with a saying verb
    _statement_here: str | None  # the statement this sentence's words were given in
    _statement_sentence: int | None
    _new_names: dict[str, str]  # the proposals' (see `_Proposals._new_entity`)
    _new_entity: Callable[..., None]
    _last_speaker: str | None

    def _start_attribution(self) -> None:
        self._last_medium: str | None = None  # the medium named or credited last
        self.article_via = None
        self._said_here = None
        self._statement_here = None
        self._statement_sentence = None
        self._last_statement: str | None = None  # the statement named last
        self._last_speaker = None
        self._credit_sentence: int | None = None  # the first sentence, when it credits a medium
        self._credit_paragraph = -1
        self.credit_closes = False  # this clause's credit closes its sentence (`_closing_credit`)

    def _first_sentence_credit(self, all_clauses: list[Clause], headlines: set[int]) -> str | None:
        """A medium credited in the article's first sentence ("وفقا لخبر نشرته مجلة ...")
        is where the article's own narration comes from."""
        body = [c for c in all_clauses if c.paragraph not in headlines and len(c.words) > 3]
        first = [c for c in body if c.sentence == body[0].sentence] if body else []
        for clause in first:
            keys = [w.key for w in clause.words]
            credit = self._credit(clause, keys, find_mentions(self.linker, self.text, clause.words))
            if credit is not None:
                self._credit_sentence = clause.sentence
                self._credit_paragraph = clause.paragraph
                return credit.ids[0]
        return None

    def _narration_leaves_credit(self, clause: Clause, account: _Account) -> None:
        """The first sentence's medium is the via of the narration of its paragraph until
        the article turns to another source: a later sentence whose speaker or credit is
        not told through that medium («من جهتها، كشفت الإدارة ...»), or a later paragraph
        told with no source at all (the article's background). From there the narration is
        the article's own; what names the medium again («وأوضحت الوكالة») is still its."""
        if self._credit_sentence is None:
            return
        if clause.sentence == self._credit_sentence:
            if account.speaker is not None:
                # «أعلن السفير ... أن ...، وفقا لخبر نشرته مجلة ...»: the medium reports a
                # person's words (an interview, a statement it carried): the article retells
                # its piece, and the medium stays the via of all of it
                self._credit_sentence = None
            return
        medium = self.article_via
        other_speaker = account.speaker is not None and account.speaker_via.get(account.speaker) != medium
        untold = (
            account.speaker is None and account.via is None and clause.paragraph != self._credit_paragraph
        )
        if other_speaker or untold or account.via not in (None, medium):
            self.article_via = None
            self._credit_sentence = None
            if account.via == medium:
                account.via = None  # («من جهتها، كشفت ...»: another source, not the medium's account)

    def _dateline_credit(self) -> str | None:
        # "برازيليا، 18 ديسمبر (إفي): قالت ...": the agency in brackets after the dateline's
        # place and date, before a colon or a dash; or "... (إفي)" closing the text.
        lines = [line for line in self.text.splitlines() if line.strip()]
        bracketed = [m.group(1) for line in lines[:3] if (m := _BRACKET_DATELINE.match(line))]
        if lines and (m := _BRACKET_FOOT.search(lines[-1])):
            bracketed.append(m.group(1))
        # («المنامة ـ د ب أ»: a place, a dash, then the agency)
        bracketed += [m.group(1) for name in bracketed if (m := _PLACE_DASH.match(name))]
        # «جاء في "سكاي نيوز":» on a line of its own above the body: the medium the article's
        # narration comes through, as a dateline's agency is
        bracketed += [m.group(1) for line in lines[:4] if (m := _CREDIT_LINE.match(line))]
        for name in bracketed:
            bracket_agency = self._bracketed_agency(name.strip())
            if bracket_agency is not None:
                return bracket_agency
        # "نبأ – تستعد السعودية ...": a medium the article credits opens its first lines, a
        # dash after it, the text running on.
        for line in lines[:8]:
            m = _MEDIUM_OPENS.match(line)
            ids = self.linker.lexicon.resolve(m.group(1)) if m else set()
            if len(ids) == 1 and next(iter(ids)) in self.media:
                return next(iter(ids))
        # "موسكو -رويترز": a place, a dash, an agency, alone on a line near the top.
        for line in self.text.splitlines()[:8]:
            m = re.fullmatch(r"\s*(\S+(?:\s\S+)?)\s*[-–—|]\s*(\S+(?:\s\S+)?)\s*", line)
            if not m:
                continue
            place = self.linker.resolve(m.group(1), quoted=True, after_kind_noun=True)  # metonyms too: موسكو
            agency = self.linker.lexicon.resolve(m.group(2))
            if place and len(agency) == 1:
                (eid,) = agency
                if self.linker.type_of(eid) == "organization":
                    return eid
        return None

    def _bracketed_agency(self, name: str) -> str | None:
        """The organization a dateline's bracketed word names («(رويترز)»، «(إفي)»): one the
        store or the article's credits know; None for anything else (a year, a figure)."""
        ids = self.linker.lexicon.resolve(name)
        if len(ids) == 1:
            (eid,) = ids
            return eid if self.linker.type_of(eid) == "organization" else None
        return None

    # -- speaker and via --------------------------------------------------------------

    def _attribution(
        self,
        clause: Clause,
        keys: list[str],
        mentions: list[Mention],
        account: _Account,
        first_body_sentence: int | None,
        told_before: bool = False,
    ) -> Mention | None:
        """Set the account's speaker and via from this clause; the mention credited as a
        medium (it takes no role in the clause's claims)."""
        credit = self._credit(clause, keys, mentions)
        closing = self._closing_credit(keys, mentions, told_before)
        credit = credit or closing or self._opening_credit(keys, mentions, told_before)
        # («...، بحسب وكالة ...»: what is said comes before the credit, all of the clause)
        self.credit_closes = closing is not None and credit is not None and credit.ids == closing.ids
        credit_id = credit.ids[0] if credit else None
        self._said_here = None
        if self._statement_sentence != clause.sentence:
            self._statement_here = None  # (a statement is the via of its own sentence's words)
        relayed = self._relayed_from(keys, mentions)
        if relayed is not None:
            account.speaker, (medium_at, about) = relayed
            relayer = next(
                (
                    m.ids[0]
                    for m in mentions
                    if not m.weak
                    and medium_at <= m.first < about
                    and self.linker.type_of(m.ids[0]) in ("organization", "unclassified")
                ),
                None,
            )
            if credit_id is None and relayer is not None:
                credit_id = relayer  # «نقلت دورية "..." عن ...»: who relays is a medium
                self.media.add(relayer)
            elif credit_id is None and self._medium_referred(keys[medium_at]):
                credit_id = self._last_medium  # «ونقلت الوكالة عن ...»: the agency named before
        for pat in _ATTRIBUTIONS:
            hit = pat.find(keys)
            if hit is None:
                continue
            # The speaker is named between the saying verb and what is said (أن، إن، a colon
            # or a quotation mark); a name after that is what the sentence is about.
            stop = self._said_from(clause, keys, hit[1])
            if stop == len(keys) and credit is not None and hit[1] <= credit.first <= hit[1] + 1:
                # «وبحسب وكالة الأنباء ... وقع ...»: no «أن» after the credited medium; what
                # it tells begins after its name
                stop = credit.last
            elif stop == len(keys) and hit[1] < stop and _THE_STATEMENT in name_forms(keys[hit[1]]):
                stop = hit[1] + 1  # «وبحسب البيان، تسلمت ...»: likewise after the statement
            self._said_here = None if self.credit_closes else stop
            continuing = any(p.opens(keys[hit[0]]) for p in _CONTINUING)
            who = (
                None
                if continuing
                else self._named_after(mentions, hit[1], ("person", "organization"), limit=stop - hit[1])
            )
            if who is not None and (
                who in self.media or who == credit_id or self._medium_named(who, mentions, keys)
            ):
                credit_id = credit_id or who
                who = None
            if credit_id is None:
                credit_id = self._medium_addressed(keys, mentions, hit[1], stop, who)
            the_medium = hit[1] < len(keys) and self._medium_referred(keys[hit[1]])
            if who is None and credit_id is None and the_medium:
                # "وأوضحت الصحيفة، أن ...": the paper named before (or the one credited).
                credit_id = self._last_medium
            statement = None if credit_id or the_medium else self._statement(clause, keys, hit[1], stop)
            if statement is not None:
                self._statement_here, self._statement_sentence = statement, clause.sentence
                self._last_statement = statement
            if who is not None:
                account.speaker = who
            elif the_medium:
                pass  # a medium speaks: no person is the speaker
            elif (
                account.speaker is None
                and not (credit and hit[1] <= credit.first <= hit[1] + 1)
                and not self._someone_unnamed(keys, hit[1], stop)
            ):
                # "وقال السفير ...": a title, not a name: the speaker named last. (When the
                # verb's subject is the medium itself, "قالت وكالة ...", there is no speaker.)
                account.speaker = self._last_speaker
            break
        if credit_id is None and self._last_statement is not None and self._statement_referred(keys):
            account.via = self._last_statement
        if credit_id is not None:
            if credit_id in self.media or not self.credit_closes:
                self._last_medium = credit_id  # (a ministry credited is no paper «الوكالة» names)
            account.via = credit_id
            if account.speaker:
                account.speaker_via[account.speaker] = credit_id
        elif account.via is None and account.speaker in account.speaker_via:
            account.via = account.speaker_via[account.speaker]
        if account.speaker:
            self._last_speaker = account.speaker
        return credit

    def _statement_referred(self, keys: list[str]) -> bool:
        """The clause tells what «the statement» says: its definite noun right after a saying
        verb or a credit's word («وأوضح البيان», «وفقا للبيان», «حسب البيان»)."""
        for k in range(1, len(keys)):
            if _THE_STATEMENT not in name_forms(keys[k]):
                continue
            before = keys[k - 1 : k]
            if any(p.find(before) for p in _ATTRIBUTIONS) or any(p.find(before) for p in _CREDITS):
                return True
        return False

    def _statement(self, clause: Clause, keys: list[str], at: int, stop: int) -> str | None:
        """The statement a saying verb's words were given in («وقال الوزير في بيان صحفي إن
        ...»), proposed as an entity named by its own words; None when the clause names none."""
        end = min(stop, len(keys))
        for k in range(max(at, 1), end):
            if keys[k] != _STATEMENT or keys[k - 1] != _IN:
                continue
            last = k
            while (
                last + 1 < end
                and last + 1 - k < _STATEMENT_WORDS
                and not _STATEMENT_MARKS.search(
                    self.text[clause.words[last].end : clause.words[last + 1].start]
                )
                and keys[last + 1] not in _STATEMENT_STOPS
                and keys[last + 1] not in _THAT
            ):
                last += 1
            name = " ".join(self.text[clause.words[k].start : clause.words[last].end].split())
            self._new_entity(name, "unclassified", _STATEMENT_CUE, english="statement")
            known = self.linker.resolve(name, True, True)  # (a statement the store holds)
            return self._new_names.get(normalize(name)) or (min(known) if known else None)
        return None

    def _relayed_from(self, keys: list[str], mentions: list[Mention]) -> tuple[str, tuple[int, int]] | None:
        """«نقلت الوكالة عن الوزير ... أن»، «نقلا عن المسؤول»: a medium relays what someone
        said; the person or body after «عن» is the speaker (the medium the via), with where
        the medium is named: the words between the verb and «عن»."""
        for i, key in enumerate(keys):
            if not _RELAY.match(key):
                continue
            about = next(
                (k for k in range(i + 1, min(i + _RELAY_WORDS, len(keys))) if keys[k] == _FROM), None
            )
            if about is None:
                return None
            who = next(
                (
                    m
                    for m in mentions
                    if not m.weak
                    and about < m.first <= about + 5
                    and m.ids[0] not in self.media
                    and self.linker.type_of(m.ids[0]) in ("person", "organization")
                ),
                None,
            )
            if who is None or any(keys[k] in _THAT for k in range(about, who.first)):
                return None
            return who.ids[0], (i + 1, about)
        return None

    @staticmethod
    def _someone_unnamed(keys: list[str], at: int, stop: int) -> bool:
        """The saying verb's subject is a noun without the article, in no construct with a
        definite noun («وذكر مسؤول فيتنامي أن»، «قال مصدر مطلع»، «قال مسؤولون في الحكومة»):
        someone not named before, so not the speaker named last («وقال السفير»، «وقال قائد
        سلاح الجو» are; so is «وقال خلال المؤتمر»: no noun, the subject in the verb)."""

        if at >= min(stop, len(keys)) or keys[at] in _FUNCTION_WORDS or keys[at] in _THAT:
            return False
        for k in range(at, min(stop, len(keys), at + _CONSTRUCT_WORDS)):
            if keys[k] in _FUNCTION_WORDS:
                break  # «مسؤولون في الحكومة»: what follows qualifies, the subject is indefinite
            if any(form.startswith(ARTICLE) for form in name_forms(keys[k])):
                return False
        return True

    def _medium_referred(self, key: str) -> bool:
        """A definite medium's noun ("الصحيفة", "والوكالة"): the one already named."""
        bare = _after_conjunction(key)
        return bare.startswith(ARTICLE) and any(p.opens(bare) for p in _MEDIA)

    def _said_from(self, clause: Clause, keys: list[str], at: int) -> int:
        for k in range(at, len(keys)):
            gap = self.text[clause.words[k - 1].end : clause.words[k].start] if k else ""
            if keys[k] in _THAT or ":" in gap or any(q in gap for q in '«“"'):
                return k
        return len(keys)

    def _credit(self, clause: Clause, keys: list[str], mentions: list[Mention]) -> Mention | None:
        for pat in _CREDITS:
            hit = pat.find(keys)
            if hit is None:
                continue
            for m in mentions:
                if m.first < hit[1] or m.first > hit[1] + 6 or m.weak:
                    continue
                if any(i in self.media for i in m.ids) or self._after_media(keys, m):
                    return m
                if self._opens_media(keys, m):
                    self.media.add(m.ids[0])  # a medium by its noun, for the rest of the article
                    return m
        return None

    def _closing_credit(self, keys: list[str], mentions: list[Mention], told_before: bool) -> Mention | None:
        """A credit closing its sentence that names a body, a saying verb between or not
        («...، وفق ما أعلنت وزارة الدفاع»، «...، بحسب الرئاسة في بيان»): the body the
        sentence's account comes from, a medium or not (`_credit` takes media alone). Only a
        credit after what the sentence tells (in the clause, or `told_before` it) and with
        at most a few words after the body is read so; the body speaks no words of its own.
        A document between («بحسب بيان لمديرية ...») names whose words they are: not read so."""
        for pat in _ACCORDING:
            hit = pat.find(keys)
            if hit is None or (hit[0] < _CLOSING_AFTER and not told_before):
                continue
            m = self._body_credited(keys, mentions, hit[1])
            if m is not None and len(keys) - m.last <= _CLOSING_TAIL:
                return m
        return None

    def _opening_credit(self, keys: list[str], mentions: list[Mention], told_before: bool) -> Mention | None:
        """A sentence that opens on a credit naming a body («ووفقا لوزارة الداخلية، سيتم
        إنفاق ...»، «وبحسب ما أعلنته الرئاسة، فإن ...»): the body what follows comes through,
        a medium or not, and no speaker. A document between («وفقا لبيان الوزارة») is not
        read so (`_telling`)."""
        if told_before:
            return None
        for pat in _ACCORDING:
            hit = pat.find(keys, 0, min(2, len(keys)))
            m = None if hit is None else self._body_credited(keys, mentions, hit[1])
            if m is not None:
                return m
        return None

    def _body_credited(self, keys: list[str], mentions: list[Mention], after: int) -> Mention | None:
        """The body a credit's word ending at word `after` names: the first name after it,
        within a few words, an organization, with only «ما», a verb of telling or a
        medium's noun between. A person, a state or a document there: no body credited."""
        m = next((m for m in mentions if not m.weak and m.first >= after), None)
        if (
            m is not None
            and m.first <= after + _CLOSING_CREDIT_WORDS
            and self.linker.type_of(m.ids[0]) == "organization"
            and all(_telling(k) for k in keys[after : m.first])
        ):
            return m
        return None

    def _medium_addressed(
        self, keys: list[str], mentions: list[Mention], at: int, stop: int, who: str | None
    ) -> str | None:
        """A medium named between a saying verb and what is said, not the one who speaks:
        the words were given to it («وقال الوزير في حديث لصحيفة ... إن»، «في مقابلة مع وكالة
        ...»، «وأفاد متحدث باسم الوزارة وكالة ... أن»), so they come through it."""
        for m in mentions:
            if m.weak or not at <= m.first <= stop or who in m.ids:
                continue
            if m.first == stop:
                # «في حديث لصحيفة "..."»: the quotation mark opens the paper's name, not
                # what is said
                if self._after_media(keys, m):
                    return m.ids[0]
                continue
            if any(i in self.media for i in m.ids) or self._after_media(keys, m):
                return m.ids[0]
            if self._opens_media(keys, m):
                self.media.add(m.ids[0])
                return m.ids[0]
        return None

    def _opens_media(self, keys: list[str], m: Mention) -> bool:
        """An organization whose name as written opens with a medium's noun («وكالة الأنباء
        العمانية», «صحيفة الوطن»): a medium, whether the store or the credits know it or not.
        «وكالة» is a company's or a state's agency too: a medium when news («الأنباء») or a
        name of its own follows it, not an institution's words («وكالة التعاون الأمني»)."""
        if len(m.ids) != 1 or self.linker.type_of(m.ids[0]) != "organization":
            return False
        head = keys[m.first]
        if not any(p.opens(head) for p in _MEDIA):
            return False
        after = keys[m.first + 1] if m.first + 1 < len(keys) else ""
        return not _company_noun(head) or after.removeprefix(ARTICLE) == _NEWS or not institution_word(after)

    def _medium_named(self, eid: str, mentions: list[Mention], keys: list[str]) -> bool:
        """The organization a saying verb names is a medium by its noun («قالت وكالة الأنباء
        الألمانية إن ...»): what it says comes through it, a via with no speaker; it is
        a medium for the rest of the article too («ونقلت الوكالة عن ...»)."""
        m = next((m for m in mentions if eid in m.ids and not m.weak), None)
        if m is None or self.linker.type_of(eid) != "organization":
            return False
        if not (self._after_media(keys, m) or self._opens_media(keys, m)):
            return False
        self.media.add(eid)
        return True

    def _after_media(self, keys: list[str], m: Mention) -> bool:
        """Whether a medium's noun names the mention ("صحيفة كوميرسانت"), not a preposition
        after it ("نقلت الصحيفة عن X": X is who the paper quotes)."""
        if m.first and keys[m.first - 1] in _FUNCTION_WORDS:
            return False
        return any(p.opens(keys[k]) for k in range(max(0, m.first - 2), m.first) for p in _MEDIA)

    def _named_after(
        self, mentions: list[Mention], at: int, types: tuple[str, ...], limit: int
    ) -> str | None:
        for m in mentions:
            if m.weak or m.first < at or m.first > at + limit:
                continue
            for t in types:
                for eid in m.ids:
                    if self.linker.type_of(eid) == t:
                        return eid
        return None
