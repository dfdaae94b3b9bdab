"""The public JSON shapes, as JSON Schema (draft 2020-12) files shipped with the package.

`factcli schema NAME` prints one; tests validate every command's --json and --jsonl output
against them. Which command prints which shape:

- claim: search, timeline, show (with `paragraph` and `entities`); one per array item or line.
- source: sources. entity: entities. problem: verify.
- diff: diff --json; `$defs/line` is one line of diff --jsonl.
- compare: compare --json; `$defs/row` is one line of compare --jsonl.
- count: `{"count": N}`, --count with --json or --jsonl, of any of them.
- ids: an array of ids, --ids with --json (with --jsonl, each id is one line).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

NAMES = ("claim", "source", "entity", "diff", "compare", "problem", "count", "ids")


def text(name: str) -> str:
    """The schema file as shipped."""
    return resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")


@cache
def load(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(text(name))
    return schema


@cache
def paths(name: str) -> tuple[str, ...]:
    """Every field path of a record kind, dotted (`date.start`, `citation.quote`): objects
    followed through `$ref`, `anyOf` and `oneOf`, never into arrays. What `--fields` takes."""
    if name not in NAMES:
        return ()
    schema = load(name)
    defs = schema.get("$defs", {})
    found: list[str] = []

    def objects(node: dict[str, Any]) -> list[dict[str, Any]]:
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            node = defs.get(ref.rsplit("/", 1)[1], {})
        if "properties" in node:
            return [node]
        return [o for alt in node.get("anyOf", []) + node.get("oneOf", []) for o in objects(alt)]

    def walk(node: dict[str, Any], prefix: str, depth: int) -> None:
        for obj in objects(node):
            for key, sub in obj["properties"].items():
                path = f"{prefix}{key}"
                if path not in found:
                    found.append(path)
                if depth < 4:
                    walk(sub, path + ".", depth + 1)

    walk(schema, "", 0)
    return tuple(found)
