"""The commands that correct the store: edit and retract a claim, and the entity group (add,
set, add-alias, remove-alias, merge). Each correction plans its change with `curate`, shows
it and asks (unless --yes), then writes it in one step; `entity add` writes a new entity as
an import does, its missing fields asked for on a terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from .. import curate, review, store
from ..errors import InputError
from ..importer import AddRefused, ValidationError, check_entity, import_records, parse_value
from ..present import plan_lines
from ..render import plain
from ..vocabulary import ENTITY_TYPES, MODALITIES, POLARITIES
from .app import App, pass_app
from .complete import complete_entities, complete_modalities, complete_polarities, complete_predicates
from .group import FactcliGroup, command
from .terminal import TerminalAsker

F = TypeVar("F", bound=Callable[..., Any])


def _reason_option(func: F) -> F:
    return click.option("--reason", required=True, help="Why: kept in the record's revisions.")(func)


def _yes_option(func: F) -> F:
    return click.option("--yes", "-y", is_flag=True, help="Apply without showing the change and asking.")(
        func
    )


def stance_options(defaults: bool) -> Callable[[F], F]:
    """`--polarity` and `--modality`, any of the store's vocabulary (checked as an import
    checks them), completed from it; with `defaults`, `add`'s: affirmed, fact."""

    def decorate(func: F) -> F:
        func = click.option(
            "--modality",
            metavar="MODALITY",
            default="fact" if defaults else None,
            show_default=defaults,
            help=f"{', '.join(MODALITIES)} (or another of the store's vocabulary).",
            shell_complete=complete_modalities,
        )(func)
        return click.option(
            "--polarity",
            metavar="POLARITY",
            default="affirmed" if defaults else None,
            show_default=defaults,
            help=f"{' or '.join(POLARITIES)} (or another of the store's vocabulary).",
            shell_complete=complete_polarities,
        )(func)

    return decorate


def confirmed(app: App, make: Callable[[store.Facts], curate.Plan], yes: bool) -> curate.Plan | None:
    """Plan the change and show it, and ask unless --yes: the plan to write, or None when the
    user said no (they were told nothing changed)."""
    env = app.env
    plan = make(app.facts())
    for note in plan.notes:
        env.note(note)
    if not yes:
        for line in plan_lines(plan):
            click.echo(plain(line))
        try:
            agreed = click.confirm("apply this change?", default=False, err=True)
        except click.Abort:
            env.stderr.write("\n")  # end the prompt's line: the error is a line of its own
            raise InputError("nothing changed: no answer (--yes applies without asking)") from None
        if not agreed:
            env.say("nothing changed")
            return None
    return plan


def applied(app: App, make: Callable[[store.Facts], curate.Plan], yes: bool) -> curate.Plan | None:
    """Plan the change, show it, ask unless --yes, then write it in one atomic step: the plan
    as written, or None when the answer was no."""
    plan = confirmed(app, make, yes)
    return None if plan is None else curate.apply(app.location, make, plan)


def _change(app: App, make: Callable[[store.Facts], curate.Plan], yes: bool, done: str) -> int:
    """Plan the change, show it, ask unless --yes, then write it in one atomic step."""
    env = app.env
    written = applied(app, make, yes)
    if written is None:
        return 1
    claims = [c.id for c in written.changes if c.table == "claims"]
    entities = [c.id for c in written.changes if c.table == "entities"]
    what = [f"claim{'s' if len(claims) > 1 else ''} {', '.join(claims)}"] if claims else []
    what += [f"entit{'ies' if len(entities) > 1 else 'y'} {', '.join(entities)}"] if entities else []
    what += [f"removed entity {', '.join(written.removed)}"] if written.removed else []
    env.stderr.write(plain(f"{done}: {'; '.join(what)} in {app.location.path} at {written.at}") + "\n")
    return 0


