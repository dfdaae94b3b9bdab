"""Asking a person: the answers `add` and `entity add` are missing, and the review of a
draft's candidates.

Plain data in and out. The asking itself goes through an `Asker` (the terminal in cli, a
list of answers in a test), so nothing here imports click or rich, and each answer is
checked here, exactly as the import will check the record it ends up in.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any, Literal, Protocol

from .datespan import DateSpan
from .errors import InputError, did_you_mean
from .importer import ValidationError, check_claim, check_entity, entity_slug, parse_value
from .render import plain
from .store import Facts
from .vocabulary import DEFAULT, Vocabulary, of


class Stopped(Exception):
    """The answers ended (end of input, or ^C at a question); `original` is the asker's own
    exception, for a caller that stops the whole command on it."""

    def __init__(self, original: BaseException | None = None) -> None:
        super().__init__("the answers ended")
        self.original = original


class Asker(Protocol):
    """How the core asks a person a question and tells them things."""

    def ask(self, question: str, *, default: str | None = None) -> str:
        """A typed answer; `default` ("" lets it be blank) is the answer to an empty line.
        Raises Stopped when the answers end."""

    def choose(self, question: str, choices: Sequence[str]) -> str:
        """One of `choices`, asked again until it is one. Raises Stopped when the answers end."""

    def refuse(self, reason: str) -> None:
        """The last answer was not taken: say why (the question is asked again)."""

    def tell(self, text: str) -> None:
        """Show `text` as it is (it carries its own line ends)."""


class Rejected(Exception):
    """An answer that the record it goes into would be refused for: the reason, shown."""


# --- add: the answers it is missing ------------------------------------------------------

# What `add` needs, and what it asks for, in the order a curator reads the article: where,
# the words, then what they say. object and date may be left blank.
REQUIRED = ("source", "quote", "subject", "predicate", "statement")
ASKED = ("source", "quote", "subject", "predicate", "object", "date", "statement")
OPTIONAL = ("object", "date")
# The record's field that an answer fills, where its name differs.
FIELD_OF = {"source": "citation.source", "quote": "citation.quote"}


def missing(answers: Mapping[str, Any]) -> list[str]:
    """The fields `add` needs that `answers` leaves empty, in the order they are named."""
    return [k for k in REQUIRED if not answers.get(k)]


def to_ask(answers: Mapping[str, Any]) -> list[str]:
    """What to ask for: the missing fields, and object and date when not given at all."""
    gone = missing(answers)
    return [k for k in ASKED if k in gone or (k in OPTIONAL and answers.get(k) is None)]


def add_record(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The claim record `add` imports, from its answers (the options given and typed)."""
    return {
        "subject": answers.get("subject"),
        "predicate": answers.get("predicate"),
        "object": answers.get("object"),
        "value": parse_value(answers.get("value")),
        "date": answers.get("date"),
        "polarity": answers.get("polarity"),
        "modality": answers.get("modality"),
        "speaker": answers.get("speaker"),
        "via": answers.get("via"),
        "statement": answers.get("statement"),
        "citation": {"source": answers.get("source"), "quote": answers.get("quote")},
    }


def check_answer(
    facts: Facts, answers: Mapping[str, Any], key: str, text: str, *, create_entities: bool = False
) -> str | None:
    """The answer `text` for `key`, checked as the import will check it (the source exists,
    the quote is in it, names resolve, the date reads): the answer to keep (None for a blank
    optional one), or Rejected with the reason and the nearest right answers. A problem in a
    field not asked yet is not this answer's."""
    text = text.strip()
    if not text:
        if key in OPTIONAL:
            return None
        raise Rejected("an answer is needed")
    probe = {**answers, key: text}
    try:
        check_claim(facts, add_record(probe), create_entities=create_entities)
        return text
    except ValidationError as exc:
        fld = FIELD_OF.get(key, key)
        mine = [p.message for p in exc.problems if p.record is None and p.field == fld]
    if not mine:
        return text
    hint = ""
    if key == "predicate":
        near = difflib.get_close_matches(text, list(of(facts).predicates), n=3, cutoff=0.5)
        hint = did_you_mean(near, quote=False) or " (factcli vocabulary list shows them)"
    elif key == "source":
        near = difflib.get_close_matches(text, [src["id"] for src in facts.sources], n=3, cutoff=0.4)
        hint = did_you_mean(near, quote=False)
    raise Rejected(plain(mine[0] + hint))


