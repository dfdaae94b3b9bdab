"""Shell completion: the claim ids, sources, predicates and entity names the store holds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from .. import store

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from ..vocabulary import Vocabulary


def _completion_facts(ctx: click.Context) -> store.Facts | None:
    """The store the command line names, for completion; None when it cannot be read (a
    completion never prints an error into the user's shell)."""
    db = None
    node: click.Context | None = ctx
    while node is not None:
        db = db or node.params.get("db")
        node = node.parent
    try:
        return store.load(store.locate(db))
    except Exception:  # noqa: BLE001 - nothing to offer is the answer to any trouble here
        return None


def _complete(values: Iterable[tuple[str, str | None]], incomplete: str) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem  # only when completing

    folded = incomplete.casefold()
    return [CompletionItem(v, help=h) for v, h in values if v.casefold().startswith(folded)]


def complete_claim_ids(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    facts = _completion_facts(ctx)
    return _complete(((c["id"], c.get("statement")) for c in facts.claims), incomplete) if facts else []


def complete_sources(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    facts = _completion_facts(ctx)
    return _complete(((s["id"], s.get("outlet")) for s in facts.sources), incomplete) if facts else []


def _vocabulary(ctx: click.Context) -> Vocabulary:
    """The vocabulary of the store the command line names (the shipped one when there is no
    store to read): a store's own predicates (`vocabulary add`) complete like the shipped ones."""
    from .. import vocabulary  # only when completing

    return vocabulary.of(_completion_facts(ctx))


def complete_predicates(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(_vocabulary(ctx).definitions.items(), incomplete)


def complete_modalities(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(_vocabulary(ctx).modality_words.items(), incomplete)


def complete_polarities(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return _complete(((p, None) for p in _vocabulary(ctx).polarities), incomplete)


def complete_entities(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Entity ids, then their English names, Arabic names and aliases."""
    facts = _completion_facts(ctx)
    if not facts:
        return []
    names: dict[str, str] = {}
    for ent in facts.entities:
        names.setdefault(ent["id"], ent.get("name", ""))
    for ent in facts.entities:
        for name in [ent.get("name"), ent.get("name_ar"), *(ent.get("aliases") or [])]:
            if name:
                names.setdefault(name, ent["id"])
    return _complete(names.items(), incomplete)