@command("edit")
@click.argument("claim_id")
@click.option("--statement", help="One plain English sentence.")
@click.option("--subject", help="Entity id or name.", shell_complete=complete_entities)
@click.option("--predicate", help="Predicate from the vocabulary.", shell_complete=complete_predicates)
@click.option(
    "--object", "object_", help="Entity id or name ('' for none).", shell_complete=complete_entities
)
@click.option("--value", metavar="AMOUNT UNIT", help="A figure, e.g. '8600000000 USD' ('' for none).")
@click.option(
    "--date",
    "date_",
    metavar="DATE",
    help="A date or phrase, read against the source's publication ('' for none).",
)
@stance_options(defaults=False)
@click.option("--speaker", help="Who said it ('' for none).", shell_complete=complete_entities)
@click.option(
    "--via", help="Agency or outlet the source took it from ('' for none).", shell_complete=complete_entities
)
@click.option("--source", "source_id", metavar="ID", help="Another source for the citation.")
@click.option("--quote", help="Other exact words of the source (offsets are found again).")
@click.option("--create-entities", is_flag=True, help="Accept unknown names as new entities.")
@_reason_option
@_yes_option
@pass_app
def edit(
    app: App,
    claim_id: str,
    statement: str | None,
    subject: str | None,
    predicate: str | None,
    object_: str | None,
    value: str | None,
    date_: str | None,
    polarity: str | None,
    modality: str | None,
    speaker: str | None,
    via: str | None,
    source_id: str | None,
    quote: str | None,
    create_entities: bool,
    reason: str,
    yes: bool,
) -> int:
    """Correct a claim: any field but its id and citation offsets, checked like an import.

    The change is shown and asked for (unless --yes), then written in one step and kept
    in the claim's revisions: when, each field from and to, and the reason.

    \b
    Examples:
      factcli --db mine.json edit c0002 --quote "وقع البلدان اتفاقا لإمداد الدوحة بأسلحة خفيفة مثل بنادق كلاشنيكوف" \\
          --statement "Qatar and Russia signed an agreement to supply Doha with light weapons such as Kalashnikov rifles." \\
          --reason "quote the whole clause" --yes
      factcli --db mine.json edit c0012 --date "السبت" --reason "the ambassador spoke on Saturday 21 July 2018" --yes
      factcli --db mine.json show c0012
    """
    given = {
        "statement": statement,
        "subject": subject,
        "predicate": predicate,
        "object": object_,
        "value": value,
        "date": date_,
        "polarity": polarity,
        "modality": modality,
        "speaker": speaker,
        "via": via,
        "source": source_id,
        "quote": quote,
    }
    fields: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if not fields:
        raise InputError("edit needs at least one field to change (see 'factcli edit --help')")
    for k in list(fields):
        if fields[k] == "" and k in curate.CLEARABLE_CLAIM_FIELDS:
            fields[k] = None
    if fields.get("value") is not None:
        fields["value"] = parse_value(fields["value"])
    return _change(
        app,
        lambda facts: curate.plan_edit(facts, claim_id, fields, reason, create_entities=create_entities),
        yes,
        "edited",
    )


@command("retract")
@click.argument("claim_id")
@_reason_option
@_yes_option
@pass_app
def retract(app: App, claim_id: str, reason: str, yes: bool) -> int:
    """Retract a claim: it keeps its id and record, and says when and why.

    A retracted claim is left out of search, timeline, diff and compare unless
    --include-retracted; `show` still shows it, with the retraction.

    \b
    Examples:
      factcli --db mine.json retract c0003 --reason "c0016 states it, attributed to the ambassador" --yes
      factcli --db mine.json show c0003
      factcli --db mine.json search Kalashnikov --include-retracted
    """
    return _change(app, lambda facts: curate.plan_retract(facts, claim_id, reason), yes, "retracted")


@click.group("entity", cls=FactcliGroup)
def entity() -> None:
    """Add an entity, or correct one: its names, description and type; merge two into one.

    \b
    Examples:
      factcli --db mine.json entity add tass --name "TASS" --name-ar "تاس" --type organization \\
          --alias "ITAR-TASS" --description "Russian state news agency"
      factcli --db mine.json entity add-alias s-400 "С-400" --reason "the Russian spelling" --yes
      factcli --db mine.json entity set kornet --description "Russian anti-tank guided missile" --reason "say what it is" --yes
    """


@entity.command("add")
@click.argument("entity_id", metavar="[ID]", required=False)
@click.option("--name", help="The English name.")
@click.option("--name-ar", help="The Arabic name.")
@click.option("--type", "type_", metavar="TYPE", help=", ".join(ENTITY_TYPES) + ".")
@click.option("--alias", "aliases", multiple=True, help="Another name a user may type (repeatable).")
@click.option(
    "--metonym", "metonyms", multiple=True, help="A name of another thing used for it, as Doha (repeatable)."
)
@click.option(
    "--common-word", "common_words", multiple=True, help="A name that is also a common word (repeatable)."
)
@click.option("--description", help="What it is.")
@pass_app
def entity_add(
    app: App,
    entity_id: str | None,
    name: str | None,
    name_ar: str | None,
    type_: str | None,
    aliases: tuple[str, ...],
    metonyms: tuple[str, ...],
    common_words: tuple[str, ...],
    description: str | None,
) -> int:
    """Add an entity, checked like an import; ID is made from the name when not given.

    Missing fields are asked for when run on a terminal. A stored id, or a name that
    already names another entity, is refused. The new entity's id is printed.

    \b
    Examples:
      factcli --db mine.json entity add tass --name "TASS" --name-ar "تاس" --type organization \\
          --alias "ITAR-TASS" --description "Russian state news agency"
      factcli --db mine.json entities TASS
    """
    answers: dict[str, Any] = {
        "id": entity_id,
        "name": name,
        "name_ar": name_ar,
        "type": type_,
        "aliases": list(aliases),
        "metonyms": list(metonyms),
        "common_words": list(common_words),
        "description": description,
    }
    missing = review.entity_missing(answers)
    if missing:
        if not app.env.interactive:
            raise InputError(
                "entity add needs "
                + ", ".join("--" + m for m in missing)
                + " (or run it on a terminal to be asked)"
            )
        stopped = None
        try:
            review.ask_entity(TerminalAsker(app.env), app.facts(), answers, review.entity_to_ask(answers))
        except review.Stopped as stop:
            stopped = stop.original
        if stopped is not None:
            raise stopped  # raised here, not in the handler: it keeps its own cause (^C or end of input)
    rec = review.entity_record(answers)
    _, problems = check_entity(app.facts(), rec)
    if problems:
        raise AddRefused(problems)
    try:
        summary = import_records(app.location, [rec], numbered=False)
    except ValidationError as exc:
        raise AddRefused(exc.problems) from None
    if not summary.entity_ids:  # stored by another writer since the check: an import's "unchanged"
        raise AddRefused(["that entity is already stored (another write added it)"])
    click.echo(summary.entity_ids[0])
    return 0


