"""The commands that look after the store as a whole: verify it, print the output schemas,
show or rebuild its index, migrate it to this version's schema, and export it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from .. import index as idx
from .. import render, schemas
from ..export import export_records
from ..migrate import migrate as run_migrate
from ..present import count_text
from ..records import SCHEMA_VERSION
from ..render import Output
from ..verify import verify as run_verify
from .app import App, pass_app
from .group import command
from .options import Plain, export_options, filter_options, nothing_found, output_options

if TYPE_CHECKING:
    from ..search import Query


@command("verify")
@click.option(
    "--constraints", is_flag=True, help="Also check every claim against its predicate's constraints."
)
@click.option(
    "--names",
    is_flag=True,
    help="Also check entity names: aliases that analyze as another's name or a common word, shared names, yearless recurring events.",
)
@output_options
@pass_app
def verify(app: App, output: Output, constraints: bool, names: bool) -> int:
    """Check the store: schema, quotes at their offsets, sha256, references, ids.

    Exit 0 when clean, 1 with the list of problems. --constraints: each claim against the
    constraints of its predicate too (subject and object types, value units, modality and
    polarity, inverse and symmetric predicates), one line per violation naming its rule.

    \b
    Examples:
      factcli verify
      factcli --db mine.json verify --json
      factcli verify --constraints
      factcli verify --names
    """
    facts = app.facts(checked=False)
    problems = run_verify(facts, constraints=constraints, names=names)
    if output.fmt in ("table", "plain") and output.mode == "records" and not problems:
        output.out.write(
            f"ok: {count_text(len(facts.sources), 'source')}, "
            f"{count_text(len(facts.entities), 'entity', 'entities')}, "
            f"{count_text(len(facts.claims), 'claim')} verified in {render.plain(str(facts.path))}\n"
        )
        return 0
    render.emit(output, problems, "problem", title=count_text(len(problems), "problem"))
    return 1 if problems else 0


@command("schema")
@click.argument("name", required=False, type=click.Choice(list(schemas.NAMES)))
@pass_app
def schema(app: App, name: str | None) -> int:
    """Print the JSON Schema of an output shape; without NAME, list the shapes.

    claim: search, timeline, show; source: sources; entity: entities; problem: verify;
    diff and compare: their --json object (their --jsonl lines are its $defs line and row);
    count and ids: --count and --ids with --json.

    \b
    Examples:
      factcli schema
      factcli schema claim | jq '.required'
    """
    if name is None:
        for n in schemas.NAMES:
            click.echo(f"{n}\t{schemas.load(n)['description']}")
        return 0
    app.env.stdout.write(schemas.text(name))
    return 0


@command("index")
@click.option("--rebuild", is_flag=True, help="Rebuild the index from the store now.")
@output_options
@pass_app
def index_(app: App, rebuild: bool, output: Output) -> int:
    """Where the store's search index is, whether it is fresh, and what it holds.

    Read commands keep the index fresh by themselves (it is rebuilt whenever the store
    changed); --rebuild forces it. The index lives in the cache folder: $FACTCLI_CACHE, else
    $XDG_CACHE_HOME/factcli, else ~/.cache/factcli. --json says `fresh` true or false.

    \b
    Examples:
      factcli index
      factcli index --rebuild
      factcli index --json | jq .fresh
    """
    if app.index_url is not None and not rebuild:
        from .server import show_status  # --index: the shared index's status

        return show_status(app, app.index_url, output.fmt in ("json", "jsonl"))
    if rebuild:
        app.index(rebuild=True)
    info = idx.status(app.location)
    if output.fmt in ("json", "jsonl"):
        output.out.write(render.dumps(info) + "\n")
    else:
        counts = info.get("counts") or {}
        state = "fresh" if info["fresh"] else ("stale" if info["exists"] else "not built yet")
        lines = [f"store: {info['store']}", f"index: {info['index']} ({state})"]
        if counts:
            lines.append(", ".join(f"{v} {k}" for k, v in counts.items()))
        if info.get("problem"):
            lines.append(f"problem: {info['problem']}")
        output.out.write(render.plain("\n".join(lines)) + "\n")
    return 2 if info.get("problem") else 0  # an unreadable index: the next read rebuilds it


@command("migrate")
@pass_app
def migrate(app: App) -> int:
    """Upgrade the store file to this factcli's schema version (any write also does).

    \b
    Examples:
      factcli migrate
    """
    done = run_migrate(app.location)
    if done is None:
        app.env.stderr.write(f"{app.location.path} is already at schema version {SCHEMA_VERSION}\n")
    else:
        what = []
        if done["claims"]:
            what.append(f"{done['claims']} claims lost their stored match keys, now derived in the index")
        if done.get("vocabulary"):
            what.append("the store now carries its vocabulary, the one factcli shipped")
        said = f" ({'; '.join(what)})" if what else ""
        app.env.stderr.write(
            f"upgraded {app.location.path} from schema version {done['from']} to {done['to']}{said}\n"
        )
    return 0


@command("export")
@click.argument("terms", nargs=-1)
@filter_options
@export_options
@pass_app
def export(app: App, query: Query, output: Output) -> int:
    """Write records as JSON Lines that `import` reads back: sources, entities, then claims.

    Without a query or filter, the whole store, retracted claims and every correction's
    trail included: `import --create` of it makes an equivalent store. With one, the
    claims `search` would find (in stored order) with the sources they cite and the
    entities they name. Each record says what it is in `kind` (source, entity, claim);
    --json prints one array instead, --count and --ids only the number or the ids.

    \b
    Examples:
      factcli export > backup.jsonl
      factcli export S-400 --source khaleej-2018-07-21 | factcli --db s400.json import --create -
      factcli export S-400 | jq -r 'select(.kind == "claim") | .statement'
    """
    from ..search import search as run_search  # for a query or filter only

    filtered = query.terms or any(
        getattr(query, f)
        for f in ("subject", "object", "predicate", "speaker", "source", "since", "until", "limit")
    )
    if app.index_url is not None:  # --index: the records the shared index holds
        index = app.index()
        hits = run_search(index, query) if filtered else []
        cited = {(h.claim.get("citation") or {}).get("source") for h in hits}
        facts = index.facts(sources={s for s in cited if isinstance(s, str)} if filtered else None)
        found = {h.claim.get("id") for h in hits}
        chosen = [c for c in facts.claims if c.get("id") in found]  # the snapshot's own records
    else:
        facts = app.facts()
        hits = run_search(facts, query) if filtered else []
        chosen = [h.claim for h in hits]
    if filtered:
        if not hits:
            code = nothing_found(app, Plain(output.out, output.err), query.terms)
            if output.fmt == "json" or output.mode != "records":
                render.emit(output, [], EXPORT_COLUMNS)  # still the shape asked for: [], 0
            return code
        records = export_records(facts, chosen)
    else:
        records = export_records(facts)
    render.emit(output, records, EXPORT_COLUMNS)
    return 0


# What an exported record is, for the writers: its kind and id (--ids lists the ids).
EXPORT_COLUMNS = [("kind", lambda r: r.get("kind")), ("id", lambda r: r.get("id"))]
