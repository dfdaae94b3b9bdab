"""The public JSON shapes, as JSON Schema (draft 2020-12) files shipped with the package.

`factcli schema NAME` prints one; tests validate every command's --json and --jsonl output
against them. Which command prints which shape:

- claim: search, timeline, show (with `paragraph` and `entities`); one per array item or line.
- source: sources. entity: entities. problem: verify.
- diff: diff --json; `$defs/line` is one line of diff --jsonl.
- compare: compare --json; `$defs/row` is one line of compare --jsonl.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

NAMES = ("claim", "source", "entity", "diff", "compare", "problem")


def text(name: str) -> str:
    """The schema file as shipped."""
    return resources.files(__package__).joinpath(f"{name}.json").read_text(encoding="utf-8")


@cache
def load(name: str) -> dict[str, Any]:
    return json.loads(text(name))


def properties(name: str) -> list[str]:
    """The top-level field names of a record kind, in their documented order."""
    return list(load(name).get("properties", {})) if name in NAMES else []
