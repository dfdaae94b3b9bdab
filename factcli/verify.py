"""The store's integrity: every record against the schema, every quote at its offsets,
every sha256, every reference, every entity's name roles, no duplicate ids, no text that
cannot be printed; the store's vocabulary, and every term a record uses is in it. A store that passes works with every command.

With `names`, the entities' names are checked against one another and the corpus
(`namecheck.py`). With `constraints`, every claim is also checked against its predicate's constraints
(`constraints.py`), each violation one problem naming its rule.

Derived data (match keys, entity links) is not in the file from schema version 2 on, so there
is nothing derived to recheck: the index is rebuilt from whatever the file holds."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .constraints import symmetric_violations
from .ids import CLAIM_NUMBER
from .namecheck import name_findings
from .schema import (
    claim_problems,
    entity_problems,
    last_claim_problem,
    shape_problems,
    source_problems,
    surrogate_fields,
    vocabulary_problems,
)
from .store import Facts
from .vocabulary import of


def verify(facts: Facts, constraints: bool = False, names: bool = False) -> list[dict[str, str]]:
    """Every problem found, as `{"table", "id", "field", "problem"}`; empty when clean. With
    `constraints`, the constraints every claim obeys too; with `names`, the entities' names
    against one another and the corpus (`namecheck`)."""
    out: list[dict[str, str]] = []

    def add(table: str, rid: Any, fld: str, msg: str) -> None:
        # The id is shown as its repr when it is not plain printable text.
        shown = rid if isinstance(rid, str) and not surrogate_fields({"id": rid}) else repr(rid)
        out.append({"table": table, "id": shown, "field": fld, "problem": msg})

    def check(table: str, rec: dict[str, Any], found: list[tuple[str, str]]) -> None:
        # What reads check (shape_problems) is reported too: verify passes only stores
        # that every command can read. Each field once.
        seen = {f for f, _ in found}
        found = found + [(f, m) for f, m in shape_problems(table, rec, vocab) if f not in seen]
        found += [
            (f, "contains an unpaired surrogate (\\ud800-\\udfff), not valid Unicode")
            for f in surrogate_fields(rec)
            if f not in {g for g, _ in found}
        ]
        for fld, msg in found:
            add(table, rec.get("id"), fld, msg)

    for table, rows in (("sources", facts.sources), ("entities", facts.entities), ("claims", facts.claims)):
        # Ids that are not text are reported by the schema checks below.
        for rid, n in Counter(r.get("id") for r in rows if isinstance(r.get("id"), str)).items():
            if n > 1:
                add(table, rid, "id", f"used by {n} records")
    if facts.vocabulary is not None:
        for fld, msg in vocabulary_problems(facts.vocabulary):
            add("vocabulary", fld.split(".")[1] if fld.startswith("predicates.") else fld, fld, msg)
    vocab = of(facts)
    for src in facts.sources:
        check("sources", src, source_problems(src))
    for ent in facts.entities:
        check("entities", ent, entity_problems(ent, vocab))
    last = facts.meta.get("last_claim", 0)
    problem = last_claim_problem(last)
    if problem:
        add("meta", "1", "last_claim", problem)
        last = 0
    for claim in facts.claims:
        cid = claim.get("id")
        check("claims", claim, claim_problems(claim, facts, constraints=constraints))
        m = CLAIM_NUMBER.match(cid) if isinstance(cid, str) else None
        if m and int(m.group(1)) > last:
            add("claims", cid, "id", f"above the store's last issued id c{last:04d}")
    if constraints:
        for cid, msg in symmetric_violations(facts.claims, vocab):
            add("claims", cid, "object", msg)
    if names:
        texts = [s["text"] for s in facts.sources if isinstance(s.get("text"), str)]
        texts += [c["statement"] for c in facts.claims if isinstance(c.get("statement"), str)]
        for eid, fld, msg in name_findings(facts.entities, texts):
            add("entities", eid, fld, msg)
    return out
