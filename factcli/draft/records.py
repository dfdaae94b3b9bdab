"""A draft's records one at a time: what is left to review, how a record reads, what a
field may hold, a person's edit of a field, and a record made importable.

Plain functions; the terminal walk over them is the command line's."""

from __future__ import annotations

from typing import Any

from ..dates import parse_date
from ..datespan import DateSpan
from ..errors import DateError, InputError
from ..lexicon import Lexicon
from ..link import Linker
from ..records import CLAIM_CONTENT_FIELDS
from ..vocabulary import Vocabulary
from .names import find_mentions
from .spans import _words

REVIEW_FIELDS = CLAIM_CONTENT_FIELDS
ENTITY_REVIEW_FIELDS = ("id", "type", "name", "name_ar", "description")


def draft_records(records: list[dict[str, Any]]) -> list[int]:
    """Indices of the records that are still drafts."""
    return [
        i for i, r in enumerate(records) if isinstance(r, dict) and ("draft" in r or r.get("statement") == "")
    ]


def in_context(text: str, start: int, end: int) -> str:
    """The paragraph (line) of `text` that holds start:end, with that span marked ⟦ ⟧."""
    if not (0 <= start <= end <= len(text)):
        return ""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    e = len(text) if e < 0 else e
    return f"{text[s:start]}⟦{text[start:end]}⟧{text[end:e]}".strip()


def describe(record: dict[str, Any], names: dict[str, str] | None = None, text: str | None = None) -> str:
    """A candidate in a few lines, for the review walk: its quote marked in its paragraph
    (when the article's `text` is given), its fields with each entity's name beside its id
    (`names`), its statement or the drafted one, and the cues that made it."""
    names = names or {}

    def named(eid: Any) -> str:
        if not isinstance(eid, str):
            return str(eid)
        return f"{eid} ({names[eid]})" if names.get(eid) and names[eid] != eid else eid

    cues = ", ".join((record.get("draft") or {}).get("cues", []))
    confidence = (record.get("draft") or {}).get("confidence")
    if "citation" not in record:
        return (
            f"new entity {record.get('name')!r} ({record.get('type')}), id {record.get('id')}"
            + (f", Arabic {record.get('name_ar')}" if record.get("name_ar") else "")
            + f"\n  cues: {cues}"
        )
    cit = record["citation"]
    date = record.get("date") or {}
    value = record.get("value")
    lines = [f"quote {cit.get('start')}:{cit.get('end')}: {cit.get('quote')}"]
    if text is not None and isinstance(cit.get("start"), int) and isinstance(cit.get("end"), int):
        lines.append(f"  in its paragraph: {in_context(text, cit['start'], cit['end'])}")
    lines += [
        f"  {named(record.get('subject'))} {record.get('predicate')} {named(record.get('object'))}"
        + (f"  value {value['amount']} {value['unit']}" if value else ""),
        f"  date {date.get('start')}..{date.get('end')} ({date.get('text')})" if date else "  date none",
        f"  {record.get('polarity')}, {record.get('modality')}; speaker {named(record.get('speaker'))};"
        f" via {named(record.get('via'))}",
        f"  statement: {record.get('statement') or '(to write)'}"
        + (
            f"\n  drafted: {(record.get('draft') or {}).get('statement')}"
            if not record.get("statement") and (record.get("draft") or {}).get("statement")
            else ""
        ),
        f"  cues: {cues}" + (f"; confidence {confidence}" if confidence is not None else ""),
    ]
    return "\n".join(lines)


def requote(record: dict[str, Any], words: str, text: str) -> dict[str, Any]:
    """A copy of a claim citing other words of its article: `words` as they stand in
    `text`, the occurrence nearest the current quote (a quote narrowed to one claim of a
    clause, or widened over two clauses); InputError when the article does not hold them."""
    words = words.strip()
    if not words:
        raise InputError("quote: give the words of the article to cite")
    cit = dict(record["citation"])
    at: int = cit["start"] if isinstance(cit.get("start"), int) else 0
    found = _occurrences(text, words)
    if not found:
        raise InputError("quote: the article does not hold these words as typed")
    start = min(found, key=lambda i: abs(i - at))
    cit.update(quote=words, start=start, end=start + len(words))
    return {**record, "citation": cit}


def _occurrences(text: str, words: str) -> list[int]:
    out, i = [], text.find(words)
    while i >= 0:
        out.append(i)
        i = text.find(words, i + 1)
    return out


