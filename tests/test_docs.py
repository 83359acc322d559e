"""The README stays true: its commands run, and every command is documented and has help."""

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from arc.cli import build_parser
from tests.extras import INSTALL, missing, needs

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
    # The README's lines run as written in an empty folder: they read only arc's own texts.
    if missing(*needs(line)):
        pytest.skip(f"{' '.join(missing(*needs(line)))}: {INSTALL}")
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
