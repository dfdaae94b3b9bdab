"""How factcli says things: every JSON record shape and every human wording, in one place.

`render` lays out what this module gives it and decides nothing about words or shapes:
a figure reads "$8.6 bn" or "61 countries" in `search`, `show`, `diff` and `compare` alike,
a date reads at its own precision everywhere ("2017-10", never an invented day), and
a claim's stance is the same words in every command (the written forms of a figure, a date
and a modality are `figures`', `datespan`'s and `vocabulary`'s, since the comparison's reasons
cite them too). The JSON shapes built here are the public contract, written down as JSON
Schema in `factcli/schemas/` (`factcli schema`).

Records as users see them are built here too (a claim with its source nested, a claim with
the paragraph its quote sits in), and each record kind's fields are listed once
(`CLAIM_ROW_FIELDS`, ...): its CSV/TSV columns and its table columns both derive from them.

Plain data in, plain data out: no click, no rich.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from .datespan import date_text as date_text
from .errors import InputError, StoreError, did_you_mean
from .figures import value_text as value_text
from .records import (  # HISTORY_FIELDS: shown only on claims that have one
    CLAIM_CONTENT_FIELDS,
    ENTITY_REF_FIELDS,
    HISTORY_FIELDS,
)
from .store import Lookups

if TYPE_CHECKING:
    from .curate import Plan

# --- words for values -----------------------------------------------------------------
# A figure's and a date's written forms are `figures.value_text` and `datespan.date_text`,
# shared with the comparison's reasons; here they are a command's words like the rest.


def modality_text(modality: str | None) -> str:
    from .vocabulary import MODALITY_WORDS  # the vocabulary loads only where a modality is worded

    return MODALITY_WORDS.get(modality or "fact", modality or "fact")


def stance_parts(claim: dict[str, Any]) -> list[str]:
    """What a claim's stance adds to its statement: RETRACTED, NOT, in talks, planned..."""
    parts = ["RETRACTED"] if claim.get("retracted") else []
    if claim.get("polarity") == "negated":
        parts.append("NOT")
    if claim.get("modality") not in (None, "fact"):
        parts.append(modality_text(claim["modality"]))
    return parts


def status_text(claim: dict[str, Any]) -> str:
    """The stance as one label, "" for an affirmed fact: "NOT", "in talks", "RETRACTED NOT"."""
    return " ".join(stance_parts(claim))


def says_text(claim: dict[str, Any]) -> str:
    """What a claim gives for its proposition, in a compare cell or a diff line:
    "2017-10-25", "NOT 2018-07-21", "$8.6 bn 2021", "planned 2021-06"."""
    parts = [p for p in stance_parts(claim) if p != "RETRACTED"]
    if claim.get("value"):
        parts.append(value_text(claim["value"]))
    if claim.get("date"):
        parts.append(date_text(claim["date"]))
    # An affirmed, undated fact without a figure still says something: that it is so.
    return " ".join(parts) or "yes"


def cell_text(claims: Iterable[dict[str, Any]]) -> str:
    """What a source gives for one proposition; several claims joined with "; ", "" if none."""
    return "; ".join(dict.fromkeys(says_text(c) for c in claims))


def who_text(entity: dict[str, Any] | None, fallback: str | None = "") -> str:
    """An entity as a reader wants it named: "Qatar (قطر)"; its id if it is unknown."""
    if not entity:
        return fallback or ""
    return f"{entity['name']} ({entity['name_ar']})" if entity.get("name_ar") else entity["name"]


def source_line(source: dict[str, Any] | None, fallback: str = "") -> str:
    """A cited source on one line: "khaleej-2018-07-21 — The New Khalij, published 2018-07-21"."""
    if not source:
        return fallback
    return f"{source['id']} — {source.get('outlet') or ''}, published {date_text(source.get('published'), 'undated')}"