def ask_missing(
    asker: Asker, facts: Facts, answers: dict[str, Any], keys: Sequence[str], *, create_entities: bool = False
) -> None:
    """Ask for each of `keys` in turn, into `answers`; an answer that is refused is asked
    for again, after the reason."""
    for key in keys:
        optional = key in OPTIONAL
        question = f"{key} (blank for none)" if optional else key
        while True:
            text = asker.ask(question, default="" if optional else None)
            try:
                answers[key] = check_answer(facts, answers, key, text, create_entities=create_entities)
                break
            except Rejected as exc:
                asker.refuse(str(exc))


# --- entity add: the fields it is missing ---------------------------------------------------

# What `entity add` needs (the id is made from the name when none is given, as an import
# makes it), and what it asks for: the names first, then the id they suggest, the type, and
# a description, which may be left blank.
ENTITY_REQUIRED = ("name", "type")
ENTITY_ASKED = ("name", "name_ar", "id", "type", "description")
ENTITY_OPTIONAL = ("name_ar", "description")


def entity_missing(answers: Mapping[str, Any]) -> list[str]:
    """The fields `entity add` needs that `answers` leaves empty, in the order they are named."""
    return [k for k in ENTITY_REQUIRED if not answers.get(k)]


def entity_to_ask(answers: Mapping[str, Any]) -> list[str]:
    """What to ask for: the missing fields, and the id, Arabic name and description when not
    given at all."""
    gone = entity_missing(answers)
    return [k for k in ENTITY_ASKED if k in gone or (k not in ENTITY_REQUIRED and answers.get(k) is None)]


def entity_record(answers: Mapping[str, Any]) -> dict[str, Any]:
    """The entity record `entity add` imports, from its answers (the options given and typed)."""
    rec: dict[str, Any] = {k: answers.get(k) for k in ("id", "type", "name", "name_ar")}
    for fld in ("aliases", "metonyms", "common_words"):
        rec[fld] = list(answers.get(fld) or [])
    rec["description"] = answers.get("description")
    return rec


def ask_entity(asker: Asker, facts: Facts, answers: dict[str, Any], keys: Sequence[str]) -> None:
    """Ask for each of `keys` in turn, into `answers`, each answer checked as the import will
    check the entity; an answer that is refused is asked for again, after the reason."""
    for key in keys:
        while True:
            if key == "type":
                types = of(facts).entity_types
                text = asker.choose(f"type ({', '.join(types)})", types)
            elif key == "id":
                name = answers.get("name")
                made = entity_slug(name) if isinstance(name, str) and name.strip() else None
                text = asker.ask(f"id (Enter: {made})" if made else "id", default=made)
            else:
                optional = key in ENTITY_OPTIONAL
                text = asker.ask(
                    f"{key} (blank for none)" if optional else key, default="" if optional else None
                )
            text = text.strip()
            if not text and key not in ENTITY_OPTIONAL:
                asker.refuse("an answer is needed")
                continue
            probe = {**answers, key: text or None}
            _, problems = check_entity(facts, entity_record(probe))
            mine = [p.message for p in problems if p.field == key]
            if mine:
                asker.refuse(plain(mine[0]))
                continue
            answers[key] = text or None
            break


# --- draft --review: each candidate accepted, edited, skipped --------------------------------


# The keys of the walk, as the prompt names them.
REVIEW_KEYS = {
    "a": "accept",
    "e": "edit",
    "t": "requote",
    "c": "copy",
    "n": "new entity",
    "s": "skip",
    "q": "quit",
}


