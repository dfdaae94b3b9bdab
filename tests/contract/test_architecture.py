"""The package's layering, read from its source: no import cycle among factcli's modules.

Every import counts, the ones inside functions too (a cycle hidden in a function still ties
two modules together); only imports under `if TYPE_CHECKING:` do not, as they never run."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "factcli"

# Imports that still close a cycle, in modules being reshaped apart from the store: each
# (importer, imported) is to be removed, and this list emptied. The store, its index and
# migration are never on it.
KNOWN_CYCLE_EDGES: set[tuple[str, str]] = set()


def _files() -> dict[str, list[Path]]:
    """Each top-level module of factcli (a subpackage counts as one) and its files."""
    out: dict[str, list[Path]] = {p.stem: [p] for p in sorted(PACKAGE.glob("*.py"))}
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        out[init.parent.name] = sorted(init.parent.rglob("*.py"))
    return out


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(path: Path, modules: set[str]) -> set[str]:
    """The factcli modules a file imports, wherever in it, less those under TYPE_CHECKING."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = parts[:-1]  # what `from .` means in this file (an __init__ too: its own folder)
    out: set[str] = set()

    def node_of(name: tuple[str, ...]) -> str | None:
        if not name or name[0] != "factcli":
            return None
        return name[1] if len(name) > 1 else "__init__"

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            out.update(n for a in node.names if (n := node_of(tuple(a.name.split(".")))))
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            target = base + tuple(node.module.split(".")) if node.module else base
            if target == ("factcli",):  # from . import store, __version__
                out.update(a.name if a.name in modules else "__init__" for a in node.names)
            elif (n := node_of(target)) is not None:
                out.add(n)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    return out


def import_graph() -> dict[str, set[str]]:
    """Each factcli module and the factcli modules it imports (itself left out)."""
    files = _files()
    names = set(files)
    return {
        name: set().union(*(_imported(p, names) for p in paths)) - {name} for name, paths in files.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return sorted(out)


def test_the_import_graph_is_read_from_every_kind_of_import():
    graph = import_graph()
    assert {"records", "codec", "errors"} <= graph["store"]  # top-level imports
    assert "datespan" in graph["schema"]  # an import inside a function
    assert "tinydb" not in graph["store"]  # only factcli's own modules
    assert "schemas" in graph["render"]  # a subpackage is one module


def test_the_records_module_imports_nothing_from_factcli():
    assert import_graph()["records"] == set()


def test_the_store_imports_neither_its_index_nor_its_migration():
    graph = import_graph()
    assert not {"index", "migrate"} & graph["store"]


def test_there_is_no_import_cycle_among_factcli_modules():
    graph = import_graph()
    for importer, imported in KNOWN_CYCLE_EDGES:
        assert imported in graph[importer], f"{importer} -> {imported} is gone: take it off the list"
        assert not {importer, imported} & {"store", "index", "migrate"}
    pruned = {name: deps - {b for a, b in KNOWN_CYCLE_EDGES if a == name} for name, deps in graph.items()}
    assert cycles(pruned) == []


def test_a_cycle_is_found_however_long():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
