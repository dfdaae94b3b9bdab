"""The records a store holds: claims, sources, entities and what they nest (a citation, a DATE,
a value, the trail of corrections), their field names and canonical order, and the schema
version of the file that holds them.

The field names are the public contract, of the file and of the JSON output alike (README,
"The data model"). These types say what a well-formed record holds; a record read from a file
someone edited by hand may hold anything, which is why the store hands out plain dicts and
`schema` checks them. This module imports nothing from factcli, so any module can name a
record's fields without loading the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

__all__ = [
    "CLAIM_CONTENT_FIELDS",
    "DERIVED_CLAIM_FIELDS",
    "ENTITY_REF_FIELDS",
    "FIELD_ORDER",
    "HISTORY_FIELDS",
    "SCHEMA_VERSION",
    "Change",
    "Citation",
    "Claim",
    "DateRecord",
    "Entity",
    "Meta",
    "Retraction",
    "Revision",
    "Source",
    "Value",
    "cited",
    "cited_quote",
    "cited_source",
]

# The layout of the store file this factcli writes. Version 1 (factcli 0.1) stored each
# claim's derived match keys; version 2 derives them in the index; version 3 carries the
# store's vocabulary (its predicates and their constraints, entity types, modalities,
# polarities and units) as a top-level "vocabulary" object beside the tables.
SCHEMA_VERSION = 3

# Fields a version-1 claim carried that version 2 derives instead.
DERIVED_CLAIM_FIELDS = ("keys",)

# What a claim says, in the order a claim is written: between its id and its citation.
CLAIM_CONTENT_FIELDS = (
    "subject",
    "predicate",
    "object",
    "value",
    "date",
    "polarity",
    "modality",
    "speaker",
    "via",
    "statement",
)
# The claim fields that name an entity, and a record's trail of corrections.
ENTITY_REF_FIELDS = ("subject", "object", "speaker", "via")
HISTORY_FIELDS = ("retracted", "revisions")

# Canonical field order per table, so that `git diff facts.json` stays line by line no
# matter which code path wrote a record. Unknown fields keep their order after these.
FIELD_ORDER = {
    "meta": ("schema", "last_claim"),
    "sources": (
        "id",
        "title",
        "outlet",
        "credited",
        "language",
        "url",
        "published",
        "note",
        "sha256",
        "text",
    ),
    "entities": (
        "id",
        "type",
        "name",
        "name_ar",
        "aliases",
        "metonyms",
        "common_words",
        "description",
        "revisions",
    ),
    "claims": ("id", *CLAIM_CONTENT_FIELDS, "citation", *HISTORY_FIELDS),
}


# The record types, for the type checker: a store hands out plain dicts (a hand-edited file
# may hold anything, which `schema` checks), so nothing needs these classes at run time, and
# no command pays for making them at start.
if TYPE_CHECKING:
    from typing import TypedDict

    class DateRecord(TypedDict, total=False):
        """A DATE: the endpoints (YYYY-MM-DD) of what the source's own words (`text`) allow, in
        units of `precision`; `within` (absent when false): the thing dated happened at some time
        inside the span, not over all of it."""

        start: str
        end: str
        precision: str
        text: str
        within: bool

    class Value(TypedDict):
        """A literal a claim states: `{"amount": 8600000000, "unit": "USD"}`."""

        amount: int | float
        unit: str

    class Citation(TypedDict):
        """Where a claim is said: `quote` is exactly `text[start:end]` of the source `source`."""

        source: str
        quote: str
        start: int
        end: int

    class Retraction(TypedDict):
        """When (a UTC timestamp) and why a claim was retracted."""

        at: str
        reason: str

    # One field's change in a revision: {"from": old, "to": new} ("from" is a Python keyword).
    Change = TypedDict("Change", {"from": Any, "to": Any})

    class Revision(TypedDict):
        """One correction of a record: when, what changed, and why; kept oldest first."""

        at: str
        changes: dict[str, Change]
        reason: str

    class Source(TypedDict, total=False):
        """One document, its text exactly as received and the sha256 of its UTF-8 bytes."""

        id: str
        title: str
        outlet: str
        credited: list[str]
        language: str
        url: str | None
        published: DateRecord
        note: str | None
        sha256: str
        text: str

    class Entity(TypedDict, total=False):
        """A country, person, organization, weapon system, ...; each name plays one role."""

        id: str
        type: str
        name: str
        name_ar: str
        aliases: list[str]
        metonyms: list[str]
        common_words: list[str]
        description: str
        revisions: list[Revision]

    class Claim(TypedDict, total=False):
        """One normalized, atomic statement, with the citation that says it."""

        id: str
        subject: str
        predicate: str
        object: str | None
        value: Value | None
        date: DateRecord | None
        polarity: str
        modality: str
        speaker: str | None
        via: str | None
        statement: str
        citation: Citation
        retracted: Retraction
        revisions: list[Revision]

    class Meta(TypedDict):
        """The store's one meta record: its schema version and the last issued claim number."""

        schema: int
        last_claim: int


def cited(claim: Mapping[str, Any], field: str, default: Any = None) -> Any:
    """A field of a claim's citation; `default` when the claim has no citation (or, in a
    damaged record, one that is not an object) or the citation lacks the field."""
    citation = claim.get("citation")
    return citation.get(field, default) if isinstance(citation, Mapping) else default


def cited_source(claim: Mapping[str, Any]) -> Any:
    """The id of the source a claim cites, or None."""
    return cited(claim, "source")


def cited_quote(claim: Mapping[str, Any]) -> Any:
    """The words a claim quotes from its source, or None."""
    return cited(claim, "quote")