def review_drafts(
    records: list[dict[str, Any]],
    entities: list[dict[str, Any]],
    asker: Asker,
    vocab: Vocabulary = DEFAULT,
) -> list[dict[str, Any]]:
    """The walk through a draft's records (its source first): each candidate shown in its
    paragraph, then accept / edit a field / cite other words / copy / new entity / skip /
    quit. Quitting, or the end of the answers, keeps the candidates not yet decided as
    drafts. `entities` are the names a claim may point at; an entity made in the walk joins
    them and the output, before the claim that names it. At the end the walk says how many
    edits the accepted claims took (each field, quote, copy and new entity one; a statement
    typed rather than the drafted one confirmed, one). `vocab` is the store's vocabulary, whose
    words an edited field must be."""
    source = records[0]
    anchor = DateSpan.from_dict(source["published"]) if isinstance(source.get("published"), dict) else None
    text = source.get("text") if isinstance(source.get("text"), str) else None
    entities = list(entities)
    kept: list[dict[str, Any]] = [source]
    todo = list(records[1:])
    tally = {"claims": 0, "edits": 0}
    n = 0
    while n < len(todo):
        rec = todo[n]
        n += 1
        if "draft" not in rec:
            kept.append(rec)
            continue
        try:
            decided = review_one(
                asker, n, len(todo), rec, entities, anchor, vocab, text=text, tally=tally, todo=todo
            )
        except Stopped:
            asker.tell("\nreview stopped: the candidates not yet reviewed stay drafts\n")
            _tell_tally(asker, tally)
            return kept + todo[n - 1 :]
        if decided == "quit":
            _tell_tally(asker, tally)
            return kept + todo[n - 1 :]
        if decided is not None:
            record, made = decided
            kept.extend(made)  # an entity made in the walk goes before the claim naming it
            kept.append(record)
    _tell_tally(asker, tally)
    return kept


def _tell_tally(asker: Asker, tally: dict[str, int]) -> None:
    if tally["claims"]:
        per = tally["edits"] / tally["claims"]
        asker.tell(f"\naccepted {tally['claims']} claims with {tally['edits']} edits ({per:.1f} per claim)\n")


def review_one(
    asker: Asker,
    n: int,
    total: int,
    rec: dict[str, Any],
    entities: list[dict[str, Any]],
    anchor: DateSpan | None,
    vocab: Vocabulary = DEFAULT,
    *,
    text: str | None = None,
    tally: dict[str, int] | None = None,
    todo: list[dict[str, Any]] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]] | None | Literal["quit"]:
    """One candidate, the `n`th of `total`: the accepted record with the entities made for
    it, None when skipped, or "quit". A copy goes into `todo` right after this one."""
    from . import draft  # only a review walk loads drafting (`add` asks without it)

    fields = draft.REVIEW_FIELDS if "citation" in rec else draft.ENTITY_REVIEW_FIELDS
    tally = tally if tally is not None else {"claims": 0, "edits": 0}
    edits = 0
    made: list[dict[str, Any]] = []
    is_claim = "citation" in rec
    keys = ["a", "e", "t", "c", "n", "s", "q"] if is_claim else ["a", "e", "s", "q"]
    while True:
        names = {e["id"]: e.get("name") or e["id"] for e in entities if isinstance(e, dict) and "id" in e}
        shown = [plain(line) for line in draft.describe(rec, names, text).splitlines()]
        asker.tell(f"\n[{n}/{total}] " + "\n".join(shown) + "\n")
        menu = ", ".join(f"{k} {REVIEW_KEYS[k]}" for k in keys)
        choice = asker.choose(f"{menu}? [{'/'.join(keys)}]", keys)
        if choice == "q":
            return "quit"
        if choice == "s":
            return None
        if choice == "e":
            edited = _edit(asker, rec, fields, entities, anchor, vocab)
            edits += edited is not rec
            rec = edited
            continue
        if choice == "t" and text is not None:
            words = asker.ask("the words to cite, as the article writes them", default="")
            try:
                rec = draft.requote(rec, words, text)
                edits += 1
            except InputError as exc:
                asker.tell(f"  {plain(str(exc))}\n")
            continue
        if choice == "c":
            if todo is not None:
                todo.insert(n, {**rec, "draft": dict(rec.get("draft") or {})})
                asker.tell("  copied: the copy comes next\n")
                edits += 1
            continue
        if choice == "n":
            entity = _new_entity(asker, entities, vocab.entity_types)
            if entity is not None:
                entities.append(entity)
                made.append(entity)
                fld = asker.choose(
                    "for which field (subject, object, speaker, via)", ["subject", "object", "speaker", "via"]
                )
                rec = {**rec, fld: entity["id"]}
                edits += 1
            continue
        if is_claim and not (rec.get("statement") or "").strip():
            # The sentence the fields say, as they stand after the edits: Enter confirms it.
            drafted = draft.draft_statement(rec, names)
            if drafted:
                asker.tell(f"  drafted statement: {plain(drafted)}\n")
            statement = asker.ask(
                "statement (one English sentence; Enter keeps the drafted one)", default=drafted
            )
            try:
                rec = draft.apply_edit(rec, "statement", statement, anchor, entities)
            except InputError as exc:
                asker.tell(f"  {plain(str(exc))}\n")
                continue
            edits += statement.strip() != drafted.strip()
        accepted = draft.accept(rec)
        if is_claim:
            tally["claims"] += 1
            tally["edits"] += edits
        return accepted, made


