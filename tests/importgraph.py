"""The import graph of the arc package, read from its source: modules, edges, private names.

Used by ``tests/test_layers.py`` and ``scripts/import_graph.py``; reads files, imports nothing.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "arc"


@dataclass(frozen=True)
class Edge:
    """``source`` imports ``target`` (a module of arc's), taking ``names`` from it."""

    source: str
    target: str
    names: tuple[str, ...]
    line: int


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its ``__init__``)."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def edges() -> list[Edge]:
    """Every import of one arc module by another, wherever it is written (in functions too)."""
    known = modules()
    found: list[Edge] = []
    for name, path in known.items():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in known and alias.name != name:
                        found.append(Edge(name, alias.name, (), node.lineno))
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module not in known:
                    continue
                plain = []
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    if sub in known:  # ``from arc.text import io``: the submodule itself
                        found.append(Edge(name, sub, (), node.lineno))
                    else:
                        plain.append(alias.name)
                if plain and node.module != name:
                    found.append(Edge(name, node.module, tuple(plain), node.lineno))
    return found


def cycles(found: list[Edge]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for e in found:
        if e.target.startswith(e.source + ".") or e.source.startswith(e.target + "."):
            continue  # a package and its own modules (``arc`` re-exports its submodules)
        graph.setdefault(e.source, set()).add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out
