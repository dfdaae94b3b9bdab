"""CONTRIBUTING.md's map is whole: every module of the package has its line in "Which module
owns what" (a package's modules named in the package's line), and every test file is named
in "Where is the test for X", so a newcomer finds any behaviour's module and test from the
map alone."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAP = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = MAP.index(f"## {title}")
    end = MAP.find("\n## ", start + 1)
    return MAP[start : end if end != -1 else None]


def _module_rows() -> dict[str, str]:
    """The module table: a module or package (`search.py`, `index/`) -> what its line says."""
    rows = {}
    for line in _section("Which module owns what").splitlines():
        m = re.match(r"\| `([^`]+)` \|(.*)\|$", line)
        if m:
            rows[m.group(1)] = m.group(2)
    return rows


def unmapped_modules(package: Path, rows: dict[str, str]) -> list[str]:
    """The modules of `package` the table has no line for, nor names in their package's line."""
    missing = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        if rel in rows or rel in ("__init__.py", "__main__.py"):
            continue
        if "/" in rel:
            folder, name = rel.split("/", 1)
            line = rows.get(f"{folder}/")
            if name == "__init__.py" and (line is not None or rel in rows):
                continue
            if line is not None and f"`{name.removesuffix('.py')}" in line:
                continue
        missing.append(rel)
    return missing


def test_every_module_has_its_line_in_the_map():
    assert unmapped_modules(ROOT / "factcli", _module_rows()) == []


def test_every_test_file_is_named_where_the_tests_are_found():
    index = _section("Where is the test for X")
    unnamed = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "tests").rglob("test_*.py"))
        if f"`{path.relative_to(ROOT).as_posix()}`" not in index
    ]
    assert unnamed == []


def test_the_map_check_sees_a_module_missing_from_its_package_line(tmp_path):
    (tmp_path / "index").mkdir()
    for rel in ("index/__init__.py", "index/place.py", "index/spare.py", "solo.py", "search.py"):
        (tmp_path / rel).write_text("", encoding="utf-8")
    rows = {"index/": " `place` (where it lives) ", "search.py": " finding claims "}
    assert unmapped_modules(tmp_path, rows) == ["index/spare.py", "solo.py"]
