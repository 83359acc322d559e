"""Execute the notebooks in place, so they are committed with their outputs (``make docs``).

Each notebook records the versions that made its outputs (``metadata.arc.versions``); the
tests re-run it and compare the outputs when the versions match.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbclient
import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def versions() -> dict[str, str]:
    """The versions of Python and of the packages whose output a notebook shows."""
    import importlib.metadata as md
    import platform

    names = ["arc-sentiment", "numpy", "pandas", "matplotlib", "vaderSentiment", "nltk"]
    return {"python": platform.python_version(), **{n: md.version(n) for n in names}}


def execute(path: Path, checks: str | None = None) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, in its own folder; return it run.

    ``checks`` is code run in the same kernel after the last cell, as an extra cell that the
    returned notebook keeps at its end (the tests use it; ``make docs`` does not).
    """
    nb = nbformat.read(path, as_version=4)
    if checks:
        nb.cells.append(nbformat.v4.new_code_cell(checks))
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    # Charts as a reader sees them in Jupyter (a test run sets MPLBACKEND=Agg, which the
    # kernel would inherit and which shows nothing).
    saved = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        client.execute()
    finally:
        if saved is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = saved
    nb.metadata["arc"] = {"versions": versions()}
    return nb


def main() -> int:
    for path in NOTEBOOKS:
        nbformat.write(execute(path), path)
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
