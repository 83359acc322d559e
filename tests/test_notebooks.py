"""Notebooks run top to bottom in a fresh kernel and are committed with current outputs."""

import importlib.util
from pathlib import Path

import nbformat
import pytest

from tests.extras import INSTALL, missing, needs
from tests.notebook_facts import FACTS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))

_script = ROOT / "scripts" / "run_notebooks.py"
_spec = importlib.util.spec_from_file_location("run_notebooks", _script)
run_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_notebooks)


def test_there_are_notebooks():
    assert {p.name for p in NOTEBOOKS} >= {"final_goodbyes.ipynb", "novels.ipynb"}


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def executed(request, tmp_path_factory):
    """(committed, freshly executed) notebook; the run happens in a copy's folder."""
    path = request.param
    committed = nbformat.read(path, as_version=4)
    source = "\n".join(c.source for c in committed.cells if c.cell_type == "code")
    if missing(*needs(source)):
        pytest.skip(f"{path.name} uses {', '.join(missing(*needs(source)))}: {INSTALL}")
    fresh = run_notebooks.execute(path, FACTS.get(path.name))
    return path, committed, fresh


def _texts(nb):
    """Every code cell's text outputs (streams and plain-text results), in order.

    A kernel may send one cell's printing in several stream chunks, split differently from
    run to run: consecutive chunks of one stream in one cell are joined before comparing.
    """
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell_out = []
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                if cell_out and cell_out[-1][0] == o.name:
                    cell_out[-1] = (o.name, cell_out[-1][1] + o.text)
                else:
                    cell_out.append((o.name, o.text))
            elif o.output_type in ("execute_result", "display_data"):
                cell_out.append(("text", o.get("data", {}).get("text/plain", "")))
            elif o.output_type == "error":
                cell_out.append(("error", o.ename))
        out.extend(cell_out)
    return out


def _images(nb):
    return sum(
        "image/png" in o.get("data", {})
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
    )


def _without_checks(nb):
    """The notebook as a reader has it: without the checks cell the tests appended."""
    copy = nbformat.from_dict(nb)
    copy.cells = copy.cells[:-1]
    return copy


def test_every_notebook_has_its_facts():
    assert set(FACTS) == {p.name for p in NOTEBOOKS}


def test_notebook_runs_and_its_facts_hold(executed):
    _, _, fresh = executed
    errors = [o for o in fresh.cells[-1].get("outputs", []) if o.output_type == "error"]
    assert not errors, errors and "\n".join(errors[0].traceback)
    assert not [t for t in _texts(fresh) if t[0] == "error"]
    assert _images(fresh) >= 1


def test_no_checks_in_reader_facing_cells():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not any(
                    line.lstrip().startswith("assert ") for line in cell.source.splitlines()
                ), path.name


def test_notebook_is_committed_with_its_outputs(executed):
    _, committed, _ = executed
    code = [c for c in committed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "run `make docs`"
    assert _images(committed) >= 1, "run `make docs`: a reader sees the charts without running"
    assert "versions" in committed.metadata.get("arc", {})


def test_committed_outputs_are_current(executed):
    path, committed, fresh = executed
    made_with = committed.metadata.get("arc", {}).get("versions")
    now = run_notebooks.versions()
    if made_with != now:
        pytest.skip(
            f"{path.name}: outputs made with {made_with}, this run has {now}; "
            "outputs are compared only on the versions that made them"
        )
    reader = _without_checks(fresh)
    assert _texts(committed) == _texts(reader), f"run `make docs`: {path.name} is stale"
    assert _images(committed) == _images(reader)
