"""Draw arc's import graph by layer into docs/architecture/imports.png; print folder-level edges.

Every module is a box in the row of its layer (tests/test_layers.py declares them); every
import of one arc module by another is a line from the importer down to what it imports.
An import that went up a layer, or a cycle, would show as a red line; the test forbids both.
Run: python scripts/import_graph.py [OUT.png]
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matplotlib.figure import Figure  # noqa: E402

from tests.importgraph import cycles, edges, modules  # noqa: E402
from tests.test_layers import layer  # noqa: E402

ROWS = {
    0: "base: errors, _version, parallel, _compat",
    1: "text/",
    2: "score/",
    3: "analysis/",
    4: "charts/",
    5: "export, report",
    6: "cli",
    7: "arc, __main__",
}


def main() -> None:
    default = ROOT / "docs" / "architecture" / "imports.png"
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    names = sorted(modules())
    found = edges()
    by_row: dict[int, list[str]] = defaultdict(list)
    for name in names:
        by_row[layer(name)].append(name)
    width = max(len(v) for v in by_row.values())
    fig = Figure(figsize=(max(12.0, 0.95 * width), 9.0))
    ax = fig.add_axes((0.2, 0.03, 0.79, 0.9))
    place: dict[str, tuple[float, float]] = {}
    for row, members in by_row.items():
        step = width / max(len(members), 1)
        for k, name in enumerate(members):
            place[name] = ((k + 0.5) * step, float(row))
    upward = 0
    for e in found:
        (x0, y0), (x1, y1) = place[e.source], place[e.target]
        bad = y1 > y0
        upward += bad
        ax.plot(
            [x0, x1],
            [y0, y1],
            color="#d73027" if bad else "#9ab",
            lw=1.4 if bad else 0.5,
            alpha=0.9 if bad else 0.45,
            zorder=1,
        )
    for name, (x, y) in place.items():
        short = name.removeprefix("arc.").split(".")[-1] if name != "arc" else "arc"
        ax.text(
            x,
            y,
            short,
            ha="center",
            va="center",
            fontsize=7.5,
            rotation=0,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#456", "lw": 0.6},
        )
    for row, label in ROWS.items():
        ax.axhspan(row - 0.42, row + 0.42, color="#f1f4f8" if row % 2 else "#e6ecf3", zorder=0)
        ax.text(
            -0.02,
            row,
            label,
            transform=ax.get_yaxis_transform(),
            ha="right",
            va="center",
            fontsize=9,
        )
    ax.set_xlim(0, width)
    ax.set_ylim(-0.6, max(ROWS) + 0.6)
    ax.axis("off")
    loops = cycles(found)
    fig.suptitle(
        f"arc's imports by layer: {len(names)} modules, {len(found)} imports, "
        f"{upward} going up a layer, {len(loops)} cycles",
        fontsize=12,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110, metadata={"Software": None})
    folders = Counter(
        (_folder(e.source), _folder(e.target))
        for e in found
        if _folder(e.source) != _folder(e.target)
    )
    for (a, b), n in sorted(folders.items()):
        print(f"{a:>14} -> {b:<14} {n:3d}")
    print(out)


def _folder(name: str) -> str:
    parts = name.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 else name


if __name__ == "__main__":
    main()
