"""The package's layering, read from its source: no import cycle among factcli's modules, and
one home for the ideas that once had several (the linker, the proclitics, the terminal).

Every import counts, the ones inside functions too (a cycle hidden in a function still ties
two modules together); only imports under `if TYPE_CHECKING:` do not, as they never run."""

from __future__ import annotations

import ast
import functools
import re
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


@functools.cache
def _tree(path: Path) -> ast.Module:
    """A file's syntax tree, parsed once for every test of this module."""
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


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

    visit(_tree(path))
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


# --- one home for each idea -------------------------------------------------------------

# The Arabic proclitic letters: و ف (conjunctions), ب ل ك (prepositions).
_PROCLITIC_LETTERS = {"\u0648", "\u0641", "\u0628", "\u0644", "\u0643"}


def _trees() -> dict[Path, ast.Module]:
    return {p: _tree(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_there_is_one_entity_linker_class():
    linkers = [
        f"{path.relative_to(PACKAGE)}:{node.name}"
        for path, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name.lstrip("_").endswith("Linker")
    ]
    assert linkers == ["link.py:Linker"]


def _proclitic_lists(tree: ast.AST) -> int:
    """How many lists of proclitics a module spells out: a tuple, list or set of two or more
    of the letters و ف ب ل ك and nothing else, or a string of three or more of them."""
    found = 0
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            found += len(items) == len(node.elts) >= 2 and set(items) <= _PROCLITIC_LETTERS
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += len(set(node.value)) >= 3 and set(node.value) <= _PROCLITIC_LETTERS
    return found


def test_the_proclitic_letters_are_listed_in_one_module():
    # Drafting's cue patterns and the index's name forms build on `analyze`'s lists.
    homes = {p.relative_to(PACKAGE).as_posix() for p, tree in _trees().items() if _proclitic_lists(tree)}
    assert homes == {"analyze.py"}


def test_the_proclitic_check_sees_a_list_written_again():
    assert _proclitic_lists(ast.parse('PREFIXES = ("\u0648", "\u0628")')) == 1
    assert _proclitic_lists(ast.parse('LETTERS = "\u0648\u0641\u0628"')) == 1
    assert (
        _proclitic_lists(ast.parse('WORDS = ("\u0648", "\u0645\u0646")')) == 0
    )  # و and من: not proclitics alone


def test_no_command_module_is_over_900_lines():
    sizes = {
        p.relative_to(PACKAGE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in (PACKAGE / "cli").rglob("*.py")
    }
    assert sizes, "the command line is a package of modules"
    assert {name: n for name, n in sizes.items() if n > 900} == {}


def test_the_core_never_imports_click_or_rich():
    # The command line and the layout module are the only ones that speak to a terminal.
    outside = {"cli", "render"}
    offenders = set()
    for path, tree in _trees().items():
        top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if top in outside:
            continue
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            if any(n.split(".")[0] in {"click", "rich"} for n in names):
                offenders.add(path.relative_to(PACKAGE).as_posix())
    assert offenders == set()


# --- private names stay home -----------------------------------------------------------


def _top(path: Path) -> str:
    """The top-level module a file belongs to (a subpackage is one module)."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def foreign_private_names(path: Path, tree: ast.AST) -> list[str]:
    """`module._name` and `from module import _name` in a file, where the module is another
    top-level module of factcli than the file's own (a package's files share its names)."""
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    mine = _top(path)
    bound: dict[str, str] = {}  # a local name -> the top-level factcli module it stands for
    found: list[str] = []

    def top_of(target: tuple[str, ...]) -> str | None:
        return target[1] if len(target) > 1 and target[0] == "factcli" else None

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else ()
            target = base + tuple(node.module.split(".")) if node.module else base
            for alias in node.names:
                whole = target + (alias.name,)
                top = top_of(target) if top_of(target) is not None else top_of(whole)
                if top is None:
                    continue
                if alias.name.startswith("_") and not alias.name.startswith("__") and top != mine:
                    found.append(f"from {'.'.join(target)} import {alias.name}")
                elif not alias.name.startswith("_"):
                    # `from . import store`, `from .store import directory`: a module bound
                    # to a name (a function or constant bound so is never an attribute's base).
                    bound[alias.asname or alias.name] = top_of(whole) or top
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = tuple(alias.name.split("."))
                if alias.asname and top_of(parts):
                    bound[alias.asname] = top_of(parts)  # type: ignore[assignment]
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and bound.get(node.value.id, mine) != mine
        ):
            found.append(f"{node.value.id}.{node.attr} (line {node.lineno})")
    return found


def test_no_module_reaches_into_another_modules_private_names():
    # What one module offers another is public; a subpackage's files share their names.
    offenders = {
        path.relative_to(PACKAGE).as_posix(): names
        for path, tree in _trees().items()
        if (names := foreign_private_names(path, tree))
    }
    assert offenders == {}


def test_the_private_name_check_sees_both_forms():
    path = PACKAGE / "convert.py"
    tree = ast.parse("from . import store\nfrom .store import _read\nstore._parse(b'')\n")
    assert foreign_private_names(path, tree) == ["from factcli.store import _read", "store._parse (line 3)"]
    inside = PACKAGE / "store" / "directory.py"
    assert foreign_private_names(inside, ast.parse("from .. import store\nstore._parse(b'')\n")) == []


# --- SQL in the backends alone -----------------------------------------------------------

# SQL statements and clauses, and FTS5 query syntax (column filters, operators, bm25).
_SQL = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|PRAGMA|WHERE|JOIN|ORDER BY|GROUP BY|LIMIT|"
    r"VALUES|MATCH|NEAR|IS (NOT )?NULL|json_each|bm25)\b|\bIN \(|\{[a-z_]+\}\s*:|\b\w+ = \?"
)


def sql_texts(tree: ast.AST) -> int:
    """How many string constants in a module are SQL statements (or pieces of one)."""
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL.search(node.value)
    )


def test_sql_is_written_by_the_two_index_backends_only():
    # The query plan is the contract: search, the store and the rest never write SQL or FTS5.
    homes = {p.relative_to(PACKAGE).as_posix() for p, tree in _trees().items() if sql_texts(tree)}
    assert homes == {"index/backend.py", "index/postgres.py"}


def test_the_sql_check_sees_a_statement_in_any_string():
    assert sql_texts(ast.parse('Q = "SELECT doc FROM claims WHERE id = ?"')) == 1
    assert sql_texts(ast.parse("conn.execute(f'INSERT INTO names VALUES ({marks})')")) == 1
    assert sql_texts(ast.parse("WHERE = 'claims.id IN (' + marks + ')'")) == 1
    assert sql_texts(ast.parse('TERM = f\'"{word}" NEAR "{other}"\'')) == 1  # FTS5's syntax
    assert sql_texts(ast.parse('NOTE = "select the claims a query meets"')) == 0
