"""Which operations the tests of a module exercise, as its ``covers(...)`` calls say.

A test names the operations it exercises with ``covers("getContext", ...)``; the module's last
test checks that every operation of its group is named. The names are read from the module's
source, not gathered while tests run: the tests of one module may run in different worker
processes (``nox -s tests`` runs them in parallel), in any order, or only some of them.
"""

from __future__ import annotations

import ast
from pathlib import Path


def covers(*operation_ids: str) -> None:
    """Name the operations the calling test exercises (read by :func:`covered_operations`)."""


def _test_functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The module's test functions and the test methods of its ``Test*`` classes."""
    nodes: list[ast.stmt] = list(tree.body)
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            nodes += node.body
    return [
        node
        for node in nodes
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    ]


def covered_operations(module_file: str | Path) -> set[str]:
    """Every operation ID that a test function of ``module_file`` passes to ``covers``.

    Only literal strings count; any other argument is an error, since it cannot be read.
    """
    path = Path(module_file)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for function in _test_functions(tree):
        for node in ast.walk(function):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "covers"
            ):
                continue
            for argument in node.args:
                if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                    raise ValueError(
                        f"{path.name}:{node.lineno}: covers() takes literal operation IDs only"
                    )
                found.add(argument.value)
    return found
