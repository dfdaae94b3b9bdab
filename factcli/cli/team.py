"""The commands for a store a team shares: convert between a store file and a directory store,
merge another copy's work, and the merge driver git calls for a directory store's files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from .. import store
from ..errors import InputError, StoreError
from ..present import count_text
from ..render import plain
from .app import App, pass_app
from .group import command, complete_files


@command("convert")
@click.argument("from_", metavar="FROM", shell_complete=complete_files)
@click.argument("to", metavar="TO", shell_complete=complete_files)
@pass_app
def convert(app: App, from_: str, to: str) -> int:
    """Convert a store between its two layouts: a store file and a directory store.

    A store file (facts.json) becomes a directory store (one file per source, one JSON
    Lines file of claims per source, entities, metadata: for a team and for git), and a
    directory store becomes a store file. TO must not exist (or be an empty folder for a
    directory store). Nothing is lost: the shipped store converted there and back is the
    same file, byte for byte.

    \b
    Examples:
      factcli convert facts.json team-store
      factcli convert team-store facts-copy.json
    """
    from ..convert import convert as run_convert
    from ..migrate import upgrade

    source = store.locate(from_)
    done = run_convert(source, Path(to), upgrade=upgrade)
    app.env.stderr.write(
        f"converted {plain(from_)} into the {done.layout} store {plain(to)}: "
        f"{count_text(done.sources, 'source')}, {count_text(done.entities, 'entity', 'entities')}, "
        f"{count_text(done.claims, 'claim')}\n"
    )
    return 0


@command("merge")
@click.argument("other", shell_complete=complete_files)
@click.option(
    "--json", "as_json", is_flag=True, help="Print what was merged (or the conflicts) as one JSON object."
)
@pass_app
def merge(app: App, other: str, as_json: bool) -> int:
    """Merge another copy of the store (a file or a directory store) into this one.

    Records only OTHER has are added, with their ids; records the same on both sides are
    kept once; a claim or entity corrected or retracted on either side is combined by its
    trail of revisions. A real conflict (the same field corrected to two values, a record
    edited differently by hand, two texts for one source, one claim entered twice under two
    ids) is listed with both versions, and nothing is written: exit 1. Exit 0 when merged.

    \b
    Examples:
      factcli --db mine.json merge facts.json
      factcli convert facts.json desk && factcli --db desk merge mine.json --json
    """
    from ..index import refresh
    from ..merge import describe, merge_stores
    from ..migrate import upgrade

    theirs = store.locate(other)
    if os.path.realpath(theirs.path) == os.path.realpath(app.location.path):
        raise InputError(f"{other} is this store: nothing to merge")
    merged = merge_stores(app.location, theirs, upgrade=upgrade, on_written=refresh)
    if as_json:
        from ..codec import encode_text

        click.echo(encode_text(merged.summary()), file=app.env.stdout)
    if merged.conflicts:
        app.env.say(f"{count_text(len(merged.conflicts), 'conflict')} merging {other}; nothing was written")
        if not as_json:
            for conflict in merged.conflicts:
                for line in describe(conflict):
                    app.env.stderr.write(plain(line) + "\n")
        return 1
    if not as_json:
        added = merged.added
        app.env.stderr.write(
            plain(
                f"merged {other} into {app.location.path}: "
                f"{count_text(len(added['sources']), 'new source')}, "
                f"{count_text(len(added['entities']), 'new entity', 'new entities')}, "
                f"{count_text(len(added['claims']), 'new claim')}, "
                f"{count_text(sum(len(v) for v in merged.changed.values()), 'record')} combined, "
                f"{merged.unchanged} the same on both sides"
            )
            + "\n"
        )
    return 0


@command("merge-driver")
@click.argument("base", type=click.Path(dir_okay=False))
@click.argument("ours", type=click.Path(dir_okay=False))
@click.argument("theirs", type=click.Path(dir_okay=False))
@click.argument("path", required=False)
@pass_app
def merge_driver(app: App, base: str, ours: str, theirs: str, path: str | None) -> int:
    """Merge one file of a directory store for git: BASE OURS THEIRS [PATH] (%O %A %B %P).

    Two branches that added or corrected different claims, even of the same source, merge
    record by record with no hand work; the result is written to OURS. A real conflict is
    left between conflict markers, as git leaves one, and exit 1. Git runs it once it is
    named in the clone's config (the store's .gitattributes asks for it):
    git config merge.factcli.driver "factcli merge-driver %O %A %B %P"

    \b
    Examples:
      factcli merge-driver claims.jsonl claims.jsonl claims.jsonl claims/khaleej-2018-07-21.jsonl
    """
    from ..merge import describe, merge_file

    texts = [_read(p) for p in (base, ours, theirs)]
    merged, conflicts = merge_file(texts[0], texts[1], texts[2], path or ours)
    from ..store import directory as dirstore

    tmp = Path(ours).with_name(f".factcli-merge-{os.urandom(6).hex()}")
    try:
        dirstore.write_file(tmp, merged, dirstore.file_mode(Path(ours)))
        os.replace(tmp, ours)
    except OSError as exc:
        raise StoreError(f"{ours}: cannot write the merge ({exc.strerror})") from None
    finally:
        if tmp.exists():
            tmp.unlink()
    for conflict in conflicts:
        for line in describe(conflict):
            app.env.stderr.write(plain(f"{path or ours}: {line}") + "\n")
    return 1 if conflicts else 0


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            data: Any = f.read()
            return bytes(data)
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from None
