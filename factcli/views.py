"""Records as users see them: a claim with its source nested, a source with its counts,
a claim with the paragraph its quote sits in. Plain dicts in, plain dicts out."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .errors import InputError, StoreError, did_you_mean

# The shapes and words are `present`'s; these names stay here for the commands that use them.
from .present import (  # noqa: E402,F401
    CLAIM_OUTPUT_FIELDS,
    claim_json,
    history_lines,
    shown,
    source_json,
    source_summary,
)
from .records import ENTITY_REF_FIELDS, HISTORY_FIELDS  # noqa: F401  (views.HISTORY_FIELDS stays)
from .store import Facts, Lookups


def claim_record(facts: Lookups, claim: dict[str, Any]) -> dict[str, Any]:
    """A claim in the public JSON shape, with its source's id, outlet, title and date."""
    return claim_json(claim, facts.source((claim.get("citation") or {}).get("source")))


def source_rows(facts: Facts, with_text: bool = True) -> list[dict[str, Any]]:
    counts = Counter((c.get("citation") or {}).get("source") for c in facts.claims)
    return [source_json(src, counts.get(src["id"], 0), with_text) for src in facts.sources]


def paragraph_of(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The paragraph (lines between blank lines) holding text[start:end], and the span in it."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    return text[a:b], start - a, end - a


def claim_detail(facts: Lookups, claim_id: str) -> dict[str, Any]:
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
    para, i, j = paragraph_of(source["text"], cit["start"], cit["end"])
    out["paragraph"] = {"text": para, "quote_start": i, "quote_end": j}
    names = {}
    for fld in ENTITY_REF_FIELDS:
        ent = facts.entity(claim.get(fld)) if claim.get(fld) else None
        if ent:
            names[fld] = {"id": ent["id"], "name": ent["name"], "name_ar": ent.get("name_ar")}
    out["entities"] = names
    return out
