"""Entity names: every id, name, Arabic name and alias, normalized, mapped to entity ids.

One index answers "which entities does this spelling name?" for the importer, the search
filters and the "did you mean" suggestions, so all three agree on what a name means.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from .normalize import normalize


def names_of(entity: dict[str, Any]) -> list[str]:
    # The written names come first so that a suggestion shows "Rosoboronexport", not the slug.
    names = [entity.get("name") or "", entity.get("name_ar") or ""]
    names += entity.get("aliases") or []
    names.append(entity.get("id") or "")
    return [n for n in names if n]


class Lexicon:
    def __init__(self, entities: Iterable[dict[str, Any]]) -> None:
        self.by_key: dict[str, set[str]] = {}
        self.display: dict[str, str] = {}
        for entity in entities:
            for name in names_of(entity):
                key = normalize(name)
                if key:
                    self.by_key.setdefault(key, set()).add(entity["id"])
                    self.display.setdefault(key, name)

    def resolve(self, name: str) -> set[str]:
        """Ids of the entities `name` spells (any alias, any script form); empty if none."""
        return set(self.by_key.get(normalize(name), ()))

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """The nearest known names, as written in the store, for a "did you mean" line."""
        key = normalize(name)
        close = difflib.get_close_matches(key, list(self.by_key), n=n, cutoff=0.6)
        return [self.display[k] for k in close]
