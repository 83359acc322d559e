"""The README stays true: its commands run, and every command is documented and has help."""

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from arc.cli import build_parser
from tests.extras import INSTALL, installed_by, missing, needs

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")
COMMAND_LINES = re.findall(r"^\$ (arc .*)$", README, flags=re.M)


def _commands():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices


def test_readme_has_example_commands():
    assert len(COMMAND_LINES) >= 4


@pytest.mark.parametrize("line", COMMAND_LINES)
def test_readme_command_runs(line, tmp_path):
    # The README's lines run as written in a folder like a fresh clone's, an empty one but for
    # output/ (tracked in git through output/.gitkeep): they read only arc's own texts, and
    # whatever they write goes into output/, never into the clone's root.
    if missing(*needs(line)):
        pytest.skip(f"{' '.join(missing(*needs(line)))}: {INSTALL}")
    assert (ROOT / "output" / ".gitkeep").is_file()
    (tmp_path / "output").mkdir()
    args = shlex.split(line)[1:]
    result = subprocess.run(
        [sys.executable, "-m", "arc", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    written = re.findall(r"-o (\S+)", line)
    for name in written:
        assert (tmp_path / name).stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == ["output"]


def test_make_plot_installs_what_the_readme_lines_need():
    # The README says every `$ arc` line runs after `make plot`: the extras they name (the
    # scorers) are installed by its install step, not only by `make test`'s.
    recipe = re.search(r"^\$\(ARC_STAMP\):.*\n\t(.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert recipe, "the Makefile's $(ARC_STAMP) rule"
    needed = {extra for line in COMMAND_LINES for extra in needs(line)}
    assert needed == {"afinn", "textblob", "nrc"}
    assert needed <= installed_by(recipe.group(1)), recipe.group(1)
    assert "after `make plot`" in README.lower()


def test_the_readme_notebook_setup_installs_what_the_notebooks_need():
    # A notebook runs in a fresh kernel after the README's notebook set-up, scorers.ipynb too.
    setup = re.search(r"To open the notebooks yourself:\s*`([^`]+)`", README)
    assert setup, "the README's notebook set-up"
    needed = set()
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text("utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        needed |= set(needs(code))
    assert "nrc" in needed  # notebooks/scorers.ipynb reads with every scorer
    assert needed <= installed_by(setup.group(1)), setup.group(1)


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_is_documented_and_has_help(name):
    parser = _commands()[name]
    assert f"`arc {name}" in README
    help_text = parser.format_help()
    assert "Example:" in help_text
    for action in parser._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option in README, f"{option} of arc {name} is not in the README"


def test_readme_documents_every_column():
    from arc.analysis.frame import COLUMNS, SENTENCE_COLUMNS

    for column in (*COLUMNS, *SENTENCE_COLUMNS):
        assert f"`{column}`" in README, column


def test_readme_names_the_public_api():
    import arc

    for name in arc.__all__:
        if name != "__version__" and not name.isupper():
            assert f"arc.{name}" in README or f"`{name}`" in README, name


def test_ruff_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean(tmp_path):
    """arc ships a py.typed, so its types are checked: ``python -m mypy arc`` passes."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path), "arc"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    """The code is laid out by ruff's formatter, not by hand: no file it would change."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
