"""Drafting: candidate claims from a new Arabic article, for a person to review and import.

`draft_article(text, entities, ...)` reads an article and returns plain records: one
source, candidate entities for names the store does not know, and one candidate claim per
assertion-bearing clause; and the ids of the store's entities the article names
(`Draft.mentioned`), whether or not a candidate uses them. Nothing here decides a fact: every candidate claim has an empty
`statement` and a `draft` object (the cues that fired, a confidence), and the importer
refuses both, so a draft cannot land in a store until a person has read it.

How a clause becomes a candidate, in order:

1. **Spans.** The text is cut into paragraphs (lines), sentences (`.`, `!`, `؟` before a
   space; a run of dots inside a quotation is not an end) and clauses (before a clause
   connective such as `في حين`, `فيما`, `لكن`, `حيث` or a `، و…` verb (not `، وال…`, a
   noun in a list, nor `، ووزير…`, one more titled person, nor a verb whose root opens with
   و such as `وقعتا`, nor the next item of what a deal includes), before a participle of
   saying such as `مضيفا`, and before a quotation opened after a colon). The headline is left out: it restates the body. Offsets are
   always into the text as received.
2. **Names.** Word n-grams (longest first, with a proclitic و ف ب ل ك / لل stripped when
   the bare form is a name) are linked through `link.Linker.resolve`, the linker the
   search index uses: a name that an entity lists as a metonym links to it, a name listed
   in `common_words` links only inside quotation marks or after a noun of its kind.
   Country adjectives (الروسي، القطرية) are derived from the country's Arabic name and
   count as weak mentions.
3. **Cues.** The lexicons below, all in this module: `PREDICATE_CUES` (verbs and nouns),
   `VALUE_CUES` (figures with units), `NEGATION_CUES`, `MODALITY_CUES`,
   `ATTRIBUTION_CUES` (speaker) and `CREDIT_CUES` (via). A clause gives up to three
   candidates, earliest cue first (Arabic news puts the verb first), only from cues whose
   subject or object kind (`ROLES`) some name in the clause has; a title before or after a
   person's name gives the office and its `holds_position` and `office_in` candidates
   (`titles`).
4. **Dates.** At each word of the clause (outside linked names) the longest run of up to
   seven words that `dates.parse_date` reads, against the publication date, is a date
   phrase; each candidate takes the phrase nearest its cue. No date phrase is listed here,
   so what the date module learns to read, drafting finds. A clause without one takes
   the date of the saying verb before it in the sentence ("وقال السفير، السبت، ..."), or of
   the meeting, call or visit it refers to; states (`STATIC_PREDICATES`) take only a phrase
   right after their cue, and something planned keeps only a date after publication.
5. **Speaker and via.** A saying verb names its speaker between itself and what is said
   (أن، إن، a colon, a quotation mark); with a title and no name, the speaker is the one
   named last. A sentence opening with كما، كذلك، من جانبه or inside an open quotation goes
   on with the account before it. A credit (نقلت، بحسب، وفقا لـ ... + a medium) is the
   `via` of its account; the dateline's credit (`موسكو -رويترز`) or the first sentence's is
   the `via` of the article's own narration.

A cue pattern is a sequence of words; a word ending in `*` matches any ending, `~` before
a word allows an imperfect-verb prefix (ي ت ن أ), `=` allows only و or ف in front (a
verb that never takes an article or a preposition), `!` refuses the article (a definite
"الزيارة" refers back to a visit already told; "بزيارة" tells one), and `..` between
words allows a gap of up to eight words. Words are compared after `normalize.normalize` (hamza seats, ة/ه, ى/ي
and diacritics folded) with the usual proclitics allowed in front.

The package, one module per part of that reading: `cues` (the lexicons and the patterns
compiled from them), `spans` (paragraphs, sentences, clauses), `names` (names in a clause,
through `link.Linker`), `dating` (date phrases), `published` (the publication date),
`article` (`draft_article` and the walk over the clauses), `states` (the states CLDR names,
through Babel, and the epithets news gives them), and the drafter's parts, each holding its own state: `attribution`
(speaker and via), `reading` (predicate, polarity, modality, figures), `roles` (role
filling, the story's seller and goods), `titles` (people and offices), `proposals` (new
entities, named in English by `english`), `deals` (the deal a sentence tells of, proposed
as an agreement named from its buyer, seller and goods: the subject of its worth, items and
superlatives, the object of its signing, approval or announcement), `topics` (the cooperation or relations discussed,
proposed as a topic named from its two sides), over
`base` (what they share). `statement` drafts each candidate's English sentence from its
fields (kept in its `draft` object; the review offers it to confirm or edit). `records` holds the plain functions a review of the records is
built on.
"""

from __future__ import annotations

from .article import Draft, draft_article
from .names import find_mentions
from .published import detect_published, parse_published
from .records import (
    ENTITY_REVIEW_FIELDS,
    REVIEW_FIELDS,
    accept,
    apply_edit,
    describe,
    draft_records,
    field_suggestions,
    in_context,
    requote,
)
from .spans import clauses, sentences
from .statement import draft_statement

__all__ = [
    "Draft",
    "ENTITY_REVIEW_FIELDS",
    "REVIEW_FIELDS",
    "accept",
    "apply_edit",
    "clauses",
    "describe",
    "detect_published",
    "draft_article",
    "draft_records",
    "draft_statement",
    "field_suggestions",
    "find_mentions",
    "in_context",
    "parse_published",
    "requote",
    "sentences",
]
