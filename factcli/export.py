"""Export: records in the shape `import` reads, in the order it needs them.

Sources first, then entities, then claims, each in stored order and as stored, less the
derived data (match keys) the importer computes again, and each saying what it is under
`kind` ("source", "entity", "claim"), first, so a reader of a mixed stream need not guess
from the fields (`import` checks it, and still reads exports made before it was there). `import --create` of a whole export
gives an equivalent store: the same records, ids, trail of corrections and last claim id.
"""

from __future__ import annotations

from typing import Any

# Derived fields (a version-1 store's match keys) are left out of an export: the index
# recomputes them.
from .records import DERIVED_CLAIM_FIELDS, ENTITY_REF_FIELDS, cited_source
from .store import Facts


def export_records(facts: Facts, claims: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """The whole store, or `claims` with the sources they cite and the entities they name."""
    if claims is None:
        sources, entities, chosen = facts.sources, facts.entities, facts.claims
    else:
        wanted = {id(c) for c in claims}
        chosen = [c for c in facts.claims if id(c) in wanted]  # stored order, not rank order
        cited = {cited_source(c) for c in chosen}
        named = {c.get(f) for c in chosen for f in ENTITY_REF_FIELDS} - {None}
        sources = [s for s in facts.sources if s.get("id") in cited]
        entities = [e for e in facts.entities if e.get("id") in named]
    out = [{"kind": "source", **s} for s in sources] + [{"kind": "entity", **e} for e in entities]
    out += [
        {"kind": "claim", **{k: v for k, v in c.items() if k not in DERIVED_CLAIM_FIELDS}} for c in chosen
    ]
    return out
