"""Records as users see them: a claim with its source nested, a source with its counts,
a claim with the paragraph its quote sits in. Plain dicts in, plain dicts out."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from .errors import InputError, StoreError
from .store import Facts

CLAIM_OUTPUT_FIELDS = (
    "id", "subject", "predicate", "object", "value", "date", "polarity", "modality",
    "speaker", "via", "statement", "citation",
)
# A claim's trail, shown only on the claims that have one.
HISTORY_FIELDS = ("retracted", "revisions")


def source_summary(source: dict[str, Any] | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {k: source.get(k) for k in ("id", "outlet", "title", "published")}


def claim_record(facts: Facts, claim: dict[str, Any]) -> dict[str, Any]:
    """A claim in the public JSON shape, with its source's id, outlet, title and date."""
    out = {k: claim.get(k) for k in CLAIM_OUTPUT_FIELDS}
    out.update((k, claim[k]) for k in HISTORY_FIELDS if k in claim)
    out["source"] = source_summary(facts.source((claim.get("citation") or {}).get("source")))
    return out


def source_rows(facts: Facts, with_text: bool = True) -> list[dict[str, Any]]:
    counts = Counter((c.get("citation") or {}).get("source") for c in facts.claims)
    rows = []
    for src in facts.sources:
        row = {k: v for k, v in src.items() if with_text or k != "text"}
        row["claims"] = counts.get(src["id"], 0)
        rows.append(row)
    return rows


def shown(value: Any) -> str:
    """A field's value on one line: text as it is, null as (none), anything else as JSON."""
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def history_lines(record: dict[str, Any]) -> list[tuple[str, str]]:
    """A record's trail as (label, text) lines, oldest first: each revision's changes, then
    the retraction."""
    lines: list[tuple[str, str]] = []
    for rev in record.get("revisions") or ():
        for fld, change in rev["changes"].items():
            lines.append(("revised", f"{rev['at']}  {fld}: {shown(change['from'])} → {shown(change['to'])}  ({rev['reason']})"))
    retracted = record.get("retracted")
    if retracted:
        lines.append(("retracted", f"{retracted['at']}  {retracted['reason']}"))
    return lines


def paragraph_of(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph (lines between blank lines) holding text[start:end], and the span in it."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    return text[a:b], start - a, end - a


def claim_detail(facts: Facts, claim_id: str) -> dict[str, Any]:
    claim = facts.claim(claim_id.strip())
    if claim is None:
        near = [c["id"] for c in facts.claims if c["id"].lstrip("c0") == claim_id.strip().lstrip("cC0")]
        hint = f"; did you mean {near[0]}?" if near else " (factcli search lists claim ids)"
        raise InputError(f"no claim {claim_id!r}{hint}")
    out = claim_record(facts, claim)
    cit = claim["citation"]
    source = facts.source(cit["source"])
    if source is None:  # a hand-edited store; verify reports it with the rest
        raise StoreError(f"claim {claim['id']!r} cites an unknown source {cit['source']!r} (factcli verify lists every problem)")
    para, i, j = paragraph_of(source["text"], cit["start"], cit["end"])
    out["paragraph"] = {"text": para, "quote_start": i, "quote_end": j}
    names = {}
    for fld in ("subject", "object", "speaker", "via"):
        ent = facts.entity(claim.get(fld)) if claim.get(fld) else None
        if ent:
            names[fld] = {"id": ent["id"], "name": ent["name"], "name_ar": ent.get("name_ar")}
    out["entities"] = names
    return out
