"""What a view or a comparison reads of a store, answered from its index (`Reader`: the
local `Index` or the shared one on a server)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from .. import store
from ..plan import Backend

__all__ = ["Reader", "View"]


class Reader(Backend, Protocol):
    """What the read commands ask of an index, whichever keeps it: the plan's `Backend`, and
    records read whole."""

    @property
    def store_path(self) -> Path | None: ...

    @property
    def note(self) -> str | None: ...

    def claim(self, claim_id: str) -> dict[str, Any] | None: ...

    def claim_ids(self) -> list[str]: ...

    def paragraph(self, claim_id: str) -> tuple[str, int, int] | None:
        """The paragraph holding a claim's quote and the quote's span in it, as the build cut
        it; None when the index holds none."""
        ...

    def source_summary(self, source_id: str) -> dict[str, Any] | None:
        """The source without its text (what a claim record nests), or None."""
        ...

    def facts(self, sources: Iterable[str] | None = None) -> store.Facts:
        """Every entity, and the given sources with their claims (all when None)."""
        ...


class View:
    """The `Facts` lookups the views and comparisons use (`claim`, `source`, `entity`, and the
    tables on demand), answered from the index. Sources come without their text unless
    `texts`, so listing thousands of claims never parses the articles they cite."""

    def __init__(self, index: Reader, texts: bool = False) -> None:
        self.index = index
        self.path = index.store_path
        self._texts = texts
        self._sources: dict[str, dict[str, Any] | None] | None = None

    def claim(self, claim_id: Any) -> dict[str, Any] | None:
        return self.index.claim(claim_id) if isinstance(claim_id, str) else None

    def source(self, source_id: Any) -> dict[str, Any] | None:
        if not isinstance(source_id, str):
            return None
        if self._texts:
            return self.index.source(source_id)
        if self._sources is None:
            self._sources = {}
        if source_id not in self._sources:
            self._sources[source_id] = self.index.source_summary(source_id)
        return self._sources[source_id]

    def paragraph(self, claim: dict[str, Any]) -> tuple[str, int, int] | None:
        """The paragraph holding the claim's quote and the quote's span in it, read alone
        (not the whole source); from the source's text when the index holds none."""
        found = self.index.paragraph(claim["id"]) if isinstance(claim.get("id"), str) else None
        if found is not None:
            return found
        from ..present import paragraph_of

        cit = claim.get("citation") or {}
        sid = cit.get("source")
        source = self.index.source(sid) if isinstance(sid, str) else None
        text = (source or {}).get("text")
        if not isinstance(text, str):
            return None
        return paragraph_of(text, cit["start"], cit["end"])

    def entity(self, entity_id: Any) -> dict[str, Any] | None:
        return self.index.entity(entity_id) if isinstance(entity_id, str) else None

    @property
    def claims(self) -> list[dict[str, Any]]:
        return [{"id": cid} for cid in self.index.claim_ids()]
