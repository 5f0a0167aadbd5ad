"""Constants spelled in one place only (STYLE.md): the kestra:// scheme and the storage
layout's folder names (storage/layout.py), the system label prefix
(plugins/api/labels.py) and the log level names (plugins/api/log_levels.py). A second
spelling would drift from the first; this reads every module's string constants."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("kestraweb", "flows", "executions", "plugins", "expressions", "storage", "api")
LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR"}


def string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), str(path))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def modules() -> list[Path]:
    return [path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
            if "tests" not in path.relative_to(ROOT).parts and "migrations" not in path.parts]


def spelled(predicate) -> set[str]:
    return {f"{path.relative_to(ROOT)}:{line}" for path in modules()
            for line, value in string_constants(path) if predicate(value)}


def test_the_storage_scheme_is_spelled_in_the_layout_only():
    assert {place.split(":")[0] for place in spelled(lambda s: s.startswith("kestra:/"))} == {"storage/layout.py"}


def test_the_system_label_prefix_is_spelled_once():
    assert {place.split(":")[0] for place in spelled(lambda s: s.startswith("system."))} == {"plugins/api/labels.py"}


def test_the_list_of_log_levels_is_spelled_once():
    """Every module names a level it logs at; the full list lives in one place."""
    places = {}
    for path in modules():
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.Tuple, ast.List)):
                values = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                if values >= LEVELS:
                    places[f"{path.relative_to(ROOT)}:{node.lineno}"] = sorted(values)
    assert [place.split(":")[0] for place in places] == ["plugins/api/log_levels.py"]
