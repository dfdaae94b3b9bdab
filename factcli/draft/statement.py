"""A claim's statement drafted from its fields: one English sentence from the predicate's
label in the vocabulary, the roles' English names, the modality, the polarity, the date,
the speaker and the credit. The sentence is a proposal the reviewer confirms or edits; a
candidate's `statement` stays empty until a person has, so import refuses it unreviewed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_LEAD = {
    "planned": "It is planned that ",
    "expected": "It is expected that ",
    "in_talks": "In talks: ",
    "claimed": "It is claimed that ",
    "hedged": "Possibly, ",
}


def draft_statement(claim: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """The English sentence a claim's fields say ("" when it has no predicate)."""
    from ..vocabulary import PREDICATES

    predicate = claim.get("predicate")
    label = PREDICATES.get(predicate) if isinstance(predicate, str) else None
    if not label:
        return ""

    def name(eid: Any) -> str | None:
        return names.get(eid, eid) if isinstance(eid, str) else None

    # The type hints the label keeps for curators go before any name is put in (a name
    # may hold brackets of its own).
    core = re.sub(r"\s*\((?:[^()]|\([^()]*\))*\)", "", label.split(";")[0].strip())
    subject = name(claim.get("subject")) or "someone"
    obj = name(claim.get("object"))
    value = claim.get("value")
    if obj is None and isinstance(value, dict):
        obj = (
            f"{value.get('amount'):,} {value.get('unit')}"
            if isinstance(value.get("amount"), int)
            else (f"{value.get('amount')} {value.get('unit')}")
        )
    core = re.sub(r"^subject\b", lambda _: subject, core)
    core = re.sub(r"\bobject\b", lambda _: obj or "something", core)
    if isinstance(value, dict) and claim.get("object") is None:
        core = re.sub(r"\bvalue\b", lambda _: obj or "a figure", core)  # the value predicates' labels
    if claim.get("polarity") == "negated":
        core = f"it is not so that {core}"
    sentence = _LEAD.get(str(claim.get("modality")), "") + core
    speaker = name(claim.get("speaker"))
    if speaker and claim.get("speaker") == claim.get("subject"):
        sentence += ", by their own account"
    elif speaker:
        if sentence.startswith((*_LEAD.values(), "it is not")):
            sentence = sentence[:1].lower() + sentence[1:]  # a lead, not a name, is lowered
        sentence = f"{speaker} said {sentence}"
    via = name(claim.get("via"))
    if via:
        sentence += f", according to {via}"
    date = claim.get("date")
    if isinstance(date, dict) and date.get("start"):
        from ..datespan import date_text

        sentence += f" ({date_text(date)})"  # at its own precision: "(2017)", "(2018-09..2018-12)"
    return sentence[:1].upper() + sentence[1:] + "."
