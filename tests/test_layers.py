"""The package's layers, read from its import graph: no cycle, no private name across modules.

Each folder is a layer and imports only the layers below it (``STYLE.md``'s shape)::

    errors, parallel, _compat,     the base: nothing else of arc's
    _version
    text/                          bytes -> text, documents, paragraphs, sentences, chapters
    score/                         the scorer protocol, VADER's engine, other readers
    analysis/                      the scored sentence table -> units, smoothing, turns, shapes
    charts/                        chart data, layout, captions, theme, renderers
    export, report                 tables and terminal text from the layers below
    cli, __main__, arc             the command and the package's public names

Imports written inside functions count as much as those at the top: a cycle hidden in a
function is still a cycle.
"""

from __future__ import annotations

import ast

import pytest

from tests.importgraph import cycles, edges, modules

LAYERS = {
    "arc.errors": 0,
    "arc.parallel": 0,
    "arc._compat": 0,
    "arc._version": 0,
    "arc.cache": 0,
    "arc.text": 1,
    "arc.score": 2,
    "arc.analysis": 3,
    "arc.charts": 4,
    "arc.export": 5,
    "arc.report": 5,
    "arc.corpora": 5,
    "arc.cli": 6,
    "arc.__main__": 7,
    "arc": 7,
}
#: The most lines a module may have (a module longer than this has more than one concern).
MAX_LINES = 900
#: Debt being paid, listed so that it can only shrink: each entry must still be true (the
#: test fails once it is fixed, so the entry is removed with the fix) and nothing else may
#: join it.
OVERSIZED: set[str] = set()
PRIVATE_DEBT: set[tuple[str, str]] = set()


def layer(module: str) -> int:
    """The layer of a module: that of the longest prefix in :data:`LAYERS`."""
    best = max((k for k in LAYERS if module == k or module.startswith(k + ".")), key=len)
    return LAYERS[best]


def test_every_module_has_a_layer():
    for name in modules():
        assert layer(name) >= 0, name


def test_the_graph_is_read():
    found = edges()
    assert any(e.source == "arc.analysis.frame" and e.target == "arc.text.document" for e in found)
    assert len(found) > 100


def test_no_import_cycle():
    assert cycles(edges()) == []


@pytest.mark.parametrize("edge", edges(), ids=lambda e: f"{e.source}->{e.target}")
def test_imports_go_down_the_layers(edge):
    assert layer(edge.target) <= layer(edge.source), (
        f"{edge.source} (layer {layer(edge.source)}) imports {edge.target} "
        f"(layer {layer(edge.target)}) at line {edge.line}"
    )


def test_no_private_name_crosses_a_module():
    crossing = {
        (e.source, e.target)
        for e in edges()
        for name in e.names
        if name.startswith("_") and not name.startswith("__")
    }
    assert crossing == PRIVATE_DEBT


def test_no_private_attribute_of_another_arc_module():
    """``segment._tokenizer()`` through a module alias is a private name crossing too."""
    known = modules()
    found = []
    for name, path in known.items():
        tree = ast.parse(path.read_text("utf-8"))
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for a in node.names:
                    if f"{node.module}.{a.name}" in known:
                        aliases[a.asname or a.name] = f"{node.module}.{a.name}"
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.name in known and a.asname:
                        aliases[a.asname] = a.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and aliases[node.value.id] != name
            ):
                found.append((name, aliases[node.value.id], node.attr, node.lineno))
    assert found == []


@pytest.mark.parametrize("name", sorted(modules()))
def test_modules_stay_small(name):
    lines = modules()[name].read_text("utf-8").count("\n")
    if name in OVERSIZED:
        assert lines > MAX_LINES, f"{name} is small now: remove it from OVERSIZED"
    else:
        assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by concern"