def count_text(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


# --- JSON records, and records as users see them -----------------------------------------

CLAIM_OUTPUT_FIELDS = ("id", *CLAIM_CONTENT_FIELDS, "citation")
SOURCE_SUMMARY_FIELDS = ("id", "outlet", "title", "published")


def source_summary(source: dict[str, Any] | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {k: source.get(k) for k in SOURCE_SUMMARY_FIELDS}


def claim_json(claim: dict[str, Any], source: dict[str, Any] | None) -> dict[str, Any]:
    """A claim in the public shape (schema `claim`), its cited source summarized under `source`."""
    out = {k: claim.get(k) for k in CLAIM_OUTPUT_FIELDS}
    out.update((k, claim[k]) for k in HISTORY_FIELDS if k in claim)
    out["source"] = source_summary(source)
    return out


def source_json(source: dict[str, Any], claims: int, with_text: bool = True) -> dict[str, Any]:
    """A source in the public shape (schema `source`) with the number of its live claims."""
    out = {k: v for k, v in source.items() if with_text or k != "text"}
    out["claims"] = claims
    return out


def claim_record(facts: Lookups, claim: dict[str, Any]) -> dict[str, Any]:
    """A claim in the public JSON shape, with its source's id, outlet, title and date."""
    return claim_json(claim, facts.source((claim.get("citation") or {}).get("source")))


def claim_records(facts: Lookups, claims: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """`claim_record` of each claim, for lists of thousands: each cited source is looked up
    and summarized once, its summary shared by the records that cite it (a heavy search
    finds tens of thousands of claims in a few thousand sources), and each record is made
    in one pass over its fields."""
    summaries: dict[str, dict[str, Any] | None] = {}
    fields = CLAIM_OUTPUT_FIELDS
    history = HISTORY_FIELDS
    out = []
    for claim in claims:
        record = dict(zip(fields, map(claim.get, fields), strict=True))
        for k in history:
            if k in claim:
                record[k] = claim[k]
        sid = (claim.get("citation") or {}).get("source")
        if type(sid) is str:
            if sid not in summaries:
                summaries[sid] = source_summary(facts.source(sid))
            record["source"] = summaries[sid]
        else:  # a hand-edited store's odd citation: looked up as claim_record does
            record["source"] = source_summary(facts.source(sid))
        out.append(record)
    return out


def paragraph_of(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph (lines between blank lines) holding text[start:end], and the span in it."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    return text[a:b], start - a, end - a


# What ends a sentence, in Arabic and Latin script alike; a point between digits ("8.6")
# does not.
SENTENCE_ENDS = frozenset(".!?\u061f\n\r")


def _ends_sentence(text: str, k: int) -> bool:
    ch = text[k]
    if ch not in SENTENCE_ENDS:
        return False
    return not (ch == "." and 0 < k < len(text) - 1 and text[k - 1].isdigit() and text[k + 1].isdigit())


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding text[pos] starts (its leading spaces left out)."""
    k = pos
    while k > 0 and not _ends_sentence(text, k - 1):
        k -= 1
    while k < pos and text[k].isspace():
        k += 1
    return k


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence running on from text[pos] ends, its closing marks (?!.) kept."""
    k = pos
    while k < len(text) and not _ends_sentence(text, k):
        k += 1
    while k < len(text) and _ends_sentence(text, k) and text[k] not in "\n\r":
        k += 1
    return k


def context_of(text: str, start: int, end: int, sentences: int) -> dict[str, Any]:
    """`-C N`: the sentences holding text[start:end] with `sentences` more before and after
    (as ripgrep's -C gives lines), and the quote's span in them. Only the text around the
    quote is read: the scan walks out from it and stops at the Nth sentence end."""
    a = _sentence_start(text, start)
    for _ in range(sentences):
        k = a
        while k > 0 and (text[k - 1].isspace() or _ends_sentence(text, k - 1)):
            k -= 1
        if k == 0:
            break
        a = _sentence_start(text, k)
    # A quote that ends its sentence ("... in 2017.") ends the context's middle there.
    b = end if end > start and _ends_sentence(text, end - 1) else _sentence_end(text, end)
    for _ in range(sentences):
        k = b
        while k < len(text) and (text[k].isspace() or _ends_sentence(text, k)):
            k += 1
        if k == len(text):
            break
        b = _sentence_end(text, k)
    return {"text": text[a:b], "quote_start": start - a, "quote_end": end - a}


def with_context(
    record: dict[str, Any], source: dict[str, Any] | None, sentences: int | None
) -> dict[str, Any]:
    """A claim record with its `context` (`-C N`) from its cited `source`, when N is given
    and the source has text."""
    if sentences is None:
        return record
    cit = record.get("citation") or {}
    text = (source or {}).get("text")
    if not isinstance(text, str):
        return record
    return {**record, "context": context_of(text, cit["start"], cit["end"], sentences)}


def claim_detail(facts: Lookups, claim_id: str) -> dict[str, Any]:
    """`show`: a claim's record with the paragraph its quote sits in and its entities' names."""
    claim = facts.claim(claim_id.strip())
    if claim is None:
        near = [c["id"] for c in facts.claims if c["id"].lstrip("c0") == claim_id.strip().lstrip("cC0")]
        hint = did_you_mean(near[:1], quote=False) or " (factcli search lists claim ids)"
        raise InputError(f"no claim {claim_id!r}{hint}")
    out = claim_record(facts, claim)
    cit = claim["citation"]
    source = facts.source(cit["source"])
    if source is None:  # a hand-edited store; verify reports it with the rest
        raise StoreError(
            f"claim {claim['id']!r} cites an unknown source {cit['source']!r} (factcli verify lists every problem)"
        )
    # A lookup that keeps each quote's paragraph (the index's view) gives it alone, so
    # showing a claim does not read the whole article it cites.
    paragraph = getattr(facts, "paragraph", None)
    found = paragraph(claim) if paragraph is not None else None
    para, i, j = found or paragraph_of(source.get("text") or "", cit["start"], cit["end"])
    out["paragraph"] = {"text": para, "quote_start": i, "quote_end": j}
    names = {}
    for fld in ENTITY_REF_FIELDS:
        ent = facts.entity(claim.get(fld)) if claim.get(fld) else None
        if ent:
            names[fld] = {"id": ent["id"], "name": ent["name"], "name_ar": ent.get("name_ar")}
    out["entities"] = names
    return out


def claim_summary_json(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim as one side of a diff: what it is about, what it says, its statement."""
    return {
        "id": claim.get("id"),
        "subject": claim.get("subject"),
        "predicate": claim.get("predicate"),
        "object": claim.get("object"),
        "says": says_text(claim),
        "statement": claim.get("statement"),
    }


# Sections of a diff, in order of importance: what cannot both be true first, what only one
# side states last (the summary comes before all of them).
DIFF_SECTIONS = ("conflict", "changed", "compatible", "agree", "only_in_a", "only_in_b")


def pair_json(pair: Any) -> dict[str, Any]:
    """Two claims of one proposition and their verdict; both sides' statements."""
    a, b = pair.a, pair.b
    return {
        "status": pair.status,
        "reason": pair.reason,
        "subject": a.get("subject"),
        "predicate": a.get("predicate"),
        "object": a.get("object"),
        "a": a.get("id"),
        "b": b.get("id"),
        "a_says": says_text(a),
        "b_says": says_text(b),
        "a_statement": a.get("statement"),
        "b_statement": b.get("statement"),
    }


def diff_json(result: Any) -> dict[str, Any]:
    """`diff --json` (schema `diff`): the summary, then one list per section."""
    sections = diff_sections(result)
    out: dict[str, Any] = {"source_a": result.source_a, "source_b": result.source_b}
    out["summary"] = {**{name: len(rows) for name, rows in sections.items()}, "differs": result.differs()}
    out.update(sections)
    return out


def diff_sections(result: Any) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for name in DIFF_SECTIONS:
        if name == "only_in_a":
            out[name] = [claim_summary_json(c) for c in result.only_a]
        elif name == "only_in_b":
            out[name] = [claim_summary_json(c) for c in result.only_b]
        else:
            out[name] = [pair_json(p) for p in result.by_status(name)]
    return out


def diff_lines(result: Any) -> list[dict[str, Any]]:
    """`diff --jsonl` (schema `diff`, `$defs/line`): one pair or one-sided claim per line,
    in section order, each naming its section and the two sources."""
    lines = []
    for name, rows in diff_sections(result).items():
        for row in rows:
            lines.append({"section": name, "source_a": result.source_a, "source_b": result.source_b, **row})
    return lines


def row_json(row: Any) -> dict[str, Any]:
    """One proposition across the sources (schema `compare`, `$defs/row`)."""
    subject, predicate, obj = row.proposition
    return {
        "subject": subject,
        "predicate": predicate,
        "object": obj,
        "statement": row.statement,
        "status": row.status,
        "reason": row.reason,
        "cells": {
            sid: {"claims": [c.get("id") for c in claims], "says": cell_text(claims)}
            for sid, claims in row.cells.items()
        },
        # Claim ids a source states as one statement made again (compare.restates).
        "restatements": [list(ids) for ids in getattr(row, "restatements", [])],
    }


# Rows of a matrix, like the sections of a diff, in order of importance; within a status they
# keep the order of the claims found.
MATRIX_ORDER = ("conflict", "changed", "compatible", "agree", "single_source")


def matrix_json(matrix: Any) -> dict[str, Any]:
    """`compare --json` (schema `compare`): sources, the summary (propositions, then each
    status in order of importance), then the rows, conflicts first."""
    rank = {status: n for n, status in enumerate(MATRIX_ORDER)}
    rows = sorted(matrix.rows, key=lambda r: rank.get(r.status, len(rank)))
    summary = {"propositions": matrix.summary.get("propositions", len(rows))}
    summary.update((k, matrix.summary.get(k, 0)) for k in MATRIX_ORDER)
    return {"sources": list(matrix.sources), "summary": summary, "rows": [row_json(r) for r in rows]}


def empty_matrix_json() -> dict[str, Any]:
    return {"sources": [], "summary": {"propositions": 0, **dict.fromkeys(MATRIX_ORDER, 0)}, "rows": []}


# --- columns: typed for machines, worded for people -------------------------------------

Column = tuple[str, Callable[[dict[str, Any]], Any]]


def _get(key: str) -> Callable[[dict[str, Any]], Any]:
    """A column's cell: the record's `key`, or nothing."""
    return lambda record: record.get(key)


def _joined(values: Any) -> str:
    return "; ".join(str(v) for v in values or ())


def _date_part(key: str, part: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: (r.get(key) or {}).get(part)


def _value_part(part: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: (r.get("value") or {}).get(part)


class Field(NamedTuple):
    """One field of a record kind: its typed columns for machines (--csv/--tsv, --fields)
    and its worded column for people (tables and plain rows), both named from it."""

    name: str
    typed: tuple[Column, ...]  # none: a field people read only, such as a claim's status
    worded: Callable[[dict[str, Any]], Any] | None = None  # None: the typed column serves both


def _same(name: str, get: Callable[[dict[str, Any]], Any] | None = None) -> Field:
    """A field whose one typed value people read as it is: id, title, statement, ..."""
    return Field(name, ((name, get or _get(name)),))


def _date_field(name: str) -> Field:
    """A DATE: its parts for machines (`date_start`, ...), its name at its precision for people."""
    parts = tuple(
        (f"{name}_{part}", _date_part(name, part)) for part in ("start", "end", "precision", "text")
    )
    return Field(name, parts, lambda r: date_text(r.get(name)))


def _citation(part: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: (r.get("citation") or {}).get(part)


def _joined_field(name: str) -> Field:
    return _same(name, lambda r: _joined(r.get(name)))


# Each record kind's fields as rows show them, once, in the order of its CSV/TSV columns.
CLAIM_ROW_FIELDS: tuple[Field, ...] = (
    _same("id", lambda r: r["id"]),
    _same("source", _citation("source")),
    *(_same(k) for k in ("subject", "predicate", "object", "polarity", "modality")),
    _date_field("date"),
    Field(
        "value",
        (("value_amount", _value_part("amount")), ("value_unit", _value_part("unit"))),
        lambda r: value_text(r.get("value")),
    ),
    *(_same(k) for k in ("speaker", "via", "statement")),
    _same("quote", _citation("quote")),
    _same("retracted", lambda r: (r.get("retracted") or {}).get("at")),
    # For people only: the stance as a column of its own, never glued onto the statement,
    # and the timeline's precision (machines have date_precision).
    Field("status", (), status_text),
    Field("precision", (), _date_part("date", "precision")),
)
SOURCE_ROW_FIELDS: tuple[Field, ...] = (
    _same("id", lambda r: r["id"]),
    *(_same(k) for k in ("outlet", "title", "language", "url")),
    _date_field("published"),
    _joined_field("credited"),
    _same("claims"),
    _same("sha256"),
)
ENTITY_ROW_FIELDS: tuple[Field, ...] = (
    _same("id", lambda r: r["id"]),
    *(_same(k) for k in ("type", "name", "name_ar")),
    _joined_field("aliases"),
    *(_same(k) for k in ("description", "claims", "named")),
)
PROBLEM_ROW_FIELDS: tuple[Field, ...] = tuple(_same(k) for k in ("table", "id", "field", "problem"))


def typed_columns(fields: Sequence[Field]) -> list[Column]:
    """The CSV/TSV columns of a record kind: every typed column of its fields, in order."""
    return [column for f in fields for column in f.typed]


def worded_columns(fields: Sequence[Field], names: Sequence[str] | None = None) -> list[Column]:
    """The table columns of a record kind: the fields `names` (default: all, in order),
    each worded for people."""
    by_name = {f.name: f for f in fields}
    chosen = [by_name[n] for n in names] if names is not None else list(fields)
    return [(f.name, f.worded or f.typed[0][1]) for f in chosen]


# Every claim command's --csv/--tsv: one typed value per column, nothing worded.
CLAIM_CSV = typed_columns(CLAIM_ROW_FIELDS)
SOURCE_CSV = typed_columns(SOURCE_ROW_FIELDS)
ENTITY_CSV = typed_columns(ENTITY_ROW_FIELDS)
PROBLEM_CSV = typed_columns(PROBLEM_ROW_FIELDS)
DIFF_CSV: list[Column] = [
    (k, _get(k))
    for k in (
        "section",
        "status",
        "subject",
        "predicate",
        "object",
        "a",
        "b",
        "a_says",
        "b_says",
        "reason",
        "a_statement",
        "b_statement",
    )
]

CSV_COLUMNS = {"claim": CLAIM_CSV, "source": SOURCE_CSV, "entity": ENTITY_CSV, "problem": PROBLEM_CSV}

# Tables and plain rows: which fields people read, in the order they read them.
CLAIM_TABLE = worded_columns(
    CLAIM_ROW_FIELDS, ("id", "date", "source", "status", "statement", "value", "quote")
)
TIMELINE_TABLE = worded_columns(
    CLAIM_ROW_FIELDS, ("date", "precision", "id", "source", "status", "statement", "value")
)
SOURCE_TABLE = worded_columns(SOURCE_ROW_FIELDS, ("id", "published", "outlet", "credited", "claims", "title"))
ENTITY_TABLE = worded_columns(
    ENTITY_ROW_FIELDS, ("id", "type", "name", "name_ar", "claims", "named", "aliases")
)
PROBLEM_TABLE = worded_columns(PROBLEM_ROW_FIELDS)

# Claims one line each on a terminal (render.claim_lines): the values people copy, aligned,
# then the text people read (the statement, then the quote, cut to the width). Keyed by the
# kind, found from its table's column names.
LINE_COLUMNS = {
    "claim": (("id", "date", "status", "value"), ("statement", "quote")),
    "timeline": (("date", "id", "status", "value"), ("statement",)),
}
TABLE_COLUMNS = {
    "claim": CLAIM_TABLE,
    "timeline": TIMELINE_TABLE,
    "source": SOURCE_TABLE,
    "entity": ENTITY_TABLE,
    "problem": PROBLEM_TABLE,
}

LINE_KINDS = {tuple(name for name, _ in TABLE_COLUMNS[kind]): kind for kind in LINE_COLUMNS}


def diff_csv_rows(result: Any) -> list[dict[str, Any]]:
    """One row per pair or one-sided claim, section by section, the same fields as the JSON."""
    rows = []
    for line in diff_lines(result):
        side_a = line["section"] == "only_in_a"
        if line["section"] in ("only_in_a", "only_in_b"):
            line = {
                "section": line["section"],
                "status": line["section"],
                "subject": line["subject"],
                "predicate": line["predicate"],
                "object": line["object"],
                "a": line["id"] if side_a else None,
                "b": None if side_a else line["id"],
                "a_says": line["says"] if side_a else None,
                "b_says": None if side_a else line["says"],
                "reason": f"only in {result.source_a if side_a else result.source_b}",
                "a_statement": line["statement"] if side_a else None,
                "b_statement": None if side_a else line["statement"],
            }
        rows.append(line)
    return rows


def matrix_csv_columns(sources: Sequence[str]) -> list[Column]:
    """compare --csv: the proposition, its verdict, then per source what it says and its claim ids."""
    cols: list[Column] = [
        (k, _get(k)) for k in ("subject", "predicate", "object", "statement", "status", "reason")
    ]
    for sid in sources:
        cols.append((sid, _cell(sid, lambda cell: cell.get("says"))))
        cols.append((f"{sid} claims", _cell(sid, lambda cell: _joined(cell.get("claims")))))
    return cols


def _cell(sid: str, part: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], Any]:
    """A compare row's cell of source `sid`, or an empty one where it says nothing."""
    return lambda row: part(row["cells"].get(sid, {}))


def csv_value(value: Any) -> str:
    """A typed value as one CSV field: numbers as digits, null as empty, lists and objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list, tuple)):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


# Columns whose values are copied into other commands or compared by eye: never folded.
WHOLE_COLUMNS = frozenset(
    {"id", "date", "source", "published", "precision", "claims", "type", "status", "a", "b"}
)
# Of those, the ones that head a record's block when the terminal is too narrow for a table.
HEAD_COLUMNS = frozenset({"id", "date", "source", "published", "status", "a", "b"})


def show_fields(detail: dict[str, Any]) -> list[tuple[str, str]]:
    """`show`: the labelled facts of one claim, in reading order (empty ones left out later)."""
    names = detail.get("entities", {})

    def who(fld: str) -> str:
        return who_text(names.get(fld), detail.get(fld))

    date = detail.get("date")
    rows = [
        ("subject", who("subject")),
        ("predicate", detail.get("predicate") or ""),
        ("object", who("object")),
        ("value", value_text(detail.get("value"))),
        ("polarity", detail.get("polarity") or ""),
        ("modality", modality_text(detail.get("modality"))),
        ("date", f"{date_text(date)}  «{date.get('text', '')}»" if date else ""),
        ("speaker", who("speaker")),
        ("via", who("via")),
        ("source", source_line(detail.get("source"), (detail.get("citation") or {}).get("source", ""))),
        ("span", f"{detail['citation']['start']}:{detail['citation']['end']}"),
    ]
    return rows + history_lines(detail)


_DATE_KEYS = {"start", "end", "precision", "text"}


def shown(value: Any) -> str:
    """A field's value on one line: text as it is, null as (none), a DATE as its days,
    precision and words, anything else as JSON."""
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value
    if (
        isinstance(value, dict)
        and set(value) == _DATE_KEYS
        and all(isinstance(v, str) for v in value.values())
    ):
        days = value["start"] if value["start"] == value["end"] else f"{value['start']}..{value['end']}"
        return f"{days} ({value['precision']}) «{value['text']}»"
    import json

    return json.dumps(value, ensure_ascii=False)


def history_lines(record: dict[str, Any]) -> list[tuple[str, str]]:
    """A record's trail as (label, text) lines, oldest first: each revision's changes, then
    the retraction."""
    lines: list[tuple[str, str]] = []
    for rev in record.get("revisions") or ():
        for fld, change in rev["changes"].items():
            lines.append(
                (
                    "revised",
                    f"{rev['at']}  {fld}: {shown(change['from'])} → {shown(change['to'])}  ({rev['reason']})",
                )
            )
    retracted = record.get("retracted")
    if retracted:
        lines.append(("retracted", f"{retracted['at']}  {retracted['reason']}"))
    return lines


def plan_lines(plan: Plan) -> list[str]:
    """A planned correction as lines a curator reads before saying yes: `- old`, `+ new`."""
    lines: list[str] = []
    for ent in plan.new_entities:
        lines.append(f"new entity {ent['id']} ({ent['type']}): {ent['name']}")
    for ch in plan.changes:
        if ch.retracted is not None:
            lines.append(f"retract {ch.id}: {ch.record.get('statement', '')}")
        for fld, c in ch.changes.items():
            lines.append(f"{ch.id} {fld}:")
            lines.append(f"  - {shown(c['from'])}")
            lines.append(f"  + {shown(c['to'])}")
    for eid in plan.removed:
        lines.append(f"remove entity {eid} (merged)")
    lines.append(f"reason: {plan.reason}")
    return lines


# --- choosing fields --------------------------------------------------------------------


def parse_fields(text: str | None) -> list[str] | None:
    """`--fields id,date.start,statement` as a list of dotted paths."""
    if text is None:
        return None
    fields = [f.strip() for f in text.split(",") if f.strip()]
    if not fields:
        raise InputError("--fields needs at least one field name, e.g. --fields id,date.start,statement")
    return fields


def pick(record: dict[str, Any], path: str) -> Any:
    value: Any = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def project(
    record: dict[str, Any],
    fields: Sequence[str],
    columns: Mapping[str, Callable[[dict[str, Any]], Any]] | None = None,
) -> dict[str, Any]:
    """The record cut down to `fields`, dotted paths kept nested: "date.start" gives
    {"date": {"start": ...}}, so the result still reads like the full shape. A name that is
    not a field of the record but one of its typed `columns` (`date_start`, `quote`) is
    filled as that column is in CSV."""
    out: dict[str, Any] = {}
    for path in fields:
        if columns and path not in record and path in columns:
            out[path] = columns[path](record)
            continue
        parts = path.split(".")
        node = out
        for part in parts[:-1]:
            node = node.setdefault(part, {}) if isinstance(node.get(part, {}), dict) else node
        node[parts[-1]] = pick(record, path)
    return out


def check_fields(fields: Sequence[str], known: Iterable[str], kind: str) -> None:
    """Refuse a field the record kind does not have, naming the ones it does."""
    names = list(dict.fromkeys(known))
    for path in fields:
        if path not in names:
            # A dotted path is known whole (date.start, not date.strat or id.x): the
            # suggestions are the paths under what it starts with, else the top-level names.
            head = path.split(".")[0]
            under = [n for n in names if n.startswith(head + ".")]
            shown = under if "." in path and under else [n for n in names if "." not in n]
            raise InputError(f"--fields: {kind} records have no field {path!r}; fields: {', '.join(shown)}")