def _new_entity(
    asker: Asker, entities: list[dict[str, Any]], types: tuple[str, ...]
) -> dict[str, Any] | None:
    """An entity the candidate needs and nobody proposed, made in the walk: its English
    name, Arabic name, type and id (Enter takes the id made from the name), each checked as
    the import checks an entity's; None when the name is left blank."""
    from .schema import SLUG

    name = asker.ask("new entity: English name (blank to go back)", default="").strip()
    if not name:
        return None
    name_ar = asker.ask("Arabic name, as the article writes it (blank for none)", default="").strip() or None
    kind = asker.choose(f"type ({', '.join(types)})", list(types))
    taken = {e.get("id") for e in entities}
    made = entity_slug(name)
    while True:
        eid = asker.ask(f"id (Enter: {made})", default=made).strip()
        if not SLUG.match(eid):
            asker.refuse("an id is a lower-case slug (letters, digits, . _ -)")
        elif eid in taken:
            asker.refuse(f"the id {eid!r} is taken")
        else:
            break
    aliases = [x for x in (name, name_ar) if x]
    return {
        "id": eid,
        "type": kind,
        "name": name,
        "name_ar": name_ar,
        "aliases": aliases,
        "description": None,
    }


def _edit(
    asker: Asker,
    rec: dict[str, Any],
    fields: Sequence[str],
    entities: list[dict[str, Any]],
    anchor: DateSpan | None,
    vocab: Vocabulary = DEFAULT,
) -> dict[str, Any]:
    """A field of `rec` asked for, its right values offered, and the record with it changed
    (unchanged, with the reason told, when the new value does not fit)."""
    from . import draft

    fld = asker.choose(f"field ({', '.join(fields)})", list(fields))
    quote = (rec.get("citation") or {}).get("quote")
    hint = draft.field_suggestions(
        fld, rec.get(fld), entities, quote=quote if isinstance(quote, str) else None, vocab=vocab
    )
    if hint:
        asker.tell("  one of: " + plain(", ".join(hint[:60])) + ("…" if len(hint) > 60 else "") + "\n")
    typed = asker.ask(f"new {fld}", default="").strip()
    try:
        return draft.apply_edit(rec, fld, typed, anchor, entities, vocab)
    except InputError as exc:
        near = draft.field_suggestions(fld, None, entities, typed=typed, vocab=vocab)
        asker.tell(f"  {plain(str(exc))}" + (f" (try: {plain(', '.join(near[:5]))})" if near else "") + "\n")
        return rec