def field_suggestions(
    fld: str,
    current: Any,
    entities: list[dict[str, Any]],
    typed: str = "",
    quote: str | None = None,
    vocab: Vocabulary | None = None,
) -> list[str]:
    """What a reviewer may type for `fld`: words of the store's vocabulary (`vocab`, else the
    shipped one); for a name, the entities the quote names (or, for what was typed, the
    entities it spells or the nearest names)."""
    from ..vocabulary import DEFAULT

    v = vocab or DEFAULT
    if fld == "predicate":
        words = sorted(v.predicates)
        if typed:
            import difflib

            return [w for w in words if w.startswith(typed)] or difflib.get_close_matches(
                typed, words, n=5, cutoff=0.5
            )
        return words
    if fld == "polarity":
        return list(v.polarities)
    if fld == "modality":
        return list(v.modalities)
    if fld == "type":
        return list(v.entity_types)
    if fld in ("subject", "object", "speaker", "via"):
        if typed:
            lex = Lexicon(entities)
            ids = sorted(lex.resolve(typed))
            return ids or lex.suggest(typed, n=5)
        named = []
        if quote:
            linker = Linker.of(entities)
            named = [e for m in find_mentions(linker, quote, _words(quote, 0, len(quote))) for e in m.ids]
        return list(dict.fromkeys(([current] if current else []) + named))
    return []


def apply_edit(
    record: dict[str, Any],
    fld: str,
    value: str,
    anchor: DateSpan | None,
    entities: list[dict[str, Any]],
    vocab: Vocabulary | None = None,
) -> dict[str, Any]:
    """A copy of `record` with one field set from what the reviewer typed; InputError if
    the value is not one the field takes (in the store's vocabulary `vocab`, else the
    shipped one). A blank value clears an optional field."""
    from ..schema import SLUG
    from ..vocabulary import DEFAULT

    v = vocab or DEFAULT

    out = dict(record)
    value = value.strip()
    allowed = REVIEW_FIELDS if "citation" in record else ENTITY_REVIEW_FIELDS
    if fld not in allowed:
        raise InputError(f"{fld!r} is not a field the review edits ({', '.join(allowed)})")
    if not value:
        if fld in ("object", "value", "date", "speaker", "via", "name_ar", "description"):
            out[fld] = None
            return out
        raise InputError(f"{fld} cannot be left blank")
    if fld == "predicate" and value not in v.predicates:
        raise InputError(f"predicate {value!r} is not in the vocabulary")
    if fld == "polarity" and value not in v.polarities:
        raise InputError(f"polarity must be one of {', '.join(v.polarities)}")
    if fld == "modality" and value not in v.modalities:
        raise InputError(f"modality must be one of {', '.join(v.modalities)}")
    if fld == "type" and value not in v.entity_types:
        raise InputError(f"type must be one of {', '.join(v.entity_types)}")
    if fld == "id" and not SLUG.match(value):
        raise InputError("id must be a lower-case slug (letters, digits, . _ -)")
    if fld in ("subject", "object", "speaker", "via") and value not in {e["id"] for e in entities}:
        lex = Lexicon(entities)
        ids = lex.resolve(value)
        if len(ids) != 1:
            what = "several entities: " + ", ".join(sorted(ids)) if ids else "no entity"
            raise InputError(f"{fld}: {value!r} names {what}")
        value = ids.pop()
    if fld == "date":
        try:
            out[fld] = parse_date(value, anchor).to_dict()
        except DateError as exc:
            raise InputError(f"date: {exc}") from None
        return out
    if fld == "value":
        parts = value.replace(",", "").split()
        try:
            amount = float(parts[0])
        except (ValueError, IndexError):
            raise InputError("value: expected 'AMOUNT UNIT', e.g. '8600000000 USD'") from None
        if len(parts) != 2 or parts[1] not in v.units:
            raise InputError(f"value: expected 'AMOUNT UNIT' with a unit of {', '.join(v.units)}")
        out[fld] = {"amount": int(amount) if amount.is_integer() else amount, "unit": parts[1]}
        return out
    out[fld] = value
    if fld == "name" and "citation" not in record:
        aliases = list(record.get("aliases") or [])
        out["aliases"] = aliases if value in aliases else aliases + [value]
    return out


def accept(record: dict[str, Any]) -> dict[str, Any]:
    """The reviewed record, its `draft` object removed; a claim needs its statement first."""
    if "citation" in record and not (
        isinstance(record.get("statement"), str) and record["statement"].strip()
    ):
        raise InputError("write the statement before accepting")
    return {k: v for k, v in record.items() if k != "draft"}
