"""The vocabulary command group: the predicates of the store's own vocabulary listed with
their definitions and claim counts, one shown whole, and the checked writes that add a
predicate or a unit or change a predicate, each kept in the predicate's trail (`curate`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import curate, render, store
from ..errors import InputError, did_you_mean
from ..present import count_text
from ..render import Output, plain
from ..vocabulary import Vocabulary, of
from .app import App, pass_app
from .curation import applied
from .group import FactcliGroup
from .options import output_options

F = TypeVar("F", bound=Callable[..., Any])


def _listed(words: Any) -> str:
    return ", ".join(words) if words else "-"


def _takes(entry: dict[str, Any]) -> str:
    """What the predicate takes besides its subject, in a few words."""
    parts = []
    if entry["object_types"]:
        kinds = " or ".join(entry["object_types"])
        parts.append(f"object {kinds}" + (" (required)" if entry["object_required"] else ""))
    else:
        parts.append("no object")
    units = entry["units"]
    if units is None:
        parts.append("a value in any unit" + (" (required)" if entry["value_required"] else ""))
    elif units:
        parts.append(f"a value in {' or '.join(units)}" + (" (required)" if entry["value_required"] else ""))
    if entry["symmetric"]:
        parts.append("symmetric")
    if entry["inverse"]:
        if entry["canonical"]:
            parts.append(f"its inverse {entry['inverse']} is stated as it")
        else:
            parts.append(f"stated as its inverse {entry['inverse']}")
    return "; ".join(parts)


def _records(vocab: Vocabulary, document: dict[str, Any] | None, facts: store.Facts) -> list[dict[str, Any]]:
    """Each predicate as the store holds it, with its name and its count of live claims."""
    counts: dict[str, int] = {}
    for claim in facts.claims:
        if not claim.get("retracted") and isinstance(claim.get("predicate"), str):
            counts[claim["predicate"]] = counts.get(claim["predicate"], 0) + 1
    stored = (document or {}).get("predicates") or {}
    out = []
    for name in vocab.predicates:
        entry: dict[str, Any] = stored.get(name) or vocab.predicate_document(name)
        out.append({"name": name, "claims": counts.get(name, 0), **entry})
    return out


LIST_COLUMNS = [
    ("name", lambda r: r["name"]),
    ("claims", lambda r: r["claims"]),
    ("subject", lambda r: " or ".join(r["subject_types"])),
    ("takes", _takes),
    ("definition", lambda r: r["definition"]),
]

SHOW_COLUMNS = [
    ("name", lambda r: r["name"]),
    ("claims", lambda r: r["claims"]),
    ("definition", lambda r: r["definition"]),
    ("subject", lambda r: " or ".join(r["subject_types"])),
    ("takes", _takes),
    ("modalities", lambda r: _listed(r["modalities"])),
    ("polarities", lambda r: _listed(r["polarities"])),
    ("labels_en", lambda r: _listed(r["labels"].get("en"))),
    ("labels_ar", lambda r: _listed(r["labels"].get("ar"))),
    ("revisions", lambda r: len(r.get("revisions") or [])),
]


@click.group("vocabulary", cls=FactcliGroup)
def vocabulary() -> None:
    """The store's predicates and units: list, show, add and change them, checked.

    The vocabulary is the store's own (a store made elsewhere brings its own); a new store
    starts with the one factcli ships. A change is refused when the vocabulary would not
    pass `verify`, or a stored claim would break a constraint of a changed predicate, and
    is kept in the predicate's revisions: when, what, why.

    \b
    Examples:
      factcli vocabulary list
      factcli vocabulary show negotiating_purchase
      factcli --db mine.json vocabulary add sold --definition "subject (seller state or company) sold object (weapon system)" \\
          --subject-type country --subject-type organization --object-type weapon_system \\
          --label-en sold --label-ar باع --reason "sales the outlets report" --yes
    """


@vocabulary.command("list")
@output_options
@pass_app
def list_(app: App, output: Output) -> int:
    """List the predicates: claims using each, subject and object types, definition.

    A predicate's `claims` counts its claims that are not retracted. --json gives each
    predicate whole, as the store holds it (labels, constraints, revisions).

    \b
    Examples:
      factcli vocabulary list
      factcli vocabulary list --json | jq '.[] | select(.symmetric) | .name'
    """
    facts = app.facts()
    rows = _records(of(facts), facts.vocabulary, facts)
    render.emit(output, rows, LIST_COLUMNS, title=count_text(len(rows), "predicate"))
    return 0 if rows else 1


@vocabulary.command("show")
@click.argument("name")
@output_options
@pass_app
def show(app: App, name: str, output: Output) -> int:
    """One predicate whole: definition, constraints, labels, claims, revisions.

    \b
    Examples:
      factcli vocabulary show met
      factcli vocabulary show signed --json | jq '.[0].labels.ar'
    """
    facts = app.facts()
    vocab = of(facts)
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key not in vocab.predicates:
        hint = did_you_mean(curate.difflib_near(key, list(vocab.predicates))) or " (factcli vocabulary list)"
        raise InputError(f"no predicate {name!r} in the vocabulary{hint}")
    rows = [r for r in _records(vocab, facts.vocabulary, facts) if r["name"] == key]
    render.emit(output, rows, SHOW_COLUMNS)
    return 0


def _predicate_options(func: F) -> F:
    options = [
        click.option("--definition", help='What it means: "subject (kind) ... object (kind)".'),
        click.option(
            "--subject-type",
            "subject_types",
            multiple=True,
            help="An entity type of the subject (repeatable).",
        ),
        click.option(
            "--object-type", "object_types", multiple=True, help="An entity type of the object (repeatable)."
        ),
        click.option("--no-object", is_flag=True, help="It takes no object."),
        click.option(
            "--object-required/--object-optional", default=None, help="Whether a claim must name an object."
        ),
        click.option("--unit", "units", multiple=True, help="A unit its value may have (repeatable)."),
        click.option("--any-unit", is_flag=True, help="Its value may have any unit of the vocabulary."),
        click.option(
            "--value-required/--value-optional", default=None, help="Whether a claim must give a value."
        ),
        click.option(
            "--symmetric/--not-symmetric", default=None, help="Whether it reads the same both ways."
        ),
        click.option(
            "--inverse",
            metavar="PREDICATE",
            help="The canonical predicate it is the other side of ('' for none).",
        ),
        click.option("--modality", "modalities", multiple=True, help="A modality it allows (repeatable)."),
        click.option("--polarity", "polarities", multiple=True, help="A polarity it allows (repeatable)."),
        click.option(
            "--label-en", "labels_en", multiple=True, help="An English word that names it (repeatable)."
        ),
        click.option(
            "--label-ar", "labels_ar", multiple=True, help="An Arabic word that names it (repeatable)."
        ),
        click.option("--reason", required=True, help="Why: kept in the predicate's revisions."),
        click.option("--yes", "-y", is_flag=True, help="Apply without showing the change and asking."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _fields(given: dict[str, Any], current: dict[str, Any] | None) -> dict[str, Any]:
    """The entry fields the options set (only those given)."""
    out: dict[str, Any] = {}
    if given["definition"] is not None:
        out["definition"] = given["definition"]
    for opt in ("subject_types", "object_types", "units", "modalities", "polarities"):
        if given[opt]:
            out[opt] = list(dict.fromkeys(given[opt]))
    if given["no_object"]:
        if given["object_types"]:
            raise InputError("--no-object and --object-type contradict each other")
        out["object_types"] = []
    if given["any_unit"]:
        if given["units"]:
            raise InputError("--any-unit and --unit contradict each other")
        out["units"] = None
    for opt in ("object_required", "value_required", "symmetric"):
        if given[opt] is not None:
            out[opt] = given[opt]
    if given["inverse"] is not None:
        out["inverse"] = given["inverse"].strip() or None
    if given["labels_en"] or given["labels_ar"]:
        labels = dict((current or {}).get("labels") or {"en": [], "ar": []})
        if given["labels_en"]:
            labels["en"] = list(dict.fromkeys(w.strip() for w in given["labels_en"]))
        if given["labels_ar"]:
            labels["ar"] = list(dict.fromkeys(w.strip() for w in given["labels_ar"]))
        out["labels"] = labels
    return out


def _apply(app: App, make: Callable[[store.Facts], curate.Plan], yes: bool, done: str) -> int:
    """Plan the change, show it, ask unless --yes, then write it in one atomic step."""
    env = app.env
    written = applied(app, make, yes)
    if written is None:
        return 1
    names = ", ".join(c.id for c in written.changes)
    env.stderr.write(
        plain(f"{done}: {names} in the vocabulary of {app.location.path} at {written.at}") + "\n"
    )
    return 0


@vocabulary.command("add")
@click.argument("name")
@_predicate_options
@pass_app
def add(app: App, name: str, reason: str, yes: bool, **given: Any) -> int:
    """Add a predicate to the store's vocabulary, checked, with its trail.

    It needs a definition and the types its subject may have; it takes no object unless
    --object-type is given, any unit of the vocabulary unless --unit is, and every modality
    and polarity unless some are named. --inverse P makes it the other side of P, which
    becomes canonical: claims are stated with P.

    \b
    Examples:
      factcli --db mine.json vocabulary add sold --definition "subject (seller state or company) sold object (weapon system)" \\
          --subject-type country --subject-type organization --object-type weapon_system \\
          --label-en sold --label-ar باع --reason "sales the outlets report" --yes
      factcli --db mine.json vocabulary show sold
    """
    fields = _fields(given, None)
    return _apply(
        app, lambda facts: curate.plan_predicate(facts, name, fields, reason, adding=True), yes, "added"
    )


@vocabulary.command("set")
@click.argument("name")
@_predicate_options
@pass_app
def set_(app: App, name: str, reason: str, yes: bool, **given: Any) -> int:
    """Change a predicate of the store's vocabulary, checked, with its trail.

    Only the options given change; a repeatable option given replaces that list (labels
    of one language at a time). Refused when a stored claim would break the changed
    predicate's constraints: each such claim is named.

    \b
    Examples:
      factcli --db mine.json vocabulary set opposes --label-en opposes --label-en objects --label-en "objected to" \\
          --reason "the wording of the 2021 reports" --yes
    """

    def make(facts: store.Facts) -> curate.Plan:
        current = (facts.vocabulary or {}).get("predicates", {}).get(name)
        return curate.plan_predicate(facts, name, _fields(given, current), reason, adding=False)

    return _apply(app, make, yes, "changed")


@vocabulary.command("add-unit")
@click.argument("unit")
@click.option("--reason", required=True, help="Why the store needs it.")
@click.option("--yes", "-y", is_flag=True, help="Apply without showing the change and asking.")
@pass_app
def add_unit(app: App, unit: str, reason: str, yes: bool) -> int:
    """Add a unit to the store's vocabulary: predicates that take any unit take it too.

    \b
    Examples:
      factcli --db mine.json vocabulary add-unit JPY --reason "figures of Japanese contracts" --yes
    """
    return _apply(app, lambda facts: curate.plan_unit(facts, unit, reason), yes, "added unit")
