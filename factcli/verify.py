"""The store's integrity: every record against the schema, every quote at its offsets,
every sha256, every reference, every entity's name roles, no duplicate ids.

Derived data (match keys, entity links) is not in the file from schema version 2 on, so there
is nothing derived to recheck: the index is rebuilt from whatever the file holds."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .schema import claim_problems, entity_problems, source_problems
from .store import Facts


def verify(facts: Facts) -> list[dict[str, str]]:
    """Every problem found, as `{"table", "id", "field", "problem"}`; empty when clean."""
    out: list[dict[str, str]] = []

    def add(table: str, rid: Any, fld: str, msg: str) -> None:
        out.append({"table": table, "id": str(rid), "field": fld, "problem": msg})

    for table, rows in (("sources", facts.sources), ("entities", facts.entities), ("claims", facts.claims)):
        # Ids that are not text are reported by the schema checks below.
        for rid, n in Counter(r.get("id") for r in rows if isinstance(r.get("id"), str)).items():
            if n > 1:
                add(table, rid, "id", f"used by {n} records")
    for src in facts.sources:
        for fld, msg in source_problems(src):
            add("sources", src.get("id"), fld, msg)
    for ent in facts.entities:
        for fld, msg in entity_problems(ent):
            add("entities", ent.get("id"), fld, msg)
    last = facts.meta.get("last_claim", 0)
    if isinstance(last, bool) or not isinstance(last, int) or last < 0:
        add("meta", "1", "last_claim", f"must be a whole number, not {last!r}")
        last = 0
    for claim in facts.claims:
        cid = claim.get("id")
        for fld, msg in claim_problems(claim, facts):
            add("claims", cid, fld, msg)
        num = str(cid)[1:]
        if num.isdigit() and int(num) > last:
            add("claims", cid, "id", f"above the store's last issued id c{last:04d}")
    return out