@entity.command("set")
@click.argument("entity_ref", metavar="ENTITY")
@click.option("--name", help="The English name (the old one is kept as an alias).")
@click.option("--name-ar", help="The Arabic name ('' for none).")
@click.option("--description", help="What it is ('' for none).")
@click.option("--type", "type_", metavar="TYPE", help=", ".join(ENTITY_TYPES) + ".")
@_reason_option
@_yes_option
@pass_app
def entity_set(
    app: App,
    entity_ref: str,
    name: str | None,
    name_ar: str | None,
    description: str | None,
    type_: str | None,
    reason: str,
    yes: bool,
) -> int:
    """Set an entity's name, Arabic name, description or type ('' empties an optional one).

    \b
    Examples:
      factcli --db mine.json entity set fsvts --name "Federal Service for Military-Technical Cooperation (FSVTS)" \\
          --reason "the acronym the press uses" --yes
      factcli --db mine.json entity set kornet --description "Russian anti-tank guided missile" --reason "say what it is" --yes
    """
    given = {"name": name, "name_ar": name_ar, "description": description, "type": type_}
    fields = {
        k: (None if v == "" and k in curate.CLEARABLE_ENTITY_FIELDS else v)
        for k, v in given.items()
        if v is not None
    }
    if not fields:
        raise InputError("entity set needs --name, --name-ar, --description or --type")
    return _change(
        app, lambda facts: curate.plan_entity_set(facts, entity_ref, fields, reason), yes, "changed"
    )


@entity.command("add-alias")
@click.argument("entity_ref", metavar="ENTITY")
@click.argument("names", nargs=-1, required=True)
@_reason_option
@_yes_option
@pass_app
def entity_add_alias(app: App, entity_ref: str, names: tuple[str, ...], reason: str, yes: bool) -> int:
    """Add names a user may type for an entity (any script).

    \b
    Examples:
      factcli --db mine.json entity add-alias s-400 "С-400" "تريومف" --reason "Russian and other Arabic spellings" --yes
    """
    return _change(
        app, lambda facts: curate.plan_aliases(facts, entity_ref, list(names), [], reason), yes, "changed"
    )


@entity.command("remove-alias")
@click.argument("entity_ref", metavar="ENTITY")
@click.argument("names", nargs=-1, required=True)
@_reason_option
@_yes_option
@pass_app
def entity_remove_alias(app: App, entity_ref: str, names: tuple[str, ...], reason: str, yes: bool) -> int:
    """Remove aliases of an entity.

    \b
    Examples:
      factcli --db mine.json entity add-alias kalashnikov "AKM" --reason "a rifle of the family" --yes
      factcli --db mine.json entity remove-alias kalashnikov "AKM" --reason "a variant, not the rifle itself" --yes
    """
    return _change(
        app, lambda facts: curate.plan_aliases(facts, entity_ref, [], list(names), reason), yes, "changed"
    )


@entity.command("merge")
@click.argument("keep")
@click.argument("gone")
@_reason_option
@_yes_option
@pass_app
def entity_merge(app: App, keep: str, gone: str, reason: str, yes: bool) -> int:
    """Merge entity GONE into KEEP: its claims re-pointed, its names kept as KEEP's aliases.

    \b
    Examples:
      factcli --db mine.json add --source khaleej-2018-07-21 --quote "تبحث قطر مع روسيا" --subject Katar \\
          --predicate negotiating_purchase --object s-400 --modality in_talks --create-entities \\
          --statement "Qatar is discussing a possible S-400 purchase with Russia."
      factcli --db mine.json entity merge qatar katar --reason "Katar is Qatar, spelt the German way" --yes
    """
    return _change(app, lambda facts: curate.plan_merge(facts, keep, gone, reason), yes, "merged")
